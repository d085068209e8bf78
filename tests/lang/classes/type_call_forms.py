print(type(1), type("s"), type(None), type(type), type(object))
T = type("T", (), {"x": 1, "f": lambda self: self.x + 1})
t = T()
print(T.__name__, T.__qualname__, T.__bases__, t.f(), T.__module__)
U = type("U", (T,), {})
print(U.__mro__ == (U, T, object), U().x)

for args in [(), (1, 2), (1, 2, 3, 4)]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    type(1, (), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", [], {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)

class M(type): pass
print(type(M("N", (), {})).__name__)
try:
    M(1)
except TypeError as e:
    print(type(e).__name__, e)

# __qualname__ in namespace
V = type("V", (), {"__qualname__": "Outer.V"})
print(V.__qualname__, V.__name__, "__qualname__" in V.__dict__)
try:
    type("W", (), {"__qualname__": 3})
except TypeError as e:
    print(type(e).__name__, e)
