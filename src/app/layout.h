/* Where everything is in the window: the figure on the left (with the loss or
 * sweep chart below it when one is shown), the side panel's widgets on the
 * right, the status line at the bottom. A table of widget rows, some shown only
 * for the optimiser or schedule that reads them; `losscape layout` prints the same
 * rectangles as JSON. */
#ifndef LOSSCAPE_LAYOUT_H
#define LOSSCAPE_LAYOUT_H

#include "core/geom.h"
#include "core/optim.h"
#include "core/view.h"

typedef enum {
    W_SURFACE, W_EXPR, W_OPTIMIZER, W_LR, W_MOMENTUM, W_ALPHA, W_BETA1, W_BETA2, W_EPS,
    W_SCHEDULE, W_DECAY, W_GRAD, W_H, W_BATCH, W_RACE, W_PLAY, W_STEP, W_RESET, W_CLEAR, W_RANDOM, W_ZERO, W_LESSONS, W_SPEED, W_LEVELS,
    W_MODE, W_COLORMAP, W_LOG, W_FIELD, W_BASINS, W_3D, W_CHART, W_LANG, W_COUNT
} WidgetId;

/* What the layout depends on besides the window size. */
typedef struct {
    int w, h;           /* window, pixels */
    double scale;       /* high-DPI times text size */
    View view;          /* the plot keeps its aspect ratio */
    OptimKind optimizer; /* its hyper-parameters get rows */
    SchedKind schedule; /* step and exp get a decay row */
    int samples;        /* data surfaces' n: they get a mini-batch row */
    int chart;          /* nonzero: a chart below the figure */
} LayoutIn;

typedef struct {
    Rect canvas;        /* the figure's area */
    Rect plot;          /* the part of the canvas that maps to the view */
    Rect chart;         /* the loss or sweep chart below the figure (empty: none) */
    Rect panel;         /* the side panel */
    Rect status;        /* the status line */
    Rect widget[W_COUNT]; /* empty (w = 0) when the widget is not shown */
    Rect label[W_COUNT]; /* its caption, left of it (empty for buttons) */
    Rect info;          /* the panel's free area below the widgets: paths, notes */
} Layout;

/* Computes the layout for `in`. */
Layout layout_compute(const LayoutIn *in);

/* Returns the test-visible name of widget i ("surface", "lr", ...). */
const char *layout_name(WidgetId i);

#endif
