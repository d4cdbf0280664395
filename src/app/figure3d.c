/* Draws the figure in 3-D: the title as figure_draw places it, the surface as a
 * lit mesh from core/surf3d over the rest of the area, and along the two floor
 * edges nearest the viewer the ticks and names of the parameters. The sampled
 * field is the one the 2-D figure uses, so toggling costs no resampling. */
#include "figure3d.h"

#include <math.h>

#include "theme.h"

#define MAX_TICKS 32

/* Margins of the 3-D view at scale 1: the title above, room for labels around. */
enum { M_TOP = 46, M_SIDE = 16, M_BOTTOM = 12 };

static int px(double scale, double v) { return (int)lround(v * scale); }

Rect figure3d_view_rect(Rect area, double s)
{
    Rect r = {area.x + px(s, M_SIDE), area.y + px(s, M_TOP), area.w - 2 * px(s, M_SIDE),
              area.h - px(s, M_TOP) - px(s, M_BOTTOM)};
    if (r.w < 16) r.w = 16;
    if (r.h < 16) r.h = 16;
    return r;
}

/* One floor edge to label: the parameter runs from a to b along it. */
typedef struct {
    Vec2 a, b;          /* its ends in parameter space */
    double lo, hi;      /* the parameter's range along it */
    int along_x;        /* 1: x varies along it, else y */
    const char *name;   /* the parameter's name */
} Edge;

/* Returns the unit vector from the floor's centre c towards pixel point m. */
static Vec2 outward(Vec2 c, Vec2 m)
{
    double dx = m.x - c.x, dy = m.y - c.y, len = hypot(dx, dy);
    return len > 0 ? (Vec2){dx / len, dy / len} : (Vec2){0, 1};
}

/* Draws text s centred on pixel point p in colour col. */
static void centred(Canvas *c, Text *t, Vec2 p, const char *s, int size, int bold, Color col)
{
    int w = text_width(t, s, size, bold), h = text_height(t, size);
    text_draw(t, c, (int)lround(p.x - w / 2.0), (int)lround(p.y - h / 2.0), s, size, bold,
              col);
}

/* Draws ticks with values and the parameter's name along edge e of the floor. */
static void edge_axis(Canvas *c, Rect r, Text *t, const Figure *f, Camera3d cam, Edge e)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    double s = f->scale, ticks[MAX_TICKS], step;
    View v = f->view;
    Vec2 m = view_centre(v), centre = surf3d_project_floor(r, v, cam, m.x, m.y);
    Vec2 pa = surf3d_project_floor(r, v, cam, e.a.x, e.a.y);
    Vec2 pb = surf3d_project_floor(r, v, cam, e.b.x, e.b.y);
    Vec2 mid = {(pa.x + pb.x) / 2, (pa.y + pb.y) / 2}, d = outward(centre, mid);
    int fs = px(s, THEME_SMALL), th = text_height(t, fs), tl = px(s, 6);
    int n = view_nice_ticks(e.lo, e.hi, (int)(hypot(pb.x - pa.x, pb.y - pa.y) / (90 * s)) + 2,
                            ticks, MAX_TICKS, &step);
    char buf[64];
    for (int i = 0; i < n; i++) {
        double x = e.along_x ? ticks[i] : e.a.x, y = e.along_x ? e.a.y : ticks[i];
        Vec2 q = surf3d_project_floor(r, v, cam, x, y);
        canvas_line(c, q.x, q.y, q.x + d.x * tl, q.y + d.y * tl, 1.2 * s, pal->ink);
        view_format_tick(buf, sizeof buf, ticks[i], step);
        double off = tl + px(s, 4) + 0.5 * (fabs(d.x) * text_width(t, buf, fs, 0) + th);
        centred(c, t, (Vec2){q.x + d.x * off, q.y + d.y * off}, buf, fs, 0, pal->ink);
    }
    int ls = px(s, THEME_TEXT);
    double off = tl + px(s, 8) + 2.2 * th;
    centred(c, t, (Vec2){mid.x + d.x * off, mid.y + d.y * off}, e.name, ls, 1, pal->ink);
}

/* Labels the x edge and the y edge of the floor nearer the viewer (lower on screen). */
static void floor_axes(Canvas *c, Rect r, Text *t, const Figure *f, Camera3d cam)
{
    View v = f->view;
    Vec2 m = view_centre(v);
    double xm = m.x, ym = m.y;
    double y = surf3d_project_floor(r, v, cam, xm, v.y0).y >
                       surf3d_project_floor(r, v, cam, xm, v.y1).y
                   ? v.y0
                   : v.y1;
    double x = surf3d_project_floor(r, v, cam, v.x0, ym).y >
                       surf3d_project_floor(r, v, cam, v.x1, ym).y
                   ? v.x0
                   : v.x1;
    edge_axis(c, r, t, f, cam, (Edge){{v.x0, y}, {v.x1, y}, v.x0, v.x1, 1, f->surface->xlabel});
    edge_axis(c, r, t, f, cam, (Edge){{x, v.y0}, {x, v.y1}, v.y0, v.y1, 0, f->surface->ylabel});
}

int figure3d_draw(Canvas *c, Rect area, Text *t, const Figure *f, Camera3d cam)
{
    const Theme *pal = f->pal ? f->pal : theme_get(THEME_LIGHT);
    double s = f->scale;
    Rect old = canvas_set_clip(c, area);
    canvas_fill_rect(c, area, pal->bg);
    Rect p = figure_plot_rect(area, f->view, s), r = figure3d_view_rect(area, s);
    int rc = plot_update(f->cache, f->surface, f->view, p.w, p.h, f->style);
    text_draw(t, c, p.x, area.y + px(s, 8), f->surface->formula, px(s, THEME_TITLE), 1,
              pal->ink);
    if (rc == 0)
        rc = surf3d_draw(c, r, &f->cache->field, f->cache->scale, f->style->cmap, f->paths,
                         f->npaths, cam, s);
    if (rc == 0) floor_axes(c, r, t, f, cam);
    canvas_set_clip(c, old);
    return rc;
}
