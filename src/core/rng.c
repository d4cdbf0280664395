/* xorshift64* and the two distributions drawn from it (see rng.h). */
#include "rng.h"

#include <math.h>

uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

double rng_uniform(uint64_t *s) { return ((rng_next(s) >> 11) + 1) * 0x1.0p-53; }

double rng_gauss(uint64_t *s)
{
    double u = rng_uniform(s), v = rng_uniform(s);
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}
