/* Colour maps: the published 256-entry tables (matplotlib's viridis, magma,
 * inferno, plasma, cividis, turbo) and a linear gray ramp. */
#ifndef LOSSCAPE_CMAP_H
#define LOSSCAPE_CMAP_H

#include <stdint.h>

#include "geom.h"

typedef enum {
    CMAP_VIRIDIS,
    CMAP_MAGMA,
    CMAP_INFERNO,
    CMAP_PLASMA,
    CMAP_CIVIDIS,
    CMAP_TURBO,
    CMAP_GRAY,
    CMAP_COUNT
} CmapKind;

/* Returns the lower-case name of a colour map ("viridis"), or "?" out of range. */
const char *cmap_name(CmapKind k);

/* Returns the CmapKind named `name`, or -1 when there is none. */
int cmap_find(const char *name);

/* Returns entry i (0..255) of map k as 8-bit sRGB, rounded from the published
 * floating-point table; alpha 255. */
Color cmap_entry(CmapKind k, int i);

/* Returns entry i of map k as the published floating-point r, g, b in [0, 1]. */
void cmap_entry_f(CmapKind k, int i, double rgb[3]);

/* Returns the colour of t in [0, 1] (clamped; NaN gives entry 0) by nearest entry. */
Color cmap_color(CmapKind k, double t);

/* Returns a pointer to map k's 256 colours packed as 0xAARRGGBB (ARGB8888, alpha
 * 255), for fast per-pixel look-up. The table is static and read-only. */
const uint32_t *cmap_lut(CmapKind k);

#endif
