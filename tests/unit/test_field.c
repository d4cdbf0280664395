/* Unit tests of src/core/field.c: sampling at pixel centres, and a pan by whole
 * pixels giving what a fresh sampling of the moved view gives, for surfaces with
 * and without a row function and with undefined regions; views that are not such
 * a pan leave the field alone. */
#include "testutil.h"

#include <string.h>

#include "core/expr.h"
#include "core/field.h"

#define W 83
#define H 57

/* Shifts of the view in pixels (right, up); the last ones cannot be panned. */
static const struct {
    double kx, ky;
    int ok;
} shifts[] = {
    {3, -2, 1},  {-50, 17, 1}, {0, 5, 1},     {W - 1, 0, 1}, {0, -(H - 1), 1},
    {7, 7, 1},   {W, 0, 0},    {0, -H, 0},    {0.5, 0, 0},   {2, 1.001, 0},
};

/* The surfaces: built-in (per point), typed (a row function), with holes. */
static const char *const exprs[] = {"(1-x)^2 + 100*(y-x^2)^2", "log(x) + sqrt(y)"};

static void check_equal(const Field *a, const Field *b)
{
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    for (int i = 0; i < a->w * a->h; i++) {
        if (isnan(b->v[i])) {
            assert_true(isnan(a->v[i]));
            continue;
        }
        assert_close(a->v[i], b->v[i], 1e-9);
    }
    assert_close(a->vmin, b->vmin, 1e-9);
    assert_close(a->vmax, b->vmax, 1e-9);
}

static void pan_all(const Surface *s)
{
    Field f = {0}, fresh = {0};
    View v0 = {-1.7, 2.3, -0.9, 3.1};
    double px = (v0.x1 - v0.x0) / W, py = (v0.y1 - v0.y0) / H;
    for (size_t k = 0; k < sizeof shifts / sizeof shifts[0]; k++) {
        assert_int_equal(field_sample(&f, s, v0, W, H), 0);
        View v = {v0.x0 + shifts[k].kx * px, v0.x1 + shifts[k].kx * px,
                  v0.y0 + shifts[k].ky * py, v0.y1 + shifts[k].ky * py};
        double before = f.v[W * H / 2];
        int rc = field_pan(&f, s, v);
        assert_int_equal(rc, shifts[k].ok);
        if (!rc) { /* untouched */
            assert_memory_equal(&f.view, &v0, sizeof v0);
            assert_true(f.v[W * H / 2] == before || isnan(before));
            continue;
        }
        assert_int_equal(field_sample(&fresh, s, v, W, H), 0);
        check_equal(&f, &fresh);
        /* a second pan, back: the field of the first view again */
        assert_int_equal(field_pan(&f, s, v0), 1);
        assert_int_equal(field_sample(&fresh, s, v0, W, H), 0);
        check_equal(&f, &fresh);
    }
    /* another size is no pan */
    View zoom = {v0.x0, v0.x1 + px, v0.y0, v0.y1};
    assert_int_equal(field_pan(&f, s, zoom), 0);
    field_free(&f);
    field_free(&fresh);
    field_free(&f);
}

static void test_pan_builtin(void **state)
{
    (void)state;
    pan_all(surface_find("rosenbrock"));
    pan_all(surface_find("himmelblau"));
}

static void test_pan_typed(void **state)
{
    (void)state;
    char err[256];
    for (size_t k = 0; k < sizeof exprs / sizeof exprs[0]; k++) {
        Expr *e = expr_compile(exprs[k], err, sizeof err, NULL);
        assert_non_null(e);
        Surface s = expr_surface(e);
        assert_non_null(s.row);
        pan_all(&s);
        expr_free(e);
    }
}

/* Samples sit at pixel centres, row 0 at the top. */
static void test_centres(void **state)
{
    (void)state;
    char err[256];
    Expr *e = expr_compile("x + 1000*y", err, sizeof err, NULL);
    Surface s = expr_surface(e);
    Field f = {0};
    View v = {0, 4, 0, 2};
    assert_int_equal(field_sample(&f, &s, v, 4, 2), 0);
    assert_close(f.v[0], 0.5 + 1500, 1e-12);
    assert_close(f.v[3], 3.5 + 1500, 1e-12);
    assert_close(f.v[4], 0.5 + 500, 1e-12);
    assert_close(f.vmin, 500.5, 1e-12);
    assert_close(f.vmax, 1503.5, 1e-12);
    field_free(&f);
    expr_free(e);
}

/* The range is over the finite values only: NaN (log of a negative), +inf and
 * -inf (1/0, log 0 at a pixel centre) are left out, wherever they fall in a row;
 * a field with no finite value gets [0, 1]. */
static void test_range_finite(void **state)
{
    (void)state;
    static const struct {
        const char *expr;
        View v;
        int w;
        double lo, hi;
    } cases[] = {
        /* x at the centres -1.5 .. 1.5: log(x) NaN for x < 0, log(0.5) and log(1.5) */
        {"log(x) + 0*y", {-2, 2, 0, 1}, 4, -0.69314718055994529, 0.40546510810816438},
        /* the centre x = 0 gives 1/0 = +inf and -1/0 = -inf: left out */
        {"1/x + 0*y", {-1.5, 1.5, 0, 1}, 3, -1, 1},
        {"-1/(x*x) + 0*y", {-1.5, 1.5, 0, 1}, 3, -1, -1},
        {"log(-1 - x*x) + y", {-1, 1, 0, 1}, 37, 0, 1},
        /* centres -1.6 .. 1.6: the one finite value, log(1.6 - 1.2) in doubles, is the
         * row's last, odd one */
        {"log(x - 1.2) + 0*y", {-2, 2, 0, 1}, 5, -0.91629073187415477, -0.91629073187415477},
    };
    char err[256];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        Expr *e = expr_compile(cases[k].expr, err, sizeof err, NULL);
        assert_non_null(e);
        Surface s = expr_surface(e);
        Field f = {0};
        assert_int_equal(field_sample(&f, &s, cases[k].v, cases[k].w, 2), 0);
        if (f.vmin != cases[k].lo || f.vmax != cases[k].hi)
            fail_msg("%s: range [%.17g, %.17g]", cases[k].expr, f.vmin, f.vmax);
        field_free(&f);
        expr_free(e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pan_builtin),
        cmocka_unit_test(test_pan_typed),
        cmocka_unit_test(test_centres),
        cmocka_unit_test(test_range_finite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
