/* The charts below the figure: the cost against the iteration for every path
 * (with a legend per path), and the final cost against the learning rate from the
 * selected start (the sweep). */
#ifndef LOSSCAPE_CHART_H
#define LOSSCAPE_CHART_H

#include "app/app.h"

/* Draws the loss-versus-iteration chart of app's paths into r. */
void chart_draw_loss(const App *app, Canvas *c, Rect r, Text *t);

/* Draws the sweep chart (app->sweep, up to date) into r. */
void chart_draw_sweep(const App *app, Canvas *c, Rect r, Text *t);

/* Draws the data of a data surface and the model at the parameters of the selected
 * path's current point (the hovered point when there is no path): points and the
 * regression line, sigmoid curve or tiny net's fit; for 2-D data the points by
 * class over the model's decision regions, with the separating line. */
void chart_draw_model(const App *app, Canvas *c, Rect r, Text *t);

/* Draws the cost along the line through the focus point (app_focus) in the
 * direction of -grad C (CS231n's 1-D slice), its first-order prediction, and
 * where the selected path's next step lands. */
void chart_draw_slice(const App *app, Canvas *c, Rect r, Text *t);

#endif
