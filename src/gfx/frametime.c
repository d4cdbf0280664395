/* --stats: the window's frame loop marks where each frame begins, where each of
 * its parts (events, tick, draw, present) ends and when it is presented; this
 * file reads SDL's performance counter and the process's involuntary context
 * switches at those marks and hands the durations to core/stats.c, which keeps
 * the percentiles and formats the parts. Nothing here allocates after
 * frametime_new. */
#include "frametime.h"

#include <SDL.h>
#include <stdlib.h>
#include <sys/resource.h>

#define FRAMETIME_CAP 65536 /* frames kept (the latest): ~18 minutes at 60 a second */

struct FrameTime {
    StatsFrames frames;        /* per presented frame: events read to present done */
    Stats interval;            /* present to present while animating (no wait between) */
    double part[STATS_NPARTS]; /* the current frame's parts so far, ms */
    uint64_t t0;               /* main() entered */
    uint64_t begin;            /* the current frame began */
    uint64_t mark;             /* the current frame's last part ended */
    uint64_t last;             /* the last present done; 0 before the first */
    long switches;             /* involuntary context switches when the frame began */
    int waited;                /* the current frame began after a wait */
    double first_ms;           /* main() entered to the first present done */
    double buf[(STATS_NPARTS + 2) * FRAMETIME_CAP]; /* the samples of all the above */
};

/* Returns the milliseconds between two readings of the performance counter. */
static double ms(uint64_t from, uint64_t to)
{
    return (double)(to - from) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* Returns the process's involuntary context switches so far (all its threads):
 * a frame during which this grows had a thread taken off its core. */
static long switches(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_nivcsw : 0;
}

FrameTime *frametime_new(uint64_t t0)
{
    FrameTime *ft = calloc(1, sizeof *ft);
    if (!ft) return NULL;
    ft->frames = stats_frames_init(ft->buf, FRAMETIME_CAP);
    ft->interval =
        stats_init(ft->buf + (STATS_NPARTS + 1) * FRAMETIME_CAP, FRAMETIME_CAP);
    ft->t0 = t0;
    return ft;
}

void frametime_free(FrameTime *ft)
{
    free(ft);
}

void frametime_begin(FrameTime *ft, int waited)
{
    if (!ft) return;
    ft->begin = ft->mark = SDL_GetPerformanceCounter();
    ft->waited = waited;
    ft->switches = switches();
    for (int i = 0; i < STATS_NPARTS; i++)
        ft->part[i] = 0;
}

void frametime_part(FrameTime *ft, StatsPart part)
{
    if (!ft) return;
    uint64_t now = SDL_GetPerformanceCounter();
    ft->part[part] += ms(ft->mark, now);
    ft->mark = now;
}

void frametime_end(FrameTime *ft)
{
    if (!ft) return;
    uint64_t now = SDL_GetPerformanceCounter();
    if (!ft->last) ft->first_ms = ms(ft->t0, now);
    stats_frames_add(&ft->frames, ms(ft->begin, now), ft->part,
                     switches() - ft->switches);
    if (ft->last && !ft->waited) stats_add(&ft->interval, ms(ft->last, now));
    ft->last = now;
}

void frametime_report(FrameTime *ft, const char *renderer, const char *choice, FILE *f)
{
    if (!ft) return;
    StatsSummary w = stats_summary(&ft->frames.total), i = stats_summary(&ft->interval);
    char parts[512];
    stats_frames_format(&ft->frames, parts, sizeof parts);
    fprintf(f,
            "losscape stats: frames=%ld p50=%.2f p90=%.2f p99=%.2f max=%.2f "
            "intervals=%ld ip50=%.2f ip90=%.2f ip99=%.2f imax=%.2f first_frame_ms=%.1f "
            "renderer=%s %s %s\n",
            w.count, w.p50, w.p90, w.p99, w.max, i.count, i.p50, i.p90, i.p99, i.max,
            ft->first_ms, renderer, parts, choice);
}
