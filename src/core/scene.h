/* Scene files (DESIGN section 6): the INI-style text a lesson or a saved session
 * is kept in. Parsing validates every value and reports "file:line: message";
 * saving writes a temporary file and renames it, so a save is atomic. */
#ifndef LOSSCAPE_SCENE_H
#define LOSSCAPE_SCENE_H

#include "geom.h"
#include "view.h"

#define SCENE_MAX_STARTS 256
#define SCENE_MAX_TEXT 1024 /* bytes of title or note, including the NUL */
#define SCENE_MAX_EXPR (4 * 4096 + 1) /* bytes of expr: 4096 characters of UTF-8 */

/* Which keys a scene file set (bit flags of Scene.set). */
enum {
    SCENE_SURFACE = 1 << 0,
    SCENE_VIEW = 1 << 1,
    SCENE_OPTIMIZER = 1 << 2,
    SCENE_LR = 1 << 3,
    SCENE_SPEED = 1 << 4,
    SCENE_MODE = 1 << 5,
    SCENE_COLORMAP = 1 << 6,
    SCENE_LEVELS = 1 << 7,
    SCENE_LOG = 1 << 8,
    SCENE_TITLE = 1 << 9,
    SCENE_NOTE = 1 << 10,
    SCENE_MOMENTUM = 1 << 11,
    SCENE_ALPHA = 1 << 12,
    SCENE_BETA1 = 1 << 13,
    SCENE_BETA2 = 1 << 14,
    SCENE_EPS = 1 << 15,
    SCENE_SCHEDULE = 1 << 16,
    SCENE_DECAY = 1 << 17,
    SCENE_EXPR = 1 << 18,
    SCENE_BATCH = 1 << 19,
    SCENE_SEED = 1 << 20,
    SCENE_GRAD = 1 << 21,
    SCENE_RANDOM = 1 << 22,
    SCENE_INIT_SCALE = 1 << 23,
    SCENE_TITLE_ZH = 1 << 24,
    SCENE_NOTE_ZH = 1 << 25,
    SCENE_FIELD = 1 << 26
};

typedef struct {
    unsigned set;                    /* SCENE_* flags of the keys present */
    int surface;                     /* index into the surface catalogue */
    char expr[SCENE_MAX_EXPR];       /* expr = a typed f(x, y), checked to compile */
    View view;                       /* view = x0 x1 y0 y1 */
    int optimizer;                   /* OptimKind: the first of `optimizer = a,b,...` */
    unsigned race;                   /* bit k: optimiser k races; 0 when only one is named */
    double momentum, alpha;          /* in [0, 1) */
    double beta1, beta2;             /* in [0, 1) */
    double eps;                      /* > 0, finite */
    int schedule;                    /* SchedKind */
    double decay;                    /* in (0, 1] */
    int batch;                       /* mini-batch size >= 1 (data surfaces) */
    unsigned long seed;              /* the mini-batches' and random starts' generator */
    int grad;                        /* GradMode */
    int random_starts;               /* K starts drawn around the view's centre, 1..256 */
    double init_scale;               /* their standard deviation, > 0 */
    double lr;                       /* > 0, finite */
    double speed;                    /* steps per second, > 0, finite */
    int mode;                        /* PlotMode */
    int colormap;                    /* CmapKind */
    int levels;                      /* 1..100 */
    int log;                         /* 0 or 1 */
    int field;                       /* 0 or 1: gradient-field arrows */
    int nstarts;                     /* start = x y lines, in order */
    Vec2 starts[SCENE_MAX_STARTS];
    char title[SCENE_MAX_TEXT];      /* UTF-8, one line */
    char note[SCENE_MAX_TEXT];       /* UTF-8, one line */
    char title_zh[SCENE_MAX_TEXT];   /* title.zh, note.zh: for the Chinese interface */
    char note_zh[SCENE_MAX_TEXT];
} Scene;

/* Parses scene text (NUL-terminated) into *sc (zeroed first). `name` is used in
 * messages. Returns 0, or -1 with "name:line: what was expected" in err (size n). */
int scene_parse(Scene *sc, const char *text, const char *name, char *err, int n);

/* Reads and parses the file at path. Returns 0, or -1 with a one-line message in
 * err naming the file (and line) and the reason: missing, unreadable, binary,
 * too large (over 1 MiB), or malformed. */
int scene_load(Scene *sc, const char *path, char *err, int n);

/* Formats *sc as scene text into buf (size n), writing only the keys in sc->set
 * and every start. Numbers use %.17g so they read back exactly. Returns the length,
 * or -1 when buf is too small. */
int scene_format(const Scene *sc, char *buf, int n);

/* Writes *sc to path through a temporary file in the same directory and a rename.
 * Returns 0, or -1 with a message naming the file and the reason in err. */
int scene_save(const Scene *sc, const char *path, char *err, int n);

#endif
