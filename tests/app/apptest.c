/* The set-up the tests in tests/app share (apptest.h): an App as the window makes
 * it, key and mouse events, the gradient-descent check, and the fonts the figure
 * draws with. Built into every test of tests/app by the Makefile beside the
 * test's own file. */
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

/* One event as main.c translates SDL's mouse events. */
void apptest_mouse(App *app, AppEventType type, int button, Vec2 px)
{
    AppEvent ev = {type, px.x, px.y, button, 0, APP_KEY_NONE, 0, NULL};
    app_event(app, &ev);
}

/* Down and up at the same pixel, with nothing between. */
void apptest_click(App *app, int button, Vec2 px)
{
    apptest_mouse(app, APP_EV_DOWN, button, px);
    apptest_mouse(app, APP_EV_UP, button, px);
}

/* Through the App's current view and plot rectangle. */
Vec2 apptest_px(const App *app, Vec2 p)
{
    return view_to_px(app->view, app->layout.plot, p);
}

/* The first point is the start exactly; the step to the second within 1e-14. */
void apptest_assert_gd(const App *app, int i)
{
    const Trajectory *t = &app->paths[i].traj;
    assert_true(t->len > 1);
    assert_close(t->pts[0].x, app->paths[i].start.x, 0);
    assert_close(t->pts[1].x, t->pts[0].x - app->optim.lr * t->pts[0].gx, 1e-14);
    assert_close(t->pts[1].y, t->pts[0].y - app->optim.lr * t->pts[0].gy, 1e-14);
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
