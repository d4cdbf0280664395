/* Mappings between parameter space and the pixels of a plot area, between values
 * and the [0, 1] of a colour scale or a log slider, and the "nice" tick values and
 * labels of axes and colour bars. Pure functions of their arguments: the plot, the
 * widgets and the CLI all map through here so that they agree to the pixel. */
#include "view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Spacings of ticks within a decade, in increasing order. */
static const double nice_mantissa[] = {1.0, 2.0, 5.0};
#define NICE_N ((int)(sizeof nice_mantissa / sizeof nice_mantissa[0]))

/* A tick is inside [lo, hi] when it is outside by less than this many steps. */
#define TICK_TOL 1e-9

static double clamp01(double t)
{
    return t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
}

/* Pixel extent of a side of an area; a degenerate area counts as one pixel so
 * that mappings stay finite. */
static double side(int n)
{
    return n > 0 ? (double)n : 1.0;
}

/* Finite for a valid view (view_valid); an area of width or height <= 0 counts as
 * one pixel. */
Vec2 view_to_px(View v, Rect r, Vec2 p)
{
    Vec2 q;
    q.x = r.x + (p.x - v.x0) / (v.x1 - v.x0) * side(r.w);
    q.y = r.y + (v.y1 - p.y) / (v.y1 - v.y0) * side(r.h);
    return q;
}

/* Exact inverse of view_to_px up to rounding, with the same conventions. */
Vec2 view_from_px(View v, Rect r, Vec2 px)
{
    Vec2 p;
    p.x = v.x0 + (px.x - r.x) / side(r.w) * (v.x1 - v.x0);
    p.y = v.y1 - (px.y - r.y) / side(r.h) * (v.y1 - v.y0);
    return p;
}

/* A factor that is not a positive finite number leaves the view unchanged. */
View view_zoom(View v, Vec2 c, double factor)
{
    if (!(factor > 0.0) || !isfinite(factor) || !isfinite(c.x) || !isfinite(c.y))
        return v;
    View z;
    z.x0 = c.x + (v.x0 - c.x) * factor;
    z.x1 = c.x + (v.x1 - c.x) * factor;
    z.y0 = c.y + (v.y0 - c.y) * factor;
    z.y1 = c.y + (v.y1 - c.y) * factor;
    return z;
}

/* No checks: the caller tests the result with view_valid when it matters. */
Vec2 view_centre(View v)
{
    return (Vec2){(v.x0 + v.x1) / 2, (v.y0 + v.y1) / 2};
}

View view_pan(View v, double dx, double dy)
{
    v.x0 += dx;
    v.x1 += dx;
    v.y0 += dy;
    v.y1 += dy;
    return v;
}

/* Also rejects views whose width or height overflows to infinity. */
int view_valid(View v)
{
    return isfinite(v.x0) && isfinite(v.x1) && isfinite(v.y0) && isfinite(v.y1) &&
           v.x0 < v.x1 && v.y0 < v.y1 && isfinite(v.x1 - v.x0) && isfinite(v.y1 - v.y0);
}

/* An empty or non-finite range (hi <= lo) maps every value to 0. */
double view_value_unit(ValueScale s, double value)
{
    if (isnan(value)) return value;
    double range = s.hi - s.lo;
    if (!(range > 0.0) || !isfinite(range)) return 0.0;
    double u = clamp01((value - s.lo) / range);
    if (!s.log) return u;
    /* In units of the offset the range is exactly 1/VIEW_LOG_OFFSET wide. */
    return log1p(u / VIEW_LOG_OFFSET) / log1p(1.0 / VIEW_LOG_OFFSET);
}

/* t is clamped to [0, 1]; an empty range returns lo; NaN stays NaN. */
double view_unit_value(ValueScale s, double t)
{
    if (isnan(t)) return t;
    double range = s.hi - s.lo;
    if (!(range > 0.0) || !isfinite(range)) return s.lo;
    t = clamp01(t);
    if (t >= 1.0) return s.hi;
    double u = s.log ? expm1(t * log1p(1.0 / VIEW_LOG_OFFSET)) * VIEW_LOG_OFFSET : t;
    return s.lo + u * range;
}

/* Values outside [lo, hi] are clamped; NaN stays NaN; lo <= 0 or hi <= lo gives 0. */
double view_log_unit(double value, double lo, double hi)
{
    if (isnan(value)) return value;
    if (!(lo > 0.0) || !(hi > lo) || !isfinite(hi)) return 0.0;
    if (value <= lo) return 0.0;
    return clamp01(log(value / lo) / log(hi / lo));
}

/* t is clamped to [0, 1], so the ends give lo and hi exactly; NaN stays NaN. */
double view_unit_log(double t, double lo, double hi)
{
    if (isnan(t)) return t;
    if (!(lo > 0.0) || !(hi > lo) || !isfinite(hi) || t <= 0.0) return lo;
    if (t >= 1.0) return hi;
    return lo * exp(t * log(hi / lo));
}

/* The nice step number i: 1, 2, 5 times 10^e with i = 3e + m. Negative powers
 * divide by an exact power of ten so that 1e-4 is the double nearest 0.0001. */
static double nice_step(int i)
{
    int e = i >= 0 ? i / NICE_N : -((-i + NICE_N - 1) / NICE_N);
    double m = nice_mantissa[i - e * NICE_N];
    return e >= 0 ? m * pow(10.0, e) : m / pow(10.0, -e);
}

/* Ticks k*step inside [lo, hi]: the range of k (as doubles, they may be huge). */
static double tick_range(double lo, double hi, double step, double *k0)
{
    *k0 = ceil(lo / step - TICK_TOL);
    return floor(hi / step + TICK_TOL) - *k0 + 1.0;
}

/* An empty or non-finite range, max < 1 or no ticks[] gives 0 ticks and a step of 0;
 * target < 1 counts as 1. Ticks are exact multiples of the step, never -0. */
int view_nice_ticks(double lo, double hi, int target, double *ticks, int max,
                    double *step)
{
    if (step) *step = 0.0;
    if (!(lo < hi) || !isfinite(lo) || !isfinite(hi) || max < 1 || !ticks) return 0;
    double raw = hi / (target > 1 ? target : 1) - lo / (target > 1 ? target : 1);
    if (!(raw > 1e-300) || !isfinite(raw)) return 0;
    /* Start at the nice step nearest to raw in ratio, then widen until few enough. */
    int i = NICE_N * (int)floor(log10(raw));
    while (nice_step(i + 1) <= raw)
        i++;
    if (raw / nice_step(i) > nice_step(i + 1) / raw) i++;
    double k0 = 0.0, count = 0.0, s = nice_step(i);
    for (int guard = 0; guard < 64; guard++, s = nice_step(++i)) {
        count = tick_range(lo, hi, s, &k0);
        if (count <= max) break;
    }
    if (count > max || !(s > 0.0) || !isfinite(s)) return 0;
    int n = count > 0.0 ? (int)count : 0;
    for (int k = 0; k < n; k++)
        ticks[k] = (k0 + k) * s + 0.0; /* + 0.0 turns -0 into 0 */
    if (step) *step = s;
    return n;
}

/* Decimals that show every multiple of step exactly (0.5 -> 1, 0.25 -> 2, 3 -> 0). */
static int step_decimals(double step)
{
    double scaled = step;
    int d = 0;
    while (d < 12 && fabs(scaled - round(scaled)) > 1e-6 * scaled) {
        scaled *= 10.0;
        d++;
    }
    return d;
}

/* Drops trailing zeros of a fixed-point number, and the point if nothing follows,
 * then the sign of a zero ("-0.0" -> "0"). */
static void tidy(char *buf)
{
    if (strchr(buf, '.')) {
        char *end = buf + strlen(buf);
        while (end > buf && end[-1] == '0')
            *--end = '\0';
        if (end > buf && end[-1] == '.') *--end = '\0';
    }
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
}

/* Fixed point with trailing zeros dropped ("1", "0.5", "0.0003"); %g style when the
 * step is below 1e-4 or |v| >= 1e6 ("1e-05", "2.5e+06"); never "-0". A step that is
 * not positive and finite formats as plain %g. Truncates to fit n bytes. */
void view_format_tick(char *buf, int n, double v, double step)
{
    if (!buf || n < 1) return;
    int finite_step = step > 0.0 && isfinite(step);
    if (finite_step && fabs(v) < step * 1e-9) v = 0.0;
    if (!finite_step || !isfinite(v)) {
        snprintf(buf, (size_t)n, "%g", v);
    } else if (v == 0.0) {
        snprintf(buf, (size_t)n, "0");
    } else if (step < 1e-4 * (1.0 - 1e-9) || fabs(v) >= 1e6) {
        /* Significant digits from the value's leading digit down to the step's. */
        int sig = (int)floor(log10(fabs(v))) - (int)floor(log10(step) + 1e-9) + 1;
        sig = sig < 1 ? 1 : sig > 15 ? 15 : sig;
        snprintf(buf, (size_t)n, "%.*g", sig, v);
    } else {
        snprintf(buf, (size_t)n, "%.*f", step_decimals(step), v);
        tidy(buf);
    }
}
