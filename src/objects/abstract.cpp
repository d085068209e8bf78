// The protocols: attribute access, calls, comparison, arithmetic dispatch,
// containers, iteration, truth, hashing, repr/str, isinstance/issubclass.
#include <cmath>
#include <cstring>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/iter.h"
#include "objects/module.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

// ------------------------------------------------------------------ attributes

Value lookup_attr(Value obj, Str* name) {
  Type* t = type_of(obj);
  GetAttrFn f = t->getattr;
  if (!f) return Value();
  Value r = f(obj, name);
  if (!r && error_matches(&exc::AttributeError)) clear_error();
  return r;
}

namespace {

Value attribute_error(Value obj, Str* name) {
  if (is_type_object(obj))
    raise(&exc::AttributeError, "type object '%U' has no attribute '%U'", obj.as<Type>()->name, name);
  else if (is_type(obj, &module_type))
    module_attribute_error(obj, name);
  else
    raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(obj), name);
  exception_set_attribute_error_context(ts()->exception, obj, name);
  return Value();
}

}  // namespace

Value get_attr(Value obj, Str* name) {
  GetAttrFn f = type_of(obj)->getattr;
  if (!f) return attribute_error(obj, name);
  Value r = f(obj, name);
  if (r) return r;
  if (!error_occurred()) return attribute_error(obj, name);
  // An AttributeError raised by __getattr__ and the like learns what was looked up.
  if (error_matches(&exc::AttributeError)) exception_set_attribute_error_context(ts()->exception, obj, name);
  return r;
}

Value get_attr_cstr(Value obj, const char* name) { return get_attr(obj, intern_cstr(name)); }

int set_attr(Value obj, Str* name, Value v) {
  SetAttrFn f = type_of(obj)->setattr;
  if (!f) {
    if (type_of(obj)->getattr)
      raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(obj), name);
    else
      raise(&exc::TypeError, "'%s' object has no attributes (%s .%U)", type_name(obj), v ? "assign to" : "del", name);
    return -1;
  }
  return f(obj, name, v);
}

int del_attr(Value obj, Str* name) { return set_attr(obj, name, Value()); }

Value lookup_special(Value obj, Str* name) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, name);
  if (!attr) return Value();
  if (DescrGetFn get = type_of(attr)->descr_get) return get(attr, obj, Value(t));
  return attr;
}

Value lookup_method(Value obj, Str* name, bool* unbound) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, name);
  *unbound = false;
  if (!attr) return Value();
  Type* at = type_of(attr);
  if (at == &function_type || at == &method_descriptor_type || at == &wrapper_descriptor_type) {
    *unbound = true;
    return attr;
  }
  if (DescrGetFn get = at->descr_get) return get(attr, obj, Value(t));
  return attr;
}

// ------------------------------------------------------------------ calls

bool is_callable(Value v) {
  Type* t = type_of(v);
  return t->call != nullptr;
}

Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(callable);
  if (t == &function_type) return call_function(callable.as<Function>(), args, nargs, kwnames);
  CallFn f = t->call;
  if (!f) return raise(&exc::TypeError, "'%s' object is not callable", type_name(t));
  if (!enter_recursion(" while calling a Python object")) return Value();
  Value r = f(callable, args, nargs, kwnames);
  leave_recursion();
  return r;
}

Value call0(Value callable) { return call(callable, nullptr, 0); }
Value call1(Value callable, Value a) { return call(callable, &a, 1); }
Value call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(callable, args, 2);
}

Value call_method(Value obj, Str* name, const Value* args, size_t nargs, Tuple* kwnames) {
  bool unbound;
  Value m = lookup_method(obj, name, &unbound);
  if (!m) {
    if (error_occurred()) return Value();
    // Instance attributes (and __getattr__) are looked up the normal way.
    m = get_attr(obj, name);
    if (!m) return Value();
    return call(m, args, nargs, kwnames);
  }
  if (!unbound) return call(m, args, nargs, kwnames);
  // A method found on the type: an instance attribute of the same name wins.
  if (Dict* d = instance_dict(obj, false)) {
    if (Value shadow = dict_get_str(d, name)) return call(shadow, args, nargs, kwnames);
  }
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(alloca(sizeof(Value) * (total + 1)));
  buf[0] = obj;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m, buf, nargs + 1, kwnames);
}

Value call_method0(Value obj, Str* name) { return call_method(obj, name, nullptr, 0); }
Value call_method1(Value obj, Str* name, Value a) { return call_method(obj, name, &a, 1); }

Value call_with_tuple(Value callable, Tuple* args, Dict* kwargs) {
  int64_t npos = args ? args->size : 0;
  int64_t nkw = kwargs ? dict_size(kwargs) : 0;
  if (nkw == 0) return call(callable, args ? args->items : nullptr, size_t(npos));
  Value* buf = static_cast<Value*>(alloca(sizeof(Value) * size_t(npos + nkw)));
  for (int64_t i = 0; i < npos; i++) buf[i] = args->items[i];
  Tuple* names = tuple_new(nkw);
  int64_t pos = 0, i = 0;
  Value k, v;
  while (i < nkw && dict_next(kwargs, &pos, &k, &v)) {
    if (!is_str(k)) return raise(&exc::TypeError, "keywords must be strings");
    names->items[i] = k;
    buf[npos + i] = v;
    i++;
  }
  names->size = i;
  return call(callable, buf, size_t(npos), names);
}

// ------------------------------------------------------------------ repr, str, hash, truth

Value repr(Value v) {
  if (v.is_small_int()) return str_from_ascii(std::to_string(v.as_small_int()));
  if (v.is_double()) return str_from_ascii(float_repr(v.as_double()));
  Type* t = type_of(v);
  if (!t->repr) return raise(&exc::TypeError, "object has no repr");
  if (!enter_recursion(" while getting the repr of an object")) return Value();
  Value r = t->repr(v);
  leave_recursion();
  if (r && !is_str(r)) return raise(&exc::TypeError, "__repr__ returned non-string (type %s)", type_name(r));
  return r;
}

Value to_str(Value v) {
  if (is_str_exact(v)) return v;
  if (v.is_small_int()) return str_from_ascii(std::to_string(v.as_small_int()));
  if (v.is_double()) return str_from_ascii(float_repr(v.as_double()));
  Type* t = type_of(v);
  ReprFn f = t->str ? t->str : t->repr;
  if (!enter_recursion(" while getting the str of an object")) return Value();
  Value r = f(v);
  leave_recursion();
  if (r && !is_str(r)) return raise(&exc::TypeError, "__str__ returned non-string (type %s)", type_name(r));
  return r;
}

int64_t hash(Value v) {
  if (v.is_small_int()) return int_hash(v);
  if (v.is_double()) return float_hash(v.as_double());
  Type* t = type_of(v);
  if (t == &str_type) return str_hash(v.as<Str>());
  if (!t->hash) {
    raise(&exc::TypeError, "unhashable type: '%s'", type_name(t));
    return -1;
  }
  return t->hash(v);
}

int truthy(Value v) {
  if (v == True()) return 1;
  if (v == False() || v == None()) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_double()) return v.as_double() != 0.0;
  Type* t = type_of(v);
  if (t->bool_) return t->bool_(v);
  if (t->len) {
    int64_t n = t->len(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// ------------------------------------------------------------------ comparison

namespace {

constexpr CompareOp kSwapped[] = {CompareOp::GT, CompareOp::GE, CompareOp::EQ, CompareOp::NE, CompareOp::LT, CompareOp::LE};
const char* const kOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

inline Value compare_doubles(double a, double b, CompareOp op) {
  switch (op) {
    case CompareOp::LT: return Bool(a < b);
    case CompareOp::LE: return Bool(a <= b);
    case CompareOp::EQ: return Bool(a == b);
    case CompareOp::NE: return Bool(a != b);
    case CompareOp::GT: return Bool(a > b);
    default: return Bool(a >= b);
  }
}

}  // namespace

Value rich_compare(Value a, Value b, CompareOp op) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (op) {
      case CompareOp::LT: return Bool(x < y);
      case CompareOp::LE: return Bool(x <= y);
      case CompareOp::EQ: return Bool(x == y);
      case CompareOp::NE: return Bool(x != y);
      case CompareOp::GT: return Bool(x > y);
      default: return Bool(x >= y);
    }
  }
  if (a.is_double() && b.is_double()) return compare_doubles(a.as_double(), b.as_double(), op);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (!enter_recursion(" in comparison")) return Value();
  bool checked_reverse = false;
  Value r;
  if (ta != tb && tb->richcompare && is_subtype(tb, ta)) {
    checked_reverse = true;
    r = tb->richcompare(b, a, kSwapped[int(op)]);
    if (!r || r != NotImplemented()) goto done;
  }
  if (ta->richcompare) {
    r = ta->richcompare(a, b, op);
    if (!r || r != NotImplemented()) goto done;
  }
  if (!checked_reverse && tb->richcompare) {
    r = tb->richcompare(b, a, kSwapped[int(op)]);
    if (!r || r != NotImplemented()) goto done;
  }
  switch (op) {
    case CompareOp::EQ: r = Bool(a == b); break;
    case CompareOp::NE: r = Bool(a != b); break;
    default:
      r = raise(&exc::TypeError, "'%s' not supported between instances of '%s' and '%s'", kOpSymbols[int(op)],
                type_name(ta), type_name(tb));
  }
done:
  leave_recursion();
  return r;
}

int rich_compare_bool(Value a, Value b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::EQ) return 1;
    if (op == CompareOp::NE) return 0;
  }
  Value r = rich_compare(a, b, op);
  if (!r) return -1;
  if (r == True()) return 1;
  if (r == False()) return 0;
  return truthy(r);
}

int equals(Value a, Value b) {
  if (a == b) return 1;
  return rich_compare_bool(a, b, CompareOp::EQ);
}

namespace {
bool is_number_exact(const Type* t) { return t == &int_type || t == &bool_type || t == &float_type; }
bool has_native_eq(const Type* t) {
  return is_number_exact(t) || t == &str_type || t == &bytes_type || t == &none_type || t == &tuple_type;
}

int equals_without_python(Value a, Value b, int depth) {
  if (a == b) return 1;
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (!has_native_eq(ta) || !has_native_eq(tb)) return -2;
  if (is_number_exact(ta) && is_number_exact(tb)) return rich_compare_bool(a, b, CompareOp::EQ) == 1;
  if (ta != tb) return 0;
  if (ta == &tuple_type) {
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    if (x->size != y->size) return 0;
    if (depth > 8) return -2;
    for (int64_t i = 0; i < x->size; i++) {
      int r = equals_without_python(x->items[i], y->items[i], depth + 1);
      if (r != 1) return r;
    }
    return 1;
  }
  return rich_compare_bool(a, b, CompareOp::EQ) == 1;  // str, bytes: native comparisons
}
}  // namespace

int equals_without_python(Value a, Value b) { return equals_without_python(a, b, 0); }

// ------------------------------------------------------------------ arithmetic

namespace {

const char* const kBinarySymbols[] = {"+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^",
                                      "divmod()"};
const char* const kInplaceSymbols[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=",
                                       "^=", "divmod()"};

Value binary_op1(Value a, Value b, int op) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  BinaryFn slota = ta->nb[op];
  BinaryFn slotb = ta != tb ? tb->nb[op] : nullptr;
  if (slotb == slota) slotb = nullptr;
  if (slota) {
    if (slotb && is_subtype(tb, ta)) {
      Value r = slotb(a, b);
      if (r != NotImplemented()) return r;
      slotb = nullptr;
    }
    Value r = slota(a, b);
    if (r != NotImplemented()) return r;
  }
  if (slotb) return slotb(a, b);
  return NotImplemented();
}

// Whether v supports sequence concatenation and repetition (CPython's sq_concat / sq_repeat).
bool is_concat_sequence(Value v) {
  return is_str(v) || is_list(v) || is_tuple(v) || is_bytes(v) || is_bytearray(v);
}

// Raises the error for `a + b` / `a * b` where a (or b) is a builtin
// sequence: the sequence's own message, which CPython raises from sq_concat /
// sq_repeat once both operands' numeric methods declined. False if neither applies.
bool raise_sequence_operand_error(Value a, Value b, int op) {
  if (op == int(BinaryOp::Add) && is_concat_sequence(a)) {
    if (is_bytes(a) || is_bytearray(a)) {
      raise(&exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
    } else {
      const char* kind = is_str(a) ? "str" : is_list(a) ? "list" : "tuple";
      raise(&exc::TypeError, "can only concatenate %s (not \"%s\") to %s", kind, type_name(b), kind);
    }
    return true;
  }
  if (op == int(BinaryOp::Mul)) {
    Value count = is_concat_sequence(a) ? b : is_concat_sequence(b) ? a : Value();
    if (count && !type_of(count)->index) {
      raise(&exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count));
      return true;
    }
  }
  return false;
}

Value binary_type_error(Value a, Value b, int op, bool inplace) {
  if (raise_sequence_operand_error(a, b, op)) return Value();
  if (!inplace && op == int(BinaryOp::Pow))
    return raise(&exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", type_name(a),
                 type_name(b));
  // print >> file gets a hint in CPython.
  if (op == int(BinaryOp::RShift) && is_type(a, &builtin_function_type) &&
      std::strcmp(a.as<BuiltinFunction>()->def->name, "print") == 0)
    return raise(&exc::TypeError,
                 "unsupported operand type(s) for >>: '%s' and '%s'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                 type_name(a), type_name(b));
  return raise(&exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
               inplace ? kInplaceSymbols[op] : kBinarySymbols[op], type_name(a), type_name(b));
}

}  // namespace

Value binary_op(Value a, Value b, BinaryOp op) {
  Value r = binary_op1(a, b, int(op));
  if (r == NotImplemented()) return binary_type_error(a, b, int(op), false);
  return r;
}

Value inplace_op(Value a, Value b, BinaryOp op) {
  Type* ta = type_of(a);
  if (BinaryFn f = ta->nb_inplace[int(op)]) {
    Value r = f(a, b);
    if (r != NotImplemented()) return r;
  }
  Value r = binary_op1(a, b, int(op));
  if (r == NotImplemented()) return binary_type_error(a, b, int(op), true);
  return r;
}

Value power(Value a, Value b, Value mod) {
  if (!mod || is_none(mod)) return binary_op(a, b, BinaryOp::Pow);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Type* tm = type_of(mod);
  for (Type* t : {ta, tb, tm}) {
    if (t->pow3) {
      Value r = t->pow3(a, b, mod);
      if (r != NotImplemented()) return r;
    }
  }
  return raise(&exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(ta),
               type_name(tb), type_name(tm));
}

#define SPINDLE_UNARY(fn, slot, sym)                                                            \
  Value fn(Value v) {                                                                           \
    UnaryFn f = type_of(v)->slot;                                                               \
    if (!f) return raise(&exc::TypeError, "bad operand type for " sym ": '%s'", type_name(v)); \
    return f(v);                                                                                \
  }
SPINDLE_UNARY(unary_neg, neg, "unary -")
SPINDLE_UNARY(unary_pos, pos, "unary +")
SPINDLE_UNARY(unary_invert, invert, "unary ~")
SPINDLE_UNARY(number_abs, abs, "abs()")
#undef SPINDLE_UNARY

Value number_index(Value v) {
  if (v.is_small_int()) return v;
  if (is_int(v)) return v;
  UnaryFn f = type_of(v)->index;
  if (!f)
    return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  Value r = f(v);
  if (!r) return Value();
  if (!is_int(r)) return raise(&exc::TypeError, "__index__ returned non-int (type %s)", type_name(r));
  if (!is_int_exact(r) &&
      !warn_format(&exc::DeprecationWarning, 1,
                   "__index__ returned non-int (type %s).  The ability to return an instance of a strict subclass "
                   "of int is deprecated, and may be removed in a future version of Python.",
                   type_name(r)))
    return Value();
  return r;
}

bool index_as_i64(Value v, int64_t* out, Type* overflow_exc) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Value i = number_index(v);
  if (!i) return false;
  if (i.is_small_int()) {
    *out = i.as_small_int();
    return true;
  }
  if (int_to_i64(i, out)) return true;
  if (!overflow_exc) {
    clear_error();
    *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  clear_error();
  raise(overflow_exc, "cannot fit '%s' into an index-sized integer", type_name(v));
  return false;
}

// ------------------------------------------------------------------ containers

int64_t length(Value v) {
  LenFn f = type_of(v)->len;
  if (!f) {
    raise(&exc::TypeError, "object of type '%s' has no len()", type_name(v));
    return -1;
  }
  return f(v);
}

Value get_item(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->getitem) return t->getitem(obj, key);
  if (is_type_object(obj)) {
    // Generic aliases: list[int] via __class_getitem__.
    if (obj == Value(&type_type)) return generic_alias_new(obj, key);
    Value cgi = lookup_attr(obj, names::__class_getitem__);
    if (cgi) return call1(cgi, key);
    if (error_occurred()) return Value();
    return raise(&exc::TypeError, "type '%U' is not subscriptable", obj.as<Type>()->name);
  }
  return raise(&exc::TypeError, "'%s' object is not subscriptable", type_name(t));
}

int set_item(Value obj, Value key, Value v) {
  Type* t = type_of(obj);
  if (!t->setitem) {
    raise(&exc::TypeError, "'%s' object does not support item assignment", type_name(t));
    return -1;
  }
  return t->setitem(obj, key, v);
}

int del_item(Value obj, Value key) {
  Type* t = type_of(obj);
  if (!t->setitem) {
    // CPython words it differently when deleting an index from a sequence-like type.
    bool sequence_index = (type_of(key)->index || is_int(key)) &&
                          ((t->flags & kTypeHeap) || t->getitem || t->len || t->contains);
    raise(&exc::TypeError, sequence_index ? "'%s' object doesn't support item deletion"
                                          : "'%s' object does not support item deletion",
          type_name(t));
    return -1;
  }
  return t->setitem(obj, key, Value());
}

int contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->contains) return t->contains(container, item);
  // Fall back to iteration.
  Value it = get_iter(container);
  if (!it) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(&exc::TypeError, "argument of type '%s' is not iterable", type_name(t));
    }
    return -1;
  }
  while (Value v = iter_next(it)) {
    int r = equals(v, item);
    if (r != 0) return r;
  }
  return error_occurred() ? -1 : 0;
}

Value get_iter(Value v) {
  Type* t = type_of(v);
  if (t->iter) {
    Value r = t->iter(v);
    if (!r) return Value();
    if (!type_of(r)->next)
      return raise(&exc::TypeError, "iter() returned non-iterator of type '%s'", type_name(r));
    return r;
  }
  if (t->getitem && !is_dict(v)) return sequence_iter_new(v);
  return raise(&exc::TypeError, "'%s' object is not iterable", type_name(t));
}

Value iter_next(Value it) {
  UnaryFn f = type_of(it)->next;
  if (!f) return raise(&exc::TypeError, "'%s' object is not an iterator", type_name(it));
  return f(it);
}

// ------------------------------------------------------------------ isinstance / issubclass

namespace {

// Objects may claim a class through __class__ (proxies) or be abstract
// classes with __bases__; the recursive checks follow CPython's abstract.c.
Value abstract_bases(Value cls) {
  Value bases = lookup_attr(cls, names::__bases__);
  if (!bases) return Value();
  return is_tuple(bases) ? bases : Value();
}

int abstract_issubclass(Value derived, Value cls) {
  for (int depth = 0; depth < 10000; depth++) {
    if (derived == cls) return 1;
    Value bases = abstract_bases(derived);
    if (!bases) return error_occurred() ? -1 : 0;
    Tuple* b = bases.as<Tuple>();
    if (b->size == 0) return 0;
    if (b->size == 1) {
      derived = b->items[0];
      continue;
    }
    for (Value base : *b) {
      int r = abstract_issubclass(base, cls);
      if (r != 0) return r;
    }
    return 0;
  }
  raise(&exc::RecursionError, "maximum recursion depth exceeded in __subclasscheck__");
  return -1;
}

int recursive_isinstance(Value obj, Value cls) {
  if (is_type_object(cls)) {
    if (is_instance_of(obj, cls.as<Type>())) return 1;
    Value c = lookup_attr(obj, names::__class__);
    if (!c) return error_occurred() ? -1 : 0;
    if (c != Value(type_of(obj)) && is_type_object(c)) return is_subtype(c.as<Type>(), cls.as<Type>());
    return 0;
  }
  if (!abstract_bases(cls)) {
    if (error_occurred()) return -1;
    raise(&exc::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  Value c = lookup_attr(obj, names::__class__);
  if (!c) return error_occurred() ? -1 : 0;
  return abstract_issubclass(c, cls);
}

int recursive_issubclass(Value derived, Value cls) {
  if (is_type_object(cls) && is_type_object(derived)) return is_subtype(derived.as<Type>(), cls.as<Type>());
  if (!abstract_bases(derived)) {
    if (error_occurred()) return -1;
    raise(&exc::TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!abstract_bases(cls)) {
    if (error_occurred()) return -1;
    raise(&exc::TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return abstract_issubclass(derived, cls);
}

}  // namespace

int is_instance(Value obj, Value cls) {
  if (is_type_object(cls) && type_of(obj) == cls.as<Type>()) return 1;
  if (is_type(cls, &type_type)) return recursive_isinstance(obj, cls);
  if (is_union_type(cls)) cls = union_args(cls);
  if (is_tuple(cls)) {
    if (!enter_recursion(" in __instancecheck__")) return -1;
    int r = 0;
    for (Value c : *cls.as<Tuple>()) {
      r = is_instance(obj, c);
      if (r != 0) break;
    }
    leave_recursion();
    return r;
  }
  Value checker = lookup_special(cls, names::__instancecheck__);
  if (checker) {
    if (!enter_recursion(" in __instancecheck__")) return -1;
    Value r = call1(checker, obj);
    leave_recursion();
    if (!r) return -1;
    return truthy(r);
  }
  if (error_occurred()) return -1;
  return recursive_isinstance(obj, cls);
}

int is_subclass(Value derived, Value cls) {
  if (is_type(cls, &type_type) && is_type_object(derived)) return is_subtype(derived.as<Type>(), cls.as<Type>());
  if (is_union_type(cls)) cls = union_args(cls);
  if (is_tuple(cls)) {
    if (!enter_recursion(" in __subclasscheck__")) return -1;
    int r = 0;
    for (Value c : *cls.as<Tuple>()) {
      r = is_subclass(derived, c);
      if (r != 0) break;
    }
    leave_recursion();
    return r;
  }
  Value checker = lookup_special(cls, names::__subclasscheck__);
  if (checker) {
    if (!enter_recursion(" in __subclasscheck__")) return -1;
    Value r = call1(checker, derived);
    leave_recursion();
    if (!r) return -1;
    return truthy(r);
  }
  if (error_occurred()) return -1;
  return recursive_issubclass(derived, cls);
}

}  // namespace spindle
