/* The set-up the tests in tests/app share (apptest.h): an App as the window makes
 * it, a key press, and the fonts the figure draws with. Built into every test of
 * tests/app by the Makefile beside the test's own file. */
#include "apptest.h"

#include "testutil.h"

#include <SDL_ttf.h>
#include <stdlib.h>

/* The canvas size and the DPI factor are the window's defaults, which the tests'
 * pixel positions assume. */
App *apptest_new(int steps)
{
    App *app = calloc(1, sizeof *app);
    assert_non_null(app);
    assert_int_equal(app_init(app, surface_find("himmelblau"), 1280, 800, 1.0, steps), 0);
    return app;
}

/* app_free releases what app_init made; the App itself is ours. */
void apptest_free(App *app)
{
    if (!app) return;
    app_free(app);
    free(app);
}

/* One key-down event, as main.c translates it. */
void apptest_key(App *app, AppKey k, int mod)
{
    AppEvent ev = {.type = APP_EV_KEY, .key = k, .mod = mod};
    app_event(app, &ev);
}

/* Paths relative to the working directory (the repository's root, where
 * tests/run.sh runs the tests); a font that does not open fails the test with
 * text_new's message. */
Text *apptest_fonts(void)
{
    assert_int_equal(TTF_Init(), 0);
    char err[256];
    Text *t = text_new("assets/fonts/DejaVuSans.ttf", "assets/fonts/DejaVuSans-Bold.ttf",
                       err, sizeof err);
    if (!t) fail_msg("%s", err);
    return t;
}

/* After this no text can be drawn until apptest_fonts again. */
void apptest_fonts_free(Text *t)
{
    text_free(t);
    TTF_Quit();
}
