#!/bin/sh
# End-to-end test of the classroom features in the real window under Xvfb: zoom
# about the cursor with the wheel, Home, Shift+drag panning (checked in the saved
# scene's view), the 3-D toggle, the language toggle, the scene chooser and an F12
# screenshot. Prints "ok NAME" / "not ok NAME" lines (details as "# " lines).
cd "$(dirname "$0")/../.." || exit 1
BIN=build/losscape

if [ "${LOSSCAPE_E2E_INNER:-}" != 1 ]; then
    for try in 1 2 3; do
        out=$(LOSSCAPE_E2E_INNER=1 timeout -k 5 90 \
            xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" 2>&1)
        rc=$?
        case "$out" in *"ok classroom-started"*) break ;; esac
        sleep "$try"
    done
    printf '%s\n' "$out" | grep -E '^(ok|not ok|#) '
    exit "$rc"
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/losscape-class.XXXXXX") || exit 1
APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; rm -rf "$T"' EXIT
ok() { echo "ok $1"; }
no() { echo "not ok $1"; shift; for d in "$@"; do echo "# $d"; done; }
# shot NAME: a screenshot of the whole screen into $T/NAME.png
shot() { import -window root "$T/$1.png" 2>/dev/null; }
# differ A B X Y W H: status 0 when the region differs in more than 2% of its pixels
differ() {
    n=$(compare -metric AE -fuzz 5% "$T/$1.png[$5x$6+$3+$4]" "$T/$2.png[$5x$6+$3+$4]" \
        null: 2>&1 | cut -d' ' -f1)
    awk -v n="${n%%.*}" -v a="$(($5 * $6))" 'BEGIN { exit !(n > 0.02 * a) }'
}
# save: Ctrl+S into an empty save dir; prints the scene file's path
save() {
    rm -f "$T"/save/*
    xdotool key ctrl+s
    for i in 1 2 3 4 5 6 7 8 9 10; do
        f=$(ls "$T"/save/*.scene 2>/dev/null | head -1)
        [ -n "$f" ] && { echo "$f"; return; }
        sleep 0.2
    done
}
view() { sed -n 's/^view = //p' "$1"; }

mkdir -p "$T/save"
"$BIN" --save-to "$T/save" --size 1280x800 --lang en >"$T/log" 2>&1 &
APP=$!
xdotool search --sync --onlyvisible --pid "$APP" >/dev/null 2>&1 || { no classroom-started; exit 1; }
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
rm -f "$T"/save/*
xdotool key F12
sleep 0.8
p=$(ls "$T"/save/*.png 2>/dev/null | head -1)
[ -n "$p" ] && [ "$(identify -format %wx%h "$p")" = 1280x800 ] && ok f12-screenshot || no f12-screenshot "no 1280x800 PNG"
xdotool key ctrl+q
for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$APP" 2>/dev/null || break; sleep 0.3; done
if kill -0 "$APP" 2>/dev/null; then no classroom-quit "still running"; else ok classroom-quit; fi
APP=""
