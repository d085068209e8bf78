// Slots and dunder methods, both ways:
//  - native types expose their slots to Python as wrapper descriptors
//    (int.__add__, list.__getitem__, ...);
//  - classes get generic slot functions that call their dunder methods, or the
//    native slot directly when the dunder found on the MRO is the native
//    wrapper itself (so `class L(list)` indexes as fast as list).
#include <vector>
#include <cstring>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

enum SlotId : int32_t {
  kSlotRepr, kSlotStr, kSlotHash, kSlotRichCompare, kSlotGetAttr, kSlotSetAttr, kSlotCall, kSlotIter,
  kSlotNext, kSlotDescrGet, kSlotDescrSet, kSlotInit, kSlotNew, kSlotPow3, kSlotNeg, kSlotPos, kSlotInvert,
  kSlotAbs, kSlotIndex, kSlotInt, kSlotFloat, kSlotBool, kSlotLen, kSlotGetItem, kSlotSetItem, kSlotContains,
  kSlotFinalize, kSlotNb, kSlotNbInplace = kSlotNb + kNumBinaryOps, kNumSlots = kSlotNbInplace + kNumBinaryOps,
};

void* get_slot(const Type* t, int id) {
  switch (id) {
    case kSlotRepr: return reinterpret_cast<void*>(t->repr);
    case kSlotStr: return reinterpret_cast<void*>(t->str);
    case kSlotHash: return reinterpret_cast<void*>(t->hash);
    case kSlotRichCompare: return reinterpret_cast<void*>(t->richcompare);
    case kSlotGetAttr: return reinterpret_cast<void*>(t->getattr);
    case kSlotSetAttr: return reinterpret_cast<void*>(t->setattr);
    case kSlotCall: return reinterpret_cast<void*>(t->call);
    case kSlotIter: return reinterpret_cast<void*>(t->iter);
    case kSlotNext: return reinterpret_cast<void*>(t->next);
    case kSlotDescrGet: return reinterpret_cast<void*>(t->descr_get);
    case kSlotDescrSet: return reinterpret_cast<void*>(t->descr_set);
    case kSlotInit: return reinterpret_cast<void*>(t->init);
    case kSlotNew: return reinterpret_cast<void*>(t->new_);
    case kSlotPow3: return reinterpret_cast<void*>(t->pow3);
    case kSlotNeg: return reinterpret_cast<void*>(t->neg);
    case kSlotPos: return reinterpret_cast<void*>(t->pos);
    case kSlotInvert: return reinterpret_cast<void*>(t->invert);
    case kSlotAbs: return reinterpret_cast<void*>(t->abs);
    case kSlotIndex: return reinterpret_cast<void*>(t->index);
    case kSlotInt: return reinterpret_cast<void*>(t->int_);
    case kSlotFloat: return reinterpret_cast<void*>(t->float_);
    case kSlotBool: return reinterpret_cast<void*>(t->bool_);
    case kSlotLen: return reinterpret_cast<void*>(t->len);
    case kSlotGetItem: return reinterpret_cast<void*>(t->getitem);
    case kSlotSetItem: return reinterpret_cast<void*>(t->setitem);
    case kSlotContains: return reinterpret_cast<void*>(t->contains);
    case kSlotFinalize: return reinterpret_cast<void*>(t->finalize);
    default:
      if (id >= kSlotNb && id < kSlotNbInplace) return reinterpret_cast<void*>(t->nb[id - kSlotNb]);
      return reinterpret_cast<void*>(t->nb_inplace[id - kSlotNbInplace]);
  }
}

void set_slot(Type* t, int id, void* fn) {
  switch (id) {
    case kSlotRepr: t->repr = reinterpret_cast<ReprFn>(fn); break;
    case kSlotStr: t->str = reinterpret_cast<ReprFn>(fn); break;
    case kSlotHash: t->hash = reinterpret_cast<HashFn>(fn); break;
    case kSlotRichCompare: t->richcompare = reinterpret_cast<RichCompareFn>(fn); break;
    case kSlotGetAttr: t->getattr = reinterpret_cast<GetAttrFn>(fn); break;
    case kSlotSetAttr: t->setattr = reinterpret_cast<SetAttrFn>(fn); break;
    case kSlotCall: t->call = reinterpret_cast<CallFn>(fn); break;
    case kSlotIter: t->iter = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotNext: t->next = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotDescrGet: t->descr_get = reinterpret_cast<DescrGetFn>(fn); break;
    case kSlotDescrSet: t->descr_set = reinterpret_cast<DescrSetFn>(fn); break;
    case kSlotInit: t->init = reinterpret_cast<InitFn>(fn); break;
    case kSlotNew: t->new_ = reinterpret_cast<NewFn>(fn); break;
    case kSlotPow3: t->pow3 = reinterpret_cast<TernaryFn>(fn); break;
    case kSlotNeg: t->neg = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotPos: t->pos = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotInvert: t->invert = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotAbs: t->abs = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotIndex: t->index = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotInt: t->int_ = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotFloat: t->float_ = reinterpret_cast<UnaryFn>(fn); break;
    case kSlotBool: t->bool_ = reinterpret_cast<InquiryFn>(fn); break;
    case kSlotLen: t->len = reinterpret_cast<LenFn>(fn); break;
    case kSlotGetItem: t->getitem = reinterpret_cast<GetItemFn>(fn); break;
    case kSlotSetItem: t->setitem = reinterpret_cast<SetItemFn>(fn); break;
    case kSlotContains: t->contains = reinterpret_cast<ContainsFn>(fn); break;
    case kSlotFinalize: t->finalize = reinterpret_cast<void (*)(Value)>(fn); break;
    default:
      if (id >= kSlotNb && id < kSlotNbInplace) t->nb[id - kSlotNb] = reinterpret_cast<BinaryFn>(fn);
      else t->nb_inplace[id - kSlotNbInplace] = reinterpret_cast<BinaryFn>(fn);
  }
}

// ---------------------------------------------------------------- calling dunders

// Calls type(self).name(self, args...). Returns null with no exception when the
// type has no such attribute.
namespace {

// Calls m, found by lookup_method on self, with args.
Value call_found_method(Value m, bool unbound, Value self, const Value* args, size_t nargs) {
  if (unbound) {
    Value buf[4];
    buf[0] = self;
    for (size_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
    return call(m, buf, nargs + 1);
  }
  return call(m, args, nargs);
}

}  // namespace

Value call_dunder(Value self, Str* name, const Value* args, size_t nargs) {
  bool unbound;
  Value m = lookup_method(self, name, &unbound);
  if (!m) return Value();
  return call_found_method(m, unbound, self, args, nargs);
}

Value require_dunder(Value self, Str* name, const Value* args, size_t nargs) {
  Value r = call_dunder(self, name, args, nargs);
  if (!r && !error_occurred()) raise(&exc::AttributeError, "%U", name);
  return r;
}

// ---------------------------------------------------------------- heap slot functions

Value slot_repr(Value self) { return require_dunder(self, names::__repr__, nullptr, 0); }
Value slot_str(Value self) { return require_dunder(self, names::__str__, nullptr, 0); }

int64_t slot_hash(Value self) {
  Value f = type_lookup(type_of(self), names::__hash__);
  if (!f || f == None()) {
    raise(&exc::TypeError, "unhashable type: '%s'", type_name(self));
    return -1;
  }
  Value r = require_dunder(self, names::__hash__, nullptr, 0);
  if (!r) return -1;
  if (!is_int(r)) {
    raise(&exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // Large results are reduced the way hash(int) reduces them.
  return int_hash(r);
}

Str* const* richcompare_names() {
  static Str* n[6];
  if (!n[0]) {
    n[0] = names::__lt__; n[1] = names::__le__; n[2] = names::__eq__;
    n[3] = names::__ne__; n[4] = names::__gt__; n[5] = names::__ge__;
  }
  return n;
}

Value slot_richcompare(Value a, Value b, CompareOp op) {
  bool unbound;
  Value m = lookup_method(a, richcompare_names()[int(op)], &unbound);
  if (!m) {
    // As in CPython, a failing lookup (a property that raises, say) means
    // NotImplemented, not an error.
    clear_error();
    return NotImplemented();
  }
  return call_found_method(m, unbound, a, &b, 1);
}

Value slot_getattr_hook(Value self, Str* name) {
  Type* t = type_of(self);
  Value getattribute = type_lookup(t, names::__getattribute__);
  Value object_getattribute = type_lookup(&object_type, names::__getattribute__);
  Value r;
  if (!getattribute || getattribute == object_getattribute) {
    r = generic_getattr(self, name);
  } else {
    Value arg(name);
    r = call_dunder(self, names::__getattribute__, &arg, 1);
  }
  if (r) return r;
  Value getattr_hook = type_lookup(t, names::__getattr__);
  if (!getattr_hook) return Value();
  if (error_occurred()) {
    if (!error_matches(&exc::AttributeError)) return Value();
    clear_error();
  }
  Value arg(name);
  return call_dunder(self, names::__getattr__, &arg, 1);
}

int slot_setattr(Value self, Str* name, Value v) {
  Value r;
  if (v.is_null()) {
    Value arg(name);
    r = require_dunder(self, names::__delattr__, &arg, 1);
  } else {
    Value args[2] = {Value(name), v};
    r = require_dunder(self, names::__setattr__, args, 2);
  }
  return r ? 0 : -1;
}

Value slot_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool unbound;
  Value m = lookup_method(self, names::__call__, &unbound);
  if (!m) {
    if (!error_occurred()) raise(&exc::TypeError, "'%s' object is not callable", type_name(self));
    return Value();
  }
  if (!unbound) return call(m, args, nargs, kwnames);
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value* buf = static_cast<Value*>(alloca(sizeof(Value) * (total + 1)));
  buf[0] = self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m, buf, nargs + 1, kwnames);
}

Value slot_iter(Value self) {
  Value f = type_lookup(type_of(self), names::__iter__);
  if (f == None()) return raise(&exc::TypeError, "'%s' object is not iterable", type_name(self));
  return require_dunder(self, names::__iter__, nullptr, 0);
}

Value slot_next(Value self) {
  Value r = require_dunder(self, names::__next__, nullptr, 0);
  if (!r && error_matches(&exc::StopIteration)) clear_error();
  return r;
}

Value slot_descr_get(Value self, Value obj, Value type) {
  Value args[2] = {obj ? obj : None(), type ? type : None()};
  return require_dunder(self, names::__get__, args, 2);
}

int slot_descr_set(Value self, Value obj, Value v) {
  Value r;
  if (v.is_null()) r = require_dunder(self, names::__delete__, &obj, 1);
  else {
    Value args[2] = {obj, v};
    r = require_dunder(self, names::__set__, args, 2);
  }
  return r ? 0 : -1;
}

int slot_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool unbound;
  Value m = lookup_method(self, names::__init__, &unbound);
  if (!m) return error_occurred() ? -1 : 0;
  Value r;
  if (unbound) {
    size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
    Value* buf = static_cast<Value*>(alloca(sizeof(Value) * (total + 1)));
    buf[0] = self;
    for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
    r = call(m, buf, nargs + 1, kwnames);
  } else {
    r = call(m, args, nargs, kwnames);
  }
  if (!r) return -1;
  if (r != None()) {
    raise(&exc::TypeError, "__init__() should return None, not '%s'", type_name(r));
    return -1;
  }
  return 0;
}

Value slot_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type, names::__new__);
  if (!f) return raise(&exc::TypeError, "cannot create '%U' instances", type->name);
  // __new__ is a static method: unwrap it and pass the class explicitly.
  if (is_type(f, &staticmethod_type)) f = f.as<StaticMethod>()->func;
  size_t total = nargs + (kwnames ? size_t(kwnames->size) : 0);
  Value* buf = static_cast<Value*>(alloca(sizeof(Value) * (total + 1)));
  buf[0] = Value(type);
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(f, buf, nargs + 1, kwnames);
}

struct BinaryNames {
  Str* op;
  Str* rop;
  Str* iop;
};

BinaryNames binary_names(int op) {
  switch (BinaryOp(op)) {
    case BinaryOp::Add: return {names::__add__, names::__radd__, names::__iadd__};
    case BinaryOp::Sub: return {names::__sub__, names::__rsub__, names::__isub__};
    case BinaryOp::Mul: return {names::__mul__, names::__rmul__, names::__imul__};
    case BinaryOp::MatMul: return {names::__matmul__, names::__rmatmul__, names::__imatmul__};
    case BinaryOp::TrueDiv: return {names::__truediv__, names::__rtruediv__, names::__itruediv__};
    case BinaryOp::FloorDiv: return {names::__floordiv__, names::__rfloordiv__, names::__ifloordiv__};
    case BinaryOp::Mod: return {names::__mod__, names::__rmod__, names::__imod__};
    case BinaryOp::Pow: return {names::__pow__, names::__rpow__, names::__ipow__};
    case BinaryOp::LShift: return {names::__lshift__, names::__rlshift__, names::__ilshift__};
    case BinaryOp::RShift: return {names::__rshift__, names::__rrshift__, names::__irshift__};
    case BinaryOp::And: return {names::__and__, names::__rand__, names::__iand__};
    case BinaryOp::Or: return {names::__or__, names::__ror__, names::__ior__};
    case BinaryOp::Xor: return {names::__xor__, names::__rxor__, names::__ixor__};
    case BinaryOp::DivMod: return {names::__divmod__, names::__rdivmod__, nullptr};
  }
  return {};
}

// Whether `sub` overrides `name` relative to `base` (the check CPython does
// before trying a subclass's reflected method first).
bool method_is_overloaded(Type* base, Type* sub, Str* name) {
  Value b = type_lookup(sub, name);
  if (!b) return false;
  Value a = type_lookup(base, name);
  return a != b;
}

template <int Op>
Value slot_nb(Value a, Value b) {
  BinaryNames n = binary_names(Op);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool do_other = ta != tb && tb->nb[Op] == &slot_nb<Op> && type_lookup(tb, n.rop);
  if (ta->nb[Op] == &slot_nb<Op>) {
    if (do_other && is_subtype(tb, ta) && method_is_overloaded(ta, tb, n.rop)) {
      Value r = call_dunder(b, n.rop, &a, 1);
      if (!r && error_occurred()) return Value();
      if (r && r != NotImplemented()) return r;
      do_other = false;
    }
    Value r = call_dunder(a, n.op, &b, 1);
    if (!r && error_occurred()) return Value();
    if (r && (r != NotImplemented() || ta == tb)) return r;
  }
  if (do_other) {
    Value r = call_dunder(b, n.rop, &a, 1);
    if (!r && !error_occurred()) return NotImplemented();
    return r;
  }
  return NotImplemented();
}

template <int Op>
Value slot_nb_inplace(Value a, Value b) {
  Value r = call_dunder(a, binary_names(Op).iop, &b, 1);
  if (!r && !error_occurred()) return NotImplemented();
  return r;
}

Value slot_pow3(Value a, Value b, Value mod) {
  if (is_none(mod)) return slot_nb<int(BinaryOp::Pow)>(a, b);
  // Three-argument pow never tries the reflected method (as in CPython).
  if (type_of(a)->pow3 == &slot_pow3) {
    Value args[2] = {b, mod};
    Value r = call_dunder(a, names::__pow__, args, 2);
    if (!r && !error_occurred()) return NotImplemented();
    return r;
  }
  return NotImplemented();
}

#define SPINDLE_UNARY_SLOT(fn, dunder) \
  Value fn(Value self) { return require_dunder(self, names::dunder, nullptr, 0); }
SPINDLE_UNARY_SLOT(slot_neg, __neg__)
SPINDLE_UNARY_SLOT(slot_pos, __pos__)
SPINDLE_UNARY_SLOT(slot_invert, __invert__)
SPINDLE_UNARY_SLOT(slot_abs, __abs__)
SPINDLE_UNARY_SLOT(slot_index, __index__)
SPINDLE_UNARY_SLOT(slot_int, __int__)
SPINDLE_UNARY_SLOT(slot_float, __float__)
#undef SPINDLE_UNARY_SLOT

int64_t slot_len(Value self);

int slot_bool(Value self) {
  Value r = call_dunder(self, names::__bool__, nullptr, 0);
  if (r) {
    if (!is_bool(r)) {
      raise(&exc::TypeError, "__bool__ should return bool, returned %s", type_name(r));
      return -1;
    }
    return r == True();
  }
  if (error_occurred()) return -1;
  if (type_lookup(type_of(self), names::__len__)) {
    int64_t n = slot_len(self);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t slot_len(Value self) {
  Value r = require_dunder(self, names::__len__, nullptr, 0);
  if (!r) return -1;
  Value i = number_index(r);
  if (!i) return -1;
  if (int_sign(i) < 0) {
    raise(&exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t n;
  if (!int_to_i64(i, &n)) {
    clear_error();
    raise(&exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return n;
}

Value slot_getitem(Value self, Value key) { return require_dunder(self, names::__getitem__, &key, 1); }

int slot_setitem(Value self, Value key, Value v) {
  Value r;
  if (v.is_null()) {
    r = require_dunder(self, names::__delitem__, &key, 1);
  } else {
    Value args[2] = {key, v};
    r = require_dunder(self, names::__setitem__, args, 2);
  }
  return r ? 0 : -1;
}

int slot_contains(Value self, Value item) {
  Value f = type_lookup(type_of(self), names::__contains__);
  if (f == None()) {
    raise(&exc::TypeError, "'%s' object is not a container", type_name(self));
    return -1;
  }
  Value r = require_dunder(self, names::__contains__, &item, 1);
  if (!r) return -1;
  return truthy(r);
}

void slot_finalize(Value self) {
  Value r = call_dunder(self, names::__del__, nullptr, 0);
  if (!r && error_occurred()) {
    Value e = fetch_error();
    Value del = type_lookup(type_of(self), names::__del__);
    write_unraisable(e, del ? del : self);
  }
}

int64_t hash_not_implemented(Value self) {
  raise(&exc::TypeError, "unhashable type: '%s'", type_name(self));
  return -1;
}

// ---------------------------------------------------------------- the slot table

enum WrapperKind : uint8_t {
  W_UNARY, W_NEXT, W_HASH, W_RICHCMP, W_BINARY_L, W_BINARY_R, W_INPLACE, W_POW, W_RPOW, W_BOOL, W_LEN,
  W_GETITEM, W_SETITEM, W_DELITEM, W_CONTAINS, W_GETATTR, W_SETATTR, W_DELATTR, W_CALL, W_DESCR_GET,
  W_DESCR_SET, W_DESCR_DELETE, W_INIT, W_DEL, W_NONE,
};

struct SlotDef {
  Str** name;
  int32_t id;
  WrapperKind kind;
  int32_t arg;  // CompareOp for W_RICHCMP, BinaryOp for nb slots
  void* heap_fn;
};

std::vector<SlotDef>& slot_defs() {
  static std::vector<SlotDef> defs;
  if (!defs.empty()) return defs;
  auto add = [](Str** name, int id, WrapperKind kind, int arg, void* heap_fn) {
    defs.push_back(SlotDef{name, id, kind, arg, heap_fn});
  };
  add(&names::__repr__, kSlotRepr, W_UNARY, 0, reinterpret_cast<void*>(slot_repr));
  add(&names::__str__, kSlotStr, W_UNARY, 0, reinterpret_cast<void*>(slot_str));
  add(&names::__hash__, kSlotHash, W_HASH, 0, reinterpret_cast<void*>(slot_hash));
  Str** cmp_names[6] = {&names::__lt__, &names::__le__, &names::__eq__, &names::__ne__, &names::__gt__, &names::__ge__};
  for (int i = 0; i < 6; i++) add(cmp_names[i], kSlotRichCompare, W_RICHCMP, i, reinterpret_cast<void*>(slot_richcompare));
  add(&names::__getattribute__, kSlotGetAttr, W_GETATTR, 0, reinterpret_cast<void*>(slot_getattr_hook));
  add(&names::__getattr__, kSlotGetAttr, W_NONE, 0, reinterpret_cast<void*>(slot_getattr_hook));
  add(&names::__setattr__, kSlotSetAttr, W_SETATTR, 0, reinterpret_cast<void*>(slot_setattr));
  add(&names::__delattr__, kSlotSetAttr, W_DELATTR, 0, reinterpret_cast<void*>(slot_setattr));
  add(&names::__call__, kSlotCall, W_CALL, 0, reinterpret_cast<void*>(slot_call));
  add(&names::__iter__, kSlotIter, W_UNARY, 0, reinterpret_cast<void*>(slot_iter));
  add(&names::__next__, kSlotNext, W_NEXT, 0, reinterpret_cast<void*>(slot_next));
  add(&names::__get__, kSlotDescrGet, W_DESCR_GET, 0, reinterpret_cast<void*>(slot_descr_get));
  add(&names::__set__, kSlotDescrSet, W_DESCR_SET, 0, reinterpret_cast<void*>(slot_descr_set));
  add(&names::__delete__, kSlotDescrSet, W_DESCR_DELETE, 0, reinterpret_cast<void*>(slot_descr_set));
  add(&names::__init__, kSlotInit, W_INIT, 0, reinterpret_cast<void*>(slot_init));
  add(&names::__new__, kSlotNew, W_NONE, 0, reinterpret_cast<void*>(slot_new));
#define NB(OP, op_name, rop_name, iop_name)                                                                  \
  add(&names::op_name, kSlotNb + int(BinaryOp::OP), W_BINARY_L, int(BinaryOp::OP),                         \
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::OP)>));                                               \
  add(&names::rop_name, kSlotNb + int(BinaryOp::OP), W_BINARY_R, int(BinaryOp::OP),                        \
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::OP)>));                                               \
  add(&names::iop_name, kSlotNbInplace + int(BinaryOp::OP), W_INPLACE, int(BinaryOp::OP),                  \
      reinterpret_cast<void*>(&slot_nb_inplace<int(BinaryOp::OP)>));
  NB(Add, __add__, __radd__, __iadd__)
  NB(Sub, __sub__, __rsub__, __isub__)
  NB(Mul, __mul__, __rmul__, __imul__)
  NB(MatMul, __matmul__, __rmatmul__, __imatmul__)
  NB(TrueDiv, __truediv__, __rtruediv__, __itruediv__)
  NB(FloorDiv, __floordiv__, __rfloordiv__, __ifloordiv__)
  NB(Mod, __mod__, __rmod__, __imod__)
  NB(LShift, __lshift__, __rlshift__, __ilshift__)
  NB(RShift, __rshift__, __rrshift__, __irshift__)
  NB(And, __and__, __rand__, __iand__)
  NB(Or, __or__, __ror__, __ior__)
  NB(Xor, __xor__, __rxor__, __ixor__)
#undef NB
  add(&names::__pow__, kSlotNb + int(BinaryOp::Pow), W_POW, int(BinaryOp::Pow),
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::Pow)>));
  add(&names::__rpow__, kSlotNb + int(BinaryOp::Pow), W_RPOW, int(BinaryOp::Pow),
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::Pow)>));
  add(&names::__ipow__, kSlotNbInplace + int(BinaryOp::Pow), W_INPLACE, int(BinaryOp::Pow),
      reinterpret_cast<void*>(&slot_nb_inplace<int(BinaryOp::Pow)>));
  add(&names::__pow__, kSlotPow3, W_NONE, 0, reinterpret_cast<void*>(slot_pow3));
  add(&names::__divmod__, kSlotNb + int(BinaryOp::DivMod), W_BINARY_L, int(BinaryOp::DivMod),
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::DivMod)>));
  add(&names::__rdivmod__, kSlotNb + int(BinaryOp::DivMod), W_BINARY_R, int(BinaryOp::DivMod),
      reinterpret_cast<void*>(&slot_nb<int(BinaryOp::DivMod)>));
  add(&names::__neg__, kSlotNeg, W_UNARY, 0, reinterpret_cast<void*>(slot_neg));
  add(&names::__pos__, kSlotPos, W_UNARY, 0, reinterpret_cast<void*>(slot_pos));
  add(&names::__invert__, kSlotInvert, W_UNARY, 0, reinterpret_cast<void*>(slot_invert));
  add(&names::__abs__, kSlotAbs, W_UNARY, 0, reinterpret_cast<void*>(slot_abs));
  add(&names::__index__, kSlotIndex, W_UNARY, 0, reinterpret_cast<void*>(slot_index));
  add(&names::__int__, kSlotInt, W_UNARY, 0, reinterpret_cast<void*>(slot_int));
  add(&names::__float__, kSlotFloat, W_UNARY, 0, reinterpret_cast<void*>(slot_float));
  add(&names::__bool__, kSlotBool, W_BOOL, 0, reinterpret_cast<void*>(slot_bool));
  add(&names::__len__, kSlotLen, W_LEN, 0, reinterpret_cast<void*>(slot_len));
  add(&names::__len__, kSlotBool, W_NONE, 0, reinterpret_cast<void*>(slot_bool));
  add(&names::__getitem__, kSlotGetItem, W_GETITEM, 0, reinterpret_cast<void*>(slot_getitem));
  add(&names::__setitem__, kSlotSetItem, W_SETITEM, 0, reinterpret_cast<void*>(slot_setitem));
  add(&names::__delitem__, kSlotSetItem, W_DELITEM, 0, reinterpret_cast<void*>(slot_setitem));
  add(&names::__contains__, kSlotContains, W_CONTAINS, 0, reinterpret_cast<void*>(slot_contains));
  add(&names::__del__, kSlotFinalize, W_DEL, 0, reinterpret_cast<void*>(slot_finalize));
  return defs;
}

// ---------------------------------------------------------------- wrapper descriptors

Value wrap_slot(const WrapperDescriptor* d, Value self, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace

Value call_wrapper_descriptor(const WrapperDescriptor* d, Value self, const Value* args, size_t nargs,
                              Tuple* kwnames) {
  return wrap_slot(d, self, args, nargs, kwnames);
}

namespace {

const char* wrapper_name(const WrapperDescriptor* d) {
  thread_local std::string buf;
  buf = str_to_utf8(d->name);
  return buf.c_str();
}

bool want_args(const WrapperDescriptor* d, size_t nargs, Tuple* kwnames, size_t n) {
  if (kwnames && kwnames->size) {
    raise(&exc::TypeError, "wrapper %s() takes no keyword arguments", wrapper_name(d));
    return false;
  }
  if (nargs != n) {
    raise(&exc::TypeError, "expected %zd argument%s, got %zd", ssize_t(n), n == 1 ? "" : "s", ssize_t(nargs));
    return false;
  }
  return true;
}

// object.__setattr__(obj, ...) must not bypass a native __setattr__ between
// type(obj) and object (e.g. type's): the slot being applied must be the one
// the nearest native class in type(obj)'s MRO uses.
bool setattr_applies(Value self, SetAttrFn fn, const char* what) {
  Type* type = type_of(self);
  Type* defining = type;
  if (Tuple* mro = type->mro) {
    for (int64_t i = mro->size - 1; i >= 0; i--) {
      Type* base = mro->items[i].as<Type>();
      if (base->setattr != slot_setattr && base->setattr == type->setattr) {
        defining = base;
        break;
      }
    }
  }
  for (Type* base = defining; base; base = base->base) {
    if (base->setattr == fn) return true;
    if (base->setattr != slot_setattr) {
      raise(&exc::TypeError, "can't apply this %s to %s object", what, type_name(type));
      return false;
    }
  }
  return true;
}

Value wrap_slot(const WrapperDescriptor* d, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  const SlotDef& def = slot_defs()[size_t(d->slot_id)];
  void* fn = d->slot;
  switch (def.kind) {
    case W_UNARY:
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      return reinterpret_cast<UnaryFn>(fn)(self);
    case W_NEXT: {
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      Value r = reinterpret_cast<UnaryFn>(fn)(self);
      if (!r && !error_occurred()) return raise(&exc::StopIteration, nullptr);
      return r;
    }
    case W_HASH: {
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      int64_t h = reinterpret_cast<HashFn>(fn)(self);
      if (h == -1 && error_occurred()) return Value();
      return int_from_i64(h);
    }
    case W_RICHCMP:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<RichCompareFn>(fn)(self, args[0], CompareOp(def.arg));
    case W_BINARY_L:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<BinaryFn>(fn)(self, args[0]);
    case W_BINARY_R:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<BinaryFn>(fn)(args[0], self);
    case W_INPLACE:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<BinaryFn>(fn)(self, args[0]);
    case W_POW: {
      if (kwnames && kwnames->size) return raise(&exc::TypeError, "wrapper __pow__() takes no keyword arguments");
      if (nargs < 1 || nargs > 2) return raise(&exc::TypeError, "expected 1 or 2 arguments, got %zd", ssize_t(nargs));
      if (nargs == 2 && !is_none(args[1])) {
        TernaryFn p3 = d->owner->pow3;
        if (!p3) return NotImplemented();
        return p3(self, args[0], args[1]);
      }
      return reinterpret_cast<BinaryFn>(fn)(self, args[0]);
    }
    case W_RPOW:
      if (kwnames && kwnames->size) return raise(&exc::TypeError, "wrapper __rpow__() takes no keyword arguments");
      if (nargs < 1 || nargs > 2) return raise(&exc::TypeError, "expected 1 or 2 arguments, got %zd", ssize_t(nargs));
      return reinterpret_cast<BinaryFn>(fn)(args[0], self);
    case W_BOOL: {
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      int r = reinterpret_cast<InquiryFn>(fn)(self);
      if (r < 0) return Value();
      return Bool(r);
    }
    case W_LEN: {
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      int64_t n = reinterpret_cast<LenFn>(fn)(self);
      if (n < 0) return Value();
      return int_from_i64(n);
    }
    case W_GETITEM:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<GetItemFn>(fn)(self, args[0]);
    case W_SETITEM:
      if (!want_args(d, nargs, kwnames, 2)) return Value();
      return reinterpret_cast<SetItemFn>(fn)(self, args[0], args[1]) < 0 ? Value() : None();
    case W_DELITEM:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<SetItemFn>(fn)(self, args[0], Value()) < 0 ? Value() : None();
    case W_CONTAINS: {
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      int r = reinterpret_cast<ContainsFn>(fn)(self, args[0]);
      if (r < 0) return Value();
      return Bool(r);
    }
    case W_GETATTR: {
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      if (!is_str(args[0]))
        return raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(args[0]));
      Value r = reinterpret_cast<GetAttrFn>(fn)(self, args[0].as<Str>());
      if (!r && !error_occurred()) {
        if (is_type_object(self))
          return raise(&exc::AttributeError, "type object '%U' has no attribute '%U'", self.as<Type>()->name,
                       args[0].as<Str>());
        return raise(&exc::AttributeError, "'%s' object has no attribute '%U'", type_name(self), args[0].as<Str>());
      }
      return r;
    }
    case W_SETATTR:
      if (!want_args(d, nargs, kwnames, 2)) return Value();
      if (!is_str(args[0]))
        return raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(args[0]));
      if (!setattr_applies(self, reinterpret_cast<SetAttrFn>(fn), "__setattr__")) return Value();
      return reinterpret_cast<SetAttrFn>(fn)(self, args[0].as<Str>(), args[1]) < 0 ? Value() : None();
    case W_DELATTR:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      if (!is_str(args[0]))
        return raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(args[0]));
      if (!setattr_applies(self, reinterpret_cast<SetAttrFn>(fn), "__delattr__")) return Value();
      return reinterpret_cast<SetAttrFn>(fn)(self, args[0].as<Str>(), Value()) < 0 ? Value() : None();
    case W_CALL:
      return reinterpret_cast<CallFn>(fn)(self, args, nargs, kwnames);
    case W_DESCR_GET: {
      if (kwnames && kwnames->size) return raise(&exc::TypeError, "wrapper __get__() takes no keyword arguments");
      if (nargs < 1 || nargs > 2) return raise(&exc::TypeError, "expected 1 or 2 arguments, got %zd", ssize_t(nargs));
      Value obj = is_none(args[0]) ? Value() : args[0];
      Value type = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
      if (!obj && !type) return raise(&exc::TypeError, "__get__(None, None) is invalid");
      return reinterpret_cast<DescrGetFn>(fn)(self, obj, type);
    }
    case W_DESCR_SET:
      if (!want_args(d, nargs, kwnames, 2)) return Value();
      return reinterpret_cast<DescrSetFn>(fn)(self, args[0], args[1]) < 0 ? Value() : None();
    case W_DESCR_DELETE:
      if (!want_args(d, nargs, kwnames, 1)) return Value();
      return reinterpret_cast<DescrSetFn>(fn)(self, args[0], Value()) < 0 ? Value() : None();
    case W_INIT:
      return reinterpret_cast<InitFn>(fn)(self, args, nargs, kwnames) < 0 ? Value() : None();
    case W_DEL:
      if (!want_args(d, nargs, kwnames, 0)) return Value();
      reinterpret_cast<void (*)(Value)>(fn)(self);
      return error_occurred() ? Value() : None();
    case W_NONE:
      break;
  }
  return raise(&exc::SystemError, "bad slot wrapper");
}

// tp_new exposed as the static method T.__new__(subtype, *args).
Value new_wrapper(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* owner = self.as<Type>();
  if (nargs < 1) return raise(&exc::TypeError, "%U.__new__(): not enough arguments", owner->name);
  Value sub = args[0];
  if (!is_type_object(sub))
    return raise(&exc::TypeError, "%U.__new__(X): X is not a type object (%s)", owner->name, type_name(sub));
  Type* st = sub.as<Type>();
  if (!is_subtype(st, owner))
    return raise(&exc::TypeError, "%U.__new__(%U): %U is not a subtype of %U", owner->name, st->name, st->name,
                 owner->name);
  // The nearest native base of the subtype must allocate with this very __new__
  // (object.__new__(dict) would build a broken dict).
  Type* native_base = st;
  while (native_base && native_base->new_ == slot_new) native_base = native_base->base;
  if (native_base && native_base->new_ != owner->new_)
    return raise(&exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type_name(owner), type_name(st),
                 type_name(native_base));
  return owner->new_(st, args + 1, nargs - 1, kwnames);
}

const MethodDef kNewWrapperDef = {"__new__", new_wrapper, kMethodInstance,
                                  "Create and return a new object.  See help(type) for accurate signature."};

}  // namespace

void add_slot_wrappers(Type* t) {
  const Type* base = t->base;
  auto& defs = slot_defs();
  for (size_t i = 0; i < defs.size(); i++) {
    const SlotDef& def = defs[i];
    if (def.kind == W_NONE) continue;
    void* fn = get_slot(t, def.id);
    if (!fn) continue;
    // Only slots the type defines itself (not inherited from its base).
    if (base && get_slot(base, def.id) == fn) continue;
    Str* name = *def.name;
    if (dict_get_str(t->dict, name)) continue;
    if (def.id == kSlotHash && t->hash == hash_not_implemented) {
      dict_set_str(t->dict, name, None());
      continue;
    }
    auto* w = alloc_instance<WrapperDescriptor>(&wrapper_descriptor_type);
    w->name = name;
    w->owner = t;
    w->wrapper = call_wrapper_descriptor;
    w->slot = fn;
    w->slot_id = int32_t(i);
    dict_set_str(t->dict, name, Value(w));
  }
  if (t->new_ && (!base || base->new_ != t->new_) && !dict_get_str(t->dict, names::__new__)) {
    auto* sm = alloc_instance<StaticMethod>(&staticmethod_type);
    sm->func = builtin_function_new(&kNewWrapperDef, Value(t), Value());
    dict_set_str(t->dict, names::__new__, Value(sm));
  }
}

Type* slot_owner_of_new(Value v) {
  if (is_type(v, &staticmethod_type)) v = v.as<StaticMethod>()->func;
  if (is_type(v, &builtin_function_type) && v.as<BuiltinFunction>()->def == &kNewWrapperDef)
    return v.as<BuiltinFunction>()->self.as<Type>();
  return nullptr;
}

void fixup_slots(Type* t) {
  auto& defs = slot_defs();
  // Slots are decided per slot id, over all the dunder names that feed it.
  for (int id = 0; id < kNumSlots; id++) {
    void* native = nullptr;
    bool use_generic = false, any = false;
    void* generic = nullptr;
    for (size_t i = 0; i < defs.size(); i++) {
      const SlotDef& def = defs[i];
      if (def.id != id) continue;
      generic = def.heap_fn;
      Value found = type_lookup(t, *def.name);
      if (!found) continue;
      any = true;
      if (id == kSlotNew) {
        Type* owner = slot_owner_of_new(found);
        if (owner) native = reinterpret_cast<void*>(owner->new_);
        else use_generic = true;
        continue;
      }
      if (id == kSlotHash && found == None()) {
        native = reinterpret_cast<void*>(hash_not_implemented);
        continue;
      }
      if (is_type(found, &wrapper_descriptor_type)) {
        auto* w = found.as<WrapperDescriptor>();
        if (defs[size_t(w->slot_id)].id == id) {
          if (native && native != w->slot) use_generic = true;
          native = w->slot;
          continue;
        }
      }
      use_generic = true;
    }
    if (!any) {
      // Nothing on the MRO: keep what the solid base provides natively.
      if (id == kSlotGetAttr || id == kSlotSetAttr || id == kSlotNew) continue;
      set_slot(t, id, nullptr);
      continue;
    }
    set_slot(t, id, use_generic ? generic : native);
  }
  // __getattr__ alone still needs the hook.
  if (type_lookup(t, names::__getattr__)) {
    t->getattr = slot_getattr_hook;
    t->flags |= kTypeHasGetattrHook;
  }
  if (type_lookup(t, names::__del__)) t->flags |= kTypeHasFinalizer;
}

}  // namespace spindle
