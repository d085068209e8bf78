// The sequence iterator (iteration through __getitem__) and the callable
// iterator (iter(callable, sentinel)).
#include "objects/iter.h"

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

Type seqiter_type, callable_iterator_type;

namespace {

struct SeqIter : Object {
  Value seq;  // null when exhausted
  int64_t index;
};

struct CallableIter : Object {
  Value callable;  // null when exhausted
  Value sentinel;
};

Value seqiter_next(Value self) {
  auto* it = self.as<SeqIter>();
  if (!it->seq) return Value();
  Value v = get_item(it->seq, int_from_i64(it->index));
  if (v) {
    it->index++;
    return v;
  }
  if (error_matches(&exc::IndexError) || error_matches(&exc::StopIteration)) {
    clear_error();
    it->seq = Value();
  }
  return Value();
}

Value iter_self(Value self) { return self; }

Value seqiter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SeqIter>();
  if (!it->seq) return Value::from_small_int(0);
  int64_t n = length(it->seq);
  if (n < 0) {
    clear_error();
    return NotImplemented();
  }
  return int_from_i64(n > it->index ? n - it->index : 0);
}

Value seqiter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SeqIter>();
  if (!it->seq) return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({Value(tuple_empty())}))}));
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({it->seq})), int_from_i64(it->index)}));
}

Value seqiter_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int64_t i;
  if (!index_as_i64(args[0], &i, &exc::OverflowError)) return Value();
  auto* it = self.as<SeqIter>();
  if (it->seq) it->index = i < 0 ? 0 : i;
  return None();
}

const MethodDef seqiter_methods[] = {{"__length_hint__", seqiter_length_hint, kMethodInstance, nullptr},
                                     {"__reduce__", seqiter_reduce, kMethodInstance, nullptr},
                                     {"__setstate__", seqiter_setstate, kMethodInstance, nullptr},
                                     {nullptr}};

Value calliter_next(Value self) {
  auto* it = self.as<CallableIter>();
  if (!it->callable) return Value();
  Value v = call0(it->callable);
  if (!v) {
    if (error_matches(&exc::StopIteration)) {
      clear_error();
      it->callable = Value();
    }
    return Value();
  }
  int eq = equals(v, it->sentinel);
  if (eq < 0) return Value();
  if (eq) {
    it->callable = Value();
    return Value();
  }
  return v;
}

Value calliter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<CallableIter>();
  if (!it->callable) return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({Value(tuple_empty())}))}));
  return Value(tuple_pack({import_builtin("iter"), Value(tuple_pack({it->callable, it->sentinel}))}));
}

const MethodDef calliter_methods[] = {{"__reduce__", calliter_reduce, kMethodInstance, nullptr}, {nullptr}};

}  // namespace

Value sequence_iter_new(Value seq) {
  auto* it = alloc_instance<SeqIter>(&seqiter_type);
  it->seq = seq;
  it->index = 0;
  return Value(it);
}

Value callable_iter_new(Value callable, Value sentinel) {
  auto* it = alloc_instance<CallableIter>(&callable_iterator_type);
  it->callable = callable;
  it->sentinel = sentinel;
  return Value(it);
}

void init_iter_types() {
  seqiter_type.native_name = "iterator";
  seqiter_type.instance_size = sizeof(SeqIter);
  seqiter_type.iter = iter_self;
  seqiter_type.next = seqiter_next;
  seqiter_type.methods = seqiter_methods;

  callable_iterator_type.native_name = "callable_iterator";
  callable_iterator_type.instance_size = sizeof(CallableIter);
  callable_iterator_type.iter = iter_self;
  callable_iterator_type.next = calliter_next;
  callable_iterator_type.methods = calliter_methods;
}

}  // namespace spindle
