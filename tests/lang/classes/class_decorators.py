def add_attr(**kw):
    def deco(cls):
        for k, v in kw.items():
            setattr(cls, k, v)
        return cls
    return deco

def replace(cls):
    return "replaced " + cls.__name__

order = []
def trace(name):
    def deco(cls):
        order.append(name)
        return cls
    return deco

@add_attr(a=1, b=2)
class A:
    pass
print(A.a, A.b)

@replace
class B:
    pass
print(B)

@trace("outer")
@trace("inner")
class C:
    pass
print(order)

# decorator sees fully built class incl. __set_name__ / __init_subclass__
class Base:
    def __init_subclass__(cls):
        cls.sub_inited = True
def check(cls):
    print("deco sees", cls.sub_inited)
    return cls
@check
class D(Base):
    pass

# class decorator that wraps methods
def log_methods(cls):
    for name, val in list(vars(cls).items()):
        if callable(val) and name[:2] != "__":
            def wrapper(*a, _f=val, _n=name):
                print("call", _n)
                return _f(*a)
            setattr(cls, name, wrapper)
    return cls
@log_methods
class E:
    def m(self):
        return 3
print(E().m())
