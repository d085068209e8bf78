// Integers (objects/int.h): the switch between unboxed small ints and GMP big
// ints in both directions, arithmetic with Python's sign rules, pow, shifts,
// bitwise operations, hashing, and text conversion in several bases.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace spindle {
namespace {

constexpr int64_t kMax = Value::kSmallIntMax;
constexpr int64_t kMin = Value::kSmallIntMin;

Value I(int64_t i) { return int_from_i64(i); }

Value parse(const char* text, int base = 10) {
  Value v = int_from_string(text, strlen(text), base);
  EXPECT_TRUE(v) << "int_from_string(\"" << text << "\", " << base << ") raised";
  return v;
}

std::string dec(Value v) {
  if (!v) {
    ADD_FAILURE() << "null Value";
    return "<null>";
  }
  return int_to_decimal(v);
}

bool is_big(Value v) { return is_type(v, &int_type); }

// Runs `op`, expects it to fail with `type` pending and message `message`
// (when given); clears the error.
template <class Op>
void expect_error(Op op, Type* type, const char* message = nullptr) {
  Value r = op();
  ASSERT_FALSE(r) << "expected an exception";
  ASSERT_TRUE(error_occurred());
  ASSERT_TRUE(error_matches(type)) << "got " << type_name(ts()->exception);
  if (message) {
    Value e = fetch_error();
    EXPECT_EQ(cstr(to_str(e)), message);
  } else {
    clear_error();
  }
}

class BigIntTest : public ::testing::Test {
 protected:
  void TearDown() override { EXPECT_FALSE(error_occurred()) << "an exception was left pending"; }
};

TEST_F(BigIntTest, SmallRangeStaysUnboxed) {
  for (int64_t i : {int64_t(0), int64_t(-1), kMax, kMin}) {
    Value v = I(i);
    EXPECT_TRUE(v.is_small_int()) << i;
    EXPECT_EQ(v.as_small_int(), i);
  }
}

TEST_F(BigIntTest, OutsideTheSmallRangeIsBig) {
  for (int64_t i : {kMax + 1, kMin - 1, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    Value v = I(i);
    EXPECT_TRUE(is_big(v)) << i;
    EXPECT_TRUE(is_int_exact(v));
    EXPECT_EQ(dec(v), std::to_string(i));
    int64_t back = 0;
    ASSERT_TRUE(int_to_i64(v, &back));
    EXPECT_EQ(back, i);
  }
  Value u = int_from_u64(std::numeric_limits<uint64_t>::max());
  EXPECT_TRUE(is_big(u));
  EXPECT_EQ(dec(u), "18446744073709551615");
  uint64_t ub = 0;
  ASSERT_TRUE(int_to_u64(u, &ub));
  EXPECT_EQ(ub, std::numeric_limits<uint64_t>::max());
}

TEST_F(BigIntTest, ArithmeticOverflowsAndNormalisesBack) {
  Value big = int_add(I(kMax), I(1));
  ASSERT_TRUE(is_big(big));
  EXPECT_EQ(dec(big), "562949953421312");
  Value back = int_sub(big, I(1));
  ASSERT_TRUE(back.is_small_int());
  EXPECT_EQ(back, Value::from_small_int(kMax));

  Value low = int_sub(I(kMin), I(1));
  ASSERT_TRUE(is_big(low));
  EXPECT_EQ(int_add(low, I(1)), Value::from_small_int(kMin));

  Value neg = int_neg(I(kMin));  // -kMin == kMax + 1
  EXPECT_TRUE(is_big(neg));
  EXPECT_EQ(int_compare(neg, big), 0);
  EXPECT_EQ(int_neg(neg), Value::from_small_int(kMin));

  Value square = int_mul(I(kMax), I(kMax));
  ASSERT_TRUE(is_big(square));
  EXPECT_EQ(dec(square), "316912650057056224474268958721");
  EXPECT_EQ(int_floordiv(square, I(kMax)), Value::from_small_int(kMax));
  EXPECT_EQ(int_mod(square, I(kMax)), Value::from_small_int(0));

  // A big result that cancels out: (2^100 + 5) - 2^100 is the small 5.
  Value p100 = parse("1267650600228229401496703205376");
  EXPECT_EQ(int_sub(int_add(p100, I(5)), p100), Value::from_small_int(5));
  EXPECT_EQ(int_compare(int_and(p100, I(-1)), p100), 0);
  EXPECT_TRUE(int_xor(p100, p100).is_small_int());
}

TEST_F(BigIntTest, ConversionsReportOverflow) {
  Value two63 = parse("9223372036854775808");
  int64_t i = 0;
  EXPECT_FALSE(int_to_i64(two63, &i));
  EXPECT_TRUE(error_matches(&exc::OverflowError));
  clear_error();
  ASSERT_TRUE(int_to_i64(int_neg(two63), &i));
  EXPECT_EQ(i, std::numeric_limits<int64_t>::min());

  uint64_t u = 0;
  EXPECT_FALSE(int_to_u64(I(-1), &u));
  EXPECT_TRUE(error_matches(&exc::OverflowError));
  clear_error();
  EXPECT_FALSE(int_to_u64(parse("18446744073709551616"), &u));
  EXPECT_TRUE(error_matches(&exc::OverflowError));
  clear_error();

  double d = 0;
  ASSERT_TRUE(int_to_double(parse("1267650600228229401496703205376"), &d));
  EXPECT_EQ(d, std::ldexp(1.0, 100));
  Value huge = int_lshift(I(1), I(1024));
  EXPECT_FALSE(int_to_double(huge, &d));
  EXPECT_TRUE(error_matches(&exc::OverflowError));
  clear_error();
}

TEST_F(BigIntTest, FromDouble) {
  EXPECT_EQ(int_from_double(-3.99), Value::from_small_int(-3));
  EXPECT_EQ(int_from_double(-0.0), Value::from_small_int(0));
  EXPECT_EQ(dec(int_from_double(1e20)), "100000000000000000000");
  EXPECT_EQ(dec(int_from_double(-std::ldexp(1.0, 80))), "-1208925819614629174706176");
  expect_error([] { return int_from_double(std::numeric_limits<double>::infinity()); }, &exc::OverflowError,
               "cannot convert float infinity to integer");
  expect_error([] { return int_from_double(std::nan("")); }, &exc::ValueError,
               "cannot convert float NaN to integer");
}

TEST_F(BigIntTest, FloorDivisionAndModuloFollowPython) {
  struct Case {
    int64_t a, b, q, r;
  };
  for (Case c : {Case{7, 2, 3, 1}, Case{-7, 2, -4, 1}, Case{7, -2, -4, -1}, Case{-7, -2, 3, -1},
                 Case{6, 3, 2, 0}, Case{-6, 3, -2, 0}, Case{0, -5, 0, 0}, Case{kMin, -1, 0, 0}}) {
    Value q = int_floordiv(I(c.a), I(c.b));
    Value r = int_mod(I(c.a), I(c.b));
    if (c.a == kMin) {  // kMin // -1 leaves the small range
      EXPECT_EQ(dec(q), std::to_string(-kMin));
      EXPECT_EQ(r, Value::from_small_int(0));
      continue;
    }
    EXPECT_EQ(q, I(c.q)) << c.a << " // " << c.b;
    EXPECT_EQ(r, I(c.r)) << c.a << " % " << c.b;
  }
  Value a = parse("-1180591620717411303425");  // -(2**70 + 1)
  EXPECT_EQ(dec(int_floordiv(a, I(2))), "-590295810358705651713");
  EXPECT_EQ(dec(int_mod(a, I(2))), "1");
  Value b = int_neg(a);
  EXPECT_EQ(dec(int_floordiv(b, I(-3))), "-393530540239137101142");
  EXPECT_EQ(dec(int_mod(b, I(-3))), "-1");
}

TEST_F(BigIntTest, DivisionIdentityOnRandomBigs) {
  // a == b * (a // b) + a % b, with the remainder taking the divisor's sign
  // and smaller in magnitude, across small/big combinations of both signs.
  std::mt19937_64 rng(3);
  auto random_int = [&rng]() {
    int digits = 1 + int(rng() % 60);
    std::string s = (rng() & 1) ? "-" : "";
    s += char('1' + rng() % 9);
    for (int i = 1; i < digits; i++) s += char('0' + rng() % 10);
    return parse(s.c_str());
  };
  for (int n = 0; n < 2000; n++) {
    Value a = random_int();
    Value b = random_int();
    Value q = int_floordiv(a, b);
    Value r = int_mod(a, b);
    ASSERT_TRUE(q && r);
    ASSERT_EQ(int_compare(int_add(int_mul(b, q), r), a), 0) << dec(a) << " / " << dec(b);
    if (int_sign(r) != 0) {
      ASSERT_EQ(int_sign(r), int_sign(b)) << dec(a) << " % " << dec(b);
    }
    Value abs_r = int_sign(r) < 0 ? int_neg(r) : r;
    Value abs_b = int_sign(b) < 0 ? int_neg(b) : b;
    ASSERT_LT(int_compare(abs_r, abs_b), 0);
    // Results in the small range are always unboxed.
    int64_t small;
    if (int_to_i64(q, &small) && Value::fits_small(small)) {
      ASSERT_TRUE(q.is_small_int()) << dec(q);
    }
    clear_error();
  }
}

TEST_F(BigIntTest, DivisionByZero) {
  expect_error([] { return int_floordiv(I(1), I(0)); }, &exc::ZeroDivisionError,
               "integer division or modulo by zero");
  expect_error([] { return int_floordiv(parse("123456789012345678901234567890"), I(0)); },
               &exc::ZeroDivisionError, "integer division or modulo by zero");
  expect_error([] { return int_mod(I(1), I(0)); }, &exc::ZeroDivisionError, "integer modulo by zero");
  expect_error([] { return int_mod(parse("123456789012345678901234567890"), I(0)); }, &exc::ZeroDivisionError,
               "integer modulo by zero");
  expect_error([] { return int_truediv(I(1), I(0)); }, &exc::ZeroDivisionError, "division by zero");
}

TEST_F(BigIntTest, TrueDivision) {
  Value third = int_truediv(I(1), I(3));
  ASSERT_TRUE(third.is_double());
  EXPECT_EQ(third.as_double(), 1.0 / 3.0);
  Value hundred = int_truediv(parse("1000000000000000000000000000000"), parse("10000000000000000000000000000"));
  ASSERT_TRUE(hundred.is_double());
  EXPECT_EQ(hundred.as_double(), 100.0);
  // Correctly rounded even when both operands exceed a double's precision.
  Value q = int_truediv(parse("9007199254740993"), I(1));
  EXPECT_EQ(q.as_double(), 9007199254740992.0);
  expect_error([] { return int_truediv(int_lshift(I(1), I(2000)), I(3)); }, &exc::OverflowError,
               "integer division result too large for a float");
}

TEST_F(BigIntTest, Power) {
  EXPECT_EQ(dec(int_pow(I(2), I(100), None())), "1267650600228229401496703205376");
  EXPECT_EQ(dec(int_pow(I(7), I(50), None())), "1798465042647412146620280340569649349251249");
  EXPECT_EQ(int_pow(I(-3), I(3), None()), I(-27));
  EXPECT_EQ(int_pow(I(0), I(0), None()), I(1));
  EXPECT_EQ(int_pow(I(3), I(200), I(1000007)), I(959082));
  EXPECT_EQ(int_pow(I(2), I(-1), I(5)), I(3));  // modular inverse
  EXPECT_EQ(int_pow(I(-2), I(3), I(5)), I(2));  // result takes the modulus' sign
  EXPECT_EQ(int_pow(I(2), I(3), I(-5)), I(-2));
  Value half = int_pow(I(2), I(-1), None());
  ASSERT_TRUE(half.is_double());
  EXPECT_EQ(half.as_double(), 0.5);
  expect_error([] { return int_pow(I(0), I(-1), None()); }, &exc::ZeroDivisionError,
               "0.0 cannot be raised to a negative power");
  expect_error([] { return int_pow(I(2), I(3), I(0)); }, &exc::ValueError, "pow() 3rd argument cannot be 0");
  expect_error([] { return int_pow(I(2), I(-1), I(4)); }, &exc::ValueError, "base is not invertible for the given modulus");
}

TEST_F(BigIntTest, Shifts) {
  Value p49 = int_lshift(I(1), I(49));
  ASSERT_TRUE(is_big(p49));  // 2^49 is just past the small range
  EXPECT_EQ(dec(p49), "562949953421312");
  EXPECT_EQ(int_rshift(p49, I(1)), Value::from_small_int(int64_t(1) << 48));
  EXPECT_EQ(int_rshift(int_lshift(I(1), I(200)), I(190)), I(1024));
  EXPECT_EQ(int_rshift(I(-1), I(100)), I(-1));
  EXPECT_EQ(int_rshift(I(-5), I(1)), I(-3));  // floors
  EXPECT_EQ(int_rshift(parse("-1267650600228229401496703205377"), I(100)), I(-2));
  EXPECT_EQ(int_rshift(I(12345), parse("100000000000000000000")), I(0));
  EXPECT_EQ(int_lshift(I(0), I(1000)), I(0));
  EXPECT_EQ(dec(int_lshift(I(-3), I(64))), "-55340232221128654848");
  expect_error([] { return int_lshift(I(1), I(-1)); }, &exc::ValueError, "negative shift count");
  expect_error([] { return int_rshift(I(1), I(-1)); }, &exc::ValueError, "negative shift count");
}

TEST_F(BigIntTest, BitwiseOnNegativeBigsUseTwosComplement) {
  Value p70 = int_lshift(I(1), I(70));
  Value mask = int_sub(p70, I(1));
  EXPECT_EQ(int_and(int_neg(p70), mask), I(0));
  EXPECT_EQ(int_compare(int_or(int_neg(p70), mask), I(-1)), 0);
  EXPECT_EQ(int_compare(int_xor(int_neg(p70), mask), I(-1)), 0);
  EXPECT_EQ(dec(int_invert(p70)), "-1180591620717411303425");
  EXPECT_EQ(int_invert(I(kMax)), I(kMin));
  EXPECT_EQ(int_invert(I(0)), I(-1));
}

TEST_F(BigIntTest, CompareAndSign) {
  Value big = parse("1000000000000000000000");
  EXPECT_EQ(int_compare(big, I(kMax)), 1);
  EXPECT_EQ(int_compare(int_neg(big), I(kMin)), -1);
  EXPECT_EQ(int_compare(I(-1), I(1)), -1);
  EXPECT_EQ(int_sign(big), 1);
  EXPECT_EQ(int_sign(int_neg(big)), -1);
  EXPECT_EQ(int_sign(I(0)), 0);
  EXPECT_EQ(int_bit_length(I(0)), 0);
  EXPECT_EQ(int_bit_length(I(255)), 8);
  EXPECT_EQ(int_bit_length(I(-256)), 9);
  EXPECT_EQ(int_bit_length(int_lshift(I(1), I(100))), 101);
}

TEST_F(BigIntTest, HashMatchesCPython) {
  EXPECT_EQ(int_hash(I(-1)), -2);
  EXPECT_EQ(int_hash(I(0)), 0);
  EXPECT_EQ(int_hash(int_lshift(I(1), I(100))), 549755813888);
  EXPECT_EQ(int_hash(int_neg(int_lshift(I(1), I(100)))), -549755813888);
  EXPECT_EQ(int_hash(parse("2305843009213693951")), 0);  // 2**61 - 1, the modulus
  EXPECT_EQ(int_hash(parse("2305843009213693952")), 1);
  EXPECT_EQ(int_hash(int_lshift(I(1), I(49))), 562949953421312);
  EXPECT_EQ(int_hash(int_sub(I(kMin), I(1))), -562949953421313);
  // Equal ints hash equal whatever their representation, as do equal floats.
  EXPECT_EQ(int_hash(int_sub(int_add(I(kMax), I(10)), I(10))), int_hash(I(kMax)));
  EXPECT_EQ(int_hash(int_lshift(I(1), I(60))), float_hash(std::ldexp(1.0, 60)));
}

TEST_F(BigIntTest, ToStringInBases) {
  EXPECT_EQ(cstr(int_to_string(I(255), 16)), "0xff");
  EXPECT_EQ(cstr(int_to_string(I(255), 8)), "0o377");
  EXPECT_EQ(cstr(int_to_string(I(255), 2)), "0b11111111");
  EXPECT_EQ(cstr(int_to_string(I(255), 10)), "255");
  EXPECT_EQ(cstr(int_to_string(I(-8), 8)), "-0o10");
  EXPECT_EQ(cstr(int_to_string(I(0), 16)), "0x0");
  EXPECT_EQ(cstr(int_to_string(int_neg(int_lshift(I(1), I(70))), 16)), "-0x400000000000000000");
  EXPECT_EQ(cstr(int_to_string(int_lshift(I(1), I(49)), 2)), "0b1" + std::string(49, '0'));
  EXPECT_EQ(dec(I(kMin)), "-562949953421312");
}

TEST_F(BigIntTest, FromStringInBases) {
  EXPECT_EQ(parse("ff", 16), I(255));
  EXPECT_EQ(parse("0xff", 16), I(255));
  EXPECT_EQ(parse("0xff", 0), I(255));
  EXPECT_EQ(parse("0o17", 0), I(15));
  EXPECT_EQ(parse("0b101", 0), I(5));
  EXPECT_EQ(parse("-0B101", 0), I(-5));
  EXPECT_EQ(parse("zz", 36), I(1295));
  EXPECT_EQ(parse("ZZ", 36), I(1295));
  EXPECT_EQ(parse("1_000_000"), I(1000000));
  EXPECT_EQ(parse("  -42\n"), I(-42));
  EXPECT_EQ(parse("+7"), I(7));
  EXPECT_EQ(parse("0_0", 0), I(0));
  EXPECT_EQ(parse("777", 8), I(511));
  EXPECT_EQ(dec(parse("-ffffffffffffffffffffffff", 16)), "-79228162514264337593543950335");
  std::string googol = "1" + std::string(100, '0');
  EXPECT_EQ(dec(parse(googol.c_str())), googol);
}

TEST_F(BigIntTest, FromStringRejectsBadText) {
  expect_error([] { return int_from_string("12a", 3, 10); }, &exc::ValueError,
               "invalid literal for int() with base 10: '12a'");
  expect_error([] { return int_from_string("", 0, 10); }, &exc::ValueError,
               "invalid literal for int() with base 10: ''");
  expect_error([] { return int_from_string("1__0", 4, 10); }, &exc::ValueError,
               "invalid literal for int() with base 10: '1__0'");
  expect_error([] { return int_from_string("_1", 2, 10); }, &exc::ValueError,
               "invalid literal for int() with base 10: '_1'");
  expect_error([] { return int_from_string("012", 3, 0); }, &exc::ValueError,
               "invalid literal for int() with base 0: '012'");
  expect_error([] { return int_from_string("2", 1, 2); }, &exc::ValueError,
               "invalid literal for int() with base 2: '2'");
}

TEST_F(BigIntTest, DecimalDigitLimit) {
  // sys.int_info.default_max_str_digits applies to base 10 only.
  ASSERT_EQ(int_max_str_digits.load(), 4300);
  std::string limit(4300, '9');
  EXPECT_EQ(dec(parse(limit.c_str())), limit);
  std::string over(5000, '9');
  expect_error([&] { return int_from_string(over.data(), over.size(), 10); }, &exc::ValueError,
               "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
               "use sys.set_int_max_str_digits() to increase the limit");
  Value big = int_pow(I(10), I(5000), None());
  Value hex = int_to_string(big, 16);
  ASSERT_TRUE(hex);
  EXPECT_EQ(cstr(hex).size(), 4155u);
  std::string hex_digits(5000, 'f');
  EXPECT_TRUE(int_from_string(hex_digits.data(), hex_digits.size(), 16));
  expect_error([&] { return repr(big); }, &exc::ValueError,
               "Exceeds the limit (4300 digits) for integer string conversion; "
               "use sys.set_int_max_str_digits() to increase the limit");
}

// Results beyond GMP's limit (about 2^37 bits, where it would abort the
// process) are a MemoryError, as CPython's failed allocation is.
TEST_F(BigIntTest, HugeShiftRaisesInsteadOfAborting) {
  expect_error([] { return int_lshift(I(1), int_lshift(I(1), I(40))); }, &exc::MemoryError);
}

TEST_F(BigIntTest, DecimalRoundTrip) {
  std::mt19937_64 rng(4);
  for (int n = 0; n < 500; n++) {
    int digits = 1 + int(rng() % 300);
    std::string s = (rng() & 1) ? "-" : "";
    s += char('1' + rng() % 9);
    for (int i = 1; i < digits; i++) s += char('0' + rng() % 10);
    Value v = parse(s.c_str());
    ASSERT_EQ(dec(v), s);
    ASSERT_EQ(v.is_small_int(), digits <= 18 && Value::fits_small(std::stoll(s)));
    // Through base 16 and back.
    Value hex = int_to_string(v, 16);
    std::string h = cstr(hex);
    ASSERT_EQ(dec(parse(h.c_str(), 0)), s);
  }
}

TEST_F(BigIntTest, MpzRoundTrip) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(parse("-123456789012345678901234567890"), z);
  EXPECT_EQ(dec(int_from_mpz(z)), "-123456789012345678901234567890");
  mpz_set_si(z, 17);
  EXPECT_EQ(int_from_mpz(z), I(17));  // normalised to small
  mpz_clear(z);
}

}  // namespace
}  // namespace spindle
