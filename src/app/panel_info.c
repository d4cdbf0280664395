/* The lower part of the side panel — the lesson's title and note, the list of
 * paths with their status — and the status line across the bottom: text only, in
 * the draw pass. */
#include "panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/strings.h"
#include "app/theme.h"
#include "config.h"

/* Draws one line of text clipped to the info area; returns the next y. */
static int info_line(App *app, Canvas *c, Text *t, int y, const char *s, int size,
                     int bold, Color col)
{
    Rect r = app->layout.info;
    if (y + text_height(t, size) > r.y + r.h) return y;
    Rect old = canvas_set_clip(c, r);
    text_draw(t, c, r.x, y, s, size, bold, col);
    canvas_set_clip(c, old);
    return y + text_height(t, size);
}

/* Splits s into lines that fit the info area's width and draws them. */
static int info_wrapped(App *app, Canvas *c, Text *t, int y, const char *s, int size)
{
    const Theme *pal = app->pal;
    char line[256];
    int maxw = app->layout.info.w, n = 0;
    while (*s) {
        int len = 0, fit = 0;
        unsigned char lead = 0; /* first byte of the last character copied */
        while (s[len] && len < (int)sizeof line - 1) {
            if (((unsigned char)s[len] & 0xC0) != 0x80) lead = (unsigned char)s[len];
            line[len] = s[len];
            line[++len] = 0;
            /* a line may break at a space, and before or after a CJK character */
            unsigned char next = (unsigned char)s[len];
            const unsigned char *q = (const unsigned char *)s + len;
            int punct = (q[0] == 0xE3 && q[1] == 0x80 && (q[2] == 0x81 || q[2] == 0x82)) ||
                        (q[0] == 0xEF && q[1] == 0xBC) || (q[0] == 0xE2 && q[1] == 0x80);
            /* never before "，。：）" and the like */
            int cjk = (next & 0xC0) != 0x80 && (lead >= 0xE3 || next >= 0xE3) && !punct;
            if (s[len] == ' ' || !s[len] || cjk) {
                if (text_width(t, line, size, 0) > maxw && fit) break;
                fit = len;
            }
        }
        if (!fit) fit = len;
        memcpy(line, s, fit);
        line[fit] = 0;
        y = info_line(app, c, t, y, line, size, 0, pal->ink);
        s += fit;
        while (*s == ' ') s++;
        if (++n > 12) break;
    }
    return y;
}

void panel_info_draw(App *app, Canvas *c, Text *t)
{
    const Theme *pal = app->pal;
    double s = app->dpi * app->text_scale;
    int fs = (int)lround(THEME_TEXT * s), sm = (int)lround(THEME_SMALL * s);
    int y = app->layout.info.y + (int)lround(4 * s);
    char buf[160];
    int zh = app->lang == LANG_ZH;
    const char *title = zh && app->title_zh[0] ? app->title_zh : app->title;
    const char *note = zh && app->note_zh[0] ? app->note_zh : app->note;
    if (title[0]) y = info_line(app, c, t, y, title, fs, 1, pal->ink);
    if (note[0]) y = info_wrapped(app, c, t, y, note, sm) + (int)lround(8 * s);
    snprintf(buf, sizeof buf, str(STR_PATHS, app->lang), app->npaths);
    y = info_line(app, c, t, y, buf, fs, 1, pal->ink);
    if (app->npaths == 0)
        y = info_wrapped(app, c, t, y, str(STR_CLICK_TO_START, app->lang), sm);
    for (int i = 0; i < app->npaths; i++) {
        const Path *p = &app->paths[i];
        int k = (int)floor(p->cursor);
        const TrajPoint *q = &p->traj.pts[k];
        int end = k >= p->traj.len - 1;
        const char *st = str_status(p->traj.status, end, app->lang);
        int racing = (app->race & (app->race - 1)) != 0;
        char full[48];
        snprintf(full, sizeof full, "%s%s", racing ? " " : "", str(STR_FULL_BATCH, app->lang));
        snprintf(buf, sizeof buf, str(STR_PATH_LINE, app->lang),
                 racing ? optim_name(p->kind) : "", p->full ? full : "",
                 racing || p->full ? "  " : "", k, q->loss, st);
        int lh = text_height(t, sm);
        if (y + lh > app->layout.info.y + app->layout.info.h) break;
        canvas_disc(c, app->layout.info.x + 6 * s, y + lh / 2.0, 5 * s,
                    plot_path_color(p->color));
        canvas_ring(c, app->layout.info.x + 6 * s, y + lh / 2.0, 5 * s, 1.2 * s,
                    pal->muted);
        Color col = !end ? pal->ink
                    : p->traj.status == TRAJ_DIVERGED ? pal->bad
                    : p->traj.status == TRAJ_CONVERGED ? pal->good : pal->ink;
        text_draw(t, c, app->layout.info.x + (int)lround(16 * s), y, buf, sm, 0, col);
        y += lh;
    }
}

/* The status line: the hover read-out over the plot, else the last message. */
void panel_status_draw(App *app, Canvas *c)
{
    const Theme *pal = app->pal;
    Rect r = app->layout.status;
    char buf[256];
    canvas_fill_rect(c, r, pal->panel);
    canvas_fill_rect(c, (Rect){r.x, r.y, r.w, 1}, pal->line);
    const char *msg = app->status;
    Color col = app->status_bad ? pal->bad : pal->ink;
    if (app->hover && app->drag < 0) {
        Vec2 p = view_from_px(app->view, app->layout.plot, app->mouse);
        Vec2 g, n;
        double h = app->optim.h > 0 ? app->optim.h : GRAD_H;
        double f = grad_eval(app->surface, GRAD_ANALYTIC, h, NULL, 0, p.x, p.y, &g);
        grad_eval(app->surface, GRAD_CENTRAL, h, NULL, 0, p.x, p.y, &n);
        snprintf(buf, sizeof buf, str(STR_HOVER, app->lang),
                 app->surface->xlabel, p.x, app->surface->ylabel, p.y, f, g.x, g.y,
                 hypot(g.x, g.y), h, n.x, n.y, grad_rel_error(g, n));
        msg = buf;
        col = pal->ink;
    }
    Ui *ui = &app->ui;
    ui_label(ui, (Rect){r.x + (int)lround(10 * ui->scale), r.y, r.w, r.h}, msg,
             THEME_TEXT, 0, col, 0);
}

