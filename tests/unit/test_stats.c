/* Unit tests of src/core/stats.c: nearest-rank percentiles, the ring that keeps
 * the latest samples, the maximum over every sample, and a frame's parts: their
 * percentiles, the part that dominated the slowest frame, the frames preempted. */
#include "testutil.h"

#include <string.h>

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

/* Three frames, the second the slowest (drawing 41.2 of its 45 ms), two preempted. */
static void test_frames(void **state)
{
    (void)state;
    double buf[(STATS_NPARTS + 1) * 8];
    StatsFrames f = stats_frames_init(buf, 8);
    const double a[STATS_NPARTS] = {0.1, 1.0, 2.0, 0.5};
    const double b[STATS_NPARTS] = {0.2, 3.0, 41.2, 0.6};
    const double c[STATS_NPARTS] = {0.3, 2.0, 3.0, 9.0};
    stats_frames_add(&f, 3.7, a, 0);
    stats_frames_add(&f, 45.0, b, 3);
    stats_frames_add(&f, 14.5, c, 1);
    char line[512];
    int len = stats_frames_format(&f, line, sizeof line);
    assert_int_equal(len, (int)strlen(line));
    assert_string_equal(line, "events_p50=0.20 events_max=0.30 tick_p50=2.00 tick_max=3.00 "
                              "draw_p50=3.00 draw_max=41.20 present_p50=0.60 present_max=9.00 "
                              "slowest=draw:41.20 preempted=2 slowest_switches=3 "
                              "slowest_frame=2 max_after_first=45.00");
    StatsSummary t = stats_summary(&f.total);
    assert_int_equal(t.count, 3);
    assert_float_equal(t.max, 45.0, 0);
}

/* The first frame the slowest (a cold start): it is named, and the slowest of the
 * rest is kept apart. */
static void test_frames_first(void **state)
{
    (void)state;
    double buf[(STATS_NPARTS + 1) * 4];
    StatsFrames f = stats_frames_init(buf, 4);
    const double cold[STATS_NPARTS] = {0.1, 0.0, 25.0, 9.0}, warm[STATS_NPARTS] = {0};
    stats_frames_add(&f, 34.5, cold, 0);
    stats_frames_add(&f, 4.0, warm, 0);
    stats_frames_add(&f, 6.5, warm, 0);
    stats_frames_add(&f, 5.0, warm, 0);
    char line[512];
    stats_frames_format(&f, line, sizeof line);
    assert_non_null(strstr(line, " slowest=draw:25.00 "));
    assert_non_null(strstr(line, " slowest_frame=1 max_after_first=6.50"));
}

/* No frame: zeros and "none"; a short buffer is cut, not overrun, and the length of
 * the whole line is still returned. */
static void test_frames_empty(void **state)
{
    (void)state;
    double buf[STATS_NPARTS + 1];
    StatsFrames f = stats_frames_init(buf, 1);
    char line[512], cut[16];
    int len = stats_frames_format(&f, line, sizeof line);
    assert_non_null(strstr(line, " slowest=none:0.00 preempted=0 slowest_switches=0 "
                                 "slowest_frame=0 max_after_first=0.00"));
    assert_non_null(strstr(line, "draw_p50=0.00 draw_max=0.00"));
    memset(cut, 'x', sizeof cut);
    assert_int_equal(stats_frames_format(&f, cut, 10), len);
    assert_int_equal((int)strlen(cut), 9);
    assert_int_equal(cut[10], 'x');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentile),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_ring),
        cmocka_unit_test(test_frames),
        cmocka_unit_test(test_frames_first),
        cmocka_unit_test(test_frames_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
