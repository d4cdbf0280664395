/* Immediate-mode widgets (after microui): each call handles its part of the
 * current input event, or draws itself, and returns whether the value the caller
 * owns changed. Hover, drag and the open drop-down are the only state kept. */
#include "ui.h"

#include <math.h>

#include "theme.h"

int ui_inside(Rect r, double x, double y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static int px(const Ui *ui, double v) { return (int)lround(v * ui->scale); }

void ui_begin(Ui *ui, UiInput in, Canvas *cv, Text *text, double scale, const Theme *pal)
{
    ui->pal = pal;
    ui->in = in;
    ui->cv = cv;
    ui->text = text;
    ui->scale = scale;
    ui->popup_pick = -1;
    ui->consumed = 0;
    if (cv || !ui->open || !in.pressed) return;
    /* a press while a list is open belongs to the list */
    if (ui_inside(ui->popup, in.x, in.y) && ui->popup_n > 0) {
        int row = (int)((in.y - ui->popup.y) * ui->popup_n / ui->popup.h);
        ui->popup_pick = row < 0 ? 0 : row >= ui->popup_n ? ui->popup_n - 1 : row;
    } else {
        ui->open = 0;
    }
    ui->in.pressed = 0;
    ui->consumed = 1;
}

void ui_end(Ui *ui)
{
    if (!ui->cv || !ui->open) return;
    Rect r = ui->popup;
    int rowh = r.h / (ui->popup_n > 0 ? ui->popup_n : 1);
    canvas_fill_rect(ui->cv, (Rect){r.x + 3, r.y + 3, r.w, r.h}, (Color){0, 0, 0, 50});
    canvas_fill_rect(ui->cv, r, ui->pal->face);
    for (int i = 0; i < ui->popup_n; i++) {
        Rect row = {r.x, r.y + i * rowh, r.w, rowh};
        int hover = ui_inside(row, ui->in.x, ui->in.y);
        if (i == ui->popup_sel || hover)
            canvas_fill_rect(ui->cv, row, i == ui->popup_sel ? ui->pal->accent : ui->pal->hover);
        Color ink = i == ui->popup_sel ? ui->pal->accent_ink : ui->pal->ink;
        int th = text_height(ui->text, px(ui, THEME_TEXT));
        text_draw(ui->text, ui->cv, row.x + px(ui, 10), row.y + (row.h - th) / 2,
                  ui->popup_items[i], px(ui, THEME_TEXT), 0, ink);
    }
    canvas_stroke_rect(ui->cv, r, 1, ui->pal->line);
}

int ui_label(Ui *ui, Rect r, const char *s, int size, int bold, Color col, int align)
{
    if (!ui->cv) return 0;
    int sz = px(ui, size);
    int w = text_width(ui->text, s, sz, bold);
    int x = align == 1 ? r.x + r.w - w : align == 2 ? r.x + (r.w - w) / 2 : r.x;
    int y = r.y + (r.h - text_height(ui->text, sz)) / 2;
    return text_draw(ui->text, ui->cv, x, y, s, sz, bold, col);
}

/* Draws a framed box with a centred label. */
static void draw_box(Ui *ui, Rect r, const char *label, int on, int hover)
{
    canvas_fill_rect(ui->cv, r, on ? ui->pal->accent : hover ? ui->pal->hover : ui->pal->face);
    canvas_stroke_rect(ui->cv, r, 1, on ? ui->pal->accent : ui->pal->line);
    ui_label(ui, r, label, THEME_TEXT, 0, on ? ui->pal->accent_ink : ui->pal->ink, 2);
}

int ui_button(Ui *ui, Rect r, const char *label, int on)
{
    int over = ui_inside(r, ui->in.x, ui->in.y);
    if (ui->cv) {
        draw_box(ui, r, label, on, over && !ui->active && !ui->open);
        return 0;
    }
    if (ui->in.pressed && over) {
        ui->consumed = 1;
        return 1;
    }
    return 0;
}

int ui_slider(Ui *ui, int id, Rect r, double *t)
{
    int knob = px(ui, 9);
    double x0 = r.x + knob, x1 = r.x + r.w - knob;
    if (ui->cv) {
        int cy = r.y + r.h / 2, th = px(ui, 4);
        double kx = x0 + (x1 - x0) * *t;
        canvas_fill_rect(ui->cv, (Rect){(int)x0, cy - th / 2, (int)(x1 - x0), th},
                         ui->pal->line);
        canvas_fill_rect(ui->cv, (Rect){(int)x0, cy - th / 2, (int)(kx - x0), th},
                         ui->pal->accent);
        canvas_disc(ui->cv, kx, cy + 0.5, knob + 1.0, ui->pal->face);
        canvas_ring(ui->cv, kx, cy + 0.5, knob, px(ui, 2.5), ui->pal->accent);
        return 0;
    }
    if (ui->in.pressed && ui_inside(r, ui->in.x, ui->in.y)) {
        ui->active = id;
        ui->consumed = 1;
    }
    if (ui->active != id) return 0;
    ui->consumed = 1;
    if (ui->in.released) ui->active = 0;
    double nt = (ui->in.x - x0) / (x1 - x0);
    nt = nt < 0 ? 0 : nt > 1 ? 1 : nt;
    if (nt == *t) return 0;
    *t = nt;
    return 1;
}

/* Copies the item pointers of the open drop-down, for ui_end to draw. */
static void keep_items(Ui *ui, const char *const *items, int n)
{
    ui->popup_n = n < UI_MAX_ITEMS ? n : UI_MAX_ITEMS;
    for (int i = 0; i < ui->popup_n; i++) ui->popup_items[i] = items[i];
}

int ui_dropdown(Ui *ui, int id, Rect r, const char *const *items, int n, int *sel)
{
    int over = ui_inside(r, ui->in.x, ui->in.y);
    if (ui->cv) {
        draw_box(ui, r, "", 0, over && !ui->open);
        Rect in = {r.x + px(ui, 10), r.y, r.w - px(ui, 30), r.h};
        ui_label(ui, in, items[*sel], THEME_TEXT, 0, ui->pal->ink, 0);
        double cx = r.x + r.w - px(ui, 16), cy = r.y + r.h / 2.0;
        canvas_line(ui->cv, cx - px(ui, 5), cy - px(ui, 2), cx, cy + px(ui, 3),
                    px(ui, 2), ui->pal->ink);
        canvas_line(ui->cv, cx, cy + px(ui, 3), cx + px(ui, 5), cy - px(ui, 2),
                    px(ui, 2), ui->pal->ink);
        if (ui->open == id) {
            keep_items(ui, items, n);
            ui->popup_sel = *sel;
        }
        return 0;
    }
    if (ui->open == id && ui->popup_pick >= 0) {
        ui->open = 0;
        if (ui->popup_pick == *sel) return 0;
        *sel = ui->popup_pick;
        return 1;
    }
    if (ui->in.pressed && over) {
        ui->open = id;
        keep_items(ui, items, n);
        int h = r.h * ui->popup_n;
        int below = ui->bottom <= 0 || r.y + r.h + h <= ui->bottom || r.y < h;
        ui->popup = (Rect){r.x, below ? r.y + r.h : r.y - h, r.w, h};
        ui->popup_sel = *sel;
        ui->consumed = 1;
    }
    return 0;
}

int ui_segmented(Ui *ui, Rect r, const char *const *items, int n, int *sel)
{
    int changed = 0;
    for (int i = 0; i < n; i++) {
        int x0 = r.x + r.w * i / n, x1 = r.x + r.w * (i + 1) / n;
        if (ui_button(ui, (Rect){x0, r.y, x1 - x0 + (i + 1 < n), r.h}, items[i],
                      i == *sel) &&
            i != *sel) {
            *sel = i;
            changed = 1;
        }
    }
    return changed;
}
