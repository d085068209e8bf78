// dict (objects/dict.h): insertion, lookup, deletion and growth, insertion
// order, Python's key equivalences, keys with Python-level __eq__/__hash__,
// and concurrent use from several registered threads.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "registered_threads.h"
#include "vm/interp.h"

namespace spindle {
namespace {

Value I(int64_t i) { return int_from_i64(i); }
Value S(const std::string& s) { return Value(str_from_utf8(s)); }

std::vector<Value> keys_in_order(Dict* d) {
  std::vector<Value> keys;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) keys.push_back(k);
  return keys;
}

// Runs Python source in a fresh module namespace and returns that namespace.
Dict* run_python(const char* src) {
  Code* code = compile_source(src, strlen(src), S("<dict_test>"), parser::Mode::Exec);
  if (!code) return nullptr;
  Dict* globals = dict_new();
  dict_set_str(globals, intern_cstr("__name__"), S("dict_test"));
  dict_set_str(globals, intern_cstr("__builtins__"), import_module_cstr("builtins"));
  if (!eval_code(code, globals, Value(globals))) return nullptr;
  return globals;
}

class DictTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (error_occurred()) {
      Value e = fetch_error();
      ADD_FAILURE() << "exception left pending: " << type_name(e) << ": " << cstr(to_str(e));
    }
  }
};

TEST_F(DictTest, EmptyDict) {
  Dict* d = dict_new();
  EXPECT_EQ(dict_size(d), 0);
  EXPECT_FALSE(dict_get(d, I(1)));
  EXPECT_FALSE(error_occurred());
  EXPECT_FALSE(dict_pop(d, I(1)));
  EXPECT_FALSE(error_occurred());
  int64_t pos = 0;
  Value k, v;
  EXPECT_FALSE(dict_next(d, &pos, &k, &v));
  EXPECT_FALSE(dict_get_str(d, intern_cstr("x")));
}

TEST_F(DictTest, InsertLookupReplace) {
  Dict* d = dict_new();
  for (int64_t i = 0; i < 1000; i++) ASSERT_EQ(dict_set(d, I(i), I(i * i)), 0);
  EXPECT_EQ(dict_size(d), 1000);
  for (int64_t i = 0; i < 1000; i++) ASSERT_EQ(dict_get(d, I(i)), I(i * i)) << i;
  EXPECT_FALSE(dict_get(d, I(1000)));
  EXPECT_FALSE(dict_get(d, I(-1)));
  uint64_t version = d->keys_version.load();
  ASSERT_EQ(dict_set(d, I(5), S("five")), 0);  // replacing keeps size, order and keys_version
  EXPECT_EQ(dict_size(d), 1000);
  EXPECT_EQ(d->keys_version.load(), version);
  EXPECT_EQ(cstr(dict_get(d, I(5))), "five");
  EXPECT_EQ(keys_in_order(d)[5], I(5));
}

TEST_F(DictTest, DeleteAndReinsert) {
  Dict* d = dict_new();
  for (int64_t i = 0; i < 100; i++) dict_set(d, I(i), I(-i));
  uint64_t version = d->keys_version.load();
  for (int64_t i = 0; i < 100; i += 2) ASSERT_EQ(dict_del(d, I(i)), 0);
  EXPECT_GT(d->keys_version.load(), version);
  EXPECT_EQ(dict_size(d), 50);
  for (int64_t i = 0; i < 100; i++) {
    if (i % 2) EXPECT_EQ(dict_get(d, I(i)), I(-i));
    else EXPECT_FALSE(dict_get(d, I(i)));
  }
  EXPECT_EQ(dict_del(d, I(0)), -1);
  ASSERT_TRUE(error_matches(&exc::KeyError));
  EXPECT_EQ(cstr(repr(fetch_error())), "KeyError(0)");

  // A re-inserted key goes to the end.
  dict_set(d, I(0), S("back"));
  std::vector<Value> keys = keys_in_order(d);
  ASSERT_EQ(keys.size(), 51u);
  EXPECT_EQ(keys.front(), I(1));
  EXPECT_EQ(keys.back(), I(0));
  EXPECT_EQ(cstr(dict_pop(d, I(0))), "back");
}

TEST_F(DictTest, PopSetdefaultClearCopy) {
  Dict* d = dict_new();
  Value a = S("a");
  EXPECT_EQ(dict_setdefault(d, a, I(1)), I(1));
  EXPECT_EQ(dict_setdefault(d, S("a"), I(2)), I(1));  // present: the stored value
  EXPECT_EQ(dict_size(d), 1);
  dict_set(d, I(7), I(70));
  Dict* copy = dict_copy(d);
  EXPECT_EQ(dict_pop(d, I(7)), I(70));
  EXPECT_FALSE(dict_pop(d, I(7)));
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(dict_size(d), 1);
  EXPECT_EQ(dict_size(copy), 2);
  EXPECT_EQ(dict_get(copy, I(7)), I(70));
  dict_clear(d);
  EXPECT_EQ(dict_size(d), 0);
  EXPECT_FALSE(dict_get(d, a));
  dict_set(d, I(1), I(1));  // usable after clear
  EXPECT_EQ(dict_size(d), 1);
  EXPECT_EQ(dict_size(copy), 2);
}

TEST_F(DictTest, GrowsThroughManyResizes) {
  Dict* d = dict_new();
  constexpr int64_t n = 200000;
  for (int64_t i = 0; i < n; i++) ASSERT_EQ(dict_set(d, I(i * 7919), I(i)), 0);
  EXPECT_EQ(dict_size(d), n);
  for (int64_t i = 0; i < n; i++) ASSERT_EQ(dict_get(d, I(i * 7919)), I(i));
  std::vector<Value> keys = keys_in_order(d);
  ASSERT_EQ(int64_t(keys.size()), n);
  for (int64_t i = 0; i < n; i++) ASSERT_EQ(keys[size_t(i)], I(i * 7919));
  // Shrink by deletion, then grow again: the deleted entries are dropped by the next resize.
  for (int64_t i = 0; i < n; i++) {
    if (i % 10) {
      ASSERT_EQ(dict_del(d, I(i * 7919)), 0);
    }
  }
  for (int64_t i = 0; i < n; i++) ASSERT_EQ(dict_set(d, I(-i - 1), I(i)), 0);
  EXPECT_EQ(dict_size(d), n / 10 + n);
  keys = keys_in_order(d);
  ASSERT_EQ(int64_t(keys.size()), n / 10 + n);
  EXPECT_EQ(keys[0], I(0));
  EXPECT_EQ(keys[1], I(10 * 7919));
  EXPECT_EQ(keys[size_t(n / 10)], I(-1));
}

TEST_F(DictTest, PresizedDict) {
  Dict* d = dict_new(1000);
  for (int64_t i = 0; i < 1000; i++) dict_set(d, I(i), I(i));
  EXPECT_EQ(dict_size(d), 1000);
  EXPECT_EQ(dict_get(d, I(999)), I(999));
}

TEST_F(DictTest, InsertionOrderWithMixedKeys) {
  Dict* d = dict_new();
  std::vector<Value> expected = {S("zeta"), I(3), Value::from_double(2.5), None(), S("alpha"),
                                 int_lshift(I(1), I(100)), I(-1)};
  for (size_t i = 0; i < expected.size(); i++) ASSERT_EQ(dict_set(d, expected[i], I(int64_t(i))), 0);
  std::vector<Value> keys = keys_in_order(d);
  ASSERT_EQ(keys.size(), expected.size());
  for (size_t i = 0; i < keys.size(); i++) EXPECT_EQ(keys[i], expected[i]) << i;
}

TEST_F(DictTest, StrKeysCompareByContent) {
  Dict* d = dict_new();
  Value k1 = S("key-with-some-length");
  Value k2 = S("key-with-some-length");  // equal, not identical
  ASSERT_NE(k1, k2);
  dict_set(d, k1, I(1));
  EXPECT_EQ(dict_get(d, k2), I(1));
  EXPECT_EQ(dict_get_str(d, k2.as<Str>()), I(1));
  dict_set_str(d, k2.as<Str>(), I(2));
  EXPECT_EQ(dict_size(d), 1);
  EXPECT_EQ(dict_get(d, k1), I(2));
  EXPECT_EQ(keys_in_order(d)[0], k1);  // the first key object is kept
  // Non-ASCII and the empty string.
  dict_set(d, S("\xC3\xA9t\xC3\xA9"), I(3));
  dict_set(d, S(""), I(4));
  EXPECT_EQ(dict_get_str(d, str_from_utf8("\xC3\xA9t\xC3\xA9", 5)), I(3));
  EXPECT_EQ(dict_get_str(d, str_empty()), I(4));
  int64_t index = dict_find_index_str(d, k2.as<Str>());
  ASSERT_GE(index, 0);
  EXPECT_EQ(dict_value_at_if_key(d, index, k1.as<Str>()), I(2));
  EXPECT_FALSE(dict_value_at_if_key(d, index, k2.as<Str>()));  // identity only
}

TEST_F(DictTest, NumericKeysFollowPythonEquality) {
  Dict* d = dict_new();
  dict_set(d, I(1), S("int"));
  EXPECT_EQ(cstr(dict_get(d, Value::from_double(1.0))), "int");
  EXPECT_EQ(cstr(dict_get(d, True())), "int");
  dict_set(d, True(), S("bool"));  // same key: the value changes, the key stays 1
  EXPECT_EQ(dict_size(d), 1);
  EXPECT_EQ(keys_in_order(d)[0], I(1));
  EXPECT_EQ(cstr(dict_get(d, I(1))), "bool");
  dict_set(d, Value::from_double(0.0), S("zero"));
  EXPECT_EQ(cstr(dict_get(d, Value::from_double(-0.0))), "zero");
  EXPECT_EQ(cstr(dict_get(d, False())), "zero");
  EXPECT_EQ(cstr(dict_get(d, I(0))), "zero");
  // A big int and the float of the same value.
  Value big = int_lshift(I(1), I(60));
  dict_set(d, big, S("big"));
  EXPECT_EQ(cstr(dict_get(d, Value::from_double(1152921504606846976.0))), "big");
  EXPECT_FALSE(dict_get(d, int_add(big, I(1))));
  // NaN is found only by identity.
  Value nan = Value::from_double(std::nan(""));
  dict_set(d, nan, S("nan"));
  EXPECT_EQ(cstr(dict_get(d, nan)), "nan");
}

TEST_F(DictTest, UnhashableKey) {
  Dict* d = dict_new();
  Value l = Value(list_new());
  EXPECT_EQ(dict_set(d, l, I(1)), -1);
  ASSERT_TRUE(error_matches(&exc::TypeError));
  EXPECT_EQ(cstr(to_str(fetch_error())), "unhashable type: 'list'");
  EXPECT_FALSE(dict_get(d, l));
  ASSERT_TRUE(error_matches(&exc::TypeError));
  clear_error();
  EXPECT_EQ(dict_size(d), 0);
}

TEST_F(DictTest, KeysWithPythonEqualityAndHash) {
  Dict* ns = run_python(
      "class Key:\n"
      "    calls = 0\n"
      "    def __init__(self, n): self.n = n\n"
      "    def __hash__(self): return 42\n"  // every key collides
      "    def __eq__(self, other):\n"
      "        Key.calls += 1\n"
      "        if isinstance(other, Key) and other.n < 0: raise ValueError('bad key')\n"
      "        return isinstance(other, Key) and self.n == other.n\n"
      "keys = [Key(i) for i in range(50)]\n"
      "same = [Key(i) for i in range(50)]\n"
      "bad = Key(-1)\n");
  ASSERT_TRUE(ns);
  List* keys = dict_get_str(ns, intern_cstr("keys")).as<List>();
  List* same = dict_get_str(ns, intern_cstr("same")).as<List>();
  Dict* d = dict_new();
  for (int64_t i = 0; i < 50; i++) ASSERT_EQ(dict_set(d, list_get(keys, i), I(i)), 0);
  EXPECT_EQ(dict_size(d), 50);
  for (int64_t i = 0; i < 50; i++) ASSERT_EQ(dict_get(d, list_get(same, i)), I(i)) << i;
  ASSERT_EQ(dict_set(d, list_get(same, 10), I(-10)), 0);
  EXPECT_EQ(dict_size(d), 50);
  EXPECT_EQ(dict_get(d, list_get(keys, 10)), I(-10));
  ASSERT_EQ(dict_del(d, list_get(same, 20)), 0);
  EXPECT_EQ(dict_size(d), 49);
  EXPECT_FALSE(dict_get(d, list_get(keys, 20)));
  EXPECT_FALSE(error_occurred());
  // An exception from __eq__ propagates out of the lookup.
  Value bad = dict_get_str(ns, intern_cstr("bad"));
  EXPECT_FALSE(dict_get(d, bad));
  ASSERT_TRUE(error_matches(&exc::ValueError));
  clear_error();
  EXPECT_EQ(dict_set(d, bad, I(0)), -1);
  ASSERT_TRUE(error_matches(&exc::ValueError));
  clear_error();
  EXPECT_EQ(dict_size(d), 49);
}

// ---- concurrency ----

TEST_F(DictTest, ConcurrentWritersOfDisjointKeys) {
  constexpr int kThreads = 4;
  constexpr int64_t kPerThread = 30000;
  Dict* d = dict_new();
  std::atomic<int> failures{0};
  unit::run_registered_threads(kThreads, [&](int t) {
    for (int64_t i = 0; i < kPerThread; i++) {
      int64_t key = i * kThreads + t;
      if (dict_set(d, I(key), I(-key)) != 0) failures++;
      // Our own write is visible at once, whatever resizes the others cause.
      if (dict_get(d, I(key)) != I(-key)) failures++;
      // Absent keys stay absent.
      if (i % 3 == 0 && dict_get(d, S("s" + std::to_string(key)))) failures++;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(dict_size(d), kThreads * kPerThread);
  for (int64_t key = 0; key < kThreads * kPerThread; key++) ASSERT_EQ(dict_get(d, I(key)), I(-key)) << key;
  EXPECT_EQ(int64_t(keys_in_order(d).size()), kThreads * kPerThread);
}

TEST_F(DictTest, ReadersSeeOnlyCompleteEntriesWhileWritersGrowTheTable) {
  constexpr int kWriters = 2;
  constexpr int kReaders = 2;
  constexpr int64_t kPerWriter = 40000;
  Dict* d = dict_new();
  std::atomic<int> writers_left{kWriters};
  std::atomic<int> bad_reads{0};
  std::atomic<int64_t> hits{0};
  unit::run_registered_threads(kWriters + kReaders, [&](int t) {
    if (t < kWriters) {
      for (int64_t i = 0; i < kPerWriter; i++) {
        int64_t key = i * kWriters + t;
        dict_set(d, S("k" + std::to_string(key)), I(key));
      }
      writers_left--;
      return;
    }
    int64_t probe = t;
    while (writers_left.load() > 0) {
      probe = (probe * 1103515245 + 12345) % (kWriters * kPerWriter);
      Value v = dict_get(d, S("k" + std::to_string(probe)));
      if (v) {
        hits++;
        if (v != I(probe)) bad_reads++;
      } else if (error_occurred()) {
        clear_error();
        bad_reads++;
      }
      // Iterating a snapshot never yields a torn entry.
      if (probe % 512 == 0) {
        int64_t pos = 0;
        Value k, val;
        while (dict_next(d, &pos, &k, &val))
          if (!is_str(k) || !val.is_small_int() || cstr(k) != "k" + std::to_string(val.as_small_int())) bad_reads++;
      }
    }
  });
  EXPECT_EQ(bad_reads.load(), 0);
  EXPECT_EQ(dict_size(d), kWriters * kPerWriter);
  for (int64_t key = 0; key < kWriters * kPerWriter; key++)
    ASSERT_EQ(dict_get(d, S("k" + std::to_string(key))), I(key)) << key;
}

TEST_F(DictTest, ConcurrentInsertDeleteOfSharedKeys) {
  // Every thread toggles the same keys; at the end each key is present or not
  // and the size matches the live keys exactly.
  constexpr int kThreads = 4;
  constexpr int64_t kKeys = 64;
  constexpr int kRounds = 20000;
  Dict* d = dict_new();
  unit::run_registered_threads(kThreads, [&](int t) {
    for (int r = 0; r < kRounds; r++) {
      int64_t key = (r * 7 + t) % kKeys;
      if ((r + t) & 1) {
        dict_set(d, I(key), I(key + 1000));
      } else {
        dict_pop(d, I(key));
      }
      if (Value v = dict_get(d, I(key)); v && v != I(key + 1000)) ADD_FAILURE() << "torn value for " << key;
    }
  });
  EXPECT_FALSE(error_occurred());
  int64_t live = 0;
  for (int64_t key = 0; key < kKeys; key++) {
    Value v = dict_get(d, I(key));
    if (v) {
      live++;
      EXPECT_EQ(v, I(key + 1000));
    }
  }
  EXPECT_EQ(dict_size(d), live);
  EXPECT_EQ(int64_t(keys_in_order(d).size()), live);
}

TEST_F(DictTest, ConcurrentUseWhileCollecting) {
  // Tables replaced by resizes are garbage as soon as no reader holds them;
  // collections running meanwhile must keep every table a thread still uses.
  constexpr int kWorkers = 3;
  constexpr int64_t kPerWorker = 20000;
  Dict* d = dict_new();
  unit::BackgroundCollector collector(kWorkers);
  std::atomic<int> failures{0};
  unit::run_registered_threads(kWorkers + 1, [&](int t) {
    if (t == kWorkers) {
      collector.run();
      return;
    }
    collector.wait_until_running();
    Dict* local = dict_new();  // reachable only from this thread's stack
    for (int64_t i = 0; i < kPerWorker; i++) {
      Value key = S("w" + std::to_string(t) + "-" + std::to_string(i));
      dict_set(d, key, I(i));
      dict_set(local, I(i), key);
    }
    for (int64_t i = 0; i < kPerWorker; i++) {
      Value key = dict_get(local, I(i));
      if (!key || dict_get(d, key) != I(i)) failures++;
    }
    collector.finish();
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(collector.collections(), 1);
  EXPECT_EQ(dict_size(d), kWorkers * kPerWorker);
}

}  // namespace
}  // namespace spindle
