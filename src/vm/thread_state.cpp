// Thread states: creation, the registry the collector walks for frame stacks,
// and the recursion guard.
#include "vm/thread_state.h"

#include "vm/frame.h"

#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "gc/gc.h"
#include "objects/exception.h"
#include "threads/mutex.h"
#include "vm/world.h"

namespace spindle {

void install_pending_hooks(ThreadState* main);

thread_local ThreadState* current_thread_state = nullptr;
std::atomic<int32_t> recursion_limit{1000};

namespace {

// The frame stack is reserved up front (the kernel commits pages on touch).
constexpr size_t kFrameStackBytes = size_t(256) << 20;
// Keep this much native stack free: deep C++ recursion (nested repr, calls
// through native code) raises RecursionError before the stack runs out.
constexpr size_t kNativeStackReserve = size_t(256) << 10;

Mutex registry_lock;
std::atomic<ThreadState*> registry_head{nullptr};
std::atomic<uint64_t> last_thread_ident{0};

// Called by the collector with every thread stopped: each thread's live frames.
void push_frame_stacks(gc::PushRangeFn push) {
  for (ThreadState* t = registry_head.load(std::memory_order_acquire); t; t = t->next)
    if (t->stack_base) push(t->stack_base, t->stack_top);
}

}  // namespace

void for_each_thread_state(void (*fn)(ThreadState*, void*), void* arg) {
  LockGuard guard(registry_lock);
  for (ThreadState* t = registry_head.load(std::memory_order_acquire); t; t = t->next) fn(t, arg);
}

ThreadState* thread_states_unlocked() { return registry_head.load(std::memory_order_acquire); }

uint64_t new_thread_ident() { return last_thread_ident.fetch_add(1, std::memory_order_relaxed) + 1; }

bool find_os_thread(uint64_t ident, pthread_t* out) {
  LockGuard guard(registry_lock);
  for (ThreadState* t = registry_head.load(std::memory_order_acquire); t; t = t->next)
    if (t->ident == ident) {
      *out = t->os_thread;
      return true;
    }
  return false;
}

ThreadState* thread_state_attach(bool is_main, uint64_t ident) {
  auto* t = static_cast<ThreadState*>(gc::alloc_uncollectable(sizeof(ThreadState)));
  new (t) ThreadState();
  void* stack = mmap(nullptr, kFrameStackBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (stack == MAP_FAILED) return nullptr;
  t->stack_base = static_cast<Value*>(stack);
  t->stack_top = t->stack_base;
  t->stack_end = t->stack_base + kFrameStackBytes / sizeof(Value);
  t->exc_info = &t->base_exc_info;
  t->ident = ident ? ident : new_thread_ident();
  t->os_thread = pthread_self();
  t->native_id = uint64_t(syscall(SYS_gettid));
  t->is_main = is_main;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr;
    size_t size;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
      size_t reserve = std::min(kNativeStackReserve, size / 4);
      t->native_stack_limit = static_cast<char*>(addr) + reserve;
    }
    pthread_attr_destroy(&attr);
  }
  {
    LockGuard guard(registry_lock);
    ThreadState* head = registry_head.load(std::memory_order_relaxed);
    t->next = head;
    if (head) head->prev = t;
    registry_head.store(t, std::memory_order_release);
    static bool roots_installed = false;
    if (!roots_installed) {
      gc::set_dynamic_roots(push_frame_stacks);
      roots_installed = true;
    }
  }
  current_thread_state = t;
  if (is_main) install_pending_hooks(t);
  attach_thread();
  return t;
}

void thread_state_detach() {
  ThreadState* t = current_thread_state;
  if (!t) return;
  atomic_block_abandon(t);
  detach_thread();
  {
    LockGuard guard(registry_lock);
    if (t->prev) t->prev->next = t->next;
    else registry_head.store(t->next, std::memory_order_release);
    if (t->next) t->next->prev = t->prev;
  }
  munmap(t->stack_base, kFrameStackBytes);
  t->stack_base = nullptr;
  current_thread_state = nullptr;
  gc::free_uncollectable(t);
}

void thread_states_after_fork_child() {
  ThreadState* self = current_thread_state;
  // The other threads do not exist in the child; their states are left
  // unreferenced (their memory is not reclaimed).
  new (&registry_lock) Mutex();
  self->next = self->prev = nullptr;
  registry_head.store(self, std::memory_order_release);
  self->is_main = true;
  install_pending_hooks(self);
  world_after_fork_child();
}

bool enter_recursion(const char* where) {
  ThreadState* t = ts();
  char probe;
  if (++t->depth > recursion_limit.load(std::memory_order_relaxed) || &probe < t->native_stack_limit) {
    t->depth--;
    raise(&exc::RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

void clear_stale_frame_slots() {
  for (Frame* f = ts()->frame; f; f = f->prev) {
    Value* end = f->stack_base() + f->code->stacksize;
    if (f->sp >= f->localsplus && f->sp <= end)
      for (Value* p = f->sp; p < end; p++) *p = Value();
  }
}

}  // namespace spindle
