// Per-thread interpreter state. One ThreadState per OS thread that runs Python
// code; reached through a thread_local pointer (one fs-relative load).
#pragma once
#include <pthread.h>

#include <atomic>
#include <cstdint>

#include "objects/value.h"

namespace spindle {

struct Frame;
struct Tuple;

// The exception currently being *handled* (sys.exc_info()), as a stack: each
// generator or coroutine carries its own item, linked in while it runs.
struct ExcStackItem {
  Value exc;  // null or None: nothing being handled
  ExcStackItem* prev = nullptr;
};

enum PendingFlags : uint32_t {
  kPendingSignals = 1u << 0,    // a signal arrived; main thread runs the handlers
  kPendingAsyncExc = 1u << 1,   // another thread asked us to raise async_exc
  kPendingFinalizers = 1u << 2, // the collector queued finalizers (__del__, weakref callbacks)
  kPendingStopRequest = 1u << 3,  // the world is being paused (atomic blocks, fork)
};

struct ThreadState {
  Value exception;            // the exception being raised, null when none
  Frame* frame = nullptr;     // innermost running Python frame
  // The frame stack: a contiguous block of Values, scanned by the collector.
  Value* stack_base = nullptr;
  Value* stack_top = nullptr; // first free slot
  Value* stack_end = nullptr;
  int32_t depth = 0;          // Python frames + native re-entries (recursion limit)
  ExcStackItem* exc_info = nullptr;
  ExcStackItem base_exc_info;
  std::atomic<uint32_t> pending{0};
  Value async_exc;
  // Native stack bounds: RecursionError before the C stack can overflow.
  char* native_stack_limit = nullptr;
  // threading.get_ident(): unique for the life of the process, so a thread
  // that ends never lends its identity (RLock ownership, threading._active)
  // to a later one, as reused pthread_t values would.
  uint64_t ident = 0;
  pthread_t os_thread{};
  uint64_t native_id = 0;     // threading.get_native_id()
  bool is_main = false;
  ThreadState* next = nullptr;  // registry of live threads
  ThreadState* prev = nullptr;
  void* thread_local_data = nullptr;  // _thread._local storage
  Value context;  // the current contextvars.Context (_contextvars.cpp), null until first used
  Value sentinel_lock;  // _thread._set_sentinel(): released when the thread ends
  // Whether this thread may be touching Python objects (vm/world.h): written
  // by the thread itself, read by a thread entering an atomic block.
  std::atomic<uint32_t> run_state{0};
  int32_t atomic_depth = 0;       // nesting of spindle.atomic() blocks
  int32_t runtime_locks_held = 0; // long-held runtime locks (I/O objects, imports)
};

extern thread_local ThreadState* current_thread_state;
inline ThreadState* ts() { return current_thread_state; }

// Creates and registers the state for the calling thread (main or new thread),
// with an ident from new_thread_ident() or a fresh one when 0. The thread is
// attached (world.h) when this returns.
ThreadState* thread_state_attach(bool is_main, uint64_t ident = 0);
uint64_t new_thread_ident();
// The OS thread of a live thread state, by ident; false when none is alive.
bool find_os_thread(uint64_t ident, pthread_t* out);
void thread_state_detach();
// The newest live thread state (then ->next), read without the registry lock:
// only for async-signal-safe readers such as faulthandler, which accept that a
// thread may come or go during the walk.
ThreadState* thread_states_unlocked();

// Calls fn(state, arg) for every live thread state, under the registry lock
// (fn must not block).
void for_each_thread_state(void (*fn)(ThreadState*, void*), void* arg);

// In the child after fork(): the calling thread is the only one left and
// becomes the main thread.
void thread_states_after_fork_child();

extern std::atomic<int32_t> recursion_limit;

// The main thread's state (signals are delivered there).
ThreadState* main_thread_state();
// Zeroes the value-stack slots above each of the calling thread's frames' saved
// stack tops, so values popped long ago do not keep objects alive through the
// conservative scan of frame stacks. Only valid while every frame of the thread
// is suspended at a call (as when gc.collect() runs).
void clear_stale_frame_slots();
// Records that a signal arrived (async-signal-safe).
void signal_arrived(int signum);
// The process-level handler of every signal with a Python-level handler
// (async-signal-safe): marks it for the main thread's next safe point and
// writes its number to the wake-up fd (signal.set_wakeup_fd), if any.
void trip_signal(int signum);
// Sets the wake-up fd (-1: none); returns the previous one.
int exchange_signal_wakeup_fd(int fd);
// Installs the function that runs the Python-level handler of a signal at a
// safe point of the main thread (null result: it raised).
void set_python_signal_dispatch(Value (*fn)(int signum));

// Enters a nested evaluation level (a Python call or a native recursion such as
// repr of a nested list); raises RecursionError and returns false when the
// limit or the native stack is exhausted. Pair with leave_recursion().
bool enter_recursion(const char* where = "");
inline void leave_recursion() { ts()->depth--; }

}  // namespace spindle
