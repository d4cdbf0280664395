/* PNG output: wraps the canvas pixels in an SDL surface (no copy), converts to
 * 24-bit RGB and saves through a temporary file and a rename. */
#include "image.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int image_save_png(const Canvas *c, const char *path, char *err, int n)
{
    char tmp[4096];
    int rc = -1;
    SDL_Surface *rgb = NULL;
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormatFrom(
        c->px, c->w, c->h, 32, c->stride * 4, SDL_PIXELFORMAT_ARGB8888);
    if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld.png", path, (long)getpid()) >=
        (int)sizeof tmp) {
        snprintf(err, n, "%s: cannot write: path too long", path);
        goto done;
    }
    if (!src || !(rgb = SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_RGB24, 0))) {
        snprintf(err, n, "%s: cannot write: %s", path, SDL_GetError());
        goto done;
    }
    if (IMG_SavePNG(rgb, tmp) != 0) {
        snprintf(err, n, "%s: cannot write: %s", path, IMG_GetError());
        remove(tmp);
        goto done;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, n, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
        goto done;
    }
    rc = 0;
done:
    SDL_FreeSurface(rgb);
    SDL_FreeSurface(src);
    return rc;
}
