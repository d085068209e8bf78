# Core pattern syntax: literals, classes, quantifiers, groups, backreferences,
# lookarounds, conditionals, atomic groups and possessive quantifiers.
import re

def show(pattern, text, flags=0, fn="search"):
    try:
        m = getattr(re, fn)(pattern, text, flags)
    except re.error as e:
        print(repr(pattern), "error:", e)
        return
    if m is None:
        print(repr(pattern), repr(text), None)
    else:
        print(repr(pattern), repr(text), m.span(), repr(m.group()), m.groups(), m.lastindex)

cases = [
    ("abc", "xxabcxx"), ("a.c", "a\nc abc"), ("a.c", "a\nc"), ("^abc$", "abc"), ("^b", "ab"),
    ("[abc]+", "xxbcay"), ("[^abc]+", "abcxyzabc"), ("[a-z0-9_]+", "  hello_42 "), ("[]a]", "]"),
    ("[\\]]", "a]"), ("[-a]", "-"), ("[a-]", "-"), ("[\\w\\s]+", "ab c!"), ("[\\d.]+", "v1.25x"),
    ("\\d+", "abc123def"), ("\\D+", "123abc456"), ("\\s+", "a \t\n b"), ("\\S+", "  word  "),
    ("\\w+", "héllo wörld"), ("\\W+", "ab, cd"), ("\\bfoo\\b", "a foo b"), ("\\Bfoo", "afoo"),
    ("\\Aabc", "abc"), ("abc\\Z", "xabc"), ("abc\\Z", "abc\n"), ("abc$", "abc\n"),
    ("a*", "aaa"), ("a*?", "aaa"), ("a+", "baaa"), ("a+?", "baaa"), ("a?", "a"), ("a??", "a"),
    ("a{2}", "aaaa"), ("a{2,}", "aaaa"), ("a{,2}", "aaaa"), ("a{1,3}", "aaaa"), ("a{1,3}?", "aaaa"),
    ("a{3,5}b", "aab aaab aaaaaab"), ("x{0}", "x"), ("(ab)*", "ababab"), ("(ab)*?c", "ababc"),
    ("(a|b)+c", "abbac"), ("(?:a|b)+c", "abbac"), ("(a)(b)(c)", "abc"), ("(a)|(b)", "b"),
    ("((a)|(b))+", "ab"), ("(a*)+", "aaa"), ("(a*)*", "b"), ("(a|)+", "aa"), ("(?:x*)*y", "xxy"),
    ("(a)\\1", "aa"), ("(a+)b\\1", "aaabaa"), ("(?P<q>['\"]).*?(?P=q)", "say 'hi' now"),
    ("(\\w)\\1", "hello"), ("(a)?b\\1", "b"), ("(?P<x>a)(?P<y>b)?", "a"),
    ("foo(?=bar)", "foobaz foobar"), ("foo(?!bar)", "foobar foobaz"), ("(?<=\\$)\\d+", "cost $42"),
    ("(?<!\\$)\\b\\d+", "$42 and 17"), ("(?<=a)b", "ab"), ("(?<=ab)c", "abc"), ("(?<!a)b", "ab cb"),
    ("(a)?(?(1)b|c)", "ab"), ("(a)?(?(1)b|c)", "c"), ("(?P<o><)?\\w+(?(o)>)", "<tag>"),
    ("(?P<o><)?\\w+(?(o)>)", "tag>"), ("(a)?x(?(1)y)", "xy"),
    ("(?>a+)b", "aaab"), ("(?>a+)a", "aaaa"), ("a++a", "aaaa"), ("a++b", "aaab"), ("a*+b", "b"),
    ("(?:ab)++c", "ababc"), ("(?:ab)*+ab", "abab"), ("a?+a", "a"), ("a{1,2}+a", "aaa"),
    ("(?:a|ab)++c", "abc"), ("x(?>ab|a)c", "xac"), ("x(?>a|ab)c", "xabc"),
    ("(?i)abc", "ABC"), ("a(?i:b)c", "aBc"), ("a(?i:b)c", "aBC"), ("(?s:.)", "\n"), ("(?m)^b", "a\nb"),
    ("(?x) a b  c # comment", "abc"), ("\\x41\\u00e9\\U0001F600", "Aé\U0001F600"), ("\\101", "A"),
    ("\\0", "\0"), ("[\\x00-\\x1f]+", "a\x01\x02b"), ("\\t\\n", "\t\n"),
    ("(?:(a)|b)*", "ab"), ("(?:(a)|(b))*", "ab"), ("(a)|b(c)?", "b"), ("(?:(a)|b)+?c", "abc"),
    ("(a)(?:(b)|c)*d", "abcd"), ("((a)|(b))*?c", "abc"), ("(a+|b+)*c", "aabbac"),
    ("", ""), ("", "abc"), ("()", "x"), ("(|a)+", "a"), ("(a|)*b", "aab"),
    ("\U0001F600+", "x\U0001F600\U0001F600"), ("[\u0100-\u017f]+", "zĀāĂ"), ("[^\x00-\x7f]+", "ab\xe9\u4e2d"),
]
for pattern, text in cases:
    show(pattern, text)

for fn in ("match", "fullmatch", "search"):
    for pattern, text in [("a+", "aaab"), ("a+", "aaa"), ("a*?", "aaa"), ("a|ab", "ab"), ("(a|ab)(c|bcd)", "abcd"),
                          ("b", "ab"), ("a.*", "a\nb"), ("x*", "")]:
        show(pattern, text, 0, fn)

# A repeat of a group that can match empty does not loop forever.
for pattern in ["(a?)*", "(a*)*b", "(a*)+b", "(|a)*", "(?:a?)*?b", "(?:)*", "(a?)+?", "(?:a*)*+"]:
    show(pattern, "aab")
