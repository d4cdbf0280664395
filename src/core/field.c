/* Sampling a surface on a grid of pixel centres, one row per OpenMP iteration.
 * plot.c turns the field into the heat-map and traces its contours. */
#include "field.h"

#include <math.h>
#include <stdlib.h>

int field_sample(Field *f, const Surface *s, View v, int w, int h)
{
    if (w < 1 || h < 1) return -1;
    size_t n = (size_t)w * (size_t)h;
    if (n > (size_t)f->cap) {
        double *nv = realloc(f->v, n * sizeof *nv);
        if (!nv) return -1;
        f->v = nv;
        f->cap = (int)n;
    }
    f->w = w;
    f->h = h;
    f->view = v;
    double dx = (v.x1 - v.x0) / w, dy = (v.y1 - v.y0) / h;
    double lo = INFINITY, hi = -INFINITY;
    double *vals = f->v;
#pragma omp parallel for schedule(static) reduction(min : lo) reduction(max : hi)
    for (int j = 0; j < h; j++) {
        double y = v.y1 - (j + 0.5) * dy;
        double *row = vals + (size_t)j * w;
        if (s->row)
            s->row(s->ctx, y, v.x0 + 0.5 * dx, dx, w, row);
        else
            for (int i = 0; i < w; i++) row[i] = s->fn(s->ctx, v.x0 + (i + 0.5) * dx, y, NULL);
        for (int i = 0; i < w; i++) {
            double z = row[i];
            if (isfinite(z)) {
                lo = z < lo ? z : lo;
                hi = z > hi ? z : hi;
            }
        }
    }
    if (!(lo <= hi)) lo = 0, hi = 1;
    f->vmin = lo;
    f->vmax = hi;
    return 0;
}

void field_free(Field *f)
{
    free(f->v);
    *f = (Field){0};
}
