#!/bin/sh
# End-to-end test of "nothing lost" (issue 7) in the real window under Xvfb: a start
# clicked and the window closed with Ctrl+Q leaves the autosave file; the next bare
# start reopens it, Ctrl+S saves it and removes the autosave, and closing with
# nothing unsaved writes none. Prints "ok NAME" / "not ok NAME" (details as "# ").
cd "$(dirname "$0")/../.." || exit 1
BIN=build/losscape

. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self autosave "1280x800" 60 "$0" xdotool import convert awk

xvfb_workdir autosave
AUTO="$SAVE/losscape-autosave.scene"

# start: the window, bare, saving into $SAVE; status 1 when it does not appear
start() {
    "$BIN" --save-to "$SAVE" --size 1280x800 --lang en >"$TMPD/log" 2>&1 &
    APP=$!
    xdotool search --sync --onlyvisible --pid "$APP" >/dev/null 2>&1 || return 1
    sleep 0.5
}
# quit: Ctrl+Q and wait up to 5 s for the process to end; status 1 if it does not
quit() {
    xdotool key ctrl+q
    poll 25 0.2 ended || return 1
    wait "$APP"
    APP=""
}
# new_scene: prints the first time-stamped scene in $SAVE; status 1 when there is none
new_scene() {
    _f=$(ls "$SAVE"/losscape-2*.scene 2>/dev/null | head -1)
    [ -n "$_f" ] && echo "$_f"
}

start || { no autosave-started; exit 1; }
ok autosave-started
L=$("$BIN" layout --size 1280x800)
px=$(printf '%s' "$L" | sed 's/.*"canvas":{"x":\([0-9]*\),"y":\([0-9]*\),"w":\([0-9]*\),"h":\([0-9]*\).*/\1 \2 \3 \4/')
set -- $px
cx=$(($1 + $3 / 3)) cy=$(($2 + $4 / 3))
xdotool mousemove "$cx" "$cy" click 1
sleep 0.3
quit || no autosave-quit "Ctrl+Q did not end the window"
if [ -f "$AUTO" ] && grep -q '^start = ' "$AUTO" && grep -q 'kept in' "$TMPD/log"; then
    ok autosave-written-on-close
else
    no autosave-written-on-close "autosave: $(ls "$SAVE")" "log: $(cat "$TMPD/log")"
fi
clicked=$(grep '^start = ' "$AUTO" 2>/dev/null)

start || no autosave-restart
xdotool key ctrl+s
saved=$(poll 25 0.2 new_scene)
if [ -n "$saved" ] && [ -n "$clicked" ] && grep -qx "$clicked" "$saved" && [ ! -f "$AUTO" ]; then
    ok autosave-reopened-and-saved
else
    no autosave-reopened-and-saved "saved: $saved" "clicked: $clicked" "dir: $(ls "$SAVE")"
fi
quit || no autosave-quit-2 "Ctrl+Q did not end the window"
if [ ! -f "$AUTO" ] && ! grep -q 'kept in' "$TMPD/log"; then
    ok autosave-none-when-saved
else
    no autosave-none-when-saved "dir: $(ls "$SAVE")" "log: $(cat "$TMPD/log")"
fi
exit $((FAILS > 0))
