// Descriptors and native callables: builtin functions, method descriptors,
// slot wrappers, getset and member descriptors, classmethod, staticmethod,
// property, and the read-only mappingproxy.
#include <cstdio>
#include <cstring>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/list.h"
#include "vm/interp.h"

namespace spindle {

Type builtin_function_type, method_descriptor_type, classmethod_descriptor_type, wrapper_descriptor_type,
    method_wrapper_type, getset_descriptor_type, member_descriptor_type, classmethod_type, staticmethod_type,
    property_type, mappingproxy_type;

Value call_wrapper_descriptor(const WrapperDescriptor* d, Value self, const Value* args, size_t nargs,
                              Tuple* kwnames);

Value builtin_function_new(const MethodDef* def, Value self, Value module) {
  auto* f = alloc_instance<BuiltinFunction>(&builtin_function_type);
  f->def = def;
  f->self = self;
  f->module = module;
  return Value(f);
}

namespace {

std::string addr_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", reinterpret_cast<void*>(v.bits()));
  return buf;
}

Value doc_value(const char* doc) {
  if (!doc) return None();
  return Value(str_from_utf8(doc, std::strlen(doc)));
}

// ------------------------------------------------------------------ builtin_function_or_method

Value builtin_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* f = self.as<BuiltinFunction>();
  return f->def->fn(f->self, args, nargs, kwnames);
}

Value builtin_repr(Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (!f->self || is_type(f->self, &module_type))
    return Value(format_message("<built-in function %s>", f->def->name));
  return Value(format_message("<built-in method %s of %s object at %s>", f->def->name, type_name(f->self),
                              addr_of(f->self).c_str()));
}

Value builtin_get_name(Value self) { return Value(intern_cstr(self.as<BuiltinFunction>()->def->name)); }
Value builtin_get_qualname(Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (!f->self || is_type(f->self, &module_type)) return builtin_get_name(self);
  Type* t = is_type_object(f->self) ? f->self.as<Type>() : type_of(f->self);
  return Value(format_message("%U.%s", t->qualname, f->def->name));
}
Value builtin_get_doc(Value self) { return doc_value(self.as<BuiltinFunction>()->def->doc); }
Value builtin_get_self(Value self) {
  Value s = self.as<BuiltinFunction>()->self;
  return s ? s : None();
}
Value builtin_get_module(Value self) {
  Value m = self.as<BuiltinFunction>()->module;
  return m ? m : None();
}
int builtin_set_module(Value self, Value v) {
  self.as<BuiltinFunction>()->module = v;
  return 0;
}
Value builtin_get_text_signature(Value self) { return None(); }

const GetSetDef builtin_getsets[] = {{"__name__", builtin_get_name, nullptr, nullptr},
                                     {"__qualname__", builtin_get_qualname, nullptr, nullptr},
                                     {"__doc__", builtin_get_doc, nullptr, nullptr},
                                     {"__self__", builtin_get_self, nullptr, nullptr},
                                     {"__module__", builtin_get_module, builtin_set_module, nullptr},
                                     {"__text_signature__", builtin_get_text_signature, nullptr, nullptr},
                                     {nullptr}};

Value builtin_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::EQ && op != CompareOp::NE) || !is_type(b, &builtin_function_type)) return NotImplemented();
  auto* x = a.as<BuiltinFunction>();
  auto* y = b.as<BuiltinFunction>();
  bool eq = x->def == y->def && x->self == y->self;
  return Bool(op == CompareOp::EQ ? eq : !eq);
}

int64_t builtin_hash(Value self) {
  auto* f = self.as<BuiltinFunction>();
  int64_t h = int64_t(reinterpret_cast<uintptr_t>(f->def) >> 4) ^ int64_t(f->self.bits() >> 4);
  return h == -1 ? -2 : h;
}

Value builtin_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<BuiltinFunction>();
  if (!f->self || is_type(f->self, &module_type)) return Value(intern_cstr(f->def->name));
  Value getattr_fn = import_builtin("getattr");
  return Value(tuple_pack({getattr_fn, Value(tuple_pack({f->self, Value(intern_cstr(f->def->name))}))}));
}
const MethodDef builtin_methods[] = {{"__reduce__", builtin_reduce, kMethodInstance, nullptr}, {nullptr}};

// ------------------------------------------------------------------ method_descriptor

bool check_receiver(const MethodDescriptor* d, Value self) {
  if (is_instance_of(self, d->owner)) return true;
  raise(&exc::TypeError, "descriptor '%s' for '%U' objects doesn't apply to a '%s' object", d->def->name,
        d->owner->name, type_name(self));
  return false;
}

Value method_descr_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<MethodDescriptor>();
  if (nargs < 1)
    return raise(&exc::TypeError, "unbound method %U.%s() needs an argument", d->owner->qualname, d->def->name);
  if (!check_receiver(d, args[0])) return Value();
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Value method_descr_get(Value self, Value obj, Value type) {
  auto* d = self.as<MethodDescriptor>();
  if (!obj) return self;
  if (!check_receiver(d, obj)) return Value();
  return builtin_function_new(d->def, obj, Value());
}

Value method_descr_repr(Value self) {
  auto* d = self.as<MethodDescriptor>();
  return Value(format_message("<method '%s' of '%U' objects>", d->def->name, d->owner->name));
}

Value descr_get_name(Value self) { return Value(intern_cstr(self.as<MethodDescriptor>()->def->name)); }
Value descr_get_qualname(Value self) {
  auto* d = self.as<MethodDescriptor>();
  return Value(format_message("%U.%s", d->owner->qualname, d->def->name));
}
Value descr_get_doc(Value self) { return doc_value(self.as<MethodDescriptor>()->def->doc); }
Value descr_get_objclass(Value self) { return Value(self.as<MethodDescriptor>()->owner); }
Value descr_get_text_signature(Value self) { return None(); }

const GetSetDef method_descr_getsets[] = {{"__name__", descr_get_name, nullptr, nullptr},
                                          {"__qualname__", descr_get_qualname, nullptr, nullptr},
                                          {"__doc__", descr_get_doc, nullptr, nullptr},
                                          {"__objclass__", descr_get_objclass, nullptr, nullptr},
                                          {"__text_signature__", descr_get_text_signature, nullptr, nullptr},
                                          {nullptr}};

Value method_descr_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* d = self.as<MethodDescriptor>();
  Value getattr_fn = import_builtin("getattr");
  return Value(tuple_pack({getattr_fn, Value(tuple_pack({Value(d->owner), Value(intern_cstr(d->def->name))}))}));
}
const MethodDef method_descr_methods[] = {{"__reduce__", method_descr_reduce, kMethodInstance, nullptr}, {nullptr}};

// A native classmethod (dict.fromkeys): binds to the class.
Value classmethod_descr_get(Value self, Value obj, Value type) {
  auto* d = self.as<MethodDescriptor>();
  Value cls = type ? type : Value(type_of(obj));
  if (!is_type_object(cls))
    return raise(&exc::TypeError, "descriptor '%s' for type '%U' needs a type, not a '%s' as arg 2", d->def->name,
                 d->owner->name, type_name(cls));
  if (!is_subtype(cls.as<Type>(), d->owner))
    return raise(&exc::TypeError, "descriptor '%s' requires a subtype of '%U' but received '%s'", d->def->name,
                 d->owner->name, type_name(cls.as<Type>()));
  return builtin_function_new(d->def, cls, Value());
}

Value classmethod_descr_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<MethodDescriptor>();
  if (nargs < 1 || !is_type_object(args[0]) || !is_subtype(args[0].as<Type>(), d->owner))
    return raise(&exc::TypeError, "descriptor '%s' for type '%U' needs a type, not a '%s' as arg 2", d->def->name,
                 d->owner->name, nargs ? type_name(args[0]) : "nothing");
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Value classmethod_descr_repr(Value self) {
  auto* d = self.as<MethodDescriptor>();
  return Value(format_message("<method '%s' of '%U' objects>", d->def->name, d->owner->name));
}

// ------------------------------------------------------------------ wrapper_descriptor / method-wrapper

struct MethodWrapper : Object {
  WrapperDescriptor* descr;
  Value self;
};

Value wrapper_descr_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<WrapperDescriptor>();
  if (nargs < 1)
    return raise(&exc::TypeError, "descriptor '%U' of '%U' object needs an argument", d->name, d->owner->name);
  if (!is_instance_of(args[0], d->owner))
    return raise(&exc::TypeError, "descriptor '%U' requires a '%U' object but received a '%s'", d->name,
                 d->owner->name, type_name(args[0]));
  return d->wrapper(d, args[0], args + 1, nargs - 1, kwnames);
}

Value wrapper_descr_get(Value self, Value obj, Value type) {
  auto* d = self.as<WrapperDescriptor>();
  if (!obj) return self;
  if (!is_instance_of(obj, d->owner))
    return raise(&exc::TypeError, "descriptor '%U' for '%U' objects doesn't apply to a '%s' object", d->name,
                 d->owner->name, type_name(obj));
  auto* w = alloc_instance<MethodWrapper>(&method_wrapper_type);
  w->descr = d;
  w->self = obj;
  return Value(w);
}

Value wrapper_descr_repr(Value self) {
  auto* d = self.as<WrapperDescriptor>();
  return Value(format_message("<slot wrapper '%U' of '%U' objects>", d->name, d->owner->name));
}

Value wrapper_get_name(Value self) { return Value(self.as<WrapperDescriptor>()->name); }
Value wrapper_get_qualname(Value self) {
  auto* d = self.as<WrapperDescriptor>();
  return Value(format_message("%U.%U", d->owner->qualname, d->name));
}
Value wrapper_get_objclass(Value self) { return Value(self.as<WrapperDescriptor>()->owner); }
Value wrapper_get_doc(Value self) { return None(); }
const GetSetDef wrapper_descr_getsets[] = {{"__name__", wrapper_get_name, nullptr, nullptr},
                                           {"__qualname__", wrapper_get_qualname, nullptr, nullptr},
                                           {"__objclass__", wrapper_get_objclass, nullptr, nullptr},
                                           {"__doc__", wrapper_get_doc, nullptr, nullptr},
                                           {"__text_signature__", descr_get_text_signature, nullptr, nullptr},
                                           {nullptr}};

Value method_wrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* w = self.as<MethodWrapper>();
  return w->descr->wrapper(w->descr, w->self, args, nargs, kwnames);
}

Value method_wrapper_repr(Value self) {
  auto* w = self.as<MethodWrapper>();
  return Value(format_message("<method-wrapper '%U' of %s object at %s>", w->descr->name, type_name(w->self),
                              addr_of(w->self).c_str()));
}

Value method_wrapper_get_self(Value self) { return self.as<MethodWrapper>()->self; }
Value method_wrapper_get_name(Value self) { return Value(self.as<MethodWrapper>()->descr->name); }
Value method_wrapper_get_qualname(Value self) {
  auto* w = self.as<MethodWrapper>();
  return Value(format_message("%U.%U", w->descr->owner->qualname, w->descr->name));
}
const GetSetDef method_wrapper_getsets[] = {{"__self__", method_wrapper_get_self, nullptr, nullptr},
                                            {"__name__", method_wrapper_get_name, nullptr, nullptr},
                                            {"__qualname__", method_wrapper_get_qualname, nullptr, nullptr},
                                            {nullptr}};

Value method_wrapper_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::EQ && op != CompareOp::NE) || !is_type(b, &method_wrapper_type)) return NotImplemented();
  auto* x = a.as<MethodWrapper>();
  auto* y = b.as<MethodWrapper>();
  bool eq = x->descr == y->descr && x->self == y->self;
  return Bool(op == CompareOp::EQ ? eq : !eq);
}

int64_t method_wrapper_hash(Value self) {
  auto* w = self.as<MethodWrapper>();
  int64_t h = int64_t(reinterpret_cast<uintptr_t>(w->descr) >> 4) ^ int64_t(w->self.bits() >> 4);
  return h == -1 ? -2 : h;
}

// ------------------------------------------------------------------ getset / member descriptors

Value getset_get(Value self, Value obj, Value type) {
  auto* d = self.as<GetSetDescriptor>();
  if (!obj) return self;
  if (!is_instance_of(obj, d->owner))
    return raise(&exc::TypeError, "descriptor '%s' for '%U' objects doesn't apply to a '%s' object", d->def->name,
                 d->owner->name, type_name(obj));
  if (!d->def->get) return raise(&exc::AttributeError, "attribute '%s' of '%U' objects is not readable", d->def->name, d->owner->name);
  return d->def->get(obj);
}

int getset_set(Value self, Value obj, Value v) {
  auto* d = self.as<GetSetDescriptor>();
  if (!is_instance_of(obj, d->owner)) {
    raise(&exc::TypeError, "descriptor '%s' for '%U' objects doesn't apply to a '%s' object", d->def->name,
          d->owner->name, type_name(obj));
    return -1;
  }
  if (!d->def->set) {
    raise(&exc::AttributeError, "attribute '%s' of '%U' objects is not writable", d->def->name, d->owner->name);
    return -1;
  }
  return d->def->set(obj, v);
}

Value getset_repr(Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return Value(format_message("<attribute '%s' of '%U' objects>", d->def->name, d->owner->name));
}
Value getset_get_name(Value self) { return Value(intern_cstr(self.as<GetSetDescriptor>()->def->name)); }
Value getset_get_qualname(Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return Value(format_message("%U.%s", d->owner->qualname, d->def->name));
}
Value getset_get_doc(Value self) { return doc_value(self.as<GetSetDescriptor>()->def->doc); }
Value getset_get_objclass(Value self) { return Value(self.as<GetSetDescriptor>()->owner); }
const GetSetDef getset_getsets[] = {{"__name__", getset_get_name, nullptr, nullptr},
                                    {"__qualname__", getset_get_qualname, nullptr, nullptr},
                                    {"__doc__", getset_get_doc, nullptr, nullptr},
                                    {"__objclass__", getset_get_objclass, nullptr, nullptr},
                                    {nullptr}};

Value member_get(Value self, Value obj, Value type) {
  auto* d = self.as<MemberDescriptor>();
  if (!obj) return self;
  if (!is_instance_of(obj, d->owner))
    return raise(&exc::TypeError, "descriptor '%U' for '%U' objects doesn't apply to a '%s' object", d->name,
                 d->owner->name, type_name(obj));
  char* p = field_address(obj.as_object(), d->offset);
  switch (d->kind) {
    case MemberKind::Value:
    case MemberKind::ValueOrNone:
    case MemberKind::ReadOnlyValue: {
      Value v = Value::from_bits(reinterpret_cast<std::atomic<uint64_t>*>(p)->load(std::memory_order_acquire));
      if (!v) {
        if (d->kind != MemberKind::Value) return None();
        return raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(obj), d->name);
      }
      return v;
    }
    case MemberKind::Int64:
      return int_from_i64(*reinterpret_cast<int64_t*>(p));
    case MemberKind::Double:
      return Value::from_double(*reinterpret_cast<double*>(p));
    case MemberKind::Bool:
      return Bool(*reinterpret_cast<bool*>(p));
  }
  return None();
}

int member_set(Value self, Value obj, Value v) {
  auto* d = self.as<MemberDescriptor>();
  if (!is_instance_of(obj, d->owner)) {
    raise(&exc::TypeError, "descriptor '%U' for '%U' objects doesn't apply to a '%s' object", d->name,
          d->owner->name, type_name(obj));
    return -1;
  }
  if (d->kind != MemberKind::Value && d->kind != MemberKind::ValueOrNone) {
    raise(&exc::AttributeError, "readonly attribute");
    return -1;
  }
  auto* p = reinterpret_cast<std::atomic<uint64_t>*>(field_address(obj.as_object(), d->offset));
  if (!v && d->kind == MemberKind::Value && !p->load(std::memory_order_acquire)) {
    raise(&exc::AttributeError, "%U", d->name);
    return -1;
  }
  p->store(v.bits(), std::memory_order_release);
  return 0;
}

Value member_repr(Value self) {
  auto* d = self.as<MemberDescriptor>();
  return Value(format_message("<member '%U' of '%U' objects>", d->name, d->owner->name));
}
Value member_get_name(Value self) { return Value(self.as<MemberDescriptor>()->name); }
Value member_get_qualname(Value self) {
  auto* d = self.as<MemberDescriptor>();
  return Value(format_message("%U.%U", d->owner->qualname, d->name));
}
Value member_get_doc(Value self) { return self.as<MemberDescriptor>()->doc; }
Value member_get_objclass(Value self) { return Value(self.as<MemberDescriptor>()->owner); }
const GetSetDef member_getsets[] = {{"__name__", member_get_name, nullptr, nullptr},
                                    {"__qualname__", member_get_qualname, nullptr, nullptr},
                                    {"__doc__", member_get_doc, nullptr, nullptr},
                                    {"__objclass__", member_get_objclass, nullptr, nullptr},
                                    {nullptr}};

// ------------------------------------------------------------------ classmethod / staticmethod

// Copies __module__, __name__, __qualname__, __doc__ and __annotations__ of
// the wrapped callable into the descriptor's dict, as functools.wraps would
// (classmethod and staticmethod do so since 3.10).
bool copy_wrapped_attrs(Value self, Value func) {
  for (Str* name : {names::__module__, names::__name__, names::__qualname__, names::__doc__, names::__annotations__}) {
    Value v = lookup_attr(func, name);
    if (!v) {
      if (error_occurred()) return false;
      continue;
    }
    if (set_attr(self, name, v) < 0) return false;
  }
  return true;
}

template <class T>
Value wrapped_descriptor_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames, const char* name) {
  if (!check_no_kwargs(name, kwnames)) return Value();
  if (nargs != 1) return raise(&exc::TypeError, "%s expected 1 argument, got %zd", name, ssize_t(nargs));
  T* d = alloc_instance<T>(type);
  d->func = args[0];
  if (!copy_wrapped_attrs(Value(d), args[0])) return Value();
  return Value(d);
}

// __init__ (re)binds the callable, as CPython's cm_init/sm_init do; subclasses
// such as abc.abstractclassmethod call it through super().__init__(callable).
template <class T>
int wrapped_descriptor_init(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* name) {
  if (!check_no_kwargs(name, kwnames)) return -1;
  if (nargs != 1) {
    raise(&exc::TypeError, "%s expected 1 argument, got %zd", name, ssize_t(nargs));
    return -1;
  }
  self.as<T>()->func = args[0];
  return copy_wrapped_attrs(self, args[0]) ? 0 : -1;
}

int classmethod_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return wrapped_descriptor_init<ClassMethod>(self, args, nargs, kwnames, "classmethod");
}

int staticmethod_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return wrapped_descriptor_init<StaticMethod>(self, args, nargs, kwnames, "staticmethod");
}

Value classmethod_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return wrapped_descriptor_new<ClassMethod>(type, args, nargs, kwnames, "classmethod");
}

Value classmethod_get(Value self, Value obj, Value type) {
  auto* cm = self.as<ClassMethod>();
  Value cls = type ? type : Value(type_of(obj));
  // Chained descriptors (classmethod wrapping a property, 3.9-3.12 behaviour).
  if (DescrGetFn get = type_of(cm->func)->descr_get; get && !is_function(cm->func) &&
                                                      !is_type(cm->func, &builtin_function_type))
    return get(cm->func, cls, cls);
  return method_new(cm->func, cls);
}

Value staticmethod_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return wrapped_descriptor_new<StaticMethod>(type, args, nargs, kwnames, "staticmethod");
}

Value staticmethod_get(Value self, Value obj, Value type) { return self.as<StaticMethod>()->func; }

Value staticmethod_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(self.as<StaticMethod>()->func, args, nargs, kwnames);
}

Value cm_get_isabstract(Value self) {
  Value v = lookup_attr(self.as<ClassMethod>()->func, names::__isabstractmethod__);
  if (!v) return error_occurred() ? Value() : False();
  return v;
}
Value sm_get_isabstract(Value self) {
  Value v = lookup_attr(self.as<StaticMethod>()->func, names::__isabstractmethod__);
  if (!v) return error_occurred() ? Value() : False();
  return v;
}

const GetSetDef classmethod_getsets[] = {
                                         {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr},
                                         {nullptr}};
const GetSetDef staticmethod_getsets[] = {
                                          {"__isabstractmethod__", sm_get_isabstract, nullptr, nullptr},
                                          {nullptr}};

Value classmethod_repr(Value self) {
  Value r = repr(self.as<ClassMethod>()->func);
  if (!r) return Value();
  return Value(format_message("<classmethod(%U)>", r.as<Str>()));
}
Value staticmethod_repr(Value self) {
  Value r = repr(self.as<StaticMethod>()->func);
  if (!r) return Value();
  return Value(format_message("<staticmethod(%U)>", r.as<Str>()));
}

// __func__ and __wrapped__ are read-only members, as in CPython.
template <class T>
const MemberDef wrapped_func_members[] = {
    {"__func__", MemberKind::ReadOnlyValue, uint32_t(offsetof(T, func)), nullptr},
    {"__wrapped__", MemberKind::ReadOnlyValue, uint32_t(offsetof(T, func)), nullptr},
    {nullptr}};

// ------------------------------------------------------------------ property

Value property_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Property* p = alloc_instance<Property>(type);
  p->fget = p->fset = p->fdel = p->doc = None();
  return Value(p);
}

int property_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"property", {"fget", "fset", "fdel", "doc"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  Property* p = self.as<Property>();
  p->fget = a[0] ? a[0] : None();
  p->fset = a[1] ? a[1] : None();
  p->fdel = a[2] ? a[2] : None();
  p->doc = a[3] ? a[3] : None();
  p->getter_doc = false;
  if (is_none(p->doc) && !is_none(p->fget)) {
    Value d = lookup_attr(p->fget, names::__doc__);
    if (!d && error_occurred()) return -1;
    if (d && !is_none(d)) {
      p->getter_doc = true;
      // A subclass keeps the getter's doc in its instance dict, where the
      // class's own __doc__ does not shadow it (CPython 3.11 does this only
      // for the getter's doc, not for an explicit doc argument).
      if (type_of(self) == &property_type) p->doc = d;
      else if (set_attr(self, names::__doc__, d) < 0) return -1;
    }
  }
  return 0;
}

Value property_get(Value self, Value obj, Value type) {
  if (!obj) return self;
  Property* p = self.as<Property>();
  if (is_none(p->fget)) {
    if (p->name) return raise(&exc::AttributeError, "property %R of '%s' object has no getter", Value(p->name), type_name(obj));
    return raise(&exc::AttributeError, "property of '%s' object has no getter", type_name(obj));
  }
  return call1(p->fget, obj);
}

int property_set(Value self, Value obj, Value v) {
  Property* p = self.as<Property>();
  Value f = v ? p->fset : p->fdel;
  if (is_none(f)) {
    const char* what = v ? "setter" : "deleter";
    if (p->name)
      raise(&exc::AttributeError, "property %R of '%s' object has no %s", Value(p->name), type_name(obj), what);
    else
      raise(&exc::AttributeError, "property of '%s' object has no %s", type_name(obj), what);
    return -1;
  }
  Value r = v ? call2(f, obj, v) : call1(f, obj);
  return r ? 0 : -1;
}

Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  Property* p = self.as<Property>();
  Value doc = (p->getter_doc && !is_none(fget)) ? None() : p->doc;
  Value args[4] = {fget ? fget : p->fget, fset ? fset : p->fset, fdel ? fdel : p->fdel, doc};
  Value np = call(Value(type_of(self)), args, 4);
  if (np && is_instance_of(np, &property_type)) np.as<Property>()->name = p->name;
  return np;
}

Value property_getter(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("getter", nargs, 1, 1)) return Value();
  return property_copy(self, args[0], Value(), Value());
}
Value property_setter(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setter", nargs, 1, 1)) return Value();
  return property_copy(self, Value(), args[0], Value());
}
Value property_deleter(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("deleter", nargs, 1, 1)) return Value();
  return property_copy(self, Value(), Value(), args[0]);
}
Value property_set_name(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__set_name__", nargs, 2, 2)) return Value();
  if (is_str(args[1])) self.as<Property>()->name = args[1].as<Str>();
  return None();
}

const MethodDef property_methods[] = {{"getter", property_getter, kMethodInstance, nullptr},
                                      {"setter", property_setter, kMethodInstance, nullptr},
                                      {"deleter", property_deleter, kMethodInstance, nullptr},
                                      {"__set_name__", property_set_name, kMethodInstance, nullptr},
                                      {nullptr}};

Value property_get_fget(Value self) { return self.as<Property>()->fget; }
Value property_get_fset(Value self) { return self.as<Property>()->fset; }
Value property_get_fdel(Value self) { return self.as<Property>()->fdel; }
Value property_get_doc(Value self) { return self.as<Property>()->doc; }
int property_set_doc(Value self, Value v) {
  self.as<Property>()->doc = v ? v : None();
  return 0;
}
Value property_get_isabstract(Value self) {
  Property* p = self.as<Property>();
  for (Value f : {p->fget, p->fset, p->fdel}) {
    Value v = lookup_attr(f, names::__isabstractmethod__);
    if (!v) {
      if (error_occurred()) return Value();
      continue;
    }
    int t = truthy(v);
    if (t < 0) return Value();
    if (t) return True();
  }
  return False();
}

const GetSetDef property_getsets[] = {{"fget", property_get_fget, nullptr, nullptr},
                                      {"fset", property_get_fset, nullptr, nullptr},
                                      {"fdel", property_get_fdel, nullptr, nullptr},
                                      {"__doc__", property_get_doc, property_set_doc, nullptr},
                                      {"__isabstractmethod__", property_get_isabstract, nullptr, nullptr},
                                      {nullptr}};

// ------------------------------------------------------------------ mappingproxy

struct MappingProxy : Object {
  Value mapping;
};

Value mappingproxy_getitem(Value self, Value key) { return get_item(self.as<MappingProxy>()->mapping, key); }
int64_t mappingproxy_len(Value self) { return length(self.as<MappingProxy>()->mapping); }
int mappingproxy_contains(Value self, Value key) { return contains(self.as<MappingProxy>()->mapping, key); }
Value mappingproxy_iter(Value self) { return get_iter(self.as<MappingProxy>()->mapping); }
Value mappingproxy_repr(Value self) {
  Value r = repr(self.as<MappingProxy>()->mapping);
  if (!r) return Value();
  return Value(format_message("mappingproxy(%U)", r.as<Str>()));
}
Value mappingproxy_str(Value self) { return to_str(self.as<MappingProxy>()->mapping); }
Value mappingproxy_richcompare(Value a, Value b, CompareOp op) {
  return rich_compare(a.as<MappingProxy>()->mapping, b, op);
}

#define PROXY_METHOD(pyname, cname)                                                 \
  Value cname(Value self, const Value* args, size_t nargs, Tuple* kwnames) {         \
    return call_method(self.as<MappingProxy>()->mapping, intern_cstr(pyname), args, nargs, kwnames); \
  }
PROXY_METHOD("get", mappingproxy_get)
PROXY_METHOD("keys", mappingproxy_keys)
PROXY_METHOD("values", mappingproxy_values)
PROXY_METHOD("items", mappingproxy_items)
PROXY_METHOD("copy", mappingproxy_copy)
PROXY_METHOD("__reversed__", mappingproxy_reversed)
#undef PROXY_METHOD

Value mappingproxy_or(Value a, Value b) {
  if (is_type(a, &mappingproxy_type)) a = a.as<MappingProxy>()->mapping;
  if (is_type(b, &mappingproxy_type)) b = b.as<MappingProxy>()->mapping;
  return binary_op(a, b, BinaryOp::Or);
}

const MethodDef mappingproxy_methods[] = {{"get", mappingproxy_get, kMethodInstance, nullptr},
                                          {"keys", mappingproxy_keys, kMethodInstance, nullptr},
                                          {"values", mappingproxy_values, kMethodInstance, nullptr},
                                          {"items", mappingproxy_items, kMethodInstance, nullptr},
                                          {"copy", mappingproxy_copy, kMethodInstance, nullptr},
                                          {"__reversed__", mappingproxy_reversed, kMethodInstance, nullptr},
                                          {nullptr}};

Value mappingproxy_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"mappingproxy", {"mapping"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Type* mt = type_of(a[0]);
  if (!mt->getitem || is_list(a[0]) || is_tuple(a[0]))
    return raise(&exc::TypeError, "mappingproxy() argument must be a mapping, not %s", type_name(a[0]));
  return mappingproxy_new(a[0]);
}

}  // namespace

Value mappingproxy_new(Value mapping) {
  auto* p = alloc_instance<MappingProxy>(&mappingproxy_type);
  p->mapping = mapping;
  return Value(p);
}

void init_descriptor_types() {
  builtin_function_type.native_name = "builtin_function_or_method";
  builtin_function_type.instance_size = sizeof(BuiltinFunction);
  builtin_function_type.call = builtin_call;
  builtin_function_type.repr = builtin_repr;
  builtin_function_type.getsets = builtin_getsets;
  builtin_function_type.richcompare = builtin_richcompare;
  builtin_function_type.hash = builtin_hash;
  builtin_function_type.methods = builtin_methods;

  method_descriptor_type.native_name = "method_descriptor";
  method_descriptor_type.instance_size = sizeof(MethodDescriptor);
  method_descriptor_type.call = method_descr_call;
  method_descriptor_type.descr_get = method_descr_get;
  method_descriptor_type.repr = method_descr_repr;
  method_descriptor_type.getsets = method_descr_getsets;
  method_descriptor_type.methods = method_descr_methods;

  classmethod_descriptor_type.native_name = "classmethod_descriptor";
  classmethod_descriptor_type.instance_size = sizeof(MethodDescriptor);
  classmethod_descriptor_type.call = classmethod_descr_call;
  classmethod_descriptor_type.descr_get = classmethod_descr_get;
  classmethod_descriptor_type.repr = classmethod_descr_repr;
  classmethod_descriptor_type.getsets = method_descr_getsets;

  wrapper_descriptor_type.native_name = "wrapper_descriptor";
  wrapper_descriptor_type.instance_size = sizeof(WrapperDescriptor);
  wrapper_descriptor_type.call = wrapper_descr_call;
  wrapper_descriptor_type.descr_get = wrapper_descr_get;
  wrapper_descriptor_type.repr = wrapper_descr_repr;
  wrapper_descriptor_type.getsets = wrapper_descr_getsets;

  method_wrapper_type.native_name = "method-wrapper";
  method_wrapper_type.instance_size = sizeof(MethodWrapper);
  method_wrapper_type.call = method_wrapper_call;
  method_wrapper_type.repr = method_wrapper_repr;
  method_wrapper_type.getsets = method_wrapper_getsets;
  method_wrapper_type.richcompare = method_wrapper_richcompare;
  method_wrapper_type.hash = method_wrapper_hash;

  getset_descriptor_type.native_name = "getset_descriptor";
  getset_descriptor_type.instance_size = sizeof(GetSetDescriptor);
  getset_descriptor_type.descr_get = getset_get;
  getset_descriptor_type.descr_set = getset_set;
  getset_descriptor_type.repr = getset_repr;
  getset_descriptor_type.getsets = getset_getsets;

  member_descriptor_type.native_name = "member_descriptor";
  member_descriptor_type.instance_size = sizeof(MemberDescriptor);
  member_descriptor_type.descr_get = member_get;
  member_descriptor_type.descr_set = member_set;
  member_descriptor_type.repr = member_repr;
  member_descriptor_type.getsets = member_getsets;

  classmethod_type.native_name = "classmethod";
  classmethod_type.instance_size = sizeof(ClassMethod);
  classmethod_type.flags = kTypeBaseType;
  classmethod_type.new_ = classmethod_new;
  classmethod_type.init = classmethod_init;
  classmethod_type.descr_get = classmethod_get;
  classmethod_type.getsets = classmethod_getsets;
  classmethod_type.members = wrapped_func_members<ClassMethod>;
  classmethod_type.dict_offset = int32_t(offsetof(ClassMethod, dict));
  classmethod_type.repr = classmethod_repr;

  staticmethod_type.native_name = "staticmethod";
  staticmethod_type.instance_size = sizeof(StaticMethod);
  staticmethod_type.flags = kTypeBaseType;
  staticmethod_type.new_ = staticmethod_new;
  staticmethod_type.init = staticmethod_init;
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  staticmethod_type.getsets = staticmethod_getsets;
  staticmethod_type.members = wrapped_func_members<StaticMethod>;
  staticmethod_type.dict_offset = int32_t(offsetof(StaticMethod, dict));
  staticmethod_type.repr = staticmethod_repr;

  property_type.native_name = "property";
  property_type.instance_size = sizeof(Property);
  property_type.flags = kTypeBaseType;
  property_type.new_ = property_new;
  property_type.init = property_init;
  property_type.descr_get = property_get;
  property_type.descr_set = property_set;
  property_type.methods = property_methods;
  property_type.getsets = property_getsets;

  mappingproxy_type.native_name = "mappingproxy";
  mappingproxy_type.instance_size = sizeof(MappingProxy);
  mappingproxy_type.new_ = mappingproxy_new_py;
  mappingproxy_type.getitem = mappingproxy_getitem;
  mappingproxy_type.len = mappingproxy_len;
  mappingproxy_type.contains = mappingproxy_contains;
  mappingproxy_type.iter = mappingproxy_iter;
  mappingproxy_type.repr = mappingproxy_repr;
  mappingproxy_type.str = mappingproxy_str;
  mappingproxy_type.richcompare = mappingproxy_richcompare;
  mappingproxy_type.methods = mappingproxy_methods;
  mappingproxy_type.nb[int(BinaryOp::Or)] = mappingproxy_or;
  mappingproxy_type.flags = kTypeMapping;
}

}  // namespace spindle
