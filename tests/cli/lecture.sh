#!/bin/sh
# Command-line tests of the lecture notes made visible (issue 8): the backprop
# table's products and mean against trace's gradient, and random starts.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

for s in neuron-mse neuron-xent linreg tiny-net; do
    for at in 1,0.5 -2,3 0.3,-1.7; do
        run backprop --surface $s --at $at
        cp "$T/out" "$T/bp"
        run trace --surface $s --start $at --steps 0
        sed -n 2p "$T/out" >"$T/tr"
        awk_check "backprop-$s-$at" "$T/bp" -F, -v tr="$(cat "$T/tr")" -v s=$s "$AWK_LIB"'
            NR == 1 && $0 != "sample,x,y,z,a,dC_da,da_dz,dz_dw,dz_db,dC_dw,dC_db" { print "header" }
            NR > 1 && $1 != "mean" {
                n++
                if (rel($10, $6 * $7 * $8) > 1e-12 && s != "tiny-net") print "row " $1 ": dC_dw"
                if (rel($11, $6 * $7 * $9) > 1e-12 && s != "tiny-net") print "row " $1 ": dC_db"
                if (s == "tiny-net" && rel($10, $6 * $7 * $8) > 1e-12) print "row " $1 ": dC_dw1"
                if (s == "linreg" && ($5 != $4 || $7 != 1)) print "row " $1 ": a != z"
                if (s ~ /neuron/ && rel($7, $5 * (1 - $5)) > 1e-12) print "row " $1 ": sigma prime" }
            $1 == "mean" { split(tr, t, ",")
                if (rel($10, t[7]) > 1e-12 || rel($11, t[8]) > 1e-12)
                    print "mean " $10 "," $11 " vs trace " t[7] "," t[8] }
            END { if (n < 8) print n " samples" }'
    done
done
usage_error backprop-not-data "--surface|neuron-mse" backprop --surface bowl --at 0,0
usage_error backprop-no-at "--at" backprop --surface linreg

# Random starts: reproducible, seeded, spread as asked around the view's centre.
run trace --surface tiny-net --random-starts 200 --init-scale 0.5 --seed 3 --steps 0
cp "$T/out" "$T/r1"
run trace --surface tiny-net --random-starts 200 --init-scale 0.5 --seed 3 --steps 0
check random-starts-reproducible "two runs with seed 3 differ" cmp -s "$T/r1" "$T/out"
run trace --surface tiny-net --random-starts 200 --init-scale 0.5 --seed 4 --steps 0
check random-starts-seeded "seeds 3 and 4 agree" sh -c '! cmp -s "$1" "$2"' - "$T/r1" "$T/out"
awk_check random-starts-spread "$T/r1" -F, '
    NR > 1 { n++; sx += $4; sy += $5; qx += $4 * $4; qy += $5 * $5 }
    END { mx = sx / n; my = sy / n; vx = qx / n - mx * mx; vy = qy / n - my * my
          if (n != 200) print n " starts"
          if (mx * mx + my * my > 0.02) print "mean " mx "," my
          if (sqrt(vx) < 0.4 || sqrt(vx) > 0.6 || sqrt(vy) < 0.4 || sqrt(vy) > 0.6)
              print "sd " sqrt(vx) "," sqrt(vy) }'
run trace --surface bowl --view 10,20,-5,-3 --random-starts 50 --init-scale 0.01 --steps 0
awk_check random-starts-centre "$T/out" -F, 'NR > 1 && ($4 < 14.9 || $4 > 15.1 || $5 < -4.1 || $5 > -3.9) { print }'
usage_error random-starts-limit "--random-starts|at most 256" trace --start 0,0 --random-starts 256
usage_error init-scale-zero "--init-scale|> 0" trace --random-starts 2 --init-scale 0
finish
