// The posix module: the operating system interface that os.py builds on.
//
// Paths follow CPython's path converter: str (encoded as UTF-8 with
// surrogateescape), bytes, os.PathLike, and for some functions an open file
// descriptor; results are bytes when the path was given as bytes. Calls that
// can block retry on EINTR after running pending signal handlers, so Ctrl-C
// interrupts them. File descriptors are created non-inheritable (O_CLOEXEC).
//
// fork() is only safe while no other thread runs Python code: locks other
// threads hold at that moment stay locked in the child.
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <dlfcn.h>
#include <sysexits.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

extern char** environ;

namespace spindle {

namespace {

Type* stat_result_type;
Type* times_result_type;
Type* uname_result_type;
Type* terminal_size_type;
Type direntry_type, scandir_iterator_type;

// The process environment is shared by all threads: setenv/unsetenv under a lock.
Mutex environ_lock;

// ------------------------------------------------------------------ argument helpers

// A path argument, converted as CPython's path_converter does.
struct Path {
  const char* function;  // for messages: "stat"
  const char* argument;  // "path", "src", "dst"
  bool nullable = false;
  bool allow_fd = false;
  // Results.
  std::string narrow;  // the bytes passed to the OS
  int fd = -1;         // when a file descriptor was given
  bool is_bytes = false;
  bool is_none = false;
  Value object;        // the argument as given (OSError's filename)

  const char* c_str() const { return narrow.c_str(); }
};

bool path_convert(Value v, Path* p) {
  p->object = v;
  if (p->nullable && is_none(v)) {
    p->is_none = true;
    p->narrow.assign(1, '.');
    return true;
  }
  if (p->allow_fd && !is_str(v) && !is_bytes(v) && (is_int(v) || type_of(v)->index) && !is_float(v)) {
    int64_t fd;
    if (!index_as_i64(v, &fd, &exc::OverflowError)) return false;
    if (fd < INT_MIN || fd > INT_MAX) {
      raise(&exc::OverflowError, "fd is greater than maximum");
      return false;
    }
    p->fd = int(fd);
    return true;
  }
  Value s = v;
  if (!is_str(s) && !is_bytes(s)) {
    Value fspath = lookup_special(v, names::__fspath__);
    if (!fspath) {
      if (error_occurred()) return false;
      const char* allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                            : p->allow_fd             ? "string, bytes, os.PathLike or integer"
                            : p->nullable             ? "string, bytes, os.PathLike or None"
                                                      : "string, bytes or os.PathLike";
      raise(&exc::TypeError, "%s: %s should be %s, not %s", p->function, p->argument, allowed, type_name(v));
      return false;
    }
    s = call0(fspath);
    if (!s) return false;
    if (!is_str(s) && !is_bytes(s)) {
      raise(&exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v), type_name(s));
      return false;
    }
  }
  if (is_str(s)) {
    p->narrow = str_to_utf8_surrogateescape(s.as<Str>());
  } else {
    p->narrow = std::string(s.as<Bytes>()->view());
    p->is_bytes = true;
  }
  p->object = s;
  if (p->narrow.find('\0') != std::string::npos) {
    // str goes through the filesystem encoder first, which has its own message.
    if (p->is_bytes) raise(&exc::ValueError, "%s: embedded null character in %s", p->function, p->argument);
    else raise(&exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// A file name from the OS, as str or (when the path was bytes) bytes.
Value os_name(const char* s, size_t n, bool as_bytes) {
  if (as_bytes) return Value(bytes_new(s, n));
  return Value(str_from_utf8_surrogateescape(s, n));
}
Value os_name(const std::string& s, bool as_bytes) { return os_name(s.data(), s.size(), as_bytes); }

Value path_error(const Path& p) { return raise_os_error(errno, p.object); }
Value path_error2(const Path& a, const Path& b) { return raise_os_error(errno, a.object, b.object); }

// A file descriptor argument: an int, or an object with fileno() (fsync and friends).
bool fd_arg(Value v, int* out) {
  if (!is_int(v) && !type_of(v)->index) {
    Value fileno = lookup_attr(v, names::fileno);
    if (!fileno) {
      if (!error_occurred())
        raise(&exc::TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    v = call0(fileno);
    if (!v) return false;
    if (!is_int(v)) {
      raise(&exc::TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  if (!int_arg(v, out)) return false;
  if (*out < 0) {
    raise(&exc::ValueError, "file descriptor cannot be a negative integer (%d)", *out);
    return false;
  }
  return true;
}

// dir_fd=None or an int (AT_FDCWD when absent).
bool dir_fd_arg(Value v, int* out) {
  *out = AT_FDCWD;
  if (!v || is_none(v)) return true;
  if (!is_int(v) && !type_of(v)->index) {
    raise(&exc::TypeError, "argument should be integer or None, not %s", type_name(v));
    return false;
  }
  return int_arg(v, out);
}

bool bool_arg(Value v, bool dflt, bool* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  int t = truthy(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// Runs a system call, retrying on EINTR after pending signal handlers ran
// (they may raise, e.g. KeyboardInterrupt). Returns false with an exception
// pending when a handler raised; otherwise *result holds the call's result
// and errno is meaningful when it is negative.
template <class F, class R>
bool retry_eintr(F f, R* result) {
  for (;;) {
    {
      BlockingRegion region;
      *result = f();
    }
    if (!(*result < 0 && errno == EINTR)) return true;
    int saved = errno;
    if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return false;
    errno = saved;
  }
}

Value I(int64_t v) { return int_from_i64(v); }

// ------------------------------------------------------------------ stat

const StructSeqField stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {structseq_unnamed_field, "integer time of last access"},
    {structseq_unnamed_field, "integer time of last modification"},
    {structseq_unnamed_field, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {nullptr, nullptr}};

Value stat_result_from(const struct stat& st) {
  auto ns = [](const timespec& t) { return int_add(int_mul(I(t.tv_sec), I(1000000000)), I(t.tv_nsec)); };
  auto seconds = [](const timespec& t) { return Value::from_double(double(t.tv_sec) + double(t.tv_nsec) * 1e-9); };
  Value v[19] = {I(st.st_mode),           int_from_u64(st.st_ino),  int_from_u64(st.st_dev), I(int64_t(st.st_nlink)),
                 I(st.st_uid),            I(st.st_gid),             I(st.st_size),           I(st.st_atim.tv_sec),
                 I(st.st_mtim.tv_sec),    I(st.st_ctim.tv_sec),     seconds(st.st_atim),     seconds(st.st_mtim),
                 seconds(st.st_ctim),     ns(st.st_atim),           ns(st.st_mtim),          ns(st.st_ctim),
                 I(st.st_blksize),        I(st.st_blocks),          int_from_u64(st.st_rdev)};
  return structseq_make(stat_result_type, v, 19, 10);
}

NewFn structseq_new_fn;

// os.stat_result(seq): float times left out (None) take the integer ones.
Value stat_result_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value r = structseq_new_fn(type, args, nargs, kwnames);
  if (!r) return r;
  Value* items = r.as<Tuple>()->items;
  for (int i = 7; i < 10; i++)
    if (is_none(items[i + 3])) items[i + 3] = items[i];
  return r;
}

// stat with CPython's path/dir_fd/follow_symlinks rules; nullptr on error (pending).
bool do_stat(Path& p, int dir_fd, bool follow, struct stat* st) {
  int r;
  if (p.fd >= 0) r = fstat(p.fd, st);
  else if (dir_fd != AT_FDCWD || !follow) r = fstatat(dir_fd, p.c_str(), st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  else r = stat(p.c_str(), st);
  if (r != 0) {
    path_error(p);
    return false;
  }
  return true;
}

bool check_fd_conflicts(const char* fname, const Path& p, int dir_fd, bool follow) {
  if (p.fd >= 0 && dir_fd != AT_FDCWD) {
    raise(&exc::ValueError, "%s: can't specify both dir_fd and fd", fname);
    return false;
  }
  if (p.fd >= 0 && !follow) {
    raise(&exc::ValueError, "%s: cannot use fd and follow_symlinks together", fname);
    return false;
  }
  return true;
}

Value posix_stat(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"stat", {"path", "dir_fd", "follow_symlinks"}, 1, 0, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"stat", "path"};
  p.allow_fd = true;
  int dir_fd;
  bool follow;
  if (!path_convert(a[0], &p) || !dir_fd_arg(a[1], &dir_fd) || !bool_arg(a[2], true, &follow)) return Value();
  if (!check_fd_conflicts("stat", p, dir_fd, follow)) return Value();
  struct stat st;
  if (!do_stat(p, dir_fd, follow, &st)) return Value();
  return stat_result_from(st);
}

Value posix_lstat(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"lstat", {"path", "dir_fd"}, 1, 0, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"lstat", "path"};
  int dir_fd;
  if (!path_convert(a[0], &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  struct stat st;
  if (!do_stat(p, dir_fd, false, &st)) return Value();
  return stat_result_from(st);
}

Value posix_fstat(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"fstat", {"fd"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!int_arg(a[0], &fd)) return Value();
  struct stat st;
  int r;
  if (!retry_eintr([&] { return fstat(fd, &st); }, &r)) return Value();
  if (r != 0) return raise_os_error(errno);
  return stat_result_from(st);
}

// ------------------------------------------------------------------ simple path operations

Value posix_access(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  static const ArgSpec spec{"access", {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"access", "path"};
  int mode, dir_fd;
  bool effective, follow;
  if (!path_convert(a[0], &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], false, &effective) || !bool_arg(a[4], true, &follow))
    return Value();
  int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return Bool(faccessat(dir_fd, p.c_str(), mode, flags) == 0);
}

Value posix_chdir(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"chdir", {"path"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"chdir", "path"};
  p.allow_fd = true;
  if (!path_convert(a[0], &p)) return Value();
  int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.c_str());
  if (r != 0) return path_error(p);
  return None();
}

Value posix_chmod(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  static const ArgSpec spec{"chmod", {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"chmod", "path"};
  p.allow_fd = true;
  int mode, dir_fd;
  bool follow;
  if (!path_convert(a[0], &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) || !bool_arg(a[3], true, &follow))
    return Value();
  if (!check_fd_conflicts("chmod", p, dir_fd, follow)) return Value();
  int r;
  if (p.fd >= 0) r = fchmod(p.fd, mode_t(mode));
  else if (dir_fd != AT_FDCWD || !follow) r = fchmodat(dir_fd, p.c_str(), mode_t(mode), follow ? 0 : AT_SYMLINK_NOFOLLOW);
  else r = chmod(p.c_str(), mode_t(mode));
  if (r != 0) {
    if (!follow && errno == ENOTSUP)
      return raise(&exc::NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    return path_error(p);
  }
  return None();
}

Value posix_fchmod(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"fchmod", {"fd", "mode"}, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd, mode;
  if (!int_arg(a[0], &fd) || !int_arg(a[1], &mode)) return Value();
  if (fchmod(fd, mode_t(mode)) != 0) return raise_os_error(errno);
  return None();
}

// uid/gid arguments: -1 means "unchanged".
bool id_arg(Value v, uint32_t* out) {
  int64_t x;
  if (!is_int(v) && !type_of(v)->index) {
    raise(&exc::TypeError, "uid should be integer, not %s", type_name(v));
    return false;
  }
  if (!index_as_i64(v, &x, &exc::OverflowError)) return false;
  if (x < -1 || x > int64_t(UINT32_MAX)) {
    raise(&exc::OverflowError, x < 0 ? "uid is less than minimum" : "uid is greater than maximum");
    return false;
  }
  *out = uint32_t(x);
  return true;
}

Value posix_chown(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  static const ArgSpec spec{"chown", {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, 0, 3};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"chown", "path"};
  p.allow_fd = true;
  uint32_t uid, gid;
  int dir_fd;
  bool follow;
  if (!path_convert(a[0], &p) || !id_arg(a[1], &uid) || !id_arg(a[2], &gid) || !dir_fd_arg(a[3], &dir_fd) ||
      !bool_arg(a[4], true, &follow))
    return Value();
  if (!check_fd_conflicts("chown", p, dir_fd, follow)) return Value();
  int r;
  if (p.fd >= 0) r = fchown(p.fd, uid, gid);
  else r = fchownat(dir_fd, p.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return path_error(p);
  return None();
}

Value posix_lchown(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"lchown", {"path", "uid", "gid"}, 3};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"lchown", "path"};
  uint32_t uid, gid;
  if (!path_convert(a[0], &p) || !id_arg(a[1], &uid) || !id_arg(a[2], &gid)) return Value();
  if (lchown(p.c_str(), uid, gid) != 0) return path_error(p);
  return None();
}

Value posix_fchown(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"fchown", {"fd", "uid", "gid"}, 3};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  uint32_t uid, gid;
  if (!int_arg(a[0], &fd) || !id_arg(a[1], &uid) || !id_arg(a[2], &gid)) return Value();
  if (fchown(fd, uid, gid) != 0) return raise_os_error(errno);
  return None();
}

Value getcwd_impl(bool as_bytes) {
  std::string buf(1024, '\0');
  for (;;) {
    if (getcwd(buf.data(), buf.size())) return os_name(buf.c_str(), std::strlen(buf.c_str()), as_bytes);
    if (errno != ERANGE) return raise_os_error(errno);
    buf.resize(buf.size() * 2);
  }
}

Value posix_getcwd(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getcwd", nargs, kw)) return Value();
  return getcwd_impl(false);
}

Value posix_getcwdb(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getcwdb", nargs, kw)) return Value();
  return getcwd_impl(true);
}

Value posix_mkdir(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"mkdir", {"path", "mode", "dir_fd"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"mkdir", "path"};
  int mode = 0777, dir_fd;
  if (!path_convert(a[0], &p) || (a[1] && !int_arg(a[1], &mode)) || !dir_fd_arg(a[2], &dir_fd)) return Value();
  if (mkdirat(dir_fd, p.c_str(), mode_t(mode)) != 0) return path_error(p);
  return None();
}

Value posix_mkfifo(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"mkfifo", {"path", "mode", "dir_fd"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"mkfifo", "path"};
  int mode = 0666, dir_fd;
  if (!path_convert(a[0], &p) || (a[1] && !int_arg(a[1], &mode)) || !dir_fd_arg(a[2], &dir_fd)) return Value();
  int r;
  if (!retry_eintr([&] { return mkfifoat(dir_fd, p.c_str(), mode_t(mode)); }, &r)) return Value();
  if (r != 0) return path_error(p);
  return None();
}

// rmdir, unlink and remove share one shape.
template <const char* Name, bool Dir>
Value remove_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{Name, {"path", "dir_fd"}, 1, 0, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{Name, "path"};
  int dir_fd;
  if (!path_convert(a[0], &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  if (unlinkat(dir_fd, p.c_str(), Dir ? AT_REMOVEDIR : 0) != 0) return path_error(p);
  return None();
}

constexpr char kRmdir[] = "rmdir", kUnlink[] = "unlink", kRemove[] = "remove";

template <const char* Name>
Value rename_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  static const ArgSpec spec{Name, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path src{Name, "src"}, dst{Name, "dst"};
  int src_dir, dst_dir;
  if (!path_convert(a[0], &src) || !path_convert(a[1], &dst) || !dir_fd_arg(a[2], &src_dir) || !dir_fd_arg(a[3], &dst_dir))
    return Value();
  if (renameat(src_dir, src.c_str(), dst_dir, dst.c_str()) != 0) return path_error2(src, dst);
  return None();
}

constexpr char kRename[] = "rename", kReplace[] = "replace";

Value posix_link(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  static const ArgSpec spec{"link", {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path src{"link", "src"}, dst{"link", "dst"};
  int src_dir, dst_dir;
  bool follow;
  if (!path_convert(a[0], &src) || !path_convert(a[1], &dst) || !dir_fd_arg(a[2], &src_dir) ||
      !dir_fd_arg(a[3], &dst_dir) || !bool_arg(a[4], true, &follow))
    return Value();
  if (linkat(src_dir, src.c_str(), dst_dir, dst.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
    return path_error2(src, dst);
  return None();
}

Value posix_symlink(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  static const ArgSpec spec{"symlink", {"src", "dst", "target_is_directory", "dir_fd"}, 2, 0, 3};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path src{"symlink", "src"}, dst{"symlink", "dst"};
  int dir_fd;
  if (!path_convert(a[0], &src) || !path_convert(a[1], &dst) || !dir_fd_arg(a[3], &dir_fd)) return Value();
  if (symlinkat(src.c_str(), dir_fd, dst.c_str()) != 0) return path_error2(src, dst);
  return None();
}

Value posix_readlink(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"readlink", {"path", "dir_fd"}, 1, 0, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"readlink", "path"};
  int dir_fd;
  if (!path_convert(a[0], &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  std::string buf(PATH_MAX, '\0');
  for (;;) {
    ssize_t n = readlinkat(dir_fd, p.c_str(), buf.data(), buf.size());
    if (n < 0) return path_error(p);
    if (size_t(n) < buf.size()) return os_name(buf.data(), size_t(n), p.is_bytes);
    buf.resize(buf.size() * 2);
  }
}

Value posix_truncate(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"truncate", {"path", "length"}, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"truncate", "path"};
  p.allow_fd = true;
  int64_t length;
  if (!path_convert(a[0], &p) || !index_as_i64(a[1], &length, &exc::OverflowError)) return Value();
  int r;
  if (!retry_eintr([&] { return p.fd >= 0 ? ftruncate(p.fd, length) : truncate(p.c_str(), length); }, &r)) return Value();
  if (r != 0) return path_error(p);
  return None();
}

Value posix_ftruncate(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"ftruncate", {"fd", "length"}, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  int64_t length;
  if (!int_arg(a[0], &fd) || !index_as_i64(a[1], &length, &exc::OverflowError)) return Value();
  int r;
  if (!retry_eintr([&] { return ftruncate(fd, length); }, &r)) return Value();
  if (r != 0) return raise_os_error(errno);
  return None();
}

// utime(path, times=None, *, ns, dir_fd, follow_symlinks)
bool time_pair_arg(Value v, bool ns, timespec out[2]) {
  if (!is_tuple(v) || v.as<Tuple>()->size != 2) {
    raise(&exc::TypeError, ns ? "utime: 'ns' must be a tuple of two ints"
                              : "utime: 'times' must be either a tuple of two ints or None");
    return false;
  }
  for (int i = 0; i < 2; i++) {
    Value x = v.as<Tuple>()->items[i];
    if (ns) {
      if (!is_int(x)) {
        raise(&exc::TypeError, "utime: 'ns' must be a tuple of two ints");
        return false;
      }
      Value q = int_floordiv(x, I(1000000000));
      Value r = int_mod(x, I(1000000000));
      int64_t sec, nsec;
      if (!q || !r || !int_to_i64(q, &sec) || !int_to_i64(r, &nsec)) return false;
      out[i].tv_sec = time_t(sec);
      out[i].tv_nsec = long(nsec);
    } else if (is_float(x)) {
      double d = float_value(x);
      if (std::isnan(d)) {
        raise(&exc::ValueError, "Invalid value NaN (not a number)");
        return false;
      }
      double whole = std::floor(d);
      out[i].tv_sec = time_t(whole);
      out[i].tv_nsec = long(std::llround((d - whole) * 1e9));
      if (out[i].tv_nsec >= 1000000000) {
        out[i].tv_sec++;
        out[i].tv_nsec -= 1000000000;
      }
    } else {
      int64_t sec;
      if (!is_int(x) && !type_of(x)->index) {
        raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(x));
        return false;
      }
      if (!index_as_i64(x, &sec, &exc::OverflowError)) return false;
      out[i].tv_sec = time_t(sec);
      out[i].tv_nsec = 0;
    }
  }
  return true;
}

Value posix_utime(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  static const ArgSpec spec{"utime", {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, 0, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"utime", "path"};
  p.allow_fd = true;
  int dir_fd;
  bool follow;
  if (!path_convert(a[0], &p) || !dir_fd_arg(a[3], &dir_fd) || !bool_arg(a[4], true, &follow)) return Value();
  bool have_times = a[1] && !is_none(a[1]);
  if (have_times && a[2]) return raise(&exc::ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  timespec ts[2];
  timespec* times = nullptr;
  if (have_times) {
    if (!time_pair_arg(a[1], false, ts)) return Value();
    times = ts;
  } else if (a[2]) {
    if (!time_pair_arg(a[2], true, ts)) return Value();
    times = ts;
  }
  if (!check_fd_conflicts("utime", p, dir_fd, follow)) return Value();
  int r = p.fd >= 0 ? futimens(p.fd, times) : utimensat(dir_fd, p.c_str(), times, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return path_error(p);
  return None();
}

// ------------------------------------------------------------------ directories

// Opens the directory named by p, or a duplicate of its fd read from the
// start (the caller's descriptor stays open and unmoved); null with an
// exception pending on failure.
DIR* open_dir(const Path& p) {
  if (p.fd < 0) {
    DIR* dir = opendir(p.c_str());
    if (!dir) path_error(p);
    return dir;
  }
  int fd = dup(p.fd);
  if (fd < 0) {
    raise_os_error(errno);
    return nullptr;
  }
  DIR* dir = fdopendir(fd);
  if (!dir) {
    int e = errno;
    close(fd);
    raise_os_error(e, p.object);
    return nullptr;
  }
  rewinddir(dir);
  return dir;
}

Value posix_listdir(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"listdir", {"path"}};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"listdir", "path"};
  p.nullable = p.allow_fd = true;
  if (!path_convert(a[0] ? a[0] : None(), &p)) return Value();
  DIR* dir = open_dir(p);
  if (!dir) return Value();
  List* out = list_new();
  for (;;) {
    errno = 0;
    dirent* e = readdir(dir);
    if (!e) {
      int err = errno;
      closedir(dir);
      if (err) return raise_os_error(err, p.object);
      break;
    }
    const char* n = e->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    list_append(out, os_name(n, std::strlen(n), p.is_bytes));
  }
  return Value(out);
}

// DirEntry: a name from scandir with the d_type hint, caching its stat results.
struct DirEntry : Object {
  Value name, path;  // str or bytes
  uint64_t ino;
  unsigned char d_type;
  int dir_fd;        // scandir(fd): names are relative to it (-1 otherwise)
  Value stat_cache, lstat_cache;
};

struct ScandirIterator : Object {
  DIR* dir;          // null once closed or exhausted
  Mutex lock;
  Value path;        // prefix for entry paths (str or bytes), null for fd scans
  bool is_bytes;
  int fd;            // the fd given to scandir(fd), -1 otherwise
};

Value join_path(Value dir, const char* name, bool as_bytes) {
  std::string prefix;
  if (dir) prefix = as_bytes ? std::string(dir.as<Bytes>()->view()) : str_to_utf8_surrogateescape(dir.as<Str>());
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  prefix += name;
  return os_name(prefix, as_bytes);
}

Value scandir_next(Value self) {
  auto* it = self.as<ScandirIterator>();
  for (;;) {
    dirent* e;
    {
      LockGuard guard(it->lock);
      if (!it->dir) return Value();
      errno = 0;
      e = readdir(it->dir);
      if (!e) {
        int err = errno;
        closedir(it->dir);
        it->dir = nullptr;
        if (err) return raise_os_error(err, it->path ? it->path : None());
        return Value();
      }
      const char* n = e->d_name;
      if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
      auto* d = alloc_instance<DirEntry>(&direntry_type);
      d->name = os_name(n, std::strlen(n), it->is_bytes);
      d->path = it->fd >= 0 ? d->name : join_path(it->path, n, it->is_bytes);
      d->ino = e->d_ino;
      d->d_type = e->d_type;
      d->dir_fd = it->fd;
      return Value(d);
    }
  }
}

Value scandir_close(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ScandirIterator>();
  LockGuard guard(it->lock);
  if (it->dir) {
    closedir(it->dir);
    it->dir = nullptr;
  }
  return None();
}

Value scandir_enter(Value self, const Value*, size_t, Tuple*) { return self; }
Value scandir_exit(Value self, const Value*, size_t, Tuple*) { return scandir_close(self, nullptr, 0, nullptr); }

void scandir_finalize(void* obj, void*) {
  auto* it = static_cast<ScandirIterator*>(obj);
  if (it->dir) closedir(it->dir);
  it->dir = nullptr;
}

const MethodDef scandir_methods[] = {{"close", scandir_close, kMethodInstance, nullptr},
                                     {"__enter__", scandir_enter, kMethodInstance, nullptr},
                                     {"__exit__", scandir_exit, kMethodInstance, nullptr},
                                     {nullptr}};

Value posix_scandir(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"scandir", {"path"}};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"scandir", "path"};
  p.nullable = p.allow_fd = true;
  if (!path_convert(a[0] ? a[0] : None(), &p)) return Value();
  DIR* dir = open_dir(p);
  if (!dir) return Value();
  auto* it = alloc_instance<ScandirIterator>(&scandir_iterator_type);
  it->dir = dir;
  it->is_bytes = p.is_bytes;
  it->fd = p.fd;
  if (p.fd < 0) it->path = p.is_none ? Value(intern_cstr(".")) : os_name(p.narrow, p.is_bytes);
  gc::register_finalizer(it, scandir_finalize, nullptr);
  return Value(it);
}

DirEntry* E(Value v) { return v.as<DirEntry>(); }

// The entry's stat (following symlinks or not), fetched once and cached.
Value direntry_fetch_stat(DirEntry* d, bool follow) {
  Value& cache = follow ? d->stat_cache : d->lstat_cache;
  if (cache) return cache;
  std::string name = is_bytes(d->path) ? std::string(d->path.as<Bytes>()->view()) : str_to_utf8_surrogateescape(d->path.as<Str>());
  struct stat st;
  int r = d->dir_fd >= 0 ? fstatat(d->dir_fd, name.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
          : follow       ? stat(name.c_str(), &st)
                         : lstat(name.c_str(), &st);
  if (r != 0) return raise_os_error(errno, d->path);
  cache = stat_result_from(st);
  return cache;
}

bool parse_follow(const char* fname, const Value* args, size_t nargs, Tuple* kw, bool* follow) {
  Value a[1];
  ArgSpec spec{fname, {"follow_symlinks"}, 0, 0, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return false;
  return bool_arg(a[0], true, follow);
}

// is_dir/is_file: from d_type when it is known and needs no link following.
int direntry_test(DirEntry* d, bool follow, mode_t mode_bits) {
  bool is_link = d->d_type == DT_LNK;
  if (d->d_type != DT_UNKNOWN && !(follow && is_link)) {
    unsigned char want = mode_bits == S_IFDIR ? DT_DIR : DT_REG;
    return d->d_type == want;
  }
  Value st = direntry_fetch_stat(d, follow);
  if (!st) {
    if (error_matches(&exc::FileNotFoundError)) {
      clear_error();
      return 0;
    }
    return -1;
  }
  int64_t mode = st.as<Tuple>()->items[0].as_small_int();
  return (mode_t(mode) & S_IFMT) == mode_bits;
}

Value direntry_is_dir(Value self, const Value* args, size_t nargs, Tuple* kw) {
  bool follow;
  if (!parse_follow("is_dir", args, nargs, kw, &follow)) return Value();
  int r = direntry_test(E(self), follow, S_IFDIR);
  return r < 0 ? Value() : Bool(r);
}

Value direntry_is_file(Value self, const Value* args, size_t nargs, Tuple* kw) {
  bool follow;
  if (!parse_follow("is_file", args, nargs, kw, &follow)) return Value();
  int r = direntry_test(E(self), follow, S_IFREG);
  return r < 0 ? Value() : Bool(r);
}

Value direntry_is_symlink(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("is_symlink", nargs, kw)) return Value();
  DirEntry* d = E(self);
  if (d->d_type != DT_UNKNOWN) return Bool(d->d_type == DT_LNK);
  Value st = direntry_fetch_stat(d, false);
  if (!st) {
    if (error_matches(&exc::FileNotFoundError)) {
      clear_error();
      return False();
    }
    return Value();
  }
  return Bool((mode_t(st.as<Tuple>()->items[0].as_small_int()) & S_IFMT) == S_IFLNK);
}

Value direntry_stat(Value self, const Value* args, size_t nargs, Tuple* kw) {
  bool follow;
  if (!parse_follow("stat", args, nargs, kw, &follow)) return Value();
  DirEntry* d = E(self);
  // A non-link's stat is its lstat.
  if (follow && d->d_type != DT_LNK && d->d_type != DT_UNKNOWN) follow = false;
  return direntry_fetch_stat(d, follow);
}

Value direntry_inode(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("inode", nargs, kw)) return Value();
  return int_from_u64(E(self)->ino);
}

Value direntry_fspath(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("__fspath__", nargs, kw)) return Value();
  return E(self)->path;
}

Value direntry_repr(Value self) { return Value(format_message("<DirEntry %R>", E(self)->name)); }

Value direntry_class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

Value direntry_name(Value self) { return E(self)->name; }
Value direntry_path(Value self) { return E(self)->path; }

const MethodDef direntry_methods[] = {
    {"is_dir", direntry_is_dir, kMethodInstance, "Return True if the entry is a directory; cached per entry."},
    {"is_file", direntry_is_file, kMethodInstance, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", direntry_is_symlink, kMethodInstance, "Return True if the entry is a symbolic link; cached per entry."},
    {"stat", direntry_stat, kMethodInstance, "Return stat_result object for the entry; cached per entry."},
    {"inode", direntry_inode, kMethodInstance, "Return inode of the entry; cached per entry."},
    {"__fspath__", direntry_fspath, kMethodInstance, "Returns the path for the entry."},
    {"__class_getitem__", direntry_class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};
const GetSetDef direntry_getsets[] = {{"name", direntry_name, nullptr, "the entry's base filename, relative to scandir() \"path\" argument"},
                                      {"path", direntry_path, nullptr, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
                                      {nullptr}};

// ------------------------------------------------------------------ file descriptors

Value posix_open(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  static const ArgSpec spec{"open", {"path", "flags", "mode", "dir_fd"}, 2, 0, 3};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"open", "path"};
  int flags, mode = 0777, dir_fd;
  if (!path_convert(a[0], &p) || !int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode)) || !dir_fd_arg(a[3], &dir_fd))
    return Value();
  int fd;
  if (!retry_eintr([&] { return openat(dir_fd, p.c_str(), flags | O_CLOEXEC, mode); }, &fd)) return Value();
  if (fd < 0) return path_error(p);
  return I(fd);
}

Value posix_close(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"close", {"fd"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!int_arg(a[0], &fd)) return Value();
  // close() is not retried: on Linux the descriptor is gone even after EINTR.
  if (close(fd) != 0 && errno != EINTR) return raise_os_error(errno);
  return None();
}

Value posix_closerange(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("closerange", kw) || !check_positional("closerange", nargs, 2, 2)) return Value();
  int lo, hi;
  if (!int_arg(args[0], &lo) || !int_arg(args[1], &hi)) return Value();
  for (int fd = std::max(lo, 0); fd < hi; fd++) close(fd);
  return None();
}

Value posix_dup(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dup", kw) || !check_positional("dup", nargs, 1, 1)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_os_error(errno);
  return I(r);
}

Value posix_dup2(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"dup2", {"fd", "fd2", "inheritable"}, 2};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd, fd2;
  bool inheritable;
  if (!int_arg(a[0], &fd) || !int_arg(a[1], &fd2) || !bool_arg(a[2], true, &inheritable)) return Value();
  int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return raise_os_error(errno);
  return I(r);
}

Value posix_lseek(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("lseek", kw) || !check_positional("lseek", nargs, 3, 3)) return Value();
  int fd, how;
  int64_t pos;
  if (!int_arg(args[0], &fd) || !index_as_i64(args[1], &pos, &exc::OverflowError) || !int_arg(args[2], &how))
    return Value();
  off_t r = lseek(fd, pos, how);
  if (r < 0) return raise_os_error(errno);
  return I(r);
}

Value posix_read(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("read", kw) || !check_positional("read", nargs, 2, 2)) return Value();
  int fd;
  int64_t length;
  if (!int_arg(args[0], &fd) || !ssize_arg(args[1], &length)) return Value();
  if (length < 0) {
    errno = EINVAL;
    return raise_os_error(errno);
  }
  std::string buf(size_t(length), '\0');
  ssize_t n;
  if (!retry_eintr([&] { return ::read(fd, buf.data(), buf.size()); }, &n)) return Value();
  if (n < 0) return raise_os_error(errno);
  return Value(bytes_new(buf.data(), size_t(n)));
}

Value posix_write(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("write", kw) || !check_positional("write", nargs, 2, 2)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  BufferView view;
  if (!get_buffer(args[1], &view)) return Value();
  ssize_t n;
  if (!retry_eintr([&] { return ::write(fd, view.data, size_t(view.size)); }, &n)) return Value();
  if (n < 0) return raise_os_error(errno);
  return I(n);
}

Value pipe_impl(int flags) {
  int fds[2];
  if (pipe2(fds, flags) != 0) return raise_os_error(errno);
  return Value(tuple_pack({I(fds[0]), I(fds[1])}));
}

Value posix_pipe(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("pipe", nargs, kw)) return Value();
  return pipe_impl(O_CLOEXEC);
}

Value posix_pipe2(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pipe2", kw) || !check_positional("pipe2", nargs, 1, 1)) return Value();
  int flags;
  if (!int_arg(args[0], &flags)) return Value();
  return pipe_impl(flags);
}

template <int (*F)(int), const char* Name>
Value fd_sync_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{Name, {"fd"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!fd_arg(a[0], &fd)) return Value();
  int r;
  if (!retry_eintr([&] { return F(fd); }, &r)) return Value();
  if (r != 0) return raise_os_error(errno);
  return None();
}

constexpr char kFsync[] = "fsync", kFdatasync[] = "fdatasync";

Value posix_isatty(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("isatty", kw) || !check_positional("isatty", nargs, 1, 1)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  return Bool(isatty(fd));
}

Value posix_ttyname(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("ttyname", kw) || !check_positional("ttyname", nargs, 1, 1)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  char buf[256];
  int err = ttyname_r(fd, buf, sizeof buf);
  if (err) return raise_os_error(err);
  return os_name(buf, std::strlen(buf), false);
}

Value posix_get_inheritable(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_inheritable", kw) || !check_positional("get_inheritable", nargs, 1, 1)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(errno);
  return Bool(!(flags & FD_CLOEXEC));
}

Value posix_set_inheritable(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("set_inheritable", kw) || !check_positional("set_inheritable", nargs, 2, 2)) return Value();
  int fd, inheritable;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &inheritable)) return Value();
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(errno);
  flags = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (fcntl(fd, F_SETFD, flags) < 0) return raise_os_error(errno);
  return None();
}

Value posix_get_blocking(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_blocking", kw) || !check_positional("get_blocking", nargs, 1, 1)) return Value();
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_os_error(errno);
  return Bool(!(flags & O_NONBLOCK));
}

Value posix_set_blocking(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("set_blocking", kw) || !check_positional("set_blocking", nargs, 2, 2)) return Value();
  int fd, blocking;
  if (!int_arg(args[0], &fd) || !int_arg(args[1], &blocking)) return Value();
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_os_error(errno);
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (fcntl(fd, F_SETFL, flags) < 0) return raise_os_error(errno);
  return None();
}

Value posix_device_encoding(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"device_encoding", {"fd"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int fd;
  if (!int_arg(a[0], &fd)) return Value();
  // Spindle always runs in UTF-8 mode.
  if (!isatty(fd)) return None();
  return Value(intern_cstr("utf-8"));
}

const StructSeqField terminal_size_fields[] = {{"columns", "width of the terminal window in characters"},
                                               {"lines", "height of the terminal window in characters"},
                                               {nullptr, nullptr}};

Value posix_get_terminal_size(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_terminal_size", kw) || !check_positional("get_terminal_size", nargs, 0, 1)) return Value();
  int fd = STDOUT_FILENO;
  if (nargs && !int_arg(args[0], &fd)) return Value();
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) != 0) return raise_os_error(errno);
  Value v[2] = {I(w.ws_col), I(w.ws_row)};
  return structseq_make(terminal_size_type, v, 2);
}

// ------------------------------------------------------------------ processes

template <auto F, const char* Name>
Value id_fn(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args(Name, nargs, kw)) return Value();
  return I(int64_t(F()));
}

constexpr char kGetpid[] = "getpid", kGetppid[] = "getppid", kGetuid[] = "getuid", kGeteuid[] = "geteuid",
               kGetgid[] = "getgid", kGetegid[] = "getegid", kGetpgrp[] = "getpgrp";

Value posix_setsid(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("setsid", nargs, kw)) return Value();
  if (setsid() < 0) return raise_os_error(errno);
  return None();
}

Value posix_getpgid(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getpgid", kw) || !check_positional("getpgid", nargs, 1, 1)) return Value();
  int pid;
  if (!int_arg(args[0], &pid)) return Value();
  pid_t r = getpgid(pid);
  if (r < 0) return raise_os_error(errno);
  return I(r);
}

Value posix_getsid(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getsid", kw) || !check_positional("getsid", nargs, 1, 1)) return Value();
  int pid;
  if (!int_arg(args[0], &pid)) return Value();
  pid_t r = getsid(pid);
  if (r < 0) return raise_os_error(errno);
  return I(r);
}

Value posix_setpgid(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setpgid", kw) || !check_positional("setpgid", nargs, 2, 2)) return Value();
  int pid, pgrp;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &pgrp)) return Value();
  if (setpgid(pid, pgrp) < 0) return raise_os_error(errno);
  return None();
}

Value posix_getgroups(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getgroups", nargs, kw)) return Value();
  int n = getgroups(0, nullptr);
  if (n < 0) return raise_os_error(errno);
  std::vector<gid_t> groups(size_t(n) + 1);
  n = getgroups(int(groups.size()), groups.data());
  if (n < 0) return raise_os_error(errno);
  List* out = list_new();
  for (int i = 0; i < n; i++) list_append(out, I(groups[size_t(i)]));
  return Value(out);
}

Value posix_getlogin(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getlogin", nargs, kw)) return Value();
  char buf[256];
  int err = getlogin_r(buf, sizeof buf);
  if (err) return raise_os_error(err);
  return os_name(buf, std::strlen(buf), false);
}

Value posix_kill(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("kill", kw) || !check_positional("kill", nargs, 2, 2)) return Value();
  int pid, sig;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return Value();
  if (kill(pid, sig) != 0) return raise_os_error(errno);
  // A signal sent to ourselves is handled before returning, as CPython does.
  if (ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return Value();
  return None();
}

Value posix_killpg(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("killpg", kw) || !check_positional("killpg", nargs, 2, 2)) return Value();
  int pgid, sig;
  if (!int_arg(args[0], &pgid) || !int_arg(args[1], &sig)) return Value();
  if (killpg(pgid, sig) != 0) return raise_os_error(errno);
  return None();
}

Value posix_waitpid(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("waitpid", kw) || !check_positional("waitpid", nargs, 2, 2)) return Value();
  int pid, options;
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &options)) return Value();
  int status = 0;
  pid_t r;
  if (!retry_eintr([&] { return waitpid(pid, &status, options); }, &r)) return Value();
  if (r < 0) return raise_os_error(errno);
  return Value(tuple_pack({I(r), I(status)}));
}

Value posix_wait(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("wait", nargs, kw)) return Value();
  int status = 0;
  pid_t r;
  if (!retry_eintr([&] { return wait(&status); }, &r)) return Value();
  if (r < 0) return raise_os_error(errno);
  return Value(tuple_pack({I(r), I(status)}));
}

// The W* status macros, as functions of a status.
template <int (*F)(int), const char* Name, bool AsBool>
Value status_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{Name, {"status"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int status;
  if (!int_arg(a[0], &status)) return Value();
  int r = F(status);
  return AsBool ? Bool(r) : I(r);
}

int w_coredump(int s) { return WCOREDUMP(s); }
int w_ifcontinued(int s) { return WIFCONTINUED(s); }
int w_ifstopped(int s) { return WIFSTOPPED(s); }
int w_ifsignaled(int s) { return WIFSIGNALED(s); }
int w_ifexited(int s) { return WIFEXITED(s); }
int w_exitstatus(int s) { return WEXITSTATUS(s); }
int w_termsig(int s) { return WTERMSIG(s); }
int w_stopsig(int s) { return WSTOPSIG(s); }
constexpr char kWCOREDUMP[] = "WCOREDUMP", kWIFCONTINUED[] = "WIFCONTINUED", kWIFSTOPPED[] = "WIFSTOPPED",
               kWIFSIGNALED[] = "WIFSIGNALED", kWIFEXITED[] = "WIFEXITED", kWEXITSTATUS[] = "WEXITSTATUS",
               kWTERMSIG[] = "WTERMSIG", kWSTOPSIG[] = "WSTOPSIG";

Value posix_waitstatus_to_exitcode(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"waitstatus_to_exitcode", {"status"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int status;
  if (!int_arg(a[0], &status)) return Value();
  if (WIFEXITED(status)) return I(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return I(-WTERMSIG(status));
  if (WIFSTOPPED(status)) return raise(&exc::ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
  return raise(&exc::ValueError, "invalid wait status: %d", status);
}

Value posix_exit(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"_exit", {"status"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int status;
  if (!int_arg(a[0], &status)) return Value();
  _exit(status);
}

Value posix_abort(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("abort", nargs, kw)) return Value();
  abort();
}

// Callables registered with register_at_fork, run around fork().
List* fork_before;
List* fork_after_parent;
List* fork_after_child;
Mutex fork_hooks_lock;

Value posix_register_at_fork(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  static const ArgSpec spec{"register_at_fork", {"before", "after_in_child", "after_in_parent"}, 0, 0, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  if (!a[0] && !a[1] && !a[2])
    return raise(&exc::TypeError, "At least one argument is required.");
  const char* names[3] = {"before", "after_in_child", "after_in_parent"};
  for (int i = 0; i < 3; i++)
    if (a[i] && !is_none(a[i]) && !is_callable(a[i]))
      return raise(&exc::TypeError, "'%s' must be callable, not %s", names[i], type_name(a[i]));
  LockGuard guard(fork_hooks_lock);
  if (a[0] && !is_none(a[0])) list_append(fork_before, a[0]);
  if (a[1] && !is_none(a[1])) list_append(fork_after_child, a[1]);
  if (a[2] && !is_none(a[2])) list_append(fork_after_parent, a[2]);
  return None();
}

// Runs fork hooks (before: newest first; after: oldest first), reporting errors.
void run_fork_hooks(List* hooks, bool reverse) {
  Tuple* snapshot = list_snapshot(hooks);
  for (int64_t k = 0; k < snapshot->size; k++) {
    Value f = snapshot->items[reverse ? snapshot->size - 1 - k : k];
    if (!call0(f)) write_unraisable(fetch_error(), f);
  }
}

Value posix_fork(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("fork", nargs, kw)) return Value();
  run_fork_hooks(fork_before, true);
  gc::before_fork();
  pid_t pid = fork();
  int err = errno;
  if (pid == 0) {
    gc::after_fork_child();
    thread_states_after_fork_child();
    run_fork_hooks(fork_after_child, false);
    return I(0);
  }
  gc::after_fork_parent();
  run_fork_hooks(fork_after_parent, false);
  if (pid < 0) return raise_os_error(err);
  return I(pid);
}

// argv/env for exec: lists of C strings kept alive by the vectors.
bool string_list_arg(const char* fname, Value seq, const char* what, std::vector<std::string>* out) {
  if (!is_list(seq) && !is_tuple(seq)) {
    raise(&exc::TypeError, "%s: %s must be a tuple or list", fname, what);
    return false;
  }
  Value t = tuple_from_iterable(seq);
  if (!t) return false;
  for (Value item : *t.as<Tuple>()) {
    Path p{fname, what};
    if (!path_convert(item, &p)) return false;
    out->push_back(p.narrow);
  }
  return true;
}

Value exec_impl(const char* fname, const Value* args, size_t nargs, Tuple* kw, bool with_env) {
  if (!check_no_kwargs(fname, kw) || !check_positional(fname, nargs, with_env ? 3 : 2, with_env ? 3 : 2)) return Value();
  Path p{fname, "path"};
  if (!path_convert(args[0], &p)) return Value();
  std::vector<std::string> argv;
  if (!string_list_arg(fname, args[1], "argv", &argv)) return Value();
  if (argv.empty()) return raise(&exc::ValueError, "%s() arg 2 must not be empty", fname);
  if (argv[0].empty()) return raise(&exc::ValueError, "%s() arg 2 first element cannot be empty", fname);
  std::vector<std::string> envs;
  if (with_env) {
    Value env = args[2];
    if (!is_dict(env) && !lookup_attr(env, names::keys)) {
      if (!error_occurred()) raise(&exc::TypeError, "%s: environment must be a mapping object", fname);
      return Value();
    }
    Value keys = call_method0(env, names::keys);
    if (!keys) return Value();
    Value kl = list_from_iterable(keys);
    if (!kl) return Value();
    for (int64_t i = 0; i < list_size(kl.as<List>()); i++) {
      Value k = list_get(kl.as<List>(), i);
      Value v = get_item(env, k);
      if (!v) return Value();
      Path kp{fname, "environment"}, vp{fname, "environment"};
      if (!path_convert(k, &kp) || !path_convert(v, &vp)) return Value();
      if (kp.narrow.empty() || kp.narrow.find('=') != std::string::npos)
        return raise(&exc::ValueError, "illegal environment variable name");
      envs.push_back(kp.narrow + "=" + vp.narrow);
    }
  }
  std::vector<char*> cargv, cenv;
  for (auto& s : argv) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  for (auto& s : envs) cenv.push_back(s.data());
  cenv.push_back(nullptr);
  if (with_env) execve(p.c_str(), cargv.data(), cenv.data());
  else execv(p.c_str(), cargv.data());
  return raise_os_error(errno);
}

Value posix_execv(Value, const Value* args, size_t nargs, Tuple* kw) { return exec_impl("execv", args, nargs, kw, false); }
Value posix_execve(Value, const Value* args, size_t nargs, Tuple* kw) { return exec_impl("execve", args, nargs, kw, true); }

Value posix_system(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"system", {"command"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Path p{"system", "command"};
  if (!path_convert(a[0], &p)) return Value();
  return I(system(p.c_str()));
}

const StructSeqField times_result_fields[] = {{"user", "user time"},
                                              {"system", "system time"},
                                              {"children_user", "user time of children"},
                                              {"children_system", "system time of children"},
                                              {"elapsed", "elapsed time since an arbitrary point in the past"},
                                              {nullptr, nullptr}};

Value posix_times(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("times", nargs, kw)) return Value();
  tms t;
  clock_t c = times(&t);
  if (c == clock_t(-1)) return raise_os_error(errno);
  double ticks = double(sysconf(_SC_CLK_TCK));
  Value v[5] = {Value::from_double(double(t.tms_utime) / ticks), Value::from_double(double(t.tms_stime) / ticks),
                Value::from_double(double(t.tms_cutime) / ticks), Value::from_double(double(t.tms_cstime) / ticks),
                Value::from_double(double(c) / ticks)};
  return structseq_make(times_result_type, v, 5);
}

Value posix_umask(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("umask", kw) || !check_positional("umask", nargs, 1, 1)) return Value();
  int mask;
  if (!int_arg(args[0], &mask)) return Value();
  return I(umask(mode_t(mask)));
}

const StructSeqField uname_result_fields[] = {{"sysname", "operating system name"},
                                              {"nodename", "name of machine on network (implementation-defined)"},
                                              {"release", "operating system release"},
                                              {"version", "operating system version"},
                                              {"machine", "hardware identifier"},
                                              {nullptr, nullptr}};

Value posix_uname(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("uname", nargs, kw)) return Value();
  utsname u;
  if (uname(&u) != 0) return raise_os_error(errno);
  auto s = [](const char* c) { return os_name(c, std::strlen(c), false); };
  Value v[5] = {s(u.sysname), s(u.nodename), s(u.release), s(u.version), s(u.machine)};
  return structseq_make(uname_result_type, v, 5);
}

Value posix_nice(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("nice", kw) || !check_positional("nice", nargs, 1, 1)) return Value();
  int inc;
  if (!int_arg(args[0], &inc)) return Value();
  errno = 0;
  int r = nice(inc);
  if (r == -1 && errno) return raise_os_error(errno);
  return I(r);
}

// ------------------------------------------------------------------ system information

Value posix_cpu_count(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("cpu_count", nargs, kw)) return Value();
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? None() : I(n);
}

Value posix_sched_getaffinity(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sched_getaffinity", kw) || !check_positional("sched_getaffinity", nargs, 1, 1)) return Value();
  int pid;
  if (!int_arg(args[0], &pid)) return Value();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(pid, sizeof set, &set) != 0) return raise_os_error(errno);
  Set* out = set_new();
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
    if (CPU_ISSET(cpu, &set) && set_add(out, I(cpu)) < 0) return Value();
  return Value(out);
}

Value posix_sched_yield(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("sched_yield", nargs, kw)) return Value();
  sched_yield();
  return None();
}

Value posix_getloadavg(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getloadavg", nargs, kw)) return Value();
  double load[3];
  if (getloadavg(load, 3) != 3) return raise(&exc::OSError, "Load averages are unobtainable");
  return Value(tuple_pack({Value::from_double(load[0]), Value::from_double(load[1]), Value::from_double(load[2])}));
}

Value posix_urandom(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("urandom", kw) || !check_positional("urandom", nargs, 1, 1)) return Value();
  int64_t size;
  if (!ssize_arg(args[0], &size)) return Value();
  if (size < 0) return raise(&exc::ValueError, "negative argument not allowed");
  std::string buf(size_t(size), '\0');
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t n;
    if (!retry_eintr([&] { return getrandom(buf.data() + got, buf.size() - got, 0); }, &n)) return Value();
    if (n < 0) return raise_os_error(errno);
    got += size_t(n);
  }
  return Value(bytes_new(buf.data(), buf.size()));
}

Value posix_strerror(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("strerror", kw) || !check_positional("strerror", nargs, 1, 1)) return Value();
  int code;
  if (!int_arg(args[0], &code)) return Value();
  char buf[256];
  const char* msg = strerror_r(code, buf, sizeof buf);
  return Value(str_from_utf8_surrogateescape(msg, std::strlen(msg)));
}

Value posix_fspath(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"fspath", {"path"}, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  Value path = a[0];
  if (is_str(path) || is_bytes(path)) return path;
  Value fspath = lookup_special(path, names::__fspath__);
  if (!fspath) {
    if (error_occurred()) return Value();
    return raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(path));
  }
  Value r = call0(fspath);
  if (!r) return Value();
  if (!is_str(r) && !is_bytes(r))
    return raise(&exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(path),
                 type_name(r));
  return r;
}

Value posix_major(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("major", kw) || !check_positional("major", nargs, 1, 1)) return Value();
  uint64_t dev;
  if (!int_to_u64(args[0], &dev)) return Value();
  return I(major(dev));
}

Value posix_minor(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("minor", kw) || !check_positional("minor", nargs, 1, 1)) return Value();
  uint64_t dev;
  if (!int_to_u64(args[0], &dev)) return Value();
  return I(minor(dev));
}

Value posix_makedev(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("makedev", kw) || !check_positional("makedev", nargs, 2, 2)) return Value();
  int maj, min;
  if (!int_arg(args[0], &maj) || !int_arg(args[1], &min)) return Value();
  return int_from_u64(makedev(unsigned(maj), unsigned(min)));
}

// ------------------------------------------------------------------ environment

// A name or value for putenv/unsetenv: str or bytes, no NUL.
bool env_arg(const char* fname, Value v, std::string* out) {
  Path p{fname, "argument"};
  if (!is_str(v) && !is_bytes(v) && !lookup_special(v, names::__fspath__)) {
    if (error_occurred()) return false;
    raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v));
    return false;
  }
  if (!path_convert(v, &p)) {
    if (error_matches(&exc::ValueError)) {
      clear_error();
      raise(&exc::ValueError, "embedded null byte");
    }
    return false;
  }
  *out = p.narrow;
  return true;
}

Value posix_putenv(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("putenv", kw) || !check_positional("putenv", nargs, 2, 2)) return Value();
  std::string name, value;
  if (!env_arg("putenv", args[0], &name) || !env_arg("putenv", args[1], &value)) return Value();
  // An empty name is left to setenv (EINVAL), as in CPython.
  if (name.find('=') != std::string::npos) return raise(&exc::ValueError, "illegal environment variable name");
  LockGuard guard(environ_lock);
  if (setenv(name.c_str(), value.c_str(), 1) != 0) return raise_os_error(errno);
  return None();
}

Value posix_unsetenv(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("unsetenv", kw) || !check_positional("unsetenv", nargs, 1, 1)) return Value();
  std::string name;
  if (!env_arg("unsetenv", args[0], &name)) return Value();
  LockGuard guard(environ_lock);
  if (unsetenv(name.c_str()) != 0) return raise_os_error(errno);
  return None();
}

// posix.environ: the environment at startup, bytes to bytes.
Dict* environ_snapshot() {
  Dict* d = dict_new();
  LockGuard guard(environ_lock);
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq || eq == *e) continue;
    Value k(bytes_new(*e, size_t(eq - *e)));
    // The first definition of a name wins, as in CPython.
    if (dict_get(d, k)) continue;
    dict_set(d, k, Value(bytes_new(eq + 1, std::strlen(eq + 1))));
  }
  return d;
}

// ------------------------------------------------------------------ module

#define FN(name, fn, doc) {name, fn, kMethodStatic, doc}
const MethodDef posix_functions[] = {
    FN("stat", posix_stat, "Perform a stat system call on the given path."),
    FN("lstat", posix_lstat, "Perform a stat system call on the given path, without following symbolic links."),
    FN("fstat", posix_fstat, "Perform a stat system call on the given file descriptor."),
    FN("access", posix_access, "Use the real uid/gid to test for access to a path."),
    FN("chdir", posix_chdir, "Change the current working directory to the specified path."),
    FN("chmod", posix_chmod, "Change the access permissions of a file."),
    FN("fchmod", posix_fchmod, "Change the access permissions of the file given by file descriptor fd."),
    FN("chown", posix_chown, "Change the owner and group id of path to the numeric uid and gid."),
    FN("lchown", posix_lchown, "Change the owner and group id of path to the numeric uid and gid, without following symlinks."),
    FN("fchown", posix_fchown, "Change the owner and group id of the file specified by file descriptor."),
    FN("getcwd", posix_getcwd, "Return a unicode string representing the current working directory."),
    FN("getcwdb", posix_getcwdb, "Return a bytes string representing the current working directory."),
    FN("mkdir", posix_mkdir, "Create a directory."),
    FN("mkfifo", posix_mkfifo, "Create a \"fifo\" (a POSIX named pipe)."),
    FN("rmdir", (remove_fn<kRmdir, true>), "Remove a directory."),
    FN("unlink", (remove_fn<kUnlink, false>), "Remove a file (same as remove())."),
    FN("remove", (remove_fn<kRemove, false>), "Remove a file (same as unlink())."),
    FN("rename", rename_fn<kRename>, "Rename a file or directory."),
    FN("replace", rename_fn<kReplace>, "Rename a file or directory, overwriting the destination."),
    FN("link", posix_link, "Create a hard link to a file."),
    FN("symlink", posix_symlink, "Create a symbolic link pointing to src named dst."),
    FN("readlink", posix_readlink, "Return a string representing the path to which the symbolic link points."),
    FN("truncate", posix_truncate, "Truncate a file, specified by path, to a specific length."),
    FN("ftruncate", posix_ftruncate, "Truncate a file, specified by file descriptor, to a specific length."),
    FN("utime", posix_utime, "Set the access and modified time of path."),
    FN("listdir", posix_listdir, "Return a list containing the names of the files in the directory."),
    FN("scandir", posix_scandir, "Return an iterator of DirEntry objects for given path."),
    FN("open", posix_open, "Open a file for low level IO.  Returns a file descriptor (integer)."),
    FN("close", posix_close, "Close a file descriptor."),
    FN("closerange", posix_closerange, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."),
    FN("dup", posix_dup, "Return a duplicate of a file descriptor."),
    FN("dup2", posix_dup2, "Duplicate file descriptor."),
    FN("lseek", posix_lseek, "Set the position of a file descriptor.  Return the new position."),
    FN("read", posix_read, "Read from a file descriptor.  Returns a bytes object."),
    FN("write", posix_write, "Write a bytes object to a file descriptor."),
    FN("pipe", posix_pipe, "Create a pipe."),
    FN("pipe2", posix_pipe2, "Create a pipe with flags set atomically."),
    FN("fsync", (fd_sync_fn<fsync, kFsync>), "Force write of fd to disk."),
    FN("fdatasync", (fd_sync_fn<fdatasync, kFdatasync>), "Force write of fd to disk without forcing update of metadata."),
    FN("isatty", posix_isatty, "Return True if the fd is connected to a terminal."),
    FN("ttyname", posix_ttyname, "Return the name of the terminal device connected to 'fd'."),
    FN("get_inheritable", posix_get_inheritable, "Get the close-on-exe flag of the specified file descriptor."),
    FN("set_inheritable", posix_set_inheritable, "Set the inheritable flag of the specified file descriptor."),
    FN("get_blocking", posix_get_blocking, "Get the blocking mode of the file descriptor."),
    FN("set_blocking", posix_set_blocking, "Set the blocking mode of the specified file descriptor."),
    FN("device_encoding", posix_device_encoding, "Return a string describing the encoding of a terminal's file descriptor."),
    FN("get_terminal_size", posix_get_terminal_size, "Return the size of the terminal window as (columns, lines)."),
    FN("getpid", (id_fn<getpid, kGetpid>), "Return the current process id."),
    FN("getppid", (id_fn<getppid, kGetppid>), "Return the parent's process id."),
    FN("getuid", (id_fn<getuid, kGetuid>), "Return the current process's user id."),
    FN("geteuid", (id_fn<geteuid, kGeteuid>), "Return the current process's effective user id."),
    FN("getgid", (id_fn<getgid, kGetgid>), "Return the current process's group id."),
    FN("getegid", (id_fn<getegid, kGetegid>), "Return the current process's effective group id."),
    FN("getpgrp", (id_fn<getpgrp, kGetpgrp>), "Return the current process group id."),
    FN("getpgid", posix_getpgid, "Call the system call getpgid(), and return the result."),
    FN("getsid", posix_getsid, "Call the system call getsid(pid) and return the result."),
    FN("setsid", posix_setsid, "Call the system call setsid()."),
    FN("setpgid", posix_setpgid, "Call the system call setpgid(pid, pgrp)."),
    FN("getgroups", posix_getgroups, "Return list of supplemental group IDs for the process."),
    FN("getlogin", posix_getlogin, "Return the actual login name."),
    FN("kill", posix_kill, "Kill a process with a signal."),
    FN("killpg", posix_killpg, "Kill a process group with a signal."),
    FN("waitpid", posix_waitpid, "Wait for completion of a given child process."),
    FN("wait", posix_wait, "Wait for completion of a child process."),
    FN("WCOREDUMP", (status_fn<w_coredump, kWCOREDUMP, true>), "Return True if the process returning status was dumped to a core file."),
    FN("WIFCONTINUED", (status_fn<w_ifcontinued, kWIFCONTINUED, true>), "Return True if a particular process was continued from a job control stop."),
    FN("WIFSTOPPED", (status_fn<w_ifstopped, kWIFSTOPPED, true>), "Return True if the process returning status was stopped."),
    FN("WIFSIGNALED", (status_fn<w_ifsignaled, kWIFSIGNALED, true>), "Return True if the process returning status was terminated by a signal."),
    FN("WIFEXITED", (status_fn<w_ifexited, kWIFEXITED, true>), "Return True if the process returning status exited via the exit() system call."),
    FN("WEXITSTATUS", (status_fn<w_exitstatus, kWEXITSTATUS, false>), "Return the process return code from status."),
    FN("WTERMSIG", (status_fn<w_termsig, kWTERMSIG, false>), "Return the signal that terminated the process that provided the status value."),
    FN("WSTOPSIG", (status_fn<w_stopsig, kWSTOPSIG, false>), "Return the signal that stopped the process that provided the status value."),
    FN("waitstatus_to_exitcode", posix_waitstatus_to_exitcode, "Convert a wait status to an exit code."),
    FN("_exit", posix_exit, "Exit to the system with specified status, without normal exit processing."),
    FN("abort", posix_abort, "Abort the interpreter immediately."),
    FN("fork", posix_fork, "Fork a child process.\n\nReturn 0 to child process and PID of child to parent process."),
    FN("register_at_fork", posix_register_at_fork, "Register callables to be called when forking a new process."),
    FN("execv", posix_execv, "Execute an executable path with arguments, replacing current process."),
    FN("execve", posix_execve, "Execute an executable path with arguments, replacing current process."),
    FN("system", posix_system, "Execute the command in a subshell."),
    FN("times", posix_times, "Return a collection containing process timing information."),
    FN("umask", posix_umask, "Set the current numeric umask and return the previous umask."),
    FN("uname", posix_uname, "Return an object identifying the current operating system."),
    FN("nice", posix_nice, "Add increment to the priority of process and return the new priority."),
    FN("cpu_count", posix_cpu_count, "Return the number of CPUs in the system; return None if indeterminable."),
    FN("sched_getaffinity", posix_sched_getaffinity, "Return the affinity of the process identified by pid (or the current process if zero)."),
    FN("sched_yield", posix_sched_yield, "Voluntarily relinquish the CPU."),
    FN("getloadavg", posix_getloadavg, "Return average recent system load information."),
    FN("urandom", posix_urandom, "Return a bytes object containing random bytes suitable for cryptographic use."),
    FN("strerror", posix_strerror, "Translate an error code to a message string."),
    FN("fspath", posix_fspath, "Return the file system path representation of the object."),
    FN("major", posix_major, "Extracts a device major number from a raw device number."),
    FN("minor", posix_minor, "Extracts a device minor number from a raw device number."),
    FN("makedev", posix_makedev, "Composes a raw device number from the major and minor device numbers."),
    FN("putenv", posix_putenv, "Change or add an environment variable."),
    FN("unsetenv", posix_unsetenv, "Delete an environment variable."),
    {nullptr}};
#undef FN

struct IntConstant {
  const char* name;
  int64_t value;
};

#define C(x) {#x, x}
const IntConstant posix_constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK), C(NGROUPS_MAX), C(TMP_MAX), C(WCONTINUED), C(WNOHANG), C(WUNTRACED),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_NDELAY), C(O_NONBLOCK), C(O_APPEND), C(O_DSYNC), C(O_RSYNC),
    C(O_SYNC), C(O_NOCTTY), C(O_CREAT), C(O_EXCL), C(O_TRUNC), C(O_LARGEFILE), C(O_PATH), C(O_TMPFILE),
    C(O_CLOEXEC), C(O_ACCMODE), C(O_FSYNC), C(SEEK_HOLE), C(SEEK_DATA), C(O_ASYNC), C(O_DIRECT),
    C(O_DIRECTORY), C(O_NOFOLLOW), C(O_NOATIME), C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT),
    C(EX_NOUSER), C(EX_NOHOST), C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT),
    C(EX_IOERR), C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG), C(RTLD_LAZY), C(RTLD_NOW),
    C(RTLD_GLOBAL), C(RTLD_LOCAL), C(RTLD_NODELETE), C(RTLD_NOLOAD), C(RTLD_DEEPBIND)};
#undef C

// The optional parameters this module honours (os.supports_dir_fd and friends).
const char* const have_functions[] = {"HAVE_FACCESSAT", "HAVE_FCHDIR",  "HAVE_FCHMOD",   "HAVE_FCHMODAT",
                                      "HAVE_FCHOWN",    "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FSTATAT",
                                      "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT",   "HAVE_LCHOWN",
                                      "HAVE_LSTAT",     "HAVE_MKDIRAT",  "HAVE_MKFIFOAT", "HAVE_OPENAT",
                                      "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
                                      "HAVE_UTIMENSAT"};

Type* make_structseq(const char* name, const char* doc, const StructSeqField* fields, int visible) {
  return structseq_new_type({name, doc, fields, visible});
}

bool posix_init(Module* m) {
  if (!stat_result_type) {
    stat_result_type = make_structseq(
        "os.stat_result",
        "stat_result: Result from stat, fstat, or lstat.\n\nThis object may be accessed either as a tuple of\n  (mode, "
        "ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\nor via the attributes st_mode, st_ino, st_dev, "
        "st_nlink, st_uid, and so on.",
        stat_result_fields, 10);
    structseq_new_fn = stat_result_type->new_;
    stat_result_type->new_ = stat_result_new;
    times_result_type = make_structseq("posix.times_result", "times_result: Result from os.times().",
                                       times_result_fields, -1);
    uname_result_type = make_structseq("posix.uname_result", "uname_result: Result from os.uname().",
                                       uname_result_fields, -1);
    terminal_size_type = make_structseq("os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
                                        terminal_size_fields, -1);

    direntry_type.native_name = "posix.DirEntry";
    direntry_type.instance_size = sizeof(DirEntry);
    direntry_type.flags = kTypeDisallowInstantiation;
    direntry_type.repr = direntry_repr;
    direntry_type.methods = direntry_methods;
    direntry_type.getsets = direntry_getsets;
    type_ready(&direntry_type);

    scandir_iterator_type.native_name = "posix.ScandirIterator";
    scandir_iterator_type.instance_size = sizeof(ScandirIterator);
    scandir_iterator_type.flags = kTypeDisallowInstantiation;
    scandir_iterator_type.iter = [](Value self) { return self; };
    scandir_iterator_type.next = scandir_next;
    scandir_iterator_type.methods = scandir_methods;
    type_ready(&scandir_iterator_type);

    fork_before = list_new();
    fork_after_parent = list_new();
    fork_after_child = list_new();
  }
  for (const IntConstant& c : posix_constants)
    if (module_add(m, c.name, I(c.value)) < 0) return false;
  for (int p : {0, 1, 2}) {
    static const char* const names[] = {"P_PID", "P_PGID", "P_ALL"};
    static const int values[] = {P_PID, P_PGID, P_ALL};
    if (module_add(m, names[p], I(values[p])) < 0) return false;
  }
  List* have = list_new();
  for (const char* h : have_functions) list_append(have, Value(intern_cstr(h)));
  struct {
    const char* name;
    Value value;
  } attrs[] = {{"environ", Value(environ_snapshot())},
               {"error", Value(&exc::OSError)},
               {"_have_functions", Value(have)},
               {"stat_result", Value(stat_result_type)},
               {"times_result", Value(times_result_type)},
               {"uname_result", Value(uname_result_type)},
               {"terminal_size", Value(terminal_size_type)},
               {"DirEntry", Value(&direntry_type)}};
  for (auto& a : attrs)
    if (module_add(m, a.name, a.value) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef posix_module;
const ModuleDef posix_module = {
    "posix",
    "This module provides access to operating system functionality that is\nstandardized by the C Standard and the "
    "POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual "
    "entries for more information on calls.",
    posix_functions, posix_init};

}  // namespace spindle
