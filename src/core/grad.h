/* Gradients as a subject: the analytic gradient of a surface (exact, from its
 * formula, back-propagation or automatic differentiation) or a numeric one by
 * forward or central differences with step h, over all samples or a mini-batch,
 * and the relative error that a gradient check reports. */
#ifndef LOSSCAPE_GRAD_H
#define LOSSCAPE_GRAD_H

#include "surface.h"

#define GRAD_H 1e-5 /* default finite-difference step [1e-14..1e-1 in the window] */

typedef enum { GRAD_ANALYTIC, GRAD_FORWARD, GRAD_CENTRAL, GRAD_COUNT } GradMode;

/* Returns "analytic", "forward" or "central". */
const char *grad_name(GradMode m);

/* Returns the GradMode named `name`, or -1. */
int grad_find(const char *name);

/* Returns the cost of s at (x, y) over the samples idx[0..b-1] (idx NULL: all of
 * them, or a function's value) and stores its gradient by mode m in *g: analytic;
 * forward (f(x + h e_i) - f(x)) / h; central (f(x + h e_i) - f(x - h e_i)) / 2h. */
double grad_eval(const Surface *s, GradMode m, double h, const int *idx, int b, double x,
                 double y, Vec2 *g);

/* Stores the evaluations one gradient by mode m costs: *nf of the cost, *ng of the
 * analytic gradient (which comes with its cost). */
void grad_cost(GradMode m, long *nf, long *ng);

/* Returns |a - n| / max(|a|, |n|, 1e-12) with Euclidean norms (DESIGN section 1). */
double grad_rel_error(Vec2 a, Vec2 n);

#endif
