# bytes % formatting (PEP 461)
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(b'%s' % b'abc', b'%b' % bytearray(b'x'), b'%s %s' % (b'a', b'b'), b'%5s|%-5s|' % (b'ab', b'cd'), b'%.1s' % b'xyz', b'%s' % memoryview(b'mv'))
print(b'%d' % 42, b'%i' % -3, b'%u' % 7, b'%5d|%-5d|%05d' % (1, 2, 3), b'%+d % d' % (5, 5), b'%x %X %o' % (255, 255, 8), b'%#x %#X %#o' % (255, 255, 8))
print(b'%f' % 1.5, b'%.2f' % 3.14159, b'%e' % 12345.678, b'%g' % 0.0001, b'%G' % 1e20, b'%10.3f|' % 2.0, b'%-8.2e|' % 1.0, b'%F' % float('inf'))
print(b'%c' % 65, b'%c' % b'z', b'%c' % bytearray(b'q'), b'%3c|' % 66, b'%%', b'100%%' % (), b'%a' % 'é', b'%r' % 'x', b'%a' % [1, 'b'])
print(b'%(a)s and %(b)d' % {b'a': b'A', b'b': 2}, b'%(x)s' % {b'x': b'1'}, b'%*d' % (5, 1), b'%-*d|' % (4, 2), b'%.*f' % (2, 1.0), b'%*s|' % (-4, b'a'))
print(b'%d' % True, b'%d' % 2.9, b'%x' % 10, b'%s' % b'', b'%d%%' % 50, b'%ld %hd' % (1, 2))
class HB:
    def __bytes__(self): return b'HB!'
class I:
    def __index__(self): return 9
class F:
    def __float__(self): return 2.5
print(b'%s' % HB(), b'%x' % I(), b'%d' % I(), b'%f' % F(), b'%.1f' % 3)
err(lambda: b'%s' % 'str')
err(lambda: b'%s' % 1)
err(lambda: b'%b' % [1])
err(lambda: b'%d' % 'x')
err(lambda: b'%x' % 1.5)
err(lambda: b'%f' % 'x')
err(lambda: b'%c' % 256)
err(lambda: b'%c' % b'ab')
err(lambda: b'%c' % 'a')
err(lambda: b'%s %s' % (b'a',))
err(lambda: b'%s' % (b'a', b'b'))
err(lambda: b'%(a)s' % (1,))
err(lambda: b'%(a)s' % {b'b': 1})
err(lambda: b'%(a)s' % {'a': 1})
err(lambda: b'%z' % 1)
err(lambda: b'%' % ())
err(lambda: b'%*d' % ('x', 1))
err(lambda: b'%(a' % {b'a': 1})
print(bytearray(b'%s-%d') % (b'x', 1), type(bytearray(b'%s') % b'y').__name__)
print(b'%s' % {b'a': 1} if False else b'no', b'x' % (), b'x' % {}, b'%s' % (b't',))
err(lambda: b'x' % 5)
err(lambda: b'x' % (1,))
print(b'abc' % [] if False else '', b'%r' % b'b', b'%a' % 3.5)
print(b'%zf' % -0.0, b'%f' % -0.0, b'%z.1f' % -0.01, b'%zd' % -0, b'%z5.1e|' % -0.0, b'%zg' % -0.0, b'%+z.2f' % -0.001, b'%z.1f' % -1.0)
for a in [b'', b'ab', bytearray(b'x'), 'str', {}, [], (), 5, None, memoryview(b'')]:
    err(lambda: b'x' % a)
err(lambda: b'%5z' % 1)
