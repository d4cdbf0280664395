/* The colours and sizes of the interface, chosen for a projector: dark text on a
 * light background, one blue accent. Sizes are in pixels at scale 1. */
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

static const Color THEME_BG = {255, 255, 255, 255};       /* figure background */
static const Color THEME_PANEL = {240, 241, 244, 255};    /* side panel */
static const Color THEME_INK = {25, 27, 32, 255};         /* text */
static const Color THEME_MUTED = {90, 95, 105, 255};      /* secondary text */
static const Color THEME_LINE = {190, 194, 202, 255};     /* borders, tracks */
static const Color THEME_FACE = {255, 255, 255, 255};     /* button face */
static const Color THEME_HOVER = {225, 233, 250, 255};    /* hovered face */
static const Color THEME_ACCENT = {38, 99, 220, 255};     /* knobs, selection */
static const Color THEME_ACCENT_INK = {255, 255, 255, 255};
static const Color THEME_BAD = {200, 30, 30, 255};        /* errors, divergence */
static const Color THEME_GOOD = {20, 130, 60, 255};       /* convergence */
static const Color THEME_SHADE = {0, 0, 0, 170};          /* help overlay */

#endif
