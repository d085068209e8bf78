import sys
samples = [len, [].append, (1).__add__, int.__add__, str.join, type.__dict__["__name__"], iter([]), iter(()), iter(""), iter({}), iter(range(3)), reversed([]), zip(), map(len, []), filter(None, []), (x for x in []), sys, type(None), NotImplemented, Ellipsis, range(1), slice(1), super(int, 1), property(), classmethod(len), staticmethod(len), {}.keys(), {}.values(), {}.items(), object(), 1j, b"", bytearray(), frozenset(), set(), lambda: 0, sys._getframe(), type.__dict__, int.__dict__["real"]]
import types
for s in samples:
    t = type(s)
    try:
        t()
        r = "ok"
    except TypeError as e:
        r = str(e)
    except Exception as e:
        r = type(e).__name__
    print(t.__name__, "|", r)
