/* The part of a segment inside a rectangle (Liang-Barsky), for all that cuts lines
 * before drawing them: canvas_line and canvas_cross (pixels), the plot's paths
 * (pixels) and the 3-D view's paths (parameter space, to the mesh). static inline:
 * canvas_line calls it ~100k times a frame, and the copies it replaces were static. */
#ifndef LOSSCAPE_CLIP_H
#define LOSSCAPE_CLIP_H

#include "geom.h"

/* Finds the part of segment a-b inside the closed rectangle [lo.x, hi.x] x [lo.y, hi.y]
 * (any units, the same for all four points): the points clip_point(a, b, t) for
 * *t0 <= t <= *t1, where 0 <= *t0 <= *t1 <= 1. Returns 0 when no point is inside,
 * and *t0, *t1 then mean nothing. A segment wholly inside gets exactly 0 and 1, so a
 * caller may keep the ends it did not cut as they are. For finite input. */
static inline int clip_segment(Vec2 a, Vec2 b, Vec2 lo, Vec2 hi, double *t0, double *t1)
{
    *t0 = 0.0, *t1 = 1.0;
    if (a.x >= lo.x && a.x <= hi.x && b.x >= lo.x && b.x <= hi.x && a.y >= lo.y &&
        a.y <= hi.y && b.y >= lo.y && b.y <= hi.y)
        return 1; /* the common case: nothing to cut, no division */
    double dx = b.x - a.x, dy = b.y - a.y;
    const double dir[4] = {-dx, dx, -dy, dy};
    const double room[4] = {a.x - lo.x, hi.x - a.x, a.y - lo.y, hi.y - a.y};
    for (int i = 0; i < 4; i++) {
        if (dir[i] == 0.0) { /* parallel to this edge: all in or all out */
            if (room[i] < 0.0) return 0;
            continue;
        }
        double t = room[i] / dir[i];
        if (dir[i] < 0.0 ? t > *t1 : t < *t0) return 0;
        if (dir[i] < 0.0 && t > *t0) *t0 = t;
        if (dir[i] > 0.0 && t < *t1) *t1 = t;
    }
    return 1;
}

/* Returns the point a + t (b - a) of segment a-b: a at t = 0, and b at t = 1 up to
 * rounding. */
static inline Vec2 clip_point(Vec2 a, Vec2 b, double t)
{
    return (Vec2){a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

#endif
