/* mlp-slice: a 2-8-8-1 tanh network with a sigmoid output, trained on two
 * interleaved half-moons, seen on the plane θ* + α·d1 + β·d2 through its trained
 * weights. Used by the catalogue in data.c; everything else goes through data.h. */
#ifndef LOSSCAPE_MLP_H
#define LOSSCAPE_MLP_H

#include "data.h"

#define MLP_N 100 /* samples: 50 per moon */
#define MLP_NPAR                                                                         \
    105 /* θ: W1[8][2] at 0, b1[8] at 16, W2[8][8] at 24 (row k: unit k's               \
           incoming weights), b2[8] at 88, w3[8] at 96, b3 at 104 */

/* Trains the network once (the first call; later calls return at once).
 * Thread-safe. Every function below calls it, so calling it is optional. */
void mlp_init(void);

/* Trains a fresh network from the seed (the pure computation the cache holds, ~0.1 s)
 * and stores θ*, d1 and d2 in caller-owned arrays of MLP_NPAR. */
void mlp_train(double *theta, double *d1, double *d2);

/* Copies the cached θ*, d1 and d2 into caller-owned arrays of MLP_NPAR. */
void mlp_weights(double *theta, double *d1, double *d2);

/* SurfaceFn: the mean binary cross-entropy at θ* + α·d1 + β·d2 and, when g is not
 * NULL, (∇C·d1, ∇C·d2) with ∇C back-propagated through the network. ctx unused. */
double mlp_cost(const void *ctx, double alpha, double beta, Vec2 *g);

/* SurfaceBatchFn: the same over the samples idx[0..b-1] (idx NULL: all). */
double mlp_batch(const void *ctx, double alpha, double beta, const int *idx, int b,
                 Vec2 *g);

/* SurfaceRowFn: out[k] ≈ mlp_cost at (a0 + k·da, beta), interpolated (bicubic
 * Hermite) from exact values and gradients on grids over [-2, 2]² (spacing 0.05,
 * error < 1e-3) and [-8, 8]² (spacing 0.13, error < 0.05, built the first time a
 * row reaches past ±2); exact, and slow (~25 µs a pixel), past ±8. */
void mlp_row(const void *ctx, double beta, double a0, double da, int n, double *out);

/* Returns the network's probability of class 1 for input (x1, x2) at (α, β). */
double mlp_predict(double alpha, double beta, double x1, double x2);

/* Copies the first min(max, MLP_N) samples into out; returns MLP_N. */
int mlp_samples(DataSample *out, int max);

#endif
