// Python functions, bound methods and cells.
#include "objects/function.h"

#include <cstdio>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/code.h"
#include "vm/interp.h"

namespace spindle {

Type function_type, method_type, cell_type;

Cell* cell_new(Value v) {
  Cell* c = alloc_instance<Cell>(&cell_type);
  c->contents.store(v.bits(), std::memory_order_relaxed);
  return c;
}

Function* function_new(Code* code, Dict* globals, Dict* builtins) {
  Function* f = alloc_instance<Function>(&function_type);
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->name = code->name;
  f->qualname = code->qualname;
  f->doc = code->docstring ? code->docstring : None();
  Value modname = dict_get_str(globals, names::__name__);
  f->module = modname ? modname : None();
  return f;
}

Value method_new(Value func, Value self) {
  Method* m = alloc_instance<Method>(&method_type);
  m->func = func;
  m->self = self;
  return Value(m);
}

namespace {

// ------------------------------------------------------------------ function

Value function_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call_function(self.as<Function>(), args, nargs, kwnames);
}

Value function_descr_get(Value self, Value obj, Value type) {
  if (!obj) return self;
  return method_new(self, obj);
}

Value function_repr(Value self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  return Value(format_message("<function %U at %s>", self.as<Function>()->qualname, addr));
}

Value function_get_code(Value self) { return Value(self.as<Function>()->code); }
int function_set_code(Value self, Value v) {
  if (!v || !is_code(v)) {
    raise(&exc::TypeError, "__code__ must be set to a code object");
    return -1;
  }
  Function* f = self.as<Function>();
  if (v.as<Code>()->nfrees != (f->closure ? uint32_t(f->closure->size) : 0)) {
    raise(&exc::ValueError, "%U() requires a code object with %lld free vars, not %u", f->name,
          (long long)(f->closure ? f->closure->size : 0), v.as<Code>()->nfrees);
    return -1;
  }
  f->code = v.as<Code>();
  f->version++;
  return 0;
}
Value function_get_name(Value self) { return Value(self.as<Function>()->name); }
int function_set_name(Value self, Value v) {
  if (!v || !is_str(v)) {
    raise(&exc::TypeError, "__name__ must be set to a string object");
    return -1;
  }
  self.as<Function>()->name = v.as<Str>();
  return 0;
}
Value function_get_qualname(Value self) { return Value(self.as<Function>()->qualname); }
int function_set_qualname(Value self, Value v) {
  if (!v || !is_str(v)) {
    raise(&exc::TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  self.as<Function>()->qualname = v.as<Str>();
  return 0;
}
Value function_get_defaults(Value self) {
  Tuple* d = self.as<Function>()->defaults;
  return d ? Value(d) : None();
}
int function_set_defaults(Value self, Value v) {
  if (v && !is_none(v) && !is_tuple(v)) {
    raise(&exc::TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  Function* f = self.as<Function>();
  f->defaults = (v && !is_none(v) && v.as<Tuple>()->size) ? v.as<Tuple>() : nullptr;
  f->version++;
  return 0;
}
Value function_get_kwdefaults(Value self) {
  Dict* d = self.as<Function>()->kwdefaults;
  return d ? Value(d) : None();
}
int function_set_kwdefaults(Value self, Value v) {
  if (v && !is_none(v) && !is_dict(v)) {
    raise(&exc::TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  self.as<Function>()->kwdefaults = (v && !is_none(v)) ? v.as<Dict>() : nullptr;
  return 0;
}
Value function_get_doc(Value self) { return self.as<Function>()->doc; }
int function_set_doc(Value self, Value v) {
  self.as<Function>()->doc = v ? v : None();
  return 0;
}
Value function_get_module(Value self) { return self.as<Function>()->module; }
int function_set_module(Value self, Value v) {
  self.as<Function>()->module = v ? v : None();
  return 0;
}
Value function_get_annotations(Value self) {
  Function* f = self.as<Function>();
  if (!f->annotations) f->annotations = Value(dict_new());
  return f->annotations;
}
int function_set_annotations(Value self, Value v) {
  if (v && !is_none(v) && !is_dict(v)) {
    raise(&exc::TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  self.as<Function>()->annotations = v && !is_none(v) ? v : Value();
  return 0;
}
Value function_get_dict(Value self) {
  Function* f = self.as<Function>();
  if (!f->dict) f->dict = dict_new();
  return Value(f->dict);
}
int function_set_dict(Value self, Value v) {
  if (!v || !is_dict(v)) {
    raise(&exc::TypeError, "__dict__ must be set to a dictionary");
    return -1;
  }
  self.as<Function>()->dict = v.as<Dict>();
  return 0;
}

// Read-only members, as in CPython (types.MemberDescriptorType is taken from __globals__).
const MemberDef function_members[] = {
    {"__closure__", MemberKind::ReadOnlyValue, uint32_t(offsetof(Function, closure)), nullptr},
    {"__globals__", MemberKind::ReadOnlyValue, uint32_t(offsetof(Function, globals)), nullptr},
    {"__builtins__", MemberKind::ReadOnlyValue, uint32_t(offsetof(Function, builtins)), nullptr},
    {nullptr}};

const GetSetDef function_getsets[] = {
    {"__code__", function_get_code, function_set_code, nullptr},
    {"__name__", function_get_name, function_set_name, nullptr},
    {"__qualname__", function_get_qualname, function_set_qualname, nullptr},
    {"__defaults__", function_get_defaults, function_set_defaults, nullptr},
    {"__kwdefaults__", function_get_kwdefaults, function_set_kwdefaults, nullptr},
    {"__doc__", function_get_doc, function_set_doc, nullptr},
    {"__module__", function_get_module, function_set_module, nullptr},
    {"__annotations__", function_get_annotations, function_set_annotations, nullptr},
    {"__dict__", function_get_dict, function_set_dict, nullptr},
    {nullptr}};

// Function attributes live in the function's own dict.
Value function_getattr(Value self, Str* name) {
  Value v = generic_getattr(self, name);
  if (v || error_occurred()) return v;
  Function* f = self.as<Function>();
  return f->dict ? dict_get_str(f->dict, name) : Value();
}

int function_setattr(Value self, Str* name, Value v) {
  Value descr = type_lookup(&function_type, name);
  if (descr && type_of(descr)->descr_set) return type_of(descr)->descr_set(descr, self, v);
  Function* f = self.as<Function>();
  if (!f->dict) f->dict = dict_new();
  if (!v) {
    if (dict_del(f->dict, Value(name)) < 0) {
      if (error_matches(&exc::KeyError)) {
        clear_error();
        raise(&exc::AttributeError, "'function' object has no attribute '%U'", name);
      }
      return -1;
    }
    return 0;
  }
  return dict_set_str(f->dict, intern(name), v);
}

Value function_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const ArgSpec spec{"function", {"code", "globals", "name", "argdefs", "closure"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_code(a[0])) return raise(&exc::TypeError, "function() argument 'code' must be code, not %s", type_name(a[0]));
  if (!is_dict(a[1])) return raise(&exc::TypeError, "function() argument 'globals' must be dict, not %s", type_name(a[1]));
  Function* f = function_new(a[0].as<Code>(), a[1].as<Dict>(), builtins_for(a[1].as<Dict>()));
  if (a[2] && !is_none(a[2])) f->name = a[2].as<Str>();
  if (a[3] && !is_none(a[3])) f->defaults = a[3].as<Tuple>();
  if (a[4] && !is_none(a[4])) f->closure = a[4].as<Tuple>();
  return Value(f);
}

// ------------------------------------------------------------------ bound method

Value method_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Method* m = self.as<Method>();
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(alloca(sizeof(Value) * (total + 1)));
  buf[0] = m->self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m->func, buf, nargs + 1, kwnames);
}

Value method_repr(Value self) {
  Method* m = self.as<Method>();
  Value name = lookup_attr(m->func, names::__qualname__);
  if (!name) {
    if (error_occurred()) return Value();
    name = lookup_attr(m->func, names::__name__);
  }
  Value r = repr(m->self);
  if (!r) return Value();
  return Value(format_message("<bound method %S of %U>", name ? name : Value(intern_cstr("?")), r.as<Str>()));
}

Value method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::EQ && op != CompareOp::NE) || !is_type(b, &method_type)) return NotImplemented();
  Method* x = a.as<Method>();
  Method* y = b.as<Method>();
  int eq = equals(x->func, y->func);
  if (eq < 0) return Value();
  bool r = eq && x->self == y->self;
  return Bool(op == CompareOp::EQ ? r : !r);
}

int64_t method_hash(Value self) {
  Method* m = self.as<Method>();
  int64_t a = hash(m->func);
  if (a == -1) return -1;
  int64_t b = int64_t(m->self.bits() >> 4);
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Value method_getattr(Value self, Str* name) {
  Value v = generic_getattr(self, name);
  if (v || error_occurred()) return v;
  return lookup_attr(self.as<Method>()->func, name);
}

Value method_get_func(Value self) { return self.as<Method>()->func; }
Value method_get_self(Value self) { return self.as<Method>()->self; }
Value method_get_doc(Value self) { return lookup_attr(self.as<Method>()->func, names::__doc__); }

const GetSetDef method_getsets[] = {{"__func__", method_get_func, nullptr, nullptr},
                                    {"__self__", method_get_self, nullptr, nullptr},
                                    {"__doc__", method_get_doc, nullptr, nullptr},
                                    {nullptr}};

Value method_reduce(Value self, const Value*, size_t, Tuple*) {
  Method* m = self.as<Method>();
  Value getattr_fn = dict_get_str(builtins_dict, intern_cstr("getattr"));
  Value name = get_attr(m->func, names::__name__);
  if (!name) return Value();
  return Value(tuple_pack({getattr_fn, Value(tuple_pack({m->self, name}))}));
}

const MethodDef method_methods[] = {{"__reduce__", method_reduce, kMethodInstance, nullptr}, {nullptr}};

Value method_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("method", kwnames) || !check_nargs("method", nargs, 2, 2)) return Value();
  if (!is_callable(args[0])) return raise(&exc::TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise(&exc::TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

// ------------------------------------------------------------------ cell

Value cell_repr(Value self) {
  Value v = self.as<Cell>()->get();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  if (!v) return Value(format_message("<cell at %s: empty>", addr));
  char vaddr[32];
  std::snprintf(vaddr, sizeof vaddr, "%p", reinterpret_cast<void*>(v.bits()));
  return Value(format_message("<cell at %s: %s object at %s>", addr, type_name(v), vaddr));
}

Value cell_get_contents(Value self) {
  Value v = self.as<Cell>()->get();
  if (!v) return raise(&exc::ValueError, "Cell is empty");
  return v;
}
int cell_set_contents(Value self, Value v) {
  self.as<Cell>()->set(v);
  return 0;
}
const GetSetDef cell_getsets[] = {{"cell_contents", cell_get_contents, cell_set_contents, nullptr}, {nullptr}};

Value cell_new_py(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cell", kwnames) || !check_nargs("cell", nargs, 0, 1)) return Value();
  return Value(cell_new(nargs ? args[0] : Value()));
}

Value cell_richcompare(Value a, Value b, CompareOp op) {
  if (!is_type(b, &cell_type)) return NotImplemented();
  Value x = a.as<Cell>()->get(), y = b.as<Cell>()->get();
  if (x && y) return rich_compare(x, y, op);
  int c = (x ? 1 : 0) - (y ? 1 : 0);
  switch (op) {
    case CompareOp::LT: return Bool(c < 0);
    case CompareOp::LE: return Bool(c <= 0);
    case CompareOp::EQ: return Bool(c == 0);
    case CompareOp::NE: return Bool(c != 0);
    case CompareOp::GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

}  // namespace

void init_function_types() {
  function_type.native_name = "function";
  function_type.instance_size = sizeof(Function);
  function_type.call = function_call;
  function_type.descr_get = function_descr_get;
  function_type.repr = function_repr;
  function_type.getsets = function_getsets;
  function_type.members = function_members;
  function_type.getattr = function_getattr;
  function_type.setattr = function_setattr;
  function_type.new_ = function_new_py;

  method_type.native_name = "method";
  method_type.instance_size = sizeof(Method);
  method_type.call = method_call;
  method_type.repr = method_repr;
  method_type.richcompare = method_richcompare;
  method_type.hash = method_hash;
  method_type.getattr = method_getattr;
  method_type.getsets = method_getsets;
  method_type.methods = method_methods;
  method_type.new_ = method_new_py;

  cell_type.native_name = "cell";
  cell_type.instance_size = sizeof(Cell);
  cell_type.repr = cell_repr;
  cell_type.getsets = cell_getsets;
  cell_type.new_ = cell_new_py;
  cell_type.richcompare = cell_richcompare;
  cell_type.hash = nullptr;
}

}  // namespace spindle
