class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

lst = list(range(10))
print(lst[I(3)], lst[I(-1)], lst[I(1):I(4)], lst[::I(3)], "abcdef"[I(2)], (1, 2, 3)[I(0)])
print(range(I(5)), list(range(I(1), I(7), I(2))), bin(I(5)), hex(I(255)), oct(I(8)))
print(operator_index := __import__("operator").index(I(7)))
print([0] * I(3), "ab" * I(2), I(2) * "x")
print(int(I(4)) if hasattr(I, "__int__") else "no __int__")
l2 = list(range(5))
l2[I(0)] = "z"
del l2[I(1)]
print(l2)
print(bytes(I(3)), bytearray(I(2)))
print(chr(I(65)), round(2.5, I(0)) if False else "")

for bad in [1.5, "3", I(1.5), I("x"), None]:
    try:
        lst[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    range(I(2.0))
except TypeError as e:
    print(type(e).__name__, e)
try:
    bin(2.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    hex(I("a"))
except TypeError as e:
    print(type(e).__name__, e)

class Big:
    def __index__(self): return 2 ** 100
try:
    lst[Big()]
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1] * Big()
except OverflowError as e:
    print(type(e).__name__, e)

# bool and int subclasses returned from __index__
class BoolIdx:
    def __index__(self): return True
print(lst[BoolIdx()])
class MyInt(int): pass
class SubIdx:
    def __index__(self): return MyInt(2)
print(lst[SubIdx()])

# __index__ raising
class Raise:
    def __index__(self): raise ValueError("idx")
try:
    lst[Raise()]
except ValueError as e:
    print(type(e).__name__, e)

# slicing with None and __index__
print(lst[I(2):None], slice(I(1), I(3)).indices(10))
try:
    lst[1.0:2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"["a":]
except TypeError as e:
    print(type(e).__name__, e)
