/* The values of the command-line options other than the optimiser's: numbers, the
 * surface and the view, starts and counts, the picture, files and --scene. Each
 * parser reads one value into Options or writes what was expected; opts.c's table
 * names them and opts_parse adds the option's name to the message. */
#include "opts_impl.h"

#include "app/strings.h"
#include "app/theme.h"
#include "core/basins.h"
#include "core/scene.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers ---- */

/* Reads a finite double filling all of s; returns 0 or -1. */
int opts_value_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno == ERANGE || !isfinite(v)) return -1;
    *out = v;
    return 0;
}

/* Reads k numbers separated by commas; returns 0 or -1. */
int opts_value_numbers(const char *s, double *out, int k)
{
    char buf[512];
    if (strlen(s) >= sizeof buf) return -1;
    strcpy(buf, s);
    char *p = buf;
    for (int i = 0; i < k; i++) {
        char *comma = strchr(p, ',');
        if ((i < k - 1) != (comma != NULL)) return -1;
        if (comma) *comma = 0;
        if (opts_value_number(p, &out[i]) != 0) return -1;
        p = comma ? comma + 1 : p;
    }
    return 0;
}

/* ---- the surface and the view ---- */

int opts_value_surface(Options *o, void *field, const char *v, char *err, int n)
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
int opts_value_expr(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_view(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    double d[4];
    if (opts_value_numbers(v, d, 4) != 0 || !view_valid((View){d[0], d[1], d[2], d[3]})) {
        snprintf(err, n,
                 "expected X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, finite and with a "
                 "finite width and height, got '%s'",
                 v);
        return -1;
    }
    o->view = (View){d[0], d[1], d[2], d[3]};
    o->has_view = 1;
    return 0;
}

/* ---- starts, steps and counts ---- */

int opts_value_start(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    double d[2];
    if (o->nstarts >= CFG_MAX_STARTS) {
        snprintf(err, n, "at most %d start points", CFG_MAX_STARTS);
        return -1;
    }
    if (opts_value_numbers(v, d, 2) != 0) {
        snprintf(err, n, "expected X,Y (two finite numbers), got '%s'", v);
        return -1;
    }
    o->starts[o->nstarts++] = (Vec2){d[0], d[1]};
    return 0;
}

int opts_value_random(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > CFG_MAX_STARTS) {
        snprintf(err, n, "expected a whole number from 1 to %d, got '%s'", CFG_MAX_STARTS,
                 v);
        return -1;
    }
    o->random_starts = (int)k;
    return 0;
}

/* --lr-min, --lr-max: a finite number > 0. */
int opts_value_positive(Options *o, void *field, const char *v, char *err, int n)
{
    (void)o;
    double d;
    if (opts_value_number(v, &d) != 0 || !(d > 0)) {
        snprintf(err, n, "expected a finite number > 0, got '%s'", v);
        return -1;
    }
    *(double *)field = d;
    return 0;
}

int opts_value_steps(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_count(Options *o, void *field, const char *v, char *err, int n)
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
int opts_value_grid(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end == v || *end || errno || k < 1 || k > BASINS_MAX_GRID) {
        snprintf(err, n,
                 "expected a whole number of starts a side from 1 to %d, got '%s'",
                 BASINS_MAX_GRID, v);
        return -1;
    }
    o->grid = (int)k;
    return 0;
}

/* ---- the picture ---- */

int opts_value_size(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_mode(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_colormap(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_levels(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > PLOT_MAX_LEVELS) {
        snprintf(err, n, "expected a whole number from 1 to %d, got '%s'",
                 PLOT_MAX_LEVELS, v);
        return -1;
    }
    o->style.levels = (int)k;
    return 0;
}

int opts_value_lang(Options *o, void *field, const char *v, char *err, int n)
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

int opts_value_theme(Options *o, void *field, const char *v, char *err, int n)
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

/* ---- files ---- */

int opts_value_out(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->out = v;
    return 0;
}

int opts_value_frames(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field, (void)err, (void)n;
    o->frames = v;
    return 0;
}

int opts_value_csv(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->csv = v;
    return 0;
}

int opts_value_save_to(Options *o, void *field, const char *v, char *err, int n)
{
    (void)field;
    (void)err, (void)n;
    o->save_to = v;
    return 0;
}

/* ---- scene files ---- */

/* Copies the keys scene sc sets into o (and its starts, appended). */
static int apply_scene(Options *o, const Scene *sc, char *err, int n)
{
    if (sc->set & SCENE_SURFACE) o->surface = surface_at(sc->surface), o->has_surface = 1;
    if (sc->set & SCENE_EXPR && opts_value_expr(o, NULL, sc->expr, err, n) != 0)
        return -1;
    if (sc->set & SCENE_VIEW) o->view = sc->view, o->has_view = 1;
    if (sc->set & SCENE_OPTIMIZER) {
        o->optim.kind = o->optims[0] = sc->optimizer;
        o->noptim = 1;
        for (int k = 0; k < OPTIM_COUNT && o->noptim < OPTS_MAX_OPTIM; k++)
            if ((sc->race >> k & 1) && k != sc->optimizer) o->optims[o->noptim++] = k;
    }
    const struct {
        unsigned flag;
        double *dst;
        const double *src;
    } nums[] = {
        {SCENE_LR, &o->optim.lr, &sc->lr},
        {SCENE_MOMENTUM, &o->optim.momentum, &sc->momentum},
        {SCENE_ALPHA, &o->optim.alpha, &sc->alpha},
        {SCENE_BETA1, &o->optim.beta1, &sc->beta1},
        {SCENE_BETA2, &o->optim.beta2, &sc->beta2},
        {SCENE_EPS, &o->optim.eps, &sc->eps},
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
int opts_value_scene(Options *o, void *field, const char *v, char *err, int n)
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
