// dict: the Python type over dict_core's table; views and iterators.
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

Type dict_type, dict_keys_type, dict_values_type, dict_items_type;
Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
Type dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

namespace {

struct DictView : Object {
  Dict* dict;
};

// Threads sharing one iterator take turns on step_lock, so each entry is
// produced once (as under CPython's GIL).
struct DictIterator : Object {
  Mutex step_lock;
  Dict* dict;          // null when exhausted
  int64_t pos;         // entry position (reverse: next entry to look at, counting down)
  int64_t initial_size;
  int64_t remaining;
};

enum class IterKind { Keys, Values, Items };

// ------------------------------------------------------------------ construction

Value dict_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Dict* d = alloc_instance<Dict>(type);
  new (&d->lock) Mutex();
  return Value(d);
}

int dict_update_common(Dict* d, const Value* args, size_t nargs, Tuple* kwnames, const char* fname) {
  if (nargs > 1) {
    raise(&exc::TypeError, "%s expected at most 1 argument, got %zd", fname, ssize_t(nargs));
    return -1;
  }
  if (nargs == 1 && dict_update(d, args[0]) < 0) return -1;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++)
    if (dict_set(d, kwnames->items[i], args[nargs + i]) < 0) return -1;
  return 0;
}

int dict_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return dict_update_common(self.as<Dict>(), args, nargs, kwnames, "dict");
}

Value dict_repr(Value self) {
  Dict* d = self.as<Dict>();
  if (dict_size(d) == 0) return Value(intern_cstr("{}"));
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("{...}"));
  StrBuilder b;
  b.append('{');
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, &pos, &k, &v)) {
    if (!first) b.append_ascii(", ");
    first = false;
    Value kr = repr(k);
    if (!kr) return Value();
    b.append(kr.as<Str>());
    b.append_ascii(": ");
    Value vr = repr(v);
    if (!vr) return Value();
    b.append(vr.as<Str>());
  }
  b.append('}');
  return Value(b.finish());
}

int dict_equal(Dict* a, Dict* b) {
  if (dict_size(a) != dict_size(b)) return 0;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(a, &pos, &k, &v)) {
    Value bv = dict_get(b, k);
    if (!bv) return error_occurred() ? -1 : 0;
    int r = equals(v, bv);
    if (r <= 0) return r;
  }
  return 1;
}

Value dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(b) || (op != CompareOp::EQ && op != CompareOp::NE)) return NotImplemented();
  int r = dict_equal(a.as<Dict>(), b.as<Dict>());
  if (r < 0) return Value();
  return Bool(op == CompareOp::EQ ? r : !r);
}

int64_t dict_len(Value self) { return dict_size(self.as<Dict>()); }

Value dict_getitem(Value self, Value key) {
  Dict* d = self.as<Dict>();
  Value v = dict_get(d, key);
  if (v) return v;
  if (error_occurred()) return Value();
  if (!is_dict_exact(self)) {
    Value missing = lookup_special(self, names::__missing__);
    if (missing) return call1(missing, key);
    if (error_occurred()) return Value();
  }
  Value e = exception_new(&exc::KeyError, tuple_pack({key}));
  if (!e) return Value();
  return raise_value(e);
}

int dict_setitem(Value self, Value key, Value v) {
  if (v) return dict_set(self.as<Dict>(), key, v);
  return dict_del(self.as<Dict>(), key);
}

int dict_contains(Value self, Value key) {
  Value v = dict_get(self.as<Dict>(), key);
  if (v) return 1;
  return error_occurred() ? -1 : 0;
}

// ------------------------------------------------------------------ iterators

Value make_iter(Dict* d, Type* type, bool reverse) {
  auto* it = alloc_instance<DictIterator>(type);
  new (&it->step_lock) Mutex();
  it->dict = d;
  it->initial_size = dict_size(d);
  it->remaining = it->initial_size;
  if (reverse) {
    DictTable* t = d->table.load(std::memory_order_acquire);
    it->pos = t ? t->used.load(std::memory_order_acquire) - 1 : -1;
  } else {
    it->pos = 0;
  }
  return Value(it);
}

Value dict_iter(Value self) { return make_iter(self.as<Dict>(), &dict_keyiterator_type, false); }

// A size change is reported once noticed and from then on (initial_size -1).
// The iterator's dict is read once per step: another thread sharing the
// iterator may clear it meanwhile.
bool size_unchanged(DictIterator* it, Dict* d) {
  if (dict_size(d) == it->initial_size) return true;
  it->initial_size = -1;
  raise(&exc::RuntimeError, "dictionary changed size during iteration");
  return false;
}

bool iter_step(DictIterator* it, Value* k, Value* v) {
  Dict* d = it->dict;
  if (!d || !size_unchanged(it, d)) return false;
  if (!dict_next(d, &it->pos, k, v)) {
    it->dict = nullptr;
    return false;
  }
  if (it->remaining <= 0) {
    // Keys were removed and others added: same size, but not the same keys.
    raise(&exc::RuntimeError, "dictionary keys changed during iteration");
    it->dict = nullptr;
    return false;
  }
  it->remaining--;
  return true;
}

bool reverse_step(DictIterator* it, Value* k, Value* v) {
  Dict* d = it->dict;
  if (!d || !size_unchanged(it, d)) return false;
  DictTable* t = d->table.load(std::memory_order_acquire);
  // The position is read once: threads sharing an iterator must not index with
  // a value another thread changed after the bounds check.
  int64_t pos = it->pos;
  while (t && pos >= 0 && pos < t->used.load(std::memory_order_acquire)) {
    DictEntry& e = t->entries[pos--];
    it->pos = pos;
    uint64_t bits = e.value.load(std::memory_order_acquire);
    if (!bits) continue;
    *k = e.key;
    *v = Value::from_bits(bits);
    it->remaining--;
    return true;
  }
  it->dict = nullptr;
  return false;
}

template <IterKind K, bool Reverse>
Value dictiter_next(Value self) {
  auto* it = self.as<DictIterator>();
  Value k, v;
  bool ok;
  {
    LockGuard guard(it->step_lock);
    ok = Reverse ? reverse_step(it, &k, &v) : iter_step(it, &k, &v);
  }
  if (!ok) return Value();
  if (K == IterKind::Keys) return k;
  if (K == IterKind::Values) return v;
  return Value(tuple_pack({k, v}));
}

Value iter_self(Value self) { return self; }

Value dictiter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<DictIterator>();
  Dict* d = it->dict;
  bool live = d && dict_size(d) == it->initial_size;
  return Value::from_small_int(live && it->remaining > 0 ? it->remaining : 0);
}

Value dictiter_reduce(Value self, const Value*, size_t, Tuple*) {
  // Pickles as iter(list(remaining items)).
  auto* it = self.as<DictIterator>();
  auto* copy = alloc_instance<DictIterator>(type_of(self));
  new (&copy->step_lock) Mutex();
  {
    LockGuard guard(it->step_lock);
    copy->dict = it->dict;
    copy->pos = it->pos;
    copy->initial_size = it->initial_size;
    copy->remaining = it->remaining;
  }
  Value l = list_from_iterable(Value(copy));
  if (!l) return Value();
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({l}))}));
}

const MethodDef dictiter_methods[] = {{"__length_hint__", dictiter_length_hint, kMethodInstance, nullptr},
                                      {"__reduce__", dictiter_reduce, kMethodInstance, nullptr},
                                      {nullptr}};

// ------------------------------------------------------------------ views

Value make_view(Value d, Type* type) {
  auto* v = alloc_instance<DictView>(type);
  v->dict = d.as<Dict>();
  return Value(v);
}

int64_t view_len(Value self) { return dict_size(self.as<DictView>()->dict); }

Value keys_iter(Value self) { return make_iter(self.as<DictView>()->dict, &dict_keyiterator_type, false); }
Value values_iter(Value self) { return make_iter(self.as<DictView>()->dict, &dict_valueiterator_type, false); }
Value items_iter(Value self) { return make_iter(self.as<DictView>()->dict, &dict_itemiterator_type, false); }

Value view_repr(Value self) {
  ReprGuard guard(self);
  if (guard.recursive()) return Value(intern_cstr("..."));
  Value l = list_from_iterable(self);
  if (!l) return Value();
  Value r = repr(l);
  if (!r) return Value();
  return Value(format_message("%s(%U)", type_name(self), r.as<Str>()));
}

int keys_contains(Value self, Value key) { return dict_contains(Value(self.as<DictView>()->dict), key); }

int items_contains(Value self, Value item) {
  if (!is_tuple(item) || item.as<Tuple>()->size != 2) return 0;
  Value v = dict_get(self.as<DictView>()->dict, item.as<Tuple>()->items[0]);
  if (!v) return error_occurred() ? -1 : 0;
  return equals(v, item.as<Tuple>()->items[1]);
}

bool is_set_view(Value v) {
  Type* t = type_of(v);
  return t == &dict_keys_type || t == &dict_items_type;
}

int64_t view_size(Value v) { return dict_size(v.as<DictView>()->dict); }

// A new set from a view (or any iterable on the other side of an operator).
Value view_to_set(Value v) {
  Value src = v;
  if (is_type(v, &dict_keys_type) && is_dict_exact(Value(v.as<DictView>()->dict))) src = Value(v.as<DictView>()->dict);
  Set* s = set_new();
  if (set_update(s, src) < 0) return Value();
  return Value(s);
}

Value call_set_method(Value set, const char* name, Value arg) {
  Value r = call_method1(set, intern_cstr(name), arg);
  return r ? set : Value();
}

Value view_or(Value a, Value b) {
  Value s = view_to_set(a);
  return s ? call_set_method(s, "update", b) : Value();
}
Value view_sub(Value a, Value b) {
  Value s = view_to_set(a);
  return s ? call_set_method(s, "difference_update", b) : Value();
}

// items ^ items: pairs in exactly one of the two dicts, built as CPython does
// (the second dict's pairs first, then what is left of the first).
Value items_xor(Dict* d1, Dict* d2) {
  Dict* rest = dict_copy(d1);
  Set* result = set_new();
  int64_t pos = 0;
  Value k, v2;
  while (dict_next(d2, &pos, &k, &v2)) {
    Value v1 = dict_get(rest, k);
    int same = 0;
    if (v1) {
      same = equals(v1, v2);
      if (same < 0) return Value();
    } else if (error_occurred()) {
      return Value();
    }
    if (same) {
      if (dict_del(rest, k) < 0) return Value();
    } else if (set_add(result, Value(tuple_pack({k, v2}))) < 0) {
      return Value();
    }
  }
  pos = 0;
  Value v1;
  while (dict_next(rest, &pos, &k, &v1))
    if (set_add(result, Value(tuple_pack({k, v1}))) < 0) return Value();
  return Value(result);
}

Value view_xor(Value a, Value b) {
  if (is_type(a, &dict_items_type) && is_type(b, &dict_items_type))
    return items_xor(a.as<DictView>()->dict, b.as<DictView>()->dict);
  Value s = view_to_set(a);
  return s ? call_set_method(s, "symmetric_difference_update", b) : Value();
}

Value view_and(Value a, Value b) {
  // The operator may have swapped the operands.
  if (!is_set_view(a)) std::swap(a, b);
  int64_t na = view_size(a);
  if (is_type(b, &set_type)) {
    int64_t nb = length(b);
    if (nb < 0) return Value();
    if (na <= nb) return call_method1(b, intern_cstr("intersection"), a);
  }
  if (is_set_view(b) && view_size(b) > na) std::swap(a, b);
  // a is a view at least as big as b when b is a view: test b's items against a.
  Set* result = set_new();
  Value it = get_iter(b);
  if (!it) return Value();
  ContainsFn test = type_of(a)->contains;
  while (Value x = iter_next(it)) {
    int r = test(a, x);
    if (r < 0) return Value();
    if (r && set_add(result, x) < 0) return Value();
  }
  return error_occurred() ? Value() : Value(result);
}

// Every item of a is in b (b's own `in`).
int all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  if (!it) return -1;
  while (Value x = iter_next(it)) {
    int r = contains(b, x);
    if (r <= 0) return r;
  }
  return error_occurred() ? -1 : 1;
}

Value view_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b) && !is_set_view(b)) return NotImplemented();
  int64_t na = length(a), nb = length(b);
  if (na < 0 || nb < 0) return Value();
  int r = 0;
  switch (op) {
    case CompareOp::EQ:
    case CompareOp::NE:
      if (na == nb) r = all_contained_in(a, b);
      if (op == CompareOp::NE && r >= 0) r = !r;
      break;
    case CompareOp::LT:
      if (na < nb) r = all_contained_in(a, b);
      break;
    case CompareOp::LE:
      if (na <= nb) r = all_contained_in(a, b);
      break;
    case CompareOp::GT:
      if (na > nb) r = all_contained_in(b, a);
      break;
    case CompareOp::GE:
      if (na >= nb) r = all_contained_in(b, a);
      break;
  }
  return r < 0 ? Value() : Bool(r);
}

Value view_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = is_type(self, &dict_keys_type) ? "dict_keys.isdisjoint" : "dict_items.isdisjoint";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return Value();
  Value other = args[0];
  if (other == self) return Bool(view_size(self) == 0);
  Value big = self;
  // Iterate over the smaller side when the other side can answer `in` cheaply.
  if (is_anyset(other) || is_set_view(other)) {
    int64_t n = length(other);
    if (n < 0) return Value();
    if (n > view_size(self)) std::swap(big, other);
  }
  Value it = get_iter(other);
  if (!it) return Value();
  while (Value v = iter_next(it)) {
    int r = contains(big, v);
    if (r < 0) return Value();
    if (r) return False();
  }
  return error_occurred() ? Value() : True();
}

Value keys_reversed(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__reversed__", kw) || !check_nargs("__reversed__", nargs, 0, 0)) return Value();
  return make_iter(self.as<DictView>()->dict, &dict_reversekeyiterator_type, true);
}
Value values_reversed(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__reversed__", kw) || !check_nargs("__reversed__", nargs, 0, 0)) return Value();
  return make_iter(self.as<DictView>()->dict, &dict_reversevalueiterator_type, true);
}
Value items_reversed(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__reversed__", kw) || !check_nargs("__reversed__", nargs, 0, 0)) return Value();
  return make_iter(self.as<DictView>()->dict, &dict_reverseitemiterator_type, true);
}

Value view_mapping(Value self) { return mappingproxy_new(Value(self.as<DictView>()->dict)); }
const GetSetDef view_getsets[] = {{"mapping", view_mapping, nullptr, nullptr}, {nullptr}};

const MethodDef keys_methods[] = {{"isdisjoint", view_isdisjoint, kMethodInstance, nullptr},
                                  {"__reversed__", keys_reversed, kMethodInstance, nullptr},
                                  {nullptr}};
const MethodDef items_methods[] = {{"isdisjoint", view_isdisjoint, kMethodInstance, nullptr},
                                   {"__reversed__", items_reversed, kMethodInstance, nullptr},
                                   {nullptr}};
const MethodDef values_methods[] = {{"__reversed__", values_reversed, kMethodInstance, nullptr}, {nullptr}};

}  // namespace

Tuple* dict_iteration_snapshot(Value v) {
  enum { Keys, Values, Items } kind;
  Dict* d;
  if (is_dict_exact(v)) {
    kind = Keys;
    d = v.as<Dict>();
  } else if (is_type(v, &dict_keys_type) || is_type(v, &dict_values_type) || is_type(v, &dict_items_type)) {
    kind = is_type(v, &dict_keys_type) ? Keys : is_type(v, &dict_values_type) ? Values : Items;
    d = v.as<DictView>()->dict;
    if (type_of(Value(d))->iter != dict_type.iter) return nullptr;
  } else {
    return nullptr;
  }
  LockGuard guard(d->lock);
  Tuple* t = tuple_new(dict_size(d));
  int64_t pos = 0, i = 0;
  Value k, val;
  while (i < t->size && dict_next(d, &pos, &k, &val))
    t->items[i++] = kind == Keys ? k : kind == Values ? val : Value(tuple_pack({k, val}));
  return t;
}

namespace {

// ------------------------------------------------------------------ methods

Value m_keys(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.keys", kw) || !check_nargs("dict.keys", nargs, 0, 0)) return Value();
  return make_view(self, &dict_keys_type);
}
Value m_values(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.values", kw) || !check_nargs("dict.values", nargs, 0, 0)) return Value();
  return make_view(self, &dict_values_type);
}
Value m_items(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.items", kw) || !check_nargs("dict.items", nargs, 0, 0)) return Value();
  return make_view(self, &dict_items_type);
}

Value m_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dict.get", kwnames) || !check_nargs("get", nargs, 1, 2)) return Value();
  Value v = dict_get(self.as<Dict>(), args[0]);
  if (v) return v;
  if (error_occurred()) return Value();
  return nargs > 1 ? args[1] : None();
}

Value m_setdefault(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dict.setdefault", kwnames) || !check_nargs("setdefault", nargs, 1, 2)) return Value();
  return dict_setdefault(self.as<Dict>(), args[0], nargs > 1 ? args[1] : None());
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dict.pop", kwnames) || !check_nargs("pop", nargs, 1, 2)) return Value();
  // As in CPython, an empty dict answers without hashing the key.
  Value v = dict_size(self.as<Dict>()) ? dict_pop(self.as<Dict>(), args[0]) : Value();
  if (v) return v;
  if (error_occurred()) return Value();
  if (nargs > 1) return args[1];
  Value e = exception_new(&exc::KeyError, tuple_pack({args[0]}));
  if (!e) return Value();
  return raise_value(e);
}

Value m_popitem(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.popitem", kw) || !check_nargs("dict.popitem", nargs, 0, 0)) return Value();
  Value k, v;
  if (!dict_popitem(self.as<Dict>(), &k, &v)) return raise(&exc::KeyError, "popitem(): dictionary is empty");
  return Value(tuple_pack({k, v}));
}

Value m_clear(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.clear", kw) || !check_nargs("dict.clear", nargs, 0, 0)) return Value();
  dict_clear(self.as<Dict>());
  return None();
}

Value m_copy(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.copy", kw) || !check_nargs("dict.copy", nargs, 0, 0)) return Value();
  return Value(dict_copy(self.as<Dict>()));
}

Value m_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (dict_update_common(self.as<Dict>(), args, nargs, kwnames, "update") < 0) return Value();
  return None();
}

Value m_fromkeys(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dict.fromkeys", kwnames) || !check_nargs("fromkeys", nargs, 1, 2)) return Value();
  Value value = nargs > 1 ? args[1] : None();
  Value d = call0(cls);
  if (!d) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value k = iter_next(it)) {
    int r = is_dict_exact(d) ? dict_set(d.as<Dict>(), k, value) : set_item(d, k, value);
    if (r < 0) return Value();
  }
  return error_occurred() ? Value() : d;
}

Value m_reversed(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.__reversed__", kw) || !check_nargs("dict.__reversed__", nargs, 0, 0)) return Value();
  return make_iter(self.as<Dict>(), &dict_reversekeyiterator_type, true);
}

Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dict.__sizeof__", kw) || !check_nargs("dict.__sizeof__", nargs, 0, 0)) return Value();
  // As CPython reports it: the object, plus the keys table (its header, an
  // index of 1-8 byte slots, entries of 16 bytes when every key is a str, else 24).
  Dict* d = self.as<Dict>();
  DictTable* t = d->table.load(std::memory_order_acquire);
  int64_t n = 48;
  if (t) {
    int64_t slot = t->index_size <= 128 ? 1 : t->index_size <= 0x10000 ? 2 : t->index_size <= 0x100000000 ? 4 : 8;
    bool all_str = true;
    int64_t pos = 0;
    Value k;
    while (all_str && dict_next(d, &pos, &k, nullptr)) all_str = is_str_exact(k);
    n += 32 + t->index_size * slot + t->capacity * (all_str ? 16 : 24);
  }
  return int_from_i64(n);
}

Value m_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return NotImplemented();
  Dict* copy = dict_new();
  if (dict_merge(copy, a, true) < 0 || dict_update(copy, b) < 0) return Value();
  return Value(copy);
}

Value dict_ior(Value a, Value b) {
  if (dict_update(a.as<Dict>(), b) < 0) return Value();
  return a;
}

const MethodDef dict_methods[] = {
    {"keys", m_keys, kMethodInstance, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, kMethodInstance, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, kMethodInstance, "D.items() -> a set-like object providing a view on D's items"},
    {"get", m_get, kMethodInstance, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, kMethodInstance,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the "
     "dictionary, else default."},
    {"pop", m_pop, kMethodInstance,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return "
     "the default if given; otherwise,\nraise a KeyError."},
    {"popitem", m_popitem, kMethodInstance,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"clear", m_clear, kMethodInstance, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, kMethodInstance, "D.copy() -> a shallow copy of D"},
    {"update", m_update, kMethodInstance,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, "
     "then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: "
     "D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", m_fromkeys, kMethodClass, "Create a new dictionary with keys from iterable and values set to value."},
    {"__reversed__", m_reversed, kMethodInstance, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", m_sizeof, kMethodInstance, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"__class_getitem__", m_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

void setup_iter(Type* t, const char* name, UnaryFn next) {
  t->native_name = name;
  t->instance_size = sizeof(DictIterator);
  t->iter = iter_self;
  t->next = next;
  t->methods = dictiter_methods;
}

}  // namespace

void init_dict_type() {
  dict_type.native_name = "dict";
  dict_type.instance_size = sizeof(Dict);
  dict_type.flags = kTypeBaseType | kTypeDictSubclass | kTypeMapping;
  dict_type.new_ = dict_new_py;
  dict_type.init = dict_init_py;
  dict_type.repr = dict_repr;
  dict_type.richcompare = dict_richcompare;
  dict_type.len = dict_len;
  dict_type.getitem = dict_getitem;
  dict_type.setitem = dict_setitem;
  dict_type.contains = dict_contains;
  dict_type.iter = dict_iter;
  dict_type.methods = dict_methods;
  dict_type.nb[int(BinaryOp::Or)] = dict_or;
  dict_type.nb_inplace[int(BinaryOp::Or)] = dict_ior;
  dict_type.doc =
      "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n"
      "    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in "
      "iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in "
      "the keyword argument list.  For example:  dict(one=1, two=2)";

  dict_keys_type.native_name = "dict_keys";
  dict_keys_type.instance_size = sizeof(DictView);
  dict_keys_type.len = view_len;
  dict_keys_type.iter = keys_iter;
  dict_keys_type.repr = view_repr;
  dict_keys_type.contains = keys_contains;
  dict_keys_type.richcompare = view_richcompare;
  dict_keys_type.methods = keys_methods;
  dict_keys_type.getsets = view_getsets;
  dict_keys_type.nb[int(BinaryOp::And)] = view_and;
  dict_keys_type.nb[int(BinaryOp::Or)] = view_or;
  dict_keys_type.nb[int(BinaryOp::Xor)] = view_xor;
  dict_keys_type.nb[int(BinaryOp::Sub)] = view_sub;

  dict_items_type.native_name = "dict_items";
  dict_items_type.instance_size = sizeof(DictView);
  dict_items_type.len = view_len;
  dict_items_type.iter = items_iter;
  dict_items_type.repr = view_repr;
  dict_items_type.contains = items_contains;
  dict_items_type.richcompare = view_richcompare;
  dict_items_type.methods = items_methods;
  dict_items_type.getsets = view_getsets;
  dict_items_type.nb[int(BinaryOp::And)] = view_and;
  dict_items_type.nb[int(BinaryOp::Or)] = view_or;
  dict_items_type.nb[int(BinaryOp::Xor)] = view_xor;
  dict_items_type.nb[int(BinaryOp::Sub)] = view_sub;

  dict_values_type.native_name = "dict_values";
  dict_values_type.instance_size = sizeof(DictView);
  dict_values_type.len = view_len;
  dict_values_type.iter = values_iter;
  dict_values_type.repr = view_repr;
  dict_values_type.methods = values_methods;
  dict_values_type.getsets = view_getsets;

  setup_iter(&dict_keyiterator_type, "dict_keyiterator", dictiter_next<IterKind::Keys, false>);
  setup_iter(&dict_valueiterator_type, "dict_valueiterator", dictiter_next<IterKind::Values, false>);
  setup_iter(&dict_itemiterator_type, "dict_itemiterator", dictiter_next<IterKind::Items, false>);
  setup_iter(&dict_reversekeyiterator_type, "dict_reversekeyiterator", dictiter_next<IterKind::Keys, true>);
  setup_iter(&dict_reversevalueiterator_type, "dict_reversevalueiterator", dictiter_next<IterKind::Values, true>);
  setup_iter(&dict_reverseitemiterator_type, "dict_reverseitemiterator", dictiter_next<IterKind::Items, true>);
}

}  // namespace spindle
