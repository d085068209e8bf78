import io

def t(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(b'hello world')
m = b.getbuffer()
print(type(m).__name__, len(m), bytes(m), m.format, m.itemsize, m.readonly, m.nbytes)
m[0] = ord('J')
print(b.getvalue())
t(lambda: b.write(b'x'))
t(lambda: b.truncate(2))
t(lambda: b.close())
t(lambda: b.__setstate__((b'abc', 0, None)))
t(lambda: b.writelines([b'a']))
print(b.read(5), b.tell(), b.seek(0), b.getvalue())
m2 = b.getbuffer()
m.release()
t(lambda: b.write(b'x'))
m2.release()
print(b.write(b'xy'), b.getvalue())
with b.getbuffer() as m3:
    print(bytes(m3)[:3])
print(b.truncate(3), b.getvalue())
b.close()
t(lambda: b.getbuffer())
e = io.BytesIO()
with e.getbuffer() as m4:
    print(len(m4), bytes(m4))
e.write(b'1')
def scoped():
    v = e.getbuffer()
    return len(v)
print(scoped())
print(e.write(b'2'), e.getvalue())
print(memoryview(e.getbuffer()).tolist())
