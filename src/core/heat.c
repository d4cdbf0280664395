/* The heat-map of plot.c: every pixel of the field coloured through a 256-entry
 * colour map. The value at which the colour steps from entry k to k + 1 is worked
 * out once (edge[k]), and so is the entry at the start of each of ~4096 value
 * buckets; a pixel then costs a bucket look-up and a compare or two, with no
 * logarithm, and the result is exact. The buckets follow the scale: uniform in
 * the value for a linear scale, uniform in its logarithm for a log scale (the
 * bits of a float step through each octave evenly), so that each holds about
 * one edge whichever scale is shown. */
#include "heat.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define HEAT_STEPS   255  /* edges between the 256 entries */
#define HEAT_BUCKETS 4097 /* buckets of the look-up, the last for u = 1 */

/* What a pixel needs: u = (v - lo) * inv in [0, 1] is bucketed by the bits of
 * (float)(u + off), minus those of off, shifted right by `shift`. */
typedef struct {
    double e[HEAT_STEPS + 3]; /* -inf, the edges between entries, +inf, +inf */
    unsigned char start[HEAT_BUCKETS]; /* entry of the smallest value of a bucket */
    double lo, inv, off;
    uint32_t base;
    int shift;
    int fast; /* 1: no bucket holds more than two edges (see lut_make) */
} Lut;

static uint32_t bits_of(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

static float float_of(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

/* Colour of an undefined sample: a neutral two-tone hatch. */
static uint32_t hatch(int i, int j)
{
    return ((i + j) >> 2) & 1 ? 0xFF8C8C8Cu : 0xFF767676u;
}

/* Returns the bucket of value v. A linear scale uses floats in [1, 2], whose bits
 * are even in the value (2^23 steps, 4096 buckets); a log scale floats in
 * [1e-3, 1 + 1e-3], ten octaves of 128 buckets, even in the logarithm. */
static int bucket(const Lut *t, double v)
{
    double u = (v - t->lo) * t->inv;
    u = u > 0.0 ? (u < 1.0 ? u : 1.0) : 0.0;
    uint32_t b = (bits_of((float)(u + t->off)) - t->base) >> t->shift;
    return b < HEAT_BUCKETS ? (int)b : HEAT_BUCKETS - 1;
}

/* Returns the entry of v, the number of edges at or below it: e[k] <= v < e[k + 1].
 * With t->fast, two steps from the bucket's start, without a branch; otherwise
 * as many as it takes. */
static int entry(const Lut *t, double v)
{
    const double *e = t->e;
    int k = t->start[bucket(t, v)];
    if (t->fast) return k + (v >= e[k + 1]) + (v >= e[k + 2]);
    while (v >= e[k + 1]) k++;
    while (v < e[k]) k--;
    return k;
}

/* The smallest value of bucket b, give or take the rounding of bucket(). */
static double bucket_value(const Lut *t, int b, double range)
{
    return t->lo + ((double)float_of(t->base + ((uint32_t)b << t->shift)) - t->off) * range;
}

/* Builds the look-up of scale sc. start[b] is the entry of bucket b's smallest
 * value less a margin wider than bucket()'s rounding, so no value of the bucket
 * has a smaller entry; t->fast is set when every bucket, widened by the margin
 * both ways, holds two edges or fewer, so two steps always suffice (the edges
 * are 1/255 of the scale apart and a bucket 1/4096 of the range or 1/128 of an
 * octave wide: this holds unless the scales change). */
static void lut_make(Lut *t, ValueScale sc)
{
    double range = sc.hi - sc.lo;
    t->e[0] = -INFINITY;
    t->e[HEAT_STEPS + 1] = t->e[HEAT_STEPS + 2] = INFINITY;
    for (int k = 0; k < HEAT_STEPS; k++)
        t->e[k + 1] = view_unit_value(sc, (k + 0.5) / HEAT_STEPS);
    t->lo = sc.lo;
    t->inv = range > 0.0 && isfinite(range) ? 1.0 / range : 0.0;
    range = t->inv > 0.0 ? range : 0.0;
    t->off = sc.log ? 1e-3 : 1.0;
    t->shift = sc.log ? 16 : 11;
    t->base = bits_of((float)t->off);
    /* float rounding in bucket(), double rounding near a far-off lo */
    double margin = 1e-6 * range + 8 * DBL_EPSILON * (fabs(sc.lo) + fabs(sc.hi));
    t->fast = 1;
    for (int b = 0, k = 0, top = 0; b < HEAT_BUCKETS; b++) {
        double v = bucket_value(t, b, range) - margin;
        double w = b + 1 < HEAT_BUCKETS ? bucket_value(t, b + 1, range) + margin : INFINITY;
        while (k < HEAT_STEPS && v >= t->e[k + 1]) k++;
        while (top < HEAT_STEPS && w >= t->e[top + 1]) top++;
        t->start[b] = (unsigned char)k;
        if (top - k > 2) t->fast = 0;
    }
}

void heat_draw(Canvas *cv, Rect r, const Field *f, ValueScale sc, CmapKind cmap)
{
    const uint32_t *lut = cmap_lut(cmap);
    Lut t;
    lut_make(&t, sc);
    /* the columns of the field inside the clip */
    int i0 = cv->clip.x - r.x > 0 ? cv->clip.x - r.x : 0;
    int i1 = cv->clip.x + cv->clip.w - r.x < f->w ? cv->clip.x + cv->clip.w - r.x : f->w;
#pragma omp parallel for schedule(static)
    for (int j = 0; j < f->h; j++) {
        int y = r.y + j;
        if (y < cv->clip.y || y >= cv->clip.y + cv->clip.h) continue;
        uint32_t *dst = cv->px + (size_t)y * cv->stride + r.x;
        const double *src = f->v + (size_t)j * f->w;
        for (int i = i0; i < i1; i++)
            dst[i] = isfinite(src[i]) ? lut[entry(&t, src[i])] : hatch(r.x + i, y);
    }
}
