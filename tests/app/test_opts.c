/* The window's option table (src/cli/opts.c): which starts set nothing of the scene
 * (only --size, --save-to, --lang, --theme, --fullscreen, --stats), so the scene
 * left unsaved last time reopens, and which set some of it and do not reopen it. */
#include "testutil.h"

#include "cli/opts.h"

static const struct {
    const char *argv[12]; /* the words after the program's name, NULL-terminated */
    int sets_scene;       /* what opts_sets_scene must say */
} cases[] = {
    {{NULL}, 0},
    {{"--size", "800x600", NULL}, 0},
    {{"--save-to", "/tmp", "--size", "800x600", "--lang", "en", "--theme", "contrast",
      "--fullscreen", "--stats", NULL},
     0},
    /* a value is never read as an option: a directory named --surface */
    {{"--save-to", "--surface", NULL}, 0},
    {{"--surface", "bowl", NULL}, 1},
    {{"--size", "800x600", "--surface", "bowl", NULL}, 1},
    {{"--stats", "--lr", "0.1", NULL}, 1},
    {{"--save-to", "/tmp", "--log", NULL}, 1},
    {{"--expr", "x^2 + y^2", "--lang", "en", NULL}, 1},
    {{"--scene", "lesson.scene", NULL}, 1},
};

static void test_sets_scene(void **state)
{
    (void)state;
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char **argv = (char **)cases[i].argv;
        int argc = 0;
        while (argv[argc]) argc++;
        Options o;
        /* every case is a start the window accepts */
        assert_int_equal(opts_parse(&o, argc, argv, OPT_WINDOW, "losscape"), 0);
        opts_free(&o);
        if (opts_sets_scene(argc, argv) != cases[i].sets_scene)
            fail_msg("case %u (%s ...): opts_sets_scene should be %d", i,
                     argc ? argv[0] : "bare", cases[i].sets_scene);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sets_scene),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
