// The _sha3 module: hashlib's fallback for SHA-3 and SHAKE when _hashlib is
// missing or blocked. Its types are instantiable and carry Keccak's
// parameters (_capacity_bits, _rate_bits, _suffix); the objects are the
// shared EVP hash objects of hash_support.h.
#include "modules/hash_support.h"
#include "objects/module.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

Type sha3_224_type, sha3_256_type, sha3_384_type, sha3_512_type, shake_128_type, shake_256_type;

bool sha3_module_init(Module* m) {
  const struct {
    Type* type;
    const char* native_name;
    bool xof;
  } types[] = {{&sha3_224_type, "_sha3.sha3_224", false}, {&sha3_256_type, "_sha3.sha3_256", false},
               {&sha3_384_type, "_sha3.sha3_384", false}, {&sha3_512_type, "_sha3.sha3_512", false},
               {&shake_128_type, "_sha3.shake_128", true}, {&shake_256_type, "_sha3.shake_256", true}};
  for (const auto& t : types) {
    evp_hash_type_init(t.type, t.native_name, kEvpHashSha3Attributes | (t.xof ? kEvpHashXof : 0));
    t.type->flags &= ~kTypeDisallowInstantiation;
    t.type->new_ = builtin_hash_type_new;
    type_ready(t.type);
    if (module_add(m, t.native_name + 6, Value(t.type)) < 0) return false;  // the name after "_sha3."
  }
  return true;
}

}  // namespace

extern const ModuleDef sha3_module;
const ModuleDef sha3_module = {"_sha3", nullptr, nullptr, sha3_module_init};

}  // namespace spindle
