/* The basins overlay of the window: every start of a grid over the view tinted by
 * the minimum its path reaches under the current optimiser, computed by a worker
 * thread and refined coarse to fine (32, 64, 128, 256 a side), so the window never
 * stalls, however costly the surface. */
#ifndef LOSSCAPE_OVERLAY_H
#define LOSSCAPE_OVERLAY_H

#include <stdatomic.h>
#include <threads.h>

#include "core/basins.h"

#define OVERLAY_LEVELS 4 /* grids 32, 64, 128, 256 */

typedef struct {
    BasinsCell *cells[OVERLAY_LEVELS]; /* one buffer per level (owned) */
    BasinsJob job[OVERLAY_LEVELS];     /* the jobs of the current settings */
    atomic_int level;   /* the level being computed (OVERLAY_LEVELS: all done) */
    atomic_int rows;    /* its rows done: cells of rows below are final */
    atomic_int cancel;  /* set to make the worker stop after its current row */
    atomic_int busy;    /* nonzero while the worker runs */
    thrd_t worker;      /* valid while started */
    int started;        /* nonzero: worker must be joined */
    int valid;          /* nonzero: the jobs match the settings below */
    const Surface *s;   /* the settings the jobs are for */
    OptimConfig cfg;
    View view;
    int steps;
} Overlay;

/* Starts (or restarts) the computation when the surface, the optimiser or the view
 * differ from the ones the overlay has; a running worker is asked to stop first and
 * the new one starts on a later call (this never blocks). Returns 0, or -1 when
 * memory runs out. */
int overlay_update(Overlay *o, const Surface *s, const OptimConfig *cfg, View v, int steps);

/* Asks the worker to stop (without waiting) and forgets the settings. */
void overlay_stop(Overlay *o);

/* Stops the worker and waits for it (it stops between two starts, so this is
 * quick): needed before the surface it reads is freed (a typed expression). */
void overlay_halt(Overlay *o);

/* Returns nonzero while the worker has work left (the window keeps redrawing). */
int overlay_busy(const Overlay *o);

/* Draws the finest finished level, then the rows done of the level in progress,
 * over plot area r with the given alpha. */
void overlay_draw(Overlay *o, Canvas *c, Rect r, unsigned char alpha);

/* Stops the worker (waiting for its current row) and frees the buffers. */
void overlay_free(Overlay *o);

#endif
