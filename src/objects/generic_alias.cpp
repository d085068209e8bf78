// types.GenericAlias (list[int]) and types.UnionType (int | str).
#include "objects/generic_alias.h"

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

Type generic_alias_type, union_type;

namespace {

struct GenericAlias : Object {
  Value origin;
  Tuple* args;
  Value parameters;  // tuple, computed lazily
  bool starred;
};

struct UnionObject : Object {
  Tuple* args;
  Value parameters;
};

Tuple* as_args_tuple(Value args) { return is_tuple(args) ? args.as<Tuple>() : tuple_pack({args}); }

bool is_typevar_like(Value v) {
  if (is_type_object(v)) return false;
  Value m = lookup_attr(v, intern_cstr("__typing_subst__"));
  if (!m) {
    clear_error();
    return false;
  }
  return true;
}

// Parameters: the type variables among args (and inside nested aliases), unique, in order.
Value make_parameters(Tuple* args) {
  List* out = list_new();
  for (Value a : *args) {
    if (is_typevar_like(a)) {
      if (contains(Value(out), a) == 0) list_append(out, a);
      continue;
    }
    Value sub = lookup_attr(a, intern_cstr("__parameters__"));
    if (!sub) {
      clear_error();
      continue;
    }
    if (!is_tuple(sub)) continue;
    for (Value p : *sub.as<Tuple>())
      if (contains(Value(out), p) == 0) list_append(out, p);
  }
  return Value(list_snapshot(out));
}

// repr of one type argument, as typing shows it.
bool repr_item(StrBuilder& b, Value p) {
  if (p == Ellipsis()) {
    b.append_ascii("...");
    return true;
  }
  if (is_type(p, &generic_alias_type) || is_union_type(p)) {
    Value r = repr(p);
    if (!r) return false;
    b.append(r.as<Str>());
    return true;
  }
  Value qualname = lookup_attr(p, names::__qualname__);
  Value module = qualname ? lookup_attr(p, names::__module__) : Value();
  if (qualname && module && is_str(qualname) && !is_none(module) && lookup_attr(p, names::__origin__).is_null() &&
      !error_occurred()) {
    if (is_str(module) && str_equals_ascii(module.as<Str>(), "builtins")) {
      b.append(qualname.as<Str>());
    } else {
      Value ms = to_str(module);
      if (!ms) return false;
      b.append(ms.as<Str>());
      b.append('.');
      b.append(qualname.as<Str>());
    }
    return true;
  }
  clear_error();
  Value r = repr(p);
  if (!r) return false;
  b.append(r.as<Str>());
  return true;
}

Value ga_repr(Value self) {
  auto* g = self.as<GenericAlias>();
  StrBuilder b;
  if (g->starred) b.append('*');
  if (!repr_item(b, g->origin)) return Value();
  b.append('[');
  if (g->args->size == 0) b.append_ascii("()");
  for (int64_t i = 0; i < g->args->size; i++) {
    if (i) b.append_ascii(", ");
    Value a = g->args->items[i];
    if (is_list(a)) {
      // Callable[[int, str], ...] shows the argument list.
      b.append('[');
      Tuple* items = list_snapshot(a.as<List>());
      for (int64_t j = 0; j < items->size; j++) {
        if (j) b.append_ascii(", ");
        if (!repr_item(b, items->items[j])) return Value();
      }
      b.append(']');
      continue;
    }
    if (!repr_item(b, a)) return Value();
  }
  b.append(']');
  return Value(b.finish());
}

Value ga_richcompare(Value a, Value b, CompareOp op) {
  if (!is_type(b, &generic_alias_type) || (op != CompareOp::EQ && op != CompareOp::NE)) return NotImplemented();
  auto* x = a.as<GenericAlias>();
  auto* y = b.as<GenericAlias>();
  if (x->starred != y->starred) return Bool(op == CompareOp::NE);
  int eq = equals(x->origin, y->origin);
  if (eq < 0) return Value();
  if (eq) {
    eq = equals(Value(x->args), Value(y->args));
    if (eq < 0) return Value();
  }
  return Bool(op == CompareOp::EQ ? eq : !eq);
}

int64_t ga_hash(Value self) {
  auto* g = self.as<GenericAlias>();
  int64_t a = hash(g->origin);
  if (a == -1) return -1;
  int64_t b = hash(Value(g->args));
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Value ga_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* g = self.as<GenericAlias>();
  Value obj = call(g->origin, args, nargs, kwnames);
  if (!obj) return Value();
  if (set_attr(obj, intern_cstr("__orig_class__"), self) < 0) {
    if (!error_matches(&exc::AttributeError) && !error_matches(&exc::TypeError)) return Value();
    clear_error();
  }
  return obj;
}

// Attribute names the alias answers itself; everything else goes to the origin.
bool own_attribute(Str* name) {
  static const char* const kOwn[] = {"__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
                                     "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
                                     "__class__", "__getitem__", "__eq__", "__hash__", "__repr__", "__or__", "__ror__",
                                     "__call__", "__dir__", "__instancecheck__", "__subclasscheck__", nullptr};
  for (const char* const* n = kOwn; *n; n++)
    if (str_equals_ascii(name, *n)) return true;
  return false;
}

Value ga_getattr(Value self, Str* name) {
  if (own_attribute(name)) return generic_getattr(self, name);
  return lookup_attr(self.as<GenericAlias>()->origin, name);
}

Value ga_origin(Value self) { return self.as<GenericAlias>()->origin; }
Value ga_args(Value self) { return Value(self.as<GenericAlias>()->args); }
Value ga_unpacked(Value self) { return Bool(self.as<GenericAlias>()->starred); }
Value ga_parameters(Value self) {
  auto* g = self.as<GenericAlias>();
  if (!g->parameters) g->parameters = make_parameters(g->args);
  return g->parameters;
}

Value ga_unpacked_tuple_args(Value self);
const GetSetDef ga_getsets[] = {{"__origin__", ga_origin, nullptr, nullptr},
                                {"__args__", ga_args, nullptr, nullptr},
                                {"__unpacked__", ga_unpacked, nullptr, nullptr},
                                {"__parameters__", ga_parameters, nullptr, nullptr},
                                {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, nullptr, nullptr},
                                {nullptr}};

Value ga_mro_entries(Value self, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({self.as<GenericAlias>()->origin}));
}

Value ga_instancecheck(Value self, const Value*, size_t, Tuple*) {
  return raise(&exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Value ga_subclasscheck(Value self, const Value*, size_t, Tuple*) {
  return raise(&exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Value ga_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<GenericAlias>();
  return Value(tuple_pack({Value(&generic_alias_type), Value(tuple_pack({g->origin, Value(g->args)}))}));
}

Value ga_dir(Value self, const Value*, size_t, Tuple*) {
  Value d = call_method0(self.as<GenericAlias>()->origin, intern_cstr("__dir__"));
  if (!d) return Value();
  Value l = list_from_iterable(d);
  if (!l) return Value();
  for (const char* n : {"__origin__", "__args__", "__parameters__", "__mro_entries__", "__reduce_ex__", "__reduce__",
                        "__copy__", "__deepcopy__", "__unpacked__"})
    list_append(l.as<List>(), Value(intern_cstr(n)));
  return l;
}

Value attr_or_null(Value v, const char* name) {
  Value r = lookup_attr(v, intern_cstr(name));
  if (!r) clear_error();
  return r;
}

// The arguments of an unpacked tuple alias (*tuple[int, str]), else null.
Value unpacked_tuple_args(Value v) {
  if (is_type(v, &generic_alias_type)) {
    auto* g = v.as<GenericAlias>();
    return g->starred && g->origin == Value(&tuple_type) ? Value(g->args) : Value();
  }
  Value r = attr_or_null(v, "__typing_unpacked_tuple_args__");
  return r && !is_none(r) ? r : Value();
}

// The subscript's items with unpacked fixed-length tuples spread out:
// [int, *tuple[str, bytes]] -> (int, str, bytes) (CPython's _unpack_args).
Tuple* unpack_items(Value item) {
  Tuple* items = as_args_tuple(item);
  List* out = list_new();
  for (Value v : *items) {
    if (!is_type_object(v)) {
      Value sub = unpacked_tuple_args(v);
      if (sub && is_tuple(sub)) {
        Tuple* st = sub.as<Tuple>();
        if (!(st->size && st->items[st->size - 1] == Ellipsis())) {
          for (Value x : *st) list_append(out, x);
          continue;
        }
      }
    }
    list_append(out, v);
  }
  return list_snapshot(out);
}

int64_t index_in(Tuple* t, Value v) {
  for (int64_t i = 0; i < t->size; i++)
    if (t->items[i] == v) return i;
  return -1;
}

// An argument that is not itself a type variable but contains some:
// dict[T, list[S]] substitutes inside list[S].
Value substitute_inside(Value arg, Tuple* params, Tuple* items) {
  Value sub = attr_or_null(arg, "__parameters__");
  if (!sub || !is_tuple(sub) || sub.as<Tuple>()->size == 0) return arg;
  List* subargs = list_new();
  for (Value p : *sub.as<Tuple>()) {
    int64_t i = index_in(params, p);
    if (i >= 0) {
      Value value = items->items[i];
      // A TypeVarTuple (iterable) takes a tuple of types: spread it.
      if (type_of(params->items[i])->iter && is_tuple(value)) {
        for (Value x : *value.as<Tuple>()) list_append(subargs, x);
        continue;
      }
      p = value;
    }
    list_append(subargs, p);
  }
  return get_item(arg, Value(list_snapshot(subargs)));
}

// Substitutes type variables: list[T][int] -> list[int], with TypeVarTuples
// (CPython's _Py_subs_parameters).
Value ga_getitem(Value self, Value item) {
  auto* g = self.as<GenericAlias>();
  Tuple* params = ga_parameters(self).as<Tuple>();
  if (params->size == 0) return raise(&exc::TypeError, "%R is not a generic class", self);
  Value items_value = Value(unpack_items(item));
  for (Value p : *params) {
    Value prepare = attr_or_null(p, "__typing_prepare_subst__");
    if (!prepare || is_none(prepare)) continue;
    items_value = call2(prepare, self, items_value);
    if (!items_value) return Value();
  }
  Tuple* items = as_args_tuple(items_value);
  if (items->size != params->size)
    return raise(&exc::TypeError, "Too %s arguments for %R; actual %lld, expected %lld",
                 items->size > params->size ? "many" : "few", self, (long long)items->size, (long long)params->size);
  List* out = list_new();
  for (Value a : *g->args) {
    if (is_type_object(a)) {
      list_append(out, a);
      continue;
    }
    Value unpack_flag = attr_or_null(a, "__typing_is_unpacked_typevartuple__");
    int unpack = unpack_flag ? truthy(unpack_flag) : 0;
    if (unpack < 0) return Value();
    Value subst = attr_or_null(a, "__typing_subst__");
    Value sub = subst ? call1(subst, items->items[index_in(params, a)]) : substitute_inside(a, params, items);
    if (!sub) return Value();
    if (unpack && is_tuple(sub)) {
      for (Value x : *sub.as<Tuple>()) list_append(out, x);
    } else {
      list_append(out, sub);
    }
  }
  Value r = generic_alias_new(g->origin, Value(list_snapshot(out)));
  r.as<GenericAlias>()->starred = g->starred;
  return r;
}

// iter(tuple[int]) yields *tuple[int] once, which is how `*tuple[int]` unpacks.
Value ga_iter(Value self) {
  auto* g = self.as<GenericAlias>();
  Value starred = generic_alias_new(g->origin, Value(g->args));
  starred.as<GenericAlias>()->starred = true;
  return get_iter(Value(tuple_pack({starred})));
}

Value ga_unpacked_tuple_args(Value self) {
  Value r = unpacked_tuple_args(self);
  return r ? r : None();
}

Value ga_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("GenericAlias", kwnames) || !check_nargs("GenericAlias", nargs, 2, 2)) return Value();
  return generic_alias_new(args[0], args[1]);
}


const MethodDef ga_methods[] = {{"__mro_entries__", ga_mro_entries, kMethodInstance, nullptr},
                                {"__instancecheck__", ga_instancecheck, kMethodInstance, nullptr},
                                {"__subclasscheck__", ga_subclasscheck, kMethodInstance, nullptr},
                                {"__reduce__", ga_reduce, kMethodInstance, nullptr},
                                {"__dir__", ga_dir, kMethodInstance, nullptr},
                                {nullptr}};

Value ga_or(Value a, Value b) { return union_type_new(a, b); }

// ------------------------------------------------------------------ UnionType

bool unionable(Value v) {
  return is_none(v) || is_type_object(v) || is_type(v, &generic_alias_type) || is_union_type(v);
}

void add_union_arg(List* out, Value v) {
  if (is_union_type(v)) {
    for (Value a : *v.as<UnionObject>()->args) add_union_arg(out, a);
    return;
  }
  if (is_none(v)) v = Value(&none_type);
  int64_t n = list_size(out);
  for (int64_t i = 0; i < n; i++) {
    Value e = list_get(out, i);
    if (e == v) return;
    if (is_type(e, &generic_alias_type) && is_type(v, &generic_alias_type) && equals(e, v) == 1) return;
  }
  list_append(out, v);
}

Value union_repr(Value self) {
  StrBuilder b;
  Tuple* args = self.as<UnionObject>()->args;
  for (int64_t i = 0; i < args->size; i++) {
    if (i) b.append_ascii(" | ");
    Value a = args->items[i];
    if (a == Value(&none_type)) {
      b.append_ascii("None");
      continue;
    }
    if (!repr_item(b, a)) return Value();
  }
  return Value(b.finish());
}

Value union_get_args(Value self) { return Value(self.as<UnionObject>()->args); }
Value union_get_parameters(Value self) {
  auto* u = self.as<UnionObject>();
  if (!u->parameters) u->parameters = make_parameters(u->args);
  return u->parameters;
}
const GetSetDef union_getsets[] = {{"__args__", union_get_args, nullptr, nullptr},
                                   {"__parameters__", union_get_parameters, nullptr, nullptr},
                                   {nullptr}};

Value union_richcompare(Value a, Value b, CompareOp op) {
  if (!is_union_type(b) || (op != CompareOp::EQ && op != CompareOp::NE)) return NotImplemented();
  Value sa = call1(Value(&frozenset_type), Value(a.as<UnionObject>()->args));
  Value sb = call1(Value(&frozenset_type), Value(b.as<UnionObject>()->args));
  if (!sa || !sb) return Value();
  return rich_compare(sa, sb, op);
}

int64_t union_hash(Value self) {
  Value s = call1(Value(&frozenset_type), Value(self.as<UnionObject>()->args));
  if (!s) return -1;
  return hash(s);
}

Value union_instancecheck(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__instancecheck__", nargs, 1, 1)) return Value();
  for (Value a : *self.as<UnionObject>()->args)
    if (is_type(a, &generic_alias_type))
      return raise(&exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
  int r = is_instance(args[0], Value(self.as<UnionObject>()->args));
  return r < 0 ? Value() : Bool(r);
}

Value union_subclasscheck(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__subclasscheck__", nargs, 1, 1)) return Value();
  for (Value a : *self.as<UnionObject>()->args)
    if (is_type(a, &generic_alias_type))
      return raise(&exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
  int r = is_subclass(args[0], Value(self.as<UnionObject>()->args));
  return r < 0 ? Value() : Bool(r);
}

const MethodDef union_methods[] = {{"__instancecheck__", union_instancecheck, kMethodInstance, nullptr},
                                   {"__subclasscheck__", union_subclasscheck, kMethodInstance, nullptr},
                                   {nullptr}};

Value union_or(Value a, Value b) { return union_type_new(a, b); }

Value union_getitem(Value self, Value item) {
  auto* u = self.as<UnionObject>();
  Value params = union_get_parameters(self);
  Tuple* pt = params.as<Tuple>();
  if (pt->size == 0) return raise(&exc::TypeError, "%R is not a generic class", self);
  Tuple* items = as_args_tuple(item);
  if (items->size != pt->size)
    return raise(&exc::TypeError, "Too %s arguments for %R", items->size > pt->size ? "many" : "few", self);
  Value result;
  for (Value a : *u->args) {
    Value sub = a;
    for (int64_t k = 0; k < pt->size; k++)
      if (pt->items[k] == a) sub = items->items[k];
    if (!result) result = sub;
    else {
      result = binary_op(result, sub, BinaryOp::Or);
      if (!result) return Value();
    }
  }
  return result;
}

}  // namespace

Value generic_alias_new(Value origin, Value args) {
  auto* g = alloc_instance<GenericAlias>(&generic_alias_type);
  g->origin = origin;
  g->args = as_args_tuple(args);
  return Value(g);
}

Value union_type_new(Value a, Value b) {
  if (!unionable(a) || !unionable(b)) return NotImplemented();
  List* out = list_new();
  add_union_arg(out, a);
  add_union_arg(out, b);
  if (list_size(out) == 1) return list_get(out, 0);
  auto* u = alloc_instance<UnionObject>(&union_type);
  u->args = list_snapshot(out);
  return Value(u);
}

Value union_args(Value u) { return Value(u.as<UnionObject>()->args); }

void init_generic_alias_types() {
  generic_alias_type.native_name = "types.GenericAlias";
  generic_alias_type.instance_size = sizeof(GenericAlias);
  generic_alias_type.flags = kTypeBaseType;
  generic_alias_type.new_ = ga_new_py;
  generic_alias_type.repr = ga_repr;
  generic_alias_type.richcompare = ga_richcompare;
  generic_alias_type.hash = ga_hash;
  generic_alias_type.call = ga_call;
  generic_alias_type.getattr = ga_getattr;
  generic_alias_type.getsets = ga_getsets;
  generic_alias_type.methods = ga_methods;
  generic_alias_type.getitem = ga_getitem;
  generic_alias_type.iter = ga_iter;
  generic_alias_type.nb[int(BinaryOp::Or)] = ga_or;

  union_type.native_name = "types.UnionType";
  union_type.instance_size = sizeof(UnionObject);
  union_type.repr = union_repr;
  union_type.getsets = union_getsets;
  union_type.richcompare = union_richcompare;
  union_type.hash = union_hash;
  union_type.methods = union_methods;
  union_type.getitem = union_getitem;
  union_type.nb[int(BinaryOp::Or)] = union_or;
}

}  // namespace spindle
