class X(int):
    def __eq__(self, o): return True
try: hash(X(1))
except TypeError as e: print(e)
class Y(int):
    def __eq__(self, o): return True
    __hash__ = int.__hash__
print(hash(Y(5)), {Y(5): 1})
class Z(str):
    def __eq__(self, o): return str.__eq__(self, o)
try: {Z("a"): 1}
except TypeError as e: print(e)
class T(tuple):
    def __hash__(self): return 42
print(hash(T((1,))), T((1,)) == (1,))
class F(frozenset):
    def __eq__(self, o): return False
try: hash(F())
except TypeError as e: print(e)
# hash of subclass without overrides equals base
class I2(int): pass
class S2(str): pass
print(hash(I2(7)) == hash(7), hash(S2("ab")) == hash("ab"), {I2(7): "x"}[7], {S2("ab"): 1}["ab"])
# set/dict lookups call __eq__ of subclass
class E(str):
    def __eq__(self, o):
        print("E.__eq__", o)
        return str.__eq__(self, o)
    __hash__ = str.__hash__
d = {"k": 1}
print(d[E("k")])
print(E("k") in {"k"})
# __hash__ called once per dict insertion
class Counting:
    calls = 0
    def __hash__(self):
        Counting.calls += 1
        return 1
c = Counting()
dd = {c: 1}
dd[c]
print(Counting.calls)
# __eq__ raising during dict lookup
class Boom:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError("boom")
d2 = {Boom(): 1}
try: d2[Boom()]
except ValueError as e: print(e)
# identical objects skip __eq__
b = Boom()
d3 = {b: 2}
print(d3[b])
