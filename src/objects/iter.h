// Helper iterator types shared across the runtime.
#pragma once
#include "objects/object.h"

namespace spindle {

extern Type seqiter_type, callable_iterator_type;

// An iterator over obj[0], obj[1], ... until IndexError or StopIteration.
Value sequence_iter_new(Value seq);
// iter(callable, sentinel)
Value callable_iter_new(Value callable, Value sentinel);

}  // namespace spindle
