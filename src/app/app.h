/* The application state and what changes it: start points and their paths, the
 * surface and view, the optimiser, the animation, the side panel. No SDL here:
 * main.c translates SDL events into AppEvents, gfx/ draws and presents.
 * Flow: app_event (state changes, paths recomputed at once) -> app_tick
 * (animation cursors) -> app_draw (figure + panel into a canvas). */
#ifndef LOSSCAPE_APP_H
#define LOSSCAPE_APP_H

#include <stdint.h>

#include "app/layout.h"
#include "app/overlay.h"
#include "app/theme.h"
#include "app/ui.h"
#include "core/surf3d.h"
#include "core/expr.h"
#include "core/plot.h"
#include "core/scene.h"
#include "core/sweep.h"
#include "gfx/text.h"

#define APP_MAX_PATHS 256

#define APP_SWEEP 48         /* learning rates in the window's sweep chart */
#define APP_SWEEP_STEPS 1000 /* steps each of its runs may take: a frame stays short */

typedef struct {
    Vec2 start;      /* parameters the path starts from */
    int group;       /* paths from one click share it: they race from one start */
    OptimKind kind;  /* the optimiser this path runs */
    int full;        /* nonzero: the full-batch companion of a mini-batch path */
    Trajectory traj; /* its points (buffer owned by the App) */
    double cursor;   /* animation: points shown - 1, fractional */
    int color;       /* palette index */
} Path;

enum {
    APP_CHART_NONE, APP_CHART_LOSS, APP_CHART_SWEEP, APP_CHART_MODEL, APP_CHART_SLICE,
    APP_CHART_BACKPROP, APP_CHART_COUNT
};

typedef enum {
    APP_EV_DOWN,   /* mouse button down: button, x, y */
    APP_EV_UP,     /* mouse button up */
    APP_EV_MOVE,   /* mouse moved to x, y */
    APP_EV_WHEEL,  /* wheel by dy notches (positive: away from the user) at x, y */
    APP_EV_KEY,    /* key pressed: key, mod */
    APP_EV_LEAVE,  /* the mouse left the window */
    APP_EV_TEXT,   /* text typed: text (UTF-8) */
} AppEventType;

enum { APP_MOD_CTRL = 1, APP_MOD_SHIFT = 2 };

typedef enum {
    APP_KEY_NONE, APP_KEY_SPACE, APP_KEY_N, APP_KEY_RIGHT, APP_KEY_R, APP_KEY_C,
    APP_KEY_LBRACKET, APP_KEY_RBRACKET, APP_KEY_HOME, APP_KEY_H, APP_KEY_F1,
    APP_KEY_S, APP_KEY_F12, APP_KEY_F11, APP_KEY_ESCAPE, APP_KEY_Q,
    APP_KEY_EQUALS, APP_KEY_MINUS, APP_KEY_BACKSPACE, APP_KEY_DELETE, APP_KEY_LEFT,
    APP_KEY_END, APP_KEY_RETURN, APP_KEY_E, APP_KEY_O, APP_KEY_UP, APP_KEY_DOWN,
    APP_KEY_B, APP_KEY_3, APP_KEY_L, APP_KEY_T
} AppKey;

typedef struct {
    AppEventType type;
    double x, y;    /* pixels of the canvas (already scaled for high-DPI) */
    int button;     /* 1 left, 2 middle, 3 right */
    double dy;      /* wheel notches */
    AppKey key;
    int mod;        /* APP_MOD_* */
    const char *text; /* APP_EV_TEXT: what was typed, UTF-8 */
} AppEvent;

/* Requests from the app to the window layer, read and cleared by main.c. */
enum {
    APP_REQ_SCREENSHOT = 1, /* save a PNG of the window */
    APP_REQ_QUIT = 2,
    APP_REQ_FULLSCREEN = 4,
    APP_REQ_TITLE = 8,      /* the surface changed: retitle the window */
    APP_REQ_CHOOSER = 16    /* fill the scene chooser (the window layer lists files) */
};

#define APP_MAX_FILES 64 /* scene files the chooser lists */
#define APP_AUTOSAVE "losscape-autosave.scene" /* unsaved work, in the save directory */

typedef struct {
    /* the surface and how it is drawn */
    const Surface *surface;   /* from the catalogue, or &typed */
    Expr *expr;               /* the typed expression in use (owned), or NULL */
    Surface typed;            /* its surface */
    char formula[SCENE_MAX_EXPR + 16]; /* "f(x, y) = ...", its title */

    /* the expression field */
    char edit[SCENE_MAX_EXPR]; /* the text being typed */
    int caret;                /* byte offset of the caret in edit */
    int editing;              /* nonzero: keys go to the field */
    int edit_col;             /* column of the last error (1-based characters), 0 none */
    View view;
    PlotStyle style;
    PlotCache cache;          /* sampled field and contours (owned) */

    /* the optimiser and the paths */
    OptimConfig optim;        /* hyper-parameters shared by every path; kind: the one
                                 whose parameters the panel shows */
    unsigned race;            /* bit k: optimiser k races from every start (0: none) */
    int steps;                /* steps precomputed per path */
    Path paths[APP_MAX_PATHS];
    int npaths;
    int next_group;           /* group of the next click */
    int random_k;             /* starts the Random button drops */
    double random_scale;      /* their spread (0: an eighth of the view's width) */
    unsigned long draws;      /* random drops so far: the next one's seed offset */
    int selected;             /* the path the step-by-step view explains, -1 none */
    TrajPoint *pool;          /* APP_MAX_PATHS * (steps + 1) points (owned) */

    /* the 3-D view and the basins overlay */
    int view3d;               /* nonzero: the surface as a lit 3-D mesh */
    Camera3d cam3d;           /* its camera, turned by dragging */
    int rotating;             /* nonzero while the 3-D view is dragged */
    int basins;               /* nonzero: starts tinted by the minimum they reach */
    Overlay overlay;          /* the basins, refined a band of rows per frame (owned) */

    /* the chart below the figure */
    int chart;                /* APP_CHART_* */
    int sample;               /* the sample the back-propagation chart follows */
    SweepPoint sweep[APP_SWEEP]; /* final cost per learning rate from the selected start */
    int sweep_ok;             /* 0: stale */
    TrajPoint *sweep_buf;     /* APP_SWEEP runs of scratch for the sweep (owned) */

    /* animation */
    int playing;              /* nonzero: cursors advance */
    double speed;             /* steps per second */

    /* interaction */
    Ui ui;                    /* widget state */
    int drag;                 /* index of the start point being dragged, -1 none */
    int panning;              /* nonzero while middle- or shift-dragging */
    Vec2 pan_from;            /* parameter point under the mouse when panning began */
    Vec2 mouse;               /* last mouse position, pixels */
    int hover;                /* nonzero: mouse over the plot */
    int help;                 /* nonzero: the help overlay is shown */
    int chooser;              /* nonzero: the scene chooser (lessons, saved scenes) is shown */
    int nfiles;               /* its entries */
    char files[APP_MAX_FILES][512];  /* paths */
    char titles[APP_MAX_FILES][128]; /* their titles (or file names) */
    char assets[1024];        /* where the lessons are (assets/) */

    /* window */
    int w, h;                 /* canvas size, pixels */
    double dpi;               /* drawable pixels per window unit */
    double text_scale;        /* Ctrl+= / Ctrl+-, 1 by default */
    Layout layout;            /* where everything is, for w x h */

    /* messages and files */
    char status[256];         /* the last message */
    int status_bad;           /* nonzero: the message is an error */
    char save_to[1024];       /* where Ctrl+S and F12 write */
    uint64_t saved_hash;      /* app_scene_hash as last started, opened or saved */
    uint64_t autosave_hash;   /* what the autosave file holds, as far as known; 0 none */
    int autosave_ours;        /* nonzero: the state descends from the autosave (reopened) */
    char title[SCENE_MAX_TEXT]; /* the lesson's title and note, from a scene */
    char note[SCENE_MAX_TEXT];
    char title_zh[SCENE_MAX_TEXT]; /* title.zh and note.zh: shown when lang is LANG_ZH */
    char note_zh[SCENE_MAX_TEXT];
    int lang;                 /* LANG_EN or LANG_ZH (app/strings.h); L toggles it */
    const Theme *pal;         /* the colour theme (app/theme.h); T toggles it */
    unsigned requests;        /* APP_REQ_* for main.c */
    int dirty;                /* nonzero: redraw */
} App;

/* Initialises app (zeroed by the caller) for a w x h canvas at high-DPI factor dpi:
 * defaults from config.h, surface s, and `steps` points per path. Returns 0, or -1
 * when memory runs out. */
int app_init(App *app, const Surface *s, int w, int h, double dpi, int steps);

/* Frees what app owns. */
void app_free(App *app);

/* Applies the keys a scene sets; the starts replace all paths. Returns 0, or -1
 * with a message in app->status when a value does not fit. */
int app_apply_scene(App *app, const Scene *sc);

/* Fills sc with the current state (every key this version saves). */
void app_scene(const App *app, Scene *sc);

/* Handles one input event. */
void app_event(App *app, const AppEvent *ev);

/* Resizes the canvas to w x h pixels at high-DPI factor dpi. */
void app_resize(App *app, int w, int h, double dpi);

/* Advances the animation by dt seconds; returns nonzero while anything moves. */
int app_tick(App *app, double dt);

/* Draws the whole window into c (app->w x app->h). */
void app_draw(App *app, Canvas *c, Text *t);

/* Sets the status line (printf-style); bad nonzero shows it as an error. */
void app_message(App *app, int bad, const char *fmt, ...);

/* Adds a start point and computes its path (one per raced optimiser); returns the
 * index of its first path, or -1 when there is no room. */
int app_add_path(App *app, Vec2 start);

/* Returns the configuration path p runs with: the shared hyper-parameters, its own
 * optimiser, and the full gradient for a full-batch companion. */
OptimConfig app_path_config(const App *app, const Path *p);

/* Runs path p from its start with its optimiser; a path whose animation had
 * finished shows the whole new path, otherwise its cursor keeps its step. */
void app_run_path(const App *app, Path *p);

/* Removes the paths of start group g (their buffers kept for reuse). */
void app_remove_group(App *app, int g);

/* Returns the parameters the charts follow: the selected path's current point, or
 * the hovered point, or the view's centre; *what names which (may be NULL). */
Vec2 app_focus(const App *app, const char **what);

/* Adds k starts drawn from a Gaussian of standard deviation `scale` around the
 * view's centre; each call draws new ones (the seed advances), reproducibly. */
void app_random_starts(App *app, int k, double scale);

/* Sets the raced optimisers (bit k: optimiser k) and rebuilds the paths from the
 * same starts. */
void app_set_race(App *app, unsigned race);

/* Lays the window out again (after a size, view, optimiser or chart change). */
void app_relayout(App *app);

/* Recomputes every path from its start (after lr, surface or optimiser changes). */
void app_recompute(App *app);

/* Compiles text and, when it is valid, shows it as the surface (the view is kept,
 * paths recomputed); otherwise keeps the previous surface and puts the error with
 * its column in the status line. Returns 0 or -1. */
int app_set_expr(App *app, const char *text);

/* Shows catalogue surface s with its default view and colour scale. */
void app_set_surface(App *app, const Surface *s);

/* Shows view v (ignored when invalid; refused with a message beyond the zoom-out
 * limit) and re-lays out the plot for its aspect ratio. */
void app_set_view(App *app, View v);

/* Sets the learning rate (clamped to the slider's range) and recomputes. */
void app_set_lr(App *app, double lr);

/* Saves the scene into app->save_to with a time-stamped name; returns 0 or -1. The
 * path written (or the error) is in app->status. */
int app_save_scene(App *app);

/* Opens the scene file at path (a dropped file, the chooser's pick); on failure the
 * current scene is kept and the message names the file and line. Returns 0 or -1. */
int app_open_scene(App *app, const char *path);

/* Returns a hash of the scene text of the current state (app_scene, formatted):
 * two states save the same file exactly when their hashes agree (barring a
 * 64-bit collision). */
uint64_t app_scene_hash(const App *app);

/* Takes the current state as saved: closing now loses nothing. */
void app_mark_saved(App *app);

/* Returns nonzero when the state differs from the one last started, opened or
 * saved. */
int app_unsaved(const App *app);

/* Writes SAVE_TO/APP_AUTOSAVE into out (size n); returns 0, or -1 when it does not
 * fit. */
int app_autosave_path(const App *app, char *out, int n);

/* Keeps unsaved work when the window closes: with unsaved changes, writes the scene
 * to the autosave file (atomically) and returns 1; with none, returns 0 and leaves
 * any autosave file alone. Returns -1 with a one-line reason in err (size n) when
 * the file cannot be written. */
int app_autosave(App *app, char *err, int n);

/* Reopens the autosave file when there is one: returns 1 (the status line says so;
 * the state counts as unsaved until Ctrl+S), 0 when there is none, -1 when it
 * cannot be read (the message says why; the file and the current state are kept). */
int app_restore(App *app);

/* Writes every path as CSV in the trace format to SAVE_TO/losscape-STAMP.csv,
 * through a temporary file; returns 0 or -1 (the status line says which). */
int app_export_csv(App *app);

/* Writes SAVE_TO/losscape-YYYYMMDD-HHMMSS.EXT into out (size n), adding -2, -3 ...
 * when that file exists. Returns 0, or -1 when no name fits. */
int app_stamp_path(const App *app, const char *ext, char *out, int n);

#endif
