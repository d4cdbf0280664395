/* The step-by-step view: while paused, the selected path's last step drawn as
 * arrows on the plot (the gradient step -eta grad C, the step actually taken,
 * hot-and-cold's probes) and written out with its numbers, with the first-order
 * prediction of the change of cost next to the actual change. */
#ifndef LOSSCAPE_EXPLAIN_H
#define LOSSCAPE_EXPLAIN_H

#include "app/app.h"

/* Number of text lines explain_text writes at most. */
#define EXPLAIN_LINES 10

/* Writes the explanation of path p's step from point k to k + 1 into lines (each
 * 160 bytes); returns the number of lines, 0 when there is no such step. */
int explain_text(const App *app, const Path *p, int k, char lines[][160]);

/* Draws the explanation of the selected path's last shown step over the plot. */
void explain_draw(const App *app, Canvas *c, Text *t);

#endif
