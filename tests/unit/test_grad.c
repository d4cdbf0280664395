/* Gradients as a subject: numeric gradients against the analytic ones (forward
 * differences err by O(h), central by O(h^2), round-off grows as h shrinks), the
 * relative error of a gradient check, evaluation counts, and mini-batch runs:
 * reproducible for a seed, different across seeds, and full-batch when B = n. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/traj.h"

static void test_names(void **unused)
{
    (void)unused;
    for (int m = 0; m < GRAD_COUNT; m++) assert_int_equal(grad_find(grad_name(m)), m);
    assert_int_equal(grad_find("backward"), -1);
}

/* exp(x) sin(y)-like accuracy on himmelblau: errors shrink like h (forward) and h^2
 * (central) until round-off takes over below h ~ 1e-8. */
static void test_truncation_and_roundoff(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("himmelblau");
    Vec2 a, n;
    grad_eval(s, GRAD_ANALYTIC, 0, NULL, 0, 1.3, -0.7, &a);
    double fwd[3], cen[3];
    static const double hs[3] = {1e-2, 1e-3, 1e-4};
    for (int i = 0; i < 3; i++) {
        grad_eval(s, GRAD_FORWARD, hs[i], NULL, 0, 1.3, -0.7, &n);
        fwd[i] = grad_rel_error(a, n);
        grad_eval(s, GRAD_CENTRAL, hs[i], NULL, 0, 1.3, -0.7, &n);
        cen[i] = grad_rel_error(a, n);
    }
    for (int i = 0; i + 1 < 3; i++) {
        assert_true(fwd[i] / fwd[i + 1] > 8 && fwd[i] / fwd[i + 1] < 12);   /* ~10x */
        assert_true(cen[i] / cen[i + 1] > 80 && cen[i] / cen[i + 1] < 120); /* ~100x */
    }
    grad_eval(s, GRAD_CENTRAL, 1e-5, NULL, 0, 1.3, -0.7, &n);
    assert_true(grad_rel_error(a, n) < 1e-9);
    grad_eval(s, GRAD_CENTRAL, 1e-14, NULL, 0, 1.3, -0.7, &n);
    assert_true(grad_rel_error(a, n) > 1e-4); /* round-off dominates */
}

static void test_rel_error(void **unused)
{
    (void)unused;
    assert_close(grad_rel_error((Vec2){3, 4}, (Vec2){3, 4}), 0, 0);
    assert_close(grad_rel_error((Vec2){3, 4}, (Vec2){0, 0}), 1, 1e-15);
    assert_close(grad_rel_error((Vec2){3, 4}, (Vec2){6, 8}), 0.5, 1e-15);
    assert_close(grad_rel_error((Vec2){0, 0}, (Vec2){0, 0}), 0, 0);
    assert_close(grad_rel_error((Vec2){1e-13, 0}, (Vec2){0, 0}), 0.1, 1e-12); /* floor 1e-12 */
}

static void test_costs(void **unused)
{
    (void)unused;
    long nf, ng;
    OptimConfig c = optim_config(OPTIM_GD);
    optim_cost(&c, 10, &nf, &ng);
    assert_int_equal(ng, 10);
    assert_int_equal(nf, 0);
    c.grad = GRAD_CENTRAL; /* two evaluations per coordinate */
    optim_cost(&c, 10, &nf, &ng);
    assert_int_equal(ng, 0);
    assert_int_equal(nf, 40);
    c.kind = OPTIM_HOTCOLD; /* never looks at a gradient */
    optim_cost(&c, 10, &nf, &ng);
    assert_int_equal(ng, 0);
    assert_int_equal(nf, 40);
}

static Trajectory run(const char *surface, int batch, unsigned long seed, int steps,
                      TrajPoint *buf)
{
    OptimConfig c = optim_config(OPTIM_GD);
    c.lr = 0.02;
    c.batch = batch;
    c.seed = seed;
    Trajectory t = {buf, steps + 1, 0, TRAJ_RUNNING};
    traj_run(&t, surface_find(surface), &c, (Vec2){-1, 2}, steps, (Vec2){0, 0},
             TRAJ_STOP_FINITE);
    return t;
}

static void test_minibatch_runs(void **unused)
{
    (void)unused;
    static TrajPoint a[201], b[201], c[201];
    run("neuron-mse", 3, 42, 200, a);
    run("neuron-mse", 3, 42, 200, b);
    assert_memory_equal(a, b, sizeof a); /* the same seed, the same run */
    run("neuron-mse", 3, 43, 200, c);
    assert_true(memcmp(a, c, sizeof a) != 0);
    /* B = n is the full gradient: the run equals the full-batch run */
    run("neuron-mse", 10, 42, 200, b);
    run("neuron-mse", 0, 0, 200, c);
    assert_memory_equal(b, c, sizeof b);
    /* a mini-batch step is not a full step, but the recorded gradient is full */
    assert_true(memcmp(a, c, sizeof a) != 0);
    Vec2 g;
    surface_eval(surface_find("neuron-mse"), a[5].x, a[5].y, &g);
    assert_close(a[5].gx, g.x, 1e-15);
    /* the mean of the step gradient over many draws is the full gradient */
    const Surface *s = surface_find("linreg");
    OptimConfig cfg = optim_config(OPTIM_GD);
    cfg.batch = 2;
    TrajIter *it = malloc(sizeof *it);
    traj_begin(it, s, &cfg, (Vec2){0.5, 1});
    Vec2 sum = {0, 0}, gb;
    for (int k = 0; k < 20000; k++) {
        it->rng = 1000003ull * (k + 1); /* fresh draws from the same point */
        traj_step_gradient(it, &gb);
        sum.x += gb.x / 20000;
        sum.y += gb.y / 20000;
    }
    assert_true(fabs(sum.x - it->cur.gx) < 0.02 * fabs(it->cur.gx));
    assert_true(fabs(sum.y - it->cur.gy) < 0.02 * fabs(it->cur.gy) + 0.02);
    free(it);
}

/* A path on numeric gradients: forward differences lean by O(h), central ones
 * follow the analytic path closely. */
static void test_numeric_paths(void **unused)
{
    (void)unused;
    static TrajPoint a[101], f[101], c[101];
    const Surface *s = surface_find("rosenbrock");
    OptimConfig cfg = optim_config(OPTIM_GD);
    cfg.lr = 1e-3;
    Trajectory ta = {a, 101, 0, 0}, tf = {f, 101, 0, 0}, tc = {c, 101, 0, 0};
    traj_run(&ta, s, &cfg, (Vec2){-1, 1}, 100, (Vec2){0, 1}, TRAJ_STOP_FINITE);
    cfg.grad = GRAD_FORWARD;
    cfg.h = 1e-3;
    traj_run(&tf, s, &cfg, (Vec2){-1, 1}, 100, (Vec2){0, 1}, TRAJ_STOP_FINITE);
    cfg.grad = GRAD_CENTRAL;
    traj_run(&tc, s, &cfg, (Vec2){-1, 1}, 100, (Vec2){0, 1}, TRAJ_STOP_FINITE);
    double ef = hypot(f[100].x - a[100].x, f[100].y - a[100].y);
    double ec = hypot(c[100].x - a[100].x, c[100].y - a[100].y);
    assert_true(ec < 1e-4);
    assert_true(ef > 10 * ec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_truncation_and_roundoff),
        cmocka_unit_test(test_rel_error),
        cmocka_unit_test(test_costs),
        cmocka_unit_test(test_minibatch_runs),
        cmocka_unit_test(test_numeric_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
