// The _posixshmem module: POSIX shared memory objects for
// multiprocessing.shared_memory and multiprocessing's resource tracker.
#include <fcntl.h>
#include <sys/mman.h>

#include <cerrno>

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/object.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "vm/world.h"

namespace spindle {

namespace {

bool path_arg(const char* fname, Value v, std::string* out) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s() argument 'path' must be str, not %T", fname, v);
    return false;
  }
  *out = str_to_utf8(v.as<Str>());
  return true;
}

// shm_open(path, flags, mode=0o777) -> file descriptor
Value shm_open_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"shm_open", {"path", "flags", "mode"}, 2};
  Value a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string path;
  int flags, mode = 0777;
  if (!path_arg("shm_open", a[0], &path) || !int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode))) return Value();
  int fd;
  do {
    BlockingRegion region;
    fd = shm_open(path.c_str(), flags, mode_t(mode));
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_os_error(errno, a[0]);
  return Value::from_small_int(fd);
}

// shm_unlink(path)
Value shm_unlink_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"shm_unlink", {"path"}, 1};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string path;
  if (!path_arg("shm_unlink", a[0], &path)) return Value();
  if (shm_unlink(path.c_str()) < 0) return raise_os_error(errno, a[0]);
  return None();
}

const MethodDef posixshmem_methods[] = {
    {"shm_open", shm_open_fn, kMethodStatic, "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", shm_unlink_fn, kMethodStatic, "Remove a shared memory object (similar to unlink())."},
    {nullptr}};

}  // namespace

extern const ModuleDef posixshmem_module;
const ModuleDef posixshmem_module = {"_posixshmem", "POSIX shared memory module", posixshmem_methods, nullptr};

}  // namespace spindle
