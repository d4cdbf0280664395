/* Trajectories: runs an optimiser from a start point and stores every point with
 * its cost and full gradient, so drawing, status and CSV output read the same
 * numbers. The window runs with TRAJ_STOP_EARLY; `trace` stops only at a
 * non-finite point, as DESIGN section 3 says. */
#include "traj.h"

#include <math.h>
#include <stdio.h>

static const char *status_names[] = {"running", "converged", "diverged"};

const char *traj_status_name(TrajStatus s) { return status_names[s]; }

TrajStatus traj_point_status(const TrajPoint *p, Vec2 centre)
{
    if (!isfinite(p->x) || !isfinite(p->y) || !isfinite(p->loss)) return TRAJ_DIVERGED;
    if (hypot(p->x - centre.x, p->y - centre.y) > TRAJ_FAR) return TRAJ_DIVERGED;
    if (hypot(p->gx, p->gy) < TRAJ_GRAD_TOL) return TRAJ_CONVERGED;
    return TRAJ_RUNNING;
}

/* Evaluates s at (x, y) into point p. */
static void sample(TrajPoint *p, const Surface *s, double x, double y)
{
    Vec2 g = {NAN, NAN};
    p->x = x;
    p->y = y;
    p->loss = surface_eval(s, x, y, &g);
    p->gx = g.x;
    p->gy = g.y;
}

static int finite_point(const TrajPoint *p)
{
    return isfinite(p->x) && isfinite(p->y) && isfinite(p->loss);
}

void traj_begin(TrajIter *it, const Surface *s, const OptimConfig *cfg, Vec2 start)
{
    *it = (TrajIter){.s = s, .cfg = *cfg};
    sample(&it->cur, s, start.x, start.y);
}

int traj_next(TrajIter *it)
{
    TrajPoint *p = &it->cur;
    if (!finite_point(p)) return 0;
    Vec2 next = optim_step(&it->cfg, &it->st, it->s, (Vec2){p->x, p->y}, p->loss,
                           (Vec2){p->gx, p->gy}, NULL);
    sample(p, it->s, next.x, next.y);
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
    TrajIter it;
    traj_begin(&it, s, cfg, start);
    for (int i = 0; i < k; i++)
        if (!traj_next(&it)) return -1;
    const TrajPoint p = it.cur;
    if (!finite_point(&p)) return -1;
    if (before) *before = it.st;
    if (at) *at = p;
    optim_step(&it.cfg, &it.st, s, (Vec2){p.x, p.y}, p.loss, (Vec2){p.gx, p.gy}, d);
    return 0;
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
