/* The data surfaces of DESIGN section 4: their data sets and catalogue rows, and
 * the look-ups the inset and the back-propagation table use. The models live in
 * data_unit.c (one unit: linreg, neurons, tiny-net, svm-hinge) and mlp.c. The
 * listed minima were computed (Newton's method in 50-digit arithmetic; the
 * hinge's on its active set), not read off a plot. */
#include "data.h"

#include "data_unit.h"
#include "mlp.h"

#include <math.h>
#include <stddef.h>

/* ---- the data sets ------------------------------------------------------------ */

static const double lin_x[] = {1, 2, 3, 4, 5, 6, 7, 8};
static const double lin_y[] = {2.1, 2.9, 4.2, 4.8, 6.1, 7.2, 7.8, 9.1};

/* Antisymmetric (x -> −x flips the label), so the neurons' minima have b = 0. */
static const double neu_x[] = {-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3};
static const double neu_y[] = {0, 0, 0, 1, 0, 1, 0, 1, 1, 1};

static const double svm_x1[] = {1, 2, 3, 2, 0.5, -1, -2, -1, 1, -0.5};
static const double svm_x2[] = {2, 3, 3, 1, -0.5, -1, -1, -3, -1, 0.5};
static const double svm_y[] = {1, 1, 1, 1, 1, -1, -1, -1, -1, -1};

/* y = tanh(1.5x), correctly rounded */
static const double tiny_x[] = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
static const double tiny_y[] = {
    -0.9950547536867305, -0.9780261147388136, -0.9051482536448664, -0.6351489523872873, 0,
    0.6351489523872873,  0.9051482536448664,  0.9780261147388136,  0.9950547536867305};

#define LEN(a) ((int)(sizeof a / sizeof a[0]))

static const DataUnit linreg = {DATA_UNIT_LINEAR, LEN(lin_x), lin_x, NULL, lin_y, 0};
static const DataUnit neuron_mse = {
    DATA_UNIT_SIGMOID_MSE, LEN(neu_x), neu_x, NULL, neu_y, 0};
static const DataUnit neuron_xent = {
    DATA_UNIT_SIGMOID_XENT, LEN(neu_x), neu_x, NULL, neu_y, 0};
static const DataUnit svm = {DATA_UNIT_HINGE, LEN(svm_x1), svm_x1, svm_x2, svm_y, 0.05};
static const DataUnit tiny = {DATA_UNIT_TANH_NET, LEN(tiny_x), tiny_x, NULL, tiny_y, 0};

/* ---- the catalogue ------------------------------------------------------------ */

typedef struct {
    Surface s;            /* the catalogue row */
    DataInfo info;        /* for the inset */
    const DataUnit *unit; /* the single-unit model, or NULL (mlp-slice) */
} DataEntry;

/* clang-format off */
static const DataEntry entries[] = {
    {{.name = "linreg", .kind = "data", .formula = "C(w, b) = 1/(2n) Σ (w·x + b − y)²",
      .view = {-1, 3, -4, 6}, .xlabel = "w", .ylabel = "b", .log_default = 1,
      /* least squares: w* = 419/420, b* = 29/28, C = 409/33600 */
      .nmin = 1, .minima = {{0.9976190476190476, 1.0357142857142858, 0.012172619047619048}},
      .fn = data_unit_cost, .ctx = &linreg, .row = data_unit_row,
      .nsamples = LEN(lin_x), .batch = data_unit_batch},
     {1, 0, 0}, &linreg},
    {{.name = "neuron-mse", .kind = "data", .formula = "C(w, b) = 1/(2n) Σ (σ(w·x + b) − y)²",
      .view = {-4, 6, -5, 5}, .xlabel = "w", .ylabel = "b",
      /* the only minimum in the view (saddles at (5.09, ±6.10), (−5.50, ±4.34)) */
      .nmin = 1, .minima = {{0.8869577998770889, 0, 0.07234731233852264}},
      .fn = data_unit_cost, .ctx = &neuron_mse, .row = data_unit_row,
      .nsamples = LEN(neu_x), .batch = data_unit_batch},
     {1, 1, 0.5}, &neuron_mse},
    {{.name = "neuron-xent", .kind = "data",
      .formula = "C(w, b) = −1/n Σ [y ln a + (1 − y) ln(1 − a)]",
      .view = {-4, 6, -5, 5}, .xlabel = "w", .ylabel = "b",
      /* convex, and finite: the classes overlap */
      .nmin = 1, .minima = {{1.0842141992165695, 0, 0.43193013866977065}},
      .fn = data_unit_cost, .ctx = &neuron_xent, .row = data_unit_row,
      .nsamples = LEN(neu_x), .batch = data_unit_batch},
     {1, 1, 0.5}, &neuron_xent},
    /* The minimum lies on the kink of sample (−1, −1): 0 is in the sub-differential
     * there, but the indicator 1(y·z < 1) gives the one-sided (0.05, 0.05). */
    {{.name = "svm-hinge", .kind = "data",
      .formula = "C(w) = 1/n Σ max(0, 1 − y w·x) + 0.05‖w‖²",
      .view = {-3, 3, -3, 3}, .xlabel = "w1", .ylabel = "w2",
      .nmin = 1, .minima = {{0.5, 0.5, 0.325}},
      .fn = data_unit_cost, .ctx = &svm, .row = data_unit_row,
      .nsamples = LEN(svm_x1), .batch = data_unit_batch},
     {2, 1, 0}, &svm},
    {{.name = "tiny-net", .kind = "data",
      .formula = "C(w₁, w₂) = 1/(2n) Σ (w₂·tanh(w₁·x) − y)²",
      .view = {-3, 3, -2, 2}, .xlabel = "w1", .ylabel = "w2",
      .nmin = 2, .minima = {{1.5, 1, 0}, {-1.5, -1, 0}}, /* saddle at (0, 0) */
      .fn = data_unit_cost, .ctx = &tiny, .row = data_unit_row,
      .nsamples = LEN(tiny_x), .batch = data_unit_batch},
     {1, 0, 0}, &tiny},
    {{.name = "mlp-slice", .kind = "data", .formula = "C(α, β) = loss(θ* + α·d₁ + β·d₂)",
      .view = {-1, 1, -1, 1}, .xlabel = "α", .ylabel = "β",
      /* Newton's method on the slice from the trained point (0, 0); a saddle at
       * (0.179, 0.888). Recompute when anything in mlp.c's training changes. */
      .nmin = 1, .minima = {{0.0075624619098669035, -0.016202036710571459, 0.064739355289796463}},
      .fn = mlp_cost, .row = mlp_row, .nsamples = MLP_N, .batch = mlp_batch},
     {2, 1, 0.5}, NULL},
};
/* clang-format on */

#define NDATA LEN(entries)

int data_count(void)
{
    return NDATA;
}

const Surface *data_at(int i)
{
    return i >= 0 && i < NDATA ? &entries[i].s : NULL;
}

int data_index(const Surface *s)
{
    for (int i = 0; i < NDATA; i++)
        if (s == &entries[i].s) return i;
    return -1;
}

void data_init(void)
{
    mlp_init();
}

int data_needs_init(const Surface *s)
{
    int d = data_index(s);
    return d >= 0 && !entries[d].unit;
}

/* ---- what the inset and the back-propagation table show ------------------------ */

DataInfo data_info(const Surface *s)
{
    int i = data_index(s);
    return i < 0 ? (DataInfo){0} : entries[i].info;
}

int data_samples(const Surface *s, DataSample *out, int max)
{
    int d = data_index(s);
    if (d < 0) return 0;
    const DataUnit *u = entries[d].unit;
    if (!u) return mlp_samples(out, max);
    for (int i = 0; i < u->n && i < max; i++)
        out[i] = (DataSample){u->x1[i], u->x2 ? u->x2[i] : 0, u->y[i]};
    return u->n;
}

double data_predict(const Surface *s, double x, double y, double x1, double x2)
{
    int d = data_index(s);
    if (d < 0) return NAN;
    const DataUnit *u = entries[d].unit;
    return u ? data_unit_predict(u, x, y, x1, x2) : mlp_predict(x, y, x1, x2);
}

int data_backprop(const Surface *s, int i, double x, double y, DataBackprop *out)
{
    int d = data_index(s);
    const DataUnit *u = d < 0 ? NULL : entries[d].unit;
    if (!u || i < 0 || i >= u->n) return -1;
    data_unit_backprop(u, i, x, y, out);
    return 0;
}
