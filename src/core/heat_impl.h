/* Inside the heat-map (heat.c, heat_simd.c): the look-up a scale and a colour map
 * make, and the exact colour of one value, which the vector loops fall back on. */
#ifndef LOSSCAPE_HEAT_IMPL_H
#define LOSSCAPE_HEAT_IMPL_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#define HEAT_STEPS   255   /* edges between the 256 entries */
#define HEAT_BUCKETS 16385 /* buckets of the look-up, the last for u = 1 */

#if defined(__GNUC__) && defined(__x86_64__)
#define HEAT_X86 1 /* the AVX2 and AVX-512 loops of heat_simd.c are built */
#endif

/* What a pixel needs: u = (v - lo) * inv in [0, 1] is bucketed by the bits of
 * (float)(u + off), minus those of off, shifted right by `shift`. */
typedef struct {
    double e[HEAT_STEPS + 3];   /* -inf, the edges between entries, +inf, +inf */
    uint32_t col[HEAT_BUCKETS]; /* colour of every value of a bucket, or 0: look */
    unsigned char start[HEAT_BUCKETS]; /* entry of the smallest value of a bucket */
    double lo, inv, off;
    uint32_t base;
    int shift;
    int fast; /* 1: no bucket holds more than two edges (see lut_make) */
    /* The arithmetic entry of heat_row_avx512: x = a * log2(u + off) + b on a log
     * scale, 255 u + 0.5 on a linear one, is within `tol` of the exact count of
     * edges at or below the value, so floor(x) is that count unless x is within
     * tol of a whole number. */
    float a, b, tol;
    int log;
    unsigned char chan[4][256]; /* the colour map's blue, green, red, alpha bytes */
    int isa; /* the loop colour_row uses: HEAT_ISA_SCALAR, _AVX2 or _AVX512 */
} HeatLut;

static inline uint32_t heat_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

/* Colour of an undefined sample at pixel (x, y): a neutral two-tone hatch. */
static inline uint32_t heat_hatch(int x, int y)
{
    return ((x + y) >> 2) & 1 ? 0xFF8C8C8Cu : 0xFF767676u;
}

/* Returns the bucket of value v. A linear scale uses floats in [1, 2], whose bits
 * are even in the value (2^23 steps, 16384 buckets); a log scale floats in
 * [1e-3, 1 + 1e-3], ten octaves of 1024 buckets, even in the logarithm. The
 * clamp is in two steps so that each is a single max or min instruction (NaN
 * goes to 0). */
static inline int heat_bucket(const HeatLut *t, double v)
{
    double u = (v - t->lo) * t->inv;
    u = u > 0.0 ? u : 0.0;
    u = u < 1.0 ? u : 1.0;
    uint32_t b = (heat_bits((float)(u + t->off)) - t->base) >> t->shift;
    return b < HEAT_BUCKETS ? (int)b : HEAT_BUCKETS - 1;
}

/* Returns the colour of v from lut: its bucket's colour, or the entry counted
 * from the bucket's start, e[k] <= v < e[k + 1] (with t->fast two steps at most,
 * without a branch); the hatch of pixel (x, y) when v is not finite. */
static inline uint32_t heat_pixel(const HeatLut *t, const uint32_t *lut, double v, int x,
                                  int y)
{
    if (!isfinite(v)) return heat_hatch(x, y);
    int b = heat_bucket(t, v);
    if (t->col[b]) return t->col[b];
    const double *e = t->e;
    int k = t->start[b];
    if (t->fast) return lut[k + (v >= e[k + 1]) + (v >= e[k + 2])];
    while (v >= e[k + 1]) k++;
    while (v < e[k]) k--;
    return lut[k];
}

#ifdef HEAT_X86
/* Colour src[i0..], one row of a field, into dst[i0..] (row y of the canvas, the
 * field's column i at canvas column x0 + i) as heat_pixel would, pixel for pixel,
 * as far as whole blocks of 8 (AVX2) or 64 (AVX-512) go before i1; return the
 * first column not done. The caller checks the processor (t->isa). */
int heat_row_avx2(const HeatLut *t, const uint32_t *lut, const double *restrict src,
                  uint32_t *restrict dst, int i0, int i1, int x0, int y);
int heat_row_avx512(const HeatLut *t, const uint32_t *lut, const double *restrict src,
                    uint32_t *restrict dst, int i0, int i1, int x0, int y);
#endif

#endif
