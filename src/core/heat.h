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

#endif
