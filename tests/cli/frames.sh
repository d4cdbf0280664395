#!/bin/sh
# `render --frames DIR`: the animation as numbered PNG frames, the last one the
# finished picture, and one frame per step for short paths.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

run render --surface bowl --start 3,2 --lr 0.1 --steps 30 --size 240x180 \
    --out "$T/still.png" --frames "$T/fr"
check frames-exit "$(last_run)" [ "$RC" -eq 0 ]
n=$(ls "$T/fr" | grep -c '^frame-[0-9]\{5\}\.png$')
check frames-one-per-step "$n frames" [ "$n" -eq 31 ]
check frames-last-is-still "the last frame differs from --out" \
    cmp -s "$T/still.png" "$T/fr/frame-00030.png"
check frames-first-differs "the first frame is the finished picture" \
    sh -c '! cmp -s "$1" "$2"' - "$T/fr/frame-00000.png" "$T/fr/frame-00030.png"
run render --surface bowl --start 3,2 --lr 1e-4 --steps 5000 --size 120x90 --frames "$T/long"
n=$(ls "$T/long" | wc -l)
check frames-capped "$n frames for 5000 steps" [ "$n" -ge 500 ] && [ "$n" -le 700 ]
: >"$T/file"
run render --surface bowl --start 1,1 --frames "$T/file"
check frames-bad-dir "$(last_run)" sh -c '[ "$1" -eq 1 ] && grep -q -- "--frames" "$2"' - "$RC" "$T/err"
finish
