#!/bin/sh
# Command-line tests of build/losscape (DESIGN sections 3 and 4): --help and
# --version, list, trace, render, layout, and the exit status and one-line message
# of every kind of bad usage. Prints "ok NAME" / "not ok NAME" per check.
# Run from the repository root: sh tests/cli/cli.sh
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

if [ ! -x "$BIN" ]; then
    notok "build: $BIN exists" "run make first"
    finish
    exit 1
fi

SUBCOMMANDS="list trace render layout"
SURFACES="bowl ravine saddle rosenbrock himmelblau"
HEADER='path,optimizer,step,x,y,loss,gx,gy'

# ---- --version, --help ---------------------------------------------------------

run --version
check "version: prints 'losscape X.Y.Z', exit 0" "$(last_run) / $(head -1 "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 1 ] && [ ! -s "$3" ] &&
           grep -qE "^losscape [0-9]+\.[0-9]+\.[0-9]+$" "$2"' - "$RC" "$T/out" "$T/err"

run --help
missing=
for s in $SUBCOMMANDS; do grep -qw -e "$s" "$T/out" || missing="$missing $s"; done
check "help: exit 0 and mentions every subcommand" "$(last_run); missing:$missing" \
    sh -c '[ "$1" -eq 0 ] && [ -z "$2" ] && [ ! -s "$3" ]' - "$RC" "$missing" "$T/err"

for s in $SUBCOMMANDS; do
    run "$s" --help
    check "help: $s --help exits 0 with a usage line" "$(last_run)" \
        sh -c '[ "$1" -eq 0 ] && grep -q "^usage: losscape $2" "$3" && [ ! -s "$4" ]' \
        - "$RC" "$s" "$T/out" "$T/err"
done

# ---- list ----------------------------------------------------------------------

run list
cp "$T/out" "$T/table"
missing=
for s in $SURFACES; do grep -q "^${s}[[:space:]]" "$T/table" || missing="$missing $s"; done
check "list: the table names every surface" "$(last_run); missing:$missing" \
    sh -c '[ "$1" -eq 0 ] && [ -z "$2" ]' - "$RC" "$missing"

run list --json
cp "$T/out" "$T/list.json"
if [ "$RC" -eq 0 ] && [ ! -s "$T/err" ] && json_ok "$T/list.json" &&
    grep -q '^[[:space:]]*\[' "$T/list.json"; then
    ok "list --json: exit 0, nothing on stderr, a valid JSON array"
else
    notok "list --json: exit 0, nothing on stderr, a valid JSON array" "$(last_run)" \
        "$(head -c 300 "$T/list.json")"
fi
json_elements "$T/list.json" >"$T/surfaces"
grep -v '^name ' "$T/table" | awk '/^[^ ]/ { print $1 }' >"$T/table-names"
awk -v want="$SURFACES" "$AWK_JSON"'
    { n++; name = jget($0, "name"); gsub(/"/, "", name); seen[name]++; order = order " " name }
    END {
        k = split(want, w, " ")
        for (i = 1; i <= k; i++) if (seen[w[i]] != 1) print w[i] " appears " seen[w[i]] + 0 " times"
        while ((getline t < TABLE) > 0) torder = torder " " t
        if (order != torder) print "JSON order:" order " table order:" torder
    }' TABLE="$T/table-names" "$T/surfaces" >"$T/msg" 2>&1
check "list --json: one object per surface, same surfaces as the table" "$(cat "$T/msg")" \
    test ! -s "$T/msg"

awk_check "list --json: every object has every key of DESIGN with the right type" \
    "$T/surfaces" "$AWK_JSON"'
    {
        name = jget($0, "name")
        split("name kind formula xlabel ylabel", ks, " ")
        for (i = 1; i <= 5; i++) {
            v = jget($0, ks[i])
            if (v !~ /^".+"$/) print name ": " ks[i] " is not a non-empty string: " v
        }
        split("xmin xmax ymin ymax", ks, " ")
        for (i = 1; i <= 4; i++) {
            v = jget($0, ks[i])
            if (v !~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/) print name ": " ks[i] " is not a number: " v
        }
        if (!(jget($0, "xmin") + 0 < jget($0, "xmax") + 0 && jget($0, "ymin") + 0 < jget($0, "ymax") + 0))
            print name ": empty view"
        if (index($0, "\"minima\":[") == 0) print name ": no minima array"
        m = jarray($0, "minima")
        k = jobjects(m, o)
        for (i = 1; i <= k; i++)
            if (jget(o[i], "x") == "" || jget(o[i], "y") == "" || jget(o[i], "f") == "")
                print name ": minimum " i " lacks x, y or f: " o[i]
    }'

# view NAME X0 X1 Y0 Y1 as in DESIGN section 4
awk_check "list --json: default views as in DESIGN section 4" "$T/surfaces" "$AWK_JSON"'
    BEGIN {
        v["\"bowl\""] = "-5 5 -5 5"; v["\"ravine\""] = "-5 5 -5 5"; v["\"saddle\""] = "-2 2 -2 2"
        v["\"rosenbrock\""] = "-2 2 -1 3"; v["\"himmelblau\""] = "-5 5 -5 5"
    }
    {
        name = jget($0, "name")
        got = (jget($0, "xmin") + 0) " " (jget($0, "xmax") + 0) " " (jget($0, "ymin") + 0) " " (jget($0, "ymax") + 0)
        if (name in v) { if (got != v[name]) print name ": view " got ", expected " v[name]; found++ }
    }
    END { if (found != 5) print "found " found + 0 " of the 5 surfaces" }'

awk_check "list --json: himmelblau has its 4 minima of DESIGN, (3,2) among them" "$T/surfaces" \
    "$AWK_JSON"'
    function abs(v) { return v < 0 ? -v : v }
    jget($0, "name") == "\"himmelblau\"" {
        found = 1
        k = jobjects(jarray($0, "minima"), o)
        if (k != 4) print "himmelblau has " k " minima, expected 4"
        split("3 2 -2.805118 3.131312 -3.779310 -3.283186 3.584428 -1.848126", e, " ")
        for (j = 1; j <= 4; j++) {
            hit = 0
            for (i = 1; i <= k; i++)
                if (abs(jget(o[i], "x") - e[2*j-1]) < (j == 1 ? 1e-12 : 1e-6) &&
                    abs(jget(o[i], "y") - e[2*j]) < (j == 1 ? 1e-12 : 1e-6) &&
                    abs(jget(o[i], "f")) < 1e-9) hit = 1
            if (!hit) print "no minimum (" e[2*j-1] "," e[2*j] ") = 0"
        }
    }
    END { if (!found) print "no himmelblau" }'

awk_check "list --json: rosenbrock minimum (1,1) f 0, bowl and ravine (0,0) f 0" "$T/surfaces" \
    "$AWK_JSON"'
    {
        name = jget($0, "name")
        if (name != "\"rosenbrock\"" && name != "\"bowl\"" && name != "\"ravine\"") next
        found++
        want = name == "\"rosenbrock\"" ? "1 1 0" : "0 0 0"
        k = jobjects(jarray($0, "minima"), o)
        got = (jget(o[1], "x") + 0) " " (jget(o[1], "y") + 0) " " (jget(o[1], "f") + 0)
        if (k != 1 || got != want) print name ": " k " minima, first " got ", expected (" want ")"
    }
    END { if (found != 3) print "found " found + 0 " of rosenbrock, bowl, ravine" }'

check "list --json: saddle has \"minima\":[]" "$(grep '"saddle"' "$T/surfaces")" \
    sh -c 'grep "\"name\":\"saddle\"" "$1" | grep -q "\"minima\":\[\]"' - "$T/surfaces"

# Each listed minimum is where trace finds the listed cost and a zero gradient (the
# hinge's minimum sits on a kink, where DESIGN's indicator 1(margin < 1) reports a
# one-sided sub-gradient: only its cost is checked here; test_data checks 0 is in
# its sub-differential).
awk "$AWK_JSON"'{ k = jobjects(jarray($0, "minima"), o); n = jget($0, "name"); gsub(/"/, "", n)
    for (i = 1; i <= k; i++) print n, jget(o[i], "x"), jget(o[i], "y"), jget(o[i], "f") }' \
    "$T/surfaces" >"$T/minima"
: >"$T/msg"
while read -r name mx my mf; do
    run trace --surface "$name" --start "$mx,$my" --steps 0
    awk -F, -v f="$mf" -v name="$name" "$AWK_LIB"'
        NR == 2 { seen = 1
            kink = name == "svm-hinge"
            if (abs($6 - f) > 1e-9 || !(kink || (abs($7) < 1e-6 && abs($8) < 1e-6)))
                print name " at (" $4 "," $5 "): loss " $6 " (listed " f "), gradient (" $7 "," $8 ")" }
        END { if (!seen) print name ": trace printed no row" }' "$T/out" >>"$T/msg"
done <"$T/minima"
check "list/trace: every listed minimum has the listed cost and a zero gradient" \
    "$(cat "$T/msg")" sh -c '[ -s "$1" ] && [ ! -s "$2" ]' - "$T/minima" "$T/msg"

# ---- trace: the CSV shape ------------------------------------------------------

run trace --surface bowl --start 1,2 --start -3,0.5 --start 4,-4 --steps 7
cp "$T/out" "$T/three"
check "trace: header exactly $HEADER" "$(last_run); $(head -1 "$T/three")" \
    sh -c '[ "$1" -eq 0 ] && [ "$(head -1 "$2")" = "$3" ] && [ ! -s "$4" ]' \
    - "$RC" "$T/three" "$HEADER" "$T/err"

awk_check "trace: --steps 7 and three --start give paths 0,1,2 in order, steps 0..7 each" \
    "$T/three" -F, '
    NR == 1 { next }
    { rows++; want_path = int((rows - 1) / 8); want_step = (rows - 1) % 8
      if (NF != 8) print "row " rows ": " NF " fields"
      if ($1 != want_path || $3 != want_step)
          print "row " rows ": path " $1 " step " $3 ", expected path " want_path " step " want_step
      if ($2 != "gd") print "row " rows ": optimizer " $2 }
    $3 == 0 { s = s " " $4 "," $5 }
    END { if (rows != 24) print rows " rows, expected 24"
          if (s != " 1,2 -3,0.5 4,-4") print "step-0 points" s ", expected 1,2 -3,0.5 4,-4" }'

run trace --surface bowl --start 1,1
check "trace: --steps defaults to 100 (101 rows)" "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 102 ]' - "$RC" "$T/out"

run trace --surface himmelblau --start 0.5,-1.25 --steps 0
check "trace: --steps 0 gives just the start row" "$(last_run); $(cat "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 2 ] &&
           sed -n 2p "$2" | grep -q "^0,gd,0,0.5,-1.25,"' - "$RC" "$T/out"

# DESIGN section 3: --optimizer a,b,... races several optimisers from every start,
# paths numbered start by start, optimiser by optimiser.
run trace --surface bowl --optimizer gd,gd --lr 0.1 --start 1,2 --start 3,4 --steps 2
awk -F, '
    NR == 1 { next }
    { rows++; want = int((rows - 1) / 3); if ($1 != want || $2 != "gd" || $3 != (rows - 1) % 3) bad = 1
      if ($3 == 0) s = s " " $1 ":" $4 "," $5 }
    END { if (rows != 12 || bad || s != " 0:1,2 1:1,2 2:3,4 3:3,4")
              print "rows " rows + 0 ", step-0 points" s ", expected 0:1,2 1:1,2 2:3,4 3:3,4" }' \
    "$T/out" >"$T/msg"
check "trace: --optimizer gd,gd races two paths from each start (0,1 from the first)" \
    "$(last_run); $(cat "$T/msg")" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' - "$RC" "$T/msg"

# ---- trace: the numbers ---------------------------------------------------------

for case in 0.01:1000 0.1:200 0.25:200 0.3:300 0.45:150 0.9:400; do
    eta=${case%:*}
    k=${case#*:}
    run trace --surface bowl --lr "$eta" --start 3,-2 --steps "$k"
    awk_check "trace: gd on bowl follows x_k = x0(1-2η)^k, η=$eta, k<=$k" "$T/out" -F, \
        -v eta="$eta" -v k="$k" "$AWK_LIB"'
        NR == 1 { next }
        { rows++; q = (1 - 2 * eta) ^ $3; x = 3 * q; y = -2 * q
          if (rel($4, x) > 1e-12 || rel($5, y) > 1e-12) {
              if (bad++ < 3) print "step " $3 ": (" $4 "," $5 "), closed form (" x "," y ")" } }
        END { if (rows != k + 1) print rows " rows, expected " k + 1 }'
done

run trace --surface bowl --lr 0.5 --start 3,-2 --steps 3
check "trace: gd on bowl with η=0.5 lands on (0,0) in one step" "$(sed -n 3p "$T/out")" \
    sh -c 'sed -n 3,5p "$1" | awk -F, "\$4 != 0 || \$5 != 0 || \$6 != 0 || \$7 != 0 || \$8 != 0 { b = 1 } END { exit b || NR != 3 }"' - "$T/out"

run trace --surface bowl --lr 0.07 --start 4.5,-3.25 --start -0.001,2e-7 --steps 300
awk_check "trace: bowl rows have loss = x²+y², (gx,gy) = (2x,2y)" "$T/out" -F, "$AWK_LIB"'
    NR == 1 { next }
    { rows++
      if (rel($6, $4 * $4 + $5 * $5) > 1e-15 || $7 != 2 * $4 || $8 != 2 * $5)
          if (bad++ < 3) print "row " NR ": " $0 }
    END { if (rows != 602) print rows " rows, expected 602" }'

run trace --surface ravine --lr 0.05 --start 3,2 --steps 100
awk_check "trace: ravine, η=0.05: y is 0 after one step, x_k = 3·0.9^k, loss = x²+10y², g = (2x,20y)" \
    "$T/out" -F, "$AWK_LIB"'
    NR == 1 { next }
    { rows++
      if (rel($4, 3 * 0.9 ^ $3) > 1e-12) if (bad++ < 3) print "step " $3 ": x " $4 ", expected " 3 * 0.9 ^ $3
      if ($3 >= 1 && $5 != 0) if (bad++ < 3) print "step " $3 ": y " $5 ", expected 0"
      if (rel($6, $4 * $4 + 10 * $5 * $5) > 1e-15 || $7 != 2 * $4 || $8 != 20 * $5)
          if (bad++ < 3) print "row: " $0 }
    END { if (rows != 101) print rows " rows, expected 101" }'

run trace --surface ravine --lr 0.1 --start 3,2 --steps 60
awk_check "trace: ravine, η=0.1: y flips sign forever (2,-2,2,...), x_k = 3·0.8^k" "$T/out" -F, \
    "$AWK_LIB"'
    NR == 1 { next }
    { rows++
      if ($5 != ($3 % 2 ? -2 : 2) || rel($4, 3 * 0.8 ^ $3) > 1e-12)
          if (bad++ < 3) print "row: " $0 }
    END { if (rows != 61) print rows " rows, expected 61" }'

run trace --surface rosenbrock --start -1,1 --steps 0
check "trace: rosenbrock at (-1,1): loss 4, gradient (-4,0)" "$(last_run); $(sed -n 2p "$T/out")" \
    sh -c '[ "$(sed -n 2p "$1")" = "0,gd,0,-1,1,4,-4,0" ]' - "$T/out"

run trace --surface rosenbrock --start 1,1 --steps 3
check "trace: rosenbrock at (1,1) stays put with loss 0, gradient (0,0)" "$(cat "$T/out")" \
    sh -c 'awk -F, "NR > 1 && !(\$4 == 1 && \$5 == 1 && \$6 == 0 && \$7 == 0 && \$8 == 0) { b = 1 } END { exit b || NR != 5 }" "$1"' \
    - "$T/out"

run trace --surface rosenbrock --lr 0.001 --start -1.5,2 --start 0.3,-0.8 --steps 400
awk_check "trace: rosenbrock rows match (1-x)²+100(y-x²)², its gradient, and θ ← θ − η g" \
    "$T/out" -F, "$AWK_LIB"'
    function near(a, b) { return abs(a - b) <= 1e-12 * max(max(abs(a), abs(b)), 1) }
    NR == 1 { next }
    { rows++; x = $4; y = $5; a = 1 - x; b = y - x * x
      if (!near($6, a * a + 100 * b * b) || !near($7, -2 * a - 400 * x * b) || !near($8, 200 * b))
          if (bad++ < 3) print "row " NR ": " $0
      if ($3 > 0 && $1 == pp && !(near(x, px - 0.001 * pgx) && near(y, py - 0.001 * pgy)))
          if (bad++ < 3) print "row " NR ": not one gd step from the row before: " $0
      pp = $1; px = x; py = y; pgx = $7; pgy = $8 }
    END { if (rows != 802) print rows " rows, expected 802" }'

run trace --surface himmelblau --start 1,2 --steps 0
check "trace: himmelblau at (1,2): loss 68, gradient (-36,-32)" "$(sed -n 2p "$T/out")" \
    sh -c '[ "$(sed -n 2p "$1")" = "0,gd,0,1,2,68,-36,-32" ]' - "$T/out"

run trace --surface himmelblau --lr 0.005 --start -4.5,4.9 --start 0.25,-0.75 --steps 300
awk_check "trace: himmelblau gradient = (4x(x²+y-11)+2(x+y²-7), 2(x²+y-11)+4y(x+y²-7)) on every row" \
    "$T/out" -F, "$AWK_LIB"'
    function near(a, b) { return abs(a - b) <= 1e-12 * max(max(abs(a), abs(b)), 1) }
    NR == 1 { next }
    { rows++; x = $4; y = $5; a = x * x + y - 11; b = x + y * y - 7
      if (!near($6, a * a + b * b) || !near($7, 4 * x * a + 2 * b) || !near($8, 2 * a + 4 * y * b))
          if (bad++ < 3) print "row " NR ": " $0 " expected loss " a * a + b * b " g " 4 * x * a + 2 * b "," 2 * a + 4 * y * b }
    END { if (rows != 602) print rows " rows, expected 602" }'

run trace --surface himmelblau --lr 0.01 --steps 1000 --start 1,2 --start -1,-1 --start -2,2 --start 2,-2
awk_check "trace: himmelblau, four starts end in four different minima" "$T/out" -F, "$AWK_LIB"'
    BEGIN { split("3 2 -3.779310 -3.283186 -2.805118 3.131312 3.584428 -1.848126", e, " ") }
    $3 == 1000 { n++; if (abs($4 - e[2*n-1]) > 1e-6 || abs($5 - e[2*n]) > 1e-6)
                   print "path " $1 " ends at (" $4 "," $5 "), expected (" e[2*n-1] "," e[2*n] ")" }
    END { if (n != 4) print n + 0 " paths reached step 1000, expected 4" }'

run trace --surface saddle --lr 0.1 --start 1,0 --start 0.5,0.001 --steps 40
awk_check "trace: saddle: loss = x²-y², g = (2x,-2y); y=0 stays 0, y=0.001 grows as 1.2^k" \
    "$T/out" -F, "$AWK_LIB"'
    NR == 1 { next }
    { if (rel($6, $4 * $4 - $5 * $5) > 1e-15 && abs($6) > 1e-300 || $7 != 2 * $4 || $8 != -2 * $5)
          if (bad++ < 3) print "row " NR ": " $0
      if ($1 == 0 && $5 != 0) if (bad++ < 3) print "row " NR ": y left 0: " $0
      if ($1 == 1 && rel($5, 0.001 * 1.2 ^ $3) > 1e-12) if (bad++ < 3) print "row " NR ": y " $5 ", expected " 0.001 * 1.2 ^ $3 }
    END { if (NR != 83) print NR - 1 " rows, expected 82" }'

# ---- trace: number format --------------------------------------------------------

expect_row=$(awk 'BEGIN { printf "0,gd,0,0.10000000000000001,0.20000000000000001,%.17g,0.20000000000000001,0.40000000000000002", 0.1 * 0.1 + 0.2 * 0.2 }')
run trace --surface bowl --start 0.1,0.2 --steps 0
check "trace: numbers have 17 significant digits (0.1 prints as 0.10000000000000001)" \
    "got $(sed -n 2p "$T/out"); expected $expect_row" \
    sh -c '[ "$(sed -n 2p "$1")" = "$2" ]' - "$T/out" "$expect_row"

run trace --surface himmelblau --lr 0.003 --start 0.1,-0.3 --steps 200
awk_check "trace: every number is printed as %.17g of itself (round trip)" "$T/out" -F, '
    NR == 1 { next }
    { for (i = 4; i <= 8; i++) { s = sprintf("%.17g", $i + 0)
        if (s != $i) if (bad++ < 3) print "row " NR " field " i ": " $i " is not %.17g (" s ")" } }
    END { if (NR != 202) print NR - 1 " rows, expected 201" }'

# ---- trace: non-finite values -------------------------------------------------

run trace --surface bowl --lr 1.5 --steps 5000 --start 1,1 --start 0.5,-0.25
awk_check "trace: a diverging path stops at its first non-finite row (written), others go on" \
    "$T/out" -F, "$AWK_LIB"'
    NR == 1 { next }
    $1 == 0 { n0++
      if (stopped) { if (bad++ < 3) print "row after the non-finite one: " $0; next }
      if ($3 != n0 - 1) if (bad++ < 3) print "row " NR ": step " $3 ", expected " n0 - 1
      if (!(finite($4) && finite($5) && finite($6))) { stopped = 1; last = $0 } }
    $1 == 1 { n1++ }
    END {
      if (!stopped) print "path 0 never wrote a non-finite row (" n0 " rows)"
      else if (n0 >= 5001) print "path 0 has " n0 " rows"
      else if (last !~ /(inf|nan)/) print "last row of path 0 has no inf or nan: " last
      if (n1 == 0) print "path 1 missing after the diverged path 0"
      else if (n1 < 2) print "path 1 has only " n1 " rows" }'

run trace --surface bowl --start 1e200,0 --steps 5
check "trace: a start whose loss overflows gives one row with loss inf" "$(last_run); $(cat "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 2 ] &&
           sed -n 2p "$2" | awk -F, "{ exit !(\$3 == 0 && \$6 == \"inf\") }"' - "$RC" "$T/out"

run trace --surface saddle --start 1e200,1e200 --steps 5
check "trace: a start whose loss is NaN (inf-inf) gives one row with loss nan" \
    "$(last_run); $(cat "$T/out")" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 2 ] &&
           sed -n 2p "$2" | awk -F, "{ exit !(\$3 == 0 && \$6 ~ /^-?nan$/) }"' - "$RC" "$T/out"

run trace --surface bowl --lr 1.5 --steps 10000000 --start 1,1
check "trace: --steps 10000000 (the limit) is accepted" "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -gt 500 ] && [ "$(wc -l <"$2")" -lt 600 ]' \
    - "$RC" "$T/out"

set --
i=0
while [ $i -lt 256 ]; do set -- "$@" --start "$i,-$i"; i=$((i + 1)); done
run trace --surface bowl --steps 0 "$@"
check "trace: 256 --start (the limit) gives paths 0..255 in order" "$(last_run)" \
    sh -c '[ "$1" -eq 0 ] && awk -F, "NR > 1 && (\$1 != NR - 2 || \$4 != NR - 2) { b = 1 } END { exit b || NR != 257 }" "$2"' \
    - "$RC" "$T/out"

# ---- exit status 2 and one clear line --------------------------------------------

usage_error "error: 257 --start names the limit 256" "--start|256" trace --surface bowl "$@" --start 1,1
set --
usage_error "error: unknown surface lists the valid ones" \
    "--surface|nosuch|bowl|ravine|saddle|rosenbrock|himmelblau" trace --surface nosuch --start 1,1
usage_error "error: unknown optimizer" "--optimizer|nosuch|gd" trace --optimizer nosuch --start 1,1
for v in 0 -1 abc nan inf -inf 1e-400 1x; do
    usage_error "error: --lr $v" "--lr|$v|0" trace --lr "$v" --start 1,1
done
usage_error "error: --start 1 (missing Y)" "--start|X,Y" trace --start 1
usage_error "error: --start 1,2,3" "--start|X,Y" trace --start 1,2,3
usage_error "error: --start nan,1" "--start|finite" trace --start nan,1
usage_error "error: --start 1,inf" "--start|finite" trace --start 1,inf
usage_error "error: --start a,b" "--start|X,Y" trace --start a,b
usage_error "error: --steps -1" "--steps|-1" trace --start 1,1 --steps -1
usage_error "error: --steps 10000001 names the limit" "--steps|10000000" trace --start 1,1 --steps 10000001
usage_error "error: --steps 1.5" "--steps|1.5" trace --start 1,1 --steps 1.5
usage_error "error: --steps 99999999999999999999" "--steps" trace --start 1,1 --steps 99999999999999999999
usage_error "error: trace without --start" "--start" trace --surface bowl
usage_error "error: unknown option" "--bogus" trace --start 1,1 --bogus 3
usage_error "error: option missing its value" "--lr" trace --start 1,1 --lr
usage_error "error: --start missing its value" "--start" trace --start
usage_error "error: unknown subcommand" "frobnicate" frobnicate
usage_error "error: list rejects a trace option" "--start" list --start 1,1
usage_error "error: --view 1,0,0,1 (X0 >= X1)" "--view|X0" trace --start 1,1 --view 1,0,0,1
usage_error "error: --view 0,1,2,2 (Y0 >= Y1)" "--view|Y0" render --out "$T/e.png" --view 0,1,2,2
usage_error "error: --view 0,1,0,nan" "--view|finite" render --out "$T/e.png" --view 0,1,0,nan
usage_error "error: --view 0,1,0 (three numbers)" "--view" render --out "$T/e.png" --view 0,1,0
usage_error "error: --size 0x10" "--size|0x10" render --out "$T/e.png" --size 0x10
usage_error "error: --size 9000x100 names the limit 8192" "--size|8192" render --out "$T/e.png" --size 9000x100
usage_error "error: --size 100x8193 names the limit 8192" "--size|8192" layout --size 100x8193
usage_error "error: --size 640" "--size|WxH" render --out "$T/e.png" --size 640
usage_error "error: --levels 0" "--levels|100" render --out "$T/e.png" --levels 0
usage_error "error: --levels 101" "--levels|100" render --out "$T/e.png" --levels 101
usage_error "error: --levels 2.5" "--levels" render --out "$T/e.png" --levels 2.5
usage_error "error: --mode foo" "--mode|foo|heat|contour|both" render --out "$T/e.png" --mode foo
usage_error "error: --colormap foo lists the maps" "--colormap|foo|viridis|gray" render --out "$T/e.png" --colormap foo
usage_error "error: render without --out" "--out" render --surface bowl
usage_error "error: render with an unknown surface" "--surface|nosuch" render --out "$T/e.png" --surface nosuch
check "error: failed render usage leaves no file behind" "$(ls "$T")" test ! -e "$T/e.png"

run layout --size 64x64
check "layout: --size 64x64 is accepted" "$(last_run)" test "$RC" -eq 0
run layout --size 8192x8192
check "layout: --size 8192x8192 (the limit) is accepted" "$(last_run)" test "$RC" -eq 0

# ---- render ------------------------------------------------------------------

mkdir "$T/r"
run render --surface bowl --out "$T/r/default.png"
check "render: default size is 1000x750, exit 0, quiet" "$(last_run); $(identify -format %wx%h "$T/r/default.png" 2>&1)" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ] && [ ! -s "$3" ] &&
           [ "$(identify -format %wx%h "$4" 2>/dev/null)" = 1000x750 ]' \
    - "$RC" "$T/out" "$T/err" "$T/r/default.png"

run render --surface rosenbrock --size 320x480 --out "$T/r/tall.png"
check "render: --size 320x480 gives a 320x480 PNG" "$(last_run); $(identify -format %wx%h "$T/r/tall.png" 2>&1)" \
    sh -c '[ "$1" -eq 0 ] && [ "$(identify -format %wx%h "$2" 2>/dev/null)" = 320x480 ]' \
    - "$RC" "$T/r/tall.png"

run render --surface bowl --mode heat --size 400x300 --out "$T/r/heat.png"
check "render: --size 400x300 gives a complete 400x300 PNG" "$(last_run); $(identify "$T/r/heat.png" 2>&1)" \
    sh -c '[ "$1" -eq 0 ] && identify -regard-warnings "$2" >/dev/null 2>&1 &&
           [ "$(identify -format "%m %wx%h" "$2" 2>/dev/null)" = "PNG 400x300" ]' - "$RC" "$T/r/heat.png"
check "render: no temporary file left beside the output" "$(ls "$T/r")" \
    sh -c '[ "$(ls "$1" | tr "\n" " ")" = "default.png heat.png tall.png " ]' - "$T/r"

# The plot area: the longest run of coloured (not grey) pixels across the middle
# row, then down the middle of that run.
AWK_COL='
function col(x, y,   hi, lo) {
    hi = R[x, y]; lo = R[x, y]
    if (G[x, y] > hi) hi = G[x, y]
    if (G[x, y] < lo) lo = G[x, y]
    if (B[x, y] > hi) hi = B[x, y]
    if (B[x, y] < lo) lo = B[x, y]
    return hi - lo > 20
}
'
rect=$(img_awk "$T/r/heat.png" "$AWK_COL" '
    y = int(H / 2); best = 0; run = 0
    for (x = 0; x < W; x++) { if (col(x, y)) { run++; if (run > best) { best = run; x1 = x } } else run = 0 }
    x0 = x1 - best + 1; xc = int((x0 + x1) / 2); best = 0; run = 0
    for (y = 0; y < H; y++) { if (col(xc, y)) { run++; if (run > best) { best = run; y1 = y } } else run = 0 }
    y0 = y1 - best + 1
    print x0, x1, y0, y1')
# shellcheck disable=SC2086
set -- $rect
X0=${1:-0}
X1=${2:-0}
Y0=${3:-0}
Y1=${4:-0}
set --
check "render: the bowl's plot area is square (view [-5,5]²), left of centre, >= 120 px" \
    "plot area x $X0..$X1, y $Y0..$Y1" \
    sh -c 'w=$(($2 - $1)); h=$(($4 - $3)); d=$((w - h));
           [ "$w" -ge 120 ] && [ "$d" -le 3 ] && [ "$d" -ge -3 ] && [ $((($1 + $2) / 2)) -lt 200 ]' \
    - "$X0" "$X1" "$Y0" "$Y1"
PLOT="-v X0=$X0 -v X1=$X1 -v Y0=$Y0 -v Y1=$Y1"

# AWK: pixel (px, py) of world point (wx, wy) in the view [-5,5]².
AWK_MAP='
function mx(wx) { return int(X0 + (wx + 5) / 10 * (X1 - X0) + 0.5) }
function my(wy) { return int(Y1 - (wy + 5) / 10 * (Y1 - Y0) + 0.5) }
function d2(x, y, r, g, b) { return (R[x, y] - r) ^ 2 + (G[x, y] - g) ^ 2 + (B[x, y] - b) ^ 2 }
'
# shellcheck disable=SC2086
img_awk "$T/r/heat.png" "$AWK_MAP" '
    cx = mx(0); cy = my(0)
    if (d2(cx, cy, 68, 1, 84) > 3 * 8 ^ 2)
        print "centre (0,0) at " cx "," cy " is " R[cx,cy] "," G[cx,cy] "," B[cx,cy] ", expected viridis 68,1,84"
    c[1] = mx(-5) + 2; c[2] = my(5) + 2; c[3] = mx(5) - 2; c[4] = my(5) + 2
    c[5] = mx(-5) + 2; c[6] = my(-5) - 2; c[7] = mx(5) - 2; c[8] = my(-5) - 2
    for (i = 1; i <= 8; i += 2) { x = c[i]; y = c[i + 1]
        if (!(R[x, y] > 200 && G[x, y] > 190 && B[x, y] < 90))
            print "corner " x "," y " is " R[x,y] "," G[x,y] "," B[x,y] ", expected yellow (viridis high end 253,231,37)" }
    lo = 1e9
    for (x = X0 + 2; x <= X1 - 2; x++) for (y = Y0 + 2; y <= Y1 - 2; y++) {
        s = R[x, y] + G[x, y] + B[x, y]; if (s < lo) lo = s }
    for (x = X0 + 2; x <= X1 - 2; x++) for (y = Y0 + 2; y <= Y1 - 2; y++)
        if (R[x, y] + G[x, y] + B[x, y] <= lo + 6) { n++; sx += x; sy += y }
    if (n == 0 || (sx / n - cx) ^ 2 + (sy / n - cy) ^ 2 > 3 ^ 2)
        print "darkest pixels centred at " (n ? sx / n "," sy / n : "nowhere") ", expected near " cx "," cy
    ' $PLOT >"$T/msg"
check "render: bowl heat-map is dark purple at (0,0), yellow at the corners, darkest around (0,0)" \
    "$(cat "$T/msg")" test ! -s "$T/msg"

run render --surface bowl --mode heat --colormap gray --size 400x300 --out "$T/r/gray.png"
# shellcheck disable=SC2086
img_awk "$T/r/gray.png" "$AWK_MAP" '
    for (x = X0 + 2; x <= X1 - 2; x++) for (y = Y0 + 2; y <= Y1 - 2; y++)
        if (R[x, y] != G[x, y] || G[x, y] != B[x, y]) if (bad++ < 3) print "pixel " x "," y " is " R[x,y] "," G[x,y] "," B[x,y]
    if (R[mx(0), my(0)] > 40) print "centre is " R[mx(0), my(0)] ", expected dark"
    if (R[mx(-5) + 2, my(5) + 2] < 215) print "corner is " R[mx(-5) + 2, my(5) + 2] ", expected light"
    ' $PLOT >"$T/msg"
check "render: --colormap gray gives grey pixels (r=g=b) in the plot, dark at (0,0), light at a corner" \
    "$(last_run); $(cat "$T/msg")" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' - "$RC" "$T/msg"

run render --surface bowl --mode contour --size 400x300 --out "$T/r/contour.png"
# shellcheck disable=SC2086
img_awk "$T/r/contour.png" "" '
    for (x = X0 + 2; x <= X1 - 2; x++) for (y = Y0 + 2; y <= Y1 - 2; y++) {
        n++; k = R[x, y] "," G[x, y] "," B[x, y]; cnt[k]++ }
    for (k in cnt) if (cnt[k] > best) { best = cnt[k]; top = k }
    if (top != "255,255,255") print "most common plot colour is " top " (" best " of " n "), expected white"
    if (cnt["255,255,255"] < 0.3 * n) print cnt["255,255,255"] + 0 " of " n " plot pixels white, expected at least 30%"
    if (cnt["255,255,255"] > 0.97 * n) print cnt["255,255,255"] " of " n " plot pixels white: no contour lines?"
    ' $PLOT >"$T/msg"
check "render: --mode contour draws lines on a white plot background" \
    "$(last_run); $(cat "$T/msg")" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' - "$RC" "$T/msg"

# shellcheck disable=SC2086
img_awk "$T/r/heat.png" "" '
    for (x = X0 + 2; x <= X1 - 2; x++) for (y = Y0 + 2; y <= Y1 - 2; y++)
        if (R[x, y] == 255 && G[x, y] == 255 && B[x, y] == 255) white++
    if (white > 0) print white " white pixels in the heat-map"
    ' $PLOT >"$T/msg"
check "render: --mode heat fills the plot (no white pixel)" "$(cat "$T/msg")" test ! -s "$T/msg"

run render --surface bowl --mode heat --size 400x300 --start 3,3 --steps 50 --out "$T/r/path.png"
rc_path=$RC
# Both pictures in one awk: the one without the path is read from a PPM file.
"$CONVERT" "$T/r/heat.png" -depth 8 -compress none ppm:- >"$T/a.ppm" 2>/dev/null
# shellcheck disable=SC2086
img_awk "$T/r/path.png" "$AWK_MAP" '
    while ((getline line < A) > 0) {
        m = split(line, tok, /[ \t]+/)
        for (i = 1; i <= m; i++) { t = tok[i]; if (t == "") continue
            a++; if (a <= 4) continue
            k = a - 5; p = int(k / 3); c = k % 3; xx = p % W; yy = int(p / W)
            if (c == 0) R0[xx, yy] = t + 0; else if (c == 1) G0[xx, yy] = t + 0; else B0[xx, yy] = t + 0 } }
    if (a < 5) print "cannot read the picture without the path"
    # gd with η = 0.01 from (3,3) for 50 steps ends at 3·0.98^50 ≈ 1.09 on the diagonal
    split("2.8 2.4 2.0 1.6 1.3", on, " ")
    for (i = 1; i <= 5; i++) {
        cx = mx(on[i]); cy = my(on[i]); hit = 0
        for (dx = -2; dx <= 2; dx++) for (dy = -2; dy <= 2; dy++)
            if (R[cx+dx, cy+dy] != R0[cx+dx, cy+dy] || G[cx+dx, cy+dy] != G0[cx+dx, cy+dy] || B[cx+dx, cy+dy] != B0[cx+dx, cy+dy]) hit = 1
        if (!hit) print "no change near (" on[i] "," on[i] ") = pixel " cx "," cy }
    split("-3 -3 3 -3 -3.5 0 0 -4", off, " ")
    for (i = 1; i <= 8; i += 2) {
        cx = mx(off[i]); cy = my(off[i + 1])
        if (R[cx, cy] != R0[cx, cy] || G[cx, cy] != G0[cx, cy] || B[cx, cy] != B0[cx, cy])
            print "pixel at (" off[i] "," off[i + 1] ") changed, far from the path" }
    ' $PLOT -v A="$T/a.ppm" >"$T/msg"
check "render: --start 3,3 --steps 50 draws the path from (3,3) toward (0,0) and nothing far off" \
    "exit $rc_path; $(cat "$T/msg")" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' - "$rc_path" "$T/msg"

run render --surface bowl --out /nonexistent/x.png
check "render: --out in a missing directory: exit 1, one line on stderr, no file" \
    "$(last_run)" sh -c '[ "$1" -eq 1 ] && [ "$(wc -l <"$2")" -eq 1 ] && [ ! -s "$3" ] &&
        grep -qF /nonexistent/x.png "$2" && [ ! -e /nonexistent/x.png ]' - "$RC" "$T/err" "$T/out"

mkdir -p "$T/w/outdir"
run render --surface bowl --size 200x150 --out "$T/w/outdir"
check "render: --out naming a directory: exit 1, one line, no file or temp file left" \
    "$(last_run); left: $(ls -A "$T/w" "$T/w/outdir" | tr '\n' ' ')" \
    sh -c '[ "$1" -eq 1 ] && [ "$(wc -l <"$2")" -eq 1 ] && [ "$(ls -A "$3")" = outdir ] &&
           [ -z "$(ls -A "$3/outdir")" ]' - "$RC" "$T/err" "$T/w"

printf 'old contents\n' >"$T/w/keep.png"
run render --surface bowl --levels 101 --out "$T/w/keep.png"
check "render: a usage error leaves an existing --out file untouched" "$(last_run)" \
    sh -c '[ "$1" -eq 2 ] && [ "$(cat "$2")" = "old contents" ]' - "$RC" "$T/w/keep.png"

# ---- output that cannot be written ---------------------------------------------

# DESIGN section 3: exit 1 on any failure other than bad usage; /dev/full makes
# every write fail (ENOSPC).
if [ -c /dev/full ]; then
    for cmd in "list" "list --json" "layout" "trace --surface bowl --start 1,1"; do
        # shellcheck disable=SC2086
        $TIMEOUT "$BIN" $cmd >/dev/full 2>"$T/err"
        RC=$?
        check "write error: '$cmd >/dev/full' exits 1 with one line on stderr" \
            "exit $RC; stderr: $(head -3 "$T/err")" \
            sh -c '[ "$1" -eq 1 ] && [ "$(wc -l <"$2")" -eq 1 ]' - "$RC" "$T/err"
    done
fi

# ---- layout -------------------------------------------------------------------

WIDGETS="surface optimizer lr speed levels mode colormap play step reset clear"
# the window sizes: the default (1280x800, DESIGN section 3) and two others
for size in default 1920x1080 1024x768; do
    if [ "$size" = default ]; then run layout; ww=1280 wh=800; else run layout --size "$size"; ww=${size%x*} wh=${size#*x}; fi
    cp "$T/out" "$T/layout-$size.json"
    if [ "$RC" -eq 0 ] && json_ok "$T/out"; then
        ok "layout $size: exit 0, valid JSON"
    else
        notok "layout $size: exit 0, valid JSON" "$(last_run); $(head -c 200 "$T/out")"
    fi
    awk_check "layout $size: canvas and every widget inside the window, none overlapping" "$T/out" \
        -v W="$ww" -v H="$wh" -v want="$WIDGETS" "$AWK_JSON"'
        function inside(what, x, y, w, h) {
            if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= W && y + h <= H))
                print what " (" x "," y " " w "x" h ") not inside the " W "x" H " window" }
        function overlap(a, b) { return X[a] < X[b] + Wd[b] && X[b] < X[a] + Wd[a] && Y[a] < Y[b] + Ht[b] && Y[b] < Y[a] + Ht[a] }
        { s = s $0 }
        END {
            i = index(s, "\"canvas\":{"); c = substr(s, i + 9); c = substr(c, 1, index(c, "}"))
            if (i == 0) { print "no canvas"; exit }
            cr = jget(c, "x") " " jget(c, "y") " " jget(c, "w") " " jget(c, "h")
            if (cr !~ /^[0-9]+ [0-9]+ [0-9]+ [0-9]+$/) print "canvas is not four whole numbers: " c
            X["canvas"] = jget(c, "x") + 0; Y["canvas"] = jget(c, "y") + 0; Wd["canvas"] = jget(c, "w") + 0; Ht["canvas"] = jget(c, "h") + 0
            inside("canvas", X["canvas"], Y["canvas"], Wd["canvas"], Ht["canvas"])
            n = jobjects(jarray(s, "widgets"), o)
            for (j = 1; j <= n; j++) { nm = jget(o[j], "name"); gsub(/"/, "", nm)
                X[nm] = jget(o[j], "x") + 0; Y[nm] = jget(o[j], "y") + 0
                Wd[nm] = jget(o[j], "w") + 0; Ht[nm] = jget(o[j], "h") + 0
                names[j] = nm; inside(nm, X[nm], Y[nm], Wd[nm], Ht[nm]) }
            k = split(want, w, " ")
            for (j = 1; j <= k; j++) if (!(w[j] in X)) print "no widget named " w[j]
            for (j = 1; j <= n; j++) {
                if (overlap("canvas", names[j])) print "canvas overlaps widget " names[j]
                for (m = j + 1; m <= n; m++) if (overlap(names[j], names[m])) print names[j] " overlaps " names[m] }
        }'
done

awk "$AWK_JSON"'{ s = s $0 } END { i = index(s, "\"canvas\":{"); c = substr(s, i + 9); c = substr(c, 1, index(c, "}")); print jget(c, "w"), jget(c, "h") }' \
    "$T/layout-default.json" >"$T/c1"
awk "$AWK_JSON"'{ s = s $0 } END { i = index(s, "\"canvas\":{"); c = substr(s, i + 9); c = substr(c, 1, index(c, "}")); print jget(c, "w"), jget(c, "h") }' \
    "$T/layout-1920x1080.json" >"$T/c2"
check "layout: --size 1920x1080 gives a larger canvas than 1280x800" \
    "1280x800: $(cat "$T/c1"); 1920x1080: $(cat "$T/c2")" \
    sh -c 'read w1 h1 <"$1"; read w2 h2 <"$2"; [ "$w2" -gt "$w1" ] && [ "$h2" -gt "$h1" ]' \
    - "$T/c1" "$T/c2"

finish
