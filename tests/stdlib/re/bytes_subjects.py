# Bytes patterns over bytes, bytearray, memoryview and array subjects; str
# subjects of every width; results are exact str / bytes.
import re

p = re.compile(rb"(\w+)=(\d+)")
for subject in [b"a=1 bb=22", bytearray(b"a=1 bb=22"), memoryview(b"xa=1 bb=22")[1:]]:
    m = p.search(subject)
    print(type(subject).__name__, m.group(0), m.groups(), type(m.group(1)).__name__, m.span(), type(m.string).__name__)
    print(p.findall(subject), p.sub(rb"\2=\1", bytes(subject)), p.sub(rb"-", subject), p.split(subject),
          [x.span() for x in p.finditer(subject)])
    try:
        print(p.sub(rb"\2=\1", subject))
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

ba = bytearray(b"abc abc")
m = re.search(b"b", ba)
ba[1:2] = b"X"
print(m.group(), m.span(), m.string)
ba2 = bytearray(b"x1x2x3")
print(re.sub(b"\\d", lambda m: bytes(ba2) if False else b"#", ba2))

class S(str):
    pass
class B(bytes):
    pass
m = re.match("(a)(b)", S("abc"))
print(type(m.group()).__name__, type(m.group(1)).__name__, type(m.string).__name__, type(re.sub("x", "y", S("x"))).__name__)
m = re.match(b"(a)", B(b"ab"))
print(type(m.group()).__name__, type(m.string).__name__)
print(type(re.sub("z", "y", S("abc"))).__name__, type(re.split("z", S("abc"))[0]).__name__)

# str subjects of each width, and characters that do not fit a narrower subject
for text in ["abc\xe9", "abc\u0394\u4e2d", "abc\U0001F600\U00010000"]:
    print(re.findall(".", text), re.findall("[^a-c]", text), re.search("\U0001F600", text),
          re.search("\u0394", text), re.search("[\U0001F600-\U0001F64F]", text), re.findall("\\W", text))
print(re.search("\u0101", "\x01"), re.search("[\u0101]", "\x01a"), re.search("\U00010001", "\u0001"),
      re.search("[^\u0101]+", "\x01\x02"))
print(re.search(b"\xff+", b"a\xff\xff"), re.search(b"[\x80-\xff]", b"abc\x90"), re.match(b"(?i)\xe9", b"\xc9"))
