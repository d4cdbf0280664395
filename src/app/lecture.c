/* Back-propagation made visible. The numbers come from core (data_backprop: the
 * chain rule through one sample; the surface's batch function for per-sample
 * gradients); this file lays out the graph, the table and the arrows. */
#include "lecture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/strings.h"
#include "app/theme.h"
#include "core/data.h"

#define MAX_SAMPLES 256

/* How one model's graph is labelled. */
typedef struct {
    const char *name;  /* surface */
    const char *z, *a, *cost; /* node formulas */
    const char *w, *b; /* the two parameters */
} Labels;

static const Labels labels[] = {
    {"linreg", "z = w·x + b", "a = z", "C_i = (a − y)²/2", "w", "b"},
    {"neuron-mse", "z = w·x + b", "a = σ(z)", "C_i = (a − y)²/2", "w", "b"},
    {"neuron-xent", "z = w·x + b", "a = σ(z)", "C_i = −y ln a − (1−y) ln(1−a)", "w", "b"},
    {"tiny-net", "z = w1·x", "h = tanh(z)", "C_i = (w2·h − y)²/2", "w1", "w2"},
    {"svm-hinge", "z = w1·x1 + w2·x2", "a = z", "C_i = max(0, 1 − y·z) + 0.05|w|²", "w1",
     "w2"},
};

static const Labels *labels_of(const Surface *s)
{
    for (unsigned i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].name, s->name) == 0) return &labels[i];
    return NULL;
}

static int px(double s, double v) { return (int)lround(v * s); }

/* A node: a framed box with up to two lines, centred at (cx, cy); returns its rect. */
static Rect node(Canvas *c, Text *t, const Theme *pal, double s, int cx, int cy, const char *l1, const char *l2,
                 Color frame)
{
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs);
    int w = (int)fmax(text_width(t, l1, fs, 1), text_width(t, l2, fs, 0)) + px(s, 14);
    Rect r = {cx - w / 2, cy - lh - px(s, 4), w, 2 * lh + px(s, 8)};
    canvas_fill_rect(c, r, pal->face);
    canvas_stroke_rect(c, r, 2, frame);
    text_draw(t, c, r.x + px(s, 7), r.y + px(s, 4), l1, fs, 1, pal->ink);
    text_draw(t, c, r.x + px(s, 7), r.y + px(s, 4) + lh, l2, fs, 0, pal->ink);
    return r;
}

/* An edge from the right side of a to the left side of b, with its local derivative
 * above it in two lines: the symbol and the value. */
static void edge(Canvas *c, Text *t, const Theme *pal, double s, Rect a, Rect b, const char *sym, double v)
{
    double x0 = a.x + a.w, y0 = a.y + a.h / 2.0, x1 = b.x, y1 = b.y + b.h / 2.0;
    char val[32];
    canvas_arrow(c, x0 + 2, y0, x1 - 2, y1, 1.8 * s, 9 * s, pal->accent);
    snprintf(val, sizeof val, "= %.3g", v);
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs), mx = (int)((x0 + x1) / 2);
    text_draw(t, c, mx - text_width(t, sym, fs, 1) / 2, (int)y0 - 2 * lh - px(s, 4), sym, fs, 1,
              pal->accent);
    text_draw(t, c, mx - text_width(t, val, fs, 0) / 2, (int)y0 - lh - px(s, 4), val, fs, 0,
              pal->accent);
}

/* The graph of sample i at parameters th: four nodes and three edges. */
static void graph(const App *app, Canvas *c, Rect r, Text *t, const Labels *L, Vec2 th,
                  const DataBackprop *bp, int i)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    char l1[96], l2[96], e[192];
    int cy = r.y + r.h * 2 / 5;
    snprintf(l1, sizeof l1, str(STR_SAMPLE, app->lang), i);
    snprintf(l2, sizeof l2, "x = %.3g, y = %.3g", bp->x, bp->y);
    Rect nx = node(c, t, app->pal, s, r.x + r.w * 9 / 100, cy, l1, l2, pal->line);
    snprintf(l2, sizeof l2, "= %.4g", bp->z);
    Rect nz = node(c, t, app->pal, s, r.x + r.w * 37 / 100, cy, L->z, l2, pal->line);
    snprintf(l2, sizeof l2, "= %.4g", bp->a);
    Rect na = node(c, t, app->pal, s, r.x + r.w * 64 / 100, cy, L->a, l2, pal->line);
    snprintf(l2, sizeof l2, "= %.4g", bp->C);
    Rect nc = node(c, t, app->pal, s, r.x + r.w * 89 / 100, cy, "C_i", l2, pal->line);
    snprintf(e, sizeof e, "∂z/∂%s", L->w);
    edge(c, t, app->pal, s, nx, nz, e, bp->dz_dw);
    edge(c, t, app->pal, s, nz, na, "∂a/∂z", bp->da_dz);
    edge(c, t, app->pal, s, na, nc, "∂C/∂a", bp->dC_da);
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs) + px(s, 3);
    int y = nz.y + nz.h + px(s, 12), x = r.x + px(s, 10);
    snprintf(e, sizeof e, "%s;  %s = %.4g, %s = %.4g;  ∂z/∂%s = %.3g", L->cost, L->w, th.x,
             L->b, th.y, L->b, bp->dz_db);
    text_draw(t, c, x, y, e, fs, 0, pal->muted);
    snprintf(e, sizeof e, "∂C_i/∂%s = ∂C/∂a · ∂a/∂z · ∂z/∂%s = %.3g × %.3g × %.3g = %.4g",
             L->w, L->w, bp->dC_da, bp->da_dz, bp->dz_dw, bp->dC_dw);
    text_draw(t, c, x, y + lh, e, fs, 1, pal->ink);
    snprintf(e, sizeof e, str(STR_CHOOSE_SAMPLE, app->lang), L->b, bp->dC_db);
    text_draw(t, c, x, y + 2 * lh, e, fs, 1, pal->ink);
}

/* The table of every sample's gradient and their mean, right of the graph. */
static void table(const App *app, Canvas *c, Rect r, Text *t, const Labels *L, Vec2 th)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    int fs = px(s, THEME_SMALL), lh = text_height(t, fs) + px(s, 1), n = app->surface->nsamples;
    int x = r.x, y = r.y + px(s, 6), shown = 0;
    char buf[128];
    double mw = 0, mb = 0;
    snprintf(buf, sizeof buf, "  i       x       y    ∂C_i/∂%s   ∂C_i/∂%s", L->w, L->b);
    text_draw(t, c, x, y, buf, fs, 1, pal->ink);
    y += lh;
    for (int i = 0; i < n; i++) {
        DataBackprop bp;
        data_backprop(app->surface, i, th.x, th.y, &bp);
        mw += bp.dC_dw / n;
        mb += bp.dC_db / n;
        if (y + 4 * lh > r.y + r.h) continue;
        snprintf(buf, sizeof buf, "%3d %7.3g %7.3g %10.4g %10.4g", i, bp.x, bp.y, bp.dC_dw,
                 bp.dC_db);
        if (i == app->sample) canvas_fill_rect(c, (Rect){x - 2, y, r.w, lh}, pal->hover);
        text_draw(t, c, x, y, buf, fs, 0, pal->ink);
        y += lh;
        shown++;
    }
    if (shown < n) {
        snprintf(buf, sizeof buf, str(STR_N_MORE, app->lang), n - shown);
        text_draw(t, c, x, y, buf, fs, 0, pal->muted);
        y += lh;
    }
    Vec2 g;
    surface_eval(app->surface, th.x, th.y, &g);
    snprintf(buf, sizeof buf, str(STR_MEAN, app->lang), mw, mb);
    text_draw(t, c, x, y + px(s, 2), buf, fs, 1, pal->ink);
    snprintf(buf, sizeof buf, str(STR_GRAD_ON_CANVAS, app->lang), g.x, g.y);
    text_draw(t, c, x, y + px(s, 2) + lh, buf, fs, 1, pal->ink);
}

void lecture_draw_backprop(const App *app, Canvas *c, Rect r, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    canvas_fill_rect(c, r, pal->bg);
    canvas_fill_rect(c, (Rect){r.x, r.y, r.w, 1}, pal->line);
    const Labels *L = labels_of(app->surface);
    const char *what;
    Vec2 th = app_focus(app, &what);
    DataBackprop bp;
    int i = app->surface->nsamples ? app->sample % app->surface->nsamples : 0;
    if (!L || data_backprop(app->surface, i, th.x, th.y, &bp) != 0) {
        text_draw(t, c, r.x + px(s, 20), r.y + px(s, 12),
                  str(STR_BACKPROP_ONLY, app->lang), px(s, THEME_TEXT), 0, pal->muted);
        return;
    }
    char title[160];
    snprintf(title, sizeof title, str(STR_BACKPROP_TITLE, app->lang), what);
    text_draw(t, c, r.x + px(s, 10), r.y + px(s, 6), title, px(s, THEME_TEXT), 1, pal->ink);
    Rect g = {r.x, r.y + px(s, 30), r.w * 64 / 100, r.h - px(s, 30)};
    Rect tb = {r.x + r.w * 64 / 100 + px(s, 10), r.y + px(s, 26), r.w * 36 / 100 - px(s, 14),
               r.h - px(s, 26)};
    graph(app, c, g, t, L, th, &bp, i);
    table(app, c, tb, t, L, th);
}

void lecture_draw_samples(const App *app, Canvas *c)
{
    const Surface *s = app->surface;
    int n = s->nsamples < MAX_SAMPLES ? s->nsamples : MAX_SAMPLES;
    if (n <= 0 || !s->batch) return;
    double k = app->dpi * app->text_scale;
    Vec2 th = app_focus(app, NULL), gi[MAX_SAMPLES], g;
    double gmax = 0;
    for (int i = 0; i < n; i++) {
        s->batch(s->ctx, th.x, th.y, &i, 1, &gi[i]);
        gmax = fmax(gmax, hypot(gi[i].x, gi[i].y));
    }
    surface_eval(s, th.x, th.y, &g);
    if (!(gmax > 0)) return;
    /* the batch of the selected path's next step, highlighted */
    int in_batch[MAX_SAMPLES] = {0}, idx[TRAJ_MAX_SAMPLES], b = 0;
    if (app->selected >= 0 && app->selected < app->npaths && app->optim.batch) {
        const Path *p = &app->paths[app->selected];
        OptimConfig cfg = app_path_config(app, p);
        TrajIter *it = malloc(sizeof *it);
        if (it) {
            traj_begin(it, s, &cfg, p->start);
            for (int j = 0; j < (int)floor(p->cursor) && traj_next(it); j++) {}
            b = traj_step_batch(it, idx);
            free(it);
        }
        for (int j = 0; j < b; j++)
            if (idx[j] < MAX_SAMPLES) in_batch[idx[j]] = 1;
    }
    Rect r = app->layout.plot;
    Rect old = canvas_set_clip(c, r);
    Vec2 a = view_to_px(app->view, r, th);
    double scale = 110 * k / gmax; /* the longest arrow is 110 px */
    double sx = r.w / (app->view.x1 - app->view.x0), sy = r.h / (app->view.y1 - app->view.y0);
    for (int i = 0; i < n; i++) {
        double dx = -gi[i].x, dy = gi[i].y, m = hypot(gi[i].x, gi[i].y);
        if (!(m > 0)) continue;
        double len = m * scale, pm = hypot(dx * sx, dy * sy);
        Color col = in_batch[i] ? (Color){230, 120, 20, 255} : (Color){255, 255, 255, 200};
        canvas_arrow(c, a.x, a.y, a.x + dx * sx / pm * len, a.y + dy * sy / pm * len,
                     (in_batch[i] ? 2.4 : 1.4) * k, 8 * k, col);
    }
    double m = hypot(g.x, g.y), pm = hypot(g.x * sx, g.y * sy);
    if (m > 0) {
        double ex = a.x - g.x * sx / pm * m * scale, ey = a.y + g.y * sy / pm * m * scale;
        canvas_arrow(c, a.x, a.y, ex, ey, 5 * k, 12 * k, (Color){0, 0, 0, 200});
        canvas_arrow(c, a.x, a.y, ex, ey, 2.6 * k, 12 * k, (Color){215, 40, 40, 255});
    }
    canvas_set_clip(c, old);
}
