/* The option table and its parsers. Each parser reads one value into Options or
 * writes what was expected; opts_parse adds the option's name and prints it. */
#include "opts.h"

#include "core/basins.h"
#include "core/scene.h"
#include "app/strings.h"
#include "app/theme.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Parses value v into o (field points at the option's own field when the table
 * gives an offset); returns 0, or -1 with what was expected in err. */
typedef int (*ParseFn)(Options *o, void *field, const char *v, char *err, int n);

/* Reads a finite double filling all of s; returns 0 or -1. */
static int number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno == ERANGE || !isfinite(v)) return -1;
    *out = v;
    return 0;
}

/* Reads k numbers separated by commas; returns 0 or -1. */
static int numbers(const char *s, double *out, int k)
{
    char buf[512];
    if (strlen(s) >= sizeof buf) return -1;
    strcpy(buf, s);
    char *p = buf;
    for (int i = 0; i < k; i++) {
        char *comma = strchr(p, ',');
        if ((i < k - 1) != (comma != NULL)) return -1;
        if (comma) *comma = 0;
        if (number(p, &out[i]) != 0) return -1;
        p = comma ? comma + 1 : p;
    }
    return 0;
}

static int p_surface(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    o->surface = surface_find(v);
    o->has_surface = 1;
    if (o->surface) return 0;
    int len = snprintf(err, n, "unknown surface '%s'; one of", v);
    for (int i = 0; i < surface_count() && len < n; i++)
        len += snprintf(err + len, n - len, " %s", surface_at(i)->name);
    return -1;
}

/* --expr TEXT: compiled at once, so a syntax error names its column. */
static int p_expr(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    expr_free(o->expr);
    o->expr = expr_compile(v, err, n, NULL);
    if (!o->expr) return -1;
    o->typed = expr_surface(o->expr);
    snprintf(o->formula, sizeof o->formula, "f(x, y) = %s", expr_text(o->expr));
    o->typed.formula = o->formula;
    return 0;
}

static int p_view(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    double d[4];
    if (numbers(v, d, 4) != 0 || !view_valid((View){d[0], d[1], d[2], d[3]})) {
        snprintf(err, n, "expected X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, finite and with a "
                 "finite width and height, got '%s'", v);
        return -1;
    }
    o->view = (View){d[0], d[1], d[2], d[3]};
    o->has_view = 1;
    return 0;
}

/* --optimizer NAME[,NAME...]: one optimiser, or several to race. */
static int p_optimizer(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char buf[256];
    if (strlen(v) >= sizeof buf) {
        snprintf(err, n, "expected NAME[,NAME...], got a value that long");
        return -1;
    }
    strcpy(buf, v);
    o->noptim = 0;
    for (char *name = buf, *next; name; name = next) {
        next = strchr(name, ',');
        if (next) *next++ = 0;
        int k = optim_find(name);
        if (k < 0) {
            int len = snprintf(err, n, "unknown optimizer '%s'; one of", name);
            for (int i = 0; i < OPTIM_COUNT && len < n; i++)
                len += snprintf(err + len, n - len, " %s", optim_name(i));
            return -1;
        }
        if (o->noptim == OPTS_MAX_OPTIM) {
            snprintf(err, n, "at most %d optimizers in one race", OPTS_MAX_OPTIM);
            return -1;
        }
        o->optims[o->noptim++] = k;
    }
    o->optim.kind = o->optims[0];
    return 0;
}

static int p_lr(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (number(v, &o->optim.lr) != 0 || !(o->optim.lr > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    return 0;
}

/* --momentum, --alpha, --beta1, --beta2: a number in [0, 1). */
static int p_fraction(Options *o, void *field, const char *v, char *err, int n)
{
    (void)o;
    double d;
    if (number(v, &d) != 0 || d < 0 || d >= 1) {
        snprintf(err, n, "expected a number in [0, 1), got '%s'", v);
        return -1;
    }
    *(double *)field = d;
    return 0;
}

static int p_eps(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (number(v, &o->optim.eps) != 0 || !(o->optim.eps > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    return 0;
}

static int p_decay(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (number(v, &o->optim.decay) != 0 || !(o->optim.decay > 0) || o->optim.decay > 1) {
        snprintf(err, n, "expected a number in (0, 1], got '%s'", v);
        return -1;
    }
    return 0;
}

static int p_schedule(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int k = optim_schedule_find(v);
    if (k < 0) {
        snprintf(err, n, "expected constant, step, exp or cosine, got '%s'", v);
        return -1;
    }
    o->optim.schedule = k;
    return 0;
}

static int p_grad(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int m = grad_find(v);
    if (m < 0) {
        snprintf(err, n, "expected analytic, forward or central, got '%s'", v);
        return -1;
    }
    o->optim.grad = m;
    return 0;
}

static int p_h(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    if (number(v, &o->optim.h) != 0 || !(o->optim.h > 0) || o->optim.h > 1) {
        snprintf(err, n, "expected a step in (0, 1], got '%s'", v);
        return -1;
    }
    return 0;
}

/* --batch B: checked against the surface's samples once every option is read. */
static int p_batch(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 1 || k > 1000000) {
        snprintf(err, n, "expected a whole number of samples >= 1, got '%s'", v);
        return -1;
    }
    o->optim.batch = (int)k;
    return 0;
}

static int p_seed(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    unsigned long long k = strtoull(v, &end, 10);
    if (end == v || *end || errno || v[0] == '-') {
        snprintf(err, n, "expected a whole number >= 0, got '%s'", v);
        return -1;
    }
    o->optim.seed = (unsigned long)k;
    return 0;
}

/* --lr-min, --lr-max: a finite number > 0. */
static int p_positive(Options *o, void *field, const char *v, char *err, int n)
{
    (void)o;
    double d;
    if (number(v, &d) != 0 || !(d > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    *(double *)field = d;
    return 0;
}

static int p_random(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > CFG_MAX_STARTS) {
        snprintf(err, n, "expected a whole number from 1 to %d, got '%s'", CFG_MAX_STARTS, v);
        return -1;
    }
    o->random_starts = (int)k;
    return 0;
}

static int p_count(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 2 || k > 10000) {
        snprintf(err, n, "expected a whole number from 2 to 10000, got '%s'", v);
        return -1;
    }
    o->count = (int)k;
    return 0;
}

/* --grid G: basin grids are at most BASINS_MAX_GRID starts a side. */
static int p_grid(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 1 || k > BASINS_MAX_GRID) {
        snprintf(err, n, "expected a whole number of starts a side from 1 to %d, got '%s'",
                 BASINS_MAX_GRID, v);
        return -1;
    }
    o->grid = (int)k;
    return 0;
}

static int p_csv(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->csv = v;
    return 0;
}

static int p_start(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    double d[2];
    if (o->nstarts >= CFG_MAX_STARTS) {
        snprintf(err, n, "at most %d start points", CFG_MAX_STARTS);
        return -1;
    }
    if (numbers(v, d, 2) != 0) {
        snprintf(err, n, "expected X,Y (two finite numbers), got '%s'", v);
        return -1;
    }
    o->starts[o->nstarts++] = (Vec2){d[0], d[1]};
    return 0;
}

static int p_steps(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 0 || k > CFG_MAX_STEPS) {
        snprintf(err, n, "expected a whole number of steps from 0 to %d, got '%s'",
                 CFG_MAX_STEPS, v);
        return -1;
    }
    o->steps = k;
    o->has_steps = 1;
    return 0;
}

static int p_size(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int w, h, used = 0;
    if (sscanf(v, "%dx%d%n", &w, &h, &used) != 2 || v[used] || w < 1 || h < 1 ||
        w > CFG_MAX_SIDE || h > CFG_MAX_SIDE || w < 64 || h < 64) {
        snprintf(err, n, "expected WxH with 64 <= W, H <= %d, got '%s'", CFG_MAX_SIDE, v);
        return -1;
    }
    o->w = w;
    o->h = h;
    o->has_size = 1;
    return 0;
}

static int p_mode(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int m = plot_mode_find(v);
    if (m < 0) {
        snprintf(err, n, "expected heat, contour or both, got '%s'", v);
        return -1;
    }
    o->style.mode = m;
    return 0;
}

static int p_lang(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int l = str_lang_parse(v);
    if (l < 0) {
        snprintf(err, n, "expected en or zh, got '%s'", v);
        return -1;
    }
    o->lang = l;
    return 0;
}

static int p_theme(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int k = theme_find(v);
    if (k < 0) {
        snprintf(err, n, "expected light or contrast, got '%s'", v);
        return -1;
    }
    o->theme = k;
    return 0;
}

static int p_colormap(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    int k = cmap_find(v);
    if (k < 0) {
        int len = snprintf(err, n, "unknown colour map '%s'; one of", v);
        for (int i = 0; i < CMAP_COUNT && len < n; i++)
            len += snprintf(err + len, n - len, " %s", cmap_name(i));
        return -1;
    }
    o->style.cmap = k;
    return 0;
}

static int p_levels(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > PLOT_MAX_LEVELS) {
        snprintf(err, n, "expected a whole number from 1 to %d, got '%s'", PLOT_MAX_LEVELS, v);
        return -1;
    }
    o->style.levels = (int)k;
    return 0;
}

static int p_out(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->out = v;
    return 0;
}

/* Copies the keys scene sc sets into o (and its starts, appended). */
static int apply_scene(Options *o, const Scene *sc, char *err, int n)
{
    if (sc->set & SCENE_SURFACE) o->surface = surface_at(sc->surface), o->has_surface = 1;
    if (sc->set & SCENE_EXPR && p_expr(o, NULL, sc->expr, err, n) != 0) return -1;
    if (sc->set & SCENE_VIEW) o->view = sc->view, o->has_view = 1;
    if (sc->set & SCENE_OPTIMIZER) {
        o->optim.kind = o->optims[0] = sc->optimizer;
        o->noptim = 1;
        for (int k = 0; k < OPTIM_COUNT && o->noptim < OPTS_MAX_OPTIM; k++)
            if ((sc->race >> k & 1) && k != sc->optimizer) o->optims[o->noptim++] = k;
    }
    const struct { unsigned flag; double *dst; const double *src; } nums[] = {
        {SCENE_LR, &o->optim.lr, &sc->lr}, {SCENE_MOMENTUM, &o->optim.momentum, &sc->momentum},
        {SCENE_ALPHA, &o->optim.alpha, &sc->alpha}, {SCENE_BETA1, &o->optim.beta1, &sc->beta1},
        {SCENE_BETA2, &o->optim.beta2, &sc->beta2}, {SCENE_EPS, &o->optim.eps, &sc->eps},
        {SCENE_DECAY, &o->optim.decay, &sc->decay},
        {SCENE_INIT_SCALE, &o->init_scale, &sc->init_scale},
    };
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (sc->set & nums[i].flag) *nums[i].dst = *nums[i].src;
    if (sc->set & SCENE_SCHEDULE) o->optim.schedule = sc->schedule;
    if (sc->set & SCENE_GRAD) o->optim.grad = sc->grad;
    if (sc->set & SCENE_BATCH) o->optim.batch = sc->batch;
    if (sc->set & SCENE_SEED) o->optim.seed = sc->seed;
    if (sc->set & SCENE_MODE) o->style.mode = sc->mode;
    if (sc->set & SCENE_COLORMAP) o->style.cmap = sc->colormap;
    if (sc->set & SCENE_LEVELS) o->style.levels = sc->levels;
    if (sc->set & SCENE_LOG) o->has_log = sc->log, o->log_set = 1;
    if (sc->set & SCENE_FIELD) o->field = sc->field;
    if (sc->set & SCENE_RANDOM) o->random_starts = sc->random_starts;
    for (int i = 0; i < sc->nstarts; i++) {
        if (o->nstarts >= CFG_MAX_STARTS) {
            snprintf(err, n, "%s: at most %d start points", o->scene, CFG_MAX_STARTS);
            return -1;
        }
        o->starts[o->nstarts++] = sc->starts[i];
    }
    return 0;
}

/* --scene FILE: the window opens it itself; other commands take its keys here, so
 * options after --scene override them. */
static int p_frames(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field, (void)err, (void)n;
    o->frames = v;
    return 0;
}

static int p_scene(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    o->scene = v;
    if (o->cmd == OPT_WINDOW) return 0;
    Scene *sc = malloc(sizeof *sc);
    if (!sc) {
        snprintf(err, n, "out of memory");
        return -1;
    }
    int rc = scene_load(sc, v, err, n) != 0 ? -1 : apply_scene(o, sc, err, n);
    free(sc);
    return rc;
}

static int p_save_to(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->save_to = v;
    return 0;
}

#define ALL (OPT_WINDOW | OPT_LIST | OPT_TRACE | OPT_RENDER | OPT_LAYOUT | OPT_SWEEP | \
             OPT_GRADCHECK | OPT_BACKPROP | OPT_BASINS)
#define PICTURE (OPT_WINDOW | OPT_RENDER | OPT_LAYOUT)
#define OPTIMIZING (OPT_WINDOW | OPT_TRACE | OPT_RENDER | OPT_SWEEP | OPT_BASINS)
#define SURFACED (PICTURE | OPT_TRACE | OPT_SWEEP | OPT_GRADCHECK | OPT_BACKPROP | \
                  OPT_BASINS)

static const struct {
    const char *name;
    ParseFn parse;      /* NULL: a flag without a value */
    int offset;         /* a flag's int field in Options */
    unsigned cmds;      /* OPT_* that accept it */
    const char *arg, *help;
} options[] = {
    {"surface", p_surface, 0, SURFACED, "NAME", "surface from `losscape list`"},
    {"expr", p_expr, 0, SURFACED, "\"EXPRESSION\"",
     "a typed f(x, y) instead of --surface"},
    {"view", p_view, 0, PICTURE | OPT_TRACE | OPT_SWEEP | OPT_BASINS, "X0,X1,Y0,Y1",
     "parameter rectangle shown"},
    {"optimizer", p_optimizer, 0, OPTIMIZING | OPT_LAYOUT, "NAME[,NAME...]",
     "gd momentum nesterov adagrad rmsprop adam hotcold;\n"
     "                               several race from every start (trace, render)"},
    {"lr", p_lr, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER | OPT_BASINS, "ETA",
     "learning rate > 0 (0.01)"},
    {"momentum", p_fraction, offsetof(Options, optim.momentum), OPTIMIZING, "MU",
     "momentum, nesterov: in [0, 1) (0.9)"},
    {"alpha", p_fraction, offsetof(Options, optim.alpha), OPTIMIZING, "ALPHA",
     "rmsprop's smoothing, in [0, 1) (0.99)"},
    {"beta1", p_fraction, offsetof(Options, optim.beta1), OPTIMIZING, "B1",
     "adam's first moment, in [0, 1) (0.9)"},
    {"beta2", p_fraction, offsetof(Options, optim.beta2), OPTIMIZING, "B2",
     "adam's second moment, in [0, 1) (0.999)"},
    {"eps", p_eps, 0, OPTIMIZING, "EPS", "adagrad, rmsprop, adam: > 0 (1e-10, 1e-8)"},
    {"schedule", p_schedule, 0, OPTIMIZING | OPT_LAYOUT, "constant|step|exp|cosine",
     "learning rate over the steps (constant)"},
    {"decay", p_decay, 0, OPTIMIZING, "D", "step: eta D^floor(t/100), exp: eta D^t; (0, 1]"},
    {"grad", p_grad, 0, OPTIMIZING, "analytic|forward|central",
     "the paths' gradient: exact, or finite differences (analytic)"},
    {"h", p_h, 0, OPTIMIZING | OPT_GRADCHECK, "H", "finite-difference step (1e-5)"},
    {"batch", p_batch, 0, OPTIMIZING, "B",
     "data surfaces: mini-batches of B samples, 1 <= B <= n"},
    {"seed", p_seed, 0, OPTIMIZING, "S", "the generator of mini-batches and random starts (0)"},
    {"random-starts", p_random, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER, "K",
     "K starts drawn from a Gaussian around the view's centre (--seed)"},
    {"init-scale", p_positive, offsetof(Options, init_scale), OPT_WINDOW | OPT_TRACE |
     OPT_RENDER, "S", "their standard deviation (1)"},
    {"at", p_start, 0, OPT_GRADCHECK | OPT_BACKPROP, "X,Y",
     "a point to check (repeatable in gradcheck)"},
    {"start", p_start, 0, OPT_TRACE | OPT_RENDER | OPT_SWEEP, "X,Y", "a start point (repeatable)"},
    {"steps", p_steps, 0, OPT_TRACE | OPT_RENDER | OPT_SWEEP | OPT_BASINS, "N",
     "steps (trace 100; render 5000, as the window; basins 1000)"},
    {"lr-min", p_positive, offsetof(Options, lr_min), OPT_SWEEP, "A", "smallest learning rate"},
    {"lr-max", p_positive, offsetof(Options, lr_max), OPT_SWEEP, "B", "largest learning rate"},
    {"count", p_count, 0, OPT_SWEEP, "K", "learning rates, log-spaced from A to B (2..10000)"},
    {"grid", p_grid, 0, OPT_BASINS, "G", "starts a side, 1..2048 (256)"},
    {"csv", p_csv, 0, OPT_BASINS, "FILE", "also write every start's end as CSV"},
    {"size", p_size, 0, PICTURE, "WxH", "pixels (window 1280x800, render 1000x750)"},
    {"out", p_out, 0, OPT_RENDER | OPT_BASINS, "FILE.png", "where the image goes"},
    {"mode", p_mode, 0, PICTURE, "heat|contour|both", "what to draw (both)"},
    {"colormap", p_colormap, 0, PICTURE, "NAME", "viridis magma inferno plasma cividis turbo gray"},
    {"levels", p_levels, 0, PICTURE, "N", "contour levels, 1..100 (20)"},
    {"log", NULL, offsetof(Options, has_log), PICTURE, NULL,
     "logarithmic colour scale (the default where values span decades)"},
    {"3d", NULL, offsetof(Options, three_d), OPT_RENDER, NULL, "the surface as a lit 3-D mesh"},
    {"field", NULL, offsetof(Options, field), PICTURE, NULL, "arrows of the descent direction"},
    {"frames", p_frames, 0, OPT_RENDER, "DIR",
     "also the animation: DIR/frame-00000.png ... (at most ~600 frames)"},
    {"json", NULL, offsetof(Options, json), OPT_LIST, NULL, "JSON instead of a table"},
    {"scene", p_scene, 0, OPT_WINDOW | OPT_TRACE | OPT_RENDER, "FILE",
     "a scene file (options after it override its keys)"},
    {"fullscreen", NULL, offsetof(Options, fullscreen), OPT_WINDOW, NULL, "start fullscreen"},
    {"lang", p_lang, 0, OPT_WINDOW | OPT_RENDER, "en|zh",
     "the language of the window and of the figure's labels (the locale's)"},
    {"theme", p_theme, 0, OPT_WINDOW | OPT_RENDER, "light|contrast",
     "colours: dark on white, or white and yellow on black with heavier lines (light)"},
    {"stats", NULL, offsetof(Options, stats), OPT_WINDOW, NULL,
     "on exit, one line of frame times on stderr:\n"
     "                               losscape stats: frames=N p50= p90= p99= max= (ms) ..."},
    {"save-to", p_save_to, 0, OPT_WINDOW, "DIR", "where Ctrl+S and F12 write (.)"},
    {"help", NULL, offsetof(Options, help), ALL, NULL, "this help"},
};

#define NOPT ((int)(sizeof options / sizeof options[0]))

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
        int k = -1;
        for (int j = 0; a[0] == '-' && a[1] == '-' && j < NOPT; j++)
            if (strcmp(a + 2, options[j].name) == 0 && (options[j].cmds & cmd)) k = j;
        if (k < 0) {
            fprintf(stderr, "%s: unknown option '%s' (see %s --help)\n", prog, a, prog);
            return 2;
        }
        if (!options[k].parse) {
            *(int *)((char *)o + options[k].offset) = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "%s: --%s: missing value (%s)\n", prog, a + 2, options[k].arg);
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
            fprintf(stderr, "%s: --random-starts: at most %d start points in all, got %d\n",
                    prog, CFG_MAX_STARTS, o->nstarts + o->random_starts);
            opts_free(o);
            return 2;
        }
        Vec2 c = {(o->view.x0 + o->view.x1) / 2, (o->view.y0 + o->view.y1) / 2};
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

void opts_free(Options *o)
{
    expr_free(o->expr);
    o->expr = NULL;
}

OptimConfig opts_optim(const Options *o, int i)
{
    OptimConfig cfg = o->optim;
    cfg.kind = o->optims[i];
    cfg.horizon = o->steps;
    return cfg;
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
        snprintf(left, sizeof left, "--%s%s%s", options[j].name, options[j].arg ? " " : "",
                 options[j].arg ? options[j].arg : "");
        fprintf(f, "  %-28s %s\n", left, options[j].help);
    }
}
