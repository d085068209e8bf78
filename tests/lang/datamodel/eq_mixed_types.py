print(1 == 1.0, 1 == True, 0 == False, 1 == "1", [1] == (1,), {1: 2} == [(1, 2)], None == 0, 1.0 == 1 + 0j)
print(1 != "1", [] != (), {} != [], b"a" == "a", bytearray(b"a") == b"a", frozenset() == set(), range(0) == range(1, 1))

class A:
    def __eq__(self, o):
        print("A.__eq__", type(o).__name__)
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.__eq__", type(o).__name__)
        return NotImplemented
print(A() == B())
print(A() != B())
print(A() == 1)
print(1 == A())
print("s" == A())

class Same:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        return isinstance(o, Same) and self.v == o.v
    __hash__ = None
print([Same(1)] == [Same(1)], (Same(1),) == (Same(2),), Same(1) in [Same(1)], [Same(1)].index(Same(1)), [Same(1), Same(1)].count(Same(1)))
print({"k": Same(1)} == {"k": Same(1)})

# comparisons of int with float precision
print(2**53 + 1 == float(2**53 + 1), 2**53 == float(2**53), 10**400 == float("inf"), 1 < float("inf"))

# subclass eq takes priority
class Base:
    def __eq__(self, o):
        return "Base"
class Sub(Base):
    def __eq__(self, o):
        return "Sub"
print(Base() == Sub(), Sub() == Base())
class Sub2(Base):
    pass
print(Base() == Sub2(), Sub2() == Base())
