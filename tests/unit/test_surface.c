/* Every surface of the catalogue: the analytic gradient against central
 * differences at many points, the known minima are stationary with the listed
 * value, views are valid, and look-ups by name round-trip. */
#include "testutil.h"

#include <string.h>

#include "core/surface.h"

/* A deterministic pseudo-random number in [0, 1). */
static double rnd(unsigned *state)
{
    *state = *state * 1664525u + 1013904223u;
    return (*state >> 8) / 16777216.0;
}

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
            if (hypot(g.x, g.y) > 1e-9)
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

static void test_catalogue(void **unused)
{
    (void)unused;
    static const char *required[] = {"bowl", "ravine", "saddle", "rosenbrock", "himmelblau"};
    for (unsigned i = 0; i < sizeof required / sizeof required[0]; i++)
        assert_non_null(surface_find(required[i]));
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
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_close(surface_eval(surface_find(cases[i].name), cases[i].x, cases[i].y, NULL),
                     cases[i].f, 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gradients),
        cmocka_unit_test(test_minima),
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test(test_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
