/* A surface sampled on a grid of pixel centres: the data behind the heat-map and
 * the contours. Recomputed only when the surface, the view or the size changes;
 * a pan by whole pixels keeps the samples still in view. */
#ifndef LOSSCAPE_FIELD_H
#define LOSSCAPE_FIELD_H

#include "surface.h"
#include "view.h"

typedef struct {
    double *v;         /* owned: w*h values, row 0 at the top (largest y) */
    int w, h;          /* grid size */
    int cap;           /* allocated values */
    View view;         /* what was sampled */
    double vmin, vmax; /* finite range of v (0, 1 when none is finite) */
    double *back;      /* owned: field_pan's second buffer, back_cap values */
    int back_cap;
} Field;

/* Samples s over view v at the centres of a w x h pixel grid (OpenMP over rows).
 * Reuses f's buffer, growing it when needed. Returns 0, or -1 when memory runs
 * out. */
int field_sample(Field *f, const Surface *s, View v, int w, int h);

/* Work done on a field right after sampling (field_sample_then): `ready` once,
 * when the range is known, then `row` for every row j by the thread that sampled
 * it, while the row is still in that core's cache (the heat-map, heat.c). */
typedef struct {
    void (*ready)(void *ctx, const Field *f);
    void (*row)(void *ctx, const Field *f, int j);
    void *ctx;
} FieldThen;

/* field_sample, then t's ready and rows in the same parallel region (t NULL:
 * nothing more). Returns 0, or -1 when memory runs out (t not called). */
int field_sample_then(Field *f, const Surface *s, View v, int w, int h,
                      const FieldThen *t);

/* Moves f to view v when v is f's view shifted by whole pixels (to a millionth
 * of a pixel) and fewer than f's width and height: the samples still in view
 * are kept and only the exposed rows and columns are sampled from s, which must
 * be the surface f holds. The result equals field_sample's up to the rounding
 * of the sample positions. Returns 1 when it did, 0 when v is no such shift (f
 * unchanged), -1 when memory runs out (f unchanged). */
int field_pan(Field *f, const Surface *s, View v);

/* Frees f's values and zeroes it. */
void field_free(Field *f);

#endif
