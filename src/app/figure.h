/* The figure: everything the window's canvas shows and `render` saves — the
 * formula as title, the plot (heat-map, contours, paths), axes with nice ticks and
 * the parameter names, and the colour bar. One function draws it for both. */
#ifndef LOSSCAPE_FIGURE_H
#define LOSSCAPE_FIGURE_H

#include "core/plot.h"
#include "app/theme.h"
#include "gfx/text.h"

typedef struct {
    const Surface *surface;   /* what is drawn */
    View view;                /* the parameter rectangle shown */
    const PlotStyle *style;   /* mode, colour map, levels, log */
    PlotCache *cache;         /* field and contours, updated as needed */
    const PlotPath *paths;    /* paths to draw, may be NULL */
    int npaths;
    const char *const *labels; /* per path, a short status drawn at its end; may be NULL */
    double scale;             /* sizes multiply by this */
    int lang;                 /* LANG_EN (0) or LANG_ZH: the words of the labels */
    const Theme *pal;         /* colours; NULL: the light theme */
    double ink;               /* the paths' ink (plot_draw_paths); 0: PLOT_INK */
} Figure;

/* Returns the plot rectangle inside `area`: the margins for title, ticks and the
 * colour bar taken away, then shrunk and centred to the view's aspect ratio so one
 * unit of x is as long as one unit of y. */
Rect figure_plot_rect(Rect area, View view, double scale);

/* Draws figure f into rectangle `area` of c. Returns 0, or -1 when memory for the
 * field runs out (the area is then filled with the background). */
int figure_draw(Canvas *c, Rect area, Text *t, const Figure *f);

#endif
