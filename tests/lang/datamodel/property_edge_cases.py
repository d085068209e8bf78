# property edge cases
class A:
    @property
    def p(self): return 1
    @p.setter
    def p(self, v): print("set", v)
class B(A):
    @A.p.getter
    def p(self): return 2
b = B()
print(b.p, A().p)
b.p = 5
print(B.p.fset is A.p.fset, B.p.fget is A.p.fget)
# property with __set_name__ name in errors after copy
class C:
    p = property(lambda s: 1)
    q = p
try: C().q = 2
except AttributeError as e: print(e)
# property deleter only
class D:
    p = property(None, None, lambda s: print("deleted"))
del D().p
try: D().p
except AttributeError as e: print(e)
# property getter raising
class E:
    @property
    def p(self): return 1/0
try: E().p
except ZeroDivisionError as e: print("ZDE", e)
# property on class access returns property, calling fget manually
print(E.p.fget.__name__)
# abstract property
class F:
    @property
    def p(self): pass
    p.fget.__isabstractmethod__ = True
print(F.p.__isabstractmethod__)
# classmethod property chain (3.11: classmethod wraps property)
class G:
    @classmethod
    @property
    def cp(cls): return "cp of " + cls.__name__
print(G.cp, G().cp)
# staticmethod called via instance and class, repr forms
class H:
    @staticmethod
    def s(a=1): return a
print(H.s(), H().s(2), H.__dict__["s"].__func__(3))
# __get__ of property directly
print(A.p.__get__(A(), A), A.p.__get__(None, A) is A.p)
try:
    A.p.__set__(A, 1)
    print("set on class obj")
except Exception as e: print(type(e).__name__, e)
try:
    property.__get__(1, None, None)
except TypeError as e: print(e)
# property repr / isinstance
print(isinstance(A.p, property), type(A.__dict__['p']) is property)
# property setter with a non-callable
pp = property(1, 2, 3)
class I: p = pp
try: I().p
except TypeError as e: print(e)
try: I().p = 1
except TypeError as e: print(e)
