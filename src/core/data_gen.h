/* Generated data surfaces: the model of a shipped one-input data surface (linreg,
 * neuron-mse, neuron-xent, tiny-net) on n samples made from a seed, for timing and
 * testing at sizes the shipped data sets (DESIGN section 4) do not have. They are
 * not in the catalogue and leave the shipped surfaces as they are. */
#ifndef LOSSCAPE_DATA_GEN_H
#define LOSSCAPE_DATA_GEN_H

#include "surface.h"

#define DATA_GEN_MAX_N 128 /* samples a generated data set may hold */

typedef struct DataGen DataGen;

/* Returns a new data set of n samples (4 <= n <= DATA_GEN_MAX_N) for the model of
 * `like`, the same on every run for the same seed: inputs x evenly spread over
 * [−3, 3]; for the neurons classes drawn with P(y = 1) = σ(1.5x), except the two
 * first (1, 0) and the two last (0, 1), so that the classes overlap (cross-entropy
 * then has a finite minimum and a floor); otherwise y = tanh(1.5x) + N(0, 0.1²).
 * NULL when `like` is not one of those four surfaces, n is out of range or memory
 * runs out.
 * The caller owns it; free it with data_gen_free. */
DataGen *data_gen_new(const Surface *like, int n, unsigned long seed);

/* Frees g; NULL is a no-op. */
void data_gen_free(DataGen *g);

/* Returns g's surface: `like`'s name, formula, view and labels, no known minima,
 * cost, gradient, rows and mini-batches over g's samples. Owned by g. */
const Surface *data_gen_surface(const DataGen *g);

#endif
