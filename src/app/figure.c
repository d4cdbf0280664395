/* Draws the figure: title and formula, the plot from core/plot, axes with "nice"
 * ticks, the parameter names and a colour bar with its own ticks. The window and
 * `render` both call figure_draw, so a test of `render` tests the window. */
#include "figure.h"

#include <math.h>
#include <stdio.h>

#include "strings.h"
#include "theme.h"

#define MAX_TICKS 32
#define MAX_LABELS 64

/* Margins around the plot at scale 1: left (y ticks), top (title), right (colour
 * bar and its ticks), bottom (x ticks and name). */
enum { M_LEFT = 64, M_TOP = 62, M_RIGHT = 104, M_BOTTOM = 58, BAR_W = 18, BAR_GAP = 18 };

static int px(double scale, double v) { return (int)lround(v * scale); }

Rect figure_plot_rect(Rect area, View v, double s)
{
    Rect r = {area.x + px(s, M_LEFT), area.y + px(s, M_TOP),
              area.w - px(s, M_LEFT) - px(s, M_RIGHT),
              area.h - px(s, M_TOP) - px(s, M_BOTTOM)};
    if (r.w < 16) r.w = 16;
    if (r.h < 16) r.h = 16;
    double aspect = (v.x1 - v.x0) / (v.y1 - v.y0);
    if (!(aspect > 0) || !isfinite(aspect)) return r;
    if (r.w > r.h * aspect) {
        int w = (int)lround(r.h * aspect);
        r.x += (r.w - w) / 2;
        r.w = w;
    } else {
        int h = (int)lround(r.w / aspect);
        r.y += (r.h - h) / 2;
        r.h = h;
    }
    if (r.w < 1) r.w = 1;
    if (r.h < 1) r.h = 1;
    return r;
}

static void axes(Canvas *c, Rect p, Text *t, const Figure *f)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    double s = f->scale, ticks[MAX_TICKS], step;
    int fs = px(s, THEME_SMALL), tl = px(s, 6), th = text_height(t, fs);
    char buf[64];
    canvas_stroke_rect(c, (Rect){p.x - 1, p.y - 1, p.w + 2, p.h + 2}, 1, pal->ink);
    int n = view_nice_ticks(f->view.x0, f->view.x1, p.w / px(s, 90) + 2, ticks,
                            MAX_TICKS, &step);
    for (int i = 0; i < n; i++) {
        double x = view_to_px(f->view, p, (Vec2){ticks[i], 0}).x;
        canvas_line(c, x, p.y + p.h + 1, x, p.y + p.h + 1 + tl, 1.2 * s, pal->ink);
        view_format_tick(buf, sizeof buf, ticks[i], step);
        int w = text_width(t, buf, fs, 0);
        text_draw(t, c, (int)lround(x) - w / 2, p.y + p.h + tl + px(s, 2), buf, fs, 0,
                  pal->ink);
    }
    n = view_nice_ticks(f->view.y0, f->view.y1, p.h / px(s, 70) + 2, ticks, MAX_TICKS,
                        &step);
    for (int i = 0; i < n; i++) {
        double y = view_to_px(f->view, p, (Vec2){0, ticks[i]}).y;
        canvas_line(c, p.x - 1 - tl, y, p.x - 1, y, 1.2 * s, pal->ink);
        view_format_tick(buf, sizeof buf, ticks[i], step);
        int w = text_width(t, buf, fs, 0);
        text_draw(t, c, p.x - tl - px(s, 4) - w, (int)lround(y) - th / 2, buf, fs, 0,
                  pal->ink);
    }
    int ls = px(s, THEME_TEXT);
    const char *xl = f->surface->xlabel, *yl = f->surface->ylabel;
    int w = text_width(t, xl, ls, 1);
    text_draw(t, c, p.x + (p.w - w) / 2, p.y + p.h + tl + th + px(s, 6), xl, ls, 1,
              pal->ink);
    w = text_width(t, yl, ls, 1);
    text_draw(t, c, p.x - w / 2, p.y - text_height(t, ls) - px(s, 4), yl, ls, 1,
              pal->ink);
}

/* Adds v to ticks[] (n of them) unless it is out of range or nearer than `gap`
 * pixels to one already there; returns the new count. */
static int add_tick(ValueScale sc, int barh, int gap, double v, double *ticks, int n)
{
    if (n >= MAX_TICKS || !(v >= sc.lo && v <= sc.hi)) return n;
    double y = view_value_unit(sc, v) * barh;
    for (int i = 0; i < n; i++)
        if (fabs(view_value_unit(sc, ticks[i]) * barh - y) < gap) return n;
    ticks[n] = v;
    return n + 1;
}

/* Fills ticks[] for a logarithmic colour bar: 0 and powers of ten first, then their
 * 5x and 2x where they fit, never closer than `gap` pixels. Returns the count. */
static int log_ticks(ValueScale sc, int barh, int gap, double *ticks)
{
    static const double mant[] = {1, 5, 2};
    int n = add_tick(sc, barh, gap, 0, ticks, 0);
    for (int m = 0; m < 3; m++)
        for (int e = 15; e >= -12; e--)
            for (int sign = -1; sign <= 1; sign += 2)
                n = add_tick(sc, barh, gap, sign * mant[m] * pow(10, e), ticks, n);
    return n;
}

static void colour_bar(Canvas *c, Rect p, Text *t, const Figure *f)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    double s = f->scale, ticks[MAX_TICKS], step;
    const PlotCache *pc = f->cache;
    Rect bar = {p.x + p.w + px(s, BAR_GAP), p.y, px(s, BAR_W), p.h};
    for (int j = 0; j < bar.h; j++) {
        double u = 1.0 - (j + 0.5) / bar.h;
        canvas_fill_rect(c, (Rect){bar.x, bar.y + j, bar.w, 1}, cmap_color(f->style->cmap, u));
    }
    canvas_stroke_rect(c, (Rect){bar.x - 1, bar.y - 1, bar.w + 2, bar.h + 2}, 1, pal->ink);
    int fs = px(s, THEME_SMALL), th = text_height(t, fs);
    char buf[64];
    int n = view_nice_ticks(pc->scale.lo, pc->scale.hi, bar.h / px(s, 60) + 2, ticks,
                            MAX_TICKS, &step);
    if (pc->scale.log) {
        n = log_ticks(pc->scale, bar.h, 2 * th, ticks);
        step = 0;
    }
    for (int i = 0; i < n; i++) {
        double u = view_value_unit(pc->scale, ticks[i]);
        double y = bar.y + (1 - u) * bar.h;
        canvas_line(c, bar.x + bar.w + 1, y, bar.x + bar.w + 1 + px(s, 5), y, 1.2 * s,
                    pal->ink);
        if (step > 0)
            view_format_tick(buf, sizeof buf, ticks[i], step);
        else
            snprintf(buf, sizeof buf, "%g", ticks[i]);
        text_draw(t, c, bar.x + bar.w + px(s, 8), (int)lround(y) - th / 2, buf, fs, 0,
                  pal->ink);
    }
}

/* Returns 1 when pixel point q (finite) lies inside r. */
static int inside(Rect r, Vec2 q)
{
    return q.x >= r.x && q.x < r.x + r.w && q.y >= r.y && q.y < r.y + r.h;
}

static int overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Returns a w x h box beside pixel point e, `gap` away, inside plot p and clear of
 * the n boxes already placed when one of the tried places is (else the first). */
static Rect place_label(Rect p, Vec2 e, int w, int h, int gap, const Rect *placed, int n)
{
    static const int dx[] = {1, -1, 1, -1, 1, -1, 1, -1}, dy[] = {0, 0, 1, 1, -1, -1, 2, 2};
    Rect first = {0, 0, 0, 0};
    for (int k = 0; k < 8; k++) {
        Rect r = {dx[k] > 0 ? (int)e.x + gap : (int)e.x - gap - w,
                  (int)e.y - h / 2 + dy[k] * h, w, h};
        if (r.y + h > p.y + p.h) r.y = p.y + p.h - h;
        if (r.y < p.y) r.y = p.y;
        if (k == 0) first = r;
        int clear = r.x >= p.x && r.x + w <= p.x + p.w;
        for (int i = 0; i < n && clear; i++) clear = !overlaps(r, placed[i]);
        if (clear) return r;
    }
    return first;
}

/* Draws each path's label beside its last shown point, in a light box. */
/* Returns where path pp's label goes: its last point inside the view (a diverged
 * path leaves it), else its start. */
static Vec2 label_anchor(const Figure *f, Rect p, const PlotPath *pp)
{
    for (int k = pp->shown - 1; k >= 0; k--) {
        Vec2 q = view_to_px(f->view, p, (Vec2){pp->pts[k].x, pp->pts[k].y});
        if (inside(p, q)) return q;
    }
    return view_to_px(f->view, p, (Vec2){pp->pts[0].x, pp->pts[0].y});
}

/* Draws each path's label beside its end; paths ending at the same pixel share one
 * label that counts them, so ten starts in one minimum do not pile up ten boxes. */
static void path_labels(Canvas *c, Rect p, Text *t, const Figure *f)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    int fs = px(f->scale, THEME_SMALL), pad = px(f->scale, 3), n = 0;
    Rect placed[MAX_LABELS];
    Vec2 at[MAX_LABELS];
    int lead[MAX_LABELS], count[MAX_LABELS];
    int m = f->npaths < MAX_LABELS ? f->npaths : MAX_LABELS;
    for (int i = 0; f->labels && i < m; i++) {
        const PlotPath *pp = &f->paths[i];
        lead[i] = -1;
        count[i] = 0;
        if (!f->labels[i] || !f->labels[i][0] || pp->shown < 1) continue;
        at[i] = label_anchor(f, p, pp);
        lead[i] = i;
        for (int j = 0; j < i; j++) /* an earlier label at the same end takes this one */
            if (lead[j] == j && hypot(at[j].x - at[i].x, at[j].y - at[i].y) < 6 * f->scale) {
                lead[i] = j;
                break;
            }
        count[lead[i]]++;
    }
    Rect old = canvas_set_clip(c, p);
    for (int i = 0; f->labels && i < m; i++) {
        if (lead[i] != i) continue;
        char buf[96];
        if (count[i] > 1)
            snprintf(buf, sizeof buf, str(STR_AND_MORE_HERE, f->lang), f->labels[i],
                     count[i] - 1);
        else
            snprintf(buf, sizeof buf, "%s", f->labels[i]);
        int w = text_width(t, buf, fs, 0), h = text_height(t, fs);
        Rect box = place_label(p, at[i], w + 2 * pad, h + 2, px(f->scale, 12), placed, n);
        placed[n++] = box;
        canvas_fill_rect(c, box, theme_alpha(pal->bg, 215));
        text_draw(t, c, box.x + pad, box.y + 1, buf, fs, 0, pal->ink);
    }
    canvas_set_clip(c, old);
}

int figure_draw(Canvas *c, Rect area, Text *t, const Figure *f)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    double s = f->scale;
    Rect old = canvas_set_clip(c, area);
    canvas_fill_rect(c, area, pal->bg);
    Rect p = figure_plot_rect(area, f->view, s);
    int rc = plot_update(f->cache, f->surface, f->view, p.w, p.h, f->style);
    int ts = px(s, THEME_TITLE);
    text_draw(t, c, p.x, area.y + px(s, 8), f->surface->formula, ts, 1, pal->ink);
    if (rc == 0) {
        plot_draw_surface(c, p, f->cache, f->style);
        plot_draw_paths(c, p, f->view, f->paths, f->npaths, s, f->ink);
        path_labels(c, p, t, f);
        colour_bar(c, p, t, f);
    }
    axes(c, p, t, f);
    canvas_set_clip(c, old);
    return rc;
}
