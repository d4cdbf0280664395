/* Frame-time statistics: a fixed ring of durations (nothing is allocated while
 * frames run) and nearest-rank percentiles over it, printed by the window's
 * --stats and checked by make bench against issue 6's targets. */
#include "stats.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

Stats stats_init(double *buf, int cap)
{
    assert(buf && cap >= 1);
    return (Stats){.ms = buf, .cap = cap};
}

void stats_add(Stats *s, double ms)
{
    s->ms[s->next] = ms;
    s->next = (s->next + 1) % s->cap;
    if (s->n < s->cap) s->n++;
    if (s->count == 0 || ms > s->max) s->max = ms;
    s->count++;
}

double stats_percentile(const double *sorted, int n, double p)
{
    if (n <= 0) return 0;
    int rank = (int)ceil(p / 100 * n); /* 1-based */
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return sorted[rank - 1];
}

/* qsort's order for doubles (NaN does not occur: durations come from a clock). */
static int ascending(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

StatsSummary stats_summary(Stats *s)
{
    qsort(s->ms, (size_t)s->n, sizeof *s->ms, ascending);
    s->next = s->n % s->cap;
    return (StatsSummary){s->count, stats_percentile(s->ms, s->n, 50),
                          stats_percentile(s->ms, s->n, 90),
                          stats_percentile(s->ms, s->n, 99), s->count ? s->max : 0};
}
