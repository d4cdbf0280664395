/* Marching squares: the iso-lines of a sampled grid (the heat-map's field) at
 * all contour levels in one pass over the cells. Each cell visits only the levels
 * between its corners' minimum and maximum, found by a running index into the
 * ascending levels, so a smooth field costs little more than one read of the
 * grid. plot.c draws the segments; nothing here knows about pixels. */
#include "contour.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CONTOUR_CAP0 1024 /* first capacity of an empty set, in segments */

/* The corners of cell (i, j), numbered as bits of the case index (bit set when the
 * corner is inside, value >= level): 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1).
 * An edge runs from its lower-index sample to its higher one, so the two cells that
 * share an edge compute bit-identical points on it and the lines close exactly. */
typedef struct {
    unsigned char from, to; /* corners at t = 0 and t = 1 */
    unsigned char ox, oy;   /* offset of `from` from (i, j) */
    unsigned char ux, uy;   /* unit step from `from` to `to` */
} Edge;

static const Edge edges[4] = {
    {0, 1, 0, 0, 1, 0}, /* top */
    {1, 2, 1, 0, 0, 1}, /* right */
    {3, 2, 0, 1, 1, 0}, /* bottom */
    {0, 3, 0, 0, 0, 1}, /* left */
};

/* Per case (the corners inside): the number of segments, then each segment's two
 * edges. Row 5 cuts corners 0 and 2 off, as if the cell centre were outside; row 10
 * cuts corners 1 and 3 off. A saddle whose centre is inside takes the other row. */
static const unsigned char cell_segs[16][5] = {
    {0},             /* none inside */
    {1, 3, 0},       /* 0: left-top */
    {1, 0, 1},       /* 1: top-right */
    {1, 3, 1},       /* 0 1: left-right */
    {1, 1, 2},       /* 2: right-bottom */
    {2, 3, 0, 1, 2}, /* 0 2: saddle, around 0 and around 2 */
    {1, 0, 2},       /* 1 2: top-bottom */
    {1, 2, 3},       /* 0 1 2: bottom-left */
    {1, 2, 3},       /* 3: bottom-left */
    {1, 0, 2},       /* 0 3: top-bottom */
    {2, 0, 1, 2, 3}, /* 1 3: saddle, around 1 and around 3 */
    {1, 1, 2},       /* 0 1 3: right-bottom */
    {1, 3, 1},       /* 2 3: left-right */
    {1, 0, 1},       /* 0 2 3: top-right */
    {1, 3, 0},       /* 1 2 3: left-top */
    {0},             /* all inside */
};

typedef struct {
    double v; /* level value */
    int i;    /* its index in the caller's array */
} Level;

/* Doubles the capacity of cs (CONTOUR_CAP0 when empty); returns -1, leaving cs
 * unchanged, when that overflows or memory runs out. */
static int grow(ContourSet *cs)
{
    if (cs->cap > INT_MAX / 2) return -1;
    int cap = cs->cap > 0 ? 2 * cs->cap : CONTOUR_CAP0;
    if ((size_t)cap > SIZE_MAX / sizeof *cs->seg) return -1;
    ContourSeg *seg = realloc(cs->seg, (size_t)cap * sizeof *seg);
    if (!seg) return -1;
    cs->seg = seg;
    cs->cap = cap;
    return 0;
}

/* Writes the point where level `lv` crosses edge e of cell (i, j) to x, y. */
static void edge_point(int i, int j, const double p[4], double lv, int e, float *x,
                       float *y)
{
    const Edge *ed = &edges[e];
    double t = (lv - p[ed->from]) / (p[ed->to] - p[ed->from]);
    *x = (float)((double)(i + ed->ox) + t * ed->ux);
    *y = (float)((double)(j + ed->oy) + t * ed->uy);
}

/* Appends the segments of level m (value lv) in cell (i, j) with corners p; the
 * caller guarantees min(p) < lv <= max(p). Returns -1 when memory runs out. */
static int cell(ContourSet *out, int i, int j, const double p[4], double lv, int m)
{
    int cs = (p[0] >= lv) | (p[1] >= lv) << 1 | (p[2] >= lv) << 2 | (p[3] >= lv) << 3;
    /* The mean decides a saddle, with the same ">=" as the corners. */
    if ((cs == 5 || cs == 10) && 0.25 * (p[0] + p[1] + p[2] + p[3]) >= lv) cs ^= 15;
    const unsigned char *s = cell_segs[cs];
    for (int n = 0; n < s[0]; n++) {
        ContourSeg g = {.level = m};
        edge_point(i, j, p, lv, s[1 + 2 * n], &g.x0, &g.y0);
        edge_point(i, j, p, lv, s[2 + 2 * n], &g.x1, &g.y1);
        /* Both ends coincide only where a corner equals the level: nothing to draw,
         * and the neighbouring segments already meet there. */
        if (g.x0 == g.x1 && g.y0 == g.y1) continue;
        if (out->count == out->cap && grow(out) < 0) return -1;
        out->seg[out->count++] = g;
    }
    return 0;
}

/* The walk over one grid: the output and a running position among the levels. */
typedef struct {
    ContourSet *out;
    const double *lv; /* ascending levels, none NaN */
    int nl;           /* number of levels */
    int k;            /* first level above the minimum of the last cell visited */
    double lo, hi;    /* lv[k - 1] and lv[k], or -inf and +inf past the ends */
} Walk;

/* The slow path of a cell whose corner range [mn, mx] is not inside the current
 * gap between levels: moves the walk to mn's gap and traces every level in
 * (mn, mx]. Cells with a non-finite corner are skipped. Returns -1 when memory
 * runs out. */
static int visit(Walk *wk, int i, int j, const double *r0, const double *r1, double mn,
                 double mx)
{
    const double p[4] = {r0[i], r0[i + 1], r1[i + 1], r1[i]};
    if (!(isfinite(p[0]) && isfinite(p[1]) && isfinite(p[2]) && isfinite(p[3]))) return 0;
    const double *lv = wk->lv;
    int k = wk->k, nl = wk->nl;
    while (k > 0 && lv[k - 1] > mn)
        k--;
    while (k < nl && lv[k] <= mn)
        k++;
    wk->k = k;
    wk->lo = k > 0 ? lv[k - 1] : -INFINITY;
    wk->hi = k < nl ? lv[k] : INFINITY;
    for (int m = k; m < nl && lv[m] <= mx; m++)
        if (cell(wk->out, i, j, p, lv[m], m) < 0) return -1;
    return 0;
}

/* Traces the cells of rows j0..j1-1 against the nl ascending levels lv into out
 * (appending). Returns 0, or -1 when memory runs out. */
static int trace_rows(ContourSet *out, const double *v, int w, int j0, int j1,
                      const double *lv, int nl)
{
    Walk wk = {out, lv, nl, 0, -INFINITY, nl > 0 ? lv[0] : INFINITY};
    for (int j = j0; j < j1; j++) {
        const double *r0 = v + (size_t)j * (size_t)w, *r1 = r0 + w;
        /* Each column's min and max serve the cells on both sides of it. */
        double lmn = r0[0] < r1[0] ? r0[0] : r1[0], lmx = r0[0] > r1[0] ? r0[0] : r1[0];
        for (int i = 0; i + 1 < w; i++) {
            double b = r0[i + 1], c = r1[i + 1];
            double rmn = b < c ? b : c, rmx = b > c ? b : c;
            double mn = lmn < rmn ? lmn : rmn, mx = lmx > rmx ? lmx : rmx;
            lmn = rmn, lmx = rmx;
            /* Most cells lie within one gap between levels: two comparisons settle
             * them. A cell with a NaN corner is skipped here or by visit. */
            if (wk.lo <= mn && mx < wk.hi) continue;
            if (visit(&wk, i, j, r0, r1, mn, mx) < 0) return -1;
        }
    }
    return 0;
}

/* Appends the n segments of src to out; returns -1 when memory runs out. */
static int append(ContourSet *out, const ContourSeg *src, int n)
{
    if (n > INT_MAX - out->count) return -1;
    while (out->cap - out->count < n)
        if (grow(out) < 0) return -1;
    if (n > 0) memcpy(out->seg + out->count, src, (size_t)n * sizeof *src);
    out->count += n;
    return 0;
}

/* Traces all cells of the w x h grid (appending to out): the cell rows are cut
 * into CONTOUR_PARTS bands traced in parallel, band 0 into out and band p into
 * out->part[p - 1], which are then appended in order. The walk's position among
 * the levels only saves work, so each band gives what the serial walk gives for
 * its rows. Returns 0, or -1 when memory runs out. */
static int trace(ContourSet *out, const double *v, int w, int h, const double *lv, int nl)
{
    if (!out->part && !(out->part = calloc(CONTOUR_PARTS - 1, sizeof *out->part)))
        return trace_rows(out, v, w, 0, h - 1, lv, nl);
    int rc = 0;
#pragma omp parallel for schedule(dynamic, 1) reduction(min : rc)
    for (int p = 0; p < CONTOUR_PARTS; p++) {
        ContourSet *dst = p > 0 ? &out->part[p - 1] : out;
        dst->count = p > 0 ? 0 : dst->count;
        int j0 = (int)((long long)(h - 1) * p / CONTOUR_PARTS);
        int j1 = (int)((long long)(h - 1) * (p + 1) / CONTOUR_PARTS);
        int r = trace_rows(dst, v, w, j0, j1, lv, nl);
        rc = r < rc ? r : rc;
    }
    for (int p = 1; p < CONTOUR_PARTS && rc == 0; p++)
        rc = append(out, out->part[p - 1].seg, out->part[p - 1].count);
    return rc;
}

static int level_cmp(const void *a, const void *b)
{
    double x = ((const Level *)a)->v, y = ((const Level *)b)->v;
    return (x > y) - (x < y);
}

/* Returns 1 when the n levels are ascending and none is NaN. */
static int ascending(const double *lv, int n)
{
    for (int k = 0; k < n; k++)
        if (isnan(lv[k]) || (k > 0 && lv[k] < lv[k - 1])) return 0;
    return 1;
}

/* Traces against a sorted copy of levels in any order (NaN levels dropped), then
 * maps the segments' level indices back. Returns 0, or -1 when memory runs out. */
static int trace_sorted_copy(ContourSet *out, const double *v, int w, int h,
                             const double *levels, int nlevels)
{
    /* One block: the (value, index) pairs, then the sorted values. */
    Level *lev = malloc((size_t)nlevels * (sizeof(Level) + sizeof(double)));
    if (!lev) return -1;
    double *sorted = (double *)(lev + nlevels);
    int n = 0;
    for (int k = 0; k < nlevels; k++)
        if (!isnan(levels[k])) lev[n++] = (Level){levels[k], k};
    qsort(lev, (size_t)n, sizeof *lev, level_cmp);
    for (int k = 0; k < n; k++)
        sorted[k] = lev[k].v;
    int rc = trace(out, v, w, h, sorted, n);
    for (int s = 0; s < out->count; s++)
        out->seg[s].level = lev[out->seg[s].level].i;
    free(lev);
    return rc;
}

/* Traces the iso-lines of the w x h grid v (row-major, v[j*w + i]) at each of the
 * `nlevels` levels (ascending is fastest; any order works, NaN levels give nothing)
 * into `out`, replacing its contents and keeping its capacity. Returns the segment
 * count, or -1 when memory runs out (out->count is then 0). w or h < 2 gives 0. */
int contour_trace(ContourSet *out, const double *v, int w, int h, const double *levels,
                  int nlevels)
{
    assert(out && (nlevels <= 0 || levels) && (w < 2 || h < 2 || v));
    out->count = 0;
    if (w < 2 || h < 2 || nlevels <= 0) return 0;
    int rc = ascending(levels, nlevels)
                 ? trace(out, v, w, h, levels, nlevels)
                 : trace_sorted_copy(out, v, w, h, levels, nlevels);
    if (rc < 0) out->count = 0;
    return rc < 0 ? -1 : out->count;
}

/* Frees the segments of cs and zeroes it; a zeroed set is a no-op. */
void contour_free(ContourSet *cs)
{
    if (!cs) return;
    for (int p = 0; cs->part && p < CONTOUR_PARTS - 1; p++)
        free(cs->part[p].seg);
    free(cs->part);
    free(cs->seg);
    *cs = (ContourSet){0};
}
