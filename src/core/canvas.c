/* Drawing into caller-owned ARGB8888 pixels: fills, anti-aliased lines, discs,
 * rings and crosses, and coverage masks for text. Everything the plot and the
 * widgets show goes through here, in the window and in `render` alike. Coverage
 * comes from the distance of each pixel centre to the shape; every primitive
 * clips to canvas->clip and to the buffer, and draws nothing for non-finite input. */
#include "canvas.h"
#include "canvas_impl.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

/* A segment prepared for distance queries: start point, direction, 1/|d|^2. Float
 * is enough once clipped near the canvas (|coordinates| < 25000: ~2e-3 px). */
typedef struct {
    float ax, ay, dx, dy, inv_len2;
} Seg;

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

/* Fills row y of c from x0 to x1 - 1 with opaque src at alpha a (255: stored). */
static void fill_row(const Canvas *c, int y, int x0, int x1, uint32_t src, unsigned a)
{
    uint32_t *row = c->px + (size_t)y * (size_t)c->stride;
    for (int x = x0; x < x1; x++) row[x] = a == 255 ? src : blend(row[x], src, a);
}

/* Alpha 255 stores the colour, 0 draws nothing, anything else blends exactly;
 * rows in parallel when the area is large. */
void canvas_fill_rect(Canvas *c, Rect r, Color col)
{
    if (col.a == 0) return;
    Box b = box_and(clip_box(c), bounded(r, c->w, c->h));
    uint32_t src = canvas_pack(col) | 0xff000000u;
    /* a whole canvas is worth the threads (~0.7 ms alone at 1920x1080); a widget is
     * not, nor even the OpenMP call that decides so (~0.4 us: a frame fills ~800
     * small rectangles, the colour bar one a row) */
    if ((long long)(b.x1 - b.x0) * (b.y1 - b.y0) <= CANVAS_BIG) {
        for (int y = b.y0; y < b.y1; y++) fill_row(c, y, b.x0, b.x1, src, col.a);
        return;
    }
#pragma omp parallel for schedule(static)
    for (int y = b.y0; y < b.y1; y++) fill_row(c, y, b.x0, b.x1, src, col.a);
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
    /* Cut to the buffer, not the clip, so that the pixels inside a clip do not
     * depend on it: lines_draw and the paths draw bands of one picture apart. */
    Box k = clip_box(c), whole = {0, 0, c->w, c->h};
    if (!cut_seg(p, whole, reach + 1.0)) return;
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
        if (cut_seg(p + 4 * i, (Box){0, 0, c->w, c->h}, reach + 1.0))
            s[n++] = seg_make(p + 4 * i);
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
