/* The App under the mouse, without a window: clicks start paths at the clicked
 * parameters, a drag moves a start and a right click removes it, the learning-rate
 * and batch sliders recompute every path at once, the drop-down changes the
 * surface and the wheel zooms about the cursor. */
#include "testutil.h"

#include <stdlib.h>

#include "apptest.h"
#include "config.h"

static void test_click_starts_path(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    Vec2 px = apptest_px(app, (Vec2){1, -1});
    apptest_click(app, 1, px);
    assert_int_equal(app->npaths, 1);
    double unit = (app->view.x1 - app->view.x0) / app->layout.plot.w;
    assert_true(fabs(app->paths[0].start.x - 1) < unit);
    assert_true(fabs(app->paths[0].start.y + 1) < unit);
    apptest_assert_gd(app, 0);
    /* a click outside the plot (on the panel's empty part) adds nothing */
    apptest_click(
        app, 1,
        (Vec2){app->layout.info.x + 5, app->layout.info.y + app->layout.info.h - 5});
    assert_int_equal(app->npaths, 1);
    apptest_free(app);
}

static void test_lr_slider_recomputes(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    apptest_click(app, 1, apptest_px(app, (Vec2){1, -1}));
    apptest_click(app, 1, apptest_px(app, (Vec2){-2, 2}));
    Rect s = app->layout.widget[W_LR];
    double x0 = s.x + 9, x1 = s.x + s.w - 9; /* the knob's travel */
    double t_now = view_log_unit(app->optim.lr, CFG_LR_MIN, CFG_LR_MAX);
    double t_new = view_log_unit(0.05, CFG_LR_MIN, CFG_LR_MAX);
    apptest_mouse(app, APP_EV_DOWN, 1, (Vec2){x0 + t_now * (x1 - x0), s.y + s.h / 2.0});
    apptest_mouse(app, APP_EV_MOVE, 0,
                  (Vec2){x0 + (t_now + t_new) / 2 * (x1 - x0), s.y + 2});
    apptest_mouse(app, APP_EV_MOVE, 0,
                  (Vec2){x0 + t_new * (x1 - x0), s.y + 200}); /* off the track */
    apptest_mouse(app, APP_EV_UP, 1, (Vec2){x0 + t_new * (x1 - x0), s.y + 200});
    assert_close(app->optim.lr, 0.05, 1e-9);
    assert_int_equal(app->npaths, 2); /* the drag added no path */
    apptest_assert_gd(app, 0);
    apptest_assert_gd(app, 1);
    /* moving the mouse after the release changes nothing */
    apptest_mouse(app, APP_EV_MOVE, 0, (Vec2){x0, s.y + s.h / 2.0});
    assert_close(app->optim.lr, 0.05, 1e-9);
    apptest_free(app);
}

static void test_drag_and_remove(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    Vec2 a = apptest_px(app, (Vec2){1, 1});
    apptest_click(app, 1, a);
    Vec2 b = apptest_px(app, (Vec2){-3, 2});
    apptest_mouse(app, APP_EV_DOWN, 1, a);
    apptest_mouse(app, APP_EV_MOVE, 0, (Vec2){(a.x + b.x) / 2, (a.y + b.y) / 2});
    apptest_mouse(app, APP_EV_MOVE, 0, b);
    apptest_mouse(app, APP_EV_UP, 1, b);
    assert_int_equal(app->npaths, 1);
    assert_close(app->paths[0].start.x, -3, 1e-9);
    assert_close(app->paths[0].start.y, 2, 1e-9);
    apptest_assert_gd(app, 0);
    apptest_click(app, 3,
                  apptest_px(app, (Vec2){2, -2})); /* right click away from any start */
    assert_int_equal(app->npaths, 1);
    apptest_click(app, 3, b);
    assert_int_equal(app->npaths, 0);
    apptest_free(app);
}

static void test_surface_dropdown(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    Rect d = app->layout.widget[W_SURFACE];
    apptest_click(app, 1, (Vec2){d.x + 10, d.y + 10});
    assert_int_not_equal(app->ui.open, 0);
    int bowl = surface_index(surface_find("bowl"));
    apptest_click(app, 1, (Vec2){d.x + 10, app->ui.popup.y + bowl * d.h + d.h / 2});
    assert_int_equal(app->ui.open, 0);
    assert_string_equal(app->surface->name, "bowl");
    assert_true(app->requests & APP_REQ_TITLE);
    assert_close(app->view.x0, surface_find("bowl")->view.x0, 0);
    /* the click that picked the item did not start a path */
    assert_int_equal(app->npaths, 0);
    apptest_free(app);
}

static void test_zoom_about_cursor(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    Vec2 m = apptest_px(app, (Vec2){2, 1});
    AppEvent ev = {APP_EV_WHEEL, m.x, m.y, 0, 2, APP_KEY_NONE, 0, NULL};
    double w0 = app->view.x1 - app->view.x0;
    app_event(app, &ev);
    assert_close(app->view.x1 - app->view.x0, w0 * CFG_ZOOM_STEP * CFG_ZOOM_STEP, 1e-12);
    Vec2 p = view_from_px(app->view, app->layout.plot, m);
    assert_close(p.x, 2, 1e-9);
    assert_close(p.y, 1, 1e-9);
    apptest_key(app, APP_KEY_HOME, 0);
    assert_close(app->view.x1 - app->view.x0, w0, 0);
    apptest_free(app);
}

/* Mini-batches in the window: the batch row shows on data surfaces only; a start
 * gets its mini-batch path and a full-batch companion, which follows the full
 * gradient exactly. */
static void test_minibatch_paths(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    assert_int_equal(app->layout.widget[W_BATCH].w, 0);
    app_set_surface(app, surface_find("neuron-mse"));
    assert_true(app->layout.widget[W_BATCH].w > 0);
    assert_int_equal(app->chart, APP_CHART_MODEL); /* a data surface shows its data */
    Rect b = app->layout.widget[W_BATCH];
    double x0 = b.x + 9, x1 = b.x + b.w - 9;
    apptest_mouse(app, APP_EV_DOWN, 1,
                  (Vec2){x1, b.y + b.h / 2.0}); /* the knob sits at n */
    apptest_mouse(app, APP_EV_MOVE, 0, (Vec2){x0 + (x1 - x0) * 2 / 9.0, b.y + b.h / 2.0});
    apptest_mouse(app, APP_EV_UP, 1, (Vec2){x0 + (x1 - x0) * 2 / 9.0, b.y + b.h / 2.0});
    assert_int_equal(app->optim.batch, 3);
    apptest_click(app, 1, apptest_px(app, (Vec2){-2, 3}));
    assert_int_equal(app->npaths, 2);
    assert_false(app->paths[0].full);
    assert_true(app->paths[1].full);
    /* the companion is the full-gradient run; the mini-batch path is not */
    const Trajectory *full = &app->paths[1].traj, *mini = &app->paths[0].traj;
    assert_close(full->pts[1].x, full->pts[0].x - app->optim.lr * full->pts[0].gx, 1e-14);
    assert_true(fabs(mini->pts[1].x - full->pts[1].x) > 1e-9);
    Scene *sc = calloc(1, sizeof *sc);
    app_scene(app, sc);
    assert_int_equal(sc->nstarts, 1); /* one start, though two paths */
    free(sc);
    /* the gradient row: forward differences change the paths */
    Rect g = app->layout.widget[W_GRAD];
    double before = app->paths[1].traj.pts[5].x;
    apptest_click(app, 1, (Vec2){g.x + g.w * 0.5, g.y + g.h / 2.0});
    assert_int_equal(app->optim.grad, GRAD_FORWARD);
    assert_true(app->paths[1].traj.pts[5].x != before);
    apptest_free(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_click_starts_path),
        cmocka_unit_test(test_lr_slider_recomputes),
        cmocka_unit_test(test_drag_and_remove),
        cmocka_unit_test(test_surface_dropdown),
        cmocka_unit_test(test_zoom_about_cursor),
        cmocka_unit_test(test_minibatch_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
