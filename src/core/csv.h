/* The trace CSV (DESIGN section 3): `path,optimizer,step,x,y,loss,gx,gy`, numbers
 * %.17g, every NaN written "nan". `trace` streams it; the window's Ctrl+E writes
 * its paths the same way. */
#ifndef LOSSCAPE_CSV_H
#define LOSSCAPE_CSV_H

#include <stdio.h>

#include "traj.h"

/* The header line, without its newline. */
#define CSV_TRACE_HEADER "path,optimizer,step,x,y,loss,gx,gy"

/* Writes v as %.17g (every NaN as "nan") followed by the character sep. */
void csv_number(FILE *f, double v, char sep);

/* Writes one row for point p, step `step` of path `path` run by `optimizer`. */
void csv_write_point(FILE *f, int path, const char *optimizer, long step, const TrajPoint *p);

#endif
