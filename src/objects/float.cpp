// float: the Python type. Exact floats are unboxed; float subclass instances
// are FloatObjects.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type float_type;

namespace {

// Converts a float or int operand; false (no error) when neither.
bool as_double_operand(Value v, double* out, bool* error) {
  *error = false;
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (is_int(v)) {
    if (!int_to_double(v, out)) {
      *error = true;
      return false;
    }
    return true;
  }
  return false;
}

#define FLOAT_OPERANDS(a, b)                                 \
  double x, y;                                               \
  bool err;                                                  \
  if (!as_double_operand(a, &x, &err)) return err ? Value() : NotImplemented(); \
  if (!as_double_operand(b, &y, &err)) return err ? Value() : NotImplemented();

Value f_add(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  return Value::from_double(x + y);
}
Value f_sub(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  return Value::from_double(x - y);
}
Value f_mul(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  return Value::from_double(x * y);
}
Value f_truediv(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  if (y == 0) return raise(&exc::ZeroDivisionError, "float division by zero");
  return Value::from_double(x / y);
}

// Python's modulo: the result has the sign of the divisor.
double py_fmod(double x, double y) {
  double m = std::fmod(x, y);
  if (m) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return m;
}

bool float_divmod(double x, double y, double* q, double* r) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  *q = floordiv;
  *r = mod;
  return true;
}

Value f_mod(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  if (y == 0) return raise(&exc::ZeroDivisionError, "float modulo");
  return Value::from_double(py_fmod(x, y));
}
Value f_floordiv(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  if (y == 0) return raise(&exc::ZeroDivisionError, "float floor division by zero");
  double q, r;
  float_divmod(x, y, &q, &r);
  return Value::from_double(q);
}
Value f_divmod(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  if (y == 0) return raise(&exc::ZeroDivisionError, "float divmod()");
  double q, r;
  float_divmod(x, y, &q, &r);
  return Value(tuple_pack({Value::from_double(q), Value::from_double(r)}));
}

Value f_pow(Value a, Value b) {
  FLOAT_OPERANDS(a, b)
  return float_pow(x, y);
}

Value f_pow3(Value a, Value b, Value m) {
  if (!(is_float(a) || is_int(a)) || !(is_float(b) || is_int(b))) return NotImplemented();
  return raise(&exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
}

Value f_neg(Value a) { return Value::from_double(-float_value(a)); }
Value f_pos(Value a) { return Value::from_double(float_value(a)); }
Value f_abs(Value a) { return Value::from_double(std::fabs(float_value(a))); }
int f_bool(Value a) { return float_value(a) != 0.0; }
Value f_int(Value a) { return int_from_double(float_value(a)); }
Value f_float(Value a) { return Value::from_double(float_value(a)); }
int64_t f_hash(Value a) {
  double d = float_value(a);
  if (std::isnan(d)) {
    // Identity hash for NaNs (unboxed NaNs share one identity).
    uint64_t bits = a.bits();
    int64_t h = int64_t(bits >> 4);
    return h == -1 ? -2 : h;
  }
  return float_hash(d);
}
Value f_repr(Value a) { return Value(str_from_ascii(float_repr(float_value(a)))); }

Value f_richcompare(Value a, Value b, CompareOp op) {
  double x = float_value(a);
  if (is_float(b)) {
    double y = float_value(b);
    switch (op) {
      case CompareOp::LT: return Bool(x < y);
      case CompareOp::LE: return Bool(x <= y);
      case CompareOp::EQ: return Bool(x == y);
      case CompareOp::NE: return Bool(x != y);
      case CompareOp::GT: return Bool(x > y);
      default: return Bool(x >= y);
    }
  }
  if (is_int(b)) {
    // Compare b (int) with x, swapping the operator.
    static const CompareOp swapped[] = {CompareOp::GT, CompareOp::GE, CompareOp::EQ, CompareOp::NE, CompareOp::LT, CompareOp::LE};
    bool r;
    if (compare_int_double(b, x, swapped[int(op)], &r) < 0) return Value();
    return Bool(r);
  }
  return NotImplemented();
}

Value float_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &float_type, "float", kwnames)) return Value();
  if (nargs > 1) return raise(&exc::TypeError, "float expected at most 1 argument, got %zd", ssize_t(nargs));
  double d = 0;
  if (nargs) {
    Value x = args[0];
    if (is_str(x)) {
      std::string text;
      if (!number_text_to_ascii(x.as<Str>(), &text))
        return raise(&exc::ValueError, "could not convert string to float: %R", x);
      if (!parse_double(text.data(), text.size(), &d)) {
        clear_error();
        return raise(&exc::ValueError, "could not convert string to float: %R", x);
      }
    } else if (is_bytes(x) || is_bytearray(x)) {
      BufferView view;
      if (!get_buffer(x, &view)) return Value();
      if (!parse_double(reinterpret_cast<const char*>(view.data), size_t(view.size), &d)) {
        clear_error();
        return raise(&exc::ValueError, "could not convert string to float: %R", x);
      }
    } else {
      Type* t = type_of(x);
      if (!t->float_ && !t->index && !is_int(x) && !is_float(x))
        return raise(&exc::TypeError, "float() argument must be a string or a real number, not '%s'", type_name(x));
      if (!to_double(x, &d)) return Value();
    }
  }
  if (type == &float_type) return Value::from_double(d);
  auto* f = alloc_instance<FloatObject>(type);
  f->value = d;
  return Value(f);
}

// ------------------------------------------------------------------ methods

Value m_is_integer(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.is_integer", nargs, kwnames)) return Value();
  double d = float_value(self);
  return Bool(std::isfinite(d) && std::floor(d) == d);
}

Value m_as_integer_ratio(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.as_integer_ratio", nargs, kwnames)) return Value();
  double d = float_value(self);
  if (std::isinf(d)) return raise(&exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(&exc::ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 300 && m != std::floor(m); i++) {
    m *= 2.0;
    e--;
  }
  Value num = int_from_double(m);
  Value den = Value::from_small_int(1);
  if (e > 0) num = int_lshift(num, int_from_i64(e));
  else den = int_lshift(den, int_from_i64(-e));
  if (!num || !den) return Value();
  return Value(tuple_pack({num, den}));
}

Value m_conjugate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.conjugate", nargs, kwnames)) return Value();
  return Value::from_double(float_value(self));
}

Value m_trunc(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.__trunc__", nargs, kwnames)) return Value();
  return int_from_double(float_value(self));
}
Value m_floor(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.__floor__", nargs, kwnames)) return Value();
  return int_from_double(std::floor(float_value(self)));
}
Value m_ceil(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.__ceil__", nargs, kwnames)) return Value();
  return int_from_double(std::ceil(float_value(self)));
}

double round_half_even(double x) {
  double r = std::round(x);
  if (std::fabs(x - std::trunc(x)) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

// x rounded to a multiple of 10**places (places > 0), half to even, exactly:
// x is m * 2**e, so the quotient by 10**places is an exact rational.
bool round_to_tens(double x, int64_t places, double* out) {
  int e;
  double m = std::frexp(std::fabs(x), &e);
  mpz_t num, den, q, r;
  mpz_inits(num, den, q, r, nullptr);
  mpz_set_d(num, std::ldexp(m, 53));  // exact 53-bit mantissa
  e -= 53;
  mpz_ui_pow_ui(den, 10, (unsigned long)(places));
  if (e >= 0) mpz_mul_2exp(num, num, (unsigned long)(e));
  else mpz_mul_2exp(den, den, (unsigned long)(-e));
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_ui_pow_ui(den, 10, (unsigned long)(places));
  mpz_mul(q, q, den);
  if (std::signbit(x)) mpz_neg(q, q);
  Value v = int_from_mpz(q);
  if (!int_to_double(v, out)) {
    clear_error();
    return false;
  }
  if (*out == 0) *out = std::copysign(0.0, x);
  return true;
}

Value m_round(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__round__", nargs, 0, 1)) return Value();
  double x = float_value(self);
  if (nargs == 0 || is_none(args[0])) {
    if (std::isnan(x)) return raise(&exc::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(x)) return raise(&exc::OverflowError, "cannot convert float infinity to integer");
    return int_from_double(round_half_even(x));
  }
  int64_t nd;
  if (!index_as_i64(args[0], &nd, nullptr)) return Value();
  if (!std::isfinite(x) || x == 0) return Value::from_double(x);
  // Beyond these, every double is already a multiple (or rounds to zero).
  constexpr int64_t kMaxDigits = 323, kMinDigits = -308;
  if (nd > kMaxDigits) return Value::from_double(x);
  if (nd < kMinDigits) return Value::from_double(std::copysign(0.0, x));
  double r;
  if (nd >= 0) {
    // The exact decimal expansion rounded half to even by printf, read back
    // with correct rounding.
    int n = std::snprintf(nullptr, 0, "%.*f", int(nd), x);
    std::string text(size_t(n) + 1, '\0');
    std::snprintf(text.data(), text.size(), "%.*f", int(nd), x);
    r = std::strtod(text.c_str(), nullptr);
  } else if (!round_to_tens(x, -nd, &r)) {
    return raise(&exc::OverflowError, "rounded value too large to represent");
  }
  if (std::isinf(r)) return raise(&exc::OverflowError, "rounded value too large to represent");
  return Value::from_double(r);
}

Value m_hex(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.hex", nargs, kwnames)) return Value();
  double d = float_value(self);
  if (std::isnan(d)) return Value(intern_cstr("nan"));
  if (std::isinf(d)) return Value(intern_cstr(d > 0 ? "inf" : "-inf"));
  if (d == 0) return Value(intern_cstr(std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0"));
  int e;
  double m = std::frexp(std::fabs(d), &e);
  // Python normalises to 1.xxx (or 0.xxx for subnormals) with 13 hex digits.
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  std::string s = std::signbit(d) ? "-0x" : "0x";
  int ip = int(m);
  s += char('0' + ip);
  s += '.';
  m -= ip;
  for (int i = 0; i < 13; i++) {
    m *= 16.0;
    int digit = int(m);
    s += "0123456789abcdef"[digit];
    m -= digit;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "p%+d", e);
  s += buf;
  return Value(str_from_ascii(s));
}

Value m_fromhex(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("float.fromhex", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "must be str, not %s", type_name(args[0]));
  std::string s = str_to_utf8(args[0].as<Str>());
  size_t a = s.find_first_not_of(" \t\n\r\f\v"), b = s.find_last_not_of(" \t\n\r\f\v");
  std::string t = a == std::string::npos ? "" : s.substr(a, b - a + 1);
  std::string lower;
  for (char c : t) lower.push_back(char(std::tolower(uint8_t(c))));
  std::string body = lower;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body = body.substr(1);
  }
  double d;
  if (body == "inf" || body == "infinity") d = HUGE_VAL;
  else if (body == "nan") d = std::nan("");
  else {
    std::string h = body.rfind("0x", 0) == 0 ? body : "0x" + body;
    // Validate: hex digits, optional '.', optional p exponent.
    size_t i = 2, digits = 0;
    while (i < h.size() && std::isxdigit(uint8_t(h[i]))) i++, digits++;
    if (i < h.size() && h[i] == '.') {
      i++;
      while (i < h.size() && std::isxdigit(uint8_t(h[i]))) i++, digits++;
    }
    bool ok = digits > 0;
    if (ok && i < h.size() && h[i] == 'p') {
      i++;
      if (i < h.size() && (h[i] == '+' || h[i] == '-')) i++;
      ok = i < h.size() && std::isdigit(uint8_t(h[i]));
      while (i < h.size() && std::isdigit(uint8_t(h[i]))) i++;
    }
    if (!ok || i != h.size()) return raise(&exc::ValueError, "invalid hexadecimal floating-point string");
    char* end;
    d = std::strtod(h.c_str(), &end);
    if (std::isinf(d)) return raise(&exc::OverflowError, "hexadecimal value too large to represent as a float");
  }
  if (neg) d = -d;
  if (cls == Value(&float_type)) return Value::from_double(d);
  return call1(cls, Value::from_double(d));
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("float.__getnewargs__", nargs, kwnames)) return Value();
  return Value(tuple_pack({Value::from_double(float_value(self))}));
}

Value m_getformat(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__getformat__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__getformat__() argument must be str, not %s", type_name(args[0]));
  Str* s = args[0].as<Str>();
  if (!str_equals_ascii(s, "double") && !str_equals_ascii(s, "float"))
    return raise(&exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return Value(intern_cstr("IEEE, little-endian"));
}

Value m_format(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("float.__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length == 0) return to_str(self);
  return format_float(float_value(self), args[0].as<Str>());
}

Value get_real(Value self) { return Value::from_double(float_value(self)); }
Value get_imag(Value self) { return Value::from_double(0.0); }

const GetSetDef float_getsets[] = {{"real", get_real, nullptr, "the real part of a complex number"},
                                   {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
                                   {nullptr}};

const MethodDef float_methods[] = {
    {"is_integer", m_is_integer, kMethodInstance, "Return True if the float is an integer."},
    {"as_integer_ratio", m_as_integer_ratio, kMethodInstance, "Return integer ratio."},
    {"conjugate", m_conjugate, kMethodInstance, "Return self, the complex conjugate of any float."},
    {"__trunc__", m_trunc, kMethodInstance, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, kMethodInstance, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, kMethodInstance, "Return the ceiling as an Integral."},
    {"__round__", m_round, kMethodInstance, "Return the Integral closest to x, rounding half toward even."},
    {"hex", m_hex, kMethodInstance, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", m_fromhex, kMethodClass, "Create a floating-point number from a hexadecimal string."},
    {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
    {"__getformat__", m_getformat, kMethodClass, nullptr},
    {"__format__", m_format, kMethodInstance, "Formats the float according to format_spec."},
    {nullptr}};

}  // namespace

bool is_odd_integer(double d) { return std::fmod(std::fabs(d), 2.0) == 1.0; }

Value float_pow(double x, double y) {
  if (y == 0) return Value::from_double(1.0);
  if (std::isnan(x)) return Value::from_double(x);
  if (std::isnan(y)) return Value::from_double(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    if (ax == 1.0) return Value::from_double(1.0);
    return Value::from_double((y > 0) == (ax > 1.0) ? HUGE_VAL : 0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0) return Value::from_double(odd ? x : std::fabs(x));
    return Value::from_double(odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0) {
    if (y < 0) return raise(&exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::from_double(is_odd_integer(y) ? x : 0.0);
  }
  bool negate = false;
  if (x < 0) {
    // A negative base to a fractional power is complex.
    if (y != std::floor(y)) return power(complex_new(x, 0), complex_new(y, 0), None());
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return Value::from_double(negate ? -1.0 : 1.0);
  double r = std::pow(x, y);
  if (std::isinf(r)) return raise_errno_overflow();
  return Value::from_double(negate ? -r : r);
}

Value raise_errno_overflow() {
  Value e = exception_new(&exc::OverflowError,
                          tuple_pack({Value::from_small_int(ERANGE), Value(str_from_ascii(std::strerror(ERANGE)))}));
  return e ? raise_value(e) : Value();
}

void init_float_type() {
  float_type.native_name = "float";
  float_type.instance_size = sizeof(FloatObject);
  float_type.flags = kTypeBaseType | kTypeFloatSubclass;
  float_type.new_ = float_new_py;
  float_type.repr = f_repr;
  float_type.hash = f_hash;
  float_type.richcompare = f_richcompare;
  float_type.bool_ = f_bool;
  float_type.nb[int(BinaryOp::Add)] = f_add;
  float_type.nb[int(BinaryOp::Sub)] = f_sub;
  float_type.nb[int(BinaryOp::Mul)] = f_mul;
  float_type.nb[int(BinaryOp::TrueDiv)] = f_truediv;
  float_type.nb[int(BinaryOp::FloorDiv)] = f_floordiv;
  float_type.nb[int(BinaryOp::Mod)] = f_mod;
  float_type.nb[int(BinaryOp::DivMod)] = f_divmod;
  float_type.nb[int(BinaryOp::Pow)] = f_pow;
  float_type.pow3 = f_pow3;
  float_type.neg = f_neg;
  float_type.pos = f_pos;
  float_type.abs = f_abs;
  float_type.int_ = f_int;
  float_type.float_ = f_float;
  float_type.methods = float_methods;
  float_type.getsets = float_getsets;
  float_type.doc = "Convert a string or number to a floating point number, if possible.";
}

}  // namespace spindle
