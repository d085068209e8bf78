# A changed source is compiled again, not served from the cache: a different
# size, then the same size with another mtime. -B reads the cache but writes
# none.
import os

from _code_cache_harness import MODULE, Sandbox, show

box = Sandbox()
print("exit", box.run(*box.importing)[0])
edited = MODULE.replace("return (a +", "return (a - 1 +")
box.write(edited)
show("edited (new size)", box.run(*box.importing))
st = os.stat(box.source)
box.write(edited.replace("a - 1 +", "a - 2 +"))
os.utime(box.source, ns=(st.st_atime_ns, st.st_mtime_ns + 10**10))
print("size kept:", os.stat(box.source).st_size == st.st_size)
show("edited (same size)", box.run(*box.importing))
print("again same:", box.run(*box.importing) == box.run(*box.importing))

for path in box.snapshot():
    os.unlink(path)
print("-B exit:", box.run("-B", *box.importing)[0])
print("-B cached:", len(box.snapshot()) > 0)
print(box.run("-B", "-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)")[1], end="")
box.env["PYTHONDONTWRITEBYTECODE"] = "1"
print(box.run("-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)")[1], end="")
print(box.run("-E", "-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)")[1], end="")
box.close()
