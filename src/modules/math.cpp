// The math module: CPython 3.11's functions with its special-value and error
// rules ("math domain error" ValueError, "math range error" OverflowError).
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <vector>

#include "modules/math_support.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Value math_domain_error() { return raise(&exc::ValueError, "math domain error"); }
Value math_range_error() { return raise(&exc::OverflowError, "math range error"); }

namespace {

// ------------------------------------------------------------------ helpers

bool one_arg(const char* qualified_name, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(qualified_name, kwnames) && check_nargs(qualified_name, nargs, 1, 1);
}

// A C function of one double, with the checks of CPython's math_1: a NaN from
// a non-NaN is a domain error; an infinity from a finite argument is a range
// error where the function can overflow, otherwise a domain error (a pole).
Value apply_unary(Value arg, double (*fn)(double), bool can_overflow) {
  double x;
  if (!to_double(arg, &x)) return Value();
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return math_domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? math_range_error() : math_domain_error();
  return Value::from_double(r);
}

// Error reporting from an errno-style result, as CPython's is_error: an
// ERANGE underflow (tiny result) is not an error.
Value errno_result(double r, int err) {
  if (err == EDOM) return math_domain_error();
  if (err == ERANGE && std::fabs(r) >= 1.5) return math_range_error();
  return Value::from_double(r);
}

// Two-argument C functions, as CPython's math_2.
Value apply_binary(const char* name, const Value* args, size_t nargs, Tuple* kwnames, double (*fn)(double, double)) {
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 2, 2)) return Value();
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return Value();
  double r = fn(x, y);
  int err = 0;
  if (std::isnan(r)) err = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  else if (std::isinf(r)) err = std::isfinite(x) && std::isfinite(y) ? ERANGE : 0;
  return errno_result(r, err);
}

// ------------------------------------------------------------------ gamma

// Lanczos approximation (g = 6.0246800407767296, N = 13), the variant CPython
// uses, so results agree to the last bit.
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[13] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[13] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
                                    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr double kPi = 3.141592653589793238462643383279502884197;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  // Large x: evaluate as a rational function of 1/x to avoid overflow.
  if (x < 5.0) {
    for (int i = 12; i >= 0; i--) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < 13; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x), accurate near integers.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r;
  switch (int(std::round(2.0 * y))) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

double gamma_of(double x, int* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0) return x;
    *err = EDOM;
    return NAN;
  }
  if (x == 0) {
    *err = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0) {
      *err = EDOM;
      return NAN;
    }
    if (x <= 23) {
      double f = 1;
      for (int i = 2; i < int(x); i++) f *= i;  // exact below 23!
      return f;
    }
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0) return 0.0 / sin_pi(x);
    *err = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // The rounding error of y, folded in as a correction factor.
  double z = absx > kLanczosGMinusHalf ? (y - absx) - kLanczosGMinusHalf : (y - kLanczosGMinusHalf) - absx;
  z = z * kLanczosG / y;
  double r;
  if (x < 0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

double lgamma_of(double x, int* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

Value math_gamma(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.gamma", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  int err = 0;
  double r = gamma_of(x, &err);
  return errno_result(r, err);
}

Value math_lgamma(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.lgamma", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  int err = 0;
  double r = lgamma_of(x, &err);
  return errno_result(r, err);
}

// ------------------------------------------------------------------ simple unary functions

double degrees_of(double x) { return x * (180.0 / kPi); }
double radians_of(double x) { return x * (kPi / 180.0); }

#define MATH_UNARY(pyname, cfn, can_overflow)                                 \
  Value math_##pyname(Value, const Value* args, size_t nargs, Tuple* kw) {    \
    if (!one_arg("math." #pyname, nargs, kw)) return Value();                 \
    return apply_unary(args[0], cfn, can_overflow);                           \
  }
MATH_UNARY(acos, ::acos, false)
MATH_UNARY(acosh, ::acosh, false)
MATH_UNARY(asin, ::asin, false)
MATH_UNARY(asinh, ::asinh, false)
MATH_UNARY(atan, ::atan, false)
MATH_UNARY(atanh, ::atanh, false)
MATH_UNARY(cbrt, ::cbrt, false)
MATH_UNARY(cos, ::cos, false)
MATH_UNARY(cosh, ::cosh, true)
MATH_UNARY(erf, ::erf, false)
MATH_UNARY(erfc, ::erfc, false)
MATH_UNARY(exp, ::exp, true)
MATH_UNARY(exp2, ::exp2, true)
MATH_UNARY(expm1, ::expm1, true)
MATH_UNARY(fabs, ::fabs, false)
MATH_UNARY(log1p, ::log1p, false)
MATH_UNARY(sin, ::sin, false)
MATH_UNARY(sinh, ::sinh, true)
MATH_UNARY(sqrt, ::sqrt, false)
MATH_UNARY(tan, ::tan, false)
MATH_UNARY(tanh, ::tanh, false)
#undef MATH_UNARY

// degrees/radians never fail (CPython does no checking).
Value math_degrees(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.degrees", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  return Value::from_double(degrees_of(x));
}

Value math_radians(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.radians", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  return Value::from_double(radians_of(x));
}

#define MATH_PREDICATE(pyname, expr)                                          \
  Value math_##pyname(Value, const Value* args, size_t nargs, Tuple* kw) {    \
    if (!one_arg("math." #pyname, nargs, kw)) return Value();                 \
    double x;                                                                 \
    if (!to_double(args[0], &x)) return Value();                              \
    return Bool(expr);                                                        \
  }
MATH_PREDICATE(isfinite, std::isfinite(x))
MATH_PREDICATE(isinf, std::isinf(x))
MATH_PREDICATE(isnan, std::isnan(x))
#undef MATH_PREDICATE

// ------------------------------------------------------------------ logarithms

// log functions with CPython's domain rules: log(0) and log(negative) fail.
double checked_log(double x, double (*fn)(double), int* err) {
  if (std::isfinite(x)) {
    if (x > 0) return fn(x);
    *err = EDOM;
    return x == 0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0) return x;
  *err = EDOM;
  return NAN;
}

// A log of any real; ints too large for a double are handled as m * 2**e.
bool log_of(Value v, double (*fn)(double), double* out) {
  if (is_int(v)) {
    if (int_sign(v) <= 0) {
      math_domain_error();
      return false;
    }
    double d;
    if (int_to_double(v, &d)) {
      *out = fn(d);
      return true;
    }
    clear_error();
    int64_t bits = int_bit_length(v);
    // The top 55 bits give a mantissa rounded once by the conversion.
    Value top = int_rshift(v, int_from_i64(bits - 55));
    double m;
    if (!top || !int_to_double(top, &m)) return false;
    m = std::ldexp(m, -55);  // in [0.5, 1]
    *out = fn(m) + fn(2.0) * double(bits);
    return true;
  }
  double x;
  if (!to_double(v, &x)) return false;
  int err = 0;
  double r = checked_log(x, fn, &err);
  if (err) {
    math_domain_error();
    return false;
  }
  *out = r;
  return true;
}

Value math_log(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("math.log", kw)) return Value();
  if (nargs < 1 || nargs > 2) return raise(&exc::TypeError, "math.log requires 1 to 2 arguments");
  double num;
  if (!log_of(args[0], ::log, &num)) return Value();
  if (nargs == 1) return Value::from_double(num);
  double den;
  if (!log_of(args[1], ::log, &den)) return Value();
  if (den == 0) return raise(&exc::ZeroDivisionError, "float division by zero");
  return Value::from_double(num / den);
}

#define MATH_LOG(pyname, cfn)                                                 \
  Value math_##pyname(Value, const Value* args, size_t nargs, Tuple* kw) {    \
    if (!one_arg("math." #pyname, nargs, kw)) return Value();                 \
    double r;                                                                 \
    if (!log_of(args[0], cfn, &r)) return Value();                            \
    return Value::from_double(r);                                             \
  }
MATH_LOG(log2, ::log2)
MATH_LOG(log10, ::log10)
#undef MATH_LOG

// ------------------------------------------------------------------ two-argument functions

double remainder_of(double x, double y) {
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x) || y == 0) return NAN;
  if (std::isinf(y)) return x;
  return std::remainder(x, y);
}

Value math_atan2(Value, const Value* args, size_t nargs, Tuple* kw) {
  return apply_binary("atan2", args, nargs, kw, ::atan2);
}
Value math_copysign(Value, const Value* args, size_t nargs, Tuple* kw) {
  return apply_binary("copysign", args, nargs, kw, ::copysign);
}
Value math_remainder(Value, const Value* args, size_t nargs, Tuple* kw) {
  return apply_binary("remainder", args, nargs, kw, remainder_of);
}

Value math_fmod(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("fmod", kw) || !check_nargs("fmod", nargs, 2, 2)) return Value();
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return Value::from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return math_domain_error();
  return Value::from_double(r);
}

bool is_odd_integral(double y) { return std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0; }

Value math_pow(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pow", kw) || !check_nargs("pow", nargs, 2, 2)) return Value();
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return Value();
  double r;
  int err = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) r = y == 0 ? 1.0 : x;
    else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (std::isinf(x)) {
      bool odd = is_odd_integral(y);
      if (y > 0) r = odd ? x : std::fabs(x);
      else if (y == 0) r = 1.0;
      else r = odd ? std::copysign(0.0, x) : 0.0;
    } else {
      double ax = std::fabs(x);
      if (ax == 1.0) r = 1.0;
      else if (y > 0 && ax > 1.0) r = y;
      else if (y < 0 && ax < 1.0) r = -y;
      else r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    if (std::isnan(r)) err = EDOM;
    else if (std::isinf(r)) err = x == 0 ? EDOM : ERANGE;
  }
  return errno_result(r, err);
}

Value math_nextafter(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("nextafter", kw) || !check_nargs("nextafter", nargs, 2, 2)) return Value();
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return Value();
  return Value::from_double(std::nextafter(x, y));
}

Value math_ldexp(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("ldexp", kw) || !check_nargs("ldexp", nargs, 2, 2)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  if (!is_int(args[1])) return raise(&exc::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!index_as_i64(args[1], &e, nullptr)) return Value();
  if (x == 0 || !std::isfinite(x)) return Value::from_double(x);
  if (e > INT32_MAX) return math_range_error();
  if (e < INT32_MIN) return Value::from_double(std::copysign(0.0, x));
  double r = std::ldexp(x, int(e));
  if (std::isinf(r)) return math_range_error();
  return Value::from_double(r);
}

Value math_frexp(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.frexp", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
  return Value(tuple_pack({Value::from_double(m), Value::from_small_int(e)}));
}

Value math_modf(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.modf", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  double ip, fp;
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else if (std::isnan(x)) {
    ip = fp = x;
  } else {
    fp = std::modf(x, &ip);
  }
  return Value(tuple_pack({Value::from_double(fp), Value::from_double(ip)}));
}

Value math_ulp(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.ulp", nargs, kw)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  if (std::isnan(x)) return Value::from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::from_double(x);
  double next = std::nextafter(x, HUGE_VAL);
  if (std::isinf(next)) return Value::from_double(x - std::nextafter(x, 0.0));
  return Value::from_double(next - x);
}

Value close_result(bool equal, double a, double b, double rel_tol, double abs_tol) {
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(&exc::ValueError, "tolerances must be non-negative");
  if (equal) return True();
  if (std::isinf(a) || std::isinf(b)) return False();
  double diff = std::fabs(b - a);
  return Bool(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

Value math_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  double x, y, rel_tol = 1e-9, abs_tol = 0.0;
  if (!to_double(a[0], &x) || !to_double(a[1], &y)) return Value();
  if (a[2] && !to_double(a[2], &rel_tol)) return Value();
  if (a[3] && !to_double(a[3], &abs_tol)) return Value();
  return close_result(x == y, x, y, rel_tol, abs_tol);
}

// ------------------------------------------------------------------ rounding to integers

// floor/ceil: exact floats directly, then __floor__/__ceil__, then float().
Value round_to_int(Value v, Str* method, double (*fn)(double)) {
  if (v.is_double()) return int_from_double(fn(v.as_double()));
  if (is_int_exact(v)) return v;
  Value m = lookup_special(v, method);
  if (m) return call0(m);
  if (error_occurred()) return Value();
  double x;
  if (!to_double(v, &x)) return Value();
  return int_from_double(fn(x));
}

Value math_floor(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.floor", nargs, kw)) return Value();
  return round_to_int(args[0], names::__floor__, ::floor);
}

Value math_ceil(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.ceil", nargs, kw)) return Value();
  return round_to_int(args[0], names::__ceil__, ::ceil);
}

Value math_trunc(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.trunc", nargs, kw)) return Value();
  Value v = args[0];
  if (v.is_double()) return int_from_double(v.as_double());
  Value m = lookup_special(v, names::__trunc__);
  if (m) return call0(m);
  if (error_occurred()) return Value();
  return raise(&exc::TypeError, "type %s doesn't define __trunc__ method", type_name(v));
}

// ------------------------------------------------------------------ integer functions

// An integer argument via __index__, as a GMP value.
bool index_mpz(Value v, mpz_t out) {
  Value i = number_index(v);
  if (!i) return false;
  int_to_mpz(i, out);
  return true;
}

Value math_factorial(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.factorial", nargs, kw)) return Value();
  Value n = number_index(args[0]);
  if (!n) return Value();
  if (int_sign(n) < 0) return raise(&exc::ValueError, "factorial() not defined for negative values");
  int64_t k;
  if (!int_to_i64(n, &k)) {
    clear_error();
    return raise(&exc::OverflowError, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
  }
  mpz_t r;
  mpz_init(r);
  mpz_fac_ui(r, (unsigned long)(k));
  return int_from_mpz(r);
}

Value math_isqrt(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.isqrt", nargs, kw)) return Value();
  mpz_t n;
  mpz_init(n);
  if (!index_mpz(args[0], n)) return Value();
  if (mpz_sgn(n) < 0) return raise(&exc::ValueError, "isqrt() argument must be nonnegative");
  mpz_sqrt(n, n);
  return int_from_mpz(n);
}

// comb/perm arguments: n and k (null when absent or None) as non-negative ints.
bool comb_args(const char* name, const Value* args, size_t nargs, Tuple* kw, size_t min_args, mpz_t n, mpz_t k,
               bool* has_k) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, min_args, 2)) return false;
  if (!index_mpz(args[0], n)) return false;
  *has_k = nargs > 1 && !is_none(args[1]);
  if (*has_k && !index_mpz(args[1], k)) return false;
  if (mpz_sgn(n) < 0 && (*has_k || min_args == 2)) {
    raise(&exc::ValueError, "n must be a non-negative integer");
    return false;
  }
  if (*has_k && mpz_sgn(k) < 0) {
    raise(&exc::ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value comb_overflow() { return raise(&exc::OverflowError, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX); }

Value math_comb(Value, const Value* args, size_t nargs, Tuple* kw) {
  mpz_t n, k, r;
  mpz_inits(n, k, r, nullptr);
  bool has_k;
  if (!comb_args("comb", args, nargs, kw, 2, n, k, &has_k)) return Value();
  if (mpz_cmp(k, n) > 0) return Value::from_small_int(0);
  // C(n, k) == C(n, n - k): use the smaller.
  mpz_sub(r, n, k);
  if (mpz_cmp(r, k) < 0) mpz_swap(r, k);
  if (!mpz_fits_ulong_p(k)) return comb_overflow();
  mpz_bin_ui(r, n, mpz_get_ui(k));
  return int_from_mpz(r);
}

Value math_perm(Value, const Value* args, size_t nargs, Tuple* kw) {
  mpz_t n, k, r;
  mpz_inits(n, k, r, nullptr);
  bool has_k;
  if (!comb_args("perm", args, nargs, kw, 1, n, k, &has_k)) return Value();
  if (!has_k) {
    if (mpz_sgn(n) < 0) return raise(&exc::ValueError, "factorial() not defined for negative values");
    mpz_set(k, n);
  }
  if (mpz_cmp(k, n) > 0) return Value::from_small_int(0);
  if (!mpz_fits_ulong_p(k)) return comb_overflow();
  // n! / (n - k)!  ==  C(n, k) * k!
  mpz_t f;
  mpz_init(f);
  mpz_bin_ui(r, n, mpz_get_ui(k));
  mpz_fac_ui(f, mpz_get_ui(k));
  mpz_mul(r, r, f);
  return int_from_mpz(r);
}

Value math_gcd(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gcd", kw)) return Value();
  mpz_t acc, x;
  mpz_inits(acc, x, nullptr);
  for (size_t i = 0; i < nargs; i++) {
    if (!index_mpz(args[i], x)) return Value();
    mpz_gcd(acc, acc, x);
  }
  return int_from_mpz(acc);
}

Value math_lcm(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("lcm", kw)) return Value();
  mpz_t acc, x;
  mpz_inits(acc, x, nullptr);
  mpz_set_ui(acc, 1);
  for (size_t i = 0; i < nargs; i++) {
    if (!index_mpz(args[i], x)) return Value();
    mpz_lcm(acc, acc, x);
  }
  return int_from_mpz(acc);
}

// ------------------------------------------------------------------ sums and norms

// Shewchuk's exact summation with correctly rounded result, as CPython's fsum.
Value math_fsum(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg("math.fsum", nargs, kw)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value item = iter_next(it);
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    double x;
    if (!to_double(item, &x)) return Value();
    double original = x;
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // From an inf or nan summand, or an intermediate overflow.
        if (std::isfinite(original)) return raise(&exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(original)) inf_sum += original;
        special_sum += original;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(&exc::ValueError, "-inf + inf in fsum");
    return Value::from_double(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    // Add from the top down until the sum becomes inexact.
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Half-way cases: make the rounding see the partials below.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return Value::from_double(hi);
}

Value math_prod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"prod", {"iterable", "start"}, 1, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value result = a[1] ? a[1] : Value::from_small_int(1);
  Value it = get_iter(a[0]);
  if (!it) return Value();
  for (;;) {
    Value item = iter_next(it);
    if (!item) return error_occurred() ? Value() : result;
    result = binary_op(result, item, BinaryOp::Mul);
    if (!result) return Value();
  }
}

// The Euclidean norm of n finite non-negative values whose maximum is `max`,
// accurate to within an ulp: squares and their sum are kept exactly as
// double-length values, then one Newton step corrects the square root.
double vector_norm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || v.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // Subnormal inputs: scale up first (ldexp(1, -max_e) would overflow).
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(v, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    x *= scale;                                    // exact
    double sq_hi = x * x, sq_lo = std::fma(x, x, -sq_hi);  // exact square
    double sum = csum + sq_hi;                     // csum >= sq_hi: fast two-sum
    frac2 += sq_hi - (sum - csum);
    frac1 += sq_lo;
    csum = sum;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double sq_hi = -h * h, sq_lo = std::fma(-h, h, -sq_hi);
  double sum = csum + sq_hi;
  frac2 += sq_hi - (sum - csum);
  frac1 += sq_lo;
  csum = sum;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value math_hypot(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("math.hypot", kw)) return Value();
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; i++) {
    double x;
    if (!to_double(args[i], &x)) return Value();
    x = std::fabs(x);
    v[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::from_double(vector_norm(v, max, found_nan));
}

Value math_dist(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dist", kw) || !check_nargs("dist", nargs, 2, 2)) return Value();
  Value p = args[0], q = args[1];
  if (!is_tuple(p)) {
    p = tuple_from_iterable(p);
    if (!p) return Value();
  }
  if (!is_tuple(q)) {
    q = tuple_from_iterable(q);
    if (!q) return Value();
  }
  Tuple* pt = p.as<Tuple>();
  Tuple* qt = q.as<Tuple>();
  if (pt->size != qt->size) return raise(&exc::ValueError, "both points must have the same number of dimensions");
  std::vector<double> v(size_t(pt->size));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < pt->size; i++) {
    double a, b;
    if (!to_double(pt->items[i], &a) || !to_double(qt->items[i], &b)) return Value();
    double x = std::fabs(a - b);
    v[size_t(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::from_double(vector_norm(v, max, found_nan));
}

const MethodDef math_methods[] = {
    {"acos", math_acos, kMethodStatic, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, kMethodStatic, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, kMethodStatic, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, kMethodStatic, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, kMethodStatic, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, kMethodStatic, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, kMethodStatic, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, kMethodStatic, "Return the cube root of x."},
    {"ceil", math_ceil, kMethodStatic, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, kMethodStatic, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, kMethodStatic, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, kMethodStatic, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, kMethodStatic, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, kMethodStatic, "Convert angle x from radians to degrees."},
    {"dist", math_dist, kMethodStatic, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, kMethodStatic, "Error function at x."},
    {"erfc", math_erfc, kMethodStatic, "Complementary error function at x."},
    {"exp", math_exp, kMethodStatic, "Return e raised to the power of x."},
    {"exp2", math_exp2, kMethodStatic, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, kMethodStatic, "Return exp(x)-1."},
    {"fabs", math_fabs, kMethodStatic, "Return the absolute value of the float x."},
    {"factorial", math_factorial, kMethodStatic, "Find n!."},
    {"floor", math_floor, kMethodStatic, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, kMethodStatic, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, kMethodStatic, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, kMethodStatic, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, kMethodStatic, "Gamma function at x."},
    {"gcd", math_gcd, kMethodStatic, "Greatest Common Divisor."},
    {"hypot", math_hypot, kMethodStatic, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, kMethodStatic, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, kMethodStatic, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, kMethodStatic, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, kMethodStatic, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, kMethodStatic, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, kMethodStatic, "Least Common Multiple."},
    {"ldexp", math_ldexp, kMethodStatic, "Return x * (2**i)."},
    {"lgamma", math_lgamma, kMethodStatic, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, kMethodStatic, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, kMethodStatic, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, kMethodStatic, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, kMethodStatic, "Return the base 2 logarithm of x."},
    {"modf", math_modf, kMethodStatic, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, kMethodStatic, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, kMethodStatic, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, kMethodStatic, "Return x**y (x to the power of y)."},
    {"prod", math_prod, kMethodStatic, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, kMethodStatic, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, kMethodStatic, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, kMethodStatic, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, kMethodStatic, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, kMethodStatic, "Return the square root of x."},
    {"tan", math_tan, kMethodStatic, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, kMethodStatic, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, kMethodStatic, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, kMethodStatic, "Return the value of the least significant bit of the float x."},
    {nullptr}};

bool math_init(Module* m) {
  module_add(m, "pi", Value::from_double(kPi));
  module_add(m, "e", Value::from_double(2.718281828459045235360287471352662498));
  module_add(m, "tau", Value::from_double(6.283185307179586476925286766559005768));
  module_add(m, "inf", Value::from_double(HUGE_VAL));
  module_add(m, "nan", Value::from_double(NAN));
  return true;
}

}  // namespace

extern const ModuleDef math_module;
const ModuleDef math_module = {
    "math", "This module provides access to the mathematical functions\ndefined by the C standard.", math_methods,
    math_init};

}  // namespace spindle
