/* Drawing into caller-owned ARGB8888 pixels: fills, anti-aliased lines, discs,
 * rings and crosses, and coverage masks for text. Everything the plot and the
 * widgets show goes through here, in the window and in `render` alike. Coverage
 * comes from the distance of each pixel centre to the shape; every primitive
 * clips to canvas->clip and to the buffer, and draws nothing for non-finite input. */
#include "canvas.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

/* A segment prepared for distance queries: start point, direction, 1/|d|^2. */
typedef struct {
    double ax, ay, dx, dy, inv_len2;
} Seg;

/* Pixel bounds [x0, x1) x [y0, y1) of an area to visit. */
typedef struct {
    int x0, y0, x1, y1;
} Box;

/* A coverage clamped to [0, 1]. */
static double ramp(double v) { return v <= 0.0 ? 0.0 : v >= 1.0 ? 1.0 : v; }

static int all_finite(const double *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

/* Rectangle r intersected with the buffer [0, w) x [0, h); may come out empty. */
static Box bounded(Rect r, int w, int h)
{
    long long x1 = (long long)r.x + r.w, y1 = (long long)r.y + r.h;
    Box b = {r.x < 0 ? 0 : r.x, r.y < 0 ? 0 : r.y, 0, 0};
    b.x1 = (int)(x1 > w ? w : x1 < 0 ? 0 : x1);
    b.y1 = (int)(y1 > h ? h : y1 < 0 ? 0 : y1);
    return b;
}

/* The canvas clip, intersected with the buffer even if the field was edited. */
static Box clip_box(const Canvas *c) { return bounded(c->clip, c->w, c->h); }

/* floor(v) clamped to [lo, hi], for lo >= 0: above lo, truncation is the floor, and
 * huge or NaN values never reach the conversion. */
static int to_int(double v, int lo, int hi)
{
    return v > lo ? (v < hi ? (int)v : hi) : lo;
}

static Box box_and(Box a, Box b)
{
    a.x0 = a.x0 > b.x0 ? a.x0 : b.x0;
    a.y0 = a.y0 > b.y0 ? a.y0 : b.y0;
    a.x1 = a.x1 < b.x1 ? a.x1 : b.x1;
    a.y1 = a.y1 < b.y1 ? a.y1 : b.y1;
    return a;
}

/* Pixels of the clip whose centres lie in [x0, x1] x [y0, y1]; a centre exactly on
 * the border may be left out, as shapes give it zero coverage anyway. */
static Box box_of(const Canvas *c, double x0, double y0, double x1, double y1)
{
    Box k = clip_box(c), b;
    b.x0 = to_int(x0 + 0.5, k.x0, k.x1);
    b.y0 = to_int(y0 + 0.5, k.y0, k.y1);
    b.x1 = to_int(x1 + 0.5, k.x0, k.x1);
    b.y1 = to_int(y1 + 0.5, k.y0, k.y1);
    return b;
}

/* R, G and B of an ARGB pixel in 16-bit lanes of a 64-bit word. */
static inline uint64_t spread(uint32_t p)
{
    return (uint64_t)(p & 0xff0000u) << 16 | (uint64_t)(p & 0xff00u) << 8 | (p & 0xffu);
}

/* dst + (src - dst) * a / 255 per channel, rounded to nearest, so a = 0 keeps dst
 * and a = 255 gives src exactly; alpha set opaque. The three channels are done at
 * once: with x = d (255 - a) + s a + 128 in a lane, (x + (x >> 8)) >> 8 equals
 * round(x / 255) for every x that can occur (checked exhaustively). */
static inline uint32_t blend(uint32_t dst, uint32_t src, unsigned a)
{
    uint64_t x = spread(dst) * (255u - a) + spread(src) * a + 0x008000800080ull;
    x = (x + (x >> 8 & 0x00ff00ff00ffull)) >> 8;
    return 0xff000000u | (uint32_t)(x >> 16 & 0xff0000u) | (uint32_t)(x >> 8 & 0xff00u) |
           (uint32_t)(x & 0xffu);
}

/* Alpha of colour alpha `alpha` at coverage cov in [0, 1], rounded. */
static unsigned cover(double cov, unsigned alpha) { return (unsigned)(cov * alpha + 0.5); }

/* Paints one pixel (inside the clip) with src at alpha a. */
static void plot(const Canvas *c, int x, int y, uint32_t src, unsigned a)
{
    uint32_t *p = c->px + (size_t)y * (size_t)c->stride + (size_t)x;
    if (a >= 255u)
        *p = src | 0xff000000u;
    else if (a > 0u)
        *p = blend(*p, src, a);
}

Canvas canvas_init(uint32_t *px, int w, int h, int stride)
{
    assert(px || w <= 0 || h <= 0);
    assert(stride >= w);
    Canvas c;
    c.px = px;
    c.w = !px || w < 0 || stride < 0 ? 0 : w < stride ? w : stride;
    c.h = h > 0 && px ? h : 0;
    c.stride = stride;
    c.clip = (Rect){0, 0, c.w, c.h};
    return c;
}

/* An empty intersection leaves a clip of zero size, which draws nothing. */
Rect canvas_set_clip(Canvas *c, Rect r)
{
    Rect prev = c->clip;
    Box b = bounded(r, c->w, c->h);
    c->clip.x = b.x0;
    c->clip.y = b.y0;
    c->clip.w = b.x1 > b.x0 ? b.x1 - b.x0 : 0;
    c->clip.h = b.y1 > b.y0 ? b.y1 - b.y0 : 0;
    return prev;
}

uint32_t canvas_pack(Color col)
{
    return (uint32_t)col.a << 24 | (uint32_t)col.r << 16 | (uint32_t)col.g << 8 | col.b;
}

Color canvas_unpack(uint32_t p)
{
    Color col = {(unsigned char)(p >> 16), (unsigned char)(p >> 8), (unsigned char)p,
                 (unsigned char)(p >> 24)};
    return col;
}

void canvas_fill_rect(Canvas *c, Rect r, Color col)
{
    if (col.a == 0)
        return;
    Box b = box_and(clip_box(c), bounded(r, c->w, c->h));
    uint32_t src = canvas_pack(col) | 0xff000000u;
    for (int y = b.y0; y < b.y1; y++) {
        uint32_t *row = c->px + (size_t)y * (size_t)c->stride;
        for (int x = b.x0; x < b.x1; x++)
            row[x] = col.a == 255 ? src : blend(row[x], src, col.a);
    }
}

/* Bands that never overlap, so a translucent outline has even corners. */
void canvas_stroke_rect(Canvas *c, Rect r, int t, Color col)
{
    if (t <= 0 || r.w <= 0 || r.h <= 0)
        return;
    if (2LL * t >= r.w || 2LL * t >= r.h) {
        canvas_fill_rect(c, r, col);
        return;
    }
    canvas_fill_rect(c, (Rect){r.x, r.y, r.w, t}, col);
    canvas_fill_rect(c, (Rect){r.x, r.y + r.h - t, r.w, t}, col);
    canvas_fill_rect(c, (Rect){r.x, r.y + t, t, r.h - 2 * t}, col);
    canvas_fill_rect(c, (Rect){r.x + r.w - t, r.y + t, t, r.h - 2 * t}, col);
}

/* ---- anti-aliased lines ------------------------------------------------- */

/* Clips segment p[0..3] = (x0, y0, x1, y1) to box [b0, b1] x [b2, b3] (Liang-Barsky),
 * so that far-away endpoints cost nothing and keep their precision. Returns 0 when
 * nothing is left. */
static int clip_seg(double *p, double b0, double b1, double b2, double b3)
{
    if (p[0] >= b0 && p[0] <= b1 && p[2] >= b0 && p[2] <= b1 && p[1] >= b2 &&
        p[1] <= b3 && p[3] >= b2 && p[3] <= b3)
        return 1; /* the common case: nothing to cut */
    double dx = p[2] - p[0], dy = p[3] - p[1], t0 = 0.0, t1 = 1.0;
    const double dir[4] = {-dx, dx, -dy, dy};
    const double room[4] = {p[0] - b0, b1 - p[0], p[1] - b2, b3 - p[1]};
    for (int i = 0; i < 4; i++) {
        if (dir[i] == 0.0) {
            if (room[i] < 0.0)
                return 0;
            continue;
        }
        double t = room[i] / dir[i];
        if (dir[i] < 0.0 ? t > t1 : t < t0)
            return 0;
        if (dir[i] < 0.0 && t > t0)
            t0 = t;
        if (dir[i] > 0.0 && t < t1)
            t1 = t;
    }
    double x0 = p[0], y0 = p[1];
    if (t1 < 1.0)
        p[2] = x0 + t1 * dx, p[3] = y0 + t1 * dy;
    if (t0 > 0.0)
        p[0] = x0 + t0 * dx, p[1] = y0 + t0 * dy;
    return 1;
}

static Seg seg_make(const double *p)
{
    Seg s = {p[0], p[1], p[2] - p[0], p[3] - p[1], 0.0};
    double len2 = s.dx * s.dx + s.dy * s.dy;
    s.inv_len2 = len2 > 0.0 ? 1.0 / len2 : 0.0;
    return s;
}

/* Squared distance from (x, y) to the segment. */
static inline double seg_dist2(const Seg *s, double x, double y)
{
    double wx = x - s->ax, wy = y - s->ay;
    double t = (wx * s->dx + wy * s->dy) * s->inv_len2;
    t = t < 0.0 ? 0.0 : t;
    t = t > 1.0 ? 1.0 : t;
    wx -= t * s->dx;
    wy -= t * s->dy;
    return wx * wx + wy * wy;
}

/* Blends pixels x0..x1-1 of a row (centres at height py) by their distance to the
 * nearest of ns (1 or 2) segments: coverage ramp(reach - dist). */
static void seg_row(uint32_t *row, int x0, int x1, double py, const Seg *s, int ns,
                    double reach, uint32_t src, double alpha)
{
    double out2 = reach * reach;
    for (int x = x0; x < x1; x++) {
        double d2 = seg_dist2(&s[0], x + 0.5, py);
        if (ns > 1) {
            double e2 = seg_dist2(&s[1], x + 0.5, py);
            d2 = e2 < d2 ? e2 : d2;
        }
        if (d2 >= out2)
            continue; /* outside: no sqrt, no memory traffic */
        double cov = reach - sqrt(d2);
        cov = cov > 1.0 ? 1.0 : cov;
        row[x] = blend(row[x], src, (unsigned)(int)(cov * alpha + 0.5));
    }
}

/* Draws the union of ns (1 or 2) capsules of half-width hw around the segments in
 * p (x0, y0, x1, y1 each, finite), each pixel once with the nearest one's coverage,
 * so that the two strokes of a cross do not blend twice where they meet. */
static void draw_segs(Canvas *c, double *p, int ns, double hw, Color col)
{
    double reach = hw + 0.5; /* coverage falls to 0 at this distance */
    Box k = clip_box(c);
    double m = reach + 1.0, lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    Seg s[2];
    int n = 0;
    for (int i = 0; i < ns; i++) {
        double *q = p + 4 * i;
        if (!clip_seg(q, k.x0 - m, k.x1 + m, k.y0 - m, k.y1 + m))
            continue;
        for (int j = 0; j < 4; j++) {
            lo[j & 1] = q[j] < lo[j & 1] ? q[j] : lo[j & 1];
            hi[j & 1] = q[j] > hi[j & 1] ? q[j] : hi[j & 1];
        }
        s[n++] = seg_make(q);
    }
    if (n == 0 || col.a == 0)
        return;
    Box b = box_of(c, lo[0] - reach, lo[1] - reach, hi[0] + reach, hi[1] + reach);
    /* Of a row, only the centres within `reach` of the segment's infinite line,
     * x = xc +- half, can be covered: a steep line visits few pixels a row. */
    double slope = 0.0, half = INFINITY;
    if (n == 1 && fabs(s[0].dy) > 1e-6) {
        slope = s[0].dx / s[0].dy;
        half = reach * sqrt(1.0 + slope * slope);
    }
    uint32_t src = canvas_pack(col);
    for (int y = b.y0; y < b.y1; y++) {
        double py = y + 0.5, xc = s[0].ax + (py - s[0].ay) * slope;
        int x0 = to_int(xc - half + 0.5, b.x0, b.x1), x1 = to_int(xc + half + 0.5, b.x0, b.x1);
        seg_row(c->px + (size_t)y * (size_t)c->stride, x0, x1, py, s, n, reach, src, col.a);
    }
}

void canvas_line(Canvas *c, double x0, double y0, double x1, double y1, double width,
                 Color col)
{
    double p[4] = {x0, y0, x1, y1};
    if (!all_finite(p, 4) || !(width > 0.0) || !isfinite(width))
        return;
    if (!isfinite(x1 - x0) || !isfinite(y1 - y0))
        return;
    draw_segs(c, p, 1, 0.5 * width, col);
}

/* Both strokes are drawn in one pass, so a translucent cross has an even centre. */
void canvas_cross(Canvas *c, double cx, double cy, double r, double width, Color col)
{
    double p[8] = {cx - r, cy - r, cx + r, cy + r, cx - r, cy + r, cx + r, cy - r};
    if (!all_finite(p, 8) || !(r >= 0.0) || !(width > 0.0) || !isfinite(width))
        return;
    draw_segs(c, p, 2, 0.5 * width, col);
}

/* ---- discs and rings ---------------------------------------------------- */

/* Draws the annulus rin <= dist <= rout around (cx, cy) (rin < 0: a disc), with
 * coverage ramp(0.5 + distance inside the nearer edge). */
static void draw_round(Canvas *c, double cx, double cy, double rin, double rout, Color col)
{
    double reach = rout + 0.5;
    Box b = box_of(c, cx - reach, cy - reach, cx + reach, cy + reach);
    double out2 = reach * reach;
    double hole2 = rin > 0.5 ? (rin - 0.5) * (rin - 0.5) : -1.0;
    double full_lo = rin > -0.5 ? (rin + 0.5) * (rin + 0.5) : -1.0;
    double full_hi = rout > 0.5 ? (rout - 0.5) * (rout - 0.5) : -1.0;
    uint32_t src = canvas_pack(col);
    for (int y = b.y0; y < b.y1; y++) {
        double dy = y + 0.5 - cy, room = out2 - dy * dy;
        if (room <= 0.0)
            continue;
        double hx = sqrt(room);
        int x0 = to_int(cx - hx + 0.5, b.x0, b.x1), x1 = to_int(cx + hx + 0.5, b.x0, b.x1);
        for (int x = x0; x < x1; x++) {
            double dx = x + 0.5 - cx, d2 = dx * dx + dy * dy;
            if (d2 >= out2 || d2 <= hole2)
                continue;
            double cov = 1.0;
            if (d2 < full_lo || d2 > full_hi) {
                double d = sqrt(d2);
                cov = ramp(0.5 + fmin(d - rin, rout - d));
            }
            plot(c, x, y, src, cover(cov, col.a));
        }
    }
}

void canvas_disc(Canvas *c, double cx, double cy, double r, Color col)
{
    if (!isfinite(cx) || !isfinite(cy) || !(r > 0.0) || !isfinite(r) || col.a == 0)
        return;
    draw_round(c, cx, cy, -1.0, r, col);
}

void canvas_ring(Canvas *c, double cx, double cy, double r, double width, Color col)
{
    double v[4] = {cx, cy, r, width};
    if (!all_finite(v, 4) || r < 0.0 || !(width > 0.0) || col.a == 0)
        return;
    draw_round(c, cx, cy, r - 0.5 * width, r + 0.5 * width, col);
}

/* ---- masks ---------------------------------------------------------------- */

void canvas_blend_mask(Canvas *c, int x, int y, const uint8_t *mask, int w, int h,
                       int pitch, Color col)
{
    if (!mask || w <= 0 || h <= 0 || col.a == 0)
        return;
    Box b = box_and(clip_box(c), bounded((Rect){x, y, w, h}, c->w, c->h));
    uint32_t src = canvas_pack(col);
    for (int py = b.y0; py < b.y1; py++) {
        const uint8_t *row = mask + ((long long)py - y) * pitch;
        for (int px = b.x0; px < b.x1; px++) {
            unsigned m = row[(long long)px - x];
            plot(c, px, py, src, (m * col.a + 127u) / 255u);
        }
    }
}
