/* The heat-map of plot.c: every pixel of the field coloured through a 256-entry
 * colour map, exactly: a value takes the entry of the number of edges between
 * entries at or below it. The edges are worked out once (e[k]), and so, for each
 * of ~16k value buckets, is the entry at its start and, when no edge falls inside
 * it, its colour; the buckets follow the scale (uniform in the value, or in its
 * logarithm: the bits of a float step through each octave evenly). A pixel then
 * costs a look-up, about 98 in 100 times, or a look-up and a compare or two, with
 * no logarithm (heat_impl.h). heat_simd.c has the vector loops, which give the
 * same pixels. heat_sample colours each row of a field right after the range is
 * known, by the thread that sampled it. */
#include "heat.h"

#include <assert.h>
#include <float.h>

#include "heat_impl.h"

/* The widest loop heat-maps may use (heat_limit_isa). */
static HeatIsa isa_cap = HEAT_ISA_AVX512;

static float float_of(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

/* The smallest value of bucket b, give or take the rounding of heat_bucket(). */
static double bucket_value(const HeatLut *t, int b, double range)
{
    return t->lo + ((double)float_of(t->base + ((uint32_t)b << t->shift)) - t->off) * range;
}

/* Returns the widest loop the processor can run. */
static HeatIsa best_isa(void)
{
    HeatIsa best = HEAT_ISA_SCALAR;
#ifdef HEAT_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) best = HEAT_ISA_AVX2;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vbmi"))
        best = HEAT_ISA_AVX512;
#endif
    return best;
}

HeatIsa heat_limit_isa(HeatIsa max)
{
    isa_cap = max;
    return best_isa();
}

/* Sets t's arithmetic entry (see HeatLut) for scale sc and the loop to use: the
 * AVX-512 one only where the scale's numbers keep x within a tolerance of 0.05,
 * which fails only for a range far narrower than its distance from zero.
 * s bounds the error of u = (v - lo) / range against the edges' own rounding. */
static void lut_pick(HeatLut *t, ValueScale sc, double range)
{
    double s = 8 * DBL_EPSILON * (1 + (fabs(sc.lo) + fabs(sc.hi)) / range);
    double c = VIEW_LOG_OFFSET, span = log2(1 + c) - log2(c);
    t->log = sc.log != 0;
    /* float rounding of u (+ c), of log2 (~1e-6), of a, b and the product; and s
     * through dx/du, at most 255 / (c ln 2 span) on a log scale, 255 on a linear */
    t->a = t->log ? (float)(255 / span) : 255.0f;
    t->b = t->log ? (float)(0.5 - 255 / span * log2(c)) : 0.5f;
    t->tol = (float)(t->log ? 1.5e-4 + 1e5 * s : 1e-4 + 1e3 * s);
    HeatIsa best = best_isa();
    t->isa = best < isa_cap ? best : isa_cap;
    if (t->isa == HEAT_ISA_AVX512 && !(t->inv > 0.0 && t->tol < 0.05)) t->isa = HEAT_ISA_AVX2;
}

/* Builds the look-up of scale sc and colour map lut (no colour of which is 0).
 * start[b] is the entry of bucket b's smallest value less a margin wider than
 * heat_bucket()'s rounding, so no value of the bucket has a smaller entry, and
 * col[b] the colour of that entry when the bucket widened by the margin both ways
 * holds no edge (every value of it has that entry). t->fast is set when every
 * widened bucket holds two edges or fewer, so two steps always suffice (the edges
 * are 1/255 of the scale apart and a bucket 1/16384 of the range or 1/1024 of an
 * octave wide: this holds unless the scales change). */
static void lut_make(HeatLut *t, ValueScale sc, const uint32_t *lut)
{
    double range = sc.hi - sc.lo;
    t->e[0] = -INFINITY;
    t->e[HEAT_STEPS + 1] = t->e[HEAT_STEPS + 2] = INFINITY;
    for (int k = 0; k < HEAT_STEPS; k++)
        t->e[k + 1] = view_unit_value(sc, (k + 0.5) / HEAT_STEPS);
    t->lo = sc.lo;
    t->inv = range > 0.0 && isfinite(range) ? 1.0 / range : 0.0;
    range = t->inv > 0.0 ? range : 0.0;
    t->off = sc.log ? VIEW_LOG_OFFSET : 1.0;
    t->shift = sc.log ? 13 : 9;
    t->base = heat_bits((float)t->off);
    /* double rounding near a far-off lo; float rounding in heat_bucket() below */
    double slack = 8 * DBL_EPSILON * (fabs(sc.lo) + fabs(sc.hi));
    t->fast = 1;
    for (int b = 0, k = 0, top = 0; b < HEAT_BUCKETS; b++) {
        /* four float ulps of u + off at the bucket, in value */
        double margin = float_of(t->base + ((uint32_t)b << t->shift)) * 0x1p-21 * range + slack;
        double v = bucket_value(t, b, range) - margin;
        double w = b + 1 < HEAT_BUCKETS ? bucket_value(t, b + 1, range) + margin : INFINITY;
        while (k < HEAT_STEPS && v >= t->e[k + 1]) k++;
        while (top < HEAT_STEPS && w >= t->e[top + 1]) top++;
        t->start[b] = (unsigned char)k;
        t->col[b] = top == k ? lut[k] : 0;
        assert(lut[k] != 0);
        if (top - k > 2) t->fast = 0;
    }
    for (int k = 0; k < 256; k++)
        for (int c = 0; c < 4; c++) t->chan[c][k] = (unsigned char)(lut[k] >> (8 * c));
    lut_pick(t, sc, range);
}

/* Colours src[i0..i1-1], one row of a field, into dst[i0..i1-1]: row y of the
 * canvas, column x0 + i (for the hatch); the widest loop t->isa allows first. */
static void colour_row(const HeatLut *t, const uint32_t *lut, const double *restrict src,
                       uint32_t *restrict dst, int i0, int i1, int x0, int y)
{
#ifdef HEAT_X86
    if (t->isa >= HEAT_ISA_AVX512) i0 = heat_row_avx512(t, lut, src, dst, i0, i1, x0, y);
    if (t->isa >= HEAT_ISA_AVX2) i0 = heat_row_avx2(t, lut, src, dst, i0, i1, x0, y);
#endif
    for (int i = i0; i < i1; i++) dst[i] = heat_pixel(t, lut, src[i], x0 + i, y);
}

void heat_draw(Canvas *cv, Rect r, const Field *f, ValueScale sc, CmapKind cmap)
{
    const uint32_t *lut = cmap_lut(cmap);
    HeatLut t;
    lut_make(&t, sc, lut);
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
    HeatLut t;               /* made once the range is known */
    const uint32_t *lut; /* the colour map */
    Canvas *cv;
    Rect r;
    int log;
} Fused;

static void fused_ready(void *ctx, const Field *f)
{
    Fused *u = ctx;
    lut_make(&u->t, (ValueScale){f->vmin, f->vmax, u->log}, u->lut);
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
