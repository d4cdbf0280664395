/* The window's layout as a table of panel rows: each row holds one widget with
 * its caption to the left, or several buttons side by side; a row can depend on
 * the optimiser's hyper-parameters or the schedule. Computed from LayoutIn alone,
 * so `losscape layout` and the window always agree. */
#include "layout.h"

#include <math.h>

#include "app/figure.h"
#include "app/theme.h"

static const char *names[W_COUNT] = {
    [W_SURFACE] = "surface",   [W_EXPR] = "expr",           [W_OPTIMIZER] = "optimizer", [W_LR] = "lr",
    [W_MOMENTUM] = "momentum", [W_ALPHA] = "alpha",         [W_BETA1] = "beta1",
    [W_BETA2] = "beta2",       [W_EPS] = "eps",             [W_SCHEDULE] = "schedule",
    [W_DECAY] = "decay",       [W_GRAD] = "grad",           [W_H] = "h",
    [W_BATCH] = "batch",       [W_RACE] = "race",           [W_PLAY] = "play",
    [W_STEP] = "step",         [W_RESET] = "reset",         [W_CLEAR] = "clear",
    [W_RANDOM] = "random",     [W_ZERO] = "zero",           [W_LESSONS] = "lessons",
    [W_SPEED] = "speed",       [W_LEVELS] = "levels",       [W_MODE] = "mode",
    [W_COLORMAP] = "colormap", [W_LOG] = "log",             [W_FIELD] = "field",
    [W_BASINS] = "basins",     [W_3D] = "3d",
    [W_CHART] = "chart",       [W_LANG] = "lang",
};

enum { NEED_NONE, NEED_PARAM, NEED_DECAY, NEED_DATA };

/* Panel rows, top to bottom: up to four widgets share a row; `caption` rows put a
 * label at the left. A row with need NEED_PARAM shows when the optimiser reads
 * `param` (OPTIM_P_*); NEED_DECAY when the schedule is step or exp. */
static const struct {
    int caption;
    int need;
    unsigned param;
    int n;
    WidgetId w[4];
} rows[] = {
    {1, NEED_NONE, 0, 1, {W_SURFACE}},
    {0, NEED_NONE, 0, 1, {W_EXPR}},
    {1, NEED_NONE, 0, 1, {W_OPTIMIZER}},
    {1, NEED_NONE, 0, 1, {W_LR}},
    {1, NEED_PARAM, OPTIM_P_MOMENTUM, 1, {W_MOMENTUM}},
    {1, NEED_PARAM, OPTIM_P_ALPHA, 1, {W_ALPHA}},
    {1, NEED_PARAM, OPTIM_P_BETAS, 1, {W_BETA1}},
    {1, NEED_PARAM, OPTIM_P_BETAS, 1, {W_BETA2}},
    {1, NEED_PARAM, OPTIM_P_EPS, 1, {W_EPS}},
    {1, NEED_NONE, 0, 1, {W_SCHEDULE}},
    {1, NEED_DECAY, 0, 1, {W_DECAY}},
    {1, NEED_NONE, 0, 1, {W_GRAD}},
    {1, NEED_NONE, 0, 1, {W_H}},
    {1, NEED_DATA, 0, 1, {W_BATCH}},
    {0, NEED_NONE, 0, 1, {W_RACE}},
    {0, NEED_NONE, 0, 4, {W_PLAY, W_STEP, W_RESET, W_CLEAR}},
    {0, NEED_NONE, 0, 4, {W_RANDOM, W_ZERO, W_LESSONS, W_LANG}},
    {1, NEED_NONE, 0, 1, {W_SPEED}},
    {1, NEED_NONE, 0, 1, {W_LEVELS}},
    {1, NEED_NONE, 0, 1, {W_MODE}},
    {1, NEED_NONE, 0, 1, {W_COLORMAP}},
    {0, NEED_NONE, 0, 4, {W_LOG, W_FIELD, W_BASINS, W_3D}},
    {1, NEED_NONE, 0, 1, {W_CHART}},
};

const char *layout_name(WidgetId i) { return i >= 0 && i < W_COUNT ? names[i] : "?"; }

static int px(double s, double v) { return (int)lround(v * s); }

static int shown(int r, const LayoutIn *in)
{
    if (rows[r].need == NEED_PARAM) return (optim_params(in->optimizer) & rows[r].param) != 0;
    if (rows[r].need == NEED_DECAY)
        return in->schedule == SCHED_STEP || in->schedule == SCHED_EXP;
    if (rows[r].need == NEED_DATA) return in->samples > 0;
    return 1;
}

/* Lays the panel's rows out from the top; returns the y below the last one. */
static int panel_rows(Layout *L, const LayoutIn *in)
{
    double s = in->scale;
    int pad = px(s, THEME_PAD), row = px(s, THEME_ROW), gap = px(s, 5);
    int x = L->panel.x + pad, cw = L->panel.w - 2 * pad, y = pad;
    int lw = cw * 2 / 5; /* caption column */
    for (int r = 0; r < (int)(sizeof rows / sizeof rows[0]); r++) {
        if (!shown(r, in)) continue;
        int x0 = rows[r].caption ? x + lw : x, w0 = rows[r].caption ? cw - lw : cw;
        int g = rows[r].n > 1 ? px(s, 6) : 0;
        int bw = (w0 - g * (rows[r].n - 1)) / rows[r].n;
        for (int i = 0; i < rows[r].n; i++) {
            WidgetId id = rows[r].w[i];
            L->widget[id] = (Rect){x0 + i * (bw + g), y, bw, row};
            if (rows[r].caption) L->label[id] = (Rect){x, y, lw - px(s, 6), row};
        }
        y += row + gap;
    }
    return y;
}

Layout layout_compute(const LayoutIn *in)
{
    Layout L = {0};
    double s = in->scale;
    int w = in->w, h = in->h;
    int pw = px(s, THEME_PANEL_W), sh = px(s, THEME_STATUS_H);
    if (pw > w / 2) pw = w / 2;
    L.status = (Rect){0, h - sh, w, sh};
    L.panel = (Rect){w - pw, 0, pw, h - sh};
    L.canvas = (Rect){0, 0, w - pw, h - sh};
    if (in->chart) {
        int ch = L.canvas.h * 3 / 10;
        L.chart = (Rect){0, L.canvas.h - ch, L.canvas.w, ch};
        L.canvas.h -= ch;
    }
    L.plot = figure_plot_rect(L.canvas, in->view, s);
    int y = panel_rows(&L, in), pad = px(s, THEME_PAD);
    L.info = (Rect){L.panel.x + pad, y, L.panel.w - 2 * pad, L.panel.h - y - pad};
    return L;
}
