import io

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\r", True)), d.newlines, d.getstate())
d.reset()
print(d.newlines, d.getstate())
for chunk in ["x\n", "y\r", "\r", "z\r\n", ""]:
    print(repr(d.decode(chunk)), d.newlines, end=" | ")
print(repr(d.decode("", final=True)))

d = io.IncrementalNewlineDecoder(None, False)
print(repr(d.decode("1\r\n2\r3\n")), d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("x")), d.getstate())
try:
    d.decode(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)

# Around a byte decoder with its own state.
class Latin1Decoder:
    def __init__(self):
        self.pending = b""
    def decode(self, data, final=False):
        data = self.pending + data
        # Hold back a trailing 0xff byte to show the state handling.
        if data[-1:] == b"\xff" and not final:
            self.pending = b"\xff"
            data = data[:-1]
        else:
            self.pending = b""
        return str(data, "latin-1")
    def getstate(self):
        return (self.pending, 3)
    def setstate(self, state):
        self.pending = state[0]
    def reset(self):
        self.pending = b""

d = io.IncrementalNewlineDecoder(Latin1Decoder(), translate=True)
print(repr(d.decode(b"ab\r")), d.getstate(), repr(d.decode(b"\n\xff")), d.getstate())
print(repr(d.decode(b"", True)), d.newlines)
d.setstate((b"\xff", 7))
print(d.getstate(), repr(d.decode(b"x")))
d.reset()
print(d.getstate(), d.newlines)

for args in [(), (None,)]:
    try:
        io.IncrementalNewlineDecoder(*args)
    except TypeError as e:
        print(type(e).__name__)
u = io.IncrementalNewlineDecoder.__new__(io.IncrementalNewlineDecoder)
try:
    u.decode("x")
except ValueError as e:
    print(type(e).__name__, e)
