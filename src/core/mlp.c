/* mlp-slice: a 2-8-8-1 tanh network with a sigmoid output and binary cross-entropy,
 * trained by full-batch Adam on two interleaved half-moons, and its loss on the
 * plane θ* + α·d1 + β·d2 through the trained weights θ*, with random directions
 * d1, d2 filter-normalised as in Li et al. 2018. Everything is generated from one
 * seed by a generator local to the computation, so it is the same on every run.
 *
 * The one exception to "no mutable globals": the trained network (and the grid the
 * heat-map interpolates) is a write-once cache of a pure computation. call_once
 * fills it on first use from any thread; afterwards it is only read. */
#include "mlp.h"
#include "logistic.h"
#include "rng.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <threads.h>

#define H 8 /* units per hidden layer */

/* θ as one vector: W1[H][2], b1[H], W2[H][H] (row k: unit k's incoming weights),
 * b2[H], w3[H], b3. */
enum {
    W1 = 0,
    B1 = W1 + 2 * H,
    W2 = B1 + H,
    B2 = W2 + H * H,
    W3 = B2 + H,
    B3 = W3 + H,
    NPAR = B3 + 1
};
_Static_assert(NPAR == MLP_NPAR, "mlp.h's layout");

#define SEED     20180101u /* the generator's seed */
#define NOISE    0.2       /* standard deviation of the moons' noise */
#define TRAIN_IT 2000      /* full-batch Adam iterations */
#define TRAIN_LR 0.02      /* Adam's learning rate (β1 0.9, β2 0.999, ε 1e-8) */
#define DECAY    1e-3      /* training adds DECAY·‖W‖² (not biases, not in C) */

/* The heat-map's grids, finest first: level l holds exact values and gradients at
 * (−r + i·h, −r + j·h), h = 2r/(tn − 1), 0 <= i, j < tn. */
#define NLEVEL 2
#define MAX_TN 121
static const struct {
    double r; /* covers [−r, r]² */
    int tn;   /* nodes per side */
} level[NLEVEL] = {
    {2, 81},  /* h = 0.05: the default view and around it */
    {8, 121}, /* h = 0.133: zoomed out; built the first time a row needs it */
};

typedef struct {
    double in[MLP_N][2], y[MLP_N]; /* the moons: inputs and classes 0/1 */
    double theta[NPAR];            /* trained weights θ* */
    double d1[NPAR], d2[NPAR];     /* the directions (zero on the biases) */
} Mlp;

typedef double Node[4]; /* f, ∂f/∂α, ∂f/∂β, ∂²f/∂α∂β */

/* The write-once caches: the network, built by build(), and the heat-map grids,
 * each by its own build_level*() on first need (level 0 with the network). */
static Mlp cache;
static once_flag cache_once = ONCE_FLAG_INIT;
static Node grid[NLEVEL][MAX_TN * MAX_TN]; /* [l][j·tn + i] */
static once_flag grid_once[NLEVEL] = {ONCE_FLAG_INIT, ONCE_FLAG_INIT};

/* ---- the network ---------------------------------------------------------------- */

/* Returns the sample's cost softplus(z) − y·z (z the output's logit) at weights th
 * and, when grad is not NULL, adds its gradient to grad by back-propagation. */
static double pass(const double *th, const double *in, double y, double *grad)
{
    double h1[H], h2[H], z = th[B3];
    for (int j = 0; j < H; j++)
        h1[j] = tanh(th[W1 + 2 * j] * in[0] + th[W1 + 2 * j + 1] * in[1] + th[B1 + j]);
    for (int k = 0; k < H; k++) {
        double s = th[B2 + k];
        for (int j = 0; j < H; j++)
            s += th[W2 + H * k + j] * h1[j];
        h2[k] = tanh(s);
        z += th[W3 + k] * h2[k];
    }
    double cost = logistic_softplus(z) - y * z;
    if (!grad) return cost;
    /* δ of the output: ∂C/∂z = σ(z) − y, stable for either sign */
    double d3 = logistic_sigmoid(z) - y, d1[H] = {0};
    grad[B3] += d3;
    for (int k = 0; k < H; k++) {
        double d2 = d3 * th[W3 + k] * (1 - h2[k] * h2[k]); /* through tanh' */
        grad[W3 + k] += d3 * h2[k];
        grad[B2 + k] += d2;
        for (int j = 0; j < H; j++) {
            grad[W2 + H * k + j] += d2 * h1[j];
            d1[j] += d2 * th[W2 + H * k + j];
        }
    }
    for (int j = 0; j < H; j++) {
        double d = d1[j] * (1 - h1[j] * h1[j]);
        grad[B1 + j] += d;
        grad[W1 + 2 * j] += d * in[0];
        grad[W1 + 2 * j + 1] += d * in[1];
    }
    return cost;
}

/* Returns the mean cost of m's samples idx[0..b-1] (idx NULL: all) at weights th
 * and, when grad is not NULL, stores the mean gradient there. */
static double loss(const Mlp *m, const double *th, const int *idx, int b, double *grad)
{
    int cnt = idx ? b : MLP_N;
    assert(cnt >= 1);
    double c = 0;
    if (grad)
        for (int p = 0; p < NPAR; p++)
            grad[p] = 0;
    for (int k = 0; k < cnt; k++) {
        int i = idx ? idx[k] : k;
        assert(i >= 0 && i < MLP_N);
        c += pass(th, m->in[i], m->y[i], grad);
    }
    if (grad)
        for (int p = 0; p < NPAR; p++)
            grad[p] /= cnt;
    return c / cnt;
}

/* Fills th with θ* + α·d1 + β·d2. */
static void at(const Mlp *m, double alpha, double beta, double *th)
{
    for (int p = 0; p < NPAR; p++)
        th[p] = m->theta[p] + alpha * m->d1[p] + beta * m->d2[p];
}

/* The slice's cost and, when g is not NULL, (∇C·d1, ∇C·d2). */
static double slice(const Mlp *m, double alpha, double beta, const int *idx, int b,
                    Vec2 *g)
{
    double th[NPAR], grad[NPAR];
    at(m, alpha, beta, th);
    double c = loss(m, th, idx, b, g ? grad : NULL);
    if (g) {
        *g = (Vec2){0, 0};
        for (int p = 0; p < NPAR; p++)
            g->x += grad[p] * m->d1[p], g->y += grad[p] * m->d2[p];
    }
    return c;
}

/* ---- building the cache ---------------------------------------------------------- */

/* Two interleaved half-moons (as scikit-learn's make_moons), centred: even samples
 * on the upper moon (class 0), odd ones on the lower (class 1). */
static void moons(Mlp *m, uint64_t *s)
{
    for (int k = 0; k < MLP_N / 2; k++) {
        double t = 3.141592653589793 * k / (MLP_N / 2 - 1);
        double *a = m->in[2 * k], *b = m->in[2 * k + 1];
        a[0] = cos(t) - 0.5 + NOISE * rng_gauss(s);
        a[1] = sin(t) - 0.25 + NOISE * rng_gauss(s);
        b[0] = 1 - cos(t) - 0.5 + NOISE * rng_gauss(s);
        b[1] = 0.5 - sin(t) - 0.25 + NOISE * rng_gauss(s);
        m->y[2 * k] = 0;
        m->y[2 * k + 1] = 1;
    }
}

/* Glorot-style initial weights, N(0, 1/fan-in); zero biases. */
static void init_weights(double *th, uint64_t *s)
{
    for (int p = 0; p < NPAR; p++)
        th[p] = 0;
    for (int p = W1; p < B1; p++)
        th[p] = rng_gauss(s) / sqrt(2.0);
    for (int p = W2; p < B2; p++)
        th[p] = rng_gauss(s) / sqrt((double)H);
    for (int p = W3; p < B3; p++)
        th[p] = rng_gauss(s) / sqrt((double)H);
}

/* Returns nonzero when parameter p is a bias. */
static int is_bias(int p)
{
    return (p >= B1 && p < W2) || (p >= B2 && p < W3) || p == B3;
}

/* Full-batch Adam from th for TRAIN_IT steps. */
static void train(const Mlp *m, double *th)
{
    double g[NPAR], mo[NPAR] = {0}, v[NPAR] = {0}, b1t = 1, b2t = 1;
    for (int t = 1; t <= TRAIN_IT; t++) {
        loss(m, th, NULL, 0, g);
        for (int p = 0; p < NPAR; p++)
            g[p] += is_bias(p) ? 0 : 2 * DECAY * th[p];
        b1t *= 0.9;
        b2t *= 0.999;
        for (int p = 0; p < NPAR; p++) {
            mo[p] = 0.9 * mo[p] + 0.1 * g[p];
            v[p] = 0.999 * v[p] + 0.001 * g[p] * g[p];
            th[p] -= TRAIN_LR * (mo[p] / (1 - b1t)) / (sqrt(v[p] / (1 - b2t)) + 1e-8);
        }
    }
}

/* Gaussian direction with each filter (one unit's incoming weights) scaled to the
 * norm of the same filter of θ*, and zero on the biases (Li et al. 2018). */
static void direction(const double *theta, double *d, uint64_t *s)
{
    /* first index and size of each filter: 8 units of W1, 8 of W2, the output unit */
    for (int p = 0; p < NPAR; p++)
        d[p] = 0;
    for (int f = 0; f < 2 * H + 1; f++) {
        int start = f < H ? W1 + 2 * f : f < 2 * H ? W2 + H * (f - H) : W3;
        int len = f < H ? 2 : H;
        double nd = 0, nt = 0;
        for (int p = start; p < start + len; p++) {
            d[p] = rng_gauss(s);
            nd += d[p] * d[p];
            nt += theta[p] * theta[p];
        }
        for (int p = start; p < start + len; p++)
            d[p] *= sqrt(nt / nd);
    }
}

/* The whole computation behind the cache: data, training, directions. */
static void compute(Mlp *m)
{
    uint64_t s = SEED;
    moons(m, &s);
    init_weights(m->theta, &s);
    train(m, m->theta);
    direction(m->theta, m->d1, &s);
    direction(m->theta, m->d2, &s);
}

static void build(void)
{
    compute(&cache);
}

static const Mlp *get(void)
{
    call_once(&cache_once, build);
    return &cache;
}

/* Exact values and gradients at level l's nodes; the cross derivative from the
 * neighbours' gradients (central differences, one-sided at the border). */
static void fill_grid(int l)
{
    const Mlp *m = get();
    int tn = level[l].tn;
    double r = level[l].r, h = 2 * r / (tn - 1);
    Node *node = grid[l];
#pragma omp parallel for schedule(dynamic)
    for (int j = 0; j < tn; j++)
        for (int i = 0; i < tn; i++) {
            Vec2 g;
            node[j * tn + i][0] = slice(m, -r + i * h, -r + j * h, NULL, 0, &g);
            node[j * tn + i][1] = g.x;
            node[j * tn + i][2] = g.y;
        }
    for (int j = 0; j < tn; j++)
        for (int i = 0; i < tn; i++) {
            int j0 = j > 0 ? j - 1 : j, j1 = j < tn - 1 ? j + 1 : j;
            int i0 = i > 0 ? i - 1 : i, i1 = i < tn - 1 ? i + 1 : i;
            double fab = (node[j1 * tn + i][1] - node[j0 * tn + i][1]) / ((j1 - j0) * h);
            double fba = (node[j * tn + i1][2] - node[j * tn + i0][2]) / ((i1 - i0) * h);
            node[j * tn + i][3] = 0.5 * (fab + fba);
        }
}

static void build_level0(void)
{
    fill_grid(0);
}
static void build_level1(void)
{
    fill_grid(1);
}
static void (*const build_level[NLEVEL])(void) = {build_level0, build_level1};

/* Returns level l's grid, filling it on first use. */
static const Node *get_grid(int l)
{
    call_once(&grid_once[l], build_level[l]);
    return (const Node *)grid[l];
}

void mlp_init(void)
{
    get_grid(0);
}

void mlp_train(double *theta, double *d1, double *d2)
{
    Mlp m;
    compute(&m);
    for (int p = 0; p < NPAR; p++)
        theta[p] = m.theta[p], d1[p] = m.d1[p], d2[p] = m.d2[p];
}

void mlp_weights(double *theta, double *d1, double *d2)
{
    const Mlp *m = get();
    for (int p = 0; p < NPAR; p++)
        theta[p] = m->theta[p], d1[p] = m->d1[p], d2[p] = m->d2[p];
}

/* ---- the surface ------------------------------------------------------------------- */

double mlp_batch(const void *ctx, double alpha, double beta, const int *idx, int b,
                 Vec2 *g)
{
    (void)ctx;
    return slice(get(), alpha, beta, idx, b, g);
}

double mlp_cost(const void *ctx, double alpha, double beta, Vec2 *g)
{
    return mlp_batch(ctx, alpha, beta, NULL, 0, g);
}

/* Cubic Hermite on [0, 1] from values p0, p1 and slopes m0, m1 (per unit of t). */
static double hermite(double t, double p0, double p1, double m0, double m1)
{
    double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * p1 +
           (t3 - t2) * m1;
}

/* Returns the cell index of coordinate x on level l's grid (x within [−r, r]). */
static int cell(int l, double x)
{
    double h = 2 * level[l].r / (level[l].tn - 1);
    int i = (int)floor((x + level[l].r) / h);
    return i < 0 ? 0 : i > level[l].tn - 2 ? level[l].tn - 2 : i;
}

/* Bicubic Hermite on the finest grid that holds the pixel: first along β at every
 * node column of the row's cell (value and α-slope; once per row and grid), then
 * along α per pixel. Pixels outside every grid are computed exactly. */
void mlp_row(const void *ctx, double beta, double a0, double da, int n, double *out)
{
    (void)ctx;
    const Mlp *m = get();
    double v[NLEVEL][MAX_TN], s[NLEVEL][MAX_TN];
    int ready[NLEVEL] = {0};
    for (int k = 0; k < n; k++) {
        double alpha = a0 + k * da;
        int l = 0;
        while (l < NLEVEL && !(fabs(alpha) <= level[l].r && fabs(beta) <= level[l].r))
            l++;
        if (l == NLEVEL) {
            out[k] = slice(m, alpha, beta, NULL, 0, NULL);
            continue;
        }
        int tn = level[l].tn, j = cell(l, beta), i = cell(l, alpha);
        double r = level[l].r, h = 2 * r / (tn - 1);
        if (!ready[l]) {
            const Node *node = get_grid(l);
            double t = (beta + r) / h - j;
            for (int c = 0; c < tn; c++) {
                const double *p = node[j * tn + c], *q = node[(j + 1) * tn + c];
                v[l][c] = hermite(t, p[0], q[0], p[2] * h, q[2] * h);
                s[l][c] = hermite(t, p[1], q[1], p[3] * h, q[3] * h);
            }
            ready[l] = 1;
        }
        out[k] = hermite((alpha + r) / h - i, v[l][i], v[l][i + 1], s[l][i] * h,
                         s[l][i + 1] * h);
    }
}

double mlp_predict(double alpha, double beta, double x1, double x2)
{
    const Mlp *m = get();
    double th[NPAR], in[2] = {x1, x2};
    at(m, alpha, beta, th);
    double z = pass(th, in, 0, NULL); /* softplus(z) for class 0 */
    return -expm1(-z);                /* σ(z) = 1 − e^−softplus(z) */
}

int mlp_samples(DataSample *out, int max)
{
    const Mlp *m = get();
    for (int i = 0; i < MLP_N && i < max; i++)
        out[i] = (DataSample){m->in[i][0], m->in[i][1], m->y[i]};
    return MLP_N;
}
