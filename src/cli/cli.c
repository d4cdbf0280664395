/* Subcommand dispatch, the top-level --help and --version, and `layout`, which
 * prints where the window's widgets are so tests can click them. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/layout.h"
#include "app/figure.h"
#include "cli/opts.h"

static int layout_main(Options *opts);

static const struct {
    const char *name;
    int (*run)(Options *o);            /* given the options parsed for `cmd` */
    unsigned cmd;                      /* OPT_* */
    int (*raw)(int argc, char **argv); /* or parses its own */
    const char *what;
} commands[] = {
    {"list", list_main, OPT_LIST, NULL, "the surface catalogue (--json for JSON)"},
    {"trace", trace_main, OPT_TRACE, NULL,
     "run the optimiser from --start points; CSV on stdout"},
    {"sweep", sweep_main, OPT_SWEEP, NULL,
     "final cost against the learning rate from one start; CSV"},
    {"gradcheck", gradcheck_main, OPT_GRADCHECK, NULL,
     "analytic against numeric gradients at --at points; CSV"},
    {"backprop", backprop_main, OPT_BACKPROP, NULL,
     "the chain rule per sample at --at W,B on the neuron surfaces; CSV"},
    {"render", render_main, OPT_RENDER, NULL, "draw the canvas into a PNG (--out FILE.png)"},
    {"basins", basins_main, OPT_BASINS, NULL,
     "where the optimiser ends from every start of a grid; PNG (and CSV)"},
    {"bench", NULL, 0, bench_main, "times every stage of a frame"},
    {"layout", layout_main, OPT_LAYOUT, NULL, "where the window's widgets are, as JSON"},
};

/* Parses the options of command i, runs it and frees them; returns its status. */
static int run(int i, int argc, char **argv)
{
    char prog[64];
    Options *o = malloc(sizeof *o);
    if (!o) {
        fprintf(stderr, "losscape: out of memory\n");
        return 1;
    }
    snprintf(prog, sizeof prog, "losscape %s", commands[i].name);
    int rc = opts_parse(o, argc - 1, argv + 1, commands[i].cmd, prog);
    if (rc == 0) rc = commands[i].run(o);
    opts_free(o);
    free(o);
    return rc;
}

#define NCMD ((int)(sizeof commands / sizeof commands[0]))

static void usage(FILE *f)
{
    fprintf(f, "losscape %s: an interactive loss-landscape visualizer\n\n"
               "usage: losscape [OPTIONS]              open the window\n"
               "       losscape SUBCOMMAND [OPTIONS]   run headless\n"
               "       losscape --version | --help\n\n"
               "subcommands (each has --help):\n", CFG_VERSION);
    for (int i = 0; i < NCMD; i++) fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].what);
    fprintf(f, "\nwindow options:\n");
    opts_usage(OPT_WINDOW, f);
    fprintf(f, "\nexit status: 0 success, 2 bad usage or input, 1 any other failure\n");
}

int cli_main(int argc, char **argv)
{
    if (argc < 2) return -1;
    for (int i = 0; i < NCMD; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].raw ? commands[i].raw(argc - 1, argv + 1)
                                   : run(i, argc - 1, argv + 1);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return opts_finish("losscape");
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("losscape %s\n", CFG_VERSION);
        return opts_finish("losscape");
    }
    if (argv[1][0] != '-') {
        fprintf(stderr, "losscape: unknown subcommand '%s' (see losscape --help)\n", argv[1]);
        return 2;
    }
    return -1;
}

static void rect_json(const char *name, Rect r, const char *sep)
{
    printf("{\"name\":\"%s\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}%s", name, r.x, r.y, r.w,
           r.h, sep);
}

static int layout_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape layout [--size WxH] [--surface NAME] [--view X0,X1,Y0,Y1]\n"
               "                       [--optimizer NAME] [--schedule NAME]\n"
               "JSON {canvas:{x,y,w,h}, widgets:[{name,x,y,w,h}]} in window pixels;\n"
               "canvas is the plot area, the rectangle that maps to the view; the\n"
               "hyper-parameter rows (momentum, alpha, beta1, beta2, eps, decay) are\n"
               "those of the optimiser and schedule given, as in the window.\n");
        opts_usage(OPT_LAYOUT, stdout);
        return 0;
    }
    LayoutIn in = {o->has_size ? o->w : CFG_WIN_W, o->has_size ? o->h : CFG_WIN_H, 1.0, o->view,
                   o->optim.kind, o->optim.schedule, o->surface->nsamples, 0};
    Layout L = layout_compute(&in);
    printf("{\"canvas\":{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d},", L.plot.x, L.plot.y,
           L.plot.w, L.plot.h);
    printf("\"view\":{\"x0\":%.17g,\"x1\":%.17g,\"y0\":%.17g,\"y1\":%.17g},", o->view.x0,
           o->view.x1, o->view.y0, o->view.y1);
    printf("\"areas\":[");
    rect_json("figure", L.canvas, ",");
    rect_json("panel", L.panel, ",");
    rect_json("status", L.status, "],");
    printf("\"widgets\":[");
    const char *sep = "";
    for (int i = 0; i < W_COUNT; i++) {
        if (L.widget[i].w == 0) continue; /* not shown for this optimiser or schedule */
        printf("%s", sep);
        rect_json(layout_name(i), L.widget[i], "");
        sep = ",";
    }
    printf("]}\n");
    return opts_finish("losscape layout");
}
