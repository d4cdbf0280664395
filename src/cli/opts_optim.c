/* The optimiser's command-line options: --optimizer (one, or several to race), the
 * learning rate and the hyper-parameters, the schedule, the gradient, mini-batches
 * and their seed; and the configuration each optimiser of a race runs with. */
#include "opts_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --optimizer NAME[,NAME...]: one optimiser, or several to race. */
int opts_optim_optimizer(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char buf[256];
    if (strlen(v) >= sizeof buf) {
        snprintf(err, n, "expected NAME[,NAME...], got a value that long");
        return -1;
    }
    strcpy(buf, v);
    o->noptim = 0;
    for (char *name = buf, *next; name; name = next) {
        next = strchr(name, ',');
        if (next) *next++ = 0;
        int k = optim_find(name);
        if (k < 0) {
            int len = snprintf(err, n, "unknown optimizer '%s'; one of", name);
            for (int i = 0; i < OPTIM_COUNT && len < n; i++)
                len += snprintf(err + len, n - len, " %s", optim_name(i));
            return -1;
        }
        if (o->noptim == OPTS_MAX_OPTIM) {
            snprintf(err, n, "at most %d optimizers in one race", OPTS_MAX_OPTIM);
            return -1;
        }
        o->optims[o->noptim++] = k;
    }
    o->optim.kind = o->optims[0];
    return 0;
}

int opts_optim_lr(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (opts_value_number(v, &o->optim.lr) != 0 || !(o->optim.lr > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    return 0;
}

/* --momentum, --alpha, --beta1, --beta2: a number in [0, 1). */
int opts_optim_fraction(Options *o, void *field, const char *v, char *err, int n)
{
    (void)o;
    double d;
    if (opts_value_number(v, &d) != 0 || d < 0 || d >= 1) {
        snprintf(err, n, "expected a number in [0, 1), got '%s'", v);
        return -1;
    }
    *(double *)field = d;
    return 0;
}

int opts_optim_eps(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (opts_value_number(v, &o->optim.eps) != 0 || !(o->optim.eps > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    return 0;
}

int opts_optim_decay(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (opts_value_number(v, &o->optim.decay) != 0 || !(o->optim.decay > 0) ||
        o->optim.decay > 1) {
        snprintf(err, n, "expected a number in (0, 1], got '%s'", v);
        return -1;
    }
    return 0;
}

int opts_optim_schedule(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int k = optim_schedule_find(v);
    if (k < 0) {
        snprintf(err, n, "expected constant, step, exp or cosine, got '%s'", v);
        return -1;
    }
    o->optim.schedule = k;
    return 0;
}

int opts_optim_grad(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int m = grad_find(v);
    if (m < 0) {
        snprintf(err, n, "expected analytic, forward or central, got '%s'", v);
        return -1;
    }
    o->optim.grad = m;
    return 0;
}

int opts_optim_h(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (opts_value_number(v, &o->optim.h) != 0 || !(o->optim.h > 0) || o->optim.h > 1) {
        snprintf(err, n, "expected a step in (0, 1], got '%s'", v);
        return -1;
    }
    return 0;
}

/* --batch B: checked against the surface's samples once every option is read. */
int opts_optim_batch(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 1 || k > 1000000) {
        snprintf(err, n, "expected a whole number of samples >= 1, got '%s'", v);
        return -1;
    }
    o->optim.batch = (int)k;
    return 0;
}

int opts_optim_seed(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    unsigned long long k = strtoull(v, &end, 10);
    if (end == v || *end || errno || v[0] == '-') {
        snprintf(err, n, "expected a whole number >= 0, got '%s'", v);
        return -1;
    }
    o->optim.seed = (unsigned long)k;
    return 0;
}

OptimConfig opts_optim(const Options *o, int i)
{
    OptimConfig cfg = o->optim;
    cfg.kind = o->optims[i];
    cfg.horizon = o->steps;
    return cfg;
}
