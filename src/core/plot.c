/* The picture of a surface, drawn into a canvas: the heat-map (colour-mapped
 * field, hatched where undefined), the contour lines and the optimisation paths.
 * The window's canvas and `render` both come through here. */
#include "plot.h"

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

/* Okabe & Ito's colour-blind-safe palette, brightest first for dark heat-maps. */
static const Color path_palette[] = {
    {255, 255, 255, 255}, {230, 159, 0, 255},  {86, 180, 233, 255},
    {240, 228, 66, 255},  {204, 121, 167, 255}, {0, 158, 115, 255},
    {213, 94, 0, 255},    {0, 114, 178, 255},
};

Color plot_path_color(int i)
{
    int n = (int)(sizeof path_palette / sizeof path_palette[0]);
    return path_palette[((i % n) + n) % n];
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
#pragma omp parallel for schedule(static) if ((long long)(x1 - x0) * (y1 - y0) > 1 << 16)
    for (int y = y0; y < y1; y++)
        if (x1 > x0)
            memcpy(cv->px + (size_t)y * cv->stride + x0,
                   c->layer + (size_t)(y - r.y) * r.w + (x0 - r.x), (size_t)(x1 - x0) * 4);
    return 0;
}

/* ---- paths ----------------------------------------------------------------- */

/* Clips segment a-b to rectangle [x0,x1]x[y0,y1] (Liang-Barsky); returns 0 when
 * nothing is left. */
static int clip_segment(Vec2 *a, Vec2 *b, double x0, double y0, double x1, double y1)
{
    double t0 = 0, t1 = 1, dx = b->x - a->x, dy = b->y - a->y;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {a->x - x0, x1 - a->x, a->y - y0, y1 - a->y};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0 && t > t0) t0 = t;
        if (p[i] > 0 && t < t1) t1 = t;
        if (t0 > t1) return 0;
    }
    Vec2 a0 = *a;
    *a = (Vec2){a0.x + t0 * dx, a0.y + t0 * dy};
    *b = (Vec2){a0.x + t1 * dx, a0.y + t1 * dy};
    return 1;
}

/* Segments a polyline remembers to skip repeats: a path caught in a cycle of
 * period <= POLY_RECENT (the learning rate just past a stability edge) would
 * otherwise draw the same long segments thousands of times. */
#define POLY_RECENT 16
#define POLY_SAME   0.25 /* pixels: endpoints this close draw the same pixels */
#define POLY_HEAD   64   /* segments of a path always drawn first: how it sets out */
#define POLY_INK    1.0  /* the paths' halos together cover at most this many plots */
#define PLOT_PATH_BANDS 2 /* bands the paths are drawn in, in parallel */

/* Returns nonzero when segment a-b (either way round) is one of recent[0..n-1]. */
static int seen(const Vec2 (*recent)[2], int n, Vec2 a, Vec2 b)
{
    for (int i = 0; i < n; i++) {
        const Vec2 *s = recent[i];
        if (fabs(s[0].x - a.x) <= POLY_SAME && fabs(s[0].y - a.y) <= POLY_SAME &&
            fabs(s[1].x - b.x) <= POLY_SAME && fabs(s[1].y - b.y) <= POLY_SAME)
            return 1;
        if (fabs(s[0].x - b.x) <= POLY_SAME && fabs(s[0].y - b.y) <= POLY_SAME &&
            fabs(s[1].x - a.x) <= POLY_SAME && fabs(s[1].y - a.y) <= POLY_SAME)
            return 1;
    }
    return 0;
}

/* Walks p's segments in pixels as drawn: repeats (see seen) and sub-pixel steps
 * left out, clipped to r grown by 50 px so caps stay round. Of the rest it keeps
 * the first POLY_HEAD, then every stride-th, and the last POLY_RECENT; with w > 0 it draws each kept one,
 * and with dots a dot at its end where that is 6k px from the last dot. Returns
 * the pixel length of the segments it would keep at stride 1. */
static double walk(Canvas *cv, Rect r, View v, const PlotPath *p, int stride, double w,
                   Color col, double dots)
{
    double m = 50, len = 0;
    Vec2 recent[POLY_RECENT][2], dot = view_to_px(v, r, (Vec2){p->pts[0].x, p->pts[0].y});
    Vec2 last = dot, from = {p->pts[0].x, p->pts[0].y};
    /* Most steps move less than half a pixel: they are told apart with a product
     * instead of view_to_px's divisions, with a margin far above the rounding of
     * either (the test is only trusted within a million pixels of the view). */
    double kx = (r.w > 0 ? r.w : 1) / (v.x1 - v.x0), ky = (r.h > 0 ? r.h : 1) / (v.y1 - v.y0);
    int nrecent = 0, next = 0, kept = 0;
    for (int i = 1; i < p->shown; i++) {
        double ex = (p->pts[i].x - from.x) * kx, ey = (p->pts[i].y - from.y) * ky;
        if (fabs(ex) < 0.4999 && fabs(ey) < 0.4999 && i + 1 < p->shown &&
            fabs(p->pts[i].x - v.x0) * kx < 1e6 && fabs(p->pts[i].y - v.y0) * ky < 1e6)
            continue;
        Vec2 q = view_to_px(v, r, (Vec2){p->pts[i].x, p->pts[i].y});
        if (!isfinite(q.x) || !isfinite(q.y)) break;
        if (fabs(q.x - last.x) < 0.5 && fabs(q.y - last.y) < 0.5 && i + 1 < p->shown)
            continue;
        Vec2 a = last, b = q;
        last = q;
        from = (Vec2){p->pts[i].x, p->pts[i].y};
        if (seen((const Vec2(*)[2])recent, nrecent, a, b)) continue;
        recent[next][0] = a, recent[next][1] = b;
        next = (next + 1) % POLY_RECENT;
        nrecent += nrecent < POLY_RECENT;
        if (!clip_segment(&a, &b, r.x - m, r.y - m, r.x + r.w + m, r.y + r.h + m)) continue;
        if (kept++ % stride != 0 && kept > POLY_HEAD && i < p->shown - POLY_RECENT) continue;
        len += sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        if (w > 0) canvas_line(cv, a.x, a.y, b.x, b.y, w, col);
        double gx = q.x - dot.x, gy = q.y - dot.y;
        if (dots > 0 && gx * gx + gy * gy >= 36 * dots * dots) {
            if (q.x > r.x - 5 && q.x < r.x + r.w + 5 && q.y > r.y - 5 && q.y < r.y + r.h + 5) {
                canvas_disc(cv, q.x, q.y, 3.2 * dots, (Color){0, 0, 0, 200});
                canvas_disc(cv, q.x, q.y, 2.2 * dots, p->color);
            }
            dot = q;
        }
    }
    return len;
}

/* Fills stride[0..n-1] so that the paths' kept lengths add up to about `budget`
 * pixels: the longest are thinned first (every stride-th segment, spread over the
 * whole path, so a chaotic orbit keeps its shape), short ones are drawn whole. */
static void strides(Canvas *cv, Rect r, View v, const PlotPath *paths, int n,
                    double budget, int *stride)
{
    double len[PLOT_MAX_PATHS], total = 0;
#pragma omp parallel for schedule(dynamic, 1)
    for (int i = 0; i < n; i++)
        len[i] = paths[i].shown > 1 ? walk(cv, r, v, &paths[i], 1, 0, paths[i].color, 0) : 0;
    for (int i = 0; i < n; i++) {
        total += len[i];
        stride[i] = 1;
    }
    if (total <= budget) return;
    /* the cap c with sum(min(len, c)) = budget, by raising c over the sorted lengths */
    double sorted[PLOT_MAX_PATHS], rest = budget, c = 0;
    for (int i = 0; i < n; i++) {
        int j = i;
        for (; j > 0 && sorted[j - 1] > len[i]; j--) sorted[j] = sorted[j - 1];
        sorted[j] = len[i];
    }
    for (int i = 0; i < n; i++) {
        c = rest / (n - i);
        if (sorted[i] > c) break;
        rest -= sorted[i];
    }
    for (int i = 0; i < n; i++)
        if (len[i] > c && c > 0) stride[i] = (int)ceil(len[i] / c);
}

/* Returns the last finite shown point of p in pixels (the start if none). */
static Vec2 last_point(Rect r, View v, const PlotPath *p)
{
    Vec2 q = view_to_px(v, r, (Vec2){p->pts[0].x, p->pts[0].y});
    for (int i = p->shown - 1; i > 0; i--) {
        Vec2 t = view_to_px(v, r, (Vec2){p->pts[i].x, p->pts[i].y});
        if (isfinite(t.x) && isfinite(t.y)) return t;
    }
    return q;
}

/* Draws the paths, thinned by stride[0..m-1] (see strides). */
static void draw_all(Canvas *cv, Rect r, View v, const PlotPath *paths, int n, double k,
                      const int *stride, int m)
{
    Color halo = {0, 0, 0, 150}, black = {0, 0, 0, 220};
    for (int i = 0; i < n; i++) {
        const PlotPath *p = &paths[i];
        if (p->shown < 1) continue;
        double w = (p->selected ? 3.2 : 2.2) * k;
        int st = i < m ? stride[i] : 1;
        walk(cv, r, v, p, st, w + 2.5 * k, halo, 0);
        walk(cv, r, v, p, st, w, p->color, 0);
        walk(cv, r, v, p, st, 0, halo, k); /* the dots, over the line */
    }
    for (int i = 0; i < n; i++) {
        const PlotPath *p = &paths[i];
        if (p->shown < 1) continue;
        Vec2 s = view_to_px(v, r, (Vec2){p->pts[0].x, p->pts[0].y});
        canvas_ring(cv, s.x, s.y, 6.5 * k, 4.5 * k, halo);
        canvas_ring(cv, s.x, s.y, 6.5 * k, 2.2 * k, p->color);
        Vec2 e = last_point(r, v, p);
        if (p->diverged) {
            canvas_cross(cv, e.x, e.y, 8 * k, 5 * k, black);
            canvas_cross(cv, e.x, e.y, 8 * k, 2.5 * k, p->color);
        } else {
            canvas_disc(cv, e.x, e.y, 6 * k, black);
            canvas_disc(cv, e.x, e.y, 4.5 * k, p->color);
        }
    }
}

void plot_draw_paths(Canvas *cv, Rect r, View v, const PlotPath *paths, int n,
                     double scale)
{
    double k = scale > 0 ? scale : 1;
    Rect old = canvas_set_clip(cv, r);
    int stride[PLOT_MAX_PATHS], m = n < PLOT_MAX_PATHS ? n : PLOT_MAX_PATHS;
    strides(cv, r, v, paths, m, POLY_INK * r.w * r.h / (4.7 * k), stride);
    /* Horizontal bands of the area drawn on all cores, each walking every path and
     * drawing what falls inside it in the same order: no pixel is in two bands and
     * no primitive's pixels depend on the clip, so this is the serial picture. */
    Rect clip = cv->clip;
#pragma omp parallel for schedule(dynamic, 1)
    for (int b = 0; b < PLOT_PATH_BANDS; b++) {
        Canvas bc = *cv;
        int y0 = clip.y + (int)((long long)clip.h * b / PLOT_PATH_BANDS);
        int y1 = clip.y + (int)((long long)clip.h * (b + 1) / PLOT_PATH_BANDS);
        bc.clip = (Rect){clip.x, y0, clip.w, y1 - y0};
        draw_all(&bc, r, v, paths, n, k, stride, m);
    }
    canvas_set_clip(cv, old);
}
