// The marshal format as a building block for Spindle's own serialization.
// The code cache (vm/code_cache.cpp) stores code objects as marshal data in
// which each code object is a 'c' record in a layout of its own (a
// MarshalCodeFormat), so that constants and names go through marshal's writer
// and reader and share its back-references. The marshal module itself still
// refuses code objects: CPython's 'c' records have a different layout.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace spindle {

struct Code;

// Handles on marshal's writer and reader, for a MarshalCodeFormat's functions.
struct MarshalWriter {
 protected:
  MarshalWriter() = default;
};
struct MarshalReader {
 protected:
  MarshalReader() = default;
};

// How a code object's fields (after the 'c' type byte) are written and read.
struct MarshalCodeFormat {
  bool (*write)(MarshalWriter& w, Code* code);  // false with an error pending
  Code* (*read)(MarshalReader& r);               // null with an error pending
};

// Stores v's marshal data (the current version) in *out, code objects in
// `format`. False with an error pending (ValueError for an unmarshallable
// object).
bool marshal_dump_with_code(Value v, const MarshalCodeFormat& format, std::string* out);
// The value at the start of data[0, size); null with an error pending
// (EOFError for truncated data).
Value marshal_load_with_code(const uint8_t* data, size_t size, const MarshalCodeFormat& format);

// Primitives for a MarshalCodeFormat.
void marshal_write_bytes(MarshalWriter& w, const void* data, size_t size);
// False when v cannot be written: the format's write function then returns false too.
bool marshal_write_value(MarshalWriter& w, Value v);
// The next `size` bytes, or null with EOFError pending.
const uint8_t* marshal_read_bytes(MarshalReader& r, size_t size);
Value marshal_read_value(MarshalReader& r);  // null with an error pending

}  // namespace spindle
