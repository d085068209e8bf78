#!/bin/sh
# Builds Spindle with a sanitizer and runs the thread stress suite under it:
#   tests/threads/run_sanitized.sh [asan|tsan] [extra run_tests.py arguments]
# asan (default): AddressSanitizer, build-asan/. Leak detection is off: the
#   Boehm collector owns the heap and never frees what it cannot see.
# tsan: ThreadSanitizer, build-tsan/. Boehm stops the world with signals, which
#   TSan defers until a thread reaches an interceptor; a thread running
#   bytecode never acks and Boehm aborts ("Signals delivery fails constantly"),
#   so collection is disabled (GC_DONT_GC=1) and TSan checks the runtime's own
#   synchronisation. Known intentional races are listed in tests/threads/tsan.supp.
# A report makes the interpreter exit with a non-zero status, so the test fails.
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIND=${1:-asan}
[ $# -gt 0 ] && shift
case "$KIND" in
  asan) TYPE=ASan; DIR="$ROOT/build-asan"
        export ASAN_OPTIONS="detect_leaks=0:exitcode=66${ASAN_OPTIONS:+:$ASAN_OPTIONS}" ;;
  tsan) TYPE=TSan; DIR="$ROOT/build-tsan"
        export GC_DONT_GC=1
        export TSAN_OPTIONS="exitcode=66:suppressions=$ROOT/tests/threads/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}" ;;
  *) echo "usage: $0 [asan|tsan] [run_tests.py arguments]" >&2; exit 2 ;;
esac
cmake -S "$ROOT" -B "$DIR" -DCMAKE_BUILD_TYPE=$TYPE -DSPINDLE_UNIT_TESTS=OFF >/dev/null
cmake --build "$DIR" -j2 >/dev/null
# Without a path or name filter, the thread suite.
for arg; do case "$arg" in -*) ;; *) exec /usr/bin/python3.11 "$ROOT/tests/run_tests.py" -j2 --spindle "$DIR/spindle" --timeout 300 "$@" ;; esac; done
exec /usr/bin/python3.11 "$ROOT/tests/run_tests.py" -j2 --spindle "$DIR/spindle" --timeout 300 "$@" "$ROOT/tests/threads"
