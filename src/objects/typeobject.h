// Internal interface of the type machinery (type.cpp, slots.cpp) for the rest
// of the runtime: readying native types, creating classes, version tags.
#pragma once
#include "objects/object.h"

namespace spindle {

// Fills in a statically defined native type: links it into the type system,
// computes its MRO, inherits slots from its base and publishes its methods,
// getsets, members and slot wrappers in its dict. Idempotent.
void type_ready(Type* t);

// type(name, bases, namespace, **kwds): creates a heap type.
Value type_new_impl(Type* metatype, Str* name, Tuple* bases, Dict* ns, Dict* kwds);

// The version tag of t, assigning a fresh one if it has none.
uint32_t type_version(Type* t);
// Called after t's dict (or its MRO) changed: drops the version tags of t and
// all its subclasses, and recomputes slots when a dunder name changed.
void type_modified(Type* t, Str* changed_name);

// The most derived metaclass of `meta` and the types of `bases`, or null with
// TypeError ("metaclass conflict") pending.
Type* calculate_metaclass(Type* meta, Tuple* bases);

// Recomputes every slot of a heap type from its MRO.
void fixup_slots(Type* t);
// Adds wrapper descriptors (__add__, __repr__, ...) for the native slots of t.
void add_slot_wrappers(Type* t);

// Method lookup on the type of obj, binding the descriptor: the equivalent of
// CPython's _PyObject_LookupSpecial. Null without exception if absent.
Value lookup_special(Value obj, Str* name);
// Like lookup_special but without binding: returns the raw attribute of
// type(obj) and sets *unbound to whether obj must be passed as first argument.
Value lookup_method(Value obj, Str* name, bool* unbound);

// Whether instances of `old_type` may be treated as instances of `new_type`
// (for __class__ and __bases__ assignment); raises TypeError naming `attr` if not.
bool check_layout_assignment(Type* old_type, Type* new_type, const char* attr);

// The list of weak references to the direct subclasses of t (read-only snapshot).
Value type_subclasses(Type* t);

Type* native_type_for_name(const char* name);

}  // namespace spindle
