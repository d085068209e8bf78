log = []
class A:
    def __init__(self, name): self.name = name
    def __add__(self, o):
        log.append(f"{self.name}.__add__")
        return NotImplemented
    def __radd__(self, o):
        log.append(f"{self.name}.__radd__")
        return NotImplemented

class B:
    def __radd__(self, o):
        log.append("B.__radd__")
        return "B wins"

print(A("a") + B(), log)
log.clear()
try:
    A("x") + A("y")
except TypeError as e:
    print(type(e).__name__, e, log)
log.clear()

# same type: reflected not tried
class S:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "radd"
try:
    S() + S()
except TypeError as e:
    print(type(e).__name__, e)

# reflected method that raises
class R:
    def __rsub__(self, o):
        raise ValueError("from rsub")
try:
    1 - R()
except ValueError as e:
    print(type(e).__name__, e)

# returning NotImplemented from both -> TypeError with names
class P:
    def __mul__(self, o): return NotImplemented
class Q:
    def __rmul__(self, o): return NotImplemented
try:
    P() * Q()
except TypeError as e:
    print(type(e).__name__, e)

# int + custom with __radd__
class Num:
    def __radd__(self, o): return ("radd", o)
print(1 + Num(), 1.5 + Num(), "s" + Num() if hasattr(Num, "__radd__") else "")
print([1] + Num(), (1,) + Num())

# __add__ defined as None
class NoneAdd:
    __add__ = None
try:
    NoneAdd() + 1
except TypeError as e:
    print(type(e).__name__, e)
class NoneRadd:
    __radd__ = None
try:
    1 + NoneRadd()
except TypeError as e:
    print(type(e).__name__, e)

# NotImplemented is truthy and a singleton
print(type(NotImplemented).__name__, repr(NotImplemented))
print(A("q").__add__(1) is NotImplemented)
