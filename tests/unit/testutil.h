/* Shared by the cmocka unit tests: includes in the order cmocka needs, and a
 * relative-closeness check. */
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

#endif
