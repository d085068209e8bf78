add = int.__dict__["__add__"]
print(type(add).__name__, add(2, 3), add.__get__(4)(5), add.__name__, add.__qualname__, add.__objclass__)
print(repr(add), repr(list.append), repr(int.__dict__["real"]), repr(dict.__dict__["fromkeys"]))
try:
    add("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    add()
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.append((1,), 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.append()
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.__dict__["append"].__get__((1,))
except TypeError as e:
    print(type(e).__name__, e)
print(list.append.__get__(None, list) is list.append, type(list.append).__name__)
l = []
list.append(l, 1)
print(l, str.join(",", ["a", "b"]))

real = int.__dict__["real"]
print(type(real).__name__, real.__get__(5), real.__name__, real.__objclass__)
try:
    real.__set__(5, 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    real.__get__("s")
except TypeError as e:
    print(type(e).__name__, e)

fk = dict.__dict__["fromkeys"]
print(type(fk).__name__, fk.__get__(None, dict)("ab"))
try:
    fk.__get__(None, int)
except TypeError as e:
    print(type(e).__name__, e)

# method-wrapper objects
mw = (1).__add__
print(type(mw).__name__, mw(2), mw.__self__, mw.__name__)
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__)
# slot wrapper argument checks
try:
    (1).__add__()
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__add__(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].__len__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__add__(x=1)
except TypeError as e:
    print(type(e).__name__, e)

# dunder methods exist on builtins and return NotImplemented
print((1).__add__("x"), "a".__mul__("b") if False else "", (1).__eq__("1"), [].__eq__(()))
print((1).__lt__(2), (1.5).__radd__(1), "a".__contains__("a"), [1, 2].__getitem__(0), {1: 2}.__getitem__(1))

# object's slot wrappers
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), object.__lt__(1, 2))
print(object.__repr__(5)[:13], object.__str__(5) if False else "", type(object.__hash__(object())).__name__)
print(object.__getattribute__([], "append") == [].append if False else "", object.__getattribute__(5, "real"))

# user-defined class inherits object's wrappers
class C: pass
print(C.__eq__ is object.__eq__, C.__repr__ is object.__repr__, C.__init__ is object.__init__, C.__hash__ is object.__hash__)
print(type(C.__init__).__name__, type(C().__init__).__name__)

# slot wrappers defined by classes are functions
class D:
    def __add__(self, o): return "D+"
print(type(D.__add__).__name__, D.__add__(D(), 1), type(D().__add__).__name__)
# int subclasses still have int's wrapper
class MyInt(int): pass
print(MyInt.__add__ is int.__add__, MyInt(2).__add__(3))
