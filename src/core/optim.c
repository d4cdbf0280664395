/* Optimisers: each row of the table names an update rule (DESIGN section 5, the
 * conventions of PyTorch's torch.optim) and its defaults. traj.c calls
 * optim_step once per step; the caller owns the per-path OptimState. */
#include "optim.h"

#include <string.h>

typedef Vec2 (*StepFn)(const OptimConfig *cfg, OptimState *st, Vec2 th, Vec2 g);

/* gd: theta <- theta - eta g */
static Vec2 step_gd(const OptimConfig *cfg, OptimState *st, Vec2 th, Vec2 g)
{
    (void)st;
    return (Vec2){th.x - cfg->lr * g.x, th.y - cfg->lr * g.y};
}

static const struct {
    const char *name;
    StepFn step;
    double lr; /* default learning rate */
} optims[OPTIM_COUNT] = {
    [OPTIM_GD] = {"gd", step_gd, 0.01},
};

const char *optim_name(OptimKind k)
{
    return (int)k >= 0 && k < OPTIM_COUNT ? optims[k].name : "?";
}

int optim_find(const char *name)
{
    for (int k = 0; name && k < OPTIM_COUNT; k++)
        if (strcmp(optims[k].name, name) == 0) return k;
    return -1;
}

OptimConfig optim_defaults(OptimConfig cfg)
{
    if (cfg.lr == 0) cfg.lr = optims[cfg.kind].lr;
    return cfg;
}

Vec2 optim_step(const OptimConfig *cfg, OptimState *st, const Surface *s, Vec2 theta,
                Vec2 g)
{
    (void)s; /* hot-and-cold will probe s itself */
    st->t++;
    return optims[cfg->kind].step(cfg, st, theta, g);
}
