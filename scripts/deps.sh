#!/bin/sh
# Installs the Debian packages losscape needs to build, run, test and benchmark,
# but only those that are missing; through sudo when not root. Used by `make run`
# and `make test` so that a fresh Debian or Ubuntu machine needs nothing else.
set -e
PKGS="gcc make pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcmocka-dev \
libx11-dev xvfb xauth xdotool imagemagick fonts-dejavu-core fonts-wqy-microhei \
python3-numpy python3-matplotlib clang libclang-rt-dev valgrind"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $missing
