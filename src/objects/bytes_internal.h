// Shared between bytes.cpp, bytearray.cpp, bytes_methods.cpp, bytes_format.cpp
// and memoryview.cpp; not for the rest of the runtime (use bytes.h).
#pragma once
#include <string>

#include "objects/bytes.h"

namespace spindle {

// The contents of a bytes or bytearray object at one moment. For a bytearray
// the pointer stays valid (the collector keeps the block alive) even if the
// bytearray is resized meanwhile.
struct ByteSpan {
  const uint8_t* data;
  int64_t size;
  std::string_view view() const { return {reinterpret_cast<const char*>(data), size_t(size)}; }
};
ByteSpan span_of(Value bytes_or_bytearray);

// A bytes object, or a bytearray when `self` is one: methods of both types
// return their own base type.
Value make_like(Value self, const void* data, size_t n);
inline Value make_like(Value self, std::string_view s) { return make_like(self, s.data(), s.size()); }

// An int in range(256) ("byte must be in range(0, 256)").
bool byte_value(Value v, uint8_t* out);
// The bytes of bytes(x) / bytearray(x) for a single non-str argument: a
// buffer, a count of zero bytes, or an iterable of ints. tname names the
// type being built in messages.
bool bytes_from_object(Value x, std::string* out, const char* tname);
// Bytes from an iterable of ints; range_message for values outside range(256).
bool bytes_from_int_iterable(Value iterable, std::string* out,
                             const char* range_message = "byte must be in range(0, 256)");

// bytes % args and bytearray % args (PEP 461), as bytes.
Value bytes_format(std::string_view fmt, Value args);

// Slots bytes and bytearray share (bytes.cpp).
Value bytes_like_richcompare(Value a, Value b, CompareOp op);
int64_t bytes_like_len(Value self);
Value bytes_like_getitem(Value self, Value key);
int bytes_like_contains(Value self, Value item);
Value bytes_like_iter(Value self);
Value bytes_like_concat(Value a, Value b);
Value bytes_like_repeat(Value a, Value b);
Value bytes_like_mod(Value a, Value b);
extern Type bytes_iterator_type, bytearray_iterator_type;

// bytearray internals (bytearray.cpp).
void init_bytearray_type();
// memoryview (memoryview.cpp).
void init_memoryview_type();
extern Type memoryview_iterator_type;

// The methods bytes and bytearray share (bytes_methods.cpp).
#define SPINDLE_BYTES_SHARED_METHODS(X)                                                                       \
  X(capitalize) X(center) X(count) X(decode) X(endswith) X(expandtabs) X(find) X(hex) X(index) X(isalnum)     \
  X(isalpha) X(isascii) X(isdigit) X(islower) X(isspace) X(istitle) X(isupper) X(join) X(ljust) X(lower)      \
  X(lstrip) X(partition) X(removeprefix) X(removesuffix) X(replace) X(rfind) X(rindex) X(rjust) X(rpartition) \
  X(rsplit) X(rstrip) X(split) X(splitlines) X(startswith) X(strip) X(swapcase) X(title) X(translate)         \
  X(upper) X(zfill)
#define SPINDLE_DECLARE_BYTES_METHOD(name) Value bytes_m_##name(Value, const Value*, size_t, Tuple*);
SPINDLE_BYTES_SHARED_METHODS(SPINDLE_DECLARE_BYTES_METHOD)
#undef SPINDLE_DECLARE_BYTES_METHOD
Value bytes_m_fromhex(Value cls, const Value*, size_t, Tuple*);
Value bytes_m_maketrans(Value, const Value*, size_t, Tuple*);

// Fills a method table: the shared methods first, then `own` (null-terminated).
// Returns a table that lives forever.
const MethodDef* bytes_method_table(const MethodDef* own);

}  // namespace spindle
