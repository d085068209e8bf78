// memoryview: views of bytes-like objects with struct-style item formats
// (native single characters), slicing, casting and n-dimensional shapes.
//
// A view of a resizable exporter (bytearray, array.array, the buffer of
// BytesIO.getbuffer(): those whose BufferView names an export count) holds one
// of its exports while unreleased, so the exporter refuses to change size
// under it. release() (or leaving a `with` block) returns the export; a view
// that becomes garbage unreleased returns it from a finalizer once collected
// (exporters collect before refusing a resize, see bytearray.cpp). The view's data pointer stays valid as long as
// the view references its object: memory is only reclaimed by the collector.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes_internal.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

Type memoryview_type, memoryview_iterator_type;

namespace {

constexpr int kMaxDim = 64;

struct MemoryView : Object {
  Value obj;               // the exporting object
  uint8_t* buf;            // start of the view's data (items may have negative strides)
  int64_t len;             // product(shape) * itemsize
  int64_t itemsize;
  int ndim;
  bool readonly;
  std::atomic<bool> released;
  std::atomic<int64_t>* export_count;  // obj's count of exports this view is in (null: none)
  char format[4];          // native single character, optionally prefixed with '@'
  std::atomic<int64_t> hash_cache;
  int64_t* shape;          // ndim entries (collected, pointer-free)
  int64_t* strides;
};

MemoryView* mv(Value v) { return v.as<MemoryView>(); }

// The format character without its optional '@'.
char fmt_char(const MemoryView* m) { return m->format[0] == '@' ? m->format[1] : m->format[0]; }
const char* fmt_str(const MemoryView* m) { return m->format[0] == '@' ? m->format + 1 : m->format; }

// Item size of a native single-character format (optionally '@'-prefixed), or 0.
int64_t native_itemsize(std::string_view f) {
  if (!f.empty() && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1) return 0;
  switch (f[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}

inline bool is_byte_format(char c) { return c == 'b' || c == 'B' || c == 'c'; }

bool check_released(const MemoryView* m) {
  if (!m->released.load(std::memory_order_acquire)) return true;
  raise(&exc::ValueError, "operation forbidden on released memoryview object");
  return false;
}

void drop_export(MemoryView* m) {
  if (m->export_count) m->export_count->fetch_sub(1, std::memory_order_acq_rel);
}

void release_view(MemoryView* m) {
  if (m->released.exchange(true, std::memory_order_acq_rel)) return;
  drop_export(m);
}

void finalize_view(void* obj, void*) { release_view(static_cast<MemoryView*>(obj)); }

MemoryView* alloc_view(int ndim) {
  auto* m = alloc_instance<MemoryView>(&memoryview_type);
  new (&m->released) std::atomic<bool>(false);
  new (&m->hash_cache) std::atomic<int64_t>(-1);
  m->ndim = ndim;
  int n = ndim > 0 ? ndim : 1;
  m->shape = static_cast<int64_t*>(gc::alloc_atomic(sizeof(int64_t) * size_t(n)));
  m->strides = static_cast<int64_t*>(gc::alloc_atomic(sizeof(int64_t) * size_t(n)));
  return m;
}

// Makes m one of the exports counted in `count` (an exporter that refuses
// resizing while exported; null: none), adding itself unless the caller
// already did. The finalizer gives the export back if the view is never released.
void hold_export(MemoryView* m, std::atomic<int64_t>* count, bool counted) {
  m->export_count = count;
  if (!count) return;
  if (!counted) count->fetch_add(1, std::memory_order_acq_rel);
  gc::register_finalizer(m, finalize_view, nullptr);
}

// A new view with the same object and layout as `src` (same export rules).
MemoryView* copy_view(const MemoryView* src) {
  MemoryView* m = alloc_view(src->ndim);
  m->obj = src->obj;
  m->buf = src->buf;
  m->len = src->len;
  m->itemsize = src->itemsize;
  m->readonly = src->readonly;
  std::memcpy(m->format, src->format, sizeof(m->format));
  for (int i = 0; i < src->ndim; i++) {
    m->shape[i] = src->shape[i];
    m->strides[i] = src->strides[i];
  }
  hold_export(m, src->export_count, false);
  return m;
}

void set_1d_bytes(MemoryView* m, uint8_t* data, int64_t n) {
  m->buf = data;
  m->len = n;
  m->itemsize = 1;
  std::strcpy(m->format, "B");
  m->shape[0] = n;
  m->strides[0] = 1;
}

}  // namespace

Value memoryview_from_object(Value obj) {
  if (is_type(obj, &memoryview_type)) {
    if (!check_released(mv(obj))) return Value();
    return Value(copy_view(mv(obj)));
  }
  MemoryView* m = alloc_view(1);
  m->obj = obj;
  if (is_bytes(obj)) {
    Bytes* b = obj.as<Bytes>();
    set_1d_bytes(m, b->data_ptr, b->size);
    m->readonly = true;
    return Value(m);
  }
  if (is_bytearray(obj)) {
    // Read the buffer and count the export together, so no resize slips in between.
    ByteArray* b = obj.as<ByteArray>();
    LockGuard guard(b->lock);
    ByteArrayBuffer* buf = b->buffer.load(std::memory_order_relaxed);
    set_1d_bytes(m, buf ? buf->data : nullptr, b->size.load(std::memory_order_relaxed));
    m->readonly = false;
    b->exports.fetch_add(1, std::memory_order_acq_rel);
    hold_export(m, &b->exports, true);
    return Value(m);
  }
  if (BufferFn f = type_of(obj)->buffer) {
    BufferView view;
    if (!f(obj, &view)) return Value();
    if (std::atomic<int64_t>* count = view.exports) {
      // Counted first, the buffer asked for again cannot move any more.
      count->fetch_add(1, std::memory_order_acq_rel);
      if (!f(obj, &view)) {
        count->fetch_sub(1, std::memory_order_acq_rel);
        return Value();
      }
    }
    set_1d_bytes(m, const_cast<uint8_t*>(view.data), view.size);
    if (view.itemsize != 1 || view.format != 'B') {
      m->itemsize = view.itemsize;
      m->format[0] = view.format;
      m->format[1] = 0;
      m->shape[0] = view.size / view.itemsize;
      m->strides[0] = view.itemsize;
    }
    m->readonly = view.readonly;
    hold_export(m, view.exports, true);
    return Value(m);
  }
  return raise(&exc::TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(obj));
}

namespace {

bool c_contiguous(const MemoryView* m) {
  int64_t expected = m->itemsize;
  for (int i = m->ndim - 1; i >= 0; i--) {
    if (m->shape[i] > 1 && m->strides[i] != expected) return false;
    expected *= m->shape[i];
  }
  return true;
}

bool f_contiguous(const MemoryView* m) {
  int64_t expected = m->itemsize;
  for (int i = 0; i < m->ndim; i++) {
    if (m->shape[i] > 1 && m->strides[i] != expected) return false;
    expected *= m->shape[i];
  }
  return true;
}

// The bytes of the view in C order (the data itself when contiguous).
std::string contiguous_bytes(const MemoryView* m) {
  if (c_contiguous(m)) return std::string(reinterpret_cast<const char*>(m->buf), size_t(m->len));
  std::string out;
  int64_t index[kMaxDim] = {};
  int64_t count = m->len / (m->itemsize ? m->itemsize : 1);
  for (int64_t k = 0; k < count; k++) {
    const uint8_t* p = m->buf;
    for (int d = 0; d < m->ndim; d++) p += index[d] * m->strides[d];
    out.append(reinterpret_cast<const char*>(p), size_t(m->itemsize));
    for (int d = m->ndim - 1; d >= 0; d--) {
      if (++index[d] < m->shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

// The buffer slot: contiguous views expose their data; others a copy.
bool mv_buffer(Value self, BufferView* out) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return false;
  out->owner = self;
  if (c_contiguous(m)) {
    out->data = m->buf;
    out->size = m->len;
    out->readonly = m->readonly;
    return true;
  }
  std::string bytes = contiguous_bytes(m);
  Bytes* copy = bytes_new(bytes.data(), bytes.size());
  out->data = copy->data_ptr;
  out->size = copy->size;
  out->readonly = true;
  out->owner = Value(copy);
  return true;
}

// ------------------------------------------------------------------ items

// IEEE half precision (format 'e') to and from double.
double half_to_double(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v;
  if (exp == 0) v = std::ldexp(mant, -24);
  else if (exp == 31) v = mant ? NAN : INFINITY;
  else v = std::ldexp(mant + 1024, exp - 25);
  return sign ? -v : v;
}

bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double a = std::fabs(x);
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  int e;
  double f = std::frexp(a, &e);  // a = f * 2^e, 0.5 <= f < 1
  if (a == 0) {
    *out = sign;
    return true;
  }
  int exp = e + 14;  // biased exponent of the normalised half
  double mant;
  if (exp <= 0) {
    mant = std::nearbyint(std::ldexp(a, 24));  // subnormal: units of 2^-24
    exp = 0;
    if (mant >= 1024) {
      exp = 1;
      mant -= 1024;
    }
  } else {
    mant = std::nearbyint((f * 2 - 1) * 1024);
    if (mant >= 1024) {
      mant = 0;
      exp++;
    }
  }
  if (exp >= 31) {
    raise(&exc::OverflowError, "float too large to pack with e format");
    return false;
  }
  *out = uint16_t(sign | (exp << 10) | int(mant));
  return true;
}

template <class T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

template <class T>
void store(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

Value unpack(char f, const uint8_t* p) {
  switch (f) {
    case 'B': return Value::from_small_int(*p);
    case 'b': return Value::from_small_int(int8_t(*p));
    case 'c': return Value(bytes_new(p, 1));
    case '?': return Bool(*p != 0);
    case 'h': return Value::from_small_int(load<int16_t>(p));
    case 'H': return Value::from_small_int(load<uint16_t>(p));
    case 'i': return Value::from_small_int(load<int32_t>(p));
    case 'I': return Value::from_small_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(load<uint64_t>(p));
    case 'f': return Value::from_double(load<float>(p));
    case 'd': return Value::from_double(load<double>(p));
    case 'e': return Value::from_double(half_to_double(load<uint16_t>(p)));
    default: return raise(&exc::NotImplementedError, "memoryview: format %c not supported", f);
  }
}

Value invalid_type(char f) { return raise(&exc::TypeError, "memoryview: invalid type for format '%c'", f); }
Value invalid_value(char f) { return raise(&exc::ValueError, "memoryview: invalid value for format '%c'", f); }

// Converts v for format f into an integer; false with the memoryview error pending.
bool pack_int(char f, Value v, int64_t* lo, uint64_t* hi, bool is_unsigned) {
  Value i = number_index(v);
  if (!i) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      invalid_type(f);
    }
    return false;
  }
  if (is_unsigned ? int_to_u64(i, hi) : int_to_i64(i, lo)) return true;
  clear_error();
  invalid_value(f);
  return false;
}

bool pack(char f, uint8_t* p, Value v) {
  int64_t s = 0;
  uint64_t u = 0;
  switch (f) {
    case 'c': {
      if (!is_bytes(v)) return (invalid_type(f), false);
      if (v.as<Bytes>()->size != 1) return (invalid_value(f), false);
      *p = v.as<Bytes>()->data_ptr[0];
      return true;
    }
    case '?': {
      int t = truthy(v);
      if (t < 0) return false;
      *p = uint8_t(t);
      return true;
    }
    case 'f': case 'd': case 'e': {
      double d;
      if (v.is_double()) {
        d = v.as_double();
      } else {
        Value fv = type_of(v)->float_ || is_int(v) ? call1(Value(&float_type), v) : Value();
        if (!fv) {
          if (!error_occurred() || error_matches(&exc::TypeError)) {
            clear_error();
            invalid_type(f);
          }
          return false;
        }
        d = fv.as_double();
      }
      if (f == 'd') {
        store<double>(p, d);
      } else if (f == 'f') {
        if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38) {
          raise(&exc::OverflowError, "float too large to pack with f format");
          return false;
        }
        store<float>(p, float(d));
      } else {
        uint16_t h;
        if (!double_to_half(d, &h)) return false;
        store<uint16_t>(p, h);
      }
      return true;
    }
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n':
      if (!pack_int(f, v, &s, &u, false)) return false;
      break;
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P':
      if (!pack_int(f, v, &s, &u, true)) return false;
      break;
    default:
      raise(&exc::NotImplementedError, "memoryview: format %c not supported", f);
      return false;
  }
  switch (f) {
    case 'b': if (s < INT8_MIN || s > INT8_MAX) break; *p = uint8_t(s); return true;
    case 'B': if (u > UINT8_MAX) break; *p = uint8_t(u); return true;
    case 'h': if (s < INT16_MIN || s > INT16_MAX) break; store<int16_t>(p, int16_t(s)); return true;
    case 'H': if (u > UINT16_MAX) break; store<uint16_t>(p, uint16_t(u)); return true;
    case 'i': if (s < INT32_MIN || s > INT32_MAX) break; store<int32_t>(p, int32_t(s)); return true;
    case 'I': if (u > UINT32_MAX) break; store<uint32_t>(p, uint32_t(u)); return true;
    case 'l': case 'q': case 'n': store<int64_t>(p, s); return true;
    default: store<uint64_t>(p, u); return true;
  }
  invalid_value(f);
  return false;
}

// Address of item `index` along dimension `dim` from p.
bool lookup_dimension(const MemoryView* m, uint8_t** p, int dim, int64_t index) {
  int64_t n = m->shape[dim];
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    raise(&exc::IndexError, "index out of bounds on dimension %d", dim + 1);
    return false;
  }
  *p += index * m->strides[dim];
  return true;
}

bool is_index_like(Value v) { return is_int(v) || type_of(v)->index; }

bool is_multiindex(Value key) {
  if (!is_tuple(key)) return false;
  for (Value v : *key.as<Tuple>())
    if (!is_index_like(v)) return false;
  return true;
}

bool is_multislice(Value key) {
  if (!is_tuple(key) || key.as<Tuple>()->size == 0) return false;
  for (Value v : *key.as<Tuple>())
    if (!is_slice(v)) return false;
  return true;
}

// The item addressed by a full tuple of indices.
bool ptr_from_tuple(const MemoryView* m, Tuple* key, uint8_t** p) {
  if (key->size > m->ndim) {
    raise(&exc::TypeError, "cannot index %d-dimension view with %lld-element tuple", m->ndim, (long long)key->size);
    return false;
  }
  *p = m->buf;
  for (int64_t d = 0; d < key->size; d++) {
    int64_t i;
    if (!index_as_i64(key->items[d], &i, &exc::IndexError)) return false;
    if (!lookup_dimension(m, p, int(d), i)) return false;
  }
  return true;
}

// Narrows a 1-dimension slice of the view along its first dimension.
bool apply_slice(MemoryView* m, Slice* s) {
  int64_t start, stop, step, count;
  if (!slice_indices(s, m->shape[0], &start, &stop, &step, &count)) return false;
  m->buf += start * m->strides[0];
  m->shape[0] = count;
  m->strides[0] *= step;
  int64_t items = 1;
  for (int d = 0; d < m->ndim; d++) items *= m->shape[d];
  m->len = items * m->itemsize;
  return true;
}

Value mv_getitem(Value self, Value key) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  char f = fmt_char(m);
  if (m->ndim == 0) {
    if (is_tuple(key) && key.as<Tuple>()->size == 0) return unpack(f, m->buf);
    if (key == Ellipsis()) return self;
    return raise(&exc::TypeError, "invalid indexing of 0-dim memory");
  }
  if (is_index_like(key)) {
    int64_t i;
    if (!index_as_i64(key, &i, &exc::IndexError)) return Value();
    if (m->ndim > 1) return raise(&exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
    uint8_t* p = m->buf;
    if (!lookup_dimension(m, &p, 0, i)) return Value();
    return unpack(f, p);
  }
  if (is_slice(key)) {
    MemoryView* r = copy_view(m);
    if (!apply_slice(r, key.as<Slice>())) return Value();
    return Value(r);
  }
  if (is_multiindex(key)) {
    if (key.as<Tuple>()->size < m->ndim) return raise(&exc::NotImplementedError, "sub-views are not implemented");
    uint8_t* p;
    if (!ptr_from_tuple(m, key.as<Tuple>(), &p)) return Value();
    return unpack(f, p);
  }
  if (is_multislice(key)) return raise(&exc::NotImplementedError, "multi-dimensional slicing is not implemented");
  return raise(&exc::TypeError, "memoryview: invalid slice key");
}

// Same item format and shape (formats compared without '@').
bool equiv_structure(const MemoryView* dest, int64_t dest_count, const char* src_fmt, int64_t src_itemsize,
                     int src_ndim, int64_t src_count) {
  std::string_view sf = src_fmt;
  if (!sf.empty() && sf[0] == '@') sf.remove_prefix(1);
  if (sf == fmt_str(dest) && src_itemsize == dest->itemsize && src_ndim == 1 && src_count == dest_count) return true;
  raise(&exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
  return false;
}

int mv_setitem(Value self, Value key, Value value) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return -1;
  char f = fmt_char(m);
  if (m->readonly) {
    raise(&exc::TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    raise(&exc::TypeError, "cannot delete memory");
    return -1;
  }
  if (m->ndim == 0) {
    if (key == Ellipsis() || (is_tuple(key) && key.as<Tuple>()->size == 0)) return pack(f, m->buf, value) ? 0 : -1;
    raise(&exc::TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (is_index_like(key)) {
    if (m->ndim > 1) {
      raise(&exc::NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    int64_t i;
    if (!index_as_i64(key, &i, &exc::IndexError)) return -1;
    uint8_t* p = m->buf;
    if (!lookup_dimension(m, &p, 0, i)) return -1;
    return pack(f, p, value) ? 0 : -1;
  }
  if (is_slice(key) && m->ndim == 1) {
    // The right side must export a buffer of the same structure.
    std::string src_bytes;
    char src_fmt[4] = "B";
    int64_t src_itemsize = 1, src_shape = 0;
    int src_ndim = 1;
    if (is_type(value, &memoryview_type)) {
      MemoryView* v = mv(value);
      if (!check_released(v)) return -1;
      src_bytes = contiguous_bytes(v);
      std::memcpy(src_fmt, v->format, sizeof(src_fmt));
      src_itemsize = v->itemsize;
      src_ndim = v->ndim;
      src_shape = v->ndim ? v->shape[0] : 0;
    } else {
      BufferView b;
      if (!get_buffer(value, &b)) return -1;
      src_bytes.assign(reinterpret_cast<const char*>(b.data), size_t(b.size));
      src_shape = b.size;
    }
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), m->shape[0], &start, &stop, &step, &count)) return -1;
    if (!equiv_structure(m, count, src_fmt, src_itemsize, src_ndim, src_shape)) return -1;
    uint8_t* base = m->buf + start * m->strides[0];
    int64_t stride = m->strides[0] * step;
    for (int64_t i = 0; i < count; i++)
      std::memcpy(base + i * stride, src_bytes.data() + i * src_itemsize, size_t(src_itemsize));
    return 0;
  }
  if (is_multiindex(key)) {
    if (key.as<Tuple>()->size < m->ndim) {
      raise(&exc::NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    uint8_t* p;
    if (!ptr_from_tuple(m, key.as<Tuple>(), &p)) return -1;
    return pack(f, p, value) ? 0 : -1;
  }
  if (is_slice(key) || is_multislice(key)) {
    raise(&exc::NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    return -1;
  }
  raise(&exc::TypeError, "memoryview: invalid slice key");
  return -1;
}

int64_t mv_len(Value self) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return -1;
  return m->ndim == 0 ? 1 : m->shape[0];
}

// ------------------------------------------------------------------ conversions

// Nested lists of the items, starting at dimension d from p.
Value to_list(const MemoryView* m, const uint8_t* p, int d) {
  char f = fmt_char(m);
  List* l = list_new(m->shape[d]);
  for (int64_t i = 0; i < m->shape[d]; i++) {
    const uint8_t* q = p + i * m->strides[d];
    Value v = d + 1 == m->ndim ? unpack(f, q) : to_list(m, q, d + 1);
    if (!v) return Value();
    list_append(l, v);
  }
  return Value(l);
}

Value m_tolist(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("memoryview.tolist", kw) || !check_nargs("memoryview.tolist", nargs, 0, 0)) return Value();
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  if (m->ndim == 0) return unpack(fmt_char(m), m->buf);
  return to_list(m, m->buf, 0);
}

Value m_tobytes(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"tobytes", {"order"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  if (a[0] && !is_none(a[0])) {
    if (!is_str(a[0]) || a[0].as<Str>()->length != 1 || std::string_view("CFA").find(char(a[0].as<Str>()->at(0))) == std::string_view::npos)
      return raise(&exc::ValueError, "order must be 'C', 'F' or 'A'");
  }
  std::string bytes = contiguous_bytes(m);
  return Value(bytes_new(bytes.data(), bytes.size()));
}

Value m_hex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  std::string bytes = contiguous_bytes(m);
  return bytes_m_hex(Value(bytes_new(bytes.data(), bytes.size())), args, nargs, kw);
}

Value m_release(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("memoryview.release", kw) || !check_nargs("memoryview.release", nargs, 0, 0)) return Value();
  release_view(mv(self));
  return None();
}

Value m_enter(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("memoryview.__enter__", kw) || !check_nargs("memoryview.__enter__", nargs, 0, 0)) return Value();
  if (!check_released(mv(self))) return Value();
  return self;
}

Value m_exit(Value self, const Value*, size_t nargs, Tuple*) {
  release_view(mv(self));
  return None();
}

Value m_toreadonly(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("memoryview.toreadonly", kw) || !check_nargs("memoryview.toreadonly", nargs, 0, 0)) return Value();
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  MemoryView* r = copy_view(m);
  r->readonly = true;
  return Value(r);
}

Value m_cast(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"cast", {"format", "shape"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  if (!c_contiguous(m)) return raise(&exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  bool zero_in_shape = false;
  for (int d = 0; d < m->ndim; d++) zero_in_shape |= m->shape[d] == 0;
  Value shape = a[1] && !is_none(a[1]) ? a[1] : Value();
  if ((shape || m->ndim != 1) && zero_in_shape)
    return raise(&exc::TypeError, "memoryview: cannot cast view with zeros in shape or strides");
  Tuple* dims = nullptr;
  if (shape) {
    if (!is_list(shape) && !is_tuple(shape)) return raise(&exc::TypeError, "shape must be a list or a tuple");
    Value t = tuple_from_iterable(shape);
    if (!t) return Value();
    dims = t.as<Tuple>();
    if (dims->size > kMaxDim) return raise(&exc::ValueError, "memoryview: number of dimensions must not exceed 64");
    if (m->ndim != 1 && dims->size != 1) return raise(&exc::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  if (!is_str(a[0])) return raise(&exc::TypeError, "cast() argument 'format' must be str, not %s", type_name(a[0]));
  std::string fmt = str_to_utf8(a[0].as<Str>());
  int64_t itemsize = native_itemsize(fmt);
  if (!itemsize)
    return raise(&exc::ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  char dest = fmt.back();
  if (!is_byte_format(fmt_char(m)) && !is_byte_format(dest))
    return raise(&exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  if (m->len % itemsize) return raise(&exc::TypeError, "memoryview: length is not a multiple of itemsize");
  int ndim = dims ? int(dims->size) : 1;
  MemoryView* r = alloc_view(ndim);
  r->obj = m->obj;
  r->buf = m->buf;
  r->len = m->len;
  r->itemsize = itemsize;
  r->readonly = m->readonly;
  std::memset(r->format, 0, sizeof(r->format));
  std::memcpy(r->format, fmt.data(), fmt.size());
  if (!dims) {
    r->shape[0] = m->len / itemsize;
    r->strides[0] = itemsize;
  } else {
    int64_t product = itemsize;
    for (int d = 0; d < ndim; d++) {
      int64_t n = 0;
      if (!is_int(dims->items[d]) || !int_to_i64(dims->items[d], &n) || n <= 0) {
        clear_error();
        return raise(&exc::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      }
      r->shape[d] = n;
      product *= n;
    }
    if (product != m->len) return raise(&exc::TypeError, "memoryview: product(shape) * itemsize != buffer size");
    int64_t stride = itemsize;
    for (int d = ndim - 1; d >= 0; d--) {
      r->strides[d] = stride;
      stride *= r->shape[d];
    }
  }
  hold_export(r, m->export_count, false);
  return Value(r);
}

// ------------------------------------------------------------------ comparison, hash, repr

// The items of any buffer exporter as (format char, itemsize, ndim, shape, C-order bytes).
struct Items {
  char fmt = 'B';
  int64_t itemsize = 1;
  int ndim = 1;
  std::vector<int64_t> shape;
  std::string bytes;
};

// False (no error) when v exports no buffer; false with an error for a released view.
bool items_of(Value v, Items* out, bool* released) {
  *released = false;
  if (is_type(v, &memoryview_type)) {
    MemoryView* m = mv(v);
    if (m->released.load(std::memory_order_acquire)) {
      *released = true;
      return false;
    }
    out->fmt = native_itemsize(m->format) ? fmt_char(m) : '_';
    out->itemsize = m->itemsize;
    out->ndim = m->ndim;
    out->shape.assign(m->shape, m->shape + m->ndim);
    out->bytes = contiguous_bytes(m);
    return true;
  }
  if (!is_bytes(v) && !is_bytearray(v) && !type_of(v)->buffer) return false;
  BufferView b;
  if (!get_buffer(v, &b)) {
    clear_error();
    return false;
  }
  out->fmt = b.format;
  out->itemsize = b.itemsize;
  out->shape.assign(1, b.size / b.itemsize);
  out->bytes.assign(reinterpret_cast<const char*>(b.data), size_t(b.size));
  return true;
}

Value mv_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::EQ && op != CompareOp::NE) return NotImplemented();
  bool equal;
  Items x, y;
  bool ra, rb;
  bool ha = items_of(a, &x, &ra), hb = items_of(b, &y, &rb);
  if (ra || rb) {
    // Released views are only equal to themselves.
    equal = a == b;
  } else if (!ha || !hb) {
    return NotImplemented();
  } else if (x.ndim != y.ndim || x.shape != y.shape) {
    equal = false;
  } else if (x.fmt == y.fmt && x.fmt != 'f' && x.fmt != 'd' && x.fmt != 'e') {
    equal = x.bytes == y.bytes;
  } else {
    // Different formats (or floats, where nan != nan): compare item values.
    int64_t n = x.itemsize ? int64_t(x.bytes.size()) / x.itemsize : 0;
    equal = true;
    for (int64_t i = 0; i < n && equal; i++) {
      Value vx = unpack(x.fmt, reinterpret_cast<const uint8_t*>(x.bytes.data()) + i * x.itemsize);
      Value vy = unpack(y.fmt, reinterpret_cast<const uint8_t*>(y.bytes.data()) + i * y.itemsize);
      if (!vx || !vy) return Value();
      // No identity shortcut: a nan item is unequal to itself.
      Value r = rich_compare(vx, vy, CompareOp::EQ);
      int t = r ? truthy(r) : -1;
      if (t < 0) return Value();
      equal = t;
    }
  }
  return Bool(op == CompareOp::EQ ? equal : !equal);
}

int64_t mv_hash(Value self) {
  MemoryView* m = mv(self);
  int64_t h = m->hash_cache.load(std::memory_order_relaxed);
  if (h != -1) return h;
  if (!check_released(m)) return -1;
  if (!m->readonly) {
    raise(&exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!is_byte_format(fmt_char(m))) {
    raise(&exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  if (m->obj && hash(m->obj) == -1) return -1;
  std::string bytes = contiguous_bytes(m);
  h = hash_memory(bytes.data(), bytes.size());
  m->hash_cache.store(h, std::memory_order_relaxed);
  return h;
}

Value mv_repr(Value self) {
  MemoryView* m = mv(self);
  char buf[64];
  std::snprintf(buf, sizeof(buf), m->released.load() ? "<released memory at %p>" : "<memory at %p>", static_cast<void*>(m));
  return Value(str_from_ascii(buf));
}

Value mv_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"memoryview", {"object"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return memoryview_from_object(a[0]);
}

// ------------------------------------------------------------------ attributes

#define SPINDLE_MV_GETTER(name, expr)           \
  Value get_##name(Value self) {                \
    MemoryView* m = mv(self);                   \
    if (!check_released(m)) return Value();     \
    return expr;                                \
  }

Value int_tuple(const int64_t* items, int n) {
  Tuple* t = tuple_new(n);
  for (int i = 0; i < n; i++) t->items[i] = int_from_i64(items[i]);
  return Value(t);
}

SPINDLE_MV_GETTER(obj, m->obj)
SPINDLE_MV_GETTER(nbytes, int_from_i64(m->len))
SPINDLE_MV_GETTER(readonly, Bool(m->readonly))
SPINDLE_MV_GETTER(itemsize, int_from_i64(m->itemsize))
SPINDLE_MV_GETTER(format, Value(str_from_ascii(m->format)))
SPINDLE_MV_GETTER(ndim, Value::from_small_int(m->ndim))
SPINDLE_MV_GETTER(shape, int_tuple(m->shape, m->ndim))
SPINDLE_MV_GETTER(strides, int_tuple(m->strides, m->ndim))
SPINDLE_MV_GETTER(suboffsets, Value(tuple_empty()))
SPINDLE_MV_GETTER(c_contiguous, Bool(c_contiguous(m)))
SPINDLE_MV_GETTER(f_contiguous, Bool(f_contiguous(m)))
SPINDLE_MV_GETTER(contiguous, Bool(c_contiguous(m) || f_contiguous(m)))
#undef SPINDLE_MV_GETTER

const GetSetDef mv_getsets[] = {
    {"obj", get_obj, nullptr, "The underlying object of the memoryview."},
    {"nbytes", get_nbytes, nullptr, "The amount of space in bytes that the array would use in a contiguous representation."},
    {"readonly", get_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", get_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", get_format, nullptr, "A string containing the format (in struct module style) for each element in the view."},
    {"ndim", get_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional array the memory represents."},
    {"shape", get_shape, nullptr, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array."},
    {"strides", get_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access each element for each dimension of the array."},
    {"suboffsets", get_suboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", get_c_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", get_f_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {nullptr}};

const MethodDef mv_methods[] = {
    {"release", m_release, kMethodInstance, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", m_tobytes, kMethodInstance, "Return the data in the buffer as a byte string."},
    {"hex", m_hex, kMethodInstance, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", m_tolist, kMethodInstance, "Return the data in the buffer as a list of elements."},
    {"cast", m_cast, kMethodInstance, "Cast a memoryview to a new format or shape."},
    {"toreadonly", m_toreadonly, kMethodInstance, "Return a readonly version of the memoryview."},
    {"__enter__", m_enter, kMethodInstance, nullptr},
    {"__exit__", m_exit, kMethodInstance, nullptr},
    {nullptr}};

// ------------------------------------------------------------------ iteration

struct MemoryIterator : Object {
  Value view;  // null when exhausted
  int64_t index;
};

Value mv_iter(Value self) {
  MemoryView* m = mv(self);
  if (!check_released(m)) return Value();
  if (m->ndim == 0) return raise(&exc::TypeError, "invalid indexing of 0-dim memory");
  if (m->ndim > 1) return raise(&exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
  auto* it = alloc_instance<MemoryIterator>(&memoryview_iterator_type);
  it->view = self;
  it->index = 0;
  return Value(it);
}

Value mv_iter_next(Value self) {
  auto* it = self.as<MemoryIterator>();
  if (!it->view) return Value();
  MemoryView* m = mv(it->view);
  if (!check_released(m)) return Value();
  int64_t i = it->index;  // read once (an iterator may be shared between threads)
  if (i < 0 || i >= m->shape[0]) {
    it->view = Value();
    return Value();
  }
  it->index = i + 1;
  return unpack(fmt_char(m), m->buf + i * m->strides[0]);
}

Value iter_self(Value self) { return self; }

}  // namespace

void init_memoryview_type() {
  memoryview_type.native_name = "memoryview";
  memoryview_type.instance_size = sizeof(MemoryView);
  memoryview_type.new_ = mv_new;
  memoryview_type.repr = mv_repr;
  memoryview_type.hash = mv_hash;
  memoryview_type.richcompare = mv_richcompare;
  memoryview_type.len = mv_len;
  memoryview_type.getitem = mv_getitem;
  memoryview_type.setitem = mv_setitem;
  memoryview_type.iter = mv_iter;
  memoryview_type.buffer = mv_buffer;
  memoryview_type.getsets = mv_getsets;
  memoryview_type.methods = mv_methods;
  memoryview_type.doc = "Create a new memoryview object which references the given object.";

  memoryview_iterator_type.native_name = "memory_iterator";
  memoryview_iterator_type.instance_size = sizeof(MemoryIterator);
  memoryview_iterator_type.iter = iter_self;
  memoryview_iterator_type.next = mv_iter_next;
}

}  // namespace spindle
