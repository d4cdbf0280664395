/* Rows of the trace CSV: one formatting routine, so that `trace` and the
 * window's export write byte-identical numbers. */
#include "csv.h"

#include <math.h>

void csv_number(FILE *f, double v, char sep)
{
    /* glibc would write "-nan" for some NaNs */
    if (isnan(v))
        fprintf(f, "nan%c", sep);
    else
        fprintf(f, "%.17g%c", v, sep);
}

void csv_write_point(FILE *f, int path, const char *optimizer, long step, const TrajPoint *p)
{
    fprintf(f, "%d,%s,%ld,", path, optimizer, step);
    csv_number(f, p->x, ',');
    csv_number(f, p->y, ',');
    csv_number(f, p->loss, ',');
    csv_number(f, p->gx, ',');
    csv_number(f, p->gy, '\n');
}
