// The _sha512 module: sha512 and sha384 hash objects (random.py seeds with
// it). They are the shared EVP hash objects of hash_support.h.
#include "modules/hash_support.h"
#include "objects/module.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type sha512_type, sha384_type;

Value sha512_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&sha512_type, "sha512", args, nargs, kwnames);
}
Value sha384_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_hash_function(&sha384_type, "sha384", args, nargs, kwnames);
}

const MethodDef sha512_functions[] = {
    {"sha512", sha512_function, kMethodStatic, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", sha384_function, kMethodStatic, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {nullptr}};

bool sha512_module_init(Module* m) {
  evp_hash_type_init(&sha512_type, "_sha512.sha512", 0);
  evp_hash_type_init(&sha384_type, "_sha512.sha384", 0);
  type_ready(&sha512_type);
  type_ready(&sha384_type);
  // CPython 3.11 exposes one type object, under the name SHA384Type, and it is the sha512 type.
  return module_add(m, "SHA384Type", Value(&sha512_type)) >= 0;
}

}  // namespace

extern const ModuleDef sha512_module;
const ModuleDef sha512_module = {"_sha512", nullptr, sha512_functions, sha512_module_init};

}  // namespace spindle
