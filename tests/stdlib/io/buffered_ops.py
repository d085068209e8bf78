# A fixed pseudo-random mix of reads, writes, seeks, peeks and flushes on a
# BufferedRandom file with a small buffer; results and file contents must
# match CPython's.
import io
import os

path = "/tmp/spindle_test_io_buffered_ops.bin"
seed = 4242

def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

for buffer_size in [2, 7, 64]:
    with open(path, "wb") as f:
        f.write(bytes(range(256)) * 4)
    log = []
    with open(path, "r+b", buffering=buffer_size) as f:
        for step in range(300):
            op = rand(9)
            if op == 0:
                log.append(f.read(rand(40)))
            elif op == 1:
                log.append(f.read1(rand(40)))
            elif op == 2:
                log.append(f.write(bytes([rand(256)]) * rand(30)))
            elif op == 3:
                log.append(f.seek(rand(1100)))
            elif op == 4:
                log.append(f.seek(rand(60) - min(30, f.tell()), 1))
            elif op == 5:
                log.append(f.tell())
            elif op == 6:
                log.append(len(f.peek(rand(10))) > 0)
            elif op == 7:
                b = bytearray(rand(20))
                log.append((f.readinto(b), bytes(b)))
            else:
                f.flush()
                log.append(f.readline(rand(50)))
    with open(path, "rb") as f:
        final = f.read()
    print(buffer_size, len(log), sum(len(repr(x)) for x in log), len(final), hash(final) == hash(bytes(final)))
    print(log[:8])
    print(final[:64], final[-64:])
os.remove(path)
