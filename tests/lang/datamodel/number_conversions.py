class N:
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
n = N()
print(int(n), float(n), complex(n))

class OnlyIndex:
    def __index__(self): return 7
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))

class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
class BadComplex:
    def __complex__(self): return 1.0
try:
    complex(BadComplex())
except TypeError as e:
    print(type(e).__name__, e)

class Nothing: pass
for conv in (int, float, complex):
    try:
        conv(Nothing())
    except TypeError as e:
        print(type(e).__name__, e)

# __trunc__ fallback for int (deprecated but works in 3.11)
class Trunc:
    def __trunc__(self): return 9
print(int(Trunc()))

# int subclass returned from __int__
class MyInt(int): pass
class SubInt:
    def __int__(self): return MyInt(5)
r = int(SubInt())
print(r, type(r).__name__)
class BoolInt:
    def __int__(self): return True
print(int(BoolInt()), type(int(BoolInt())).__name__)

# float subclass returned from __float__
class MyFloat(float): pass
class SubFloat:
    def __float__(self): return MyFloat(1.5)
r = float(SubFloat())
print(r, type(r).__name__)

class Rnd:
    def __round__(self, nd=None): return ("round", nd)
print(round(Rnd()), round(Rnd(), 2))
try:
    round(Nothing())
except TypeError as e:
    print(type(e).__name__, e)

# int() of subclasses with overridden __int__
class WeirdInt(int):
    def __int__(self): return 100
    def __index__(self): return 200
print(int(WeirdInt(1)), [0, 1, 2][WeirdInt(1)], float(WeirdInt(3)))

# int(x, base) requires str
try:
    int(N(), 10)
except TypeError as e:
    print(type(e).__name__, e)
