// types.SimpleNamespace
#include "objects/namespace.h"

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/repr_guard.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

Type namespace_type;

namespace {

struct Namespace : Object {
  Dict* dict;
};

Value ns_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* n = alloc_instance<Namespace>(type);
  n->dict = dict_new();
  return Value(n);
}

int ns_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) {
    raise(&exc::TypeError, "no positional arguments expected");
    return -1;
  }
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++)
    if (dict_set(self.as<Namespace>()->dict, kwnames->items[i], args[i]) < 0) return -1;
  return 0;
}

Value ns_repr(Value self) {
  Type* t = type_of(self);
  const char* name = t == &namespace_type ? "namespace" : nullptr;
  ReprGuard guard(self);
  StrBuilder b;
  if (name) b.append_ascii(name);
  else b.append(t->name);
  if (guard.recursive()) {
    b.append_ascii("(...)");
    return Value(b.finish());
  }
  b.append('(');
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(self.as<Namespace>()->dict, &pos, &k, &v)) {
    if (!is_str(k)) continue;
    if (!first) b.append_ascii(", ");
    first = false;
    b.append(k.as<Str>());
    b.append('=');
    Value r = repr(v);
    if (!r) return Value();
    b.append(r.as<Str>());
  }
  b.append(')');
  return Value(b.finish());
}

Value ns_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::EQ && op != CompareOp::NE) || !is_instance_of(b, &namespace_type)) return NotImplemented();
  return rich_compare(Value(a.as<Namespace>()->dict), Value(b.as<Namespace>()->dict), op);
}

Value ns_reduce(Value self, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_empty()), Value(self.as<Namespace>()->dict)}));
}

const MethodDef ns_methods[] = {{"__reduce__", ns_reduce, kMethodInstance, nullptr}, {nullptr}};

}  // namespace

Value namespace_new(Dict* attrs) {
  auto* n = alloc_instance<Namespace>(&namespace_type);
  n->dict = dict_copy(attrs);
  return Value(n);
}

void init_namespace_type() {
  namespace_type.native_name = "types.SimpleNamespace";
  namespace_type.instance_size = sizeof(Namespace);
  namespace_type.dict_offset = int32_t(offsetof(Namespace, dict));
  namespace_type.flags = kTypeBaseType;
  namespace_type.new_ = ns_new;
  namespace_type.init = ns_init;
  namespace_type.repr = ns_repr;
  namespace_type.richcompare = ns_richcompare;
  namespace_type.methods = ns_methods;
  namespace_type.doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)";
}

}  // namespace spindle
