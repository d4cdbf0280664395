/* WIDE, for a function that GCC should also build for AVX2 and pick at run time
 * when the processor has it: twice the width of the SSE2 every x86-64 has (the
 * data surfaces' blocks in data_row.c, the expression kernels in expr_row.c).
 * Elsewhere it is nothing. In ISO C mode (-std=c11) GCC does not fuse a * b + c
 * into one rounding, so both builds give the same values. */
#ifndef LOSSCAPE_WIDE_H
#define LOSSCAPE_WIDE_H

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define WIDE __attribute__((target_clones("avx2", "default")))
#else
#define WIDE
#endif

/* WIDE_FMA: the same with fused multiply-add too (x86-64-v3: AVX2 and FMA), for
 * loops whose values need agree only to a tolerance, in files built with
 * -ffp-contract=fast (the Makefile names them): data_row.c, whose products of
 * (1 + e) per sample became one instruction each (field 19 -> 17 ms, neuron-xent
 * with n = 100 at 1920x1080). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define WIDE_FMA __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define WIDE_FMA
#endif

#endif
