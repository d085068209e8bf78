// bytes and bytearray: construction, the core slots, and the buffer protocol.
#include <cstring>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type bytes_type, bytearray_type, bytes_iterator_type;

namespace {
Bytes* empty_bytes;
Bytes* single_bytes[256];
}  // namespace

Bytes* bytes_alloc(size_t n) {
  auto* b = static_cast<Bytes*>(alloc_object_atomic(&bytes_type, sizeof(Bytes) + n + 1));
  b->size = int64_t(n);
  new (&b->hash_cache) std::atomic<int64_t>(-1);
  b->data_ptr = reinterpret_cast<uint8_t*>(b) + sizeof(Bytes);
  b->data_ptr[n] = 0;
  return b;
}

Bytes* bytes_new(const void* data, size_t n) {
  if (n == 0) return bytes_empty();
  if (n == 1 && single_bytes[*static_cast<const uint8_t*>(data)]) return single_bytes[*static_cast<const uint8_t*>(data)];
  Bytes* b = bytes_alloc(n);
  std::memcpy(b->data_ptr, data, n);
  return b;
}

Bytes* bytes_empty() {
  if (!empty_bytes) empty_bytes = bytes_alloc(0);
  return empty_bytes;
}

ByteArray* bytearray_new(const void* data, size_t n) {
  auto* b = alloc_instance<ByteArray>(&bytearray_type);
  new (&b->lock) Mutex();
  auto* buf = static_cast<ByteArrayBuffer*>(gc::alloc_atomic(sizeof(ByteArrayBuffer) + n + 1));
  buf->capacity = int64_t(n);
  if (n) std::memcpy(buf->data, data, n);
  buf->data[n] = 0;
  b->buffer.store(buf, std::memory_order_relaxed);
  b->size.store(int64_t(n), std::memory_order_relaxed);
  return b;
}

bool get_buffer(Value v, BufferView* out) {
  if (is_bytes(v)) {
    Bytes* b = v.as<Bytes>();
    out->data = b->data_ptr;
    out->size = b->size;
    out->readonly = true;
    out->owner = v;
    return true;
  }
  if (is_bytearray(v)) {
    ByteArray* b = v.as<ByteArray>();
    ByteArrayBuffer* buf = b->buffer.load(std::memory_order_acquire);
    out->data = buf ? buf->data : nullptr;
    out->size = b->size.load(std::memory_order_acquire);
    out->readonly = false;
    out->owner = v;
    return true;
  }
  if (BufferFn f = type_of(v)->buffer) return f(v, out);
  raise(&exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

Value bytes_repr(const uint8_t* data, size_t n, const char* prefix) {
  bool has_single = false, has_double = false;
  for (size_t i = 0; i < n; i++) {
    if (data[i] == '\'') has_single = true;
    else if (data[i] == '"') has_double = true;
  }
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = prefix;
  out.push_back(quote);
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    uint8_t c = data[i];
    if (c == uint8_t(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
  out.push_back(quote);
  return Value(str_from_ascii(out));
}

namespace {

// Bytes from an iterable of ints (each in range(256)).
bool bytes_from_ints(Value iterable, std::string* out) {
  Value it = get_iter(iterable);
  if (!it) return false;
  while (Value v = iter_next(it)) {
    if (!is_int(v) && !type_of(v)->index) {
      raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
      return false;
    }
    int64_t i;
    if (!index_as_i64(v, &i, nullptr)) return false;
    if (i < 0 || i > 255) {
      raise(&exc::ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(char(i));
  }
  return !error_occurred();
}

// The bytes contents of bytes(x) / bytearray(x) for a single argument.
bool contents_from_object(Value x, std::string* out, const char* tname) {
  if (is_str(x)) {
    raise(&exc::TypeError, "string argument without an encoding");
    return false;
  }
  BufferView view;
  if (is_bytes(x) || is_bytearray(x) || type_of(x)->buffer) {
    if (!get_buffer(x, &view)) return false;
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
    return true;
  }
  if (is_int(x) || (type_of(x)->index && !type_of(x)->iter)) {
    int64_t n;
    if (!index_as_i64(x, &n, &exc::OverflowError)) return false;
    if (n < 0) {
      raise(&exc::ValueError, "negative count");
      return false;
    }
    if (n > (int64_t(1) << 36)) {
      raise_no_memory();
      return false;
    }
    out->assign(size_t(n), '\0');
    return true;
  }
  if (!type_of(x)->iter && !type_of(x)->getitem) {
    raise(&exc::TypeError, "cannot convert '%s' object to %s", type_name(x), tname);
    return false;
  }
  return bytes_from_ints(x, out);
}

Value bytes_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"bytes", {"source", "encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value result;
  if (!a[0]) {
    if (a[1] || a[2]) return raise(&exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
    result = Value(bytes_empty());
  } else if (a[1] || a[2]) {
    if (!is_str(a[0])) return raise(&exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
    result = encode_str(a[0].as<Str>(), a[1] ? a[1] : Value(intern_cstr("utf-8")), a[2] ? a[2] : Value(intern_cstr("strict")));
  } else {
    Value m = is_bytes(a[0]) ? Value() : lookup_special(a[0], names::__bytes__);
    if (m) {
      Value r = call0(m);
      if (!r) return Value();
      if (!is_bytes(r)) return raise(&exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
      result = r;
    } else {
      if (error_occurred()) return Value();
      if (is_bytes(a[0]) && type == &bytes_type && is_type(a[0], &bytes_type)) return a[0];
      std::string s;
      if (!contents_from_object(a[0], &s, "bytes")) return Value();
      result = Value(bytes_new(s.data(), s.size()));
    }
  }
  if (!result || type == &bytes_type) return result;
  Bytes* src = result.as<Bytes>();
  auto* b = static_cast<Bytes*>(alloc_object(type, sizeof(Bytes)));
  b->size = src->size;
  new (&b->hash_cache) std::atomic<int64_t>(-1);
  b->data_ptr = src->data_ptr;
  return Value(b);
}

Value b_repr(Value self) {
  Bytes* b = self.as<Bytes>();
  return bytes_repr(b->data_ptr, size_t(b->size), "b");
}

Value b_str(Value self) { return b_repr(self); }

int64_t b_hash(Value self) {
  Bytes* b = self.as<Bytes>();
  int64_t h = b->hash_cache.load(std::memory_order_relaxed);
  if (h != -1) return h;
  h = hash_memory(b->data_ptr, size_t(b->size));
  b->hash_cache.store(h, std::memory_order_relaxed);
  return h;
}

int compare_buffers(const BufferView& x, const BufferView& y) {
  int64_t n = std::min(x.size, y.size);
  int c = n ? std::memcmp(x.data, y.data, size_t(n)) : 0;
  if (c) return c < 0 ? -1 : 1;
  return x.size < y.size ? -1 : x.size > y.size ? 1 : 0;
}

Value bytes_like_richcompare(Value a, Value b, CompareOp op) {
  if (!is_bytes(b) && !is_bytearray(b)) return NotImplemented();
  BufferView x, y;
  get_buffer(a, &x);
  get_buffer(b, &y);
  if ((op == CompareOp::EQ || op == CompareOp::NE) && x.size != y.size) return Bool(op == CompareOp::NE);
  int c = compare_buffers(x, y);
  switch (op) {
    case CompareOp::LT: return Bool(c < 0);
    case CompareOp::LE: return Bool(c <= 0);
    case CompareOp::EQ: return Bool(c == 0);
    case CompareOp::NE: return Bool(c != 0);
    case CompareOp::GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int64_t bytes_like_len(Value self) {
  BufferView v;
  get_buffer(self, &v);
  return v.size;
}

Value bytes_like_getitem(Value self, Value key) {
  BufferView v;
  get_buffer(self, &v);
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), v.size, &start, &stop, &step, &count)) return Value();
    std::string out;
    for (int64_t i = 0, j = start; i < count; i++, j += step) out.push_back(char(v.data[j]));
    if (is_bytearray(self)) return Value(bytearray_new(out.data(), out.size()));
    return Value(bytes_new(out.data(), out.size()));
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "%s indices must be integers or slices, not %s",
                 is_bytearray(self) ? "bytearray" : "byte", type_name(key));
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return Value();
  if (i < 0) i += v.size;
  if (i < 0 || i >= v.size)
    return raise(&exc::IndexError, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
  return Value::from_small_int(v.data[i]);
}

int bytes_like_contains(Value self, Value item) {
  BufferView v;
  get_buffer(self, &v);
  if (is_int(item) || type_of(item)->index) {
    int64_t i;
    if (!index_as_i64(item, &i, nullptr)) return -1;
    if (i < 0 || i > 255) {
      raise(&exc::ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return std::memchr(v.data, int(i), size_t(v.size)) != nullptr;
  }
  BufferView needle;
  if (!get_buffer(item, &needle)) return -1;
  if (needle.size == 0) return 1;
  return memmem(v.data, size_t(v.size), needle.data, size_t(needle.size)) != nullptr;
}

struct BytesIterator : Object {
  Value seq;
  std::atomic<int64_t> index;
};

Value bytes_like_iter(Value self) {
  auto* it = alloc_instance<BytesIterator>(&bytes_iterator_type);
  it->seq = self;
  it->index.store(0);
  return Value(it);
}

Value bytes_iter_next(Value self) {
  auto* it = self.as<BytesIterator>();
  if (!it->seq) return Value();
  BufferView v;
  get_buffer(it->seq, &v);
  int64_t i = it->index.fetch_add(1);
  if (i < v.size) return Value::from_small_int(v.data[i]);
  it->seq = Value();
  return Value();
}

Value iter_self(Value self) { return self; }

Value bytes_concat(Value a, Value b) {
  BufferView x, y;
  if (!is_bytes(a) && !is_bytearray(a)) return NotImplemented();
  if (!get_buffer(a, &x)) return Value();
  // Not a buffer: the right operand's __radd__ gets its turn (binary_op reports the error).
  if (!get_buffer(b, &y)) {
    clear_error();
    return NotImplemented();
  }
  std::string s(reinterpret_cast<const char*>(x.data), size_t(x.size));
  s.append(reinterpret_cast<const char*>(y.data), size_t(y.size));
  if (is_bytearray(a)) return Value(bytearray_new(s.data(), s.size()));
  return Value(bytes_new(s.data(), s.size()));
}

Value bytes_repeat(Value a, Value b) {
  Value seq = (is_bytes(a) || is_bytearray(a)) ? a : b;
  Value count = seq == a ? b : a;
  if ((!is_bytes(seq) && !is_bytearray(seq)) || (!is_int(count) && !type_of(count)->index)) return NotImplemented();
  int64_t n;
  if (!index_as_i64(count, &n, &exc::OverflowError)) return Value();
  BufferView v;
  get_buffer(seq, &v);
  if (n < 0) n = 0;
  if (v.size && n > (int64_t(1) << 36) / v.size) return raise_no_memory();
  std::string s;
  for (int64_t i = 0; i < n; i++) s.append(reinterpret_cast<const char*>(v.data), size_t(v.size));
  if (is_bytearray(seq)) return Value(bytearray_new(s.data(), s.size()));
  return Value(bytes_new(s.data(), s.size()));
}

Value m_decode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"decode", {"encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return decode_object(self, a[0] ? a[0] : Value(intern_cstr("utf-8")), a[1] ? a[1] : Value(intern_cstr("strict")));
}

Value m_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Bytes* b = self.as<Bytes>();
  return Value(tuple_pack({Value(bytes_new(b->data_ptr, size_t(b->size)))}));
}

const MethodDef bytes_core_methods[] = {{"decode", m_decode, kMethodInstance, nullptr},
                                        {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
                                        {nullptr}};

// ------------------------------------------------------------------ bytearray

Value bytearray_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* b = alloc_instance<ByteArray>(type);
  new (&b->lock) Mutex();
  return Value(b);
}

void bytearray_set_contents(ByteArray* b, const std::string& s) {
  auto* buf = static_cast<ByteArrayBuffer*>(gc::alloc_atomic(sizeof(ByteArrayBuffer) + s.size() + 1));
  buf->capacity = int64_t(s.size());
  std::memcpy(buf->data, s.data(), s.size());
  buf->data[s.size()] = 0;
  LockGuard guard(b->lock);
  b->size.store(std::min<int64_t>(int64_t(s.size()), b->size.load()), std::memory_order_release);
  b->buffer.store(buf, std::memory_order_release);
  b->size.store(int64_t(s.size()), std::memory_order_release);
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
    Value enc = encode_str(a[0].as<Str>(), a[1] ? a[1] : Value(intern_cstr("utf-8")), a[2] ? a[2] : Value(intern_cstr("strict")));
    if (!enc) return -1;
    s.assign(enc.as<Bytes>()->view());
  } else if (!contents_from_object(a[0], &s, "bytearray")) {
    return -1;
  }
  bytearray_set_contents(self.as<ByteArray>(), s);
  return 0;
}

Value ba_repr(Value self) {
  BufferView v;
  get_buffer(self, &v);
  Value inner = bytes_repr(v.data, size_t(v.size), "b");
  if (!inner) return Value();
  return Value(format_message("%s(%U)", type_name(self), inner.as<Str>()));
}

int ba_setitem(Value self, Value key, Value v) {
  ByteArray* b = self.as<ByteArray>();
  if (is_slice(key) || !v) {
    // General path: rebuild the contents.
    BufferView cur;
    get_buffer(self, &cur);
    std::string s(reinterpret_cast<const char*>(cur.data), size_t(cur.size));
    if (is_slice(key)) {
      int64_t start, stop, step, count;
      if (!slice_indices(key.as<Slice>(), int64_t(s.size()), &start, &stop, &step, &count)) return -1;
      std::string repl;
      if (v) {
        if (is_int(v)) {
          raise(&exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
          return -1;
        }
        if (!contents_from_object(v, &repl, "bytearray")) return -1;
      }
      if (step == 1) {
        if (stop < start) stop = start;
        s.replace(size_t(start), size_t(stop - start), repl);
      } else if (!v) {
        std::string out;
        std::vector<bool> drop(s.size(), false);
        for (int64_t i = 0, j = start; i < count; i++, j += step) drop[size_t(j)] = true;
        for (size_t i = 0; i < s.size(); i++)
          if (!drop[i]) out.push_back(s[i]);
        s = out;
      } else {
        if (int64_t(repl.size()) != count) {
          raise(&exc::ValueError, "attempt to assign bytes of size %zd to extended slice of size %lld", ssize_t(repl.size()),
                (long long)count);
          return -1;
        }
        for (int64_t i = 0, j = start; i < count; i++, j += step) s[size_t(j)] = repl[size_t(i)];
      }
    } else {
      int64_t i;
      if (!index_as_i64(key, &i, &exc::IndexError)) return -1;
      if (i < 0) i += int64_t(s.size());
      if (i < 0 || i >= int64_t(s.size())) {
        raise(&exc::IndexError, "bytearray index out of range");
        return -1;
      }
      s.erase(size_t(i), 1);
    }
    bytearray_set_contents(b, s);
    return 0;
  }
  int64_t i, x;
  if (!index_as_i64(key, &i, &exc::IndexError)) return -1;
  if (!index_as_i64(v, &x, nullptr)) return -1;
  if (x < 0 || x > 255) {
    raise(&exc::ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  LockGuard guard(b->lock);
  int64_t n = b->size.load(std::memory_order_relaxed);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(&exc::IndexError, "bytearray index out of range");
    return -1;
  }
  b->buffer.load(std::memory_order_relaxed)->data[i] = uint8_t(x);
  return 0;
}

Value ba_m_append(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("append", nargs, 1, 1)) return Value();
  int64_t x;
  if (!index_as_i64(args[0], &x, nullptr)) return Value();
  if (x < 0 || x > 255) return raise(&exc::ValueError, "byte must be in range(0, 256)");
  BufferView cur;
  get_buffer(self, &cur);
  std::string s(reinterpret_cast<const char*>(cur.data), size_t(cur.size));
  s.push_back(char(x));
  bytearray_set_contents(self.as<ByteArray>(), s);
  return None();
}

Value ba_m_extend(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("extend", nargs, 1, 1)) return Value();
  std::string add;
  if (is_str(args[0])) return raise(&exc::TypeError, "expected iterable of integers; got: 'str'");
  if (!contents_from_object(args[0], &add, "bytearray")) return Value();
  BufferView cur;
  get_buffer(self, &cur);
  std::string s(reinterpret_cast<const char*>(cur.data), size_t(cur.size));
  s += add;
  bytearray_set_contents(self.as<ByteArray>(), s);
  return None();
}

Value ba_iadd(Value a, Value b) {
  BufferView y;
  if (!get_buffer(b, &y)) {
    clear_error();
    return raise(&exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  }
  BufferView x;
  get_buffer(a, &x);
  std::string s(reinterpret_cast<const char*>(x.data), size_t(x.size));
  s.append(reinterpret_cast<const char*>(y.data), size_t(y.size));
  bytearray_set_contents(a.as<ByteArray>(), s);
  return a;
}

const MethodDef bytearray_core_methods[] = {{"decode", m_decode, kMethodInstance, nullptr},
                                            {"append", ba_m_append, kMethodInstance, nullptr},
                                            {"extend", ba_m_extend, kMethodInstance, nullptr},
                                            {nullptr}};

}  // namespace

void init_bytes_types() {
  bytes_type.native_name = "bytes";
  bytes_type.instance_size = sizeof(Bytes);
  bytes_type.flags = kTypeBaseType | kTypeBytesSubclass;
  bytes_type.new_ = bytes_new_py;
  bytes_type.repr = b_repr;
  bytes_type.str = b_str;
  bytes_type.hash = b_hash;
  bytes_type.richcompare = bytes_like_richcompare;
  bytes_type.len = bytes_like_len;
  bytes_type.getitem = bytes_like_getitem;
  bytes_type.contains = bytes_like_contains;
  bytes_type.iter = bytes_like_iter;
  bytes_type.nb[int(BinaryOp::Add)] = bytes_concat;
  bytes_type.nb[int(BinaryOp::Mul)] = bytes_repeat;
  bytes_type.methods = bytes_core_methods;
  bytes_type.flags |= kTypeSequence;

  bytearray_type.native_name = "bytearray";
  bytearray_type.instance_size = sizeof(ByteArray);
  bytearray_type.flags = kTypeBaseType | kTypeSequence;
  bytearray_type.new_ = bytearray_new_py;
  bytearray_type.init = bytearray_init_py;
  bytearray_type.repr = ba_repr;
  bytearray_type.richcompare = bytes_like_richcompare;
  bytearray_type.len = bytes_like_len;
  bytearray_type.getitem = bytes_like_getitem;
  bytearray_type.setitem = ba_setitem;
  bytearray_type.contains = bytes_like_contains;
  bytearray_type.iter = bytes_like_iter;
  bytearray_type.nb[int(BinaryOp::Add)] = bytes_concat;
  bytearray_type.nb[int(BinaryOp::Mul)] = bytes_repeat;
  bytearray_type.nb_inplace[int(BinaryOp::Add)] = ba_iadd;
  bytearray_type.methods = bytearray_core_methods;

  bytes_iterator_type.native_name = "bytes_iterator";
  bytes_iterator_type.instance_size = sizeof(BytesIterator);
  bytes_iterator_type.iter = iter_self;
  bytes_iterator_type.next = bytes_iter_next;

  for (int i = 0; i < 256; i++) {
    Bytes* b = bytes_alloc(1);
    b->data_ptr[0] = uint8_t(i);
    single_bytes[i] = b;
  }
}

}  // namespace spindle
