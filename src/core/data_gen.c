/* Generated data sets for the one-input data surfaces: the same single-unit models
 * as the catalogue (data_unit.c) on n samples made from a seed by a generator local
 * to the call. The bench times a data surface with n = 100 through them, and the
 * tests compare their heat-map rows with the cost at that size. */
#include "data_gen.h"

#include "data.h"
#include "data_unit.h"
#include "logistic.h"
#include "rng.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

_Static_assert(DATA_GEN_MAX_N <= DATA_UNIT_MAX_N, "a unit holds every generated set");

struct DataGen {
    Surface s;                 /* the surface, ctx = &unit */
    DataUnit unit;             /* the model over x, y */
    double x[DATA_GEN_MAX_N];  /* inputs */
    double y[DATA_GEN_MAX_N];  /* targets */
};

/* Returns nonzero when model m takes one input (the models generated here). */
static int one_input(DataUnitModel m)
{
    return m == DATA_UNIT_LINEAR || m == DATA_UNIT_SIGMOID_MSE ||
           m == DATA_UNIT_SIGMOID_XENT || m == DATA_UNIT_TANH_NET;
}

/* Fills g's samples as data_gen_new describes; `classes`: the neurons' 0/1. */
static void generate(DataGen *g, int n, int classes, unsigned long seed)
{
    uint64_t s = 0x9E3779B97F4A7C15ULL ^ (uint64_t)seed;
    if (s == 0) s = 1; /* xorshift's one fixed point */
    for (int i = 0; i < n; i++) {
        double x = -3 + 6.0 * i / (n - 1);
        g->x[i] = x;
        if (classes)
            g->y[i] = rng_uniform(&s) <= logistic_sigmoid(1.5 * x) ? 1 : 0;
        else
            g->y[i] = tanh(1.5 * x) + 0.1 * rng_gauss(&s);
    }
    /* 1, 0, …, 0, 1 at the ends: no threshold on x separates the classes */
    if (classes) g->y[0] = 1, g->y[1] = 0, g->y[n - 2] = 0, g->y[n - 1] = 1;
}

DataGen *data_gen_new(const Surface *like, int n, unsigned long seed)
{
    if (!like || data_index(like) < 0 || data_needs_init(like) || n < 4 ||
        n > DATA_GEN_MAX_N)
        return NULL;
    const DataUnit *model = like->ctx;
    if (!one_input(model->model)) return NULL;
    DataGen *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    generate(g, n, data_info(like).classify, seed);
    g->unit = (DataUnit){model->model, n, g->x, NULL, g->y, model->reg};
    g->s = *like;
    g->s.nmin = 0;
    g->s.ctx = &g->unit;
    g->s.nsamples = n;
    return g;
}

void data_gen_free(DataGen *g)
{
    free(g);
}

const Surface *data_gen_surface(const DataGen *g)
{
    return &g->s;
}
