/* A surface sampled on a grid of pixel centres: the data behind the heat-map and
 * the contours. Recomputed only when the surface, the view or the size changes. */
#ifndef LOSSCAPE_FIELD_H
#define LOSSCAPE_FIELD_H

#include "surface.h"
#include "view.h"

typedef struct {
    double *v;        /* owned: w*h values, row 0 at the top (largest y) */
    int w, h;         /* grid size */
    int cap;          /* allocated values */
    View view;        /* what was sampled */
    double vmin, vmax; /* finite range of v (0, 1 when none is finite) */
} Field;

/* Samples s over view v at the centres of a w x h pixel grid (OpenMP over rows).
 * Reuses f's buffer, growing it when needed. Returns 0, or -1 when memory runs
 * out. */
int field_sample(Field *f, const Surface *s, View v, int w, int h);

/* Frees f's values and zeroes it. */
void field_free(Field *f);

#endif
