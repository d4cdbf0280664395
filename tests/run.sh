#!/bin/sh
# Runs every suite — unit tests, the same under ASan+UBSan, command-line tests and
# end-to-end tests of the real window under Xvfb, a libFuzzer smoke (tests/fuzz) and
# a short soak of the window (tests/soak) — and ends with one line over all
# of them: "N passed, N failed". Exit status 1 when anything failed.
cd "$(dirname "$0")/.." || exit 1
total_pass=0
total_fail=0
log=build/test-logs
mkdir -p "$log"

# add SUITE PASSED FAILED
add() {
    echo "== $1: $2 passed, $3 failed"
    total_pass=$((total_pass + $2))
    total_fail=$((total_fail + $3))
}

# cmocka binaries: counts from their summary lines; a crash counts as a failure.
cmocka_suite() {
    name=$1
    shift
    p=0
    f=0
    for t in "$@"; do
        out="$log/$(basename "$t")-$name.log"
        CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$out" 2>&1
        rc=$?
        tp=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
        tf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
        tp=${tp:-0}
        tf=${tf:-0}
        if [ "$rc" -ne 0 ] && [ "$tf" -eq 0 ]; then tf=1; fi
        if [ "$tf" -ne 0 ]; then
            echo "-- $t ($name) failed:"
            grep -E "FAILED|ERROR|error|Sanitizer|runtime error" "$out" | head -20
        fi
        p=$((p + tp))
        f=$((f + tf))
    done
    add "$name" $p $f
}

# shell suites print "ok NAME" / "not ok NAME" lines; a script that exits non-zero
# without a "not ok" line (it died part way) counts as one failure.
shell_suite() {
    name=$1
    shift
    out="$log/$name.log"
    : >"$out"
    for s in "$@"; do
        sh "$s" >"$out.one" 2>&1
        rc=$?
        cat "$out.one" >>"$out"
        if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$out.one"; then
            echo "not ok $s exited with status $rc and reported no failure" >>"$out"
            tail -5 "$out.one" | sed 's/^/# /' >>"$out"
        fi
    done
    rm -f "$out.one"
    p=$(grep -c '^ok ' "$out")
    f=$(grep -c '^not ok ' "$out")
    # each failure with its details (the indented or "# " lines after it)
    awk '/^not ok / { on = 1; print; next } on && /^([ \t]|# )/ { print; next } { on = 0 }' \
        "$out" | head -120
    add "$name" "$p" "$f"
}

cmocka_suite unit build/tests/test_*
cmocka_suite unit-asan build/asan/tests/test_*
shell_suite cli tests/cli/*.sh
shell_suite e2e tests/e2e/*.sh
shell_suite fuzz tests/fuzz/smoke.sh
shell_suite soak tests/soak/short.sh

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
