class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(type(P.x).__name__, P.x.__name__, P.x.__objclass__ is P)
print(repr(P.x))

# string __slots__
class Q:
    __slots__ = "only"
q = Q()
q.only = 5
print(q.only, Q.__slots__)

# empty slots: no attributes at all
class E:
    __slots__ = ()
try:
    E().a = 1
except AttributeError as e:
    print(type(e).__name__, e)

# descriptor access via class
print(P.x.__get__(p, P))
P.x.__set__(p, 10)
print(p.x)
try:
    P.x.__get__(3, int)
except TypeError as e:
    print(type(e).__name__, e)

# list slots and dict slots
class L:
    __slots__ = ["a", "b"]
print(L.__slots__, sorted(k for k in L.__dict__ if k[:2] != "__"))
class D:
    __slots__ = {"a": "doc of a", "b": None}
print(D.a.__doc__, D.b.__doc__)
