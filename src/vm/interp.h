// The interpreter's interface to the rest of the runtime: running code,
// calling Python functions, frames as Python objects, imports.
#pragma once
#include "objects/object.h"

namespace spindle {

struct Code;
struct Dict;
struct Frame;
struct Function;
struct Tuple;
struct Str;

// Calls a Python function (binding arguments, pushing a frame).
Value call_function(Function* f, const Value* args, size_t nargs, Tuple* kwnames);

// Runs a module-level or exec'd code object with the given globals and locals
// mapping (locals may be null: then globals serves as locals).
Value eval_code(Code* code, Dict* globals, Value locals);
// Runs a class body: like eval_code, with the closure cells of the class function.
Value eval_class_body(Function* body, Value ns);

// The builtins dict that frames with these globals see.
Dict* builtins_for(Dict* globals);
extern Dict* builtins_dict;

// The Python-visible frame object for a live frame (created on demand).
Value frame_object(Frame* f);
Frame* current_frame();
// sys._getframe(depth) semantics; null with ValueError if too deep.
Value get_frame_object(int depth);

// Pending-event checks done at safe points (loop back-edges, calls): runs
// signal handlers, finalizers and asynchronous exceptions. Returns false when
// one of them raised.
bool handle_pending();

// Runs the atexit callbacks (last registered first).
void run_atexit_handlers();

// ---- imports (vm/import.cpp) ----
// import `name` (absolute, possibly dotted) and return the named module itself.
Value import_module(Str* name);
Value import_module_cstr(const char* name);
// __import__(name, globals, locals, fromlist, level)
Value import_name(Str* name, Dict* globals, Value fromlist, int64_t level);
// sys.modules, and sys attributes by name (null without exception if unset).
Value sys_modules();
Value sys_get(const char* name);
// sys.set_asyncgen_hooks values: "firstiter" or "finalizer" (null if unset).
Value asyncgen_hook(const char* which);
// A builtin by name (null if missing).
Value import_builtin(const char* name);
// Whether __import__ in builtins is still the original one.
bool is_builtin_import(Value f);
// The module is still executing its body (module.__spec__._initializing).
bool module_is_initializing(Value module);
// Reports AttributeError on a module, mentioning partial initialisation.
Value module_attribute_error(Value module, Str* name);

}  // namespace spindle
