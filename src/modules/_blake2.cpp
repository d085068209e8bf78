// The _blake2 module: blake2b and blake2s (RFC 7693) with the full parameter
// block (key, salt, personalization and tree hashing), which OpenSSL's EVP
// digests do not expose. hashlib always takes blake2 from here.
//
// The state is a plain struct inside the object (no finalizer needed); each
// object's Mutex serializes update/copy/digest from several threads.
#include <algorithm>
#include <cstring>
#include <string>

#include "modules/hash_support.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"

namespace spindle {

namespace {

// ---- the compression function, for both word sizes ----

const uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// Word size W selects BLAKE2b (uint64_t) or BLAKE2s (uint32_t).
template <class W>
struct Variant;

template <>
struct Variant<uint64_t> {
  static constexpr const char* kName = "blake2b";
  static constexpr int kRounds = 12, kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
  static constexpr int kOffsetBytes = 8;  // node_offset's width in the parameter block
  static constexpr uint64_t kIV[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                      0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                      0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
};

template <>
struct Variant<uint32_t> {
  static constexpr const char* kName = "blake2s";
  static constexpr int kRounds = 10, kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
  static constexpr int kOffsetBytes = 6;
  static constexpr uint32_t kIV[8] = {0x6A09E667UL, 0xBB67AE85UL, 0x3C6EF372UL, 0xA54FF53AUL,
                                      0x510E527FUL, 0x9B05688CUL, 0x1F83D9ABUL, 0x5BE0CD19UL};
};

template <class W>
constexpr size_t kBlockBytes = 16 * sizeof(W);
template <class W>
constexpr size_t kOutBytes = 8 * sizeof(W);   // also the maximum key size and inner size
template <class W>
constexpr size_t kSaltBytes = 2 * sizeof(W);  // also the personalization size

template <class W>
constexpr uint64_t kMaxNodeOffset = Variant<W>::kOffsetBytes == 8 ? ~0ULL : (1ULL << (8 * Variant<W>::kOffsetBytes)) - 1;

template <class W>
W load_le(const uint8_t* p) {
  W w = 0;
  for (size_t i = 0; i < sizeof(W); i++) w |= W(p[i]) << (8 * i);
  return w;
}

template <class W>
W rotr(W x, int n) {
  return (x >> n) | (x << (8 * sizeof(W) - n));
}

template <class W>
struct Blake2State {
  W h[8];
  W t[2];  // bytes compressed so far (double word)
  uint8_t buf[kBlockBytes<W>];
  size_t buflen;
  uint8_t outlen;
  bool last_node;

  void compress(const uint8_t* block, bool final) {
    using V = Variant<W>;
    W m[16], v[16];
    for (int i = 0; i < 16; i++) m[i] = load_le<W>(block + i * sizeof(W));
    for (int i = 0; i < 8; i++) {
      v[i] = h[i];
      v[i + 8] = V::kIV[i];
    }
    v[12] ^= t[0];
    v[13] ^= t[1];
    if (final) {
      v[14] = ~v[14];
      if (last_node) v[15] = ~v[15];
    }
    auto g = [&](int a, int b, int c, int d, W x, W y) {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr<W>(v[d] ^ v[a], V::kR1);
      v[c] = v[c] + v[d];
      v[b] = rotr<W>(v[b] ^ v[c], V::kR2);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr<W>(v[d] ^ v[a], V::kR3);
      v[c] = v[c] + v[d];
      v[b] = rotr<W>(v[b] ^ v[c], V::kR4);
    };
    for (int r = 0; r < V::kRounds; r++) {
      const uint8_t* s = kSigma[r % 10];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }

  void count(size_t n) {
    t[0] += W(n);
    if (t[0] < W(n)) t[1]++;
  }

  // A full buffer is compressed only once more input follows: the last block
  // must be compressed with the final flag.
  void update(const uint8_t* in, size_t n) {
    while (n > 0) {
      if (buflen == kBlockBytes<W>) {
        count(buflen);
        compress(buf, false);
        buflen = 0;
      }
      size_t take = std::min(n, kBlockBytes<W> - buflen);
      memcpy(buf + buflen, in, take);
      buflen += take;
      in += take;
      n -= take;
    }
  }

  // Finishes this (copied) state into out[outlen].
  void finish(uint8_t* out) {
    count(buflen);
    memset(buf + buflen, 0, kBlockBytes<W> - buflen);
    compress(buf, true);
    for (size_t i = 0; i < outlen; i++) out[i] = uint8_t(h[i / sizeof(W)] >> (8 * (i % sizeof(W))));
  }
};

// ---- the Python objects ----

template <class W>
struct Blake2Object : Object {
  Mutex mutex;
  Blake2State<W> state;
};

Type blake2b_type, blake2s_type;

template <class W>
Type* type_for() {
  return sizeof(W) == 8 ? &blake2b_type : &blake2s_type;
}

template <class W>
Blake2Object<W>* B(Value v) {
  return v.as<Blake2Object<W>>();
}

// An optional bytes-like parameter (key, salt, person): empty when absent.
bool bytes_param(Value v, BufferView* view) {
  if (!v) return true;
  return get_buffer(v, view);
}

// leaf_size and node_offset: unsigned C integers, as Argument Clinic converts them.
bool unsigned_param(Value v, bool is_long_long, uint64_t* out) {
  if (!v) return true;
  Value i = number_index(v);
  if (!i) return false;
  if (int_sign(i) < 0) {
    raise(&exc::ValueError, "value must be positive");
    return false;
  }
  if (int_to_u64(i, out)) return true;
  clear_error();
  raise(&exc::OverflowError, is_long_long ? "int too big to convert" : "Python int too large to convert to C unsigned long");
  return false;
}

// blake2b/blake2s(data=b'', /, *, digest_size, key, salt, person, fanout,
// depth, leaf_size, node_offset, node_depth, inner_size, last_node, usedforsecurity)
template <class W>
Value blake2_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  using V = Variant<W>;
  Value a[13];
  static const ArgSpec spec{V::kName,
                            {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size",
                             "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"},
                            0, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int digest_size = int(kOutBytes<W>), fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
  BufferView key, salt, person;
  uint64_t leaf_size = 0, node_offset = 0;
  if ((a[1] && !int_arg(a[1], &digest_size)) || !bytes_param(a[2], &key) || !bytes_param(a[3], &salt) ||
      !bytes_param(a[4], &person) || (a[5] && !int_arg(a[5], &fanout)) || (a[6] && !int_arg(a[6], &depth)) ||
      !unsigned_param(a[7], false, &leaf_size) || !unsigned_param(a[8], true, &node_offset) ||
      (a[9] && !int_arg(a[9], &node_depth)) || (a[10] && !int_arg(a[10], &inner_size)))
    return Value();
  int last_node = a[11] ? truthy(a[11]) : 0;
  if (last_node < 0 || (a[12] && truthy(a[12]) < 0)) return Value();

  if (digest_size <= 0 || size_t(digest_size) > kOutBytes<W>)
    return raise(&exc::ValueError, "digest_size must be between 1 and %d bytes", int(kOutBytes<W>));
  if (size_t(salt.size) > kSaltBytes<W>)
    return raise(&exc::ValueError, "maximum salt length is %d bytes", int(kSaltBytes<W>));
  if (size_t(person.size) > kSaltBytes<W>)
    return raise(&exc::ValueError, "maximum person length is %d bytes", int(kSaltBytes<W>));
  if (fanout < 0 || fanout > 255) return raise(&exc::ValueError, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise(&exc::ValueError, "depth must be between 1 and 255");
  if (leaf_size > 0xFFFFFFFFULL) return raise(&exc::OverflowError, "leaf_size is too large");
  if (node_offset > kMaxNodeOffset<W>)
    return raise(&exc::OverflowError, "node_offset is too large");
  if (node_depth < 0 || node_depth > 255) return raise(&exc::ValueError, "node_depth must be between 0 and 255");
  if (inner_size < 0 || size_t(inner_size) > kOutBytes<W>)
    return raise(&exc::ValueError, "inner_size must be between 0 and is %d", int(kOutBytes<W>));
  if (size_t(key.size) > kOutBytes<W>)
    return raise(&exc::ValueError, "maximum key length is %d bytes", int(kOutBytes<W>));
  BufferView data;
  if (a[0] && !hash_input(a[0], &data)) return Value();

  // The parameter block, XORed into the IV.
  uint8_t param[8 * sizeof(W)] = {};
  param[0] = uint8_t(digest_size);
  param[1] = uint8_t(key.size);
  param[2] = uint8_t(fanout);
  param[3] = uint8_t(depth);
  for (int i = 0; i < 4; i++) param[4 + i] = uint8_t(leaf_size >> (8 * i));
  for (int i = 0; i < V::kOffsetBytes; i++) param[8 + i] = uint8_t(node_offset >> (8 * i));
  param[8 + V::kOffsetBytes] = uint8_t(node_depth);
  param[9 + V::kOffsetBytes] = uint8_t(inner_size);
  memcpy(param + 4 * sizeof(W), salt.data, size_t(salt.size));
  memcpy(param + 6 * sizeof(W), person.data, size_t(person.size));

  auto* obj = alloc_instance<Blake2Object<W>>(type);
  Blake2State<W>& s = obj->state;
  for (int i = 0; i < 8; i++) s.h[i] = V::kIV[i] ^ load_le<W>(param + i * sizeof(W));
  s.outlen = uint8_t(digest_size);
  s.last_node = last_node;
  if (key.size > 0) {
    uint8_t block[kBlockBytes<W>] = {};
    memcpy(block, key.data, size_t(key.size));
    s.update(block, sizeof block);
  }
  if (a[0]) s.update(data.data, size_t(data.size));
  return Value(obj);
}

template <class W>
Value blake2_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("update", kwnames) || !check_positional("update", nargs, 1, 1)) return Value();
  BufferView view;
  if (!hash_input(args[0], &view)) return Value();
  Blake2Object<W>* b = B<W>(self);
  LockGuard guard(b->mutex);
  b->state.update(view.data, size_t(view.size));
  return None();
}

template <class W>
Value blake2_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return Value();
  Blake2Object<W>* b = B<W>(self);
  auto* c = alloc_instance<Blake2Object<W>>(type_of(self));
  LockGuard guard(b->mutex);
  c->state = b->state;
  return Value(c);
}

// The digest of what was fed so far; the object stays usable. Returns its length.
template <class W>
size_t blake2_final(Value self, uint8_t* out) {
  Blake2Object<W>* b = B<W>(self);
  Blake2State<W> copy;
  {
    LockGuard guard(b->mutex);
    copy = b->state;
  }
  copy.finish(out);
  return copy.outlen;
}

template <class W>
Value blake2_digest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("digest", nargs, kwnames)) return Value();
  uint8_t out[kOutBytes<W>];
  size_t n = blake2_final<W>(self, out);
  return Value(bytes_new(out, n));
}

template <class W>
Value blake2_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("hexdigest", nargs, kwnames)) return Value();
  uint8_t out[kOutBytes<W>];
  size_t n = blake2_final<W>(self, out);
  return hex_digest(out, n);
}

template <class W>
Value blake2_get_name(Value) {
  return Value(intern_cstr(Variant<W>::kName));
}
template <class W>
Value blake2_get_digest_size(Value self) {
  return Value::from_small_int(B<W>(self)->state.outlen);
}
template <class W>
Value blake2_get_block_size(Value) {
  return Value::from_small_int(int64_t(kBlockBytes<W>));
}

template <class W>
const MethodDef blake2_methods[] = {
    {"copy", blake2_copy<W>, kMethodInstance, "Return a copy of the hash object."},
    {"digest", blake2_digest<W>, kMethodInstance, "Return the digest value as a bytes object."},
    {"hexdigest", blake2_hexdigest<W>, kMethodInstance, "Return the digest value as a string of hexadecimal digits."},
    {"update", blake2_update<W>, kMethodInstance, "Update this hash object's state with the provided bytes-like object."},
    {nullptr}};

template <class W>
const GetSetDef blake2_getsets[] = {{"name", blake2_get_name<W>, nullptr, nullptr},
                                    {"digest_size", blake2_get_digest_size<W>, nullptr, nullptr},
                                    {"block_size", blake2_get_block_size<W>, nullptr, nullptr},
                                    {nullptr}};

// Readies one of the two types and adds its size constants to it and to the module.
template <class W>
bool ready_blake2_type(Module* m, const char* native_name, const char* prefix) {
  Type* t = type_for<W>();
  t->native_name = native_name;
  t->instance_size = sizeof(Blake2Object<W>);
  t->new_ = blake2_new<W>;
  t->methods = blake2_methods<W>;
  t->getsets = blake2_getsets<W>;
  type_ready(t);
  const std::pair<const char*, int64_t> sizes[] = {{"SALT_SIZE", int64_t(kSaltBytes<W>)},
                                                   {"PERSON_SIZE", int64_t(kSaltBytes<W>)},
                                                   {"MAX_KEY_SIZE", int64_t(kOutBytes<W>)},
                                                   {"MAX_DIGEST_SIZE", int64_t(kOutBytes<W>)}};
  for (auto [name, value] : sizes) {
    if (dict_set_str(t->dict, intern_cstr(name), Value::from_small_int(value)) < 0) return false;
    if (module_add(m, (std::string(prefix) + name).c_str(), Value::from_small_int(value)) < 0) return false;
  }
  return module_add(m, Variant<W>::kName, Value(t)) >= 0;
}

bool blake2_module_init(Module* m) {
  return ready_blake2_type<uint64_t>(m, "_blake2.blake2b", "BLAKE2B_") &&
         ready_blake2_type<uint32_t>(m, "_blake2.blake2s", "BLAKE2S_");
}

}  // namespace

extern const ModuleDef blake2_module;
const ModuleDef blake2_module = {"_blake2", "_blake2b provides BLAKE2b for hashlib", nullptr, blake2_module_init};

}  // namespace spindle
