/* Frame-time statistics: a fixed ring of durations (nothing is allocated while
 * frames run) and nearest-rank percentiles over it, printed by the window's
 * --stats and checked by make bench against issue 6's targets; and a frame's
 * parts (events, tick, draw, present), so a slow frame says where it was slow. */
#include "stats.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* The parts' names in the --stats line, in StatsPart's order. */
static const char *const part_name[STATS_NPARTS] = {"events", "tick", "draw", "present"};

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

/* snprintf at buf + len (size n in all), cut short where buf ends; returns len
 * plus what snprintf returns (the length the whole text would have). */
static int append(char *buf, int n, int len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = len < n ? vsnprintf(buf + len, (size_t)(n - len), fmt, ap)
                    : vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    return len + (k > 0 ? k : 0);
}

StatsFrames stats_frames_init(double *buf, int cap)
{
    StatsFrames f = {.total = stats_init(buf, cap)};
    for (int i = 0; i < STATS_NPARTS; i++)
        f.part[i] = stats_init(buf + (i + 1) * cap, cap);
    return f;
}

void stats_frames_add(StatsFrames *f, double total, const double *part, long switches)
{
    if (f->total.count == 0 || total > f->total.max) {
        for (int i = 0; i < STATS_NPARTS; i++) f->slowest[i] = part[i];
        f->slowest_preempted = switches;
        f->slowest_frame = f->total.count + 1;
    }
    if (f->total.count > 0 && total > f->max_after_first) f->max_after_first = total;
    stats_add(&f->total, total);
    for (int i = 0; i < STATS_NPARTS; i++) stats_add(&f->part[i], part[i]);
    f->preempted += switches > 0;
}

int stats_frames_format(StatsFrames *f, char *buf, int n)
{
    int len = 0, top = 0;
    for (int i = 0; i < STATS_NPARTS; i++) {
        StatsSummary m = stats_summary(&f->part[i]);
        len = append(buf, n, len, "%s%s_p50=%.2f %s_max=%.2f", i ? " " : "",
                     part_name[i], m.p50, part_name[i], m.max);
        if (f->slowest[i] > f->slowest[top]) top = i;
    }
    int any = f->total.count > 0;
    return append(buf, n, len,
                  " slowest=%s:%.2f preempted=%ld slowest_switches=%ld slowest_frame=%ld"
                  " max_after_first=%.2f",
                  any ? part_name[top] : "none", any ? f->slowest[top] : 0.0, f->preempted,
                  f->slowest_preempted, f->slowest_frame, f->max_after_first);
}
