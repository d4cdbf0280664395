/* The heat-map's vector loops (heat.c picks one by the processor), each giving
 * exactly heat_pixel's colours. AVX2: eight buckets worked out at once, their
 * colours in one gather. AVX-512: the entry of each value computed, not looked up
 * (a log2 by its series where the scale is logarithmic), and the colours of 64
 * pixels taken from the colour map's bytes by byte permutes: on these processors
 * a gather costs about a cycle a pixel, which was most of the heat-map's time.
 * Values near an edge between two entries, and undefined ones, are redone by
 * heat_pixel. Built for GCC and Clang on x86-64 only. */
#include "heat_impl.h"

#ifdef HEAT_X86
#include <immintrin.h>

#define AVX2   __attribute__((target("avx2")))
#define AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vbmi")))

/* Redoes with heat_pixel the pixels of dst[i..i+n-1] whose bit is set in m. */
static void redo(const HeatLut *t, const uint32_t *lut, const double *src, uint32_t *dst,
                 int i, uint64_t m, int x0, int y)
{
    for (; m; m &= m - 1) {
        int l = i + __builtin_ctzll(m);
        dst[l] = heat_pixel(t, lut, src[l], x0 + l, y);
    }
}

AVX2 int heat_row_avx2(const HeatLut *t, const uint32_t *lut, const double *restrict src,
                       uint32_t *restrict dst, int i0, int i1, int x0, int y)
{
    const __m256d lo = _mm256_set1_pd(t->lo), inv = _mm256_set1_pd(t->inv),
                  off = _mm256_set1_pd(t->off), zero = _mm256_setzero_pd(),
                  one = _mm256_set1_pd(1.0), inf = _mm256_set1_pd(INFINITY),
                  absm = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7FFFFFFFFFFFFFFFLL));
    const __m256i base = _mm256_set1_epi32((int)t->base),
                  last = _mm256_set1_epi32(HEAT_BUCKETS - 1), none = _mm256_setzero_si256();
    const __m128i shift = _mm_cvtsi32_si128(t->shift);
    int i = i0;
    for (; i + 8 <= i1; i += 8) {
        __m256d v0 = _mm256_loadu_pd(src + i), v1 = _mm256_loadu_pd(src + i + 4);
        __m256d u0 = _mm256_mul_pd(_mm256_sub_pd(v0, lo), inv);
        __m256d u1 = _mm256_mul_pd(_mm256_sub_pd(v1, lo), inv);
        u0 = _mm256_min_pd(_mm256_max_pd(u0, zero), one); /* NaN goes to 0 */
        u1 = _mm256_min_pd(_mm256_max_pd(u1, zero), one);
        __m256 f = _mm256_set_m128(_mm256_cvtpd_ps(_mm256_add_pd(u1, off)),
                                   _mm256_cvtpd_ps(_mm256_add_pd(u0, off)));
        __m256i b = _mm256_sub_epi32(_mm256_castps_si256(f), base);
        b = _mm256_min_epu32(_mm256_srl_epi32(b, shift), last);
        __m256i c = _mm256_i32gather_epi32((const int *)t->col, b, 4);
        _mm256_storeu_si256((__m256i *)(dst + i), c);
        int fin = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_and_pd(v0, absm), inf, _CMP_LT_OQ)) |
                  _mm256_movemask_pd(_mm256_cmp_pd(_mm256_and_pd(v1, absm), inf, _CMP_LT_OQ)) << 4;
        int look = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(c, none)));
        redo(t, lut, src, dst, i, (unsigned)(look | ~fin) & 0xFFu, x0, y);
    }
    return i;
}

/* log2 of 16 positive, normal, finite floats: y = 2^e m with m in [√½, √2),
 * ln m = 2 atanh(s) = 2s(1 + s²/3 + s⁴/5 + s⁶/7), s = (m - 1)/(m + 1), |s| < 0.172
 * (the next term is below 3e-8); about 1e-6 from the true value in all, float
 * rounding included. */
AVX512 static inline __m512 log2_16(__m512 y)
{
    __m512 m = _mm512_getmant_ps(y, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_src);
    __m512 e = _mm512_getexp_ps(y);
    __mmask16 big = _mm512_cmp_ps_mask(m, _mm512_set1_ps(1.41421356f), _CMP_GE_OQ);
    m = _mm512_mask_mul_ps(m, big, m, _mm512_set1_ps(0.5f));
    e = _mm512_mask_add_ps(e, big, e, _mm512_set1_ps(1.0f));
    const __m512 one = _mm512_set1_ps(1.0f);
    __m512 s = _mm512_div_ps(_mm512_sub_ps(m, one), _mm512_add_ps(m, one));
    __m512 z = _mm512_mul_ps(s, s);
    __m512 p = _mm512_fmadd_ps(z, _mm512_set1_ps(1.0f / 7), _mm512_set1_ps(1.0f / 5));
    p = _mm512_fmadd_ps(p, z, _mm512_set1_ps(1.0f / 3));
    p = _mm512_fmadd_ps(p, z, one);
    return _mm512_fmadd_ps(_mm512_mul_ps(s, p), _mm512_set1_ps(2.8853900817779268f), e);
}

/* The entries of src[0..15], clamped to [0, 255]; *look gets the lanes whose x
 * is within t->tol of a whole number (see HeatLut), *bad the undefined ones. */
AVX512 static inline __m512i entries16(const HeatLut *t, const double *src, __mmask16 *look,
                                       __mmask16 *bad)
{
    const __m512d lo = _mm512_set1_pd(t->lo), inv = _mm512_set1_pd(t->inv),
                  zero = _mm512_setzero_pd(), one = _mm512_set1_pd(1.0),
                  inf = _mm512_set1_pd(INFINITY);
    __m512d v0 = _mm512_loadu_pd(src), v1 = _mm512_loadu_pd(src + 8);
    __mmask8 f0 = _mm512_cmp_pd_mask(_mm512_abs_pd(v0), inf, _CMP_LT_OQ);
    __mmask8 f1 = _mm512_cmp_pd_mask(_mm512_abs_pd(v1), inf, _CMP_LT_OQ);
    *bad = (__mmask16)~(f0 | (unsigned)f1 << 8);
    /* max then min, as heat_bucket: NaN goes to 0 */
    __m512d u0 = _mm512_min_pd(_mm512_max_pd(_mm512_mul_pd(_mm512_sub_pd(v0, lo), inv), zero), one);
    __m512d u1 = _mm512_min_pd(_mm512_max_pd(_mm512_mul_pd(_mm512_sub_pd(v1, lo), inv), zero), one);
    __m512 x;
    if (t->log) {
        __m512d off = _mm512_set1_pd(t->off);
        __m512 w = _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(_mm512_add_pd(u0, off))),
                                      _mm512_cvtpd_ps(_mm512_add_pd(u1, off)), 1);
        x = _mm512_fmadd_ps(log2_16(w), _mm512_set1_ps(t->a), _mm512_set1_ps(t->b));
    } else {
        __m512 w = _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(u0)),
                                      _mm512_cvtpd_ps(u1), 1);
        x = _mm512_fmadd_ps(w, _mm512_set1_ps(t->a), _mm512_set1_ps(t->b));
    }
    __m512 fl = _mm512_roundscale_ps(x, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m512 fr = _mm512_sub_ps(x, fl);
    *look = _mm512_cmp_ps_mask(fr, _mm512_set1_ps(t->tol), _CMP_LT_OQ) |
            _mm512_cmp_ps_mask(fr, _mm512_set1_ps(1.0f - t->tol), _CMP_GT_OQ);
    __m512i k = _mm512_cvttps_epi32(fl);
    return _mm512_min_epi32(_mm512_max_epi32(k, _mm512_setzero_si512()), _mm512_set1_epi32(255));
}

/* Byte c of the colours of entries kb (64 bytes): the four quarters of the map's
 * byte table in tab[0..3], two permutes of 128 bytes, chosen by the top bit. */
AVX512 static inline __m512i channel(const __m512i tab[4], __m512i kb, __mmask64 top)
{
    return _mm512_mask_blend_epi8(top, _mm512_permutex2var_epi8(tab[0], kb, tab[1]),
                                  _mm512_permutex2var_epi8(tab[2], kb, tab[3]));
}

/* The hatch of the 16 pixels at x .. x + 15 of row y. */
AVX512 static inline __m512i hatch16(int x, int y)
{
    __m512i at = _mm512_add_epi32(_mm512_set1_epi32(x + y),
                                  _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                                    13, 14, 15));
    __mmask16 odd = _mm512_test_epi32_mask(at, _mm512_set1_epi32(4));
    return _mm512_mask_blend_epi32(odd, _mm512_set1_epi32((int)0xFF767676u),
                                   _mm512_set1_epi32((int)0xFF8C8C8Cu));
}

/* 64 pixels a step: four blocks of 16 entries packed to bytes, in the order the
 * unpacks below put back (byte 16L + 4g + j holds pixel 16g + 4L + j), each
 * channel looked up for all 64 at once, then interleaved to 0xAARRGGBB. */
AVX512 int heat_row_avx512(const HeatLut *t, const uint32_t *lut, const double *restrict src,
                           uint32_t *restrict dst, int i0, int i1, int x0, int y)
{
    unsigned char order[64];
    for (int p = 0; p < 64; p++) order[p] = (unsigned char)(16 * (p % 16 / 4) + 4 * (p / 16) + p % 4);
    const __m512i perm = _mm512_loadu_si512(order);
    __m512i tab[4][4];
    for (int c = 0; c < 4; c++)
        for (int q = 0; q < 4; q++) tab[c][q] = _mm512_loadu_si512(t->chan[c] + 64 * q);
    int i = i0;
    for (; i + 64 <= i1; i += 64) {
        __mmask16 look[4], bad[4];
        __m128i k8[4];
        for (int g = 0; g < 4; g++)
            k8[g] = _mm512_cvtepi32_epi8(entries16(t, src + i + 16 * g, &look[g], &bad[g]));
        __m512i kb = _mm512_castsi128_si512(k8[0]);
        kb = _mm512_inserti32x4(kb, k8[1], 1);
        kb = _mm512_inserti32x4(kb, k8[2], 2);
        kb = _mm512_permutexvar_epi8(perm, _mm512_inserti32x4(kb, k8[3], 3));
        __mmask64 top = _mm512_movepi8_mask(kb);
        __m512i b = channel(tab[0], kb, top), gr = channel(tab[1], kb, top);
        __m512i r = channel(tab[2], kb, top), a = channel(tab[3], kb, top);
        __m512i bg0 = _mm512_unpacklo_epi8(b, gr), bg1 = _mm512_unpackhi_epi8(b, gr);
        __m512i ra0 = _mm512_unpacklo_epi8(r, a), ra1 = _mm512_unpackhi_epi8(r, a);
        __m512i out[4] = {_mm512_unpacklo_epi16(bg0, ra0), _mm512_unpackhi_epi16(bg0, ra0),
                          _mm512_unpacklo_epi16(bg1, ra1), _mm512_unpackhi_epi16(bg1, ra1)};
        uint64_t again = 0;
        for (int g = 0; g < 4; g++) {
            if (bad[g])
                out[g] = _mm512_mask_mov_epi32(out[g], bad[g], hatch16(x0 + i + 16 * g, y));
            _mm512_storeu_si512(dst + i + 16 * g, out[g]);
            again |= (uint64_t)(look[g] & (__mmask16)~bad[g]) << (16 * g);
        }
        redo(t, lut, src, dst, i, again, x0, y);
    }
    return i;
}
#endif
