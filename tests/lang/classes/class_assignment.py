class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))

class SA:
    __slots__ = ("x",)
class SB:
    __slots__ = ("x",)
class SC:
    __slots__ = ("y",)
s = SA()
s.__class__ = SB
print(type(s).__name__)
try:
    s.__class__ = SC
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.__class__ = A
except TypeError as e:
    print(type(e).__name__, e)

try:
    a.__class__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
try:
    object().__class__ = A
except TypeError as e:
    print(type(e).__name__, e)
try:
    del a.__class__
except TypeError as e:
    print(type(e).__name__, e)

# a property named __class__ can lie
class Liar:
    @property
    def __class__(self):
        return int
l = Liar()
print(type(l).__name__, l.__class__, isinstance(l, int), isinstance(l, Liar))

# subclass of builtin
class MyList(list): pass
class MyList2(list): pass
m = MyList([1, 2])
m.__class__ = MyList2
print(type(m).__name__, m)
try:
    m.__class__ = list
except TypeError as e:
    print(type(e).__name__, e)
