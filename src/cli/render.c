/* `losscape render`: draws the figure the window's canvas would show, with the
 * paths from every --start run to the end, and saves it as a PNG. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "app/figure.h"
#include "app/figure3d.h"
#include "app/strings.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "gfx/image.h"
#include "gfx/text.h"

/* Opens the shipped fonts; returns NULL after printing why. */
static Text *fonts(void)
{
    char err[4400];
    Text *t = text_open_shipped(err, sizeof err);
    if (!t) fprintf(stderr, "losscape render: %s\n", err);
    return t;
}

/* Gives t the CJK font the Chinese labels need; warns when none is installed. */
static void cjk_fonts(Text *t, int lang)
{
    if (!t || lang != LANG_ZH) return;
    if (text_set_fallback(t, text_find_cjk()) != 0)
        fprintf(stderr, "losscape render: no CJK font found (install fonts-wqy-microhei); "
                        "Chinese labels may show as boxes\n");
}

/* Runs every start (and every raced optimiser from it) to the end as the window
 * would; returns the number of paths, or -1 when memory runs out. */
static int run_paths(const Options *o, TrajPoint **bufs, PlotPath *pp, char (*labels)[48])
{
    Vec2 centre = view_centre(o->view);
    int n = 0;
    for (int i = 0; i < o->nstarts; i++)
        for (int k = 0; k < o->noptim; k++, n++) {
            OptimConfig cfg = opts_optim(o, k);
            bufs[n] = malloc(sizeof **bufs * (size_t)(o->steps + 1));
            if (!bufs[n]) return -1;
            Trajectory t = {bufs[n], (int)o->steps + 1, 0, TRAJ_RUNNING};
            traj_run(&t, o->surface, &cfg, o->starts[i], (int)o->steps, centre,
                     TRAJ_STOP_EARLY);
            pp[n] = (PlotPath){t.pts, t.len, plot_path_color(n), t.status == TRAJ_DIVERGED,
                               0};
            str_describe(&t, labels[n], 48, o->lang);
        }
    return n;
}

/* Draws the figure (2-D or 3-D) into c and saves it at path; returns 0 or 1. */
static int draw_one(const Options *o, Text *t, Canvas *c, PlotCache *cache,
                    const PlotPath *pp, int npaths, const char *const *lp, const char *path)
{
    char err[4400];
    const Theme *pal = theme_get(o->theme);
    PlotStyle style = o->style; /* the theme's line weight */
    style.scale = (style.scale > 0 ? style.scale : 1) * pal->weight;
    Figure fig = {o->surface, o->view, &style, cache, pp, npaths, lp, 1.0, o->lang, pal, PLOT_INK};
    Rect all = {0, 0, c->w, c->h};
    if ((o->three_d ? figure3d_draw(c, all, t, &fig, surf3d_camera_default())
                    : figure_draw(c, all, t, &fig)) != 0) {
        fprintf(stderr, "losscape render: out of memory for the field\n");
        return 1;
    }
    if (image_save_png(c, path, err, sizeof err) != 0) {
        fprintf(stderr, "losscape render: %s\n", err);
        return 1;
    }
    return 0;
}

/* Writes the animation into o->frames: frame f shows every path up to step f times
 * a stride that keeps the count near 600; the last frame is the finished picture. */
static int frames(const Options *o, Text *t, Canvas *c, PlotCache *cache,
                  const PlotPath *full, int n, const char *const *lp)
{
    static PlotPath pp[CFG_MAX_STARTS];
    static const char *none[CFG_MAX_STARTS];
    char path[4200];
    int longest = 1;
    struct stat st;
    if (mkdir(o->frames, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "losscape render: --frames: %s: %s\n", o->frames, strerror(errno));
        return 1;
    }
    if (stat(o->frames, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "losscape render: --frames: %s: not a directory\n", o->frames);
        return 1;
    }
    for (int i = 0; i < n; i++) longest = full[i].shown > longest ? full[i].shown : longest;
    int stride = (longest - 1 + 599) / 600 > 1 ? (longest - 1 + 599) / 600 : 1;
    int count = (longest - 1 + stride - 1) / stride + 1;
    for (int f = 0; f < count; f++) {
        int k = f * stride < longest - 1 ? f * stride : longest - 1;
        for (int i = 0; i < n; i++) {
            pp[i] = full[i];
            pp[i].shown = k + 1 < full[i].shown ? k + 1 : full[i].shown;
            pp[i].diverged = full[i].diverged && pp[i].shown == full[i].shown;
        }
        int last = f == count - 1;
        snprintf(path, sizeof path, "%s/frame-%05d.png", o->frames, f);
        if (draw_one(o, t, c, cache, pp, n, last ? lp : none, path) != 0) return 1;
    }
    return 0;
}

static int draw_and_save(const Options *o, Text *t, const PlotPath *pp, int npaths,
                         const char *const *lp)
{
    int w = o->has_size ? o->w : CFG_RENDER_W, h = o->has_size ? o->h : CFG_RENDER_H;
    uint32_t *px = malloc(sizeof *px * (size_t)w * h);
    PlotCache cache = {0};
    int rc = 0;
    if (!px) {
        fprintf(stderr, "losscape render: out of memory for %dx%d pixels\n", w, h);
        return 1;
    }
    Canvas c = canvas_init(px, w, h, w);
    if (o->out) rc = draw_one(o, t, &c, &cache, pp, npaths, lp, o->out);
    if (rc == 0 && o->frames) rc = frames(o, t, &c, &cache, pp, npaths, lp);
    plot_free(&cache);
    free(px);
    return rc;
}

int render_main(Options *o)
{
    int rc = 0;
    if (o->help) {
        printf("usage: losscape render --out FILE.png [--size WxH] [--start X,Y ...]\n"
               "                       [--steps N] [options]\n"
               "Draws exactly what the window's canvas shows, each path run to its end as\n"
               "in the window: converged, diverged, or --steps taken (5000 by default).\n");
        opts_usage(OPT_RENDER, stdout);
        return 0;
    }
    if (!o->has_steps) o->steps = CFG_WINDOW_STEPS; /* as far as the window runs a path */
    if (o->nstarts * o->noptim > CFG_MAX_STARTS) {
        fprintf(stderr, "losscape render: --start x --optimizer: at most %d paths, got %d\n",
                CFG_MAX_STARTS, o->nstarts * o->noptim);
        return 2;
    }
    if (!o->out && !o->frames) {
        fprintf(stderr, "losscape render: --out FILE.png is required (or --frames DIR)\n");
        return 2;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "losscape render: cannot start SDL_ttf: %s\n", TTF_GetError());
        return 1;
    }
    Text *t = fonts();
    cjk_fonts(t, o->lang);
    TrajPoint *bufs[CFG_MAX_STARTS] = {0};
    PlotPath pp[CFG_MAX_STARTS];
    char labels[CFG_MAX_STARTS][48];
    const char *lp[CFG_MAX_STARTS];
    for (int i = 0; i < CFG_MAX_STARTS; i++) lp[i] = labels[i];
    rc = 1;
    int n = t ? run_paths(o, bufs, pp, labels) : 0;
    if (n < 0)
        fprintf(stderr, "losscape render: out of memory for %ld steps\n", o->steps);
    else if (t)
        rc = draw_and_save(o, t, pp, n, lp);
    for (int i = 0; i < CFG_MAX_STARTS; i++) free(bufs[i]);
    text_free(t);
    TTF_Quit();
    return rc;
}
