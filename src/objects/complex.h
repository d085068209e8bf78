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

}  // namespace spindle
