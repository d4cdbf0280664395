/* Basins of attraction: the optimiser run from every start of a G x G grid over a
 * view, each start labelled by where its path ends — which known minimum, which
 * other point it converged to, or that it diverged or was still moving. Computed
 * by bands of rows so the window can refine in the background; `losscape basins`
 * computes every row at once. */
#ifndef LOSSCAPE_BASINS_H
#define LOSSCAPE_BASINS_H

#include <stdatomic.h>

#include "canvas.h"
#include "traj.h"

#define BASINS_MAX_GRID 2048 /* most starts a side (DESIGN section 3) */
#define BASINS_MAX_ENDS 64   /* distinct end points away from listed minima per job */
#define BASINS_TOL 1e-3      /* end points closer than this times the view's diagonal
                                are the same point */
#define BASINS_GRID 256      /* `basins` --grid default [1..2048] */
#define BASINS_STEPS 1000    /* `basins` --steps default [0..1e7] */
#define BASINS_NPALETTE 9    /* basin colours before they repeat */

/* How one start ended. */
typedef struct {
    double x, y;       /* its last point (not finite when it diverged that way) */
    double loss;       /* cost there */
    int steps;         /* steps taken */
    int minimum;       /* index into the surface's minima it converged to (within
                          max(tol, 1e-3) of it, the nearest), or -1 */
    int basin;         /* basin id: a listed minimum's index, then nmin + k for the
                          k-th distinct other end point; -1 unless converged (or
                          when the table of end points is full) */
    TrajStatus status; /* converged, diverged or running (steps exhausted) */
} BasinsCell;

/* One basins computation: what runs, over which grid, and the table of end points
 * found so far. Fill with basins_init; the caller owns `cells`. */
typedef struct {
    const Surface *s;       /* the surface (not owned) */
    OptimConfig cfg;        /* the optimiser, copied */
    View view;              /* starts are the centres of G x G cells over it */
    int grid;               /* G, 1..BASINS_MAX_GRID */
    int steps;              /* step budget of a run */
    Vec2 centre;            /* the view's centre: divergence is judged from it */
    double tol;             /* BASINS_TOL times the view's diagonal */
    BasinsCell *cells;      /* caller-owned, G * G, row-major, row 0 at the top */
    const atomic_int *stop; /* when not NULL and set, runs stop early (cells unfinished):
                               another thread cancels the job */
    int nends;              /* distinct end points that are not listed minima */
    Vec2 ends[BASINS_MAX_ENDS];
} BasinsJob;

/* Sets up job j for s, cfg (copied) and view v at grid x grid starts of `steps`
 * steps each, results in the caller's cells[grid * grid] (not touched here). The
 * table of end points starts empty. */
void basins_init(BasinsJob *j, const Surface *s, const OptimConfig *cfg, View v,
                 int grid, int steps, BasinsCell *cells);

/* Copies prev's table of end points into j (set up by basins_init for the same
 * surface, optimiser and view), so that basin ids, and so colours, stay the same
 * when a finer grid replaces a coarser one. */
void basins_inherit(BasinsJob *j, const BasinsJob *prev);

/* Returns the start of cell (col, row): the centre of that cell of the view, row 0
 * at the top (largest y), col 0 at the left. */
Vec2 basins_start(const BasinsJob *j, int col, int row);

/* Runs the starts of rows row0..row1-1 (clamped to the grid; OpenMP over rows)
 * and writes their cells; cells of other rows are not touched. Runs stop at
 * convergence, divergence or j->steps, exactly as traj_run with TRAJ_STOP_EARLY.
 * Bands may come in any order: listed minima and statuses do not depend on it,
 * and ids of other end points are given in the order bands are run. One call at
 * a time per job (it adds to j's table of end points). */
void basins_run_rows(BasinsJob *j, int row0, int row1);

/* Returns the cell whose rectangle of the view holds parameter point p (x0 <= x
 * < x1, y0 < y <= y1), or NULL outside the view: for a hover read-out. Only
 * cells of rows already run hold results. */
const BasinsCell *basins_cell_at(const BasinsJob *j, Vec2 p);

/* Returns the tint of a cell: palette colour basin % BASINS_NPALETTE (Paul Tol's
 * colour-blind-safe "muted" set) when converged with basin >= 0, a dark red-gray
 * when diverged, a light gray when still running, a mid gray for a converged
 * start without a basin id. Alpha 255. */
Color basins_color(int basin, TrajStatus status);

/* Paints rows row0..row1-1 of j's cells into area r of c, each cell a block of
 * the area (nearest neighbour: cell col covers pixels r.x + col*r.w/G up to the
 * next), blended with opacity alpha (255: opaque). */
void basins_draw(Canvas *c, Rect r, const BasinsJob *j, int row0, int row1,
                 unsigned char alpha);

#endif
