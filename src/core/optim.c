/* Optimisers: each row of the table names an update rule of DESIGN section 5 (the
 * conventions of PyTorch's torch.optim, so anyone can check the numbers) and the
 * hyper-parameters it reads. Rules work per coordinate on Vec2 and fill an
 * OptimDetail so the window can write the step out with its numbers. */
#include "optim.h"

#include <math.h>
#include <string.h>

typedef void (*StepFn)(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                       double f, OptimDetail *d);

/* gd: theta <- theta - eta g */
static void gd(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th, double f,
               OptimDetail *d)
{
    (void)c, (void)st, (void)s, (void)th, (void)f;
    d->lr_eff = (Vec2){d->lr, d->lr};
    d->step = (Vec2){-d->lr * d->g.x, -d->lr * d->g.y};
}

/* momentum: v <- mu v + g; theta <- theta - eta v */
static void momentum(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                     double f, OptimDetail *d)
{
    (void)s, (void)th, (void)f;
    st->v = (Vec2){c->momentum * st->v.x + d->g.x, c->momentum * st->v.y + d->g.y};
    d->lr_eff = (Vec2){d->lr, d->lr};
    d->step = (Vec2){-d->lr * st->v.x, -d->lr * st->v.y};
}

/* nesterov: v <- mu v + g; theta <- theta - eta (g + mu v) */
static void nesterov(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                     double f, OptimDetail *d)
{
    (void)s, (void)th, (void)f;
    double mu = c->momentum;
    st->v = (Vec2){mu * st->v.x + d->g.x, mu * st->v.y + d->g.y};
    d->lr_eff = (Vec2){d->lr, d->lr};
    d->step = (Vec2){-d->lr * (d->g.x + mu * st->v.x), -d->lr * (d->g.y + mu * st->v.y)};
}

/* Shared by adagrad and rmsprop: theta <- theta - eta g / (sqrt(s) + eps). */
static void scaled_step(const OptimConfig *c, const OptimState *st, OptimDetail *d)
{
    double e = optim_eps(c);
    d->lr_eff = (Vec2){d->lr / (sqrt(st->s.x) + e), d->lr / (sqrt(st->s.y) + e)};
    d->step = (Vec2){-d->lr_eff.x * d->g.x, -d->lr_eff.y * d->g.y};
}

/* adagrad: s <- s + g^2 */
static void adagrad(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                    double f, OptimDetail *d)
{
    (void)s, (void)th, (void)f;
    st->s = (Vec2){st->s.x + d->g.x * d->g.x, st->s.y + d->g.y * d->g.y};
    scaled_step(c, st, d);
}

/* rmsprop: s <- alpha s + (1 - alpha) g^2 */
static void rmsprop(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                    double f, OptimDetail *d)
{
    (void)s, (void)th, (void)f;
    double a = c->alpha;
    st->s = (Vec2){a * st->s.x + (1 - a) * d->g.x * d->g.x,
                   a * st->s.y + (1 - a) * d->g.y * d->g.y};
    scaled_step(c, st, d);
}

/* adam: m <- b1 m + (1-b1) g; v <- b2 v + (1-b2) g^2; bias-corrected step */
static void adam(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                 double f, OptimDetail *d)
{
    (void)s, (void)th, (void)f;
    double b1 = c->beta1, b2 = c->beta2, e = optim_eps(c);
    Vec2 g = d->g;
    st->m = (Vec2){b1 * st->m.x + (1 - b1) * g.x, b1 * st->m.y + (1 - b1) * g.y};
    st->v = (Vec2){b2 * st->v.x + (1 - b2) * g.x * g.x, b2 * st->v.y + (1 - b2) * g.y * g.y};
    double c1 = 1 - pow(b1, (double)st->t), c2 = 1 - pow(b2, (double)st->t);
    d->mhat = (Vec2){st->m.x / c1, st->m.y / c1};
    d->vhat = (Vec2){st->v.x / c2, st->v.y / c2};
    d->step = (Vec2){-d->lr * d->mhat.x / (sqrt(d->vhat.x) + e),
                     -d->lr * d->mhat.y / (sqrt(d->vhat.y) + e)};
    /* the rate the raw gradient effectively sees, for the read-out */
    d->lr_eff = (Vec2){g.x != 0 ? -d->step.x / g.x : 0, g.y != 0 ? -d->step.y / g.y : 0};
}

/* hot-and-cold: probe theta +- eta along each axis, move to the best probe if it
 * is lower than f, else stay */
static void hotcold(const OptimConfig *c, OptimState *st, const Surface *s, Vec2 th,
                    double f, OptimDetail *d)
{
    (void)c;
    static const Vec2 dir[4] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    double best = f;
    d->chosen = -1;
    for (int i = 0; i < 4; i++) {
        d->probe[i] = (Vec2){th.x + d->lr * dir[i].x, th.y + d->lr * dir[i].y};
        d->probe_f[i] = surface_eval(s, d->probe[i].x, d->probe[i].y, NULL);
        if (d->probe_f[i] < best) best = d->probe_f[i], d->chosen = i;
    }
    st->nf += 4;
    d->step = d->chosen >= 0 ? (Vec2){d->probe[d->chosen].x - th.x,
                                      d->probe[d->chosen].y - th.y}
                             : (Vec2){0, 0};
}

static const struct {
    const char *name;
    StepFn step;
    unsigned params; /* OPTIM_P_* */
    double eps;      /* its default epsilon */
    int grad;        /* 1: a step uses one gradient evaluation */
} optims[OPTIM_COUNT] = {
    [OPTIM_GD] = {"gd", gd, 0, 0, 1},
    [OPTIM_MOMENTUM] = {"momentum", momentum, OPTIM_P_MOMENTUM, 0, 1},
    [OPTIM_NESTEROV] = {"nesterov", nesterov, OPTIM_P_MOMENTUM, 0, 1},
    [OPTIM_ADAGRAD] = {"adagrad", adagrad, OPTIM_P_EPS, 1e-10, 1},
    [OPTIM_RMSPROP] = {"rmsprop", rmsprop, OPTIM_P_ALPHA | OPTIM_P_EPS, 1e-8, 1},
    [OPTIM_ADAM] = {"adam", adam, OPTIM_P_BETAS | OPTIM_P_EPS, 1e-8, 1},
    [OPTIM_HOTCOLD] = {"hotcold", hotcold, 0, 0, 0},
};

static const struct {
    const char *name;
    double decay; /* default D */
} schedules[SCHED_COUNT] = {
    [SCHED_CONSTANT] = {"constant", 1},
    [SCHED_STEP] = {"step", 0.5},
    [SCHED_EXP] = {"exp", 0.99},
    [SCHED_COSINE] = {"cosine", 1},
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

unsigned optim_params(OptimKind k) { return optims[k].params; }

OptimConfig optim_config(OptimKind k)
{
    return (OptimConfig){.kind = k, .lr = 0.01, .momentum = 0.9, .alpha = 0.99,
                         .beta1 = 0.9, .beta2 = 0.999};
}

OptimConfig optim_defaults(OptimConfig cfg)
{
    if (cfg.lr == 0) cfg.lr = 0.01;
    return cfg;
}

double optim_eps(const OptimConfig *cfg) { return cfg->eps > 0 ? cfg->eps : optims[cfg->kind].eps; }

const char *optim_schedule_name(SchedKind k)
{
    return (int)k >= 0 && k < SCHED_COUNT ? schedules[k].name : "?";
}

int optim_schedule_find(const char *name)
{
    for (int k = 0; name && k < SCHED_COUNT; k++)
        if (strcmp(schedules[k].name, name) == 0) return k;
    return -1;
}

double optim_lr_at(const OptimConfig *cfg, long t)
{
    double d = cfg->decay > 0 ? cfg->decay : schedules[cfg->schedule].decay;
    switch (cfg->schedule) {
    case SCHED_STEP: return cfg->lr * pow(d, (double)(t / 100));
    case SCHED_EXP: return cfg->lr * pow(d, (double)t);
    case SCHED_COSINE:
        if (cfg->horizon <= 0) return cfg->lr;
        if (t >= cfg->horizon) return 0;
        return cfg->lr * (1 + cos(3.14159265358979323846 * t / cfg->horizon)) / 2;
    default: return cfg->lr;
    }
}

void optim_cost(const OptimConfig *cfg, long steps, long *nf, long *ng)
{
    long f1, g1;
    grad_cost(cfg->grad, &f1, &g1);
    int uses = optims[cfg->kind].grad;
    *ng = uses ? g1 * steps : 0;
    *nf = (uses ? f1 * steps : 0) + (cfg->kind == OPTIM_HOTCOLD ? 4 * steps : 0);
}

Vec2 optim_step(const OptimConfig *cfg, OptimState *st, const Surface *s, Vec2 theta,
                double f, Vec2 g, OptimDetail *d)
{
    OptimDetail local; /* the rules read only lr and g, set below: no need to clear it */
    if (d)
        memset(d, 0, sizeof *d);
    else
        d = &local;
    d->lr = optim_lr_at(cfg, st->t);
    d->g = g;
    st->t++;
    st->ng += optims[cfg->kind].grad;
    optims[cfg->kind].step(cfg, st, s, theta, f, d);
    d->v = st->v;
    d->m = st->m;
    d->s = st->s;
    return (Vec2){theta.x + d->step.x, theta.y + d->step.y};
}
