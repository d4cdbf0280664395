/* Sampling a surface on a grid of pixel centres, one row per OpenMP iteration,
 * and moving a sampled grid by whole pixels when the view pans, so that only the
 * strips that come into view are evaluated. plot.c turns the field into the
 * heat-map and traces its contours. */
#include "field.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Samples columns i0..i1-1 of row j of the w x h grid over v into row[i0..i1-1]. */
static void sample_row(const Surface *s, View v, int w, int h, int j, int i0, int i1,
                       double *row)
{
    double dx = (v.x1 - v.x0) / w, y = v.y1 - (j + 0.5) * ((v.y1 - v.y0) / h);
    if (i1 <= i0) return;
    if (s->row)
        s->row(s->ctx, y, v.x0 + (i0 + 0.5) * dx, dx, i1 - i0, row + i0);
    else
        for (int i = i0; i < i1; i++) row[i] = s->fn(s->ctx, v.x0 + (i + 0.5) * dx, y, NULL);
}

/* Widens [*lo, *hi] to the finite values of row[0..n-1]. (A branch-free version,
 * two doubles at a time, was slower: its minimum and maximum form a chain from
 * one pair to the next, where the branch here is always predicted.) */
static void extend(const double *row, int n, double *lo, double *hi)
{
    for (int i = 0; i < n; i++) {
        double z = row[i];
        if (isfinite(z)) {
            *lo = z < *lo ? z : *lo;
            *hi = z > *hi ? z : *hi;
        }
    }
}

/* Makes room for n values in *buf (capacity *cap); returns -1 when memory runs out. */
static int reserve(double **buf, int *cap, size_t n)
{
    if (n <= (size_t)*cap) return 0;
    if (n > (size_t)2147483647) return -1;
    double *nv = realloc(*buf, n * sizeof *nv);
    if (!nv) return -1;
    *buf = nv;
    *cap = (int)n;
    return 0;
}

int field_sample(Field *f, const Surface *s, View v, int w, int h)
{
    return field_sample_then(f, s, v, w, h, NULL);
}

/* One parallel region: rows sampled in static chunks, the range reduced, then t's
 * rows in the same static chunks, so each thread works on the rows it sampled. */
int field_sample_then(Field *f, const Surface *s, View v, int w, int h,
                      const FieldThen *t)
{
    if (w < 1 || h < 1) return -1;
    if (reserve(&f->v, &f->cap, (size_t)w * (size_t)h) != 0) return -1;
    f->w = w;
    f->h = h;
    f->view = v;
    double lo = INFINITY, hi = -INFINITY;
    double *vals = f->v;
#pragma omp parallel
    {
#pragma omp for schedule(static) reduction(min : lo) reduction(max : hi)
        for (int j = 0; j < h; j++) {
            double *row = vals + (size_t)j * w;
            sample_row(s, v, w, h, j, 0, w, row);
            extend(row, w, &lo, &hi);
        }
#pragma omp single
        {
            f->vmin = lo <= hi ? lo : 0;
            f->vmax = lo <= hi ? hi : 1;
            if (t) t->ready(t->ctx, f);
        }
        if (t) {
#pragma omp for schedule(static)
            for (int j = 0; j < h; j++) t->row(t->ctx, f, j);
        }
    }
    return 0;
}

/* Writes to *k the whole number of steps `d` is, when it is one to within 1e-6
 * and below n in size; returns 0 when it is not. */
static int whole_steps(double d, int n, long *k)
{
    if (!(fabs(d) < n - 0.5)) return 0;
    *k = lround(d);
    return fabs(d - (double)*k) <= 1e-6;
}

/* New row j is old row j - ky and new column i old column i + kx (the view moved
 * kx pixels right and ky up); rows and columns with no old sample are sampled. */
int field_pan(Field *f, const Surface *s, View v)
{
    int w = f->w, h = f->h;
    View o = f->view;
    double ow = o.x1 - o.x0, oh = o.y1 - o.y0;
    long kx, ky;
    if (!f->v || w < 1 || h < 1 || fabs((v.x1 - v.x0) - ow) > 1e-12 * fabs(ow) ||
        fabs((v.y1 - v.y0) - oh) > 1e-12 * fabs(oh) ||
        !whole_steps((v.x0 - o.x0) / (ow / w), w, &kx) ||
        !whole_steps((v.y1 - o.y1) / (oh / h), h, &ky))
        return 0;
    if (reserve(&f->back, &f->back_cap, (size_t)w * (size_t)h) != 0) return -1;
    /* the old columns still in view land on new columns [a, b) */
    int a = kx < 0 ? (int)-kx : 0, b = kx > 0 ? w - (int)kx : w;
    double lo = INFINITY, hi = -INFINITY;
    const double *old = f->v;
    double *vals = f->back;
#pragma omp parallel for schedule(static) reduction(min : lo) reduction(max : hi)
    for (int j = 0; j < h; j++) {
        double *row = vals + (size_t)j * w;
        long oj = j - ky;
        if (oj < 0 || oj >= h) {
            sample_row(s, v, w, h, j, 0, w, row);
        } else {
            memcpy(row + a, old + (size_t)oj * w + (a + kx), (size_t)(b - a) * sizeof *row);
            sample_row(s, v, w, h, j, 0, a, row);
            sample_row(s, v, w, h, j, b, w, row);
        }
        extend(row, w, &lo, &hi);
    }
    f->back = f->v;
    f->v = vals;
    int cap = f->cap;
    f->cap = f->back_cap;
    f->back_cap = cap;
    f->view = v;
    f->vmin = lo <= hi ? lo : 0;
    f->vmax = lo <= hi ? hi : 1;
    return 1;
}

void field_free(Field *f)
{
    free(f->v);
    free(f->back);
    *f = (Field){0};
}
