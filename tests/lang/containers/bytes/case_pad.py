# case conversion, predicates, padding, expandtabs, zfill
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

samples = [b'', b'hello World', b'HELLO', b'hello', b'Hello World', b'123', b'abc123', b' ', b'\t\n', b'a b',
           b'\xe9t\xe9', b'ABC def', b"they're bill's", b'hELLO wORLD', b'1a', b'A', b'_', b'Aa Bb', b'aA', b'\x80abc']
for s in samples:
    print(s, s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(),
          s.isalnum(), s.isalpha(), s.isascii(), s.isdigit(), s.islower(), s.isupper(), s.isspace(), s.istitle())
    ba = bytearray(s)
    assert (ba.upper(), ba.lower(), ba.title(), ba.capitalize(), ba.swapcase()) == (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
    assert (ba.isalnum(), ba.isalpha(), ba.isascii(), ba.isdigit(), ba.islower(), ba.isupper(), ba.isspace(), ba.istitle()) == \
        (s.isalnum(), s.isalpha(), s.isascii(), s.isdigit(), s.islower(), s.isupper(), s.isspace(), s.istitle())
print(type(bytearray(b'a').upper()).__name__, type(bytearray(b'a').title()).__name__)
for B in (bytes, bytearray):
    b = B(b'abc')
    print(b.center(9), b.center(9, b'*'), b.center(2), b.center(8, b'-'), b.ljust(6), b.ljust(6, b'.'), b.rjust(6), b.rjust(6, bytearray(b'#')), b.ljust(-1))
    print(B(b'ab').center(5, b'x'), B(b'abc').center(6, b'x'), B(b'').center(3, b'!'))
    err(b.center)
    err(b.center, 5, b'ab')
    err(b.center, 5, '*')
    err(b.ljust, 5, 42)
    err(b.rjust, 'x')
    err(b.center, 2**70)
    print(B(b'42').zfill(5), B(b'-42').zfill(5), B(b'+42').zfill(2), B(b'').zfill(3), B(b'abc').zfill(6), B(b'-').zfill(3))
    err(b.zfill)
    err(b.zfill, 'x')
    print(B(b'a\tb\tc').expandtabs(), B(b'a\tb').expandtabs(4), B(b'ab\tc\n\td').expandtabs(3), B(b'\t').expandtabs(0), B(b'x\ty').expandtabs(tabsize=2), B(b'a\r\tb').expandtabs(4))
    err(b.expandtabs, 'x')
    err(b.expandtabs, 1, 2)
