class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)

class InitReturnsNone:
    def __init__(self):
        return None
print(type(InitReturnsNone()).__name__)

class NewOther:
    def __new__(cls, *a):
        print("new", a)
        return 42
    def __init__(self, *a):
        print("init should not run")
print(NewOther(1, 2))

class NewSubclass:
    def __new__(cls, *a):
        return super().__new__(Child)
    def __init__(self, *a):
        print("init on", type(self).__name__, a)
class Child(NewSubclass): pass
print(type(NewSubclass(1)).__name__)

class NewNone:
    def __new__(cls): return None
    def __init__(self): print("no")
print(NewNone())

# __new__ receives args, object.__new__ rejects extra args only if __init__ not overridden
class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(OnlyNew(5).x)
class OnlyInit:
    def __init__(self, x): self.x = x
print(OnlyInit(6).x)
class Neither: pass
try:
    Neither(1)
except TypeError as e:
    print(type(e).__name__, e)
class BothPassArgs:
    def __new__(cls, *a):
        return object.__new__(cls, *a)
    def __init__(self, *a):
        pass
try:
    BothPassArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
class InitPassArgs:
    def __init__(self, *a):
        object.__init__(self, *a)
try:
    InitPassArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
class NewOnlyPasses:
    def __new__(cls, *a):
        return object.__new__(cls)
    def __init__(self, *a):
        super().__init__(*a)
try:
    NewOnlyPasses(1)
except TypeError as e:
    print(type(e).__name__, e)

try:
    object.__new__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(str)
except TypeError as e:
    print(type(e).__name__, e)
print(int.__new__(bool, 0) if False else "skip", type(int.__new__(int, 5)).__name__)

# __new__ as explicit staticmethod, and set after creation
class S:
    @staticmethod
    def __new__(cls):
        return "static-new"
print(S())
class Late: pass
Late.__new__ = lambda cls: "late-new"
print(Late())
del Late.__new__
print(type(Late()).__name__)

# __init__ with wrong signature
class BadInit:
    def __init__(self, a, b): pass
try:
    BadInit(1)
except TypeError as e:
    print(type(e).__name__, e)

# cannot instantiate certain builtins
for t in (type(None), type(NotImplemented)):
    print(t() is None or t() is NotImplemented)
try:
    type(len)()
except TypeError as e:
    print(type(e).__name__, e)

# __init__ called on re-init
class Counter:
    def __init__(self): self.n = getattr(self, "n", 0) + 1
c = Counter()
c.__init__()
print(c.n)
