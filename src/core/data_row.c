/* The heat-map rows of the sigmoid neurons and tiny-net where every exponential is
 * in range (the whole default view and well beyond). Sample i's exponential at
 * pixel p is e^(c_i + p·k_i): exact at an anchor every ANCHOR blocks, carried from
 * block to block by e^(LANES·k_i), and spread over a block's pixels by the powers
 * e^(j·k_i), j < LANES. A block's accumulators stay in registers while every
 * sample passes, so a pixel costs about two multiplications and an addition per
 * sample and no transcendental but cross-entropy's one log. data_unit.c fills the
 * rest of a row (far out) by its general path. */
#include "data_row.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "wide.h"

#define LANES  16   /* pixels a block: their accumulators fit in registers */
#define ANCHOR 16   /* blocks between two exact exponentials of a sample */
#define RENORM 8    /* cross-entropy: samples between two rescalings of a product */
#define T_MIN  -700 /* exponents below: e^t could round to 0 and stay there */
#define BIG    0x1p300  /* a product above this is rescaled... */
#define SCALE  0x1p-600 /* ...by this */
#define LN_SCALE 415.88830833596718 /* −ln SCALE = 600 ln 2 */

/* Four doubles as one value (GNU C vectors, which GCC and Clang both know): a
 * block of LANES pixels is LANES / 4 of them, held in registers. */
typedef double Vd __attribute__((vector_size(32)));
typedef long long Vm __attribute__((vector_size(32))); /* a comparison's lanes: 0, −1 */
#define NV (LANES / 4)

/* Per sample: the exponent c + p·k at pixel p, the current block's e^(c + p0·k),
 * e^(LANES·k) to step it, and the powers e^(j·k), j < LANES. */
typedef struct {
    int n;
    double c[DATA_UNIT_MAX_N], k[DATA_UNIT_MAX_N];
    double e[DATA_UNIT_MAX_N], step[DATA_UNIT_MAX_N];
    Vd pw[DATA_UNIT_MAX_N][NV];
    double q;        /* tiny-net's output weight */
    const double *y; /* tiny-net's targets */
} Row;

typedef void (*BlockFn)(const Row *r, double *out);

/* Natural log of each lane of x, every lane positive, normal and finite, to a
 * few ulp: x = 2^E·m with m in [√½, √2), ln x = E·ln 2 + 2·atanh(s), s = (m − 1)/
 * (m + 1), |s| < 0.172, by its series to s^21 (the next term is below 2^−53·s);
 * in place. libm's log, one lane at a time, cost as much as ~50 samples. */
static inline void vlog(Vd *x)
{
    const Vm zero = {0}, mant = zero + 0x000FFFFFFFFFFFFFLL, one = zero + 0x3FF0000000000000LL;
    Vm bits = (Vm)*x, be = bits >> 52; /* the biased exponent: x > 0 */
    Vd m = (Vd)((bits & mant) | one); /* in [1, 2) */
    Vm half = m > 1.4142135623730951;
    m = (Vd)(((Vm)(m * 0.5) & half) | ((Vm)m & ~half));
    /* be − 1023, plus one where m was halved, exactly as a double (2^52 + k) */
    Vd e = (Vd)((be - half) | 0x4330000000000000LL) - (0x1p52 + 1023);
    Vd s = (m - 1) / (m + 1), z = s * s, p = (Vd){0} + 1.0 / 21;
    static const double c[] = {1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11,
                               1.0 / 9,  1.0 / 7,  1.0 / 5,  1.0 / 3,  1};
#pragma GCC unroll 10
    for (int k = 0; k < 10; k++)
        p = p * z + c[k];
    *x = e * 0.6931471805599453 + 2 * s * p;
}

/* Where acc passed BIG, rescales it by SCALE and counts that in cnt (minus one a
 * rescaling). */
static inline void rescale(Vd *acc, Vm *cnt)
{
    Vm big = *acc > BIG;
    *acc = (Vd)(((Vm)(*acc * SCALE) & big) | ((Vm)*acc & ~big));
    *cnt += big;
}

/* Cross-entropy: the block's Π(1 + e_i) as two products, a of the even samples
 * and b of the odd ones (two chains of multiplications side by side), each
 * rescaled every RENORM of its samples (each factor is below e^34: no lane
 * overflows), and the log of a·b. The exponents are −s(w·x + b) with s = 2y − 1. */
WIDE_FMA static void block_xent(const Row *r, double *out)
{
    Vd a[NV], b[NV];
    Vm ca[NV], cb[NV];
    for (int v = 0; v < NV; v++)
        a[v] = b[v] = (Vd){1, 1, 1, 1}, ca[v] = cb[v] = (Vm){0};
    int i = 0;
    for (; i + 1 < r->n; i += 2) {
        double e1 = r->e[i], e2 = r->e[i + 1];
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            a[v] += a[v] * (e1 * r->pw[i][v]);
            b[v] += b[v] * (e2 * r->pw[i + 1][v]);
        }
        if (i % (2 * RENORM) == 2 * RENORM - 2)
#pragma GCC unroll 4
            for (int v = 0; v < NV; v++)
                rescale(&a[v], &ca[v]), rescale(&b[v], &cb[v]);
    }
    for (; i < r->n; i++)
        for (int v = 0; v < NV; v++)
            a[v] += a[v] * (r->e[i] * r->pw[i][v]);
    double inv = 1.0 / r->n;
#pragma GCC unroll 4
    for (int v = 0; v < NV; v++) {
        rescale(&a[v], &ca[v]);
        rescale(&b[v], &cb[v]);
        Vd lg = a[v] * b[v]; /* both below BIG: no overflow */
        vlog(&lg);
        /* the rescalings, −(ca + cb) >= 0, as a double (2^52 + k) */
        Vd k = (Vd)((-(ca[v] + cb[v])) | 0x4330000000000000LL) - 0x1p52;
        Vd c = (lg + k * LN_SCALE) * inv;
        memcpy(out + 4 * v, &c, sizeof c);
    }
}

/* Squared error of the neuron: Σ (σ(z) − y)² = Σ 1/d², d = 1 + e^(s·z), two samples
 * a division: 1/d1² + 1/d2² = (d1² + d2²)/(d1·d2)² (finite: e^(s·z) < e^170). */
WIDE_FMA static void block_mse(const Row *r, double *out)
{
    Vd acc[NV] = {{0}};
    int i = 0;
    for (; i + 1 < r->n; i += 2) {
        double e1 = r->e[i], e2 = r->e[i + 1];
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            Vd d1 = 1 + e1 * r->pw[i][v], d2 = 1 + e2 * r->pw[i + 1][v];
            Vd s1 = d1 * d1, s2 = d2 * d2;
            acc[v] += (s1 + s2) / (s1 * s2);
        }
    }
    for (; i < r->n; i++)
        for (int v = 0; v < NV; v++) {
            Vd d = 1 + r->e[i] * r->pw[i][v];
            acc[v] += 1 / (d * d);
        }
    for (int j = 0; j < LANES; j++)
        out[j] = acc[j / 4][j % 4] / (2 * r->n);
}

/* tiny-net: Σ (q·h − y)² with h = tanh(w1·x) = 1 − 2/d, d = 1 + e^(2·w1·x); two
 * samples a division: 1/d1 = d2/(d1·d2), 1/d2 = d1/(d1·d2) (finite: e^t < e^340). */
WIDE_FMA static void block_tanh(const Row *r, double *out)
{
    Vd acc[NV] = {{0}};
    double q = r->q;
    int i = 0;
    for (; i + 1 < r->n; i += 2) {
        double e1 = r->e[i], e2 = r->e[i + 1], y1 = r->y[i], y2 = r->y[i + 1];
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            Vd d1 = 1 + e1 * r->pw[i][v], d2 = 1 + e2 * r->pw[i + 1][v];
            Vd inv = 2 / (d1 * d2);
            Vd r1 = q * (1 - d2 * inv) - y1, r2 = q * (1 - d1 * inv) - y2;
            acc[v] += r1 * r1 + r2 * r2;
        }
    }
    for (; i < r->n; i++)
        for (int v = 0; v < NV; v++) {
            Vd d = q * (1 - 2 / (1 + r->e[i] * r->pw[i][v])) - r->y[i];
            acc[v] += d * d;
        }
    for (int j = 0; j < LANES; j++)
        out[j] = acc[j / 4][j % 4] / (2 * r->n);
}

/* Per model: the block, the largest exponent it may take (cross-entropy: RENORM
 * factors below e^t_max keep a product under BIG·2^400; the others: the products
 * of two samples' terms stay finite),
 * and the exponent of sample (x, y) at (w, b) = (w1, w2): sg·(xw·x·w + qb·b), sg
 * = ysign·(2y − 1), or 1 when ysign is 0. */
static const struct {
    BlockFn block;
    double t_max;
    int ysign;
    double xw, qb;
} models[] = {
    [DATA_UNIT_SIGMOID_MSE] = {block_mse, 170, 1, 1, 1},   /* e^(s·z) */
    [DATA_UNIT_SIGMOID_XENT] = {block_xent, 34, -1, 1, 1}, /* e^(−s·z) */
    [DATA_UNIT_TANH_NET] = {block_tanh, 340, 0, 2, 0},     /* e^(2·w1·x) */
};

/* Pixels p in [0, n) where T_MIN <= c + p·k <= t_max, as [lo, hi). */
static DataRowSpan span_of(double c, double k, double t_max, int n)
{
    double a = -INFINITY, b = INFINITY; /* the real interval of p */
    if (k > 0)
        a = (T_MIN - c) / k, b = (t_max - c) / k;
    else if (k < 0)
        a = (t_max - c) / k, b = (T_MIN - c) / k;
    else if (!(c >= T_MIN && c <= t_max))
        return (DataRowSpan){0, 0};
    double lo = ceil(fmax(a, 0)), hi = floor(fmin(b, n - 1)) + 1;
    return lo < hi ? (DataRowSpan){(int)lo, (int)hi} : (DataRowSpan){0, 0};
}

/* Sets up r for u's model along the row (q fixed, w = x0 + p·dx) and returns the
 * span where every sample's exponent is in range. */
static DataRowSpan setup(Row *r, const DataUnit *u, double q, double x0, double dx, int n)
{
    DataUnitModel m = u->model;
    DataRowSpan s = {0, n};
    r->n = u->n, r->q = q, r->y = u->y;
    for (int i = 0; i < u->n && s.lo < s.hi; i++) {
        double x = u->x1[i];
        double sg = models[m].ysign ? models[m].ysign * (2 * u->y[i] - 1) : 1;
        r->c[i] = sg * (models[m].xw * x * x0 + models[m].qb * q);
        r->k[i] = sg * models[m].xw * x * dx;
        DataRowSpan si = span_of(r->c[i], r->k[i], models[m].t_max, n);
        s.lo = si.lo > s.lo ? si.lo : s.lo;
        s.hi = si.hi < s.hi ? si.hi : s.hi;
        double f = exp(r->k[i]), pw = 1;
        for (int j = 0; j < LANES; j++, pw *= f)
            r->pw[i][j / 4][j % 4] = pw;
        r->step[i] = exp(LANES * r->k[i]);
    }
    return s.lo < s.hi ? s : (DataRowSpan){0, 0};
}

DataRowSpan data_row_fast(const DataUnit *u, double q, double x0, double dx, int n,
                          double *out)
{
    assert(u->n >= 1 && u->n <= DATA_UNIT_MAX_N && models[u->model].block);
    Row r;
    DataRowSpan s = setup(&r, u, q, x0, dx, n);
    /* LANES powers must stay finite: beyond that the view is ~1e4 wide */
    for (int i = 0; i < r.n && s.lo < s.hi; i++)
        if (fabs(LANES * r.k[i]) > 600) s = (DataRowSpan){0, 0};
    for (int p = s.lo, b = 0; p < s.hi; p += LANES, b++) {
        for (int i = 0; i < r.n; i++)
            r.e[i] = b % ANCHOR == 0 ? exp(r.c[i] + p * r.k[i]) : r.e[i] * r.step[i];
        double block[LANES];
        models[u->model].block(&r, block);
        int m = s.hi - p < LANES ? s.hi - p : LANES;
        for (int j = 0; j < m; j++)
            out[p + j] = block[j];
    }
    return s;
}
