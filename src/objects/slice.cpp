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

Value m_indices(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("indices", nargs, 1, 1)) return Value();
  int64_t len;
  if (!index_as_i64(args[0], &len, &exc::OverflowError)) return Value();
  if (len < 0) return raise(&exc::ValueError, "length should not be negative");
  int64_t start, stop, step, count;
  if (!slice_indices(self.as<Slice>(), len, &start, &stop, &step, &count)) return Value();
  return Value(tuple_pack({int_from_i64(start), int_from_i64(stop), int_from_i64(step)}));
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  Slice* s = self.as<Slice>();
  return Value(tuple_pack({Value(&slice_type), Value(tuple_pack({s->start, s->stop, s->step}))}));
}

Value get_start(Value self) { return self.as<Slice>()->start; }
Value get_stop(Value self) { return self.as<Slice>()->stop; }
Value get_step(Value self) { return self.as<Slice>()->step; }

const GetSetDef slice_getsets[] = {{"start", get_start, nullptr, nullptr},
                                   {"stop", get_stop, nullptr, nullptr},
                                   {"step", get_step, nullptr, nullptr},
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
  slice_type.getsets = slice_getsets;
  slice_type.methods = slice_methods;
}

}  // namespace spindle
