/* `losscape render`: draws the figure the window's canvas would show, with the
 * paths from every --start run to the end, and saves it as a PNG. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/figure.h"
#include "app/figure3d.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "gfx/image.h"
#include "gfx/text.h"

/* Opens the shipped fonts; returns NULL after printing why. */
static Text *fonts(void)
{
    char reg[4200], bold[4200], err[4400];
    char *dir = text_assets_dir();
    snprintf(reg, sizeof reg, "%s/fonts/DejaVuSans.ttf", dir ? dir : "assets");
    snprintf(bold, sizeof bold, "%s/fonts/DejaVuSans-Bold.ttf", dir ? dir : "assets");
    free(dir);
    Text *t = text_new(reg, bold, err, sizeof err);
    if (!t) fprintf(stderr, "losscape render: %s\n", err);
    return t;
}

/* Runs every start (and every raced optimiser from it) to the end as the window
 * would; returns the number of paths, or -1 when memory runs out. */
static int run_paths(const Options *o, TrajPoint **bufs, PlotPath *pp, char (*labels)[48])
{
    Vec2 centre = {(o->view.x0 + o->view.x1) / 2, (o->view.y0 + o->view.y1) / 2};
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
            traj_describe(&t, labels[n], 48);
        }
    return n;
}

static int draw_and_save(const Options *o, Text *t, const PlotPath *pp, int npaths,
                         const char *const *lp)
{
    int w = o->has_size ? o->w : CFG_RENDER_W, h = o->has_size ? o->h : CFG_RENDER_H;
    uint32_t *px = malloc(sizeof *px * (size_t)w * h);
    PlotCache cache = {0};
    char err[4400];
    int rc = 1;
    if (!px) {
        fprintf(stderr, "losscape render: out of memory for %dx%d pixels\n", w, h);
        return 1;
    }
    Canvas c = canvas_init(px, w, h, w);
    Figure fig = {o->surface, o->view, &o->style, &cache, pp, npaths, lp, 1.0};
    Rect all = {0, 0, w, h};
    if ((o->three_d ? figure3d_draw(&c, all, t, &fig, surf3d_camera_default())
                    : figure_draw(&c, all, t, &fig)) != 0)
        fprintf(stderr, "losscape render: out of memory for the field\n");
    else if (image_save_png(&c, o->out, err, sizeof err) != 0)
        fprintf(stderr, "losscape render: %s\n", err);
    else
        rc = 0;
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
    if (!o->out) {
        fprintf(stderr, "losscape render: --out FILE.png is required\n");
        return 2;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "losscape render: cannot start SDL_ttf: %s\n", TTF_GetError());
        return 1;
    }
    Text *t = fonts();
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
