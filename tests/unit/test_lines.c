/* Unit tests of src/core/lines.c: a batch draws the pixels canvas_line draws one
 * segment after another, for any thread count, within the clip only, skipping
 * what canvas_line would not draw, with the coverage of a line `width` wide. */
#include "testutil.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "core/lines.h"

#define W     211
#define H     157
#define NSEG  3000
#define NINKS 5

static const Color inks[NINKS] = {
    {255, 255, 255, 120}, {230, 159, 0, 255}, {86, 180, 233, 255},
    {0, 0, 0, 200},       {240, 228, 66, 1},
};

/* The cases: line width, the longest segment, the clip (w = 0: whole canvas). */
static const struct {
    double width, len;
    Rect clip;
} cases[] = {
    {1.0, 1.5, {0, 0, 0, 0}},        /* contour lines over a heat-map */
    {1.4, 1.5, {0, 0, 0, 0}},        /* contour lines alone */
    {2.24, 2.0, {13, 7, 150, 120}},  /* the contrast theme, clipped */
    {0.6, 3.0, {0, 0, 0, 0}},        /* thinner than a pixel */
    {5.0, 400.0, {0, 0, 0, 0}},      /* long lines across band edges */
    {1.4, 400.0, {-20, 30, 500, 60}}, /* long lines, a clip over the edge */
};

/* Fills seg with n segments at most `len` long, starting a little outside the
 * canvas too, with inks 0..NINKS-1. */
static void make_segs(LineSeg *seg, int n, double len, unsigned seed)
{
    for (int i = 0; i < n; i++) {
        double x = rnd(&seed) * (W + 20) - 10, y = rnd(&seed) * (H + 20) - 10;
        double a = rnd(&seed) * 6.283185307179586, r = rnd(&seed) * len;
        seg[i] = (LineSeg){(float)x, (float)y, (float)(x + r * cos(a)),
                           (float)(y + r * sin(a)), i % NINKS};
    }
}

/* A canvas of W x H over px, filled with a gradient so every blend shows. */
static Canvas backdrop(uint32_t *px, Rect clip)
{
    Canvas c = canvas_init(px, W, H, W);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            px[y * W + x] = 0xff000000u | (uint32_t)(x * 255 / W) << 16 |
                            (uint32_t)(y * 255 / H) << 8 | 0x40u;
    if (clip.w > 0) canvas_set_clip(&c, clip);
    return c;
}

/* Largest difference of one channel between two pictures. */
static int max_diff(const uint32_t *a, const uint32_t *b)
{
    int worst = 0;
    for (int i = 0; i < W * H; i++)
        for (int sh = 0; sh < 32; sh += 8) {
            int d = abs((int)(a[i] >> sh & 0xff) - (int)(b[i] >> sh & 0xff));
            worst = d > worst ? d : worst;
        }
    return worst;
}

static void test_same_as_serial(void **state)
{
    (void)state;
    static uint32_t serial[W * H], batch[W * H], one[W * H];
    static LineSeg seg[NSEG];
    Lines l = {0};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        make_segs(seg, NSEG, cases[k].len, 17u + (unsigned)k);
        Canvas c = backdrop(serial, cases[k].clip);
        for (int i = 0; i < NSEG; i++)
            canvas_line(&c, seg[i].x0, seg[i].y0, seg[i].x1, seg[i].y1, cases[k].width,
                        inks[seg[i].ink]);
        c = backdrop(batch, cases[k].clip);
        assert_int_equal(lines_draw(&l, &c, seg, NSEG, cases[k].width, inks, NINKS), 0);
        int d = max_diff(serial, batch);
        if (d != 0) fail_msg("case %zu: differs by %d", k, d);
        /* one thread: the same pixels, byte for byte */
        int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        c = backdrop(one, cases[k].clip);
        lines_draw(&l, &c, seg, NSEG, cases[k].width, inks, NINKS);
        omp_set_num_threads(threads);
        assert_memory_equal(one, batch, sizeof one);
    }
    lines_free(&l);
    lines_free(&l); /* a zeroed Lines is a no-op */
}

/* Nothing outside the clip changes, and what canvas_line skips is skipped. */
static void test_clip_and_skips(void **state)
{
    (void)state;
    static uint32_t px[W * H], ref[W * H];
    Rect clip = {40, 30, 100, 50};
    LineSeg seg[] = {
        {0, 0, W, H, 1},                 /* across the clip */
        {-1e9f, 60, 1e9f, 60, 2},        /* far ends */
        {NAN, 40, 100, 40, 1},           /* not finite */
        {50, INFINITY, 60, 50, 1},       /* not finite */
        {50, 50, 90, 50, NINKS},         /* ink out of range */
        {50, 55, 90, 55, -1},            /* ink out of range */
    };
    int n = (int)(sizeof seg / sizeof seg[0]);
    Lines l = {0};
    Canvas c = backdrop(px, clip);
    backdrop(ref, (Rect){0, 0, 0, 0});
    assert_int_equal(lines_draw(&l, &c, seg, n, 1.4, inks, NINKS), 0);
    int changed = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int in = x >= clip.x && x < clip.x + clip.w && y >= clip.y && y < clip.y + clip.h;
            if (!in) assert_int_equal(px[y * W + x], ref[y * W + x]);
            changed += px[y * W + x] != ref[y * W + x];
        }
    assert_true(changed > 100);
    /* rows 40 and 50, where only skipped segments lie, are unchanged away from
     * the diagonal */
    assert_int_equal(px[40 * W + 130], ref[40 * W + 130]);
    assert_int_equal(px[50 * W + 80], ref[50 * W + 80]);
    /* nothing to draw: no-ops */
    assert_int_equal(lines_draw(&l, &c, seg, 0, 1.4, inks, NINKS), 0);
    assert_int_equal(lines_draw(&l, &c, seg, n, 0.0, inks, NINKS), 0);
    assert_int_equal(lines_draw(&l, &c, seg, n, NAN, inks, NINKS), 0);
    lines_free(&l);
}

/* Horizontal lines white on black at full alpha, drawn in one batch with pieces
 * elsewhere: each column away from the ends holds `width` pixels of coverage, and
 * nothing lies beyond reach. */
static void test_coverage(void **state)
{
    (void)state;
    static uint32_t px[W * H];
    static const double widths[] = {1.0, 1.4, 2.24, 3.0};
    Color white = {255, 255, 255, 255};
    Lines l = {0};
    for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
        LineSeg seg[] = {{5, 20, 9, 24, 0}, {15.0f, 70.3f, 195.0f, 70.3f, 0},
                         {200, 150, 190, 140, 0}};
        memset(px, 0, sizeof px);
        Canvas c = canvas_init(px, W, H, W);
        lines_draw(&l, &c, seg, 3, widths[k], &white, 1);
        for (int x = 30; x < 180; x++) {
            double sum = 0;
            for (int y = 40; y < 100; y++) {
                int v = (int)(px[y * W + x] & 0xff);
                if (fabs(y + 0.5 - 70.3) >= widths[k] / 2 + 0.5) assert_int_equal(v, 0);
                sum += v / 255.0;
            }
            if (fabs(sum - widths[k]) > 0.02)
                fail_msg("width %g, column %d: coverage %g", widths[k], x, sum);
        }
    }
    lines_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_serial),
        cmocka_unit_test(test_clip_and_skips),
        cmocka_unit_test(test_coverage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
