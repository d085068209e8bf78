// The interpreter's out-of-line operations, including the inline caches for
// globals and attributes. Cache slots hold pointers to immutable entries that
// are replaced as a whole (one atomic store), so a reader always sees a
// consistent entry; an entry is valid while the version it records matches.
#include "vm/ops.h"

#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace spindle {

Value generic_getattr(Value obj, Str* name);
int generic_setattr(Value obj, Str* name, Value v);
Value format(Value v, Value spec);
Value exception_group_split(Value eg, Value type, Value* rest);
Value exception_group_combine(Value orig, Value raised_list);

namespace ops {

// ------------------------------------------------------------------ names

Value load_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) return raise(&exc::SystemError, "no locals when loading %R", Value(name));
  Value v;
  if (is_dict_exact(locals)) {
    v = dict_get_str(locals.as<Dict>(), name);
  } else {
    v = get_item(locals, Value(name));
    if (!v) {
      if (!error_matches(&exc::KeyError)) return Value();
      clear_error();
    }
  }
  if (v) return v;
  if ((v = dict_get_str(f->globals, name))) return v;
  if ((v = dict_get_str(f->builtins, name))) return v;
  return raise_name_error(name);
}

int store_name(Frame* f, Str* name, Value v) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc::SystemError, "no locals found when storing %R", Value(name));
    return -1;
  }
  if (is_dict_exact(locals)) return dict_set_str(locals.as<Dict>(), name, v);
  return set_item(locals, Value(name), v);
}

int delete_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc::SystemError, "no locals when deleting %R", Value(name));
    return -1;
  }
  int r = is_dict_exact(locals) ? dict_del(locals.as<Dict>(), Value(name)) : del_item(locals, Value(name));
  if (r < 0 && error_matches(&exc::KeyError)) {
    clear_error();
    raise_name_error(name);
  }
  return r;
}

// ------------------------------------------------------------------ globals

namespace {

struct GlobalCache {
  Dict* globals;
  Dict* builtins;
  uint64_t globals_version;  // only checked for builtins hits
  int64_t index;
  bool in_builtins;
};

}  // namespace

Value load_global_cached(Frame* f, Str* name, std::atomic<void*>* cache) {
  auto* e = static_cast<GlobalCache*>(cache->load(std::memory_order_acquire));
  Dict* globals = f->globals;
  if (e && e->globals == globals) {
    if (!e->in_builtins) {
      if (Value v = dict_value_at_if_key(globals, e->index, name)) return v;
    } else if (e->builtins == f->builtins &&
               globals->keys_version.load(std::memory_order_acquire) == e->globals_version) {
      if (Value v = dict_value_at_if_key(f->builtins, e->index, name)) return v;
    }
  }
  uint64_t version = globals->keys_version.load(std::memory_order_acquire);
  int64_t i = dict_find_index_str(globals, name);
  if (i >= 0) {
    Value v = dict_value_at_if_key(globals, i, name);
    if (v) {
      auto* n = gc::make<GlobalCache>(GlobalCache{globals, nullptr, 0, i, false});
      cache->store(n, std::memory_order_release);
      return v;
    }
  }
  if (Value v = dict_get_str(globals, name)) return v;  // a non-str key equal to name
  i = dict_find_index_str(f->builtins, name);
  if (i >= 0) {
    Value v = dict_value_at_if_key(f->builtins, i, name);
    if (v) {
      auto* n = gc::make<GlobalCache>(GlobalCache{globals, f->builtins, version, i, true});
      cache->store(n, std::memory_order_release);
      return v;
    }
  }
  return dict_get_str(f->builtins, name);
}

void load_global_failed(Frame* f, Str* name) {
  if (!error_occurred()) raise_name_error(name);
}

// ------------------------------------------------------------------ attributes

namespace {

enum class AttrKind : uint8_t { InstanceDict, TypeValue, SlotMember, PropertyGetter, ModuleDict };

// How obj.name was found for one type (or one module): the guard and the way.
struct AttrEntry {
  uint32_t version;  // type version tag (0 for module entries)
  AttrKind kind;
  uint32_t offset;   // slot offset (SlotMember)
  int64_t index;     // dict entry index (InstanceDict, ModuleDict)
  Value value;       // class attribute / property getter / module dict
};

// A polymorphic cache: up to kWays entries, newest first. Immutable once
// published; a miss publishes a fresh copy with the new entry in front. After
// kMaxFills replacements the site counts as megamorphic and stops changing.
struct AttrCache {
  static constexpr int kWays = 4;
  static constexpr uint32_t kMaxFills = 32;
  uint32_t count;
  uint32_t fills;
  AttrEntry entries[kWays];
};

inline bool uses_generic_getattr(Type* t) {
  static GetAttrFn generic = object_type.getattr;
  return t->getattr == generic;
}

void publish(std::atomic<void*>* cache, const AttrEntry& entry) {
  auto* old = static_cast<AttrCache*>(cache->load(std::memory_order_acquire));
  if (old && old->fills >= AttrCache::kMaxFills) return;
  auto* c = gc::make<AttrCache>();
  c->entries[0] = entry;
  c->count = 1;
  c->fills = old ? old->fills + 1 : 1;
  if (old) {
    for (uint32_t i = 0; i < old->count && c->count < AttrCache::kWays; i++) {
      const AttrEntry& e = old->entries[i];
      bool same_guard = e.kind == AttrKind::ModuleDict ? entry.kind == AttrKind::ModuleDict && e.value == entry.value
                                                       : entry.kind != AttrKind::ModuleDict && e.version == entry.version;
      if (!same_guard) c->entries[c->count++] = e;
    }
  }
  cache->store(c, std::memory_order_release);
}

// The entry guarding on obj's type version, if any (not for modules).
inline const AttrEntry* entry_for_type(const AttrCache* c, uint32_t version) {
  for (uint32_t i = 0; i < c->count; i++)
    if (c->entries[i].version == version && c->entries[i].kind != AttrKind::ModuleDict) return &c->entries[i];
  return nullptr;
}

// True when obj's instance dict cannot hold `name` (so a class attribute is not shadowed).
inline bool not_shadowed(Value obj, Str* name) {
  Dict* d = obj.is_object() ? existing_instance_dict(obj.as_object()) : nullptr;
  if (!d) return true;
  int64_t h = name->hash_cache.load(std::memory_order_relaxed);
  return (h != -1 && dict_lacks_hash(d, h)) || !dict_get_str(d, name);
}

// Fills the cache for obj.name after a successful uncached lookup.
void fill_attr_cache(Value obj, Str* name, std::atomic<void*>* cache, bool for_method) {
  if (!obj.is_object()) return;
  Type* t = obj.as_object()->type;
  if (is_type(obj, &module_type)) {
    Dict* d = obj.as<Module>()->dict;
    int64_t i = dict_find_index_str(d, name);
    if (i >= 0 && !type_lookup(t, name)) publish(cache, AttrEntry{0, AttrKind::ModuleDict, 0, i, Value(d)});
    return;
  }
  if (!uses_generic_getattr(t)) return;
  uint32_t version = type_version(t);
  if (!version) return;
  Value descr = type_lookup(t, name);
  if (descr) {
    Type* dt = type_of(descr);
    if (dt->descr_set) {
      if (dt == &member_descriptor_type && descr.as<MemberDescriptor>()->kind == MemberKind::Value) {
        publish(cache, AttrEntry{version, AttrKind::SlotMember, descr.as<MemberDescriptor>()->offset, 0, Value()});
      } else if (dt == &property_type && descr.as<Property>()->fget && !for_method) {
        publish(cache, AttrEntry{version, AttrKind::PropertyGetter, 0, 0, descr.as<Property>()->fget});
      }
      return;
    }
  }
  if (Dict* d = instance_dict(obj, false)) {
    int64_t i = dict_find_index_str(d, name);
    if (i >= 0) {
      publish(cache, AttrEntry{version, AttrKind::InstanceDict, 0, i, Value()});
      return;
    }
  }
  if (descr) {
    Type* dt = type_of(descr);
    bool plain = !dt->descr_get || dt == &function_type || dt == &method_descriptor_type;
    if (plain) publish(cache, AttrEntry{version, AttrKind::TypeValue, 0, 0, descr});
  }
}

inline Value bind_if_function(Value v, Value obj) {
  Type* vt = type_of(v);
  if (vt == &function_type) return method_new(v, obj);
  if (vt == &method_descriptor_type) return vt->descr_get(v, obj, Value(type_of(obj)));
  return v;
}

inline Value slot_value(Object* o, uint32_t offset) {
  return Value::from_bits(reinterpret_cast<std::atomic<uint64_t>*>(field_address(o, offset))->load(std::memory_order_acquire));
}

// name in a module's dict at an index the cache remembers for that module, or null.
inline Value cached_module_value(const AttrCache* c, Object* module, Str* name) {
  Dict* md = static_cast<Module*>(module)->dict;
  for (uint32_t i = 0; i < c->count; i++)
    if (c->entries[i].kind == AttrKind::ModuleDict && c->entries[i].value == Value(md))
      return dict_value_at_if_key(md, c->entries[i].index, name);
  return Value();
}

}  // namespace

Value load_attr_cached(Value obj, Str* name, std::atomic<void*>* cache) {
  auto* c = static_cast<AttrCache*>(cache->load(std::memory_order_acquire));
  if (c && obj.is_object()) {
    Object* o = obj.as_object();
    if (o->type == &module_type) {
      if (Value v = cached_module_value(c, o, name)) return v;
    } else if (const AttrEntry* e = entry_for_type(c, o->type->version.load(std::memory_order_acquire))) {
      switch (e->kind) {
        case AttrKind::InstanceDict:
          if (Dict* d = existing_instance_dict(o))
            if (Value v = dict_value_at_if_key(d, e->index, name)) return v;
          break;
        case AttrKind::TypeValue:
          if (not_shadowed(obj, name)) return bind_if_function(e->value, obj);
          break;
        case AttrKind::SlotMember:
          if (Value v = slot_value(o, e->offset)) return v;
          break;
        case AttrKind::PropertyGetter:
          return call1(e->value, obj);
        default:
          break;
      }
    }
  }
  Value v = get_attr(obj, name);
  if (v) fill_attr_cache(obj, name, cache, false);
  return v;
}

bool load_method_cached(Value obj, Str* name, std::atomic<void*>* cache, Value* meth) {
  auto* c = static_cast<AttrCache*>(cache->load(std::memory_order_acquire));
  if (c && obj.is_object()) {
    // module.function(...): a plain attribute, never an unbound method.
    if (obj.as_object()->type == &module_type) {
      if ((*meth = cached_module_value(c, obj.as_object(), name))) return false;
    }
    const AttrEntry* e = entry_for_type(c, obj.as_object()->type->version.load(std::memory_order_acquire));
    if (e && e->kind == AttrKind::TypeValue && not_shadowed(obj, name)) {
      *meth = e->value;
      Type* vt = type_of(e->value);
      return vt == &function_type || vt == &method_descriptor_type;
    }
  }
  Type* t = type_of(obj);
  if (uses_generic_getattr(t)) {
    Value descr = type_lookup(t, name);
    if (descr) {
      Type* dt = type_of(descr);
      if ((dt == &function_type || dt == &method_descriptor_type) && not_shadowed(obj, name)) {
        fill_attr_cache(obj, name, cache, true);
        *meth = descr;
        return true;
      }
    }
  }
  *meth = get_attr(obj, name);
  if (*meth && obj.is_object() && !is_type_object(obj)) fill_attr_cache(obj, name, cache, true);
  return false;
}

int store_attr_cached(Value obj, Str* name, Value v, std::atomic<void*>* cache) {
  auto* c = static_cast<AttrCache*>(cache->load(std::memory_order_acquire));
  if (c && obj.is_object()) {
    Object* o = obj.as_object();
    if (const AttrEntry* e = entry_for_type(c, o->type->version.load(std::memory_order_acquire))) {
      if (e->kind == AttrKind::InstanceDict) {
        // The type has no data descriptor for name: store straight into the dict,
        // at the remembered entry when it still holds name.
        Dict* d = existing_instance_dict(o);
        if (d && e->index >= 0 && dict_store_at_if_key(d, e->index, name, v)) return 0;
        if (!d) d = instance_dict(obj, true);
        return dict_set_str(d, name, v);
      }
      if (e->kind == AttrKind::SlotMember) {
        reinterpret_cast<std::atomic<uint64_t>*>(field_address(o, e->offset))->store(v.bits(), std::memory_order_release);
        return 0;
      }
    }
  }
  int r = set_attr(obj, name, v);
  if (r == 0 && obj.is_object()) {
    Type* t = obj.as_object()->type;
    if (t->setattr == object_type.setattr && uses_generic_getattr(t)) {
      uint32_t version = type_version(t);
      Value descr = type_lookup(t, name);
      Dict* d = instance_dict(obj, false);
      if (version && (!descr || !type_of(descr)->descr_set) && d) {
        publish(cache, AttrEntry{version, AttrKind::InstanceDict, 0, dict_find_index_str(d, name), Value()});
      } else if (version && descr && is_type(descr, &member_descriptor_type) &&
                 descr.as<MemberDescriptor>()->kind == MemberKind::Value) {
        publish(cache, AttrEntry{version, AttrKind::SlotMember, descr.as<MemberDescriptor>()->offset, 0, Value()});
      }
    }
  }
  return r;
}

// ------------------------------------------------------------------ calls and unpacking

namespace {
// How call errors name the callee, as CPython's "module.qualname()" (just
// "qualname()" for builtins; the repr when there is no __qualname__).
Str* function_display_name(Value callable) {
  Value qualname = lookup_attr(callable, names::__qualname__);
  if (!qualname || !is_str(qualname)) {
    clear_error();
    Value r = to_str(callable);
    if (r) return r.as<Str>();
    clear_error();
    return format_message("%s object", type_name(callable));
  }
  Value module = lookup_attr(callable, names::__module__);
  clear_error();
  if (module && is_str(module) && !str_equals_ascii(module.as<Str>(), "builtins"))
    return format_message("%U.%U()", module.as<Str>(), qualname.as<Str>());
  return format_message("%U()", qualname.as<Str>());
}
}  // namespace

Value call_function_ex(Value callable, Value args, Value kwargs) {
  Tuple* targs;
  if (is_tuple_exact(args)) {
    targs = args.as<Tuple>();
  } else {
    if (!type_of(args)->iter && !type_of(args)->getitem)
      return raise(&exc::TypeError, "%U argument after * must be an iterable, not %s",
                   function_display_name(callable), type_name(args));
    Value t = tuple_from_iterable(args);
    if (!t) return Value();
    targs = t.as<Tuple>();
  }
  Dict* kw = nullptr;
  if (kwargs) {
    if (is_dict_exact(kwargs)) {
      kw = kwargs.as<Dict>();
    } else {
      kw = dict_new();
      if (!dict_merge_kwargs(kw, kwargs, callable)) return Value();
    }
  }
  return call_with_tuple(callable, targs, kw);
}

bool list_extend_unpack(List* l, Value iterable) {
  if (list_extend(l, iterable) == 0) return true;
  if (error_matches(&exc::TypeError) && !type_of(iterable)->iter && !type_of(iterable)->getitem) {
    clear_error();
    raise(&exc::TypeError, "Value after * must be an iterable, not %s", type_name(iterable));
  }
  return false;
}

bool dict_update_unpack(Dict* d, Value mapping) {
  if (is_dict(mapping)) return dict_merge(d, mapping, true) == 0;
  Value keys = lookup_attr(mapping, names::keys);
  if (!keys) {
    if (!error_occurred()) raise(&exc::TypeError, "'%s' object is not a mapping", type_name(mapping));
    return false;
  }
  return dict_merge(d, mapping, true) == 0;
}

bool dict_merge_kwargs(Dict* d, Value mapping, Value callable) {
  if (!is_dict(mapping)) {
    Value keys = lookup_attr(mapping, names::keys);
    if (!keys) {
      if (!error_occurred())
        raise(&exc::TypeError, "%U argument after ** must be a mapping, not %s", function_display_name(callable),
              type_name(mapping));
      return false;
    }
  }
  Value keys = is_dict(mapping) ? Value() : call_method0(mapping, names::keys);
  if (!is_dict(mapping) && !keys) return false;
  Value it = is_dict(mapping) ? Value() : get_iter(keys);
  if (!is_dict(mapping) && !it) return false;
  int64_t pos = 0;
  for (;;) {
    Value k, v;
    if (is_dict(mapping)) {
      if (!dict_next(mapping.as<Dict>(), &pos, &k, &v)) break;
    } else {
      k = iter_next(it);
      if (!k) {
        if (error_occurred()) return false;
        break;
      }
      v = get_item(mapping, k);
      if (!v) return false;
    }
    if (!is_str(k)) {
      raise(&exc::TypeError, "keywords must be strings");
      return false;
    }
    if (dict_get(d, k)) {
      raise(&exc::TypeError, "%U got multiple values for keyword argument '%U'", function_display_name(callable),
            k.as<Str>());
      return false;
    }
    if (dict_set(d, k, v) < 0) return false;
  }
  return true;
}

bool unpack_iterable(Value seq, uint32_t before, int with_star, Value* out) {
  if (with_star < 0 && is_list_exact(seq) && list_unpack_exact(seq.as<List>(), before, out)) return true;
  Value it = get_iter(seq);
  if (!it) {
    if (error_matches(&exc::TypeError) && !type_of(seq)->iter && !type_of(seq)->getitem) {
      clear_error();
      raise(&exc::TypeError, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return false;
  }
  uint32_t total = before + (with_star >= 0 ? uint32_t(with_star) + 1 : 0);
  // Items go on the stack last first: out[total-1] is the first item.
  for (uint32_t i = 0; i < before; i++) {
    Value v = iter_next(it);
    if (!v) {
      if (error_occurred()) return false;
      if (with_star >= 0)
        raise(&exc::ValueError, "not enough values to unpack (expected at least %u, got %u)",
              before + uint32_t(with_star), i);
      else
        raise(&exc::ValueError, "not enough values to unpack (expected %u, got %u)", before, i);
      return false;
    }
    out[total - 1 - i] = v;
  }
  if (with_star < 0) {
    Value extra = iter_next(it);
    if (extra) {
      raise(&exc::ValueError, "too many values to unpack (expected %u)", before);
      return false;
    }
    return !error_occurred();
  }
  Value rest = list_from_iterable(it);
  if (!rest) return false;
  List* l = rest.as<List>();
  int64_t n = list_size(l);
  if (n < with_star) {
    raise(&exc::ValueError, "not enough values to unpack (expected at least %u, got %lld)",
          before + uint32_t(with_star), (long long)(before + n));
    return false;
  }
  // The trailing items come off the end of the starred list.
  for (int i = 0; i < with_star; i++) out[with_star - 1 - i] = list_get(l, n - with_star + i);
  Tuple* kept = list_snapshot(l);
  List* star = list_from_array(kept->items, n - with_star);
  out[with_star] = Value(star);
  return true;
}

Value fast_iter_next(Value it) {
  if (!it.is_object()) return Value();
  Type* t = it.as_object()->type;
  if (t == &list_iterator_type) return list_iterator_next_fast(it);
  if (t == &range_iterator_type) return range_iterator_next_fast(it);
  if (t == &tuple_iterator_type) return tuple_iterator_next_fast(it);
  return Value();
}

// ------------------------------------------------------------------ exceptions

bool do_raise(Value exc, Value cause) {
  ThreadState* t = ts();
  if (!exc) {
    // A bare `raise`: the exception being handled, with its traceback.
    ExcStackItem* item = t->exc_info;
    while (item && (!item->exc || is_none(item->exc))) item = item->prev;
    if (!item) {
      raise(&exc::RuntimeError, "No active exception to reraise");
      return false;
    }
    restore_error(item->exc);
    return true;
  }
  Value instance;
  if (is_exception_type(exc)) {
    instance = call0(exc);
    if (!instance) return false;
    if (!is_exception_instance(instance)) {
      raise(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %R", exc,
            Value(type_of(instance)));
      return false;
    }
  } else if (is_exception_instance(exc)) {
    instance = exc;
  } else {
    raise(&exc::TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Value cause_instance;
    if (is_none(cause)) {
      cause_instance = Value();
    } else if (is_exception_type(cause)) {
      cause_instance = call0(cause);
      if (!cause_instance) return false;
    } else if (is_exception_instance(cause)) {
      cause_instance = cause;
    } else {
      raise(&exc::TypeError, "exception causes must derive from BaseException");
      return false;
    }
    auto* e = instance.as<ExceptionObject>();
    e->cause = cause_instance;
    e->suppress_context = true;
  }
  raise_value(instance);
  return false;
}

int exception_matches(Value exc, Value type) {
  auto valid = [](Value t) { return is_exception_type(t); };
  if (is_tuple(type)) {
    for (Value t : *type.as<Tuple>()) {
      if (!valid(t)) {
        raise(&exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
    }
  } else if (!valid(type)) {
    raise(&exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return is_instance(exc, type);
}

bool exception_group_match(Value eg, Value type, Value* match, Value* rest) {
  auto check = [](Value t) {
    if (!is_exception_type(t)) {
      raise(&exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    if (is_subtype(t.as<Type>(), &exc::BaseExceptionGroup)) {
      raise(&exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
    return true;
  };
  if (is_tuple(type)) {
    for (Value t : *type.as<Tuple>())
      if (!check(t)) return false;
  } else if (!check(type)) {
    return false;
  }
  if (is_none(eg)) {
    *match = None();
    *rest = None();
    return true;
  }
  Value m = exception_group_split(eg, type, rest);
  if (!m && error_occurred()) return false;
  *match = m ? m : None();
  if (!*rest) *rest = None();
  return true;
}

Value prep_reraise_star(Value orig, Value raised_list) { return exception_group_combine(orig, raised_list); }

bool enter_context(Value mgr, bool is_async, Value* exit_fn, Value* result) {
  Str* enter_name = is_async ? names::__aenter__ : names::__enter__;
  Str* exit_name = is_async ? names::__aexit__ : names::__exit__;
  Value enter = lookup_special(mgr, enter_name);
  if (!enter) {
    if (!error_occurred())
      raise(&exc::TypeError, is_async ? "'%s' object does not support the asynchronous context manager protocol"
                                      : "'%s' object does not support the context manager protocol",
            type_name(mgr));
    return false;
  }
  Value exit = lookup_special(mgr, exit_name);
  if (!exit) {
    if (!error_occurred())
      raise(&exc::TypeError,
            is_async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                     : "'%s' object does not support the context manager protocol (missed __exit__ method)",
            type_name(mgr));
    return false;
  }
  Value r = call0(enter);
  if (!r) return false;
  *exit_fn = exit;
  *result = r;
  return true;
}

Value call_exit(Value exit_fn, Value exc) {
  Value tb = exception_traceback(exc);
  Value args[3] = {Value(type_of(exc)), exc, tb ? tb : None()};
  return call(exit_fn, args, 3);
}

// ------------------------------------------------------------------ functions, imports

Value make_function(Code* code, Frame* f, Value defaults, Value kwdefaults, Value annotations, Value closure) {
  Function* fn = function_new(code, f->globals, f->builtins);
  if (defaults) fn->defaults = defaults.as<Tuple>();
  if (kwdefaults) fn->kwdefaults = kwdefaults.as<Dict>();
  if (closure) fn->closure = closure.as<Tuple>();
  if (annotations) {
    Tuple* pairs = annotations.as<Tuple>();
    Dict* d = dict_new(pairs->size / 2);
    for (int64_t i = 0; i + 1 < pairs->size; i += 2)
      if (dict_set(d, pairs->items[i], pairs->items[i + 1]) < 0) return Value();
    fn->annotations = Value(d);
  }
  return Value(fn);
}

Value import_name_op(Frame* f, Str* name, Value fromlist, Value level) {
  Value import_fn = dict_get_str(f->builtins, names::__import__);
  if (!import_fn) return raise(&exc::ImportError, "__import__ not found");
  int64_t lvl;
  if (!index_as_i64(level, &lvl, &exc::OverflowError)) return Value();
  if (!is_builtin_import(import_fn)) {
    Value locals = f->locals ? f->locals : None();
    Value args[5] = {Value(name), Value(f->globals), locals, fromlist, level};
    return call(import_fn, args, 5);
  }
  return import_name(name, f->globals, fromlist, lvl);
}

Value import_from(Value module, Str* name) {
  Value v = lookup_attr(module, name);
  if (v) return v;
  if (error_occurred()) return Value();
  // A submodule not yet bound as an attribute (circular imports).
  Value pkgname = lookup_attr(module, names::__name__);
  if (pkgname && is_str(pkgname)) {
    StrBuilder b;
    b.append(pkgname.as<Str>());
    b.append('.');
    b.append(name);
    Value full(b.finish());
    Value modules = sys_modules();
    if (modules) {
      Value m = dict_get(modules.as<Dict>(), full);
      if (m) return m;
    }
  }
  clear_error();
  Value path = lookup_attr(module, names::__file__);
  clear_error();
  bool initializing = module_is_initializing(module);
  Str* modname = pkgname && is_str(pkgname) ? pkgname.as<Str>() : intern_cstr("<unknown module name>");
  Value e;
  if (initializing) {
    e = raise(&exc::ImportError,
              "cannot import name '%U' from partially initialized module '%U' (most likely due to a circular import) (%S)",
              name, modname, path ? path : Value(intern_cstr("unknown location")));
  } else if (path && is_str(path)) {
    e = raise(&exc::ImportError, "cannot import name '%U' from '%U' (%U)", name, modname, path.as<Str>());
  } else {
    e = raise(&exc::ImportError, "cannot import name '%U' from '%U' (unknown location)", name, modname);
  }
  import_error_set_name(modname, path);
  return e;
}

bool import_star(Frame* f, Value module) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc::SystemError, "no locals found during 'import *'");
    return false;
  }
  Value all = lookup_attr(module, names::__all__);
  bool skip_private = false;
  if (!all) {
    if (error_occurred()) return false;
    Value d = lookup_attr(module, names::__dict__);
    if (!d) {
      if (!error_occurred())
        raise(&exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    all = call_method0(d, names::keys);
    if (!all) return false;
    skip_private = true;
  }
  Value it = get_iter(all);
  if (!it) return false;
  while (Value name = iter_next(it)) {
    if (!is_str(name)) {
      Value modname = lookup_attr(module, names::__name__);
      raise(&exc::TypeError, "%s in %U.%s must be str, not %s", skip_private ? "Key" : "Item",
            modname && is_str(modname) ? modname.as<Str>() : intern_cstr("?"), skip_private ? "__dict__" : "__all__",
            type_name(name));
      return false;
    }
    Str* n = name.as<Str>();
    if (skip_private && n->length && n->at(0) == '_') continue;
    Value v = get_attr(module, n);
    if (!v) return false;
    int r = is_dict_exact(locals) ? dict_set(locals.as<Dict>(), name, v) : set_item(locals, name, v);
    if (r < 0) return false;
  }
  return !error_occurred();
}

bool setup_annotations(Frame* f) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc::SystemError, "no locals found when setting up annotations");
    return false;
  }
  if (is_dict_exact(locals)) {
    if (dict_get_str(locals.as<Dict>(), names::__annotations__)) return true;
    return dict_set_str(locals.as<Dict>(), names::__annotations__, Value(dict_new())) == 0;
  }
  Value v = get_item(locals, Value(names::__annotations__));
  if (v) return true;
  if (!error_matches(&exc::KeyError)) return false;
  clear_error();
  return set_item(locals, Value(names::__annotations__), Value(dict_new())) == 0;
}

Value format_value(Value v, uint32_t conversion, Value spec) {
  switch (conversion) {
    case 1: v = to_str(v); break;
    case 2: v = repr(v); break;
    case 3: v = ascii_repr(v); break;
    default: break;
  }
  if (!v) return Value();
  if (!spec && is_str_exact(v)) return v;
  return format(v, spec ? spec : Value(str_empty()));
}

bool print_expr(Value v) {
  Value hook = sys_get("displayhook");
  if (!hook) {
    raise(&exc::RuntimeError, "lost sys.displayhook");
    return false;
  }
  return !call1(hook, v).is_null();
}

// ------------------------------------------------------------------ generators, coroutines

Value send(Value sub, Value v, bool* done) {
  *done = false;
  Type* st = type_of(sub);
  if (st == &generator_type || st == &coroutine_type) return generator_send_internal(sub, v, done);
  Value r;
  if (is_none(v) && st->next) {
    r = st->next(sub);
  } else {
    r = call_method1(sub, names::send, v);
  }
  if (r) return r;
  // Exhausted: the return value travels in StopIteration (or is None).
  *done = true;
  if (!error_occurred()) return None();
  if (!error_matches(&exc::StopIteration)) {
    *done = false;
    return Value();
  }
  Value e = fetch_error();
  return stop_iteration_value(e);
}

Value get_yield_from_iter(Value v, Code* code) {
  if (is_type(v, &coroutine_type)) {
    if (!(code->flags & (kCodeCoroutine | kCodeIterableCoroutine)))
      return raise(&exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return v;
  }
  if (is_type(v, &generator_type)) return v;
  return get_iter(v);
}

Value get_awaitable(Value v, int where) {
  Value r = awaitable_iter(v);
  if (!r) {
    if (error_matches(&exc::TypeError) && where != 0) {
      clear_error();
      raise(&exc::TypeError,
            where == 1 ? "'async with' received an object from __aenter__ that does not implement __await__: %s"
                       : "'async with' received an object from __aexit__ that does not implement __await__: %s",
            type_name(v));
    }
    return Value();
  }
  if (is_type(r, &coroutine_type) && generator_yield_from_target(r))
    return raise(&exc::RuntimeError, "coroutine is being awaited already");
  return r;
}

Value get_aiter(Value v) {
  Value m = lookup_special(v, names::__aiter__);
  if (!m) {
    if (!error_occurred())
      raise(&exc::TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(v));
    return Value();
  }
  Value it = call0(m);
  if (!it) return Value();
  if (!type_lookup(type_of(it), names::__anext__))
    return raise(&exc::TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                 type_name(it));
  return it;
}

Value get_anext(Value aiter) {
  Value m = lookup_special(aiter, names::__anext__);
  if (!m) {
    if (!error_occurred())
      raise(&exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s", type_name(aiter));
    return Value();
  }
  Value awaitable = call0(m);
  if (!awaitable) return Value();
  Value it = awaitable_iter(awaitable);
  if (!it) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(&exc::TypeError, "'async for' received an invalid object from __anext__: %s", type_name(awaitable));
    }
    return Value();
  }
  return it;
}

Value async_gen_wrap(Value v) { return async_gen_wrapped_value_new(v); }

// ------------------------------------------------------------------ match

Value match_keys(Value subject, Value keys) {
  Tuple* k = keys.as<Tuple>();
  if (k->size == 0) return Value(tuple_empty());
  Value get = get_attr(subject, names::get);
  if (!get) return Value();
  Value dummy(alloc_object(&object_type, sizeof(Object)));
  Set* seen = set_new();
  Tuple* values = tuple_new(k->size);
  for (int64_t i = 0; i < k->size; i++) {
    Value key = k->items[i];
    int dup = set_contains(seen, key);
    if (dup < 0) return Value();
    if (dup) return raise(&exc::ValueError, "mapping pattern checks duplicate key (%R)", key);
    if (set_add(seen, key) < 0) return Value();
    Value args[2] = {key, dummy};
    Value v = call(get, args, 2);
    if (!v) return Value();
    if (v == dummy) return None();
    values->items[i] = v;
  }
  return Value(values);
}

namespace {
bool match_self_type(Type* t) {
  static Type* const kTypes[] = {&bool_type, &bytearray_type, &bytes_type, &dict_type, &float_type,
                                 &frozenset_type, &int_type, &list_type, &set_type, &str_type, &tuple_type};
  for (Type* k : kTypes)
    if (is_subtype(t, k)) return true;
  return false;
}
}  // namespace

Value match_class(Value subject, Value cls, uint32_t nargs, Value kw_names) {
  if (!is_type_object(cls)) return raise(&exc::TypeError, "called match pattern must be a type");
  Type* ct = cls.as<Type>();
  int inst = is_instance(subject, cls);
  if (inst < 0) return Value();
  if (!inst) return None();
  Tuple* kw = kw_names.as<Tuple>();
  Tuple* out = tuple_new(int64_t(nargs) + kw->size);
  Set* seen = set_new();
  Value match_args;
  bool match_self = false;
  if (nargs) {
    match_args = lookup_attr(cls, names::__match_args__);
    if (!match_args) {
      if (error_occurred()) return Value();
      match_self = match_self_type(ct);
      match_args = Value(tuple_empty());
    } else if (!is_tuple(match_args)) {
      return raise(&exc::TypeError, "%U.__match_args__ must be a tuple (got %s)", ct->name, type_name(match_args));
    }
    int64_t allowed = match_self ? 1 : match_args.as<Tuple>()->size;
    if (int64_t(nargs) > allowed)
      return raise(&exc::TypeError, "%U() accepts %lld positional sub-pattern%s (%u given)", ct->name,
                   (long long)allowed, allowed == 1 ? "" : "s", nargs);
  }
  for (uint32_t i = 0; i < nargs; i++) {
    if (match_self) {
      out->items[i] = subject;
      continue;
    }
    Value name = match_args.as<Tuple>()->items[i];
    if (!is_str(name))
      return raise(&exc::TypeError, "__match_args__ elements must be strings (got %s)", type_name(name));
    if (set_contains(seen, name) == 1)
      return raise(&exc::TypeError, "%U() got multiple sub-patterns for attribute %R", ct->name, name);
    set_add(seen, name);
    Value v = lookup_attr(subject, name.as<Str>());
    if (!v) return error_occurred() ? Value() : None();
    out->items[i] = v;
  }
  for (int64_t i = 0; i < kw->size; i++) {
    Value name = kw->items[i];
    if (set_contains(seen, name) == 1)
      return raise(&exc::TypeError, "%U() got multiple sub-patterns for attribute %R", ct->name, name);
    set_add(seen, name);
    Value v = lookup_attr(subject, name.as<Str>());
    if (!v) return error_occurred() ? Value() : None();
    out->items[nargs + i] = v;
  }
  return Value(out);
}

}  // namespace ops
}  // namespace spindle
