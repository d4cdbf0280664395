/* The App: its state, the paths and their recomputation, scenes in and out, the
 * mouse on the canvas, and the frame's drawing order. Keys live in keys.c, the
 * side panel in panel.c. Start reading at app_event and app_draw. */
#include "app.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/chart.h"
#include "app/chooser.h"
#include "app/lecture.h"
#include "app/explain.h"
#include "app/figure.h"
#include "app/figure3d.h"
#include "app/keys.h"
#include "app/panel.h"
#include "app/strings.h"
#include "app/theme.h"
#include "config.h"

/* ---- state ----------------------------------------------------------------- */

int app_init(App *app, const Surface *s, int w, int h, double dpi, int steps)
{
    app->surface = s;
    app->view = s->view;
    app->style = (PlotStyle){PLOT_BOTH, CMAP_VIRIDIS, CFG_LEVELS, s->log_default, 1, 0};
    app->optim = optim_config(OPTIM_GD);
    app->optim.lr = CFG_LR;
    app->optim.horizon = steps;
    app->steps = steps;
    app->playing = 1;
    app->speed = CFG_SPEED;
    app->drag = -1;
    app->selected = -1;
    app->random_k = 8;
    app->cam3d = surf3d_camera_default();
    app->chart = s->nsamples ? APP_CHART_MODEL : APP_CHART_NONE; /* show the data */
    app->text_scale = 1;
    app->pal = theme_get(THEME_LIGHT);
    snprintf(app->save_to, sizeof app->save_to, ".");
    snprintf(app->assets, sizeof app->assets, "assets");
    app->pool = malloc(sizeof *app->pool * APP_MAX_PATHS * (size_t)(steps + 1));
    app->sweep_buf = malloc(sizeof *app->sweep_buf * APP_SWEEP * (APP_SWEEP_STEPS + 1));
    if (!app->pool || !app->sweep_buf) return -1;
    for (int i = 0; i < APP_MAX_PATHS; i++)
        app->paths[i].traj = (Trajectory){app->pool + (size_t)i * (steps + 1), steps + 1, 0,
                                          TRAJ_RUNNING};
    app_resize(app, w, h, dpi);
    app_message(app, 0, "%s", str(STR_WELCOME, app->lang));
    app->requests = APP_REQ_TITLE;
    return 0;
}

void app_free(App *app)
{
    plot_free(&app->cache);
    overlay_free(&app->overlay);
    expr_free(app->expr);
    app->expr = NULL;
    free(app->pool);
    free(app->sweep_buf);
    app->pool = NULL;
    app->sweep_buf = NULL;
}

void app_message(App *app, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_bad = bad;
    app->dirty = 1;
}

static double ui_scale(const App *app) { return app->dpi * app->text_scale; }

void app_relayout(App *app)
{
    LayoutIn in = {app->w, app->h, ui_scale(app), app->view, app->optim.kind,
                   app->optim.schedule, app->surface->nsamples,
                   app->chart != APP_CHART_NONE};
    app->layout = layout_compute(&in);
    app->style.scale = ui_scale(app) * app->pal->weight;
    app->dirty = 1;
}

void app_resize(App *app, int w, int h, double dpi)
{
    app->w = w;
    app->h = h;
    app->dpi = dpi > 0 ? dpi : 1;
    app_relayout(app);
}

void app_set_view(App *app, View v)
{
    if (!view_valid(v)) return;
    /* zooming out stops at CFG_MAX_ZOOM_OUT times the surface's own view: far out
     * some surfaces (mlp-slice) cost far more a sample, and nothing is left to see */
    const View d = app->surface->view;
    if (v.x1 - v.x0 > CFG_MAX_ZOOM_OUT * (d.x1 - d.x0) ||
        v.y1 - v.y0 > CFG_MAX_ZOOM_OUT * (d.y1 - d.y0)) {
        app_message(app, 0, "%s", str(STR_ZOOM_LIMIT, app->lang));
        return;
    }
    app->view = v;
    app_relayout(app);
}


/* ---- surfaces ------------------------------------------------------------ */

void app_set_surface(App *app, const Surface *s)
{
    if (s->nsamples && app->chart == APP_CHART_NONE) app->chart = APP_CHART_MODEL;
    if (!s->nsamples && app->chart == APP_CHART_MODEL) app->chart = APP_CHART_NONE;
    if (app->optim.batch > s->nsamples) app->optim.batch = 0;
    app->surface = s;
    app->view = s->view;
    app->style.log = s->log_default;
    snprintf(app->edit, sizeof app->edit, "%s", "");
    app->caret = 0;
    app->edit_col = 0;
    app_relayout(app);
    app_set_race(app, app->race); /* the same starts, anew (companions come and go) */
    plot_invalidate(&app->cache);
    app->requests |= APP_REQ_TITLE;
}

int app_set_expr(App *app, const char *text)
{
    char err[256];
    int col = 0;
    Expr *e = expr_compile(text, err, sizeof err, &col);
    if (!e) {
        app->edit_col = col;
        app_message(app, 1, str(STR_EXPR_ERROR, app->lang), err);
        return -1;
    }
    overlay_halt(&app->overlay); /* its worker may be reading the old expression */
    Expr *old = app->expr;
    app->expr = e;
    app->typed = expr_surface(e);
    snprintf(app->formula, sizeof app->formula, "f(x, y) = %s", expr_text(e));
    app->typed.formula = app->formula;
    if (app->surface != &app->typed) app->style.log = 0;
    app->surface = &app->typed;
    if (text != app->edit) snprintf(app->edit, sizeof app->edit, "%s", text);
    app->caret = (int)strlen(app->edit);
    app->edit_col = 0;
    plot_invalidate(&app->cache);
    app_recompute(app); /* before the old expression goes: paths read the surface */
    expr_free(old);
    app->requests |= APP_REQ_TITLE;
    app_message(app, 0, str(STR_EXPR_SURFACE, app->lang), expr_text(e));
    return 0;
}

/* Returns the index of the start point within grab distance of pixel m, or -1. */
static int hit_start(const App *app, Vec2 m)
{
    double best = 12 * ui_scale(app);
    int hit = -1;
    for (int i = app->npaths - 1; i >= 0; i--) {
        Vec2 s = view_to_px(app->view, app->layout.plot, app->paths[i].start);
        double d = hypot(s.x - m.x, s.y - m.y);
        if (d < best) best = d, hit = i;
    }
    return hit;
}

/* ---- the mouse on the canvas ----------------------------------------------- */

static void canvas_down(App *app, const AppEvent *ev)
{
    Vec2 m = {ev->x, ev->y};
    const Layout *L = &app->layout;
    if (!ui_inside(L->canvas, m.x, m.y)) return;
    if (app->view3d) { /* the 3-D view turns; starts are placed in 2-D */
        app->rotating = ev->button == 1;
        return;
    }
    int pan = ev->button == 2 || (ev->button == 1 && (ev->mod & APP_MOD_SHIFT));
    if (pan && ui_inside(L->plot, m.x, m.y)) {
        app->panning = 1;
        app->pan_from = view_from_px(app->view, L->plot, m);
        return;
    }
    int hit = hit_start(app, m);
    if (ev->button == 3 && hit >= 0) {
        app_remove_group(app, app->paths[hit].group);
        app_message(app, 0, "%s", str(STR_REMOVED_START, app->lang));
    } else if (ev->button == 1 && hit >= 0) {
        app->drag = hit;
        app->selected = hit;
    } else if (ev->button == 1 && ui_inside(L->plot, m.x, m.y)) {
        Vec2 p = view_from_px(app->view, L->plot, m);
        if (app_add_path(app, p) >= 0)
            app_message(app, 0, str(STR_NEW_PATH, app->lang), p.x, p.y);
    }
}

static void canvas_move(App *app, Vec2 m, Vec2 from)
{
    const Layout *L = &app->layout;
    if (app->view3d) {
        if (app->rotating) {
            app->cam3d = surf3d_rotate(app->cam3d, m.x - from.x, m.y - from.y);
            app->dirty = 1;
        }
        app->hover = 0;
        return;
    }
    if (app->drag >= 0) {
        Vec2 start = view_from_px(app->view, L->plot, m);
        int g = app->paths[app->drag].group;
        for (int i = 0; i < app->npaths; i++) {
            Path *p = &app->paths[i];
            if (p->group != g) continue;
            p->start = start;
            p->cursor = app->steps; /* show the whole path while dragging */
            app_run_path(app, p);
        }
        app->sweep_ok = 0;
        app->dirty = 1;
    } else if (app->panning) {
        Vec2 now = view_from_px(app->view, L->plot, m);
        app_set_view(app, view_pan(app->view, app->pan_from.x - now.x, app->pan_from.y - now.y));
        app_recompute(app);
    }
    int hover = ui_inside(L->plot, m.x, m.y);
    if (hover || app->hover) app->dirty = 1;
    app->hover = hover;
}

void app_event(App *app, const AppEvent *ev)
{
    UiInput in = {ev->x, ev->y, ev->type == APP_EV_DOWN && ev->button == 1,
                  ev->type == APP_EV_UP && ev->button == 1, 0};
    if (ev->type == APP_EV_KEY) {
        keys_handle(app, ev->key, ev->mod);
        return;
    }
    if (ev->type == APP_EV_TEXT) {
        if (app->editing) keys_type(app, ev->text);
        return;
    }
    if (ev->type == APP_EV_LEAVE) {
        app->hover = 0;
        app->dirty = 1;
        return;
    }
    Vec2 from = app->mouse;
    app->mouse = (Vec2){ev->x, ev->y};
    if (ev->type == APP_EV_WHEEL && app->view3d) {
        double z = (app->cam3d.zoom > 0 ? app->cam3d.zoom : 1) / pow(CFG_ZOOM_STEP, ev->dy);
        app->cam3d.zoom = z < 0.5 ? 0.5 : z > 4 ? 4 : z;
        app->dirty = 1;
        return;
    }
    if (ev->type == APP_EV_WHEEL) {
        if (ui_inside(app->layout.plot, ev->x, ev->y)) {
            Vec2 c = view_from_px(app->view, app->layout.plot, app->mouse);
            app_set_view(app, view_zoom(app->view, c, pow(CFG_ZOOM_STEP, ev->dy)));
            app_recompute(app);
        }
        return;
    }
    if (app->chooser && ev->type == APP_EV_DOWN) {
        chooser_press(app, ev->x, ev->y);
        return;
    }
    if (app->chooser && ev->type == APP_EV_MOVE) app->dirty = 1; /* row highlight */
    if (app->help && ev->type == APP_EV_DOWN) {
        app->help = 0;
        app->dirty = 1;
        return;
    }
    if (app->drag < 0 && !app->panning && panel_event(app, in)) {
        app->hover = 0;
        return;
    }
    if (ev->type == APP_EV_DOWN) canvas_down(app, ev);
    if (ev->type == APP_EV_MOVE) canvas_move(app, app->mouse, from);
    if (ev->type == APP_EV_UP) {
        app->drag = -1;
        app->panning = 0;
        app->rotating = 0;
    }
}

/* ---- animation and drawing ------------------------------------------------- */

int app_tick(App *app, double dt)
{
    int moving = 0;
    if (app->basins && !app->view3d) {
        if (overlay_update(&app->overlay, app->surface, &app->optim, app->view, BASINS_STEPS))
            app_message(app, 1, "%s", str(STR_BASINS_OOM, app->lang));
        else if (overlay_busy(&app->overlay)) /* a worker computes them: redraw */
            moving = 1, app->dirty = 1;
    }
    if (!app->playing) return moving;
    for (int i = 0; i < app->npaths; i++) {
        Path *p = &app->paths[i];
        double end = p->traj.len - 1;
        if (p->cursor >= end) continue;
        p->cursor = fmin(end, p->cursor + app->speed * dt);
        moving = 1;
    }
    if (moving) app->dirty = 1;
    return moving;
}

/* Recomputes the sweep from the selected start when it is stale. */
static void update_sweep(App *app)
{
    if (app->sweep_ok || app->selected < 0 || app->selected >= app->npaths) return;
    const Path *p = &app->paths[app->selected];
    OptimConfig cfg = app_path_config(app, p);
    sweep_run(app->surface, &cfg, p->start, view_centre(app->view), CFG_LR_MIN, CFG_LR_MAX,
              APP_SWEEP, APP_SWEEP_STEPS, app->sweep_buf, APP_SWEEP, app->sweep);
    app->sweep_ok = 1;
}

void app_draw(App *app, Canvas *c, Text *t)
{
    static const int label_len = 64;
    PlotPath pp[APP_MAX_PATHS];
    char labels[APP_MAX_PATHS][64];
    const char *lp[APP_MAX_PATHS];
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        int shown = (int)floor(p->cursor) + 1;
        int end = shown >= p->traj.len;
        Color col = plot_path_color(p->color);
        if (p->full) /* the full-batch companion: the same colour, washed out */
            col = (Color){(col.r + 2 * 160) / 3, (col.g + 2 * 160) / 3, (col.b + 2 * 160) / 3,
                          255};
        pp[i] = (PlotPath){p->traj.pts, shown > p->traj.len ? p->traj.len : shown, col,
                           end && p->traj.status == TRAJ_DIVERGED, i == app->drag};
        labels[i][0] = 0;
        if (end) {
            int racing = (app->race & (app->race - 1)) != 0;
            int n = snprintf(labels[i], label_len, "%s%s%s", racing ? optim_name(p->kind) : "",
                             p->full ? (racing ? " " : "") : "",
                             p->full ? str(STR_FULL_BATCH, app->lang) : "");
            n += snprintf(labels[i] + n, label_len - n, "%s",
                          racing || p->full ? ": " : "");
            str_describe(&p->traj, labels[i] + n, label_len - n, app->lang);
        }
        lp[i] = labels[i];
    }
    /* while a slider is dragged, chaotic paths are thinned twice as much: the
     * frame is cheaper, and the frame after the release shows them whole */
    double ink = app->ui.active ? CFG_DRAG_INK : PLOT_INK;
    Figure fig = {app->surface, app->view, &app->style, &app->cache, pp, app->npaths, lp,
                  ui_scale(app), app->lang, app->pal, ink};
    int rc = app->view3d ? figure3d_draw(c, app->layout.canvas, t, &fig, app->cam3d)
                         : figure_draw(c, app->layout.canvas, t, &fig);
    if (rc != 0)
        app_message(app, 1, str(STR_FIELD_OOM, app->lang), app->layout.plot.w,
                    app->layout.plot.h);
    if (app->basins && !app->view3d) { /* the tint under the paths */
        overlay_draw(&app->overlay, c, app->layout.plot, 120);
        plot_draw_paths(c, app->layout.plot, app->view, pp, app->npaths, ui_scale(app), ink);
    }
    if (app->chart == APP_CHART_LOSS) chart_draw_loss(app, c, app->layout.chart, t);
    if (app->chart == APP_CHART_MODEL) chart_draw_model(app, c, app->layout.chart, t);
    if (app->chart == APP_CHART_SLICE) chart_draw_slice(app, c, app->layout.chart, t);
    if (app->chart == APP_CHART_BACKPROP) {
        if (!app->view3d) lecture_draw_samples(app, c);
        lecture_draw_backprop(app, c, app->layout.chart, t);
    }
    if (app->chart == APP_CHART_SWEEP) {
        update_sweep(app);
        chart_draw_sweep(app, c, app->layout.chart, t);
    }
    if (!app->view3d) explain_draw(app, c, t);
    panel_draw(app, c, t);
    if (app->help) keys_draw_help(app, c, t);
    chooser_draw(app, c, t);
    app->dirty = 0;
}
