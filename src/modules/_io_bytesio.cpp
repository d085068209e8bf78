// _io.BytesIO: a binary stream over an in-memory, growable buffer. The state
// is guarded by a per-object lock; no Python code runs while it is held.
#include <algorithm>
#include <cstring>

#include "gc/gc.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle::io {

Type bytesio_type;

namespace {

Type bytesio_buffer_type;

struct BytesIO : IOBase {
  Mutex lock;
  uint8_t* buf;  // pointer-free block of `capacity` bytes
  int64_t size, capacity, pos;
  std::atomic<int64_t> exports;  // live views from getbuffer(): no resizing meanwhile
};

BytesIO* as_bytesio(Value self) { return self.as<BytesIO>(); }

bool check_open(BytesIO* b) {
  if (b->closed.load()) {
    raise_closed();
    return false;
  }
  return true;
}

// Whether the buffer may be resized or replaced: not while getbuffer() views
// are alive. An unreleased view that became garbage still counts until the
// collector finalizes it, so collect once before refusing. Call without the
// lock, then again with it held (collects nothing then: exports are rechecked
// only), so no view can be taken in between.
bool check_exports(BytesIO* b, bool locked = false) {
  if (b->exports.load(std::memory_order_acquire) == 0) return true;
  if (!locked) {
    gc::collect();
    gc::drain_finalizers();
    if (b->exports.load(std::memory_order_acquire) == 0) return true;
  }
  raise(&exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

// Caller holds the lock.
void reserve_locked(BytesIO* b, int64_t need) {
  if (need <= b->capacity) return;
  int64_t cap = std::max<int64_t>(need, b->capacity + (b->capacity >> 3) + 64);
  auto* nb = static_cast<uint8_t*>(gc::alloc_atomic(size_t(cap)));
  if (b->size) std::memcpy(nb, b->buf, size_t(b->size));
  b->buf = nb;
  b->capacity = cap;
}

// Writes data at the current position (zero-filling a gap after the end). Caller holds the lock.
void write_locked(BytesIO* b, const uint8_t* data, int64_t n) {
  if (n == 0) return;
  int64_t end = b->pos + n;
  reserve_locked(b, end);
  if (b->pos > b->size) std::memset(b->buf + b->size, 0, size_t(b->pos - b->size));
  std::memcpy(b->buf + b->pos, data, size_t(n));
  b->pos = end;
  if (end > b->size) b->size = end;
}

// Bytes left to read from the position, at most `limit` (< 0: no limit). Caller holds the lock.
int64_t available_locked(BytesIO* b, int64_t limit) {
  int64_t n = b->pos < b->size ? b->size - b->pos : 0;
  return limit >= 0 && limit < n ? limit : n;
}

Value take_locked(BytesIO* b, int64_t n) {
  Value r(bytes_new(b->buf + b->pos, size_t(n)));
  b->pos += n;
  return r;
}

// The length of the next line (through '\n'), at most `limit`. Caller holds the lock.
int64_t line_length_locked(BytesIO* b, int64_t limit) {
  int64_t n = available_locked(b, limit);
  if (n == 0) return 0;
  const void* nl = std::memchr(b->buf + b->pos, '\n', size_t(n));
  return nl ? static_cast<const uint8_t*>(nl) - (b->buf + b->pos) + 1 : n;
}

Value bytesio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* b = alloc_instance<BytesIO>(type);
  new (&b->lock) Mutex();
  return Value(b);
}

int bytesio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"BytesIO", {"initial_bytes"}, 0};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  BytesIO* b = as_bytesio(self);
  if (!check_exports(b)) return -1;
  BufferView view;
  if (a[0] && !is_none(a[0]) && !get_buffer(a[0], &view)) return -1;
  LockGuard g(b->lock);
  b->size = 0;
  b->pos = 0;
  b->closed.store(false);
  if (!check_exports(b, true)) return -1;
  if (view.data) write_locked(b, view.data, view.size);
  b->pos = 0;
  return 0;
}

Value bytesio_true_if_open(Value self, const Value*, size_t, Tuple*) {
  return check_open(as_bytesio(self)) ? True() : Value();
}

Value bytesio_flush(Value self, const Value*, size_t, Tuple*) {
  return check_open(as_bytesio(self)) ? None() : Value();
}

Value bytesio_isatty(Value self, const Value*, size_t, Tuple*) {
  return check_open(as_bytesio(self)) ? False() : Value();
}

Value bytesio_tell(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  return int_from_i64(b->pos);
}

Value read_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const ArgSpec& spec) {
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t size;
  if (!size_arg(a[0], -1, &size)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  return take_locked(b, available_locked(b, size));
}

Value bytesio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  return read_common(self, args, nargs, kwnames, spec);
}

Value bytesio_read1(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read1", {"size"}, 0, 1};
  return read_common(self, args, nargs, kwnames, spec);
}

Value bytesio_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t size;
  if (!size_arg(a[0], -1, &size)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  return take_locked(b, line_length_locked(b, size));
}

Value bytesio_readlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readlines", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t hint;
  if (!size_arg(a[0], 0, &hint)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  List* out = list_new();
  LockGuard g(b->lock);
  int64_t total = 0, n;
  while ((n = line_length_locked(b, -1)) != 0) {
    list_append(out, take_locked(b, n));
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return Value(out);
}

Value bytesio_readinto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readinto", kwnames) || !check_nargs("readinto", nargs, 1, 1)) return Value();
  BufferView view;
  if (!writable_buffer(args[0], "readinto", &view)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  int64_t n = available_locked(b, view.size);
  std::memcpy(const_cast<uint8_t*>(view.data), b->buf + b->pos, size_t(n));
  b->pos += n;
  return int_from_i64(n);
}

Value bytesio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"truncate", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b) || !check_exports(b)) return Value();
  LockGuard g(b->lock);
  if (!check_exports(b, true)) return Value();
  int64_t size = b->pos;
  if (a[0] && !is_none(a[0]) && !index_as_i64(a[0], &size, &exc::OverflowError)) return Value();
  if (size < 0) return raise(&exc::ValueError, "negative size value %lld", (long long)size);
  if (size < b->size) b->size = size;
  return int_from_i64(size);
}

Value bytesio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"seek", {"pos", "whence"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t pos, whence = 0;
  if (!index_as_i64(a[0], &pos, &exc::OverflowError)) return Value();
  if (a[1] && !index_as_i64(a[1], &whence, &exc::OverflowError)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  if (whence < 0 || whence > 2)
    return raise(&exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  if (pos < 0 && whence == 0) return raise(&exc::ValueError, "negative seek value %lld", (long long)pos);
  LockGuard g(b->lock);
  if (whence == 1) pos += b->pos;
  else if (whence == 2) pos += b->size;
  if (pos < 0) pos = 0;
  b->pos = pos;
  return int_from_i64(pos);
}

Value bytesio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b) || !check_exports(b)) return Value();
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  LockGuard g(b->lock);
  if (!check_exports(b, true)) return Value();
  write_locked(b, view.data, view.size);
  return int_from_i64(view.size);
}

Value bytesio_writelines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value line = iter_next(it);
    if (!line) return error_occurred() ? Value() : None();
    Value one[1] = {line};
    if (!bytesio_write(self, one, 1, nullptr)) return Value();
  }
}

Value bytesio_getvalue(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  return Value(bytes_new(b->buf, size_t(b->size)));
}

Value bytesio_close(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = as_bytesio(self);
  if (!check_exports(b)) return Value();
  LockGuard g(b->lock);
  if (!check_exports(b, true)) return Value();
  b->closed.store(true);
  b->buf = nullptr;
  b->size = b->capacity = 0;
  return None();
}

// getbuffer() returns a memoryview of one of these: its buffer is the
// BytesIO's own storage, exported so that the BytesIO refuses to resize.
struct BytesIOBufferObject : Object {
  BytesIO* source;
};

bool bytesio_buffer_export(Value self, BufferView* out) {
  BytesIO* b = self.as<BytesIOBufferObject>()->source;
  LockGuard g(b->lock);
  if (b->closed.load()) {
    raise_closed();
    return false;
  }
  out->data = b->buf;
  out->size = b->size;
  out->readonly = false;
  out->owner = self;
  out->exports = &b->exports;
  return true;
}

Value bytesio_getbuffer(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("getbuffer", nargs, kwnames)) return Value();
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  auto* exporter = alloc_instance<BytesIOBufferObject>(&bytesio_buffer_type);
  exporter->source = b;
  return memoryview_from_object(Value(exporter));
}

Value bytesio_iter(Value self) { return self; }

Value bytesio_next(Value self) {
  BytesIO* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  LockGuard g(b->lock);
  int64_t n = line_length_locked(b, -1);
  return n ? take_locked(b, n) : Value();
}

Value bytesio_getstate(Value self, const Value*, size_t, Tuple*) {
  Value value = bytesio_getvalue(self, nullptr, 0, nullptr);
  if (!value) return Value();
  Dict* d = instance_dict(self, false);
  BytesIO* b = as_bytesio(self);
  int64_t pos;
  {
    LockGuard g(b->lock);
    pos = b->pos;
  }
  return Value(tuple_pack({value, int_from_i64(pos), d ? Value(dict_copy(d)) : None()}));
}

Value bytesio_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__setstate__", kwnames) || !check_nargs("__setstate__", nargs, 1, 1)) return Value();
  Value state = args[0];
  BytesIO* b = as_bytesio(self);
  if (!is_tuple(state) || state.as<Tuple>()->size < 3)
    return raise(&exc::TypeError, "%s.__setstate__ argument should be 3-tuple, got %s", type_name(self),
                 type_name(state));
  if (!check_exports(b)) return Value();
  Tuple* t = state.as<Tuple>();
  BufferView view;
  if (!get_buffer(t->items[0], &view)) return Value();
  if (!is_int(t->items[1]))
    return raise(&exc::TypeError, "second item of state must be an integer, not %s", type_name(t->items[1]));
  int64_t pos;
  if (!index_as_i64(t->items[1], &pos, &exc::OverflowError)) return Value();
  if (pos < 0) return raise(&exc::ValueError, "position value cannot be negative");
  Value d = t->items[2];
  if (!is_none(d) && !is_dict(d))
    return raise(&exc::TypeError, "third item of state should be a dict, got a %s", type_name(d));
  {
    LockGuard g(b->lock);
    if (!check_exports(b, true)) return Value();
    b->size = 0;
    b->pos = 0;
    write_locked(b, view.data, view.size);
    b->pos = pos;
  }
  if (is_dict(d) && dict_update(instance_dict(self, true), d) < 0) return Value();
  return None();
}

Value bytesio_get_closed(Value self) { return Bool(as_bytesio(self)->closed.load()); }

const MethodDef bytesio_methods[] = {
    {"readable", bytesio_true_if_open, kMethodInstance, "Returns True if the IO object can be read."},
    {"seekable", bytesio_true_if_open, kMethodInstance, "Returns True if the IO object can be seeked."},
    {"writable", bytesio_true_if_open, kMethodInstance, "Returns True if the IO object can be written."},
    {"close", bytesio_close, kMethodInstance, "Disable all I/O operations."},
    {"flush", bytesio_flush, kMethodInstance, "Does nothing."},
    {"isatty", bytesio_isatty, kMethodInstance, "Always returns False."},
    {"tell", bytesio_tell, kMethodInstance, "Current file position, an integer."},
    {"write", bytesio_write, kMethodInstance, "Write bytes to file."},
    {"writelines", bytesio_writelines, kMethodInstance, "Write lines to the file."},
    {"read1", bytesio_read1, kMethodInstance, "Read at most size bytes, returned as a bytes object."},
    {"readinto", bytesio_readinto, kMethodInstance, "Read bytes into buffer."},
    {"readline", bytesio_readline, kMethodInstance, "Next line from the file, as a bytes object."},
    {"readlines", bytesio_readlines, kMethodInstance, "List of bytes objects, each a line from the file."},
    {"read", bytesio_read, kMethodInstance, "Read at most size bytes, returned as a bytes object."},
    {"getvalue", bytesio_getvalue, kMethodInstance, "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", bytesio_getbuffer, kMethodInstance, "Get a read-write view over the contents of the BytesIO object."},
    {"seek", bytesio_seek, kMethodInstance, "Change stream position."},
    {"truncate", bytesio_truncate, kMethodInstance, "Truncate the file to at most size bytes."},
    {"__getstate__", bytesio_getstate, kMethodInstance, nullptr},
    {"__setstate__", bytesio_setstate, kMethodInstance, nullptr},
    {nullptr}};

const GetSetDef bytesio_getsets[] = {{"closed", bytesio_get_closed, nullptr, "True if the file is closed."},
                                     {nullptr}};

}  // namespace

void init_bytesio_type() {
  bytesio_type.native_name = "_io.BytesIO";
  bytesio_type.doc = "Buffered I/O implementation using an in-memory bytes buffer.";
  bytesio_type.base = &bufferediobase_type;
  bytesio_type.flags = kTypeBaseType;
  bytesio_type.instance_size = sizeof(BytesIO);
  bytesio_type.new_ = bytesio_new;
  bytesio_type.init = bytesio_init;
  bytesio_type.iter = bytesio_iter;
  bytesio_type.next = bytesio_next;
  bytesio_type.methods = bytesio_methods;
  bytesio_type.getsets = bytesio_getsets;
  type_ready(&bytesio_type);

  bytesio_buffer_type.native_name = "_io._BytesIOBuffer";
  bytesio_buffer_type.instance_size = sizeof(BytesIOBufferObject);
  bytesio_buffer_type.flags = kTypeDisallowInstantiation;
  bytesio_buffer_type.buffer = bytesio_buffer_export;
  type_ready(&bytesio_buffer_type);
}

}  // namespace spindle::io
