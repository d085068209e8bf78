// Value: every Python value is one 64-bit word.
//
// Bit layout (by the top 16 bits of the word):
//
//   0x0000 .. 0x0001   heap object: a plain, 8-byte aligned Object* (user space
//                      addresses on x86-64 and AArch64 Linux are below 2^47).
//                      The all-zero word is the null Value: "no value / an
//                      exception is pending", never a Python object.
//   0x0002 .. 0xFFFA   float: the IEEE-754 bits plus 2^49. NaNs keep their sign
//                      but their payload is made the quiet canonical one, so the
//                      largest encoding is -NaN: 0xFFF8'0000'0000'0000 + 2^49.
//   0xFFFC .. 0xFFFF   small int: a 50-bit two's complement integer in the low
//                      50 bits; the top 14 bits are all ones.
//
// Heap pointers are stored as plain addresses, so the conservative collector
// recognises them. Floats and small ints are all >= 2^49, above every user
// space address, so no unboxed value can be mistaken for a heap pointer.
// Ints outside the 50-bit range live on the heap as big ints (GMP); an int
// that fits the small range is always stored small, so identity of
// representation implies equality for small ints.
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>

namespace spindle {

struct Object;
struct Type;

class Value {
 public:
  static constexpr uint64_t kDoubleOffset = uint64_t(1) << 49;
  static constexpr uint64_t kIntTag = 0xFFFCull << 48;
  static constexpr int kIntBits = 50;
  static constexpr int64_t kSmallIntMax = (int64_t(1) << (kIntBits - 1)) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t(1) << (kIntBits - 1));
  static constexpr uint64_t kIntPayloadMask = (uint64_t(1) << kIntBits) - 1;
  static constexpr uint64_t kNegativeNaN = 0xFFF8'0000'0000'0000ull;
  static constexpr uint64_t kPositiveNaN = 0x7FF8'0000'0000'0000ull;

  constexpr Value() : bits_(0) {}
  Value(const Object* o) : bits_(reinterpret_cast<uint64_t>(o)) {}  // NOLINT: implicit by design

  static constexpr Value from_bits(uint64_t b) {
    Value v;
    v.bits_ = b;
    return v;
  }
  static constexpr Value null() { return Value(); }

  static Value from_double(double d) {
    uint64_t b = std::bit_cast<uint64_t>(d);
    if ((b & 0x7FF0'0000'0000'0000ull) == 0x7FF0'0000'0000'0000ull && (b & 0x000F'FFFF'FFFF'FFFFull))
      b = (b >> 63) ? kNegativeNaN : kPositiveNaN;
    return from_bits(b + kDoubleOffset);
  }
  // Caller guarantees kSmallIntMin <= i <= kSmallIntMax.
  static constexpr Value from_small_int(int64_t i) {
    return from_bits((uint64_t(i) & kIntPayloadMask) | kIntTag);
  }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }

  constexpr bool is_small_int() const { return bits_ >= kIntTag; }
  constexpr bool is_double() const { return bits_ - kDoubleOffset < kIntTag - kDoubleOffset; }
  // A heap object (non-null).
  constexpr bool is_object() const { return bits_ - 1 < kDoubleOffset - 1; }
  // Object or null: cheap test before as_object().
  constexpr bool is_object_or_null() const { return bits_ < kDoubleOffset; }

  constexpr int64_t as_small_int() const { return int64_t(bits_ << (64 - kIntBits)) >> (64 - kIntBits); }
  double as_double() const { return std::bit_cast<double>(bits_ - kDoubleOffset); }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T>
  T* as() const {
    return reinterpret_cast<T*>(bits_);
  }

  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

 private:
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8, "a Value is one machine word");
static_assert(Value::kIntTag > Value::kNegativeNaN + Value::kDoubleOffset,
              "small ints and floats must not overlap");
static_assert(Value::kDoubleOffset > (uint64_t(1) << 48),
              "encoded floats must lie above every user-space address");
static_assert(Value::from_small_int(-1).as_small_int() == -1);
static_assert(Value::from_small_int(Value::kSmallIntMin).as_small_int() == Value::kSmallIntMin);
static_assert(Value::from_small_int(Value::kSmallIntMax).as_small_int() == Value::kSmallIntMax);
static_assert(Value::from_small_int(0).is_small_int() && !Value::from_small_int(0).is_double() &&
              !Value::from_small_int(0).is_object());
static_assert(!Value().is_object() && Value().is_object_or_null());

}  // namespace spindle
