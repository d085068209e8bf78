// The _collections module: deque, defaultdict, _count_elements and the
// _tuplegetter descriptor that namedtuple uses.
//
// deque is a ring buffer guarded by its Mutex: every append, pop, rotation and
// read of an item is one short critical section, so operations on both ends are
// atomic with respect to each other. Python code (comparisons in count(),
// index(), remove(), __contains__, iteration of an argument) never runs under
// the lock; a `state` counter bumped by each mutation lets those loops notice
// changes made by that Python code and raise as CPython does. Changes made
// meanwhile by other threads are concurrent operations, not errors: searches
// carry on over the current contents, as list's do.
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/repr_guard.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

Type deque_type, deque_iter_type, deque_reviter_type, defaultdict_type, tuplegetter_type;

Value I(int64_t v) { return int_from_i64(v); }
// The class name reprs show (CPython's _PyType_Name): "deque", or a subclass's name.
Str* short_name(Value v) { return type_of(v)->name; }

Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

// ------------------------------------------------------------------ deque storage

struct Deque : Object {
  Mutex lock;
  Value* buf;      // ring buffer of `capacity` slots (collected, scanned); empty slots are null
  int64_t capacity;
  int64_t head;    // slot of the leftmost item
  int64_t size;
  int64_t maxlen;  // -1: unbounded
  std::atomic<uint64_t> state;  // bumped by every mutation
  std::atomic<uint64_t> last_mutator;  // ident of the thread that made the latest mutation
};

inline bool is_deque(Value v) { return is_instance_of(v, &deque_type); }
inline Deque* D(Value v) { return v.as<Deque>(); }

// All of the following require the deque's lock.
inline Value& slot_at(Deque* d, int64_t i) { return d->buf[(d->head + i) & (d->capacity - 1)]; }

void mutated(Deque* d) {
  d->last_mutator.store(ts()->ident, std::memory_order_relaxed);
  d->state.fetch_add(1, std::memory_order_relaxed);
}

void reserve_locked(Deque* d, int64_t need) {
  if (need <= d->capacity) return;
  int64_t cap = d->capacity ? d->capacity : 8;
  while (cap < need) cap *= 2;
  auto* nb = static_cast<Value*>(gc::alloc(sizeof(Value) * size_t(cap)));
  for (int64_t i = 0; i < d->size; i++) nb[i] = slot_at(d, i);
  d->buf = nb;
  d->capacity = cap;
  d->head = 0;
}

Value pop_right_locked(Deque* d) {
  Value& s = slot_at(d, d->size - 1);
  Value v = s;
  s = Value();
  d->size--;
  return v;
}

Value pop_left_locked(Deque* d) {
  Value& s = slot_at(d, 0);
  Value v = s;
  s = Value();
  d->head = (d->head + 1) & (d->capacity - 1);
  d->size--;
  return v;
}

void push_right_locked(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_left_locked(d);
  reserve_locked(d, d->size + 1);
  slot_at(d, d->size) = v;
  d->size++;
}

void push_left_locked(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_right_locked(d);
  reserve_locked(d, d->size + 1);
  d->head = (d->head - 1) & (d->capacity - 1);
  slot_at(d, 0) = v;
  d->size++;
}

void clear_locked(Deque* d) {
  d->buf = nullptr;
  d->capacity = 0;
  d->head = 0;
  d->size = 0;
}

// Rotates right by n (left when negative); |n| < size.
void rotate_locked(Deque* d, int64_t n) {
  if (n > 0) {
    for (int64_t k = 0; k < n; k++) {
      Value v = pop_right_locked(d);
      d->head = (d->head - 1) & (d->capacity - 1);
      slot_at(d, 0) = v;
      d->size++;
    }
  } else {
    for (int64_t k = 0; k < -n; k++) {
      Value v = pop_left_locked(d);
      slot_at(d, d->size) = v;
      d->size++;
    }
  }
}

// A consistent copy of the items.
Tuple* deque_snapshot(Deque* d) {
  LockGuard guard(d->lock);
  Tuple* t = tuple_new(d->size);
  for (int64_t i = 0; i < d->size; i++) t->items[i] = slot_at(d, i);
  return t;
}

// The item at i; null (no exception) when i is past the end.
Value item_at(Deque* d, int64_t i) {
  LockGuard guard(d->lock);
  return i < d->size ? slot_at(d, i) : Value();
}

// Whether this thread changed the deque since `state`: Python code that a
// comparison ran mutated it, which CPython reports as an error.
bool changed_by_this_thread(Deque* d, uint64_t state) {
  return d->state.load(std::memory_order_relaxed) != state &&
         d->last_mutator.load(std::memory_order_relaxed) == ts()->ident;
}

Deque* deque_alloc(Type* type, int64_t maxlen) {
  auto* d = alloc_instance<Deque>(type);
  d->maxlen = maxlen;
  return d;
}

// ------------------------------------------------------------------ deque methods

Value deque_append(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("append", nargs, 1, 1)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  push_right_locked(d, args[0]);
  mutated(d);
  return None();
}

Value deque_appendleft(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("appendleft", nargs, 1, 1)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  push_left_locked(d, args[0]);
  mutated(d);
  return None();
}

Value deque_pop(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 0, 0)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  if (d->size == 0) return raise(&exc::IndexError, "pop from an empty deque");
  mutated(d);
  return pop_right_locked(d);
}

Value deque_popleft(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("popleft", nargs, 0, 0)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  if (d->size == 0) return raise(&exc::IndexError, "pop from an empty deque");
  mutated(d);
  return pop_left_locked(d);
}

// Appends every item of iterable at one end. Items are read without the lock
// (iteration may run Python code); each append is atomic.
int deque_extend_impl(Value self, Value iterable, bool left) {
  Deque* d = D(self);
  if (iterable == self) iterable = Value(deque_snapshot(d));
  Value it = get_iter(iterable);
  if (!it) return -1;
  while (Value v = iter_next(it)) {
    LockGuard guard(d->lock);
    if (left) push_left_locked(d, v);
    else push_right_locked(d, v);
    mutated(d);
  }
  return error_occurred() ? -1 : 0;
}

Value deque_extend(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("extend", nargs, 1, 1)) return Value();
  if (deque_extend_impl(self, args[0], false) < 0) return Value();
  return None();
}

Value deque_extendleft(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("extendleft", nargs, 1, 1)) return Value();
  if (deque_extend_impl(self, args[0], true) < 0) return Value();
  return None();
}

Value deque_inplace_concat(Value self, Value other) {
  if (deque_extend_impl(self, other, false) < 0) return Value();
  return self;
}

Value deque_clear(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("clear", nargs, 0, 0)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  clear_locked(d);
  mutated(d);
  return None();
}

Value deque_copy_impl(Value self) {
  Deque* d = D(self);
  if (is_type(self, &deque_type)) {
    Deque* c = deque_alloc(&deque_type, d->maxlen);
    LockGuard guard(d->lock);
    reserve_locked(c, d->size);
    for (int64_t i = 0; i < d->size; i++) c->buf[i] = slot_at(d, i);
    c->size = d->size;
    return Value(c);
  }
  Value r = d->maxlen < 0 ? call1(Value(type_of(self)), self) : call2(Value(type_of(self)), self, I(d->maxlen));
  if (r && !is_deque(r))
    return raise(&exc::TypeError, "%s() must return a deque, not %s", type_name(self), type_name(r));
  return r;
}

Value deque_copy(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("copy", nargs, 0, 0)) return Value();
  return deque_copy_impl(self);
}

Value deque_concat(Value a, Value b) {
  if (!is_deque(a)) return NotImplemented();
  if (!is_deque(b)) return raise(&exc::TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(b));
  Value r = deque_copy_impl(a);
  if (!r) return Value();
  if (deque_extend_impl(r, b, false) < 0) return Value();
  return r;
}

// Repeats the contents n times in place; with maxlen only the last maxlen items stay.
Value deque_inplace_repeat(Value self, Value count) {
  int64_t n;
  if (!ssize_arg(count, &n)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  int64_t size = d->size;
  if (n <= 0 || size == 0) {
    if (size) clear_locked(d);
    mutated(d);
    return self;
  }
  if (n == 1) return self;
  int64_t total;
  if (__builtin_mul_overflow(size, n, &total) || total > (int64_t(1) << 36)) return raise_no_memory();
  int64_t keep = d->maxlen >= 0 && total > d->maxlen ? d->maxlen : total;
  auto* nb = static_cast<Value*>(gc::alloc(sizeof(Value) * size_t(keep)));
  for (int64_t k = 0; k < keep; k++) nb[k] = slot_at(d, (total - keep + k) % size);
  int64_t cap = 8;
  while (cap < keep) cap *= 2;
  d->buf = static_cast<Value*>(gc::alloc(sizeof(Value) * size_t(cap)));
  std::memcpy(static_cast<void*>(d->buf), nb, sizeof(Value) * size_t(keep));
  d->capacity = cap;
  d->head = 0;
  d->size = keep;
  mutated(d);
  return self;
}

Value deque_repeat(Value a, Value b) {
  Value seq = is_deque(a) ? a : b;
  Value count = is_deque(a) ? b : a;
  if (!is_deque(seq) || (!is_int(count) && !type_of(count)->index)) return NotImplemented();
  Value r = deque_copy_impl(seq);
  if (!r) return Value();
  return deque_inplace_repeat(r, count);
}

Value deque_rotate(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("rotate", kw) || !check_nargs("rotate", nargs, 0, 1)) return Value();
  int64_t n = 1;
  if (nargs && !ssize_arg(args[0], &n)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  int64_t size = d->size;
  if (size <= 1) return None();
  // The shorter way round.
  int64_t half = size >> 1;
  if (n > half || n < -half) {
    n %= size;
    if (n > half) n -= size;
    else if (n < -half) n += size;
  }
  rotate_locked(d, n);
  mutated(d);
  return None();
}

Value deque_reverse(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("reverse", nargs, 0, 0)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  for (int64_t i = 0, j = d->size - 1; i < j; i++, j--) std::swap(slot_at(d, i), slot_at(d, j));
  mutated(d);
  return None();
}

// Compares the items in [start, stop) with v, in order, without the lock;
// stops at the first equal one for which on_equal(item) returns true.
// Returns its index, -1 if none, -2 on error.
template <typename OnEqual>
int64_t scan_items(Deque* d, Value v, int64_t start, int64_t stop, Type* mutation_error, OnEqual on_equal) {
  uint64_t state = d->state.load(std::memory_order_relaxed);
  for (int64_t i = start; i < stop; i++) {
    Value item = item_at(d, i);
    if (!item) break;
    int eq = rich_compare_bool(item, v, CompareOp::EQ);
    if (eq < 0) return -2;
    if (changed_by_this_thread(d, state)) {
      raise(mutation_error, "deque mutated during iteration");
      return -2;
    }
    if (eq && on_equal(item)) return i;
  }
  return -1;
}

// Index of the first item equal to v in [start, stop), -1 if none, -2 on error.
int64_t find_item(Deque* d, Value v, int64_t start, int64_t stop, Type* mutation_error, Value* found = nullptr) {
  return scan_items(d, v, start, stop, mutation_error, [found](Value item) {
    if (found) *found = item;
    return true;
  });
}

int64_t deque_length(Deque* d) {
  LockGuard guard(d->lock);
  return d->size;
}

Value deque_count(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("count", nargs, 1, 1)) return Value();
  Deque* d = D(self);
  int64_t count = 0;
  int64_t r = scan_items(d, args[0], 0, deque_length(d), &exc::RuntimeError, [&count](Value) {
    count++;
    return false;
  });
  return r == -2 ? Value() : I(count);
}

int deque_contains(Value self, Value v) {
  Deque* d = D(self);
  int64_t r = find_item(d, v, 0, deque_length(d), &exc::RuntimeError);
  return r == -2 ? -1 : r >= 0;
}

// A start/stop bound for index(): any __index__ value, clamped like slice indices.
bool slice_bound(Value v, int64_t* out) {
  if (!is_int(v) && !type_of(v)->index) {
    raise(&exc::TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  return index_as_i64(v, out, nullptr);
}

Value deque_index(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("index", kw) || !check_positional("index", nargs, 1, 3)) return Value();
  Deque* d = D(self);
  int64_t n = deque_length(d);
  int64_t start = 0, stop = n;
  if (nargs > 1 && !slice_bound(args[1], &start)) return Value();
  if (nargs > 2 && !slice_bound(args[2], &stop)) return Value();
  if (start < 0) start = std::max<int64_t>(start + n, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + n, 0);
  if (stop > n) stop = n;
  int64_t r = find_item(d, args[0], start, stop, &exc::RuntimeError);
  if (r == -2) return Value();
  if (r < 0) return raise(&exc::ValueError, "%R is not in deque", args[0]);
  return I(r);
}

Value deque_insert(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("insert", kw) || !check_positional("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  Deque* d = D(self);
  LockGuard guard(d->lock);
  if (d->size == d->maxlen) return raise(&exc::IndexError, "deque already at its maximum size");
  int64_t n = d->size;
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  // Rotate the insertion point to the left end, push, rotate back.
  rotate_locked(d, -i);
  push_left_locked(d, args[1]);
  rotate_locked(d, i);
  mutated(d);
  return None();
}

void del_item_locked(Deque* d, int64_t i) {
  rotate_locked(d, -i);
  pop_left_locked(d);
  rotate_locked(d, i);
  mutated(d);
}

Value deque_remove(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("remove", nargs, 1, 1)) return Value();
  Deque* d = D(self);
  {
    // While no comparison needs Python code, search and remove under the lock:
    // atomic, so that concurrent removals cannot move the item past the scan.
    LockGuard guard(d->lock);
    int64_t k = 0;
    for (int r; k < d->size && (r = equals_without_python(slot_at(d, k), args[0])) != -2; k++) {
      if (r) {
        del_item_locked(d, k);
        return None();
      }
    }
    if (k == d->size) return raise(&exc::ValueError, "%R is not in deque", args[0]);
  }
  for (int64_t start = 0;; start++) {
    Value item;
    start = find_item(d, args[0], start, deque_length(d), &exc::IndexError, &item);
    if (start == -2) return Value();
    if (start < 0) return raise(&exc::ValueError, "%R is not in deque", args[0]);
    // The comparison ran unlocked: remove the item that compared equal,
    // wherever concurrent changes moved it (normally still at start).
    LockGuard guard(d->lock);
    int64_t at = start < d->size && slot_at(d, start) == item ? start : -1;
    for (int64_t k = 0; at < 0 && k < d->size; k++)
      if (slot_at(d, k) == item) at = k;
    if (at < 0) continue;
    del_item_locked(d, at);
    return None();
  }
}

// A sequence index for item access: TypeError for non-integers. Converted
// before the lock is taken, since __index__ may run Python code.
bool index_arg(Value key, int64_t* out) {
  if (!is_int(key) && !type_of(key)->index) {
    raise(&exc::TypeError, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  return index_as_i64(key, out, &exc::IndexError);
}

// Resolves a negative index against the size n; IndexError when out of range.
bool item_index(int64_t i, int64_t n, int64_t* out) {
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(&exc::IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value deque_getitem(Value self, Value key) {
  Deque* d = D(self);
  int64_t i;
  if (!index_arg(key, &i)) return Value();
  LockGuard guard(d->lock);
  if (!item_index(i, d->size, &i)) return Value();
  return slot_at(d, i);
}

int deque_setitem(Value self, Value key, Value v) {
  Deque* d = D(self);
  int64_t i;
  if (!index_arg(key, &i)) return -1;
  LockGuard guard(d->lock);
  if (!item_index(i, d->size, &i)) return -1;
  if (v) {
    slot_at(d, i) = v;
  } else {
    del_item_locked(d, i);
  }
  return 0;
}

int64_t deque_len(Value self) { return deque_length(D(self)); }

Value deque_maxlen(Value self) {
  int64_t m = D(self)->maxlen;
  return m < 0 ? None() : I(m);
}

Value deque_repr(Value self) {
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("[...]"));
  Tuple* items = deque_snapshot(D(self));
  Value list_repr = repr(Value(list_from_array(items->items, items->size)));
  if (!list_repr) return Value();
  int64_t m = D(self)->maxlen;
  if (m >= 0) return Value(format_message("%U(%U, maxlen=%lld)", short_name(self), list_repr.as<Str>(), (long long)m));
  return Value(format_message("%U(%U)", short_name(self), list_repr.as<Str>()));
}

Value deque_richcompare(Value a, Value b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return NotImplemented();
  Tuple* x = deque_snapshot(D(a));
  Tuple* y = deque_snapshot(D(b));
  if ((op == CompareOp::EQ || op == CompareOp::NE) && x->size != y->size) return Bool(op == CompareOp::NE);
  // The first differing position decides; otherwise the lengths do.
  int64_t i = 0, n = std::min(x->size, y->size);
  for (; i < n; i++) {
    int eq = rich_compare_bool(x->items[i], y->items[i], CompareOp::EQ);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i < n) {
    if (op == CompareOp::EQ) return False();
    if (op == CompareOp::NE) return True();
    return rich_compare(x->items[i], y->items[i], op);
  }
  int64_t xs = x->size, ys = y->size;
  switch (op) {
    case CompareOp::LT: return Bool(xs < ys);
    case CompareOp::LE: return Bool(xs <= ys);
    case CompareOp::EQ: return Bool(xs == ys);
    case CompareOp::NE: return Bool(xs != ys);
    case CompareOp::GT: return Bool(xs > ys);
    default: return Bool(xs >= ys);
  }
}

Value deque_new(Type* type, const Value*, size_t, Tuple*) { return Value(deque_alloc(type, -1)); }

int deque_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"deque", {"iterable", "maxlen"}};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  int64_t maxlen = -1;
  if (a[1] && !is_none(a[1])) {
    if (!is_int(a[1])) {
      raise(&exc::TypeError, "an integer is required");
      return -1;
    }
    if (!int_to_i64(a[1], &maxlen)) {
      clear_error();
      raise(&exc::OverflowError, "Python int too large to convert to C ssize_t");
      return -1;
    }
    if (maxlen < 0) {
      raise(&exc::ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  Deque* d = D(self);
  {
    LockGuard guard(d->lock);
    d->maxlen = maxlen;
    if (d->size) clear_locked(d);
    mutated(d);
  }
  if (a[0] && deque_extend_impl(self, a[0], false) < 0) return -1;
  return 0;
}

Value deque_iter_make(Type* type, Value deque, int64_t index);

Value deque_iter(Value self) { return deque_iter_make(&deque_iter_type, self, 0); }

Value deque_reversed(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("__reversed__", nargs, 0, 0)) return Value();
  return deque_iter_make(&deque_reviter_type, self, 0);
}

Value deque_reduce(Value self, const Value*, size_t, Tuple*) {
  Value state = lookup_attr(self, names::__dict__);
  if (!state) {
    if (error_occurred()) return Value();
    state = None();
  }
  Value it = deque_iter(self);
  if (!it) return Value();
  int64_t m = D(self)->maxlen;
  Value args = m < 0 ? Value(tuple_empty()) : Value(tuple_pack({Value(tuple_empty()), I(m)}));
  return Value(tuple_pack({Value(type_of(self)), args, state, it}));
}

Value deque_sizeof(Value self, const Value*, size_t, Tuple*) {
  Deque* d = D(self);
  LockGuard guard(d->lock);
  return I(int64_t(sizeof(Deque)) + d->capacity * int64_t(sizeof(Value)));
}

const MethodDef deque_methods[] = {
    {"append", deque_append, kMethodInstance, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, kMethodInstance, "Add an element to the left side of the deque."},
    {"clear", deque_clear, kMethodInstance, "Remove all elements from the deque."},
    {"__copy__", deque_copy, kMethodInstance, "Return a shallow copy of a deque."},
    {"copy", deque_copy, kMethodInstance, "Return a shallow copy of a deque."},
    {"count", deque_count, kMethodInstance, "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", deque_extend, kMethodInstance, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, kMethodInstance, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, kMethodInstance,
     "D.index(value, [start, [stop]]) -> integer -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert, kMethodInstance, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, kMethodInstance, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, kMethodInstance, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, kMethodInstance, "Return state information for pickling."},
    {"remove", deque_remove, kMethodInstance, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed, kMethodInstance, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse, kMethodInstance, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, kMethodInstance, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof, kMethodInstance, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const GetSetDef deque_getsets[] = {{"maxlen", deque_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
                                   {nullptr}};

// ------------------------------------------------------------------ deque iterators

struct DequeIter : Object {
  Value deque;
  int64_t index;    // items consumed so far
  int64_t counter;  // items left
  uint64_t state;
};

Value deque_iter_make(Type* type, Value deque, int64_t index) {
  Deque* d = D(deque);
  auto* it = alloc_instance<DequeIter>(type);
  it->deque = deque;
  LockGuard guard(d->lock);
  it->state = d->state.load(std::memory_order_relaxed);
  it->counter = d->size;
  it->index = 0;
  if (index > 0) {
    int64_t skip = std::min(index, d->size);
    it->index = skip;
    it->counter -= skip;
  }
  return Value(it);
}

Value deque_iter_next_impl(Value self, bool reverse) {
  auto* it = self.as<DequeIter>();
  Deque* d = D(it->deque);
  LockGuard guard(d->lock);
  if (d->state.load(std::memory_order_relaxed) != it->state) {
    it->counter = 0;
    return raise(&exc::RuntimeError, "deque mutated during iteration");
  }
  if (it->counter <= 0) return Value();
  int64_t pos = reverse ? d->size - 1 - it->index : it->index;
  it->index++;
  it->counter--;
  return slot_at(d, pos);
}

Value deque_iter_next(Value self) { return deque_iter_next_impl(self, false); }
Value deque_reviter_next(Value self) { return deque_iter_next_impl(self, true); }
Value iter_self(Value self) { return self; }

template <Type* T>
Value deque_iter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = T->native_name + sizeof("_collections.") - 1;
  if (!check_no_kwargs(name, kwnames) || !check_positional(name, nargs, 1, 2)) return Value();
  if (!is_deque(args[0]))
    return raise(&exc::TypeError, "argument 1 must be collections.deque, not %s", type_name(args[0]));
  int64_t index = 0;
  if (nargs == 2 && !ssize_arg(args[1], &index)) return Value();
  return deque_iter_make(type, args[0], index);
}

Value deque_iter_length_hint(Value self, const Value*, size_t, Tuple*) { return I(self.as<DequeIter>()->counter); }

Value deque_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<DequeIter>();
  int64_t len = deque_length(D(it->deque));
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({it->deque, I(len - it->counter)}))}));
}

const MethodDef deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", deque_iter_reduce, kMethodInstance, "Return state information for pickling."},
    {nullptr}};

// ------------------------------------------------------------------ defaultdict

struct DefaultDict : Dict {
  Value default_factory;  // None when absent
};

bool is_defaultdict(Value v) { return is_instance_of(v, &defaultdict_type); }

Value defdict_missing(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__missing__", nargs, 1, 1)) return Value();
  Value factory = self.as<DefaultDict>()->default_factory;
  if (!factory || is_none(factory)) {
    Value e = exception_new(&exc::KeyError, tuple_pack({args[0]}));
    return e ? raise_value(e) : Value();
  }
  Value v = call0(factory);
  if (!v) return Value();
  if (set_item(self, args[0], v) < 0) return Value();
  return v;
}

Value defdict_factory_or_none(Value self) {
  Value f = self.as<DefaultDict>()->default_factory;
  return f ? f : None();
}

// type(dd)(dd.default_factory, arg): copies and the | operator go through the class.
Value defdict_rebuild(Value self, Value arg) { return call2(Value(type_of(self)), defdict_factory_or_none(self), arg); }

Value defdict_copy(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("copy", nargs, 0, 0)) return Value();
  return defdict_rebuild(self, self);
}

Value defdict_reduce(Value self, const Value*, size_t, Tuple*) {
  Value factory = self.as<DefaultDict>()->default_factory;
  Value args = !factory || is_none(factory) ? Value(tuple_empty()) : Value(tuple_pack({factory}));
  Value items = call_method0(self, names::items);
  if (!items) return Value();
  Value it = get_iter(items);
  if (!it) return Value();
  return Value(tuple_pack({Value(type_of(self)), args, None(), None(), it}));
}

Value defdict_repr(Value self) {
  Value base = dict_type.repr(self);
  if (!base) return Value();
  Value factory = defdict_factory_or_none(self);
  Value frepr;
  {
    ReprGuard guard(factory);
    frepr = guard.recursive() ? Value(intern_cstr("...")) : repr(factory);
  }
  if (!frepr) return Value();
  return Value(format_message("%U(%U, %U)", short_name(self), frepr.as<Str>(), base.as<Str>()));
}

Value defdict_or(Value a, Value b) {
  Value self = is_defaultdict(a) ? a : b;
  Value other = is_defaultdict(a) ? b : a;
  if (!is_dict(other)) return NotImplemented();
  Value r = defdict_rebuild(self, a);
  if (!r) return Value();
  if (dict_update(r.as<Dict>(), b) < 0) return Value();
  return r;
}

int defdict_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value factory = None();
  if (nargs > 0) {
    factory = args[0];
    if (!is_none(factory) && !is_callable(factory)) {
      raise(&exc::TypeError, "first argument must be callable or None");
      return -1;
    }
    args++;
    nargs--;
  }
  self.as<DefaultDict>()->default_factory = factory;
  return dict_type.init(self, args, nargs, kwnames);
}

Value defdict_get_factory(Value self) { return defdict_factory_or_none(self); }
int defdict_set_factory(Value self, Value v) {
  self.as<DefaultDict>()->default_factory = v ? v : None();
  return 0;
}

const MethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, kMethodInstance,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise "
     "KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value"},
    {"copy", defdict_copy, kMethodInstance, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, kMethodInstance, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, kMethodInstance, "Return state information for pickling."},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const GetSetDef defdict_getsets[] = {
    {"default_factory", defdict_get_factory, defdict_set_factory, "Factory for default value called by __missing__()."},
    {nullptr}};

// ------------------------------------------------------------------ _count_elements

Value count_elements(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_count_elements", kw) || !check_positional("_count_elements", nargs, 2, 2)) return Value();
  Value mapping = args[0];
  Value it = get_iter(args[1]);
  if (!it) return Value();
  Value one = Value::from_small_int(1);
  if (is_dict_exact(mapping)) {
    Dict* d = mapping.as<Dict>();
    while (Value elem = iter_next(it)) {
      Value old = dict_get(d, elem);
      if (!old && error_occurred()) return Value();
      Value n = old ? binary_op(old, one, BinaryOp::Add) : one;
      if (!n || dict_set(d, elem, n) < 0) return Value();
    }
  } else {
    Value getter = get_attr(mapping, names::get);
    if (!getter) return Value();
    Value zero = Value::from_small_int(0);
    while (Value elem = iter_next(it)) {
      Value old = call2(getter, elem, zero);
      if (!old) return Value();
      Value n = binary_op(old, one, BinaryOp::Add);
      if (!n || set_item(mapping, elem, n) < 0) return Value();
    }
  }
  if (error_occurred()) return Value();
  return None();
}

// ------------------------------------------------------------------ _tuplegetter

struct TupleGetter : Object {
  int64_t index;
  Value doc;
};

Value tuplegetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) || !check_positional("_tuplegetter", nargs, 2, 2)) return Value();
  int64_t index;
  if (!ssize_arg(args[0], &index)) return Value();
  auto* g = alloc_instance<TupleGetter>(type);
  g->index = index;
  g->doc = args[1];
  return Value(g);
}

Value tuplegetter_get(Value self, Value obj, Value type) {
  if (!obj || is_none(obj)) return self;
  auto* g = self.as<TupleGetter>();
  if (!is_tuple(obj))
    return raise(&exc::TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                 (long long)g->index, type_name(obj));
  Tuple* t = obj.as<Tuple>();
  if (g->index < 0 || g->index >= t->size) return raise(&exc::IndexError, "tuple index out of range");
  return t->items[g->index];
}

int tuplegetter_set(Value self, Value obj, Value v) {
  raise(&exc::AttributeError, v ? "can't set attribute" : "can't delete attribute");
  return -1;
}

Value tuplegetter_repr(Value self) {
  auto* g = self.as<TupleGetter>();
  return Value(format_message("%U(%lld, %R)", short_name(self), (long long)g->index, g->doc ? g->doc : None()));
}

Value tuplegetter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<TupleGetter>();
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({I(g->index), g->doc ? g->doc : None()}))}));
}

const MethodDef tuplegetter_methods[] = {{"__reduce__", tuplegetter_reduce, kMethodInstance, nullptr}, {nullptr}};
const MemberDef tuplegetter_members[] = {{"__doc__", MemberKind::Value, offsetof(TupleGetter, doc), nullptr}, {nullptr}};

// ------------------------------------------------------------------ module

const MethodDef collections_functions[] = {
    {"_count_elements", count_elements, kMethodStatic, "Count elements in the iterable, updating the mapping"},
    {nullptr}};

void init_iter_type(Type* t, const char* name, NewFn new_fn, UnaryFn next) {
  t->native_name = name;
  t->instance_size = sizeof(DequeIter);
  t->new_ = new_fn;
  t->iter = iter_self;
  t->next = next;
  t->methods = deque_iter_methods;
  type_ready(t);
}

bool collections_init(Module* m) {
  deque_type.native_name = "collections.deque";
  deque_type.instance_size = sizeof(Deque);
  deque_type.flags = kTypeBaseType | kTypeSequence | kTypeWeakrefable;
  deque_type.new_ = deque_new;
  deque_type.init = deque_init;
  deque_type.repr = deque_repr;
  deque_type.richcompare = deque_richcompare;
  deque_type.iter = deque_iter;
  deque_type.len = deque_len;
  deque_type.getitem = deque_getitem;
  deque_type.setitem = deque_setitem;
  deque_type.contains = deque_contains;
  deque_type.nb[int(BinaryOp::Add)] = deque_concat;
  deque_type.nb[int(BinaryOp::Mul)] = deque_repeat;
  deque_type.nb_inplace[int(BinaryOp::Add)] = deque_inplace_concat;
  deque_type.nb_inplace[int(BinaryOp::Mul)] = deque_inplace_repeat;
  deque_type.methods = deque_methods;
  deque_type.getsets = deque_getsets;
  deque_type.doc =
      "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.";
  type_ready(&deque_type);

  init_iter_type(&deque_iter_type, "_collections._deque_iterator", deque_iter_new<&deque_iter_type>, deque_iter_next);
  init_iter_type(&deque_reviter_type, "_collections._deque_reverse_iterator", deque_iter_new<&deque_reviter_type>,
                 deque_reviter_next);

  defaultdict_type.native_name = "collections.defaultdict";
  defaultdict_type.base = &dict_type;
  defaultdict_type.instance_size = sizeof(DefaultDict);
  defaultdict_type.flags = kTypeBaseType | kTypeDictSubclass | kTypeMapping;
  defaultdict_type.init = defdict_init;
  defaultdict_type.repr = defdict_repr;
  defaultdict_type.nb[int(BinaryOp::Or)] = defdict_or;
  defaultdict_type.methods = defdict_methods;
  defaultdict_type.getsets = defdict_getsets;
  defaultdict_type.doc =
      "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called "
      "without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict "
      "compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\n"
      "passed to the dict constructor, including keyword arguments.\n";
  type_ready(&defaultdict_type);

  tuplegetter_type.native_name = "_collections._tuplegetter";
  tuplegetter_type.instance_size = sizeof(TupleGetter);
  tuplegetter_type.new_ = tuplegetter_new;
  tuplegetter_type.descr_get = tuplegetter_get;
  tuplegetter_type.descr_set = tuplegetter_set;
  tuplegetter_type.repr = tuplegetter_repr;
  tuplegetter_type.methods = tuplegetter_methods;
  tuplegetter_type.members = tuplegetter_members;
  type_ready(&tuplegetter_type);

  for (auto [name, type] : {std::pair{"deque", &deque_type}, {"defaultdict", &defaultdict_type},
                            {"_deque_iterator", &deque_iter_type}, {"_deque_reverse_iterator", &deque_reviter_type},
                            {"_tuplegetter", &tuplegetter_type}})
    if (module_add(m, name, Value(type)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef collections_module;
const ModuleDef collections_module = {"_collections", "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n",
                                      collections_functions, collections_init};

}  // namespace spindle
