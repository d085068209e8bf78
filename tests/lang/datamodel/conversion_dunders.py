class B:
    def __bytes__(self): return b"bytes!"
print(bytes(B()))
class BadB:
    def __bytes__(self): return "str"
try: bytes(BadB())
except TypeError as e: print(e)
class Idx:
    def __index__(self): return 3
print(bytes(Idx()), bytearray(Idx()))
class It:
    def __iter__(self): return iter([65, 66])
print(bytes(It()), bytearray(It()))
class LH:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i < 2: return 67
        raise IndexError
print(bytes(LH()))
# __complex__, __float__ preference
class C:
    def __complex__(self): return 2j
    def __float__(self): return 1.0
print(complex(C()), float(C()))
class Fi:
    def __index__(self): return 5
print(complex(Fi()), float(Fi()))
# round with __round__, ndigits None
class R:
    def __round__(self, n=None): return ("r", n)
print(round(R()), round(R(), None), round(R(), 3))
# abs, divmod on mixed
print(divmod(7, 2), divmod(-7, 2.0))
# __sizeof__ via sys.getsizeof on custom
import sys
class SZ:
    def __sizeof__(self): return 1000
print(sys.getsizeof(SZ()) >= 1000)
class BadSZ:
    def __sizeof__(self): return -1
try: sys.getsizeof(BadSZ())
except ValueError as e: print(e)
# __length_hint__
import operator
class LenHint:
    def __length_hint__(self): return 7
print(operator.length_hint(LenHint()), operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])))
class BadHint:
    def __length_hint__(self): return -1
try: operator.length_hint(BadHint())
except ValueError as e: print(e)
class NIHint:
    def __length_hint__(self): return NotImplemented
print(operator.length_hint(NIHint(), 4))
