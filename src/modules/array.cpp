// The array module: compact arrays of C numbers and characters.
//
// Storage follows bytearray's scheme: writers hold the array's lock while they
// change it; readers take a (storage, size) snapshot without it and clamp the
// size to the storage in hand, so a concurrent resize never makes a read go out
// of bounds. Storage is replaced (never freed under a reader) when it must grow.
// Item conversion (__index__, __float__) runs before the lock is taken. While
// memoryviews export the storage (`exports` > 0) the size cannot change.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type array_type, arrayiterator_type;
Value array_reconstructor;  // the module's _array_reconstructor, returned by __reduce_ex__

// Machine format codes of pickled arrays (shared with CPython's pickles).
enum MachineFormat : int {
  kUInt8 = 0, kInt8 = 1, kUInt16LE = 2, kUInt16BE = 3, kInt16LE = 4, kInt16BE = 5,
  kUInt32LE = 6, kUInt32BE = 7, kInt32LE = 8, kInt32BE = 9, kUInt64LE = 10, kUInt64BE = 11,
  kInt64LE = 12, kInt64BE = 13, kFloatLE = 14, kFloatBE = 15, kDoubleLE = 16, kDoubleBE = 17,
  kUtf16LE = 18, kUtf16BE = 19, kUtf32LE = 20, kUtf32BE = 21,
};

struct Descr {
  char code;
  int size;
  bool is_int;
  bool is_signed;
  int mformat;  // the little-endian machine format of the item
};

const Descr kDescrs[] = {
    {'b', 1, true, true, kInt8},      {'B', 1, true, false, kUInt8},    {'u', 4, false, false, kUtf32LE},
    {'h', 2, true, true, kInt16LE},   {'H', 2, true, false, kUInt16LE}, {'i', 4, true, true, kInt32LE},
    {'I', 4, true, false, kUInt32LE}, {'l', 8, true, true, kInt64LE},   {'L', 8, true, false, kUInt64LE},
    {'q', 8, true, true, kInt64LE},   {'Q', 8, true, false, kUInt64LE}, {'f', 4, false, true, kFloatLE},
    {'d', 8, false, true, kDoubleLE},
};

const Descr* find_descr(uint32_t code) {
  for (const Descr& d : kDescrs)
    if (uint32_t(d.code) == code) return &d;
  return nullptr;
}

struct Storage {
  int64_t capacity;  // bytes
  int64_t pad;       // keeps data 16-byte aligned
  uint8_t data[];    // NOLINT
};

struct ArrayObject : Object {
  Mutex lock;
  const Descr* descr;
  std::atomic<int64_t> size;  // items
  std::atomic<Storage*> storage;
  std::atomic<int64_t> exports;  // live memoryviews: resizing is refused while > 0
};

struct ArrayIterator : Object {
  Value array;  // null once exhausted
  std::atomic<int64_t> index;
};

bool is_array(Value v) { return is_instance_of(v, &array_type); }
ArrayObject* arr(Value v) { return v.as<ArrayObject>(); }

// A consistent view of the items: data stays valid while the array is reachable.
struct Snapshot {
  const uint8_t* data = nullptr;
  int64_t count = 0;
};

Snapshot snapshot(ArrayObject* a) {
  Snapshot s;
  Storage* st = a->storage.load(std::memory_order_acquire);
  int64_t n = a->size.load(std::memory_order_acquire);
  if (!st) return s;
  s.data = st->data;
  s.count = std::min(n, st->capacity / a->descr->size);
  return s;
}

ArrayObject* new_array(Type* type, const Descr* d) {
  auto* a = alloc_instance<ArrayObject>(type);
  new (&a->lock) Mutex();
  a->descr = d;
  new (&a->size) std::atomic<int64_t>(0);
  new (&a->storage) std::atomic<Storage*>(nullptr);
  new (&a->exports) std::atomic<int64_t>(0);
  return a;
}

// ---- items <-> C values ----

Value decode_item(const Descr* d, const uint8_t* p) {
  switch (d->code) {
    case 'b': return Value::from_small_int(*reinterpret_cast<const int8_t*>(p));
    case 'B': return Value::from_small_int(*p);
    case 'h': { int16_t v; std::memcpy(&v, p, 2); return Value::from_small_int(v); }
    case 'H': { uint16_t v; std::memcpy(&v, p, 2); return Value::from_small_int(v); }
    case 'i': { int32_t v; std::memcpy(&v, p, 4); return Value::from_small_int(v); }
    case 'I': { uint32_t v; std::memcpy(&v, p, 4); return int_from_i64(v); }
    case 'l': case 'q': { int64_t v; std::memcpy(&v, p, 8); return int_from_i64(v); }
    case 'L': case 'Q': { uint64_t v; std::memcpy(&v, p, 8); return int_from_u64(v); }
    case 'f': { float v; std::memcpy(&v, p, 4); return float_new(double(v)); }
    case 'd': { double v; std::memcpy(&v, p, 8); return float_new(v); }
    default: {  // 'u'
      uint32_t cp;
      std::memcpy(&cp, p, 4);
      if (cp > 0x10FFFF) return raise(&exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
      return Value(str_from_char(cp));
    }
  }
}

// The checks of CPython's item setters, in their order and with their messages.
bool encode_int(const Descr* d, Value v, uint8_t* out) {
  Value iv = number_index(v);
  if (!iv) return false;
  int sign = int_sign(iv);
  int64_t x = 0;
  uint64_t ux = 0;
  bool fits_signed = int_to_i64(iv, &x);
  if (!fits_signed) clear_error();
  bool fits_unsigned = sign >= 0 && int_to_u64(iv, &ux);
  if (sign >= 0 && !fits_unsigned) clear_error();
  auto fail = [](const char* msg) {
    raise(&exc::OverflowError, "%s", msg);
    return false;
  };
  auto range = [&](int64_t lo, int64_t hi, const char* what) {
    if (x > hi) return fail((std::string(what) + " is greater than maximum").c_str());
    if (x < lo) return fail((std::string(what) + " is less than minimum").c_str());
    return true;
  };
  const char* long_overflow = "Python int too large to convert to C long";
  switch (d->code) {
    case 'b':
      if (!fits_signed) return fail(long_overflow);
      if (!range(SHRT_MIN, SHRT_MAX, "signed short integer") || !range(SCHAR_MIN, SCHAR_MAX, "signed char"))
        return false;
      out[0] = uint8_t(int8_t(x));
      return true;
    case 'B':
      if (!fits_signed) return fail(long_overflow);
      if (!range(0, UCHAR_MAX, "unsigned byte integer")) return false;
      out[0] = uint8_t(x);
      return true;
    case 'h': case 'H': {
      if (!fits_signed) return fail(long_overflow);
      if (d->code == 'h' ? !range(SHRT_MIN, SHRT_MAX, "signed short integer")
                         : !range(INT_MIN, INT_MAX, "signed integer") || !range(0, USHRT_MAX, "unsigned short"))
        return false;
      uint16_t v = uint16_t(x);
      std::memcpy(out, &v, 2);
      return true;
    }
    case 'i': {
      if (!fits_signed) return fail(long_overflow);
      if (!range(INT_MIN, INT_MAX, "signed integer")) return false;
      int32_t v = int32_t(x);
      std::memcpy(out, &v, 4);
      return true;
    }
    case 'I': case 'L': {
      if (sign < 0) return fail("can't convert negative value to unsigned int");
      if (!fits_unsigned) return fail("Python int too large to convert to C unsigned long");
      if (d->code == 'I') {
        if (ux > UINT_MAX) return fail("unsigned int is greater than maximum");
        uint32_t v = uint32_t(ux);
        std::memcpy(out, &v, 4);
      } else {
        std::memcpy(out, &ux, 8);
      }
      return true;
    }
    case 'l': case 'q':
      if (!fits_signed) return fail(d->code == 'l' ? long_overflow : "int too big to convert");
      std::memcpy(out, &x, 8);
      return true;
    default:  // 'Q'
      if (sign < 0) return fail("can't convert negative int to unsigned");
      if (!fits_unsigned) return fail("int too big to convert");
      std::memcpy(out, &ux, 8);
      return true;
  }
}

// Converts v to the item's bytes at out (may run Python code: call without the lock).
bool encode_item(const Descr* d, Value v, uint8_t* out) {
  if (d->is_int) return encode_int(d, v, out);
  if (d->code == 'u') {
    if (!is_str(v) || v.as<Str>()->length != 1) {
      raise(&exc::TypeError, "array item must be unicode character");
      return false;
    }
    uint32_t cp = v.as<Str>()->at(0);
    std::memcpy(out, &cp, 4);
    return true;
  }
  double x;
  if (!is_float(v) && !is_int(v) && !type_of(v)->float_ && !type_of(v)->index) {
    raise(&exc::TypeError, "must be real number, not %s", type_name(v));
    return false;
  }
  if (!to_double(v, &x)) return false;
  if (d->code == 'f') {
    float f = float(x);
    std::memcpy(out, &f, 4);
  } else {
    std::memcpy(out, &x, 8);
  }
  return true;
}

// Encodes the items of an iterable (or a list) into raw bytes.
bool encode_iterable(const Descr* d, Value iterable, std::string* out) {
  Value it = get_iter(iterable);
  if (!it) return false;
  uint8_t item[8];
  for (;;) {
    Value v = iter_next(it);
    if (!v) return !error_occurred();
    if (!encode_item(d, v, item)) return false;
    out->append(reinterpret_cast<char*>(item), size_t(d->size));
  }
}

// ---- mutation (callers hold the lock unless stated) ----

// An unreleased memoryview that became garbage still counts as an export
// until the collector finalizes it: collect once before refusing a resize.
// Call without the lock (finalizers may run Python code).
void collect_dead_views(ArrayObject* a) {
  if (a->exports.load(std::memory_order_acquire) == 0) return;
  gc::collect();
  gc::drain_finalizers();
}

bool check_resizable(ArrayObject* a, int64_t new_count) {
  if (new_count == a->size.load(std::memory_order_relaxed) || a->exports.load(std::memory_order_acquire) == 0)
    return true;
  raise(&exc::BufferError, "cannot resize an array that is exporting buffers");
  return false;
}

// Replaces items [start, stop) with `count` items from src (which must not
// point into the array's storage). Under the lock.
bool splice_locked(ArrayObject* a, int64_t start, int64_t stop, const uint8_t* src, int64_t count) {
  int64_t n = a->size.load(std::memory_order_relaxed);
  int64_t isz = a->descr->size;
  int64_t new_n = n - (stop - start) + count;
  if (!check_resizable(a, new_n)) return false;
  Storage* st = a->storage.load(std::memory_order_relaxed);
  int64_t need = new_n * isz;
  if (!st || need > st->capacity) {
    // Over-allocate as CPython's array_resize does, so appends are amortised O(1).
    int64_t items = new_n + (new_n >> 4) + (new_n < 8 ? 3 : 7);
    auto* grown = static_cast<Storage*>(gc::alloc_atomic(sizeof(Storage) + size_t(items * isz)));
    grown->capacity = items * isz;
    if (start) std::memcpy(grown->data, st->data, size_t(start * isz));
    if (count) std::memcpy(grown->data + start * isz, src, size_t(count * isz));
    if (n > stop) std::memcpy(grown->data + (start + count) * isz, st->data + stop * isz, size_t((n - stop) * isz));
    a->storage.store(grown, std::memory_order_release);
  } else {
    if (n > stop && count != stop - start)
      std::memmove(st->data + (start + count) * isz, st->data + stop * isz, size_t((n - stop) * isz));
    if (count) std::memcpy(st->data + start * isz, src, size_t(count * isz));
  }
  a->size.store(new_n, std::memory_order_release);
  return true;
}

bool splice(ArrayObject* a, int64_t start, int64_t stop, const std::string& bytes) {
  collect_dead_views(a);
  LockGuard guard(a->lock);
  int64_t n = a->size.load(std::memory_order_relaxed);
  start = std::min(start, n);
  stop = std::min(std::max(stop, start), n);
  return splice_locked(a, start, stop, reinterpret_cast<const uint8_t*>(bytes.data()),
                       int64_t(bytes.size()) / a->descr->size);
}

bool append_bytes(ArrayObject* a, const std::string& bytes) {
  return splice(a, INT64_MAX, INT64_MAX, bytes);
}

std::string contents(ArrayObject* a) {
  Snapshot s = snapshot(a);
  return std::string(reinterpret_cast<const char*>(s.data), size_t(s.count * a->descr->size));
}

// ---- construction ----

ArrayObject* array_from_bytes(Type* type, const Descr* d, const std::string& bytes) {
  ArrayObject* a = new_array(type, d);
  if (!bytes.empty())
    splice_locked(a, 0, 0, reinterpret_cast<const uint8_t*>(bytes.data()), int64_t(bytes.size()) / d->size);
  return a;
}

bool typecode_arg(Value v, const char* fname, int argno, uint32_t* out) {
  if (!is_str(v) || v.as<Str>()->length != 1) {
    raise(&exc::TypeError, "%s argument %d must be a unicode character, not %s", fname, argno,
          is_str(v) ? "str" : type_name(v));
    return false;
  }
  *out = v.as<Str>()->at(0);
  return true;
}

Value raise_bad_typecode() {
  return raise(&exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
}

// The items of a 'u' array as a str (ValueError for invalid code points).
Value unicode_of(ArrayObject* a) {
  Snapshot s = snapshot(a);
  std::vector<uint32_t> cps(size_t(s.count));
  if (s.count) std::memcpy(cps.data(), s.data, size_t(s.count) * 4);
  for (uint32_t cp : cps)
    if (cp > 0x10FFFF) return raise(&exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
  return Value(str_from_code_points(cps.data(), cps.size()));
}

std::string unicode_bytes(Str* s) {
  std::string out(size_t(s->length) * 4, '\0');
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t cp = s->at(i);
    std::memcpy(&out[size_t(i) * 4], &cp, 4);
  }
  return out;
}

bool frombytes_check(const Descr* d, int64_t n) {
  if (n % d->size == 0) return true;
  raise(&exc::ValueError, "bytes length not a multiple of item size");
  return false;
}

// The raw bytes an initializer gives an array of descr d.
bool initializer_bytes(const Descr* d, Value init, std::string* out) {
  if (is_str(init)) {
    if (d->code != 'u')
      return raise(&exc::TypeError, "cannot use a str to initialize an array with typecode '%c'", d->code), false;
    *out = unicode_bytes(init.as<Str>());
    return true;
  }
  if (is_array(init)) {
    ArrayObject* src = arr(init);
    if (src->descr->code == 'u' && d->code != 'u')
      return raise(&exc::TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", d->code),
             false;
    if (src->descr == d) {
      *out = contents(src);
      return true;
    }
    return encode_iterable(d, init, out);
  }
  if (is_bytes(init) || is_bytearray(init)) {
    BufferView view;
    if (!get_buffer(init, &view)) return false;
    if (!frombytes_check(d, view.size)) return false;
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
    return true;
  }
  return encode_iterable(d, init, out);
}

Value array_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == &array_type || type->init == array_type.init) && !check_no_kwargs("array.array", kwnames))
    return Value();
  // Keyword arguments, which a subclass's __init__ may take, are not ours.
  if (!check_tuple_nargs("array", nargs, 1, 2)) return Value();
  uint32_t code;
  if (!typecode_arg(args[0], "array()", 1, &code)) return Value();
  const Descr* d = find_descr(code);
  if (!d) return raise_bad_typecode();
  std::string bytes;
  if (nargs > 1 && !initializer_bytes(d, args[1], &bytes)) return Value();
  return Value(array_from_bytes(type, d, bytes));
}

// ---- sequence protocol ----

int64_t array_len(Value self) { return snapshot(arr(self)).count; }

Value item_at(ArrayObject* a, int64_t i) {
  Snapshot s = snapshot(a);
  if (i < 0) i += s.count;
  if (i < 0 || i >= s.count) return raise(&exc::IndexError, "array index out of range");
  return decode_item(a->descr, s.data + i * a->descr->size);
}

bool index_arg(Value key, int64_t* out) { return index_as_i64(key, out, &exc::IndexError); }

Value array_getitem(Value self, Value key) {
  ArrayObject* a = arr(self);
  if (is_slice(key)) {
    Snapshot s = snapshot(a);
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), s.count, &start, &stop, &step, &count)) return Value();
    int64_t isz = a->descr->size;
    std::string out;
    out.reserve(size_t(count * isz));
    for (int64_t k = 0, i = start; k < count; k++, i += step)
      out.append(reinterpret_cast<const char*>(s.data + i * isz), size_t(isz));
    return Value(array_from_bytes(&array_type, a->descr, out));
  }
  if (!type_of(key)->index) return raise(&exc::TypeError, "array indices must be integers");
  int64_t i;
  if (!index_arg(key, &i)) return Value();
  return item_at(a, i);
}

// Deletes the items of an extended slice (indices normalised to a positive step).
bool delete_extended(ArrayObject* a, int64_t start, int64_t step, int64_t count) {
  collect_dead_views(a);
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  int64_t isz = a->descr->size;
  if (!check_resizable(a, s.count - count)) return false;
  std::string kept;
  for (int64_t i = 0; i < s.count; i++) {
    bool removed = i >= start && (i - start) % step == 0 && (i - start) / step < count;
    if (!removed) kept.append(reinterpret_cast<const char*>(s.data + i * isz), size_t(isz));
  }
  return splice_locked(a, 0, s.count, reinterpret_cast<const uint8_t*>(kept.data()), int64_t(kept.size()) / isz);
}

int assign_slice(ArrayObject* a, Slice* slice, Value v) {
  std::string bytes;
  if (v) {
    if (!is_array(v)) {
      raise(&exc::TypeError, "can only assign array (not \"%s\") to array slice", type_name(v));
      return -1;
    }
    if (arr(v)->descr != a->descr) {
      raise(&exc::TypeError, "bad argument type for built-in operation");
      return -1;
    }
    bytes = contents(arr(v));
  }
  int64_t isz = a->descr->size;
  int64_t new_count = int64_t(bytes.size()) / isz;
  int64_t start, stop, step, count;
  if (!slice_indices(slice, snapshot(a).count, &start, &stop, &step, &count)) return -1;
  if (step == 1) return splice(a, start, std::max(start, stop), bytes) ? 0 : -1;
  if (!v) {
    if (count == 0) return 0;
    if (step < 0) {  // the same items, walked upwards
      start = start + step * (count - 1);
      step = -step;
    }
    return delete_extended(a, start, step, count) ? 0 : -1;
  }
  if (new_count != count) {
    raise(&exc::ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
          (long long)new_count, (long long)count);
    return -1;
  }
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  uint8_t* data = const_cast<uint8_t*>(s.data);
  for (int64_t k = 0, i = start; k < count; k++, i += step)
    if (i >= 0 && i < s.count) std::memcpy(data + i * isz, bytes.data() + k * isz, size_t(isz));
  return 0;
}

int array_setitem(Value self, Value key, Value v) {
  ArrayObject* a = arr(self);
  if (is_slice(key)) return assign_slice(a, key.as<Slice>(), v);
  if (!type_of(key)->index) {
    raise(&exc::TypeError, "array indices must be integers");
    return -1;
  }
  int64_t i;
  if (!index_arg(key, &i)) return -1;
  if (!v) {
    collect_dead_views(a);
    LockGuard guard(a->lock);
    int64_t n = a->size.load(std::memory_order_relaxed);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(&exc::IndexError, "array assignment index out of range");
      return -1;
    }
    return splice_locked(a, i, i + 1, nullptr, 0) ? 0 : -1;
  }
  uint8_t item[8];
  {
    int64_t n = snapshot(a).count;
    if ((i < 0 ? i + n : i) < 0 || (i < 0 ? i + n : i) >= n) {
      raise(&exc::IndexError, "array assignment index out of range");
      return -1;
    }
  }
  if (!encode_item(a->descr, v, item)) return -1;
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  if (i < 0) i += s.count;
  if (i < 0 || i >= s.count) {
    raise(&exc::IndexError, "array assignment index out of range");
    return -1;
  }
  std::memcpy(const_cast<uint8_t*>(s.data) + i * a->descr->size, item, size_t(a->descr->size));
  return 0;
}

// Whether the item at p equals v (as Python values compare).
int item_equals(const Descr* d, const uint8_t* p, Value v) {
  Value item = decode_item(d, p);
  if (!item) return -1;
  return rich_compare_bool(item, v, CompareOp::EQ);
}

int array_contains(Value self, Value v) {
  ArrayObject* a = arr(self);
  for (int64_t i = 0;; i++) {
    Snapshot s = snapshot(a);
    if (i >= s.count) return 0;
    int r = item_equals(a->descr, s.data + i * a->descr->size, v);
    if (r != 0) return r;
  }
}

Value array_repr(Value self) {
  ArrayObject* a = arr(self);
  std::string out = type_of(self)->name ? std::string(str_to_utf8(type_of(self)->name)) : "array";
  out += "('";
  out += a->descr->code;
  out += "'";
  if (snapshot(a).count) {
    Value items = a->descr->code == 'u' ? unicode_of(a) : Value();
    if (a->descr->code != 'u') {
      List* l = list_new();
      Snapshot s = snapshot(a);
      for (int64_t i = 0; i < s.count; i++) {
        Value v = decode_item(a->descr, s.data + i * a->descr->size);
        if (!v) return Value();
        list_append(l, v);
      }
      items = Value(l);
    }
    if (!items) return Value();
    Value r = repr(items);
    if (!r) return Value();
    out += ", ";
    out += str_to_utf8(r.as<Str>());
  }
  out += ")";
  return Value(str_from_utf8(out));
}

// ---- comparisons and operators ----

// Compares two items of the same descr as numbers: -1, 0, 1, or 2 when unordered (NaN).
int compare_raw(const Descr* d, const uint8_t* x, const uint8_t* y) {
  auto cmp = [](auto p, auto q) { return p < q ? -1 : p > q ? 1 : p == q ? 0 : 2; };
  switch (d->code) {
    case 'b': return cmp(int8_t(*x), int8_t(*y));
    case 'B': return cmp(*x, *y);
    case 'h': { int16_t p, q; std::memcpy(&p, x, 2); std::memcpy(&q, y, 2); return cmp(p, q); }
    case 'H': { uint16_t p, q; std::memcpy(&p, x, 2); std::memcpy(&q, y, 2); return cmp(p, q); }
    case 'i': { int32_t p, q; std::memcpy(&p, x, 4); std::memcpy(&q, y, 4); return cmp(p, q); }
    case 'I': case 'u': { uint32_t p, q; std::memcpy(&p, x, 4); std::memcpy(&q, y, 4); return cmp(p, q); }
    case 'l': case 'q': { int64_t p, q; std::memcpy(&p, x, 8); std::memcpy(&q, y, 8); return cmp(p, q); }
    case 'L': case 'Q': { uint64_t p, q; std::memcpy(&p, x, 8); std::memcpy(&q, y, 8); return cmp(p, q); }
    case 'f': { float p, q; std::memcpy(&p, x, 4); std::memcpy(&q, y, 4); return cmp(p, q); }
    default: { double p, q; std::memcpy(&p, x, 8); std::memcpy(&q, y, 8); return cmp(p, q); }
  }
}

bool op_holds(int c, CompareOp op) {
  switch (op) {
    case CompareOp::LT: return c == -1;
    case CompareOp::LE: return c == -1 || c == 0;
    case CompareOp::EQ: return c == 0;
    case CompareOp::NE: return c != 0;
    case CompareOp::GT: return c == 1;
    default: return c == 1 || c == 0;
  }
}

Value array_richcompare(Value self, Value other, CompareOp op) {
  if (!is_array(self) || !is_array(other)) return NotImplemented();
  ArrayObject* a = arr(self);
  ArrayObject* b = arr(other);
  Snapshot sa = snapshot(a), sb = snapshot(b);
  if (sa.count != sb.count && (op == CompareOp::EQ || op == CompareOp::NE)) return Bool(op == CompareOp::NE);
  int64_t common = std::min(sa.count, sb.count);
  if (a->descr == b->descr) {
    int64_t isz = a->descr->size;
    for (int64_t i = 0; i < common; i++) {
      int c = compare_raw(a->descr, sa.data + i * isz, sb.data + i * isz);
      if (c != 0) return Bool(op_holds(c, op));
    }
  } else {
    for (int64_t i = 0; i < common; i++) {
      Value x = decode_item(a->descr, sa.data + i * a->descr->size);
      Value y = decode_item(b->descr, sb.data + i * b->descr->size);
      if (!x || !y) return Value();
      int eq = rich_compare_bool(x, y, CompareOp::EQ);
      if (eq < 0) return Value();
      if (!eq) {
        if (op == CompareOp::EQ) return False();
        if (op == CompareOp::NE) return True();
        return rich_compare(x, y, op);
      }
    }
  }
  int c = sa.count < sb.count ? -1 : sa.count > sb.count ? 1 : 0;
  return Bool(op_holds(c, op));
}

Value array_concat(Value self, Value other) {
  if (!is_array(self)) return NotImplemented();
  if (!is_array(other))
    return raise(&exc::TypeError, "can only append array (not \"%s\") to array", type_name(other));
  if (arr(other)->descr != arr(self)->descr) return raise(&exc::TypeError, "bad argument type for built-in operation");
  return Value(array_from_bytes(&array_type, arr(self)->descr, contents(arr(self)) + contents(arr(other))));
}

// s repeated n times; false with MemoryError pending when it cannot be held.
bool repeated(const std::string& s, int64_t n, std::string* out) {
  out->clear();
  if (n <= 0 || s.empty()) return true;
  if (int64_t(s.size()) > (INT64_MAX >> 1) / n) return raise_no_memory(), false;
  try {
    out->reserve(s.size() * size_t(n));
  } catch (const std::bad_alloc&) {
    return raise_no_memory(), false;
  }
  for (int64_t i = 0; i < n; i++) *out += s;
  return true;
}

Value array_repeat(Value self, Value count) {
  bool array_on_left = is_array(self);
  if (!array_on_left) std::swap(self, count);
  if (!is_array(self)) return NotImplemented();
  Type* count_type = type_of(count);
  if (array_on_left && !count_type->index && (!count_type->nb[int(BinaryOp::Mul)] || !(count_type->flags & kTypeHeap)))
    // CPython's sq_repeat error; a class with its own __rmul__ still gets to answer.
    return raise(&exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count));
  int64_t n;
  bool not_implemented = false;
  if (!repeat_count(count, &n, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  std::string bytes;
  if (!repeated(contents(arr(self)), n, &bytes)) return Value();
  return Value(array_from_bytes(&array_type, arr(self)->descr, bytes));
}

Value array_inplace_concat(Value self, Value other) {
  if (!is_array(other))
    return raise(&exc::TypeError, "can only extend array with array (not \"%s\")", type_name(other));
  if (arr(other)->descr != arr(self)->descr) return raise(&exc::TypeError, "can only extend with array of same kind");
  if (!append_bytes(arr(self), contents(arr(other)))) return Value();
  return self;
}

Value array_inplace_repeat(Value self, Value count) {
  int64_t n;
  bool not_implemented = false;
  if (!repeat_count(count, &n, &not_implemented)) {
    if (not_implemented)
      raise(&exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count));
    return Value();
  }
  ArrayObject* a = arr(self);
  collect_dead_views(a);
  LockGuard guard(a->lock);
  std::string bytes;
  if (!repeated(contents(a), n, &bytes)) return Value();
  if (!splice_locked(a, 0, a->size.load(std::memory_order_relaxed), reinterpret_cast<const uint8_t*>(bytes.data()),
                     int64_t(bytes.size()) / a->descr->size))
    return Value();
  return self;
}

// ---- methods ----

bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(name, kwnames) && check_positional(name, nargs, 1, 1);
}

Value m_append(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("append", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  uint8_t item[8];
  if (!encode_item(a->descr, args[0], item)) return Value();
  if (!append_bytes(a, std::string(reinterpret_cast<char*>(item), size_t(a->descr->size)))) return Value();
  return None();
}

Value m_extend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("extend", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  std::string bytes;
  if (is_array(args[0])) {
    if (arr(args[0])->descr != a->descr) return raise(&exc::TypeError, "can only extend with array of same kind");
    bytes = contents(arr(args[0]));
  } else if (!encode_iterable(a->descr, args[0], &bytes)) {
    // CPython appends item by item: the items before the failing one stay.
    Value err = fetch_error();
    int64_t whole = int64_t(bytes.size()) / a->descr->size * a->descr->size;
    bytes.resize(size_t(whole));
    if (!append_bytes(a, bytes)) return Value();
    restore_error(err);
    return Value();
  }
  if (!append_bytes(a, bytes)) return Value();
  return None();
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("insert", kwnames) || !check_positional("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  ArrayObject* a = arr(self);
  uint8_t item[8];
  if (!encode_item(a->descr, args[1], item)) return Value();
  collect_dead_views(a);
  LockGuard guard(a->lock);
  int64_t n = a->size.load(std::memory_order_relaxed);
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  if (!splice_locked(a, i, i, item, 1)) return Value();
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pop", kwnames) || !check_positional("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs && !ssize_arg(args[0], &i)) return Value();
  ArrayObject* a = arr(self);
  collect_dead_views(a);
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  if (s.count == 0) return raise(&exc::IndexError, "pop from empty array");
  if (i < 0) i += s.count;
  if (i < 0 || i >= s.count) return raise(&exc::IndexError, "pop index out of range");
  Value v = decode_item(a->descr, s.data + i * a->descr->size);
  if (!v || !splice_locked(a, i, i + 1, nullptr, 0)) return Value();
  return v;
}

// The index of the first item equal to v in [start, stop), -1 if none, -2 on
// error; the matching item's bytes are copied to `found` when given.
int64_t find_item(ArrayObject* a, Value v, int64_t start, int64_t stop, uint8_t* found = nullptr) {
  int64_t isz = a->descr->size;
  for (int64_t i = start;; i++) {
    Snapshot s = snapshot(a);
    if (i >= std::min(stop, s.count)) return -1;
    uint8_t item[8];
    std::memcpy(item, s.data + i * isz, size_t(isz));
    int r = item_equals(a->descr, item, v);
    if (r < 0) return -2;
    if (r) {
      if (found) std::memcpy(found, item, size_t(isz));
      return i;
    }
  }
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("remove", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  int64_t isz = a->descr->size;
  // The comparison runs unlocked (it may call __eq__); the removal happens
  // only if the item found is still in place, else the search starts over.
  for (;;) {
    uint8_t found[8];
    int64_t i = find_item(a, args[0], 0, INT64_MAX, found);
    if (i == -2) return Value();
    if (i == -1) return raise(&exc::ValueError, "array.remove(x): x not in array");
    collect_dead_views(a);
    LockGuard guard(a->lock);
    Snapshot s = snapshot(a);
    if (i >= s.count || std::memcmp(s.data + i * isz, found, size_t(isz)) != 0) continue;
    if (!splice_locked(a, i, i + 1, nullptr, 0)) return Value();
    return None();
  }
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_positional("index", nargs, 1, 3)) return Value();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start, false)) return Value();
  if (nargs > 2 && !slice_index_arg(args[2], &stop, false)) return Value();
  ArrayObject* a = arr(self);
  clip_range(snapshot(a).count, &start, &stop);
  int64_t i = find_item(a, args[0], start, stop);
  if (i == -2) return Value();
  if (i == -1) return raise(&exc::ValueError, "array.index(x): x not in array");
  return int_from_i64(i);
}

Value m_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("count", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  int64_t found = 0;
  for (int64_t i = 0;; i++) {
    Snapshot s = snapshot(a);
    if (i >= s.count) return int_from_i64(found);
    int r = item_equals(a->descr, s.data + i * a->descr->size, args[0]);
    if (r < 0) return Value();
    found += r;
  }
}

Value m_reverse(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("reverse", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  int64_t isz = a->descr->size;
  uint8_t* data = const_cast<uint8_t*>(s.data);
  uint8_t tmp[8];
  for (int64_t i = 0, j = s.count - 1; i < j; i++, j--) {
    std::memcpy(tmp, data + i * isz, size_t(isz));
    std::memcpy(data + i * isz, data + j * isz, size_t(isz));
    std::memcpy(data + j * isz, tmp, size_t(isz));
  }
  return None();
}

Value m_byteswap(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("byteswap", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  int64_t isz = a->descr->size;
  uint8_t* data = const_cast<uint8_t*>(s.data);
  for (int64_t i = 0; i < s.count; i++) std::reverse(data + i * isz, data + (i + 1) * isz);
  return None();
}

Value m_buffer_info(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("buffer_info", nargs, kwnames)) return Value();
  Snapshot s = snapshot(arr(self));
  return Value(tuple_pack({int_from_u64(uintptr_t(s.data)), int_from_i64(s.count)}));
}

Value m_frombytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("frombytes", nargs, kwnames)) return Value();
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  ArrayObject* a = arr(self);
  if (!frombytes_check(a->descr, view.size)) return Value();
  if (!append_bytes(a, std::string(reinterpret_cast<const char*>(view.data), size_t(view.size)))) return Value();
  return None();
}

Value m_tobytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("tobytes", nargs, kwnames)) return Value();
  std::string bytes = contents(arr(self));
  return Value(bytes_new(bytes.data(), bytes.size()));
}

Value m_fromlist(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("fromlist", nargs, kwnames)) return Value();
  if (!is_list(args[0])) return raise(&exc::TypeError, "arg must be list");
  ArrayObject* a = arr(self);
  std::string bytes;  // all or nothing: nothing is appended when an item fails
  if (!encode_iterable(a->descr, args[0], &bytes) || !append_bytes(a, bytes)) return Value();
  return None();
}

Value m_tolist(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("tolist", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  Snapshot s = snapshot(a);
  List* l = list_new(s.count);
  for (int64_t i = 0; i < s.count; i++) {
    Value v = decode_item(a->descr, s.data + i * a->descr->size);
    if (!v) return Value();
    list_append(l, v);
  }
  return Value(l);
}

Value m_fromunicode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("fromunicode", nargs, kwnames)) return Value();
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]));
  ArrayObject* a = arr(self);
  if (a->descr->code != 'u')
    return raise(&exc::ValueError, "fromunicode() may only be called on unicode type arrays");
  if (!append_bytes(a, unicode_bytes(args[0].as<Str>()))) return Value();
  return None();
}

Value m_tounicode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("tounicode", nargs, kwnames)) return Value();
  ArrayObject* a = arr(self);
  if (a->descr->code != 'u') return raise(&exc::ValueError, "tounicode() may only be called on unicode type arrays");
  return unicode_of(a);
}

Value m_fromfile(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("fromfile", kwnames) || !check_positional("fromfile", nargs, 2, 2)) return Value();
  int64_t n;
  if (!ssize_arg(args[1], &n)) return Value();
  if (n < 0) return raise(&exc::ValueError, "negative count");
  ArrayObject* a = arr(self);
  int64_t isz = a->descr->size;
  if (n > INT64_MAX / isz) return raise_no_memory();
  int64_t nbytes = n * isz;
  Value data = call_method1(args[0], intern_cstr("read"), int_from_i64(nbytes));
  if (!data) return Value();
  if (!is_bytes(data)) return raise(&exc::TypeError, "read() didn't return bytes");
  int64_t got = data.as<Bytes>()->size;
  std::string bytes(data.as<Bytes>()->view().substr(0, size_t(got / isz * isz)));
  if (!append_bytes(a, bytes)) return Value();
  if (got != nbytes) return raise(&exc::EOFError, "read() didn't return enough bytes");
  return None();
}

Value m_tofile(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("tofile", nargs, kwnames)) return Value();
  constexpr size_t kBlock = 64 * 1024;  // written in blocks, as CPython does
  std::string bytes = contents(arr(self));
  Str* write = intern_cstr("write");
  for (size_t off = 0; off < bytes.size(); off += kBlock) {
    size_t len = std::min(kBlock, bytes.size() - off);
    if (!call_method1(args[0], write, Value(bytes_new(bytes.data() + off, len)))) return Value();
  }
  return None();
}

Value m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__copy__", nargs, kwnames)) return Value();
  return Value(array_from_bytes(&array_type, arr(self)->descr, contents(arr(self))));
}

Value m_deepcopy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("__deepcopy__", nargs, kwnames)) return Value();
  return m_copy(self, nullptr, 0, nullptr);
}

Value m_reduce_ex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("__reduce_ex__", nargs, kwnames)) return Value();
  int64_t protocol;
  if (!index_as_i64(args[0], &protocol, &exc::OverflowError)) return Value();
  ArrayObject* a = arr(self);
  Value dict = lookup_attr(self, intern_cstr("__dict__"));
  if (!dict) {
    if (error_occurred()) return Value();
    dict = None();
  }
  Value code(str_from_char(uint32_t(a->descr->code)));
  Value cls(type_of(self));
  if (protocol < 3) {
    Value items = m_tolist(self, nullptr, 0, nullptr);
    if (!items) return Value();
    return Value(tuple_pack({cls, Value(tuple_pack({code, items})), dict}));
  }
  std::string bytes = contents(a);
  Value args_tuple(tuple_pack({cls, code, Value::from_small_int(a->descr->mformat), Value(bytes_new(bytes.data(), bytes.size()))}));
  return Value(tuple_pack({array_reconstructor, args_tuple, dict}));
}

Value m_sizeof(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__sizeof__", nargs, kwnames)) return Value();
  Storage* st = arr(self)->storage.load(std::memory_order_acquire);
  return int_from_i64(int64_t(sizeof(ArrayObject)) + (st ? st->capacity : 0));
}

Value m_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("__class_getitem__", nargs, kwnames)) return Value();
  return generic_alias_new(cls, args[0]);
}

Value get_typecode(Value self) { return Value(str_from_char(uint32_t(arr(self)->descr->code))); }
Value get_itemsize(Value self) { return Value::from_small_int(arr(self)->descr->size); }

// The buffer slot. The storage is read under the lock so that a memoryview,
// which counts itself in `exports` and then asks again, gets storage that no
// resize can replace any more.
bool array_buffer(Value self, BufferView* out) {
  ArrayObject* a = arr(self);
  LockGuard guard(a->lock);
  Snapshot s = snapshot(a);
  out->data = s.data;
  out->size = s.count * a->descr->size;
  out->readonly = false;
  out->owner = self;
  out->format = a->descr->code == 'u' ? 'w' : a->descr->code;  // CPython's format for a 4-byte wchar_t
  out->itemsize = a->descr->size;
  out->exports = &a->exports;
  return true;
}

// ---- iteration ----

Value array_iter(Value self) {
  auto* it = alloc_instance<ArrayIterator>(&arrayiterator_type);
  it->array = self;
  new (&it->index) std::atomic<int64_t>(0);
  return Value(it);
}

Value arrayiter_next(Value self) {
  auto* it = self.as<ArrayIterator>();
  Value array = it->array;
  if (!array) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  ArrayObject* a = arr(array);
  Snapshot s = snapshot(a);
  if (i >= s.count) {
    it->array = Value();
    return Value();
  }
  return decode_item(a->descr, s.data + i * a->descr->size);
}

Value arrayiter_self(Value self) { return self; }

Value arrayiter_reduce(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return Value();
  auto* it = self.as<ArrayIterator>();
  Value iter_fn = dict_get_str(builtins_dict, intern_cstr("iter"));
  if (!iter_fn) return raise(&exc::RuntimeError, "lost builtins.iter");
  Value array = it->array;
  if (!array) return Value(tuple_pack({iter_fn, Value(tuple_pack({Value(tuple_empty())}))}));
  return Value(tuple_pack({iter_fn, Value(tuple_pack({array})), int_from_i64(it->index.load())}));
}

Value arrayiter_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("__setstate__", nargs, kwnames)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  auto* it = self.as<ArrayIterator>();
  if (!it->array) return None();
  int64_t n = snapshot(arr(it->array)).count;
  it->index.store(std::clamp<int64_t>(i, 0, n));
  return None();
}

// ---- _array_reconstructor ----

struct FormatInfo {
  int size;
  bool is_signed;
  bool big_endian;
  char kind;  // 'i' integer, 'f' float, 'u' unicode
};

FormatInfo format_info(int mformat) {
  if (mformat <= kInt8) return {1, mformat == kInt8, false, 'i'};
  if (mformat <= kInt64BE) {
    int rel = mformat - kUInt16LE;
    return {2 << (rel / 4), (rel % 4) >= 2, rel % 2 == 1, 'i'};
  }
  if (mformat <= kDoubleBE) return {mformat <= kFloatBE ? 4 : 8, true, mformat % 2 == 1, 'f'};
  return {mformat <= kUtf16BE ? 2 : 4, false, mformat % 2 == 1, 'u'};
}

uint64_t load_uint(const uint8_t* p, int size, bool big_endian) {
  uint64_t v = 0;
  for (int k = 0; k < size; k++) v |= uint64_t(p[big_endian ? size - 1 - k : k]) << (8 * k);
  return v;
}

Value f_array_reconstructor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_array_reconstructor", kwnames) || !check_positional("_array_reconstructor", nargs, 4, 4))
    return Value();
  if (!is_type_object(args[0]))
    return raise(&exc::TypeError, "first argument must be a type object, not %s", type_name(args[0]));
  Type* type = args[0].as<Type>();
  if (!is_subtype(type, &array_type))
    return raise(&exc::TypeError, "%s is not a subtype of array.array", type_name(type));
  uint32_t code;
  if (!typecode_arg(args[1], "_array_reconstructor()", 2, &code)) return Value();
  int mformat;
  if (!int_arg(args[2], &mformat)) return Value();
  if (!is_bytes(args[3]))
    return raise(&exc::TypeError, "fourth argument should be bytes, not %s", type_name(args[3]));
  const Descr* d = find_descr(code);
  if (!d) return raise(&exc::ValueError, "second argument must be a valid type code");
  if (mformat < kUInt8 || mformat > kUtf32BE)
    return raise(&exc::ValueError, "third argument must be a valid machine format code.");
  std::string_view items = args[3].as<Bytes>()->view();
  if (mformat == d->mformat) {
    if (!frombytes_check(d, int64_t(items.size()))) return Value();
    return Value(array_from_bytes(type, d, std::string(items)));
  }
  FormatInfo f = format_info(mformat);
  if (items.size() % size_t(f.size)) return raise(&exc::ValueError, "string length not a multiple of item size");
  const auto* p = reinterpret_cast<const uint8_t*>(items.data());
  size_t count = items.size() / size_t(f.size);
  std::string bytes;
  if (f.kind == 'u') {
    if (d->code != 'u') return raise(&exc::ValueError, "string length not a multiple of item size");
    const char* codec = f.size == 2 ? (f.big_endian ? "utf-16-be" : "utf-16-le")
                                    : (f.big_endian ? "utf-32-be" : "utf-32-le");
    Value text = call_method1(Value(bytes_new(items.data(), items.size())), intern_cstr("decode"),
                              Value(str_from_ascii(codec)));
    if (!text) return Value();
    return Value(array_from_bytes(type, d, unicode_bytes(text.as<Str>())));
  }
  if (f.kind == 'f') {
    uint8_t item[8];
    for (size_t i = 0; i < count; i++) {
      uint64_t bits = load_uint(p + i * size_t(f.size), f.size, f.big_endian);
      double x;
      if (f.size == 4) {
        float fl;
        uint32_t b32 = uint32_t(bits);
        std::memcpy(&fl, &b32, 4);
        x = fl;
      } else {
        std::memcpy(&x, &bits, 8);
      }
      if (!encode_item(d, float_new(x), item)) return Value();
      bytes.append(reinterpret_cast<char*>(item), size_t(d->size));
    }
    return Value(array_from_bytes(type, d, bytes));
  }
  // Integers: the last integer typecode of the same size and signedness holds them (as in CPython).
  const Descr* target = nullptr;
  for (const Descr& cand : kDescrs)
    if (cand.is_int && cand.size == f.size && cand.is_signed == f.is_signed) target = &cand;
  for (size_t i = 0; i < count; i++) {
    uint64_t v = load_uint(p + i * size_t(f.size), f.size, f.big_endian);
    bytes.append(reinterpret_cast<const char*>(&v), size_t(f.size));  // little-endian host
  }
  return Value(array_from_bytes(type, target, bytes));
}

const MethodDef array_methods[] = {
    {"append", m_append, kMethodInstance, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, kMethodInstance,
     "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", m_byteswap, kMethodInstance, "Byteswap all items of the array."},
    {"__copy__", m_copy, kMethodInstance, "Return a copy of the array."},
    {"count", m_count, kMethodInstance, "Return number of occurrences of v in the array."},
    {"__deepcopy__", m_deepcopy, kMethodInstance, "Return a copy of the array."},
    {"extend", m_extend, kMethodInstance, "Append items to the end of the array."},
    {"frombytes", m_frombytes, kMethodInstance, "Appends items from the string, interpreting it as an array of machine values."},
    {"fromfile", m_fromfile, kMethodInstance, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", m_fromlist, kMethodInstance, "Append items to array from list."},
    {"fromunicode", m_fromunicode, kMethodInstance, "Extends this array with data from the unicode string ustr."},
    {"index", m_index, kMethodInstance, "Return index of first occurrence of v in the array."},
    {"insert", m_insert, kMethodInstance, "Insert a new item v into the array before position i."},
    {"pop", m_pop, kMethodInstance, "Return the i-th element and delete it from the array."},
    {"__reduce_ex__", m_reduce_ex, kMethodInstance, "Return state information for pickling."},
    {"remove", m_remove, kMethodInstance, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, kMethodInstance, "Reverse the order of the items in the array."},
    {"tofile", m_tofile, kMethodInstance, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, kMethodInstance, "Convert array to an ordinary list with the same items."},
    {"tobytes", m_tobytes, kMethodInstance, "Convert the array to an array of machine values and return the bytes representation."},
    {"tounicode", m_tounicode, kMethodInstance, "Extends this array with data from the unicode string ustr."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Size of the array in memory, in bytes."},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const GetSetDef array_getsets[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {nullptr}};

const MethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, kMethodInstance, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, kMethodInstance, "Set state information for unpickling."},
    {nullptr}};

const MethodDef module_functions[] = {
    {"_array_reconstructor", f_array_reconstructor, kMethodStatic, "Internal. Used for pickling support."},
    {nullptr}};

bool array_module_init(Module* m) {
  array_type.native_name = "array.array";
  array_type.doc =
      "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\n"
      "initialized from the optional initializer value, which must be a list,\nstring or iterable over elements of "
      "the appropriate type.";
  array_type.flags = kTypeBaseType | kTypeSequence | kTypeWeakrefable;
  array_type.instance_size = sizeof(ArrayObject);
  array_type.new_ = array_new;
  array_type.repr = array_repr;
  array_type.richcompare = array_richcompare;
  array_type.iter = array_iter;
  array_type.len = array_len;
  array_type.getitem = array_getitem;
  array_type.setitem = array_setitem;
  array_type.contains = array_contains;
  array_type.buffer = array_buffer;
  array_type.nb[int(BinaryOp::Add)] = array_concat;
  array_type.nb[int(BinaryOp::Mul)] = array_repeat;
  array_type.nb_inplace[int(BinaryOp::Add)] = array_inplace_concat;
  array_type.nb_inplace[int(BinaryOp::Mul)] = array_inplace_repeat;
  array_type.methods = array_methods;
  array_type.getsets = array_getsets;
  type_ready(&array_type);

  arrayiterator_type.native_name = "array.arrayiterator";
  arrayiterator_type.instance_size = sizeof(ArrayIterator);
  arrayiterator_type.flags = kTypeDisallowInstantiation;
  arrayiterator_type.iter = arrayiter_self;
  arrayiterator_type.next = arrayiter_next;
  arrayiterator_type.methods = arrayiter_methods;
  type_ready(&arrayiterator_type);

  array_reconstructor = get_attr(Value(m), intern_cstr("_array_reconstructor"));
  if (!array_reconstructor) return false;
  // As in CPython, arrays are registered as mutable sequences.
  Value abc = import_module_cstr("collections.abc");
  Value mutable_sequence = abc ? get_attr(abc, intern_cstr("MutableSequence")) : Value();
  if (!mutable_sequence || !call_method1(mutable_sequence, intern_cstr("register"), Value(&array_type))) return false;
  return module_add(m, "array", Value(&array_type)) >= 0 && module_add(m, "ArrayType", Value(&array_type)) >= 0 &&
         module_add(m, "typecodes", Value(str_from_ascii("bBuhHiIlLqQfd"))) >= 0;
}

}  // namespace

extern const ModuleDef array_module;
const ModuleDef array_module = {
    "array",
    "This module defines an object type which can efficiently represent\nan array of basic values: characters, "
    "integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that "
    "the type of objects stored in them is constrained.\n",
    module_functions, array_module_init};

}  // namespace spindle
