/* The window and the way pixels reach it: a renderer with one ARGB8888 streaming
 * texture, refreshed from a canvas we own. The window opens with SDL's software
 * renderer (the framebuffer kept off OpenGL): without a GPU (Mesa's llvmpipe) an
 * OpenGL present costs ~12 ms at 1920x1080 against ~1 ms. After the first frame
 * window_choose asks OpenGL for its own name through a hidden 1x1 window (~50 ms,
 * kept out of the start-up time; not at all on Linux without a DRM render node)
 * and moves to SDL's accelerated renderer when it names a GPU rather than a CPU
 * rasteriser. LOSSCAPE_RENDERER=accelerated or
 * =software skips the question. */
#include "window.h"

#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
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
    int px_stale;  /* the texture must be made anew (the renderer changed) */
    int chosen;    /* window_choose has run */
};

/* OpenGL renderer names (GL_RENDERER) that mean "no GPU": rasterised on the CPU. */
static const char *const cpu_gl[] = {"llvmpipe", "softpipe", "swrast", "Software",
                                     "software"};

#define GL_RENDERER_ENUM 0x1F01

typedef const unsigned char *(*GetStringFn)(unsigned name);

/* Returns 0 when the machine surely has no GPU: on Linux, no DRM render node
 * (/dev/dri/renderD*); 1 when it may have one. Asking OpenGL loads Mesa and LLVM
 * (~50 MB resident), which this spares machines like a container under Xvfb. */
static int gpu_possible(void)
{
#ifdef __linux__
    DIR *d = opendir("/dev/dri");
    int found = 0;
    for (struct dirent *e; d && !found && (e = readdir(d));)
        found = strncmp(e->d_name, "renderD", 7) == 0;
    if (d) closedir(d);
    return found;
#else
    return 1;
#endif
}

/* Returns nonzero when OpenGL here runs on a GPU, asked through a hidden 1x1
 * window and its context; 0 when there is no OpenGL or it is a CPU rasteriser. */
static int gpu_present(void)
{
    if (!gpu_possible()) return 0;
    SDL_Window *w = SDL_CreateWindow("", 0, 0, 1, 1, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    SDL_GLContext ctx = w ? SDL_GL_CreateContext(w) : NULL;
    int gpu = 0;
    if (ctx) {
        void *p = SDL_GL_GetProcAddress("glGetString");
        GetStringFn get = NULL;
        memcpy(&get, &p, sizeof get); /* ISO C has no cast from void * to a function */
        const char *name = get ? (const char *)get(GL_RENDERER_ENUM) : NULL;
        gpu = name != NULL;
        for (unsigned i = 0; gpu && i < sizeof cpu_gl / sizeof cpu_gl[0]; i++)
            if (strstr(name, cpu_gl[i])) gpu = 0;
        SDL_GL_DeleteContext(ctx);
    }
    if (w) SDL_DestroyWindow(w);
    return gpu;
}

/* Returns LOSSCAPE_RENDERER: 1 accelerated, 0 software, -1 unset (or other). */
static int renderer_env(void)
{
    const char *pick = getenv("LOSSCAPE_RENDERER");
    if (pick && strcmp(pick, "accelerated") == 0) return 1;
    if (pick && strcmp(pick, "software") == 0) return 0;
    return -1;
}

/* Replaces win's renderer (and drops its texture: window_canvas makes a new one)
 * by the accelerated one, or the software one. Returns 0, or -1 when neither
 * could be made (win->ren NULL then). */
static int make_renderer(Window *win, int accel)
{
    if (win->tex) SDL_DestroyTexture(win->tex);
    if (win->ren) SDL_DestroyRenderer(win->ren);
    win->tex = NULL;
    win->px_stale = 1;
    if (!accel) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    win->ren = SDL_CreateRenderer(win->win, -1, accel ? SDL_RENDERER_ACCELERATED
                                                      : SDL_RENDERER_SOFTWARE);
    if (!win->ren) win->ren = SDL_CreateRenderer(win->win, -1, 0);
    if (!win->ren) return -1;
    SDL_GetRendererInfo(win->ren, &win->info);
    return 0;
}

Window *window_new(const char *title, int w, int h, int fullscreen, char *err, int n)
{
    Window *win = calloc(1, sizeof *win);
    if (!win) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    win->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                h, flags);
    if (!win->win || make_renderer(win, renderer_env() == 1) != 0) goto fail;
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
    if (w != win->w || h != win->h || !win->px || win->px_stale) {
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
        if (w != win->w || h != win->h) memset(px, 0, (size_t)w * h * sizeof *px);
        win->w = w;
        win->h = h;
        win->px_stale = 0;
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

int window_choose(Window *win)
{
    if (win->chosen) return 0;
    win->chosen = 1;
    if (renderer_env() >= 0 || !gpu_present()) return 0;
    if (make_renderer(win, 1) == 0 || make_renderer(win, 0) == 0) return 1;
    return -1;
}

const char *window_renderer(Window *win) { return win->info.name ? win->info.name : "?"; }
