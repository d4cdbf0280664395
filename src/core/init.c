/* Gaussian start points: core/rng's xorshift64* for uniform numbers and the
 * Box-Muller transform for normal ones, so that a seed means the same starts on
 * every machine and C library. */
#include "init.h"

#include <math.h>

#include "rng.h"

/* 53 random bits in (0, 1), centred in their step: never 0, so the logarithm
 * below is finite (the starts' own rounding, kept so old seeds draw the same). */
static double uniform(uint64_t *st) { return ((rng_next(st) >> 11) + 0.5) / 9007199254740992.0; }

void init_gaussian(Vec2 centre, double scale, int k, unsigned long seed, Vec2 *out)
{
    uint64_t st = seed * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull;
    for (int i = 0; i < k; i++) {
        double r = sqrt(-2 * log(uniform(&st))), a = 2 * 3.14159265358979323846 * uniform(&st);
        out[i] = (Vec2){centre.x + scale * r * cos(a), centre.y + scale * r * sin(a)};
    }
}
