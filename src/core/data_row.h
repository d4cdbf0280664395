/* The fast path of the heat-map rows of the neurons and tiny-net (data_unit.c's
 * data_unit_row): per sample one exponential that is separable along the row,
 * e^(c + p·k) = e^c·(e^k)^p at pixel p, kept in registers for a block of pixels
 * across every sample. Used by data_unit.c only. */
#ifndef LOSSCAPE_DATA_ROW_H
#define LOSSCAPE_DATA_ROW_H

#include "data_unit.h"

/* Where along a row the fast path is safe: pixels lo <= p < hi (lo == hi: none),
 * found from the exponents of every sample (they must stay within the range the
 * products and the chained powers keep finite and exact to ~1e-14). */
typedef struct {
    int lo, hi;
} DataRowSpan;

/* For u's model (DATA_UNIT_SIGMOID_MSE, _XENT, _TANH_NET): fills out[p] for p in
 * the returned span of [0, n) with the cost at (x0 + p·dx, q), equal to
 * data_unit_cost within ~1e-13 relative, and leaves the rest of out untouched
 * for the caller's general path. */
DataRowSpan data_row_fast(const DataUnit *u, double q, double x0, double dx, int n,
                          double *out);

#endif
