// slice objects and index normalisation.
#pragma once
#include "objects/object.h"

namespace spindle {

struct Slice : Object {
  Value start, stop, step;
};

inline bool is_slice(Value v) { return is_type(v, &slice_type); }
Value slice_new(Value start, Value stop, Value step);

// The slice's start/stop/step as integers (calling __index__; may run Python
// code), before they are clipped to a length. False with an error pending.
bool slice_unpack(const Slice* s, int64_t* start, int64_t* stop, int64_t* step);
// Clips unpacked indices to a sequence of `length`; returns the item count.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);

// Resolves a slice against a sequence of `length`: start/stop/step clipped as
// slice.indices() does, and the number of items. False with an error pending.
bool slice_indices(const Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* count);

}  // namespace spindle
