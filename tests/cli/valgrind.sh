#!/bin/sh
# valgrind (memcheck) on the headless commands (issue 7): render and trace, on a
# catalogue surface, a typed expression, a scene file and their error paths, must
# make no invalid access, use no uninitialised value and leak nothing definitely or
# indirectly. "Still reachable" blocks (SDL_ttf, FreeType, fontconfig caches) and
# "possibly lost" ones are not errors: the only one seen is the thread-local block
# libgomp's worker threads keep until exit (pthread_create -> allocate_dtv from
# GOMP_parallel), which is the runtime's, not ours, so no suppression file is needed.
# About 25 s on 2 cores. Prints "ok NAME" / "not ok NAME".
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

if ! command -v valgrind >/dev/null 2>&1; then
    notok valgrind-prerequisites "valgrind is not installed (Debian package valgrind)"
    finish
    exit 1
fi

# vg NAME EXPECTED-EXIT ARGS...: runs build/losscape ARGS under memcheck; ok when it
# exits EXPECTED-EXIT (valgrind's own 99 means errors) and the log shows no error.
vg() {
    _n=$1
    _want=$2
    shift 2
    timeout 120 valgrind --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --log-file="$T/vg.log" \
        "$BIN" "$@" >"$T/out" 2>"$T/err"
    RC=$?
    _why=
    [ "$RC" -eq "$_want" ] || _why="exit $RC, expected $_want"
    _bad=$(grep -E 'Invalid (read|write|free)|uninitialised|Mismatched free|overlap|definitely lost: [1-9]|indirectly lost: [1-9]' "$T/vg.log" | head -3)
    [ -n "$_bad" ] && _why="$_why; $_bad"
    grep -q 'ERROR SUMMARY: 0 errors' "$T/vg.log" || _why="$_why; $(grep 'ERROR SUMMARY' "$T/vg.log")"
    if [ -z "$_why" ]; then
        ok "$_n"
    else
        # the first error with its stack, for the reader of the log
        notok "$_n" "losscape $*" "${_why#; }" "stderr: $(head -2 "$T/err")" \
            "$(grep -A12 -m1 -E 'Invalid|uninitialised|definitely lost in|indirectly lost in' "$T/vg.log" | sed 's/^==[0-9]*== //')"
    fi
}

cat >"$T/lesson.scene" <<'EOF'
# losscape scene
surface = rosenbrock
optimizer = adam,momentum
lr = 0.02
title = valgrind
start = -1.5 2
start = 1 -0.5
EOF

vg valgrind-render 0 render --out "$T/a.png" --size 300x200 --start 1,1
vg valgrind-render-expr 0 render --out "$T/b.png" --size 300x200 \
    --expr "x^2 - y^3 + sqrt(x) + log(y)" --start 1,1 --start -2,0.5 --mode contour --log
vg valgrind-render-scene 0 render --out "$T/c.png" --size 300x200 --scene "$T/lesson.scene"
vg valgrind-trace 0 trace --start 1,1 --steps 100
vg valgrind-trace-expr 0 trace --expr "sin(x)*y^2 + max(x, y) + sigmoid(x*y)" \
    --start 1,1 --start -1,2 --optimizer gd,adam,nesterov --steps 100
vg valgrind-trace-data 0 trace --surface neuron-mse --batch 3 --seed 5 --start -1,2 --steps 50
vg valgrind-render-unwritable 1 render --out "$T/no/such/dir/x.png" --size 300x200 --start 1,1
vg valgrind-trace-bad-expr 2 trace --expr "x + * y" --start 0,0
vg valgrind-trace-bad-scene 2 trace --scene "$T/lesson.scene.missing" --start 0,0
finish
