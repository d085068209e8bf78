// Events handled at the interpreter's safe points: stop requests of atomic
// blocks, signals (main thread only), finalizers queued by the collector,
// asynchronous exceptions.
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "gc/gc.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

constexpr int kMaxSignal = 65;
std::atomic<bool> signal_flags[kMaxSignal];
ThreadState* main_state = nullptr;
std::atomic<int> wakeup_fd{-1};
// Python-level handlers (the signal module); null: the default action.
Value (*python_signal_handler)(int signum) = nullptr;

void finalizers_ready() {
  // Run them on whichever thread reaches a safe point first.
  if (ThreadState* t = ts()) t->pending.fetch_or(kPendingFinalizers, std::memory_order_release);
  if (main_state) main_state->pending.fetch_or(kPendingFinalizers, std::memory_order_release);
}

}  // namespace

ThreadState* main_thread_state() { return main_state; }

void signal_arrived(int signum) {
  if (signum > 0 && signum < kMaxSignal) signal_flags[signum].store(true, std::memory_order_release);
}

void trip_signal(int signum) {
  int saved_errno = errno;
  signal_arrived(signum);
  if (main_state) main_state->pending.fetch_or(kPendingSignals, std::memory_order_release);
  int fd = wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char byte = (unsigned char)signum;
    // A full pipe only loses the wake-up byte; the flag above is what counts.
    [[maybe_unused]] ssize_t n = write(fd, &byte, 1);
  }
  errno = saved_errno;
}

int exchange_signal_wakeup_fd(int fd) { return wakeup_fd.exchange(fd, std::memory_order_acq_rel); }

void set_python_signal_dispatch(Value (*fn)(int signum)) { python_signal_handler = fn; }

void install_pending_hooks(ThreadState* main) {
  main_state = main;
  gc::set_finalizers_ready_hook(finalizers_ready);
}

bool handle_pending() {
  ThreadState* t = ts();
  uint32_t flags = t->pending.exchange(0, std::memory_order_acq_rel);
  if (flags & kPendingStopRequest) park_if_stop_requested(t);
  if (flags & kPendingFinalizers) {
    if (gc::finalizers_pending()) {
      Value saved = fetch_error();
      gc::drain_finalizers();
      restore_error(saved);
    }
  }
  if ((flags & kPendingSignals) && t == main_state) {
    for (int s = 1; s < kMaxSignal; s++) {
      if (!signal_flags[s].exchange(false, std::memory_order_acq_rel)) continue;
      if (python_signal_handler) {
        if (!python_signal_handler(s)) {
          // The signals not yet looked at run at the next safe point.
          t->pending.fetch_or(kPendingSignals, std::memory_order_release);
          return false;
        }
      } else if (s == SIGINT) {
        raise(&exc::KeyboardInterrupt, nullptr);
        return false;
      }
    }
  } else if (flags & kPendingSignals) {
    // Not the main thread: leave them for it.
    if (main_state) main_state->pending.fetch_or(kPendingSignals, std::memory_order_release);
  }
  if (flags & kPendingAsyncExc) {
    Value e = t->async_exc;
    t->async_exc = Value();
    if (e) {
      raise_value(e);
      return false;
    }
  }
  return true;
}

}  // namespace spindle
