// The _sha256 module: hashlib's fallback for sha224 and sha256 when _hashlib
// is missing or blocked. Its objects are the shared EVP hash objects of
// hash_support.h.
#include "modules/hash_support.h"
#include "objects/module.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type sha224_type, sha256_type;

Value sha224_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&sha224_type, "sha224", args, nargs, kwnames);
}
Value sha256_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&sha256_type, "sha256", args, nargs, kwnames);
}

const MethodDef sha256_functions[] = {
    {"sha224", sha224_function, kMethodStatic, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha256", sha256_function, kMethodStatic, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {nullptr}};

bool sha256_module_init(Module* m) {
  evp_hash_type_init(&sha224_type, "_sha256.sha224", 0);
  evp_hash_type_init(&sha256_type, "_sha256.sha256", 0);
  type_ready(&sha224_type);
  type_ready(&sha256_type);
  return module_add(m, "SHA224Type", Value(&sha224_type)) >= 0 && module_add(m, "SHA256Type", Value(&sha256_type)) >= 0;
}

}  // namespace

extern const ModuleDef sha256_module;
const ModuleDef sha256_module = {"_sha256", nullptr, sha256_functions, sha256_module_init};

}  // namespace spindle
