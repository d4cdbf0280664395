/* core/plot beyond the golden images: every heat-map pixel is the colour-map entry
 * its value maps to (linear and log), undefined samples are hatched, the kept
 * picture is reused only while nothing changed, the small tables round-trip, and
 * a chaotic path is thinned to the ink it is given. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/plot.h"

#define W 160
#define H 120

/* Counts pixels whose colour is not the entry view_value_unit gives for the field. */
static int mismatches(const char *surface, int logscale, CmapKind cmap)
{
    const Surface *s = surface_find(surface);
    static uint32_t px[W * H];
    Canvas cv = canvas_init(px, W, H, W);
    PlotStyle st = {PLOT_HEAT, cmap, 20, logscale, 1, 0};
    PlotCache c = {0};
    assert_int_equal(plot_update(&c, s, s->view, W, H, &st), 0);
    assert_int_equal(plot_draw_surface(&cv, (Rect){0, 0, W, H}, &c, &st), 0);
    int bad = 0;
    for (int i = 0; i < W * H; i++) {
        double t = view_value_unit(c.scale, c.field.v[i]);
        uint32_t want = cmap_lut(cmap)[(int)(t * 255 + 0.5)];
        bad += px[i] != want;
    }
    plot_free(&c);
    return bad;
}

static void test_heat_exact(void **unused)
{
    (void)unused;
    /* a value exactly on an edge may round either way: allow a handful */
    assert_true(mismatches("himmelblau", 1, CMAP_VIRIDIS) <= 3);
    assert_true(mismatches("himmelblau", 0, CMAP_MAGMA) <= 3);
    assert_true(mismatches("rosenbrock", 1, CMAP_TURBO) <= 3);
    assert_true(mismatches("saddle", 0, CMAP_GRAY) <= 3);
}

/* A surface undefined on the left half: those samples are hatched gray and the
 * colour scale comes from the defined half only. */
static double half(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){1, 0};
    return x < 0 ? NAN : x + 0 * y;
}

static void test_undefined_hatched(void **unused)
{
    (void)unused;
    Surface s = *surface_find("bowl");
    s.fn = half;
    s.row = NULL; /* sampled through fn, point by point */
    static uint32_t px[W * H];
    Canvas cv = canvas_init(px, W, H, W);
    PlotStyle st = {PLOT_BOTH, CMAP_VIRIDIS, 10, 0, 1, 0};
    PlotCache c = {0};
    assert_int_equal(plot_update(&c, &s, s.view, W, H, &st), 0);
    assert_close(c.field.vmin, 10.0 / W * 0.5, 1e-9); /* first defined pixel centre */
    plot_draw_surface(&cv, (Rect){0, 0, W, H}, &c, &st);
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W / 2 - 1; i++) {
            Color p = canvas_unpack(px[j * W + i]);
            assert_true(p.r == p.g && p.g == p.b && (p.r == 0x8C || p.r == 0x76));
        }
    /* contours do not cross into the undefined half */
    for (int k = 0; k < c.contours.count; k++)
        assert_true(c.contours.seg[k].x0 >= W / 2 - 1 && c.contours.seg[k].x1 >= W / 2 - 1);
    plot_free(&c);
}

static void test_kept_picture(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("bowl");
    static uint32_t a[W * H], b[W * H];
    Canvas ca = canvas_init(a, W, H, W), cb = canvas_init(b, W, H, W);
    PlotStyle st = {PLOT_BOTH, CMAP_VIRIDIS, 10, 0, 1, 0};
    PlotCache c = {0};
    plot_update(&c, s, s->view, W, H, &st);
    plot_draw_surface(&ca, (Rect){0, 0, W, H}, &c, &st);
    plot_draw_surface(&cb, (Rect){0, 0, W, H}, &c, &st);
    assert_memory_equal(a, b, sizeof a);
    st.cmap = CMAP_MAGMA; /* a style change redraws */
    plot_update(&c, s, s->view, W, H, &st);
    plot_draw_surface(&cb, (Rect){0, 0, W, H}, &c, &st);
    assert_true(memcmp(a, b, sizeof a) != 0);
    st.cmap = CMAP_VIRIDIS;
    View v = {0, 2, -1, 1}; /* so does a view change */
    plot_update(&c, s, v, W, H, &st);
    plot_draw_surface(&cb, (Rect){0, 0, W, H}, &c, &st);
    assert_true(memcmp(a, b, sizeof a) != 0);
    plot_update(&c, s, s->view, W, H, &st);
    plot_draw_surface(&cb, (Rect){0, 0, W, H}, &c, &st);
    assert_memory_equal(a, b, sizeof a);
    plot_free(&c);
}

static void test_tables(void **unused)
{
    (void)unused;
    for (int m = PLOT_HEAT; m <= PLOT_BOTH; m++)
        assert_int_equal(plot_mode_find(plot_mode_name(m)), m);
    assert_int_equal(plot_mode_find("surface"), -1);
    /* the first eight path colours are all different */
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < i; j++)
            assert_true(canvas_pack(plot_path_color(i)) != canvas_pack(plot_path_color(j)));
    assert_int_equal(canvas_pack(plot_path_color(8)), canvas_pack(plot_path_color(0)));
}

/* Pixels of px (w x h) that are not the background bg. */
static int inked(const uint32_t *px, int n, uint32_t bg)
{
    int k = 0;
    for (int i = 0; i < n; i++) k += px[i] != bg;
    return k;
}

/* A path of 5000 steps jumping about the view (a learning rate past the stability
 * edge looks like this) covers the plot many times over: with half the ink it is
 * thinned further, so fewer pixels change, and it still reaches across the plot;
 * a short path, never thinned, is drawn the same with either ink. */
static void test_ink(void **unused)
{
    (void)unused;
    enum { N = 5001, PW = 200, PH = 150 };
    static TrajPoint pts[N];
    static uint32_t a[PW * PH], b[PW * PH];
    unsigned seed = 11;
    for (int i = 0; i < N; i++) {
        double x = 4 * rnd(&seed) - 2;
        pts[i] = (TrajPoint){x, 3 * rnd(&seed) - 1.5, 1, 0, 0};
    }
    View v = {-2, 2, -1.5, 1.5};
    Rect r = {0, 0, PW, PH};
    const uint32_t bg = 0xFFFFFFFFu;
    for (int shown = 3; shown <= N; shown += N - 3) {
        PlotPath p = {pts, shown, plot_path_color(0), 0, 0};
        for (int i = 0; i < PW * PH; i++) a[i] = b[i] = bg;
        Canvas ca = canvas_init(a, PW, PH, PW), cb = canvas_init(b, PW, PH, PW);
        plot_draw_paths(&ca, r, v, &p, 1, 1, PLOT_INK);
        plot_draw_paths(&cb, r, v, &p, 1, 1, 0.5);
        int full = inked(a, PW * PH, bg), half = inked(b, PW * PH, bg);
        if (shown == 3) {
            assert_memory_equal(a, b, sizeof a);
        } else {
            if (!(half < full && half > PW * PH / 4))
                fail_msg("chaotic path: %d pixels inked with ink 1, %d with 0.5", full, half);
        }
    }
    /* 0 means PLOT_INK */
    PlotPath p = {pts, N, plot_path_color(0), 0, 0};
    for (int i = 0; i < PW * PH; i++) a[i] = b[i] = bg;
    Canvas ca = canvas_init(a, PW, PH, PW), cb = canvas_init(b, PW, PH, PW);
    plot_draw_paths(&ca, r, v, &p, 1, 1, PLOT_INK);
    plot_draw_paths(&cb, r, v, &p, 1, 1, 0);
    assert_memory_equal(a, b, sizeof a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heat_exact),
        cmocka_unit_test(test_undefined_hatched),
        cmocka_unit_test(test_kept_picture),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_ink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
