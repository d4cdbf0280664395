/* The window: an SDL window whose whole content is one canvas of pixels we draw
 * ourselves, streamed into a texture each frame. High-DPI aware: the canvas has
 * the drawable's pixel size, and window_scale converts window coordinates. */
#ifndef LOSSCAPE_WINDOW_H
#define LOSSCAPE_WINDOW_H

#include "core/canvas.h"

typedef struct Window Window;

/* Opens a resizable, high-DPI window of w x h window units. Returns NULL with a
 * message in err (size n) on failure. Needs SDL_Init(SDL_INIT_VIDEO). */
Window *window_new(const char *title, int w, int h, int fullscreen, char *err, int n);

/* Closes the window; NULL is a no-op. */
void window_free(Window *win);

/* Returns a canvas over the window's pixels at the drawable's size, reallocated
 * after a resize. Returns 0, or -1 when memory runs out. */
int window_canvas(Window *win, Canvas *out);

/* Returns drawable pixels per window unit (1 normally, 2 on a high-DPI screen). */
double window_scale(Window *win);

/* Shows the canvas last returned by window_canvas. */
void window_present(Window *win);

/* Sets the title bar text (UTF-8). */
void window_set_title(Window *win, const char *title);

/* Sets the window's icon from a PNG file; returns 0, or -1 (the icon is optional). */
int window_set_icon(Window *win, const char *png);

/* Toggles fullscreen (desktop resolution). */
void window_toggle_fullscreen(Window *win);

/* Chooses the renderer once (later calls return 0 at once): unless
 * LOSSCAPE_RENDERER decides, asks OpenGL whether it runs on a GPU (~50 ms; call it
 * after the first frame) and, if so, presents the canvas a few times with the
 * software and the accelerated renderer and keeps the faster (the canvas is shown
 * unchanged meanwhile). Returns 0 when the renderer stayed, 1 when it may have
 * changed (the next window_canvas makes a new texture: draw before the next
 * present), -1 when no renderer could be made any more (a start-up failure). */
int window_choose(Window *win);

/* Returns the name of the renderer in use ("software", "opengl", ...). */
const char *window_renderer(Window *win);

/* Writes into buf (n bytes) and returns why the renderer is the one in use, as
 * --stats prints it: "renderer_choice=measured present_software=1.02
 * present_accelerated=12.31 accelerated=opengl" (median presents, ms) when both
 * were timed, else renderer_choice=LOSSCAPE_RENDERER, =no_gpu (OpenGL named a CPU
 * rasteriser, or no render node) or =not_yet. */
const char *window_choice(Window *win, char *buf, int n);

#endif
