/* Command-line options: one table of every `--name VALUE` option with its parser
 * and the subcommands that accept it. Bad values give one line naming the option
 * and what was expected (exit status 2). */
#ifndef LOSSCAPE_OPTS_H
#define LOSSCAPE_OPTS_H

#include <stdio.h>

#include "config.h"
#include "core/expr.h"
#include "core/init.h"
#include "core/plot.h"

/* Which command an option belongs to (bit flags). */
enum {
    OPT_WINDOW = 1 << 0,
    OPT_LIST = 1 << 1,
    OPT_TRACE = 1 << 2,
    OPT_RENDER = 1 << 3,
    OPT_LAYOUT = 1 << 4,
    OPT_SWEEP = 1 << 5,
    OPT_GRADCHECK = 1 << 6,
    OPT_BACKPROP = 1 << 7,
    OPT_BASINS = 1 << 8
};

#define OPTS_MAX_OPTIM 16 /* most optimisers in one race */

typedef struct {
    const Surface *surface;   /* --surface (default CFG_SURFACE), or &typed */
    Expr *expr;               /* --expr, compiled (owned; opts_free frees it) */
    Surface typed;            /* the surface of --expr */
    char formula[EXPR_MAX_CHARS * 4 + 16]; /* "f(x, y) = TEXT", its title */
    int has_surface;          /* --surface given */
    int has_view;             /* --view given */
    View view;                /* --view X0,X1,Y0,Y1 */
    OptimConfig optim;        /* --optimizer (the first), --lr */
    int noptim;               /* --optimizer a,b,...: optimisers raced from every start */
    OptimKind optims[OPTS_MAX_OPTIM];
    int nstarts;              /* --start X,Y (repeatable) */
    Vec2 starts[CFG_MAX_STARTS];
    long steps;               /* --steps N */
    int has_steps;            /* --steps given */
    int w, h;                 /* --size WxH */
    int has_size;
    const char *out;          /* --out FILE */
    const char *frames;       /* --frames DIR: the animation as numbered PNGs */
    PlotStyle style;          /* --mode, --colormap, --levels, --log */
    int has_log;              /* --log given (or a scene's log = true) */
    int field;                /* --field: gradient-field arrows */
    int log_set;              /* a scene set log = true|false */
    int three_d;              /* --3d: the surface as a lit 3-D mesh */
    int json;                 /* --json */
    const char *scene;        /* --scene FILE */
    int fullscreen;           /* --fullscreen */
    int stats;                /* --stats: frame-time percentiles on stderr at exit */
    int lang;                 /* --lang en|zh: LANG_EN or LANG_ZH, the locale's by default */
    int theme;                /* --theme light|contrast: ThemeKind (app/theme.h), light */
    const char *save_to;      /* --save-to DIR */
    int help;                 /* --help */
    unsigned cmd;             /* the command being parsed (OPT_*) */
    double lr_min, lr_max;    /* sweep: --lr-min, --lr-max */
    int random_starts;        /* --random-starts K: added around the view's centre */
    double init_scale;        /* --init-scale S: their standard deviation */
    int count;                /* sweep: --count */
    int grid;                 /* basins: --grid G, starts a side (0: not given) */
    const char *csv;          /* basins: --csv FILE */
} Options;

/* Parses argv[0..argc-1] (after the subcommand name) for command `cmd` (OPT_*),
 * whose name `prog` prefixes messages. Fills o with defaults first. Returns 0, or
 * 2 after printing one line on stderr. */
int opts_parse(Options *o, int argc, char **argv, unsigned cmd, const char *prog);

/* Returns the configuration of optimiser i of the race (0 <= i < o->noptim):
 * o->optim with that kind, the cosine schedule's horizon set to --steps. */
OptimConfig opts_optim(const Options *o, int i);

/* Flushes stdout; returns 0, or 1 after printing "PROG: cannot write the output"
 * when writing failed (a full disk, a closed pipe). */
int opts_finish(const char *prog);

/* Returns nonzero when the window's options argv[0..argc-1] (after the program's
 * name, accepted by opts_parse) set anything of the scene; 0 when they are only
 * about the window (--size, --save-to, --lang, --theme, --fullscreen, --stats):
 * such a bare start reopens the scene left unsaved last time. */
int opts_sets_scene(int argc, char **argv);

/* Frees what opts_parse allocated (the compiled --expr). */
void opts_free(Options *o);

/* Prints the options command `cmd` accepts, one per line with its help. */
void opts_usage(unsigned cmd, FILE *f);

#endif
