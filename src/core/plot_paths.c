/* The optimisation paths over the picture of a surface: a dark halo and a coloured
 * line with a dot every few pixels of travel, a ring at the start, a disc at the
 * current point, a cross where one diverged; repeated and sub-pixel segments
 * skipped, and long chaotic paths thinned to a budget of ink (see plot.h). */
#include "plot.h"

#include <math.h>
#include <stdlib.h>

#include "clip.h"

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

/* Segments a polyline remembers to skip repeats: a path caught in a cycle of
 * period <= POLY_RECENT (the learning rate just past a stability edge) would
 * otherwise draw the same long segments thousands of times. */
#define POLY_RECENT 16
#define POLY_SAME   0.25 /* pixels: endpoints this close draw the same pixels */
#define POLY_HEAD   64   /* segments of a path always drawn first: how it sets out */
#define PLOT_PATH_BANDS 4 /* bands the paths are drawn in, in parallel: a chaotic
                            * path's ink gathers in a strip, so two halves split it
                            * unevenly (at lr 0.0338 on Himmelblau 9.0 and 1.5 ms) */

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

/* One segment of a path as drawn: its ends in pixels, clipped; the iterate it
 * ends at, unclipped, and that iterate's index. */
typedef struct {
    Vec2 a, b, q;
    int i;
} Seg;

/* Walks p's segments in pixels once: repeats (see seen) and sub-pixel steps left
 * out, clipped to r grown by 50 px so caps stay round. Writes them to seg (room
 * for p->shown) and returns their number; *len gets their pixel length. */
static int collect(Rect r, View v, const PlotPath *p, Seg *seg, double *len)
{
    double m = 50;
    Vec2 lo = {r.x - m, r.y - m}, hi = {r.x + r.w + m, r.y + r.h + m};
    Vec2 recent[POLY_RECENT][2], last = view_to_px(v, r, (Vec2){p->pts[0].x, p->pts[0].y});
    Vec2 from = {p->pts[0].x, p->pts[0].y};
    /* Most steps move less than half a pixel: they are told apart with a product
     * instead of view_to_px's divisions, with a margin far above the rounding of
     * either (the test is only trusted within a million pixels of the view). */
    double kx = (r.w > 0 ? r.w : 1) / (v.x1 - v.x0), ky = (r.h > 0 ? r.h : 1) / (v.y1 - v.y0);
    int nrecent = 0, next = 0, n = 0;
    *len = 0;
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
        double t0, t1;
        if (!clip_segment(a, b, lo, hi, &t0, &t1)) continue;
        Vec2 a0 = a;
        a = clip_point(a0, b, t0), b = clip_point(a0, b, t1);
        *len += sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        seg[n++] = (Seg){a, b, q, i};
    }
    return n;
}

/* Returns nonzero when segment j of n, ending at iterate i of a path showing
 * `shown`, is drawn at stride `stride`: the first POLY_HEAD, then every stride-th,
 * and those among the last POLY_RECENT iterates. */
static int kept(int j, int i, int shown, int stride)
{
    return j % stride == 0 || j + 1 <= POLY_HEAD || i >= shown - POLY_RECENT;
}

/* Draws segments seg[0..n-1] of p at `stride`: with w > 0 as lines of width w, else
 * a dot (scale `dots`) where a segment ends 6 dots from the last dot. */
static void draw_segs(Canvas *cv, Rect r, View v, const PlotPath *p, const Seg *seg, int n,
                      int stride, double w, Color col, double dots)
{
    Vec2 dot = view_to_px(v, r, (Vec2){p->pts[0].x, p->pts[0].y});
    /* a line covers rows within w / 2 + 0.5 of its ends' rows: one wholly above or
     * below this band's clip draws nothing in it, and is passed over cheaply */
    double top = cv->clip.y - w / 2 - 2, bottom = cv->clip.y + cv->clip.h + w / 2 + 2;
    for (int j = 0; j < n; j++) {
        const Seg *g = &seg[j];
        if (!kept(j, g->i, p->shown, stride)) continue;
        if (w > 0) {
            if ((g->a.y < top && g->b.y < top) || (g->a.y > bottom && g->b.y > bottom))
                continue;
            canvas_line(cv, g->a.x, g->a.y, g->b.x, g->b.y, w, col);
            continue;
        }
        double gx = g->q.x - dot.x, gy = g->q.y - dot.y;
        if (gx * gx + gy * gy < 36 * dots * dots) continue;
        if (g->q.x > r.x - 5 && g->q.x < r.x + r.w + 5 && g->q.y > r.y - 5 &&
            g->q.y < r.y + r.h + 5) {
            canvas_disc(cv, g->q.x, g->q.y, 3.2 * dots, (Color){0, 0, 0, 200});
            canvas_disc(cv, g->q.x, g->q.y, 2.2 * dots, p->color);
        }
        dot = g->q;
    }
}

/* Fills stride[0..n-1] so that the paths' kept lengths len[0..n-1] add up to about
 * `budget` pixels: the longest are thinned first (every stride-th segment, spread
 * over the whole path, so a chaotic orbit keeps its shape), short ones are drawn
 * whole. */
static void strides(const double *len, int n, double budget, int *stride)
{
    double total = 0;
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

/* The collected segments of every path: path i's are seg[first[i] ..
 * first[i] + count[i] - 1]; stride[i] thins them. */
typedef struct {
    Seg *seg;
    size_t first[PLOT_MAX_PATHS];
    int count[PLOT_MAX_PATHS], stride[PLOT_MAX_PATHS];
} Segs;

/* Draws the paths with their collected segments. */
static void draw_all(Canvas *cv, Rect r, View v, const PlotPath *paths, int n, double k,
                     const Segs *sg)
{
    Color halo = {0, 0, 0, 150}, black = {0, 0, 0, 220};
    for (int i = 0; i < n; i++) {
        const PlotPath *p = &paths[i];
        if (p->shown < 1) continue;
        double w = (p->selected ? 3.2 : 2.2) * k;
        const Seg *seg = sg->seg + sg->first[i];
        draw_segs(cv, r, v, p, seg, sg->count[i], sg->stride[i], w + 2.5 * k, halo, 0);
        draw_segs(cv, r, v, p, seg, sg->count[i], sg->stride[i], w, p->color, 0);
        draw_segs(cv, r, v, p, seg, sg->count[i], sg->stride[i], 0, halo, k); /* dots */
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

/* Collects every path's segments into sg (one allocation) and sets their strides
 * for an ink budget of `budget` pixels; returns 0, or -1 when memory runs out. */
static int segs_make(Segs *sg, Rect r, View v, const PlotPath *paths, int n, double budget)
{
    size_t total = 0;
    double len[PLOT_MAX_PATHS];
    for (int i = 0; i < n; i++) {
        sg->first[i] = total;
        total += paths[i].shown > 1 ? (size_t)paths[i].shown : 0;
    }
    sg->seg = malloc(sizeof *sg->seg * (total ? total : 1));
    if (!sg->seg) return -1;
#pragma omp parallel for schedule(dynamic, 1)
    for (int i = 0; i < n; i++) {
        len[i] = 0;
        sg->count[i] = paths[i].shown > 1
                           ? collect(r, v, &paths[i], sg->seg + sg->first[i], &len[i])
                           : 0;
    }
    strides(len, n, budget, sg->stride);
    return 0;
}

/* Draws paths[0..n-1], n <= PLOT_MAX_PATHS, thinned together (see plot.h). */
static void draw_some(Canvas *cv, Rect r, View v, const PlotPath *paths, int n, double k,
                      double ink)
{
    Segs sg;
    if (segs_make(&sg, r, v, paths, n, ink * r.w * r.h / (4.7 * k)) != 0) return;
    /* Horizontal bands of the area drawn on all cores, each drawing every path's
     * segments that fall inside it in the same order: no pixel is in two bands and
     * no primitive's pixels depend on the clip, so this is the serial picture. */
    Rect clip = cv->clip;
#pragma omp parallel for schedule(dynamic, 1)
    for (int b = 0; b < PLOT_PATH_BANDS; b++) {
        Canvas bc = *cv;
        int y0 = clip.y + (int)((long long)clip.h * b / PLOT_PATH_BANDS);
        int y1 = clip.y + (int)((long long)clip.h * (b + 1) / PLOT_PATH_BANDS);
        bc.clip = (Rect){clip.x, y0, clip.w, y1 - y0};
        draw_all(&bc, r, v, paths, n, k, &sg);
    }
    free(sg.seg);
}

void plot_draw_paths(Canvas *cv, Rect r, View v, const PlotPath *paths, int n,
                     double scale, double ink)
{
    double k = scale > 0 ? scale : 1;
    ink = ink > 0 ? ink : PLOT_INK;
    Rect old = canvas_set_clip(cv, r);
    for (int i = 0; i < n; i += PLOT_MAX_PATHS) /* a race of many: in groups */
        draw_some(cv, r, v, paths + i, n - i < PLOT_MAX_PATHS ? n - i : PLOT_MAX_PATHS, k,
                  ink);
    canvas_set_clip(cv, old);
}
