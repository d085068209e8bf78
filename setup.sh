#!/bin/sh
# Installs what Spindle needs on Debian 12, builds it, and runs an example program.
set -e
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PACKAGES="build-essential cmake pkg-config ccache libgc-dev libgmp-dev libutf8proc-dev zlib1g-dev libssl-dev \
libffi-dev googletest libgtest-dev python3.11 libpython3.11-stdlib libpython3.11-testsuite \
python3-pygments python3-yaml python3-pyparsing python3-toml python3-pyflakes"
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
./build/spindle examples/hello.py
