// dict: an insertion-ordered hash table, safe under concurrent use.
//
// Layout: a DictTable holds an index array (open addressing, probing as in
// CPython so iteration and collisions behave alike) into an append-only array
// of entries (hash, key, value). An entry, once written, keeps its key for the
// life of the table; deleting clears the value, and re-inserting a deleted key
// appends a new entry. Writers hold the dict's Mutex; a resize builds a new table
// and publishes it with one atomic store. Readers take no lock: they load the
// table, probe the index (acquire loads) and read the entry's value (a single
// atomic load); an old table stays valid for a reader that still holds it.
//
// Lookups on keys whose __eq__/__hash__ are Python code call that code without
// holding the lock; a writer then re-validates under the lock and retries if
// the table changed meanwhile (see dict.cpp).
#pragma once
#include "objects/object.h"
#include "threads/mutex.h"

namespace spindle {

struct DictEntry {
  int64_t hash;
  Value key;
  std::atomic<uint64_t> value;  // Value bits; 0: deleted
};

struct DictTable {
  int64_t index_size;          // power of two
  int64_t capacity;            // entries that fit before a resize
  std::atomic<int64_t> used;   // entries written (live or deleted)
  DictEntry* entries;
  std::atomic<int32_t>* index; // -1 empty, else entry number
  // popitem() resumes its backwards scan here while no entry was appended
  // (entries are never reused, so popped ones stay behind as dead entries).
  int64_t popitem_from = -1, popitem_used = -1;  // under the dict's lock
  // One bit per hash of every key ever written to this table (bit = top six
  // hash bits): a clear bit proves no key with such a hash is present, so
  // attribute caches can rule out an instance-dict shadow without probing.
  std::atomic<uint64_t> hash_filter{0};
};
inline uint64_t dict_hash_filter_bit(int64_t hash) { return uint64_t(1) << (uint64_t(hash) >> 58); }

struct Dict : Object {
  Mutex lock;
  std::atomic<int64_t> size{0};         // live entries
  std::atomic<DictTable*> table{nullptr};
  // Bumped whenever a key is added or removed (not when a value is replaced):
  // global/builtin lookup caches key on it.
  std::atomic<uint64_t> keys_version{0};
};

inline bool is_dict(Value v) {
  return v.is_object() && (v.as_object()->type == &dict_type || (v.as_object()->type->flags & kTypeDictSubclass));
}
inline bool is_dict_exact(Value v) { return is_type(v, &dict_type); }

Dict* dict_new(int64_t expected = 0);
inline int64_t dict_size(const Dict* d) { return d->size.load(std::memory_order_acquire); }

// All return/raise per the error convention. Lookups return null without an
// exception when the key is absent.
Value dict_get(Dict* d, Value key);
Value dict_get_str(Dict* d, Str* key);  // never raises (str keys compare by content)
int dict_set(Dict* d, Value key, Value v);
int dict_set_str(Dict* d, Str* key, Value v);
int dict_del(Dict* d, Value key);        // KeyError if absent
// Removes key only while it maps to `expected` (by identity): 1 removed, 0 not, -1 error.
int dict_del_if_value(Dict* d, Value key, Value expected);
// Removes and returns the value, or null without exception if absent.
Value dict_pop(Dict* d, Value key);
Value dict_setdefault(Dict* d, Value key, Value dflt);
// Removes the most recently inserted item; false if the dict is empty.
bool dict_popitem(Dict* d, Value* key, Value* value);
void dict_clear(Dict* d);
Dict* dict_copy(Dict* d);
int dict_update(Dict* d, Value other);   // dict.update(other) semantics for a mapping/iterable of pairs
int dict_merge(Dict* d, Value mapping, bool override);

// Iteration by position over a snapshot of the table: pass *pos = 0 first; returns
// false at the end. Skips deleted entries. The key's stored hash goes to *hash when given.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value, int64_t* hash = nullptr);

// What iterating v would produce when v is an exact dict or a view of a dict
// (keys, values or (key, value) pairs), read in one step under the dict's
// lock, so list(d), list(d.items()) and the like are atomic; null otherwise.
Tuple* dict_iteration_snapshot(Value v);

// Inline-cache support: the entry index of `key` (a str compared by identity or
// content) in the current table, or -1.
int64_t dict_find_index_str(Dict* d, Str* key);
// True when no key with this hash is certainly in the dict; false means "maybe".
inline bool dict_lacks_hash(Dict* d, int64_t hash) {
  DictTable* t = d->table.load(std::memory_order_acquire);
  return !t || !(t->hash_filter.load(std::memory_order_acquire) & dict_hash_filter_bit(hash));
}
// Stores v at entry `i` if that entry's key is `key` (by identity) and still
// live; false (nothing stored) otherwise.
bool dict_store_at_if_key(Dict* d, int64_t i, Str* key, Value v);
// Value at entry `i` if that entry's key is `key` (by identity); else null.
inline Value dict_value_at_if_key(Dict* d, int64_t i, Str* key) {
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t || i >= t->used.load(std::memory_order_acquire)) return Value();
  DictEntry& e = t->entries[i];
  if (e.key != Value(reinterpret_cast<Object*>(key))) return Value();
  return Value::from_bits(e.value.load(std::memory_order_acquire));
}

}  // namespace spindle
