class C:
    pass
c = C()
import types
for name, val in [("__len__", lambda: 5), ("__repr__", lambda: "inst repr"), ("__str__", lambda: "inst str"),
                  ("__iter__", lambda: iter([1])), ("__bool__", lambda: False), ("__hash__", lambda: 1),
                  ("__eq__", lambda o: True), ("__add__", lambda o: "added"), ("__getitem__", lambda k: k),
                  ("__enter__", lambda: 1), ("__neg__", lambda: "neg"), ("__call__", lambda: "call")]:
    setattr(c, name, val)

print(bool(c), c == C(), repr(c)[:12], str(c)[:12])
for expr in ["len(c)", "iter(c)", "c + 1", "c[0]", "-c", "c()"]:
    try:
        eval(expr)
        print(expr, "worked?")
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
print(c.__len__(), c.__repr__())

# class-level assignment is picked up immediately
C.__len__ = lambda self: 3
C.__repr__ = lambda self: "class repr"
C.__add__ = lambda self, o: ("add", o)
C.__getitem__ = lambda self, k: ("item", k)
C.__neg__ = lambda self: "cls-neg"
C.__call__ = lambda self: "cls-call"
C.__bool__ = lambda self: True
print(len(c), repr(c), c + 1, c[0], -c, c(), bool(c))

# deleting restores default behavior
del C.__len__, C.__add__, C.__getitem__, C.__repr__
try:
    len(c)
except TypeError as e:
    print(type(e).__name__, e)
try:
    c + 1
except TypeError as e:
    print(type(e).__name__, e)
print(repr(c)[:11])

# special methods via __getattr__ are not found
class G:
    def __getattr__(self, name):
        return lambda *a: "from getattr"
g = G()
print(g.__len__())
try:
    len(g)
except TypeError as e:
    print(type(e).__name__, e)

# metaclass special methods apply to the class object
class Meta(type):
    def __len__(cls): return 99
    def __getitem__(cls, k): return ("meta", k)
    def __iter__(cls): return iter("ab")
    def __repr__(cls): return "<Meta-made " + cls.__name__ + ">"
class K(metaclass=Meta):
    def __len__(self): return 1
print(len(K), len(K()), K[1], list(K), repr(K))
