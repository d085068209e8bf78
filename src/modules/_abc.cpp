// _abc: the accelerator abc.py uses for ABCMeta (registration, isinstance and
// issubclass caches).
//
// Each ABC keeps three weak sets of classes (registry, positive cache, negative
// cache) in an _abc_data object stored as cls._abc_impl. A weak set is an
// append-only block of hidden weak links published with a release store:
// lookups scan it without a lock (comparing links to a class the caller holds
// alive, so no link is ever dereferenced there); writers hold the set's lock,
// and a full block is replaced by a bigger one holding the live entries.
// Registering any class bumps the global invalidation counter, which empties
// every negative cache lazily.
#include <atomic>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type abc_data_type;

std::atomic<int64_t> invalidation_counter{0};

Str* abc_impl_name() {
  static Str* const name = intern_cstr("_abc_impl");
  return name;
}

Str* subclasses_name() {
  static Str* const name = intern_cstr("__subclasses__");
  return name;
}

struct WeakBlock {
  int64_t capacity;
  std::atomic<int64_t> count;  // slots [0, count) are filled (a cleared one reads 0)
  uintptr_t links[];           // NOLINT: hidden weak links
};

struct WeakSet {
  Mutex lock;
  std::atomic<WeakBlock*> block;
};

struct AbcData : Object {
  WeakSet registry, cache, negative_cache;
  std::atomic<int64_t> negative_cache_version;
};

WeakBlock* new_block(int64_t capacity) {
  auto* b = static_cast<WeakBlock*>(gc::alloc_atomic(sizeof(WeakBlock) + sizeof(uintptr_t) * size_t(capacity)));
  b->capacity = capacity;
  new (&b->count) std::atomic<int64_t>(0);
  return b;
}

bool weak_contains(WeakSet* s, Value cls) {
  WeakBlock* b = s->block.load(std::memory_order_acquire);
  if (!b) return false;
  int64_t n = b->count.load(std::memory_order_acquire);
  for (int64_t i = 0; i < n; i++)
    if (gc::hidden_weak_link_is(&b->links[i], cls.as_object())) return true;
  return false;
}

// The live members, in insertion order (a list keeps them alive meanwhile).
List* weak_members(WeakSet* s) {
  List* out = list_new();
  WeakBlock* b = s->block.load(std::memory_order_acquire);
  if (!b) return out;
  int64_t n = b->count.load(std::memory_order_acquire);
  for (int64_t i = 0; i < n; i++)
    if (void* p = gc::read_hidden_weak_link(&b->links[i])) list_append(out, Value(static_cast<Object*>(p)));
  return out;
}

void weak_add(WeakSet* s, Value cls) {
  LockGuard guard(s->lock);
  if (weak_contains(s, cls)) return;
  WeakBlock* b = s->block.load(std::memory_order_relaxed);
  if (!b || b->count.load(std::memory_order_relaxed) == b->capacity) {
    List* live = weak_members(s);
    int64_t n = list_size(live);
    WeakBlock* bigger = new_block(n * 2 + 4);
    for (int64_t i = 0; i < n; i++) gc::register_hidden_weak_link(&bigger->links[i], list_get(live, i).as_object());
    bigger->count.store(n, std::memory_order_relaxed);
    s->block.store(bigger, std::memory_order_release);
    b = bigger;
  }
  int64_t n = b->count.load(std::memory_order_relaxed);
  gc::register_hidden_weak_link(&b->links[n], cls.as_object());
  b->count.store(n + 1, std::memory_order_release);
}

void weak_clear(WeakSet* s) {
  LockGuard guard(s->lock);
  s->block.store(nullptr, std::memory_order_release);
}

Value abc_data_new(Type* type, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_abc_data", nargs, kwnames)) return Value();
  auto* d = alloc_instance<AbcData>(type);
  for (WeakSet* s : {&d->registry, &d->cache, &d->negative_cache}) {
    new (&s->lock) Mutex();
    new (&s->block) std::atomic<WeakBlock*>(nullptr);
  }
  new (&d->negative_cache_version) std::atomic<int64_t>(invalidation_counter.load());
  return Value(d);
}

AbcData* impl_of(Value cls) {
  Value impl = get_attr(cls, abc_impl_name());
  if (!impl) return nullptr;
  if (!is_type(impl, &abc_data_type)) {
    raise(&exc::TypeError, "_abc_impl is set to a wrong type");
    return nullptr;
  }
  return impl.as<AbcData>();
}

// Whether getattr(value, "__isabstractmethod__", False) is true; -1 on error.
int is_abstract(Value value) {
  Value flag = lookup_attr(value, names::__isabstractmethod__);
  if (!flag) return error_occurred() ? -1 : 0;
  return truthy(flag);
}

constexpr int64_t kAbcSequenceFlag = 1 << 5;  // collections.abc's __abc_tpflags__ bits
constexpr int64_t kAbcMappingFlag = 1 << 6;

Value f_abc_init(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_abc_init", kwnames) || !check_positional("_abc_init", nargs, 1, 1)) return Value();
  Value cls = args[0];
  Set* abstracts = set_new();
  Value ns = get_attr(cls, names::__dict__);
  if (!ns) return Value();
  Value items = call_method0(ns, intern_cstr("items"));
  Value it = items ? get_iter(items) : Value();
  if (!it) return Value();
  while (Value pair = iter_next(it)) {
    if (!is_tuple(pair) || pair.as<Tuple>()->size != 2) return raise(&exc::TypeError, "items() returned item which is not a 2-tuple");
    int r = is_abstract(pair.as<Tuple>()->items[1]);
    if (r < 0 || (r && set_add(abstracts, pair.as<Tuple>()->items[0]) < 0)) return Value();
  }
  if (error_occurred()) return Value();
  Value bases = get_attr(cls, names::__bases__);
  if (!bases) return Value();
  if (!is_tuple(bases)) return raise(&exc::TypeError, "__bases__ is not tuple");
  for (int64_t i = 0; i < bases.as<Tuple>()->size; i++) {
    Value names = lookup_attr(bases.as<Tuple>()->items[i], names::__abstractmethods__);
    if (!names) {
      if (error_occurred()) return Value();
      continue;
    }
    Value nit = get_iter(names);
    if (!nit) return Value();
    while (Value name = iter_next(nit)) {
      if (!is_str(name)) return raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(name));
      Value value = lookup_attr(cls, name.as<Str>());
      if (!value) {
        if (error_occurred()) return Value();
        continue;
      }
      int r = is_abstract(value);
      if (r < 0 || (r && set_add(abstracts, name) < 0)) return Value();
    }
    if (error_occurred()) return Value();
  }
  Value frozen = call1(Value(&frozenset_type), Value(abstracts));
  if (!frozen || set_attr(cls, names::__abstractmethods__, frozen) < 0) return Value();
  Value data = abc_data_new(&abc_data_type, nullptr, 0, nullptr);
  if (!data || set_attr(cls, abc_impl_name(), data) < 0) return Value();
  // collections.abc marks Sequence and Mapping for pattern matching.
  if (is_type_object(cls)) {
    Type* t = cls.as<Type>();
    Value flags = dict_get_str(t->dict, intern_cstr("__abc_tpflags__"));
    if (flags) {
      int64_t bits;
      if (!is_int(flags) || !int_to_i64(flags, &bits)) {
        clear_error();
        return raise(&exc::TypeError, "__abc_tpflags__ must be an int");
      }
      if (bits & kAbcSequenceFlag) t->flags |= kTypeSequence;
      else if (bits & kAbcMappingFlag) t->flags |= kTypeMapping;
      if (del_attr(cls, intern_cstr("__abc_tpflags__")) < 0) return Value();
    }
  }
  return None();
}

Value call_attribute(Value obj, Str* name, std::initializer_list<Value> args);

// Gives `flag` to t and its subclasses that have no collection flag yet.
bool set_collection_flag(Value t, uint32_t flag) {
  if (!is_type_object(t)) return true;
  Type* type = t.as<Type>();
  if ((type->flags & kTypeImmutable) || (type->flags & (kTypeSequence | kTypeMapping))) return true;
  type->flags |= flag;
  Value subs = call_attribute(t, subclasses_name(), {});
  if (!subs) return false;
  List* l = subs.as<List>();
  for (int64_t i = 0; i < list_size(l); i++)
    if (!set_collection_flag(list_get(l, i), flag)) return false;
  return true;
}

Value f_abc_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_abc_register", kwnames) || !check_positional("_abc_register", nargs, 2, 2)) return Value();
  Value cls = args[0], subclass = args[1];
  if (!is_type_object(subclass)) return raise(&exc::TypeError, "Can only register classes");
  int r = is_subclass(subclass, cls);
  if (r < 0) return Value();
  if (r) return subclass;  // already a subclass
  r = is_subclass(cls, subclass);
  if (r < 0) return Value();
  if (r) return raise(&exc::RuntimeError, "Refusing to create an inheritance cycle");
  AbcData* impl = impl_of(cls);
  if (!impl) return Value();
  weak_add(&impl->registry, subclass);
  invalidation_counter.fetch_add(1, std::memory_order_acq_rel);
  if (is_type_object(cls)) {
    uint32_t flag = cls.as<Type>()->flags & (kTypeSequence | kTypeMapping);
    if (flag && !set_collection_flag(subclass, flag)) return Value();
  }
  return subclass;
}

Value f_abc_subclasscheck(Value, const Value* args, size_t nargs, Tuple* kwnames);

// cls.name(arg...), looked up as an attribute (classmethods, metaclass methods).
Value call_attribute(Value obj, Str* name, std::initializer_list<Value> args) {
  Value fn = get_attr(obj, name);
  if (!fn) return Value();
  return call(fn, args.begin(), args.size());
}

Value subclasscheck(Value cls, Value subclass) { return call_attribute(cls, names::__subclasscheck__, {subclass}); }

Value f_abc_instancecheck(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_abc_instancecheck", kwnames) || !check_positional("_abc_instancecheck", nargs, 2, 2))
    return Value();
  Value cls = args[0], instance = args[1];
  AbcData* impl = impl_of(cls);
  if (!impl) return Value();
  Value subclass = get_attr(instance, names::__class__);
  if (!subclass) return Value();
  if (subclass.is_object() && weak_contains(&impl->cache, subclass)) return True();
  Value subtype(type_of(instance));
  if (subtype == subclass) {
    if (impl->negative_cache_version.load(std::memory_order_acquire) == invalidation_counter.load(std::memory_order_acquire) &&
        subclass.is_object() && weak_contains(&impl->negative_cache, subclass))
      return False();
    return subclasscheck(cls, subclass);
  }
  Value r = subclasscheck(cls, subclass);
  if (!r) return Value();
  int t = truthy(r);
  if (t < 0) return Value();
  if (t) return r;
  return subclasscheck(cls, subtype);
}

Value f_abc_subclasscheck(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_abc_subclasscheck", kwnames) || !check_positional("_abc_subclasscheck", nargs, 2, 2))
    return Value();
  Value cls = args[0], subclass = args[1];
  if (!is_type_object(subclass)) return raise(&exc::TypeError, "issubclass() arg 1 must be a class");
  AbcData* impl = impl_of(cls);
  if (!impl) return Value();
  if (weak_contains(&impl->cache, subclass)) return True();
  int64_t token = invalidation_counter.load(std::memory_order_acquire);
  if (impl->negative_cache_version.load(std::memory_order_acquire) < token) {
    LockGuard guard(impl->negative_cache.lock);
    impl->negative_cache.block.store(nullptr, std::memory_order_release);
    impl->negative_cache_version.store(token, std::memory_order_release);
  } else if (weak_contains(&impl->negative_cache, subclass)) {
    return False();
  }
  Value ok = call_attribute(cls, names::__subclasshook__, {subclass});
  if (!ok) return Value();
  if (ok == True()) {
    weak_add(&impl->cache, subclass);
    return True();
  }
  if (ok == False()) {
    weak_add(&impl->negative_cache, subclass);
    return False();
  }
  if (ok != NotImplemented())
    return raise(&exc::AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  // A direct subclass?
  Tuple* mro = subclass.as<Type>()->mro;
  for (int64_t i = 0; mro && i < mro->size; i++)
    if (mro->items[i] == cls) {
      weak_add(&impl->cache, subclass);
      return True();
    }
  // A registered class (not cached, as in CPython) or a subclass of one?
  if (weak_contains(&impl->registry, subclass)) return True();
  List* registry = weak_members(&impl->registry);
  for (int64_t i = 0; i < list_size(registry); i++) {
    int r = is_subclass(subclass, list_get(registry, i));
    if (r < 0) return Value();
    if (r) {
      weak_add(&impl->cache, subclass);
      return True();
    }
  }
  // A subclass of a subclass (recursive)?
  Value subs = call_attribute(cls, subclasses_name(), {});
  if (!subs) return Value();
  if (!is_list(subs)) return raise(&exc::TypeError, "__subclasses__() must return a list");
  List* l = subs.as<List>();
  for (int64_t i = 0; i < list_size(l); i++) {
    int r = is_subclass(subclass, list_get(l, i));
    if (r < 0) return Value();
    if (r) {
      weak_add(&impl->cache, subclass);
      return True();
    }
  }
  weak_add(&impl->negative_cache, subclass);
  return False();
}

Value weak_set_dump(WeakSet* s) {
  Value weakref_module = import_module_cstr("_weakref");
  Value ref_type = weakref_module ? get_attr(weakref_module, intern_cstr("ref")) : Value();
  if (!ref_type) return Value();
  Set* out = set_new();
  List* members = weak_members(s);
  for (int64_t i = 0; i < list_size(members); i++) {
    Value ref = call1(ref_type, list_get(members, i));
    if (!ref || set_add(out, ref) < 0) return Value();
  }
  return Value(out);
}

AbcData* impl_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 1)) return nullptr;
  return impl_of(args[0]);
}

Value f_get_dump(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  AbcData* impl = impl_arg("_get_dump", args, nargs, kwnames);
  if (!impl) return Value();
  Value registry = weak_set_dump(&impl->registry);
  Value cache = registry ? weak_set_dump(&impl->cache) : Value();
  Value negative = cache ? weak_set_dump(&impl->negative_cache) : Value();
  if (!negative) return Value();
  return Value(tuple_pack({registry, cache, negative, int_from_i64(impl->negative_cache_version.load())}));
}

Value f_reset_registry(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  AbcData* impl = impl_arg("_reset_registry", args, nargs, kwnames);
  if (!impl) return Value();
  weak_clear(&impl->registry);
  return None();
}

Value f_reset_caches(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  AbcData* impl = impl_arg("_reset_caches", args, nargs, kwnames);
  if (!impl) return Value();
  weak_clear(&impl->cache);
  weak_clear(&impl->negative_cache);
  return None();
}

Value f_get_cache_token(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("get_cache_token", nargs, kwnames)) return Value();
  return int_from_i64(invalidation_counter.load(std::memory_order_acquire));
}

const MethodDef abc_functions[] = {
    {"get_cache_token", f_get_cache_token, kMethodStatic,
     "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) identifying the\n"
     "current version of the ABC cache for virtual subclasses. The token changes\nwith every call to register() on any "
     "ABC."},
    {"_abc_init", f_abc_init, kMethodStatic, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_reset_registry", f_reset_registry, kMethodStatic,
     "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", f_reset_caches, kMethodStatic,
     "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {"_get_dump", f_get_dump, kMethodStatic,
     "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, and\n"
     "negative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a nice repr."},
    {"_abc_register", f_abc_register, kMethodStatic, "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {"_abc_instancecheck", f_abc_instancecheck, kMethodStatic, "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", f_abc_subclasscheck, kMethodStatic, "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {nullptr}};

bool abc_module_init(Module* m) {
  abc_data_type.native_name = "_abc._abc_data";
  abc_data_type.doc = "Internal state held by ABC machinery.";
  abc_data_type.instance_size = sizeof(AbcData);
  abc_data_type.new_ = abc_data_new;
  type_ready(&abc_data_type);
  return module_add(m, "_abc_data", Value(&abc_data_type)) >= 0;
}

}  // namespace

extern const ModuleDef abc_module;
const ModuleDef abc_module = {"_abc", "Module contains faster C implementation of abc.ABCMeta", abc_functions,
                              abc_module_init};

}  // namespace spindle
