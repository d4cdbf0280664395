/* The data surfaces: back-propagated gradients against central differences,
 * mini-batches against the full batch, the per-sample chain rule against the
 * surface's gradient, the listed minima, costs worked out by hand, stability of
 * cross-entropy, the heat-map rows against the cost, and mlp-slice's training. */
#include "testutil.h"

#include <string.h>

#include "core/data.h"
#include "core/mlp.h"

#define MAXN 128

/* A random point of s's default view. */
static Vec2 in_view(const Surface *s, unsigned *seed)
{
    double x = s->view.x0 + (s->view.x1 - s->view.x0) * rnd(seed);
    return (Vec2){x, s->view.y0 + (s->view.y1 - s->view.y0) * rnd(seed)};
}

/* Returns nonzero when some hinge margin at (x, y) is within d of its kink. */
static int near_kink(const Surface *s, double x, double y, double d)
{
    if (strcmp(s->name, "svm-hinge") != 0) return 0;
    DataSample smp[MAXN];
    int n = data_samples(s, smp, MAXN);
    for (int i = 0; i < n; i++)
        if (fabs(smp[i].y * (x * smp[i].x1 + y * smp[i].x2) - 1) < d) return 1;
    return 0;
}

/* The six surfaces of DESIGN section 4, in order, with what they must carry. */
static void test_catalogue(void **unused)
{
    (void)unused;
    static const struct {
        const char *name, *xlabel, *ylabel;
        View view;
        int dim;
    } rows[] = {
        {"linreg", "w", "b", {-1, 3, -4, 6}, 1},
        {"neuron-mse", "w", "b", {-4, 6, -5, 5}, 1},
        {"neuron-xent", "w", "b", {-4, 6, -5, 5}, 1},
        {"svm-hinge", "w1", "w2", {-3, 3, -3, 3}, 2},
        {"tiny-net", "w1", "w2", {-3, 3, -2, 2}, 1},
        {"mlp-slice", "α", "β", {-1, 1, -1, 1}, 2},
    };
    assert_int_equal(data_count(), 6);
    for (int i = 0; i < data_count(); i++) {
        const Surface *s = data_at(i);
        assert_string_equal(s->name, rows[i].name);
        assert_string_equal(s->kind, "data");
        assert_string_equal(s->xlabel, rows[i].xlabel);
        assert_string_equal(s->ylabel, rows[i].ylabel);
        assert_memory_equal(&s->view, &rows[i].view, sizeof(View));
        assert_true(s->nsamples > 0 && s->nsamples <= MAXN);
        assert_non_null(s->fn);
        assert_non_null(s->batch);
        assert_non_null(s->row);
        assert_true(strlen(s->formula) > 0);
        assert_int_equal(data_index(s), i);
        assert_ptr_equal(surface_find(s->name), s);
        assert_int_equal(data_info(s).dim, rows[i].dim);
        DataSample smp[MAXN];
        assert_int_equal(data_samples(s, smp, MAXN), s->nsamples);
        assert_int_equal(data_samples(s, smp, 2), s->nsamples); /* truncated copy */
    }
    assert_null(data_at(-1));
    assert_null(data_at(data_count()));
    const Surface *bowl = surface_find("bowl");
    assert_int_equal(data_index(bowl), -1);
    assert_int_equal(data_info(bowl).dim, 0);
    assert_int_equal(data_samples(bowl, NULL, 0), 0);
    assert_true(isnan(data_predict(bowl, 0, 0, 0, 0)));
    DataBackprop o;
    assert_int_equal(data_backprop(bowl, 0, 0, 0, &o), -1);
    assert_int_equal(data_backprop(surface_find("mlp-slice"), 0, 0, 0, &o), -1);
    assert_int_equal(data_backprop(surface_find("linreg"), 8, 0, 0, &o), -1);
    assert_int_equal(data_backprop(surface_find("linreg"), -1, 0, 0, &o), -1);
}

/* Back-propagation against central differences of the cost, all over each view
 * (the hinge away from its kinks). */
static void test_gradients(void **unused)
{
    (void)unused;
    unsigned seed = 7;
    for (int i = 0; i < data_count(); i++) {
        const Surface *s = data_at(i);
        int count = strcmp(s->name, "mlp-slice") == 0 ? 150 : 1000;
        for (int k = 0; k < count; k++) {
            Vec2 p = in_view(s, &seed), g;
            double h = 1e-6;
            if (near_kink(s, p.x, p.y, 1e-4)) continue;
            double f = surface_eval(s, p.x, p.y, &g);
            double nx = (surface_eval(s, p.x + h, p.y, NULL) -
                         surface_eval(s, p.x - h, p.y, NULL)) /
                        (2 * h);
            double ny = (surface_eval(s, p.x, p.y + h, NULL) -
                         surface_eval(s, p.x, p.y - h, NULL)) /
                        (2 * h);
            double scale = fmax(1.0, fabs(f));
            if (fabs(g.x - nx) > 1e-7 * scale || fabs(g.y - ny) > 1e-7 * scale)
                fail_msg("%s at (%g, %g): backprop (%.10g, %.10g) numeric (%.10g, %.10g)",
                         s->name, p.x, p.y, g.x, g.y, nx, ny);
            assert_true(f == surface_eval(s, p.x, p.y, NULL));
        }
    }
}

/* The batch of all samples is the full cost; a partition into mini-batches,
 * weighted by batch size, averages to the full gradient; one sample's batch has
 * its own gradient (checked against central differences). */
static void test_batches(void **unused)
{
    (void)unused;
    unsigned seed = 11;
    for (int i = 0; i < data_count(); i++) {
        const Surface *s = data_at(i);
        int n = s->nsamples, all[MAXN], perm[MAXN];
        for (int k = 0; k < n; k++)
            all[k] = perm[k] = k;
        for (int k = n - 1; k > 0; k--) { /* a shuffled order */
            int j = (int)(rnd(&seed) * (k + 1)), t = perm[k];
            perm[k] = perm[j], perm[j] = t;
        }
        for (int t = 0; t < 20; t++) {
            Vec2 p = in_view(s, &seed), g, gb, gs;
            double f = surface_eval(s, p.x, p.y, &g);
            assert_true(s->batch(s->ctx, p.x, p.y, NULL, 0, &gb) == f);
            assert_true(gb.x == g.x && gb.y == g.y);
            assert_true(s->batch(s->ctx, p.x, p.y, all, n, &gb) == f);
            assert_close(s->batch(s->ctx, p.x, p.y, perm, n, &gs), f, 1e-13);
            assert_close(gs.x, g.x, 1e-12);
            assert_close(gs.y, g.y, 1e-12);
            /* mini-batches of 3 (the last one smaller) over the shuffled order */
            double fm = 0;
            Vec2 gm = {0, 0};
            for (int k = 0; k < n; k += 3) {
                int b = n - k < 3 ? n - k : 3;
                Vec2 gk;
                fm += s->batch(s->ctx, p.x, p.y, perm + k, b, &gk) * b / n;
                gm.x += gk.x * b / n;
                gm.y += gk.y * b / n;
            }
            assert_close(fm, f, 1e-12);
            assert_close(gm.x, g.x, 1e-11);
            assert_close(gm.y, g.y, 1e-11);
            /* one sample */
            int one = perm[t % n];
            double h = 1e-6;
            if (near_kink(s, p.x, p.y, 1e-4)) continue;
            s->batch(s->ctx, p.x, p.y, &one, 1, &gs);
            double nx = (s->batch(s->ctx, p.x + h, p.y, &one, 1, NULL) -
                         s->batch(s->ctx, p.x - h, p.y, &one, 1, NULL)) /
                        (2 * h);
            double ny = (s->batch(s->ctx, p.x, p.y + h, &one, 1, NULL) -
                         s->batch(s->ctx, p.x, p.y - h, &one, 1, NULL)) /
                        (2 * h);
            assert_close(gs.x, nx, 1e-6);
            assert_close(gs.y, ny, 1e-6);
        }
    }
}

/* data_backprop: the chain-rule products, per-sample costs and gradients whose
 * mean is the surface's cost and gradient, and the single-sample batch. */
static void test_backprop(void **unused)
{
    (void)unused;
    static const char *names[] = {"linreg", "neuron-mse", "neuron-xent", "tiny-net",
                                  "svm-hinge"};
    unsigned seed = 5;
    for (unsigned k = 0; k < sizeof names / sizeof names[0]; k++) {
        const Surface *s = surface_find(names[k]);
        int tiny = strcmp(s->name, "tiny-net") == 0,
            svm = strcmp(s->name, "svm-hinge") == 0;
        DataSample smp[MAXN];
        int n = data_samples(s, smp, MAXN);
        for (int t = 0; t < 100; t++) {
            Vec2 p = in_view(s, &seed), g;
            double f = surface_eval(s, p.x, p.y, &g), c = 0, gw = 0, gb = 0;
            for (int i = 0; i < n; i++) {
                DataBackprop o;
                assert_int_equal(data_backprop(s, i, p.x, p.y, &o), 0);
                assert_true(o.x == smp[i].x1 && o.y == smp[i].y);
                assert_close(o.dz_dw, smp[i].x1, 0);
                assert_close(o.dz_db, tiny ? 0 : svm ? smp[i].x2 : 1, 0);
                assert_close(o.z, tiny ? p.x * o.x : p.x * o.x + p.y * o.dz_db, 1e-15);
                assert_close(o.yhat, data_predict(s, p.x, p.y, smp[i].x1, smp[i].x2),
                             1e-15);
                assert_close(o.yhat, tiny ? p.y * o.a : o.a, 1e-15);
                assert_close(o.dC_dz, o.dC_da * o.da_dz, 1e-12);
                double pw = svm ? 0.1 * p.x : 0, pb = svm ? 0.1 * p.y : 0;
                assert_close(o.dC_dw, o.dC_dz * o.dz_dw + pw, 1e-12);
                if (tiny) {
                    assert_close(o.dC_db, (o.yhat - o.y) * o.a, 1e-12);
                    assert_close(o.dC_da, (o.yhat - o.y) * p.y, 1e-12);
                    assert_close(o.da_dz, 1 - o.a * o.a, 1e-15);
                } else {
                    assert_close(o.dC_db, o.dC_dz * o.dz_db + pb, 1e-12);
                }
                /* the sample's gradient is the batch of that one sample */
                Vec2 g1;
                assert_close(s->batch(s->ctx, p.x, p.y, &i, 1, &g1), o.C, 1e-14);
                assert_close(g1.x, o.dC_dw, 1e-14);
                assert_close(g1.y, o.dC_db, 1e-14);
                c += o.C, gw += o.dC_dw, gb += o.dC_db;
            }
            assert_close(c / n, f, 1e-13);
            assert_close(gw / n, g.x, 1e-12);
            assert_close(gb / n, g.y, 1e-12);
        }
    }
    /* the local derivatives of the neurons, by formula */
    DataBackprop o;
    data_backprop(surface_find("neuron-mse"), 3, 0.5, 0.25, &o); /* x = -1, y = 1 */
    double a = 1 / (1 + exp(0.25));
    assert_close(o.z, -0.25, 1e-15);
    assert_close(o.a, a, 1e-15);
    assert_close(o.da_dz, a * (1 - a), 1e-15);
    assert_close(o.dC_da, a - 1, 1e-15);
    assert_close(o.C, (a - 1) * (a - 1) / 2, 1e-15);
    data_backprop(surface_find("neuron-xent"), 3, 0.5, 0.25, &o);
    assert_close(o.dC_da, -1 / a, 1e-15);
    assert_close(o.C, -log(a), 1e-15);
    assert_close(o.dC_dw, -(a - 1), 1e-15);
}

/* The listed minima: the value, |g| < 1e-9 and nothing lower nearby; svm-hinge's
 * lies on a kink, where 0 is in the sub-differential: C rises in every direction. */
static void test_minima(void **unused)
{
    (void)unused;
    for (int i = 0; i < data_count(); i++) {
        const Surface *s = data_at(i);
        assert_true(s->nmin >= 1);
        for (int k = 0; k < s->nmin; k++) {
            SurfaceMin m = s->minima[k];
            Vec2 g;
            assert_close(surface_eval(s, m.x, m.y, &g), m.f, 1e-15);
            int kink = near_kink(s, m.x, m.y, 1e-12);
            if (!kink && hypot(g.x, g.y) >= 1e-9)
                fail_msg("%s minimum %d: |g| = %g", s->name, k, hypot(g.x, g.y));
            for (int d = 0; d < 64; d++) {
                double a = d * 6.283185307179586 / 64;
                for (double r = 1e-6; r < 1e-1; r *= 10) {
                    double f = surface_eval(s, m.x + r * cos(a), m.y + r * sin(a), NULL);
                    if (!(f > m.f + 1e-5 * r * r - 1e-15))
                        fail_msg("%s minimum %d: C = %.17g at distance %g", s->name, k, f,
                                 r);
                }
            }
        }
    }
    /* the hinge's optimality: with the kink sample's indicator at 1/2, g = 0 */
    const Surface *svm = surface_find("svm-hinge");
    Vec2 g;
    surface_eval(svm, 0.5, 0.5, &g);
    assert_close(g.x - 0.1 * 0.5 * 1, 0, 1e-15); /* sample (−1, −1, −1): y·x = (1, 1) */
    assert_close(g.y - 0.1 * 0.5 * 1, 0, 1e-15);
}

/* Costs worked out by hand (or, for the neurons at (1, 1), in 50-digit arithmetic). */
static void test_values(void **unused)
{
    (void)unused;
    double tiny0 = 0; /* tiny-net at w1 = 0: ŷ = 0, C = Σ y²/(2n) */
    for (int i = 0; i < 9; i++)
        tiny0 += tanh(1.5 * (-2 + 0.5 * i)) * tanh(1.5 * (-2 + 0.5 * i));
    static const struct {
        const char *name;
        double x, y, f;
    } cases[] = {
        /* residuals x + 1 − y: ∓0.1, ±0.2 ...: Σ r² = 0.2, C = 0.2/16 */
        {"linreg", 1, 1, 0.0125},
        {"linreg", 0, 0,
         (2.1 * 2.1 + 2.9 * 2.9 + 4.2 * 4.2 + 4.8 * 4.8 + 6.1 * 6.1 + 7.2 * 7.2 +
          7.8 * 7.8 + 9.1 * 9.1) /
             16},
        {"neuron-mse", 0, 0, 0.125}, /* a = 1/2 everywhere */
        {"neuron-mse", 1, 1, 0.084197057266296261168},
        {"neuron-xent", 0, 0, 0.69314718055994530942}, /* ln 2 */
        {"neuron-xent", 1, 1, 0.50554591502911803301},
        {"svm-hinge", 0, 0, 1},    /* every margin 0 */
        {"svm-hinge", 1, 0, 0.35}, /* hinges 0.5 + 2 + 0.5, penalty 0.05 */
        {"svm-hinge", 0.5, 0.5, 0.325},
        {"tiny-net", 1.5, 1, 0},
        {"tiny-net", -1.5, -1, 0},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_close(
            surface_eval(surface_find(cases[i].name), cases[i].x, cases[i].y, NULL),
            cases[i].f, 1e-15);
    assert_close(surface_eval(surface_find("tiny-net"), 0, 0.7, NULL), tiny0 / 18, 1e-15);
    assert_close(surface_eval(surface_find("tiny-net"), 0, -3, NULL), tiny0 / 18, 1e-15);
}

/* Cross-entropy from z: finite where a rounds to 0 or 1 (|z| = 800 and more). */
static void test_xent_extreme(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("neuron-xent");
    Vec2 g;
    /* b = ±800: each sample costs z for y = 0 (resp. −z for y = 1), 5 of each */
    assert_close(surface_eval(s, 0, 800, &g), 400, 1e-15);
    assert_close(g.y, 0.5, 1e-15);
    assert_close(g.x, (-3 - 2 - 1.5 - 0.5 + 1) / 10.0, 1e-15);
    assert_close(surface_eval(s, 0, -800, &g), 400, 1e-15);
    assert_close(g.y, -0.5, 1e-15);
    double out[3];
    s->row(s->ctx, 800, -1, 1, 3, out);
    for (int k = 0; k < 3; k++)
        assert_close(out[k], surface_eval(s, k - 1, 800, NULL), 1e-13);
    for (double w = -1000; w <= 1000; w += 125) {
        double f = surface_eval(s, w, 1, &g);
        assert_true(isfinite(f) && isfinite(g.x) && isfinite(g.y));
    }
    DataBackprop o;
    data_backprop(s, 0, 0, 800, &o); /* x = −3, y = 0: a = 1 in floating point */
    assert_true(o.a == 1 && isfinite(o.C) && isfinite(o.dC_dw));
    assert_close(o.C, 800, 1e-15);
    assert_close(o.dC_dw, -3, 1e-15);
    /* the squared-error neuron saturates instead */
    assert_close(surface_eval(surface_find("neuron-mse"), 0, 800, &g), 0.25, 1e-15);
    assert_true(isfinite(g.x) && isfinite(g.y));
}

/* The heat-map rows equal the cost: exactly up to rounding for the single-unit
 * models (also far out, where the exponentials overflow), within the grids'
 * interpolation error for mlp-slice. */
static void test_rows(void **unused)
{
    (void)unused;
    static const View far = {-1000, 1000, -800, 800};
    double out[1000];
    for (int i = 0; i < data_count(); i++) {
        const Surface *s = data_at(i);
        int mlp = strcmp(s->name, "mlp-slice") == 0;
        View views[] = {s->view,
                        {s->view.x0 / 50, s->view.x1 / 50, -0.01, 0.01},
                        far,
                        {-2, 2, -2, 2},
                        {-8, 8, -8, 8}};
        double tol[] = {1e-3, 1e-3, 0, 1e-3,
                        1e-2}; /* mlp-slice, relative to max(1, |f|) */
        for (int v = 0; v < (mlp ? 5 : 3); v++) {
            int n = mlp && v == 2 ? 40 : 1000, rows = mlp ? 9 : 41;
            double dx = (views[v].x1 - views[v].x0) / n;
            for (int r = 0; r < rows; r++) {
                double y = views[v].y0 + (views[v].y1 - views[v].y0) * (r + 0.5) / rows;
                s->row(s->ctx, y, views[v].x0 + 0.5 * dx, dx, n, out);
                for (int k = 0; k < n; k++) {
                    double f = surface_eval(s, views[v].x0 + (k + 0.5) * dx, y, NULL);
                    double t = mlp ? tol[v] : 1e-11;
                    if (!(fabs(out[k] - f) <= t * fmax(1, fabs(f))))
                        fail_msg("%s row at (%g, %g): %.17g, cost %.17g", s->name,
                                 views[v].x0 + (k + 0.5) * dx, y, out[k], f);
                }
            }
        }
    }
}

/* mlp-slice: training is deterministic, the directions are filter-normalised,
 * C(0, 0) is the trained loss, lower than the corners, and the net fits. */
static void test_mlp(void **unused)
{
    (void)unused;
    static double t1[MLP_NPAR], d1a[MLP_NPAR], d2a[MLP_NPAR];
    static double t2[MLP_NPAR], d1b[MLP_NPAR], d2b[MLP_NPAR];
    mlp_train(t1, d1a, d2a);
    mlp_train(t2, d1b, d2b);
    assert_memory_equal(t1, t2, sizeof t1);
    assert_memory_equal(d1a, d1b, sizeof d1a);
    assert_memory_equal(d2a, d2b, sizeof d2a);
    mlp_weights(t2, d1b, d2b);
    assert_memory_equal(t1, t2, sizeof t1);
    assert_memory_equal(d1a, d1b, sizeof d1a);
    /* filters: units 0..7 of W1 (2 weights), of W2 (8), the output unit (8) */
    for (int f = 0; f < 17; f++) {
        int start = f < 8 ? 2 * f : f < 16 ? 24 + 8 * (f - 8) : 96, len = f < 8 ? 2 : 8;
        double nt = 0, n1 = 0, n2 = 0, dot = 0;
        for (int p = start; p < start + len; p++)
            nt += t1[p] * t1[p], n1 += d1a[p] * d1a[p], n2 += d2a[p] * d2a[p],
                dot += d1a[p] * d2a[p];
        assert_close(n1, nt, 1e-12);
        assert_close(n2, nt, 1e-12);
        assert_true(fabs(dot) < nt); /* two different directions */
    }
    static const int bias[] = {16, 17, 18, 19, 20, 21, 22, 23, 88,
                               89, 90, 91, 92, 93, 94, 95, 104};
    for (unsigned k = 0; k < sizeof bias / sizeof bias[0]; k++)
        assert_true(d1a[bias[k]] == 0 && d2a[bias[k]] == 0);
    /* C(0, 0) is the mean cross-entropy of the trained network's predictions */
    const Surface *s = surface_find("mlp-slice");
    DataSample smp[MLP_N];
    assert_int_equal(data_samples(s, smp, MLP_N), MLP_N);
    double c = 0;
    int right = 0, ones = 0;
    for (int i = 0; i < MLP_N; i++) {
        double a = data_predict(s, 0, 0, smp[i].x1, smp[i].x2);
        c -= smp[i].y == 1 ? log(a) : log1p(-a);
        right += (a > data_info(s).threshold) == (smp[i].y > 0);
        ones += smp[i].y == 1;
    }
    double c0 = surface_eval(s, 0, 0, NULL);
    assert_close(c0, c / MLP_N, 1e-12);
    assert_int_equal(ones, MLP_N / 2);
    assert_true(right >= 95);
    assert_true(c0 < 0.1);
    for (int k = 0; k < 4; k++)
        assert_true(surface_eval(s, k & 1 ? 1 : -1, k & 2 ? 1 : -1, NULL) > 10 * c0);
    /* the refined minimum is close to the trained point */
    assert_true(hypot(s->minima[0].x, s->minima[0].y) < 0.05 && s->minima[0].f < c0);
}

/* The model's output for the inset. */
static void test_predict(void **unused)
{
    (void)unused;
    assert_close(data_predict(surface_find("linreg"), 2, 1, 3, 0), 7, 1e-15);
    assert_close(data_predict(surface_find("neuron-mse"), 2, 1, 0.5, 0),
                 1 / (1 + exp(-2.0)), 1e-15);
    assert_close(data_predict(surface_find("neuron-xent"), 1, 0, -800, 0), 0, 1e-15);
    assert_close(data_predict(surface_find("tiny-net"), 1.5, 1, 2, 0), tanh(3.0), 1e-15);
    assert_close(data_predict(surface_find("svm-hinge"), 0.5, -2, 1, 2), -3.5, 1e-15);
    /* at the hinge's minimum every sample is on its side or on its margin, but 3 */
    const Surface *svm = surface_find("svm-hinge");
    DataSample smp[16];
    int n = data_samples(svm, smp, 16), wrong = 0;
    for (int i = 0; i < n; i++)
        wrong += smp[i].y * data_predict(svm, 0.5, 0.5, smp[i].x1, smp[i].x2) < 1;
    assert_int_equal(wrong, 3);
    assert_close(data_info(svm).threshold, 0, 0);
    assert_close(data_info(surface_find("neuron-xent")).threshold, 0.5, 0);
}

int main(void)
{
    data_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue),    cmocka_unit_test(test_gradients),
        cmocka_unit_test(test_batches),      cmocka_unit_test(test_backprop),
        cmocka_unit_test(test_minima),       cmocka_unit_test(test_values),
        cmocka_unit_test(test_xent_extreme), cmocka_unit_test(test_rows),
        cmocka_unit_test(test_mlp),          cmocka_unit_test(test_predict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
