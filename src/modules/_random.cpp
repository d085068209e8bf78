// The _random module: the Mersenne Twister (MT19937) generator that random.py
// builds on. Seeding, output and state layout match CPython exactly, so seeded
// sequences are identical. Each generator has its own Mutex: concurrent calls
// on a shared Random never interleave inside one step of the generator.
#include <sys/random.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <ctime>
#include <vector>

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;

Type random_type;

struct RandomObject : Object {
  Mutex mutex;
  int index;  // next word of state to temper; kN: regenerate first
  uint32_t state[kN];
};

RandomObject* R(Value v) { return v.as<RandomObject>(); }

// ---- the generator (callers hold the mutex)

void init_genrand(RandomObject* r, uint32_t seed) {
  uint32_t* mt = r->state;
  mt[0] = seed;
  for (int i = 1; i < kN; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
  r->index = kN;
}

void init_by_array(RandomObject* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218u);
  size_t i = 1, j = 0;
  for (size_t k = kN > key_length ? kN : key_length; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    i++;
    j++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    i++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // the most significant bit is 1: a non-zero initial array
}

inline uint32_t twist(uint32_t upper_word, uint32_t lower_word, uint32_t far_word) {
  uint32_t y = (upper_word & kUpperMask) | (lower_word & kLowerMask);
  return far_word ^ (y >> 1) ^ ((y & 1) ? kMatrixA : 0u);
}

uint32_t genrand_uint32(RandomObject* r) {
  uint32_t* mt = r->state;
  if (r->index >= kN) {
    int kk = 0;
    for (; kk < kN - kM; kk++) mt[kk] = twist(mt[kk], mt[kk + 1], mt[kk + kM]);
    for (; kk < kN - 1; kk++) mt[kk] = twist(mt[kk], mt[kk + 1], mt[kk + (kM - kN)]);
    mt[kN - 1] = twist(mt[kN - 1], mt[0], mt[kM - 1]);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

// ---- seeding

// A key from the OS's entropy source, or from the time and pid when it fails.
void seed_from_os(RandomObject* r) {
  uint32_t key[kN];
  size_t filled = 0;
  while (filled < sizeof key) {
    ssize_t got = getrandom(reinterpret_cast<char*>(key) + filled, sizeof key - filled, 0);
    if (got <= 0) break;
    filled += size_t(got);
  }
  LockGuard guard(r->mutex);
  if (filled == sizeof key) {
    init_by_array(r, key, kN);
    return;
  }
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  struct timespec mono;
  clock_gettime(CLOCK_MONOTONIC, &mono);
  uint32_t fallback[5] = {uint32_t(now.tv_sec), uint32_t(uint64_t(now.tv_sec) >> 32), uint32_t(now.tv_nsec),
                          uint32_t(getpid()), uint32_t(mono.tv_nsec)};
  init_by_array(r, fallback, 5);
}

// Seeds from arg: None draws from the OS; an int seeds with its absolute value
// (32-bit chunks, least significant first); anything else with its hash.
bool seed_random(RandomObject* r, Value arg) {
  if (!arg || is_none(arg)) {
    seed_from_os(r);
    return true;
  }
  mpz_t n;
  mpz_init(n);
  if (is_int(arg)) {
    int_to_mpz(arg, n);
    mpz_abs(n, n);
  } else {
    int64_t h = hash(arg);
    if (h == -1 && error_occurred()) {
      mpz_clear(n);
      return false;
    }
    mpz_import(n, 1, 1, sizeof(uint64_t), 0, 0, &h);  // the hash as an unsigned 64-bit number
  }
  size_t words = mpz_sgn(n) == 0 ? 1 : (mpz_sizeinbase(n, 2) - 1) / 32 + 1;
  std::vector<uint32_t> key(words, 0);
  mpz_export(key.data(), nullptr, -1, sizeof(uint32_t), 0, 0, n);
  mpz_clear(n);
  LockGuard guard(r->mutex);
  init_by_array(r, key.data(), words);
  return true;
}

// ---- methods

// Argument checks with the messages of CPython's METH_NOARGS / METH_O methods.
bool check_method_args(const char* method, size_t nargs, Tuple* kwnames, size_t expected) {
  if (kwcount(kwnames)) {
    raise(&exc::TypeError, "Random.%s() takes no keyword arguments", method);
    return false;
  }
  if (nargs == expected) return true;
  if (expected == 0)
    raise(&exc::TypeError, "Random.%s() takes no arguments (%zd given)", method, ssize_t(nargs));
  else
    raise(&exc::TypeError, "Random.%s() takes exactly one argument (%zd given)", method, ssize_t(nargs));
  return false;
}

Value random_new(Type* type, const Value*, size_t, Tuple*) {
  auto* r = alloc_instance<RandomObject>(type);
  r->index = 0;  // unseeded: the all-zero state, read from the start as CPython does
  return Value(r);
}

int random_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(self);
  if ((t == &random_type || t->init == random_type.init) && kwcount(kwnames)) {
    raise(&exc::TypeError, "Random() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise(&exc::TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return seed_random(R(self), nargs ? args[0] : Value()) ? 0 : -1;
}

Value random_seed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwcount(kwnames)) return raise(&exc::TypeError, "Random.seed() takes no keyword arguments");
  if (!check_positional("seed", nargs, 0, 1)) return Value();
  if (!seed_random(R(self), nargs ? args[0] : Value())) return Value();
  return None();
}

Value random_random(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_method_args("random", nargs, kwnames, 0)) return Value();
  RandomObject* r = R(self);
  uint32_t a, b;
  {
    LockGuard guard(r->mutex);
    a = genrand_uint32(r) >> 5;
    b = genrand_uint32(r) >> 6;
  }
  return Value::from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value random_getrandbits(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_method_args("getrandbits", nargs, kwnames, 1)) return Value();
  Value k_index = number_index(args[0]);
  if (!k_index) return Value();
  int64_t k;
  if (!int_to_i64(k_index, &k) || k > INT32_MAX || k < INT32_MIN) {
    clear_error();
    return raise(&exc::OverflowError, "Python int too large to convert to C int");
  }
  if (k < 0) return raise(&exc::ValueError, "number of bits must be non-negative");
  RandomObject* r = R(self);
  if (k == 0) return Value::from_small_int(0);
  if (k <= 32) {
    LockGuard guard(r->mutex);
    return Value::from_small_int(int64_t(genrand_uint32(r) >> (32 - k)));
  }
  size_t words = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> bits(words);
  {
    LockGuard guard(r->mutex);
    int64_t remaining = k;
    for (size_t i = 0; i < words; i++, remaining -= 32) {
      uint32_t w = genrand_uint32(r);
      if (remaining < 32) w >>= (32 - remaining);  // drop the least significant bits
      bits[i] = w;
    }
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, bits.data());
  Value result = int_from_mpz(z);
  mpz_clear(z);
  return result;
}

Value random_getstate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_method_args("getstate", nargs, kwnames, 0)) return Value();
  RandomObject* r = R(self);
  uint32_t snapshot[kN];
  int index;
  {
    LockGuard guard(r->mutex);
    memcpy(snapshot, r->state, sizeof snapshot);
    index = r->index;
  }
  Tuple* t = tuple_new(kN + 1);
  for (int i = 0; i < kN; i++) t->items[i] = Value::from_small_int(snapshot[i]);
  t->items[kN] = Value::from_small_int(index);
  return Value(t);
}

Value random_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_method_args("setstate", nargs, kwnames, 1)) return Value();
  if (!is_instance_of(args[0], &tuple_type)) return raise(&exc::TypeError, "state vector must be a tuple");
  Tuple* t = args[0].as<Tuple>();
  if (t->size != kN + 1) return raise(&exc::ValueError, "state vector is the wrong size");
  uint32_t fresh[kN];
  for (int i = 0; i < kN; i++) {
    Value item = t->items[i];
    if (!is_int(item)) return raise(&exc::TypeError, "an integer is required");
    uint64_t word;
    if (int_sign(item) < 0) return raise(&exc::OverflowError, "can't convert negative value to unsigned int");
    if (!int_to_u64(item, &word)) {
      clear_error();
      return raise(&exc::OverflowError, "Python int too large to convert to C unsigned long");
    }
    fresh[i] = uint32_t(word);
  }
  Value last = t->items[kN];
  if (!is_int(last)) return raise(&exc::TypeError, "an integer is required");
  int64_t index;
  if (!int_to_i64(last, &index)) {
    clear_error();
    return raise(&exc::OverflowError, "Python int too large to convert to C long");
  }
  if (index < 0 || index > kN) return raise(&exc::ValueError, "invalid state");
  RandomObject* r = R(self);
  LockGuard guard(r->mutex);
  memcpy(r->state, fresh, sizeof fresh);
  r->index = int(index);
  return None();
}

const MethodDef random_methods[] = {
    {"random", random_random, kMethodInstance, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, kMethodInstance, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", random_getstate, kMethodInstance, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, kMethodInstance, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, kMethodInstance, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr}};

bool random_module_init(Module* m) {
  random_type.native_name = "_random.Random";
  random_type.instance_size = sizeof(RandomObject);
  random_type.flags = kTypeBaseType;
  random_type.new_ = random_new;
  random_type.init = random_init;
  random_type.methods = random_methods;
  random_type.doc = "Random() -> create a random number generator with its own internal state.";
  type_ready(&random_type);
  return module_add(m, "Random", Value(&random_type)) >= 0;
}

}  // namespace

extern const ModuleDef random_module;
const ModuleDef random_module = {"_random", "Module implements the Mersenne Twister random number generator.", nullptr,
                                 random_module_init};

}  // namespace spindle
