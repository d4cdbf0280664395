/* src/app/cores.c: the start time handed over across the window's second start
 * (LOSSCAPE_T0) is taken only when it is a number not after now, and is removed
 * from the environment; a wait policy the user chose is left alone. */
#include "testutil.h"

#include <stdlib.h>

#include "app/cores.h"

static const struct {
    const char *t0; /* LOSSCAPE_T0, or NULL: unset */
    uint64_t now;
    uint64_t want;
} cases[] = {
    {NULL, 500, 500},       {"120", 500, 120},   {"500", 500, 500},
    {"501", 500, 500},      {"", 500, 500},      {"12x", 500, 500},
    {"-3", 500, 500},       {"abc", 500, 500},   {"18446744073709551615", 500, 500},
};

static void test_start_time(void **state)
{
    (void)state;
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].t0)
            assert_int_equal(setenv("LOSSCAPE_T0", cases[i].t0, 1), 0);
        else
            unsetenv("LOSSCAPE_T0");
        uint64_t got = cores_start_time(cases[i].now);
        if (got != cases[i].want)
            fail_msg("case %u (LOSSCAPE_T0=%s): got %llu, want %llu", i,
                     cases[i].t0 ? cases[i].t0 : "(unset)", (unsigned long long)got,
                     (unsigned long long)cases[i].want);
        assert_null(getenv("LOSSCAPE_T0"));
    }
}

/* With a policy chosen (here GOMP_SPINCOUNT), the program is not run again: the
 * call returns and hands nothing over. */
static void test_policy_chosen(void **state)
{
    (void)state;
    char *argv[] = {"test_cores", NULL};
    unsetenv("OMP_WAIT_POLICY");
    assert_int_equal(setenv("GOMP_SPINCOUNT", "300000", 1), 0);
    cores_wait_passive(argv, 42);
    assert_null(getenv("LOSSCAPE_T0"));
    assert_null(getenv("OMP_WAIT_POLICY"));
    unsetenv("GOMP_SPINCOUNT");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_time),
        cmocka_unit_test(test_policy_chosen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
