/* The App without a window: keys change the optimiser and the animation, typed
 * text becomes the surface, a scene saved from the App reads back into the same
 * state, Ctrl+E exports the paths, and every chart and view draws. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/chooser.h"
#include "apptest.h"
#include "config.h"

static void test_keys(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    apptest_click(app, 1, apptest_px(app, (Vec2){0, 0}));
    double lr = app->optim.lr;
    apptest_key(app, APP_KEY_RBRACKET, 0);
    assert_close(app->optim.lr, lr * pow(10, 0.25), 1e-12);
    apptest_assert_gd(app, 0);
    apptest_key(app, APP_KEY_LBRACKET, 0);
    apptest_key(app, APP_KEY_LBRACKET, 0);
    assert_close(app->optim.lr, lr / pow(10, 0.25), 1e-12);
    /* Space pauses, N steps once, R restarts and plays */
    assert_true(app->playing);
    apptest_key(app, APP_KEY_SPACE, 0);
    assert_false(app->playing);
    double c = app->paths[0].cursor;
    apptest_key(app, APP_KEY_N, 0);
    assert_close(app->paths[0].cursor, floor(c) + 1, 0);
    apptest_key(app, APP_KEY_RIGHT, 0);
    assert_close(app->paths[0].cursor, floor(c) + 2, 0);
    apptest_key(app, APP_KEY_R, 0);
    assert_true(app->playing);
    assert_close(app->paths[0].cursor, 0, 0);
    /* the animation advances speed * dt steps */
    app->speed = 100;
    assert_true(app_tick(app, 0.05));
    assert_close(app->paths[0].cursor, 5, 1e-12);
    apptest_key(app, APP_KEY_H, 0);
    assert_true(app->help);
    apptest_key(app, APP_KEY_ESCAPE, 0);
    assert_false(app->help);
    apptest_key(app, APP_KEY_F12, 0);
    assert_true(app->requests & APP_REQ_SCREENSHOT);
    apptest_key(app, APP_KEY_C, 0);
    assert_int_equal(app->npaths, 0);
    /* the learning rate stays within the slider's range */
    for (int i = 0; i < 40; i++)
        apptest_key(app, APP_KEY_RBRACKET, 0);
    assert_close(app->optim.lr, CFG_LR_MAX, 0);
    apptest_free(app);
}

static void test_scene_round_trip(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    apptest_click(app, 1, apptest_px(app, (Vec2){1.5, -2.5}));
    apptest_click(app, 1, apptest_px(app, (Vec2){-1, 4}));
    apptest_key(app, APP_KEY_RBRACKET, 0);
    Scene *sc = calloc(2, sizeof *sc);
    char text[8192], err[256];
    app_scene(app, &sc[0]);
    assert_true(scene_format(&sc[0], text, sizeof text) > 0);
    assert_int_equal(scene_parse(&sc[1], text, "t", err, sizeof err), 0);
    App *b = apptest_new(2000);
    app_apply_scene(b, &sc[1]);
    assert_int_equal(b->npaths, 2);
    assert_close(b->paths[1].start.y, app->paths[1].start.y, 0);
    assert_close(b->optim.lr, app->optim.lr, 0);
    assert_ptr_equal(b->surface, app->surface);
    apptest_assert_gd(b, 0);
    free(sc);
    apptest_free(b);
    apptest_free(app);
}

static void type(App *app, const char *text)
{
    AppEvent ev = {.type = APP_EV_TEXT, .text = text};
    app_event(app, &ev);
}

/* The f(x, y) field: typed text becomes the surface on Enter; a bad one keeps the
 * previous surface and marks the column; keys type instead of acting. */
static void test_expression_field(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    apptest_click(app, 1, apptest_px(app, (Vec2){1, 1}));
    Rect f = app->layout.widget[W_EXPR];
    assert_true(f.w > 0);
    apptest_click(app, 1, (Vec2){f.x + 5, f.y + 5});
    assert_true(app->editing);
    type(app, "x^2 + 3*y^2 c");
    apptest_key(app, APP_KEY_C, 0); /* the C binding does not clear while typing */
    assert_int_equal(app->npaths, 1);
    apptest_key(app, APP_KEY_BACKSPACE, 0);
    apptest_key(app, APP_KEY_BACKSPACE, 0);
    apptest_key(app, APP_KEY_RETURN, 0);
    assert_ptr_equal(app->surface, &app->typed);
    assert_string_equal(expr_text(app->expr), "x^2 + 3*y^2");
    apptest_assert_gd(app, 0); /* recomputed on the typed surface: g = (2x, 6y) */
    assert_close(app->paths[0].traj.pts[0].gy, 6 * app->paths[0].start.y, 1e-12);
    /* a syntax error: the surface stays, the column is kept for the mark */
    apptest_key(app, APP_KEY_END, 0);
    type(app, " + (");
    apptest_key(app, APP_KEY_RETURN, 0);
    assert_string_equal(expr_text(app->expr), "x^2 + 3*y^2");
    assert_int_equal(app->edit_col, 16); /* the end: an operand was expected */
    assert_true(app->status_bad);
    /* the scene keeps the expression */
    Scene *sc = calloc(1, sizeof *sc);
    app_scene(app, sc);
    assert_true(sc->set & SCENE_EXPR);
    assert_false(sc->set & SCENE_SURFACE);
    assert_string_equal(sc->expr, "x^2 + 3*y^2");
    free(sc);
    /* clicking elsewhere stops typing; a catalogue surface replaces the expression */
    apptest_click(app, 1, apptest_px(app, (Vec2){-1, -1}));
    assert_false(app->editing);
    assert_int_equal(app->npaths, 2);
    app_set_surface(app, surface_find("bowl"));
    assert_string_equal(app->surface->name, "bowl");
    apptest_free(app);
}

/* Every chart, the step view, the help and the chooser draw without fault on every
 * kind of surface (also under the sanitizers), and they change the pixels. */
static void test_everything_draws(void **unused)
{
    (void)unused;
    Text *t = apptest_fonts();
    static uint32_t px[1280 * 800], before[1280 * 800];
    Canvas c = canvas_init(px, 1280, 800, 1280);
    static const char *surfaces[] = {"himmelblau", "neuron-xent", "tiny-net",
                                     "svm-hinge",  "mlp-slice",   "saddle"};
    for (unsigned k = 0; k < sizeof surfaces / sizeof surfaces[0]; k++) {
        App *app = apptest_new(2000);
        app_set_surface(app, surface_find(surfaces[k]));
        apptest_click(app, 1,
                      apptest_px(app, (Vec2){(app->view.x0 * 3 + app->view.x1) / 4,
                                             (app->view.y0 + app->view.y1 * 3) / 4}));
        app_tick(app, 0.5);
        apptest_key(app, APP_KEY_SPACE, 0); /* paused: the step view shows */
        app->chart = APP_CHART_NONE;
        app_relayout(app);
        app_draw(app, &c, t);
        memcpy(before, px, sizeof px);
        for (int chart = 1; chart < APP_CHART_COUNT; chart++) {
            app->chart = chart;
            app_relayout(app);
            apptest_key(app, APP_KEY_DOWN, 0); /* another sample, another step */
            apptest_key(app, APP_KEY_N, 0);
            app_draw(app, &c, t);
            if (memcmp(before, px, sizeof px) == 0)
                fail_msg("chart %d on %s drew nothing", chart, surfaces[k]);
        }
        /* basins: refined over frames until done, every start tinted */
        app->chart = APP_CHART_NONE;
        app_relayout(app);
        apptest_key(app, APP_KEY_B, 0);
        int cheap = k == 0; /* himmelblau's runs are short: wait for all of it */
        for (int f = 0; app_tick(app, 0.016) && f < (cheap ? 20000 : 3); f++)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
        if (cheap) assert_int_equal(app->overlay.level, OVERLAY_LEVELS);
        app_draw(app, &c, t);
        memcpy(before, px, sizeof px);
        apptest_key(app, APP_KEY_B, 0);
        app_draw(app, &c, t);
        if (cheap) assert_true(memcmp(before, px, sizeof px) != 0);
        /* the 3-D view: dragging turns it, clicks add no start */
        int n = app->npaths;
        apptest_key(app, APP_KEY_3, 0);
        Camera3d cam = app->cam3d;
        Vec2 m = {app->layout.plot.x + 50.0, app->layout.plot.y + 50.0};
        apptest_mouse(app, APP_EV_DOWN, 1, m);
        apptest_mouse(app, APP_EV_MOVE, 0, (Vec2){m.x + 40, m.y + 10});
        apptest_mouse(app, APP_EV_UP, 1, (Vec2){m.x + 40, m.y + 10});
        assert_int_equal(app->npaths, n);
        assert_true(app->cam3d.yaw != cam.yaw);
        app_draw(app, &c, t);
        apptest_key(app, APP_KEY_3, 0);
        apptest_key(app, APP_KEY_H, 0);
        app_draw(app, &c, t);
        apptest_key(app, APP_KEY_ESCAPE, 0);
        chooser_open(app, "assets");
        app_draw(app, &c, t);
        chooser_press(app, 0, 0); /* outside: closes */
        assert_false(app->chooser);
        apptest_free(app);
    }
    apptest_fonts_free(t);
}

/* Ctrl+E writes every path in the trace format through a temporary file. */
static void test_export_csv(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    char dir[] = "/tmp/losscape-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    snprintf(app->save_to, sizeof app->save_to, "%s", dir);
    apptest_click(app, 1, apptest_px(app, (Vec2){1, 1}));
    apptest_click(app, 1, apptest_px(app, (Vec2){-3, 2}));
    apptest_key(app, APP_KEY_E, APP_MOD_CTRL);
    assert_false(app->status_bad);
    char path[1200], line[256];
    const char *at = strstr(app->status, dir);
    assert_non_null(at);
    snprintf(path, sizeof path, "%s", at);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "path,optimizer,step,x,y,loss,gx,gy\n");
    int rows = 0, p, step;
    double x;
    while (fgets(line, sizeof line, f)) {
        assert_int_equal(sscanf(line, "%d,gd,%d,%lf", &p, &step, &x), 3);
        assert_close(x, app->paths[p].traj.pts[step].x, 1e-16);
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, app->paths[0].traj.len + app->paths[1].traj.len);
    remove(path);
    /* an unwritable place: a message, no crash, nothing left */
    snprintf(app->save_to, sizeof app->save_to, "%s/missing", dir);
    apptest_key(app, APP_KEY_E, APP_MOD_CTRL);
    assert_true(app->status_bad);
    rmdir(dir);
    apptest_free(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_scene_round_trip),
        cmocka_unit_test(test_expression_field),
        cmocka_unit_test(test_everything_draws),
        cmocka_unit_test(test_export_csv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
