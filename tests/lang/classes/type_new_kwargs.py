class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, sorted(kw.items()))
        cls.kw = kw

X = type("X", (Base,), {}, flag=1)
print(X.kw)
try:
    type("Y", (), {}, flag=1)
except TypeError as e:
    print(type(e).__name__, e)

# type.__new__ direct calls
Z = type.__new__(type, "Z", (), {"a": 1})
print(Z.a, Z.__name__)
try:
    type.__new__(type, "Z")
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__(int, "Z", (), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__init__(Z, "Z", (), {}, x=1)
    print("init with kwargs ok")
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__init__(Z, 1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# metaclass __new__ signature mismatch
class M(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
try:
    class W(metaclass=M, extra=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# metaclass with __init__ that doesn't accept kwargs but __new__ does
class M2(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
try:
    class V(metaclass=M2, extra=1):
        pass
    print("created V")
except TypeError as e:
    print(type(e).__name__, e)

# the class statement with a keyword but type() as metaclass
try:
    class U(metaclass=type, extra=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
