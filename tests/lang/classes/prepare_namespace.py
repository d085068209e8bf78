class RecordingNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        return super().__getitem__(k)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return RecordingNS()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if k[:2] != "__"]
        cls.ns_type = type(ns).__name__
        return cls

class A(metaclass=Meta):
    b = 1
    a = 2
    def z(self): pass
    b = 3
print(A.order, A.ns_type, A.b)

# namespace sees __module__ and __qualname__ before the body
class Peek(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"preset": "from prepare"}
class P(metaclass=Peek):
    seen = (__module__, __qualname__, preset)
print(P.seen)

# class body lookups fall back to globals / builtins through a custom mapping
class Lookup(dict):
    def __missing__(self, k):
        raise KeyError(k)
class LM(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Lookup()
g = "global value"
class L(metaclass=LM):
    v = g
    n = len("abc")
print(L.v, L.n)

# __prepare__ returning a non-mapping
class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class B(metaclass=BadPrep):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# __prepare__ receives keywords (minus metaclass)
class KwMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare kw", sorted(kw))
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class K(metaclass=KwMeta, alpha=1, beta=2):
    pass
print(type(K).__name__)

# prepare on type itself
print(type.__prepare__("X", ()), type.__prepare__("X", (), a=1))
