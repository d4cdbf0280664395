/* `losscape bench`: times every stage of a frame headless (sampling the field, the
 * heat-map, tracing and drawing contours, recomputing paths, the whole figure cold
 * and warm) and prints the median and minimum of N repeats in milliseconds.
 * scripts/bench.sh sets the comparable rows beside numpy + matplotlib. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <math.h>
#include <omp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/figure.h"
#include "cli/cli.h"
#include "core/basins.h"
#include "core/data.h"
#include "core/data_gen.h"
#include "core/expr.h"
#include "core/heat.h"
#include "config.h"
#include "gfx/text.h"

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
#define BENCH_DATA       "neuron-xent" /* the data surface timed (n = 10) */
#define BENCH_DATA_N     100  /* and its model on a generated set of this many samples */
#define BENCH_DATA_SEED  6    /* the generated set's seed */
#define BENCH_BASINS     512  /* basins: starts a side, of himmelblau, 1000 steps */
#define BENCH_SLOW       5    /* repeats of the slow stages (basins) at most */

typedef struct {
    /* what is timed (the options) */
    const Surface *s; /* --surface */
    int w, h;         /* --size: canvas and field, pixels */
    int repeat;       /* --repeat: timed runs per stage */
    int csv, help;    /* --csv, --help */
    /* buffers the stages work in, made by setup() */
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
    Text *text;    /* fonts, as `render` opens them */
    double *times; /* `repeat` samples of the stage being timed, ms */
    Expr *expr;    /* rosenbrock typed as an expression */
    Surface typed; /* its surface */
    PlotCache data; /* a data surface's field, heat-map and contours */
    DataGen *gen;   /* BENCH_DATA's model on BENCH_DATA_N generated samples */
    BasinsCell *cells; /* BENCH_BASINS^2 basins */
} Bench;

/* ---- options ------------------------------------------------------------- */

typedef int (*ParseFn)(Bench *b, const char *v, char *err, int n);

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

static int p_surface(Bench *b, const char *v, char *err, int n)
{
    b->s = surface_find(v);
    if (b->s) return 0;
    int len = snprintf(err, n, "unknown surface '%s'; one of", v);
    for (int i = 0; i < surface_count() && len < n; i++)
        len += snprintf(err + len, n - len, " %s", surface_at(i)->name);
    return -1;
}

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

/* ---- stages -------------------------------------------------------------- */

/* Runs n gd paths of BENCH_STEPS steps into pts (n runs of BENCH_STEPS + 1 points)
 * from the centres of a grid of starts over the view; every step runs. The paths
 * are shared among OpenMP threads as app_recompute shares the window's. */
static void run_paths(const Bench *b, TrajPoint *pts, int n, Trajectory *out)
{
    View v = b->s->view;
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = BENCH_LR});
    Vec2 centre = {(v.x0 + v.x1) / 2, (v.y0 + v.y1) / 2};
    int side = (int)ceil(sqrt(n));
#pragma omp parallel for schedule(dynamic, 4)
    for (int i = 0; i < n; i++) {
        Vec2 start = {v.x0 + (i % side + 0.5) / side * (v.x1 - v.x0),
                      v.y0 + (i / side + 0.5) / side * (v.y1 - v.y0)};
        Trajectory t = {pts + (size_t)i * (BENCH_STEPS + 1), BENCH_STEPS + 1, 0,
                        TRAJ_RUNNING};
        traj_run(&t, b->s, &cfg, start, BENCH_STEPS, centre, TRAJ_STOP_FINITE);
        if (out) out[i] = t;
    }
}

typedef int (*StageFn)(Bench *b, int arg);

static Rect whole(const Bench *b)
{
    return (Rect){0, 0, b->w, b->h};
}

static int sample(Bench *b, int arg)
{
    (void)arg;
    return field_sample(&b->field, b->s, b->s->view, b->w, b->h);
}

/* plot_draw_surface may keep the picture it drew and copy it while nothing
 * changed; marking the cache stale makes it draw again from the field and the
 * contours, which stay in place (only plot_update would resample them). */
static int colour_map(Bench *b, int arg)
{
    (void)arg;
    plot_invalidate(&b->plot);
    plot_draw_surface(&b->canvas, whole(b), &b->plot, &b->heat);
    return 0;
}

/* Evaluation and colour mapping fused (heat_sample): each row coloured by the
 * thread that sampled it, straight into the canvas: issue 6 wants <= 3 ms. */
static int sample_heat(Bench *b, int arg)
{
    (void)arg;
    return heat_sample(&b->canvas, whole(b), &b->field, b->s, b->s->view,
                       b->s->log_default, CMAP_VIRIDIS);
}

static int trace(Bench *b, int arg)
{
    (void)arg;
    const PlotCache *p = &b->plot;
    if (contour_trace(&b->cs, p->field.v, b->w, b->h, p->level, p->nlevels) < 0)
        return -1;
    return 0;
}

static int draw_lines(Bench *b, int arg)
{
    (void)arg;
    plot_invalidate(&b->plot);
    plot_draw_surface(&b->canvas, whole(b), &b->plot, &b->contour);
    return 0;
}

/* Field, heat-map and contours recomputed and drawn, as after a pan or a zoom. */
static int recompute(Bench *b, int arg)
{
    (void)arg;
    plot_invalidate(&b->plot);
    if (plot_update(&b->plot, b->s, b->s->view, b->w, b->h, &b->both) != 0) return -1;
    plot_draw_surface(&b->canvas, whole(b), &b->plot, &b->both);
    return 0;
}

static int rerun(Bench *b, int n)
{
    run_paths(b, b->pts, n, NULL);
    return 0;
}

/* Draws the whole figure of the benchmark's surface over view v: its paths, the
 * figure cache as it stands. */
static int draw_view(Bench *b, View v)
{
    Figure f = {.surface = b->s,
                .view = v,
                .style = &b->both,
                .cache = &b->fig,
                .paths = b->paths,
                .npaths = BENCH_FIG_PATHS,
                .labels = b->lp,
                .scale = 1.0};
    return figure_draw(&b->canvas, whole(b), b->text, &f);
}

/* The whole figure; `cold`: its cache invalidated first, as after a pan or zoom. */
static int draw_figure(Bench *b, int cold)
{
    if (cold) plot_invalidate(&b->fig);
    return draw_view(b, b->s->view);
}

/* The whole figure after a pan by whole pixels (7 right, 5 up, then back): the
 * field keeps what stays in view (field_pan), the rest is recomputed. */
static int pan_figure(Bench *b, int arg)
{
    (void)arg;
    View v = b->s->view;
    Rect p = figure_plot_rect(whole(b), v, 1.0);
    double dx = (v.x1 - v.x0) / p.w * 7, dy = (v.y1 - v.y0) / p.h * 5;
    b->panned = !b->panned;
    if (b->panned) v = (View){v.x0 + dx, v.x1 + dx, v.y0 + dy, v.y1 + dy};
    return draw_view(b, v);
}

/* The same grid sampled from the typed expression: issue 6 wants <= 2x built in. */
static int sample_typed(Bench *b, int arg)
{
    (void)arg;
    return field_sample(&b->field, &b->typed, b->typed.view, b->w, b->h);
}

/* A data surface's whole surface picture after a pan or zoom: BENCH_DATA's own
 * (arg 0), the same model on BENCH_DATA_N samples (1), or mlp-slice (2; n = 100,
 * interpolated on its grid). */
static int data_surface(Bench *b, int arg)
{
    const Surface *s = arg == 1   ? data_gen_surface(b->gen)
                       : arg == 2 ? surface_find("mlp-slice")
                                  : surface_find(BENCH_DATA);
    plot_invalidate(&b->data);
    if (plot_update(&b->data, s, s->view, b->w, b->h, &b->both) != 0) return -1;
    plot_draw_surface(&b->canvas, whole(b), &b->data, &b->both);
    return 0;
}

/* Basins of himmelblau: BENCH_BASINS^2 starts, 1000 steps each at most. */
static int basins(Bench *b, int arg)
{
    (void)arg;
    BasinsJob j;
    const Surface *s = surface_find("himmelblau");
    OptimConfig cfg = optim_config(OPTIM_GD);
    basins_init(&j, s, &cfg, s->view, BENCH_BASINS, 1000, b->cells);
    basins_run_rows(&j, 0, BENCH_BASINS);
    return 0;
}

static const struct {
    const char *key;   /* the --csv name */
    const char *label; /* the table's name */
    StageFn run;
    int arg;
} stages[] = {
    {"field_sample", "field sample (eval)", sample, 0},
    {"heat_map", "heat-map colour mapping", colour_map, 0},
    {"field_heat", "field sample + heat-map, fused", sample_heat, 0},
    {"contour_trace", "contour trace, 20 levels", trace, 0},
    {"contour_draw", "contour draw incl. background fill", draw_lines, 0},
    {"field_heat_contours", "field + heat + 20 contours", recompute, 0},
    {"paths_16x5000", "paths 16 x 5000 steps (gd)", rerun, 16},
    {"paths_64x5000", "paths 64 x 5000 steps (gd)", rerun, 64},
    {"figure_cold", "figure, cache invalidated (pan/zoom)", draw_figure, 1},
    {"figure_warm", "figure, cache warm (slider moves)", draw_figure, 0},
    {"figure_pan", "figure after a pan by whole pixels", pan_figure, 0},
    {"field_typed", "field sample, rosenbrock typed (expr)", sample_typed, 0},
    {"data_surface", "data surface (neuron-xent), field+heat+contours", data_surface, 0},
    {"data_surface_100", "data surface (neuron-xent, n = 100)", data_surface, 1},
    {"data_mlp_100", "data surface (mlp-slice, n = 100)", data_surface, 2},
    {"basins_512", "basins 512x512 x 1000 steps (himmelblau)", basins, 0},
};

#define NSTAGE ((int)(sizeof stages / sizeof stages[0]))

/* ---- timing -------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Times stage k: one untimed run first (page faults, the text cache), then
 * b->repeat timed runs. Stores the median and the minimum in ms; returns 0, or -1
 * when memory runs out. */
static int measure(Bench *b, int k, double *median, double *min)
{
    int repeat = stages[k].run == basins && b->repeat > BENCH_SLOW ? BENCH_SLOW : b->repeat;
    if (stages[k].run(b, stages[k].arg) != 0) return -1;
    for (int r = 0; r < repeat; r++) {
        double t0 = now_ms();
        if (stages[k].run(b, stages[k].arg) != 0) return -1;
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
    run_paths(b, b->pts + (size_t)BENCH_MAX_PATHS * (BENCH_STEPS + 1), BENCH_FIG_PATHS,
              t);
    for (int i = 0; i < BENCH_FIG_PATHS; i++) {
        b->paths[i] = (PlotPath){t[i].pts, t[i].len, plot_path_color(i),
                                 t[i].status == TRAJ_DIVERGED, 0};
        traj_describe(&t[i], b->labels[i], sizeof b->labels[i]);
        b->lp[i] = b->labels[i];
    }
    return 0;
}

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
               "%d OpenMP threads\n%-38s %10s %10s\n",
               b->w, b->h, b->s->name, scale, b->repeat, omp_get_max_threads(), "stage",
               "median ms", "min ms");
    for (int k = 0; k < NSTAGE; k++) {
        double med, min;
        if (measure(b, k, &med, &min) != 0) {
            fprintf(stderr, "losscape bench: %s: out of memory\n", stages[k].key);
            return 1;
        }
        if (b->csv)
            printf("%s,%.3f,%.3f\n", stages[k].key, med, min);
        else
            printf("%-38s %10.2f %10.2f\n", stages[k].label, med, min);
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
