class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)

l = Logged()
l.a = 1
print(l.a)
del l.a
try:
    del l.a
except AttributeError as e:
    print(type(e).__name__, e)
setattr(l, "b", 2)
delattr(l, "b")

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
    __delattr__ = __setattr__
fz = Frozen(3)
print(fz.v)
try:
    fz.v = 4
except AttributeError as e:
    print(type(e).__name__, e)

class OnlyDel:
    def __delattr__(self, name):
        print("custom del", name)
od = OnlyDel()
od.x = 1
del od.x
print(od.x)

# setting attributes on builtins
for target, name in [(1, "x"), ("s", "x"), ([], "append"), (object(), "x"), (None, "x")]:
    try:
        setattr(target, name, 1)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    del [].append
except AttributeError as e:
    print(type(e).__name__, e)

# object.__setattr__ on types
for t in (int, str, list, object, type):
    try:
        setattr(t, "x", 1)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__setattr__(int, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    del int.real
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(1, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
class K: pass
try:
    object.__setattr__(K, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
type.__setattr__(K, "x", 1)
print(K.x)
try:
    type.__setattr__(K(), "x", 1)
except TypeError as e:
    print(type(e).__name__, e)

# readonly attributes
def f(): pass
try:
    classmethod(f).__func__ = f
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del K.nope
except AttributeError as e:
    print(type(e).__name__, e)

# setattr with non-string name
try:
    setattr(K(), 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
