// Struct sequences: tuple subclasses with named fields (sys.version_info, ...).
#pragma once
#include "objects/object.h"

namespace spindle {

struct StructSeqField {
  const char* name;  // structseq_unnamed_field: reachable by index only
  const char* doc;
};

// Marks a field without a name (os.stat_result's integer times). As in
// CPython, the repr then labels the visible items with the named fields in
// order, so later names shift onto unnamed items.
extern const char structseq_unnamed_field[];

struct StructSeqDesc {
  const char* name;  // "module.name" as shown by repr
  const char* doc;
  const StructSeqField* fields;  // terminated by {nullptr}
  int n_in_sequence;             // fields visible as tuple items (-1: all)
};

Type* structseq_new_type(const StructSeqDesc& desc);
// An instance holding values[0..n); the first n_visible are the tuple items.
Value structseq_make(Type* t, const Value* values, int64_t n, int64_t n_visible = -1);

}  // namespace spindle
