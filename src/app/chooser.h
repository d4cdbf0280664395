/* The scene chooser (Ctrl+O and the Lessons button): the shipped lessons and the
 * scenes saved in --save-to, listed by title; a click opens one. */
#ifndef LOSSCAPE_CHOOSER_H
#define LOSSCAPE_CHOOSER_H

#include "app/app.h"

/* Lists the lessons in assets_dir/scenes and the scenes in app->save_to and shows
 * the chooser. */
void chooser_open(App *app, const char *assets_dir);

/* Handles a mouse press while the chooser is shown: a row opens its scene, a press
 * elsewhere closes it. Returns 1 (the chooser takes every press). */
int chooser_press(App *app, double x, double y);

/* Draws the chooser over the window. */
void chooser_draw(App *app, Canvas *c, Text *t);

#endif
