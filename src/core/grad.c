/* Analytic and numeric gradients of a surface, over all samples or a mini-batch.
 * A numeric gradient costs evaluations of the cost only: forward differences two
 * more than the value per point here (one per coordinate), central four. */
#include "grad.h"

#include <math.h>
#include <string.h>

static const char *names[GRAD_COUNT] = {"analytic", "forward", "central"};

const char *grad_name(GradMode m) { return m >= 0 && m < GRAD_COUNT ? names[m] : "?"; }

int grad_find(const char *name)
{
    for (int m = 0; name && m < GRAD_COUNT; m++)
        if (strcmp(names[m], name) == 0) return m;
    return -1;
}

/* The cost over the batch (idx NULL: the whole cost); gradient too when g != NULL. */
static double cost(const Surface *s, const int *idx, int b, double x, double y, Vec2 *g)
{
    if (idx && s->batch) return s->batch(s->ctx, x, y, idx, b, g);
    return s->fn(s->ctx, x, y, g);
}

double grad_eval(const Surface *s, GradMode m, double h, const int *idx, int b, double x,
                 double y, Vec2 *g)
{
    if (m == GRAD_ANALYTIC) return cost(s, idx, b, x, y, g);
    double f = cost(s, idx, b, x, y, NULL);
    if (m == GRAD_FORWARD) {
        *g = (Vec2){(cost(s, idx, b, x + h, y, NULL) - f) / h,
                    (cost(s, idx, b, x, y + h, NULL) - f) / h};
    } else {
        *g = (Vec2){(cost(s, idx, b, x + h, y, NULL) - cost(s, idx, b, x - h, y, NULL)) /
                        (2 * h),
                    (cost(s, idx, b, x, y + h, NULL) - cost(s, idx, b, x, y - h, NULL)) /
                        (2 * h)};
    }
    return f;
}

void grad_cost(GradMode m, long *nf, long *ng)
{
    *ng = m == GRAD_ANALYTIC;
    *nf = m == GRAD_FORWARD ? 2 : m == GRAD_CENTRAL ? 4 : 0;
}

double grad_rel_error(Vec2 a, Vec2 n)
{
    double d = hypot(a.x - n.x, a.y - n.y);
    double m = fmax(fmax(hypot(a.x, a.y), hypot(n.x, n.y)), 1e-12);
    return d / m;
}
