# type(name, bases, ns, **kw) hands the keywords to a more derived metaclass's __new__.
class Meta(type):
    def __new__(mcls, name, bases, ns, *, flag=None, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.flag = flag
        return cls

    def __init__(cls, *args, **kw):
        print('Meta.__init__ called', cls.__name__)
        super().__init__(*args)


class Base(metaclass=Meta, flag='base'):
    pass


C = type('C', (Base,), {'x': 1}, flag='via type')
print(type(C).__name__, C.flag, C.x, C.__mro__[1] is Base)
D = type('D', (Base,), {})
print(D.flag)
try:
    type('E', (Base,), {}, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type('F', (), {}, flag=1)
except TypeError as e:
    print(type(e).__name__, e)
