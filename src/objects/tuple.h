// tuple: immutable; the items follow the header inline. Never written after
// construction, so readers need no synchronisation.
#pragma once
#include "objects/object.h"

namespace spindle {

struct Tuple : Object {
  int64_t size;
  Value items[];  // NOLINT: flexible array member (GNU extension)

  Value* begin() { return items; }
  Value* end() { return items + size; }
};

inline bool is_tuple(Value v) {
  return v.is_object() && (v.as_object()->type == &tuple_type || (v.as_object()->type->flags & kTypeTupleSubclass));
}
inline bool is_tuple_exact(Value v) { return is_type(v, &tuple_type); }

extern Type tuple_iterator_type;
Value tuple_iterator_next_fast(Value it);

// A fresh exact tuple whose items the caller fills before publishing it.
Tuple* tuple_new(int64_t size);
Tuple* tuple_empty();
Tuple* tuple_pack(std::initializer_list<Value> items);
Tuple* tuple_from_array(const Value* items, int64_t n);
Value tuple_from_iterable(Value iterable);  // tuple(iterable)
Value tuple_subclass_new(Type* type, Tuple* items);

}  // namespace spindle
