/* The 3-D view: the sampled surface as a lit, shaded mesh coloured by the colour
 * map, seen from a camera that turns around it, with every path drawn on the
 * surface and its current point as a ball. Drawn in software into a Canvas, so the
 * window and `render --3d` show the same picture. */
#ifndef LOSSCAPE_SURF3D_H
#define LOSSCAPE_SURF3D_H

#include "canvas.h"
#include "cmap.h"
#include "field.h"
#include "plot.h"
#include "view.h"

#define SURF3D_YAW (-35.0)     /* default yaw, degrees (-180..180] */
#define SURF3D_PITCH 45.0      /* default pitch, degrees [SURF3D_PITCH_MIN..MAX] */
#define SURF3D_PITCH_MIN 5.0   /* flattest view */
#define SURF3D_PITCH_MAX 89.0  /* straight from above, nearly */
#define SURF3D_DEG_PER_PX 0.4  /* degrees turned per pixel dragged (0..2] */
#define SURF3D_MAX_SIDE 160    /* most mesh vertices along a side [2..1000] */

typedef struct {
    double yaw;   /* degrees about the vertical axis; 0 looks along +y with x right */
    double pitch; /* degrees of elevation above the floor; clamped to [5, 89] */
    double zoom;  /* size factor; 0 means 1 */
} Camera3d;

/* Returns the default camera: yaw SURF3D_YAW, pitch SURF3D_PITCH, zoom 1. */
Camera3d surf3d_camera_default(void);

/* Returns cam turned by a mouse drag of (dx, dy) pixels: right turns the surface
 * to the right (yaw grows), down tips its top towards the viewer (pitch grows).
 * Yaw wraps to (-180, 180], pitch is clamped to [5, 89] degrees. */
Camera3d surf3d_rotate(Camera3d cam, double dx_px, double dy_px);

/* Returns the pixel position in area r where parameter point (x, y) with value
 * `value` appears when surf3d_draw draws a field over view v with colour scale s
 * seen by cam (the height is view_value_unit(s, value), on a log scale with a
 * gentler offset). Non-finite when the input is. */
Vec2 surf3d_project(Rect r, View v, ValueScale s, Camera3d cam, double x, double y,
                    double value);

/* Returns the pixel position in area r of parameter point (x, y) on the floor of
 * the box under the surface, where axes are labelled. */
Vec2 surf3d_project_floor(Rect r, View v, Camera3d cam, double x, double y);

/* Draws field f (sampled over f->view) as a 3-D mesh into area r of c, over what
 * is there: a floor (the colour at r's top-left corner shaded 15% toward
 * mid-grey, so it shows on a light or a dark figure) and the box's back edges for
 * orientation; triangles coloured by map `cmap` at their mean value under `scale`
 * and lit by a light that turns with the camera; holes where samples are not
 * finite; then paths[0..npaths-1] lifted onto the surface (dashed where a hill
 * hides them), a ring at each start, a ball at each current point (faded when
 * hidden) and a cross where one diverged. Line widths and markers multiply by
 * line_scale (0 means 1). At most SURF3D_MAX_SIDE vertices a side are used.
 * Allocates a depth buffer of r.w x r.h for the call. Returns 0, or -1 when memory
 * runs out (nothing drawn). */
int surf3d_draw(Canvas *c, Rect r, const Field *f, ValueScale scale, CmapKind cmap,
                const PlotPath *paths, int npaths, Camera3d cam, double line_scale);

#endif
