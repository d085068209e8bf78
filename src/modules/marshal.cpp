// The marshal module: CPython 3.11's internal serialization format, byte for
// byte, for the value types it covers (code objects excepted: Spindle's code
// objects are not CPython's, so the module can neither write nor read them;
// the code cache adds its own layout for them through marshal.h).
//
// References (version >= 3). CPython marks an object with FLAG_REF, and later
// writes TYPE_REF for it, only when its reference count exceeds one at the
// time it is written, so the same value can marshal differently depending on
// who else holds it. Spindle has no reference counts; it writes as though
// every object were shared: each object other than None, True, False,
// Ellipsis and StopIteration gets FLAG_REF when first written and TYPE_REF
// when met again (by identity; unboxed ints and floats by value). That is
// what CPython emits for objects held elsewhere, such as constants, values
// bound to variables, small ints, interned strs and every set element (which
// CPython's sorting step keeps an extra reference to). The reader accepts
// every arrangement of flags and references CPython produces.
//
// Both directions recurse natively, bounded by kMaxDepth as in CPython.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/marshal.h"
#include "vm/code.h"

namespace spindle {

namespace {

constexpr int kCurrentVersion = 4;
constexpr int kMaxDepth = 2000;  // CPython's MAX_MARSHAL_STACK_DEPTH
constexpr int64_t kMaxSize32 = 0x7FFFFFFF;

enum : uint8_t {
  kNull = '0',
  kNone = 'N',
  kFalse = 'F',
  kTrue = 'T',
  kStopIter = 'S',
  kEllipsis = '.',
  kInt = 'i',
  kInt64 = 'I',  // read only: no longer written by CPython
  kFloat = 'f',
  kBinaryFloat = 'g',
  kComplex = 'x',
  kBinaryComplex = 'y',
  kLong = 'l',
  kString = 's',
  kInterned = 't',
  kRef = 'r',
  kTuple = '(',
  kList = '[',
  kDict = '{',
  kCode = 'c',
  kUnicode = 'u',
  kUnknown = '?',
  kSet = '<',
  kFrozenSet = '>',
  kAscii = 'a',
  kAsciiInterned = 'A',
  kSmallTuple = ')',
  kShortAscii = 'z',
  kShortAsciiInterned = 'Z',
  kFlagRef = 0x80,
};

// Big ints travel as base-2**15 digits, least significant first.
constexpr int kDigitBits = 15;

// Counts one level of nesting for as long as it lives.
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { depth++; }
  ~DepthGuard() { depth--; }
};

// ---------------------------------------------------------------- writing

enum class WriteError { None, Unmarshallable, TooDeep, Pending };

// The standalone bytes of each set element met during one dumps, by identity:
// they order the elements, and without this cache nested frozensets would be
// re-serialized once per enclosing level, taking time exponential in depth.
struct SortKeyCache {
  std::unordered_map<uint64_t, std::string> keys;
  List* elements = list_new();  // keeps the keyed objects alive
};

struct Writer : MarshalWriter {
  std::string out;
  int version;
  int depth;
  WriteError error = WriteError::None;
  const MarshalCodeFormat* code_format = nullptr;  // null: code objects are unmarshallable
  // Identity (the Value's bits) -> reference index. `written` keeps every
  // indexed object alive so no address is reused while the memo holds it.
  std::unordered_map<uint64_t, int32_t> memo;
  List* written = nullptr;
  SortKeyCache& sort_keys;

  Writer(int version, int depth, SortKeyCache& sort_keys) : version(version), depth(depth), sort_keys(sort_keys) {
    if (version >= 3) written = list_new();
  }

  void byte(uint8_t b) { out.push_back(char(b)); }
  void u32(uint32_t x) {
    for (int i = 0; i < 4; i++) byte(uint8_t(x >> (8 * i)));
  }
  void i32(int32_t x) { u32(uint32_t(x)); }
  void raw(const void* data, size_t n) { out.append(static_cast<const char*>(data), n); }
  void pstring(const void* data, size_t n) {
    i32(int32_t(n));
    raw(data, n);
  }
  void double_binary(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    for (int i = 0; i < 8; i++) byte(uint8_t(bits >> (8 * i)));
  }
  // Versions 0 and 1: repr-like text with 17 significant digits.
  void double_text(double d) {
    char buf[64];
    int n;
    if (std::isnan(d)) n = snprintf(buf, sizeof buf, "nan");
    else n = snprintf(buf, sizeof buf, "%.17g", d);
    byte(uint8_t(n));
    raw(buf, size_t(n));
  }
  bool fail(WriteError e) {
    error = e;
    return false;
  }

  bool object(Value v);
  bool complex_object(Value v, uint8_t flag);
  bool big_int(Value v, uint8_t flag);
  bool str(Str* s, uint8_t flag);
  bool any_set(Set* s, uint8_t flag);
};

// Writes a back-reference and returns true when v was written before;
// otherwise records it and sets FLAG_REF in *flag.
bool write_ref(Writer& w, Value v, uint8_t* flag) {
  if (w.version < 3) return false;
  auto found = w.memo.find(v.bits());
  if (found != w.memo.end()) {
    w.byte(kRef);
    w.i32(found->second);
    return true;
  }
  if (w.memo.size() >= size_t(kMaxSize32)) {
    raise(&exc::ValueError, "too many objects");
    return w.fail(WriteError::Pending);
  }
  w.memo.emplace(v.bits(), int32_t(w.memo.size()));
  if (v.is_object()) list_append(w.written, v);
  *flag = kFlagRef;
  return false;
}

// A null v writes the TYPE_NULL that ends a dict.
bool Writer::object(Value v) {
  DepthGuard guard(depth);
  if (depth > kMaxDepth) return fail(WriteError::TooDeep);
  if (!v) byte(kNull);
  else if (v == None()) byte(kNone);
  else if (v == Value(&exc::StopIteration)) byte(kStopIter);
  else if (v == Ellipsis()) byte(kEllipsis);
  else if (v == False()) byte(kFalse);
  else if (v == True()) byte(kTrue);
  else {
    uint8_t flag = 0;
    if (write_ref(*this, v, &flag)) return true;
    if (error != WriteError::None) return false;
    return complex_object(v, flag);
  }
  return true;
}

bool Writer::big_int(Value v, uint8_t flag) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  // 15-bit digits in 16-bit little-endian words: one nail bit per word.
  size_t count = (mpz_sizeinbase(z, 2) + kDigitBits - 1) / kDigitBits;
  std::vector<uint8_t> digits(count * 2);
  size_t written_count = 0;
  mpz_export(digits.data(), &written_count, -1, 2, -1, 16 - kDigitBits, z);
  int sign = mpz_sgn(z);
  mpz_clear(z);
  byte(kLong | flag);
  i32(sign < 0 ? -int32_t(written_count) : int32_t(written_count));
  raw(digits.data(), written_count * 2);
  return true;
}

bool Writer::str(Str* s, uint8_t flag) {
  bool interned = s->interned.load(std::memory_order_relaxed);
  if (version >= 4 && s->ascii) {
    if (s->length < 256) {
      byte((interned ? kShortAsciiInterned : kShortAscii) | flag);
      byte(uint8_t(s->length));
    } else {
      byte((interned ? kAsciiInterned : kAscii) | flag);
      i32(int32_t(s->length));
    }
    raw(s->data_ptr, size_t(s->length));
    return true;
  }
  std::string utf8 = str_to_utf8(s);  // lone surrogates pass through
  byte((version >= 3 && interned ? kInterned : kUnicode) | flag);
  pstring(utf8.data(), utf8.size());
  return true;
}

// Elements go out in the order of their own marshalled bytes, as CPython 3.11
// does so that sets marshal the same under any hash seed.
bool Writer::any_set(Set* s, uint8_t flag) {
  byte((s->type == &frozenset_type ? kFrozenSet : kSet) | flag);
  Tuple* items = tuple_from_iterable(Value(s)).as<Tuple>();
  if (!items) return fail(WriteError::Pending);
  i32(int32_t(items->size));
  std::vector<std::pair<const std::string*, int64_t>> keyed;
  keyed.reserve(size_t(items->size));
  for (int64_t i = 0; i < items->size; i++) {
    Value item = items->items[i];
    auto cached = sort_keys.keys.find(item.bits());
    if (cached == sort_keys.keys.end()) {
      Writer sub(version, depth, sort_keys);
      sub.code_format = code_format;
      if (!sub.object(item)) return fail(sub.error);
      cached = sort_keys.keys.emplace(item.bits(), std::move(sub.out)).first;
      if (item.is_object()) list_append(sort_keys.elements, item);
    }
    keyed.emplace_back(&cached->second, i);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (auto& [bytes, index] : keyed)
    if (!object(items->items[index])) return false;
  return true;
}

bool Writer::complex_object(Value v, uint8_t flag) {
  if (v.is_small_int() && v.as_small_int() >= INT32_MIN && v.as_small_int() <= INT32_MAX) {
    byte(kInt | flag);
    i32(int32_t(v.as_small_int()));
    return true;
  }
  if (is_int_exact(v)) return big_int(v, flag);
  if (v.is_double()) {
    if (version > 1) {
      byte(kBinaryFloat | flag);
      double_binary(v.as_double());
    } else {
      byte(kFloat | flag);
      double_text(v.as_double());
    }
    return true;
  }
  if (is_type(v, &complex_type)) {
    auto* c = v.as<ComplexObject>();
    if (version > 1) {
      byte(kBinaryComplex | flag);
      double_binary(c->real);
      double_binary(c->imag);
    } else {
      byte(kComplex | flag);
      double_text(c->real);
      double_text(c->imag);
    }
    return true;
  }
  if (is_str_exact(v)) return str(v.as<Str>(), flag);
  if (is_tuple_exact(v)) {
    Tuple* t = v.as<Tuple>();
    if (version >= 4 && t->size < 256) {
      byte(kSmallTuple | flag);
      byte(uint8_t(t->size));
    } else {
      byte(kTuple | flag);
      i32(int32_t(t->size));
    }
    for (Value item : *t)
      if (!object(item)) return false;
    return true;
  }
  if (is_list_exact(v)) {
    Tuple* items = list_snapshot(v.as<List>());
    byte(kList | flag);
    i32(int32_t(items->size));
    for (Value item : *items)
      if (!object(item)) return false;
    return true;
  }
  if (is_dict_exact(v)) {
    byte(kDict | flag);
    Dict* d = v.as<Dict>();
    int64_t pos = 0;
    Value key, value;
    while (dict_next(d, &pos, &key, &value))
      if (!object(key) || !object(value)) return false;
    return object(Value());
  }
  if (is_type(v, &set_type) || is_type(v, &frozenset_type)) return any_set(v.as<Set>(), flag);
  if (code_format && is_code(v)) {
    byte(kCode | flag);
    if (code_format->write(*this, v.as<Code>())) return true;
    return error == WriteError::None ? fail(WriteError::Pending) : false;
  }
  // bytes and every other bytes-like object are written as bytes.
  BufferView view;
  if (get_buffer(v, &view)) {
    byte(kString | flag);
    pstring(view.data, size_t(view.size));
    return true;
  }
  clear_error();
  byte(kUnknown);
  return fail(WriteError::Unmarshallable);
}

// Writes v; false with the matching exception pending.
bool write_top_object(Writer& w, Value v) {
  if (w.object(v)) return true;
  switch (w.error) {
    case WriteError::Unmarshallable: raise(&exc::ValueError, "unmarshallable object"); break;
    case WriteError::TooDeep: raise(&exc::ValueError, "object too deeply nested to marshal"); break;
    default: break;
  }
  return false;
}

Value marshal_to_bytes(Value v, int version) {
  SortKeyCache sort_keys;
  Writer w(version, 0, sort_keys);
  if (!write_top_object(w, v)) return Value();
  return Value(bytes_new(w.out.data(), w.out.size()));
}

// ---------------------------------------------------------------- reading

struct Reader : MarshalReader {
  // In-memory data (loads), or a file read with readinto (load).
  const uint8_t* ptr = nullptr;
  const uint8_t* end = nullptr;
  Value file;
  const MarshalCodeFormat* code_format = nullptr;  // null: code objects are refused
  List* refs = list_new();
  int depth = 0;

  // The next n bytes, or null with EOFError pending.
  const uint8_t* take(int64_t n) {
    if (!file) {
      if (end - ptr < n) {
        raise(&exc::EOFError, "marshal data too short");
        return nullptr;
      }
      const uint8_t* p = ptr;
      ptr += n;
      return p;
    }
    return take_from_file(n);
  }
  const uint8_t* take_from_file(int64_t n) {
    std::vector<uint8_t> zeros(static_cast<size_t>(n));
    ByteArray* buffer = bytearray_new(zeros.data(), zeros.size());
    Value view = memoryview_from_object(Value(buffer));
    if (!view) return nullptr;
    Value result = call_method1(file, intern_cstr("readinto"), view);
    if (!result) return nullptr;
    int64_t got;
    if (!ssize_arg(result, &got)) return nullptr;
    if (got != n) {
      if (got > n)
        raise(&exc::ValueError, "read() returned too much data: %lld bytes requested, %lld returned", (long long)n,
              (long long)got);
      else raise(&exc::EOFError, "EOF read where not expected");
      return nullptr;
    }
    BufferView data;
    if (!get_buffer(Value(buffer), &data)) return nullptr;
    return data.data;
  }
  // A byte, or -1 at the end of the data (for a file, with EOFError pending).
  int byte() {
    if (!file) return ptr < end ? *ptr++ : -1;
    const uint8_t* p = take_from_file(1);
    return p ? *p : -1;
  }
  bool i32(int32_t* out) {
    const uint8_t* p = take(4);
    if (!p) return false;
    *out = int32_t(uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24);
    return true;
  }
  bool binary_double(double* out) {
    const uint8_t* p = take(8);
    if (!p) return false;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits |= uint64_t(p[i]) << (8 * i);
    std::memcpy(out, &bits, 8);
    return true;
  }

  Value object();
  Value read_tuple(int64_t n, bool flagged);
  Value read_big_int();
  bool text_double(double* out);
};

Value bad_data(const char* what) { return raise(&exc::ValueError, "bad marshal data (%s)", what); }

// A size field; false with an error pending if it is out of range.
bool read_size(Reader& r, const char* what, int64_t* out) {
  int32_t n;
  if (!r.i32(&n)) return false;
  if (n < 0) {
    bad_data(what);
    return false;
  }
  *out = n;
  return true;
}

bool Reader::text_double(double* out) {
  int n = byte();
  if (n < 0) {
    raise(&exc::EOFError, "EOF read where object expected");
    return false;
  }
  const uint8_t* p = take(n);
  if (!p) return false;
  std::string text(reinterpret_cast<const char*>(p), size_t(n));
  bool plain = text.find_first_of(" \t\n\r\f\v_") == std::string::npos && text.find('\0') == std::string::npos;
  if (!plain || !parse_double(text.data(), text.size(), out)) {
    clear_error();
    size_t shown = std::min<size_t>(strlen(text.c_str()), 200);
    raise(&exc::ValueError, "could not convert string to float: '%U'", str_from_latin1(p, shown));
    return false;
  }
  return true;
}

Value Reader::read_big_int() {
  int32_t n;
  if (!i32(&n)) return Value();
  if (n == 0) return Value::from_small_int(0);
  if (n == INT32_MIN) return bad_data("long size out of range");
  int64_t count = n < 0 ? -int64_t(n) : n;
  const uint8_t* p = take(count * 2);
  if (!p) return Value();
  for (int64_t i = 0; i < count; i++) {
    if (p[2 * i + 1] & 0x80) return bad_data("digit out of range in long");
  }
  if (p[2 * count - 2] == 0 && p[2 * count - 1] == 0) return bad_data("unnormalized long data");
  mpz_t z;
  mpz_init(z);
  mpz_import(z, size_t(count), -1, 2, -1, 16 - kDigitBits, p);
  if (n < 0) mpz_neg(z, z);
  Value result = int_from_mpz(z);
  mpz_clear(z);
  return result;
}

// Most tuples are registered before their items, which may refer back to
// them. A size beyond kPreallocLimit is not trusted with an allocation up
// front: the items are gathered first (the index reserved, as for a
// frozenset), which matters only to crafted data whose huge tuple contains
// itself.
constexpr int64_t kPreallocLimit = 1 << 16;

Value Reader::read_tuple(int64_t n, bool flagged) {
  int64_t index = list_size(refs);
  Tuple* t = nullptr;
  List* gathered = nullptr;
  if (n <= kPreallocLimit) {
    t = tuple_new(n);
    for (int64_t i = 0; i < n; i++) t->items[i] = None();
    if (flagged) list_append(refs, Value(t));
  } else {
    gathered = list_new(kPreallocLimit);
    if (flagged) list_append(refs, None());
  }
  for (int64_t i = 0; i < n; i++) {
    Value item = object();
    if (!item) {
      if (!error_occurred()) raise(&exc::TypeError, "NULL object in marshal data for tuple");
      return Value();
    }
    if (t) t->items[i] = item;
    else list_append(gathered, item);
  }
  if (t) return Value(t);
  t = list_snapshot(gathered);
  if (flagged) list_set(refs, index, Value(t));
  return Value(t);
}

// Reads one object. A null result with no error pending is TYPE_NULL.
Value Reader::object() {
  DepthGuard guard(depth);
  if (depth > kMaxDepth) return raise(&exc::ValueError, "recursion limit exceeded");
  int code = byte();
  if (code < 0) {
    clear_error();
    return raise(&exc::EOFError, "EOF read where object expected");
  }
  bool flagged = code & kFlagRef;
  // Registers v under the next reference index when the code was flagged.
  auto remember = [&](Value v) {
    if (flagged) list_append(refs, v);
    return v;
  };
  switch (code & ~kFlagRef) {
    case kNull: return Value();
    case kNone: return None();
    case kStopIter: return Value(&exc::StopIteration);
    case kEllipsis: return Ellipsis();
    case kFalse: return False();
    case kTrue: return True();
    case kInt: {
      int32_t x;
      if (!i32(&x)) return Value();
      return remember(Value::from_small_int(x));
    }
    case kInt64: {
      const uint8_t* p = take(8);
      if (!p) return Value();
      uint64_t bits = 0;
      for (int i = 0; i < 8; i++) bits |= uint64_t(p[i]) << (8 * i);
      return remember(int_from_i64(int64_t(bits)));
    }
    case kLong: {
      Value v = read_big_int();
      return v ? remember(v) : v;
    }
    case kFloat: {
      double d;
      if (!text_double(&d)) return Value();
      return remember(float_new(d));
    }
    case kBinaryFloat: {
      double d;
      if (!binary_double(&d)) return Value();
      return remember(float_new(d));
    }
    case kComplex: {
      double re, im;
      if (!text_double(&re) || !text_double(&im)) return Value();
      return remember(complex_new(re, im));
    }
    case kBinaryComplex: {
      double re, im;
      if (!binary_double(&re) || !binary_double(&im)) return Value();
      return remember(complex_new(re, im));
    }
    case kString: {
      int64_t n;
      if (!read_size(*this, "bytes object size out of range", &n)) return Value();
      const uint8_t* p = take(n);
      if (!p) return Value();
      return remember(Value(bytes_new(p, size_t(n))));
    }
    case kAscii:
    case kAsciiInterned:
    case kShortAscii:
    case kShortAsciiInterned: {
      int type = code & ~kFlagRef;
      int64_t n;
      if (type == kShortAscii || type == kShortAsciiInterned) {
        n = byte();
        if (n < 0) {
          clear_error();
          return raise(&exc::EOFError, "EOF read where object expected");
        }
      } else if (!read_size(*this, "string size out of range", &n)) {
        return Value();
      }
      const uint8_t* p = take(n);
      if (!p) return Value();
      // CPython reads these bytes as Latin-1 without checking that they are ASCII.
      Str* s = str_from_latin1(p, size_t(n));
      if (type == kAsciiInterned || type == kShortAsciiInterned) s = intern(s);
      return remember(Value(s));
    }
    case kUnicode:
    case kInterned: {
      int64_t n;
      if (!read_size(*this, "string size out of range", &n)) return Value();
      const uint8_t* p = take(n);
      if (!p) return Value();
      Value s;
      if (std::all_of(p, p + n, [](uint8_t b) { return b < 0x80; })) {
        s = Value(str_from_ascii({reinterpret_cast<const char*>(p), size_t(n)}));
      } else {
        s = decode_object(Value(bytes_new(p, size_t(n))), Value(intern_cstr("utf-8")), Value(intern_cstr("surrogatepass")));
        if (!s) return Value();
      }
      if ((code & ~kFlagRef) == kInterned) s = Value(intern(s.as<Str>()));
      return remember(s);
    }
    case kSmallTuple:
    case kTuple: {
      int64_t n;
      if ((code & ~kFlagRef) == kSmallTuple) {
        n = byte();
        if (n < 0) {
          if (file) return Value();
          n = 255;  // as CPython, which then finds no item to read
        }
      } else if (!read_size(*this, "tuple size out of range", &n)) {
        return Value();
      }
      return read_tuple(n, flagged);
    }
    case kList: {
      int64_t n;
      if (!read_size(*this, "list size out of range", &n)) return Value();
      List* l = list_new(std::min(n, kPreallocLimit));
      remember(Value(l));
      for (int64_t i = 0; i < n; i++) {
        Value item = object();
        if (!item) {
          if (!error_occurred()) raise(&exc::TypeError, "NULL object in marshal data for list");
          return Value();
        }
        list_append(l, item);
      }
      return Value(l);
    }
    case kDict: {
      Dict* d = dict_new();
      remember(Value(d));
      for (;;) {
        Value key = object();
        if (!key) break;
        Value value = object();
        if (!value) break;
        if (dict_set(d, key, value) < 0) return Value();
      }
      if (error_occurred()) return Value();
      return Value(d);
    }
    case kSet:
    case kFrozenSet: {
      bool frozen = (code & ~kFlagRef) == kFrozenSet;
      int64_t n;
      if (!read_size(*this, "set size out of range", &n)) return Value();
      Set* s = set_new(frozen ? &frozenset_type : &set_type);
      // A set is registered before its items (a reference to it from inside
      // then fails as unhashable); a frozenset's index is only reserved, and
      // taken once it is complete.
      int64_t index = list_size(refs);
      if (flagged) list_append(refs, frozen ? None() : Value(s));
      for (int64_t i = 0; i < n; i++) {
        Value item = object();
        if (!item) {
          if (!error_occurred()) raise(&exc::TypeError, "NULL object in marshal data for set");
          return Value();
        }
        if (set_add(s, item) < 0) return Value();
      }
      if (flagged && frozen) list_set(refs, index, Value(s));
      return Value(s);
    }
    case kRef: {
      int32_t index;
      if (!i32(&index)) return Value();
      if (index < 0 || index >= list_size(refs)) return bad_data("invalid reference");
      Value v = list_get(refs, index);
      if (v == None()) return bad_data("invalid reference");
      return v;
    }
    case kCode: {
      if (!code_format)
        return raise(&exc::ValueError, "bad marshal data (code objects cannot be loaded: Spindle's code objects are not CPython's)");
      // The index is only reserved while the fields are read: a code object cannot contain itself.
      int64_t index = list_size(refs);
      if (flagged) list_append(refs, None());
      Code* c = code_format->read(*this);
      if (!c) return Value();
      if (flagged) list_set(refs, index, Value(c));
      return Value(c);
    }
    default:
      return bad_data("unknown type code");
  }
}

Value read_top_object(Reader& r) {
  Value v = r.object();
  if (!v && !error_occurred()) raise(&exc::TypeError, "NULL object in marshal data for object");
  return v;
}

// ---------------------------------------------------------------- module functions

bool version_arg(const Value* args, size_t nargs, size_t index, int* version) {
  *version = kCurrentVersion;
  return nargs <= index || int_arg(args[index], version);
}

// loads and load take one positional argument, with CPython's METH_O messages.
bool single_argument(const char* fname, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs == 1) return true;
  raise(&exc::TypeError, "%s() takes exactly one argument (%d given)", fname, int(nargs));
  return false;
}

Value marshal_dumps(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("marshal.dumps", kwnames) || !check_positional("dumps", nargs, 1, 2)) return Value();
  int version;
  if (!version_arg(args, nargs, 1, &version)) return Value();
  return marshal_to_bytes(args[0], version);
}

Value marshal_dump(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("marshal.dump", kwnames) || !check_positional("dump", nargs, 2, 3)) return Value();
  int version;
  if (!version_arg(args, nargs, 2, &version)) return Value();
  Value data = marshal_to_bytes(args[0], version);
  if (!data) return Value();
  // What file.write returned, as in CPython.
  return call_method1(args[1], intern_cstr("write"), data);
}

Value marshal_loads(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!single_argument("marshal.loads", nargs, kwnames)) return Value();
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  Reader r;
  r.ptr = view.data;
  r.end = view.data + view.size;
  return read_top_object(r);
}

Value marshal_load(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!single_argument("marshal.load", nargs, kwnames)) return Value();
  // Fails early, before anything is consumed, for a file opened in text mode.
  Value probe = call_method1(args[0], intern_cstr("read"), Value::from_small_int(0));
  if (!probe) return Value();
  if (!is_bytes(probe)) return raise(&exc::TypeError, "file.read() returned not bytes but %s", type_name(probe));
  Reader r;
  r.file = args[0];
  return read_top_object(r);
}

const MethodDef marshal_methods[] = {
    {"dumps", marshal_dumps, kMethodStatic,
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", marshal_dump, kMethodStatic, "Write the value on the open file."},
    {"loads", marshal_loads, kMethodStatic,
     "Convert the bytes-like object to a value. Extra bytes in the input are ignored."},
    {"load", marshal_load, kMethodStatic, "Read one value from the open file and return it."},
    {nullptr}};

bool marshal_init(Module* m) {
  module_add(m, "version", Value::from_small_int(kCurrentVersion));
  return true;
}

}  // namespace

bool marshal_dump_with_code(Value v, const MarshalCodeFormat& format, std::string* out) {
  SortKeyCache sort_keys;
  Writer w(kCurrentVersion, 0, sort_keys);
  w.code_format = &format;
  if (!write_top_object(w, v)) return false;
  *out = std::move(w.out);
  return true;
}

Value marshal_load_with_code(const uint8_t* data, size_t size, const MarshalCodeFormat& format) {
  Reader r;
  r.ptr = data;
  r.end = data + size;
  r.code_format = &format;
  return read_top_object(r);
}

void marshal_write_bytes(MarshalWriter& w, const void* data, size_t size) { static_cast<Writer&>(w).raw(data, size); }

bool marshal_write_value(MarshalWriter& w, Value v) { return static_cast<Writer&>(w).object(v); }

const uint8_t* marshal_read_bytes(MarshalReader& r, size_t size) { return static_cast<Reader&>(r).take(int64_t(size)); }

Value marshal_read_value(MarshalReader& r) { return read_top_object(static_cast<Reader&>(r)); }

extern const ModuleDef marshal_module;
const ModuleDef marshal_module = {"marshal", "Internal Python object serialization.", marshal_methods, marshal_init};

}  // namespace spindle
