// Helpers shared by the built-in sequence types (list, tuple, bytes,
// bytearray, memoryview): argument conversions with CPython's messages,
// lexicographic comparison, and the operand checks of + and *.
#pragma once
#include "objects/args.h"  // ssize_arg
#include "objects/object.h"

namespace spindle {

// A C int argument (OverflowError "Python int too large to convert to C int").
bool int_arg(Value v, int* out);
// A start/stop argument of index()/count()/find(): None allowed when
// none_ok, clamped to the int64 range; TypeError "slice indices must be
// integers or have an __index__ method" (or "... or None ...").
bool slice_index_arg(Value v, int64_t* out, bool none_ok);
// Clips start/stop of index()/count() arguments to a sequence of `length` as
// slice indices are.
void clip_range(int64_t length, int64_t* start, int64_t* stop);

// operator.length_hint(o, dflt): len(o), else o.__length_hint__(), else dflt;
// -1 with an error pending.
int64_t length_hint(Value o, int64_t dflt);

// Lexicographic comparison of two item arrays (list, tuple).
Value sequence_richcompare(const Value* a, int64_t na, const Value* b, int64_t nb, CompareOp op);

// The count of seq * count. False with *not_implemented set (no error) when
// count is not an integer: the operator then tries the other operand and
// binary_op reports "can't multiply sequence by non-int"; false with
// OverflowError pending when it does not fit.
bool repeat_count(Value count, int64_t* n, bool* not_implemented);

}  // namespace spindle
