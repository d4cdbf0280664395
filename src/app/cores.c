/* The window's use of the cores. Two things make a frame late on a machine whose
 * cores other programs want too, and this file holds what the window does about
 * each; main.c calls it.
 *
 * OpenMP's waiting. libgomp reads its wait policy once, before main(): by
 * default a thread waiting for the next parallel region spins for ~10 ms first
 * (GOMP_SPINCOUNT 300000; measured here on 2 cores of an AMD EPYC). A frame runs
 * about six short regions; while another program wants a core, the spinning
 * threads use up their share, and each region then waits for a preempted thread,
 * up to a scheduler tick (slider frames of 40-200 ms instead of 4), while an
 * animation keeps most of a second core spinning. Passive threads sleep while
 * they wait and are woken at once. The policy cannot be changed from inside, so
 * the window runs itself again with it set (~10 ms at start-up).
 *
 * The data surfaces' one-time work (data_init: training mlp-slice's network and
 * sampling its grid, ~0.25 s on 2 cores) runs on a thread of its own, started once
 * the first frame is on the screen: the window opens without waiting for it, and
 * choosing mlp-slice later finds it done. Whatever needs it first waits for it
 * (call_once in mlp.c), so the values are the same whoever computes them. When
 * the first frame shows mlp-slice the thread starts before it and uses both
 * cores, since that frame waits for it; otherwise it stays in the background:
 * one OpenMP thread in Linux's idle scheduling class, so the first frames (a drag
 * may already be under way) keep both cores. */
#include "cores.h"

#include <omp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/data.h"

#define LINUX_SCHED_IDLE 5 /* SCHED_IDLE of <sched.h>, hidden without _GNU_SOURCE */
#define CORES_T0 "LOSSCAPE_T0" /* the first main()'s clock, across execv */

void cores_wait_passive(char **argv, uint64_t t0)
{
#ifdef __linux__
    char t[32];
    if (getenv("OMP_WAIT_POLICY") || getenv("GOMP_SPINCOUNT")) return;
    snprintf(t, sizeof t, "%llu", (unsigned long long)t0);
    if (setenv(CORES_T0, t, 1) == 0 && setenv("OMP_WAIT_POLICY", "passive", 1) == 0)
        execv("/proc/self/exe", argv);
    /* still here: carry on spinning, as if nothing had been tried */
    unsetenv(CORES_T0);
    unsetenv("OMP_WAIT_POLICY");
#else
    (void)argv, (void)t0;
#endif
}

uint64_t cores_start_time(uint64_t now)
{
    const char *s = getenv(CORES_T0);
    if (!s) return now;
    char *end;
    unsigned long long t = strtoull(s, &end, 10);
    int ok = end != s && *end == '\0' && t <= now;
    unsetenv(CORES_T0); /* s points into the environment: read before this */
    return ok ? (uint64_t)t : now;
}

/* The prefetch thread: data_init, in Linux's idle class when in the background. */
static int prefetch_run(void *arg)
{
    if (((const CoresPrefetch *)arg)->background) {
        omp_set_num_threads(1);
#ifdef __linux__
        /* Linux's idle class for this thread alone: it runs only on a core nothing
         * else wants, so it never slows a frame (at nice 10 it still did) */
        struct sched_param none = {0};
        if (sched_setscheduler(0, LINUX_SCHED_IDLE, &none) != 0)
            setpriority(PRIO_PROCESS, 0, 19);
#endif
    }
    data_init();
    return 0;
}

void cores_prefetch_start(CoresPrefetch *p, int background)
{
    if (p->state != 0) return;
    p->background = background;
    p->state = thrd_create(&p->thread, prefetch_run, p) == thrd_success ? 1 : -1;
}

void cores_prefetch_join(CoresPrefetch *p)
{
    if (p->state == 1) thrd_join(p->thread, NULL);
    p->state = 0;
}
