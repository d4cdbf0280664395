/* The stages `losscape bench` times (bench.c parses the options, times each stage
 * and prints the table): sampling the field, the heat-map, tracing and drawing
 * contours, recomputing paths, the whole figure cold, warm and panned, a typed
 * surface, data surfaces and basins. Each stage is one row of the table at the
 * end, a function of the shared Bench and an argument. */
#include <math.h>
#include <stddef.h>

#include "cli/bench_impl.h"
#include "core/heat.h"

/* Starts at the centres of a side x side grid over the view; every step runs. The
 * paths are shared among OpenMP threads as app_recompute shares the window's. */
void bench_stages_paths(const Bench *b, TrajPoint *pts, int n, Trajectory *out)
{
    View v = b->s->view;
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = BENCH_LR});
    Vec2 centre = view_centre(v);
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

/* ---- the stages: each returns 0, or -1 when memory runs out ------------ */

/* The whole canvas, in pixels. */
static Rect whole(const Bench *b)
{
    return (Rect){0, 0, b->w, b->h};
}

/* The field sampled over the default view, without drawing. */
static int sample(Bench *b, int arg)
{
    (void)arg;
    return field_sample(&b->field, b->s, b->s->view, b->w, b->h);
}

/* The cached field drawn again in mode `mode` (PLOT_HEAT: the heat-map colour
 * mapping; PLOT_CONTOUR: the contours over the background fill). plot_draw_surface
 * may keep the picture it drew and copy it while nothing changed; marking the
 * cache stale makes it draw again from the field and the contours, which stay in
 * place (only plot_update would resample them). */
static int redraw(Bench *b, int mode)
{
    plot_invalidate(&b->plot);
    plot_draw_surface(&b->canvas, whole(b), &b->plot,
                      mode == PLOT_CONTOUR ? &b->contour : &b->heat);
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

/* Contours of the cached field traced into the stage's own segments. */
static int trace(Bench *b, int arg)
{
    (void)arg;
    const PlotCache *p = &b->plot;
    if (contour_trace(&b->cs, p->field.v, b->w, b->h, p->level, p->nlevels) < 0)
        return -1;
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

/* n paths recomputed, as after a start or the learning rate changes. */
static int rerun(Bench *b, int n)
{
    bench_stages_paths(b, b->pts, n, NULL);
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

/* ---- the table -------------------------------------------------------- */

/* clang-format off */
static const BenchStage stages[] = {
    {"field_sample", "field sample (eval)", sample, 0, 0},
    {"heat_map", "heat-map colour mapping", redraw, PLOT_HEAT, 0},
    {"field_heat", "field sample + heat-map, fused", sample_heat, 0, 0},
    {"contour_trace", "contour trace, 20 levels", trace, 0, 0},
    {"contour_draw", "contour draw incl. background fill", redraw, PLOT_CONTOUR, 0},
    {"field_heat_contours", "field + heat + 20 contours", recompute, 0, 0},
    {"paths_16x5000", "paths 16 x 5000 steps (gd)", rerun, 16, 0},
    {"paths_64x5000", "paths 64 x 5000 steps (gd)", rerun, 64, 0},
    {"figure_cold", "figure, cache invalidated (pan/zoom)", draw_figure, 1, 0},
    {"figure_warm", "figure, cache warm (slider moves)", draw_figure, 0, 0},
    {"figure_pan", "figure after a pan by whole pixels", pan_figure, 0, 0},
    {"field_typed", "field sample, rosenbrock typed (expr)", sample_typed, 0, 0},
    {"data_surface", "data surface (neuron-xent), field+heat+contours", data_surface, 0, 0},
    {"data_surface_100", "data surface (neuron-xent, n = 100)", data_surface, 1, 0},
    {"data_mlp_100", "data surface (mlp-slice, n = 100)", data_surface, 2, 0},
    {"basins_512", "basins 512x512 x 1000 steps (himmelblau)", basins, 0, 1},
};
/* clang-format on */

#define NSTAGE ((int)(sizeof stages / sizeof stages[0]))

/* Rows are fixed at compile time; a negative i is past the end too. */
const BenchStage *bench_stages_at(int i)
{
    return i >= 0 && i < NSTAGE ? &stages[i] : NULL;
}
