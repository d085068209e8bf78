// type: readying native types, creating classes (type.__new__), the MRO,
// attribute lookup along the MRO with a global method cache keyed by version
// tags, and the Python-visible attributes of types.
#include <vector>
#include <algorithm>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace spindle {

Type type_type, object_type;

namespace {

Mutex type_lock;  // type creation and subclass lists; never on a hot path
std::atomic<uint32_t> next_version{1};

// ---- subclass lists: weak links to direct subclasses ----

struct SubclassList {
  int64_t count;
  int64_t capacity;
  void* links[];  // NOLINT: cleared by the collector when a subclass dies
};

void add_subclass(Type* base, Type* sub) {
  LockGuard guard(type_lock);
  auto* l = static_cast<SubclassList*>(base->subclasses);
  if (!l || l->count == l->capacity) {
    int64_t cap = l ? l->capacity * 2 : 4;
    // Atomic (unscanned) memory: the links must not keep subclasses alive.
    auto* n = static_cast<SubclassList*>(gc::alloc_atomic(sizeof(SubclassList) + sizeof(void*) * size_t(cap)));
    n->count = 0;
    n->capacity = cap;
    if (l) {
      for (int64_t i = 0; i < l->count; i++) {
        void* sub_type = l->links[i];
        if (!sub_type) continue;
        if (static_cast<Type*>(sub_type)->flags & kTypeHeap) {
          gc::register_weak_link(&n->links[n->count], sub_type);
          gc::unregister_weak_link(&l->links[i]);
        } else {
          n->links[n->count] = sub_type;
        }
        n->count++;
      }
    }
    l = n;
    // The list itself is reachable only from the type: keep it alive by a
    // pointer the collector scans (base->subclasses is in scanned memory).
    base->subclasses = l;
  }
  // Native types are static and immortal; only classes can die.
  if (sub->flags & kTypeHeap) gc::register_weak_link(&l->links[l->count], sub);
  else l->links[l->count] = sub;
  l->count++;
}

void remove_subclass(Type* base, Type* sub) {
  LockGuard guard(type_lock);
  auto* l = static_cast<SubclassList*>(base->subclasses);
  if (!l) return;
  for (int64_t i = 0; i < l->count; i++) {
    if (l->links[i] != sub) continue;
    if (sub->flags & kTypeHeap) gc::unregister_weak_link(&l->links[i]);
    l->links[i] = nullptr;
  }
}

template <class F>
void for_each_subclass(Type* t, F f) {
  auto* l = static_cast<SubclassList*>(t->subclasses);
  if (!l) return;
  for (int64_t i = 0; i < l->count; i++)
    if (void* p = l->links[i]) f(static_cast<Type*>(p));
}

// ---- the method cache: (version tag, name) -> attribute ----

struct CacheEntry {
  uint32_t version;
  Str* name;
  Value value;  // null: known absent
};
constexpr size_t kCacheSize = 4096;
std::atomic<CacheEntry*> method_cache[kCacheSize];

inline size_t cache_index(uint32_t version, Str* name) {
  return (size_t(version) * 2654435761u ^ (reinterpret_cast<uintptr_t>(name) >> 4)) & (kCacheSize - 1);
}

Value lookup_uncached(Type* type, Str* name) {
  Tuple* mro = type->mro;
  if (!mro) return type->dict ? dict_get_str(type->dict, name) : Value();
  for (int64_t i = 0; i < mro->size; i++) {
    Type* base = mro->items[i].as<Type>();
    if (!base->dict) continue;
    if (Value v = dict_get_str(base->dict, name)) return v;
  }
  return Value();
}

}  // namespace

uint32_t type_version(Type* t) {
  uint32_t v = t->version.load(std::memory_order_acquire);
  if (v) return v;
  uint32_t fresh = next_version.fetch_add(1, std::memory_order_relaxed);
  if (fresh == 0) return 0;  // exhausted: this type is never cached
  uint32_t expected = 0;
  if (t->version.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
  return expected;
}

Value type_lookup(Type* type, Str* name) {
  if (!name->interned.load(std::memory_order_relaxed)) return lookup_uncached(type, name);
  uint32_t version = type_version(type);
  if (!version) return lookup_uncached(type, name);
  size_t idx = cache_index(version, name);
  CacheEntry* e = method_cache[idx].load(std::memory_order_acquire);
  if (e && e->version == version && e->name == name) return e->value;
  Value v = lookup_uncached(type, name);
  // Only publish if the type did not change while we looked.
  if (type->version.load(std::memory_order_acquire) == version) {
    auto* n = gc::make<CacheEntry>();
    n->version = version;
    n->name = name;
    n->value = v;
    method_cache[idx].store(n, std::memory_order_release);
  }
  return v;
}

void type_modified(Type* t, Str* changed_name) {
  t->version.store(0, std::memory_order_release);
  bool is_dunder = changed_name && changed_name->length > 4 && changed_name->at(0) == '_' && changed_name->at(1) == '_';
  if (is_dunder && (t->flags & kTypeHeap)) fixup_slots(t);
  for_each_subclass(t, [&](Type* sub) { type_modified(sub, changed_name); });
}

Value type_subclasses(Type* t) {
  List* out = list_new();
  for_each_subclass(t, [&](Type* sub) { list_append(out, Value(sub)); });
  return Value(out);
}

bool is_subtype(const Type* a, const Type* b) {
  if (a == b) return true;
  Tuple* mro = a->mro;
  if (!mro) {
    for (const Type* t = a; t; t = t->base)
      if (t == b) return true;
    return false;
  }
  for (int64_t i = 0; i < mro->size; i++)
    if (mro->items[i].as<Type>() == b) return true;
  return false;
}

const char* type_name(const Type* t) {
  // Native types are named as CPython's tp_name: with their module ("collections.deque").
  if (!(t->flags & kTypeHeap) && t->native_name) return t->native_name;
  if (t->name) {
    // ASCII str data is NUL-terminated UTF-8 already; other names get a
    // collected copy. (Callers often take two names for one message, so a
    // shared buffer would not do.)
    if (t->name->ascii && !t->name->in_buffer) return static_cast<const char*>(t->name->data_ptr);
    std::string utf8 = str_to_utf8(t->name);
    auto* copy = static_cast<char*>(gc::alloc_atomic(utf8.size() + 1));
    std::memcpy(copy, utf8.c_str(), utf8.size() + 1);
    return copy;
  }
  const char* n = t->native_name ? t->native_name : "?";
  const char* dot = std::strrchr(n, '.');
  return dot ? dot + 1 : n;
}

// ------------------------------------------------------------------ readying native types

namespace {

extern const GetSetDef kInstanceDictGetSet[];
void add_getset(Type* t, const GetSetDef* def);

constexpr uint32_t kInheritedFlags = kTypeIsException | kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                     kTypeListSubclass | kTypeDictSubclass | kTypeTypeSubclass | kTypeFloatSubclass |
                                     kTypeBytesSubclass | kTypeSequence | kTypeMapping | kTypeHasFinalizer;

void inherit_slots(Type* t, const Type* b) {
#define INHERIT(f) \
  if (!t->f) t->f = b->f;
  INHERIT(repr) INHERIT(str) INHERIT(getattr) INHERIT(setattr) INHERIT(call) INHERIT(iter) INHERIT(next)
  INHERIT(descr_get) INHERIT(descr_set) INHERIT(init) INHERIT(pow3) INHERIT(neg) INHERIT(pos)
  INHERIT(invert) INHERIT(abs) INHERIT(index) INHERIT(int_) INHERIT(float_) INHERIT(bool_) INHERIT(len)
  INHERIT(getitem) INHERIT(setitem) INHERIT(contains) INHERIT(finalize)
#undef INHERIT
  if (!t->new_ && !(t->flags & kTypeDisallowInstantiation)) t->new_ = b->new_;
  // Equality and hashing travel together: a type that defines one of them
  // does not inherit the other.
  if (!t->richcompare && !t->hash) {
    t->richcompare = b->richcompare;
    t->hash = b->hash;
  }
  for (int i = 0; i < kNumBinaryOps; i++) {
    if (!t->nb[i]) t->nb[i] = b->nb[i];
    if (!t->nb_inplace[i]) t->nb_inplace[i] = b->nb_inplace[i];
  }
}

Str* short_name(const char* native) {
  const char* dot = std::strrchr(native, '.');
  return intern_cstr(dot ? dot + 1 : native);
}

}  // namespace

void type_ready(Type* t) {
  if (t->flags & kTypeReady) return;
  if (!t->type) t->type = &type_type;
  if (!t->base && t != &object_type) t->base = &object_type;
  if (t->base) type_ready(t->base);
  if (!t->name) t->name = short_name(t->native_name);
  if (!t->qualname) t->qualname = t->name;
  if (!t->bases) t->bases = t->base ? tuple_pack({Value(t->base)}) : tuple_empty();
  if (!t->mro) {
    int64_t n = t->base ? t->base->mro->size : 0;
    Tuple* mro = tuple_new(n + 1);
    mro->items[0] = Value(t);
    for (int64_t i = 0; i < n; i++) mro->items[i + 1] = t->base->mro->items[i];
    t->mro = mro;
  }
  if (!t->dict) t->dict = dict_new();
  if (t->base) t->flags |= t->base->flags & kInheritedFlags;
  if (!(t->flags & kTypeHeap)) t->flags |= kTypeImmutable;
  if (t->instance_size < sizeof(Object)) t->instance_size = sizeof(Object);
  if (t->base && t->instance_size < t->base->instance_size) t->instance_size = t->base->instance_size;
  if (t->base && !t->dict_offset) t->dict_offset = t->base->dict_offset;

  for (const MethodDef* m = t->methods; m && m->name; m++) {
    Value descr;
    if (m->flags & kMethodStatic) {
      auto* sm = alloc_instance<StaticMethod>(&staticmethod_type);
      sm->func = builtin_function_new(m, Value(), Value());
      descr = Value(sm);
    } else if (m->flags & kMethodClass) {
      auto* d = alloc_instance<MethodDescriptor>(&classmethod_descriptor_type);
      d->def = m;
      d->owner = t;
      descr = Value(d);
    } else {
      auto* d = alloc_instance<MethodDescriptor>(&method_descriptor_type);
      d->def = m;
      d->owner = t;
      descr = Value(d);
    }
    dict_set_str(t->dict, intern_cstr(m->name), descr);
  }
  for (const GetSetDef* g = t->getsets; g && g->name; g++) {
    auto* d = alloc_instance<GetSetDescriptor>(&getset_descriptor_type);
    d->def = g;
    d->owner = t;
    dict_set_str(t->dict, intern_cstr(g->name), Value(d));
  }
  for (const MemberDef* m = t->members; m && m->name; m++) {
    auto* d = alloc_instance<MemberDescriptor>(&member_descriptor_type);
    d->name = intern_cstr(m->name);
    d->owner = t;
    d->kind = m->kind;
    d->offset = m->offset;
    d->doc = m->doc ? Value(str_from_utf8(m->doc, std::strlen(m->doc))) : None();
    dict_set_str(t->dict, d->name, Value(d));
  }
  add_slot_wrappers(t);
  // Native types whose instances carry a dict expose it, unless they define their own __dict__.
  if (t->dict_offset && (!t->base || !t->base->dict_offset) && !dict_get_str(t->dict, names::__dict__))
    add_getset(t, kInstanceDictGetSet);
  // A type that defines equality but not hashing is unhashable, also for its subclasses.
  if (t->richcompare && !t->hash && (!t->base || t->base->richcompare != t->richcompare) &&
      !dict_get_str(t->dict, names::__hash__))
    dict_set_str(t->dict, names::__hash__, None());
  if (!dict_get_str(t->dict, names::__doc__))
    dict_set_str(t->dict, names::__doc__, t->doc ? Value(str_from_utf8(t->doc, std::strlen(t->doc))) : None());
  // Native types directly below object that define no __new__ cannot be
  // instantiated from Python (function, method-wrapper, iterators...).
  if (!t->new_ && t->base == &object_type && !(t->flags & kTypeHeap)) t->flags |= kTypeDisallowInstantiation;
  if (t->base) inherit_slots(t, t->base);
  t->flags |= kTypeReady;
  if (t->base) add_subclass(t->base, t);
}

// ------------------------------------------------------------------ MRO

namespace {

bool in_tail(Value cand, const std::vector<std::vector<Value>>& seqs) {
  for (auto& s : seqs)
    for (size_t i = 1; i < s.size(); i++)
      if (s[i] == cand) return true;
  return false;
}

// C3 linearisation of the bases' MROs. Values in the malloc-heap vectors are
// also held by the bases' MRO tuples, which the caller keeps alive.
Tuple* c3_merge(Type* t, Tuple* bases) {
  std::vector<std::vector<Value>> seqs;
  for (int64_t i = 0; i < bases->size; i++) {
    Type* base = bases->items[i].as<Type>();
    Tuple* m = base->mro;
    if (!m) {  // a base whose own mro() is still running
      raise(&exc::TypeError, "Cannot extend an incomplete type '%U'", base->name);
      return nullptr;
    }
    seqs.emplace_back(m->items, m->items + m->size);
  }
  seqs.emplace_back(bases->items, bases->items + bases->size);
  std::vector<Value> result{Value(t)};
  for (;;) {
    bool any = false;
    for (auto& s : seqs)
      if (!s.empty()) any = true;
    if (!any) break;
    Value cand;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      if (!in_tail(s[0], seqs)) {
        cand = s[0];
        break;
      }
    }
    if (!cand) {
      StrBuilder b;
      bool first = true;
      for (auto& s : seqs) {
        if (s.empty() || &s == &seqs.back()) continue;
        if (!first) b.append_ascii(", ");
        first = false;
        b.append(s[0].as<Type>()->name);
      }
      raise(&exc::TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %U", b.finish());
      return nullptr;
    }
    result.push_back(cand);
    for (auto& s : seqs)
      if (!s.empty() && s[0] == cand) s.erase(s.begin());
  }
  return tuple_from_array(result.data(), int64_t(result.size()));
}

bool compute_mro(Type* t) {
  Type* meta = t->type;
  if (meta != &type_type) {
    Value custom = type_lookup(meta, names::mro);
    Value base_mro = type_lookup(&type_type, names::mro);
    if (custom && custom != base_mro) {
      Value r = call_method0(Value(t), names::mro);
      if (!r) return false;
      Value tup = tuple_from_iterable(r);
      if (!tup) return false;
      for (Value v : *tup.as<Tuple>()) {
        if (!is_type_object(v)) {
          raise(&exc::TypeError, "mro() returned a non-class ('%s')", type_name(v));
          return false;
        }
      }
      t->mro = tup.as<Tuple>();
      return true;
    }
  }
  Tuple* mro = c3_merge(t, t->bases);
  if (!mro) return false;
  t->mro = mro;
  return true;
}

}  // namespace

// ------------------------------------------------------------------ class creation

Type* calculate_metaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->size; i++) {
    Type* bt = type_of(bases->items[i]);
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) {
      winner = bt;
      continue;
    }
    raise(&exc::TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses "
          "of all its bases");
    return nullptr;
  }
  return winner;
}

namespace {

// Whether t's instances carry fields beyond those of `base` (a dict slot added
// by a class statement does not count: classes with and without one mix).
bool extra_fields(Type* t, Type* base) {
  uint32_t size = t->instance_size;
  if ((t->flags & kTypeHeap) && t->dict_offset && !base->dict_offset && uint32_t(t->dict_offset) + sizeof(Dict*) == size)
    size -= sizeof(Dict*);
  return size != base->instance_size;
}

// The base whose instance layout the new class extends.
Type* solid_base(Type* t) {
  Type* base = t->base ? solid_base(t->base) : &object_type;
  return extra_fields(t, base) ? t : base;
}

Type* best_base(Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < bases->size; i++) {
    Value b = bases->items[i];
    if (!is_type_object(b)) {
      raise(&exc::TypeError, "bases must be types");
      return nullptr;
    }
    Type* bt = b.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      // CPython shows tp_name: the module-qualified name of native types.
      if (bt->native_name) raise(&exc::TypeError, "type '%s' is not an acceptable base type", bt->native_name);
      else raise(&exc::TypeError, "type '%U' is not an acceptable base type", bt->name);
      return nullptr;
    }
    Type* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      raise(&exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

Value dict_getset_get(Value self);
int dict_getset_set(Value self, Value v);
const GetSetDef kInstanceDictGetSet[] = {
    {"__dict__", dict_getset_get, dict_getset_set, "dictionary for instance variables (if defined)"},
    {nullptr}};

// The nearest ancestor of t whose instances have the same fields as t's.
Type* layout_base(Type* t) {
  while (t->base && t->instance_size == t->base->instance_size && t->dict_offset == t->base->dict_offset &&
         t->itemsize == t->base->itemsize)
    t = t->base;
  return t;
}

// Whether two classes extending the same base added the same __slots__ at the same places.
bool same_slots_added(Type* a, Type* b) {
  if (a->base != b->base || a->instance_size != b->instance_size || a->dict_offset != b->dict_offset ||
      a->num_slots != b->num_slots)
    return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(a->dict, &pos, &k, &v)) {
    if (!is_type(v, &member_descriptor_type) || v.as<MemberDescriptor>()->owner != a) continue;
    Value other = dict_get(b->dict, k);
    if (!other || !is_type(other, &member_descriptor_type) || other.as<MemberDescriptor>()->owner != b ||
        other.as<MemberDescriptor>()->offset != v.as<MemberDescriptor>()->offset)
      return false;
  }
  return true;
}

// Whether CPython would free instances with its cyclic-GC deallocator: classes
// always, native types unless they hold no references (as object and int).
bool gc_tracked_type(const Type* t) {
  if (t->flags & kTypeHeap) return true;
  for (const Type* atomic : {&object_type, &int_type, &bool_type, &float_type, &complex_type, &str_type, &bytes_type})
    if (t == atomic) return false;
  return true;
}

Value weakref_getset_get(Value self) { return None(); }
const GetSetDef kWeakrefGetSet[] = {{"__weakref__", weakref_getset_get, nullptr, "list of weak references to the object (if defined)"},
                                    {nullptr}};

Value dict_getset_get(Value self) {
  Dict* d = instance_dict(self, true);
  if (!d) return raise(&exc::AttributeError, "This object has no __dict__");
  return Value(d);
}

int dict_getset_set(Value self, Value v) {
  Type* t = type_of(self);
  if (!t->dict_offset) {
    raise(&exc::AttributeError, "This object has no __dict__");
    return -1;
  }
  if (v && !is_dict(v)) {
    raise(&exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
    return -1;
  }
  auto* slot = reinterpret_cast<std::atomic<Dict*>*>(field_address(self.as_object(), uint32_t(t->dict_offset)));
  // Deleting leaves no dict; a fresh empty one appears on next use.
  slot->store(v ? v.as<Dict>() : nullptr, std::memory_order_release);
  return 0;
}

void add_getset(Type* t, const GetSetDef* def) {
  auto* d = alloc_instance<GetSetDescriptor>(&getset_descriptor_type);
  d->def = def;
  d->owner = t;
  dict_set_str(t->dict, intern_cstr(def->name), Value(d));
}

bool is_identifier_str(Str* s) {
  if (s->length == 0) return false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128 || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool check_layout_assignment(Type* old_type, Type* new_type, const char* attr) {
  if (gc_tracked_type(old_type) != gc_tracked_type(new_type)) {
    raise(&exc::TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr, type_name(new_type),
          type_name(old_type));
    return false;
  }
  Type* new_base = layout_base(new_type);
  Type* old_base = layout_base(old_type);
  if (new_base != old_base && !same_slots_added(new_base, old_base)) {
    raise(&exc::TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, type_name(new_type),
          type_name(old_type));
    return false;
  }
  return true;
}

Value type_new_impl(Type* metatype, Str* name, Tuple* bases, Dict* ns, Dict* kwds) {
  for (Value b : *bases) {
    if (is_type_object(b)) continue;
    Value entries = lookup_attr(b, names::__mro_entries__);
    if (entries) return raise(&exc::TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
    if (error_occurred()) return Value();
  }
  for (int64_t i = 0; i < bases->size; i++)
    for (int64_t j = i + 1; j < bases->size; j++)
      if (bases->items[i] == bases->items[j] && is_type_object(bases->items[i]))
        return raise(&exc::TypeError, "duplicate base class %U", bases->items[i].as<Type>()->name);
  Type* meta = calculate_metaclass(metatype, bases);
  if (!meta) return Value();
  if (meta != metatype && meta->new_ && meta->new_ != metatype->new_) {
    // A more derived metaclass takes over (as type.__new__ does).
    // Keyword arguments go along: EnumType.__new__ takes boundary=/_simple=.
    std::vector<Value> args = {Value(name), Value(bases), Value(ns)};  // also held by the caller
    Tuple* kwnames = nullptr;
    if (kwds && dict_size(kwds)) {
      kwnames = tuple_new(dict_size(kwds));
      int64_t pos = 0, i = 0;
      Value k, v;
      while (dict_next(kwds, &pos, &k, &v)) {
        kwnames->items[i++] = k;
        args.push_back(v);
      }
    }
    return meta->new_(meta, args.data(), 3, kwnames);
  }
  if (bases->size == 0) bases = tuple_pack({Value(&object_type)});
  Type* base = best_base(bases);
  if (!base) return Value();

  // __slots__
  Value slots = dict_get_str(ns, names::__slots__);
  std::vector<Str*> slot_names;  // interned: safe on the malloc heap
  bool add_dict = false, add_weak = false;
  if (slots) {
    Value seq;
    if (is_str(slots)) seq = Value(tuple_pack({slots}));
    else seq = tuple_from_iterable(slots);
    if (!seq) return Value();
    for (Value s : *seq.as<Tuple>()) {
      if (!is_str(s)) return raise(&exc::TypeError, "__slots__ items must be strings, not '%s'", type_name(s));
      Str* sn = s.as<Str>();
      if (!is_identifier_str(sn)) return raise(&exc::TypeError, "__slots__ must be identifiers");
      if (str_equals_ascii(sn, "__dict__")) {
        if (add_dict || base->dict_offset) return raise(&exc::TypeError, "__dict__ slot disallowed: we already got one");
        add_dict = true;
        continue;
      }
      if (str_equals_ascii(sn, "__weakref__")) {
        // Var-sized layouts (int, tuple, bytes) have no room for weak references either.
        if (add_weak || type_lookup(base, names::__weakref__) ||
            (base->flags & (kTypeIntSubclass | kTypeTupleSubclass | kTypeBytesSubclass)))
          return raise(&exc::TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        add_weak = true;
        continue;
      }
      Str* mangled_name = intern(sn);
      if (sn->length > 2 && sn->at(0) == '_' && sn->at(1) == '_' &&
          !(sn->at(sn->length - 1) == '_' && sn->at(sn->length - 2) == '_')) {
        StrBuilder b;
        b.append('_');
        int64_t st = 0;
        while (st < name->length && name->at(st) == '_') st++;
        b.append(str_substr(name, st, name->length));
        b.append(sn);
        mangled_name = intern(b.finish());
      }
      // __qualname__ and __classcell__ in the namespace are consumed by type creation.
      if (dict_get_str(ns, mangled_name) && mangled_name != names::__qualname__ && mangled_name != names::__classcell__)
        return raise(&exc::ValueError, "%R in __slots__ conflicts with class variable", Value(sn));
      slot_names.push_back(mangled_name);
    }
    std::sort(slot_names.begin(), slot_names.end(), [](Str* a, Str* b) { return str_compare(a, b) < 0; });
    if (!slot_names.empty() && base->instance_size > sizeof(Object) && !(base->flags & kTypeHeap) &&
        base != &object_type && (base->flags & (kTypeIntSubclass | kTypeTupleSubclass | kTypeBytesSubclass)))
      return raise(&exc::TypeError, "nonempty __slots__ not supported for subtype of '%U'", base->name);
  } else {
    add_dict = base->dict_offset == 0;
    add_weak = true;
  }

  // The type object itself: an instance of the metaclass.
  auto* t = static_cast<Type*>(alloc_object(meta, std::max<size_t>(meta->instance_size, sizeof(Type))));
  new (t) Type();
  t->type = meta;
  t->flags = kTypeHeap | kTypeBaseType | (base->flags & kInheritedFlags);
  t->name = intern(name);
  t->base = base;
  t->bases = bases;
  t->dict = dict_copy(ns);
  if (Value q = dict_get_str(t->dict, names::__qualname__)) {
    if (!is_str(q)) return raise(&exc::TypeError, "type __qualname__ must be a str, not %s", type_name(q));
    t->qualname = q.as<Str>();
    dict_del(t->dict, Value(names::__qualname__));
  } else {
    t->qualname = t->name;
  }
  Value class_cell = dict_get_str(t->dict, names::__classcell__);
  if (class_cell) dict_del(t->dict, Value(names::__classcell__));
  t->instance_size = base->instance_size;
  t->itemsize = base->itemsize;
  t->dict_offset = base->dict_offset;
  t->num_slots = base->num_slots;
  t->members = nullptr;
  if (add_dict) {
    t->dict_offset = int32_t(t->instance_size);
    t->instance_size += sizeof(Dict*);
  }
  for (Str* sn : slot_names) {
    auto* d = alloc_instance<MemberDescriptor>(&member_descriptor_type);
    d->name = sn;
    d->owner = t;
    d->kind = MemberKind::Value;
    d->offset = t->instance_size;
    d->doc = None();
    t->instance_size += sizeof(Value);
    t->num_slots++;
    dict_set_str(t->dict, sn, Value(d));
  }
  if (add_dict && !dict_get_str(t->dict, names::__dict__)) add_getset(t, kInstanceDictGetSet);
  if (add_weak && !dict_get_str(t->dict, names::__weakref__) && !type_lookup(base, names::__weakref__))
    add_getset(t, kWeakrefGetSet);

  // __module__, __doc__
  if (!dict_get_str(t->dict, names::__module__)) {
    Frame* f = ts()->frame;
    if (f && f->globals) {
      if (Value modname = dict_get_str(f->globals, names::__name__)) dict_set_str(t->dict, names::__module__, modname);
    }
  }
  if (!dict_get_str(t->dict, names::__doc__)) dict_set_str(t->dict, names::__doc__, None());
  // __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods.
  if (Value nw = dict_get_str(t->dict, names::__new__); nw && is_function(nw)) {
    auto* sm = alloc_instance<StaticMethod>(&staticmethod_type);
    sm->func = nw;
    dict_set_str(t->dict, names::__new__, Value(sm));
  }
  for (Str* cm_name : {names::__init_subclass__, names::__class_getitem__}) {
    if (Value f = dict_get_str(t->dict, cm_name); f && is_function(f)) {
      auto* cm = alloc_instance<ClassMethod>(&classmethod_type);
      cm->func = f;
      dict_set_str(t->dict, cm_name, Value(cm));
    }
  }
  // A class defining __eq__ but not __hash__ is unhashable.
  if (dict_get_str(t->dict, names::__eq__) && !dict_get_str(t->dict, names::__hash__))
    dict_set_str(t->dict, names::__hash__, None());

  if (!compute_mro(t)) return Value();
  for (int64_t i = 0; i < t->mro->size; i++) {
    Type* m = t->mro->items[i].as<Type>();
    if (m->flags & kTypeIsException) t->flags |= kTypeIsException;
  }
  inherit_slots(t, base);
  fixup_slots(t);
  t->flags |= kTypeReady;
  for (int64_t i = 0; i < bases->size; i++) add_subclass(bases->items[i].as<Type>(), t);

  // __classcell__ receives the class.
  if (class_cell) {
    if (!is_type(class_cell, &cell_type))
      return raise(&exc::TypeError, "__classcell__ must be a nonlocal cell, not %R", Value(type_of(class_cell)));
    class_cell.as<Cell>()->set(Value(t));
  }

  // __set_name__ on the attributes, in definition order.
  {
    Tuple* items;
    {
      int64_t n = dict_size(t->dict), pos = 0;
      items = tuple_new(n * 2);
      Value k, v;
      int64_t i = 0;
      while (i < n && dict_next(t->dict, &pos, &k, &v)) {
        items->items[2 * i] = k;
        items->items[2 * i + 1] = v;
        i++;
      }
      items->size = i * 2;
    }
    for (int64_t i = 0; i < items->size; i += 2) {
      Value v = items->items[i + 1];
      Value set_name = lookup_special(v, names::__set_name__);
      if (!set_name) {
        if (error_occurred()) return Value();
        continue;
      }
      Value r = call2(set_name, Value(t), items->items[i]);
      if (!r)
        return raise_with_cause(&exc::RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%U'",
                                type_name(v), items->items[i], t->name);
    }
  }

  // super(t, t).__init_subclass__(**kwds)
  {
    Value super_args[2] = {Value(t), Value(t)};
    Value sup = call(Value(&super_type), super_args, 2);
    if (!sup) return Value();
    Value init_sub = get_attr(sup, names::__init_subclass__);
    if (!init_sub) return Value();
    Value r;
    if (kwds && dict_size(kwds)) r = call_with_tuple(init_sub, tuple_empty(), kwds);
    else r = call0(init_sub);
    if (!r) return Value();
  }
  return Value(t);
}

// ------------------------------------------------------------------ type's methods and attributes

namespace {

Value type_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = self.as<Type>();
  // Only type itself has the one-argument form.
  if (t == &type_type) {
    if (nargs == 1 && kwcount(kwnames) == 0) return Value(type_of(args[0]));
    if (nargs != 3) return raise(&exc::TypeError, "type() takes 1 or 3 arguments");
  }
  if (!t->new_)
    return raise(&exc::TypeError, "cannot create '%s' instances",
                 (t->flags & kTypeHeap) || !t->native_name ? type_name(t) : t->native_name);
  Value obj = t->new_(t, args, nargs, kwnames);
  if (!obj) return Value();
  // __init__ runs only when __new__ returned an instance of t.
  if (!is_instance_of(obj, t)) return obj;
  Type* ot = type_of(obj);
  if (ot->init) {
    if (ot->init(obj, args, nargs, kwnames) < 0) return Value();
  }
  return obj;
}

Value type_new_native(Type* metatype, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwcount(kwnames);
  if (nargs != 3) return raise(&exc::TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", ssize_t(nargs));
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise(&exc::TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
  if (!is_dict(args[2]))
    return raise(&exc::TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
  Dict* kwds = nullptr;
  if (nkw) {
    kwds = dict_new();
    for (size_t i = 0; i < nkw; i++) dict_set(kwds, kwnames->items[i], args[nargs + i]);
  }
  return type_new_impl(metatype, args[0].as<Str>(), args[1].as<Tuple>(), args[2].as<Dict>(), kwds);
}

int type_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 && nargs != 3) {
    raise(&exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value type_repr(Value self) {
  Type* t = self.as<Type>();
  Value mod = t->dict ? dict_get_str(t->dict, names::__module__) : Value();
  if (!(t->flags & kTypeHeap)) {
    const char* n = t->native_name ? t->native_name : "?";
    return Value(format_message("<class '%s'>", n));
  }
  if (mod && is_str(mod) && !str_equals_ascii(mod.as<Str>(), "builtins"))
    return Value(format_message("<class '%U.%U'>", mod.as<Str>(), t->qualname));
  return Value(format_message("<class '%U'>", t->qualname));
}

// Attribute lookup on a type: data descriptors of the metatype, then the MRO
// of the type itself (binding with obj = None), then the metatype's attributes.
Value type_getattro(Value self, Str* name) {
  Type* t = self.as<Type>();
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    Type* mt = type_of(meta_attr);
    meta_get = mt->descr_get;
    if (meta_get && mt->descr_set) return meta_get(meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(t, name);
  if (attr) {
    DescrGetFn get = type_of(attr)->descr_get;
    if (get) return get(attr, Value(), self);
    return attr;
  }
  if (meta_get) return meta_get(meta_attr, self, Value(meta));
  if (meta_attr) return meta_attr;
  return Value();
}

int type_setattro(Value self, Str* name, Value v) {
  Type* t = self.as<Type>();
  if (t->flags & kTypeImmutable) {
    raise(&exc::TypeError, "cannot set %R attribute of immutable type '%U'", Value(name), t->name);
    return -1;
  }
  // Data descriptors on the metatype (e.g. __name__, __doc__ getsets) win.
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr) {
    DescrSetFn set = type_of(meta_attr)->descr_set;
    if (set) {
      int r = set(meta_attr, self, v);
      if (r == 0) type_modified(t, name);
      return r;
    }
  }
  Str* key = intern(name);
  if (v.is_null()) {
    if (dict_del(t->dict, Value(key)) < 0) {
      if (error_matches(&exc::KeyError)) {
        clear_error();
        raise(&exc::AttributeError, "type object '%U' has no attribute '%U'", t->name, key);
      }
      return -1;
    }
  } else if (dict_set_str(t->dict, key, v) < 0) {
    return -1;
  }
  type_modified(t, key);
  return 0;
}

// The special attributes (__name__, __bases__, ...) of native types are fixed,
// and no class may lose them.
bool check_special_type_attr(Type* t, Value v, const char* attr) {
  if (!(t->flags & kTypeHeap)) {
    raise(&exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", attr, type_name(t));
    return false;
  }
  if (!v) {
    raise(&exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr, type_name(t));
    return false;
  }
  return true;
}

Value type_get_name(Value self) { return Value(self.as<Type>()->name); }
int type_set_name(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_special_type_attr(t, v, "__name__")) return -1;
  if (!is_str(v)) {
    raise(&exc::TypeError, "can only assign string to %U.__name__, not '%s'", t->name, type_name(v));
    return -1;
  }
  Str* s = v.as<Str>();
  for (int64_t i = 0; i < s->length; i++) {
    if (s->at(i) == 0) {
      raise(&exc::ValueError, "type name must not contain null characters");
      return -1;
    }
  }
  t->name = intern(s);
  return 0;
}
Value type_get_qualname(Value self) { return Value(self.as<Type>()->qualname); }
int type_set_qualname(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_special_type_attr(t, v, "__qualname__")) return -1;
  if (!is_str(v)) {
    raise(&exc::TypeError, "can only assign string to %U.__qualname__, not '%s'", t->name, type_name(v));
    return -1;
  }
  t->qualname = intern(v.as<Str>());
  return 0;
}
Value type_get_bases(Value self) { return Value(self.as<Type>()->bases); }
// Recomputes the MRO of t and of every class below it, recording each old MRO
// in `undo` (type, mro pairs) so that a failure can be rolled back.
bool recompute_mro_hierarchy(Type* t, List* undo) {
  list_append(undo, Value(t));
  list_append(undo, Value(t->mro));
  if (!compute_mro(t)) return false;
  bool ok = true;
  for_each_subclass(t, [&](Type* sub) { ok = ok && recompute_mro_hierarchy(sub, undo); });
  return ok;
}

void fixup_slots_hierarchy(Type* t) {
  fixup_slots(t);
  for_each_subclass(t, fixup_slots_hierarchy);
}

int type_set_bases(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_special_type_attr(t, v, "__bases__")) return -1;
  if (!is_tuple(v)) {
    raise(&exc::TypeError, "can only assign tuple to %U.__bases__, not %s", t->name, type_name(v));
    return -1;
  }
  Tuple* bases = v.as<Tuple>();
  if (bases->size == 0) {
    raise(&exc::TypeError, "can only assign non-empty tuple to %U.__bases__, not ()", t->name);
    return -1;
  }
  for (Value b : *bases) {
    if (!is_type_object(b)) {
      raise(&exc::TypeError, "%U.__bases__ must be tuple of classes, not '%s'", t->name, type_name(b));
      return -1;
    }
    // The base chain too: a reentrant assignment from a custom mro() has
    // already set `base` while the MROs are not yet updated.
    bool cycle = is_subtype(b.as<Type>(), t);
    for (Type* chain = b.as<Type>(); chain && !cycle; chain = chain->base) cycle = chain == t;
    if (cycle) {
      raise(&exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  Type* new_base = best_base(bases);
  if (!new_base || !check_layout_assignment(t->base, new_base, "__bases__")) return -1;

  Tuple* old_bases = t->bases;
  Type* old_base = t->base;
  t->bases = bases;
  t->base = new_base;
  List* undo = list_new();
  if (!recompute_mro_hierarchy(t, undo)) {
    for (int64_t i = 0; i + 1 < list_size(undo); i += 2)
      list_get(undo, i).as<Type>()->mro = list_get(undo, i + 1).as<Tuple>();
    if (t->bases == bases) {  // unless a reentrant assignment from mro() replaced them
      t->bases = old_bases;
      t->base = old_base;
    }
    return -1;
  }
  // A reentrant assignment from a custom mro() has already moved t between
  // its bases' subclass lists; doing it again would leave a stale entry (and
  // possibly a cycle through the lists).
  if (t->bases == bases) {
    for (Value b : *old_bases) remove_subclass(b.as<Type>(), t);
    for (Value b : *bases) add_subclass(b.as<Type>(), t);
  }
  type_modified(t, nullptr);
  fixup_slots_hierarchy(t);
  return 0;
}
Value type_get_module(Value self) {
  Type* t = self.as<Type>();
  if (t->flags & kTypeHeap) {
    Value m = dict_get_str(t->dict, names::__module__);
    if (!m) return raise(&exc::AttributeError, "__module__");
    return m;
  }
  const char* n = t->native_name ? t->native_name : "";
  const char* dot = std::strrchr(n, '.');
  if (!dot) return Value(intern_cstr("builtins"));
  return Value(str_from_utf8(n, size_t(dot - n)));
}
int type_set_module(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_special_type_attr(t, v, "__module__")) return -1;
  return dict_set_str(t->dict, names::__module__, v);
}
Value type_get_dict(Value self);
Value type_get_doc(Value self) {
  Type* t = self.as<Type>();
  Value d = dict_get_str(t->dict, names::__doc__);
  if (!d) return None();
  if (DescrGetFn get = type_of(d)->descr_get) return get(d, Value(), self);
  return d;
}
int type_set_doc(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_special_type_attr(t, v, "__doc__")) return -1;
  return dict_set_str(t->dict, names::__doc__, v);
}
Value type_get_abstractmethods(Value self) {
  Type* t = self.as<Type>();
  Value v = t != &type_type ? dict_get_str(t->dict, names::__abstractmethods__) : Value();
  if (!v) return raise(&exc::AttributeError, "__abstractmethods__");
  return v;
}
int type_set_abstractmethods(Value self, Value v) {
  Type* t = self.as<Type>();
  int abstract = 0;
  if (v) {
    abstract = truthy(v);
    if (abstract < 0) return -1;
    if (dict_set_str(t->dict, names::__abstractmethods__, v) < 0) return -1;
  } else if (dict_del(t->dict, Value(names::__abstractmethods__)) < 0) {
    if (error_matches(&exc::KeyError)) {
      clear_error();
      raise(&exc::AttributeError, "__abstractmethods__");
    }
    return -1;
  }
  if (abstract) t->flags |= kTypeAbstract;
  else t->flags &= ~kTypeAbstract;
  type_modified(t, names::__abstractmethods__);
  return 0;
}
Value type_get_annotations(Value self) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeap)) return raise(&exc::AttributeError, "type object '%U' has no attribute '__annotations__'", t->name);
  Value v = dict_get_str(t->dict, names::__annotations__);
  if (v) {
    if (DescrGetFn get = type_of(v)->descr_get) return get(v, Value(), self);
    return v;
  }
  Dict* d = dict_new();
  dict_set_str(t->dict, names::__annotations__, Value(d));
  return Value(d);
}
int type_set_annotations(Value self, Value v) {
  Type* t = self.as<Type>();
  if (v) return dict_set_str(t->dict, names::__annotations__, v);
  if (dict_del(t->dict, Value(names::__annotations__)) < 0) {
    if (error_matches(&exc::KeyError)) {
      clear_error();
      raise(&exc::AttributeError, "__annotations__");
    }
    return -1;
  }
  return 0;
}
Value type_get_basicsize(Value self) { return Value::from_small_int(int64_t(self.as<Type>()->instance_size)); }
Value type_get_flags(Value self) {
  // Only the bits Python code inspects: heap type (1<<9), base type (1<<10), abstract (1<<20).
  Type* t = self.as<Type>();
  int64_t f = 0;
  if (t->flags & kTypeHeap) f |= 1 << 9;
  if (t->flags & kTypeBaseType) f |= 1 << 10;
  if (t->flags & kTypeAbstract) f |= 1 << 20;
  if (is_subtype(t, &tuple_type)) f |= 1 << 26;
  if (is_subtype(t, &list_type)) f |= 1 << 25;
  if (is_subtype(t, &dict_type)) f |= 1 << 29;
  if (is_subtype(t, &type_type)) f |= 1 << 31;
  return Value::from_small_int(f);
}
Value type_get_text_signature(Value self) { return None(); }
Value type_get_dictoffset(Value self) { return Value::from_small_int(self.as<Type>()->dict_offset); }
Value type_get_weakrefoffset(Value self) { return Value::from_small_int(0); }

const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr},
    {"__bases__", type_get_bases, type_set_bases, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr},
    {"__basicsize__", type_get_basicsize, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr},
    {"__text_signature__", type_get_text_signature, nullptr, nullptr},
    {"__dictoffset__", type_get_dictoffset, nullptr, nullptr},
    {"__weakrefoffset__", type_get_weakrefoffset, nullptr, nullptr},
    {nullptr}};

Value type_mro_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("mro", kwnames) || !check_nargs("mro", nargs, 0, 0)) return Value();
  Type* t = self.as<Type>();
  Tuple* mro = t->mro;
  if (!mro || (t->flags & kTypeHeap)) {
    mro = c3_merge(t, t->bases);
    if (!mro) return Value();
  }
  return Value(list_from_array(mro->items, mro->size));
}

Value type_subclasses_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__subclasses__", kwnames) || !check_nargs("__subclasses__", nargs, 0, 0)) return Value();
  return type_subclasses(self.as<Type>());
}

Value type_instancecheck(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__instancecheck__", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (is_instance_of(v, self.as<Type>())) return True();
  // Objects may lie about their class through __class__ (proxies).
  Value cls = lookup_attr(v, names::__class__);
  if (!cls) {
    if (error_occurred()) return Value();
    return False();
  }
  if (cls != Value(type_of(v)) && is_type_object(cls)) return Bool(is_subtype(cls.as<Type>(), self.as<Type>()));
  return False();
}

Value type_subclasscheck(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__subclasscheck__", nargs, 1, 1)) return Value();
  if (!is_type_object(args[0])) {
    // Abstract classes: objects with __bases__ (as in CPython's recursive check).
    Value bases = lookup_attr(args[0], names::__bases__);
    if (!bases || !is_tuple(bases)) {
      if (error_occurred()) return Value();
      return raise(&exc::TypeError, "issubclass() arg 1 must be a class");
    }
    for (Value b : *bases.as<Tuple>()) {
      Value r = type_subclasscheck(self, &b, 1, nullptr);
      if (!r) return Value();
      if (r == True()) return r;
    }
    return False();
  }
  return Bool(is_subtype(args[0].as<Type>(), self.as<Type>()));
}

Value type_prepare(Value self, const Value* args, size_t nargs, Tuple* kwnames) { return Value(dict_new()); }

Value type_dir(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__dir__", kwnames) || !check_nargs("__dir__", nargs, 0, 0)) return Value();
  Dict* seen = dict_new();
  Type* t = self.as<Type>();
  // While a custom mro() runs, the class has no MRO yet: only its own names.
  int64_t n = t->mro ? t->mro->size : 1;
  for (int64_t i = 0; i < n; i++) {
    Dict* d = t->mro ? t->mro->items[i].as<Type>()->dict : t->dict;
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr)) dict_set(seen, k, None());
  }
  List* out = list_new();
  int64_t pos = 0;
  Value k;
  while (dict_next(seen, &pos, &k, nullptr)) list_append(out, k);
  return Value(out);
}

Value type_sizeof(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value::from_small_int(int64_t(sizeof(Type)));
}

Value type_or(Value a, Value b);

// Read-only members, as in CPython ("readonly attribute" on assignment).
const MemberDef type_members[] = {
    {"__base__", MemberKind::ReadOnlyValue, uint32_t(offsetof(Type, base)), nullptr},
    {"__mro__", MemberKind::ReadOnlyValue, uint32_t(offsetof(Type, mro)), nullptr},
    {nullptr}};

const MethodDef type_methods[] = {
    {"mro", type_mro_method, kMethodInstance, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, kMethodInstance, "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, kMethodInstance, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, kMethodInstance, "Check if a class is a subclass."},
    {"__prepare__", type_prepare, kMethodClass, "Create the namespace for the class statement"},
    {"__dir__", type_dir, kMethodInstance, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, kMethodInstance, "Return memory consumption of the type object."},
    {nullptr}};

}  // namespace

Value mappingproxy_new(Value mapping);

namespace {
Value type_get_dict(Value self) { return mappingproxy_new(Value(self.as<Type>()->dict)); }
}  // namespace

Value union_type_new(Value a, Value b);

namespace {
Value type_or(Value a, Value b) { return union_type_new(a, b); }
}  // namespace

void init_type_types() {
  object_type.native_name = "object";
  object_type.type = &type_type;
  object_type.flags = kTypeBaseType;
  object_type.doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";

  type_type.native_name = "type";
  type_type.type = &type_type;
  type_type.base = &object_type;
  type_type.flags = kTypeBaseType | kTypeTypeSubclass;
  type_type.instance_size = sizeof(Type);
  // A class's "instance dict" is its namespace, so metaclasses get no extra __dict__.
  type_type.dict_offset = int32_t(offsetof(Type, dict));
  type_type.call = type_call;
  type_type.new_ = type_new_native;
  type_type.init = type_init;
  type_type.repr = type_repr;
  type_type.getattr = type_getattro;
  type_type.setattr = type_setattro;
  type_type.getsets = type_getsets;
  type_type.methods = type_methods;
  type_type.members = type_members;
  type_type.nb[int(BinaryOp::Or)] = type_or;
  type_type.hash = nullptr;
  type_type.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
}

}  // namespace spindle
