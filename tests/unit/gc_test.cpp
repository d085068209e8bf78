// The collector interface (gc/gc.h): allocation kinds, weak links cleared
// once their object is unreachable, finalizers queued by a collection and run
// only at the drain point, enable/disable, statistics, and allocation from
// several registered threads while collections run.
//
// The collector is conservative: a stale copy of a pointer in a register or a
// dead stack slot can keep one object alive. Tests about unreachable objects
// therefore create many and expect most, not all, to be reclaimed; tests about
// reachable objects expect all of them to survive.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <vector>

#include "gc/gc.h"
#include "registered_threads.h"

namespace spindle {
namespace {

struct Node {
  Node* next;
  uint64_t payload;
};

// Overwrites a stretch of dead stack so stale pointers from earlier calls do
// not pin objects.
__attribute__((noinline)) void scrub_stack() {
  volatile char buffer[16384];
  for (size_t i = 0; i < sizeof buffer; i++) buffer[i] = 0;
}

void collect_clean() {
  scrub_stack();
  gc::collect();
}

// Weak links must live in memory the collector does not scan (or they would
// keep their objects alive): an atomic block, itself kept by a scanned root.
struct WeakTable {
  void** links;
  size_t count;
};

WeakTable* new_weak_table(size_t n) {
  auto* t = gc::make<WeakTable>();
  t->links = static_cast<void**>(gc::alloc_atomic(n * sizeof(void*)));
  std::memset(t->links, 0, n * sizeof(void*));
  t->count = n;
  return t;
}

// Fills the table with links to fresh objects; objects whose index is a
// multiple of `keep_every` are also chained from the returned list.
__attribute__((noinline)) Node* link_fresh_objects(WeakTable* t, size_t keep_every) {
  Node* kept = nullptr;
  for (size_t i = 0; i < t->count; i++) {
    auto* n = gc::make<Node>();
    n->payload = i;
    gc::register_weak_link(&t->links[i], n);
    if (i % keep_every == 0) {
      auto* holder = gc::make<Node>();
      holder->next = kept;
      holder->payload = reinterpret_cast<uint64_t>(n);  // hidden from nobody: holder is scanned
      kept = holder;
    }
  }
  return kept;
}

size_t count_cleared(const WeakTable* t) {
  size_t cleared = 0;
  for (size_t i = 0; i < t->count; i++) cleared += t->links[i] == nullptr;
  return cleared;
}

TEST(GcTest, AllocIsZeroedAndScanned) {
  for (size_t size : {size_t(8), size_t(24), size_t(1000), size_t(1) << 16}) {
    auto* p = static_cast<unsigned char*>(gc::alloc(size));
    ASSERT_NE(p, nullptr);
    for (size_t i = 0; i < size; i++) ASSERT_EQ(p[i], 0) << size;
  }
  // A chain reachable only through scanned blocks survives collections.
  Node* head = nullptr;
  for (uint64_t i = 0; i < 10000; i++) {
    Node* n = gc::make<Node>();
    n->next = head;
    n->payload = i;
    head = n;
  }
  collect_clean();
  // Churn so freed memory would be reused if the chain had been collected.
  for (int i = 0; i < 20000; i++) {
    auto* junk = gc::make<Node>();
    junk->payload = ~uint64_t(0);
  }
  collect_clean();
  uint64_t expected = 9999;
  for (Node* n = head; n; n = n->next) ASSERT_EQ(n->payload, expected--);
  EXPECT_EQ(expected, ~uint64_t(0));
}

TEST(GcTest, AtomicMemoryAndRealloc) {
  auto* bytes = static_cast<char*>(gc::alloc_atomic(100));
  ASSERT_NE(bytes, nullptr);
  for (int i = 0; i < 100; i++) bytes[i] = char(i);
  bytes = static_cast<char*>(gc::realloc_atomic(bytes, 100000));
  for (int i = 0; i < 100; i++) ASSERT_EQ(bytes[i], char(i));
  bytes[99999] = 'x';
  bytes = static_cast<char*>(gc::realloc_atomic(bytes, 10));
  for (int i = 0; i < 10; i++) ASSERT_EQ(bytes[i], char(i));
}

TEST(GcTest, AtomicMemoryIsNotScanned) {
  // Objects referenced only from atomic memory are reclaimed.
  constexpr size_t n = 200;
  WeakTable* weak = new_weak_table(n);
  auto** refs = static_cast<void**>(gc::alloc_atomic(n * sizeof(void*)));
  [&]() __attribute__((noinline)) {
    for (size_t i = 0; i < n; i++) {
      refs[i] = gc::make<Node>();
      gc::register_weak_link(&weak->links[i], refs[i]);
    }
  }();
  collect_clean();
  EXPECT_GT(count_cleared(weak), n * 9 / 10);
}

TEST(GcTest, UncollectableMemoryIsARoot) {
  auto** root = static_cast<Node**>(gc::alloc_uncollectable(sizeof(Node*)));
  WeakTable* weak = new_weak_table(1);
  [&]() __attribute__((noinline)) {
    *root = gc::make<Node>();
    (*root)->payload = 77;
    gc::register_weak_link(&weak->links[0], *root);
  }();
  collect_clean();
  EXPECT_NE(weak->links[0], nullptr);
  EXPECT_EQ((*root)->payload, 77u);
  gc::free_uncollectable(root);
}

TEST(GcTest, WeakLinksClearedForUnreachableObjectsOnly) {
  constexpr size_t n = 1000;
  WeakTable* weak = new_weak_table(n);
  gc::disable();  // no automatic collection before the check below
  Node* kept = link_fresh_objects(weak, 10);
  // Before a collection every link still points at its object.
  EXPECT_EQ(count_cleared(weak), 0u);
  gc::enable();
  collect_clean();
  // Every strongly held object keeps its link.
  for (size_t i = 0; i < n; i += 10) {
    ASSERT_NE(weak->links[i], nullptr) << i;
    EXPECT_EQ(static_cast<Node*>(weak->links[i])->payload, i);
  }
  size_t kept_count = 0;
  for (Node* h = kept; h; h = h->next) kept_count++;
  EXPECT_EQ(kept_count, n / 10);
  // Nearly all the others are gone.
  EXPECT_GT(count_cleared(weak), (n - n / 10) * 9 / 10);
}

TEST(GcTest, UnregisteredWeakLinkIsLeftAlone) {
  WeakTable* weak = new_weak_table(2);
  static void* keep_alive;  // static memory is a root
  [&]() __attribute__((noinline)) {
    Node* a = gc::make<Node>();
    gc::register_weak_link(&weak->links[0], a);
    gc::unregister_weak_link(&weak->links[0]);
    keep_alive = nullptr;
    // links[1] points at an object that stays reachable from static memory.
    Node* b = gc::make<Node>();
    keep_alive = b;
    gc::register_weak_link(&weak->links[1], b);
  }();
  void* unregistered = weak->links[0];
  collect_clean();
  EXPECT_EQ(weak->links[0], unregistered);  // not cleared: no longer registered
  EXPECT_EQ(weak->links[1], keep_alive);
  keep_alive = nullptr;
}

std::atomic<int> finalized{0};
std::atomic<int> finalized_with_wrong_data{0};

void count_finalizer(void* obj, void* data) {
  auto* n = static_cast<Node*>(obj);
  if (reinterpret_cast<uint64_t>(data) != n->payload) finalized_with_wrong_data++;
  finalized++;
}

std::atomic<int> unregistered_ran{0};
void unexpected_finalizer(void*, void*) { unregistered_ran++; }

__attribute__((noinline)) void make_finalizable(int n) {
  for (int i = 0; i < n; i++) {
    Node* node = gc::make<Node>();
    node->payload = uint64_t(i) + 1;
    gc::register_finalizer(node, count_finalizer, reinterpret_cast<void*>(uint64_t(i) + 1));
  }
}

__attribute__((noinline)) void make_unregistered(int n) {
  for (int i = 0; i < n; i++) {
    Node* node = gc::make<Node>();
    gc::register_finalizer(node, unexpected_finalizer, nullptr);
    gc::unregister_finalizer(node);
  }
}

TEST(GcTest, FinalizersRunOnlyWhenDrained) {
  // Whatever earlier tests left queued runs first.
  gc::drain_finalizers();
  finalized = 0;
  constexpr int n = 500;
  make_finalizable(n);
  make_unregistered(n);
  collect_clean();
  // The collection queues them; nothing has run yet.
  EXPECT_TRUE(gc::finalizers_pending());
  EXPECT_EQ(finalized.load(), 0);
  EXPECT_EQ(unregistered_ran.load(), 0);
  gc::drain_finalizers();
  EXPECT_FALSE(gc::finalizers_pending());
  EXPECT_GT(finalized.load(), n * 9 / 10);
  EXPECT_LE(finalized.load(), n);
  EXPECT_EQ(finalized_with_wrong_data.load(), 0);
  EXPECT_EQ(unregistered_ran.load(), 0);
  // Each finalizer runs once: another round finds nothing new from this batch.
  int after_first = finalized.load();
  collect_clean();
  gc::drain_finalizers();
  EXPECT_LE(finalized.load(), n);
  EXPECT_GE(finalized.load(), after_first);
}

TEST(GcTest, FinalizedObjectIsIntactInsideItsFinalizer) {
  // The object and what it references are still valid when its finalizer runs
  // (the finalizer may resurrect it, as __del__ can).
  static std::atomic<uint64_t> seen_sum{0};
  static Node* resurrected = nullptr;
  seen_sum = 0;
  resurrected = nullptr;
  gc::drain_finalizers();
  [&]() __attribute__((noinline)) {
    for (int i = 0; i < 50; i++) {
      Node* child = gc::make<Node>();
      child->payload = 1000 + uint64_t(i);
      Node* parent = gc::make<Node>();
      parent->next = child;
      gc::register_finalizer(
          parent,
          [](void* obj, void*) {
            auto* p = static_cast<Node*>(obj);
            seen_sum += p->next->payload;
            resurrected = p;  // static memory: a root from now on
          },
          nullptr);
    }
  }();
  collect_clean();
  gc::drain_finalizers();
  ASSERT_NE(resurrected, nullptr);
  EXPECT_GE(resurrected->next->payload, 1000u);
  EXPECT_GT(seen_sum.load(), 0u);
  collect_clean();
  EXPECT_GE(resurrected->next->payload, 1000u);  // still alive after resurrection
  resurrected = nullptr;
}

TEST(GcTest, EnableDisable) {
  ASSERT_TRUE(gc::is_enabled());
  gc::disable();
  EXPECT_FALSE(gc::is_enabled());
  // Allocation keeps working (the heap grows instead of collecting).
  for (int i = 0; i < 10000; i++) gc::make<Node>();
  gc::enable();
  EXPECT_TRUE(gc::is_enabled());
}

// gc.collect() collects even while gc.disable() is in effect, in CPython; the
// interface's collect() must do the same for the gc module to match.
TEST(GcTest, CollectWorksWhileDisabled) {
  gc::disable();
  uint64_t before = gc::stats().collections;
  gc::collect();
  uint64_t after = gc::stats().collections;
  gc::enable();
  EXPECT_GT(after, before);
}

TEST(GcTest, Stats) {
  gc::Stats before = gc::stats();
  EXPECT_GT(before.heap_bytes, 0u);
  EXPECT_LE(before.free_bytes, before.heap_bytes);
  EXPECT_LE(before.max_pause_ns, before.total_pause_ns);
  gc::disable();  // no automatic collection in between
  for (int i = 0; i < 1000; i++) gc::alloc(1024);
  gc::Stats grown = gc::stats();
  gc::enable();
  EXPECT_GE(grown.allocated_since_collect, before.allocated_since_collect + 1000 * 1024);
  gc::collect();
  gc::Stats after = gc::stats();
  EXPECT_EQ(after.collections, grown.collections + 1);
  EXPECT_LT(after.allocated_since_collect, grown.allocated_since_collect);
  EXPECT_GT(after.total_pause_ns, before.total_pause_ns);
  EXPECT_GT(after.max_pause_ns, 0u);
  EXPECT_LE(after.max_pause_ns, after.total_pause_ns);
}

TEST(GcTest, AddRootsMakesARangeARoot) {
  static void* slots[4];
  gc::add_roots(slots, slots + 4);
  WeakTable* weak = new_weak_table(4);
  [&]() __attribute__((noinline)) {
    for (int i = 0; i < 4; i++) {
      slots[i] = gc::make<Node>();
      gc::register_weak_link(&weak->links[i], slots[i]);
    }
  }();
  collect_clean();
  for (int i = 0; i < 4; i++) EXPECT_EQ(weak->links[i], slots[i]);
  for (void*& s : slots) s = nullptr;
}

TEST(GcTest, RegisteredThreadsAllocateDuringCollections) {
  // Each worker builds a chain reachable only from its own stack while
  // another thread collects continuously; every chain must come through intact.
  constexpr int kWorkers = 3;
  constexpr uint64_t kNodes = 50000;
  unit::BackgroundCollector collector(kWorkers);
  std::atomic<int> broken{0};
  unit::run_registered_threads(kWorkers + 1, [&](int t) {
    if (t == kWorkers) {
      collector.run();
      return;
    }
    collector.wait_until_running();
    Node* head = nullptr;
    for (uint64_t i = 0; i < kNodes; i++) {
      Node* n = gc::make<Node>();
      n->next = head;
      n->payload = i * kWorkers + uint64_t(t);
      head = n;
      if (i % 1000 == 0) gc::alloc_atomic(4096);  // churn
    }
    uint64_t expected = kNodes;
    for (Node* n = head; n; n = n->next) {
      expected--;
      if (n->payload != expected * kWorkers + uint64_t(t)) {
        broken++;
        break;
      }
    }
    if (expected != 0) broken++;
    collector.finish();
  });
  EXPECT_EQ(broken.load(), 0);
  EXPECT_GE(collector.collections(), 1);
}

TEST(GcTest, CreateThreadRegistersTheThread) {
  struct Shared {
    std::atomic<bool> finished;
    std::atomic<int> ok;
  };
  static Shared shared;
  shared.finished = false;
  shared.ok = 0;
  uint64_t ident = 0;
  int rc = gc::create_thread(
      [](void*) -> void* {
        Node* head = nullptr;
        for (uint64_t i = 0; i < 20000; i++) {
          Node* n = gc::make<Node>();
          n->next = head;
          n->payload = i;
          head = n;
          if (i % 5000 == 0) gc::collect();
        }
        uint64_t expected = 20000;
        for (Node* n = head; n; n = n->next) shared.ok += n->payload == --expected;
        shared.finished = true;
        return nullptr;
      },
      nullptr, 0, &ident);
  ASSERT_EQ(rc, 0);
  EXPECT_NE(ident, 0u);
  while (!shared.finished) std::this_thread::yield();
  EXPECT_EQ(shared.ok.load(), 20000);
}

}  // namespace
}  // namespace spindle
