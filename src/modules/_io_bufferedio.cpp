// _io.BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair.
//
// One buffer serves reading and writing. Positions in it, as in CPython:
//   pos       the logical stream position
//   raw_pos   where the raw stream's position is (-1: unknown)
//   read_end  end of valid read data (-1: none)
//   [write_pos, write_end)  data not written to the raw stream yet (write_end -1: none)
//   abs_pos   the raw stream's absolute position (-1: unknown)
// Every operation holds the object's IOLock, including while it calls the raw
// stream; a raw FileIO is driven with direct system calls.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/gc.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle::io {

Type buffered_reader_type, buffered_writer_type, buffered_random_type, buffered_rwpair_type;

namespace {

struct Buffered : IOBase {
  IOLock lock;
  Value raw;
  bool ok, detached, readable, writable;
  bool raw_is_fileio;  // raw is an exact FileIO: read and write with system calls
  int64_t buffer_size;
  uint8_t* buffer;  // pointer-free block of buffer_size bytes
  int64_t pos, raw_pos, read_end, write_pos, write_end, abs_pos;
};

Buffered* as_buffered(Value self) { return self.as<Buffered>(); }

// ------------------------------------------------------------------ state helpers

bool valid_read(const Buffered* b) { return b->readable && b->read_end != -1; }
bool valid_write(const Buffered* b) { return b->writable && b->write_end != -1; }
int64_t readahead(const Buffered* b) { return valid_read(b) ? b->read_end - b->pos : 0; }
int64_t raw_offset(const Buffered* b) {
  return (valid_read(b) || valid_write(b)) && b->raw_pos >= 0 ? b->raw_pos - b->pos : 0;
}
void adjust_position(Buffered* b, int64_t npos) {
  b->pos = npos;
  if (valid_read(b) && b->read_end < b->pos) b->read_end = b->pos;
}
void reset_read_buf(Buffered* b) { b->read_end = -1; }
void reset_write_buf(Buffered* b) {
  b->write_pos = 0;
  b->write_end = -1;
}

bool check_initialized(Buffered* b) {
  if (b->ok) return true;
  raise(&exc::ValueError, b->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
  return false;
}

// Whether the raw stream is closed: 1, 0, -1 on error.
int raw_closed(Buffered* b) {
  if (b->raw_is_fileio) return b->raw.as<FileIO>()->fd.load() < 0;
  return is_closed(b->raw);
}

// CPython's CHECK_CLOSED: an error only when closed with nothing left to read.
bool check_closed_buffered(Buffered* b, const char* msg) {
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c && readahead(b) == 0) {
    raise(&exc::ValueError, "%s", msg);
    return false;
  }
  return true;
}

int64_t raw_tell_locked(Buffered* b) {
  Value r = call_method0(b->raw, ids::tell);
  if (!r) return -1;
  int64_t n;
  if (!index_as_i64(r, &n, &exc::OverflowError)) return -1;
  if (n < 0) {
    raise(&exc::OSError, "Raw stream returned invalid position %lld", (long long)n);
    return -1;
  }
  b->abs_pos = n;
  return n;
}

int64_t raw_tell_cached(Buffered* b) { return b->abs_pos != -1 ? b->abs_pos : raw_tell_locked(b); }

int64_t raw_seek_locked(Buffered* b, int64_t target, int whence) {
  Value args[2] = {int_from_i64(target), Value::from_small_int(whence)};
  Value r = call_method(b->raw, ids::seek, args, 2);
  if (!r) return -1;
  int64_t n;
  if (!index_as_i64(r, &n, &exc::OverflowError)) return -1;
  if (n < 0) {
    raise(&exc::OSError, "Raw stream returned invalid position %lld", (long long)n);
    return -1;
  }
  b->abs_pos = n;
  return n;
}

// raw.readinto into buf: bytes read, 0 at EOF, -2 if it would block, -1 on error.
int64_t raw_read_locked(Buffered* b, uint8_t* buf, int64_t len) {
  int64_t n;
  if (b->raw_is_fileio) {
    n = fileio_readinto(b->raw, buf, size_t(len));
    if (n < 0) return n;
  } else {
    std::string zeros(size_t(len), '\0');
    Value chunk(bytearray_new(zeros.data(), zeros.size()));
    Value r = call_method1(b->raw, ids::readinto, chunk);
    if (!r) return -1;
    if (is_none(r)) return -2;
    if (!index_as_i64(r, &n, &exc::ValueError)) return -1;
    if (n < 0 || n > len) {
      raise(&exc::OSError, "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
            (long long)n, (long long)len);
      return -1;
    }
    BufferView view;
    if (!get_buffer(chunk, &view)) return -1;
    std::memcpy(buf, view.data, size_t(std::min<int64_t>(n, view.size)));
  }
  if (n > 0 && b->abs_pos != -1) b->abs_pos += n;
  return n;
}

// raw.write of buf: bytes written, -2 if it would block, -1 on error.
int64_t raw_write_locked(Buffered* b, const uint8_t* buf, int64_t len) {
  int64_t n;
  if (b->raw_is_fileio) {
    n = fileio_write(b->raw, buf, size_t(len));
    if (n < 0) return n;
  } else {
    Value r = call_method1(b->raw, ids::write, Value(bytes_new(buf, size_t(len))));
    if (!r) return -1;
    if (is_none(r)) return -2;
    if (!index_as_i64(r, &n, &exc::ValueError)) return -1;
    if (n < 0 || n > len) {
      raise(&exc::OSError, "raw write() returned invalid length %lld (should have been between 0 and %lld)",
            (long long)n, (long long)len);
      return -1;
    }
  }
  if (n > 0 && b->abs_pos != -1) b->abs_pos += n;
  return n;
}

int64_t fill_buffer_locked(Buffered* b) {
  int64_t start = valid_read(b) ? b->read_end : 0;
  int64_t n = raw_read_locked(b, b->buffer + start, b->buffer_size - start);
  if (n <= 0) return n;
  b->read_end = start + n;
  b->raw_pos = start + n;
  return n;
}

// Writes the dirty part of the buffer to the raw stream.
bool flush_locked(Buffered* b) {
  if (valid_write(b) && b->write_pos != b->write_end) {
    int64_t rewind = raw_offset(b) + (b->pos - b->write_pos);
    if (rewind != 0) {
      if (raw_seek_locked(b, -rewind, 1) < 0) return false;
      b->raw_pos -= rewind;
    }
    while (b->write_pos < b->write_end) {
      int64_t n = raw_write_locked(b, b->buffer + b->write_pos, b->write_end - b->write_pos);
      if (n == -1) return false;
      if (n == -2) {
        raise_blocking("write could not complete without blocking", 0);
        return false;
      }
      b->write_pos += n;
      b->raw_pos = b->write_pos;
    }
  }
  reset_write_buf(b);
  return true;
}

// Flushes, then moves the raw stream back to the logical position.
bool flush_and_rewind_locked(Buffered* b) {
  if (!flush_locked(b)) return false;
  if (b->readable) {
    if (raw_seek_locked(b, -raw_offset(b), 1) < 0) return false;
    reset_read_buf(b);
  }
  return true;
}

Value read_fast_locked(Buffered* b, int64_t n) {
  if (n > readahead(b)) return Value();
  Value r(bytes_new(b->buffer + b->pos, size_t(n)));
  b->pos += n;
  return r;
}

int64_t minus_last_block(const Buffered* b, int64_t size) { return b->buffer_size * (size / b->buffer_size); }

Value read_generic_locked(Buffered* b, int64_t n) {
  int64_t current = readahead(b);
  if (n <= current) return read_fast_locked(b, n);
  std::string out(size_t(n), '\0');
  auto* dst = reinterpret_cast<uint8_t*>(out.data());
  int64_t remaining = n, written = 0;
  if (current > 0) {
    std::memcpy(dst, b->buffer + b->pos, size_t(current));
    remaining -= current;
    written += current;
    b->pos += current;
  }
  if (b->writable && !flush_and_rewind_locked(b)) return Value();
  reset_read_buf(b);
  auto finish = [&](int64_t r) -> Value {
    // EOF (r == 0) or "would block" (r == -2): what was read, or None if nothing.
    if (r == 0 || written > 0) return Value(bytes_new(dst, size_t(written)));
    return None();
  };
  while (remaining > 0) {
    // Large remainders go straight into the result.
    int64_t r = minus_last_block(b, remaining);
    if (r == 0) break;
    r = raw_read_locked(b, dst + written, r);
    if (r == -1) return Value();
    if (r == 0 || r == -2) return finish(r);
    remaining -= r;
    written += r;
  }
  b->pos = 0;
  b->raw_pos = 0;
  b->read_end = 0;
  // Stop as soon as the request is satisfied, so a read never blocks for more than needed.
  while (remaining > 0 && b->read_end < b->buffer_size) {
    int64_t r = fill_buffer_locked(b);
    if (r == -1) return Value();
    if (r == 0 || r == -2) return finish(r);
    int64_t take = std::min(remaining, r);
    std::memcpy(dst + written, b->buffer + b->pos, size_t(take));
    written += take;
    b->pos += take;
    remaining -= take;
  }
  return Value(bytes_new(dst, size_t(written)));
}

Value read_all_locked(Buffered* b) {
  std::string data;
  int64_t current = readahead(b);
  if (current > 0) {
    data.assign(reinterpret_cast<const char*>(b->buffer + b->pos), size_t(current));
    b->pos += current;
  }
  if (b->writable && !flush_and_rewind_locked(b)) return Value();
  reset_read_buf(b);
  Value readall = b->raw_is_fileio ? Value() : lookup_attr(b->raw, ids::readall);
  if (!readall && error_occurred()) return Value();
  if (readall || b->raw_is_fileio) {
    Value tmp = readall ? call0(readall) : call_method0(b->raw, ids::readall);
    if (!tmp) return Value();
    if (!is_none(tmp) && !is_bytes(tmp)) return raise(&exc::TypeError, "readall() should return bytes");
    if (data.empty()) return tmp;
    if (is_none(tmp)) return Value(bytes_new(data.data(), data.size()));
    data.append(tmp.as<Bytes>()->view());
    return Value(bytes_new(data.data(), data.size()));
  }
  for (;;) {
    Value chunk = call_method0(b->raw, ids::read);
    if (!chunk) return Value();
    if (!is_none(chunk) && !is_bytes(chunk)) return raise(&exc::TypeError, "read() should return bytes");
    if (is_none(chunk) || chunk.as<Bytes>()->size == 0) {
      if (data.empty()) return chunk;
      return Value(bytes_new(data.data(), data.size()));
    }
    int64_t n = chunk.as<Bytes>()->size;
    if (b->abs_pos != -1) b->abs_pos += n;
    data.append(chunk.as<Bytes>()->view());
  }
}

Value peek_locked(Buffered* b) {
  int64_t have = readahead(b);
  if (have > 0) return Value(bytes_new(b->buffer + b->pos, size_t(have)));
  reset_read_buf(b);
  int64_t r = fill_buffer_locked(b);
  if (r == -1) return Value();
  if (r == -2) r = 0;
  b->pos = 0;
  return Value(bytes_new(b->buffer, size_t(r)));
}

Value readline_locked(Buffered* b, int64_t limit) {
  int64_t n = readahead(b);
  if (limit >= 0 && n > limit) n = limit;
  const uint8_t* start = b->buffer + b->pos;
  if (n > 0) {
    if (auto* nl = static_cast<const uint8_t*>(std::memchr(start, '\n', size_t(n)))) {
      int64_t len = nl - start + 1;
      Value r(bytes_new(start, size_t(len)));
      b->pos += len;
      return r;
    }
  }
  if (n == limit) {
    Value r(bytes_new(start, size_t(n)));
    b->pos += n;
    return r;
  }
  std::string line;
  if (n > 0) {
    line.assign(reinterpret_cast<const char*>(start), size_t(n));
    b->pos += n;
    if (limit >= 0) limit -= n;
  }
  if (b->writable && !flush_and_rewind_locked(b)) return Value();
  for (;;) {
    reset_read_buf(b);
    int64_t r = fill_buffer_locked(b);
    if (r == -1) return Value();
    if (r <= 0) break;
    if (limit >= 0 && r > limit) r = limit;
    const uint8_t* p = b->buffer;
    if (auto* nl = static_cast<const uint8_t*>(std::memchr(p, '\n', size_t(r)))) {
      int64_t len = nl - p + 1;
      line.append(reinterpret_cast<const char*>(p), size_t(len));
      b->pos = len;
      break;
    }
    line.append(reinterpret_cast<const char*>(p), size_t(r));
    if (r == limit) {
      b->pos = r;
      break;
    }
    if (limit >= 0) limit -= r;
  }
  return Value(bytes_new(line.data(), line.size()));
}

}  // namespace

int buffered_closed_fast(Value buffer) {
  Type* t = type_of(buffer);
  if (t != &buffered_reader_type && t != &buffered_writer_type && t != &buffered_random_type) return -1;
  Buffered* b = as_buffered(buffer);
  if (!b->ok || !b->raw_is_fileio) return -1;
  return b->raw.as<FileIO>()->fd.load() < 0;
}

namespace {

// ------------------------------------------------------------------ construction

Value buffered_new(Type* type, const Value*, size_t, Tuple*) {
  auto* b = alloc_instance<Buffered>(type);
  new (&b->lock.mutex) Mutex();
  b->abs_pos = -1;
  b->read_end = -1;
  b->write_end = -1;
  return Value(b);
}

// The parts of __init__ shared by the three classes, once the capabilities are checked.
bool buffered_setup(Buffered* b, Value raw, int64_t buffer_size, bool readable, bool writable) {
  if (buffer_size <= 0) {
    raise(&exc::ValueError, "buffer size must be strictly positive");
    return false;
  }
  if (b->raw && b->raw != raw && b->raw.is_object()) b->raw.as<IOBase>()->owned.store(false);
  b->raw = raw;
  b->raw_is_fileio = is_type(raw, &fileio_type);
  if (is_instance_of(raw, &iobase_type)) raw.as<IOBase>()->owned.store(true);
  b->buffer_size = buffer_size;
  b->readable = readable;
  b->writable = writable;
  b->buffer = static_cast<uint8_t*>(gc::alloc_atomic(size_t(buffer_size)));
  b->abs_pos = -1;
  b->raw_pos = 0;
  if (raw_tell_locked(b) == -1) clear_error();
  reset_read_buf(b);
  reset_write_buf(b);
  b->pos = 0;
  b->closed.store(false);
  if (writable) track_for_exit_flush(Value(b), false);
  return true;
}

int buffered_init_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const ArgSpec& spec,
                         bool readable, bool writable) {
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  Buffered* b = as_buffered(self);
  b->ok = false;
  b->detached = false;
  Value raw = a[0];
  if (readable && writable && !check_seekable(raw)) return -1;
  if (readable && !check_readable(raw)) return -1;
  if (writable && !check_writable(raw)) return -1;
  int64_t size = kDefaultBufferSize;
  if (a[1] && !index_as_i64(a[1], &size, &exc::OverflowError)) return -1;
  LockScope scope(b->lock, self);
  if (!scope.held()) return -1;
  if (!buffered_setup(b, raw, size, readable, writable)) return -1;
  b->ok = true;
  return 0;
}

int reader_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"BufferedReader", {"raw", "buffer_size"}, 1};
  return buffered_init_common(self, args, nargs, kwnames, spec, true, false);
}
int writer_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"BufferedWriter", {"raw", "buffer_size"}, 1};
  return buffered_init_common(self, args, nargs, kwnames, spec, false, true);
}
int random_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"BufferedRandom", {"raw", "buffer_size"}, 1};
  return buffered_init_common(self, args, nargs, kwnames, spec, true, true);
}

// ------------------------------------------------------------------ methods

#define CHECK_INIT(b) \
  if (!check_initialized(b)) return Value()

Value buffered_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  int64_t n;
  if (!size_arg(a[0], -1, &n)) return Value();
  if (n < -1) return raise(&exc::ValueError, "read length must be non-negative or -1");
  if (!check_closed_buffered(b, "read of closed file")) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  if (n == -1) return read_all_locked(b);
  return read_generic_locked(b, n);
}

Value buffered_read1(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read1", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  int64_t n;
  if (!size_arg(a[0], -1, &n)) return Value();
  if (n < 0) n = b->buffer_size;
  if (!check_closed_buffered(b, "read of closed file")) return Value();
  if (n == 0) return Value(bytes_empty());
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  // Buffered bytes if there are any, else one raw read. (As in CPython 3.11,
  // pending writes are not flushed first.)
  int64_t have = readahead(b);
  if (have > 0) return read_fast_locked(b, std::min(have, n));
  reset_read_buf(b);
  std::string out(size_t(n), '\0');
  int64_t r = raw_read_locked(b, reinterpret_cast<uint8_t*>(out.data()), n);
  if (r == -1) return Value();
  if (r == -2) r = 0;
  return Value(bytes_new(out.data(), size_t(r)));
}

Value readinto_generic(Value self, const Value* args, size_t nargs, Tuple* kwnames, bool one) {
  const char* fn = one ? "readinto1" : "readinto";
  if (!check_no_kwargs(fn, kwnames) || !check_nargs(fn, nargs, 1, 1)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  BufferView view;
  if (!writable_buffer(args[0], fn, &view)) return Value();
  auto* dst = const_cast<uint8_t*>(view.data);
  int64_t len = view.size;
  if (!check_closed_buffered(b, "readinto of closed file")) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  int64_t written = 0;
  int64_t have = readahead(b);
  if (have > 0) {
    if (have >= len) {
      std::memcpy(dst, b->buffer + b->pos, size_t(len));
      b->pos += len;
      return int_from_i64(len);
    }
    std::memcpy(dst, b->buffer + b->pos, size_t(have));
    b->pos += have;
    written = have;
  }
  if (b->writable && !flush_and_rewind_locked(b)) return Value();
  reset_read_buf(b);
  b->pos = 0;
  for (int64_t remaining = len - written; remaining > 0;) {
    int64_t n;
    if (remaining > b->buffer_size) {
      n = raw_read_locked(b, dst + written, remaining);
    } else if (!(one && written)) {
      // Fill the buffer and copy from it (readinto1 does not refill once it has data).
      n = fill_buffer_locked(b);
      if (n > 0) {
        if (n > remaining) n = remaining;
        std::memcpy(dst + written, b->buffer + b->pos, size_t(n));
        b->pos += n;
        written += n;
        remaining -= n;
        continue;
      }
    } else {
      n = 0;
    }
    if (n == 0 || (n == -2 && written > 0)) break;
    if (n < 0) return n == -2 ? None() : Value();
    written += n;
    remaining -= n;
    if (one) break;
  }
  return int_from_i64(written);
}

Value buffered_readinto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return readinto_generic(self, args, nargs, kwnames, false);
}
Value buffered_readinto1(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return readinto_generic(self, args, nargs, kwnames, true);
}

Value buffered_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  int64_t limit;
  if (!size_arg(a[0], -1, &limit)) return Value();
  if (!check_closed_buffered(b, "readline of closed file")) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  return readline_locked(b, limit);
}

Value buffered_peek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"peek", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  if (!check_closed_buffered(b, "peek of closed file")) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  if (b->writable && !flush_and_rewind_locked(b)) return Value();
  return peek_locked(b);
}

Value buffered_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  BufferView view;
  if (!get_buffer(args[0], &view)) return Value();
  const uint8_t* data = view.data;
  int64_t len = view.size;
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  // Checked under the lock: another thread may be closing the file.
  int c = raw_closed(b);
  if (c < 0) return Value();
  if (c) return raise(&exc::ValueError, "write to closed file");
  if (!valid_read(b) && !valid_write(b)) {
    b->pos = 0;
    b->raw_pos = 0;
  }
  int64_t avail = b->buffer_size - b->pos;
  if (len <= avail) {
    std::memcpy(b->buffer + b->pos, data, size_t(len));
    if (!valid_write(b) || b->write_pos > b->pos) b->write_pos = b->pos;
    adjust_position(b, b->pos + len);
    if (b->pos > b->write_end) b->write_end = b->pos;
    return int_from_i64(len);
  }
  // Write out what is buffered first.
  if (!flush_locked(b)) {
    if (!error_matches(&exc::BlockingIOError)) return Value();
    clear_error();
    // Non-blocking raw stream: make room by moving the unwritten data to the front.
    std::memmove(b->buffer, b->buffer + b->write_pos, size_t(b->write_end - b->write_pos));
    b->write_end -= b->write_pos;
    b->raw_pos -= b->write_pos;
    b->pos -= b->write_pos;
    b->write_pos = 0;
    avail = b->buffer_size - b->write_end;
    if (len <= avail) {
      std::memcpy(b->buffer + b->write_end, data, size_t(len));
      b->write_end += len;
      b->pos += len;
      return int_from_i64(len);
    }
    std::memcpy(b->buffer + b->write_end, data, size_t(avail));
    b->write_end += avail;
    b->pos += avail;
    return raise_blocking("write could not complete without blocking", avail);
  }
  // The raw position may differ from the logical one after reads.
  int64_t offset = raw_offset(b);
  if (offset != 0) {
    if (raw_seek_locked(b, -offset, 1) < 0) return Value();
    b->raw_pos -= offset;
  }
  int64_t remaining = len, written = 0;
  while (remaining > b->buffer_size) {
    int64_t n = raw_write_locked(b, data + written, len - written);
    if (n == -1) return Value();
    if (n == -2) {
      if (remaining > b->buffer_size) {
        // Buffer as much as fits and report the partial write.
        std::memcpy(b->buffer, data + written, size_t(b->buffer_size));
        b->raw_pos = 0;
        adjust_position(b, b->buffer_size);
        b->write_end = b->buffer_size;
        written += b->buffer_size;
        return raise_blocking("write could not complete without blocking", written);
      }
      break;
    }
    written += n;
    remaining -= n;
  }
  if (b->readable) reset_read_buf(b);
  if (remaining > 0) {
    std::memcpy(b->buffer, data + written, size_t(remaining));
    written += remaining;
  }
  b->write_pos = 0;
  b->write_end = remaining;
  adjust_position(b, remaining);
  b->raw_pos = 0;
  return int_from_i64(written);
}

Value buffered_flush(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  if (!check_closed_buffered(b, "flush of closed file")) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  return flush_and_rewind_locked(b) ? None() : Value();
}

// BufferedReader.flush: the raw stream's.
Value buffered_simple_flush(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  return call_method0(b->raw, ids::flush);
}

Value buffered_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"seek", {"target", "whence"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  int64_t whence = 0;
  if (a[1] && !index_as_i64(a[1], &whence, &exc::OverflowError)) return Value();
  if (whence < 0 || whence > 4) return raise(&exc::ValueError, "whence value %lld unsupported", (long long)whence);
  if (!check_closed_buffered(b, "seek of closed file")) return Value();
  if (!check_seekable(b->raw)) return Value();
  int64_t target;
  if (!index_as_i64(a[0], &target, &exc::ValueError)) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  // Seeks inside the read buffer need no system call.
  if ((whence == 0 || whence == 1) && b->readable) {
    int64_t current = raw_tell_cached(b);
    if (current < 0) return Value();
    int64_t avail = readahead(b);
    if (avail > 0) {
      int64_t offset = whence == 0 ? target - (current - raw_offset(b)) : target;
      if (offset >= -b->pos && offset <= avail) {
        b->pos += offset;
        return int_from_i64(current - avail + offset);
      }
    }
  }
  if (b->writable) {
    if (!flush_locked(b)) return Value();
    reset_write_buf(b);
  }
  if (whence == 1) target -= raw_offset(b);
  int64_t n = raw_seek_locked(b, target, int(whence));
  if (n < 0) return Value();
  b->raw_pos = -1;
  if (b->readable) reset_read_buf(b);
  return int_from_i64(n);
}

Value buffered_tell(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  int64_t pos = raw_tell_locked(b);
  if (pos < 0) return Value();
  return int_from_i64(pos - raw_offset(b));
}

Value buffered_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"truncate", {"pos"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  if (!check_closed_buffered(b, "truncate of closed file")) return Value();
  if (!b->writable) return raise_unsupported("truncate");
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  if (!flush_and_rewind_locked(b)) return Value();
  Value r = call_method1(b->raw, ids::truncate, a[0] ? a[0] : None());
  if (!r) return Value();
  if (raw_tell_locked(b) < 0) clear_error();
  return r;
}

Value buffered_close(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  {
    LockScope scope(b->lock, self);
    if (!scope.held()) return Value();
    int c = raw_closed(b);
    if (c < 0) return Value();
    if (c) return None();
    if (b->finalizing.load()) {
      if (!call_method1(b->raw, ids::_dealloc_warn, self)) clear_error();
    }
  }
  // flush() takes the lock itself (and may be overridden).
  Value res = call_method0(self, ids::flush);
  Value first = res ? Value() : fetch_error();
  LockScope scope(b->lock, self);
  if (!scope.held()) return first ? chain_exceptions(first) : Value();
  res = call_method0(b->raw, ids::close);
  b->read_end = 0;
  b->pos = 0;
  if (first) return chain_exceptions(first);
  return res;
}

Value buffered_detach(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  if (!call_method0(self, ids::flush)) return Value();
  LockScope scope(b->lock, self);
  if (!scope.held()) return Value();
  Value raw = b->raw;
  if (is_instance_of(raw, &iobase_type)) raw.as<IOBase>()->owned.store(false);
  b->raw = Value();
  b->detached = true;
  b->ok = false;
  return raw;
}

// Methods forwarded to the raw stream.
Value forward(Value self, Str* name) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  return call_method0(b->raw, name);
}
Value buffered_seekable(Value self, const Value*, size_t, Tuple*) { return forward(self, ids::seekable); }
Value buffered_readable(Value self, const Value*, size_t, Tuple*) { return forward(self, ids::readable); }
Value buffered_writable(Value self, const Value*, size_t, Tuple*) { return forward(self, ids::writable); }
Value buffered_fileno(Value self, const Value*, size_t, Tuple*) { return forward(self, ids::fileno); }
Value buffered_isatty(Value self, const Value*, size_t, Tuple*) { return forward(self, ids::isatty); }

Value buffered_dealloc_warn(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_dealloc_warn", nargs, 1, 1)) return Value();
  Buffered* b = as_buffered(self);
  if (b->ok && b->raw) {
    Value r = call_method1(b->raw, ids::_dealloc_warn, args[0]);
    if (!r) clear_error();
  }
  return None();
}

Value buffered_next(Value self) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  Value line;
  Type* t = type_of(self);
  if (t == &buffered_reader_type || t == &buffered_random_type) {
    if (!check_closed_buffered(b, "readline of closed file")) return Value();
    LockScope scope(b->lock, self);
    if (!scope.held()) return Value();
    line = readline_locked(b, -1);
  } else {
    line = call_method0(self, ids::readline);
    if (line && !is_bytes(line))
      return raise(&exc::OSError, "readline() should have returned a bytes object, not '%s'", type_name(line));
  }
  if (!line) return Value();
  return line.as<Bytes>()->size ? line : Value();
}

Value buffered_repr(Value self) {
  Value name = lookup_attr(self, ids::name);
  if (!name) {
    if (error_occurred()) {
      if (!error_matches(&exc::Exception)) return Value();
      clear_error();
    }
    return Value(format_message("<%s>", repr_type_name(self)));
  }
  return Value(format_message("<%s name=%R>", repr_type_name(self), name));
}

Value buffered_get_raw(Value self) {
  Buffered* b = as_buffered(self);
  return b->raw ? b->raw : None();
}
Value buffered_get_closed(Value self) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  return get_attr(b->raw, ids::closed);
}
Value buffered_get_name(Value self) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  return get_attr(b->raw, ids::name);
}
Value buffered_get_mode(Value self) {
  Buffered* b = as_buffered(self);
  CHECK_INIT(b);
  return get_attr(b->raw, ids::mode);
}
Value buffered_sizeof(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = as_buffered(self);
  return int_from_i64(int64_t(type_of(self)->instance_size) + (b->buffer ? b->buffer_size : 0));
}

#define M(name, fn) {name, fn, kMethodInstance, nullptr}

const MethodDef reader_methods[] = {
    M("detach", buffered_detach), M("flush", buffered_simple_flush), M("close", buffered_close),
    M("seekable", buffered_seekable), M("readable", buffered_readable), M("fileno", buffered_fileno),
    M("isatty", buffered_isatty), M("_dealloc_warn", buffered_dealloc_warn), M("read", buffered_read),
    M("peek", buffered_peek), M("read1", buffered_read1), M("readinto", buffered_readinto),
    M("readinto1", buffered_readinto1), M("readline", buffered_readline), M("seek", buffered_seek),
    M("tell", buffered_tell), M("truncate", buffered_truncate), M("__sizeof__", buffered_sizeof), {nullptr}};

const MethodDef writer_methods[] = {
    M("close", buffered_close), M("detach", buffered_detach), M("seekable", buffered_seekable),
    M("writable", buffered_writable), M("fileno", buffered_fileno), M("isatty", buffered_isatty),
    M("_dealloc_warn", buffered_dealloc_warn), M("write", buffered_write), M("truncate", buffered_truncate),
    M("flush", buffered_flush), M("seek", buffered_seek), M("tell", buffered_tell),
    M("__sizeof__", buffered_sizeof), {nullptr}};

const MethodDef random_methods[] = {
    M("close", buffered_close), M("detach", buffered_detach), M("seekable", buffered_seekable),
    M("readable", buffered_readable), M("writable", buffered_writable), M("fileno", buffered_fileno),
    M("isatty", buffered_isatty), M("_dealloc_warn", buffered_dealloc_warn), M("flush", buffered_flush),
    M("seek", buffered_seek), M("tell", buffered_tell), M("truncate", buffered_truncate),
    M("read", buffered_read), M("read1", buffered_read1), M("readinto", buffered_readinto),
    M("readinto1", buffered_readinto1), M("readline", buffered_readline), M("peek", buffered_peek),
    M("write", buffered_write), M("__sizeof__", buffered_sizeof), {nullptr}};

const GetSetDef buffered_getsets[] = {{"raw", buffered_get_raw, nullptr, nullptr},
                                      {"closed", buffered_get_closed, nullptr, nullptr},
                                      {"name", buffered_get_name, nullptr, nullptr},
                                      {"mode", buffered_get_mode, nullptr, nullptr},
                                      {nullptr}};

const MemberDef buffered_members[] = {
    {"_finalizing", MemberKind::Bool, uint32_t(offsetof(Buffered, finalizing)), nullptr}, {nullptr}};

// ------------------------------------------------------------------ BufferedRWPair

struct RWPair : IOBase {
  Value reader;  // a BufferedReader
  Value writer;  // a BufferedWriter
};

RWPair* as_pair(Value self) { return self.as<RWPair>(); }

Value rwpair_new(Type* type, const Value*, size_t, Tuple*) { return Value(alloc_instance<RWPair>(type)); }

int rwpair_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"BufferedRWPair", {"reader", "writer", "buffer_size"}, 2, 3};
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  if (!check_readable(a[0]) || !check_writable(a[1])) return -1;
  Value size = a[2] ? a[2] : Value::from_small_int(kDefaultBufferSize);
  Value rargs[2] = {a[0], size};
  Value reader = call(Value(&buffered_reader_type), rargs, 2);
  if (!reader) return -1;
  Value wargs[2] = {a[1], size};
  Value writer = call(Value(&buffered_writer_type), wargs, 2);
  if (!writer) return -1;
  RWPair* p = as_pair(self);
  p->reader = reader;
  p->writer = writer;
  return 0;
}

Value pair_forward(Value self, bool to_reader, Str* name, const Value* args, size_t nargs, Tuple* kwnames) {
  RWPair* p = as_pair(self);
  Value target = to_reader ? p->reader : p->writer;
  if (!target) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  return call_method(target, name, args, nargs, kwnames);
}

#define PAIR_FORWARD(fn, side, name)                                               \
  Value fn(Value self, const Value* args, size_t nargs, Tuple* kwnames) {          \
    return pair_forward(self, side, ids::name, args, nargs, kwnames);            \
  }
PAIR_FORWARD(rwpair_read, true, read)
PAIR_FORWARD(rwpair_peek, true, peek)
PAIR_FORWARD(rwpair_read1, true, read1)
PAIR_FORWARD(rwpair_readinto, true, readinto)
PAIR_FORWARD(rwpair_readinto1, true, readinto1)
PAIR_FORWARD(rwpair_readable, true, readable)
PAIR_FORWARD(rwpair_write, false, write)
PAIR_FORWARD(rwpair_flush, false, flush)
PAIR_FORWARD(rwpair_writable, false, writable)
#undef PAIR_FORWARD

Value rwpair_close(Value self, const Value*, size_t, Tuple*) {
  RWPair* p = as_pair(self);
  if (!p->writer) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  Value r = call_method0(p->writer, ids::close);
  Value first = r ? Value() : fetch_error();
  r = call_method0(p->reader, ids::close);
  if (first) return chain_exceptions(first);
  return r;
}

Value rwpair_isatty(Value self, const Value*, size_t, Tuple*) {
  RWPair* p = as_pair(self);
  if (!p->writer) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  Value r = call_method0(p->writer, ids::isatty);
  if (!r) return Value();
  int t = truthy(r);
  if (t < 0) return Value();
  if (t) return r;
  return call_method0(p->reader, ids::isatty);
}

Value rwpair_get_closed(Value self) {
  RWPair* p = as_pair(self);
  if (!p->writer) return raise(&exc::RuntimeError, "the BufferedRWPair object is being garbage-collected");
  return get_attr(p->writer, ids::closed);
}

const MethodDef rwpair_methods[] = {
    M("read", rwpair_read), M("peek", rwpair_peek), M("read1", rwpair_read1), M("readinto", rwpair_readinto),
    M("readinto1", rwpair_readinto1), M("write", rwpair_write), M("flush", rwpair_flush),
    M("readable", rwpair_readable), M("writable", rwpair_writable), M("close", rwpair_close),
    M("isatty", rwpair_isatty), {nullptr}};
#undef M

const GetSetDef rwpair_getsets[] = {{"closed", rwpair_get_closed, nullptr, nullptr}, {nullptr}};

void setup_buffered(Type* t, const char* name, const char* doc, InitFn init, const MethodDef* methods) {
  t->native_name = name;
  t->doc = doc;
  t->base = &bufferediobase_type;
  t->flags = kTypeBaseType | kTypeHasFinalizer;
  t->instance_size = sizeof(Buffered);
  t->new_ = buffered_new;
  t->init = init;
  t->repr = buffered_repr;
  t->methods = methods;
  t->getsets = buffered_getsets;
  t->members = buffered_members;
}

}  // namespace

void init_buffered_types() {
  setup_buffered(&buffered_reader_type, "_io.BufferedReader", "Create a new buffered reader using the given readable raw IO object.",
                 reader_init, reader_methods);
  buffered_reader_type.next = buffered_next;
  type_ready(&buffered_reader_type);
  setup_buffered(&buffered_writer_type, "_io.BufferedWriter", "A buffer for a writeable sequential RawIO object.",
                 writer_init, writer_methods);
  type_ready(&buffered_writer_type);
  setup_buffered(&buffered_random_type, "_io.BufferedRandom", "A buffered interface to random access streams.",
                 random_init, random_methods);
  buffered_random_type.next = buffered_next;
  type_ready(&buffered_random_type);

  buffered_rwpair_type.native_name = "_io.BufferedRWPair";
  buffered_rwpair_type.doc = "A buffered reader and writer object together.";
  buffered_rwpair_type.base = &bufferediobase_type;
  buffered_rwpair_type.flags = kTypeBaseType | kTypeHasFinalizer;
  buffered_rwpair_type.instance_size = sizeof(RWPair);
  buffered_rwpair_type.new_ = rwpair_new;
  buffered_rwpair_type.init = rwpair_init;
  buffered_rwpair_type.methods = rwpair_methods;
  buffered_rwpair_type.getsets = rwpair_getsets;
  type_ready(&buffered_rwpair_type);
}

}  // namespace spindle::io
