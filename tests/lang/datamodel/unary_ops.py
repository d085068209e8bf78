class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return "abs"
u = U()
print(-u, +u, ~u, abs(u))

class Nothing: pass
for name, f in [("-", lambda x: -x), ("+", lambda x: +x), ("~", lambda x: ~x), ("abs", abs)]:
    try:
        f(Nothing())
    except TypeError as e:
        print(type(e).__name__, e)

for val in ["s", [], None, {}]:
    try:
        -val
    except TypeError as e:
        print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)

print(-True, +True, ~True, abs(-3), abs(-2.5), -(-0.0))

class MyInt(int):
    def __neg__(self): return "custom neg"
print(-MyInt(3), +MyInt(3), type(+MyInt(3)).__name__, abs(MyInt(-3)), type(abs(MyInt(-3))).__name__)

# unary op lookup on type only
n = Nothing()
n.__neg__ = lambda: "instance"
try:
    -n
except TypeError as e:
    print(type(e).__name__, e)

# 'not' uses truthiness
class F:
    def __bool__(self): return False
print(not F(), not U())
