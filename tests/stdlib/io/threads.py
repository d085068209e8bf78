import io
import os
import sys
import _thread

path = "/tmp/spindle_test_io_threads.txt"
NTHREADS = 8
NLINES = 300

def run_all(target):
    # _thread directly keeps this test independent of the threading module.
    all_done = _thread.allocate_lock()
    guard = _thread.allocate_lock()
    remaining = [NTHREADS]
    all_done.acquire()
    def run(i):
        try:
            target(i)
        finally:
            with guard:
                remaining[0] -= 1
                if remaining[0] == 0:
                    all_done.release()
    for i in range(NTHREADS):
        _thread.start_new_thread(run, (i,))
    all_done.acquire()

def expected_lines():
    return sorted("thread %d line %d %s\n" % (i, j, "x" * (j % 50)) for i in range(NTHREADS) for j in range(NLINES))

# Whole lines printed from several threads to one text file stay whole. This
# is Spindle's guarantee (CPython's TextIOWrapper can lose or mix output when
# threads write to it at once), so CPython just reports the expected result.
if sys.implementation.name == "spindle":
    with open(path, "w") as f:
        def printer(i):
            for j in range(NLINES):
                print("thread %d line %d %s" % (i, j, "x" * (j % 50)), file=f)
        run_all(printer)
    with open(path) as f:
        lines = f.readlines()
    print(len(lines), sorted(lines) == expected_lines())
else:
    print(NTHREADS * NLINES, True)

# The same through the binary layer.
with open(path, "wb") as f:
    def writer(i):
        for j in range(NLINES):
            f.write(bytes("thread %d line %d %s\n" % (i, j, "x" * (j % 50)), "ascii"))
    run_all(writer)
with open(path, "rb") as f:
    data = f.read()
print(len(data), sorted(str(line, "ascii") for line in io.BytesIO(data)) == expected_lines())

# Readers sharing one buffered file get every line exactly once (again a
# Spindle guarantee: CPython's readline can hand a line to two threads).
if sys.implementation.name == "spindle":
    with open(path, "rb") as f:
        got = [[] for _ in range(NTHREADS)]
        def reader(i):
            while True:
                line = f.readline()
                if not line:
                    break
                got[i].append(str(line, "ascii"))
        run_all(reader)
    print(sorted(l for g in got for l in g) == expected_lines())
else:
    print(True)

# In-memory streams.
b = io.BytesIO()
s = io.StringIO()
def mem_writer(i):
    for j in range(NLINES):
        line = "%d-%d\n" % (i, j)
        b.write(bytes(line, "ascii"))
        s.write(line)
run_all(mem_writer)
b.seek(0)
s.seek(0)
blines = sorted(str(line, "ascii") for line in b)
slines = sorted(s)
print(len(blines), len(slines), blines == slines)
os.remove(path)
