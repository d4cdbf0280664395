/* Marching squares: iso-lines of a sampled scalar grid at several levels in one
 * pass. Segments are in grid coordinates: sample (i, j) sits at (i, j). */
#ifndef LOSSCAPE_CONTOUR_H
#define LOSSCAPE_CONTOUR_H

typedef struct {
    float x0, y0, x1, y1; /* grid coordinates (column, row) */
    int level;            /* index into the levels array */
} ContourSeg;

#define CONTOUR_PARTS 8 /* bands of cell rows traced in parallel */

/* A growable list of segments. Zero-initialise; contour_free releases it. */
typedef struct ContourSet {
    ContourSeg *seg;         /* owned */
    int count;               /* segments in use */
    int cap;                 /* allocated */
    struct ContourSet *part; /* owned: CONTOUR_PARTS - 1 lists, bands 1.. while traced */
} ContourSet;

/* Traces the iso-lines of the w x h grid v (row-major, v[j*w + i]) at each of the
 * `nlevels` levels into `out` (its previous contents are replaced; capacity is
 * kept and grown as needed). Cells with a non-finite corner are skipped. Saddle
 * cells are resolved by the mean of the four corners, so lines never cross and
 * every line is closed or ends on the border. The segments come cell row by cell
 * row, j ascending, the same for any number of threads (OpenMP over bands of
 * rows). Returns the segment count, or -1 when memory runs out (out->count is
 * then 0). */
int contour_trace(ContourSet *out, const double *v, int w, int h, const double *levels,
                  int nlevels);

/* Frees the segments of `cs` and zeroes it; a zeroed set is a no-op. */
void contour_free(ContourSet *cs);

#endif
