class C:
    @classmethod
    def cm(cls, x):
        "cm doc"
        return (cls.__name__, x)
    @staticmethod
    def sm(x):
        "sm doc"
        return ("sm", x)

class D(C): pass

print(C.cm(1), D.cm(2), D().cm(3), C.sm(4), C().sm(5))
cm = C.__dict__["cm"]
sm = C.__dict__["sm"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__, cm.__wrapped__ is cm.__func__, sm.__wrapped__ is sm.__func__)
print(cm.__doc__, sm.__doc__, cm.__name__, sm.__qualname__)
print(sm(6))   # staticmethod objects are callable in 3.10+
try:
    cm(1)
except TypeError as e:
    print(type(e).__name__, e)

# bound classmethod
b = C.cm
print(type(b).__name__, b.__self__ is C, b.__func__ is cm.__func__)

# __get__ directly
print(cm.__get__(None, D)(7), cm.__get__(D())(8), sm.__get__(None, C)(9))

# classmethod wrapping staticmethod and vice versa
class E:
    @classmethod
    @staticmethod
    def weird(*a):
        return a
    @staticmethod
    @classmethod
    def weird2(cls):
        return cls
print(E.weird(1))
try:
    print(E.weird2())
except TypeError as e:
    print(type(e).__name__, e)

# classmethod around a non-function callable
class Callable:
    def __call__(self, *a):
        return ("called", len(a))
class F:
    c = classmethod(Callable())
    s = staticmethod(Callable())
print(F.c(1), F.s(1))

# arguments
for ctor in (classmethod, staticmethod):
    try:
        ctor()
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        ctor(1, 2)
    except TypeError as e:
        print(type(e).__name__, e)

# attribute dict of classmethod
cm.extra = 5
print(cm.extra, cm.__dict__.get("extra"))
print(isinstance(cm.__isabstractmethod__, bool))

# classmethod repr
print(repr(classmethod(len)), repr(staticmethod(len)))

# classmethod on builtin: dict.fromkeys
print(dict.fromkeys("ab"), type(dict.__dict__["fromkeys"]).__name__)
class MyDict(dict): pass
print(type(MyDict.fromkeys("a")).__name__)
