// Shared by the math and cmath modules: CPython's error conventions.
#pragma once
#include "objects/object.h"

namespace spindle {

Value math_domain_error();  // ValueError("math domain error")
Value math_range_error();   // OverflowError("math range error")

}  // namespace spindle
