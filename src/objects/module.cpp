// Module objects and the registry of native modules.
#include "objects/module.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

Type module_type;

Module* module_new(Str* name, Value doc) {
  Module* m = alloc_instance<Module>(&module_type);
  m->dict = dict_new();
  dict_set_str(m->dict, names::__name__, Value(name));
  dict_set_str(m->dict, names::__doc__, doc ? doc : None());
  dict_set_str(m->dict, names::__package__, None());
  dict_set_str(m->dict, names::__loader__, None());
  dict_set_str(m->dict, names::__spec__, None());
  return m;
}

Module* module_from_def(const ModuleDef* def) {
  Value doc = def->doc ? Value(str_from_utf8(def->doc, std::strlen(def->doc))) : None();
  Module* m = module_new(intern_cstr(def->name), doc);
  m->def = def;
  for (const MethodDef* md = def->methods; md && md->name; md++) {
    Value f = builtin_function_new(md, Value(m), Value(intern_cstr(def->name)));
    dict_set_str(m->dict, intern_cstr(md->name), f);
  }
  return m;
}

int module_add(Module* m, const char* name, Value v) { return dict_set_str(m->dict, intern_cstr(name), v); }

Value module_name(Module* m) {
  Value n = dict_get_str(m->dict, names::__name__);
  return n ? n : Value(intern_cstr("?"));
}

namespace {

Mutex registry_lock;
std::vector<const ModuleDef*>& registry() {
  static std::vector<const ModuleDef*> defs;
  return defs;
}

Value module_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Module* m = alloc_instance<Module>(type);
  m->dict = dict_new();
  return Value(m);
}

int module_init_py(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"module", {"name", "doc"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  if (!is_str(a[0])) {
    raise(&exc::TypeError, "module.__init__() argument 'name' must be str, not %s", type_name(a[0]));
    return -1;
  }
  Module* m = self.as<Module>();
  dict_set_str(m->dict, names::__name__, a[0]);
  dict_set_str(m->dict, names::__doc__, a[1] ? a[1] : None());
  dict_set_str(m->dict, names::__package__, None());
  dict_set_str(m->dict, names::__loader__, None());
  dict_set_str(m->dict, names::__spec__, None());
  return 0;
}

Value module_repr(Value self) {
  Module* m = self.as<Module>();
  Value name = dict_get_str(m->dict, names::__name__);
  Value file = dict_get_str(m->dict, names::__file__);
  Value nm = name && is_str(name) ? name : Value(intern_cstr("?"));
  if (file && is_str(file)) return Value(format_message("<module %R from %R>", nm, file));
  Value spec = dict_get_str(m->dict, names::__spec__);
  if (spec && !is_none(spec)) {
    Value origin = lookup_attr(spec, intern_cstr("origin"));
    clear_error();
    if (origin && is_str(origin) && str_equals_ascii(origin.as<Str>(), "built-in"))
      return Value(format_message("<module %R (built-in)>", nm));
    if (origin && is_str(origin) && !str_equals_ascii(origin.as<Str>(), "namespace"))
      return Value(format_message("<module %R from %R>", nm, origin));
    if (origin && is_str(origin)) return Value(format_message("<module %R (namespace)>", nm));
  }
  if (m->def) return Value(format_message("<module %R (built-in)>", nm));
  return Value(format_message("<module %R>", nm));
}

// Attribute lookup: the dict, then a module-level __getattr__ (PEP 562).
Value module_getattr(Value self, Str* name) {
  Value v = generic_getattr(self, name);
  if (v || error_occurred()) return v;
  Module* m = self.as<Module>();
  if (Value hook = dict_get_str(m->dict, names::__getattr__)) return call1(hook, Value(name));
  return Value();
}

Value module_dir(Value self, const Value*, size_t, Tuple*) {
  Module* m = self.as<Module>();
  if (Value hook = dict_get_str(m->dict, names::__dir__)) return call0(hook);
  List* l = list_new();
  int64_t pos = 0;
  Value k;
  while (dict_next(m->dict, &pos, &k, nullptr)) list_append(l, k);
  return Value(l);
}

Value module_get_dict(Value self) { return Value(self.as<Module>()->dict); }
Value module_get_annotations(Value self) {
  Module* m = self.as<Module>();
  Value a = dict_get_str(m->dict, names::__annotations__);
  if (a) return a;
  Dict* d = dict_new();
  dict_set_str(m->dict, names::__annotations__, Value(d));
  return Value(d);
}
int module_set_annotations(Value self, Value v) {
  Module* m = self.as<Module>();
  if (!v) return dict_del(m->dict, Value(names::__annotations__));
  return dict_set_str(m->dict, names::__annotations__, v);
}

const GetSetDef module_getsets[] = {{"__dict__", module_get_dict, nullptr, nullptr},
                                    {"__annotations__", module_get_annotations, module_set_annotations, nullptr},
                                    {nullptr}};
const MethodDef module_methods[] = {{"__dir__", module_dir, kMethodInstance, "__dir__() -> list\nspecialized dir() implementation"},
                                    {nullptr}};

}  // namespace

void register_native_module(const ModuleDef* def) {
  LockGuard guard(registry_lock);
  registry().push_back(def);
}

const ModuleDef* find_native_module(Str* name) {
  LockGuard guard(registry_lock);
  for (const ModuleDef* d : registry())
    if (str_equals_ascii(name, d->name)) return d;
  return nullptr;
}

Value native_module_names() {
  std::vector<std::string> names = {"builtins", "sys"};  // created by the runtime, not the registry
  {
    LockGuard guard(registry_lock);
    for (const ModuleDef* def : registry()) names.push_back(def->name);
  }
  std::sort(names.begin(), names.end());
  Tuple* t = tuple_new(int64_t(names.size()));
  for (size_t i = 0; i < names.size(); i++) t->items[i] = Value(intern_cstr(names[i].c_str()));
  return Value(t);
}

Value module_attribute_error(Value module, Str* name) {
  Module* m = module.as<Module>();
  Value mod_name = dict_get_str(m->dict, names::__name__);
  if (mod_name && is_str(mod_name)) {
    if (module_is_initializing(module))
      return raise(&exc::AttributeError,
                   "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                   mod_name.as<Str>(), name);
    return raise(&exc::AttributeError, "module '%U' has no attribute '%U'", mod_name.as<Str>(), name);
  }
  return raise(&exc::AttributeError, "module has no attribute '%U'", name);
}

void init_module_type() {
  module_type.native_name = "module";
  module_type.instance_size = sizeof(Module);
  module_type.dict_offset = int32_t(offsetof(Module, dict));
  module_type.flags = kTypeBaseType;
  module_type.new_ = module_new_py;
  module_type.init = module_init_py;
  module_type.repr = module_repr;
  module_type.getattr = module_getattr;
  module_type.getsets = module_getsets;
  module_type.methods = module_methods;
  module_type.doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
}

}  // namespace spindle
