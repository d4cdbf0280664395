/* Basins of attraction: Himmelblau's four minima each own their neighbourhood, the
 * bowl is one basin, a too-large step diverges everywhere, end points that are no
 * listed minimum are told apart, bands in any order give the same grid, every
 * run ends where traj_run ends, and the tints and the drawing. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/basins.h"

/* (x^2 - 1)^2 + y^2: two minima at (+-1, 0) that the surface does not list. */
static double two_wells(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double a = x * x - 1;
    if (g) *g = (Vec2){4 * x * a, 2 * y};
    return a * a + y * y;
}

static const Surface wells = {.name = "two-wells", .kind = "function",
                              .view = {-2, 2, -1, 1}, .fn = two_wells};

/* A job over s's view with its own cells; drop() frees both. */
static BasinsJob *job(const Surface *s, OptimKind k, double lr, int grid, int steps)
{
    BasinsJob *j = malloc(sizeof *j);
    BasinsCell *cells = calloc((size_t)grid * grid, sizeof *cells);
    assert_non_null(j);
    assert_non_null(cells);
    OptimConfig cfg = optim_config(k);
    cfg.lr = lr;
    basins_init(j, s, &cfg, s->view, grid, steps, cells);
    return j;
}

static void drop(BasinsJob *j)
{
    free(j->cells);
    free(j);
}

/* Starts at the cells' centres, row 0 at the top; each start's cell holds it. */
static void test_start_positions(void **unused)
{
    (void)unused;
    BasinsJob *j = job(&wells, OPTIM_GD, 0.01, 4, 10);
    Vec2 a = basins_start(j, 0, 0), b = basins_start(j, 3, 3);
    assert_close(a.x, -1.5, 1e-15);
    assert_close(a.y, 0.75, 1e-15);
    assert_close(b.x, 1.5, 1e-15);
    assert_close(b.y, -0.75, 1e-15);
    assert_close(j->tol, 1e-3 * sqrt(20.0), 1e-15);
    for (int i = 0; i < 16; i++)
        assert_ptr_equal(basins_cell_at(j, basins_start(j, i % 4, i / 4)), &j->cells[i]);
    assert_ptr_equal(basins_cell_at(j, (Vec2){-2, 1}), &j->cells[0]);
    assert_ptr_equal(basins_cell_at(j, (Vec2){1.999999, -0.999999}), &j->cells[15]);
    assert_null(basins_cell_at(j, (Vec2){2, 0}));
    assert_null(basins_cell_at(j, (Vec2){0, -1}));
    assert_null(basins_cell_at(j, (Vec2){NAN, 0}));
    drop(j);
}

/* Every minimum is reached, and every start within 0.5 of a minimum reaches it. */
static void test_himmelblau_four_minima(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("himmelblau");
    const int g = 40;
    BasinsJob *j = job(s, OPTIM_GD, 0.01, g, 1000);
    basins_run_rows(j, 0, g);
    int seen[4] = {0}, near[4] = {0};
    for (int row = 0; row < g; row++)
        for (int col = 0; col < g; col++) {
            const BasinsCell *c = &j->cells[row * g + col];
            assert_int_equal(c->status, TRAJ_CONVERGED);
            assert_in_range(c->minimum, 0, 3);
            assert_int_equal(c->basin, c->minimum);
            seen[c->minimum]++;
            Vec2 p = basins_start(j, col, row);
            for (int k = 0; k < 4; k++)
                if (hypot(p.x - s->minima[k].x, p.y - s->minima[k].y) < 0.5) {
                    assert_int_equal(c->minimum, k);
                    near[k]++;
                }
        }
    for (int k = 0; k < 4; k++) {
        assert_true(seen[k] > g * g / 10);
        assert_true(near[k] > 0);
    }
    assert_int_equal(j->nends, 0);
    drop(j);
}

static void test_bowl_one_basin(void **unused)
{
    (void)unused;
    BasinsJob *j = job(surface_find("bowl"), OPTIM_GD, 0.1, 16, 1000);
    basins_run_rows(j, 0, 16);
    for (int i = 0; i < 16 * 16; i++) {
        assert_int_equal(j->cells[i].status, TRAJ_CONVERGED);
        assert_int_equal(j->cells[i].minimum, 0);
        assert_int_equal(j->cells[i].basin, 0);
        assert_true(j->cells[i].steps > 0 && j->cells[i].steps < 200);
    }
    drop(j);
}

static void test_diverging_lr(void **unused)
{
    (void)unused;
    BasinsJob *j = job(surface_find("bowl"), OPTIM_GD, 1.1, 16, 1000);
    basins_run_rows(j, 0, 16);
    Color dv = basins_color(-1, TRAJ_DIVERGED);
    for (int i = 0; i < 16 * 16; i++) {
        const BasinsCell *c = &j->cells[i];
        assert_int_equal(c->status, TRAJ_DIVERGED);
        assert_int_equal(c->minimum, -1);
        assert_int_equal(c->basin, -1);
        Color t = basins_color(c->basin, c->status);
        assert_memory_equal(&t, &dv, sizeof t);
    }
    /* too few steps to get anywhere: still running */
    drop(j);
    j = job(surface_find("rosenbrock"), OPTIM_GD, 1e-4, 8, 5);
    basins_run_rows(j, 0, 8);
    for (int i = 0; i < 64; i++) {
        assert_int_equal(j->cells[i].status, TRAJ_RUNNING);
        assert_int_equal(j->cells[i].steps, 5);
        assert_int_equal(j->cells[i].basin, -1);
    }
    drop(j);
}

/* Two minima the surface does not list: two basins, split at x = 0. */
static void test_clusters_unlisted(void **unused)
{
    (void)unused;
    const int g = 16;
    BasinsJob *j = job(&wells, OPTIM_GD, 0.05, g, 2000);
    basins_run_rows(j, 0, g);
    assert_int_equal(j->nends, 2);
    int left = j->cells[0].basin, right = j->cells[g - 1].basin;
    assert_true(left >= 0 && right >= 0 && left != right);
    for (int row = 0; row < g; row++)
        for (int col = 0; col < g; col++) {
            const BasinsCell *c = &j->cells[row * g + col];
            assert_int_equal(c->status, TRAJ_CONVERGED);
            assert_int_equal(c->minimum, -1);
            assert_int_equal(c->basin, col < g / 2 ? left : right);
            assert_close(fabs(c->x), 1, 1e-6);
        }
    /* ids in grid order: the top-left start's end comes first */
    assert_int_equal(left, 0);
    assert_close(j->ends[0].x, -1, 1e-6);
    drop(j);
}

/* More distinct end points than the table holds: the rest converge without an id. */
static void test_table_full(void **unused)
{
    (void)unused;
    const int g = 64;
    BasinsJob *j = job(surface_find("rastrigin"), OPTIM_GD, 1e-3, g, 1000);
    basins_run_rows(j, 0, g);
    assert_int_equal(j->nends, BASINS_MAX_ENDS);
    int unlabelled = 0;
    for (int i = 0; i < g * g; i++) {
        const BasinsCell *c = &j->cells[i];
        if (c->status != TRAJ_CONVERGED) continue;
        assert_true(c->basin < 1 + BASINS_MAX_ENDS);
        if (c->basin < 0) unlabelled++;
        if (c->minimum == 0) assert_int_equal(c->basin, 0);
    }
    assert_true(unlabelled > 0);
    drop(j);
}

/* Returns 1 when a and b agree cell by cell, basin ids of unlisted end points up
 * to a renaming (the same partition). */
static int same_grid(const BasinsJob *a, const BasinsJob *b)
{
    int map[2 * BASINS_MAX_ENDS + SURFACE_MAX_MINIMA];
    memset(map, -1, sizeof map);
    for (int i = 0; i < a->grid * a->grid; i++) {
        const BasinsCell *p = &a->cells[i], *q = &b->cells[i];
        if (memcmp(&p->x, &q->x, sizeof p->x) || memcmp(&p->y, &q->y, sizeof p->y) ||
            p->steps != q->steps || p->status != q->status || p->minimum != q->minimum)
            return 0;
        if (p->basin < a->s->nmin || q->basin < a->s->nmin) {
            if (p->basin != q->basin) return 0;
            continue;
        }
        if (map[p->basin] < 0) map[p->basin] = q->basin;
        if (map[p->basin] != q->basin) return 0;
    }
    return 1;
}

static void test_bands_any_order(void **unused)
{
    (void)unused;
    static const int order[] = {3, 0, 6, 2, 5, 1, 4};
    const Surface *surfs[] = {surface_find("himmelblau"), &wells};
    for (int k = 0; k < 2; k++) {
        const int g = 28, band = 4;
        BasinsJob *all = job(surfs[k], OPTIM_MOMENTUM, 0.002, g, 500);
        BasinsJob *parts = job(surfs[k], OPTIM_MOMENTUM, 0.002, g, 500);
        basins_run_rows(all, 0, g);
        for (int i = 0; i < 7; i++)
            basins_run_rows(parts, order[i] * band, order[i] * band + band);
        assert_true(same_grid(all, parts));
        /* rows past the grid and empty bands change nothing */
        basins_run_rows(parts, g, g + 10);
        basins_run_rows(parts, 5, 5);
        assert_true(same_grid(all, parts));
        drop(all);
        drop(parts);
    }
}

/* A finer grid that inherits a coarser one's end points keeps their ids. */
static void test_inherit(void **unused)
{
    (void)unused;
    BasinsJob *coarse = job(&wells, OPTIM_GD, 0.05, 4, 2000);
    basins_run_rows(coarse, 2, 4); /* bottom rows first: ids differ from grid order */
    basins_run_rows(coarse, 0, 2);
    BasinsJob *fine = job(&wells, OPTIM_GD, 0.05, 16, 2000);
    basins_inherit(fine, coarse);
    basins_run_rows(fine, 0, 16);
    assert_int_equal(fine->nends, 2);
    assert_int_equal(fine->cells[0].basin, coarse->cells[0].basin);
    assert_int_equal(fine->cells[15].basin, coarse->cells[3].basin);
    drop(coarse);
    drop(fine);
}

/* Each start ends exactly where traj_run with TRAJ_STOP_EARLY ends, for every
 * optimiser, a schedule, a numeric gradient and mini-batches. */
static void check_traj(const Surface *s, OptimConfig cfg, int steps)
{
    const int g = 5;
    BasinsJob j;
    BasinsCell cells[25];
    basins_init(&j, s, &cfg, s->view, g, steps, cells);
    basins_run_rows(&j, 0, g);
    Trajectory t = {calloc((size_t)steps + 1, sizeof(TrajPoint)), steps + 1, 0, 0};
    assert_non_null(t.pts);
    for (int i = 0; i < g * g; i++) {
        traj_run(&t, s, &cfg, basins_start(&j, i % g, i / g), steps, j.centre,
                 TRAJ_STOP_EARLY);
        const TrajPoint *e = &t.pts[t.len - 1];
        assert_int_equal(cells[i].steps, t.len - 1);
        assert_int_equal(cells[i].status, t.status);
        assert_memory_equal(&cells[i].x, &e->x, sizeof e->x);
        assert_memory_equal(&cells[i].y, &e->y, sizeof e->y);
        assert_memory_equal(&cells[i].loss, &e->loss, sizeof e->loss);
    }
    free(t.pts);
}

static void test_equals_traj(void **unused)
{
    (void)unused;
    const Surface *h = surface_find("himmelblau");
    for (int k = 0; k < OPTIM_COUNT; k++) {
        OptimConfig cfg = optim_config(k);
        cfg.lr = k == OPTIM_HOTCOLD ? 0.05 : 0.005;
        check_traj(h, cfg, 300);
        cfg.schedule = SCHED_COSINE;
        cfg.horizon = 300;
        check_traj(h, cfg, 300);
        cfg.schedule = SCHED_STEP;
        check_traj(h, cfg, 300);
    }
    OptimConfig cfg = optim_config(OPTIM_MOMENTUM);
    cfg.grad = GRAD_CENTRAL;
    check_traj(surface_find("rosenbrock"), cfg, 200);
    cfg.lr = 0.5;
    cfg.grad = GRAD_ANALYTIC;
    cfg.batch = 3;
    cfg.seed = 7;
    check_traj(surface_find("neuron-mse"), cfg, 200);
    cfg.kind = OPTIM_ADAM;
    check_traj(surface_find("neuron-xent"), cfg, 200);
    cfg.lr = 2; /* far too large: diverges on the ravine */
    cfg.batch = 0;
    cfg.kind = OPTIM_GD;
    check_traj(surface_find("ravine"), cfg, 200);
}

static void test_colors(void **unused)
{
    (void)unused;
    Color c[BASINS_NPALETTE + 3];
    for (int i = 0; i < BASINS_NPALETTE; i++) c[i] = basins_color(i, TRAJ_CONVERGED);
    c[BASINS_NPALETTE] = basins_color(-1, TRAJ_DIVERGED);
    c[BASINS_NPALETTE + 1] = basins_color(-1, TRAJ_RUNNING);
    c[BASINS_NPALETTE + 2] = basins_color(-1, TRAJ_CONVERGED);
    for (int i = 0; i < BASINS_NPALETTE + 3; i++) {
        assert_int_equal(c[i].a, 255);
        for (int k = 0; k < i; k++)
            assert_true(abs(c[i].r - c[k].r) + abs(c[i].g - c[k].g) + abs(c[i].b - c[k].b) > 40);
    }
    Color again = basins_color(BASINS_NPALETTE + 2, TRAJ_CONVERGED);
    assert_memory_equal(&again, &c[2], sizeof again);
    /* the status decides over the basin id */
    Color d = basins_color(3, TRAJ_DIVERGED);
    assert_memory_equal(&d, &c[BASINS_NPALETTE], sizeof d);
}

/* A 2 x 2 grid drawn over 6 x 4 pixels: 3 x 2 blocks; only the rows asked for. */
static void test_draw(void **unused)
{
    (void)unused;
    BasinsJob *j = job(&wells, OPTIM_GD, 0.01, 2, 1);
    static const int basin[4] = {0, 1, 2, -1};
    static const TrajStatus st[4] = {TRAJ_CONVERGED, TRAJ_CONVERGED, TRAJ_CONVERGED,
                                     TRAJ_DIVERGED};
    for (int i = 0; i < 4; i++) j->cells[i] = (BasinsCell){.basin = basin[i], .status = st[i]};
    uint32_t px[8 * 6];
    for (int i = 0; i < 8 * 6; i++) px[i] = 0xff000000u;
    Canvas c = canvas_init(px, 8, 6, 8);
    basins_draw(&c, (Rect){1, 1, 6, 4}, j, 1, 2, 255);
    for (int y = 0; y < 6; y++)
        for (int x = 0; x < 8; x++) {
            uint32_t want = 0xff000000u;
            if (x >= 1 && x < 7 && y >= 3 && y < 5) {
                int i = 2 + (x >= 4);
                want = canvas_pack(basins_color(basin[i], st[i]));
            }
            assert_int_equal(px[y * 8 + x], want);
        }
    basins_draw(&c, (Rect){1, 1, 6, 4}, j, 0, 2, 128);
    Color top = canvas_unpack(px[1 * 8 + 1]), want = basins_color(0, TRAJ_CONVERGED);
    assert_true(abs(top.r - want.r / 2) <= 1 && abs(top.g - want.g / 2) <= 1);
    drop(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_positions),
        cmocka_unit_test(test_himmelblau_four_minima),
        cmocka_unit_test(test_bowl_one_basin),
        cmocka_unit_test(test_diverging_lr),
        cmocka_unit_test(test_clusters_unlisted),
        cmocka_unit_test(test_table_full),
        cmocka_unit_test(test_bands_any_order),
        cmocka_unit_test(test_inherit),
        cmocka_unit_test(test_equals_traj),
        cmocka_unit_test(test_colors),
        cmocka_unit_test(test_draw),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
