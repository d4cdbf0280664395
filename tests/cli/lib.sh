# Helpers for the command-line tests (sourced by tests/cli/*.sh; POSIX sh).
# Every check prints exactly one line, "ok NAME" or "not ok NAME"; detail lines
# after a failure are indented so they never start with "ok " or "not ok ".
# Programs under test always run with stdout and stderr sent to files.

BIN=${LOSSCAPE:-build/losscape}
T=$(mktemp -d "${TMPDIR:-/tmp}/losscape-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
PASSED=0
FAILED=0

# A hung program counts as a failure, not a hung suite.
if command -v timeout >/dev/null 2>&1; then TIMEOUT="timeout 20"; else TIMEOUT=; fi
# ImageMagick proper when it is there (a stand-in may sit earlier on PATH).
if [ -x /usr/bin/convert ]; then CONVERT=/usr/bin/convert; else CONVERT=convert; fi

ok() {
    echo "ok $1"
    PASSED=$((PASSED + 1))
}

# notok NAME [DETAIL ...]: detail lines are indented by four spaces.
notok() {
    echo "not ok $1"
    shift
    for d in "$@"; do printf '%s\n' "$d" | head -5 | sed 's/^/    /'; done
    FAILED=$((FAILED + 1))
}

# check NAME DETAIL CONDITION...: ok when the command CONDITION succeeds.
check() {
    _n=$1
    _d=$2
    shift 2
    if "$@"; then ok "$_n"; else notok "$_n" "$_d"; fi
}

# run ARGS...: runs the program; sets RC; stdout in $T/out, stderr in $T/err.
run() {
    $TIMEOUT "$BIN" "$@" >"$T/out" 2>"$T/err"
    RC=$?
}

# Shows what the last run did, for detail lines.
last_run() {
    printf 'exit %s; stdout %s lines; stderr: %s' "$RC" "$(wc -l <"$T/out" | tr -d ' ')" \
        "$(head -3 "$T/err")"
}

lines() { wc -l <"$1" | tr -d ' '; }

# usage_error NAME "TEXT1|TEXT2|..." ARGS...: the run must exit 2, print nothing on
# stdout and exactly one line on stderr containing every |-separated fixed TEXT.
usage_error() {
    _n=$1
    _texts=$2
    shift 2
    run "$@"
    _why=
    [ "$RC" -eq 2 ] || _why="exit $RC, expected 2"
    [ -s "$T/out" ] && _why="$_why; stdout not empty: $(head -1 "$T/out")"
    [ "$(lines "$T/err")" -eq 1 ] || _why="$_why; stderr has $(lines "$T/err") lines, expected 1"
    _old_ifs=$IFS
    IFS="|"
    set -f
    for _t in $_texts; do
        grep -qF -e "$_t" "$T/err" || _why="$_why; stderr lacks '$_t'"
    done
    set +f
    IFS=$_old_ifs
    if [ -z "$_why" ]; then
        ok "$_n"
    else
        notok "$_n" "losscape $*" "${_why#; }" "stderr: $(head -3 "$T/err")"
    fi
}

# awk_check NAME FILE [AWK OPTIONS...] PROGRAM: PROGRAM prints one line per
# problem it finds; ok when it prints nothing and exits 0.
awk_check() {
    _n=$1
    _f=$2
    shift 2
    _msg=$(awk "$@" "$_f" 2>&1)
    _rc=$?
    if [ $_rc -eq 0 ] && [ -z "$_msg" ]; then
        ok "$_n"
    else
        notok "$_n" "$(printf '%s\n' "$_msg" | head -3)"
    fi
}

# Shared awk code for CSV from `trace`: a field is a finite number when it looks
# like %.17g prints one; rel(a, b) is the relative difference.
# shellcheck disable=SC2034
AWK_LIB='
function finite(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?$/ }
function abs(v) { return v < 0 ? -v : v }
function max(a, b) { return a > b ? a : b }
function rel(a, b) { return abs(a - b) / max(max(abs(a), abs(b)), 1e-300) }
'

# JSON helpers in awk. jget(s, key): the raw value of the first "key": in s (a
# string keeps its quotes). jarray(s, key): the text inside "key":[ ... ] (no
# nested arrays). jobjects(s, arr): splits "{..},{..}" into arr, returns count.
# shellcheck disable=SC2034
AWK_JSON='
function jget(s, key,   i, r, c, q) {
    i = index(s, "\"" key "\":")
    if (i == 0) return ""
    r = substr(s, i + length(key) + 3)
    sub(/^[ \t]*/, "", r)
    if (substr(r, 1, 1) == "\"") {
        q = "\""
        for (i = 2; i <= length(r); i++) {
            c = substr(r, i, 1)
            if (c == "\\") { i++; continue }
            if (c == "\"") return substr(r, 1, i)
        }
        return r
    }
    match(r, /^[^],}]*/)
    r = substr(r, 1, RLENGTH)
    sub(/[ \t]*$/, "", r)
    return r
}
function jarray(s, key,   i, r) {
    i = index(s, "\"" key "\":[")
    if (i == 0) return "\001"
    r = substr(s, i + length(key) + 4)
    i = index(r, "]")
    return substr(r, 1, i - 1)
}
function jobjects(s, arr,   n, i) {
    gsub(/[ \t]/, "", s)
    if (s == "") return 0
    n = split(s, arr, /\},\{/)
    for (i = 1; i <= n; i++) { gsub(/[{}]/, "", arr[i]); arr[i] = "{" arr[i] "}" }
    return n
}
'

# json_ok FILE: valid JSON by jq when installed, else a crude check that brackets
# balance outside strings and the text is one value.
json_ok() {
    if command -v jq >/dev/null 2>&1; then
        jq -e . "$1" >/dev/null 2>&1
        return
    fi
    awk '
    { s = s $0 " " }
    END {
        d = 0; ins = 0; bad = 0; closed = 0
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (ins) {
                if (c == "\\") i++
                else if (c == "\"") ins = 0
                continue
            }
            if (c == "\"") { ins = 1; continue }
            if (c == " " || c == "\t") continue
            if (closed) bad = 1
            if (c == "[" || c == "{") st[++d] = c
            else if (c == "]" || c == "}") {
                if (d == 0 || (c == "]") != (st[d] == "[")) bad = 1
                else d--
                if (d == 0) closed = 1
            }
        }
        exit (bad || ins || d != 0 || !closed)
    }' "$1"
}

# json_elements FILE: prints each element of the top-level JSON array on a line.
json_elements() {
    awk '
    { s = s $0 " " }
    END {
        d = 0; ins = 0; e = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (ins) {
                e = e c
                if (c == "\\") { i++; e = e substr(s, i, 1) }
                else if (c == "\"") ins = 0
                continue
            }
            if (c == "\"") ins = 1
            if (c == "[" || c == "{") { d++; if (d == 1) continue }
            if (c == "]" || c == "}") { d--; if (d == 0) { if (e != "") print e; e = ""; continue } }
            if (d == 1 && c == ",") { print e; e = ""; continue }
            if (d >= 1 && !(d == 1 && (c == " " || c == "\t"))) e = e c
        }
    }' "$1"
}

# img_awk IMAGE FUNCTIONS BODY [awk -v assignments...]: runs awk with the image's
# pixels in R[x,y], G[x,y], B[x,y] (0..255) and its size in W, H; BODY is the
# body of the END block (FUNCTIONS, awk functions it may call) and prints one
# line per problem found.
img_awk() {
    _img=$1
    _f=$2
    _p=$3
    shift 3
    "$CONVERT" "$_img" -depth 8 -compress none ppm:- 2>/dev/null | awk "$@" "$_f"'
    {
        for (_i = 1; _i <= NF; _i++) {
            _t = $_i
            if (_t ~ /^#/) break
            NTOK++
            if (NTOK == 1) continue
            if (NTOK == 2) { W = _t + 0; continue }
            if (NTOK == 3) { H = _t + 0; continue }
            if (NTOK == 4) continue
            _k = NTOK - 5; _p = int(_k / 3); _c = _k % 3; _x = _p % W; _y = int(_p / W)
            if (_c == 0) R[_x, _y] = _t + 0
            else if (_c == 1) G[_x, _y] = _t + 0
            else B[_x, _y] = _t + 0
        }
    }
    END { if (NTOK < 5) { print "cannot read the image"; exit 1 } '"$_p"' }'
}

# finish: the suite's own summary goes to stderr so it adds no ok/not ok lines.
finish() {
    echo "# cli: $PASSED passed, $FAILED failed" >&2
    [ "$FAILED" -eq 0 ]
}
