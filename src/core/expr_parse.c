/* Compiling expression text (DESIGN section 4) to the postfix tape expr_eval.c runs:
 * a recursive-descent parser over expr_lex.c's tokens, guarded against deep nesting,
 * with error messages naming the column and what was expected, and constant folding
 * and fusion of constant operands as each instruction is emitted. */
#include "expr_impl.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI    3.14159265358979323846
#define EULER 2.71828182845904523536 /* e */

/* Variables and constants; the functions are expr_fns. */
static const struct {
    const char *name;
    unsigned char op; /* EXPR_OP_X, EXPR_OP_Y or EXPR_OP_CONST */
    double c;
} names[] = {
    {"x", EXPR_OP_X, 0},       {"w", EXPR_OP_X, 0},         {"w1", EXPR_OP_X, 0},
    {"y", EXPR_OP_Y, 0},       {"b", EXPR_OP_Y, 0},         {"w2", EXPR_OP_Y, 0},
    {"pi", EXPR_OP_CONST, PI}, {"e", EXPR_OP_CONST, EULER},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* ---- emitting, with constant folding ---------------------------------------- */

typedef struct {
    const char *text;   /* the source */
    const ExprToken *t; /* its tokens, ending with EXPR_TOK_END */
    int pos;            /* the current token */
    ExprInstr *code;    /* the tape being emitted; room for one per token */
    int n;              /* its length */
    int nest;           /* current nesting of (), calls and exponents */
    char *err;          /* the message buffer (errn bytes, may be NULL) */
    int errn;
    int col; /* the error's column, 0 until one */
} Parser;

static void emit(Parser *p, ExprInstr in)
{
    p->code[p->n++] = in;
}

static int is_const(const Parser *p, int start, int end)
{
    return end - start == 1 && p->code[start].op == EXPR_OP_CONST;
}

/* Emits the one-operand instruction `in` over the subtree from `a` to the end,
 * folding it when that subtree is a constant. */
static void emit_unary(Parser *p, ExprInstr in, int a)
{
    if (is_const(p, a, p->n))
        p->code[a].c = expr_apply(&in, p->code[a].c, 0);
    else
        emit(p, in);
}

/* Emits the two-operand instruction `in` over subtrees a..b and b..end: folded when
 * both are constants, fused into a *C form when one is (a ^ 2 becomes a square). */
static void emit_binary(Parser *p, ExprInstr in, int a, int b)
{
    int ca = is_const(p, a, b), cb = is_const(p, b, p->n);
    int right = expr_constant_form(in.op, 0), left = expr_constant_form(in.op, 1);
    if (ca && cb) {
        p->code[a].c = expr_apply(&in, p->code[a].c, p->code[b].c);
        p->n = b;
    } else if (cb && right) {
        double c = p->code[b].c;
        p->n = b;
        ExprInstr f = {c == 2 && in.op == EXPR_OP_POW ? EXPR_OP_SQR : right, 0, c};
        emit(p, f);
    } else if (ca && left) {
        double c = p->code[a].c;
        memmove(p->code + a, p->code + b, (size_t)(p->n - b) * sizeof *p->code);
        p->n--;
        emit(p, (ExprInstr){left, 0, c});
    } else {
        emit(p, in);
    }
}

/* ---- parsing: each function returns where its subtree starts, or -1 -------- */

static const ExprToken *peek(const Parser *p)
{
    return &p->t[p->pos];
}
static int is_op(const ExprToken *t, char c)
{
    return t->kind == EXPR_TOK_OP && t->ch == c;
}

/* Records the error (the first one only); returns -1. */
static int vfail(Parser *p, int col, const char *fmt, va_list ap)
{
    if (p->col) return -1;
    p->col = col;
    if (p->err && p->errn > 0) {
        int k = snprintf(p->err, (size_t)p->errn, "column %d: ", col);
        if (k >= 0 && k < p->errn) vsnprintf(p->err + k, (size_t)(p->errn - k), fmt, ap);
    }
    return -1;
}

static int fail(Parser *p, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, col, fmt, ap);
    va_end(ap);
    return -1;
}

/* Fails at the current token: `fmt` says what was expected there, unless the token
 * is a character that starts none, which is named instead. */
static int fail_here(Parser *p, const char *fmt, ...)
{
    const ExprToken *t = peek(p);
    const char *s = p->text + t->at;
    if (t->kind == EXPR_TOK_BAD && expr_utf8_len(s) == 0)
        return fail(p, t->col, "unexpected byte 0x%02X", (unsigned char)*s);
    if (t->kind == EXPR_TOK_BAD)
        return fail(p, t->col, "unexpected character '%.*s'", t->len, s);
    va_list ap;
    va_start(ap, fmt);
    vfail(p, t->col, fmt, ap);
    va_end(ap);
    return -1;
}

/* Enters one level of nesting opened at column col; returns 0, or -1 past the limit. */
static int enter(Parser *p, int col)
{
    if (++p->nest <= EXPR_MAX_NESTING) return 0;
    return fail(p, col, "more than %d levels of nesting", EXPR_MAX_NESTING);
}

static int parse_sum(Parser *p);
static int parse_unary(Parser *p);

/* Parses the arguments of a call after its '(' up to the ')', storing where the
 * first two start in arg; returns how many, or -1. */
static int parse_args(Parser *p, const ExprFn *fn, const ExprToken *open, int arg[2])
{
    int nargs = 0;
    if (is_op(peek(p), ')')) return 0;
    for (;;) {
        int a = parse_sum(p);
        if (a < 0) return -1;
        if (nargs < 2) arg[nargs] = a;
        nargs++;
        if (is_op(peek(p), ')')) return nargs;
        if (!is_op(peek(p), ',')) break;
        p->pos++;
    }
    if (nargs < fn->arity)
        return fail_here(p, "expected ',' (%s takes %d arguments)", fn->name, fn->arity);
    return fail_here(p, "expected ')' to close the '(' at column %d", open->col);
}

/* name '(' sum {',' sum} ')', for function f of expr_fns */
static int parse_call(Parser *p, int f)
{
    const ExprFn *fn = &expr_fns[f];
    const ExprToken *name = peek(p), *open = name + 1;
    int start = p->n, arg[2] = {0, 0};
    p->pos++;
    if (!is_op(open, '(')) return fail_here(p, "expected '(' after %s", fn->name);
    if (enter(p, open->col) < 0) return -1;
    p->pos++;
    int nargs = parse_args(p, fn, open, arg);
    if (nargs < 0) return -1;
    p->pos++; /* the ')' */
    p->nest--;
    if (nargs != fn->arity)
        return fail(p, name->col, "%s takes %d argument%s, got %d", fn->name, fn->arity,
                    fn->arity == 1 ? "" : "s", nargs);
    ExprInstr in = {fn->op, (unsigned char)f, 0};
    if (fn->arity == 1)
        emit_unary(p, in, arg[0]);
    else
        emit_binary(p, in, arg[0], arg[1]);
    return start;
}

/* Fails with the catalogue of names for the unknown name token t. */
static int fail_name(Parser *p, const ExprToken *t)
{
    char list[256] = "";
    for (int i = 0; i < expr_nfns; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), " %s",
                 expr_fns[i].name);
    return fail(p, t->col,
                "unknown name '%.*s'%s; functions are%s; variables x y (or w b, w1 w2); "
                "constants pi e",
                t->len <= 32 ? t->len : 32, p->text + t->at, t->len <= 32 ? "" : "...",
                list);
}

/* Returns 1 when the len bytes at s spell name. */
static int spells(const char *s, int len, const char *name)
{
    return (int)strlen(name) == len && strncmp(s, name, (size_t)len) == 0;
}

/* Returns the index in expr_fns of the function called name (len bytes), or -1. */
static int find_fn(const char *name, int len)
{
    for (int i = 0; i < expr_nfns; i++)
        if (spells(name, len, expr_fns[i].name)) return i;
    return -1;
}

/* a variable, a constant or a function call */
static int parse_name(Parser *p)
{
    const ExprToken *t = peek(p);
    const char *s = p->text + t->at;
    int start = p->n, f = find_fn(s, t->len);
    for (int i = 0; i < COUNT(names); i++)
        if (spells(s, t->len, names[i].name)) {
            p->pos++;
            emit(p, (ExprInstr){names[i].op, 0, names[i].c});
            return start;
        }
    return f >= 0 ? parse_call(p, f) : fail_name(p, t);
}

/* number | name | '(' sum ')' */
static int parse_primary(Parser *p)
{
    const ExprToken *t = peek(p);
    int start = p->n;
    if (t->kind == EXPR_TOK_NUM) {
        p->pos++;
        emit(p, (ExprInstr){EXPR_OP_CONST, 0, t->num});
        return start;
    }
    if (t->kind == EXPR_TOK_NAME) return parse_name(p);
    if (!is_op(t, '('))
        return fail_here(p, "expected an operand (a number, x, y, a function or '(')");
    if (enter(p, t->col) < 0) return -1;
    p->pos++;
    if (parse_sum(p) < 0) return -1;
    if (!is_op(peek(p), ')'))
        return fail_here(p, "expected ')' to close the '(' at column %d", t->col);
    p->pos++;
    p->nest--;
    return start;
}

/* primary ['^' unary]: right-associative, a signed exponent allowed (2^-1) */
static int parse_power(Parser *p)
{
    int base = parse_primary(p);
    if (base < 0 || !is_op(peek(p), '^')) return base;
    if (enter(p, peek(p)->col) < 0) return -1;
    p->pos++;
    int ex = parse_unary(p);
    if (ex < 0) return -1;
    p->nest--;
    emit_binary(p, (ExprInstr){EXPR_OP_POW, (unsigned char)find_fn("pow", 3), 0}, base,
                ex);
    return base;
}

/* {'-' | '+'} power: -x^2 is -(x^2); signs are counted, not recursed into */
static int parse_unary(Parser *p)
{
    int neg = 0;
    for (; is_op(peek(p), '-') || is_op(peek(p), '+'); p->pos++)
        neg ^= peek(p)->ch == '-';
    int a = parse_power(p);
    if (a >= 0 && neg) emit_unary(p, (ExprInstr){EXPR_OP_NEG, 0, 0}, a);
    return a;
}

/* unary {('*' | '/') unary}, left-associative */
static int parse_product(Parser *p)
{
    int a = parse_unary(p);
    while (a >= 0 && (is_op(peek(p), '*') || is_op(peek(p), '/'))) {
        unsigned char op = peek(p)->ch == '*' ? EXPR_OP_MUL : EXPR_OP_DIV;
        p->pos++;
        int b = parse_unary(p);
        if (b < 0) return -1;
        emit_binary(p, (ExprInstr){op, 0, 0}, a, b);
    }
    return a;
}

/* product {('+' | '-') product}, left-associative */
static int parse_sum(Parser *p)
{
    int a = parse_product(p);
    while (a >= 0 && (is_op(peek(p), '+') || is_op(peek(p), '-'))) {
        unsigned char op = peek(p)->ch == '+' ? EXPR_OP_ADD : EXPR_OP_SUB;
        p->pos++;
        int b = parse_product(p);
        if (b < 0) return -1;
        emit_binary(p, (ExprInstr){op, 0, 0}, a, b);
    }
    return a;
}

/* the whole text: one sum and nothing after it; returns 0 or -1 */
static int parse_all(Parser *p)
{
    if (peek(p)->kind == EXPR_TOK_END) return fail(p, 1, "expected an expression");
    if (parse_sum(p) < 0) return -1;
    const ExprToken *t = peek(p);
    if (t->kind == EXPR_TOK_END) return 0;
    if (is_op(t, ')')) return fail(p, t->col, "unexpected ')'");
    return fail_here(p, "unexpected text after the end of the expression");
}

/* ---- the compiler ----------------------------------------------------------- */

/* Returns the deepest stack the tape reaches. */
static int tape_depth(const ExprInstr *code, int n)
{
    int k = 0, most = 0;
    for (int i = 0; i < n; i++) {
        k += 1 - expr_operands(code[i].op);
        most = k > most ? k : most;
    }
    assert(k == 1);
    return most;
}

/* Reports an error that names no column. */
static Expr *fail_whole(char *err, int n, int *col, const char *msg)
{
    if (err && n > 0) snprintf(err, (size_t)n, "%s", msg);
    if (col) *col = 0;
    return NULL;
}

Expr *expr_compile(const char *text, char *err, int n, int *col)
{
    if (err && n > 0) err[0] = '\0';
    if (col) *col = 0;
    if (!text) text = "";
    int chars = expr_count_chars(text, EXPR_MAX_CHARS);
    if (chars > EXPR_MAX_CHARS)
        return fail_whole(err, n, col, "expression longer than 4096 characters");
    size_t len = strlen(text), cap = (size_t)chars + 1; /* a token per character, + end */
    Expr *e = malloc(sizeof *e + cap * sizeof(ExprInstr) + len + 1);
    ExprToken *tok = malloc(cap * sizeof *tok);
    if (!e || !tok) {
        free(e);
        free(tok);
        return fail_whole(err, n, col, "out of memory");
    }
    char *copy = (char *)(e->code + cap);
    memcpy(copy, text, len + 1);
    expr_lex(copy, tok);
    Parser p = {.text = copy, .t = tok, .code = e->code, .err = err, .errn = n};
    int ok = parse_all(&p) == 0;
    free(tok);
    if (!ok) {
        if (col) *col = p.col;
        free(e);
        return NULL;
    }
    e->text = copy;
    e->depth = tape_depth(e->code, p.n);
    e->n = p.n;
    return e;
}

void expr_free(Expr *e)
{
    free(e);
}

const char *expr_text(const Expr *e)
{
    return e->text;
}
