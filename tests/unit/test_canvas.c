/* Unit tests of src/core/canvas.c: fills and clipping, exact blending, the
 * coverage of anti-aliased lines, discs and rings, masks, and that nothing is ever
 * written outside the clip, whatever the coordinates. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/canvas.h"

#define W        64
#define H        48
#define GUARD    8 /* sentinel pixels around the canvas in the guarded tests */
#define SENTINEL 0x12345678u
#define PI       3.14159265358979323846

static const Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};

/* Red channel of pixel (x, y). */
static int red(const Canvas *c, int x, int y)
{
    return canvas_unpack(c->px[y * c->stride + x]).r;
}

/* Sum of the red channel over the canvas, in units of full coverage. */
static double coverage(const Canvas *c)
{
    double sum = 0;
    for (int y = 0; y < c->h; y++)
        for (int x = 0; x < c->w; x++)
            sum += red(c, x, y);
    return sum / 255.0;
}

static void test_pack(void **state)
{
    (void)state;
    Color col = {0x12, 0x34, 0x56, 0x78};
    assert_int_equal(canvas_pack(col), 0x78123456u);
    Color back = canvas_unpack(0x78123456u);
    assert_memory_equal(&back, &col, sizeof col);
}

static void test_fill_and_clip(void **state)
{
    (void)state;
    uint32_t px[W * H];
    Canvas c = canvas_init(px, W, H, W);
    assert_int_equal(c.clip.w, W);
    canvas_fill_rect(&c, (Rect){-10, -10, 1000, 1000}, black);
    canvas_fill_rect(&c, (Rect){-5, 40, 10, 100}, white);
    assert_int_equal(px[47 * W + 4], 0xffffffffu);
    assert_int_equal(px[47 * W + 5], 0xff000000u);
    assert_int_equal(px[39 * W + 0], 0xff000000u);
    Rect prev = canvas_set_clip(&c, (Rect){60, -3, 10, 10});
    assert_int_equal(prev.w, W);
    assert_true(c.clip.x == 60 && c.clip.y == 0 && c.clip.w == 4 && c.clip.h == 7);
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, white);
    assert_int_equal(red(&c, 60, 6), 255);
    assert_int_equal(red(&c, 59, 6), 0);
    assert_int_equal(red(&c, 60, 7), 0);
    canvas_set_clip(&c, (Rect){100, 100, 5, 5});
    assert_true(c.clip.w == 0 && c.clip.h == 0);
    canvas_set_clip(&c, (Rect){0, 0, W, H});
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
    canvas_stroke_rect(&c, (Rect){10, 10, 20, 10}, 2, (Color){255, 255, 255, 128});
    assert_int_equal(red(&c, 10, 10), 128); /* corners blended once */
    assert_int_equal(red(&c, 29, 19), 128);
    assert_int_equal(red(&c, 11, 15), 128);
    assert_int_equal(red(&c, 12, 12), 0);
    assert_int_equal(red(&c, 30, 15), 0);
}

/* Every (dst, src) pair at several alphas against dst + (src - dst) * a / 255. */
static void test_blend_exact(void **state)
{
    (void)state;
    static const int alphas[] = {0, 1, 64, 127, 128, 200, 254, 255};
    uint32_t px = 0;
    Canvas c = canvas_init(&px, 1, 1, 1);
    for (int i = 0; i < 8; i++)
        for (int d = 0; d < 256; d += 3)
            for (int s = 0; s < 256; s += 5) {
                int a = alphas[i];
                px = (uint32_t)d << 16 | (uint32_t)(255 - d) << 8 |
                     (uint32_t)d; /* alpha 0 */
                canvas_fill_rect(&c, (Rect){0, 0, 1, 1},
                                 (Color){(unsigned char)s, 0, (unsigned char)(255 - s),
                                         (unsigned char)a});
                Color got = canvas_unpack(px);
                int want = (int)floor(d + (s - d) * a / 255.0 + 0.5);
                int want_g = (int)floor((255 - d) * (255 - a) / 255.0 + 0.5);
                if (got.r != want || got.g != want_g)
                    fail_msg("d=%d s=%d a=%d: got %d/%d want %d/%d", d, s, a, got.r,
                             got.g, want, want_g);
                assert_int_equal(got.a, a == 0 ? 0 : 255);
            }
    px = 0x00abcdefu;
    canvas_disc(&c, 0.5, 0.5, 3, white);
    assert_int_equal(px, 0xffffffffu);
}

static void test_line_profile(void **state)
{
    (void)state;
    uint32_t px[W * H];
    Canvas c = canvas_init(px, W, H, W);
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
    canvas_line(&c, 5, 20.5, 55, 20.5, 2.0, white);
    for (int x = 10; x < 50; x++) {
        assert_int_equal(red(&c, x, 20), 255);
        assert_int_equal(red(&c, x, 19), 128);
        assert_int_equal(red(&c, x, 21), 128);
        assert_int_equal(red(&c, x, 18), 0);
        assert_int_equal(red(&c, x, 22), 0);
    }
    /* Ink = width x length + the two round caps, in any direction. */
    static const double dirs[][2] = {
        {1, 0}, {0, 1}, {0.6, 0.8}, {-0.8, 0.6}, {0.7071, 0.7071}};
    for (int i = 0; i < 5; i++) {
        canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
        double len = 30, wd = 3, x0 = 32.2 - dirs[i][0] * len / 2,
               y0 = 24.3 - dirs[i][1] * 15;
        canvas_line(&c, x0, y0, x0 + dirs[i][0] * len, y0 + dirs[i][1] * len, wd, white);
        assert_close(coverage(&c) / (wd * len + PI * wd * wd / 4), 1, 0.03);
    }
}

static void test_disc_ring_cross(void **state)
{
    (void)state;
    static const double radii[] = {2.5, 7, 10, 19.5};
    uint32_t px[W * H];
    Canvas c = canvas_init(px, W, H, W);
    for (int i = 0; i < 4; i++) {
        double r = radii[i];
        canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
        canvas_disc(&c, 31.3, 23.8, r, white);
        assert_close(coverage(&c) / (PI * r * r), 1, r < 5 ? 0.03 : 0.01);
        assert_int_equal(red(&c, 31, 23), 255);
        canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
        canvas_ring(&c, 31.3, 23.8, r, 1.5, white);
        assert_close(coverage(&c) / (2 * PI * r * 1.5), 1, 0.03);
        assert_int_equal(red(&c, 31, 23), 0); /* the ring has a hole */
    }
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, white);
    canvas_cross(&c, 20.5, 20.5, 6, 1.5, (Color){0, 0, 0, 128});
    assert_int_equal(red(&c, 20, 20), 127); /* the crossing is blended once */
    assert_int_equal(red(&c, 14, 14), red(&c, 26, 26));
    assert_int_equal(red(&c, 14, 26), red(&c, 26, 14));
    assert_int_equal(red(&c, 20, 14), 255);
}

static void test_mask(void **state)
{
    (void)state;
    static const uint8_t mask[3 * 5] = {0, 128, 255, 9,  9,  255, 64, 0,
                                        9, 9,   10,  20, 30, 9,   9};
    uint32_t px[W * H];
    Canvas c = canvas_init(px, W, H, W);
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
    canvas_blend_mask(&c, 10, 5, mask, 3, 3, 5, white);
    static const int want[3][4] = {{0, 128, 255, 0}, {255, 64, 0, 0}, {10, 20, 30, 0}};
    for (int y = 0; y < 3; y++)
        for (int x = 0; x < 4; x++)
            assert_int_equal(red(&c, 10 + x, 5 + y), want[y][x]);
    canvas_fill_rect(&c, (Rect){0, 0, W, H}, black);
    canvas_blend_mask(&c, -1, H - 2, mask, 3, 3, 5, (Color){255, 255, 255, 128});
    assert_int_equal(red(&c, 0, H - 2), 64);  /* 128 * 128 / 255 */
    assert_int_equal(red(&c, 1, H - 2), 128); /* 255 * 128 / 255 */
    assert_int_equal(red(&c, 0, H - 1), 32);
}

/* Canvas inside a bigger buffer of sentinels, clipped to an inner rectangle. */
typedef struct {
    uint32_t buf[(W + 2 * GUARD) * (H + 2 * GUARD)];
    Canvas c;
} Guarded;

static void guarded_init(Guarded *g, Rect clip)
{
    for (size_t i = 0; i < sizeof g->buf / sizeof g->buf[0]; i++)
        g->buf[i] = SENTINEL;
    g->c = canvas_init(g->buf + GUARD * (W + 2 * GUARD) + GUARD, W, H, W + 2 * GUARD);
    canvas_set_clip(&g->c, clip);
}

/* Fails if a pixel outside the clip is not the sentinel; returns pixels drawn. */
static int guarded_check(const Guarded *g, Rect clip)
{
    int drawn = 0;
    for (int y = 0; y < H + 2 * GUARD; y++)
        for (int x = 0; x < W + 2 * GUARD; x++) {
            int cx = x - GUARD, cy = y - GUARD;
            int in = cx >= clip.x && cx < clip.x + clip.w && cy >= clip.y &&
                     cy < clip.y + clip.h;
            uint32_t p = g->buf[y * (W + 2 * GUARD) + x];
            if (!in && p != SENTINEL)
                fail_msg("pixel (%d, %d) outside the clip was written", cx, cy);
            drawn += in && p != SENTINEL;
        }
    return drawn;
}

static void test_never_outside(void **state)
{
    (void)state;
    static const double wild[] = {-1e300, -1e18, -1e9, -50, -0.5, 0,    7.3,  31,
                                  47.9,   63.99, 64,   100, 1e9,  1e18, 1e300};
    static const Rect clips[] = {
        {0, 0, W, H}, {5, 7, 20, 11}, {-10, -10, 30, 30}, {50, 40, 100, 100}};
    Color col = {200, 100, 50, 180};
    Guarded *g = malloc(sizeof *g);
    assert_non_null(g);
    for (int k = 0; k < 4; k++) {
        guarded_init(g, clips[k]);
        Rect clip = g->c.clip;
        srand(7);
        for (int i = 0; i < 3000; i++) {
            double v[6];
            for (int j = 0; j < 6; j++)
                v[j] = rand() % 3 ? wild[rand() % 15] : (rand() % 2000) / 10.0 - 50;
            canvas_line(&g->c, v[0], v[1], v[2], v[3], fabs(v[4]) < 1e3 ? fabs(v[4]) : 2,
                        col);
            canvas_disc(&g->c, v[0], v[1], fabs(v[5]) < 1e3 ? fabs(v[5]) : 1e300, col);
            canvas_ring(&g->c, v[2], v[3], fabs(v[5]), fabs(v[4]), col);
            canvas_cross(&g->c, v[4], v[5], fabs(v[0]), 1.5, col);
            canvas_fill_rect(&g->c,
                             (Rect){(int)fmod(v[0], 1e9), (int)fmod(v[1], 1e9),
                                    rand() % 2 ? 2000000000 : 20, 0x7fffffff},
                             col);
            canvas_stroke_rect(
                &g->c, (Rect){rand() % 100 - 20, rand() % 100 - 20, 30, 30}, 3, col);
            uint8_t mask[4] = {255, 255, 255, 255};
            canvas_blend_mask(&g->c, rand() % 100 - 20, rand() % 100 - 20, mask, 2, 2, 2,
                              col);
        }
        int drawn = guarded_check(g, clip);
        assert_int_equal(drawn, clip.w * clip.h); /* every clip pixel was reached */
    }
    /* Lines wider than any canvas cover all of the clip and nothing else. */
    static const double widths[] = {1e5, 1e20, 1e300};
    for (int k = 0; k < 3; k++) {
        guarded_init(g, clips[1]);
        canvas_line(&g->c, 15, -1e6, 15, 1e6, widths[k], col);
        canvas_cross(&g->c, 1e9, 1e9, 1e9, widths[k], col);
        assert_int_equal(guarded_check(g, g->c.clip), g->c.clip.w * g->c.clip.h);
    }
    /* A clip edited by hand to nonsense draws nothing rather than anywhere. */
    static const Rect nonsense[] = {
        {70, -5, -3, 100}, {-2000000000, 3, 2000000000, 5}, {10, 10, -20, -20}};
    for (int k = 0; k < 3; k++) {
        guarded_init(g, (Rect){0, 0, W, H});
        g->c.clip = nonsense[k];
        canvas_line(&g->c, -10, -10, 100, 100, 5, col);
        canvas_disc(&g->c, 30, 30, 100, col);
        canvas_fill_rect(&g->c, (Rect){0, 0, W, H}, col);
        canvas_cross(&g->c, 30, 30, 100, 5, col);
        assert_int_equal(guarded_check(g, (Rect){0, 0, 0, 0}), 0);
    }
    free(g);
}

static void test_not_finite(void **state)
{
    (void)state;
    static const double bad[] = {NAN, INFINITY, -INFINITY};
    Guarded *g = malloc(sizeof *g);
    assert_non_null(g);
    Rect all = {0, 0, W, H};
    guarded_init(g, all);
    for (int i = 0; i < 3; i++) {
        double b = bad[i];
        canvas_line(&g->c, b, 10, 20, 20, 2, white);
        canvas_line(&g->c, 10, 10, 20, b, 2, white);
        canvas_line(&g->c, 10, 10, 20, 20, b, white);
        canvas_line(&g->c, -1.7e308, 10, 1.7e308, 10, 2, white);
        canvas_disc(&g->c, b, 10, 5, white);
        canvas_disc(&g->c, 10, 10, b, white);
        canvas_ring(&g->c, 10, b, 5, 1, white);
        canvas_ring(&g->c, 10, 10, 5, b, white);
        canvas_cross(&g->c, 10, 10, b, 1, white);
        canvas_cross(&g->c, b, 10, 3, 1, white);
    }
    canvas_line(&g->c, 10, 10, 20, 20, 0, white);
    canvas_disc(&g->c, 10, 10, 0, white);
    canvas_disc(&g->c, 10, 10, -3, white);
    assert_int_equal(guarded_check(g, (Rect){0, 0, 0, 0}), 0);
    /* A line from a diverged point still crosses the canvas where it should. */
    canvas_line(&g->c, -1e15, 20.5, 1e15, 20.5, 2, white);
    assert_int_equal(g->c.px[20 * g->c.stride + 30], 0xffffffffu);
    assert_int_equal(g->c.px[22 * g->c.stride + 30], SENTINEL);
    free(g);
}

/* Lines and crosses are cut to the buffer, not the clip: inside a clip, the pixels
 * are the unclipped ones, whatever the clip (lines_draw and the paths rely on it). */
static void test_clip_independent(void **state)
{
    (void)state;
    static uint32_t whole[W * H], part[W * H];
    static const Rect clips[] = {{10, 7, 30, 5}, {0, 20, W, 1}, {33, 0, 2, H},
                                 {1, 1, W - 2, H - 2}, {2, 3, W - 5, H - 4}};
    Color col = {200, 120, 40, 180};
    for (size_t k = 0; k < sizeof clips / sizeof clips[0]; k++) {
        uint32_t *bufs[2] = {whole, part};
        for (int b = 0; b < 2; b++) {
            memset(bufs[b], 0, sizeof whole);
            Canvas c = canvas_init(bufs[b], W, H, W);
            if (b) canvas_set_clip(&c, clips[k]);
            unsigned seed = 5;
            for (int i = 0; i < 400; i++) {
                double p[4];
                for (int j = 0; j < 4; j++)
                    p[j] = rnd(&seed) * 1000.0 - 470.0;
                canvas_line(&c, p[0], p[1], p[2], p[3], 1.0 + (i % 4) * 0.8, col);
            }
            canvas_line(&c, 1e7, 30.0, -1e7, 10.0, 2.0, col);
            canvas_cross(&c, 30.4, 12.2, 40.0, 2.5, col);
        }
        for (int y = clips[k].y; y < clips[k].y + clips[k].h; y++)
            for (int x = clips[k].x; x < clips[k].x + clips[k].w; x++)
                assert_int_equal(part[y * W + x], whole[y * W + x]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pack),
        cmocka_unit_test(test_fill_and_clip),
        cmocka_unit_test(test_blend_exact),
        cmocka_unit_test(test_line_profile),
        cmocka_unit_test(test_disc_ring_cross),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_never_outside),
        cmocka_unit_test(test_not_finite),
        cmocka_unit_test(test_clip_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
