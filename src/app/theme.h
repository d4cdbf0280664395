/* The interface's looks: sizes in pixels at scale 1, and two colour themes chosen
 * for a projector — "light" (dark text on white, one blue accent) and "contrast"
 * (white and yellow on black, heavier lines) for a dim room or the back row. The
 * App holds the theme in use; T or --theme switches. */
#ifndef LOSSCAPE_THEME_H
#define LOSSCAPE_THEME_H

#include "core/geom.h"

#define THEME_TEXT 15        /* body text size */
#define THEME_SMALL 13       /* tick labels, hints */
#define THEME_TITLE 18       /* the formula above the plot */
#define THEME_PANEL_W 320    /* side panel width */
#define THEME_STATUS_H 30    /* status line height */
#define THEME_ROW 27        /* widget height */
#define THEME_PAD 12         /* spacing */

typedef enum { THEME_LIGHT, THEME_CONTRAST, THEME_COUNT } ThemeKind;

typedef struct {
    const char *name;  /* "light", "contrast" */
    Color bg;          /* figure background */
    Color panel;       /* side panel */
    Color ink;         /* text, axes */
    Color muted;       /* secondary text */
    Color line;        /* borders, tracks */
    Color face;        /* button face */
    Color hover;       /* hovered face */
    Color accent;      /* knobs, selection */
    Color accent_ink;  /* text on the accent */
    Color bad;         /* errors, divergence */
    Color good;        /* convergence */
    Color shade;       /* behind the help overlay */
    double weight;     /* paths, contours and markers are this much heavier, >= 1 */
} Theme;

/* Returns theme k (THEME_LIGHT for anything out of range). */
const Theme *theme_get(int k);

/* Returns the ThemeKind named "light" or "contrast", or -1. */
int theme_find(const char *name);

/* Returns c with its alpha replaced by a (0..255). */
Color theme_alpha(Color c, int a);

#endif
