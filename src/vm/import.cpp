// The import system: finds modules on sys.path (packages, submodules,
// namespace packages, relative imports), native modules from the registry,
// and runs module code once, with sys.modules as the source of truth.
//
// Concurrent first imports of one module are serialised by a per-name lock:
// the first thread executes the module, the others wait and then see it in
// sys.modules. A thread re-entering an import it is already running (a
// circular import) gets the partially initialised module, as in CPython.
#include <vector>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "compiler/compiler.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/code.h"
#include "vm/code_cache.h"
#include "vm/interp.h"
#include "vm/world.h"
#include "vm/thread_state.h"

namespace spindle {

Type module_spec_type, source_loader_type, builtin_importer_type;

namespace {

// ---- ModuleSpec and the loaders (what importlib's code inspects) ----

struct ModuleSpecObject : Object {
  Dict* dict;
};

struct LoaderObject : Object {
  Dict* dict;  // name, path
};

Value spec_new(Value name, Value loader, Value origin, Value search_locations, bool has_location) {
  auto* s = alloc_instance<ModuleSpecObject>(&module_spec_type);
  s->dict = dict_new();
  dict_set_str(s->dict, names::name, name);
  dict_set_str(s->dict, names::__loader__, None());
  dict_set_str(s->dict, intern_cstr("loader"), loader);
  dict_set_str(s->dict, intern_cstr("origin"), origin);
  dict_set_str(s->dict, intern_cstr("loader_state"), None());
  dict_set_str(s->dict, intern_cstr("submodule_search_locations"), search_locations);
  dict_set_str(s->dict, intern_cstr("cached"), None());
  dict_set_str(s->dict, intern_cstr("has_location"), Bool(has_location));
  dict_set_str(s->dict, intern_cstr("_initializing"), False());
  dict_set_str(s->dict, intern_cstr("_set_fileattr"), Bool(has_location));
  dict_set_str(s->dict, intern_cstr("_uninitialized_submodules"), Value(list_new()));  // importlib's bookkeeping
  return Value(s);
}

Value spec_get_parent(Value self) {
  Dict* d = self.as<ModuleSpecObject>()->dict;
  Value name = dict_get_str(d, names::name);
  Value locs = dict_get_str(d, intern_cstr("submodule_search_locations"));
  if (!name || !is_str(name)) return None();
  if (locs && !is_none(locs)) return name;
  Str* n = name.as<Str>();
  int64_t dot = -1;
  for (int64_t i = 0; i < n->length; i++)
    if (n->at(i) == '.') dot = i;
  return dot < 0 ? Value(str_empty()) : Value(str_substr(n, 0, dot));
}

const GetSetDef spec_getsets[] = {{"parent", spec_get_parent, nullptr, nullptr}, {nullptr}};

Value spec_repr(Value self) {
  Dict* d = self.as<ModuleSpecObject>()->dict;
  Value name = dict_get_str(d, names::name);
  Value loader = dict_get_str(d, intern_cstr("loader"));
  Value origin = dict_get_str(d, intern_cstr("origin"));
  Value locs = dict_get_str(d, intern_cstr("submodule_search_locations"));
  StrBuilder b;
  Value r = repr(name);
  Value lr = repr(loader);
  if (!r || !lr) return Value();
  b.append_ascii("ModuleSpec(name=");
  b.append(r.as<Str>());
  b.append_ascii(", loader=");
  b.append(lr.as<Str>());
  if (origin && !is_none(origin)) {
    Value orr = repr(origin);
    if (!orr) return Value();
    b.append_ascii(", origin=");
    b.append(orr.as<Str>());
  }
  if (locs && !is_none(locs)) {
    Value sr = repr(locs);
    if (!sr) return Value();
    b.append_ascii(", submodule_search_locations=");
    b.append(sr.as<Str>());
  }
  b.append(')');
  return Value(b.finish());
}

Value loader_attr(Value self, const char* name) {
  Value v = dict_get_str(self.as<LoaderObject>()->dict, intern_cstr(name));
  return v ? v : None();
}

Value loader_get_source(Value self, const Value* args, size_t nargs, Tuple*) {
  Value path = loader_attr(self, "path");
  if (!is_str(path)) return None();
  std::string src;
  if (!read_file_bytes(str_to_utf8(path.as<Str>()), &src)) return raise_os_error(errno, path);
  return decode_object(Value(bytes_new(src.data(), src.size())), Value(intern_cstr("utf-8")), Value(intern_cstr("replace")));
}

Value loader_get_filename(Value self, const Value*, size_t, Tuple*) { return loader_attr(self, "path"); }

Value loader_get_data(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("get_data", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "path must be str");
  std::string data;
  if (!read_file_bytes(str_to_utf8(args[0].as<Str>()), &data)) return raise_os_error(errno, args[0]);
  return Value(bytes_new(data.data(), data.size()));
}

Value loader_is_package(Value self, const Value*, size_t, Tuple*) {
  Value path = loader_attr(self, "path");
  if (!is_str(path)) return False();
  std::string p = str_to_utf8(path.as<Str>());
  return Bool(p.size() >= 12 && p.compare(p.size() - 12, 12, "/__init__.py") == 0);
}

Value loader_repr(Value self) {
  Value name = loader_attr(self, "name"), path = loader_attr(self, "path");
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  (void)name;
  (void)path;
  return Value(format_message("<_frozen_importlib_external.SourceFileLoader object at %s>", addr));
}

const MethodDef loader_methods[] = {{"get_source", loader_get_source, kMethodInstance, nullptr},
                                    {"get_filename", loader_get_filename, kMethodInstance, nullptr},
                                    {"get_data", loader_get_data, kMethodInstance, nullptr},
                                    {"is_package", loader_is_package, kMethodInstance, nullptr},
                                    {nullptr}};

Value loader_new(Str* name, Str* path) {
  auto* l = alloc_instance<LoaderObject>(&source_loader_type);
  l->dict = dict_new();
  dict_set_str(l->dict, names::name, Value(name));
  dict_set_str(l->dict, intern_cstr("path"), Value(path));
  return Value(l);
}

Value builtin_importer() {
  static Value importer;
  if (!importer) importer = Value(alloc_object(&builtin_importer_type, sizeof(Object)));
  return importer;
}

Value builtin_importer_repr(Value) { return Value(intern_cstr("<class '_frozen_importlib.BuiltinImporter'>")); }

// ---- per-name import locks ----

struct ImportLock {
  Mutex mutex;
  std::atomic<ThreadState*> owner{nullptr};
};

Mutex import_table_lock;
Dict* import_locks;  // name -> small int index into lock_storage
std::vector<ImportLock*>& lock_storage() {
  static std::vector<ImportLock*> v;
  return v;
}

ImportLock* lock_for(Str* name) {
  LockGuard guard(import_table_lock);
  if (!import_locks) import_locks = dict_new();
  Value idx = dict_get_str(import_locks, name);
  if (idx) return lock_storage()[size_t(idx.as_small_int())];
  auto* l = new ImportLock();
  lock_storage().push_back(l);
  dict_set_str(import_locks, intern(name), Value::from_small_int(int64_t(lock_storage().size() - 1)));
  return l;
}

enum class ImportLockResult { kAcquired, kAlreadyHeld, kError };

// Acquires the import lock of `name`. kAlreadyHeld: this thread holds it (a
// circular import: the caller uses the partial module).
ImportLockResult acquire_import_lock(ImportLock* l) {
  ThreadState* me = ts();
  if (l->owner.load(std::memory_order_acquire) == me) return ImportLockResult::kAlreadyHeld;
  auto holder = [](const void* p) { return static_cast<const ImportLock*>(p)->owner.load(std::memory_order_acquire); };
  if (!acquire_runtime_lock(l->mutex, holder, l)) return ImportLockResult::kError;
  l->owner.store(me, std::memory_order_release);
  return ImportLockResult::kAcquired;
}

void release_import_lock(ImportLock* l) {
  l->owner.store(nullptr, std::memory_order_release);
  release_runtime_lock(l->mutex);
}

// ---- finding ----

bool is_file(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

struct Found {
  enum Kind { None, Source, Package, Namespace } kind = None;
  std::string path;               // file to execute
  std::vector<std::string> dirs;  // package search locations
};

Found find_on_path(Str* last, Value path_list) {
  Found found;
  std::string leaf = str_to_utf8(last);
  Value it = get_iter(path_list);
  if (!it) {
    clear_error();
    return found;
  }
  std::vector<std::string> namespace_dirs;
  while (Value entry = iter_next(it)) {
    if (!is_str(entry)) continue;
    std::string dir = str_to_utf8(entry.as<Str>());
    if (dir.empty()) dir = ".";
    std::string base = dir + "/" + leaf;
    if (is_dir(base)) {
      if (is_file(base + "/__init__.py")) {
        found.kind = Found::Package;
        found.path = base + "/__init__.py";
        found.dirs = {base};
        return found;
      }
    }
    if (is_file(base + ".py")) {
      found.kind = Found::Source;
      found.path = base + ".py";
      return found;
    }
    if (is_dir(base)) namespace_dirs.push_back(base);
  }
  clear_error();
  if (!namespace_dirs.empty()) {
    found.kind = Found::Namespace;
    found.dirs = namespace_dirs;
  }
  return found;
}

Value modules_dict() { return sys_modules(); }

Value module_not_found(Str* name) {
  raise(&exc::ModuleNotFoundError, "No module named %R", Value(name));
  import_error_set_name(name, Value());
  return Value();
}

void set_initializing(Value spec, bool on) {
  if (spec && is_type(spec, &module_spec_type))
    dict_set_str(spec.as<ModuleSpecObject>()->dict, intern_cstr("_initializing"), Bool(on));
}

Value exec_source_module(Str* fullname, const std::string& path, bool is_package, const std::vector<std::string>& dirs) {
  Value pathv(str_from_utf8_surrogateescape(path.data(), path.size()));
  Code* code = load_module_code(path, pathv, 0);
  if (!code) return Value();
  Module* m = module_new(fullname);
  Value loader = loader_new(fullname, pathv.as<Str>());
  Value search = None();
  if (is_package) {
    List* l = list_new();
    for (const std::string& d : dirs) list_append(l, Value(str_from_utf8_surrogateescape(d.data(), d.size())));
    search = Value(l);
    dict_set_str(m->dict, names::__path__, search);
  }
  Value spec = spec_new(Value(fullname), loader, pathv, search, true);
  dict_set_str(m->dict, names::__file__, pathv);
  dict_set_str(m->dict, names::__loader__, loader);
  dict_set_str(m->dict, names::__spec__, spec);
  dict_set_str(m->dict, names::__cached__, None());
  dict_set_str(m->dict, names::__builtins__, Value(builtins_dict));
  Value parent = spec_get_parent(spec);
  dict_set_str(m->dict, names::__package__, parent);
  Dict* modules = modules_dict().as<Dict>();
  if (dict_set(modules, Value(fullname), Value(m)) < 0) return Value();
  set_initializing(spec, true);
  Value r = eval_code(code, m->dict, Value());
  set_initializing(spec, false);
  if (!r) {
    Value e = fetch_error();
    dict_pop(modules, Value(fullname));
    restore_error(e);
    return Value();
  }
  // The module may have replaced itself in sys.modules.
  Value final = dict_get(modules, Value(fullname));
  if (!final) return raise(&exc::ImportError, "Loaded module %U not found in sys.modules", fullname);
  return final;
}

Value exec_native_module(Str* fullname, const ModuleDef* def) {
  Module* m = module_from_def(def);
  Value spec = spec_new(Value(fullname), builtin_importer(), Value(intern_cstr("built-in")), None(), false);
  dict_set_str(m->dict, names::__spec__, spec);
  dict_set_str(m->dict, names::__loader__, builtin_importer());
  dict_set_str(m->dict, names::__package__, Value(str_empty()));
  Dict* modules = modules_dict().as<Dict>();
  if (dict_set(modules, Value(fullname), Value(m)) < 0) return Value();
  if (def->init && !def->init(m)) {
    Value e = fetch_error();
    dict_pop(modules, Value(fullname));
    restore_error(e);
    return Value();
  }
  return Value(m);
}

Str* parent_name(Str* name, int64_t* dot) {
  *dot = -1;
  for (int64_t i = 0; i < name->length; i++)
    if (name->at(i) == '.') *dot = i;
  return *dot < 0 ? nullptr : intern(str_substr(name, 0, *dot));
}

Value find_and_load(Str* fullname);

// importlib's SourceFileLoader.get_code with the code cache (what
// _cached_code gives). Subclasses, which may override get_data or
// source_to_code, keep importlib's own get_code.
constexpr char kCachedGetCode[] =
    "def get_code(self, fullname):\n"
    "    if type(self) is SourceFileLoader:\n"
    "        return _cached_code(self.get_filename(fullname))\n"
    "    return _source_loader_get_code(self, fullname)\n";

Value cached_code(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_cached_code", kwnames) || !check_positional("_cached_code", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "expected str, not %T", args[0]);
  Code* code = load_module_code(str_to_utf8_surrogateescape(args[0].as<Str>()), args[0], 0);
  return code ? Value(code) : Value();
}

const MethodDef cached_code_def = {"_cached_code", cached_code, kMethodStatic, nullptr};

bool install_cached_get_code(Value external) {
  Value loader = get_attr_cstr(external, "SourceFileLoader");
  Value original = loader ? get_attr_cstr(loader, "get_code") : Value();
  if (!original) return false;
  Dict* globals = dict_new();
  dict_set_str(globals, names::__name__, Value(intern_cstr("importlib._bootstrap_external")));
  dict_set_str(globals, names::__builtins__, Value(builtins_dict));
  dict_set_str(globals, intern_cstr("SourceFileLoader"), loader);
  dict_set_str(globals, intern_cstr("_source_loader_get_code"), original);
  dict_set_str(globals, intern_cstr("_cached_code"), builtin_function_new(&cached_code_def, Value()));
  Code* code = compile_source(kCachedGetCode, sizeof kCachedGetCode - 1,
                              Value(intern_cstr("<frozen importlib._bootstrap_external>")), parser::Mode::Exec);
  if (!code || !eval_code(code, globals, Value())) return false;
  return set_attr(loader, intern_cstr("get_code"), dict_get_str(globals, intern_cstr("get_code"))) == 0;
}

// Import statements are served natively, but code that imports through
// importlib (runpy for -m, pkgutil, importlib.import_module) walks
// sys.meta_path. CPython's startup installs importlib's finders there; Spindle
// does it when importlib is first imported, so programs that never use it do
// not pay for loading it. Its path finder writes no bytecode files (with
// sys.implementation.cache_tag None); its source loader uses the code cache.
bool install_importlib_finders(Value importlib) {
  Value bootstrap = get_attr_cstr(importlib, "_bootstrap");
  Value external = bootstrap ? get_attr_cstr(importlib, "_bootstrap_external") : Value();
  Value meta_path = external ? sys_get("meta_path") : Value();
  Value path_finder = meta_path ? get_attr_cstr(external, "PathFinder") : Value();
  if (!path_finder) return false;
  int present = contains(meta_path, path_finder);
  if (present) return present > 0;  // installed already (importlib reloaded)
  for (const char* finder : {"BuiltinImporter", "FrozenImporter"}) {
    Value f = get_attr_cstr(bootstrap, finder);
    if (!f) return false;
    list_append(meta_path.as<List>(), f);
  }
  return call_method1(external, intern_cstr("_install"), bootstrap) && install_cached_get_code(external);
}

// Imports `fullname` (whose parent, if any, is already imported).
Value load_unlocked(Str* fullname) {
  Dict* modules = modules_dict().as<Dict>();
  int64_t dot;
  Str* parent = parent_name(fullname, &dot);
  Value path_list;
  Value parent_module;
  if (parent) {
    parent_module = dict_get(modules, Value(parent));
    if (!parent_module) {
      parent_module = find_and_load(parent);
      if (!parent_module) return Value();
      // Importing the parent may have imported us.
      if (Value m = dict_get(modules, Value(fullname))) return m;
    }
    path_list = lookup_attr(parent_module, names::__path__);
    if (!path_list) {
      if (error_occurred()) return Value();
      raise(&exc::ModuleNotFoundError, "No module named %R; %R is not a package", Value(fullname), Value(parent));
      import_error_set_name(fullname, Value());
      return Value();
    }
  } else {
    if (const ModuleDef* def = find_native_module(fullname)) return exec_native_module(fullname, def);
    path_list = sys_get("path");
    if (!path_list) return raise(&exc::ImportError, "sys.path must be a list of directory names");
  }
  Str* leaf = parent ? intern(str_substr(fullname, dot + 1, fullname->length)) : fullname;
  Found f = find_on_path(leaf, path_list);
  Value m;
  switch (f.kind) {
    case Found::None:
      return module_not_found(fullname);
    case Found::Source:
      m = exec_source_module(fullname, f.path, false, {});
      break;
    case Found::Package:
      m = exec_source_module(fullname, f.path, true, f.dirs);
      break;
    case Found::Namespace: {
      Module* ns = module_new(fullname);
      List* l = list_new();
      for (const std::string& d : f.dirs) list_append(l, Value(str_from_utf8_surrogateescape(d.data(), d.size())));
      dict_set_str(ns->dict, names::__path__, Value(l));
      dict_set_str(ns->dict, names::__file__, None());
      dict_set_str(ns->dict, names::__spec__, spec_new(Value(fullname), None(), None(), Value(l), false));
      dict_set_str(ns->dict, names::__package__, Value(fullname));
      dict_set(modules, Value(fullname), Value(ns));
      m = Value(ns);
      break;
    }
  }
  if (!m) return Value();
  if (parent_module) {
    if (set_attr(parent_module, leaf, m) < 0) return Value();
  }
  if (str_equals_ascii(fullname, "importlib") && !install_importlib_finders(m)) return Value();
  return m;
}

Value find_and_load(Str* fullname) {
  Dict* modules = modules_dict().as<Dict>();
  if (Value m = dict_get(modules, Value(fullname))) {
    if (!is_none(m)) return m;
    return raise(&exc::ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
  }
  ImportLock* lock = lock_for(fullname);
  ImportLockResult locked = acquire_import_lock(lock);
  if (locked == ImportLockResult::kError) return Value();
  Value m = dict_get(modules, Value(fullname));
  // Not acquired: this thread is importing it already, and it is not in
  // sys.modules yet, so the outer import is still loading its parent package,
  // whose code imports it (`from . import sub` in __init__.py). As with
  // CPython's re-entrant module locks, load it here; the outer import then
  // finds it in sys.modules.
  if (!m) m = load_unlocked(fullname);
  if (locked == ImportLockResult::kAcquired) release_import_lock(lock);
  return m;
}

// The package a relative import is relative to.
Str* resolve_package(Dict* globals, int64_t level) {
  Value package = globals ? dict_get_str(globals, names::__package__) : Value();
  Value spec = globals ? dict_get_str(globals, names::__spec__) : Value();
  if (package && !is_none(package)) {
    if (!is_str(package)) {
      raise(&exc::TypeError, "package must be a string");
      return nullptr;
    }
    return package.as<Str>();
  }
  if (spec && !is_none(spec)) {
    Value parent = lookup_attr(spec, intern_cstr("parent"));
    if (parent && is_str(parent)) return parent.as<Str>();
    clear_error();
  }
  Value name = globals ? dict_get_str(globals, names::__name__) : Value();
  if (!name || !is_str(name)) {
    raise(&exc::KeyError, "'__name__' not in globals");
    return nullptr;
  }
  if (dict_get_str(globals, names::__path__)) return name.as<Str>();
  int64_t dot;
  Str* parent = parent_name(name.as<Str>(), &dot);
  return parent ? parent : str_empty();
}

Str* resolve_name(Str* name, Dict* globals, int64_t level) {
  Str* package = resolve_package(globals, level);
  if (!package) return nullptr;
  if (package->length == 0) {
    raise(&exc::ImportError, "attempted relative import with no known parent package");
    return nullptr;
  }
  // Strip level-1 components from the package.
  Str* base = package;
  for (int64_t i = 1; i < level; i++) {
    int64_t dot;
    Str* p = parent_name(base, &dot);
    if (!p) {
      raise(&exc::ImportError, "attempted relative import beyond top-level package");
      return nullptr;
    }
    base = p;
  }
  if (name->length == 0) return intern(base);
  StrBuilder b;
  b.append(base);
  b.append('.');
  b.append(name);
  return intern(b.finish());
}

}  // namespace

bool module_is_initializing(Value module) {
  Value spec = lookup_attr(module, names::__spec__);
  if (!spec) {
    clear_error();
    return false;
  }
  Value init = lookup_attr(spec, intern_cstr("_initializing"));
  if (!init) {
    clear_error();
    return false;
  }
  return truthy(init) == 1;
}

Value import_module(Str* name) {
  name = intern(name);
  return find_and_load(name);
}

Value import_module_cstr(const char* name) { return import_module(intern_cstr(name)); }

Value import_name(Str* name, Dict* globals, Value fromlist, int64_t level) {
  if (level < 0) return raise(&exc::ValueError, "level must be >= 0");
  Str* fullname = name;
  if (level > 0) {
    fullname = resolve_name(name, globals, level);
    if (!fullname) return Value();
  } else if (name->length == 0) {
    return raise(&exc::ValueError, "Empty module name");
  }
  fullname = intern(fullname);
  Value module = find_and_load(fullname);
  if (!module) return Value();
  bool has_fromlist = fromlist && !is_none(fromlist) && truthy(fromlist) == 1;
  if (!has_fromlist) {
    // `import a.b.c` binds a.
    if (level == 0) {
      int64_t dot = -1;
      for (int64_t i = 0; i < name->length; i++)
        if (name->at(i) == '.') {
          dot = i;
          break;
        }
      if (dot < 0) return module;
      Str* top = intern(str_substr(name, 0, dot));
      Value m = dict_get(sys_modules().as<Dict>(), Value(top));
      return m ? m : find_and_load(top);
    }
    if (name->length == 0) return module;
    int64_t cut = fullname->length - name->length;
    int64_t dot = -1;
    for (int64_t i = 0; i < name->length; i++)
      if (name->at(i) == '.') {
        dot = i;
        break;
      }
    if (dot < 0) return module;
    Str* top = intern(str_substr(fullname, 0, cut + dot));
    Value m = dict_get(sys_modules().as<Dict>(), Value(top));
    return m ? m : find_and_load(top);
  }
  // from package import submodule: import names that are not attributes yet.
  Value path = lookup_attr(module, names::__path__);
  if (!path) {
    clear_error();
    return module;
  }
  Value it = get_iter(fromlist);
  if (!it) return Value();
  while (Value item = iter_next(it)) {
    if (!is_str(item)) {
      return raise(&exc::TypeError, "Item in %U.__all__ must be str, not %s", fullname, type_name(item));
    }
    Str* sub = item.as<Str>();
    if (str_equals_ascii(sub, "*")) {
      Value all = lookup_attr(module, names::__all__);
      if (!all) {
        clear_error();
        continue;
      }
      Value it2 = get_iter(all);
      if (!it2) return Value();
      while (Value a = iter_next(it2)) {
        if (!is_str(a)) continue;
        Value existing = lookup_attr(module, a.as<Str>());
        if (existing) continue;
        clear_error();
        StrBuilder b;
        b.append(fullname);
        b.append('.');
        b.append(a.as<Str>());
        Value m = find_and_load(intern(b.finish()));
        if (!m) {
          if (error_matches(&exc::ModuleNotFoundError)) clear_error();
          else return Value();
        }
      }
      continue;
    }
    Value existing = lookup_attr(module, sub);
    if (existing) continue;
    if (error_occurred()) return Value();
    StrBuilder b;
    b.append(fullname);
    b.append('.');
    b.append(sub);
    Str* subname = intern(b.finish());
    Value m = find_and_load(subname);
    if (!m) {
      // Only a missing submodule of that exact name is ignored (IMPORT_FROM reports it).
      Value e = fetch_error();
      if (is_instance_of(e, &exc::ModuleNotFoundError)) {
        Value n = lookup_attr(e, names::name);
        clear_error();
        if (n && is_str(n) && str_equal(n.as<Str>(), subname)) continue;
      }
      restore_error(e);
      return Value();
    }
  }
  if (error_occurred()) return Value();
  return module;
}

Value import_builtin(const char* name) { return dict_get_str(builtins_dict, intern_cstr(name)); }

void init_import_types() {
  module_spec_type.native_name = "ModuleSpec";
  module_spec_type.instance_size = sizeof(ModuleSpecObject);
  module_spec_type.dict_offset = int32_t(offsetof(ModuleSpecObject, dict));
  module_spec_type.getsets = spec_getsets;
  module_spec_type.repr = spec_repr;

  source_loader_type.native_name = "SourceFileLoader";
  source_loader_type.instance_size = sizeof(LoaderObject);
  source_loader_type.dict_offset = int32_t(offsetof(LoaderObject, dict));
  source_loader_type.methods = loader_methods;
  source_loader_type.repr = loader_repr;

  builtin_importer_type.native_name = "BuiltinImporter";
  builtin_importer_type.repr = builtin_importer_repr;
}

}  // namespace spindle
