/* Charts: a small plotting routine — frame, nice ticks, linear or logarithmic y —
 * and the two charts drawn with it: cost per iteration for every path with a
 * legend, and final cost per learning rate (log x) marked by how each run ended. */
#include "chart.h"

#include <math.h>
#include <stdio.h>

#include "app/strings.h"
#include "app/theme.h"
#include "core/data.h"
#include "config.h"

#define MAX_TICKS 24

typedef struct {
    Rect r;        /* the plotting area inside the frame */
    double x0, x1; /* data range (log10 values when logx) */
    double y0, y1; /* data range (log10 values when logy) */
    int logx, logy;
    double s;      /* scale */
    const Theme *pal; /* colours */
} Axes;

static int px(double s, double v) { return (int)lround(v * s); }

/* Maps data (x, y) to pixels; non-positive values on a log axis map below it. */
static Vec2 to_px(const Axes *a, double x, double y)
{
    if (a->logx) x = x > 0 ? log10(x) : a->x0 - 1;
    if (a->logy) y = y > 0 ? log10(y) : a->y0 - 1;
    return (Vec2){a->r.x + (x - a->x0) / (a->x1 - a->x0) * a->r.w,
                  a->r.y + a->r.h - (y - a->y0) / (a->y1 - a->y0) * a->r.h};
}

/* Draws one axis's ticks: along x (vertical = 0) or y; log axes tick powers of ten. */
static void ticks(Canvas *c, Text *t, const Axes *a, int vertical)
{
    const Theme *pal = a->pal;
    double lo = vertical ? a->y0 : a->x0, hi = vertical ? a->y1 : a->x1, v[MAX_TICKS], step;
    int logv = vertical ? a->logy : a->logx;
    int room = vertical ? a->r.h / px(a->s, 40) : a->r.w / px(a->s, 70);
    int n = view_nice_ticks(lo, hi, room > 2 ? room : 2, v, MAX_TICKS, &step);
    int fs = px(a->s, THEME_SMALL), th = text_height(t, fs);
    char buf[48];
    for (int i = 0; i < n; i++) {
        if (logv && fabs(v[i] - round(v[i])) > 1e-9) continue;
        if (logv)
            snprintf(buf, sizeof buf, "1e%d", (int)lround(v[i]));
        else
            view_format_tick(buf, sizeof buf, v[i], step);
        double d = logv ? pow(10, v[i]) : v[i];
        Vec2 p = vertical ? to_px(a, a->logx ? pow(10, a->x0) : a->x0, d)
                          : to_px(a, d, a->logy ? pow(10, a->y0) : a->y0);
        int w = text_width(t, buf, fs, 0);
        if (vertical) {
            canvas_fill_rect(c, (Rect){a->r.x, (int)p.y, a->r.w, 1}, theme_alpha(pal->ink, 25));
            text_draw(t, c, a->r.x - w - px(a->s, 6), (int)p.y - th / 2, buf, fs, 0, pal->ink);
        } else {
            canvas_fill_rect(c, (Rect){(int)p.x, a->r.y, 1, a->r.h}, theme_alpha(pal->ink, 25));
            text_draw(t, c, (int)p.x - w / 2, a->r.y + a->r.h + px(a->s, 4), buf, fs, 0,
                      pal->ink);
        }
    }
}

/* Sets up the axes for data ranges [x0,x1] x [y0,y1] inside r, with room for
 * ticks and a title line; draws the frame, ticks, title and axis names. */
static Axes axes(Canvas *c, Text *t, const Theme *pal, Rect r, double s, double x0, double x1, int logx,
                 double y0, double y1, int logy, const char *title, const char *xname)
{
    Axes a = {{r.x + px(s, 64), r.y + px(s, 30), r.w / 2 - px(s, 64),
               r.h - px(s, 30) - px(s, 40)},
              logx ? log10(x0) : x0, logx ? log10(x1) : x1,
              logy ? log10(y0) : y0, logy ? log10(y1) : y1, logx, logy, s, pal};
    if (!(a.x1 > a.x0)) a.x1 = a.x0 + 1;
    if (!(a.y1 > a.y0)) a.y1 = a.y0 + 1, a.y0 -= 1;
    /* equal ranges are drawn square, so one unit of x is one unit of y */
    if (!logx && !logy && x1 - x0 == y1 - y0 && a.r.w > a.r.h) a.r.w = a.r.h;
    canvas_fill_rect(c, r, pal->bg);
    canvas_fill_rect(c, (Rect){r.x, r.y, r.w, 1}, pal->line);
    text_draw(t, c, a.r.x, r.y + px(s, 6), title, px(s, THEME_TEXT), 1, pal->ink);
    ticks(c, t, &a, 0);
    ticks(c, t, &a, 1);
    canvas_stroke_rect(c, (Rect){a.r.x - 1, a.r.y - 1, a.r.w + 2, a.r.h + 2}, 1, pal->ink);
    int fs = px(s, THEME_SMALL);
    text_draw(t, c, a.r.x + a.r.w - text_width(t, xname, fs, 1),
              a.r.y + a.r.h + px(s, 20), xname, fs, 1, pal->ink);
    return a;
}

/* ---- loss against iteration ---------------------------------------------- */

/* Writes path p's legend line: optimiser, rate, steps, cost, status, evaluations. */
static void legend_line(const App *app, const Path *p, char *buf, int n)
{
    int k = (int)floor(p->cursor), end = k >= p->traj.len - 1;
    long nf, ng;
    OptimConfig cfg = app_path_config(app, p);
    optim_cost(&cfg, k, &nf, &ng);
    snprintf(buf, n, str(STR_CHART_PATH_LINE, app->lang), optim_name(p->kind), app->optim.lr,
             k, p->traj.pts[k].loss, str_status(p->traj.status, end, app->lang), ng, nf);
}

void chart_draw_loss(const App *app, Canvas *c, Rect r, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale, lo = INFINITY, hi = -INFINITY;
    int xmax = 10;
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        int k = (int)floor(p->cursor);
        xmax = k > xmax ? k : xmax;
        for (int j = 0; j <= k; j++) {
            double v = p->traj.pts[j].loss;
            if (isfinite(v) && fabs(v) < 1e300) lo = fmin(lo, v), hi = fmax(hi, v);
        }
    }
    if (!(lo <= hi)) lo = 0, hi = 1;
    int logy = lo > 0 && hi / lo > 100;
    Axes a = axes(c, t, app->pal, r, s, 0, xmax, 0, lo, hi, logy,
                  str(logy ? STR_COST_PER_ITER_LOG : STR_COST_PER_ITER, app->lang),
                  str(STR_ITERATION, app->lang));
    Rect old = canvas_set_clip(c, a.r);
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        Vec2 prev = to_px(&a, 0, p->traj.pts[0].loss);
        for (int j = 1; j <= (int)floor(p->cursor); j++) {
            Vec2 q = to_px(&a, j, p->traj.pts[j].loss);
            if (!isfinite(q.y)) break;
            if (fabs(q.x - prev.x) < 0.5 && fabs(q.y - prev.y) < 0.5) continue;
            canvas_line(c, prev.x, fmax(fmin(prev.y, 1e5), -1e5), q.x,
                        fmax(fmin(q.y, 1e5), -1e5), 2 * s, plot_path_color(p->color));
            prev = q;
        }
    }
    canvas_set_clip(c, old);
    /* the legend, right of the chart */
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs) + px(s, 3);
    int x = a.r.x + a.r.w + px(s, 24), y = a.r.y, shown = 0;
    char buf[160];
    Rect lr = {x, r.y, r.x + r.w - x, r.h};
    old = canvas_set_clip(c, lr);
    for (int i = 0; i < app->npaths && y + 2 * lh <= r.y + r.h; i++, shown++) {
        const Path *p = &app->paths[i];
        canvas_fill_rect(c, (Rect){x, y + lh / 2 - px(s, 2), px(s, 16), px(s, 4)},
                         plot_path_color(p->color));
        legend_line(app, p, buf, sizeof buf);
        text_draw(t, c, x + px(s, 22), y, buf, fs, i == app->selected, pal->ink);
        y += lh;
    }
    if (shown < app->npaths) {
        snprintf(buf, sizeof buf, str(STR_AND_N_MORE, app->lang), app->npaths - shown);
        text_draw(t, c, x + px(s, 22), y, buf, fs, 0, pal->muted);
    }
    if (!app->npaths)
        text_draw(t, c, x, y, str(STR_CLICK_TO_START, app->lang), fs, 0, pal->muted);
    canvas_set_clip(c, old);
}

/* ---- final cost against the learning rate --------------------------------- */

void chart_draw_sweep(const App *app, Canvas *c, Rect r, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale, lo = INFINITY, hi = -INFINITY;
    char title[160];
    const SweepPoint *sw = app->sweep;
    int have = app->selected >= 0 && app->selected < app->npaths;
    for (int i = 0; have && i < APP_SWEEP; i++)
        if (sw[i].status != TRAJ_DIVERGED && isfinite(sw[i].loss))
            lo = fmin(lo, sw[i].loss), hi = fmax(hi, sw[i].loss);
    if (!(lo <= hi)) lo = 0, hi = 1;
    int logy = lo > 0 && hi / lo > 100;
    if (have) {
        const Path *p = &app->paths[app->selected];
        snprintf(title, sizeof title, str(STR_SWEEP_TITLE, app->lang),
                 optim_name(p->kind), p->start.x, p->start.y, APP_SWEEP_STEPS);
    } else {
        snprintf(title, sizeof title, "%s", str(STR_SWEEP_PICK, app->lang));
    }
    Axes a = axes(c, t, app->pal, r, s, CFG_LR_MIN, CFG_LR_MAX, 1, lo, hi, logy, title,
                  str(STR_LEARNING_RATE, app->lang));
    Rect old = canvas_set_clip(c, a.r);
    Vec2 now = to_px(&a, app->optim.lr, 1);
    canvas_fill_rect(c, (Rect){(int)now.x, a.r.y, px(s, 2), a.r.h}, pal->accent);
    for (int i = 0; have && i < APP_SWEEP; i++) {
        double y = sw[i].status == TRAJ_DIVERGED || !isfinite(sw[i].loss) ? NAN : sw[i].loss;
        Vec2 q = to_px(&a, sw[i].lr, isnan(y) ? 1 : y);
        if (isnan(y)) { /* off the chart: a cross along the top */
            canvas_cross(c, q.x, a.r.y + px(s, 8), 5 * s, 2 * s, pal->bad);
            continue;
        }
        Color col = sw[i].status == TRAJ_CONVERGED ? pal->good : pal->muted;
        canvas_disc(c, q.x, q.y, 4.5 * s, col);
    }
    canvas_set_clip(c, old);
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs) + px(s, 4);
    int x = a.r.x + a.r.w + px(s, 24), y = a.r.y;
    canvas_disc(c, x + 6 * s, y + lh / 2.0, 4.5 * s, pal->good);
    text_draw(t, c, x + px(s, 18), y, str(STR_LEG_CONVERGED, app->lang), fs, 0, pal->ink);
    canvas_disc(c, x + 6 * s, y + lh * 1.5, 4.5 * s, pal->muted);
    text_draw(t, c, x + px(s, 18), y + lh, str(STR_LEG_STILL, app->lang), fs, 0,
              pal->ink);
    canvas_cross(c, x + 6 * s, y + lh * 2.5, 5 * s, 2 * s, pal->bad);
    text_draw(t, c, x + px(s, 18), y + 2 * lh, str(STR_LEG_DIVERGED, app->lang), fs, 0,
              pal->ink);
    canvas_fill_rect(c, (Rect){x + px(s, 5), y + 3 * lh + px(s, 2), px(s, 2), lh - px(s, 4)},
                     pal->accent);
    text_draw(t, c, x + px(s, 18), y + 3 * lh, str(STR_LEG_SLIDER, app->lang), fs, 0,
              pal->ink);
}

/* ---- the data and the model ----------------------------------------------- */

#define MAX_SAMPLES 256

/* 1-D data: targets against inputs, and the model's output as a curve. */
static void model_1d(const App *app, Canvas *c, Text *t, Rect r, const DataSample *d, int n,
                     Vec2 w, const char *title)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale, x0 = INFINITY, x1 = -INFINITY;
    double y0 = INFINITY, y1 = -INFINITY;
    for (int i = 0; i < n; i++) {
        x0 = fmin(x0, d[i].x1), x1 = fmax(x1, d[i].x1);
        y0 = fmin(y0, d[i].y), y1 = fmax(y1, d[i].y);
    }
    double mx = (x1 - x0) * 0.15 + 0.5, my = (y1 - y0) * 0.2 + 0.2;
    Axes a = axes(c, t, app->pal, r, s, x0 - mx, x1 + mx, 0, y0 - my, y1 + my, 0, title,
                  str(STR_INPUT_X, app->lang));
    Rect old = canvas_set_clip(c, a.r);
    Vec2 prev = {NAN, NAN};
    for (int k = 0; k <= a.r.w; k += 2) {
        double x = a.x0 + (a.x1 - a.x0) * k / a.r.w;
        Vec2 q = to_px(&a, x, data_predict(app->surface, w.x, w.y, x, 0));
        q.y = fmax(fmin(q.y, a.r.y + a.r.h + 50.0), a.r.y - 50.0);
        if (isfinite(prev.x) && isfinite(q.y))
            canvas_line(c, prev.x, prev.y, q.x, q.y, 2.5 * s, pal->accent);
        prev = q;
    }
    for (int i = 0; i < n; i++) {
        Vec2 q = to_px(&a, d[i].x1, d[i].y);
        canvas_disc(c, q.x, q.y, 5 * s, pal->ink);
        canvas_disc(c, q.x, q.y, 3.5 * s, (Color){240, 160, 40, 255});
    }
    canvas_set_clip(c, old);
}

/* 2-D data: the plane of inputs shaded by the model's class, points by label. */
static void model_2d(const App *app, Canvas *c, Text *t, Rect r, const DataSample *d, int n,
                     Vec2 w, const char *title)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale, lo = INFINITY, hi = -INFINITY;
    DataInfo info = data_info(app->surface);
    for (int i = 0; i < n; i++) {
        lo = fmin(lo, fmin(d[i].x1, d[i].x2));
        hi = fmax(hi, fmax(d[i].x1, d[i].x2));
    }
    double m = (hi - lo) * 0.1 + 0.3;
    Axes a = axes(c, t, app->pal, r, s, lo - m, hi + m, 0, lo - m, hi + m, 0, title,
                  str(STR_INPUT_X12, app->lang));
    Color pos = {253, 208, 162, 255}, neg = {190, 210, 240, 255};
    for (int j = 0; j < a.r.h; j += 2)
        for (int i = 0; i < a.r.w; i += 2) {
            double x1 = a.x0 + (a.x1 - a.x0) * (i + 1) / a.r.w;
            double x2 = a.y1 - (a.y1 - a.y0) * (j + 1) / a.r.h;
            double out = data_predict(app->surface, w.x, w.y, x1, x2);
            canvas_fill_rect(c, (Rect){a.r.x + i, a.r.y + j, 2, 2}, out > info.threshold ? pos : neg);
        }
    canvas_stroke_rect(c, (Rect){a.r.x - 1, a.r.y - 1, a.r.w + 2, a.r.h + 2}, 1, pal->ink);
    Rect old = canvas_set_clip(c, a.r);
    for (int i = 0; i < n; i++) {
        Vec2 q = to_px(&a, d[i].x1, d[i].x2);
        int one = d[i].y > (info.threshold > 0 ? 0.5 : 0);
        canvas_disc(c, q.x, q.y, 5 * s, pal->ink);
        canvas_disc(c, q.x, q.y, 3.5 * s, one ? (Color){230, 120, 20, 255}
                                               : (Color){40, 90, 200, 255});
    }
    canvas_set_clip(c, old);
}

void chart_draw_model(const App *app, Canvas *c, Rect r, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    static DataSample d[MAX_SAMPLES];
    int n = data_samples(app->surface, d, MAX_SAMPLES);
    if (n > MAX_SAMPLES) n = MAX_SAMPLES;
    char title[200];
    if (n == 0) {
        canvas_fill_rect(c, r, pal->bg);
        canvas_fill_rect(c, (Rect){r.x, r.y, r.w, 1}, pal->line);
        text_draw(t, c, r.x + px(s, 64), r.y + px(s, 10),
                  str(STR_MODEL_ONLY_DATA, app->lang), px(s, THEME_TEXT), 0,
                  pal->muted);
        return;
    }
    const char *what;
    Vec2 w = app_focus(app, &what);
    snprintf(title, sizeof title, str(STR_MODEL_TITLE, app->lang),
             app->surface->xlabel, w.x, app->surface->ylabel, w.y, what);
    if (data_info(app->surface).dim == 2)
        model_2d(app, c, t, r, d, n, w, title);
    else
        model_1d(app, c, t, r, d, n, w, title);
}

/* ---- the 1-D slice -------------------------------------------------------- */

/* Returns how far along d the selected path's next step lands from its current
 * point (NaN when there is no such step). */
static double next_step_along(const App *app, Vec2 d)
{
    if (app->selected < 0 || app->selected >= app->npaths) return NAN;
    const Path *p = &app->paths[app->selected];
    int k = (int)floor(p->cursor);
    if (k + 1 >= p->traj.len) return NAN;
    const TrajPoint *a = &p->traj.pts[k], *b = &p->traj.pts[k + 1];
    return (b->x - a->x) * d.x + (b->y - a->y) * d.y;
}

void chart_draw_slice(const App *app, Canvas *c, Rect r, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    const char *what;
    Vec2 th = app_focus(app, &what), g;
    double f0 = surface_eval(app->surface, th.x, th.y, &g), gn = hypot(g.x, g.y);
    char title[200];
    Vec2 d = gn > 0 ? (Vec2){-g.x / gn, -g.y / gn} : (Vec2){1, 0};
    double land = next_step_along(app, d);
    double span = fmax((app->view.x1 - app->view.x0) / 5, isfinite(land) ? 1.5 * fabs(land) : 0);
    enum { N = 241 };
    double tv[N], fv[N], lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < N; i++) {
        tv[i] = -span + 2 * span * i / (N - 1);
        fv[i] = surface_eval(app->surface, th.x + tv[i] * d.x, th.y + tv[i] * d.y, NULL);
        if (isfinite(fv[i])) lo = fmin(lo, fv[i]), hi = fmax(hi, fv[i]);
    }
    if (!(lo <= hi)) lo = 0, hi = 1;
    snprintf(title, sizeof title, str(STR_SLICE_TITLE, app->lang), what);
    Axes a = axes(c, t, app->pal, r, s, -span, span, 0, lo, hi + (hi - lo) * 0.05, 0, title,
                  str(STR_SLICE_AXIS, app->lang));
    Rect old = canvas_set_clip(c, a.r);
    /* the first-order prediction C - t |grad C| */
    Vec2 p0 = to_px(&a, -span, f0 + span * gn), p1 = to_px(&a, span, f0 - span * gn);
    canvas_line(c, p0.x, p0.y, p1.x, p1.y, 1.5 * s, pal->muted);
    for (int i = 1; i < N; i++) {
        Vec2 q0 = to_px(&a, tv[i - 1], fv[i - 1]), q1 = to_px(&a, tv[i], fv[i]);
        if (isfinite(q0.y) && isfinite(q1.y))
            canvas_line(c, q0.x, q0.y, q1.x, q1.y, 2.5 * s, pal->accent);
    }
    Vec2 here = to_px(&a, 0, f0);
    canvas_disc(c, here.x, here.y, 5 * s, pal->ink);
    if (isfinite(land)) {
        const Path *p = &app->paths[app->selected];
        double fl = surface_eval(app->surface, th.x + land * d.x, th.y + land * d.y, NULL);
        Vec2 q = to_px(&a, land, fl);
        canvas_disc(c, q.x, q.y, 6.5 * s, pal->ink);
        canvas_disc(c, q.x, q.y, 5 * s, plot_path_color(p->color));
    }
    canvas_set_clip(c, old);
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs) + px(s, 4);
    int x = a.r.x + a.r.w + px(s, 24), y = a.r.y;
    char buf[160];
    canvas_fill_rect(c, (Rect){x, y + lh / 2 - 1, px(s, 18), px(s, 3)}, pal->accent);
    text_draw(t, c, x + px(s, 24), y, str(STR_SLICE_COST, app->lang), fs, 0, pal->ink);
    canvas_fill_rect(c, (Rect){x, y + lh + lh / 2 - 1, px(s, 18), px(s, 2)}, pal->muted);
    text_draw(t, c, x + px(s, 24), y + lh, str(STR_SLICE_FIRST, app->lang), fs, 0,
              pal->ink);
    snprintf(buf, sizeof buf, str(STR_SLICE_GRAD, app->lang), gn, f0);
    text_draw(t, c, x, y + 2 * lh, buf, fs, 0, pal->ink);
    if (isfinite(land)) {
        snprintf(buf, sizeof buf, str(STR_SLICE_LANDS, app->lang), land);
        text_draw(t, c, x, y + 3 * lh, buf, fs, 0, pal->ink);
    }
}
