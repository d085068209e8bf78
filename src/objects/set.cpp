// set and frozenset. The table follows CPython's setobject.c rules exactly
// (sizes, 9 linear probes then perturbation, dummies, resize thresholds, and
// the order in which every operation inserts), because iteration order -
// visible whenever a set is printed - depends on them.
//
// Concurrency: writers hold the set's lock; readers walk the current table
// without it. An entry's hash is stored before its key (release), and readers
// load the key (acquire) before the hash, so a reader that sees a key sees its
// hash. Tables are only ever replaced, never shrunk. A lookup that needs a
// Python-level __eq__ runs unlocked; the writer then re-probes under the lock
// treating the keys it already compared as unequal, and retries only when an
// entry it has not compared appeared on the probe path (so an __eq__ that
// keeps changing the set elsewhere cannot make it loop forever). Operations
// that walk another (mutable) set read a copy of its table taken under that
// set's lock, so they never see a key with another key's hash, and no thread
// ever holds two set locks at once.
#include <string>

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
inline bool is_live(uint64_t kb) { return kb && kb != kDummy; }

// Keys whose equality never runs Python code.
inline bool is_simple(Value v) {
  if (!v.is_object()) return true;
  Type* t = v.as_object()->type;
  return t == &str_type || t == &int_type || t == &none_type || t == &bool_type;
}

// Keys a lookup compared as unequal through Python-level __eq__. Kept in
// scanned memory (a stack buffer, then a collected array) so they stay alive
// and their addresses cannot be reused by other objects meanwhile.
class Compared {
 public:
  void add(uint64_t k) {
    if (n_ == cap_) {
      auto* bigger = gc::make_array<uint64_t>(size_t(cap_ * 2));
      for (int64_t i = 0; i < n_; i++) bigger[i] = items_[i];
      items_ = bigger;
      cap_ *= 2;
    }
    items_[n_++] = k;
  }
  bool has(uint64_t k) const {
    for (int64_t i = 0; i < n_; i++)
      if (items_[i] == k) return true;
    return false;
  }

 private:
  uint64_t inline_[8];
  uint64_t* items_ = inline_;
  int64_t n_ = 0, cap_ = 8;
};

enum class Probe { Found, NotFound, Error, NeedPython };

// How a lookup treats entries whose equality needs Python code.
struct LookupMode {
  Compared* run_python = nullptr;  // non-null: call __eq__ and record unequal keys here
  const Compared* known = nullptr; // without Python: these keys are known unequal
  uint64_t equal_key = 0;          // without Python: this key is known equal
};

// Finds key in t. *slot: the entry found, or where to insert (the last dummy
// on the path, else the empty entry that ended the search); *found_key: the
// key bits of the entry found.
Probe lookkey(SetTable* t, Value key, int64_t hash, const LookupMode& mode, int64_t* slot, uint64_t* found_key) {
  uint64_t mask = uint64_t(t->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  int64_t freeslot = -1;
  bool key_simple = is_simple(key);
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
        freeslot = int64_t(j);  // as in CPython, the last dummy on the path is reused
      } else if (e.hash.load(std::memory_order_relaxed) == hash) {
        Value k = Value::from_bits(kb);
        int eq;
        if (k == key) {
          eq = 1;
        } else if (key_simple && is_simple(k)) {
          eq = equals(k, key);
        } else if (mode.run_python) {
          eq = equals(k, key);
          if (eq == 0) mode.run_python->add(kb);
        } else if (kb == mode.equal_key) {
          eq = 1;
        } else if (mode.known && mode.known->has(kb)) {
          eq = 0;
        } else {
          return Probe::NeedPython;
        }
        if (eq < 0) return Probe::Error;
        if (eq) {
          *slot = int64_t(j);
          *found_key = kb;
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

// Inserts a key known to be absent into a table without dummies.
void insert_clean(SetTable* t, Value key, int64_t hash) {
  uint64_t mask = uint64_t(t->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    if (!key_bits(t->entries[i])) break;
    uint64_t j = i;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (int n = 0; n < kLinearProbes; n++) {
        if (!key_bits(t->entries[++j])) {
          found = true;
          break;
        }
      }
    }
    if (found) {
      i = j;
      break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  t->entries[i].hash.store(hash, std::memory_order_relaxed);
  t->entries[i].key.store(key.bits(), std::memory_order_release);
}

// Under the lock: a new table of the smallest size above minused.
void resize(Set* s, int64_t minused) {
  int64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  SetTable* old = s->table.load(std::memory_order_relaxed);
  SetTable* t = new_table(size);
  if (old) {
    for (int64_t i = 0; i <= old->mask; i++) {
      uint64_t kb = key_bits(old->entries[i]);
      if (is_live(kb)) insert_clean(t, Value::from_bits(kb), old->entries[i].hash.load(std::memory_order_relaxed));
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

// Under the lock: adds at a slot found by lookkey.
void add_at(Set* s, SetTable* t, int64_t slot, Value key, int64_t hash) {
  SetEntry& e = t->entries[slot];
  bool was_unused = key_bits(e) == 0;
  e.hash.store(hash, std::memory_order_relaxed);
  e.key.store(key.bits(), std::memory_order_release);
  s->size.fetch_add(1, std::memory_order_release);
  if (was_unused) {
    t->fill++;
    if (t->fill * 5 >= t->mask * 3) {
      int64_t used = s->size.load(std::memory_order_relaxed);
      resize(s, used > 50000 ? used * 2 : used * 4);
    }
  }
}

// Under the lock: empties the set.
void clear_locked(Set* s) {
  s->table.store(nullptr, std::memory_order_release);
  s->size.store(0, std::memory_order_release);
}

// Adds key with a known hash.
int add_entry(Set* s, Value key, int64_t hash) {
  Compared compared;
  LookupMode native{nullptr, &compared, 0}, python{&compared, nullptr, 0};
  for (;;) {
    int64_t slot;
    uint64_t found;
    {
      LockGuard guard(s->lock);
      SetTable* t = table_for_write(s);
      Probe p = lookkey(t, key, hash, native, &slot, &found);
      if (p == Probe::Found) return 0;
      if (p == Probe::NotFound) {
        add_at(s, t, slot, key, hash);
        return 0;
      }
    }
    SetTable* t = s->table.load(std::memory_order_acquire);
    if (!t) continue;
    Probe p = lookkey(t, key, hash, python, &slot, &found);
    if (p == Probe::Error) return -1;
    if (p == Probe::Found) return 0;
  }
}

int contains_entry(Set* s, Value key, int64_t hash) {
  SetTable* t = s->table.load(std::memory_order_acquire);
  if (!t) return 0;
  Compared compared;
  int64_t slot;
  uint64_t found;
  Probe p = lookkey(t, key, hash, LookupMode{&compared, nullptr, 0}, &slot, &found);
  if (p == Probe::Error) return -1;
  return p == Probe::Found;
}

// Removes key; 1 removed, 0 absent, -1 error.
int discard_entry(Set* s, Value key, int64_t hash) {
  Compared compared;
  Value equal_key;  // on the stack: stays alive while we look for it again
  for (;;) {
    int64_t slot;
    uint64_t found;
    {
      LockGuard guard(s->lock);
      SetTable* t = s->table.load(std::memory_order_relaxed);
      if (!t) return 0;
      Probe p = lookkey(t, key, hash, LookupMode{nullptr, &compared, equal_key.bits()}, &slot, &found);
      if (p == Probe::NotFound) return 0;
      if (p == Probe::Found) {
        SetEntry& e = t->entries[slot];
        e.key.store(kDummy, std::memory_order_release);
        e.hash.store(-1, std::memory_order_relaxed);
        s->size.fetch_sub(1, std::memory_order_release);
        return 1;
      }
    }
    SetTable* t = s->table.load(std::memory_order_acquire);
    if (!t) return 0;
    Probe p = lookkey(t, key, hash, LookupMode{&compared, nullptr, 0}, &slot, &found);
    if (p == Probe::Error) return -1;
    if (p == Probe::NotFound) return 0;
    equal_key = Value::from_bits(found);
  }
}

Set* make_set(Type* type) {
  Set* s = alloc_instance<Set>(type);
  new (&s->lock) Mutex();
  s->hash_cache.store(-1, std::memory_order_relaxed);
  s->finger = 0;
  return s;
}

bool is_frozen(Value v) { return is_instance_of(v, &frozenset_type); }
Set* as_set(Value v) { return v.as<Set>(); }

// A table of s to iterate with hashes: a frozenset's own (it never changes),
// else a copy taken under the lock. *used: its live entries.
SetTable* stable_table(Set* s, int64_t* used) {
  if (is_frozen(Value(s))) {
    *used = set_size(s);
    return s->table.load(std::memory_order_acquire);
  }
  LockGuard guard(s->lock);
  SetTable* t = s->table.load(std::memory_order_relaxed);
  *used = s->size.load(std::memory_order_relaxed);
  if (!t) return nullptr;
  SetTable* copy = new_table(t->mask + 1);
  copy->fill = t->fill;
  for (int64_t i = 0; i <= t->mask; i++) {
    copy->entries[i].hash.store(t->entries[i].hash.load(std::memory_order_relaxed), std::memory_order_relaxed);
    copy->entries[i].key.store(t->entries[i].key.load(std::memory_order_relaxed), std::memory_order_relaxed);
  }
  return copy;
}

// Live entries of a table, in table order.
bool next_entry(SetTable* t, int64_t* pos, Value* key, int64_t* hash) {
  if (!t) return false;
  for (int64_t i = *pos; i <= t->mask; i++) {
    uint64_t kb = key_bits(t->entries[i]);
    if (is_live(kb)) {
      *key = Value::from_bits(kb);
      *hash = t->entries[i].hash.load(std::memory_order_relaxed);
      *pos = i + 1;
      return true;
    }
  }
  *pos = t->mask + 1;
  return false;
}

// s |= other for a set or frozenset other (CPython's set_merge).
int merge(Set* s, Set* other) {
  if (s == other) return 0;
  int64_t oused;
  SetTable* ot = stable_table(other, &oused);
  if (!ot || oused == 0) return 0;
  LockGuard guard(s->lock);
  SetTable* t = table_for_write(s);
  int64_t used = s->size.load(std::memory_order_relaxed);
  // One big resize first, expecting few overlapping keys.
  if ((t->fill + oused) * 5 >= t->mask * 3) {
    resize(s, (used + oused) * 2);
    t = s->table.load(std::memory_order_relaxed);
  }
  if (t->fill == 0) {
    // An empty table: the keys are distinct, no comparisons needed.
    if (t->mask == ot->mask && ot->fill == oused) {
      for (int64_t i = 0; i <= ot->mask; i++) {
        uint64_t kb = key_bits(ot->entries[i]);
        if (!kb) continue;
        t->entries[i].hash.store(ot->entries[i].hash.load(std::memory_order_relaxed), std::memory_order_relaxed);
        t->entries[i].key.store(kb, std::memory_order_release);
      }
    } else {
      for (int64_t i = 0; i <= ot->mask; i++) {
        uint64_t kb = key_bits(ot->entries[i]);
        if (is_live(kb)) insert_clean(t, Value::from_bits(kb), ot->entries[i].hash.load(std::memory_order_relaxed));
      }
    }
    t->fill = oused;
    s->size.store(oused, std::memory_order_release);
    return 0;
  }
  int64_t pos = 0, h;
  Value k;
  while (next_entry(ot, &pos, &k, &h)) {
    SetTable* cur = table_for_write(s);  // a Python __eq__ below may have cleared s
    int64_t slot;
    uint64_t found;
    Probe p = lookkey(cur, k, h, LookupMode{}, &slot, &found);
    if (p == Probe::Found) continue;
    if (p == Probe::NotFound) {
      add_at(s, cur, slot, k, h);
      continue;
    }
    // Python-level equality: this key is added outside the lock.
    s->lock.unlock();
    int r = add_entry(s, k, h);
    s->lock.lock();
    if (r < 0) return -1;
  }
  return 0;
}

// hash(key), or for an unhashable set the hash of the equal frozenset (the
// lookup then uses *frozen instead of the set itself).
int64_t hash_for_lookup(Value key, Value* frozen) {
  *frozen = key;
  int64_t h = hash(key);
  if (h != -1 || !is_instance_of(key, &set_type) || !error_matches(&exc::TypeError)) return h;
  clear_error();
  Set* f = make_set(&frozenset_type);
  if (merge(f, as_set(key)) < 0) return -1;
  *frozen = Value(f);
  return hash(*frozen);
}

}  // namespace

Set* set_new(Type* type) { return make_set(type); }

int set_add(Set* s, Value key) {
  int64_t h = hash(key);
  if (h == -1) return -1;
  return add_entry(s, key, h);
}

int set_contains(Set* s, Value key) {
  Value k;
  int64_t h = hash_for_lookup(key, &k);
  if (h == -1) return -1;
  return contains_entry(s, k, h);
}

int set_discard(Set* s, Value key) {
  Value k;
  int64_t h = hash_for_lookup(key, &k);
  if (h == -1) return -1;
  return discard_entry(s, k, h);
}

int set_update(Set* s, Value iterable) {
  if (is_anyset(iterable)) return merge(s, as_set(iterable));
  if (is_dict_exact(iterable)) {
    Dict* d = iterable.as<Dict>();
    int64_t n = dict_size(d);
    {
      LockGuard guard(s->lock);
      SetTable* t = table_for_write(s);
      if ((t->fill + n) * 5 >= t->mask * 3) resize(s, (s->size.load(std::memory_order_relaxed) + n) * 2);
    }
    int64_t pos = 0, h;
    Value k;
    while (dict_next(d, &pos, &k, nullptr, &h))
      if (add_entry(s, k, h) < 0) return -1;
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  while (Value k = iter_next(it))
    if (set_add(s, k) < 0) return -1;
  return error_occurred() ? -1 : 0;
}

bool set_next(Set* s, int64_t* pos, Value* key) {
  int64_t h;
  return next_entry(s->table.load(std::memory_order_acquire), pos, key, &h);
}

namespace {

// Threads sharing one iterator take turns on step_lock, so each key is
// produced once (as under CPython's GIL).
struct SetIterator : Object {
  Mutex step_lock;
  Set* set;  // null when exhausted
  int64_t pos;
  int64_t initial_size;  // -1 once a size change was reported (it stays reported)
  int64_t remaining;
};

// A new set of the base type of `like` (set or frozenset) filled from iterable.
Value new_like(Value like, Value iterable) {
  Set* r = make_set(is_frozen(like) ? &frozenset_type : &set_type);
  if (iterable && set_update(r, iterable) < 0) return Value();
  return Value(r);
}

Value copy_of(Value self) { return new_like(self, self); }

// "set.add" or "frozenset.copy": method names in messages follow the base type.
std::string method_name(Value self, const char* name) {
  return std::string(is_frozen(self) ? "frozenset." : "set.") + name;
}

bool check_method_args(Value self, const char* name, size_t nargs, Tuple* kw, size_t n) {
  std::string full = method_name(self, name);
  return check_no_kwargs(full.c_str(), kw) && check_nargs(full.c_str(), nargs, n, n);
}

// ------------------------------------------------------------------ construction

Value set_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &set_type && kwnames && kwnames->size) return raise(&exc::TypeError, "set() takes no keyword arguments");
  return Value(make_set(type));
}

int set_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    raise(&exc::TypeError, "set() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise(&exc::TypeError, "%s expected at most 1 argument, got %zd", type_name(self), ssize_t(nargs));
    return -1;
  }
  Set* s = as_set(self);
  {
    LockGuard guard(s->lock);
    clear_locked(s);
  }
  return nargs ? set_update(s, args[0]) : 0;
}

Value frozenset_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == &frozenset_type || type->init == frozenset_type.init) && kwnames && kwnames->size)
    return raise(&exc::TypeError, "frozenset() takes no keyword arguments");
  if (nargs > 1) return raise(&exc::TypeError, "%s expected at most 1 argument, got %zd", type_name(type), ssize_t(nargs));
  if (type == &frozenset_type && nargs == 1 && is_type(args[0], &frozenset_type)) return args[0];
  Set* s = make_set(type);
  if (nargs && set_update(s, args[0]) < 0) return Value();
  return Value(s);
}

Value set_repr(Value self) {
  Set* s = as_set(self);
  Type* t = type_of(self);
  ReprGuard guard(self);
  if (guard.recursive()) return Value(format_message("%s(...)", type_name(t)));
  if (set_size(s) == 0) return Value(format_message("%s()", type_name(t)));
  StrBuilder b;
  if (t != &set_type) {
    b.append_utf8(type_name(t));
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

// ------------------------------------------------------------------ iteration

Value set_iter(Value self) {
  auto* it = alloc_instance<SetIterator>(&set_iterator_type);
  new (&it->step_lock) Mutex();
  it->set = as_set(self);
  it->pos = 0;
  it->initial_size = set_size(it->set);
  it->remaining = it->initial_size;
  return Value(it);
}

Value set_iter_next(Value self) {
  auto* it = self.as<SetIterator>();
  LockGuard guard(it->step_lock);
  Set* s = it->set;
  if (!s) return Value();
  if (set_size(s) != it->initial_size) {
    it->initial_size = -1;
    return raise(&exc::RuntimeError, "Set changed size during iteration");
  }
  Value k;
  if (!set_next(s, &it->pos, &k)) {
    it->set = nullptr;
    return Value();
  }
  it->remaining--;
  return k;
}

Value iter_self(Value self) { return self; }

Value set_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  Set* s = it->set;
  bool live = s && set_size(s) == it->initial_size;
  return Value::from_small_int(live && it->remaining > 0 ? it->remaining : 0);
}

Value set_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  auto* copy = alloc_instance<SetIterator>(&set_iterator_type);
  new (&copy->step_lock) Mutex();
  {
    LockGuard guard(it->step_lock);
    copy->set = it->set;
    copy->pos = it->pos;
    copy->initial_size = it->initial_size;
    copy->remaining = it->remaining;
  }
  Value l = list_from_iterable(Value(copy));
  if (!l) return Value();
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({l}))}));
}

const MethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", set_iter_reduce, kMethodInstance, "Return state information for pickling."},
    {nullptr}};

// ------------------------------------------------------------------ algebra

Value intersection(Value so, Value other) {
  if (so == other) return copy_of(so);
  Set* result = make_set(is_frozen(so) ? &frozenset_type : &set_type);
  if (is_anyset(other)) {
    // Walk the smaller set, look up in the bigger one.
    Value big = so, small = other;
    if (set_size(as_set(small)) > set_size(as_set(big))) std::swap(big, small);
    int64_t used;
    SetTable* t = stable_table(as_set(small), &used);
    int64_t pos = 0, h;
    Value k;
    while (next_entry(t, &pos, &k, &h)) {
      int r = contains_entry(as_set(big), k, h);
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
    if (r) {
      if (add_entry(result, k, h) < 0) return Value();
      if (set_size(result) >= set_size(as_set(so))) break;
    }
  }
  return error_occurred() ? Value() : Value(result);
}

// Under the lock: drops the dummies when they are more than a quarter of the table.
void compact_after_removals(Set* s) {
  LockGuard guard(s->lock);
  SetTable* t = s->table.load(std::memory_order_relaxed);
  int64_t used = s->size.load(std::memory_order_relaxed);
  if (t && (t->fill - used) > t->mask / 4) resize(s, used > 50000 ? used * 2 : used * 4);
}

int difference_update(Set* s, Value other) {
  if (Value(s) == other) {
    LockGuard guard(s->lock);
    clear_locked(s);
    return 0;
  }
  if (is_anyset(other)) {
    Value o = other;
    // A much bigger other set: only the common keys matter.
    if ((set_size(as_set(other)) >> 3) > set_size(s)) {
      o = intersection(Value(s), other);
      if (!o) return -1;
    }
    int64_t used;
    SetTable* t = stable_table(as_set(o), &used);
    int64_t pos = 0, h;
    Value k;
    while (next_entry(t, &pos, &k, &h))
      if (discard_entry(s, k, h) < 0) return -1;
  } else {
    Value it = get_iter(other);
    if (!it) return -1;
    while (Value k = iter_next(it)) {
      int64_t h = hash(k);
      if (h == -1 || discard_entry(s, k, h) < 0) return -1;
    }
    if (error_occurred()) return -1;
  }
  compact_after_removals(s);
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
  int64_t used;
  SetTable* t = stable_table(as_set(so), &used);
  int64_t pos = 0, h;
  Value k;
  while (next_entry(t, &pos, &k, &h)) {
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

// Each key of the other side is removed when present, else added.
int toggle(Set* s, Value k, int64_t h) {
  int r = discard_entry(s, k, h);
  if (r < 0) return -1;
  return r ? 0 : add_entry(s, k, h);
}

int symmetric_difference_update(Set* s, Value other) {
  if (Value(s) == other) {
    LockGuard guard(s->lock);
    clear_locked(s);
    return 0;
  }
  int64_t pos = 0, h;
  Value k;
  if (is_dict_exact(other)) {
    while (dict_next(other.as<Dict>(), &pos, &k, nullptr, &h))
      if (toggle(s, k, h) < 0) return -1;
    return 0;
  }
  Value otherset = is_anyset(other) ? other : new_like(Value(s), other);
  if (!otherset) return -1;
  int64_t used;
  SetTable* t = stable_table(as_set(otherset), &used);
  while (next_entry(t, &pos, &k, &h))
    if (toggle(s, k, h) < 0) return -1;
  return 0;
}

Value symmetric_difference(Value so, Value other) {
  Value r = new_like(so, other);
  if (!r || symmetric_difference_update(as_set(r), so) < 0) return Value();
  return r;
}

int issubset(Value a, Value b) {
  if (!is_anyset(b)) {
    Value common = intersection(a, b);
    if (!common) return -1;
    return set_size(as_set(common)) == set_size(as_set(a));
  }
  if (set_size(as_set(a)) > set_size(as_set(b))) return 0;
  int64_t used;
  SetTable* t = stable_table(as_set(a), &used);
  int64_t pos = 0, h;
  Value k;
  while (next_entry(t, &pos, &k, &h)) {
    int r = contains_entry(as_set(b), k, h);
    if (r <= 0) return r;
  }
  return 1;
}

int issuperset(Value a, Value b) {
  if (is_anyset(b)) return issubset(b, a);
  Value it = get_iter(b);
  if (!it) return -1;
  while (Value k = iter_next(it)) {
    int64_t h = hash(k);
    if (h == -1) return -1;
    int r = contains_entry(as_set(a), k, h);
    if (r <= 0) return r;
  }
  return error_occurred() ? -1 : 1;
}

// Replaces the contents of s by those of the private set r.
void take_contents(Set* s, Set* r) {
  LockGuard guard(s->lock);
  s->table.store(r->table.load(std::memory_order_relaxed), std::memory_order_release);
  s->size.store(set_size(r), std::memory_order_release);
}

// ------------------------------------------------------------------ operators

Value op_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  Value r = copy_of(a);
  if (!r || a == b) return r;
  if (set_update(as_set(r), b) < 0) return Value();
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
  take_contents(as_set(a), as_set(r));
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
    case CompareOp::NE: {
      if (na != nb) return Bool(op == CompareOp::NE);
      int64_t ha = as_set(a)->hash_cache.load(), hb = as_set(b)->hash_cache.load();
      if (ha != -1 && hb != -1 && ha != hb) return Bool(op == CompareOp::NE);
      r = issubset(a, b);
      if (r < 0) return Value();
      return Bool(op == CompareOp::EQ ? r : !r);
    }
    case CompareOp::LE:
      r = issubset(a, b);
      break;
    case CompareOp::GE:
      r = issuperset(a, b);
      break;
    case CompareOp::LT:
      if (na >= nb) return False();
      r = issubset(a, b);
      break;
    case CompareOp::GT:
      if (na <= nb) return False();
      r = issuperset(a, b);
      break;
    default:
      return NotImplemented();
  }
  return r < 0 ? Value() : Bool(r);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

// CPython's frozenset hash: order-independent, over the whole table.
int64_t frozenset_hash(Value self) {
  Set* s = as_set(self);
  int64_t cached = s->hash_cache.load(std::memory_order_relaxed);
  if (cached != -1) return cached;
  SetTable* t = s->table.load(std::memory_order_acquire);
  uint64_t h = 0;
  int64_t mask = t ? t->mask : kMinSize - 1;
  int64_t fill = t ? t->fill : 0;
  int64_t used = set_size(s);
  for (int64_t i = 0; i <= mask; i++) {
    uint64_t kb = t ? key_bits(t->entries[i]) : 0;
    uint64_t eh = kb == 0 ? 0 : kb == kDummy ? uint64_t(-1) : uint64_t(t->entries[i].hash.load(std::memory_order_relaxed));
    h ^= shuffle_bits(eh);
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
  if (!check_method_args(self, "add", nargs, kw, 1)) return Value();
  if (set_add(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_discard(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "discard", nargs, kw, 1)) return Value();
  if (set_discard(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "remove", nargs, kw, 1)) return Value();
  int r = set_discard(as_set(self), args[0]);
  if (r < 0) return Value();
  if (r == 0) {
    Value e = exception_new(&exc::KeyError, tuple_pack({args[0]}));
    return e ? raise_value(e) : Value();
  }
  return None();
}

Value m_pop(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "pop", nargs, kw, 0)) return Value();
  Set* s = as_set(self);
  LockGuard guard(s->lock);
  SetTable* t = s->table.load(std::memory_order_relaxed);
  if (!t || s->size.load(std::memory_order_relaxed) == 0) return raise(&exc::KeyError, "pop from an empty set");
  int64_t i = s->finger & t->mask;
  while (!is_live(key_bits(t->entries[i]))) i = (i + 1) & t->mask;
  Value k = Value::from_bits(key_bits(t->entries[i]));
  t->entries[i].key.store(kDummy, std::memory_order_release);
  t->entries[i].hash.store(-1, std::memory_order_relaxed);
  s->size.fetch_sub(1, std::memory_order_release);
  s->finger = i + 1;
  return k;
}

Value m_clear(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "clear", nargs, kw, 0)) return Value();
  Set* s = as_set(self);
  LockGuard guard(s->lock);
  clear_locked(s);
  return None();
}

Value m_copy(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "copy", nargs, kw, 0)) return Value();
  if (is_type(self, &frozenset_type)) return self;
  return copy_of(self);
}

Value m_union(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("union", kw)) return Value();
  Value r = copy_of(self);
  if (!r) return Value();
  for (size_t i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (set_update(as_set(r), args[i]) < 0) return Value();
  }
  return r;
}

Value m_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("update", kw)) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (set_update(as_set(self), args[i]) < 0) return Value();
  return None();
}

Value intersection_multi(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return copy_of(self);
  Value r = self;
  for (size_t i = 0; i < nargs && r; i++) r = intersection(r, args[i]);
  return r;
}

Value m_intersection(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("intersection", kw)) return Value();
  return intersection_multi(self, args, nargs);
}

Value m_intersection_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("intersection_update", kw)) return Value();
  Value r = intersection_multi(self, args, nargs);
  if (!r) return Value();
  take_contents(as_set(self), as_set(r));
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
  if (!check_method_args(self, "symmetric_difference", nargs, kw, 1)) return Value();
  return symmetric_difference(self, args[0]);
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "symmetric_difference_update", nargs, kw, 1)) return Value();
  if (symmetric_difference_update(as_set(self), args[0]) < 0) return Value();
  return None();
}

Value m_issubset(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "issubset", nargs, kw, 1)) return Value();
  int r = issubset(self, args[0]);
  return r < 0 ? Value() : Bool(r);
}

Value m_issuperset(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "issuperset", nargs, kw, 1)) return Value();
  int r = issuperset(self, args[0]);
  return r < 0 ? Value() : Bool(r);
}

Value m_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "isdisjoint", nargs, kw, 1)) return Value();
  Value other = args[0];
  if (other == self) return Bool(set_size(as_set(self)) == 0);
  if (is_type(other, &set_type) || is_type(other, &frozenset_type)) {
    Value big = self, small = other;
    if (set_size(as_set(small)) > set_size(as_set(big))) std::swap(big, small);
    int64_t used;
    SetTable* t = stable_table(as_set(small), &used);
    int64_t pos = 0, h;
    Value k;
    while (next_entry(t, &pos, &k, &h)) {
      int r = contains_entry(as_set(big), k, h);
      if (r < 0) return Value();
      if (r) return False();
    }
    return True();
  }
  Value it = get_iter(other);
  if (!it) return Value();
  while (Value k = iter_next(it)) {
    int64_t h = hash(k);
    if (h == -1) return Value();
    int r = contains_entry(as_set(self), k, h);
    if (r < 0) return Value();
    if (r) return False();
  }
  return error_occurred() ? Value() : True();
}

Value m_reduce(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "__reduce__", nargs, kw, 0)) return Value();
  Value l = list_from_iterable(self);
  if (!l) return Value();
  Value state = None();
  if (Dict* d = instance_dict(self, false)) state = Value(d);
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({l})), state}));
}

Value m_contains(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "__contains__", nargs, kw, 1)) return Value();
  int r = set_contains(as_set(self), args[0]);
  return r < 0 ? Value() : Bool(r);
}

// As CPython reports it: the object with its 8 inline entries, plus the table
// when it outgrew them.
Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_method_args(self, "__sizeof__", nargs, kw, 0)) return Value();
  SetTable* t = as_set(self)->table.load(std::memory_order_relaxed);
  int64_t size = 200;
  if (t && t->mask + 1 > kMinSize) size += (t->mask + 1) * 16;
  return int_from_i64(size);
}

Value m_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

#define SPINDLE_SET_READ_METHODS                                                                                     \
  {"copy", m_copy, kMethodInstance, "Return a shallow copy of a set."},                                              \
      {"union", m_union, kMethodInstance, "Return the union of sets as a new set.\n\n(i.e. all elements that are in " \
                                          "either set.)"},                                                           \
      {"intersection", m_intersection, kMethodInstance,                                                              \
       "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"},           \
      {"difference", m_difference, kMethodInstance,                                                                  \
       "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not " \
       "the others.)"},                                                                                              \
      {"symmetric_difference", m_symmetric_difference, kMethodInstance,                                              \
       "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of " \
       "the sets.)"},                                                                                                \
      {"issubset", m_issubset, kMethodInstance, "Report whether another set contains this set."},                    \
      {"issuperset", m_issuperset, kMethodInstance, "Report whether this set contains another set."},                \
      {"isdisjoint", m_isdisjoint, kMethodInstance, "Return True if two sets have a null intersection."},            \
      {"__reduce__", m_reduce, kMethodInstance, "Return state information for pickling."},                           \
      {"__contains__", m_contains, kMethodInstance, "x.__contains__(y) <==> y in x."},                               \
      {"__sizeof__", m_sizeof, kMethodInstance, "S.__sizeof__() -> size of S in memory, in bytes"},                  \
      {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},

const MethodDef set_methods[] = {
    {"add", m_add, kMethodInstance, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"discard", m_discard, kMethodInstance,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan "
     "exception when an element is missing from the set."},
    {"remove", m_remove, kMethodInstance,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"pop", m_pop, kMethodInstance, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"clear", m_clear, kMethodInstance, "Remove all elements from this set."},
    {"update", m_update, kMethodInstance, "Update a set with the union of itself and others."},
    {"intersection_update", m_intersection_update, kMethodInstance,
     "Update a set with the intersection of itself and another."},
    {"difference_update", m_difference_update, kMethodInstance, "Remove all elements of another set from this set."},
    {"symmetric_difference_update", m_symmetric_difference_update, kMethodInstance,
     "Update a set with the symmetric difference of itself and another."},
    SPINDLE_SET_READ_METHODS{nullptr}};

const MethodDef frozenset_methods[] = {SPINDLE_SET_READ_METHODS{nullptr}};

#undef SPINDLE_SET_READ_METHODS

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
