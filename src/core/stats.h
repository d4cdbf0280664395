/* Durations in milliseconds kept in a caller-owned ring and summarised as
 * percentiles: the window's --stats (frame times and their parts) and the
 * benchmark. */
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

/* The parts of a frame, in the order the window's frame loop runs them. */
typedef enum {
    STATS_EVENTS,  /* reading and translating the events */
    STATS_TICK,    /* app_tick: paths recomputed, the animation advanced */
    STATS_DRAW,    /* app_draw: the picture into the canvas */
    STATS_PRESENT, /* the canvas onto the screen */
    STATS_NPARTS
} StatsPart;

/* Frames timed as a whole and part by part, and the parts of the slowest frame. */
typedef struct {
    Stats total;                  /* each frame's whole time, ms */
    Stats part[STATS_NPARTS];     /* each frame's time in each part, ms */
    double slowest[STATS_NPARTS]; /* the parts of the slowest frame so far, ms */
    long preempted;               /* frames during which a thread was preempted */
    long slowest_preempted;       /* involuntary context switches in the slowest frame */
    long slowest_frame;           /* which frame was the slowest: 1 the first, 0 none */
    double max_after_first;       /* the slowest frame but the first (cold caches), ms */
} StatsFrames;

/* Returns empty StatsFrames over buf ((1 + STATS_NPARTS) * cap doubles, cap >= 1),
 * which it does not own. */
StatsFrames stats_frames_init(double *buf, int cap);

/* Adds one frame: total ms (at least the sum of the parts: the loop's own work is
 * in no part), part[STATS_NPARTS] ms, and the involuntary context switches of the
 * process during it (>= 0). Never allocates. */
void stats_frames_add(StatsFrames *f, double total, const double *part, long switches);

/* Writes "events_p50=MS events_max=MS tick_p50=... present_max=MS
 * slowest=PART:MS preempted=K slowest_switches=N slowest_frame=I
 * max_after_first=MS" into buf (size n): the percentiles of each part, the part
 * that took longest in the slowest frame with its ms there, the frames during which
 * a thread was preempted, the involuntary switches in the slowest frame, which
 * frame that was (1: the first) and the slowest frame after the first. Sorts the
 * parts' samples (call it once, at the end). Returns what snprintf returns. */
int stats_frames_format(StatsFrames *f, char *buf, int n);

#endif
