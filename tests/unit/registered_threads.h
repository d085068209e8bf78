// Helpers for unit tests that run runtime code on several OS threads.
//
// A std::thread is not known to the collector (only threads started through
// gc::create_thread are registered automatically), so each worker registers
// itself before it touches collected memory and attaches a ThreadState (the
// error slot, the frame stack) the way _thread's workers do.
#pragma once
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "gc/gc.h"
#include "vm/thread_state.h"

namespace spindle::unit {

// Runs body(0) .. body(n - 1), each on its own registered thread, and joins them.
inline void run_registered_threads(int n, const std::function<void(int)>& body) {
  std::vector<std::thread> threads;
  threads.reserve(size_t(n));
  for (int i = 0; i < n; i++) {
    threads.emplace_back([&body, i] {
      gc::register_current_thread();
      thread_state_attach(false);
      body(i);
      thread_state_detach();
      gc::unregister_current_thread();
    });
  }
  for (std::thread& t : threads) t.join();
}

// Keeps the collector stopping and scanning the other threads while they
// work: one thread calls run(), the workers call wait_until_running() before
// they start and finish() when done (the last one ends the collections).
class BackgroundCollector {
 public:
  explicit BackgroundCollector(int workers) : workers_left_(workers) {}

  void run() {
    do {
      gc::collect();
      collections_.fetch_add(1, std::memory_order_relaxed);
      running_.store(true, std::memory_order_release);
      std::this_thread::yield();
    } while (workers_left_.load(std::memory_order_acquire) > 0);
  }
  void wait_until_running() const {
    while (!running_.load(std::memory_order_acquire)) std::this_thread::yield();
  }
  void finish() { workers_left_.fetch_sub(1, std::memory_order_acq_rel); }
  int collections() const { return collections_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int> workers_left_;
  std::atomic<bool> running_{false};
  std::atomic<int> collections_{0};
};

}  // namespace spindle::unit
