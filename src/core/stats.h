/* Durations in milliseconds kept in a caller-owned ring and summarised as
 * percentiles: the window's --stats (frame times) and the benchmark. */
#ifndef LOSSCAPE_STATS_H
#define LOSSCAPE_STATS_H

typedef struct {
    double *ms; /* cap samples, caller-owned; the latest cap are kept */
    int cap;    /* capacity of ms, >= 1 */
    int n;      /* samples held, <= cap */
    int next;   /* where the next sample goes */
    long count; /* samples added in all, held or overwritten */
    double max; /* largest sample ever added */
} Stats;

/* The percentiles of a Stats: nearest rank over the held samples; max over all. */
typedef struct {
    long count;             /* samples added */
    double p50, p90, p99;   /* ms; 0 when there are none */
    double max;             /* ms; 0 when there are none */
} StatsSummary;

/* Returns an empty Stats over buf (cap doubles, cap >= 1), which it does not own. */
Stats stats_init(double *buf, int cap);

/* Adds one duration in ms; past cap it overwrites the oldest. Never allocates. */
void stats_add(Stats *s, double ms);

/* Returns the p-th percentile (0 < p <= 100) of sorted[0..n-1] by nearest rank:
 * the smallest sample with at least p % of the samples at or below it; 0 if n = 0. */
double stats_percentile(const double *sorted, int n, double p);

/* Sorts the held samples in place (the ring's order is lost: call it once, at
 * the end) and returns their summary. */
StatsSummary stats_summary(Stats *s);

#endif
