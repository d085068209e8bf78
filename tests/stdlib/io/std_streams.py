import io
import sys

print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stdout.mode, sys.stdin.mode, sys.stderr.errors)
print(sys.stdout.name, sys.stdin.name, sys.stderr.name, sys.stdout.fileno(), sys.stdin.fileno(), sys.stderr.fileno())
print(type(sys.stdin.buffer).__name__, type(sys.stdin.buffer.raw).__name__, sys.stdin.buffer.raw.closefd)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdout is sys.__stdout__)
print(repr(sys.stdin))

name = input("your name? ")
print("hello", name)
print(repr(sys.stdin.readline()))
print(sys.stdin.readline(5), end="|\n")
print(repr(next(sys.stdin)))
rest = sys.stdin.read()
print(repr(rest))
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)

sys.stdout.write("written\n")
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.buffer.flush()
print("caf\xe9 \u20ac", flush=True)
print("x", "y", sep=", ", end="!\n")
print(file=sys.stdout)

saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))
print("to stderr", file=sys.stderr)
