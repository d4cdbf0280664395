/* Paths in the 3-D view: every segment clipped to the mesh, cut into pieces of
 * half a cell and lifted onto the surface, so a path follows hills and valleys.
 * Pieces the depth buffer shows are drawn solid with a dark edge, hidden ones
 * dashed; then a ring at each start, a lit ball at each current point and a cross
 * where a path diverged. */
#include <math.h>

#include "clip.h"
#include "surf3d_impl.h"

#define TOL 0.03        /* world units a lifted point may lie behind the surface */
#define MAX_PIECES 512  /* most pieces one segment is cut into */
#define DASH 7.0        /* hidden lines: pixels on, then as many off (times k) */

typedef enum { PASS_HIDDEN, PASS_EDGE, PASS_LINE } Pass;

typedef struct {
    Canvas *c;
    const Surf3dProj *p;
    const Surf3dMesh *m;
    const Surf3dZbuf *zb;
    double k;     /* size factor */
    double width; /* line width of the path being drawn */
    Color color;  /* its colour */
    double dash;  /* hidden lines: length drawn so far, for the dash pattern */
} Ctx;

typedef struct {
    Surf3dPt q; /* where the point appears */
    int vis;    /* 1: in front of the surface */
} Lift;

static const Color EDGE = {24, 26, 32, 255};

/* Lifts parameter point (x, y) onto the mesh, its visibility left for later;
 * returns 0 where it is undefined. */
static int lift_only(const Ctx *x, double px, double py, Lift *out)
{
    double t = surf3d_mesh_height(x->m, px, py);
    if (isnan(t)) return 0;
    out->q = surf3d_proj_param(x->p, px, py, t);
    return 1;
}

/* Lifts parameter point (x, y) onto the mesh; returns 0 where it is undefined. */
static int lift(const Ctx *x, double px, double py, Lift *out)
{
    if (!lift_only(x, px, py, out)) return 0;
    out->vis = surf3d_raster_visible(x->zb, out->q, TOL);
    return 1;
}

/* Draws the part of a-b (pixels) that falls on the dash pattern. */
static void dashed(Ctx *x, Surf3dPt a, Surf3dPt b)
{
    double len = hypot(b.x - a.x, b.y - a.y), period = 2 * DASH * x->k, s = 0;
    Color col = x->color;
    col.a = 200;
    while (s < len) {
        double ph = fmod(x->dash + s, period), run;
        if (ph < period / 2) {
            run = fmin(period / 2 - ph, len - s);
            double t0 = s / len, t1 = (s + run) / len;
            canvas_line(x->c, a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0,
                        a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1, 0.55 * x->width, col);
        } else {
            run = fmin(period - ph, len - s);
        }
        s += run;
    }
    x->dash += len;
}

/* Draws piece a-b of a path as pass `pass` wants it: hidden pieces dashed, shown
 * ones as a dark edge, then the coloured line over it. */
static void piece(Ctx *x, Lift a, Lift b, Pass pass)
{
    int shown = a.vis && b.vis;
    if (pass == PASS_HIDDEN && !shown) dashed(x, a.q, b.q);
    if (pass == PASS_EDGE && shown)
        canvas_line(x->c, a.q.x, a.q.y, b.q.x, b.q.y, x->width + 2.4 * x->k, EDGE);
    if (pass == PASS_LINE && shown)
        canvas_line(x->c, a.q.x, a.q.y, b.q.x, b.q.y, x->width, x->color);
}

/* Draws segment a-b of a path in pass `pass`, continuing from *last when *have;
 * pieces shorter than a pixel are merged unless b is the path's end (`end`). */
static void segment(Ctx *x, Vec2 a, Vec2 b, int end, Pass pass, Lift *last, int *have)
{
    double t0, t1;
    const Surf3dMesh *m = x->m;
    Vec2 lo = {m->span.x0, m->span.y0}, hi = {m->span.x1, m->span.y1};
    if (!clip_segment(a, b, lo, hi, &t0, &t1)) {
        *have = 0;
        return;
    }
    if (t0 > 0) *have = 0; /* it comes back into the mesh elsewhere */
    double cx = (b.x - a.x) / (m->span.x1 - m->span.x0) * (m->nx - 1);
    double cy = (b.y - a.y) / (m->span.y1 - m->span.y0) * (m->ny - 1);
    double cells = fmax(fabs(cx), fabs(cy)) * (t1 - t0);
    int n = cells * 2 < MAX_PIECES ? (int)ceil(cells * 2) : MAX_PIECES;
    n = n < 1 ? 1 : n;
    /* a path continuing from the end of the last segment starts there already */
    for (int s = *have && t0 == 0 ? 1 : 0; s <= n; s++) {
        double t = t0 + (t1 - t0) * s / n;
        Vec2 at = clip_point(a, b, t);
        Lift l;
        if (!lift_only(x, at.x, at.y, &l)) {
            *have = 0;
            continue;
        }
        if (*have && fabs(l.q.x - last->q.x) < 0.8 && fabs(l.q.y - last->q.y) < 0.8 &&
            !(end && s == n))
            continue;
        l.vis = surf3d_raster_visible(x->zb, l.q, TOL);
        if (*have) piece(x, *last, l, pass);
        *last = l;
        *have = 1;
    }
}

/* Draws path pp's lines, pass `pass` of them. */
static void path(Ctx *x, const PlotPath *pp, Pass pass)
{
    Lift last = {{0, 0, 0}, 0};
    int have = 0;
    x->dash = 0;
    for (int i = 1; i < pp->shown; i++) {
        Vec2 a = {pp->pts[i - 1].x, pp->pts[i - 1].y}, b = {pp->pts[i].x, pp->pts[i].y};
        if (!isfinite(b.x) || !isfinite(b.y)) break;
        segment(x, a, b, i + 1 == pp->shown, pass, &last, &have);
    }
}

/* ---- markers --------------------------------------------------------------- */

/* Blends colour (r, g, b) at alpha a in [0, 1] into pixel (px, py) of c. */
static void put(Canvas *c, int px, int py, double r, double g, double b, double a)
{
    uint32_t *d = c->px + (size_t)py * (size_t)c->stride + px;
    Color o = canvas_unpack(*d);
    Color n = {(unsigned char)(o.r + (fmin(r, 255) - o.r) * a + 0.5),
               (unsigned char)(o.g + (fmin(g, 255) - o.g) * a + 0.5),
               (unsigned char)(o.b + (fmin(b, 255) - o.b) * a + 0.5), 255};
    *d = canvas_pack(n);
}

/* Draws a lit ball of radius r at (cx, cy): colour col under a light from the
 * upper left, a highlight, a dark rim; `alpha` in [0, 1] fades all of it. */
static void ball(Canvas *c, double cx, double cy, double r, Color col, double alpha)
{
    double ro = r + 1.4;
    int x0 = (int)floor(cx - ro - 1), x1 = (int)ceil(cx + ro + 1);
    int y0 = (int)floor(cy - ro - 1), y1 = (int)ceil(cy + ro + 1);
    Rect k = c->clip;
    x0 = x0 < k.x ? k.x : x0, y0 = y0 < k.y ? k.y : y0;
    x1 = x1 > k.x + k.w ? k.x + k.w : x1, y1 = y1 > k.y + k.h ? k.y + k.h : y1;
    for (int py = y0; py < y1; py++)
        for (int px = x0; px < x1; px++) {
            double dx = px + 0.5 - cx, dy = py + 0.5 - cy, d = hypot(dx, dy);
            double rim = fmin(1, ro - d + 0.5), in = fmin(1, r - d + 0.5);
            if (rim <= 0) continue;
            double nx = dx / r, ny = dy / r, nz = sqrt(fmax(0, 1 - nx * nx - ny * ny));
            /* light from the upper left, (-0.45, -0.55, 0.70) normalised (y down);
             * the highlight where the normal is halfway between it and the viewer */
            double lam = fmax(0, -0.4511 * nx - 0.5514 * ny + 0.7018 * nz);
            double spec = pow(fmax(0, -0.2445 * nx - 0.2989 * ny + 0.9224 * nz), 36);
            double s = 0.38 + 0.78 * lam;
            double lit[3] = {col.r * s + 255 * 0.8 * spec, col.g * s + 255 * 0.8 * spec,
                             col.b * s + 255 * 0.8 * spec};
            in = in > 0 ? in : 0;
            put(c, px, py, EDGE.r + (lit[0] - EDGE.r) * in, EDGE.g + (lit[1] - EDGE.g) * in,
                EDGE.b + (lit[2] - EDGE.b) * in, alpha * rim);
        }
}

/* Returns the index of the last shown point of pp inside the mesh, or -1. */
static int last_inside(const Ctx *x, const PlotPath *pp)
{
    for (int i = pp->shown - 1; i >= 0; i--)
        if (!isnan(surf3d_mesh_height(x->m, pp->pts[i].x, pp->pts[i].y))) return i;
    return -1;
}

/* Draws pp's start ring and its ball, or its cross where it diverged, faded
 * where the surface hides them. */
static void markers(Ctx *x, const PlotPath *pp)
{
    double k = x->k;
    Lift s, e;
    if (lift(x, pp->pts[0].x, pp->pts[0].y, &s)) {
        Color col = pp->color, edge = EDGE;
        edge.a = col.a = s.vis ? 255 : 120;
        if (s.vis) canvas_ring(x->c, s.q.x, s.q.y, 6.5 * k, 4.6 * k, edge);
        canvas_ring(x->c, s.q.x, s.q.y, 6.5 * k, 2.2 * k, col);
    }
    int last = last_inside(x, pp), end = pp->shown - 1;
    if (last < 0 || (!pp->diverged && last != end)) return;
    if (!lift(x, pp->pts[last].x, pp->pts[last].y, &e)) return;
    if (pp->diverged) {
        Color edge = EDGE;
        edge.a = e.vis ? 255 : 110;
        canvas_cross(x->c, e.q.x, e.q.y, 8 * k, 5 * k, edge);
        canvas_cross(x->c, e.q.x, e.q.y, 8 * k, 2.5 * k, pp->color);
    } else {
        ball(x->c, e.q.x, e.q.y, 7.5 * k, pp->color, e.vis ? 1.0 : 0.55);
    }
}

void surf3d_paths_draw(Canvas *c, const Surf3dProj *p, const Surf3dMesh *m,
                       const Surf3dZbuf *zb, const PlotPath *paths, int n, double k)
{
    Ctx x = {c, p, m, zb, k, 0, {0, 0, 0, 0}, 0};
    for (int i = 0; i < n; i++) {
        const PlotPath *pp = &paths[i];
        if (pp->shown < 1 || !pp->pts) continue;
        x.width = (pp->selected ? 3.4 : 2.6) * k;
        x.color = pp->color;
        for (Pass pass = PASS_HIDDEN; pass <= PASS_LINE; pass++) path(&x, pp, pass);
    }
    for (int i = 0; i < n; i++)
        if (paths[i].shown >= 1 && paths[i].pts) markers(&x, &paths[i]);
}
