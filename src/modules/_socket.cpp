// The _socket module: BSD sockets (AF_INET, AF_INET6, AF_UNIX), name
// resolution and byte-order helpers, as socket.py expects them.
//
// Timeouts work as in CPython: a socket with a timeout is non-blocking at the
// OS level and each call waits for readiness with poll(2) until a deadline.
// Calls interrupted by a signal run the pending handlers and are retried
// (PEP 475). No lock is held across a system call: the descriptor and the
// timeout are atomics, so other threads can close or reconfigure a socket
// while one thread is blocked on it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/bytes.h"
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

Type socket_type;
Type* gaierror_type;
Type* herror_type;

// Seconds; negative means "no timeout" (blocking).
std::atomic<double> default_timeout{-1.0};

struct SocketObject : Object {
  std::atomic<int> fd;
  int family, type, proto;
  std::atomic<double> timeout;
};

SocketObject* as_socket(Value v) { return v.as<SocketObject>(); }

// ------------------------------------------------------------------ errors

Value raise_gaierror(int code) {
  if (code == EAI_SYSTEM) return raise_os_error(errno);
  const char* msg = gai_strerror(code);
  Value args[2] = {Value::from_small_int(code), Value(str_from_utf8(msg, std::strlen(msg)))};
  Value e = call(Value(gaierror_type), args, 2);
  return e ? raise_value(e) : Value();
}

Value raise_herror(int code) {
  const char* msg = hstrerror(code);
  Value args[2] = {Value::from_small_int(code), Value(str_from_utf8(msg, std::strlen(msg)))};
  Value e = call(Value(herror_type), args, 2);
  return e ? raise_value(e) : Value();
}

Value raise_timeout() { return raise(&exc::TimeoutError, "timed out"); }

double monotonic_seconds() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

bool run_pending() { return !ts()->pending.load(std::memory_order_acquire) || handle_pending(); }

// ------------------------------------------------------------------ argument helpers

bool int_arg(Value v, int* out) {
  int64_t i;
  if (!index_as_i64(v, &i, &exc::OverflowError)) return false;
  if (i < INT_MIN || i > INT_MAX) {
    raise(&exc::OverflowError, i < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = int(i);
  return true;
}

bool optional_int_arg(Value v, int dflt, int* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  return int_arg(v, out);
}

// A timeout argument: None (-1: blocking) or non-negative seconds.
bool timeout_arg(Value v, double* out) {
  if (is_none(v)) {
    *out = -1.0;
    return true;
  }
  double seconds;
  if (is_int(v)) {
    if (!int_to_double(v, &seconds)) return false;
  } else if (is_instance_of(v, &float_type)) {
    if (!to_double(v, &seconds)) return false;
  } else {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (std::isnan(seconds)) {
    raise(&exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0) {
    raise(&exc::ValueError, "Timeout value out of range");
    return false;
  }
  *out = seconds;
  return true;
}

// A host name argument as the bytes the resolver takes (IDNA for non-ASCII str).
bool host_arg(Value v, std::string* out) {
  if (is_str(v)) {
    std::string utf8;
    if (!v.as<Str>()->ascii) {
      Value encoded = call_method1(v, intern_cstr("encode"), Value(intern_cstr("idna")));
      if (!encoded) return false;
      utf8 = std::string(encoded.as<Bytes>()->view());
    } else {
      utf8 = str_to_utf8(v.as<Str>());
    }
    *out = utf8;
  } else if (is_bytes(v) || is_bytearray(v)) {
    BufferView view;
    if (!get_buffer(v, &view)) return false;
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
  } else {
    raise(&exc::TypeError, "str, bytes or bytearray expected, not %s", type_name(v));
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(&exc::TypeError, "host name must not contain null character");
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ addresses

union SockAddr {
  sockaddr sa;
  sockaddr_in in4;
  sockaddr_in6 in6;
  sockaddr_un un;
  sockaddr_storage storage;
};

// getaddrinfo(3), which may wait on the network, detached from the world.
int resolve_address(const char* host, const char* port, const addrinfo* hints, addrinfo** res) {
  BlockingRegion region;
  return getaddrinfo(host, port, hints, res);
}

// Resolves `name` to an address of `family` (AF_INET, AF_INET6 or AF_UNSPEC).
// Returns the address length, or -1 with an exception pending.
socklen_t resolve_host(const std::string& name, int family, SockAddr* addr) {
  std::memset(addr, 0, sizeof(*addr));
  if (name.empty()) {
    addrinfo hints{}, *res = nullptr;
    hints.ai_family = family;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_PASSIVE;
    int err = resolve_address(nullptr, "0", &hints, &res);
    if (err) {
      raise_gaierror(err);
      return socklen_t(-1);
    }
    socklen_t len = res->ai_addrlen;
    std::memcpy(addr, res->ai_addr, len);
    bool multiple = res->ai_next != nullptr;
    freeaddrinfo(res);
    if (multiple) {
      raise(&exc::OSError, "wildcard resolved to multiple address");
      return socklen_t(-1);
    }
    return len;
  }
  if (name == "<broadcast>" || name == "255.255.255.255") {
    if (family != AF_INET && family != AF_UNSPEC) {
      raise(&exc::OSError, "address family mismatched");
      return socklen_t(-1);
    }
    addr->in4.sin_family = AF_INET;
    addr->in4.sin_addr.s_addr = INADDR_BROADCAST;
    return sizeof(sockaddr_in);
  }
  if ((family == AF_INET || family == AF_UNSPEC) && inet_pton(AF_INET, name.c_str(), &addr->in4.sin_addr) == 1) {
    addr->in4.sin_family = AF_INET;
    return sizeof(sockaddr_in);
  }
  if ((family == AF_INET6 || family == AF_UNSPEC) && name.find('%') == std::string::npos &&
      inet_pton(AF_INET6, name.c_str(), &addr->in6.sin6_addr) == 1) {
    addr->in6.sin6_family = AF_INET6;
    return sizeof(sockaddr_in6);
  }
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  int err = resolve_address(name.c_str(), nullptr, &hints, &res);
  if (err) {
    raise_gaierror(err);
    return socklen_t(-1);
  }
  socklen_t len = res->ai_addrlen;
  std::memcpy(addr, res->ai_addr, len);
  freeaddrinfo(res);
  return len;
}

Value ip_string(int family, const void* raw) {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(family, raw, buf, sizeof(buf))) return raise_os_error(errno);
  return Value(str_from_utf8(buf, std::strlen(buf)));
}

// The Python form of a socket address.
Value make_address(const SockAddr* addr, socklen_t len) {
  if (len == 0) return None();
  switch (addr->sa.sa_family) {
    case AF_INET: {
      Value host = ip_string(AF_INET, &addr->in4.sin_addr);
      if (!host) return Value();
      return Value(tuple_pack({host, Value::from_small_int(ntohs(addr->in4.sin_port))}));
    }
    case AF_INET6: {
      Value host = ip_string(AF_INET6, &addr->in6.sin6_addr);
      if (!host) return Value();
      return Value(tuple_pack({host, Value::from_small_int(ntohs(addr->in6.sin6_port)),
                               int_from_u64(ntohl(addr->in6.sin6_flowinfo)), int_from_u64(addr->in6.sin6_scope_id)}));
    }
    case AF_UNIX: {
      size_t path_len = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      const char* path = addr->un.sun_path;
      // Linux's abstract namespace: a leading NUL byte, returned as bytes.
      if (path_len > 0 && path[0] == '\0') return Value(bytes_new(path, path_len));
      path_len = strnlen(path, path_len);
      return Value(str_from_utf8_surrogateescape(path, path_len));
    }
    default: {
      size_t data_len = len > offsetof(sockaddr, sa_data) ? len - offsetof(sockaddr, sa_data) : 0;
      return Value(tuple_pack({Value::from_small_int(addr->sa.sa_family), Value(bytes_new(addr->sa.sa_data, data_len))}));
    }
  }
}

bool port_arg(Value v, const char* caller, uint16_t* out) {
  int64_t port;
  if (!index_as_i64(v, &port, &exc::OverflowError)) return false;
  if (port < 0 || port > 0xffff) {
    raise(&exc::OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = uint16_t(port);
  return true;
}

// Parses a Python address for a socket of `family`. Returns its length, or -1.
socklen_t parse_address(int family, Value v, const char* caller, SockAddr* addr) {
  std::memset(addr, 0, sizeof(*addr));
  switch (family) {
    case AF_UNIX: {
      Value p = v;
      if (!is_str(v) && !is_bytes(v) && !is_bytearray(v) && type_of(v)->buffer == nullptr) {
        Value fspath = lookup_special(v, names::__fspath__);
        if (!fspath) {
          if (!error_occurred())
            raise(&exc::TypeError, "%s(): AF_UNIX address must be str or bytes, not %s", caller, type_name(v));
          return socklen_t(-1);
        }
        p = call0(fspath);
        if (!p) return socklen_t(-1);
      }
      std::string path;
      if (is_str(p)) {
        path = str_to_utf8_surrogateescape(p.as<Str>());
      } else {
        BufferView view;
        if (!get_buffer(p, &view)) return socklen_t(-1);
        path.assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
      }
      if (path.size() > sizeof(addr->un.sun_path)) {
        raise(&exc::OSError, "AF_UNIX path too long");
        return socklen_t(-1);
      }
      addr->un.sun_family = AF_UNIX;
      std::memcpy(addr->un.sun_path, path.data(), path.size());
      return socklen_t(offsetof(sockaddr_un, sun_path) + path.size());
    }
    case AF_INET: {
      if (!is_tuple(v)) {
        raise(&exc::TypeError, "%s(): AF_INET address must be tuple, not %s", caller, type_name(v));
        return socklen_t(-1);
      }
      Tuple* t = v.as<Tuple>();
      if (t->size != 2) {
        raise(&exc::TypeError, "AF_INET address must be a pair (host, port)");
        return socklen_t(-1);
      }
      std::string host;
      uint16_t port;
      if (!host_arg(t->items[0], &host) || !port_arg(t->items[1], caller, &port)) return socklen_t(-1);
      SockAddr resolved;
      if (resolve_host(host, AF_INET, &resolved) == socklen_t(-1)) return socklen_t(-1);
      addr->in4 = resolved.in4;
      addr->in4.sin_port = htons(port);
      return sizeof(sockaddr_in);
    }
    case AF_INET6: {
      if (!is_tuple(v)) {
        raise(&exc::TypeError, "%s(): AF_INET6 address must be tuple, not %s", caller, type_name(v));
        return socklen_t(-1);
      }
      Tuple* t = v.as<Tuple>();
      if (t->size < 2 || t->size > 4) {
        raise(&exc::TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return socklen_t(-1);
      }
      std::string host;
      uint16_t port;
      if (!host_arg(t->items[0], &host) || !port_arg(t->items[1], caller, &port)) return socklen_t(-1);
      uint64_t flowinfo = 0, scope_id = 0;
      if (t->size > 2) {
        int64_t f;
        if (!index_as_i64(t->items[2], &f, &exc::OverflowError)) return socklen_t(-1);
        if (f < 0 || f > 0xfffff) {
          raise(&exc::OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
          return socklen_t(-1);
        }
        flowinfo = uint64_t(f);
      }
      if (t->size > 3) {
        int64_t s;
        if (!index_as_i64(t->items[3], &s, &exc::OverflowError)) return socklen_t(-1);
        scope_id = uint64_t(s);
      }
      SockAddr resolved;
      if (resolve_host(host, AF_INET6, &resolved) == socklen_t(-1)) return socklen_t(-1);
      addr->in6 = resolved.in6;
      addr->in6.sin6_port = htons(port);
      addr->in6.sin6_flowinfo = htonl(uint32_t(flowinfo));
      addr->in6.sin6_scope_id = uint32_t(scope_id);
      return sizeof(sockaddr_in6);
    }
    default:
      raise(&exc::OSError, "%s(): bad family", caller);
      return socklen_t(-1);
  }
}

// ------------------------------------------------------------------ blocking and timeouts

bool set_os_blocking(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) {
    raise_os_error(errno);
    return false;
  }
  int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0) {
    raise_os_error(errno);
    return false;
  }
  return true;
}

int socket_fd(SocketObject* s) {
  int fd = s->fd.load(std::memory_order_acquire);
  if (fd < 0) raise_os_error(EBADF);
  return fd;
}

// Waits until fd is ready for reading or writing or `deadline` (monotonic
// seconds) passes. Returns 1 when ready, 0 on timeout, -1 with an exception.
int wait_ready(int fd, bool writing, double deadline) {
  for (;;) {
    double remaining = deadline - monotonic_seconds();
    if (remaining < 0) return 0;
    pollfd p{fd, short(writing ? POLLOUT : POLLIN), 0};
    int ms = int(std::min(std::ceil(remaining * 1e3), double(INT_MAX)));
    int n;
    {
      BlockingRegion region;
      n = poll(&p, 1, ms);
    }
    if (n > 0) return 1;
    if (n == 0) return 0;
    if (errno != EINTR) {
      raise_os_error(errno);
      return -1;
    }
    if (!run_pending()) return -1;
  }
}

// Runs a socket system call the way CPython's sock_call does: with a timeout,
// wait for readiness first and retry on EWOULDBLOCK until the deadline;
// retry on EINTR after running signal handlers. Returns the call's result,
// or -1 with an exception pending (TimeoutError when the deadline passed).
template <class F>
ssize_t socket_call(SocketObject* s, bool writing, F call) {
  int fd = socket_fd(s);
  if (fd < 0) return -1;
  double timeout = s->timeout.load(std::memory_order_relaxed);
  double deadline = timeout > 0 ? monotonic_seconds() + timeout : 0;
  for (;;) {
    if (timeout > 0) {
      int r = wait_ready(fd, writing, deadline);
      if (r < 0) return -1;
      if (r == 0) {
        raise_timeout();
        return -1;
      }
    }
    ssize_t r;
    for (;;) {
      {
        BlockingRegion region;
        r = call(fd);
      }
      if (r >= 0) return r;
      if (errno != EINTR) break;
      if (!run_pending()) return -1;
    }
    if (timeout > 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) continue;
    raise_os_error(errno);
    return -1;
  }
}

// connect(2) with the socket's timeout. Returns 0, or an errno value when
// `raise_errors` is false (connect_ex), or -1 with an exception pending.
int socket_connect(SocketObject* s, const SockAddr* addr, socklen_t len, bool raise_errors) {
  int fd = socket_fd(s);
  if (fd < 0) return -1;
  double timeout = s->timeout.load(std::memory_order_relaxed);
  int err = 0;
  {
    BlockingRegion region;
    if (connect(fd, &addr->sa, len) < 0) err = errno;
  }
  if (err == EINTR) {
    if (!run_pending()) return -1;
    err = EINPROGRESS;  // the connection goes on asynchronously
    if (timeout == 0) err = EINTR;
  }
  if (err == EINPROGRESS && timeout != 0) {
    double deadline = timeout > 0 ? monotonic_seconds() + timeout : HUGE_VAL;
    int r = wait_ready(fd, true, deadline);
    if (r < 0) return -1;
    if (r == 0) {
      err = EWOULDBLOCK;
      if (raise_errors) {
        raise_timeout();
        return -1;
      }
      return err;
    }
    socklen_t elen = sizeof(err);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) err = errno;
  }
  if (err && raise_errors) {
    raise_os_error(err);
    return -1;
  }
  return err;
}

// ------------------------------------------------------------------ the socket type

bool socket_setup(SocketObject* s, int fd, int family, int type, int proto) {
  s->fd.store(fd, std::memory_order_release);
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout.store(0);
    return true;
  }
  double timeout = default_timeout.load();
  s->timeout.store(timeout);
  return timeout < 0 || set_os_blocking(fd, false);
}

SocketObject* new_socket_object(Type* type) {
  auto* s = alloc_instance<SocketObject>(type);
  s->fd.store(-1);
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout.store(-1.0);
  return s;
}

Value socket_new(Type* type, const Value*, size_t, Tuple*) { return Value(new_socket_object(type)); }

int socket_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"socket", {"family", "type", "proto", "fileno"}, 0};
  Value a[4] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  int family, type, proto;
  if (!optional_int_arg(a[0], -1, &family) || !optional_int_arg(a[1], -1, &type) ||
      !optional_int_arg(a[2], -1, &proto))
    return -1;
  SocketObject* s = as_socket(self);
  int fd;
  if (a[3] && !is_none(a[3])) {
    if (is_instance_of(a[3], &float_type)) {
      raise(&exc::TypeError, "'float' object cannot be interpreted as an integer");
      return -1;
    }
    int64_t n;
    if (!index_as_i64(a[3], &n, &exc::OverflowError)) return -1;
    if (n < 0) {
      raise(&exc::ValueError, "negative file descriptor");
      return -1;
    }
    if (n > INT_MAX) {
      raise(&exc::OverflowError, "signed integer is greater than maximum");
      return -1;
    }
    fd = int(n);
    if (family == -1) {
      SockAddr addr;
      socklen_t len = sizeof(addr);
      std::memset(&addr, 0, sizeof(addr));
      if (getsockname(fd, &addr.sa, &len) < 0) {
        raise_os_error(errno);
        return -1;
      }
      family = addr.sa.sa_family;
    }
    socklen_t len = sizeof(int);
    if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0) {
      raise_os_error(errno);
      return -1;
    }
    len = sizeof(int);
    if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0) {
      raise_os_error(errno);
      return -1;
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      raise_os_error(errno);
      return -1;
    }
  }
  if (!socket_setup(s, fd, family, type, proto)) {
    if (!a[3] || is_none(a[3])) close(fd);
    return -1;
  }
  return 0;
}

void warn_unclosed_socket(Value self) {
  Value saved = fetch_error();
  Value warnings = import_module_cstr("warnings");
  Value warn = warnings ? get_attr_cstr(warnings, "warn") : Value();
  Value text = warn ? repr(self) : Value();
  if (text) {
    Value args[4] = {Value(format_message("unclosed %U", text.as<Str>())), Value(&exc::ResourceWarning),
                     Value::from_small_int(1), self};
    call(warn, args, 3, tuple_pack({Value(intern_cstr("source"))}));
  }
  clear_error();
  restore_error(saved);
}

void socket_finalize(Value self) {
  SocketObject* s = as_socket(self);
  if (s->fd.load() < 0) return;
  warn_unclosed_socket(self);
  int fd = s->fd.exchange(-1);
  if (fd >= 0) close(fd);
}

Value socket_repr(Value self) {
  SocketObject* s = as_socket(self);
  return Value(format_message("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd.load(), s->family,
                              s->type, s->proto));
}

Value socket_close(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("close", nargs, kw)) return Value();
  int fd = as_socket(self)->fd.exchange(-1);
  // ECONNRESET from close() is ignored: the peer reset the connection, the descriptor is gone anyway.
  if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return raise_os_error(errno);
  return None();
}

Value socket_detach(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("detach", nargs, kw)) return Value();
  return Value::from_small_int(as_socket(self)->fd.exchange(-1));
}

Value socket_fileno(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("fileno", nargs, kw)) return Value();
  return Value::from_small_int(as_socket(self)->fd.load());
}

Value socket_dup(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("dup", nargs, kw)) return Value();
  SocketObject* s = as_socket(self);
  int fd = socket_fd(s);
  if (fd < 0) return Value();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(errno);
  SocketObject* d = new_socket_object(&socket_type);
  if (!socket_setup(d, copy, s->family, s->type, s->proto)) {
    close(copy);
    d->fd.store(-1);
    return Value();
  }
  return Value(d);
}

Value socket_bind(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bind", kw) || !check_tuple_nargs("bind", nargs, 1, 1)) return Value();
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len = parse_address(s->family, args[0], "bind", &addr);
  if (len == socklen_t(-1)) return Value();
  int fd = socket_fd(s);
  if (fd < 0) return Value();
  if (bind(fd, &addr.sa, len) < 0) return raise_os_error(errno);
  return None();
}

Value socket_listen(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("listen", kw) || !check_tuple_nargs("listen", nargs, 0, 1)) return Value();
  int backlog = std::min(SOMAXCONN, 128);
  if (nargs > 0 && !int_arg(args[0], &backlog)) return Value();
  if (backlog < 0) backlog = 0;
  int fd = socket_fd(as_socket(self));
  if (fd < 0) return Value();
  if (listen(fd, backlog) < 0) return raise_os_error(errno);
  return None();
}

Value socket_accept(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_accept", nargs, kw)) return Value();
  SockAddr addr;
  socklen_t len = 0;
  ssize_t fd = socket_call(as_socket(self), false, [&](int sfd) {
    len = sizeof(addr);
    std::memset(&addr, 0, sizeof(addr));
    return ssize_t(accept4(sfd, &addr.sa, &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return Value();
  Value address = make_address(&addr, len);
  if (!address) {
    close(int(fd));
    return Value();
  }
  return Value(tuple_pack({Value::from_small_int(fd), address}));
}

Value socket_connect_m(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("connect", kw) || !check_tuple_nargs("connect", nargs, 1, 1)) return Value();
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len = parse_address(s->family, args[0], "connect", &addr);
  if (len == socklen_t(-1)) return Value();
  if (socket_connect(s, &addr, len, true) != 0) return Value();
  return None();
}

Value socket_connect_ex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("connect_ex", kw) || !check_tuple_nargs("connect_ex", nargs, 1, 1)) return Value();
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len = parse_address(s->family, args[0], "connect_ex", &addr);
  if (len == socklen_t(-1)) return Value();
  int r = socket_connect(s, &addr, len, false);
  if (r < 0) return Value();
  return Value::from_small_int(r);
}

// (size[, flags]) for recv and recvfrom.
bool recv_args(const char* fname, const Value* args, size_t nargs, Tuple* kw, int64_t* size, int* flags) {
  if (!check_no_kwargs(fname, kw) || !check_tuple_nargs(fname, nargs, 1, 2)) return false;
  if (!index_as_i64(args[0], size, &exc::OverflowError)) return false;
  if (*size < 0) {
    raise(&exc::ValueError, "negative buffersize in %s", fname);
    return false;
  }
  *flags = 0;
  return nargs < 2 || int_arg(args[1], flags);
}

Value socket_recv(Value self, const Value* args, size_t nargs, Tuple* kw) {
  int64_t size;
  int flags;
  if (!recv_args("recv", args, nargs, kw, &size, &flags)) return Value();
  Bytes* b = bytes_alloc(size_t(size));
  ssize_t n = socket_call(as_socket(self), false,
                          [&](int fd) { return recv(fd, b->data_ptr, size_t(size), flags); });
  if (n < 0) return Value();
  if (n == size) return Value(b);
  return Value(bytes_new(b->data_ptr, size_t(n)));
}

Value socket_recvfrom(Value self, const Value* args, size_t nargs, Tuple* kw) {
  int64_t size;
  int flags;
  if (!recv_args("recvfrom", args, nargs, kw, &size, &flags)) return Value();
  Bytes* b = bytes_alloc(size_t(size));
  SockAddr addr;
  socklen_t len = 0;
  ssize_t n = socket_call(as_socket(self), false, [&](int fd) {
    len = sizeof(addr);
    std::memset(&addr, 0, sizeof(addr));
    return recvfrom(fd, b->data_ptr, size_t(size), flags, &addr.sa, &len);
  });
  if (n < 0) return Value();
  Value address = make_address(&addr, len);
  if (!address) return Value();
  Value data = n == size ? Value(b) : Value(bytes_new(b->data_ptr, size_t(n)));
  return Value(tuple_pack({data, address}));
}

// (buffer[, nbytes[, flags]]) for recv_into and recvfrom_into.
bool recv_into_args(const char* fname, const Value* args, size_t nargs, Tuple* kw, BufferView* view, int64_t* size,
                    int* flags) {
  static const ArgSpec recv_into_spec{"recv_into", {"buffer", "nbytes", "flags"}, 1};
  static const ArgSpec recvfrom_into_spec{"recvfrom_into", {"buffer", "nbytes", "flags"}, 1};
  bool from = std::strcmp(fname, "recvfrom_into") == 0;
  Value a[3] = {};
  if (!parse_args(from ? recvfrom_into_spec : recv_into_spec, args, nargs, kw, a)) return false;
  if (!get_buffer(a[0], view) || view->readonly) {
    clear_error();
    raise(&exc::TypeError, "%s() argument 'buffer' must be read-write bytes-like object, not %s", fname,
          type_name(a[0]));
    return false;
  }
  *size = 0;
  *flags = 0;
  if (a[1] && !index_as_i64(a[1], size, &exc::OverflowError)) return false;
  if (a[2] && !int_arg(a[2], flags)) return false;
  if (*size < 0) {
    raise(&exc::ValueError, "negative buffersize in %s", fname);
    return false;
  }
  if (*size == 0) *size = view->size;
  if (*size > view->size) {
    raise(&exc::ValueError, from ? "nbytes is greater than the length of the buffer" : "buffer too small for requested bytes");
    return false;
  }
  return true;
}

Value socket_recv_into(Value self, const Value* args, size_t nargs, Tuple* kw) {
  BufferView view;
  int64_t size;
  int flags;
  if (!recv_into_args("recv_into", args, nargs, kw, &view, &size, &flags)) return Value();
  auto* data = const_cast<uint8_t*>(view.data);
  ssize_t n = socket_call(as_socket(self), false, [&](int fd) { return recv(fd, data, size_t(size), flags); });
  if (n < 0) return Value();
  return Value::from_small_int(n);
}

Value socket_recvfrom_into(Value self, const Value* args, size_t nargs, Tuple* kw) {
  BufferView view;
  int64_t size;
  int flags;
  if (!recv_into_args("recvfrom_into", args, nargs, kw, &view, &size, &flags)) return Value();
  auto* data = const_cast<uint8_t*>(view.data);
  SockAddr addr;
  socklen_t len = 0;
  ssize_t n = socket_call(as_socket(self), false, [&](int fd) {
    len = sizeof(addr);
    std::memset(&addr, 0, sizeof(addr));
    return recvfrom(fd, data, size_t(size), flags, &addr.sa, &len);
  });
  if (n < 0) return Value();
  Value address = make_address(&addr, len);
  if (!address) return Value();
  return Value(tuple_pack({Value::from_small_int(n), address}));
}

bool send_args(const char* fname, const Value* args, size_t nargs, Tuple* kw, BufferView* view, int* flags) {
  if (!check_no_kwargs(fname, kw) || !check_tuple_nargs(fname, nargs, 1, 2)) return false;
  if (!get_buffer(args[0], view)) return false;
  *flags = 0;
  return nargs < 2 || int_arg(args[1], flags);
}

Value socket_send(Value self, const Value* args, size_t nargs, Tuple* kw) {
  BufferView view;
  int flags;
  if (!send_args("send", args, nargs, kw, &view, &flags)) return Value();
  ssize_t n = socket_call(as_socket(self), true,
                          [&](int fd) { return send(fd, view.data, size_t(view.size), flags | MSG_NOSIGNAL); });
  if (n < 0) return Value();
  return int_from_i64(n);
}

Value socket_sendall(Value self, const Value* args, size_t nargs, Tuple* kw) {
  BufferView view;
  int flags;
  if (!send_args("sendall", args, nargs, kw, &view, &flags)) return Value();
  SocketObject* s = as_socket(self);
  int fd = socket_fd(s);
  if (fd < 0) return Value();
  double timeout = s->timeout.load(std::memory_order_relaxed);
  double deadline = timeout > 0 ? monotonic_seconds() + timeout : 0;
  const uint8_t* p = view.data;
  size_t left = size_t(view.size);
  while (left > 0) {
    if (timeout > 0) {
      int r = wait_ready(fd, true, deadline);
      if (r < 0) return Value();
      if (r == 0) return raise_timeout();
    }
    ssize_t n;
    {
      BlockingRegion region;
      n = send(fd, p, left, flags | MSG_NOSIGNAL);
    }
    if (n < 0) {
      if (errno == EINTR || (timeout > 0 && (errno == EAGAIN || errno == EWOULDBLOCK))) {
        if (!run_pending()) return Value();
        continue;
      }
      return raise_os_error(errno);
    }
    p += n;
    left -= size_t(n);
    // Signal handlers run between chunks, so Ctrl-C interrupts a long sendall().
    if (!run_pending()) return Value();
  }
  return None();
}

Value socket_sendto(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sendto", kw)) return Value();
  if (nargs != 2 && nargs != 3)
    return raise(&exc::TypeError, "sendto() takes 2 or 3 arguments (%zd given)", ssize_t(nargs));
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  int flags = 0;
  if (nargs == 3 && !int_arg(args[1], &flags)) return Value();
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len = parse_address(s->family, args[nargs - 1], "sendto", &addr);
  if (len == socklen_t(-1)) return Value();
  ssize_t n = socket_call(s, true, [&](int fd) {
    return sendto(fd, view.data, size_t(view.size), flags | MSG_NOSIGNAL, &addr.sa, len);
  });
  if (n < 0) return Value();
  return int_from_i64(n);
}

// sendmsg(buffers[, ancdata[, flags[, address]]])
Value socket_sendmsg(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sendmsg", kw) || !check_tuple_nargs("sendmsg", nargs, 1, 4)) return Value();
  SocketObject* s = as_socket(self);
  Value buffers = tuple_from_iterable(args[0]);
  if (!buffers) return Value();
  std::vector<iovec> iov;
  for (Value b : *buffers.as<Tuple>()) {
    BufferView view;
    if (!get_buffer(b, &view)) return Value();
    iov.push_back({const_cast<uint8_t*>(view.data), size_t(view.size)});
  }
  std::string control;
  if (nargs > 1 && !is_none(args[1])) {
    Value items = tuple_from_iterable(args[1]);
    if (!items) return Value();
    for (Value item : *items.as<Tuple>()) {
      if (!is_tuple(item) || item.as<Tuple>()->size != 3)
        return raise(&exc::TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3");
      Tuple* t = item.as<Tuple>();
      int level, type;
      BufferView data;
      if (!int_arg(t->items[0], &level) || !int_arg(t->items[1], &type) || !get_buffer(t->items[2], &data))
        return Value();
      size_t offset = control.size();
      control.resize(offset + CMSG_SPACE(size_t(data.size)), '\0');
      auto* c = reinterpret_cast<cmsghdr*>(&control[offset]);
      c->cmsg_level = level;
      c->cmsg_type = type;
      c->cmsg_len = CMSG_LEN(size_t(data.size));
      std::memcpy(CMSG_DATA(c), data.data, size_t(data.size));
    }
  }
  int flags = 0;
  if (nargs > 2 && !int_arg(args[2], &flags)) return Value();
  SockAddr addr;
  socklen_t addr_len = 0;
  if (nargs > 3 && !is_none(args[3])) {
    addr_len = parse_address(s->family, args[3], "sendmsg", &addr);
    if (addr_len == socklen_t(-1)) return Value();
  }
  msghdr msg{};
  msg.msg_name = addr_len ? &addr : nullptr;
  msg.msg_namelen = addr_len;
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  msg.msg_control = control.empty() ? nullptr : control.data();
  msg.msg_controllen = control.size();
  ssize_t n = socket_call(s, true, [&](int fd) { return sendmsg(fd, &msg, flags | MSG_NOSIGNAL); });
  if (n < 0) return Value();
  return int_from_i64(n);
}

// recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)
Value socket_recvmsg(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("recvmsg", kw) || !check_tuple_nargs("recvmsg", nargs, 1, 3)) return Value();
  int64_t size, ancsize = 0;
  int flags = 0;
  if (!index_as_i64(args[0], &size, &exc::OverflowError)) return Value();
  if (size < 0) return raise(&exc::ValueError, "negative buffer size in recvmsg()");
  if (nargs > 1 && !index_as_i64(args[1], &ancsize, &exc::OverflowError)) return Value();
  if (ancsize < 0) return raise(&exc::ValueError, "negative ancillary buffer size in recvmsg()");
  if (nargs > 2 && !int_arg(args[2], &flags)) return Value();
  Bytes* b = bytes_alloc(size_t(size));
  std::string control(size_t(ancsize), '\0');
  SockAddr addr;
  msghdr msg{};
  iovec iov{b->data_ptr, size_t(size)};
  ssize_t n = socket_call(as_socket(self), false, [&](int fd) {
    std::memset(&addr, 0, sizeof(addr));
    msg = msghdr{};
    msg.msg_name = &addr;
    msg.msg_namelen = sizeof(addr);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ancsize ? control.data() : nullptr;
    msg.msg_controllen = size_t(ancsize);
    return recvmsg(fd, &msg, flags);
  });
  if (n < 0) return Value();
  List* ancdata = list_new();
  if (msg.msg_controllen > 0) {
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      const char* end = static_cast<const char*>(msg.msg_control) + msg.msg_controllen;
      const char* data = reinterpret_cast<const char*>(CMSG_DATA(c));
      size_t len = std::min<size_t>(c->cmsg_len - CMSG_LEN(0), size_t(end - data));
      list_append(ancdata, Value(tuple_pack({Value::from_small_int(c->cmsg_level), Value::from_small_int(c->cmsg_type),
                                             Value(bytes_new(data, len))})));
    }
  }
  Value address = make_address(&addr, msg.msg_namelen);
  if (!address) return Value();
  Value data = n == size ? Value(b) : Value(bytes_new(b->data_ptr, size_t(n)));
  return Value(tuple_pack({data, Value(ancdata), Value::from_small_int(msg.msg_flags), address}));
}

Value socket_shutdown(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("shutdown", kw) || !check_tuple_nargs("shutdown", nargs, 1, 1)) return Value();
  int how;
  if (!int_arg(args[0], &how)) return Value();
  int fd = socket_fd(as_socket(self));
  if (fd < 0) return Value();
  if (shutdown(fd, how) < 0) return raise_os_error(errno);
  return None();
}

Value socket_setsockopt(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setsockopt", kw)) return Value();
  if (nargs != 3 && nargs != 4)
    return raise(&exc::TypeError, "setsockopt() takes 3 or 4 arguments (%zd given)", ssize_t(nargs));
  int level, option;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &option)) return Value();
  int fd = socket_fd(as_socket(self));
  if (fd < 0) return Value();
  int r;
  if (nargs == 4) {
    if (!is_none(args[2])) return raise(&exc::TypeError, "setsockopt() argument 3 must be None when optlen is given");
    int64_t optlen;
    if (!index_as_i64(args[3], &optlen, &exc::OverflowError)) return Value();
    r = setsockopt(fd, level, option, nullptr, socklen_t(optlen));
  } else if (is_int(args[2])) {
    int flag;
    if (!int_arg(args[2], &flag)) return Value();
    r = setsockopt(fd, level, option, &flag, sizeof(flag));
  } else {
    BufferView view;
    if (!get_buffer(args[2], &view)) return Value();
    r = setsockopt(fd, level, option, view.data, socklen_t(view.size));
  }
  if (r < 0) return raise_os_error(errno);
  return None();
}

Value socket_getsockopt(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getsockopt", kw) || !check_tuple_nargs("getsockopt", nargs, 2, 3)) return Value();
  int level, option;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &option)) return Value();
  int fd = socket_fd(as_socket(self));
  if (fd < 0) return Value();
  if (nargs == 2) {
    int flag = 0;
    socklen_t len = sizeof(flag);
    if (getsockopt(fd, level, option, &flag, &len) < 0) return raise_os_error(errno);
    return Value::from_small_int(flag);
  }
  int buflen;
  if (!int_arg(args[2], &buflen)) return Value();
  if (buflen <= 0 || buflen > 1024) return raise(&exc::OSError, "getsockopt buflen out of range");
  std::string buf(size_t(buflen), '\0');
  socklen_t len = socklen_t(buflen);
  if (getsockopt(fd, level, option, buf.data(), &len) < 0) return raise_os_error(errno);
  return Value(bytes_new(buf.data(), len));
}

template <int (*Query)(int, sockaddr*, socklen_t*)>
Value socket_name(Value self) {
  int fd = socket_fd(as_socket(self));
  if (fd < 0) return Value();
  SockAddr addr;
  std::memset(&addr, 0, sizeof(addr));
  socklen_t len = sizeof(addr);
  if (Query(fd, &addr.sa, &len) < 0) return raise_os_error(errno);
  return make_address(&addr, len);
}

Value socket_getsockname(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getsockname", nargs, kw)) return Value();
  return socket_name<getsockname>(self);
}

Value socket_getpeername(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getpeername", nargs, kw)) return Value();
  return socket_name<getpeername>(self);
}

// Applies a timeout (seconds, negative: blocking) to the socket and its descriptor.
Value apply_timeout(SocketObject* s, double timeout) {
  s->timeout.store(timeout);
  int fd = s->fd.load();
  if (fd >= 0 && !set_os_blocking(fd, timeout < 0)) return Value();
  return None();
}

Value socket_setblocking(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setblocking", kw) || !check_tuple_nargs("setblocking", nargs, 1, 1)) return Value();
  int blocking = truthy(args[0]);
  if (blocking < 0) return Value();
  return apply_timeout(as_socket(self), blocking ? -1.0 : 0.0);
}

Value socket_getblocking(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getblocking", nargs, kw)) return Value();
  return Bool(as_socket(self)->timeout.load() != 0.0);
}

Value socket_settimeout(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("settimeout", kw) || !check_tuple_nargs("settimeout", nargs, 1, 1)) return Value();
  double timeout;
  if (!timeout_arg(args[0], &timeout)) return Value();
  return apply_timeout(as_socket(self), timeout);
}

Value timeout_value(double timeout) { return timeout < 0 ? None() : float_new(timeout); }

Value socket_gettimeout(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("gettimeout", nargs, kw)) return Value();
  return timeout_value(as_socket(self)->timeout.load());
}

Value socket_get_family(Value self) { return Value::from_small_int(as_socket(self)->family); }
Value socket_get_type(Value self) { return Value::from_small_int(as_socket(self)->type); }
Value socket_get_proto(Value self) { return Value::from_small_int(as_socket(self)->proto); }
Value socket_get_timeout(Value self) { return timeout_value(as_socket(self)->timeout.load()); }

const MethodDef socket_methods[] = {
    {"_accept", socket_accept, kMethodInstance, "Wait for an incoming connection: (fd, address)."},
    {"bind", socket_bind, kMethodInstance, "Bind the socket to a local address."},
    {"close", socket_close, kMethodInstance, "Close the socket."},
    {"connect", socket_connect_m, kMethodInstance, "Connect the socket to a remote address."},
    {"connect_ex", socket_connect_ex, kMethodInstance, "Like connect(address), but return an error code."},
    {"detach", socket_detach, kMethodInstance, "Close the socket object without closing the descriptor."},
    {"dup", socket_dup, kMethodInstance, "Duplicate the socket."},
    {"fileno", socket_fileno, kMethodInstance, "Return the integer file descriptor of the socket."},
    {"getblocking", socket_getblocking, kMethodInstance, "Whether the socket is in blocking mode."},
    {"getpeername", socket_getpeername, kMethodInstance, "Return the address of the remote endpoint."},
    {"getsockname", socket_getsockname, kMethodInstance, "Return the address of the local endpoint."},
    {"getsockopt", socket_getsockopt, kMethodInstance, "Get a socket option."},
    {"gettimeout", socket_gettimeout, kMethodInstance, "The timeout in seconds, or None."},
    {"listen", socket_listen, kMethodInstance, "Enable a server to accept connections."},
    {"recv", socket_recv, kMethodInstance, "Receive up to buffersize bytes from the socket."},
    {"recv_into", socket_recv_into, kMethodInstance, "Receive up to nbytes bytes into a buffer."},
    {"recvfrom", socket_recvfrom, kMethodInstance, "Like recv(buffersize, flags) but also return the sender's address."},
    {"recvfrom_into", socket_recvfrom_into, kMethodInstance, "Like recv_into but also return the sender's address."},
    {"send", socket_send, kMethodInstance, "Send a data string to the socket."},
    {"sendall", socket_sendall, kMethodInstance, "Send a data string to the socket, all of it."},
    {"sendto", socket_sendto, kMethodInstance, "Send data to the given address."},
    {"setblocking", socket_setblocking, kMethodInstance, "Set the socket to blocking or non-blocking mode."},
    {"setsockopt", socket_setsockopt, kMethodInstance, "Set a socket option."},
    {"settimeout", socket_settimeout, kMethodInstance, "Set a timeout on socket operations."},
    {"shutdown", socket_shutdown, kMethodInstance, "Shut down the reading side, writing side, or both."},
    {"recvmsg", socket_recvmsg, kMethodInstance, "Receive normal data and ancillary data."},
    {"sendmsg", socket_sendmsg, kMethodInstance, "Send normal and ancillary data."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef socket_getsets[] = {
    {"family", socket_get_family, nullptr, "the socket family"},
    {"type", socket_get_type, nullptr, "the socket type"},
    {"proto", socket_get_proto, nullptr, "the socket protocol"},
    {"timeout", socket_get_timeout, nullptr, "the socket timeout"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------------ module functions

Value mod_socketpair(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("socketpair", kw) || !check_tuple_nargs("socketpair", nargs, 0, 3)) return Value();
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if ((nargs > 0 && !int_arg(args[0], &family)) || (nargs > 1 && !int_arg(args[1], &type)) ||
      (nargs > 2 && !int_arg(args[2], &proto)))
    return Value();
  int fds[2];
  if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return raise_os_error(errno);
  SocketObject* a = new_socket_object(&socket_type);
  SocketObject* b = new_socket_object(&socket_type);
  if (!socket_setup(a, fds[0], family, type, proto) || !socket_setup(b, fds[1], family, type, proto)) {
    close(fds[0]);
    close(fds[1]);
    a->fd.store(-1);
    b->fd.store(-1);
    return Value();
  }
  return Value(tuple_pack({Value(a), Value(b)}));
}

bool fd_arg(Value v, int* fd) {
  if (!int_arg(v, fd)) return false;
  return true;
}

Value mod_dup(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dup", kw) || !check_positional("dup", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(errno);
  return Value::from_small_int(copy);
}

Value mod_close(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("close", kw) || !check_positional("close", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  if (close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return raise_os_error(errno);
  return None();
}

Value mod_getdefaulttimeout(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getdefaulttimeout", nargs, kw)) return Value();
  return timeout_value(default_timeout.load());
}

Value mod_setdefaulttimeout(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setdefaulttimeout", kw) || !check_positional("setdefaulttimeout", nargs, 1, 1)) return Value();
  double timeout;
  if (!timeout_arg(args[0], &timeout)) return Value();
  default_timeout.store(timeout);
  return None();
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
Value mod_getaddrinfo(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 2};
  Value a[6] = {};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  std::string host, port;
  bool have_host = !is_none(a[0]), have_port = !is_none(a[1]);
  if (have_host && !host_arg(a[0], &host)) {
    if (error_matches(&exc::TypeError) && !is_str(a[0]) && !is_bytes(a[0])) {
      clear_error();
      return raise(&exc::TypeError, "getaddrinfo() argument 1 must be string or None");
    }
    return Value();
  }
  if (is_int(a[1])) {
    port = cstr(int_to_decimal_str(a[1]));
  } else if (is_str(a[1])) {
    if (!str_to_utf8_strict(a[1].as<Str>(), &port)) return Value();
  } else if (is_bytes(a[1])) {
    port = std::string(a[1].as<Bytes>()->view());
  } else if (have_port) {
    return raise(&exc::OSError, "Int or String expected");
  }
  int family = 0, type = 0, proto = 0, flags = 0;
  if (!optional_int_arg(a[2], 0, &family) || !optional_int_arg(a[3], 0, &type) || !optional_int_arg(a[4], 0, &proto) ||
      !optional_int_arg(a[5], 0, &flags))
    return Value();
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_protocol = proto;
  hints.ai_flags = flags;
  int err = resolve_address(have_host ? host.c_str() : nullptr, have_port ? port.c_str() : nullptr, &hints, &res);
  if (err) return raise_gaierror(err);
  List* out = list_new();
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    SockAddr addr;
    std::memset(&addr, 0, sizeof(addr));
    std::memcpy(&addr, ai->ai_addr, std::min<size_t>(ai->ai_addrlen, sizeof(addr)));
    Value address = make_address(&addr, ai->ai_addrlen);
    if (!address) {
      freeaddrinfo(res);
      return Value();
    }
    const char* canon = ai->ai_canonname ? ai->ai_canonname : "";
    list_append(out, Value(tuple_pack({Value::from_small_int(ai->ai_family), Value::from_small_int(ai->ai_socktype),
                                       Value::from_small_int(ai->ai_protocol),
                                       Value(str_from_utf8(canon, std::strlen(canon))), address})));
  }
  freeaddrinfo(res);
  return Value(out);
}

// getnameinfo(sockaddr, flags) -> (host, port)
Value mod_getnameinfo(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getnameinfo", kw) || !check_positional("getnameinfo", nargs, 2, 2)) return Value();
  if (!is_tuple(args[0])) return raise(&exc::TypeError, "getnameinfo() argument 1 must be a tuple");
  Tuple* t = args[0].as<Tuple>();
  if (t->size < 2 || t->size > 4)
    return raise(&exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  int flags;
  if (!int_arg(args[1], &flags)) return Value();
  std::string host;
  if (!is_str(t->items[0])) return raise(&exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  if (!host_arg(t->items[0], &host)) return Value();
  int64_t port, flowinfo = 0, scope_id = 0;
  if (!index_as_i64(t->items[1], &port, &exc::OverflowError)) return Value();
  if (t->size > 2 && !index_as_i64(t->items[2], &flowinfo, &exc::OverflowError)) return Value();
  if (t->size > 3 && !index_as_i64(t->items[3], &scope_id, &exc::OverflowError)) return Value();
  if (flowinfo < 0 || flowinfo > 0xfffff) return raise(&exc::OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  std::string port_text = std::to_string(port);
  int err = resolve_address(host.c_str(), port_text.c_str(), &hints, &res);
  if (err) return raise_gaierror(err);
  if (res->ai_next) {
    freeaddrinfo(res);
    return raise(&exc::OSError, "sockaddr resolved to multiple addresses");
  }
  SockAddr addr;
  std::memset(&addr, 0, sizeof(addr));
  std::memcpy(&addr, res->ai_addr, std::min<size_t>(res->ai_addrlen, sizeof(addr)));
  socklen_t len = res->ai_addrlen;
  freeaddrinfo(res);
  if (addr.sa.sa_family == AF_INET) {
    if (t->size != 2) return raise(&exc::OSError, "IPv4 sockaddr must be 2 tuple");
  } else if (addr.sa.sa_family == AF_INET6) {
    addr.in6.sin6_flowinfo = htonl(uint32_t(flowinfo));
    addr.in6.sin6_scope_id = uint32_t(scope_id);
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  err = getnameinfo(&addr.sa, len, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf), flags);
  if (err) return raise_gaierror(err);
  return Value(tuple_pack({Value(str_from_utf8(hbuf, std::strlen(hbuf))), Value(str_from_utf8(sbuf, std::strlen(sbuf)))}));
}

Value mod_gethostname(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("gethostname", nargs, kw)) return Value();
  char buf[1024];
  if (gethostname(buf, sizeof(buf) - 1) < 0) return raise_os_error(errno);
  buf[sizeof(buf) - 1] = '\0';
  return Value(str_from_utf8_surrogateescape(buf, std::strlen(buf)));
}

Value mod_gethostbyname(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gethostbyname", kw) || !check_tuple_nargs("gethostbyname", nargs, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host)) return Value();
  SockAddr addr;
  if (resolve_host(host, AF_INET, &addr) == socklen_t(-1)) return Value();
  return ip_string(AF_INET, &addr.in4.sin_addr);
}

// The (hostname, aliaslist, ipaddrlist) triple of a hostent.
Value host_triple(const hostent* h, int family) {
  List* aliases = list_new();
  for (char** p = h->h_aliases; p && *p; p++) list_append(aliases, Value(str_from_utf8(*p, std::strlen(*p))));
  List* addrs = list_new();
  for (char** p = h->h_addr_list; p && *p; p++) {
    Value ip = ip_string(family, *p);
    if (!ip) return Value();
    list_append(addrs, ip);
  }
  return Value(tuple_pack({Value(str_from_utf8(h->h_name, std::strlen(h->h_name))), Value(aliases), Value(addrs)}));
}

// gethostbyname_r / gethostbyaddr_r with a growing buffer.
template <class F>
Value with_hostent(int family, F lookup) {
  std::vector<char> buf(16384);
  hostent entry, *result = nullptr;
  int herr = 0;
  for (;;) {
    int r = lookup(&entry, buf.data(), buf.size(), &result, &herr);
    if (r == ERANGE) {
      buf.resize(buf.size() * 2);
      continue;
    }
    break;
  }
  if (!result) return raise_herror(herr ? herr : HOST_NOT_FOUND);
  return host_triple(result, family);
}

Value mod_gethostbyname_ex(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gethostbyname_ex", kw) || !check_tuple_nargs("gethostbyname_ex", nargs, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host)) return Value();
  SockAddr addr;
  if (resolve_host(host, AF_INET, &addr) == socklen_t(-1)) return Value();
  return with_hostent(AF_INET, [&](hostent* e, char* b, size_t n, hostent** r, int* h) {
    return gethostbyname2_r(host.c_str(), AF_INET, e, b, n, r, h);
  });
}

Value mod_gethostbyaddr(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gethostbyaddr", kw) || !check_tuple_nargs("gethostbyaddr", nargs, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host)) return Value();
  SockAddr addr;
  if (resolve_host(host, AF_UNSPEC, &addr) == socklen_t(-1)) return Value();
  int family = addr.sa.sa_family;
  const void* raw = family == AF_INET6 ? static_cast<const void*>(&addr.in6.sin6_addr) : &addr.in4.sin_addr;
  socklen_t raw_len = family == AF_INET6 ? sizeof(in6_addr) : sizeof(in_addr);
  return with_hostent(family, [&](hostent* e, char* b, size_t n, hostent** r, int* h) {
    return gethostbyaddr_r(raw, raw_len, family, e, b, n, r, h);
  });
}

Value mod_getservbyname(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getservbyname", kw) || !check_tuple_nargs("getservbyname", nargs, 1, 2)) return Value();
  if (!is_str(args[0]) || (nargs > 1 && !is_str(args[1])))
    return raise(&exc::TypeError, "getservbyname() argument must be str, not %s",
                 type_name(!is_str(args[0]) ? args[0] : args[1]));
  std::string name = str_to_utf8(args[0].as<Str>());
  std::string proto = nargs > 1 ? str_to_utf8(args[1].as<Str>()) : "";
  servent entry, *result = nullptr;
  char buf[4096];
  getservbyname_r(name.c_str(), nargs > 1 ? proto.c_str() : nullptr, &entry, buf, sizeof(buf), &result);
  if (!result) return raise(&exc::OSError, "service/proto not found");
  return Value::from_small_int(ntohs(uint16_t(result->s_port)));
}

Value mod_getservbyport(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getservbyport", kw) || !check_tuple_nargs("getservbyport", nargs, 1, 2)) return Value();
  int port;
  if (!int_arg(args[0], &port)) return Value();
  if (port < 0 || port > 0xffff) return raise(&exc::OverflowError, "getservbyport: port must be 0-65535.");
  if (nargs > 1 && !is_str(args[1]))
    return raise(&exc::TypeError, "getservbyport() argument 2 must be str, not %s", type_name(args[1]));
  std::string proto = nargs > 1 ? str_to_utf8(args[1].as<Str>()) : "";
  servent entry, *result = nullptr;
  char buf[4096];
  getservbyport_r(htons(uint16_t(port)), nargs > 1 ? proto.c_str() : nullptr, &entry, buf, sizeof(buf), &result);
  if (!result) return raise(&exc::OSError, "port/proto not found");
  return Value(str_from_utf8(result->s_name, std::strlen(result->s_name)));
}

Value mod_getprotobyname(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getprotobyname", kw) || !check_tuple_nargs("getprotobyname", nargs, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "getprotobyname() argument must be str, not %s", type_name(args[0]));
  std::string name = str_to_utf8(args[0].as<Str>());
  protoent entry, *result = nullptr;
  char buf[4096];
  getprotobyname_r(name.c_str(), &entry, buf, sizeof(buf), &result);
  if (!result) return raise(&exc::OSError, "protocol not found");
  return Value::from_small_int(result->p_proto);
}

Value mod_inet_aton(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_aton", kw) || !check_tuple_nargs("inet_aton", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "inet_aton() argument 1 must be str, not %s", type_name(args[0]));
  std::string text = str_to_utf8(args[0].as<Str>());
  in_addr addr;
  if (text.find('\0') != std::string::npos || inet_aton(text.c_str(), &addr) == 0)
    return raise(&exc::OSError, "illegal IP address string passed to inet_aton");
  return Value(bytes_new(&addr, sizeof(addr)));
}

Value mod_inet_ntoa(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_ntoa", kw) || !check_positional("inet_ntoa", nargs, 1, 1)) return Value();
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  if (view.size != 4) return raise(&exc::OSError, "packed IP wrong length for inet_ntoa");
  return ip_string(AF_INET, view.data);
}

Value mod_inet_pton(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_pton", kw) || !check_tuple_nargs("inet_pton", nargs, 2, 2)) return Value();
  int family;
  if (!int_arg(args[0], &family)) return Value();
  if (!is_str(args[1])) return raise(&exc::TypeError, "inet_pton() argument 2 must be str, not %s", type_name(args[1]));
  std::string text = str_to_utf8(args[1].as<Str>());
  unsigned char packed[sizeof(in6_addr)];
  int r = inet_pton(family, text.c_str(), packed);
  if (r < 0) return raise_os_error(errno);
  if (r == 0) return raise(&exc::OSError, "illegal IP address string passed to inet_pton");
  return Value(bytes_new(packed, family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr)));
}

Value mod_inet_ntop(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_ntop", kw) || !check_positional("inet_ntop", nargs, 2, 2)) return Value();
  int family;
  if (!int_arg(args[0], &family)) return Value();
  BufferView view;
  if (!get_buffer(args[1], &view)) return Value();
  if (family == AF_INET) {
    if (view.size != sizeof(in_addr)) return raise(&exc::ValueError, "invalid length of packed IP address string");
  } else if (family == AF_INET6) {
    if (view.size != sizeof(in6_addr)) return raise(&exc::ValueError, "invalid length of packed IP address string");
  } else {
    return raise(&exc::ValueError, "unknown address family %d", family);
  }
  return ip_string(family, view.data);
}

// htons & co.: a non-negative int of at most `bits` bits, byte-swapped.
template <int Bits>
Value byte_order(const char* fname, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(fname, kw) || !check_positional(fname, nargs, 1, 1)) return Value();
  if (!is_int(args[0]))
    return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  uint64_t v;
  if (int_sign(args[0]) < 0) {
    if (Bits == 16) return raise(&exc::OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
    return raise(&exc::OverflowError, "can't convert negative value to unsigned int");
  }
  if (!int_to_u64(args[0], &v) || v > (Bits == 16 ? 0xffffull : 0xffffffffull)) {
    clear_error();
    if (Bits == 16) return raise(&exc::OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    return raise(&exc::OverflowError, "int larger than 32 bits");
  }
  return int_from_u64(Bits == 16 ? uint64_t(htons(uint16_t(v))) : uint64_t(htonl(uint32_t(v))));
}

Value mod_htons(Value, const Value* a, size_t n, Tuple* kw) { return byte_order<16>("htons", a, n, kw); }
Value mod_ntohs(Value, const Value* a, size_t n, Tuple* kw) { return byte_order<16>("ntohs", a, n, kw); }
Value mod_htonl(Value, const Value* a, size_t n, Tuple* kw) { return byte_order<32>("htonl", a, n, kw); }
Value mod_ntohl(Value, const Value* a, size_t n, Tuple* kw) { return byte_order<32>("ntohl", a, n, kw); }

// CMSG_LEN / CMSG_SPACE of `length` data bytes: lengths up to INT_MAX (the
// socklen_t limit on Linux) less `Overhead`, as CPython accepts.
template <size_t (*Size)(size_t), size_t Overhead>
Value cmsg_size(const char* fname, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(fname, kw) || !check_tuple_nargs(fname, nargs, 1, 1)) return Value();
  int64_t n;
  if (!index_as_i64(args[0], &n, &exc::OverflowError)) return Value();
  if (n < 0 || uint64_t(n) > INT_MAX - Overhead)
    return raise(&exc::OverflowError, "%s() argument out of range", fname);
  return int_from_u64(Size(size_t(n)));
}

size_t cmsg_len(size_t n) { return CMSG_LEN(n); }
size_t cmsg_space(size_t n) { return CMSG_SPACE(n); }
Value mod_cmsg_len(Value, const Value* a, size_t n, Tuple* kw) { return cmsg_size<cmsg_len, CMSG_LEN(0)>("CMSG_LEN", a, n, kw); }
Value mod_cmsg_space(Value, const Value* a, size_t n, Tuple* kw) { return cmsg_size<cmsg_space, CMSG_SPACE(1)>("CMSG_SPACE", a, n, kw); }

Value mod_if_nametoindex(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("if_nametoindex", kw) || !check_positional("if_nametoindex", nargs, 1, 1)) return Value();
  if (!is_str(args[0]) && !is_bytes(args[0]))
    return raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(args[0]));
  std::string name = is_str(args[0]) ? str_to_utf8_surrogateescape(args[0].as<Str>())
                                     : std::string(args[0].as<Bytes>()->view());
  unsigned index = if_nametoindex(name.c_str());
  if (index == 0) return raise(&exc::OSError, "no interface with this name");
  return int_from_u64(index);
}

Value mod_if_indextoname(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("if_indextoname", kw) || !check_positional("if_indextoname", nargs, 1, 1)) return Value();
  if (!is_int(args[0]))
    return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  uint64_t index;
  if (!int_to_u64(args[0], &index) || index > UINT_MAX) {
    clear_error();
    return raise(&exc::OverflowError, "index is too large");
  }
  char name[IF_NAMESIZE + 1];
  if (!if_indextoname(unsigned(index), name)) return raise_os_error(errno);
  return Value(str_from_utf8_surrogateescape(name, std::strlen(name)));
}

Value mod_if_nameindex(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("if_nameindex", nargs, kw)) return Value();
  struct if_nameindex* ni = if_nameindex();
  if (!ni) return raise_os_error(errno);
  List* out = list_new();
  for (struct if_nameindex* p = ni; p->if_index != 0; p++)
    list_append(out, Value(tuple_pack({int_from_u64(p->if_index),
                                       Value(str_from_utf8_surrogateescape(p->if_name, std::strlen(p->if_name)))})));
  if_freenameindex(ni);
  return Value(out);
}

const MethodDef socket_module_methods[] = {
    {"CMSG_LEN", mod_cmsg_len, kMethodStatic, "Ancillary data item length for `length` bytes of data."},
    {"CMSG_SPACE", mod_cmsg_space, kMethodStatic, "Buffer size for an ancillary data item of `length` bytes."},
    {"close", mod_close, kMethodStatic, "Close an integer socket file descriptor."},
    {"dup", mod_dup, kMethodStatic, "Duplicate an integer socket file descriptor."},
    {"getaddrinfo", mod_getaddrinfo, kMethodStatic, "Resolve host and port into addrinfo structs."},
    {"getdefaulttimeout", mod_getdefaulttimeout, kMethodStatic, "The default timeout for new sockets."},
    {"gethostbyaddr", mod_gethostbyaddr, kMethodStatic, "Return the host name of an IP address."},
    {"gethostbyname", mod_gethostbyname, kMethodStatic, "Return the IP address of a host."},
    {"gethostbyname_ex", mod_gethostbyname_ex, kMethodStatic, "Return (name, aliaslist, addresslist) for a host."},
    {"gethostname", mod_gethostname, kMethodStatic, "Return the current host name."},
    {"getnameinfo", mod_getnameinfo, kMethodStatic, "Get host and port for a sockaddr."},
    {"getprotobyname", mod_getprotobyname, kMethodStatic, "Return the protocol number for a protocol name."},
    {"getservbyname", mod_getservbyname, kMethodStatic, "Return a port number from a service name."},
    {"getservbyport", mod_getservbyport, kMethodStatic, "Return the service name from a port number."},
    {"htonl", mod_htonl, kMethodStatic, "Convert a 32-bit integer from host to network byte order."},
    {"htons", mod_htons, kMethodStatic, "Convert a 16-bit integer from host to network byte order."},
    {"if_indextoname", mod_if_indextoname, kMethodStatic, "Interface name for an interface index."},
    {"if_nameindex", mod_if_nameindex, kMethodStatic, "List of (index, name) of the network interfaces."},
    {"if_nametoindex", mod_if_nametoindex, kMethodStatic, "Interface index for an interface name."},
    {"inet_aton", mod_inet_aton, kMethodStatic, "Convert an IPv4 address string to 32-bit packed format."},
    {"inet_ntoa", mod_inet_ntoa, kMethodStatic, "Convert a 32-bit packed IPv4 address to a string."},
    {"inet_ntop", mod_inet_ntop, kMethodStatic, "Convert a packed IP address to its string form."},
    {"inet_pton", mod_inet_pton, kMethodStatic, "Convert an IP address string to its packed form."},
    {"ntohl", mod_ntohl, kMethodStatic, "Convert a 32-bit integer from network to host byte order."},
    {"ntohs", mod_ntohs, kMethodStatic, "Convert a 16-bit integer from network to host byte order."},
    {"setdefaulttimeout", mod_setdefaulttimeout, kMethodStatic, "Set the default timeout for new sockets."},
    {"socketpair", mod_socketpair, kMethodStatic, "Create a pair of connected socket objects."},
    {nullptr, nullptr, 0, nullptr},
};

Type* new_exception_class(const char* name, Type* base) {
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("socket")));
  Value cls = type_new_impl(&type_type, intern_cstr(name), tuple_pack({Value(base)}), ns, nullptr);
  return cls ? cls.as<Type>() : nullptr;
}

#define C(name) {#name, name}
struct Constant {
  const char* name;
  long value;
};
const Constant socket_constants[] = {
    C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX), C(AF_NETLINK), C(AF_PACKET), C(AF_APPLETALK), C(AF_BRIDGE),
    C(AF_IPX), C(AF_IRDA), C(AF_KEY), C(AF_LLC), C(AF_ROUTE), C(AF_SNA), C(AF_X25), C(AF_AX25), C(AF_NETROM),
    C(AF_ROSE), C(AF_SECURITY), C(AF_PPPOX), C(AF_WANPIPE), C(AF_ATMPVC), C(AF_ATMSVC), C(AF_ECONET), C(AF_ASH),
    C(AF_NETBEUI), C(AF_CAN), C(AF_RDS), C(AF_TIPC), C(AF_ALG), C(AF_VSOCK), C(AF_QIPCRTR),
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET), C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
    C(SOL_SOCKET), C(SOL_IP), C(SOL_TCP), {"SOL_UDP", IPPROTO_UDP},
    C(SO_DEBUG), C(SO_ACCEPTCONN), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE), C(SO_DONTROUTE),
    C(SO_BROADCAST), C(SO_LINGER), C(SO_OOBINLINE), C(SO_SNDBUF), C(SO_RCVBUF), C(SO_SNDLOWAT), C(SO_RCVLOWAT),
    C(SO_SNDTIMEO), C(SO_RCVTIMEO), C(SO_ERROR), C(SO_TYPE), C(SO_PASSCRED), C(SO_PEERCRED), C(SO_PASSSEC),
    C(SO_PEERSEC), C(SO_BINDTODEVICE), C(SO_PRIORITY), C(SO_MARK), C(SO_DOMAIN), C(SO_PROTOCOL), C(SO_INCOMING_CPU),
    C(SCM_RIGHTS), C(SCM_CREDENTIALS), C(SOMAXCONN),
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC), C(MSG_CTRUNC),
    C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_CONFIRM), C(MSG_ERRQUEUE), C(MSG_MORE),
    C(MSG_FASTOPEN),
    C(IPPROTO_IP), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP), C(IPPROTO_TCP),
    C(IPPROTO_EGP), C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP), C(IPPROTO_TP), C(IPPROTO_IPV6),
    C(IPPROTO_ROUTING), C(IPPROTO_FRAGMENT), C(IPPROTO_RSVP), C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH),
    C(IPPROTO_ICMPV6), C(IPPROTO_NONE), C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP), C(IPPROTO_UDPLITE),
    C(IPPROTO_MPTCP), C(IPPROTO_RAW),
    {"IPPORT_RESERVED", 1024}, {"IPPORT_USERRESERVED", 5000},
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_UNSPEC_GROUP), C(INADDR_ALLHOSTS_GROUP),
    C(INADDR_MAX_LOCAL_GROUP), C(INADDR_NONE),
    C(IP_TOS), C(IP_TTL), C(IP_HDRINCL), C(IP_OPTIONS), C(IP_RECVOPTS), C(IP_RECVRETOPTS), C(IP_RETOPTS),
    C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP),
    C(IP_DEFAULT_MULTICAST_TTL), C(IP_DEFAULT_MULTICAST_LOOP), C(IP_MAX_MEMBERSHIPS), C(IP_TRANSPARENT),
    C(IP_RECVTOS), C(IP_BIND_ADDRESS_NO_PORT),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF), C(IPV6_MULTICAST_LOOP),
    C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM), C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT),
    C(IPV6_HOPOPTS), C(IPV6_NEXTHOP), C(IPV6_PATHMTU), C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT),
    C(IPV6_RECVHOPOPTS), C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS), C(IPV6_RTHDR),
    C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU), C(IPV6_TCLASS),
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_KEEPCNT), C(TCP_SYNCNT),
    C(TCP_LINGER2), C(TCP_DEFER_ACCEPT), C(TCP_WINDOW_CLAMP), C(TCP_INFO), C(TCP_QUICKACK), C(TCP_FASTOPEN),
    C(TCP_CONGESTION), C(TCP_USER_TIMEOUT), C(TCP_NOTSENT_LOWAT),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NODATA),
    C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED), C(AI_ALL),
    C(AI_ADDRCONFIG),
    C(NI_MAXHOST), C(NI_MAXSERV), C(NI_NOFQDN), C(NI_NUMERICHOST), C(NI_NAMEREQD), C(NI_NUMERICSERV), C(NI_DGRAM),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
};
#undef C

bool socket_init_module(Module* m) {
  if (!socket_type.native_name) {
    socket_type.native_name = "_socket.socket";
    socket_type.doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object";
    socket_type.flags = kTypeBaseType | kTypeHasFinalizer;
    socket_type.instance_size = sizeof(SocketObject);
    socket_type.new_ = socket_new;
    socket_type.init = socket_init;
    socket_type.repr = socket_repr;
    socket_type.finalize = socket_finalize;
    socket_type.methods = socket_methods;
    socket_type.getsets = socket_getsets;
    type_ready(&socket_type);
    gaierror_type = new_exception_class("gaierror", &exc::OSError);
    herror_type = new_exception_class("herror", &exc::OSError);
    if (!gaierror_type || !herror_type) return false;
  }
  if (module_add(m, "socket", Value(&socket_type)) < 0 || module_add(m, "SocketType", Value(&socket_type)) < 0 ||
      module_add(m, "error", Value(&exc::OSError)) < 0 || module_add(m, "timeout", Value(&exc::TimeoutError)) < 0 ||
      module_add(m, "gaierror", Value(gaierror_type)) < 0 || module_add(m, "herror", Value(herror_type)) < 0 ||
      module_add(m, "has_ipv6", True()) < 0)
    return false;
  for (const Constant& c : socket_constants)
    if (module_add(m, c.name, int_from_i64(c.value)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef socket_native_module = {"_socket", "Implementation module for socket operations.",
                                               socket_module_methods, socket_init_module};

}  // namespace spindle
