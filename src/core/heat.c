/* The heat-map of plot.c: every pixel of the field coloured through a 256-entry
 * colour map. The value at which the colour steps from entry k to k + 1 is worked
 * out once (edge[k]), and so is the entry at the start of each of ~4096 value
 * buckets; a pixel then costs a bucket look-up and a compare or two, with no
 * logarithm, and the result is exact. The buckets follow the scale: uniform in
 * the value for a linear scale, uniform in its logarithm for a log scale (the
 * bits of a float step through each octave evenly), so that each holds about
 * one edge whichever scale is shown. heat_sample colours each row of a field
 * right after the range is known, by the thread that sampled it. */
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

/* Colours src[i0..i1-1], one row of a field, into dst[i0..i1-1]: row y of the
 * canvas, column x0 + i (for the hatch). The loop of t->fast is entry() and
 * bucket() written out with the look-up's numbers in registers; the clamp is in
 * two steps so that each is a single max or min instruction (NaN still goes to
 * 0, as in bucket()). */
static void colour_row(const Lut *t, const uint32_t *lut, const double *restrict src,
                       uint32_t *restrict dst, int i0, int i1, int x0, int y)
{
    if (!t->fast) {
        for (int i = i0; i < i1; i++)
            dst[i] = isfinite(src[i]) ? lut[entry(t, src[i])] : hatch(x0 + i, y);
        return;
    }
    const double *e = t->e, lo = t->lo, inv = t->inv, off = t->off;
    const unsigned char *start = t->start;
    uint32_t base = t->base;
    int shift = t->shift;
    for (int i = i0; i < i1; i++) {
        double v = src[i], u = (v - lo) * inv;
        u = u > 0.0 ? u : 0.0;
        u = u < 1.0 ? u : 1.0;
        uint32_t b = (bits_of((float)(u + off)) - base) >> shift;
        int k = start[b < HEAT_BUCKETS ? b : HEAT_BUCKETS - 1];
        k += (v >= e[k + 1]) + (v >= e[k + 2]);
        /* k may pass 255 only for v = +inf, which takes the hatch */
        dst[i] = isfinite(v) ? lut[k] : hatch(x0 + i, y);
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
        colour_row(&t, lut, f->v + (size_t)j * f->w, cv->px + (size_t)y * cv->stride + r.x,
                   i0, i1, r.x, y);
    }
}

/* heat_sample's work between the sampling of a row and the next: its look-up. */
typedef struct {
    Lut t;               /* made once the range is known */
    const uint32_t *lut; /* the colour map */
    Canvas *cv;
    Rect r;
    int log;
} Fused;

static void fused_ready(void *ctx, const Field *f)
{
    Fused *u = ctx;
    lut_make(&u->t, (ValueScale){f->vmin, f->vmax, u->log});
}

static void fused_row(void *ctx, const Field *f, int j)
{
    const Fused *u = ctx;
    Canvas *cv = u->cv;
    int y = u->r.y + j, x0 = u->r.x;
    if (y < cv->clip.y || y >= cv->clip.y + cv->clip.h) return;
    int i0 = cv->clip.x - x0 > 0 ? cv->clip.x - x0 : 0;
    int i1 = cv->clip.x + cv->clip.w - x0 < f->w ? cv->clip.x + cv->clip.w - x0 : f->w;
    colour_row(&u->t, u->lut, f->v + (size_t)j * f->w, cv->px + (size_t)y * cv->stride + x0,
               i0, i1, x0, y);
}

int heat_sample(Canvas *cv, Rect r, Field *f, const Surface *s, View v, int log,
                CmapKind cmap)
{
    Fused u = {.lut = cmap_lut(cmap), .cv = cv, .r = r, .log = log != 0};
    FieldThen then = {fused_ready, fused_row, &u};
    return field_sample_then(f, s, v, r.w, r.h, &then);
}
