/* Shared by the cmocka unit tests: includes in the order cmocka needs, a
 * relative-closeness check and a reproducible random number. */
#ifndef LOSSCAPE_TESTUTIL_H
#define LOSSCAPE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

/* Fails the test unless |a - b| <= tol * max(1, |a|, |b|). */
#define assert_close(a, b, tol)                                                       \
    do {                                                                              \
        double a_ = (a), b_ = (b);                                                    \
        double s_ = fmax(1.0, fmax(fabs(a_), fabs(b_)));                              \
        if (!(fabs(a_ - b_) <= (tol) * s_))                                           \
            fail_msg("%s = %.17g, expected %.17g (tol %g)", #a, a_, b_, (double)(tol)); \
    } while (0)

/* A deterministic pseudo-random number in [0, 1) from state *s (a 32-bit linear
 * congruential generator): the same sequence on every machine. */
static inline double rnd(unsigned *s)
{
    *s = *s * 1664525u + 1013904223u;
    return (*s >> 8) / 16777216.0;
}

#endif
