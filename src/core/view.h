/* Mappings: the view rectangle in parameter space <-> pixels of a plot area,
 * values <-> [0, 1] for colour scales (linear or log), the log-scale slider,
 * and "nice" tick values for axes. */
#ifndef LOSSCAPE_VIEW_H
#define LOSSCAPE_VIEW_H

#include "geom.h"

typedef struct {
    double x0, x1, y0, y1; /* parameter-space rectangle, x0 < x1, y0 < y1 */
} View;

/* A log scale's offset, in units of the range: u = (value - lo) / (hi - lo) goes
 * to log1p(u / VIEW_LOG_OFFSET) / log1p(1 / VIEW_LOG_OFFSET). */
#define VIEW_LOG_OFFSET 1e-3

typedef struct {
    double lo, hi; /* value range mapped to [0, 1] */
    int log;       /* nonzero: logarithmic with an offset of (hi - lo) * VIEW_LOG_OFFSET */
} ValueScale;

/* Returns the pixel position (x right, y down, continuous: pixel i spans [i, i+1))
 * of parameter point p in plot area r showing view v. */
Vec2 view_to_px(View v, Rect r, Vec2 p);

/* Returns the parameter point at continuous pixel position px in area r. */
Vec2 view_from_px(View v, Rect r, Vec2 px);

/* Returns v zoomed by `factor` (< 1 zooms in) about parameter point c, which keeps
 * its pixel position. */
View view_zoom(View v, Vec2 c, double factor);

/* Returns the centre of v in parameter space. */
Vec2 view_centre(View v);

/* Returns v moved by (dx, dy) in parameter space. */
View view_pan(View v, double dx, double dy);

/* Returns 1 when v has finite bounds with x0 < x1 and y0 < y1, else 0. */
int view_valid(View v);

/* Maps value to [0, 1] under scale s (clamped; NaN stays NaN). */
double view_value_unit(ValueScale s, double value);

/* Inverse of view_value_unit for t in [0, 1]. */
double view_unit_value(ValueScale s, double t);

/* Maps value in [lo, hi] (lo > 0) to [0, 1] logarithmically: a log-scale slider. */
double view_log_unit(double value, double lo, double hi);

/* Inverse of view_log_unit: t in [0, 1] to a value in [lo, hi]. */
double view_unit_log(double t, double lo, double hi);

/* Fills ticks[] with "nice" values (1, 2 or 5 times a power of ten apart) inside
 * [lo, hi], at most `max` of them, aiming at about `target`. Returns the count
 * and stores the spacing in *step (may be NULL). */
int view_nice_ticks(double lo, double hi, int target, double *ticks, int max, double *step);

/* Formats tick value v with the precision its spacing needs ("0.5", "-2", "1e-05")
 * into buf (size n). Tiny values within step*1e-9 of zero print as "0". */
void view_format_tick(char *buf, int n, double v, double step);

#endif
