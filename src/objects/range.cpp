// range and its iterators.
#include "objects/range.h"

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

Type range_type, range_iterator_type, longrange_iterator_type;

namespace {

struct RangeIterator : Object {
  std::atomic<int64_t> index;
  int64_t start, step, length;
};

struct LongRangeIterator : Object {
  Mutex lock;  // next() from several threads hands out each value once
  Value next, step, remaining;  // ints
};

inline Value I(int64_t v) { return int_from_i64(v); }

// len(range(start, stop, step)) as an int.
Value compute_length(Value start, Value stop, Value step) {
  Value zero = Value::from_small_int(0);
  int step_sign = int_sign(step);
  Value lo = step_sign > 0 ? start : stop;
  Value hi = step_sign > 0 ? stop : start;
  Value abs_step = step_sign > 0 ? step : int_neg(step);
  if (int_compare(lo, hi) >= 0) return zero;
  // (hi - lo - 1) // abs_step + 1
  Value diff = int_sub(int_sub(hi, lo), Value::from_small_int(1));
  return int_add(int_floordiv(diff, abs_step), Value::from_small_int(1));
}

Value to_index(Value v) {
  Value i = number_index(v);
  return i ? int_exact(i) : Value();
}

}  // namespace

Value range_new_from(Value start, Value stop, Value step) {
  if (int_sign(step) == 0) return raise(&exc::ValueError, "range() arg 3 must not be zero");
  auto* r = alloc_instance<Range>(&range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = compute_length(start, stop, step);
  return Value(r);
}

namespace {

Value range_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("range", kwnames)) return Value();
  if (nargs == 0) return raise(&exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raise(&exc::TypeError, "range expected at most 3 arguments, got %zd", ssize_t(nargs));
  Value start = Value::from_small_int(0), stop, step = Value::from_small_int(1);
  if (nargs == 1) {
    stop = to_index(args[0]);
    if (!stop) return Value();
  } else {
    start = to_index(args[0]);
    if (!start) return Value();
    stop = to_index(args[1]);
    if (!stop) return Value();
    if (nargs == 3) {
      step = to_index(args[2]);
      if (!step) return Value();
    }
  }
  return range_new_from(start, stop, step);
}

Range* R(Value v) { return v.as<Range>(); }

Value range_repr(Value self) {
  Range* r = R(self);
  if (int_compare(r->step, Value::from_small_int(1)) == 0)
    return Value(format_message("range(%R, %R)", r->start, r->stop));
  return Value(format_message("range(%R, %R, %R)", r->start, r->stop, r->step));
}

int64_t range_len(Value self) {
  int64_t n;
  if (!int_to_i64(R(self)->length, &n)) {
    clear_error();
    raise(&exc::OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Value self) { return int_sign(R(self)->length) != 0; }

// The item at index i (an int, already normalised to 0 <= i < len).
Value item_at(Range* r, Value i) { return int_add(r->start, int_mul(i, r->step)); }

Value range_getitem(Value self, Value key) {
  Range* r = R(self);
  if (is_slice(key)) {
    // Compute with ints: the slice of a range is a range.
    Slice* s = key.as<Slice>();
    int64_t len;
    if (!int_to_i64(r->length, &len)) return Value();
    int64_t start, stop, step, count;
    if (!slice_indices(s, len, &start, &stop, &step, &count)) return Value();
    Value nstart = item_at(r, I(start));
    Value nstep = int_mul(r->step, I(step));
    Value nstop = int_add(nstart, int_mul(I(count), nstep));
    return range_new_from(nstart, nstop, nstep);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "range indices must be integers or slices, not %s", type_name(key));
  Value i = to_index(key);
  if (!i) return Value();
  if (int_sign(i) < 0) i = int_add(i, r->length);
  if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) return raise(&exc::IndexError, "range object index out of range");
  return item_at(r, i);
}

// Whether the int v is in the range (no iteration).
bool int_in_range(Range* r, Value v) {
  int s = int_sign(r->step);
  if (s > 0) {
    if (int_compare(v, r->start) < 0 || int_compare(v, r->stop) >= 0) return false;
  } else {
    if (int_compare(v, r->start) > 0 || int_compare(v, r->stop) <= 0) return false;
  }
  Value m = int_mod(int_sub(v, r->start), r->step);
  return m && int_sign(m) == 0;
}

int range_contains(Value self, Value item) {
  Range* r = R(self);
  if (is_int_exact(item) || is_bool(item)) return int_in_range(r, int_exact(item));
  Value it = get_iter(self);
  if (!it) return -1;
  while (Value v = iter_next(it)) {
    int e = equals(v, item);
    if (e != 0) return e;
  }
  return error_occurred() ? -1 : 0;
}

Value range_richcompare(Value a, Value b, CompareOp op) {
  if (!is_type(b, &range_type) || (op != CompareOp::EQ && op != CompareOp::NE)) return NotImplemented();
  Range* x = R(a);
  Range* y = R(b);
  bool eq;
  if (int_compare(x->length, y->length) != 0) eq = false;
  else if (int_sign(x->length) == 0) eq = true;
  else if (int_compare(x->start, y->start) != 0) eq = false;
  else if (int_compare(x->length, Value::from_small_int(1)) == 0) eq = true;
  else eq = int_compare(x->step, y->step) == 0;
  return Bool(op == CompareOp::EQ ? eq : !eq);
}

int64_t range_hash(Value self) {
  Range* r = R(self);
  Value t;
  if (int_sign(r->length) == 0) t = Value(tuple_pack({r->length, None(), None()}));
  else if (int_compare(r->length, Value::from_small_int(1)) == 0) t = Value(tuple_pack({r->length, r->start, None()}));
  else t = Value(tuple_pack({r->length, r->start, r->step}));
  return hash(t);
}

Value range_iter(Value self) {
  Range* r = R(self);
  int64_t start, step, len;
  if (int_to_i64(r->start, &start) && int_to_i64(r->step, &step) && int_to_i64(r->length, &len)) {
    int64_t last;
    if (!__builtin_mul_overflow(step, len, &last) && !__builtin_add_overflow(start, last, &last)) {
      auto* it = alloc_instance<RangeIterator>(&range_iterator_type);
      it->index.store(0, std::memory_order_relaxed);
      it->start = start;
      it->step = step;
      it->length = len;
      return Value(it);
    }
  }
  clear_error();
  auto* it = alloc_instance<LongRangeIterator>(&longrange_iterator_type);
  it->next = r->start;
  it->step = r->step;
  it->remaining = r->length;
  return Value(it);
}

Value rangeiter_next(Value self) {
  auto* it = self.as<RangeIterator>();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  if (i >= it->length) {
    it->index.store(it->length, std::memory_order_relaxed);
    return Value();
  }
  return I(it->start + i * it->step);
}

Value longrangeiter_next(Value self) {
  auto* it = self.as<LongRangeIterator>();
  LockGuard guard(it->lock);
  if (int_sign(it->remaining) <= 0) return Value();
  Value v = it->next;
  it->next = int_add(it->next, it->step);
  it->remaining = int_sub(it->remaining, Value::from_small_int(1));
  return v;
}

Value iter_self(Value self) { return self; }

Value rangeiter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<RangeIterator>();
  int64_t n = it->length - it->index.load(std::memory_order_relaxed);
  return I(n > 0 ? n : 0);
}

Value rangeiter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<RangeIterator>();
  Value r = range_new_from(I(it->start), I(it->start + it->length * it->step), I(it->step));
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({r})), I(it->index.load())}));
}

Value rangeiter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int64_t i;
  if (!index_as_i64(args[0], &i, &exc::OverflowError)) return Value();
  auto* it = self.as<RangeIterator>();
  if (i < 0) i = 0;
  if (i > it->length) i = it->length;
  it->index.store(i);
  return None();
}

const MethodDef rangeiter_methods[] = {{"__length_hint__", rangeiter_length_hint, kMethodInstance, nullptr},
                                       {"__reduce__", rangeiter_reduce, kMethodInstance, nullptr},
                                       {"__setstate__", rangeiter_setstate, kMethodInstance, nullptr},
                                       {nullptr}};

Value longrangeiter_length_hint(Value self, const Value*, size_t, Tuple*) {
  return self.as<LongRangeIterator>()->remaining;
}
// (iter, (range(next, next + remaining * step, step),), 0): the values still to come.
Value longrangeiter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<LongRangeIterator>();
  Value next, step, remaining;
  {
    LockGuard guard(it->lock);
    next = it->next;
    step = it->step;
    remaining = it->remaining;
  }
  Value stop = int_add(next, int_mul(remaining, step));
  Value r = range_new_from(next, stop, step);
  if (!r) return Value();
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({r})), Value::from_small_int(0)}));
}

// Skips `state` values (clipped to 0..remaining).
Value longrangeiter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  if (!is_int(args[0])) return raise(&exc::TypeError, "an integer is required");
  auto* it = self.as<LongRangeIterator>();
  LockGuard guard(it->lock);
  Value skip = args[0];
  if (int_sign(skip) < 0) skip = Value::from_small_int(0);
  if (int_compare(skip, it->remaining) > 0) skip = it->remaining;
  it->next = int_add(it->next, int_mul(skip, it->step));
  it->remaining = int_sub(it->remaining, skip);
  return None();
}

const MethodDef longrangeiter_methods[] = {{"__length_hint__", longrangeiter_length_hint, kMethodInstance, nullptr},
                                           {"__reduce__", longrangeiter_reduce, kMethodInstance, nullptr},
                                           {"__setstate__", longrangeiter_setstate, kMethodInstance, nullptr},
                                           {nullptr}};

Value m_reversed(Value self, const Value*, size_t, Tuple*) {
  Range* r = R(self);
  Value one = Value::from_small_int(1);
  Value last = item_at(r, int_sub(r->length, one));
  Value nstep = int_neg(r->step);
  Value rev = range_new_from(last, int_add(last, int_mul(r->length, nstep)), nstep);
  if (!rev) return Value();
  return range_iter(rev);
}

Value m_count(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("count", nargs, 1, 1)) return Value();
  if (is_int_exact(args[0]) || is_bool(args[0])) return Value::from_small_int(int_in_range(R(self), int_exact(args[0])));
  int64_t n = 0;
  Value it = get_iter(self);
  while (Value v = iter_next(it)) {
    int e = equals(v, args[0]);
    if (e < 0) return Value();
    n += e;
  }
  return I(n);
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("index", nargs, 1, 1)) return Value();
  Range* r = R(self);
  if (is_int_exact(args[0]) || is_bool(args[0])) {
    Value v = int_exact(args[0]);
    if (!int_in_range(r, v)) return raise(&exc::ValueError, "%R is not in range", args[0]);
    return int_floordiv(int_sub(v, r->start), r->step);
  }
  int64_t i = 0;
  Value it = get_iter(self);
  while (Value v = iter_next(it)) {
    int e = equals(v, args[0]);
    if (e < 0) return Value();
    if (e) return I(i);
    i++;
  }
  return raise(&exc::ValueError, "sequence.index(x): x not in sequence");
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  Range* r = R(self);
  return Value(tuple_pack({Value(&range_type), Value(tuple_pack({r->start, r->stop, r->step}))}));
}

const MemberDef range_members[] = {{"start", MemberKind::ReadOnlyValue, offsetof(Range, start), nullptr},
                                   {"stop", MemberKind::ReadOnlyValue, offsetof(Range, stop), nullptr},
                                   {"step", MemberKind::ReadOnlyValue, offsetof(Range, step), nullptr},
                                   {nullptr}};
const MethodDef range_methods[] = {{"__reversed__", m_reversed, kMethodInstance, "Return a reverse iterator."},
                                   {"count", m_count, kMethodInstance, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
                                   {"index", m_index, kMethodInstance, "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
                                   {"__reduce__", m_reduce, kMethodInstance, nullptr},
                                   {nullptr}};

}  // namespace

Value range_iterator_next_fast(Value it) { return rangeiter_next(it); }

void init_range_types() {
  range_type.native_name = "range";
  range_type.instance_size = sizeof(Range);
  range_type.flags = kTypeSequence;
  range_type.new_ = range_new_py;
  range_type.repr = range_repr;
  range_type.len = range_len;
  range_type.bool_ = range_bool;
  range_type.getitem = range_getitem;
  range_type.contains = range_contains;
  range_type.richcompare = range_richcompare;
  range_type.hash = range_hash;
  range_type.iter = range_iter;
  range_type.members = range_members;
  range_type.methods = range_methods;
  range_type.doc =
      "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a "
      "sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, "
      "..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the "
      "valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).";

  range_iterator_type.native_name = "range_iterator";
  range_iterator_type.instance_size = sizeof(RangeIterator);
  range_iterator_type.iter = iter_self;
  range_iterator_type.next = rangeiter_next;
  range_iterator_type.methods = rangeiter_methods;

  longrange_iterator_type.native_name = "longrange_iterator";
  longrange_iterator_type.instance_size = sizeof(LongRangeIterator);
  longrange_iterator_type.iter = iter_self;
  longrange_iterator_type.next = longrangeiter_next;
  longrange_iterator_type.methods = longrangeiter_methods;
}

}  // namespace spindle
