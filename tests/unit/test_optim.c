/* Optimisers against hand-computed steps (DESIGN section 5, PyTorch's rules):
 * the first steps of each on the bowl and the ravine, Adam's bias correction,
 * Nesterov's look-ahead form, hot-and-cold's probes and choice, the schedules'
 * learning rates, evaluation counts, and the table's names. */
#include "testutil.h"

#include <string.h>

#include "core/optim.h"

typedef struct {
    OptimKind kind;
    const char *surface;
    double lr;
    double x0, y0;
    int steps;
    double x, y; /* after `steps` steps, computed by hand (see the comments) */
} StepCase;

static const StepCase steps[] = {
    /* gd on the bowl, g = 2 theta: (1,2) - 0.1 (2,4) */
    {OPTIM_GD, "bowl", 0.1, 1, 2, 1, 0.8, 1.6},
    /* gd on the ravine, g = (2x, 20y): (1,1) - 0.05 (2, 20) */
    {OPTIM_GD, "ravine", 0.05, 1, 1, 1, 0.9, 0.0},
    /* momentum: v1 = (2,4), theta1 = (0.8,1.6); g1 = (1.6,3.2), v2 = 0.9 v1 + g1 =
     * (3.4,6.8), theta2 = theta1 - 0.1 v2 */
    {OPTIM_MOMENTUM, "bowl", 0.1, 1, 2, 2, 0.46, 0.92},
    /* nesterov: v1 = (2,4), theta1 = theta0 - 0.1 (g0 + 0.9 v1) = (0.62, 1.24);
     * g1 = (1.24,2.48), v2 = (3.04,6.08), theta2 = theta1 - 0.1 (g1 + 0.9 v2) */
    {OPTIM_NESTEROV, "bowl", 0.1, 1, 2, 1, 0.62, 1.24},
    {OPTIM_NESTEROV, "bowl", 0.1, 1, 2, 2, 0.2224, 0.4448},
    /* adagrad: s = g^2 = (4,16), step = 0.1 g / (sqrt s + 1e-10) */
    {OPTIM_ADAGRAD, "bowl", 0.1, 1, 2, 1, 0.900000000005, 1.9000000000025},
    /* rmsprop: s = 0.01 g^2 = (0.04,0.16), sqrt s = (0.2,0.4): step = (1, 1) (less eps) */
    {OPTIM_RMSPROP, "bowl", 0.1, 1, 2, 1, 4.99999974756804e-08, 1.0000000249999994},
    /* adam: m1 = 0.1 g, v1 = 0.001 g^2; bias-corrected mhat = g, vhat = g^2: each
     * coordinate moves by lr (less eps) */
    {OPTIM_ADAM, "bowl", 0.1, 1, 2, 1, 0.9000000005, 1.90000000025},
    /* second step: m2 = 0.9 m1 + 0.1 g1, v2 = 0.999 v1 + 0.001 g1^2 with g1 = (1.8,3.8),
     * corrected by 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999 */
    {OPTIM_ADAM, "bowl", 0.1, 1, 2, 2, 0.8004122286917927, 1.800166486115701},
    /* ravine, adam: the first step is lr in each coordinate whatever the curvature */
    {OPTIM_ADAM, "ravine", 0.05, 1, 1, 1, 0.95000000025, 0.950000000025},
    /* hot-and-cold on the bowl from (1,2), eta 0.5: probes cost 6.25, 4.25, 7.25, 3.25:
     * it moves down in y */
    {OPTIM_HOTCOLD, "bowl", 0.5, 1, 2, 1, 1, 1.5},
    /* ... then 2.0 < 3.25 via (1,1), then (0.5,1) = 1.25, then (0.5,0.5) = 0.5 */
    {OPTIM_HOTCOLD, "bowl", 0.5, 1, 2, 4, 0.5, 0.5},
};

static Vec2 run(const StepCase *c, OptimState *st)
{
    const Surface *s = surface_find(c->surface);
    OptimConfig cfg = optim_config(c->kind);
    cfg.lr = c->lr;
    Vec2 th = {c->x0, c->y0};
    for (int k = 0; k < c->steps; k++) {
        Vec2 g;
        double f = surface_eval(s, th.x, th.y, &g);
        th = optim_step(&cfg, st, s, th, f, g, NULL);
    }
    return th;
}

static void test_first_steps(void **unused)
{
    (void)unused;
    for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        OptimState st = {0};
        Vec2 th = run(&steps[i], &st);
        if (fabs(th.x - steps[i].x) > 1e-12 || fabs(th.y - steps[i].y) > 1e-12)
            fail_msg("%s on %s, %d steps: (%.17g, %.17g), expected (%.17g, %.17g)",
                     optim_name(steps[i].kind), steps[i].surface, steps[i].steps, th.x, th.y,
                     steps[i].x, steps[i].y);
        assert_int_equal(st.t, steps[i].steps);
    }
}

static void test_hotcold_probes(void **unused)
{
    (void)unused;
    const Surface *bowl = surface_find("bowl");
    OptimConfig cfg = optim_config(OPTIM_HOTCOLD);
    cfg.lr = 0.5;
    OptimState st = {0};
    OptimDetail d;
    Vec2 th = optim_step(&cfg, &st, bowl, (Vec2){1, 2}, 5, (Vec2){2, 4}, &d);
    static const double want[4][3] = {{1.5, 2, 6.25}, {0.5, 2, 4.25}, {1, 2.5, 7.25},
                                      {1, 1.5, 3.25}};
    for (int i = 0; i < 4; i++) {
        assert_close(d.probe[i].x, want[i][0], 0);
        assert_close(d.probe[i].y, want[i][1], 0);
        assert_close(d.probe_f[i], want[i][2], 1e-15);
    }
    assert_int_equal(d.chosen, 3);
    assert_close(th.y, 1.5, 0);
    /* at the minimum every probe is worse: it stays */
    th = optim_step(&cfg, &st, bowl, (Vec2){0, 0}, 0, (Vec2){0, 0}, &d);
    assert_int_equal(d.chosen, -1);
    assert_close(th.x, 0, 0);
    assert_close(th.y, 0, 0);
    /* it costs four function evaluations a step and no gradient */
    assert_int_equal(st.nf, 8);
    assert_int_equal(st.ng, 0);
}

static void test_detail(void **unused)
{
    (void)unused;
    const Surface *bowl = surface_find("bowl");
    OptimConfig cfg = optim_config(OPTIM_ADAGRAD);
    cfg.lr = 0.1;
    OptimState st = {0};
    OptimDetail d;
    Vec2 th = optim_step(&cfg, &st, bowl, (Vec2){1, 2}, 5, (Vec2){2, 4}, &d);
    /* effective rate eta / (sqrt(s) + eps): 0.1/2 and 0.1/4 */
    assert_close(d.lr_eff.x, 0.05, 1e-9);
    assert_close(d.lr_eff.y, 0.025, 1e-9);
    assert_close(d.step.x, th.x - 1, 1e-15);
    assert_close(d.s.y, 16, 0);
    assert_int_equal(st.ng, 1);
    cfg = optim_config(OPTIM_ADAM);
    memset(&st, 0, sizeof st);
    optim_step(&cfg, &st, bowl, (Vec2){1, 2}, 5, (Vec2){2, 4}, &d);
    assert_close(d.mhat.x, 2, 1e-12); /* bias correction undoes the 0.1 */
    assert_close(d.vhat.y, 16, 1e-12);
    assert_close(d.m.x, 0.2, 1e-15);
}

static void test_schedules(void **unused)
{
    (void)unused;
    static const struct {
        SchedKind k;
        double decay;
        long horizon, t;
        double lr;
    } cases[] = {
        {SCHED_CONSTANT, 0, 0, 12345, 1},
        {SCHED_STEP, 0, 0, 0, 1},       {SCHED_STEP, 0, 0, 99, 1},
        {SCHED_STEP, 0, 0, 100, 0.5},   {SCHED_STEP, 0, 0, 250, 0.25},
        {SCHED_STEP, 0.1, 0, 300, 1e-3},
        {SCHED_EXP, 0, 0, 0, 1},        {SCHED_EXP, 0, 0, 1, 0.99},
        {SCHED_EXP, 0, 0, 10, 0.90438207500880449}, /* 0.99^10 */
        {SCHED_EXP, 0.5, 0, 3, 0.125},
        {SCHED_COSINE, 0, 100, 0, 1},   {SCHED_COSINE, 0, 100, 25, 0.8535533905932737},
        {SCHED_COSINE, 0, 100, 50, 0.5}, {SCHED_COSINE, 0, 100, 100, 0},
        {SCHED_COSINE, 0, 100, 150, 0},  {SCHED_COSINE, 0, 0, 50, 1},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        OptimConfig cfg = optim_config(OPTIM_GD);
        cfg.lr = 1;
        cfg.schedule = cases[i].k;
        cfg.decay = cases[i].decay;
        cfg.horizon = cases[i].horizon;
        double lr = optim_lr_at(&cfg, cases[i].t);
        if (fabs(lr - cases[i].lr) > 1e-15)
            fail_msg("%s D=%g T=%ld at t=%ld: %.17g, expected %.17g",
                     optim_schedule_name(cases[i].k), cases[i].decay, cases[i].horizon,
                     cases[i].t, lr, cases[i].lr);
    }
    /* the schedule reaches the steps: gd on the bowl with step decay halves its rate */
    const Surface *bowl = surface_find("bowl");
    OptimConfig cfg = optim_config(OPTIM_GD);
    cfg.lr = 0.1;
    cfg.schedule = SCHED_STEP;
    OptimState st = {.t = 100};
    OptimDetail d;
    optim_step(&cfg, &st, bowl, (Vec2){1, 0}, 1, (Vec2){2, 0}, &d);
    assert_close(d.lr, 0.05, 0);
    assert_close(d.step.x, -0.1, 1e-15);
}

static void test_tables(void **unused)
{
    (void)unused;
    static const char *names[] = {"gd", "momentum", "nesterov", "adagrad", "rmsprop",
                                  "adam", "hotcold"};
    assert_int_equal(OPTIM_COUNT, 7);
    for (int k = 0; k < OPTIM_COUNT; k++) {
        assert_string_equal(optim_name(k), names[k]);
        assert_int_equal(optim_find(names[k]), k);
    }
    assert_int_equal(optim_find("sgd"), -1);
    for (int k = 0; k < SCHED_COUNT; k++)
        assert_int_equal(optim_schedule_find(optim_schedule_name(k)), k);
    assert_int_equal(optim_schedule_find("linear"), -1);
    OptimConfig c = optim_config(OPTIM_ADAM);
    assert_close(c.lr, 0.01, 0);
    assert_close(c.beta1, 0.9, 0);
    assert_close(c.beta2, 0.999, 0);
    assert_close(optim_eps(&c), 1e-8, 0);
    c.kind = OPTIM_ADAGRAD;
    assert_close(optim_eps(&c), 1e-10, 0);
    c.eps = 1e-3;
    assert_close(optim_eps(&c), 1e-3, 0);
    assert_close(optim_config(OPTIM_MOMENTUM).momentum, 0.9, 0);
    assert_close(optim_config(OPTIM_RMSPROP).alpha, 0.99, 0);
    assert_true(optim_params(OPTIM_NESTEROV) & OPTIM_P_MOMENTUM);
    assert_false(optim_params(OPTIM_GD));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_steps),
        cmocka_unit_test(test_hotcold_probes),
        cmocka_unit_test(test_detail),
        cmocka_unit_test(test_schedules),
        cmocka_unit_test(test_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
