// super
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace spindle {

Type super_type;

namespace {

struct Super : Object {
  Type* type;      // the class super() was called in
  Value obj;       // the instance or class, or null (unbound super)
  Type* obj_type;  // the type whose MRO is searched
};

// The type whose MRO super searches: type(obj), or obj itself for classes.
Type* supercheck(Type* type, Value obj) {
  if (is_type_object(obj) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  // Objects that lie about their class (proxies).
  Value cls = lookup_attr(obj, names::__class__);
  if (cls && is_type_object(cls) && cls != Value(type_of(obj)) && is_subtype(cls.as<Type>(), type))
    return cls.as<Type>();
  clear_error();
  raise(&exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

Value super_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Super* s = alloc_instance<Super>(type);
  return Value(s);
}

int super_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("super", kwnames) || !check_nargs("super", nargs, 0, 2)) return -1;
  Value t, obj;
  if (nargs == 0) {
    // Zero-argument form: __class__ cell and the first argument of the caller.
    Frame* f = current_frame();
    if (!f || !f->code) {
      raise(&exc::RuntimeError, "super(): no current frame");
      return -1;
    }
    Code* co = f->code;
    if (co->argcount == 0 && !(co->flags & kCodeVarargs)) {
      raise(&exc::RuntimeError, "super(): no arguments");
      return -1;
    }
    obj = f->localsplus[0];
    // A first argument captured in a cell.
    if (obj && is_type(obj, &cell_type)) {
      for (int64_t i = 0; i < co->cellvars->size; i++)
        if (co->cellvars->items[i] == co->varnames->items[0]) obj = obj.as<Cell>()->get();
    }
    if (!obj && (co->flags & kCodeVarargs)) {
      Value va = f->localsplus[co->argcount + co->kwonlyargcount];
      if (va && is_tuple(va) && va.as<Tuple>()->size) obj = va.as<Tuple>()->items[0];
    }
    if (!obj) {
      raise(&exc::RuntimeError, "super(): arg[0] deleted");
      return -1;
    }
    int64_t idx = -1;
    for (int64_t i = 0; i < co->freevars->size; i++)
      if (str_equals_ascii(co->freevars->items[i].as<Str>(), "__class__")) idx = i;
    if (idx < 0) {
      raise(&exc::RuntimeError, "super(): __class__ cell not found");
      return -1;
    }
    Value cell = f->localsplus[co->nlocalsplus - co->nfrees + uint32_t(idx)];
    t = cell.as<Cell>()->get();
    if (!t) {
      raise(&exc::RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!is_type_object(t)) {
      raise(&exc::RuntimeError, "super(): __class__ is not a type (%s)", type_name(t));
      return -1;
    }
  } else {
    t = args[0];
    obj = nargs > 1 ? args[1] : Value();
    if (obj && is_none(obj)) obj = Value();
    if (!is_type_object(t)) {
      raise(&exc::TypeError, "super() argument 1 must be a type, not %s", type_name(t));
      return -1;
    }
  }
  Super* s = self.as<Super>();
  s->type = t.as<Type>();
  s->obj = obj;
  s->obj_type = nullptr;
  if (obj) {
    s->obj_type = supercheck(s->type, obj);
    if (!s->obj_type) return -1;
  }
  return 0;
}

Value super_getattr(Value self, Str* name) {
  Super* s = self.as<Super>();
  // __class__ is the super object's own class.
  if (!s->obj_type || str_equals_ascii(name, "__class__")) return generic_getattr(self, name);
  Tuple* mro = s->obj_type->mro;
  if (!mro) return generic_getattr(self, name);  // the type's mro() is still running
  int64_t i = 0;
  for (; i < mro->size; i++)
    if (mro->items[i].as<Type>() == s->type) break;
  for (i++; i < mro->size; i++) {
    Type* t = mro->items[i].as<Type>();
    Value v = dict_get_str(t->dict, name);
    if (!v) continue;
    if (DescrGetFn get = type_of(v)->descr_get)
      return get(v, s->obj == Value(s->obj_type) ? Value() : s->obj, Value(s->obj_type));
    return v;
  }
  return generic_getattr(self, name);
}

Value super_descr_get(Value self, Value obj, Value type) {
  Super* s = self.as<Super>();
  if (!obj || s->obj) return self;
  Value args[2] = {Value(s->type), obj};
  return call(Value(type_of(self)), args, 2);
}

Value super_repr(Value self) {
  Super* s = self.as<Super>();
  if (s->obj_type) return Value(format_message("<super: <class '%U'>, <%U object>>", s->type ? s->type->name : intern_cstr("NULL"), s->obj_type->name));
  return Value(format_message("<super: <class '%U'>, NULL>", s->type ? s->type->name : intern_cstr("NULL")));
}

Value get_thisclass(Value self) {
  Type* t = self.as<Super>()->type;
  return t ? Value(t) : None();
}
Value get_self(Value self) {
  Value o = self.as<Super>()->obj;
  return o ? o : None();
}
Value get_self_class(Value self) {
  Type* t = self.as<Super>()->obj_type;
  return t ? Value(t) : None();
}
const GetSetDef super_getsets[] = {{"__thisclass__", get_thisclass, nullptr, "the class invoking super()"},
                                   {"__self__", get_self, nullptr, "the instance invoking super(); may be None"},
                                   {"__self_class__", get_self_class, nullptr, "the type of the instance invoking super(); may be None"},
                                   {nullptr}};

}  // namespace

void init_super_type() {
  super_type.native_name = "super";
  super_type.instance_size = sizeof(Super);
  super_type.flags = kTypeBaseType;
  super_type.new_ = super_new;
  super_type.init = super_init;
  super_type.getattr = super_getattr;
  super_type.descr_get = super_descr_get;
  super_type.repr = super_repr;
  super_type.getsets = super_getsets;
  super_type.doc = "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)";
}

}  // namespace spindle
