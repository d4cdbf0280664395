#!/bin/sh
# End-to-end test of the classroom features in the real window under Xvfb: zoom
# about the cursor with the wheel, Home, Shift+drag panning (checked in the saved
# scene's view), the 3-D toggle, the language toggle, the scene chooser, an F12
# screenshot and dropping scene files on the window (by XDND, build/tests/xdnd_drop).
# Prints "ok NAME" / "not ok NAME" lines (details as "# " lines).
cd "$(dirname "$0")/../.." || exit 1
BIN=build/losscape
DROP=build/tests/xdnd_drop

. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self classroom "1280x800" 90 "$0" xdotool import convert awk

xvfb_workdir class
# shot NAME: a screenshot of the whole screen into $TMPD/NAME.png
shot() { import -window root "$TMPD/$1.png" 2>/dev/null; }
# differ A B X Y W H: status 0 when the region differs in more than 2% of its pixels
differ() {
    n=$(compare -metric AE -fuzz 5% "$TMPD/$1.png[$5x$6+$3+$4]" "$TMPD/$2.png[$5x$6+$3+$4]" \
        null: 2>&1 | cut -d' ' -f1)
    awk -v n="${n%%.*}" -v a="$(($5 * $6))" 'BEGIN { exit !(n > 0.02 * a) }'
}
# save: Ctrl+S into an empty save dir; prints the scene file's path
save() {
    rm -f "$SAVE"/*
    xdotool key ctrl+s
    poll 10 0.2 new_scene
}
# new_scene: prints the first scene file in $SAVE; status 1 when there is none
new_scene() {
    _f=$(ls "$SAVE"/*.scene 2>/dev/null | head -1)
    [ -n "$_f" ] && echo "$_f"
}
view() { sed -n 's/^view = //p' "$1"; }
# reds NAME X Y W H: how many pixels of the region have the error colour (THEME_BAD)
reds() {
    convert "$TMPD/$1.png" -crop "$4x$5+$2+$3" +repage -fuzz 12% -fill black \
        +opaque 'rgb(200,30,30)' -fill white -opaque 'rgb(200,30,30)' \
        -format '%[fx:round(mean*w*h)]' info: 2>/dev/null || echo 0
}
# scene_has FILE LINE...: status 0 when FILE holds every LINE exactly
scene_has() {
    scene=$1
    shift
    for line in "$@"; do grep -qxF "$line" "$scene" || return 1; done
}

"$BIN" --save-to "$SAVE" --size 1280x800 --lang en >"$TMPD/log" 2>&1 &
APP=$!
W=$(xdotool search --sync --onlyvisible --pid "$APP" 2>/dev/null | head -1)
[ -n "$W" ] || { no classroom-started; exit 1; }
ok classroom-started
sleep 0.8
L=$("$BIN" layout --size 1280x800)
cx=$(printf '%s' "$L" | sed 's/.*"canvas":{"x":\([0-9]*\).*/\1/')
cy=$(printf '%s' "$L" | sed 's/.*"canvas":{"x":[0-9]*,"y":\([0-9]*\).*/\1/')
cw=$(printf '%s' "$L" | sed 's/.*"canvas":{[^}]*"w":\([0-9]*\).*/\1/')
# the pixel of parameter point (1, 1) in view [-5, 5]^2
px=$(awk -v x="$cx" -v w="$cw" 'BEGIN { printf "%d", x + (1 + 5) / 10 * w }')
py=$(awk -v y="$cy" -v w="$cw" 'BEGIN { printf "%d", y + (5 - 1) / 10 * w }')

xdotool mousemove "$px" "$py" click 4 click 4 click 4
sleep 0.4
f=$(save)
set -- $(view "$f")
if awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v px="$px" -v cx="$cx" -v cw="$cw" '
    BEGIN { w = b - a; u = (px + 0.5 - cx) / cw; x = a + u * w
            exit !(w < 7 && w > 5 && a < 1 && b > 1 && c < 1 && d > 1 && (x - 1) ^ 2 < (w / cw) ^ 2 * 4) }'; then
    ok wheel-zooms-about-cursor
else
    no wheel-zooms-about-cursor "view after 3 notches: $*"
fi
xdotool key Home
sleep 0.3
f=$(save)
[ "$(view "$f")" = "-5 5 -5 5" ] && ok home-resets-view || no home-resets-view "view: $(view "$f")"

xdotool mousemove "$px" "$py" keydown shift mousedown 1 mousemove $((px - 65)) "$py" \
    mousemove $((px - 130)) "$py" mouseup 1 keyup shift
sleep 0.3
f=$(save)
set -- $(view "$f")
if awk -v a="$1" -v b="$2" -v cw="$cw" 'BEGIN { d = 130 * 10 / cw; exit !((a - (-5 + d)) ^ 2 < 0.05 && (b - (5 + d)) ^ 2 < 0.05) }'; then
    ok shift-drag-pans
else
    no shift-drag-pans "view after dragging 130 px left: $*"
fi
xdotool key Home
xdotool mousemove $((px - 200)) $((py + 200)) click 1 # a path to see in 3-D
sleep 1.2
shot flat
xdotool key 3
sleep 0.5
shot three
differ flat three "$cx" "$cy" "$cw" "$cw" && ok toggle-3d || no toggle-3d "the plot did not change"
xdotool key 3
sleep 0.5
shot flat2
differ flat flat2 "$cx" "$cy" "$cw" "$cw" && no toggle-3d-back "2-D did not come back" || ok toggle-3d-back
xdotool mousemove 5 5 key l
sleep 0.5
shot zh
differ flat2 zh 960 0 320 560 && ok language-toggle || no language-toggle "the panel did not change"
xdotool key l
sleep 0.3
xdotool key ctrl+o
sleep 0.5
shot chooser
differ flat2 chooser 360 300 560 200 && ok ctrl-o-chooser || no ctrl-o-chooser "no chooser"
xdotool key Escape
sleep 0.3
rm -f "$SAVE"/*
xdotool key F12
sleep 0.8
p=$(ls "$SAVE"/*.png 2>/dev/null | head -1)
[ -n "$p" ] && [ "$(identify -format %wx%h "$p")" = 1280x800 ] && ok f12-screenshot || no f12-screenshot "no 1280x800 PNG"

# Dropping a scene file opens it: surface, title, note, lr and the starts replace
# the current ones (the saved scene shows them); a malformed one keeps the scene
# and puts an error (in THEME_BAD) in the status line.
mkdir -p "$TMPD/drop"
cat >"$TMPD/drop/lesson.scene" <<'SCENE'
surface = rosenbrock
title = Dropped lesson
note = Dropped on the window from a file manager.
lr = 0.002
start = -1.5 2
start = 0.5 -0.5
SCENE
printf 'surface = himmelblau\nlr = banana\n' >"$TMPD/drop/bad.scene"
status_y=$(printf '%s' "$L" | sed 's/.*"name":"status","x":0,"y":\([0-9]*\).*/\1/')
f=$(save)
cp "$f" "$TMPD/before.scene" 2>/dev/null
shot predrop
if [ ! -x "$DROP" ]; then
    no drop-file "$DROP is missing: run make check"
elif why=$("$DROP" --name losscape --timeout 5 "$TMPD/drop/lesson.scene" 2>&1); then
    ok drop-file
else
    no drop-file "$why"
fi
f=$(save)
if ! scene_has "$TMPD/before.scene" "surface = himmelblau"; then
    no drop-opens-scene "before the drop the saved surface was not himmelblau"
elif scene_has "$f" "surface = rosenbrock" "title = Dropped lesson" "lr = 0.002" \
    "start = -1.5 2" "start = 0.5 -0.5" && [ "$(grep -c '^start = ' "$f")" = 2 ]; then
    ok drop-opens-scene
else
    no drop-opens-scene "the scene saved after the drop:" \
        "$(grep -E '^(surface|title|lr|start) = ' "$f" 2>/dev/null | tr '\n' ';')"
fi
# shows_drop: the window is named after rosenbrock and the panel's lower part (the
# title, the note, the paths) differs from before the drop, in a new screenshot
shows_drop() {
    shot dropped
    case "$(xdotool getwindowname "$W" 2>/dev/null)" in *rosenbrock*) ;; *) return 1 ;; esac
    differ predrop dropped 960 520 320 $((status_y - 520))
}
if poll 15 0.2 shows_drop; then
    ok drop-shows-scene
else
    no drop-shows-scene "window name: $(xdotool getwindowname "$W" 2>/dev/null)" \
        "or the panel's title and note did not change"
fi
# shows_error: the status line has text in the error colour, in a new screenshot
shows_error() {
    shot bad
    nbad=$(reds bad 0 "$status_y" 1280 30)
    [ "$nbad" -gt 20 ]
}
n0=$(reds dropped 0 "$status_y" 1280 30)
nbad="?"
"$DROP" --window "$W" --timeout 5 "$TMPD/drop/bad.scene" >"$TMPD/drop.err" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ "$n0" -eq 0 ] && poll 15 0.2 shows_error; then
    ok drop-bad-scene-error
else
    no drop-bad-scene-error "xdnd_drop status $rc: $(cat "$TMPD/drop.err")" \
        "pixels in the error colour in the status line: $n0 before, $nbad after"
fi
f=$(save)
if scene_has "$f" "surface = rosenbrock" "title = Dropped lesson" "lr = 0.002"; then
    ok drop-bad-scene-kept
else
    no drop-bad-scene-kept "the scene saved after the bad drop:" \
        "$(grep -E '^(surface|title|lr) = ' "$f" 2>/dev/null | tr '\n' ';')"
fi

xdotool key ctrl+q
if poll 10 0.3 ended; then
    ok classroom-quit
    APP=""
else
    no classroom-quit "still running"
fi
exit $((FAILS > 0))
