/* The string table (app/strings.c): every row has both languages, the Chinese
 * column is Chinese, the two formats of a row take the same arguments, and with the
 * CJK fallback font every Chinese string draws without a tofu box. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/strings.h"
#include "apptest.h"

/* Writes s's printf conversions ("d", ".4g", "s", "ld") in order into out. */
static void conversions(const char *s, char *out, int n)
{
    int k = 0;
    out[0] = 0;
    for (; *s; s++) {
        if (*s != '%') continue;
        s++;
        if (*s == '%') continue;
        const char *b = s;
        while (*s && !strchr("diouxXeEfFgGaAcspn", *s))
            s++;
        k += snprintf(out + k, n - k, "%.*s,", (int)(s - b + 1), b);
        if (!*s) break;
    }
}

static int has_cjk(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xE3 && *p <= 0xE9) return 1; /* U+3000..U+9FFF lead bytes */
    return (strstr(s, "\xEF\xBC") != NULL);     /* full-width punctuation */
}

static void test_every_row(void **unused)
{
    (void)unused;
    for (int i = 0; i < STR_COUNT; i++) {
        const char *en = str(i, LANG_EN), *zh = str(i, LANG_ZH);
        char a[256], b[256];
        assert_true(en && zh && en[0] && zh[0]);
        assert_true(strcmp(en, "?") != 0);
        conversions(en, a, sizeof a);
        conversions(zh, b, sizeof b);
        if (strcmp(a, b) != 0)
            fail_msg("row %d: '%s' has %s but '%s' has %s", i, en, a, zh, b);
        /* the language button shows the other language: its English face is Chinese */
        if (i != STR_BTN_LANG && !has_cjk(zh))
            fail_msg("row %d: '%s' is not Chinese", i, zh);
    }
    assert_true(has_cjk(str(STR_BTN_LANG, LANG_EN)));
    assert_string_equal(str(STR_COUNT, LANG_ZH), "?");
    assert_string_equal(str(STR_PLAY, 7), str(STR_PLAY, LANG_EN));
}

static void test_lang_parse_and_locale(void **unused)
{
    (void)unused;
    assert_int_equal(str_lang_parse("en"), LANG_EN);
    assert_int_equal(str_lang_parse("zh"), LANG_ZH);
    assert_int_equal(str_lang_parse("xx"), -1);
    setenv("LC_ALL", "zh_CN.UTF-8", 1);
    assert_int_equal(str_lang_default(), LANG_ZH);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_int_equal(str_lang_default(), LANG_EN); /* LC_ALL wins */
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    assert_int_equal(str_lang_default(), LANG_ZH);
    setenv("LANG", "en_GB.UTF-8", 1);
    assert_int_equal(str_lang_default(), LANG_EN);
}

/* A path's label in both languages: the count is in both. */
static void test_describe(void **unused)
{
    (void)unused;
    TrajPoint pts[13] = {0};
    Trajectory t = {pts, 13, 13, TRAJ_CONVERGED};
    char en[64], zh[64];
    str_describe(&t, en, sizeof en, LANG_EN);
    str_describe(&t, zh, sizeof zh, LANG_ZH);
    assert_string_equal(en, "converged in 12 steps");
    assert_non_null(strstr(zh, "12"));
    assert_true(has_cjk(zh));
}

/* No tofu: with the CJK font every code point of every Chinese string is provided by
 * the font it is drawn with, and a Chinese string draws visible pixels. */
static void test_no_tofu(void **unused)
{
    (void)unused;
    const char *cjk = text_find_cjk();
    if (!cjk)
        skip(); /* fonts-wqy-microhei is not installed (scripts/deps.sh installs it) */
    Text *t = apptest_fonts();
    assert_int_equal(text_set_fallback(t, "/nonexistent/font.ttc"), -1);
    unsigned before = text_missing(t, str(STR_PLAY, LANG_ZH), 14);
    assert_true(before != 0); /* DejaVu alone has no 播 */
    assert_int_equal(text_set_fallback(t, cjk), 0);
    for (int i = 0; i < STR_COUNT; i++)
        for (int l = 0; l < LANG_COUNT; l++) {
            unsigned cp = text_missing(t, str(i, l), 14);
            if (cp) fail_msg("row %d: U+%04X of '%s' would be a box", i, cp, str(i, l));
        }
    static uint32_t px[200 * 40];
    Canvas c = canvas_init(px, 200, 40, 200);
    canvas_fill_rect(&c, (Rect){0, 0, 200, 40}, (Color){255, 255, 255, 255});
    assert_true(text_draw(t, &c, 2, 2, str(STR_BTN_BASINS, LANG_ZH), 20, 0,
                          (Color){0, 0, 0, 255}) > 0);
    int dark = 0;
    for (int i = 0; i < 200 * 40; i++)
        dark += (px[i] & 0xFF) < 128;
    assert_true(dark > 40); /* three ideographs' strokes */
    apptest_fonts_free(t);
}

/* The window in Chinese: L switches, the lesson's Chinese title is kept. */
static void test_app_lang(void **unused)
{
    (void)unused;
    App *app = apptest_new(2000);
    assert_int_equal(app->lang, LANG_EN);
    apptest_key(app, APP_KEY_L, 0);
    assert_int_equal(app->lang, LANG_ZH);
    assert_true(has_cjk(app->status));
    Scene *sc = calloc(1, sizeof *sc);
    assert_non_null(sc);
    sc->set = SCENE_TITLE | SCENE_TITLE_ZH | SCENE_NOTE_ZH;
    strcpy(sc->title, "Saddle");
    strcpy(sc->title_zh, "鞍点");
    strcpy(sc->note_zh, "梯度为零，但不是极小值。");
    app_apply_scene(app, sc);
    assert_string_equal(app->title_zh, "鞍点");
    Scene back;
    app_scene(app, &back);
    assert_true(back.set & SCENE_TITLE_ZH);
    assert_string_equal(back.note_zh, sc->note_zh);
    apptest_key(app, APP_KEY_L, 0);
    assert_int_equal(app->lang, LANG_EN);
    free(sc);
    apptest_free(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row), cmocka_unit_test(test_lang_parse_and_locale),
        cmocka_unit_test(test_describe),  cmocka_unit_test(test_no_tofu),
        cmocka_unit_test(test_app_lang),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
