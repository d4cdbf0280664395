/* The single-unit models behind linreg, neuron-mse, neuron-xent, tiny-net and
 * svm-hinge. Cost and gradient are back-propagated sample by sample (one "pass"
 * per model: forward values, local derivatives, their products) and averaged; the
 * row functions fill a heat-map row with the same costs, sharing per-sample work
 * (exponentials by multiplication, moments of the data) along the row. */
#include "data_unit.h"

#include "data_row.h"
#include "logistic.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

/* ---- one sample forward and backward, per model ---------------------------- */

typedef void (*PassFn)(const DataUnit *u, int i, double p, double q, DataBackprop *o);

static void pass_linear(const DataUnit *u, int i, double p, double q, DataBackprop *o)
{
    double x = u->x1[i], y = u->y[i], z = p * x + q;
    *o = (DataBackprop){.x = x, .y = y, .z = z, .a = z, .yhat = z};
    o->C = 0.5 * (z - y) * (z - y);
    o->dC_da = z - y;
    o->da_dz = 1;
    o->dz_dw = x;
    o->dz_db = 1;
    o->dC_dz = o->dC_da * o->da_dz;
    o->dC_dw = o->dC_dz * o->dz_dw;
    o->dC_db = o->dC_dz * o->dz_db;
}

/* Both neurons: a = σ(z); the cost decides ∂C/∂a. 1 − a is computed as σ(−z) and
 * a − y from it, so that nothing cancels where a is near 0 or 1. */
static void pass_sigmoid(const DataUnit *u, int i, double p, double q, DataBackprop *o)
{
    double x = u->x1[i], y = u->y[i], z = p * x + q;
    double a = logistic_sigmoid(z), na = logistic_sigmoid(-z), r = y == 1 ? -na : a - y;
    *o = (DataBackprop){.x = x, .y = y, .z = z, .a = a, .yhat = a};
    o->da_dz = a * na;
    o->dz_dw = x;
    o->dz_db = 1;
    if (u->model == DATA_UNIT_SIGMOID_MSE) {
        o->C = 0.5 * r * r;
        o->dC_da = r;
        o->dC_dz = o->dC_da * o->da_dz;
    } else {
        /* −y ln a − (1 − y) ln(1 − a) = y·softplus(−z) + (1 − y)·softplus(z) */
        o->C = (y > 0 ? y * logistic_softplus(-z) : 0) +
               (y < 1 ? (1 - y) * logistic_softplus(z) : 0);
        o->dC_da = (y > 0 ? -y / a : 0) + (y < 1 ? (1 - y) / na : 0);
        o->dC_dz = r; /* = dC_da·da_dz, which is inf·0 once a rounds to 0 or 1 */
    }
    o->dC_dw = o->dC_dz * o->dz_dw;
    o->dC_db = o->dC_dz * o->dz_db;
}

/* tiny-net, parameters (w1, w2) = (p, q): z = w1·x, h = tanh(z), ŷ = w2·h. */
static void pass_tanh_net(const DataUnit *u, int i, double p, double q, DataBackprop *o)
{
    double x = u->x1[i], y = u->y[i], z = p * x, h = tanh(z), r = q * h - y;
    *o = (DataBackprop){.x = x, .y = y, .z = z, .a = h, .yhat = q * h};
    o->C = 0.5 * r * r;
    o->dC_da = r * q; /* ∂C/∂ŷ · ∂ŷ/∂h */
    o->da_dz = 1 - h * h;
    o->dz_dw = x;
    o->dz_db = 0;
    o->dC_dz = o->dC_da * o->da_dz;
    o->dC_dw = o->dC_dz * o->dz_dw;
    o->dC_db = r * h; /* ∂C/∂ŷ · ∂ŷ/∂w2: w2 is the output weight */
}

/* svm-hinge, parameters (w1, w2) = (p, q): z = w1·x1 + w2·x2; the sub-gradient of
 * the hinge uses the indicator 1(y·z < 1); every sample carries the penalty. */
static void pass_hinge(const DataUnit *u, int i, double p, double q, DataBackprop *o)
{
    double x1 = u->x1[i], x2 = u->x2[i], y = u->y[i], z = p * x1 + q * x2, m = y * z;
    *o = (DataBackprop){.x = x1, .y = y, .z = z, .a = z, .yhat = z};
    o->C = (m < 1 ? 1 - m : 0) + u->reg * (p * p + q * q);
    o->dC_da = m < 1 ? -y : 0;
    o->da_dz = 1;
    o->dz_dw = x1;
    o->dz_db = x2;
    o->dC_dz = o->dC_da * o->da_dz;
    o->dC_dw = o->dC_dz * o->dz_dw + 2 * u->reg * p;
    o->dC_db = o->dC_dz * o->dz_db + 2 * u->reg * q;
}

static const PassFn passes[] = {
    [DATA_UNIT_LINEAR] = pass_linear,        [DATA_UNIT_SIGMOID_MSE] = pass_sigmoid,
    [DATA_UNIT_SIGMOID_XENT] = pass_sigmoid, [DATA_UNIT_TANH_NET] = pass_tanh_net,
    [DATA_UNIT_HINGE] = pass_hinge,
};

void data_unit_backprop(const DataUnit *u, int i, double p, double q, DataBackprop *o)
{
    assert(i >= 0 && i < u->n);
    passes[u->model](u, i, p, q, o);
}

double data_unit_batch(const void *ctx, double p, double q, const int *idx, int b,
                       Vec2 *g)
{
    const DataUnit *u = ctx;
    int m = idx ? b : u->n;
    assert(m >= 1);
    double c = 0, gw = 0, gb = 0;
    for (int k = 0; k < m; k++) {
        DataBackprop o;
        data_unit_backprop(u, idx ? idx[k] : k, p, q, &o);
        c += o.C;
        gw += o.dC_dw;
        gb += o.dC_db;
    }
    if (g) *g = (Vec2){gw / m, gb / m};
    return c / m;
}

double data_unit_cost(const void *ctx, double p, double q, Vec2 *g)
{
    return data_unit_batch(ctx, p, q, NULL, 0, g);
}

double data_unit_predict(const DataUnit *u, double p, double q, double x1, double x2)
{
    switch (u->model) {
    case DATA_UNIT_LINEAR:
        return p * x1 + q;
    case DATA_UNIT_SIGMOID_MSE:
    case DATA_UNIT_SIGMOID_XENT:
        return logistic_sigmoid(p * x1 + q);
    case DATA_UNIT_TANH_NET:
        return q * tanh(p * x1);
    case DATA_UNIT_HINGE:
        return p * x1 + q * x2;
    }
    return NAN;
}

/* ---- heat-map rows ------------------------------------------------------------ */

/* Pixels per block: a row is filled BLOCK pixels at a time (the last block runs
 * past the row's end into scratch space), fixed so the inner loops vectorise. */
#define BLOCK 16

/* linreg is quadratic: with the least-squares fit (w*, b*), its residual R and the
 * moments of x, C = ½[vxx·(w − w*)² + ((b − b*) + (w − w*)·x̄)² + R], a sum of
 * non-negative terms, so nothing cancels near the minimum. */
static void row_linear(const DataUnit *u, double q, double x0, double dx, int n,
                       double *out)
{
    double mx = 0, my = 0, vxx = 0, vxy = 0, res = 0;
    for (int i = 0; i < u->n; i++)
        mx += u->x1[i] / u->n, my += u->y[i] / u->n;
    for (int i = 0; i < u->n; i++) {
        vxx += (u->x1[i] - mx) * (u->x1[i] - mx) / u->n;
        vxy += (u->x1[i] - mx) * (u->y[i] - my) / u->n;
    }
    assert(vxx > 0);
    double ws = vxy / vxx, bs = my - ws * mx;
    for (int i = 0; i < u->n; i++)
        res += (ws * u->x1[i] + bs - u->y[i]) * (ws * u->x1[i] + bs - u->y[i]) / u->n;
    for (int k = 0; k < n; k++) {
        double dw = x0 + k * dx - ws, e = (q - bs) + dw * mx;
        out[k] = 0.5 * (vxx * dw * dw + e * e + res);
    }
}

/* e[j] = e^(t + j·dt) for j < BLOCK: one exp and a multiplication by pw[j] =
 * e^(j·dt) each while every value stays in range, else one exp each (which then
 * rounds to 0 or inf correctly). */
static void exp_block(double t, double dt, const double *pw, double *e)
{
    if (fabs(t) < 700 && fabs(t + (BLOCK - 1) * dt) < 700 &&
        fabs((BLOCK - 1) * dt) < 700) {
        double e0 = exp(t);
        for (int j = 0; j < BLOCK; j++)
            e[j] = e0 * pw[j];
    } else {
        for (int j = 0; j < BLOCK; j++)
            e[j] = exp(t + j * dt);
    }
}

/* The neurons and tiny-net: per sample an exponential that is linear in the row's
 * parameter, e^(c + k·w) with w = x0 + j·dx, from which the sample's cost follows
 * without another transcendental: squared error of the neuron 1/(1 + e^((2y−1)z))²
 * (the distance of σ(z) to y), cross-entropy ln Π(1 + e^((1−2y)z)) (one log per
 * pixel), tiny-net's tanh(w1·x) = 1 − 2/(1 + e^(2·w1·x)). */
static void row_exp_general(const DataUnit *u, double q, double x0, double dx, int n,
                            double *out)
{
    double c[DATA_UNIT_MAX_N], k[DATA_UNIT_MAX_N], pw[DATA_UNIT_MAX_N][BLOCK];
    for (int i = 0; i < u->n; i++) {
        double x = u->x1[i], s = 2 * u->y[i] - 1;
        if (u->model == DATA_UNIT_TANH_NET)
            c[i] = 2 * x * x0, k[i] = 2 * x;
        else if (u->model == DATA_UNIT_SIGMOID_MSE)
            c[i] = s * (x * x0 + q), k[i] = s * x;
        else
            c[i] = -s * (x * x0 + q), k[i] = -s * x;
        double r = exp(k[i] * dx);
        pw[i][0] = 1;
        for (int j = 1; j < BLOCK; j++)
            pw[i][j] = pw[i][j - 1] * r;
    }
    for (int j0 = 0; j0 < n; j0 += BLOCK) {
        double acc[BLOCK], e[BLOCK];
        double init = u->model == DATA_UNIT_SIGMOID_XENT ? 1 : 0;
        for (int j = 0; j < BLOCK; j++)
            acc[j] = init;
        for (int i = 0; i < u->n; i++) {
            exp_block(c[i] + j0 * k[i] * dx, k[i] * dx, pw[i], e);
            double y = u->y[i];
            if (u->model == DATA_UNIT_SIGMOID_MSE) {
                for (int j = 0; j < BLOCK; j++)
                    acc[j] += 1 / ((1 + e[j]) * (1 + e[j]));
            } else if (u->model == DATA_UNIT_SIGMOID_XENT) {
                for (int j = 0; j < BLOCK; j++)
                    acc[j] *= 1 + e[j];
            } else {
                for (int j = 0; j < BLOCK; j++) {
                    double r = q * (1 - 2 / (1 + e[j])) - y;
                    acc[j] += r * r;
                }
            }
        }
        int m = n - j0 < BLOCK ? n - j0 : BLOCK;
        for (int j = 0; j < m; j++) {
            double v = u->model == DATA_UNIT_SIGMOID_XENT ? log(acc[j]) / u->n
                                                          : acc[j] / (2 * u->n);
            /* the product overflowed: far out, where C > ~700/n */
            out[j0 + j] =
                isfinite(v) ? v : data_unit_cost(u, x0 + (j0 + j) * dx, q, NULL);
        }
    }
}

/* The same, through data_row.c's fast path where every exponential is in range
 * and the general one above elsewhere (far out). */
static void row_exp(const DataUnit *u, double q, double x0, double dx, int n, double *out)
{
    DataRowSpan s = data_row_fast(u, q, x0, dx, n, out);
    if (s.lo > 0) row_exp_general(u, q, x0, dx, s.lo, out);
    if (s.hi < n) row_exp_general(u, q, x0 + s.hi * dx, dx, n - s.hi, out + s.hi);
}

/* svm-hinge: the margins are linear along the row. */
static void row_hinge(const DataUnit *u, double q, double x0, double dx, int n,
                      double *out)
{
    for (int j0 = 0; j0 < n; j0 += BLOCK) {
        double acc[BLOCK] = {0};
        for (int i = 0; i < u->n; i++) {
            double y = u->y[i], m0 = y * (u->x1[i] * (x0 + j0 * dx) + u->x2[i] * q);
            double dm = y * u->x1[i] * dx;
            for (int j = 0; j < BLOCK; j++) {
                double v = 1 - (m0 + j * dm);
                acc[j] += v > 0 ? v : 0; /* not fmax: that would not vectorise */
            }
        }
        int m = n - j0 < BLOCK ? n - j0 : BLOCK;
        for (int j = 0; j < m; j++) {
            double w = x0 + (j0 + j) * dx;
            out[j0 + j] = acc[j] / u->n + u->reg * (w * w + q * q);
        }
    }
}

void data_unit_row(const void *ctx, double q, double x0, double dx, int n, double *out)
{
    const DataUnit *u = ctx;
    assert(u->n >= 1 && u->n <= DATA_UNIT_MAX_N);
    switch (u->model) {
    case DATA_UNIT_LINEAR:
        row_linear(u, q, x0, dx, n, out);
        break;
    case DATA_UNIT_HINGE:
        row_hinge(u, q, x0, dx, n, out);
        break;
    default:
        row_exp(u, q, x0, dx, n, out);
        break;
    }
}
