// The _operator module: the operators as functions, and the itemgetter,
// attrgetter and methodcaller callables (operator.py re-exports all of it).
#include <cstring>
#include <string>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type itemgetter_type, attrgetter_type, methodcaller_type;

// Positional-only functions of a fixed arity: "_operator.add() takes no keyword
// arguments", "add expected 2 arguments, got 1".
bool fixed_args(const char* name, size_t nargs, Tuple* kwnames, size_t n) {
  if (kwcount(kwnames)) {
    std::string qualified = std::string("_operator.") + name;
    return check_no_kwargs(qualified.c_str(), kwnames);
  }
  if (n == 1) {
    if (nargs == 1) return true;
    std::string qualified = std::string("_operator.") + name;
    return check_nargs(qualified.c_str(), nargs, 1, 1);
  }
  return check_positional(name, nargs, n, n);
}

// ------------------------------------------------------------------ arithmetic and comparisons

template <BinaryOp op, const char* Name>
Value binary_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args(Name, nargs, kw, 2)) return Value();
  return binary_op(args[0], args[1], op);
}

template <BinaryOp op, const char* Name>
Value inplace_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args(Name, nargs, kw, 2)) return Value();
  return inplace_op(args[0], args[1], op);
}

template <CompareOp op, const char* Name>
Value compare_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args(Name, nargs, kw, 2)) return Value();
  return rich_compare(args[0], args[1], op);
}

template <Value (*F)(Value), const char* Name>
Value unary_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args(Name, nargs, kw, 1)) return Value();
  return F(args[0]);
}

Value exact_index(Value v) {
  Value i = number_index(v);
  return i ? int_exact(i) : Value();
}

Value truth_of(Value v) {
  int t = truthy(v);
  return t < 0 ? Value() : Bool(t);
}

Value not_of(Value v) {
  int t = truthy(v);
  return t < 0 ? Value() : Bool(!t);
}

#define NAME(id, text) constexpr char k_##id[] = text;
NAME(add, "add") NAME(sub, "sub") NAME(mul, "mul") NAME(matmul, "matmul") NAME(truediv, "truediv")
NAME(floordiv, "floordiv") NAME(mod, "mod") NAME(pow, "pow") NAME(lshift, "lshift") NAME(rshift, "rshift")
NAME(and_, "and_") NAME(or_, "or_") NAME(xor, "xor") NAME(iadd, "iadd") NAME(isub, "isub") NAME(imul, "imul")
NAME(imatmul, "imatmul") NAME(itruediv, "itruediv") NAME(ifloordiv, "ifloordiv") NAME(imod, "imod")
NAME(ipow, "ipow") NAME(ilshift, "ilshift") NAME(irshift, "irshift") NAME(iand, "iand") NAME(ior, "ior")
NAME(ixor, "ixor") NAME(lt, "lt") NAME(le, "le") NAME(eq, "eq") NAME(ne, "ne") NAME(gt, "gt") NAME(ge, "ge")
NAME(neg, "neg") NAME(pos, "pos") NAME(abs, "abs") NAME(inv, "inv") NAME(invert, "invert") NAME(index, "index")
NAME(truth, "truth") NAME(not_, "not_")
#undef NAME

// ------------------------------------------------------------------ sequences

bool is_sequence(Value v) {
  Type* t = type_of(v);
  return t->getitem && !is_dict(v);
}

Value concat_impl(const char* name, const Value* args, size_t nargs, Tuple* kw, bool inplace) {
  if (!fixed_args(name, nargs, kw, 2)) return Value();
  if (!is_sequence(args[0])) return raise(&exc::TypeError, "'%s' object can't be concatenated", type_name(args[0]));
  return inplace ? inplace_op(args[0], args[1], BinaryOp::Add) : binary_op(args[0], args[1], BinaryOp::Add);
}

Value op_concat(Value, const Value* args, size_t nargs, Tuple* kw) { return concat_impl("concat", args, nargs, kw, false); }
Value op_iconcat(Value, const Value* args, size_t nargs, Tuple* kw) { return concat_impl("iconcat", args, nargs, kw, true); }

Value op_contains(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("contains", nargs, kw, 2)) return Value();
  int r = contains(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

// Iterates a for b, as PySequence_Count/Index do: the count of equal items, or
// the index of the first one (-1 when absent); -2 on error.
int64_t scan_sequence(Value a, Value b, bool first_only) {
  Value it = get_iter(a);
  if (!it) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(&exc::TypeError, "argument of type '%s' is not iterable", type_name(a));
    }
    return -2;
  }
  int64_t count = 0, i = 0;
  while (Value item = iter_next(it)) {
    int eq = equals(item, b);
    if (eq < 0) return -2;
    if (eq) {
      if (first_only) return i;
      count++;
    }
    i++;
  }
  if (error_occurred()) return -2;
  return first_only ? -1 : count;
}

Value op_countOf(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("countOf", nargs, kw, 2)) return Value();
  int64_t n = scan_sequence(args[0], args[1], false);
  return n < 0 ? Value() : int_from_i64(n);
}

Value op_indexOf(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("indexOf", nargs, kw, 2)) return Value();
  int64_t n = scan_sequence(args[0], args[1], true);
  if (n == -2) return Value();
  if (n < 0) return raise(&exc::ValueError, "sequence.index(x): x not in sequence");
  return int_from_i64(n);
}

Value op_is(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("is_", nargs, kw, 2)) return Value();
  return Bool(args[0] == args[1]);
}

Value op_is_not(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("is_not", nargs, kw, 2)) return Value();
  return Bool(args[0] != args[1]);
}

Value op_getitem(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("getitem", nargs, kw, 2)) return Value();
  return get_item(args[0], args[1]);
}

Value op_setitem(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("setitem", nargs, kw, 3)) return Value();
  return set_item(args[0], args[1], args[2]) < 0 ? Value() : None();
}

Value op_delitem(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!fixed_args("delitem", nargs, kw, 2)) return Value();
  return del_item(args[0], args[1]) < 0 ? Value() : None();
}

Value op_call(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_positional("call", nargs, 1, SIZE_MAX)) return Value();
  return call(args[0], args + 1, nargs - 1, kw);
}

// PyObject_LengthHint: len() if defined, else __length_hint__, else the default.
Value op_length_hint(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_operator.length_hint", kw) || !check_positional("length_hint", nargs, 1, 2)) return Value();
  int64_t dflt = 0;
  if (nargs == 2) {
    if (!is_int(args[1]))
      return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    if (!ssize_arg(args[1], &dflt)) return Value();
  }
  Value obj = args[0];
  if (type_of(obj)->len) {
    int64_t n = length(obj);
    if (n >= 0) return int_from_i64(n);
    if (!error_matches(&exc::TypeError)) return Value();
    clear_error();
  }
  Value hint = lookup_special(obj, names::__length_hint__);
  if (!hint) return error_occurred() ? Value() : int_from_i64(dflt);
  Value r = call0(hint);
  if (!r) {
    if (!error_matches(&exc::TypeError)) return Value();
    clear_error();
    return int_from_i64(dflt);
  }
  if (r == NotImplemented()) return int_from_i64(dflt);
  if (!is_int(r)) return raise(&exc::TypeError, "__length_hint__ must be an integer, not %s", type_name(r));
  int64_t n;
  if (!ssize_arg(r, &n)) return Value();
  if (n < 0) return raise(&exc::ValueError, "__length_hint__() should return >= 0");
  return int_from_i64(n);
}

// Constant-time comparison: the time depends only on the length of b.
Value op_compare_digest(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_operator._compare_digest", kw) || !check_positional("_compare_digest", nargs, 2, 2))
    return Value();
  Value a = args[0], b = args[1];
  std::string_view x, y;
  BufferView va, vb;
  if (is_str(a) && is_str(b)) {
    Str* sa = a.as<Str>();
    Str* sb = b.as<Str>();
    if (!sa->ascii || !sb->ascii)
      return raise(&exc::TypeError, "comparing strings with non-ASCII characters is not supported");
    x = sa->ascii_view();
    y = sb->ascii_view();
  } else {
    bool has_a = get_buffer(a, &va);
    if (!has_a) clear_error();
    bool has_b = get_buffer(b, &vb);
    if (!has_b) clear_error();
    if (!has_a && !has_b)
      return raise(&exc::TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                   type_name(a), type_name(b));
    if (!has_a || !has_b) return raise(&exc::TypeError, "a bytes-like object is required, not '%s'", type_name(has_a ? b : a));
    x = {reinterpret_cast<const char*>(va.data), size_t(va.size)};
    y = {reinterpret_cast<const char*>(vb.data), size_t(vb.size)};
  }
  // Compare against b's length whatever a is, so timing leaks nothing about a.
  const volatile char* left = x.size() == y.size() ? x.data() : y.data();
  unsigned char result = x.size() == y.size() ? 0 : 1;
  for (size_t i = 0; i < y.size(); i++) result |= static_cast<unsigned char>(left[i] ^ y[i]);
  return Bool(result == 0);
}

// ------------------------------------------------------------------ itemgetter

struct ItemGetter : Object {
  Tuple* items;
};

Value itemgetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("itemgetter", kwnames)) return Value();
  if (nargs == 0) return raise(&exc::TypeError, "itemgetter expected 1 argument, got 0");
  auto* g = alloc_instance<ItemGetter>(type);
  g->items = tuple_from_array(args, int64_t(nargs));
  return Value(g);
}

Value itemgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("itemgetter", kwnames) || !check_positional("itemgetter", nargs, 1, 1)) return Value();
  Tuple* items = self.as<ItemGetter>()->items;
  if (items->size == 1) return get_item(args[0], items->items[0]);
  Tuple* r = tuple_new(items->size);
  for (int64_t i = 0; i < items->size; i++) {
    Value v = get_item(args[0], items->items[i]);
    if (!v) return Value();
    r->items[i] = v;
  }
  return Value(r);
}

// "operator.itemgetter(1, 'a')": the arguments as the constructor took them.
Value call_repr(Value self, Tuple* args, Dict* kwargs) {
  StrBuilder b;
  b.append_utf8(type_name(self));
  b.append('(');
  for (int64_t i = 0; i < args->size; i++) {
    Value r = repr(args->items[i]);
    if (!r) return Value();
    if (i) b.append_ascii(", ");
    b.append(r.as<Str>());
  }
  int64_t pos = 0;
  Value k, v;
  bool first = args->size == 0;
  while (kwargs && dict_next(kwargs, &pos, &k, &v)) {
    Value r = repr(v);
    if (!r) return Value();
    if (!first) b.append_ascii(", ");
    first = false;
    b.append(k.as<Str>());
    b.append('=');
    b.append(r.as<Str>());
  }
  b.append(')');
  return Value(b.finish());
}

Value itemgetter_repr(Value self) { return call_repr(self, self.as<ItemGetter>()->items, nullptr); }

Value itemgetter_reduce(Value self, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({Value(type_of(self)), Value(self.as<ItemGetter>()->items)}));
}

const MethodDef itemgetter_methods[] = {{"__reduce__", itemgetter_reduce, kMethodInstance, "Return state information for pickling"},
                                        {nullptr}};

// ------------------------------------------------------------------ attrgetter

struct AttrGetter : Object {
  Tuple* names;  // as given ("a.b")
  Tuple* paths;  // each a tuple of interned attribute names
};

Value attrgetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("attrgetter", kwnames)) return Value();
  if (nargs == 0) return raise(&exc::TypeError, "attrgetter expected 1 argument, got 0");
  Tuple* paths = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; i++) {
    if (!is_str(args[i])) return raise(&exc::TypeError, "attribute name must be a string");
    Str* s = args[i].as<Str>();
    List* parts = list_new();
    int64_t start = 0;
    for (int64_t j = 0; j <= s->length; j++) {
      if (j == s->length || s->at(j) == '.') {
        list_append(parts, Value(intern(str_substr(s, start, j))));
        start = j + 1;
      }
    }
    paths->items[i] = Value(list_snapshot(parts));
  }
  auto* g = alloc_instance<AttrGetter>(type);
  g->names = tuple_from_array(args, int64_t(nargs));
  g->paths = paths;
  return Value(g);
}

Value resolve_path(Value obj, Tuple* path) {
  for (Value name : *path) {
    obj = get_attr(obj, name.as<Str>());
    if (!obj) return Value();
  }
  return obj;
}

Value attrgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("attrgetter", kwnames) || !check_positional("attrgetter", nargs, 1, 1)) return Value();
  Tuple* paths = self.as<AttrGetter>()->paths;
  if (paths->size == 1) return resolve_path(args[0], paths->items[0].as<Tuple>());
  Tuple* r = tuple_new(paths->size);
  for (int64_t i = 0; i < paths->size; i++) {
    Value v = resolve_path(args[0], paths->items[i].as<Tuple>());
    if (!v) return Value();
    r->items[i] = v;
  }
  return Value(r);
}

Value attrgetter_repr(Value self) { return call_repr(self, self.as<AttrGetter>()->names, nullptr); }

Value attrgetter_reduce(Value self, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({Value(type_of(self)), Value(self.as<AttrGetter>()->names)}));
}

const MethodDef attrgetter_methods[] = {{"__reduce__", attrgetter_reduce, kMethodInstance, "Return state information for pickling"},
                                        {nullptr}};

// ------------------------------------------------------------------ methodcaller

struct MethodCaller : Object {
  Str* name;
  Tuple* args;
  Dict* kwargs;
};

Value methodcaller_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&exc::TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(&exc::TypeError, "method name must be a string");
  auto* m = alloc_instance<MethodCaller>(type);
  m->name = intern(args[0].as<Str>());
  m->args = tuple_from_array(args + 1, int64_t(nargs - 1));
  m->kwargs = dict_new();
  for (int64_t i = 0; kwnames && i < kwnames->size; i++)
    if (dict_set(m->kwargs, kwnames->items[i], args[nargs + size_t(i)]) < 0) return Value();
  return Value(m);
}

Value methodcaller_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("methodcaller", kwnames) || !check_positional("methodcaller", nargs, 1, 1)) return Value();
  auto* m = self.as<MethodCaller>();
  Value method = get_attr(args[0], m->name);
  if (!method) return Value();
  return call_with_tuple(method, m->args, dict_size(m->kwargs) ? m->kwargs : nullptr);
}

Value methodcaller_repr(Value self) {
  auto* m = self.as<MethodCaller>();
  Tuple* shown = tuple_new(m->args->size + 1);
  shown->items[0] = Value(m->name);
  for (int64_t i = 0; i < m->args->size; i++) shown->items[i + 1] = m->args->items[i];
  return call_repr(self, shown, m->kwargs);
}

Value methodcaller_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* m = self.as<MethodCaller>();
  if (dict_size(m->kwargs) == 0) {
    Tuple* a = tuple_new(m->args->size + 1);
    a->items[0] = Value(m->name);
    for (int64_t i = 0; i < m->args->size; i++) a->items[i + 1] = m->args->items[i];
    return Value(tuple_pack({Value(type_of(self)), Value(a)}));
  }
  // Keywords cannot be passed by __reduce__: bind them with functools.partial.
  Value functools = import_module_cstr("functools");
  if (!functools) return Value();
  Value partial = get_attr_cstr(functools, "partial");
  if (!partial) return Value();
  Value ctor = call_with_tuple(partial, tuple_pack({Value(type_of(self)), Value(m->name)}), m->kwargs);
  if (!ctor) return Value();
  return Value(tuple_pack({ctor, Value(m->args)}));
}

const MethodDef methodcaller_methods[] = {{"__reduce__", methodcaller_reduce, kMethodInstance, "Return state information for pickling"},
                                          {nullptr}};

// ------------------------------------------------------------------ module

#define BIN(name, op) {#name, binary_fn<BinaryOp::op, k_##name>, kMethodStatic, "Same as a " #name " b."}
#define INPLACE(name, op) {#name, inplace_fn<BinaryOp::op, k_##name>, kMethodStatic, "Same as a " #name "= b."}
#define CMP(name, op) {#name, compare_fn<CompareOp::op, k_##name>, kMethodStatic, "Same as a " #name " b."}
#define UNARY(name, fn, doc) {#name, unary_fn<fn, k_##name>, kMethodStatic, doc}

const MethodDef operator_functions[] = {
    BIN(add, Add), BIN(sub, Sub), BIN(mul, Mul), BIN(matmul, MatMul), BIN(truediv, TrueDiv),
    BIN(floordiv, FloorDiv), BIN(mod, Mod), BIN(pow, Pow), BIN(lshift, LShift), BIN(rshift, RShift),
    BIN(and_, And), BIN(or_, Or), BIN(xor, Xor),
    INPLACE(iadd, Add), INPLACE(isub, Sub), INPLACE(imul, Mul), INPLACE(imatmul, MatMul),
    INPLACE(itruediv, TrueDiv), INPLACE(ifloordiv, FloorDiv), INPLACE(imod, Mod), INPLACE(ipow, Pow),
    INPLACE(ilshift, LShift), INPLACE(irshift, RShift), INPLACE(iand, And), INPLACE(ior, Or), INPLACE(ixor, Xor),
    CMP(lt, LT), CMP(le, LE), CMP(eq, EQ), CMP(ne, NE), CMP(gt, GT), CMP(ge, GE),
    UNARY(neg, unary_neg, "Same as -a."), UNARY(pos, unary_pos, "Same as +a."), UNARY(abs, number_abs, "Same as abs(a)."),
    UNARY(inv, unary_invert, "Same as ~a."), UNARY(invert, unary_invert, "Same as ~a."),
    UNARY(index, exact_index, "Same as a.__index__()"), UNARY(truth, truth_of, "Return True if a is true, False otherwise."),
    UNARY(not_, not_of, "Same as not a."),
    {"concat", op_concat, kMethodStatic, "Same as a + b, for a and b sequences."},
    {"iconcat", op_iconcat, kMethodStatic, "Same as a += b, for a and b sequences."},
    {"contains", op_contains, kMethodStatic, "Same as b in a (note reversed operands)."},
    {"countOf", op_countOf, kMethodStatic, "Return the number of items in a which are, or which equal, b."},
    {"indexOf", op_indexOf, kMethodStatic, "Return the first index of b in a."},
    {"is_", op_is, kMethodStatic, "Same as a is b."},
    {"is_not", op_is_not, kMethodStatic, "Same as a is not b."},
    {"getitem", op_getitem, kMethodStatic, "Same as a[b]."},
    {"setitem", op_setitem, kMethodStatic, "Same as a[b] = c."},
    {"delitem", op_delitem, kMethodStatic, "Same as del a[b]."},
    {"call", op_call, kMethodStatic, "Same as obj(*args, **kwargs)."},
    {"length_hint", op_length_hint, kMethodStatic,
     "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from "
     "an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or "
     "under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."},
    {"_compare_digest", op_compare_digest, kMethodStatic, "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography."},
    {nullptr}};

#undef BIN
#undef INPLACE
#undef CMP
#undef UNARY

void init_callable_type(Type* t, const char* name, size_t size, NewFn new_fn, CallFn call_fn, ReprFn repr_fn,
                        const MethodDef* methods, const char* doc) {
  t->native_name = name;
  t->instance_size = uint32_t(size);
  t->new_ = new_fn;
  t->call = call_fn;
  t->repr = repr_fn;
  t->methods = methods;
  t->doc = doc;
  type_ready(t);
}

bool operator_init(Module* m) {
  init_callable_type(&itemgetter_type, "operator.itemgetter", sizeof(ItemGetter), itemgetter_new, itemgetter_call,
                     itemgetter_repr, itemgetter_methods,
                     "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given "
                     "item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = "
                     "itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])");
  init_callable_type(&attrgetter_type, "operator.attrgetter", sizeof(AttrGetter), attrgetter_new, attrgetter_call,
                     attrgetter_repr, attrgetter_methods,
                     "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given "
                     "attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\n"
                     "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = "
                     "attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).");
  init_callable_type(&methodcaller_type, "operator.methodcaller", sizeof(MethodCaller), methodcaller_new,
                     methodcaller_call, methodcaller_repr, methodcaller_methods,
                     "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given "
                     "method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g "
                     "= methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).");
  for (auto [name, type] : {std::pair{"itemgetter", &itemgetter_type}, {"attrgetter", &attrgetter_type},
                            {"methodcaller", &methodcaller_type}})
    if (module_add(m, name, Value(type)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef operator_module;
const ModuleDef operator_module = {
    "_operator",
    "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic "
    "operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names "
    "are those\nused for special methods; variants without leading and trailing\n'__' are also provided for "
    "convenience.",
    operator_functions, operator_init};

}  // namespace spindle
