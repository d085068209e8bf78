// The faulthandler module: dumps the Python tracebacks of every thread on a
// fatal signal, on a user signal, after a timeout, or on request.
//
// The dumps run in signal handlers and in a watchdog thread, so they only
// read frames and code objects and write(2) to a file descriptor: no
// allocation, no locks. Walking other threads' frames is racy, as in CPython;
// a frame being pushed or popped meanwhile can show a stale line.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

constexpr int kMaxFrameDepth = 100;
constexpr int64_t kMaxStringLength = 500;

// ------------------------------------------------------------------ writing

void write_bytes(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += w;
    n -= size_t(w);
  }
}

void write_cstr(int fd, const char* s) { write_bytes(fd, s, strlen(s)); }

void write_hex(int fd, uint64_t v, int digits) {
  char buf[17];
  for (int i = digits - 1; i >= 0; i--) {
    buf[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  write_bytes(fd, buf, size_t(digits));
}

void write_decimal(int fd, uint64_t v) {
  char buf[24];
  int i = sizeof buf;
  do {
    buf[--i] = char('0' + v % 10);
    v /= 10;
  } while (v);
  write_bytes(fd, buf + i, sizeof buf - size_t(i));
}

// ASCII as is, everything else as \xNN, \uNNNN or \UNNNNNNNN; long strings cut.
void write_str(int fd, const Str* s) {
  if (!s) {
    write_cstr(fd, "???");
    return;
  }
  int64_t n = s->length < kMaxStringLength ? s->length : kMaxStringLength;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = s->at(i);
    if (c >= 32 && c < 127) {
      char ch = char(c);
      write_bytes(fd, &ch, 1);
    } else if (c < 0x100) {
      write_cstr(fd, "\\x");
      write_hex(fd, c, 2);
    } else if (c < 0x10000) {
      write_cstr(fd, "\\u");
      write_hex(fd, c, 4);
    } else {
      write_cstr(fd, "\\U");
      write_hex(fd, c, 8);
    }
  }
  if (s->length > n) write_cstr(fd, "...");
}

void dump_frames(int fd, const ThreadState* t) {
  int depth = 0;
  for (const Frame* f = t->frame; f; f = f->prev) {
    if (depth++ == kMaxFrameDepth) {
      write_cstr(fd, "  ...\n");
      return;
    }
    const Code* code = f->code;
    write_cstr(fd, "  File \"");
    write_str(fd, code->filename);
    write_cstr(fd, "\", line ");
    int line = code_line_for(code, f->instruction_index());
    if (line >= 0) write_decimal(fd, uint64_t(line));
    else write_cstr(fd, "???");
    write_cstr(fd, " in ");
    write_str(fd, code->name);
    write_cstr(fd, "\n");
  }
}

// The traceback of the calling thread only, or of every thread (the calling
// one marked "Current thread"), as CPython formats them.
void dump_tracebacks(int fd, bool all_threads) {
  ThreadState* self = ts();
  if (!all_threads) {
    write_cstr(fd, "Stack (most recent call first):\n");
    if (self) dump_frames(fd, self);
    return;
  }
  bool first = true;
  for (ThreadState* t = thread_states_unlocked(); t; t = t->next) {
    if (!first) write_cstr(fd, "\n");
    first = false;
    write_cstr(fd, t == self ? "Current thread 0x" : "Thread 0x");
    write_hex(fd, uint64_t(t->os_thread), 16);
    write_cstr(fd, " (most recent call first):\n");
    dump_frames(fd, t);
  }
}

// ------------------------------------------------------------------ arguments

// The descriptor to write to: file=None means sys.stderr; an int is a
// descriptor; otherwise the object's fileno(), after flushing it. *keep: the
// object to keep alive while the descriptor is in use.
bool resolve_file(Value file, int* fd, Value* keep) {
  if (!file || is_none(file)) {
    file = sys_get("stderr");
    if (!file || is_none(file)) {
      clear_error();
      raise(&exc::RuntimeError, "sys.stderr is None");
      return false;
    }
  }
  if (is_int(file)) {
    int64_t n;
    if (!int_to_i64(file, &n)) return false;
    if (n < 0 || n > INT32_MAX) {
      raise(&exc::ValueError, "file is not a valid file descripter");
      return false;
    }
    *fd = int(n);
    *keep = Value();
    return true;
  }
  Value r = call_method0(file, intern_cstr("fileno"));
  if (!r) return false;
  int64_t n = -1;
  if (!is_int(r) || !int_to_i64(r, &n) || n < 0 || n > INT32_MAX) {
    clear_error();
    raise(&exc::RuntimeError, "file.fileno() is not a valid file descriptor");
    return false;
  }
  Value flushed = lookup_attr(file, intern_cstr("flush"));
  if (flushed) flushed = call0(flushed);
  if (!flushed) clear_error();  // as in CPython, a failing flush is ignored
  *fd = int(n);
  *keep = file;
  return true;
}

// ------------------------------------------------------------------ fatal signals

struct FatalSignal {
  int signum;
  const char* name;
  struct sigaction previous;
};

FatalSignal fatal_signals[] = {{SIGBUS, "Bus error", {}},
                               {SIGILL, "Illegal instruction", {}},
                               {SIGFPE, "Floating point exception", {}},
                               {SIGABRT, "Aborted", {}},
                               {SIGSEGV, "Segmentation fault", {}}};

// Python-level calls change the settings under this lock; the handlers read
// the plain fields below (set before a handler is installed).
std::mutex settings_lock;
bool fatal_enabled = false;
int fatal_fd = 2;
bool fatal_all_threads = true;
Value fatal_file;  // kept alive while enabled (static data is a collector root)

void fatal_handler(int signum) {
  int saved_errno = errno;
  FatalSignal* sig = nullptr;
  for (auto& s : fatal_signals)
    if (s.signum == signum) sig = &s;
  if (!sig) return;
  write_cstr(fatal_fd, "Fatal Python error: ");
  write_cstr(fatal_fd, sig->name);
  write_cstr(fatal_fd, "\n\n");
  dump_tracebacks(fatal_fd, fatal_all_threads);
  // Let the previous handler (by default: the core dump) finish the process.
  sigaction(signum, &sig->previous, nullptr);
  errno = saved_errno;
  ::raise(signum);
}

// An alternate stack, so a stack overflow's SIGSEGV can still be reported.
void ensure_alternate_stack() {
  static char* stack = nullptr;
  if (stack) return;
  size_t size = SIGSTKSZ * 2 + 64 * 1024;
  stack = new char[size];
  stack_t ss{};
  ss.ss_sp = stack;
  ss.ss_size = size;
  sigaltstack(&ss, nullptr);
}

void disable_fatal_locked() {
  if (!fatal_enabled) return;
  fatal_enabled = false;
  for (auto& s : fatal_signals) sigaction(s.signum, &s.previous, nullptr);
  fatal_file = Value();
}

Value fh_enable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args({"enable", {"file", "all_threads"}, 0}, args, nargs, kwnames, a)) return Value();
  int fd;
  Value keep;
  if (!resolve_file(a[0], &fd, &keep)) return Value();
  int all_threads = a[1] ? truthy(a[1]) : 1;
  if (all_threads < 0) return Value();
  std::lock_guard<std::mutex> guard(settings_lock);
  fatal_fd = fd;
  fatal_all_threads = all_threads;
  fatal_file = keep;
  if (!fatal_enabled) {
    ensure_alternate_stack();
    for (auto& s : fatal_signals) {
      struct sigaction action {};
      action.sa_handler = fatal_handler;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_NODEFER | SA_ONSTACK;
      sigaction(s.signum, &action, &s.previous);
    }
    fatal_enabled = true;
  }
  return None();
}

Value fh_disable(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("disable", nargs, kwnames)) return Value();
  std::lock_guard<std::mutex> guard(settings_lock);
  bool was = fatal_enabled;
  disable_fatal_locked();
  return Bool(was);
}

Value fh_is_enabled(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("is_enabled", nargs, kwnames)) return Value();
  std::lock_guard<std::mutex> guard(settings_lock);
  return Bool(fatal_enabled);
}

Value fh_dump_traceback(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args({"dump_traceback", {"file", "all_threads"}, 0}, args, nargs, kwnames, a)) return Value();
  int fd;
  Value keep;
  if (!resolve_file(a[0], &fd, &keep)) return Value();
  int all_threads = a[1] ? truthy(a[1]) : 1;
  if (all_threads < 0) return Value();
  dump_tracebacks(fd, all_threads);
  return None();
}

// ------------------------------------------------------------------ watchdog

struct Watchdog {
  std::mutex lock;
  std::condition_variable changed;
  std::thread thread;
  bool cancelled = false;
  std::chrono::microseconds timeout{0};
  bool repeat = false;
  bool exit = false;
  int fd = 2;
  char header[64] = {};
};
// Never destroyed: a watchdog still armed at exit must not be joined then.
Watchdog& watchdog = *new Watchdog;
Value watchdog_file;  // kept alive while armed

void watchdog_run() {
  std::unique_lock<std::mutex> guard(watchdog.lock);
  for (;;) {
    auto deadline = std::chrono::steady_clock::now() + watchdog.timeout;
    if (watchdog.changed.wait_until(guard, deadline, [] { return watchdog.cancelled; })) return;
    write_cstr(watchdog.fd, watchdog.header);
    dump_tracebacks(watchdog.fd, true);
    if (watchdog.exit) _exit(1);
    if (!watchdog.repeat) return;
  }
}

void cancel_watchdog() {
  {
    std::lock_guard<std::mutex> guard(watchdog.lock);
    watchdog.cancelled = true;
  }
  watchdog.changed.notify_all();
  if (watchdog.thread.joinable()) watchdog.thread.join();
}

// "Timeout (H:MM:SS[.ffffff])!\n", as CPython words it.
void format_header(char* out, size_t size, int64_t us) {
  int64_t sec = us / 1000000, frac = us % 1000000;
  if (frac)
    snprintf(out, size, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", (long long)(sec / 3600), (long long)(sec / 60 % 60),
             (long long)(sec % 60), (long long)frac);
  else
    snprintf(out, size, "Timeout (%lld:%02lld:%02lld)!\n", (long long)(sec / 3600), (long long)(sec / 60 % 60),
             (long long)(sec % 60));
}

Value fh_dump_traceback_later(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  if (!parse_args({"dump_traceback_later", {"timeout", "repeat", "file", "exit"}, 1}, args, nargs, kwnames, a))
    return Value();
  // A float, else an integer (CPython's _PyTime_FromSecondsObject).
  double seconds;
  if (is_float(a[0])) {
    seconds = float_value(a[0]);
  } else {
    int64_t whole;
    if (!index_as_i64(a[0], &whole, &exc::OverflowError)) return Value();
    seconds = double(whole);
  }
  // Rounded up to whole microseconds, like CPython's _PyTime_ROUND_TIMEOUT.
  double us = std::ceil(seconds * 1e6);
  if (us > 1e15) return raise(&exc::OverflowError, "timeout value is too large");
  if (us <= 0) return raise(&exc::ValueError, "timeout must be greater than 0");
  int repeat = a[1] ? truthy(a[1]) : 0;
  int exit = a[3] ? truthy(a[3]) : 0;
  if (repeat < 0 || exit < 0) return Value();
  int fd;
  Value keep;
  if (!resolve_file(a[2], &fd, &keep)) return Value();
  std::lock_guard<std::mutex> settings(settings_lock);
  cancel_watchdog();
  watchdog.cancelled = false;
  watchdog.timeout = std::chrono::microseconds(int64_t(us));
  watchdog.repeat = repeat;
  watchdog.exit = exit;
  watchdog.fd = fd;
  format_header(watchdog.header, sizeof watchdog.header, int64_t(us));
  watchdog_file = keep;
  watchdog.thread = std::thread(watchdog_run);
  return None();
}

Value fh_cancel_dump_traceback_later(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("cancel_dump_traceback_later", nargs, kwnames)) return Value();
  std::lock_guard<std::mutex> settings(settings_lock);
  cancel_watchdog();
  watchdog_file = Value();
  return None();
}

// ------------------------------------------------------------------ user signals

struct UserSignal {
  bool enabled = false;
  int fd = 2;
  bool all_threads = true;
  bool chain = false;
  struct sigaction previous {};
};
UserSignal user_signals[NSIG];
Value user_signal_files[NSIG];  // kept alive while registered

void user_handler(int signum) {
  int saved_errno = errno;
  UserSignal& u = user_signals[signum];
  if (!u.enabled) return;
  dump_tracebacks(u.fd, u.all_threads);
  if (u.chain) {
    // Run the previous handler, then reinstall ours.
    struct sigaction ours;
    sigaction(signum, &u.previous, &ours);
    errno = saved_errno;
    ::raise(signum);
    sigaction(signum, &ours, nullptr);
  }
  errno = saved_errno;
}

bool check_user_signal(Value v, int* signum) {
  int64_t n;
  if (!int_to_i64(v, &n)) return false;
  for (auto& s : fatal_signals)
    if (s.signum == n) {
      raise(&exc::RuntimeError, "signal %d cannot be registered, use enable() instead", int(n));
      return false;
    }
  if (n < 1 || n >= NSIG) {
    raise(&exc::ValueError, "signal number out of range");
    return false;
  }
  *signum = int(n);
  return true;
}

Value fh_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  if (!parse_args({"register", {"signum", "file", "all_threads", "chain"}, 1}, args, nargs, kwnames, a))
    return Value();
  int signum;
  if (!check_user_signal(a[0], &signum)) return Value();
  int fd;
  Value keep;
  if (!resolve_file(a[1], &fd, &keep)) return Value();
  int all_threads = a[2] ? truthy(a[2]) : 1;
  int chain = a[3] ? truthy(a[3]) : 0;
  if (all_threads < 0 || chain < 0) return Value();
  std::lock_guard<std::mutex> guard(settings_lock);
  UserSignal& u = user_signals[signum];
  u.fd = fd;
  u.all_threads = all_threads;
  u.chain = chain;
  user_signal_files[signum] = keep;
  if (!u.enabled) {
    struct sigaction action {};
    action.sa_handler = user_handler;
    sigemptyset(&action.sa_mask);
    // A chained handler re-raises the signal, so it must not be deferred.
    action.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
    if (sigaction(signum, &action, &u.previous) != 0) return raise_os_error(errno);
    u.enabled = true;
  }
  return None();
}

Value fh_unregister(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_positional("unregister", nargs, 1, 1)) return Value();
  int signum;
  if (!check_user_signal(args[0], &signum)) return Value();
  std::lock_guard<std::mutex> guard(settings_lock);
  UserSignal& u = user_signals[signum];
  if (!u.enabled) return False();
  u.enabled = false;
  sigaction(signum, &u.previous, nullptr);
  user_signal_files[signum] = Value();
  return True();
}

const MethodDef faulthandler_methods[] = {
    {"enable", fh_enable, kMethodStatic, "Enable the fault handler."},
    {"disable", fh_disable, kMethodStatic, "Disable the fault handler."},
    {"is_enabled", fh_is_enabled, kMethodStatic, "Check if the handler is enabled."},
    {"dump_traceback", fh_dump_traceback, kMethodStatic, "Dump the traceback of the current thread, or of all threads if all_threads is True, into file."},
    {"dump_traceback_later", fh_dump_traceback_later, kMethodStatic, "Dump the traceback of all threads in timeout seconds,\nor each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, kMethodStatic, "Cancel the previous call to dump_traceback_later()."},
    {"register", fh_register, kMethodStatic, "Register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file."},
    {"unregister", fh_unregister, kMethodStatic, "Unregister the handler of the signal 'signum' registered by register()."},
    {nullptr}};

}  // namespace

extern const ModuleDef faulthandler_module;
const ModuleDef faulthandler_module = {"faulthandler", "faulthandler module.", faulthandler_methods, nullptr};

}  // namespace spindle
