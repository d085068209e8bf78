class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
for v in [True, False]:
    print(bool(B(v)), "yes" if B(v) else "no", not B(v))
for v in [1, 0, None, "x", []]:
    try:
        bool(B(v))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    if B(1): pass
except TypeError as e:
    print(type(e).__name__, e)

class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(L(0)), bool(L(3)), len(L(5)))
for n in [-1, 1.5, "3", 2**100, None]:
    try:
        print(bool(L(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
    try:
        print(len(L(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Both()))

class Neither: pass
print(bool(Neither()))

class BoolNone:
    __bool__ = None
    def __len__(self): return 0
try:
    bool(BoolNone())
except TypeError as e:
    print(type(e).__name__, e)

# __len__ returning an index-able object
class Idx:
    def __index__(self): return 4
class LI:
    def __len__(self): return Idx()
print(len(LI()), bool(LI()))

# int subclass from __len__
class MyInt(int): pass
class LM:
    def __len__(self): return MyInt(7)
print(len(LM()), type(len(LM())).__name__)

# bool subclassing not allowed
try:
    class MyBool(bool): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    len(Neither())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)

# and/or use truthiness and return operands
print(L(0) or "fallback", (L(2) and "second"))
# while loop uses truthiness
class Countdown:
    def __init__(self): self.n = 3
    def __bool__(self):
        self.n -= 1
        return self.n >= 0
c = Countdown()
k = 0
while c:
    k += 1
print(k)
