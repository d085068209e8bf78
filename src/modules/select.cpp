// The select module: select() and poll objects (both over poll(2), so
// select() has no FD_SETSIZE limit) and Linux epoll objects. Waits are retried after EINTR with the
// remaining timeout once pending signal handlers ran (PEP 475).
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

Type poll_type;
Type epoll_type;

struct PollObject : Object {
  Dict* fds;  // fd -> event mask
  std::atomic<bool> polling;
};

// PyObject_AsFileDescriptor: an int or an object with fileno().
bool fd_of(Value v, int* out) {
  Value n = v;
  if (!is_int(v)) {
    Value fileno = lookup_attr(v, intern_cstr("fileno"));
    if (!fileno) {
      if (error_occurred() && !error_matches(&exc::AttributeError)) return false;
      clear_error();
      raise(&exc::TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    n = call0(fileno);
    if (!n) return false;
    if (!is_int(n)) {
      raise(&exc::TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  int64_t fd;
  if (!int_to_i64(n, &fd)) {
    clear_error();
    raise(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  if (fd < 0) {
    raise(&exc::ValueError, "file descriptor cannot be a negative integer (%d)", int(fd));
    return false;
  }
  if (fd > INT_MAX) {
    raise(&exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = int(fd);
  return true;
}

double monotonic_ms() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// poll(2) with EINTR handling; timeout_ms < 0 waits forever. Returns the
// count, or -1 with an exception pending.
int poll_retrying(std::vector<pollfd>& fds, double timeout_ms) {
  double deadline = timeout_ms >= 0 ? monotonic_ms() + timeout_ms : 0;
  for (;;) {
    int wait = timeout_ms < 0 ? -1 : int(std::min(std::ceil(timeout_ms), double(INT_MAX)));
    int n;
    {
      BlockingRegion region;
      n = poll(fds.data(), fds.size(), wait);
    }
    if (n >= 0) return n;
    if (errno != EINTR) {
      raise_os_error(errno);
      return -1;
    }
    if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return -1;
    if (timeout_ms >= 0) timeout_ms = std::max(0.0, deadline - monotonic_ms());
  }
}

// ---- select()

struct Watched {
  Value object;
  int fd;
};

bool watched_list(Value seq, std::vector<Watched>* out) {
  Value items = tuple_from_iterable(seq);
  if (!items) return false;
  for (Value item : *items.as<Tuple>()) {
    int fd;
    if (!fd_of(item, &fd)) return false;
    out->push_back({item, fd});
  }
  return true;
}

Value select_select(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("select", kw) || !check_positional("select", nargs, 3, 4)) return Value();
  double timeout_ms = -1;
  if (nargs > 3 && !is_none(args[3])) {
    double seconds;
    if (!to_double(args[3], &seconds)) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        return raise(&exc::TypeError, "timeout must be a float or None");
      }
      return Value();
    }
    if (std::isnan(seconds)) return raise(&exc::ValueError, "Invalid value NaN (not a number)");
    if (seconds < 0) return raise(&exc::ValueError, "timeout must be non-negative");
    timeout_ms = seconds * 1e3;
  }
  std::vector<Watched> lists[3];
  for (int k = 0; k < 3; k++)
    if (!watched_list(args[k], &lists[k])) return Value();
  static const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  std::vector<pollfd> fds;
  for (int k = 0; k < 3; k++)
    for (const Watched& w : lists[k]) fds.push_back({w.fd, kEvents[k], 0});
  if (poll_retrying(fds, timeout_ms) < 0) return Value();
  List* ready[3] = {list_new(), list_new(), list_new()};
  // What select(2) reports: readable includes hang-up and error, writable error.
  static const short kReported[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};
  size_t i = 0;
  for (int k = 0; k < 3; k++)
    for (const Watched& w : lists[k]) {
      short revents = fds[i++].revents;
      if (revents & POLLNVAL) return raise_os_error(EBADF);
      if (revents & kReported[k]) list_append(ready[k], w.object);
    }
  return Value(tuple_pack({Value(ready[0]), Value(ready[1]), Value(ready[2])}));
}

// ---- poll objects

PollObject* as_poll(Value self) { return self.as<PollObject>(); }

bool event_mask_arg(Value v, short* out) {
  int64_t mask;
  if (!index_as_i64(v, &mask, &exc::OverflowError)) return false;
  if (mask < 0 || mask > USHRT_MAX) {
    raise(&exc::OverflowError, mask < 0 ? "Python int too small to convert to C unsigned short"
                                        : "Python int too large to convert to C unsigned short");
    return false;
  }
  *out = short(mask);
  return true;
}

Value poll_register(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("register", kw) || !check_positional("register", nargs, 1, 2)) return Value();
  int fd;
  if (!fd_of(args[0], &fd)) return Value();
  short events = POLLIN | POLLPRI | POLLOUT;
  if (nargs > 1 && !event_mask_arg(args[1], &events)) return Value();
  if (dict_set(as_poll(self)->fds, Value::from_small_int(fd), Value::from_small_int((unsigned short)events)) < 0)
    return Value();
  return None();
}

Value poll_modify(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("modify", kw) || !check_positional("modify", nargs, 2, 2)) return Value();
  int fd;
  short events;
  if (!fd_of(args[0], &fd) || !event_mask_arg(args[1], &events)) return Value();
  Dict* fds = as_poll(self)->fds;
  Value key = Value::from_small_int(fd);
  Value existing = dict_get(fds, key);
  if (!existing) {
    if (error_occurred()) return Value();
    return raise_os_error(ENOENT);
  }
  if (dict_set(fds, key, Value::from_small_int((unsigned short)events)) < 0) return Value();
  return None();
}

Value poll_unregister(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("unregister", kw) || !check_positional("unregister", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_of(args[0], &fd)) return Value();
  if (dict_del(as_poll(self)->fds, Value::from_small_int(fd)) < 0) return Value();
  return None();
}

Value poll_poll(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("poll", kw) || !check_positional("poll", nargs, 0, 1)) return Value();
  double timeout_ms = -1;
  if (nargs > 0 && !is_none(args[0])) {
    if (!to_double(args[0], &timeout_ms)) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        return raise(&exc::TypeError, "timeout must be an integer or None");
      }
      return Value();
    }
    if (std::isnan(timeout_ms)) return raise(&exc::ValueError, "Invalid value NaN (not a number)");
  }
  PollObject* p = as_poll(self);
  std::vector<pollfd> fds;
  int64_t pos = 0;
  Value key, events;
  while (dict_next(p->fds, &pos, &key, &events))
    fds.push_back({int(key.as_small_int()), short(events.as_small_int()), 0});
  bool expected = false;
  if (!p->polling.compare_exchange_strong(expected, true)) return raise(&exc::RuntimeError, "concurrent poll() invocation");
  int n = poll_retrying(fds, timeout_ms);
  p->polling.store(false);
  if (n < 0) return Value();
  List* out = list_new(n);
  for (const pollfd& f : fds)
    if (f.revents)
      list_append(out, Value(tuple_pack({Value::from_small_int(f.fd), Value::from_small_int((unsigned short)f.revents)})));
  return Value(out);
}

const MethodDef poll_methods[] = {
    {"register", poll_register, kMethodInstance, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, kMethodInstance, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, kMethodInstance, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, kMethodInstance, "Polls the set of registered file descriptors."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- epoll objects

struct EpollObject : Object {
  std::atomic<int> epfd;
};

EpollObject* as_epoll(Value self) { return self.as<EpollObject>(); }

int epoll_fd(Value self) {
  int fd = as_epoll(self)->epfd.load(std::memory_order_acquire);
  if (fd < 0) raise(&exc::ValueError, "I/O operation on closed epoll object");
  return fd;
}

Value new_epoll(Type* type, int fd) {
  auto* e = alloc_instance<EpollObject>(type);
  e->epfd.store(fd, std::memory_order_release);
  return Value(e);
}

Value epoll_new(Type* type, const Value* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"epoll", {"sizehint", "flags"}, 0};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int64_t sizehint = -1, flags = 0;
  if (a[0] && !index_as_i64(a[0], &sizehint, &exc::OverflowError)) return Value();
  if (a[1] && !index_as_i64(a[1], &flags, &exc::OverflowError)) return Value();
  if (sizehint != -1 && sizehint <= 0) return raise(&exc::ValueError, "negative sizehint");
  if (flags && flags != EPOLL_CLOEXEC) return raise_os_error(EINVAL);
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_os_error(errno);
  return new_epoll(type, fd);
}

void epoll_finalize(Value self) {
  int fd = as_epoll(self)->epfd.exchange(-1);
  if (fd >= 0) ::close(fd);
}

Value epoll_close(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("close", nargs, kw)) return Value();
  int fd = as_epoll(self)->epfd.exchange(-1);
  if (fd >= 0 && ::close(fd) < 0 && errno != EINTR) return raise_os_error(errno);
  return None();
}

Value epoll_get_closed(Value self) { return Bool(as_epoll(self)->epfd.load() < 0); }

Value epoll_fileno(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("fileno", nargs, kw)) return Value();
  int fd = epoll_fd(self);
  if (fd < 0) return Value();
  return Value::from_small_int(fd);
}

Value epoll_fromfd(Value cls, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("fromfd", kw) || !check_positional("fromfd", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_of(args[0], &fd)) return Value();
  return new_epoll(cls.as<Type>(), fd);
}

bool epoll_mask_arg(Value v, uint32_t* out) {
  int64_t mask;
  if (!index_as_i64(v, &mask, &exc::OverflowError)) return false;
  if (mask < 0 || mask > int64_t(UINT32_MAX)) {
    raise(&exc::OverflowError, mask < 0 ? "can't convert negative value to unsigned int"
                                        : "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = uint32_t(mask);
  return true;
}

Value epoll_control(Value self, int op, const Value* args, size_t nargs, Tuple* kw) {
  static const ArgSpec register_spec{"register", {"fd", "eventmask"}, 1};
  static const ArgSpec modify_spec{"modify", {"fd", "eventmask"}, 2};
  static const ArgSpec unregister_spec{"unregister", {"fd"}, 1};
  const ArgSpec& spec = op == EPOLL_CTL_ADD ? register_spec : op == EPOLL_CTL_MOD ? modify_spec : unregister_spec;
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!fd_of(a[0], &fd)) return Value();
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (a[1] && !epoll_mask_arg(a[1], &mask)) return Value();
  epoll_event ev{};
  ev.events = mask;
  ev.data.fd = fd;
  int epfd = epoll_fd(self);
  if (epfd < 0) return Value();
  if (epoll_ctl(epfd, op, fd, &ev) < 0) return raise_os_error(errno);
  return None();
}

Value epoll_register(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return epoll_control(self, EPOLL_CTL_ADD, args, nargs, kw);
}
Value epoll_modify(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return epoll_control(self, EPOLL_CTL_MOD, args, nargs, kw);
}
Value epoll_unregister(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return epoll_control(self, EPOLL_CTL_DEL, args, nargs, kw);
}

Value epoll_poll(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"poll", {"timeout", "maxevents"}, 0};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  double timeout_ms = -1;
  if (a[0] && !is_none(a[0])) {
    double seconds;
    if (!to_double(a[0], &seconds)) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        return raise(&exc::TypeError, "timeout must be an integer or None");
      }
      return Value();
    }
    if (std::isnan(seconds)) return raise(&exc::ValueError, "Invalid value NaN (not a number)");
    if (seconds >= 0) timeout_ms = std::ceil(seconds * 1e3);
  }
  int64_t maxevents = -1;
  if (a[1] && !index_as_i64(a[1], &maxevents, &exc::OverflowError)) return Value();
  if (maxevents == -1) maxevents = FD_SETSIZE - 1;
  else if (maxevents < 1) return raise(&exc::ValueError, "maxevents must be greater than 0, got %d", int(maxevents));
  int epfd = epoll_fd(self);
  if (epfd < 0) return Value();
  std::vector<epoll_event> events(size_t(std::min<int64_t>(maxevents, INT_MAX)));
  double deadline = timeout_ms >= 0 ? monotonic_ms() + timeout_ms : 0;
  int n;
  for (;;) {
    int wait = timeout_ms < 0 ? -1 : int(std::min(std::ceil(timeout_ms), double(INT_MAX)));
    {
      BlockingRegion region;
      n = epoll_wait(epfd, events.data(), int(events.size()), wait);
    }
    if (n >= 0) break;
    if (errno != EINTR) return raise_os_error(errno);
    if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return Value();
    if (timeout_ms >= 0) timeout_ms = std::max(0.0, deadline - monotonic_ms());
  }
  List* out = list_new(n);
  for (int i = 0; i < n; i++)
    list_append(out, Value(tuple_pack({Value::from_small_int(events[size_t(i)].data.fd),
                                       int_from_i64(events[size_t(i)].events)})));
  return Value(out);
}

Value epoll_enter(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("__enter__", nargs, kw)) return Value();
  if (epoll_fd(self) < 0) return Value();
  return self;
}

Value epoll_exit(Value self, const Value*, size_t, Tuple*) { return epoll_close(self, nullptr, 0, nullptr); }

const MethodDef epoll_methods[] = {
    {"close", epoll_close, kMethodInstance, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, kMethodInstance, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, kMethodClass, "Create an epoll object from a given control fd."},
    {"register", epoll_register, kMethodInstance, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, kMethodInstance, "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, kMethodInstance, "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, kMethodInstance, "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, kMethodInstance, nullptr},
    {"__exit__", epoll_exit, kMethodInstance, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, nullptr, "True if the epoll handler is closed"},
    {nullptr, nullptr, nullptr, nullptr},
};

Value select_poll(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("poll", nargs, kw)) return Value();
  auto* p = alloc_instance<PollObject>(&poll_type);
  p->fds = dict_new();
  return Value(p);
}

const MethodDef select_methods[] = {
    {"select", select_select, kMethodStatic,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, kMethodStatic, "Returns a polling object."},
    {nullptr, nullptr, 0, nullptr},
};

bool select_init(Module* m) {
  if (!poll_type.native_name) {
    poll_type.native_name = "select.poll";
    poll_type.instance_size = sizeof(PollObject);
    poll_type.methods = poll_methods;
    type_ready(&poll_type);
    epoll_type.native_name = "select.epoll";
    epoll_type.doc = "select.epoll(sizehint=-1, flags=0): an edge and level triggered interface for polling file descriptors.";
    epoll_type.flags = kTypeBaseType | kTypeHasFinalizer;
    epoll_type.instance_size = sizeof(EpollObject);
    epoll_type.new_ = epoll_new;
    epoll_type.finalize = epoll_finalize;
    epoll_type.methods = epoll_methods;
    epoll_type.getsets = epoll_getsets;
    type_ready(&epoll_type);
  }
  if (module_add(m, "error", Value(&exc::OSError)) < 0 || module_add(m, "epoll", Value(&epoll_type)) < 0) return false;
  struct Constant {
    const char* name;
    int64_t value;
  };
  static const Constant constants[] = {
      {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},     {"POLLOUT", POLLOUT},       {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},   {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},     {"POLLRDHUP", POLLRDHUP},
      {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},   {"EPOLLPRI", EPOLLPRI},     {"EPOLLERR", EPOLLERR},
      {"EPOLLHUP", EPOLLHUP},     {"EPOLLET", int64_t(EPOLLET)}, {"EPOLLONESHOT", EPOLLONESHOT},
      {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
      {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND},
      {"EPOLLMSG", EPOLLMSG},     {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
  };
  for (const Constant& c : constants)
    if (module_add(m, c.name, Value::from_small_int(c.value)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef select_module = {"select", "This module supports asynchronous I/O on multiple file descriptors.",
                                        select_methods, select_init};

}  // namespace spindle
