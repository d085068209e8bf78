def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)
T, F = True, False
for r in [T + T, T - F, T * T, T / T, T // T, T % T, T ** F, -T, +T, ~T, ~F, abs(F), T << 2, T >> 1,
          T & T, T | F, T ^ T, F & F, T & 3, 3 & T, T | 2, T ^ 1, divmod(T, T), round(T), T.real, T.numerator,
          int(T), float(T), complex(T), T == 1, F == 0, T is True, bool(0), bool(2), bool(""), bool([0]),
          bool(), bool(0.0), bool(0j), hash(T), hash(F), T.conjugate(), T.bit_length(), str(T), repr(F)]:
    print(type(r).__name__, r)
print(f"{T}", f"{F!s}", format(T, ""), format(T, "5"), format(T, ">6"), "%s %d %r" % (T, T, F))
print(sum([True, True, False]), max(True, 2), min(False, -1), sorted([T, F, 0, 1]), [1, 2][T])
show(lambda: bool(1, 2))
show(lambda: bool(x=1))
show(lambda: True / False)
show(lambda: T.__and__(1))
show(lambda: T.__and__(T))
show(lambda: bool.__and__(T, 2.0))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, bool.__base__)
class Truthy:
    def __bool__(self): return False
class Lenny:
    def __len__(self): return 3
class BadBool:
    def __bool__(self): return 1
print(bool(Truthy()), bool(Lenny()), not Lenny())
show(lambda: bool(BadBool()))
