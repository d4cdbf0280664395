/* What canvas.c and lines.c share: pixel boxes, the cut of a segment to a box,
 * and the exact blend of ARGB8888 pixels. Internal to src/core: static inline
 * helpers, no state. */
#ifndef LOSSCAPE_CANVAS_IMPL_H
#define LOSSCAPE_CANVAS_IMPL_H

#include <stdint.h>

#include "canvas.h"
#include "clip.h"

/* Widest line drawn: anything wider covers every canvas near it anyway, and the
 * cap keeps the clipped coordinates small enough for float. */
#define LINE_MAX_WIDTH 32768.0

/* Pixels from which a fill or a copy is split over the threads. */
#define CANVAS_BIG (1 << 16)

/* Pixel bounds [x0, x1) x [y0, y1) of an area to visit. */
typedef struct {
    int x0, y0, x1, y1;
} Box;

static inline long long clampll(long long v, long long lo, long long hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Rectangle r intersected with the buffer [0, w) x [0, h): always
 * 0 <= x0 <= x1 <= w and 0 <= y0 <= y1 <= h, empty when x0 == x1 or y0 == y1. */
static inline Box bounded(Rect r, int w, int h)
{
    Box b;
    b.x0 = (int)clampll(r.x, 0, w);
    b.y0 = (int)clampll(r.y, 0, h);
    b.x1 = (int)clampll((long long)r.x + r.w, b.x0, w);
    b.y1 = (int)clampll((long long)r.y + r.h, b.y0, h);
    return b;
}

/* The canvas clip, intersected with the buffer even if the field was edited. */
static inline Box clip_box(const Canvas *c)
{
    return bounded(c->clip, c->w, c->h);
}

/* floor(v) clamped to [lo, hi], for 0 <= lo <= hi: above lo truncation is the floor,
 * and huge or NaN values never reach the conversion. */
static inline int to_int(double v, int lo, int hi)
{
    return v > lo ? (v < hi ? (int)v : hi) : lo;
}

static inline Box box_and(Box a, Box b)
{
    a.x0 = a.x0 > b.x0 ? a.x0 : b.x0;
    a.y0 = a.y0 > b.y0 ? a.y0 : b.y0;
    a.x1 = a.x1 < b.x1 ? a.x1 : b.x1;
    a.y1 = a.y1 < b.y1 ? a.y1 : b.y1;
    return a;
}

/* Pixels of clip box k whose centres lie in [x0, x1] x [y0, y1]; a centre exactly on
 * the border may be left out, as shapes give it zero coverage anyway. */
static inline Box box_of(Box k, double x0, double y0, double x1, double y1)
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

/* Cuts segment p[0..3] = (x0, y0, x1, y1) to box k grown by m, so that far-away
 * endpoints cost nothing and the rest fits a float; an end inside is left exactly
 * as it was. Returns 0 when nothing is left. */
static inline int cut_seg(double *p, Box k, double m)
{
    Vec2 a = {p[0], p[1]}, b = {p[2], p[3]};
    double t0, t1;
    if (!clip_segment(a, b, (Vec2){k.x0 - m, k.y0 - m}, (Vec2){k.x1 + m, k.y1 + m}, &t0,
                      &t1))
        return 0;
    if (t1 < 1.0) {
        Vec2 e = clip_point(a, b, t1);
        p[2] = e.x, p[3] = e.y;
    }
    if (t0 > 0.0) {
        Vec2 s = clip_point(a, b, t0);
        p[0] = s.x, p[1] = s.y;
    }
    return 1;
}

#endif
