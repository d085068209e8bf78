// The _posixsubprocess module: fork_exec, the process-creation primitive of
// subprocess.Popen on POSIX.
//
// Everything the child needs (argv, envp, executables, the fds to keep) is
// converted to C data in the parent. Between fork() and exec() the child makes
// only async-signal-safe calls: other threads may have held allocator or
// collector locks at the moment of the fork. A preexec_fn is the exception: it
// runs Python code, so that path goes through the collector's fork protocol,
// as os.fork() does.
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

// os.fsencode() of a str, bytes or os.PathLike.
bool fs_encode(Value v, std::string* out) {
  Value s = v;
  if (!is_str(s) && !is_bytes(s)) {
    Value fspath = lookup_special(v, names::__fspath__);
    if (!fspath) {
      if (!error_occurred())
        raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v));
      return false;
    }
    s = call0(fspath);
    if (!s) return false;
    if (!is_str(s) && !is_bytes(s)) {
      raise(&exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v), type_name(s));
      return false;
    }
  }
  *out = is_str(s) ? str_to_utf8_surrogateescape(s.as<Str>()) : std::string(s.as<Bytes>()->view());
  if (out->find('\0') != std::string::npos) {
    raise(&exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// A sequence of path-likes as NUL-terminated C strings plus a null-terminated
// pointer array (valid while `storage` lives).
struct CStringList {
  std::vector<std::string> storage;
  std::vector<char*> pointers;
  bool fill(Value seq) {
    Value items = tuple_from_iterable(seq);
    if (!items) return false;
    for (Value item : *items.as<Tuple>()) {
      storage.emplace_back();
      if (!fs_encode(item, &storage.back())) return false;
    }
    for (std::string& s : storage) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return true;
  }
};

bool fd_arg(Value v, int* out) {
  int64_t n;
  if (!index_as_i64(v, &n, &exc::OverflowError)) return false;
  if (n < INT_MIN || n > INT_MAX) {
    raise(&exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = int(n);
  return true;
}

// An optional id argument: -1 when None.
bool optional_id_arg(Value v, int64_t* out) {
  if (is_none(v)) {
    *out = -1;
    return true;
  }
  return index_as_i64(v, out, &exc::OverflowError);
}

// ---- the child side (async-signal-safe only)

void write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data += w;
    n -= size_t(w);
  }
}

size_t c_strlen(const char* s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

// Reports a failure to the parent as "OSError:<hex errno>:<detail>", the
// format subprocess.Popen._execute_child parses.
[[noreturn]] void child_fail(int errpipe_write, int err, const char* detail) {
  char hex[2 * sizeof(int) + 1];
  int n = 0;
  unsigned value = unsigned(err);
  char digits[2 * sizeof(int)];
  do {
    digits[n++] = "0123456789abcdef"[value & 0xF];
    value >>= 4;
  } while (value);
  for (int i = 0; i < n; i++) hex[i] = digits[n - 1 - i];
  write_all(errpipe_write, "OSError:", 8);
  write_all(errpipe_write, hex, size_t(n));
  write_all(errpipe_write, ":", 1);
  write_all(errpipe_write, detail, c_strlen(detail));
  _exit(255);
}

// Closes every fd >= 3 not in keep (sorted ascending).
void close_other_fds(const std::vector<int>& keep) {
  int start = 3;
  for (int fd : keep) {
    if (fd < start) continue;
    if (fd > start && syscall(SYS_close_range, start, fd - 1, 0) != 0)
      for (int k = start; k < fd; k++) close(k);
    start = fd + 1;
  }
  if (syscall(SYS_close_range, start, ~0U, 0) != 0) {
    long max = sysconf(_SC_OPEN_MAX);
    for (long k = start; k < max; k++) close(int(k));
  }
}

bool make_inheritable(int fd) {
  int flags = fcntl(fd, F_GETFD);
  return flags >= 0 && (!(flags & FD_CLOEXEC) || fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0);
}

// Puts `fd` at `target` (0, 1 or 2), inheritable.
bool move_std_fd(int fd, int target) {
  if (fd == target) return make_inheritable(fd);
  if (fd < 0) return true;
  return dup2(fd, target) >= 0;
}

struct ChildPlan {
  char* const* argv;
  char* const* envp;  // null: inherit environ
  std::vector<char*> executables;
  const char* cwd;  // null: stay
  std::vector<int> fds_to_keep;
  bool close_fds, restore_signals, call_setsid;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  int64_t pgid_to_set, gid, uid;
  std::vector<gid_t> groups;
  bool set_groups;
  int child_umask;
  sigset_t parent_mask;
};

void child_prepare(ChildPlan& p) {
  int err_fd = p.errpipe_write;
  // Caught signals go back to the default action before they are unblocked:
  // the parent's handler must not run here.
  for (int s = 1; s < NSIG; s++) {
    struct sigaction current;
    if (sigaction(s, nullptr, &current) == 0 && current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN) {
      current.sa_handler = SIG_DFL;
      current.sa_flags = 0;
      sigaction(s, &current, nullptr);
    }
  }
  if (p.p2cwrite >= 0) close(p.p2cwrite);
  if (p.c2pread >= 0) close(p.c2pread);
  if (p.errread >= 0) close(p.errread);
  close(p.errpipe_read);
  // Keep the child ends clear of 0..2 before the dup2s overwrite them.
  if (p.c2pwrite == 0 && (p.c2pwrite = dup(p.c2pwrite)) < 0) child_fail(err_fd, errno, "noexec");
  while (p.errwrite == 0 || p.errwrite == 1)
    if ((p.errwrite = dup(p.errwrite)) < 0) child_fail(err_fd, errno, "noexec");
  if (!move_std_fd(p.p2cread, 0) || !move_std_fd(p.c2pwrite, 1) || !move_std_fd(p.errwrite, 2))
    child_fail(err_fd, errno, "noexec");
  if (p.cwd && chdir(p.cwd) != 0) child_fail(err_fd, errno, "noexec");
  if (p.child_umask >= 0) umask(mode_t(p.child_umask));
  if (p.restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (p.call_setsid && setsid() < 0) child_fail(err_fd, errno, "noexec");
  if (p.pgid_to_set >= 0 && setpgid(0, pid_t(p.pgid_to_set)) < 0) child_fail(err_fd, errno, "noexec");
  if (p.set_groups && setgroups(p.groups.size(), p.groups.data()) < 0) child_fail(err_fd, errno, "noexec");
  if (p.gid >= 0 && setregid(gid_t(p.gid), gid_t(p.gid)) < 0) child_fail(err_fd, errno, "noexec");
  if (p.uid >= 0 && setreuid(uid_t(p.uid), uid_t(p.uid)) < 0) child_fail(err_fd, errno, "noexec");
}

[[noreturn]] void child_exec(ChildPlan& p) {
  int err_fd = p.errpipe_write;
  for (int fd : p.fds_to_keep)
    if (fd != err_fd && !make_inheritable(fd)) child_fail(err_fd, errno, "noexec");
  if (p.close_fds) close_other_fds(p.fds_to_keep);
  pthread_sigmask(SIG_SETMASK, &p.parent_mask, nullptr);
  // The first error other than "not found" wins: it says more.
  int saved = 0;
  for (char* exe : p.executables) {
    if (p.envp) execve(exe, p.argv, p.envp);
    else execv(exe, p.argv);
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  child_fail(err_fd, saved ? saved : errno, "");
}

Value subprocess_fork_exec(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("fork_exec", kw) || !check_positional("fork_exec", nargs, 23, 23)) return Value();
  Value process_args = args[0], executable_list = args[1], fds_to_keep = args[3], cwd = args[4], env_list = args[5];
  Value preexec_fn = args[21];
  ChildPlan plan{};
  int close_fds = truthy(args[2]);
  if (close_fds < 0) return Value();
  plan.close_fds = close_fds;
  int fds[8];
  for (int i = 0; i < 8; i++)
    if (!fd_arg(args[6 + i], &fds[i])) return Value();
  plan.p2cread = fds[0], plan.p2cwrite = fds[1], plan.c2pread = fds[2], plan.c2pwrite = fds[3];
  plan.errread = fds[4], plan.errwrite = fds[5], plan.errpipe_read = fds[6], plan.errpipe_write = fds[7];
  int restore = truthy(args[14]), setsid_flag = truthy(args[15]);
  if (restore < 0 || setsid_flag < 0) return Value();
  plan.restore_signals = restore, plan.call_setsid = setsid_flag;
  if (!optional_id_arg(args[16], &plan.pgid_to_set) || !optional_id_arg(args[17], &plan.gid) ||
      !optional_id_arg(args[19], &plan.uid))
    return Value();
  int64_t umask_value;
  if (!index_as_i64(args[20], &umask_value, &exc::OverflowError)) return Value();
  plan.child_umask = int(umask_value);

  if (plan.close_fds && plan.errpipe_write < 3) return raise(&exc::ValueError, "errpipe_write must be >= 3");
  if (!is_tuple(fds_to_keep)) return raise(&exc::TypeError, "fds_to_keep must be a tuple");
  int prev = -1;
  for (Value item : *fds_to_keep.as<Tuple>()) {
    int64_t fd;
    if (!is_int(item) || !int_to_i64(item, &fd) || fd < 0 || fd <= prev || fd > INT_MAX) {
      clear_error();
      return raise(&exc::ValueError, "bad value(s) in fds_to_keep");
    }
    plan.fds_to_keep.push_back(int(fd));
    prev = int(fd);
  }
  if (!is_none(args[18])) {
    Value groups = tuple_from_iterable(args[18]);
    if (!groups) return Value();
    for (Value g : *groups.as<Tuple>()) {
      int64_t id;
      if (!index_as_i64(g, &id, &exc::OverflowError)) return Value();
      plan.groups.push_back(gid_t(id));
    }
    plan.set_groups = true;
  }

  CStringList argv, envp, executables;
  if (!argv.fill(process_args) || !executables.fill(executable_list)) return Value();
  plan.argv = argv.pointers.data();
  plan.executables.assign(executables.pointers.begin(), executables.pointers.end() - 1);
  if (!is_none(env_list)) {
    if (!envp.fill(env_list)) return Value();
    plan.envp = envp.pointers.data();
  }
  std::string cwd_path;
  if (!is_none(cwd)) {
    if (!fs_encode(cwd, &cwd_path)) return Value();
    plan.cwd = cwd_path.c_str();
  }
  bool has_preexec = !is_none(preexec_fn);
  if (has_preexec && !is_callable(preexec_fn)) return raise(&exc::TypeError, "preexec_fn must be callable");

  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &plan.parent_mask);
  if (has_preexec) gc::before_fork();
  pid_t pid = fork();
  int fork_errno = errno;
  if (pid == 0) {
    if (has_preexec) {
      gc::after_fork_child();
      thread_states_after_fork_child();
    }
    child_prepare(plan);
    if (has_preexec) {
      pthread_sigmask(SIG_SETMASK, &plan.parent_mask, nullptr);
      if (!call0(preexec_fn)) {
        static const char message[] = "SubprocessError:0:Exception occurred in preexec_fn.";
        write_all(plan.errpipe_write, message, sizeof message - 1);
        _exit(255);
      }
      pthread_sigmask(SIG_BLOCK, &all, nullptr);
    }
    child_exec(plan);
  }
  if (has_preexec) gc::after_fork_parent();
  pthread_sigmask(SIG_SETMASK, &plan.parent_mask, nullptr);
  if (pid < 0) return raise_os_error(fork_errno);
  return int_from_i64(pid);
}

const MethodDef posixsubprocess_methods[] = {
    {"fork_exec", subprocess_fork_exec, kMethodStatic, "Spawn a fresh new child process."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

extern const ModuleDef posixsubprocess_module = {"_posixsubprocess", "A POSIX helper for the subprocess module.",
                                                 posixsubprocess_methods, nullptr};

}  // namespace spindle
