/* Scene files (DESIGN section 6): `key = value` text <-> Scene. This file holds the
 * syntax: lines, blanks, numbers, text and messages, reading (scene_parse,
 * scene_load) and writing (scene_format, scene_save); the keys themselves, a parse
 * and a write function each in one table, are in scene_keys.c. scene_load reads a
 * file whole and rejects binary data; scene_save writes a temporary file in the
 * same directory and renames it over the target. */
#include "scene_impl.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_LINE (SCENE_MAX_EXPR + 64) /* longest line: an expr of 4096 characters */
#define MAX_FILE  (1L << 20)     /* bytes of a scene file: 1 MiB */
#define BOM       "\xEF\xBB\xBF" /* UTF-8 byte-order mark some editors write first */

/* ---- output and messages ---- */

/* scene_put with the arguments as a va_list. */
static void vput(SceneOut *o, const char *fmt, va_list ap) {
    int room = o->len < o->n ? o->n - o->len : 0;
    int k = vsnprintf(room ? o->buf + o->len : NULL, (size_t)room, fmt, ap);
    if (k > 0) o->len += k;
}

/* Appends printf-style text to o; once o is full it only counts. */
void scene_put(SceneOut *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vput(o, fmt, ap);
    va_end(ap);
}

/* Writes "name:line: " and the message into p->err. Returns -1. */
int scene_fail(SceneParser *p, const char *fmt, ...) {
    SceneOut o = {p->err, p->n, 0};
    va_list ap;
    scene_put(&o, "%s:%d: ", p->name, p->line);
    va_start(ap, fmt);
    vput(&o, fmt, ap);
    va_end(ap);
    return -1;
}

/* Writes t with any CR or LF as a space: a line break would end the value. */
void scene_put_text(SceneOut *o, const char *t) {
    while (*t) {
        size_t k = strcspn(t, "\r\n");
        scene_put(o, "%.*s", (int)k, t);
        t += k;
        if (*t) {
            scene_put(o, " ");
            t++;
        }
    }
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
    s += strspn(s, SCENE_BLANK);
    size_t n = strlen(s);
    while (n > 0 && strchr(SCENE_BLANK, s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Reads exactly `count` finite numbers separated by blanks from v into out.
 * Returns 0, or -1 when there are more or fewer, or one is not a finite number. */
int scene_numbers(const char *v, double *out, int count) {
    for (int i = 0; i < count; i++) {
        char *end;
        v += strspn(v, SCENE_BLANK);
        out[i] = strtod(v, &end);
        if (end == v || !isfinite(out[i]) || (*end && !strchr(SCENE_BLANK, *end)))
            return -1;
        v = end;
    }
    return v[strspn(v, SCENE_BLANK)] ? -1 : 0;
}

/* Reads a finite number in (0, max] for `key` into *out. Returns 0 or -1. */
int scene_positive(SceneParser *p, const char *key, const char *v, double max,
                   double *out) {
    if (scene_numbers(v, out, 1) == 0 && *out > 0 && *out <= max) return 0;
    if (max < INFINITY)
        return scene_fail(p, "%s must be a finite number > 0 and at most %.0f, got '%s'",
                          key, max, v);
    return scene_fail(p, "%s must be a finite number > 0, got '%s'", key, v);
}

/* Copies UTF-8 text of at most SCENE_MAX_TEXT - 1 bytes into dst. Returns 0 or -1. */
int scene_text(SceneParser *p, const char *key, const char *v, char *dst) {
    size_t len = strlen(v);
    if (len > SCENE_MAX_TEXT - 1)
        return scene_fail(p, "%s must be at most %d bytes, got %zu", key,
                          SCENE_MAX_TEXT - 1, len);
    if (!utf8_valid((const unsigned char *)v, len))
        return scene_fail(p, "%s must be UTF-8 text", key);
    memcpy(dst, v, len + 1);
    /* a CR inside the value reads as the space scene_format writes for it, so that
     * a saved scene reads back the same (found by tests/fuzz/fuzz_scene) */
    for (char *cr = strchr(dst, '\r'); cr; cr = strchr(cr, '\r'))
        *cr = ' ';
    return 0;
}

/* Reads a number in [0, 1) for `key` into *out. Returns 0 or -1. */
int scene_fraction(SceneParser *p, const char *key, const char *v, double *out) {
    if (scene_numbers(v, out, 1) == 0 && *out >= 0 && *out < 1) return 0;
    return scene_fail(p, "%s must be a number in [0, 1), got '%s'", key, v);
}

/* Reads a whole number in [lo, hi] for `key` into *out. Returns 0 or -1. */
int scene_whole(SceneParser *p, const char *key, const char *v, long lo, long hi,
                long *out) {
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    if (end != v && !end[strspn(end, SCENE_BLANK)] && !errno && k >= lo && k <= hi) {
        *out = k;
        return 0;
    }
    return scene_fail(p, "%s must be a whole number from %ld to %ld, got '%s'", key, lo,
                      hi, v);
}

/* ---- reading ---- */

/* Parses one line (NUL-terminated, without its '\n') into sc. Returns 0 or -1. */
static int parse_line(SceneParser *p, Scene *sc, char *line) {
    char *s = trim(line), *eq = strchr(s, '=');
    if (*s == '\0' || *s == '#') return 0;
    if (!eq || eq == s) return scene_fail(p, "expected key = value");
    *eq = '\0';
    char *key = trim(s), *v = trim(eq + 1);
    int i = scene_keys_find(key);
    if (i < 0) return scene_fail(p, "unknown key '%s'", key);
    const SceneKey *k = scene_keys_at(i);
    if (!k->parse) return scene_fail(p, "key '%s' is not supported by this version", key);
    if (k->flag && p->seen[i])
        return scene_fail(p, "duplicate key '%s' (first set on line %d)", key,
                          p->seen[i]);
    if (k->parse(p, sc, v) < 0) return -1;
    p->seen[i] = p->line;
    sc->set |= k->flag;
    return 0;
}

int scene_parse(Scene *sc, const char *text, const char *name, char *err, int n) {
    int seen[SCENE_KEYS_MAX] = {0};
    SceneParser p = {name, 0, err, n, seen};
    char line[MAX_LINE];
    memset(sc, 0, sizeof *sc);
    if (!strncmp(text, BOM, 3)) text += 3;
    while (*text) {
        const char *eol = strchr(text, '\n');
        size_t len = eol ? (size_t)(eol - text) : strlen(text);
        p.line++;
        if (len >= MAX_LINE) {
            scene_fail(&p, "line longer than %d bytes", MAX_LINE - 1);
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
    SceneOut o = {err, n, 0};
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len;
    int rc = -1;
    memset(sc, 0, sizeof *sc);
    if (!f) {
        scene_put(&o, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    /* one byte more than the limit tells "too large" without trusting a file size */
    if (!(buf = malloc(MAX_FILE + 2))) {
        scene_put(&o, "%s: cannot read: out of memory", path);
        goto done;
    }
    len = fread(buf, 1, MAX_FILE + 1, f);
    if (ferror(f))
        scene_put(&o, "%s: cannot read: %s", path, strerror(errno));
    else if (len > MAX_FILE)
        scene_put(&o, "%s: too large (more than 1 MiB)", path);
    else if (memchr(buf, '\0', len) || !utf8_valid((unsigned char *)buf, len))
        scene_put(&o, "%s: not a text file (binary data)", path);
    else {
        buf[len] = '\0';
        rc = scene_parse(sc, buf, path, err, n);
    }
done:
    free(buf);
    fclose(f);
    return rc;
}

/* ---- writing ---- */

int scene_format(const Scene *sc, char *buf, int n) {
    SceneOut o = {buf, n, 0};
    assert(sc->nstarts >= 0 && sc->nstarts <= SCENE_MAX_STARTS);
    scene_put(&o, "# losscape scene\n");
    const SceneKey *k;
    for (int i = 0; (k = scene_keys_at(i)); i++) {
        if (!k->write || !(sc->set & k->flag)) continue;
        scene_put(&o, "%s = ", k->name);
        k->write(&o, sc);
        scene_put(&o, "\n");
    }
    for (int i = 0; i < sc->nstarts; i++)
        scene_put(&o, "start = %.17g %.17g\n", sc->starts[i].x, sc->starts[i].y);
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
    SceneOut o = {err, n, 0};
    if (!buf || !tmp) goto done;
    len = scene_format(sc, buf, (int)size);
    assert(len >= 0);
    snprintf(tmp, tmpsize, "%s.tmp-%ld", path, (long)getpid());
    e = write_all(tmp, buf, (size_t)len);
    if (!e && rename(tmp, path) != 0) e = errno;
    if (e) remove(tmp);
done:
    if (e)
        scene_put(&o, "%s: cannot write: %s", path, strerror(e));
    else if (n > 0)
        err[0] = '\0';
    free(buf);
    free(tmp);
    return e ? -1 : 0;
}
