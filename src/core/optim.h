/* Optimisers: one update rule per row of a table, with PyTorch's conventions
 * (DESIGN section 5). The caller owns the per-path state. */
#ifndef LOSSCAPE_OPTIM_H
#define LOSSCAPE_OPTIM_H

#include "geom.h"
#include "surface.h"

typedef enum {
    OPTIM_GD,
    OPTIM_COUNT
} OptimKind;

/* Hyper-parameters; zero means "the default" for every field but kind. */
typedef struct {
    OptimKind kind;
    double lr; /* learning rate eta, > 0 */
} OptimConfig;

/* Per-path optimiser state; zero-initialise before the first step. */
typedef struct {
    Vec2 v, s, m; /* velocity, squared-gradient average, first moment */
    long t;       /* steps taken so far */
} OptimState;

/* Returns the name of optimiser k ("gd"), or "?" out of range. */
const char *optim_name(OptimKind k);

/* Returns the OptimKind named `name`, or -1. */
int optim_find(const char *name);

/* Returns cfg with every zero field replaced by its default. */
OptimConfig optim_defaults(OptimConfig cfg);

/* Returns the point after one step from theta, where g is the gradient of s at
 * theta; updates st. cfg must have been through optim_defaults. */
Vec2 optim_step(const OptimConfig *cfg, OptimState *st, const Surface *s, Vec2 theta,
                Vec2 g);

#endif
