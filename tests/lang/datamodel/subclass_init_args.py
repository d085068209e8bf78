class L(list):
    def __init__(self, a, b):
        super().__init__([a, b])
print(L(1, 2))
class D(dict):
    def __init__(self, a, b):
        super().__init__(x=a, y=b)
print(D(1, 2))
class S(set):
    def __init__(self, a, b):
        super().__init__([a, b])
print(sorted(S(1, 2)))
class T(tuple):
    def __init__(self, a, b):
        pass
try:
    T(1, 2)
except TypeError as e: print(e)
class St(str):
    def __init__(self, *a): pass
try: St(1, 2, 3, 4)
except TypeError as e: print(e)
print(St("x", "utf-8") if False else "")
class I(int):
    def __init__(self, *a): pass
try: I(1, 2, 3)
except TypeError as e: print(e)
print(I("10", 2))
class F(float):
    def __init__(self, *a): pass
try: F(1, 2)
except TypeError as e: print(e)
class O:
    pass
class L2(list): pass
try: L2(1, 2)
except TypeError as e: print(e)
try: L2(x=1)
except TypeError as e: print(e)
class D2(dict): pass
print(D2(a=1), D2([(1, 2)], b=3))
class Fs(frozenset):
    def __init__(self, *a): pass
try: Fs(1, 2)
except TypeError as e: print(e)
print(Fs([1]) == frozenset([1]))
# __new__ of list subclass sets attributes before __init__
class LN(list):
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.tag = "new"
        return o
print(LN([1, 2]), LN([1]).tag)
# list.__init__ re-initializes
l = [1, 2, 3]
list.__init__(l, [9])
print(l)
d = {"a": 1}
dict.__init__(d, b=2)
print(d)
# object.__init__ on subclass of builtins with args
class BI(bytes): pass
print(BI(b"ab"), type(BI(b"ab")).__name__, BI(3))
class BA(bytearray):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
print(BA(b"x"), BA(b"x").extra)
