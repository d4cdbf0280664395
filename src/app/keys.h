/* The keyboard: a table of bindings (DESIGN section 8) that both handles keys and
 * writes the help overlay, so the overlay always lists every key. */
#ifndef LOSSCAPE_KEYS_H
#define LOSSCAPE_KEYS_H

#include "app/app.h"

/* Runs the action bound to key with modifiers mod (APP_MOD_*), if any. */
void keys_handle(App *app, AppKey key, int mod);

/* Inserts typed text at the caret of the expression field. */
void keys_type(App *app, const char *text);

/* Draws the help overlay listing every binding over the whole window. */
void keys_draw_help(App *app, Canvas *c, Text *t);

#endif
