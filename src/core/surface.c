/* The surface catalogue (DESIGN section 4): one table row per surface with its
 * formula, default view, axis names, known minima and a function returning the
 * value and the analytic gradient. Everything else looks surfaces up here. */
#include "surface.h"

#include "data.h"

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

/* One row per surface; fields left out are zero (no row function, no samples). */
static const Surface catalogue[] = {
    {.name = "bowl", .kind = "function", .formula = "f(x, y) = x² + y²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = bowl},
    {.name = "ravine", .kind = "function", .formula = "f(x, y) = x² + 10y²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = ravine},
    {.name = "saddle", .kind = "function", .formula = "f(x, y) = x² − y²",
     .view = {-2, 2, -2, 2}, .xlabel = "x", .ylabel = "y", .fn = saddle},
    {.name = "rosenbrock", .kind = "function", .formula = "f(x, y) = (1 − x)² + 100(y − x²)²",
     .view = {-2, 2, -1, 3}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{1, 1, 0}}, .fn = rosenbrock},
    {.name = "himmelblau", .kind = "function",
     .formula = "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 4,
     .minima = {{3, 2, 0},
                {-2.805118086952745, 3.131312518250573, 0},
                {-3.7793102533777469, -3.2831859912861696, 0},
                {3.5844283403304917, -1.8481265269644034, 0}},
     .fn = himmelblau},
};

#define NSURF ((int)(sizeof catalogue / sizeof catalogue[0]))

int surface_count(void) { return NSURF + data_count(); }

const Surface *surface_at(int i)
{
    if (i >= 0 && i < NSURF) return &catalogue[i];
    return i >= NSURF && i < surface_count() ? data_at(i - NSURF) : NULL;
}

const Surface *surface_find(const char *name)
{
    for (int i = 0; name && i < surface_count(); i++)
        if (strcmp(surface_at(i)->name, name) == 0) return surface_at(i);
    return NULL;
}

int surface_index(const Surface *s)
{
    for (int i = 0; i < surface_count(); i++)
        if (s == surface_at(i)) return i;
    return -1;
}

double surface_eval(const Surface *s, double x, double y, Vec2 *g)
{
    return s->fn(s->ctx, x, y, g);
}
