// slice
#include "objects/slice.h"

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

Type slice_type;

Value slice_new(Value start, Value stop, Value step) {
  auto* s = alloc_instance<Slice>(&slice_type);
  s->start = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}

bool slice_unpack(const Slice* s, int64_t* start, int64_t* stop, int64_t* step) {
  if (is_none(s->step)) {
    *step = 1;
  } else {
    if (!is_int(s->step) && !type_of(s->step)->index) {
      raise(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    if (!index_as_i64(s->step, step, nullptr)) return false;
    if (*step == 0) {
      raise(&exc::ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  auto get = [](Value v, int64_t dflt, int64_t* out) {
    if (is_none(v)) {
      *out = dflt;
      return true;
    }
    if (!is_int(v) && !type_of(v)->index) {
      raise(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    return index_as_i64(v, out, nullptr);
  };
  if (!get(s->start, *step < 0 ? INT64_MAX : 0, start)) return false;
  if (!get(s->stop, *step < 0 ? INT64_MIN : INT64_MAX, stop)) return false;
  return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

bool slice_indices(const Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* count) {
  if (!slice_unpack(s, start, stop, step)) return false;
  *count = slice_adjust_indices(length, start, stop, *step);
  return true;
}

namespace {

Value slice_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("slice", kwnames)) return Value();
  if (nargs == 0) return raise(&exc::TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raise(&exc::TypeError, "slice expected at most 3 arguments, got %zd", ssize_t(nargs));
  if (nargs == 1) return slice_new(None(), args[0], None());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : None());
}

Value slice_repr(Value self) {
  Slice* s = self.as<Slice>();
  return Value(format_message("slice(%R, %R, %R)", s->start, s->stop, s->step));
}

Value slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(b)) return NotImplemented();
  Slice* x = a.as<Slice>();
  Slice* y = b.as<Slice>();
  Value tx(tuple_pack({x->start, x->stop, x->step}));
  Value ty(tuple_pack({y->start, y->stop, y->step}));
  return rich_compare(tx, ty, op);
}

// A slice field as an int: None gives `dflt`; anything else must have __index__.
Value slice_field(Value v, Value dflt) {
  if (is_none(v)) return dflt;
  if (!is_int(v) && !type_of(v)->index)
    return raise(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
  Value i = number_index(v);
  return i ? int_exact(i) : Value();
}

// start or stop clipped to [lower, upper] after adding length to negatives.
Value clip_bound(Value v, Value length, Value lower, Value upper) {
  if (int_sign(v) < 0) {
    v = int_add(v, length);
    if (int_compare(v, lower) < 0) v = lower;
  } else if (int_compare(v, upper) > 0) {
    v = upper;
  }
  return v;
}

// slice.indices(length) with arbitrary-precision ints, as CPython computes it.
Value m_indices(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("slice.indices", kwnames) || !check_nargs("slice.indices", nargs, 1, 1)) return Value();
  Value length = number_index(args[0]);
  if (!length) return Value();
  length = int_exact(length);
  if (int_sign(length) < 0) return raise(&exc::ValueError, "length should not be negative");
  Slice* s = self.as<Slice>();
  Value one = Value::from_small_int(1);
  Value step = slice_field(s->step, one);
  if (!step) return Value();
  if (int_sign(step) == 0) return raise(&exc::ValueError, "slice step cannot be zero");
  bool negative = int_sign(step) < 0;
  Value lower = negative ? Value::from_small_int(-1) : Value::from_small_int(0);
  Value upper = negative ? int_sub(length, one) : length;
  Value start = slice_field(s->start, negative ? upper : lower);
  if (!start) return Value();
  if (!is_none(s->start)) start = clip_bound(start, length, lower, upper);
  Value stop = slice_field(s->stop, negative ? lower : upper);
  if (!stop) return Value();
  if (!is_none(s->stop)) stop = clip_bound(stop, length, lower, upper);
  return Value(tuple_pack({start, stop, step}));
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  Slice* s = self.as<Slice>();
  return Value(tuple_pack({Value(&slice_type), Value(tuple_pack({s->start, s->stop, s->step}))}));
}

const MemberDef slice_members[] = {{"start", MemberKind::ReadOnlyValue, offsetof(Slice, start), nullptr},
                                   {"stop", MemberKind::ReadOnlyValue, offsetof(Slice, stop), nullptr},
                                   {"step", MemberKind::ReadOnlyValue, offsetof(Slice, step), nullptr},
                                   {nullptr}};
const MethodDef slice_methods[] = {{"indices", m_indices, kMethodInstance, nullptr},
                                   {"__reduce__", m_reduce, kMethodInstance, nullptr},
                                   {nullptr}};

}  // namespace

void init_slice_type() {
  slice_type.native_name = "slice";
  slice_type.instance_size = sizeof(Slice);
  slice_type.new_ = slice_new_py;
  slice_type.repr = slice_repr;
  slice_type.richcompare = slice_richcompare;
  slice_type.members = slice_members;
  slice_type.methods = slice_methods;
}

}  // namespace spindle
