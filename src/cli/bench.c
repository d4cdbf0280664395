/* `losscape bench`: times every stage of a frame headless (sampling the field, the
 * heat-map, tracing and drawing contours, recomputing paths, the whole figure cold
 * and warm) and prints the median and minimum of N repeats in milliseconds.
 * scripts/bench.sh sets the comparable rows beside numpy + matplotlib. This file
 * is the command (options, set-up, timing, the table); the stages are in
 * bench_stages.c. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <omp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/bench_impl.h"
#include "cli/cli.h"
#include "config.h"
#include "core/data.h"

/* ---- options ------------------------------------------------------------- */

/* An option's value parser: reads v into b and returns 0, or returns -1 with what
 * was expected in err (size n); parse() adds the option's name. */
typedef int (*ParseFn)(Bench *b, const char *v, char *err, int n);

/* --size WxH: 64..CFG_MAX_SIDE pixels a side. */
static int p_size(Bench *b, const char *v, char *err, int n)
{
    int w, h, used = 0;
    if (sscanf(v, "%dx%d%n", &w, &h, &used) != 2 || v[used] || w < 64 || h < 64 ||
        w > CFG_MAX_SIDE || h > CFG_MAX_SIDE) {
        snprintf(err, n, "expected WxH with 64 <= W, H <= %d, got '%s'", CFG_MAX_SIDE, v);
        return -1;
    }
    b->w = w;
    b->h = h;
    return 0;
}

/* --surface NAME: a name from the catalogue; the error lists them all. */
static int p_surface(Bench *b, const char *v, char *err, int n)
{
    b->s = surface_find(v);
    if (b->s) return 0;
    int len = snprintf(err, n, "unknown surface '%s'; one of", v);
    for (int i = 0; i < surface_count() && len < n; i++)
        len += snprintf(err + len, n - len, " %s", surface_at(i)->name);
    return -1;
}

/* --repeat N: 1..BENCH_MAX_REPEAT timed runs. */
static int p_repeat(Bench *b, const char *v, char *err, int n)
{
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 1 || k > BENCH_MAX_REPEAT) {
        snprintf(err, n, "expected a whole number from 1 to %d, got '%s'",
                 BENCH_MAX_REPEAT, v);
        return -1;
    }
    b->repeat = (int)k;
    return 0;
}

static const struct {
    const char *name;
    ParseFn parse; /* NULL: a flag without a value */
    int offset;    /* a flag's int field in Bench */
    const char *arg, *help;
} options[] = {
    {"size", p_size, 0, "WxH", "canvas and field in pixels (1920x1080)"},
    {"surface", p_surface, 0, "NAME", "surface from `losscape list` (rosenbrock)"},
    {"repeat", p_repeat, 0, "N", "timed runs per stage, median and min kept (30)"},
    {"csv", NULL, offsetof(Bench, csv), NULL, "CSV stage,median_ms,min_ms for scripts"},
    {"help", NULL, offsetof(Bench, help), NULL, "this help"},
};

#define NOPT ((int)(sizeof options / sizeof options[0]))

/* Reads argv[0..argc-1] into b (defaults already set). Returns 0, or 2 after
 * printing one line naming the option. */
static int parse(Bench *b, int argc, char **argv)
{
    char err[512];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int k = -1;
        for (int j = 0; a[0] == '-' && a[1] == '-' && j < NOPT; j++)
            if (strcmp(a + 2, options[j].name) == 0) k = j;
        if (k < 0) {
            fprintf(stderr, "losscape bench: unknown option '%s' (see --help)\n", a);
            return 2;
        }
        if (!options[k].parse) {
            *(int *)((char *)b + options[k].offset) = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "losscape bench: --%s: missing value (%s)\n", a + 2,
                    options[k].arg);
            return 2;
        }
        if (options[k].parse(b, argv[++i], err, sizeof err) != 0) {
            fprintf(stderr, "losscape bench: --%s: %s\n", options[k].name, err);
            return 2;
        }
    }
    return 0;
}

/* Prints the usage line and the option table to stdout. */
static void usage(void)
{
    printf("usage: losscape bench [--size WxH] [--surface NAME] [--repeat N] [--csv]\n"
           "Times every stage of a frame headless (no window) over the surface's\n"
           "default view: median and minimum of N runs, in milliseconds.\n");
    for (int j = 0; j < NOPT; j++) {
        char left[64];
        const char *arg = options[j].arg ? options[j].arg : "";
        snprintf(left, sizeof left, "--%s%s%s", options[j].name, *arg ? " " : "", arg);
        printf("  %-28s %s\n", left, options[j].help);
    }
}

/* ---- timing -------------------------------------------------------------- */

/* A monotonic clock in milliseconds. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* qsort order of doubles, ascending. */
static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Times stage st: one untimed run first (page faults, the text cache), then
 * b->repeat timed runs (BENCH_SLOW at most for a slow stage). Stores the median and
 * the minimum in ms; returns 0, or -1 when memory runs out. */
static int measure(Bench *b, const BenchStage *st, double *median, double *min)
{
    int repeat = st->slow && b->repeat > BENCH_SLOW ? BENCH_SLOW : b->repeat;
    if (st->run(b, st->arg) != 0) return -1;
    for (int r = 0; r < repeat; r++) {
        double t0 = now_ms();
        if (st->run(b, st->arg) != 0) return -1;
        b->times[r] = now_ms() - t0;
    }
    qsort(b->times, (size_t)repeat, sizeof *b->times, by_value);
    int m = repeat / 2;
    *median = repeat % 2 ? b->times[m] : (b->times[m - 1] + b->times[m]) / 2;
    *min = b->times[0];
    return 0;
}

/* ---- set-up and the command ---------------------------------------------- */

/* Opens the shipped fonts; returns NULL after printing why. */
static Text *fonts(void)
{
    char err[4400];
    Text *t = text_open_shipped(err, sizeof err);
    if (!t) fprintf(stderr, "losscape bench: %s\n", err);
    return t;
}

/* Allocates the buffers, samples and traces b->plot once, opens the fonts and
 * runs the figure's paths. Returns 0, or 1 after printing why. */
static int setup(Bench *b)
{
    size_t npts = (size_t)(BENCH_MAX_PATHS + BENCH_FIG_PATHS) * (BENCH_STEPS + 1);
    b->px = malloc(sizeof *b->px * (size_t)b->w * b->h);
    b->times = malloc(sizeof *b->times * (size_t)b->repeat);
    b->pts = malloc(sizeof *b->pts * npts);
    b->cells = malloc(sizeof *b->cells * BENCH_BASINS * BENCH_BASINS);
    b->gen = data_gen_new(surface_find(BENCH_DATA), BENCH_DATA_N, BENCH_DATA_SEED);
    char err[256];
    if (!(b->expr = expr_compile(BENCH_EXPR, err, sizeof err, NULL))) {
        fprintf(stderr, "losscape bench: %s\n", err);
        return 1;
    }
    b->typed = expr_surface(b->expr);
    b->typed.view = b->s->view; /* the same grid as field_sample */
    int log = b->s->log_default;
    b->heat = (PlotStyle){PLOT_HEAT, CMAP_VIRIDIS, BENCH_LEVELS, log, 1, 0};
    b->contour = (PlotStyle){PLOT_CONTOUR, CMAP_VIRIDIS, BENCH_LEVELS, log, 1, 0};
    b->both = (PlotStyle){PLOT_BOTH, CMAP_VIRIDIS, BENCH_LEVELS, log, 1, 0};
    if (!b->px || !b->times || !b->pts || !b->cells || !b->gen ||
        plot_update(&b->plot, b->s, b->s->view, b->w, b->h, &b->both) != 0) {
        fprintf(stderr, "losscape bench: out of memory for %dx%d pixels\n", b->w, b->h);
        return 1;
    }
    b->canvas = canvas_init(b->px, b->w, b->h, b->w);
    if (!(b->text = fonts())) return 1;
    Trajectory t[BENCH_FIG_PATHS];
    bench_stages_paths(b, b->pts + (size_t)BENCH_MAX_PATHS * (BENCH_STEPS + 1),
                       BENCH_FIG_PATHS, t);
    for (int i = 0; i < BENCH_FIG_PATHS; i++) {
        b->paths[i] = (PlotPath){t[i].pts, t[i].len, plot_path_color(i),
                                 t[i].status == TRAJ_DIVERGED, 0};
        traj_describe(&t[i], b->labels[i], sizeof b->labels[i]);
        b->lp[i] = b->labels[i];
    }
    return 0;
}

/* Frees what setup made, also after it failed part-way (b zeroed first). */
static void teardown(Bench *b)
{
    text_free(b->text);
    free(b->pts);
    free(b->times);
    free(b->px);
    field_free(&b->field);
    contour_free(&b->cs);
    plot_free(&b->plot);
    plot_free(&b->fig);
    plot_free(&b->data);
    free(b->cells);
    data_gen_free(b->gen);
    expr_free(b->expr);
}

/* Times every stage and prints the table (or CSV); returns 0 or 1 (memory). */
static int run_all(Bench *b)
{
    const char *scale = b->s->log_default ? "log" : "linear";
    if (b->csv)
        printf("# size=%dx%d surface=%s scale=%s repeats=%d threads=%d\n"
               "stage,median_ms,min_ms\n",
               b->w, b->h, b->s->name, scale, b->repeat, omp_get_max_threads());
    else
        printf("losscape bench: %dx%d, surface %s (%s colour scale), %d repeats, "
               "%d OpenMP threads\n%-48s %10s %10s\n",
               b->w, b->h, b->s->name, scale, b->repeat, omp_get_max_threads(), "stage",
               "median ms", "min ms");
    const BenchStage *st;
    for (int k = 0; (st = bench_stages_at(k)); k++) {
        double med, min;
        if (measure(b, st, &med, &min) != 0) {
            fprintf(stderr, "losscape bench: %s: out of memory\n", st->key);
            return 1;
        }
        if (b->csv)
            printf("%s,%.3f,%.3f\n", st->key, med, min);
        else
            printf("%-48s %10.2f %10.2f\n", st->label, med, min);
        fflush(stdout);
    }
    return 0;
}

int bench_main(int argc, char **argv)
{
    Bench b = {.s = surface_find(BENCH_SURFACE),
               .w = BENCH_W,
               .h = BENCH_H,
               .repeat = BENCH_REPEAT};
    int rc = parse(&b, argc - 1, argv + 1);
    if (rc) return rc;
    if (b.help) {
        usage();
        return 0;
    }
    data_init(); /* train mlp-slice before anything is timed */
    if (TTF_Init() != 0) {
        fprintf(stderr, "losscape bench: cannot start SDL_ttf: %s\n", TTF_GetError());
        return 1;
    }
    rc = setup(&b);
    if (rc == 0) rc = run_all(&b);
    teardown(&b);
    TTF_Quit();
    return rc;
}