class R:
    def __reversed__(self):
        return iter(["c", "b", "a"])
print(list(reversed(R())))

class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError(i)
        return i * 10
r = reversed(Seq())
print(type(r).__name__, list(r))

class NoLen:
    def __getitem__(self, i): return i
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)

class Nothing: pass
try:
    reversed(Nothing())
except TypeError as e:
    print(type(e).__name__, e)

class RevNone:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(RevNone())
except TypeError as e:
    print(type(e).__name__, e)

try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
print(list(reversed({"a": 1, "b": 2})), list(reversed(range(3))), list(reversed((1, 2))))

class BadRev:
    def __reversed__(self): return 5
print(reversed(BadRev()))

class NegLen:
    def __len__(self): return -1
    def __getitem__(self, i): return i
try:
    reversed(NegLen())
except ValueError as e:
    print(type(e).__name__, e)

# list subclass with __reversed__ override
class MyList(list):
    def __reversed__(self):
        return iter(["custom"])
print(list(reversed(MyList([1, 2]))))
print(reversed.__name__)
