# Runs every case of CPython's own test/re_tests.py table (the classic SRE
# suite) and prints what each pattern does: compile error, or the match with
# its groups, also with IGNORECASE and over bytes where the case allows it.
import re
import sys

sys.path.insert(0, "/usr/lib/python3.11/test")
import re_tests

def describe(p, s):
    m = p.search(s)
    if m is None:
        return None
    return (m.span(), m.group(), m.groups(), m.groupdict(), m.lastindex)

for case in re_tests.tests:
    pattern, s, outcome = case[:3]
    try:
        p = re.compile(pattern)
    except re.error as e:
        print(repr(pattern), "error", e.msg, e.pos)
        continue
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)
        continue
    print(repr(pattern), repr(s), describe(p, s))
    if len(case) == 5:
        m = p.search(s)
        if m is not None:
            vardict = {"found": m.group(0), "groups": m.group(), "flags": m.re.flags}
            for i in range(1, 100):
                try:
                    vardict["g%d" % i] = m.group(i)
                except IndexError:
                    vardict["g%d" % i] = "Error"
            for name in p.groupindex:
                vardict[name] = m.group(name)
            try:
                print("  repl:", repr(eval(case[3], vardict)))
            except TypeError as e:
                print("  repl:", type(e).__name__, e)
    try:
        pi = re.compile(pattern, re.I)
        print("  I:", describe(pi, s))
    except re.error as e:
        print("  I error", e)
    try:
        bp = re.compile(pattern.encode("latin-1"))
        print("  bytes:", describe(bp, s.encode("latin-1")))
    except (UnicodeEncodeError, re.error) as e:
        print("  bytes:", type(e).__name__)
