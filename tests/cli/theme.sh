#!/bin/sh
# Command-line tests of the projector theme (issue 5, item 6): `render --theme
# contrast` draws on black with light text and heavier lines, `--theme light` (the
# default) on white, and a bad --theme is a usage error.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

ARGS="--surface himmelblau --start 0,0 --lr 0.01 --steps 300 --size 480x360 --mode contour"
# shellcheck disable=SC2086
run render $ARGS --out "$T/default.png"
check render-theme-default "$(last_run)" test "$RC" -eq 0 -a -s "$T/default.png"
# shellcheck disable=SC2086
run render $ARGS --theme light --out "$T/light.png"
check render-theme-light-is-default "light.png differs from the default" \
    cmp -s "$T/default.png" "$T/light.png"
# shellcheck disable=SC2086
run render $ARGS --theme contrast --out "$T/hc.png"
check render-theme-contrast "$(last_run)" test "$RC" -eq 0 -a -s "$T/hc.png"
# the corner is the figure's background; the title row holds text in the ink colour
corner='{ if (R[2, 2] + G[2, 2] + B[2, 2] != BG) print "corner " R[2, 2] "," G[2, 2] "," B[2, 2] }'
img_awk "$T/light.png" "" "$corner" -v BG=765 >"$T/light.bad"
check render-theme-light-white "$(cat "$T/light.bad")" test ! -s "$T/light.bad"
img_awk "$T/hc.png" "" "$corner" -v BG=0 >"$T/hc.bad"
check render-theme-contrast-black "$(cat "$T/hc.bad")" test ! -s "$T/hc.bad"
# heavier lines: in contour mode, more of the plot's middle is covered by the lines
count='{ n = 0; for (y = int(H * 0.3); y < H * 0.7; y++) for (x = int(W * 0.3); x < W * 0.6; x++) {
           s = R[x, y] + G[x, y] + B[x, y]; if (s != 765 && s != 0) n++ }
         print n }'
lit=$(img_awk "$T/light.png" "" "$count")
dark=$(img_awk "$T/hc.png" "" "$count")
check render-theme-contrast-heavier "coloured pixels: light $lit, contrast $dark" \
    awk -v a="$lit" -v b="$dark" 'BEGIN { exit !(b > 1.3 * a) }'
usage_error "error: --theme dark" "--theme|light or contrast" render --theme dark --out "$T/x.png"
usage_error "error: --theme without a value" "--theme" render --out "$T/x.png" --theme
check render-theme-no-partial "a refused render left $T/x.png" test ! -e "$T/x.png"
finish
