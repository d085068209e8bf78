// list: the Python type over list_core's thread-safe array.
#include <algorithm>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

Type list_type, list_iterator_type, list_reverseiterator_type;

void list_init_storage(List* l, int64_t capacity);
ListItems* list_reserve_locked(List* l, int64_t needed);
Value sequence_richcompare(const Value* a, int64_t na, const Value* b, int64_t nb, CompareOp op);

namespace {

struct ListIterator : Object {
  List* list;  // null when exhausted
  std::atomic<int64_t> index;
};

inline Value slot_value(ListItems* it, int64_t i) {
  return Value::from_bits(it->slots[i].load(std::memory_order_relaxed));
}

// A consistent copy of the items, as a GC-allocated array (for operations
// that call Python code per item and must not hold the lock).
Tuple* snapshot(Value self) { return list_snapshot(self.as<List>()); }

bool normalize_index(List* l, Value key, int64_t* out) {
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return false;
  if (i < 0) i += list_size(l);
  *out = i;
  return true;
}

// ------------------------------------------------------------------ construction

Value list_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  List* l = alloc_instance<List>(type);
  list_init_storage(l, 0);
  return Value(l);
}

int list_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  // Keywords are rejected unless a subclass's own __new__ may have used them.
  if (kwnames && kwnames->size && type_of(self)->new_ == list_type.new_) {
    raise(&exc::TypeError, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise(&exc::TypeError, "list expected at most 1 argument, got %zd", ssize_t(nargs));
    return -1;
  }
  List* l = self.as<List>();
  {
    LockGuard guard(l->lock);
    list_replace_locked(l, nullptr, 0);
  }
  if (nargs) return list_extend(l, args[0]);
  return 0;
}

Value list_repr(Value self) {
  List* l = self.as<List>();
  if (list_size(l) == 0) return Value(intern_cstr("[]"));
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("[...]"));
  StrBuilder b;
  b.append('[');
  for (int64_t i = 0;; i++) {
    Value v = list_get(l, i);
    if (!v) break;
    if (i) b.append_ascii(", ");
    Value r = repr(v);
    if (!r) return Value();
    b.append(r.as<Str>());
  }
  b.append(']');
  return Value(b.finish());
}

Value list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(b)) return NotImplemented();
  Tuple* x = snapshot(a);
  Tuple* y = snapshot(b);
  if ((op == CompareOp::EQ || op == CompareOp::NE) && x->size != y->size) return Bool(op == CompareOp::NE);
  return sequence_richcompare(x->items, x->size, y->items, y->size, op);
}

int64_t list_len(Value self) { return list_size(self.as<List>()); }

// ------------------------------------------------------------------ items and slices

Value list_getitem(Value self, Value key) {
  List* l = self.as<List>();
  if (is_slice(key)) {
    Tuple* t = snapshot(self);
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), t->size, &start, &stop, &step, &count)) return Value();
    List* r = list_new(count);
    ListItems* it = r->items.load(std::memory_order_relaxed);
    for (int64_t i = 0, j = start; i < count; i++, j += step) it->slots[i].store(t->items[j].bits(), std::memory_order_relaxed);
    r->size.store(count, std::memory_order_release);
    return Value(r);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "list indices must be integers or slices, not %s", type_name(key));
  int64_t i;
  if (!normalize_index(l, key, &i)) return Value();
  Value v = i >= 0 ? list_get(l, i) : Value();
  if (!v) return raise(&exc::IndexError, "list index out of range");
  return v;
}

int assign_slice(List* l, Slice* s, Value v) {
  // The new items are gathered before taking the lock (iterating may run Python code).
  Tuple* items = nullptr;
  if (v) {
    if (v == Value(l)) {
      items = list_snapshot(l);
    } else {
      Value t = tuple_from_iterable(v);
      if (!t) {
        if (error_matches(&exc::TypeError)) {
          clear_error();
          raise(&exc::TypeError, "must assign iterable to extended slice");
        }
        return -1;
      }
      items = t.as<Tuple>();
    }
  }
  int64_t start, stop, step;
  if (!slice_unpack(s, &start, &stop, &step)) return -1;
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  int64_t count = slice_adjust_indices(n, &start, &stop, step);
  ListItems* it = l->items.load(std::memory_order_relaxed);
  std::vector<uint64_t> old(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) old[size_t(i)] = it->slots[i].load(std::memory_order_relaxed);
  std::vector<Value> out;
  if (step == 1) {
    if (stop < start) stop = start;
    out.reserve(size_t(n - (stop - start) + (items ? items->size : 0)));
    for (int64_t i = 0; i < start; i++) out.push_back(Value::from_bits(old[size_t(i)]));
    if (items)
      for (int64_t i = 0; i < items->size; i++) out.push_back(items->items[i]);
    for (int64_t i = stop; i < n; i++) out.push_back(Value::from_bits(old[size_t(i)]));
  } else if (!items) {
    std::vector<bool> drop(size_t(n), false);
    for (int64_t i = 0, j = start; i < count; i++, j += step) drop[size_t(j)] = true;
    for (int64_t i = 0; i < n; i++)
      if (!drop[size_t(i)]) out.push_back(Value::from_bits(old[size_t(i)]));
  } else {
    if (items->size != count) {
      raise(&exc::ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
            (long long)items->size, (long long)count);
      return -1;
    }
    for (int64_t i = 0, j = start; i < count; i++, j += step) old[size_t(j)] = items->items[i].bits();
    for (int64_t i = 0; i < n; i++) out.push_back(Value::from_bits(old[size_t(i)]));
  }
  // out's Values are also referenced by `old`/`items`, which the stack keeps alive.
  list_replace_locked(l, out.data(), int64_t(out.size()));
  return 0;
}

int list_setitem(Value self, Value key, Value v) {
  List* l = self.as<List>();
  if (is_slice(key)) return assign_slice(l, key.as<Slice>(), v);
  if (!is_int(key) && !type_of(key)->index) {
    raise(&exc::TypeError, "list indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  int64_t i;
  if (!normalize_index(l, key, &i)) return -1;
  if (v) {
    if (i < 0 || !list_set(l, i, v)) {
      raise(&exc::IndexError, "list assignment index out of range");
      return -1;
    }
    return 0;
  }
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (i < 0 || i >= n) {
    raise(&exc::IndexError, "list assignment index out of range");
    return -1;
  }
  ListItems* it = l->items.load(std::memory_order_relaxed);
  for (int64_t k = i; k + 1 < n; k++) it->slots[k].store(it->slots[k + 1].load(std::memory_order_relaxed), std::memory_order_release);
  l->size.store(n - 1, std::memory_order_release);
  it->slots[n - 1].store(0, std::memory_order_release);
  return 0;
}

int list_contains(Value self, Value item) {
  List* l = self.as<List>();
  for (int64_t i = 0;; i++) {
    Value v = list_get(l, i);
    if (!v) return 0;
    int r = equals(v, item);
    if (r != 0) return r;
  }
}

// ------------------------------------------------------------------ iteration

Value list_iter(Value self) {
  auto* it = alloc_instance<ListIterator>(&list_iterator_type);
  it->list = self.as<List>();
  it->index.store(0, std::memory_order_relaxed);
  return Value(it);
}

Value list_iter_next(Value self) {
  auto* it = self.as<ListIterator>();
  List* l = it->list;
  if (!l) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  Value v = list_get(l, i);
  if (!v) it->list = nullptr;
  return v;
}

Value list_reversed(Value self, const Value*, size_t, Tuple*) {
  auto* it = alloc_instance<ListIterator>(&list_reverseiterator_type);
  it->list = self.as<List>();
  it->index.store(list_size(self.as<List>()) - 1, std::memory_order_relaxed);
  return Value(it);
}

Value list_reviter_next(Value self) {
  auto* it = self.as<ListIterator>();
  List* l = it->list;
  if (!l) return Value();
  int64_t i = it->index.fetch_sub(1, std::memory_order_relaxed);
  Value v = i >= 0 ? list_get(l, i) : Value();
  if (!v) it->list = nullptr;
  return v;
}

Value iter_self(Value self) { return self; }

Value iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  if (!it->list) return Value::from_small_int(0);
  int64_t i = it->index.load(std::memory_order_relaxed);
  int64_t n = type_of(self) == &list_iterator_type ? list_size(it->list) - i : i + 1;
  return Value::from_small_int(n > 0 ? n : 0);
}

Value iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  bool reversed = type_of(self) == &list_reverseiterator_type;
  Value fn = import_builtin(reversed ? "reversed" : "iter");
  if (!it->list) return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({Value(list_new())}))}));
  return Value(tuple_pack({fn, Value(tuple_pack({Value(it->list)})), int_from_i64(it->index.load())}));
}

Value iter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* it = self.as<ListIterator>();
  int64_t i;
  if (!index_as_i64(args[0], &i, &exc::OverflowError)) return Value();
  if (it->list) {
    if (type_of(self) == &list_iterator_type && i < 0) i = 0;
    if (type_of(self) == &list_reverseiterator_type && i < -1) i = -1;
    it->index.store(i);
  }
  return None();
}

const MethodDef iter_methods[] = {{"__length_hint__", iter_length_hint, kMethodInstance, nullptr},
                                  {"__reduce__", iter_reduce, kMethodInstance, nullptr},
                                  {"__setstate__", iter_setstate, kMethodInstance, nullptr},
                                  {nullptr}};

// ------------------------------------------------------------------ arithmetic

Value list_concat(Value a, Value b) {
  if (!is_list(a) || !is_list(b)) {
    // The right operand's __radd__ gets its turn; binary_op reports the error.
    return NotImplemented();
  }
  Tuple* x = snapshot(a);
  Tuple* y = snapshot(b);
  List* r = list_new(x->size + y->size);
  ListItems* it = r->items.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < x->size; i++) it->slots[i].store(x->items[i].bits(), std::memory_order_relaxed);
  for (int64_t i = 0; i < y->size; i++) it->slots[x->size + i].store(y->items[i].bits(), std::memory_order_relaxed);
  r->size.store(x->size + y->size, std::memory_order_release);
  return Value(r);
}

Value list_inplace_concat(Value a, Value b) {
  if (list_extend(a.as<List>(), b) < 0) return Value();
  return a;
}

bool repeat_count(Value count, int64_t* n) { return index_as_i64(count, n, &exc::OverflowError); }

Value list_repeat(Value a, Value b) {
  Value seq = is_list(a) ? a : b;
  Value count = is_list(a) ? b : a;
  if (!is_list(seq) || (!is_int(count) && !type_of(count)->index)) return NotImplemented();
  int64_t n;
  if (!repeat_count(count, &n)) return Value();
  Tuple* t = snapshot(seq);
  if (n <= 0 || t->size == 0) return Value(list_new());
  if (t->size > (int64_t(1) << 36) / n) return raise_no_memory();
  List* r = list_new(t->size * n);
  ListItems* it = r->items.load(std::memory_order_relaxed);
  for (int64_t k = 0; k < n; k++)
    for (int64_t i = 0; i < t->size; i++)
      it->slots[k * t->size + i].store(t->items[i].bits(), std::memory_order_relaxed);
  r->size.store(t->size * n, std::memory_order_release);
  return Value(r);
}

Value list_inplace_repeat(Value a, Value b) {
  if (!is_int(b) && !type_of(b)->index) return NotImplemented();
  int64_t n;
  if (!repeat_count(b, &n)) return Value();
  List* l = a.as<List>();
  LockGuard guard(l->lock);
  int64_t size = l->size.load(std::memory_order_relaxed);
  if (n <= 0 || size == 0) {
    list_replace_locked(l, nullptr, 0);
    return a;
  }
  if (size > (int64_t(1) << 36) / n) return raise_no_memory();
  ListItems* it = list_reserve_locked(l, size * n);
  for (int64_t k = 1; k < n; k++)
    for (int64_t i = 0; i < size; i++)
      it->slots[k * size + i].store(it->slots[i].load(std::memory_order_relaxed), std::memory_order_release);
  l->size.store(size * n, std::memory_order_release);
  return a;
}

// ------------------------------------------------------------------ methods

Value m_append(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("append", kwnames) || !check_nargs("list.append", nargs, 1, 1)) return Value();
  list_append(self.as<List>(), args[0]);
  return None();
}

Value m_extend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("extend", kwnames) || !check_nargs("list.extend", nargs, 1, 1)) return Value();
  if (list_extend(self.as<List>(), args[0]) < 0) return Value();
  return None();
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("insert", kwnames) || !check_nargs("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!index_as_i64(args[0], &i, nullptr)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  ListItems* it = list_reserve_locked(l, n + 1);
  for (int64_t k = n; k > i; k--) it->slots[k].store(it->slots[k - 1].load(std::memory_order_relaxed), std::memory_order_release);
  it->slots[i].store(args[1].bits(), std::memory_order_release);
  l->size.store(n + 1, std::memory_order_release);
  return None();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pop", kwnames) || !check_nargs("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs && !index_as_i64(args[0], &i, &exc::IndexError)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (n == 0) return raise(&exc::IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(&exc::IndexError, "pop index out of range");
  ListItems* it = l->items.load(std::memory_order_relaxed);
  Value v = slot_value(it, i);
  for (int64_t k = i; k + 1 < n; k++) it->slots[k].store(it->slots[k + 1].load(std::memory_order_relaxed), std::memory_order_release);
  l->size.store(n - 1, std::memory_order_release);
  it->slots[n - 1].store(0, std::memory_order_release);
  return v;
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("remove", kwnames) || !check_nargs("remove", nargs, 1, 1)) return Value();
  List* l = self.as<List>();
  for (int64_t i = 0;; i++) {
    Value v = list_get(l, i);
    if (!v) break;
    int r = equals(v, args[0]);
    if (r < 0) return Value();
    if (r) {
      LockGuard guard(l->lock);
      int64_t n = l->size.load(std::memory_order_relaxed);
      ListItems* it = l->items.load(std::memory_order_relaxed);
      // Remove the item we compared, wherever concurrent changes moved it.
      int64_t at = -1;
      for (int64_t k = 0; k < n; k++)
        if (slot_value(it, k) == v) { at = k; break; }
      if (at < 0) continue;
      for (int64_t k = at; k + 1 < n; k++) it->slots[k].store(it->slots[k + 1].load(std::memory_order_relaxed), std::memory_order_release);
      l->size.store(n - 1, std::memory_order_release);
      it->slots[n - 1].store(0, std::memory_order_release);
      return None();
    }
  }
  return raise(&exc::ValueError, "list.remove(x): x not in list");
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_nargs("index", nargs, 1, 3)) return Value();
  List* l = self.as<List>();
  int64_t n = list_size(l);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1) {
    if (!index_as_i64(args[1], &start, nullptr)) return Value();
    if (start < 0) start = std::max<int64_t>(0, start + n);
  }
  if (nargs > 2) {
    if (!index_as_i64(args[2], &stop, nullptr)) return Value();
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  }
  for (int64_t i = start; i < stop; i++) {
    Value v = list_get(l, i);
    if (!v) break;
    int r = equals(v, args[0]);
    if (r < 0) return Value();
    if (r) return int_from_i64(i);
  }
  return raise(&exc::ValueError, "%R is not in list", args[0]);
}

Value m_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("count", kwnames) || !check_nargs("count", nargs, 1, 1)) return Value();
  List* l = self.as<List>();
  int64_t c = 0;
  for (int64_t i = 0;; i++) {
    Value v = list_get(l, i);
    if (!v) break;
    int r = equals(v, args[0]);
    if (r < 0) return Value();
    c += r;
  }
  return int_from_i64(c);
}

Value m_clear(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("clear", nargs, 0, 0)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  list_replace_locked(l, nullptr, 0);
  return None();
}

Value m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("copy", nargs, 0, 0)) return Value();
  Tuple* t = snapshot(self);
  return Value(list_from_array(t->items, t->size));
}

Value m_reverse(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("reverse", nargs, 0, 0)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  ListItems* it = l->items.load(std::memory_order_relaxed);
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    uint64_t a = it->slots[i].load(std::memory_order_relaxed);
    it->slots[i].store(it->slots[j].load(std::memory_order_relaxed), std::memory_order_release);
    it->slots[j].store(a, std::memory_order_release);
  }
  return None();
}

Value m_sort(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int reverse = a[1] ? truthy(a[1]) : 0;
  if (reverse < 0) return Value();
  Value key = a[0] && !is_none(a[0]) ? a[0] : Value();
  if (list_sort(self.as<List>(), key, reverse) < 0) return Value();
  return None();
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  ListItems* it = self.as<List>()->items.load(std::memory_order_relaxed);
  return int_from_i64(int64_t(sizeof(List)) + (it ? it->capacity * 8 : 0));
}

Value m_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

const MethodDef list_methods[] = {
    {"append", m_append, kMethodInstance, "Append object to the end of the list."},
    {"extend", m_extend, kMethodInstance, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, kMethodInstance, "Insert object before index."},
    {"pop", m_pop, kMethodInstance,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove", m_remove, kMethodInstance,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", m_index, kMethodInstance, "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, kMethodInstance, "Return number of occurrences of value."},
    {"clear", m_clear, kMethodInstance, "Remove all items from list."},
    {"copy", m_copy, kMethodInstance, "Return a shallow copy of the list."},
    {"reverse", m_reverse, kMethodInstance, "Reverse *IN PLACE*."},
    {"sort", m_sort, kMethodInstance,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) "
     "and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once "
     "to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse "
     "flag can be set to sort in descending order."},
    {"__reversed__", list_reversed, kMethodInstance, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Return the size of the list in memory, in bytes."},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

// ------------------------------------------------------------------ sorting

// A stable, adaptive merge sort: natural runs are found (descending runs are
// reversed), short runs are extended by binary insertion, and runs are merged
// pairwise. Comparisons may run Python code and fail: the first error stops
// the sort and is reported.
class Sorter {
 public:
  Sorter(Value* keys, Value* values, int64_t n) : keys_(keys), values_(values), n_(n) {}

  bool run() {
    if (n_ < 2) return true;
    // Identify runs.
    std::vector<std::pair<int64_t, int64_t>> runs;
    int64_t i = 0;
    while (i < n_) {
      int64_t j = i + 1;
      if (j < n_) {
        int lt = less(keys_[j], keys_[i]);
        if (lt < 0) return false;
        if (lt) {
          // Strictly descending run: reverse it (strictness keeps stability).
          while (j + 1 < n_) {
            int l2 = less(keys_[j + 1], keys_[j]);
            if (l2 < 0) return false;
            if (!l2) break;
            j++;
          }
          j++;
          reverse(i, j);
        } else {
          while (j + 1 < n_) {
            int l2 = less(keys_[j + 1], keys_[j]);
            if (l2 < 0) return false;
            if (l2) break;
            j++;
          }
          j++;
        }
      }
      // Extend short runs to a minimum length with binary insertion.
      int64_t min_run = std::min<int64_t>(32, n_ - i);
      if (j - i < min_run) {
        int64_t end = i + min_run;
        if (!binary_insertion(i, j, end)) return false;
        j = end;
      }
      runs.emplace_back(i, j);
      i = j;
    }
    tmp_keys_.resize(size_t(n_));
    tmp_values_.resize(size_t(n_));
    while (runs.size() > 1) {
      std::vector<std::pair<int64_t, int64_t>> merged;
      for (size_t r = 0; r + 1 < runs.size(); r += 2) {
        if (!merge(runs[r].first, runs[r].second, runs[r + 1].second)) return false;
        merged.emplace_back(runs[r].first, runs[r + 1].second);
      }
      if (runs.size() % 2) merged.push_back(runs.back());
      runs.swap(merged);
    }
    return true;
  }

 private:
  int less(Value a, Value b) {
    if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
    if (a.is_double() && b.is_double()) return a.as_double() < b.as_double();
    if (is_str_exact(a) && is_str_exact(b)) return str_compare(a.as<Str>(), b.as<Str>()) < 0;
    return rich_compare_bool(a, b, CompareOp::LT);
  }

  void reverse(int64_t lo, int64_t hi) {
    std::reverse(keys_ + lo, keys_ + hi);
    if (values_) std::reverse(values_ + lo, values_ + hi);
  }

  bool binary_insertion(int64_t lo, int64_t start, int64_t hi) {
    for (int64_t i = start; i < hi; i++) {
      Value k = keys_[i];
      Value v = values_ ? values_[i] : Value();
      int64_t l = lo, r = i;
      while (l < r) {
        int64_t m = (l + r) / 2;
        int lt = less(k, keys_[m]);
        if (lt < 0) return false;
        if (lt) r = m;
        else l = m + 1;
      }
      for (int64_t p = i; p > l; p--) {
        keys_[p] = keys_[p - 1];
        if (values_) values_[p] = values_[p - 1];
      }
      keys_[l] = k;
      if (values_) values_[l] = v;
    }
    return true;
  }

  bool merge(int64_t lo, int64_t mid, int64_t hi) {
    // Already in order: nothing to do (the adaptive shortcut).
    int lt = less(keys_[mid], keys_[mid - 1]);
    if (lt < 0) return false;
    if (!lt) return true;
    int64_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      int take_right = less(keys_[j], keys_[i]);
      if (take_right < 0) return false;
      if (take_right) {
        tmp_keys_[size_t(k)] = keys_[j];
        if (values_) tmp_values_[size_t(k)] = values_[j];
        j++;
      } else {
        tmp_keys_[size_t(k)] = keys_[i];
        if (values_) tmp_values_[size_t(k)] = values_[i];
        i++;
      }
      k++;
    }
    while (i < mid) {
      tmp_keys_[size_t(k)] = keys_[i];
      if (values_) tmp_values_[size_t(k)] = values_[i];
      i++;
      k++;
    }
    while (j < hi) {
      tmp_keys_[size_t(k)] = keys_[j];
      if (values_) tmp_values_[size_t(k)] = values_[j];
      j++;
      k++;
    }
    for (int64_t p = lo; p < hi; p++) {
      keys_[p] = tmp_keys_[size_t(p)];
      if (values_) values_[p] = tmp_values_[size_t(p)];
    }
    return true;
  }

  Value* keys_;
  Value* values_;
  int64_t n_;
  // Scratch space; every Value in it is also held by keys_/values_ (GC arrays).
  std::vector<Value> tmp_keys_, tmp_values_;
};

}  // namespace

int list_sort(List* l, Value key, bool reverse) {
  // As in CPython, the list looks empty while it is being sorted; a change made
  // meanwhile (by a key function or comparison) is detected and reported.
  Tuple* items;
  {
    LockGuard guard(l->lock);
    items = list_snapshot_locked(l);
    list_replace_locked(l, nullptr, 0);
  }
  int64_t n = items->size;
  Value* keys = items->items;
  Tuple* key_tuple = nullptr;
  bool ok = true;
  if (key) {
    key_tuple = tuple_new(n);
    for (int64_t i = 0; i < n && ok; i++) {
      Value k = call1(key, items->items[i]);
      if (!k) ok = false;
      else key_tuple->items[i] = k;
    }
    keys = key_tuple->items;
  }
  if (ok) {
    // Reverse stably: reverse, sort, reverse back.
    if (reverse) {
      std::reverse(keys, keys + n);
      if (key) std::reverse(items->items, items->items + n);
    }
    Sorter s(keys, key ? items->items : nullptr, n);
    ok = s.run();
    if (ok && reverse) {
      std::reverse(keys, keys + n);
      if (key) std::reverse(items->items, items->items + n);
    }
  }
  LockGuard guard(l->lock);
  bool modified = l->size.load(std::memory_order_relaxed) != 0;
  list_replace_locked(l, items->items, n);
  if (ok && modified) {
    raise(&exc::ValueError, "list modified during sort");
    return -1;
  }
  return ok ? 0 : -1;
}

Value list_iterator_next_fast(Value it) { return list_iter_next(it); }

void init_list_type() {
  list_type.native_name = "list";
  list_type.instance_size = sizeof(List);
  list_type.flags = kTypeBaseType | kTypeListSubclass | kTypeSequence;
  list_type.new_ = list_new_py;
  list_type.init = list_init_py;
  list_type.repr = list_repr;
  list_type.richcompare = list_richcompare;
  list_type.len = list_len;
  list_type.getitem = list_getitem;
  list_type.setitem = list_setitem;
  list_type.contains = list_contains;
  list_type.iter = list_iter;
  list_type.nb[int(BinaryOp::Add)] = list_concat;
  list_type.nb[int(BinaryOp::Mul)] = list_repeat;
  list_type.nb_inplace[int(BinaryOp::Add)] = list_inplace_concat;
  list_type.nb_inplace[int(BinaryOp::Mul)] = list_inplace_repeat;
  list_type.methods = list_methods;
  list_type.doc =
      "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n"
      "The argument must be an iterable if specified.";

  list_iterator_type.native_name = "list_iterator";
  list_iterator_type.instance_size = sizeof(ListIterator);
  list_iterator_type.iter = iter_self;
  list_iterator_type.next = list_iter_next;
  list_iterator_type.methods = iter_methods;

  list_reverseiterator_type.native_name = "list_reverseiterator";
  list_reverseiterator_type.instance_size = sizeof(ListIterator);
  list_reverseiterator_type.iter = iter_self;
  list_reverseiterator_type.next = list_reviter_next;
  list_reverseiterator_type.methods = iter_methods;
}

}  // namespace spindle
