// tuple
#include "objects/tuple.h"

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/generic_alias.h"
#include "vm/interp.h"

namespace spindle {

Type tuple_type, tuple_iterator_type;

namespace {
Tuple* empty_tuple;

struct TupleIterator : Object {
  Tuple* tuple;
  std::atomic<int64_t> index;
};
}  // namespace

Tuple* tuple_new(int64_t size) {
  if (size == 0 && empty_tuple) return empty_tuple;
  auto* t = static_cast<Tuple*>(alloc_object(&tuple_type, sizeof(Tuple) + sizeof(Value) * size_t(size)));
  t->size = size;
  return t;
}

Tuple* tuple_empty() {
  if (!empty_tuple) {
    empty_tuple = static_cast<Tuple*>(alloc_object(&tuple_type, sizeof(Tuple)));
    empty_tuple->size = 0;
  }
  return empty_tuple;
}

Tuple* tuple_pack(std::initializer_list<Value> items) {
  Tuple* t = tuple_new(int64_t(items.size()));
  int64_t i = 0;
  for (Value v : items) t->items[i++] = v;
  return t;
}

Tuple* tuple_from_array(const Value* items, int64_t n) {
  Tuple* t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) t->items[i] = items[i];
  return t;
}

Value tuple_from_iterable(Value iterable) {
  if (is_tuple_exact(iterable)) return iterable;
  if (is_list(iterable) && type_of(iterable)->iter == list_type.iter) return Value(list_snapshot(iterable.as<List>()));
  Value l = list_from_iterable(iterable);
  if (!l) return Value();
  return Value(list_snapshot(l.as<List>()));
}

Value tuple_subclass_new(Type* type, Tuple* items) {
  size_t extra = type->instance_size - sizeof(Tuple);
  auto* t = static_cast<Tuple*>(alloc_object(type, sizeof(Tuple) + sizeof(Value) * size_t(items->size) + extra));
  t->size = items->size;
  for (int64_t i = 0; i < items->size; i++) t->items[i] = items->items[i];
  return Value(t);
}

namespace {

Value tuple_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // Subclasses that keep tuple's __init__ reject keywords too, as in CPython.
  if (kwnames && kwnames->size && (type == &tuple_type || type->init == tuple_type.init))
    return raise(&exc::TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1) return raise(&exc::TypeError, "tuple expected at most 1 argument, got %zd", ssize_t(nargs));
  Value items = nargs ? tuple_from_iterable(args[0]) : Value(tuple_empty());
  if (!items) return Value();
  if (type == &tuple_type) return items;
  return tuple_subclass_new(type, items.as<Tuple>());
}

Value tuple_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  if (t->size == 0) return Value(intern_cstr("()"));
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("(...)"));
  StrBuilder b;
  b.append('(');
  for (int64_t i = 0; i < t->size; i++) {
    if (i) b.append_ascii(", ");
    Value r = repr(t->items[i]);
    if (!r) return Value();
    b.append(r.as<Str>());
  }
  if (t->size == 1) b.append(',');
  b.append(')');
  return Value(b.finish());
}

// CPython's tuple hash (xxHash-derived), so sets of tuples iterate alike.
int64_t tuple_hash(Value self) {
  Tuple* t = self.as<Tuple>();
  constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                     kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t h = hash(t->items[i]);
    if (h == -1) return -1;
    acc += uint64_t(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(t->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == uint64_t(-1)) return 1546275796;
  return int64_t(acc);
}

}  // namespace

namespace {

Value tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(b)) return NotImplemented();
  Tuple* x = a.as<Tuple>();
  Tuple* y = b.as<Tuple>();
  return sequence_richcompare(x->items, x->size, y->items, y->size, op);
}

int64_t tuple_len(Value self) { return self.as<Tuple>()->size; }

Value tuple_getitem(Value self, Value key) {
  Tuple* t = self.as<Tuple>();
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), t->size, &start, &stop, &step, &count)) return Value();
    if (step == 1 && start == 0 && count == t->size && is_tuple_exact(self)) return self;
    Tuple* r = tuple_new(count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) r->items[i] = t->items[j];
    return Value(r);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "tuple indices must be integers or slices, not %s", type_name(key));
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return Value();
  if (i < 0) i += t->size;
  if (i < 0 || i >= t->size) return raise(&exc::IndexError, "tuple index out of range");
  return t->items[i];
}

int tuple_contains(Value self, Value item) {
  Tuple* t = self.as<Tuple>();
  for (int64_t i = 0; i < t->size; i++) {
    int r = equals(t->items[i], item);
    if (r != 0) return r;
  }
  return 0;
}

Value tuple_iter(Value self) {
  auto* it = alloc_instance<TupleIterator>(&tuple_iterator_type);
  it->tuple = self.as<Tuple>();
  it->index.store(0, std::memory_order_relaxed);
  return Value(it);
}

Value tuple_concat(Value a, Value b) {
  if (!is_tuple(a) || !is_tuple(b)) {
    // The right operand's __radd__ gets its turn; binary_op reports the error.
    return NotImplemented();
  }
  Tuple* x = a.as<Tuple>();
  Tuple* y = b.as<Tuple>();
  if (y->size == 0 && is_tuple_exact(a)) return a;
  if (x->size == 0 && is_tuple_exact(b)) return b;
  Tuple* r = tuple_new(x->size + y->size);
  for (int64_t i = 0; i < x->size; i++) r->items[i] = x->items[i];
  for (int64_t i = 0; i < y->size; i++) r->items[x->size + i] = y->items[i];
  return Value(r);
}

Value tuple_repeat(Value a, Value b) {
  Value seq = is_tuple(a) ? a : b;
  Value count = is_tuple(a) ? b : a;
  if (!is_tuple(seq)) return NotImplemented();
  int64_t n;
  bool not_implemented;
  if (!repeat_count(count, &n, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  Tuple* t = seq.as<Tuple>();
  if (n <= 0 || t->size == 0) return Value(tuple_empty());
  if (n == 1 && is_tuple_exact(seq)) return seq;
  if (t->size > (int64_t(1) << 40) / n) return raise_no_memory();
  Tuple* r = tuple_new(t->size * n);
  for (int64_t k = 0; k < n; k++)
    for (int64_t i = 0; i < t->size; i++) r->items[k * t->size + i] = t->items[i];
  return Value(r);
}

Value tuple_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tuple.count", kwnames) || !check_nargs("tuple.count", nargs, 1, 1)) return Value();
  Tuple* t = self.as<Tuple>();
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; i++) {
    int r = equals(t->items[i], args[0]);
    if (r < 0) return Value();
    n += r;
  }
  return int_from_i64(n);
}

Value tuple_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tuple.index", kwnames) || !check_nargs("index", nargs, 1, 3)) return Value();
  Tuple* t = self.as<Tuple>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start, false)) return Value();
  if (nargs > 2 && !slice_index_arg(args[2], &stop, false)) return Value();
  clip_range(t->size, &start, &stop);
  for (int64_t i = start; i < stop; i++) {
    int r = equals(t->items[i], args[0]);
    if (r < 0) return Value();
    if (r) return int_from_i64(i);
  }
  return raise(&exc::ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Tuple* t = self.as<Tuple>();
  return Value(tuple_pack({Value(tuple_from_array(t->items, t->size))}));
}

Value tuple_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

// As CPython reports it: the header plus one pointer per item.
Value tuple_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tuple.__sizeof__", kwnames) || !check_nargs("tuple.__sizeof__", nargs, 0, 0)) return Value();
  return int_from_i64(24 + 8 * self.as<Tuple>()->size);
}

const MethodDef tuple_methods[] = {
    {"count", tuple_count, kMethodInstance, "Return number of occurrences of value."},
    {"index", tuple_index, kMethodInstance,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"__getnewargs__", tuple_getnewargs, kMethodInstance, nullptr},
    {"__sizeof__", tuple_sizeof, kMethodInstance, "Size of object in memory, in bytes."},
    {"__class_getitem__", tuple_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

Value tuple_iter_next(Value self) {
  auto* it = self.as<TupleIterator>();
  // Read once, atomically: another thread sharing the iterator may clear it.
  Tuple* t = __atomic_load_n(&it->tuple, __ATOMIC_RELAXED);
  if (!t) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  if (i < t->size) return t->items[i];
  __atomic_store_n(&it->tuple, nullptr, __ATOMIC_RELAXED);
  return Value();
}

Value iter_self(Value self) { return self; }

Value tuple_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<TupleIterator>();
  if (!it->tuple) return Value::from_small_int(0);
  int64_t n = it->tuple->size - it->index.load(std::memory_order_relaxed);
  return Value::from_small_int(n > 0 ? n : 0);
}

Value tuple_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<TupleIterator>();
  Value iter_fn = import_builtin("iter");
  if (!it->tuple) return Value(tuple_pack({iter_fn, Value(tuple_pack({Value(tuple_empty())}))}));
  return Value(tuple_pack({iter_fn, Value(tuple_pack({Value(it->tuple)})),
                           int_from_i64(it->index.load(std::memory_order_relaxed))}));
}

Value tuple_iter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* it = self.as<TupleIterator>();
  int64_t i;
  if (!index_as_i64(args[0], &i, &exc::OverflowError)) return Value();
  if (it->tuple) {
    if (i < 0) i = 0;
    if (i > it->tuple->size) i = it->tuple->size;
    it->index.store(i, std::memory_order_relaxed);
  }
  return None();
}

const MethodDef tuple_iter_methods[] = {{"__length_hint__", tuple_iter_length_hint, kMethodInstance, nullptr},
                                        {"__reduce__", tuple_iter_reduce, kMethodInstance, nullptr},
                                        {"__setstate__", tuple_iter_setstate, kMethodInstance, nullptr},
                                        {nullptr}};

}  // namespace

Value tuple_iterator_next_fast(Value it) { return tuple_iter_next(it); }

void init_tuple_type() {
  tuple_type.native_name = "tuple";
  tuple_type.instance_size = sizeof(Tuple);
  tuple_type.itemsize = sizeof(Value);
  tuple_type.flags = kTypeBaseType | kTypeTupleSubclass | kTypeSequence;
  tuple_type.new_ = tuple_new_py;
  tuple_type.repr = tuple_repr;
  tuple_type.hash = tuple_hash;
  tuple_type.richcompare = tuple_richcompare;
  tuple_type.len = tuple_len;
  tuple_type.getitem = tuple_getitem;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = tuple_iter;
  tuple_type.nb[int(BinaryOp::Add)] = tuple_concat;
  tuple_type.nb[int(BinaryOp::Mul)] = tuple_repeat;
  tuple_type.methods = tuple_methods;
  tuple_type.doc =
      "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\n"
      "If iterable is specified the tuple is initialized from iterable's items.\n\n"
      "If the argument is a tuple, the return value is the same object.";

  tuple_iterator_type.native_name = "tuple_iterator";
  tuple_iterator_type.instance_size = sizeof(TupleIterator);
  tuple_iterator_type.iter = iter_self;
  tuple_iterator_type.next = tuple_iter_next;
  tuple_iterator_type.methods = tuple_iter_methods;
}

}  // namespace spindle
