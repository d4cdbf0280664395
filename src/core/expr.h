/* Typed expressions (DESIGN section 4): a formula of x and y compiled once to a
 * compact instruction tape, evaluated with its exact gradient (forward-mode
 * automatic differentiation) or a whole grid row at a time, and wrapped as a Surface. */
#ifndef LOSSCAPE_EXPR_H
#define LOSSCAPE_EXPR_H

#include "geom.h"
#include "surface.h"

#define EXPR_MAX_CHARS   4096 /* longest accepted text, in characters (code points) */
#define EXPR_MAX_NESTING 256  /* deepest nesting of (), calls and ^ exponents */

typedef struct Expr Expr; /* opaque; immutable after compile, so shareable by threads */

/* Compiles `text` (UTF-8) in the language of DESIGN section 4; a pasted U+2212 minus
 * reads as '-', U+00B7 and U+00D7 as '*', U+00A0 as a space. Returns a new Expr owning a
 * copy of the text (free with expr_free), or NULL with err (a buffer of n bytes, may be
 * NULL) set to one line such as "column 5: expected an operand (a number, x, y, a
 * function or '(')" and *col (when col is not NULL) set to that 1-based column, counted
 * in characters; *col is 0 when the message names no column ("expression longer than 4096
 * characters", "out of memory"). On success err is "" and *col is 0. */
Expr *expr_compile(const char *text, char *err, int n, int *col);

/* Frees e. NULL is a no-op. */
void expr_free(Expr *e);

/* Returns the text e was compiled from (owned by e). */
const char *expr_text(const Expr *e);

/* Returns e at (x, y) and, when g is not NULL, stores there the exact gradient
 * (forward-mode automatic differentiation; PyTorch's conventions at kinks: abs'(0) =
 * relu'(0) = 0, min and max pass the gradient to their first argument on ties).
 * Non-finite values (log of a negative, 0/0) are returned as NaN or inf.
 * Thread-safe. */
double expr_eval(const Expr *e, double x, double y, Vec2 *g);

/* Fills out[0..n-1] with f(x0 + i*dx, y), values bit-identical to expr_eval, in
 * blocks of the row (several times faster than n calls of expr_eval). Thread-safe:
 * its scratch lives on the caller's stack (or the heap for very deep expressions). */
void expr_row(const Expr *e, double y, double x0, double dx, int n, double *out);

/* Returns a Surface over e: name "expr", kind "expression", formula the text, view
 * [-5,5]², labels x and y, no known minima, fn and row evaluating e with ctx = e.
 * Valid while e lives. */
Surface expr_surface(const Expr *e);

#endif
