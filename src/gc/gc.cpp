// Boehm-Demers-Weiser collector behind spindle::gc. Multi-threaded mode with
// thread-local free lists (GC_malloc_kind is the thread-local fast path), parallel
// marking, finalizers queued and run on demand at interpreter safe points.
#include "gc/gc.h"

#include <gc/gc.h>
#include <gc/gc_mark.h>
#include <pthread.h>
#include <gmp.h>

#include <atomic>
#include <cstring>
#include <ctime>
#include <mutex>

namespace spindle::gc {

namespace {

std::atomic<uint64_t> total_pause_ns{0};
std::atomic<uint64_t> max_pause_ns{0};
std::atomic<uint64_t> pause_start_ns{0};
std::atomic<bool> finalizers_waiting{false};

uint64_t now_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return uint64_t(t.tv_sec) * 1000000000u + uint64_t(t.tv_nsec);
}

// Called with the collector's lock held: keep it to a few atomics.
void on_collection_event(GC_EventType event) {
  if (event == GC_EVENT_PRE_STOP_WORLD) {
    pause_start_ns.store(now_ns(), std::memory_order_relaxed);
  } else if (event == GC_EVENT_POST_START_WORLD) {
    uint64_t start = pause_start_ns.load(std::memory_order_relaxed);
    if (!start) return;
    uint64_t pause = now_ns() - start;
    total_pause_ns.fetch_add(pause, std::memory_order_relaxed);
    uint64_t prev = max_pause_ns.load(std::memory_order_relaxed);
    while (pause > prev && !max_pause_ns.compare_exchange_weak(prev, pause)) {
    }
  }
}

void (*finalizers_ready_hook)() = nullptr;

void on_finalizers_ready() {
  finalizers_waiting.store(true, std::memory_order_release);
  if (finalizers_ready_hook) finalizers_ready_hook();
}

struct FinalizerRecord {
  FinalizerFn fn;
  void* data;
  FinalizerRecord* next;  // registered earlier on the same object
};

void run_finalizer(void* obj, void* client) {
  for (auto* rec = static_cast<FinalizerRecord*>(client); rec; rec = rec->next) rec->fn(obj, rec->data);
}

// GMP limbs hold no pointers: they live in non-scanned collected memory, so a
// big int needs no destructor.
void* gmp_alloc(size_t n) { return GC_MALLOC_ATOMIC(n); }
// GMP also grows integers whose limbs are not a block of their own (a buffer
// on the C stack, see int_core.cpp): those move to a fresh block.
void* gmp_realloc(void* p, size_t old_size, size_t n) {
  if (GC_base(p) != p) {
    void* q = GC_MALLOC_ATOMIC(n);
    std::memcpy(q, p, old_size < n ? old_size : n);
    return q;
  }
  return GC_REALLOC(p, n);
}
void gmp_free(void*, size_t) {}

// Boehm collects once the bytes allocated since the last collection reach about
// a third of the memory it must scan. A Python program's live heap is often a
// few MiB, so that meant a stop-the-world collection every 1-2 MiB allocated:
// allocation-heavy code spent over a third of its time collecting, and threads
// allocating in parallel stopped each other that much more often. Allowing at
// least this much allocation between collections keeps the heap within a few
// tens of MiB of the live data and collections rare, as CPython's refcounting
// makes them there.
constexpr size_t kMinBytesBetweenCollections = size_t(16) << 20;

}  // namespace

void init() {
  GC_set_finalize_on_demand(1);
  GC_set_min_bytes_allocd(kMinBytesBetweenCollections);
  GC_set_finalizer_notifier(on_finalizers_ready);
  GC_INIT();
  GC_allow_register_threads();
  GC_set_on_collection_event(on_collection_event);
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

void* alloc(size_t bytes) {
  void* p = GC_MALLOC(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void* alloc_atomic(size_t bytes) {
  void* p = GC_MALLOC_ATOMIC(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void* alloc_uncollectable(size_t bytes) {
  void* p = GC_MALLOC_UNCOLLECTABLE(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void free_uncollectable(void* p) { GC_FREE(p); }

void* realloc_atomic(void* p, size_t bytes) {
  void* q = GC_REALLOC(p, bytes);
  if (!q && bytes) throw std::bad_alloc();
  return q;
}

void register_finalizer(void* obj, FinalizerFn fn, void* data) {
  auto* rec = static_cast<FinalizerRecord*>(GC_MALLOC(sizeof(FinalizerRecord)));
  rec->fn = fn;
  rec->data = data;
  GC_finalization_proc previous_fn = nullptr;
  void* previous_data = nullptr;
  GC_REGISTER_FINALIZER_NO_ORDER(obj, run_finalizer, rec, &previous_fn, &previous_data);
  // The object stays reachable from the caller until this returns, so the
  // chain is complete before the finalizer can run.
  if (previous_fn == run_finalizer) rec->next = static_cast<FinalizerRecord*>(previous_data);
}

void unregister_finalizer(void* obj) {
  GC_REGISTER_FINALIZER_NO_ORDER(obj, nullptr, nullptr, nullptr, nullptr);
}

void set_finalizers_ready_hook(void (*hook)()) { finalizers_ready_hook = hook; }

bool finalizers_pending() { return finalizers_waiting.load(std::memory_order_relaxed); }

void drain_finalizers() {
  finalizers_waiting.store(false, std::memory_order_relaxed);
  GC_invoke_finalizers();
}

void register_weak_link(void** link, const void* obj) {
  *link = const_cast<void*>(obj);
  GC_GENERAL_REGISTER_DISAPPEARING_LINK(link, obj);
}

void unregister_weak_link(void** link) { GC_unregister_disappearing_link(link); }

bool is_collected_object(const void* p) { return GC_base(const_cast<void*>(p)) == p; }

void register_hidden_weak_link(uintptr_t* link, const void* obj) {
  *link = GC_HIDE_POINTER(obj);
  if (is_collected_object(obj)) GC_general_register_disappearing_link(reinterpret_cast<void**>(link), obj);
}

void unregister_hidden_weak_link(uintptr_t* link) { GC_unregister_disappearing_link(reinterpret_cast<void**>(link)); }

namespace {
// Runs under the allocator lock: a collection clears links while holding it.
void* reveal_link(void* link) {
  uintptr_t hidden = *static_cast<const volatile uintptr_t*>(link);
  return hidden ? GC_REVEAL_POINTER(hidden) : nullptr;
}
}  // namespace

void* read_hidden_weak_link(const uintptr_t* link) {
  return GC_call_with_alloc_lock(reveal_link, const_cast<uintptr_t*>(link));
}

bool hidden_weak_link_is(const uintptr_t* link, const void* obj) {
  return __atomic_load_n(link, __ATOMIC_RELAXED) == GC_HIDE_POINTER(obj);
}

// Automatic collection is on or off (gc.enable/disable are idempotent, not
// counted like Boehm's GC_disable), and gc.collect() collects even while it is
// off, as in CPython. The switch and an explicit collection are serialised so
// that racing callers never leave Boehm's counter unbalanced.
std::mutex collection_switch;
std::atomic<bool> collection_off{false};  // written under collection_switch

void collect() {
  std::lock_guard<std::mutex> guard(collection_switch);
  if (collection_off) GC_enable();
  GC_gcollect();
  if (collection_off) GC_disable();
}
void enable() {
  std::lock_guard<std::mutex> guard(collection_switch);
  if (collection_off) GC_enable();
  collection_off = false;
}
void disable() {
  std::lock_guard<std::mutex> guard(collection_switch);
  if (!collection_off) GC_disable();
  collection_off = true;
}
bool is_enabled() { return !collection_off.load(std::memory_order_relaxed); }

Stats stats() {
  Stats s;
  s.heap_bytes = GC_get_heap_size();
  s.free_bytes = GC_get_free_bytes();
  s.allocated_since_collect = GC_get_bytes_since_gc();
  s.collections = GC_get_gc_no();
  s.total_pause_ns = total_pause_ns.load(std::memory_order_relaxed);
  s.max_pause_ns = max_pause_ns.load(std::memory_order_relaxed);
  return s;
}

void register_current_thread() {
  GC_stack_base sb;
  GC_get_stack_base(&sb);
  GC_register_my_thread(&sb);
}

void unregister_current_thread() { GC_unregister_my_thread(); }

void add_roots(void* begin, void* end) { GC_add_roots(begin, end); }

namespace {
RootRangesFn dynamic_roots = nullptr;
GC_push_other_roots_proc previous_push_other_roots = nullptr;

void push_range(void* begin, void* end) {
  if (begin < end) GC_push_all(begin, end);
}

void push_other_roots() {
  if (previous_push_other_roots) previous_push_other_roots();  // the threads' C stacks
  if (dynamic_roots) dynamic_roots(push_range);
}
}  // namespace

void set_dynamic_roots(RootRangesFn fn) {
  dynamic_roots = fn;
  if (!previous_push_other_roots) {
    previous_push_other_roots = GC_get_push_other_roots();
    GC_set_push_other_roots(push_other_roots);
  }
}

void before_fork() { GC_atfork_prepare(); }
void after_fork_parent() { GC_atfork_parent(); }
void after_fork_child() {
  GC_atfork_child();
  GC_start_mark_threads();
}

int create_thread(void* (*start)(void*), void* arg, size_t stack_size, uint64_t* ident) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (stack_size) pthread_attr_setstacksize(&attr, stack_size);
  pthread_t tid;
  int rc = GC_pthread_create(&tid, &attr, start, arg);
  pthread_attr_destroy(&attr);
  if (rc == 0) {
    pthread_detach(tid);
    if (ident) *ident = uint64_t(tid);
  }
  return rc;
}

}  // namespace spindle::gc
