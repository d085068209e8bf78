// bytearray: a mutable byte buffer under the list scheme. Writers hold the
// object's lock; readers take (buffer, size) snapshots without it (span_of
// clamps the size to the buffer in hand). A buffer is replaced, never freed
// under a reader, when it must grow. While memoryviews export the buffer
// (`exports` > 0) its size cannot change: the buffer must stay where the views
// point. Python code (iterating an argument, __index__) always runs before
// the lock is taken.
#include <algorithm>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes_internal.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

Type bytearray_type;

namespace {

ByteArrayBuffer* new_buffer(int64_t capacity) {
  auto* buf = static_cast<ByteArrayBuffer*>(gc::alloc_atomic(sizeof(ByteArrayBuffer) + size_t(capacity) + 1));
  buf->capacity = capacity;
  return buf;
}

ByteArray* as_ba(Value v) { return v.as<ByteArray>(); }
int64_t size_locked(ByteArray* b) { return b->size.load(std::memory_order_relaxed); }

// An unreleased memoryview that became garbage still counts as an export
// until the collector finalizes it: before refusing a resize, collect once so
// such views release their export.
void collect_dead_views(ByteArray* b) {
  if (b->exports.load(std::memory_order_acquire) == 0) return;
  gc::collect();
  gc::drain_finalizers();
}

// Under the lock: whether the size may change from the current one to n.
bool check_resizable(ByteArray* b, int64_t n) {
  if (n == size_locked(b) || b->exports.load(std::memory_order_acquire) == 0) return true;
  raise(&exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

// Under the lock: a buffer with room for n bytes holding the current
// contents; a bigger one is published when needed (the size is not changed).
// Allocations (counting the trailing NUL) grow as CPython's bytearray_resize:
// over-allocated for small steps, exact for big jumps.
ByteArrayBuffer* reserve_locked(ByteArray* b, int64_t n) {
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  int64_t alloc = buf ? buf->capacity + 1 : 0;
  int64_t size = size_locked(b);
  if (n == size || n + 1 <= alloc) return buf;
  int64_t new_alloc = double(n) <= double(alloc) * 1.125 ? n + (n >> 3) + (n < 9 ? 3 : 6) : n + 1;
  ByteArrayBuffer* bigger = new_buffer(new_alloc - 1);
  if (size) std::memcpy(bigger->data, buf->data, size_t(size));
  b->buffer.store(bigger, std::memory_order_release);
  return bigger;
}

// Under the lock: sets the size, moving to an exact buffer when it would use
// less than half of the current one (as CPython does).
void set_size_locked(ByteArray* b, int64_t n) {
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  if (!buf) return;
  if (n < size_locked(b) && n < (buf->capacity + 1) / 2) {
    ByteArrayBuffer* exact = new_buffer(n);
    std::memcpy(exact->data, buf->data, size_t(n));
    exact->data[n] = 0;
    b->size.store(n, std::memory_order_release);
    b->buffer.store(exact, std::memory_order_release);
    return;
  }
  // A NUL follows the contents when they grow; when they shrink the old byte
  // stays, so a reader still holding the old size sees an earlier state.
  if (n > size_locked(b)) buf->data[n] = 0;
  b->size.store(n, std::memory_order_release);
}

// Under the lock: replaces the contents (the caller checked resizability).
void assign_locked(ByteArray* b, const void* data, int64_t n) {
  ByteArrayBuffer* buf = reserve_locked(b, n);
  if (n) std::memmove(buf->data, data, size_t(n));
  set_size_locked(b, n);
}

// Replaces the contents, refusing a size change while exported. With
// grown_one_by_one, the buffer is sized as appending the bytes one at a time
// from empty would have left it (how CPython fills a bytearray from an iterable).
bool assign(ByteArray* b, std::string_view s, bool grown_one_by_one = false) {
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = int64_t(s.size());
  if (!check_resizable(b, n)) return false;
  if (grown_one_by_one && n > 0) {
    int64_t alloc = 0;
    for (int64_t size = 0; size < n; size++)
      if (size + 1 >= alloc) alloc = double(size + 1) <= double(alloc) * 1.125 ? (size + 1) + ((size + 1) >> 3) + (size + 1 < 9 ? 3 : 6) : size + 2;
    ByteArrayBuffer* buf = new_buffer(alloc - 1);
    std::memcpy(buf->data, s.data(), s.size());
    buf->data[n] = 0;
    b->size.store(0, std::memory_order_release);
    b->buffer.store(buf, std::memory_order_release);
    b->size.store(n, std::memory_order_release);
    return true;
  }
  assign_locked(b, s.data(), n);
  return true;
}

// Appends bytes gathered beforehand.
bool append_bytes(ByteArray* b, std::string_view s) {
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  if (!check_resizable(b, n + int64_t(s.size()))) return false;
  ByteArrayBuffer* buf = reserve_locked(b, n + int64_t(s.size()));
  std::memcpy(buf->data + n, s.data(), s.size());
  set_size_locked(b, n + int64_t(s.size()));
  return true;
}

// The bytes an argument stands for, copied (it may be this very bytearray).
bool copy_bytes_arg(Value v, std::string* out) {
  BufferView view;
  if (!get_buffer(v, &view)) return false;
  out->assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
  return true;
}

// ------------------------------------------------------------------ construction

Value bytearray_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* b = alloc_instance<ByteArray>(type);
  new (&b->lock) Mutex();
  return Value(b);
}

int bytearray_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"bytearray", {"source", "encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  std::string s;
  if (!a[0]) {
    if (a[1] || a[2]) {
      raise(&exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
  } else if (a[1] || a[2]) {
    if (!is_str(a[0])) {
      raise(&exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
    Value enc = encode_str(a[0].as<Str>(), a[1] ? a[1] : Value(intern_cstr("utf-8")),
                           a[2] ? a[2] : Value(intern_cstr("strict")));
    if (!enc) return -1;
    s.assign(enc.as<Bytes>()->view());
  } else if (is_str(a[0])) {
    raise(&exc::TypeError, "string argument without an encoding");
    return -1;
  } else if (!bytes_from_object(a[0], &s, "bytearray")) {
    return -1;
  }
  Type* t = a[0] ? type_of(a[0]) : nullptr;
  bool from_iterable = t && !is_bytes(a[0]) && !is_bytearray(a[0]) && !t->buffer && !is_int(a[0]) && !t->index;
  return assign(as_ba(self), s, from_iterable) ? 0 : -1;
}

Value ba_repr(Value self) {
  ByteSpan s = span_of(self);
  Value inner = bytes_repr(s.data, size_t(s.size), "b", true);
  if (!inner) return Value();
  return Value(format_message("%s(%U)", type_name(self), inner.as<Str>()));
}

// ------------------------------------------------------------------ items and slices

int set_index(ByteArray* b, Value key, Value v) {
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return -1;
  uint8_t x = 0;
  if (v && !byte_value(v, &x)) return -1;
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(&exc::IndexError, "bytearray index out of range");
    return -1;
  }
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  if (v) {
    buf->data[i] = x;
    return 0;
  }
  if (!check_resizable(b, n - 1)) return -1;
  std::memmove(buf->data + i, buf->data + i + 1, size_t(n - i - 1));
  set_size_locked(b, n - 1);
  return 0;
}

// b[s] = v (v null: del b[s]).
int set_slice(ByteArray* b, Slice* s, Value v) {
  std::string repl;
  if (v) {
    if (is_int(v) || is_str(v) || (!type_of(v)->buffer && !is_bytes(v) && !is_bytearray(v) && !type_of(v)->iter)) {
      raise(&exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (is_bytes(v) || is_bytearray(v) || type_of(v)->buffer) {
      if (!copy_bytes_arg(v, &repl)) return -1;
    } else if (!bytes_from_int_iterable(v, &repl)) {
      return -1;
    }
  }
  int64_t start, stop, step;
  if (!slice_unpack(s, &start, &stop, &step)) return -1;
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  int64_t count = slice_adjust_indices(n, &start, &stop, step);
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  int64_t nrepl = int64_t(repl.size());
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t total = n - (stop - start) + nrepl;
    if (!check_resizable(b, total)) return -1;
    std::string out(reinterpret_cast<const char*>(buf ? buf->data : nullptr), size_t(start));
    out += repl;
    out.append(reinterpret_cast<const char*>(buf ? buf->data + stop : nullptr), size_t(n - stop));
    assign_locked(b, out.data(), total);
    return 0;
  }
  if (v) {
    if (nrepl != count) {
      raise(&exc::ValueError, "attempt to assign bytes of size %lld to extended slice of size %lld", (long long)nrepl,
            (long long)count);
      return -1;
    }
    for (int64_t i = 0, j = start; i < count; i++, j += step) buf->data[j] = uint8_t(repl[size_t(i)]);
    return 0;
  }
  if (!check_resizable(b, n - count)) return -1;
  if (step < 0) {
    start += step * (count - 1);
    step = -step;
  }
  std::string out;
  for (int64_t i = 0, next = start, dropped = 0; i < n; i++) {
    if (dropped < count && i == next) {
      dropped++;
      next += step;
      continue;
    }
    out.push_back(char(buf->data[i]));
  }
  assign_locked(b, out.data(), int64_t(out.size()));
  return 0;
}

int ba_setitem(Value self, Value key, Value v) {
  if (is_slice(key)) return set_slice(as_ba(self), key.as<Slice>(), v);
  if (!is_int(key) && !type_of(key)->index) {
    raise(&exc::TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  return set_index(as_ba(self), key, v);
}

// ------------------------------------------------------------------ in-place operators

Value ba_iadd(Value a, Value b) {
  std::string add;
  if (!copy_bytes_arg(b, &add)) {
    clear_error();
    return raise(&exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  }
  if (!append_bytes(as_ba(a), add)) return Value();
  return a;
}

Value ba_imul(Value a, Value b) {
  int64_t count;
  bool not_implemented;
  if (!repeat_count(b, &count, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  ByteArray* ba = as_ba(a);
  collect_dead_views(ba);
  LockGuard guard(ba->lock);
  int64_t n = size_locked(ba);
  if (count < 0) count = 0;
  if (n && count > (int64_t(1) << 40) / n) return raise_no_memory();
  if (!check_resizable(ba, n * count)) return Value();
  ByteArrayBuffer* buf = reserve_locked(ba, n * count);
  for (int64_t k = 1; k < count; k++) std::memcpy(buf->data + k * n, buf->data, size_t(n));
  set_size_locked(ba, n * count);
  return a;
}

// ------------------------------------------------------------------ methods

Value m_append(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.append", kw) || !check_nargs("bytearray.append", nargs, 1, 1)) return Value();
  uint8_t x;
  if (!byte_value(args[0], &x)) return Value();
  if (!append_bytes(as_ba(self), std::string_view(reinterpret_cast<const char*>(&x), 1))) return Value();
  return None();
}

Value m_extend(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.extend", kw) || !check_nargs("bytearray.extend", nargs, 1, 1)) return Value();
  Value src = args[0];
  std::string add;
  if (is_bytes(src) || is_bytearray(src) || type_of(src)->buffer) {
    if (!copy_bytes_arg(src, &add)) return Value();
  } else {
    Value it = get_iter(src);
    if (!it) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        raise(&exc::TypeError, "can't extend bytearray with %s", type_name(src));
      }
      return Value();
    }
    if (!bytes_from_int_iterable(it, &add)) return Value();
  }
  if (!append_bytes(as_ba(self), add)) return Value();
  return None();
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.insert", kw) || !check_nargs("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  uint8_t x;
  if (!byte_value(args[1], &x)) return Value();
  ByteArray* b = as_ba(self);
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  if (!check_resizable(b, n + 1)) return Value();
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  ByteArrayBuffer* buf = reserve_locked(b, n + 1);
  std::memmove(buf->data + i + 1, buf->data + i, size_t(n - i));
  buf->data[i] = x;
  set_size_locked(b, n + 1);
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.pop", kw) || !check_nargs("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs && !ssize_arg(args[0], &i)) return Value();
  ByteArray* b = as_ba(self);
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  if (n == 0) return raise(&exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(&exc::IndexError, "pop index out of range");
  if (!check_resizable(b, n - 1)) return Value();
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  uint8_t x = buf->data[i];
  std::memmove(buf->data + i, buf->data + i + 1, size_t(n - i - 1));
  set_size_locked(b, n - 1);
  return Value::from_small_int(x);
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.remove", kw) || !check_nargs("bytearray.remove", nargs, 1, 1)) return Value();
  uint8_t x;
  if (!byte_value(args[0], &x)) return Value();
  ByteArray* b = as_ba(self);
  collect_dead_views(b);
  LockGuard guard(b->lock);
  int64_t n = size_locked(b);
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  auto* hit = n ? static_cast<uint8_t*>(std::memchr(buf->data, x, size_t(n))) : nullptr;
  if (!hit) return raise(&exc::ValueError, "value not found in bytearray");
  if (!check_resizable(b, n - 1)) return Value();
  int64_t i = hit - buf->data;
  std::memmove(buf->data + i, buf->data + i + 1, size_t(n - i - 1));
  set_size_locked(b, n - 1);
  return None();
}

Value m_reverse(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.reverse", kw) || !check_nargs("bytearray.reverse", nargs, 0, 0)) return Value();
  ByteArray* b = as_ba(self);
  LockGuard guard(b->lock);
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
  if (buf) std::reverse(buf->data, buf->data + size_locked(b));
  return None();
}

Value m_clear(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.clear", kw) || !check_nargs("bytearray.clear", nargs, 0, 0)) return Value();
  if (!assign(as_ba(self), std::string_view())) return Value();
  return None();
}

Value m_copy(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.copy", kw) || !check_nargs("bytearray.copy", nargs, 0, 0)) return Value();
  ByteSpan s = span_of(self);
  return Value(bytearray_new(s.data, size_t(s.size)));
}

Value m_alloc(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.__alloc__", kw) || !check_nargs("bytearray.__alloc__", nargs, 0, 0)) return Value();
  ByteArrayBuffer* buf = as_ba(self)->buffer.load(std::memory_order_acquire);
  return int_from_i64(buf ? buf->capacity + 1 : 0);
}

// As CPython reports it: the object plus the allocation.
Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.__sizeof__", kw) || !check_nargs("bytearray.__sizeof__", nargs, 0, 0)) return Value();
  ByteArrayBuffer* buf = as_ba(self)->buffer.load(std::memory_order_acquire);
  return int_from_i64(56 + (buf ? buf->capacity + 1 : 0));
}

// (type, args, state): a latin-1 str below protocol 3, bytes from 3 on.
Value reduce_common(Value self, int64_t proto) {
  Value state = None();
  if (Dict* d = instance_dict(self, false)) state = Value(d);
  ByteSpan s = span_of(self);
  Value args;
  if (s.size == 0) args = Value(tuple_empty());
  else if (proto < 3) args = Value(tuple_pack({Value(str_from_latin1(s.data, size_t(s.size))), Value(intern_cstr("latin-1"))}));
  else args = Value(tuple_pack({Value(bytes_new(s.data, size_t(s.size)))}));
  return Value(tuple_pack({Value(type_of(self)), args, state}));
}

Value m_reduce(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.__reduce__", kw) || !check_nargs("bytearray.__reduce__", nargs, 0, 0)) return Value();
  return reduce_common(self, 2);
}

Value m_reduce_ex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.__reduce_ex__", kw) || !check_nargs("__reduce_ex__", nargs, 0, 1)) return Value();
  int proto = 0;
  if (nargs && !int_arg(args[0], &proto)) return Value();
  return reduce_common(self, proto);
}

const MethodDef bytearray_own_methods[] = {
    {"append", m_append, kMethodInstance, "Append a single item to the end of the bytearray."},
    {"extend", m_extend, kMethodInstance, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", m_insert, kMethodInstance, "Insert a single item into the bytearray before the given index."},
    {"pop", m_pop, kMethodInstance, "Remove and return a single item from B.\n\nIf no index argument is given, will pop the last item."},
    {"remove", m_remove, kMethodInstance, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", m_reverse, kMethodInstance, "Reverse the order of the values in B in place."},
    {"clear", m_clear, kMethodInstance, "Remove all items from the bytearray."},
    {"copy", m_copy, kMethodInstance, "Return a copy of B."},
    {"__alloc__", m_alloc, kMethodInstance, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Returns the size of the bytearray object in memory, in bytes."},
    {"__reduce__", m_reduce, kMethodInstance, "Return state information for pickling."},
    {"__reduce_ex__", m_reduce_ex, kMethodInstance, "Return state information for pickling."},
    {"fromhex", bytes_m_fromhex, kMethodClass, "Create a bytearray object from a string of hexadecimal numbers."},
    {"maketrans", bytes_m_maketrans, kMethodStatic, "Return a translation table useable for the bytes or bytearray translate method."},
    {nullptr}};

}  // namespace

ByteArray* bytearray_new(const void* data, size_t n) {
  auto* b = alloc_instance<ByteArray>(&bytearray_type);
  new (&b->lock) Mutex();
  ByteArrayBuffer* buf = new_buffer(int64_t(n));
  if (n) std::memcpy(buf->data, data, n);
  buf->data[n] = 0;
  b->buffer.store(buf, std::memory_order_relaxed);
  b->size.store(int64_t(n), std::memory_order_release);
  return b;
}

void init_bytearray_type() {
  bytearray_type.native_name = "bytearray";
  bytearray_type.instance_size = sizeof(ByteArray);
  bytearray_type.flags = kTypeBaseType;
  bytearray_type.new_ = bytearray_new_py;
  bytearray_type.init = bytearray_init_py;
  bytearray_type.repr = ba_repr;
  bytearray_type.str = ba_repr;
  bytearray_type.richcompare = bytes_like_richcompare;
  bytearray_type.len = bytes_like_len;
  bytearray_type.getitem = bytes_like_getitem;
  bytearray_type.setitem = ba_setitem;
  bytearray_type.contains = bytes_like_contains;
  bytearray_type.iter = bytes_like_iter;
  bytearray_type.nb[int(BinaryOp::Add)] = bytes_like_concat;
  bytearray_type.nb[int(BinaryOp::Mul)] = bytes_like_repeat;
  bytearray_type.nb[int(BinaryOp::Mod)] = bytes_like_mod;
  bytearray_type.nb_inplace[int(BinaryOp::Add)] = ba_iadd;
  bytearray_type.nb_inplace[int(BinaryOp::Mul)] = ba_imul;
  bytearray_type.methods = bytes_method_table(bytearray_own_methods);
  bytearray_type.doc =
      "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by "
      "the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray "
      "object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified "
      "encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";
}

}  // namespace spindle
