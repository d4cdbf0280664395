/* The side panel, as one function run twice (see ui.h): once per input event to
 * change the App, once per frame to draw. The values shown are formatted here;
 * they are computed in core/ (the path's cost, gradient and status). */
#include "panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/theme.h"
#include "config.h"

#define MAX_ITEMS 64

/* Applies a new surface: its default view and colour scale, paths recomputed. */
static void set_surface(App *app, int i)
{
    app->surface = surface_at(i);
    app->view = app->surface->view;
    app->style.log = app->surface->log_default;
    app_resize(app, app->w, app->h, app->dpi);
    app_recompute(app);
    app->requests |= APP_REQ_TITLE;
    app_message(app, 0, "Surface: %s.", app->surface->name);
}

static void caption(App *app, WidgetId id, const char *text, const char *value)
{
    Ui *ui = &app->ui;
    Rect r = app->layout.label[id];
    ui_label(ui, r, text, THEME_TEXT, 1, THEME_INK, 0);
    if (value) ui_label(ui, r, value, THEME_TEXT, 0, THEME_INK, 1);
}

/* The widgets, top to bottom; in the event pass they change app. */
static void widgets(App *app)
{
    Ui *ui = &app->ui;
    ui->bottom = app->h;
    const Rect *W = app->layout.widget;
    const char *items[MAX_ITEMS];
    char buf[64];

    int n = surface_count() < MAX_ITEMS ? surface_count() : MAX_ITEMS;
    for (int i = 0; i < n; i++) items[i] = surface_at(i)->name;
    int sel = surface_index(app->surface);
    caption(app, W_SURFACE, "Surface", NULL);
    if (ui_dropdown(ui, W_SURFACE + 1, W[W_SURFACE], items, n, &sel)) set_surface(app, sel);

    for (int i = 0; i < OPTIM_COUNT; i++) items[i] = optim_name(i);
    sel = app->optim.kind;
    caption(app, W_OPTIMIZER, "Optimiser", NULL);
    if (ui_dropdown(ui, W_OPTIMIZER + 1, W[W_OPTIMIZER], items, OPTIM_COUNT, &sel)) {
        app->optim.kind = sel;
        app_recompute(app);
    }

    snprintf(buf, sizeof buf, "%.3g", app->optim.lr);
    caption(app, W_LR, "Learning rate η", buf);
    double t = view_log_unit(app->optim.lr, CFG_LR_MIN, CFG_LR_MAX);
    if (ui_slider(ui, W_LR + 1, W[W_LR], &t))
        app_set_lr(app, view_unit_log(t, CFG_LR_MIN, CFG_LR_MAX));

    if (ui_button(ui, W[W_PLAY], app->playing ? "Pause" : "Play", 0))
        app->playing = !app->playing;
    if (ui_button(ui, W[W_STEP], "Step", 0)) {
        app->playing = 0;
        for (int i = 0; i < app->npaths; i++) {
            Path *p = &app->paths[i];
            p->cursor = fmin(p->traj.len - 1, floor(p->cursor) + 1);
        }
    }
    if (ui_button(ui, W[W_RESET], "Reset", 0)) {
        for (int i = 0; i < app->npaths; i++) app->paths[i].cursor = 0;
        app->playing = 1;
    }
    if (ui_button(ui, W[W_CLEAR], "Clear", 0)) app->npaths = 0;

    snprintf(buf, sizeof buf, "%.0f steps/s", app->speed);
    caption(app, W_SPEED, "Animation speed", buf);
    t = view_log_unit(app->speed, CFG_SPEED_MIN, CFG_SPEED_MAX);
    if (ui_slider(ui, W_SPEED + 1, W[W_SPEED], &t))
        app->speed = round(view_unit_log(t, CFG_SPEED_MIN, CFG_SPEED_MAX));

    snprintf(buf, sizeof buf, "%d", app->style.levels);
    caption(app, W_LEVELS, "Contour levels", buf);
    t = (app->style.levels - CFG_LEVELS_MIN) / (double)(CFG_LEVELS_MAX - CFG_LEVELS_MIN);
    if (ui_slider(ui, W_LEVELS + 1, W[W_LEVELS], &t))
        app->style.levels = CFG_LEVELS_MIN +
                            (int)lround(t * (CFG_LEVELS_MAX - CFG_LEVELS_MIN));

    static const char *const modes[] = {"heat", "contour", "both"};
    sel = app->style.mode - 1;
    caption(app, W_MODE, "Show", NULL);
    if (ui_segmented(ui, W[W_MODE], modes, 3, &sel)) app->style.mode = sel + 1;

    for (int i = 0; i < CMAP_COUNT; i++) items[i] = cmap_name(i);
    sel = app->style.cmap;
    caption(app, W_COLORMAP, "Colour map", NULL);
    if (ui_dropdown(ui, W_COLORMAP + 1, W[W_COLORMAP], items, CMAP_COUNT, &sel))
        app->style.cmap = sel;
}

int panel_event(App *app, UiInput in)
{
    Ui *ui = &app->ui;
    ui_begin(ui, in, NULL, NULL, app->dpi * app->text_scale);
    int was_active = ui->active != 0;
    widgets(app);
    ui_end(ui);
    int took = ui->consumed || was_active || !ui_inside(app->layout.canvas, in.x, in.y);
    if (took) app->dirty = 1; /* hover highlights and values change */
    return took;
}

/* Draws one line of text clipped to the info area; returns the next y. */
static int info_line(App *app, Canvas *c, Text *t, int y, const char *s, int size,
                     int bold, Color col)
{
    Rect r = app->layout.info;
    if (y + text_height(t, size) > r.y + r.h) return y;
    Rect old = canvas_set_clip(c, r);
    text_draw(t, c, r.x, y, s, size, bold, col);
    canvas_set_clip(c, old);
    return y + text_height(t, size);
}

/* Splits s into lines that fit the info area's width and draws them. */
static int info_wrapped(App *app, Canvas *c, Text *t, int y, const char *s, int size)
{
    char line[256];
    int maxw = app->layout.info.w, n = 0;
    while (*s) {
        int len = 0, fit = 0;
        while (s[len] && len < (int)sizeof line - 1) {
            line[len] = s[len];
            line[++len] = 0;
            if (s[len] == ' ' || !s[len]) {
                if (text_width(t, line, size, 0) > maxw && fit) break;
                fit = len;
            }
        }
        if (!fit) fit = len;
        memcpy(line, s, fit);
        line[fit] = 0;
        y = info_line(app, c, t, y, line, size, 0, THEME_INK);
        s += fit;
        while (*s == ' ') s++;
        if (++n > 12) break;
    }
    return y;
}

static void info(App *app, Canvas *c, Text *t)
{
    double s = app->dpi * app->text_scale;
    int fs = (int)lround(THEME_TEXT * s), sm = (int)lround(THEME_SMALL * s);
    int y = app->layout.info.y + (int)lround(4 * s);
    char buf[160];
    if (app->title[0]) y = info_line(app, c, t, y, app->title, fs, 1, THEME_INK);
    if (app->note[0]) y = info_wrapped(app, c, t, y, app->note, sm) + (int)lround(8 * s);
    snprintf(buf, sizeof buf, "Paths (%d)", app->npaths);
    y = info_line(app, c, t, y, buf, fs, 1, THEME_INK);
    if (app->npaths == 0)
        y = info_wrapped(app, c, t, y, "Click the plot to start a path.", sm);
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        int k = (int)floor(p->cursor);
        const TrajPoint *q = &p->traj.pts[k];
        int end = k >= p->traj.len - 1;
        const char *st = end ? traj_status_name(p->traj.status) : "running";
        snprintf(buf, sizeof buf, "step %d  C = %.4g  %s", k, q->loss, st);
        int lh = text_height(t, sm);
        if (y + lh > app->layout.info.y + app->layout.info.h) break;
        canvas_disc(c, app->layout.info.x + 6 * s, y + lh / 2.0, 5 * s,
                    plot_path_color(p->color));
        canvas_ring(c, app->layout.info.x + 6 * s, y + lh / 2.0, 5 * s, 1.2 * s,
                    THEME_MUTED);
        Color col = !end ? THEME_INK
                    : p->traj.status == TRAJ_DIVERGED ? THEME_BAD
                    : p->traj.status == TRAJ_CONVERGED ? THEME_GOOD : THEME_INK;
        text_draw(t, c, app->layout.info.x + (int)lround(16 * s), y, buf, sm, 0, col);
        y += lh;
    }
}

/* The status line: the hover read-out over the plot, else the last message. */
static void status(App *app, Canvas *c)
{
    Rect r = app->layout.status;
    char buf[256];
    canvas_fill_rect(c, r, THEME_PANEL);
    canvas_fill_rect(c, (Rect){r.x, r.y, r.w, 1}, THEME_LINE);
    const char *msg = app->status;
    Color col = app->status_bad ? THEME_BAD : THEME_INK;
    if (app->hover && app->drag < 0) {
        Vec2 p = view_from_px(app->view, app->layout.plot, app->mouse);
        Vec2 g;
        double f = surface_eval(app->surface, p.x, p.y, &g);
        snprintf(buf, sizeof buf, "%s = %.4g   %s = %.4g   C = %.6g   ∇C = (%.4g, %.4g)   "
                 "|∇C| = %.4g", app->surface->xlabel, p.x, app->surface->ylabel, p.y, f,
                 g.x, g.y, hypot(g.x, g.y));
        msg = buf;
        col = THEME_INK;
    }
    Ui *ui = &app->ui;
    ui_label(ui, (Rect){r.x + (int)lround(10 * ui->scale), r.y, r.w, r.h}, msg,
             THEME_TEXT, 0, col, 0);
}

void panel_draw(App *app, Canvas *c, Text *t)
{
    Ui *ui = &app->ui;
    UiInput hover = {app->mouse.x, app->mouse.y, 0, 0, 0};
    canvas_fill_rect(c, app->layout.panel, THEME_PANEL);
    canvas_fill_rect(c, (Rect){app->layout.panel.x, 0, 1, app->layout.panel.h}, THEME_LINE);
    ui_begin(ui, hover, c, t, app->dpi * app->text_scale);
    widgets(app);
    info(app, c, t);
    status(app, c);
    ui_end(ui);
}
