// The _hashlib module: hash objects (HASH, HASHXOF), HMAC, pbkdf2_hmac and
// scrypt over OpenSSL's EVP API, as hashlib.py and hmac.py use it.
//
// The hash objects themselves live in hash_support.cpp (shared with the
// builtin modules). An HMAC object owns an OpenSSL context that OpenSSL
// mallocs; a collector finalizer frees it. Its Mutex serializes
// update/copy/digest from several threads; digests are taken from a copy of
// the context so the object stays usable.
#define OPENSSL_SUPPRESS_DEPRECATED  // HMAC_CTX: the same API CPython 3.11 uses
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <climits>
#include <string>

#include "gc/gc.h"
#include "modules/hash_support.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type hash_type, hashxof_type, hmac_type;
Type* unsupported_digestmod_error;
Dict* constructors;  // _hashlib._constructors: openssl_* function -> hash name

// The digests with an openssl_<name> constructor, by index.
const char* const kConstructorDigests[] = {"md5",      "sha1",     "sha224",   "sha256",    "sha384",   "sha512",
                                           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"};
constexpr int kConstructorCount = int(std::size(kConstructorDigests));

// new(name, string=b'', *, usedforsecurity=True)
Value hashlib_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"new", {"name", "string", "usedforsecurity"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(&exc::TypeError, "name must be a string");
  return evp_hash_new_named(str_to_utf8(a[0].as<Str>()), a[1], &hash_type, &hashxof_type);
}

// openssl_<name>(string=b'', *, usedforsecurity=True) for kConstructorDigests[I].
template <int I>
Value openssl_constructor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const std::string fname = std::string("openssl_") + kConstructorDigests[I];
  static const ArgSpec spec{fname.c_str(), {"string", "usedforsecurity"}, 0, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return evp_hash_new_named(kConstructorDigests[I], a[0], &hash_type, &hashxof_type);
}

// ---- HMAC ----

struct HmacObject : Object {
  Mutex mutex;
  HMAC_CTX* ctx;
};

HmacObject* M(Value v) { return v.as<HmacObject>(); }

void finalize_hmac(void* obj, void*) {
  auto* h = static_cast<HmacObject*>(obj);
  HMAC_CTX_free(h->ctx);
  h->ctx = nullptr;
}

HmacObject* new_hmac_object() {
  auto* h = alloc_instance<HmacObject>(&hmac_type);
  h->ctx = HMAC_CTX_new();
  gc::register_finalizer(h, finalize_hmac, nullptr);
  return h;
}

// hmac's digestmod: a name, or one of the openssl_* constructors.
EVP_MD* digest_by_digestmod(Value digestmod) {
  Value name = digestmod;
  if (!is_str(digestmod)) {
    name = dict_get(constructors, digestmod);
    if (!name) {
      clear_error();  // an unhashable digestmod is just unsupported
      raise(unsupported_digestmod_error, "Unsupported digestmod %R", digestmod);
      return nullptr;
    }
  }
  return digest_by_name(str_to_utf8(name.as<Str>()));
}

bool hmac_update(HmacObject* h, Value msg) {
  BufferView view;
  if (!hash_input(msg, &view)) return false;
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = HMAC_Update(h->ctx, view.data, size_t(view.size));
  }
  if (!ok) raise_openssl_error(&exc::ValueError);
  return ok;
}

// hmac_new(key, msg=b'', digestmod=None)
Value hashlib_hmac_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"hmac_new", {"key", "msg", "digestmod"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView key;
  if (!get_buffer(a[0], &key)) return Value();
  if (key.size > INT_MAX) return raise(&exc::OverflowError, "key is too long.");
  if (!a[2] || is_none(a[2])) return raise(&exc::TypeError, "Missing required parameter 'digestmod'.");
  EVP_MD* md = digest_by_digestmod(a[2]);
  if (!md) return Value();
  DigestRef ref(md);
  HmacObject* h = new_hmac_object();
  if (!h->ctx || !HMAC_Init_ex(h->ctx, key.data, int(key.size), md, nullptr)) return raise_openssl_error(&exc::ValueError);
  if (a[1] && !is_none(a[1]) && !hmac_update(h, a[1])) return Value();
  return Value(h);
}

// hmac_digest(key, msg, digest): one-shot HMAC.
Value hashlib_hmac_digest(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"hmac_digest", {"key", "msg", "digest"}, 3};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView key, msg;
  if (!get_buffer(a[0], &key) || !get_buffer(a[1], &msg)) return Value();
  if (key.size > INT_MAX) return raise(&exc::OverflowError, "key is too long.");
  if (msg.size > INT_MAX) return raise(&exc::OverflowError, "msg is too long.");
  EVP_MD* md = digest_by_digestmod(a[2]);
  if (!md) return Value();
  DigestRef ref(md);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!HMAC(md, key.data, int(key.size), msg.data, size_t(msg.size), out, &n)) return raise_openssl_error(&exc::ValueError);
  return Value(bytes_new(out, n));
}

Value hmac_update_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"update", {"msg"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!hmac_update(M(self), a[0])) return Value();
  return None();
}

Value hmac_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HMAC.copy", nargs, kwnames)) return Value();
  HmacObject* h = M(self);
  HmacObject* c = new_hmac_object();
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = c->ctx && HMAC_CTX_copy(c->ctx, h->ctx);
  }
  if (!ok) return raise_openssl_error(&exc::ValueError);
  return Value(c);
}

const EVP_MD* hmac_md(Value self) { return HMAC_CTX_get_md(M(self)->ctx); }

// The MAC of what was fed so far, from a copy of the context.
bool hmac_final(Value self, unsigned char* out, unsigned int* n) {
  HMAC_CTX* temp = HMAC_CTX_new();
  if (!temp) return raise_openssl_error(&exc::ValueError), false;
  int ok;
  {
    LockGuard guard(M(self)->mutex);
    ok = HMAC_CTX_copy(temp, M(self)->ctx);
  }
  if (ok) ok = HMAC_Final(temp, out, n);
  HMAC_CTX_free(temp);
  if (!ok) raise_openssl_error(&exc::ValueError);
  return ok;
}

Value hmac_digest_method(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HMAC.digest", nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n;
  if (!hmac_final(self, out, &n)) return Value();
  return Value(bytes_new(out, n));
}

Value hmac_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HMAC.hexdigest", nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n;
  if (!hmac_final(self, out, &n)) return Value();
  return hex_digest(out, n);
}

std::string hmac_name(Value self) { return "hmac-" + digest_name(hmac_md(self)); }
Value hmac_get_name(Value self) { return Value(str_from_utf8(hmac_name(self))); }
Value hmac_get_digest_size(Value self) { return Value::from_small_int(EVP_MD_get_size(hmac_md(self))); }
Value hmac_get_block_size(Value self) { return Value::from_small_int(EVP_MD_get_block_size(hmac_md(self))); }
Value hmac_repr(Value self) { return openssl_object_repr(hmac_name(self), "HMAC", self); }

const MethodDef hmac_methods[] = {
    {"update", hmac_update_method, kMethodInstance, "Update the HMAC object with msg."},
    {"copy", hmac_copy, kMethodInstance, "Return a copy (\"clone\") of the HMAC object."},
    {"digest", hmac_digest_method, kMethodInstance, "Return the digest of the bytes passed to the update() method so far."},
    {"hexdigest", hmac_hexdigest, kMethodInstance, "Return hexadecimal digest of the bytes passed to the update() method so far."},
    {nullptr}};

const GetSetDef hmac_getsets[] = {{"name", hmac_get_name, nullptr, nullptr},
                                  {"digest_size", hmac_get_digest_size, nullptr, nullptr},
                                  {"block_size", hmac_get_block_size, nullptr, nullptr},
                                  {nullptr}};

// ---- key derivation ----

// A C long argument, as Argument Clinic converts one.
bool long_arg(Value v, int64_t* out) {
  Value i = number_index(v);
  if (!i) return false;
  if (int_to_i64(i, out)) return true;
  clear_error();
  raise(&exc::OverflowError, "Python int too large to convert to C long");
  return false;
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Value hashlib_pbkdf2_hmac(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const ArgSpec spec{"pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 4};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(&exc::TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T", a[0]);
  BufferView password, salt;
  if (!get_buffer(a[1], &password) || !get_buffer(a[2], &salt)) return Value();
  int64_t iterations;
  if (!long_arg(a[3], &iterations)) return Value();
  EVP_MD* md = digest_by_name(str_to_utf8(a[0].as<Str>()));
  if (!md) return Value();
  DigestRef ref(md);
  if (password.size > INT_MAX) return raise(&exc::OverflowError, "password is too long.");
  if (salt.size > INT_MAX) return raise(&exc::OverflowError, "salt is too long.");
  if (iterations < 1) return raise(&exc::ValueError, "iteration value must be greater than 0.");
  if (iterations > INT_MAX) return raise(&exc::OverflowError, "iteration value is too great.");
  int64_t dklen = EVP_MD_get_size(md);
  if (a[4] && !is_none(a[4]) && !long_arg(a[4], &dklen)) return Value();
  if (dklen < 1) return raise(&exc::ValueError, "key length must be greater than 0.");
  if (dklen > INT_MAX) return raise(&exc::OverflowError, "key length is too great.");
  Bytes* key = bytes_alloc(size_t(dklen));
  if (!PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(password.data), int(password.size), salt.data, int(salt.size),
                         int(iterations), md, int(dklen), key->data_ptr))
    return raise_openssl_error(&exc::ValueError);
  return Value(key);
}

// scrypt's n, r and p: unsigned ints, required.
bool scrypt_uint(Value v, const char* name, uint64_t* out) {
  if (v && is_int(v) && int_to_u64(v, out)) return true;
  clear_error();
  raise(&exc::TypeError, "%s is required and must be an unsigned int", name);
  return false;
}

// scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64)
Value hashlib_scrypt(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[7];
  static const ArgSpec spec{"scrypt", {"password", "salt", "n", "r", "p", "maxmem", "dklen"}, 1, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView password, salt;
  if (!get_buffer(a[0], &password)) return Value();
  bool has_salt = a[1] && !is_none(a[1]);
  if (has_salt && !get_buffer(a[1], &salt)) return Value();
  int64_t maxmem = 0, dklen = 64;
  if ((a[5] && !long_arg(a[5], &maxmem)) || (a[6] && !long_arg(a[6], &dklen))) return Value();
  if (password.size > INT_MAX) return raise(&exc::OverflowError, "password is too long.");
  if (!has_salt) return raise(&exc::TypeError, "salt is required");
  if (salt.size > INT_MAX) return raise(&exc::OverflowError, "salt is too long.");
  uint64_t n, r, p;
  if (!scrypt_uint(a[2], "n", &n)) return Value();
  if (n < 2 || (n & (n - 1))) return raise(&exc::ValueError, "n must be a power of 2.");
  if (!scrypt_uint(a[3], "r", &r) || !scrypt_uint(a[4], "p", &p)) return Value();
  if (maxmem < 0 || maxmem > INT_MAX)
    return raise(&exc::ValueError, "maxmem must be positive and smaller than %d", INT_MAX);
  if (dklen < 1 || dklen > INT_MAX)
    return raise(&exc::ValueError, "dklen must be greater than 0 and smaller than %d", INT_MAX);
  // OpenSSL validates the combination first, without deriving anything.
  if (!EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, r, p, uint64_t(maxmem), nullptr, 0))
    return raise_openssl_error(&exc::ValueError, "Invalid parameter combination for n, r, p, maxmem.");
  Bytes* key = bytes_alloc(size_t(dklen));
  if (!EVP_PBE_scrypt(reinterpret_cast<const char*>(password.data), size_t(password.size), salt.data,
                      size_t(salt.size), n, r, p, uint64_t(maxmem), key->data_ptr, size_t(dklen)))
    return raise_openssl_error(&exc::ValueError, "Invalid parameter combination for n, r, p, maxmem.");
  return Value(key);
}

// ---- module ----

Value hashlib_get_fips_mode(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("get_fips_mode", nargs, kwnames)) return Value();
  return Value::from_small_int(EVP_default_properties_is_fips_enabled(nullptr) ? 1 : 0);
}

// openssl_md_meth_names: every digest OpenSSL provides, by Python name.
void collect_digest_name(EVP_MD* md, void* names) {
  if (md && EVP_MD_get_type(md) != NID_undef) set_add(static_cast<Set*>(names), Value(str_from_utf8(digest_name(md))));
}

const MethodDef hashlib_functions[] = {
    {"new", hashlib_new, kMethodStatic, "Return a new hash object using the named algorithm."},
    {"openssl_md5", openssl_constructor<0>, kMethodStatic, "Returns a md5 hash object; optionally initialized with a string"},
    {"openssl_sha1", openssl_constructor<1>, kMethodStatic, "Returns a sha1 hash object; optionally initialized with a string"},
    {"openssl_sha224", openssl_constructor<2>, kMethodStatic, "Returns a sha224 hash object; optionally initialized with a string"},
    {"openssl_sha256", openssl_constructor<3>, kMethodStatic, "Returns a sha256 hash object; optionally initialized with a string"},
    {"openssl_sha384", openssl_constructor<4>, kMethodStatic, "Returns a sha384 hash object; optionally initialized with a string"},
    {"openssl_sha512", openssl_constructor<5>, kMethodStatic, "Returns a sha512 hash object; optionally initialized with a string"},
    {"openssl_sha3_224", openssl_constructor<6>, kMethodStatic, "Returns a sha3-224 hash object; optionally initialized with a string"},
    {"openssl_sha3_256", openssl_constructor<7>, kMethodStatic, "Returns a sha3-256 hash object; optionally initialized with a string"},
    {"openssl_sha3_384", openssl_constructor<8>, kMethodStatic, "Returns a sha3-384 hash object; optionally initialized with a string"},
    {"openssl_sha3_512", openssl_constructor<9>, kMethodStatic, "Returns a sha3-512 hash object; optionally initialized with a string"},
    {"openssl_shake_128", openssl_constructor<10>, kMethodStatic, "Returns a shake-128 variable hash object; optionally initialized with a string"},
    {"openssl_shake_256", openssl_constructor<11>, kMethodStatic, "Returns a shake-256 variable hash object; optionally initialized with a string"},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac, kMethodStatic, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"scrypt", hashlib_scrypt, kMethodStatic, "scrypt password-based key derivation function."},
    {"hmac_digest", hashlib_hmac_digest, kMethodStatic, "Single-shot HMAC."},
    {"hmac_new", hashlib_hmac_new, kMethodStatic, "Return a new hmac object."},
    {"get_fips_mode", hashlib_get_fips_mode, kMethodStatic, "Determine the OpenSSL FIPS mode of operation."},
    {nullptr}};

bool hashlib_module_init(Module* m) {
  evp_hash_type_init(&hash_type, "_hashlib.HASH", kEvpHashOpensslRepr);
  type_ready(&hash_type);
  evp_hash_type_init(&hashxof_type, "_hashlib.HASHXOF", kEvpHashXof | kEvpHashOpensslRepr);
  hashxof_type.base = &hash_type;
  type_ready(&hashxof_type);
  hmac_type.native_name = "_hashlib.HMAC";
  hmac_type.instance_size = sizeof(HmacObject);
  hmac_type.flags = kTypeDisallowInstantiation;
  hmac_type.methods = hmac_methods;
  hmac_type.getsets = hmac_getsets;
  hmac_type.repr = hmac_repr;
  type_ready(&hmac_type);

  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("_hashlib")));
  Value error = type_new_impl(&type_type, intern_cstr("UnsupportedDigestmodError"),
                              tuple_pack({Value(&exc::ValueError)}), ns, nullptr);
  if (!error) return false;
  unsupported_digestmod_error = error.as<Type>();

  Dict* ctors = dict_new();
  for (int i = 0; i < kConstructorCount; i++) {
    Value f = dict_get_str(m->dict, intern_cstr((std::string("openssl_") + kConstructorDigests[i]).c_str()));
    if (dict_set(ctors, f, Value(intern_cstr(kConstructorDigests[i]))) < 0) return false;
  }
  constructors = ctors;

  Set* names = set_new(&frozenset_type);
  EVP_MD_do_all_provided(nullptr, collect_digest_name, names);

  // One constant-time comparison for the runtime: _operator's.
  Value op = import_module_cstr("_operator");
  if (!op) return false;
  Value compare = get_attr_cstr(op, "_compare_digest");
  if (!compare) return false;

  return module_add(m, "HASH", Value(&hash_type)) >= 0 && module_add(m, "HASHXOF", Value(&hashxof_type)) >= 0 &&
         module_add(m, "HMAC", Value(&hmac_type)) >= 0 && module_add(m, "UnsupportedDigestmodError", error) >= 0 &&
         module_add(m, "_constructors", Value(ctors)) >= 0 && module_add(m, "openssl_md_meth_names", Value(names)) >= 0 &&
         module_add(m, "compare_digest", compare) >= 0;
}

}  // namespace

extern const ModuleDef hashlib_native_module;
const ModuleDef hashlib_native_module = {"_hashlib", "OpenSSL interface for hashlib module", hashlib_functions,
                                         hashlib_module_init};

}  // namespace spindle
