class Meta(type):
    def __getattr__(cls, name):
        return "meta-getattr:" + name
    def __setattr__(cls, name, v):
        print("meta setattr", name)
        super().__setattr__(name, v)
    def __delattr__(cls, name):
        print("meta delattr", name)
        super().__delattr__(name)
class A(metaclass=Meta):
    x = 1
print(A.x, A.missing)
A.y = 2
del A.y
print(hasattr(A, "y"), A.y)
# getattribute on metaclass
class M2(type):
    def __getattribute__(cls, name):
        if name == "magic": return 42
        return super().__getattribute__(name)
class B(metaclass=M2): pass
print(B.magic, B.__name__)
# data descriptor on metaclass
class Desc:
    def __get__(self, obj, typ): return ("desc", obj.__name__ if obj else None)
    def __set__(self, obj, v): print("desc set", obj.__name__, v)
class M3(type):
    d = Desc()
class C(metaclass=M3):
    d = "class-level"
print(C.d, C.__dict__["d"])
C.d = 5
print(C.__dict__["d"])
# instance sees class's d
print(C().d)
# dir on class uses metaclass __dir__
class M4(type):
    def __dir__(cls): return ["custom"]
class D(metaclass=M4): pass
print(dir(D))
# metaclass __repr__/__str__, __len__, __iter__, __contains__, __bool__
class M5(type):
    def __repr__(cls): return "R" + cls.__name__
    def __bool__(cls): return False
    def __contains__(cls, x): return x == 1
class E(metaclass=M5): pass
print(repr(E), str(E), bool(E), 1 in E, 2 in E, [E])
# metaclass with __call__ skipping __init__
class M6(type):
    def __call__(cls, *a, **k):
        obj = cls.__new__(cls)
        obj.via = "meta"
        return obj
class F(metaclass=M6):
    def __init__(self): raise RuntimeError
print(F().via)
# metaclass method vs class method with same name
class M7(type):
    def who(cls): return "meta"
class G(metaclass=M7):
    def who(self): return "inst"
print(G.who(G()), G().who(), M7.who(G))
# class attribute in metaclass accessible via class not instance
class M8(type):
    attr = "meta-attr"
class H(metaclass=M8): pass
print(H.attr, hasattr(H(), "attr"))
# metaclass property
class M9(type):
    @property
    def prop(cls): return "prop of " + cls.__name__
class I(metaclass=M9): pass
print(I.prop)
try:
    I.prop = 1
except AttributeError as e:
    print(e)
