/* Small value types shared by every layer: points in parameter space, pixel
 * rectangles and colours. Passed by value. */
#ifndef LOSSCAPE_GEOM_H
#define LOSSCAPE_GEOM_H

typedef struct {
    double x, y; /* parameter space unless a comment says pixels */
} Vec2;

typedef struct {
    int x, y, w, h; /* pixels, origin top-left */
} Rect;

typedef struct {
    unsigned char r, g, b, a;
} Color;

#endif
