// range objects and their iterators.
#pragma once
#include "objects/object.h"

namespace spindle {

extern Type range_iterator_type, longrange_iterator_type;

struct Range : Object {
  Value start, stop, step, length;  // ints (length precomputed)
};

Value range_new_from(Value start, Value stop, Value step);
// The range iterator's next() for the interpreter's FOR_ITER fast path.
Value range_iterator_next_fast(Value it);

}  // namespace spindle
