// The object model: the header every heap object starts with, the Type object
// with its slots, and the protocol functions the whole runtime uses.
//
// Error convention (as in CPython): a function returning Value returns the null
// Value when it raised; the exception is pending in the current ThreadState.
// Functions returning int return -1 on error (and 0/1 for false/true where they
// answer a question). getattr-like lookups may return null *without* a pending
// exception to say "not found" cheaply; those say so where declared.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "objects/value.h"

namespace spindle {

struct Str;
struct Tuple;
struct Dict;
struct List;

// Every heap object starts with its type. Objects never move (the collector is
// non-moving), so an object's address is its identity (id()).
struct Object {
  Type* type;
};

enum class CompareOp : uint8_t { LT = 0, LE, EQ, NE, GT, GE };

enum class BinaryOp : uint8_t {
  Add = 0, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, DivMod,
};
constexpr int kNumBinaryOps = 14;

// Native callables all share one calling convention: positional arguments in
// args[0..nargs), followed by the values of keyword arguments whose names are
// in kwnames (a tuple of str, or nullptr when there are none).
using NativeFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);

using ReprFn = Value (*)(Value self);
using HashFn = int64_t (*)(Value self);  // -1 on error
using RichCompareFn = Value (*)(Value a, Value b, CompareOp op);
// Returns null with no pending exception when the attribute does not exist.
using GetAttrFn = Value (*)(Value self, Str* name);
using SetAttrFn = int (*)(Value self, Str* name, Value v);  // v null: delete
using CallFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
using UnaryFn = Value (*)(Value self);
// next: returns null with no pending exception when exhausted.
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);  // obj null: via class
using DescrSetFn = int (*)(Value descr, Value obj, Value v);      // v null: delete
using NewFn = Value (*)(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
using BinaryFn = Value (*)(Value a, Value b);  // may return NotImplemented
using TernaryFn = Value (*)(Value a, Value b, Value c);
using InquiryFn = int (*)(Value self);            // -1 error, 0, 1
using LenFn = int64_t (*)(Value self);            // -1 on error
using GetItemFn = Value (*)(Value self, Value key);
using SetItemFn = int (*)(Value self, Value key, Value v);  // v null: delete
using ContainsFn = int (*)(Value self, Value item);
struct BufferView;
// The buffer protocol: a contiguous view of the object's bytes (false with an error pending).
using BufferFn = bool (*)(Value self, BufferView* out);

struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags;  // MethodFlags
  const char* doc;
};
enum MethodFlags : uint32_t {
  kMethodInstance = 0,
  kMethodClass = 1,   // receives the type as self (classmethod)
  kMethodStatic = 2,  // receives null as self (staticmethod)
};

struct GetSetDef {
  const char* name;
  Value (*get)(Value self);
  int (*set)(Value self, Value v);  // nullptr: read-only; v null: delete
  const char* doc;
};

// Value: AttributeError while unset (__slots__); ValueOrNone reads None while
// unset (like CPython's T_OBJECT); ReadOnlyValue also reads None while unset.
enum class MemberKind : uint8_t { Value, ValueOrNone, ReadOnlyValue, Int64, Double, Bool };
struct MemberDef {
  const char* name;
  MemberKind kind;
  uint32_t offset;
  const char* doc;
};

enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,         // created by a class statement or type()
  kTypeBaseType = 1u << 1,     // may be subclassed
  kTypeAbstract = 1u << 2,
  kTypeImmutable = 1u << 3,    // attributes cannot be set (builtin types)
  kTypeHasFinalizer = 1u << 4, // instances get __del__ run by the collector
  kTypeIsException = 1u << 5,  // BaseException or a subclass
  kTypeIntSubclass = 1u << 6,
  kTypeStrSubclass = 1u << 7,
  kTypeTupleSubclass = 1u << 8,
  kTypeListSubclass = 1u << 9,
  kTypeDictSubclass = 1u << 10,
  kTypeTypeSubclass = 1u << 11,
  kTypeFloatSubclass = 1u << 12,
  kTypeBytesSubclass = 1u << 13,
  kTypeSequence = 1u << 14,    // for match statements (collections.abc.Sequence)
  kTypeMapping = 1u << 15,     // for match statements (collections.abc.Mapping)
  kTypeReady = 1u << 16,
  kTypeDisallowInstantiation = 1u << 17,
  kTypeHasGetattrHook = 1u << 18,  // defines __getattr__ (slow path on misses)
  kTypeWeakrefable = 1u << 19,     // native type whose instances accept weak references (see _weakref.cpp)
};

struct Type : Object {
  Str* name = nullptr;       // __name__
  Str* qualname = nullptr;   // __qualname__
  const char* native_name = nullptr;  // for native types: "module.name" or "name"
  Type* base = nullptr;      // __base__
  Tuple* bases = nullptr;    // __bases__
  Tuple* mro = nullptr;      // __mro__
  Dict* dict = nullptr;      // the type's namespace
  void* subclasses = nullptr;  // weak references to direct subclasses (type.cpp)
  const char* doc = nullptr;   // __doc__ of native types
  uint32_t flags = 0;
  // Version tag for inline caches: unique among all types, 0 = not valid. Reset
  // when this type or a base changes; a cache entry is valid while the tag of the
  // receiver's type equals the tag it was filled under.
  std::atomic<uint32_t> version{0};
  uint32_t instance_size = sizeof(Object);
  int32_t dict_offset = 0;     // offset of the Dict* of instances; 0: none
  uint32_t num_slots = 0;      // __slots__ values stored after the base layout
  // Var-sized layouts (tuple): bytes per item. Their item count is the int64 at
  // offset 8, and fields added by subclasses (dict, slots) follow the items.
  uint32_t itemsize = 0;
  // Attribute count seen on instances, to size their first dict table.
  std::atomic<uint32_t> expected_attrs{0};

  const MethodDef* methods = nullptr;  // native: terminated by {nullptr}
  const GetSetDef* getsets = nullptr;
  const MemberDef* members = nullptr;

  ReprFn repr = nullptr;
  ReprFn str = nullptr;
  HashFn hash = nullptr;
  RichCompareFn richcompare = nullptr;
  GetAttrFn getattr = nullptr;
  SetAttrFn setattr = nullptr;
  CallFn call = nullptr;
  UnaryFn iter = nullptr;
  UnaryFn next = nullptr;
  DescrGetFn descr_get = nullptr;
  DescrSetFn descr_set = nullptr;
  NewFn new_ = nullptr;
  InitFn init = nullptr;
  BinaryFn nb[kNumBinaryOps] = {};
  BinaryFn nb_inplace[kNumBinaryOps] = {};
  TernaryFn pow3 = nullptr;   // pow(a, b, mod)
  UnaryFn neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
  UnaryFn index = nullptr, int_ = nullptr, float_ = nullptr;
  InquiryFn bool_ = nullptr;
  LenFn len = nullptr;
  GetItemFn getitem = nullptr;
  SetItemFn setitem = nullptr;
  ContainsFn contains = nullptr;
  BufferFn buffer = nullptr;
  // Runs Python-level finalization (__del__) for heap types that define it.
  void (*finalize)(Value self) = nullptr;
};

// ---- singletons (static objects, never collected) ----
extern Object none_object, notimplemented_object, ellipsis_object;
extern Object true_object, false_object;  // bool instances (the int value is implied)
inline Value None() { return Value(&none_object); }
inline Value NotImplemented() { return Value(&notimplemented_object); }
inline Value Ellipsis() { return Value(&ellipsis_object); }
inline Value True() { return Value(&true_object); }
inline Value False() { return Value(&false_object); }
inline Value Bool(bool b) { return b ? True() : False(); }

// ---- core types (defined in objects/*.cpp) ----
extern Type object_type, type_type, none_type, notimplemented_type, ellipsis_type;
extern Type int_type, bool_type, float_type, complex_type;
extern Type str_type, bytes_type, bytearray_type, memoryview_type;
extern Type tuple_type, list_type, dict_type, set_type, frozenset_type;
extern Type range_type, slice_type;
extern Type function_type, method_type, builtin_function_type, method_descriptor_type,
    classmethod_descriptor_type, wrapper_descriptor_type, method_wrapper_type, getset_descriptor_type,
    member_descriptor_type, classmethod_type, staticmethod_type, property_type, super_type,
    cell_type, code_type, module_type, frame_type, traceback_type, generator_type, coroutine_type,
    async_generator_type, mappingproxy_type;

inline Type* type_of(Value v) {
  if (v.is_object()) return v.as_object()->type;
  if (v.is_small_int()) return &int_type;
  return &float_type;
}

inline bool is_none(Value v) { return v == None(); }
inline bool is_type(Value v, const Type* t) { return v.is_object() && v.as_object()->type == t; }
bool is_subtype(const Type* a, const Type* b);  // a is b or a subclass of b (walks the MRO)
inline bool is_instance_of(Value v, const Type* t) {
  Type* vt = type_of(v);
  return vt == t || is_subtype(vt, t);
}
inline bool is_type_object(Value v) {
  return v.is_object() && (v.as_object()->type == &type_type || (v.as_object()->type->flags & kTypeTypeSubclass));
}

// Address of a field at `offset` in an instance, past the items of var-sized layouts.
inline char* field_address(Object* o, uint32_t offset) {
  uint32_t itemsize = o->type->itemsize;
  if (itemsize) offset += itemsize * uint32_t(*reinterpret_cast<int64_t*>(reinterpret_cast<char*>(o) + 8));
  return reinterpret_cast<char*>(o) + offset;
}

// Allocates an instance of `type` of type->instance_size bytes (at least `min_size`).
Object* alloc_object(Type* type, size_t min_size);
template <class T>
T* alloc_instance(Type* type) {
  return static_cast<T*>(alloc_object(type, sizeof(T)));
}
// Pointer-free exact builtin objects (str data, bytes data) can skip scanning.
Object* alloc_object_atomic(Type* type, size_t size);

// ---- the protocols (objects/abstract.cpp and friends) ----
Value repr(Value v);
Value to_str(Value v);                    // str(v)
Value ascii_repr(Value v);                // ascii(v)
Value mappingproxy_new(Value mapping);     // a read-only view of a mapping
Value format(Value v, Value spec);        // format(v, spec)
int64_t hash(Value v);                    // -1 on error
int truthy(Value v);                      // -1 error, 0, 1
Value rich_compare(Value a, Value b, CompareOp op);
int rich_compare_bool(Value a, Value b, CompareOp op);  // -1, 0, 1
int equals(Value a, Value b);             // identity shortcut, then ==; -1, 0, 1
Value binary_op(Value a, Value b, BinaryOp op);
Value inplace_op(Value a, Value b, BinaryOp op);
Value power(Value a, Value b, Value mod);  // mod may be None
Value unary_neg(Value v);
Value unary_pos(Value v);
Value unary_invert(Value v);
Value number_abs(Value v);
Value number_index(Value v);              // __index__, result is exactly int
bool index_as_i64(Value v, int64_t* out, Type* overflow_exc);  // overflow_exc null: clamp
int64_t length(Value v);                  // len(v); -1 on error
Value get_item(Value obj, Value key);
int set_item(Value obj, Value key, Value v);
int del_item(Value obj, Value key);
int contains(Value container, Value item);  // the `in` operator; -1, 0, 1
Value get_iter(Value v);
Value iter_next(Value it);                // null + no exception: exhausted
Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
Value call_method(Value obj, Str* name, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call_method0(Value obj, Str* name);
Value call_method1(Value obj, Str* name, Value a);
// Calls with *args tuple and **kwargs dict (either may be null).
Value call_with_tuple(Value callable, Tuple* args, Dict* kwargs);

// Attributes. get_attr raises AttributeError when missing; lookup_attr returns
// null without an exception when missing (and null with one on other errors).
Value get_attr(Value obj, Str* name);
Value lookup_attr(Value obj, Str* name);
int set_attr(Value obj, Str* name, Value v);
int del_attr(Value obj, Str* name);
Value get_attr_cstr(Value obj, const char* name);
// Looks `name` up along the MRO of `type`, without descriptors. Null if absent.
Value type_lookup(Type* type, Str* name);
// The default attribute machinery (object.__getattribute__ / __setattr__).
Value generic_getattr(Value obj, Str* name);
int generic_setattr(Value obj, Str* name, Value v);
// The same with the instance dict given (_thread._local's per-thread dict).
Value generic_getattr_with_dict(Value obj, Str* name, Dict* d);
int generic_setattr_with_dict(Value obj, Str* name, Value v, Dict* d);
// Returns the instance dict of obj, creating it when `create`; null if none.
Dict* instance_dict(Value obj, bool create);
// The existing instance dict of a heap object, or null (never creates one).
inline Dict* existing_instance_dict(Object* o) {
  int32_t offset = o->type->dict_offset;
  if (!offset) return nullptr;
  return reinterpret_cast<std::atomic<Dict*>*>(field_address(o, uint32_t(offset)))->load(std::memory_order_acquire);
}

bool is_callable(Value v);
int is_instance(Value obj, Value cls);    // isinstance() with __instancecheck__
int is_subclass(Value derived, Value cls);  // issubclass() with __subclasscheck__

// Name of the type for messages: "int", "MyClass".
const char* type_name(const Type* t);
inline const char* type_name(Value v) { return type_name(type_of(v)); }

}  // namespace spindle
