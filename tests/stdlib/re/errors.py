# re.error for malformed patterns (message, pos, lineno, colno) and other errors.
import re

bad = ["(", ")", "a)", "[a", "[z-a]", "a**", "a{2,1}", "*a", "+", "?", "(?P<1>a)", "(?P<a>a)(?P<a>b)",
       "(?P=x)", "\\1", "(a)\\2", "(?<=a+)b", "(?<=a|bc)d", "(?Px)", "(?z)", "a{1", "\\", "[\\", "(?#unterminated",
       "(?i", "(?-i)a", "(?i-i:a)", "(?(x)a|b)", "(?(1)a|b|c)", "(?(1a)b)", "\\x1", "\\u12", "\\U1234", "\\N{nope}", "\\N{LATIN SMALL LETTER A}", "\\N",
       "[\\d-z]", "\\p", "x{4294967296}", "(?P<a-b>x)", "(?P<>x)", "(?P", "(?<", "(?P<a>a)(?P=a", "a|*",
       "(?x)(\n  a\n  ", "\\8", "[]", "[^]", "(?'a)", "(?P=a>)", "(?'", "(?a:\\w)(?u)", "(?<!(a)\\1)b",
       "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a",
       "(?<a>b)", "x" * 20 + "(", "a\n(b", "\\g<1>"]
for pattern in bad:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiled")
    except re.error as e:
        print(repr(pattern), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == pattern)
    except OverflowError as e:
        print(repr(pattern), "OverflowError", e)

for pattern in [b"\\u1234", b"(?u)a", b"[\\w-z]"]:
    try:
        re.compile(pattern)
        print(pattern, "compiled")
    except re.error as e:
        print(pattern, "|", e)

print(re.error is re.PatternError if hasattr(re, "PatternError") else re.error.__name__, re.error.__module__)
try:
    re.compile("(" * 101 + "a" + ")" * 101)
    print("deep groups ok")
except re.error as e:
    print(e)
print(re.compile("(a)" * 200).groups)

import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize(), _sre.copyright)
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.ascii_iscased(0xe9),
      _sre.unicode_iscased(0xe9), _sre.unicode_iscased(ord("1")), _sre.unicode_iscased(0xdf))
print(_sre.ascii_tolower(ord("A")), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9), _sre.unicode_tolower(0x130),
      _sre.unicode_tolower(0x212a))
for args in [("a", 0, [1 << 40], 0, {}, ()), ("a", 0, [-1], 0, {}, ()), ("a", 0, ["x"], 0, {}, ()), ("a", 0, [7], 0, {}, ()),
             ("a", 0, [17, 5, 1], 0, {}, ()), ("a", 0, [], 0, {}, ()), ("a", 0, (1,), 0, {}, ()),
             (5, 0, [1], 0, {}, ())]:
    try:
        print(_sre.compile(*args))
    except Exception as e:
        print(type(e).__name__, e)
p = _sre.compile(None, 0, [16, 97, 1], 0, {}, ())
print(p, p.match("a"), p.match(b"a"))
