/* Text: UTF-8 strings drawn into a canvas with SDL2_ttf, at any pixel size, with a
 * cache of rendered strings so a frame that redraws the same labels is cheap. */
#ifndef LOSSCAPE_TEXT_H
#define LOSSCAPE_TEXT_H

#include "core/canvas.h"

typedef struct Text Text;

/* Opens the regular and bold fonts at the given paths. Returns a new Text (free
 * with text_free), or NULL with a message in err (size n). Needs TTF_Init. */
Text *text_new(const char *regular, const char *bold, char *err, int n);

/* Opens the fonts shipped in the assets directory (DejaVu Sans, regular and bold).
 * Returns a new Text, or NULL with a message in err (size n). */
Text *text_open_shipped(char *err, int n);

/* Frees t and its cache; NULL is a no-op. */
void text_free(Text *t);

/* Returns the width in pixels of s at pixel size `size` (bold when nonzero). */
int text_width(Text *t, const char *s, int size, int bold);

/* Returns the line height in pixels at `size`. */
int text_height(Text *t, int size);

/* Draws s with its top-left at (x, y) in colour col; returns its width. */
int text_draw(Text *t, Canvas *c, int x, int y, const char *s, int size, int bold,
              Color col);

/* Sets the font for strings with CJK characters (from U+2E80 on), which the
 * regular and bold fonts lack; such strings are drawn wholly in it. Returns 0, or -1
 * (nothing changed) when path is NULL or cannot be opened. */
int text_set_fallback(Text *t, const char *path);

/* Returns the first code point of s that the font s is drawn with lacks (it would
 * show as a box), or 0 when every one is provided. */
unsigned text_missing(Text *t, const char *s, int size);

/* Returns the path of an installed CJK font ($LOSSCAPE_CJK_FONT, then Debian's
 * fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk), or NULL. Static storage. */
const char *text_find_cjk(void);

/* Returns the directory holding the fonts, scenes and icon: $LOSSCAPE_ASSETS, or
 * assets/ beside the program's build directory, or PREFIX/share/losscape.
 * The string is owned by the caller (free it). */
char *text_assets_dir(void);

#endif
