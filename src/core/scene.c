/* Scene files (DESIGN section 6): `key = value` text <-> Scene. One table of keys
 * drives parsing (a parse function per key), formatting (a write function per key,
 * in table order) and the keys this version names but does not support yet.
 * scene_load reads a file whole and rejects binary data; scene_save writes a
 * temporary file in the same directory and renames it over the target. */
#include "scene.h"

#include "expr.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmap.h"
#include "optim.h"
#include "plot.h"
#include "surface.h"

#define MAX_LINE (SCENE_MAX_EXPR + 64) /* longest line: an expr of 4096 characters */
#define MAX_FILE  (1L << 20)     /* bytes of a scene file: 1 MiB */
#define MAX_SPEED 1e6            /* steps per second */
#define BLANK     " \t\r"        /* trimmed around keys and values; \r makes CRLF work */
#define BOM       "\xEF\xBB\xBF" /* UTF-8 byte-order mark some editors write first */

typedef struct {
    char *buf; /* output of size n; NUL-terminated while n > 0 */
    int n;
    int len; /* length the whole output needs; len >= n means it did not fit */
} Out;

typedef struct {
    const char *name; /* file name for messages */
    int line;         /* current line, from 1 */
    char *err;        /* message buffer of size n */
    int n;
    int *seen; /* per key: the line it was set on, 0 when not yet */
} Parser;

/* ---- output and messages ---- */

/* Appends printf-style text to o; once o is full it only counts. */
static void vput(Out *o, const char *fmt, va_list ap) {
    int room = o->len < o->n ? o->n - o->len : 0;
    int k = vsnprintf(room ? o->buf + o->len : NULL, (size_t)room, fmt, ap);
    if (k > 0) o->len += k;
}

static void put(Out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vput(o, fmt, ap);
    va_end(ap);
}

/* Writes "name:line: " and the message into p->err. Returns -1. */
static int fail(Parser *p, const char *fmt, ...) {
    Out o = {p->err, p->n, 0};
    va_list ap;
    put(&o, "%s:%d: ", p->name, p->line);
    va_start(ap, fmt);
    vput(&o, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- small parsers ---- */

/* Returns 1 when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or code
 * points past U+10FFFF), else 0. */
static int utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], c1 = i + 1 < n ? s[i + 1] : 0;
        size_t len = c < 0x80   ? 1
                     : c < 0xC2 ? 0 /* continuation byte or overlong lead */
                     : c < 0xE0 ? 2
                     : c < 0xF0 ? 3
                     : c < 0xF5 ? 4
                                : 0;
        if (len == 0 || n - i < len) return 0;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80) return 0;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) ||
            (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
            return 0;
        i += len;
    }
    return 1;
}

/* Returns s without leading and trailing blanks (cuts s in place). */
static char *trim(char *s) {
    s += strspn(s, BLANK);
    size_t n = strlen(s);
    while (n > 0 && strchr(BLANK, s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Reads exactly `count` finite numbers separated by blanks from v into out.
 * Returns 0, or -1 when there are more or fewer, or one is not a finite number. */
static int numbers(const char *v, double *out, int count) {
    for (int i = 0; i < count; i++) {
        char *end;
        v += strspn(v, BLANK);
        out[i] = strtod(v, &end);
        if (end == v || !isfinite(out[i]) || (*end && !strchr(BLANK, *end))) return -1;
        v = end;
    }
    return v[strspn(v, BLANK)] ? -1 : 0;
}

/* Reads a finite number in (0, max] for `key` into *out. Returns 0 or -1. */
static int positive(Parser *p, const char *key, const char *v, double max, double *out) {
    if (numbers(v, out, 1) == 0 && *out > 0 && *out <= max) return 0;
    if (max < INFINITY)
        return fail(p, "%s must be a finite number > 0 and at most %.0f, got '%s'", key,
                    max, v);
    return fail(p, "%s must be a finite number > 0, got '%s'", key, v);
}

/* Copies UTF-8 text of at most SCENE_MAX_TEXT - 1 bytes into dst. Returns 0 or -1. */
static int text(Parser *p, const char *key, const char *v, char *dst) {
    size_t len = strlen(v);
    if (len > SCENE_MAX_TEXT - 1)
        return fail(p, "%s must be at most %d bytes, got %zu", key, SCENE_MAX_TEXT - 1,
                    len);
    if (!utf8_valid((const unsigned char *)v, len))
        return fail(p, "%s must be UTF-8 text", key);
    memcpy(dst, v, len + 1);
    /* a CR inside the value reads as the space scene_format writes for it, so that
     * a saved scene reads back the same (found by tests/fuzz/fuzz_scene) */
    for (char *cr = strchr(dst, '\r'); cr; cr = strchr(cr, '\r'))
        *cr = ' ';
    return 0;
}

/* ---- one parse function per key: value v (trimmed) into sc; 0 or -1 ---- */

static int parse_expr(Parser *p, Scene *sc, const char *v) {
    char err[256];
    if (sc->set & SCENE_SURFACE) return fail(p, "give surface or expr, not both");
    Expr *e = expr_compile(v, err, sizeof err, NULL);
    if (!e) return fail(p, "expr: %s", err);
    expr_free(e);
    if (strlen(v) >= sizeof sc->expr) return fail(p, "expr: too long");
    strcpy(sc->expr, v);
    return 0;
}

static void write_expr(Out *o, const Scene *sc) { put(o, "%s", sc->expr); }

static int parse_surface(Parser *p, Scene *sc, const char *v) {
    if (sc->set & SCENE_EXPR) return fail(p, "give surface or expr, not both");
    int i = surface_index(surface_find(v));
    if (i < 0) return fail(p, "surface must be a name from `losscape list`, got '%s'", v);
    sc->surface = i;
    return 0;
}

static int parse_view(Parser *p, Scene *sc, const char *v) {
    double b[4];
    if (numbers(v, b, 4) < 0)
        return fail(p, "view must be 4 finite numbers x0 x1 y0 y1, got '%s'", v);
    if (!(b[0] < b[1] && b[2] < b[3]))
        return fail(p, "view must have x0 < x1 and y0 < y1 (x0 x1 y0 y1), got '%s'", v);
    sc->view = (View){b[0], b[1], b[2], b[3]};
    return 0;
}

/* optimizer = NAME or NAME,NAME,... (a race). */
static int parse_optimizer(Parser *p, Scene *sc, const char *v) {
    char list[256], buf[256];
    Out o = {list, sizeof list, 0};
    for (int k = 0; k < OPTIM_COUNT; k++)
        put(&o, "%s%s", k ? ", " : "", optim_name((OptimKind)k));
    if (strlen(v) >= sizeof buf)
        return fail(p, "optimizer must be names from %s, got a value that long", list);
    strcpy(buf, v);
    sc->race = 0;
    sc->optimizer = -1;
    for (char *name = buf, *next; name; name = next) {
        next = strchr(name, ',');
        if (next) *next++ = 0;
        name += strspn(name, BLANK);
        name[strcspn(name, BLANK)] = 0;
        int k = optim_find(name);
        if (k < 0) return fail(p, "optimizer must be one of %s, got '%s'", list, name);
        if (sc->optimizer < 0) sc->optimizer = k;
        sc->race |= 1u << k;
    }
    if (sc->race == 1u << sc->optimizer) sc->race = 0; /* one optimiser: no race */
    return 0;
}

/* Reads a number in [0, 1) for `key` into *out. Returns 0 or -1. */
static int fraction(Parser *p, const char *key, const char *v, double *out) {
    if (numbers(v, out, 1) == 0 && *out >= 0 && *out < 1) return 0;
    return fail(p, "%s must be a number in [0, 1), got '%s'", key, v);
}

static int parse_momentum(Parser *p, Scene *sc, const char *v) {
    return fraction(p, "momentum", v, &sc->momentum);
}

static int parse_alpha(Parser *p, Scene *sc, const char *v) {
    return fraction(p, "alpha", v, &sc->alpha);
}

static int parse_beta1(Parser *p, Scene *sc, const char *v) {
    return fraction(p, "beta1", v, &sc->beta1);
}

static int parse_beta2(Parser *p, Scene *sc, const char *v) {
    return fraction(p, "beta2", v, &sc->beta2);
}

static int parse_eps(Parser *p, Scene *sc, const char *v) {
    return positive(p, "eps", v, INFINITY, &sc->eps);
}

static int parse_decay(Parser *p, Scene *sc, const char *v) {
    return positive(p, "decay", v, 1, &sc->decay);
}

static int parse_schedule(Parser *p, Scene *sc, const char *v) {
    if ((sc->schedule = optim_schedule_find(v)) >= 0) return 0;
    return fail(p, "schedule must be constant, step, exp or cosine, got '%s'", v);
}

static int parse_lr(Parser *p, Scene *sc, const char *v) {
    return positive(p, "lr", v, INFINITY, &sc->lr);
}

static int parse_speed(Parser *p, Scene *sc, const char *v) {
    return positive(p, "speed", v, MAX_SPEED, &sc->speed);
}

static int parse_mode(Parser *p, Scene *sc, const char *v) {
    if ((sc->mode = plot_mode_find(v)) >= 0) return 0;
    return fail(p, "mode must be heat, contour or both, got '%s'", v);
}

static int parse_colormap(Parser *p, Scene *sc, const char *v) {
    char list[256];
    Out o = {list, sizeof list, 0};
    if ((sc->colormap = cmap_find(v)) >= 0) return 0;
    for (int k = 0; k < CMAP_COUNT; k++)
        put(&o, "%s%s", k ? ", " : "", cmap_name((CmapKind)k));
    return fail(p, "colormap must be one of %s, got '%s'", list, v);
}

static int parse_levels(Parser *p, Scene *sc, const char *v) {
    char *end;
    long k = strtol(v, &end, 10);
    if (end == v || *end || k < 1 || k > PLOT_MAX_LEVELS)
        return fail(p, "levels must be an integer from 1 to %d, got '%s'",
                    PLOT_MAX_LEVELS, v);
    sc->levels = (int)k;
    return 0;
}

static int parse_log(Parser *p, Scene *sc, const char *v) {
    if (strcmp(v, "true") && strcmp(v, "false"))
        return fail(p, "log must be true or false, got '%s'", v);
    sc->log = !strcmp(v, "true");
    return 0;
}

static int parse_field(Parser *p, Scene *sc, const char *v) {
    if (strcmp(v, "true") && strcmp(v, "false"))
        return fail(p, "field must be true or false, got '%s'", v);
    sc->field = !strcmp(v, "true");
    return 0;
}

static void write_field(Out *o, const Scene *sc) { put(o, "%s", sc->field ? "true" : "false"); }

static int parse_title(Parser *p, Scene *sc, const char *v) {
    return text(p, "title", v, sc->title);
}

static int parse_note(Parser *p, Scene *sc, const char *v) {
    return text(p, "note", v, sc->note);
}

static int parse_start(Parser *p, Scene *sc, const char *v) {
    double xy[2];
    if (sc->nstarts >= SCENE_MAX_STARTS)
        return fail(p, "at most %d start points (SCENE_MAX_STARTS)", SCENE_MAX_STARTS);
    if (numbers(v, xy, 2) < 0)
        return fail(p, "start must be 2 finite numbers x y, got '%s'", v);
    sc->starts[sc->nstarts++] = (Vec2){xy[0], xy[1]};
    return 0;
}

/* ---- one write function per key: the value of a key in sc->set ---- */

static void write_surface(Out *o, const Scene *sc) {
    assert(sc->surface >= 0 && sc->surface < surface_count());
    put(o, "%s", surface_at(sc->surface)->name);
}

static void write_view(Out *o, const Scene *sc) {
    put(o, "%.17g %.17g %.17g %.17g", sc->view.x0, sc->view.x1, sc->view.y0, sc->view.y1);
}

static void write_optimizer(Out *o, const Scene *sc) {
    assert(sc->optimizer >= 0 && sc->optimizer < OPTIM_COUNT);
    put(o, "%s", optim_name((OptimKind)sc->optimizer));
    for (int k = 0; k < OPTIM_COUNT; k++)
        if ((sc->race >> k & 1) && k != sc->optimizer) put(o, ",%s", optim_name((OptimKind)k));
}

static void write_momentum(Out *o, const Scene *sc) { put(o, "%.17g", sc->momentum); }
static void write_alpha(Out *o, const Scene *sc) { put(o, "%.17g", sc->alpha); }
static void write_beta1(Out *o, const Scene *sc) { put(o, "%.17g", sc->beta1); }
static void write_beta2(Out *o, const Scene *sc) { put(o, "%.17g", sc->beta2); }
static void write_eps(Out *o, const Scene *sc) { put(o, "%.17g", sc->eps); }
static void write_decay(Out *o, const Scene *sc) { put(o, "%.17g", sc->decay); }

static void write_schedule(Out *o, const Scene *sc) {
    put(o, "%s", optim_schedule_name((SchedKind)sc->schedule));
}

static void write_lr(Out *o, const Scene *sc) {
    put(o, "%.17g", sc->lr);
}

static void write_speed(Out *o, const Scene *sc) {
    put(o, "%.17g", sc->speed);
}

static void write_mode(Out *o, const Scene *sc) {
    assert(sc->mode >= PLOT_HEAT && sc->mode <= PLOT_BOTH);
    put(o, "%s", plot_mode_name((PlotMode)sc->mode));
}

static void write_colormap(Out *o, const Scene *sc) {
    assert(sc->colormap >= 0 && sc->colormap < CMAP_COUNT);
    put(o, "%s", cmap_name((CmapKind)sc->colormap));
}

static void write_levels(Out *o, const Scene *sc) {
    put(o, "%d", sc->levels);
}

static void write_log(Out *o, const Scene *sc) {
    put(o, "%s", sc->log ? "true" : "false");
}

/* Writes t with any CR or LF as a space: a line break would end the value. */
static void write_text(Out *o, const char *t) {
    while (*t) {
        size_t k = strcspn(t, "\r\n");
        put(o, "%.*s", (int)k, t);
        t += k;
        if (*t) {
            put(o, " ");
            t++;
        }
    }
}

/* Reads a whole number in [lo, hi] for `key` into *out. Returns 0 or -1. */
static int whole(Parser *p, const char *key, const char *v, long lo, long hi, long *out) {
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end != v && !end[strspn(end, BLANK)] && !errno && k >= lo && k <= hi) {
        *out = k;
        return 0;
    }
    return fail(p, "%s must be a whole number from %ld to %ld, got '%s'", key, lo, hi, v);
}

static int parse_batch(Parser *p, Scene *sc, const char *v) {
    long k;
    if (whole(p, "batch", v, 1, 1000000, &k)) return -1;
    sc->batch = (int)k;
    return 0;
}

static int parse_seed(Parser *p, Scene *sc, const char *v) {
    long k;
    if (whole(p, "seed", v, 0, 2147483647L, &k)) return -1;
    sc->seed = (unsigned long)k;
    return 0;
}

static int parse_grad(Parser *p, Scene *sc, const char *v) {
    if ((sc->grad = grad_find(v)) >= 0) return 0;
    return fail(p, "grad must be analytic, forward or central, got '%s'", v);
}

static int parse_random(Parser *p, Scene *sc, const char *v) {
    long k;
    if (whole(p, "random_starts", v, 1, SCENE_MAX_STARTS, &k)) return -1;
    sc->random_starts = (int)k;
    return 0;
}

static int parse_init_scale(Parser *p, Scene *sc, const char *v) {
    return positive(p, "init_scale", v, INFINITY, &sc->init_scale);
}

static int parse_title_zh(Parser *p, Scene *sc, const char *v) {
    return text(p, "title.zh", v, sc->title_zh);
}

static int parse_note_zh(Parser *p, Scene *sc, const char *v) {
    return text(p, "note.zh", v, sc->note_zh);
}

static void write_batch(Out *o, const Scene *sc) { put(o, "%d", sc->batch); }
static void write_seed(Out *o, const Scene *sc) { put(o, "%lu", sc->seed); }
static void write_grad(Out *o, const Scene *sc) { put(o, "%s", grad_name((GradMode)sc->grad)); }
static void write_random(Out *o, const Scene *sc) { put(o, "%d", sc->random_starts); }
static void write_init_scale(Out *o, const Scene *sc) { put(o, "%.17g", sc->init_scale); }
static void write_title_zh(Out *o, const Scene *sc) { write_text(o, sc->title_zh); }
static void write_note_zh(Out *o, const Scene *sc) { write_text(o, sc->note_zh); }

static void write_title(Out *o, const Scene *sc) {
    write_text(o, sc->title);
}

static void write_note(Out *o, const Scene *sc) {
    write_text(o, sc->note);
}

/* ---- the key table ---- */

typedef struct {
    const char *name;                                  /* key as written in the file */
    unsigned flag;                                     /* SCENE_* bit, 0: repeatable */
    int (*parse)(Parser *p, Scene *sc, const char *v); /* NULL: not supported yet */
    void (*write)(Out *o, const Scene *sc);            /* NULL: written elsewhere */
} Key;

/* Order is the order scene_format writes keys in. */
static const Key keys[] = {
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

/* Returns the index of the key named `name` in keys[], or -1. */
static int key_find(const char *name) {
    for (int i = 0; i < NKEYS; i++)
        if (!strcmp(keys[i].name, name)) return i;
    return -1;
}

/* Parses one line (NUL-terminated, without its '\n') into sc. Returns 0 or -1. */
static int parse_line(Parser *p, Scene *sc, char *line) {
    char *s = trim(line), *eq = strchr(s, '=');
    if (*s == '\0' || *s == '#') return 0;
    if (!eq || eq == s) return fail(p, "expected key = value");
    *eq = '\0';
    char *key = trim(s), *v = trim(eq + 1);
    int i = key_find(key);
    if (i < 0) return fail(p, "unknown key '%s'", key);
    if (!keys[i].parse) return fail(p, "key '%s' is not supported by this version", key);
    if (keys[i].flag && p->seen[i])
        return fail(p, "duplicate key '%s' (first set on line %d)", key, p->seen[i]);
    if (keys[i].parse(p, sc, v) < 0) return -1;
    p->seen[i] = p->line;
    sc->set |= keys[i].flag;
    return 0;
}

/* ---- public functions ---- */

int scene_parse(Scene *sc, const char *text, const char *name, char *err, int n) {
    int seen[NKEYS] = {0};
    Parser p = {name, 0, err, n, seen};
    char line[MAX_LINE];
    memset(sc, 0, sizeof *sc);
    if (!strncmp(text, BOM, 3)) text += 3;
    while (*text) {
        const char *eol = strchr(text, '\n');
        size_t len = eol ? (size_t)(eol - text) : strlen(text);
        p.line++;
        if (len >= MAX_LINE) {
            fail(&p, "line longer than %d bytes", MAX_LINE - 1);
            goto fail;
        }
        memcpy(line, text, len);
        line[len] = '\0';
        if (parse_line(&p, sc, line) < 0) goto fail;
        text += len + (eol != NULL);
    }
    if (n > 0) err[0] = '\0';
    return 0;
fail:
    /* no half-read scene: the caller sees either all of the file or nothing */
    memset(sc, 0, sizeof *sc);
    return -1;
}

int scene_load(Scene *sc, const char *path, char *err, int n) {
    Out o = {err, n, 0};
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len;
    int rc = -1;
    memset(sc, 0, sizeof *sc);
    if (!f) {
        put(&o, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    /* one byte more than the limit tells "too large" without trusting a file size */
    if (!(buf = malloc(MAX_FILE + 2))) {
        put(&o, "%s: cannot read: out of memory", path);
        goto done;
    }
    len = fread(buf, 1, MAX_FILE + 1, f);
    if (ferror(f))
        put(&o, "%s: cannot read: %s", path, strerror(errno));
    else if (len > MAX_FILE)
        put(&o, "%s: too large (more than 1 MiB)", path);
    else if (memchr(buf, '\0', len) || !utf8_valid((unsigned char *)buf, len))
        put(&o, "%s: not a text file (binary data)", path);
    else {
        buf[len] = '\0';
        rc = scene_parse(sc, buf, path, err, n);
    }
done:
    free(buf);
    fclose(f);
    return rc;
}

int scene_format(const Scene *sc, char *buf, int n) {
    Out o = {buf, n, 0};
    assert(sc->nstarts >= 0 && sc->nstarts <= SCENE_MAX_STARTS);
    put(&o, "# losscape scene\n");
    for (int i = 0; i < NKEYS; i++) {
        if (!keys[i].write || !(sc->set & keys[i].flag)) continue;
        put(&o, "%s = ", keys[i].name);
        keys[i].write(&o, sc);
        put(&o, "\n");
    }
    for (int i = 0; i < sc->nstarts; i++)
        put(&o, "start = %.17g %.17g\n", sc->starts[i].x, sc->starts[i].y);
    return o.len < n ? o.len : -1;
}

/* Writes buf[0..len) to a new file at path. Returns 0 or an errno value. */
static int write_all(const char *path, const char *buf, size_t len) {
    FILE *f = fopen(path, "wb");
    int e = 0;
    if (!f) return errno;
    errno = 0;
    if (fwrite(buf, 1, len, f) != len || fflush(f) != 0) e = errno ? errno : EIO;
    if (fclose(f) != 0 && !e) e = errno ? errno : EIO;
    return e;
}

int scene_save(const Scene *sc, const char *path, char *err, int n) {
    /* a number is at most 24 bytes, so 64 a start and 4 KiB for the other keys
     * suffice, besides the expr and the four texts (title, note and their .zh) */
    size_t size = 4096 + sizeof sc->expr + 4 * SCENE_MAX_TEXT + 64 * (size_t)sc->nstarts;
    size_t tmpsize = strlen(path) + 32;
    char *buf = malloc(size), *tmp = malloc(tmpsize);
    int e = ENOMEM, len;
    Out o = {err, n, 0};
    if (!buf || !tmp) goto done;
    len = scene_format(sc, buf, (int)size);
    assert(len >= 0);
    snprintf(tmp, tmpsize, "%s.tmp-%ld", path, (long)getpid());
    e = write_all(tmp, buf, (size_t)len);
    if (!e && rename(tmp, path) != 0) e = errno;
    if (e) remove(tmp);
done:
    if (e)
        put(&o, "%s: cannot write: %s", path, strerror(e));
    else if (n > 0)
        err[0] = '\0';
    free(buf);
    free(tmp);
    return e ? -1 : 0;
}
