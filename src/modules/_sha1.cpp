// The _sha1 module: hashlib's fallback when _hashlib is missing or blocked.
// Its sha1 objects are the shared EVP hash objects of hash_support.h.
#include "modules/hash_support.h"
#include "objects/module.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type sha1_type;

Value sha1_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&sha1_type, "sha1", args, nargs, kwnames);
}

const MethodDef sha1_functions[] = {
    {"sha1", sha1_function, kMethodStatic, "Return a new SHA1 hash object; optionally initialized with a string."},
    {nullptr}};

bool sha1_module_init(Module* m) {
  evp_hash_type_init(&sha1_type, "_sha1.sha1", 0);
  type_ready(&sha1_type);
  return module_add(m, "SHA1Type", Value(&sha1_type)) >= 0;
}

}  // namespace

extern const ModuleDef sha1_module;
const ModuleDef sha1_module = {"_sha1", nullptr, sha1_functions, sha1_module_init};

}  // namespace spindle
