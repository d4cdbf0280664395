#!/bin/sh
# End-to-end test of the renderer choice (issue 6) in the real window under Xvfb,
# read from the --stats line: told to measure (LOSSCAPE_RENDERER=measure), the
# window times presents with the software and the accelerated renderer (Mesa's
# llvmpipe here) and keeps the faster; left alone on this machine, which has no
# DRM render node, it keeps the software renderer without asking OpenGL; told
# which, it takes that one. Prints "ok NAME" / "not ok NAME" (details as "# ").
cd "$(dirname "$0")/../.." || exit 1
BIN=build/losscape

. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self renderer "1280x800" 90 "$0" xdotool

xvfb_workdir renderer

# run MODE: opens the window with LOSSCAPE_RENDERER=MODE (empty: unset), lets the
# choice run after the first frame, quits with Ctrl+Q; the --stats line is left in
# $TMPD/line. Status 1 when the window does not appear or does not end.
run() {
    if [ -n "$1" ]; then export LOSSCAPE_RENDERER="$1"; else unset LOSSCAPE_RENDERER; fi
    "$BIN" --stats --save-to "$SAVE" --size 1280x800 --lang en >"$TMPD/log" 2>&1 &
    APP=$!
    unset LOSSCAPE_RENDERER
    xdotool search --sync --onlyvisible --pid "$APP" >/dev/null 2>&1 || return 1
    sleep 2 # the choice runs after the first present: ~0.3 s with llvmpipe
    xdotool key ctrl+q
    poll 25 0.2 ended || return 1
    wait "$APP"
    APP=""
    grep '^losscape stats:' "$TMPD/log" >"$TMPD/line"
}

# key NAME: the value of NAME=... on the --stats line
key() { tr ' ' '\n' <"$TMPD/line" | sed -n "s/^$1=//p" | head -1; }

if ! run measure; then
    no renderer-measure-ran "$(tail -5 "$TMPD/log")"
else
    why=$(key renderer_choice) soft=$(key present_software) acc=$(key present_accelerated)
    name=$(key renderer) accname=$(key accelerated)
    if [ "$why" = measured ] && awk -v s="$soft" -v a="$acc" 'BEGIN { exit !(s > 0 && a > 0) }'
    then
        ok renderer-measure-both-timed
    else
        no renderer-measure-both-timed "choice '$why', software '$soft' ms, accelerated '$acc' ms" \
            "$(cat "$TMPD/line")"
    fi
    # the faster one is kept
    want=$(awk -v s="$soft" -v a="$acc" -v n="$accname" 'BEGIN { print (a < s ? n : "software") }')
    [ -n "$name" ] && [ "$name" = "$want" ] && ok renderer-measure-keeps-faster ||
        no renderer-measure-keeps-faster "renderer '$name', expected '$want'" \
            "software $soft ms, $accname $acc ms a present"
fi

if ! run ""; then
    no renderer-default-ran "$(tail -5 "$TMPD/log")"
elif [ -e /dev/dri ] && ls /dev/dri | grep -q '^renderD'; then
    ok "renderer-default-no-gpu # SKIP this machine has a DRM render node"
else
    [ "$(key renderer_choice)" = no_gpu ] && [ "$(key renderer)" = software ] &&
        ok renderer-default-no-gpu ||
        no renderer-default-no-gpu "$(cat "$TMPD/line")"
fi

if ! run software; then
    no renderer-env-ran "$(tail -5 "$TMPD/log")"
else
    [ "$(key renderer_choice)" = LOSSCAPE_RENDERER ] && [ "$(key renderer)" = software ] &&
        ok renderer-env-software ||
        no renderer-env-software "$(cat "$TMPD/line")"
fi
exit $((FAILS > 0))
