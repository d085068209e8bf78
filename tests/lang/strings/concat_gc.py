# Strings built by repeated concatenation survive collections and compare,
# hash and slice like any others.
import gc

keep = []
s = ""
for i in range(3000):
    s += str(i % 10)
    if i % 500 == 0:
        keep.append(s)
        gc.collect()
w = "é"
for i in range(2000):
    w += "\u1234" if i % 3 == 0 else "x"
branch = s[:100]
fork1 = keep[2] + "left"
fork2 = keep[2] + "right"
gc.collect()
print(len(s), s[:20], s[-20:], [len(k) for k in keep], fork1[-6:], fork2[-7:], fork1[:1001] == fork2[:1001])
print(len(w), w.count("\u1234"), w[:4], w[-4:], w.isascii(), s.isascii(), s.isdigit())
rebuilt = "".join(str(i % 10) for i in range(3000))
print(s == rebuilt, hash(s) == hash(rebuilt), {s: 1}[rebuilt], s in {rebuilt}, s.find("789012"), s.rfind("0123"))
t = "prefix-" * 20
a = t + "a"
b = t + "b"
c = a + "c"
print(a[-3:], b[-3:], c[-4:], len(a), len(b), len(c), a < b, c.startswith(a))
x = ("ab" * 40)
for i in range(10):
    x += "é"
print(x[-12:], x.isascii(), len(x), x.encode()[-4:])
print(repr(("q" * 70) + "\n"), ("k" * 70 + "z").upper()[-3:], ("k" * 70 + "z").split("k")[-1])
