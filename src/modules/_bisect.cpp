// The _bisect module: binary search and insertion under bisect.py, with
// CPython 3.11's argument handling. Items are fetched by index on every probe
// (the sequence may change while comparisons or the key run Python code).
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"

namespace spindle {

namespace {

enum class Side { kLeft, kRight };

// PySequence_GetItem: lists directly; other sequences through __getitem__.
Value sequence_item(Value seq, int64_t i) {
  if (is_list_exact(seq)) {
    Value v = list_get(seq.as<List>(), i);
    return v ? v : raise(&exc::IndexError, "list index out of range");
  }
  if (is_dict(seq)) return raise(&exc::TypeError, "%s is not a sequence", type_name(seq));
  return get_item(seq, int_from_i64(i));
}

// The insertion point of x in seq[lo:hi]; -1 on error. hi == -1 means len(seq).
int64_t bisect(Value seq, Value x, int64_t lo, int64_t hi, Value key, Side side) {
  if (lo < 0) {
    raise(&exc::ValueError, "lo must be non-negative");
    return -1;
  }
  if (hi == -1) {
    hi = length(seq);
    if (hi < 0) return -1;
  }
  while (lo < hi) {
    int64_t mid = int64_t((uint64_t(lo) + uint64_t(hi)) / 2);
    Value item = sequence_item(seq, mid);
    if (!item) return -1;
    if (key && !is_none(key)) {
      item = call1(key, item);
      if (!item) return -1;
    }
    // bisect_right: x < item moves left; bisect_left: item < x moves right.
    int cmp = side == Side::kRight ? rich_compare_bool(x, item, CompareOp::LT)
                                   : rich_compare_bool(item, x, CompareOp::LT);
    if (cmp < 0) return -1;
    if ((cmp != 0) == (side == Side::kRight)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Parses (a, x, lo=0, hi=None, *, key=None) as Argument Clinic does.
bool parse_bisect_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, Value* seq, Value* x,
                       int64_t* lo, int64_t* hi, Value* key) {
  Value parsed[5] = {};
  const ArgSpec spec{fname, {"a", "x", "lo", "hi", "key"}, 2, 0, 4};
  if (!parse_args(spec, args, nargs, kwnames, parsed)) return false;
  *seq = parsed[0];
  *x = parsed[1];
  *lo = 0;
  if (parsed[2] && !ssize_arg(parsed[2], lo)) return false;
  *hi = -1;
  if (Value h = parsed[3]; h && !is_none(h)) {
    if (!is_int(h) && !type_of(h)->index) {
      raise(&exc::TypeError, "argument should be integer or None, not '%s'", type_name(h));
      return false;
    }
    if (!index_as_i64(h, hi, &exc::OverflowError)) return false;
  }
  *key = parsed[4] ? parsed[4] : None();
  return true;
}

Value bisect_entry(const char* fname, Side side, const Value* args, size_t nargs, Tuple* kwnames) {
  Value seq, x, key;
  int64_t lo, hi;
  if (!parse_bisect_args(fname, args, nargs, kwnames, &seq, &x, &lo, &hi, &key)) return Value();
  int64_t index = bisect(seq, x, lo, hi, key, side);
  return index < 0 ? Value() : int_from_i64(index);
}

Value insort_entry(const char* fname, Side side, const Value* args, size_t nargs, Tuple* kwnames) {
  Value seq, x, key;
  int64_t lo, hi;
  if (!parse_bisect_args(fname, args, nargs, kwnames, &seq, &x, &lo, &hi, &key)) return Value();
  Value key_x = x;
  if (!is_none(key)) {
    key_x = call1(key, x);
    if (!key_x) return Value();
  }
  int64_t index = bisect(seq, key_x, lo, hi, key, side);
  if (index < 0) return Value();
  Value insert_args[2] = {int_from_i64(index), x};
  Value r = call_method(seq, intern_cstr("insert"), insert_args, 2);
  return r ? None() : Value();
}

Value bisect_left(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return bisect_entry("bisect_left", Side::kLeft, args, nargs, kwnames);
}
Value bisect_right(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return bisect_entry("bisect_right", Side::kRight, args, nargs, kwnames);
}
Value insort_left(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return insort_entry("insort_left", Side::kLeft, args, nargs, kwnames);
}
Value insort_right(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return insort_entry("insort_right", Side::kRight, args, nargs, kwnames);
}

const MethodDef bisect_methods[] = {
    {"bisect_right", bisect_right, kMethodStatic,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all "
     "e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, a.insert(i, x) "
     "will\ninsert just after the rightmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) "
     "bound the\nslice of a to be searched."},
    {"insort_right", insort_right, kMethodStatic,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the "
     "right of the rightmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be "
     "searched."},
    {"bisect_left", bisect_left, kMethodStatic,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all "
     "e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) "
     "will\ninsert just before the leftmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) "
     "bound the\nslice of a to be searched."},
    {"insort_left", insort_left, kMethodStatic,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the "
     "left of the leftmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be "
     "searched."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

extern const ModuleDef bisect_module = {"_bisect", "Bisection algorithms.\n\nThis module provides support for "
                                        "maintaining a list in sorted order without\nhaving to sort the list after "
                                        "each insertion. For long lists of items with\nexpensive comparison "
                                        "operations, this can be an improvement over\nthe more common approach.\n",
                                        bisect_methods, nullptr};

}  // namespace spindle
