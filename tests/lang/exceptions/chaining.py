def f():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise KeyError("outer") from e

try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    finally:
        print("finally runs")
except ZeroDivisionError:
    print("caught after finally")

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                return "ret"
        finally:
            print("cleanup", i)
print(g())

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values:", eg.exceptions)
except* TypeError as eg:
    print("types:", eg.exceptions)
print(sys_exit := None)
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
raise SystemExit(5)
