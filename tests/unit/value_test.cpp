// The one-word Value encoding (objects/value.h): small ints at their range
// limits, floats of every class round-tripping bit for bit, heap pointers,
// and the guarantee that no unboxed value can look like a heap address.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "gc/gc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/object.h"
#include "objects/value.h"

namespace spindle {
namespace {

// User-space addresses on x86-64 and AArch64 Linux are below 2^47 (2^48 with
// 5-level paging on AArch64 / LA57 x86 opt-in); every unboxed encoding must lie
// above all of them.
constexpr uint64_t kUserSpaceLimit = uint64_t(1) << 48;

uint64_t double_bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double bits_double(uint64_t b) {
  double d;
  std::memcpy(&d, &b, sizeof d);
  return d;
}

void expect_only_double(Value v) {
  EXPECT_TRUE(v.is_double());
  EXPECT_FALSE(v.is_small_int());
  EXPECT_FALSE(v.is_object());
  EXPECT_FALSE(v.is_object_or_null());
  EXPECT_FALSE(v.is_null());
  EXPECT_GE(v.bits(), kUserSpaceLimit);
  EXPECT_EQ(type_of(v), &float_type);
}

void expect_only_small_int(Value v) {
  EXPECT_TRUE(v.is_small_int());
  EXPECT_FALSE(v.is_double());
  EXPECT_FALSE(v.is_object());
  EXPECT_FALSE(v.is_object_or_null());
  EXPECT_FALSE(v.is_null());
  EXPECT_GE(v.bits(), kUserSpaceLimit);
  EXPECT_EQ(type_of(v), &int_type);
}

void expect_double_round_trip(double d) {
  Value v = Value::from_double(d);
  expect_only_double(v);
  EXPECT_EQ(double_bits(v.as_double()), double_bits(d)) << "value " << d;
}

TEST(ValueTest, NullIsNothingElse) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_FALSE(bool(v));
  EXPECT_EQ(v, Value::null());
  EXPECT_EQ(v.bits(), 0u);
  EXPECT_FALSE(v.is_object());
  EXPECT_TRUE(v.is_object_or_null());
  EXPECT_FALSE(v.is_small_int());
  EXPECT_FALSE(v.is_double());
}

TEST(ValueTest, SmallIntBoundaries) {
  EXPECT_EQ(Value::kSmallIntMax, (int64_t(1) << 49) - 1);
  EXPECT_EQ(Value::kSmallIntMin, -(int64_t(1) << 49));
  for (int64_t i : {int64_t(0), int64_t(1), int64_t(-1), int64_t(42), int64_t(-42), Value::kSmallIntMax,
                    Value::kSmallIntMin, Value::kSmallIntMax - 1, Value::kSmallIntMin + 1,
                    int64_t(1) << 31, -(int64_t(1) << 31), int64_t(1) << 32}) {
    ASSERT_TRUE(Value::fits_small(i)) << i;
    Value v = Value::from_small_int(i);
    expect_only_small_int(v);
    EXPECT_EQ(v.as_small_int(), i);
  }
  EXPECT_FALSE(Value::fits_small(Value::kSmallIntMax + 1));
  EXPECT_FALSE(Value::fits_small(Value::kSmallIntMin - 1));
  EXPECT_FALSE(Value::fits_small(std::numeric_limits<int64_t>::max()));
  EXPECT_FALSE(Value::fits_small(std::numeric_limits<int64_t>::min()));
}

TEST(ValueTest, SmallIntEqualityIsIdentity) {
  EXPECT_EQ(Value::from_small_int(12345), Value::from_small_int(12345));
  EXPECT_NE(Value::from_small_int(1), Value::from_small_int(-1));
  EXPECT_NE(Value::from_small_int(Value::kSmallIntMax), Value::from_small_int(Value::kSmallIntMin));
  // 0 and -0.0 and 0.0 are three different encodings.
  EXPECT_NE(Value::from_small_int(0), Value::from_double(0.0));
  EXPECT_NE(Value::from_double(0.0), Value::from_double(-0.0));
}

TEST(ValueTest, SmallIntSweep) {
  std::mt19937_64 rng(1);
  for (int n = 0; n < 100000; n++) {
    int64_t i = int64_t(rng() % uint64_t(Value::kSmallIntMax)) * ((n & 1) ? -1 : 1);
    Value v = Value::from_small_int(i);
    ASSERT_TRUE(v.is_small_int());
    ASSERT_FALSE(v.is_double());
    ASSERT_FALSE(v.is_object_or_null());
    ASSERT_EQ(v.as_small_int(), i);
  }
}

TEST(ValueTest, OrdinaryDoublesRoundTrip) {
  for (double d : {0.0, 1.0, -1.0, 0.5, 3.141592653589793, -2.5e-300, 1e308, 123456789.0, 1.0 / 3.0})
    expect_double_round_trip(d);
}

TEST(ValueTest, ExtremeDoublesRoundTrip) {
  using limits = std::numeric_limits<double>;
  for (double d : {limits::max(), -limits::max(), limits::min(), -limits::min(), limits::epsilon(),
                   limits::infinity(), -limits::infinity()})
    expect_double_round_trip(d);
  EXPECT_TRUE(std::isinf(Value::from_double(limits::infinity()).as_double()));
  EXPECT_GT(Value::from_double(limits::infinity()).as_double(), 0);
  EXPECT_LT(Value::from_double(-limits::infinity()).as_double(), 0);
}

TEST(ValueTest, NegativeZeroKeepsItsSign) {
  Value v = Value::from_double(-0.0);
  expect_only_double(v);
  EXPECT_TRUE(std::signbit(v.as_double()));
  EXPECT_EQ(v.as_double(), 0.0);
  EXPECT_FALSE(std::signbit(Value::from_double(0.0).as_double()));
}

TEST(ValueTest, SubnormalsRoundTrip) {
  using limits = std::numeric_limits<double>;
  for (double d : {limits::denorm_min(), -limits::denorm_min(), limits::min() / 2, -limits::min() / 3,
                   bits_double(0x000F'FFFF'FFFF'FFFFull), bits_double(0x800F'FFFF'FFFF'FFFFull)}) {
    ASSERT_EQ(std::fpclassify(d), FP_SUBNORMAL);
    expect_double_round_trip(d);
  }
}

TEST(ValueTest, NaNsStayNaNAndKeepTheirSign) {
  const uint64_t nans[] = {
      double_bits(std::numeric_limits<double>::quiet_NaN()),
      double_bits(std::numeric_limits<double>::signaling_NaN()),
      0x7FF0'0000'0000'0001ull,  // smallest signalling payload
      0x7FFF'FFFF'FFFF'FFFFull,  // largest positive payload
      0xFFFF'FFFF'FFFF'FFFFull,  // all ones: negative NaN
      0xFFF8'0000'0000'0000ull,  // negative canonical quiet NaN
      0xFFF0'0000'0000'0001ull,  // negative signalling
      0x7FF8'DEAD'BEEF'0000ull,  // payload bits
  };
  for (uint64_t bits : nans) {
    double d = bits_double(bits);
    ASSERT_TRUE(std::isnan(d));
    Value v = Value::from_double(d);
    expect_only_double(v);
    double back = v.as_double();
    EXPECT_TRUE(std::isnan(back)) << std::hex << bits;
    EXPECT_EQ(std::signbit(back), std::signbit(d)) << std::hex << bits;
    // Payloads are canonicalised: two NaNs of one sign have one encoding.
    EXPECT_EQ(v, Value::from_double(std::copysign(std::numeric_limits<double>::quiet_NaN(), d)));
  }
}

TEST(ValueTest, RandomBitPatternsRoundTrip) {
  std::mt19937_64 rng(2);
  for (int n = 0; n < 200000; n++) {
    uint64_t bits = rng();
    double d = bits_double(bits);
    Value v = Value::from_double(d);
    ASSERT_TRUE(v.is_double()) << std::hex << bits;
    ASSERT_FALSE(v.is_small_int()) << std::hex << bits;
    ASSERT_FALSE(v.is_object_or_null()) << std::hex << bits;
    ASSERT_GE(v.bits(), Value::kDoubleOffset);
    ASSERT_LT(v.bits(), Value::kIntTag);
    if (std::isnan(d)) ASSERT_TRUE(std::isnan(v.as_double()));
    else ASSERT_EQ(double_bits(v.as_double()), bits);
  }
}

TEST(ValueTest, EncodingRangesDoNotOverlap) {
  // Lowest and highest encodings of each kind.
  Value lowest_double = Value::from_double(0.0);  // bits 0 + offset
  Value highest_double = Value::from_double(bits_double(0xFFFF'FFFF'FFFF'FFFFull));  // -NaN
  Value lowest_int = Value::from_small_int(0);
  Value highest_int = Value::from_small_int(-1);
  EXPECT_EQ(lowest_double.bits(), Value::kDoubleOffset);
  EXPECT_LT(highest_double.bits(), lowest_int.bits());
  EXPECT_LE(lowest_int.bits(), Value::from_small_int(Value::kSmallIntMin).bits());
  EXPECT_EQ(highest_int.bits(), ~uint64_t(0));
  // -inf: the largest non-NaN double encoding.
  EXPECT_LT(Value::from_double(-std::numeric_limits<double>::infinity()).bits(), highest_double.bits());
  // The largest plausible user-space address is still an object.
  Value top_pointer = Value::from_bits(kUserSpaceLimit - 8);
  EXPECT_TRUE(top_pointer.is_object());
  EXPECT_FALSE(top_pointer.is_double());
  EXPECT_FALSE(top_pointer.is_small_int());
}

struct Payload {
  uint64_t words[4];
};

TEST(ValueTest, HeapAndStaticPointers) {
  auto* heap = static_cast<Object*>(gc::alloc(64));
  static Object static_object;
  Object stack_object;
  for (Object* o : {heap, &static_object, &stack_object}) {
    Value v(o);
    EXPECT_TRUE(v.is_object());
    EXPECT_TRUE(v.is_object_or_null());
    EXPECT_FALSE(v.is_double());
    EXPECT_FALSE(v.is_small_int());
    EXPECT_EQ(v.as_object(), o);
    EXPECT_EQ(v.bits(), reinterpret_cast<uint64_t>(o));
    EXPECT_LT(v.bits(), kUserSpaceLimit);
  }
  auto* payload = gc::make<Payload>();
  Value v(reinterpret_cast<Object*>(payload));
  EXPECT_EQ(v.as<Payload>(), payload);
}

TEST(ValueTest, ManyHeapAddressesAreObjects) {
  // Whatever the collector hands out, large or small, is below the unboxed ranges.
  for (size_t size : {size_t(16), size_t(256), size_t(4096), size_t(1) << 20, size_t(16) << 20}) {
    void* p = gc::alloc(size);
    void* q = gc::alloc_atomic(size);
    EXPECT_TRUE(Value(static_cast<Object*>(p)).is_object()) << size;
    EXPECT_TRUE(Value(static_cast<Object*>(q)).is_object()) << size;
    EXPECT_LT(reinterpret_cast<uint64_t>(p) + size, Value::kDoubleOffset);
    EXPECT_LT(reinterpret_cast<uint64_t>(q) + size, Value::kDoubleOffset);
  }
}

TEST(ValueTest, Singletons) {
  EXPECT_TRUE(None().is_object());
  EXPECT_TRUE(True().is_object());
  EXPECT_TRUE(False().is_object());
  EXPECT_NE(None(), True());
  EXPECT_NE(None(), False());
  EXPECT_NE(True(), False());
  EXPECT_EQ(type_of(None()), &none_type);
  EXPECT_EQ(type_of(True()), &bool_type);
  EXPECT_EQ(type_of(False()), &bool_type);
  EXPECT_EQ(Bool(true), True());
  EXPECT_EQ(Bool(false), False());
  EXPECT_TRUE(is_none(None()));
  EXPECT_FALSE(is_none(Value::from_small_int(0)));
  EXPECT_TRUE(is_bool(True()));
  EXPECT_FALSE(is_bool(Value::from_small_int(1)));
  // bool is an int, but True is not the small int 1.
  EXPECT_TRUE(is_int(True()));
  EXPECT_FALSE(is_int_exact(True()));
  EXPECT_NE(True(), Value::from_small_int(1));
  EXPECT_EQ(truthy(None()), 0);
  EXPECT_EQ(truthy(True()), 1);
  EXPECT_EQ(truthy(False()), 0);
  EXPECT_EQ(truthy(Value::from_small_int(0)), 0);
  EXPECT_EQ(truthy(Value::from_small_int(-7)), 1);
  EXPECT_EQ(truthy(Value::from_double(0.0)), 0);
  EXPECT_EQ(truthy(Value::from_double(-0.0)), 0);
  EXPECT_EQ(truthy(Value::from_double(std::nan(""))), 1);
}

TEST(ValueTest, EqualityAcrossRepresentations) {
  // 1 == 1.0 == True in Python even though the words differ.
  EXPECT_EQ(equals(Value::from_small_int(1), Value::from_double(1.0)), 1);
  EXPECT_EQ(equals(Value::from_small_int(1), True()), 1);
  EXPECT_EQ(equals(Value::from_double(0.0), Value::from_double(-0.0)), 1);
  Value nan = Value::from_double(std::nan(""));
  // The Bool forms take the identity shortcut, as CPython's PyObject_RichCompareBool does.
  EXPECT_EQ(equals(nan, nan), 1);
  EXPECT_EQ(rich_compare_bool(nan, nan, CompareOp::EQ), 1);
  EXPECT_EQ(rich_compare(nan, nan, CompareOp::EQ), False());
  // Unboxed NaNs of one sign are one word, so they are also "identical"
  // (CPython's float('nan') objects are distinct; PyPy behaves as here).
  EXPECT_EQ(nan, Value::from_double(std::nan("")));
  EXPECT_EQ(hash(Value::from_small_int(1)), hash(Value::from_double(1.0)));
  EXPECT_EQ(hash(True()), 1);
  EXPECT_EQ(hash(Value::from_double(-0.0)), 0);
}

}  // namespace
}  // namespace spindle
