/* Unit tests of cmap: sampled entries of every published map against literals
 * copied from the matplotlib CSVs, the packed tables against the entries, the
 * 8-bit rounding, names, and the clamping of cmap_color. */
#include "testutil.h"

#include <string.h>

#include "core/cmap.h"

typedef struct {
    CmapKind k;
    int i;
    double rgb[3]; /* as published */
} EntryCase;

/* Entries 0, 1, 127, 128 and 255 of each map, copied from the published CSVs. */
static const EntryCase entry_cases[] = {
    {CMAP_VIRIDIS, 0, {0.267004, 0.004874, 0.329415}},
    {CMAP_VIRIDIS, 1, {0.268510, 0.009605, 0.335427}},
    {CMAP_VIRIDIS, 127, {0.128729, 0.563265, 0.551229}},
    {CMAP_VIRIDIS, 128, {0.127568, 0.566949, 0.550556}},
    {CMAP_VIRIDIS, 255, {0.993248, 0.906157, 0.143936}},
    {CMAP_MAGMA, 0, {0.001462, 0.000466, 0.013866}},
    {CMAP_MAGMA, 1, {0.002258, 0.001295, 0.018331}},
    {CMAP_MAGMA, 127, {0.709962, 0.212797, 0.477201}},
    {CMAP_MAGMA, 128, {0.716387, 0.214982, 0.475290}},
    {CMAP_MAGMA, 255, {0.987053, 0.991438, 0.749504}},
    {CMAP_INFERNO, 0, {0.001462, 0.000466, 0.013866}},
    {CMAP_INFERNO, 1, {0.002267, 0.001270, 0.018570}},
    {CMAP_INFERNO, 127, {0.729909, 0.212759, 0.333861}},
    {CMAP_INFERNO, 128, {0.735683, 0.215906, 0.330245}},
    {CMAP_INFERNO, 255, {0.988362, 0.998364, 0.644924}},
    {CMAP_PLASMA, 0, {0.050383, 0.029803, 0.527975}},
    {CMAP_PLASMA, 1, {0.063536, 0.028426, 0.533124}},
    {CMAP_PLASMA, 127, {0.794549, 0.275770, 0.473117}},
    {CMAP_PLASMA, 128, {0.798216, 0.280197, 0.469538}},
    {CMAP_PLASMA, 255, {0.940015, 0.975158, 0.131326}},
    {CMAP_CIVIDIS, 0, {0.000000, 0.135112, 0.304751}},
    {CMAP_CIVIDIS, 1, {0.000000, 0.138068, 0.311105}},
    {CMAP_CIVIDIS, 127, {0.485141, 0.482451, 0.470384}},
    {CMAP_CIVIDIS, 128, {0.488697, 0.485318, 0.471008}},
    {CMAP_CIVIDIS, 255, {0.995737, 0.909344, 0.217772}},
    {CMAP_TURBO, 0, {0.18995, 0.07176, 0.23217}},
    {CMAP_TURBO, 1, {0.19483, 0.08339, 0.26149}},
    {CMAP_TURBO, 127, {0.63323, 0.99195, 0.23937}},
    {CMAP_TURBO, 128, {0.64362, 0.98999, 0.23356}},
    {CMAP_TURBO, 255, {0.47960, 0.01583, 0.01055}},
    {CMAP_GRAY, 0, {0.0, 0.0, 0.0}},
    {CMAP_GRAY, 255, {1.0, 1.0, 1.0}},
};

typedef struct {
    CmapKind k;
    uint32_t first, last; /* the maps' well-known end colours, as #RRGGBB */
} EndCase;

static const EndCase end_cases[] = {
    {CMAP_VIRIDIS, 0xFF440154, 0xFFFDE725}, {CMAP_MAGMA, 0xFF000004, 0xFFFCFDBF},
    {CMAP_INFERNO, 0xFF000004, 0xFFFCFFA4}, {CMAP_PLASMA, 0xFF0D0887, 0xFFF0F921},
    {CMAP_CIVIDIS, 0xFF00224E, 0xFFFEE838}, {CMAP_TURBO, 0xFF30123B, 0xFF7A0403},
    {CMAP_GRAY, 0xFF000000, 0xFFFFFFFF},
};

/* Every map's name, in CmapKind order. */
static const char *const names[CMAP_COUNT] = {
    "viridis", "magma", "inferno", "plasma", "cividis", "turbo", "gray",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t pack(Color c)
{
    return (uint32_t)c.a << 24 | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

static void test_published_entries(void **state)
{
    (void)state;
    for (size_t n = 0; n < NELEM(entry_cases); n++) {
        const EntryCase *tc = &entry_cases[n];
        double rgb[3];
        cmap_entry_f(tc->k, tc->i, rgb);
        for (int c = 0; c < 3; c++)
            if (rgb[c] != tc->rgb[c])
                fail_msg("%s[%d] channel %d = %.9g, published %.9g", cmap_name(tc->k),
                         tc->i, c, rgb[c], tc->rgb[c]);
    }
}

static void test_end_colours(void **state)
{
    (void)state;
    for (size_t n = 0; n < NELEM(end_cases); n++) {
        const EndCase *tc = &end_cases[n];
        assert_int_equal(pack(cmap_entry(tc->k, 0)), tc->first);
        assert_int_equal(pack(cmap_entry(tc->k, 255)), tc->last);
    }
}

static void test_lut_matches_entry(void **state)
{
    (void)state;
    for (int k = 0; k < CMAP_COUNT; k++) {
        const uint32_t *lut = cmap_lut((CmapKind)k);
        assert_non_null(lut);
        assert_ptr_equal(lut, cmap_lut((CmapKind)k));
        for (int i = 0; i < 256; i++) {
            Color c = cmap_entry((CmapKind)k, i);
            assert_int_equal(c.a, 255);
            assert_int_equal(lut[i], pack(c));
        }
    }
}

/* Each 8-bit channel is the nearest of 0..255 to the published value * 255. */
static void test_rounding(void **state)
{
    (void)state;
    for (int k = 0; k < CMAP_COUNT; k++) {
        for (int i = 0; i < 256; i++) {
            Color c = cmap_entry((CmapKind)k, i);
            unsigned char ch[3] = {c.r, c.g, c.b};
            double rgb[3];
            cmap_entry_f((CmapKind)k, i, rgb);
            for (int j = 0; j < 3; j++) {
                assert_true(rgb[j] >= 0.0 && rgb[j] <= 1.0);
                assert_int_equal(ch[j], (int)lround(rgb[j] * 255.0));
                assert_true(fabs(ch[j] - rgb[j] * 255.0) <= 0.5);
            }
        }
    }
}

static void test_names(void **state)
{
    (void)state;
    for (int k = 0; k < CMAP_COUNT; k++) {
        assert_string_equal(cmap_name((CmapKind)k), names[k]);
        assert_int_equal(cmap_find(names[k]), k);
        assert_int_equal(cmap_find(cmap_name((CmapKind)k)), k);
    }
    assert_string_equal(cmap_name(CMAP_COUNT), "?");
    assert_string_equal(cmap_name((CmapKind)-1), "?");
}

static void test_find_unknown(void **state)
{
    (void)state;
    static const char *const bad[] = {"", "Viridis", "viridis ", "jet", "grey", "?"};
    for (size_t n = 0; n < NELEM(bad); n++)
        assert_int_equal(cmap_find(bad[n]), -1);
    assert_int_equal(cmap_find(NULL), -1);
}

typedef struct {
    double t;
    int i; /* expected nearest entry */
} ColorCase;

static void test_color_clamp_nan(void **state)
{
    (void)state;
    const ColorCase cases[] = {
        {0.0, 0},
        {-0.0, 0},
        {-1.0, 0},
        {-INFINITY, 0},
        {NAN, 0},
        {-NAN, 0},
        {1.0, 255},
        {2.0, 255},
        {INFINITY, 255},
        {0.5, 128},
        {1.0 / 255, 1},
        {0.49 / 255, 0},
        {0.51 / 255, 1},
        {1 - 0.49 / 255, 255},
        {1 - 0.51 / 255, 254},
        {1e-300, 0},
    };
    for (int k = 0; k < CMAP_COUNT; k++) {
        for (size_t n = 0; n < NELEM(cases); n++)
            assert_int_equal(pack(cmap_color((CmapKind)k, cases[n].t)),
                             pack(cmap_entry((CmapKind)k, cases[n].i)));
        for (int i = 0; i < 256; i++)
            assert_int_equal(pack(cmap_color((CmapKind)k, i / 255.0)),
                             pack(cmap_entry((CmapKind)k, i)));
    }
}

static void test_gray_ramp(void **state)
{
    (void)state;
    for (int i = 0; i < 256; i++) {
        Color c = cmap_entry(CMAP_GRAY, i);
        assert_true(c.r == i && c.g == i && c.b == i && c.a == 255);
        double rgb[3];
        cmap_entry_f(CMAP_GRAY, i, rgb);
        for (int j = 0; j < 3; j++)
            assert_true(rgb[j] == i / 255.0);
    }
    assert_int_equal(pack(cmap_color(CMAP_GRAY, 0.0)), 0xFF000000u);
    assert_int_equal(pack(cmap_color(CMAP_GRAY, 1.0)), 0xFFFFFFFFu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_published_entries),
        cmocka_unit_test(test_end_colours),
        cmocka_unit_test(test_lut_matches_entry),
        cmocka_unit_test(test_rounding),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_find_unknown),
        cmocka_unit_test(test_color_clamp_nan),
        cmocka_unit_test(test_gray_ramp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
