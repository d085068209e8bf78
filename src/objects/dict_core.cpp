// The dict hash table (see dict.h for the layout and the concurrency scheme).
#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int64_t kMinIndexSize = 8;

inline int64_t usable_for(int64_t index_size) { return (index_size << 1) / 3; }

DictTable* new_table(int64_t index_size) {
  auto* t = gc::make<DictTable>();
  t->index_size = index_size;
  t->capacity = usable_for(index_size);
  t->used.store(0, std::memory_order_relaxed);
  t->entries = static_cast<DictEntry*>(gc::alloc(sizeof(DictEntry) * size_t(t->capacity)));
  // The index holds no pointers: entry numbers only.
  t->index = static_cast<std::atomic<int32_t>*>(gc::alloc_atomic(sizeof(int32_t) * size_t(index_size)));
  for (int64_t i = 0; i < index_size; i++) t->index[i].store(kEmpty, std::memory_order_relaxed);
  return t;
}

// Table sizes follow CPython's, so dict.__sizeof__ agrees: a power of two,
// at least n (growth uses three times the live entries)...
int64_t index_size_at_least(int64_t n) {
  int64_t size = kMinIndexSize;
  while (size < n) size <<= 1;
  return size;
}

// ...or, for n entries expected at once, room for them with CPython's estimate.
int64_t index_size_for(int64_t n) {
  int64_t size = index_size_at_least((n * 3 + 1) / 2);
  while (usable_for(size) < n) size <<= 1;
  return size;
}

// Probe sequence shared by insertion and lookup (the same recurrence CPython
// uses, so collision behaviour matches).
struct Probe {
  uint64_t perturb;
  int64_t mask;
  int64_t i;
  Probe(int64_t hash, int64_t size) : perturb(uint64_t(hash)), mask(size - 1), i(int64_t(uint64_t(hash) & uint64_t(size - 1))) {}
  void next() {
    perturb >>= 5;
    i = int64_t((uint64_t(i) * 5 + perturb + 1) & uint64_t(mask));
  }
};

// Keys whose equality and hash run no Python code.
inline bool is_simple_key(Value v) {
  if (!v.is_object()) return true;
  Type* t = v.as_object()->type;
  return t == &str_type || t == &int_type || t == &bool_type || t == &none_type || t == &bytes_type;
}

// Equality of two simple keys with equal hashes, without running Python code.
bool simple_equal(Value a, Value b) {
  if (a == b) return true;
  if (a.is_object() && b.is_object()) {
    Type* ta = a.as_object()->type;
    Type* tb = b.as_object()->type;
    if (ta == &str_type && tb == &str_type) return str_equal(a.as<Str>(), b.as<Str>());
    if (ta == &int_type && tb == &int_type) return int_compare(a, b) == 0;
    if (ta != tb) {
      bool na = ta == &int_type || ta == &bool_type, nb = tb == &int_type || tb == &bool_type;
      if (na && nb) return int_compare(a, b) == 0;
    }
    if (ta == &bytes_type && tb == &bytes_type) {
      int r = equals(a, b);
      return r == 1;
    }
    return false;
  }
  // Mixed int/float/bool: numeric comparison.
  auto numeric = [](Value v, double* d, bool* is_intlike) {
    if (v.is_double()) { *d = v.as_double(); *is_intlike = false; return true; }
    if (is_int(v)) { *is_intlike = true; return true; }
    return false;
  };
  double da = 0, db = 0;
  bool ia, ib;
  if (!numeric(a, &da, &ia) || !numeric(b, &db, &ib)) return false;
  if (ia && ib) return int_compare(a, b) == 0;
  if (!ia && !ib) return da == db;
  return rich_compare_bool(a, b, CompareOp::EQ) == 1;  // int vs float: exact, no Python code
}

enum class Found { Yes, No, Error, NeedPython };

struct LookupResult {
  Found found;
  int64_t entry;  // entry number when found
  int64_t slot;   // index slot of the entry, or the first empty slot when not found
};

// Probes t for key. With allow_python false, stops with NeedPython instead of
// running a Python-level __eq__. Dead entries (value cleared) are skipped.
LookupResult lookup(DictTable* t, Value key, int64_t hash, bool allow_python) {
  bool key_simple = is_simple_key(key);
  for (Probe p(hash, t->index_size);; p.next()) {
    int32_t ix = t->index[p.i].load(std::memory_order_acquire);
    if (ix == kEmpty) return {Found::No, -1, p.i};
    DictEntry& e = t->entries[ix];
    if (e.value.load(std::memory_order_acquire) == 0) continue;
    if (e.key == key) return {Found::Yes, ix, p.i};
    if (e.hash != hash) continue;
    if (key_simple && is_simple_key(e.key)) {
      if (simple_equal(e.key, key)) return {Found::Yes, ix, p.i};
      continue;
    }
    if (!allow_python) return {Found::NeedPython, -1, -1};
    Value entry_key = e.key;
    int r = equals(entry_key, key);
    if (r < 0) return {Found::Error, -1, -1};
    if (r) return {Found::Yes, ix, p.i};
  }
}

void insert_into_fresh(DictTable* t, int64_t hash, Value key, uint64_t value_bits) {
  Probe p(hash, t->index_size);
  while (t->index[p.i].load(std::memory_order_relaxed) != kEmpty) p.next();
  int64_t n = t->used.load(std::memory_order_relaxed);
  DictEntry& e = t->entries[n];
  e.hash = hash;
  e.key = key;
  e.value.store(value_bits, std::memory_order_relaxed);
  t->hash_filter.fetch_or(dict_hash_filter_bit(hash), std::memory_order_relaxed);
  t->index[p.i].store(int32_t(n), std::memory_order_release);
  t->used.store(n + 1, std::memory_order_release);
}

// Under the lock: replaces the table with one of index_size slots holding the live entries.
DictTable* resize(Dict* d, DictTable* old, int64_t index_size) {
  // Pairs with dict_store_at_if_key: our lock acquisition is ordered before the
  // reads of the old entries below.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  DictTable* t = new_table(index_size);
  if (old) {
    int64_t used = old->used.load(std::memory_order_relaxed);
    for (int64_t i = 0; i < used; i++) {
      DictEntry& e = old->entries[i];
      uint64_t v = e.value.load(std::memory_order_relaxed);
      if (v) insert_into_fresh(t, e.hash, e.key, v);
    }
  }
  d->table.store(t, std::memory_order_release);
  return t;
}

inline DictTable* table_for_write(Dict* d) {
  DictTable* t = d->table.load(std::memory_order_relaxed);
  return t ? t : resize(d, nullptr, kMinIndexSize);
}

// Under the lock, with a slot known to be the first empty one on key's probe path.
void append_entry(Dict* d, DictTable* t, int64_t slot, int64_t hash, Value key, Value v) {
  if (t->used.load(std::memory_order_relaxed) >= t->capacity) {
    t = resize(d, t, index_size_at_least(d->size.load(std::memory_order_relaxed) * 3));
    insert_into_fresh(t, hash, key, v.bits());
  } else {
    int64_t n = t->used.load(std::memory_order_relaxed);
    DictEntry& e = t->entries[n];
    e.hash = hash;
    e.key = key;
    e.value.store(v.bits(), std::memory_order_relaxed);
    t->hash_filter.fetch_or(dict_hash_filter_bit(hash), std::memory_order_relaxed);
    t->index[slot].store(int32_t(n), std::memory_order_release);
    t->used.store(n + 1, std::memory_order_release);
  }
  d->size.fetch_add(1, std::memory_order_release);
  d->keys_version.fetch_add(1, std::memory_order_release);
}

// The first empty index slot on key's probe path (no comparisons needed).
int64_t free_slot(DictTable* t, int64_t hash) {
  Probe p(hash, t->index_size);
  while (t->index[p.i].load(std::memory_order_relaxed) != kEmpty) p.next();
  return p.i;
}

// The slow path for keys whose comparison runs Python code: look up without
// the lock, then commit under the lock if the result still holds; else retry.
// The result still holds when the table is the same one, the entry found (if
// any) is still live, and none of the entries appended meanwhile is an equal
// key (checked without Python code; one that would need __eq__ forces a
// retry). Entries never change their key, so the ones compared before stay
// compared. Retrying only on those conditions means an __eq__ that keeps
// inserting other keys cannot make the lookup loop forever.
template <class Commit>
int with_validated_lookup(Dict* d, Value key, int64_t hash, Commit commit) {
  bool key_simple = is_simple_key(key);
  for (;;) {
    DictTable* t = d->table.load(std::memory_order_acquire);
    LookupResult r{Found::No, -1, -1};
    int64_t used_seen = 0;
    if (t) {
      used_seen = t->used.load(std::memory_order_acquire);
      r = lookup(t, key, hash, true);
      if (r.found == Found::Error) return -1;
    }
    LockGuard guard(d->lock);
    if (d->table.load(std::memory_order_relaxed) != t) continue;
    if (!t) return commit(t, r);
    if (r.found == Found::Yes) {
      if (t->entries[r.entry].value.load(std::memory_order_relaxed) == 0) continue;
      return commit(t, r);
    }
    bool retry = false;
    int64_t used_now = t->used.load(std::memory_order_relaxed);
    for (int64_t i = used_seen; i < used_now && !retry; i++) {
      DictEntry& e = t->entries[i];
      if (!e.value.load(std::memory_order_relaxed) || e.hash != hash) continue;
      if (e.key == key || (key_simple && is_simple_key(e.key) && simple_equal(e.key, key))) {
        r = LookupResult{Found::Yes, i, -1};
        break;
      }
      retry = !(key_simple && is_simple_key(e.key));
    }
    if (retry) continue;
    if (r.found == Found::No) r.slot = free_slot(t, hash);
    return commit(t, r);
  }
}

Value missing_key(Value key) {
  Value args = Value(tuple_pack({key}));
  Value e = exception_new(&exc::KeyError, args.as<Tuple>());
  if (!e) return Value();
  return raise_value(e);
}

}  // namespace

Dict* dict_new(int64_t expected) {
  Dict* d = alloc_instance<Dict>(&dict_type);
  new (&d->lock) Mutex();
  d->size.store(0, std::memory_order_relaxed);
  d->table.store(expected > 0 ? new_table(index_size_for(expected)) : nullptr, std::memory_order_relaxed);
  d->keys_version.store(0, std::memory_order_relaxed);
  return d;
}

Value dict_get(Dict* d, Value key) {
  int64_t h = hash(key);
  if (h == -1) return Value();
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t) return Value();
  LookupResult r = lookup(t, key, h, true);
  if (r.found != Found::Yes) return Value();
  return Value::from_bits(t->entries[r.entry].value.load(std::memory_order_acquire));
}

Value dict_get_str(Dict* d, Str* key) {
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t) return Value();
  int64_t h = str_hash(key);
  Value kv(key);
  for (Probe p(h, t->index_size);; p.next()) {
    int32_t ix = t->index[p.i].load(std::memory_order_acquire);
    if (ix == kEmpty) return Value();
    DictEntry& e = t->entries[ix];
    uint64_t v = e.value.load(std::memory_order_acquire);
    if (!v) continue;
    if (e.key == kv) return Value::from_bits(v);
    if (e.hash != h) continue;
    if (is_str_exact(e.key)) {
      if (str_equal(e.key.as<Str>(), key)) return Value::from_bits(v);
      continue;
    }
    // A non-str key with a str's hash (a str subclass, a custom object): the
    // general path runs its __eq__.
    Value r = dict_get(d, kv);
    if (!r && error_occurred()) clear_error();
    return r;
  }
}

int64_t dict_find_index_str(Dict* d, Str* key) {
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t) return -1;
  int64_t h = str_hash(key);
  for (Probe p(h, t->index_size);; p.next()) {
    int32_t ix = t->index[p.i].load(std::memory_order_acquire);
    if (ix == kEmpty) return -1;
    DictEntry& e = t->entries[ix];
    if (!e.value.load(std::memory_order_acquire)) continue;
    if (e.key == Value(key)) return ix;
    if (e.hash == h && is_str_exact(e.key) && str_equal(e.key.as<Str>(), key)) return ix;
  }
}

namespace {

// d[key] = v for a key whose hash is known (copied from another table).
int set_hashed(Dict* d, Value key, int64_t h, Value v) {
  {
    LockGuard guard(d->lock);
    DictTable* t = table_for_write(d);
    LookupResult r = lookup(t, key, h, false);
    if (r.found == Found::Yes) {
      t->entries[r.entry].value.store(v.bits(), std::memory_order_release);
      return 0;
    }
    if (r.found == Found::No) {
      append_entry(d, t, r.slot, h, key, v);
      return 0;
    }
  }
  return with_validated_lookup(d, key, h, [&](DictTable* t, LookupResult r) {
    if (!t) t = table_for_write(d);
    if (r.found == Found::Yes) {
      t->entries[r.entry].value.store(v.bits(), std::memory_order_release);
      return 0;
    }
    if (r.slot < 0) r.slot = free_slot(t, h);
    append_entry(d, t, r.slot, h, key, v);
    return 0;
  });
}

}  // namespace

int dict_set(Dict* d, Value key, Value v) {
  int64_t h = hash(key);
  if (h == -1) return -1;
  return set_hashed(d, key, h, v);
}

int dict_set_str(Dict* d, Str* key, Value v) { return dict_set(d, Value(key), v); }

bool dict_store_at_if_key(Dict* d, int64_t i, Str* key, Value v) {
  // Lock-free: replace the live value in place. A writer holding the lock may be
  // copying entries into a new table (resize) and may have read the old value;
  // the seq_cst exchange followed by the seq_cst check of the lock guarantees
  // that either that writer sees our value or we see it holding the lock (and
  // the caller repeats the store under the lock).
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t || i >= t->used.load(std::memory_order_acquire)) return false;
  DictEntry& e = t->entries[i];
  if (e.key != Value(key)) return false;
  uint64_t old = e.value.load(std::memory_order_relaxed);
  if (!old || !e.value.compare_exchange_strong(old, v.bits(), std::memory_order_seq_cst)) return false;
  return !d->lock.is_locked_seq_cst() && d->table.load(std::memory_order_seq_cst) == t;
}

namespace {

// Removes the live entry for key; returns its value, or null (no exception) if absent.
// expected (when given): remove only while the key maps to that very value.
Value remove_entry(Dict* d, Value key, int64_t h, bool* error, Value expected = Value()) {
  *error = false;
  {
    LockGuard guard(d->lock);
    DictTable* t = d->table.load(std::memory_order_relaxed);
    if (!t) return Value();
    LookupResult r = lookup(t, key, h, false);
    if (r.found == Found::No) return Value();
    if (r.found == Found::Yes) {
      if (expected && t->entries[r.entry].value.load(std::memory_order_relaxed) != expected.bits()) return Value();
      uint64_t old = t->entries[r.entry].value.exchange(0, std::memory_order_acq_rel);
      d->size.fetch_sub(1, std::memory_order_release);
      d->keys_version.fetch_add(1, std::memory_order_release);
      return Value::from_bits(old);
    }
  }
  Value result;
  int rc = with_validated_lookup(d, key, h, [&](DictTable* t, LookupResult r) {
    if (!t || r.found != Found::Yes) return 0;
    if (expected && t->entries[r.entry].value.load(std::memory_order_relaxed) != expected.bits()) return 0;
    result = Value::from_bits(t->entries[r.entry].value.exchange(0, std::memory_order_acq_rel));
    d->size.fetch_sub(1, std::memory_order_release);
    d->keys_version.fetch_add(1, std::memory_order_release);
    return 0;
  });
  if (rc < 0) *error = true;
  return result;
}

}  // namespace

int dict_del(Dict* d, Value key) {
  int64_t h = hash(key);
  if (h == -1) return -1;
  bool error;
  Value old = remove_entry(d, key, h, &error);
  if (error) return -1;
  if (!old) {
    missing_key(key);
    return -1;
  }
  return 0;
}

int dict_del_if_value(Dict* d, Value key, Value expected) {
  int64_t h = hash(key);
  if (h == -1) return -1;
  bool error;
  Value old = remove_entry(d, key, h, &error, expected);
  return error ? -1 : old ? 1 : 0;
}

Value dict_pop(Dict* d, Value key) {
  int64_t h = hash(key);
  if (h == -1) return Value();
  bool error;
  Value old = remove_entry(d, key, h, &error);
  return error ? Value() : old;
}

Value dict_setdefault(Dict* d, Value key, Value dflt) {
  int64_t h = hash(key);
  if (h == -1) return Value();
  {
    LockGuard guard(d->lock);
    DictTable* t = table_for_write(d);
    LookupResult r = lookup(t, key, h, false);
    if (r.found == Found::Yes) return Value::from_bits(t->entries[r.entry].value.load(std::memory_order_relaxed));
    if (r.found == Found::No) {
      append_entry(d, t, r.slot, h, key, dflt);
      return dflt;
    }
  }
  Value result;
  int rc = with_validated_lookup(d, key, h, [&](DictTable* t, LookupResult r) {
    if (!t) t = table_for_write(d);
    if (r.found == Found::Yes) {
      result = Value::from_bits(t->entries[r.entry].value.load(std::memory_order_relaxed));
      return 0;
    }
    if (r.slot < 0) r.slot = free_slot(t, h);
    append_entry(d, t, r.slot, h, key, dflt);
    result = dflt;
    return 0;
  });
  return rc < 0 ? Value() : result;
}

bool dict_popitem(Dict* d, Value* key, Value* value) {
  LockGuard guard(d->lock);
  DictTable* t = d->table.load(std::memory_order_relaxed);
  if (!t) return false;
  int64_t used = t->used.load(std::memory_order_relaxed);
  int64_t start = t->popitem_used == used ? t->popitem_from : used - 1;
  for (int64_t i = start; i >= 0; i--) {
    DictEntry& e = t->entries[i];
    uint64_t bits = e.value.exchange(0, std::memory_order_acq_rel);
    if (!bits) continue;
    t->popitem_from = i - 1;
    t->popitem_used = used;
    *key = e.key;
    *value = Value::from_bits(bits);
    d->size.fetch_sub(1, std::memory_order_release);
    d->keys_version.fetch_add(1, std::memory_order_release);
    return true;
  }
  return false;
}

void dict_clear(Dict* d) {
  LockGuard guard(d->lock);
  d->table.store(nullptr, std::memory_order_release);
  d->size.store(0, std::memory_order_release);
  d->keys_version.fetch_add(1, std::memory_order_release);
}

namespace {

// A compact copy of src's table taken under its lock (null when src is
// empty); *live receives the number of entries.
DictTable* copy_table(Dict* src, int64_t* live) {
  LockGuard guard(src->lock);
  DictTable* t = src->table.load(std::memory_order_relaxed);
  *live = src->size.load(std::memory_order_relaxed);
  if (!t || *live == 0) return nullptr;
  // Without deleted entries the copy keeps the table size (CPython clones it).
  int64_t used = t->used.load(std::memory_order_relaxed);
  DictTable* n = new_table(used == *live ? t->index_size : index_size_for(*live));
  for (int64_t i = 0; i < used; i++) {
    uint64_t v = t->entries[i].value.load(std::memory_order_relaxed);
    if (v) insert_into_fresh(n, t->entries[i].hash, t->entries[i].key, v);
  }
  return n;
}

}  // namespace

Dict* dict_copy(Dict* src) {
  Dict* d = dict_new();
  int64_t live;
  DictTable* t = copy_table(src, &live);
  d->table.store(t, std::memory_order_relaxed);
  d->size.store(t ? live : 0, std::memory_order_relaxed);
  return d;
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value, int64_t* hash) {
  DictTable* t = d->table.load(std::memory_order_acquire);
  if (!t) return false;
  int64_t used = t->used.load(std::memory_order_acquire);
  for (int64_t i = *pos; i < used; i++) {
    DictEntry& e = t->entries[i];
    uint64_t v = e.value.load(std::memory_order_acquire);
    if (!v) continue;
    *pos = i + 1;
    if (key) *key = e.key;
    if (value) *value = Value::from_bits(v);
    if (hash) *hash = e.hash;
    return true;
  }
  *pos = used;
  return false;
}

namespace {

// Inserts k: v (k's hash h, or -1 to compute it); without override only when k is absent.
int merge_one(Dict* d, Value k, int64_t h, Value v, bool override) {
  if (!override) {
    Value existing = dict_get(d, k);
    if (existing) return 0;
    if (error_occurred()) return -1;
  }
  if (h == -1) {
    h = hash(k);
    if (h == -1) return -1;
  }
  return set_hashed(d, k, h, v);
}

// keys() of a mapping, iterated (a TypeError for a non-iterable result names the method).
Value mapping_keys_iter(Value mapping) {
  Value keys = call_method0(mapping, names::keys);
  if (!keys) return Value();
  Value it = get_iter(keys);
  if (!it && error_matches(&exc::TypeError)) {
    clear_error();
    raise(&exc::TypeError, "%s.keys() returned a non-iterable (type %s)", type_name(mapping), type_name(keys));
  }
  return it;
}

}  // namespace

int dict_merge(Dict* d, Value other, bool override) {
  // Dicts whose iteration is dict's own are read directly (as in CPython,
  // an overridden keys() or __getitem__ alone does not count).
  if (is_dict(other) && type_of(other)->iter == dict_type.iter) {
    Dict* o = other.as<Dict>();
    if (o == d) return 0;
    // Work from a copy of the other table (never holding both locks); an
    // empty target simply takes the copy, as CPython's clone does.
    int64_t live;
    DictTable* copy = copy_table(o, &live);
    if (!copy) return 0;
    {
      LockGuard guard(d->lock);
      DictTable* t = d->table.load(std::memory_order_relaxed);
      if (d->size.load(std::memory_order_relaxed) == 0) {
        d->table.store(copy, std::memory_order_release);
        d->size.store(live, std::memory_order_release);
        d->keys_version.fetch_add(1, std::memory_order_release);
        return 0;
      }
      // Room for all of them at once rather than growing step by step.
      if (t->capacity - t->used.load(std::memory_order_relaxed) < live)
        resize(d, t, index_size_for(d->size.load(std::memory_order_relaxed) + live));
    }
    int64_t used = copy->used.load(std::memory_order_relaxed);
    for (int64_t i = 0; i < used; i++) {
      DictEntry& e = copy->entries[i];
      if (merge_one(d, e.key, e.hash, Value::from_bits(e.value.load(std::memory_order_relaxed)), override) < 0)
        return -1;
    }
    return 0;
  }
  Value it = mapping_keys_iter(other);
  if (!it) return -1;
  while (Value k = iter_next(it)) {
    Value v = get_item(other, k);
    if (!v || merge_one(d, k, -1, v, override) < 0) return -1;
  }
  return error_occurred() ? -1 : 0;
}

int dict_update(Dict* d, Value other) {
  if (is_dict_exact(other)) return dict_merge(d, other, true);
  Value keys_attr = lookup_attr(other, names::keys);
  if (keys_attr) return dict_merge(d, other, true);
  if (error_occurred()) return -1;
  // An iterable of pairs; each item is made a sequence first (list(item)).
  Value it = get_iter(other);
  if (!it) return -1;
  for (int64_t n = 0;; n++) {
    Value item = iter_next(it);
    if (!item) break;
    Value pair = tuple_from_iterable(item);
    if (!pair) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        raise(&exc::TypeError, "cannot convert dictionary update sequence element #%lld to a sequence", (long long)n);
      }
      return -1;
    }
    Tuple* t = pair.as<Tuple>();
    if (t->size != 2) {
      raise(&exc::ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required", (long long)n,
            (long long)t->size);
      return -1;
    }
    if (dict_set(d, t->items[0], t->items[1]) < 0) return -1;
  }
  return error_occurred() ? -1 : 0;
}

}  // namespace spindle
