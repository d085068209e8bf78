class WithContains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
print(1 in WithContains(), 2 in WithContains(), 2 not in WithContains())

class Truthy:
    def __contains__(self, x):
        return [x]
print(0 in Truthy(), type(0 in Truthy()).__name__)

class ViaIter:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
print(2 in ViaIter(), 5 in ViaIter())

class ViaGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        print("getitem", i)
        return i * 10
print(10 in ViaGetitem(), 99 in ViaGetitem())

class Nothing: pass
try:
    1 in Nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)

class NoneContains:
    __contains__ = None
    def __iter__(self): return iter([1])
try:
    1 in NoneContains()
except TypeError as e:
    print(type(e).__name__, e)

class RaisingContains:
    def __contains__(self, x):
        raise ValueError("nope")
try:
    1 in RaisingContains()
except ValueError as e:
    print(type(e).__name__, e)

# getitem raising StopIteration or other exceptions
class GetitemKeyError:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    1 in GetitemKeyError()
except KeyError as e:
    print(type(e).__name__, e)

# __contains__ on instance is ignored
n = Nothing()
n.__contains__ = lambda x: True
try:
    1 in n
except TypeError as e:
    print(type(e).__name__, e)

# identity before equality in default containment
class NeverEq:
    def __eq__(self, o): return False
ne = NeverEq()
print(ne in ViaIter(), ne in [ne], ne in (ne,), ne in {1: 2}.keys() if False else "skip")

# dict/set containment uses hash
class H:
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, H)
print(H() in {H()}, H() in {H(): 1}, H() in [H()])
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
