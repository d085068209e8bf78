// Module objects.
#pragma once
#include "objects/object.h"

namespace spindle {

struct Dict;
struct Str;

struct Module : Object {
  Dict* dict;
  // Native modules: the definition used to create it (null for Python modules).
  const struct ModuleDef* def;
};

// A native module's definition (src/modules/*.cpp).
struct ModuleDef {
  const char* name;
  const char* doc;
  const MethodDef* methods;
  // Adds constants, types and submodules; returns false with an exception pending.
  bool (*init)(Module* m);
};

inline bool is_module(Value v) { return is_instance_of(v, &module_type); }

Module* module_new(Str* name, Value doc = Value());
Module* module_from_def(const ModuleDef* def);
int module_add(Module* m, const char* name, Value v);
Value module_name(Module* m);

// Registry of native modules, consulted by the import system.
void register_native_module(const ModuleDef* def);
const ModuleDef* find_native_module(Str* name);
// The names of all native modules (sys.builtin_module_names), as a tuple.
Value native_module_names();

}  // namespace spindle
