/* Single-unit models of the data surfaces (linreg, the two neurons, tiny-net,
 * svm-hinge): a data set plus the model, passed as the Surface's ctx. Used by the
 * catalogue in data.c; everything else goes through data.h. */
#ifndef LOSSCAPE_DATA_UNIT_H
#define LOSSCAPE_DATA_UNIT_H

#include "data.h"

#define DATA_UNIT_MAX_N 128 /* samples a unit's data set may hold */

typedef enum {
    DATA_UNIT_LINEAR,       /* ŷ = w·x + b, squared error */
    DATA_UNIT_SIGMOID_MSE,  /* a = σ(w·x + b), squared error; y in {0, 1} */
    DATA_UNIT_SIGMOID_XENT, /* a = σ(w·x + b), cross-entropy; y in {0, 1} */
    DATA_UNIT_TANH_NET,     /* ŷ = w2·tanh(w1·x), squared error */
    DATA_UNIT_HINGE, /* score w1·x1 + w2·x2, hinge + reg·‖w‖²; y in {-1, +1} */
} DataUnitModel;

typedef struct {
    DataUnitModel model;
    int n;                     /* samples, 1..DATA_UNIT_MAX_N */
    const double *x1, *x2, *y; /* inputs and targets; x2 only for the hinge */
    double reg;                /* hinge: weight of ‖w‖² */
} DataUnit;

/* SurfaceFn: the mean cost over all samples at (p, q) and, when g is not NULL, its
 * gradient, both by back-propagation through each sample. ctx is a DataUnit. */
double data_unit_cost(const void *ctx, double p, double q, Vec2 *g);

/* SurfaceBatchFn: the same over the samples idx[0..b-1] (idx NULL: all). */
double data_unit_batch(const void *ctx, double p, double q, const int *idx, int b,
                       Vec2 *g);

/* SurfaceRowFn: out[k] = cost at (x0 + k·dx, q) for k < n, equal to data_unit_cost
 * up to rounding, with the per-sample work shared along the row. */
void data_unit_row(const void *ctx, double q, double x0, double dx, int n, double *out);

/* Fills *o with the chain rule through sample i at (p, q) (see DataBackprop). */
void data_unit_backprop(const DataUnit *u, int i, double p, double q, DataBackprop *o);

/* Returns the model's output at (p, q) for the input (x1, x2). */
double data_unit_predict(const DataUnit *u, double p, double q, double x1, double x2);

#endif
