/* The learning-rate sweep: the same start run at K learning rates spaced evenly in
 * log, each to convergence, divergence or the step budget, so "too small, right,
 * too large" shows at a glance. Used by `losscape sweep` and the window's chart. */
#ifndef LOSSCAPE_SWEEP_H
#define LOSSCAPE_SWEEP_H

#include "traj.h"

typedef struct {
    double lr;         /* the learning rate of this run */
    double loss;       /* cost at its last point */
    TrajStatus status; /* converged, diverged or running (steps exhausted) */
    int steps;         /* steps taken */
} SweepPoint;

/* Runs `count` (>= 2) learning rates from lr_min to lr_max (log-spaced) with the
 * rest of cfg, from `start` on s, each for at most `steps` steps in the caller's
 * scratch buffer of steps + 1 points, divergence judged from `centre`. Fills
 * out[0..count-1] (OpenMP over the rates when scratch holds count runs: pass
 * nscratch = count, else 1). */
void sweep_run(const Surface *s, const OptimConfig *cfg, Vec2 start, Vec2 centre,
               double lr_min, double lr_max, int count, int steps, TrajPoint *scratch,
               int nscratch, SweepPoint *out);

#endif
