/* Optimisers: one update rule per row of a table, with PyTorch's conventions
 * (DESIGN section 5), and learning-rate schedules. The caller owns the per-path
 * state; optim_step can also report what a step did, for the step-by-step view. */
#ifndef LOSSCAPE_OPTIM_H
#define LOSSCAPE_OPTIM_H

#include "geom.h"
#include "grad.h"
#include "surface.h"

typedef enum {
    OPTIM_GD,
    OPTIM_MOMENTUM,
    OPTIM_NESTEROV,
    OPTIM_ADAGRAD,
    OPTIM_RMSPROP,
    OPTIM_ADAM,
    OPTIM_HOTCOLD,
    OPTIM_COUNT
} OptimKind;

typedef enum { SCHED_CONSTANT, SCHED_STEP, SCHED_EXP, SCHED_COSINE, SCHED_COUNT } SchedKind;

/* Which hyper-parameters an optimiser reads (bit flags of optim_params). */
enum { OPTIM_P_MOMENTUM = 1, OPTIM_P_ALPHA = 2, OPTIM_P_BETAS = 4, OPTIM_P_EPS = 8 };

/* Hyper-parameters shared by every optimiser; each reads the ones it needs. */
typedef struct {
    OptimKind kind;
    double lr;          /* eta > 0 */
    double momentum;    /* mu in [0, 1): momentum, nesterov */
    double alpha;       /* in [0, 1): rmsprop's smoothing */
    double beta1;       /* in [0, 1): adam's first moment */
    double beta2;       /* in [0, 1): adam's second moment */
    double eps;         /* > 0; 0 means the optimiser's own default (1e-10 or 1e-8) */
    SchedKind schedule; /* learning rate over the steps */
    double decay;       /* D of step and exp in (0, 1]; 0 means 0.5 (step), 0.99 (exp) */
    long horizon;       /* T of cosine: the run's length in steps (0: constant) */
    GradMode grad;      /* how the path's gradient is computed (analytic) */
    double h;           /* finite-difference step of numeric gradients (0: GRAD_H) */
    int batch;          /* data surfaces: mini-batch size, 0 = all samples */
    unsigned long seed; /* the mini-batches' generator */
} OptimConfig;

/* Per-path state; zero-initialise before the first step. */
typedef struct {
    Vec2 v;   /* momentum's velocity, adam's second moment */
    Vec2 s;   /* adagrad's sum and rmsprop's average of squared gradients */
    Vec2 m;   /* adam's first moment */
    long t;   /* steps taken so far */
    long nf;  /* function evaluations the optimiser asked for (hot-and-cold probes) */
    long ng;  /* gradient evaluations it used */
} OptimState;

/* What one step did, for the step-by-step view (all per coordinate). */
typedef struct {
    double lr;          /* eta at this step, after the schedule */
    Vec2 g;             /* the gradient the step used */
    Vec2 v, m, s;       /* state after the step */
    Vec2 mhat, vhat;    /* adam's bias-corrected moments */
    Vec2 lr_eff;        /* effective learning rate: step = -lr_eff * g (adaptive ones) */
    Vec2 step;          /* theta' - theta */
    Vec2 probe[4];      /* hot-and-cold: theta +- eta along x, then y */
    double probe_f[4];  /* their costs */
    int chosen;         /* the probe moved to, or -1 when it stayed */
} OptimDetail;

/* Returns the name of optimiser k ("gd"), or "?" out of range. */
const char *optim_name(OptimKind k);

/* Returns the OptimKind named `name`, or -1. */
int optim_find(const char *name);

/* Returns OPTIM_P_* flags of the hyper-parameters optimiser k reads (lr aside). */
unsigned optim_params(OptimKind k);

/* Returns DESIGN's defaults for optimiser k: lr 0.01, mu 0.9, alpha 0.99, betas
 * 0.9 and 0.999, eps 0 (the optimiser's own), constant schedule. */
OptimConfig optim_config(OptimKind k);

/* Returns cfg with lr 0 replaced by the default 0.01 (kept for callers that build a
 * config from a kind and a learning rate). */
OptimConfig optim_defaults(OptimConfig cfg);

/* Returns the epsilon cfg's optimiser uses. */
double optim_eps(const OptimConfig *cfg);

/* Returns the name of schedule k ("constant", "step", "exp", "cosine"). */
const char *optim_schedule_name(SchedKind k);

/* Returns the SchedKind named `name`, or -1. */
int optim_schedule_find(const char *name);

/* Returns the learning rate of the step taken after t steps (t = 0 first):
 * constant eta; step eta*D^floor(t/100); exp eta*D^t; cosine eta(1+cos(pi t/T))/2
 * for t < T and 0 after. */
double optim_lr_at(const OptimConfig *cfg, long t);

/* Stores in *nf and *ng the function and gradient evaluations cfg's optimiser asks
 * for in `steps` steps: hot-and-cold four probes a step and no gradient; the others
 * one gradient a step, by cfg->grad (numeric ones cost evaluations of the cost). */
void optim_cost(const OptimConfig *cfg, long steps, long *nf, long *ng);

/* Returns the point after one step from theta, where f and g are the cost and the
 * gradient there (the mini-batch gradient with --batch); updates st. Fills d when
 * not NULL. Hot-and-cold evaluates s at its four probes. */
Vec2 optim_step(const OptimConfig *cfg, OptimState *st, const Surface *s, Vec2 theta,
                double f, Vec2 g, OptimDetail *d);

#endif
