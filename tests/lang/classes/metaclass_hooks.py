log = []

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", mcls.__name__, name, tuple(b.__name__ for b in bases), sorted(kw)))
        d = {"injected": 42}
        return d

    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if k[:2] != "__"), sorted(kw)))
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw.get("extra")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name, sorted(kw)))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        log.append(("call", cls.__name__, args, sorted(kw)))
        obj = super().__call__(*args, **kw)
        log.append(("made", type(obj).__name__))
        return obj


class A(metaclass=Meta, extra="x"):
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v

print(A.injected, A.extra, type(A).__name__)
a = A(3)
print(a.v, a.method())
for entry in log:
    print(entry)

log.clear()
class B(A):
    pass
print(type(B).__name__, B.extra, B.injected)
for entry in log:
    print(entry)

# __call__ on metaclass can bypass instance creation
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]

class S(metaclass=Singleton):
    def __init__(self, x=0):
        self.x = x
s1 = S(1)
s2 = S(2)
print(s1 is s2, s1.x)

# metaclass attribute visible on class but not instance
class M2(type):
    def meta_method(cls):
        return "meta:" + cls.__name__
    meta_attr = 7
class C(metaclass=M2):
    pass
print(C.meta_method(), C.meta_attr)
try:
    C().meta_attr
except AttributeError as e:
    print(type(e).__name__, e)
