/* Key bindings as a table of {key, modifiers, action, what the help says}. The
 * help overlay is drawn from the same table, plus the mouse's bindings. */
#include "keys.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/chooser.h"
#include "app/strings.h"
#include "app/theme.h"
#include "config.h"

static void toggle_play(App *app)
{
    app->playing = !app->playing;
    app_message(app, 0, "%s", str(app->playing ? STR_PLAYING : STR_PAUSED, app->lang));
}

static void step_once(App *app)
{
    app->playing = 0;
    for (int i = 0; i < app->npaths; i++) {
        Path *p = &app->paths[i];
        p->cursor = fmin(p->traj.len - 1, floor(p->cursor) + 1);
    }
    app_message(app, 0, "%s", str(STR_ONE_STEP, app->lang));
}

static void restart(App *app)
{
    for (int i = 0; i < app->npaths; i++) app->paths[i].cursor = 0;
    app->playing = 1;
    app_message(app, 0, "%s", str(STR_RESTARTED, app->lang));
}

static void clear(App *app)
{
    app->npaths = 0;
    app->drag = -1;
    app_message(app, 0, "%s", str(STR_CLEARED, app->lang));
}

static void lr_down(App *app) { app_set_lr(app, app->optim.lr / CFG_LR_KEY_FACTOR); }
static void lr_up(App *app) { app_set_lr(app, app->optim.lr * CFG_LR_KEY_FACTOR); }

static void toggle_basins(App *app)
{
    app->basins = !app->basins;
    if (!app->basins) overlay_stop(&app->overlay);
    app_message(app, 0, "%s", str(app->basins ? STR_BASINS_ON : STR_BASINS_OFF, app->lang));
}

static void toggle_3d(App *app)
{
    app->view3d = !app->view3d;
    app_message(app, 0, "%s", str(app->view3d ? STR_VIEW_3D : STR_VIEW_2D, app->lang));
}

static void toggle_lang(App *app)
{
    app->lang = app->lang == LANG_ZH ? LANG_EN : LANG_ZH;
    app_message(app, 0, "%s", str(STR_LANG_SET, app->lang));
    app_relayout(app); /* captions change width */
}

static void toggle_theme(App *app)
{
    app->pal = theme_get(app->pal == theme_get(THEME_LIGHT) ? THEME_CONTRAST : THEME_LIGHT);
    int hc = app->pal == theme_get(THEME_CONTRAST);
    app_message(app, 0, "%s", str(hc ? STR_THEME_CONTRAST_SET : STR_THEME_LIGHT_SET, app->lang));
    app_relayout(app); /* line weights change */
}

static void home(App *app)
{
    app->cam3d = surf3d_camera_default();
    app->view = app->surface->view;
    app_resize(app, app->w, app->h, app->dpi);
    app_recompute(app);
}

static void help(App *app)
{
    app->help = !app->help;
    app->dirty = 1;
}

static void escape(App *app)
{
    app->help = 0;
    app->chooser = 0;
    app->ui.open = 0;
    app->dirty = 1;
}

/* Up and Down choose the sample the back-propagation chart follows. */
static void sample_step(App *app, int d)
{
    int n = app->surface->nsamples;
    if (n <= 0) return;
    app->sample = ((app->sample + d) % n + n) % n;
    app->dirty = 1;
}

static void sample_up(App *app) { sample_step(app, -1); }
static void sample_down(App *app) { sample_step(app, 1); }

static void save(App *app) { app_save_scene(app); }
static void export_csv(App *app) { app_export_csv(app); }
static void open_chooser(App *app) { chooser_open(app, app->assets); }
static void screenshot(App *app) { app->requests |= APP_REQ_SCREENSHOT; }
static void fullscreen(App *app) { app->requests |= APP_REQ_FULLSCREEN; }
static void quit(App *app) { app->requests |= APP_REQ_QUIT; }

static void text_size(App *app, double f)
{
    double s = app->text_scale * f;
    app->text_scale = s < 0.6 ? 0.6 : s > 2.5 ? 2.5 : s;
    app_resize(app, app->w, app->h, app->dpi);
}

static void bigger(App *app) { text_size(app, 1.15); }
static void smaller(App *app) { text_size(app, 1 / 1.15); }

static const struct {
    AppKey key;
    int mod;
    void (*fn)(App *);
    const char *keys; /* shown in the help; NULL: the row above covers it */
    StrId what;       /* what the help says it does */
} bindings[] = {
    {APP_KEY_SPACE, 0, toggle_play, "Space", STR_HELP_PLAY},
    {APP_KEY_N, 0, step_once, "N / →", STR_HELP_STEP},
    {APP_KEY_RIGHT, 0, step_once, NULL, 0},
    {APP_KEY_R, 0, restart, "R", STR_HELP_RESTART},
    {APP_KEY_C, 0, clear, "C", STR_HELP_CLEAR},
    {APP_KEY_LBRACKET, 0, lr_down, "[  ]", STR_HELP_LR},
    {APP_KEY_RBRACKET, 0, lr_up, NULL, 0},
    {APP_KEY_HOME, 0, home, "Home", STR_HELP_HOME},
    {APP_KEY_3, 0, toggle_3d, "3", STR_HELP_3D},
    {APP_KEY_B, 0, toggle_basins, "B", STR_HELP_BASINS},
    {APP_KEY_L, 0, toggle_lang, "L", STR_HELP_LANG},
    {APP_KEY_T, 0, toggle_theme, "T", STR_HELP_THEME},
    {APP_KEY_UP, 0, sample_up, "↑ ↓", STR_HELP_SAMPLE},
    {APP_KEY_DOWN, 0, sample_down, NULL, 0},
    {APP_KEY_H, 0, help, "H / F1", STR_HELP_HELP},
    {APP_KEY_F1, 0, help, NULL, 0},
    {APP_KEY_S, APP_MOD_CTRL, save, "Ctrl+S", STR_HELP_SAVE},
    {APP_KEY_O, APP_MOD_CTRL, open_chooser, "Ctrl+O", STR_HELP_OPEN},
    {APP_KEY_E, APP_MOD_CTRL, export_csv, "Ctrl+E", STR_HELP_EXPORT},
    {APP_KEY_F12, 0, screenshot, "F12", STR_HELP_SHOT},
    {APP_KEY_F11, 0, fullscreen, "F11", STR_HELP_FULLSCREEN},
    {APP_KEY_EQUALS, APP_MOD_CTRL, bigger, "Ctrl+= / Ctrl+−", STR_HELP_TEXT},
    {APP_KEY_MINUS, APP_MOD_CTRL, smaller, NULL, 0},
    {APP_KEY_ESCAPE, 0, escape, "Esc", STR_HELP_ESC},
    {APP_KEY_Q, APP_MOD_CTRL, quit, "Ctrl+Q", STR_HELP_QUIT},
};

static const StrId mouse_help[][2] = {
    {STR_MOUSE_CLICK, STR_MOUSE_CLICK_DO}, {STR_MOUSE_DRAG, STR_MOUSE_DRAG_DO},
    {STR_MOUSE_RIGHT, STR_MOUSE_RIGHT_DO}, {STR_MOUSE_WHEEL, STR_MOUSE_WHEEL_DO},
    {STR_MOUSE_PAN, STR_MOUSE_PAN_DO},     {STR_MOUSE_HOVER, STR_MOUSE_HOVER_DO},
    {STR_MOUSE_FIELD, STR_MOUSE_FIELD_DO}, {STR_MOUSE_DROP, STR_MOUSE_DROP_DO},
};

#define NBIND ((int)(sizeof bindings / sizeof bindings[0]))
#define NMOUSE ((int)(sizeof mouse_help / sizeof mouse_help[0]))

/* ---- the expression field ------------------------------------------------- */

void keys_type(App *app, const char *text)
{
    size_t len = strlen(app->edit), add = strlen(text);
    if (len + add >= sizeof app->edit) return;
    memmove(app->edit + app->caret + add, app->edit + app->caret, len - app->caret + 1);
    memcpy(app->edit + app->caret, text, add);
    app->caret += (int)add;
    app->edit_col = 0;
    app->dirty = 1;
}

/* Returns the byte offset of the character before (dir < 0) or after the caret. */
static int step_char(const char *s, int at, int dir)
{
    if (dir < 0) {
        while (at > 0 && ((unsigned char)s[--at] & 0xC0) == 0x80) {}
        return at;
    }
    if (s[at]) at++;
    while (((unsigned char)s[at] & 0xC0) == 0x80) at++;
    return at;
}

/* Edits the field for key; returns 1 when the key was an editing key. */
static int edit_key(App *app, AppKey key)
{
    char *s = app->edit;
    int len = (int)strlen(s), a, b;
    switch (key) {
    case APP_KEY_BACKSPACE:
    case APP_KEY_DELETE:
        a = key == APP_KEY_BACKSPACE ? step_char(s, app->caret, -1) : app->caret;
        b = key == APP_KEY_BACKSPACE ? app->caret : step_char(s, app->caret, 1);
        memmove(s + a, s + b, (size_t)(len - b + 1));
        app->caret = a;
        app->edit_col = 0;
        break;
    case APP_KEY_LEFT: app->caret = step_char(s, app->caret, -1); break;
    case APP_KEY_RIGHT: app->caret = step_char(s, app->caret, 1); break;
    case APP_KEY_HOME: app->caret = 0; break;
    case APP_KEY_END: app->caret = len; break;
    case APP_KEY_RETURN: app_set_expr(app, s); break;
    case APP_KEY_ESCAPE: app->editing = 0; break;
    default: return 0;
    }
    app->dirty = 1;
    return 1;
}

void keys_handle(App *app, AppKey key, int mod)
{
    int ctrl = mod & APP_MOD_CTRL;
    /* while typing, keys edit the text; only Ctrl bindings still act */
    if (app->editing && !ctrl) {
        edit_key(app, key);
        return;
    }
    for (int i = 0; i < NBIND; i++)
        if (bindings[i].key == key && (bindings[i].mod & APP_MOD_CTRL) == ctrl) {
            bindings[i].fn(app);
            return;
        }
}

void keys_draw_help(App *app, Canvas *c, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    int fs = (int)lround(THEME_TEXT * s), lh = text_height(t, fs) + (int)lround(4 * s);
    int rows = NMOUSE + 3;
    for (int i = 0; i < NBIND; i++) rows += bindings[i].keys != NULL;
    int w = (int)lround(560 * s), h = rows * lh + (int)lround(40 * s);
    Rect box = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    canvas_fill_rect(c, (Rect){0, 0, app->w, app->h}, (Color){0, 0, 0, 110});
    canvas_fill_rect(c, box, pal->bg);
    canvas_stroke_rect(c, box, 2, pal->accent);
    int x = box.x + (int)lround(24 * s), x2 = box.x + (int)lround(230 * s);
    int y = box.y + (int)lround(18 * s);
    text_draw(t, c, x, y, str(STR_HELP_TITLE, app->lang), (int)lround(THEME_TITLE * s), 1,
              pal->ink);
    y += lh + (int)lround(8 * s);
    for (int i = 0; i < NBIND; i++) {
        if (!bindings[i].keys) continue;
        text_draw(t, c, x, y, bindings[i].keys, fs, 1, pal->accent);
        text_draw(t, c, x2, y, str(bindings[i].what, app->lang), fs, 0, pal->ink);
        y += lh;
    }
    y += lh / 2;
    for (int i = 0; i < NMOUSE; i++) {
        text_draw(t, c, x, y, str(mouse_help[i][0], app->lang), fs, 1, pal->accent);
        text_draw(t, c, x2, y, str(mouse_help[i][1], app->lang), fs, 0, pal->ink);
        y += lh;
    }
}
