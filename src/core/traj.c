/* Trajectories: runs an optimiser from a start point and stores every point with
 * its cost and full gradient, so drawing, status and CSV output read the same
 * numbers. The window runs with TRAJ_STOP_EARLY; `trace` stops only at a
 * non-finite point, as DESIGN section 3 says. */
#include "traj.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

static const char *status_names[] = {"running", "converged", "diverged"};

const char *traj_status_name(TrajStatus s) { return status_names[s]; }

/* The rules with hypot, for points near a threshold. */
static TrajStatus exact_status(const TrajPoint *p, Vec2 centre)
{
    if (hypot(p->x - centre.x, p->y - centre.y) > TRAJ_FAR) return TRAJ_DIVERGED;
    if (hypot(p->gx, p->gy) < TRAJ_GRAD_TOL) return TRAJ_CONVERGED;
    return TRAJ_RUNNING;
}

TrajStatus traj_point_status(const TrajPoint *p, Vec2 centre)
{
    /* squared distances cost far less than hypot (this runs every step); near a
     * threshold, where rounding could tell the two apart, hypot decides */
    static const double far2 = TRAJ_FAR * TRAJ_FAR, tol2 = TRAJ_GRAD_TOL * TRAJ_GRAD_TOL;
    if (!isfinite(p->x) || !isfinite(p->y) || !isfinite(p->loss)) return TRAJ_DIVERGED;
    double dx = p->x - centre.x, dy = p->y - centre.y;
    double d2 = dx * dx + dy * dy, g2 = p->gx * p->gx + p->gy * p->gy;
    if (fabs(d2 - far2) <= 1e-9 * far2 || fabs(g2 - tol2) <= 1e-9 * tol2 || !isfinite(d2) ||
        !isfinite(g2))
        return exact_status(p, centre);
    if (d2 > far2) return TRAJ_DIVERGED;
    return g2 < tol2 ? TRAJ_CONVERGED : TRAJ_RUNNING;
}

void traj_sample(TrajPoint *p, const Surface *s, const OptimConfig *cfg, double x, double y)
{
    Vec2 g = {NAN, NAN};
    p->x = x;
    p->y = y;
    /* grad_eval would make this same call; skipping it saves a tenth of a step */
    p->loss = cfg->grad == GRAD_ANALYTIC
                  ? s->fn(s->ctx, x, y, &g)
                  : grad_eval(s, cfg->grad, cfg->h > 0 ? cfg->h : GRAD_H, NULL, 0, x, y, &g);
    p->gx = g.x;
    p->gy = g.y;
}

static int finite_point(const TrajPoint *p)
{
    return isfinite(p->x) && isfinite(p->y) && isfinite(p->loss);
}

/* Returns the mini-batch size of a run on s, or 0 for the full gradient. */
static int batch_size(const Surface *s, const OptimConfig *cfg)
{
    int n = s->nsamples < TRAJ_MAX_SAMPLES ? s->nsamples : TRAJ_MAX_SAMPLES;
    return s->batch && cfg->batch > 0 && cfg->batch < n ? cfg->batch : 0;
}

/* Draws the next mini-batch into perm[0..b-1] (a partial Fisher-Yates shuffle). */
static void draw_batch(int *perm, int n, int b, uint64_t *rng)
{
    for (int i = 0; i < b; i++) {
        int j = i + (int)(rng_next(rng) % (uint64_t)(n - i));
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

void traj_begin(TrajIter *it, const Surface *s, const OptimConfig *cfg, Vec2 start)
{
    it->s = s;
    it->cfg = *cfg;
    memset(&it->st, 0, sizeof it->st);
    it->step = 0;
    it->rng = cfg->seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
    int n = s->nsamples < TRAJ_MAX_SAMPLES ? s->nsamples : TRAJ_MAX_SAMPLES;
    for (int i = 0; i < n; i++) it->perm[i] = i;
    traj_sample(&it->cur, s, cfg, start.x, start.y);
}

/* The gradient for the next step: the point's own, or a fresh mini-batch's. */
static double step_gradient(const TrajIter *it, int *perm, uint64_t *rng,
                            Vec2 *g)
{
    const TrajPoint *p = &it->cur;
    int b = batch_size(it->s, &it->cfg);
    if (!b) {
        *g = (Vec2){p->gx, p->gy};
        return p->loss;
    }
    draw_batch(perm, it->s->nsamples, b, rng);
    double h = it->cfg.h > 0 ? it->cfg.h : GRAD_H;
    return grad_eval(it->s, it->cfg.grad, h, perm, b, p->x, p->y, g);
}

double traj_step_gradient(const TrajIter *it, Vec2 *g)
{
    int perm[TRAJ_MAX_SAMPLES]; /* copies: the run itself is not advanced */
    uint64_t rng = it->rng;
    if (batch_size(it->s, &it->cfg))
        memcpy(perm, it->perm, sizeof perm[0] * (size_t)it->s->nsamples);
    return step_gradient(it, perm, &rng, g);
}

int traj_step_batch(const TrajIter *it, int *idx)
{
    int b = batch_size(it->s, &it->cfg);
    if (!b) return 0;
    uint64_t rng = it->rng;
    memcpy(idx, it->perm, sizeof idx[0] * (size_t)it->s->nsamples);
    draw_batch(idx, it->s->nsamples, b, &rng);
    return b;
}

int traj_next(TrajIter *it)
{
    TrajPoint *p = &it->cur;
    if (!finite_point(p)) return 0;
    Vec2 g;
    step_gradient(it, it->perm, &it->rng, &g);
    Vec2 next = optim_step(&it->cfg, &it->st, it->s, (Vec2){p->x, p->y}, p->loss, g, NULL);
    traj_sample(p, it->s, &it->cfg, next.x, next.y);
    it->step++;
    return 1;
}

int traj_run(Trajectory *t, const Surface *s, const OptimConfig *cfg, Vec2 start,
             int steps, Vec2 centre, int stop)
{
    TrajIter it;
    t->len = 0;
    t->status = TRAJ_RUNNING;
    if (t->cap < 1) return 0;
    if (steps > t->cap - 1) steps = t->cap - 1;
    traj_begin(&it, s, cfg, start);
    t->pts[t->len++] = it.cur;
    while (t->len <= steps) {
        if (stop == TRAJ_STOP_EARLY && traj_point_status(&it.cur, centre) != TRAJ_RUNNING)
            break;
        if (!traj_next(&it)) break;
        t->pts[t->len++] = it.cur;
    }
    t->status = traj_point_status(&t->pts[t->len - 1], centre);
    return t->len;
}

int traj_explain(const Surface *s, const OptimConfig *cfg, Vec2 start, int k,
                 OptimState *before, OptimDetail *d, TrajPoint *at)
{
    TrajIter *it = malloc(sizeof *it); /* large: its sample order */
    if (!it) return -1;
    int rc = -1;
    traj_begin(it, s, cfg, start);
    for (int i = 0; i < k; i++)
        if (!traj_next(it)) goto done;
    const TrajPoint p = it->cur;
    if (!finite_point(&p)) goto done;
    if (before) *before = it->st;
    if (at) *at = p;
    Vec2 g;
    traj_step_gradient(it, &g);
    optim_step(&it->cfg, &it->st, s, (Vec2){p.x, p.y}, p.loss, g, d);
    rc = 0;
done:
    free(it);
    return rc;
}

void traj_describe(const Trajectory *t, char *buf, int n)
{
    int steps = t->len > 0 ? t->len - 1 : 0;
    if (t->status == TRAJ_CONVERGED)
        snprintf(buf, n, "converged in %d steps", steps);
    else if (t->status == TRAJ_DIVERGED)
        snprintf(buf, n, "diverged at step %d", steps);
    else
        snprintf(buf, n, "still moving after %d steps", steps);
}
