// _multiprocessing: SemLock, the POSIX named semaphore under multiprocessing's
// Lock, RLock, Semaphore and Condition (shared with child processes), and
// sem_unlink.
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>

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
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

Type semlock_type;

struct SemLockObject : Object {
  sem_t* handle;
  uint64_t last_owner;  // ident of the thread that last acquired it
  int64_t count;        // acquisitions by this process not yet released
  int64_t maxvalue;
  int kind;
  Value name;  // str, or None once unlinked
};

bool is_mine(SemLockObject* s) { return s->count > 0 && s->last_owner == ts()->ident; }

void close_semaphore(void* obj, void*) { sem_close(static_cast<SemLockObject*>(obj)->handle); }

Value semlock_wrap(Type* type, sem_t* handle, int kind, int64_t maxvalue, Value name) {
  auto* s = alloc_instance<SemLockObject>(type);
  s->handle = handle;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->name = name;
  gc::register_finalizer(s, close_semaphore, nullptr);
  return Value(s);
}

bool int_arg(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  return int_to_i64(v, out);
}

Value semlock_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const ArgSpec spec{"SemLock", {"kind", "value", "maxvalue", "name", "unlink"}, 5};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t kind, value, maxvalue;
  if (!int_arg(a[0], &kind) || !int_arg(a[1], &value) || !int_arg(a[2], &maxvalue)) return Value();
  if (!is_str(a[3])) return raise(&exc::TypeError, "SemLock() argument 'name' must be str, not %s", type_name(a[3]));
  int unlink = truthy(a[4]);
  if (unlink < 0) return Value();
  if (kind != kRecursiveMutex && kind != kSemaphore) return raise(&exc::ValueError, "unrecognized kind");
  std::string name = str_to_utf8(a[3].as<Str>());
  sem_t* handle = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, unsigned(value));
  if (handle == SEM_FAILED) return raise_os_error(errno);
  if (unlink && sem_unlink(name.c_str()) < 0) {
    int err = errno;
    sem_close(handle);
    return raise_os_error(err);
  }
  return semlock_wrap(type, handle, int(kind), maxvalue, unlink ? None() : a[3]);
}

// Waits for the semaphore until the CLOCK_REALTIME deadline (null: forever);
// signals interrupt the wait to run their handlers. 1 acquired, 0 timed out,
// -1 error pending.
int wait_semaphore(sem_t* handle, const timespec* deadline) {
  for (;;) {
    int r = deadline ? sem_timedwait(handle, deadline) : sem_wait(handle);
    if (r == 0) return 1;
    if (errno == ETIMEDOUT) return 0;
    if (errno != EINTR) {
      raise_os_error(errno);
      return -1;
    }
    if (!handle_pending()) return -1;
  }
}

Value semlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"acquire", {"block", "timeout"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  auto* s = self.as<SemLockObject>();
  int blocking = a[0] ? truthy(a[0]) : 1;
  if (blocking < 0) return Value();
  if (s->kind == kRecursiveMutex && is_mine(s)) {
    s->count++;
    return True();
  }
  timespec deadline{};
  bool timed = false;
  if (blocking && a[1] && !is_none(a[1])) {
    double timeout;
    if (!to_double(a[1], &timeout)) return Value();
    if (timeout < 0) timeout = 0;
    clock_gettime(CLOCK_REALTIME, &deadline);
    double whole;
    double frac = std::modf(timeout, &whole);
    deadline.tv_sec += time_t(whole);
    deadline.tv_nsec += long(frac * 1e9);
    if (deadline.tv_nsec >= 1000000000) {
      deadline.tv_sec++;
      deadline.tv_nsec -= 1000000000;
    }
    timed = true;
  }
  int r;
  if (sem_trywait(s->handle) == 0) {
    r = 1;
  } else if (errno != EAGAIN) {
    return raise_os_error(errno);
  } else if (!blocking) {
    r = 0;
  } else {
    r = wait_semaphore(s->handle, timed ? &deadline : nullptr);
  }
  if (r < 0) return Value();
  if (r == 0) return False();
  s->count++;
  s->last_owner = ts()->ident;
  return True();
}

Value semlock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("release", nargs, kwnames)) return Value();
  auto* s = self.as<SemLockObject>();
  if (s->kind == kRecursiveMutex) {
    if (!is_mine(s)) return raise(&exc::AssertionError, "attempt to release recursive lock not owned by thread");
    if (s->count > 1) {
      s->count--;
      return None();
    }
  } else {
    int value;
    if (sem_getvalue(s->handle, &value) < 0) return raise_os_error(errno);
    if (value >= s->maxvalue) return raise(&exc::ValueError, "semaphore or lock released too many times");
  }
  if (sem_post(s->handle) < 0) return raise_os_error(errno);
  s->count--;
  return None();
}

Value semlock_exit(Value self, const Value*, size_t, Tuple*) { return semlock_release(self, nullptr, 0, nullptr); }

Value semlock_count(Value self, const Value*, size_t, Tuple*) { return int_from_i64(self.as<SemLockObject>()->count); }

Value semlock_is_mine(Value self, const Value*, size_t, Tuple*) { return Bool(is_mine(self.as<SemLockObject>())); }

Value semlock_get_value(Value self, const Value*, size_t, Tuple*) {
  int value;
  if (sem_getvalue(self.as<SemLockObject>()->handle, &value) < 0) return raise_os_error(errno);
  // Some systems report the number of waiters as a negative value.
  return Value::from_small_int(value < 0 ? 0 : value);
}

Value semlock_is_zero(Value self, const Value*, size_t, Tuple*) {
  int value;
  if (sem_getvalue(self.as<SemLockObject>()->handle, &value) < 0) return raise_os_error(errno);
  return Bool(value == 0);
}

// The child of a fork holds none of the parent's acquisitions.
Value semlock_after_fork(Value self, const Value*, size_t, Tuple*) {
  self.as<SemLockObject>()->count = 0;
  return None();
}

// Unpickling in another process: a named semaphore is opened again by name;
// an unlinked one can only be inherited through fork, where the handle is valid.
Value semlock_rebuild(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_rebuild", kwnames) || !check_positional("_rebuild", nargs, 4, 4)) return Value();
  int64_t handle, kind, maxvalue;
  if (!int_arg(args[0], &handle) || !int_arg(args[1], &kind) || !int_arg(args[2], &maxvalue)) return Value();
  Value name = args[3];
  if (!is_none(name) && !is_str(name)) return raise(&exc::TypeError, "_rebuild() argument 4 must be str or None, not %s", type_name(name));
  sem_t* sem = reinterpret_cast<sem_t*>(handle);
  if (!is_none(name)) {
    sem = sem_open(str_to_utf8(name.as<Str>()).c_str(), 0);
    if (sem == SEM_FAILED) return raise_os_error(errno);
  }
  return semlock_wrap(cls.as<Type>(), sem, int(kind), maxvalue, name);
}

Value semlock_get_handle(Value self) { return int_from_i64(int64_t(reinterpret_cast<intptr_t>(self.as<SemLockObject>()->handle))); }
Value semlock_get_kind(Value self) { return Value::from_small_int(self.as<SemLockObject>()->kind); }
Value semlock_get_maxvalue(Value self) { return int_from_i64(self.as<SemLockObject>()->maxvalue); }
Value semlock_get_name(Value self) { return self.as<SemLockObject>()->name; }

const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, kMethodInstance, "Acquire the semaphore/lock."},
    {"release", semlock_release, kMethodInstance, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, kMethodInstance, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, kMethodInstance, "Exit the semaphore/lock."},
    {"_count", semlock_count, kMethodInstance, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, kMethodInstance, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, kMethodInstance, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, kMethodInstance, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild, kMethodClass, nullptr},
    {"_after_fork", semlock_after_fork, kMethodInstance, "Rezero the net acquisition count after fork()."},
    {nullptr}};

const GetSetDef semlock_getsets[] = {{"handle", semlock_get_handle, nullptr, nullptr},
                                     {"kind", semlock_get_kind, nullptr, nullptr},
                                     {"maxvalue", semlock_get_maxvalue, nullptr, nullptr},
                                     {"name", semlock_get_name, nullptr, nullptr},
                                     {nullptr}};

Value sem_unlink_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sem_unlink", kwnames) || !check_positional("sem_unlink", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "sem_unlink() argument must be str, not %s", type_name(args[0]));
  if (sem_unlink(str_to_utf8(args[0].as<Str>()).c_str()) < 0) return raise_os_error(errno);
  return None();
}

const MethodDef multiprocessing_methods[] = {{"sem_unlink", sem_unlink_fn, kMethodStatic, nullptr}, {nullptr}};

bool multiprocessing_init(Module* m) {
  semlock_type.native_name = "_multiprocessing.SemLock";
  semlock_type.doc = "Semaphore/Mutex type";
  semlock_type.instance_size = sizeof(SemLockObject);
  semlock_type.flags = kTypeBaseType;
  semlock_type.new_ = semlock_new;
  semlock_type.methods = semlock_methods;
  semlock_type.getsets = semlock_getsets;
  type_ready(&semlock_type);
  dict_set_str(semlock_type.dict, intern_cstr("SEM_VALUE_MAX"), Value::from_small_int(SEM_VALUE_MAX));
  module_add(m, "SemLock", Value(&semlock_type));
  Dict* flags = dict_new();
  dict_set_str(flags, intern_cstr("HAVE_SEM_OPEN"), Value::from_small_int(1));
  dict_set_str(flags, intern_cstr("HAVE_SEM_TIMEDWAIT"), Value::from_small_int(1));
  module_add(m, "flags", Value(flags));
  return true;
}

}  // namespace

extern const ModuleDef multiprocessing_module;
const ModuleDef multiprocessing_module = {"_multiprocessing", nullptr, multiprocessing_methods, multiprocessing_init};

}  // namespace spindle
