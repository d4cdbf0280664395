#!/bin/sh
# Runs the libFuzzer targets (build/fuzz/fuzz_expr, build/fuzz/fuzz_scene) side by
# side for FUZZ_SECONDS each (default 10: the smoke in `make test`; `make fuzz` sets
# 60 and FUZZ_KEEP=1). Each starts from its seed corpus tests/fuzz/corpus/NAME (every
# seed, including the regression cases, is replayed first) and prints one line,
# "ok fuzz-NAME" or "not ok fuzz-NAME" with the crash and the input's path indented.
# New inputs go to a temporary directory, or to build/fuzz/corpus-NAME with
# FUZZ_KEEP=1; crashing inputs to build/fuzz/artifacts/. Replay one with
#   build/fuzz/fuzz_NAME build/fuzz/artifacts/NAME-crash-...
# and, once fixed, copy it into tests/fuzz/corpus/NAME/ as a regression case.
cd "$(dirname "$0")/../.." || exit 1

SECS=${FUZZ_SECONDS:-10}
ART=build/fuzz/artifacts
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/losscape-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$TMPD"' EXIT
trap 'exit 1' INT TERM HUP
mkdir -p "$ART"

# max_len: expressions past the 4096-character limit; scene lines past theirs.
maxlen() { case $1 in expr) echo 9000 ;; *) echo 20000 ;; esac; }

# start NAME: runs one target in the background; its pid in $TMPD/NAME.pid.
start() {
    bin=build/fuzz/fuzz_$1
    if [ "${FUZZ_KEEP:-0}" = 1 ]; then new=build/fuzz/corpus-$1; else new=$TMPD/new-$1; fi
    mkdir -p "$new"
    if [ ! -x "$bin" ]; then
        echo "$bin is missing: run make $bin (needs clang and libclang-rt-dev)" >"$TMPD/$1.log"
        echo 127 >"$TMPD/$1.rc"
        return
    fi
    # timeout: a hang of the fuzzer itself (each input has -timeout=10) fails too
    (
        timeout -k 10 $((SECS + 120)) "$bin" -max_total_time="$SECS" -timeout=10 \
            -rss_limit_mb=2048 -max_len="$(maxlen "$1")" -dict="tests/fuzz/$1.dict" \
            -artifact_prefix="$ART/$1-" -print_final_stats=1 \
            "$new" "tests/fuzz/corpus/$1" >"$TMPD/$1.log" 2>&1
        echo $? >"$TMPD/$1.rc"
    ) &
}

# report NAME: the ok / not ok line from the log and the exit status.
report() {
    rc=$(cat "$TMPD/$1.rc" 2>/dev/null || echo 1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$TMPD/$1.log" | tail -1)
    cov=$(sed -n 's/^#[0-9]*.*DONE *cov: \([0-9]*\).*/\1/p' "$TMPD/$1.log" | tail -1)
    if [ "$rc" -eq 0 ] && ! grep -q -e '^==[0-9]*==ERROR' -e 'runtime error:' "$TMPD/$1.log"; then
        echo "ok fuzz-$1"
        echo "# fuzz-$1: ${runs:-?} inputs in ${SECS} s, coverage ${cov:-?}"
        return
    fi
    echo "not ok fuzz-$1"
    {
        echo "exit status $rc after ${runs:-?} inputs"
        grep -E -e '^==[0-9]+==ERROR|runtime error:|^SUMMARY|^fuzz_|^input:|deadly signal|timeout|out-of-memory|missing' \
            "$TMPD/$1.log" | head -8
        sed -n 's/.*Test unit written to \(.*\)/input saved as \1/p' "$TMPD/$1.log"
    } | sed 's/^/    /'
    cp "$TMPD/$1.log" "$ART/$1-last.log" 2>/dev/null
}

start expr
start scene
wait
report expr
report scene
