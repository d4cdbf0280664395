#!/bin/sh
# Command-line tests of `render --3d` (issue 5, item 2): a PNG of the size asked
# for, a picture unlike the 2-D one, coloured by the colour map (viridis by
# default), with the paths of --start drawn on it.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

# differing A.png B.png: prints how many bytes of their decoded pixels differ.
differing() {
    "$CONVERT" "$1" -depth 8 ppm:"$T/d1.ppm" 2>/dev/null
    "$CONVERT" "$2" -depth 8 ppm:"$T/d2.ppm" 2>/dev/null
    if [ ! -s "$T/d1.ppm" ] || [ ! -s "$T/d2.ppm" ]; then echo -1; return; fi
    cmp -l "$T/d1.ppm" "$T/d2.ppm" 2>/dev/null | wc -l | tr -d ' '
}

run render --3d --surface himmelblau --size 480x360 --out "$T/a.png"
check render3d-size "$(last_run); $(identify -format '%m %wx%h' "$T/a.png" 2>&1)" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ] &&
           [ "$(identify -format "%m %wx%h" "$3" 2>/dev/null)" = "PNG 480x360" ]' \
    - "$RC" "$T/err" "$T/a.png"

run render --3d --surface rosenbrock --size 300x500 --out "$T/tall.png"
check render3d-size-tall "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && [ "$(identify -format %wx%h "$2" 2>/dev/null)" = 300x500 ]' \
    - "$RC" "$T/tall.png"

run render --surface himmelblau --size 480x360 --out "$T/flat.png"
n=$(differing "$T/a.png" "$T/flat.png")
check render3d-differs-from-2d "$n bytes of pixels differ" [ "$n" -gt 100000 ]

# Viridis under light: dark purple (b > r > g) low, yellow high, never red.
img_awk "$T/a.png" '' '
    for (x = 0; x < W; x++) for (y = 0; y < H; y++) {
        r = R[x, y]; g = G[x, y]; b = B[x, y]
        hi = r > g ? (r > b ? r : b) : (g > b ? g : b)
        lo = r < g ? (r < b ? r : b) : (g < b ? g : b)
        if (hi - lo < 25) continue
        n++
        if (b > r && r > g) purple++
        if (r > 150 && g > 150 && b < 100) yellow++
        if (r > g + 40 && r > b + 40) red++
    }
    if (n < W * H / 5) print "only " n " coloured pixels"
    if (purple < 50 || yellow < 50) print "purple " purple ", yellow " yellow
    if (red > n / 100) print red " red pixels of " n' >"$T/msg"
check render3d-viridis "$(cat "$T/msg")" test ! -s "$T/msg"

run render --3d --surface himmelblau --size 480x360 --colormap magma --out "$T/magma.png"
n=$(differing "$T/a.png" "$T/magma.png")
check render3d-colormap "$n bytes of pixels differ" [ "$n" -gt 50000 ]

run render --3d --surface himmelblau --size 480x360 --start 0,0 --start -4,4 --lr 0.005 \
    --steps 200 --out "$T/paths.png"
n=$(differing "$T/a.png" "$T/paths.png")
check render3d-start-draws-paths "$(last_run); $n bytes of pixels differ" \
    sh -c '[ "$1" -eq 0 ] && [ "$2" -gt 300 ]' - "$RC" "$n"

run render --3d --expr "log(x) + y^2" --view -1,3,-2,2 --size 320x240 --start 2,1 \
    --lr 0.05 --steps 300 --out "$T/holes.png"
check render3d-undefined-and-diverged "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ] && [ -s "$3" ]' - "$RC" "$T/err" "$T/holes.png"

run render --3d --help
check render3d-help "$(last_run)" grep -q -- '--3d' "$T/out"
usage_error render3d-not-for-trace "--3d" trace --3d --start 0,0
finish
