/* Random starts: reproducible for a seed, different across seeds, and with the
 * requested centre and spread (mean and standard deviation of many draws). */
#include "testutil.h"

#include <string.h>

#include "core/init.h"

static void test_reproducible(void **unused)
{
    (void)unused;
    Vec2 a[16], b[16], c[16];
    init_gaussian((Vec2){1, 2}, 0.5, 16, 7, a);
    init_gaussian((Vec2){1, 2}, 0.5, 16, 7, b);
    init_gaussian((Vec2){1, 2}, 0.5, 16, 8, c);
    assert_memory_equal(a, b, sizeof a);
    assert_true(memcmp(a, c, sizeof a) != 0);
    /* the first k of more draws are the same draws */
    Vec2 d[32];
    init_gaussian((Vec2){1, 2}, 0.5, 32, 7, d);
    assert_memory_equal(a, d, sizeof a);
}

static void test_moments(void **unused)
{
    (void)unused;
    enum { N = 200000 };
    static Vec2 p[N];
    init_gaussian((Vec2){3, -1}, 2.5, N, 1, p);
    double mx = 0, my = 0, vx = 0, vy = 0, cxy = 0;
    for (int i = 0; i < N; i++) mx += p[i].x / N, my += p[i].y / N;
    for (int i = 0; i < N; i++) {
        vx += (p[i].x - mx) * (p[i].x - mx) / N;
        vy += (p[i].y - my) * (p[i].y - my) / N;
        cxy += (p[i].x - mx) * (p[i].y - my) / N;
    }
    /* standard errors: 2.5/sqrt(N) = 0.0056 for the means, ~1% for the variances */
    assert_true(fabs(mx - 3) < 0.03 && fabs(my + 1) < 0.03);
    assert_true(fabs(sqrt(vx) - 2.5) < 0.02 && fabs(sqrt(vy) - 2.5) < 0.02);
    assert_true(fabs(cxy) < 0.05);
    int in1 = 0; /* about 39.3% of a 2-D Gaussian lies within one sigma */
    for (int i = 0; i < N; i++) in1 += hypot(p[i].x - 3, p[i].y + 1) < 2.5;
    assert_true(fabs(in1 / (double)N - (1 - exp(-0.5))) < 0.01);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reproducible),
        cmocka_unit_test(test_moments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
