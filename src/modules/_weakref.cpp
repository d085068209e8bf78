// The _weakref module: weak references (weakref.ref), proxies, and the
// bookkeeping behind getweakrefcount/getweakrefs and death callbacks.
//
// A weak reference holds its referent through a hidden weak link that the
// collector clears when the referent becomes unreachable (gc.h). Each object
// that has weak references gets a WeakList in a sharded side table keyed by
// its (disguised) address; the list holds the references themselves weakly,
// so a reference that is dropped disappears from it as in CPython. When the
// first reference to a collected object is made, a finalizer is registered on
// the object: it runs at a safe point after the object died (never inside an
// allocation), drops the table entry and calls the callbacks of the
// references still alive, newest first, as CPython does.
#include <cstdio>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
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

Type weakref_type, weakproxy_type, weakcallableproxy_type;

namespace {

// ------------------------------------------------------------------ objects

struct WeakRef : Object {
  uintptr_t referent;  // hidden weak link; 0 once the referent died
  Value callback;      // null: none
  std::atomic<int64_t> hash_cache;  // -1: not computed
};

inline WeakRef* W(Value v) { return v.as<WeakRef>(); }

// The referent, or null when it died.
Value referent_of(Value ref) { return Value(static_cast<Object*>(gc::read_hidden_weak_link(&W(ref)->referent))); }

bool is_ref(Value v) { return is_instance_of(v, &weakref_type); }
bool is_proxy(Value v) { return is_type(v, &weakproxy_type) || is_type(v, &weakcallableproxy_type); }

// Which objects accept weak references: CPython's list for native types (the
// kTypeWeakrefable flag, inherited along the MRO), and classes that have a
// __weakref__ slot unless their layout is variable-sized (int, tuple, bytes).
bool supports_weakrefs(Type* t) {
  Tuple* mro = t->mro;
  for (int64_t i = 0; mro && i < mro->size; i++)
    if (mro->items[i].as<Type>()->flags & kTypeWeakrefable) return true;
  if (!(t->flags & kTypeHeap)) return false;
  if (t->flags & (kTypeIntSubclass | kTypeTupleSubclass | kTypeBytesSubclass)) return false;
  return type_lookup(t, names::__weakref__).is_object();
}

bool check_weakrefable(Value ob) {
  if (ob.is_object() && supports_weakrefs(type_of(ob))) return true;
  raise(&exc::TypeError, "cannot create weak reference to '%s' object", type_name(ob));
  return false;
}

// ------------------------------------------------------------------ per-object lists

// The references to one object, held weakly: the reusable plain ref and proxy
// (no callback), then every other reference in creation order.
struct WeakList {
  uintptr_t basic_ref;
  uintptr_t basic_proxy;
  int64_t count, capacity;
  uintptr_t* others;  // hidden weak links to WeakRef objects
};

struct TableEntry {
  uintptr_t key;  // the object's address, hidden; 0: empty; kTombstone: removed
  WeakList* list;
};
constexpr uintptr_t kTombstone = 1;

// The side table, split by address so unrelated objects do not contend.
struct Shard {
  Mutex lock;
  TableEntry* entries;  // collected, scanned (the lists); capacity a power of two
  int64_t capacity;
  int64_t used;  // live + tombstones
};
constexpr int kShards = 64;
Shard shards[kShards];

inline uint64_t address_hash(const void* p) { return (uint64_t(reinterpret_cast<uintptr_t>(p)) >> 4) * 0x9E3779B97F4A7C15ull; }
inline Shard& shard_for(const void* p) { return shards[address_hash(p) >> 58]; }
inline uintptr_t hidden_key(const void* p) { return ~reinterpret_cast<uintptr_t>(p); }

// The slot for p's key (the matching entry, or the empty one that ends the probe).
TableEntry* find_slot(Shard& s, const void* p) {
  if (!s.entries) return nullptr;
  uintptr_t key = hidden_key(p);
  int64_t mask = s.capacity - 1;
  TableEntry* reuse = nullptr;
  for (int64_t i = int64_t(address_hash(p) & uint64_t(mask));; i = (i + 1) & mask) {
    TableEntry& e = s.entries[i];
    if (e.key == key) return &e;
    if (e.key == kTombstone && !reuse) reuse = &e;
    if (e.key == 0) return reuse ? reuse : &e;
  }
}

void grow_shard(Shard& s) {
  int64_t cap = s.capacity ? s.capacity * 2 : 16;
  // Count live entries: removed ones may make a same-size rebuild enough.
  int64_t live = 0;
  for (int64_t i = 0; i < s.capacity; i++)
    if (s.entries[i].key > kTombstone) live++;
  if (s.capacity && live * 4 < s.capacity) cap = s.capacity;
  TableEntry* old = s.entries;
  int64_t old_cap = s.capacity;
  s.entries = static_cast<TableEntry*>(gc::alloc(sizeof(TableEntry) * size_t(cap)));
  s.capacity = cap;
  s.used = 0;
  for (int64_t i = 0; i < old_cap; i++) {
    if (old[i].key <= kTombstone) continue;
    TableEntry* slot = find_slot(s, reinterpret_cast<void*>(~old[i].key));
    *slot = old[i];
    s.used++;
  }
}

// The list for p, or null. Caller holds the shard lock.
WeakList* lookup_list_locked(Shard& s, const void* p) {
  TableEntry* e = find_slot(s, p);
  return e && e->key == hidden_key(p) ? e->list : nullptr;
}

void on_referent_death(void* obj, void* data);

// The list for ob, created (with its death finalizer) on first use. Caller holds the shard lock.
WeakList* list_for_locked(Shard& s, Object* ob) {
  if (WeakList* l = lookup_list_locked(s, ob)) return l;
  if ((s.used + 1) * 3 >= s.capacity * 2) grow_shard(s);
  TableEntry* e = find_slot(s, ob);
  if (e->key == 0) s.used++;
  auto* l = gc::make<WeakList>();
  e->key = hidden_key(ob);
  e->list = l;
  if (gc::is_collected_object(ob)) gc::register_finalizer(ob, on_referent_death, l);
  return l;
}

void remove_list_locked(Shard& s, const void* p, WeakList* l) {
  TableEntry* e = find_slot(s, p);
  if (e && e->key == hidden_key(p) && e->list == l) {
    e->key = kTombstone;
    e->list = nullptr;
  }
}

Value read_link(const uintptr_t* link) { return Value(static_cast<Object*>(gc::read_hidden_weak_link(link))); }

// Appends a reference to the others; drops links whose references died when it grows.
void add_other_locked(WeakList* l, Value ref) {
  if (l->count == l->capacity) {
    int64_t live = 0;
    for (int64_t i = 0; i < l->count; i++)
      if (read_link(&l->others[i])) live++;
    int64_t cap = std::max<int64_t>(4, live * 2);
    auto* fresh = static_cast<uintptr_t*>(gc::alloc_atomic(sizeof(uintptr_t) * size_t(cap)));
    int64_t n = 0;
    for (int64_t i = 0; i < l->count; i++) {
      Value r = read_link(&l->others[i]);
      gc::unregister_hidden_weak_link(&l->others[i]);
      if (r) gc::register_hidden_weak_link(&fresh[n++], r.as_object());
    }
    l->others = fresh;
    l->count = n;
    l->capacity = cap;
  }
  gc::register_hidden_weak_link(&l->others[l->count++], ref.as_object());
}

// The live references in CPython's list order: plain ref, plain proxy, then
// the others newest first.
List* live_refs_locked(WeakList* l) {
  List* out = list_new();
  if (Value r = read_link(&l->basic_ref)) list_append(out, r);
  if (Value p = read_link(&l->basic_proxy)) list_append(out, p);
  for (int64_t i = l->count - 1; i >= 0; i--)
    if (Value r = read_link(&l->others[i])) list_append(out, r);
  return out;
}

void on_referent_death(void* obj, void* data) {
  auto* l = static_cast<WeakList*>(data);
  List* refs;
  {
    Shard& s = shard_for(obj);
    LockGuard guard(s.lock);
    remove_list_locked(s, obj, l);
    refs = live_refs_locked(l);
  }
  for (int64_t i = 0, n = list_size(refs); i < n; i++) {
    Value ref = list_get(refs, i);
    Value cb = W(ref)->callback;
    if (!cb) continue;
    // A reference made after the collection (by another finalizer) still
    // sees obj: it was not cleared, so it gets no callback (an edge case
    // CPython does not have, as it never revives an object for finalizers).
    if (referent_of(ref)) continue;
    W(ref)->callback = Value();
    if (!call1(cb, ref)) write_unraisable(fetch_error(), cb);
  }
}

WeakRef* alloc_ref(Type* type, Object* ob, Value callback) {
  auto* r = alloc_instance<WeakRef>(type);
  gc::register_hidden_weak_link(&r->referent, ob);
  r->callback = callback;
  r->hash_cache.store(-1, std::memory_order_relaxed);
  return r;
}

// A new reference of `type` to ob (ob already checked), reusing the plain one
// when no callback is wanted.
Value make_ref(Type* type, Value ob, Value callback) {
  if (callback && is_none(callback)) callback = Value();
  Object* o = ob.as_object();
  Shard& s = shard_for(o);
  LockGuard guard(s.lock);
  WeakList* l = list_for_locked(s, o);
  bool plain_ref = !callback && type == &weakref_type;
  bool plain_proxy = !callback && (type == &weakproxy_type || type == &weakcallableproxy_type);
  if (plain_ref)
    if (Value r = read_link(&l->basic_ref)) return r;
  if (plain_proxy)
    if (Value p = read_link(&l->basic_proxy)) return p;
  WeakRef* r = alloc_ref(type, o, callback);
  if (plain_ref) {
    gc::unregister_hidden_weak_link(&l->basic_ref);
    gc::register_hidden_weak_link(&l->basic_ref, r);
  } else if (plain_proxy) {
    gc::unregister_hidden_weak_link(&l->basic_proxy);
    gc::register_hidden_weak_link(&l->basic_proxy, r);
  } else {
    add_other_locked(l, Value(r));
  }
  return Value(r);
}

// The live references to ob, as getweakrefs() lists them (empty when none).
List* refs_of(Value ob) {
  if (!ob.is_object()) return list_new();
  Object* o = ob.as_object();
  Shard& s = shard_for(o);
  LockGuard guard(s.lock);
  WeakList* l = lookup_list_locked(s, o);
  return l ? live_refs_locked(l) : list_new();
}

// ------------------------------------------------------------------ ref

Value ref_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ref", kwnames) || !check_positional("__new__", nargs, 1, 2)) return Value();
  if (!check_weakrefable(args[0])) return Value();
  return make_ref(type, args[0], nargs == 2 ? args[1] : Value());
}

int ref_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return check_positional("__init__", nargs, 1, 2) ? 0 : -1;
}

Value ref_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("weakref", kwnames) || !check_positional("weakref", nargs, 0, 0)) return Value();
  Value r = referent_of(self);
  return r ? r : None();
}

int64_t ref_hash(Value self) {
  WeakRef* w = W(self);
  int64_t h = w->hash_cache.load(std::memory_order_relaxed);
  if (h != -1) return h;
  Value r = referent_of(self);
  if (!r) {
    raise(&exc::TypeError, "weak object has gone away");
    return -1;
  }
  h = hash(r);
  if (h != -1) w->hash_cache.store(h, std::memory_order_relaxed);
  return h;
}

Value ref_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::EQ && op != CompareOp::NE) || !is_ref(a) || !is_ref(b)) return NotImplemented();
  Value x = referent_of(a), y = referent_of(b);
  if (!x || !y) return Bool((a == b) == (op == CompareOp::EQ));
  return rich_compare(x, y, op);
}

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", reinterpret_cast<void*>(v.bits()));
  return buf;
}

Value ref_repr(Value self) {
  Value r = referent_of(self);
  std::string me = address_of(self);
  if (!r) return Value(format_message("<weakref at %s; dead>", me.c_str()));
  Value name = lookup_attr(r, names::__name__);
  if (!name) clear_error();
  std::string target = address_of(r);
  if (name && is_str(name))
    return Value(format_message("<weakref at %s; to '%s' at %s (%U)>", me.c_str(), type_name(r), target.c_str(),
                                name.as<Str>()));
  return Value(format_message("<weakref at %s; to '%s' at %s>", me.c_str(), type_name(r), target.c_str()));
}

Value ref_get_callback(Value self) {
  Value cb = W(self)->callback;
  return cb ? cb : None();
}

Value ref_class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

const MethodDef ref_methods[] = {{"__class_getitem__", ref_class_getitem, kMethodClass, "See PEP 585"}, {nullptr}};
const GetSetDef ref_getsets[] = {{"__callback__", ref_get_callback, nullptr, nullptr}, {nullptr}};

// ------------------------------------------------------------------ proxies

// The referent of a proxy (other values pass through); ReferenceError when it died.
Value unwrap(Value v) {
  if (!is_proxy(v)) return v;
  Value r = referent_of(v);
  if (!r) return raise(&exc::ReferenceError, "weakly-referenced object no longer exists");
  return r;
}

template <BinaryOp op>
Value proxy_binary(Value a, Value b) {
  a = unwrap(a);
  if (!a) return Value();
  b = unwrap(b);
  if (!b) return Value();
  return binary_op(a, b, op);
}

template <BinaryOp op>
Value proxy_inplace(Value a, Value b) {
  a = unwrap(a);
  if (!a) return Value();
  b = unwrap(b);
  if (!b) return Value();
  return inplace_op(a, b, op);
}

Value proxy_pow3(Value a, Value b, Value c) {
  a = unwrap(a);
  if (!a) return Value();
  b = unwrap(b);
  if (!b) return Value();
  c = unwrap(c);
  if (!c) return Value();
  return power(a, b, c);
}

template <Value (*F)(Value)>
Value proxy_unary(Value self) {
  Value o = unwrap(self);
  return o ? F(o) : Value();
}

Value to_int(Value v) { return call1(Value(&int_type), v); }
Value to_float(Value v) { return call1(Value(&float_type), v); }

Value proxy_next(Value self) {
  Value o = unwrap(self);
  if (!o) return Value();
  if (!type_of(o)->next)
    return raise(&exc::TypeError, "Weakref proxy referenced a non-iterator '%s' object", type_name(o));
  return iter_next(o);
}

int proxy_bool(Value self) {
  Value o = unwrap(self);
  return o ? truthy(o) : -1;
}

int64_t proxy_len(Value self) {
  Value o = unwrap(self);
  return o ? length(o) : -1;
}

Value proxy_getitem(Value self, Value key) {
  Value o = unwrap(self);
  return o ? get_item(o, key) : Value();
}

int proxy_setitem(Value self, Value key, Value v) {
  Value o = unwrap(self);
  if (!o) return -1;
  return v ? set_item(o, key, v) : del_item(o, key);
}

int proxy_contains(Value self, Value item) {
  Value o = unwrap(self);
  return o ? contains(o, item) : -1;
}

Value proxy_getattr(Value self, Str* name) {
  Value o = unwrap(self);
  return o ? get_attr(o, name) : Value();
}

int proxy_setattr(Value self, Str* name, Value v) {
  Value o = unwrap(self);
  if (!o) return -1;
  return v ? set_attr(o, name, v) : del_attr(o, name);
}

Value proxy_richcompare(Value a, Value b, CompareOp op) {
  a = unwrap(a);
  if (!a) return Value();
  b = unwrap(b);
  if (!b) return Value();
  return rich_compare(a, b, op);
}

Value proxy_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value o = unwrap(self);
  return o ? call(o, args, nargs, kwnames) : Value();
}

Value proxy_repr(Value self) {
  Value r = referent_of(self);
  std::string me = address_of(self);
  Value target = r ? r : None();
  std::string at = address_of(target);
  return Value(format_message("<weakproxy at %s to %s at %s>", me.c_str(), type_name(target), at.c_str()));
}

Value proxy_bytes(Value self, const Value*, size_t, Tuple*) {
  Value o = unwrap(self);
  return o ? call1(Value(&bytes_type), o) : Value();
}

Value proxy_reversed(Value self, const Value*, size_t, Tuple*) {
  Value o = unwrap(self);
  return o ? call_method0(o, names::__reversed__) : Value();
}

const MethodDef proxy_methods[] = {{"__bytes__", proxy_bytes, kMethodInstance, nullptr},
                                   {"__reversed__", proxy_reversed, kMethodInstance, nullptr},
                                   {nullptr}};

template <size_t... I>
void set_binary_slots(Type* t, std::index_sequence<I...>) {
  ((t->nb[I] = proxy_binary<BinaryOp(I)>), ...);
  ((t->nb_inplace[I] = BinaryOp(I) == BinaryOp::DivMod ? nullptr : proxy_inplace<BinaryOp(I)>), ...);
}

void init_proxy_type(Type* t, const char* name, bool callable) {
  t->native_name = name;
  t->instance_size = sizeof(WeakRef);
  t->repr = proxy_repr;
  t->str = proxy_unary<to_str>;
  t->richcompare = proxy_richcompare;
  t->getattr = proxy_getattr;
  t->setattr = proxy_setattr;
  t->iter = proxy_unary<get_iter>;
  t->next = proxy_next;
  set_binary_slots(t, std::make_index_sequence<kNumBinaryOps>());
  t->pow3 = proxy_pow3;
  t->neg = proxy_unary<unary_neg>;
  t->pos = proxy_unary<unary_pos>;
  t->invert = proxy_unary<unary_invert>;
  t->abs = proxy_unary<number_abs>;
  t->index = proxy_unary<number_index>;
  t->int_ = proxy_unary<to_int>;
  t->float_ = proxy_unary<to_float>;
  t->bool_ = proxy_bool;
  t->len = proxy_len;
  t->getitem = proxy_getitem;
  t->setitem = proxy_setitem;
  t->contains = proxy_contains;
  t->methods = proxy_methods;
  if (callable) t->call = proxy_call;
  type_ready(t);
}

// ------------------------------------------------------------------ module functions

Value weakref_proxy(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_weakref.proxy", kwnames) || !check_positional("proxy", nargs, 1, 2)) return Value();
  if (!check_weakrefable(args[0])) return Value();
  Type* type = is_callable(args[0]) ? &weakcallableproxy_type : &weakproxy_type;
  return make_ref(type, args[0], nargs == 2 ? args[1] : Value());
}

Value weakref_getweakrefcount(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefcount", kwnames) || !check_nargs("_weakref.getweakrefcount", nargs, 1, 1))
    return Value();
  return int_from_i64(list_size(refs_of(args[0])));
}

Value weakref_getweakrefs(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefs", kwnames) || !check_nargs("_weakref.getweakrefs", nargs, 1, 1))
    return Value();
  return Value(refs_of(args[0]));
}

// Deletes dict[key] if it is a dead weak reference (the value is checked and
// removed under the dict's lock, so a live value stored meanwhile stays).
Value weakref_remove_dead(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_weakref._remove_dead_weakref", kwnames) ||
      !check_positional("_remove_dead_weakref", nargs, 2, 2))
    return Value();
  if (!is_dict(args[0]))
    return raise(&exc::TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", type_name(args[0]));
  Dict* d = args[0].as<Dict>();
  Value v = dict_get(d, args[1]);
  if (!v) return error_occurred() ? Value() : None();
  if (!is_ref(v) && !is_proxy(v)) return raise(&exc::TypeError, "not a weakref");
  if (referent_of(v)) return None();
  if (dict_del_if_value(d, args[1], v) < 0) return Value();
  return None();
}

const MethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, kMethodStatic, "Return the number of weak references to 'object'."},
    {"_remove_dead_weakref", weakref_remove_dead, kMethodStatic, "Atomically remove key from dict if it points to a dead weakref."},
    {"getweakrefs", weakref_getweakrefs, kMethodStatic, "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", weakref_proxy, kMethodStatic,
     "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to "
     "the\nproxy when 'object' is about to be finalized."},
    {nullptr}};

bool weakref_init(Module* m) {
  // CPython's weak-referenceable core types (types defined elsewhere, such as
  // memoryview or the io classes, set kTypeWeakrefable themselves).
  for (Type* t : {&type_type, &function_type, &builtin_function_type, &method_type, &code_type, &set_type,
                  &frozenset_type, &generator_type, &coroutine_type, &async_generator_type, &module_type,
                  &generic_alias_type})
    t->flags |= kTypeWeakrefable;

  weakref_type.native_name = "weakref.ReferenceType";
  weakref_type.instance_size = sizeof(WeakRef);
  weakref_type.flags = kTypeBaseType;
  weakref_type.new_ = ref_new;
  weakref_type.init = ref_init;
  weakref_type.call = ref_call;
  weakref_type.hash = ref_hash;
  weakref_type.richcompare = ref_richcompare;
  weakref_type.repr = ref_repr;
  weakref_type.methods = ref_methods;
  weakref_type.getsets = ref_getsets;
  type_ready(&weakref_type);
  init_proxy_type(&weakproxy_type, "weakref.ProxyType", false);
  init_proxy_type(&weakcallableproxy_type, "weakref.CallableProxyType", true);

  for (auto [name, v] : {std::pair{"ref", Value(&weakref_type)}, {"ReferenceType", Value(&weakref_type)},
                         {"ProxyType", Value(&weakproxy_type)}, {"CallableProxyType", Value(&weakcallableproxy_type)}})
    if (module_add(m, name, v) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef weakref_module;
const ModuleDef weakref_module = {"_weakref", "Weak-reference support module.", weakref_functions, weakref_init};

}  // namespace spindle
