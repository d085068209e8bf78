// list: the Python type over list_core's thread-safe array.
#include <algorithm>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

Type list_type, list_iterator_type, list_reverseiterator_type;

void list_init_storage(List* l, int64_t capacity);
ListItems* list_reserve_locked(List* l, int64_t needed);
void list_remove_locked(List* l, int64_t i);
List* list_slice_copy(List* l, Slice* s);

namespace {

struct ListIterator : Object {
  List* list;  // null when exhausted
  std::atomic<int64_t> index;
};

inline Value slot_value(ListItems* it, int64_t i) {
  return Value::from_bits(it->slots[i].load(std::memory_order_relaxed));
}

// A consistent copy of the items, for operations that call Python code per
// item and must not hold the lock.
Tuple* snapshot(Value self) { return list_snapshot(self.as<List>()); }

bool is_index(Value v) { return is_int(v) || type_of(v)->index; }

// list[i] and friends: an index normalised against the current length (may be
// out of range; the caller checks under the lock or through list_get).
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
  // As in CPython the old contents go first, so l.__init__(l) empties l.
  {
    LockGuard guard(l->lock);
    list_replace_locked(l, nullptr, 0, 0);
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
  if (is_slice(key)) return Value(list_slice_copy(l, key.as<Slice>()));
  if (!is_index(key)) return raise(&exc::TypeError, "list indices must be integers or slices, not %s", type_name(key));
  int64_t i;
  if (!normalize_index(l, key, &i)) return Value();
  Value v = i >= 0 ? list_get(l, i) : Value();
  if (!v) return raise(&exc::IndexError, "list index out of range");
  return v;
}

// l[s] = v (v null: del l[s]). The slice is unpacked and the new items
// gathered before taking the lock (both may run Python code); the indices are
// then clipped to the length at that moment and the result published at once.
int assign_slice(List* l, Slice* s, Value v) {
  int64_t start, stop, step;
  if (!slice_unpack(s, &start, &stop, &step)) return -1;
  Tuple* items = nullptr;
  if (v) {
    if (v == Value(l)) {
      items = list_snapshot(l);
    } else {
      Value t = is_list_exact(v) || is_tuple_exact(v) ? tuple_from_iterable(v) : Value();
      if (!t) {
        Value it = get_iter(v);
        if (!it) {
          if (error_matches(&exc::TypeError)) {
            clear_error();
            raise(&exc::TypeError, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
          }
          return -1;
        }
        t = tuple_from_iterable(it);
        if (!t) return -1;
      }
      items = t.as<Tuple>();
    }
  }
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  int64_t count = slice_adjust_indices(n, &start, &stop, step);
  ListItems* old = l->items.load(std::memory_order_relaxed);
  int64_t nitems = items ? items->size : 0;
  if (step == 1) {
    if (stop < start) stop = start;
    if (stop == start && nitems == 0) return 0;  // nothing changes (list.sort relies on it)
    int64_t total = n - (stop - start) + nitems;
    // A fresh block: readers keep seeing the old contents until it is published.
    Value* out = gc::make_array<Value>(size_t(total));
    int64_t k = 0;
    for (int64_t i = 0; i < start; i++) out[k++] = slot_value(old, i);
    for (int64_t i = 0; i < nitems; i++) out[k++] = items->items[i];
    for (int64_t i = stop; i < n; i++) out[k++] = slot_value(old, i);
    list_replace_locked(l, out, total);
    return 0;
  }
  if (step < 0) {
    // Walk the selected positions in increasing order.
    start = start + step * (count - 1);
    step = -step;
    if (items) {
      Tuple* rev = tuple_new(nitems);
      for (int64_t i = 0; i < nitems; i++) rev->items[i] = items->items[nitems - 1 - i];
      items = rev;
    }
  }
  if (items) {
    if (nitems != count) {
      raise(&exc::ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
            (long long)nitems, (long long)count);
      return -1;
    }
    for (int64_t i = 0, j = start; i < count; i++, j += step)
      old->slots[j].store(items->items[i].bits(), std::memory_order_release);
    return 0;
  }
  Value* out = gc::make_array<Value>(size_t(n - count));
  int64_t k = 0, next_dropped = start, dropped = 0;
  for (int64_t i = 0; i < n; i++) {
    if (dropped < count && i == next_dropped) {
      dropped++;
      next_dropped += step;
      continue;
    }
    out[k++] = slot_value(old, i);
  }
  list_replace_locked(l, out, k);
  return 0;
}

int list_setitem(Value self, Value key, Value v) {
  List* l = self.as<List>();
  if (is_slice(key)) return assign_slice(l, key.as<Slice>(), v);
  if (!is_index(key)) {
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
  if (i < 0 || i >= l->size.load(std::memory_order_relaxed)) {
    raise(&exc::IndexError, "list assignment index out of range");
    return -1;
  }
  list_remove_locked(l, i);
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
  // Threads sharing the iterator race on `list`: one atomic load, one atomic store.
  List* l = __atomic_load_n(&it->list, __ATOMIC_RELAXED);
  if (!l) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  Value v = list_get(l, i);
  if (!v) __atomic_store_n(&it->list, nullptr, __ATOMIC_RELAXED);
  return v;
}

Value m_reversed(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.__reversed__", kwnames) || !check_nargs("list.__reversed__", nargs, 0, 0)) return Value();
  auto* it = alloc_instance<ListIterator>(&list_reverseiterator_type);
  it->list = self.as<List>();
  it->index.store(list_size(self.as<List>()) - 1, std::memory_order_relaxed);
  return Value(it);
}

Value list_reviter_next(Value self) {
  auto* it = self.as<ListIterator>();
  List* l = __atomic_load_n(&it->list, __ATOMIC_RELAXED);
  if (!l) return Value();
  int64_t i = it->index.fetch_sub(1, std::memory_order_relaxed);
  Value v = i >= 0 ? list_get(l, i) : Value();
  if (!v) __atomic_store_n(&it->list, nullptr, __ATOMIC_RELAXED);
  return v;
}

Value iter_self(Value self) { return self; }

Value iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  List* l = it->list;
  if (!l) return Value::from_small_int(0);
  int64_t i = it->index.load(std::memory_order_relaxed);
  int64_t n = type_of(self) == &list_iterator_type ? list_size(l) - i : std::min(i + 1, list_size(l));
  return Value::from_small_int(n > 0 ? n : 0);
}

Value iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  bool reversed = type_of(self) == &list_reverseiterator_type;
  Value fn = import_builtin(reversed ? "reversed" : "iter");
  List* l = it->list;
  if (!l) return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({Value(list_new())}))}));
  return Value(tuple_pack({fn, Value(tuple_pack({Value(l)})), int_from_i64(it->index.load())}));
}

Value iter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  auto* it = self.as<ListIterator>();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  if (List* l = it->list) {
    if (type_of(self) == &list_iterator_type) {
      if (i < 0) i = 0;
    } else {
      if (i < -1) i = -1;
      else if (i > list_size(l) - 1) i = list_size(l) - 1;
    }
    it->index.store(i);
  }
  return None();
}

const MethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iter_reduce, kMethodInstance, "Return state information for pickling."},
    {"__setstate__", iter_setstate, kMethodInstance, "Set state information for unpickling."},
    {nullptr}};

// ------------------------------------------------------------------ arithmetic

Value list_from_tuple(Tuple* t) { return Value(list_from_array(t->items, t->size)); }

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

// Refuses repeats whose result could not be allocated.
bool check_repeat_size(int64_t size, int64_t n) {
  if (size && n > (int64_t(1) << 40) / size) {
    raise_no_memory();
    return false;
  }
  return true;
}

Value list_repeat(Value a, Value b) {
  Value seq = is_list(a) ? a : b;
  Value count = is_list(a) ? b : a;
  if (!is_list(seq)) return NotImplemented();
  int64_t n;
  bool not_implemented;
  if (!repeat_count(count, &n, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  Tuple* t = snapshot(seq);
  if (n <= 0 || t->size == 0) return Value(list_new());
  if (!check_repeat_size(t->size, n)) return Value();
  List* r = list_new(t->size * n);
  ListItems* it = r->items.load(std::memory_order_relaxed);
  for (int64_t k = 0; k < n; k++)
    for (int64_t i = 0; i < t->size; i++)
      it->slots[k * t->size + i].store(t->items[i].bits(), std::memory_order_relaxed);
  r->size.store(t->size * n, std::memory_order_release);
  return Value(r);
}

Value list_inplace_repeat(Value a, Value b) {
  int64_t n;
  bool not_implemented;
  if (!repeat_count(b, &n, &not_implemented)) return not_implemented ? NotImplemented() : Value();
  List* l = a.as<List>();
  LockGuard guard(l->lock);
  int64_t size = l->size.load(std::memory_order_relaxed);
  if (n <= 0 || size == 0) {
    if (size) list_replace_locked(l, nullptr, 0, 0);
    return a;
  }
  if (!check_repeat_size(size, n)) return Value();
  ListItems* it = list_reserve_locked(l, size * n);
  for (int64_t k = 1; k < n; k++)
    for (int64_t i = 0; i < size; i++)
      it->slots[k * size + i].store(it->slots[i].load(std::memory_order_relaxed), std::memory_order_release);
  l->size.store(size * n, std::memory_order_release);
  return a;
}

// ------------------------------------------------------------------ methods

Value m_append(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.append", kwnames) || !check_nargs("list.append", nargs, 1, 1)) return Value();
  list_append(self.as<List>(), args[0]);
  return None();
}

Value m_extend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.extend", kwnames) || !check_nargs("list.extend", nargs, 1, 1)) return Value();
  if (list_extend(self.as<List>(), args[0]) < 0) return Value();
  return None();
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.insert", kwnames) || !check_nargs("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
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
  if (!check_no_kwargs("list.pop", kwnames) || !check_nargs("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs && !ssize_arg(args[0], &i)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (n == 0) return raise(&exc::IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(&exc::IndexError, "pop index out of range");
  Value v = slot_value(l->items.load(std::memory_order_relaxed), i);
  list_remove_locked(l, i);
  return v;
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.remove", kwnames) || !check_nargs("list.remove", nargs, 1, 1)) return Value();
  List* l = self.as<List>();
  bool searched = false;  // every item was compared under the lock
  {
    // While no comparison needs Python code, search and remove under the lock:
    // atomic, so that concurrent removals cannot move the item past the scan.
    LockGuard guard(l->lock);
    int64_t n = l->size.load(std::memory_order_relaxed);
    ListItems* it = l->items.load(std::memory_order_relaxed);
    int64_t k = 0;
    for (int r; k < n && (r = equals_without_python(slot_value(it, k), args[0])) != -2; k++) {
      if (r) {
        list_remove_locked(l, k);
        return None();
      }
    }
    searched = k == n;
  }
  for (int64_t i = 0; !searched; i++) {
    Value v = list_get(l, i);
    if (!v) break;
    int r = equals(v, args[0]);
    if (r < 0) return Value();
    if (!r) continue;
    // The comparison ran unlocked: remove the item that compared equal,
    // wherever concurrent changes moved it (normally still at i).
    LockGuard guard(l->lock);
    int64_t n = l->size.load(std::memory_order_relaxed);
    ListItems* it = l->items.load(std::memory_order_relaxed);
    int64_t at = i < n && slot_value(it, i) == v ? i : -1;
    for (int64_t k = 0; at < 0 && k < n; k++)
      if (slot_value(it, k) == v) at = k;
    if (at < 0) continue;
    list_remove_locked(l, at);
    return None();
  }
  return raise(&exc::ValueError, "list.remove(x): x not in list");
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.index", kwnames) || !check_nargs("index", nargs, 1, 3)) return Value();
  List* l = self.as<List>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start, false)) return Value();
  if (nargs > 2 && !slice_index_arg(args[2], &stop, false)) return Value();
  clip_range(list_size(l), &start, &stop);
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
  if (!check_no_kwargs("list.count", kwnames) || !check_nargs("list.count", nargs, 1, 1)) return Value();
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
  if (!check_no_kwargs("list.clear", kwnames) || !check_nargs("list.clear", nargs, 0, 0)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  ListItems* block = l->items.load(std::memory_order_relaxed);
  // Already empty with no storage: nothing changes (list.sort relies on it).
  if (l->size.load(std::memory_order_relaxed) == 0 && (!block || block->capacity == 0)) return None();
  list_replace_locked(l, nullptr, 0, 0);
  return None();
}

Value m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.copy", kwnames) || !check_nargs("list.copy", nargs, 0, 0)) return Value();
  return list_from_tuple(snapshot(self));
}

Value m_reverse(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.reverse", kwnames) || !check_nargs("list.reverse", nargs, 0, 0)) return Value();
  List* l = self.as<List>();
  LockGuard guard(l->lock);
  Tuple* t = list_snapshot_locked(l);
  std::reverse(t->begin(), t->end());
  ListItems* block = l->items.load(std::memory_order_relaxed);
  list_replace_locked(l, t->items, t->size, block ? block->capacity : 0);
  return None();
}

Value m_sort(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int reverse = 0;
  if (a[1] && !int_arg(a[1], &reverse)) return Value();
  Value key = a[0] && !is_none(a[0]) ? a[0] : Value();
  if (list_sort(self.as<List>(), key, reverse != 0) < 0) return Value();
  return None();
}

// As CPython reports it: the object header plus one pointer per allocated slot.
Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list.__sizeof__", kwnames) || !check_nargs("list.__sizeof__", nargs, 0, 0)) return Value();
  ListItems* it = self.as<List>()->items.load(std::memory_order_relaxed);
  return int_from_i64(40 + (it ? it->capacity * 8 : 0));
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
    {"__reversed__", m_reversed, kMethodInstance, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Return the size of the list in memory, in bytes."},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

}  // namespace

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
