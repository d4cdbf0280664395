/* Golden images: small pictures drawn by core/plot (heat-map, contours, paths)
 * compared with tests/golden/NAME.ppm, a tolerance of 1 per channel. Run with
 * LOSSCAPE_GOLDEN_UPDATE=1 (`make golden-update`) to rewrite them on purpose;
 * a failed comparison writes build/golden-NAME.ppm to look at. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plot.h"

#define W 200
#define H 150

typedef struct {
    const char *name;    /* file name without .ppm */
    const char *surface;
    PlotStyle style;
    double lr;           /* 0: no path */
    Vec2 start;
    int steps;
} Case;

static const Case cases[] = {
    {"bowl-both", "bowl", {PLOT_BOTH, CMAP_VIRIDIS, 10, 0, 1, 0}, 0.1, {-4, 3}, 100},
    {"himmelblau-log", "himmelblau", {PLOT_BOTH, CMAP_VIRIDIS, 20, 1, 1, 0}, 0.01, {0, 0}, 500},
    {"saddle-contour-gray", "saddle", {PLOT_CONTOUR, CMAP_GRAY, 12, 0, 1, 0}, 0, {0, 0}, 0},
    {"rosenbrock-magma", "rosenbrock", {PLOT_HEAT, CMAP_MAGMA, 20, 1, 1, 0}, 0.001, {-1.5, 2}, 2000},
    {"ravine-diverge", "ravine", {PLOT_BOTH, CMAP_TURBO, 15, 0, 1, 0}, 0.105, {4, 1}, 200},
};

static void draw(const Case *c, uint32_t *px)
{
    const Surface *s = surface_find(c->surface);
    Canvas cv = canvas_init(px, W, H, W);
    Rect r = {0, 0, W, H};
    PlotCache cache = {0};
    assert_int_equal(plot_update(&cache, s, s->view, W, H, &c->style), 0);
    plot_draw_surface(&cv, r, &cache, &c->style);
    if (c->lr > 0) {
        TrajPoint *pts = calloc(c->steps + 1, sizeof *pts);
        Trajectory t = {pts, c->steps + 1, 0, TRAJ_RUNNING};
        OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = c->lr});
        traj_run(&t, s, &cfg, c->start, c->steps, (Vec2){0, 0}, TRAJ_STOP_EARLY);
        PlotPath p = {t.pts, t.len, plot_path_color(1), t.status == TRAJ_DIVERGED, 0};
        plot_draw_paths(&cv, r, s->view, &p, 1, 1, PLOT_INK);
        free(pts);
    }
    plot_free(&cache);
}

static int write_ppm(const char *path, const uint32_t *px)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fprintf(f, "P6\n%d %d\n255\n", W, H);
    for (int i = 0; i < W * H; i++) {
        unsigned char rgb[3] = {px[i] >> 16 & 255, px[i] >> 8 & 255, px[i] & 255};
        fwrite(rgb, 1, 3, f);
    }
    return fclose(f);
}

/* Reads a W x H binary PPM into rgb (3 bytes a pixel); returns 0 or -1. */
static int read_ppm(const char *path, unsigned char *rgb)
{
    int w, h, max;
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    int ok = fscanf(f, "P6 %d %d %d", &w, &h, &max) == 3 && w == W && h == H &&
             max == 255 && fgetc(f) != EOF && fread(rgb, 3, W * H, f) == (size_t)(W * H);
    fclose(f);
    return ok ? 0 : -1;
}

static void test_golden(void **state)
{
    const Case *c = *state;
    static uint32_t px[W * H];
    static unsigned char want[W * H * 3];
    char path[256];
    draw(c, px);
    snprintf(path, sizeof path, "tests/golden/%s.ppm", c->name);
    if (getenv("LOSSCAPE_GOLDEN_UPDATE")) {
        assert_int_equal(write_ppm(path, px), 0);
        return;
    }
    if (read_ppm(path, want) != 0) fail_msg("%s: missing or malformed", path);
    int bad = 0, worst = 0;
    for (int i = 0; i < W * H; i++)
        for (int ch = 0; ch < 3; ch++) {
            int got = px[i] >> (16 - 8 * ch) & 255;
            int d = abs(got - want[i * 3 + ch]);
            worst = d > worst ? d : worst;
            bad += d > 1;
        }
    if (bad) {
        snprintf(path, sizeof path, "build/golden-%s.ppm", c->name);
        write_ppm(path, px);
        fail_msg("%s: %d channels differ by more than 1 (worst %d); see %s", c->name, bad,
                 worst, path);
    }
}

/* The pictures are not trivially equal: each golden differs from the others. */
static void test_distinct(void **unused)
{
    (void)unused;
    static uint32_t a[W * H], b[W * H];
    draw(&cases[0], a);
    draw(&cases[1], b);
    assert_true(memcmp(a, b, sizeof a) != 0);
}

int main(void)
{
    struct CMUnitTest tests[sizeof cases / sizeof cases[0] + 1];
    int n = 0;
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tests[n++] = (struct CMUnitTest){cases[i].name, test_golden, NULL, NULL,
                                         (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_distinct);
    return _cmocka_run_group_tests("golden", tests, n, NULL, NULL);
}
