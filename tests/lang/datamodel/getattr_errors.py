# __getattr__/__getattribute__ interaction with properties, descriptors, slots
class A:
    __slots__ = ("x",)
    def __getattr__(self, n): return "ga:" + n
a = A()
print(a.x, a.y)
a.x = 1
print(a.x)
# __getattribute__ calling object.__getattribute__ for slots
class B:
    __slots__ = ("v",)
    def __getattribute__(self, n):
        if n == "v": return "intercepted"
        return object.__getattribute__(self, n)
b = B()
print(b.v)
# recursive __getattr__ guard via __dict__
class C:
    def __init__(self): self.data = {"k": 1}
    def __getattr__(self, n):
        if n == "data": raise AttributeError(n)
        return self.data.get(n, "none")
print(C().k, C().z)

# __getattr__ for dunder names called via explicit attribute access
class D:
    def __getattr__(self, n): return n
print(D().__foo__, D().__len__ if False else "")
# getattr on class level doesn't call instance __getattr__
class E:
    def __getattr__(self, n): return "inst"
try: E.missing
except AttributeError as e: print(e)
# __getattribute__ error messages default
class F: pass
try: F().nope
except AttributeError as e: print(e)
try: F.nope
except AttributeError as e: print(e)
try: object().nope
except AttributeError as e: print(e)
try: (1).nope
except AttributeError as e: print(e)
try: None.nope
except AttributeError as e: print(e)
try: type.nope
except AttributeError as e: print(e)
import sys
try: sys.nope
except AttributeError as e: print(e)
# AttributeError attributes name/obj (3.10+)
try: F().nope2
except AttributeError as e: print(e.name, type(e.obj).__name__)
try: getattr(F(), "x3")
except AttributeError as e: print(e.name, type(e.obj).__name__)
class G:
    def __getattr__(self, n): raise AttributeError(n)
try: G().q
except AttributeError as e: print(e.name, e.obj is None)
