/* Gaussian start points: xorshift64* for uniform numbers and the Box-Muller
 * transform for normal ones, both written here so that a seed means the same
 * starts on every machine and C library. */
#include "init.h"

#include <math.h>

static double uniform(unsigned long long *st)
{
    *st ^= *st >> 12;
    *st ^= *st << 25;
    *st ^= *st >> 27;
    /* 53 random bits in (0, 1): never 0, so the logarithm below is finite */
    return ((*st * 2685821657736338717ull >> 11) + 0.5) / 9007199254740992.0;
}

void init_gaussian(Vec2 centre, double scale, int k, unsigned long seed, Vec2 *out)
{
    unsigned long long st = seed * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull;
    for (int i = 0; i < k; i++) {
        double r = sqrt(-2 * log(uniform(&st))), a = 2 * 3.14159265358979323846 * uniform(&st);
        out[i] = (Vec2){centre.x + scale * r * cos(a), centre.y + scale * r * sin(a)};
    }
}
