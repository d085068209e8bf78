class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __eq__(self, o): return isinstance(o, EqAndHash)
    def __hash__(self): return 42
print(hash(EqAndHash()), len({EqAndHash(), EqAndHash()}))

# inheriting: subclass of EqOnly still unhashable
class Sub(EqOnly): pass
try:
    hash(Sub())
except TypeError as e:
    print(type(e).__name__, e)

# subclass defines __hash__ only
class Sub2(EqOnly):
    def __hash__(self): return 7
print(hash(Sub2()))

# subclass of a hashable class defining __eq__ loses hash
class H:
    def __hash__(self): return 1
class H2(H):
    def __eq__(self, o): return True
print(H2.__hash__)

# explicitly restore hash
class H3(EqOnly):
    __hash__ = object.__hash__
print(type(hash(H3())).__name__)

# __hash__ = None explicitly
class Unh:
    __hash__ = None
try:
    hash(Unh())
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(Unh(), object))

# __hash__ return types
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class FloatHash:
    def __hash__(self): return 1.5
try:
    hash(FloatHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class BoolHash:
    def __hash__(self): return True
print(hash(BoolHash()))
class NegOne:
    def __hash__(self): return -1
print(hash(NegOne()))
class IntSubHash:
    def __hash__(self):
        class I(int): pass
        return I(12)
print(hash(IntSubHash()))

# builtins
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))

# hash of a class is identity-based, classes with __eq__ on metaclass
class M(type):
    def __eq__(cls, o): return True
try:
    class WithM(metaclass=M): pass
    hash(WithM)
except TypeError as e:
    print(type(e).__name__, e)

# dict subclass unhashable
class D(dict): pass
try:
    hash(D())
except TypeError as e:
    print(type(e).__name__, e)
