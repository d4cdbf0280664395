/* libFuzzer target for the expression compiler (issue 7): arbitrary bytes, cut at
 * the first NUL, go to expr_compile. A failure must leave a one-line message (and a
 * column inside the text); a success is evaluated at a few points with and without
 * its gradient and along one row (which must agree with the points bit for bit, as
 * expr.h promises), then freed. Built by `make fuzz` with
 * -fsanitize=fuzzer,address,undefined against src/core; crashes are reported by
 * libFuzzer with the input that caused them. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"

#define ROW 70 /* points in the row: more than one block of expr_row's 64 */

/* Stops the run with a message: libFuzzer saves the input as a crash. */
static void die(const char *what, const char *text)
{
    fprintf(stderr, "fuzz_expr: %s\ninput: \"%.200s\"\n", what, text);
    abort();
}

/* 1 when a and b are the same value: equal with the same sign, or both NaN. */
static int same(double a, double b)
{
    if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

static void check_error(const char *text, const char *err, int col)
{
    if (!err[0]) die("no message for a failed compile", text);
    if (strchr(err, '\n')) die("message of more than one line", text);
    /* a column past the text's characters (+1 for "at the end") names nothing */
    if (col < 0 || col > (int)strlen(text) + 1) die("column outside the text", text);
}

static void check_expr(const char *text, const Expr *e)
{
    static const double pts[][2] = {{0, 0}, {1, -1}, {-2.5, 3}, {1e300, -1e-300},
                                    {-0.0, 0.5}};
    double row[ROW];
    if (strcmp(expr_text(e), text) != 0) die("expr_text differs from the input", text);
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
        Vec2 g;
        double v = expr_eval(e, pts[i][0], pts[i][1], NULL);
        double w = expr_eval(e, pts[i][0], pts[i][1], &g);
        if (!same(v, w)) die("value differs with and without the gradient", text);
    }
    expr_row(e, 0.25, -3, 0.1, ROW, row);
    for (int i = 0; i < ROW; i++)
        if (!same(row[i], expr_eval(e, -3 + i * 0.1, 0.25, NULL)))
            die("expr_row differs from expr_eval", text);
    Surface s = expr_surface(e);
    if (s.formula != expr_text(e)) die("expr_surface's formula is not the text", text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    int col = -1;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    Expr *e = expr_compile(text, err, sizeof err, &col);
    if (e) {
        if (err[0] || col != 0) die("a success with a message or a column", text);
        check_expr(text, e);
    } else {
        check_error(text, err, col);
    }
    expr_free(e);
    free(text);
    return 0;
}
