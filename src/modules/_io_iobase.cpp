// _io._IOBase, _RawIOBase, _BufferedIOBase and _TextIOBase: the base classes
// of the I/O stack with their generic implementations (readline over read/peek,
// iteration, context management, closing on collection), plus helpers shared by
// the other _io files.
#include <cstring>
#include <string>

#include <algorithm>

#include "gc/gc.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle::io {

Type iobase_type, rawiobase_type, bufferediobase_type, textiobase_type;
Type* unsupported_operation;

namespace ids {
#define SPINDLE_IO_DEFINE(n) Str* n;
SPINDLE_IO_NAMES(SPINDLE_IO_DEFINE)
#undef SPINDLE_IO_DEFINE
}  // namespace ids

// ------------------------------------------------------------------ locks

bool lock_enter(IOLock& lock, Value self) {
  ThreadState* me = ts();
  if (lock.owner.load(std::memory_order_acquire) == me) {
    raise(&exc::RuntimeError, "reentrant call inside %R", self);
    return false;
  }
  auto holder = [](const void* l) { return static_cast<const IOLock*>(l)->owner.load(std::memory_order_acquire); };
  if (!acquire_runtime_lock(lock.mutex, holder, &lock)) return false;
  lock.owner.store(me, std::memory_order_release);
  return true;
}

void lock_leave(IOLock& lock) {
  lock.owner.store(nullptr, std::memory_order_release);
  release_runtime_lock(lock.mutex);
}

// ------------------------------------------------------------------ errors and checks

Value raise_unsupported(const char* msg) { return raise(unsupported_operation, "%s", msg); }

Value raise_closed() { return raise(&exc::ValueError, "I/O operation on closed file."); }

Value raise_blocking(const char* msg, int64_t written) {
  Value args[3] = {Value::from_small_int(EAGAIN), Value(str_from_utf8(msg)), int_from_i64(written)};
  Value e = call(Value(&exc::BlockingIOError), args, 3);
  return e ? raise_value(e) : Value();
}

Value chain_exceptions(Value first) {
  if (error_occurred()) {
    Value now = fetch_error();
    if (set_attr(now, spindle::names::__context__, first) < 0)
      clear_error();
    restore_error(now);
  } else {
    restore_error(first);
  }
  return Value();
}

int is_closed(Value self) {
  Value c = get_attr(self, ids::closed);
  if (!c) return -1;
  return truthy(c);
}

bool check_closed(Value self) {
  int c = is_closed(self);
  if (c < 0) return false;
  if (c) {
    raise_closed();
    return false;
  }
  return true;
}

namespace {

bool check_capability(Value self, Str* method, const char* msg) {
  Value r = call_method0(self, method);
  if (!r) return false;
  if (r != True()) {
    raise_unsupported(msg);
    return false;
  }
  return true;
}

}  // namespace

bool check_readable(Value self) { return check_capability(self, ids::readable, "File or stream is not readable."); }
bool check_writable(Value self) { return check_capability(self, ids::writable, "File or stream is not writable."); }
bool check_seekable(Value self) { return check_capability(self, ids::seekable, "File or stream is not seekable."); }

const char* repr_type_name(Value self) {
  Type* t = type_of(self);
  if (!(t->flags & kTypeHeap) && t->native_name) return t->native_name;
  return type_name(t);
}

bool writable_buffer(Value v, const char* fn, BufferView* out) {
  if (!get_buffer(v, out)) {
    clear_error();
    raise(&exc::TypeError, "%s() argument must be read-write bytes-like object, not %s", fn, type_name(v));
    return false;
  }
  if (out->readonly) {
    raise(&exc::TypeError, "%s() argument must be read-write bytes-like object, not %s", fn, type_name(v));
    return false;
  }
  return true;
}

bool size_arg(Value v, int64_t dflt, int64_t* out) {
  if (!v || is_none(v)) {
    *out = dflt;
    return true;
  }
  if (!is_int(v) && !type_of(v)->index) {
    raise(&exc::TypeError, "argument should be integer or None, not '%s'", type_name(v));
    return false;
  }
  return index_as_i64(v, out, &exc::OverflowError);
}

bool check_newline(Value newline, bool textio) {
  if (!newline || is_none(newline)) return true;
  if (!is_str(newline)) {
    raise(&exc::TypeError, "%s must be str or None, not %s", textio ? "TextIOWrapper() argument 'newline'" : "newline",
          type_name(newline));
    return false;
  }
  Str* s = newline.as<Str>();
  if (s->length == 0 || str_equals_ascii(s, "\n") || str_equals_ascii(s, "\r") || str_equals_ascii(s, "\r\n"))
    return true;
  raise(&exc::ValueError, textio ? "illegal newline value: %S" : "illegal newline value: %R", newline);
  return false;
}

// ------------------------------------------------------------------ flushing at exit

namespace {

// Writable streams still referenced at exit get flushed, as CPython's
// shutdown does when it finalizes them. They are held through weak links in
// pointer-free memory, so this registry keeps nothing alive.
struct ExitRegistry {
  Mutex lock;
  void** slots = nullptr;  // weak links (pointer-free block: not scanned)
  bool* is_text = nullptr;
  int64_t used = 0, capacity = 0;
};
ExitRegistry exit_registry;

// Caller holds the lock. Moves the live entries to a fresh block of at least `want` slots.
void rebuild_locked(ExitRegistry& r, int64_t want) {
  auto** slots = static_cast<void**>(gc::alloc_atomic(sizeof(void*) * size_t(want)));
  auto* is_text = static_cast<bool*>(gc::alloc_atomic(size_t(want)));
  int64_t n = 0;
  for (int64_t i = 0; i < r.used; i++) {
    void* obj = r.slots[i];
    gc::unregister_weak_link(&r.slots[i]);
    if (!obj) continue;
    gc::register_weak_link(&slots[n], obj);
    is_text[n++] = r.is_text[i];
  }
  r.slots = slots;
  r.is_text = is_text;
  r.used = n;
  r.capacity = want;
}

}  // namespace

void track_for_exit_flush(Value stream, bool text) {
  ExitRegistry& r = exit_registry;
  LockGuard g(r.lock);
  if (r.used == r.capacity) {
    int64_t live = 0;
    for (int64_t i = 0; i < r.used; i++) live += r.slots[i] != nullptr;
    rebuild_locked(r, std::max<int64_t>(64, live * 2 + 1));
  }
  gc::register_weak_link(&r.slots[r.used], stream.as_object());
  r.is_text[r.used++] = text;
}

void flush_tracked_streams() {
  ExitRegistry& r = exit_registry;
  // Collected lists hold the streams strongly while they are flushed.
  List* groups[2] = {list_new(), list_new()};
  {
    LockGuard g(r.lock);
    for (int64_t i = 0; i < r.used; i++)
      if (void* obj = r.slots[i]) list_append(groups[r.is_text[i] ? 0 : 1], Value(static_cast<Object*>(obj)));
  }
  // Text layers first: their pending output goes to the buffers below them.
  for (List* group : groups) {
    Tuple* streams = list_snapshot(group);
    for (int64_t i = 0; i < streams->size; i++) {
      Value s = streams->items[i];
      if (is_closed(s) == 0 && !call_method0(s, ids::flush)) clear_error();
      clear_error();
    }
  }
}

// ------------------------------------------------------------------ newlines

namespace {

// Index of the first '\r' in s, or -1.
int64_t find_cr(const Str* s) {
  if (s->kind == 1) {
    const void* p = std::memchr(s->data1(), '\r', size_t(s->length));
    return p ? static_cast<const uint8_t*>(p) - s->data1() : -1;
  }
  for (int64_t i = 0; i < s->length; i++)
    if (s->at(i) == '\r') return i;
  return -1;
}

bool has_lf(const Str* s, int64_t end) {
  if (s->kind == 1) return std::memchr(s->data1(), '\n', size_t(end)) != nullptr;
  for (int64_t i = 0; i < end; i++)
    if (s->at(i) == '\n') return true;
  return false;
}

}  // namespace

Str* NewlineState::process(Str* output, bool final) {
  int64_t len = output->length;
  bool had_pending = pendingcr && (len > 0 || final);
  if (had_pending) pendingcr = false;
  bool hold_cr = len > 0 && !final && output->at(len - 1) == '\r';
  if (hold_cr) pendingcr = true;
  int64_t first_cr = find_cr(output);
  if (!had_pending && first_cr < 0) {
    // The common case: no carriage returns at all.
    if (!(seennl & kSeenLF) && has_lf(output, len)) seennl |= kSeenLF;
    return output;
  }
  // Record and (when translating) normalise the line endings, with the held
  // back '\r' of the previous chunk in front and this chunk's last one removed.
  int64_t end = hold_cr ? len - 1 : len;
  StrBuilder t;
  auto at = [&](int64_t i) -> uint32_t { return i < 0 ? '\r' : output->at(i); };
  int64_t i = had_pending ? -1 : 0;
  if (!had_pending && first_cr > 0) {
    if (!(seennl & kSeenLF) && has_lf(output, first_cr)) seennl |= kSeenLF;
    t.append(str_substr(output, 0, first_cr));
    i = first_cr;
  }
  for (; i < end; i++) {
    uint32_t c = at(i);
    if (c == '\r') {
      bool crlf = i + 1 < end && at(i + 1) == '\n';
      seennl |= crlf ? kSeenCRLF : kSeenCR;
      if (translate) {
        t.append('\n');
      } else {
        t.append('\r');
        if (crlf) t.append('\n');
      }
      if (crlf) i++;
      continue;
    }
    if (c == '\n') seennl |= kSeenLF;
    t.append(c);
  }
  return t.finish();
}

Value NewlineState::newlines() const {
  Value lf(intern_cstr("\n")), cr(intern_cstr("\r")), crlf(intern_cstr("\r\n"));
  switch (seennl) {
    case kSeenCR: return cr;
    case kSeenLF: return lf;
    case kSeenCRLF: return crlf;
    case kSeenCR | kSeenLF: return Value(tuple_pack({cr, lf}));
    case kSeenCR | kSeenCRLF: return Value(tuple_pack({cr, crlf}));
    case kSeenLF | kSeenCRLF: return Value(tuple_pack({lf, crlf}));
    case kSeenCR | kSeenLF | kSeenCRLF: return Value(tuple_pack({cr, lf, crlf}));
    default: return None();
  }
}

namespace {

template <class At>
int64_t find_line_ending_impl(bool translated, bool universal, Str* readnl, At at, int64_t start, int64_t end,
                              int64_t* consumed) {
  int64_t len = end - start;
  if (translated || (!universal && readnl->length == 1)) {
    uint32_t nl = translated ? '\n' : readnl->at(0);
    for (int64_t i = start; i < end; i++)
      if (at(i) == nl) return i - start + 1;
    *consumed = len;
    return -1;
  }
  if (universal) {
    for (int64_t i = start; i < end; i++) {
      uint32_t c = at(i);
      if (c == '\n') return i - start + 1;
      if (c == '\r') return (i + 1 < end && at(i + 1) == '\n') ? i - start + 2 : i - start + 1;
    }
    *consumed = len;
    return -1;
  }
  // A multi-character newline ("\r\n").
  int64_t nl_len = readnl->length;
  uint32_t first = readnl->at(0);
  int64_t last_start = end - (nl_len - 1);
  for (int64_t i = start; i < last_start; i++) {
    if (at(i) != first) continue;
    int64_t k = 1;
    while (k < nl_len && at(i + k) == readnl->at(k)) k++;
    if (k == nl_len) return i - start + nl_len;
  }
  // Keep a possible partial newline at the end for the next chunk.
  int64_t tail = last_start < start ? start : last_start;
  for (int64_t i = tail; i < end; i++) {
    if (at(i) == first) {
      *consumed = i - start;
      return -1;
    }
  }
  *consumed = len;
  return -1;
}

}  // namespace

int64_t find_line_ending(bool translated, bool universal, Str* readnl, const Str* text, int64_t start,
                         int64_t end, int64_t* consumed) {
  return find_line_ending_impl(translated, universal, readnl, [text](int64_t i) { return text->at(i); }, start, end,
                               consumed);
}

int64_t find_line_ending(bool translated, bool universal, Str* readnl, const uint32_t* text, int64_t start,
                         int64_t end, int64_t* consumed) {
  return find_line_ending_impl(translated, universal, readnl, [text](int64_t i) { return text[i]; }, start, end,
                               consumed);
}

// ------------------------------------------------------------------ _IOBase

namespace {

IOBase* as_iobase(Value self) { return self.as<IOBase>(); }

Value iobase_new(Type* type, const Value*, size_t, Tuple*) { return Value(alloc_instance<IOBase>(type)); }

Value iobase_seek(Value, const Value*, size_t, Tuple*) { return raise_unsupported("seek"); }
Value iobase_truncate(Value, const Value*, size_t, Tuple*) { return raise_unsupported("truncate"); }
Value iobase_fileno(Value, const Value*, size_t, Tuple*) { return raise_unsupported("fileno"); }

Value iobase_tell(Value self, const Value*, size_t, Tuple*) {
  Value args[2] = {Value::from_small_int(0), Value::from_small_int(1)};
  return call_method(self, ids::seek, args, 2);
}

Value iobase_flush(Value self, const Value*, size_t, Tuple*) {
  if (as_iobase(self)->closed.load()) return raise_closed();
  return None();
}

Value iobase_close(Value self, const Value*, size_t, Tuple*) {
  IOBase* b = as_iobase(self);
  if (b->closed.load()) return None();
  Value r = call_method0(self, ids::flush);
  b->closed.store(true);
  return r ? None() : Value();
}

Value iobase_false(Value, const Value*, size_t, Tuple*) { return False(); }

Value iobase_check_closed_m(Value self, const Value*, size_t, Tuple*) {
  return check_closed(self) ? None() : Value();
}
Value iobase_check_readable_m(Value self, const Value*, size_t, Tuple*) {
  return check_readable(self) ? True() : Value();
}
Value iobase_check_writable_m(Value self, const Value*, size_t, Tuple*) {
  return check_writable(self) ? True() : Value();
}
Value iobase_check_seekable_m(Value self, const Value*, size_t, Tuple*) {
  return check_seekable(self) ? True() : Value();
}

Value iobase_isatty(Value self, const Value*, size_t, Tuple*) {
  if (!check_closed(self)) return Value();
  return False();
}

Value iobase_enter(Value self, const Value*, size_t, Tuple*) {
  if (!check_closed(self)) return Value();
  return self;
}

Value iobase_exit(Value self, const Value*, size_t, Tuple*) { return call_method0(self, ids::close); }

Value iobase_iter(Value self) {
  if (!check_closed(self)) return Value();
  return self;
}

Value iobase_next(Value self) {
  Value line = call_method0(self, ids::readline);
  if (!line) return Value();
  int64_t n = length(line);
  if (n < 0) return Value();
  return n ? line : Value();
}

Value iobase_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t limit;
  if (!size_arg(a[0], -1, &limit)) return Value();
  Value peek = lookup_attr(self, ids::peek);
  if (!peek && error_occurred()) return Value();
  std::string line;
  while (limit < 0 || int64_t(line.size()) < limit) {
    int64_t nreadahead = 1;
    if (peek) {
      Value ahead = call1(peek, Value::from_small_int(1));
      if (!ahead) return Value();
      if (!is_bytes(ahead))
        return raise(&exc::OSError, "peek() should have returned a bytes object, not '%s'", type_name(ahead));
      Bytes* b = ahead.as<Bytes>();
      if (b->size > 0) {
        int64_t n = 0;
        while (n < b->size && (limit < 0 || n < limit)) {
          if (b->data_ptr[n++] == '\n') break;
        }
        nreadahead = n;
      }
    }
    Value chunk = call_method1(self, ids::read, int_from_i64(nreadahead));
    if (!chunk) return Value();
    if (!is_bytes(chunk))
      return raise(&exc::OSError, "read() should have returned a bytes object, not '%s'", type_name(chunk));
    Bytes* b = chunk.as<Bytes>();
    if (b->size == 0) break;
    line.append(b->view());
    if (line.back() == '\n') break;
  }
  return Value(bytes_new(line.data(), line.size()));
}

Value iobase_readlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readlines", {"hint"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t hint;
  if (!size_arg(a[0], -1, &hint)) return Value();
  List* result = list_new();
  if (hint <= 0) {
    if (list_extend(result, self) < 0) return Value();
    return Value(result);
  }
  Value it = get_iter(self);
  if (!it) return Value();
  int64_t total = 0;
  for (;;) {
    Value line = iter_next(it);
    if (!line) {
      if (error_occurred()) return Value();
      break;
    }
    list_append(result, line);
    int64_t n = length(line);
    if (n < 0) return Value();
    total += n;
    if (total > hint) break;
  }
  return Value(result);
}

Value iobase_writelines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return Value();
  if (!check_closed(self)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value line = iter_next(it);
    if (!line) return error_occurred() ? Value() : None();
    if (!call_method1(self, ids::write, line)) return Value();
  }
}

Value iobase_get_closed(Value self) { return Bool(as_iobase(self)->closed.load()); }

Value iobase_get_dict(Value self) { return Value(instance_dict(self, true)); }

// Collected while still open: close it, quietly (as CPython does outside dev mode).
void iobase_finalize(Value self) {
  IOBase* b = as_iobase(self);
  if (b->owned.load()) return;
  Value saved = fetch_error();
  int c = is_closed(self);
  if (c == 0) {
    b->finalizing.store(true);
    if (!call_method0(self, ids::close)) clear_error();
  }
  clear_error();
  restore_error(saved);
}

const MethodDef iobase_methods[] = {
    {"seek", iobase_seek, kMethodInstance, "Change the stream position to the given byte offset."},
    {"tell", iobase_tell, kMethodInstance, "Return current stream position."},
    {"truncate", iobase_truncate, kMethodInstance, "Truncate file to size bytes."},
    {"flush", iobase_flush, kMethodInstance, "Flush write buffers, if applicable."},
    {"close", iobase_close, kMethodInstance, "Flush and close the IO object."},
    {"seekable", iobase_false, kMethodInstance, "Return whether object supports random access."},
    {"readable", iobase_false, kMethodInstance, "Return whether object was opened for reading."},
    {"writable", iobase_false, kMethodInstance, "Return whether object was opened for writing."},
    {"_checkClosed", iobase_check_closed_m, kMethodInstance, nullptr},
    {"_checkSeekable", iobase_check_seekable_m, kMethodInstance, nullptr},
    {"_checkReadable", iobase_check_readable_m, kMethodInstance, nullptr},
    {"_checkWritable", iobase_check_writable_m, kMethodInstance, nullptr},
    {"fileno", iobase_fileno, kMethodInstance, "Returns underlying file descriptor if one exists."},
    {"isatty", iobase_isatty, kMethodInstance, "Return whether this is an 'interactive' stream."},
    {"__enter__", iobase_enter, kMethodInstance, nullptr},
    {"__exit__", iobase_exit, kMethodInstance, nullptr},
    {"readline", iobase_readline, kMethodInstance, "Read and return a line from the stream."},
    {"readlines", iobase_readlines, kMethodInstance, "Return a list of lines from the stream."},
    {"writelines", iobase_writelines, kMethodInstance, "Write a list of lines to stream."},
    {nullptr}};

const GetSetDef iobase_getsets[] = {{"__dict__", iobase_get_dict, nullptr, nullptr},
                                    {"closed", iobase_get_closed, nullptr, nullptr},
                                    {nullptr}};

// ------------------------------------------------------------------ _RawIOBase

Value rawiobase_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t n;
  if (!size_arg(a[0], -1, &n)) return Value();
  if (n < 0) return call_method0(self, ids::readall);
  std::string zeros(size_t(n), '\0');
  ByteArray* b = bytearray_new(zeros.data(), zeros.size());
  Value r = call_method1(self, ids::readinto, Value(b));
  if (!r) return Value();
  if (is_none(r)) return r;
  int64_t got;
  if (!index_as_i64(r, &got, &exc::OverflowError)) return Value();
  if (got < 0 || got > n) return raise(&exc::ValueError, "readinto returned %lld outside buffer size %lld", (long long)got, (long long)n);
  BufferView view;
  if (!get_buffer(Value(b), &view)) return Value();
  return Value(bytes_new(view.data, size_t(got)));
}

Value rawiobase_readall(Value self, const Value*, size_t, Tuple*) {
  std::string data;
  bool any = false;
  for (;;) {
    Value chunk = call_method1(self, ids::read, Value::from_small_int(kDefaultBufferSize));
    if (!chunk) return Value();
    if (is_none(chunk)) {
      if (!any) return chunk;
      break;
    }
    if (!is_bytes(chunk)) return raise(&exc::TypeError, "read() should return bytes");
    if (chunk.as<Bytes>()->size == 0) break;
    any = true;
    data.append(chunk.as<Bytes>()->view());
  }
  return Value(bytes_new(data.data(), data.size()));
}

Value not_implemented(Value, const Value*, size_t, Tuple*) { return raise(&exc::NotImplementedError, nullptr); }

const MethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, kMethodInstance, nullptr},
    {"readall", rawiobase_readall, kMethodInstance, "Read until EOF, using multiple read() call."},
    {"readinto", not_implemented, kMethodInstance, nullptr},
    {"write", not_implemented, kMethodInstance, nullptr},
    {nullptr}};

// ------------------------------------------------------------------ _BufferedIOBase

Value bufferediobase_read(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read"); }
Value bufferediobase_read1(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read1"); }
Value bufferediobase_write(Value, const Value*, size_t, Tuple*) { return raise_unsupported("write"); }
Value bufferediobase_detach(Value, const Value*, size_t, Tuple*) { return raise_unsupported("detach"); }

Value bufferediobase_readinto_generic(Value self, const Value* args, size_t nargs, Tuple* kwnames, bool one) {
  const char* fn = one ? "readinto1" : "readinto";
  if (!check_no_kwargs(fn, kwnames) || !check_nargs(fn, nargs, 1, 1)) return Value();
  BufferView view;
  if (!writable_buffer(args[0], fn, &view)) return Value();
  Value data = call_method1(self, one ? ids::read1 : ids::read, int_from_i64(view.size));
  if (!data) return Value();
  if (!is_bytes(data)) return raise(&exc::TypeError, "read() should return bytes");
  int64_t n = data.as<Bytes>()->size;
  if (n > view.size)
    return raise(&exc::ValueError, "read() returned too much data: %lld bytes requested, %lld returned",
                 (long long)view.size, (long long)n);
  std::memcpy(const_cast<uint8_t*>(view.data), data.as<Bytes>()->data_ptr, size_t(n));
  return int_from_i64(n);
}

Value bufferediobase_readinto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return bufferediobase_readinto_generic(self, args, nargs, kwnames, false);
}
Value bufferediobase_readinto1(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return bufferediobase_readinto_generic(self, args, nargs, kwnames, true);
}

const MethodDef bufferediobase_methods[] = {
    {"detach", bufferediobase_detach, kMethodInstance, "Disconnect this buffer from its underlying raw stream and return it."},
    {"read", bufferediobase_read, kMethodInstance, "Read and return up to n bytes."},
    {"read1", bufferediobase_read1, kMethodInstance, "Read and return up to n bytes, with at most one read() call to the underlying raw stream."},
    {"readinto", bufferediobase_readinto, kMethodInstance, nullptr},
    {"readinto1", bufferediobase_readinto1, kMethodInstance, nullptr},
    {"write", bufferediobase_write, kMethodInstance, "Write the given buffer to the IO stream."},
    {nullptr}};

// ------------------------------------------------------------------ _TextIOBase

Value textiobase_detach(Value, const Value*, size_t, Tuple*) { return raise_unsupported("detach"); }
Value textiobase_read(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read"); }
Value textiobase_readline(Value, const Value*, size_t, Tuple*) { return raise_unsupported("readline"); }
Value textiobase_write(Value, const Value*, size_t, Tuple*) { return raise_unsupported("write"); }
Value textiobase_none(Value) { return None(); }

const MethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, kMethodInstance, "Separate the underlying buffer from the TextIOBase and return it."},
    {"read", textiobase_read, kMethodInstance, "Read at most size characters from stream."},
    {"readline", textiobase_readline, kMethodInstance, "Read until newline or EOF."},
    {"write", textiobase_write, kMethodInstance, "Write string to stream."},
    {nullptr}};

const GetSetDef textiobase_getsets[] = {{"encoding", textiobase_none, nullptr, "Encoding of the text stream."},
                                        {"newlines", textiobase_none, nullptr, "Line endings translated so far."},
                                        {"errors", textiobase_none, nullptr, "The error setting of the decoder or encoder."},
                                        {nullptr}};

void setup_base(Type* t, const char* name, Type* base, const char* doc) {
  t->native_name = name;
  t->base = base;
  t->doc = doc;
  t->flags |= kTypeBaseType;
  t->instance_size = sizeof(IOBase);
  t->dict_offset = int32_t(offsetof(IOBase, dict));
}

}  // namespace

void init_iobase_types() {
#define SPINDLE_IO_INTERN(n) ids::n = intern_cstr(#n);
  SPINDLE_IO_NAMES(SPINDLE_IO_INTERN)
#undef SPINDLE_IO_INTERN

  setup_base(&iobase_type, "_io._IOBase", &object_type, "The abstract base class for all I/O classes.");
  iobase_type.new_ = iobase_new;
  iobase_type.methods = iobase_methods;
  iobase_type.getsets = iobase_getsets;
  iobase_type.iter = iobase_iter;
  iobase_type.next = iobase_next;
  // Only the concrete types that own resources (and Python subclasses, which
  // inherit __del__) ask the collector for finalization.
  iobase_type.finalize = iobase_finalize;
  type_ready(&iobase_type);

  setup_base(&rawiobase_type, "_io._RawIOBase", &iobase_type, "Base class for raw binary I/O.");
  rawiobase_type.methods = rawiobase_methods;
  type_ready(&rawiobase_type);

  setup_base(&bufferediobase_type, "_io._BufferedIOBase", &iobase_type, "Base class for buffered IO objects.");
  bufferediobase_type.methods = bufferediobase_methods;
  type_ready(&bufferediobase_type);

  setup_base(&textiobase_type, "_io._TextIOBase", &iobase_type, "Base class for text I/O.");
  textiobase_type.methods = textiobase_methods;
  textiobase_type.getsets = textiobase_getsets;
  type_ready(&textiobase_type);

  // class UnsupportedOperation(OSError, ValueError), reported as io.UnsupportedOperation.
  Dict* ns = dict_new();
  dict_set_str(ns, spindle::names::__module__, Value(intern_cstr("io")));
  Value cls = type_new_impl(&type_type, intern_cstr("UnsupportedOperation"),
                            tuple_pack({Value(&exc::OSError), Value(&exc::ValueError)}), ns, nullptr);
  unsupported_operation = cls ? cls.as<Type>() : nullptr;
}

}  // namespace spindle::io
