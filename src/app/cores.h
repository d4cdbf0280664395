/* How the window shares the machine's cores: OpenMP threads that sleep rather than
 * spin while they wait, and the data surfaces' one-time work on a background
 * thread. SDL-free; main.c calls these around its frame loop. */
#ifndef LOSSCAPE_CORES_H
#define LOSSCAPE_CORES_H

#include <stdint.h>
#include <threads.h>

/* The prefetch of data_init (see cores_prefetch_start); zero is "not started". */
typedef struct {
    thrd_t thread;
    int state;      /* 0 not started, 1 running or done (join it), -1 not startable */
    int background; /* nonzero: one OpenMP thread, run only when a core is idle */
} CoresPrefetch;

/* Runs this program again (execv of /proc/self/exe with argv, Linux only) with
 * OMP_WAIT_POLICY=passive and t0, the clock at the entry of main(), in
 * LOSSCAPE_T0; returns only when the user set OMP_WAIT_POLICY or GOMP_SPINCOUNT,
 * or when it cannot (then nothing changed). Call it before any OpenMP work. */
void cores_wait_passive(char **argv, uint64_t t0);

/* Returns the clock at the entry of the first main(): the LOSSCAPE_T0 handed over
 * by cores_wait_passive (then removed from the environment) if it is a number
 * not after now, else now (the same clock, read at the entry of main()). */
uint64_t cores_start_time(uint64_t now);

/* Starts data_init on a thread of its own once (later calls do nothing): in the
 * background (one OpenMP thread in Linux's idle scheduling class) or, when a
 * frame is about to wait for it, on every core. If no thread can be made, the
 * first use of the data does the work. */
void cores_prefetch_start(CoresPrefetch *p, int background);

/* Waits for the prefetch if it was started (at most its ~0.25 s). */
void cores_prefetch_join(CoresPrefetch *p);

#endif
