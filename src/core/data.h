/* Data surfaces (DESIGN section 4): the costs of real models on small data sets,
 * with gradients by back-propagation. The catalogue in surface.c lists them after
 * the classic functions; a surface is a data surface when s->nsamples > 0. Besides
 * the Surface rows this header gives what the inset and the back-propagation table
 * show: the samples, the model's output, and the chain rule for one sample.
 * Every row function is exact to rounding except mlp-slice's: it interpolates exact
 * values and gradients on a grid (error < 1e-3 within [-2, 2]², see mlp.h). */
#ifndef LOSSCAPE_DATA_H
#define LOSSCAPE_DATA_H

#include "surface.h"

/* One sample of a data set. */
typedef struct {
    double x1; /* input: x for 1-D models, x1 for svm-hinge and mlp-slice */
    double x2; /* second input of svm-hinge and mlp-slice; 0 for 1-D models */
    double y;  /* target: a value (linreg, tiny-net), a class 0/1 (neurons,
                  mlp-slice) or -1/+1 (svm-hinge) */
} DataSample;

/* What the inset needs to know to draw a data set and its model. */
typedef struct {
    int dim;      /* input dimension: 1 (plot y against x) or 2 (points in the plane) */
    int classify; /* nonzero: y is a class; class 1 (or +1) where output > threshold */
    double threshold; /* 0.5 for the sigmoid outputs, 0 for svm-hinge's score */
} DataInfo;

/* The chain rule through one sample at parameters (w, b) = the surface's (x, y):
 * forward z = w·x + b, a = act(z), cost C_i(a, y); backward ∂C/∂a, ∂a/∂z, ∂z/∂w,
 * ∂z/∂b and their products. The surface's cost is the mean of C_i and its gradient
 * the mean of (dC_dw, dC_db). Per model:
 *   linreg       a = ŷ = z (da_dz = 1), C_i = (a − y)²/2
 *   neuron-mse   a = σ(z), C_i = (a − y)²/2
 *   neuron-xent  a = σ(z), C_i = −y ln a − (1 − y) ln(1 − a), computed from z
 *   tiny-net     parameters (w1, w2): z = w1·x, a = h = tanh(z) (the hidden unit),
 *                ŷ = w2·h, C_i = (ŷ − y)²/2, dC_da = ∂C_i/∂h = (ŷ − y)·w2,
 *                dz_db = 0 (z does not depend on w2); dC_db = ∂C_i/∂w2 = (ŷ − y)·h
 *                comes from the output weight, not through z
 *   svm-hinge    parameters (w1, w2): z = a = w1·x1 + w2·x2, dz_dw = x1, dz_db = x2,
 *                C_i = max(0, 1 − y·z) + 0.05(w1² + w2²), dC_da = −y·1(y·z < 1);
 *                dC_dw, dC_db also hold the penalty's 0.1·w1, 0.1·w2
 * Everywhere else dC_dw = dC_dz·dz_dw and dC_db = dC_dz·dz_db. */
typedef struct {
    double x, y;         /* the sample's input (svm-hinge: x1) and target */
    double z, a;         /* forward: pre-activation and activation */
    double yhat;         /* the model's output (a, except tiny-net: w2·a) */
    double C;            /* the sample's cost C_i */
    double dC_da;        /* ∂C_i/∂a (inf for cross-entropy once a rounds to 0 or 1) */
    double da_dz;        /* ∂a/∂z (σ'(z) = a(1 − a), tanh: 1 − a², linear: 1) */
    double dz_dw, dz_db; /* ∂z/∂w (= x) and ∂z/∂b (1; see tiny-net, svm-hinge) */
    double dC_dz;        /* δ = dC_da·da_dz, computed stably (cross-entropy: a − y) */
    double dC_dw, dC_db; /* the sample's gradient */
} DataBackprop;

/* Returns the number of data surfaces. */
int data_count(void);

/* Returns data surface i (0 <= i < data_count()), static and read-only. */
const Surface *data_at(int i);

/* Returns the index of s among the data surfaces, or -1 when s is not one. */
int data_index(const Surface *s);

/* Does the one-time work of the data surfaces now (training mlp-slice's network and
 * sampling its grid: 0.15 s on 2 cores) instead of at their first use (0.25 s, as
 * the first field's OpenMP threads wait for one of them). Optional, idempotent and
 * thread-safe: call it at start-up, or before timing, so that no frame pays for it. */
void data_init(void);

/* Returns nonzero when the first evaluation of s does data_init's one-time work
 * (mlp-slice), 0 for every other surface, data or not. */
int data_needs_init(const Surface *s);

/* Returns what the inset needs about s's data and model (all zero when s is not a
 * data surface). */
DataInfo data_info(const Surface *s);

/* Copies the first min(max, n) samples of s into out (caller-owned) and returns n,
 * the number of samples (s->nsamples), or 0 when s is not a data surface. */
int data_samples(const Surface *s, DataSample *out, int max);

/* Returns the model's output at parameters (x, y) for the input (x1, x2) (x2 is
 * ignored by 1-D models): ŷ for linreg and tiny-net, the probability a = σ(z) for
 * the neurons and mlp-slice, the score w1·x1 + w2·x2 for svm-hinge (its sign is the
 * class). For mlp-slice (x, y) = (α, β): the network at θ* + α·d1 + β·d2. NaN when s
 * is not a data surface. */
double data_predict(const Surface *s, double x, double y, double x1, double x2);

/* Fills *out with the chain rule through sample i (0 <= i < n) at parameters
 * (x, y). Returns 0, or -1 (out untouched) when s has no single-unit model
 * (mlp-slice, classic functions) or i is out of range. The per-sample gradient of
 * every data surface, mlp-slice included, is s->batch(s->ctx, x, y, &i, 1, &g). */
int data_backprop(const Surface *s, int i, double x, double y, DataBackprop *out);

#endif
