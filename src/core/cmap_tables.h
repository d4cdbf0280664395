/* Private to cmap.c: the colour-map tables generated into cmap_tables.c by
 * scripts/gen_cmaps.sh. Read-only; indexed by CmapKind. */
#ifndef LOSSCAPE_CMAP_TABLES_H
#define LOSSCAPE_CMAP_TABLES_H

#include <stdint.h>

#include "cmap.h"

typedef struct {
    const char *name;       /* lower-case name, as cmap_find takes it */
    const double (*rgb)[3]; /* 256 published r, g, b in [0, 1] */
    const uint32_t *argb;   /* the same 256 packed 0xFFRRGGBB, round(x * 255) */
} CmapTable;

/* One row per CmapKind, in enum order. */
extern const CmapTable cmap_tables[CMAP_COUNT];

#endif
