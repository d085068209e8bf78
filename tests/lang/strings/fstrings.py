# f-strings: FORMAT_VALUE / BUILD_STRING with the format-spec code.
x, y, name, pi = 42, -3, "world", 3.14159265
items = ["a", "b"]
d = {"k": "v"}
class Obj:
    attr = "A"
    def __repr__(self):
        return "Obj()"
    def __str__(self):
        return "obj"
    def __format__(self, spec):
        return "O<" + spec + ">"
o = Obj()
w, p = 10, 3
print(f"hello {name}!", f"{x}", f"{x:5}|{x:<5}|{x:^5}|{x:05}|{x:+}", f"{y:x} {x:#x} {x:b} {x:o} {x:X} {x:#b}")
print(f"{pi:.2f} {pi:10.4f} {pi:e} {pi:g} {pi:%} {pi:.0f} {pi:{w}.{p}f} {pi:{w}} {x:{'>'}{w}}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {name!r:>10} {name:*^11}")
print(f"{o} {o!r} {o!s} {o:spec} {o!s:>6} {o!r:<8}|")
print(f"{items[0]}{items[-1]} {d['k']} {o.attr} {len(items)} {x + y} {x * 2:>{w}}")
print(f"{x=} {y = } {name=!s} {pi=:.2f} {x=:>6} {o=} {items[0]=}")
print(f"{{}} {{{x}}} {{x}}", f"", f"{''}", f"{'{}'}", f"{3}{4}", f"a" f"b{x}" "c")
print(f"{1e16} {-0.0} {2.5:.0f} {1/3:.15f} {10**20:,} {1234567:_} {0.5:.1%} {True} {None} {[1, 2]} {(1,)}")
print(f"{'nested ' + f'{x}'} {f'{f"{x}"}'} {'x' if x else 'y'} {(lambda v: v * 2)(x)}")
print(f"{x:{'d'}} {pi:{'.'}{p}} {name:{'<'}{w}}|", f"{x!r:^{w}}|")
def fmt_all(v):
    return [f"{v}", f"{v!r}", f"{v:>8}", f"{v!s:<8}"]
for v in [1, 1.5, "s", None, True, 2j, [1], (1, 2), {1: 2}, {3}, b"b", range(3), o]:
    print(fmt_all(v))
try:
    f"{x:s}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{pi:,n}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{x:{'.'}}"
except ValueError as e:
    print(type(e).__name__, e)
total = 0
for i in range(3000):
    s = f"{i:05d}-{i * 0.5:.1f}-{str(i)!r}"
    total += len(s)
print(total, s)
