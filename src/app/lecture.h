/* The lecture notes made visible (issue 8): the chain rule
 * of one sample drawn as a computational graph with its forward values and local
 * derivatives, the per-sample gradients whose mean is the gradient on the canvas
 * (as arrows on the plot). */
#ifndef LOSSCAPE_LECTURE_H
#define LOSSCAPE_LECTURE_H

#include "app/app.h"

/* Draws the back-propagation chart: the graph x -> z = w x + b -> a -> C of sample
 * app->sample at the selected path's point, and the table of every sample's
 * dC/dw, dC/db with their mean. */
void lecture_draw_backprop(const App *app, Canvas *c, Rect r, Text *t);

/* Draws every sample's gradient as an arrow (scaled together) at the selected
 * path's current point, the batch's samples highlighted, and the mean. */
void lecture_draw_samples(const App *app, Canvas *c);

#endif
