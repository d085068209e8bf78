// int and bool: the Python types over int_core's arithmetic.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type int_type, bool_type;
Object true_object, false_object;

namespace {

// An int-like operand of a binary op, or NotImplemented.
inline bool int_operand(Value v) { return is_int(v); }

#define INT_BINOP(name, fn)                                             \
  Value name(Value a, Value b) {                                       \
    if (!int_operand(a) || !int_operand(b)) return NotImplemented();   \
    return fn(a, b);                                                   \
  }
INT_BINOP(int_add_slot, int_add)
INT_BINOP(int_sub_slot, int_sub)
INT_BINOP(int_mul_slot, int_mul)
INT_BINOP(int_floordiv_slot, int_floordiv)
INT_BINOP(int_mod_slot, int_mod)
INT_BINOP(int_truediv_slot, int_truediv)
INT_BINOP(int_lshift_slot, int_lshift)
INT_BINOP(int_rshift_slot, int_rshift)
INT_BINOP(int_and_slot, int_and)
INT_BINOP(int_or_slot, int_or)
INT_BINOP(int_xor_slot, int_xor)
#undef INT_BINOP

Value int_divmod_slot(Value a, Value b) {
  if (!int_operand(a) || !int_operand(b)) return NotImplemented();
  Value q, r;
  if (!int_divmod(a, b, &q, &r)) return Value();
  return Value(tuple_pack({q, r}));
}

Value int_pow_slot(Value a, Value b) {
  if (!int_operand(a) || !int_operand(b)) return NotImplemented();
  return int_pow(a, b, None());
}

Value int_pow3_slot(Value a, Value b, Value m) {
  if (!int_operand(a) || !int_operand(b) || !int_operand(m)) return NotImplemented();
  return int_pow(a, b, m);
}

Value int_neg_slot(Value a) { return int_neg(a); }
Value int_pos_slot(Value a) { return int_exact(a); }
Value int_abs_slot(Value a) { return int_sign(a) < 0 ? int_neg(a) : int_exact(a); }
Value int_invert_slot(Value a) { return int_invert(a); }
Value int_index_slot(Value a) { return int_exact(a); }
Value int_float_slot(Value a) {
  double d;
  if (!int_to_double(a, &d)) return Value();
  return Value::from_double(d);
}
int int_bool_slot(Value a) { return int_sign(a) != 0; }
int64_t int_hash_slot(Value a) { return int_hash(a); }

Value int_repr_slot(Value a) { return int_to_decimal_str(a); }

}  // namespace

namespace {

Value int_richcompare(Value a, Value b, CompareOp op) {
  if (is_int(b)) {
    int c = int_compare(a, b);
    switch (op) {
      case CompareOp::LT: return Bool(c < 0);
      case CompareOp::LE: return Bool(c <= 0);
      case CompareOp::EQ: return Bool(c == 0);
      case CompareOp::NE: return Bool(c != 0);
      case CompareOp::GT: return Bool(c > 0);
      default: return Bool(c >= 0);
    }
  }
  return NotImplemented();
}

Value make_int_subclass(Type* type, Value v) {
  auto* b = alloc_instance<BigInt>(type);
  mpz_init(b->z);
  int_to_mpz(v, b->z);
  return Value(b);
}

// int(text, base) for bytes-like text, with the bytes shown in errors.
Value int_from_buffer(Value x, int base) {
  BufferView view;
  if (!get_buffer(x, &view)) return Value();
  Value out;
  int64_t digits = 0;
  IntParse status = parse_int_text(reinterpret_cast<const char*>(view.data), size_t(view.size), base, &out, &digits);
  if (status == IntParse::Ok) return out;
  Value shown = (is_bytes(x) || is_bytearray(x)) ? x : Value(bytes_new(view.data, size_t(view.size)));
  return int_parse_error(status, shown, base, digits);
}

// int(x) without a base, as PyNumber_Long: __int__, __index__, __trunc__, then text.
Value int_from_object(Value x) {
  if (is_int_exact(x)) return x;
  Type* t = type_of(x);
  if (t->int_) {
    Value r = t->int_(x);
    if (!r) return Value();
    if (!is_int(r)) return raise(&exc::TypeError, "__int__ returned non-int (type %s)", type_name(r));
    if (!is_int_exact(r) &&
        !warn_format(&exc::DeprecationWarning, 1,
                     "__int__ returned non-int (type %s).  The ability to return an instance of a strict subclass "
                     "of int is deprecated, and may be removed in a future version of Python.",
                     type_name(r)))
      return Value();
    return int_exact(r);
  }
  if (t->index) {
    Value r = number_index(x);
    return r ? int_exact(r) : Value();
  }
  Value trunc = lookup_special(x, names::__trunc__);
  if (trunc) {
    Value r = call0(trunc);
    if (!r) return Value();
    if (is_int(r)) return int_exact(r);
    if (!type_of(r)->index) return raise(&exc::TypeError, "__trunc__ returned non-Integral (type %s)", type_name(r));
    Value i = number_index(r);
    return i ? int_exact(i) : Value();
  }
  if (error_occurred()) return Value();
  if (is_str(x)) return int_from_unicode_digits(x.as<Str>(), 10);
  if (is_bytes(x) || is_bytearray(x) || t->buffer) return int_from_buffer(x, 10);
  return raise(&exc::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               type_name(x));
}

Value int_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // int(x=0, /, base=10)
  for (size_t i = 0; i < kwcount(kwnames); i++) {
    Str* name = kwnames->items[i].as<Str>();
    if (!str_equals_ascii(name, "base"))
      return raise(&exc::TypeError, "'%U' is an invalid keyword argument for int()", name);
  }
  Value a[2];
  static const ArgSpec spec{"int", {"x", "base"}, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value r;
  if (!a[0]) {
    if (a[1]) return raise(&exc::TypeError, "int() missing string argument");
    r = Value::from_small_int(0);
  } else if (!a[1]) {
    r = int_from_object(a[0]);
  } else {
    int64_t base;
    if (!index_as_i64(a[1], &base, nullptr)) return Value();
    if (base != 0 && (base < 2 || base > 36)) return raise(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (is_str(a[0])) r = int_from_unicode_digits(a[0].as<Str>(), int(base));
    else if (is_bytes(a[0]) || is_bytearray(a[0])) r = int_from_buffer(a[0], int(base));
    else return raise(&exc::TypeError, "int() can't convert non-string with explicit base");
  }
  if (!r) return Value();
  if (type == &int_type) return r;
  return make_int_subclass(type, r);
}

// ------------------------------------------------------------------ methods

Value m_bit_length(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.bit_length", nargs, kwnames)) return Value();
  return int_from_i64(int_bit_length(self));
}

Value m_bit_count(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.bit_count", nargs, kwnames)) return Value();
  return int_from_i64(int_bit_count(self));
}

Value m_conjugate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.conjugate", nargs, kwnames)) return Value();
  return int_exact(self);
}

Value m_as_integer_ratio(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.as_integer_ratio", nargs, kwnames)) return Value();
  return Value(tuple_pack({int_exact(self), Value::from_small_int(1)}));
}

// The byteorder argument of to_bytes/from_bytes: true for "little".
bool parse_byteorder(const char* fname, Value v, bool* little) {
  *little = false;
  if (!v) return true;
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(v));
    return false;
  }
  if (str_equals_ascii(v.as<Str>(), "little")) *little = true;
  else if (!str_equals_ascii(v.as<Str>(), "big")) {
    raise(&exc::ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Value m_to_bytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t length = 1;
  if (a[0] && !index_as_i64(a[0], &length, &exc::OverflowError)) return Value();
  if (length < 0) return raise(&exc::ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder("to_bytes", a[1], &little)) return Value();
  int is_signed = a[2] ? truthy(a[2]) : 0;
  if (is_signed < 0) return Value();
  int sign = int_sign(self);
  if (sign < 0 && !is_signed) return raise(&exc::OverflowError, "can't convert negative int to unsigned");
  // Bits needed: the magnitude's, plus a sign bit when signed (for a
  // negative n, two's complement needs bit_length(~n) + 1).
  int64_t needed = 0;
  if (sign > 0) {
    needed = int_bit_length(self) + is_signed;
  } else if (sign < 0) {
    int64_t bits = int_bit_length(int_invert(self));
    // As in CPython, -1 needs no bits at length 0 (its sign bits are implied).
    needed = bits == 0 && length == 0 ? 0 : bits + 1;
  }
  if (needed > length * 8) return raise(&exc::OverflowError, "int too big to convert");
  Bytes* out = bytes_alloc(size_t(length));
  uint8_t* p = out->data_ptr;
  std::memset(p, 0, size_t(length));
  if (sign != 0) {
    mpz_t mag;
    mpz_init(mag);
    int_to_mpz(self, mag);
    mpz_abs(mag, mag);
    size_t count = (mpz_sizeinbase(mag, 2) + 7) / 8;
    mpz_export(p + (length - int64_t(count)), nullptr, 1, 1, 1, 0, mag);
    if (sign < 0) {
      // Two's complement: invert and add one, big-endian.
      bool carry = true;
      for (int64_t i = length - 1; i >= 0; i--) {
        unsigned v = uint8_t(~p[i]) + unsigned(carry);
        p[i] = uint8_t(v);
        carry = v > 0xFF;
      }
    }
  }
  if (little) std::reverse(p, p + length);
  return Value(out);
}

Value m_from_bytes(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"from_bytes", {"bytes", "byteorder", "signed"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value data = a[0];
  if (!type_of(data)->buffer) {
    // bytes(x) as PyObject_Bytes does it: __bytes__ or an iterable of ints, never str.
    if (is_str(data) || (!lookup_special(data, intern_cstr("__bytes__")) && !type_of(data)->iter &&
                         !type_of(data)->getitem)) {
      if (error_occurred()) return Value();
      return raise(&exc::TypeError, "cannot convert '%s' object to bytes", type_name(data));
    }
    data = call1(Value(&bytes_type), data);
    if (!data) return Value();
  }
  BufferView view;
  if (!get_buffer(data, &view)) return Value();
  bool little;
  if (!parse_byteorder("from_bytes", a[1], &little)) return Value();
  int is_signed = a[2] ? truthy(a[2]) : 0;
  if (is_signed < 0) return Value();
  mpz_t z;
  mpz_init(z);
  if (view.size) mpz_import(z, size_t(view.size), little ? -1 : 1, 1, 1, 0, view.data);
  if (is_signed && view.size && ((little ? view.data[view.size - 1] : view.data[0]) & 0x80)) {
    mpz_t bias;
    mpz_init(bias);
    mpz_setbit(bias, mp_bitcnt_t(view.size * 8));
    mpz_sub(z, z, bias);
  }
  Value r = int_from_mpz(z);
  if (cls != Value(&int_type)) return call1(cls, r);
  return r;
}

Value m_round(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__round__", nargs, 0, 1)) return Value();
  if (nargs == 0 || is_none(args[0])) return int_exact(self);
  Value nd = number_index(args[0]);
  if (!nd) return Value();
  if (int_sign(nd) >= 0) return int_exact(self);
  // Round to a multiple of 10**-ndigits, half to even.
  Value pow10 = int_pow(Value::from_small_int(10), int_neg(nd), None());
  if (!pow10) return Value();
  Value q = int_floordiv(self, pow10);
  Value r = int_mod(self, pow10);
  if (!q || !r) return Value();
  Value twice = int_mul(r, Value::from_small_int(2));
  int c = int_compare(twice, pow10);
  bool odd = int_sign(int_and(q, Value::from_small_int(1))) != 0;
  if (c > 0 || (c == 0 && odd)) q = int_add(q, Value::from_small_int(1));
  return int_mul(q, pow10);
}

// __trunc__, __floor__ and __ceil__ of an int: itself, as an exact int.
template <const char* kName>
Value m_integral(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(kName, nargs, kwnames)) return Value();
  return int_exact(self);
}
constexpr char kTruncName[] = "int.__trunc__", kFloorName[] = "int.__floor__", kCeilName[] = "int.__ceil__";

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.__getnewargs__", nargs, kwnames)) return Value();
  return Value(tuple_pack({int_exact(self)}));
}

Value m_format(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("int.__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length == 0) return to_str(self);
  return format_int(self, args[0].as<Str>());
}

Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("int.__sizeof__", nargs, kwnames)) return Value();
  int64_t bits = int_bit_length(self);
  return int_from_i64(24 + ((bits + 29) / 30) * 4);
}

Value get_real(Value self) { return int_exact(self); }
Value get_imag(Value self) { return Value::from_small_int(0); }
Value get_numerator(Value self) { return int_exact(self); }
Value get_denominator(Value self) { return Value::from_small_int(1); }

const GetSetDef int_getsets[] = {{"real", get_real, nullptr, "the real part of a complex number"},
                                 {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
                                 {"numerator", get_numerator, nullptr, "the numerator of a rational number in lowest terms"},
                                 {"denominator", get_denominator, nullptr, "the denominator of a rational number in lowest terms"},
                                 {nullptr}};

const MethodDef int_methods[] = {
    {"bit_length", m_bit_length, kMethodInstance, "Number of bits necessary to represent self in binary."},
    {"bit_count", m_bit_count, kMethodInstance, "Number of ones in the binary representation of the absolute value of self."},
    {"conjugate", m_conjugate, kMethodInstance, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", m_as_integer_ratio, kMethodInstance, "Return integer ratio."},
    {"to_bytes", m_to_bytes, kMethodInstance, "Return an array of bytes representing an integer."},
    {"from_bytes", m_from_bytes, kMethodClass, "Return the integer represented by the given array of bytes."},
    {"__round__", m_round, kMethodInstance, "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__trunc__", m_integral<kTruncName>, kMethodInstance, "Truncating an Integral returns itself."},
    {"__floor__", m_integral<kFloorName>, kMethodInstance, "Flooring an Integral returns itself."},
    {"__ceil__", m_integral<kCeilName>, kMethodInstance, "Ceiling of an Integral returns itself."},
    {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
    {"__format__", m_format, kMethodInstance, nullptr},
    {"__sizeof__", m_sizeof, kMethodInstance, "Returns size in memory, in bytes."},
    {nullptr}};

// ------------------------------------------------------------------ bool

Value bool_repr(Value self) { return Value(intern_cstr(self == True() ? "True" : "False")); }

Value bool_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("bool", kwnames) || !check_nargs("bool", nargs, 0, 1)) return Value();
  if (nargs == 0) return False();
  int t = truthy(args[0]);
  if (t < 0) return Value();
  return Bool(t);
}

#define BOOL_LOGIC(name, op)                                   \
  Value name(Value a, Value b) {                               \
    if (is_bool(a) && is_bool(b)) return Bool((a == True()) op (b == True())); \
    return int_operand(a) && int_operand(b) ? int_##name(a, b) : NotImplemented(); \
  }
Value int_bool_and(Value a, Value b) { return int_and(a, b); }
Value int_bool_or(Value a, Value b) { return int_or(a, b); }
Value int_bool_xor(Value a, Value b) { return int_xor(a, b); }
BOOL_LOGIC(bool_and, &)
BOOL_LOGIC(bool_or, |)
BOOL_LOGIC(bool_xor, ^)
#undef BOOL_LOGIC

}  // namespace

// Parses int(str, base) text, accepting any Unicode decimal digits and spaces.
Value int_from_unicode_digits(Str* s, int base) {
  Value out;
  int64_t digits = 0;
  IntParse status;
  if (s->ascii) {
    status = parse_int_text(reinterpret_cast<const char*>(s->data1()), size_t(s->length), base, &out, &digits);
  } else {
    std::string ascii;
    status = number_text_to_ascii(s, &ascii) ? parse_int_text(ascii.data(), ascii.size(), base, &out, &digits)
                                               : IntParse::Invalid;
  }
  if (status == IntParse::Ok) return out;
  return int_parse_error(status, Value(s), base, digits);
}

void init_int_types() {
  int_type.native_name = "int";
  int_type.instance_size = sizeof(BigInt);
  int_type.flags = kTypeBaseType | kTypeIntSubclass;
  int_type.new_ = int_new_py;
  int_type.repr = int_repr_slot;
  int_type.hash = int_hash_slot;
  int_type.richcompare = int_richcompare;
  int_type.bool_ = int_bool_slot;
  int_type.nb[int(BinaryOp::Add)] = int_add_slot;
  int_type.nb[int(BinaryOp::Sub)] = int_sub_slot;
  int_type.nb[int(BinaryOp::Mul)] = int_mul_slot;
  int_type.nb[int(BinaryOp::FloorDiv)] = int_floordiv_slot;
  int_type.nb[int(BinaryOp::Mod)] = int_mod_slot;
  int_type.nb[int(BinaryOp::TrueDiv)] = int_truediv_slot;
  int_type.nb[int(BinaryOp::LShift)] = int_lshift_slot;
  int_type.nb[int(BinaryOp::RShift)] = int_rshift_slot;
  int_type.nb[int(BinaryOp::And)] = int_and_slot;
  int_type.nb[int(BinaryOp::Or)] = int_or_slot;
  int_type.nb[int(BinaryOp::Xor)] = int_xor_slot;
  int_type.nb[int(BinaryOp::DivMod)] = int_divmod_slot;
  int_type.nb[int(BinaryOp::Pow)] = int_pow_slot;
  int_type.pow3 = int_pow3_slot;
  int_type.neg = int_neg_slot;
  int_type.pos = int_pos_slot;
  int_type.abs = int_abs_slot;
  int_type.invert = int_invert_slot;
  int_type.index = int_index_slot;
  int_type.int_ = int_index_slot;
  int_type.float_ = int_float_slot;
  int_type.methods = int_methods;
  int_type.getsets = int_getsets;
  int_type.doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no "
      "arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates "
      "towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray "
      "instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be "
      "surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret "
      "the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4";

  bool_type.native_name = "bool";
  bool_type.base = &int_type;
  bool_type.instance_size = sizeof(Object);
  bool_type.flags = kTypeIntSubclass;
  bool_type.new_ = bool_new_py;
  bool_type.repr = bool_repr;
  bool_type.nb[int(BinaryOp::And)] = bool_and;
  bool_type.nb[int(BinaryOp::Or)] = bool_or;
  bool_type.nb[int(BinaryOp::Xor)] = bool_xor;
  bool_type.doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are "
      "the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be "
      "subclassed.";
  true_object.type = &bool_type;
  false_object.type = &bool_type;
}

}  // namespace spindle
