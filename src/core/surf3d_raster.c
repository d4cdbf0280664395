/* The 3-D view's depth buffer: flat-coloured triangles filled where they are
 * nearer than what is already drawn, and visibility queries for the paths and
 * markers drawn over the mesh afterwards. Vertices are snapped to 1/16 pixel and
 * edges tested in exact integers with the top-left rule, so neighbouring
 * triangles neither overlap nor leave gaps. */
#include <float.h>
#include <math.h>

#include "surf3d_impl.h"

#define SUB 16          /* subpixel steps per pixel */
#define MAX_COORD 1e7   /* pixels; triangles reaching further are skipped */

typedef struct {
    long long x, y;
} Fix;

/* The edge function of a->b at p: positive on the inside of a triangle whose
 * vertices wind the way surf3d_raster_tri orders them. */
static long long edge(Fix a, Fix b, Fix p)
{
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

/* 0 when a pixel centre exactly on edge a->b belongs to the triangle (a top or a
 * left edge), else -1, which turns ">= 0" into "> 0". */
static long long bias(Fix a, Fix b)
{
    long long dx = b.x - a.x, dy = b.y - a.y;
    return (dy == 0 && dx > 0) || dy < 0 ? 0 : -1;
}

/* Smallest pixel whose centre is >= v (in subpixels); v may be negative. */
static int first_px(long long v)
{
    long long n = v - SUB / 2; /* centre of pixel i is i*SUB + SUB/2 */
    return (int)(n >= 0 ? (n + SUB - 1) / SUB : -((-n) / SUB));
}

/* Largest pixel whose centre is <= v. */
static int last_px(long long v)
{
    long long n = v - SUB / 2;
    return (int)(n >= 0 ? n / SUB : -((-n + SUB - 1) / SUB));
}

/* Snaps q to subpixels; returns 0 when a coordinate is not finite or too far. */
static int snap(const Surf3dPt q[3], Fix f[3])
{
    for (int i = 0; i < 3; i++) {
        if (!(fabs(q[i].x) < MAX_COORD && fabs(q[i].y) < MAX_COORD) || !isfinite(q[i].d))
            return 0;
        f[i] = (Fix){llround(q[i].x * SUB), llround(q[i].y * SUB)};
    }
    return 1;
}

/* Fills rows y0..y1 and columns x0..x1 (inclusive, inside zb) of the triangle
 * f[0..2], area `area` > 0, depths d[0..2]. */
static void fill(Canvas *c, Surf3dZbuf *zb, const Fix f[3], const double d[3],
                 long long area, int x0, int x1, int y0, int y1, uint32_t argb)
{
    long long b0 = bias(f[1], f[2]), b1 = bias(f[2], f[0]), b2 = bias(f[0], f[1]);
    long long sx0 = -(f[2].y - f[1].y) * SUB, sx1 = -(f[0].y - f[2].y) * SUB,
              sx2 = -(f[1].y - f[0].y) * SUB;
    double g1 = (d[1] - d[0]) / (double)area, g2 = (d[2] - d[0]) / (double)area;
    for (int y = y0; y <= y1; y++) {
        Fix p = {(long long)x0 * SUB + SUB / 2, (long long)y * SUB + SUB / 2};
        long long e0 = edge(f[1], f[2], p) + b0, e1 = edge(f[2], f[0], p) + b1,
                  e2 = edge(f[0], f[1], p) + b2;
        float *zrow = zb->z + (size_t)(y - zb->r.y) * (size_t)zb->r.w + (x0 - zb->r.x);
        uint32_t *prow = c->px + (size_t)y * (size_t)c->stride + x0;
        for (int i = 0; i <= x1 - x0; i++, e0 += sx0, e1 += sx1, e2 += sx2) {
            if ((e0 | e1 | e2) < 0) continue;
            /* e1, e2 are the weights of vertices 1 and 2 (bias aside) */
            float z = (float)(d[0] + g1 * (double)(e1 - b1) + g2 * (double)(e2 - b2));
            if (z < zrow[i]) {
                zrow[i] = z;
                prow[i] = argb;
            }
        }
    }
}

void surf3d_raster_tri(Canvas *c, Surf3dZbuf *zb, const Surf3dPt q[3], uint32_t argb)
{
    Fix f[3];
    if (!snap(q, f)) return;
    double d[3] = {q[0].d, q[1].d, q[2].d};
    long long area = edge(f[0], f[1], f[2]);
    if (area == 0) return;
    if (area < 0) { /* wind every triangle the same way */
        Fix tf = f[1];
        f[1] = f[2];
        f[2] = tf;
        double td = d[1];
        d[1] = d[2];
        d[2] = td;
        area = -area;
    }
    long long mnx = f[0].x, mxx = f[0].x, mny = f[0].y, mxy = f[0].y;
    for (int i = 1; i < 3; i++) {
        mnx = f[i].x < mnx ? f[i].x : mnx;
        mxx = f[i].x > mxx ? f[i].x : mxx;
        mny = f[i].y < mny ? f[i].y : mny;
        mxy = f[i].y > mxy ? f[i].y : mxy;
    }
    int x0 = first_px(mnx), x1 = last_px(mxx), y0 = first_px(mny), y1 = last_px(mxy);
    Rect r = zb->r;
    x0 = x0 < r.x ? r.x : x0;
    y0 = y0 < r.y ? r.y : y0;
    x1 = x1 > r.x + r.w - 1 ? r.x + r.w - 1 : x1;
    y1 = y1 > r.y + r.h - 1 ? r.y + r.h - 1 : y1;
    if (x0 > x1 || y0 > y1) return;
    fill(c, zb, f, d, area, x0, x1, y0, y1, argb);
}

int surf3d_raster_visible(const Surf3dZbuf *zb, Surf3dPt q, double tol)
{
    if (!(fabs(q.x) < MAX_COORD && fabs(q.y) < MAX_COORD)) return 1;
    int px = (int)floor(q.x), py = (int)floor(q.y);
    float far = -FLT_MAX;
    int any = 0;
    /* the farthest depth around the pixel: a point on a steep face is compared
     * with the face, not with a nearer neighbour pixel of it */
    for (int y = py - 1; y <= py + 1; y++)
        for (int x = px - 1; x <= px + 1; x++) {
            if (x < zb->r.x || y < zb->r.y || x >= zb->r.x + zb->r.w ||
                y >= zb->r.y + zb->r.h)
                continue;
            float z = zb->z[(size_t)(y - zb->r.y) * (size_t)zb->r.w + (x - zb->r.x)];
            far = z > far ? z : far;
            any = 1;
        }
    return !any || q.d <= far + tol;
}
