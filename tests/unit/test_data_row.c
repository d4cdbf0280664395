/* The heat-map rows of the data surfaces at sizes the shipped data sets do not
 * have (generated sets, core/data_gen.h, n up to 128): every pixel of a row, from
 * the fast path (data_row.c) or the general one far out, against the cost
 * evaluated at that point sample by sample; and the generator itself. */
#include "testutil.h"

#include <string.h>

#include "core/data.h"
#include "core/data_gen.h"

#define W 1000 /* pixels a row */

/* The one-input models a data set can be generated for. */
static const char *const models[] = {"neuron-xent", "neuron-mse", "tiny-net", "linreg"};
#define NMODEL ((int)(sizeof models / sizeof models[0]))

/* Fails unless every pixel of `rows` rows of s over v is the point's cost within
 * tol relative to the cost itself (not to max(1, |cost|): the costs here are
 * bounded away from 0). */
static void check_rows(const Surface *s, View v, int rows, double tol)
{
    static double out[W];
    double dx = (v.x1 - v.x0) / W;
    for (int r = 0; r < rows; r++) {
        double y = v.y0 + (v.y1 - v.y0) * (r + 0.5) / rows;
        s->row(s->ctx, y, v.x0 + 0.5 * dx, dx, W, out);
        for (int k = 0; k < W; k++) {
            double x = v.x0 + (k + 0.5) * dx, f = surface_eval(s, x, y, NULL);
            if (!(fabs(out[k] - f) <= tol * fabs(f)))
                fail_msg("%s n=%d row at (%.17g, %.17g): %.17g, cost %.17g (rel %.3g)",
                         s->name, s->nsamples, x, y, out[k], f, fabs(out[k] - f) / fabs(f));
        }
    }
}

/* The default view, a view three times as wide (the rows' edges reach the
 * general path for cross-entropy), one a hundred times narrower and one far out. */
static void test_rows_generated(void **unused)
{
    (void)unused;
    static const int sizes[] = {4, 5, 17, 100, DATA_GEN_MAX_N};
    for (int m = 0; m < NMODEL; m++)
        for (unsigned z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
            DataGen *g = data_gen_new(surface_find(models[m]), sizes[z], 6 + z);
            assert_non_null(g);
            const Surface *s = data_gen_surface(g);
            View d = s->view, cx = {(d.x0 + d.x1) / 2, 0, (d.y0 + d.y1) / 2, 0};
            View views[] = {
                d,
                {3 * d.x0 - 2 * cx.x0, 3 * d.x1 - 2 * cx.x0, 3 * d.y0 - 2 * cx.y0,
                 3 * d.y1 - 2 * cx.y0},
                {cx.x0 - 0.05, cx.x0 + 0.05, cx.y0 - 0.03, cx.y0 + 0.03},
                {-60, 60, -40, 40},
            };
            for (unsigned v = 0; v < sizeof views / sizeof views[0]; v++)
                check_rows(s, views[v], 23, 1e-12);
            data_gen_free(g);
        }
}

/* The shipped data surfaces' rows to the same relative tolerance. */
static void test_rows_shipped(void **unused)
{
    (void)unused;
    for (int m = 0; m < NMODEL; m++) {
        const Surface *s = surface_find(models[m]);
        check_rows(s, s->view, 41, 1e-12);
    }
}

/* Same seed, same set; the classes overlap; unsupported models and sizes. */
static void test_generator(void **unused)
{
    (void)unused;
    DataGen *a = data_gen_new(surface_find("neuron-xent"), 100, 6);
    DataGen *b = data_gen_new(surface_find("neuron-xent"), 100, 6);
    const Surface *sa = data_gen_surface(a), *sb = data_gen_surface(b);
    assert_int_equal(sa->nsamples, 100);
    assert_string_equal(sa->name, "neuron-xent");
    assert_true(surface_eval(sa, 1, 0.5, NULL) == surface_eval(sb, 1, 0.5, NULL));
    /* overlapping classes: cross-entropy stays above a floor even far along w */
    assert_true(surface_eval(sa, 50, 0, NULL) > 0.1);
    assert_null(data_gen_new(surface_find("svm-hinge"), 100, 6));
    assert_null(data_gen_new(surface_find("mlp-slice"), 100, 6));
    assert_null(data_gen_new(surface_find("rosenbrock"), 100, 6));
    assert_null(data_gen_new(surface_find("neuron-xent"), 3, 6));
    assert_null(data_gen_new(surface_find("neuron-xent"), DATA_GEN_MAX_N + 1, 6));
    data_gen_free(a);
    data_gen_free(b);
    data_gen_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_generated),
        cmocka_unit_test(test_rows_shipped),
        cmocka_unit_test(test_generator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
