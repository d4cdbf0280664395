/* The 3-D view's camera and projection, and surf3d_draw, which puts the picture
 * together: floor and back edges, then the mesh (surf3d_mesh.c) through the depth
 * buffer (surf3d_raster.c), then the paths on top (surf3d_paths.c). The camera
 * turns around the centre of the view; the projection is orthographic and its
 * scale depends on the pitch only, so turning never changes the size. */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "surf3d_impl.h"

#define HEIGHT 0.7     /* world height of the value unit (the floor is 2 units wide) */
#define HEIGHT_OFFSET 0.02 /* log scale: heights offset by this part of the range */
#define FILL 0.94      /* part of the area the turning box may take */
#define MAX_ASPECT 3.0 /* longer floor side over shorter, at most */
#define AMBIENT 0.58   /* light every face gets */
#define DIFFUSE 0.52   /* Lambert light at its strongest */

static const double PI = 3.14159265358979323846;

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

Camera3d surf3d_camera_default(void)
{
    return (Camera3d){SURF3D_YAW, SURF3D_PITCH, 1.0};
}

Camera3d surf3d_rotate(Camera3d cam, double dx_px, double dy_px)
{
    double yaw = cam.yaw + dx_px * SURF3D_DEG_PER_PX;
    if (isfinite(yaw)) {
        yaw = fmod(yaw, 360.0);
        if (yaw > 180.0) yaw -= 360.0;
        if (yaw <= -180.0) yaw += 360.0;
        cam.yaw = yaw;
    }
    double pitch = cam.pitch + dy_px * SURF3D_DEG_PER_PX;
    if (isfinite(pitch)) cam.pitch = clampd(pitch, SURF3D_PITCH_MIN, SURF3D_PITCH_MAX);
    return cam;
}

Surf3dProj surf3d_proj(Rect r, View v, ValueScale s, Camera3d cam)
{
    Surf3dProj p = {.view = v, .scale = s, .height = HEIGHT};
    double a = (v.x1 - v.x0) / (v.y1 - v.y0);
    a = isfinite(a) && a > 0 ? clampd(a, 1 / MAX_ASPECT, MAX_ASPECT) : 1.0;
    p.ax = a >= 1 ? 1.0 : a;
    p.ay = a >= 1 ? 1.0 / a : 1.0;
    double pitch = clampd(isfinite(cam.pitch) ? cam.pitch : SURF3D_PITCH, SURF3D_PITCH_MIN,
                          SURF3D_PITCH_MAX) * PI / 180;
    double yaw = (isfinite(cam.yaw) ? cam.yaw : SURF3D_YAW) * PI / 180;
    p.cyaw = cos(yaw);
    p.syaw = sin(yaw);
    p.cpit = cos(pitch);
    p.spit = sin(pitch);
    /* the floor's diagonal is the widest the box gets at any yaw */
    double diag = hypot(p.ax, p.ay);
    double kw = r.w / (2 * diag), kh = r.h / (2 * diag * p.spit + HEIGHT * p.cpit);
    double zoom = cam.zoom > 0 && isfinite(cam.zoom) ? cam.zoom : 1.0;
    p.k = FILL * zoom * (kw < kh ? kw : kh);
    p.ox = r.x + r.w / 2.0;
    p.oy = r.y + r.h / 2.0;
    return p;
}

Surf3dPt surf3d_proj_world(const Surf3dProj *p, double u, double w, double z)
{
    double x = u * p->cyaw - w * p->syaw, y = u * p->syaw + w * p->cyaw;
    double up = z * p->cpit + y * p->spit;
    return (Surf3dPt){p->ox + p->k * x, p->oy - p->k * up, y * p->cpit - z * p->spit};
}

double surf3d_proj_unit(ValueScale s, double v)
{
    if (!s.log) return view_value_unit(s, v);
    double range = s.hi - s.lo;
    if (isnan(v) || !(range > 0) || !isfinite(range)) return view_value_unit(s, v);
    double u = clampd((v - s.lo) / range, 0, 1);
    return log1p(u / HEIGHT_OFFSET) / log1p(1 / HEIGHT_OFFSET);
}

Surf3dPt surf3d_proj_param(const Surf3dProj *p, double x, double y, double h)
{
    View v = p->view;
    double u = ((x - v.x0) / (v.x1 - v.x0) * 2 - 1) * p->ax;
    double w = ((y - v.y0) / (v.y1 - v.y0) * 2 - 1) * p->ay;
    return surf3d_proj_world(p, u, w, (h - 0.5) * p->height);
}

double surf3d_proj_light(const Surf3dProj *p, double nu, double nw, double nz)
{
    /* the normal in camera space: right, up, towards the viewer */
    double nx = nu * p->cyaw - nw * p->syaw, ny = nu * p->syaw + nw * p->cyaw;
    double right = nx, up = nz * p->cpit + ny * p->spit, toward = nz * p->spit - ny * p->cpit;
    double len = sqrt(right * right + up * up + toward * toward);
    if (!(len > 0)) return AMBIENT;
    if (toward < 0) len = -len; /* light the side that faces the viewer */
    /* from the upper left, behind the viewer: (-0.4, 0.75, 0.53) normalised */
    double lambert = (-0.3993 * right + 0.7487 * up + 0.5291 * toward) / len;
    return AMBIENT + DIFFUSE * (lambert > 0 ? lambert : 0);
}

Vec2 surf3d_project(Rect r, View v, ValueScale s, Camera3d cam, double x, double y,
                    double value)
{
    Surf3dProj p = surf3d_proj(r, v, s, cam);
    Surf3dPt q = surf3d_proj_param(&p, x, y, surf3d_proj_unit(s, value));
    return (Vec2){q.x, q.y};
}

Vec2 surf3d_project_floor(Rect r, View v, Camera3d cam, double x, double y)
{
    ValueScale s = {0, 1, 0};
    Surf3dProj p = surf3d_proj(r, v, s, cam);
    Surf3dPt q = surf3d_proj_param(&p, x, y, 0.5 + SURF3D_FLOOR);
    return (Vec2){q.x, q.y};
}

/* ---- frame ----------------------------------------------------------------- */

static Surf3dPt corner(const Surf3dProj *p, int i, double z)
{
    return surf3d_proj_world(p, (i & 1) ? p->ax : -p->ax, (i & 2) ? p->ay : -p->ay, z);
}

/* Draws the floor (filled, into the depth buffer, just under the lowest value)
 * and the edges of the box behind the surface: the nearest corner's edges would
 * cross the surface, so they are left out. */
static void frame(Canvas *c, Surf3dZbuf *zb, const Surf3dProj *p, double k)
{
    static const int ring[4] = {0, 1, 3, 2}; /* corners in order round the floor */
    double lo = p->height * SURF3D_FLOOR, hi = p->height * 0.5;
    Surf3dPt f[4], t[4];
    int near = 0;
    for (int i = 0; i < 4; i++) {
        f[i] = corner(p, ring[i], lo);
        t[i] = corner(p, ring[i], hi);
        if (f[i].d < f[near].d) near = i;
    }
    Surf3dPt a[3] = {f[0], f[1], f[2]}, b[3] = {f[0], f[2], f[3]};
    /* the floor: the background under it shaded a little toward grey, so it shows
     * on a white figure and on a black one alike */
    Color bg = canvas_unpack(c->px[(size_t)c->clip.y * c->stride + c->clip.x]);
    Color fl = {(unsigned char)(bg.r + (128 - bg.r) * 0.15),
                (unsigned char)(bg.g + (128 - bg.g) * 0.15),
                (unsigned char)(bg.b + (128 - bg.b) * 0.15), 255};
    uint32_t floor_px = canvas_pack(fl);
    surf3d_raster_tri(c, zb, a, floor_px);
    surf3d_raster_tri(c, zb, b, floor_px);
    Color edge = {120, 125, 135, 255}, faint = {170, 175, 185, 255};
    for (int i = 0; i < 4; i++) {
        int j = (i + 1) % 4;
        canvas_line(c, f[i].x, f[i].y, f[j].x, f[j].y, 1.3 * k, edge);
        if (i == near) continue;
        canvas_line(c, f[i].x, f[i].y, t[i].x, t[i].y, 1.0 * k, faint);
        if (j != near) canvas_line(c, t[i].x, t[i].y, t[j].x, t[j].y, 1.0 * k, faint);
    }
}

/* ---- drawing --------------------------------------------------------------- */

static Rect intersect(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return (Rect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

int surf3d_draw(Canvas *c, Rect r, const Field *f, ValueScale scale, CmapKind cmap,
                const PlotPath *paths, int npaths, Camera3d cam, double line_scale)
{
    Rect zr = intersect(intersect(r, c->clip), (Rect){0, 0, c->w, c->h});
    if (zr.w <= 0 || zr.h <= 0) return 0;
    int nx, ny;
    size_t nz = (size_t)zr.w * (size_t)zr.h, nt = (size_t)surf3d_mesh_size(f, &nx, &ny);
    float *buf = malloc(sizeof *buf * (nz + 2 * nt));
    if (!buf) return -1;
    Surf3dZbuf zb = {buf, zr};
    for (size_t i = 0; i < nz; i++) buf[i] = FLT_MAX;
    double k = line_scale > 0 ? line_scale : 1.0;
    Surf3dProj p = surf3d_proj(r, f->view, scale, cam);
    Rect old = canvas_set_clip(c, zr);
    frame(c, &zb, &p, k);
    if (nt > 0) {
        Surf3dMesh m;
        surf3d_mesh_build(&m, buf + nz, f, scale, nx, ny);
        surf3d_mesh_draw(c, &zb, &p, &m, cmap);
        surf3d_paths_draw(c, &p, &m, &zb, paths, npaths, k);
    }
    canvas_set_clip(c, old);
    free(buf);
    return 0;
}
