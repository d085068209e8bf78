class Real:
    pass

class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries", [type(b).__name__ for b in bases])
        return (Real,)

class A(Fake()):
    pass
print(A.__bases__, A.__orig_bases__[0].__class__.__name__, A.__mro__)

class Multi:
    def __mro_entries__(self, bases):
        return (Real, object)
try:
    class B(Multi()): pass
    print(B.__bases__)
except TypeError as e:
    print(type(e).__name__, e)

class Empty:
    def __mro_entries__(self, bases):
        return ()
class C(Empty()):
    pass
print(C.__bases__)

class BadRet:
    def __mro_entries__(self, bases):
        return [Real]
try:
    class D(BadRet()): pass
except TypeError as e:
    print(type(e).__name__, e)

# no __orig_bases__ without mro entries
class E(Real): pass
print("__orig_bases__" in E.__dict__)

# type() does not resolve __mro_entries__
try:
    type("F", (Fake(),), {})
except TypeError as e:
    print(type(e).__name__, e)

# non-class base: its type is used as the metaclass
try:
    class G(Real()): pass
except TypeError as e:
    print(type(e).__name__, e)
