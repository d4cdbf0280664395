/* Private to bench.c and bench_stages.c: the benchmark's sizes, the Bench state
 * both work on, and the stage table bench_stages.c defines (one row per timed
 * stage, a function and its argument). Not for other modules. */
#ifndef LOSSCAPE_BENCH_IMPL_H
#define LOSSCAPE_BENCH_IMPL_H

#include <stdint.h>

#include "app/figure.h"
#include "core/basins.h"
#include "core/data_gen.h"
#include "core/expr.h"

#define BENCH_SURFACE    "rosenbrock" /* default --surface */
#define BENCH_W          1920         /* default --size */
#define BENCH_H          1080
#define BENCH_REPEAT     30 /* default --repeat [1..BENCH_MAX_REPEAT] */
#define BENCH_MAX_REPEAT 100000
#define BENCH_LEVELS     20   /* contour levels traced */
#define BENCH_STEPS      5000 /* steps per path, as the window precomputes */
#define BENCH_MAX_PATHS  64   /* paths of the largest trajectory stage */
#define BENCH_FIG_PATHS  16   /* paths drawn in the figure */
#define BENCH_LR         1e-4 /* small, so that no path diverges */
#define BENCH_EXPR       "(1-x)^2 + 100*(y-x^2)^2" /* rosenbrock, typed */
#define BENCH_DATA       "neuron-xent"             /* the data surface timed (n = 10) */
#define BENCH_DATA_N     100 /* and its model on a generated set of this many samples */
#define BENCH_DATA_SEED  6   /* the generated set's seed */
#define BENCH_BASINS     512 /* basins: starts a side, of himmelblau, 1000 steps */
#define BENCH_SLOW       5   /* repeats of the slow stages (basins) at most */

typedef struct {
    /* what is timed (the options) */
    const Surface *s; /* --surface */
    int w, h;         /* --size: canvas and field, pixels */
    int repeat;       /* --repeat: timed runs per stage */
    int csv, help;    /* --csv, --help */
    /* buffers the stages work in, made by setup() in bench.c */
    uint32_t *px; /* w*h pixels behind canvas */
    Canvas canvas;
    Field field;    /* stage "field_sample"'s own field */
    ContourSet cs;  /* stage "contour_trace"'s own segments */
    PlotCache plot; /* sampled and traced once, for the draw stages */
    PlotCache fig;  /* the figure's cache */
    int panned;     /* stage figure_pan: the view is moved now */
    PlotStyle heat, contour, both;
    TrajPoint *pts; /* BENCH_MAX_PATHS + BENCH_FIG_PATHS runs */
    PlotPath paths[BENCH_FIG_PATHS];
    char labels[BENCH_FIG_PATHS][48];
    const char *lp[BENCH_FIG_PATHS];
    Text *text;        /* fonts, as `render` opens them */
    double *times;     /* `repeat` samples of the stage being timed, ms */
    Expr *expr;        /* rosenbrock typed as an expression */
    Surface typed;     /* its surface */
    PlotCache data;    /* a data surface's field, heat-map and contours */
    DataGen *gen;      /* BENCH_DATA's model on BENCH_DATA_N generated samples */
    BasinsCell *cells; /* BENCH_BASINS^2 basins */
} Bench;

/* One timed stage: run(b, arg) does the work once and returns 0, or -1 when
 * memory runs out. */
typedef struct {
    const char *key;   /* the --csv name, which scripts/bench.sh matches */
    const char *label; /* the table's name */
    int (*run)(Bench *b, int arg);
    int arg;
    int slow; /* 1: timed at most BENCH_SLOW times */
} BenchStage;

/* ---- bench_stages.c ---- */

/* Returns row i of the stage table, or NULL when i is past the last row; rows are
 * in the order the table and the CSV print them. */
const BenchStage *bench_stages_at(int i);

/* Runs n gd paths of BENCH_STEPS steps into pts (n runs of BENCH_STEPS + 1 points,
 * caller-owned) from a grid of starts over b's view; out[0..n-1], when not NULL,
 * receives the trajectories. */
void bench_stages_paths(const Bench *b, TrajPoint *pts, int n, Trajectory *out);

#endif
