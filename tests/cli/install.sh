#!/bin/sh
# `make install` puts the program, its assets, a .desktop entry and an icon under
# PREFIX, and the installed program finds its fonts from anywhere.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

make -s install DESTDIR="$T/root" PREFIX=/usr >"$T/make.log" 2>&1
check install-runs "$(tail -3 "$T/make.log")" [ -x "$T/root/usr/bin/losscape" ]
check install-desktop-entry "no .desktop entry" \
    grep -q "^Exec=losscape" "$T/root/usr/share/applications/losscape.desktop"
check install-icon "no icon" [ -s "$T/root/usr/share/icons/hicolor/256x256/apps/losscape.png" ]
check install-lessons "no lessons installed" sh -c 'ls "$1"/usr/share/losscape/scenes/*.scene >/dev/null' - "$T/root"
(cd / && LOSSCAPE_ASSETS= "$T/root/usr/bin/losscape" render --out "$T/r.png" --size 200x150) \
    >"$T/out" 2>"$T/err"
check install-finds-assets "$(cat "$T/err")" [ -s "$T/r.png" ]
finish
