// The _imp module: the native half of importlib. Spindle's own import system
// (src/vm/import.cpp) handles import statements; _imp lets CPython's
// importlib package (used by runpy, pkgutil, importlib.import_module) create
// Spindle's native modules and share the global import lock. Spindle has no
// frozen modules and cannot load C extension modules.
#include <atomic>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

// The global import lock of importlib (_imp.acquire_lock): recursive per thread.
Mutex import_mutex;
std::atomic<ThreadState*> import_lock_owner{nullptr};
int import_lock_depth = 0;  // only touched by the owner

Value imp_lock_held(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("lock_held", nargs, kwnames)) return Value();
  return Bool(import_lock_owner.load(std::memory_order_acquire) != nullptr);
}

Value imp_acquire_lock(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("acquire_lock", nargs, kwnames)) return Value();
  if (import_lock_owner.load(std::memory_order_acquire) != ts()) {
    auto holder = [](const void*) { return import_lock_owner.load(std::memory_order_acquire); };
    if (!acquire_runtime_lock(import_mutex, holder, nullptr)) return Value();
    import_lock_owner.store(ts(), std::memory_order_release);
  }
  import_lock_depth++;
  return None();
}

Value imp_release_lock(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("release_lock", nargs, kwnames)) return Value();
  if (import_lock_owner.load(std::memory_order_acquire) != ts())
    return raise(&exc::RuntimeError, "not holding the import lock");
  if (--import_lock_depth == 0) {
    import_lock_owner.store(nullptr, std::memory_order_release);
    release_runtime_lock(import_mutex);
  }
  return None();
}

bool str_arg(const char* fname, Value v, Str** out) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s() argument must be str, not %T", fname, v);
    return false;
  }
  *out = v.as<Str>();
  return true;
}

// sys and builtins exist from the start and cannot be created again.
bool is_core_module(Str* name) { return str_equals_ascii(name, "sys") || str_equals_ascii(name, "builtins"); }

Value imp_is_builtin(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* name;
  if (!check_no_kwargs("is_builtin", kwnames) || !check_positional("is_builtin", nargs, 1, 1) ||
      !str_arg("is_builtin", args[0], &name))
    return Value();
  if (is_core_module(name)) return Value::from_small_int(-1);
  return Value::from_small_int(find_native_module(name) ? 1 : 0);
}

Value imp_create_builtin(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("create_builtin", kwnames) || !check_positional("create_builtin", nargs, 1, 1)) return Value();
  Value name = get_attr(args[0], names::name);
  if (!name) return Value();
  if (!is_str(name)) return raise(&exc::TypeError, "name must be string, not %T", name);
  if (is_core_module(name.as<Str>())) {
    if (Value existing = dict_get(sys_modules().as<Dict>(), name)) return existing;
  }
  const ModuleDef* def = find_native_module(name.as<Str>());
  if (!def) return None();
  Module* m = module_from_def(def);
  if (def->init && !def->init(m)) return Value();
  return Value(m);
}

Value imp_exec_builtin(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exec_builtin", kwnames) || !check_positional("exec_builtin", nargs, 1, 1)) return Value();
  return Value::from_small_int(0);  // native modules are fully initialised by create_builtin
}

Value imp_is_frozen(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* name;
  if (!check_no_kwargs("is_frozen", kwnames) || !check_positional("is_frozen", nargs, 1, 1) ||
      !str_arg("is_frozen", args[0], &name))
    return Value();
  return False();
}

Value no_frozen_object(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* name;
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 2) || !str_arg(fname, args[0], &name))
    return Value();
  Value r = raise(&exc::ImportError, "No such frozen object named %R", Value(name));
  import_error_set_name(name, Value());
  return r;
}

Value imp_is_frozen_package(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return no_frozen_object("is_frozen_package", args, nargs, kwnames);
}

Value imp_get_frozen_object(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return no_frozen_object("get_frozen_object", args, nargs, kwnames);
}

Value imp_find_frozen(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[2];
  if (!parse_args({"find_frozen", {"", "withdata"}, 1, 1, 1}, args, nargs, kwnames, out)) return Value();
  Str* name;
  if (!str_arg("find_frozen", out[0], &name)) return Value();
  return None();
}

Value imp_init_frozen(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* name;
  if (!check_no_kwargs("init_frozen", kwnames) || !check_positional("init_frozen", nargs, 1, 1) ||
      !str_arg("init_frozen", args[0], &name))
    return Value();
  return None();
}

Value imp_frozen_module_names(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_frozen_module_names", nargs, kwnames)) return Value();
  return Value(tuple_new(0));
}

Value imp_extension_suffixes(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("extension_suffixes", nargs, kwnames)) return Value();
  return Value(list_new());  // no C extension modules can be loaded
}

Value imp_create_dynamic(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("create_dynamic", kwnames) || !check_positional("create_dynamic", nargs, 1, 2)) return Value();
  Value name = get_attr(args[0], names::name);
  if (!name) return Value();
  return raise(&exc::ImportError, "Spindle cannot load C extension modules (%R)", name);
}

Value imp_exec_dynamic(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exec_dynamic", kwnames) || !check_positional("exec_dynamic", nargs, 1, 1)) return Value();
  return Value::from_small_int(0);
}

// Code objects are compiled with the path they were found at, so there is
// never a stale file name to fix.
Value imp_fix_co_filename(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_fix_co_filename", kwnames) || !check_positional("_fix_co_filename", nargs, 2, 2))
    return Value();
  return None();
}

// test.support toggles whether frozen stdlib modules are used; Spindle
// freezes none, so either setting imports the same modules from source.
Value imp_override_frozen_modules_for_tests(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_override_frozen_modules_for_tests", kwnames) ||
      !check_positional("_override_frozen_modules_for_tests", nargs, 1, 1))
    return Value();
  int64_t override_setting;
  if (!ssize_arg(args[0], &override_setting)) return Value();
  return None();
}

const MethodDef imp_methods[] = {
    {"lock_held", imp_lock_held, kMethodStatic, "Return True if the import lock is currently held, else False."},
    {"acquire_lock", imp_acquire_lock, kMethodStatic, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", imp_release_lock, kMethodStatic, "Release the interpreter's import lock."},
    {"is_builtin", imp_is_builtin, kMethodStatic, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, kMethodStatic, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, kMethodStatic, "Initialize a built-in module."},
    {"is_frozen", imp_is_frozen, kMethodStatic, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, kMethodStatic, "Returns True if the module name is of a frozen package."},
    {"get_frozen_object", imp_get_frozen_object, kMethodStatic, "Create a code object for a frozen module."},
    {"find_frozen", imp_find_frozen, kMethodStatic, "Return info about the corresponding frozen module (if there is one) or None."},
    {"init_frozen", imp_init_frozen, kMethodStatic, "Initializes a frozen module."},
    {"_frozen_module_names", imp_frozen_module_names, kMethodStatic, "Returns the list of available frozen modules."},
    {"extension_suffixes", imp_extension_suffixes, kMethodStatic, "Returns the list of file suffixes used to identify extension modules."},
    {"create_dynamic", imp_create_dynamic, kMethodStatic, "Create an extension module."},
    {"exec_dynamic", imp_exec_dynamic, kMethodStatic, "Initialize an extension module."},
    {"_override_frozen_modules_for_tests", imp_override_frozen_modules_for_tests, kMethodStatic,
     "(internal-only) Override PyConfig.use_frozen_modules."},
    {"_fix_co_filename", imp_fix_co_filename, kMethodStatic, "Changes code.co_filename to specify the passed-in file path."},
    {nullptr}};

bool imp_init(Module* m) {
  return module_add(m, "check_hash_based_pycs", Value(intern_cstr("default"))) == 0;
}

}  // namespace

extern const ModuleDef imp_module = {"_imp", "(Extremely) low-level import machinery bits as used by importlib.",
                                     imp_methods, imp_init};

}  // namespace spindle
