/* The basins overlay: jobs of basins.c at four grid sizes, run row by row by a
 * worker thread. The worker publishes how many rows are final; the frame reads
 * only those. A finer level inherits the coarser one's end points, so basin
 * colours do not change as the picture sharpens. */
#include "overlay.h"

#include <stdlib.h>
#include <string.h>

static const int grids[OVERLAY_LEVELS] = {32, 64, 128, 256};

static int same_view(View a, View b)
{
    return a.x0 == b.x0 && a.x1 == b.x1 && a.y0 == b.y0 && a.y1 == b.y1;
}

/* The worker: every level, row by row, until done or cancelled. */
static int work(void *arg)
{
    Overlay *o = arg;
    for (int k = 0; k < OVERLAY_LEVELS && !atomic_load(&o->cancel); k++) {
        BasinsJob *j = &o->job[k];
        if (k > 0) basins_inherit(j, &o->job[k - 1]);
        for (int r = 0; r < j->grid && !atomic_load(&o->cancel); r++) {
            basins_run_rows(j, r, r + 1);
            atomic_store(&o->rows, r + 1);
        }
        if (atomic_load(&o->cancel)) break;
        atomic_store(&o->rows, 0);
        atomic_store(&o->level, k + 1);
    }
    atomic_store(&o->busy, 0);
    return 0;
}

/* Joins a finished worker; returns 1 when none runs any more. */
static int idle(Overlay *o)
{
    if (!o->started) return 1;
    if (atomic_load(&o->busy)) return 0;
    thrd_join(o->worker, NULL);
    o->started = 0;
    return 1;
}

int overlay_update(Overlay *o, const Surface *s, const OptimConfig *cfg, View v, int steps)
{
    int same = o->valid && o->s == s && same_view(o->view, v) && o->steps == steps &&
               memcmp(&o->cfg, cfg, sizeof *cfg) == 0;
    if (same) return 0;
    o->valid = 0;
    atomic_store(&o->cancel, 1);
    if (!idle(o)) return 0; /* try again on a later frame */
    for (int k = 0; k < OVERLAY_LEVELS; k++) {
        if (!o->cells[k]) o->cells[k] = malloc(sizeof *o->cells[k] * grids[k] * grids[k]);
        if (!o->cells[k]) return -1;
        basins_init(&o->job[k], s, cfg, v, grids[k], steps, o->cells[k]);
        o->job[k].stop = &o->cancel; /* so a quit or a change need not wait a row */
    }
    o->s = s;
    o->cfg = *cfg;
    o->view = v;
    o->steps = steps;
    atomic_store(&o->level, 0);
    atomic_store(&o->rows, 0);
    atomic_store(&o->cancel, 0);
    atomic_store(&o->busy, 1);
    if (thrd_create(&o->worker, work, o) != thrd_success) {
        atomic_store(&o->busy, 0);
        return -1;
    }
    o->started = 1;
    o->valid = 1;
    return 0;
}

void overlay_stop(Overlay *o)
{
    atomic_store(&o->cancel, 1);
    o->valid = 0;
}

void overlay_halt(Overlay *o)
{
    overlay_stop(o);
    if (o->started) thrd_join(o->worker, NULL);
    o->started = 0;
}

int overlay_busy(const Overlay *o)
{
    return !o->valid || atomic_load(&o->level) < OVERLAY_LEVELS;
}

void overlay_draw(Overlay *o, Canvas *c, Rect r, unsigned char alpha)
{
    if (!o->valid) return;
    int level = atomic_load(&o->level), rows = atomic_load(&o->rows);
    if (level > 0) basins_draw(c, r, &o->job[level - 1], 0, o->job[level - 1].grid, alpha);
    if (level < OVERLAY_LEVELS && rows > 0) basins_draw(c, r, &o->job[level], 0, rows, alpha);
}

void overlay_free(Overlay *o)
{
    atomic_store(&o->cancel, 1);
    if (o->started) thrd_join(o->worker, NULL);
    for (int k = 0; k < OVERLAY_LEVELS; k++) free(o->cells[k]);
    memset(o, 0, sizeof *o);
}
