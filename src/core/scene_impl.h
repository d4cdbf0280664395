/* Private to scene.c and scene_keys.c: the output buffer and the parser state they
 * share, the output, message and value helpers scene.c defines for both, and the
 * key table (a parse and a write function per key) scene_keys.c defines. Not for
 * other modules. */
#ifndef LOSSCAPE_SCENE_IMPL_H
#define LOSSCAPE_SCENE_IMPL_H

#include "scene.h"

#define SCENE_BLANK    " \t\r" /* trimmed around keys and values; \r makes CRLF work */
#define SCENE_KEYS_MAX 32      /* rows the key table may have (checked where it is) */

typedef struct {
    char *buf; /* output of size n; NUL-terminated while n > 0 */
    int n;
    int len; /* length the whole output needs; len >= n means it did not fit */
} SceneOut;

typedef struct {
    const char *name; /* file name for messages */
    int line;         /* current line, from 1 */
    char *err;        /* message buffer of size n */
    int n;
    int *seen; /* per key: the line it was set on, 0 when not yet */
} SceneParser;

/* One key of a scene file. parse reads the trimmed value v into sc and returns 0,
 * or -1 with a message from scene_fail; write appends the value of a key in sc->set. */
typedef struct {
    const char *name; /* key as written in the file */
    unsigned flag;    /* SCENE_* bit, 0: repeatable */
    int (*parse)(SceneParser *p, Scene *sc, const char *v); /* NULL: not supported yet */
    void (*write)(SceneOut *o, const Scene *sc);            /* NULL: written elsewhere */
} SceneKey;

/* ---- scene.c: output, messages and values ---- */

/* Appends printf-style text to o; once o is full it only counts. */
void scene_put(SceneOut *o, const char *fmt, ...);

/* Appends t with any CR or LF as a space: a line break would end the value. */
void scene_put_text(SceneOut *o, const char *t);

/* Writes "name:line: " and the message into p->err. Returns -1. */
int scene_fail(SceneParser *p, const char *fmt, ...);

/* Reads exactly `count` finite numbers separated by blanks from v into out.
 * Returns 0, or -1 when there are more or fewer, or one is not a finite number. */
int scene_numbers(const char *v, double *out, int count);

/* The readers below put one value of `key` into *out or dst and return 0, or
 * return -1 with a message naming the key and what was expected (scene_fail). */

/* A finite number in (0, max]; max may be INFINITY. */
int scene_positive(SceneParser *p, const char *key, const char *v, double max,
                   double *out);

/* A number in [0, 1). */
int scene_fraction(SceneParser *p, const char *key, const char *v, double *out);

/* A whole number in [lo, hi]. */
int scene_whole(SceneParser *p, const char *key, const char *v, long lo, long hi,
                long *out);

/* UTF-8 text of at most SCENE_MAX_TEXT - 1 bytes, copied into dst (a CR becomes
 * a space, as scene_put_text writes it). */
int scene_text(SceneParser *p, const char *key, const char *v, char *dst);

/* ---- scene_keys.c: the key table ---- */

/* Returns the index of the key named `name` in the key table, or -1. */
int scene_keys_find(const char *name);

/* Returns row i of the key table, or NULL when i is past the last row; rows are in
 * the order scene_format writes keys in. */
const SceneKey *scene_keys_at(int i);

#endif
