/* The keys of a scene file (DESIGN section 6): one parse function and one write
 * function per key, and the table that names them in the order scene_format writes
 * them. scene.c reads the lines, values and files and writes them back through this
 * table; adding a key is a SCENE_* flag, its two functions and one row. */
#include "scene_impl.h"

#include "expr.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmap.h"
#include "optim.h"
#include "plot.h"
#include "surface.h"

#define MAX_SPEED 1e6 /* steps per second */

/* ---- one parse function per key: value v (trimmed) into sc; 0 or -1 ---- */

static int parse_expr(SceneParser *p, Scene *sc, const char *v) {
    char err[256];
    if (sc->set & SCENE_SURFACE) return scene_fail(p, "give surface or expr, not both");
    Expr *e = expr_compile(v, err, sizeof err, NULL);
    if (!e) return scene_fail(p, "expr: %s", err);
    expr_free(e);
    if (strlen(v) >= sizeof sc->expr) return scene_fail(p, "expr: too long");
    strcpy(sc->expr, v);
    return 0;
}

static void write_expr(SceneOut *o, const Scene *sc) { scene_put(o, "%s", sc->expr); }

static int parse_surface(SceneParser *p, Scene *sc, const char *v) {
    if (sc->set & SCENE_EXPR) return scene_fail(p, "give surface or expr, not both");
    int i = surface_index(surface_find(v));
    if (i < 0)
        return scene_fail(p, "surface must be a name from `losscape list`, got '%s'", v);
    sc->surface = i;
    return 0;
}

static int parse_view(SceneParser *p, Scene *sc, const char *v) {
    double b[4];
    if (scene_numbers(v, b, 4) < 0)
        return scene_fail(p, "view must be 4 finite numbers x0 x1 y0 y1, got '%s'", v);
    if (!(b[0] < b[1] && b[2] < b[3]))
        return scene_fail(p, "view must have x0 < x1 and y0 < y1 (x0 x1 y0 y1), got '%s'",
                          v);
    sc->view = (View){b[0], b[1], b[2], b[3]};
    return 0;
}

/* optimizer = NAME or NAME,NAME,... (a race). */
static int parse_optimizer(SceneParser *p, Scene *sc, const char *v) {
    char list[256], buf[256];
    SceneOut o = {list, sizeof list, 0};
    for (int k = 0; k < OPTIM_COUNT; k++)
        scene_put(&o, "%s%s", k ? ", " : "", optim_name((OptimKind)k));
    if (strlen(v) >= sizeof buf)
        return scene_fail(p, "optimizer must be names from %s, got a value that long",
                          list);
    strcpy(buf, v);
    sc->race = 0;
    sc->optimizer = -1;
    for (char *name = buf, *next; name; name = next) {
        next = strchr(name, ',');
        if (next) *next++ = 0;
        name += strspn(name, SCENE_BLANK);
        name[strcspn(name, SCENE_BLANK)] = 0;
        int k = optim_find(name);
        if (k < 0)
            return scene_fail(p, "optimizer must be one of %s, got '%s'", list, name);
        if (sc->optimizer < 0) sc->optimizer = k;
        sc->race |= 1u << k;
    }
    if (sc->race == 1u << sc->optimizer) sc->race = 0; /* one optimiser: no race */
    return 0;
}

static int parse_momentum(SceneParser *p, Scene *sc, const char *v) {
    return scene_fraction(p, "momentum", v, &sc->momentum);
}

static int parse_alpha(SceneParser *p, Scene *sc, const char *v) {
    return scene_fraction(p, "alpha", v, &sc->alpha);
}

static int parse_beta1(SceneParser *p, Scene *sc, const char *v) {
    return scene_fraction(p, "beta1", v, &sc->beta1);
}

static int parse_beta2(SceneParser *p, Scene *sc, const char *v) {
    return scene_fraction(p, "beta2", v, &sc->beta2);
}

static int parse_eps(SceneParser *p, Scene *sc, const char *v) {
    return scene_positive(p, "eps", v, INFINITY, &sc->eps);
}

static int parse_decay(SceneParser *p, Scene *sc, const char *v) {
    return scene_positive(p, "decay", v, 1, &sc->decay);
}

static int parse_schedule(SceneParser *p, Scene *sc, const char *v) {
    if ((sc->schedule = optim_schedule_find(v)) >= 0) return 0;
    return scene_fail(p, "schedule must be constant, step, exp or cosine, got '%s'", v);
}

static int parse_lr(SceneParser *p, Scene *sc, const char *v) {
    return scene_positive(p, "lr", v, INFINITY, &sc->lr);
}

static int parse_speed(SceneParser *p, Scene *sc, const char *v) {
    return scene_positive(p, "speed", v, MAX_SPEED, &sc->speed);
}

static int parse_mode(SceneParser *p, Scene *sc, const char *v) {
    if ((sc->mode = plot_mode_find(v)) >= 0) return 0;
    return scene_fail(p, "mode must be heat, contour or both, got '%s'", v);
}

static int parse_colormap(SceneParser *p, Scene *sc, const char *v) {
    char list[256];
    SceneOut o = {list, sizeof list, 0};
    if ((sc->colormap = cmap_find(v)) >= 0) return 0;
    for (int k = 0; k < CMAP_COUNT; k++)
        scene_put(&o, "%s%s", k ? ", " : "", cmap_name((CmapKind)k));
    return scene_fail(p, "colormap must be one of %s, got '%s'", list, v);
}

static int parse_levels(SceneParser *p, Scene *sc, const char *v) {
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > PLOT_MAX_LEVELS)
        return scene_fail(p, "levels must be an integer from 1 to %d, got '%s'",
                          PLOT_MAX_LEVELS, v);
    sc->levels = (int)k;
    return 0;
}

static int parse_log(SceneParser *p, Scene *sc, const char *v) {
    if (strcmp(v, "true") && strcmp(v, "false"))
        return scene_fail(p, "log must be true or false, got '%s'", v);
    sc->log = !strcmp(v, "true");
    return 0;
}

static int parse_field(SceneParser *p, Scene *sc, const char *v) {
    if (strcmp(v, "true") && strcmp(v, "false"))
        return scene_fail(p, "field must be true or false, got '%s'", v);
    sc->field = !strcmp(v, "true");
    return 0;
}

static void write_field(SceneOut *o, const Scene *sc) {
    scene_put(o, "%s", sc->field ? "true" : "false");
}

static int parse_title(SceneParser *p, Scene *sc, const char *v) {
    return scene_text(p, "title", v, sc->title);
}

static int parse_note(SceneParser *p, Scene *sc, const char *v) {
    return scene_text(p, "note", v, sc->note);
}

static int parse_start(SceneParser *p, Scene *sc, const char *v) {
    double xy[2];
    if (sc->nstarts >= SCENE_MAX_STARTS)
        return scene_fail(p, "at most %d start points (SCENE_MAX_STARTS)",
                          SCENE_MAX_STARTS);
    if (scene_numbers(v, xy, 2) < 0)
        return scene_fail(p, "start must be 2 finite numbers x y, got '%s'", v);
    sc->starts[sc->nstarts++] = (Vec2){xy[0], xy[1]};
    return 0;
}

/* ---- one write function per key: the value of a key in sc->set ---- */

static void write_surface(SceneOut *o, const Scene *sc) {
    assert(sc->surface >= 0 && sc->surface < surface_count());
    scene_put(o, "%s", surface_at(sc->surface)->name);
}

static void write_view(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g %.17g %.17g %.17g", sc->view.x0, sc->view.x1, sc->view.y0,
              sc->view.y1);
}

static void write_optimizer(SceneOut *o, const Scene *sc) {
    assert(sc->optimizer >= 0 && sc->optimizer < OPTIM_COUNT);
    scene_put(o, "%s", optim_name((OptimKind)sc->optimizer));
    for (int k = 0; k < OPTIM_COUNT; k++)
        if ((sc->race >> k & 1) && k != sc->optimizer)
            scene_put(o, ",%s", optim_name((OptimKind)k));
}

static void write_momentum(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->momentum);
}

static void write_alpha(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->alpha);
}

static void write_beta1(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->beta1);
}

static void write_beta2(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->beta2);
}

static void write_eps(SceneOut *o, const Scene *sc) { scene_put(o, "%.17g", sc->eps); }

static void write_decay(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->decay);
}

static void write_schedule(SceneOut *o, const Scene *sc) {
    scene_put(o, "%s", optim_schedule_name((SchedKind)sc->schedule));
}

static void write_lr(SceneOut *o, const Scene *sc) { scene_put(o, "%.17g", sc->lr); }

static void write_speed(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->speed);
}

static void write_mode(SceneOut *o, const Scene *sc) {
    assert(sc->mode >= PLOT_HEAT && sc->mode <= PLOT_BOTH);
    scene_put(o, "%s", plot_mode_name((PlotMode)sc->mode));
}

static void write_colormap(SceneOut *o, const Scene *sc) {
    assert(sc->colormap >= 0 && sc->colormap < CMAP_COUNT);
    scene_put(o, "%s", cmap_name((CmapKind)sc->colormap));
}

static void write_levels(SceneOut *o, const Scene *sc) { scene_put(o, "%d", sc->levels); }

static void write_log(SceneOut *o, const Scene *sc) {
    scene_put(o, "%s", sc->log ? "true" : "false");
}

static int parse_batch(SceneParser *p, Scene *sc, const char *v) {
    long k;
    if (scene_whole(p, "batch", v, 1, 1000000, &k)) return -1;
    sc->batch = (int)k;
    return 0;
}

static int parse_seed(SceneParser *p, Scene *sc, const char *v) {
    long k;
    if (scene_whole(p, "seed", v, 0, 2147483647L, &k)) return -1;
    sc->seed = (unsigned long)k;
    return 0;
}

static int parse_grad(SceneParser *p, Scene *sc, const char *v) {
    if ((sc->grad = grad_find(v)) >= 0) return 0;
    return scene_fail(p, "grad must be analytic, forward or central, got '%s'", v);
}

static int parse_random(SceneParser *p, Scene *sc, const char *v) {
    long k;
    if (scene_whole(p, "random_starts", v, 1, SCENE_MAX_STARTS, &k)) return -1;
    sc->random_starts = (int)k;
    return 0;
}

static int parse_init_scale(SceneParser *p, Scene *sc, const char *v) {
    return scene_positive(p, "init_scale", v, INFINITY, &sc->init_scale);
}

static int parse_title_zh(SceneParser *p, Scene *sc, const char *v) {
    return scene_text(p, "title.zh", v, sc->title_zh);
}

static int parse_note_zh(SceneParser *p, Scene *sc, const char *v) {
    return scene_text(p, "note.zh", v, sc->note_zh);
}

static void write_batch(SceneOut *o, const Scene *sc) { scene_put(o, "%d", sc->batch); }
static void write_seed(SceneOut *o, const Scene *sc) { scene_put(o, "%lu", sc->seed); }

static void write_grad(SceneOut *o, const Scene *sc) {
    scene_put(o, "%s", grad_name((GradMode)sc->grad));
}

static void write_random(SceneOut *o, const Scene *sc) {
    scene_put(o, "%d", sc->random_starts);
}

static void write_init_scale(SceneOut *o, const Scene *sc) {
    scene_put(o, "%.17g", sc->init_scale);
}

static void write_title_zh(SceneOut *o, const Scene *sc) {
    scene_put_text(o, sc->title_zh);
}

static void write_note_zh(SceneOut *o, const Scene *sc) {
    scene_put_text(o, sc->note_zh);
}

static void write_title(SceneOut *o, const Scene *sc) { scene_put_text(o, sc->title); }

static void write_note(SceneOut *o, const Scene *sc) { scene_put_text(o, sc->note); }

/* ---- the key table ---- */

/* Order is the order scene_format writes keys in. */
static const SceneKey keys[] = {
    {"surface", SCENE_SURFACE, parse_surface, write_surface},
    {"expr", SCENE_EXPR, parse_expr, write_expr},
    {"view", SCENE_VIEW, parse_view, write_view},
    {"optimizer", SCENE_OPTIMIZER, parse_optimizer, write_optimizer},
    {"lr", SCENE_LR, parse_lr, write_lr},
    {"momentum", SCENE_MOMENTUM, parse_momentum, write_momentum},
    {"alpha", SCENE_ALPHA, parse_alpha, write_alpha},
    {"beta1", SCENE_BETA1, parse_beta1, write_beta1},
    {"beta2", SCENE_BETA2, parse_beta2, write_beta2},
    {"eps", SCENE_EPS, parse_eps, write_eps},
    {"schedule", SCENE_SCHEDULE, parse_schedule, write_schedule},
    {"decay", SCENE_DECAY, parse_decay, write_decay},
    {"grad", SCENE_GRAD, parse_grad, write_grad},
    {"batch", SCENE_BATCH, parse_batch, write_batch},
    {"seed", SCENE_SEED, parse_seed, write_seed},
    {"speed", SCENE_SPEED, parse_speed, write_speed},
    {"mode", SCENE_MODE, parse_mode, write_mode},
    {"colormap", SCENE_COLORMAP, parse_colormap, write_colormap},
    {"levels", SCENE_LEVELS, parse_levels, write_levels},
    {"log", SCENE_LOG, parse_log, write_log},
    {"field", SCENE_FIELD, parse_field, write_field},
    {"title", SCENE_TITLE, parse_title, write_title},
    {"note", SCENE_NOTE, parse_note, write_note},
    {"title.zh", SCENE_TITLE_ZH, parse_title_zh, write_title_zh},
    {"note.zh", SCENE_NOTE_ZH, parse_note_zh, write_note_zh},
    {"random_starts", SCENE_RANDOM, parse_random, write_random},
    {"init_scale", SCENE_INIT_SCALE, parse_init_scale, write_init_scale},
    {"start", 0, parse_start, NULL},
    /* DESIGN section 6 keys that a later version will read */
};
#define NKEYS (int)(sizeof keys / sizeof keys[0])

/* scene_parse keeps the line each key was set on in an array of SCENE_KEYS_MAX */
_Static_assert(NKEYS <= SCENE_KEYS_MAX, "more keys than SCENE_KEYS_MAX");

/* Returns the index of the key named `name` in keys[], or -1. */
int scene_keys_find(const char *name) {
    for (int i = 0; i < NKEYS; i++)
        if (!strcmp(keys[i].name, name)) return i;
    return -1;
}

/* Returns keys[i], or NULL when i is past the last row. */
const SceneKey *scene_keys_at(int i) { return i >= 0 && i < NKEYS ? &keys[i] : NULL; }
