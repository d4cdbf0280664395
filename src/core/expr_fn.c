/* The built-in functions of the expression language (DESIGN section 4): each one's
 * name, arity, value and derivative, with PyTorch's conventions at kinks and stable
 * forms of sigmoid and softplus. The compiler looks names up here, the evaluator
 * calls the values and derivatives. */
#include "expr_impl.h"
#include "logistic.h"

#include <math.h>
#include <stddef.h>

#define LN10 2.30258509299404568402

static double relu(double z)
{
    return z <= 0 ? 0.0 : z;
}

/* derivatives of one-argument functions, given a and v = f(a) */
/* clang-format off */
static double d_sin(double a, double v) { (void)v; return cos(a); }
static double d_cos(double a, double v) { (void)v; return -sin(a); }
static double d_tan(double a, double v) { (void)a; return 1 + v * v; }
static double d_asin(double a, double v) { (void)v; return 1 / sqrt(1 - a * a); }
static double d_acos(double a, double v) { (void)v; return -1 / sqrt(1 - a * a); }
static double d_atan(double a, double v) { (void)v; return 1 / (1 + a * a); }
static double d_sinh(double a, double v) { (void)v; return cosh(a); }
static double d_cosh(double a, double v) { (void)v; return sinh(a); }
static double d_tanh(double a, double v) { (void)a; return 1 - v * v; }
static double d_exp(double a, double v) { (void)a; return v; }
static double d_log(double a, double v) { (void)v; return 1 / a; }
static double d_log10(double a, double v) { (void)v; return 1 / (a * LN10); }
static double d_sqrt(double a, double v) { (void)a; return 0.5 / v; }
static double d_abs(double a, double v) { (void)v; return a > 0 ? 1 : a < 0 ? -1 : 0; }
static double d_relu(double a, double v) { (void)v; return a > 0 ? 1 : 0; }
static double d_softplus(double a, double v) { (void)v; return logistic_sigmoid(a); }
/* clang-format on */

/* sigmoid'(a) = e^-|a| / (1 + e^-|a|)^2: no cancellation in 1 - v for large a */
static double d_sigmoid(double a, double v)
{
    (void)v;
    double t = exp(-fabs(a));
    return t / ((1 + t) * (1 + t));
}

/* min and max return NaN when either argument is NaN (as PyTorch does) */
static double min2(double a, double b)
{
    return a <= b ? a : b < a ? b : a + b;
}
static double max2(double a, double b)
{
    return a >= b ? a : b > a ? b : a + b;
}

static void d_min(double a, double b, double v, double *da, double *db)
{
    (void)v;
    *da = a <= b;
    *db = !(a <= b);
}

static void d_max(double a, double b, double v, double *da, double *db)
{
    (void)v;
    *da = a >= b;
    *db = !(a >= b);
}

static void d_atan2(double a, double b, double v, double *da, double *db)
{
    (void)v;
    double r = a * a + b * b;
    *da = b / r;
    *db = -a / r;
}

/* hypot: 0 at the origin, like abs'(0) */
static void d_hypot(double a, double b, double v, double *da, double *db)
{
    *da = v == 0 ? 0 : a / v;
    *db = v == 0 ? 0 : b / v;
}

/* pow, as PyTorch: no a^(b-1) term when b = 0, no ln(a) term when a = 0 and b >= 0 */
static void d_pow(double a, double b, double v, double *da, double *db)
{
    *da = b == 0 ? 0 : b * pow(a, b - 1);
    *db = a == 0 && b >= 0 ? 0 : v * log(a);
}

/* clang-format off */
const ExprFn expr_fns[] = {
    {"sin",      1, EXPR_OP_FN1, sin,               d_sin,      NULL,  NULL},
    {"cos",      1, EXPR_OP_FN1, cos,               d_cos,      NULL,  NULL},
    {"tan",      1, EXPR_OP_FN1, tan,               d_tan,      NULL,  NULL},
    {"asin",     1, EXPR_OP_FN1, asin,              d_asin,     NULL,  NULL},
    {"acos",     1, EXPR_OP_FN1, acos,              d_acos,     NULL,  NULL},
    {"atan",     1, EXPR_OP_FN1, atan,              d_atan,     NULL,  NULL},
    {"atan2",    2, EXPR_OP_FN2, NULL,              NULL,       atan2, d_atan2},
    {"sinh",     1, EXPR_OP_FN1, sinh,              d_sinh,     NULL,  NULL},
    {"cosh",     1, EXPR_OP_FN1, cosh,              d_cosh,     NULL,  NULL},
    {"tanh",     1, EXPR_OP_FN1, tanh,              d_tanh,     NULL,  NULL},
    {"exp",      1, EXPR_OP_FN1, exp,               d_exp,      NULL,  NULL},
    {"log",      1, EXPR_OP_FN1, log,               d_log,      NULL,  NULL},
    {"ln",       1, EXPR_OP_FN1, log,               d_log,      NULL,  NULL},
    {"log10",    1, EXPR_OP_FN1, log10,             d_log10,    NULL,  NULL},
    {"sqrt",     1, EXPR_OP_FN1, sqrt,              d_sqrt,     NULL,  NULL},
    {"abs",      1, EXPR_OP_FN1, fabs,              d_abs,      NULL,  NULL},
    {"sigmoid",  1, EXPR_OP_FN1, logistic_sigmoid,  d_sigmoid,  NULL,  NULL},
    {"relu",     1, EXPR_OP_FN1, relu,              d_relu,     NULL,  NULL},
    {"softplus", 1, EXPR_OP_FN1, logistic_softplus, d_softplus, NULL,  NULL},
    {"min",      2, EXPR_OP_FN2, NULL,              NULL,       min2,  d_min},
    {"max",      2, EXPR_OP_FN2, NULL,              NULL,       max2,  d_max},
    {"pow",      2, EXPR_OP_POW, NULL,              NULL,       pow,   d_pow},
    {"hypot",    2, EXPR_OP_FN2, NULL,              NULL,       hypot, d_hypot},
};
/* clang-format on */

const int expr_nfns = (int)(sizeof expr_fns / sizeof expr_fns[0]);
