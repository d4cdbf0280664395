#!/bin/sh
# Soak of the real window (issue 7): build/losscape under Xvfb receives DURATION
# seconds (default 120) of random input from xdotool: clicks, drags and wheel turns
# on the plot, clicks and drags on every widget of `losscape layout` (sliders,
# buttons, drop-downs and their lists, the lesson chooser), keys (Space N R C [ ]
# Home H F1 Esc F12 Ctrl+S Ctrl+O Ctrl+E Ctrl+= Ctrl+- B 3 L), and good and bad
# expressions typed into the f(x, y) field. Checks, one "ok NAME" / "not ok NAME"
# line each (NAME from SOAK_NAME, default "soak"):
#   NAME-window   the window appears
#   NAME-alive    the process lives through the whole run
#   NAME-repaint  every ~10 s the screen changes when H toggles the help (no hang)
#   NAME-memory   resident memory is flat after warm-up: the last sample is at most
#                 1.3 x the one at a quarter of the run + 20 MB
#   NAME-quit     Ctrl+Q at the end exits with status 0 within 3 s (past that, the
#                 threads' stacks are shown)
# Before the run a scene of 256 slow starts fills the path pool (see the warm-up
# below), so that pages touched once do not read as growth.
# The input is drawn from awk's srand(SEED); SEED defaults to a fresh one and is
# printed, so a failure can be replayed: SEED=N DURATION=S sh tests/soak/soak.sh
# (timing still varies from run to run). Scenes and screenshots go to a temporary
# --save-to directory, removed at the end. `make soak` runs it for 120 s;
# tests/soak/short.sh for 15 s in `make test`. LOSSCAPE names another binary (an
# ASan build, say), SOAK_WRAP a tool to run it under, SOAK_WAIT the seconds a slow
# one may take to show its window and to quit (default 10).

# Word splitting of action lines is on purpose; xvfb_cleanup runs from a trap.
# shellcheck disable=SC2086,SC2317

cd "$(dirname "$0")/../.." || exit 1

BIN=${LOSSCAPE:-build/losscape}
SW=1280
SH=800
DURATION=${DURATION:-120}
NAME=${SOAK_NAME:-soak}

SEED=${SEED:-$(awk 'BEGIN { srand(); print int(rand() * 1000000) }')}
export SEED DURATION NAME
. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self "$NAME" "${SW}x${SH}" $((DURATION + 100 + 2 * ${SOAK_WAIT:-10})) "$0" \
    xdotool import awk cmp

# ---- inside Xvfb -----------------------------------------------------------------

xvfb_workdir soak

echo "# $NAME: seed $SEED, $DURATION s (replay: SEED=$SEED DURATION=$DURATION sh tests/soak/soak.sh)"
now() { date +%s; }
rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$APP/status" 2>/dev/null; }
# what the app printed and did last, for failure details
last_words() {
    echo "seed $SEED; last actions:"
    tail -8 "$TMPD/actions.done" 2>/dev/null
    echo "stderr: $(tail -5 "$TMPD/app.err" 2>/dev/null)"
}

# stacks: the threads of losscape and where each waits (gdb when installed), for a
# hang's details.
stacks() {
    echo "threads: $(for t in /proc/"$APP"/task/*; do printf '%s ' "$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "$t/status")$(cat "$t/wchan" 2>/dev/null)"; done)"
    command -v gdb >/dev/null 2>&1 &&
        timeout 30 gdb -batch -p "$APP" -ex 'thread apply all bt 12' 2>/dev/null |
        grep -E '^(Thread|#)' | cut -c1-160 | head -40
}

# ---- the layout: "name x y w h" per widget, the plot's canvas ---------------------

"$BIN" layout --size "${SW}x${SH}" 2>/dev/null | tr '{' '\n' | awk '
    function num(k,   r) {
        if (!match($0, "\"" k "\":-?[0-9]+")) return ""
        r = substr($0, RSTART, RLENGTH); sub(/.*:/, "", r); return r }
    /"name":/ { n = $0; sub(/.*"name":"/, "", n); sub(/".*/, "", n)
                print n, num("x"), num("y"), num("w"), num("h") }' >"$TMPD/widgets"
"$BIN" layout --size "${SW}x${SH}" 2>/dev/null |
    sed -n 's/.*"canvas":{"x":\([0-9]*\),"y":\([0-9]*\),"w":\([0-9]*\),"h":\([0-9]*\)}.*/\1 \2 \3 \4/p' \
        >"$TMPD/canvas"
read -r CX CY CW CH <"$TMPD/canvas" || true
EXPR_W=$(awk '$1 == "expr" { print $2 + int($4 / 2), $3 + int($5 / 2) }' "$TMPD/widgets")
if [ -z "$CX" ] || [ -z "$EXPR_W" ] || [ "$(grep -c . "$TMPD/widgets")" -lt 5 ]; then
    no "$NAME-layout" "losscape layout gave no canvas, no expr field or few widgets:" \
        "$("$BIN" layout --size "${SW}x${SH}" 2>&1 | head -c 400)"
    exit 1
fi

# ---- the actions, drawn up front from the seed ------------------------------------
# One per line: click X Y BUTTON | drag X0 Y0 X1 Y1 BUTTON MOD | wheel X Y BUTTON N |
# key KEYS | expr END TEXT (END: Return or Escape) | each after a pause of P s.

awk -v seed="$SEED" -v n=$((DURATION * 25)) -v cx="$CX" -v cy="$CY" -v cw="$CW" -v ch="$CH" \
    -v sw="$SW" -v sh="$SH" -v wfile="$TMPD/widgets" '
function ri(a, b) { return a + int(rand() * (b - a + 1)) }
function pick(s,   a, k) { k = split(s, a, "|"); return a[ri(1, k)] }
function deep(d,   s, i) { s = ""; for (i = 0; i < d; i++) s = s "("; s = s "x"
                           for (i = 0; i < d; i++) s = s ")"; return s }
BEGIN {
    srand(seed)
    while ((getline line < wfile) > 0) { split(line, f, " "); nw++
        wn[nw] = f[1]; wx[nw] = f[2]; wy[nw] = f[3]; ww[nw] = f[4]; wh[nw] = f[5] }
    ne = split("x^2 + y^2|sin(3*x)*cos(3*y) + 0.1*(x^2+y^2)|(1-x)^2 + 100*(y-x^2)^2|" \
        "log(x) + y^2|sqrt(x*y)|1/(x^2+y^2)|exp(x*y)|abs(x) + relu(y)|" \
        "max(x, y)^2 + sigmoid(x*y)|0/0 + x|x^2 - y^2|atan2(y, x) * hypot(x, y)|" \
        "x + * y|foo(x)|sin(x|((((x|x)|2^|sin x|max(x)|x $ y|1e999*x|" \
        "tanh(x)^-1 + w1*w2|softplus(x) - min(x, y)", ex, "|")
    ex[++ne] = deep(260); ex[++ne] = deep(40); ex[++ne] = "x \xe2\x88\x92 y \xc2\xb7 2"
    nk = split("space|n|Right|r|c|bracketleft|bracketright|Home|h|F1|Escape|F12|" \
        "ctrl+s|ctrl+o|ctrl+e|ctrl+equal|ctrl+minus|Up|Down|space|n|Escape|b|3|l", keys, "|")
    for (i = 0; i < n; i++) {
        u = rand(); p = sprintf("%.2f", 0.02 + rand() * rand() * 0.3)
        if (u < 0.18) {          # a click on the plot: mostly left (a start), some right
            print "click", ri(cx, cx + cw - 1), ri(cy, cy + ch - 1), (rand() < 0.8 ? 1 : 3), p
        } else if (u < 0.26) {   # a drag on the plot: a start, a pan (middle or Shift)
            b = rand(); print "drag", ri(cx, cx + cw - 1), ri(cy, cy + ch - 1),
                ri(cx - 20, cx + cw + 20), ri(cy - 20, cy + ch + 20),
                (b < 0.6 ? 1 : b < 0.8 ? 2 : 1), (b >= 0.8 ? "shift" : "-"), p
        } else if (u < 0.35) {   # zoom in or out about the cursor
            print "wheel", ri(cx, cx + cw - 1), ri(cy, cy + ch - 1), (rand() < 0.5 ? 4 : 5),
                ri(1, 4), p
        } else if (u < 0.50) {   # a click on a widget
            k = ri(1, nw); print "click", ri(wx[k], wx[k] + ww[k] - 1),
                ri(wy[k], wy[k] + wh[k] - 1), 1, p
        } else if (u < 0.60) {   # a drag along a widget: moves a slider
            k = ri(1, nw); y = ri(wy[k] + 2, wy[k] + wh[k] - 3)
            print "drag", ri(wx[k], wx[k] + ww[k] - 1), y, ri(wx[k] - 30, wx[k] + ww[k] + 30),
                y + ri(-3, 3), 1, "-", p
        } else if (u < 0.67) {   # open a widget, then click in the list below it
            k = ri(1, nw); print "click", wx[k] + int(ww[k] / 2), wy[k] + int(wh[k] / 2), 1, 0.15
            print "click", ri(wx[k] - 100, wx[k] + ww[k] - 1), ri(wy[k], wy[k] + 320), 1, p
        } else if (u < 0.71) {   # anywhere in the window
            print "click", ri(0, sw - 1), ri(0, sh - 1), ri(1, 3), p
        } else if (u < 0.93) {
            print "key", keys[ri(1, nk)], p
        } else {
            print "expr", (rand() < 0.85 ? "Return" : "Escape"), ex[ri(1, ne)]
        }
    }
}' >"$TMPD/actions"

# ---- X helpers (every call bounded in time) ------------------------------------------

OX=0
OY=0
# One xdotool process per action, its commands chained: a process costs ~15 ms, and
# mousedown/mouseup are much faster than xdotool's click.
xdo() { timeout 10 xdotool "$@" >/dev/null 2>&1; }
shot() { timeout 10 import -window root "$TMPD/$1.png" 2>/dev/null; }

# act LINE: carries out one action line.
act() {
    set -- $1
    a=$1
    shift
    case $a in
    click)
        xdo mousemove $(($1 + OX)) $(($2 + OY)) mousedown "$3" mouseup "$3"
        sleep "$4"
        ;;
    drag)
        _m=""
        for k in 1 2 3 4 5; do
            _m="$_m mousemove $(($1 + OX + ($3 - $1) * k / 5)) $(($2 + OY + ($4 - $2) * k / 5)) sleep 0.02"
        done
        if [ "$6" = shift ]; then
            xdo mousemove $(($1 + OX)) $(($2 + OY)) keydown shift mousedown "$5" $_m mouseup "$5" keyup shift
        else
            xdo mousemove $(($1 + OX)) $(($2 + OY)) mousedown "$5" $_m mouseup "$5"
        fi
        sleep "$7"
        ;;
    wheel)
        _m=""
        for k in $(seq "$4"); do _m="$_m mousedown $3 mouseup $3"; done
        xdo mousemove $(($1 + OX)) $(($2 + OY)) $_m
        sleep "$5"
        ;;
    key)
        xdo key "$1"
        sleep "$2"
        ;;
    esac
}

# typeexpr END TEXT: empties the f(x, y) field, types TEXT and presses END.
typeexpr() {
    set -- $EXPR_W
    # Escape closes an open list, which would take the click
    xdo key Escape mousemove $(($1 + OX)) $(($2 + OY)) mousedown 1 mouseup 1 sleep 0.05 key End
    xdo key --repeat $((LASTLEN + 80)) --delay 1 BackSpace
    timeout 20 xdotool type --delay 2 -- "$TEXT" >/dev/null 2>&1
    LASTLEN=$(printf '%s' "$TEXT" | wc -c)
    xdo key "$END"
    sleep 0.1
}

# repainted: status 0 when a new screen shot (p1.png) differs from p0.png.
repainted() { shot p1 && ! cmp -s "$TMPD/p0.png" "$TMPD/p1.png"; }
# probe: status 0 when toggling the help changes the screen within 5 s.
PROBES=0
probe() {
    PROBES=$((PROBES + 1))
    xdo key Escape # leaves the field (keys would type into it)
    xdo key Escape # closes the help, a list or the chooser
    sleep 0.3
    shot p0 || return 1
    xdo key h
    poll 10 0.5 repainted
    _changed=$?
    xdo key Escape
    return $_changed
}

# ---- the run ----------------------------------------------------------------------------

# Warm-up: the App keeps every path's points in one pool of 256 x 5001 points (51
# MB) whose pages become resident only as paths reach them, which would read as
# growth. A scene of 256 starts at a learning rate too small to converge runs every
# path to its end at once; C then clears them, and the soak starts from there.
awk 'BEGIN { print "surface = himmelblau"; print "lr = 0.00001"
             for (i = 0; i < 256; i++) printf "start = %.3f %.3f\n", (i % 16) / 2 - 4, int(i / 16) / 2 - 4 }' \
    >"$TMPD/warm.scene"
# SOAK_WRAP runs the program under a tool, e.g. SOAK_WRAP="valgrind --leak-check=full
# --log-file=/tmp/soak-vg.log" (then set SOAK_WAIT, the seconds the window may take).
$SOAK_WRAP "$BIN" --save-to "$SAVE" --size "${SW}x${SH}" --scene "$TMPD/warm.scene" \
    >"$TMPD/app.out" 2>"$TMPD/app.err" &
APP=$!
WAIT=${SOAK_WAIT:-10}
WID=$(timeout "$WAIT" xdotool search --sync --onlyvisible --pid "$APP" 2>/dev/null | head -1)
if [ -z "$WID" ] || ! alive; then
    no "$NAME-window" "no visible window of losscape within $WAIT s" "$(head -3 "$TMPD/app.err")"
    exit 1
fi
ok "$NAME-window"
POS=$(timeout 5 xdotool getwindowgeometry "$WID" 2>/dev/null |
    sed -n 's/.*Position: *\([-0-9]*\),\([-0-9]*\).*/\1 \2/p')
OX=${POS%% *}
OY=${POS##* }
: "${OX:=0}" "${OY:=0}"
sleep 1
WARM=$(rss)
xdo key Escape key c
sleep 0.5

T0=$(now)
END_AT=$((T0 + DURATION))
NEXT_MEM=$T0
NEXT_PROBE=$((T0 + 10))
: >"$TMPD/mem"
: >"$TMPD/actions.done"
DONE=0
REPAINT_BAD=""
while IFS= read -r line; do
    t=$(now)
    [ "$t" -ge "$END_AT" ] && break
    if [ "$t" -ge "$NEXT_MEM" ]; then
        echo "$((t - T0)) $(rss)" >>"$TMPD/mem"
        NEXT_MEM=$((t + 3))
    fi
    if [ "$t" -ge "$NEXT_PROBE" ]; then
        probe || REPAINT_BAD="${REPAINT_BAD}at $((t - T0)) s; "
        NEXT_PROBE=$(($(now) + 10))
    fi
    alive || break
    echo "$line" >>"$TMPD/actions.done"
    case $line in
    expr\ *)
        END=$(printf '%s\n' "$line" | cut -d' ' -f2)
        TEXT=$(printf '%s\n' "$line" | cut -d' ' -f3-)
        typeexpr
        ;;
    *) act "$line" ;;
    esac
    DONE=$((DONE + 1))
done <"$TMPD/actions"

ELAPSED=$(($(now) - T0))
if alive; then
    ok "$NAME-alive"
else
    wait "$APP" 2>/dev/null
    no "$NAME-alive" "losscape ended (status $?) after $ELAPSED s and $DONE actions" \
        "$(last_words)"
    APP=""
    exit 1
fi

probe || REPAINT_BAD="${REPAINT_BAD}at the end; "
if [ -z "$REPAINT_BAD" ]; then
    ok "$NAME-repaint"
else
    no "$NAME-repaint" "the screen did not change within 5 s of pressing H: $REPAINT_BAD" \
        "$(last_words)" "$(stacks)"
fi

echo "$ELAPSED $(rss)" >>"$TMPD/mem"
# the sample at a quarter of the run against the last one
MEM=$(awk -v q=$((ELAPSED / 4)) '
    $2 != "" { n++; t[n] = $1; r[n] = $2 }
    END {
        if (n < 2) { print "bad too few samples"; exit }
        w = 1; for (i = 1; i <= n; i++) if (t[i] <= q) w = i
        lim = 1.3 * r[w] + 20 * 1024
        printf "%s warm-up %.1f MB at %d s, last %.1f MB at %d s, limit %.1f MB, peak ", \
            (r[n] <= lim ? "ok" : "bad"), r[w] / 1024, t[w], r[n] / 1024, t[n], lim / 1024
        p = 0; for (i = 1; i <= n; i++) if (r[i] > p) p = r[i]; printf "%.1f MB\n", p / 1024
    }' "$TMPD/mem")
case $MEM in
ok*) ok "$NAME-memory" ;;
*) no "$NAME-memory" "resident memory grew: ${MEM#bad }" \
    "samples (s kB): $(tr '\n' ' ' <"$TMPD/mem" | cut -c1-300)" ;;
esac

xdo key Escape
xdo key Escape
xdo key ctrl+q
i=0
while alive && [ $i -lt $((WAIT * 10)) ]; do
    sleep 0.1
    i=$((i + 1))
    # where a slow exit waits, taken while it still runs
    [ $i -eq 30 ] && alive && stacks >"$TMPD/stacks" 2>&1
done
if alive; then
    [ -s "$TMPD/stacks" ] || stacks >"$TMPD/stacks" 2>&1
    no "$NAME-quit" "still running $((i / 10)) s after Ctrl+Q" "$(last_words)" "$(cat "$TMPD/stacks")"
elif [ -s "$TMPD/stacks" ]; then
    wait "$APP"
    no "$NAME-quit" "Ctrl+Q took $((i / 10)) s to end the program (exit status $?)" \
        "$(last_words)" "3 s after Ctrl+Q:" "$(cat "$TMPD/stacks")"
    APP=""
else
    wait "$APP"
    rc=$?
    APP=""
    if [ "$rc" -eq 0 ]; then
        ok "$NAME-quit"
    else
        no "$NAME-quit" "exit status $rc after Ctrl+Q" "$(last_words)"
    fi
fi
echo "# $NAME: $DONE actions in $ELAPSED s, $PROBES repaint probes," \
    "$(find "$SAVE" -name '*.scene' | wc -l) scenes and $(find "$SAVE" -name '*.png' | wc -l) screenshots saved;" \
    "memory: ${WARM:-?} kB after the warm-up scene, ${MEM#* }"
[ "$FAILS" -eq 0 ]
