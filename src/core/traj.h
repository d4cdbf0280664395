/* Trajectories: an optimiser run from a start point, precomputed in full so the
 * animation is only a cursor into it. The caller owns the point buffer. */
#ifndef LOSSCAPE_TRAJ_H
#define LOSSCAPE_TRAJ_H

#include <stdint.h>

#include "geom.h"
#include "optim.h"
#include "surface.h"

typedef enum { TRAJ_RUNNING, TRAJ_CONVERGED, TRAJ_DIVERGED } TrajStatus;

#define TRAJ_GRAD_TOL 1e-6     /* converged: gradient norm below this */
#define TRAJ_FAR 1e6           /* diverged: farther than this from the view centre */

typedef struct {
    double x, y;   /* parameters */
    double loss;   /* cost at (x, y) */
    double gx, gy; /* full gradient at (x, y), by the run's gradient mode */
} TrajPoint;

typedef struct {
    TrajPoint *pts;    /* caller-owned buffer of `cap` points */
    int cap;           /* capacity: at most cap - 1 steps are stored */
    int len;           /* points in use; pts[0] is the start */
    TrajStatus status; /* status of the last point */
} Trajectory;

enum {
    TRAJ_STOP_FINITE = 0, /* stop only at the first non-finite point (trace) */
    TRAJ_STOP_EARLY = 1   /* also stop at convergence or divergence (window) */
};

#define TRAJ_MAX_SAMPLES 1024 /* most samples a mini-batch is drawn from */

/* A run in progress, for callers that stream points instead of storing them. */
typedef struct {
    const Surface *s;
    OptimConfig cfg;
    OptimState st;
    TrajPoint cur;               /* the current point */
    long step;                   /* its step number, 0 for the start */
    uint64_t rng;                /* the mini-batches' generator state (core/rng.h) */
    int perm[TRAJ_MAX_SAMPLES];  /* sample order; a batch is its first cfg.batch */
} TrajIter;

/* Starts a run at `start`: it->cur becomes step 0. cfg is copied. */
void traj_begin(TrajIter *it, const Surface *s, const OptimConfig *cfg, Vec2 start);

/* Takes one step from it->cur, with the gradient of a fresh mini-batch when
 * cfg.batch is between 1 and the surface's samples. Returns 1, or 0 without
 * stepping when the current point is not finite (a run stops there). */
int traj_next(TrajIter *it);

/* Stores in g the gradient the next step of it will use (its mini-batch drawn
 * from a copy of the generator, so the run is not disturbed); returns its cost. */
double traj_step_gradient(const TrajIter *it, Vec2 *g);

/* Stores in idx the samples of the mini-batch the next step of it will use and
 * returns their number (0: the step uses the full gradient). */
int traj_step_batch(const TrajIter *it, int *idx);

/* Replays the run from `start` up to point k and explains the step from point k to
 * k + 1: stores the optimiser's state before it in *before (may be NULL), what the
 * step did in *d, and point k in *at. Returns 0, or -1 when the run stops before
 * point k + 1 (not finite). */
int traj_explain(const Surface *s, const OptimConfig *cfg, Vec2 start, int k,
                 OptimState *before, OptimDetail *d, TrajPoint *at);

/* Describes how run t ended, for the label at its end: "converged in 812 steps",
 * "diverged at step 37" or "still moving after 5000 steps". */
void traj_describe(const Trajectory *t, char *buf, int n);

/* Runs `steps` optimiser steps (at most t->cap - 1) from `start` on s with cfg,
 * filling t->pts from index 0. `centre` is the view centre used by the
 * divergence test. The run stops after the first non-finite point (which is
 * stored); with TRAJ_STOP_EARLY also after a converged or diverged point.
 * Returns t->len. */
int traj_run(Trajectory *t, const Surface *s, const OptimConfig *cfg, Vec2 start,
             int steps, Vec2 centre, int stop);

/* Returns the status of point p (DESIGN section 3): converged, diverged or running. */
TrajStatus traj_point_status(const TrajPoint *p, Vec2 centre);

/* Evaluates the full cost and gradient (by cfg's gradient mode) at (x, y) into p. */
void traj_sample(TrajPoint *p, const Surface *s, const OptimConfig *cfg, double x, double y);

/* Returns "converged", "diverged" or "running". */
const char *traj_status_name(TrajStatus s);

#endif
