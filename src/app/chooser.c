/* The scene chooser: two directories listed (lessons first, in file-name order,
 * then saved scenes, newest first), each entry shown by its title, in a box over
 * the window. Row geometry is computed by one function for drawing and clicking. */
#include "chooser.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/strings.h"
#include "app/theme.h"

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

/* Appends the *.scene files of dir (sorted; reversed when `newest`) to the list. */
static void list_dir(App *app, const char *dir, int newest)
{
    DIR *d = opendir(dir);
    if (!d) return;
    int first = app->nfiles;
    struct dirent *e;
    while ((e = readdir(d)) && app->nfiles < APP_MAX_FILES) {
        size_t n = strlen(e->d_name);
        if (n < 7 || strcmp(e->d_name + n - 6, ".scene") != 0) continue;
        snprintf(app->files[app->nfiles++], sizeof app->files[0], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(app->files[first], app->nfiles - first, sizeof app->files[0], by_name);
    for (int i = first, j = app->nfiles - 1; newest && i < j; i++, j--) {
        char t[sizeof app->files[0]];
        memcpy(t, app->files[i], sizeof t);
        memcpy(app->files[i], app->files[j], sizeof t);
        memcpy(app->files[j], t, sizeof t);
    }
}

void chooser_open(App *app, const char *assets_dir)
{
    char dir[1100];
    app->nfiles = 0;
    snprintf(dir, sizeof dir, "%s/scenes", assets_dir);
    list_dir(app, dir, 0);
    list_dir(app, app->save_to, 1);
    Scene *sc = malloc(sizeof *sc);
    for (int i = 0; i < app->nfiles; i++) {
        char err[64];
        const char *base = strrchr(app->files[i], '/');
        base = base ? base + 1 : app->files[i];
        if (sc && scene_load(sc, app->files[i], err, sizeof err) == 0 && sc->title[0])
            snprintf(app->titles[i], sizeof app->titles[0], "%.120s",
                     app->lang == LANG_ZH && sc->title_zh[0] ? sc->title_zh : sc->title);
        else
            snprintf(app->titles[i], sizeof app->titles[0], "%s", base);
    }
    free(sc);
    app->chooser = 1;
    app->dirty = 1;
    if (!app->nfiles)
        app_message(app, 1, str(STR_NO_SCENES, app->lang), dir, app->save_to);
}

/* The chooser's box and the height of a row, from the window's size. */
static Rect box(const App *app, int *rowh)
{
    double s = app->dpi * app->text_scale;
    *rowh = (int)lround(28 * s);
    int w = (int)lround(560 * s), h = (app->nfiles + 2) * *rowh;
    if (h > app->h - 40) h = app->h - 40;
    return (Rect){(app->w - w) / 2, (app->h - h) / 2, w, h};
}

int chooser_press(App *app, double x, double y)
{
    int rowh;
    Rect b = box(app, &rowh);
    int row = (int)floor((y - b.y) / rowh) - 1; /* the first row is the heading */
    app->chooser = 0;
    app->dirty = 1;
    if (ui_inside(b, x, y) && row >= 0 && row < app->nfiles) app_open_scene(app, app->files[row]);
    return 1;
}

void chooser_draw(App *app, Canvas *c, Text *t)
{
    const Theme *pal = app->pal;
    if (!app->chooser) return;
    double s = app->dpi * app->text_scale;
    int rowh, fs = (int)lround(THEME_TEXT * s);
    Rect b = box(app, &rowh);
    canvas_fill_rect(c, (Rect){0, 0, app->w, app->h}, (Color){0, 0, 0, 110});
    canvas_fill_rect(c, b, pal->bg);
    canvas_stroke_rect(c, b, 2, pal->accent);
    Rect old = canvas_set_clip(c, b);
    int x = b.x + (int)lround(16 * s), th = text_height(t, fs);
    text_draw(t, c, x, b.y + (rowh - th) / 2, str(STR_CHOOSER_HEAD, app->lang),
              fs, 1, pal->ink);
    for (int i = 0; i < app->nfiles; i++) {
        Rect r = {b.x + 2, b.y + (i + 1) * rowh, b.w - 4, rowh};
        if (ui_inside(r, app->mouse.x, app->mouse.y)) canvas_fill_rect(c, r, pal->hover);
        text_draw(t, c, x, r.y + (rowh - th) / 2, app->titles[i], fs, 0, pal->ink);
    }
    canvas_set_clip(c, old);
}
