// The _functools module: reduce, partial, cmp_to_key and the C-level
// lru_cache wrapper that functools.py uses when present.
//
// The bounded lru_cache keeps its entries in a thread-safe dict (key -> Link)
// and its recency order in a doubly linked list guarded by the wrapper's
// Mutex. Only list surgery happens under the lock: hashing and comparing keys
// (possibly Python code) happen in the dict, and the user function runs with
// no lock held, so concurrent callers may both compute a missing value, as in
// CPython.
#include <cstdio>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/repr_guard.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type partial_type, keywrapper_type, lru_wrapper_type, lru_link_type;

// ------------------------------------------------------------------ reduce

Value functools_reduce(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("reduce", kwnames) || !check_positional("reduce", nargs, 2, 3)) return Value();
  Value func = args[0];
  Value result = nargs == 3 ? args[2] : Value();
  Value it = get_iter(args[1]);
  if (!it) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(&exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return Value();
  }
  while (Value item = iter_next(it)) {
    if (!result) {
      result = item;
      continue;
    }
    result = call2(func, result, item);
    if (!result) return Value();
  }
  if (error_occurred()) return Value();
  if (!result) return raise(&exc::TypeError, "reduce() of empty iterable with no initial value");
  return result;
}

// ------------------------------------------------------------------ partial

struct Partial : Object {
  Value fn;
  Tuple* args;
  Dict* kw;
  Dict* dict;  // __dict__, created on demand
};

inline Partial* P(Value v) { return v.as<Partial>(); }

// The partial's keyword dict merged with a call's keywords (kwnames/values).
Dict* merged_keywords(Dict* base, const Value* kwvalues, Tuple* kwnames) {
  Dict* d = dict_copy(base);
  for (int64_t i = 0; kwnames && i < kwnames->size; i++) dict_set(d, kwnames->items[i], kwvalues[i]);
  return d;
}

Value partial_call(Value self, const Value* args, size_t nargs, Tuple* kwnames);

Value partial_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&exc::TypeError, "type 'partial' takes at least one argument");
  Value func = args[0];
  if (!is_callable(func)) return raise(&exc::TypeError, "the first argument must be callable");
  Tuple* inner_args = tuple_empty();
  Dict* inner_kw = nullptr;
  // A plain partial of a partial flattens (not when the inner one has attributes).
  if (type_of(func)->call == partial_call && !P(func)->dict) {
    inner_args = P(func)->args;
    inner_kw = P(func)->kw;
    func = P(func)->fn;
  }
  size_t extra = nargs - 1;
  Tuple* all = tuple_new(inner_args->size + int64_t(extra));
  for (int64_t i = 0; i < inner_args->size; i++) all->items[i] = inner_args->items[i];
  for (size_t i = 0; i < extra; i++) all->items[inner_args->size + int64_t(i)] = args[1 + i];
  Dict* kw = inner_kw ? dict_copy(inner_kw) : dict_new();
  for (int64_t i = 0; kwnames && i < kwnames->size; i++)
    if (dict_set(kw, kwnames->items[i], args[nargs + size_t(i)]) < 0) return Value();
  auto* p = alloc_instance<Partial>(type);
  p->fn = func;
  p->args = all;
  p->kw = kw;
  return Value(p);
}

Value partial_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Partial* p = P(self);
  Tuple* stored = p->args;
  int64_t total = stored->size + int64_t(nargs);
  if (dict_size(p->kw) == 0) {
    // Fast path: positional arguments prepended, the call's keywords as they are.
    size_t nkw = kwcount(kwnames);
    Value small[16];
    Value* buf = size_t(total) + nkw <= 16 ? small : static_cast<Value*>(alloca(sizeof(Value) * (size_t(total) + nkw)));
    for (int64_t i = 0; i < stored->size; i++) buf[i] = stored->items[i];
    for (size_t i = 0; i < nargs + nkw; i++) buf[stored->size + int64_t(i)] = args[i];
    return call(p->fn, buf, size_t(total), kwnames);
  }
  Tuple* all = tuple_new(total);
  for (int64_t i = 0; i < stored->size; i++) all->items[i] = stored->items[i];
  for (size_t i = 0; i < nargs; i++) all->items[stored->size + int64_t(i)] = args[i];
  return call_with_tuple(p->fn, all, merged_keywords(p->kw, args + nargs, kwnames));
}

Value partial_repr(Value self) {
  Partial* p = P(self);
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("..."));
  StrBuilder b;
  Value mod = get_attr(Value(type_of(self)), names::__module__);
  if (!mod) return Value();
  Value mod_str = to_str(mod);
  if (!mod_str) return Value();
  b.append(mod_str.as<Str>());
  b.append('.');
  b.append(type_of(self)->qualname);
  b.append('(');
  Value fr = repr(p->fn);
  if (!fr) return Value();
  b.append(fr.as<Str>());
  for (int64_t i = 0; i < p->args->size; i++) {
    Value r = repr(p->args->items[i]);
    if (!r) return Value();
    b.append_ascii(", ");
    b.append(r.as<Str>());
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(p->kw, &pos, &k, &v)) {
    Value ks = to_str(k);
    if (!ks) return Value();
    Value vr = repr(v);
    if (!vr) return Value();
    b.append_ascii(", ");
    b.append(ks.as<Str>());
    b.append('=');
    b.append(vr.as<Str>());
  }
  b.append(')');
  return Value(b.finish());
}

Value partial_reduce(Value self, const Value*, size_t, Tuple*) {
  Partial* p = P(self);
  Value state(tuple_pack({p->fn, Value(p->args), Value(p->kw), p->dict ? Value(p->dict) : None()}));
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({p->fn})), state}));
}

Value partial_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  Value st = args[0];
  if (!is_tuple(st) || st.as<Tuple>()->size != 4) return raise(&exc::TypeError, "invalid partial state");
  Tuple* t = st.as<Tuple>();
  Value fn = t->items[0], fnargs = t->items[1], kw = t->items[2], dict = t->items[3];
  if (!is_callable(fn) || !is_tuple(fnargs) || (!is_none(kw) && !is_dict(kw)))
    return raise(&exc::TypeError, "invalid partial state");
  if (!is_tuple_exact(fnargs)) fnargs = Value(tuple_from_array(fnargs.as<Tuple>()->items, fnargs.as<Tuple>()->size));
  Dict* kwd = is_none(kw) ? dict_new() : is_dict_exact(kw) ? kw.as<Dict>() : dict_copy(kw.as<Dict>());
  Partial* p = P(self);
  p->fn = fn;
  p->args = fnargs.as<Tuple>();
  p->kw = kwd;
  if (is_none(dict)) p->dict = nullptr;
  else if (is_dict(dict)) p->dict = dict.as<Dict>();
  else return raise(&exc::TypeError, "invalid partial state");
  return None();
}

Value partial_class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

Value partial_get_dict(Value self) {
  Dict* d = instance_dict(self, true);
  return d ? Value(d) : raise(&exc::AttributeError, "This object has no __dict__");
}

int partial_set_dict(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "a partial object's dictionary may not be deleted");
    return -1;
  }
  if (!is_dict(v)) {
    raise(&exc::TypeError, "setting partial object's dictionary to a non-dict");
    return -1;
  }
  P(self)->dict = v.as<Dict>();
  return 0;
}

const MethodDef partial_methods[] = {{"__reduce__", partial_reduce, kMethodInstance, nullptr},
                                     {"__setstate__", partial_setstate, kMethodInstance, nullptr},
                                     {"__class_getitem__", partial_class_getitem, kMethodClass, "See PEP 585"},
                                     {nullptr}};
const MemberDef partial_members[] = {
    {"func", MemberKind::ReadOnlyValue, offsetof(Partial, fn), "function object to use in future partial calls"},
    {"args", MemberKind::ReadOnlyValue, offsetof(Partial, args), "tuple of arguments to future partial calls"},
    {"keywords", MemberKind::ReadOnlyValue, offsetof(Partial, kw), "dictionary of keyword arguments to future partial calls"},
    {nullptr}};
const GetSetDef partial_getsets[] = {{"__dict__", partial_get_dict, partial_set_dict, nullptr}, {nullptr}};

// ------------------------------------------------------------------ cmp_to_key

struct KeyWrapper : Object {
  Value cmp;
  Value object;  // null for the key function itself
};

Value keywrapper_make(Value cmp, Value object) {
  auto* k = alloc_instance<KeyWrapper>(&keywrapper_type);
  k->cmp = cmp;
  k->object = object;
  return Value(k);
}

Value functools_cmp_to_key(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"cmp_to_key", {"mycmp"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return keywrapper_make(a[0], Value());
}

Value keywrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"K", {"obj"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return keywrapper_make(self.as<KeyWrapper>()->cmp, a[0]);
}

Value keywrapper_richcompare(Value a, Value b, CompareOp op) {
  if (!is_type(b, &keywrapper_type)) return raise(&exc::TypeError, "other argument must be K instance");
  auto* x = a.as<KeyWrapper>();
  auto* y = b.as<KeyWrapper>();
  if (!x->object || !y->object) return raise(&exc::AttributeError, "object");
  Value r = call2(x->cmp, x->object, y->object);
  if (!r) return Value();
  return rich_compare(r, Value::from_small_int(0), op);
}

Value keywrapper_get_obj(Value self) {
  Value o = self.as<KeyWrapper>()->object;
  return o ? o : raise(&exc::AttributeError, "obj");
}

int keywrapper_set_obj(Value self, Value v) {
  self.as<KeyWrapper>()->object = v;
  return 0;
}

const GetSetDef keywrapper_getsets[] = {{"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
                                        {nullptr}};

// ------------------------------------------------------------------ _lru_cache_wrapper

// A cache entry in the recency list (CPython's _lru_list_elem).
struct Link : Object {
  Value key, result;
  Link* prev;  // toward the most recently used end
  Link* next;
  bool linked;
};

struct LruWrapper : Object {
  Mutex lock;
  Value func;
  Value cache_info_type;
  Value maxsize_obj;
  int64_t maxsize;   // -1: unbounded
  bool typed;
  Dict* cache;       // key -> result (unbounded) or key -> Link (bounded)
  Link root;         // circular list sentinel: root.next is the most recent
  int64_t size;      // linked entries
  int64_t hits, misses;
  Dict* dict;
};

inline LruWrapper* L(Value v) { return v.as<LruWrapper>(); }

Object kwd_mark_object;  // separates positional from keyword arguments in keys

// The cache key of a call, as functools._make_key builds it.
Value make_key(const Value* args, size_t nargs, Tuple* kwnames, bool typed) {
  size_t nkw = kwcount(kwnames);
  if (!typed && nkw == 0) {
    if (nargs == 1 && (is_str_exact(args[0]) || is_int_exact(args[0]))) return args[0];
    return Value(tuple_from_array(args, int64_t(nargs)));
  }
  int64_t size = int64_t(nargs);
  if (nkw) size += int64_t(nkw) * 2 + 1;
  if (typed) size += int64_t(nargs + nkw);
  Tuple* key = tuple_new(size);
  int64_t k = 0;
  for (size_t i = 0; i < nargs; i++) key->items[k++] = args[i];
  if (nkw) {
    key->items[k++] = Value(&kwd_mark_object);
    for (size_t i = 0; i < nkw; i++) {
      key->items[k++] = kwnames->items[i];
      key->items[k++] = args[nargs + i];
    }
  }
  if (typed) {
    for (size_t i = 0; i < nargs; i++) key->items[k++] = Value(type_of(args[i]));
    for (size_t i = 0; i < nkw; i++) key->items[k++] = Value(type_of(args[nargs + i]));
  }
  return Value(key);
}

void unlink(Link* l) {
  l->prev->next = l->next;
  l->next->prev = l->prev;
  l->linked = false;
}

void link_front(LruWrapper* w, Link* l) {
  l->prev = &w->root;
  l->next = w->root.next;
  w->root.next->prev = l;
  w->root.next = l;
  l->linked = true;
}

Value lru_call_bounded(LruWrapper* w, Value key, const Value* args, size_t nargs, Tuple* kwnames) {
  Value found = dict_get(w->cache, key);
  if (!found && error_occurred()) return Value();
  if (found) {
    Link* l = found.as<Link>();
    LockGuard guard(w->lock);
    if (l->linked) {
      unlink(l);
      link_front(w, l);
      w->hits++;
      return l->result;
    }
  }
  {
    LockGuard guard(w->lock);
    w->misses++;
  }
  Value result = call(w->func, args, nargs, kwnames);
  if (!result) return Value();
  auto* l = alloc_instance<Link>(&lru_link_type);
  l->key = key;
  l->result = result;
  Value entry(l);
  Value existing = dict_setdefault(w->cache, key, entry);
  if (!existing) return Value();
  if (existing != entry) {
    // Another caller stored this key meanwhile; an evicted leftover is replaced.
    Link* other = existing.as<Link>();
    {
      LockGuard guard(w->lock);
      if (other->linked) return result;
    }
    if (dict_del_if_value(w->cache, key, existing) < 0) return Value();
    existing = dict_setdefault(w->cache, key, entry);
    if (!existing) return Value();
    if (existing != entry) return result;
  }
  Link* evicted = nullptr;
  {
    LockGuard guard(w->lock);
    link_front(w, l);
    if (++w->size > w->maxsize) {
      evicted = w->root.prev;
      unlink(evicted);
      w->size--;
    }
  }
  if (evicted) {
    if (dict_del_if_value(w->cache, evicted->key, Value(evicted)) < 0) return Value();
  }
  return result;
}

Value lru_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  LruWrapper* w = L(self);
  if (w->maxsize == 0) {
    {
      LockGuard guard(w->lock);
      w->misses++;
    }
    return call(w->func, args, nargs, kwnames);
  }
  Value key = make_key(args, nargs, kwnames, w->typed);
  if (w->maxsize > 0) return lru_call_bounded(w, key, args, nargs, kwnames);
  Value found = dict_get(w->cache, key);
  if (found) {
    LockGuard guard(w->lock);
    w->hits++;
    return found;
  }
  if (error_occurred()) return Value();
  {
    LockGuard guard(w->lock);
    w->misses++;
  }
  Value result = call(w->func, args, nargs, kwnames);
  if (!result) return Value();
  if (!dict_setdefault(w->cache, key, result)) return Value();
  return result;
}

Value lru_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"lru_cache", {"user_function", "maxsize", "typed", "cache_info_type"}, 4};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_callable(a[0])) return raise(&exc::TypeError, "the first argument must be callable");
  int64_t maxsize = -1;
  if (!is_none(a[1])) {
    if (!is_int(a[1])) return raise(&exc::TypeError, "maxsize should be integer or None");
    if (!index_as_i64(a[1], &maxsize, &exc::OverflowError)) return Value();
    if (maxsize < 0) maxsize = 0;
  }
  int typed = truthy(a[2]);
  if (typed < 0) return Value();
  auto* w = alloc_instance<LruWrapper>(type);
  w->func = a[0];
  w->maxsize_obj = a[1];
  w->maxsize = maxsize;
  w->typed = typed;
  w->cache_info_type = a[3];
  w->cache = dict_new();
  w->root.prev = w->root.next = &w->root;
  return Value(w);
}

Value lru_cache_info(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("cache_info", nargs, 0, 0)) return Value();
  LruWrapper* w = L(self);
  int64_t hits, misses, size;
  {
    LockGuard guard(w->lock);
    hits = w->hits;
    misses = w->misses;
    size = w->maxsize > 0 ? w->size : dict_size(w->cache);
  }
  Value args[4] = {int_from_i64(hits), int_from_i64(misses), w->maxsize_obj, int_from_i64(size)};
  return call(w->cache_info_type, args, 4);
}

Value lru_cache_clear(Value self, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("cache_clear", nargs, 0, 0)) return Value();
  LruWrapper* w = L(self);
  {
    LockGuard guard(w->lock);
    for (Link* l = w->root.next; l != &w->root; l = l->next) l->linked = false;
    w->root.prev = w->root.next = &w->root;
    w->size = 0;
    w->hits = w->misses = 0;
    w->cache = dict_new();
  }
  return None();
}

Value lru_descr_get(Value self, Value obj, Value type) {
  if (!obj || is_none(obj)) return self;
  return method_new(self, obj);
}

Value lru_reduce(Value self, const Value*, size_t, Tuple*) { return get_attr(self, names::__qualname__); }
Value lru_copy(Value self, const Value*, size_t, Tuple*) { return self; }

Value lru_get_dict(Value self) {
  Dict* d = instance_dict(self, true);
  return d ? Value(d) : raise(&exc::AttributeError, "This object has no __dict__");
}

int lru_set_dict(Value self, Value v) {
  if (!v || !is_dict(v)) {
    raise(&exc::TypeError, v ? "__dict__ must be set to a dictionary, not a '%s'" : "cannot delete __dict__",
          v ? type_name(v) : "");
    return -1;
  }
  L(self)->dict = v.as<Dict>();
  return 0;
}

const MethodDef lru_methods[] = {{"cache_info", lru_cache_info, kMethodInstance, "Report cache statistics"},
                                 {"cache_clear", lru_cache_clear, kMethodInstance, "Clear the cache and cache statistics"},
                                 {"__reduce__", lru_reduce, kMethodInstance, nullptr},
                                 {"__copy__", lru_copy, kMethodInstance, nullptr},
                                 {"__deepcopy__", lru_copy, kMethodInstance, nullptr},
                                 {nullptr}};
const GetSetDef lru_getsets[] = {{"__dict__", lru_get_dict, lru_set_dict, nullptr}, {nullptr}};

// ------------------------------------------------------------------ module

const MethodDef functools_functions[] = {
    {"reduce", functools_reduce, kMethodStatic,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the items of "
     "a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue."},
    {"cmp_to_key", functools_cmp_to_key, kMethodStatic, "Convert a cmp= function into a key= function."},
    {nullptr}};

bool functools_init(Module* m) {
  kwd_mark_object.type = &object_type;

  partial_type.native_name = "functools.partial";
  partial_type.instance_size = sizeof(Partial);
  partial_type.dict_offset = offsetof(Partial, dict);
  partial_type.flags = kTypeBaseType | kTypeWeakrefable;
  partial_type.new_ = partial_new;
  partial_type.call = partial_call;
  partial_type.repr = partial_repr;
  partial_type.methods = partial_methods;
  partial_type.getsets = partial_getsets;
  partial_type.members = partial_members;
  partial_type.doc =
      "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and "
      "keywords.\n";
  type_ready(&partial_type);

  keywrapper_type.native_name = "functools.KeyWrapper";
  keywrapper_type.instance_size = sizeof(KeyWrapper);
  keywrapper_type.call = keywrapper_call;
  keywrapper_type.richcompare = keywrapper_richcompare;
  keywrapper_type.getsets = keywrapper_getsets;
  type_ready(&keywrapper_type);

  lru_wrapper_type.native_name = "functools._lru_cache_wrapper";
  lru_wrapper_type.instance_size = sizeof(LruWrapper);
  lru_wrapper_type.dict_offset = offsetof(LruWrapper, dict);
  lru_wrapper_type.flags = kTypeWeakrefable;
  lru_wrapper_type.new_ = lru_new;
  lru_wrapper_type.call = lru_call;
  lru_wrapper_type.descr_get = lru_descr_get;
  lru_wrapper_type.methods = lru_methods;
  lru_wrapper_type.getsets = lru_getsets;
  lru_wrapper_type.doc =
      "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\n"
      "maxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for "
      "a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache "
      "f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                   "
      "     hits misses currsize maxsize\n";
  type_ready(&lru_wrapper_type);

  lru_link_type.native_name = "functools._lru_list_elem";
  lru_link_type.instance_size = sizeof(Link);
  type_ready(&lru_link_type);

  for (auto [name, type] : {std::pair{"partial", &partial_type}, {"_lru_cache_wrapper", &lru_wrapper_type}})
    if (module_add(m, name, Value(type)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef functools_module;
const ModuleDef functools_module = {"_functools", "Tools that operate on functions.", functools_functions,
                                    functools_init};

}  // namespace spindle
