/* A small seeded generator of our own (xorshift64*), so a seed draws the same
 * numbers on every machine and C library: mini-batches, random starts, the
 * networks' data and weights. The state is the caller's, nonzero. */
#ifndef LOSSCAPE_RNG_H
#define LOSSCAPE_RNG_H

#include <stdint.h>

/* Advances *s and returns the next 64 random bits. */
uint64_t rng_next(uint64_t *s);

/* Returns a uniform number in (0, 1]: 53 random bits, never 0. */
double rng_uniform(uint64_t *s);

/* Returns a standard normal number (Box–Muller over two rng_uniform draws). */
double rng_gauss(uint64_t *s);

#endif
