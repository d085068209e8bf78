registry = []

class Plugin:
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__ + "_auto"
        registry.append(cls.plugin_name)

class A(Plugin, name="alpha"):
    pass

class B(Plugin):
    pass

class C(B, name="gamma"):
    pass

print(registry, A.plugin_name, B.plugin_name, C.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

try:
    class D(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class E(unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# object.__init_subclass__ takes no kwargs
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__init_subclass__())

# __init_subclass__ declared as explicit classmethod
class Base:
    @classmethod
    def __init_subclass__(cls, **kw):
        cls.kw = kw
class Sub(Base, a=1, b=2):
    pass
print(Sub.kw)

# order: __set_name__ before __init_subclass__
order = []
class Desc:
    def __set_name__(self, owner, name):
        order.append(("set_name", name))
class Watch:
    def __init_subclass__(cls):
        order.append(("init_subclass", cls.__name__))
class W(Watch):
    d = Desc()
print(order)
