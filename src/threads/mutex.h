// A one-word lock for per-object writer locks (list, dict, set, ...) and
// runtime tables: uncontended lock/unlock is one atomic each; contended waiters
// spin briefly, then park on a futex. Not recursive. Never hold one while
// running Python code: every critical section is a short, bounded piece of C++.
#pragma once
#include <atomic>
#include <cstdint>

namespace spindle {

class Mutex {
 public:
  void lock() {
    uint32_t expected = 0;
    if (!state_.compare_exchange_strong(expected, 1, std::memory_order_acquire, std::memory_order_relaxed))
      lock_slow();
  }
  bool try_lock() {
    uint32_t expected = 0;
    return state_.compare_exchange_strong(expected, 1, std::memory_order_acquire, std::memory_order_relaxed);
  }
  void unlock() {
    if (state_.exchange(0, std::memory_order_release) == 2) wake_one();
  }
  // For callers that wait in their own way (detached from the world, with a
  // timeout): take the lock marking it contended, else wait for a release.
  bool try_lock_contended() { return state_.exchange(2, std::memory_order_acquire) == 0; }
  void wait_contended(int64_t timeout_ns);
  bool is_locked() const { return state_.load(std::memory_order_relaxed) != 0; }
  // For lock-free writers that must see a concurrent lock holder (Dekker-style:
  // their own seq_cst store, then this load).
  bool is_locked_seq_cst() const { return state_.load(std::memory_order_seq_cst) != 0; }

 private:
  void lock_slow();
  void wake_one();
  // 0: free, 1: locked, 2: locked with (possible) waiters parked on the futex.
  std::atomic<uint32_t> state_{0};
};
static_assert(sizeof(Mutex) == 4);

class LockGuard {
 public:
  explicit LockGuard(Mutex& m) : m_(m) { m_.lock(); }
  ~LockGuard() { m_.unlock(); }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;

 private:
  Mutex& m_;
};

// Futex helpers shared by the runtime's blocking primitives.
namespace futex {
// Waits while *addr == expected; returns on wake, signal or timeout (timeout_ns < 0: none).
// Returns false on timeout.
bool wait(std::atomic<uint32_t>* addr, uint32_t expected, int64_t timeout_ns = -1);
void wake(std::atomic<uint32_t>* addr, int count);
}  // namespace futex

}  // namespace spindle
