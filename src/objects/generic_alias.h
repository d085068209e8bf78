// types.GenericAlias (list[int]) and types.UnionType (int | str).
#pragma once
#include "objects/object.h"

namespace spindle {

extern Type generic_alias_type, union_type;

Value generic_alias_new(Value origin, Value args);
Value union_type_new(Value a, Value b);  // a | b for types; NotImplemented otherwise
inline bool is_union_type(Value v) { return is_type(v, &union_type); }
Value union_args(Value u);  // the tuple of member types

}  // namespace spindle
