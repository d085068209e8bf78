// set and frozenset: hash tables with CPython's probing and resizing rules, so
// iteration order matches CPython's for the same insertions. Same concurrency
// scheme as dict: per-object writer lock, lock-free readers over tables that are
// only ever replaced, never shrunk in place (details in set.cpp).
#pragma once
#include "objects/object.h"
#include "threads/mutex.h"

namespace spindle {

struct SetEntry {
  std::atomic<int64_t> hash;
  std::atomic<uint64_t> key;  // Value bits; 0: empty; kDummy: deleted
};

struct SetTable {
  int64_t mask;                 // size - 1; size is a power of two
  int64_t fill;                 // active + dummy
  SetEntry entries[];  // NOLINT
};

struct Set : Object {
  Mutex lock;
  std::atomic<int64_t> size{0};
  std::atomic<SetTable*> table{nullptr};
  std::atomic<int64_t> hash_cache{-1};  // frozenset only
  int64_t finger = 0;                   // where pop() resumes its scan (under the lock)
};

inline bool is_anyset(Value v) { return is_instance_of(v, &set_type) || is_instance_of(v, &frozenset_type); }

Set* set_new(Type* type = &set_type);
int set_add(Set* s, Value key);           // -1 on error
int set_contains(Set* s, Value key);      // -1, 0, 1
int set_discard(Set* s, Value key);       // -1, 0 (absent), 1 (removed)
int set_update(Set* s, Value iterable);
inline int64_t set_size(const Set* s) { return s->size.load(std::memory_order_acquire); }
bool set_next(Set* s, int64_t* pos, Value* key);

}  // namespace spindle
