// The collector interface. Everything in Spindle allocates through here, so the
// Boehm-Demers-Weiser collector underneath can be replaced by a purpose-built one
// without touching the rest of the runtime.
//
// Rules the rest of the runtime follows:
//  - Memory that holds Values or pointers to objects comes from alloc() (scanned).
//  - Pointer-free payloads (string bytes, GMP limbs, bytecode) come from
//    alloc_atomic() and are never scanned.
//  - Long-lived malloc-style roots (thread frame stacks) come from
//    alloc_uncollectable(); nothing holding Values lives on the malloc heap.
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace spindle::gc {

void init();

// Zeroed, scanned, collectable.
void* alloc(size_t bytes);
// Not scanned, not zeroed, collectable.
void* alloc_atomic(size_t bytes);
// Zeroed, scanned, never collected until free_uncollectable().
void* alloc_uncollectable(size_t bytes);
void free_uncollectable(void* p);
// Grows or shrinks a block from alloc_atomic (keeps atomic-ness).
void* realloc_atomic(void* p, size_t bytes);

// Placement-constructs a T in scanned collected memory. T must be trivially
// destructible in spirit: no destructor ever runs.
template <class T, class... Args>
T* make(Args&&... args) {
  return new (alloc(sizeof(T))) T(std::forward<Args>(args)...);
}
template <class T>
T* make_array(size_t n) {
  return static_cast<T*>(alloc(sizeof(T) * (n ? n : 1)));
}

// Finalization. fn runs later from drain_finalizers(), at a safe point of some
// thread, never inside an allocation. An object may get several finalizers
// (its __del__, weak reference callbacks): the latest registered runs first.
using FinalizerFn = void (*)(void* obj, void* data);
void register_finalizer(void* obj, FinalizerFn fn, void* data);
void unregister_finalizer(void* obj);
// True when finalizers are waiting; cheap, called from the interpreter's safe points.
bool finalizers_pending();
void drain_finalizers();
// Called (inside an allocation, with the collector's lock held) when finalizers
// become ready: it must only set a flag for a later safe point.
void set_finalizers_ready_hook(void (*hook)());

// Weak links: *link is cleared (set to nullptr) once obj becomes unreachable.
// The link must itself live in memory the collector knows (or static memory).
void register_weak_link(void** link, const void* obj);
void unregister_weak_link(void** link);

// Weak pointers inside scanned memory: *link holds obj's address disguised
// (so scanning does not keep obj alive) and becomes 0 once obj is unreachable.
// obj need not come from the collector (static objects never die). Read the
// link only with read_hidden_weak_link: it waits for a collection that is
// clearing links, so it never returns an object about to be freed.
void register_hidden_weak_link(uintptr_t* link, const void* obj);
void unregister_hidden_weak_link(uintptr_t* link);
void* read_hidden_weak_link(const uintptr_t* link);
// Whether the link (still) refers to obj, which the caller keeps alive; takes no lock.
bool hidden_weak_link_is(const uintptr_t* link, const void* obj);
// p is the start of a block from alloc() (not static or malloc'd memory).
bool is_collected_object(const void* p);

void collect();
void enable();
void disable();
bool is_enabled();

struct Stats {
  uint64_t heap_bytes;
  uint64_t free_bytes;
  uint64_t allocated_since_collect;
  uint64_t collections;
  uint64_t total_pause_ns;
  uint64_t max_pause_ns;
};
Stats stats();

// Threads that run Python code must be known to the collector. Threads created
// with spindle::threads::start() are registered automatically.
void register_current_thread();
void unregister_current_thread();

// Memory the collector must scan that it did not allocate (e.g. a static table).
void add_roots(void* begin, void* end);

// Ranges that change between collections (the threads' frame stacks): during
// marking, with every thread stopped, `fn` is called and reports each range
// through `push`.
using PushRangeFn = void (*)(void* begin, void* end);
using RootRangesFn = void (*)(PushRangeFn push);
void set_dynamic_roots(RootRangesFn fn);

// Around fork(): the child gets a consistent collector with only the forking
// thread (and restarted marker threads).
void before_fork();
void after_fork_parent();
void after_fork_child();

// Thread creation that registers the new thread with the collector.
int create_thread(void* (*start)(void*), void* arg, size_t stack_size, uint64_t* ident);

}  // namespace spindle::gc
