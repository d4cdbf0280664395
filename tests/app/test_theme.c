/* The projector theme (issue 5, item 6): T switches between the light theme and
 * the high-contrast one, which paints the window black with white text and makes
 * paths and contours heavier; T again restores every colour. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "apptest.h"

/* Returns the pixel at (x, y) of c as a colour. */
static Color at(const Canvas *c, int x, int y)
{
    return canvas_unpack(c->px[y * c->stride + x]);
}

static void assert_rgb(Color c, int r, int g, int b)
{
    if (c.r != r || c.g != g || c.b != b)
        fail_msg("pixel (%d, %d, %d), expected (%d, %d, %d)", c.r, c.g, c.b, r, g, b);
}

static void test_theme_toggle(void **unused)
{
    (void)unused;
    Text *t = apptest_fonts();
    static uint32_t px[1280 * 800], light[1280 * 800];
    Canvas c = canvas_init(px, 1280, 800, 1280);
    App *app = apptest_new(500);
    app_add_path(app, (Vec2){0, 0});
    assert_ptr_equal(app->pal, theme_get(THEME_LIGHT));
    double scale = app->style.scale;
    app_draw(app, &c, t);
    memcpy(light, px, sizeof px);
    Rect panel = app->layout.panel;
    assert_rgb(at(&c, 2, 2), 255, 255, 255);
    assert_rgb(at(&c, panel.x + panel.w - 3, panel.y + panel.h - 3), 240, 241, 244);

    apptest_key(app, APP_KEY_T, 0);
    assert_ptr_equal(app->pal, theme_get(THEME_CONTRAST));
    assert_true(app->style.scale > 1.5 * scale); /* heavier lines */
    assert_non_null(strstr(app->status, "contrast"));
    app_draw(app, &c, t);
    assert_rgb(at(&c, 2, 2), 0, 0, 0);
    assert_rgb(at(&c, panel.x + panel.w - 3, panel.y + panel.h - 3), 18, 18, 18);
    /* white text: the title row holds pure white pixels now */
    int white = 0;
    for (int x = 0; x < panel.x; x++)
        for (int y = 0; y < 40; y++) {
            Color p = at(&c, x, y);
            white += p.r == 255 && p.g == 255 && p.b == 255;
        }
    assert_true(white > 100);

    apptest_key(app, APP_KEY_T, 0);
    assert_ptr_equal(app->pal, theme_get(THEME_LIGHT));
    assert_true(app->style.scale == scale);
    app_draw(app, &c, t);
    for (int y = 0; y < app->layout.status.y; y++) /* everything but the status line */
        if (memcmp(&px[y * 1280], &light[y * 1280], 1280 * sizeof *px) != 0) {
            for (int x = 0; x < 1280; x++)
                if (px[y * 1280 + x] != light[y * 1280 + x])
                    fail_msg("pixel (%d, %d) differs after switching back", x, y);
        }
    apptest_free(app);
    apptest_fonts_free(t);
}

static void test_theme_table(void **unused)
{
    (void)unused;
    assert_int_equal(theme_find("light"), THEME_LIGHT);
    assert_int_equal(theme_find("contrast"), THEME_CONTRAST);
    assert_int_equal(theme_find("dark"), -1);
    assert_ptr_equal(theme_get(99), theme_get(THEME_LIGHT));
    for (int k = 0; k < THEME_COUNT; k++) {
        const Theme *p = theme_get(k);
        /* ink against background: WCAG contrast far above 7:1 means the luma gap is
         * wide */
        int ink = p->ink.r * 3 + p->ink.g * 6 + p->ink.b,
            bg = p->bg.r * 3 + p->bg.g * 6 + p->bg.b;
        assert_true(abs(ink - bg) > 2000);
        assert_true(p->weight >= 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_theme_table),
        cmocka_unit_test(test_theme_toggle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
