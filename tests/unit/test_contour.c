/* Unit tests of contour: circles of a radial field (on the circle, closed, the
 * right number of segments, several levels at once), circles cut by the border,
 * saddles, non-finite samples, degenerate input, reuse of the buffer, and the same
 * segments in row order for any number of threads. */
#include "testutil.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "core/contour.h"

#define W        64
#define H        48
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PI       3.14159265358979323846

static double grid[W * H];

/* Fills grid with the squared distance from (cx, cy), in grid coordinates. */
static void radial(double cx, double cy)
{
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++)
            grid[j * W + i] = (i - cx) * (i - cx) + (j - cy) * (j - cy);
}

/* Number of segment ends of level `level` exactly at (x, y). */
static int ends_at(const ContourSet *cs, int level, float x, float y)
{
    int n = 0;
    for (int s = 0; s < cs->count; s++) {
        const ContourSeg *g = &cs->seg[s];
        if (g->level != level) continue;
        n += g->x0 == x && g->y0 == y;
        n += g->x1 == x && g->y1 == y;
    }
    return n;
}

static int on_border(float x, float y, int w, int h)
{
    return x == 0 || y == 0 || x == w - 1 || y == h - 1;
}

/* Checks that every end of level `level` is shared by exactly two ends (bitwise),
 * but ends on the border of the w x h grid, which may be alone; returns the number
 * of lone ends. */
static int check_joined(const ContourSet *cs, int level, int w, int h)
{
    int lone = 0;
    for (int s = 0; s < cs->count; s++) {
        const ContourSeg *g = &cs->seg[s];
        if (g->level != level) continue;
        assert_false(g->x0 == g->x1 && g->y0 == g->y1); /* no zero-length segment */
        float e[2][2] = {{g->x0, g->y0}, {g->x1, g->y1}};
        for (int k = 0; k < 2; k++) {
            int n = ends_at(cs, level, e[k][0], e[k][1]);
            if (n == 1 && on_border(e[k][0], e[k][1], w, h))
                lone++;
            else if (n != 2)
                fail_msg("end (%.9g, %.9g) shared by %d ends", e[k][0], e[k][1], n);
        }
    }
    return lone;
}

/* Checks that every end of level `level` lies on the circle of radius r about
 * (cx, cy). Along an edge the field is a parabola with second derivative 2, so
 * linear interpolation lands where the true value is between r^2 - 1/4 and r^2:
 * inside the circle by at most r - sqrt(r^2 - 1/4) (0.0083 for r = 15), plus
 * float rounding of the coordinates. Returns the total length of the segments. */
static double check_on_circle(const ContourSet *cs, int level, double cx, double cy,
                              double r)
{
    const double lo = sqrt(r * r - 0.25) - 1e-4, hi = r + 1e-4;
    double len = 0;
    for (int s = 0; s < cs->count; s++) {
        const ContourSeg *g = &cs->seg[s];
        if (g->level != level) continue;
        double d0 = hypot(g->x0 - cx, g->y0 - cy), d1 = hypot(g->x1 - cx, g->y1 - cy);
        if (!(d0 >= lo && d0 <= hi && d1 >= lo && d1 <= hi))
            fail_msg("segment %d at distances %.9g, %.9g; radius %g", s, d0, d1, r);
        len += hypot(g->x1 - g->x0, g->y1 - g->y0);
    }
    return len;
}

/* Segments a circle of radius r about (cx, cy) inside the grid should give when no
 * sample lies on it: one per grid line crossing, each line within r crossed twice.
 * Fails when two crossings may share an edge (a chord under 1), which marching
 * squares cannot see: such a circle makes a bad test case. */
static int crossings(double cx, double cy, double r)
{
    int n = 0;
    for (int k = 0; k < W + H; k++) {
        double d = k < W ? fabs(k - cx) : fabs(k - W - cy);
        if (d >= r) continue;
        if (r * r - d * d < 0.25)
            fail_msg("test circle (%g, %g, %g) nearly tangent", cx, cy, r);
        n += 2;
    }
    return n;
}

static int count_level(const ContourSet *cs, int level)
{
    int n = 0;
    for (int s = 0; s < cs->count; s++)
        n += cs->seg[s].level == level;
    return n;
}

typedef struct {
    double cx, cy, r; /* a circle well inside the 64 x 48 grid */
} Circle;

static const Circle circles[] = {
    {31.3, 23.7, 15.0}, {31.5, 23.5, 15.0}, {20.1, 20.2, 4.1},
    {40.6, 25.9, 20.3}, {32.0, 24.0, 1.3},  {31.3, 23.7, 1.45},
};

static void test_circle_closed(void **state)
{
    (void)state;
    ContourSet cs = {0};
    for (size_t n = 0; n < NELEM(circles); n++) {
        const Circle *c = &circles[n];
        double level = c->r * c->r;
        radial(c->cx, c->cy);
        int got = contour_trace(&cs, grid, W, H, &level, 1);
        assert_int_equal(got, cs.count);
        assert_int_equal(got, crossings(c->cx, c->cy, c->r));
        assert_int_equal(count_level(&cs, 0), got);
        assert_int_equal(check_joined(&cs, 0, W, H), 0);
        double len = check_on_circle(&cs, 0, c->cx, c->cy, c->r);
        if (c->r > 10) assert_close(len, 2 * PI * c->r, 0.01);
    }
    contour_free(&cs);
}

/* Radius 15 about a sample hits 12 samples exactly (15^2 = 9^2 + 12^2): the lines
 * still close, through those samples, with no zero-length segment. */
static void test_level_on_samples(void **state)
{
    (void)state;
    ContourSet cs = {0};
    double level = 225;
    radial(30, 22);
    assert_true(contour_trace(&cs, grid, W, H, &level, 1) > 0);
    assert_int_equal(check_joined(&cs, 0, W, H), 0);
    check_on_circle(&cs, 0, 30, 22, 15);
    assert_int_equal(ends_at(&cs, 0, 39, 34), 2);
    assert_int_equal(ends_at(&cs, 0, 45, 22), 2);
    contour_free(&cs);
}

/* A step from 0 (columns < 5) to 1: a level equal to the upper value traces the
 * step's edge at x = 5 (samples at the level are inside), one equal to the lower
 * value nothing, one between them x = 4.5. */
static void test_level_on_plateau(void **state)
{
    (void)state;
    static const struct {
        double level;
        float x;
        int count;
    } cases[] = {
        {1.0, 5.0f, H - 1},
        {0.5, 4.5f, H - 1},
        {0.0, 0.0f, 0},
        {1.5, 0.0f, 0},
    };
    ContourSet cs = {0};
    for (int k = 0; k < W * H; k++)
        grid[k] = k % W < 5 ? 0.0 : 1.0;
    for (size_t n = 0; n < NELEM(cases); n++) {
        assert_int_equal(contour_trace(&cs, grid, W, H, &cases[n].level, 1),
                         cases[n].count);
        for (int s = 0; s < cs.count; s++)
            assert_true(cs.seg[s].x0 == cases[n].x && cs.seg[s].x1 == cases[n].x);
        if (cases[n].count) assert_int_equal(check_joined(&cs, 0, W, H), 2);
    }
    contour_free(&cs);
}

static void test_several_levels(void **state)
{
    (void)state;
    static const double radius[] = {10, 15, 20};
    static const double sorted[] = {100, 225, 400};
    static const double shuffled[] = {400, NAN, 100, 225}; /* radius index + 1 */
    const double cx = 31.3, cy = 23.7;
    ContourSet cs = {0};
    radial(cx, cy);
    int got = contour_trace(&cs, grid, W, H, sorted, 3);
    int total = 0;
    for (int k = 0; k < 3; k++) {
        assert_int_equal(count_level(&cs, k), crossings(cx, cy, radius[k]));
        assert_int_equal(check_joined(&cs, k, W, H), 0);
        check_on_circle(&cs, k, cx, cy, radius[k]);
        total += count_level(&cs, k);
    }
    assert_int_equal(got, total);
    /* Unsorted levels, one NaN: the same lines, indices into the caller's array. */
    assert_int_equal(contour_trace(&cs, grid, W, H, shuffled, 4), total);
    static const int where[3] = {2, 3, 0};
    assert_int_equal(count_level(&cs, 1), 0);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(count_level(&cs, where[k]), crossings(cx, cy, radius[k]));
        check_on_circle(&cs, where[k], cx, cy, radius[k]);
    }
    contour_free(&cs);
}

typedef struct {
    double cx, cy, r;
    int lone; /* ends on the border: two per arc */
} Arc;

static const Arc arcs[] = {
    {2.3, 23.7, 15.0, 2},  /* cut by the left border */
    {31.3, -5.2, 20.0, 2}, /* by the top */
    {0.3, 0.4, 15.0, 2},   /* about the top-left corner */
    {31.3, 23.7, 26.0, 4}, /* by the top and the bottom */
    {62.6, 46.8, 10.5, 2}, /* about the bottom-right corner */
};

static void test_border_open(void **state)
{
    (void)state;
    ContourSet cs = {0};
    for (size_t n = 0; n < NELEM(arcs); n++) {
        const Arc *a = &arcs[n];
        double level = a->r * a->r;
        radial(a->cx, a->cy);
        assert_true(contour_trace(&cs, grid, W, H, &level, 1) > 0);
        assert_int_equal(check_joined(&cs, 0, W, H), a->lone);
        check_on_circle(&cs, 0, a->cx, a->cy, a->r);
    }
    contour_free(&cs);
}

/* Returns 1 when segments g and h cross at a point inside both. */
static int cross(const ContourSeg *g, const ContourSeg *h)
{
    double ax = g->x1 - g->x0, ay = g->y1 - g->y0, bx = h->x1 - h->x0, by = h->y1 - h->y0;
    double o1 = ax * (h->y0 - g->y0) - ay * (h->x0 - g->x0);
    double o2 = ax * (h->y1 - g->y0) - ay * (h->x1 - g->x0);
    double o3 = bx * (g->y0 - h->y0) - by * (g->x0 - h->x0);
    double o4 = bx * (g->y1 - h->y0) - by * (g->x1 - h->x0);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

typedef struct {
    double sign;  /* field sign * (i - 3.5) * (j - 3.5): saddle 5 or 10 in cell (3, 3) */
    double level; /* the cell's corners are +-0.25 and its mean 0 */
    int cut;      /* bit mask of the corners the cell's segments cut off */
} Saddle;

/* Corners: 1 (3, 3), 2 (4, 3), 4 (4, 4), 8 (3, 4). At or below the mean (0) the
 * centre is inside, and the outside corners are cut off; above, the inside ones. */
static const Saddle saddles[] = {
    {1, 0.0, 2 | 8},  {1, -0.1, 2 | 8},  {1, 0.1, 1 | 4},
    {-1, 0.0, 1 | 4}, {-1, -0.1, 1 | 4}, {-1, 0.1, 2 | 8},
};

/* The corner (bit) of cell (3, 3) nearest the midpoint of segment g. */
static int corner_of(const ContourSeg *g)
{
    double mx = 0.5 * (g->x0 + g->x1), my = 0.5 * (g->y0 + g->y1);
    return mx < 3.5 ? (my < 3.5 ? 1 : 8) : (my < 3.5 ? 2 : 4);
}

static void test_saddle(void **state)
{
    (void)state;
    enum { N = 8 };
    static double v[N * N];
    static const double levels[] = {-2.0, -0.6, -0.1, 0.0, 0.1, 0.6, 2.0};
    ContourSet cs = {0};
    for (size_t n = 0; n < NELEM(saddles); n++) {
        const Saddle *sd = &saddles[n];
        for (int j = 0; j < N; j++)
            for (int i = 0; i < N; i++)
                v[j * N + i] = sd->sign * (i - 3.5) * (j - 3.5);
        /* Resolution of the saddle cell at one level. */
        assert_true(contour_trace(&cs, v, N, N, &sd->level, 1) > 0);
        int cut = 0, in_cell = 0;
        for (int s = 0; s < cs.count; s++) {
            const ContourSeg *g = &cs.seg[s];
            double mx = 0.5 * (g->x0 + g->x1), my = 0.5 * (g->y0 + g->y1);
            if (mx > 3 && mx < 4 && my > 3 && my < 4) cut |= corner_of(g), in_cell++;
        }
        assert_int_equal(in_cell, 2);
        assert_int_equal(cut, sd->cut);
        /* Many levels: no two segments cross, within or across levels. */
        int got = contour_trace(&cs, v, N, N, levels, (int)NELEM(levels));
        assert_true(got > 0);
        for (int a = 0; a < got; a++)
            for (int b = a + 1; b < got; b++)
                if (cross(&cs.seg[a], &cs.seg[b]))
                    fail_msg("segments %d and %d cross", a, b);
        for (int k = 0; k < (int)NELEM(levels); k++)
            check_joined(&cs, k, N, N);
    }
    contour_free(&cs);
}

static void test_nonfinite_skipped(void **state)
{
    (void)state;
    static const struct {
        int i, j;
        double x;
    } holes[] = {
        {46, 23, NAN},
        {31, 9, INFINITY},
        {17, 30, -INFINITY},
        {0, 0, NAN},
    };
    ContourSet cs = {0};
    double level = 225;
    radial(31.3, 23.7);
    int whole = contour_trace(&cs, grid, W, H, &level, 1);
    for (size_t n = 0; n < NELEM(holes); n++)
        grid[holes[n].j * W + holes[n].i] = holes[n].x;
    int got = contour_trace(&cs, grid, W, H, &level, 1);
    assert_true(got > 0 && got < whole);
    for (int s = 0; s < got; s++) {
        const ContourSeg *g = &cs.seg[s];
        int i = (int)floor(0.5 * (g->x0 + g->x1)), j = (int)floor(0.5 * (g->y0 + g->y1));
        for (int c = 0; c < 4; c++)
            assert_true(isfinite(grid[(j + c / 2) * W + i + c % 2]));
        assert_true(isfinite(g->x0) && isfinite(g->y0) && isfinite(g->x1) &&
                    isfinite(g->y1));
    }
    check_on_circle(&cs, 0, 31.3, 23.7, 15);
    for (int k = 0; k < W * H; k++)
        grid[k] = NAN;
    assert_int_equal(contour_trace(&cs, grid, W, H, &level, 1), 0);
    contour_free(&cs);
}

static void test_nothing_to_trace(void **state)
{
    (void)state;
    static const double levels[] = {-1.0, 0.0, 2.5, 3.0, 1e300};
    ContourSet cs = {0};
    for (int k = 0; k < W * H; k++)
        grid[k] = 2.5;
    assert_int_equal(contour_trace(&cs, grid, W, H, levels, (int)NELEM(levels)), 0);
    radial(31.3, 23.7); /* values from 0.18 to 1566.6 */
    static const double outside[] = {-5.0, 0.0, 0.1, 1600.0, INFINITY};
    assert_int_equal(contour_trace(&cs, grid, W, H, outside, (int)NELEM(outside)), 0);
    assert_int_equal(contour_trace(&cs, grid, W, H, levels, 0), 0);
    assert_int_equal(contour_trace(&cs, grid, 1, H, levels, 3), 0);
    assert_int_equal(contour_trace(&cs, grid, W, 1, levels, 3), 0);
    assert_int_equal(contour_trace(&cs, grid, 0, 0, levels, 3), 0);
    assert_int_equal(cs.count, 0);
    contour_free(&cs);
}

static void test_buffer_reused(void **state)
{
    (void)state;
    ContourSet cs = {0};
    double level = 225, none = -1;
    radial(31.3, 23.7);
    int n = contour_trace(&cs, grid, W, H, &level, 1);
    assert_true(n > 0 && cs.cap >= n && cs.seg != NULL);
    ContourSeg *seg = cs.seg, first = cs.seg[0];
    int cap = cs.cap;
    assert_int_equal(contour_trace(&cs, grid, W, H, &level, 1), n);
    assert_int_equal(cs.count, n);
    assert_ptr_equal(cs.seg, seg);
    assert_int_equal(cs.cap, cap);
    assert_true(cs.seg[0].x0 == first.x0 && cs.seg[0].y1 == first.y1);
    assert_int_equal(contour_trace(&cs, grid, W, H, &none, 1), 0);
    assert_int_equal(cs.count, 0);
    assert_int_equal(cs.cap, cap);
    contour_free(&cs);
    assert_null(cs.seg);
    assert_int_equal(cs.count, 0);
    assert_int_equal(cs.cap, 0);
    contour_free(&cs);
}

/* A grid with more segments than the first capacity: the set grows and stays whole. */
static void test_growth(void **state)
{
    (void)state;
    double levels[40];
    for (int k = 0; k < 40; k++)
        levels[k] = 10.0 + 50.0 * k;
    ContourSet cs = {0};
    radial(31.3, 23.7);
    int got = contour_trace(&cs, grid, W, H, levels, 40);
    assert_true(got > 1024 && cs.cap >= got);
    for (int k = 0; k < 40; k++)
        check_joined(&cs, k, W, H);
    contour_free(&cs);
}

/* Rows traced in parallel bands: the same segments, in the same order, with one
 * thread as with all, cell row by cell row; a grid shorter than the bands works. */
static void test_threads(void **state)
{
    (void)state;
    static ContourSeg one[8192];
    double levels[] = {30, 90, 200, 410, 650, 1e3};
    ContourSet cs = {0};
    for (int h = 2; h <= H; h += H - 2) {
        radial(27.3, 19.6);
        int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        int n = contour_trace(&cs, grid, W, h, levels, (int)NELEM(levels));
        omp_set_num_threads(threads);
        assert_true(n >= 0 && n <= (int)NELEM(one));
        memcpy(one, cs.seg, (size_t)n * sizeof *one);
        assert_int_equal(contour_trace(&cs, grid, W, h, levels, (int)NELEM(levels)), n);
        assert_memory_equal(cs.seg, one, (size_t)n * sizeof *one);
        if (h == H) assert_true(n > 300);
        /* a segment of cell row j lies in [j, j + 1]: the rows never go back */
        for (int k = 1; k < n; k++) {
            float lo = fminf(cs.seg[k].y0, cs.seg[k].y1);
            float hi = fmaxf(cs.seg[k - 1].y0, cs.seg[k - 1].y1);
            assert_true(lo >= floorf(hi) - 1.0f);
        }
    }
    contour_free(&cs);
    contour_free(&cs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_circle_closed),    cmocka_unit_test(test_level_on_samples),
        cmocka_unit_test(test_several_levels),   cmocka_unit_test(test_border_open),
        cmocka_unit_test(test_saddle),           cmocka_unit_test(test_nonfinite_skipped),
        cmocka_unit_test(test_nothing_to_trace), cmocka_unit_test(test_buffer_reused),
        cmocka_unit_test(test_growth),           cmocka_unit_test(test_level_on_plateau),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
