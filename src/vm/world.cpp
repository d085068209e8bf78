// Run states, parking at safe points and atomic blocks (see world.h).
#include "vm/world.h"

#include <sched.h>

#include <cerrno>
#include <climits>
#include <ctime>

#include "objects/exception.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

std::atomic<ThreadState*> atomic_owner{nullptr};
// Bumped when an atomic block ends; parked threads wait on it.
std::atomic<uint32_t> world_epoch{0};
// One atomic block at a time; its holder is atomic_owner.
Mutex atomic_entry;

constexpr int64_t kDeadlockPollNs = 10 * 1000 * 1000;

// Called running; returns running once no other thread owns an atomic block.
void park_while_owned(ThreadState* t) {
  for (;;) {
    uint32_t epoch = world_epoch.load(std::memory_order_acquire);
    ThreadState* owner = atomic_owner.load(std::memory_order_seq_cst);
    if (!owner || owner == t) return;
    t->run_state.store(kRunStateParked, std::memory_order_seq_cst);
    futex::wait(&world_epoch, epoch);
    t->run_state.store(kRunStateRunning, std::memory_order_seq_cst);
  }
}

void release_world() {
  atomic_owner.store(nullptr, std::memory_order_seq_cst);
  world_epoch.fetch_add(1, std::memory_order_release);
  futex::wake(&world_epoch, INT_MAX);
  atomic_entry.unlock();
}

// Takes `m` (held across blocking work by its holders) without staying
// running while waiting. `give_up` is polled between waits when non-null.
template <class GiveUp>
bool lock_detached(Mutex& m, GiveUp give_up, int64_t poll_ns) {
  if (m.try_lock()) return true;
  while (!m.try_lock_contended()) {
    if (give_up()) return false;
    BlockingRegion region;
    m.wait_contended(poll_ns);
  }
  return true;
}

void request_stop(ThreadState* s, void* owner) {
  if (s != owner) s->pending.fetch_or(kPendingStopRequest, std::memory_order_release);
}

void note_running(ThreadState* s, void* arg) {
  auto* probe = static_cast<std::pair<ThreadState*, bool>*>(arg);
  if (s != probe->first && s->run_state.load(std::memory_order_seq_cst) == kRunStateRunning) probe->second = true;
}

bool other_thread_running(ThreadState* self) {
  std::pair<ThreadState*, bool> probe{self, false};
  for_each_thread_state(note_running, &probe);
  return probe.second;
}

}  // namespace

void detach_thread() {
  if (ThreadState* t = ts()) t->run_state.store(kRunStateDetached, std::memory_order_release);
}

void attach_thread() {
  ThreadState* t = ts();
  if (!t) return;
  t->run_state.store(kRunStateRunning, std::memory_order_seq_cst);
  ThreadState* owner = atomic_owner.load(std::memory_order_seq_cst);
  if (!owner || owner == t) return;
  if (t->runtime_locks_held) {
    // Finish the native operation (the owner may be waiting for this lock);
    // park at the next safe point.
    t->pending.fetch_or(kPendingStopRequest, std::memory_order_release);
    return;
  }
  park_while_owned(t);
}

BlockingRegion::BlockingRegion() {
  ThreadState* t = ts();
  detached_ = t && t->run_state.load(std::memory_order_relaxed) == kRunStateRunning;
  if (detached_) detach_thread();
}

BlockingRegion::~BlockingRegion() {
  if (!detached_) return;
  int saved_errno = errno;  // the blocking call's result is read after the region
  attach_thread();
  errno = saved_errno;
}

void park_if_stop_requested(ThreadState* t) { park_while_owned(t); }

void atomic_block_enter() {
  ThreadState* t = ts();
  if (t->atomic_depth++ > 0) return;
  // Waiting for another block to end, this thread must not count as running:
  // that block's owner may be waiting for it to stop.
  lock_detached(atomic_entry, [] { return false; }, -1);
  atomic_owner.store(t, std::memory_order_seq_cst);
  for_each_thread_state(request_stop, t);
  for (int round = 0; other_thread_running(t); round++) {
    if (round < 64) {
      sched_yield();
    } else {
      timespec pause{0, 50 * 1000};
      nanosleep(&pause, nullptr);
    }
  }
}

void atomic_block_exit() {
  ThreadState* t = ts();
  if (t->atomic_depth > 0 && --t->atomic_depth == 0) release_world();
}

bool in_atomic_block() {
  ThreadState* t = ts();
  return t && t->atomic_depth > 0;
}

void atomic_block_abandon(ThreadState* t) {
  if (t->atomic_depth == 0) return;
  t->atomic_depth = 0;
  release_world();
}

void world_after_fork_child() {
  ThreadState* self = ts();
  if (self && self->atomic_depth > 0) return;  // the forking thread's own block goes on
  atomic_owner.store(nullptr, std::memory_order_relaxed);
  new (&atomic_entry) Mutex();
}

bool raise_atomic_deadlock(const char* what) {
  raise(&exc::RuntimeError,
        "%s inside spindle.atomic() would deadlock: the thread that could release it is stopped until the "
        "atomic block ends",
        what);
  return false;
}

bool acquire_runtime_lock(Mutex& m, ThreadState* (*holder)(const void* ctx), const void* ctx) {
  ThreadState* t = ts();
  bool atomic = t && t->atomic_depth > 0;
  auto holder_is_stopped = [&] {
    if (!atomic) return false;
    ThreadState* h = holder(ctx);
    return h && h != t && h->run_state.load(std::memory_order_acquire) == kRunStateParked;
  };
  if (!lock_detached(m, holder_is_stopped, atomic ? kDeadlockPollNs : -1))
    return raise_atomic_deadlock("waiting for an object or import that another thread is using");
  if (t) t->runtime_locks_held++;
  return true;
}

void release_runtime_lock(Mutex& m) {
  if (ThreadState* t = ts()) t->runtime_locks_held--;
  m.unlock();
}

}  // namespace spindle
