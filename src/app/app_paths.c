/* The App's paths: one per start and raced optimiser (plus a full-batch companion
 * on a mini-batched data surface), grouped by start; adding, removing and
 * recomputing them, random starts, and the point the charts follow. */
#include "app.h"

#include <math.h>
#include <string.h>

#include "app/strings.h"
#include "config.h"
#include "core/init.h"

OptimConfig app_path_config(const App *app, const Path *p)
{
    OptimConfig cfg = app->optim;
    cfg.kind = p->kind;
    if (p->full) cfg.batch = 0;
    return cfg;
}

/* Runs path p from its start with its optimiser; a path whose animation had
 * finished shows the whole new path, otherwise its cursor keeps its step. */
void app_run_path(const App *app, Path *p)
{
    int done = p->cursor >= p->traj.len - 1;
    OptimConfig cfg = app_path_config(app, p);
    traj_run(&p->traj, app->surface, &cfg, p->start, app->steps, view_centre(app->view),
             TRAJ_STOP_EARLY);
    if (done || p->cursor > p->traj.len - 1) p->cursor = p->traj.len - 1;
}

void app_recompute(App *app)
{
#pragma omp parallel for schedule(dynamic, 4)
    for (int i = 0; i < app->npaths; i++) app_run_path(app, &app->paths[i]);
    app->sweep_ok = 0;
    app->dirty = 1;
}

/* Returns the number of optimisers a click starts (1 without a race). */
static int racers(const App *app, OptimKind *kinds)
{
    int n = 0;
    for (int k = 0; k < OPTIM_COUNT; k++)
        if (app->race >> k & 1) kinds[n++] = k;
    if (n < 2) kinds[0] = app->optim.kind, n = 1;
    return n;
}

/* Returns nonzero when paths use mini-batches (and get full-batch companions). */
static int batching(const App *app)
{
    return app->optim.batch > 0 && app->optim.batch < app->surface->nsamples;
}

/* Adds the paths of one start (group g), each from cursor 0: one per raced
 * optimiser, and with mini-batches a full-batch companion for each. */
static int add_group(App *app, Vec2 start, int g)
{
    OptimKind kinds[OPTIM_COUNT];
    int n = racers(app, kinds), twins = batching(app) ? 2 : 1;
    if (app->npaths + n * twins > APP_MAX_PATHS) {
        app_message(app, 1, str(STR_MAX_PATHS, app->lang), APP_MAX_PATHS);
        return -1;
    }
    int first = app->npaths;
    for (int k = 0; k < n * twins; k++) {
        Path *p = &app->paths[app->npaths++];
        p->start = start;
        p->group = g;
        p->kind = kinds[k / twins];
        p->full = k % twins == 1;
        p->color = n > 1 ? (int)kinds[k / twins] : g;
        p->cursor = 0;
        app_run_path(app, p);
        p->cursor = 0;
    }
    app->selected = first;
    app->sweep_ok = 0;
    app->dirty = 1;
    return first;
}

int app_add_path(App *app, Vec2 start) { return add_group(app, start, app->next_group++); }

void app_random_starts(App *app, int k, double scale)
{
    Vec2 p[APP_MAX_PATHS];
    if (k > APP_MAX_PATHS) k = APP_MAX_PATHS;
    if (!(scale > 0)) scale = (app->view.x1 - app->view.x0) / 8;
    init_gaussian(view_centre(app->view), scale, k, app->optim.seed + app->draws++, p);
    for (int i = 0; i < k; i++)
        if (app_add_path(app, p[i]) < 0) break;
}

void app_set_race(App *app, unsigned race)
{
    Vec2 starts[APP_MAX_PATHS];
    int groups[APP_MAX_PATHS], n = 0;
    for (int i = 0; i < app->npaths; i++)
        if (i == 0 || app->paths[i].group != app->paths[i - 1].group) {
            starts[n] = app->paths[i].start;
            groups[n++] = app->paths[i].group;
        }
    app->race = race;
    app->npaths = 0;
    for (int i = 0; i < n; i++) add_group(app, starts[i], groups[i]);
    app->drag = -1;
    app->selected = app->npaths ? 0 : -1;
}

/* Removes the paths of group g, keeping their buffers for reuse at the end. */
void app_remove_group(App *app, int g)
{
    for (int i = app->npaths - 1; i >= 0; i--) {
        if (app->paths[i].group != g) continue;
        Trajectory t = app->paths[i].traj;
        memmove(&app->paths[i], &app->paths[i + 1],
                sizeof app->paths[0] * (app->npaths - i - 1));
        app->npaths--;
        app->paths[app->npaths].traj = t;
    }
    app->selected = app->npaths ? app->npaths - 1 : -1;
    app->sweep_ok = 0;
    app->dirty = 1;
}

void app_set_lr(App *app, double lr)
{
    if (!(lr > 0) || !isfinite(lr)) return;
    lr = lr < CFG_LR_MIN ? CFG_LR_MIN : lr > CFG_LR_MAX ? CFG_LR_MAX : lr;
    app->optim.lr = lr;
    app_recompute(app);
}

Vec2 app_focus(const App *app, const char **what)
{
    static const char *none = "";
    if (!what) what = &none;
    if (app->selected >= 0 && app->selected < app->npaths) {
        const Path *p = &app->paths[app->selected];
        const TrajPoint *q = &p->traj.pts[(int)floor(p->cursor)];
        *what = str(STR_FOCUS_SELECTED, app->lang);
        return (Vec2){q->x, q->y};
    }
    if (app->hover) {
        *what = str(STR_FOCUS_MOUSE, app->lang);
        return view_from_px(app->view, app->layout.plot, app->mouse);
    }
    *what = str(STR_FOCUS_CENTRE, app->lang);
    return view_centre(app->view);
}

