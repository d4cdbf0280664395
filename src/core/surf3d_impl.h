/* Private to the surf3d_*.c files: the projection from parameter space to pixels
 * and depth, the depth buffer and its triangle filler, the mesh and the paths
 * drawn on it. Not for other modules. */
#ifndef LOSSCAPE_SURF3D_IMPL_H
#define LOSSCAPE_SURF3D_IMPL_H

#include "surf3d.h"

#define SURF3D_FLOOR (-0.52) /* height of the floor, in units of the value height */

/* World space: the floor spans [-ax, ax] x [-ay, ay] (the longer side is 2 units
 * long), heights run from -height/2 (value unit 0) to +height/2 (unit 1). */
typedef struct {
    View view;                   /* parameter rectangle mapped onto the floor */
    ValueScale scale;            /* values -> [0, 1] of the height */
    double ax, ay;               /* half extents of the floor, world units */
    double height;               /* world height of the value unit [0, 1] */
    double cyaw, syaw, cpit, spit; /* the camera's angles */
    double k;                    /* pixels per world unit */
    double ox, oy;               /* pixel position of the world origin */
} Surf3dProj;

typedef struct {
    double x, y; /* pixels (continuous) */
    double d;    /* depth, world units: larger is farther from the viewer */
} Surf3dPt;

typedef struct {
    float *z; /* r.w x r.h depths of what was drawn; FLT_MAX where nothing was */
    Rect r;   /* the pixels it covers */
} Surf3dZbuf;

typedef struct {
    const float *t; /* nx x ny value units of the vertices (NaN: undefined), row j
                       at the j-th smallest y: their colours */
    const float *h; /* their height units (surf3d_proj_unit), NaN alike */
    int nx, ny;     /* vertices a side, >= 2 */
    View span;      /* parameter rectangle the vertices span, corner to corner */
} Surf3dMesh;

/* Returns the projection of view v with colour scale s into area r by cam. */
Surf3dProj surf3d_proj(Rect r, View v, ValueScale s, Camera3d cam);

/* Returns where world point (u, w, z) appears. */
Surf3dPt surf3d_proj_world(const Surf3dProj *p, double u, double w, double z);

/* Returns the height unit in [0, 1] of value v under s: view_value_unit on a
 * linear scale; on a log scale a gentler log (an offset of 2% of the range, not
 * 0.1%), so minima are pits the eye can see into rather than needles. */
double surf3d_proj_unit(ValueScale s, double v);

/* Returns where parameter point (x, y) at height unit h appears. */
Surf3dPt surf3d_proj_param(const Surf3dProj *p, double x, double y, double h);

/* Returns the brightness factor (ambient plus Lambert from the fixed light, which
 * turns with the camera) of a face with world normal (nu, nw, nz), either side. */
double surf3d_proj_light(const Surf3dProj *p, double nu, double nw, double nz);

/* Fills triangle q (top-left rule, so shared edges are drawn once) with colour
 * argb where it is nearer than what zb holds, and records its depth. */
void surf3d_raster_tri(Canvas *c, Surf3dZbuf *zb, const Surf3dPt q[3], uint32_t argb);

/* Returns 1 when a point at q lies on or in front of what zb holds around its
 * pixel (within `tol` world units), else 0; 1 outside zb. */
int surf3d_raster_visible(const Surf3dZbuf *zb, Surf3dPt q, double tol);

/* Sets *nx, *ny to the mesh size field f gives (at most SURF3D_MAX_SIDE a side)
 * and returns nx * ny, or 0 when f is smaller than 2 x 2 samples. */
int surf3d_mesh_size(const Field *f, int *nx, int *ny);

/* Fills m from field f: nx x ny vertices (from surf3d_mesh_size) spread evenly
 * over the sample centres, values interpolated between samples and mapped by s,
 * in caller-owned buf[2 * nx * ny] (colour units, then height units). */
void surf3d_mesh_build(Surf3dMesh *m, float *buf, const Field *f, ValueScale s, int nx,
                       int ny);

/* Draws mesh m through zb: two triangles a cell, coloured by cmap at their mean
 * value unit and lit, none where a vertex is undefined. */
void surf3d_mesh_draw(Canvas *c, Surf3dZbuf *zb, const Surf3dProj *p, const Surf3dMesh *m,
                      CmapKind cmap);

/* Returns the height unit of mesh m at parameter point (x, y), interpolated on the
 * triangle the mesh draws there; NaN outside the span or where undefined. */
double surf3d_mesh_height(const Surf3dMesh *m, double x, double y);

/* Draws paths[0..n-1] on mesh m: lines lifted onto the surface (dimmed where zb
 * hides them), a ring at the start, a ball at the current point, a cross where a
 * path diverged. Sizes multiply by k. */
void surf3d_paths_draw(Canvas *c, const Surf3dProj *p, const Surf3dMesh *m,
                       const Surf3dZbuf *zb, const PlotPath *paths, int n, double k);

#endif
