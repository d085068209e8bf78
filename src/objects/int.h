// int: arbitrary precision. Values in the 50-bit small range are unboxed (see
// value.h); larger ones are BigInt objects wrapping a GMP integer whose limbs
// live in non-scanned collected memory. An exact-int BigInt never holds a value
// that fits the small range. bool is a subclass of int whose two instances are
// static objects. Instances of int subclasses use the BigInt layout for any value.
#pragma once
#include <gmp.h>

#include <cstdint>
#include <string>

#include "objects/object.h"

namespace spindle {

struct BigInt : Object {
  mpz_t z;
};

inline bool is_int_exact(Value v) { return v.is_small_int() || is_type(v, &int_type); }
// int, bool, or an int subclass instance.
inline bool is_int(Value v) {
  return v.is_small_int() ||
         (v.is_object() && (v.as_object()->type == &int_type || v.as_object()->type == &bool_type ||
                            (v.as_object()->type->flags & kTypeIntSubclass)));
}
inline bool is_bool(Value v) { return v == True() || v == False(); }

// sys.set_int_max_str_digits: the digit limit of str<->int conversions (0: none).
extern std::atomic<int64_t> int_max_str_digits;

Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_double(double d);        // truncates; raises OverflowError/ValueError for inf/nan
Value int_from_mpz(const mpz_t z);      // copies, normalises to small when it fits
// Parses Python int literal/int() text in the given base (0: auto with prefix);
// underscores allowed as in literals. Raises ValueError on bad text.
Value int_from_string(const char* s, size_t n, int base);
// The parser under int_from_string, for callers that report errors with their
// own text object: Ok stores the int in *out; TooManyDigits stores the count.
enum class IntParse { Ok, Invalid, TooManyDigits };
IntParse parse_int_text(const char* s, size_t n, int base, Value* out, int64_t* digit_count);
// Raises int()'s ValueError for a failed parse of `text` (a str or bytes).
Value int_parse_error(IntParse status, Value text, int base, int64_t digit_count);
// int(str, base): any Unicode decimal digits and whitespace are accepted.
Value int_from_unicode_digits(Str* s, int base);
// Exact comparison of an int with a double (false/true in *result).
int compare_int_double(Value i, double d, CompareOp op, bool* result);
// Value of any int (incl. bool and subclasses) as a canonical exact int.
Value int_exact(Value v);

// Precise conversions; false with OverflowError pending if out of range.
bool int_to_i64(Value v, int64_t* out);
bool int_to_u64(Value v, uint64_t* out);
bool int_to_double(Value v, double* out);  // OverflowError: int too large to convert to float
// Copies any int into z (z must be initialised).
void int_to_mpz(Value v, mpz_t z);
int int_sign(Value v);
int int_compare(Value a, Value b);          // both ints: -1, 0, 1
int64_t int_hash(Value v);
std::string int_to_decimal(Value v);   // no digit limit
Value int_to_decimal_str(Value v);     // str(), honouring sys.set_int_max_str_digits
Value int_to_string(Value v, int base);     // str, with 0x/0o/0b prefix for 16/8/2
int64_t int_bit_length(Value v);
int64_t int_bit_count(Value v);

// Arithmetic on ints (any int-like). Return null with an exception pending on
// errors (ZeroDivisionError, OverflowError, MemoryError).
Value int_add(Value a, Value b);
Value int_sub(Value a, Value b);
Value int_mul(Value a, Value b);
Value int_floordiv(Value a, Value b);
Value int_mod(Value a, Value b);
Value int_truediv(Value a, Value b);  // correctly rounded
bool int_divmod(Value a, Value b, Value* q, Value* r);
Value int_pow(Value a, Value b, Value mod);  // mod: None for none
Value int_neg(Value a);
Value int_lshift(Value a, Value b);
Value int_rshift(Value a, Value b);
Value int_and(Value a, Value b);
Value int_or(Value a, Value b);
Value int_xor(Value a, Value b);
Value int_invert(Value a);

}  // namespace spindle
