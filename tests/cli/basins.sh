#!/bin/sh
# Command-line tests of `losscape basins` (DESIGN section 3, issue 5): the CSV's
# header, rows and grid order, statuses, Himmelblau's four minima, the PNG's size
# and tints, typed expressions, the grid's limits and no partial file on failure.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

# png_size FILE: prints "W H" from the PNG's header.
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4,
                                            $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

run basins --surface himmelblau --grid 16 --steps 1000 --out "$T/h.png" --csv "$T/h.csv"
check basins-runs "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ] && [ ! -s "$3" ]' - "$RC" "$T/out" "$T/err"
check basins-header "$(head -1 "$T/h.csv")" \
    [ "$(head -1 "$T/h.csv")" = "x0,y0,x,y,loss,status,minimum" ]
check basins-rows "$(lines "$T/h.csv") lines" [ "$(lines "$T/h.csv")" -eq 257 ]
# Row-major from the top-left: cell centres, x along a row, y from the top down.
awk_check basins-grid-order "$T/h.csv" -F, "$AWK_LIB"'
    NR > 1 { k = NR - 2; col = k % 16; row = int(k / 16)
             if (rel($1, -5 + (col + 0.5) * 10 / 16) > 1e-15 ||
                 rel($2, 5 - (row + 0.5) * 10 / 16) > 1e-15) { print NR ": " $1 "," $2; exit } }'
awk_check basins-himmelblau-minima "$T/h.csv" -F, "$AWK_LIB"'
    BEGIN { mx[0] = 3; my[0] = 2; mx[1] = -2.805118; my[1] = 3.131312
            mx[2] = -3.779310; my[2] = -3.283186; mx[3] = 3.584428; my[3] = -1.848126 }
    NR > 1 { if ($6 != "converged" || $7 !~ /^[0-3]$/) { print NR ": " $6 "," $7; exit }
             if (abs($3 - mx[$7]) > 1e-5 || abs($4 - my[$7]) > 1e-5 || !finite($5) || $5 > 1e-9)
                 { print NR ": ends at " $3 "," $4 " loss " $5; exit }
             seen[$7]++ }
    END { for (k = 0; k < 4; k++) if (seen[k] < 16) print "minimum " k ": " seen[k] " starts" }'
# Each start near a minimum ends in it (the minimum owns its neighbourhood).
awk_check basins-own-neighbourhood "$T/h.csv" -F, "$AWK_LIB"'
    BEGIN { mx[0] = 3; my[0] = 2; mx[1] = -2.805118; my[1] = 3.131312
            mx[2] = -3.779310; my[2] = -3.283186; mx[3] = 3.584428; my[3] = -1.848126 }
    NR > 1 { for (k = 0; k < 4; k++)
                 if (abs($1 - mx[k]) + abs($2 - my[k]) < 0.8 && $7 != k) print NR ": " $7 " not " k }'
check basins-png-size "$(png_size "$T/h.png")" [ "$(png_size "$T/h.png")" = "512 512" ]
# The four quadrants of the picture: four different tints, one block per start.
img_awk "$T/h.png" '' '
    n = 0
    split("128,128 384,128 128,384 384,384", q, " ")
    for (i = 1; i <= 4; i++) { split(q[i], p, ","); c = R[p[1], p[2]] "," G[p[1], p[2]] "," B[p[1], p[2]]
                               if (!(c in seen)) n++; seen[c] = 1 }
    if (n != 4) print n " tints in the four quadrants"
    if (R[0, 0] != R[31, 31] || G[0, 0] != G[31, 31] || B[0, 0] != B[31, 31]) print "block 0 not uniform"' \
    >"$T/q" 2>&1
check basins-png-quadrants "$(cat "$T/q")" [ ! -s "$T/q" ]

# Repeatable: OpenMP's threads do not change a number.
run basins --surface himmelblau --grid 16 --steps 1000 --out "$T/h2.png" --csv "$T/h2.csv"
check basins-repeatable "two runs differ" cmp -s "$T/h.csv" "$T/h2.csv"

# Statuses: a step too large diverges everywhere; no steps leave every start running.
run basins --surface bowl --lr 1.1 --grid 8 --out "$T/d.png" --csv "$T/d.csv"
awk_check basins-diverged "$T/d.csv" -F, 'NR > 1 && ($6 != "diverged" || $7 != -1) { print NR ": " $6 "," $7 }
    END { if (NR != 65) print NR " lines" }'
run basins --surface bowl --steps 0 --grid 8 --out "$T/r.png" --csv "$T/r.csv"
awk_check basins-running "$T/r.csv" -F, 'NR > 1 && ($6 != "running" || $7 != -1 || $1 != $3 || $2 != $4) {
    print NR ": " $0 }'
run basins --surface bowl --lr 0.1 --grid 8 --out "$T/b.png" --csv "$T/b.csv"
awk_check basins-bowl-one-basin "$T/b.csv" -F, 'NR > 1 && ($6 != "converged" || $7 != 0) { print NR ": " $6 "," $7 }'

# A typed surface lists no minima: minimum -1, yet four basins in the picture.
run basins --expr "(x^2-1)^2 + (y^2-1)^2" --view -2,2,-2,2 --grid 8 --out "$T/e.png" --csv "$T/e.csv"
awk_check basins-expr "$T/e.csv" -F, 'NR > 1 && ($6 != "converged" || $7 != -1) { print NR ": " $6 "," $7 }'
img_awk "$T/e.png" '' '
    n = 0
    split("128,128 384,128 128,384 384,384", q, " ")
    for (i = 1; i <= 4; i++) { split(q[i], p, ","); c = R[p[1], p[2]] "," G[p[1], p[2]] "," B[p[1], p[2]]
                               if (!(c in seen)) n++; seen[c] = 1 }
    if (n != 4) print n " tints for four basins"' >"$T/q" 2>&1
check basins-expr-basins "$(cat "$T/q")" [ ! -s "$T/q" ]

# Sizes: small grids scale up by a whole factor to at least 512, large ones not.
run basins --surface bowl --grid 3 --steps 10 --out "$T/s3.png"
check basins-png-scaled "$(png_size "$T/s3.png")" [ "$(png_size "$T/s3.png")" = "513 513" ]
run basins --surface bowl --grid 600 --steps 1 --out "$T/s600.png" --csv "$T/s600.csv"
check basins-png-large "$(png_size "$T/s600.png")" [ "$(png_size "$T/s600.png")" = "600 600" ]
check basins-rows-large "$(lines "$T/s600.csv") lines" [ "$(lines "$T/s600.csv")" -eq 360001 ]

# Usage errors: one line naming the option (and the limit).
usage_error basins-grid-zero "--grid|2048" basins --grid 0 --out "$T/x.png"
usage_error basins-grid-too-big "--grid|2048" basins --grid 2049 --out "$T/x.png"
usage_error basins-grid-word "--grid" basins --grid many --out "$T/x.png"
usage_error basins-no-out "--out" basins --grid 8
usage_error basins-race "--optimizer" basins --optimizer gd,adam --out "$T/x.png"
usage_error basins-same-file "--csv|--out" basins --out "$T/x.png" --csv "$T/x.png"
usage_error basins-steps "--steps" basins --steps -1 --out "$T/x.png"
usage_error basins-start "unknown option '--start'" basins --start 0,0 --out "$T/x.png"
check basins-no-file-on-usage "files left: $(ls "$T" | grep '^x')" sh -c '! ls "$1" | grep -q "^x"' - "$T"

# No partial output: a CSV into a missing directory leaves no PNG, and the reverse.
mkdir "$T/fail"
run basins --grid 8 --out "$T/fail/a.png" --csv "$T/fail/missing/a.csv"
check basins-csv-fails "$(last_run)" \
    sh -c '[ "$1" -eq 1 ] && [ "$(wc -l <"$2")" -eq 1 ] && grep -q "missing/a.csv" "$2"' - "$RC" "$T/err"
run basins --grid 8 --out "$T/fail/missing/b.png" --csv "$T/fail/b.csv"
check basins-png-fails "$(last_run)" \
    sh -c '[ "$1" -eq 1 ] && [ "$(wc -l <"$2")" -eq 1 ] && grep -q "missing/b.png" "$2"' - "$RC" "$T/err"
check basins-no-partial-files "left: $(ls "$T/fail" | tr '\n' ' ')" [ -z "$(ls "$T/fail")" ]
run basins --help
check basins-help "$(last_run)" sh -c '[ "$1" -eq 0 ] && grep -q "^usage: losscape basins" "$2"' - "$RC" "$T/out"
finish
