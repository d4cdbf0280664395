/* Lexing expression text: tokens with their 1-based columns counted in characters
 * (code points), white space skipped, and a few characters pasted from formatted
 * formulas read as their ASCII operators. expr_parse.c parses the tokens. */
#include "expr_impl.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* Characters people paste from formatted formulas, read as ASCII ones. */
static const struct {
    const char *utf8;
    char ch; /* ' ' is white space */
} aliases[] = {
    {"\xe2\x88\x92", '-'}, /* U+2212 minus sign */
    {"\xc2\xb7", '*'},     /* U+00B7 middle dot */
    {"\xc3\x97", '*'},     /* U+00D7 multiplication sign */
    {"\xc2\xa0", ' '},     /* U+00A0 no-break space */
};

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}
static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

int expr_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    int n = c < 0x80             ? 1
            : (c & 0xe0) == 0xc0 ? 2
            : (c & 0xf0) == 0xe0 ? 3
            : (c & 0xf8) == 0xf0 ? 4
                                 : 0;
    for (int i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) return 0;
    return n;
}

int expr_count_chars(const char *s, int limit)
{
    int n = 0;
    for (int i = 0; s[i] && n <= limit; n++) {
        int k = expr_utf8_len(s + i);
        i += k ? k : 1;
    }
    return n;
}

/* Returns the index in aliases of the character at s, or -1. */
static int alias_at(const char *s)
{
    for (int i = 0; i < COUNT(aliases); i++)
        if (strncmp(s, aliases[i].utf8, strlen(aliases[i].utf8)) == 0) return i;
    return -1;
}

/* Returns the byte length of white space at s: 0 when there is none. */
static int space_len(const char *s)
{
    if (*s && strchr(" \t\n\r\v\f", *s)) return 1;
    int a = alias_at(s);
    return a >= 0 && aliases[a].ch == ' ' ? (int)strlen(aliases[a].utf8) : 0;
}

/* Returns the byte length of the number at s: digits, an optional fraction and an
 * optional exponent (taken only when digits follow the e, so "2e" is 2 then e). */
static int number_len(const char *s)
{
    int i = 0;
    while (is_digit(s[i]))
        i++;
    if (s[i] == '.')
        for (i++; is_digit(s[i]); i++) {
        }
    if (s[i] == 'e' || s[i] == 'E') {
        int j = i + 1;
        if (s[j] == '+' || s[j] == '-') j++;
        if (is_digit(s[j]))
            for (i = j; is_digit(s[i]); i++) {
            }
    }
    return i;
}

/* Reads the token at byte `at` of s (mutable: a number is cut out in place for
 * strtod, which reads the C locale's '.'). */
static ExprToken lex_one(char *s, int at, int col)
{
    ExprToken t = {.kind = EXPR_TOK_BAD, .col = col, .at = at, .len = 1};
    char *c = s + at;
    int a;
    if (!*c) {
        t.kind = EXPR_TOK_END, t.len = 0;
    } else if (is_digit(*c) || (*c == '.' && is_digit(c[1]))) {
        t.kind = EXPR_TOK_NUM, t.len = number_len(c);
        char end = c[t.len];
        c[t.len] = '\0';
        t.num = strtod(c, NULL);
        c[t.len] = end;
    } else if (is_alpha(*c)) {
        t.kind = EXPR_TOK_NAME;
        while (is_alpha(c[t.len]) || is_digit(c[t.len]))
            t.len++;
    } else if (strchr("+-*/^(),", *c)) {
        t.kind = EXPR_TOK_OP, t.ch = *c;
    } else if ((a = alias_at(c)) >= 0) {
        t.kind = EXPR_TOK_OP, t.ch = aliases[a].ch, t.len = (int)strlen(aliases[a].utf8);
    } else if (expr_utf8_len(c) > 1) {
        t.len = expr_utf8_len(c); /* a EXPR_TOK_BAD character */
    }
    return t;
}

int expr_lex(char *s, ExprToken *t)
{
    int at = 0, col = 1, n = 0;
    for (;;) {
        for (int w; (w = space_len(s + at)) > 0; at += w)
            col++;
        ExprToken k = lex_one(s, at, col);
        t[n++] = k;
        if (k.kind == EXPR_TOK_END) return n;
        at += k.len;
        col += k.kind == EXPR_TOK_NUM || k.kind == EXPR_TOK_NAME ? k.len : 1;
    }
}
