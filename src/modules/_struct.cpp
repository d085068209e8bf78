// The _struct module: conversion between Python values and C structs packed
// in bytes. A format is compiled once into a Struct (a list of items with
// their offsets); the module-level functions compile their format per call.
// Sizes, alignment and error messages follow CPython 3.11 on x86-64, where the
// little-endian and '=' orders share the native integer routines' messages.
#include <cmath>
#include <cstring>
#include <string>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type struct_type, unpack_iterator_type;
Type* struct_error;  // struct.error, created at module init

enum class Order : uint8_t { Native, NativeStandard, Little, Big };

// A run of `repeat` values of one code (repeat is 1 for 's' and 'p', whose
// size is the field length), kept compact so "1000000b" costs one entry.
struct Item {
  char code;
  uint32_t size;
  int64_t repeat;
  int64_t offset;
};

struct StructObject : Object {
  Value format;  // str
  int64_t size;
  int64_t count;  // values packed/unpacked
  int64_t runs;   // entries in items
  Order order;
  Item* items;    // pointer-free, gc::alloc_atomic
};

struct UnpackIterator : Object {
  StructObject* s;
  Value buffer_owner;
  const uint8_t* data;
  int64_t length;
  std::atomic<int64_t> offset;
};

StructObject* S(Value v) { return v.as<StructObject>(); }

bool is_big(Order o) { return o == Order::Big; }

// The size of a code (0: not valid in this mode).
uint32_t code_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

// ---- compiling formats

bool compile(StructObject* s, Value format) {
  std::string text;
  if (is_str(format)) {
    text = str_to_utf8(format.as<Str>());
  } else if (is_instance_of(format, &bytes_type)) {
    BufferView view;
    if (!get_buffer(format, &view)) return false;
    text.assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
    format = Value(str_from_latin1(view.data, size_t(view.size)));
  } else {
    raise(&exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %s", type_name(format));
    return false;
  }
  if (text.find('\0') != std::string::npos) {
    raise(struct_error, "embedded null character");
    return false;
  }
  size_t pos = 0;
  Order order = Order::Native;
  if (!text.empty()) {
    switch (text[0]) {
      case '@': pos = 1; break;
      case '=': order = Order::NativeStandard; pos = 1; break;
      case '<': order = Order::Little; pos = 1; break;
      case '>': case '!': order = Order::Big; pos = 1; break;
    }
  }
  bool native = order == Order::Native;
  // First pass: validate and count; second: lay out the items.
  for (int pass = 0; pass < 2; pass++) {
    int64_t size = 0, count = 0, runs = 0;
    for (size_t i = pos; i < text.size();) {
      unsigned char ch = text[i];
      if (isspace(ch)) {
        i++;
        continue;
      }
      int64_t repeat = 1;
      if (isdigit(ch)) {
        repeat = 0;
        while (i < text.size() && isdigit(static_cast<unsigned char>(text[i]))) {
          if (repeat > (INT64_MAX - 9) / 10) {
            raise(struct_error, "total struct size too long");
            return false;
          }
          repeat = repeat * 10 + (text[i++] - '0');
        }
        if (i >= text.size()) {
          raise(struct_error, "repeat count given without format specifier");
          return false;
        }
        ch = text[i];
      }
      i++;
      uint32_t item_size = code_size(char(ch), native);
      if (!item_size) {
        raise(struct_error, "bad char in struct format");
        return false;
      }
      bool aligned_type = native && item_size > 1 && ch != 's' && ch != 'p' && ch != 'x';
      if (aligned_type) size = (size + item_size - 1) / item_size * item_size;
      if (ch == 's' || ch == 'p') {
        if (repeat > UINT32_MAX) {
          raise(struct_error, "total struct size too long");
          return false;
        }
        if (pass) s->items[runs] = Item{char(ch), uint32_t(repeat), 1, size};
        runs++;
        count++;
        size += repeat;
      } else if (ch == 'x') {
        size += repeat;
      } else {
        if (repeat > (INT64_MAX - size) / item_size) {
          raise(struct_error, "total struct size too long");
          return false;
        }
        if (repeat) {
          if (pass) s->items[runs] = Item{char(ch), item_size, repeat, size};
          runs++;
        }
        count += repeat;
        size += repeat * item_size;
      }
      if (size < 0 || size > INT64_MAX / 2) {
        raise(struct_error, "total struct size too long");
        return false;
      }
    }
    if (pass == 0) {
      s->items = static_cast<Item*>(gc::alloc_atomic(sizeof(Item) * size_t(runs ? runs : 1)));
    } else {
      s->runs = runs;
      s->size = size;
      s->count = count;
    }
  }
  s->order = order;
  s->format = format;
  return true;
}

// ---- packing

void store_bits(uint8_t* out, uint64_t bits, uint32_t size, Order order) {
  for (uint32_t k = 0; k < size; k++) {
    uint8_t byte = uint8_t(bits >> (8 * k));
    out[is_big(order) ? size - 1 - k : k] = byte;
  }
}

uint64_t load_bits(const uint8_t* in, uint32_t size, Order order) {
  uint64_t bits = 0;
  for (uint32_t k = 0; k < size; k++) bits |= uint64_t(in[is_big(order) ? size - 1 - k : k]) << (8 * k);
  return bits;
}

bool is_signed_code(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

// Packs an integer, raising struct.error with the message CPython's routine for
// this code and byte order gives.
bool pack_int(const Item& item, Order order, Value v, uint8_t* out) {
  if (!is_int(v)) {
    if (!type_of(v)->index) {
      raise(struct_error, "required argument is not an integer");
      return false;
    }
    v = number_index(v);
    if (!v) return false;
  }
  char c = item.code;
  bool big = is_big(order);
  // Which C conversion CPython uses first: a signed or unsigned 64-bit one.
  bool unsigned_getter = c == 'I' || c == 'L' || c == 'Q' || c == 'N' || (c == 'H' && big);
  const char* overflow_msg = "argument out of range";
  if (c == 'P' || (big && (c == 'q' || c == 'Q'))) overflow_msg = "int too large to convert";
  int64_t sv = 0;
  uint64_t uv = 0;
  if (c == 'P') {
    if (int_sign(v) < 0 ? !int_to_i64(v, &sv) : !int_to_u64(v, &uv)) {
      clear_error();
      raise(struct_error, "%s", overflow_msg);
      return false;
    }
    store_bits(out, int_sign(v) < 0 ? uint64_t(sv) : uv, item.size, order);
    return true;
  }
  if (unsigned_getter ? (int_sign(v) < 0 || !int_to_u64(v, &uv)) : !int_to_i64(v, &sv)) {
    clear_error();
    raise(struct_error, "%s", overflow_msg);
    return false;
  }
  if (!unsigned_getter) uv = uint64_t(sv);
  if (item.size < 8) {
    int bits = int(item.size * 8);
    bool in_range;
    if (unsigned_getter) {
      in_range = uv < (uint64_t(1) << bits);
    } else if (is_signed_code(c)) {
      in_range = sv >= -(int64_t(1) << (bits - 1)) && sv < (int64_t(1) << (bits - 1));
    } else {
      in_range = sv >= 0 && sv < (int64_t(1) << bits);
    }
    if (!in_range) {
      if (c == 'b') raise(struct_error, "byte format requires -128 <= number <= 127");
      else if (c == 'B') raise(struct_error, "ubyte format requires 0 <= number <= 255");
      else if (c == 'h' && !big) raise(struct_error, "short format requires -32768 <= number <= 32767");
      else if (c == 'H' && !big) raise(struct_error, "ushort format requires 0 <= number <= 65535");
      else if (is_signed_code(c))
        raise(struct_error, "'%c' format requires %lld <= number <= %lld", c, -(1LL << (bits - 1)), (1LL << (bits - 1)) - 1);
      else
        raise(struct_error, "'%c' format requires 0 <= number <= %llu", c, (1ULL << bits) - 1);
      return false;
    }
  }
  store_bits(out, uv, item.size, order);
  return true;
}

// IEEE 754 binary16 bits of x, rounded to nearest even; false on overflow.
bool half_bits(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  double ax = std::fabs(x);
  if (ax == 0) {
    *out = sign;
    return true;
  }
  int e;
  double m = std::frexp(ax, &e);  // ax = m * 2^e, 0.5 <= m < 1
  int exponent = e - 1;           // ax = (2m) * 2^exponent
  if (exponent < -14) {
    // Subnormal: units of 2^-24; a carry to 1024 is the smallest normal, whose bits are the same.
    *out = sign | uint16_t(std::nearbyint(std::ldexp(ax, 24)));
    return true;
  }
  double mantissa = std::nearbyint((2 * m - 1) * 1024);
  if (mantissa == 1024) {
    mantissa = 0;
    exponent++;
  }
  if (exponent > 15) return false;
  *out = sign | uint16_t((exponent + 15) << 10) | uint16_t(mantissa);
  return true;
}

double half_value(uint16_t bits) {
  int exponent = (bits >> 10) & 0x1f;
  int mantissa = bits & 0x3ff;
  double v;
  if (exponent == 0) v = std::ldexp(double(mantissa), -24);
  else if (exponent == 31) v = mantissa ? NAN : INFINITY;
  else v = std::ldexp(double(mantissa + 1024), exponent - 25);
  return (bits & 0x8000) ? -v : v;
}

bool pack_item(const Item& item, Order order, Value v, uint8_t* out) {
  switch (item.code) {
    case 'c': {
      if (is_instance_of(v, &bytes_type) && length(v) == 1) {
        BufferView view;
        if (!get_buffer(v, &view)) return false;
        out[0] = view.data[0];
        return true;
      }
      raise(struct_error, "char format requires a bytes object of length 1");
      return false;
    }
    case 's':
    case 'p': {
      if (!is_instance_of(v, &bytes_type) && !is_instance_of(v, &bytearray_type)) {
        raise(struct_error, "argument for '%c' must be a bytes object", item.code);
        return false;
      }
      BufferView view;
      if (!get_buffer(v, &view)) return false;
      int64_t room = item.code == 's' ? item.size : int64_t(item.size) - 1;
      int64_t n = view.size < room ? view.size : room;
      if (n < 0) n = 0;
      uint8_t* dest = item.code == 's' ? out : out + 1;
      if (n) memcpy(dest, view.data, size_t(n));
      if (item.code == 'p' && item.size > 0) out[0] = uint8_t(n > 255 ? 255 : n);
      return true;
    }
    case '?': {
      int t = truthy(v);
      if (t < 0) return false;
      out[0] = uint8_t(t);
      return true;
    }
    case 'e':
    case 'f':
    case 'd': {
      double x;
      if (!to_double(v, &x)) {
        clear_error();
        raise(struct_error, "required argument is not a float");
        return false;
      }
      if (item.code == 'd') {
        uint64_t bits;
        memcpy(&bits, &x, 8);
        store_bits(out, bits, 8, order);
      } else if (item.code == 'f') {
        float y = float(x);
        // The native routine converts without checking, as CPython's does.
        if (order != Order::Native && std::isinf(y) && !std::isinf(x)) {
          raise(&exc::OverflowError, "float too large to pack with f format");
          return false;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        store_bits(out, bits, 4, order);
      } else {
        uint16_t bits;
        if (!half_bits(x, &bits)) {
          raise(&exc::OverflowError, "float too large to pack with e format");
          return false;
        }
        store_bits(out, bits, 2, order);
      }
      return true;
    }
    default:
      return pack_int(item, order, v, out);
  }
}

// Packs args (exactly s->count of them) into out, which is zeroed first.
bool pack_values(StructObject* s, const char* fname, const Value* args, size_t nargs, uint8_t* out) {
  if (int64_t(nargs) != s->count) {
    raise(struct_error, "%s expected %lld items for packing (got %zd)", fname, (long long)s->count, ssize_t(nargs));
    return false;
  }
  memset(out, 0, size_t(s->size));
  const Value* arg = args;
  for (int64_t r = 0; r < s->runs; r++) {
    const Item& item = s->items[r];
    for (int64_t k = 0; k < item.repeat; k++)
      if (!pack_item(item, s->order, *arg++, out + item.offset + k * item.size)) return false;
  }
  return true;
}

// ---- unpacking

Value unpack_item(const Item& item, Order order, const uint8_t* in) {
  switch (item.code) {
    case 'c': return Value(bytes_new(in, 1));
    case 's': return Value(bytes_new(in, item.size));
    case 'p': {
      uint32_t n = item.size ? in[0] : 0;
      if (item.size && n >= item.size) n = item.size - 1;
      return Value(bytes_new(in + 1, n));
    }
    case '?': return Bool(in[0] != 0);
    case 'e': return Value::from_double(half_value(uint16_t(load_bits(in, 2, order))));
    case 'f': {
      uint32_t bits = uint32_t(load_bits(in, 4, order));
      float f;
      memcpy(&f, &bits, 4);
      return Value::from_double(f);
    }
    case 'd': {
      uint64_t bits = load_bits(in, 8, order);
      double d;
      memcpy(&d, &bits, 8);
      return Value::from_double(d);
    }
    default: {
      uint64_t bits = load_bits(in, item.size, order);
      if (is_signed_code(item.code)) {
        int shift = int(64 - 8 * item.size);
        return int_from_i64(shift ? int64_t(bits << shift) >> shift : int64_t(bits));
      }
      return int_from_u64(bits);
    }
  }
}

Value unpack_at(StructObject* s, const uint8_t* data) {
  Tuple* t = tuple_new(s->count);
  int64_t i = 0;
  for (int64_t r = 0; r < s->runs; r++) {
    const Item& item = s->items[r];
    for (int64_t k = 0; k < item.repeat; k++) t->items[i++] = unpack_item(item, s->order, data + item.offset + k * item.size);
  }
  return Value(t);
}

bool writable_buffer(Value v, BufferView* view) {
  if (!get_buffer(v, view)) return false;
  if (view->readonly) {
    raise(&exc::TypeError, "argument must be read-write bytes-like object, not %s", type_name(v));
    return false;
  }
  return true;
}

// ---- operations shared by Struct methods and module functions

Value do_pack(StructObject* s, const Value* args, size_t nargs) {
  std::string out(size_t(s->size), '\0');
  if (!pack_values(s, "pack", args, nargs, reinterpret_cast<uint8_t*>(out.data()))) return Value();
  return Value(bytes_new(out.data(), out.size()));
}

Value do_pack_into(StructObject* s, const Value* args, size_t nargs) {
  if (nargs < 1) return raise(struct_error, "pack_into expected buffer argument");
  if (nargs < 2) return raise(struct_error, "pack_into expected offset argument");
  if (int64_t(nargs - 2) != s->count)
    return raise(struct_error, "pack_into expected %lld items for packing (got %zd)", (long long)s->count, ssize_t(nargs - 2));
  BufferView view;
  if (!writable_buffer(args[0], &view)) return Value();
  int64_t offset;
  if (!ssize_arg(args[1], &offset)) return Value();
  if (offset < 0) {
    if (offset + s->size > 0)
      return raise(struct_error, "no space to pack %lld bytes at offset %lld", (long long)s->size, (long long)offset);
    if (offset + view.size < 0)
      return raise(struct_error, "offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)view.size);
    offset += view.size;
  }
  if (view.size - offset < s->size)
    return raise(struct_error,
                 "pack_into requires a buffer of at least %lld bytes for packing %lld bytes at offset %lld (actual buffer "
                 "size is %lld)",
                 (long long)(s->size + offset), (long long)s->size, (long long)offset, (long long)view.size);
  std::string packed(size_t(s->size), '\0');
  if (!pack_values(s, "pack_into", args + 2, nargs - 2, reinterpret_cast<uint8_t*>(packed.data()))) return Value();
  memcpy(const_cast<uint8_t*>(view.data) + offset, packed.data(), packed.size());
  return None();
}

Value do_unpack(StructObject* s, Value buffer) {
  BufferView view;
  if (!get_buffer(buffer, &view)) return Value();
  if (view.size != s->size) return raise(struct_error, "unpack requires a buffer of %lld bytes", (long long)s->size);
  return unpack_at(s, view.data);
}

Value do_unpack_from(StructObject* s, Value buffer, Value offset_arg) {
  BufferView view;
  if (!get_buffer(buffer, &view)) return Value();
  int64_t offset = 0;
  if (offset_arg && !ssize_arg(offset_arg, &offset)) return Value();
  if (offset < 0) {
    if (offset + s->size > 0)
      return raise(struct_error, "not enough data to unpack %lld bytes at offset %lld", (long long)s->size, (long long)offset);
    if (offset + view.size < 0)
      return raise(struct_error, "offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)view.size);
    offset += view.size;
  }
  if (view.size - offset < s->size)
    return raise(struct_error,
                 "unpack_from requires a buffer of at least %lld bytes for unpacking %lld bytes at offset %lld "
                 "(actual buffer size is %lld)",
                 (long long)(s->size + offset), (long long)s->size, (long long)offset, (long long)view.size);
  return unpack_at(s, view.data + offset);
}

Value do_iter_unpack(StructObject* s, Value buffer) {
  if (s->size == 0) return raise(struct_error, "cannot iteratively unpack with a struct of length 0");
  BufferView view;
  if (!get_buffer(buffer, &view)) return Value();
  if (view.size % s->size)
    return raise(struct_error, "iterative unpacking requires a buffer of a multiple of %lld bytes", (long long)s->size);
  auto* it = alloc_instance<UnpackIterator>(&unpack_iterator_type);
  it->s = s;
  it->buffer_owner = view.owner ? view.owner : buffer;
  it->data = view.data;
  it->length = view.size;
  it->offset.store(0);
  return Value(it);
}

StructObject* compile_new(Value format) {
  auto* s = alloc_instance<StructObject>(&struct_type);
  return compile(s, format) ? s : nullptr;
}

// ---- Struct type

Value struct_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = alloc_instance<StructObject>(type);
  s->format = Value(intern_cstr(""));
  s->items = static_cast<Item*>(gc::alloc_atomic(sizeof(Item)));
  return Value(s);
}

int struct_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"Struct", {"format"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  return compile(S(self), a[0]) ? 0 : -1;
}

Value struct_pack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack", kwnames)) return Value();
  return do_pack(S(self), args, nargs);
}
Value struct_pack_into(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack_into", kwnames)) return Value();
  return do_pack_into(S(self), args, nargs);
}
Value struct_unpack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unpack", kwnames) || !check_positional("unpack", nargs, 1, 1)) return Value();
  return do_unpack(S(self), args[0]);
}
Value struct_unpack_from(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"unpack_from", {"buffer", "offset"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return do_unpack_from(S(self), a[0], a[1]);
}
Value struct_iter_unpack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("iter_unpack", kwnames) || !check_positional("iter_unpack", nargs, 1, 1)) return Value();
  return do_iter_unpack(S(self), args[0]);
}
Value struct_sizeof(Value self, const Value*, size_t, Tuple*) {
  return int_from_i64(int64_t(sizeof(StructObject)) + S(self)->runs * int64_t(sizeof(Item)));
}
Value struct_get_format(Value self) { return S(self)->format; }
Value struct_get_size(Value self) { return int_from_i64(S(self)->size); }

const MethodDef struct_methods[] = {
    {"pack", struct_pack, kMethodInstance, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", struct_pack_into, kMethodInstance, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", struct_unpack, kMethodInstance, "Return a tuple containing unpacked values."},
    {"unpack_from", struct_unpack_from, kMethodInstance, "Return a tuple containing unpacked values."},
    {"iter_unpack", struct_iter_unpack, kMethodInstance, "Return an iterator yielding tuples."},
    {"__sizeof__", struct_sizeof, kMethodInstance, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr}};
const GetSetDef struct_getsets[] = {{"format", struct_get_format, nullptr, "struct format string"},
                                    {"size", struct_get_size, nullptr, "struct size in bytes"},
                                    {nullptr}};

// ---- unpack iterator

Value unpack_iterator_next(Value self) {
  auto* it = self.as<UnpackIterator>();
  int64_t size = it->s->size;
  int64_t at = it->offset.fetch_add(size);
  if (at + size > it->length) {
    it->offset.store(it->length);
    return Value();
  }
  return unpack_at(it->s, it->data + at);
}
Value unpack_iterator_iter(Value self) { return self; }
Value unpack_iterator_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<UnpackIterator>();
  int64_t left = it->length - it->offset.load();
  return int_from_i64(left > 0 ? left / it->s->size : 0);
}
const MethodDef unpack_iterator_methods[] = {{"__length_hint__", unpack_iterator_length_hint, kMethodInstance, nullptr},
                                             {nullptr}};

// ---- module functions

Value module_pack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack", kwnames)) return Value();
  if (nargs < 1) return raise(&exc::TypeError, "pack expected at least 1 argument, got 0");
  StructObject* s = compile_new(args[0]);
  return s ? do_pack(s, args + 1, nargs - 1) : Value();
}
Value module_pack_into(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack_into", kwnames)) return Value();
  if (nargs < 1) return raise(&exc::TypeError, "pack_into expected at least 1 argument, got 0");
  StructObject* s = compile_new(args[0]);
  return s ? do_pack_into(s, args + 1, nargs - 1) : Value();
}
Value module_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unpack", kwnames) || !check_positional("unpack", nargs, 2, 2)) return Value();
  StructObject* s = compile_new(args[0]);
  return s ? do_unpack(s, args[1]) : Value();
}
Value module_unpack_from(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"unpack_from", {"format", "buffer", "offset"}, 2, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  StructObject* s = compile_new(a[0]);
  return s ? do_unpack_from(s, a[1], a[2]) : Value();
}
Value module_iter_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("iter_unpack", kwnames) || !check_positional("iter_unpack", nargs, 2, 2)) return Value();
  StructObject* s = compile_new(args[0]);
  return s ? do_iter_unpack(s, args[1]) : Value();
}
Value module_calcsize(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("calcsize", kwnames) || !check_positional("calcsize", nargs, 1, 1)) return Value();
  StructObject* s = compile_new(args[0]);
  return s ? int_from_i64(s->size) : Value();
}
// Formats are compiled per call, so there is no cache to clear.
Value module_clearcache(Value, const Value*, size_t, Tuple*) { return None(); }

const MethodDef struct_functions[] = {
    {"pack", module_pack, kMethodStatic, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", module_pack_into, kMethodStatic, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", module_unpack, kMethodStatic, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", module_unpack_from, kMethodStatic, "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", module_iter_unpack, kMethodStatic, "Return an iterator yielding tuples unpacked from the buffer."},
    {"calcsize", module_calcsize, kMethodStatic, "Return size in bytes of the struct described by the format string."},
    {"_clearcache", module_clearcache, kMethodStatic, "Clear the internal cache."},
    {nullptr}};

bool struct_module_init(Module* m) {
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("struct")));
  Value error = type_new_impl(&type_type, intern_cstr("error"), tuple_pack({Value(&exc::Exception)}), ns, nullptr);
  if (!error) return false;
  struct_error = error.as<Type>();

  struct_type.native_name = "_struct.Struct";
  struct_type.instance_size = sizeof(StructObject);
  struct_type.flags = kTypeBaseType | kTypeWeakrefable;
  struct_type.new_ = struct_new;
  struct_type.init = struct_init;
  struct_type.methods = struct_methods;
  struct_type.getsets = struct_getsets;
  struct_type.doc = "Struct(format)\n--\n\nCreate a compiled struct object.";
  type_ready(&struct_type);

  unpack_iterator_type.native_name = "_struct.unpack_iterator";
  unpack_iterator_type.instance_size = sizeof(UnpackIterator);
  unpack_iterator_type.iter = unpack_iterator_iter;
  unpack_iterator_type.next = unpack_iterator_next;
  unpack_iterator_type.methods = unpack_iterator_methods;
  type_ready(&unpack_iterator_type);

  return module_add(m, "Struct", Value(&struct_type)) >= 0 && module_add(m, "error", error) >= 0;
}

}  // namespace

extern const ModuleDef struct_module;
const ModuleDef struct_module = {"_struct", "Functions to convert between Python values and C structs.", struct_functions,
                                 struct_module_init};

}  // namespace spindle
