/* Shared by the tests in tests/app (linked into each of them, see the Makefile):
 * an App on the heap as the window makes it, a key press, mouse events, the check
 * that a path is plain gradient descent, and the shipped fonts.
 * Each helper fails the running cmocka test when it cannot do its part. */
#ifndef LOSSCAPE_APPTEST_H
#define LOSSCAPE_APPTEST_H

#include "app/app.h"
#include "gfx/text.h"

/* Returns a new App over himmelblau for a 1280x800 canvas at DPI factor 1 with
 * `steps` points a path; free it with apptest_free. */
App *apptest_new(int steps);

/* Frees an App from apptest_new; NULL is a no-op. */
void apptest_free(App *app);

/* Sends key k with modifiers mod (APP_MOD_*) to app. */
void apptest_key(App *app, AppKey k, int mod);

/* Sends one mouse event of `type` (APP_EV_DOWN, _UP, _MOVE) with `button` (1 left,
 * 3 right; 0 for a move) at window pixel px to app. */
void apptest_mouse(App *app, AppEventType type, int button, Vec2 px);

/* Presses and releases `button` at window pixel px. */
void apptest_click(App *app, int button, Vec2 px);

/* Returns the window pixel of parameter point p in app's plot. */
Vec2 apptest_px(const App *app, Vec2 p);

/* Fails the test unless path i's first step is gd's: start - lr * gradient. */
void apptest_assert_gd(const App *app, int i);

/* Starts SDL_ttf and opens DejaVu Sans, regular and bold, from assets/ (the tests
 * run from the repository's root); close both with apptest_fonts_free. */
Text *apptest_fonts(void);

/* Frees the fonts from apptest_fonts and stops SDL_ttf. */
void apptest_fonts_free(Text *t);

#endif
