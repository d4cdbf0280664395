/* The picture of a surface: heat-map, contour lines and optimisation paths drawn
 * into a canvas. The same code serves the window and the `render` subcommand.
 * A PlotCache keeps the sampled field and its contours between frames so that
 * paths and widgets redraw without re-evaluating the surface. */
#ifndef LOSSCAPE_PLOT_H
#define LOSSCAPE_PLOT_H

#include <stddef.h>

#include "canvas.h"
#include "cmap.h"
#include "contour.h"
#include "field.h"
#include "lines.h"
#include "surface.h"
#include "traj.h"
#include "view.h"

#define PLOT_MAX_LEVELS 100
#define PLOT_MAX_PATHS 256 /* paths thinned together (plot_draw_paths); more: in groups */
#define PLOT_INK 1.0 /* plot_draw_paths' ink: the paths' halos cover at most one plot */

typedef enum { PLOT_HEAT = 1, PLOT_CONTOUR = 2, PLOT_BOTH = 3 } PlotMode;

typedef struct {
    PlotMode mode; /* what to draw of the surface */
    CmapKind cmap; /* colour map of the heat-map */
    int levels;    /* contour levels, 1..PLOT_MAX_LEVELS */
    int log;       /* nonzero: logarithmic colour scale and level spacing */
    double scale;  /* line widths and markers are multiplied by this; 0 means 1 */
    int field;     /* nonzero: arrows of the descent direction -grad C on a grid */
} PlotStyle;

typedef struct {
    Field field;                    /* sampled surface (owned) */
    ContourSet contours;            /* iso-lines of field (owned) */
    double level[PLOT_MAX_LEVELS];  /* contour values */
    int nlevels;                    /* levels in use */
    ValueScale scale;               /* value -> [0, 1] of the colour scale */
    const Surface *surface;         /* what field holds, for staleness */
    int field_ok, contours_ok;      /* 0 when stale */
    int levels_of, log_of;          /* style the contours were traced with */
    uint32_t *layer;                /* heat-map and contours drawn, field.w x field.h */
    size_t layer_cap;               /* allocated pixels */
    int layer_ok;                   /* 0 when stale */
    PlotStyle layer_of;             /* style the layer was drawn with */
    int heat_pre;                   /* nonzero: the layer holds only the heat-map, */
    CmapKind heat_cmap;             /* in this map and scale, drawn by plot_update */
    int heat_log;                   /* while it sampled (heat_sample) */
    LineSeg *pieces;                /* the contours in pixels, for lines_draw */
    size_t pieces_cap;              /* allocated pieces */
    Lines lines;                    /* lines_draw's scratch */
} PlotCache;

typedef struct {
    const TrajPoint *pts; /* the path's points */
    int shown;            /* points drawn: pts[0 .. shown-1] */
    Color color;          /* line colour */
    int diverged;         /* nonzero: a cross at the last shown point */
    int selected;         /* nonzero: drawn thicker */
} PlotPath;

/* Returns the PlotMode named "heat", "contour" or "both", or -1. */
int plot_mode_find(const char *name);

/* Returns "heat", "contour" or "both". */
const char *plot_mode_name(PlotMode m);

/* Brings cache up to date for surface s over view v at w x h samples with style st:
 * resamples the field only when s, v or the size changed (after a pan by whole
 * pixels only the exposed strips, see field_pan; otherwise, when st shows the
 * heat-map, colouring each row into the kept picture as it is sampled), retraces
 * contours only when the field, the level count or the log flag changed. Returns
 * 0, or -1 when memory runs out. */
int plot_update(PlotCache *cache, const Surface *s, View v, int w, int h,
                const PlotStyle *st);

/* Marks the cache stale (after the surface's data changed in place). */
void plot_invalidate(PlotCache *cache);

/* Frees the cache's buffers and zeroes it. */
void plot_free(PlotCache *cache);

/* Draws heat-map and/or contours of an up-to-date cache into area `r` of c (the
 * field must be r.w x r.h). The picture is kept in the cache, so while the field
 * and style stay the same a call is a copy. Returns 0, or -1 when memory for the
 * kept picture runs out (it is then drawn directly). */
int plot_draw_surface(Canvas *c, Rect r, PlotCache *cache, const PlotStyle *st);

/* Draws paths over area r showing view v: a dark halo and a coloured line, a ring
 * at the start, a disc at the last shown point, a cross where it diverged. Sizes
 * are multiplied by `scale` (high-DPI). A segment repeated within 16 steps is
 * drawn once; when the paths' halos together would cover more than `ink` times
 * the area (PLOT_INK; less while a slider is dragged, for a cheaper frame), the
 * longest keep every k-th segment (and their first 64 and last 16), so a chaotic
 * path costs a bounded time a frame and still shows its whole band; over
 * PLOT_MAX_PATHS paths are drawn in groups of that many. Allocates the segments
 * for the call; draws no path when memory runs out. */
void plot_draw_paths(Canvas *c, Rect r, View v, const PlotPath *paths, int n,
                     double scale, double ink);

/* Returns path colour i of the colour-blind-safe palette (cycles). */
Color plot_path_color(int i);

#endif
