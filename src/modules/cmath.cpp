// The cmath module: CPython 3.11's algorithms (accurate for large, tiny and
// near-singular arguments) and its C99 Annex G special values and errors.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "modules/math_support.h"
#include "objects/args.h"
#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
// Thresholds that keep intermediate results in range.
const double kLargeDouble = DBL_MAX / 4.0;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
// Scaling that turns subnormals into normals for sqrt: 2**kScaleUp, then back
// by 2**kScaleDown (kScaleUp is odd so the square root halves it exactly).
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

// A result with its errno-style error: 0, EDOM ("math domain error") or
// ERANGE ("math range error").
struct Result {
  CComplex z;
  int err = 0;
};

// ---------------------------------------------------------------- special values
//
// For a non-finite argument, each function's result is looked up by the kind
// of its real and imaginary parts, following C99 Annex G (as CPython's tables).

enum Kind { kNegInf, kNeg, kNegZero, kPosZero, kPos, kPosInf, kNaN };

Kind kind_of(double d) {
  if (std::isnan(d)) return kNaN;
  if (std::isinf(d)) return d > 0 ? kPosInf : kNegInf;
  if (d == 0) return std::signbit(d) ? kNegZero : kPosZero;
  return d > 0 ? kPos : kNeg;
}

// Tables are written as 49 "real,imag" entries, rows by the real part's kind
// and columns by the imaginary part's (both in Kind order). Symbols: 0 -0 1
// -1 inf -inf nan pi -pi p2 -p2 (pi/2) p4 -p4 (pi/4) 3p4 -3p4 (3pi/4) and
// "-" for entries that finite arguments never reach.
double symbol_value(const char* s, size_t n) {
  std::string t(s, n);
  bool neg = t[0] == '-' && t.size() > 1;
  if (neg) t.erase(0, 1);
  double v;
  if (t == "0") v = 0.0;
  else if (t == "1") v = 1.0;
  else if (t == "inf") v = HUGE_VAL;
  else if (t == "nan") v = NAN;
  else if (t == "pi") v = kPi;
  else if (t == "p2") v = kPi / 2;
  else if (t == "p4") v = kPi / 4;
  else if (t == "3p4") v = 0.75 * kPi;
  else v = NAN;  // "-": unreachable
  return neg ? -v : v;
}

struct SpecialTable {
  CComplex values[7][7];
  explicit SpecialTable(const char* text) {
    const char* p = text;
    for (int i = 0; i < 49; i++) {
      while (*p == ' ' || *p == '\n') p++;
      const char* comma = std::strchr(p, ',');
      const char* end = comma + 1;
      while (*end && *end != ' ' && *end != '\n') end++;
      values[i / 7][i % 7] = {symbol_value(p, size_t(comma - p)), symbol_value(comma + 1, size_t(end - comma - 1))};
      p = end;
    }
  }
  CComplex at(CComplex z) const { return values[kind_of(z.real)][kind_of(z.imag)]; }
};

const SpecialTable& acos_special() {
  static const SpecialTable t(
      "3p4,inf pi,inf pi,inf pi,-inf pi,-inf 3p4,-inf nan,inf "
      "p2,inf -,- -,- -,- -,- p2,-inf nan,nan "
      "p2,inf -,- p2,0 p2,-0 -,- p2,-inf p2,nan "
      "p2,inf -,- p2,0 p2,-0 -,- p2,-inf p2,nan "
      "p2,inf -,- -,- -,- -,- p2,-inf nan,nan "
      "p4,inf 0,inf 0,inf 0,-inf 0,-inf p4,-inf nan,inf "
      "nan,inf nan,nan nan,nan nan,nan nan,nan nan,-inf nan,nan");
  return t;
}

const SpecialTable& acosh_special() {
  static const SpecialTable t(
      "inf,-3p4 inf,-pi inf,-pi inf,pi inf,pi inf,3p4 inf,nan "
      "inf,-p2 -,- -,- -,- -,- inf,p2 nan,nan "
      "inf,-p2 -,- 0,-p2 0,p2 -,- inf,p2 nan,nan "
      "inf,-p2 -,- 0,-p2 0,p2 -,- inf,p2 nan,nan "
      "inf,-p2 -,- -,- -,- -,- inf,p2 nan,nan "
      "inf,-p4 inf,-0 inf,-0 inf,0 inf,0 inf,p4 inf,nan "
      "inf,nan nan,nan nan,nan nan,nan nan,nan inf,nan nan,nan");
  return t;
}

const SpecialTable& asinh_special() {
  static const SpecialTable t(
      "-inf,-p4 -inf,-0 -inf,-0 -inf,0 -inf,0 -inf,p4 -inf,nan "
      "-inf,-p2 -,- -,- -,- -,- -inf,p2 nan,nan "
      "-inf,-p2 -,- -0,-0 -0,0 -,- -inf,p2 nan,nan "
      "inf,-p2 -,- 0,-0 0,0 -,- inf,p2 nan,nan "
      "inf,-p2 -,- -,- -,- -,- inf,p2 nan,nan "
      "inf,-p4 inf,-0 inf,-0 inf,0 inf,0 inf,p4 inf,nan "
      "inf,nan nan,nan nan,-0 nan,0 nan,nan inf,nan nan,nan");
  return t;
}

const SpecialTable& atanh_special() {
  static const SpecialTable t(
      "-0,-p2 -0,-p2 -0,-p2 -0,p2 -0,p2 -0,p2 -0,nan "
      "-0,-p2 -,- -,- -,- -,- -0,p2 nan,nan "
      "-0,-p2 -,- -0,-0 -0,0 -,- -0,p2 -0,nan "
      "0,-p2 -,- 0,-0 0,0 -,- 0,p2 0,nan "
      "0,-p2 -,- -,- -,- -,- 0,p2 nan,nan "
      "0,-p2 0,-p2 0,-p2 0,p2 0,p2 0,p2 0,nan "
      "0,-p2 nan,nan nan,nan nan,nan nan,nan 0,p2 nan,nan");
  return t;
}

const SpecialTable& cosh_special() {
  static const SpecialTable t(
      "inf,nan -,- inf,0 inf,-0 -,- inf,nan inf,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "nan,0 -,- 1,0 1,-0 -,- nan,0 nan,0 "
      "nan,0 -,- 1,-0 1,0 -,- nan,0 nan,0 "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "inf,nan -,- inf,-0 inf,0 -,- inf,nan inf,nan "
      "nan,nan nan,nan nan,0 nan,0 nan,nan nan,nan nan,nan");
  return t;
}

const SpecialTable& exp_special() {
  static const SpecialTable t(
      "0,0 -,- 0,-0 0,0 -,- 0,0 0,0 "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "nan,nan -,- 1,-0 1,0 -,- nan,nan nan,nan "
      "nan,nan -,- 1,-0 1,0 -,- nan,nan nan,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "inf,nan -,- inf,-0 inf,0 -,- inf,nan inf,nan "
      "nan,nan nan,nan nan,-0 nan,0 nan,nan nan,nan nan,nan");
  return t;
}

const SpecialTable& log_special() {
  static const SpecialTable t(
      "inf,-3p4 inf,-pi inf,-pi inf,pi inf,pi inf,3p4 inf,nan "
      "inf,-p2 -,- -,- -,- -,- inf,p2 nan,nan "
      "inf,-p2 -,- -inf,-pi -inf,pi -,- inf,p2 nan,nan "
      "inf,-p2 -,- -inf,-0 -inf,0 -,- inf,p2 nan,nan "
      "inf,-p2 -,- -,- -,- -,- inf,p2 nan,nan "
      "inf,-p4 inf,-0 inf,-0 inf,0 inf,0 inf,p4 inf,nan "
      "inf,nan nan,nan nan,nan nan,nan nan,nan inf,nan nan,nan");
  return t;
}

const SpecialTable& sinh_special() {
  static const SpecialTable t(
      "inf,nan -,- -inf,-0 -inf,0 -,- inf,nan inf,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "0,nan -,- -0,-0 -0,0 -,- 0,nan 0,nan "
      "0,nan -,- 0,-0 0,0 -,- 0,nan 0,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "inf,nan -,- inf,-0 inf,0 -,- inf,nan inf,nan "
      "nan,nan nan,nan nan,-0 nan,0 nan,nan nan,nan nan,nan");
  return t;
}

const SpecialTable& sqrt_special() {
  static const SpecialTable t(
      "inf,-inf 0,-inf 0,-inf 0,inf 0,inf inf,inf nan,inf "
      "inf,-inf -,- -,- -,- -,- inf,inf nan,nan "
      "inf,-inf -,- 0,-0 0,0 -,- inf,inf nan,nan "
      "inf,-inf -,- 0,-0 0,0 -,- inf,inf nan,nan "
      "inf,-inf -,- -,- -,- -,- inf,inf nan,nan "
      "inf,-inf inf,-0 inf,-0 inf,0 inf,0 inf,inf inf,nan "
      "inf,-inf nan,nan nan,nan nan,nan nan,nan inf,inf nan,nan");
  return t;
}

const SpecialTable& tanh_special() {
  static const SpecialTable t(
      "-1,0 -,- -1,-0 -1,0 -,- -1,0 -1,0 "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "-0,nan -,- -0,-0 -0,0 -,- -0,nan nan,nan "
      "0,nan -,- 0,-0 0,0 -,- 0,nan nan,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "1,0 -,- 1,-0 1,0 -,- 1,0 1,0 "
      "nan,nan nan,nan nan,-0 nan,0 nan,nan nan,nan nan,nan");
  return t;
}

const SpecialTable& rect_special() {
  static const SpecialTable t(
      "inf,nan -,- -inf,0 -inf,-0 -,- inf,nan inf,nan "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "0,0 -,- -0,0 -0,-0 -,- 0,0 0,0 "
      "0,0 -,- 0,-0 0,0 -,- 0,0 0,0 "
      "nan,nan -,- -,- -,- -,- nan,nan nan,nan "
      "inf,nan -,- inf,-0 inf,0 -,- inf,nan inf,nan "
      "nan,nan nan,nan nan,0 nan,0 nan,nan nan,nan nan,nan");
  return t;
}

bool finite(CComplex z) { return std::isfinite(z.real) && std::isfinite(z.imag); }
CComplex negate(CComplex z) { return {-z.real, -z.imag}; }
// Multiplication by i and by -i, used to derive the circular functions from
// the hyperbolic ones.
CComplex times_i(CComplex z) { return {-z.imag, z.real}; }
CComplex times_minus_i(CComplex z) { return {z.imag, -z.real}; }

// ---------------------------------------------------------------- the functions

Result c_sqrt(CComplex z) {
  if (!finite(z)) return {sqrt_special().at(z)};
  if (z.real == 0 && z.imag == 0) return {{0.0, z.imag}};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real >= 0) return {{s, std::copysign(d, z.imag)}};
  return {{d, std::copysign(s, z.imag)}};
}

Result c_acos(CComplex z) {
  if (!finite(z)) return {acos_special().at(z)};
  CComplex r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    r.real = std::atan2(std::fabs(z.imag), z.real);
    r.imag = -std::copysign(std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0, z.imag);
  } else {
    CComplex s1 = c_sqrt({1.0 - z.real, -z.imag}).z;
    CComplex s2 = c_sqrt({1.0 + z.real, z.imag}).z;
    r.real = 2.0 * std::atan2(s1.real, s2.real);
    r.imag = std::asinh(s2.real * s1.imag - s2.imag * s1.real);
  }
  return {r};
}

Result c_acosh(CComplex z) {
  if (!finite(z)) return {acosh_special().at(z)};
  CComplex r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    r.real = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0;
    r.imag = std::atan2(z.imag, z.real);
  } else {
    CComplex s1 = c_sqrt({z.real - 1.0, z.imag}).z;
    CComplex s2 = c_sqrt({z.real + 1.0, z.imag}).z;
    r.real = std::asinh(s1.real * s2.real + s1.imag * s2.imag);
    r.imag = 2.0 * std::atan2(s1.imag, s2.real);
  }
  return {r};
}

Result c_asinh(CComplex z) {
  if (!finite(z)) return {asinh_special().at(z)};
  CComplex r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    double l = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0;
    r.real = z.imag >= 0 ? std::copysign(l, z.real) : -std::copysign(l, -z.real);
    r.imag = std::atan2(z.imag, std::fabs(z.real));
  } else {
    CComplex s1 = c_sqrt({1.0 + z.imag, -z.real}).z;
    CComplex s2 = c_sqrt({1.0 - z.imag, z.real}).z;
    r.real = std::asinh(s1.real * s2.imag - s2.real * s1.imag);
    r.imag = std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
  }
  return {r};
}

Result c_asin(CComplex z) {
  Result s = c_asinh(times_i(z));  // asin(z) = -i asinh(iz)
  return {times_minus_i(s.z), s.err};
}

Result c_atanh(CComplex z) {
  if (!finite(z)) return {atanh_special().at(z)};
  if (z.real < 0) {
    Result r = c_atanh(negate(z));  // atanh(z) = -atanh(-z)
    return {negate(r.z), r.err};
  }
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    // |z| large: atanh(z) ~ 1/z +- i pi/2.
    double h = std::hypot(z.real / 2.0, z.imag / 2.0);
    return {{z.real / 4.0 / h / h, std::copysign(kPi / 2.0, z.imag)}};
  }
  if (z.real == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0) return {{HUGE_VAL, z.imag}, EDOM};
    return {{-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))), std::copysign(std::atan2(2.0, -ay) / 2, z.imag)}};
  }
  return {{std::log1p(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0,
           -std::atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0}};
}

Result c_atan(CComplex z) {
  Result s = c_atanh(times_i(z));  // atan(z) = -i atanh(iz)
  return {times_minus_i(s.z), s.err};
}

// The value at +-inf + iy for finite non-zero y of exp, cosh and sinh: an
// infinity (or zero) in the direction of (cos y, sin y).
CComplex directed(double big, double y, double sign_re, double sign_im) {
  return {sign_re * std::copysign(big, std::cos(y)), sign_im * std::copysign(big, std::sin(y))};
}

bool infinite_real_finite_imag(CComplex z) { return std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0; }

Result c_cosh(CComplex z) {
  if (!finite(z)) {
    CComplex r = infinite_real_finite_imag(z) ? directed(HUGE_VAL, z.imag, 1, z.real > 0 ? 1 : -1) : cosh_special().at(z);
    return {r, std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0};
  }
  CComplex r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    // cosh(x) overflows before cosh(z) does: scale by e.
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r = {std::cos(z.imag) * std::cosh(x_minus_one) * kE, std::sin(z.imag) * std::sinh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.imag) * std::cosh(z.real), std::sin(z.imag) * std::sinh(z.real)};
  }
  return {r, std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0};
}

Result c_sinh(CComplex z) {
  if (!finite(z)) {
    CComplex r = infinite_real_finite_imag(z) ? directed(HUGE_VAL, z.imag, z.real > 0 ? 1 : -1, 1) : sinh_special().at(z);
    return {r, std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0};
  }
  CComplex r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r = {std::cos(z.imag) * std::sinh(x_minus_one) * kE, std::sin(z.imag) * std::cosh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.imag) * std::sinh(z.real), std::sin(z.imag) * std::cosh(z.real)};
  }
  return {r, std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0};
}

Result c_tanh(CComplex z) {
  if (!finite(z)) {
    CComplex r;
    if (infinite_real_finite_imag(z))
      r = {z.real > 0 ? 1.0 : -1.0, std::copysign(0.0, 2.0 * std::sin(z.imag) * std::cos(z.imag))};
    else
      r = tanh_special().at(z);
    return {r, std::isinf(z.imag) && std::isfinite(z.real) ? EDOM : 0};
  }
  if (std::fabs(z.real) > kLogLargeDouble) {
    return {{std::copysign(1.0, z.real), 4.0 * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2.0 * std::fabs(z.real))}};
  }
  // tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
  // with 1-tanh(x)^2 computed as 1/cosh(x)^2.
  double tx = std::tanh(z.real), ty = std::tan(z.imag), cx = 1.0 / std::cosh(z.real);
  double txty = tx * ty;
  double denom = 1.0 + txty * txty;
  return {{tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx}};
}

Result c_cos(CComplex z) { return c_cosh(times_i(z)); }  // cos(z) = cosh(iz)

Result c_sin(CComplex z) {
  Result s = c_sinh(times_i(z));  // sin(z) = -i sinh(iz)
  return {times_minus_i(s.z), s.err};
}

Result c_tan(CComplex z) {
  Result s = c_tanh(times_i(z));  // tan(z) = -i tanh(iz)
  return {times_minus_i(s.z), s.err};
}

Result c_exp(CComplex z) {
  if (!finite(z)) {
    CComplex r;
    if (infinite_real_finite_imag(z)) r = directed(z.real > 0 ? HUGE_VAL : 0.0, z.imag, 1, 1);
    else r = exp_special().at(z);
    bool edom = std::isinf(z.imag) && (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0));
    return {r, edom ? EDOM : 0};
  }
  CComplex r;
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.0);
    r = {l * std::cos(z.imag) * kE, l * std::sin(z.imag) * kE};
  } else {
    double l = std::exp(z.real);
    r = {l * std::cos(z.imag), l * std::sin(z.imag)};
  }
  return {r, std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0};
}

Result c_log(CComplex z) {
  if (!finite(z)) return {log_special().at(z)};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag);
  double re;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax == 0 && ay == 0) return {{-HUGE_VAL, std::atan2(z.imag, z.real)}, EDOM};
    // hypot would be subnormal: rescale.
    re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      // Near |z| = 1, log1p keeps the accuracy.
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      re = std::log(h);
    }
  }
  return {{re, std::atan2(z.imag, z.real)}};
}

Result c_log10(CComplex z) {
  Result r = c_log(z);
  return {{r.z.real / kLn10, r.z.imag / kLn10}, r.err};
}

// ---------------------------------------------------------------- Python glue

Value finish(const Result& r) {
  if (r.err == EDOM) return math_domain_error();
  if (r.err == ERANGE) return math_range_error();
  return complex_new(r.z.real, r.z.imag);
}

bool one_complex(const char* name, const Value* args, size_t nargs, Tuple* kw, CComplex* z) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 1)) return false;
  return complex_from_value(args[0], z);
}

#define CMATH_UNARY(pyname)                                                 \
  Value cmath_##pyname(Value, const Value* args, size_t nargs, Tuple* kw) { \
    CComplex z;                                                             \
    if (!one_complex("cmath." #pyname, args, nargs, kw, &z)) return Value(); \
    return finish(c_##pyname(z));                                           \
  }
CMATH_UNARY(acos)
CMATH_UNARY(acosh)
CMATH_UNARY(asin)
CMATH_UNARY(asinh)
CMATH_UNARY(atan)
CMATH_UNARY(atanh)
CMATH_UNARY(cos)
CMATH_UNARY(cosh)
CMATH_UNARY(exp)
CMATH_UNARY(log10)
CMATH_UNARY(sin)
CMATH_UNARY(sinh)
CMATH_UNARY(sqrt)
CMATH_UNARY(tan)
CMATH_UNARY(tanh)
#undef CMATH_UNARY

Value cmath_log(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("log", kw) || !check_nargs("log", nargs, 1, 2)) return Value();
  CComplex x;
  if (!complex_from_value(args[0], &x)) return Value();
  Result r = c_log(x);
  if (nargs == 2) {
    CComplex base;
    if (!complex_from_value(args[1], &base)) return Value();
    // As in CPython, the log of the base decides the error state: an error
    // from log(x) alone is forgotten (cmath.log(0, 2) is -inf+nanj).
    Result b = c_log(base);
    r.err = b.err;
    if (!complex_quotient(r.z, b.z, &r.z)) r.err = EDOM;
  }
  return finish(r);
}

Value cmath_phase(Value, const Value* args, size_t nargs, Tuple* kw) {
  CComplex z;
  if (!one_complex("cmath.phase", args, nargs, kw, &z)) return Value();
  return Value::from_double(std::atan2(z.imag, z.real));
}

Value cmath_polar(Value, const Value* args, size_t nargs, Tuple* kw) {
  CComplex z;
  if (!one_complex("cmath.polar", args, nargs, kw, &z)) return Value();
  double phi = std::atan2(z.imag, z.real);
  bool overflow;
  double r = complex_abs(z, &overflow);
  if (overflow) return math_range_error();
  return Value(tuple_pack({Value::from_double(r), Value::from_double(phi)}));
}

Value cmath_rect(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("rect", kw) || !check_nargs("rect", nargs, 2, 2)) return Value();
  double r, phi;
  if (!to_double(args[0], &r) || !to_double(args[1], &phi)) return Value();
  CComplex z;
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    // Behaves like exp(log(r) + i phi) (negated for negative r).
    if (std::isinf(r) && std::isfinite(phi) && phi != 0) z = directed(HUGE_VAL, phi, r > 0 ? 1 : -1, r > 0 ? 1 : -1);
    else z = rect_special().at({r, phi});
    if (r != 0 && !std::isnan(r) && std::isinf(phi)) return math_domain_error();
  } else if (phi == 0.0) {
    z = {r, r * phi};
  } else {
    z = {r * std::cos(phi), r * std::sin(phi)};
  }
  return complex_new(z.real, z.imag);
}

#define CMATH_PREDICATE(pyname, expr)                                           \
  Value cmath_##pyname(Value, const Value* args, size_t nargs, Tuple* kw) {     \
    CComplex z;                                                                 \
    if (!one_complex("cmath." #pyname, args, nargs, kw, &z)) return Value();    \
    return Bool(expr);                                                          \
  }
CMATH_PREDICATE(isfinite, std::isfinite(z.real) && std::isfinite(z.imag))
CMATH_PREDICATE(isinf, std::isinf(z.real) || std::isinf(z.imag))
CMATH_PREDICATE(isnan, std::isnan(z.real) || std::isnan(z.imag))
#undef CMATH_PREDICATE

Value cmath_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  CComplex x, y;
  double rel_tol = 1e-9, abs_tol = 0.0;
  if (!complex_from_value(a[0], &x) || !complex_from_value(a[1], &y)) return Value();
  if (a[2] && !to_double(a[2], &rel_tol)) return Value();
  if (a[3] && !to_double(a[3], &abs_tol)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(&exc::ValueError, "tolerances must be non-negative");
  if (x.real == y.real && x.imag == y.imag) return True();
  if (std::isinf(x.real) || std::isinf(x.imag) || std::isinf(y.real) || std::isinf(y.imag)) return False();
  bool overflow;
  double diff = complex_abs({x.real - y.real, x.imag - y.imag}, &overflow);
  return Bool(diff <= rel_tol * complex_abs(y, &overflow) || diff <= rel_tol * complex_abs(x, &overflow) ||
              diff <= abs_tol);
}

const MethodDef cmath_methods[] = {
    {"acos", cmath_acos, kMethodStatic, "Return the arc cosine of z."},
    {"acosh", cmath_acosh, kMethodStatic, "Return the inverse hyperbolic cosine of z."},
    {"asin", cmath_asin, kMethodStatic, "Return the arc sine of z."},
    {"asinh", cmath_asinh, kMethodStatic, "Return the inverse hyperbolic sine of z."},
    {"atan", cmath_atan, kMethodStatic, "Return the arc tangent of z."},
    {"atanh", cmath_atanh, kMethodStatic, "Return the inverse hyperbolic tangent of z."},
    {"cos", cmath_cos, kMethodStatic, "Return the cosine of z."},
    {"cosh", cmath_cosh, kMethodStatic, "Return the hyperbolic cosine of z."},
    {"exp", cmath_exp, kMethodStatic, "Return the exponential value e**z."},
    {"isclose", cmath_isclose, kMethodStatic, "Determine whether two complex numbers are close in value."},
    {"isfinite", cmath_isfinite, kMethodStatic, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", cmath_isinf, kMethodStatic, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", cmath_isnan, kMethodStatic, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", cmath_log, kMethodStatic, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", cmath_log10, kMethodStatic, "Return the base-10 logarithm of z."},
    {"phase", cmath_phase, kMethodStatic, "Return argument, also known as the phase angle, of a complex."},
    {"polar", cmath_polar, kMethodStatic, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", cmath_rect, kMethodStatic, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", cmath_sin, kMethodStatic, "Return the sine of z."},
    {"sinh", cmath_sinh, kMethodStatic, "Return the hyperbolic sine of z."},
    {"sqrt", cmath_sqrt, kMethodStatic, "Return the square root of z."},
    {"tan", cmath_tan, kMethodStatic, "Return the tangent of z."},
    {"tanh", cmath_tanh, kMethodStatic, "Return the hyperbolic tangent of z."},
    {nullptr}};

bool cmath_init(Module* m) {
  module_add(m, "pi", Value::from_double(kPi));
  module_add(m, "e", Value::from_double(kE));
  module_add(m, "tau", Value::from_double(2 * kPi));
  module_add(m, "inf", Value::from_double(HUGE_VAL));
  module_add(m, "infj", complex_new(0.0, HUGE_VAL));
  module_add(m, "nan", Value::from_double(NAN));
  module_add(m, "nanj", complex_new(0.0, NAN));
  return true;
}

}  // namespace

extern const ModuleDef cmath_module;
const ModuleDef cmath_module = {"cmath", "This module provides access to mathematical functions for complex\nnumbers.",
                                cmath_methods, cmath_init};

}  // namespace spindle
