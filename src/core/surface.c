/* The surface catalogue (DESIGN section 4): one table row per surface with its
 * formula, default view, axis names, known minima and a function returning the
 * value and the analytic gradient. Everything else looks surfaces up here. */
#include "surface.h"

#include "data.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define PI 3.14159265358979323846
#define EULER 2.71828182845904523536 /* e */

/* ---- the functions ----------------------------------------------------------
 * Each surface has a point function name() returning the value, and the gradient
 * when g is not NULL, and a row function (ROW below) that calls it with g NULL
 * in a loop: the call is inlined and the gradient dropped, without a function
 * pointer, so the compiler vectorises it and the values are the point
 * function's by construction. */

/* Defines name_row, a SurfaceRowFn: out[i] = name(ctx, x0 + i*dx, y, NULL). */
#define ROW(name)                                                                    \
    static void name##_row(const void *ctx, double y, double x0, double dx, int n,     \
                           double *restrict out)                                       \
    {                                                                                  \
        (void)ctx;                                                                     \
        _Pragma("omp simd")                                                            \
        for (int i = 0; i < n; i++) out[i] = name(ctx, x0 + i * dx, y, NULL);          \
    }

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

/* Beale: a flat plateau and steep walls, a curved valley to (3, 0.5). */
static double beale(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double y2 = y * y, y3 = y2 * y;
    double a = 1.5 - x + x * y, b = 2.25 - x + x * y2, c = 2.625 - x + x * y3;
    if (g)
        *g = (Vec2){2 * (a * (y - 1) + b * (y2 - 1) + c * (y3 - 1)),
                    2 * x * (a + 2 * b * y + 3 * c * y2)};
    return a * a + b * b + c * c;
}

/* Booth: a quadratic bowl, tilted and elongated, minimum at (1, 3). */
static double booth(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double a = x + 2 * y - 7, b = 2 * x + y - 5;
    if (g) *g = (Vec2){2 * a + 4 * b, 4 * a + 2 * b};
    return a * a + b * b;
}

/* Matyas: a quadratic with a shallow diagonal valley (Hessian eigenvalues 0.04, 1). */
static double matyas(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x};
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
}

/* Three-hump camel: a global minimum at the origin between two local ones. */
static double three_hump_camel(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double x2 = x * x;
    if (g) *g = (Vec2){x * (4 - 4.2 * x2 + x2 * x2) + y, x + 2 * y};
    return x2 * (2 - 1.05 * x2 + x2 * x2 / 6) + x * y + y * y;
}

/* Six-hump camel: six minima, two of them global and symmetric about the origin. */
static double six_hump_camel(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double x2 = x * x, y2 = y * y;
    if (g) *g = (Vec2){x * (8 - 8.4 * x2 + 2 * x2 * x2) + y, x + y * (16 * y2 - 8)};
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (4 * y2 - 4) * y2;
}

/* Rastrigin: a bowl covered in a regular grid of local minima. */
static double rastrigin(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g)
        *g = (Vec2){2 * x + 20 * PI * sin(2 * PI * x), 2 * y + 20 * PI * sin(2 * PI * y)};
    return 20 + x * x - 10 * cos(2 * PI * x) + y * y - 10 * cos(2 * PI * y);
}

/* Ackley: a nearly flat, rippled plateau around a sharp cone at the origin, where
 * it is not differentiable: the gradient there is taken as (0, 0). */
static double ackley(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    /* r = sqrt(0.5 (x² + y²)) through hypot, so r > 0 whenever (x, y) != 0 */
    double r = hypot(x, y) * 0.70710678118654752440;
    double a = exp(-0.2 * r), c = exp(0.5 * (cos(2 * PI * x) + cos(2 * PI * y)));
    if (g) {
        /* d r/dx = x / (2r): x / r is bounded by sqrt(2), so divide it first */
        double ux = r > 0 ? x / r : 0, uy = r > 0 ? y / r : 0;
        *g = (Vec2){2 * a * ux + PI * c * sin(2 * PI * x),
                    2 * a * uy + PI * c * sin(2 * PI * y)};
    }
    return -20 * a - c + EULER + 20;
}

/* Styblinski-Tang: four minima of unequal depth, the deepest at (-2.9035, -2.9035). */
static double styblinski_tang(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double x2 = x * x, y2 = y * y;
    if (g) *g = (Vec2){2 * x * x2 - 16 * x + 2.5, 2 * y * y2 - 16 * y + 2.5};
    return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
}

/* Goldstein-Price: p(u)·q(v) with u = x + y and v = 2x − 3y, the standard form
 * regrouped (19 − 14x + 3x² − 14y + 6xy + 3y² = 19 − 14u + 3u², likewise for v);
 * values from 3 to ~1e6. */
static double goldstein_price(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double u = x + y, v = 2 * x - 3 * y;
    double a = 19 - 14 * u + 3 * u * u, b = 18 - 16 * v + 3 * v * v;
    double p = 1 + (u + 1) * (u + 1) * a, q = 30 + v * v * b;
    if (g) {
        double pu = 2 * (u + 1) * a + (u + 1) * (u + 1) * (6 * u - 14);
        double qv = 2 * v * b + v * v * (6 * v - 16);
        *g = (Vec2){pu * q + 2 * p * qv, pu * q - 3 * p * qv};
    }
    return p * q;
}

/* McCormick: a sine over a tilted bowl; minimum at (1/2 − π/3, −1/2 − π/3). */
static double mccormick(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    double d = x - y;
    if (g) {
        double c = cos(x + y);
        *g = (Vec2){c + 2 * d - 1.5, c - 2 * d + 2.5};
    }
    return sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1;
}

ROW(bowl)
ROW(ravine)
ROW(saddle)
ROW(rosenbrock)
ROW(himmelblau)
ROW(beale)
ROW(booth)
ROW(matyas)
ROW(three_hump_camel)
ROW(six_hump_camel)
ROW(rastrigin)
ROW(ackley)
ROW(styblinski_tang)
ROW(goldstein_price)
ROW(mccormick)

/* ---- the catalogue --------------------------------------------------------- */

/* One row per surface; fields left out are zero (no samples). */
static const Surface catalogue[] = {
    {.name = "bowl", .kind = "function", .formula = "f(x, y) = x² + y²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = bowl, .row = bowl_row},
    {.name = "ravine", .kind = "function", .formula = "f(x, y) = x² + 10y²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = ravine, .row = ravine_row},
    {.name = "saddle", .kind = "function", .formula = "f(x, y) = x² − y²",
     .view = {-2, 2, -2, 2}, .xlabel = "x", .ylabel = "y",
     .fn = saddle, .row = saddle_row},
    {.name = "rosenbrock", .kind = "function", .formula = "f(x, y) = (1 − x)² + 100(y − x²)²",
     .view = {-2, 2, -1, 3}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{1, 1, 0}}, .fn = rosenbrock, .row = rosenbrock_row},
    {.name = "himmelblau", .kind = "function",
     .formula = "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 4,
     .minima = {{3, 2, 0},
                {-2.805118086952745, 3.131312518250573, 0},
                {-3.7793102533777469, -3.2831859912861696, 0},
                {3.5844283403304917, -1.8481265269644034, 0}},
     .fn = himmelblau, .row = himmelblau_row},
    {.name = "beale", .kind = "function",
     .formula = "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
     .view = {-4.5, 4.5, -4.5, 4.5}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{3, 0.5, 0}}, .fn = beale, .row = beale_row},
    {.name = "booth", .kind = "function",
     .formula = "f(x, y) = (x + 2y − 7)² + (2x + y − 5)²",
     .view = {-10, 10, -10, 10}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{1, 3, 0}}, .fn = booth, .row = booth_row},
    {.name = "matyas", .kind = "function", .formula = "f(x, y) = 0.26(x² + y²) − 0.48xy",
     .view = {-10, 10, -10, 10}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = matyas, .row = matyas_row},
    {.name = "three-hump-camel", .kind = "function",
     .formula = "f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{0, 0, 0}},
     .fn = three_hump_camel, .row = three_hump_camel_row},
    {.name = "six-hump-camel", .kind = "function",
     .formula = "f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (4y² − 4)y²",
     .view = {-3, 3, -2, 2}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 2,
     .minima = {{0.08984201310031806, -0.7126564030207396, -1.0316284534898774},
                {-0.08984201310031806, 0.7126564030207396, -1.0316284534898774}},
     .fn = six_hump_camel, .row = six_hump_camel_row},
    {.name = "rastrigin", .kind = "function",
     .formula = "f(x, y) = 20 + x² − 10cos 2πx + y² − 10cos 2πy",
     .view = {-5.12, 5.12, -5.12, 5.12}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = rastrigin, .row = rastrigin_row},
    {.name = "ackley", .kind = "function",
     .formula = "f(x, y) = −20e^(−0.2√(0.5(x² + y²)))"
                " − e^(0.5(cos 2πx + cos 2πy)) + e + 20",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1, .minima = {{0, 0, 0}}, .fn = ackley, .row = ackley_row},
    {.name = "styblinski-tang", .kind = "function",
     .formula = "f(x, y) = ½(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)",
     .view = {-5, 5, -5, 5}, .xlabel = "x", .ylabel = "y",
     .nmin = 1,
     .minima = {{-2.903534027771177, -2.903534027771177, -78.33233140754282}},
     .fn = styblinski_tang, .row = styblinski_tang_row},
    {.name = "goldstein-price", .kind = "function",
     /* the standard form regrouped, spaced tightly to fit the window's title */
     .formula = "f(x, y) = [1 + (u+1)²(19−14u+3u²)]·[30 + v²(18−16v+3v²)],"
                " u = x+y, v = 2x−3y",
     .view = {-2, 2, -2, 2}, .xlabel = "x", .ylabel = "y", .log_default = 1,
     .nmin = 1, .minima = {{0, -1, 3}},
     .fn = goldstein_price, .row = goldstein_price_row},
    {.name = "mccormick", .kind = "function",
     .formula = "f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1",
     .view = {-1.5, 4, -3, 4}, .xlabel = "x", .ylabel = "y",
     .nmin = 1,
     .minima = {{-0.5471975511965977, -1.5471975511965979, -1.9132229549810364}},
     .fn = mccormick, .row = mccormick_row},
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
