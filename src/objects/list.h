// list: a resizable array safe under concurrent use.
//
// Writers (append, insert, pop, ...) hold the list's Mutex. Readers take no lock:
// they load `size` and then `items`, check the index against both, and load the
// slot; a null slot (cleared by a concurrent shrink) makes them reload. A store
// never shrinks `items` in place: growth and shrinking publish a new block, and
// the old one stays valid for readers that still hold it (the collector frees it).
#pragma once
#include "objects/object.h"
#include "threads/mutex.h"

namespace spindle {

struct ListItems {
  int64_t capacity;
  std::atomic<uint64_t> slots[];  // Value bits; 0 = cleared  NOLINT
};

struct List : Object {
  Mutex lock;
  std::atomic<int64_t> size{0};
  std::atomic<ListItems*> items{nullptr};
};

inline bool is_list(Value v) {
  return v.is_object() && (v.as_object()->type == &list_type || (v.as_object()->type->flags & kTypeListSubclass));
}
inline bool is_list_exact(Value v) { return is_type(v, &list_type); }

extern Type list_iterator_type, list_reverseiterator_type;
// The list iterator's next() for the interpreter's FOR_ITER fast path.
Value list_iterator_next_fast(Value it);

List* list_new(int64_t capacity = 0);
List* list_from_array(const Value* items, int64_t n);
Value list_from_iterable(Value iterable);  // list(iterable)
inline int64_t list_size(const List* l) { return l->size.load(std::memory_order_acquire); }
// Null (no exception) when i is out of range. i must be >= 0.
Value list_get(List* l, int64_t i);
void list_append(List* l, Value v);
bool list_set(List* l, int64_t i, Value v);  // false if out of range
// For unpacking: when l has exactly n items, stores them last first into
// out[0..n) and returns true; false (no exception) otherwise.
bool list_unpack_exact(List* l, int64_t n, Value* out);
// Extends with all items of iterable; -1 on error.
int list_extend(List* l, Value iterable);
// A consistent copy of the items at one moment, as a tuple.
Tuple* list_snapshot(List* l);
Tuple* list_snapshot_locked(List* l);  // caller holds l->lock
// Replaces the contents; the caller holds l->lock. The capacity changes as
// CPython's list_resize would, unless one is given (>= 0).
void list_replace_locked(List* l, const Value* items, int64_t n, int64_t capacity = -1);
// Removes item i (0 <= i < size); the caller holds l->lock.
void list_remove_locked(List* l, int64_t i);
// Sorts in place (list.sort semantics); key may be null.
int list_sort(List* l, Value key, bool reverse);

}  // namespace spindle
