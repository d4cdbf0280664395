/* Typed expressions: precedence and associativity, every function's value and
 * derivative against the C library and a hand derivative, PyTorch's conventions at
 * kinks, error messages and columns, the limits, automatic derivatives against
 * central differences on random expressions, rows against points bit for bit, the
 * rosenbrock surface, and the Surface wrapper. */
#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/expr_impl.h" /* white-box: the length of the compiled tape */
#include "core/surface.h"

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Compiles text, failing the test with the message when it does not compile. */
static Expr *compile(const char *text)
{
    char err[512];
    Expr *e = expr_compile(text, err, sizeof err, NULL);
    if (!e) fail_msg("\"%.80s\": %s", text, err);
    return e;
}

static double value_at(const char *text, double x, double y)
{
    Expr *e = compile(text);
    double v = expr_eval(e, x, y, NULL);
    expr_free(e);
    return v;
}

/* ---- values: precedence, associativity, names, numbers ---------------------- */

static void test_values(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        double x, y, f;
    } cases[] = {
        {"1+2*3", 0, 0, 7},
        {"(1+2)*3", 0, 0, 9},
        {"2^3^2", 0, 0, 512},
        {"(2^3)^2", 0, 0, 64},
        {"-x^2", 3, 0, -9},
        {"(-x)^2", 3, 0, 9},
        {"-2^2", 0, 0, -4},
        {"2^-1", 0, 0, 0.5},
        {"-2^-2", 0, 0, -0.25},
        {"2^-x^2", 1, 0, 0.5},
        {"2*-3", 0, 0, -6},
        {"2*+3", 0, 0, 6},
        {"+x", 4, 0, 4},
        {"--x", 4, 0, 4},
        {"x--y", 4, 1, 5},
        {"x-y-1", 5, 3, 1},
        {"x-(y-1)", 5, 3, 3},
        {"8/4/2", 0, 0, 1},
        {"8/(4/2)", 0, 0, 4},
        {"x*y/2", 3, 4, 6},
        {"1-x*y^2", 2, 3, -17},
        {"w", 2, 3, 2},
        {"b", 2, 3, 3},
        {"w1", 2, 3, 2},
        {"w2", 2, 3, 3},
        {"w*b + w1 - w2", 2, 3, 5},
        {"pi", 0, 0, 3.14159265358979323846},
        {"e", 0, 0, 2.71828182845904523536},
        {"2*pi*e", 0, 0, 2 * 3.14159265358979323846 * 2.71828182845904523536},
        {"1", 0, 0, 1},
        {"1.5", 0, 0, 1.5},
        {".5", 0, 0, 0.5},
        {"5.", 0, 0, 5},
        {"1e-3", 0, 0, 1e-3},
        {"2.5E+2", 0, 0, 250},
        {"1.5e2", 0, 0, 150},
        {"0.1", 0, 0, 0.1},
        {"x \xe2\x88\x92 y", 5, 3, 2},    /* U+2212 minus */
        {"\xe2\x88\x92x^2", 3, 0, -9},    /* as a unary minus */
        {"2\xc2\xb7x", 3, 0, 6},          /* U+00B7 middle dot */
        {"2 \xc3\x97 x", 3, 0, 6},        /* U+00D7 multiplication sign */
        {"x\xc2\xa0+\xc2\xa0y", 1, 2, 3}, /* U+00A0 no-break space */
        {" \t( x +\n y ) *\r2 ", 1, 2, 6},
        {"sin ( x ) + atan2 ( y , x )", 0, 1, 1.5707963267948966},
        {"log(e)", 0, 0, 1},
        {"ln(e^2)", 0, 0, 2},
        {"log10(1000)", 0, 0, 3},
        {"1/0", 0, 0, INFINITY},
        {"(1-x)^2 + 100*(y-x^2)^2", 0, 0, 1},
        {"(1-x)^2 + 100*(y-x^2)^2", -1, 1, 4},
    };
    for (unsigned i = 0; i < COUNT(cases); i++) {
        double v = value_at(cases[i].text, cases[i].x, cases[i].y);
        if (!(v == cases[i].f || fabs(v - cases[i].f) <= 1e-15 * fabs(cases[i].f)))
            fail_msg("\"%s\" at (%g, %g) = %.17g, expected %.17g", cases[i].text,
                     cases[i].x, cases[i].y, v, cases[i].f);
    }
}

/* ---- functions: values and derivatives --------------------------------------- */

/* the references: the C library where it has the function, else the formula; the
 * derivatives by hand */
/* clang-format off */
static double sign(double a) { return a > 0 ? 1 : a < 0 ? -1 : 0; }
static double ref_sigmoid(double a) { return 1 / (1 + exp(-a)); }
static double ref_relu(double a) { return a > 0 ? a : 0; }
static double ref_softplus(double a) { return log(1 + exp(a)); }
static double d_sin(double a) { return cos(a); }
static double d_cos(double a) { return -sin(a); }
static double d_tan(double a) { return 1 / (cos(a) * cos(a)); }
static double d_asin(double a) { return 1 / sqrt(1 - a * a); }
static double d_acos(double a) { return -1 / sqrt(1 - a * a); }
static double d_atan(double a) { return 1 / (1 + a * a); }
static double d_sinh(double a) { return cosh(a); }
static double d_cosh(double a) { return sinh(a); }
static double d_tanh(double a) { return 1 / (cosh(a) * cosh(a)); }
static double d_exp(double a) { return exp(a); }
static double d_log(double a) { return 1 / a; }
static double d_log10(double a) { return 1 / (a * log(10)); }
static double d_sqrt(double a) { return 0.5 / sqrt(a); }
static double d_sigmoid(double a) { return ref_sigmoid(a) * (1 - ref_sigmoid(a)); }
static double d_relu(double a) { return a > 0; }
/* clang-format on */

static const struct {
    const char *name;
    double (*f)(double);
    double (*d)(double); /* by hand */
    double lo, hi;       /* where to test */
} unary[] = {
    {"sin", sin, d_sin, -3, 3},        {"cos", cos, d_cos, -3, 3},
    {"tan", tan, d_tan, -1.3, 1.3},    {"asin", asin, d_asin, -0.9, 0.9},
    {"acos", acos, d_acos, -0.9, 0.9}, {"atan", atan, d_atan, -5, 5},
    {"sinh", sinh, d_sinh, -3, 3},     {"cosh", cosh, d_cosh, -3, 3},
    {"tanh", tanh, d_tanh, -3, 3},     {"exp", exp, d_exp, -3, 3},
    {"log", log, d_log, 0.1, 5},       {"ln", log, d_log, 0.1, 5},
    {"log10", log10, d_log10, 0.1, 5}, {"sqrt", sqrt, d_sqrt, 0.1, 5},
    {"abs", fabs, sign, -3, 3},        {"sigmoid", ref_sigmoid, d_sigmoid, -10, 10},
    {"relu", ref_relu, d_relu, -3, 3}, {"softplus", ref_softplus, ref_sigmoid, -10, 10},
};

static void test_unary_functions(void **unused)
{
    (void)unused;
    char text[64];
    for (unsigned i = 0; i < COUNT(unary); i++)
        for (int k = 0; k < 9; k++) {
            double a = unary[i].lo + (unary[i].hi - unary[i].lo) * (k + 0.37) / 9;
            Vec2 g;
            snprintf(text, sizeof text, "%s(x)", unary[i].name);
            Expr *e = compile(text);
            double v = expr_eval(e, a, 7, &g);
            assert_close(v, unary[i].f(a), 1e-15);
            assert_close(g.x, unary[i].d(a), 1e-13);
            assert_true(g.y == 0);
            expr_free(e);
            /* of y, through the chain rule: d/dy f(3y) = 3 f'(3y) */
            snprintf(text, sizeof text, "%s(3*y)", unary[i].name);
            e = compile(text);
            v = expr_eval(e, 7, a / 3, &g);
            assert_close(v, unary[i].f(a), 1e-15);
            assert_close(g.y, 3 * unary[i].d(a), 1e-13);
            assert_true(g.x == 0);
            expr_free(e);
        }
}

static double ref_min(double a, double b)
{
    return a < b ? a : b;
}
static double ref_max(double a, double b)
{
    return a > b ? a : b;
}

/* the partial derivatives by hand */
static Vec2 d_atan2(double a, double b)
{
    return (Vec2){b / (a * a + b * b), -a / (a * a + b * b)};
}
static Vec2 d_min(double a, double b)
{
    return (Vec2){a<b, a> b};
}
static Vec2 d_max(double a, double b)
{
    return (Vec2){a > b, a < b};
}
static Vec2 d_pow(double a, double b)
{
    return (Vec2){b * pow(a, b - 1), pow(a, b) * log(a)};
}
static Vec2 d_hypot(double a, double b)
{
    return (Vec2){a / hypot(a, b), b / hypot(a, b)};
}

static void test_binary_functions(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        double (*f)(double, double);
        Vec2 (*d)(double, double);
        double lo, hi; /* both arguments */
    } cases[] = {
        {"atan2(x, y)", atan2, d_atan2, -3, 3},
        {"min(x, y)", ref_min, d_min, -3, 3},
        {"max(x, y)", ref_max, d_max, -3, 3},
        {"pow(x, y)", pow, d_pow, 0.2, 3},
        {"x^y", pow, d_pow, 0.2, 3},
        {"hypot(x, y)", hypot, d_hypot, -3, 3},
    };
    unsigned seed = 7;
    for (unsigned i = 0; i < COUNT(cases); i++) {
        Expr *e = compile(cases[i].text);
        for (int k = 0; k < 50; k++) {
            double a = cases[i].lo + (cases[i].hi - cases[i].lo) * rnd(&seed);
            double b = cases[i].lo + (cases[i].hi - cases[i].lo) * rnd(&seed);
            Vec2 g, want = cases[i].d(a, b);
            assert_close(expr_eval(e, a, b, &g), cases[i].f(a, b), 1e-15);
            assert_close(g.x, want.x, 1e-13);
            assert_close(g.y, want.y, 1e-13);
        }
        expr_free(e);
    }
}

/* PyTorch's conventions at kinks, the stable sigmoid and softplus, and infinities */
static void test_kinks(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        double x, y, f, gx, gy;
    } cases[] = {
        {"abs(x)", 0, 0, 0, 0, 0},
        {"relu(x)", 0, 0, 0, 0, 0},
        {"relu(x)", -2, 0, 0, 0, 0},
        {"max(x, y)", 1, 1, 1, 1, 0},
        {"max(y, x)", 1, 1, 1, 0, 1},
        {"min(x, y)", 1, 1, 1, 1, 0},
        {"min(y, x)", 1, 1, 1, 0, 1},
        {"sqrt(x)", 0, 0, 0, INFINITY, 0},
        {"x + sqrt(y)", 2, 0, 2, 1, INFINITY},
        {"x^2", -3, 0, 9, -6, 0},
        {"x^3", -2, 0, -8, 12, 0},
        {"pow(x, 2)", -3, 0, 9, -6, 0},
        {"x^(1+1)", -3, 0, 9, -6, 0},
        {"x^0", 0, 0, 1, 0, 0},
        {"x^y", 0, 2, 0, 0, 0},
        {"x^y", 0, 1, 0, 1, 0},
        {"hypot(x, y)", 0, 0, 0, 0, 0},
        {"sigmoid(x)", 1000, 0, 1, 0, 0},
        {"sigmoid(x)", -1000, 0, 0, 0, 0},
        {"sigmoid(x)", -40, 0, 4.248354255291589e-18, 4.248354255291589e-18, 0},
        {"softplus(x)", 1000, 0, 1000, 1, 0},
        {"softplus(x)", -1000, 0, 0, 0, 0},
        {"softplus(x)", 40, 0, 40, 1, 0},
        {"softplus(x)", -30, 0, 9.357622968840175e-14, 9.357622968839299e-14, 0},
        {"exp(x) * y", 1000, 2, INFINITY, INFINITY, INFINITY},
    };
    for (unsigned i = 0; i < COUNT(cases); i++) {
        Vec2 g;
        Expr *e = compile(cases[i].text);
        double v = expr_eval(e, cases[i].x, cases[i].y, &g);
        expr_free(e);
        double got[3] = {v, g.x, g.y}, want[3] = {cases[i].f, cases[i].gx, cases[i].gy};
        for (int k = 0; k < 3; k++)
            if (!(got[k] == want[k] || fabs(got[k] - want[k]) <= 1e-12 * fabs(want[k])))
                fail_msg("\"%s\" at (%g, %g): (f, gx, gy)[%d] = %.17g, expected %.17g",
                         cases[i].text, cases[i].x, cases[i].y, k, got[k], want[k]);
    }
}

/* values outside a function's domain are NaN or inf, never an error */
static void test_non_finite(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        double x, y;
        int inf; /* 1: +-inf expected, 0: NaN */
    } cases[] = {
        {"log(x)", -1, 0, 0},     {"x/y", 0, 0, 0},     {"0/0", 0, 0, 0},
        {"sqrt(x)", -1, 0, 0},    {"asin(x)", 2, 0, 0}, {"1/x", 0, 0, 1},
        {"log(x)", 0, 0, 1},      {"x^y", -2, 0.5, 0},  {"1e999", 0, 0, 1},
        {"max(x, y)", NAN, 1, 0},
    };
    for (unsigned i = 0; i < COUNT(cases); i++) {
        Vec2 g;
        Expr *e = compile(cases[i].text);
        double v = expr_eval(e, cases[i].x, cases[i].y, &g);
        double r;
        expr_row(e, cases[i].y, cases[i].x, 0, 1, &r);
        expr_free(e);
        if (cases[i].inf ? !isinf(v) : !isnan(v))
            fail_msg("\"%s\" = %g, expected %s", cases[i].text, v,
                     cases[i].inf ? "inf" : "NaN");
        assert_true(cases[i].inf ? isinf(r) : isnan(r));
    }
}

/* ---- errors and limits ---------------------------------------------------- */

#define NAMES                                                                            \
    "; functions are sin cos tan asin acos atan atan2 sinh cosh tanh exp log ln log10 "  \
    "sqrt abs sigmoid relu softplus min max pow hypot; variables x y (or w b, w1 w2); "  \
    "constants pi e"
#define OPERAND "expected an operand (a number, x, y, a function or '(')"

static void test_errors(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        int col;
        const char *msg;
    } cases[] = {
        {"", 1, "column 1: expected an expression"},
        {"  \t ", 1, "column 1: expected an expression"},
        {"x +", 4, "column 4: " OPERAND},
        {"x + * y", 5, "column 5: " OPERAND},
        {")", 1, "column 1: " OPERAND},
        {"()", 2, "column 2: " OPERAND},
        {"x^", 3, "column 3: " OPERAND},
        {"sin(x,)", 7, "column 7: " OPERAND},
        {"x ** 2", 4, "column 4: " OPERAND},
        {".", 1, "column 1: unexpected character '.'"},
        {"2*(x + y z", 10, "column 10: expected ')' to close the '(' at column 3"},
        {"(x", 3, "column 3: expected ')' to close the '(' at column 1"},
        {"((x)", 5, "column 5: expected ')' to close the '(' at column 1"},
        {"sin(x y)", 7, "column 7: expected ')' to close the '(' at column 4"},
        {"sin(x", 6, "column 6: expected ')' to close the '(' at column 4"},
        {"atan2(y x)", 9, "column 9: expected ',' (atan2 takes 2 arguments)"},
        {"foo", 1, "column 1: unknown name 'foo'" NAMES},
        {"2*X", 3, "column 3: unknown name 'X'" NAMES},
        {"x + foo(1)", 5, "column 5: unknown name 'foo'" NAMES},
        {"abcdefghijklmnopqrstuvwxyzabcdefghij", 1,
         "column 1: unknown name 'abcdefghijklmnopqrstuvwxyzabcdef'..." NAMES},
        {"sin(x, y)", 1, "column 1: sin takes 1 argument, got 2"},
        {"1 + sin(x, y)", 5, "column 5: sin takes 1 argument, got 2"},
        {"sin()", 1, "column 1: sin takes 1 argument, got 0"},
        {"atan2(y)", 1, "column 1: atan2 takes 2 arguments, got 1"},
        {"hypot()", 1, "column 1: hypot takes 2 arguments, got 0"},
        {"max(x, y, 1)", 1, "column 1: max takes 2 arguments, got 3"},
        {"sin x", 5, "column 5: expected '(' after sin"},
        {"sin", 4, "column 4: expected '(' after sin"},
        {"(x + 1))", 8, "column 8: unexpected ')'"},
        {"sin(x) )", 8, "column 8: unexpected ')'"},
        {"sin(x) + 1 2", 12,
         "column 12: unexpected text after the end of the expression"},
        {"2x", 2, "column 2: unexpected text after the end of the expression"},
        {"x, y", 2, "column 2: unexpected text after the end of the expression"},
        {"1..2", 3, "column 3: unexpected text after the end of the expression"},
        {"2e", 2, "column 2: unexpected text after the end of the expression"},
        {"x $ y", 3, "column 3: unexpected character '$'"},
        {"x \xe2\x88\x92 \xc3\xa4", 5, "column 5: unexpected character '\xc3\xa4'"},
        {"\xe2\x88\x92\xe2\x88\x92(", 4, "column 4: " OPERAND},
        {"x + \xff", 5, "column 5: unexpected byte 0xFF"},
        {"(x + \xc3", 6, "column 6: unexpected byte 0xC3"},
    };
    for (unsigned i = 0; i < COUNT(cases); i++) {
        char err[512] = "unset";
        int col = -1;
        Expr *e = expr_compile(cases[i].text, err, sizeof err, &col);
        if (e) fail_msg("\"%s\" compiled", cases[i].text);
        if (strcmp(err, cases[i].msg) != 0)
            fail_msg("\"%s\": \"%s\", expected \"%s\"", cases[i].text, err, cases[i].msg);
        assert_int_equal(col, cases[i].col);
    }
}

/* err and col are optional; a short buffer is truncated; success clears them */
static void test_error_buffers(void **unused)
{
    (void)unused;
    char err[8] = "xxxxxxx";
    int col = 5;
    assert_null(expr_compile("x +", NULL, 0, NULL));
    assert_null(expr_compile("x +", err, 0, NULL));
    assert_string_equal(err, "xxxxxxx");
    assert_null(expr_compile("x +", err, sizeof err, &col));
    assert_string_equal(err, "column ");
    assert_int_equal(col, 4);
    Expr *e = expr_compile("x", err, sizeof err, &col);
    assert_non_null(e);
    assert_string_equal(err, "");
    assert_int_equal(col, 0);
    expr_free(e);
    expr_free(NULL);
    assert_null(expr_compile(NULL, err, sizeof err, &col)); /* as empty */
    assert_int_equal(col, 1);
}

/* Returns a new string of `count` copies of `unit` between head and tail. */
static char *repeat(const char *head, const char *unit, int count, const char *tail)
{
    size_t n = strlen(head) + strlen(unit) * (size_t)count + strlen(tail) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    strcpy(s, head);
    char *p = s + strlen(head);
    for (int i = 0; i < count; i++, p += strlen(unit))
        memcpy(p, unit, strlen(unit));
    strcpy(p, tail);
    return s;
}

/* Returns a new string: open `count` times, inner, close `count` times. */
static char *nested(const char *open, int count, const char *inner, const char *close)
{
    char *tail = repeat(inner, close, count, "");
    char *s = repeat("", open, count, tail);
    free(tail);
    return s;
}

/* Compiles s (then frees it): it must compile when msg is NULL, else fail with msg
 * and column col. */
static void check_compile(char *s, int col, const char *msg)
{
    char err[256];
    int c = -1;
    Expr *e = expr_compile(s, err, sizeof err, &c);
    if (!msg && !e) fail_msg("\"%.40s...\": %s", s, err);
    if (msg) {
        assert_null(e);
        assert_string_equal(err, msg);
    }
    assert_int_equal(c, col);
    expr_free(e);
    free(s);
}

static void test_limits(void **unused)
{
    (void)unused;
    const char *longer = "expression longer than 4096 characters";
    /* 4096 characters: "x" and 2047 "+x", and a space */
    check_compile(repeat("x", "+x", 2047, " "), 0, NULL);
    check_compile(repeat("x", "+x", 2047, "  "), 0, longer);
    /* characters, not bytes: a U+2212 minus is one */
    check_compile(repeat("x", "\xe2\x88\x92x", 2047, " "), 0, NULL);
    check_compile(repeat("x", "\xe2\x88\x92x", 2048, ""), 0, longer);
    /* 256 levels of parentheses, of calls, of exponents, and one more */
    check_compile(nested("(", 256, "x", ")"), 0, NULL);
    check_compile(repeat("", "(", 257, "x"), 257,
                  "column 257: more than 256 levels of nesting");
    check_compile(nested("sin(", 256, "x", ")"), 0, NULL);
    check_compile(repeat("", "sin(", 257, "x"), 1028,
                  "column 1028: more than 256 levels of nesting");
    check_compile(repeat("", "x^", 256, "1"), 0, NULL);
    check_compile(repeat("", "x^", 257, "1"), 514,
                  "column 514: more than 256 levels of nesting");
    check_compile(repeat("", "-(", 257, "x"), 514,
                  "column 514: more than 256 levels of nesting");
    check_compile(repeat("", "2^-", 257, "x"), 770,
                  "column 770: more than 256 levels of nesting");
    /* unary signs are counted, not nested: 4095 of them are fine */
    char *s = repeat("", "-", 4095, "x");
    assert_true(value_at(s, 2, 0) == -2);
    free(s);
    check_compile(repeat("", "-", 100000, "x"), 0, longer);
    check_compile(repeat("", "(", 100000, "x"), 0, longer);
}

/* ---- random expressions ------------------------------------------------------ */

#define GEN_CAP 4096

/* Appends to buf (GEN_CAP bytes). */
static void put(char *buf, const char *fmt, ...)
{
    size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, GEN_CAP - n, fmt, ap);
    va_end(ap);
}

static const char *leaves[] = {"x", "y", "w", "b", "w1", "w2", "pi", "e", "x", "y"};
static const char *binops[] = {" + ", " - ", "*", "/", " \xe2\x88\x92 ", "\xc2\xb7"};
static const char *powers[] = {"2", "3", "0.5", "-1", "-2", "1.5"};

/* Appends a random expression of at most `depth` levels from the grammar to buf,
 * parenthesised or not at random (either way it is some valid expression). */
static void gen(unsigned *seed, int depth, char *buf)
{
    if (depth == 0 || rnd(seed) < 0.2) {
        if (rnd(seed) < 0.3)
            put(buf, "%.3g", 0.5 + 2.5 * rnd(seed));
        else
            put(buf, "%s", leaves[(int)(rnd(seed) * COUNT(leaves))]);
        return;
    }
    int paren = rnd(seed) < 0.7, kind = (int)(rnd(seed) * 7);
    const ExprFn *f = &expr_fns[(int)(rnd(seed) * expr_nfns)];
    if (paren) put(buf, "(");
    if (kind <= 1) { /* binary operator */
        gen(seed, depth - 1, buf);
        put(buf, "%s", binops[(int)(rnd(seed) * COUNT(binops))]);
        gen(seed, depth - 1, buf);
    } else if (kind == 2) {
        put(buf, "-");
        gen(seed, depth - 1, buf);
    } else if (kind == 3) { /* a power, constant or not */
        gen(seed, depth - 1, buf);
        if (rnd(seed) < 0.7)
            put(buf, "^%s", powers[(int)(rnd(seed) * COUNT(powers))]);
        else
            put(buf, "^(1 + y*y/4)");
    } else { /* a function */
        put(buf, "%s(", f->name);
        gen(seed, depth - 1, buf);
        if (f->arity == 2) put(buf, ", ");
        if (f->arity == 2) gen(seed, depth - 1, buf);
        put(buf, ")");
    }
    if (paren) put(buf, ")");
}

static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

/* the gradient by central differences with step h */
static Vec2 central(const Expr *e, double x, double y, double h)
{
    return (Vec2){(expr_eval(e, x + h, y, NULL) - expr_eval(e, x - h, y, NULL)) / (2 * h),
                  (expr_eval(e, x, y + h, NULL) - expr_eval(e, x, y - h, NULL)) /
                      (2 * h)};
}

/* automatic derivatives against central differences where the function is smooth
 * (two step sizes agree: no kink, pole or jump nearby) */
static void test_random_gradients(void **unused)
{
    (void)unused;
    unsigned seed = 2024;
    int tried = 0, checked = 0;
    char text[GEN_CAP];
    for (int k = 0; k < 3000; k++) {
        text[0] = '\0';
        gen(&seed, 1 + k % 5, text);
        Expr *e = compile(text);
        for (int j = 0; j < 4; j++, tried++) {
            double x = -3 + 6 * rnd(&seed), y = -3 + 6 * rnd(&seed);
            Vec2 g;
            double v = expr_eval(e, x, y, &g);
            if (!same(v, expr_eval(e, x, y, NULL)))
                fail_msg("\"%s\": value with g", text);
            if (!isfinite(v) || !isfinite(g.x) || !isfinite(g.y) || fabs(v) > 1e6)
                continue;
            Vec2 n1 = central(e, x, y, 1e-5), n2 = central(e, x, y, 2e-5);
            double scale = fmax(fmax(1, fabs(v)), fmax(fabs(g.x), fabs(g.y)));
            if (!(fabs(n1.x - n2.x) <= 1e-6 * scale && fabs(n1.y - n2.y) <= 1e-6 * scale))
                continue;
            if (fabs(g.x - n1.x) > 1e-5 * scale || fabs(g.y - n1.y) > 1e-5 * scale)
                fail_msg("\"%s\" at (%.17g, %.17g): automatic (%.10g, %.10g), central "
                         "(%.10g, %.10g)",
                         text, x, y, g.x, g.y, n1.x, n1.y);
            checked++;
        }
        expr_free(e);
    }
    print_message("gradients checked at %d of %d points\n", checked, tried);
    assert_true(checked > tried / 3);
}

/* expr_row equals expr_eval bit for bit, with no write past n */
static void test_row_matches_eval(void **unused)
{
    (void)unused;
    unsigned seed = 99;
    char text[GEN_CAP];
    double out[302];
    for (int k = 0; k < 600; k++) {
        text[0] = '\0';
        gen(&seed, 1 + k % 6, text);
        Expr *e = compile(text);
        int n = k % 5 == 0 ? k % 7 : (int)(300 * rnd(&seed));
        double x0 = -3 + 6 * rnd(&seed), dx = 0.05 * rnd(&seed), y = -3 + 6 * rnd(&seed);
        out[n] = 12345;
        expr_row(e, y, x0, dx, n, out);
        assert_true(out[n] == 12345);
        for (int i = 0; i < n; i++)
            if (!same(out[i], expr_eval(e, x0 + i * dx, y, NULL)))
                fail_msg("\"%s\" at x[%d]: row %.17g, point %.17g", text, i, out[i],
                         expr_eval(e, x0 + i * dx, y, NULL));
        expr_free(e);
    }
}

/* Compares expr_row with expr_eval bit for bit (NaN with NaN) for text on rows at
 * ys over x = -3, -2.875, ... (n = 600: whole blocks and a part, and x = 0 exactly). */
static void row_vs_eval(const char *text)
{
    static const double ys[] = {-2, -1, 0, 0.5, 3, 800};
    enum { N = 600 };
    double out[N + 1];
    Expr *e = compile(text);
    for (unsigned j = 0; j < COUNT(ys); j++) {
        out[N] = 12345;
        expr_row(e, ys[j], -3, 0.125, N, out);
        assert_true(out[N] == 12345);
        for (int i = 0; i < N; i++) {
            double want = expr_eval(e, -3 + i * 0.125, ys[j], NULL);
            if (!same(out[i], want))
                fail_msg("\"%s\" at x = %g, y = %g: row %.17g, point %.17g", text,
                         -3 + i * 0.125, ys[j], out[i], want);
        }
    }
    expr_free(e);
}

/* every instruction, over blocks (x), uniform values (y, constants) and their mixes,
 * with NaN and inf among the results (log, sqrt and asin of negatives, 1/0, exp and
 * products overflowing, inf - inf) */
static void test_row_every_op(void **unused)
{
    (void)unused;
    static const char *texts[] = {
        "x",
        "y",
        "3",
        "-x",
        "-y",
        "x + y",
        "y + x",
        "x - y",
        "y - x",
        "x * y",
        "y * x",
        "x / y",
        "y / x",
        "x ^ y",
        "y ^ x",
        "x ^ x",
        "x + x",
        "x - x",
        "x * x",
        "x / x",
        "x + 2",
        "2 + x",
        "x - 2",
        "2 - x",
        "x * 2",
        "2 * x",
        "x / 2",
        "2 / x",
        "x ^ 2",
        "x ^ 3",
        "x ^ 0.5",
        "x ^ -1",
        "2 ^ x",
        "(-x) ^ y",
        "(y - x) ^ 2",
        "y ^ 2 - x",
        "sin(y) * x + cos(y) / x",
        "1e308 * x * y",
        "x * y * 1e308 - x * y * 1e308",
        "exp(x * y) - exp(y * x)",
        "-(x - y) / (y * 2 - 1)",
    };
    for (unsigned i = 0; i < COUNT(texts); i++)
        row_vs_eval(texts[i]);
    for (int f = 0; f < expr_nfns; f++) {
        static const char *args1[] = {"x", "y", "x * y + x", "2 * y"};
        static const char *args2[] = {"x, y", "y, x", "x, 2", "2, x", "y, 1", "x, x"};
        char text[64];
        int one = expr_fns[f].arity == 1, m = one ? COUNT(args1) : COUNT(args2);
        for (int k = 0; k < m; k++) {
            snprintf(text, sizeof text, "%s(%s)", expr_fns[f].name,
                     one ? args1[k] : args2[k]);
            row_vs_eval(text);
        }
    }
}

/* the same formula as the built-in surface: same values and gradients */
static void test_rosenbrock(void **unused)
{
    (void)unused;
    const Surface *r = surface_find("rosenbrock");
    assert_non_null(r);
    Expr *e = compile("(1-x)^2 + 100*(y-x^2)^2");
    unsigned seed = 5;
    double row[100];
    for (int k = 0; k < 1000; k++) {
        double x = r->view.x0 + (r->view.x1 - r->view.x0) * rnd(&seed);
        double y = r->view.y0 + (r->view.y1 - r->view.y0) * rnd(&seed);
        Vec2 g, gr;
        double f = expr_eval(e, x, y, &g), fr = surface_eval(r, x, y, &gr);
        assert_close(f, fr, 1e-13);
        assert_close(g.x, gr.x, 1e-11);
        assert_close(g.y, gr.y, 1e-11);
    }
    expr_row(e, 0.5, -2, 0.04, 100, row);
    for (int i = 0; i < 100; i++)
        assert_close(row[i], surface_eval(r, -2 + i * 0.04, 0.5, NULL), 1e-13);
    expr_free(e);
}

static void test_surface(void **unused)
{
    (void)unused;
    const char *text = "sin(w) * b";
    Expr *e = compile(text);
    Surface s = expr_surface(e);
    assert_string_equal(s.name, "expr");
    assert_string_equal(s.kind, "expression");
    assert_string_equal(s.formula, text);
    assert_ptr_equal(s.formula, expr_text(e));
    assert_true(s.view.x0 == -5 && s.view.x1 == 5 && s.view.y0 == -5 && s.view.y1 == 5);
    assert_string_equal(s.xlabel, "x");
    assert_string_equal(s.ylabel, "y");
    assert_int_equal(s.nmin, 0);
    assert_int_equal(s.log_default, 0);
    assert_int_equal(s.nsamples, 0);
    assert_null(s.batch);
    assert_ptr_equal(s.ctx, e);
    assert_non_null(s.row);
    Vec2 g;
    assert_close(surface_eval(&s, 1, 2, &g), 2 * sin(1), 1e-15);
    assert_close(g.x, 2 * cos(1), 1e-15);
    assert_close(g.y, sin(1), 1e-15);
    double out[3];
    s.row(s.ctx, 2, 0, 1, 3, out);
    assert_true(out[2] == expr_eval(e, 2, 2, NULL));
    expr_free(e);
}

/* white-box: constants are folded and fused into the instructions that use them */
static void test_folding(void **unused)
{
    (void)unused;
    static const struct {
        const char *text;
        int n, depth; /* instructions, stack depth */
    } cases[] = {
        {"(1-x)^2 + 100*(y-x^2)^2", 10, 3},
        {"2^3^2", 1, 1},
        {"-(2*3) + sin(pi/2)", 1, 1},
        {"sin(pi/2)*x", 2, 1},
        {"x*2", 2, 1},
        {"2-x", 2, 1},
        {"2/x", 2, 1},
        {"x^2", 2, 1},
        {"x^y", 3, 2},
        {"--x", 1, 1},
        {"-x", 2, 1},
        {"x + (y + (x + y))", 7, 4},
    };
    for (unsigned i = 0; i < COUNT(cases); i++) {
        Expr *e = compile(cases[i].text);
        if (e->n != cases[i].n || e->depth != cases[i].depth)
            fail_msg("\"%s\": %d instructions, depth %d", cases[i].text, e->n, e->depth);
        expr_free(e);
    }
}

/* deeper than the stacks kept on the C stack: the heap path gives the same */
static void test_deep_stack(void **unused)
{
    (void)unused;
    char *s = nested("x+(", 150, "x", ")");
    Expr *e = compile(s);
    free(s);
    assert_true(e->depth > 64);
    Vec2 g;
    assert_true(expr_eval(e, 1.5, 0, &g) == 151 * 1.5);
    assert_true(g.x == 151 && g.y == 0);
    double out[70];
    expr_row(e, 0, 1, 0.5, 70, out);
    for (int i = 0; i < 70; i++)
        assert_true(out[i] == expr_eval(e, 1 + i * 0.5, 0, NULL));
    expr_free(e);
}

/* one Expr evaluated from many threads at once, as field.c does */
static void test_threads(void **unused)
{
    (void)unused;
    Expr *e = compile("sin(3*x)*cos(2*y) + softplus(x - y)^2 / (1 + hypot(x, y))");
    enum { W = 200, H = 64 };
    static double par[H][W], gsum[H];
    int bad = 0;
#pragma omp parallel for schedule(dynamic) reduction(+ : bad)
    for (int j = 0; j < H; j++) {
        double y = -2 + j * 0.0625;
        expr_row(e, y, -3, 0.03, W, par[j]);
        Vec2 g;
        gsum[j] = expr_eval(e, 0.5, y, &g) + g.x + g.y;
        for (int i = 0; i < W; i++)
            bad += !same(par[j][i], expr_eval(e, -3 + i * 0.03, y, NULL));
    }
    assert_int_equal(bad, 0);
    for (int j = 0; j < H; j++) {
        Vec2 g;
        double y = -2 + j * 0.0625;
        assert_true(same(gsum[j], expr_eval(e, 0.5, y, &g) + g.x + g.y));
    }
    expr_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),           cmocka_unit_test(test_unary_functions),
        cmocka_unit_test(test_binary_functions), cmocka_unit_test(test_kinks),
        cmocka_unit_test(test_non_finite),       cmocka_unit_test(test_errors),
        cmocka_unit_test(test_error_buffers),    cmocka_unit_test(test_limits),
        cmocka_unit_test(test_random_gradients), cmocka_unit_test(test_row_matches_eval),
        cmocka_unit_test(test_rosenbrock),       cmocka_unit_test(test_surface),
        cmocka_unit_test(test_folding),          cmocka_unit_test(test_deep_stack),
        cmocka_unit_test(test_threads),          cmocka_unit_test(test_row_every_op),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
