"""Runs one CPython test module under the interpreter running this file and
prints one line per test outcome as it happens, so a crash or a timeout still
leaves the outcomes reached so far:  "<outcome>\t<test id>"  where outcome is
ok, fail, error, skip, xfail or xpass.  The last line is "done".

usage: driver.py test.test_X
"""
import sys
import unittest


class StreamingResult(unittest.TestResult):
    def _emit(self, outcome, test, detail=""):
        line = f"{outcome}\t{test.id()}"
        if detail:
            line += "\t" + " ".join(str(detail).split())[:300]
        print(line, flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._emit("ok", test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._emit("fail", test, self._last_line(err))

    def addError(self, test, err):
        super().addError(test, err)
        self._emit("error", test, self._last_line(err))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._emit("skip", test, reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._emit("xfail", test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._emit("xpass", test)

    def addSubTest(self, test, subtest, err):
        # A failing subtest fails its test; count it once, under the subtest's id.
        super().addSubTest(test, subtest, err)
        if err is not None:
            failure = issubclass(err[0], test.failureException)
            self._emit("fail" if failure else "error", subtest, self._last_line(err))

    @staticmethod
    def _last_line(err):
        # An import failure's message is a whole traceback: its last line says why.
        lines = str(err[1]).strip().splitlines() or [""]
        return f"{err[0].__name__}: {lines[-1]}"


def main():
    name = sys.argv[1]
    from test import support
    support.verbose = 0
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
    result = StreamingResult()
    suite.run(result)
    print("done", flush=True)


main()
