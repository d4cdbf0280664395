/* The window's own frame times (--stats): every presented frame timed as a whole
 * and part by part, the interval between presents while something animates, and
 * main() to the first present; one line on stderr at exit. */
#ifndef LOSSCAPE_FRAMETIME_H
#define LOSSCAPE_FRAMETIME_H

#include <stdint.h>
#include <stdio.h>

#include "core/stats.h"

typedef struct FrameTime FrameTime;

/* Returns an empty record whose first frame is timed from t0 (SDL's performance
 * counter at the entry of main()), or NULL when memory runs out. Caller-owned:
 * frametime_free. Every other function is a no-op when given NULL. */
FrameTime *frametime_new(uint64_t t0);

/* Frees the record; NULL is a no-op. */
void frametime_free(FrameTime *ft);

/* A frame begins now; waited: it begins after a wait for an event, so the time
 * since the last present is no animation interval. */
void frametime_begin(FrameTime *ft, int waited);

/* The frame's part `part` ends now: the time since the frame began or its last
 * part ended is added to it. */
void frametime_part(FrameTime *ft, StatsPart part);

/* The frame is presented: its whole time and its parts are recorded. Never
 * allocates. */
void frametime_end(FrameTime *ft);

/* Prints the --stats line (README, "Speed") on f, naming the renderer and ending
 * with `choice` (window_choice: why that renderer). Call once, at exit: it sorts
 * what it holds. */
void frametime_report(FrameTime *ft, const char *renderer, const char *choice, FILE *f);

#endif
