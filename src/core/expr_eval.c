/* Evaluating a compiled expression (expr_parse.c builds the tape, expr_fn.c holds
 * the functions): one point with its gradient by forward-mode dual numbers (value,
 * d/dx, d/dy); expr_row.c evaluates whole rows. Read expr_impl.h first. */
#include "expr_impl.h"

#include <math.h>
#include <stdlib.h>

#define PT_DEPTH 64 /* stack depth kept on the C stack by expr_eval */

/* ---- values ----------------------------------------------------------------- */

static const unsigned char operands[] = {
    [EXPR_OP_CONST] = 0, [EXPR_OP_X] = 0,    [EXPR_OP_Y] = 0,     [EXPR_OP_NEG] = 1,
    [EXPR_OP_ADD] = 2,   [EXPR_OP_SUB] = 2,  [EXPR_OP_MUL] = 2,   [EXPR_OP_DIV] = 2,
    [EXPR_OP_POW] = 2,   [EXPR_OP_ADDC] = 1, [EXPR_OP_SUBC] = 1,  [EXPR_OP_RSUBC] = 1,
    [EXPR_OP_MULC] = 1,  [EXPR_OP_DIVC] = 1, [EXPR_OP_RDIVC] = 1, [EXPR_OP_SQR] = 1,
    [EXPR_OP_POWC] = 1,  [EXPR_OP_FN1] = 1,  [EXPR_OP_FN2] = 2,
};

int expr_operands(int op)
{
    return operands[op];
}

/* The constant forms of the binary ops, right and left (expr_constant_form). */
static const unsigned char constant_form[EXPR_OP_FN2 + 1][2] = {
    [EXPR_OP_ADD] = {EXPR_OP_ADDC, EXPR_OP_ADDC},
    [EXPR_OP_SUB] = {EXPR_OP_SUBC, EXPR_OP_RSUBC},
    [EXPR_OP_MUL] = {EXPR_OP_MULC, EXPR_OP_MULC},
    [EXPR_OP_DIV] = {EXPR_OP_DIVC, EXPR_OP_RDIVC},
    [EXPR_OP_POW] = {EXPR_OP_POWC, 0},
};

int expr_constant_form(int op, int left)
{
    return op >= 0 && op <= EXPR_OP_FN2 ? constant_form[op][left != 0] : 0;
}

double expr_apply(const ExprInstr *in, double a, double b)
{
    switch ((ExprOp)in->op) {
    case EXPR_OP_CONST:
        return in->c;
    case EXPR_OP_X:
    case EXPR_OP_Y:
        break; /* pushed by the caller */
    case EXPR_OP_NEG:
        return -a;
    case EXPR_OP_ADD:
        return a + b;
    case EXPR_OP_SUB:
        return a - b;
    case EXPR_OP_MUL:
        return a * b;
    case EXPR_OP_DIV:
        return a / b;
    case EXPR_OP_POW:
        return pow(a, b);
    case EXPR_OP_ADDC:
        return a + in->c;
    case EXPR_OP_SUBC:
        return a - in->c;
    case EXPR_OP_RSUBC:
        return in->c - a;
    case EXPR_OP_MULC:
        return a * in->c;
    case EXPR_OP_DIVC:
        return a / in->c;
    case EXPR_OP_RDIVC:
        return in->c / a;
    case EXPR_OP_SQR:
        return a * a;
    case EXPR_OP_POWC:
        return pow(a, in->c);
    case EXPR_OP_FN1:
        return expr_fns[in->fn].f1(a);
    case EXPR_OP_FN2:
        return expr_fns[in->fn].f2(a, b);
    }
    return NAN;
}

/* Runs the tape at one point on the stack s (e->depth values). */
static double run(const Expr *e, double x, double y, double *s)
{
    int k = -1;
    s[0] = NAN; /* an empty tape: cannot happen, but the compiler cannot know */
    for (int i = 0; i < e->n; i++) {
        const ExprInstr *in = &e->code[i];
        switch (operands[in->op]) {
        case 0:
            k++;
            s[k] = in->op == EXPR_OP_X ? x : in->op == EXPR_OP_Y ? y : in->c;
            break;
        case 1:
            s[k] = expr_apply(in, s[k], 0);
            break;
        default:
            k--;
            s[k] = expr_apply(in, s[k], s[k + 1]);
        }
    }
    return s[0];
}

/* ---- gradients: forward mode ------------------------------------------------ */

typedef struct {
    double v, x, y; /* value, d/dx, d/dy */
} Dual;

/* d * g, where a zero g (no dependence) stays 0 even if d is inf or NaN, so that
 * sqrt(y) at y = 0 does not poison d/dx: the structural zeros of reverse mode */
static double chain(double d, double g)
{
    return g == 0 ? 0 : d * g;
}
static double quot(double g, double d)
{
    return g == 0 ? 0 : g / d;
}

/* value v whose gradient is d times a's */
static Dual scale(Dual a, double v, double d)
{
    return (Dual){v, chain(d, a.x), chain(d, a.y)};
}

static Dual dual_unary(const ExprInstr *in, Dual a)
{
    double v = expr_apply(in, a.v, 0), c = in->c;
    switch ((ExprOp)in->op) {
    case EXPR_OP_NEG:
    case EXPR_OP_RSUBC:
        return (Dual){v, -a.x, -a.y};
    case EXPR_OP_MULC:
        return scale(a, v, c);
    case EXPR_OP_DIVC:
        return (Dual){v, quot(a.x, c), quot(a.y, c)};
    case EXPR_OP_RDIVC:
        return scale(a, v, -v / a.v);
    case EXPR_OP_SQR:
        return scale(a, v, 2 * a.v);
    case EXPR_OP_POWC:
        return scale(a, v, c == 0 ? 0 : c * pow(a.v, c - 1));
    case EXPR_OP_FN1:
        return scale(a, v, expr_fns[in->fn].d1(a.v, v));
    default:
        return (Dual){v, a.x, a.y}; /* ADDC, SUBC */
    }
}

static Dual dual_binary(const ExprInstr *in, Dual a, Dual b)
{
    double v = expr_apply(in, a.v, b.v), da = 1, db = 1;
    switch ((ExprOp)in->op) {
    case EXPR_OP_ADD:
        break;
    case EXPR_OP_SUB:
        db = -1;
        break;
    case EXPR_OP_MUL:
        da = b.v, db = a.v;
        break;
    case EXPR_OP_DIV:
        return (Dual){v, quot(a.x, b.v) - chain(v / b.v, b.x),
                      quot(a.y, b.v) - chain(v / b.v, b.y)};
    default:
        expr_fns[in->fn].d2(a.v, b.v, v, &da, &db); /* POW and FN2 */
    }
    return (Dual){v, chain(da, a.x) + chain(db, b.x), chain(da, a.y) + chain(db, b.y)};
}

/* Runs the tape at (x, y) on the stack s (e->depth values); returns the value and
 * stores the gradient in *g. */
static double run_dual(const Expr *e, double x, double y, Dual *s, Vec2 *g)
{
    int k = -1;
    s[0] = (Dual){NAN, NAN, NAN}; /* as in run */
    for (int i = 0; i < e->n; i++) {
        const ExprInstr *in = &e->code[i];
        switch (operands[in->op]) {
        case 0:
            k++;
            s[k] = in->op == EXPR_OP_X   ? (Dual){x, 1, 0}
                   : in->op == EXPR_OP_Y ? (Dual){y, 0, 1}
                                         : (Dual){in->c, 0, 0};
            break;
        case 1:
            s[k] = dual_unary(in, s[k]);
            break;
        default:
            k--;
            s[k] = dual_binary(in, s[k], s[k + 1]);
        }
    }
    *g = (Vec2){s[0].x, s[0].y};
    return s[0].v;
}

double expr_eval(const Expr *e, double x, double y, Vec2 *g)
{
    double v = NAN;
    if (!g) {
        double small[PT_DEPTH],
            *s = e->depth <= PT_DEPTH ? small : malloc(sizeof *s * e->depth);
        if (s) v = run(e, x, y, s);
        if (s != small) free(s);
        return v;
    }
    Dual small[PT_DEPTH],
        *s = e->depth <= PT_DEPTH ? small : malloc(sizeof *s * e->depth);
    *g = (Vec2){NAN, NAN};
    if (s) v = run_dual(e, x, y, s, g);
    if (s != small) free(s);
    return v;
}

/* ---- the Surface ------------------------------------------------------------ */

static double as_fn(const void *ctx, double x, double y, Vec2 *g)
{
    return expr_eval(ctx, x, y, g);
}

static void as_row(const void *ctx, double y, double x0, double dx, int n, double *out)
{
    expr_row(ctx, y, x0, dx, n, out);
}

Surface expr_surface(const Expr *e)
{
    return (Surface){.name = "expr",
                     .kind = "expression",
                     .formula = e->text,
                     .view = {-5, 5, -5, 5},
                     .xlabel = "x",
                     .ylabel = "y",
                     .fn = as_fn,
                     .ctx = e,
                     .row = as_row};
}
