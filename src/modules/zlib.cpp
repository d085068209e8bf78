// The zlib module over the system zlib: one-shot compress/decompress,
// streaming Compress/Decompress objects, crc32 and adler32.
//
// A Compress/Decompress object owns a z_stream whose internal state zlib
// mallocs; a collector finalizer releases it. Each object's Mutex serializes
// its zlib calls, so two threads sharing one object take turns. Errors found
// while the lock is held are recorded in a Failure and raised after unlocking.
// Output grows in blocks sized like CPython's, so max_length-bounded
// decompression consumes input exactly as CPython does.
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <string>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"

namespace spindle {

namespace {

constexpr int kDefBufSize = 16384;
constexpr int kDefMemLevel = 8;

Type compress_type, decompress_type;
Type* zlib_error;  // zlib.error, created at module init

// ---- errors ----

// An error detected under an object's lock, raised once it is released.
struct Failure {
  enum Kind { kNone, kZlib, kMemory, kValue } kind = kNone;
  int err = Z_OK;
  const char* zmsg = nullptr;
  const char* text = nullptr;

  void zlib(const z_stream& s, int e, const char* what) {
    kind = kZlib;
    err = e;
    zmsg = s.msg;
    text = what;
  }
  void other(Kind k, const char* message) {
    kind = k;
    text = message;
  }
  explicit operator bool() const { return kind != kNone; }
};

// zlib.error "Error <code> <what>: <zlib's message>", with CPython's texts for
// codes that zlib leaves without a message.
Value raise_zlib_error(int err, const char* zmsg, const char* what) {
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
      default: break;
    }
  }
  if (!zmsg) return raise(zlib_error, "Error %d %s", err, what);
  return raise(zlib_error, "Error %d %s: %s", err, what, zmsg);
}

Value raise_failure(const Failure& f) {
  switch (f.kind) {
    case Failure::kZlib: return raise_zlib_error(f.err, f.zmsg, f.text);
    case Failure::kMemory: return raise(&exc::MemoryError, "%s", f.text);
    case Failure::kValue: return raise(&exc::ValueError, "%s", f.text);
    case Failure::kNone: break;
  }
  return Value();
}

// ---- buffers ----

// Hands zlib the next piece of input (avail_in is 32-bit); *remains counts
// what is still held back.
void arrange_input(z_stream* s, int64_t* remains) {
  uInt n = uInt(std::min<int64_t>(*remains, UINT_MAX));
  s->avail_in = n;
  *remains -= n;
}

// Output collected in blocks: the first of first_size bytes (or CPython's
// first block size), the following ones growing as CPython's do, never past
// `limit` bytes in all.
class OutputBuffer {
 public:
  explicit OutputBuffer(int64_t limit, int64_t first_size = 0) : limit_(limit), first_size_(first_size) {}

  // Points the stream at fresh space; false once `limit` bytes were produced.
  bool grow(z_stream* s) {
    static const int64_t kBlockSizes[] = {32 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20, 8 << 20,
                                          16 << 20, 16 << 20, 32 << 20, 32 << 20, 32 << 20, 32 << 20,
                                          64 << 20, 64 << 20, 128 << 20, 128 << 20, 256 << 20};
    constexpr int kLast = int(std::size(kBlockSizes)) - 1;
    int64_t written = size(s);
    if (written >= limit_) return false;
    int64_t block = blocks_ == 0 && first_size_ > 0 ? first_size_ : kBlockSizes[std::min(blocks_, kLast)];
    block = std::min(block, limit_ - written);
    data_.resize(size_t(written + block));
    s->next_out = reinterpret_cast<Bytef*>(data_.data()) + written;
    s->avail_out = uInt(block);
    blocks_++;
    return true;
  }
  int64_t size(const z_stream* s) const { return blocks_ ? int64_t(data_.size()) - s->avail_out : 0; }
  Bytes* to_bytes(z_stream* s) {
    Bytes* b = bytes_new(data_.data(), size_t(size(s)));
    s->next_out = nullptr;  // the std::string is about to go away
    s->avail_out = 0;
    return b;
  }

 private:
  int64_t limit_;
  int64_t first_size_;
  int blocks_ = 0;
  std::string data_;
};

// ---- the objects ----

struct ZlibObject : Object {
  Mutex mutex;
  bool initialised;  // the z_stream holds zlib state to end
  bool eof;          // Decompress: the end of the stream was reached
  z_stream zst;
  Value unused_data;      // Decompress: bytes after the end of the stream
  Value unconsumed_tail;  // Decompress: input held back by max_length
  Value zdict;            // Decompress: the preset dictionary (null: none)
};

ZlibObject* Z(Value v) { return v.as<ZlibObject>(); }

void finalize_compress(void* obj, void*) {
  auto* z = static_cast<ZlibObject*>(obj);
  if (z->initialised) deflateEnd(&z->zst);
  z->initialised = false;
}

void finalize_decompress(void* obj, void*) {
  auto* z = static_cast<ZlibObject*>(obj);
  if (z->initialised) inflateEnd(&z->zst);
  z->initialised = false;
}

ZlibObject* new_zlib_object(Type* type) {
  auto* z = alloc_instance<ZlibObject>(type);
  z->unused_data = Value(bytes_empty());
  z->unconsumed_tail = Value(bytes_empty());
  gc::register_finalizer(z, type == &compress_type ? finalize_compress : finalize_decompress, nullptr);
  return z;
}

// ---- one-shot functions ----

Value zlib_compress(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"compress", {"data", "level", "wbits"}, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView in;
  if (!get_buffer(a[0], &in)) return Value();
  int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
  if ((a[1] && !int_arg(a[1], &level)) || (a[2] && !int_arg(a[2], &wbits))) return Value();

  z_stream zst{};
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return raise(&exc::MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return raise(zlib_error, "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&zst);
    return raise_zlib_error(err, zst.msg, "while compressing data");
  }
  OutputBuffer out(INT64_MAX);
  zst.next_in = const_cast<Bytef*>(in.data);
  int64_t remains = in.size;
  int flush;
  do {
    arrange_input(&zst, &remains);
    flush = remains == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0) out.grow(&zst);
      err = deflate(&zst, flush);
      if (err == Z_STREAM_ERROR) {
        deflateEnd(&zst);
        return raise_zlib_error(err, zst.msg, "while compressing data");
      }
    } while (zst.avail_out == 0);
  } while (flush != Z_FINISH);
  err = deflateEnd(&zst);
  if (err != Z_OK) return raise_zlib_error(err, zst.msg, "while finishing compression");
  return Value(out.to_bytes(&zst));
}

Value zlib_decompress(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"decompress", {"data", "wbits", "bufsize"}, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView in;
  if (!get_buffer(a[0], &in)) return Value();
  int wbits = MAX_WBITS;
  int64_t bufsize = kDefBufSize;
  if ((a[1] && !int_arg(a[1], &wbits)) || (a[2] && !ssize_arg(a[2], &bufsize))) return Value();
  if (bufsize < 0) return raise(&exc::ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;

  z_stream zst{};
  zst.next_in = const_cast<Bytef*>(in.data);
  int err = inflateInit2(&zst, wbits);
  if (err == Z_MEM_ERROR) return raise(&exc::MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&zst);
    return raise_zlib_error(err, zst.msg, "while preparing to decompress data");
  }
  OutputBuffer out(INT64_MAX, bufsize);
  int64_t remains = in.size;
  do {
    arrange_input(&zst, &remains);
    int flush = remains == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0) out.grow(&zst);
      err = inflate(&zst, flush);
      if (err == Z_MEM_ERROR) {
        inflateEnd(&zst);
        return raise(&exc::MemoryError, "Out of memory while decompressing data");
      }
      if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
        inflateEnd(&zst);
        return raise_zlib_error(err, zst.msg, "while decompressing data");
      }
    } while (zst.avail_out == 0);
  } while (err != Z_STREAM_END && remains != 0);
  if (err != Z_STREAM_END) {
    inflateEnd(&zst);
    return raise_zlib_error(err, zst.msg, "while decompressing data");
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return raise_zlib_error(err, zst.msg, "while finishing decompression");
  return Value(out.to_bytes(&zst));
}

// crc32(data, value=0) and adler32(data, value=1): value is taken modulo 2**32.
template <uLong (*Checksum)(uLong, const Bytef*, z_size_t)>
Value checksum(const char* fname, uLong initial, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 2)) return Value();
  BufferView in;
  if (!get_buffer(args[0], &in)) return Value();
  uLong value = initial;
  if (nargs == 2) {
    Value i = number_index(args[1]);
    if (!i) return Value();
    if (i.is_small_int()) {
      value = uint32_t(i.as_small_int());
    } else {
      mpz_t z;
      mpz_init(z);
      int_to_mpz(i, z);
      mpz_fdiv_r_2exp(z, z, 32);
      value = mpz_get_ui(z);
      mpz_clear(z);
    }
  }
  return int_from_u64(Checksum(value, in.data, z_size_t(in.size)));
}

Value zlib_crc32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return checksum<crc32_z>("crc32", 0, args, nargs, kwnames);
}
Value zlib_adler32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return checksum<adler32_z>("adler32", 1, args, nargs, kwnames);
}

// ---- Compress ----

Value zlib_compressobj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6];
  static const ArgSpec spec{"compressobj", {"level", "method", "wbits", "memLevel", "strategy", "zdict"}};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS, mem_level = kDefMemLevel,
      strategy = Z_DEFAULT_STRATEGY;
  int* ints[] = {&level, &method, &wbits, &mem_level, &strategy};
  for (int i = 0; i < 5; i++)
    if (a[i] && !int_arg(a[i], ints[i])) return Value();
  BufferView zdict;
  bool has_zdict = a[5] && !is_none(a[5]);
  if (has_zdict) {
    if (!get_buffer(a[5], &zdict)) return Value();
    if (uint64_t(zdict.size) > UINT_MAX)
      return raise(&exc::OverflowError, "zdict length does not fit in an unsigned int");
  }
  ZlibObject* z = new_zlib_object(&compress_type);
  int err = deflateInit2(&z->zst, level, method, wbits, mem_level, strategy);
  switch (err) {
    case Z_OK:
      z->initialised = true;
      break;
    case Z_MEM_ERROR: return raise(&exc::MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR: return raise(&exc::ValueError, "Invalid initialization option");
    default: return raise_zlib_error(err, z->zst.msg, "while creating compression object");
  }
  if (has_zdict) {
    err = deflateSetDictionary(&z->zst, zdict.data, uInt(zdict.size));
    if (err == Z_STREAM_ERROR) return raise(&exc::ValueError, "Invalid dictionary");
    if (err != Z_OK) return raise(&exc::ValueError, "deflateSetDictionary()");
  }
  return Value(z);
}

Value compress_compress(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("compress", kwnames) || !check_positional("compress", nargs, 1, 1)) return Value();
  BufferView in;
  if (!get_buffer(args[0], &in)) return Value();
  ZlibObject* z = Z(self);
  OutputBuffer out(INT64_MAX);
  Failure failure;
  Bytes* result;
  {
    LockGuard guard(z->mutex);
    z->zst.next_in = const_cast<Bytef*>(in.data);
    z->zst.avail_out = 0;
    int64_t remains = in.size;
    do {
      arrange_input(&z->zst, &remains);
      do {
        if (z->zst.avail_out == 0) out.grow(&z->zst);
        int err = deflate(&z->zst, Z_NO_FLUSH);
        if (err == Z_STREAM_ERROR) {
          failure.zlib(z->zst, err, "while compressing data");
          break;
        }
      } while (z->zst.avail_out == 0);
    } while (!failure && remains != 0);
    z->zst.next_in = nullptr;
    result = out.to_bytes(&z->zst);
  }
  if (failure) return raise_failure(failure);
  return Value(result);
}

Value compress_flush(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_positional("flush", nargs, 0, 1)) return Value();
  int mode = Z_FINISH;
  if (nargs == 1 && !int_arg(args[0], &mode)) return Value();
  if (mode == Z_NO_FLUSH) return Value(bytes_empty());
  ZlibObject* z = Z(self);
  OutputBuffer out(INT64_MAX);
  Failure failure;
  Bytes* result;
  {
    LockGuard guard(z->mutex);
    z->zst.avail_in = 0;
    z->zst.avail_out = 0;
    int err;
    do {
      if (z->zst.avail_out == 0) out.grow(&z->zst);
      err = deflate(&z->zst, mode);
      if (err == Z_STREAM_ERROR) {
        failure.zlib(z->zst, err, "while flushing");
        break;
      }
    } while (z->zst.avail_out == 0);
    if (!failure) {
      if (mode == Z_FINISH && err == Z_STREAM_END) {
        err = deflateEnd(&z->zst);
        z->initialised = false;
        if (err != Z_OK) failure.zlib(z->zst, err, "while finishing compression");
      } else if (err != Z_OK && err != Z_BUF_ERROR) {
        failure.zlib(z->zst, err, "while flushing");
      }
    }
    result = out.to_bytes(&z->zst);
  }
  if (failure) return raise_failure(failure);
  return Value(result);
}

// ---- Decompress ----

// Feeds the preset dictionary when the stream asks for it (or up front for raw streams).
void set_inflate_zdict(ZlibObject* z, Failure* failure) {
  BufferView view;
  if (!get_buffer(z->zdict, &view)) {  // checked at creation; a bytes-like object stays one
    clear_error();
    failure->other(Failure::kValue, "zdict argument must support the buffer protocol");
    return;
  }
  int err = inflateSetDictionary(&z->zst, view.data, uInt(std::min<int64_t>(view.size, UINT_MAX)));
  if (err != Z_OK) failure->zlib(z->zst, err, "while setting zdict");
}

Value zlib_decompressobj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"decompressobj", {"wbits", "zdict"}};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int wbits = MAX_WBITS;
  if (a[0] && !int_arg(a[0], &wbits)) return Value();
  if (a[1]) {
    BufferView view;
    if (!get_buffer(a[1], &view)) {
      clear_error();
      return raise(&exc::TypeError, "zdict argument must support the buffer protocol");
    }
    if (uint64_t(view.size) > UINT_MAX)
      return raise(&exc::OverflowError, "zdict length does not fit in an unsigned int");
  }
  ZlibObject* z = new_zlib_object(&decompress_type);
  z->zdict = a[1];
  int err = inflateInit2(&z->zst, wbits);
  switch (err) {
    case Z_OK: {
      z->initialised = true;
      if (z->zdict && wbits < 0) {
        Failure failure;
        set_inflate_zdict(z, &failure);
        if (failure) return raise_failure(failure);
      }
      return Value(z);
    }
    case Z_STREAM_ERROR: return raise(&exc::ValueError, "Invalid initialization option");
    case Z_MEM_ERROR: return raise(&exc::MemoryError, "Can't allocate memory for decompression object");
    default: return raise_zlib_error(err, z->zst.msg, "while creating decompression object");
  }
}

// After a decompress call: input past the end of the stream goes to
// unused_data, input held back by max_length to unconsumed_tail.
void save_unconsumed_input(ZlibObject* z, const uint8_t* input_end, int err) {
  auto left = [&] { return int64_t(input_end - z->zst.next_in); };
  if (err == Z_STREAM_END && z->zst.avail_in > 0) {
    Bytes* old = z->unused_data.as<Bytes>();
    Bytes* joined = bytes_alloc(size_t(old->size + left()));
    memcpy(joined->data_ptr, old->data_ptr, size_t(old->size));
    memcpy(joined->data_ptr + old->size, z->zst.next_in, size_t(left()));
    z->unused_data = Value(joined);
    z->zst.avail_in = 0;  // next_in stays: a pending unconsumed_tail gets these bytes too, as in CPython
  }
  if (z->zst.avail_in > 0 || z->unconsumed_tail.as<Bytes>()->size > 0)
    z->unconsumed_tail = Value(bytes_new(z->zst.next_in, size_t(left())));
}

// The inflate loop shared by decompress() and flush(): `finish` asks for
// Z_FINISH once all input was handed over (flush), else Z_SYNC_FLUSH.
int inflate_loop(ZlibObject* z, OutputBuffer* out, int64_t remains, bool finish, Failure* failure) {
  int err = Z_OK;
  z->zst.avail_out = 0;
  do {
    arrange_input(&z->zst, &remains);
    int flush = !finish ? Z_SYNC_FLUSH : remains == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (z->zst.avail_out == 0 && !out->grow(&z->zst)) return err;  // max_length reached
      err = inflate(&z->zst, flush);
      if (err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END) continue;
      if (err == Z_NEED_DICT && z->zdict) {
        set_inflate_zdict(z, failure);
        if (*failure) return err;
        continue;
      }
      return err;
    } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && remains != 0);
  return err;
}

Value decompress_decompress(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"decompress", {"data", "max_length"}, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView in;
  if (!get_buffer(a[0], &in)) return Value();
  int64_t max_length = 0;
  if (a[1] && !ssize_arg(a[1], &max_length)) return Value();
  if (max_length < 0) return raise(&exc::ValueError, "max_length must be non-negative");
  ZlibObject* z = Z(self);
  OutputBuffer out(max_length == 0 ? INT64_MAX : max_length);
  Failure failure;
  Bytes* result;
  {
    LockGuard guard(z->mutex);
    z->zst.next_in = const_cast<Bytef*>(in.data);
    int err = inflate_loop(z, &out, in.size, false, &failure);
    if (!failure) {
      save_unconsumed_input(z, in.data + in.size, err);
      if (err == Z_STREAM_END)
        z->eof = true;  // inflateEnd waits for flush(), as in CPython
      else if (err != Z_OK && err != Z_BUF_ERROR)
        failure.zlib(z->zst, err, "while decompressing data");
    }
    z->zst.next_in = nullptr;
    result = out.to_bytes(&z->zst);
  }
  if (failure) return raise_failure(failure);
  return Value(result);
}

Value decompress_flush(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_positional("flush", nargs, 0, 1)) return Value();
  int64_t length = kDefBufSize;
  if (nargs == 1 && !ssize_arg(args[0], &length)) return Value();
  if (length <= 0) return raise(&exc::ValueError, "length must be greater than zero");
  ZlibObject* z = Z(self);
  OutputBuffer out(INT64_MAX, length);
  Failure failure;
  Bytes* result;
  {
    LockGuard guard(z->mutex);
    Bytes* tail = z->unconsumed_tail.as<Bytes>();
    z->zst.next_in = tail->data_ptr;
    int err = inflate_loop(z, &out, tail->size, true, &failure);
    if (!failure) {
      save_unconsumed_input(z, tail->data_ptr + tail->size, err);
      if (err == Z_STREAM_END) {
        z->eof = true;
        z->initialised = false;
        err = inflateEnd(&z->zst);
        if (err != Z_OK) failure.zlib(z->zst, err, "while finishing decompression");
      }
    }
    z->zst.next_in = nullptr;
    result = out.to_bytes(&z->zst);
  }
  if (failure) return raise_failure(failure);
  return Value(result);
}

// ---- copy ----

Value zlib_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return Value();
  ZlibObject* z = Z(self);
  bool compressing = type_of(self) == &compress_type;
  ZlibObject* c = new_zlib_object(type_of(self));
  Failure failure;
  {
    LockGuard guard(z->mutex);
    int err = !z->initialised ? Z_STREAM_ERROR
              : compressing   ? deflateCopy(&c->zst, &z->zst)
                              : inflateCopy(&c->zst, &z->zst);
    if (err == Z_OK) {
      c->initialised = true;
      c->eof = z->eof;
      c->unused_data = z->unused_data;
      c->unconsumed_tail = z->unconsumed_tail;
      c->zdict = z->zdict;
    } else if (err == Z_STREAM_ERROR) {
      failure.other(Failure::kValue, "Inconsistent stream state");
    } else if (err == Z_MEM_ERROR) {
      failure.other(Failure::kMemory, compressing ? "Can't allocate memory for compression object"
                                                  : "Can't allocate memory for decompression object");
    } else {
      failure.zlib(z->zst, err, compressing ? "while copying compression object" : "while copying decompression object");
    }
  }
  if (failure) return raise_failure(failure);
  return Value(c);
}

Value zlib_deepcopy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__deepcopy__", kwnames) || !check_positional("__deepcopy__", nargs, 1, 1)) return Value();
  return zlib_copy(self, nullptr, 0, nullptr);
}

Value decompress_get_unused_data(Value self) { return Z(self)->unused_data; }
Value decompress_get_unconsumed_tail(Value self) { return Z(self)->unconsumed_tail; }
Value decompress_get_eof(Value self) { return Bool(Z(self)->eof); }

const MethodDef compress_methods[] = {
    {"compress", compress_compress, kMethodInstance, "Returns a bytes object containing compressed data."},
    {"flush", compress_flush, kMethodInstance, "Return a bytes object containing any remaining compressed data."},
    {"copy", zlib_copy, kMethodInstance, "Return a copy of the compression object."},
    {"__copy__", zlib_copy, kMethodInstance, nullptr},
    {"__deepcopy__", zlib_deepcopy, kMethodInstance, nullptr},
    {nullptr}};

const MethodDef decompress_methods[] = {
    {"decompress", decompress_decompress, kMethodInstance, "Return a bytes object containing the decompressed version of the data."},
    {"flush", decompress_flush, kMethodInstance, "Return a bytes object containing any remaining decompressed data."},
    {"copy", zlib_copy, kMethodInstance, "Return a copy of the decompression object."},
    {"__copy__", zlib_copy, kMethodInstance, nullptr},
    {"__deepcopy__", zlib_deepcopy, kMethodInstance, nullptr},
    {nullptr}};

const GetSetDef decompress_getsets[] = {
    {"unused_data", decompress_get_unused_data, nullptr, nullptr},
    {"unconsumed_tail", decompress_get_unconsumed_tail, nullptr, nullptr},
    {"eof", decompress_get_eof, nullptr, nullptr},
    {nullptr}};

const MethodDef zlib_functions[] = {
    {"adler32", zlib_adler32, kMethodStatic, "Compute an Adler-32 checksum of data."},
    {"compress", zlib_compress, kMethodStatic, "Returns a bytes object containing compressed data."},
    {"compressobj", zlib_compressobj, kMethodStatic, "Return a compressor object."},
    {"crc32", zlib_crc32, kMethodStatic, "Compute a CRC-32 checksum of data."},
    {"decompress", zlib_decompress, kMethodStatic, "Returns a bytes object containing the uncompressed data."},
    {"decompressobj", zlib_decompressobj, kMethodStatic, "Return a decompressor object."},
    {nullptr}};

bool zlib_module_init(Module* m) {
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("zlib")));
  Value error = type_new_impl(&type_type, intern_cstr("error"), tuple_pack({Value(&exc::Exception)}), ns, nullptr);
  if (!error) return false;
  zlib_error = error.as<Type>();
  if (module_add(m, "error", error) < 0) return false;

  compress_type.native_name = "zlib.Compress";
  compress_type.methods = compress_methods;
  decompress_type.native_name = "zlib.Decompress";
  decompress_type.methods = decompress_methods;
  decompress_type.getsets = decompress_getsets;
  for (Type* t : {&compress_type, &decompress_type}) {
    t->instance_size = sizeof(ZlibObject);
    t->flags = kTypeDisallowInstantiation;
    type_ready(t);
  }

  static const std::pair<const char*, int> constants[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", kDefMemLevel},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (auto [name, value] : constants)
    if (module_add(m, name, Value::from_small_int(value)) < 0) return false;
  return module_add(m, "ZLIB_VERSION", Value(str_from_ascii(ZLIB_VERSION))) >= 0 &&
         module_add(m, "ZLIB_RUNTIME_VERSION", Value(str_from_ascii(zlibVersion()))) >= 0 &&
         module_add(m, "__version__", Value(str_from_ascii("1.0"))) >= 0;
}

}  // namespace

extern const ModuleDef zlib_module;
const ModuleDef zlib_module = {"zlib", "The functions in this module allow compression and decompression using the zlib library.",
                               zlib_functions, zlib_module_init};

}  // namespace spindle
