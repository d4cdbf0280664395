/* Colour maps: names, entries and look-up of the published 256-entry tables.
 * The tables themselves (floats as published and packed ARGB8888) are generated
 * into cmap_tables.c by scripts/gen_cmaps.sh, so nothing here is computed at run
 * time and nothing is mutable. The heat-map reads cmap_lut; widgets cmap_color. */
#include "cmap.h"

#include <assert.h>
#include <string.h>

#include "cmap_tables.h"

#define CMAP_N 256 /* entries per map */

static int valid(CmapKind k)
{
    return (unsigned)k < CMAP_COUNT;
}

/* Returns the lower-case name of a colour map ("viridis"), or "?" out of range. */
const char *cmap_name(CmapKind k)
{
    return valid(k) ? cmap_tables[k].name : "?";
}

/* Returns the CmapKind named `name` (exact, lower case), or -1 when there is none
 * or `name` is NULL. */
int cmap_find(const char *name)
{
    if (!name) return -1;
    for (int k = 0; k < CMAP_COUNT; k++)
        if (strcmp(name, cmap_tables[k].name) == 0) return k;
    return -1;
}

/* Returns entry i (0..255) of map k as 8-bit sRGB, rounded from the published
 * floating-point table; alpha 255. k and i out of range are bugs (assert). */
Color cmap_entry(CmapKind k, int i)
{
    assert(valid(k) && i >= 0 && i < CMAP_N);
    uint32_t p = cmap_tables[k].argb[i];
    return (Color){(unsigned char)(p >> 16), (unsigned char)(p >> 8), (unsigned char)p,
                   (unsigned char)(p >> 24)};
}

/* Writes entry i (0..255) of map k as the published r, g, b in [0, 1] to rgb. */
void cmap_entry_f(CmapKind k, int i, double rgb[3])
{
    assert(valid(k) && i >= 0 && i < CMAP_N && rgb);
    memcpy(rgb, cmap_tables[k].rgb[i], 3 * sizeof(double));
}

/* Returns the colour of t in [0, 1] by nearest entry: t is clamped, NaN gives
 * entry 0. */
Color cmap_color(CmapKind k, double t)
{
    /* !(t > 0) also catches NaN, which must not reach the int conversion. */
    int i = !(t > 0) ? 0 : t >= 1 ? CMAP_N - 1 : (int)(t * (CMAP_N - 1) + 0.5);
    return cmap_entry(k, i);
}

/* Returns map k's 256 colours packed as 0xAARRGGBB (alpha 255); static and
 * read-only, valid for the life of the program. */
const uint32_t *cmap_lut(CmapKind k)
{
    assert(valid(k));
    return cmap_tables[k].argb;
}
