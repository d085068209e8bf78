// The _md5 module: hashlib's fallback when _hashlib is missing or blocked.
// Its md5 objects are the shared EVP hash objects of hash_support.h.
#include "modules/hash_support.h"
#include "objects/module.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type md5_type;

Value md5_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&md5_type, "md5", args, nargs, kwnames);
}

const MethodDef md5_functions[] = {
    {"md5", md5_function, kMethodStatic, "Return a new MD5 hash object; optionally initialized with a string."},
    {nullptr}};

bool md5_module_init(Module* m) {
  evp_hash_type_init(&md5_type, "_md5.md5", 0);
  type_ready(&md5_type);
  return module_add(m, "MD5Type", Value(&md5_type)) >= 0;
}

}  // namespace

extern const ModuleDef md5_module;
const ModuleDef md5_module = {"_md5", nullptr, md5_functions, md5_module_init};

}  // namespace spindle
