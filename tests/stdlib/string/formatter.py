# string.Formatter, which is built on the _string module.
import string

f = string.Formatter()
print(f.format("{0} {1} {0}", "a", "b"), f.format("{x:>5}|{y!r}", x=1, y="q"), f.format("{0.real} {1[0]}", 3, [4]))
print(f.format("{:{}}", "x", 4), f.format("{} {}", 1, 2), f.format("{{literal}}"), f.vformat("{a}", (), {"a": 5}))
print(list(f.parse("a{b!r:c}d{{e}}")), f.get_field("x.y", (), {"x": 1j}) if False else f.get_field("0", (9,), {}))
for bad in ["{", "}", "{0!x}", "{}{0}", "{0}{}", "{5}", "{missing}"]:
    try:
        f.format(bad, 1)
    except Exception as e:
        print(repr(bad), type(e).__name__, e)

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format("{0} {name} {unknown} {0!r} {1!u}", "abc", "xyz", name="n"))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace),
      string.capwords("hello   big\tworld"), string.capwords("a-b c-d", "-"))
