/* The step-by-step view. The numbers come from core (traj_explain replays the run
 * and optim_step reports what the step did); this file only writes them out, one
 * formatter per optimiser in a table, and draws the arrows. */
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/strings.h"
#include "app/theme.h"

typedef struct {
    char (*line)[160];
    int n;
    const char *name[2];    /* the parameters' names, x and y or w and b */
    double th[2], g[2];     /* the point and the gradient */
    const OptimDetail *d;   /* what the step did */
    const OptimState *pre;  /* the state before it */
    const OptimConfig *cfg;
    int lang;               /* LANG_EN or LANG_ZH: the words around the formulas */
} Out;

static void add(Out *o, const char *fmt, ...)
{
    if (o->n >= EXPLAIN_LINES) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->line[o->n++], 160, fmt, ap);
    va_end(ap);
}

static double comp(Vec2 v, int i) { return i ? v.y : v.x; }

static void gd(Out *o)
{
    for (int i = 0; i < 2; i++)
        add(o, "%s ← %s − η·∂C/∂%s = %.4g − %.4g × %.4g = %.4g", o->name[i], o->name[i],
            o->name[i], o->th[i], o->d->lr, o->g[i], o->th[i] + comp(o->d->step, i));
}

static void momentum(Out *o)
{
    double mu = o->cfg->momentum;
    int nag = o->cfg->kind == OPTIM_NESTEROV;
    for (int i = 0; i < 2; i++) {
        const char *n = o->name[i];
        double v0 = comp(o->pre->v, i), v = comp(o->d->v, i);
        add(o, "v%s ← μ·v%s + ∂C/∂%s = %.4g × %.4g + %.4g = %.4g", n, n, n, mu, v0, o->g[i], v);
        if (nag)
            add(o, "%s ← %s − η(∂C/∂%s + μ·v%s) = %.4g − %.4g × (%.4g + %.4g × %.4g) = %.4g",
                n, n, n, n, o->th[i], o->d->lr, o->g[i], mu, v, o->th[i] + comp(o->d->step, i));
        else
            add(o, "%s ← %s − η·v%s = %.4g − %.4g × %.4g = %.4g", n, n, n, o->th[i], o->d->lr,
                v, o->th[i] + comp(o->d->step, i));
    }
}

static void scaled(Out *o)
{
    int rms = o->cfg->kind == OPTIM_RMSPROP;
    for (int i = 0; i < 2; i++) {
        const char *n = o->name[i];
        double s0 = comp(o->pre->s, i), s = comp(o->d->s, i);
        if (rms)
            add(o, "s%s ← α·s%s + (1−α)(∂C/∂%s)² = %.4g × %.4g + %.4g × %.4g² = %.4g", n, n, n,
                o->cfg->alpha, s0, 1 - o->cfg->alpha, o->g[i], s);
        else
            add(o, "s%s ← s%s + (∂C/∂%s)² = %.4g + %.4g² = %.4g", n, n, n, s0, o->g[i], s);
        add(o, "%s ← %s − η/(√s%s + ε)·∂C/∂%s = %.4g − %.4g × %.4g = %.4g", n, n, n, n,
            o->th[i], comp(o->d->lr_eff, i), o->g[i], o->th[i] + comp(o->d->step, i));
    }
    add(o, str(STR_EFF_RATES_ADA, o->lang), o->d->lr_eff.x,
        o->name[0], o->d->lr_eff.y, o->name[1]);
}

static void adam(Out *o)
{
    for (int i = 0; i < 2; i++) {
        const char *n = o->name[i];
        add(o, "m%s = %.4g, m̂%s = m%s/(1−β1^%ld) = %.4g;  v%s = %.4g, v̂%s = %.4g", n,
            comp(o->d->m, i), n, n, o->pre->t + 1, comp(o->d->mhat, i), n, comp(o->d->v, i),
            n, comp(o->d->vhat, i));
        add(o, "%s ← %s − η·m̂%s/(√v̂%s + ε) = %.4g − %.4g × %.4g / %.4g = %.4g", n, n, n, n,
            o->th[i], o->d->lr, comp(o->d->mhat, i), sqrt(comp(o->d->vhat, i)),
            o->th[i] + comp(o->d->step, i));
    }
    add(o, str(STR_EFF_RATES_ADAM, o->lang), o->d->lr_eff.x,
        o->name[0], o->d->lr_eff.y, o->name[1]);
}

static void hotcold(Out *o)
{
    static const char *dir[4] = {"+", "−", "+", "−"};
    for (int i = 0; i < 4; i++)
        add(o, str(STR_PROBE, o->lang), o->name[i / 2], dir[i], o->d->probe[i].x,
            o->d->probe[i].y, o->d->probe_f[i],
            i == o->d->chosen ? str(STR_PROBE_CHOSEN, o->lang) : "");
    if (o->d->chosen < 0) add(o, "%s", str(STR_PROBE_NONE, o->lang));
}

static void (*const formatters[OPTIM_COUNT])(Out *) = {
    [OPTIM_GD] = gd,          [OPTIM_MOMENTUM] = momentum, [OPTIM_NESTEROV] = momentum,
    [OPTIM_ADAGRAD] = scaled, [OPTIM_RMSPROP] = scaled,    [OPTIM_ADAM] = adam,
    [OPTIM_HOTCOLD] = hotcold,
};

int explain_text(const App *app, const Path *p, int k, char lines[][160])
{
    if (k < 0 || k + 1 >= p->traj.len) return 0;
    OptimConfig cfg = app_path_config(app, p);
    OptimState pre;
    OptimDetail d;
    TrajPoint at;
    if (traj_explain(app->surface, &cfg, p->start, k, &pre, &d, &at) != 0) return 0;
    /* the gradient the step used: a mini-batch's when the path uses them */
    Out o = {lines, 0, {app->surface->xlabel, app->surface->ylabel}, {at.x, at.y},
             {d.g.x, d.g.y}, &d, &pre, &cfg, app->lang};
    add(&o, str(STR_STEP_HEAD, app->lang), k, k + 1, optim_name(p->kind), d.lr,
        at.loss, cfg.batch && !p->full && cfg.batch < app->surface->nsamples
                     ? str(STR_MINIBATCH, app->lang)
                     : "");
    formatters[p->kind](&o);
    /* first order: dC ~ grad C . dtheta (= -eta |grad C|^2 for gd) */
    double pred = at.gx * d.step.x + at.gy * d.step.y;
    double actual = p->traj.pts[k + 1].loss - at.loss;
    add(&o, str(STR_PREDICTED, app->lang), pred, actual,
        pred != 0 ? actual / pred : NAN);
    return o.n;
}

/* The step explained: the one just taken, or the first when nothing is shown yet. */
static int explained_step(const Path *p) { return (int)fmax(floor(p->cursor) - 1, 0); }

#define VELOCITY ((Color){40, 110, 230, 255}) /* the velocity's arrow */

/* Returns 1 for the optimisers whose step is a gradient part plus a velocity part. */
static int momentum_kind(OptimKind k) { return k == OPTIM_MOMENTUM || k == OPTIM_NESTEROV; }

static void arrows(const App *app, Canvas *c, const Path *p, int k, double s)
{
    const Theme *pal = app->pal;
    OptimConfig cfg = app_path_config(app, p);
    OptimDetail d;
    TrajPoint at;
    if (traj_explain(app->surface, &cfg, p->start, k, NULL, &d, &at) != 0) return;
    Rect r = app->layout.plot;
    Rect old = canvas_set_clip(c, r);
    Vec2 a = view_to_px(app->view, r, (Vec2){at.x, at.y});
    Color red = {215, 40, 40, 255}, halo = {0, 0, 0, 160};
    if (p->kind == OPTIM_HOTCOLD) {
        for (int i = 0; i < 4; i++) {
            Vec2 q = view_to_px(app->view, r, d.probe[i]);
            canvas_ring(c, q.x, q.y, 6 * s, 4 * s, halo);
            canvas_ring(c, q.x, q.y, 6 * s, 2 * s, i == d.chosen ? pal->good : red);
        }
    } else {
        Vec2 g = view_to_px(app->view, r, (Vec2){at.x - d.lr * d.g.x, at.y - d.lr * d.g.y});
        canvas_arrow(c, a.x, a.y, g.x, g.y, 4.5 * s, 14 * s, halo);
        canvas_arrow(c, a.x, a.y, g.x, g.y, 2.2 * s, 14 * s, red);
        if (momentum_kind(p->kind)) { /* the rest of the step: the velocity, tip to tail */
            Vec2 e = view_to_px(app->view, r, (Vec2){at.x + d.step.x, at.y + d.step.y});
            canvas_arrow(c, g.x, g.y, e.x, e.y, 4.5 * s, 14 * s, halo);
            canvas_arrow(c, g.x, g.y, e.x, e.y, 2.2 * s, 14 * s, VELOCITY);
        }
    }
    Vec2 b = view_to_px(app->view, r, (Vec2){at.x + d.step.x, at.y + d.step.y});
    canvas_arrow(c, a.x, a.y, b.x, b.y, 5 * s, 14 * s, halo);
    canvas_arrow(c, a.x, a.y, b.x, b.y, 2.6 * s, 14 * s, plot_path_color(p->color));
    canvas_set_clip(c, old);
}

void explain_draw(const App *app, Canvas *c, Text *t)
{
    const Theme *pal = app->pal;
    if (app->playing || app->selected < 0 || app->selected >= app->npaths) return;
    const Path *p = &app->paths[app->selected];
    int k = explained_step(p);
    char lines[EXPLAIN_LINES][160];
    int n = explain_text(app, p, k, lines);
    if (!n) return;
    double s = app->dpi * app->text_scale;
    arrows(app, c, p, k, s);
    int fs = (int)lround(THEME_SMALL * s), lh = text_height(t, fs), w = 0;
    for (int i = 0; i < n; i++) w = (int)fmax(w, text_width(t, lines[i], fs, i == 0));
    /* legend rows below the text: the plain step, the velocity, the step taken */
    int keys = p->kind == OPTIM_HOTCOLD ? 1 : momentum_kind(p->kind) ? 3 : 2;
    Rect r = app->layout.plot, box = {0, 0, w + (int)(16 * s), (n + keys) * lh + (int)(16 * s)};
    /* in the plot's corner farthest from the point being explained */
    const TrajPoint *q = &p->traj.pts[k];
    Vec2 at = view_to_px(app->view, r, (Vec2){q->x, q->y});
    int right = at.x < r.x + r.w / 2.0, bottom = at.y < r.y + r.h / 2.0;
    box.x = right ? r.x + r.w - box.w - (int)(6 * s) : r.x + (int)(6 * s);
    box.y = bottom ? r.y + r.h - box.h - (int)(6 * s) : r.y + (int)(6 * s);
    Rect old = canvas_set_clip(c, app->layout.canvas);
    canvas_fill_rect(c, box, theme_alpha(pal->bg, 225));
    canvas_stroke_rect(c, box, 1, pal->line);
    int x = box.x + (int)(8 * s), y = box.y + (int)(6 * s);
    for (int i = 0; i < n; i++, y += lh)
        text_draw(t, c, x, y, lines[i], fs, i == 0, pal->ink);
    y += (int)(4 * s);
    const char *what[3] = {str(STR_PLAIN_STEP, app->lang), str(STR_VELOCITY_PUSH, app->lang),
                           str(STR_STEP_TAKEN, app->lang)};
    Color col[3] = {{215, 40, 40, 255}, VELOCITY, plot_path_color(p->color)};
    for (int i = 0; i < 3; i++) {
        if ((i == 0 && keys == 1) || (i == 1 && keys != 3)) continue;
        canvas_fill_rect(c, (Rect){x, y + lh / 2 - (int)(3 * s), (int)(18 * s), (int)(6 * s)},
                         (Color){0, 0, 0, 160});
        canvas_fill_rect(c, (Rect){x + 1, y + lh / 2 - (int)(2 * s), (int)(18 * s) - 2,
                                   (int)(4 * s)},
                         col[i]);
        text_draw(t, c, x + (int)(24 * s), y, what[i], fs, 0, pal->ink);
        y += lh;
    }
    canvas_set_clip(c, old);
}
