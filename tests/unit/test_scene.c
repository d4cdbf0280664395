/* Unit tests of scene.c: a table of good scene texts with the fields they give, a
 * table of bad ones with the message each must produce, the format -> parse round
 * trip, and saving and loading real files in a temporary directory. Only catalogue
 * names every build has are used (bowl, ravine, rosenbrock, himmelblau, gd, ...). */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cmap.h"
#include "core/optim.h"
#include "core/plot.h"
#include "core/scene.h"
#include "core/surface.h"

#define MIB (1 << 20)

/* ---- helpers ---- */

static int surf(const char *name) {
    int i = surface_index(surface_find(name));
    assert_true(i >= 0);
    return i;
}

/* Fails unless a and b hold exactly the same values (doubles compared bitwise). */
static void assert_scene_equal(const Scene *a, const Scene *b) {
    assert_int_equal(a->set, b->set);
    assert_int_equal(a->surface, b->surface);
    assert_string_equal(a->expr, b->expr);
    assert_memory_equal(&a->view, &b->view, sizeof a->view);
    assert_int_equal(a->optimizer, b->optimizer);
    assert_int_equal(a->race, b->race);
    assert_memory_equal(&a->lr, &b->lr, sizeof a->lr);
    assert_memory_equal(&a->momentum, &b->momentum, sizeof a->momentum);
    assert_memory_equal(&a->alpha, &b->alpha, sizeof a->alpha);
    assert_memory_equal(&a->beta1, &b->beta1, sizeof a->beta1);
    assert_memory_equal(&a->beta2, &b->beta2, sizeof a->beta2);
    assert_memory_equal(&a->eps, &b->eps, sizeof a->eps);
    assert_int_equal(a->schedule, b->schedule);
    assert_memory_equal(&a->decay, &b->decay, sizeof a->decay);
    assert_int_equal(a->batch, b->batch);
    assert_int_equal(a->seed, b->seed);
    assert_int_equal(a->grad, b->grad);
    assert_int_equal(a->random_starts, b->random_starts);
    assert_memory_equal(&a->init_scale, &b->init_scale, sizeof a->init_scale);
    assert_string_equal(a->title_zh, b->title_zh);
    assert_string_equal(a->note_zh, b->note_zh);
    assert_memory_equal(&a->speed, &b->speed, sizeof a->speed);
    assert_int_equal(a->mode, b->mode);
    assert_int_equal(a->colormap, b->colormap);
    assert_int_equal(a->levels, b->levels);
    assert_int_equal(a->log, b->log);
    assert_int_equal(a->field, b->field);
    assert_int_equal(a->nstarts, b->nstarts);
    assert_memory_equal(a->starts, b->starts, sizeof a->starts[0] * (size_t)a->nstarts);
    assert_string_equal(a->title, b->title);
    assert_string_equal(a->note, b->note);
}

/* Formats sc, parses the text back and checks that nothing changed. */
static void round_trip(const Scene *sc) {
    static char text[64 * 1024];
    static Scene back;
    char err[512];
    int len = scene_format(sc, text, sizeof text);
    assert_true(len > 0);
    assert_int_equal(len, (int)strlen(text));
    if (scene_parse(&back, text, "rt.scene", err, sizeof err) != 0)
        fail_msg("%s\n%s", err, text);
    assert_scene_equal(sc, &back);
}

/* Writes n bytes of data to path. */
static void write_file(const char *path, const char *data, size_t n) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* Returns the number of entries in dir besides . and .. */
static int dir_count(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

/* A scene with every key set, awkward doubles and the most starts. */
static void full_scene(Scene *sc) {
    memset(sc, 0, sizeof *sc);
    sc->set = SCENE_SURFACE | SCENE_VIEW | SCENE_OPTIMIZER | SCENE_LR | SCENE_SPEED |
              SCENE_MODE | SCENE_COLORMAP | SCENE_LEVELS | SCENE_LOG | SCENE_TITLE |
              SCENE_NOTE;
    sc->surface = surf("himmelblau");
    sc->view = (View){-1.0 / 3, 0.1, 1e-5, 2.0 / 3};
    sc->optimizer = optim_find("gd");
    sc->lr = 0.1;
    sc->speed = 1e-5;
    sc->mode = PLOT_CONTOUR;
    sc->colormap = cmap_find("cividis");
    sc->levels = 37;
    sc->log = 1;
    snprintf(sc->title, sizeof sc->title, "Gradient descent — 梯度下降 # = ok");
    snprintf(sc->note, sizeof sc->note, "lr = 0.1 is small; α→0");
    sc->nstarts = SCENE_MAX_STARTS;
    for (int i = 0; i < SCENE_MAX_STARTS; i++)
        sc->starts[i] = (Vec2){i * 0.1 - 12.7, (i - 128) * 1e-5 / 3};
    sc->starts[0] = (Vec2){5e-324, 1.7976931348623157e308};
    sc->starts[1] = (Vec2){-2.2250738585072014e-308, -1.7976931348623157e308};
}

/* ---- good inputs ---- */

typedef struct {
    const char *text;
    unsigned set;                    /* expected Scene.set */
    const char *surface, *optimizer; /* catalogue names of the expected values */
    const char *colormap;
    View view;
    double lr, speed;
    int mode, levels, log, nstarts;
    Vec2 first, last; /* first and last start */
    const char *title, *note;
} Good;

static const Good good[] = {
    {"", .set = 0},
    {"# only comments\n\n   # indented\n\t\n", .set = 0},
    {"surface = rosenbrock\nview = -2 2 -1 3\noptimizer = gd\nlr = 0.001\nspeed = 60\n"
     "mode = both\ncolormap = magma\nlevels = 20\nlog = true\nstart = -1.5 2\n"
     "start = 1 -0.5\ntitle = Rosenbrock's valley\nnote = Watch the path bend.\n",
     SCENE_SURFACE | SCENE_VIEW | SCENE_OPTIMIZER | SCENE_LR | SCENE_SPEED | SCENE_MODE |
         SCENE_COLORMAP | SCENE_LEVELS | SCENE_LOG | SCENE_TITLE | SCENE_NOTE,
     .surface = "rosenbrock", .optimizer = "gd", .colormap = "magma",
     .view = {-2, 2, -1, 3}, .lr = 0.001, .speed = 60, .mode = PLOT_BOTH, .levels = 20,
     .log = 1, .nstarts = 2, .first = {-1.5, 2}, .last = {1, -0.5},
     .title = "Rosenbrock's valley", .note = "Watch the path bend."},
    {"surface = bowl\r\nlr = 0.1\r\nstart = 1 2\r\n", SCENE_SURFACE | SCENE_LR, "bowl",
     .lr = 0.1, .nstarts = 1, .first = {1, 2}, .last = {1, 2}},
    {"  \tlr\t=  0.25 \t\n", SCENE_LR, .lr = 0.25},
    {"title = a = b # not a comment\n", SCENE_TITLE, .title = "a = b # not a comment"},
    {"title = 梯度下降 — α, β\n", SCENE_TITLE, .title = "梯度下降 — α, β"},
    {"\xEF\xBB\xBFlevels = 1", SCENE_LEVELS, .levels = 1},
    {"levels = 100\nspeed = 1e6\nlr = 1e-300\nlog = false\n",
     SCENE_LEVELS | SCENE_SPEED | SCENE_LR | SCENE_LOG, .levels = 100, .speed = 1e6,
     .lr = 1e-300, .log = 0},
    {"view = -1e3 +2.5 -.5 0.5\nstart = 0 -0\n", SCENE_VIEW, .view = {-1e3, 2.5, -.5, .5},
     .nstarts = 1},
    {"title =\nnote = \n", SCENE_TITLE | SCENE_NOTE, .title = "", .note = ""},
    {"surface = ravine\nmode = heat\ncolormap = gray\nstart =\t3\t-4 \n",
     SCENE_SURFACE | SCENE_MODE | SCENE_COLORMAP, "ravine", .colormap = "gray",
     .mode = PLOT_HEAT, .nstarts = 1, .first = {3, -4}, .last = {3, -4}},
    {"mode = contour\ncolormap = turbo\nstart = 1 1\nstart = 2 2\nstart = 3 3\n",
     SCENE_MODE | SCENE_COLORMAP, .mode = PLOT_CONTOUR, .colormap = "turbo", .nstarts = 3,
     .first = {1, 1}, .last = {3, 3}},
};

/* Fails unless sc holds what row g expects. */
static void check_good(const Good *g, const Scene *sc) {
    assert_int_equal(sc->set, g->set);
    if (g->set & SCENE_SURFACE) assert_int_equal(sc->surface, surf(g->surface));
    if (g->set & SCENE_VIEW) assert_memory_equal(&sc->view, &g->view, sizeof sc->view);
    if (g->set & SCENE_OPTIMIZER)
        assert_int_equal(sc->optimizer, optim_find(g->optimizer));
    if (g->set & SCENE_LR) assert_true(sc->lr == g->lr);
    if (g->set & SCENE_SPEED) assert_true(sc->speed == g->speed);
    if (g->set & SCENE_MODE) assert_int_equal(sc->mode, g->mode);
    if (g->set & SCENE_COLORMAP) assert_int_equal(sc->colormap, cmap_find(g->colormap));
    if (g->set & SCENE_LEVELS) assert_int_equal(sc->levels, g->levels);
    if (g->set & SCENE_LOG) assert_int_equal(sc->log, g->log);
    if (g->set & SCENE_TITLE) assert_string_equal(sc->title, g->title);
    if (g->set & SCENE_NOTE) assert_string_equal(sc->note, g->note);
    assert_int_equal(sc->nstarts, g->nstarts);
    if (g->nstarts > 0) {
        assert_true(sc->starts[0].x == g->first.x && sc->starts[0].y == g->first.y);
        assert_true(sc->starts[g->nstarts - 1].x == g->last.x);
        assert_true(sc->starts[g->nstarts - 1].y == g->last.y);
    }
}

static void test_good_table(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        static Scene sc;
        char err[512] = "untouched";
        if (scene_parse(&sc, good[i].text, "t.scene", err, sizeof err) != 0)
            fail_msg("good[%zu]: %s", i, err);
        assert_string_equal(err, "");
        check_good(&good[i], &sc);
        round_trip(&sc);
    }
}

/* ---- bad inputs ---- */

typedef struct {
    const char *text;
    int line;           /* expected line in "t.scene:LINE: " */
    const char *needle; /* expected somewhere in the message */
} Bad;

static const Bad bad[] = {
    {"lr = abc", 1, "lr must be a finite number > 0, got 'abc'"},
    {"lr = 0", 1, "lr must be"},
    {"lr = -1", 1, "lr must be"},
    {"lr = nan", 1, "got 'nan'"},
    {"lr = inf", 1, "got 'inf'"},
    {"lr = -inf", 1, "lr must be"},
    {"lr = 1e999", 1, "lr must be"},
    {"lr = 0.1x", 1, "got '0.1x'"},
    {"lr =", 1, "got ''"},
    {"lr = 1 2", 1, "lr must be"},
    {"lr = 0.1,", 1, "lr must be"},
    {"speed = 0", 1, "speed must be"},
    {"speed = 1000001", 1, "speed must be a finite number > 0 and at most 1000000"},
    {"speed = fast", 1, "got 'fast'"},
    {"view = 0 1 0", 1, "view must be 4 finite numbers"},
    {"view = 0 1 0 1 5", 1, "view must be 4"},
    {"view = 1 0 0 1", 1, "x0 < x1"},
    {"view = 0 1 1 1", 1, "y0 < y1"},
    {"view = 0 1 0 nan", 1, "view must be 4"},
    {"view = 0,1,0,1", 1, "got '0,1,0,1'"},
    {"surface = nosuch", 1, "surface must be a name"},
    {"surface =", 1, "surface"},
    {"surface = Bowl", 1, "got 'Bowl'"},
    {"optimizer = nosuch", 1, "optimizer must be one of gd"},
    {"mode = heatmap", 1, "mode must be heat, contour or both, got 'heatmap'"},
    {"colormap = jet", 1, "colormap must be one of viridis, magma"},
    {"levels = 0", 1, "levels must be an integer from 1 to 100, got '0'"},
    {"levels = 101", 1, "levels"},
    {"levels = 2.5", 1, "levels"},
    {"levels = ten", 1, "levels"},
    {"levels = 99999999999999999999999", 1, "levels"},
    {"log = yes", 1, "log must be true or false, got 'yes'"},
    {"log = TRUE", 1, "log"},
    {"start = 1", 1, "start must be 2 finite numbers x y, got '1'"},
    {"start = 1 2 3", 1, "start"},
    {"start = 1 inf", 1, "start"},
    {"start = x y", 1, "start"},
    {"title = \xff", 1, "title must be UTF-8 text"},
    {"note = \xc3\x28", 1, "note must be UTF-8"},
    {"title = \xed\xa0\x80", 1, "title"},     /* a UTF-16 surrogate */
    {"title = \xc0\xaf", 1, "title"},         /* an overlong '/' */
    {"title = \xf4\x90\x80\x80", 1, "title"}, /* past U+10FFFF */
    {"title = \xe2\x82", 1, "title"},         /* cut short */
    {"lr = 0.1\nlr = 0.2", 2, "duplicate key 'lr' (first set on line 1)"},
    {"surface = bowl\n\n# c\nsurface = ravine\n", 4, "duplicate key 'surface'"},
    {"title = a\ntitle = b", 2, "duplicate key 'title'"},
    {"log = true\r\nlog = false\r\n", 2, "duplicate key 'log'"},
    {"foo = 1", 1, "unknown key 'foo'"},
    {"Surface = bowl", 1, "unknown key 'Surface'"},
    {"title.fr = x", 1, "unknown key 'title.fr'"},
    {"lr: 0.1", 1, "expected key = value"},
    {"just words", 1, "expected key = value"},
    {"= 3", 1, "expected key = value"},
    {"  =", 1, "expected key = value"},
    {"expr = x*(", 1, "expr: column 4: expected an operand"},
    {"# c\n\nlr = 0.1\nlevels = x", 4, "levels"},
    {"lr = 0.1\r\nlevels = 0\r\n", 2, "got '0'"},
    {"\xEF\xBB\xBFlr = 0.1\nmode = 3\n", 2, "mode"},
};

/* Parses text expecting failure on `line` with needle in a one-line message. */
static void check_bad(const char *text, int line, const char *needle) {
    static Scene sc;
    char err[512], prefix[64];
    memset(&sc, 0xff, sizeof sc);
    if (scene_parse(&sc, text, "t.scene", err, sizeof err) != -1)
        fail_msg("parsed without error: %s", text);
    assert_int_equal(sc.set, 0); /* a failed parse leaves the scene zeroed */
    assert_int_equal(sc.nstarts, 0);
    snprintf(prefix, sizeof prefix, "t.scene:%d: ", line);
    if (strncmp(err, prefix, strlen(prefix)) || !strstr(err, needle))
        fail_msg("for '%s'\n got '%s'\n want '%s...%s'", text, err, prefix, needle);
    assert_null(strpbrk(err, "\r\n"));
}

static void test_bad_table(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        check_bad(bad[i].text, bad[i].line, bad[i].needle);
}

static void test_exact_message(void **state) {
    static Scene sc;
    char err[256];
    (void)state;
    assert_int_equal(scene_parse(&sc, "# lesson\nsurface = bowl\n\nlr = abc\n",
                                 "lesson.scene", err, sizeof err),
                     -1);
    assert_string_equal(err, "lesson.scene:4: lr must be a finite number > 0, got 'abc'");
    /* a short buffer truncates but stays a string; no buffer at all is allowed */
    assert_int_equal(scene_parse(&sc, "lr = abc", "lesson.scene", err, 8), -1);
    assert_string_equal(err, "lesson.");
    assert_int_equal(scene_parse(&sc, "lr = abc", "lesson.scene", NULL, 0), -1);
}

/* The optimisers' keys: a race, every hyper-parameter, schedules; and their limits. */
static void test_optimizer_keys(void **state) {
    static const char *text = "optimizer = adam, gd ,hotcold\nmomentum = 0.5\nalpha = 0\n"
                              "beta1 = 0.8\nbeta2 = 0.99\neps = 1e-6\nschedule = cosine\n"
                              "decay = 0.25\n";
    Scene sc;
    char err[256];
    (void)state;
    assert_int_equal(scene_parse(&sc, text, "t.scene", err, sizeof err), 0);
    assert_int_equal(sc.optimizer, OPTIM_ADAM);
    assert_int_equal(sc.race, 1u << OPTIM_ADAM | 1u << OPTIM_GD | 1u << OPTIM_HOTCOLD);
    assert_true(sc.momentum == 0.5 && sc.alpha == 0 && sc.beta1 == 0.8 && sc.beta2 == 0.99);
    assert_true(sc.eps == 1e-6 && sc.decay == 0.25);
    assert_int_equal(sc.schedule, SCHED_COSINE);
    round_trip(&sc);
    check_bad("momentum = 1\n", 1, "momentum must be a number in [0, 1), got '1'");
    check_bad("alpha = -0.1\n", 1, "alpha must be a number in [0, 1)");
    check_bad("beta2 = nan\n", 1, "beta2 must be a number in [0, 1)");
    check_bad("eps = 0\n", 1, "eps must be a finite number > 0");
    check_bad("decay = 1.5\n", 1, "decay must be a finite number > 0 and at most 1");
    check_bad("schedule = linear\n", 1, "schedule must be constant, step, exp or cosine");
    check_bad("optimizer = gd,sgd\n", 1, "optimizer must be one of gd, momentum");
    check_bad("optimizer = gd,\n", 1, "optimizer must be one of");
}

/* The keys of gradients, mini-batches, random starts and the Chinese texts. */
static void test_more_keys(void **state) {
    static const char *text = "surface = neuron-mse\ngrad = central\nbatch = 3\nseed = 42\n"
                              "random_starts = 12\ninit_scale = 0.5\ntitle.zh = 学习率\n"
                              "note.zh = 步长太大会发散。\n";
    static Scene sc;
    char err[256];
    (void)state;
    assert_int_equal(scene_parse(&sc, text, "t.scene", err, sizeof err), 0);
    assert_int_equal(sc.grad, GRAD_CENTRAL);
    assert_int_equal(sc.batch, 3);
    assert_int_equal(sc.seed, 42);
    assert_int_equal(sc.random_starts, 12);
    assert_true(sc.init_scale == 0.5);
    assert_string_equal(sc.title_zh, "学习率");
    round_trip(&sc);
    check_bad("grad = backward\n", 1, "grad must be analytic, forward or central");
    check_bad("field = yes\n", 1, "field must be true or false, got 'yes'");
    assert_int_equal(scene_parse(&sc, "field = true\n", "t.scene", err, sizeof err), 0);
    assert_true(sc.field && (sc.set & SCENE_FIELD));
    round_trip(&sc);
    check_bad("batch = 0\n", 1, "batch must be a whole number from 1");
    check_bad("seed = -1\n", 1, "seed must be a whole number from 0");
    check_bad("random_starts = 257\n", 1, "random_starts must be a whole number from 1 to 256");
    check_bad("init_scale = 0\n", 1, "init_scale must be a finite number > 0");
}

/* expr: checked to compile, with the column of an error; never with surface. */
static void test_expr_key(void **state) {
    Scene sc;
    char err[256];
    (void)state;
    assert_int_equal(scene_parse(&sc, "expr = (1-x)^2 + 100*(y-x^2)^2\nlr = 0.001\n", "t.scene",
                                 err, sizeof err), 0);
    assert_true(sc.set & SCENE_EXPR);
    assert_string_equal(sc.expr, "(1-x)^2 + 100*(y-x^2)^2");
    round_trip(&sc);
    check_bad("expr = sin(x\n", 1, "expr: column 6: expected ')' to close the '(' at column 4");
    check_bad("surface = bowl\nexpr = x\n", 2, "give surface or expr, not both");
    check_bad("expr = x\nsurface = bowl\n", 2, "give surface or expr, not both");
}

static void test_unsupported_keys(void **state) {
    static const char *later[] = {"basins", "chart"};
    (void)state;
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
        char text[64], needle[96];
        snprintf(text, sizeof text, "lr = 0.1\n%s = 1\n", later[i]);
        snprintf(needle, sizeof needle, "unknown key '%s'", later[i]);
        check_bad(text, 2, needle);
    }
}

/* ---- limits ---- */

static void test_start_limit(void **state) {
    static char text[SCENE_MAX_STARTS * 32 + 64];
    static Scene sc;
    char err[256];
    int len = 0;
    (void)state;
    for (int i = 0; i < SCENE_MAX_STARTS; i++)
        len += sprintf(text + len, "start = %d %d\n", i, -i);
    assert_int_equal(scene_parse(&sc, text, "t.scene", err, sizeof err), 0);
    assert_int_equal(sc.nstarts, SCENE_MAX_STARTS);
    assert_true(sc.starts[255].x == 255 && sc.starts[255].y == -255);
    sprintf(text + len, "start = 1 1\n");
    check_bad(text, SCENE_MAX_STARTS + 1, "at most 256 start points");
}

static void test_text_limit(void **state) {
    static char text[20000];
    static Scene sc;
    char err[256];
    (void)state;
    strcpy(text, "title = ");
    memset(text + 8, 'a', SCENE_MAX_TEXT - 1);
    text[8 + SCENE_MAX_TEXT - 1] = '\0';
    assert_int_equal(scene_parse(&sc, text, "t.scene", err, sizeof err), 0);
    assert_int_equal(strlen(sc.title), SCENE_MAX_TEXT - 1);
    strcat(text, "a");
    check_bad(text, 1, "title must be at most 1023 bytes, got 1024");
    memset(text + 8, 'a', 17000);
    text[8 + 17000] = '\0';
    check_bad(text, 1, "line longer than 16448 bytes");
}

/* ---- formatting ---- */

static void test_format_exact(void **state) {
    static Scene sc;
    char buf[512];
    const char *want = "# losscape scene\n"
                       "surface = bowl\n"
                       "lr = 0.10000000000000001\n"
                       "log = false\n"
                       "title = two lines\n"
                       "start = 1 2\n"
                       "start = -0.5 0.25\n";
    int len;
    (void)state;
    memset(&sc, 0, sizeof sc);
    assert_int_equal(scene_format(&sc, buf, sizeof buf), 17);
    assert_string_equal(buf, "# losscape scene\n");
    sc.set = SCENE_SURFACE | SCENE_LR | SCENE_LOG | SCENE_TITLE;
    sc.surface = surf("bowl");
    sc.lr = 0.1;
    sc.speed = 99; /* not in set: not written */
    strcpy(sc.title, "two\nlines");
    sc.nstarts = 2;
    sc.starts[0] = (Vec2){1, 2};
    sc.starts[1] = (Vec2){-0.5, 0.25};
    len = scene_format(&sc, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(len, (int)strlen(want));
    for (int n = 0; n <= len; n++)
        assert_int_equal(scene_format(&sc, n ? buf : NULL, n), -1);
    assert_int_equal(scene_format(&sc, buf, len + 1), len);
}

static void test_round_trip(void **state) {
    static Scene sc;
    (void)state;
    full_scene(&sc);
    round_trip(&sc);
    memset(&sc, 0, sizeof sc);
    sc.set = SCENE_VIEW | SCENE_SPEED;
    sc.view = (View){-0.0, 1e-300, -1e300, 0.1};
    sc.speed = 1e6;
    round_trip(&sc);
}

/* ---- files ---- */

static int make_dir(void **state) {
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/test_scene-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    *state = dir;
    return 0;
}

/* Removes every entry of the temporary directory (files and empty directories). */
static int remove_dir(void **state) {
    const char *dir = *state;
    char path[512];
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            remove(path);
        }
    if (d) closedir(d);
    return rmdir(dir);
}

static void test_save_load(void **state) {
    const char *dir = *state;
    static Scene sc, back;
    char path[256], err[512];
    full_scene(&sc);
    snprintf(path, sizeof path, "%s/a.scene", dir);
    assert_int_equal(scene_save(&sc, path, err, sizeof err), 0);
    assert_int_equal(scene_load(&back, path, err, sizeof err), 0);
    assert_scene_equal(&sc, &back);
    assert_int_equal(dir_count(dir), 1);
    sc.lr = 1e-5;
    sc.nstarts = 3;
    assert_int_equal(scene_save(&sc, path, err, sizeof err), 0); /* over the old one */
    assert_int_equal(scene_load(&back, path, err, sizeof err), 0);
    assert_scene_equal(&sc, &back);
    assert_int_equal(dir_count(dir), 1);
}

static void test_save_fails(void **state) {
    const char *dir = *state;
    static Scene sc;
    char path[256], want[512], err[512];
    struct stat st;
    full_scene(&sc);
    snprintf(path, sizeof path, "%s/missing/a.scene", dir);
    assert_int_equal(scene_save(&sc, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: cannot write: %s", path, strerror(ENOENT));
    assert_string_equal(err, want);
    assert_int_equal(dir_count(dir), 0);
    /* a directory in the way: the temporary file is written, the rename fails */
    snprintf(path, sizeof path, "%s/sub", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(scene_save(&sc, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: cannot write: ", path);
    assert_memory_equal(err, want, strlen(want));
    assert_int_equal(dir_count(dir), 1);
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
}

/* Loads the file at path expecting failure with exactly path followed by what. */
static void check_load_fails(const char *path, const char *what) {
    static Scene sc;
    char err[512], want[512];
    memset(&sc, 0xff, sizeof sc);
    assert_int_equal(scene_load(&sc, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s%s", path, what);
    assert_string_equal(err, want);
    assert_int_equal(sc.set, 0);
}

static void test_load_fails(void **state) {
    const char *dir = *state;
    char path[256], what[256];
    snprintf(path, sizeof path, "%s/nope.scene", dir);
    snprintf(what, sizeof what, ": cannot open: %s", strerror(ENOENT));
    check_load_fails(path, what);
    snprintf(path, sizeof path, "%s/nul.scene", dir);
    write_file(path, "lr = 0.1\n\0\x01", 11);
    check_load_fails(path, ": not a text file (binary data)");
    snprintf(path, sizeof path, "%s/latin1.scene", dir);
    write_file(path, "title = caf\xe9\n", 13);
    check_load_fails(path, ": not a text file (binary data)");
    snprintf(path, sizeof path, "%s/bad.scene", dir);
    write_file(path, "lr = 0.1\nlevels = 0\n", 20);
    check_load_fails(path, ":2: levels must be an integer from 1 to 100, got '0'");
    snprintf(what, sizeof what, ": cannot read: %s", strerror(EISDIR));
    check_load_fails(dir, what);
}

static void test_load_size_limit(void **state) {
    const char *dir = *state;
    static Scene sc;
    char path[256], err[512];
    char *big = malloc(MIB + 1);
    assert_non_null(big);
    memset(big, '#', MIB + 1);
    for (int i = 99; i < MIB; i += 100)
        big[i] = '\n'; /* comment lines */
    snprintf(path, sizeof path, "%s/big.scene", dir);
    write_file(path, big, MIB);
    assert_int_equal(scene_load(&sc, path, err, sizeof err), 0);
    write_file(path, big, MIB + 1);
    check_load_fails(path, ": too large (more than 1 MiB)");
    free(big);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_table),
        cmocka_unit_test(test_bad_table),
        cmocka_unit_test(test_exact_message),
        cmocka_unit_test(test_optimizer_keys),
        cmocka_unit_test(test_expr_key),
        cmocka_unit_test(test_more_keys),
        cmocka_unit_test(test_unsupported_keys),
        cmocka_unit_test(test_start_limit),
        cmocka_unit_test(test_text_limit),
        cmocka_unit_test(test_format_exact),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test_setup_teardown(test_save_load, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_save_fails, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_load_fails, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_load_size_limit, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
