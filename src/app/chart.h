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

#endif
