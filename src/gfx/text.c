/* Text through SDL2_ttf: fonts are opened once per pixel size, and each rendered
 * string is kept as an 8-bit coverage mask in a small hash cache, so the labels a
 * frame redraws cost a look-up and a blend. */
#include "text.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_SIZES 16   /* distinct (size, weight) fonts kept open */
#define TEXT_SLOTS 1024 /* rendered strings cached */
#define TEXT_KEY 160    /* longest string cached; longer ones are rendered each time */

typedef struct {
    int size, bold; /* bold 2: the CJK fallback */
    TTF_Font *font;
} FontSlot;

typedef struct {
    char key[TEXT_KEY]; /* the string, "" when the slot is free */
    int size, bold;
    uint8_t *mask;      /* w x h coverage */
    int w, h;
} Entry;

struct Text {
    char *path[3];            /* regular, bold, CJK fallback (NULL: none) */
    FontSlot fonts[TEXT_SIZES];
    int nfonts;
    Entry cache[TEXT_SLOTS];
};

Text *text_new(const char *regular, const char *bold, char *err, int n)
{
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    t->path[0] = strdup(regular);
    t->path[1] = strdup(bold ? bold : regular);
    TTF_Font *probe = TTF_OpenFont(regular, 12);
    if (!probe || !t->path[0] || !t->path[1]) {
        snprintf(err, n, "%s: cannot open font: %s", regular, TTF_GetError());
        text_free(t);
        return NULL;
    }
    TTF_CloseFont(probe);
    return t;
}

Text *text_open_shipped(char *err, int n)
{
    char reg[4200], bold[4200];
    char *dir = text_assets_dir();
    snprintf(reg, sizeof reg, "%s/fonts/DejaVuSans.ttf", dir ? dir : "assets");
    snprintf(bold, sizeof bold, "%s/fonts/DejaVuSans-Bold.ttf", dir ? dir : "assets");
    free(dir);
    return text_new(reg, bold, err, n);
}

void text_free(Text *t)
{
    if (!t) return;
    for (int i = 0; i < t->nfonts; i++) TTF_CloseFont(t->fonts[i].font);
    for (int i = 0; i < TEXT_SLOTS; i++) free(t->cache[i].mask);
    free(t->path[0]);
    free(t->path[1]);
    free(t->path[2]);
    free(t);
}

/* Returns the font at `size` and weight, opening it on first use (the oldest is
 * closed when all slots are taken). NULL when it cannot be opened. */
static TTF_Font *font_at(Text *t, int size, int bold)
{
    bold = bold == 2 && t->path[2] ? 2 : bold != 0;
    if (size < 4) size = 4;
    for (int i = 0; i < t->nfonts; i++)
        if (t->fonts[i].size == size && t->fonts[i].bold == bold) return t->fonts[i].font;
    TTF_Font *f = TTF_OpenFont(t->path[bold], size);
    if (!f) return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    if (t->nfonts == TEXT_SIZES) {
        TTF_CloseFont(t->fonts[0].font);
        memmove(t->fonts, t->fonts + 1, sizeof t->fonts[0] * (TEXT_SIZES - 1));
        t->nfonts--;
    }
    t->fonts[t->nfonts++] = (FontSlot){size, bold, f};
    return f;
}

static unsigned hash(const char *s, int size, int bold)
{
    unsigned h = 2166136261u ^ (unsigned)(size * 2 + bold);
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Decodes the UTF-8 code point at *s and advances past it (U+FFFD when malformed). */
static unsigned next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    unsigned c = *p++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c >= 0x80 && !more) c = 0xFFFD;
    else if (more) c &= 0x3F >> more;
    for (; more > 0; more--) {
        if ((*p & 0xC0) != 0x80) {
            c = 0xFFFD;
            break;
        }
        c = c << 6 | (*p++ & 0x3F);
    }
    *s = (const char *)p;
    return c;
}

/* Whether s needs the CJK font: a code point from U+2E80 on (CJK radicals,
 * punctuation, kana, ideographs, full-width forms) that DejaVu does not draw. */
static int wants_cjk(const char *s)
{
    while (*s) {
        unsigned c = next_cp(&s);
        if (c >= 0x2E80 && c < 0xFFFD) return 1;
    }
    return 0;
}

/* The font slot index for s: the fallback (2) when s needs it and one is set. */
static int face(const Text *t, const char *s, int bold)
{
    return t->path[2] && wants_cjk(s) ? 2 : bold != 0;
}

/* Renders s into a fresh coverage mask; returns 0 or -1. */
static int render(Text *t, const char *s, int size, int bold, Entry *e)
{
    TTF_Font *f = font_at(t, size, face(t, s, bold));
    if (!f) return -1;
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *src = TTF_RenderUTF8_Blended(f, s, white);
    if (!src) return -1;
    SDL_Surface *argb = SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(src);
    if (!argb) return -1;
    e->w = argb->w;
    e->h = argb->h;
    free(e->mask);
    e->mask = malloc((size_t)e->w * e->h);
    if (e->mask) {
        for (int y = 0; y < e->h; y++) {
            const uint32_t *row = (const uint32_t *)((char *)argb->pixels + y * argb->pitch);
            for (int x = 0; x < e->w; x++) e->mask[y * e->w + x] = row[x] >> 24;
        }
    }
    SDL_FreeSurface(argb);
    return e->mask ? 0 : -1;
}

/* Returns the cached entry for s, rendering it on a miss; NULL on failure. Strings
 * longer than the key size use the scratch entry `tmp`. */
static Entry *lookup(Text *t, const char *s, int size, int bold, Entry *tmp)
{
    if (strlen(s) >= TEXT_KEY) return render(t, s, size, bold, tmp) == 0 ? tmp : NULL;
    Entry *e = &t->cache[hash(s, size, bold) % TEXT_SLOTS];
    if (e->mask && e->size == size && e->bold == bold && strcmp(e->key, s) == 0) return e;
    if (render(t, s, size, bold, e) != 0) {
        e->key[0] = 0;
        return NULL;
    }
    strcpy(e->key, s);
    e->size = size;
    e->bold = bold;
    return e;
}

int text_width(Text *t, const char *s, int size, int bold)
{
    int w = 0;
    TTF_Font *f = font_at(t, size, face(t, s, bold));
    if (!f || !*s || TTF_SizeUTF8(f, s, &w, NULL) != 0) return 0;
    return w;
}

int text_height(Text *t, int size)
{
    TTF_Font *f = font_at(t, size, 0);
    return f ? TTF_FontHeight(f) : size;
}

int text_draw(Text *t, Canvas *c, int x, int y, const char *s, int size, int bold,
              Color col)
{
    if (!s || !*s) return 0;
    Entry tmp = {0};
    Entry *e = lookup(t, s, size, bold, &tmp);
    int w = 0;
    if (e) {
        canvas_blend_mask(c, x, y, e->mask, e->w, e->h, e->w, col);
        w = e->w;
    }
    free(tmp.mask);
    return w;
}

int text_set_fallback(Text *t, const char *path)
{
    TTF_Font *probe = path ? TTF_OpenFont(path, 12) : NULL;
    if (!probe) return -1;
    TTF_CloseFont(probe);
    char *copy = strdup(path);
    if (!copy) return -1;
    for (int i = 0; i < t->nfonts; i++) /* sizes opened before: reopen on demand */
        if (t->fonts[i].bold == 2) t->fonts[i].size = -1;
    free(t->path[2]);
    t->path[2] = copy;
    for (int i = 0; i < TEXT_SLOTS; i++) t->cache[i].key[0] = 0; /* drop any tofu */
    return 0;
}

unsigned text_missing(Text *t, const char *s, int size)
{
    TTF_Font *f = font_at(t, size, face(t, s, 0));
    while (f && *s) {
        unsigned c = next_cp(&s);
        if (c >= 0x20 && !TTF_GlyphIsProvided32(f, c)) return c;
    }
    return f ? 0 : 0xFFFD;
}

const char *text_find_cjk(void)
{
    static const char *const paths[] = {
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    };
    const char *env = getenv("LOSSCAPE_CJK_FONT");
    if (env && *env) return env;
    for (unsigned i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        FILE *f = fopen(paths[i], "rb");
        if (f) {
            fclose(f);
            return paths[i];
        }
    }
    return NULL;
}

char *text_assets_dir(void)
{
    const char *env = getenv("LOSSCAPE_ASSETS");
    if (env && *env) return strdup(env);
    char *base = SDL_GetBasePath(); /* ends with '/': .../build/ */
    if (base) {
        size_t n = strlen(base) + 32;
        char *dir = malloc(n);
        if (dir) {
            snprintf(dir, n, "%s../assets", base);
            char probe[4096];
            snprintf(probe, sizeof probe, "%s/fonts/DejaVuSans.ttf", dir);
            FILE *f = fopen(probe, "rb");
            if (f) {
                fclose(f);
                SDL_free(base);
                return dir;
            }
            snprintf(dir, n, "%s../share/losscape", base);
        }
        SDL_free(base);
        return dir;
    }
    return strdup("assets");
}
