// bytes (immutable, data inline) and bytearray (mutable, per-object lock like list).
#pragma once
#include <string_view>

#include "objects/object.h"
#include "threads/mutex.h"

namespace spindle {

struct Bytes : Object {
  int64_t size;
  std::atomic<int64_t> hash_cache;
  uint8_t* data_ptr;  // exact bytes: right after the header, NUL-terminated
  std::string_view view() const { return {reinterpret_cast<const char*>(data_ptr), size_t(size)}; }
};

struct ByteArrayBuffer {
  int64_t capacity;
  uint8_t data[];  // NOLINT
};

struct ByteArray : Object {
  Mutex lock;
  std::atomic<int64_t> size{0};
  std::atomic<ByteArrayBuffer*> buffer{nullptr};
  std::atomic<int64_t> exports{0};  // live memoryviews: resizing is refused while > 0
};

inline bool is_bytes(Value v) { return is_instance_of(v, &bytes_type); }
inline bool is_bytearray(Value v) { return is_instance_of(v, &bytearray_type); }

Bytes* bytes_new(const void* data, size_t n);
Bytes* bytes_alloc(size_t n);  // uninitialised data, caller fills
Bytes* bytes_empty();
ByteArray* bytearray_new(const void* data, size_t n);
// b'...' formatting. bytearray's repr escapes a single quote even when it
// picks double quotes (escape_single_quote), as CPython's does.
Value bytes_repr(const uint8_t* data, size_t n, const char* prefix, bool escape_single_quote = false);

// A contiguous view of a bytes-like object (bytes, bytearray, memoryview, array).
// For mutable objects the view is a snapshot pointer valid while the object is
// reachable; `owner` keeps it alive.
struct BufferView {
  const uint8_t* data = nullptr;
  int64_t size = 0;
  bool readonly = true;
  Value owner;
  // Item layout: a struct format character and the item size.
  char format = 'B';
  int64_t itemsize = 1;
  // Exporters whose size must not change under a memoryview (array,
  // BytesIO.getbuffer()) point this at their export count. memoryview counts
  // itself there and then asks for the buffer again, getting one that stays put.
  std::atomic<int64_t>* exports = nullptr;
};
// Returns false with TypeError pending ("a bytes-like object is required, not 'X'").
bool get_buffer(Value v, BufferView* out);

// memoryview(obj): a view of a bytes-like object. A view of a bytearray keeps
// it from changing size until the view is released (memoryview.cpp).
Value memoryview_from_object(Value obj);

}  // namespace spindle
