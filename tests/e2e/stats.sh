#!/bin/sh
# The window's own frame times (--stats) while the learning-rate slider is dragged
# with 16 paths (tests/e2e/stats16.scene), in the real window under Xvfb, driven by
# xdotool; also its resident memory after the first frames and its processor time
# while it sits paused. Checks only what cannot fail on a busy machine: the stats
# line is there, enough frames were counted, the percentiles are finite and
# ordered, the frame's parts (events, tick, draw, present) lie within the whole,
# and paused it uses at most 1 % of a core (issue 6: idle ~0 %). The timing
# targets are make bench's business (scripts/bench.sh runs this script with
# STATS_OUT set).
#
# Environment: STATS_SIZE=WxH (window and screen, default 1280x800); STATS_MOVES
# (slider moves, default 120); STATS_IDLE (seconds paused, default 5);
# STATS_OUT=FILE appends one line
# "size=WxH rss_kb=N hwm_kb=N idle_s=S idle_ticks=N hz=HZ <the stats line>" to FILE.
# Prints "ok NAME" / "not ok NAME" lines (details as "# " lines).

# Word splitting of "X Y" pairs is on purpose.
# shellcheck disable=SC2046,SC2086

cd "$(dirname "$0")/../.." || exit 1
BIN=build/losscape
SIZE=${STATS_SIZE:-1280x800}
MOVES=${STATS_MOVES:-120}
IDLE=${STATS_IDLE:-5}

. tests/lib/xvfb.sh
. tests/lib/check.sh
xvfb_run_self stats "$SIZE" 90 "$0" xdotool import convert awk

xvfb_workdir stats
# num JSON-OBJECT KEY: the number after "KEY":
num() { printf '%s\n' "$1" | sed -n "s/.*\"$2\" *: *\(-\{0,1\}[0-9][0-9.]*\).*/\1/p" | head -1; }

# The slider "lr" from the layout: log scale 1e-5..10 over [x + 9, x + w - 9].
LR=$("$BIN" layout --size "$SIZE" | awk 'BEGIN { RS = "}" } /"name" *: *"lr"/ { gsub(/\n/, ""); print }')
LRX=$(num "$LR" x)
LRY=$(num "$LR" y)
LRW=$(num "$LR" w)
LRH=$(num "$LR" h)
if [ -z "$LRX" ] || [ -z "$LRW" ] || [ "$LRW" -lt 40 ]; then
    no stats-layout "losscape layout --size $SIZE gave no slider 'lr': $LR"
    exit 1
fi
lr_px() {
    awk -v lr="$1" -v a=$((LRX + 9)) -v b=$((LRX + LRW - 9)) \
        'BEGIN { printf "%d\n", a + (b - a) * log(lr / 1e-5) / log(1e6) + 0.5 }'
}
KY=$((LRY + LRH / 2))
K0=$(lr_px 0.01) # the scene's learning rate: where the knob is
KA=$(lr_px 0.001)
KB=$(lr_px 0.05)

"$BIN" --stats --save-to "$SAVE" --size "$SIZE" --scene tests/e2e/stats16.scene >"$TMPD/out" 2>"$TMPD/err" &
APP=$!
WID=$(timeout 10 xdotool search --sync --onlyvisible --pid "$APP" 2>/dev/null | head -1)
if [ -z "$WID" ]; then
    no stats-window-appears "no window of losscape (pid $APP) within 10 s" "$(head -3 "$TMPD/err")"
    exit 1
fi
ok stats-window-appears
# The window runs itself again with OpenMP's threads sleeping while they wait
# (src/app/cores.c), unless the environment chose how they wait.
if [ -z "${OMP_WAIT_POLICY:-}${GOMP_SPINCOUNT:-}" ]; then
    if tr '\0' '\n' <"/proc/$APP/environ" | grep -qx 'OMP_WAIT_POLICY=passive'; then
        ok stats-wait-passive
    else
        no stats-wait-passive "the window (pid $APP) runs without OMP_WAIT_POLICY=passive"
    fi
fi
POS=$(timeout 5 xdotool getwindowgeometry "$WID" | sed -n 's/.*Position: *\([0-9]*\),\([0-9]*\).*/\1 \2/p')
OX=${POS%% *}
OY=${POS##* }
: "${OX:=0}" "${OY:=0}"
sleep 1 # the first frames, and the paths' animation under way

# One xdotool process for the whole drag: down on the knob, MOVES moves back and
# forth between lr 0.001 and 0.05 about 60 a second, up.
set -- mousemove $((K0 + OX)) $((KY + OY)) sleep 0.1 mousedown 1 sleep 0.05
i=0
while [ $i -lt "$MOVES" ]; do
    k=$((i % 40))
    [ $k -ge 20 ] && k=$((40 - k))
    set -- "$@" mousemove $((KA + (KB - KA) * k / 20 + OX)) $((KY + OY)) sleep 0.016
    i=$((i + 1))
done
timeout 60 xdotool "$@" mouseup 1
sleep 0.3
# resident memory now and at its peak, after every kind of frame has been drawn
RSS=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP/status" 2>/dev/null)
HWM=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP/status" 2>/dev/null)

# Idle: the paths restarted (R, so they would move) and paused at once (Space),
# the mouse still: the window should sleep. Its processor time (utime + stime of
# /proc/PID/stat, all threads, in clock ticks) over IDLE seconds: at most 1 % of
# one core.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat" 2>/dev/null; }
HZ=$(getconf CLK_TCK)
timeout 5 xdotool key r space
sleep 0.5 # the frame that shows "Paused"
C0=$(cpu_ticks)
sleep "$IDLE"
C1=$(cpu_ticks)
IDLE_TICKS=$((${C1:-0} - ${C0:-0}))
if [ -n "$C0" ] && [ -n "$C1" ] && [ "$IDLE_TICKS" -le $((IDLE * HZ / 100)) ]; then
    ok stats-idle
else
    no stats-idle "want at most $((IDLE * HZ / 100)) clock ticks (1 % of a core at $HZ Hz) over" \
        "$IDLE s paused, got ${IDLE_TICKS} (from '${C0}' to '${C1}')"
fi
timeout 5 xdotool key ctrl+q
if ! poll 50 0.1 ended; then
    no stats-quit "still running 5 s after Ctrl+Q" "$(head -3 "$TMPD/err")"
    exit 1
fi
wait "$APP"
rc=$?
APP=""
[ "$rc" -eq 0 ] && ok stats-quit || no stats-quit "exit status $rc after Ctrl+Q" "$(head -3 "$TMPD/err")"

LINE=$(grep '^losscape stats: ' "$TMPD/err" | tail -1)
if [ -z "$LINE" ]; then
    no stats-line "no 'losscape stats:' line on stderr:" "$(head -5 "$TMPD/err")"
    exit 1
fi
ok stats-line
[ -n "${STATS_OUT:-}" ] &&
    echo "size=$SIZE rss_kb=${RSS:-0} hwm_kb=${HWM:-0} idle_s=$IDLE idle_ticks=$IDLE_TICKS" \
        "hz=$HZ ${LINE#losscape stats: }" >>"$STATS_OUT"

# Every frame of the drag is drawn: at least a third of the moves must show.
echo "$LINE" | awk -v moves="$MOVES" '
    { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END {
        fin = 1
        split("p50 p90 p99 max ip50 ip90 ip99 imax first_frame_ms", k, " ")
        for (i = 1; i in k; i++) {
            x = v[k[i]]
            if (x !~ /^[0-9]+(\.[0-9]+)?$/) fin = 0
        }
        ordered = v["p50"] + 0 <= v["p90"] && v["p90"] + 0 <= v["p99"] && v["p99"] + 0 <= v["max"] &&
            v["ip50"] + 0 <= v["ip90"] && v["ip90"] + 0 <= v["ip99"] && v["ip99"] + 0 <= v["imax"]
        exit !(fin && ordered && v["frames"] >= moves / 3 && v["p50"] > 0 && v["first_frame_ms"] > 0)
    }'
[ $? -eq 0 ] && ok stats-values ||
    no stats-values "want frames >= $MOVES / 3, finite ordered percentiles, first_frame_ms > 0:" "$LINE"

# The parts of a frame, each within the whole frame (frame by frame, so also its
# p50 <= the frame's p50 and its max <= the frame's max), something drawn in every
# frame, the part that dominated the slowest frame named, within its time, and
# which frame that was (after the first, the slowest after the first is the max).
echo "$LINE" | awk '
    { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END {
        ok = 1
        split("events tick draw present", p, " ")
        for (i = 1; i in p; i++) {
            a = v[p[i] "_p50"]; b = v[p[i] "_max"]
            if (a !~ /^[0-9]+(\.[0-9]+)?$/ || b !~ /^[0-9]+(\.[0-9]+)?$/) ok = 0
            if (a + 0 > b + 0 || a + 0 > v["p50"] + 0.01 || b + 0 > v["max"] + 0.01) ok = 0
        }
        split(v["slowest"], s, ":")
        named = s[1] ~ /^(events|tick|draw|present)$/ && s[2] > 0 && s[2] <= v["max"] + 0.01
        counts = v["preempted"] ~ /^[0-9]+$/ && v["preempted"] <= v["frames"] &&
            v["slowest_switches"] ~ /^[0-9]+$/
        which = v["slowest_frame"] >= 1 && v["slowest_frame"] <= v["frames"] &&
            v["max_after_first"] ~ /^[0-9]+(\.[0-9]+)?$/ && v["max_after_first"] <= v["max"] + 0 &&
            (v["slowest_frame"] == 1 || v["max_after_first"] == v["max"])
        exit !(ok && named && counts && which && v["draw_p50"] > 0)
    }'
[ $? -eq 0 ] && ok stats-parts ||
    no stats-parts "want events_, tick_, draw_, present_ p50 <= p50 and max <= max," \
        "draw_p50 > 0, slowest=PART:MS within max, preempted <= frames," \
        "1 <= slowest_frame <= frames, max_after_first <= max (= max unless frame 1):" \
        "$LINE"
exit $((FAILS > 0))
