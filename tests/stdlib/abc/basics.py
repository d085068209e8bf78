import abc, _abc
from abc import ABC, ABCMeta, abstractmethod

print(abc.ABCMeta.__module__, abc._abc_init is _abc._abc_init)

class Base(ABC):
    @abstractmethod
    def f(self): ...
    @property
    @abstractmethod
    def p(self): ...
    def concrete(self): return 1

print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print(e)

class Half(Base):
    def f(self): return 2
print(sorted(Half.__abstractmethods__))

class Full(Half):
    p = 3
print(Full.__abstractmethods__, Full().f(), Full().p)

class Other: pass
print(isinstance(Full(), Base), issubclass(Full, Base), isinstance(Other(), Base), issubclass(Other, Base))
Base.register(Other)
print(isinstance(Other(), Base), issubclass(Other, Base), issubclass(Other, Half))
class SubOther(Other): pass
print(issubclass(SubOther, Base), isinstance(SubOther(), Base))
print(Base.register(int) is int, isinstance(3, Base), isinstance(True, Base))

t0 = abc.get_cache_token()
class X(ABC): pass
class Y: pass
print(issubclass(Y, X))
X.register(Y)
print(abc.get_cache_token() == t0 + 1, issubclass(Y, X))

class Hooked(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, 'quack')
        return NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))

class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C): return 'yes'
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print('AssertionError', e)

for bad in [lambda: Base.register(3), lambda: issubclass(3, Base), lambda: Full.register(Base)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

reg, cache, neg, ver = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), type(ver).__name__)
print(sorted(r().__name__ for r in cache))
_abc._reset_caches(Base)
print([len(s) for s in _abc._get_dump(Base)[:3]])
_abc._reset_registry(Base)
print(len(_abc._get_dump(Base)[0]), issubclass(Other, Base))

import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator),
      isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), issubclass(dict, cabc.MutableMapping))
class MySeq(cabc.Sequence):
    def __getitem__(self, i): return [1, 2][i]
    def __len__(self): return 2
match MySeq():
    case [a, b]: print('seq match', a, b)
class Reg: 
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
cabc.Sequence.register(Reg)
match Reg():
    case []: print('registered seq match')
    case _: print('no match')
class M(metaclass=ABCMeta):
    @abstractmethod
    def g(self): ...
M.g = lambda self: 1
abc.update_abstractmethods(M)
print(M.__abstractmethods__, M().g())
print(type(Base._abc_impl).__name__)
