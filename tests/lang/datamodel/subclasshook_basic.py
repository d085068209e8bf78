# object.__subclasshook__ exists and returns NotImplemented
print(object.__subclasshook__(), object.__subclasshook__(int))

class Base:
    @classmethod
    def __subclasshook__(cls, C):
        return NotImplemented
print(Base.__subclasshook__(int))

# without abc, __subclasshook__ alone does not affect issubclass
class Duck:
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack")
class Mallard:
    def quack(self): pass
print(issubclass(Mallard, Duck), Duck.__subclasshook__(Mallard))

# a hand-written metaclass can consult it
class HookMeta(type):
    def __subclasscheck__(cls, sub):
        r = cls.__subclasshook__(sub)
        if r is not NotImplemented:
            return r
        return type.__subclasscheck__(cls, sub)
    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))
class Quacker(metaclass=HookMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class Sub(Quacker): pass
print(issubclass(Mallard, Quacker), isinstance(Mallard(), Quacker), issubclass(int, Quacker), issubclass(Sub, Quacker))
print(type.__subclasscheck__(Quacker, Sub), type.__instancecheck__(Quacker, Sub()))
