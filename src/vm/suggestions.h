// "Did you mean" suggestions for the default excepthook.
#pragma once

#include "objects/value.h"

namespace spindle {

struct Str;

// For an AttributeError or NameError: the most similar existing name, or null.
Str* exception_suggestion(Value exc);

}  // namespace spindle
