# A fixed pseudo-random sequence of reads, readlines, tells and seeks on text
# files with mixed content; every result (including tell() cookies) must
# match CPython's.
import io
import os

path = "/tmp/spindle_test_io_textio_ops.txt"
seed = 12345

def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

pieces = ["ab", "\n", "\r\n", "\r", "\xe9", "\u20ac", "\U0001f600", "line of text", "x" * 30]
content = "".join(pieces[rand(len(pieces))] for _ in range(400))

for newline in [None, "", "\n", "\r\n"]:
    for encoding in ["utf-8", "latin-1"] if newline is None else ["utf-8"]:
        data = content if encoding == "utf-8" else content.encode("latin-1", "replace").decode("latin-1")
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(data)
        log = []
        with open(path, encoding=encoding, newline=newline) as f:
            f._CHUNK_SIZE = 1 + rand(64)
            marks = []
            for step in range(120):
                op = rand(6)
                if op == 0:
                    log.append(("read", f.read(rand(20))))
                elif op == 1:
                    log.append(("readline", f.readline()))
                elif op == 2:
                    log.append(("readline-limit", f.readline(rand(10))))
                elif op == 3:
                    pos = f.tell()
                    marks.append((pos, f.read(5)))
                    f.seek(pos)
                    log.append(("tell", pos))
                elif op == 4 and marks:
                    pos, expect = marks[rand(len(marks))]
                    f.seek(pos)
                    log.append(("seek", pos, f.read(5) == expect))
                else:
                    log.append(("newlines", f.newlines))
            log.append(("rest", len(f.read())))
        print(repr(newline), encoding, len(log), sum(len(repr(x)) for x in log))
        print(log[:12])
        print(log[-6:])
os.remove(path)
