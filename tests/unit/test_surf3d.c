/* core/surf3d: the 3-D view puts the bowl's bottom where the projection says,
 * draws nothing outside the mesh and its box, puts a path's ball at its last
 * point, mirrors under half a turn, leaves holes where samples are undefined,
 * leaves no gaps between triangles, and draws the same picture every time. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/surf3d.h"

#define W 400
#define H 300

static const Rect R = {20, 10, 360, 280}; /* a margin of canvas all round */
static const uint32_t BG = 0xff102030u;   /* a background nothing else uses */
static const uint32_t FLOOR = 0xff202e3cu; /* BG shaded 15% toward grey: the floor */

/* A canvas-sized buffer filled with BG with field f drawn in R. */
static void draw(uint32_t *px, const Field *f, int logscale, Camera3d cam, const PlotPath *pp,
                 int n)
{
    for (int i = 0; i < W * H; i++) px[i] = BG;
    Canvas c = canvas_init(px, W, H, W);
    ValueScale sc = {f->vmin, f->vmax, logscale};
    assert_int_equal(surf3d_draw(&c, R, f, sc, CMAP_VIRIDIS, pp, n, cam, 1), 0);
}

/* Returns the pixel under continuous position q. */
static Color at(const uint32_t *px, Vec2 q)
{
    int x = (int)floor(q.x), y = (int)floor(q.y);
    assert_true(x >= 0 && x < W && y >= 0 && y < H);
    return canvas_unpack(px[y * W + x]);
}

/* 1 when p is a surface colour: neither background, floor nor a grey line. */
static int is_mesh(uint32_t p)
{
    Color c = canvas_unpack(p);
    int mx = c.r > c.g ? (c.r > c.b ? c.r : c.b) : (c.g > c.b ? c.g : c.b);
    int mn = c.r < c.g ? (c.r < c.b ? c.r : c.b) : (c.g < c.b ? c.g : c.b);
    return p != BG && p != FLOOR && mx - mn >= 25;
}

static double plane_x(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){1, 0};
    return x + 0 * y;
}

static double half_bowl(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){2 * x, 2 * y};
    return x < 0 ? NAN : x * x + y * y;
}

static double flat(const void *ctx, double x, double y, Vec2 *g)
{
    (void)ctx;
    if (g) *g = (Vec2){0, 0};
    return 1 + 0 * x * y;
}

/* Returns a copy of the bowl computing fn over [-1, 1]^2. */
static Surface custom(SurfaceFn fn)
{
    Surface s = *surface_find("bowl");
    s.fn = fn;
    s.row = NULL;
    s.view = (View){-1, 1, -1, 1};
    return s;
}

static void test_bowl_bottom(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("bowl");
    Field f = {0};
    static uint32_t px[W * H];
    assert_int_equal(field_sample(&f, s, s->view, 200, 200), 0);
    Camera3d cam = {-35, 60, 1};
    draw(px, &f, 0, cam, NULL, 0);
    /* the darkest viridis entries have almost no green */
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = R.y; y < R.y + R.h; y++)
        for (int x = R.x; x < R.x + R.w; x++) {
            Color c = canvas_unpack(px[y * W + x]);
            if (is_mesh(px[y * W + x]) && c.g < 12) sx += x + 0.5, sy += y + 0.5, n++;
        }
    assert_true(n > 5);
    ValueScale sc = {f.vmin, f.vmax, 0};
    Vec2 q = surf3d_project(R, s->view, sc, cam, 0, 0, 0);
    assert_true(fabs(sx / n - q.x) < 6 && fabs(sy / n - q.y) < 6);
    assert_true(fabs(q.x - (R.x + R.w / 2.0)) < R.w / 8.0); /* near the middle */
    field_free(&f);
}

static void test_background_kept(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("himmelblau");
    Field f = {0};
    static uint32_t px[W * H];
    assert_int_equal(field_sample(&f, s, s->view, 300, 300), 0);
    draw(px, &f, 1, surf3d_camera_default(), NULL, 0);
    int mesh = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int in = x >= R.x && x < R.x + R.w && y >= R.y && y < R.y + R.h;
            if (!in) assert_int_equal(px[y * W + x], BG);
            mesh += is_mesh(px[y * W + x]);
        }
    assert_int_equal(px[(R.y + 2) * W + R.x + 2], BG); /* the corners of R are empty */
    assert_int_equal(px[(R.y + R.h - 3) * W + R.x + 2], BG);
    assert_true(mesh > R.w * R.h / 5); /* and the mesh fills much of it */
    field_free(&f);
}

static void test_ball_at_last_point(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("bowl");
    Field f = {0};
    static uint32_t px[W * H];
    assert_int_equal(field_sample(&f, s, s->view, 200, 200), 0);
    TrajPoint pts[3] = {{3, 2, 13, 0, 0}, {2, 1.5, 6.25, 0, 0}, {1, -1, 2, 0, 0}};
    PlotPath pp = {pts, 3, {230, 20, 20, 255}, 0, 0};
    Camera3d cam = {-35, 60, 1};
    draw(px, &f, 0, cam, &pp, 1);
    ValueScale sc = {f.vmin, f.vmax, 0};
    Color c = at(px, surf3d_project(R, s->view, sc, cam, 1, -1, 2));
    assert_true(c.r > 170 && c.g < 90 && c.b < 90);
    /* with the path shorter by one point the ball moves back */
    pp.shown = 2;
    draw(px, &f, 0, cam, &pp, 1);
    c = at(px, surf3d_project(R, s->view, sc, cam, 1, -1, 2));
    assert_false(c.r > 170 && c.g < 90 && c.b < 90);
    c = at(px, surf3d_project(R, s->view, sc, cam, 2, 1.5, 6.25));
    assert_true(c.r > 170 && c.g < 90 && c.b < 90);
    field_free(&f);
}

static void test_half_turn_mirrors(void **unused)
{
    (void)unused;
    Surface s = custom(plane_x);
    Field f = {0};
    static uint32_t a[W * H], b[W * H];
    assert_int_equal(field_sample(&f, &s, s.view, 120, 120), 0);
    Camera3d c0 = {0, 40, 1}, c1 = {180, 40, 1};
    draw(a, &f, 0, c0, NULL, 0);
    draw(b, &f, 0, c1, NULL, 0);
    ValueScale sc = {f.vmin, f.vmax, 0};
    Vec2 p = surf3d_project(R, s.view, sc, c0, 0.5, 0.3, 0.5);
    Vec2 q = surf3d_project(R, s.view, sc, c1, 0.5, -0.3, 0.5);
    assert_close(p.x - R.x, R.w - (q.x - R.x), 1e-9);
    assert_close(p.y, q.y, 1e-9);
    /* the same colour map entry, lit differently: compare chromaticity */
    Color ca = at(a, p), cb = at(b, q);
    double ga = ca.g / (double)(ca.r + ca.g + ca.b), gb = cb.g / (double)(cb.r + cb.g + cb.b);
    assert_true(is_mesh(canvas_pack(ca)) && is_mesh(canvas_pack(cb)));
    assert_true(fabs(ga - gb) < 0.04);
    int diff = 0, mesh = 0;
    for (int y = R.y; y < R.y + R.h; y++)
        for (int x = R.x; x < R.x + R.w; x++) {
            int mx = 2 * R.x + R.w - 1 - x;
            diff += is_mesh(a[y * W + x]) != is_mesh(b[y * W + mx]);
            mesh += is_mesh(a[y * W + x]);
        }
    assert_true(mesh > 1000 && diff < mesh / 100);
    field_free(&f);
}

/* Returns the signed distance in pixels of q from the line a-b (positive on the
 * left going from a to b in pixel coordinates). */
static double side(Vec2 a, Vec2 b, Vec2 q)
{
    double len = hypot(b.x - a.x, b.y - a.y);
    return ((b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x)) / len;
}

/* Returns how far pixel point q lies inside the convex quadrilateral c[0..3], in
 * pixels (negative outside). */
static double inside_by(const Vec2 c[4], Vec2 q)
{
    double sgn = side(c[0], c[1], c[2]) > 0 ? 1 : -1, d = 1e9;
    for (int k = 0; k < 4; k++) d = fmin(d, sgn * side(c[k], c[(k + 1) % 4], q));
    return d;
}

/* Sets c[0..3] to the corners of [-e, e]^2 on the floor of view v seen by cam. */
static void floor_quad(View v, Camera3d cam, double e, Vec2 c[4])
{
    c[0] = surf3d_project_floor(R, v, cam, -e, -e);
    c[1] = surf3d_project_floor(R, v, cam, e, -e);
    c[2] = surf3d_project_floor(R, v, cam, e, e);
    c[3] = surf3d_project_floor(R, v, cam, -e, e);
}

static void test_undefined_holes(void **unused)
{
    (void)unused;
    Surface s = custom(half_bowl);
    Field f = {0};
    static uint32_t px[W * H];
    assert_int_equal(field_sample(&f, &s, s.view, 100, 100), 0);
    Camera3d cam = {-35, 60, 1};
    TrajPoint pts[2] = {{-0.5, 0.5, NAN, 0, 0}, {0.5, 0.2, 0.29, 0, 0}};
    PlotPath pp = {pts, 2, {230, 20, 20, 255}, 0, 0};
    draw(px, &f, 0, cam, &pp, 1);
    ValueScale sc = {f.vmin, f.vmax, 0};
    Vec2 hole = surf3d_project_floor(R, s.view, cam, -0.5, -0.3);
    assert_int_equal(canvas_pack(at(px, hole)), FLOOR);
    Vec2 defined = surf3d_project(R, s.view, sc, cam, 0.5, -0.3, 0.34);
    assert_true(is_mesh(canvas_pack(at(px, defined))));
    /* nothing defined at all: the whole floor shows */
    for (int i = 0; i < f.w * f.h; i++) f.v[i] = NAN;
    draw(px, &f, 1, cam, &pp, 1);
    Vec2 c[4];
    floor_quad(s.view, cam, 1, c);
    int inside = 0;
    for (int y = R.y; y < R.y + R.h; y++)
        for (int x = R.x; x < R.x + R.w; x++)
            if (inside_by(c, (Vec2){x + 0.5, y + 0.5}) > 3) {
                assert_int_equal(px[y * W + x], FLOOR);
                inside++;
            }
    assert_true(inside > 5000);
    field_free(&f);
}

static void test_no_gaps(void **unused)
{
    (void)unused;
    Surface s = custom(flat);
    Field f = {0};
    static uint32_t px[W * H];
    assert_int_equal(field_sample(&f, &s, s.view, 300, 300), 0);
    Camera3d cam = {17, 50, 1};
    draw(px, &f, 0, cam, NULL, 0);
    /* the mesh spans the sample centres: its corners, then every pixel well inside */
    Vec2 c[4];
    floor_quad(s.view, cam, 1 - 1.0 / 300, c);
    ValueScale sc = {f.vmin, f.vmax, 0};
    Vec2 top = surf3d_project(R, s.view, sc, cam, 0, 0, 1);
    Vec2 bot = surf3d_project_floor(R, s.view, cam, 0, 0);
    int inside = 0;
    for (int y = R.y; y < R.y + R.h; y++)
        for (int x = R.x; x < R.x + R.w; x++) {
            Vec2 q = {x + 0.5 + (bot.x - top.x), y + 0.5 + (bot.y - top.y)};
            if (inside_by(c, q) < 2) continue;
            inside++;
            assert_true(is_mesh(px[y * W + x]));
        }
    assert_true(inside > 5000);
    field_free(&f);
}

static void test_deterministic(void **unused)
{
    (void)unused;
    const Surface *s = surface_find("rosenbrock");
    Field f = {0};
    static uint32_t a[W * H], b[W * H];
    assert_int_equal(field_sample(&f, s, s->view, 330, 250), 0);
    TrajPoint pts[3] = {{-1.5, 2, 0, 0, 0}, {-1, 1, 0, 0, 0}, {0.5, 0.3, 0, 0, 0}};
    PlotPath pp = {pts, 3, plot_path_color(1), 1, 1};
    draw(a, &f, 1, surf3d_camera_default(), &pp, 1);
    draw(b, &f, 1, surf3d_camera_default(), &pp, 1);
    assert_memory_equal(a, b, sizeof a);
    field_free(&f);
}

static void test_rotate(void **unused)
{
    (void)unused;
    Camera3d c = surf3d_camera_default();
    assert_close(c.yaw, SURF3D_YAW, 0);
    assert_close(c.pitch, SURF3D_PITCH, 0);
    Camera3d r = surf3d_rotate(c, 10 / SURF3D_DEG_PER_PX, 0);
    assert_close(r.yaw, c.yaw + 10, 1e-12);
    r = surf3d_rotate((Camera3d){170, 30, 1}, 20 / SURF3D_DEG_PER_PX, 0);
    assert_close(r.yaw, -170, 1e-9);
    r = surf3d_rotate(c, 0, 1e6);
    assert_close(r.pitch, SURF3D_PITCH_MAX, 0);
    r = surf3d_rotate(c, 0, -1e6);
    assert_close(r.pitch, SURF3D_PITCH_MIN, 0);
    r = surf3d_rotate(c, NAN, INFINITY);
    assert_close(r.yaw, c.yaw, 0);
    assert_close(r.pitch, c.pitch, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bowl_bottom),      cmocka_unit_test(test_background_kept),
        cmocka_unit_test(test_ball_at_last_point), cmocka_unit_test(test_half_turn_mirrors),
        cmocka_unit_test(test_undefined_holes),  cmocka_unit_test(test_no_gaps),
        cmocka_unit_test(test_deterministic),    cmocka_unit_test(test_rotate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
