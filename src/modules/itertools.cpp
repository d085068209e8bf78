// The itertools module: iterator building blocks.
//
// Concurrency: iterators that never run Python code while advancing
// (combinatorics, repeat) guard their state with the object's Mutex, so
// concurrent next() calls never corrupt them. count() advances with a
// compare-and-swap, so it hands out each number once across threads (the
// stdlib relies on that for unique names). The others keep CPython's
// guarantee only: no crash, but concurrent consumers may see items in any
// interleaving; tee's shared buffer is appended under its lock.
#include <cstdio>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type accumulate_type, chain_type, combinations_type, cwr_type, compress_type, count_type, cycle_type, dropwhile_type,
    filterfalse_type, groupby_type, grouper_type, islice_type, pairwise_type, permutations_type, product_type,
    repeat_type, starmap_type, takewhile_type, tee_type, teedata_type, zip_longest_type;

Value iter_self(Value self) { return self; }
Value I(int64_t v) { return int_from_i64(v); }
Value reduce_result(Value type, Tuple* args) { return Value(tuple_pack({type, Value(args)})); }
Value reduce_result(Value type, Tuple* args, Value state) { return Value(tuple_pack({type, Value(args), state})); }
Value type_value(Value self) { return Value(type_of(self)); }
bool is_iterator(Value v) { return type_of(v)->next != nullptr; }
// The class name reprs show (CPython's _PyType_Name): "count", or a subclass's name.
Str* short_name(Value v) { return type_of(v)->name; }

// A tuple argument to __setstate__, or TypeError "state is not a tuple".
Tuple* state_tuple(const Value* args, size_t nargs) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return nullptr;
  if (!is_tuple(args[0])) {
    raise(&exc::TypeError, "state is not a tuple");
    return nullptr;
  }
  return args[0].as<Tuple>();
}

Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

// ------------------------------------------------------------------ accumulate

struct Accumulate : Object {
  Value it;
  Value func;     // null: addition
  Value total;    // null before the first item
  Value initial;  // null once emitted (or when not given)
};

Value accumulate_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"accumulate", {"iterable", "func", "initial"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value it = get_iter(a[0]);
  if (!it) return Value();
  auto* acc = alloc_instance<Accumulate>(type);
  acc->it = it;
  if (a[1] && !is_none(a[1])) acc->func = a[1];
  if (a[2] && !is_none(a[2])) acc->initial = a[2];
  return Value(acc);
}

Value accumulate_next(Value self) {
  auto* acc = self.as<Accumulate>();
  if (Value init = acc->initial) {
    acc->initial = Value();
    acc->total = init;
    return init;
  }
  Value v = iter_next(acc->it);
  if (!v) return Value();
  if (acc->total) {
    v = acc->func ? call2(acc->func, acc->total, v) : binary_op(acc->total, v, BinaryOp::Add);
    if (!v) return Value();
  }
  acc->total = v;
  return v;
}

Value accumulate_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* acc = self.as<Accumulate>();
  Value func = acc->func ? acc->func : None();
  if (acc->initial) {
    Value chain_args[2] = {Value(tuple_pack({acc->initial})), acc->it};
    Value it = call(Value(&chain_type), chain_args, 2);
    if (!it) return Value();
    return reduce_result(type_value(self), tuple_pack({it, func}), None());
  }
  if (acc->total && is_none(acc->total)) {
    // A None total cannot be told apart from "no total yet" in the state:
    // rebuild it as islice(accumulate(chain((None,), it), func), 1, None).
    Value chain_args[2] = {Value(tuple_pack({None()})), acc->it};
    Value it = call(Value(&chain_type), chain_args, 2);
    if (!it) return Value();
    Value inner = call2(type_value(self), it, func);
    if (!inner) return Value();
    return reduce_result(Value(&islice_type), tuple_pack({inner, Value::from_small_int(1), None()}));
  }
  return reduce_result(type_value(self), tuple_pack({acc->it, func}), acc->total ? acc->total : None());
}

Value accumulate_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  self.as<Accumulate>()->total = args[0];
  return None();
}

const MethodDef accumulate_methods[] = {{"__reduce__", accumulate_reduce, kMethodInstance, "Return state information for pickling."},
                                        {"__setstate__", accumulate_setstate, kMethodInstance, "Set state information for unpickling."},
                                        {nullptr}};

// ------------------------------------------------------------------ chain

struct Chain : Object {
  Value source;  // iterator over the iterables; null when exhausted
  Value active;  // iterator of the current iterable, or null
};

Value chain_make(Type* type, Value source) {
  auto* c = alloc_instance<Chain>(type);
  c->source = source;
  return Value(c);
}

Value chain_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &chain_type, "chain", kwnames)) return Value();
  Value source = get_iter(Value(tuple_from_array(args, int64_t(nargs))));
  if (!source) return Value();
  return chain_make(type, source);
}

Value chain_from_iterable(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("from_iterable", kwnames) || !check_nargs("from_iterable", nargs, 1, 1)) return Value();
  Value source = get_iter(args[0]);
  if (!source) return Value();
  return chain_make(cls.as<Type>(), source);
}

Value chain_next(Value self) {
  auto* c = self.as<Chain>();
  for (;;) {
    if (Value active = c->active) {
      Value v = iter_next(active);
      if (v || error_occurred()) return v;
      c->active = Value();
    }
    Value source = c->source;
    if (!source) return Value();
    Value iterable = iter_next(source);
    if (!iterable) {
      if (!error_occurred()) c->source = Value();
      return Value();
    }
    Value it = get_iter(iterable);
    if (!it) return Value();
    c->active = it;
  }
}

Value chain_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Chain>();
  Value type = type_value(self);
  if (!c->source) return reduce_result(type, tuple_empty());
  if (c->active) return reduce_result(type, tuple_empty(), Value(tuple_pack({c->source, c->active})));
  return reduce_result(type, tuple_empty(), Value(tuple_pack({c->source})));
}

Value chain_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  Tuple* st = state_tuple(args, nargs);
  if (!st) return Value();
  if (st->size < 1 || st->size > 2)
    return raise(&exc::TypeError, "function takes %s %d argument%s (%lld given)", st->size < 1 ? "at least" : "at most",
                 st->size < 1 ? 1 : 2, st->size < 1 ? "" : "s", (long long)st->size);
  Value source = st->items[0];
  Value active = st->size == 2 ? st->items[1] : Value();
  if (!is_iterator(source) || (active && !is_iterator(active)))
    return raise(&exc::TypeError, "Arguments must be iterators.");
  auto* c = self.as<Chain>();
  c->source = source;
  c->active = active;
  return None();
}

const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, kMethodClass, "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__reduce__", chain_reduce, kMethodInstance, "Return state information for pickling."},
    {"__setstate__", chain_setstate, kMethodInstance, "Set state information for unpickling."},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

// ------------------------------------------------------------------ combinatorics
// combinations, combinations_with_replacement, permutations and product share
// a layout: a pool (tuple), index arrays in pointer-free memory, the last
// result, and a lock held while advancing (no Python code runs under it).

struct Combinatoric : Object {
  Mutex lock;
  bool stopped;
  Tuple* pool;         // product: the tuple of pools
  int64_t r;
  int64_t* indices;    // r entries (product: one per pool)
  int64_t* cycles;     // permutations only
  Tuple* result;       // the last result; null before the first
};

int64_t* alloc_indices(int64_t n) {
  size_t bytes = sizeof(int64_t) * size_t(n ? n : 1);
  return static_cast<int64_t*>(std::memset(gc::alloc_atomic(bytes), 0, bytes));
}

Tuple* result_from_indices(Tuple* pool, const int64_t* indices, int64_t r) {
  Tuple* t = tuple_new(r);
  for (int64_t i = 0; i < r; i++) t->items[i] = pool->items[indices[i]];
  return t;
}

Tuple* indices_tuple(const int64_t* indices, int64_t n) {
  Tuple* t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) t->items[i] = I(indices[i]);
  return t;
}

bool parse_r(Value v, int64_t* r) {
  if (!ssize_arg(v, r)) return false;
  if (*r < 0) {
    raise(&exc::ValueError, "r must be non-negative");
    return false;
  }
  return true;
}

Combinatoric* combinatoric_new(Type* type, Tuple* pool, int64_t r, int64_t nindices) {
  auto* c = alloc_instance<Combinatoric>(type);
  c->pool = pool;
  c->r = r;
  c->indices = alloc_indices(nindices);
  return c;
}

Value combinations_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"combinations", {"iterable", "r"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value pool = tuple_from_iterable(a[0]);
  if (!pool) return Value();
  int64_t r;
  if (!parse_r(a[1], &r)) return Value();
  Combinatoric* c = combinatoric_new(type, pool.as<Tuple>(), r, r);
  for (int64_t i = 0; i < r; i++) c->indices[i] = i;
  c->stopped = r > pool.as<Tuple>()->size;
  return Value(c);
}

Value combinations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (c->stopped) return Value();
  int64_t n = c->pool->size, r = c->r;
  if (c->result) {
    // Rightmost index that is not at its maximum, then reset those after it.
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) i--;
    if (i < 0) {
      c->stopped = true;
      return Value();
    }
    c->indices[i]++;
    for (int64_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  }
  c->result = result_from_indices(c->pool, c->indices, r);
  return Value(c->result);
}

Value cwr_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"combinations_with_replacement", {"iterable", "r"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value pool = tuple_from_iterable(a[0]);
  if (!pool) return Value();
  int64_t r;
  if (!parse_r(a[1], &r)) return Value();
  Combinatoric* c = combinatoric_new(type, pool.as<Tuple>(), r, r);
  c->stopped = pool.as<Tuple>()->size == 0 && r > 0;
  return Value(c);
}

Value cwr_next(Value self) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (c->stopped) return Value();
  int64_t n = c->pool->size, r = c->r;
  if (c->result) {
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) i--;
    if (i < 0) {
      c->stopped = true;
      return Value();
    }
    int64_t index = c->indices[i] + 1;
    for (int64_t j = i; j < r; j++) c->indices[j] = index;
  }
  c->result = result_from_indices(c->pool, c->indices, r);
  return Value(c->result);
}

// combinations / cwr pickling: (type, (pool, r)) before the first item,
// (type, ((), r)) when exhausted, else (type, (pool, r), indices).
Value comb_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (!c->result) return reduce_result(type_value(self), tuple_pack({Value(c->pool), I(c->r)}));
  if (c->stopped) return reduce_result(type_value(self), tuple_pack({Value(tuple_empty()), I(c->r)}));
  return reduce_result(type_value(self), tuple_pack({Value(c->pool), I(c->r)}), Value(indices_tuple(c->indices, c->r)));
}

// Reads `count` indices from a state tuple, each clamped by `clamp(i, value)`.
template <class Clamp>
bool read_indices(Value state, int64_t count, int64_t* out, Clamp clamp) {
  if (!is_tuple(state) || state.as<Tuple>()->size != count) {
    raise(&exc::ValueError, "invalid arguments");
    return false;
  }
  for (int64_t i = 0; i < count; i++) {
    int64_t v;
    if (!ssize_arg(state.as<Tuple>()->items[i], &v)) return false;
    out[i] = clamp(i, v);
  }
  return true;
}

int64_t clamp_between(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : v > hi ? hi : v; }

Value combinations_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* c = self.as<Combinatoric>();
  int64_t n = c->pool->size, r = c->r;
  int64_t* idx = alloc_indices(r);
  if (!read_indices(args[0], r, idx, [&](int64_t i, int64_t v) { return clamp_between(v, 0, i + n - r); })) return Value();
  LockGuard guard(c->lock);
  c->indices = idx;
  c->result = result_from_indices(c->pool, idx, r);
  return None();
}

Value cwr_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* c = self.as<Combinatoric>();
  int64_t n = c->pool->size, r = c->r;
  int64_t* idx = alloc_indices(r);
  if (!read_indices(args[0], r, idx, [&](int64_t, int64_t v) { return clamp_between(v, 0, n - 1); })) return Value();
  LockGuard guard(c->lock);
  c->indices = idx;
  c->result = result_from_indices(c->pool, idx, r);
  return None();
}

const MethodDef combinations_methods[] = {{"__reduce__", comb_reduce, kMethodInstance, "Return state information for pickling."},
                                          {"__setstate__", combinations_setstate, kMethodInstance, "Set state information for unpickling."},
                                          {nullptr}};
const MethodDef cwr_methods[] = {{"__reduce__", comb_reduce, kMethodInstance, "Return state information for pickling."},
                                 {"__setstate__", cwr_setstate, kMethodInstance, "Set state information for unpickling."},
                                 {nullptr}};

Value permutations_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"permutations", {"iterable", "r"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value pool = tuple_from_iterable(a[0]);
  if (!pool) return Value();
  int64_t n = pool.as<Tuple>()->size, r = n;
  if (a[1] && !is_none(a[1])) {
    if (!is_int(a[1])) return raise(&exc::TypeError, "Expected int as r");
    if (!int_to_i64(a[1], &r)) return Value();
    if (r < 0) return raise(&exc::ValueError, "r must be non-negative");
  }
  Combinatoric* c = combinatoric_new(type, pool.as<Tuple>(), r, n);
  c->cycles = alloc_indices(r);
  for (int64_t i = 0; i < n; i++) c->indices[i] = i;
  for (int64_t i = 0; i < r; i++) c->cycles[i] = n - i;
  c->stopped = r > n;
  return Value(c);
}

Value permutations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (c->stopped) return Value();
  int64_t n = c->pool->size, r = c->r;
  if (c->result) {
    if (n == 0) {
      c->stopped = true;
      return Value();
    }
    int64_t* idx = c->indices;
    int64_t* cyc = c->cycles;
    int64_t i = r - 1;
    for (; i >= 0; i--) {
      cyc[i]--;
      if (cyc[i] == 0) {
        // Rotate indices[i:] left by one.
        int64_t first = idx[i];
        for (int64_t j = i; j < n - 1; j++) idx[j] = idx[j + 1];
        idx[n - 1] = first;
        cyc[i] = n - i;
      } else {
        int64_t j = cyc[i];
        std::swap(idx[i], idx[n - j]);
        break;
      }
    }
    if (i < 0) {
      c->stopped = true;
      return Value();
    }
  }
  c->result = result_from_indices(c->pool, c->indices, r);
  return Value(c->result);
}

Value permutations_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (!c->result) return reduce_result(type_value(self), tuple_pack({Value(c->pool), I(c->r)}));
  if (c->stopped) return reduce_result(type_value(self), tuple_pack({Value(tuple_empty()), I(c->r)}));
  Value state(tuple_pack({Value(indices_tuple(c->indices, c->pool->size)), Value(indices_tuple(c->cycles, c->r))}));
  return reduce_result(type_value(self), tuple_pack({Value(c->pool), I(c->r)}), state);
}

Value permutations_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* c = self.as<Combinatoric>();
  int64_t n = c->pool->size, r = c->r;
  Value st = args[0];
  if (!is_tuple(st) || st.as<Tuple>()->size != 2) return raise(&exc::ValueError, "invalid arguments");
  int64_t* idx = alloc_indices(n);
  int64_t* cyc = alloc_indices(r);
  if (!read_indices(st.as<Tuple>()->items[0], n, idx, [&](int64_t, int64_t v) { return clamp_between(v, 0, n - 1); }) ||
      !read_indices(st.as<Tuple>()->items[1], r, cyc, [&](int64_t i, int64_t v) { return clamp_between(v, 1, n - i); }))
    return Value();
  LockGuard guard(c->lock);
  c->indices = idx;
  c->cycles = cyc;
  c->result = result_from_indices(c->pool, idx, r);
  return None();
}

const MethodDef permutations_methods[] = {{"__reduce__", permutations_reduce, kMethodInstance, "Return state information for pickling."},
                                          {"__setstate__", permutations_setstate, kMethodInstance, "Set state information for unpickling."},
                                          {nullptr}};

Value product_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t repeat = 1;
  size_t nkw = kwcount(kwnames);
  if (nkw) {
    Value a[1];
    static const ArgSpec spec{"product", {"repeat"}, 0, 0, 0};
    if (!parse_args(spec, args + nargs, 0, kwnames, a)) return Value();
    if (!ssize_arg(a[0], &repeat)) return Value();
    if (repeat < 0) return raise(&exc::ValueError, "repeat argument cannot be negative");
  }
  int64_t npools;
  if (__builtin_mul_overflow(int64_t(nargs), repeat, &npools) || npools > (int64_t(1) << 40))
    return raise(&exc::OverflowError, "repeat argument too large");
  Tuple* pools = tuple_new(npools);
  for (size_t i = 0; i < nargs; i++) {
    Value pool = tuple_from_iterable(args[i]);
    if (!pool) return Value();
    pools->items[i] = pool;
  }
  for (int64_t i = int64_t(nargs); i < npools; i++) pools->items[i] = pools->items[i - int64_t(nargs)];
  return Value(combinatoric_new(type, pools, npools, npools));
}

Value product_next(Value self) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (c->stopped) return Value();
  int64_t npools = c->pool->size;
  if (!c->result) {
    for (int64_t i = 0; i < npools; i++) {
      if (c->pool->items[i].as<Tuple>()->size == 0) {
        c->stopped = true;
        return Value();
      }
    }
  } else {
    // Odometer: advance the rightmost pool, carrying leftwards.
    int64_t i = npools - 1;
    for (; i >= 0; i--) {
      Tuple* pool = c->pool->items[i].as<Tuple>();
      if (++c->indices[i] < pool->size) break;
      c->indices[i] = 0;
    }
    if (i < 0) {
      c->stopped = true;
      return Value();
    }
  }
  Tuple* t = tuple_new(npools);
  for (int64_t i = 0; i < npools; i++) t->items[i] = c->pool->items[i].as<Tuple>()->items[c->indices[i]];
  c->result = t;
  return Value(t);
}

Value product_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  LockGuard guard(c->lock);
  if (c->stopped) return reduce_result(type_value(self), tuple_pack({Value(tuple_empty())}));
  if (!c->result) return reduce_result(type_value(self), c->pool);
  return reduce_result(type_value(self), c->pool, Value(indices_tuple(c->indices, c->pool->size)));
}

Value product_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* c = self.as<Combinatoric>();
  int64_t npools = c->pool->size;
  int64_t* idx = alloc_indices(npools);
  bool empty_pool = false;
  if (!read_indices(args[0], npools, idx, [&](int64_t i, int64_t v) {
        int64_t size = c->pool->items[i].as<Tuple>()->size;
        if (size == 0) empty_pool = true;
        return clamp_between(v, 0, size - 1);
      }))
    return Value();
  LockGuard guard(c->lock);
  if (empty_pool) {
    c->stopped = true;
    return None();
  }
  c->indices = idx;
  Tuple* t = tuple_new(npools);
  for (int64_t i = 0; i < npools; i++) t->items[i] = c->pool->items[i].as<Tuple>()->items[idx[i]];
  c->result = t;
  return None();
}

const MethodDef product_methods[] = {{"__reduce__", product_reduce, kMethodInstance, "Return state information for pickling."},
                                     {"__setstate__", product_setstate, kMethodInstance, "Set state information for unpickling."},
                                     {nullptr}};

// ------------------------------------------------------------------ compress

struct Compress : Object {
  Value data, selectors;
};

Value compress_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"compress", {"data", "selectors"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value data = get_iter(a[0]);
  if (!data) return Value();
  Value selectors = get_iter(a[1]);
  if (!selectors) return Value();
  auto* c = alloc_instance<Compress>(type);
  c->data = data;
  c->selectors = selectors;
  return Value(c);
}

Value compress_next(Value self) {
  auto* c = self.as<Compress>();
  for (;;) {
    Value d = iter_next(c->data);
    if (!d) return Value();
    Value s = iter_next(c->selectors);
    if (!s) return Value();
    int t = truthy(s);
    if (t < 0) return Value();
    if (t) return d;
  }
}

Value compress_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Compress>();
  return reduce_result(type_value(self), tuple_pack({c->data, c->selectors}));
}

const MethodDef compress_methods[] = {{"__reduce__", compress_reduce, kMethodInstance, "Return state information for pickling."}, {nullptr}};

// ------------------------------------------------------------------ count

struct Count : Object {
  std::atomic<uint64_t> current;  // Value bits of the next number
  Value step;
  bool unit_step;  // step is the int 1: the result is a plain int count
  bool int_mode;   // started from an int with step 1 (pickles as count(n))
};

bool is_number(Value v) {
  Type* t = type_of(v);
  return t->index || t->int_ || t->float_ || is_instance_of(v, &complex_type) || is_int(v) || is_float(v);
}

Value count_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"count", {"start", "step"}};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value start = a[0] ? a[0] : Value::from_small_int(0);
  Value step = a[1] ? a[1] : Value::from_small_int(1);
  if ((a[0] && !is_number(a[0])) || (a[1] && !is_number(a[1]))) return raise(&exc::TypeError, "a number is required");
  auto* c = alloc_instance<Count>(type);
  c->current.store(start.bits(), std::memory_order_relaxed);
  c->step = step;
  c->unit_step = is_int(step) && int_compare(step, Value::from_small_int(1)) == 0;
  int64_t ignored;
  c->int_mode = c->unit_step && is_int(start) && int_to_i64(start, &ignored);
  if (!c->int_mode) clear_error();
  return Value(c);
}

Value count_next(Value self) {
  auto* c = self.as<Count>();
  uint64_t bits = c->current.load(std::memory_order_acquire);
  for (;;) {
    Value cur = Value::from_bits(bits);
    Value next;
    if (c->unit_step && cur.is_small_int() && cur.as_small_int() < Value::kSmallIntMax) {
      next = Value::from_small_int(cur.as_small_int() + 1);
    } else {
      next = binary_op(cur, c->step, BinaryOp::Add);
      if (!next) return Value();
    }
    if (c->current.compare_exchange_weak(bits, next.bits(), std::memory_order_acq_rel, std::memory_order_acquire))
      return cur;
  }
}

Value count_repr(Value self) {
  auto* c = self.as<Count>();
  Value cur = Value::from_bits(c->current.load(std::memory_order_acquire));
  if (c->unit_step) return Value(format_message("%U(%R)", short_name(self), cur));
  return Value(format_message("%U(%R, %R)", short_name(self), cur, c->step));
}

Value count_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Count>();
  Value cur = Value::from_bits(c->current.load(std::memory_order_acquire));
  int64_t ignored;
  if (c->int_mode && int_to_i64(cur, &ignored)) return reduce_result(type_value(self), tuple_pack({cur}));
  clear_error();
  return reduce_result(type_value(self), tuple_pack({cur, c->step}));
}

const MethodDef count_methods[] = {{"__reduce__", count_reduce, kMethodInstance, "Return state information for pickling."}, {nullptr}};

// ------------------------------------------------------------------ cycle

struct Cycle : Object {
  Value it;       // null once exhausted
  List* saved;
  int64_t index;
  bool firstpass;
};

Value cycle_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &cycle_type, "cycle", kwnames) || !check_positional("cycle", nargs, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  auto* c = alloc_instance<Cycle>(type);
  c->it = it;
  c->saved = list_new();
  return Value(c);
}

Value cycle_next(Value self) {
  auto* c = self.as<Cycle>();
  if (Value it = c->it) {
    Value v = iter_next(it);
    if (v) {
      if (!c->firstpass) list_append(c->saved, v);
      return v;
    }
    if (error_occurred()) return Value();
    c->it = Value();
  }
  for (;;) {
    int64_t n = list_size(c->saved);
    if (n == 0) return Value();
    int64_t i = c->index;
    if (i >= n) i = 0;
    Value v = list_get(c->saved, i);
    c->index = i + 1 >= n ? 0 : i + 1;
    if (v) return v;
  }
}

Value cycle_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Cycle>();
  if (!c->it || c->index != 0) {
    // Replaying from the saved items: an iterator over them positioned at index.
    Value it = get_iter(Value(c->saved));
    if (!it) return Value();
    if (c->index != 0) {
      Value r = call_method1(it, names::__setstate__, I(c->index));
      if (!r) return Value();
    }
    return reduce_result(type_value(self), tuple_pack({it}), Value(tuple_pack({Value(c->saved), True()})));
  }
  return reduce_result(type_value(self), tuple_pack({c->it}), Value(tuple_pack({Value(c->saved), Bool(c->firstpass)})));
}

Value cycle_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  Tuple* st = state_tuple(args, nargs);
  if (!st) return Value();
  if (st->size != 2) return raise(&exc::TypeError, "function takes exactly 2 arguments (%lld given)", (long long)st->size);
  if (!is_list(st->items[0]))
    return raise(&exc::TypeError, "argument 1 must be list, not %s", type_name(st->items[0]));
  int64_t firstpass;
  if (!ssize_arg(st->items[1], &firstpass)) return Value();
  auto* c = self.as<Cycle>();
  c->saved = st->items[0].as<List>();
  c->firstpass = firstpass != 0;
  c->index = 0;
  return None();
}

const MethodDef cycle_methods[] = {{"__reduce__", cycle_reduce, kMethodInstance, "Return state information for pickling."},
                                   {"__setstate__", cycle_setstate, kMethodInstance, "Set state information for unpickling."},
                                   {nullptr}};

// ------------------------------------------------------------------ dropwhile / takewhile / filterfalse / starmap

struct PredicateIter : Object {
  Value func;
  Value it;
  bool flag;  // dropwhile: done dropping; takewhile: stopped
};

template <Type* T>
Value predicate_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = T->native_name + sizeof("itertools.") - 1;
  if (!check_no_kwargs_for_new(type, T, name, kwnames) || !check_positional(name, nargs, 2, 2)) return Value();
  Value it = get_iter(args[1]);
  if (!it) return Value();
  auto* p = alloc_instance<PredicateIter>(type);
  p->func = args[0];
  p->it = it;
  return Value(p);
}

// The predicate's verdict on v: -1 error, 0, 1.
int predicate_true(Value func, Value v) {
  Value r = call1(func, v);
  if (!r) return -1;
  return truthy(r);
}

Value dropwhile_next(Value self) {
  auto* p = self.as<PredicateIter>();
  for (;;) {
    Value v = iter_next(p->it);
    if (!v) return Value();
    if (p->flag) return v;
    int t = predicate_true(p->func, v);
    if (t < 0) return Value();
    if (!t) {
      p->flag = true;
      return v;
    }
  }
}

Value takewhile_next(Value self) {
  auto* p = self.as<PredicateIter>();
  if (p->flag) return Value();
  Value v = iter_next(p->it);
  if (!v) return Value();
  int t = predicate_true(p->func, v);
  if (t < 0) return Value();
  if (t) return v;
  p->flag = true;
  return Value();
}

Value filterfalse_next(Value self) {
  auto* p = self.as<PredicateIter>();
  bool plain_truth = is_none(p->func) || p->func == Value(&bool_type);
  for (;;) {
    Value v = iter_next(p->it);
    if (!v) return Value();
    int t = plain_truth ? truthy(v) : predicate_true(p->func, v);
    if (t < 0) return Value();
    if (!t) return v;
  }
}

Value starmap_next(Value self) {
  auto* p = self.as<PredicateIter>();
  Value args = iter_next(p->it);
  if (!args) return Value();
  if (!is_tuple_exact(args)) {
    args = tuple_from_iterable(args);
    if (!args) return Value();
  }
  Tuple* t = args.as<Tuple>();
  return call(p->func, t->items, size_t(t->size));
}

Value predicate_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* p = self.as<PredicateIter>();
  return reduce_result(type_value(self), tuple_pack({p->func, p->it}), Bool(p->flag));
}

Value predicate_reduce_stateless(Value self, const Value*, size_t, Tuple*) {
  auto* p = self.as<PredicateIter>();
  return reduce_result(type_value(self), tuple_pack({p->func, p->it}));
}

Value predicate_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int t = truthy(args[0]);
  if (t < 0) return Value();
  self.as<PredicateIter>()->flag = t;
  return None();
}

const MethodDef while_methods[] = {{"__reduce__", predicate_reduce, kMethodInstance, "Return state information for pickling."},
                                   {"__setstate__", predicate_setstate, kMethodInstance, "Set state information for unpickling."},
                                   {nullptr}};
const MethodDef stateless_methods[] = {{"__reduce__", predicate_reduce_stateless, kMethodInstance, "Return state information for pickling."},
                                       {nullptr}};

// ------------------------------------------------------------------ groupby

struct GroupBy : Object {
  Value it;
  Value keyfunc;  // None: identity
  Value tgtkey, currkey, currvalue;
  Value currgrouper;  // the grouper of the current group (identity only)
};

struct Grouper : Object {
  Value parent;  // the groupby
  Value tgtkey;
};

Value groupby_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"groupby", {"iterable", "key"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value it = get_iter(a[0]);
  if (!it) return Value();
  auto* g = alloc_instance<GroupBy>(type);
  g->it = it;
  g->keyfunc = a[1] ? a[1] : None();
  return Value(g);
}

// Advances to the next item and its key; false at the end or on error.
bool groupby_step(GroupBy* g) {
  Value v = iter_next(g->it);
  if (!v) return false;
  Value key = v;
  if (!is_none(g->keyfunc)) {
    key = call1(g->keyfunc, v);
    if (!key) return false;
  }
  g->currvalue = v;
  g->currkey = key;
  return true;
}

Value grouper_make(Value parent, Value tgtkey) {
  auto* gr = alloc_instance<Grouper>(&grouper_type);
  gr->parent = parent;
  gr->tgtkey = tgtkey;
  parent.as<GroupBy>()->currgrouper = Value(gr);
  return Value(gr);
}

Value groupby_next(Value self) {
  auto* g = self.as<GroupBy>();
  g->currgrouper = Value();
  // Skip the rest of the current group.
  for (;;) {
    if (g->currkey) {
      if (!g->tgtkey) break;
      int eq = rich_compare_bool(g->tgtkey, g->currkey, CompareOp::EQ);
      if (eq < 0) return Value();
      if (!eq) break;
    }
    if (!groupby_step(g)) return Value();
  }
  g->tgtkey = g->currkey;
  Value grouper = grouper_make(self, g->tgtkey);
  return Value(tuple_pack({g->currkey, grouper}));
}

Value groupby_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<GroupBy>();
  if (g->tgtkey && g->currkey && g->currvalue)
    return reduce_result(type_value(self), tuple_pack({g->it, g->keyfunc}),
                         Value(tuple_pack({g->currkey, g->currvalue, g->tgtkey})));
  return reduce_result(type_value(self), tuple_pack({g->it, g->keyfunc}));
}

Value groupby_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  Tuple* st = state_tuple(args, nargs);
  if (!st) return Value();
  if (st->size != 3) return raise(&exc::TypeError, "function takes exactly 3 arguments (%lld given)", (long long)st->size);
  auto* g = self.as<GroupBy>();
  g->currkey = st->items[0];
  g->currvalue = st->items[1];
  g->tgtkey = st->items[2];
  return None();
}

const MethodDef groupby_methods[] = {{"__reduce__", groupby_reduce, kMethodInstance, "Return state information for pickling."},
                                     {"__setstate__", groupby_setstate, kMethodInstance, "Set state information for unpickling."},
                                     {nullptr}};

Value grouper_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_grouper", kwnames) || !check_positional("_grouper", nargs, 2, 2)) return Value();
  if (!is_instance_of(args[0], &groupby_type))
    return raise(&exc::TypeError, "_grouper() argument 1 must be itertools.groupby, not %s", type_name(args[0]));
  return grouper_make(args[0], args[1]);
}

Value grouper_next(Value self) {
  auto* gr = self.as<Grouper>();
  auto* g = gr->parent.as<GroupBy>();
  if (g->currgrouper != self) return Value();
  if (!g->currvalue && !groupby_step(g)) return Value();
  int eq = rich_compare_bool(gr->tgtkey, g->currkey, CompareOp::EQ);
  if (eq <= 0) return Value();
  Value v = g->currvalue;
  g->currvalue = Value();
  return v;
}

Value grouper_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* gr = self.as<Grouper>();
  if (gr->parent.as<GroupBy>()->currgrouper != self) {
    Value iter_fn = import_builtin("iter");
    return reduce_result(iter_fn, tuple_pack({Value(tuple_empty())}));
  }
  return reduce_result(type_value(self), tuple_pack({gr->parent, gr->tgtkey}));
}

const MethodDef grouper_methods[] = {{"__reduce__", grouper_reduce, kMethodInstance, "Return state information for pickling."}, {nullptr}};

// ------------------------------------------------------------------ islice

struct ISlice : Object {
  Value it;  // null once exhausted
  int64_t next, stop, step, cnt;  // stop -1: none
};

const char kStopMessage[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

// An islice index: -1 (after clearing any error) when it is not a usable integer.
int64_t islice_index(Value v) {
  int64_t i;
  if (!index_as_i64(v, &i, &exc::OverflowError)) {
    clear_error();
    return -1;
  }
  return i;
}

Value islice_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &islice_type, "islice", kwnames) || !check_positional("islice", nargs, 2, 4)) return Value();
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!is_none(args[1])) {
      stop = islice_index(args[1]);
      if (stop < 0) return raise(&exc::ValueError, kStopMessage);
    }
  } else {
    if (!is_none(args[1])) start = islice_index(args[1]);
    if (!is_none(args[2])) {
      stop = islice_index(args[2]);
      if (stop < 0) return raise(&exc::ValueError, kStopMessage);
    }
  }
  if (start < 0 || stop < -1)
    return raise(&exc::ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4 && !is_none(args[3])) step = islice_index(args[3]);
  if (step < 1) return raise(&exc::ValueError, "Step for islice() must be a positive integer or None.");
  Value it = get_iter(args[0]);
  if (!it) return Value();
  auto* s = alloc_instance<ISlice>(type);
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}

Value islice_next(Value self) {
  auto* s = self.as<ISlice>();
  Value it = s->it;
  if (!it) return Value();
  Value v;
  while (s->cnt < s->next) {
    if (!iter_next(it)) goto empty;
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) goto empty;
  v = iter_next(it);
  if (!v) goto empty;
  s->cnt++;
  {
    int64_t old = s->next;
    if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old || (s->stop != -1 && s->next > s->stop))
      s->next = s->stop;
  }
  return v;
empty:
  s->it = Value();
  return Value();
}

Value islice_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* s = self.as<ISlice>();
  if (!s->it) {
    Value empty_it = get_iter(Value(list_new()));
    if (!empty_it) return Value();
    return reduce_result(type_value(self), tuple_pack({empty_it, I(0)}), I(0));
  }
  Value stop = s->stop == -1 ? None() : I(s->stop);
  return reduce_result(type_value(self), tuple_pack({s->it, I(s->next), stop, I(s->step)}), I(s->cnt));
}

Value islice_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int64_t cnt;
  if (!is_int(args[0])) return raise(&exc::TypeError, "an integer is required");
  if (!int_to_i64(args[0], &cnt)) return Value();
  self.as<ISlice>()->cnt = cnt;
  return None();
}

const MethodDef islice_methods[] = {{"__reduce__", islice_reduce, kMethodInstance, "Return state information for pickling."},
                                    {"__setstate__", islice_setstate, kMethodInstance, "Set state information for unpickling."},
                                    {nullptr}};

// ------------------------------------------------------------------ pairwise

struct Pairwise : Object {
  Value it;   // null once exhausted
  Value old;  // the previous item, null before the first
};

Value pairwise_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &pairwise_type, "pairwise", kwnames) || !check_positional("pairwise", nargs, 1, 1))
    return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  auto* p = alloc_instance<Pairwise>(type);
  p->it = it;
  return Value(p);
}

Value pairwise_next(Value self) {
  auto* p = self.as<Pairwise>();
  Value it = p->it;
  if (!it) return Value();
  Value old = p->old;
  if (!old) {
    old = iter_next(it);
    if (!old) {
      p->it = Value();
      return Value();
    }
    p->old = old;
  }
  Value v = iter_next(it);
  if (!v) {
    p->it = Value();
    p->old = Value();
    return Value();
  }
  p->old = v;
  return Value(tuple_pack({old, v}));
}

// ------------------------------------------------------------------ repeat

struct Repeat : Object {
  Value element;
  std::atomic<int64_t> remaining;  // -1: forever
};

Value repeat_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"repeat", {"object", "times"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t times = -1;
  if (a[1]) {
    if (!ssize_arg(a[1], &times)) return Value();
    // A given count is clamped at zero (times=-1 passed by name included, as in CPython).
    if (nargs + kwcount(kwnames) == 2 && times < 0) times = 0;
  }
  auto* r = alloc_instance<Repeat>(type);
  r->element = a[0];
  r->remaining.store(times, std::memory_order_relaxed);
  return Value(r);
}

Value repeat_next(Value self) {
  auto* r = self.as<Repeat>();
  int64_t n = r->remaining.load(std::memory_order_relaxed);
  for (;;) {
    if (n == 0) return Value();
    if (n < 0) return r->element;
    if (r->remaining.compare_exchange_weak(n, n - 1, std::memory_order_relaxed)) return r->element;
  }
}

Value repeat_repr(Value self) {
  auto* r = self.as<Repeat>();
  int64_t n = r->remaining.load(std::memory_order_relaxed);
  if (n == -1) return Value(format_message("%U(%R)", short_name(self), r->element));
  return Value(format_message("%U(%R, %lld)", short_name(self), r->element, (long long)n));
}

Value repeat_length_hint(Value self, const Value*, size_t, Tuple*) {
  int64_t n = self.as<Repeat>()->remaining.load(std::memory_order_relaxed);
  if (n == -1) return raise(&exc::TypeError, "len() of unsized object");
  return I(n);
}

Value repeat_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Repeat>();
  int64_t n = r->remaining.load(std::memory_order_relaxed);
  if (n >= 0) return reduce_result(type_value(self), tuple_pack({r->element, I(n)}));
  return reduce_result(type_value(self), tuple_pack({r->element}));
}

const MethodDef repeat_methods[] = {{"__length_hint__", repeat_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
                                    {"__reduce__", repeat_reduce, kMethodInstance, "Return state information for pickling."},
                                    {nullptr}};

// ------------------------------------------------------------------ tee
// Tee iterators share a chain of fixed-size blocks of the items read from
// the underlying iterator; each tee keeps its block and its index in it.

constexpr int64_t kTeeBlock = 57;

struct TeeData : Object {
  Mutex lock;
  Value it;
  std::atomic<int64_t> numread;
  std::atomic<bool> running;
  Value next_block;  // TeeData, null until needed
  Value values[kTeeBlock];
};

struct Tee : Object {
  Value data;  // TeeData
  int64_t index;
};

TeeData* teedata_make(Value it) {
  auto* d = alloc_instance<TeeData>(&teedata_type);
  d->it = it;
  return d;
}

// The next block of d, created on first use (shared by all tees).
TeeData* teedata_next_block(TeeData* d) {
  LockGuard guard(d->lock);
  if (!d->next_block) d->next_block = Value(teedata_make(d->it));
  return d->next_block.as<TeeData>();
}

// The item at index i of block d, reading from the iterator when i is the next unread one.
Value teedata_get(TeeData* d, int64_t i) {
  {
    LockGuard guard(d->lock);
    if (i < d->numread.load(std::memory_order_relaxed)) return d->values[i];
    if (d->running.load(std::memory_order_relaxed)) return raise(&exc::RuntimeError, "cannot re-enter the tee iterator");
    d->running.store(true, std::memory_order_relaxed);
  }
  Value v = iter_next(d->it);
  LockGuard guard(d->lock);
  d->running.store(false, std::memory_order_relaxed);
  if (!v) return Value();
  int64_t n = d->numread.load(std::memory_order_relaxed);
  d->values[n] = v;
  d->numread.store(n + 1, std::memory_order_release);
  return v;
}

Value tee_make(Type* type, Value data, int64_t index) {
  auto* t = alloc_instance<Tee>(type);
  t->data = data;
  t->index = index;
  return Value(t);
}

Value tee_from_iterable(Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return Value();
  if (is_type(it, &tee_type)) return tee_make(&tee_type, it.as<Tee>()->data, it.as<Tee>()->index);
  return tee_make(&tee_type, Value(teedata_make(it)), 0);
}

Value tee_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_positional("_tee", nargs, 1, 1)) return Value();
  return tee_from_iterable(args[0]);
}

Value tee_next(Value self) {
  auto* t = self.as<Tee>();
  auto* d = t->data.as<TeeData>();
  if (t->index >= kTeeBlock) {
    d = teedata_next_block(d);
    t->data = Value(d);
    t->index = 0;
  }
  Value v = teedata_get(d, t->index);
  if (v) t->index++;
  return v;
}

Value tee_copy(Value self, const Value*, size_t, Tuple*) {
  auto* t = self.as<Tee>();
  return tee_make(type_of(self), t->data, t->index);
}

Value tee_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* t = self.as<Tee>();
  return reduce_result(type_value(self), tuple_pack({Value(tuple_pack({Value(tuple_empty())}))}),
                       Value(tuple_pack({t->data, I(t->index)})));
}

Value tee_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  Tuple* st = state_tuple(args, nargs);
  if (!st) return Value();
  if (st->size != 2) return raise(&exc::TypeError, "function takes exactly 2 arguments (%lld given)", (long long)st->size);
  if (!is_type(st->items[0], &teedata_type))
    return raise(&exc::TypeError, "argument 1 must be itertools._tee_dataobject, not %s", type_name(st->items[0]));
  int64_t index;
  if (!ssize_arg(st->items[1], &index)) return Value();
  if (index < 0 || index > kTeeBlock) return raise(&exc::ValueError, "Index out of range");
  auto* t = self.as<Tee>();
  t->data = st->items[0];
  t->index = index;
  return None();
}

const MethodDef tee_methods[] = {{"__copy__", tee_copy, kMethodInstance, "Returns an independent iterator."},
                                 {"__reduce__", tee_reduce, kMethodInstance, "Return state information for pickling."},
                                 {"__setstate__", tee_setstate, kMethodInstance, "Set state information for unpickling."},
                                 {nullptr}};

Value teedata_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("teedataobject", kwnames) || !check_positional("teedataobject", nargs, 3, 3)) return Value();
  if (!is_list(args[1]))
    return raise(&exc::TypeError, "teedataobject() argument 2 must be list, not %s", type_name(args[1]));
  Value it = get_iter(args[0]);
  if (!it) return Value();
  TeeData* d = teedata_make(it);
  List* values = args[1].as<List>();
  int64_t n = list_size(values);
  if (n > kTeeBlock) return raise(&exc::ValueError, "too many values");
  for (int64_t i = 0; i < n; i++) d->values[i] = list_get(values, i);
  d->numread.store(n, std::memory_order_relaxed);
  Value next = args[2];
  if (!is_none(next)) {
    if (n != kTeeBlock) return raise(&exc::ValueError, "_tee_dataobject should not have a next link");
    if (!is_type(next, &teedata_type)) return raise(&exc::ValueError, "_tee_dataobject next_link is not a _tee_dataobject");
    d->next_block = next;
  }
  return Value(d);
}

Value teedata_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* d = self.as<TeeData>();
  LockGuard guard(d->lock);
  int64_t n = d->numread.load(std::memory_order_relaxed);
  List* values = list_from_array(d->values, n);
  return reduce_result(type_value(self), tuple_pack({d->it, Value(values), d->next_block ? d->next_block : None()}));
}

const MethodDef teedata_methods[] = {{"__reduce__", teedata_reduce, kMethodInstance, "Return state information for pickling."}, {nullptr}};

Value tee_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("itertools.tee", kwnames) || !check_positional("tee", nargs, 1, 2)) return Value();
  int64_t n = 2;
  if (nargs == 2 && !ssize_arg(args[1], &n)) return Value();
  if (n < 0) return raise(&exc::ValueError, "n must be >= 0");
  Tuple* result = tuple_new(n);
  if (n == 0) return Value(result);
  Value it = get_iter(args[0]);
  if (!it) return Value();
  Value copyfunc = lookup_attr(it, names::__copy__);
  if (!copyfunc && error_occurred()) return Value();
  Value copyable = it;
  if (!copyfunc) {
    copyable = tee_from_iterable(it);
    if (!copyable) return Value();
    copyfunc = get_attr(copyable, names::__copy__);
    if (!copyfunc) return Value();
  }
  result->items[0] = copyable;
  for (int64_t i = 1; i < n; i++) {
    copyable = call0(copyfunc);
    if (!copyable) return Value();
    result->items[i] = copyable;
  }
  return Value(result);
}

// ------------------------------------------------------------------ zip_longest

struct ZipLongest : Object {
  Tuple* iters;  // items become null as iterators are exhausted
  int64_t numactive;
  Value fillvalue;
};

Value zip_longest_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value fillvalue = None();
  if (size_t nkw = kwcount(kwnames)) {
    if (nkw != 1 || !str_equals_ascii(kwnames->items[0].as<Str>(), "fillvalue"))
      return raise(&exc::TypeError, "zip_longest() got an unexpected keyword argument");
    fillvalue = args[nargs];
  }
  Tuple* iters = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) return Value();
    iters->items[i] = it;
  }
  auto* z = alloc_instance<ZipLongest>(type);
  z->iters = iters;
  z->numactive = int64_t(nargs);
  z->fillvalue = fillvalue;
  return Value(z);
}

Value zip_longest_next(Value self) {
  auto* z = self.as<ZipLongest>();
  int64_t n = z->iters->size;
  if (n == 0 || z->numactive == 0) return Value();
  Tuple* result = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value it = z->iters->items[i];
    Value v;
    if (!it) {
      v = z->fillvalue;
    } else {
      v = iter_next(it);
      if (!v) {
        if (--z->numactive == 0 || error_occurred()) {
          z->numactive = 0;
          return Value();
        }
        v = z->fillvalue;
        z->iters->items[i] = Value();
      }
    }
    result->items[i] = v;
  }
  return Value(result);
}

Value zip_longest_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* z = self.as<ZipLongest>();
  int64_t n = z->iters->size;
  Tuple* args = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value it = z->iters->items[i];
    args->items[i] = it ? it : Value(tuple_empty());
  }
  return reduce_result(type_value(self), args, z->fillvalue);
}

Value zip_longest_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  self.as<ZipLongest>()->fillvalue = args[0];
  return None();
}

const MethodDef zip_longest_methods[] = {{"__reduce__", zip_longest_reduce, kMethodInstance, "Return state information for pickling."},
                                         {"__setstate__", zip_longest_setstate, kMethodInstance, "Set state information for unpickling."},
                                         {nullptr}};

// ------------------------------------------------------------------ module

struct TypeSpec {
  Type* type;
  const char* name;
  size_t size;
  NewFn new_fn;
  UnaryFn next;
  const MethodDef* methods;
  bool subclassable;
  const char* doc;
};

const TypeSpec kTypes[] = {
    {&accumulate_type, "itertools.accumulate", sizeof(Accumulate), accumulate_new, accumulate_next, accumulate_methods, true,
     "Return series of accumulated sums (or other binary function results)."},
    {&chain_type, "itertools.chain", sizeof(Chain), chain_new, chain_next, chain_methods, true,
     "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\n"
     "first iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted."},
    {&combinations_type, "itertools.combinations", sizeof(Combinatoric), combinations_new, combinations_next,
     combinations_methods, true, "Return successive r-length combinations of elements in the iterable."},
    {&cwr_type, "itertools.combinations_with_replacement", sizeof(Combinatoric), cwr_new, cwr_next, cwr_methods, true,
     "Return successive r-length combinations of elements in the iterable allowing individual elements to have "
     "successive repeats."},
    {&compress_type, "itertools.compress", sizeof(Compress), compress_new, compress_next, compress_methods, true,
     "Return data elements corresponding to true selector elements."},
    {&count_type, "itertools.count", sizeof(Count), count_new, count_next, count_methods, true,
     "Return a count object whose .__next__() method returns consecutive values."},
    {&cycle_type, "itertools.cycle", sizeof(Cycle), cycle_new, cycle_next, cycle_methods, true,
     "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."},
    {&dropwhile_type, "itertools.dropwhile", sizeof(PredicateIter), predicate_new<&dropwhile_type>, dropwhile_next,
     while_methods, true, "Drop items from the iterable while predicate(item) is true."},
    {&filterfalse_type, "itertools.filterfalse", sizeof(PredicateIter), predicate_new<&filterfalse_type>,
     filterfalse_next, stateless_methods, true, "Return those items of iterable for which function(item) is false."},
    {&groupby_type, "itertools.groupby", sizeof(GroupBy), groupby_new, groupby_next, groupby_methods, true,
     "make an iterator that returns consecutive keys and groups from the iterable"},
    {&grouper_type, "itertools._grouper", sizeof(Grouper), grouper_new, grouper_next, grouper_methods, false, nullptr},
    {&islice_type, "itertools.islice", sizeof(ISlice), islice_new, islice_next, islice_methods, true,
     "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\n"
     "Return an iterator whose next() method returns selected values from an\niterable."},
    {&pairwise_type, "itertools.pairwise", sizeof(Pairwise), pairwise_new, pairwise_next, nullptr, true,
     "Return an iterator of overlapping pairs taken from the input iterator."},
    {&permutations_type, "itertools.permutations", sizeof(Combinatoric), permutations_new, permutations_next,
     permutations_methods, true, "Return successive r-length permutations of elements in the iterable."},
    {&product_type, "itertools.product", sizeof(Combinatoric), product_new, product_next, product_methods, true,
     "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables."},
    {&repeat_type, "itertools.repeat", sizeof(Repeat), repeat_new, repeat_next, repeat_methods, true,
     "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  "
     "If not specified, returns the object\nendlessly."},
    {&starmap_type, "itertools.starmap", sizeof(PredicateIter), predicate_new<&starmap_type>, starmap_next,
     stateless_methods, true, "Return an iterator whose values are returned from the function evaluated with an "
     "argument tuple taken from the given sequence."},
    {&takewhile_type, "itertools.takewhile", sizeof(PredicateIter), predicate_new<&takewhile_type>, takewhile_next,
     while_methods, true, "Return successive entries from an iterable as long as the predicate evaluates to true for "
     "each entry."},
    {&tee_type, "itertools._tee", sizeof(Tee), tee_new, tee_next, tee_methods, false,
     "Iterator wrapped to make it copyable."},
    {&teedata_type, "itertools._tee_dataobject", sizeof(TeeData), teedata_new, nullptr, teedata_methods, false,
     "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."},
    {&zip_longest_type, "itertools.zip_longest", sizeof(ZipLongest), zip_longest_new, zip_longest_next,
     zip_longest_methods, true, "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object"},
};

const MethodDef itertools_functions[] = {
    {"tee", tee_fn, kMethodStatic, "Returns a tuple of n independent iterators."},
    {nullptr}};

bool itertools_init(Module* m) {
  for (const TypeSpec& s : kTypes) {
    Type* t = s.type;
    t->native_name = s.name;
    t->instance_size = uint32_t(s.size);
    t->flags |= (s.subclassable ? kTypeBaseType : 0u);
    t->new_ = s.new_fn;
    if (s.next) {
      t->iter = iter_self;
      t->next = s.next;
    }
    t->methods = s.methods;
    t->doc = s.doc;
    if (t == &count_type) t->repr = count_repr;
    if (t == &repeat_type) t->repr = repeat_repr;
    if (t == &tee_type) t->flags |= kTypeWeakrefable;
    type_ready(t);
    const char* short_name = s.name + sizeof("itertools.") - 1;
    if (t != &teedata_type && module_add(m, short_name, Value(t)) < 0) return false;
  }
  return module_add(m, "_tee_dataobject", Value(&teedata_type)) >= 0;
}

}  // namespace

extern const ModuleDef itertools_module;
const ModuleDef itertools_module = {
    "itertools",
    "Functional tools for creating and using iterators.",
    itertools_functions, itertools_init};

}  // namespace spindle
