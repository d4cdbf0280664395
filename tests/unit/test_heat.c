/* Unit tests of src/core/heat.c: every finite value takes exactly the colour
 * entry counted against the 255 steps of the scale (values on a step, one ulp
 * either side, outside the range), linear and log, over ranges near zero and far
 * from it; undefined values are hatched, nothing is drawn outside the clip, and
 * heat_sample draws what field_sample and heat_draw draw. Each test runs once for
 * every loop this processor has (scalar, AVX2, AVX-512): they must agree. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/heat.h"

#define W 97
#define H 61

static double vals[W * H];
static int cur_isa; /* the loop the running test uses, for its messages */
static uint32_t px[W * H];

/* The scales: lo, hi, log. */
static const ValueScale scales[] = {
    {0.0, 2500.0, 1},   {6.4e-6, 2502.98, 1}, {-3.0, 7.0, 0},  {0.0, 1.0, 0},
    {1e6, 1e6 + 1e-3, 0}, {1e6, 1e6 + 1e-3, 1}, {-1e-9, 1e-9, 1}, {5.0, 5.0, 0},
};

/* The entry the contract names: the number of steps at or below v. */
static int expected(ValueScale sc, double v)
{
    int k = 0;
    for (int i = 0; i < 255; i++) k += v >= view_unit_value(sc, (i + 0.5) / 255);
    return k;
}

/* Fills vals with values of scale sc: on each step and one ulp either side, at
 * random on the scale (so crowded near lo on a log scale), out of range, NaN. */
static void fill(ValueScale sc, unsigned seed)
{
    int n = 0;
    for (int i = 0; i < 255; i++) {
        double e = view_unit_value(sc, (i + 0.5) / 255);
        vals[n++] = e;
        vals[n++] = nextafter(e, -INFINITY);
        vals[n++] = nextafter(e, INFINITY);
    }
    /* a little way off each step, where a loop that computes the entry relies
     * on its error bound rather than on looking again */
    for (int i = 0; i < 255; i++)
        for (int d = 0; d < 4; d++) {
            static const double off[] = {-1e-3, -3e-4, 3e-4, 1e-3}; /* of a step */
            vals[n++] = view_unit_value(sc, (i + 0.5 + off[d]) / 255);
        }
    vals[n++] = sc.lo - 1.0;
    vals[n++] = sc.hi + 1.0;
    while (n < W * H) vals[n++] = view_unit_value(sc, rnd(&seed));
    /* undefined values scattered over rows and columns */
    for (int i = 3; i < W * H; i += 97 + 11)
        vals[i] = (i & 1) ? NAN : (i & 2) ? INFINITY : -INFINITY;
}

static void exact_entries(void)
{
    Field f = {.v = vals, .w = W, .h = H, .cap = W * H, .view = {0, 1, 0, 1}, .vmax = 1};
    for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++) {
        fill(scales[s], 7u + (unsigned)s);
        Canvas c = canvas_init(px, W, H, W);
        heat_draw(&c, (Rect){0, 0, W, H}, &f, scales[s], CMAP_MAGMA);
        const uint32_t *lut = cmap_lut(CMAP_MAGMA);
        for (int i = 0; i < W * H; i++) {
            if (!isfinite(vals[i])) {
                uint32_t h = ((i % W + i / W) >> 2) & 1 ? 0xFF8C8C8Cu : 0xFF767676u;
                if (px[i] != h) fail_msg("isa %d, pixel %d undefined: %08x", cur_isa, i, px[i]);
                continue;
            }
            int k = expected(scales[s], vals[i]);
            if (px[i] != lut[k])
                fail_msg("isa %d, scale %zu, value %.17g: %08x, expected entry %d", cur_isa, s,
                         vals[i], px[i], k);
        }
    }
}

/* Offset into a larger canvas with a clip: only the clip's pixels change. */
static void clip(void)
{
    static uint32_t big[(W + 20) * (H + 20)];
    Field f = {.v = vals, .w = W, .h = H, .cap = W * H, .view = {0, 1, 0, 1}, .vmax = 1};
    fill(scales[2], 3u);
    for (int i = 0; i < (W + 20) * (H + 20); i++) big[i] = 0x12345678u;
    Canvas c = canvas_init(big, W + 20, H + 20, W + 20);
    Rect clip = {15, 12, 40, 30};
    canvas_set_clip(&c, clip);
    heat_draw(&c, (Rect){10, 10, W, H}, &f, scales[2], CMAP_VIRIDIS);
    for (int y = 0; y < H + 20; y++)
        for (int x = 0; x < W + 20; x++) {
            int in = x >= clip.x && x < clip.x + clip.w && y >= clip.y && y < clip.y + clip.h;
            uint32_t p = big[y * (W + 20) + x];
            if (!in) assert_int_equal(p, 0x12345678u);
            else if (isfinite(vals[(y - 10) * W + x - 10]))
                assert_int_equal(p, cmap_lut(CMAP_VIRIDIS)[expected(scales[2], vals[(y - 10) * W + x - 10])]);
        }
}

/* heat_sample gives field_sample's field and heat_draw's pixels, for every surface
 * on both scales, drawn offset into a larger canvas with a clip. */
static void fused(void)
{
    enum { BW = W + 20, BH = H + 20 };
    static uint32_t a[BW * BH], b[BW * BH];
    Rect r = {10, 7, W, H};
    Field f = {0}, g = {0};
    for (int k = 0; k < surface_count(); k++)
        for (int log = 0; log < 2; log++) {
            const Surface *s = surface_at(k);
            for (int i = 0; i < BW * BH; i++) a[i] = b[i] = 0x12345678u;
            Canvas ca = canvas_init(a, BW, BH, BW), cb = canvas_init(b, BW, BH, BW);
            Rect clip = {12 + k, 9, W - 5, H - 3 - k};
            canvas_set_clip(&ca, clip);
            canvas_set_clip(&cb, clip);
            assert_int_equal(field_sample(&f, s, s->view, W, H), 0);
            heat_draw(&ca, r, &f, (ValueScale){f.vmin, f.vmax, log}, CMAP_VIRIDIS);
            assert_int_equal(heat_sample(&cb, r, &g, s, s->view, log, CMAP_VIRIDIS), 0);
            assert_true(f.vmin == g.vmin && f.vmax == g.vmax);
            for (int i = 0; i < W * H; i++)
                assert_true(f.v[i] == g.v[i] || (isnan(f.v[i]) && isnan(g.v[i])));
            if (memcmp(a, b, sizeof a) != 0) fail_msg("isa %d, %s, log %d: pixels differ", cur_isa, s->name, log);
        }
    field_free(&f);
    field_free(&g);
}

/* Runs f with each loop the processor has, then leaves all of them allowed. */
static void each_isa(void (*f)(void))
{
    HeatIsa best = heat_limit_isa(HEAT_ISA_AVX512);
    for (cur_isa = HEAT_ISA_SCALAR; cur_isa <= (int)best; cur_isa++) {
        heat_limit_isa((HeatIsa)cur_isa);
        f();
    }
    heat_limit_isa(HEAT_ISA_AVX512);
}

/* Every surface's own heat-map, 203 pixels wide (several blocks of every loop and
 * a remainder) at two zooms and on both scales, is the same with every loop. */
static void test_isas_agree(void **state)
{
    (void)state;
    enum { AW = 203, AH = 37 };
    static uint32_t ref[AW * AH], got[AW * AH];
    Field f = {0};
    HeatIsa best = heat_limit_isa(HEAT_ISA_AVX512);
    for (int k = 0; k < surface_count(); k++)
        for (int c = 0; c < 4; c++) {
            const Surface *s = surface_at(k);
            View v = s->view;
            if (c & 2) v = view_zoom(v, (Vec2){v.x0 + 0.3 * (v.x1 - v.x0), v.y0}, 0.05);
            assert_int_equal(field_sample(&f, s, v, AW, AH), 0);
            ValueScale sc = {f.vmin, f.vmax, c & 1};
            for (int isa = HEAT_ISA_SCALAR; isa <= (int)best; isa++) {
                heat_limit_isa((HeatIsa)isa);
                Canvas cv = canvas_init(isa ? got : ref, AW, AH, AW);
                heat_draw(&cv, (Rect){0, 0, AW, AH}, &f, sc, CMAP_MAGMA);
                if (isa && memcmp(ref, got, sizeof ref) != 0)
                    fail_msg("%s, case %d: isa %d differs from the scalar loop", s->name, c, isa);
            }
        }
    heat_limit_isa(HEAT_ISA_AVX512);
    field_free(&f);
}

static void test_exact_entries(void **state)
{
    (void)state;
    each_isa(exact_entries);
}

static void test_clip(void **state)
{
    (void)state;
    each_isa(clip);
}

static void test_fused(void **state)
{
    (void)state;
    each_isa(fused);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_entries),
        cmocka_unit_test(test_clip),
        cmocka_unit_test(test_fused),
        cmocka_unit_test(test_isas_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
