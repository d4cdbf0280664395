/* Pixels the caller owns, and the primitives everything is drawn with: fills,
 * anti-aliased lines, discs, rings and crosses, alpha masks (text glyphs).
 * Pixels are ARGB8888 (0xAARRGGBB) in native byte order. */
#ifndef LOSSCAPE_CANVAS_H
#define LOSSCAPE_CANVAS_H

#include <stdint.h>

#include "geom.h"

typedef struct {
    uint32_t *px; /* caller-owned, h rows of `stride` pixels */
    int w, h;     /* size in pixels */
    int stride;   /* pixels per row, >= w */
    Rect clip;    /* drawing is limited to this rectangle (set by canvas_init) */
} Canvas;

/* Returns a canvas over caller-owned pixels, clip = the whole canvas. */
Canvas canvas_init(uint32_t *px, int w, int h, int stride);

/* Sets the clip rectangle (intersected with the canvas); returns the previous. */
Rect canvas_set_clip(Canvas *c, Rect r);

/* Packs a colour as ARGB8888. */
uint32_t canvas_pack(Color col);

/* Unpacks an ARGB8888 pixel. */
Color canvas_unpack(uint32_t p);

/* Fills rectangle r (clipped) with col blended by its alpha. */
void canvas_fill_rect(Canvas *c, Rect r, Color col);

/* Draws the outline of r, `t` pixels thick, inside r. */
void canvas_stroke_rect(Canvas *c, Rect r, int t, Color col);

/* Draws an anti-aliased line of width `width` pixels from (x0,y0) to (x1,y1)
 * (continuous pixel coordinates) with round caps. */
void canvas_line(Canvas *c, double x0, double y0, double x1, double y1, double width,
                 Color col);

/* Draws an anti-aliased filled disc of radius r centred at (cx, cy). */
void canvas_disc(Canvas *c, double cx, double cy, double r, Color col);

/* Draws an anti-aliased ring (circle outline) of radius r and width `width`. */
void canvas_ring(Canvas *c, double cx, double cy, double r, double width, Color col);

/* Draws an anti-aliased "x" of half-size r and line width `width`. */
void canvas_cross(Canvas *c, double cx, double cy, double r, double width, Color col);

/* Draws an anti-aliased arrow from (x0,y0) to (x1,y1): a line of width `width`
 * and two head strokes `head` pixels long (shorter arrows get shorter heads). */
void canvas_arrow(Canvas *c, double x0, double y0, double x1, double y1, double width,
                  double head, Color col);

/* Blends colour col through an 8-bit coverage mask (w x h, `pitch` bytes a row)
 * with its top-left at pixel (x, y). Used for text glyphs. */
void canvas_blend_mask(Canvas *c, int x, int y, const uint8_t *mask, int w, int h,
                       int pitch, Color col);

#endif
