/* The heat-map: a sampled field coloured through a colour map on a value scale,
 * hatched where the surface is undefined. */
#ifndef LOSSCAPE_HEAT_H
#define LOSSCAPE_HEAT_H

#include "canvas.h"
#include "cmap.h"
#include "field.h"
#include "view.h"

/* Colours field f into area r of cv (clipped; sample (i, j) is pixel (r.x + i,
 * r.y + j)): a finite value v takes entry k of map `cmap`, k the number of the
 * 255 steps view_unit_value(sc, (k + 0.5) / 255) at or below v, exactly; a
 * non-finite one a grey two-tone hatch. OpenMP over rows. */
void heat_draw(Canvas *cv, Rect r, const Field *f, ValueScale sc, CmapKind cmap);

/* Samples s over view v into f at r.w x r.h (field_sample) and colours it into
 * area r of cv as heat_draw(cv, r, f, {f->vmin, f->vmax, log}, cmap) would, each
 * row by the thread that sampled it, in the same parallel region. Returns 0, or
 * -1 when memory runs out (nothing drawn). */
int heat_sample(Canvas *cv, Rect r, Field *f, const Surface *s, View v, int log,
                CmapKind cmap);

/* The loops a heat-map can be coloured with, narrowest first; each gives the same
 * pixels. */
typedef enum { HEAT_ISA_SCALAR, HEAT_ISA_AVX2, HEAT_ISA_AVX512 } HeatIsa;

/* Lets the heat-maps drawn from now on use loops up to `max` only (all, at start;
 * for tests and measurements, not to be called while one is drawn). Returns the
 * widest this processor runs. */
HeatIsa heat_limit_isa(HeatIsa max);

#endif
