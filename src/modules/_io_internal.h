// Internal interface shared by the files of the _io module: the object
// layouts, the per-object operation lock, and helpers for raising the module's
// errors and calling methods by name.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include "objects/object.h"
#include "threads/mutex.h"

namespace spindle {

struct Dict;
struct Str;
struct Tuple;
struct ThreadState;
struct BufferView;
class StrBuilder;

namespace io {

constexpr int64_t kDefaultBufferSize = 8192;

extern Type iobase_type, rawiobase_type, bufferediobase_type, textiobase_type;
extern Type fileio_type, bytesio_type, stringio_type;
extern Type buffered_reader_type, buffered_writer_type, buffered_random_type, buffered_rwpair_type;
extern Type textiowrapper_type, newline_decoder_type;
// io.UnsupportedOperation (a class derived from OSError and ValueError).
extern Type* unsupported_operation;

// Readies every _io type (idempotent, thread-safe).
void init_types();
void init_iobase_types();
void init_fileio_type();
void init_bytesio_type();
void init_stringio_types();
void init_buffered_types();
void init_textio_type();

// The state every _io object starts with (CPython's _IOBase).
struct IOBase : Object {
  Dict* dict;
  std::atomic<bool> closed;      // _IOBase.close() has run
  std::atomic<bool> finalizing;  // close() is being called by the collector
  // Set while a buffered or text object wraps this one: the wrapper closes it
  // when collected, so the collector must not close it first (finalization
  // order is not defined).
  std::atomic<bool> owned;
};

struct FileIO : IOBase {
  std::atomic<int> fd;  // -1 once closed
  bool created, readable, writable, appending, closefd;
  std::atomic<int8_t> seekable;  // -1: not known yet
  int64_t blksize;
};

// Raw reads and writes on an exact FileIO for the buffered objects, with the
// semantics of raw.readinto(b) / raw.write(b): the number of bytes, -2 when
// the operation would block, -1 with an exception pending.
int64_t fileio_readinto(Value raw, uint8_t* buf, size_t n);
int64_t fileio_write(Value raw, const uint8_t* buf, size_t n);
// Whether an exact native Buffered object over an exact FileIO is closed,
// without calling Python attributes: 1, 0, or -1 when it is not such an object.
int buffered_closed_fast(Value buffer);
// Registers a writable buffered (text=false) or text stream to be flushed at
// exit if it is still open then (the registry holds it weakly).
void track_for_exit_flush(Value stream, bool text);
void flush_tracked_streams();
// Emits ResourceWarning("unclosed <what> <source>") through the warnings module.
void warn_unclosed(const char* what, Value source);

// A per-object lock held across a whole operation of a buffered or text
// object, including the raw I/O below it. A thread re-entering the object
// (from a signal handler, a finalizer or a Python raw stream) gets
// RuntimeError, as in CPython, instead of deadlocking.
struct IOLock {
  Mutex mutex;
  std::atomic<ThreadState*> owner;
};
// False with RuntimeError("reentrant call inside <self>") pending.
bool lock_enter(IOLock& lock, Value self);
void lock_leave(IOLock& lock);
class LockScope {
 public:
  LockScope(IOLock& lock, Value self) : lock_(lock), held_(lock_enter(lock, self)) {}
  ~LockScope() {
    if (held_) lock_leave(lock_);
  }
  bool held() const { return held_; }
  LockScope(const LockScope&) = delete;
  LockScope& operator=(const LockScope&) = delete;

 private:
  IOLock& lock_;
  bool held_;
};

// ---- errors ----
Value raise_unsupported(const char* msg);        // io.UnsupportedOperation(msg)
Value raise_closed();                            // ValueError("I/O operation on closed file.")
Value raise_blocking(const char* msg, int64_t written);  // BlockingIOError(EAGAIN, msg, written)
// After a first error was taken with fetch_error(): raises `first`, or the
// error now pending with `first` as its __context__. Returns null.
Value chain_exceptions(Value first);

// ---- names used to call methods ----
namespace ids {
#define SPINDLE_IO_NAMES(X)                                                                                \
  X(read) X(read1) X(readinto) X(readinto1) X(readall) X(readline) X(write) X(flush) X(close) X(closed)   \
  X(seek) X(tell) X(truncate) X(seekable) X(readable) X(writable) X(fileno) X(isatty) X(peek) X(mode)     \
  X(name) X(raw) X(decode) X(encode) X(getstate) X(setstate) X(reset) X(newlines) X(_dealloc_warn)       \
  X(_blksize) X(_finalizing)
#define SPINDLE_IO_DECLARE(n) extern Str* n;
SPINDLE_IO_NAMES(SPINDLE_IO_DECLARE)
#undef SPINDLE_IO_DECLARE
}  // namespace ids

// self.closed as a bool: 1, 0, -1 on error.
int is_closed(Value self);
// The checks of _IOBase (_checkClosed, _checkReadable, ...): false with an error pending.
bool check_closed(Value self);
bool check_readable(Value self);
bool check_writable(Value self);
bool check_seekable(Value self);

// The type name CPython shows in reprs: "_io.FileIO" for the native types, the
// class name for Python subclasses.
const char* repr_type_name(Value self);

// A writable view of a bytes-like argument (readinto & co.).
bool writable_buffer(Value v, const char* fn, BufferView* out);
// Integer argument where None means `dflt` (size=-1 style parameters).
bool size_arg(Value v, int64_t dflt, int64_t* out);

// Universal newline handling shared by IncrementalNewlineDecoder, StringIO
// and TextIOWrapper.
enum : int { kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4 };
struct NewlineState {
  bool translate;
  bool pendingcr;  // a '\r' was held back from the previous chunk
  int seennl;      // kSeen* bits
  // Takes decoded text; returns it with '\r' held back unless `final` and,
  // when translating, "\r\n" and "\r" turned into "\n".
  Str* process(Str* output, bool final);
  Value newlines() const;  // the `newlines` attribute
};

// Where the first line ending in text[start, end) is: the index just past it,
// or -1 with *consumed set to how much can be set aside (see CPython's
// _PyIO_find_line_ending). readnl: the newline for non-universal mode.
int64_t find_line_ending(bool translated, bool universal, Str* readnl, const Str* text, int64_t start,
                         int64_t end, int64_t* consumed);
int64_t find_line_ending(bool translated, bool universal, Str* readnl, const uint32_t* text, int64_t start,
                         int64_t end, int64_t* consumed);

// Validates a newline argument (None, "", "\n", "\r", "\r\n"): false with an
// error pending, worded as TextIOWrapper's or StringIO's messages.
bool check_newline(Value newline, bool textio);

}  // namespace io
}  // namespace spindle
