/* Text: UTF-8 strings drawn into a canvas with SDL2_ttf, at any pixel size, with a
 * cache of rendered strings so a frame that redraws the same labels is cheap. */
#ifndef LOSSCAPE_TEXT_H
#define LOSSCAPE_TEXT_H

#include "core/canvas.h"

typedef struct Text Text;

/* Opens the regular and bold fonts at the given paths. Returns a new Text (free
 * with text_free), or NULL with a message in err (size n). Needs TTF_Init. */
Text *text_new(const char *regular, const char *bold, char *err, int n);

/* Frees t and its cache; NULL is a no-op. */
void text_free(Text *t);

/* Returns the width in pixels of s at pixel size `size` (bold when nonzero). */
int text_width(Text *t, const char *s, int size, int bold);

/* Returns the line height in pixels at `size`. */
int text_height(Text *t, int size);

/* Draws s with its top-left at (x, y) in colour col; returns its width. */
int text_draw(Text *t, Canvas *c, int x, int y, const char *s, int size, int bold,
              Color col);

/* Returns the directory holding the fonts, scenes and icon: $LOSSCAPE_ASSETS, or
 * assets/ beside the program's build directory, or PREFIX/share/losscape.
 * The string is owned by the caller (free it). */
char *text_assets_dir(void);

#endif
