// _io.FileIO: raw, unbuffered I/O on a file descriptor.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/world.h"

namespace spindle::io {

Type fileio_type;

namespace {

FileIO* as_fileio(Value self) { return self.as<FileIO>(); }

Value err_closed() { return raise(&exc::ValueError, "I/O operation on closed file"); }
Value err_mode(const char* action) { return raise(unsupported_operation, "File not open for %s", action); }

// Runs a system call, retrying it on EINTR once pending signal handlers have
// run. Returns its result (-1 with errno set on failure), or -2 when a signal
// handler raised.
template <class F>
int64_t retry_eintr(F call) {
  for (;;) {
    int64_t r;
    {
      BlockingRegion region;
      r = call();
    }
    if (r >= 0 || errno != EINTR) return r;
    if (!handle_pending()) return -2;
  }
}

// The result of a read or write call: n, -2 for "would block", or -1 with an error.
int64_t io_result(int64_t r) {
  if (r == -2) return -1;  // a signal handler raised
  if (r < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) return -2;
    raise_os_error(errno);
    return -1;
  }
  return r;
}

Value mode_string(const FileIO* f) {
  const char* m;
  if (f->created) m = f->readable ? "xb+" : "xb";
  else if (f->appending) m = f->readable ? "ab+" : "ab";
  else if (f->readable) m = f->writable ? "rb+" : "rb";
  else m = "wb";
  return Value(intern_cstr(m));
}

bool internal_close(FileIO* f) {
  int fd = f->fd.exchange(-1);
  if (fd < 0) return true;
  if (::close(fd) < 0) {
    raise_os_error(errno);
    return false;
  }
  return true;
}

// The path of a file name argument as bytes for open(2).
bool path_bytes(Value name, std::string* out) {
  Value path = name;
  if (!is_str(path) && !is_bytes(path)) {
    Value fspath = lookup_special(path, spindle::names::__fspath__);
    if (!fspath) {
      if (error_occurred()) return false;
      raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(name));
      return false;
    }
    path = call0(fspath);
    if (!path) return false;
    if (!is_str(path) && !is_bytes(path)) {
      raise(&exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(name),
            type_name(path));
      return false;
    }
  }
  if (is_str(path)) *out = str_to_utf8_surrogateescape(path.as<Str>());
  else *out = std::string(path.as<Bytes>()->view());
  if (out->find('\0') != std::string::npos) {
    raise(&exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

Value fileio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* f = alloc_instance<FileIO>(type);
  f->fd.store(-1);
  f->closefd = true;
  f->seekable.store(-1);
  f->blksize = kDefaultBufferSize;
  return Value(f);
}

int fileio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"FileIO", {"file", "mode", "closefd", "opener"}, 1};
  Value a[4] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  FileIO* f = as_fileio(self);
  if (f->fd.load() >= 0) {
    if (f->closefd) {
      if (!internal_close(f)) return -1;
    } else {
      f->fd.store(-1);
    }
  }
  Value name = a[0];
  Value mode = a[1] ? a[1] : Value(intern_cstr("r"));
  if (!is_str(mode)) {
    raise(&exc::TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(mode));
    return -1;
  }
  bool closefd = true;
  if (a[2]) {
    int t = truthy(a[2]);
    if (t < 0) return -1;
    closefd = t;
  }
  Value opener = a[3] && !is_none(a[3]) ? a[3] : Value();

  int fd = -1;
  bool have_fd = false;
  if (is_int(name) || type_of(name)->index) {
    int64_t v;
    if (index_as_i64(name, &v, &exc::OverflowError)) {
      if (v < 0) {
        raise(&exc::ValueError, "negative file descriptor");
        return -1;
      }
      if (v > INT32_MAX) {
        raise(&exc::OverflowError, "signed integer is greater than maximum");
        return -1;
      }
      fd = int(v);
      have_fd = true;
    } else if (error_matches(&exc::TypeError)) {
      clear_error();
    } else {
      return -1;
    }
  }
  std::string path;
  if (!have_fd && !path_bytes(name, &path)) return -1;

  bool rwa = false, plus = false, readable = false, writable = false, created = false, appending = false;
  int flags = 0;
  Str* ms = mode.as<Str>();
  for (int64_t i = 0; i < ms->length; i++) {
    uint32_t c = ms->at(i);
    bool bad = false;
    switch (c) {
      case 'x':
      case 'r':
      case 'w':
      case 'a':
        if (rwa) bad = true;
        rwa = true;
        if (c == 'x') created = writable = true, flags |= O_EXCL | O_CREAT;
        else if (c == 'r') readable = true;
        else if (c == 'w') writable = true, flags |= O_CREAT | O_TRUNC;
        else writable = appending = true, flags |= O_APPEND | O_CREAT;
        break;
      case 'b':
        break;
      case '+':
        if (plus) bad = true;
        readable = writable = plus = true;
        break;
      default:
        raise(&exc::ValueError, "invalid mode: %U", ms);
        return -1;
    }
    if (bad) {
      raise(&exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
      return -1;
    }
  }
  if (!rwa) {
    raise(&exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
  }
  flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;

  bool fd_is_own = false;
  if (have_fd) {
    f->closefd = closefd;
  } else {
    f->closefd = true;
    if (!closefd) {
      raise(&exc::ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
    if (!opener) {
      int64_t r = retry_eintr([&] { return int64_t(::open(path.c_str(), flags, 0666)); });
      if (r == -2) return -1;
      if (r < 0) {
        raise_os_error(errno, name);
        return -1;
      }
      fd = int(r);
    } else {
      Value fdobj = call2(opener, name, Value::from_small_int(flags));
      if (!fdobj) return -1;
      if (!is_int(fdobj)) {
        raise(&exc::TypeError, "expected integer from opener");
        return -1;
      }
      int64_t v;
      if (!int_to_i64(fdobj, &v)) return -1;
      if (v < 0) {
        raise(&exc::ValueError, "opener returned %lld", (long long)v);
        return -1;
      }
      fd = int(v);
    }
    fd_is_own = true;
  }
  f->fd.store(fd);
  f->readable = readable;
  f->writable = writable;
  f->created = created;
  f->appending = appending;
  f->seekable.store(-1);
  f->blksize = kDefaultBufferSize;
  f->closed.store(false);

  auto fail = [&]() {
    Value e = fetch_error();
    if (!fd_is_own) f->fd.store(-1);
    else internal_close(f);
    clear_error();
    restore_error(e);
    return -1;
  };
  struct stat st;
  if (::fstat(fd, &st) < 0) {
    // Only a bad descriptor is an error (other fstat failures are tolerated, as in CPython).
    if (errno == EBADF) {
      raise_os_error(EBADF);
      return fail();
    }
  } else {
    if (S_ISDIR(st.st_mode)) {
      raise_os_error(EISDIR, name);
      return fail();
    }
    if (st.st_blksize > 1) f->blksize = st.st_blksize;
  }
  if (set_attr(self, ids::name, name) < 0) return fail();
  if (appending) {
    // Seek to the end now so tell() is right before the first write.
    if (::lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
      raise_os_error(errno);
      return fail();
    }
  }
  return 0;
}

// ------------------------------------------------------------------ reading and writing

}  // namespace

int64_t fileio_readinto(Value raw, uint8_t* buf, size_t n) {
  FileIO* f = as_fileio(raw);
  int fd = f->fd.load();
  if (fd < 0) {
    err_closed();
    return -1;
  }
  if (!f->readable) {
    err_mode("reading");
    return -1;
  }
  return io_result(retry_eintr([&] { return int64_t(::read(fd, buf, n)); }));
}

int64_t fileio_write(Value raw, const uint8_t* buf, size_t n) {
  FileIO* f = as_fileio(raw);
  int fd = f->fd.load();
  if (fd < 0) {
    err_closed();
    return -1;
  }
  if (!f->writable) {
    err_mode("writing");
    return -1;
  }
  return io_result(retry_eintr([&] { return int64_t(::write(fd, buf, n)); }));
}

namespace {

Value fileio_readall_impl(FileIO* f) {
  int fd = f->fd.load();
  if (fd < 0) return err_closed();
  // Size the buffer from what is left of a regular file.
  size_t bufsize = kDefaultBufferSize;
  struct stat st;
  off_t pos = ::lseek(fd, 0, SEEK_CUR);
  if (pos >= 0 && ::fstat(fd, &st) == 0 && st.st_size >= pos && st.st_size - pos < (off_t(1) << 40))
    bufsize = size_t(st.st_size - pos) + 1;
  std::string data;
  data.resize(bufsize);
  size_t n = 0;
  for (;;) {
    if (n == data.size()) data.resize(data.size() + std::max<size_t>(data.size() / 4, kDefaultBufferSize));
    int64_t r = retry_eintr([&] { return int64_t(::read(fd, &data[n], data.size() - n)); });
    if (r == -2) return Value();
    if (r < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        if (n > 0) break;
        return None();
      }
      return raise_os_error(errno);
    }
    if (r == 0) break;
    n += size_t(r);
  }
  return Value(bytes_new(data.data(), n));
}

Value fileio_readall(Value self, const Value*, size_t, Tuple*) { return fileio_readall_impl(as_fileio(self)); }

Value fileio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  FileIO* f = as_fileio(self);
  int fd = f->fd.load();
  if (fd < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  int64_t size;
  if (!size_arg(a[0], -1, &size)) return Value();
  if (size < 0) return fileio_readall_impl(f);
  Bytes* b = bytes_alloc(size_t(size));
  int64_t r = io_result(retry_eintr([&] { return int64_t(::read(fd, b->data_ptr, size_t(size))); }));
  if (r == -1) return Value();
  if (r == -2) return None();
  if (r == size) return Value(b);
  return Value(bytes_new(b->data_ptr, size_t(r)));
}

Value fileio_readinto_m(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readinto", kwnames) || !check_nargs("readinto", nargs, 1, 1)) return Value();
  FileIO* f = as_fileio(self);
  if (f->fd.load() < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  BufferView view;
  if (!writable_buffer(args[0], "readinto", &view)) return Value();
  int64_t r = fileio_readinto(self, const_cast<uint8_t*>(view.data), size_t(view.size));
  if (r == -1) return Value();
  if (r == -2) return None();
  return int_from_i64(r);
}

Value fileio_write_m(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  FileIO* f = as_fileio(self);
  if (f->fd.load() < 0) return err_closed();
  if (!f->writable) return err_mode("writing");
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  int64_t r = fileio_write(self, view.data, size_t(view.size));
  if (r == -1) return Value();
  if (r == -2) return None();
  return int_from_i64(r);
}

Value fileio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"seek", {"pos", "whence"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  FileIO* f = as_fileio(self);
  int fd = f->fd.load();
  if (fd < 0) return err_closed();
  if (is_instance_of(a[0], &float_type)) return raise(&exc::TypeError, "an integer is required");
  int64_t pos, whence = 0;
  if (!index_as_i64(a[0], &pos, &exc::OverflowError)) return Value();
  if (a[1] && !index_as_i64(a[1], &whence, &exc::OverflowError)) return Value();
  off_t r = ::lseek(fd, off_t(pos), int(whence));
  if (r < 0) return raise_os_error(errno);
  f->seekable.store(1);
  return int_from_i64(r);
}

Value fileio_tell(Value self, const Value*, size_t, Tuple*) {
  int fd = as_fileio(self)->fd.load();
  if (fd < 0) return err_closed();
  off_t r = ::lseek(fd, 0, SEEK_CUR);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value fileio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"truncate", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  FileIO* f = as_fileio(self);
  int fd = f->fd.load();
  if (fd < 0) return err_closed();
  if (!f->writable) return err_mode("writing");
  int64_t size;
  if (!a[0] || is_none(a[0])) {
    off_t r = ::lseek(fd, 0, SEEK_CUR);
    if (r < 0) return raise_os_error(errno);
    size = r;
  } else if (!index_as_i64(a[0], &size, &exc::OverflowError)) {
    return Value();
  }
  if (::ftruncate(fd, off_t(size)) < 0) return raise_os_error(errno);
  return int_from_i64(size);
}

Value fileio_seekable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = as_fileio(self);
  int fd = f->fd.load();
  if (fd < 0) return err_closed();
  if (f->seekable.load() < 0) f->seekable.store(::lseek(fd, 0, SEEK_CUR) >= 0 ? 1 : 0);
  return Bool(f->seekable.load() > 0);
}

Value fileio_readable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = as_fileio(self);
  if (f->fd.load() < 0) return err_closed();
  return Bool(f->readable);
}

Value fileio_writable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = as_fileio(self);
  if (f->fd.load() < 0) return err_closed();
  return Bool(f->writable);
}

Value fileio_fileno(Value self, const Value*, size_t, Tuple*) {
  int fd = as_fileio(self)->fd.load();
  if (fd < 0) return err_closed();
  return Value::from_small_int(fd);
}

Value fileio_isatty(Value self, const Value*, size_t, Tuple*) {
  int fd = as_fileio(self)->fd.load();
  if (fd < 0) return err_closed();
  return Bool(::isatty(fd));
}

Value fileio_close(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = as_fileio(self);
  Value base_close = type_lookup(&rawiobase_type, ids::close);
  Value res = call1(base_close, self);
  if (!f->closefd) {
    f->fd.store(-1);
    return res;
  }
  Value first = res ? Value() : fetch_error();
  if (f->finalizing.load() && f->fd.load() >= 0) warn_unclosed("file", self);
  bool ok = internal_close(f);
  if (first) return chain_exceptions(first);
  return ok ? res : Value();
}

Value fileio_dealloc_warn(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_dealloc_warn", nargs, 1, 1)) return Value();
  FileIO* f = as_fileio(self);
  if (f->fd.load() >= 0 && f->closefd) warn_unclosed("file", args[0]);
  return None();
}

Value fileio_repr(Value self) {
  FileIO* f = as_fileio(self);
  const char* tname = "_io.FileIO";
  int fd = f->fd.load();
  if (fd < 0) return Value(format_message("<%s [closed]>", tname));
  Value mode = mode_string(f);
  Value name = lookup_attr(self, ids::name);
  if (!name) {
    if (error_occurred()) {
      if (!error_matches(&exc::AttributeError)) return Value();
      clear_error();
    }
    return Value(format_message("<%s fd=%d mode='%S' closefd=%s>", tname, fd, mode, f->closefd ? "True" : "False"));
  }
  return Value(format_message("<%s name=%R mode='%S' closefd=%s>", tname, name, mode, f->closefd ? "True" : "False"));
}

Value fileio_get_closed(Value self) { return Bool(as_fileio(self)->fd.load() < 0); }
Value fileio_get_closefd(Value self) { return Bool(as_fileio(self)->closefd); }
Value fileio_get_mode(Value self) { return mode_string(as_fileio(self)); }

const MethodDef fileio_methods[] = {
    {"read", fileio_read, kMethodInstance, "Read at most size bytes, returned as bytes."},
    {"readall", fileio_readall, kMethodInstance, "Read all data from the file, returned as bytes."},
    {"readinto", fileio_readinto_m, kMethodInstance, "Same as RawIOBase.readinto()."},
    {"write", fileio_write_m, kMethodInstance, "Write buffer b to file, return number of bytes written."},
    {"seek", fileio_seek, kMethodInstance, "Move to new file position and return the file position."},
    {"tell", fileio_tell, kMethodInstance, "Current file position."},
    {"truncate", fileio_truncate, kMethodInstance, "Truncate the file to at most size bytes and return the truncated size."},
    {"close", fileio_close, kMethodInstance, "Close the file."},
    {"seekable", fileio_seekable, kMethodInstance, "True if file supports random-access."},
    {"readable", fileio_readable, kMethodInstance, "True if file was opened in a read mode."},
    {"writable", fileio_writable, kMethodInstance, "True if file was opened in a write mode."},
    {"fileno", fileio_fileno, kMethodInstance, "Return the underlying file descriptor (an integer)."},
    {"isatty", fileio_isatty, kMethodInstance, "True if the file is connected to a TTY device."},
    {"_dealloc_warn", fileio_dealloc_warn, kMethodInstance, nullptr},
    {nullptr}};

const GetSetDef fileio_getsets[] = {{"closed", fileio_get_closed, nullptr, "True if the file is closed"},
                                    {"closefd", fileio_get_closefd, nullptr, "True if the file descriptor will be closed by close()."},
                                    {"mode", fileio_get_mode, nullptr, "String giving the file mode"},
                                    {nullptr}};

const MemberDef fileio_members[] = {{"_blksize", MemberKind::Int64, uint32_t(offsetof(FileIO, blksize)), nullptr},
                                    {"_finalizing", MemberKind::Bool, uint32_t(offsetof(FileIO, finalizing)), nullptr},
                                    {nullptr}};

}  // namespace

void warn_unclosed(const char* what, Value source) {
  Value saved = fetch_error();
  Value warnings = import_module_cstr("warnings");
  Value warn = warnings ? get_attr_cstr(warnings, "warn") : Value();
  Value msg = warn ? repr(source) : Value();
  if (msg) {
    // warnings.warn(message, ResourceWarning, 1, source=source)
    Value args[4] = {Value(format_message("unclosed %s %U", what, msg.as<Str>())), Value(&exc::ResourceWarning),
                     Value::from_small_int(1), source};
    call(warn, args, 3, tuple_pack({Value(intern_cstr("source"))}));
  }
  clear_error();
  restore_error(saved);
}

void init_fileio_type() {
  fileio_type.native_name = "_io.FileIO";
  fileio_type.doc = "Open a file.";
  fileio_type.base = &rawiobase_type;
  fileio_type.flags = kTypeBaseType | kTypeHasFinalizer;
  fileio_type.instance_size = sizeof(FileIO);
  fileio_type.new_ = fileio_new;
  fileio_type.init = fileio_init;
  fileio_type.repr = fileio_repr;
  fileio_type.methods = fileio_methods;
  fileio_type.getsets = fileio_getsets;
  fileio_type.members = fileio_members;
  type_ready(&fileio_type);
}

}  // namespace spindle::io
