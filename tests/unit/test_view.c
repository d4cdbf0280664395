/* Unit tests of src/core/view.c: parameter <-> pixel mappings, zoom and pan, value
 * scales, the log slider, nice ticks and their labels. */
#include "testutil.h"

#include <string.h>

#include "core/view.h"

static const View views[] = {
    {-5, 5, -5, 5},          {0, 1, 0, 1},       {-1, 3, -4, 6},
    {1e-3, 2e-3, -1e6, 1e6}, {-300, -100, 7, 8},
};
static const Rect rects[] = {
    {0, 0, 200, 150},
    {37, 12, 1000, 750},
    {-20, 5, 64, 480},
    {3, 4, 1, 1},
};
#define NV ((int)(sizeof views / sizeof views[0]))
#define NR ((int)(sizeof rects / sizeof rects[0]))

static void test_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < NV; i++)
        for (int j = 0; j < NR; j++)
            for (int k = 0; k < 50; k++) {
                View v = views[i];
                double a = (k % 7) / 6.0 * 1.4 - 0.2, b = (k % 11) / 10.0 * 1.4 - 0.2;
                Vec2 p = {v.x0 + a * (v.x1 - v.x0), v.y0 + b * (v.y1 - v.y0)};
                Vec2 q = view_from_px(v, rects[j], view_to_px(v, rects[j], p));
                /* Rounding is relative to the view's size, not to the point's. */
                assert_close((q.x - p.x) / (v.x1 - v.x0), 0, 1e-12);
                assert_close((q.y - p.y) / (v.y1 - v.y0), 0, 1e-12);
                Vec2 px = {rects[j].x + a * rects[j].w, rects[j].y + b * rects[j].h};
                Vec2 back = view_to_px(v, rects[j], view_from_px(v, rects[j], px));
                assert_close(back.x, px.x, 1e-9);
                assert_close(back.y, px.y, 1e-9);
            }
}

static void test_corners_and_flip(void **state)
{
    (void)state;
    View v = {-1, 3, -4, 6};
    Rect r = {10, 20, 400, 300};
    Vec2 tl = view_to_px(v, r, (Vec2){-1, 6}), br = view_to_px(v, r, (Vec2){3, -4});
    assert_close(tl.x, 10, 1e-12);
    assert_close(tl.y, 20, 1e-12);
    assert_close(br.x, 410, 1e-12);
    assert_close(br.y, 320, 1e-12);
    /* Larger y is higher on screen, i.e. a smaller pixel row. */
    assert_true(view_to_px(v, r, (Vec2){0, 1}).y < view_to_px(v, r, (Vec2){0, 0}).y);
    /* The centre of pixel column 0 is half a pixel from the left edge. */
    Vec2 c = view_from_px(v, r, (Vec2){10.5, 20.5});
    assert_close(c.x, -1 + 0.5 * 4.0 / 400, 1e-12);
    assert_close(c.y, 6 - 0.5 * 10.0 / 300, 1e-12);
}

static void test_zoom_pan(void **state)
{
    (void)state;
    static const double factors[] = {0.5, 0.85, 1.0, 1.7, 10.0};
    Rect r = {5, 7, 640, 480};
    for (int i = 0; i < NV; i++)
        for (int f = 0; f < 5; f++) {
            View v = views[i];
            Vec2 c = {v.x0 + 0.3 * (v.x1 - v.x0), v.y0 + 0.8 * (v.y1 - v.y0)};
            View z = view_zoom(v, c, factors[f]);
            assert_true(view_valid(z));
            Vec2 a = view_to_px(v, r, c), b = view_to_px(z, r, c);
            assert_close(a.x, b.x, 1e-9);
            assert_close(a.y, b.y, 1e-9);
            assert_close(z.x1 - z.x0, (v.x1 - v.x0) * factors[f], 1e-12);
        }
    View v = {-5, 5, -5, 5};
    View bad = view_zoom(v, (Vec2){0, 0}, 0.0);
    assert_true(bad.x0 == v.x0 && bad.x1 == v.x1);
    View p = view_pan(v, 1.5, -2);
    assert_close(p.x0, -3.5, 0);
    assert_close(p.x1, 6.5, 0);
    assert_close(p.y0, -7, 0);
    assert_close(p.y1, 3, 0);
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(view_valid((View){-1, 1, -1, 1}));
    assert_false(view_valid((View){1, 1, -1, 1}));
    assert_false(view_valid((View){-1, 1, 2, 1}));
    assert_false(view_valid((View){NAN, 1, -1, 1}));
    assert_false(view_valid((View){-1, INFINITY, -1, 1}));
    assert_false(view_valid((View){-1.7e308, 1.7e308, -1, 1}));
}

static void test_value_scale(void **state)
{
    (void)state;
    for (int lg = 0; lg < 2; lg++) {
        ValueScale s = {-3, 250, lg};
        for (int k = 0; k <= 100; k++) {
            double t = k / 100.0;
            double v = view_unit_value(s, t);
            assert_true(v >= s.lo && v <= s.hi);
            assert_close(view_value_unit(s, v), t, 1e-12);
        }
        assert_close(view_value_unit(s, -3), 0, 0);
        assert_close(view_value_unit(s, 250), 1, 0);
        assert_close(view_value_unit(s, -1e9), 0, 0);
        assert_close(view_value_unit(s, 1e9), 1, 0);
        assert_true(isnan(view_value_unit(s, NAN)));
        assert_close(view_value_unit((ValueScale){2, 2, lg}, 5), 0, 0);
        assert_close(view_value_unit((ValueScale){3, 2, lg}, 5), 0, 0);
    }
    ValueScale lin = {0, 10, 0}, lg = {0, 10, 1};
    assert_close(view_value_unit(lin, 2.5), 0.25, 1e-15);
    /* log1p(1000 * 0.1) / log1p(1000): the low end is spread out. */
    assert_close(view_value_unit(lg, 1), log1p(100.0) / log1p(1000.0), 1e-12);
    assert_true(view_value_unit(lg, 1) > 0.6);
}

static void test_log_slider(void **state)
{
    (void)state;
    static const struct {
        double v, t;
    } cases[] = {{1e-5, 0}, {1e-3, 1.0 / 3}, {0.01, 0.5}, {1, 5.0 / 6}, {10, 1}};
    for (int i = 0; i < 5; i++) {
        double t = view_log_unit(cases[i].v, 1e-5, 10);
        assert_close(t, cases[i].t, 1e-12);
        assert_close(view_unit_log(t, 1e-5, 10) / cases[i].v, 1, 1e-12);
    }
    assert_true(view_unit_log(0, 1e-5, 10) == 1e-5);
    assert_true(view_unit_log(1, 1e-5, 10) == 10);
    assert_close(view_log_unit(1e-9, 1e-5, 10), 0, 0);
    assert_close(view_log_unit(-1, 1e-5, 10), 0, 0);
    assert_close(view_log_unit(1e9, 1e-5, 10), 1, 0);
    assert_true(isnan(view_log_unit(NAN, 1e-5, 10)));
}

static const struct {
    double lo, hi;
    int target, max;
    double step;
    int count;
    double first, last;
} tick_cases[] = {
    {-5, 5, 10, 20, 1, 11, -5, 5},         {-5, 5, 5, 20, 2, 5, -4, 4},
    {-2, 3, 5, 20, 1, 6, -2, 3},           {0, 1, 5, 20, 0.2, 6, 0, 1},
    {0, 1, 10, 20, 0.1, 11, 0, 1},         {1e-4, 5e-4, 4, 20, 1e-4, 5, 1e-4, 5e-4},
    {-5, 5, 10, 4, 5, 3, -5, 5},           {0.12, 0.18, 1, 20, 0.05, 1, 0.15, 0.15},
    {-1e6, 3e6, 4, 20, 1e6, 5, -1e6, 3e6},
};

static void test_nice_ticks(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof tick_cases / sizeof tick_cases[0]; i++) {
        double t[32], step = -1;
        int n = view_nice_ticks(tick_cases[i].lo, tick_cases[i].hi, tick_cases[i].target,
                                t, tick_cases[i].max, &step);
        assert_int_equal(n, tick_cases[i].count);
        assert_close(step, tick_cases[i].step, 1e-12);
        assert_close(t[0], tick_cases[i].first, 1e-12);
        assert_close(t[n - 1], tick_cases[i].last, 1e-12);
        for (int k = 0; k < n; k++) {
            assert_true(t[k] >= tick_cases[i].lo - 1e-9 * step);
            assert_true(t[k] <= tick_cases[i].hi + 1e-9 * step);
            if (k > 0) assert_close(t[k] - t[k - 1], step, 1e-9);
        }
    }
    double t[4], step = 1;
    assert_int_equal(view_nice_ticks(1, 1, 5, t, 4, &step), 0);
    assert_true(step == 0);
    assert_int_equal(view_nice_ticks(NAN, 1, 5, t, 4, NULL), 0);
    assert_int_equal(view_nice_ticks(0, INFINITY, 5, t, 4, NULL), 0);
    /* A range near the largest double still gives finite ticks inside it. */
    int huge = view_nice_ticks(-1.7e308, 1.7e308, 2, t, 4, &step);
    assert_int_equal(huge, 3);
    assert_true(t[0] == -1e308 && t[1] == 0 && t[2] == 1e308 && step == 1e308);
    assert_int_equal(view_nice_ticks(0, 1, 5, t, 0, NULL), 0);
    /* Multiples, not sums: the third tick of step 0.1 is 3 * 0.1. */
    double u[16];
    view_nice_ticks(0, 1, 10, u, 16, &step);
    assert_true(u[3] == 3 * 0.1);
    assert_false(signbit(u[0]));
    view_nice_ticks(-0.3, 0.3, 6, u, 16, &step);
    for (int k = 0; k < 7; k++)
        assert_false(u[k] == 0 && signbit(u[k]));
}

static const struct {
    double v, step;
    const char *want;
} fmt_cases[] = {
    {0.5, 0.5, "0.5"},
    {1, 0.5, "1"},
    {-1.5, 0.5, "-1.5"},
    {-2, 1, "-2"},
    {0, 1, "0"},
    {-0.0, 0.5, "0"},
    {3 * 0.1, 0.1, "0.3"},
    {0.2, 0.2, "0.2"},
    {0.25, 0.25, "0.25"},
    {3e-4, 1e-4, "0.0003"},
    {1e-5, 1e-5, "1e-05"},
    {2e-5, 2e-5, "2e-05"},
    {1e-20, 0.1, "0"},
    {-1e-20, 0.1, "0"},
    {2e6, 1e6, "2e+06"},
    {2.5e6, 5e5, "2.5e+06"},
    {1500, 500, "1500"},
    {-20, 10, "-20"},
    {1.000002, 2e-6, "1.000002"},
};

static void test_format_tick(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof fmt_cases / sizeof fmt_cases[0]; i++) {
        char buf[32];
        view_format_tick(buf, sizeof buf, fmt_cases[i].v, fmt_cases[i].step);
        if (strcmp(buf, fmt_cases[i].want) != 0)
            fail_msg("format(%g, %g) = \"%s\", expected \"%s\"", fmt_cases[i].v,
                     fmt_cases[i].step, buf, fmt_cases[i].want);
    }
    /* Every tick of a few ranges prints without "-0" and without long tails. */
    double t[32], step;
    int n = view_nice_ticks(-0.7, 0.7, 14, t, 32, &step);
    for (int k = 0; k < n; k++) {
        char buf[32];
        view_format_tick(buf, sizeof buf, t[k], step);
        assert_true(strlen(buf) <= 4);
        assert_false(strncmp(buf, "-0", 3) == 0);
    }
    char small[4];
    view_format_tick(small, sizeof small, 123456.5, 0.5);
    assert_int_equal(strlen(small), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_corners_and_flip),
        cmocka_unit_test(test_zoom_pan),    cmocka_unit_test(test_valid),
        cmocka_unit_test(test_value_scale), cmocka_unit_test(test_log_slider),
        cmocka_unit_test(test_nice_ticks),  cmocka_unit_test(test_format_tick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
