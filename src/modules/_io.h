// What the rest of the runtime uses of the _io module.
#pragma once
#include "objects/object.h"

namespace spindle {

// A standard stream as CPython sets sys.stdin/stdout/stderr up: a
// TextIOWrapper (UTF-8, newline "\n") over a buffered FileIO(fd, closefd=False),
// line buffered on terminals and for stderr; with `unbuffered`, output streams
// write through to an unbuffered FileIO. None if fd is not open.
Value io_std_stream(int fd, bool writing, const char* name, const char* errors, bool unbuffered);

// Flushes the writable files still open (at exit, after the standard streams).
void io_flush_open_files();

// The open() function object, shared by builtins.open and _io.open.
Value io_open_function();

}  // namespace spindle
