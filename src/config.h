/* Defaults, each with its range. Everything a user can set starts here. */
#ifndef LOSSCAPE_CONFIG_H
#define LOSSCAPE_CONFIG_H

#define CFG_VERSION "0.1.0"

#define CFG_SURFACE "himmelblau" /* surface shown at start */
#define CFG_WIN_W 1280           /* window width  [320..8192] */
#define CFG_WIN_H 800            /* window height [240..8192] */
#define CFG_RENDER_W 1000        /* `render` image width  [64..8192] */
#define CFG_RENDER_H 750         /* `render` image height [64..8192] */
#define CFG_MAX_SIDE 8192        /* images and windows, pixels a side */

#define CFG_LR 0.01              /* learning rate (0..inf); slider 1e-5..10 */
#define CFG_LR_MIN 1e-5          /* learning-rate slider, low end */
#define CFG_LR_MAX 10.0          /* learning-rate slider, high end */
#define CFG_LR_KEY_FACTOR 1.7782794100389228 /* [ and ]: 10^(1/4) */

#define CFG_SPEED 100.0          /* animation, steps per second [1..2000] */
#define CFG_SPEED_MIN 1.0
#define CFG_SPEED_MAX 2000.0

#define CFG_LEVELS 20            /* contour levels [1..100] */
#define CFG_LEVELS_MIN 1
#define CFG_LEVELS_MAX 100

#define CFG_WINDOW_STEPS 5000    /* steps precomputed for a path in the window [1..1e7] */
#define CFG_TRACE_STEPS 100      /* `trace` and `render` --steps default [0..1e7] */
#define CFG_MAX_STEPS 10000000   /* most steps any command accepts */
#define CFG_MAX_STARTS 256       /* most start points */

#define CFG_FRAME_MS 16.0       /* shortest frame while animating, ms [8..50] */
#define CFG_DRAG_INK 0.5        /* chaotic paths' ink while a widget is dragged, in plots
                                 * (PLOT_INK at rest) [0.1..1]: a cheaper frame */
#define CFG_MAX_ZOOM_OUT 8.0     /* widest view, times the surface's own [1..64] */
#define CFG_ZOOM_STEP 0.85       /* view scale per wheel notch [0.5..0.95] */

#endif
