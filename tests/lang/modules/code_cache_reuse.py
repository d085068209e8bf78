# A module imported by one process and again by the next, which reads the
# compiled code cached by the first, behaves the same, with the same
# tracebacks (line numbers and caret lines): through the import statement,
# importlib.import_module and -m.
from _code_cache_harness import Sandbox, show, unchanged

box = Sandbox()
first = box.run(*box.importing)
show("first import (compiles)", first)
files = box.snapshot()
print("cached:", len(files) > 0)
print("second import same:", box.run(*box.importing) == first)
print("cache reused:", unchanged(files, box.snapshot()))

via_importlib = box.run("-c", f"import sys, importlib; sys.path.insert(0, {box.tmp!r}); importlib.import_module('ccmod').main()")
print("importlib same:", via_importlib == first, "cache reused:", unchanged(files, box.snapshot()))
as_main = box.run("-m", "ccmain")
show("-m", as_main)
files = box.snapshot()
print("-m again same:", box.run("-m", "ccmain") == as_main, "cache reused:", unchanged(files, box.snapshot()))
box.close()
