/* Private to the expr_*.c files: the tokens, the instruction tape, the compiled Expr
 * and the function table shared by the compiler (names, arity, constant folding) and
 * the evaluator (values and derivatives). Not for other modules. */
#ifndef LOSSCAPE_EXPR_IMPL_H
#define LOSSCAPE_EXPR_IMPL_H

#include "expr.h"

/* Postfix instructions over a stack of values. The *C forms carry a constant
 * operand in `c` (fused by the compiler from a constant left or right operand). */
typedef enum {
    EXPR_OP_CONST, /* push c */
    EXPR_OP_X,     /* push x */
    EXPR_OP_Y,     /* push y */
    EXPR_OP_NEG,   /* -a */
    EXPR_OP_ADD,   /* a + b (b on top) */
    EXPR_OP_SUB,   /* a - b */
    EXPR_OP_MUL,   /* a * b */
    EXPR_OP_DIV,   /* a / b */
    EXPR_OP_POW,   /* pow(a, b), also a ^ b; fn is pow's row (its derivative) */
    EXPR_OP_ADDC,  /* a + c */
    EXPR_OP_SUBC,  /* a - c */
    EXPR_OP_RSUBC, /* c - a */
    EXPR_OP_MULC,  /* a * c */
    EXPR_OP_DIVC,  /* a / c */
    EXPR_OP_RDIVC, /* c / a */
    EXPR_OP_SQR,   /* a * a, from a ^ 2 */
    EXPR_OP_POWC,  /* pow(a, c): a constant exponent */
    EXPR_OP_FN1,   /* expr_fns[fn].f1(a) */
    EXPR_OP_FN2,   /* expr_fns[fn].f2(a, b) */
} ExprOp;

typedef struct {
    unsigned char op; /* ExprOp */
    unsigned char fn; /* EXPR_OP_FN1, EXPR_OP_FN2, EXPR_OP_POW: row of expr_fns */
    double c;         /* EXPR_OP_CONST and the *C forms: the constant */
} ExprInstr;

struct Expr {
    const char *text; /* the source, stored after code[] in the same allocation */
    int depth;        /* the largest stack depth the tape reaches */
    int n;            /* instructions */
    ExprInstr code[]; /* the tape, postfix */
};

typedef enum {
    EXPR_TOK_END,  /* the end of the text */
    EXPR_TOK_NUM,  /* a number */
    EXPR_TOK_NAME, /* letters, digits and '_', starting with a letter or '_' */
    EXPR_TOK_OP,   /* an operator, a parenthesis or a comma */
    EXPR_TOK_BAD,  /* a character no token starts with */
} ExprTokKind;

typedef struct {
    ExprTokKind kind;
    char ch;     /* TOK_OP: one of + - * / ^ ( ) , */
    int col;     /* 1-based column, in characters */
    int at, len; /* its bytes in the text */
    double num;  /* TOK_NUM: the value */
} ExprToken;

/* One built-in function: its name, arity, value and derivative. */
typedef struct {
    const char *name;
    int arity;                        /* 1 or 2 */
    unsigned char op;                 /* EXPR_OP_FN1, EXPR_OP_FN2 or EXPR_OP_POW */
    double (*f1)(double a);           /* arity 1: the value */
    double (*d1)(double a, double v); /* arity 1: f'(a), given v = f(a) */
    double (*f2)(double a, double b); /* arity 2: the value */
    void (*d2)(double a, double b, double v, double *da, double *db); /* partials */
} ExprFn;

/* The function table, in the order the unknown-name message lists it. */
extern const ExprFn expr_fns[];
extern const int expr_nfns;

/* Splits s (mutable: a number is cut out in place for strtod, then restored) into
 * tokens t, which has room for one per character plus the end; returns how many,
 * the last EXPR_TOK_END. */
int expr_lex(char *s, ExprToken *t);

/* Returns the byte length of the valid UTF-8 character at s, or 0 when none starts
 * there (a stray byte). */
int expr_utf8_len(const char *s);

/* Returns the number of characters in s, counting stray bytes as one each, and
 * stopping early once past `limit`. */
int expr_count_chars(const char *s, int limit);

/* Returns how many stack values op consumes: 0 (it pushes one), 1 or 2 (the
 * result replaces them). */
int expr_operands(int op);

/* Returns the one-operand form of binary op `op` when its right operand (left
 * nonzero: its left) is a constant c, computing the same value bit for bit (+ and
 * * commute exactly): EXPR_OP_ADDC for ADD, RSUBC for SUB with c on the left...;
 * 0 when there is none (c ^ a, the functions). */
int expr_constant_form(int op, int left);

/* Returns the value of one instruction applied to operands a (and b): the single
 * definition of every operation's value, shared by folding and evaluation. */
double expr_apply(const ExprInstr *in, double a, double b);

#endif
