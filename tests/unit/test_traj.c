/* Trajectories and gradient descent: the closed form on the bowl, the status
 * rules of DESIGN section 3, stopping, the iterator agreeing with traj_run, and
 * the ravine's stability limit eta = 2/L = 0.1. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/traj.h"

#define CAP 2001

static Trajectory make(void)
{
    Trajectory t = {calloc(CAP, sizeof(TrajPoint)), CAP, 0, TRAJ_RUNNING};
    assert_non_null(t.pts);
    return t;
}

/* On the bowl x^2 + y^2, gd gives x_k = x_0 (1 - 2 eta)^k. */
static void test_bowl_closed_form(void **unused)
{
    (void)unused;
    static const double lrs[] = {0.001, 0.01, 0.1, 0.3, 0.45, 0.7};
    Trajectory t = make();
    const Surface *s = surface_find("bowl");
    for (unsigned i = 0; i < sizeof lrs / sizeof lrs[0]; i++) {
        OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = lrs[i]});
        traj_run(&t, s, &cfg, (Vec2){3, -2}, 200, (Vec2){0, 0}, TRAJ_STOP_FINITE);
        assert_int_equal(t.len, 201);
        for (int k = 0; k < t.len; k++) {
            double r = pow(1 - 2 * lrs[i], k);
            assert_close(t.pts[k].x, 3 * r, 1e-12);
            assert_close(t.pts[k].y, -2 * r, 1e-12);
            assert_close(t.pts[k].loss, 13 * r * r, 1e-12);
            assert_close(t.pts[k].gx, 6 * r, 1e-12);
        }
    }
    free(t.pts);
}

static void test_status(void **unused)
{
    (void)unused;
    Trajectory t = make();
    const Surface *bowl = surface_find("bowl");
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = 0.1});
    /* converges: stops at the first point with |g| < 1e-6 */
    traj_run(&t, bowl, &cfg, (Vec2){1, 1}, 2000, (Vec2){0, 0}, TRAJ_STOP_EARLY);
    assert_int_equal(t.status, TRAJ_CONVERGED);
    const TrajPoint *e = &t.pts[t.len - 1], *p = &t.pts[t.len - 2];
    assert_true(hypot(e->gx, e->gy) < TRAJ_GRAD_TOL);
    assert_true(hypot(p->gx, p->gy) >= TRAJ_GRAD_TOL);
    /* 0.8^k * 2*sqrt(2) < 1e-6  =>  k = 67 */
    assert_int_equal(t.len - 1, 67);
    /* diverges: eta = 1.1 makes |x| grow by 1.2 a step until 1e6 from the centre */
    cfg.lr = 1.1;
    traj_run(&t, bowl, &cfg, (Vec2){1, 0}, 2000, (Vec2){0, 0}, TRAJ_STOP_EARLY);
    assert_int_equal(t.status, TRAJ_DIVERGED);
    assert_true(fabs(t.pts[t.len - 1].x) > TRAJ_FAR);
    assert_true(fabs(t.pts[t.len - 2].x) <= TRAJ_FAR);
    /* running: steps exhausted */
    cfg.lr = 1e-4;
    traj_run(&t, bowl, &cfg, (Vec2){1, 0}, 50, (Vec2){0, 0}, TRAJ_STOP_EARLY);
    assert_int_equal(t.status, TRAJ_RUNNING);
    assert_int_equal(t.len, 51);
    assert_string_equal(traj_status_name(TRAJ_RUNNING), "running");
    assert_string_equal(traj_status_name(TRAJ_CONVERGED), "converged");
    assert_string_equal(traj_status_name(TRAJ_DIVERGED), "diverged");
    char buf[64];
    traj_describe(&t, buf, sizeof buf);
    assert_string_equal(buf, "still moving after 50 steps");
    free(t.pts);
}

/* trace's rule: only a non-finite point stops a run, and it is kept. */
static void test_stop_at_nonfinite(void **unused)
{
    (void)unused;
    Trajectory t = make();
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = 5});
    traj_run(&t, surface_find("rosenbrock"), &cfg, (Vec2){2, 2}, 2000, (Vec2){0, 1},
             TRAJ_STOP_FINITE);
    assert_true(t.len < 2000);
    const TrajPoint *e = &t.pts[t.len - 1];
    assert_false(isfinite(e->x) && isfinite(e->y) && isfinite(e->loss));
    for (int k = 0; k < t.len - 1; k++)
        assert_true(isfinite(t.pts[k].x) && isfinite(t.pts[k].y) && isfinite(t.pts[k].loss));
    assert_int_equal(t.status, TRAJ_DIVERGED);
    free(t.pts);
}

static void test_iterator_matches_run(void **unused)
{
    (void)unused;
    Trajectory t = make();
    const Surface *s = surface_find("himmelblau");
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = 0.01});
    traj_run(&t, s, &cfg, (Vec2){-4, 4}, 300, (Vec2){0, 0}, TRAJ_STOP_FINITE);
    TrajIter it;
    traj_begin(&it, s, &cfg, (Vec2){-4, 4});
    for (int k = 0; k < t.len; k++) {
        assert_int_equal(it.step, k);
        assert_memory_equal(&it.cur, &t.pts[k], sizeof it.cur);
        traj_next(&it);
    }
    free(t.pts);
}

/* On the ravine x^2 + 10 y^2, L = 20: gd converges for eta < 0.1 and diverges above. */
static void test_ravine_stability(void **unused)
{
    (void)unused;
    Trajectory t = make();
    const Surface *s = surface_find("ravine");
    OptimConfig cfg = optim_defaults((OptimConfig){.kind = OPTIM_GD, .lr = 0.099});
    traj_run(&t, s, &cfg, (Vec2){1, 1}, 2000, (Vec2){0, 0}, TRAJ_STOP_EARLY);
    assert_int_equal(t.status, TRAJ_CONVERGED);
    cfg.lr = 0.101;
    traj_run(&t, s, &cfg, (Vec2){1, 1}, 2000, (Vec2){0, 0}, TRAJ_STOP_EARLY);
    assert_int_equal(t.status, TRAJ_DIVERGED);
    free(t.pts);
}

static void test_optim_table(void **unused)
{
    (void)unused;
    for (int k = 0; k < OPTIM_COUNT; k++) assert_int_equal(optim_find(optim_name(k)), k);
    assert_int_equal(optim_find("sgd-with-magic"), -1);
    OptimConfig d = optim_defaults((OptimConfig){.kind = OPTIM_GD});
    assert_close(d.lr, 0.01, 0);
}

/* The explanation of step k replays the run: its step lands on point k + 1, and
 * the state before it is the state after k steps. */
static void test_explain(void **unused)
{
    (void)unused;
    Trajectory t = make();
    const Surface *s = surface_find("himmelblau");
    for (int kind = 0; kind < OPTIM_COUNT; kind++) {
        OptimConfig cfg = optim_config(kind);
        cfg.lr = kind == OPTIM_HOTCOLD ? 0.1 : 0.005;
        traj_run(&t, s, &cfg, (Vec2){-1, 1}, 40, (Vec2){0, 0}, TRAJ_STOP_FINITE);
        for (int k = 0; k < 40; k += 13) {
            OptimState st;
            OptimDetail d;
            TrajPoint at;
            assert_int_equal(traj_explain(s, &cfg, (Vec2){-1, 1}, k, &st, &d, &at), 0);
            assert_int_equal(st.t, k);
            assert_memory_equal(&at, &t.pts[k], sizeof at);
            assert_close(at.x + d.step.x, t.pts[k + 1].x, 1e-15);
            assert_close(at.y + d.step.y, t.pts[k + 1].y, 1e-15);
        }
    }
    free(t.pts);
}

/* First order: for gd the predicted change grad C . dtheta is -eta |grad C|^2, and
 * the actual change differs from it by O(eta^2) (a tenth of eta, a hundredth of
 * the error). */
static void test_first_order(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("himmelblau");
    double err[3];
    static const double lrs[3] = {1e-3, 1e-4, 1e-5};
    for (int i = 0; i < 3; i++) {
        OptimConfig cfg = optim_config(OPTIM_GD);
        cfg.lr = lrs[i];
        OptimDetail d;
        TrajPoint at;
        assert_int_equal(traj_explain(s, &cfg, (Vec2){0.5, -1}, 0, NULL, &d, &at), 0);
        double pred = at.gx * d.step.x + at.gy * d.step.y;
        assert_close(pred, -lrs[i] * (at.gx * at.gx + at.gy * at.gy), 1e-12);
        double actual = surface_eval(s, at.x + d.step.x, at.y + d.step.y, NULL) - at.loss;
        err[i] = fabs(actual - pred);
    }
    assert_true(err[0] / err[1] > 80 && err[0] / err[1] < 120);
    assert_true(err[1] / err[2] > 80 && err[1] / err[2] < 120);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bowl_closed_form),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_stop_at_nonfinite),
        cmocka_unit_test(test_iterator_matches_run),
        cmocka_unit_test(test_ravine_stability),
        cmocka_unit_test(test_optim_table),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_first_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
