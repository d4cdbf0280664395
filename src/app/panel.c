/* The side panel, as one function run twice (see ui.h): once per input event to
 * change the App, once per frame to draw. The values shown are formatted here;
 * they are computed in core/ (the path's cost, gradient and status). */
#include "panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/chooser.h"
#include "app/keys.h"
#include "app/strings.h"
#include "app/theme.h"
#include "config.h"

#define MAX_ITEMS 64

/* Applies catalogue surface i. */
static void set_surface(App *app, int i)
{
    app_set_surface(app, surface_at(i));
    app_message(app, 0, str(STR_SURFACE_SET, app->lang), app->surface->name);
}

/* Draws a row's caption (and its value, right-aligned) in the draw pass. */
static void caption(App *app, WidgetId id, const char *text, const char *value)
{
    const Theme *pal = app->pal;
    Ui *ui = &app->ui;
    Rect r = app->layout.label[id];
    int w = ui_label(ui, r, text, THEME_TEXT, 1, pal->ink, 0);
    if (value) ui_label(ui, (Rect){r.x + w, r.y, r.w - w, r.h}, value, THEME_TEXT, 0,
                        pal->ink, 1);
}

/* Sliders of numbers in [0, 1) that matter close to 1 (mu, alpha, betas, decay):
 * the track is logarithmic in 1 - v, from 1 - 1e-4 down to 0. */
static double near_one_unit(double v) { return 1 - view_log_unit(1 - v, 1e-4, 1); }
static double unit_near_one(double t) { return t >= 1 ? 0.9999 : 1 - view_unit_log(1 - t, 1e-4, 1); }

/* A captioned slider over a number in [0, 1) for widget id; returns 1 on change. */
static int fraction_row(App *app, WidgetId id, const char *name, double *v, double lo)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.4g", *v);
    caption(app, id, name, buf);
    double t = near_one_unit(*v);
    if (!ui_slider(&app->ui, id + 1, app->layout.widget[id], &t)) return 0;
    double nv = unit_near_one(t);
    *v = nv < lo ? lo : nv;
    return 1;
}

/* How the paths' gradient is computed, the step h of numeric ones (and of the
 * hover's gradient check), and the mini-batch size on data surfaces. Returns 1
 * when the paths must be recomputed. */
static int gradient_rows(App *app)
{
    Ui *ui = &app->ui;
    const Rect *W = app->layout.widget;
    OptimConfig *o = &app->optim;
    char buf[32];
    const char *modes[GRAD_COUNT] = {str(STR_GRAD_EXACT, app->lang),
                                     str(STR_GRAD_FORWARD, app->lang),
                                     str(STR_GRAD_CENTRAL, app->lang)};
    int sel = o->grad, changed = 0;
    caption(app, W_GRAD, "∇C", NULL);
    if (ui_segmented(ui, W[W_GRAD], modes, GRAD_COUNT, &sel)) {
        o->grad = sel;
        changed = 1;
    }
    double h = o->h > 0 ? o->h : GRAD_H;
    snprintf(buf, sizeof buf, "%.0e", h);
    caption(app, W_H, "h", buf);
    double t = view_log_unit(h, 1e-14, 1e-1);
    if (ui_slider(ui, W_H + 1, W[W_H], &t)) {
        o->h = view_unit_log(t, 1e-14, 1e-1);
        changed = o->grad != GRAD_ANALYTIC;
        app->dirty = 1; /* the hover's check uses h too */
    }
    int n = app->surface->nsamples;
    if (W[W_BATCH].w && n > 1) {
        int b = o->batch > 0 && o->batch < n ? o->batch : n;
        snprintf(buf, sizeof buf, "%d/%d", b, n);
        caption(app, W_BATCH, str(STR_BATCH, app->lang), buf);
        t = (b - 1) / (double)(n - 1);
        if (ui_slider(ui, W_BATCH + 1, W[W_BATCH], &t)) {
            int nb = 1 + (int)lround(t * (n - 1));
            if (nb != b) {
                o->batch = nb < n ? nb : 0;
                app_set_race(app, app->race); /* mini-batch paths get companions */
            }
        }
    }
    return changed;
}

/* The optimiser's own hyper-parameters and the schedule (rows the layout shows). */
static void hyper(App *app)
{
    Ui *ui = &app->ui;
    const Rect *W = app->layout.widget;
    OptimConfig *o = &app->optim;
    char buf[32];
    int changed = 0;
    if (W[W_MOMENTUM].w) changed |= fraction_row(app, W_MOMENTUM, "μ", &o->momentum, 0);
    if (W[W_ALPHA].w) changed |= fraction_row(app, W_ALPHA, "α", &o->alpha, 0);
    if (W[W_BETA1].w) changed |= fraction_row(app, W_BETA1, "β1", &o->beta1, 0);
    if (W[W_BETA2].w) changed |= fraction_row(app, W_BETA2, "β2", &o->beta2, 0);
    if (W[W_EPS].w) {
        snprintf(buf, sizeof buf, "%.0e", optim_eps(o));
        caption(app, W_EPS, "ε", buf);
        double t = view_log_unit(optim_eps(o), 1e-12, 1e-1);
        if (ui_slider(ui, W_EPS + 1, W[W_EPS], &t)) {
            o->eps = view_unit_log(t, 1e-12, 1e-1);
            changed = 1;
        }
    }
    const char *items[SCHED_COUNT];
    for (int k = 0; k < SCHED_COUNT; k++) items[k] = optim_schedule_name(k);
    int sel = o->schedule;
    caption(app, W_SCHEDULE, str(STR_SCHEDULE, app->lang), NULL);
    if (ui_dropdown(ui, W_SCHEDULE + 1, W[W_SCHEDULE], items, SCHED_COUNT, &sel)) {
        o->schedule = sel;
        o->decay = 0;
        app_relayout(app);
        changed = 1;
    }
    if (W[W_DECAY].w) {
        double d = o->decay > 0 ? o->decay : o->schedule == SCHED_STEP ? 0.5 : 0.99;
        if (fraction_row(app, W_DECAY, str(STR_DECAY, app->lang), &d, 0.01)) {
            o->decay = d;
            changed = 1;
        }
    }
    changed |= gradient_rows(app);
    if (changed) app_recompute(app);
}

/* The race: one toggle per optimiser; two or more on race from every start. */
static void race(App *app)
{
    static const char *const shortname[OPTIM_COUNT] = {"gd", "mom", "nag", "ada",
                                                       "rms", "adam", "h/c"};
    Rect r = app->layout.widget[W_RACE];
    unsigned race = app->race;
    for (int k = 0; k < OPTIM_COUNT; k++) {
        int x0 = r.x + r.w * k / OPTIM_COUNT, x1 = r.x + r.w * (k + 1) / OPTIM_COUNT;
        int on = race >> k & 1;
        if (ui_button(&app->ui, (Rect){x0, r.y, x1 - x0 - 2, r.h}, shortname[k], on))
            race ^= 1u << k;
        if (on && app->ui.cv) /* the racer's colour, as in the legend */
            canvas_fill_rect(app->ui.cv, (Rect){x0 + 3, r.y + r.h - 5, x1 - x0 - 8, 3},
                             plot_path_color(k));
    }
    if (race != app->race) {
        app_set_race(app, race);
        int n = 0;
        for (int k = 0; k < OPTIM_COUNT; k++) n += race >> k & 1;
        if (n >= 2)
            app_message(app, 0, str(STR_RACING, app->lang), n);
        else
            app_message(app, 0, "%s", str(STR_NO_RACE, app->lang));
    }
}

static void buttons(App *app)
{
    Ui *ui = &app->ui;
    const Rect *W = app->layout.widget;
    if (ui_button(ui, W[W_PLAY], str(app->playing ? STR_PAUSE : STR_PLAY, app->lang), 0))
        app->playing = !app->playing;
    if (ui_button(ui, W[W_STEP], str(STR_STEP, app->lang), 0)) {
        app->playing = 0;
        for (int i = 0; i < app->npaths; i++) {
            Path *p = &app->paths[i];
            p->cursor = fmin(p->traj.len - 1, floor(p->cursor) + 1);
        }
    }
    if (ui_button(ui, W[W_RESET], str(STR_RESET, app->lang), 0)) {
        for (int i = 0; i < app->npaths; i++) app->paths[i].cursor = 0;
        app->playing = 1;
    }
    if (ui_button(ui, W[W_CLEAR], str(STR_CLEAR, app->lang), 0)) {
        app->npaths = 0;
        app->selected = -1;
    }
    char label[48];
    snprintf(label, sizeof label, str(STR_N_RANDOM, app->lang), app->random_k);
    if (ui_button(ui, W[W_RANDOM], label, 0)) {
        app_random_starts(app, app->random_k, app->random_scale);
        app_message(app, 0, str(STR_RANDOM_DRAWN, app->lang), app->random_k);
    }
    if (ui_button(ui, W[W_LESSONS], str(STR_LESSONS, app->lang), app->chooser))
        chooser_open(app, app->assets);
    if (ui_button(ui, W[W_LANG], str(STR_BTN_LANG, app->lang), 0))
        keys_handle(app, APP_KEY_L, 0);
    if (ui_button(ui, W[W_ZERO], "(0, 0)", 0)) {
        app_add_path(app, (Vec2){0, 0});
        app_message(app, 0, "%s", str(STR_ZERO_START, app->lang));
    }
}

/* Speed, contour levels, mode, colour map and the chart. */
static void view_rows(App *app)
{
    Ui *ui = &app->ui;
    const Rect *W = app->layout.widget;
    char buf[32];
    snprintf(buf, sizeof buf, "%.0f/s", app->speed);
    caption(app, W_SPEED, str(STR_SPEED, app->lang), buf);
    double t = view_log_unit(app->speed, CFG_SPEED_MIN, CFG_SPEED_MAX);
    if (ui_slider(ui, W_SPEED + 1, W[W_SPEED], &t))
        app->speed = round(view_unit_log(t, CFG_SPEED_MIN, CFG_SPEED_MAX));

    snprintf(buf, sizeof buf, "%d", app->style.levels);
    caption(app, W_LEVELS, str(STR_LEVELS, app->lang), buf);
    t = (app->style.levels - CFG_LEVELS_MIN) / (double)(CFG_LEVELS_MAX - CFG_LEVELS_MIN);
    if (ui_slider(ui, W_LEVELS + 1, W[W_LEVELS], &t))
        app->style.levels = CFG_LEVELS_MIN +
                            (int)lround(t * (CFG_LEVELS_MAX - CFG_LEVELS_MIN));

    const char *modes[] = {str(STR_MODE_HEAT, app->lang), str(STR_MODE_CONTOUR, app->lang),
                           str(STR_MODE_BOTH, app->lang)};
    int sel = app->style.mode - 1;
    caption(app, W_MODE, str(STR_SHOW, app->lang), NULL);
    if (ui_segmented(ui, W[W_MODE], modes, 3, &sel)) app->style.mode = sel + 1;

    const char *items[CMAP_COUNT];
    for (int i = 0; i < CMAP_COUNT; i++) items[i] = cmap_name(i);
    sel = app->style.cmap;
    caption(app, W_COLORMAP, str(STR_COLOURS, app->lang), NULL);
    if (ui_dropdown(ui, W_COLORMAP + 1, W[W_COLORMAP], items, CMAP_COUNT, &sel))
        app->style.cmap = sel;

    if (ui_button(ui, W[W_BASINS], str(STR_BTN_BASINS, app->lang), app->basins))
        keys_handle(app, APP_KEY_B, 0);
    if (ui_button(ui, W[W_3D], str(STR_BTN_3D, app->lang), app->view3d))
        keys_handle(app, APP_KEY_3, 0);
    if (ui_button(ui, W[W_LOG], str(STR_BTN_LOG, app->lang), app->style.log)) {
        app->style.log = !app->style.log;
    }
    if (ui_button(ui, W[W_FIELD], str(STR_BTN_ARROWS, app->lang), app->style.field))
        app->style.field = !app->style.field;

    static const StrId chart_ids[APP_CHART_COUNT] = {
        [APP_CHART_NONE] = STR_CHART_NONE,   [APP_CHART_LOSS] = STR_CHART_LOSS,
        [APP_CHART_SWEEP] = STR_CHART_SWEEP, [APP_CHART_MODEL] = STR_CHART_MODEL,
        [APP_CHART_SLICE] = STR_CHART_SLICE, [APP_CHART_BACKPROP] = STR_CHART_BACKPROP};
    const char *charts[APP_CHART_COUNT];
    for (int i = 0; i < APP_CHART_COUNT; i++) charts[i] = str(chart_ids[i], app->lang);
    sel = app->chart;
    caption(app, W_CHART, str(STR_CHART, app->lang), NULL);
    if (ui_dropdown(ui, W_CHART + 1, W[W_CHART], charts, APP_CHART_COUNT, &sel)) {
        app->chart = sel;
        app_relayout(app);
    }
}

/* The expression field: a click focuses it (keys then edit it, Enter applies);
 * drawn red with a mark under the column of an error. */
static void expr_field(App *app)
{
    const Theme *pal = app->pal;
    Ui *ui = &app->ui;
    Rect r = app->layout.widget[W_EXPR];
    if (!ui->cv) {
        if (ui->in.pressed) {
            int in = ui_inside(r, ui->in.x, ui->in.y);
            if (in != app->editing) app->dirty = 1;
            app->editing = in;
            if (in) ui->consumed = 1;
        }
        return;
    }
    int fs = (int)lround(THEME_TEXT * ui->scale), pad = (int)lround(8 * ui->scale);
    canvas_fill_rect(ui->cv, r, pal->face);
    canvas_stroke_rect(ui->cv, r, app->editing ? 2 : 1,
                       app->edit_col ? pal->bad : app->editing ? pal->accent : pal->line);
    Rect inner = {r.x + pad, r.y, r.w - 2 * pad, r.h};
    Rect old = canvas_set_clip(ui->cv, inner);
    int th = text_height(ui->text, fs), y = r.y + (r.h - th) / 2;
    if (!app->edit[0] && !app->editing) {
        text_draw(ui->text, ui->cv, inner.x, y, str(STR_EXPR_HINT, app->lang), fs, 0,
                  pal->muted);
    } else {
        /* scroll so the caret stays in view */
        char head[SCENE_MAX_EXPR];
        snprintf(head, sizeof head, "%.*s", app->caret, app->edit);
        int cx = text_width(ui->text, head, fs, 0);
        int shift = cx > inner.w - 4 ? cx - inner.w + 4 : 0;
        text_draw(ui->text, ui->cv, inner.x - shift, y, app->edit, fs, 0,
                  app->edit_col ? pal->bad : pal->ink);
        if (app->edit_col) { /* a mark under the column of the error */
            int k = 0, n = 0;
            while (app->edit[k] && n < app->edit_col - 1)
                n += ((unsigned char)app->edit[k++] & 0xC0) != 0x80;
            while (((unsigned char)app->edit[k] & 0xC0) == 0x80) k++;
            snprintf(head, sizeof head, "%.*s", k, app->edit);
            int ex = inner.x - shift + text_width(ui->text, head, fs, 0);
            canvas_fill_rect(ui->cv, (Rect){ex, y + th, (int)lround(8 * ui->scale), 2},
                             pal->bad);
        }
        if (app->editing)
            canvas_fill_rect(ui->cv, (Rect){inner.x - shift + cx, y, 2, th}, pal->accent);
    }
    canvas_set_clip(ui->cv, old);
}

/* The widgets, top to bottom; in the event pass they change app. */
static void widgets(App *app)
{
    Ui *ui = &app->ui;
    ui->bottom = app->h;
    const Rect *W = app->layout.widget;
    const char *items[MAX_ITEMS];
    char buf[64];

    int n = surface_count() < MAX_ITEMS - 1 ? surface_count() : MAX_ITEMS - 1;
    for (int i = 0; i < n; i++) items[i] = surface_at(i)->name;
    int sel = surface_index(app->surface);
    if (sel < 0) items[sel = n++] = str(STR_TYPED_BELOW, app->lang); /* the typed one */
    caption(app, W_SURFACE, str(STR_SURFACE, app->lang), NULL);
    if (ui_dropdown(ui, W_SURFACE + 1, W[W_SURFACE], items, n, &sel) &&
        sel < surface_count())
        set_surface(app, sel);
    expr_field(app);

    for (int i = 0; i < OPTIM_COUNT; i++) items[i] = optim_name(i);
    sel = app->optim.kind;
    caption(app, W_OPTIMIZER, str(STR_OPTIMISER, app->lang), NULL);
    if (ui_dropdown(ui, W_OPTIMIZER + 1, W[W_OPTIMIZER], items, OPTIM_COUNT, &sel)) {
        app->optim.kind = sel;
        app_relayout(app);
        if (app->race & (app->race - 1))
            app_recompute(app);
        else
            app_set_race(app, 0); /* every start now runs the new optimiser */
    }

    snprintf(buf, sizeof buf, "%.3g", app->optim.lr);
    caption(app, W_LR, "η", buf);
    double t = view_log_unit(app->optim.lr, CFG_LR_MIN, CFG_LR_MAX);
    if (ui_slider(ui, W_LR + 1, W[W_LR], &t))
        app_set_lr(app, view_unit_log(t, CFG_LR_MIN, CFG_LR_MAX));

    hyper(app);
    race(app);
    buttons(app);
    view_rows(app);
}

int panel_event(App *app, UiInput in)
{
    Ui *ui = &app->ui;
    ui_begin(ui, in, NULL, NULL, app->dpi * app->text_scale, app->pal);
    int was_active = ui->active != 0;
    widgets(app);
    ui_end(ui);
    int took = ui->consumed || was_active || !ui_inside(app->layout.canvas, in.x, in.y);
    if (took) app->dirty = 1; /* hover highlights and values change */
    return took;
}

void panel_draw(App *app, Canvas *c, Text *t)
{
    const Theme *pal = app->pal;
    Ui *ui = &app->ui;
    UiInput hover = {app->mouse.x, app->mouse.y, 0, 0, 0};
    canvas_fill_rect(c, app->layout.panel, pal->panel);
    canvas_fill_rect(c, (Rect){app->layout.panel.x, 0, 1, app->layout.panel.h}, pal->line);
    ui_begin(ui, hover, c, t, app->dpi * app->text_scale, app->pal);
    widgets(app);
    panel_info_draw(app, c, t);
    panel_status_draw(app, c);
    ui_end(ui);
}
