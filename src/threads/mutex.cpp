#include "threads/mutex.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

namespace spindle {

namespace {
inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}
}  // namespace

namespace futex {

bool wait(std::atomic<uint32_t>* addr, uint32_t expected, int64_t timeout_ns) {
  timespec ts, *tsp = nullptr;
  if (timeout_ns >= 0) {
    ts.tv_sec = timeout_ns / 1000000000;
    ts.tv_nsec = timeout_ns % 1000000000;
    tsp = &ts;
  }
  long r = syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAIT_PRIVATE, expected, tsp, nullptr, 0);
  return !(r == -1 && errno == ETIMEDOUT);
}

void wake(std::atomic<uint32_t>* addr, int count) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
}

}  // namespace futex

void Mutex::lock_slow() {
  // A brief adaptive spin: critical sections are short, so the holder usually
  // releases before parking would pay off.
  for (int i = 0; i < 100; i++) {
    uint32_t s = state_.load(std::memory_order_relaxed);
    if (s == 0) {
      uint32_t expected = 0;
      if (state_.compare_exchange_weak(expected, 1, std::memory_order_acquire, std::memory_order_relaxed)) return;
    } else if (s == 2) {
      break;
    }
    cpu_relax();
  }
  // Mark contended and park until we take it.
  while (!try_lock_contended()) futex::wait(&state_, 2);
}

void Mutex::wait_contended(int64_t timeout_ns) { futex::wait(&state_, 2, timeout_ns); }

void Mutex::wake_one() { futex::wake(&state_, 1); }

}  // namespace spindle
