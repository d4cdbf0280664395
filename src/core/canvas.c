/* Drawing into caller-owned ARGB8888 pixels: fills, anti-aliased lines, discs,
 * rings and crosses, and coverage masks for text. Everything the plot and the
 * widgets show goes through here, in the window and in `render` alike. Coverage
 * comes from the distance of each pixel centre to the shape; every primitive
 * clips to canvas->clip and to the buffer, and draws nothing for non-finite input. */
#include "canvas.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

/* A segment prepared for distance queries: start point, direction, 1/|d|^2. Float
 * is enough once clipped near the canvas (|coordinates| < 25000: ~2e-3 px). */
typedef struct {
    float ax, ay, dx, dy, inv_len2;
} Seg;

/* Widest line drawn: anything wider covers every canvas near it anyway, and the
 * cap keeps the clipped coordinates small enough for float (see Seg). */
#define LINE_MAX_WIDTH 32768.0

/* Pixel bounds [x0, x1) x [y0, y1) of an area to visit. */
typedef struct {
    int x0, y0, x1, y1;
} Box;

/* A coverage clamped to [0, 1]. */
static double ramp(double v)
{
    return v <= 0.0 ? 0.0 : v >= 1.0 ? 1.0 : v;
}

static int all_finite(const double *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(v[i])) return 0;
    return 1;
}

static long long clampll(long long v, long long lo, long long hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Rectangle r intersected with the buffer [0, w) x [0, h): always
 * 0 <= x0 <= x1 <= w and 0 <= y0 <= y1 <= h, empty when x0 == x1 or y0 == y1. */
static Box bounded(Rect r, int w, int h)
{
    Box b;
    b.x0 = (int)clampll(r.x, 0, w);
    b.y0 = (int)clampll(r.y, 0, h);
    b.x1 = (int)clampll((long long)r.x + r.w, b.x0, w);
    b.y1 = (int)clampll((long long)r.y + r.h, b.y0, h);
    return b;
}

/* The canvas clip, intersected with the buffer even if the field was edited. */
static Box clip_box(const Canvas *c)
{
    return bounded(c->clip, c->w, c->h);
}

/* floor(v) clamped to [lo, hi], for 0 <= lo <= hi: above lo truncation is the floor,
 * and huge or NaN values never reach the conversion. */
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

/* Pixels of clip box k whose centres lie in [x0, x1] x [y0, y1]; a centre exactly on
 * the border may be left out, as shapes give it zero coverage anyway. */
static Box box_of(Box k, double x0, double y0, double x1, double y1)
{
    Box b;
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
static unsigned cover(double cov, unsigned alpha)
{
    return (unsigned)(cov * alpha + 0.5);
}

/* Paints one pixel (inside the clip) with src at alpha a. */
static void plot(const Canvas *c, int x, int y, uint32_t src, unsigned a)
{
    uint32_t *p = c->px + (size_t)y * (size_t)c->stride + (size_t)x;
    if (a >= 255u)
        *p = src | 0xff000000u;
    else if (a > 0u)
        *p = blend(*p, src, a);
}

/* No pixels or a negative size give an empty canvas that draws nothing; a stride
 * below w is a bug (asserted), and narrows the canvas in release builds. */
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
    c->clip.w = b.x1 - b.x0;
    c->clip.h = b.y1 - b.y0;
    return prev;
}

/* Keeps col.a as given; pixels written by the canvas always have 0xff there. */
uint32_t canvas_pack(Color col)
{
    return (uint32_t)col.a << 24 | (uint32_t)col.r << 16 | (uint32_t)col.g << 8 | col.b;
}

/* Returns the stored alpha, which the drawing functions ignore. */
Color canvas_unpack(uint32_t p)
{
    Color col = {(unsigned char)(p >> 16), (unsigned char)(p >> 8), (unsigned char)p,
                 (unsigned char)(p >> 24)};
    return col;
}

/* Alpha 255 stores the colour, 0 draws nothing, anything else blends exactly. */
void canvas_fill_rect(Canvas *c, Rect r, Color col)
{
    if (col.a == 0) return;
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
    if (t <= 0 || r.w <= 0 || r.h <= 0) return;
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

/* Clips segment p[0..3] = (x0, y0, x1, y1) to box k grown by m (Liang-Barsky), so
 * that far-away endpoints cost nothing and the rest fits a float. Returns 0 when
 * nothing is left. */
static int clip_seg(double *p, Box k, double m)
{
    double b0 = k.x0 - m, b1 = k.x1 + m, b2 = k.y0 - m, b3 = k.y1 + m;
    if (p[0] >= b0 && p[0] <= b1 && p[2] >= b0 && p[2] <= b1 && p[1] >= b2 &&
        p[1] <= b3 && p[3] >= b2 && p[3] <= b3)
        return 1; /* the common case: nothing to cut */
    double dx = p[2] - p[0], dy = p[3] - p[1], t0 = 0.0, t1 = 1.0;
    const double dir[4] = {-dx, dx, -dy, dy};
    const double room[4] = {p[0] - b0, b1 - p[0], p[1] - b2, b3 - p[1]};
    for (int i = 0; i < 4; i++) {
        if (dir[i] == 0.0) {
            if (room[i] < 0.0) return 0;
            continue;
        }
        double t = room[i] / dir[i];
        if (dir[i] < 0.0 ? t > t1 : t < t0) return 0;
        if (dir[i] < 0.0 && t > t0) t0 = t;
        if (dir[i] > 0.0 && t < t1) t1 = t;
    }
    double x0 = p[0], y0 = p[1];
    if (t1 < 1.0) p[2] = x0 + t1 * dx, p[3] = y0 + t1 * dy;
    if (t0 > 0.0) p[0] = x0 + t0 * dx, p[1] = y0 + t0 * dy;
    return 1;
}

static Seg seg_make(const double *p)
{
    Seg s = {(float)p[0], (float)p[1], (float)(p[2] - p[0]), (float)(p[3] - p[1]), 0.0f};
    float len2 = s.dx * s.dx + s.dy * s.dy;
    s.inv_len2 = len2 > 0.0f ? 1.0f / len2 : 0.0f;
    return s;
}

/* Squared distance from (x, y) to the segment. */
static inline float seg_dist2(const Seg *s, float x, float y)
{
    float wx = x - s->ax, wy = y - s->ay;
    float t = (wx * s->dx + wy * s->dy) * s->inv_len2;
    t = t < 0.0f ? 0.0f : t;
    t = t > 1.0f ? 1.0f : t;
    wx -= t * s->dx;
    wy -= t * s->dy;
    return wx * wx + wy * wy;
}

/* Blends pixel *p at coverage ramp(reach - sqrt(d2)), for d2 < reach^2. */
static inline void shade(uint32_t *p, float d2, float reach, uint32_t src, float alpha)
{
    float cov = reach - sqrtf(d2);
    cov = cov > 1.0f ? 1.0f : cov;
    *p = blend(*p, src, (unsigned)(int)(cov * alpha + 0.5f));
}

/* Blends pixels x0..x1-1 of a row, centres at height py, by their distance to s. */
static void line_row(uint32_t *row, int x0, int x1, float py, const Seg *s, float reach,
                     uint32_t src, float alpha)
{
    float out2 = reach * reach;
    for (int x = x0; x < x1; x++) {
        float d2 = seg_dist2(s, (float)x + 0.5f, py);
        if (d2 < out2) /* else outside: no root, no memory traffic */
            shade(row + x, d2, reach, src, alpha);
    }
}

/* Coverage clamp(width/2 + 0.5 - distance to the segment) at each pixel centre.
 * Non-finite input or width <= 0 draws nothing; widths above LINE_MAX_WIDTH are
 * capped. Called ~100k times a frame for contour pieces a pixel or two long, so
 * the common case costs a clip test, one division and a few short rows. */
void canvas_line(Canvas *c, double x0, double y0, double x1, double y1, double width,
                 Color col)
{
    double p[4] = {x0, y0, x1, y1};
    if (!all_finite(p, 4) || !isfinite(x1 - x0) || !isfinite(y1 - y0) || !(width > 0.0) ||
        !isfinite(width) || col.a == 0)
        return;
    /* Coverage falls to 0 at distance `reach` from the segment. */
    double reach = 0.5 * (width < LINE_MAX_WIDTH ? width : LINE_MAX_WIDTH) + 0.5;
    Box k = clip_box(c);
    if (!clip_seg(p, k, reach + 1.0)) return;
    Seg s = seg_make(p);
    Box b = box_of(
        k, (p[0] < p[2] ? p[0] : p[2]) - reach, (p[1] < p[3] ? p[1] : p[3]) - reach,
        (p[0] > p[2] ? p[0] : p[2]) + reach, (p[1] > p[3] ? p[1] : p[3]) + reach);
    /* Of a row, only the centres within `reach` of the infinite line, x = xc +- half,
     * can be covered: worth a division and a root when the box is wide, so that a
     * long steep line visits few pixels a row. */
    double slope = 0.0, half = INFINITY;
    if (b.x1 - b.x0 > 8 && fabs(p[3] - p[1]) > 1e-3) {
        slope = (p[2] - p[0]) / (p[3] - p[1]);
        half = reach * sqrt(1.0 + slope * slope);
    }
    uint32_t src = canvas_pack(col);
    for (int y = b.y0; y < b.y1; y++) {
        double py = y + 0.5;
        int xa = b.x0, xb = b.x1;
        if (half < INFINITY) {
            double xc = p[0] + (py - p[1]) * slope;
            xa = to_int(xc - half + 0.5, b.x0, b.x1);
            xb = to_int(xc + half + 0.5, b.x0, b.x1);
        }
        line_row(c->px + (size_t)y * (size_t)c->stride, xa, xb, (float)py, &s,
                 (float)reach, src, col.a);
    }
}

/* The two diagonals of the square of half-size r, drawn like canvas_line but in one
 * pass, each pixel covered by the nearer, so that a translucent cross does not
 * darken where they meet. Non-finite input, r < 0 or width <= 0 draws nothing. */
void canvas_cross(Canvas *c, double cx, double cy, double r, double width, Color col)
{
    double p[8] = {cx - r, cy - r, cx + r, cy + r, cx - r, cy + r, cx + r, cy - r};
    if (!all_finite(p, 8) || !(r >= 0.0) || !(width > 0.0) || !isfinite(width) ||
        col.a == 0)
        return;
    double reach = 0.5 * (width < LINE_MAX_WIDTH ? width : LINE_MAX_WIDTH) + 0.5;
    Box k = clip_box(c),
        b = box_of(k, p[0] - reach, p[1] - reach, p[2] + reach, p[3] + reach);
    Seg s[2];
    int n = 0;
    for (int i = 0; i < 2; i++)
        if (clip_seg(p + 4 * i, k, reach + 1.0)) s[n++] = seg_make(p + 4 * i);
    if (n == 0) return;
    float fr = (float)reach, out2 = fr * fr;
    uint32_t src = canvas_pack(col);
    for (int y = b.y0; y < b.y1; y++)
        for (int x = b.x0; x < b.x1; x++) {
            float px = (float)x + 0.5f, py = (float)y + 0.5f,
                  d2 = seg_dist2(&s[0], px, py);
            if (n > 1) {
                float e2 = seg_dist2(&s[1], px, py);
                d2 = e2 < d2 ? e2 : d2;
            }
            if (d2 < out2)
                shade(c->px + (size_t)y * (size_t)c->stride + x, d2, fr, src, col.a);
        }
}

/* ---- discs and rings ---------------------------------------------------- */

/* Draws the annulus rin <= dist <= rout around (cx, cy) (rin < 0: a disc), with
 * coverage ramp(0.5 + distance inside the nearer edge). */
static void draw_round(Canvas *c, double cx, double cy, double rin, double rout,
                       Color col)
{
    double reach = rout + 0.5;
    Box b = box_of(clip_box(c), cx - reach, cy - reach, cx + reach, cy + reach);
    double out2 = reach * reach;
    double hole2 = rin > 0.5 ? (rin - 0.5) * (rin - 0.5) : -1.0;
    double full_lo = rin > -0.5 ? (rin + 0.5) * (rin + 0.5) : -1.0;
    double full_hi = rout > 0.5 ? (rout - 0.5) * (rout - 0.5) : -1.0;
    uint32_t src = canvas_pack(col);
    for (int y = b.y0; y < b.y1; y++) {
        double dy = y + 0.5 - cy, room = out2 - dy * dy;
        if (room <= 0.0) continue;
        double hx = sqrt(room);
        int x0 = to_int(cx - hx + 0.5, b.x0, b.x1),
            x1 = to_int(cx + hx + 0.5, b.x0, b.x1);
        for (int x = x0; x < x1; x++) {
            double dx = x + 0.5 - cx, d2 = dx * dx + dy * dy;
            if (d2 >= out2 || d2 <= hole2) continue;
            double cov = 1.0;
            if (d2 < full_lo || d2 > full_hi) {
                double d = sqrt(d2);
                cov = ramp(0.5 + fmin(d - rin, rout - d));
            }
            plot(c, x, y, src, cover(cov, col.a));
        }
    }
}

/* Coverage clamp(r + 0.5 - distance to the centre); non-finite input or r <= 0
 * draws nothing. */
void canvas_disc(Canvas *c, double cx, double cy, double r, Color col)
{
    if (!isfinite(cx) || !isfinite(cy) || !(r > 0.0) || !isfinite(r) || col.a == 0)
        return;
    draw_round(c, cx, cy, -1.0, r, col);
}

/* Coverage clamp(width/2 + 0.5 - |distance - r|); non-finite input, r < 0 or
 * width <= 0 draws nothing. */
void canvas_ring(Canvas *c, double cx, double cy, double r, double width, Color col)
{
    double v[4] = {cx, cy, r, width};
    if (!all_finite(v, 4) || r < 0.0 || !(width > 0.0) || col.a == 0) return;
    draw_round(c, cx, cy, r - 0.5 * width, r + 0.5 * width, col);
}

/* ---- masks ---------------------------------------------------------------- */

/* Mask byte m blends col at alpha m * col.a / 255 (rounded); only the part inside
 * the clip is read, so the mask may hang over any edge. */
void canvas_blend_mask(Canvas *c, int x, int y, const uint8_t *mask, int w, int h,
                       int pitch, Color col)
{
    if (!mask || w <= 0 || h <= 0 || col.a == 0) return;
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

void canvas_arrow(Canvas *c, double x0, double y0, double x1, double y1, double width,
                  double head, Color col)
{
    double dx = x1 - x0, dy = y1 - y0, len = hypot(dx, dy);
    if (!(len > 0) || !isfinite(len)) return;
    double h = fmin(head, len * 0.5), ux = dx / len, uy = dy / len;
    canvas_line(c, x0, y0, x1, y1, width, col);
    /* the head: two strokes at +-30 degrees back from the tip */
    double cs = 0.8660254037844386, sn = 0.5;
    canvas_line(c, x1, y1, x1 - h * (ux * cs - uy * sn), y1 - h * (uy * cs + ux * sn), width,
                col);
    canvas_line(c, x1, y1, x1 - h * (ux * cs + uy * sn), y1 - h * (uy * cs - ux * sn), width,
                col);
}
