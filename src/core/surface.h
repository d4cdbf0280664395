/* The surface catalogue: every built-in cost function of two parameters with its
 * analytic gradient, default view, axis names, formula and known minima. Adding a
 * surface is one table row in surface.c plus its function. */
#ifndef LOSSCAPE_SURFACE_H
#define LOSSCAPE_SURFACE_H

#include "geom.h"
#include "view.h"

#define SURFACE_MAX_MINIMA 4

typedef struct {
    double x, y, f; /* a known minimum and its value */
} SurfaceMin;

/* Returns f(x, y); when g is not NULL also stores the gradient there. `ctx` is the
 * surface's own data (NULL for the built-in functions). */
typedef double (*SurfaceFn)(const void *ctx, double x, double y, Vec2 *g);

/* Fills out[0..n-1] with f(x0 + i*dx, y), equal to fn's value there: a whole row
 * of the grid at once, cheaper in bulk (no gradient, no call a point; typed
 * expressions share their parsing, data surfaces their per-sample work). */
typedef void (*SurfaceRowFn)(const void *ctx, double y, double x0, double dx, int n,
                             double *out);

/* Data surfaces: returns the mean cost over the samples idx[0..b-1] (a mini-batch;
 * idx NULL means all of them) and, when g is not NULL, its gradient, computed by
 * back-propagation. */
typedef double (*SurfaceBatchFn)(const void *ctx, double x, double y, const int *idx,
                                 int b, Vec2 *g);

typedef struct {
    const char *name;     /* "rosenbrock": the --surface name */
    const char *kind;     /* "function" or "data" */
    const char *formula;  /* shown as the canvas title, UTF-8 */
    View view;            /* default view */
    const char *xlabel;   /* parameter names, UTF-8 ("x", "w", "α") */
    const char *ylabel;
    int log_default;      /* nonzero: colour scale is logarithmic by default */
    int nmin;             /* number of known minima */
    SurfaceMin minima[SURFACE_MAX_MINIMA];
    SurfaceFn fn;         /* value and analytic gradient */
    const void *ctx;      /* passed to fn, row and batch */
    SurfaceRowFn row;     /* NULL: field sampling calls fn per point */
    int nsamples;         /* data surfaces: n, the number of samples; 0 otherwise */
    SurfaceBatchFn batch; /* data surfaces: mini-batch cost and gradient, else NULL */
} Surface;

/* Returns the number of surfaces in the catalogue. */
int surface_count(void);

/* Returns surface i (0 <= i < surface_count()), static and read-only. */
const Surface *surface_at(int i);

/* Returns the surface named `name`, or NULL. */
const Surface *surface_find(const char *name);

/* Returns the index of s in the catalogue, or -1. */
int surface_index(const Surface *s);

/* Returns f at (x, y) and, when g is not NULL, the analytic gradient there. */
double surface_eval(const Surface *s, double x, double y, Vec2 *g);

#endif
