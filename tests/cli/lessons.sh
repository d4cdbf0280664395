#!/bin/sh
# Command-line tests of the shipped lessons (issue 5, item 5): there are at least 12,
# numbered in teaching order; each loads and renders, has its title and note in
# English and Chinese; and each lesson's story really happens, checked with the
# numbers of `trace --scene`.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

D=${LOSSCAPE_LESSONS:-assets/scenes}

# lesson NAME: the lesson file whose name ends in -NAME.scene (empty if none).
lesson() {
    for _f in "$D"/[0-9][0-9]-"$1".scene; do
        [ -f "$_f" ] && echo "$_f"
    done
}

# key FILE KEY: the value of `KEY = value` in FILE (first one).
key() {
    sed -n "s/^[[:blank:]]*$2[[:blank:]]*=[[:blank:]]*//p" "$1" | head -1
}

# ---- the set of lessons ----

ls "$D"/*.scene 2>/dev/null | sed 's|.*/||' >"$T/names"
check lessons-at-least-12 "$(lines "$T/names") lessons in $D" [ "$(lines "$T/names")" -ge 12 ]
awk_check lessons-numbered "$T/names" '
    { n = sprintf("%02d", NR)
      if ($0 !~ /^[0-9][0-9]-[a-z0-9-]+\.scene$/) print "bad name " $0
      else if (substr($0, 1, 2) != n) print $0 " where " n "-… was expected" }'

for f in "$D"/*.scene; do
    b=$(basename "$f" .scene)
    run render --scene "$f" --out "$T/$b.png" --size 400x300
    _why=
    [ "$RC" -eq 0 ] || _why="$(last_run)"
    # a PNG of 400x300: the signature, then IHDR's width and height (big-endian)
    sig=$(od -An -tx1 -N8 "$T/$b.png" 2>/dev/null | tr -d ' \n')
    wh=$(od -An -tu1 -j16 -N8 "$T/$b.png" 2>/dev/null | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8 }')
    [ "$sig" = "89504e470d0a1a0a" ] || _why="$_why; not a PNG"
    [ "$wh" = "400x300" ] || _why="$_why; size $wh"
    if [ -z "$_why" ]; then ok "render-$b"; else notok "render-$b" "${_why#; }"; fi

    _why=
    for k in title note title.zh note.zh; do
        [ -n "$(key "$f" "$k")" ] || _why="$_why missing $k;"
    done
    # the Chinese texts are Chinese: they hold bytes outside ASCII
    for k in title.zh note.zh; do
        key "$f" "$k" | LC_ALL=C grep -q '[^ -~]' || _why="$_why $k has no Chinese;"
    done
    # a note a teacher can read out: 2 to 4 sentences (in English)
    s=$(key "$f" note | awk '{ n = gsub(/[.!?]( |$)/, "&"); print n }')
    [ "$s" -ge 2 ] && [ "$s" -le 4 ] || _why="$_why note has $s sentences;"
    if [ -z "$_why" ]; then ok "texts-$b"; else notok "texts-$b" "$_why"; fi
done

# ---- the stories ----

# story NAME LESSON STEPS AWK [TRACE OPTIONS...]: traces LESSON for STEPS steps
# (options after --scene override its keys) and runs AWK over the CSV with
# AWK_LIB; AWK prints one line per problem. A missing lesson is a failure.
story() {
    _n=$1
    _f=$(lesson "$2")
    _s=$3
    _p=$4
    shift 4
    if [ -z "$_f" ]; then
        notok "story-$_n" "no lesson $D/NN-$2.scene"
        return
    fi
    run trace --scene "$_f" --steps "$_s" "$@"
    if [ "$RC" -ne 0 ]; then
        notok "story-$_n" "$(last_run)"
        return
    fi
    awk_check "story-$_n" "$T/out" -F, "$AWK_LIB"'
        function gnorm() { return sqrt($7 * $7 + $8 * $8) }
        function bad() { return !finite($4) || !finite($5) || !finite($6) || abs($4) > 1e6 || abs($5) > 1e6 }
        NR == 1 { next }
        '"$_p"
}

# 1: too small. After 5000 steps the path is still moving: the cost still falls at
# every step, the gradient is far from zero, the minimum (cost 0) far away.
story too-small lr-too-small 5000 '
    $3 > 0 && $6 >= prev { up++ } { prev = $6; last = $0 }
    END { split(last, r, ",")
          if (up) print "the cost rose " up " times"
          if (r[3] != 5000) print "stopped at step " r[3]
          if (!(r[6] > 0.01)) print "final cost " r[6] " is not far from 0"
          if (!(sqrt(r[7] ^ 2 + r[8] ^ 2) > 0.1)) print "final gradient too small: not crawling" }'

# 2: too large. The path crosses the valley floor at every step with growing
# swings (y changes sign, |y| grows), then diverges.
story too-large lr-too-large 500 '
    $3 >= 1 && $3 <= 12 { if ($5 * py >= 0) print "no swing at step " $3
                          if (abs($5) <= abs(py)) print "swing not growing at step " $3 }
    { py = $5; if (bad()) div = 1 }
    END { if (!div) print "never diverged (last " py ")" }'

# 3: the sweet spot. Every path converges (gradient below 1e-6) within 100 steps,
# with eta just under the ravine's stability edge 2/L = 0.1.
story sweet-spot lr-sweet-spot 100 '
    { g[$1] = gnorm() }
    END { for (p in g) { n++; if (!(g[p] < 1e-6)) print "path " p " not converged: |g| " g[p] }
          if (!n) print "no paths" }'
f=$(lesson lr-sweet-spot)
check sweet-spot-lr "lr = $(key "$f" lr), expected just under 0.1" \
    awk -v lr="$(key "$f" lr)" 'BEGIN { exit !(lr >= 0.08 && lr < 0.1) }'

# 4: Himmelblau. Every path ends in one of the four minima, at least 3 different.
story many-minima many-minima 2000 '
    { x[$1] = $4; y[$1] = $5 }
    END { split("3 2 -2.805118 3.131312 -3.779310 -3.283186 3.584428 -1.848126", m, " ")
          for (p in x) { hit = 0
              for (k = 1; k <= 4; k++)
                  if (abs(x[p] - m[2 * k - 1]) < 1e-3 && abs(y[p] - m[2 * k]) < 1e-3) { hit = k; if (!seen[k]++) n++ }
              if (!hit) print "path " p " ends at " x[p] "," y[p] ", no minimum" }
          if (n < 3) print "only " n + 0 " different minima" }'

# 5: the saddle. A start on the stable manifold stops at the saddle (gradient 0,
# cost 1: not a minimum); a start near it lingers there (100 steps within 0.1),
# then escapes to a minimum (cost 0).
story saddle saddle 1500 '
    { x[$1] = $4; y[$1] = $5; c[$1] = $6; g[$1] = gnorm()
      if (sqrt($4 * $4 + $5 * $5) < 0.1) near[$1]++ }
    END { stuck = 0; esc = 0
          for (p in x) {
              if (g[p] < 1e-6 && abs(c[p] - 1) < 1e-6 && abs(x[p]) < 1e-3 && abs(y[p]) < 1e-3) stuck++
              if (c[p] < 1e-9 && near[p] >= 100) esc++ }
          if (!stuck) print "no path stuck at the saddle"
          if (!esc) print "no path lingering at the saddle, then reaching a minimum" }'

# 6: a local minimum. Some paths stop in the shallow minimum, others in the deep
# one: all converge, the two final costs differ.
story local-minimum local-minimum 2000 '
    { c[$1] = $6; g[$1] = gnorm() }
    END { for (p in c) { if (!(g[p] < 1e-6)) print "path " p " not converged"
                         if (c[p] > 0.4) shallow++; else if (c[p] < -0.5) deep++ }
          if (!shallow || !deep) print shallow + 0 " paths in the local minimum, " deep + 0 " in the global one" }'

# 7: momentum in the ravine. After the same 100 steps from the same start,
# momentum's cost is far below gradient descent's.
story momentum momentum-ravine 100 '
    $3 == 100 { c[$2] = $6 }
    END { if (!("gd" in c) || !("momentum" in c)) print "not a race of gd and momentum"
          else if (!(c["momentum"] * 100 < c["gd"])) print "momentum " c["momentum"] ", gd " c["gd"] }'

# 8: Adam in Rosenbrock's valley. At the lesson's eta gd diverges at once and Adam
# reaches (1, 1); at eta = 0.002 gd survives and gets closer than Adam (the note).
story adam adam-rosenbrock 4000 '
    $2 == "gd" && bad() && !gdiv { gdiv = $3 }
    $2 == "adam" { ax = $4; ay = $5 }
    END { if (!gdiv || gdiv > 10) print "gd did not diverge within 10 steps"
          if (!(abs(ax - 1) < 1e-3 && abs(ay - 1) < 1e-3)) print "adam ends at " ax "," ay }'
story adam-small-lr adam-rosenbrock 4000 '
    { d[$2] = sqrt(($4 - 1) ^ 2 + ($5 - 1) ^ 2); if (bad()) print $2 " diverged"; }
    END { if (!(d["gd"] < 0.1 && d["adam"] > 0.3)) print "gd " d["gd"] " and adam " d["adam"] " from (1, 1)" }' \
    --lr 0.002

# 9, 10: the saturated neuron. From the same start and eta, cross-entropy's first
# gradient is many times squared error's, and it converges within 200 steps while
# squared error is still on its plateau after 300.
fm=$(lesson neuron-squared-error)
fx=$(lesson neuron-cross-entropy)
if [ -n "$fm" ] && [ -n "$fx" ]; then
    run trace --scene "$fm" --steps 300
    cp "$T/out" "$T/mse"
    run trace --scene "$fx" --steps 300
    cp "$T/out" "$T/xent"
    awk_check story-cross-entropy-faster "$T/xent" -F, -v m="$T/mse" "$AWK_LIB"'
        BEGIN { while ((getline l < m) > 0) { split(l, r, ",")
                    if (r[3] == "0") { mx = r[4]; my = r[5]; mg = sqrt(r[7] ^ 2 + r[8] ^ 2) }
                    if (r[3] == "300") { mc = r[6]; mg300 = sqrt(r[7] ^ 2 + r[8] ^ 2) } } }
        $3 == "0" { if ($4 != mx || $5 != my) print "different starts"
                    if (!(sqrt($7 * $7 + $8 * $8) > 20 * mg)) print "first gradients " sqrt($7 * $7 + $8 * $8) " vs " mg }
        $3 == "200" && !(sqrt($7 * $7 + $8 * $8) < 1e-6) { print "cross-entropy not converged in 200 steps" }
        END { if (!(mc > 0.2 && mg300 > 1e-4)) print "squared error off its plateau at step 300: cost " mc }'
else
    notok story-cross-entropy-faster "no lesson NN-neuron-squared-error or NN-neuron-cross-entropy"
fi

# 11: mini-batch noise. Reproducible for the lesson's seed; near the minimum the
# path never settles (over the last 500 of 2000 steps it wanders more than 0.2),
# where the full batch (batch 10) converges.
f=$(lesson mini-batch-noise)
if [ -n "$f" ]; then
    run trace --scene "$f" --steps 2000
    cp "$T/out" "$T/mb1"
    run trace --scene "$f" --steps 2000
    check story-mini-batch-seeded "two runs of $f differ" cmp -s "$T/mb1" "$T/out"
fi
story mini-batch-noise mini-batch-noise 2000 '
    { p = $1; g[p] = gnorm() }
    $3 >= 1500 { if (!(p in x0)) { x0[p] = $4; y0[p] = $5 }
                 d = sqrt(($4 - x0[p]) ^ 2 + ($5 - y0[p]) ^ 2); if (d > w[p]) w[p] = d }
    END { for (q in w) { if (!(w[q] > 0.2)) print "path " q " wanders only " w[q]
                         if (g[q] < 1e-6) print "path " q " converged" } }'
story mini-batch-full-batch mini-batch-noise 2000 '
    { g[$1] = gnorm() }
    END { for (q in g) if (!(g[q] < 1e-6)) print "full batch: path " q " not converged" }' \
    --batch 10

# 12: a schedule. With the step schedule the noisy path comes to rest (it moves less
# than 0.01 over the last 500 of 2000 steps); with a constant eta it does not.
rest='
    { p = $1 }
    $3 >= 1500 { if (!(p in x0)) { x0[p] = $4; y0[p] = $5 }
                 d = sqrt(($4 - x0[p]) ^ 2 + ($5 - y0[p]) ^ 2); if (d > w[p]) w[p] = d }
    END { for (q in w) if (RESTS ? !(w[q] < 0.01) : !(w[q] > 0.1)) print "path " q " moves " w[q] }'
f=$(lesson lr-schedule)
story schedule-rests lr-schedule 2000 "BEGIN { RESTS = 1 } $rest"
story schedule-constant-wanders lr-schedule 2000 "BEGIN { RESTS = 0 } $rest" --schedule constant
check schedule-has-noise "${f:-no lr-schedule lesson}: no batch key" [ -n "$(key "${f:-/dev/null}" batch)" ]

# 13: hot and cold. Gradient descent converges within 100 steps; hot and cold needs
# hundreds of steps to come within 0.05 of a minimum, and ends in another one.
story hot-and-cold hot-and-cold 1000 '
    $2 == "gd" { if (gnorm() < 1e-6 && !gc) gc = $3; gx = $4; gy = $5 }
    $2 == "hotcold" { if ($6 < 0.05 && !hc) hc = $3; hx = $4; hy = $5 }
    END { if (!gc || gc > 100) print "gd converged at step " gc + 0
          if (!hc || hc < 300) print "hot and cold came close at step " hc + 0
          if (sqrt((gx - hx) ^ 2 + (gy - hy) ^ 2) < 1) print "both end in the same minimum" }'

# 14: gradient checking. The lesson follows central differences; with the default
# h its path is the analytic one, with h = 1e-14 round-off moves it; gradcheck at
# the start shows the relative error grow from below 1e-8 to above 1e-5.
f=$(lesson gradient-check)
if [ -n "$f" ]; then
    check gradient-check-central "grad = $(key "$f" grad)" [ "$(key "$f" grad)" = central ]
    run trace --scene "$f" --steps 500 --grad analytic
    tail -1 "$T/out" >"$T/ga"
    run trace --scene "$f" --steps 500
    tail -1 "$T/out" >"$T/gc"
    run trace --scene "$f" --steps 500 --h 1e-14
    tail -1 "$T/out" >"$T/gt"
    paste -d, "$T/ga" "$T/gc" "$T/gt" >"$T/g3"
    awk_check story-gradient-check-paths "$T/g3" -F, "$AWK_LIB"'
        { dc = abs($12 - $4) + abs($13 - $5); dt = abs($20 - $4) + abs($21 - $5)
          if (!(dc < 1e-6 && dt > 1e-4)) print "h = 1e-5 off by " dc ", h = 1e-14 off by " dt }'
    s=$(key "$f" surface)
    at=$(key "$f" start | awk '{ print $1 "," $2 }')
    for h in 1e-5 1e-14; do
        run gradcheck --surface "$s" --at "$at" --h $h
        sed -n 2p "$T/out" | cut -d, -f7 >>"$T/gerr"
    done
    awk_check story-gradient-check-error "$T/gerr" '
        { e[NR] = $1 } END { if (!(e[1] < 1e-8 && e[2] > 1e-5)) print "errors " e[1] ", " e[2] }'
else
    notok story-gradient-check "no lesson NN-gradient-check"
fi

# 15: random initialisation. The random starts reach both minima of tiny-net; a
# start at zero never moves (its gradient is exactly zero).
story random-init random-init 3000 '
    { x[$1] = $4; y[$1] = $5 }
    END { for (p in x) { if (abs(x[p] - 1.5) < 1e-3 && abs(y[p] - 1) < 1e-3) a++
                         else if (abs(x[p] + 1.5) < 1e-3 && abs(y[p] + 1) < 1e-3) b++
                         else print "path " p " ends at " x[p] "," y[p] }
          if (!a || !b) print a + 0 " paths at (1.5, 1), " b + 0 " at (-1.5, -1)" }'
story zero-init-trap random-init 200 '
    $3 == 0 && $4 == 0 && $5 == 0 { z[$1] = 1 }
    ($1 in z) && ($4 != 0 || $5 != 0 || $7 != 0 || $8 != 0) { print "the zero start moved at step " $3; exit }
    END { for (p in z) n++; if (!n) print "no start at zero" }' \
    --start 0,0
finish
