/* Evaluating a compiled expression along a row (expr_eval.c does one point): up to
 * BLK points at a time, each instruction one tight loop over the block. A stack slot
 * is a block of values, x itself (the block's xs, never copied) or one value uniform
 * along the row (constants, y and what depends on them only), so pushes cost nothing,
 * uniform work is done once, and a binary op with a uniform operand runs as its
 * constant form. Values are bit-identical to expr_eval's. Read expr_impl.h first. */
#include "expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wide.h"

#define BLK       256 /* points per block: a few blocks stay in L1 (2 KiB each) */
#define ROW_DEPTH 12  /* blocks kept on the C stack by expr_row (24 KiB) */

/* One stack slot during a block. */
typedef struct {
    const double *v; /* the block's values (its own buffer or xs); NULL: uniform */
    double u;        /* the value along the whole row when v is NULL */
} Slot;

/* ---- kernels: out[i] = op(a[i], b[i]) over n points ------------------------- */

/* One instruction over n points; o may be a (in place), never b. */
typedef void (*Kernel)(const ExprInstr *in, double *o, const double *a, const double *b,
                       int n);

/* Defines a kernel (also built for AVX2: wide.h); `omp simd` promises no dependence between points (o == a is
 * fine: each point reads its operands before its result is stored). */
#define KERNEL(name, expr)                                                               \
    WIDE static void name(const ExprInstr *in, double *o, const double *a,               \
                          const double *b, int n)                                        \
    {                                                                                    \
        double c = in->c;                                                                \
        (void)b, (void)c;                                                                \
        _Pragma("omp simd") for (int i = 0; i < n; i++) o[i] = (expr);                   \
    }

/* clang-format off */
KERNEL(k_neg, -a[i])
KERNEL(k_add, a[i] + b[i])
KERNEL(k_sub, a[i] - b[i])
KERNEL(k_mul, a[i] * b[i])
KERNEL(k_div, a[i] / b[i])
KERNEL(k_addc, a[i] + c)
KERNEL(k_subc, a[i] - c)
KERNEL(k_rsubc, c - a[i])
KERNEL(k_mulc, a[i] * c)
KERNEL(k_divc, a[i] / c)
KERNEL(k_rdivc, c / a[i])
KERNEL(k_sqr, a[i] * a[i])
/* clang-format on */

/* Calls to libm or expr_fns: not vectorised, so the scalar results are kept. */
static void k_powc(const ExprInstr *in, double *o, const double *a, const double *b,
                   int n)
{
    (void)b;
    for (int i = 0; i < n; i++)
        o[i] = pow(a[i], in->c);
}

static void k_fn1(const ExprInstr *in, double *o, const double *a, const double *b, int n)
{
    double (*f)(double) = expr_fns[in->fn].f1;
    (void)b;
    for (int i = 0; i < n; i++)
        o[i] = f(a[i]);
}

static void k_fn2(const ExprInstr *in, double *o, const double *a, const double *b, int n)
{
    double (*f)(double, double) = expr_fns[in->fn].f2;
    for (int i = 0; i < n; i++)
        o[i] = f(a[i], b[i]);
}

static const Kernel kernels[] = {
    [EXPR_OP_NEG] = k_neg,   [EXPR_OP_ADD] = k_add,   [EXPR_OP_SUB] = k_sub,
    [EXPR_OP_MUL] = k_mul,   [EXPR_OP_DIV] = k_div,   [EXPR_OP_POW] = k_fn2,
    [EXPR_OP_ADDC] = k_addc, [EXPR_OP_SUBC] = k_subc, [EXPR_OP_RSUBC] = k_rsubc,
    [EXPR_OP_MULC] = k_mulc, [EXPR_OP_DIVC] = k_divc, [EXPR_OP_RDIVC] = k_rdivc,
    [EXPR_OP_SQR] = k_sqr,   [EXPR_OP_POWC] = k_powc, [EXPR_OP_FN1] = k_fn1,
    [EXPR_OP_FN2] = k_fn2,
};

/* ---- one block ---------------------------------------------------------------- */

/* Returns the values of slot s over n points, filling buf when s is uniform. */
static const double *values(const Slot *s, double *buf, int n)
{
    if (s->v) return s->v;
#pragma omp simd
    for (int i = 0; i < n; i++)
        buf[i] = s->u;
    return buf;
}

/* Applies the binary instruction `in` to slots a and b (a's buffer abuf, b's bbuf),
 * storing a block result in o; a is the result. */
static void binary(const ExprInstr *in, Slot *a, const Slot *b, double *o, double *abuf,
                   double *bbuf, int n)
{
    if (!a->v && !b->v) {
        a->u = expr_apply(in, a->u, b->u);
        return;
    }
    ExprInstr f = *in;
    /* a uniform operand: the op's constant form (expr_constant_form) */
    if (!b->v && (f.op = expr_constant_form(in->op, 0))) {
        f.c = b->u;
        kernels[f.op](&f, o, a->v, NULL, n);
    } else if (!a->v && (f.op = expr_constant_form(in->op, 1))) {
        f.c = a->u;
        kernels[f.op](&f, o, b->v, NULL, n);
    } else {
        kernels[in->op](in, o, values(a, abuf, n), values(b, bbuf, n), n);
    }
    a->v = o;
}

/* Runs the tape over the n points xs, using the blocks buf (one per stack slot) and
 * storing the last instruction's block result straight into out; returns the result
 * slot (its values may be out, xs or uniform). */
static Slot run_block(const Expr *e, const double *xs, double y, double (*buf)[BLK],
                      Slot *s, double *out, int n)
{
    int k = -1;
    for (int i = 0; i < e->n; i++) {
        const ExprInstr *in = &e->code[i];
        int m = expr_operands(in->op);
        double *o = i == e->n - 1 ? out : buf[k - m + 1];
        if (m == 0) {
            k++;
            s[k] = in->op == EXPR_OP_X   ? (Slot){xs, 0}
                   : in->op == EXPR_OP_Y ? (Slot){NULL, y}
                                         : (Slot){NULL, in->c};
        } else if (m == 1 && !s[k].v) {
            s[k].u = expr_apply(in, s[k].u, 0);
        } else if (m == 1) {
            kernels[in->op](in, o, s[k].v, NULL, n);
            s[k].v = o;
        } else {
            k--;
            binary(in, &s[k], &s[k + 1], o, buf[k], buf[k + 1], n);
        }
    }
    return s[0];
}

void expr_row(const Expr *e, double y, double x0, double dx, int n, double *out)
{
    double small[ROW_DEPTH][BLK], xs[BLK];
    Slot small_slots[ROW_DEPTH], *s = small_slots;
    double(*buf)[BLK] = small;
    if (e->depth > ROW_DEPTH && (!(buf = malloc(sizeof *buf * e->depth)) ||
                                 !(s = malloc(sizeof *s * e->depth)))) {
        /* out of memory: the slow path needs none */
        free(buf);
        for (int i = 0; i < n; i++)
            out[i] = expr_eval(e, x0 + i * dx, y, NULL);
        return;
    }
    for (int i0 = 0; i0 < n; i0 += BLK) {
        int m = n - i0 < BLK ? n - i0 : BLK;
        /* omp simd: -O2 vectorises a loop of unknown length only when told to */
#pragma omp simd
        for (int i = 0; i < m; i++)
            xs[i] = x0 + (i0 + i) * dx;
        Slot r = run_block(e, xs, y, buf, s, out + i0, m);
        if (!r.v)
            values(&r, out + i0, m);
        else if (r.v != out + i0)
            memcpy(out + i0, r.v, (size_t)m * sizeof *out);
    }
    if (buf != small) {
        free(buf);
        free(s);
    }
}
