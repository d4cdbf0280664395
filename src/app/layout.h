/* Where everything is in the window: the canvas (figure) on the left, the side
 * panel's widgets on the right, the status line at the bottom. A table of widget
 * rows; `losscape layout` prints the same rectangles as JSON. */
#ifndef LOSSCAPE_LAYOUT_H
#define LOSSCAPE_LAYOUT_H

#include "core/geom.h"
#include "core/view.h"

typedef enum {
    W_SURFACE, W_OPTIMIZER, W_LR, W_SPEED, W_LEVELS, W_MODE, W_COLORMAP,
    W_PLAY, W_STEP, W_RESET, W_CLEAR, W_COUNT
} WidgetId;

typedef struct {
    Rect canvas;        /* the figure's area */
    Rect plot;          /* the part of the canvas that maps to the view */
    Rect panel;         /* the side panel */
    Rect status;        /* the status line */
    Rect widget[W_COUNT];
    Rect label[W_COUNT]; /* caption row above a widget (empty for buttons) */
    Rect info;          /* the panel's free area below the widgets: paths, notes */
} Layout;

/* Computes the layout of a w x h window (pixels) at `scale` (high-DPI times text
 * size) for view v (the plot keeps the view's aspect ratio). */
Layout layout_compute(int w, int h, double scale, View v);

/* Returns the test-visible name of widget i ("surface", "lr", ...). */
const char *layout_name(WidgetId i);

#endif
