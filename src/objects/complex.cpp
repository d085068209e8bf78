// complex
#include <cmath>
#include <complex>

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

// Smith's algorithm, as CPython's _Py_c_quot.
bool c_quot(double ar, double ai, double br, double bi, double* qr, double* qi) {
  double abs_breal = std::fabs(br), abs_bimag = std::fabs(bi);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return false;
    double ratio = bi / br;
    double denom = br + bi * ratio;
    *qr = (ar + ai * ratio) / denom;
    *qi = (ai - ar * ratio) / denom;
  } else if (abs_bimag >= abs_breal) {
    double ratio = br / bi;
    double denom = br * ratio + bi;
    *qr = (ar * ratio + ai) / denom;
    *qi = (ai * ratio - ar) / denom;
  } else {
    *qr = *qi = std::nan("");
  }
  return true;
}

Value c_truediv(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  double qr, qi;
  if (!c_quot(ar, ai, br, bi, &qr, &qi)) return raise(&exc::ZeroDivisionError, "complex division by zero");
  return complex_new(qr, qi);
}

Value c_pow(Value a, Value b) {
  COMPLEX_OPERANDS(a, b)
  if (br == 0 && bi == 0) return complex_new(1, 0);
  if (ar == 0 && ai == 0) {
    if (bi != 0 || br < 0) return raise(&exc::ZeroDivisionError, "0.0 to a negative or complex power");
    return complex_new(0, 0);
  }
  // Integer exponents by repeated multiplication (as CPython, for accuracy).
  if (bi == 0 && br == std::floor(br) && std::fabs(br) <= 100) {
    int64_t n = int64_t(br);
    double rr = 1, ri = 0, xr = ar, xi = ai;
    int64_t e = n < 0 ? -n : n;
    while (e) {
      if (e & 1) {
        double t = rr * xr - ri * xi;
        ri = rr * xi + ri * xr;
        rr = t;
      }
      double t = xr * xr - xi * xi;
      xi = 2 * xr * xi;
      xr = t;
      e >>= 1;
    }
    if (n < 0) {
      double qr, qi;
      c_quot(1, 0, rr, ri, &qr, &qi);
      return complex_new(qr, qi);
    }
    return complex_new(rr, ri);
  }
  double vabs = std::hypot(ar, ai);
  double len = std::pow(vabs, br);
  double at = std::atan2(ai, ar);
  double phase = at * br;
  if (bi != 0) {
    len /= std::exp(at * bi);
    phase += bi * std::log(vabs);
  }
  return complex_new(len * std::cos(phase), len * std::sin(phase));
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
  double r = std::hypot(c->real, c->imag);
  if (std::isinf(r) && std::isfinite(c->real) && std::isfinite(c->imag))
    return raise(&exc::OverflowError, "absolute value too large");
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

bool complex_from_string(Str* s, double* re, double* im) {
  std::string t = str_to_utf8(s);
  size_t a = t.find_first_not_of(" \t\n\r\f\v"), b = t.find_last_not_of(" \t\n\r\f\v");
  if (a == std::string::npos) return false;
  t = t.substr(a, b - a + 1);
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    t = t.substr(1, t.size() - 2);
    a = t.find_first_not_of(" \t\n\r\f\v");
    b = t.find_last_not_of(" \t\n\r\f\v");
    if (a == std::string::npos) return false;
    t = t.substr(a, b - a + 1);
  }
  if (t.empty()) return false;
  auto parse = [](const std::string& x, double* out) {
    if (x.empty() || x == "+" || x == "-") {
      *out = x == "-" ? -1.0 : 1.0;
      return true;
    }
    bool ok = parse_double(x.data(), x.size(), out);
    if (!ok) clear_error();
    return ok && x.find(' ') == std::string::npos;
  };
  if (t.back() == 'j' || t.back() == 'J') {
    std::string body = t.substr(0, t.size() - 1);
    // Find the split between real and imaginary parts: the last sign not after 'e'.
    size_t split = std::string::npos;
    for (size_t i = body.size(); i-- > 1;) {
      if ((body[i] == '+' || body[i] == '-') && body[i - 1] != 'e' && body[i - 1] != 'E') {
        split = i;
        break;
      }
    }
    if (split == std::string::npos) {
      *re = 0;
      return parse(body, im);
    }
    std::string rp = body.substr(0, split), ip = body.substr(split);
    double r;
    if (!parse_double(rp.data(), rp.size(), &r)) {
      clear_error();
      return false;
    }
    *re = r;
    return parse(ip, im);
  }
  *im = 0;
  bool ok = parse_double(t.data(), t.size(), re);
  if (!ok) clear_error();
  return ok;
}

bool to_complex_parts(Value v, double* re, double* im) {
  if (is_complex(v)) {
    *re = v.as<ComplexObject>()->real;
    *im = v.as<ComplexObject>()->imag;
    return true;
  }
  Value m = lookup_special(v, intern_cstr("__complex__"));
  if (m) {
    Value r = call0(m);
    if (!r) return false;
    if (!is_complex(r)) {
      raise(&exc::TypeError, "__complex__ returned non-complex (type %s)", type_name(r));
      return false;
    }
    *re = r.as<ComplexObject>()->real;
    *im = r.as<ComplexObject>()->imag;
    return true;
  }
  if (error_occurred()) return false;
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
    double r1 = 0, i1 = 0, r2 = 0, i2 = 0;
    if (a[0] && !to_complex_parts(a[0], &r1, &i1)) return Value();
    if (a[1]) {
      if (!is_complex(a[1]) && !is_float(a[1]) && !is_int(a[1]) && !type_of(a[1])->float_ && !type_of(a[1])->index)
        return raise(&exc::TypeError, "complex() second argument must be a number, not '%s'", type_name(a[1]));
      if (!to_complex_parts(a[1], &r2, &i2)) return Value();
    }
    re = r1 - i2;
    im = i1 + r2;
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

Value m_conjugate(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<ComplexObject>();
  return complex_new(c->real, -c->imag);
}
Value m_getnewargs(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<ComplexObject>();
  return Value(tuple_pack({Value::from_double(c->real), Value::from_double(c->imag)}));
}
Value m_complex(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<ComplexObject>();
  return is_type(self, &complex_type) ? self : complex_new(c->real, c->imag);
}
Value m_format(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length == 0) return to_str(self);
  auto* c = self.as<ComplexObject>();
  Value re = format_float(c->real, args[0].as<Str>());
  if (!re) return Value();
  StrBuilder spec;
  spec.append('+');
  spec.append(args[0].as<Str>());
  Value im = format_float(c->imag, spec.finish());
  if (!im) return Value();
  return Value(format_message("%U%Uj", re.as<Str>(), im.as<Str>()));
}

const MethodDef complex_methods[] = {{"conjugate", m_conjugate, kMethodInstance, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
                                     {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
                                     {"__complex__", m_complex, kMethodInstance, "Convert this value to exact type complex."},
                                     {"__format__", m_format, kMethodInstance, nullptr},
                                     {nullptr}};

}  // namespace

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
