# metaclass that forgets to pass the namespace with __classcell__
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns2 = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns2)
try:
    class A(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print(type(e).__name__, e)
except TypeError as e:
    print(type(e).__name__, e)

# __class__ available in methods and nested functions
class B:
    def f(self):
        def g():
            return __class__
        return g()
    @classmethod
    def c(cls):
        return __class__
    @staticmethod
    def s():
        return __class__
print(B().f() is B, B.c() is B, B.s() is B)

# returning a different class from the metaclass: __class__ cell then mismatches
class Swap(type):
    def __new__(mcls, name, bases, ns):
        super().__new__(mcls, name, bases, ns)
        return super().__new__(mcls, name + "2", bases, {})
try:
    class C(metaclass=Swap):
        def f(self):
            return __class__
    print("created", C.__name__)
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)

# __classcell__ with the wrong type
try:
    type("D", (), {"__classcell__": 5})
except TypeError as e:
    print(type(e).__name__, e)

# class without methods using __class__ has no __classcell__ issue
class E:
    x = 1
print("__classcell__" in E.__dict__)
