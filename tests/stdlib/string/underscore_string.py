# The _string module: formatter_parser and formatter_field_name_split.
import _string

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for t in ["", "plain", "{}", "a{0}b", "{x!r:>10}", "{0.attr[key]!s}", "{{}}", "x{{y}}z", "{:{width}.{prec}f}", "{!a}",
          "{0!r}", "{a:}", "é{ü}😀", "}}", "{{", "{0[}]}", "{0[a:b]:c}", "a{b}c{d!s:e}f{{g}}"]:
    show(repr(t), lambda: list(_string.formatter_parser(t)))
for t in ["{", "}", "a}b", "{0", "{0!", "{0!r", "{0!rx}", "{a{b}", "{0:{"]:
    show(repr(t), lambda: list(_string.formatter_parser(t)))
it = _string.formatter_parser("a{b}c")
print(type(it).__name__, iter(it) is it, next(it), next(it), next(it, "end"))
show("parser non-str", lambda: _string.formatter_parser(1))
show("parser no args", lambda: _string.formatter_parser())

for name in ["", "0", "12", "x", "x.y", "x[0]", "x[key].attr[1]", "0.real", "a.b.c", "[0]", "٣.x", "x[]", "x.", "x[0",
             "x[0]y", "x..y", "99999999999999999999"]:
    def split(name=name):
        first, rest = _string.formatter_field_name_split(name)
        return first, list(rest)
    show(repr(name), split)
first, rest = _string.formatter_field_name_split("a.b")
print(type(rest).__name__, iter(rest) is rest)
show("split non-str", lambda: _string.formatter_field_name_split(None))

# A small formatter on top of the two functions.
def vformat(fmt, args, kwargs):
    out = []
    auto = 0
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        if first == "":
            first = auto
            auto += 1
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == "r":
            obj = repr(obj)
        elif conv == "s":
            obj = str(obj)
        elif conv == "a":
            obj = ascii(obj)
        out.append(format(obj, vformat(spec, args, kwargs) if "{" in spec else spec))
    return "".join(out)

print(vformat("{0} {x[1]} {y.real:>6.2f} {!r} {:>{w}}", ["a", "b", 3], {"x": [7, 8], "y": 2.5, "w": 4}))
