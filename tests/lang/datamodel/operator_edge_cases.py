class N:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
print(bin(N(3)), [1,2,3][N(1):], "abc"[N(-1)], (N(2)).__index__())
import operator
print(operator.index(N(4)), operator.add(1, 2))
class O:
    def __matmul__(s, o): return "mm"
    def __rmatmul__(s, o): return "rmm"
    def __imatmul__(s, o): return "imm"
o = O()
print(o @ 1, 1 @ o)
o @= 2
print(o)
# __pow__ three-arg
class P:
    def __pow__(s, e, m=None): return ("pow", e, m)
    def __rpow__(s, b, m=None): return ("rpow", b, m)
print(pow(P(), 2, 3), pow(2, P()), 2 ** P())
try: pow(2, P(), 3)
except TypeError as e: print(e)
# divmod/floordiv on builtins with custom
class D:
    def __rdivmod__(s, o): return "rdm"
    def __rfloordiv__(s, o): return "rfd"
print(divmod(5, D()), 5 // D())
# __bool__ on class level
class B:
    def __bool__(self): return False
print(bool(B), bool(B()))
# __len__ huge
class L:
    def __len__(s): return 2**62
try: print(len(L()))
except OverflowError as e: print(e)
class L2:
    def __len__(s): return 2**63
try: print(len(L2()))
except OverflowError as e: print(e)
try: print(bool(L2()))
except OverflowError as e: print(e)
# __contains__ returning NotImplemented? it's truthy
# __neg__ returning NotImplemented just returns it
class NI:
    def __neg__(s): return NotImplemented
print(-NI())
# comparison chains with NotImplemented both sides
class E:
    def __eq__(s, o): return NotImplemented
print(E() == E(), E() != E())
x = E()
print(x == x, x != x)
# __hash__ returning from int subclass large
class H:
    def __hash__(s): return 2**64
print(hash(H()) == hash(2**64))
class H2:
    def __hash__(s): return -1
print(hash(H2()))
