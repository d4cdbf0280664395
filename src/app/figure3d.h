/* The figure in 3-D: the formula as title over the surface drawn as a lit mesh
 * (core/surf3d), with the paths on it and the axes ticked and named along the
 * floor. The window's 3-D toggle and `render --3d` both draw it. */
#ifndef LOSSCAPE_FIGURE3D_H
#define LOSSCAPE_FIGURE3D_H

#include "core/surf3d.h"
#include "figure.h"

/* Returns the rectangle of `area` the 3-D view takes: all of it below the title,
 * less a margin for the floor's labels. */
Rect figure3d_view_rect(Rect area, double scale);

/* Draws figure f in 3-D as camera cam sees it into `area` of c: the title, the
 * surface from f->cache (sampled at figure_plot_rect's size, the size figure_draw
 * uses, so switching between 2-D and 3-D resamples nothing), every path with a
 * ball at its current point, ticks and parameter names on the floor. f->labels
 * are not drawn. Returns 0, or -1 when memory runs out (only the title is drawn). */
int figure3d_draw(Canvas *c, Rect area, Text *t, const Figure *f, Camera3d cam);

#endif
