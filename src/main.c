/* losscape's entry point. Start reading here: a subcommand goes to cli/ and runs
 * headless; otherwise the window opens and this file runs the frame loop —
 * SDL events are translated into AppEvents (the only place that sees SDL_Event),
 * then app_tick, app_draw and a present; the loop sleeps when nothing moves. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/cores.h"
#include "app/strings.h"
#include "app/theme.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "core/data.h"
#include "gfx/frametime.h"
#include "gfx/image.h"
#include "gfx/text.h"
#include "gfx/window.h"

/* Start-up failures: one line and exit status 1. */
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "losscape: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static const struct {
    SDL_Keycode sym;
    AppKey key;
} keymap[] = {
    {SDLK_SPACE, APP_KEY_SPACE},   {SDLK_n, APP_KEY_N},
    {SDLK_RIGHT, APP_KEY_RIGHT},   {SDLK_r, APP_KEY_R},
    {SDLK_c, APP_KEY_C},           {SDLK_LEFTBRACKET, APP_KEY_LBRACKET},
    {SDLK_RIGHTBRACKET, APP_KEY_RBRACKET}, {SDLK_HOME, APP_KEY_HOME},
    {SDLK_h, APP_KEY_H},           {SDLK_F1, APP_KEY_F1},
    {SDLK_s, APP_KEY_S},           {SDLK_F12, APP_KEY_F12},
    {SDLK_F11, APP_KEY_F11},       {SDLK_ESCAPE, APP_KEY_ESCAPE},
    {SDLK_q, APP_KEY_Q},           {SDLK_EQUALS, APP_KEY_EQUALS},
    {SDLK_PLUS, APP_KEY_EQUALS},   {SDLK_KP_PLUS, APP_KEY_EQUALS},
    {SDLK_MINUS, APP_KEY_MINUS},   {SDLK_KP_MINUS, APP_KEY_MINUS},
    {SDLK_BACKSPACE, APP_KEY_BACKSPACE}, {SDLK_DELETE, APP_KEY_DELETE},
    {SDLK_LEFT, APP_KEY_LEFT},     {SDLK_END, APP_KEY_END},
    {SDLK_RETURN, APP_KEY_RETURN}, {SDLK_KP_ENTER, APP_KEY_RETURN},
    {SDLK_e, APP_KEY_E},           {SDLK_o, APP_KEY_O},
    {SDLK_UP, APP_KEY_UP},         {SDLK_DOWN, APP_KEY_DOWN},
    {SDLK_b, APP_KEY_B},           {SDLK_3, APP_KEY_3},
    {SDLK_l, APP_KEY_L},           {SDLK_t, APP_KEY_T},
};

/* Returns APP_MOD_* of SDL modifiers m. */
static int mods_of(Uint16 m)
{
    return (m & KMOD_CTRL ? APP_MOD_CTRL : 0) | (m & KMOD_SHIFT ? APP_MOD_SHIFT : 0);
}

/* The modifiers as of the last key event read: SDL_GetModState() is the state
 * after every pending event, so a fast Shift+drag could be read without Shift. */
static int mods(const SDL_Event *last_key)
{
    return last_key->type ? mods_of(last_key->key.keysym.mod) : mods_of(SDL_GetModState());
}

/* Returns nonzero when the next event waiting is a mouse motion too: a drag then
 * recomputes its paths once a frame, for the latest position, rather than once for
 * every motion that queued up while a frame was late (which made the next frame
 * later still). The App sees every other event, in order. */
static int motion_superseded(void)
{
    SDL_Event next;
    return SDL_PeepEvents(&next, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 1 &&
           next.type == SDL_MOUSEMOTION;
}

/* Translates one SDL event into the App; returns 0 when the program should end. */
static int translate(App *app, Window *win, const SDL_Event *e, SDL_Event *last_key)
{
    double s = window_scale(win);
    if (e->type == SDL_KEYDOWN || e->type == SDL_KEYUP) *last_key = *e;
    AppEvent ev = {0};
    switch (e->type) {
    case SDL_QUIT: return 0;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        ev = (AppEvent){e->type == SDL_MOUSEBUTTONDOWN ? APP_EV_DOWN : APP_EV_UP,
                        e->button.x * s, e->button.y * s, e->button.button, 0, 0, mods(last_key),
                        NULL};
        break;
    case SDL_MOUSEMOTION:
        if (motion_superseded()) return 1;
        ev = (AppEvent){APP_EV_MOVE, e->motion.x * s, e->motion.y * s, 0, 0, 0, mods(last_key),
                        NULL};
        break;
    case SDL_MOUSEWHEEL: {
        int x, y;
        SDL_GetMouseState(&x, &y);
        double dy = e->wheel.y * (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1);
        ev = (AppEvent){APP_EV_WHEEL, x * s, y * s, 0, dy, 0, mods(last_key), NULL};
        break;
    }
    case SDL_KEYDOWN:
        for (unsigned i = 0; i < sizeof keymap / sizeof keymap[0]; i++)
            if (keymap[i].sym == e->key.keysym.sym) {
                ev = (AppEvent){.type = APP_EV_KEY, .key = keymap[i].key,
                                .mod = mods_of(e->key.keysym.mod)};
                app_event(app, &ev);
                break;
            }
        return 1;
    case SDL_TEXTINPUT:
        ev = (AppEvent){.type = APP_EV_TEXT, .text = e->text.text};
        break;
    case SDL_DROPFILE:
        app_open_scene(app, e->drop.file);
        SDL_free(e->drop.file);
        return 1;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_LEAVE) {
            ev.type = APP_EV_LEAVE;
            break;
        }
        app->dirty = 1; /* resized, exposed: size is checked before drawing */
        return 1;
    default: return 1;
    }
    app_event(app, &ev);
    return 1;
}

static void screenshot(App *app, const Canvas *c)
{
    char path[1200], err[1400];
    if (app_stamp_path(app, "png", path, sizeof path) != 0)
        app_message(app, 1, str(STR_SHOT_NO_NAME, app->lang), app->save_to);
    else if (image_save_png(c, path, err, sizeof err) != 0)
        app_message(app, 1, "%s", err);
    else
        app_message(app, 0, str(STR_SHOT_SAVED, app->lang), path);
}

/* Carries out what the app asked of the window layer. */
static void requests(App *app, Window *win, const Canvas *c)
{
    char title[256];
    if (app->requests & APP_REQ_TITLE) {
        snprintf(title, sizeof title, "losscape — %s", app->surface->name);
        window_set_title(win, title);
    }
    if (app->requests & APP_REQ_FULLSCREEN) window_toggle_fullscreen(win);
    if (app->requests & APP_REQ_SCREENSHOT) screenshot(app, c);
    app->requests &= APP_REQ_QUIT;
}

/* Opens the shipped fonts and, for the Chinese interface, an installed CJK font. */
static Text *open_fonts(int lang)
{
    char err[4400];
    Text *t = text_open_shipped(err, sizeof err);
    if (!t) die("%s", err);
    if (text_set_fallback(t, text_find_cjk()) != 0 && lang == LANG_ZH)
        fprintf(stderr, "losscape: no CJK font found (install fonts-wqy-microhei); "
                        "Chinese text may show as boxes\n");
    return t;
}

/* Builds the initial state from the options and the scene file, if any. */
static void setup(App *app, const Options *o, Window *win, Scene *sc, int restore)
{
    Canvas c;
    if (window_canvas(win, &c) != 0) die("out of memory for the window");
    app->lang = o->lang;
    if (app_init(app, o->surface, c.w, c.h, window_scale(win), CFG_WINDOW_STEPS) != 0)
        die("out of memory for the paths");
    app->pal = theme_get(o->theme);
    if (o->expr) app_set_expr(app, expr_text(o->expr));
    if (o->has_view) app->view = o->view;
    app->optim = o->optim;
    app->optim.horizon = app->steps;
    app->style.mode = o->style.mode;
    app->style.cmap = o->style.cmap;
    app->style.levels = o->style.levels;
    app->style.log = o->style.log;
    app->style.field = o->style.field;
    if (o->save_to) snprintf(app->save_to, sizeof app->save_to, "%s", o->save_to);
    char *dir = text_assets_dir(), icon[1100];
    if (dir) snprintf(app->assets, sizeof app->assets, "%s", dir);
    free(dir);
    snprintf(icon, sizeof icon, "%s/icon.png", app->assets);
    window_set_icon(win, icon);
    app_resize(app, c.w, c.h, window_scale(win));
    for (int i = 0; i < o->nstarts; i++) app_add_path(app, o->starts[i]); /* random ones */
    if (o->random_starts) app->random_k = o->random_starts;
    if (o->init_scale > 0) app->random_scale = o->init_scale;
    if (o->scene) {
        app_apply_scene(app, sc);
        app_message(app, 0, str(STR_OPENED, app->lang), o->scene);
    }
    app_mark_saved(app);
    if (restore) app_restore(app);
}

/* Keeps the scene when the window closes with unsaved changes. */
static void keep_unsaved(App *app)
{
    char err[1400], path[1200];
    int rc = app_autosave(app, err, sizeof err);
    if (rc < 0)
        fprintf(stderr, "losscape: the unsaved scene could not be kept: %s\n", err);
    else if (rc > 0 && app_autosave_path(app, path, sizeof path) == 0)
        fprintf(stderr, "losscape: the unsaved scene is kept in %s; it reopens on the next "
                        "start\n", path);
}

/* The frame loop; ft, when not NULL, times every presented frame and its parts
 * (--stats); pre is started after the first present. */
static void loop(App *app, Window *win, Text *t, FrameTime *ft, CoresPrefetch *pre)
{
    Uint64 last = SDL_GetPerformanceCounter();
    int moving = 0;
    SDL_Event last_key = {0}; /* the modifiers as of the events read so far */
    for (;;) {
        SDL_Event e;
        int waited = !moving && !app->dirty && !app->requests, got = 0;
        if (waited) {
            got = SDL_WaitEvent(&e);
            last = SDL_GetPerformanceCounter();
        }
        frametime_begin(ft, waited);
        if (got && !translate(app, win, &e, &last_key)) return;
        while (SDL_PollEvent(&e))
            if (!translate(app, win, &e, &last_key)) return;
        frametime_part(ft, STATS_EVENTS);
        Uint64 now = SDL_GetPerformanceCounter();
        moving = app_tick(app, (double)(now - last) / SDL_GetPerformanceFrequency());
        last = now;
        Canvas c;
        if (window_canvas(win, &c) != 0) die("out of memory for the window");
        if (c.w != app->w || c.h != app->h) app_resize(app, c.w, c.h, window_scale(win));
        frametime_part(ft, STATS_TICK);
        if (app->dirty || app->requests) {
            app_draw(app, &c, t);
            requests(app, win, &c);
            if (app->requests & APP_REQ_QUIT) return;
            if (app->dirty) app_draw(app, &c, t); /* show the message just set */
            frametime_part(ft, STATS_DRAW);
            window_present(win);
            frametime_part(ft, STATS_PRESENT);
            frametime_end(ft);
            cores_prefetch_start(pre, 1);
            int ch = window_choose(win); /* after the first frame: ~50 ms */
            if (ch < 0) die("cannot make a renderer: %s", SDL_GetError());
            if (ch > 0) app->dirty = 1;
        }
        /* at most ~60 frames a second while something moves: without vsync the
         * software renderer would flood the display server and the processor */
        double spent = (double)(SDL_GetPerformanceCounter() - now) * 1000 /
                       SDL_GetPerformanceFrequency();
        if (moving && spent < CFG_FRAME_MS) SDL_Delay((Uint32)(CFG_FRAME_MS - spent));
    }
}

int main(int argc, char **argv)
{
    Uint64 t0 = cores_start_time(SDL_GetPerformanceCounter());
    /* UTF-8 for the title bar (Xlib converts it through the C library's locale);
     * only LC_CTYPE, so numbers keep their '.' in scenes and CSV */
    if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    int rc = cli_main(argc, argv);
    if (rc >= 0) return rc;
    Options o;
    if ((rc = opts_parse(&o, argc - 1, argv + 1, OPT_WINDOW, "losscape")) != 0) return rc;
    if (o.help) return cli_main(2, (char *[]){argv[0], "--help", NULL});
    cores_wait_passive(argv, t0);
    Scene *sc = calloc(1, sizeof *sc);
    char err[1400];
    if (!sc) die("out of memory");
    if (o.scene && scene_load(sc, o.scene, err, sizeof err) != 0) {
        fprintf(stderr, "losscape: --scene: %s\n", err);
        opts_free(&o);
        return 2;
    }
    int w = o.has_size ? o.w : CFG_WIN_W, h = o.has_size ? o.h : CFG_WIN_H;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) die("cannot start SDL: %s", SDL_GetError());
    if (TTF_Init() != 0) die("cannot start SDL_ttf: %s", TTF_GetError());
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);
    Window *win = window_new("losscape", w, h, o.fullscreen, err, sizeof err);
    if (!win) die("%s", err);
    Text *t = open_fonts(o.lang);
    static App app; /* large: kept off the stack */
    setup(&app, &o, win, sc, !opts_sets_scene(argc - 1, argv + 1));
    free(sc);
    opts_free(&o);
    FrameTime *ft = NULL;
    if (o.stats && !(ft = frametime_new(t0))) die("out of memory for --stats");
    CoresPrefetch pre = {0};
    if (data_needs_init(app.surface)) /* the first frame waits for it */
        cores_prefetch_start(&pre, 0);
    loop(&app, win, t, ft, &pre);
    cores_prefetch_join(&pre);
    keep_unsaved(&app);
    char why[160];
    frametime_report(ft, window_renderer(win), window_choice(win, why, sizeof why), stderr);
    frametime_free(ft);
    app_free(&app);
    text_free(t);
    window_free(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
