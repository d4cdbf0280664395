/* PNG files of a canvas, through SDL2_image; written to a temporary name and
 * renamed, so a failed write leaves nothing behind. */
#ifndef LOSSCAPE_IMAGE_H
#define LOSSCAPE_IMAGE_H

#include "core/canvas.h"

/* Writes canvas c as an opaque RGB PNG at path. Returns 0, or -1 with
 * "PATH: cannot write: REASON" in err (size n); no file is left on failure. */
int image_save_png(const Canvas *c, const char *path, char *err, int n);

#endif
