/* The App's scenes: the state in and out of scene files (Ctrl+S, Ctrl+O, a dropped
 * file), the paths out as CSV (Ctrl+E), and the autosave that keeps a scene left
 * unsaved when the window closes and reopens it on the next start. */
#include "app.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/strings.h"
#include "core/csv.h"

/* ---- scenes ---------------------------------------------------------------- */

int app_apply_scene(App *app, const Scene *sc)
{
    if (sc->set & SCENE_SURFACE) app_set_surface(app, surface_at(sc->surface));
    if ((sc->set & SCENE_EXPR) && app_set_expr(app, sc->expr) != 0) return -1;
    if (sc->set & SCENE_VIEW) app_set_view(app, sc->view);
    if (sc->set & SCENE_OPTIMIZER) {
        app->optim.kind = sc->optimizer;
        app->race = sc->race;
    }
    if (sc->set & SCENE_LR) app->optim.lr = sc->lr;
    if (sc->set & SCENE_MOMENTUM) app->optim.momentum = sc->momentum;
    if (sc->set & SCENE_ALPHA) app->optim.alpha = sc->alpha;
    if (sc->set & SCENE_BETA1) app->optim.beta1 = sc->beta1;
    if (sc->set & SCENE_BETA2) app->optim.beta2 = sc->beta2;
    if (sc->set & SCENE_EPS) app->optim.eps = sc->eps;
    if (sc->set & SCENE_SCHEDULE) app->optim.schedule = sc->schedule;
    if (sc->set & SCENE_DECAY) app->optim.decay = sc->decay;
    if (sc->set & SCENE_GRAD) app->optim.grad = sc->grad;
    if (sc->set & SCENE_SEED) app->optim.seed = sc->seed;
    if (sc->set & SCENE_BATCH)
        app->optim.batch = sc->batch < app->surface->nsamples ? sc->batch : 0;
    if (sc->set & SCENE_RANDOM) app->random_k = sc->random_starts;
    if (sc->set & SCENE_INIT_SCALE) app->random_scale = sc->init_scale;
    app_relayout(app);
    if (sc->set & SCENE_SPEED) app->speed = sc->speed;
    if (sc->set & SCENE_MODE) app->style.mode = sc->mode;
    if (sc->set & SCENE_COLORMAP) app->style.cmap = sc->colormap;
    if (sc->set & SCENE_LEVELS) app->style.levels = sc->levels;
    if (sc->set & SCENE_LOG) app->style.log = sc->log;
    if (sc->set & SCENE_FIELD) app->style.field = sc->field;
    snprintf(app->title, sizeof app->title, "%s", sc->set & SCENE_TITLE ? sc->title : "");
    snprintf(app->note, sizeof app->note, "%s", sc->set & SCENE_NOTE ? sc->note : "");
    snprintf(app->title_zh, sizeof app->title_zh, "%s",
             sc->set & SCENE_TITLE_ZH ? sc->title_zh : "");
    snprintf(app->note_zh, sizeof app->note_zh, "%s",
             sc->set & SCENE_NOTE_ZH ? sc->note_zh : "");
    app->npaths = 0;
    for (int i = 0; i < sc->nstarts && i < APP_MAX_PATHS; i++)
        app_add_path(app, sc->starts[i]);
    app->draws = 0;
    if (sc->set & SCENE_RANDOM) app_random_starts(app, sc->random_starts, sc->init_scale);
    app->dirty = 1;
    return 0;
}

void app_scene(const App *app, Scene *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->set = (app->surface == &app->typed ? SCENE_EXPR : SCENE_SURFACE) | SCENE_VIEW | SCENE_OPTIMIZER | SCENE_LR | SCENE_SPEED |
              SCENE_MODE | SCENE_COLORMAP | SCENE_LEVELS | SCENE_LOG | SCENE_MOMENTUM |
              SCENE_ALPHA | SCENE_BETA1 | SCENE_BETA2 | SCENE_SCHEDULE;
    const OptimConfig *o = &app->optim;
    sc->race = app->race & (app->race - 1) ? app->race : 0;
    sc->momentum = o->momentum;
    sc->alpha = o->alpha;
    sc->beta1 = o->beta1;
    sc->beta2 = o->beta2;
    sc->schedule = o->schedule;
    sc->eps = o->eps;
    sc->decay = o->decay;
    if (o->eps > 0) sc->set |= SCENE_EPS;
    sc->set |= SCENE_GRAD | SCENE_SEED;
    sc->grad = o->grad;
    sc->seed = o->seed;
    if (o->batch > 0) sc->set |= SCENE_BATCH;
    sc->batch = o->batch;
    if (o->decay > 0) sc->set |= SCENE_DECAY;
    sc->surface = app->surface == &app->typed ? 0 : surface_index(app->surface);
    if (app->expr) snprintf(sc->expr, sizeof sc->expr, "%s", expr_text(app->expr));
    sc->view = app->view;
    sc->optimizer = app->optim.kind;
    sc->lr = app->optim.lr;
    sc->speed = app->speed;
    sc->mode = app->style.mode;
    sc->colormap = app->style.cmap;
    sc->levels = app->style.levels;
    sc->log = app->style.log != 0;
    sc->field = app->style.field != 0;
    sc->set |= SCENE_FIELD;
    if (app->title[0]) sc->set |= SCENE_TITLE;
    if (app->note[0]) sc->set |= SCENE_NOTE;
    snprintf(sc->title, sizeof sc->title, "%s", app->title);
    snprintf(sc->note, sizeof sc->note, "%s", app->note);
    if (app->title_zh[0]) sc->set |= SCENE_TITLE_ZH;
    if (app->note_zh[0]) sc->set |= SCENE_NOTE_ZH;
    snprintf(sc->title_zh, sizeof sc->title_zh, "%s", app->title_zh);
    snprintf(sc->note_zh, sizeof sc->note_zh, "%s", app->note_zh);
    sc->nstarts = 0;
    for (int i = 0; i < app->npaths; i++)
        if (i == 0 || app->paths[i].group != app->paths[i - 1].group)
            sc->starts[sc->nstarts++] = app->paths[i].start;
}

int app_stamp_path(const App *app, const char *ext, char *out, int n)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    struct stat st;
    for (int k = 1; k < 100; k++) {
        int len = k == 1 ? snprintf(out, n, "%s/losscape-%s.%s", app->save_to, stamp, ext)
                         : snprintf(out, n, "%s/losscape-%s-%d.%s", app->save_to, stamp,
                                    k, ext);
        if (len >= n) return -1;
        if (stat(out, &st) != 0) return 0;
    }
    return -1;
}

/* Writes the current state to scene file `path` (atomically, see scene_save);
 * returns 0, or -1 with a one-line reason in err (size n). */
static int save(const App *app, const char *path, char *err, int n)
{
    Scene *sc = malloc(sizeof *sc);
    if (!sc) {
        snprintf(err, n, "%s: out of memory", path);
        return -1;
    }
    app_scene(app, sc);
    int rc = scene_save(sc, path, err, n);
    free(sc);
    return rc;
}

int app_save_scene(App *app)
{
    char path[1200], err[1400];
    if (app_stamp_path(app, "scene", path, sizeof path) != 0) {
        app_message(app, 1, str(STR_SAVE_NO_NAME, app->lang), app->save_to);
        return -1;
    }
    if (save(app, path, err, sizeof err) != 0) {
        app_message(app, 1, "%s", err);
        return -1;
    }
    app_mark_saved(app);
    /* the autosave is no longer needed when this save holds it or what came of it */
    char autosave[1200];
    if ((app->autosave_ours || app->autosave_hash == app->saved_hash) &&
        app_autosave_path(app, autosave, sizeof autosave) == 0) {
        remove(autosave);
        app->autosave_hash = 0;
        app->autosave_ours = 0;
    }
    app_message(app, 0, str(STR_SAVED_SCENE, app->lang), path);
    return 0;
}

/* Returns scene file `path` loaded into a new Scene (the caller frees it), or NULL
 * after putting the reason in the status line: out of memory, or the loader's
 * message in string `bad`. */
static Scene *load(App *app, const char *path, StrId bad)
{
    char err[1400];
    Scene *sc = malloc(sizeof *sc);
    if (!sc) {
        app_message(app, 1, str(STR_OPEN_OOM, app->lang), path);
        return NULL;
    }
    if (scene_load(sc, path, err, sizeof err) != 0) {
        app_message(app, 1, str(bad, app->lang), err);
        free(sc);
        return NULL;
    }
    return sc;
}

int app_open_scene(App *app, const char *path)
{
    Scene *sc = load(app, path, STR_OPEN_KEPT);
    if (!sc) return -1;
    /* the work being replaced is kept first: nothing is lost by opening a lesson */
    char kept[1400] = "";
    int k = app_autosave(app, kept, sizeof kept);
    if (k == 1) app_autosave_path(app, kept, sizeof kept);
    int rc = app_apply_scene(app, sc);
    free(sc);
    if (rc != 0) return rc;
    app_mark_saved(app);
    app->autosave_ours = 0;
    if (k == 1)
        app_message(app, 0, str(STR_OPENED_KEPT_UNSAVED, app->lang), path, kept);
    else if (k < 0)
        app_message(app, 1, str(STR_OPENED_LOST_UNSAVED, app->lang), path, kept);
    else
        app_message(app, 0, str(STR_OPENED, app->lang), path);
    return 0;
}

/* ---- unsaved work ---------------------------------------------------------- */

#define HASH_TEXT (64 * 1024) /* the longest scene text: expr, four texts, 256 starts */

uint64_t app_scene_hash(const App *app)
{
    Scene *sc = malloc(sizeof *sc);
    char *text = malloc(HASH_TEXT);
    uint64_t h = 0;
    if (sc && text) {
        app_scene(app, sc);
        int len = scene_format(sc, text, HASH_TEXT);
        h = 14695981039346656037u; /* FNV-1a, 64 bits */
        for (int i = 0; i < len; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211u;
    }
    free(sc);
    free(text);
    return h;
}

void app_mark_saved(App *app) { app->saved_hash = app_scene_hash(app); }

int app_unsaved(const App *app) { return app_scene_hash(app) != app->saved_hash; }

int app_autosave_path(const App *app, char *out, int n)
{
    return snprintf(out, n, "%s/%s", app->save_to, APP_AUTOSAVE) < n ? 0 : -1;
}

int app_autosave(App *app, char *err, int n)
{
    uint64_t now = app_scene_hash(app);
    if (now == app->saved_hash) return 0;
    char path[1200];
    if (app_autosave_path(app, path, sizeof path) != 0) {
        snprintf(err, n, "%s: the save directory's name is too long", app->save_to);
        return -1;
    }
    if (save(app, path, err, n) != 0) return -1;
    app->autosave_hash = now;
    return 1;
}

int app_restore(App *app)
{
    char path[1200];
    struct stat st;
    if (app_autosave_path(app, path, sizeof path) != 0 || stat(path, &st) != 0) return 0;
    Scene *sc = load(app, path, STR_RESTORE_BAD);
    if (!sc) return -1;
    int rc = app_apply_scene(app, sc);
    free(sc);
    if (rc != 0) return -1;
    /* saved_hash stays that of the start: the reopened work is still unsaved */
    app->autosave_hash = app_scene_hash(app);
    app->autosave_ours = 1;
    app_message(app, 0, str(STR_RESTORED, app->lang), path);
    return 1;
}

int app_export_csv(App *app)
{
    char path[1200], tmp[1300];
    if (app_stamp_path(app, "csv", path, sizeof path) != 0) {
        app_message(app, 1, str(STR_EXPORT_NO_NAME, app->lang), app->save_to);
        return -1;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        app_message(app, 1, str(STR_CANNOT_WRITE, app->lang), path, strerror(errno));
        return -1;
    }
    fprintf(f, "%s\n", CSV_TRACE_HEADER);
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        for (int k = 0; k < p->traj.len; k++)
            csv_write_point(f, i, optim_name(p->kind), k, &p->traj.pts[k]);
    }
    int bad = ferror(f) != 0;
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        app_message(app, 1, str(STR_CANNOT_WRITE, app->lang), path, strerror(errno));
        remove(tmp);
        return -1;
    }
    app_message(app, 0, str(STR_EXPORTED, app->lang), app->npaths, path);
    return 0;
}

