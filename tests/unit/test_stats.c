/* Unit tests of src/core/stats.c: nearest-rank percentiles, the ring that keeps
 * the latest samples, and the maximum over every sample. */
#include "testutil.h"

#include "core/stats.h"

static const struct {
    double v[10];
    int n;
    double p;
    double want;
} cases[] = {
    {{5}, 1, 50, 5},          {{5}, 1, 99, 5},
    {{1, 2}, 2, 50, 1},       {{1, 2}, 2, 51, 2},
    {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 50, 5},
    {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 90, 9},
    {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 99, 10},
    {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 100, 10},
    {{0}, 0, 50, 0},
};

static void test_percentile(void **state)
{
    (void)state;
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_float_equal(stats_percentile(cases[i].v, cases[i].n, cases[i].p),
                           cases[i].want, 0);
}

static void test_summary(void **state)
{
    (void)state;
    double buf[100];
    Stats s = stats_init(buf, 100);
    for (int i = 100; i >= 1; i--) stats_add(&s, i); /* 100, 99, ..., 1 */
    StatsSummary m = stats_summary(&s);
    assert_int_equal(m.count, 100);
    assert_float_equal(m.p50, 50, 0);
    assert_float_equal(m.p90, 90, 0);
    assert_float_equal(m.p99, 99, 0);
    assert_float_equal(m.max, 100, 0);
}

static void test_ring(void **state)
{
    (void)state;
    double buf[4];
    Stats s = stats_init(buf, 4);
    StatsSummary e = stats_summary(&s);
    assert_int_equal(e.count, 0);
    assert_float_equal(e.max, 0, 0);
    const double v[] = {50, 1, 2, 3, 4, 5};
    for (int i = 0; i < 6; i++) stats_add(&s, v[i]);
    StatsSummary m = stats_summary(&s);
    assert_int_equal(m.count, 6);
    assert_int_equal(s.n, 4);
    assert_float_equal(m.p50, 3, 0); /* of 2 3 4 5: the oldest two are gone */
    assert_float_equal(m.p99, 5, 0);
    assert_float_equal(m.max, 50, 0); /* the maximum covers every sample */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentile),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_ring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
