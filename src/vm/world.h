// The world: which threads may be touching Python objects right now, and
// stopping all of them but one for an atomic block (spindle.atomic()).
//
// Every thread with a ThreadState is in one of three run states, which only it
// writes:
//   running   executing bytecode or native code on Python objects;
//   detached  blocked in the OS (a lock wait, sleep, I/O) without touching
//             Python objects: wrap such waits in a BlockingRegion;
//   parked    stopped at a safe point while another thread's atomic block runs.
// A thread entering an atomic block publishes itself as the owner, flags every
// other thread (kPendingStopRequest) and waits until none is running. A thread
// that becomes running again checks for an owner after its (seq_cst) store, so
// either it sees the owner and parks, or the owner sees it running and waits.
//
// A thread that holds a long-held runtime lock (an I/O object's lock, a module
// import lock) when its blocking call returns does not park at once, which could
// deadlock the owner waiting for that lock; it finishes the native operation and
// parks at the interpreter's next safe point (the pending flag is set).
#pragma once
#include "threads/mutex.h"

namespace spindle {

struct ThreadState;

enum RunState : uint32_t { kRunStateDetached = 0, kRunStateRunning = 1, kRunStateParked = 2 };

// The calling thread stops / starts touching Python objects (no-ops on a
// thread without a ThreadState). attach_thread may wait while another
// thread's atomic block runs.
void detach_thread();
void attach_thread();

// Detaches the calling thread for the scope of a blocking system call; nests.
class BlockingRegion {
 public:
  BlockingRegion();
  ~BlockingRegion();
  BlockingRegion(const BlockingRegion&) = delete;
  BlockingRegion& operator=(const BlockingRegion&) = delete;

 private:
  bool detached_;
};

// At a safe point (kPendingStopRequest): parks while another thread owns an
// atomic block.
void park_if_stop_requested(ThreadState* t);

// spindle.atomic(): enter (waits until every other thread is parked or
// detached) and leave; blocks nest per thread.
void atomic_block_enter();
void atomic_block_exit();
bool in_atomic_block();
// A thread ending inside an atomic block gives it up.
void atomic_block_abandon(ThreadState* t);
// In the child after fork(): no other thread's block survives.
void world_after_fork_child();

// Raises RuntimeError for a wait inside an atomic block that only another
// (stopped) thread could end; returns false. `what` names the wait.
bool raise_atomic_deadlock(const char* what);

// Acquires a runtime lock that may be held across blocking operations or
// Python code (I/O objects, import locks), detached while waiting. `holder`
// reads the current holder (null: unknown or free). Inside an atomic block,
// a lock held by a parked thread raises RuntimeError (returns false).
// Counts the lock in the thread's runtime_locks_held; pair with
// release_runtime_lock().
bool acquire_runtime_lock(Mutex& m, ThreadState* (*holder)(const void* ctx), const void* ctx);
void release_runtime_lock(Mutex& m);

}  // namespace spindle
