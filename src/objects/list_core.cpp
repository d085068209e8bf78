// The list array (see list.h for the concurrency scheme).
#include "gc/gc.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

ListItems* new_items(int64_t capacity) {
  auto* it = static_cast<ListItems*>(gc::alloc(sizeof(ListItems) + sizeof(uint64_t) * size_t(capacity)));
  it->capacity = capacity;
  return it;
}

// Growth as in CPython: about 1/8 over-allocation plus a constant.
int64_t grown_capacity(int64_t needed) { return (needed + (needed >> 3) + 6) & ~int64_t(3); }

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

// Under the lock: makes room for `needed` items, publishing a bigger block.
ListItems* list_reserve_locked(List* l, int64_t needed) {
  ListItems* it = l->items.load(std::memory_order_relaxed);
  if (it && it->capacity >= needed) return it;
  ListItems* bigger = new_items(grown_capacity(needed));
  int64_t n = l->size.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++)
    bigger->slots[i].store(it->slots[i].load(std::memory_order_relaxed), std::memory_order_relaxed);
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

// Under the lock: replaces the whole contents with items[0..n).
void list_replace_locked(List* l, const Value* items, int64_t n) {
  ListItems* it = new_items(n);
  for (int64_t i = 0; i < n; i++) it->slots[i].store(items[i].bits(), std::memory_order_relaxed);
  // Shrinking publishes the size first so readers never index past the new block.
  l->size.store(std::min(n, l->size.load(std::memory_order_relaxed)), std::memory_order_release);
  l->items.store(it, std::memory_order_release);
  l->size.store(n, std::memory_order_release);
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
  }
  if (batch) {
    LockGuard guard(l->lock);
    int64_t n = l->size.load(std::memory_order_relaxed);
    ListItems* it = list_reserve_locked(l, n + batch->size);
    for (int64_t i = 0; i < batch->size; i++) it->slots[n + i].store(batch->items[i].bits(), std::memory_order_release);
    l->size.store(n + batch->size, std::memory_order_release);
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  while (Value v = iter_next(it)) list_append(l, v);
  return error_occurred() ? -1 : 0;
}

Value list_from_iterable(Value iterable) {
  List* l = list_new();
  if (list_extend(l, iterable) < 0) return Value();
  return Value(l);
}

}  // namespace spindle
