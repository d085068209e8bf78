// object: the root type; instance allocation and instance dicts; the default
// attribute machinery; None, NotImplemented and Ellipsis.
#include <cstdio>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

Object none_object, notimplemented_object, ellipsis_object;
Type none_type, notimplemented_type, ellipsis_type;

namespace {

void finalize_instance(void* obj, void*) {
  Value v(static_cast<Object*>(obj));
  if (auto fin = v.as_object()->type->finalize) fin(v);
}

}  // namespace

Object* alloc_object(Type* type, size_t min_size) {
  size_t size = std::max<size_t>(type->instance_size, min_size);
  auto* o = static_cast<Object*>(gc::alloc(size));
  o->type = type;
  if (type->flags & kTypeHasFinalizer) gc::register_finalizer(o, finalize_instance, nullptr);
  return o;
}

Object* alloc_object_atomic(Type* type, size_t size) {
  auto* o = static_cast<Object*>(gc::alloc_atomic(size));
  o->type = type;
  return o;
}

Dict* instance_dict(Value obj, bool create) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.as_object();
  Type* t = o->type;
  if (!t->dict_offset) return nullptr;
  auto* slot = reinterpret_cast<std::atomic<Dict*>*>(field_address(o, uint32_t(t->dict_offset)));
  Dict* d = slot->load(std::memory_order_acquire);
  if (d || !create) return d;
  Dict* fresh = dict_new(t->expected_attrs.load(std::memory_order_relaxed));
  Dict* expected = nullptr;
  if (slot->compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
  return expected;
}

// ------------------------------------------------------------------ generic attributes

namespace {

// The attribute lookup of object.__getattribute__ with the instance dict `d`,
// or obj's own one when own_dict (looked up only when needed).
Value getattr_with_dict(Value obj, Str* name, Dict* d, bool own_dict) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  DescrGetFn get = nullptr;
  if (descr) {
    Type* dt = type_of(descr);
    get = dt->descr_get;
    if (get && dt->descr_set) return get(descr, obj, Value(t));
  }
  if (own_dict) d = instance_dict(obj, false);
  if (d) {
    if (Value v = dict_get_str(d, name)) return v;
  }
  if (get) return get(descr, obj, Value(t));
  return descr;
}

int setattr_with_dict(Value obj, Str* name, Value v, Dict* d, bool own_dict) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  if (descr) {
    DescrSetFn set = type_of(descr)->descr_set;
    if (set) return set(descr, obj, v);
  }
  if (own_dict) d = instance_dict(obj, true);
  if (!d) {
    if (descr)
      raise(&exc::AttributeError, "'%s' object attribute '%U' is read-only", type_name(t), name);
    else if (t->dict_offset == 0 && !(t->flags & kTypeHeap))
      raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
    else
      raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
    return -1;
  }
  Str* key = name->interned.load(std::memory_order_relaxed) ? name : intern(name);
  if (v.is_null()) {
    if (dict_del(d, Value(key)) < 0) {
      if (error_matches(&exc::KeyError)) {
        clear_error();
        raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
      }
      return -1;
    }
    return 0;
  }
  if (dict_set_str(d, key, v) < 0) return -1;
  // Size the first dict of future instances for the attributes seen.
  int64_t n = dict_size(d);
  if (uint32_t(n) > t->expected_attrs.load(std::memory_order_relaxed) && n < 64)
    t->expected_attrs.store(uint32_t(n), std::memory_order_relaxed);
  return 0;
}

}  // namespace

Value generic_getattr(Value obj, Str* name) { return getattr_with_dict(obj, name, nullptr, true); }
int generic_setattr(Value obj, Str* name, Value v) { return setattr_with_dict(obj, name, v, nullptr, true); }
Value generic_getattr_with_dict(Value obj, Str* name, Dict* d) { return getattr_with_dict(obj, name, d, false); }
int generic_setattr_with_dict(Value obj, Str* name, Value v, Dict* d) { return setattr_with_dict(obj, name, v, d, false); }

// ------------------------------------------------------------------ object's slots

namespace {

Value object_repr(Value self) {
  Type* t = type_of(self);
  Value mod = t->dict ? dict_get_str(t->dict, names::__module__) : Value();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  if (!(t->flags & kTypeHeap) && t->native_name) return Value(format_message("<%s object at %s>", t->native_name, addr));
  if (mod && is_str(mod) && !str_equals_ascii(mod.as<Str>(), "builtins"))
    return Value(format_message("<%U.%U object at %s>", mod.as<Str>(), t->qualname, addr));
  return Value(format_message("<%U object at %s>", t->qualname, addr));
}

Value object_str(Value self) {
  ReprFn r = type_of(self)->repr;
  return r ? r(self) : object_repr(self);
}

int64_t object_hash(Value self) {
  uint64_t bits = self.bits();
  // Identity hash: rotate away the alignment zeros (as CPython does).
  auto h = int64_t((bits >> 4) | (bits << 60));
  return h == -1 ? -2 : h;
}

Value object_richcompare(Value a, Value b, CompareOp op) {
  switch (op) {
    case CompareOp::EQ:
      return a == b ? True() : NotImplemented();
    case CompareOp::NE: {
      // By default != is the inverse of ==, whatever __eq__ says.
      RichCompareFn eq = type_of(a)->richcompare;
      if (!eq) return NotImplemented();
      Value r = eq(a, b, CompareOp::EQ);
      if (!r || r == NotImplemented()) return r;
      int t = truthy(r);
      if (t < 0) return Value();
      return Bool(!t);
    }
    default:
      return NotImplemented();
  }
}

bool excess_args(size_t nargs, Tuple* kwnames) { return nargs > 0 || (kwnames && kwnames->size > 0); }

Value object_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != object_new) return raise(&exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == nullptr || type_lookup(type, names::__init__) == type_lookup(&object_type, names::__init__))
      return raise(&exc::TypeError, "%U() takes no arguments", type->name);
  }
  if (type->flags & kTypeAbstract) {
    Value abstract = type_lookup(type, names::__abstractmethods__);
    Value sorted_names;
    if (abstract) {
      Value lst = list_from_iterable(abstract);
      if (!lst) return Value();
      if (list_sort(lst.as<List>(), Value(), false) < 0) return Value();
      Value sep(intern_cstr(", "));
      sorted_names = str_join(sep.as<Str>(), lst);
      if (!sorted_names) return Value();
      int64_t n = list_size(lst.as<List>());
      return raise(&exc::TypeError, "Can't instantiate abstract class %U with abstract method%s %U", type->name,
                   n > 1 ? "s" : "", sorted_names.as<Str>());
    }
  }
  return Value(alloc_object(type, sizeof(Object)));
}

int object_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(self);
  if (excess_args(nargs, kwnames)) {
    if (t->init != object_init) {
      raise(&exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (t->new_ == object_new) {
      raise(&exc::TypeError, "%U.__init__() takes exactly one argument (the instance to initialize)", t->name);
      return -1;
    }
  }
  return 0;
}

Value object_getattr_slot(Value self, Str* name) { return generic_getattr(self, name); }

Value object_get_class(Value self) { return Value(type_of(self)); }

int object_set_class(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!is_type_object(v)) {
    raise(&exc::TypeError, "__class__ must be set to a class, not '%s' object", type_name(v));
    return -1;
  }
  Type* nt = v.as<Type>();
  Type* ot = type_of(self);
  if (!self.is_object() || !(nt->flags & kTypeHeap) || !(ot->flags & kTypeHeap)) {
    raise(&exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!check_layout_assignment(ot, nt, "__class__")) return -1;
  self.as_object()->type = nt;
  return 0;
}

Value object_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length > 0)
    return raise(&exc::TypeError, "unsupported format string passed to %s.__format__", type_name(self));
  return to_str(self);
}

Value object_dir(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Dict* seen = dict_new();
  if (Dict* d = instance_dict(self, false)) {
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr)) dict_set(seen, k, None());
  }
  Value cls = lookup_attr(self, names::__class__);
  if (!cls && error_occurred()) return Value();
  Type* t = cls && is_type_object(cls) ? cls.as<Type>() : type_of(self);
  int64_t n = t->mro ? t->mro->size : 1;  // no MRO yet while a custom mro() runs
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

Value object_sizeof(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value::from_small_int(int64_t(type_of(self)->instance_size));
}

Value object_init_subclass(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size))
    return raise(&exc::TypeError, "%U.__init_subclass__() takes no keyword arguments", self.as<Type>()->name);
  return None();
}

Value object_subclasshook(Value self, const Value* args, size_t nargs, Tuple* kwnames) { return NotImplemented(); }

Value reduce_ex_impl(Value self, int64_t protocol);

Value object_reduce_ex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__reduce_ex__", nargs, 1, 1)) return Value();
  int64_t proto;
  if (!index_as_i64(args[0], &proto, &exc::OverflowError)) return Value();
  // A class overriding __reduce__ wins.
  Value cls_reduce = type_lookup(type_of(self), names::__reduce__);
  if (cls_reduce && cls_reduce != type_lookup(&object_type, names::__reduce__)) return call_method0(self, names::__reduce__);
  return reduce_ex_impl(self, proto);
}

Value object_reduce(Value self, const Value* args, size_t nargs, Tuple* kwnames) { return reduce_ex_impl(self, 0); }

// The slot values of obj by name (for pickling objects with __slots__), or null if none.
Dict* slot_state(Value self) {
  Type* t = type_of(self);
  Dict* out = nullptr;
  for (int64_t i = 0; t->mro && i < t->mro->size; i++) {
    Type* base = t->mro->items[i].as<Type>();
    if (!(base->flags & kTypeHeap)) continue;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(base->dict, &pos, &k, &v)) {
      if (!is_type(v, &member_descriptor_type)) continue;
      auto* m = v.as<MemberDescriptor>();
      if (m->owner != base) continue;
      Value sv = Value::from_bits(*reinterpret_cast<uint64_t*>(field_address(self.as_object(), m->offset)));
      if (!sv) continue;
      if (!out) out = dict_new();
      dict_set(out, k, sv);
    }
  }
  return out;
}

Value object_getstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Dict* d = instance_dict(self, false);
  Value state = d && dict_size(d) ? Value(d) : None();
  if (Dict* slots = slot_state(self)) return Value(tuple_pack({state, Value(slots)}));
  return state;
}

// object.__reduce_ex__: copyreg._reduce_ex for protocols 0 and 1, the
// __newobj__ form (with __getnewargs_ex__/__getnewargs__ and __getstate__) above.
Value reduce_ex_impl(Value self, int64_t protocol) {
  Value copyreg = import_module_cstr("copyreg");
  if (!copyreg) return Value();
  if (protocol < 2) {
    Value f = get_attr_cstr(copyreg, "_reduce_ex");
    if (!f) return Value();
    return call2(f, self, Value::from_small_int(protocol));
  }
  Type* t = type_of(self);
  if (!t->new_) return raise(&exc::TypeError, "cannot pickle '%s' object", type_name(t));
  Value args, kwargs;
  if (Value f = lookup_special(self, names::__getnewargs_ex__)) {
    Value r = call0(f);
    if (!r) return Value();
    if (!is_tuple(r) || r.as<Tuple>()->size != 2)
      return raise(&exc::TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%s'", type_name(r));
    args = r.as<Tuple>()->items[0];
    kwargs = r.as<Tuple>()->items[1];
    if (!is_tuple(args))
      return raise(&exc::TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'", type_name(args));
    if (!is_dict(kwargs))
      return raise(&exc::TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'", type_name(kwargs));
  } else if (error_occurred()) {
    return Value();
  } else if (Value g = lookup_special(self, names::__getnewargs__)) {
    args = call0(g);
    if (!args) return Value();
    if (!is_tuple(args)) return raise(&exc::TypeError, "__getnewargs__ should return a tuple, not '%s'", type_name(args));
  } else if (error_occurred()) {
    return Value();
  }
  bool has_args = !args.is_null();
  if (!args) args = Value(tuple_empty());
  Value newobj, newargs;
  if (!kwargs || dict_size(kwargs.as<Dict>()) == 0) {
    newobj = get_attr_cstr(copyreg, "__newobj__");
    if (!newobj) return Value();
    Tuple* a = args.as<Tuple>();
    Tuple* na = tuple_new(a->size + 1);
    na->items[0] = Value(t);
    for (int64_t i = 0; i < a->size; i++) na->items[i + 1] = a->items[i];
    newargs = Value(na);
  } else {
    newobj = get_attr_cstr(copyreg, "__newobj_ex__");
    if (!newobj) return Value();
    newargs = Value(tuple_pack({Value(t), args, kwargs}));
  }
  Value state = call_method0(self, names::__getstate__);
  if (!state) return Value();
  if (!has_args && is_none(state) && !instance_dict(self, false) && t->instance_size > sizeof(Object) &&
      !(t->flags & (kTypeListSubclass | kTypeDictSubclass)) && !t->num_slots && !(t->flags & kTypeHeap)) {
    return raise(&exc::TypeError, "cannot pickle '%s' object", type_name(t));
  }
  Value listitems = None(), dictitems = None();
  if (is_list(self)) {
    listitems = get_iter(self);
    if (!listitems) return Value();
  }
  if (is_dict(self)) {
    Value items = call_method0(self, names::items);
    if (!items) return Value();
    dictitems = get_iter(items);
    if (!dictitems) return Value();
  }
  return Value(tuple_pack({newobj, newargs, state, listitems, dictitems}));
}

const MethodDef object_methods[] = {
    {"__format__", object_format, kMethodInstance, "Default object formatter."},
    {"__dir__", object_dir, kMethodInstance, "Default dir() implementation."},
    {"__sizeof__", object_sizeof, kMethodInstance, "Size of object in memory, in bytes."},
    {"__init_subclass__", object_init_subclass, kMethodClass,
     "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__subclasshook__", object_subclasshook, kMethodClass, "Abstract classes can override this to customize issubclass()."},
    {"__reduce_ex__", object_reduce_ex, kMethodInstance, "Helper for pickle."},
    {"__reduce__", object_reduce, kMethodInstance, "Helper for pickle."},
    {"__getstate__", object_getstate, kMethodInstance, "Helper for pickle."},
    {nullptr}};

const GetSetDef object_getsets[] = {{"__class__", object_get_class, object_set_class, nullptr}, {nullptr}};

// ------------------------------------------------------------------ None, NotImplemented, Ellipsis

Value none_repr(Value) { return Value(intern_cstr("None")); }
int none_bool(Value) { return 0; }
Value none_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) return raise(&exc::TypeError, "NoneType takes no arguments");
  return None();
}
Value notimplemented_repr(Value) { return Value(intern_cstr("NotImplemented")); }
int notimplemented_bool(Value) {
  // A DeprecationWarning in CPython 3.11; the value stays true.
  return 1;
}
Value notimplemented_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) return raise(&exc::TypeError, "NotImplementedType takes no arguments");
  return NotImplemented();
}
Value notimplemented_reduce(Value, const Value*, size_t, Tuple*) { return Value(intern_cstr("NotImplemented")); }
Value ellipsis_repr(Value) { return Value(intern_cstr("Ellipsis")); }
Value ellipsis_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) return raise(&exc::TypeError, "ellipsis takes no arguments");
  return Ellipsis();
}
Value ellipsis_reduce(Value, const Value*, size_t, Tuple*) { return Value(intern_cstr("Ellipsis")); }

const MethodDef notimplemented_methods[] = {{"__reduce__", notimplemented_reduce, kMethodInstance, nullptr}, {nullptr}};
const MethodDef ellipsis_methods[] = {{"__reduce__", ellipsis_reduce, kMethodInstance, nullptr}, {nullptr}};

}  // namespace

void init_object_types() {
  object_type.repr = object_repr;
  object_type.str = object_str;
  object_type.hash = object_hash;
  object_type.richcompare = object_richcompare;
  object_type.getattr = object_getattr_slot;
  object_type.setattr = generic_setattr;
  object_type.new_ = object_new;
  object_type.init = object_init;
  object_type.methods = object_methods;
  object_type.getsets = object_getsets;

  none_type.native_name = "NoneType";
  none_type.repr = none_repr;
  none_type.bool_ = none_bool;
  none_type.new_ = none_new;
  none_object.type = &none_type;

  notimplemented_type.native_name = "NotImplementedType";
  notimplemented_type.repr = notimplemented_repr;
  notimplemented_type.bool_ = notimplemented_bool;
  notimplemented_type.new_ = notimplemented_new;
  notimplemented_type.methods = notimplemented_methods;
  notimplemented_object.type = &notimplemented_type;

  ellipsis_type.native_name = "ellipsis";
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.new_ = ellipsis_new;
  ellipsis_type.methods = ellipsis_methods;
  ellipsis_object.type = &ellipsis_type;
}

void ready_object_types() {
  type_ready(&object_type);
  type_ready(&type_type);
  type_ready(&none_type);
  type_ready(&notimplemented_type);
  type_ready(&ellipsis_type);
}

}  // namespace spindle
