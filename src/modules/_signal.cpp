// The _signal module (wrapped by signal.py).
//
// A signal with a Python-level handler is caught by trip_signal (vm/pending.cpp),
// which only sets a per-signal flag; the handler itself runs in the main
// thread at its next safe point. Handlers are installed without SA_RESTART so
// that a blocking system call returns EINTR and the handler runs promptly.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

constexpr int kNsig = 65;  // Linux: signals 1..64
constexpr int kSigDfl = 0, kSigIgn = 1;

// The Python-level handler of each signal: a callable, SIG_DFL (0), SIG_IGN (1)
// or None (installed by something else). Written by the main thread only.
Value* handlers = nullptr;
Value default_int_handler_fn;
Type* itimer_error = nullptr;
Type* siginfo_type = nullptr;

bool in_main_thread() { return ts() == main_thread_state(); }

bool signum_arg(Value v, int* out) {
  int64_t n;
  if (!index_as_i64(v, &n, &exc::OverflowError)) return false;
  if (n < 1 || n >= kNsig) {
    raise(&exc::ValueError, "signal number out of range");
    return false;
  }
  *out = int(n);
  return true;
}

bool int_arg(Value v, int* out) {
  int64_t n;
  if (!index_as_i64(v, &n, &exc::OverflowError)) return false;
  if (n < INT32_MIN || n > INT32_MAX) {
    raise(&exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = int(n);
  return true;
}

// Runs the handlers of signals that arrived meanwhile (they may raise).
bool run_pending_handlers() {
  if (ts()->pending.load(std::memory_order_acquire)) return handle_pending();
  return true;
}

Value dispatch(int signum) {
  Value handler = handlers[signum];
  if (!handler || !is_callable(handler)) return None();
  Value frame = get_frame_object(0);
  if (!frame) {
    clear_error();
    frame = None();
  }
  return call2(handler, Value::from_small_int(signum), frame);
}

// The handler's current disposition as the module reports it.
Value disposition_of(int signum) {
  struct sigaction current {};
  if (sigaction(signum, nullptr, &current) != 0) return None();
  if (current.sa_handler == SIG_DFL) return Value::from_small_int(kSigDfl);
  if (current.sa_handler == SIG_IGN) return Value::from_small_int(kSigIgn);
  if (current.sa_handler == trip_signal && signum == SIGINT) return default_int_handler_fn;
  return None();
}

Value sig_signal(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("signal", kw) || !check_positional("signal", nargs, 2, 2)) return Value();
  int signum;
  if (!int_arg(args[0], &signum)) return Value();
  if (!in_main_thread()) return raise(&exc::ValueError, "signal only works in main thread of the main interpreter");
  if (signum < 1 || signum >= kNsig) return raise(&exc::ValueError, "signal number out of range");
  Value handler = args[1];
  struct sigaction action {};
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  if (is_callable(handler)) {
    action.sa_handler = trip_signal;
  } else {
    int64_t which = -1;
    if (is_int(handler) && !int_to_i64(handler, &which)) clear_error();
    if (which == kSigIgn) action.sa_handler = SIG_IGN;
    else if (which == kSigDfl) action.sa_handler = SIG_DFL;
    else return raise(&exc::TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (!run_pending_handlers()) return Value();
  if (sigaction(signum, &action, nullptr) != 0) return raise_os_error(errno);
  Value old = handlers[signum];
  handlers[signum] = handler;
  return old ? old : None();
}

Value sig_getsignal(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getsignal", kw) || !check_positional("getsignal", nargs, 1, 1)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  Value h = handlers[signum];
  return h ? h : None();
}

Value sig_default_int_handler(Value, const Value*, size_t, Tuple*) { return raise(&exc::KeyboardInterrupt, nullptr); }

Value sig_raise_signal(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("raise_signal", kw) || !check_positional("raise_signal", nargs, 1, 1)) return Value();
  int signum;
  if (!int_arg(args[0], &signum)) return Value();
  if (::raise(signum) != 0) return raise_os_error(errno);
  if (!run_pending_handlers()) return Value();
  return None();
}

Value sig_strsignal(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("strsignal", kw) || !check_positional("strsignal", nargs, 1, 1)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  const char* text = strsignal(signum);
  if (!text || std::strstr(text, "Unknown signal")) return None();
  return Value(str_from_utf8(text));
}

Value set_from_sigset(const sigset_t& set) {
  Set* out = set_new();
  for (int s = 1; s < kNsig; s++)
    if (sigismember(&set, s) == 1 && set_add(out, Value::from_small_int(s)) < 0) return Value();
  return Value(out);
}

bool sigset_arg(Value iterable, sigset_t* out) {
  sigemptyset(out);
  Value items = tuple_from_iterable(iterable);
  if (!items) return false;
  for (Value item : *items.as<Tuple>()) {
    int64_t n;
    if (!index_as_i64(item, &n, &exc::OverflowError)) return false;
    if (n < 1 || n >= kNsig) {
      raise(&exc::ValueError, "signal number %lld out of range [1; %d]", (long long)n, kNsig - 1);
      return false;
    }
    sigaddset(out, int(n));
  }
  return true;
}

Value sig_valid_signals(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("valid_signals", nargs, kw)) return Value();
  sigset_t all;
  sigfillset(&all);
  return set_from_sigset(all);
}

Value sig_alarm(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("alarm", kw) || !check_positional("alarm", nargs, 1, 1)) return Value();
  int seconds;
  if (!int_arg(args[0], &seconds)) return Value();
  return int_from_i64(alarm(unsigned(seconds)));
}

Value sig_pause(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("pause", nargs, kw)) return Value();
  {
    BlockingRegion region;
    pause();
  }
  if (!run_pending_handlers()) return Value();
  return None();
}

Value sig_set_wakeup_fd(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"set_wakeup_fd", {"fd", "warn_on_full_buffer"}, 1, 1, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!int_arg(a[0], &fd)) return Value();
  if (a[1] && truthy(a[1]) < 0) return Value();
  if (!in_main_thread())
    return raise(&exc::ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) != 0) return raise_os_error(errno);
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return raise_os_error(errno);
    if (!(flags & O_NONBLOCK)) return raise(&exc::ValueError, "the fd %d must be in non-blocking mode", fd);
  }
  return int_from_i64(exchange_signal_wakeup_fd(fd));
}

Value sig_siginterrupt(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("siginterrupt", kw) || !check_positional("siginterrupt", nargs, 2, 2)) return Value();
  int signum, flag;
  if (!signum_arg(args[0], &signum) || !int_arg(args[1], &flag)) return Value();
  struct sigaction action {};
  if (sigaction(signum, nullptr, &action) != 0) return raise_os_error(errno);
  if (flag) action.sa_flags &= ~SA_RESTART;
  else action.sa_flags |= SA_RESTART;
  if (sigaction(signum, &action, nullptr) != 0) return raise_os_error(errno);
  return None();
}

Value sig_pthread_kill(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pthread_kill", kw) || !check_positional("pthread_kill", nargs, 2, 2)) return Value();
  uint64_t thread_id;
  if (!int_to_u64(args[0], &thread_id)) return Value();
  int signum;
  if (!int_arg(args[1], &signum)) return Value();
  pthread_t thread;
  if (!find_os_thread(thread_id, &thread)) return raise_os_error(ESRCH);
  int err = pthread_kill(thread, signum);
  if (err != 0) return raise_os_error(err);
  if (!run_pending_handlers()) return Value();
  return None();
}

Value sig_pthread_sigmask(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pthread_sigmask", kw) || !check_positional("pthread_sigmask", nargs, 2, 2)) return Value();
  int how;
  if (!int_arg(args[0], &how)) return Value();
  sigset_t mask, previous;
  if (!sigset_arg(args[1], &mask)) return Value();
  int err = pthread_sigmask(how, &mask, &previous);
  if (err != 0) return raise_os_error(err);
  if (!run_pending_handlers()) return Value();
  return set_from_sigset(previous);
}

Value sig_sigpending(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("sigpending", nargs, kw)) return Value();
  sigset_t pending;
  if (sigpending(&pending) != 0) return raise_os_error(errno);
  return set_from_sigset(pending);
}

Value sig_sigwait(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sigwait", kw) || !check_positional("sigwait", nargs, 1, 1)) return Value();
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return Value();
  int signum = 0;
  int err;
  {
    BlockingRegion region;
    err = sigwait(&set, &signum);
  }
  if (err != 0) return raise_os_error(err);
  return Value::from_small_int(signum);
}

Value siginfo_value(const siginfo_t& info) {
  Value fields[7] = {int_from_i64(info.si_signo), int_from_i64(info.si_code), int_from_i64(info.si_errno),
                     int_from_i64(info.si_pid),   int_from_u64(info.si_uid),  int_from_i64(info.si_status),
                     int_from_i64(info.si_band)};
  return structseq_make(siginfo_type, fields, 7);
}

Value sig_sigwaitinfo(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sigwaitinfo", kw) || !check_positional("sigwaitinfo", nargs, 1, 1)) return Value();
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return Value();
  siginfo_t info;
  for (;;) {
    if (sigwaitinfo(&set, &info) >= 0) return siginfo_value(info);
    if (errno != EINTR) return raise_os_error(errno);
    if (!run_pending_handlers()) return Value();
  }
}

double monotonic_seconds() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) + now.tv_nsec * 1e-9;
}

Value sig_sigtimedwait(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sigtimedwait", kw) || !check_positional("sigtimedwait", nargs, 2, 2)) return Value();
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return Value();
  double timeout;
  if (!to_double(args[1], &timeout)) return Value();
  if (timeout < 0) return raise(&exc::ValueError, "timeout must be non-negative");
  double deadline = monotonic_seconds() + timeout;
  siginfo_t info;
  for (;;) {
    timespec wait{time_t(timeout), long((timeout - std::floor(timeout)) * 1e9)};
    int r;
    {
      BlockingRegion region;
      r = sigtimedwait(&set, &info, &wait);
    }
    if (r >= 0) return siginfo_value(info);
    if (errno == EAGAIN) return None();
    if (errno != EINTR) return raise_os_error(errno);
    if (!run_pending_handlers()) return Value();
    timeout = deadline - monotonic_seconds();
    if (timeout < 0) timeout = 0;
  }
}

Value sig_pidfd_send_signal(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  static const ArgSpec spec{"pidfd_send_signal", {"pidfd", "sig", "siginfo", "flags"}, 2, 4};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int pidfd, signum, flags = 0;
  if (!int_arg(a[0], &pidfd) || !int_arg(a[1], &signum)) return Value();
  if (a[2] && !is_none(a[2])) return raise(&exc::TypeError, "siginfo must be None");
  if (a[3] && !int_arg(a[3], &flags)) return Value();
  if (syscall(SYS_pidfd_send_signal, pidfd, signum, nullptr, flags) < 0) return raise_os_error(errno);
  return None();
}

// ---- interval timers

Value itimer_pair(const itimerval& v) {
  return Value(tuple_pack({float_new(double(v.it_value.tv_sec) + double(v.it_value.tv_usec) * 1e-6),
                           float_new(double(v.it_interval.tv_sec) + double(v.it_interval.tv_usec) * 1e-6)}));
}

Value raise_itimer_error(int err) {
  Value e = call2(Value(itimer_error), Value::from_small_int(err), Value(str_from_utf8(std::strerror(err))));
  return e ? raise_value(e) : Value();
}

// Seconds as a timeval, rounding up to the next microsecond as CPython does.
bool timeval_arg(Value v, timeval* out) {
  double seconds;
  if (!to_double(v, &seconds)) return false;
  if (std::isnan(seconds)) {
    raise(&exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  double micros = std::ceil(seconds * 1e6);
  if (!(std::fabs(micros) < 9.2e18)) {
    raise(&exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  int64_t us = int64_t(micros);
  int64_t sec = us / 1000000, rem = us % 1000000;
  if (rem < 0) {
    rem += 1000000;
    sec -= 1;
  }
  out->tv_sec = time_t(sec);
  out->tv_usec = suseconds_t(rem);
  return true;
}

Value sig_setitimer(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setitimer", kw) || !check_positional("setitimer", nargs, 2, 3)) return Value();
  int which;
  if (!int_arg(args[0], &which)) return Value();
  itimerval newer{}, older{};
  if (!timeval_arg(args[1], &newer.it_value)) return Value();
  if (nargs > 2 && !timeval_arg(args[2], &newer.it_interval)) return Value();
  if (setitimer(static_cast<__itimer_which_t>(which), &newer, &older) != 0) return raise_itimer_error(errno);
  return itimer_pair(older);
}

Value sig_getitimer(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getitimer", kw) || !check_positional("getitimer", nargs, 1, 1)) return Value();
  int which;
  if (!int_arg(args[0], &which)) return Value();
  itimerval current{};
  if (getitimer(static_cast<__itimer_which_t>(which), &current) != 0) return raise_itimer_error(errno);
  return itimer_pair(current);
}

const MethodDef signal_methods[] = {
    {"signal", sig_signal, kMethodStatic, "Set the action for the given signal."},
    {"getsignal", sig_getsignal, kMethodStatic, "Return the current action for the given signal."},
    {"default_int_handler", sig_default_int_handler, kMethodStatic, "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"raise_signal", sig_raise_signal, kMethodStatic, "Send a signal to the executing process."},
    {"strsignal", sig_strsignal, kMethodStatic, "Return the system description of the given signal."},
    {"valid_signals", sig_valid_signals, kMethodStatic, "Return a set of valid signal numbers on this platform."},
    {"alarm", sig_alarm, kMethodStatic, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", sig_pause, kMethodStatic, "Wait until a signal arrives."},
    {"set_wakeup_fd", sig_set_wakeup_fd, kMethodStatic, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"siginterrupt", sig_siginterrupt, kMethodStatic, "Change system call restart behaviour."},
    {"pthread_kill", sig_pthread_kill, kMethodStatic, "Send a signal to a thread."},
    {"pthread_sigmask", sig_pthread_sigmask, kMethodStatic, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", sig_sigpending, kMethodStatic, "Examine pending signals."},
    {"sigwait", sig_sigwait, kMethodStatic, "Wait for a signal."},
    {"sigwaitinfo", sig_sigwaitinfo, kMethodStatic, "Wait synchronously until one of the signals in *sigset* is delivered."},
    {"sigtimedwait", sig_sigtimedwait, kMethodStatic, "Like sigwaitinfo(), but with a timeout."},
    {"pidfd_send_signal", sig_pidfd_send_signal, kMethodStatic, "Send a signal to a process referred to by a pid file descriptor."},
    {"setitimer", sig_setitimer, kMethodStatic, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", sig_getitimer, kMethodStatic, "Returns current value of given itimer."},
    {nullptr, nullptr, 0, nullptr},
};

const StructSeqField siginfo_fields[] = {
    {"si_signo", "signal number"}, {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"}, {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"}, {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"}, {nullptr, nullptr},
};

bool signal_init(Module* m) {
  struct Constant {
    const char* name;
    int value;
  };
  static const Constant constants[] = {
      {"NSIG", kNsig}, {"SIG_DFL", kSigDfl}, {"SIG_IGN", kSigIgn}, {"SIG_BLOCK", SIG_BLOCK},
      {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK}, {"ITIMER_REAL", ITIMER_REAL},
      {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
      {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
      {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL},
      {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM}, {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD}, {"SIGCONT", SIGCONT},
      {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
      {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
      {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS},
      {"SIGRTMIN", SIGRTMIN}, {"SIGRTMAX", SIGRTMAX},
  };
  for (const Constant& c : constants)
    if (module_add(m, c.name, Value::from_small_int(c.value)) < 0) return false;

  if (!itimer_error) {
    Dict* ns = dict_new();
    dict_set_str(ns, names::__module__, Value(intern_cstr("signal")));
    Value cls = type_new_impl(&type_type, intern_cstr("itimer_error"), tuple_pack({Value(&exc::OSError)}), ns, nullptr);
    if (!cls) return false;
    itimer_error = cls.as<Type>();
    siginfo_type = structseq_new_type({"signal.struct_siginfo",
                                       "struct_siginfo: Result from sigwaitinfo or sigtimedwait.", siginfo_fields, -1});
  }
  if (module_add(m, "ItimerError", Value(itimer_error)) < 0) return false;
  if (module_add(m, "struct_siginfo", Value(siginfo_type)) < 0) return false;

  // The table outlives re-imports: it mirrors process-wide state.
  if (!handlers) {
    default_int_handler_fn = dict_get_str(m->dict, intern_cstr("default_int_handler"));
    Value* table = static_cast<Value*>(gc::alloc(sizeof(Value) * kNsig));
    for (int s = 1; s < kNsig; s++) table[s] = disposition_of(s);
    handlers = table;
    set_python_signal_dispatch(dispatch);
  }
  return true;
}

}  // namespace

extern const ModuleDef signal_module = {"_signal", "This module provides mechanisms to use signal handlers in Python.",
                                        signal_methods, signal_init};

}  // namespace spindle
