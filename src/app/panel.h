/* The side panel: surface and optimiser choice, learning rate, play controls,
 * speed, contour levels, mode and colour map; below them the lesson's note and
 * the list of paths; the status line across the bottom. */
#ifndef LOSSCAPE_PANEL_H
#define LOSSCAPE_PANEL_H

#include "app/app.h"

/* Lets the panel's widgets handle input `in`; returns nonzero when they took it. */
int panel_event(App *app, UiInput in);

/* Draws the panel and the status line into c. */
void panel_draw(App *app, Canvas *c, Text *t);

/* Draws the lesson's title and note and the list of paths into the info area. */
void panel_info_draw(App *app, Canvas *c, Text *t);

/* Draws the status line: the hover read-out over the plot, else the last message. */
void panel_status_draw(App *app, Canvas *c);

#endif
