class Outer:
    """outer doc"""
    class Inner:
        class Deepest:
            pass
    def method(self):
        class Local:
            pass
        return Local

print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer().method().__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__)
print(Outer.method.__qualname__)

def f():
    class InFunc:
        def m(self): pass
    return InFunc
print(f().__qualname__, f().m.__qualname__)

Outer.__qualname__ = "Renamed"
print(Outer.__qualname__, Outer.__name__)
Outer.__name__ = "NewName"
print(Outer.__name__, repr(Outer))
try:
    Outer.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    Outer.__qualname__ = 5
except TypeError as e:
    print(type(e).__name__, e)

Outer.__module__ = "mymod"
print(repr(Outer))
Outer.__doc__ = "changed"
print(Outer.__doc__)

class NoDoc: pass
print(NoDoc.__doc__, "__doc__" in NoDoc.__dict__)
print(int.__module__, type(int.__doc__).__name__)
try:
    int.__doc__ = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__module__ = "x"
except TypeError as e:
    print(type(e).__name__, e)

class WithModule:
    __module__ = "fake.module"
print(repr(WithModule))
print(repr(int), repr(type(None)))
