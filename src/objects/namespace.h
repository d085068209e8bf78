// types.SimpleNamespace
#pragma once
#include "objects/object.h"

namespace spindle {

struct Dict;
extern Type namespace_type;
// A SimpleNamespace whose attributes are the entries of `attrs` (copied).
Value namespace_new(Dict* attrs);

}  // namespace spindle
