/* The option table: every `--name VALUE` option with its parser, the commands that
 * accept it and its help; opts_parse walks argv through it, adds the option's name
 * to a parser's message and prints it. The parsers are in opts_value.c and, for the
 * optimiser's options, opts_optim.c. */
#include "opts_impl.h"

#include "app/strings.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Parses value v into o (field points at the option's own field when the table
 * gives an offset); returns 0, or -1 with what was expected in err. */
typedef int (*ParseFn)(Options *o, void *field, const char *v, char *err, int n);

#define ALL                                                                              \
    (OPT_WINDOW | OPT_LIST | OPT_TRACE | OPT_RENDER | OPT_LAYOUT | OPT_SWEEP |           \
     OPT_GRADCHECK | OPT_BACKPROP | OPT_BASINS)
#define PICTURE    (OPT_WINDOW | OPT_RENDER | OPT_LAYOUT)
#define OPTIMIZING (OPT_WINDOW | OPT_TRACE | OPT_RENDER | OPT_SWEEP | OPT_BASINS)
/* A flag among an option's commands: it is about the window (its size, where it
 * saves, its language...), not the scene; see opts_sets_scene. */
#define NOT_SCENE (1u << 31)
#define SURFACED                                                                         \
    (PICTURE | OPT_TRACE | OPT_SWEEP | OPT_GRADCHECK | OPT_BACKPROP | OPT_BASINS)

static const struct {
    const char *name;
    ParseFn parse; /* NULL: a flag without a value */
    int offset;    /* a flag's int field in Options */
    unsigned cmds; /* OPT_* that accept it, and NOT_SCENE */
    const char *arg, *help;
} options[] = {
    {"surface", opts_value_surface, 0, SURFACED, "NAME", "surface from `losscape list`"},
    {"expr", opts_value_expr, 0, SURFACED, "\"EXPRESSION\"",
     "a typed f(x, y) instead of --surface"},
    {"view", opts_value_view, 0, PICTURE | OPT_TRACE | OPT_SWEEP | OPT_BASINS,
     "X0,X1,Y0,Y1", "parameter rectangle shown"},
    {"optimizer", opts_optim_optimizer, 0, OPTIMIZING | OPT_LAYOUT, "NAME[,NAME...]",
     "gd momentum nesterov adagrad rmsprop adam hotcold;\n"
     "                               several race from every start (trace, render)"},
    {"lr", opts_optim_lr, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER | OPT_BASINS, "ETA",
     "learning rate > 0 (0.01)"},
    {"momentum", opts_optim_fraction, offsetof(Options, optim.momentum), OPTIMIZING, "MU",
     "momentum, nesterov: in [0, 1) (0.9)"},
    {"alpha", opts_optim_fraction, offsetof(Options, optim.alpha), OPTIMIZING, "ALPHA",
     "rmsprop's smoothing, in [0, 1) (0.99)"},
    {"beta1", opts_optim_fraction, offsetof(Options, optim.beta1), OPTIMIZING, "B1",
     "adam's first moment, in [0, 1) (0.9)"},
    {"beta2", opts_optim_fraction, offsetof(Options, optim.beta2), OPTIMIZING, "B2",
     "adam's second moment, in [0, 1) (0.999)"},
    {"eps", opts_optim_eps, 0, OPTIMIZING, "EPS",
     "adagrad, rmsprop, adam: > 0 (1e-10, 1e-8)"},
    {"schedule", opts_optim_schedule, 0, OPTIMIZING | OPT_LAYOUT,
     "constant|step|exp|cosine", "learning rate over the steps (constant)"},
    {"decay", opts_optim_decay, 0, OPTIMIZING, "D",
     "step: eta D^floor(t/100), exp: eta D^t; (0, 1]"},
    {"grad", opts_optim_grad, 0, OPTIMIZING, "analytic|forward|central",
     "the paths' gradient: exact, or finite differences (analytic)"},
    {"h", opts_optim_h, 0, OPTIMIZING | OPT_GRADCHECK, "H",
     "finite-difference step (1e-5)"},
    {"batch", opts_optim_batch, 0, OPTIMIZING, "B",
     "data surfaces: mini-batches of B samples, 1 <= B <= n"},
    {"seed", opts_optim_seed, 0, OPTIMIZING, "S",
     "the generator of mini-batches and random starts (0)"},
    {"random-starts", opts_value_random, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER, "K",
     "K starts drawn from a Gaussian around the view's centre (--seed)"},
    {"init-scale", opts_value_positive, offsetof(Options, init_scale),
     OPT_WINDOW | OPT_TRACE | OPT_RENDER, "S", "their standard deviation (1)"},
    {"at", opts_value_start, 0, OPT_GRADCHECK | OPT_BACKPROP, "X,Y",
     "a point to check (repeatable in gradcheck)"},
    {"start", opts_value_start, 0, OPT_TRACE | OPT_RENDER | OPT_SWEEP, "X,Y",
     "a start point (repeatable)"},
    {"steps", opts_value_steps, 0, OPT_TRACE | OPT_RENDER | OPT_SWEEP | OPT_BASINS, "N",
     "steps (trace 100; render 5000, as the window; basins 1000)"},
    {"lr-min", opts_value_positive, offsetof(Options, lr_min), OPT_SWEEP, "A",
     "smallest learning rate"},
    {"lr-max", opts_value_positive, offsetof(Options, lr_max), OPT_SWEEP, "B",
     "largest learning rate"},
    {"count", opts_value_count, 0, OPT_SWEEP, "K",
     "learning rates, log-spaced from A to B (2..10000)"},
    {"grid", opts_value_grid, 0, OPT_BASINS, "G", "starts a side, 1..2048 (256)"},
    {"csv", opts_value_csv, 0, OPT_BASINS, "FILE", "also write every start's end as CSV"},
    {"size", opts_value_size, 0, PICTURE | NOT_SCENE, "WxH",
     "pixels (window 1280x800, render 1000x750)"},
    {"out", opts_value_out, 0, OPT_RENDER | OPT_BASINS, "FILE.png",
     "where the image goes"},
    {"mode", opts_value_mode, 0, PICTURE, "heat|contour|both", "what to draw (both)"},
    {"colormap", opts_value_colormap, 0, PICTURE, "NAME",
     "viridis magma inferno plasma cividis turbo gray"},
    {"levels", opts_value_levels, 0, PICTURE, "N", "contour levels, 1..100 (20)"},
    {"log", NULL, offsetof(Options, has_log), PICTURE, NULL,
     "logarithmic colour scale (the default where values span decades)"},
    {"3d", NULL, offsetof(Options, three_d), OPT_RENDER, NULL,
     "the surface as a lit 3-D mesh"},
    {"field", NULL, offsetof(Options, field), PICTURE, NULL,
     "arrows of the descent direction"},
    {"frames", opts_value_frames, 0, OPT_RENDER, "DIR",
     "also the animation: DIR/frame-00000.png ... (at most ~600 frames)"},
    {"json", NULL, offsetof(Options, json), OPT_LIST, NULL, "JSON instead of a table"},
    {"scene", opts_value_scene, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER, "FILE",
     "a scene file (options after it override its keys)"},
    {"fullscreen", NULL, offsetof(Options, fullscreen), OPT_WINDOW | NOT_SCENE, NULL,
     "start fullscreen"},
    {"lang", opts_value_lang, 0, OPT_WINDOW | OPT_RENDER | NOT_SCENE, "en|zh",
     "the language of the window and of the figure's labels (the locale's)"},
    {"theme", opts_value_theme, 0, OPT_WINDOW | OPT_RENDER | NOT_SCENE, "light|contrast",
     "colours: dark on white, or white and yellow on black with heavier lines (light)"},
    {"stats", NULL, offsetof(Options, stats), OPT_WINDOW | NOT_SCENE, NULL,
     "on exit, one line of frame times on stderr:\n                               "
     "losscape stats: frames=N p50= p90= p99= max= (ms) ..."},
    {"save-to", opts_value_save_to, 0, OPT_WINDOW | NOT_SCENE, "DIR",
     "where Ctrl+S and F12 write (.)"},
    {"help", NULL, offsetof(Options, help), ALL, NULL, "this help"},
};

#define NOPT ((int)(sizeof options / sizeof options[0]))

/* Returns the row of option word a ("--name"), or -1 when it names none. */
static int find(const char *a)
{
    for (int j = 0; a[0] == '-' && a[1] == '-' && j < NOPT; j++)
        if (strcmp(a + 2, options[j].name) == 0) return j;
    return -1;
}

int opts_parse(Options *o, int argc, char **argv, unsigned cmd, const char *prog)
{
    char err[512];
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->surface = surface_find(CFG_SURFACE);
    o->optim = optim_config(OPTIM_GD);
    o->optim.lr = CFG_LR;
    o->noptim = 1;
    o->optims[0] = OPTIM_GD;
    o->steps = CFG_TRACE_STEPS;
    o->lang = str_lang_default();
    o->style = (PlotStyle){PLOT_BOTH, CMAP_VIRIDIS, CFG_LEVELS, 0, 1, 0};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int k = find(a);
        if (k < 0 || !(options[k].cmds & cmd)) {
            fprintf(stderr, "%s: unknown option '%s' (see %s --help)\n", prog, a, prog);
            return 2;
        }
        if (!options[k].parse) {
            *(int *)((char *)o + options[k].offset) = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "%s: --%s: missing value (%s)\n", prog, a + 2,
                    options[k].arg);
            return 2;
        }
        void *field = (char *)o + options[k].offset;
        if (options[k].parse(o, field, argv[++i], err, sizeof err) != 0) {
            fprintf(stderr, "%s: --%s: %s\n", prog, options[k].name, err);
            opts_free(o);
            return 2;
        }
    }
    if (o->expr && o->has_surface) {
        fprintf(stderr, "%s: --surface and --expr: give one of them, not both\n", prog);
        opts_free(o);
        return 2;
    }
    if (o->expr) o->surface = &o->typed;
    if (!o->has_view) o->view = o->surface->view;
    if (o->random_starts) {
        if (o->nstarts + o->random_starts > CFG_MAX_STARTS) {
            fprintf(stderr,
                    "%s: --random-starts: at most %d start points in all, got %d\n", prog,
                    CFG_MAX_STARTS, o->nstarts + o->random_starts);
            opts_free(o);
            return 2;
        }
        Vec2 c = view_centre(o->view);
        init_gaussian(c, o->init_scale > 0 ? o->init_scale : INIT_SCALE, o->random_starts,
                      o->optim.seed, o->starts + o->nstarts);
        o->nstarts += o->random_starts;
    }
    if (o->optim.batch && !o->surface->nsamples) {
        fprintf(stderr, "%s: --batch: only on data surfaces (%s has no samples)\n", prog,
                o->surface->name);
        opts_free(o);
        return 2;
    }
    if (o->optim.batch > o->surface->nsamples && o->surface->nsamples) {
        fprintf(stderr, "%s: --batch: at most the %d samples of %s, got %d\n", prog,
                o->surface->nsamples, o->surface->name, o->optim.batch);
        opts_free(o);
        return 2;
    }
    o->style.log = o->log_set ? o->has_log : o->has_log || o->surface->log_default;
    o->style.field = o->field;
    return 0;
}

int opts_sets_scene(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        int k = find(argv[i]);
        if (k < 0 || !(options[k].cmds & NOT_SCENE)) return 1;
        if (options[k].parse) i++; /* its value */
    }
    return 0;
}

void opts_free(Options *o)
{
    expr_free(o->expr);
    o->expr = NULL;
}

int opts_finish(const char *prog)
{
    if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
    fprintf(stderr, "%s: cannot write the output\n", prog);
    return 1;
}

void opts_usage(unsigned cmd, FILE *f)
{
    for (int j = 0; j < NOPT; j++) {
        if (!(options[j].cmds & cmd)) continue;
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", options[j].name,
                 options[j].arg ? " " : "", options[j].arg ? options[j].arg : "");
        fprintf(f, "  %-28s %s\n", left, options[j].help);
    }
}
