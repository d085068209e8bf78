// What the hash modules share: argument and hex helpers, OpenSSL digest
// lookup and errors, and the hash object over OpenSSL's EVP API. _hashlib's
// HASH/HASHXOF and the types of _md5, _sha1, _sha256, _sha512 and _sha3 are
// all that one object; they differ only in their type names and extras.
#pragma once
#include <openssl/types.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/bytes.h"
#include "objects/object.h"

namespace spindle {

// The data argument of a hash constructor or update(): any bytes-like object.
// str raises TypeError "Strings must be encoded before hashing", other
// non-buffers "object supporting the buffer API required", as in CPython.
bool hash_input(Value data, BufferView* view);

// hexdigest(): lowercase hex text of a digest.
Value hex_digest(const uint8_t* digest, size_t n);

// `type` (ValueError usually) from the thread's OpenSSL error queue,
// formatted as CPython's "[library] reason"; `fallback` when it is empty.
Value raise_openssl_error(Type* type, const char* fallback = "no reason supplied");

// The digest called `name` (Python's spelling, "sha3_256", or OpenSSL's), with
// a reference the caller drops with EVP_MD_free (see DigestRef); null with
// ValueError pending.
EVP_MD* digest_by_name(const std::string& name);
struct DigestRef {
  EVP_MD* md;
  explicit DigestRef(EVP_MD* m) : md(m) {}
  ~DigestRef();
  DigestRef(const DigestRef&) = delete;
  DigestRef& operator=(const DigestRef&) = delete;
};
// Python's name of a digest ("sha512_256", "ripemd160").
std::string digest_name(const EVP_MD* md);

// "<name type_name object @ 0x...>", the repr of _hashlib's objects.
Value openssl_object_repr(const std::string& name, const char* type_name, Value self);

// Hash object types. Fills t's layout, methods and attributes; the caller may
// then set new_ (or repr) and calls type_ready.
enum EvpHashTypeFlags : unsigned {
  kEvpHashXof = 1,             // digest(length) and hexdigest(length), digest_size 0
  kEvpHashSha3Attributes = 2,  // _sha3's _capacity_bits, _rate_bits and _suffix
  kEvpHashOpensslRepr = 4,     // "<sha256 _hashlib.HASH object @ 0x...>"
};
void evp_hash_type_init(Type* t, const char* native_name, unsigned flags);
// A new hash object for the digest called `digest`, fed with data (null:
// nothing): of type t, or of xof_type (when given) for an extendable-output digest.
Value evp_hash_new_named(const std::string& digest, Value data, Type* t, Type* xof_type = nullptr);

// The builtin modules' hash types (_md5.md5, _sha3.sha3_256, ...) hash the
// digest their type is named after. A constructor function
// md5(string=b'', *, usedforsecurity=True) of type t:
Value builtin_hash_function(Type* t, const char* fname, const Value* args, size_t nargs, Tuple* kwnames);
// The new_ of an instantiable type (_sha3's): sha3_256(data=b'', /, *, usedforsecurity=True).
Value builtin_hash_type_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace spindle
