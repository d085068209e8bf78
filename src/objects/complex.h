// complex: a pair of doubles, always a heap object.
#pragma once
#include "objects/object.h"

namespace spindle {

struct ComplexObject : Object {
  double real;
  double imag;
};

inline bool is_complex(Value v) { return is_instance_of(v, &complex_type); }
Value complex_new(double real, double imag);

// C-level complex arithmetic shared with the cmath module.
struct CComplex {
  double real, imag;
};
// a / b by Smith's method; false (and zeros) when b is zero.
bool complex_quotient(CComplex a, CComplex b, CComplex* out);
// |z| with C99's rules (an infinite part wins over a NaN); *overflow when a
// finite z has a magnitude beyond the double range.
double complex_abs(CComplex z, bool* overflow);
// A number as a complex: complex, __complex__, or a real via __float__/__index__.
bool complex_from_value(Value v, CComplex* out);

}  // namespace spindle
