/* Anti-aliased lines in bulk, for the contour lines of plot.c (~100k pieces a
 * pixel or two long at 1920x1080). The clip is cut into horizontal bands, the
 * segments are sorted into the bands their lines can touch (stably, so a band
 * keeps the caller's order), and each band is drawn by canvas_line clipped to it,
 * on its own thread. No pixel belongs to two bands, so the picture is the serial
 * one whatever the schedule. */
#include "lines.h"

#include <math.h>
#include <stdlib.h>

#include "canvas_impl.h"

#define LINES_BANDS  32 /* bands at most: enough to balance the cores */
#define LINES_CHUNKS 8  /* parts of the segment list sorted in parallel */

/* A batch being drawn: what every band reads. */
typedef struct {
    const LineSeg *seg;
    int n;
    Box k;         /* the clip */
    int kh;        /* its height */
    int shift, nb; /* bands are 1 << shift rows high; number of bands */
    float reach;   /* canvas_line's: coverage is 0 this far from a segment */
    int ninks;     /* colours given */
} Batch;

/* Writes the bands segment s can touch to *t0..*t1 (inclusive); returns 0 when
 * it draws nothing: a bad ink, a NaN height, or all of it above or below the
 * clip. The rows counted are those of canvas_line's box and one more each side. */
static int bands_of(const Batch *b, const LineSeg *s, int *t0, int *t1)
{
    if (s->ink < 0 || s->ink >= b->ninks) return 0;
    float lo = (s->y0 < s->y1 ? s->y0 : s->y1) - b->reach - (float)b->k.y0 - 1.0f;
    float hi = (s->y0 < s->y1 ? s->y1 : s->y0) + b->reach - (float)b->k.y0 + 1.0f;
    if (!(lo < (float)b->kh && hi > 0.0f)) return 0;
    *t0 = lo > 0.0f ? (int)lo >> b->shift : 0;
    *t1 = hi < (float)b->kh ? (int)hi >> b->shift : b->nb - 1;
    return 1;
}

/* Counts into count[t] the segments of chunk `ch` (of LINES_CHUNKS) in band t. */
static void count_chunk(const Batch *b, int ch, size_t *count)
{
    int t0, t1, i1 = (int)((long long)b->n * (ch + 1) / LINES_CHUNKS);
    for (int i = (int)((long long)b->n * ch / LINES_CHUNKS); i < i1; i++)
        if (bands_of(b, &b->seg[i], &t0, &t1))
            for (int t = t0; t <= t1; t++) count[t]++;
}

/* Writes the indices of chunk ch's segments of band t to order[at[t]++]. */
static void fill_chunk(const Batch *b, int ch, size_t *at, int *order)
{
    int t0, t1, i1 = (int)((long long)b->n * (ch + 1) / LINES_CHUNKS);
    for (int i = (int)((long long)b->n * ch / LINES_CHUNKS); i < i1; i++)
        if (bands_of(b, &b->seg[i], &t0, &t1))
            for (int t = t0; t <= t1; t++) order[at[t]++] = i;
}

/* Sorts the segments into bands: on return the indices of band t's segments are
 * order[start[t] .. start[t + 1] - 1], ascending. The segments are cut into
 * chunks counted and filled in parallel; chunk c's part of a band follows chunk
 * c - 1's. Returns -1 when memory runs out. */
static int sort_bands(Lines *l, const Batch *b, size_t start[LINES_BANDS + 1])
{
    size_t at[LINES_CHUNKS][LINES_BANDS] = {{0}};
#pragma omp parallel for schedule(static)
    for (int ch = 0; ch < LINES_CHUNKS; ch++) count_chunk(b, ch, at[ch]);
    start[0] = 0;
    for (int t = 0; t < b->nb; t++) {
        size_t sum = start[t];
        for (int ch = 0; ch < LINES_CHUNKS; ch++) {
            size_t k = at[ch][t];
            at[ch][t] = sum;
            sum += k;
        }
        start[t + 1] = sum;
    }
    if (start[b->nb] > l->order_cap) {
        int *o = realloc(l->order, start[b->nb] * sizeof *o);
        if (!o) return -1;
        l->order = o;
        l->order_cap = start[b->nb];
    }
#pragma omp parallel for schedule(static)
    for (int ch = 0; ch < LINES_CHUNKS; ch++) fill_chunk(b, ch, at[ch], l->order);
    return 0;
}

/* Draws band t's segments clipped to the band. */
static void draw_band(const Canvas *c, const Lines *l, const Batch *b,
                      const size_t *start, int t, double width, const Color *ink)
{
    Canvas bc = *c;
    int bh = 1 << b->shift;
    bc.clip.y = b->k.y0 + t * bh;
    bc.clip.h = b->k.y1 - bc.clip.y < bh ? b->k.y1 - bc.clip.y : bh;
    for (size_t j = start[t]; j < start[t + 1]; j++) {
        const LineSeg *s = &b->seg[l->order[j]];
        canvas_line(&bc, s->x0, s->y0, s->x1, s->y1, width, ink[s->ink]);
    }
}

int lines_draw(Lines *l, Canvas *c, const LineSeg *seg, int n, double width,
               const Color *ink, int ninks)
{
    Batch b = {seg, n, clip_box(c), 0, 0, 0, 0.0f, ninks};
    int kh = b.kh = b.k.y1 - b.k.y0;
    b.reach = (float)(0.5 * fmin(width, LINE_MAX_WIDTH) + 0.5);
    if (n <= 0 || !(width > 0.0) || b.k.x0 >= b.k.x1 || kh <= 0) return 0;
    /* a power of two high, so that finding a segment's bands needs no division */
    while ((kh - 1) >> b.shift >= LINES_BANDS) b.shift++;
    b.nb = ((kh - 1) >> b.shift) + 1;
    size_t start[LINES_BANDS + 1];
    if (sort_bands(l, &b, start) != 0) {
        for (int i = 0; i < n; i++)
            if (seg[i].ink >= 0 && seg[i].ink < ninks)
                canvas_line(c, seg[i].x0, seg[i].y0, seg[i].x1, seg[i].y1, width,
                            ink[seg[i].ink]);
        return -1;
    }
#pragma omp parallel for schedule(dynamic, 1)
    for (int t = 0; t < b.nb; t++) draw_band(c, l, &b, start, t, width, ink);
    return 0;
}

void lines_free(Lines *l)
{
    if (!l) return;
    free(l->order);
    *l = (Lines){0};
}
