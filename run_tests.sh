#!/bin/sh
# Builds Spindle and runs every test: the C++ unit tests and the differential
# corpus (each program run under CPython 3.11 and Spindle, outputs compared).
# Ends with a line "N passed, N failed".
set -e
cd "$(dirname "$0")"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
status=0
unit_passed=0
unit_failed=0
if [ -x build/spindle_unit ]; then
  if build/spindle_unit --gtest_brief=1 > build/unit.log 2>&1; then :; else status=1; fi
  unit_passed=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' build/unit.log | tail -1)
  unit_failed=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' build/unit.log | tail -1)
  grep -E '^\[  FAILED  \]' build/unit.log || true
fi
/usr/bin/python3.11 tests/run_tests.py -j2 > build/corpus.log 2>&1 || status=1
grep -v '^[0-9]* passed, [0-9]* failed$' build/corpus.log || true
corpus=$(tail -1 build/corpus.log)
c_passed=$(echo "$corpus" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
c_failed=$(echo "$corpus" | sed -n 's/.*, \([0-9]*\) failed$/\1/p')
echo "unit tests: ${unit_passed:-0} passed, ${unit_failed:-0} failed; differential corpus: $corpus"
echo "$(( ${unit_passed:-0} + ${c_passed:-0} )) passed, $(( ${unit_failed:-0} + ${c_failed:-0} )) failed"
exit $status
