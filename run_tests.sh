#!/bin/sh
# Builds Spindle and runs every test: the C++ unit tests, the parser tests
# (ASTs and syntax errors compared with CPython's) and the differential corpus
# (each program run under CPython 3.11 and Spindle, outputs compared).
# Ends with a line "N passed, N failed".
set -e
cd "$(dirname "$0")"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
status=0
total_passed=0
total_failed=0

# count SUITE PASSED FAILED: adds one suite's result to the totals.
count() {
  echo "$1: ${2:-0} passed, ${3:-0} failed"
  total_passed=$((total_passed + ${2:-0}))
  total_failed=$((total_failed + ${3:-0}))
}

if [ -x build/spindle_unit ]; then
  build/spindle_unit --gtest_brief=1 > build/unit.log 2>&1 || status=1
  grep -E '^\[  FAILED  \]' build/unit.log || true
  count "unit tests" "$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' build/unit.log | tail -1)" \
    "$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' build/unit.log | tail -1)"
fi

# suite NAME COMMAND...: runs a Python test runner whose last line is "N passed, N failed ...".
suite() {
  name=$1
  shift
  "$@" > "build/$name.log" 2>&1 || status=1
  grep '^FAIL' "build/$name.log" || true
  last=$(tail -1 "build/$name.log")
  count "$name" "$(echo "$last" | sed -n 's/^\([0-9]*\) passed.*/\1/p')" \
    "$(echo "$last" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')"
}
suite parser /usr/bin/python3.11 tests/parser/run_parser_tests.py --no-stdlib
suite corpus /usr/bin/python3.11 tests/run_tests.py -j2
# A fast subset of CPython's own test suite (the full run: tests/conformance/run.py).
suite conformance /usr/bin/python3.11 tests/conformance/run.py --min-rate 90 --timeout 300 \
  test.test_bool test.test_with test.test_string test.test_tuple test.test_scope test.test_class test.test_json

echo "$total_passed passed, $total_failed failed"
exit $status
