/* Basins of attraction: every start of a grid run as traj_run runs a path, keeping
 * only where it ended (no path is stored), then labelled by the listed minimum it
 * reached or, for other end points, by a small table of distinct points found so
 * far — so typed expressions and the saddle still get their basins. gd, momentum
 * and nesterov on the full gradient take a lean path, several runs interleaved;
 * the rest go through the trajectory iterator. */
#include "basins.h"

#include <math.h>
#include <string.h>

void basins_init(BasinsJob *j, const Surface *s, const OptimConfig *cfg, View v,
                 int grid, int steps, BasinsCell *cells)
{
    memset(j, 0, sizeof *j);
    j->s = s;
    j->cfg = *cfg;
    j->view = v;
    j->grid = grid;
    j->steps = steps;
    j->centre = view_centre(v);
    j->tol = BASINS_TOL * hypot(v.x1 - v.x0, v.y1 - v.y0);
    j->cells = cells;
}

void basins_inherit(BasinsJob *j, const BasinsJob *prev)
{
    j->nends = prev->nends;
    memcpy(j->ends, prev->ends, sizeof j->ends[0] * (size_t)prev->nends);
}

Vec2 basins_start(const BasinsJob *j, int col, int row)
{
    const View v = j->view;
    return (Vec2){v.x0 + (col + 0.5) * (v.x1 - v.x0) / j->grid,
                  v.y1 - (row + 0.5) * (v.y1 - v.y0) / j->grid};
}

/* ---- one run ------------------------------------------------------------------ */

/* Returns the index of the listed minimum of s within tol of p, the nearest, or -1. */
static int listed_minimum(const Surface *s, double x, double y, double tol)
{
    int best = -1;
    double bd = tol * tol;
    for (int k = 0; k < s->nmin; k++) {
        double dx = x - s->minima[k].x, dy = y - s->minima[k].y, d = dx * dx + dy * dy;
        if (d <= bd) bd = d, best = k;
    }
    return best;
}

/* Returns 1 when a run of cfg on s can take the lean path: the full gradient (no
 * mini-batch) and an update of one line (gd, momentum, nesterov). */
static int lean(const Surface *s, const OptimConfig *cfg)
{
    int full = !s->batch || cfg->batch <= 0 || cfg->batch >= s->nsamples ||
               cfg->batch >= TRAJ_MAX_SAMPLES;
    return full && (cfg->kind == OPTIM_GD || cfg->kind == OPTIM_MOMENTUM ||
                    cfg->kind == OPTIM_NESTEROV);
}

/* Stores how a run ended (point q, status st after `steps` steps) in *out; the
 * basin is left to the labelling pass. */
static void finish(const BasinsJob *j, const TrajPoint *q, TrajStatus st, int steps,
                   BasinsCell *out)
{
    out->x = q->x;
    out->y = q->y;
    out->loss = q->loss;
    out->steps = steps;
    out->status = st;
    out->basin = -1;
    /* listed minima are given to about four digits, hence the floor on the tolerance */
    out->minimum =
        st == TRAJ_CONVERGED ? listed_minimum(j->s, q->x, q->y, fmax(j->tol, 1e-3)) : -1;
}

/* Runs the starts of one row through the trajectory iterator, one after another:
 * any optimiser, mini-batches included, exactly as traj_run with TRAJ_STOP_EARLY. */
static void row_iter(const BasinsJob *j, int row)
{
    TrajIter it; /* ~4 KB on the stack; traj_begin touches only n samples' part */
    for (int col = 0; col < j->grid; col++) {
        if (j->stop && atomic_load(j->stop)) return;
        traj_begin(&it, j->s, &j->cfg, basins_start(j, col, row));
        TrajStatus st;
        while ((st = traj_point_status(&it.cur, j->centre)) == TRAJ_RUNNING && it.step < j->steps)
            if (!traj_next(&it)) break;
        finish(j, &it.cur, st, (int)it.step, &j->cells[(size_t)row * j->grid + col]);
    }
}

/* ---- the lean path ------------------------------------------------------------ */

#define LANES 4 /* runs interleaved: a step waits on the last, so one run alone
                   leaves the processor idle half the time */

typedef struct {
    TrajPoint q; /* the current point */
    Vec2 v;      /* momentum's velocity */
    int t;       /* steps taken */
    int col;     /* the start's column, -1 for an idle lane */
} Lane;

static void lane_begin(const BasinsJob *j, Lane *l, int col, int row)
{
    Vec2 p = basins_start(j, col, row);
    l->v = (Vec2){0, 0};
    l->t = 0;
    l->col = col;
    traj_sample(&l->q, j->s, &j->cfg, p.x, p.y);
}

/* One step of gd, momentum or nesterov with the arithmetic of optim.c (the unit
 * tests hold the two equal), without the bookkeeping optim_step does for the
 * step-by-step view, which costs more than the step itself. */
static void lane_step(const BasinsJob *j, Lane *l)
{
    const OptimConfig *c = &j->cfg;
    const double mu = c->momentum;
    double lr = c->schedule == SCHED_CONSTANT ? c->lr : optim_lr_at(c, l->t);
    Vec2 g = {l->q.gx, l->q.gy}, d;
    if (c->kind == OPTIM_GD) {
        d = (Vec2){-lr * g.x, -lr * g.y};
    } else {
        l->v = (Vec2){mu * l->v.x + g.x, mu * l->v.y + g.y};
        d = c->kind == OPTIM_MOMENTUM
                ? (Vec2){-lr * l->v.x, -lr * l->v.y}
                : (Vec2){-lr * (g.x + mu * l->v.x), -lr * (g.y + mu * l->v.y)};
    }
    traj_sample(&l->q, j->s, c, l->q.x + d.x, l->q.y + d.y);
    l->t++;
}

/* Runs the starts of one row LANES at a time, a lane taking the next start as
 * soon as its run ends. Same results as row_iter. */
static void row_lean(const BasinsJob *j, int row)
{
    Lane lane[LANES];
    int next = 0, busy = 0;
    for (int k = 0; k < LANES; k++) {
        lane[k].col = -1;
        if (next < j->grid) lane_begin(j, &lane[k], next++, row), busy++;
    }
    while (busy)
        for (int k = 0; k < LANES; k++) {
            Lane *l = &lane[k];
            if (l->col < 0) continue;
            TrajStatus st = traj_point_status(&l->q, j->centre);
            if (st == TRAJ_RUNNING && l->t < j->steps) {
                lane_step(j, l);
                continue;
            }
            finish(j, &l->q, st, l->t, &j->cells[(size_t)row * j->grid + l->col]);
            l->col = -1;
            if (next < j->grid && !(j->stop && atomic_load(j->stop)))
                lane_begin(j, l, next++, row);
            else
                busy--;
        }
}

/* ---- labels ------------------------------------------------------------------- */

/* Returns the basin id of a converged end point (x, y) that is no listed minimum:
 * the first known end point within j->tol, else a new one; -1 when the table is
 * full. */
static int end_id(BasinsJob *j, double x, double y)
{
    for (int k = 0; k < j->nends; k++)
        if (hypot(x - j->ends[k].x, y - j->ends[k].y) <= j->tol) return j->s->nmin + k;
    if (j->nends == BASINS_MAX_ENDS) return -1;
    j->ends[j->nends] = (Vec2){x, y};
    return j->s->nmin + j->nends++;
}

void basins_run_rows(BasinsJob *j, int row0, int row1)
{
    const int g = j->grid;
    if (row0 < 0) row0 = 0;
    if (row1 > g) row1 = g;
    if (row0 >= row1) return;
    const int fast = lean(j->s, &j->cfg);
#pragma omp parallel for schedule(dynamic, 1)
    for (int row = row0; row < row1; row++) {
        if (fast)
            row_lean(j, row);
        else
            row_iter(j, row);
    }
    /* serially and in grid order, so ids do not depend on the threads' timing */
    for (size_t i = (size_t)row0 * g; i < (size_t)row1 * g; i++) {
        BasinsCell *c = &j->cells[i];
        if (c->status != TRAJ_CONVERGED) continue;
        c->basin = c->minimum >= 0 ? c->minimum : end_id(j, c->x, c->y);
    }
}

const BasinsCell *basins_cell_at(const BasinsJob *j, Vec2 p)
{
    const View v = j->view;
    double u = (p.x - v.x0) / (v.x1 - v.x0), w = (v.y1 - p.y) / (v.y1 - v.y0);
    if (!(u >= 0 && u < 1 && w >= 0 && w < 1)) return NULL; /* NaN too */
    int col = (int)(u * j->grid), row = (int)(w * j->grid);
    col = col < j->grid ? col : j->grid - 1; /* u just below 1 may round up */
    row = row < j->grid ? row : j->grid - 1;
    return &j->cells[(size_t)row * j->grid + col];
}

/* ---- colours ------------------------------------------------------------------ */

/* Paul Tol's "muted" qualitative scheme, in his order: colour-blind safe, and none
 * of it as gray as the diverged and running tints. */
static const Color palette[BASINS_NPALETTE] = {
    {0xCC, 0x66, 0x77, 255}, {0x33, 0x22, 0x88, 255}, {0xDD, 0xCC, 0x77, 255},
    {0x11, 0x77, 0x33, 255}, {0x88, 0xCC, 0xEE, 255}, {0x88, 0x22, 0x55, 255},
    {0x44, 0xAA, 0x99, 255}, {0x99, 0x99, 0x33, 255}, {0xAA, 0x44, 0x99, 255},
};

static const Color diverged_tint = {0x5E, 0x48, 0x48, 255}; /* dark red-gray */
static const Color running_tint = {0xDD, 0xDD, 0xDD, 255};  /* light gray */
static const Color unlabelled_tint = {0x77, 0x77, 0x77, 255};

Color basins_color(int basin, TrajStatus status)
{
    if (status == TRAJ_DIVERGED) return diverged_tint;
    if (status == TRAJ_RUNNING) return running_tint;
    return basin >= 0 ? palette[basin % BASINS_NPALETTE] : unlabelled_tint;
}

void basins_draw(Canvas *c, Rect r, const BasinsJob *j, int row0, int row1,
                 unsigned char alpha)
{
    const int g = j->grid;
    if (row0 < 0) row0 = 0;
    if (row1 > g) row1 = g;
    for (int row = row0; row < row1; row++) {
        int y0 = r.y + (int)((long long)row * r.h / g);
        int y1 = r.y + (int)((long long)(row + 1) * r.h / g);
        const BasinsCell *cells = j->cells + (size_t)row * g;
        /* one rectangle per run of cells of the same tint */
        for (int col = 0, end; col < g && y1 > y0; col = end) {
            Color t = basins_color(cells[col].basin, cells[col].status);
            for (end = col + 1; end < g; end++) {
                Color u = basins_color(cells[end].basin, cells[end].status);
                if (u.r != t.r || u.g != t.g || u.b != t.b) break;
            }
            int x0 = r.x + (int)((long long)col * r.w / g);
            int x1 = r.x + (int)((long long)end * r.w / g);
            t.a = alpha;
            canvas_fill_rect(c, (Rect){x0, y0, x1 - x0, y1 - y0}, t);
        }
    }
}
