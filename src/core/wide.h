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

#endif
