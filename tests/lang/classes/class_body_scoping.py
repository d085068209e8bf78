x = "global"
class A:
    x = "class"
    y = x
    def f(self): return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
    l = sorted(locals())
print(A.y, A().f(), A.z, A.w, A.l)
def outer():
    v = "enclosing"
    class B:
        v2 = v
        def g(self): return v
    return B
print(outer().v2, outer()().g())
def outer2():
    v = "enclosing"
    class C:
        v = "classvar"
        def g(self): return v
        u = v
    return C
print(outer2()().g(), outer2().u)
class D:
    a: int
    b: str = "s"
    print(sorted(__annotations__), "a" in locals())
print(D.__annotations__)
class E:
    "docstring"
    print(__doc__, __module__, __qualname__)
class F:
    def meth(self): pass
    del meth
print(hasattr(F, "meth"))
class G:
    for i in range(3):
        locals()["v%d" % i] = i
    del i
print(G.v0 if hasattr(G, "v0") else "no v0", hasattr(G, "i"))
class H:
    global hx
    hx = 5
print(hx, hasattr(H, "hx"))
def make():
    k = 1
    class I:
        nonlocal k
        k = 2
    return k
print(make())
class J:
    __private = 1
    def get(self): return self.__private
print(J().get(), J._J__private, hasattr(J, "__private"))
class _K:
    __p = 2
print(_K._K__p)
class __L:
    __q = 3
print(getattr(__L, "_L__q"))
