# Runs an end-to-end script inside its own X server, sourced by tests/e2e/*.sh and
# tests/soak/soak.sh (and gives it a work directory cleaned up at exit, below):
#     . tests/lib/xvfb.sh
#     xvfb_run_self NAME WxH LIMIT "$0" TOOL...
# Outside Xvfb it checks build/losscape (or $BIN) and the TOOLs are there, then
# re-runs "$0" under `xvfb-run -a` with a WxH screen, capped at LIMIT seconds, and
# exits with its status; inside (LOSSCAPE_XVFB_INNER=1) it returns at once, and the
# script goes on with DISPLAY set. xvfb-run -a can lose a race with another run
# for a display number: the inner run touches a marker first, and a run that never
# touched it is retried (3 tries). Failures of its own are "not ok NAME-xvfb",
# "NAME-prerequisites" and "NAME-time-limit", with "# " details.
xvfb_run_self() {
    _name=$1 _size=$2 _limit=$3 _self=$4
    shift 4
    if [ "${LOSSCAPE_XVFB_INNER:-}" = 1 ]; then
        [ -n "${LOSSCAPE_XVFB_STARTED:-}" ] && : >"$LOSSCAPE_XVFB_STARTED"
        return 0
    fi
    _missing=""
    for _tool in xvfb-run timeout "$@"; do
        command -v "$_tool" >/dev/null 2>&1 || _missing="$_missing $_tool"
    done
    if [ -n "$_missing" ] || [ ! -x "${BIN:-build/losscape}" ]; then
        echo "not ok $_name-prerequisites"
        [ -n "$_missing" ] && echo "# missing:$_missing (packages xvfb, xdotool, imagemagick)"
        [ -x "${BIN:-build/losscape}" ] || echo "# ${BIN:-build/losscape} is missing: run make"
        exit 1
    fi
    _started=$(mktemp "${TMPDIR:-/tmp}/losscape-xvfb.XXXXXX") || exit 1
    rm -f "$_started"
    _try=1
    while :; do
        LOSSCAPE_XVFB_INNER=1 LOSSCAPE_XVFB_STARTED=$_started timeout -k 5 "$_limit" \
            xvfb-run -a -s "-screen 0 ${_size}x24" sh "$_self"
        _rc=$?
        if [ -e "$_started" ] || [ $_try -ge 3 ]; then break; fi
        _try=$((_try + 1))
        sleep "$_try"
    done
    if [ ! -e "$_started" ]; then
        echo "not ok $_name-xvfb"
        echo "# xvfb-run -a could not start an X server (3 tries, last status $_rc)"
    elif [ "$_rc" -eq 124 ] || [ "$_rc" -eq 137 ]; then
        echo "not ok $_name-time-limit"
        echo "# the run took more than $_limit s and was stopped"
    fi
    rm -f "$_started"
    exit "$_rc"
}

# xvfb_workdir NAME: inside Xvfb, a temporary directory TMPD holding SAVE (an empty
# save directory for the window); at exit the program whose pid is in APP, if it
# still runs, is stopped (TERM, then KILL) and TMPD removed.
xvfb_workdir() {
    TMPD=$(mktemp -d "${TMPDIR:-/tmp}/losscape-$1.XXXXXX") || exit 1
    SAVE=$TMPD/save
    mkdir -p "$SAVE"
    APP=""
    trap xvfb_cleanup EXIT
    trap 'exit 1' INT TERM HUP
}

# The EXIT trap of xvfb_workdir.
xvfb_cleanup() {
    if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
        kill "$APP" 2>/dev/null
        sleep 0.3
        kill -9 "$APP" 2>/dev/null
    fi
    rm -rf "$TMPD"
}
