// int arithmetic and conversions. Small ints take the int64 fast paths; any
// result outside the 50-bit small range becomes a GMP-backed BigInt.
#include <cerrno>
#include <cmath>
#include <cstring>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace spindle {

namespace {

// A GMP view of any int-like Value; small values are materialised on demand.
class MpzArg {
 public:
  explicit MpzArg(Value v) {
    if (v.is_small_int() || is_bool(v)) {
      int64_t i = v.is_small_int() ? v.as_small_int() : (v == True() ? 1 : 0);
      mpz_init_set_si(tmp_, long(i));
      ptr_ = tmp_;
    } else {
      ptr_ = v.as<BigInt>()->z;
    }
  }
  MpzArg(const MpzArg&) = delete;
  mpz_srcptr get() const { return ptr_; }

 private:
  mpz_t tmp_;
  mpz_srcptr ptr_;
};

// The value of an int-like as int64 if it fits.
inline bool small_value(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (v == True()) { *out = 1; return true; }
  if (v == False()) { *out = 0; return true; }
  mpz_srcptr z = v.as<BigInt>()->z;
  if (mpz_fits_slong_p(z)) {
    *out = mpz_get_si(z);
    return true;
  }
  return false;
}

BigInt* new_bigint() {
  auto* b = alloc_instance<BigInt>(&int_type);
  mpz_init(b->z);
  return b;
}

// Takes ownership of nothing: copies z into a normalised Value.
Value from_mpz(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small(v)) return Value::from_small_int(v);
  }
  BigInt* b = new_bigint();
  mpz_set(b->z, z);
  return Value(b);
}

// Round-half-even conversion of a GMP integer to double; false on overflow.
bool mpz_to_double(mpz_srcptr z, double* out) {
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 53) {
    *out = mpz_get_d(z);
    return true;
  }
  if (bits > 1024) return false;
  // Keep 55 significant bits: 53 + a rounding bit + a sticky bit.
  size_t shift = bits - 55;
  mpz_t q;
  mpz_init(q);
  mpz_tdiv_q_2exp(q, z, shift);
  bool inexact = mpz_scan1(z, 0) < shift;
  int sign = mpz_sgn(q);
  mpz_abs(q, q);
  uint64_t top = mpz_get_ui(q);
  if (inexact) top |= 1;
  double d = std::ldexp(double(top), int(shift));
  if (std::isinf(d)) return false;
  *out = sign < 0 ? -d : d;
  return true;
}

Value overflow_to_float() { return raise(&exc::OverflowError, "int too large to convert to float"); }

Value zero_division(const char* what) { return raise(&exc::ZeroDivisionError, "%s", what); }

}  // namespace

Value int_from_i64(int64_t i) {
  if (Value::fits_small(i)) return Value::from_small_int(i);
  BigInt* b = new_bigint();
  mpz_set_si(b->z, long(i));
  return Value(b);
}

Value int_from_u64(uint64_t u) {
  if (u <= uint64_t(Value::kSmallIntMax)) return Value::from_small_int(int64_t(u));
  BigInt* b = new_bigint();
  mpz_set_ui(b->z, u);
  return Value(b);
}

Value int_from_mpz(const mpz_t z) { return from_mpz(z); }

Value int_from_double(double d) {
  if (std::isinf(d)) return raise(&exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(&exc::ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -9.2e18 && t <= 9.2e18) return int_from_i64(int64_t(t));
  mpz_t z;
  mpz_init_set_d(z, t);
  return from_mpz(z);
}

Value int_exact(Value v) {
  if (v.is_small_int()) return v;
  if (v == True()) return Value::from_small_int(1);
  if (v == False()) return Value::from_small_int(0);
  if (v.as_object()->type == &int_type) return v;
  return from_mpz(v.as<BigInt>()->z);
}

bool int_to_i64(Value v, int64_t* out) {
  if (small_value(v, out)) return true;
  raise(&exc::OverflowError, "Python int too large to convert to C long");
  return false;
}

bool int_to_u64(Value v, uint64_t* out) {
  int64_t s;
  if (small_value(v, &s)) {
    if (s < 0) {
      raise(&exc::OverflowError, "can't convert negative int to unsigned");
      return false;
    }
    *out = uint64_t(s);
    return true;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  if (mpz_sgn(z) < 0) {
    raise(&exc::OverflowError, "can't convert negative int to unsigned");
    return false;
  }
  if (!mpz_fits_ulong_p(z)) {
    raise(&exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = mpz_get_ui(z);
  return true;
}

bool int_to_double(Value v, double* out) {
  int64_t s;
  if (v.is_small_int() || is_bool(v)) {
    small_value(v, &s);
    *out = double(s);
    return true;
  }
  if (!mpz_to_double(v.as<BigInt>()->z, out)) {
    overflow_to_float();
    return false;
  }
  return true;
}

void int_to_mpz(Value v, mpz_t z) {
  MpzArg a(v);
  mpz_set(z, a.get());
}

int int_sign(Value v) {
  int64_t s;
  if (small_value(v, &s)) return s < 0 ? -1 : s > 0;
  return mpz_sgn(v.as<BigInt>()->z);
}

int int_compare(Value a, Value b) {
  int64_t x, y;
  bool sa = small_value(a, &x), sb = small_value(b, &y);
  if (sa && sb) return x < y ? -1 : x > y;
  MpzArg ma(a), mb(b);
  int c = mpz_cmp(ma.get(), mb.get());
  return c < 0 ? -1 : c > 0;
}

// CPython's numeric hash: n mod (2^61 - 1), keeping the sign; -1 becomes -2.
int64_t int_hash(Value v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  int64_t s;
  int64_t h;
  if (small_value(v, &s)) {
    uint64_t mag = s < 0 ? uint64_t(0) - uint64_t(s) : uint64_t(s);
    h = int64_t(mag % kModulus);
    if (s < 0) h = -h;
  } else {
    mpz_srcptr z = v.as<BigInt>()->z;
    h = int64_t(mpz_fdiv_ui(z, kModulus));  // of |z| below
    if (mpz_sgn(z) < 0) {
      mpz_t m;
      mpz_init(m);
      mpz_abs(m, z);
      h = -int64_t(mpz_fdiv_ui(m, kModulus));
    }
  }
  return h == -1 ? -2 : h;
}

std::string int_to_decimal(Value v) {
  int64_t s;
  if (small_value(v, &s)) return std::to_string(s);
  mpz_srcptr z = v.as<BigInt>()->z;
  std::string out(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(out.data(), 10, z);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Value int_to_string(Value v, int base) {
  std::string digits;
  MpzArg a(v);
  std::string buf(mpz_sizeinbase(a.get(), base) + 2, '\0');
  mpz_get_str(buf.data(), base, a.get());
  buf.resize(std::strlen(buf.c_str()));
  bool neg = buf[0] == '-';
  std::string body = neg ? buf.substr(1) : buf;
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  return str_from_ascii((neg ? "-" : "") + std::string(prefix) + body);
}

int64_t int_bit_length(Value v) {
  int64_t s;
  if (small_value(v, &s)) {
    uint64_t mag = s < 0 ? uint64_t(0) - uint64_t(s) : uint64_t(s);
    return mag ? 64 - __builtin_clzll(mag) : 0;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  return mpz_sgn(z) == 0 ? 0 : int64_t(mpz_sizeinbase(z, 2));
}

// ---------------------------------------------------------------- parsing

std::atomic<int64_t> int_max_str_digits{4300};

Value int_from_string(const char* s, size_t n, int base) {
  const char* p = s;
  const char* end = s + n;
  auto invalid = [&]() -> Value {
    Str* text = str_from_utf8(s, n);
    if (!text) {
      clear_error();
      text = str_from_utf8_surrogateescape(s, n);
    }
    return raise(&exc::ValueError, "invalid literal for int() with base %d: %R", base, Value(text));
  };
  if (base != 0 && (base < 2 || base > 36)) return raise(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  while (p < end && (std::isspace(uint8_t(*p)))) p++;
  while (end > p && (std::isspace(uint8_t(end[-1])))) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  int b = base;
  bool had_prefix = false;
  if (end - p >= 2 && p[0] == '0') {
    char c = char(std::tolower(uint8_t(p[1])));
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      p += 2;
      had_prefix = true;
    }
  }
  if (b == 0) b = 10;
  // Collect digits; single underscores may separate digits (and follow a prefix).
  std::string digits;
  digits.reserve(size_t(end - p));
  bool last_underscore = !had_prefix;  // a leading '_' is only allowed after a prefix
  if (p == end) return invalid();
  for (const char* q = p; q < end; q++) {
    char c = *q;
    if (c == '_') {
      if (last_underscore) return invalid();
      last_underscore = true;
      continue;
    }
    int d = std::isdigit(uint8_t(c)) ? c - '0' : std::isalpha(uint8_t(c)) ? std::tolower(uint8_t(c)) - 'a' + 10 : 99;
    if (d >= b) return invalid();
    digits.push_back(c);
    last_underscore = false;
  }
  if (last_underscore || digits.empty()) return invalid();
  // Base 0 forbids leading zeros in a non-zero decimal number ("010").
  if (base == 0 && !had_prefix && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    return invalid();
  if ((b & (b - 1)) != 0) {
    int64_t limit = int_max_str_digits.load(std::memory_order_relaxed);
    if (limit > 0 && int64_t(digits.size()) > limit)
      return raise(&exc::ValueError,
                   "Exceeds the limit (%lld digits) for integer string conversion: value has %zd digits; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   (long long)limit, ssize_t(digits.size()));
  }
  if (digits.size() <= 12 && b <= 16) {
    int64_t v = std::strtoll(digits.c_str(), nullptr, b);
    return int_from_i64(neg ? -v : v);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits.c_str(), b);
  if (neg) mpz_neg(z, z);
  return from_mpz(z);
}

// ---------------------------------------------------------------- arithmetic

Value int_add(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
  MpzArg ma(a), mb(b);
  mpz_t z;
  mpz_init(z);
  mpz_add(z, ma.get(), mb.get());
  return from_mpz(z);
}

Value int_sub(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
  MpzArg ma(a), mb(b);
  mpz_t z;
  mpz_init(z);
  mpz_sub(z, ma.get(), mb.get());
  return from_mpz(z);
}

Value int_mul(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
  MpzArg ma(a), mb(b);
  mpz_t z;
  mpz_init(z);
  mpz_mul(z, ma.get(), mb.get());
  return from_mpz(z);
}

Value int_floordiv(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (y == 0) return zero_division("integer division or modulo by zero");
    if (!(x == INT64_MIN && y == -1)) {
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
      return int_from_i64(q);
    }
  }
  MpzArg ma(a), mb(b);
  if (mpz_sgn(mb.get()) == 0) return zero_division("integer division or modulo by zero");
  mpz_t z;
  mpz_init(z);
  mpz_fdiv_q(z, ma.get(), mb.get());
  return from_mpz(z);
}

Value int_mod(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (y == 0) return zero_division("integer division or modulo by zero");
    if (y == -1) return Value::from_small_int(0);
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return int_from_i64(r);
  }
  MpzArg ma(a), mb(b);
  if (mpz_sgn(mb.get()) == 0) return zero_division("integer division or modulo by zero");
  mpz_t z;
  mpz_init(z);
  mpz_fdiv_r(z, ma.get(), mb.get());
  return from_mpz(z);
}

Value int_truediv(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (y == 0) return zero_division("division by zero");
    constexpr int64_t kExact = int64_t(1) << 53;
    if (x > -kExact && x < kExact && y > -kExact && y < kExact) return Value::from_double(double(x) / double(y));
  }
  MpzArg ma(a), mb(b);
  if (mpz_sgn(mb.get()) == 0) return zero_division("division by zero");
  if (mpz_sgn(ma.get()) == 0) return Value::from_double(mpz_sgn(mb.get()) < 0 ? -0.0 : 0.0);
  // Correctly rounded: scale so the integer quotient has at least 55 bits, then
  // fold the remainder into a sticky bit and let the conversion round.
  mpz_t num, den, q, r;
  mpz_inits(num, den, q, r, nullptr);
  mpz_abs(num, ma.get());
  mpz_abs(den, mb.get());
  long shift = 55 - (long(mpz_sizeinbase(num, 2)) - long(mpz_sizeinbase(den, 2)));
  if (shift > 0) mpz_mul_2exp(num, num, (unsigned long)(shift));
  else if (shift < 0) mpz_mul_2exp(den, den, (unsigned long)(-shift));
  mpz_tdiv_qr(q, r, num, den);
  if (mpz_sgn(r) != 0) mpz_setbit(q, 0);
  double d;
  if (!mpz_to_double(q, &d)) return raise(&exc::OverflowError, "integer division result too large for a float");
  d = std::ldexp(d, int(-shift));
  if (std::isinf(d)) return raise(&exc::OverflowError, "integer division result too large for a float");
  bool neg = (mpz_sgn(ma.get()) < 0) != (mpz_sgn(mb.get()) < 0);
  return Value::from_double(neg ? -d : d);
}

Value int_pow(Value a, Value b, Value mod) {
  bool has_mod = !mod.is_null() && !is_none(mod);
  if (!has_mod && int_sign(b) < 0) {
    double x, y;
    if (!int_to_double(a, &x) || !int_to_double(b, &y)) return Value();
    if (x == 0) return zero_division("0.0 cannot be raised to a negative power");
    return Value::from_double(std::pow(x, y));
  }
  if (has_mod) {
    MpzArg ma(a), mb(b), mm(mod);
    if (mpz_sgn(mm.get()) == 0) return raise(&exc::ValueError, "pow() 3rd argument cannot be 0");
    mpz_t m, base, z;
    mpz_inits(m, base, z, nullptr);
    mpz_abs(m, mm.get());
    mpz_set(base, ma.get());
    if (mpz_sgn(mb.get()) < 0) {
      if (!mpz_invert(base, base, m)) return raise(&exc::ValueError, "base is not invertible for the given modulus");
      mpz_t e;
      mpz_init(e);
      mpz_neg(e, mb.get());
      mpz_powm(z, base, e, m);
    } else {
      mpz_powm(z, base, mb.get(), m);
    }
    // Python's result takes the modulus' sign.
    if (mpz_sgn(mm.get()) < 0 && mpz_sgn(z) != 0) mpz_sub(z, z, m);
    return from_mpz(z);
  }
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    int64_t result = 1, base = x;
    int64_t e = y;
    bool overflow = false;
    while (e > 0 && !overflow) {
      if (e & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      e >>= 1;
      if (e) overflow |= __builtin_mul_overflow(base, base, &base);
    }
    if (!overflow) return int_from_i64(result);
  }
  MpzArg ma(a);
  uint64_t e;
  if (!int_to_u64(b, &e)) return Value();
  if (e > (uint64_t(1) << 40)) return raise_no_memory();
  mpz_t z;
  mpz_init(z);
  mpz_pow_ui(z, ma.get(), e);
  return from_mpz(z);
}

Value int_neg(Value a) {
  int64_t x;
  if (small_value(a, &x) && x != INT64_MIN) return int_from_i64(-x);
  MpzArg ma(a);
  mpz_t z;
  mpz_init(z);
  mpz_neg(z, ma.get());
  return from_mpz(z);
}

Value int_invert(Value a) {
  int64_t x;
  if (small_value(a, &x)) return int_from_i64(~x);
  MpzArg ma(a);
  mpz_t z;
  mpz_init(z);
  mpz_com(z, ma.get());
  return from_mpz(z);
}

Value int_lshift(Value a, Value b) {
  if (int_sign(b) < 0) return raise(&exc::ValueError, "negative shift count");
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (x == 0) return Value::from_small_int(0);
    if (y < 62) {
      int64_t r = x << y;
      if ((r >> y) == x) return int_from_i64(r);
    }
  }
  int64_t count;
  if (!small_value(b, &count) || count > (int64_t(1) << 40)) {
    if (int_sign(a) == 0) return Value::from_small_int(0);
    return raise(&exc::OverflowError, "too many digits in integer");
  }
  MpzArg ma(a);
  mpz_t z;
  mpz_init(z);
  mpz_mul_2exp(z, ma.get(), (unsigned long)(count));
  return from_mpz(z);
}

Value int_rshift(Value a, Value b) {
  if (int_sign(b) < 0) return raise(&exc::ValueError, "negative shift count");
  int64_t x, y;
  if (small_value(a, &x)) {
    if (!small_value(b, &y) || y >= 63) return Value::from_small_int(x < 0 ? -1 : 0);
    return int_from_i64(x >> y);
  }
  int64_t count;
  MpzArg ma(a);
  if (!small_value(b, &count)) return Value::from_small_int(mpz_sgn(ma.get()) < 0 ? -1 : 0);
  mpz_t z;
  mpz_init(z);
  mpz_fdiv_q_2exp(z, ma.get(), (unsigned long)(count));
  return from_mpz(z);
}

#define SPINDLE_INT_BITOP(fn, op, mpzfn)                  \
  Value fn(Value a, Value b) {                            \
    int64_t x, y;                                         \
    if (small_value(a, &x) && small_value(b, &y)) return int_from_i64(x op y); \
    MpzArg ma(a), mb(b);                                  \
    mpz_t z;                                              \
    mpz_init(z);                                          \
    mpzfn(z, ma.get(), mb.get());                         \
    return from_mpz(z);                                   \
  }
SPINDLE_INT_BITOP(int_and, &, mpz_and)
SPINDLE_INT_BITOP(int_or, |, mpz_ior)
SPINDLE_INT_BITOP(int_xor, ^, mpz_xor)
#undef SPINDLE_INT_BITOP

}  // namespace spindle
