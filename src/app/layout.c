/* The window's layout as a table of panel rows: each row holds one widget with an
 * optional caption above it, or several buttons side by side. Computed from the
 * window size alone, so `losscape layout` and the window always agree. */
#include "layout.h"

#include <math.h>

#include "app/figure.h"
#include "app/theme.h"

static const char *names[W_COUNT] = {
    [W_SURFACE] = "surface", [W_OPTIMIZER] = "optimizer", [W_LR] = "lr",
    [W_SPEED] = "speed",     [W_LEVELS] = "levels",       [W_MODE] = "mode",
    [W_COLORMAP] = "colormap", [W_PLAY] = "play",         [W_STEP] = "step",
    [W_RESET] = "reset",     [W_CLEAR] = "clear",
};

/* Panel rows, top to bottom: up to four widgets share a row; `caption` rows have
 * a label line above them. */
static const struct {
    int caption;
    int n;
    WidgetId w[4];
} rows[] = {
    {1, 1, {W_SURFACE}},
    {1, 1, {W_OPTIMIZER}},
    {1, 1, {W_LR}},
    {0, 4, {W_PLAY, W_STEP, W_RESET, W_CLEAR}},
    {1, 1, {W_SPEED}},
    {1, 1, {W_LEVELS}},
    {1, 1, {W_MODE}},
    {1, 1, {W_COLORMAP}},
};

const char *layout_name(WidgetId i) { return i >= 0 && i < W_COUNT ? names[i] : "?"; }

static int px(double s, double v) { return (int)lround(v * s); }

Layout layout_compute(int w, int h, double s, View v)
{
    Layout L = {0};
    int pw = px(s, THEME_PANEL_W), sh = px(s, THEME_STATUS_H);
    if (pw > w / 2) pw = w / 2;
    L.status = (Rect){0, h - sh, w, sh};
    L.panel = (Rect){w - pw, 0, pw, h - sh};
    L.canvas = (Rect){0, 0, w - pw, h - sh};
    L.plot = figure_plot_rect(L.canvas, v, s);
    int pad = px(s, THEME_PAD), row = px(s, THEME_ROW), cap = px(s, 22);
    int x = L.panel.x + pad, cw = L.panel.w - 2 * pad, y = pad;
    for (unsigned r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        if (rows[r].caption) y += cap;
        int gap = rows[r].n > 1 ? px(s, 6) : 0;
        int bw = (cw - gap * (rows[r].n - 1)) / rows[r].n;
        for (int i = 0; i < rows[r].n; i++) {
            WidgetId id = rows[r].w[i];
            L.widget[id] = (Rect){x + i * (bw + gap), y, bw, row};
            if (rows[r].caption) L.label[id] = (Rect){x, y - cap, cw, cap};
        }
        y += row + pad;
    }
    L.info = (Rect){x, y, cw, L.panel.h - y - pad};
    return L;
}
