// int arithmetic and conversions. Operands and results that fit int64 take
// allocation-free paths; anything larger goes through GMP, computing straight
// into the limbs of the result BigInt, which is normalised back to a small int
// when it fits.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace spindle {

namespace {

// The value of an int-like as int64 if it fits.
inline bool small_value(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (v == True()) {
    *out = 1;
    return true;
  }
  if (v == False()) {
    *out = 0;
    return true;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  if (mpz_fits_slong_p(z)) {
    *out = mpz_get_si(z);
    return true;
  }
  return false;
}

inline uint64_t magnitude(int64_t x) { return x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x); }

// A read-only GMP view of any int-like Value. Values that fit int64 are viewed
// through a limb on the stack, so no memory is allocated.
class MpzArg {
 public:
  explicit MpzArg(Value v) {
    int64_t i;
    if (v.is_small_int() || is_bool(v)) {
      small_value(v, &i);
      limb_ = mp_limb_t(magnitude(i));
      ptr_ = mpz_roinit_n(view_, &limb_, i < 0 ? -1 : i > 0 ? 1 : 0);
    } else {
      ptr_ = v.as<BigInt>()->z;
    }
  }
  MpzArg(const MpzArg&) = delete;
  MpzArg& operator=(const MpzArg&) = delete;
  mpz_srcptr get() const { return ptr_; }

 private:
  mp_limb_t limb_;
  mpz_t view_;
  mpz_srcptr ptr_;
};

// A GMP integer for computing results: its first limbs live on the C stack,
// and GMP moves it to a heap block only when a result outgrows them (gc.cpp's
// GMP realloc copies blocks it did not allocate).
class ResultMpz {
 public:
  ResultMpz() {
    z_->_mp_alloc = kStackLimbs;
    z_->_mp_size = 0;
    z_->_mp_d = limbs_;
  }
  ResultMpz(const ResultMpz&) = delete;
  ResultMpz& operator=(const ResultMpz&) = delete;
  mpz_ptr get() { return z_; }

 private:
  static constexpr int kStackLimbs = 16;
  mp_limb_t limbs_[kStackLimbs];
  mpz_t z_;
};

// An exact int holding z: small when it fits, else one pointer-free object
// with the limbs inline (exact ints are immutable, so they never grow).
Value from_mpz(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small(v)) return Value::from_small_int(v);
  }
  size_t n = mpz_size(z);
  auto* b = static_cast<BigInt*>(alloc_object_atomic(&int_type, sizeof(BigInt) + n * sizeof(mp_limb_t)));
  auto* limbs = reinterpret_cast<mp_limb_t*>(b + 1);
  std::memcpy(limbs, mpz_limbs_read(z), n * sizeof(mp_limb_t));
  b->z->_mp_alloc = int(n);
  b->z->_mp_size = z->_mp_size;
  b->z->_mp_d = limbs;
  return Value(b);
}

// Applies a GMP binary function to two int-likes, into a new result.
template <class Fn>
Value mpz_binary(Value a, Value b, Fn fn) {
  MpzArg ma(a), mb(b);
  ResultMpz r;
  fn(r.get(), ma.get(), mb.get());
  return from_mpz(r.get());
}

// Round-half-even conversion of a GMP integer to double; false on overflow.
bool mpz_to_double(mpz_srcptr z, double* out) {
  size_t bits = mpz_sizeinbase(z, 2);
  double d;
  if (bits <= 64) {
    // One limb: the hardware conversion rounds half to even.
    d = double(uint64_t(mpz_getlimbn(z, 0)));
  } else {
    if (bits > 1024) return false;
    // Keep 55 significant bits (53, a rounding bit and a sticky bit) so the
    // conversion of that integer rounds exactly once.
    size_t shift = bits - 55;
    ResultMpz top;
    mpz_tdiv_q_2exp(top.get(), z, shift);
    uint64_t mag = mpz_getlimbn(top.get(), 0);
    if (mpz_scan1(z, 0) < shift) mag |= 1;
    d = std::ldexp(double(mag), int(shift));
    if (std::isinf(d)) return false;
  }
  *out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

Value overflow_to_float() { return raise(&exc::OverflowError, "int too large to convert to float"); }

Value zero_division(const char* what) { return raise(&exc::ZeroDivisionError, "%s", what); }
constexpr const char* kDivByZero = "integer division or modulo by zero";

// Python's floor division and modulo on int64 (y != 0, not INT64_MIN / -1).
inline int64_t floor_div(int64_t x, int64_t y) {
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
  return q;
}
inline int64_t floor_mod(int64_t x, int64_t y) {
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}

}  // namespace

Value int_from_i64(int64_t i) {
  if (Value::fits_small(i)) return Value::from_small_int(i);
  mp_limb_t limb = mp_limb_t(magnitude(i));
  mpz_t z;
  return from_mpz(mpz_roinit_n(z, &limb, i < 0 ? -1 : 1));
}

Value int_from_u64(uint64_t u) {
  if (u <= uint64_t(Value::kSmallIntMax)) return Value::from_small_int(int64_t(u));
  mp_limb_t limb = mp_limb_t(u);
  mpz_t z;
  return from_mpz(mpz_roinit_n(z, &limb, 1));
}

Value int_from_mpz(const mpz_t z) { return from_mpz(z); }

Value int_from_double(double d) {
  if (std::isinf(d)) return raise(&exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(&exc::ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -9.2e18 && t <= 9.2e18) return int_from_i64(int64_t(t));
  ResultMpz r;
  mpz_set_d(r.get(), t);
  return from_mpz(r.get());
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
  if (small_value(a, &x) && small_value(b, &y)) return x < y ? -1 : x > y;
  MpzArg ma(a), mb(b);
  int c = mpz_cmp(ma.get(), mb.get());
  return c < 0 ? -1 : c > 0;
}

int compare_int_double(Value i, double d, CompareOp op, bool* result) {
  if (std::isnan(d)) {
    *result = op == CompareOp::NE;
    return 0;
  }
  int c;
  int64_t x;
  constexpr int64_t kExact = int64_t(1) << 53;
  if (small_value(i, &x) && x > -kExact && x < kExact) {
    double xd = double(x);
    c = xd < d ? -1 : xd > d ? 1 : 0;
  } else {
    MpzArg mi(i);
    c = mpz_cmp_d(mi.get(), d);  // exact, and defined for infinities
    c = c < 0 ? -1 : c > 0;
  }
  switch (op) {
    case CompareOp::LT: *result = c < 0; break;
    case CompareOp::LE: *result = c <= 0; break;
    case CompareOp::EQ: *result = c == 0; break;
    case CompareOp::NE: *result = c != 0; break;
    case CompareOp::GT: *result = c > 0; break;
    default: *result = c >= 0; break;
  }
  return 0;
}

// CPython's numeric hash: |n| mod (2^61 - 1) with n's sign; -1 becomes -2.
int64_t int_hash(Value v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  int64_t s;
  int64_t h;
  if (small_value(v, &s)) {
    h = int64_t(magnitude(s) % kModulus);
    if (s < 0) h = -h;
  } else {
    mpz_srcptr z = v.as<BigInt>()->z;
    mpz_t abs_view;
    mpz_roinit_n(abs_view, mpz_limbs_read(z), int(mpz_size(z)));
    h = int64_t(mpz_fdiv_ui(abs_view, kModulus));
    if (mpz_sgn(z) < 0) h = -h;
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
  MpzArg a(v);
  std::string buf(mpz_sizeinbase(a.get(), base) + 2, '\0');
  mpz_get_str(buf.data(), base, a.get());
  buf.resize(std::strlen(buf.c_str()));
  bool neg = buf[0] == '-';
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  std::string out = neg ? "-" : "";
  out += prefix;
  out.append(buf, neg ? 1 : 0);
  return str_from_ascii(out);
}

int64_t int_bit_length(Value v) {
  int64_t s;
  if (small_value(v, &s)) {
    uint64_t mag = magnitude(s);
    return mag ? 64 - __builtin_clzll(mag) : 0;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  return mpz_sgn(z) == 0 ? 0 : int64_t(mpz_sizeinbase(z, 2));
}

// ---------------------------------------------------------------- text

std::atomic<int64_t> int_max_str_digits{4300};

namespace {

constexpr double kLog2Of10 = 3.321928094887362;

Value too_many_digits_error(int64_t limit) {
  return raise(&exc::ValueError,
               "Exceeds the limit (%lld digits) for integer string conversion; use sys.set_int_max_str_digits() to "
               "increase the limit",
               (long long)limit);
}

}  // namespace

Value int_to_decimal_str(Value v) {
  int64_t s;
  if (small_value(v, &s)) return Value(str_from_ascii(std::to_string(s)));
  int64_t limit = int_max_str_digits.load(std::memory_order_relaxed);
  if (limit > 0) {
    // Refuse clearly oversized values before paying for the conversion.
    int64_t bits = int_bit_length(v);
    if (double(bits - 1) > double(limit) * kLog2Of10 + 1) return too_many_digits_error(limit);
  }
  std::string text = int_to_decimal(v);
  if (limit > 0 && int64_t(text.size()) - (text[0] == '-') > limit) return too_many_digits_error(limit);
  return Value(str_from_ascii(text));
}

IntParse parse_int_text(const char* s, size_t n, int base, Value* out, int64_t* digit_count) {
  const char* p = s;
  const char* end = s + n;
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (p < end && space(*p)) p++;
  while (end > p && space(end[-1])) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  int b = base;
  bool had_prefix = false;
  if (end - p >= 2 && p[0] == '0') {
    char c = char(p[1] | 0x20);
    int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (prefix_base && (base == 0 || base == prefix_base)) {
      b = prefix_base;
      p += 2;
      had_prefix = true;
    }
  }
  if (b == 0) b = 10;
  if (p == end) return IntParse::Invalid;
  // Validate and count: single underscores may separate digits, and one may
  // follow a base prefix.
  int64_t ndigits = 0;
  bool after_underscore = !had_prefix;  // a leading '_' only right after a prefix
  bool nonzero = false;
  uint64_t acc = 0;
  bool acc_overflow = false;
  for (const char* q = p; q < end; q++) {
    char c = *q;
    if (c == '_') {
      if (after_underscore) return IntParse::Invalid;
      after_underscore = true;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= b) return IntParse::Invalid;
    if (d) nonzero = true;
    if (!acc_overflow && (__builtin_mul_overflow(acc, uint64_t(b), &acc) || __builtin_add_overflow(acc, uint64_t(d), &acc)))
      acc_overflow = true;
    ndigits++;
    after_underscore = false;
  }
  if (after_underscore || ndigits == 0) return IntParse::Invalid;
  // Base 0 forbids leading zeros in a non-zero decimal number ("010").
  if (base == 0 && !had_prefix && p[0] == '0' && nonzero) return IntParse::Invalid;
  if ((b & (b - 1)) != 0) {
    int64_t limit = int_max_str_digits.load(std::memory_order_relaxed);
    if (limit > 0 && ndigits > limit) {
      *digit_count = ndigits;
      return IntParse::TooManyDigits;
    }
  }
  if (!acc_overflow && acc <= uint64_t(INT64_MAX)) {
    *out = int_from_i64(neg ? -int64_t(acc) : int64_t(acc));
    return IntParse::Ok;
  }
  std::string digits;
  digits.reserve(size_t(ndigits));
  for (const char* q = p; q < end; q++)
    if (*q != '_') digits.push_back(*q);
  ResultMpz r;
  mpz_set_str(r.get(), digits.c_str(), b);
  if (neg) mpz_neg(r.get(), r.get());
  *out = from_mpz(r.get());
  return IntParse::Ok;
}

Value int_parse_error(IntParse status, Value text, int base, int64_t digit_count) {
  if (status == IntParse::TooManyDigits)
    return raise(&exc::ValueError,
                 "Exceeds the limit (%lld digits) for integer string conversion: value has %lld digits; use "
                 "sys.set_int_max_str_digits() to increase the limit",
                 (long long)int_max_str_digits.load(std::memory_order_relaxed), (long long)digit_count);
  Value r = repr(text);
  if (!r) return Value();
  Str* shown = r.as<Str>();
  if (shown->length > 200) shown = str_substr(shown, 0, 200);
  return raise(&exc::ValueError, "invalid literal for int() with base %d: %U", base, shown);
}

Value int_from_string(const char* s, size_t n, int base) {
  if (base != 0 && (base < 2 || base > 36)) return raise(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  Value out;
  int64_t digits = 0;
  IntParse status = parse_int_text(s, n, base, &out, &digits);
  if (status == IntParse::Ok) return out;
  Str* text = str_from_utf8(s, n);
  if (!text) {
    clear_error();
    text = str_from_utf8_surrogateescape(s, n);
  }
  return int_parse_error(status, Value(text), base, digits);
}

// ---------------------------------------------------------------- arithmetic

Value int_add(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
  return mpz_binary(a, b, mpz_add);
}

Value int_sub(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
  return mpz_binary(a, b, mpz_sub);
}

Value int_mul(Value a, Value b) {
  int64_t x, y, r;
  if (small_value(a, &x) && small_value(b, &y) && !__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
  return mpz_binary(a, b, mpz_mul);
}

Value int_floordiv(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (y == 0) return zero_division(kDivByZero);
    if (!(x == INT64_MIN && y == -1)) return int_from_i64(floor_div(x, y));
  }
  if (int_sign(b) == 0) return zero_division(kDivByZero);
  return mpz_binary(a, b, mpz_fdiv_q);
}

Value int_mod(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) {
    if (y == 0) return zero_division("integer modulo by zero");
    if (y == -1) return Value::from_small_int(0);
    return int_from_i64(floor_mod(x, y));
  }
  if (int_sign(b) == 0) return zero_division("integer modulo by zero");
  return mpz_binary(a, b, mpz_fdiv_r);
}

bool int_divmod(Value a, Value b, Value* q, Value* r) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y) && y != 0 && !(x == INT64_MIN && y == -1)) {
    *q = int_from_i64(floor_div(x, y));
    *r = int_from_i64(floor_mod(x, y));
    return true;
  }
  if (int_sign(b) == 0) {
    zero_division(kDivByZero);
    return false;
  }
  MpzArg ma(a), mb(b);
  ResultMpz quotient, remainder;
  mpz_fdiv_qr(quotient.get(), remainder.get(), ma.get(), mb.get());
  *q = from_mpz(quotient.get());
  *r = from_mpz(remainder.get());
  return true;
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
  bool neg = (mpz_sgn(ma.get()) < 0) != (mpz_sgn(mb.get()) < 0);
  if (mpz_sgn(ma.get()) == 0) return Value::from_double(neg ? -0.0 : 0.0);
  // Correctly rounded: compute Q = floor(|a| * 2^-e / |b|) with at least two
  // bits below the double's last place (the lowest one made sticky by the
  // remainder), then round Q half to even at that place. e is bounded below
  // so subnormal results are rounded once, at 2^-1074.
  long diff = long(mpz_sizeinbase(ma.get(), 2)) - long(mpz_sizeinbase(mb.get(), 2));
  if (diff > 1025) return raise(&exc::OverflowError, "integer division result too large for a float");
  long e = std::max(diff - 55, -1076L);  // Q < 2^56
  mpz_t num, den, q, r;
  mpz_inits(num, den, q, r, nullptr);
  mpz_abs(num, ma.get());
  mpz_abs(den, mb.get());
  if (e < 0) mpz_mul_2exp(num, num, (unsigned long)(-e));
  else mpz_mul_2exp(den, den, (unsigned long)(e));
  mpz_tdiv_qr(q, r, num, den);
  uint64_t quotient = mpz_get_ui(q) | (mpz_sgn(r) != 0);
  long top = long(mpz_sizeinbase(q, 2)) - 1 + e;
  long lsb = std::max(top - 52, -1074L);
  long drop = lsb - e;  // >= 2
  uint64_t rest = quotient & ((uint64_t(1) << drop) - 1);
  uint64_t half = uint64_t(1) << (drop - 1);
  quotient >>= drop;
  if (rest > half || (rest == half && (quotient & 1))) quotient++;
  double d = std::ldexp(double(quotient), int(lsb));
  if (std::isinf(d)) return raise(&exc::OverflowError, "integer division result too large for a float");
  return Value::from_double(neg ? -d : d);
}

namespace {
// GMP aborts the process on integers above INT_MAX limbs (about 2**37 bits);
// results that large would not fit in memory anyway, so they are a MemoryError.
constexpr uint64_t kMaxResultBits = uint64_t(1) << 36;
bool result_too_big(uint64_t bits) { return bits > kMaxResultBits; }
}  // namespace

Value int_pow(Value a, Value b, Value mod) {
  bool has_mod = !mod.is_null() && !is_none(mod);
  if (has_mod) {
    MpzArg ma(a), mb(b), mm(mod);
    if (mpz_sgn(mm.get()) == 0) return raise(&exc::ValueError, "pow() 3rd argument cannot be 0");
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, mm.get());
    if (mpz_cmp_ui(m, 1) == 0) return Value::from_small_int(0);
    ResultMpz r;
    if (mpz_sgn(mb.get()) < 0) {
      mpz_t inv, e;
      mpz_inits(inv, e, nullptr);
      if (!mpz_invert(inv, ma.get(), m)) return raise(&exc::ValueError, "base is not invertible for the given modulus");
      mpz_neg(e, mb.get());
      mpz_powm(r.get(), inv, e, m);
    } else {
      mpz_powm(r.get(), ma.get(), mb.get(), m);
    }
    // The result takes the modulus' sign.
    if (mpz_sgn(mm.get()) < 0 && mpz_sgn(r.get()) != 0) mpz_sub(r.get(), r.get(), m);
    return from_mpz(r.get());
  }
  if (int_sign(b) < 0) {
    double x, y;
    if (!int_to_double(a, &x) || !int_to_double(b, &y)) return Value();
    return float_pow(x, y);
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
  // Bases 0 and +-1 stay small for any exponent.
  if (mpz_cmpabs_ui(ma.get(), 1) <= 0) {
    if (mpz_sgn(ma.get()) >= 0) return int_exact(a);
    return Value::from_small_int(mpz_even_p(MpzArg(b).get()) ? 1 : -1);
  }
  uint64_t e;
  uint64_t result_bits;
  if (!int_to_u64(b, &e) || __builtin_mul_overflow(e, uint64_t(mpz_sizeinbase(ma.get(), 2) - 1), &result_bits) ||
      result_too_big(result_bits)) {
    clear_error();
    return raise_no_memory();
  }
  ResultMpz r;
  mpz_pow_ui(r.get(), ma.get(), e);
  return from_mpz(r.get());
}

Value int_neg(Value a) {
  int64_t x;
  if (small_value(a, &x) && x != INT64_MIN) return int_from_i64(-x);
  MpzArg ma(a);
  ResultMpz r;
  mpz_neg(r.get(), ma.get());
  return from_mpz(r.get());
}

Value int_invert(Value a) {
  int64_t x;
  if (small_value(a, &x)) return int_from_i64(~x);
  MpzArg ma(a);
  ResultMpz r;
  mpz_com(r.get(), ma.get());
  return from_mpz(r.get());
}

Value int_lshift(Value a, Value b) {
  if (int_sign(b) < 0) return raise(&exc::ValueError, "negative shift count");
  int64_t x, y = 0;
  bool count_small = small_value(b, &y);
  if (small_value(a, &x) && count_small) {
    if (x == 0) return Value::from_small_int(0);
    if (y < 63) {
      int64_t r = int64_t(uint64_t(x) << y);
      if ((r >> y) == x) return int_from_i64(r);
    }
  }
  if (int_sign(a) == 0) return Value::from_small_int(0);
  // CPython's digit count limit (2**61 digits of 30 bits) before its allocation limit.
  if (!count_small || y / 30 >= (int64_t(1) << 61)) return raise(&exc::OverflowError, "too many digits in integer");
  MpzArg ma(a);
  if (result_too_big(uint64_t(y) + mpz_sizeinbase(ma.get(), 2))) return raise_no_memory();
  ResultMpz r;
  mpz_mul_2exp(r.get(), ma.get(), (unsigned long)(y));
  return from_mpz(r.get());
}

Value int_rshift(Value a, Value b) {
  if (int_sign(b) < 0) return raise(&exc::ValueError, "negative shift count");
  int64_t x, y = 0;
  bool count_small = small_value(b, &y);
  if (small_value(a, &x)) {
    if (!count_small || y >= 63) return Value::from_small_int(x < 0 ? -1 : 0);
    return int_from_i64(x >> y);
  }
  MpzArg ma(a);
  if (!count_small) return Value::from_small_int(mpz_sgn(ma.get()) < 0 ? -1 : 0);
  ResultMpz r;
  mpz_fdiv_q_2exp(r.get(), ma.get(), (unsigned long)(y));
  return from_mpz(r.get());
}

Value int_and(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) return int_from_i64(x & y);
  return mpz_binary(a, b, mpz_and);
}

Value int_or(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) return int_from_i64(x | y);
  return mpz_binary(a, b, mpz_ior);
}

Value int_xor(Value a, Value b) {
  int64_t x, y;
  if (small_value(a, &x) && small_value(b, &y)) return int_from_i64(x ^ y);
  return mpz_binary(a, b, mpz_xor);
}

int64_t int_bit_count(Value v) {
  int64_t x;
  if (small_value(v, &x)) return __builtin_popcountll(magnitude(x));
  mpz_srcptr z = v.as<BigInt>()->z;
  mpz_t abs_view;
  mpz_roinit_n(abs_view, mpz_limbs_read(z), int(mpz_size(z)));
  return int64_t(mpz_popcount(abs_view));
}

}  // namespace spindle
