/* The logistic function σ and softplus in forms that never overflow, for the data
 * surfaces (data_unit.c, mlp.c) and the expression language (expr_fn.c), which
 * must agree to the last bit. static inline, as the copies they replace were
 * static: they sit in per-sample loops, where a call across files would cost. */
#ifndef LOSSCAPE_LOGISTIC_H
#define LOSSCAPE_LOGISTIC_H

#include <math.h>

/* σ(z) = 1/(1 + e^−z) for any finite z: never the exponential of a large positive
 * number, so no overflow for either sign. */
static inline double logistic_sigmoid(double z)
{
    if (z >= 0) return 1 / (1 + exp(-z));
    double e = exp(z);
    return e / (1 + e);
}

/* softplus(z) = ln(1 + e^z) without overflow, and exact to rounding for very
 * negative z. */
static inline double logistic_softplus(double z)
{
    return fmax(z, 0) + log1p(exp(-fabs(z)));
}

#endif
