// str: the Python type (slots, iteration, the core methods).
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

Type str_type, str_iterator_type;

namespace {

struct StrIterator : Object {
  Str* str;
  std::atomic<int64_t> index;
};

// The Str of a str or str-subclass instance.
inline Str* S(Value v) { return v.as<Str>(); }

Value str_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"str", {"object", "encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value r;
  if (!a[0]) {
    r = Value(str_empty());
  } else if (a[1] || a[2]) {
    Value enc = a[1] ? a[1] : Value(intern_cstr("utf-8"));
    Value errors = a[2] ? a[2] : Value(intern_cstr("strict"));
    r = decode_object(a[0], enc, errors);
  } else {
    r = to_str(a[0]);
  }
  if (!r) return Value();
  if (type == &str_type) return r;
  return str_subclass_new(type, r.as<Str>());
}

Value str_repr_slot(Value self) { return str_repr(S(self)); }
Value str_str_slot(Value self) {
  if (is_str_exact(self)) return self;
  Str* s = S(self);
  return Value(str_substr(s, 0, s->length));
}
int64_t str_hash_slot(Value self) { return str_hash(S(self)); }

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(b)) return NotImplemented();
  Str* x = S(a);
  Str* y = S(b);
  if (op == CompareOp::EQ) return Bool(str_equal(x, y));
  if (op == CompareOp::NE) return Bool(!str_equal(x, y));
  int c = str_compare(x, y);
  switch (op) {
    case CompareOp::LT: return Bool(c < 0);
    case CompareOp::LE: return Bool(c <= 0);
    case CompareOp::GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int64_t str_len(Value self) { return S(self)->length; }

Value str_getitem(Value self, Value key) {
  Str* s = S(self);
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), s->length, &start, &stop, &step, &count)) return Value();
    if (step == 1) return Value(str_substr(s, start, start + count));
    StrBuilder b;
    for (int64_t i = 0, j = start; i < count; i++, j += step) b.append(s->at(j));
    return Value(b.finish());
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "string indices must be integers, not '%s'", type_name(key));
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return Value();
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(&exc::IndexError, "string index out of range");
  return Value(str_from_char(s->at(i)));
}

int str_contains(Value self, Value item) {
  if (!is_str(item)) {
    raise(&exc::TypeError, "'in <string>' requires string as left operand, not %s", type_name(item));
    return -1;
  }
  return str_find(S(self), S(item), 0, S(self)->length) >= 0;
}

Value str_iter(Value self) {
  auto* it = alloc_instance<StrIterator>(&str_iterator_type);
  it->str = S(self);
  it->index.store(0, std::memory_order_relaxed);
  return Value(it);
}

Value str_iter_next(Value self) {
  auto* it = self.as<StrIterator>();
  if (!it->str) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  if (i < it->str->length) return Value(str_from_char(it->str->at(i)));
  it->str = nullptr;
  return Value();
}

Value iter_self(Value self) { return self; }

Value str_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<StrIterator>();
  if (!it->str) return Value::from_small_int(0);
  int64_t n = it->str->length - it->index.load(std::memory_order_relaxed);
  return Value::from_small_int(n > 0 ? n : 0);
}

const MethodDef str_iter_methods[] = {{"__length_hint__", str_iter_length_hint, kMethodInstance, nullptr}, {nullptr}};

Value str_concat_slot(Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  if (!is_str(b)) return raise(&exc::TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
  return Value(str_concat(S(a), S(b)));
}

Value str_repeat(Value a, Value b) {
  Value s = is_str(a) ? a : b;
  Value count = is_str(a) ? b : a;
  if (!is_str(s) || (!is_int(count) && !type_of(count)->index)) return NotImplemented();
  int64_t n;
  if (!index_as_i64(count, &n, &exc::OverflowError)) return Value();
  Str* str = S(s);
  if (n <= 0 || str->length == 0) return Value(str_empty());
  if (n == 1 && is_str_exact(s)) return s;
  if (str->length > (int64_t(1) << 40) / n) return raise(&exc::OverflowError, "repeated string is too long");
  Str* r = str_alloc(str->length * n, str->kind, str->ascii);
  size_t chunk = size_t(str->length) * str->kind;
  for (int64_t k = 0; k < n; k++) std::memcpy(static_cast<char*>(r->data_ptr) + chunk * size_t(k), str->data_ptr, chunk);
  return Value(r);
}

// ------------------------------------------------------------------ a few core methods

Value m_join(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("join", kwnames) || !check_nargs("join", nargs, 1, 1)) return Value();
  return str_join(S(self), args[0]);
}

Value m_dunder_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  return format_str(self, args[0].as<Str>());
}

Value m_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Str* s = S(self);
  return Value(tuple_pack({Value(str_substr(s, 0, s->length))}));
}

const MethodDef str_core_methods[] = {
    {"join", m_join, kMethodInstance,
     "Concatenate any number of strings.\n\nThe string whose method is called is inserted in between each given "
     "string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'"},
    {"__format__", m_dunder_format, kMethodInstance, "Return a formatted version of the string as described by format_spec."},
    {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
    {nullptr}};

}  // namespace

Value str_join(Str* sep, Value iterable) {
  Value seq = is_list(iterable) ? Value(list_snapshot(iterable.as<List>())) : tuple_from_iterable(iterable);
  if (!seq) return Value();
  Tuple* t = seq.as<Tuple>();
  if (t->size == 1 && is_str_exact(t->items[0])) return t->items[0];
  StrBuilder b;
  for (int64_t i = 0; i < t->size; i++) {
    Value item = t->items[i];
    if (!is_str(item))
      return raise(&exc::TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                   type_name(item));
    if (i) b.append(sep);
    b.append(S(item));
  }
  return Value(b.finish());
}

Value str_subclass_new(Type* type, Str* value) {
  auto* s = static_cast<Str*>(alloc_object(type, sizeof(Str)));
  s->length = value->length;
  new (&s->hash_cache) std::atomic<int64_t>(-1);
  s->kind = value->kind;
  s->ascii = value->ascii;
  new (&s->interned) std::atomic<bool>(false);
  s->data_ptr = value->data_ptr;  // shares the immutable code points
  return Value(s);
}

void init_str_type() {
  str_type.native_name = "str";
  str_type.instance_size = sizeof(Str);
  str_type.flags = kTypeBaseType | kTypeStrSubclass;
  str_type.new_ = str_new_py;
  str_type.repr = str_repr_slot;
  str_type.str = str_str_slot;
  str_type.hash = str_hash_slot;
  str_type.richcompare = str_richcompare;
  str_type.len = str_len;
  str_type.getitem = str_getitem;
  str_type.contains = str_contains;
  str_type.iter = str_iter;
  str_type.nb[int(BinaryOp::Add)] = str_concat_slot;
  str_type.nb[int(BinaryOp::Mul)] = str_repeat;
  str_type.nb[int(BinaryOp::Mod)] = str_mod_format;
  str_type.methods = str_core_methods;
  str_type.doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from "
      "the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be "
      "decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if "
      "defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'.";

  str_iterator_type.native_name = "str_ascii_iterator";
  str_iterator_type.instance_size = sizeof(StrIterator);
  str_iterator_type.iter = iter_self;
  str_iterator_type.next = str_iter_next;
  str_iterator_type.methods = str_iter_methods;
}

}  // namespace spindle
