#!/bin/sh
# Command-line tests of gradients as a subject (issue 3): gradcheck's format and
# values, h's truncation and round-off, paths on numeric gradients, mini-batches
# (reproducible, data surfaces only), typed expressions and their errors.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

run gradcheck --expr "exp(x)*sin(y)" --at 1,2 --at 0,0
check gradcheck-header "$(head -1 "$T/out")" \
    [ "$(head -1 "$T/out")" = "x,y,analytic_gx,analytic_gy,numeric_gx,numeric_gy,rel_error" ]
awk_check gradcheck-values "$T/out" -F, "$AWK_LIB"'
    NR == 2 { if (rel($3, exp(1) * sin(2)) > 1e-15 || rel($4, exp(1) * cos(2)) > 1e-15)
                  print "analytic " $3 "," $4
              if (rel($5, $3) > 1e-9 || $7 > 1e-9) print "numeric " $5 " error " $7 }
    NR == 3 && ($3 != 0 || $4 != 1) { print "at 0,0: " $3 "," $4 }
    END { if (NR != 3) print NR " lines" }'
for h in 1e-1 1e-5 1e-14; do
    run gradcheck --expr "exp(x)*sin(y)" --at 1,2 --h $h
    sed -n 2p "$T/out" | cut -d, -f7 >>"$T/errs"
done
awk_check gradcheck-h-tradeoff "$T/errs" '
    { e[NR] = $1 }
    END { if (!(e[1] > 1e-4 && e[2] < 1e-9 && e[3] > 1e-5)) print e[1], e[2], e[3] }'
run gradcheck --surface neuron-xent --at 1,2 --at -3,4
awk_check gradcheck-backprop "$T/out" -F, 'NR > 1 && $7 > 1e-8 { print "error " $7 }'

# A path on forward differences leans away from the analytic one; central follows.
run trace --surface rosenbrock --start -1,1 --lr 0.001 --steps 50
tail -1 "$T/out" >"$T/a"
run trace --surface rosenbrock --start -1,1 --lr 0.001 --steps 50 --grad forward --h 1e-3
tail -1 "$T/out" >"$T/f"
run trace --surface rosenbrock --start -1,1 --lr 0.001 --steps 50 --grad central --h 1e-3
tail -1 "$T/out" >"$T/c"
paste -d, "$T/a" "$T/f" "$T/c" >"$T/afc"
awk_check trace-numeric-gradients "$T/afc" -F, "$AWK_LIB"'
    { ef = abs($12 - $4) + abs($13 - $5); ec = abs($20 - $4) + abs($21 - $5)
      if (!(ef > 10 * ec && ec < 1e-4)) print "forward off by " ef ", central by " ec }'

# Mini-batches: reproducible for a seed, different for another, full when B = n.
run trace --surface neuron-mse --start -1,2 --batch 3 --seed 5 --steps 40 --lr 0.5
cp "$T/out" "$T/b1"
run trace --surface neuron-mse --start -1,2 --batch 3 --seed 5 --steps 40 --lr 0.5
check batch-reproducible "two runs with seed 5 differ" cmp -s "$T/b1" "$T/out"
run trace --surface neuron-mse --start -1,2 --batch 3 --seed 6 --steps 40 --lr 0.5
check batch-seed-matters "seeds 5 and 6 gave the same path" sh -c '! cmp -s "$1" "$2"' - "$T/b1" "$T/out"
run trace --surface neuron-mse --start -1,2 --batch 10 --steps 40 --lr 0.5
cp "$T/out" "$T/full"
run trace --surface neuron-mse --start -1,2 --steps 40 --lr 0.5
check batch-n-is-full "B = n differs from the full gradient" cmp -s "$T/full" "$T/out"
usage_error batch-not-data "--batch|only on data surfaces" trace --surface bowl --start 0,0 --batch 2
usage_error batch-too-big "--batch|at most the 10 samples" trace --surface neuron-mse --start 0,0 --batch 11
usage_error batch-zero "--batch" trace --surface neuron-mse --start 0,0 --batch 0
usage_error grad-unknown "--grad|analytic, forward or central" trace --start 0,0 --grad backward
usage_error h-zero "--h|(0, 1]" trace --start 0,0 --h 0
usage_error seed-negative "--seed" trace --start 0,0 --seed -1
usage_error gradcheck-no-at "--at" gradcheck --surface bowl

# Typed expressions: the same numbers as the built-in surface, errors with a column.
run trace --expr "(1-x)^2 + 100*(y-x^2)^2" --start -1.2,1 --steps 20 --lr 0.001
cut -d, -f3- "$T/out" >"$T/e"
run trace --surface rosenbrock --start -1.2,1 --steps 20 --lr 0.001
cut -d, -f3- "$T/out" >"$T/r"
paste -d, "$T/e" "$T/r" >"$T/er"
awk_check expr-equals-builtin "$T/er" -F, "$AWK_LIB"'
    NR > 1 { for (i = 2; i <= 6; i++) if (rel($i, $(i + 6)) > 1e-12) { print NR ": " $i " vs " $(i + 6); exit } }'
usage_error expr-syntax "--expr|column 5|expected" trace --expr "x + * y" --start 0,0
usage_error expr-unknown-name "--expr|unknown name 'foo'" trace --expr "foo(x)" --start 0,0
usage_error expr-with-surface "--surface and --expr" trace --surface bowl --expr x --start 0,0
long=$(awk 'BEGIN { s = "x"; for (i = 0; i < 2048; i++) s = s "+x"; print s }')
usage_error expr-too-long "--expr|longer than 4096" trace --expr "$long" --start 0,0
deep=$(awk 'BEGIN { for (i = 0; i < 257; i++) printf "("; printf "x"; for (i = 0; i < 257; i++) printf ")" }')
usage_error expr-too-deep "--expr|256 levels" trace --expr "$deep" --start 0,0
finish
