// The list array (see list.h for the concurrency scheme). Capacities follow
// CPython's list_resize and preallocation rules, so list.__sizeof__ reports
// what CPython's does after the same operations.
#include <cstring>

#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/sequence.h"
#include "objects/slice.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

ListItems* new_items(int64_t capacity) {
  auto* it = static_cast<ListItems*>(gc::alloc(sizeof(ListItems) + sizeof(uint64_t) * size_t(capacity)));
  it->capacity = capacity;
  return it;
}

inline int64_t capacity_of(const ListItems* it) { return it ? it->capacity : 0; }

// CPython's list_resize: the capacity for `newsize` items, from `size` items
// in `capacity` slots. Kept when newsize fits and uses at least half of it;
// otherwise about 1/8 over-allocation (exactly enough for big jumps).
int64_t resized_capacity(int64_t capacity, int64_t size, int64_t newsize) {
  if (capacity >= newsize && newsize >= (capacity >> 1)) return capacity;
  if (newsize == 0) return 0;
  int64_t grown = (newsize + (newsize >> 3) + 6) & ~int64_t(3);
  if (newsize - size > grown - newsize) grown = (newsize + 3) & ~int64_t(3);
  return grown;
}

// Under the lock: publishes a block of `capacity` slots holding items[0..n).
// A shrinking size is published first, so readers never index past the new block.
void publish_locked(List* l, const Value* items, int64_t n, int64_t capacity) {
  ListItems* it = new_items(capacity);
  for (int64_t i = 0; i < n; i++) it->slots[i].store(items[i].bits(), std::memory_order_relaxed);
  l->size.store(std::min(n, l->size.load(std::memory_order_relaxed)), std::memory_order_release);
  l->items.store(it, std::memory_order_release);
  l->size.store(n, std::memory_order_release);
}

}  // namespace

void list_init_storage(List* l, int64_t capacity) {
  new (&l->lock) Mutex();
  l->size.store(0, std::memory_order_relaxed);
  l->items.store(capacity > 0 ? new_items(capacity) : nullptr, std::memory_order_relaxed);
}

List* list_new(int64_t capacity) {
  List* l = alloc_instance<List>(&list_type);
  list_init_storage(l, capacity);
  return l;
}

List* list_from_array(const Value* items, int64_t n) {
  List* l = list_new(n);
  ListItems* it = l->items.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++) it->slots[i].store(items[i].bits(), std::memory_order_relaxed);
  l->size.store(n, std::memory_order_release);
  return l;
}

Value list_get(List* l, int64_t i) {
  for (;;) {
    int64_t n = l->size.load(std::memory_order_acquire);
    if (i >= n) return Value();
    ListItems* it = l->items.load(std::memory_order_acquire);
    if (!it || i >= it->capacity) continue;  // a concurrent shrink: reload
    uint64_t v = it->slots[i].load(std::memory_order_acquire);
    if (v) return Value::from_bits(v);
  }
}

bool list_unpack_exact(List* l, int64_t n, Value* out) {
  if (l->size.load(std::memory_order_acquire) != n) return false;
  ListItems* it = l->items.load(std::memory_order_acquire);
  if (!it || it->capacity < n) return false;
  for (int64_t i = 0; i < n; i++) {
    uint64_t v = it->slots[i].load(std::memory_order_acquire);
    if (!v) return false;  // a concurrent removal: let the caller iterate
    out[n - 1 - i] = Value::from_bits(v);
  }
  return true;
}

// Under the lock: makes room for `needed` items (CPython's growth), publishing
// a bigger block that holds the current items.
ListItems* list_reserve_locked(List* l, int64_t needed) {
  ListItems* it = l->items.load(std::memory_order_relaxed);
  if (it && it->capacity >= needed) return it;
  int64_t n = l->size.load(std::memory_order_relaxed);
  ListItems* bigger = new_items(resized_capacity(capacity_of(it), n, needed));
  // A plain copy: no one else writes the old block while we hold the lock, and
  // the new one is not yet published.
  if (n) std::memcpy(static_cast<void*>(bigger->slots), static_cast<const void*>(it->slots), sizeof(uint64_t) * size_t(n));
  l->items.store(bigger, std::memory_order_release);
  return bigger;
}

void list_append(List* l, Value v) {
  LockGuard guard(l->lock);
  int64_t n = l->size.load(std::memory_order_relaxed);
  ListItems* it = list_reserve_locked(l, n + 1);
  it->slots[n].store(v.bits(), std::memory_order_release);
  l->size.store(n + 1, std::memory_order_release);
}

bool list_set(List* l, int64_t i, Value v) {
  LockGuard guard(l->lock);
  if (i < 0 || i >= l->size.load(std::memory_order_relaxed)) return false;
  l->items.load(std::memory_order_relaxed)->slots[i].store(v.bits(), std::memory_order_release);
  return true;
}

// Under the lock: replaces the whole contents with items[0..n), the capacity
// changing as CPython's list_resize would (or set to `capacity` when >= 0).
void list_replace_locked(List* l, const Value* items, int64_t n, int64_t capacity) {
  if (capacity < 0)
    capacity = resized_capacity(capacity_of(l->items.load(std::memory_order_relaxed)),
                                l->size.load(std::memory_order_relaxed), n);
  publish_locked(l, items, n, std::max(capacity, n));
}

// Under the lock: removes item i (0 <= i < size), shifting the tail left in
// place. A reader racing with the shift may see an item twice or miss one, as
// with any concurrent change, but never a torn or cleared slot past the size.
// Below half the capacity, a smaller block is published (as CPython shrinks).
void list_remove_locked(List* l, int64_t i) {
  int64_t n = l->size.load(std::memory_order_relaxed);
  ListItems* it = l->items.load(std::memory_order_relaxed);
  for (int64_t k = i; k + 1 < n; k++)
    it->slots[k].store(it->slots[k + 1].load(std::memory_order_relaxed), std::memory_order_release);
  l->size.store(n - 1, std::memory_order_release);
  it->slots[n - 1].store(0, std::memory_order_release);
  int64_t capacity = resized_capacity(it->capacity, n, n - 1);
  if (capacity != it->capacity) {
    Tuple* rest = list_snapshot_locked(l);
    publish_locked(l, rest->items, rest->size, capacity);
  }
}

// l[s] as a new list, copied under the lock so the slice is one moment's view.
List* list_slice_copy(List* l, Slice* s) {
  int64_t start, stop, step;
  if (!slice_unpack(s, &start, &stop, &step)) return nullptr;
  LockGuard guard(l->lock);
  int64_t count = slice_adjust_indices(l->size.load(std::memory_order_relaxed), &start, &stop, step);
  List* r = list_new(count);
  ListItems* src = l->items.load(std::memory_order_relaxed);
  ListItems* dst = r->items.load(std::memory_order_relaxed);
  for (int64_t i = 0, j = start; i < count; i++, j += step)
    dst->slots[i].store(src->slots[j].load(std::memory_order_relaxed), std::memory_order_relaxed);
  r->size.store(count, std::memory_order_release);
  return r;
}

Tuple* list_snapshot(List* l) {
  LockGuard guard(l->lock);
  return list_snapshot_locked(l);
}

Tuple* list_snapshot_locked(List* l) {
  int64_t n = l->size.load(std::memory_order_relaxed);
  Tuple* t = tuple_new(n);
  ListItems* it = l->items.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++) t->items[i] = Value::from_bits(it->slots[i].load(std::memory_order_relaxed));
  return t;
}

namespace {

// Under the lock: room for `extra` more items. A list that never had storage
// gets exactly that many (rounded up to even), as CPython preallocates.
ListItems* reserve_for_extend_locked(List* l, int64_t extra) {
  ListItems* it = l->items.load(std::memory_order_relaxed);
  if (capacity_of(it) == 0 && extra > 0) {
    ListItems* exact = new_items((extra + 1) & ~int64_t(1));
    l->items.store(exact, std::memory_order_release);
    return exact;
  }
  return list_reserve_locked(l, l->size.load(std::memory_order_relaxed) + extra);
}

}  // namespace

int list_extend(List* l, Value iterable) {
  // Sequences we can copy at once are appended under one lock hold, so
  // l.extend(x) is atomic for lists and tuples (as with the GIL). Subclasses
  // overriding __iter__ are iterated instead.
  Tuple* batch = nullptr;
  Type* t = type_of(iterable);
  if (is_list(iterable) && t->iter == list_type.iter) {
    batch = list_snapshot(iterable.as<List>());
  } else if (is_tuple(iterable) && t->iter == tuple_type.iter) {
    batch = iterable.as<Tuple>();
  } else {
    batch = dict_iteration_snapshot(iterable);
  }
  if (batch) {
    LockGuard guard(l->lock);
    int64_t n = l->size.load(std::memory_order_relaxed);
    ListItems* it = reserve_for_extend_locked(l, batch->size);
    for (int64_t i = 0; i < batch->size; i++) it->slots[n + i].store(batch->items[i].bits(), std::memory_order_release);
    l->size.store(n + batch->size, std::memory_order_release);
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  // Room for the expected number of items first, as CPython does.
  int64_t hint = length_hint(iterable, 8);
  if (hint < 0) return -1;
  {
    LockGuard guard(l->lock);
    reserve_for_extend_locked(l, hint);
  }
  while (Value v = iter_next(it)) list_append(l, v);
  if (error_occurred()) return -1;
  // Give back a guess that was far too large.
  LockGuard guard(l->lock);
  ListItems* items = l->items.load(std::memory_order_relaxed);
  int64_t n = l->size.load(std::memory_order_relaxed);
  int64_t capacity = resized_capacity(capacity_of(items), n, n);
  if (capacity != capacity_of(items)) {
    Tuple* all = list_snapshot_locked(l);
    publish_locked(l, all->items, all->size, capacity);
  }
  return 0;
}

Value list_from_iterable(Value iterable) {
  List* l = list_new();
  if (list_extend(l, iterable) < 0) return Value();
  return Value(l);
}

}  // namespace spindle
