// float: IEEE-754 double, always unboxed for exact floats (see value.h). Float
// subclass instances are FloatObject heap objects.
#pragma once
#include <string>

#include "objects/object.h"

namespace spindle {

struct FloatObject : Object {
  double value;
};

inline bool is_float_exact(Value v) { return v.is_double(); }
inline bool is_float(Value v) {
  return v.is_double() || (v.is_object() && (v.as_object()->type->flags & kTypeFloatSubclass));
}
inline double float_value(Value v) { return v.is_double() ? v.as_double() : v.as<FloatObject>()->value; }
inline Value float_new(double d) { return Value::from_double(d); }

// repr(): the shortest string that round-trips, in Python's style ("1e+16", "0.1", "inf").
std::string float_repr(double d);
int64_t float_hash(double d);
// float(x) conversion protocol: float, int, __float__, __index__. Raises TypeError.
bool to_double(Value v, double* out);
// Parses float() text (whitespace, underscores per the literal rules when
// `literal`, "inf", "nan"); returns false with ValueError pending on bad text.
// x ** y with Python's rules: ZeroDivisionError for 0.0 to a negative power,
// a complex result for a negative base and fractional exponent, OverflowError.
Value float_pow(double x, double y);
// OverflowError(ERANGE, "Numerical result out of range"), as C math overflows report.
Value raise_errno_overflow();
// The text of a number in a str with Unicode decimal digits and spaces made
// ASCII (as int(), float() and complex() accept them); false if some other
// non-ASCII character is present.
bool number_text_to_ascii(const Str* s, std::string* out);
bool parse_double(const char* s, size_t n, double* out);

}  // namespace spindle
