// The _multiprocessing module on POSIX: SemLock, the named POSIX semaphore
// behind multiprocessing's Lock, RLock, Semaphore, Condition and Event (shared
// with child processes across fork, or reopened by name), and sem_unlink.
//
// A SemLock counts its own acquisitions: for a recursive mutex the owner
// re-enters without touching the semaphore. The count and owner are this
// process's view only (a fork resets them through _after_fork()).
#include <fcntl.h>
#include <semaphore.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/object.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

enum SemKind : int { kRecursiveMutex = 0, kSemaphore = 1 };

struct SemLock : Object {
  sem_t* handle;
  int kind;
  int maxvalue;
  Value name;  // None when the semaphore was unlinked at creation
  std::atomic<int64_t> count;       // acquisitions by this process not yet released
  std::atomic<uint64_t> last_owner;  // ident of the thread that acquired last
};

Type semlock_type;

SemLock* as_semlock(Value v) { return v.as<SemLock>(); }

bool is_mine(SemLock* s) {
  return s->count.load(std::memory_order_acquire) > 0 &&
         s->last_owner.load(std::memory_order_relaxed) == ts()->ident;
}

void close_semaphore(void* obj, void*) { sem_close(static_cast<SemLock*>(obj)->handle); }

Value new_semlock(Type* type, sem_t* handle, int kind, int maxvalue, Value name) {
  auto* s = alloc_instance<SemLock>(type);
  gc::register_finalizer(s, close_semaphore, nullptr);
  s->handle = handle;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->name = name ? name : None();
  s->count.store(0, std::memory_order_relaxed);
  s->last_owner.store(0, std::memory_order_relaxed);
  return Value(s);
}

// SemLock(kind, value, maxvalue, name, unlink)
Value semlock_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"SemLock", {"kind", "value", "maxvalue", "name", "unlink"}, 5};
  Value a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int kind, value, maxvalue;
  if (!int_arg(a[0], &kind) || !int_arg(a[1], &value) || !int_arg(a[2], &maxvalue)) return Value();
  if (kind != kRecursiveMutex && kind != kSemaphore) return raise(&exc::ValueError, "unrecognized kind");
  if (!is_str(a[3])) return raise(&exc::TypeError, "SemLock() argument 'name' must be str, not %T", a[3]);
  int unlink = truthy(a[4]);
  if (unlink < 0) return Value();
  std::string name = str_to_utf8(a[3].as<Str>());
  sem_t* handle = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, unsigned(value));
  if (handle == SEM_FAILED) return raise_os_error(errno);
  if (unlink && sem_unlink(name.c_str()) < 0) {
    int err = errno;
    sem_close(handle);
    return raise_os_error(err);
  }
  return new_semlock(type, handle, kind, maxvalue, unlink ? None() : a[3]);
}

// A deadline `timeout` seconds from now on the realtime clock (sem_timedwait's).
timespec deadline_after(double timeout) {
  timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  double whole = std::floor(timeout);
  int64_t sec = int64_t(now.tv_sec) + int64_t(whole);
  int64_t nsec = now.tv_nsec + int64_t((timeout - whole) * 1e9);
  if (nsec >= 1000000000) {
    sec++;
    nsec -= 1000000000;
  }
  return timespec{time_t(sec), long(nsec)};
}

// acquire(block=True, timeout=None)
Value semlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"acquire", {"block", "timeout"}, 0};
  Value a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  SemLock* s = as_semlock(self);
  int blocking = a[0] ? truthy(a[0]) : 1;
  if (blocking < 0) return Value();
  double timeout = -1;
  bool timed = blocking && a[1] && !is_none(a[1]);
  if (timed) {
    if (!to_double(a[1], &timeout)) return Value();
    if (timeout < 0) timeout = 0;
  }
  if (s->kind == kRecursiveMutex && is_mine(s)) {
    s->count.fetch_add(1, std::memory_order_relaxed);
    return True();
  }
  timespec deadline = timed ? deadline_after(timeout) : timespec{};
  int r;
  do r = sem_trywait(s->handle);
  while (r < 0 && errno == EINTR);
  while (r < 0 && errno == EAGAIN && blocking) {
    {
      BlockingRegion region;
      r = timed ? sem_timedwait(s->handle, &deadline) : sem_wait(s->handle);
    }
    if (r == 0 || errno != EINTR) break;
    if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return Value();
  }
  if (r < 0) {
    if (errno == EAGAIN || errno == ETIMEDOUT) return False();
    return raise_os_error(errno);
  }
  s->last_owner.store(ts()->ident, std::memory_order_relaxed);
  s->count.fetch_add(1, std::memory_order_release);
  return True();
}

Value semlock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("release", nargs, kwnames)) return Value();
  SemLock* s = as_semlock(self);
  if (s->kind == kRecursiveMutex) {
    if (!is_mine(s))
      return raise(&exc::AssertionError, "attempt to release recursive lock not owned by thread");
    if (s->count.load(std::memory_order_relaxed) > 1) {
      s->count.fetch_sub(1, std::memory_order_relaxed);
      return None();
    }
  } else {
    int value;
    if (sem_getvalue(s->handle, &value) < 0) return raise_os_error(errno);
    if (value >= s->maxvalue) return raise(&exc::ValueError, "semaphore or lock released too many times");
  }
  if (sem_post(s->handle) < 0) return raise_os_error(errno);
  s->count.fetch_sub(1, std::memory_order_release);
  return None();
}

Value semlock_exit(Value self, const Value*, size_t, Tuple*) { return semlock_release(self, nullptr, 0, nullptr); }

Value semlock_count(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_count", nargs, kwnames)) return Value();
  return int_from_i64(as_semlock(self)->count.load(std::memory_order_acquire));
}

Value semlock_is_mine(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_is_mine", nargs, kwnames)) return Value();
  return Bool(is_mine(as_semlock(self)));
}

bool semaphore_value(SemLock* s, int* value) {
  if (sem_getvalue(s->handle, value) < 0) {
    raise_os_error(errno);
    return false;
  }
  if (*value < 0) *value = 0;  // some systems count waiters as a negative value
  return true;
}

Value semlock_get_value(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_get_value", nargs, kwnames)) return Value();
  int value;
  if (!semaphore_value(as_semlock(self), &value)) return Value();
  return Value::from_small_int(value);
}

Value semlock_is_zero(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_is_zero", nargs, kwnames)) return Value();
  int value;
  if (!semaphore_value(as_semlock(self), &value)) return Value();
  return Bool(value == 0);
}

Value semlock_after_fork(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_after_fork", nargs, kwnames)) return Value();
  as_semlock(self)->count.store(0, std::memory_order_relaxed);
  return None();
}

// SemLock._rebuild(handle, kind, maxvalue, name): the handle is valid in a
// forked child; a named semaphore is reopened (another process's handle).
Value semlock_rebuild(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_rebuild", kwnames) || !check_nargs("_rebuild", nargs, 4, 4)) return Value();
  int64_t handle_bits;
  int kind, maxvalue;
  if (!index_as_i64(args[0], &handle_bits, &exc::OverflowError) || !int_arg(args[1], &kind) ||
      !int_arg(args[2], &maxvalue))
    return Value();
  sem_t* handle = reinterpret_cast<sem_t*>(handle_bits);
  Value name = args[3];
  if (!is_none(name)) {
    if (!is_str(name)) return raise(&exc::TypeError, "_rebuild() argument 4 must be str or None, not %T", name);
    handle = sem_open(str_to_utf8(name.as<Str>()).c_str(), 0);
    if (handle == SEM_FAILED) return raise_os_error(errno);
  }
  return new_semlock(cls.as<Type>(), handle, kind, maxvalue, name);
}

Value semlock_get_handle(Value self) { return int_from_i64(reinterpret_cast<int64_t>(as_semlock(self)->handle)); }
Value semlock_get_kind(Value self) { return Value::from_small_int(as_semlock(self)->kind); }
Value semlock_get_maxvalue(Value self) { return Value::from_small_int(as_semlock(self)->maxvalue); }
Value semlock_get_name(Value self) { return as_semlock(self)->name; }

const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, kMethodInstance, "Acquire the semaphore/lock."},
    {"release", semlock_release, kMethodInstance, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, kMethodInstance, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, kMethodInstance, "Exit the semaphore/lock."},
    {"_count", semlock_count, kMethodInstance, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, kMethodInstance, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, kMethodInstance, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, kMethodInstance, "Return whether semaphore has value zero."},
    {"_after_fork", semlock_after_fork, kMethodInstance, "Rezero the net acquisition count after fork()."},
    {"_rebuild", semlock_rebuild, kMethodClass, nullptr},
    {nullptr}};

const GetSetDef semlock_getsets[] = {
    {"handle", semlock_get_handle, nullptr, nullptr},
    {"kind", semlock_get_kind, nullptr, nullptr},
    {"maxvalue", semlock_get_maxvalue, nullptr, nullptr},
    {"name", semlock_get_name, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

Value mp_sem_unlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sem_unlink", kwnames) || !check_nargs("sem_unlink", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "sem_unlink() argument must be str, not %T", args[0]);
  if (sem_unlink(str_to_utf8(args[0].as<Str>()).c_str()) < 0) return raise_os_error(errno);
  return None();
}

const MethodDef multiprocessing_methods[] = {
    {"sem_unlink", mp_sem_unlink, kMethodStatic, "Remove a named semaphore."},
    {nullptr}};

bool multiprocessing_init(Module* m) {
  semlock_type.native_name = "_multiprocessing.SemLock";
  semlock_type.doc = "Semaphore/Mutex type";
  semlock_type.flags = kTypeBaseType;
  semlock_type.instance_size = sizeof(SemLock);
  semlock_type.new_ = semlock_new;
  semlock_type.methods = semlock_methods;
  semlock_type.getsets = semlock_getsets;
  type_ready(&semlock_type);
  dict_set_str(semlock_type.dict, intern_cstr("SEM_VALUE_MAX"), Value::from_small_int(SEM_VALUE_MAX));
  Dict* flags = dict_new();
  dict_set_str(flags, intern_cstr("HAVE_SEM_OPEN"), Value::from_small_int(1));
  dict_set_str(flags, intern_cstr("HAVE_SEM_TIMEDWAIT"), Value::from_small_int(1));
  return module_add(m, "SemLock", Value(&semlock_type)) >= 0 && module_add(m, "flags", Value(flags)) >= 0;
}

}  // namespace

extern const ModuleDef multiprocessing_module;
const ModuleDef multiprocessing_module = {"_multiprocessing", nullptr, multiprocessing_methods, multiprocessing_init};

}  // namespace spindle
