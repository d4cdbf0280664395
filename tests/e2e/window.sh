#!/bin/sh
# End-to-end test of the real window: starts build/losscape under Xvfb, drives it
# with xdotool (clicks on the canvas, the learning-rate slider, keys, right-click,
# dragging a start point) and checks the screen (ImageMagick), the saved scenes and
# the F12 screenshot. Prints one "ok NAME" / "not ok NAME" line per check, details
# on failure as "# ..." lines. Run from anywhere: sh tests/e2e/window.sh
#
# The script re-executes itself inside `xvfb-run -a` (tests/lib/xvfb.sh); every
# wait has a time limit, and the whole run is capped by `timeout`.

# Word splitting of "X Y" pairs is on purpose; xvfb_cleanup runs from a trap.
# shellcheck disable=SC2046,SC2086,SC2317

cd "$(dirname "$0")/../.." || exit 1

BIN=build/losscape
SIZE_W=1280
SIZE_H=800

. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self window "${SIZE_W}x${SIZE_H}" 90 "$0" xdotool import convert identify od awk

# ---- inside Xvfb ---------------------------------------------------------------
xvfb_workdir e2e

# check NAME CONDITION-STATUS DETAIL...: ok when the status is 0, else no.
check() {
    name=$1
    st=$2
    shift 2
    if [ "$st" -eq 0 ]; then ok "$name"; else no "$name" "$@"; fi
}

# awk as a calculator: calc 'EXPR' prints the value with full precision.
calc() { awk "BEGIN { printf \"%.17g\\n\", $1 }" 2>/dev/null; }
# is 'CONDITION' (awk): status 0 when true.
is() { awk "BEGIN { exit !($1) }" 2>/dev/null; }

# ---- X helpers (every call bounded in time) ----

OX=0
OY=0
mouse() { timeout 5 xdotool mousemove "$(($1 + OX))" "$(($2 + OY))"; }
click() {
    mouse "$1" "$2"
    sleep 0.05
    timeout 5 xdotool click "$3"
}
key() { timeout 5 xdotool key "$@"; }
# drag X0 Y0 X1 Y1: left button down at the first point, six moves, up at the last.
drag() {
    mouse "$1" "$2"
    sleep 0.1
    timeout 5 xdotool mousedown 1
    sleep 0.1
    for k in 1 2 3 4 5 6; do
        mouse "$(($1 + ($3 - $1) * k / 6))" "$(($2 + ($4 - $2) * k / 6))"
        sleep 0.05
    done
    sleep 0.1
    timeout 5 xdotool mouseup 1
}
# shot NAME: a screenshot of the whole screen into $TMPD/NAME.png.
shot() { timeout 10 import -window root "$TMPD/$1.png" 2>/dev/null; }

# ---- image helpers (window coordinates; screen shots add the offset) ----

# pixels IMG W H X Y [DX DY]: the pixels of a rectangle, one "R G B" line each,
# row by row; DX DY is added to X Y (the window's offset in screen shots).
pixels() {
    convert "$1" -crop "${2}x${3}+$(($4 + ${6:-0}))+$(($5 + ${7:-0}))" +repage \
        -depth 8 rgb:- 2>/dev/null | od -An -v -tu1 |
        awk '{ for (i = 1; i <= NF; i++) v[n++] = $i }
             END { for (j = 0; j + 2 < n; j += 3) print v[j], v[j + 1], v[j + 2] }'
}
spix() { pixels "$1" 1 1 "$2" "$3" "$OX" "$OY"; } # one pixel of a screen shot
fpix() { pixels "$1" 1 1 "$2" "$3"; }            # one pixel of a saved PNG
# mean IMG W H X Y: mean grey level (0..1) of a rectangle of a screen shot.
mean() {
    convert "$1" -crop "${2}x${3}+$(($4 + OX))+$(($5 + OY))" +repage -colorspace gray \
        -format '%[fx:mean]' info: 2>/dev/null
}
whiteish() { echo "$1" | awk '{ exit !($1 >= 200 && $2 >= 200 && $3 >= 200) }'; }

# ---- files ----

# saved EXT: prints the path of the one time-stamped file in $SAVE (the temporary
# file of an atomic save does not match); status 1 when there is none.
saved() {
    d8='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
    d6='[0-9][0-9][0-9][0-9][0-9][0-9]'
    for f in "$SAVE"/losscape-*; do
        # shellcheck disable=SC2254 # the patterns are meant to be patterns
        case ${f##*/} in
        losscape-$d8-$d6.$1 | losscape-$d8-$d6-[0-9]*.$1)
            echo "$f"
            return 0
            ;;
        esac
    done
    return 1
}
# wait_saved EXT: waits up to 5 s for saved EXT and prints the path.
wait_saved() { poll 50 0.1 saved "$1"; }
# save_scene NAME: empties $SAVE, presses Ctrl+S and copies the new scene to
# $TMPD/NAME.scene; status 1 when none appeared.
save_scene() {
    rm -f "$SAVE"/*
    key ctrl+s
    f=$(wait_saved scene) || return 1
    sleep 0.1
    cp "$f" "$TMPD/$1.scene"
}
# scene_val FILE KEY: the value of the first KEY line.
scene_val() {
    sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" 2>/dev/null | head -1 |
        sed 's/[[:space:]]*$//'
}
scene_starts() { sed -n 's/^[[:space:]]*start[[:space:]]*=[[:space:]]*//p' "$1" 2>/dev/null; }
scene_nstarts() { scene_starts "$1" | grep -c .; }
# scene_dump FILE: the keys the checks read, on one line.
scene_dump() {
    if [ -f "$1" ]; then
        grep -E "^[[:space:]]*(surface|expr|view|lr|start)[[:space:]]*=" "$1" | tr "\n" ";"
        echo
    else
        echo "(no scene was saved)"
    fi
}

# ---- the layout ------------------------------------------------------------------

LAYOUT=$TMPD/layout.json
"$BIN" layout --size "${SIZE_W}x${SIZE_H}" >"$LAYOUT" 2>"$TMPD/layout.err"
# objects: one JSON object (up to its first "}") per line.
objects() { awk 'BEGIN { RS = "}" } { gsub(/\n/, ""); print $0 "}" }' "$LAYOUT"; }
num() {
    printf '%s\n' "$1" |
        sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\\(-\\{0,1\\}[0-9][0-9.eE+-]*\\).*/\\1/p" |
        head -1
}
named() { objects | grep "\"name\"[[:space:]]*:[[:space:]]*\"$1\"" | head -1; }

COBJ=$(objects | grep '"canvas"' | sed 's/.*"canvas"[[:space:]]*:[[:space:]]*//')
CX=$(num "$COBJ" x)
CY=$(num "$COBJ" y)
CW=$(num "$COBJ" w)
CH=$(num "$COBJ" h)
VOBJ=$(objects | grep '"view"' | sed 's/.*"view"[[:space:]]*:[[:space:]]*//')
VX0=$(num "$VOBJ" x0)
VX1=$(num "$VOBJ" x1)
VY0=$(num "$VOBJ" y0)
VY1=$(num "$VOBJ" y1)
: "${VX0:=-5}" "${VX1:=5}" "${VY0:=-5}" "${VY1:=5}"
LROBJ=$(named lr)
LRX=$(num "$LROBJ" x)
LRY=$(num "$LROBJ" y)
LRW=$(num "$LROBJ" w)
LRH=$(num "$LROBJ" h)
SOBJ=$(named status)
SX=$(num "$SOBJ" x)
SY=$(num "$SOBJ" y)
SW=$(num "$SOBJ" w)
SH=$(num "$SOBJ" h)
: "${SX:=0}" "${SY:=$((SIZE_H - 30))}" "${SW:=$SIZE_W}" "${SH:=30}"

if [ -n "$CX" ] && [ -n "$CY" ] && [ -n "$CW" ] && [ -n "$CH" ] && [ -n "$LRX" ] &&
    [ -n "$LRW" ] && [ "$CW" -gt 0 ] && [ "$CH" -gt 0 ] && [ "$LRW" -gt 40 ] &&
    [ $((CX + CW)) -le "$SIZE_W" ] && [ $((CY + CH)) -le "$SIZE_H" ]; then
    ok layout-json
else
    no layout-json "losscape layout --size ${SIZE_W}x${SIZE_H} gave no usable canvas/lr:" \
        "$(head -c 600 "$LAYOUT")" "$(head -3 "$TMPD/layout.err")"
    exit 1
fi

# Parameters <-> pixels of the plot (pixel column i spans [i, i+1)).
# px_of X Y: the pixel "I J" holding the point; par_of I J: the pixel centre "X Y".
px_of() {
    awk -v x="$1" -v y="$2" -v cx="$CX" -v cy="$CY" -v cw="$CW" -v ch="$CH" \
        -v x0="$VX0" -v x1="$VX1" -v y0="$VY0" -v y1="$VY1" 'BEGIN {
        i = cx + (x - x0) / (x1 - x0) * cw + 1e-9; j = cy + (y1 - y) / (y1 - y0) * ch + 1e-9
        printf "%d %d\n", (i >= 0 ? int(i) : int(i) - 1), (j >= 0 ? int(j) : int(j) - 1) }'
}
par_of() {
    awk -v i="$1" -v j="$2" -v cx="$CX" -v cy="$CY" -v cw="$CW" -v ch="$CH" \
        -v x0="$VX0" -v x1="$VX1" -v y0="$VY0" -v y1="$VY1" 'BEGIN {
        printf "%.17g %.17g\n", x0 + (i + 0.5 - cx) / cw * (x1 - x0),
                               y1 - (j + 0.5 - cy) / ch * (y1 - y0) }'
}
# start_near FILE X Y: status 0 when FILE has exactly one start, within one pixel's
# worth of parameter units of (X, Y).
start_near() {
    [ "$(scene_nstarts "$1")" -eq 1 ] || return 1
    scene_starts "$1" | awk -v ex="$2" -v ey="$3" -v tx="$(calc "($VX1 - $VX0) / $CW")" \
        -v ty="$(calc "($VY1 - $VY0) / $CH")" \
        'NF == 2 { d = $1 - ex; e = $2 - ey; exit !(d <= tx && -d <= tx && e <= ty && -e <= ty) }
         { exit 1 }'
}

# The learning-rate slider: log scale 1e-5..10 over [x + 9, x + w - 9].
TR0=$((LRX + 9))
TR1=$((LRX + LRW - 9))
KY=$((LRY + LRH / 2))
# lr_px LR: the slider pixel column of a learning rate.
lr_px() {
    awk -v lr="$1" -v a="$TR0" -v b="$TR1" \
        'BEGIN { t = log(lr / 1e-5) / log(1e6); printf "%d\n", int(a + (b - a) * t + 0.5) }'
}

# ---- start the window ------------------------------------------------------------

"$BIN" --save-to "$SAVE" --size "${SIZE_W}x${SIZE_H}" >"$TMPD/app.out" 2>"$TMPD/app.err" &
APP=$!
# by process, not by name: xdotool's --name cannot match a UTF-8 WM_NAME
WID=$(timeout 10 xdotool search --sync --onlyvisible --pid "$APP" 2>/dev/null | head -1)
if [ -n "$WID" ] && kill -0 "$APP" 2>/dev/null; then
    ok window-appears
else
    no window-appears "no visible window of losscape (pid $APP) within 10 s" "$(head -5 "$TMPD/app.err")"
    exit 1
fi

GEOM=$(timeout 5 xdotool getwindowgeometry "$WID" 2>/dev/null)
POS=$(printf '%s\n' "$GEOM" | sed -n 's/.*Position: *\([-0-9]*\),\([-0-9]*\).*/\1 \2/p')
WSZ=$(printf '%s\n' "$GEOM" | sed -n 's/.*Geometry: *\([0-9]*x[0-9]*\).*/\1/p')
OX=${POS%% *}
OY=${POS##* }
: "${OX:=0}" "${OY:=0}"
[ "$WSZ" = "${SIZE_W}x${SIZE_H}" ] && [ "$OX" -ge 0 ] && [ "$OY" -ge 0 ]
check window-geometry $? "expected a ${SIZE_W}x${SIZE_H} window on screen, got:" "$GEOM"

# titled: status 0 when the window's title, read into TITLE, names himmelblau
titled() {
    TITLE=$(timeout 5 xdotool getwindowname "$WID" 2>/dev/null)
    [ "$TITLE" = "losscape — himmelblau" ]
}
poll 30 0.1 titled
st=$?
NAMES=""
[ $st -ne 0 ] && command -v xprop >/dev/null 2>&1 &&
    NAMES=$(timeout 5 xprop -id "$WID" _NET_WM_NAME WM_NAME 2>/dev/null | tr '\n' ' ')
check window-title $st "title is '$TITLE', expected 'losscape — himmelblau' (DESIGN 8)" "$NAMES"

K0=$(lr_px 0.01)
# first_frame: status 0 when a screen shot (a.png) shows the slider's knob
first_frame() {
    shot a
    whiteish "$(spix "$TMPD/a.png" "$K0" "$KY")"
}
poll 10 0.3 first_frame # until the first frame shows (3 s at most)

# The knob of the learning-rate slider sits at the default 0.01: white face at its
# centre, the blue ring (38,99,220) above and below it.
kc=$(spix "$TMPD/a.png" "$K0" "$KY")
kt=$(spix "$TMPD/a.png" "$K0" $((KY - 9)))
kb=$(spix "$TMPD/a.png" "$K0" $((KY + 9)))
blue() { echo "$1" | awk '{ exit !($3 >= 170 && $1 <= 110 && $3 - $1 >= 100) }'; }
whiteish "$kc" && blue "$kt" && blue "$kb"
check lr-knob-initial $? "knob expected at x=$K0 y=$KY (lr 0.01): centre ($kc) top ($kt) bottom ($kb)"

# ---- 1. a left click on the canvas adds a start marker ------------------------------

set -- $(px_of 1 -1)
PI=$1
PJ=$2
set -- $(par_of "$PI" "$PJ")
EX=$1
EY=$2
click "$PI" "$PJ" 1
# the white ring of the first path: radius 6.5 around the start
ring_white() { # IMG PIXFN CX CY: status 0 when the 4 ring points are white-ish
    r1=$($2 "$1" $(($3 + 6)) "$4")
    r2=$($2 "$1" $(($3 - 7)) "$4")
    r3=$($2 "$1" "$3" $(($4 - 7)))
    r4=$($2 "$1" "$3" $(($4 + 6)))
    RING="($r1) ($r2) ($r3) ($r4)"
    whiteish "$r1" && whiteish "$r2" && whiteish "$r3" && whiteish "$r4"
}
# marker_shown: status 0 when a screen shot (b.png) shows the ring
marker_shown() {
    shot b
    ring_white "$TMPD/b.png" spix "$PI" "$PJ"
}
poll 10 0.3 marker_shown # until the marker shows (3 s at most)
RB=$RING
changed=$({
    pixels "$TMPD/a.png" 31 31 $((PI - 15)) $((PJ - 15)) "$OX" "$OY"
    echo ---
    pixels "$TMPD/b.png" 31 31 $((PI - 15)) $((PJ - 15)) "$OX" "$OY"
} | awk '$1 == "---" { second = 1; next }
         !second { a[n++] = $0; next }
         { split(a[m++], p, " "); d = 0
           for (k = 1; k <= 3; k++) { e = $k - p[k]; if (e < 0) e = -e; if (e > d) d = e }
           if (d > 40) c++ }
         END { print c + 0 }')
ring_white "$TMPD/b.png" spix "$PI" "$PJ"
rb=$?
ring_white "$TMPD/a.png" spix "$PI" "$PJ"
ra=$?
[ "$changed" -ge 60 ] && [ $rb -eq 0 ] && [ $ra -ne 0 ]
check click-adds-start-marker $? "clicked pixel ($PI, $PJ): $changed of 961 pixels nearby changed (want >= 60)" \
    "ring pixels after: $RB (want white-ish); before: $RING (want not all white)"

# ---- 2. drag the learning-rate slider to about 0.05 ---------------------------------

K1=$(lr_px 0.05)
drag "$K0" "$KY" "$K1" "$KY"
sleep 0.4

# ---- 3. Ctrl+S and F12 ----------------------------------------------------------

rm -f "$SAVE"/*
key ctrl+s
sleep 0.2
key F12
SC1=$(wait_saved scene)
s1=$?
PNG1=$(wait_saved png)
s2=$?
[ $s1 -eq 0 ] && cp "$SC1" "$TMPD/s1.scene"
[ $s2 -eq 0 ] && sleep 0.2 && cp "$PNG1" "$TMPD/shot.png"
[ $s1 -eq 0 ] && [ $s2 -eq 0 ]
check save-scene-and-screenshot $? "after Ctrl+S and F12, $SAVE holds:" "$(ls -l "$SAVE")"

S1=$TMPD/s1.scene
[ "$(scene_val "$S1" surface)" = himmelblau ] && [ -z "$(scene_val "$S1" expr)" ]
check scene-surface $? "expected 'surface = himmelblau' in the saved scene:" "$(scene_dump "$S1")"

scene_val "$S1" view | awk -v a="$VX0" -v b="$VX1" -v c="$VY0" -v d="$VY1" \
    'NF == 4 && $1 == a && $2 == b && $3 == c && $4 == d { ok = 1 } END { exit !ok }'
check scene-view $? "expected 'view = $VX0 $VX1 $VY0 $VY1' (the layout's view):" "$(scene_dump "$S1")"

start_near "$S1" "$EX" "$EY"
check scene-one-start-at-click $? "clicked pixel ($PI, $PJ) = ($EX, $EY) +- one pixel; the scene has:" \
    "$(scene_dump "$S1")"

LR1=$(scene_val "$S1" lr)
# within 3 pixels of the slider's track (6 decades over TR1 - TR0 pixels) of 0.05
is "\"$LR1\" + 0 > 0 && (l = log($LR1 / 0.05) / log(10)) <= 18 / ($TR1 - $TR0) &&
    -l <= 18 / ($TR1 - $TR0) && log($LR1 / 0.01) / log(10) > 0.3"
check scene-lr-from-slider $? "dragged the knob from x=$K0 to x=$K1 (lr 0.05); the scene says lr = '$LR1'" \
    "(want within 3 px = a factor $(calc "10 ^ (18 / ($TR1 - $TR0))") of 0.05)"

# ---- 4. the F12 screenshot -------------------------------------------------------

P=$TMPD/shot.png
dim=$(identify -format '%wx%h' "$P" 2>/dev/null)
[ "$dim" = "${SIZE_W}x${SIZE_H}" ]
check png-size $? "identify says '$dim', want ${SIZE_W}x${SIZE_H}"

# The start as saved, in pixels (the marker's centre), and the path's points.
set -- $(scene_starts "$S1" | head -1) 0 0
SPX=$(calc "$CX + ($1 - ($VX0)) / ($VX1 - ($VX0)) * $CW")
SPY=$(calc "$CY + (($VY1) - $2) / ($VY1 - ($VY0)) * $CH")
SI=$(awk -v v="$SPX" 'BEGIN { print int(v) }')
SJ=$(awk -v v="$SPY" 'BEGIN { print int(v) }')
"$BIN" trace --start "$1,$2" --lr "${LR1:-0.05}" --steps 400 >"$TMPD/path.csv" 2>/dev/null

# The pixel of the plot farthest from the path among a few candidates (fractions
# of the view): its 9x9 block must be the viridis heat-map (contour lines aside).
best=$(awk -F, -v cx="$CX" -v cy="$CY" -v cw="$CW" -v ch="$CH" -v x0="$VX0" -v x1="$VX1" \
    -v y0="$VY0" -v y1="$VY1" '
    function px(x) { return cx + (x - x0) / (x1 - x0) * cw }
    function py(y) { return cy + (y1 - y) / (y1 - y0) * ch }
    function segd(p, q, ax, ay, bx, by,   dx, dy, t, l2) {
        dx = bx - ax; dy = by - ay; l2 = dx * dx + dy * dy
        t = l2 > 0 ? ((p - ax) * dx + (q - ay) * dy) / l2 : 0
        t = t < 0 ? 0 : t > 1 ? 1 : t
        return sqrt((p - ax - t * dx) ^ 2 + (q - ay - t * dy) ^ 2)
    }
    NR > 1 && NF >= 5 {
        x = $4 + 0; y = $5 + 0
        if (!(x == x && y == y) || x > 1e300 || x < -1e300 || y > 1e300 || y < -1e300) exit
        X[n] = px(x); Y[n] = py(y)
        if (n > 0) { # keep a far point on its line, 1e5 pixels away at most
            dx = X[n] - X[n - 1]; dy = Y[n] - Y[n - 1]; l = sqrt(dx * dx + dy * dy)
            if (l > 1e5) { X[n] = X[n - 1] + dx / l * 1e5; Y[n] = Y[n - 1] + dy / l * 1e5; far = 1 }
        }
        n++
        if (far) exit
    }
    END {
        split("0.45 0.45 0.4 0.6 0.55 0.9 0.1 0.55 0.6 0.08 0.9 0.5 0.2 0.9", f, " ")
        bd = -1
        for (k = 1; k < 14; k += 2) {
            p = int(cx + f[k] * cw) + 0.5; q = int(cy + (1 - f[k + 1]) * ch) + 0.5
            d = 1e9
            for (i = 0; i < n; i++) {
                e = (i > 0) ? segd(p, q, X[i - 1], Y[i - 1], X[i], Y[i]) : segd(p, q, X[0], Y[0], X[0], Y[0])
                if (e < d) d = e
            }
            if (d > bd) { bd = d; bp = int(p); bq = int(q) }
        }
        printf "%d %d %d %d\n", bp, bq, bd, n
    }' "$TMPD/path.csv")
set -- $best
VI=$1
VJ=$2
VD=$3
VN=$4
VIRIDIS="68 1 84 71 13 96 72 24 106 72 35 116 71 45 123 69 55 129 66 64 134 62 73 137 59 82 139
55 91 141 51 99 141 47 107 142 44 114 142 41 122 142 38 130 142 35 137 142 33 145 140 31 152 139
31 160 136 34 167 133 40 174 128 50 182 122 63 188 115 78 195 107 94 201 98 112 207 87 132 212 75
152 216 62 173 220 48 194 223 35 216 226 25 236 229 27 253 231 37"
vfrac=$(pixels "$P" 9 9 $((VI - 4)) $((VJ - 4)) | awk -v tab="$VIRIDIS" '
    BEGIN { m = split(tab, t, /[ \n]+/) / 3 }
    { best = 1e9
      for (k = 0; k + 1 < m; k++) { # distance to the polyline through the anchors
          ar = t[3 * k + 1]; ag = t[3 * k + 2]; ab = t[3 * k + 3]
          dr = t[3 * k + 4] - ar; dg = t[3 * k + 5] - ag; db = t[3 * k + 6] - ab
          l2 = dr * dr + dg * dg + db * db
          u = (($1 - ar) * dr + ($2 - ag) * dg + ($3 - ab) * db) / l2
          u = u < 0 ? 0 : u > 1 ? 1 : u
          d = sqrt(($1 - ar - u * dr) ^ 2 + ($2 - ag - u * dg) ^ 2 + ($3 - ab - u * db) ^ 2)
          if (d < best) best = d }
      if (best <= 12) good++; n++ }
    END { printf "%.2f\n", n ? good / n : 0 }')
centre=$(fpix "$P" "$VI" "$VJ")
[ "$VN" -gt 0 ] && [ "$VD" -ge 40 ] && is "$vfrac >= 0.6"
check png-heatmap-viridis $? "pixel ($VI, $VJ), $VD px from the path ($VN points):" \
    "fraction of its 9x9 block on the viridis curve: $vfrac (want >= 0.6); centre ($centre)"

ring_white "$P" fpix "$SI" "$SJ"
check png-start-marker $? "start at pixel ($SPX, $SPY): ring pixels at radius ~6.5: $RING (want white-ish)"

sfrac=$(pixels "$P" "$SW" $((SH - 1)) "$SX" $((SY + 1)) |
    awk '{ if ($1 == 240 && $2 == 241 && $3 == 244) g++; n++ } END { printf "%.3f\n", n ? g / n : 0 }')
scorner=$(fpix "$P" $((SX + SW - 4)) $((SY + SH / 2)))
[ "$scorner" = "240 241 244" ] && is "$sfrac >= 0.8"
check png-status-line $? "status line ($SX,$SY ${SW}x$SH): $sfrac of its pixels are (240,241,244) (want >= 0.8);" \
    "right end pixel ($scorner)"

kc=$(fpix "$P" "$K1" "$KY")
kt=$(fpix "$P" "$K1" $((KY - 9)))
kb=$(fpix "$P" "$K1" $((KY + 9)))
whiteish "$kc" && blue "$kt" && blue "$kb"
check png-lr-knob-moved $? "knob expected at x=$K1 y=$KY: centre ($kc) top ($kt) bottom ($kb)"

# ---- 5. keys ---------------------------------------------------------------------

# The help overlay: a white box in the middle of the window, a dark shade elsewhere.
BXW=200
BXH=80
BXX=$((SIZE_W / 2 - BXW / 2))
BXY=$((SIZE_H / 2 - 140))
LSX=$((CX + 5))
LSW=$((SIZE_W / 2 - 290 - CX - 5))
[ "$LSW" -lt 20 ] && LSW=20
LSY=$((CY + 5))
LSH=$((CH - 10))
shot h0
mb0=$(mean "$TMPD/h0.png" $BXW $BXH $BXX $BXY)
ml0=$(mean "$TMPD/h0.png" $LSW $LSH $LSX $LSY)
# help_shown: status 0 when a screen shot (h1.png) shows the overlay: the centre
# white (mean grey mb1), the plot's left strip darker (ml1)
help_shown() {
    shot h1
    mb1=$(mean "$TMPD/h1.png" $BXW $BXH $BXX $BXY)
    ml1=$(mean "$TMPD/h1.png" $LSW $LSH $LSX $LSY)
    is "$mb1 >= 0.8 && $mb1 - $mb0 >= 0.1 && $ml1 < 0.8 * $ml0"
}
key h
poll 10 0.3 help_shown # until the overlay shows (3 s at most)
st=$?
OPENED=$st
check help-overlay-opens "$st" "mean grey of the centre ${BXW}x$BXH+$BXX+$BXY: $mb0 -> $mb1 (want >= 0.8, up by 0.1)" \
    "mean grey of the plot's left strip ${LSW}x$LSH+$LSX+$LSY: $ml0 -> $ml1 (want darker, < 0.8x)"
# help_gone: status 0 when a screen shot (h2.png) is back as before the help
# (mean greys mb2, ml2)
help_gone() {
    shot h2
    mb2=$(mean "$TMPD/h2.png" $BXW $BXH $BXX $BXY)
    ml2=$(mean "$TMPD/h2.png" $LSW $LSH $LSX $LSY)
    is "($mb2 - $mb0) ^ 2 < 0.0004 && ($ml2 - $ml0) ^ 2 < 0.0004"
}
key Escape
poll 10 0.3 help_gone # until the screen is back as it was (3 s at most)
st=$?
[ "$OPENED" -eq 0 ] && [ "$st" -eq 0 ]
check help-overlay-closes $? "after Escape: centre $mb2 (before help $mb0), left strip $ml2 (before $ml0)" \
    "(the overlay must have opened first: $([ "$OPENED" -eq 0 ] && echo it did || echo it did not))"

# C must clear the path of the first click (the first scene had one start).
NS1=$(scene_nstarts "$S1")
key c
sleep 0.3
save_scene s2
s=$?
[ "$NS1" -ge 1 ] && [ $s -eq 0 ] && [ "$(scene_nstarts "$TMPD/s2.scene")" -eq 0 ] &&
    [ "$(scene_val "$TMPD/s2.scene" lr)" = "$LR1" ]
check key-c-clears-paths $? "$NS1 start(s) before C; after C and Ctrl+S (saved: $s) want none and lr = $LR1:" \
    "$(scene_dump "$TMPD/s2.scene")"

key bracketright
sleep 0.2
key bracketright
sleep 0.3
save_scene s3
LR3=$(scene_val "$TMPD/s3.scene" lr)
is "\"$LR3\" + 0 > 0 && (r = $LR3 / ($LR1 * sqrt(10)) - 1) < 1e-9 && -r < 1e-9"
check key-rbracket-raises-lr $? "] twice: lr $LR1 -> '$LR3', want x 10^(1/2) = $(calc "$LR1 * sqrt(10)")"

key bracketleft
sleep 0.2
key bracketleft
sleep 0.3
save_scene s4
LR4=$(scene_val "$TMPD/s4.scene" lr)
is "\"$LR4\" + 0 > 0 && (r = $LR4 / $LR1 - 1) < 1e-9 && -r < 1e-9"
check key-lbracket-lowers-lr $? "[ twice: lr $LR3 -> '$LR4', want $LR1 (/ 10^(1/2))"

# ---- 6. right click removes a start ---------------------------------------------

set -- $(px_of -1 2)
QI=$1
QJ=$2
set -- $(par_of "$QI" "$QJ")
click "$QI" "$QJ" 1
sleep 0.4
save_scene s5
start_near "$TMPD/s5.scene" "$1" "$2"
check right-click-setup-adds-start $? "left click at pixel ($QI, $QJ) = ($1, $2):" "$(scene_dump "$TMPD/s5.scene")"
click "$QI" "$QJ" 3
sleep 0.4
save_scene s6
s=$?
[ $s -eq 0 ] && [ "$(scene_nstarts "$TMPD/s6.scene")" -eq 0 ]
check right-click-removes-start $? "right click at pixel ($QI, $QJ) should remove the start:" \
    "$(scene_dump "$TMPD/s6.scene")"

# ---- 7. drag a start point -------------------------------------------------------

set -- $(px_of -2 -1)
AI=$1
AJ=$2
set -- $(px_of 0.5 1.5)
BI=$1
BJ=$2
set -- $(par_of "$BI" "$BJ")
BX=$1
BY=$2
click "$AI" "$AJ" 1
sleep 0.4
drag "$AI" "$AJ" "$BI" "$BJ"
sleep 0.4
save_scene s7
start_near "$TMPD/s7.scene" "$BX" "$BY"
check drag-moves-start $? "dragged the start from pixel ($AI, $AJ) to ($BI, $BJ) = ($BX, $BY):" \
    "$(scene_dump "$TMPD/s7.scene")"

# ---- 8. still alive; Ctrl+Q quits cleanly ----------------------------------------

alive
check alive-throughout $? "losscape ended before Ctrl+Q:" "$(head -5 "$TMPD/app.err")"

key ctrl+q
if ! poll 30 0.1 ended; then
    no quit-ctrl-q "losscape still runs 3 s after Ctrl+Q"
else
    wait "$APP"
    rc=$?
    APP=""
    [ "$rc" -eq 0 ]
    check quit-ctrl-q $? "exit status $rc after Ctrl+Q, want 0" "$(head -5 "$TMPD/app.err")"
fi

exit $((FAILS > 0))
