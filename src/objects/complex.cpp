// complex
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/args.h"
#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type complex_type;

Value complex_new(double real, double imag) {
  auto* c = alloc_instance<ComplexObject>(&complex_type);
  c->real = real;
  c->imag = imag;
  return Value(c);
}

namespace {

bool as_complex(Value v, double* re, double* im, bool* error) {
  *error = false;
  if (is_complex(v)) {
    *re = v.as<ComplexObject>()->real;
    *im = v.as<ComplexObject>()->imag;
    return true;
  }
  if (is_float(v)) {
    *re = float_value(v);
    *im = 0;
    return true;
  }
  if (is_int(v)) {
    *im = 0;
    if (!int_to_double(v, re)) {
      *error = true;
      return false;
    }
    return true;
  }
  return false;
}

#define COMPLEX_OPERANDS(a, b)                                                          \
  double ar, ai, br, bi;                                                                \
  bool err;                                                                             \
  if (!as_complex(a, &ar, &ai, &err)) return err ? Value() : NotImplemented();          \
  if (!as_complex(b, &br, &bi, &err)) return err ? Value() : NotImplemented();

Value c_add(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  return complex_new(ar + br, ai + bi);
}
Value c_sub(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  return complex_new(ar - br, ai - bi);
}
Value c_mul(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  return complex_new(ar * br - ai * bi, ar * bi + ai * br);
}

Value c_truediv(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  CComplex q;
  if (!complex_quotient({ar, ai}, {br, bi}, &q)) return raise(&exc::ZeroDivisionError, "complex division by zero");
  return complex_new(q.real, q.imag);
}

CComplex product(CComplex a, CComplex b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// z ** n for 0 <= n by binary powering (squaring one step past the last bit,
// as CPython does).
CComplex power_unsigned(CComplex z, int64_t n) {
  CComplex r{1.0, 0.0};
  for (int64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = product(r, z);
    z = product(z, z);
  }
  return r;
}

Value c_pow(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  CComplex r;
  bool zero_division = false;
  if (bi == 0 && br == std::floor(br) && std::fabs(br) <= 100) {
    // Small integral exponents: repeated multiplication is more accurate.
    auto n = int64_t(br);
    if (n > 0) {
      r = power_unsigned({ar, ai}, n);
    } else if (!complex_quotient({1.0, 0.0}, power_unsigned({ar, ai}, -n), &r)) {
      zero_division = true;
    }
  } else if (br == 0 && bi == 0) {
    r = {1.0, 0.0};
  } else if (ar == 0 && ai == 0) {
    zero_division = bi != 0 || br < 0;
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(ar, ai);
    double len = std::pow(vabs, br);
    double at = std::atan2(ai, ar);
    double phase = at * br;
    if (bi != 0) {
      len /= std::exp(at * bi);
      phase += bi * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.real) || std::isinf(r.imag)) return raise(&exc::OverflowError, "complex exponentiation");
  if (zero_division) return raise(&exc::ZeroDivisionError, "0.0 to a negative or complex power");
  return complex_new(r.real, r.imag);
}

Value c_pow3(Value a, Value b, Value m) { return raise(&exc::ValueError, "complex modulo"); }

Value c_neg(Value a) {
  auto* c = a.as<ComplexObject>();
  return complex_new(-c->real, -c->imag);
}
Value c_pos(Value a) {
  auto* c = a.as<ComplexObject>();
  return complex_new(c->real, c->imag);
}
Value c_abs(Value a) {
  auto* c = a.as<ComplexObject>();
  bool overflow = false;
  double r = complex_abs({c->real, c->imag}, &overflow);
  if (overflow) return raise(&exc::OverflowError, "absolute value too large");
  return Value::from_double(r);
}
int c_bool(Value a) {
  auto* c = a.as<ComplexObject>();
  return c->real != 0 || c->imag != 0;
}

int64_t c_hash(Value a) {
  auto* c = a.as<ComplexObject>();
  int64_t hr = float_hash(c->real), hi = float_hash(c->imag);
  uint64_t combined = uint64_t(hr) + 1000003ull * uint64_t(hi);
  int64_t h = int64_t(combined);
  return h == -1 ? -2 : h;
}

std::string part_repr(double d) {
  // repr() of a complex part: like float repr but integral values have no ".0".
  std::string s = float_repr(d);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

Value c_repr(Value a) {
  auto* c = a.as<ComplexObject>();
  std::string out;
  if (c->real == 0 && !std::signbit(c->real)) {
    out = part_repr(c->imag) + "j";
  } else {
    std::string im = part_repr(c->imag);
    if (im[0] != '-' && im != "nan") im = "+" + im;
    else if (im == "nan") im = "+nan";
    out = "(" + part_repr(c->real) + im + "j)";
  }
  return Value(str_from_ascii(out));
}

Value c_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::EQ && op != CompareOp::NE) return NotImplemented();
  auto* c = a.as<ComplexObject>();
  bool eq;
  if (is_complex(b)) {
    eq = c->real == b.as<ComplexObject>()->real && c->imag == b.as<ComplexObject>()->imag;
  } else if (is_float(b)) {
    eq = c->imag == 0 && c->real == float_value(b);
  } else if (is_int(b)) {
    if (c->imag != 0) eq = false;
    else if (compare_int_double(b, c->real, CompareOp::EQ, &eq) < 0) return Value();
  } else {
    return NotImplemented();
  }
  return Bool(op == CompareOp::EQ ? eq : !eq);
}

// Length of the longest float literal at the start of s (as CPython's
// PyOS_string_to_double reads one): [sign] digits [. digits] [e [sign] digits],
// or inf / infinity / nan. 0 if none.
size_t float_prefix(const char* s, size_t n) {
  size_t i = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) i++;
  auto word = [&](const char* w) {
    size_t len = std::strlen(w);
    if (n - i < len) return false;
    for (size_t k = 0; k < len; k++)
      if ((s[i + k] | 0x20) != w[k]) return false;
    return true;
  };
  if (word("infinity")) return i + 8;
  if (word("inf") || word("nan")) return i + 3;
  size_t digits = 0;
  while (i < n && std::isdigit(uint8_t(s[i]))) i++, digits++;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && std::isdigit(uint8_t(s[i]))) i++, digits++;
  }
  if (digits == 0) return 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (s[j] == '+' || s[j] == '-')) j++;
    if (j < n && std::isdigit(uint8_t(s[j]))) {
      while (j < n && std::isdigit(uint8_t(s[j]))) j++;
      i = j;
    }
  }
  return i;
}

// complex(str): [ws] [(] [ws] (<float> | <float>j | <float><signed-float>j |
// <float><sign>j | <sign>j | j) [ws] [)] [ws], with underscores allowed
// between digits.
bool complex_from_string(Str* str, double* re, double* im) {
  std::string raw;
  if (!number_text_to_ascii(str, &raw)) return false;
  // Underscores: only between two digits; then removed.
  std::string t;
  for (size_t i = 0; i < raw.size(); i++) {
    if (raw[i] != '_') {
      t.push_back(raw[i]);
      continue;
    }
    if (i == 0 || i + 1 == raw.size() || !std::isdigit(uint8_t(raw[i - 1])) || !std::isdigit(uint8_t(raw[i + 1])))
      return false;
  }
  const char* p = t.data();
  const char* end = p + t.size();
  auto skip_space = [&] {
    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
  };
  auto read_float = [&](double* out) {
    size_t len = float_prefix(p, size_t(end - p));
    if (len == 0) return false;
    bool ok = parse_double(p, len, out);
    if (!ok) clear_error();
    p += len;
    return ok;
  };
  auto is_j = [&] { return p < end && (*p == 'j' || *p == 'J'); };
  skip_space();
  bool bracket = p < end && *p == '(';
  if (bracket) {
    p++;
    skip_space();
  }
  *re = *im = 0.0;
  double first;
  if (read_float(&first)) {
    if (p < end && (*p == '+' || *p == '-')) {
      *re = first;
      if (!read_float(im)) *im = *p++ == '+' ? 1.0 : -1.0;
      if (!is_j()) return false;
      p++;
    } else if (is_j()) {
      p++;
      *im = first;
    } else {
      *re = first;
    }
  } else {
    *im = 1.0;
    if (p < end && (*p == '+' || *p == '-')) *im = *p++ == '+' ? 1.0 : -1.0;
    if (!is_j()) return false;
    p++;
  }
  skip_space();
  if (bracket) {
    if (p == end || *p != ')') return false;
    p++;
    skip_space();
  }
  return p == end;
}

// The __complex__ of v into *out: 1 done, 0 no such method, -1 error.
int complex_special(Value v, CComplex* out) {
  Value m = lookup_special(v, intern_cstr("__complex__"));
  if (!m) return error_occurred() ? -1 : 0;
  Value r = call0(m);
  if (!r) return -1;
  if (!is_complex(r)) {
    raise(&exc::TypeError, "__complex__ returned non-complex (type %s)", type_name(r));
    return -1;
  }
  *out = {r.as<ComplexObject>()->real, r.as<ComplexObject>()->imag};
  return 1;
}

// complex()'s first argument; *is_complex tells whether it had an imaginary part.
bool to_complex_parts(Value v, double* re, double* im, bool* is_complex_value) {
  *is_complex_value = true;
  if (is_complex(v)) {
    *re = v.as<ComplexObject>()->real;
    *im = v.as<ComplexObject>()->imag;
    return true;
  }
  CComplex c;
  int found = complex_special(v, &c);
  if (found < 0) return false;
  if (found) {
    *re = c.real;
    *im = c.imag;
    return true;
  }
  *is_complex_value = false;
  *im = 0;
  if (!is_float(v) && !is_int(v) && !type_of(v)->float_ && !type_of(v)->index) {
    raise(&exc::TypeError, "complex() first argument must be a string or a number, not '%s'", type_name(v));
    return false;
  }
  return to_double(v, re);
}

Value complex_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"complex", {"real", "imag"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  double re = 0, im = 0;
  if (a[0] && is_str(a[0])) {
    if (a[1]) return raise(&exc::TypeError, "complex() can't take second arg if first is a string");
    if (!complex_from_string(a[0].as<Str>(), &re, &im))
      return raise(&exc::ValueError, "complex() arg is a malformed string");
  } else {
    if (a[1] && is_str(a[1])) return raise(&exc::TypeError, "complex() second arg can't be a string");
    // real + imag*1j, where either part may itself be complex; parts that
    // are real contribute nothing (not even a signed zero) to the other.
    double r1 = 0, i1 = 0, r2 = 0, i2 = 0;
    bool real_is_complex = false;
    if (a[0] && !to_complex_parts(a[0], &r1, &i1, &real_is_complex)) return Value();
    if (a[1]) {
      if (is_complex(a[1])) {
        r2 = a[1].as<ComplexObject>()->real;
        i2 = a[1].as<ComplexObject>()->imag;
        r1 -= i2;
      } else {
        if (!is_float(a[1]) && !is_int(a[1]) && !type_of(a[1])->float_ && !type_of(a[1])->index)
          return raise(&exc::TypeError, "complex() second argument must be a number, not '%s'", type_name(a[1]));
        if (!to_double(a[1], &r2)) return Value();
      }
      if (real_is_complex) r2 += i1;
      im = r2;
    } else {
      im = i1;
    }
    re = r1;
  }
  if (type == &complex_type) return complex_new(re, im);
  auto* c = alloc_instance<ComplexObject>(type);
  c->real = re;
  c->imag = im;
  return Value(c);
}

Value get_real(Value self) { return Value::from_double(self.as<ComplexObject>()->real); }
Value get_imag(Value self) { return Value::from_double(self.as<ComplexObject>()->imag); }
const GetSetDef complex_getsets[] = {{"real", get_real, nullptr, "the real part of a complex number"},
                                     {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
                                     {nullptr}};

Value m_conjugate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("complex.conjugate", nargs, kwnames)) return Value();
  auto* c = self.as<ComplexObject>();
  return complex_new(c->real, -c->imag);
}
Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("complex.__getnewargs__", nargs, kwnames)) return Value();
  auto* c = self.as<ComplexObject>();
  return Value(tuple_pack({Value::from_double(c->real), Value::from_double(c->imag)}));
}
Value m_complex(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("complex.__complex__", nargs, kwnames)) return Value();
  auto* c = self.as<ComplexObject>();
  return is_type(self, &complex_type) ? self : complex_new(c->real, c->imag);
}
Value m_format(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("complex.__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length == 0) return to_str(self);
  auto* c = self.as<ComplexObject>();
  return format_complex(c->real, c->imag, args[0].as<Str>());
}

const MethodDef complex_methods[] = {{"conjugate", m_conjugate, kMethodInstance, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
                                     {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
                                     {"__complex__", m_complex, kMethodInstance, "Convert this value to exact type complex."},
                                     {"__format__", m_format, kMethodInstance, nullptr},
                                     {nullptr}};

}  // namespace

bool complex_quotient(CComplex a, CComplex b, CComplex* out) {
  double abs_breal = std::fabs(b.real), abs_bimag = std::fabs(b.imag);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      *out = {0.0, 0.0};
      return false;
    }
    double ratio = b.imag / b.real;
    double denom = b.real + b.imag * ratio;
    *out = {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    *out = {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
  } else {
    *out = {NAN, NAN};  // a NaN in b
  }
  return true;
}

double complex_abs(CComplex z, bool* overflow) {
  *overflow = false;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real)) return std::fabs(z.real);
    if (std::isinf(z.imag)) return std::fabs(z.imag);
    return NAN;
  }
  double r = std::hypot(z.real, z.imag);
  *overflow = !std::isfinite(r);
  return r;
}

bool complex_from_value(Value v, CComplex* out) {
  if (is_complex(v)) {
    *out = {v.as<ComplexObject>()->real, v.as<ComplexObject>()->imag};
    return true;
  }
  int found = complex_special(v, out);
  if (found) return found > 0;
  out->imag = 0.0;
  return to_double(v, &out->real);
}

void init_complex_type() {
  complex_type.native_name = "complex";
  complex_type.instance_size = sizeof(ComplexObject);
  complex_type.flags = kTypeBaseType;
  complex_type.new_ = complex_new_py;
  complex_type.repr = c_repr;
  complex_type.hash = c_hash;
  complex_type.richcompare = c_richcompare;
  complex_type.bool_ = c_bool;
  complex_type.nb[int(BinaryOp::Add)] = c_add;
  complex_type.nb[int(BinaryOp::Sub)] = c_sub;
  complex_type.nb[int(BinaryOp::Mul)] = c_mul;
  complex_type.nb[int(BinaryOp::TrueDiv)] = c_truediv;
  complex_type.nb[int(BinaryOp::Pow)] = c_pow;
  complex_type.pow3 = c_pow3;
  complex_type.neg = c_neg;
  complex_type.pos = c_pos;
  complex_type.abs = c_abs;
  complex_type.methods = complex_methods;
  complex_type.getsets = complex_getsets;
  complex_type.doc = "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.";
}

}  // namespace spindle
