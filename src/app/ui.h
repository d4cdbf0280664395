/* Immediate-mode widgets. The panel calls the same widget functions twice: once
 * per input event with ui->cv == NULL (the widgets change the values the caller
 * owns and report it), and once per frame with a canvas (they draw themselves).
 * No SDL here: input arrives as UiInput, text goes through gfx/text. */
#ifndef LOSSCAPE_UI_H
#define LOSSCAPE_UI_H

#include "core/canvas.h"
#include "app/theme.h"
#include "gfx/text.h"

typedef struct {
    double x, y;     /* mouse position, pixels */
    int pressed;     /* left button went down in this event */
    int released;    /* left button went up in this event */
    int down;        /* left button is held */
} UiInput;

#define UI_MAX_ITEMS 64 /* most items in a drop-down */

typedef struct {
    UiInput in;       /* the event being handled (or the hover state when drawing) */
    Canvas *cv;       /* NULL in the event pass, the target in the draw pass */
    Text *text;       /* fonts for the draw pass */
    double scale;     /* sizes multiply by this (high-DPI, text size) */
    const Theme *pal; /* colours */
    int active;       /* id of the widget being dragged, 0 for none */
    int open;         /* id of the open drop-down, 0 for none */
    Rect popup;       /* the open drop-down's list, pixels */
    int popup_n;      /* its items */
    int popup_pick;   /* item picked in the popup by this event, -1 for none */
    const char *popup_items[UI_MAX_ITEMS]; /* the items (static strings), for drawing */
    int popup_sel;    /* the selected item, for drawing */
    int consumed;     /* the event was taken by a widget */
    int bottom;       /* lowest pixel row a drop-down list may reach (0: no limit) */
} Ui;

/* Starts a pass: with cv NULL an event pass for input `in`, else a draw pass in
 * the colours of pal. A
 * press while a drop-down is open is taken by its list (or closes it). */
void ui_begin(Ui *ui, UiInput in, Canvas *cv, Text *text, double scale, const Theme *pal);

/* Ends a pass; in the draw pass draws the open drop-down's list on top. */
void ui_end(Ui *ui);

/* A push button; `on` draws it highlighted. Returns 1 when pressed in this event. */
int ui_button(Ui *ui, Rect r, const char *label, int on);

/* A horizontal slider editing *t in [0, 1]. Returns 1 when *t changed. */
int ui_slider(Ui *ui, int id, Rect r, double *t);

/* A drop-down choosing *sel among n items (at most UI_MAX_ITEMS, strings that
 * outlive the frame). Returns 1 when *sel changed. */
int ui_dropdown(Ui *ui, int id, Rect r, const char *const *items, int n, int *sel);

/* A row of n toggle buttons of which *sel is on. Returns 1 when *sel changed. */
int ui_segmented(Ui *ui, Rect r, const char *const *items, int n, int *sel);

/* Draws a label in the draw pass (no-op in the event pass); align 0 left, 1 right,
 * 2 centre within r's width; returns the width drawn. */
int ui_label(Ui *ui, Rect r, const char *s, int size, int bold, Color col, int align);

/* Returns 1 when point (x, y) lies inside r. */
int ui_inside(Rect r, double x, double y);

#endif
