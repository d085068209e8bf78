# Flags: IGNORECASE (ASCII, Unicode and the special case-folding sets),
# MULTILINE, DOTALL, VERBOSE, ASCII, LOCALE (bytes) and inline flags.
import re

def show(pattern, text, flags=0):
    try:
        r = re.findall(pattern, text, flags)
    except re.error as e:
        r = "error: %s" % e
    except ValueError as e:
        r = "ValueError: %s" % e
    print(repr(pattern), repr(text), flags, r)

I, M, S, X, A, L, U = re.I, re.M, re.S, re.X, re.A, re.L, re.U
show("abc", "ABC abc AbC", I)
show("[a-z]+", "Hello WORLD", I)
show("[^a-z]+", "Hello WORLD", I)
show("straße", "STRASSE Straße STRAẞE", I)
show("ß", "ẞß", I)
show("[ß]", "ẞß", I)
show("σ", "Σσς", I)
show("[σ]+", "ΣσςX", I)
show("k", "Kk\u212a", I)
show("k", "Kk\u212a", I | A)
show("[k-m]+", "KLM\u212a", I)
show("[k-m]+", "KLM\u212a", I | A)
show("i", "Iiİı", I)
show("[i]", "Iiİı", I)
show("[^i]", "Iiİı", I)
show("µ", "µΜμ", I)
show("\u01c5", "\u01c4\u01c5\u01c6", I)
show("é", "ÉéE", I)
show("[à-ÿ]+", "ÀÉÎõÜ", I)
show("[\u0400-\u04ff]+", "Привет МИР", I)
show("(a)\\1", "aA Aa", I)
show("(é)\\1", "éÉ", I)
show("[^\\W\\d]+", "ab12cd", I)
show("\\d+", "12\u0663\u0664", 0)
show("\\d+", "12\u0663\u0664", A)
show("\\w+", "héllo wörld", A)
show("\\s+", "a\u00a0b\u2003c", 0)
show("\\s+", "a\u00a0b\u2003c", A)
show("\\bé", "é aé", 0)
show("\\bé", "é aé", A)
show("^\\w", "ab\ncd\nef", M)
show("\\w$", "ab\ncd\nef\n", M)
show("\\w$", "ab\ncd\nef\n", 0)
show("^$", "a\n\nb", M)
show("a.b", "a\nb", S)
show("a.b", "a\nb", 0)
show(".+", "ab\ncd", S | M)
show("""
    (\\d+)   # number
    \\s* ,   # comma
    [ ]x     # literal space in a class
""", "12 , x", X)
show("a#b", "a#b", X)
show("a\\#b", "a#b", X)
show("(?i)AB(?-i:c)", "abc abC", 0)
show("(?a)\\w+", "héllo", 0)
show("(?u)\\w+", "héllo", 0)
show("(?s)a.b(?m)", "a\nb", 0)
show("a(?x: b c )d", "abcd", 0)
show("(?i:a)b", "Ab AB", 0)

# bytes patterns
show(b"abc", b"ABC abc", I)
show(b"\\w+", b"caf\xe9 bar", 0)
show(b"\\w+", b"caf\xe9 bar", L)
show(b"[a-z]+", b"ABC def", I | L)
show(b"abc", b"ABC", I | L)
show(b"\\bx", b"x \xe9x", L)
show(b"(a)\\1", b"aA", I | L)
show(b"\\d+\\s+", b"12 \t34", 0)
show(b"(?L)\\w", b"a", 0)

# flag conflicts and bad combinations
show("a", "a", L)
show(b"a", b"a", U)
show("a", "a", A | U)
show(b"(?u)a", b"a", 0)
show("(?L)a", "a", 0)
show("(?au)a", "a", 0)
for f in (I, M, S, X, A, I | M, re.RegexFlag(0)):
    print(repr(f), int(f), re.compile("x", f).flags)
print(re.compile("x").flags, re.compile(b"x").flags, re.compile("(?i)x").flags, re.compile("(?x)x", re.M).flags)
