// The _warnings module. CPython's is the C accelerator of the warnings module;
// Spindle leaves the filtering to the pure-Python implementation in the
// standard library's warnings.py (which it uses because this module has no
// `filters`), and provides warn/warn_explicit for native callers and for
// importlib, which imports _warnings directly. Both forward to warnings.py,
// adding no Python frame, so stacklevel counts the same frames.
#include "objects/module.h"
#include "objects/str.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Value forward_to_warnings(const char* function, const Value* args, size_t nargs, Tuple* kwnames) {
  Value warnings = import_module_cstr("warnings");
  if (!warnings) return Value();
  Value f = get_attr_cstr(warnings, function);
  if (!f) return Value();
  return call(f, args, nargs, kwnames);
}

Value warnings_warn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return forward_to_warnings("warn", args, nargs, kwnames);
}

Value warnings_warn_explicit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return forward_to_warnings("warn_explicit", args, nargs, kwnames);
}

const MethodDef warnings_methods[] = {
    {"warn", warnings_warn, kMethodStatic, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", warnings_warn_explicit, kMethodStatic, "Issue a warning, or maybe ignore it or raise an exception."},
    {nullptr}};

}  // namespace

extern const ModuleDef warnings_native_module = {"_warnings", "_warnings provides basic warning filtering support.",
                                                 warnings_methods, nullptr};

}  // namespace spindle
