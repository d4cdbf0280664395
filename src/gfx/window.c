/* The window and the way pixels reach it: a renderer with one ARGB8888 streaming
 * texture, refreshed from a canvas we own. The window opens with SDL's software
 * renderer (the framebuffer kept off OpenGL): without a GPU (Mesa's llvmpipe) an
 * OpenGL present costs ~12 ms at 1920x1080 against ~1 ms. After the first frame
 * window_choose asks OpenGL for its own name through a hidden 1x1 window (~50 ms,
 * kept out of the start-up time; not at all on Linux without a DRM render node);
 * when it names a GPU rather than a CPU rasteriser, it times presents of the
 * first frame with both renderers and keeps the faster. LOSSCAPE_RENDERER=
 * accelerated or =software decides instead; =measure times both whatever OpenGL
 * says. */
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
    double soft_ms, accel_ms; /* median present with each renderer; 0: not timed */
    char accel_name[32];      /* the accelerated renderer timed ("opengl", ...) */
};

#define CHOOSE_PRESENTS 9 /* presents timed with each renderer (the first not counted) */

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

/* Returns LOSSCAPE_RENDERER: 1 accelerated, 0 software, 2 measure, -1 unset (or
 * other). */
static int renderer_env(void)
{
    const char *pick = getenv("LOSSCAPE_RENDERER");
    if (pick && strcmp(pick, "accelerated") == 0) return 1;
    if (pick && strcmp(pick, "software") == 0) return 0;
    if (pick && strcmp(pick, "measure") == 0) return 2;
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

static int by_ms(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Returns the median time in ms of a present of the canvas with win's renderer
 * (texture upload, copy, present), over CHOOSE_PRESENTS - 1 after one more; 0 when
 * no texture could be made. The canvas's pixels are kept. */
static double time_presents(Window *win)
{
    Canvas c;
    double ms[CHOOSE_PRESENTS];
    if (window_canvas(win, &c) != 0) return 0;
    double f = 1000.0 / (double)SDL_GetPerformanceFrequency();
    for (int i = 0; i < CHOOSE_PRESENTS; i++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        window_present(win);
        ms[i] = (double)(SDL_GetPerformanceCounter() - t0) * f;
    }
    qsort(ms + 1, CHOOSE_PRESENTS - 1, sizeof *ms, by_ms);
    return ms[CHOOSE_PRESENTS / 2];
}

int window_choose(Window *win)
{
    if (win->chosen) return 0;
    win->chosen = 1;
    int env = renderer_env();
    if (env == 0 || env == 1 || (env < 0 && !gpu_present())) return 0;
    /* the software renderer first, with the picture of the first frame */
    win->soft_ms = time_presents(win);
    if (make_renderer(win, 1) != 0) return make_renderer(win, 0) == 0 ? 1 : -1;
    snprintf(win->accel_name, sizeof win->accel_name, "%s", window_renderer(win));
    win->accel_ms = time_presents(win);
    /* SDL may have given the software renderer again; then nothing was measured */
    if (strcmp(win->accel_name, "software") == 0) win->accel_ms = 0;
    if (win->accel_ms > 0 && win->accel_ms < win->soft_ms) return 1;
    return make_renderer(win, 0) == 0 ? 1 : -1;
}

const char *window_choice(Window *win, char *buf, int n)
{
    int env = renderer_env();
    const char *why = win->soft_ms > 0 && win->accel_ms > 0 ? "measured"
                      : env == 0 || env == 1                 ? "LOSSCAPE_RENDERER"
                      : win->chosen                          ? "no_gpu"
                                                             : "not_yet";
    if (win->soft_ms > 0 && win->accel_ms > 0)
        snprintf(buf, n,
                 "renderer_choice=%s present_software=%.2f present_accelerated=%.2f "
                 "accelerated=%s",
                 why, win->soft_ms, win->accel_ms, win->accel_name);
    else
        snprintf(buf, n, "renderer_choice=%s", why);
    return buf;
}

const char *window_renderer(Window *win) { return win->info.name ? win->info.name : "?"; }
