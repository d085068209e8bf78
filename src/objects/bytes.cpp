// bytes: construction, the core slots, the buffer protocol helpers shared by
// the bytes-like types, and the bytes iterator. The methods shared with
// bytearray are in bytes_methods.cpp, % formatting in bytes_format.cpp.
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes_internal.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type bytes_type, bytes_iterator_type, bytearray_iterator_type;

namespace {
std::atomic<Bytes*> empty_bytes{nullptr};
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
  Bytes* e = empty_bytes.load(std::memory_order_acquire);
  if (e) return e;
  Bytes* fresh = bytes_alloc(0);
  return empty_bytes.compare_exchange_strong(e, fresh) ? fresh : e;
}

ByteSpan span_of(Value v) {
  if (is_bytes(v)) {
    Bytes* b = v.as<Bytes>();
    return {b->data_ptr, b->size};
  }
  ByteArray* b = v.as<ByteArray>();
  // The size may belong to a newer buffer than the one loaded: never read
  // past the capacity of the buffer actually in hand.
  ByteArrayBuffer* buf = b->buffer.load(std::memory_order_acquire);
  int64_t size = b->size.load(std::memory_order_acquire);
  if (!buf) return {reinterpret_cast<const uint8_t*>(""), 0};
  return {buf->data, std::min(size, buf->capacity)};
}

Value make_like(Value self, const void* data, size_t n) {
  if (is_bytearray(self)) return Value(bytearray_new(data, n));
  return Value(bytes_new(data, n));
}

bool get_buffer(Value v, BufferView* out) {
  if (is_bytes(v) || is_bytearray(v)) {
    ByteSpan s = span_of(v);
    out->data = s.data;
    out->size = s.size;
    out->readonly = is_bytes(v);
    out->owner = v;
    return true;
  }
  if (BufferFn f = type_of(v)->buffer) return f(v, out);
  raise(&exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

bool byte_value(Value v, uint8_t* out) {
  int64_t i;
  if (!index_as_i64(v, &i, nullptr)) return false;
  if (i < 0 || i > 255) {
    raise(&exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = uint8_t(i);
  return true;
}

Value bytes_repr(const uint8_t* data, size_t n, const char* prefix, bool escape_single_quote) {
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
    if (c == uint8_t(quote) || c == '\\' || (escape_single_quote && c == '\'')) {
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

bool bytes_from_int_iterable(Value iterable, std::string* out, const char* range_message) {
  Value it = get_iter(iterable);
  if (!it) return false;
  while (Value v = iter_next(it)) {
    int64_t i;
    if (!index_as_i64(v, &i, nullptr)) return false;
    if (i < 0 || i > 255) {
      raise(&exc::ValueError, "%s", range_message);
      return false;
    }
    out->push_back(char(i));
  }
  return !error_occurred();
}

bool bytes_from_object(Value x, std::string* out, const char* tname) {
  if (is_bytes(x) || is_bytearray(x) || type_of(x)->buffer) {
    BufferView view;
    if (!get_buffer(x, &view)) return false;
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
    return true;
  }
  if (is_int(x) || type_of(x)->index) {
    int64_t n;
    if (!index_as_i64(x, &n, &exc::OverflowError)) {
      if (error_matches(&exc::OverflowError)) {
        clear_error();
        raise(&exc::OverflowError, "cannot fit 'int' into an index-sized integer");
      }
      return false;
    }
    if (n < 0) {
      raise(&exc::ValueError, "negative count");
      return false;
    }
    if (n > (int64_t(1) << 40)) {
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
  // As in CPython, only bytes() says "bytes" here.
  return bytes_from_int_iterable(x, out, std::strcmp(tname, "bytes") == 0 ? "bytes must be in range(0, 256)"
                                                                          : "byte must be in range(0, 256)");
}

namespace {

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
    Value m = is_bytes(a[0]) && is_type(a[0], &bytes_type) ? Value() : lookup_special(a[0], names::__bytes__);
    if (m) {
      Value r = call0(m);
      if (!r) return Value();
      if (!is_bytes(r)) return raise(&exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
      result = r;
    } else {
      if (error_occurred()) return Value();
      if (is_type(a[0], &bytes_type) && type == &bytes_type) return a[0];
      if (is_str(a[0])) return raise(&exc::TypeError, "string argument without an encoding");
      std::string s;
      if (!bytes_from_object(a[0], &s, "bytes")) return Value();
      result = Value(bytes_new(s.data(), s.size()));
    }
  }
  if (!result || type == &bytes_type) return result;
  // A subclass instance shares the (immutable) data of the exact bytes.
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

int64_t b_hash(Value self) {
  Bytes* b = self.as<Bytes>();
  int64_t h = b->hash_cache.load(std::memory_order_relaxed);
  if (h != -1) return h;
  h = hash_memory(b->data_ptr, size_t(b->size));
  b->hash_cache.store(h, std::memory_order_relaxed);
  return h;
}

}  // namespace

// Comparison of two bytes-like sequences (bytes and bytearray compare with each other).
Value bytes_like_richcompare(Value a, Value b, CompareOp op) {
  if (!is_bytes(b) && !is_bytearray(b)) return NotImplemented();
  ByteSpan x = span_of(a), y = span_of(b);
  if ((op == CompareOp::EQ || op == CompareOp::NE) && x.size != y.size) return Bool(op == CompareOp::NE);
  int64_t n = std::min(x.size, y.size);
  int c = n ? std::memcmp(x.data, y.data, size_t(n)) : 0;
  if (c == 0) c = x.size < y.size ? -1 : x.size > y.size ? 1 : 0;
  switch (op) {
    case CompareOp::LT: return Bool(c < 0);
    case CompareOp::LE: return Bool(c <= 0);
    case CompareOp::EQ: return Bool(c == 0);
    case CompareOp::NE: return Bool(c != 0);
    case CompareOp::GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int64_t bytes_like_len(Value self) { return span_of(self).size; }

Value bytes_like_getitem(Value self, Value key) {
  ByteSpan v = span_of(self);
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), v.size, &start, &stop, &step, &count)) return Value();
    if (step == 1) return make_like(self, v.data + start, size_t(count));
    std::string out;
    for (int64_t i = 0, j = start; i < count; i++, j += step) out.push_back(char(v.data[j]));
    return make_like(self, out);
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
  ByteSpan v = span_of(self);
  if (is_int(item) || type_of(item)->index) {
    uint8_t b;
    if (!byte_value(item, &b)) return -1;
    return std::memchr(v.data, b, size_t(v.size)) != nullptr;
  }
  BufferView needle;
  if (!get_buffer(item, &needle)) return -1;
  if (needle.size == 0) return 1;
  return memmem(v.data, size_t(v.size), needle.data, size_t(needle.size)) != nullptr;
}

namespace {

struct BytesIterator : Object {
  Value seq;  // null when exhausted
  std::atomic<int64_t> index;
};

Value iter_self(Value self) { return self; }

Value bytes_iter_next(Value self) {
  auto* it = self.as<BytesIterator>();
  // Threads sharing the iterator race on `seq`: one atomic load, one atomic store.
  Value seq;
  __atomic_load(&it->seq, &seq, __ATOMIC_RELAXED);
  if (!seq) return Value();
  ByteSpan v = span_of(seq);
  int64_t i = it->index.fetch_add(1);
  if (i < v.size) return Value::from_small_int(v.data[i]);
  Value exhausted;
  __atomic_store(&it->seq, &exhausted, __ATOMIC_RELAXED);
  return Value();
}

Value bytes_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<BytesIterator>();
  Value seq = it->seq;
  if (!seq) return Value::from_small_int(0);
  int64_t n = span_of(seq).size - it->index.load();
  return int_from_i64(n > 0 ? n : 0);
}

const MethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
    {nullptr}};

}  // namespace

Value bytes_like_iter(Value self) {
  // bytearray iterators are their own type in CPython, with the same behaviour.
  auto* it = alloc_instance<BytesIterator>(is_bytearray(self) ? &bytearray_iterator_type : &bytes_iterator_type);
  it->seq = self;
  it->index.store(0);
  return Value(it);
}

Value bytes_like_concat(Value a, Value b) {
  if (!is_bytes(a) && !is_bytearray(a)) return NotImplemented();
  BufferView y;
  // Not a buffer: the right operand's __radd__ gets its turn (binary_op reports the error).
  if (!get_buffer(b, &y)) {
    clear_error();
    return NotImplemented();
  }
  ByteSpan x = span_of(a);
  std::string s(x.view());
  s.append(reinterpret_cast<const char*>(y.data), size_t(y.size));
  return make_like(a, s);
}

Value bytes_like_repeat(Value a, Value b) {
  Value seq = (is_bytes(a) || is_bytearray(a)) ? a : b;
  Value count = seq == a ? b : a;
  if (!is_bytes(seq) && !is_bytearray(seq)) return NotImplemented();
  int64_t n;
  bool not_implemented;
  if (!repeat_count(count, &n, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  ByteSpan v = span_of(seq);
  if (n < 0) n = 0;
  if (v.size && n > (int64_t(1) << 40) / v.size) return raise_no_memory();
  std::string s;
  s.reserve(size_t(v.size * n));
  for (int64_t i = 0; i < n; i++) s.append(v.view());
  return make_like(seq, s);
}

Value bytes_like_mod(Value a, Value b) {
  if (!is_bytes(a) && !is_bytearray(a)) return NotImplemented();
  Value r = bytes_format(span_of(a).view(), b);
  if (!r || !is_bytearray(a)) return r;
  ByteSpan s = span_of(r);
  return Value(bytearray_new(s.data, size_t(s.size)));
}

namespace {

Value m_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Bytes* b = self.as<Bytes>();
  return Value(tuple_pack({Value(bytes_new(b->data_ptr, size_t(b->size)))}));
}

Value m_bytes(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytes.__bytes__", kw) || !check_nargs("bytes.__bytes__", nargs, 0, 0)) return Value();
  if (is_type(self, &bytes_type)) return self;
  Bytes* b = self.as<Bytes>();
  return Value(bytes_new(b->data_ptr, size_t(b->size)));
}

// As CPython reports it: the header (33 bytes) plus the data.
Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytes.__sizeof__", kw) || !check_nargs("bytes.__sizeof__", nargs, 0, 0)) return Value();
  return int_from_i64(33 + self.as<Bytes>()->size);
}

const MethodDef bytes_own_methods[] = {
    {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
    {"__bytes__", m_bytes, kMethodInstance, "Convert this value to exact type bytes."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Size of object in memory, in bytes."},
    {"fromhex", bytes_m_fromhex, kMethodClass, "Create a bytes object from a string of hexadecimal numbers."},
    {"maketrans", bytes_m_maketrans, kMethodStatic, "Return a translation table useable for the bytes or bytearray translate method."},
    {nullptr}};

}  // namespace

void init_bytes_types() {
  bytes_type.native_name = "bytes";
  bytes_type.instance_size = sizeof(Bytes);
  bytes_type.flags = kTypeBaseType | kTypeBytesSubclass;
  bytes_type.new_ = bytes_new_py;
  bytes_type.repr = b_repr;
  bytes_type.str = b_repr;
  bytes_type.hash = b_hash;
  bytes_type.richcompare = bytes_like_richcompare;
  bytes_type.len = bytes_like_len;
  bytes_type.getitem = bytes_like_getitem;
  bytes_type.contains = bytes_like_contains;
  bytes_type.iter = bytes_like_iter;
  bytes_type.nb[int(BinaryOp::Add)] = bytes_like_concat;
  bytes_type.nb[int(BinaryOp::Mul)] = bytes_like_repeat;
  bytes_type.nb[int(BinaryOp::Mod)] = bytes_like_mod;
  bytes_type.methods = bytes_method_table(bytes_own_methods);
  bytes_type.doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> "
      "immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized "
      "with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an "
      "iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any "
      "object implementing the buffer API.\n  - an integer";

  for (auto [t, name] : {std::pair{&bytes_iterator_type, "bytes_iterator"}, {&bytearray_iterator_type, "bytearray_iterator"}}) {
    t->native_name = name;
    t->instance_size = sizeof(BytesIterator);
    t->iter = iter_self;
    t->next = bytes_iter_next;
    t->methods = bytes_iter_methods;
  }

  for (int i = 0; i < 256; i++) {
    Bytes* b = bytes_alloc(1);
    b->data_ptr[0] = uint8_t(i);
    single_bytes[i] = b;
  }
  init_bytearray_type();
  init_memoryview_type();
}

}  // namespace spindle
