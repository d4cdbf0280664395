/* Nothing lost (issue 7): a scene closed with unsaved changes is written to the
 * autosave file and reopened on the next start; saving it removes the autosave;
 * opening another scene keeps the unsaved one first; a broken autosave is refused
 * with a message and the state kept. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apptest.h"

static App *new_app(const char *dir)
{
    App *app = apptest_new(500);
    snprintf(app->save_to, sizeof app->save_to, "%s", dir);
    app_mark_saved(app);
    return app;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Reads the file at path into buf (size n); returns its length or -1. */
static int slurp(const char *path, char *buf, int n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    int len = (int)fread(buf, 1, n - 1, f);
    fclose(f);
    buf[len] = '\0';
    return len;
}

static void remove_all(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_close_reopen_save(void **unused)
{
    (void)unused;
    char dir[] = "/tmp/losscape-autosave-XXXXXX", path[1200], text[8192], err[1400];
    assert_non_null(mkdtemp(dir));
    App *app = new_app(dir);
    assert_int_equal(app_unsaved(app), 0);
    assert_int_equal(app_autosave(app, err, sizeof err), 0); /* nothing to keep */
    assert_int_equal(app_autosave_path(app, path, sizeof path), 0);
    assert_false(exists(path));

    app_add_path(app, (Vec2){1.25, -2.5});
    app->optim.lr = 0.03125;
    assert_int_equal(app_unsaved(app), 1);
    assert_int_equal(app_autosave(app, err, sizeof err), 1); /* the window closes */
    assert_true(slurp(path, text, sizeof text) > 0);
    assert_non_null(strstr(text, "start = 1.25 -2.5"));
    assert_non_null(strstr(text, "lr = 0.03125"));
    apptest_free(app);

    app = new_app(dir); /* the next start */
    assert_int_equal(app->npaths, 0);
    assert_int_equal(app_restore(app), 1);
    assert_int_equal(app->npaths, 1);
    assert_close(app->paths[0].start.x, 1.25, 0);
    assert_close(app->optim.lr, 0.03125, 0);
    assert_false(app->status_bad);
    assert_non_null(strstr(app->status, "unsaved"));
    assert_int_equal(app_unsaved(app), 1); /* reopened, still not saved anywhere */

    app_add_path(app, (Vec2){0, 0}); /* more work, then Ctrl+S */
    assert_int_equal(app_save_scene(app), 0);
    assert_false(exists(path)); /* the save holds it now */
    assert_int_equal(app_unsaved(app), 0);
    assert_int_equal(app_autosave(app, err, sizeof err), 0);
    assert_false(exists(path));
    apptest_free(app);

    app = new_app(dir); /* nothing waits */
    assert_int_equal(app_restore(app), 0);
    assert_int_equal(app->npaths, 0);
    apptest_free(app);
    remove_all(dir);
}

static void test_open_keeps_unsaved(void **unused)
{
    (void)unused;
    char dir[] = "/tmp/losscape-autosave-XXXXXX", path[1200], lesson[1200], text[8192];
    assert_non_null(mkdtemp(dir));
    snprintf(lesson, sizeof lesson, "%s/lesson.scene", dir);
    FILE *f = fopen(lesson, "w");
    assert_non_null(f);
    fputs("surface = rosenbrock\nstart = -1 2\n", f);
    fclose(f);

    App *app = new_app(dir);
    assert_int_equal(app_autosave_path(app, path, sizeof path), 0);
    app_open_scene(app, lesson); /* nothing unsaved: nothing kept */
    assert_false(exists(path));
    assert_int_equal(app_unsaved(app), 0);

    app_add_path(app, (Vec2){0.5, 0.5});
    assert_int_equal(app_open_scene(app, lesson), 0);
    assert_true(exists(path)); /* the clicked start is kept */
    assert_true(slurp(path, text, sizeof text) > 0);
    assert_non_null(strstr(text, "start = 0.5 0.5"));
    assert_non_null(strstr(app->status, APP_AUTOSAVE));
    assert_int_equal(app->npaths, 1); /* the lesson's own start */
    assert_int_equal(app_unsaved(app), 0);

    assert_int_equal(app_save_scene(app), 0); /* saving the lesson keeps the other work */
    assert_true(exists(path));

    /* when the unsaved work cannot be kept, the lesson opens and the status says so */
    app_add_path(app, (Vec2){0.25, 0.25});
    snprintf(app->save_to, sizeof app->save_to, "%s/missing", dir);
    assert_int_equal(app_open_scene(app, lesson), 0);
    assert_true(app->status_bad);
    assert_non_null(strstr(app->status, "could not be kept"));
    assert_non_null(strstr(app->status, "missing"));
    apptest_free(app);
    remove_all(dir);
}

static void test_broken_autosave_refused(void **unused)
{
    (void)unused;
    char dir[] = "/tmp/losscape-autosave-XXXXXX", path[1200], err[1400];
    assert_non_null(mkdtemp(dir));
    App *app = new_app(dir);
    assert_int_equal(app_autosave_path(app, path, sizeof path), 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("surface = himmelblau\nlr = fast\n", f);
    fclose(f);
    app_add_path(app, (Vec2){1, 1});
    assert_int_equal(app_restore(app), -1);
    assert_true(app->status_bad);
    assert_non_null(strstr(app->status, ":2:")); /* file:line */
    assert_int_equal(app->npaths, 1);            /* the state is kept */
    assert_true(exists(path));                   /* and so is the file */

    snprintf(app->save_to, sizeof app->save_to, "%s/missing/dir", dir);
    assert_int_equal(app_autosave(app, err, sizeof err), -1);
    assert_non_null(strstr(err, "missing/dir"));
    apptest_free(app);
    remove_all(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_close_reopen_save),
        cmocka_unit_test(test_open_keeps_unsaved),
        cmocka_unit_test(test_broken_autosave_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
