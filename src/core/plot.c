/* The picture of a surface, drawn into a canvas: the heat-map (colour-mapped
 * field, hatched where undefined) and the contour lines, from a cache that is
 * recomputed only as far as needed; the paths are drawn by plot_paths.c. The
 * window's canvas and `render` both come through here. */
#include "plot.h"

#include "canvas_impl.h"
#include "heat.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *mode_names[] = {[PLOT_HEAT] = "heat", [PLOT_CONTOUR] = "contour",
                                   [PLOT_BOTH] = "both"};

int plot_mode_find(const char *name)
{
    for (int m = PLOT_HEAT; name && m <= PLOT_BOTH; m++)
        if (strcmp(mode_names[m], name) == 0) return m;
    return -1;
}

const char *plot_mode_name(PlotMode m)
{
    return m >= PLOT_HEAT && m <= PLOT_BOTH ? mode_names[m] : "?";
}

/* ---- cache ----------------------------------------------------------------- */

static int same_view(View a, View b)
{
    return a.x0 == b.x0 && a.x1 == b.x1 && a.y0 == b.y0 && a.y1 == b.y1;
}

/* Makes room for n pixels in c's kept picture; returns 0, or -1 when memory runs
 * out. */
static int reserve_layer(PlotCache *c, size_t n)
{
    if (n <= c->layer_cap) return 0;
    uint32_t *px = realloc(c->layer, n * sizeof *px);
    if (!px) return -1;
    c->layer = px;
    c->layer_cap = n;
    c->layer_ok = 0;
    c->heat_pre = 0;
    return 0;
}

/* Samples the field afresh; when st shows the heat-map and the kept picture has
 * room, colours it there row by row as it goes (heat_sample). Returns 0 or -1. */
static int sample(PlotCache *c, const Surface *s, View v, int w, int h,
                  const PlotStyle *st)
{
    if (!(st->mode & PLOT_HEAT) || reserve_layer(c, (size_t)w * (size_t)h) != 0)
        return field_sample(&c->field, s, v, w, h);
    Canvas lc = canvas_init(c->layer, w, h, w);
    if (heat_sample(&lc, (Rect){0, 0, w, h}, &c->field, s, v, st->log, st->cmap) != 0)
        return -1;
    c->heat_pre = 1;
    c->heat_cmap = st->cmap;
    c->heat_log = st->log != 0;
    return 0;
}

int plot_update(PlotCache *c, const Surface *s, View v, int w, int h,
                const PlotStyle *st)
{
    int levels = st->levels < 1 ? 1 : st->levels > PLOT_MAX_LEVELS ? PLOT_MAX_LEVELS
                                                                     : st->levels;
    if (!c->field_ok || c->surface != s || c->field.w != w || c->field.h != h ||
        !same_view(c->field.view, v)) {
        /* a pan by whole pixels evaluates only what comes into view */
        int moved = c->field_ok && c->surface == s && c->field.w == w && c->field.h == h &&
                    field_pan(&c->field, s, v) == 1;
        c->heat_pre = 0;
        if (!moved && sample(c, s, v, w, h, st) != 0) return -1;
        c->surface = s;
        c->field_ok = 1;
        c->contours_ok = 0;
        c->layer_ok = 0;
    }
    c->scale = (ValueScale){c->field.vmin, c->field.vmax, st->log != 0};
    if (!c->contours_ok || c->levels_of != levels || c->log_of != (st->log != 0)) {
        c->nlevels = levels;
        for (int k = 0; k < levels; k++)
            c->level[k] = view_unit_value(c->scale, (k + 0.5) / levels);
        if (contour_trace(&c->contours, c->field.v, w, h, c->level, levels) < 0)
            return -1;
        c->levels_of = levels;
        c->log_of = st->log != 0;
        c->contours_ok = 1;
        c->layer_ok = 0;
    }
    return 0;
}

void plot_invalidate(PlotCache *c)
{
    c->field_ok = c->contours_ok = c->layer_ok = c->heat_pre = 0;
}

void plot_free(PlotCache *c)
{
    field_free(&c->field);
    contour_free(&c->contours);
    free(c->layer);
    free(c->pieces);
    lines_free(&c->lines);
    memset(c, 0, sizeof *c);
}

/* ---- surface --------------------------------------------------------------- */

/* Draws the contour lines: thin lines in one batch (lines_draw), or one by one
 * with canvas_line when memory for the batch runs out. */
static void draw_contours(Canvas *cv, Rect r, PlotCache *c, const PlotStyle *st)
{
    double k = st->scale > 0 ? st->scale : 1, width = (st->mode & PLOT_HEAT ? 1.0 : 1.4) * k;
    Color white = {255, 255, 255, 120}, ink[PLOT_MAX_LEVELS];
    /* one colour a level, worked out once rather than once a segment */
    for (int m = 0; m < c->nlevels; m++)
        ink[m] = st->mode & PLOT_HEAT
                     ? white
                     : cmap_color(st->cmap, view_value_unit(c->scale, c->level[m]));
    const ContourSet *cs = &c->contours;
    size_t n = (size_t)cs->count;
    if (n > c->pieces_cap) {
        LineSeg *p = realloc(c->pieces, n * sizeof *p);
        if (p) c->pieces = p, c->pieces_cap = n;
    }
    if (n <= c->pieces_cap) {
        /* sample (i, j) is the centre of pixel (r.x + i, r.y + j) */
        float ox = (float)r.x + 0.5f, oy = (float)r.y + 0.5f;
        LineSeg *p = c->pieces;
#pragma omp parallel for schedule(static)
        for (int i = 0; i < cs->count; i++) {
            const ContourSeg *s = &cs->seg[i];
            p[i] = (LineSeg){s->x0 + ox, s->y0 + oy, s->x1 + ox, s->y1 + oy, s->level};
        }
        lines_draw(&c->lines, cv, p, cs->count, width, ink, c->nlevels);
        return;
    }
    for (int i = 0; i < cs->count; i++) {
        const ContourSeg *s = &cs->seg[i];
        canvas_line(cv, r.x + s->x0 + 0.5, r.y + s->y0 + 0.5, r.x + s->x1 + 0.5,
                    r.y + s->y1 + 0.5, width, ink[s->level]);
    }
}

/* Draws the gradient field: at the centre of each cell of a grid about 44 pixels
 * apart, an arrow along -grad C (the way gradient descent goes), its length growing
 * with |grad C| relative to the largest on screen (square-root scale, so weak slopes
 * still show a direction). */
static void draw_field(Canvas *cv, Rect r, const PlotCache *c, const PlotStyle *st)
{
    double k = st->scale > 0 ? st->scale : 1, cell = 44 * k;
    int nx = (int)(r.w / cell) + 1, ny = (int)(r.h / cell) + 1;
    if (nx > 96 || ny > 96) return;
    Vec2 g[96][96];
    double gmax = 0;
    View v = c->field.view;
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            Vec2 p = view_from_px(v, r, (Vec2){r.x + (i + 0.5) * r.w / nx, r.y + (j + 0.5) * r.h / ny});
            surface_eval(c->surface, p.x, p.y, &g[j][i]);
            double m = hypot(g[j][i].x, g[j][i].y);
            if (isfinite(m) && m > gmax) gmax = m;
        }
    if (!(gmax > 0)) return;
    /* pixels per parameter unit, to turn a gradient into a screen direction */
    double sx = r.w / (v.x1 - v.x0), sy = r.h / (v.y1 - v.y0);
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            double dx = -g[j][i].x * sx, dy = g[j][i].y * sy, m = hypot(dx, dy);
            double len = sqrt(hypot(g[j][i].x, g[j][i].y) / gmax) * 0.8 * fmin(r.w / nx, r.h / ny);
            if (!(m > 0) || !isfinite(len) || len < 2 * k) continue;
            double cx = r.x + (i + 0.5) * r.w / nx, cy = r.y + (j + 0.5) * r.h / ny;
            double ex = dx / m * len / 2, ey = dy / m * len / 2;
            canvas_arrow(cv, cx - ex, cy - ey, cx + ex, cy + ey, 3.2 * k, 7 * k,
                         (Color){0, 0, 0, 110});
            canvas_arrow(cv, cx - ex, cy - ey, cx + ex, cy + ey, 1.5 * k, 7 * k,
                         (Color){255, 255, 255, 230});
        }
}

/* Draws the surface into area r of cv directly; with `heat_done` the heat-map is
 * there already. */
static void draw_surface(Canvas *cv, Rect r, PlotCache *c, const PlotStyle *st,
                         int heat_done)
{
    Rect old = canvas_set_clip(cv, r);
    if (!(st->mode & PLOT_HEAT))
        canvas_fill_rect(cv, r, (Color){255, 255, 255, 255});
    else if (!heat_done)
        heat_draw(cv, r, &c->field, c->scale, st->cmap);
    if (st->mode & PLOT_CONTOUR) draw_contours(cv, r, c, st);
    if (st->field) draw_field(cv, r, c, st);
    canvas_set_clip(cv, old);
}

static int same_style(PlotStyle a, PlotStyle b)
{
    return a.mode == b.mode && a.cmap == b.cmap && a.levels == b.levels &&
           (a.log != 0) == (b.log != 0) && a.scale == b.scale && a.field == b.field;
}

int plot_draw_surface(Canvas *cv, Rect r, PlotCache *c, const PlotStyle *st)
{
    if (reserve_layer(c, (size_t)r.w * (size_t)r.h) != 0) {
        draw_surface(cv, r, c, st, 0);
        return -1;
    }
    if (!c->layer_ok || !same_style(c->layer_of, *st)) {
        Canvas lc = canvas_init(c->layer, r.w, r.h, r.w);
        /* the heat-map plot_update drew while sampling, if it is this one */
        int done = c->heat_pre && st->mode & PLOT_HEAT && c->heat_cmap == st->cmap &&
                   c->heat_log == (st->log != 0) && c->field.w == r.w && c->field.h == r.h;
        draw_surface(&lc, (Rect){0, 0, r.w, r.h}, c, st, done);
        c->heat_pre = 0; /* drawn over now */
        c->layer_ok = 1;
        c->layer_of = *st;
    }
    /* copy the kept picture, clipped to the canvas; rows in parallel when large */
    Rect k = cv->clip;
    int x0 = r.x > k.x ? r.x : k.x, x1 = r.x + r.w < k.x + k.w ? r.x + r.w : k.x + k.w;
    int y0 = r.y > k.y ? r.y : k.y, y1 = r.y + r.h < k.y + k.h ? r.y + r.h : k.y + k.h;
    if (x1 <= x0) return 0;
#pragma omp parallel for schedule(static) if ((long long)(x1 - x0) * (y1 - y0) > CANVAS_BIG)
    for (int y = y0; y < y1; y++)
        memcpy(cv->px + (size_t)y * cv->stride + x0,
               c->layer + (size_t)(y - r.y) * r.w + (x0 - r.x), (size_t)(x1 - x0) * 4);
    return 0;
}
