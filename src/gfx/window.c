/* The window and the way pixels reach it: a renderer with one ARGB8888 streaming
 * texture, refreshed from a canvas we own. The software renderer is chosen by
 * default because on machines without a GPU (Mesa's llvmpipe) the OpenGL one
 * costs ~12 ms a present at 1920x1080 against ~1 ms; LOSSCAPE_RENDERER=accelerated
 * picks SDL's default instead. */
#include "window.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Window {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    uint32_t *px;  /* canvas pixels, w x h */
    int w, h;      /* drawable size in pixels */
    SDL_RendererInfo info;
};

Window *window_new(const char *title, int w, int h, int fullscreen, char *err, int n)
{
    Window *win = calloc(1, sizeof *win);
    const char *pick = getenv("LOSSCAPE_RENDERER");
    int accel = pick && strcmp(pick, "accelerated") == 0;
    if (!win) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    win->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                h, flags);
    if (!win->win) goto fail;
    if (!accel) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    win->ren = SDL_CreateRenderer(win->win, -1, accel ? 0 : SDL_RENDERER_SOFTWARE);
    if (!win->ren) win->ren = SDL_CreateRenderer(win->win, -1, 0);
    if (!win->ren) goto fail;
    SDL_GetRendererInfo(win->ren, &win->info);
    return win;
fail:
    snprintf(err, n, "cannot open the window: %s", SDL_GetError());
    window_free(win);
    return NULL;
}

void window_free(Window *win)
{
    if (!win) return;
    if (win->tex) SDL_DestroyTexture(win->tex);
    if (win->ren) SDL_DestroyRenderer(win->ren);
    if (win->win) SDL_DestroyWindow(win->win);
    free(win->px);
    free(win);
}

int window_canvas(Window *win, Canvas *out)
{
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(win->ren, &w, &h);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    if (w != win->w || h != win->h || !win->px) {
        uint32_t *px = realloc(win->px, (size_t)w * h * sizeof *px);
        SDL_Texture *tex = SDL_CreateTexture(win->ren, SDL_PIXELFORMAT_ARGB8888,
                                             SDL_TEXTUREACCESS_STREAMING, w, h);
        if (!px || !tex) {
            if (tex) SDL_DestroyTexture(tex);
            if (px) win->px = px;
            return -1;
        }
        if (win->tex) SDL_DestroyTexture(win->tex);
        win->px = px;
        win->tex = tex;
        win->w = w;
        win->h = h;
        memset(px, 0, (size_t)w * h * sizeof *px);
    }
    *out = canvas_init(win->px, win->w, win->h, win->w);
    return 0;
}

double window_scale(Window *win)
{
    int ww = 1, dw = 1;
    SDL_GetWindowSize(win->win, &ww, NULL);
    SDL_GetRendererOutputSize(win->ren, &dw, NULL);
    return ww > 0 ? (double)dw / ww : 1.0;
}

void window_present(Window *win)
{
    SDL_UpdateTexture(win->tex, NULL, win->px, win->w * 4);
    SDL_RenderCopy(win->ren, win->tex, NULL, NULL);
    SDL_RenderPresent(win->ren);
}

void window_set_title(Window *win, const char *title) { SDL_SetWindowTitle(win->win, title); }

int window_set_icon(Window *win, const char *png)
{
    SDL_Surface *icon = IMG_Load(png);
    if (!icon) return -1;
    SDL_SetWindowIcon(win->win, icon);
    SDL_FreeSurface(icon);
    return 0;
}

void window_toggle_fullscreen(Window *win)
{
    Uint32 fs = SDL_GetWindowFlags(win->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(win->win, fs ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

const char *window_renderer(Window *win) { return win->info.name ? win->info.name : "?"; }
