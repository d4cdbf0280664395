#!/bin/sh
# Command-line tests of the optimisers (DESIGN section 5): first steps of each,
# races equal to single runs, schedules, the learning-rate sweep and its stability
# limit on the ravine, and the hyper-parameter options' limits.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

# step1 NAME OPT X Y ARGS...: the first step of OPT on the bowl from (1,2) lands on (X,Y).
step1() {
    _n=$1 _o=$2 _x=$3 _y=$4
    shift 4
    run trace --surface bowl --optimizer "$_o" --start 1,2 --steps 1 "$@"
    awk_check "$_n" "$T/out" -F, -v x="$_x" -v y="$_y" "$AWK_LIB"'
        NR == 3 { if (rel($4, x) > 1e-12 || rel($5, y) > 1e-12) print "got " $4 "," $5 }
        END { if (NR != 3) print NR " lines" }'
}
step1 first-step-gd gd 0.8 1.6 --lr 0.1
step1 first-step-momentum momentum 0.8 1.6 --lr 0.1
step1 first-step-nesterov nesterov 0.62 1.24 --lr 0.1
step1 first-step-nesterov-mu0 nesterov 0.8 1.6 --lr 0.1 --momentum 0
step1 first-step-adagrad adagrad 0.900000000005 1.9000000000025 --lr 0.1
step1 first-step-adagrad-eps adagrad 0.95 1.9333333333333333 --lr 0.1 --eps 2
step1 first-step-rmsprop rmsprop 0.50000002499999875 1.5000000124999997 --lr 0.05
step1 first-step-rmsprop-alpha0 rmsprop 0.9 1.9 --lr 0.1 --alpha 0 --eps 1e-300
step1 first-step-adam adam 0.9000000005 1.90000000025 --lr 0.1
step1 first-step-hotcold hotcold 1 1.5 --lr 0.5

# Adam's second step: bias correction with 1 - 0.9^2 and 1 - 0.999^2.
run trace --surface bowl --optimizer adam --start 1,2 --steps 2 --lr 0.1
awk_check adam-second-step "$T/out" -F, "$AWK_LIB"'
    NR == 4 && (rel($4, 0.8004122286917927) > 1e-12 || rel($5, 1.800166486115701) > 1e-12) {
        print "got " $4 "," $5 }'

# A race gives the same rows as each optimiser alone.
run trace --surface himmelblau --optimizer gd,momentum,adam --start 1,1 --start -2,0 \
    --steps 30 --lr 0.01
cp "$T/out" "$T/race"
: >"$T/alone"
for s in 1,1 -2,0; do
    for o in gd momentum adam; do
        run trace --surface himmelblau --optimizer $o --start $s --steps 30 --lr 0.01
        sed 1d "$T/out" | cut -d, -f2- >>"$T/alone"
    done
done
sed 1d "$T/race" | cut -d, -f2- >"$T/race-rows"
check race-equals-single-runs "the race's rows differ from single runs" cmp -s "$T/race-rows" "$T/alone"
awk_check race-numbering "$T/race" -F, '
    NR > 1 { want = int((NR - 2) / 31); if ($1 != want) { print "row " NR ": path " $1; exit } }'

# Step decay halves the rate after 100 steps: on the bowl x shrinks by 1 - 2 eta.
run trace --surface bowl --start 1,0 --steps 102 --lr 0.1 --schedule step
awk_check schedule-step "$T/out" -F, "$AWK_LIB"'
    NR > 1 { x[$3] = $4 }
    END { if (rel(x[100] / x[99], 0.8) > 1e-12 || rel(x[101] / x[100], 0.9) > 1e-12)
              print x[100] / x[99], x[101] / x[100] }'
run trace --surface bowl --start 1,0 --steps 10 --lr 0.1 --schedule cosine
awk_check schedule-cosine "$T/out" -F, "$AWK_LIB"'
    NR > 1 { x[$3] = $4 }
    END { pi = atan2(0, -1); want = 1 - 0.1 * (1 + cos(pi * 9 / 10))
          if (rel(x[10] / x[9], want) > 1e-12) print x[10] / x[9], want }'
run trace --surface bowl --start 1,0 --steps 3 --lr 0.1 --schedule exp --decay 0.5
awk_check schedule-exp-decay "$T/out" -F, "$AWK_LIB"'
    NR > 1 { x[$3] = $4 }
    END { if (rel(x[3] / x[2], 1 - 0.2 * 0.25) > 1e-12) print x[3] / x[2] }'

# The sweep: gradient descent on the ravine is stable below eta = 2/L = 0.1.
run sweep --surface ravine --start 1,1 --lr-min 0.01 --lr-max 1 --count 41 --steps 5000
check sweep-exit "$(last_run)" [ "$RC" -eq 0 ]
check sweep-header "$(head -1 "$T/out")" [ "$(head -1 "$T/out")" = "lr,final_loss,status,steps_taken" ]
check sweep-rows "$(lines "$T/out") lines" [ "$(lines "$T/out")" -eq 42 ]
awk_check sweep-stability-limit "$T/out" -F, "$AWK_LIB"'
    NR == 2 && rel($1, 0.01) > 1e-15 { print "first lr " $1 }
    NR == 42 && rel($1, 1) > 1e-15 { print "last lr " $1 }
    NR > 2 && rel($1 / prev, 10 ^ (2 / 40)) > 1e-12 { print "not log-spaced at " NR }
    NR > 1 { prev = $1 }
    NR > 1 && $1 < 0.0999 && $3 != "converged" { print "lr " $1 ": " $3 }
    NR > 1 && $1 > 0.1001 && $3 != "diverged" { print "lr " $1 ": " $3 }
    NR > 1 && $3 == "converged" && $2 > 1e-10 { print "converged with loss " $2 }'
run sweep --surface ravine --start 1,1 --lr-min 1e-5 --lr-max 1e-4 --count 2 --steps 50
awk_check sweep-too-small-runs "$T/out" -F, 'NR > 1 && ($3 != "running" || $4 != 50) { print }'

usage_error momentum-one "--momentum|[0, 1)" trace --start 0,0 --momentum 1
usage_error momentum-negative "--momentum|[0, 1)" trace --start 0,0 --momentum -0.1
usage_error alpha-one "--alpha|[0, 1)" trace --start 0,0 --alpha 1
usage_error beta1-nan "--beta1" trace --start 0,0 --beta1 nan
usage_error beta2-big "--beta2|[0, 1)" trace --start 0,0 --beta2 1.5
usage_error eps-zero "--eps|> 0" trace --start 0,0 --eps 0
usage_error schedule-unknown "--schedule|constant, step, exp or cosine" trace --start 0,0 --schedule linear
usage_error decay-zero "--decay|(0, 1]" trace --start 0,0 --decay 0
usage_error decay-big "--decay|(0, 1]" trace --start 0,0 --decay 2
usage_error optimizer-unknown-in-race "--optimizer|unknown optimizer 'sgd'" trace --start 0,0 --optimizer gd,sgd
usage_error sweep-no-count "--count" sweep --start 0,0 --lr-min 0.1 --lr-max 1
usage_error sweep-two-starts "--start" sweep --start 0,0 --start 1,1 --lr-min 0.1 --lr-max 1 --count 3
usage_error sweep-reversed "--lr-max" sweep --start 0,0 --lr-min 1 --lr-max 0.1 --count 3
usage_error sweep-count-one "--count|2 to 10000" sweep --start 0,0 --lr-min 0.1 --lr-max 1 --count 1
usage_error sweep-no-lr-option "unknown option '--lr'" sweep --start 0,0 --lr 0.1
finish
