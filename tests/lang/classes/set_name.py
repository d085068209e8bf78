class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name

class A:
    x = Named()
    y = Named()

print(A.x.owner, A.x.name, A.y.name)

# same descriptor under two names
n = Named()
class B:
    first = n
    second = n
print(n.name)

# setting attribute later doesn't call __set_name__
class C: pass
C.z = Named()
print(hasattr(C.z, "name"))

# error inside __set_name__
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class D:
        attr = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

# __set_name__ looked up on the type, not the instance
class Inst:
    pass
i = Inst()
i.__set_name__ = lambda owner, name: print("should not run")
class E:
    attr = i
print("ok")

# type() also calls __set_name__
T = type("T", (), {"q": Named()})
print(T.q.owner, T.q.name)
