class F:
    def __format__(self, spec):
        return f"F<{spec}>"
    def __str__(self): return "F-str"
    def __repr__(self): return "F-repr"
f = F()
print(format(f), format(f, "abc"), f"{f}", f"{f:>10}", f"{f!s}", f"{f!r}", format(f, "x"))

class NoFormat:
    def __str__(self): return "NF"
print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{NoFormat():>5}"
except TypeError as e:
    print(type(e).__name__, e)

class BadFormat:
    def __format__(self, spec): return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{BadFormat()}"
except TypeError as e:
    print(type(e).__name__, e)

try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# int subclass with __format__
class MyInt(int):
    def __format__(self, spec):
        return "myint:" + spec
print(f"{MyInt(3):05}", format(MyInt(3), "x"), "%d" % MyInt(3))

# format on builtins uses their __format__
print(format(3.14159, ".2f"), format(255, "#x"), format("s", "^5"), format(True, "d"), format(None))
try:
    format(None, "x")
except TypeError as e:
    print(type(e).__name__, e)

# object.__format__ called directly
print(object.__format__(f, ""))
try:
    object.__format__(f, "x")
except TypeError as e:
    print(type(e).__name__, e)

# __format__ looked up on type
nf = NoFormat()
nf.__format__ = lambda spec: "instance"
print(format(nf))

# nested format spec
width = 6
print(f"{f:{width}}", f"{3.14159:{width}.{2}f}")
