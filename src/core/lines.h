/* Anti-aliased lines in bulk: the many short segments of contour lines drawn at
 * once, on all cores, exactly as canvas_line would draw them one after another. */
#ifndef LOSSCAPE_LINES_H
#define LOSSCAPE_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "canvas.h"

typedef struct {
    float x0, y0, x1, y1; /* end points in pixels (continuous: pixel i spans [i, i+1)) */
    int ink;              /* index of the segment's colour */
} LineSeg;

/* Memory kept from one batch to the next so that a frame does not allocate.
 * Zero-initialise; lines_free releases it. */
typedef struct {
    int *order;       /* segment indices grouped by band */
    size_t order_cap; /* allocated entries of order */
} Lines;

/* Draws seg[0..n-1] into c as canvas_line(c, x0, y0, x1, y1, width, ink[seg[k].ink])
 * for k = 0..n-1 in turn would, skipping segments whose ink is outside
 * 0..ninks-1. The clip is cut into horizontal bands drawn in parallel (OpenMP),
 * each by canvas_line clipped to it, with its segments in the caller's order, so
 * the pixels are those of the serial loop for any number of threads. Returns 0,
 * or -1 when memory for the scratch runs out (the segments are then drawn
 * serially). */
int lines_draw(Lines *l, Canvas *c, const LineSeg *seg, int n, double width,
               const Color *ink, int ninks);

/* Frees the scratch of l and zeroes it; a zeroed Lines is a no-op. */
void lines_free(Lines *l);

#endif
