class A:
    x = 1
    def __getattr__(self, name):
        return "ga:" + name

a = A()
a.y = 2
print(a.x, a.y, a.z)
print(getattr(a, "w"), hasattr(a, "anything"))

class B:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError(name)
        return ("gab", name)
b = B()
print(b.foo)
try:
    b.secret
except AttributeError as e:
    print(type(e).__name__, e)

class C:
    def __getattribute__(self, name):
        if name[:1] == "m":
            raise AttributeError("nope " + name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
    real = "real"
c = C()
print(c.real, c.missing, c.other if hasattr(c, "other") else "no other")

# __getattr__ raising other exceptions
class D:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    D().q
except KeyError as e:
    print("KeyError", e)
try:
    hasattr(D(), "q")
except KeyError as e:
    print("hasattr KeyError", e)
print(getattr(D(), "__class__").__name__)

# __getattribute__ raising non-AttributeError: __getattr__ not called
class E:
    def __getattribute__(self, name):
        raise ValueError("ve " + name)
    def __getattr__(self, name):
        return "should not"
try:
    E().x
except ValueError as e:
    print(type(e).__name__, e)

# __getattr__ only on missing
class F:
    def __init__(self):
        self.present = "p"
    def __getattr__(self, name):
        print("__getattr__ called for", name)
        raise AttributeError(f"custom {name}")
f = F()
print(f.present)
try:
    f.absent
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(f, "absent", "default"))

# special method lookup bypasses __getattr__/__getattribute__
class G:
    def __getattr__(self, name):
        return lambda *a: "via getattr"
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
try:
    len(G())
except TypeError as e:
    print(type(e).__name__, e)

# __getattr__ added after class creation
class H: pass
h = H()
H.__getattr__ = lambda self, n: "late " + n
print(h.zzz)
del H.__getattr__
try:
    h.zzz
except AttributeError as e:
    print(type(e).__name__, e)

# object.__getattribute__ error messages
try:
    object.__getattribute__(1, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object.__getattribute__(h, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(h, 5)
except TypeError as e:
    print(type(e).__name__, e)

# __getattr__ on a subclass with base __getattribute__
class I(B):
    def __getattr__(self, name):
        return "I.ga"
print(I().secret)
