/* Unit tests of src/core/clip.h: the part of a segment inside a rectangle, exactly
 * [0, 1] for a segment inside, and the same answer as walking the segment. */
#include "testutil.h"

#include "core/clip.h"

static const Vec2 LO = {0, 0}, HI = {10, 5}; /* the rectangle of the cases */

/* The cases: a segment, whether any of it is inside, and then the part that is. */
static const struct {
    Vec2 a, b;
    int in;
    double t0, t1;
} cases[] = {
    {{1, 1}, {9, 4}, 1, 0, 1},                /* inside */
    {{0, 0}, {10, 5}, 1, 0, 1},               /* corner to corner, on the border */
    {{3, 3}, {3, 3}, 1, 0, 1},                /* a point inside */
    {{-5, 2}, {5, 2}, 1, 0.5, 1},             /* enters on the left */
    {{5, 2}, {15, 2}, 1, 0, 0.5},             /* leaves on the right */
    {{5, -5}, {5, 15}, 1, 0.25, 0.5},         /* through, bottom to top */
    {{20, 1}, {-10, 1}, 1, 1.0 / 3, 2.0 / 3}, /* through, right to left */
    {{-1, 6}, {11, -1}, 1, 1.0 / 7, 6.0 / 7}, /* diagonally across */
    {{-2, 6}, {12, 6}, 0, 0, 0},              /* parallel, above */
    {{11, -3}, {11, 8}, 0, 0, 0},             /* parallel, right of it */
    {{-3, 4}, {4, 11}, 0, 0, 0},              /* past the top-left corner */
    {{-1, 1}, {1, -1}, 1, 0.5, 0.5},          /* touches a corner */
    {{20, 20}, {20, 20}, 0, 0, 0},            /* a point outside */
    {{12, 2}, {30, 3}, 0, 0, 0},              /* away from it */
};
#define NCASES ((int)(sizeof cases / sizeof cases[0]))

/* Returns nonzero when p is in the rectangle grown by tol (shrunk if tol < 0). */
static int inside(Vec2 p, double tol)
{
    return p.x >= LO.x - tol && p.x <= HI.x + tol && p.y >= LO.y - tol &&
           p.y <= HI.y + tol;
}

static void test_cases(void **state)
{
    (void)state;
    for (int i = 0; i < NCASES; i++) {
        double t0 = -1, t1 = -1;
        int in = clip_segment(cases[i].a, cases[i].b, LO, HI, &t0, &t1);
        if (in != cases[i].in) fail_msg("case %d: %d, expected %d", i, in, cases[i].in);
        if (!in) continue;
        assert_close(t0, cases[i].t0, 1e-12);
        assert_close(t1, cases[i].t1, 1e-12);
    }
}

/* A segment inside gets exactly 0 and 1, wherever it is, so that ends a caller
 * did not cut stay as they were. */
static void test_inside_exact(void **state)
{
    (void)state;
    Vec2 lo = {-0.1, 1e-3}, hi = {123.456, 7e5};
    for (int k = 0; k < 1000; k++) {
        /* u, v in [0.01, 0.99]: no rounding takes a point over the edge */
        double u = 0.01 + 0.98 * (k * 7919 % 1000) / 999.0;
        double v = 0.01 + 0.98 * (k * 104729 % 1000) / 999.0;
        Vec2 a = {lo.x + u * (hi.x - lo.x), lo.y + v * (hi.y - lo.y)};
        Vec2 b = {hi.x - v * (hi.x - lo.x), lo.y + u * u * (hi.y - lo.y)};
        double t0 = -1, t1 = -1;
        assert_int_equal(clip_segment(a, b, lo, hi, &t0, &t1), 1);
        assert_true(t0 == 0.0 && t1 == 1.0);
    }
}

/* Against a walk along the segment: the points between t0 and t1 are inside, those
 * beyond them (or all, when nothing is inside) outside. */
static void test_walk(void **state)
{
    (void)state;
    unsigned s = 12345;
    for (int k = 0; k < 2000; k++) {
        double v[4];
        for (int j = 0; j < 4; j++)
            v[j] = rnd(&s) * 30 - 10;
        Vec2 a = {v[0], v[1]}, b = {v[2], v[3]};
        double t0 = -1, t1 = -1;
        int in = clip_segment(a, b, LO, HI, &t0, &t1);
        if (in) assert_true(0 <= t0 && t0 <= t1 && t1 <= 1);
        for (int j = 0; j <= 200; j++) {
            double t = j / 200.0;
            Vec2 p = clip_point(a, b, t);
            if (in && t >= t0 && t <= t1) assert_true(inside(p, 1e-9));
            if (!in || t < t0 - 1e-9 || t > t1 + 1e-9) assert_false(inside(p, -1e-9));
        }
    }
}

static void test_point(void **state)
{
    (void)state;
    Vec2 a = {1, -2}, b = {5, 6};
    Vec2 p = clip_point(a, b, 0), q = clip_point(a, b, 1), m = clip_point(a, b, 0.25);
    assert_true(p.x == a.x && p.y == a.y);
    assert_true(q.x == b.x && q.y == b.y);
    assert_true(m.x == 2 && m.y == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases), cmocka_unit_test(test_inside_exact),
        cmocka_unit_test(test_walk), cmocka_unit_test(test_point)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
