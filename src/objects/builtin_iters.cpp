// The iterator types of builtins: enumerate, zip, map, filter, reversed.
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"

namespace spindle {

Type enumerate_type, zip_type, map_type, filter_type, reversed_type;

namespace {

Value iter_self(Value self) { return self; }

// ------------------------------------------------------------------ enumerate

struct Enumerate : Object {
  Value iter;
  Value index;  // int (small fast path)
};

// enumerate(iterable, start=0), bound the way CPython's enumerate call does
// (its messages differ from the generic argument parser's).
bool enumerate_args(const Value* args, size_t nargs, Tuple* kwnames, Value* a) {
  size_t nkw = kwcount(kwnames);
  auto keyword_is = [&](size_t k, const char* name) {
    Str* key = kwnames->items[k].as<Str>();
    if (str_equals_ascii(key, name)) return true;
    raise(&exc::TypeError, "'%U' is an invalid keyword argument for enumerate()", key);
    return false;
  };
  a[0] = a[1] = Value();
  if (nargs + nkw == 2) {
    if (nkw == 2 && str_equals_ascii(kwnames->items[0].as<Str>(), "start")) {
      if (!keyword_is(1, "iterable")) return false;
      a[0] = args[1];
      a[1] = args[0];
      return true;
    }
    if (nkw >= 1 && !keyword_is(nkw == 1 ? 0 : 1, "start")) return false;
    if (nkw == 2 && !keyword_is(0, "iterable")) return false;
    a[0] = args[0];
    a[1] = args[1];
    return true;
  }
  if (nargs + nkw == 1) {
    if (nkw == 1 && !keyword_is(0, "iterable")) return false;
    a[0] = args[0];
    return true;
  }
  if (nargs == 0) {
    raise(&exc::TypeError, "enumerate() missing required argument 'iterable'");
    return false;
  }
  raise(&exc::TypeError, "enumerate() takes at most 2 arguments (%zd given)", ssize_t(nargs + nkw));
  return false;
}

Value enumerate_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!enumerate_args(args, nargs, kwnames, a)) return Value();
  Value it = get_iter(a[0]);
  if (!it) return Value();
  Value start = Value::from_small_int(0);
  if (a[1]) {
    start = number_index(a[1]);
    if (!start) return Value();
    start = int_exact(start);
  }
  auto* e = alloc_instance<Enumerate>(type);
  e->iter = it;
  e->index = start;
  return Value(e);
}

Value enumerate_next(Value self) {
  auto* e = self.as<Enumerate>();
  Value v = iter_next(e->iter);
  if (!v) return Value();
  Value i = e->index;
  e->index = i.is_small_int() ? int_from_i64(i.as_small_int() + 1) : int_add(i, Value::from_small_int(1));
  return Value(tuple_pack({i, v}));
}

Value enumerate_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* e = self.as<Enumerate>();
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({e->iter, e->index}))}));
}

Value class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}

const MethodDef enumerate_methods[] = {{"__reduce__", enumerate_reduce, kMethodInstance, nullptr},
                                       {"__class_getitem__", class_getitem, kMethodClass, nullptr},
                                       {nullptr}};

// ------------------------------------------------------------------ zip

struct Zip : Object {
  Tuple* iters;
  bool strict;
};

Value zip_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++) {
    if (!str_equals_ascii(kwnames->items[i].as<Str>(), "strict"))
      return raise(&exc::TypeError, "zip() got an unexpected keyword argument '%U'", kwnames->items[i].as<Str>());
    int t = truthy(args[nargs + i]);
    if (t < 0) return Value();
    strict = t;
  }
  Tuple* iters = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) {
      if (error_matches(&exc::TypeError) && !type_of(args[i])->iter && !type_of(args[i])->getitem) {
        clear_error();
        return raise(&exc::TypeError, "'%s' object is not iterable", type_name(args[i]));
      }
      return Value();
    }
    iters->items[i] = it;
  }
  auto* z = alloc_instance<Zip>(type);
  z->iters = iters;
  z->strict = strict;
  return Value(z);
}

Value zip_next(Value self) {
  auto* z = self.as<Zip>();
  int64_t n = z->iters->size;
  if (n == 0) return Value();
  Tuple* out = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value v = iter_next(z->iters->items[i]);
    if (!v) {
      if (error_occurred() || !z->strict) return Value();
      // strict=True: all must end together.
      if (i > 0)
        return raise(&exc::ValueError, "zip() argument %lld is shorter than argument%s%lld", (long long)(i + 1),
                     i == 1 ? " " : "s 1-", (long long)i);
      for (int64_t j = 1; j < n; j++) {
        Value w = iter_next(z->iters->items[j]);
        if (w) {
          return raise(&exc::ValueError, "zip() argument %lld is longer than argument%s%lld", (long long)(j + 1),
                       j == 1 ? " " : "s 1-", (long long)j);
        }
        if (error_occurred()) return Value();
      }
      return Value();
    }
    out->items[i] = v;
  }
  return Value(out);
}

Value zip_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* z = self.as<Zip>();
  if (z->strict) return Value(tuple_pack({Value(type_of(self)), Value(z->iters), True()}));
  return Value(tuple_pack({Value(type_of(self)), Value(z->iters)}));
}

Value zip_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int t = truthy(args[0]);
  if (t < 0) return Value();
  self.as<Zip>()->strict = t;
  return None();
}

const MethodDef zip_methods[] = {{"__reduce__", zip_reduce, kMethodInstance, nullptr},
                                 {"__setstate__", zip_setstate, kMethodInstance, nullptr},
                                 {nullptr}};

// ------------------------------------------------------------------ map

struct Map : Object {
  Value func;
  Tuple* iters;
};

Value map_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &map_type, "map", kwnames)) return Value();
  if (nargs < 2) return raise(&exc::TypeError, "map() must have at least two arguments.");
  Tuple* iters = tuple_new(int64_t(nargs - 1));
  for (size_t i = 1; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) return Value();
    iters->items[i - 1] = it;
  }
  auto* m = alloc_instance<Map>(type);
  m->func = args[0];
  m->iters = iters;
  return Value(m);
}

Value map_next(Value self) {
  auto* m = self.as<Map>();
  int64_t n = m->iters->size;
  Value small[8];
  Value* vals = n <= 8 ? small : static_cast<Value*>(alloca(sizeof(Value) * size_t(n)));
  for (int64_t i = 0; i < n; i++) {
    vals[i] = iter_next(m->iters->items[i]);
    if (!vals[i]) return Value();
  }
  return call(m->func, vals, size_t(n));
}

Value map_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* m = self.as<Map>();
  Tuple* a = tuple_new(m->iters->size + 1);
  a->items[0] = m->func;
  for (int64_t i = 0; i < m->iters->size; i++) a->items[i + 1] = m->iters->items[i];
  return Value(tuple_pack({Value(type_of(self)), Value(a)}));
}

const MethodDef map_methods[] = {{"__reduce__", map_reduce, kMethodInstance, nullptr}, {nullptr}};

// ------------------------------------------------------------------ filter

struct Filter : Object {
  Value func;  // None: truthiness
  Value iter;
};

Value filter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &filter_type, "filter", kwnames)) return Value();
  if (!check_nargs("filter", nargs, 2, 2)) return Value();
  Value it = get_iter(args[1]);
  if (!it) return Value();
  auto* f = alloc_instance<Filter>(type);
  f->func = args[0];
  f->iter = it;
  return Value(f);
}

Value filter_next(Value self) {
  auto* f = self.as<Filter>();
  bool identity = is_none(f->func) || f->func == Value(&bool_type);
  for (;;) {
    Value v = iter_next(f->iter);
    if (!v) return Value();
    int t;
    if (identity) {
      t = truthy(v);
    } else {
      Value r = call1(f->func, v);
      if (!r) return Value();
      t = truthy(r);
    }
    if (t < 0) return Value();
    if (t) return v;
  }
}

Value filter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<Filter>();
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({f->func, f->iter}))}));
}

const MethodDef filter_methods[] = {{"__reduce__", filter_reduce, kMethodInstance, nullptr}, {nullptr}};

// ------------------------------------------------------------------ reversed

struct Reversed : Object {
  Value seq;  // null when exhausted
  int64_t index;
};

Value reversed_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs_for_new(type, &reversed_type, "reversed", kwnames)) return Value();
  if (nargs != 1) return raise(&exc::TypeError, "reversed expected 1 argument, got %zd", ssize_t(nargs));
  Value seq = args[0];
  Value rev = lookup_special(seq, names::__reversed__);
  if (rev) {
    if (is_none(rev)) return raise(&exc::TypeError, "'%s' object is not reversible", type_name(seq));
    return call0(rev);
  }
  if (error_occurred()) return Value();
  Type* t = type_of(seq);
  if (!t->getitem || is_dict(seq))
    return raise(&exc::TypeError, "'%s' object is not reversible", type_name(seq));
  int64_t n = length(seq);
  if (n < 0) return Value();
  auto* r = alloc_instance<Reversed>(type);
  r->seq = seq;
  r->index = n - 1;
  return Value(r);
}

Value reversed_next(Value self) {
  auto* r = self.as<Reversed>();
  if (!r->seq || r->index < 0) {
    r->seq = Value();
    return Value();
  }
  Value v = get_item(r->seq, int_from_i64(r->index));
  if (v) {
    r->index--;
    return v;
  }
  if (error_matches(&exc::IndexError) || error_matches(&exc::StopIteration)) {
    clear_error();
    r->seq = Value();
  }
  return Value();
}

Value reversed_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Reversed>();
  if (!r->seq) return Value::from_small_int(0);
  int64_t n = length(r->seq);
  if (n < 0) return Value();
  return int_from_i64(r->index < n ? r->index + 1 : 0);
}

Value reversed_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Reversed>();
  if (!r->seq) return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({Value(tuple_empty())}))}));
  return Value(tuple_pack({Value(type_of(self)), Value(tuple_pack({r->seq})), int_from_i64(r->index)}));
}

Value reversed_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int64_t i;
  if (!index_as_i64(args[0], &i, &exc::OverflowError)) return Value();
  auto* r = self.as<Reversed>();
  if (r->seq) {
    int64_t n = length(r->seq);
    if (n < 0) return Value();
    if (i < -1) i = -1;
    if (i > n - 1) i = n - 1;
    r->index = i;
  }
  return None();
}

const MethodDef reversed_methods[] = {{"__length_hint__", reversed_length_hint, kMethodInstance, nullptr},
                                      {"__reduce__", reversed_reduce, kMethodInstance, nullptr},
                                      {"__setstate__", reversed_setstate, kMethodInstance, nullptr},
                                      {nullptr}};

void setup(Type* t, const char* name, size_t size, NewFn new_fn, UnaryFn next, const MethodDef* methods, const char* doc) {
  t->native_name = name;
  t->instance_size = uint32_t(size);
  t->flags = kTypeBaseType;
  t->new_ = new_fn;
  t->iter = iter_self;
  t->next = next;
  t->methods = methods;
  t->doc = doc;
}

}  // namespace

void init_builtin_iter_types() {
  setup(&enumerate_type, "enumerate", sizeof(Enumerate), enumerate_new, enumerate_next, enumerate_methods,
        "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields "
        "pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable "
        "argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, "
        "seq[2]), ...");
  setup(&zip_type, "zip", sizeof(Zip), zip_new, zip_next, zip_methods,
        "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.");
  setup(&map_type, "map", sizeof(Map), map_new, map_next, map_methods,
        "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments "
        "from\neach of the iterables.  Stops when the shortest iterable is exhausted.");
  setup(&filter_type, "filter", sizeof(Filter), filter_new, filter_next, filter_methods,
        "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable "
        "for which function(item)\nis true. If function is None, return the items that are true.");
  setup(&reversed_type, "reversed", sizeof(Reversed), reversed_new, reversed_next, reversed_methods,
        "Return a reverse iterator over the values of the given sequence.");
}

}  // namespace spindle
