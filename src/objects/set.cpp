// set and frozenset. The table follows CPython's rules exactly (sizes, linear
// probes then perturbation, resize thresholds, the order set operations insert
// in), because iteration order - visible whenever a set is printed - depends
// on them. Concurrency: writers hold the set's lock; readers walk a table
// snapshot; an entry's hash is written before its key (release), so a reader
// that sees a key sees its hash.
#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

Type set_type, frozenset_type, set_iterator_type;

namespace {

constexpr int64_t kMinSize = 8;
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;
// The deleted-entry marker: a value no Python object has.
constexpr uint64_t kDummy = 1;

SetTable* new_table(int64_t size) {
  auto* t = static_cast<SetTable*>(gc::alloc(sizeof(SetTable) + sizeof(SetEntry) * size_t(size)));
  t->mask = size - 1;
  t->fill = 0;
  return t;
}

inline uint64_t key_bits(const SetEntry& e) { return e.key.load(std::memory_order_acquire); }

inline bool is_simple(Value v) {
  if (!v.is_object()) return true;
  Type* t = v.as_object()->type;
  return t == &str_type || t == &int_type || t == &none_type || t == &bool_type;
}

// Equality for simple keys only (no Python code). Returns -2 if not decidable.
int simple_eq(Value a, Value b) {
  if (a == b) return 1;
  if (!is_simple(a) || !is_simple(b)) return -2;
  return equals(a, b);
}

enum class Probe { Found, NotFound, Error, NeedPython };

// Finds key in t. *slot: the found entry, or where to insert (first dummy or
// the empty slot ending the search).
Probe lookkey(SetTable* t, Value key, int64_t hash, bool allow_python, int64_t* slot) {
  uint64_t mask = uint64_t(t->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  int64_t freeslot = -1;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    uint64_t j = i;
    for (;;) {
      SetEntry& e = t->entries[j];
      uint64_t kb = key_bits(e);
      if (kb == 0) {
        *slot = freeslot >= 0 ? freeslot : int64_t(j);
        return Probe::NotFound;
      }
      if (kb == kDummy) {
        if (freeslot < 0) freeslot = int64_t(j);
      } else if (e.hash.load(std::memory_order_relaxed) == hash) {
        Value k = Value::from_bits(kb);
        int r = simple_eq(k, key);
        if (r == -2) {
          if (!allow_python) return Probe::NeedPython;
          r = equals(k, key);
        }
        if (r < 0) return Probe::Error;
        if (r) {
          *slot = int64_t(j);
          return Probe::Found;
        }
      }
      if (probes-- == 0) break;
      j++;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void insert_clean(SetTable* t, Value key, int64_t hash) {
  uint64_t mask = uint64_t(t->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    if (!key_bits(t->entries[i])) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        i++;
        if (!key_bits(t->entries[i])) {
          found = true;
          break;
        }
      }
    }
    if (found) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  t->entries[i].hash.store(hash, std::memory_order_relaxed);
  t->entries[i].key.store(key.bits(), std::memory_order_release);
}

// Under the lock.
void resize(Set* s, int64_t minused) {
  int64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  SetTable* old = s->table.load(std::memory_order_relaxed);
  SetTable* t = new_table(size);
  if (old) {
    for (int64_t i = 0; i <= old->mask; i++) {
      uint64_t kb = key_bits(old->entries[i]);
      if (kb && kb != kDummy) insert_clean(t, Value::from_bits(kb), old->entries[i].hash.load(std::memory_order_relaxed));
    }
  }
  t->fill = s->size.load(std::memory_order_relaxed);
  s->table.store(t, std::memory_order_release);
}

inline SetTable* table_for_write(Set* s) {
  SetTable* t = s->table.load(std::memory_order_relaxed);
  if (!t) {
    t = new_table(kMinSize);
    s->table.store(t, std::memory_order_release);
  }
  return t;
}

inline std::atomic<uint64_t>& version_of(Set* s) { return s->version; }

// Under the lock: adds at a slot found by lookkey.
void add_at(Set* s, SetTable* t, int64_t slot, Value key, int64_t hash) {
  SetEntry& e = t->entries[slot];
  bool was_empty = key_bits(e) == 0;
  e.hash.store(hash, std::memory_order_relaxed);
  e.key.store(key.bits(), std::memory_order_release);
  s->size.fetch_add(1, std::memory_order_release);
  version_of(s).fetch_add(1);
  if (was_empty) {
    t->fill++;
    if (t->fill * 5 >= t->mask * 3) {
      int64_t used = s->size.load(std::memory_order_relaxed);
      resize(s, used > 50000 ? used * 2 : used * 4);
    }
  }
}

// Adds key with a known hash.
int add_entry(Set* s, Value key, int64_t hash) {
  {
    LockGuard guard(s->lock);
    SetTable* t = table_for_write(s);
    int64_t slot;
    Probe p = lookkey(t, key, hash, false, &slot);
    if (p == Probe::Found) return 0;
    if (p == Probe::NotFound) {
      add_at(s, t, slot, key, hash);
      return 0;
    }
  }
  // A comparison runs Python code: look up unlocked, commit if nothing changed.
  for (;;) {
    SetTable* t = s->table.load(std::memory_order_acquire);
    uint64_t version = version_of(s).load(std::memory_order_acquire);
    int64_t slot;
    Probe p = lookkey(t, key, hash, true, &slot);
    if (p == Probe::Error) return -1;
    if (p == Probe::Found) return 0;
    LockGuard guard(s->lock);
    if (s->table.load(std::memory_order_relaxed) != t || version_of(s).load(std::memory_order_relaxed) != version) continue;
    add_at(s, t, slot, key, hash);
    return 0;
  }
}

int contains_entry(Set* s, Value key, int64_t hash) {
  SetTable* t = s->table.load(std::memory_order_acquire);
  if (!t) return 0;
  int64_t slot;
  Probe p = lookkey(t, key, hash, true, &slot);
  if (p == Probe::Error) return -1;
  return p == Probe::Found;
}

// Removes key; 1 removed, 0 absent, -1 error.
int discard_entry(Set* s, Value key, int64_t hash) {
  for (int attempt = 0;; attempt++) {
    SetTable* t = s->table.load(std::memory_order_acquire);
    if (!t) return 0;
    uint64_t version = version_of(s).load(std::memory_order_acquire);
    int64_t slot;
    Probe p = lookkey(t, key, hash, true, &slot);
    if (p == Probe::Error) return -1;
    if (p == Probe::NotFound) return 0;
    LockGuard guard(s->lock);
    if (s->table.load(std::memory_order_relaxed) != t || version_of(s).load(std::memory_order_relaxed) != version) continue;
    SetEntry& e = t->entries[slot];
    e.key.store(kDummy, std::memory_order_release);
    e.hash.store(-1, std::memory_order_relaxed);
    s->size.fetch_sub(1, std::memory_order_release);
    version_of(s).fetch_add(1);
    return 1;
  }
}

Set* make_set(Type* type) {
  Set* s = alloc_instance<Set>(type);
  new (&s->lock) Mutex();
  s->hash_cache.store(-1, std::memory_order_relaxed);
  s->version.store(0, std::memory_order_relaxed);
  s->finger = 0;
  return s;
}

int merge(Set* s, Set* other) {
  if (s == other) return 0;
  // Snapshot the other table's live entries (it may change concurrently).
  SetTable* ot = other->table.load(std::memory_order_acquire);
  if (!ot || set_size(other) == 0) return 0;
  LockGuard guard(s->lock);
  SetTable* t = table_for_write(s);
  int64_t oused = 0;
  for (int64_t i = 0; i <= ot->mask; i++) {
    uint64_t kb = key_bits(ot->entries[i]);
    if (kb && kb != kDummy) oused++;
  }
  int64_t used = s->size.load(std::memory_order_relaxed);
  if ((t->fill + oused) * 5 >= t->mask * 3) {
    resize(s, (used + oused) * 2);
    t = s->table.load(std::memory_order_relaxed);
  }
  if (t->fill == 0) {
    // An empty table: insert without comparisons (the keys are distinct).
    if (t->mask == ot->mask && ot->fill == oused) {
      for (int64_t i = 0; i <= ot->mask; i++) {
        uint64_t kb = key_bits(ot->entries[i]);
        if (kb && kb != kDummy) {
          t->entries[i].hash.store(ot->entries[i].hash.load(std::memory_order_relaxed), std::memory_order_relaxed);
          t->entries[i].key.store(kb, std::memory_order_release);
        }
      }
    } else {
      for (int64_t i = 0; i <= ot->mask; i++) {
        uint64_t kb = key_bits(ot->entries[i]);
        if (kb && kb != kDummy) insert_clean(t, Value::from_bits(kb), ot->entries[i].hash.load(std::memory_order_relaxed));
      }
    }
    t->fill = oused;
    s->size.store(oused, std::memory_order_release);
    version_of(s).fetch_add(1);
    return 0;
  }
  for (int64_t i = 0; i <= ot->mask; i++) {
    uint64_t kb = key_bits(ot->entries[i]);
    if (!kb || kb == kDummy) continue;
    Value k = Value::from_bits(kb);
    int64_t h = ot->entries[i].hash.load(std::memory_order_relaxed);
    SetTable* cur = s->table.load(std::memory_order_relaxed);
    int64_t slot;
    Probe p = lookkey(cur, k, h, false, &slot);
    if (p == Probe::Found) continue;
    if (p == Probe::NotFound) {
      add_at(s, cur, slot, k, h);
      continue;
    }
    // Python-level equality: finish this key outside the lock.
    s->lock.unlock();
    int r = add_entry(s, k, h);
    s->lock.lock();
    if (r < 0) return -1;
  }
  return 0;
}

}  // namespace

Set* set_new(Type* type) { return make_set(type); }

int set_add(Set* s, Value key) {
  int64_t h = hash(key);
  if (h == -1) return -1;
  return add_entry(s, key, h);
}

int set_contains(Set* s, Value key) {
  int64_t h = hash(key);
  if (h == -1) {
    // A set (unhashable) is looked up as the equivalent frozenset.
    if (error_matches(&exc::TypeError) && is_instance_of(key, &set_type)) {
      clear_error();
      Set* f = make_set(&frozenset_type);
      if (merge(f, key.as<Set>()) < 0) return -1;
      return set_contains(s, Value(f));
    }
    return -1;
  }
  return contains_entry(s, key, h);
}

int set_discard(Set* s, Value key) {
  int64_t h = hash(key);
  if (h == -1) {
    if (error_matches(&exc::TypeError) && is_instance_of(key, &set_type)) {
      clear_error();
      Set* f = make_set(&frozenset_type);
      if (merge(f, key.as<Set>()) < 0) return -1;
      return set_discard(s, Value(f));
    }
    return -1;
  }
  return discard_entry(s, key, h);
}

int set_update(Set* s, Value iterable) {
  if (is_anyset(iterable)) return merge(s, iterable.as<Set>());
  if (is_dict_exact(iterable)) {
    Dict* d = iterable.as<Dict>();
    int64_t n = dict_size(d);
    {
      LockGuard guard(s->lock);
      SetTable* t = table_for_write(s);
      if ((t->fill + n) * 5 >= t->mask * 3) resize(s, (s->size.load(std::memory_order_relaxed) + n) * 2);
    }
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr))
      if (set_add(s, k) < 0) return -1;
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  while (Value k = iter_next(it))
    if (set_add(s, k) < 0) return -1;
  return error_occurred() ? -1 : 0;
}

bool set_next(Set* s, int64_t* pos, Value* key) {
  SetTable* t = s->table.load(std::memory_order_acquire);
  if (!t) return false;
  for (int64_t i = *pos; i <= t->mask; i++) {
    uint64_t kb = key_bits(t->entries[i]);
    if (kb && kb != kDummy) {
      *key = Value::from_bits(kb);
      *pos = i + 1;
      return true;
    }
  }
  *pos = t->mask + 1;
  return false;
}

namespace {

struct SetIterator : Object {
  Set* set;
  SetTable* table;
  int64_t pos;
  int64_t initial_size;
  int64_t remaining;
};

bool is_frozen(Value v) { return is_instance_of(v, &frozenset_type); }

Set* as_set(Value v) { return v.as<Set>(); }

// A new set of the base type of `like` (set or frozenset) filled from iterable.
Value new_like(Value like, Value iterable) {
  Set* r = make_set(is_frozen(like) ? &frozenset_type : &set_type);
  if (iterable && set_update(r, iterable) < 0) return Value();
  return Value(r);
}

Value copy_of(Value self) { return new_like(self, self); }

// ------------------------------------------------------------------ construction

Value set_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &set_type && kwnames && kwnames->size) return raise(&exc::TypeError, "set() takes no keyword arguments");
  return Value(make_set(type));
}

int set_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size && type_of(self) == &set_type) {
    raise(&exc::TypeError, "set() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise(&exc::TypeError, "set expected at most 1 argument, got %zd", ssize_t(nargs));
    return -1;
  }
  Set* s = as_set(self);
  {
    LockGuard guard(s->lock);
    s->table.store(nullptr, std::memory_order_release);
    s->size.store(0, std::memory_order_release);
    version_of(s).fetch_add(1);
  }
  return nargs ? set_update(s, args[0]) : 0;
}

Set* empty_frozenset;

Value frozenset_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == &frozenset_type || type->init == frozenset_type.init) && kwnames && kwnames->size)
    return raise(&exc::TypeError, "frozenset() takes no keyword arguments");
  if (nargs > 1) return raise(&exc::TypeError, "%s expected at most 1 argument, got %zd", type_name(type), ssize_t(nargs));
  if (type == &frozenset_type && nargs == 1 && is_type(args[0], &frozenset_type)) return args[0];
  Set* s = make_set(type);
  if (nargs && set_update(s, args[0]) < 0) return Value();
  if (type == &frozenset_type && set_size(s) == 0) {
    if (!empty_frozenset) empty_frozenset = s;
    return Value(empty_frozenset);
  }
  return Value(s);
}

Value set_repr(Value self) {
  Set* s = as_set(self);
  Type* t = type_of(self);
  if (set_size(s) == 0) return Value(format_message("%U()", t->name));
  ReprGuard guard(self);
  if (guard.recursive()) return Value(format_message("%U(...)", t->name));
  StrBuilder b;
  if (t != &set_type) {
    b.append(t->name);
    b.append_ascii("({");
  } else {
    b.append('{');
  }
  int64_t pos = 0;
  Value k;
  bool first = true;
  while (set_next(s, &pos, &k)) {
    if (!first) b.append_ascii(", ");
    first = false;
    Value r = repr(k);
    if (!r) return Value();
    b.append(r.as<Str>());
  }
  b.append_ascii(t != &set_type ? "})" : "}");
  return Value(b.finish());
}

int64_t set_len(Value self) { return set_size(as_set(self)); }
int set_contains_slot(Value self, Value key) { return set_contains(as_set(self), key); }

Value set_iter(Value self) {
  auto* it = alloc_instance<SetIterator>(&set_iterator_type);
  it->set = as_set(self);
  it->pos = 0;
  it->initial_size = set_size(it->set);
  it->remaining = it->initial_size;
  return Value(it);
}

Value set_iter_next(Value self) {
  auto* it = self.as<SetIterator>();
  if (!it->set) return Value();
  if (set_size(it->set) != it->initial_size) {
    it->remaining = -1;
    return raise(&exc::RuntimeError, "Set changed size during iteration");
  }
  Value k;
  if (!set_next(it->set, &it->pos, &k)) {
    it->set = nullptr;
    return Value();
  }
  it->remaining--;
  return k;
}

Value iter_self(Value self) { return self; }
Value set_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  return Value::from_small_int(it->set && it->remaining > 0 ? it->remaining : 0);
}
Value set_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  auto* copy = alloc_instance<SetIterator>(&set_iterator_type);
  copy->set = it->set;
  copy->pos = it->pos;
  copy->initial_size = it->initial_size;
  copy->remaining = it->remaining;
  Value l = list_from_iterable(Value(copy));
  if (!l) return Value();
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({l}))}));
}
const MethodDef set_iter_methods[] = {{"__length_hint__", set_iter_length_hint, kMethodInstance, nullptr},
                                      {"__reduce__", set_iter_reduce, kMethodInstance, nullptr},
                                      {nullptr}};

// ------------------------------------------------------------------ algebra

Value intersection(Value so, Value other) {
  if (so == other) return copy_of(so);
  Set* result = make_set(is_frozen(so) ? &frozenset_type : &set_type);
  if (is_anyset(other)) {
    Value a = so, b = other;
    if (set_size(as_set(b)) > set_size(as_set(a))) std::swap(a, b);
    int64_t pos = 0;
    Value k;
    SetTable* t = as_set(b)->table.load(std::memory_order_acquire);
    while (set_next(as_set(b), &pos, &k)) {
      int64_t h = t->entries[pos - 1].hash.load(std::memory_order_relaxed);
      int r = contains_entry(as_set(a), k, h);
      if (r < 0) return Value();
      if (r && add_entry(result, k, h) < 0) return Value();
    }
    return Value(result);
  }
  Value it = get_iter(other);
  if (!it) return Value();
  while (Value k = iter_next(it)) {
    int64_t h = hash(k);
    if (h == -1) return Value();
    int r = contains_entry(as_set(so), k, h);
    if (r < 0) return Value();
    if (r && add_entry(result, k, h) < 0) return Value();
  }
  return error_occurred() ? Value() : Value(result);
}

int difference_update(Set* s, Value other) {
  if (Value(s) == other) {
    LockGuard guard(s->lock);
    s->table.store(nullptr, std::memory_order_release);
    s->size.store(0, std::memory_order_release);
    version_of(s).fetch_add(1);
    return 0;
  }
  if (is_anyset(other)) {
    int64_t pos = 0;
    Value k;
    while (set_next(as_set(other), &pos, &k))
      if (set_discard(s, k) < 0) return -1;
  } else {
    Value it = get_iter(other);
    if (!it) return -1;
    while (Value k = iter_next(it))
      if (set_discard(s, k) < 0) return -1;
    if (error_occurred()) return -1;
  }
  LockGuard guard(s->lock);
  SetTable* t = s->table.load(std::memory_order_relaxed);
  int64_t used = s->size.load(std::memory_order_relaxed);
  if (t && (t->fill - used) > t->mask / 4) resize(s, used > 50000 ? used * 2 : used * 4);
  return 0;
}

Value difference(Value so, Value other) {
  int64_t other_size;
  if (is_anyset(other)) other_size = set_size(as_set(other));
  else if (is_dict_exact(other)) other_size = dict_size(other.as<Dict>());
  else other_size = -1;
  if (other_size < 0 || (set_size(as_set(so)) >> 2) > other_size) {
    Value r = copy_of(so);
    if (!r || difference_update(as_set(r), other) < 0) return Value();
    return r;
  }
  Set* result = make_set(is_frozen(so) ? &frozenset_type : &set_type);
  int64_t pos = 0;
  Value k;
  SetTable* t = as_set(so)->table.load(std::memory_order_acquire);
  while (set_next(as_set(so), &pos, &k)) {
    int64_t h = t->entries[pos - 1].hash.load(std::memory_order_relaxed);
    int r;
    if (is_dict_exact(other)) {
      r = dict_get(other.as<Dict>(), k) ? 1 : (error_occurred() ? -1 : 0);
    } else {
      r = contains_entry(as_set(other), k, h);
    }
    if (r < 0) return Value();
    if (!r && add_entry(result, k, h) < 0) return Value();
  }
  return Value(result);
}

int symmetric_difference_update(Set* s, Value other) {
  if (Value(s) == other) {
    LockGuard guard(s->lock);
    s->table.store(nullptr, std::memory_order_release);
    s->size.store(0, std::memory_order_release);
    version_of(s).fetch_add(1);
    return 0;
  }
  Value otherset = is_anyset(other) ? other : new_like(Value(s), other);
  if (!otherset) return -1;
  int64_t pos = 0;
  Value k;
  SetTable* t = as_set(otherset)->table.load(std::memory_order_acquire);
  while (set_next(as_set(otherset), &pos, &k)) {
    int64_t h = t->entries[pos - 1].hash.load(std::memory_order_relaxed);
    int r = discard_entry(s, k, h);
    if (r < 0) return -1;
    if (r == 0 && add_entry(s, k, h) < 0) return -1;
  }
  return 0;
}

Value symmetric_difference(Value so, Value other) {
  Value r = new_like(so, other);
  if (!r || symmetric_difference_update(as_set(r), so) < 0) return Value();
  return r;
}

int issubset(Value a, Value b) {
  if (set_size(as_set(a)) > set_size(as_set(b))) return 0;
  int64_t pos = 0;
  Value k;
  while (set_next(as_set(a), &pos, &k)) {
    int r = set_contains(as_set(b), k);
    if (r <= 0) return r;
  }
  return 1;
}

// ------------------------------------------------------------------ operators

Value op_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  Value r = copy_of(a);
  if (!r || set_update(as_set(r), b) < 0) return Value();
  return r;
}
Value op_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return intersection(a, b);
}
Value op_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return difference(a, b);
}
Value op_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  return symmetric_difference(a, b);
}
Value op_ior(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (set_update(as_set(a), b) < 0) return Value();
  return a;
}
Value op_iand(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  Value r = intersection(a, b);
  if (!r) return Value();
  Set* s = as_set(a);
  LockGuard guard(s->lock);
  s->table.store(as_set(r)->table.load(std::memory_order_acquire), std::memory_order_release);
  s->size.store(set_size(as_set(r)), std::memory_order_release);
  version_of(s).fetch_add(1);
  return a;
}
Value op_isub(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (difference_update(as_set(a), b) < 0) return Value();
  return a;
}
Value op_ixor(Value a, Value b) {
  if (!is_anyset(b)) return NotImplemented();
  if (symmetric_difference_update(as_set(a), b) < 0) return Value();
  return a;
}

Value set_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b)) return NotImplemented();
  int64_t na = set_size(as_set(a)), nb = set_size(as_set(b));
  int r;
  switch (op) {
    case CompareOp::EQ:
    case CompareOp::NE:
      if (na != nb) return Bool(op == CompareOp::NE);
      if (is_frozen(a) && is_frozen(b)) {
        int64_t ha = as_set(a)->hash_cache.load(), hb = as_set(b)->hash_cache.load();
        if (ha != -1 && hb != -1 && ha != hb) return Bool(op == CompareOp::NE);
      }
      r = issubset(a, b);
      if (r < 0) return Value();
      return Bool(op == CompareOp::EQ ? r : !r);
    case CompareOp::LE:
      r = issubset(a, b);
      return r < 0 ? Value() : Bool(r);
    case CompareOp::GE:
      r = issubset(b, a);
      return r < 0 ? Value() : Bool(r);
    case CompareOp::LT:
      if (na >= nb) return False();
      r = issubset(a, b);
      return r < 0 ? Value() : Bool(r);
    case CompareOp::GT:
      if (na <= nb) return False();
      r = issubset(b, a);
      return r < 0 ? Value() : Bool(r);
  }
  return NotImplemented();
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int64_t frozenset_hash(Value self) {
  Set* s = as_set(self);
  int64_t cached = s->hash_cache.load(std::memory_order_relaxed);
  if (cached != -1) return cached;
  SetTable* t = s->table.load(std::memory_order_acquire);
  uint64_t h = 0;
  int64_t mask = t ? t->mask : kMinSize - 1;
  int64_t fill = t ? t->fill : 0;
  int64_t used = set_size(s);
  if (t) {
    for (int64_t i = 0; i <= t->mask; i++) {
      uint64_t kb = key_bits(t->entries[i]);
      uint64_t eh = kb == 0 ? 0 : kb == kDummy ? uint64_t(-1) : uint64_t(t->entries[i].hash.load(std::memory_order_relaxed));
      h ^= shuffle_bits(eh);
    }
  } else {
    for (int64_t i = 0; i <= mask; i++) h ^= shuffle_bits(0);
  }
  if ((mask + 1 - fill) & 1) h ^= shuffle_bits(0);
  if ((fill - used) & 1) h ^= shuffle_bits(uint64_t(-1));
  h ^= (uint64_t(used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == uint64_t(-1)) h = 590923713ull;
  s->hash_cache.store(int64_t(h), std::memory_order_relaxed);
  return int64_t(h);
}

// ------------------------------------------------------------------ methods

Value m_add(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("add", kw) || !check_nargs("add", nargs, 1, 1)) return Value();
  if (set_add(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_discard(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("discard", kw) || !check_nargs("discard", nargs, 1, 1)) return Value();
  if (set_discard(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("remove", kw) || !check_nargs("remove", nargs, 1, 1)) return Value();
  int r = set_discard(as_set(self), args[0]);
  if (r < 0) return Value();
  if (r == 0) {
    Value e = exception_new(&exc::KeyError, tuple_pack({args[0]}));
    return e ? raise_value(e) : Value();
  }
  return None();
}

Value m_pop(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 0, 0)) return Value();
  Set* s = as_set(self);
  LockGuard guard(s->lock);
  SetTable* t = s->table.load(std::memory_order_relaxed);
  if (!t || s->size.load(std::memory_order_relaxed) == 0) return raise(&exc::KeyError, "pop from an empty set");
  int64_t i = s->finger & t->mask;
  for (;;) {
    uint64_t kb = key_bits(t->entries[i]);
    if (kb && kb != kDummy) break;
    i = (i + 1) & t->mask;
  }
  Value k = Value::from_bits(key_bits(t->entries[i]));
  t->entries[i].key.store(kDummy, std::memory_order_release);
  t->entries[i].hash.store(-1, std::memory_order_relaxed);
  s->size.fetch_sub(1, std::memory_order_release);
  version_of(s).fetch_add(1);
  s->finger = i + 1;
  return k;
}

Value m_clear(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("clear", nargs, 0, 0)) return Value();
  Set* s = as_set(self);
  LockGuard guard(s->lock);
  s->table.store(nullptr, std::memory_order_release);
  s->size.store(0, std::memory_order_release);
  version_of(s).fetch_add(1);
  return None();
}

Value m_copy(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("copy", nargs, 0, 0)) return Value();
  if (is_type(self, &frozenset_type)) return self;
  return copy_of(self);
}

Value m_union(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("union", kw)) return Value();
  Value r = copy_of(self);
  if (!r) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (set_update(as_set(r), args[i]) < 0) return Value();
  return r;
}

Value m_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("update", kw)) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (set_update(as_set(self), args[i]) < 0) return Value();
  return None();
}

Value m_intersection(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("intersection", kw)) return Value();
  if (nargs == 0) return copy_of(self);
  Value r = self;
  for (size_t i = 0; i < nargs; i++) {
    r = intersection(r, args[i]);
    if (!r) return Value();
  }
  return r;
}

Value m_intersection_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value r = m_intersection(self, args, nargs, kw);
  if (!r) return Value();
  Set* s = as_set(self);
  LockGuard guard(s->lock);
  s->table.store(as_set(r)->table.load(std::memory_order_acquire), std::memory_order_release);
  s->size.store(set_size(as_set(r)), std::memory_order_release);
  version_of(s).fetch_add(1);
  return None();
}

Value m_difference(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("difference", kw)) return Value();
  if (nargs == 0) return copy_of(self);
  Value r = difference(self, args[0]);
  if (!r) return Value();
  for (size_t i = 1; i < nargs; i++)
    if (difference_update(as_set(r), args[i]) < 0) return Value();
  return r;
}

Value m_difference_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("difference_update", kw)) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (difference_update(as_set(self), args[i]) < 0) return Value();
  return None();
}

Value m_symmetric_difference(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("symmetric_difference", kw) || !check_nargs("symmetric_difference", nargs, 1, 1)) return Value();
  return symmetric_difference(self, args[0]);
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("symmetric_difference_update", kw) ||
      !check_nargs("symmetric_difference_update", nargs, 1, 1))
    return Value();
  if (symmetric_difference_update(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value as_set_arg(Value v) {
  if (is_anyset(v)) return v;
  Set* s = make_set(&set_type);
  if (set_update(s, v) < 0) return Value();
  return Value(s);
}

Value m_issubset(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("issubset", nargs, 1, 1)) return Value();
  Value o = as_set_arg(args[0]);
  if (!o) return Value();
  int r = issubset(self, o);
  return r < 0 ? Value() : Bool(r);
}

Value m_issuperset(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("issuperset", nargs, 1, 1)) return Value();
  Value o = as_set_arg(args[0]);
  if (!o) return Value();
  int r = issubset(o, self);
  return r < 0 ? Value() : Bool(r);
}

Value m_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("isdisjoint", nargs, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value k = iter_next(it)) {
    int r = set_contains(as_set(self), k);
    if (r < 0) return Value();
    if (r) return False();
  }
  return error_occurred() ? Value() : True();
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  Value l = list_from_iterable(self);
  if (!l) return Value();
  Value state = None();
  if (Dict* d = instance_dict(self, false)) state = Value(d);
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({l})), state}));
}

Value m_contains(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__contains__", nargs, 1, 1)) return Value();
  int r = set_contains(as_set(self), args[0]);
  return r < 0 ? Value() : Bool(r);
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  SetTable* t = as_set(self)->table.load(std::memory_order_relaxed);
  return int_from_i64(int64_t(sizeof(Set)) + (t ? (t->mask + 1) * int64_t(sizeof(SetEntry)) : 0));
}

Value m_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

const MethodDef set_methods[] = {
    {"add", m_add, kMethodInstance, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"discard", m_discard, kMethodInstance,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan "
     "exception when an element is missing from the set."},
    {"remove", m_remove, kMethodInstance, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"pop", m_pop, kMethodInstance, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"clear", m_clear, kMethodInstance, "Remove all elements from this set."},
    {"copy", m_copy, kMethodInstance, "Return a shallow copy of a set."},
    {"union", m_union, kMethodInstance, "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"update", m_update, kMethodInstance, "Update a set with the union of itself and others."},
    {"intersection", m_intersection, kMethodInstance, "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {"intersection_update", m_intersection_update, kMethodInstance, "Update a set with the intersection of itself and another."},
    {"difference", m_difference, kMethodInstance, "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"},
    {"difference_update", m_difference_update, kMethodInstance, "Remove all elements of another set from this set."},
    {"symmetric_difference", m_symmetric_difference, kMethodInstance, "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"},
    {"symmetric_difference_update", m_symmetric_difference_update, kMethodInstance, "Update a set with the symmetric difference of itself and another."},
    {"issubset", m_issubset, kMethodInstance, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, kMethodInstance, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, kMethodInstance, "Return True if two sets have a null intersection."},
    {"__reduce__", m_reduce, kMethodInstance, "Return state information for pickling."},
    {"__contains__", m_contains, kMethodInstance, "x.__contains__(y) <==> y in x."},
    {"__sizeof__", m_sizeof, kMethodInstance, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const MethodDef frozenset_methods[] = {
    {"copy", m_copy, kMethodInstance, "Return a shallow copy of a set."},
    {"union", m_union, kMethodInstance, "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"intersection", m_intersection, kMethodInstance, "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},
    {"difference", m_difference, kMethodInstance, "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"},
    {"symmetric_difference", m_symmetric_difference, kMethodInstance, "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"},
    {"issubset", m_issubset, kMethodInstance, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, kMethodInstance, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, kMethodInstance, "Return True if two sets have a null intersection."},
    {"__reduce__", m_reduce, kMethodInstance, "Return state information for pickling."},
    {"__contains__", m_contains, kMethodInstance, "x.__contains__(y) <==> y in x."},
    {"__sizeof__", m_sizeof, kMethodInstance, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

void common(Type* t) {
  t->instance_size = sizeof(Set);
  t->repr = set_repr;
  t->len = set_len;
  t->contains = set_contains_slot;
  t->iter = set_iter;
  t->richcompare = set_richcompare;
  t->nb[int(BinaryOp::Or)] = op_or;
  t->nb[int(BinaryOp::And)] = op_and;
  t->nb[int(BinaryOp::Sub)] = op_sub;
  t->nb[int(BinaryOp::Xor)] = op_xor;
}

}  // namespace

void init_set_types() {
  set_type.native_name = "set";
  set_type.flags = kTypeBaseType;
  common(&set_type);
  set_type.new_ = set_new_py;
  set_type.init = set_init_py;
  set_type.methods = set_methods;
  set_type.nb_inplace[int(BinaryOp::Or)] = op_ior;
  set_type.nb_inplace[int(BinaryOp::And)] = op_iand;
  set_type.nb_inplace[int(BinaryOp::Sub)] = op_isub;
  set_type.nb_inplace[int(BinaryOp::Xor)] = op_ixor;
  set_type.doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";

  frozenset_type.native_name = "frozenset";
  frozenset_type.flags = kTypeBaseType;
  common(&frozenset_type);
  frozenset_type.new_ = frozenset_new_py;
  frozenset_type.hash = frozenset_hash;
  frozenset_type.methods = frozenset_methods;
  frozenset_type.doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.";

  set_iterator_type.native_name = "set_iterator";
  set_iterator_type.instance_size = sizeof(SetIterator);
  set_iterator_type.iter = iter_self;
  set_iterator_type.next = set_iter_next;
  set_iterator_type.methods = set_iter_methods;
}

}  // namespace spindle
