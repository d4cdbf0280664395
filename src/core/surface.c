/* The surface catalogue (DESIGN section 4): one table row per surface with its
 * formula, default view, axis names, known minima and a function returning the
 * value and the analytic gradient. Everything else looks surfaces up here. */
#include "surface.h"

#include <stddef.h>
#include <string.h>

/* ---- the functions: value, and gradient when g is not NULL ---------------- */

static double bowl(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){2 * x, 2 * y};
    return x * x + y * y;
}

static double ravine(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){2 * x, 20 * y};
    return x * x + 10 * y * y;
}

static double saddle(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){2 * x, -2 * y};
    return x * x - y * y;
}

static double rosenbrock(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double a = 1 - x, b = y - x * x;
    if (g) *g = (Vec2){-2 * a - 400 * x * b, 200 * b};
    return a * a + 100 * b * b;
}

static double himmelblau(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double a = x * x + y - 11, b = x + y * y - 7;
    if (g) *g = (Vec2){4 * x * a + 2 * b, 2 * a + 4 * y * b};
    return a * a + b * b;
}

/* ---- the catalogue --------------------------------------------------------- */

static const Surface catalogue[] = {
    {"bowl", "function", "f(x, y) = x² + y²", {-5, 5, -5, 5}, "x", "y", 0,
     1, {{0, 0, 0}}, bowl, NULL},
    {"ravine", "function", "f(x, y) = x² + 10y²", {-5, 5, -5, 5}, "x", "y", 0,
     1, {{0, 0, 0}}, ravine, NULL},
    {"saddle", "function", "f(x, y) = x² − y²", {-2, 2, -2, 2}, "x", "y", 0,
     0, {{0, 0, 0}}, saddle, NULL},
    {"rosenbrock", "function", "f(x, y) = (1 − x)² + 100(y − x²)²", {-2, 2, -1, 3},
     "x", "y", 1, 1, {{1, 1, 0}}, rosenbrock, NULL},
    {"himmelblau", "function", "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
     {-5, 5, -5, 5}, "x", "y", 1, 4,
     {{3, 2, 0},
      {-2.805118086952745, 3.131312518250573, 0},
      {-3.7793102533777469, -3.2831859912861696, 0},
      {3.5844283403304917, -1.8481265269644034, 0}},
     himmelblau, NULL},
};

#define NSURF ((int)(sizeof catalogue / sizeof catalogue[0]))

int surface_count(void) { return NSURF; }

const Surface *surface_at(int i) { return i >= 0 && i < NSURF ? &catalogue[i] : NULL; }

const Surface *surface_find(const char *name)
{
    for (int i = 0; name && i < NSURF; i++)
        if (strcmp(catalogue[i].name, name) == 0) return &catalogue[i];
    return NULL;
}

int surface_index(const Surface *s)
{
    for (int i = 0; i < NSURF; i++)
        if (s == &catalogue[i]) return i;
    return -1;
}

double surface_eval(const Surface *s, double x, double y, Vec2 *g)
{
    return s->fn(s->ctx, x, y, g);
}
