# How the scripts that drive the real window (tests/e2e/*.sh, tests/soak/soak.sh)
# report their checks and wait for the program, sourced next to tests/lib/xvfb.sh:
#     . tests/lib/check.sh
#     poll 10 0.3 overlay_shown && ok help-opens || no help-opens "DETAIL" ...
# The program is the one whose pid is in APP (xvfb_workdir sets it empty); FAILS
# counts the failed checks, for a script's exit status. The names are short and
# unprefixed on purpose: they make up most lines of the scripts.
FAILS=0

# ok NAME: one passed check, "ok NAME".
ok() { echo "ok $1"; }

# no NAME DETAIL...: one failed check, "not ok NAME", then every line of every
# DETAIL as a "# " line, and a note when the program has ended; counts FAILS.
no() {
    echo "not ok $1"
    shift
    for _line in "$@"; do printf '%s\n' "$_line" | sed 's/^/# /'; done
    if [ -n "$APP" ] && ! alive; then echo "# (losscape is no longer running)"; fi
    FAILS=$((FAILS + 1))
}

# alive: status 0 while the program in APP runs (1 when APP is empty). By ps alone:
# the program's main thread reads Z while its other threads are still exiting, and
# the shell may reap it while ps starts, which then prints nothing; "kill -0 works
# and no Z" read that as alive (a false "still running after Ctrl+Q").
alive() {
    [ -n "$APP" ] || return 1
    _st=$(ps -o stat= -p "$APP" 2>/dev/null) || return 1
    case $_st in "" | *Z*) return 1 ;; esac
}

# ended: status 0 once the program in APP has ended, the opposite of alive.
ended() { ! alive; }

# poll TRIES PAUSE CMD...: waits PAUSE seconds and runs CMD, again until it succeeds,
# TRIES times at most; status 0 when it did, else 1. Once the program in APP (when
# set) has ended it gives up after one more try, which still sees what the program
# did on its way out.
poll() {
    _poll_tries=$1 _poll_pause=$2
    shift 2
    while :; do
        sleep "$_poll_pause"
        _poll_gone=0
        [ -n "$APP" ] && ! alive && _poll_gone=1
        "$@" && return 0
        _poll_tries=$((_poll_tries - 1))
        [ "$_poll_tries" -gt 0 ] && [ "$_poll_gone" -eq 0 ] || return 1
    done
}
