// Argument binding for native callables (see NativeFn in object.h).
#pragma once
#include <initializer_list>

#include "objects/object.h"

namespace spindle {

struct ArgSpec {
  const char* fname;                         // as shown in messages: "sorted", "list.sort"
  std::initializer_list<const char*> names;  // parameter names
  int required = 0;                          // the first `required` parameters must be given
  int posonly = 0;                           // the first `posonly` parameters are positional-only
  int kwonly = -1;                           // index of the first keyword-only parameter (-1: none)
};

// Binds positional and keyword arguments to spec's parameters; out[i] is null
// for an optional parameter that was not given. Raises TypeError as CPython's
// argument parser does and returns false on a mismatch.
bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, Value* out);

// Shorthands for the common cases.
bool check_no_kwargs(const char* fname, Tuple* kwnames);
// For a __new__ that takes no keywords: the exact type rejects them, and so does
// a subclass that does not define __init__ (which could take them), as CPython.
bool check_no_kwargs_for_new(Type* type, Type* exact, const char* fname, Tuple* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);  // with the no-kwargs rule applied separately
size_t kwcount(Tuple* kwnames);
// CPython's _PyArg_CheckPositional: "f expected 1 argument, got 0", "f expected at most 2 arguments, got 3".
bool check_positional(const char* fname, size_t nargs, size_t min, size_t max);
// PyArg_ParseTuple's count check: "f() takes at most 1 argument (2 given)".
bool check_tuple_nargs(const char* fname, size_t nargs, size_t min, size_t max);
// Argument Clinic's Py_ssize_t converter: __index__, then OverflowError
// "Python int too large to convert to C ssize_t" when out of range.
bool ssize_arg(Value v, int64_t* out);
// A method without parameters ("int.conjugate"): no positional or keyword arguments.
inline bool check_no_args(const char* fname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(fname, kwnames) && check_nargs(fname, nargs, 0, 0);
}

}  // namespace spindle
