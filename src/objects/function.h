// Functions, bound methods, cells and the native-callable descriptors.
#pragma once
#include "objects/object.h"

namespace spindle {

struct Code;
struct Dict;
struct Tuple;
struct Str;

struct Cell : Object {
  std::atomic<uint64_t> contents;  // Value bits; 0: empty
  Value get() const { return Value::from_bits(contents.load(std::memory_order_acquire)); }
  void set(Value v) { contents.store(v.bits(), std::memory_order_release); }
};
Cell* cell_new(Value v);

struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;       // resolved when the function is created
  Str* name;
  Str* qualname;
  Value module;         // __module__
  Value doc;            // __doc__
  Tuple* defaults;      // positional defaults or null
  Dict* kwdefaults;     // keyword-only defaults or null
  Tuple* closure;       // cells for free variables or null
  Dict* dict;           // function attributes (__dict__), created lazily
  Value annotations;    // dict or null
  uint32_t version;     // bumped when __code__/__defaults__ change (call caches)
};

inline bool is_function(Value v) { return is_type(v, &function_type); }
Function* function_new(Code* code, Dict* globals, Dict* builtins);

struct Method : Object {
  Value func;
  Value self;
};
Value method_new(Value func, Value self);

// A native function exposed to Python: builtins, module functions, and methods
// of native types once bound (builtin_function_or_method).
struct BuiltinFunction : Object {
  const MethodDef* def;
  Value self;      // receiver for bound methods, the module for module functions, or null
  Value module;    // __module__ (str) or null
};
Value builtin_function_new(const MethodDef* def, Value self, Value module = Value());

// An unbound native method in a native type's dict (method_descriptor).
struct MethodDescriptor : Object {
  const MethodDef* def;
  Type* owner;
};

// A slot exposed as a dunder method (wrapper_descriptor), e.g. int.__add__.
struct WrapperDescriptor : Object {
  Str* name;
  Type* owner;
  // Calls the underlying slot: self is the receiver, args the rest.
  Value (*wrapper)(const struct WrapperDescriptor* d, Value self, const Value* args, size_t nargs, Tuple* kwnames);
  void* slot;      // the slot function (compared when deciding slot inheritance)
  int32_t slot_id; // which slot (see type.cpp)
};

struct GetSetDescriptor : Object {
  const GetSetDef* def;
  Type* owner;
};

struct MemberDescriptor : Object {
  Str* name;
  Type* owner;
  MemberKind kind;
  uint32_t offset;
  Value doc;
};

struct ClassMethod : Object {
  Dict* dict;  // __dict__ (copied attributes of func, user attributes)
  Value func;
};
struct StaticMethod : Object {
  Dict* dict;  // __dict__ (copied attributes of func, user attributes)
  Value func;
};
struct Property : Object {
  Value fget, fset, fdel, doc;
  Str* name;  // set by __set_name__
  bool getter_doc;
};

}  // namespace spindle
