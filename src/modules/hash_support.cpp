#include "modules/hash_support.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"

namespace spindle {

bool hash_input(Value data, BufferView* view) {
  if (is_str(data)) {
    raise(&exc::TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (get_buffer(data, view)) return true;
  clear_error();
  raise(&exc::TypeError, "object supporting the buffer API required");
  return false;
}

Value hex_digest(const uint8_t* digest, size_t n) {
  static const char hex[] = "0123456789abcdef";
  std::string text(2 * n, '\0');
  for (size_t i = 0; i < n; i++) {
    text[2 * i] = hex[digest[i] >> 4];
    text[2 * i + 1] = hex[digest[i] & 15];
  }
  return Value(str_from_ascii(text));
}

// ---- OpenSSL digests ----

namespace {

// Python's names for OpenSSL's digests.
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
    {"sha512_224", "sha512-224", NID_sha512_224},
    {"sha512_256", "sha512-256", NID_sha512_256},
    {"sha3_224", "sha3-224", NID_sha3_224},
    {"sha3_256", "sha3-256", NID_sha3_256},
    {"sha3_384", "sha3-384", NID_sha3_384},
    {"sha3_512", "sha3-512", NID_sha3_512},
    {"shake_128", "shake128", NID_shake128},
    {"shake_256", "shake256", NID_shake256},
    {"blake2s", "blake2s256", NID_blake2s256},
    {"blake2b", "blake2b512", NID_blake2b512},
};
constexpr int kDigestCount = int(std::size(kDigests));

// Fetched once per table entry and kept for the life of the process.
std::atomic<EVP_MD*> fetched_digests[kDigestCount];

bool is_xof(const EVP_MD* md) { return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

}  // namespace

Value raise_openssl_error(Type* type, const char* fallback) {
  unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  if (!code) return raise(type, "%s", fallback);
  const char* lib = ERR_lib_error_string(code);
  const char* reason = ERR_reason_error_string(code);
  if (!reason) reason = "unknown reasons";
  if (lib) return raise(type, "[%s] %s", lib, reason);
  return raise(type, "%s", reason);
}

EVP_MD* digest_by_name(const std::string& name) {
  for (int i = 0; i < kDigestCount; i++) {
    if (name != kDigests[i].py_name) continue;
    EVP_MD* md = fetched_digests[i].load(std::memory_order_acquire);
    if (!md) {
      EVP_MD* fresh = EVP_MD_fetch(nullptr, kDigests[i].ossl_name, nullptr);
      if (!fresh) break;
      if (fetched_digests[i].compare_exchange_strong(md, fresh, std::memory_order_acq_rel))
        md = fresh;
      else
        EVP_MD_free(fresh);  // another thread stored one first; md holds it
    }
    EVP_MD_up_ref(md);
    return md;
  }
  EVP_MD* md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  if (!md) raise_openssl_error(&exc::ValueError);
  return md;
}

DigestRef::~DigestRef() { EVP_MD_free(md); }

std::string digest_name(const EVP_MD* md) {
  int nid = EVP_MD_get_type(md);
  for (const DigestName& d : kDigests)
    if (d.nid == nid) return d.py_name;
  const char* name = OBJ_nid2ln(nid);
  if (!name) name = OBJ_nid2sn(nid);
  return name ? name : "unknown";
}

Value openssl_object_repr(const std::string& name, const char* type_name, Value self) {
  char buf[96];
  std::snprintf(buf, sizeof buf, " %s object @ %p>", type_name, static_cast<void*>(self.as_object()));
  return Value(str_from_utf8("<" + name + buf));
}

// ---- hash objects ----

namespace {

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

// "HASH.update" for messages: the type's own name, then the method's.
std::string method_name(Value self, const char* method) {
  std::string type = type_of(self)->native_name;
  return type.substr(type.rfind('.') + 1) + "." + method;
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

Value hash_update_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string fname = method_name(self, "update");
  if (!check_no_kwargs(fname.c_str(), kwnames)) return Value();
  if (nargs != 1) return raise(&exc::TypeError, "%s() takes exactly one argument (%d given)", fname.c_str(), int(nargs));
  BufferView view;
  if (!hash_input(args[0], &view) || !hash_update(H(self), view)) return Value();
  return None();
}

Value hash_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(method_name(self, "copy").c_str(), nargs, kwnames)) return Value();
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
// the digest size), so the object stays usable; false with ValueError pending.
bool hash_final(HashObject* h, unsigned char* out, size_t length) {
  EVP_MD_CTX* temp = EVP_MD_CTX_new();
  if (!temp) return raise_openssl_error(&exc::ValueError), false;
  int ok;
  {
    LockGuard guard(h->mutex);
    ok = EVP_MD_CTX_copy_ex(temp, h->ctx);
  }
  if (ok)
    ok = is_xof(EVP_MD_CTX_get0_md(temp)) ? EVP_DigestFinalXOF(temp, out, length) : EVP_DigestFinal_ex(temp, out, nullptr);
  EVP_MD_CTX_free(temp);
  if (!ok) raise_openssl_error(&exc::ValueError);
  return ok;
}

size_t hash_digest_size(HashObject* h) { return size_t(EVP_MD_CTX_get_size(h->ctx)); }

Value hash_digest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(method_name(self, "digest").c_str(), nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  if (!hash_final(H(self), out, 0)) return Value();
  return Value(bytes_new(out, hash_digest_size(H(self))));
}

Value hash_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(method_name(self, "hexdigest").c_str(), nargs, kwnames)) return Value();
  unsigned char out[EVP_MAX_MD_SIZE];
  if (!hash_final(H(self), out, 0)) return Value();
  return hex_digest(out, hash_digest_size(H(self)));
}

extern const GetSetDef sha3_getsets[];
bool is_sha3_module_type(Type* t) { return t->getsets == sha3_getsets; }

// XOF digest(length) / hexdigest(length): the output length is chosen per call.
bool xof_output(Value self, const char* fname, const Value* args, size_t nargs, Tuple* kwnames, std::string* out) {
  Value a[1];
  ArgSpec spec{fname, {"length"}, 1};
  int64_t length;
  if (!parse_args(spec, args, nargs, kwnames, a) || !ssize_arg(a[0], &length)) return false;
  if (is_sha3_module_type(type_of(self))) {
    // _sha3's shake objects take an unsigned long, below 2**29
    if (length < 0) return raise(&exc::ValueError, "value must be positive"), false;
    if (length >= (int64_t(1) << 29)) return raise(&exc::ValueError, "length is too large"), false;
  } else if (length < 0) {
    // CPython's _hashlib takes a Py_ssize_t and fails this way on a negative one
    if (fname[0] == 'd') raise(&exc::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    else raise_no_memory();
    return false;
  }
  out->assign(size_t(length), '\0');
  return length == 0 || hash_final(H(self), reinterpret_cast<unsigned char*>(out->data()), out->size());
}

Value xof_digest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string out;
  if (!xof_output(self, "digest", args, nargs, kwnames, &out)) return Value();
  return Value(bytes_new(out.data(), out.size()));
}

Value xof_hexdigest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string out;
  if (!xof_output(self, "hexdigest", args, nargs, kwnames, &out)) return Value();
  return hex_digest(reinterpret_cast<const uint8_t*>(out.data()), out.size());
}

const EVP_MD* md_of(Value self) { return EVP_MD_CTX_get0_md(H(self)->ctx); }

Value hash_get_name(Value self) { return Value(str_from_utf8(digest_name(md_of(self)))); }
Value hash_get_digest_size(Value self) {
  return Value::from_small_int(is_xof(md_of(self)) ? 0 : int64_t(hash_digest_size(H(self))));
}
Value hash_get_block_size(Value self) { return Value::from_small_int(EVP_MD_CTX_get_block_size(H(self)->ctx)); }
// Keccak's parameters, which _sha3's objects expose: the rate is the block size.
Value sha3_get_rate_bits(Value self) { return Value::from_small_int(8 * EVP_MD_CTX_get_block_size(H(self)->ctx)); }
Value sha3_get_capacity_bits(Value self) {
  return Value::from_small_int(1600 - 8 * EVP_MD_CTX_get_block_size(H(self)->ctx));
}
Value sha3_get_suffix(Value self) {
  uint8_t suffix = is_xof(md_of(self)) ? 0x1f : 0x06;
  return Value(bytes_new(&suffix, 1));
}

Value hash_repr(Value self) { return openssl_object_repr(digest_name(md_of(self)), type_of(self)->native_name, self); }

const MethodDef hash_methods[] = {
    {"copy", hash_copy, kMethodInstance, "Return a copy of the hash object."},
    {"digest", hash_digest, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update_method, kMethodInstance, "Update this hash object's state with the provided string."},
    {nullptr}};

const MethodDef xof_methods[] = {
    {"copy", hash_copy, kMethodInstance, "Return a copy of the hash object."},
    {"digest", xof_digest, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update_method, kMethodInstance, "Update this hash object's state with the provided string."},
    {nullptr}};

const GetSetDef hash_getsets[] = {{"name", hash_get_name, nullptr, nullptr},
                                  {"digest_size", hash_get_digest_size, nullptr, nullptr},
                                  {"block_size", hash_get_block_size, nullptr, nullptr},
                                  {nullptr}};

const GetSetDef sha3_getsets[] = {{"name", hash_get_name, nullptr, nullptr},
                                  {"digest_size", hash_get_digest_size, nullptr, nullptr},
                                  {"block_size", hash_get_block_size, nullptr, nullptr},
                                  {"_capacity_bits", sha3_get_capacity_bits, nullptr, nullptr},
                                  {"_rate_bits", sha3_get_rate_bits, nullptr, nullptr},
                                  {"_suffix", sha3_get_suffix, nullptr, nullptr},
                                  {nullptr}};

}  // namespace

void evp_hash_type_init(Type* t, const char* native_name, unsigned flags) {
  t->native_name = native_name;
  t->instance_size = sizeof(HashObject);
  t->flags = kTypeDisallowInstantiation;
  t->methods = flags & kEvpHashXof ? xof_methods : hash_methods;
  t->getsets = flags & kEvpHashSha3Attributes ? sha3_getsets : hash_getsets;
  if (flags & kEvpHashOpensslRepr) t->repr = hash_repr;
}

Value evp_hash_new_named(const std::string& digest, Value data, Type* t, Type* xof_type) {
  BufferView view;
  if (data && !hash_input(data, &view)) return Value();  // CPython checks the data before the name
  EVP_MD* md = digest_by_name(digest);
  if (!md) return Value();
  DigestRef ref(md);
  HashObject* h = new_hash_object(xof_type && is_xof(md) ? xof_type : t);
  if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) return raise_openssl_error(&exc::ValueError);
  if (data && !hash_update(h, view)) return Value();
  return Value(h);
}

namespace {

std::string digest_of_type(Type* t) {
  std::string name = t->native_name;
  return name.substr(name.rfind('.') + 1);
}

}  // namespace

Value builtin_hash_function(Type* t, const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  ArgSpec spec{fname, {"string", "usedforsecurity"}, 0, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return evp_hash_new_named(digest_of_type(t), a[0], t);
}

Value builtin_hash_type_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  std::string digest = digest_of_type(t);
  ArgSpec spec{digest.c_str(), {"data", "usedforsecurity"}, 0, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return evp_hash_new_named(digest, a[0], t);
}

}  // namespace spindle
