/* Every surface of the catalogue: the analytic gradient against central
 * differences at many points, the known minima are stationary with the listed
 * value, views are valid, look-ups by name round-trip, the classic functions come
 * first in DESIGN's order, spot values computed independently of the C code, and
 * every classic surface's row function equal to its point function. */
#include "testutil.h"

#include <string.h>

#include "core/surface.h"

static void test_gradients(void **unused)
{
    (void)unused;
    unsigned seed = 12345;
    for (int i = 0; i < surface_count(); i++) {
        const Surface *s = surface_at(i);
        for (int k = 0; k < 400; k++) {
            double x = s->view.x0 + (s->view.x1 - s->view.x0) * rnd(&seed);
            double y = s->view.y0 + (s->view.y1 - s->view.y0) * rnd(&seed);
            Vec2 g;
            double f = surface_eval(s, x, y, &g);
            double h = 1e-6;
            double nx = (surface_eval(s, x + h, y, NULL) - surface_eval(s, x - h, y, NULL)) / (2 * h);
            double ny = (surface_eval(s, x, y + h, NULL) - surface_eval(s, x, y - h, NULL)) / (2 * h);
            /* central differences err by ~eps |f| / h (2e-10 |f|) plus h² |f'''| / 6:
             * 1e-6 max(1, |f|) leaves a margin of 25 or more on every surface
             * (goldstein-price reaches 1e6), yet fails a gradient coefficient
             * changed by 1% */
            double scale = fmax(1.0, fabs(f));
            if (fabs(g.x - nx) > 1e-6 * scale || fabs(g.y - ny) > 1e-6 * scale)
                fail_msg("%s at (%g, %g): analytic (%.10g, %.10g) numeric (%.10g, %.10g)",
                         s->name, x, y, g.x, g.y, nx, ny);
            assert_true(f == surface_eval(s, x, y, NULL)); /* value without gradient */
        }
    }
}

static void test_minima(void **unused)
{
    (void)unused;
    for (int i = 0; i < surface_count(); i++) {
        const Surface *s = surface_at(i);
        for (int k = 0; k < s->nmin; k++) {
            Vec2 g;
            double f = surface_eval(s, s->minima[k].x, s->minima[k].y, &g);
            assert_close(f, s->minima[k].f, 1e-9);
            /* the hinge's minimum sits on a kink: 0 is in its sub-differential, but
             * the indicator 1(margin < 1) of DESIGN reports a one-sided gradient
             * there (test_data checks the sub-gradient) */
            if (hypot(g.x, g.y) > 1e-9 && strcmp(s->name, "svm-hinge") != 0)
                fail_msg("%s minimum %d is not stationary: |g| = %g", s->name, k,
                         hypot(g.x, g.y));
            /* a minimum: nearby points are not lower */
            for (int d = 0; d < 8; d++) {
                double a = d * 3.14159265358979323846 / 4;
                double fn = surface_eval(s, s->minima[k].x + 1e-3 * cos(a),
                                         s->minima[k].y + 1e-3 * sin(a), NULL);
                assert_true(fn >= f - 1e-12);
            }
        }
    }
}

/* The classic functions of DESIGN section 4, in the table's order. */
static const char *classic[] = {
    "bowl",      "ravine", "saddle",          "rosenbrock",       "himmelblau",
    "beale",     "booth",  "matyas",          "three-hump-camel", "six-hump-camel",
    "rastrigin", "ackley", "styblinski-tang", "goldstein-price",  "mccormick",
};

static void test_catalogue(void **unused)
{
    (void)unused;
    for (unsigned i = 0; i < sizeof classic / sizeof classic[0]; i++)
        assert_non_null(surface_find(classic[i]));
    assert_null(surface_find("nope"));
    assert_null(surface_find(NULL));
    for (int i = 0; i < surface_count(); i++) {
        const Surface *s = surface_at(i);
        assert_ptr_equal(surface_find(s->name), s);
        assert_int_equal(surface_index(s), i);
        assert_true(view_valid(s->view));
        assert_true(strlen(s->formula) > 0 && strlen(s->xlabel) > 0);
    }
    assert_null(surface_at(-1));
    assert_null(surface_at(surface_count()));
    /* the saddle has none, himmelblau four equal minima */
    assert_int_equal(surface_find("saddle")->nmin, 0);
    assert_int_equal(surface_find("himmelblau")->nmin, 4);
    assert_int_equal(surface_find("six-hump-camel")->nmin, 2);
}

/* The classic functions open the catalogue in DESIGN's order, of kind "function"
 * with axes x and y; every surface after them is of another kind. */
static void test_classic_order(void **unused)
{
    (void)unused;
    int n = (int)(sizeof classic / sizeof classic[0]);
    assert_int_equal(n, 15);
    assert_true(surface_count() >= n);
    for (int i = 0; i < n; i++) {
        const Surface *s = surface_at(i);
        if (strcmp(s->name, classic[i]) != 0)
            fail_msg("surface %d is %s, expected %s", i, s->name, classic[i]);
        assert_string_equal(s->kind, "function");
        assert_string_equal(s->xlabel, "x");
        assert_string_equal(s->ylabel, "y");
        assert_null(s->ctx);
        assert_int_equal(s->nsamples, 0);
    }
    for (int i = n; i < surface_count(); i++)
        assert_string_not_equal(surface_at(i)->kind, "function");
}

/* Ackley is not differentiable at the origin: the gradient there is (0, 0); next to
 * it, the cone's slope 2√2 pointing away from the origin, and at subnormal distances
 * (where x / r is rounded coarsely) still finite and bounded. */
static void test_ackley_origin(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("ackley");
    Vec2 g = {1, 1};
    assert_close(surface_eval(s, 0, 0, &g), 0, 1e-12);
    assert_true(g.x == 0 && g.y == 0);
    static const double d[] = {1e-9, 1e-12, 1e-160, 1e-200, 1e-300, 1e-310, 5e-324};
    static const double dir[][2] = {{1, 0}, {0, -1}, {1, 1}, {-3, 4}};
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++) {
        for (unsigned k = 0; k < sizeof dir / sizeof dir[0]; k++) {
            double f = surface_eval(s, d[i] * dir[k][0], d[i] * dir[k][1], &g);
            double len = hypot(dir[k][0], dir[k][1]), slope = 2 * sqrt(2.0);
            if (!isfinite(f) || !isfinite(g.x) || !isfinite(g.y) || hypot(g.x, g.y) > 4)
                fail_msg("ackley at %g (%g, %g): f %g, g (%g, %g)", d[i], dir[k][0],
                         dir[k][1], f, g.x, g.y);
            if (d[i] >= 1e-300) {
                assert_close(g.x, slope * dir[k][0] / len, 1e-5);
                assert_close(g.y, slope * dir[k][1] / len, 1e-5);
            }
        }
    }
}

/* Spot values from the formulas in DESIGN section 4. */
static void test_values(void **unused)
{
    (void)unused;
    static const struct {
        const char *name;
        double x, y, f;
    } cases[] = {
        {"bowl", 3, -4, 25},
        {"ravine", 1, 1, 11},
        {"saddle", 1, 2, -3},
        {"rosenbrock", 0, 0, 1},
        {"rosenbrock", -1, 1, 4},
        {"himmelblau", 0, 0, 170},
        {"himmelblau", 1, 1, 106},
        /* computed with exact arithmetic (sympy) from VLSE's standard forms */
        {"beale", 0, 0, 14.203125},    /* 909/64 */
        {"beale", 1, 2, 126.453125},   /* 8093/64 */
        {"beale", -2, 0.5, 39.453125}, /* 2525/64 */
        {"booth", 0, 0, 74},
        {"booth", 2, -1, 53},
        {"matyas", 1, 1, 0.04},
        {"matyas", 3, -2, 6.26},
        {"three-hump-camel", 1, 1, 3.1166666666666667},  /* 187/60 */
        {"three-hump-camel", 2, -1, 0.8666666666666667}, /* 13/15 */
        {"six-hump-camel", 1, 1, 3.2333333333333334},    /* 97/30 */
        {"six-hump-camel", -1, 0.5, 0.9833333333333333}, /* 59/60 */
        {"rastrigin", 1, 1, 2},
        {"rastrigin", 0.5, 0.5, 40.5},
        {"rastrigin", 0.25, 0, 10.0625},
        {"ackley", 1, 1, 3.6253849384403627},  /* 20 − 20e^−0.2 */
        {"ackley", 0.5, 0, 3.083653359991155}, /* 19 + e − 20e^(−√2/20) */
        {"ackley", 2, -3, 7.9889108105187},    /* 20 − 20e^(−√26/10) */
        {"styblinski-tang", 0, 0, 0},
        {"styblinski-tang", 1, -1, -15},
        {"styblinski-tang", 2, 3, -43},
        {"goldstein-price", 0, 0, 600},
        {"goldstein-price", 1, 1, 1876},
        {"goldstein-price", -1, 1, 87100},
        {"mccormick", 0, 0, 1},
        {"mccormick", 1, 1, 2.9092974268256815},    /* 2 + sin 2 */
        {"mccormick", 2, -0.5, 3.9974949866040546}, /* 3 + sin 1.5 */
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const Surface *s = surface_find(cases[i].name);
        assert_non_null(s);
        assert_close(surface_eval(s, cases[i].x, cases[i].y, NULL), cases[i].f, 1e-12);
    }
}

/* Every classic surface's row function gives its point function's value bit for
 * bit (or NaN for NaN), over rows near the view and far out, where the values
 * overflow to infinity or turn NaN (inf - inf), and at non-finite y. */
static void test_rows(void **unused)
{
    (void)unused;
    static const double ys[] = {0, -0.7, 1.25, 3, -41.5, 1e3, -2e7, 1e52, -3e77,
                                1e155, -1e200, 1e308, INFINITY, -INFINITY, NAN};
    static const struct {
        double x0, dx; /* a row: x0 + i*dx for i < 64 */
    } rows[] = {{-2.03125, 0.0625}, {-5, 0.17}, {-1e6, 3.3e4}, {1e100, -3e98},
                {-1e160, 3.1e158}, {-1e305, 3.1e303}};
    double out[64];
    for (int k = 0; k < surface_count(); k++) {
        const Surface *s = surface_at(k);
        if (strcmp(s->kind, "function") != 0) continue;
        if (!s->row) fail_msg("%s has no row function", s->name);
        for (unsigned r = 0; r < sizeof rows / sizeof rows[0]; r++)
            for (unsigned j = 0; j < sizeof ys / sizeof ys[0]; j++) {
                s->row(s->ctx, ys[j], rows[r].x0, rows[r].dx, 64, out);
                for (int i = 0; i < 64; i++) {
                    double x = rows[r].x0 + i * rows[r].dx;
                    double f = surface_eval(s, x, ys[j], NULL);
                    if (!(out[i] == f || (isnan(out[i]) && isnan(f))))
                        fail_msg("%s at (%.17g, %.17g): row %.17g, point %.17g", s->name,
                                 x, ys[j], out[i], f);
                }
            }
        /* a row of one and an empty row write only what they are asked to */
        out[1] = 42;
        s->row(s->ctx, 0.5, 0.25, 1, 1, out);
        assert_true(out[0] == surface_eval(s, 0.25, 0.5, NULL));
        assert_true(out[1] == 42);
        s->row(s->ctx, 0.5, 0.25, 1, 0, out + 1);
        assert_true(out[1] == 42);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gradients),
        cmocka_unit_test(test_minima),
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test(test_classic_order),
        cmocka_unit_test(test_ackley_origin),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
