// The _hashlib module: hash objects (HASH, HASHXOF), HMAC, pbkdf2_hmac and
// scrypt over OpenSSL's EVP API, as hashlib.py and hmac.py use it.
//
// An object owns an OpenSSL context that OpenSSL mallocs; a collector
// finalizer frees it. Each object's Mutex serializes update/copy/digest from
// several threads; digests are taken from a copy of the context so the object
// stays usable. OpenSSL's error queue is per thread, so errors are read right
// where they happen.
#define OPENSSL_SUPPRESS_DEPRECATED  // HMAC_CTX: the same API CPython 3.11 uses
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>

#include <atomic>
#include <climits>
#include <cstdio>
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

// ---- digests by name ----

// Python's names for OpenSSL's digests, in the order of the openssl_*
// constructors (the first kConstructorCount entries have one).
struct DigestName {
  const char* py_name;
  const char* ossl_name;
  int nid;
};
const DigestName kDigests[] = {
    {"md5", "md5", NID_md5},
    {"sha1", "sha1", NID_sha1},
    {"sha224", "sha224", NID_sha224},
    {"sha256", "sha256", NID_sha256},
    {"sha384", "sha384", NID_sha384},
    {"sha512", "sha512", NID_sha512},
    {"sha3_224", "sha3-224", NID_sha3_224},
    {"sha3_256", "sha3-256", NID_sha3_256},
    {"sha3_384", "sha3-384", NID_sha3_384},
    {"sha3_512", "sha3-512", NID_sha3_512},
    {"shake_128", "shake128", NID_shake128},
    {"shake_256", "shake256", NID_shake256},
    {"sha512_224", "sha512-224", NID_sha512_224},
    {"sha512_256", "sha512-256", NID_sha512_256},
    {"blake2s", "blake2s256", NID_blake2s256},
    {"blake2b", "blake2b512", NID_blake2b512},
};
constexpr int kDigestCount = int(std::size(kDigests));
constexpr int kConstructorCount = 12;

// Fetched once per table entry and kept for the life of the process.
std::atomic<EVP_MD*> fetched_digests[kDigestCount];

// ValueError (or `type`) from the thread's OpenSSL error queue, formatted as
// CPython's "[library] reason"; `fallback` when the queue is empty.
Value raise_openssl_error(Type* type, const char* fallback = "no reason supplied") {
  unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  if (!code) return raise(type, "%s", fallback);
  const char* lib = ERR_lib_error_string(code);
  const char* reason = ERR_reason_error_string(code);
  if (!reason) reason = "unknown reasons";
  if (lib) return raise(type, "[%s] %s", lib, reason);
  return raise(type, "%s", reason);
}

// The digest called `name` (Python's or OpenSSL's spelling), with a reference
// for the caller to drop with EVP_MD_free; null with ValueError pending.
EVP_MD* digest_by_name(const std::string& name) {
  for (int i = 0; i < kDigestCount; i++) {
    if (name != kDigests[i].py_name) continue;
    EVP_MD* md = fetched_digests[i].load(std::memory_order_acquire);
    if (!md) {
      EVP_MD* fresh = EVP_MD_fetch(nullptr, kDigests[i].ossl_name, nullptr);
      if (!fresh) break;
      if (fetched_digests[i].compare_exchange_strong(md, fresh, std::memory_order_acq_rel)) {
        md = fresh;
      } else {
        EVP_MD_free(fresh);  // another thread stored one first; md holds it
      }
    }
    EVP_MD_up_ref(md);
    return md;
  }
  EVP_MD* md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  if (!md) raise_openssl_error(&exc::ValueError);
  return md;
}

// Owns a digest reference for the length of a call.
struct DigestRef {
  EVP_MD* md;
  explicit DigestRef(EVP_MD* m) : md(m) {}
  ~DigestRef() { EVP_MD_free(md); }
  DigestRef(const DigestRef&) = delete;
  DigestRef& operator=(const DigestRef&) = delete;
};

// Python's name for a digest: the table's, else OpenSSL's long name.
std::string digest_name(const EVP_MD* md) {
  int nid = EVP_MD_get_type(md);
  for (const DigestName& d : kDigests)
    if (d.nid == nid) return d.py_name;
  const char* name = OBJ_nid2ln(nid);
  if (!name) name = OBJ_nid2sn(nid);
  return name ? name : "unknown";
}

bool is_xof(const EVP_MD* md) { return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

// A "<name> object @ 0x..." repr.
Value object_repr(const std::string& name, const char* type_name, Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " %s object @ %p>", type_name, static_cast<void*>(self.as_object()));
  return Value(str_from_utf8("<" + name + buf));
}

// ---- HASH and HASHXOF ----

struct HashObject : Object {
  Mutex mutex;
  EVP_MD_CTX* ctx;
};

HashObject* H(Value v) { return v.as<HashObject>(); }

void finalize_hash(void* obj, void*) {
  auto* h = static_cast<HashObject*>(obj);
  EVP_MD_CTX_free(h->ctx);
  h->ctx = nullptr;
}

// An object with a fresh context; the caller initialises or copies into it.
HashObject* new_hash_object(Type* type) {
  auto* h = alloc_instance<HashObject>(type);
  h->ctx = EVP_MD_CTX_new();
  gc::register_finalizer(h, finalize_hash, nullptr);
  return h;
}

bool hash_update(HashObject* h, const BufferView& view) {
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = EVP_DigestUpdate(h->ctx, view.data, size_t(view.size));
  }
  if (!ok) raise_openssl_error(&exc::ValueError);
  return ok;
}

// A new HASH (or HASHXOF) object of digest md fed with data (null: nothing).
Value new_hash(const EVP_MD* md, Value data) {
  BufferView view;
  if (data && !hash_input(data, &view)) return Value();
  HashObject* h = new_hash_object(is_xof(md) ? &hashxof_type : &hash_type);
  if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) return raise_openssl_error(&exc::ValueError);
  if (data && !hash_update(h, view)) return Value();
  return Value(h);
}

// new(name, string=b'', *, usedforsecurity=True)
Value hashlib_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"new", {"name", "string", "usedforsecurity"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(&exc::TypeError, "name must be a string");
  BufferView view;
  if (a[1] && !hash_input(a[1], &view)) return Value();
  EVP_MD* md = digest_by_name(str_to_utf8(a[0].as<Str>()));
  if (!md) return Value();
  DigestRef ref(md);
  return new_hash(md, a[1]);
}

// openssl_<name>(string=b'', *, usedforsecurity=True) for kDigests[I].
template <int I>
Value openssl_constructor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const std::string fname = std::string("openssl_") + kDigests[I].py_name;
  static const ArgSpec spec{fname.c_str(), {"string", "usedforsecurity"}, 0, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView view;
  if (a[0] && !hash_input(a[0], &view)) return Value();
  EVP_MD* md = digest_by_name(kDigests[I].py_name);
  if (!md) return Value();
  DigestRef ref(md);
  return new_hash(md, a[0]);
}

Value hash_update_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("HASH.update", kwnames)) return Value();
  if (nargs != 1) return raise(&exc::TypeError, "HASH.update() takes exactly one argument (%d given)", int(nargs));
  BufferView view;
  if (!hash_input(args[0], &view) || !hash_update(H(self), view)) return Value();
  return None();
}

Value hash_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HASH.copy", nargs, kwnames)) return Value();
  HashObject* h = H(self);
  HashObject* c = new_hash_object(type_of(self));
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = c->ctx && EVP_MD_CTX_copy_ex(c->ctx, h->ctx);
  }
  if (!ok) return raise_openssl_error(&exc::ValueError);
  return Value(c);
}

// Finishes a copy of the context into out (length bytes for an XOF, else
// the digest size); false with ValueError pending.
bool hash_final(HashObject* h, unsigned char* out, size_t length) {
  EVP_MD_CTX* temp = EVP_MD_CTX_new();
  if (!temp) return raise_openssl_error(&exc::ValueError), false;
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = EVP_MD_CTX_copy_ex(temp, h->ctx);
  }
  if (ok) ok = is_xof(EVP_MD_CTX_get0_md(temp)) ? EVP_DigestFinalXOF(temp, out, length)
                                                 : EVP_DigestFinal_ex(temp, out, nullptr);
  EVP_MD_CTX_free(temp);
  if (!ok) raise_openssl_error(&exc::ValueError);
  return ok;
}

size_t hash_digest_size(HashObject* h) { return size_t(EVP_MD_CTX_get_size(h->ctx)); }

Value hash_digest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HASH.digest", nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  if (!hash_final(H(self), out, 0)) return Value();
  return Value(bytes_new(out, hash_digest_size(H(self))));
}

Value hash_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("HASH.hexdigest", nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  if (!hash_final(H(self), out, 0)) return Value();
  return hex_digest(out, hash_digest_size(H(self)));
}

// HASHXOF.digest(length) / hexdigest(length): the output length is chosen per call.
bool xof_length(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, int64_t* length) {
  Value a[1];
  ArgSpec spec{fname, {"length"}, 1};
  return parse_args(spec, args, nargs, kwnames, a) && ssize_arg(a[0], length);
}

Value xof_digest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t length;
  if (!xof_length("digest", args, nargs, kwnames, &length)) return Value();
  if (length < 0) return raise(&exc::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
  std::string out(size_t(length), '\0');
  if (length > 0 && !hash_final(H(self), reinterpret_cast<unsigned char*>(out.data()), out.size())) return Value();
  return Value(bytes_new(out.data(), out.size()));
}

Value xof_hexdigest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t length;
  if (!xof_length("hexdigest", args, nargs, kwnames, &length)) return Value();
  if (length < 0) return raise_no_memory();
  std::string out(size_t(length), '\0');
  if (length > 0 && !hash_final(H(self), reinterpret_cast<unsigned char*>(out.data()), out.size())) return Value();
  return hex_digest(reinterpret_cast<const uint8_t*>(out.data()), out.size());
}

Value hash_get_name(Value self) { return Value(str_from_utf8(digest_name(EVP_MD_CTX_get0_md(H(self)->ctx)))); }
Value hash_get_digest_size(Value self) { return Value::from_small_int(int64_t(hash_digest_size(H(self)))); }
Value xof_get_digest_size(Value) { return Value::from_small_int(0); }
Value hash_get_block_size(Value self) { return Value::from_small_int(EVP_MD_CTX_get_block_size(H(self)->ctx)); }

Value hash_repr(Value self) {
  return object_repr(digest_name(EVP_MD_CTX_get0_md(H(self)->ctx)), type_of(self) == &hashxof_type ? "_hashlib.HASHXOF" : "_hashlib.HASH", self);
}

const MethodDef hash_methods[] = {
    {"copy", hash_copy, kMethodInstance, "Return a copy of the hash object."},
    {"digest", hash_digest, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update_method, kMethodInstance, "Update this hash object's state with the provided string."},
    {nullptr}};

const GetSetDef hash_getsets[] = {{"name", hash_get_name, nullptr, nullptr},
                                  {"digest_size", hash_get_digest_size, nullptr, nullptr},
                                  {"block_size", hash_get_block_size, nullptr, nullptr},
                                  {nullptr}};

const MethodDef xof_methods[] = {
    {"digest", xof_digest, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {nullptr}};

const GetSetDef xof_getsets[] = {{"digest_size", xof_get_digest_size, nullptr, nullptr}, {nullptr}};

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
Value hmac_repr(Value self) { return object_repr(hmac_name(self), "HMAC", self); }

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
  hash_type.native_name = "_hashlib.HASH";
  hash_type.instance_size = sizeof(HashObject);
  hash_type.flags = kTypeDisallowInstantiation;
  hash_type.methods = hash_methods;
  hash_type.getsets = hash_getsets;
  hash_type.repr = hash_repr;
  type_ready(&hash_type);
  hashxof_type.native_name = "_hashlib.HASHXOF";
  hashxof_type.base = &hash_type;
  hashxof_type.instance_size = sizeof(HashObject);
  hashxof_type.flags = kTypeDisallowInstantiation;
  hashxof_type.methods = xof_methods;
  hashxof_type.getsets = xof_getsets;
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
    Value f = dict_get_str(m->dict, intern_cstr((std::string("openssl_") + kDigests[i].py_name).c_str()));
    if (dict_set(ctors, f, Value(intern_cstr(kDigests[i].py_name))) < 0) return false;
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
