/* Private to the opts*.c files: the value parsers the option table in opts.c names.
 * Each reads value v into o (field points at the option's own field in Options when
 * the table gives an offset, else it is unused) and returns 0, or returns -1 with
 * what was expected in err (size n); opts_parse adds the option's name. Not for
 * other modules. */
#ifndef LOSSCAPE_OPTS_IMPL_H
#define LOSSCAPE_OPTS_IMPL_H

#include "opts.h"

/* ---- opts_value.c ---- */

/* Reads a finite double filling all of s; returns 0 or -1. */
int opts_value_number(const char *s, double *out);

/* Reads k numbers separated by commas; returns 0 or -1. */
int opts_value_numbers(const char *s, double *out, int k);

/* --surface NAME: a name from the catalogue. */
int opts_value_surface(Options *o, void *field, const char *v, char *err, int n);

/* --expr TEXT: compiled at once (o->expr, owned by o), titled "f(x, y) = TEXT". */
int opts_value_expr(Options *o, void *field, const char *v, char *err, int n);

/* --view X0,X1,Y0,Y1: a valid parameter rectangle. */
int opts_value_view(Options *o, void *field, const char *v, char *err, int n);

/* --start X,Y and --at X,Y: appends a point, at most CFG_MAX_STARTS. */
int opts_value_start(Options *o, void *field, const char *v, char *err, int n);

/* --random-starts K: 1..CFG_MAX_STARTS. */
int opts_value_random(Options *o, void *field, const char *v, char *err, int n);

/* --init-scale, --lr-min, --lr-max: a finite number > 0 into *(double *)field. */
int opts_value_positive(Options *o, void *field, const char *v, char *err, int n);

/* --steps N: 0..CFG_MAX_STEPS. */
int opts_value_steps(Options *o, void *field, const char *v, char *err, int n);

/* --count K: 2..10000 learning rates. */
int opts_value_count(Options *o, void *field, const char *v, char *err, int n);

/* --grid G: 1..BASINS_MAX_GRID starts a side. */
int opts_value_grid(Options *o, void *field, const char *v, char *err, int n);

/* --size WxH: 64..CFG_MAX_SIDE pixels a side. */
int opts_value_size(Options *o, void *field, const char *v, char *err, int n);

/* --mode heat|contour|both. */
int opts_value_mode(Options *o, void *field, const char *v, char *err, int n);

/* --colormap NAME: a colour map's name. */
int opts_value_colormap(Options *o, void *field, const char *v, char *err, int n);

/* --levels N: 1..PLOT_MAX_LEVELS contour levels. */
int opts_value_levels(Options *o, void *field, const char *v, char *err, int n);

/* --lang en|zh. */
int opts_value_lang(Options *o, void *field, const char *v, char *err, int n);

/* --theme light|contrast. */
int opts_value_theme(Options *o, void *field, const char *v, char *err, int n);

/* --out, --frames, --csv, --save-to: the path as given (argv's, not copied). */
int opts_value_out(Options *o, void *field, const char *v, char *err, int n);
int opts_value_frames(Options *o, void *field, const char *v, char *err, int n);
int opts_value_csv(Options *o, void *field, const char *v, char *err, int n);
int opts_value_save_to(Options *o, void *field, const char *v, char *err, int n);

/* --scene FILE: kept for the window; for other commands its keys are read into o
 * at once, so options after it override them. */
int opts_value_scene(Options *o, void *field, const char *v, char *err, int n);

/* ---- opts_optim.c ---- */

/* --optimizer NAME[,NAME...]: one optimiser, or at most OPTS_MAX_OPTIM to race. */
int opts_optim_optimizer(Options *o, void *field, const char *v, char *err, int n);

/* --lr ETA: a finite number > 0. */
int opts_optim_lr(Options *o, void *field, const char *v, char *err, int n);

/* --momentum, --alpha, --beta1, --beta2: a number in [0, 1) into *(double *)field. */
int opts_optim_fraction(Options *o, void *field, const char *v, char *err, int n);

/* --eps EPS: a finite number > 0. */
int opts_optim_eps(Options *o, void *field, const char *v, char *err, int n);

/* --decay D: a number in (0, 1]. */
int opts_optim_decay(Options *o, void *field, const char *v, char *err, int n);

/* --schedule constant|step|exp|cosine. */
int opts_optim_schedule(Options *o, void *field, const char *v, char *err, int n);

/* --grad analytic|forward|central. */
int opts_optim_grad(Options *o, void *field, const char *v, char *err, int n);

/* --h H: a finite-difference step in (0, 1]. */
int opts_optim_h(Options *o, void *field, const char *v, char *err, int n);

/* --batch B: 1..1000000 samples (checked against the surface by opts_parse). */
int opts_optim_batch(Options *o, void *field, const char *v, char *err, int n);

/* --seed S: a whole number >= 0. */
int opts_optim_seed(Options *o, void *field, const char *v, char *err, int n);

#endif
