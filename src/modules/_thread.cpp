// The _thread module: OS threads running Python callables, and locks that
// park on futexes.
#include <signal.h>

#include <pthread.h>
#include <unistd.h>

#include <cmath>
#include <ctime>

#include "gc/gc.h"
#include "modules/_thread_local.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

Type lock_type, rlock_type;

namespace {

std::atomic<int64_t> thread_count{0};
size_t thread_stack_size = 0;
constexpr double kTimeoutMax = 9223372036.0;  // seconds, fits a 64-bit ns count

// ------------------------------------------------------------------ locks

struct LockObject : Object {
  std::atomic<uint32_t> state;  // 0 free, 1 held, 2 held with waiters
};

int64_t now_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Acquires with an optional timeout (ns; <0: forever). Signals interrupt the
// wait to run handlers (Ctrl-C reaches a thread blocked on a lock).
// Returns 1 acquired, 0 timed out, -1 error (exception pending).
int lock_acquire_timed(std::atomic<uint32_t>* state, int64_t timeout_ns) {
  uint32_t expected = 0;
  if (state->compare_exchange_strong(expected, 1, std::memory_order_acquire)) return 1;
  if (timeout_ns == 0) return 0;
  // No other thread can release it before the atomic block ends.
  if (timeout_ns < 0 && in_atomic_block()) {
    raise_atomic_deadlock("acquiring a held lock");
    return -1;
  }
  int64_t deadline = timeout_ns > 0 ? now_ns() + timeout_ns : -1;
  for (;;) {
    if (state->exchange(2, std::memory_order_acquire) == 0) return 1;
    int64_t wait = -1;
    if (deadline >= 0) {
      wait = deadline - now_ns();
      if (wait <= 0) return 0;
    }
    {
      BlockingRegion region;
      futex::wait(state, 2, wait);
    }
    ThreadState* t = ts();
    if (t->pending.load(std::memory_order_relaxed) && !handle_pending()) return -1;
  }
}

void lock_release_raw(std::atomic<uint32_t>* state) {
  if (state->exchange(0, std::memory_order_release) == 2) futex::wake(state, 1);
}

bool parse_acquire_args(const Value* args, size_t nargs, Tuple* kwnames, int64_t* timeout_ns) {
  Value a[2];
  static const ArgSpec spec{"acquire", {"blocking", "timeout"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  int blocking = a[0] ? truthy(a[0]) : 1;
  if (blocking < 0) return false;
  double timeout = -1;
  if (a[1] && !to_double(a[1], &timeout)) return false;
  if (!blocking && timeout != -1) {
    raise(&exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(&exc::ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (timeout > kTimeoutMax) {
    raise(&exc::OverflowError, "timeout value is too large");
    return false;
  }
  *timeout_ns = !blocking ? 0 : timeout < 0 ? -1 : int64_t(timeout * 1e9);
  return true;
}

Value lock_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* l = alloc_instance<LockObject>(type);
  l->state.store(0, std::memory_order_relaxed);
  return Value(l);
}

Value lock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!parse_acquire_args(args, nargs, kwnames, &timeout)) return Value();
  int r = lock_acquire_timed(&self.as<LockObject>()->state, timeout);
  if (r < 0) return Value();
  return Bool(r);
}

Value lock_release(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<LockObject>();
  if (l->state.load(std::memory_order_acquire) == 0) return raise(&exc::RuntimeError, "release unlocked lock");
  lock_release_raw(&l->state);
  return None();
}

Value lock_exit(Value self, const Value*, size_t, Tuple*) { return lock_release(self, nullptr, 0, nullptr); }

Value lock_locked(Value self, const Value*, size_t, Tuple*) {
  return Bool(self.as<LockObject>()->state.load(std::memory_order_acquire) != 0);
}

Value lock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  self.as<LockObject>()->state.store(0, std::memory_order_release);
  return None();
}

Value lock_repr(Value self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  bool locked = self.as<LockObject>()->state.load() != 0;
  return Value(format_message("<%s %s object at %s>", locked ? "locked" : "unlocked", type_name(self), addr));
}

const MethodDef lock_methods[] = {{"acquire", lock_acquire, kMethodInstance, nullptr},
                                  {"acquire_lock", lock_acquire, kMethodInstance, nullptr},
                                  {"__enter__", lock_acquire, kMethodInstance, nullptr},
                                  {"release", lock_release, kMethodInstance, nullptr},
                                  {"release_lock", lock_release, kMethodInstance, nullptr},
                                  {"__exit__", lock_exit, kMethodInstance, nullptr},
                                  {"locked", lock_locked, kMethodInstance, nullptr},
                                  {"locked_lock", lock_locked, kMethodInstance, nullptr},
                                  {"_at_fork_reinit", lock_at_fork_reinit, kMethodInstance, nullptr},
                                  {nullptr}};

// ------------------------------------------------------------------ RLock

struct RLockObject : Object {
  std::atomic<uint32_t> state;
  std::atomic<uint64_t> owner;
  int64_t count;
};

Value rlock_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* l = alloc_instance<RLockObject>(type);
  return Value(l);
}

Value rlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!parse_acquire_args(args, nargs, kwnames, &timeout)) return Value();
  auto* l = self.as<RLockObject>();
  uint64_t me = ts()->ident;
  if (l->owner.load(std::memory_order_acquire) == me && l->count > 0) {
    l->count++;
    return True();
  }
  int r = lock_acquire_timed(&l->state, timeout);
  if (r < 0) return Value();
  if (!r) return False();
  l->owner.store(me, std::memory_order_release);
  l->count = 1;
  return True();
}

Value rlock_release(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<RLockObject>();
  if (l->count == 0 || l->owner.load(std::memory_order_acquire) != ts()->ident)
    return raise(&exc::RuntimeError, "cannot release un-acquired lock");
  if (--l->count == 0) {
    l->owner.store(0, std::memory_order_release);
    lock_release_raw(&l->state);
  }
  return None();
}

Value rlock_exit(Value self, const Value*, size_t, Tuple*) { return rlock_release(self, nullptr, 0, nullptr); }

Value rlock_is_owned(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<RLockObject>();
  return Bool(l->count > 0 && l->owner.load() == ts()->ident);
}

Value rlock_release_save(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<RLockObject>();
  if (l->count == 0) return raise(&exc::RuntimeError, "cannot release un-acquired lock");
  Value state(tuple_pack({int_from_i64(l->count), int_from_u64(l->owner.load())}));
  l->count = 0;
  l->owner.store(0);
  lock_release_raw(&l->state);
  return state;
}

Value rlock_acquire_restore(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_acquire_restore", nargs, 1, 1)) return Value();
  auto* l = self.as<RLockObject>();
  if (lock_acquire_timed(&l->state, -1) < 0) return Value();
  Tuple* st = args[0].as<Tuple>();
  int64_t count;
  uint64_t owner;
  if (!int_to_i64(st->items[0], &count) || !int_to_u64(st->items[1], &owner)) return Value();
  l->count = count;
  l->owner.store(owner);
  return None();
}

Value rlock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<RLockObject>();
  l->state.store(0);
  l->owner.store(0);
  l->count = 0;
  return None();
}

Value rlock_repr(Value self) {
  auto* l = self.as<RLockObject>();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  return Value(format_message("<%s %s object owner=%llu count=%lld at %s>", l->count ? "locked" : "unlocked",
                              type_name(self), (unsigned long long)l->owner.load(), (long long)l->count, addr));
}

const MethodDef rlock_methods[] = {{"acquire", rlock_acquire, kMethodInstance, nullptr},
                                   {"__enter__", rlock_acquire, kMethodInstance, nullptr},
                                   {"release", rlock_release, kMethodInstance, nullptr},
                                   {"__exit__", rlock_exit, kMethodInstance, nullptr},
                                   {"_is_owned", rlock_is_owned, kMethodInstance, nullptr},
                                   {"_release_save", rlock_release_save, kMethodInstance, nullptr},
                                   {"_acquire_restore", rlock_acquire_restore, kMethodInstance, nullptr},
                                   {"_at_fork_reinit", rlock_at_fork_reinit, kMethodInstance, nullptr},
                                   {nullptr}};

// ------------------------------------------------------------------ threads

struct Bootstrap {
  Value func;
  Tuple* args;
  Dict* kwargs;
  uint64_t ident;
};

void report_thread_exception(Value exc, Value func) {
  if (is_instance_of(exc, &exc::SystemExit)) return;
  write_unraisable_message(exc, "Exception ignored in thread started by", func);
}

void* thread_main(void* arg) {
  auto* b = static_cast<Bootstrap*>(arg);
  ThreadState* t = thread_state_attach(false, b->ident);
  if (t) {
    Value r = call_with_tuple(b->func, b->args, b->kwargs);
    if (!r) report_thread_exception(fetch_error(), b->func);
    // Before join() can return: the thread's locals are gone by then.
    release_thread_locals(t);
  }
  gc::free_uncollectable(b);
  thread_count.fetch_sub(1, std::memory_order_relaxed);
  // Thread.join() waits on this lock (threading's _tstate_lock).
  if (t && t->sentinel_lock) {
    auto* sentinel = t->sentinel_lock.as<LockObject>();
    if (sentinel->state.load(std::memory_order_acquire) != 0) lock_release_raw(&sentinel->state);
  }
  // In a process forked from a non-main thread, that thread became the main
  // one; once it and every thread started after it are gone, the process
  // ends with status 0 as when the last thread of a CPython process exits
  // (Boehm's marker threads would otherwise keep it alive).
  static std::atomic<bool> main_thread_gone{false};
  if (t && t->is_main) main_thread_gone.store(true, std::memory_order_release);
  thread_state_detach();
  if (main_thread_gone.load(std::memory_order_acquire) && !thread_states_unlocked()) exit(0);
  return nullptr;
}

Value start_new_thread(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("start_new_thread", kw) || !check_nargs("start_new_thread", nargs, 2, 3)) return Value();
  if (!is_callable(args[0])) return raise(&exc::TypeError, "first arg must be callable");
  if (!is_tuple(args[1])) return raise(&exc::TypeError, "2nd arg must be a tuple");
  if (nargs == 3 && !is_dict(args[2])) return raise(&exc::TypeError, "optional 3rd arg must be a dictionary");
  // The bootstrap record must stay visible to the collector until the thread runs.
  auto* b = static_cast<Bootstrap*>(gc::alloc_uncollectable(sizeof(Bootstrap)));
  b->func = args[0];
  b->args = args[1].as<Tuple>();
  b->kwargs = nargs == 3 ? args[2].as<Dict>() : nullptr;
  // Read before the thread starts: it frees the record when it ends, which
  // may be before create_thread returns here.
  uint64_t ident = new_thread_ident();
  b->ident = ident;
  thread_count.fetch_add(1, std::memory_order_relaxed);
  size_t stack = thread_stack_size ? thread_stack_size : size_t(16) << 20;
  int rc = gc::create_thread(thread_main, b, stack, nullptr);
  if (rc != 0) {
    thread_count.fetch_sub(1, std::memory_order_relaxed);
    gc::free_uncollectable(b);
    return raise(&exc::RuntimeError, "can't start new thread");
  }
  return int_from_u64(ident);
}

// A lock released (if held) when the calling thread ends; threading acquires
// it right away and joins by waiting for it. A second call (after fork())
// replaces the first without releasing it, as in CPython.
Value set_sentinel(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_set_sentinel", nargs, kw)) return Value();
  Value lock = lock_new(&lock_type, nullptr, 0, nullptr);
  ts()->sentinel_lock = lock;
  return lock;
}

// ------------------------------------------------------------------ threading.excepthook

Type* except_hook_args_type;

const StructSeqField except_hook_args_fields[] = {{"exc_type", "Exception type"},
                                                  {"exc_value", "Exception value"},
                                                  {"exc_traceback", "Exception traceback"},
                                                  {"thread", "Thread"},
                                                  {nullptr, nullptr}};

bool write_to(Value file, Value text) {
  Value r = call_method1(file, names::write, text);
  return r && call_method0(file, names::flush);
}

// Prints "Exception in thread NAME:" and the traceback, as CPython's
// threading.excepthook does; SystemExit is silent.
Value except_hook(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_excepthook", kw) || !check_nargs("_excepthook", nargs, 1, 1)) return Value();
  if (!is_type(args[0], except_hook_args_type))
    return raise(&exc::TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
  Tuple* hook_args = args[0].as<Tuple>();
  Value exc_type = hook_args->items[0], exc_value = hook_args->items[1], thread = hook_args->items[3];
  if (is_none(exc_type)) return None();
  if (is_type_object(exc_type) && is_subtype(exc_type.as<Type>(), &exc::SystemExit)) return None();
  Value file = sys_get("stderr");
  if (!file || is_none(file)) {
    if (is_none(thread)) return None();
    file = get_attr_cstr(thread, "_stderr");
    if (!file) return Value();
    if (is_none(file)) return None();
  }
  Value name = is_none(thread) ? Value() : lookup_attr(thread, names::name);
  if (!name) clear_error();
  Value who = name ? to_str(name) : Value(format_message("%llu", (unsigned long long)ts()->ident));
  if (!who) return Value();
  if (!write_to(file, Value(format_message("Exception in thread %U:\n", who.as<Str>())))) return Value();
  print_exception(exc_value);
  return None();
}

Value allocate_lock(Value, const Value*, size_t, Tuple*) { return lock_new(&lock_type, nullptr, 0, nullptr); }
Value get_ident(Value, const Value*, size_t, Tuple*) { return int_from_u64(ts()->ident); }
Value get_native_id(Value, const Value*, size_t, Tuple*) { return int_from_u64(ts()->native_id); }
Value count_fn(Value, const Value*, size_t, Tuple*) { return int_from_i64(thread_count.load()); }

Value stack_size_fn(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("stack_size", nargs, 0, 1)) return Value();
  size_t old = thread_stack_size;
  if (nargs) {
    int64_t n;
    if (!int_to_i64(args[0], &n)) return Value();
    if (n != 0 && n < 32768) return raise(&exc::ValueError, "size not valid: %lld bytes", (long long)n);
    thread_stack_size = size_t(n);
  }
  return int_from_u64(old);
}

Value exit_thread(Value, const Value*, size_t, Tuple*) { return raise(&exc::SystemExit, nullptr); }

// Simulates the arrival of signum (SIGINT by default) as CPython's
// PyErr_SetInterruptEx: nothing happens while the signal is ignored or has
// its default action; otherwise its Python handler runs in the main thread.
Value interrupt_main(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("interrupt_main", kwnames) || !check_tuple_nargs("interrupt_main", nargs, 0, 1)) return Value();
  int64_t signum = SIGINT;
  if (nargs && !index_as_i64(args[0], &signum, &exc::OverflowError)) return Value();
  if (signum < 1 || signum >= NSIG) return raise(&exc::ValueError, "signal number out of range");
  struct sigaction current {};
  if (sigaction(int(signum), nullptr, &current) == 0 && current.sa_handler != SIG_IGN && current.sa_handler != SIG_DFL)
    trip_signal(int(signum));
  return None();
}

Value daemon_threads_allowed(Value, const Value*, size_t, Tuple*) { return True(); }

const MethodDef thread_methods[] = {{"start_new_thread", start_new_thread, kMethodStatic, nullptr},
                                    {"start_new", start_new_thread, kMethodStatic, nullptr},
                                    {"allocate_lock", allocate_lock, kMethodStatic, nullptr},
                                    {"allocate", allocate_lock, kMethodStatic, nullptr},
                                    {"get_ident", get_ident, kMethodStatic, nullptr},
                                    {"get_native_id", get_native_id, kMethodStatic, nullptr},
                                    {"_count", count_fn, kMethodStatic, nullptr},
                                    {"stack_size", stack_size_fn, kMethodStatic, nullptr},
                                    {"exit", exit_thread, kMethodStatic, nullptr},
                                    {"exit_thread", exit_thread, kMethodStatic, nullptr},
                                    {"interrupt_main", interrupt_main, kMethodStatic, nullptr},
                                    {"daemon_threads_allowed", daemon_threads_allowed, kMethodStatic, nullptr},
                                    {"_set_sentinel", set_sentinel, kMethodStatic, nullptr},
                                    {"_excepthook", except_hook, kMethodStatic, nullptr},
                                    {nullptr}};

bool thread_init(Module* m) {
  lock_type.native_name = "_thread.lock";
  lock_type.instance_size = sizeof(LockObject);
  lock_type.flags = kTypeWeakrefable;
  lock_type.new_ = lock_new;
  lock_type.methods = lock_methods;
  lock_type.repr = lock_repr;
  type_ready(&lock_type);
  rlock_type.native_name = "_thread.RLock";
  rlock_type.instance_size = sizeof(RLockObject);
  rlock_type.flags = kTypeBaseType | kTypeWeakrefable;
  rlock_type.new_ = rlock_new;
  rlock_type.methods = rlock_methods;
  rlock_type.repr = rlock_repr;
  type_ready(&rlock_type);
  module_add(m, "LockType", Value(&lock_type));
  module_add(m, "lock", Value(&lock_type));
  module_add(m, "RLock", Value(&rlock_type));
  local_type_ready();
  module_add(m, "_local", Value(&local_type));
  module_add(m, "error", Value(&exc::RuntimeError));
  module_add(m, "TIMEOUT_MAX", Value::from_double(kTimeoutMax));
  if (!except_hook_args_type)
    except_hook_args_type = structseq_new_type({"_thread._ExceptHookArgs", "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.", except_hook_args_fields, -1});
  module_add(m, "_ExceptHookArgs", Value(except_hook_args_type));
  return true;
}

}  // namespace

extern const ModuleDef thread_module;
const ModuleDef thread_module = {"_thread", "This module provides primitive operations to write multi-threaded programs.", thread_methods, thread_init};

}  // namespace spindle
