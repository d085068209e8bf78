// The code cache: compiled module code kept on disk so that importing an
// unchanged source skips parsing and compiling (CPython's __pycache__, in
// Spindle's own format and place). docs/ARCHITECTURE.md describes the files.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace spindle {

struct Code;

// The code of the module whose source file is `path` (co_filename
// `filename`): from the cache when it holds an entry for the source's current
// size and mtime, else compiled from the source and then cached. Null with an
// exception pending (OSError, SyntaxError, ...).
Code* load_module_code(const std::string& path, Value filename, int optimize);

// A code object (with its nested code objects) as bytes and back: the cache
// files' payload. code_to_bytes is false, and code_from_bytes null, with an
// exception pending.
bool code_to_bytes(Code* code, std::string* out);
Code* code_from_bytes(const uint8_t* data, size_t size);

// The whole content of a file; false with errno set.
bool read_file_bytes(const std::string& path, std::string* out);

}  // namespace spindle
