// The _sha512 module (sha512 and sha384 hash objects) over OpenSSL's SHA-512
// block functions. random.py imports it to seed from str and bytes. The hash
// state is a plain struct inside the object, so no finalizer is needed; each
// object's Mutex serializes update/copy/digest from several threads.
#define OPENSSL_SUPPRESS_DEPRECATED  // the SHA512_CTX functions keep the state in our object
#include <openssl/sha.h>

#include <cstring>

#include "modules/hash_support.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type sha512_type, sha384_type;

struct ShaObject : Object {
  Mutex mutex;
  SHA512_CTX ctx;
};

ShaObject* S(Value v) { return v.as<ShaObject>(); }
bool is_sha384(Value v) { return type_of(v) == &sha384_type; }

bool update_with(ShaObject* s, Value data) {
  BufferView view;
  if (!hash_input(data, &view)) return false;
  LockGuard guard(s->mutex);
  SHA512_Update(&s->ctx, view.data, size_t(view.size));
  return true;
}

Value make_hash(Type* type, const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  ArgSpec spec{fname, {"string", "usedforsecurity"}, 0, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  auto* s = alloc_instance<ShaObject>(type);
  if (type == &sha384_type)
    SHA384_Init(&s->ctx);
  else
    SHA512_Init(&s->ctx);
  if (a[0] && !update_with(s, a[0])) return Value();
  return Value(s);
}

Value sha512_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return make_hash(&sha512_type, "sha512", args, nargs, kwnames);
}
Value sha384_function(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return make_hash(&sha384_type, "sha384", args, nargs, kwnames);
}

Value sha_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("update", kwnames) || !check_positional("update", nargs, 1, 1)) return Value();
  if (!update_with(S(self), args[0])) return Value();
  return None();
}

Value sha_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return Value();
  ShaObject* s = S(self);
  auto* c = alloc_instance<ShaObject>(type_of(self));
  LockGuard guard(s->mutex);
  c->ctx = s->ctx;
  return Value(c);
}

size_t digest_size(Value self) { return is_sha384(self) ? 48 : 64; }

// The digest of what was fed so far; the object stays usable.
void finish(Value self, unsigned char* out) {
  ShaObject* s = S(self);
  SHA512_CTX copy;
  {
    LockGuard guard(s->mutex);
    copy = s->ctx;
  }
  unsigned char full[SHA512_DIGEST_LENGTH];
  SHA512_Final(full, &copy);  // sha384 shares the finalisation; its digest is the first 48 bytes
  memcpy(out, full, digest_size(self));
}

Value sha_digest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("digest", nargs, kwnames)) return Value();
  unsigned char out[SHA512_DIGEST_LENGTH];
  finish(self, out);
  return Value(bytes_new(out, digest_size(self)));
}

Value sha_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("hexdigest", nargs, kwnames)) return Value();
  unsigned char out[SHA512_DIGEST_LENGTH];
  finish(self, out);
  return hex_digest(out, digest_size(self));
}

Value sha_get_name(Value self) { return Value(intern_cstr(is_sha384(self) ? "sha384" : "sha512")); }
Value sha_get_digest_size(Value self) { return Value::from_small_int(int64_t(digest_size(self))); }
Value sha_get_block_size(Value) { return Value::from_small_int(SHA512_CBLOCK); }

const MethodDef sha_methods[] = {
    {"copy", sha_copy, kMethodInstance, "Return a copy of the hash object."},
    {"digest", sha_digest, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", sha_hexdigest, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {"update", sha_update, kMethodInstance, "Update this hash object's state with the provided string."},
    {nullptr}};

const GetSetDef sha_getsets[] = {{"name", sha_get_name, nullptr, nullptr},
                                 {"digest_size", sha_get_digest_size, nullptr, nullptr},
                                 {"block_size", sha_get_block_size, nullptr, nullptr},
                                 {nullptr}};

const MethodDef sha512_functions[] = {
    {"sha512", sha512_function, kMethodStatic, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", sha384_function, kMethodStatic, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {nullptr}};

bool sha512_module_init(Module* m) {
  for (auto [type, name] : {std::pair{&sha512_type, "_sha512.sha512"}, {&sha384_type, "_sha512.sha384"}}) {
    type->native_name = name;
    type->instance_size = sizeof(ShaObject);
    type->flags = kTypeDisallowInstantiation;
    type->methods = sha_methods;
    type->getsets = sha_getsets;
    type_ready(type);
  }
  // CPython 3.11 exposes one type object, under the name SHA384Type, and it is the sha512 type.
  return module_add(m, "SHA384Type", Value(&sha512_type)) >= 0;
}

}  // namespace

extern const ModuleDef sha512_module;
const ModuleDef sha512_module = {"_sha512", nullptr, sha512_functions, sha512_module_init};

}  // namespace spindle
