/* The 3-D view's mesh: at most SURF3D_MAX_SIDE vertices a side spread evenly over
 * the sampled field, two flat-lit triangles a cell coloured by the colour map,
 * and the height of any point on it for the paths drawn on top. The surface is
 * open like matplotlib's: walls down to the floor were tried, but they hid the
 * minima near the front rim and the floor that places the surface in space. */
#include <math.h>

#include "surf3d_impl.h"

typedef struct {
    double u, w, z; /* world position */
    Surf3dPt s;     /* where it appears */
    int ok;         /* its value is defined */
} Vert;

int surf3d_mesh_size(const Field *f, int *nx, int *ny)
{
    *nx = *ny = 0;
    if (!f || !f->v || f->w < 2 || f->h < 2) return 0;
    *nx = f->w < SURF3D_MAX_SIDE ? f->w : SURF3D_MAX_SIDE;
    *ny = f->h < SURF3D_MAX_SIDE ? f->h : SURF3D_MAX_SIDE;
    return *nx * *ny;
}

/* Returns f bilinearly at column gx in [0, w-1] and row gy in [0, h-1]; NaN when a
 * sample with a nonzero weight is not finite. */
static double sample(const Field *f, double gx, double gy)
{
    int i = (int)gx, j = (int)gy;
    i = i > f->w - 2 ? f->w - 2 : i;
    j = j > f->h - 2 ? f->h - 2 : j;
    double a = gx - i, b = gy - j, acc = 0;
    double wt[4] = {(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b};
    const double *v = f->v + (size_t)j * (size_t)f->w + i;
    const double *at[4] = {v, v + 1, v + f->w, v + f->w + 1};
    for (int k = 0; k < 4; k++) {
        if (wt[k] == 0) continue;
        if (!isfinite(*at[k])) return NAN;
        acc += wt[k] * *at[k];
    }
    return acc;
}

void surf3d_mesh_build(Surf3dMesh *m, float *buf, const Field *f, ValueScale s, int nx,
                       int ny)
{
    float *t = buf, *h = buf + (size_t)nx * ny;
    View v = f->view;
    double dx = (v.x1 - v.x0) / f->w, dy = (v.y1 - v.y0) / f->h;
    m->t = t;
    m->h = h;
    m->nx = nx;
    m->ny = ny;
    m->span = (View){v.x0 + dx / 2, v.x1 - dx / 2, v.y0 + dy / 2, v.y1 - dy / 2};
    for (int j = 0; j < ny; j++) {
        double row = (f->h - 1) - j * (f->h - 1.0) / (ny - 1); /* field row 0 is the top */
        for (int i = 0; i < nx; i++) {
            double val = sample(f, i * (f->w - 1.0) / (nx - 1), row);
            t[(size_t)j * nx + i] = isnan(val) ? NAN : (float)view_value_unit(s, val);
            h[(size_t)j * nx + i] = isnan(val) ? NAN : (float)surf3d_proj_unit(s, val);
        }
    }
}

/* Returns argb with its colour channels multiplied by s (clamped to 255). */
static uint32_t shade(uint32_t argb, double s)
{
    uint32_t out = 0xff000000u;
    for (int sh = 0; sh <= 16; sh += 8) {
        double ch = ((argb >> sh) & 0xffu) * s + 0.5;
        out |= (uint32_t)(ch > 255 ? 255 : ch) << sh;
    }
    return out;
}

/* Fills triangle a, b, c in colour argb lit by its normal. */
static void tri(Canvas *cv, Surf3dZbuf *zb, const Surf3dProj *p, const Vert *a,
                const Vert *b, const Vert *c, uint32_t argb)
{
    double e1[3] = {b->u - a->u, b->w - a->w, b->z - a->z};
    double e2[3] = {c->u - a->u, c->w - a->w, c->z - a->z};
    double n[3] = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2],
                   e1[0] * e2[1] - e1[1] * e2[0]};
    Surf3dPt q[3] = {a->s, b->s, c->s};
    surf3d_raster_tri(cv, zb, q, shade(argb, surf3d_proj_light(p, n[0], n[1], n[2])));
}

/* Fills a coloured, lit triangle of the surface unless a vertex is undefined. */
static void face(Canvas *cv, Surf3dZbuf *zb, const Surf3dProj *p, const uint32_t *lut,
                 const Vert *a, const Vert *b, const Vert *c, double ta, double tb,
                 double tc)
{
    if (!a->ok || !b->ok || !c->ok) return;
    int idx = (int)((ta + tb + tc) / 3 * 255 + 0.5);
    tri(cv, zb, p, a, b, c, lut[idx < 0 ? 0 : idx > 255 ? 255 : idx]);
}

/* Sets vertex (i, j) of m: its world position and its pixel position. */
static Vert vert(const Surf3dProj *p, const Surf3dMesh *m, int i, int j)
{
    double x = m->span.x0 + (m->span.x1 - m->span.x0) * i / (m->nx - 1);
    double y = m->span.y0 + (m->span.y1 - m->span.y0) * j / (m->ny - 1);
    double h = m->h[(size_t)j * m->nx + i];
    Vert v = {((x - p->view.x0) / (p->view.x1 - p->view.x0) * 2 - 1) * p->ax,
              ((y - p->view.y0) / (p->view.y1 - p->view.y0) * 2 - 1) * p->ay,
              (h - 0.5) * p->height, {0, 0, 0}, !isnan(h)};
    v.s = surf3d_proj_world(p, v.u, v.w, v.z);
    return v;
}

void surf3d_mesh_draw(Canvas *cv, Surf3dZbuf *zb, const Surf3dProj *p, const Surf3dMesh *m,
                      CmapKind cmap)
{
    Vert rows[2][SURF3D_MAX_SIDE];
    const uint32_t *lut = cmap_lut(cmap);
    const float *t = m->t;
    int nx = m->nx;
    for (int i = 0; i < nx; i++) rows[0][i] = vert(p, m, i, 0);
    for (int j = 0; j + 1 < m->ny; j++) {
        Vert *lo = rows[j & 1], *hi = rows[(j + 1) & 1];
        const float *tl = t + (size_t)j * nx, *th = tl + nx;
        for (int i = 0; i < nx; i++) hi[i] = vert(p, m, i, j + 1);
        /* the diagonal runs from (i, j) to (i+1, j+1), as surf3d_mesh_height assumes */
        for (int i = 0; i + 1 < nx; i++) {
            face(cv, zb, p, lut, &lo[i], &lo[i + 1], &hi[i + 1], tl[i], tl[i + 1], th[i + 1]);
            face(cv, zb, p, lut, &lo[i], &hi[i + 1], &hi[i], tl[i], th[i + 1], th[i]);
        }
    }
}

double surf3d_mesh_height(const Surf3dMesh *m, double x, double y)
{
    double gx = (x - m->span.x0) / (m->span.x1 - m->span.x0) * (m->nx - 1);
    double gy = (y - m->span.y0) / (m->span.y1 - m->span.y0) * (m->ny - 1);
    if (!(gx >= 0 && gx <= m->nx - 1 && gy >= 0 && gy <= m->ny - 1)) return NAN;
    int i = (int)gx, j = (int)gy;
    i = i > m->nx - 2 ? m->nx - 2 : i;
    j = j > m->ny - 2 ? m->ny - 2 : j;
    double a = gx - i, b = gy - j;
    const float *t0 = m->h + (size_t)j * m->nx + i, *t1 = t0 + m->nx;
    if (a >= b) return t0[0] + a * (t0[1] - t0[0]) + b * (t1[1] - t0[1]);
    return t0[0] + b * (t1[0] - t0[0]) + a * (t1[1] - t1[0]);
}
