/* Rows of the trace CSV: one formatting routine, so that `trace` and the
 * window's export write byte-identical numbers. */
#include "csv.h"

#include <math.h>

/* Writes v as %.17g (NaN as "nan": glibc would write "-nan" for some) and sep. */
static void num(FILE *f, double v, char sep)
{
    if (isnan(v))
        fprintf(f, "nan%c", sep);
    else
        fprintf(f, "%.17g%c", v, sep);
}

void csv_write_point(FILE *f, int path, const char *optimizer, long step, const TrajPoint *p)
{
    fprintf(f, "%d,%s,%ld,", path, optimizer, step);
    num(f, p->x, ',');
    num(f, p->y, ',');
    num(f, p->loss, ',');
    num(f, p->gx, ',');
    num(f, p->gy, '\n');
}
