// _io.TextIOWrapper: text I/O over a buffered binary stream.
//
// UTF-8, ASCII and Latin-1 are encoded and decoded natively; other encodings
// use the incremental encoder and decoder of the codecs registry. Universal
// newline decoding is done natively on top of either. tell() and seek() use
// CPython's opaque cookies (start position, decoder flags, bytes to feed,
// characters to skip, need-EOF flag) so positions match CPython's.
//
// Operations hold the object's IOLock; self.flush() (which may be overridden)
// is always called without it.
#include <algorithm>
#include <cstring>
#include <string>

#include "gc/gc.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle::io {

Type textiowrapper_type;

namespace {

struct TextIO : IOBase {
  IOLock lock;
  bool ok, detached;
  Value buffer;
  Str* encoding;
  Str* errors;
  NativeEncoding native;  // Utf8, Ascii or Latin1: coded natively; None: through `encoder` / `decoder`
  Value encoder, decoder; // incremental codec objects of the registry (non-native encodings)
  bool has_encoder, has_decoder;  // the buffer is writable / readable
  uint8_t dec_pending[8];         // native decoding: an unfinished byte sequence
  int dec_pending_len;
  bool readuniversal, readtranslate, writetranslate, line_buffering, write_through;
  NewlineState nl;                // universal newline decoding
  Str* readnl;                    // null for newline=None
  Str* writenl;                   // "\r" or "\r\n" when "\n" is translated on output
  Str* decoded_chars;             // decoded, not yet returned text (null: none)
  int64_t decoded_chars_used;
  uint8_t* pending;               // encoded output not yet given to the buffer (pointer-free)
  int64_t pending_len, pending_cap;
  int64_t chunk_size;
  // What tell() reconstructs positions from: the decoder flags before the
  // last read chunk and the bytes fed to the decoder since.
  bool has_snapshot;
  int64_t snapshot_flags;
  Value snapshot_input;
  bool seekable, telling, has_read1, encoding_start_of_stream;
  double b2cratio;
};

TextIO* as_textio(Value self) { return self.as<TextIO>(); }

bool check_attached(TextIO* t) {
  if (t->ok && !t->detached) return true;
  raise(&exc::ValueError, t->detached ? "underlying buffer has been detached" : "I/O operation on uninitialized object");
  return false;
}

bool check_closed_text(Value self, TextIO* t) {
  int c;
  if (type_of(self) == &textiowrapper_type) {
    c = buffered_closed_fast(t->buffer);
    if (c < 0) {
      Value v = get_attr(t->buffer, ids::closed);
      if (!v) return false;
      c = truthy(v);
    }
  } else {
    c = is_closed(self);
  }
  if (c < 0) return false;
  if (c) {
    raise_closed();
    return false;
  }
  return true;
}

Str* errors_or_null(TextIO* t) {
  return str_equals_ascii(t->errors, "strict") ? nullptr : t->errors;
}

// ------------------------------------------------------------------ decoding (lock held)

Value check_decoded(Value decoded) {
  if (!decoded) return Value();
  if (!is_str(decoded))
    return raise(&exc::TypeError, "decoder should return a string result, not '%s'", type_name(decoded));
  return decoded;
}

Value decode_locked(TextIO* t, Value input, bool final) {
  Value out;
  if (t->native != NativeEncoding::None) {
    BufferView view;
    if (!get_buffer(input, &view)) return Value();
    std::string joined;
    const uint8_t* p = view.data;
    size_t n = size_t(view.size);
    if (t->dec_pending_len) {
      joined.assign(reinterpret_cast<const char*>(t->dec_pending), size_t(t->dec_pending_len));
      joined.append(reinterpret_cast<const char*>(p), n);
      p = reinterpret_cast<const uint8_t*>(joined.data());
      n = joined.size();
    }
    size_t consumed = 0;
    Str* text = decode_native_str(t->native, p, n, errors_or_null(t), final, &consumed);
    if (!text) return Value();
    size_t rest = n - consumed;
    if (rest > sizeof t->dec_pending) return raise(&exc::SystemError, "incremental decoder kept too much input");
    std::memmove(t->dec_pending, p + consumed, rest);
    t->dec_pending_len = int(rest);
    out = Value(text);
  } else {
    Value args[2] = {input, Bool(final)};
    out = check_decoded(call_method(t->decoder, ids::decode, args, 2));
    if (!out) return Value();
  }
  if (t->readuniversal) out = Value(t->nl.process(out.as<Str>(), final));
  return out;
}

bool decoder_getstate_locked(TextIO* t, Value* buf, int64_t* flags) {
  if (t->native != NativeEncoding::None) {
    *buf = Value(bytes_new(t->dec_pending, size_t(t->dec_pending_len)));
    *flags = 0;
  } else {
    Value st = call_method0(t->decoder, ids::getstate);
    if (!st) return false;
    if (!is_tuple(st) || st.as<Tuple>()->size != 2) {
      raise(&exc::TypeError, "illegal decoder state");
      return false;
    }
    *buf = st.as<Tuple>()->items[0];
    if (!is_bytes(*buf)) {
      raise(&exc::TypeError, "illegal decoder state: the first item should be a bytes object, not '%s'",
            type_name(*buf));
      return false;
    }
    if (!is_int(st.as<Tuple>()->items[1])) {
      raise(&exc::TypeError, "illegal decoder state");
      return false;
    }
    if (!int_to_i64(st.as<Tuple>()->items[1], flags)) return false;
  }
  if (t->readuniversal) *flags = (*flags << 1) | (t->nl.pendingcr ? 1 : 0);
  return true;
}

bool decoder_setstate_locked(TextIO* t, Value buf, int64_t flags) {
  if (t->readuniversal) {
    t->nl.pendingcr = flags & 1;
    flags >>= 1;
  }
  if (t->native != NativeEncoding::None) {
    BufferView view;
    if (!get_buffer(buf, &view)) return false;
    size_t n = std::min(size_t(view.size), sizeof t->dec_pending);
    std::memcpy(t->dec_pending, view.data, n);
    t->dec_pending_len = int(n);
    return true;
  }
  return call_method1(t->decoder, ids::setstate, Value(tuple_pack({buf, int_from_i64(flags)}))) != Value();
}

bool decoder_reset_locked(TextIO* t) {
  if (t->readuniversal) {
    t->nl.seennl = 0;
    t->nl.pendingcr = false;
  }
  if (t->native != NativeEncoding::None) {
    t->dec_pending_len = 0;
    return true;
  }
  return call_method0(t->decoder, ids::reset) != Value();
}

void set_decoded_chars(TextIO* t, Str* chars) {
  t->decoded_chars = chars;
  t->decoded_chars_used = 0;
}

// Up to n (< 0: all) of the decoded characters not returned yet.
Str* take_decoded_chars(TextIO* t, int64_t n) {
  if (!t->decoded_chars) return str_empty();
  int64_t avail = t->decoded_chars->length - t->decoded_chars_used;
  if (n < 0 || n > avail) n = avail;
  Str* r = n == t->decoded_chars->length && t->decoded_chars_used == 0
               ? t->decoded_chars
               : str_substr(t->decoded_chars, t->decoded_chars_used, t->decoded_chars_used + n);
  t->decoded_chars_used += n;
  return r;
}

// Reads and decodes one chunk from the buffer: 1 if it got data, 0 at EOF, -1 on error.
int read_chunk_locked(TextIO* t, int64_t size_hint) {
  if (!t->has_decoder) {
    raise_unsupported("not readable");
    return -1;
  }
  Value dec_buffer;
  int64_t dec_flags = 0;
  if (t->telling && !decoder_getstate_locked(t, &dec_buffer, &dec_flags)) return -1;
  int64_t chunk = t->chunk_size;
  if (size_hint > 0) {
    size_hint = int64_t(std::max(t->b2cratio, 1.0) * double(size_hint));
    chunk = std::max(chunk, size_hint);
  }
  Value input = call_method1(t->buffer, t->has_read1 ? ids::read1 : ids::read, int_from_i64(chunk));
  if (!input) return -1;
  BufferView view;
  if (!get_buffer(input, &view)) {
    clear_error();
    raise(&exc::TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
          t->has_read1 ? "read1" : "read", type_name(input));
    return -1;
  }
  int64_t nbytes = view.size;
  bool eof = nbytes == 0;
  Value decoded = decode_locked(t, input, eof);
  if (!decoded) return -1;
  Str* text = decoded.as<Str>();
  set_decoded_chars(t, text);
  int64_t nchars = text->length;
  t->b2cratio = nchars > 0 ? double(nbytes) / double(nchars) : 0.0;
  if (nchars > 0) eof = false;
  if (t->telling) {
    // The decoder state and everything fed to it since: where tell() restarts from.
    Bytes* prev = dec_buffer.as<Bytes>();
    std::string all(prev->view());
    all.append(reinterpret_cast<const char*>(view.data), size_t(nbytes));
    t->has_snapshot = true;
    t->snapshot_flags = dec_flags;
    t->snapshot_input = Value(bytes_new(all.data(), all.size()));
  }
  return eof ? 0 : 1;
}

// ------------------------------------------------------------------ encoding (lock held)

bool pending_append(TextIO* t, const char* data, size_t n) {
  if (t->pending_len + int64_t(n) > t->pending_cap) {
    int64_t cap = std::max<int64_t>(t->pending_len + int64_t(n), std::max<int64_t>(t->pending_cap * 2, 256));
    auto* nb = static_cast<uint8_t*>(gc::alloc_atomic(size_t(cap)));
    if (t->pending_len) std::memcpy(nb, t->pending, size_t(t->pending_len));
    t->pending = nb;
    t->pending_cap = cap;
  }
  std::memcpy(t->pending + t->pending_len, data, n);
  t->pending_len += int64_t(n);
  return true;
}

// Gives the pending encoded output to the buffer.
bool writeflush_locked(TextIO* t) {
  if (t->pending_len == 0) return true;
  Value b(bytes_new(t->pending, size_t(t->pending_len)));
  t->pending_len = 0;
  return call_method1(t->buffer, ids::write, b) != Value();
}

bool encoder_reset_locked(TextIO* t, bool start_of_stream) {
  if (!t->has_encoder || t->native != NativeEncoding::None) return true;
  Value r = start_of_stream ? call_method0(t->encoder, ids::reset)
                            : call_method1(t->encoder, ids::setstate, Value::from_small_int(0));
  if (!r) return false;
  t->encoding_start_of_stream = start_of_stream;
  return true;
}

// After opening in the middle of a stream, an encoder must not write a BOM.
bool fix_encoder_state(TextIO* t) {
  if (!t->seekable || !t->has_encoder) return true;
  t->encoding_start_of_stream = true;
  Value pos = call_method0(t->buffer, ids::tell);
  if (!pos) return false;
  int eq = rich_compare_bool(pos, Value::from_small_int(0), CompareOp::EQ);
  if (eq < 0) return false;
  if (!eq) return encoder_reset_locked(t, false);
  return true;
}

// ------------------------------------------------------------------ cookies

struct Cookie {
  int64_t start_pos = 0;
  int64_t dec_flags = 0;
  int64_t bytes_to_feed = 0;
  int64_t chars_to_skip = 0;
  int64_t need_eof = 0;
};

// The fields are laid out as CPython packs them: 8 + 4 + 4 + 4 + 1 bytes, little-endian.
Value build_cookie(const Cookie& c) {
  Value r = int_from_i64(c.start_pos);
  const std::pair<int64_t, int> parts[] = {{c.dec_flags, 64}, {c.bytes_to_feed, 96}, {c.chars_to_skip, 128},
                                           {c.need_eof, 160}};
  for (auto [v, shift] : parts) {
    if (!v) continue;
    Value part = int_lshift(int_from_u64(uint64_t(v) & 0xFFFFFFFFu), Value::from_small_int(shift));
    if (!part) return Value();
    r = int_or(r, part);
    if (!r) return Value();
  }
  return r;
}

bool parse_cookie(Value cookie, Cookie* c) {
  auto field = [&](int shift, int bits, int64_t* out) -> bool {
    Value v = int_rshift(cookie, Value::from_small_int(shift));
    if (!v) return false;
    Value mask = bits == 64 ? int_sub(int_lshift(Value::from_small_int(1), Value::from_small_int(64)),
                                      Value::from_small_int(1))
                            : int_from_i64((int64_t(1) << bits) - 1);
    v = int_and(v, mask);
    if (!v) return false;
    uint64_t u;
    if (!int_to_u64(v, &u)) return false;
    *out = bits == 32 ? int64_t(int32_t(uint32_t(u))) : int64_t(u);
    return true;
  };
  Value top = int_rshift(cookie, Value::from_small_int(168));
  if (!top) return false;
  if (int_sign(top) != 0) {
    raise(&exc::OverflowError, "int too big to convert");
    return false;
  }
  return field(0, 64, &c->start_pos) && field(64, 32, &c->dec_flags) && field(96, 32, &c->bytes_to_feed) &&
         field(128, 32, &c->chars_to_skip) && field(160, 8, &c->need_eof);
}

bool decoder_setstate_cookie_locked(TextIO* t, const Cookie& c) {
  if (c.start_pos == 0 && c.dec_flags == 0) return decoder_reset_locked(t);
  return decoder_setstate_locked(t, Value(bytes_empty()), c.dec_flags);
}

// ------------------------------------------------------------------ construction

Value textio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* t = alloc_instance<TextIO>(type);
  new (&t->lock.mutex) Mutex();
  t->chunk_size = kDefaultBufferSize;
  return Value(t);
}

void set_newline(TextIO* t, Value newline) {
  t->readnl = newline && !is_none(newline) ? newline.as<Str>() : nullptr;
  t->readuniversal = !t->readnl || t->readnl->length == 0;
  t->readtranslate = !t->readnl;
  t->writetranslate = !t->readnl || t->readnl->length != 0;
  t->writenl = nullptr;
  if (!t->readuniversal && t->readnl && !str_equals_ascii(t->readnl, "\n")) t->writenl = t->readnl;
}

// (Re)creates the encoder and decoder for t->encoding and t->errors.
bool set_codecs(TextIO* t) {
  Value readable = call_method0(t->buffer, ids::readable);
  if (!readable) return false;
  int r = truthy(readable);
  if (r < 0) return false;
  Value writable = call_method0(t->buffer, ids::writable);
  if (!writable) return false;
  int w = truthy(writable);
  if (w < 0) return false;
  NativeEncoding ne = native_encoding_of(Value(t->encoding));
  bool native = ne == NativeEncoding::Utf8 || ne == NativeEncoding::Ascii || ne == NativeEncoding::Latin1;
  t->native = native ? ne : NativeEncoding::None;
  t->encoder = Value();
  t->decoder = Value();
  t->dec_pending_len = 0;
  t->nl = NewlineState{t->readtranslate, false, 0};
  t->has_decoder = r;
  t->has_encoder = w;
  if (native) return true;
  Value info = codec_lookup_text(Value(t->encoding), "codecs.open()");
  if (!info) return false;
  if (r) {
    Value make = get_attr_cstr(info, "incrementaldecoder");
    if (!make) return false;
    t->decoder = call1(make, Value(t->errors));
    if (!t->decoder) return false;
  }
  if (w) {
    Value make = get_attr_cstr(info, "incrementalencoder");
    if (!make) return false;
    t->encoder = call1(make, Value(t->errors));
    if (!t->encoder) return false;
  }
  return true;
}

bool bool_arg(Value v, bool* out) {
  if (!v) return true;
  int b = truthy(v);
  if (b < 0) return false;
  *out = b;
  return true;
}

int textio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"TextIOWrapper", {"buffer", "encoding", "errors", "newline", "line_buffering",
                                              "write_through"}, 1};
  Value a[6] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  TextIO* t = as_textio(self);
  t->ok = false;
  t->detached = false;
  Value encoding = a[1] && !is_none(a[1]) ? a[1] : Value();
  if (encoding && !is_str(encoding)) {
    raise(&exc::TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s", type_name(encoding));
    return -1;
  }
  if (encoding) {
    Str* e = encoding.as<Str>();
    for (int64_t i = 0; i < e->length; i++)
      if (e->at(i) == 0) {
        raise(&exc::ValueError, "embedded null character");
        return -1;
      }
  }
  Value errors = a[2] && !is_none(a[2]) ? a[2] : Value(intern_cstr("strict"));
  if (!is_str(errors)) {
    raise(&exc::TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s", type_name(errors));
    return -1;
  }
  Value newline = a[3] ? a[3] : None();
  if (!check_newline(newline, true)) return -1;
  bool line_buffering = false, write_through = false;
  if (!bool_arg(a[4], &line_buffering) || !bool_arg(a[5], &write_through)) return -1;

  LockScope scope(t->lock, self);
  if (!scope.held()) return -1;
  if (t->buffer && t->buffer.is_object() && is_instance_of(t->buffer, &iobase_type))
    t->buffer.as<IOBase>()->owned.store(false);
  set_decoded_chars(t, nullptr);
  t->has_snapshot = false;
  t->snapshot_input = Value();
  t->pending_len = 0;
  t->b2cratio = 0.0;
  if (!encoding) t->encoding = intern_cstr("utf-8");
  else if (str_equals_ascii(encoding.as<Str>(), "locale")) t->encoding = intern_cstr("UTF-8");
  else t->encoding = encoding.as<Str>();
  t->errors = errors.as<Str>();
  t->chunk_size = kDefaultBufferSize;
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  set_newline(t, newline);
  t->buffer = a[0];
  if (!set_codecs(t)) return -1;
  Value seekable = call_method0(t->buffer, ids::seekable);
  if (!seekable) return -1;
  int s = truthy(seekable);
  if (s < 0) return -1;
  t->seekable = t->telling = s;
  Value read1 = lookup_attr(t->buffer, ids::read1);
  if (!read1 && error_occurred()) return -1;
  t->has_read1 = bool(read1);
  t->encoding_start_of_stream = false;
  if (!fix_encoder_state(t)) return -1;
  if (is_instance_of(t->buffer, &iobase_type)) t->buffer.as<IOBase>()->owned.store(true);
  t->closed.store(false);
  t->ok = true;
  if (t->has_encoder) track_for_exit_flush(self, true);
  return 0;
}

// ------------------------------------------------------------------ writing

#define CHECK_ATTACHED(t) \
  if (!check_attached(t)) return Value()

Str* replace_newlines(Str* text, Str* nl) {
  StrBuilder b;
  for (int64_t i = 0; i < text->length; i++) {
    uint32_t c = text->at(i);
    if (c == '\n') b.append(nl);
    else b.append(c);
  }
  return b.finish();
}

bool contains_char(Str* s, uint32_t c) {
  for (int64_t i = 0; i < s->length; i++)
    if (s->at(i) == c) return true;
  return false;
}

Value textio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  if (!is_str(args[0])) return raise(&exc::TypeError, "write() argument must be str, not %s", type_name(args[0]));
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  if (!check_closed_text(self, t)) return Value();
  if (!t->has_encoder) return raise_unsupported("not writable");
  Str* text = args[0].as<Str>();
  int64_t text_len = text->length;
  bool haslf = false;
  if ((t->writetranslate && t->writenl) || t->line_buffering) haslf = contains_char(text, '\n');
  if (haslf && t->writetranslate && t->writenl) text = replace_newlines(text, t->writenl);
  bool text_needflush = t->write_through;
  bool needflush = t->line_buffering && (haslf || contains_char(text, '\r'));

  std::string encoded;
  Value py_encoded;
  if (t->native != NativeEncoding::None) {
    if (!encode_native(t->native, text, errors_or_null(t), &encoded)) return Value();
  } else {
    py_encoded = call_method1(t->encoder, ids::encode, Value(text));
    if (!py_encoded) return Value();
    if (!is_bytes(py_encoded))
      return raise(&exc::TypeError, "encoder should return a bytes object, not '%s'", type_name(py_encoded));
  }
  t->encoding_start_of_stream = false;
  std::string_view bytes = py_encoded ? py_encoded.as<Bytes>()->view() : std::string_view(encoded);
  // Never let the pending output grow past one chunk.
  if (t->pending_len + int64_t(bytes.size()) > t->chunk_size && !writeflush_locked(t)) return Value();
  pending_append(t, bytes.data(), bytes.size());
  if (t->pending_len >= t->chunk_size || needflush || text_needflush) {
    if (!writeflush_locked(t)) return Value();
  }
  if (needflush && !call_method0(t->buffer, ids::flush)) return Value();
  set_decoded_chars(t, nullptr);
  t->has_snapshot = false;
  if (t->has_decoder && !decoder_reset_locked(t)) return Value();
  return int_from_i64(text_len);
}

Value textio_flush(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  if (!check_closed_text(self, t)) return Value();
  t->telling = t->seekable;
  if (!writeflush_locked(t)) return Value();
  return call_method0(t->buffer, ids::flush);
}

// ------------------------------------------------------------------ reading

Value read_locked(Value self, TextIO* t, int64_t n) {
  if (!check_closed_text(self, t)) return Value();
  if (!t->has_decoder) return raise_unsupported("not readable");
  if (!writeflush_locked(t)) return Value();
  if (n < 0) {
    Value bytes = call_method0(t->buffer, ids::read);
    if (!bytes) return Value();
    if (is_none(bytes)) bytes = Value(bytes_empty());
    Value decoded = decode_locked(t, bytes, true);
    if (!decoded) return Value();
    Str* result = str_concat(take_decoded_chars(t, -1), decoded.as<Str>());
    set_decoded_chars(t, nullptr);
    t->has_snapshot = false;
    return Value(result);
  }
  Str* result = take_decoded_chars(t, n);
  int64_t remaining = n - result->length;
  if (remaining <= 0) return Value(result);
  StrBuilder all;
  all.append(result);
  while (remaining > 0) {
    int r = read_chunk_locked(t, remaining);
    if (r < 0) return Value();
    if (r == 0) break;
    Str* more = take_decoded_chars(t, remaining);
    all.append(more);
    remaining -= more->length;
  }
  return Value(all.finish());
}

Value textio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  int64_t n;
  if (!size_arg(a[0], -1, &n)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  return read_locked(self, t, n);
}

Value readline_locked(Value self, TextIO* t, int64_t limit) {
  if (!check_closed_text(self, t)) return Value();
  if (!writeflush_locked(t)) return Value();
  int64_t chunked = 0, start = 0, endpos = 0, offset_to_buffer = 0;
  Str* line = nullptr;
  Str* remaining = nullptr;
  List* chunks = nullptr;
  for (;;) {
    int res = 1;
    while (!t->decoded_chars || t->decoded_chars->length == 0) {
      res = read_chunk_locked(t, 0);
      if (res < 0) return Value();
      if (res == 0) break;
    }
    if (res == 0) {
      set_decoded_chars(t, nullptr);
      t->has_snapshot = false;
      start = endpos = offset_to_buffer = 0;
      line = nullptr;
      break;
    }
    if (!remaining) {
      line = t->decoded_chars;
      start = t->decoded_chars_used;
      offset_to_buffer = 0;
    } else {
      line = str_concat(remaining, t->decoded_chars);
      start = 0;
      offset_to_buffer = remaining->length;
      remaining = nullptr;
    }
    int64_t consumed = 0;
    int64_t found = find_line_ending(t->readtranslate, t->readuniversal, t->readnl, line, start, line->length,
                                     &consumed);
    if (found >= 0) {
      endpos = start + found;
      if (limit >= 0 && (endpos - start) + chunked >= limit) endpos = start + limit - chunked;
      break;
    }
    endpos = consumed + start;
    if (limit >= 0 && (endpos - start) + chunked >= limit) {
      endpos = start + limit - chunked;
      break;
    }
    if (endpos > start) {
      if (!chunks) chunks = list_new();
      Str* piece = str_substr(line, start, endpos);
      list_append(chunks, Value(piece));
      chunked += piece->length;
    }
    if (endpos < line->length) remaining = str_substr(line, endpos, line->length);
    line = nullptr;
    set_decoded_chars(t, nullptr);
  }
  if (line) {
    t->decoded_chars_used = endpos - offset_to_buffer;
    if (start > 0 || endpos < line->length) line = str_substr(line, start, endpos);
  }
  if (remaining) {
    if (!chunks) chunks = list_new();
    list_append(chunks, Value(remaining));
  }
  if (chunks) {
    if (line) list_append(chunks, Value(line));
    return str_join(str_empty(), Value(chunks));
  }
  return Value(line ? line : str_empty());
}

Value textio_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  int64_t limit = -1;
  if (a[0] && !index_as_i64(a[0], &limit, &exc::OverflowError)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  return readline_locked(self, t, limit);
}

Value textio_next(Value self) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  t->telling = false;
  Value line;
  if (type_of(self) == &textiowrapper_type) {
    LockScope scope(t->lock, self);
    if (!scope.held()) return Value();
    line = readline_locked(self, t, -1);
  } else {
    line = call_method0(self, ids::readline);
    if (line && !is_str(line))
      return raise(&exc::OSError, "readline() should have returned a str object, not '%s'", type_name(line));
  }
  if (!line) return Value();
  if (line.as<Str>()->length == 0) {
    // End of file: tell() works again.
    t->has_snapshot = false;
    t->telling = t->seekable;
    return Value();
  }
  return line;
}

// ------------------------------------------------------------------ tell and seek

Value textio_tell(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  {
    LockScope scope(t->lock, self);
    if (!scope.held()) return Value();
    if (!check_closed_text(self, t)) return Value();
    if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
    if (!t->telling) return raise(&exc::OSError, "telling position disabled by next() call");
    if (!writeflush_locked(t)) return Value();
  }
  if (!call_method0(self, ids::flush)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  Value posobj = call_method0(t->buffer, ids::tell);
  if (!posobj) return Value();
  if (!t->has_decoder || !t->has_snapshot) return posobj;
  Cookie cookie;
  if (!index_as_i64(posobj, &cookie.start_pos, &exc::OverflowError)) return Value();
  Bytes* next_input = t->snapshot_input.as<Bytes>();
  cookie.start_pos -= next_input->size;
  cookie.dec_flags = t->snapshot_flags;
  if (t->decoded_chars_used == 0) return build_cookie(cookie);

  int64_t chars_to_skip = t->decoded_chars_used;
  Value saved_buf;
  int64_t saved_flags;
  if (!decoder_getstate_locked(t, &saved_buf, &saved_flags)) return Value();
  bool saved_pendingcr = t->nl.pendingcr;
  int saved_seennl = t->nl.seennl;
  const uint8_t* input = next_input->data_ptr;
  int64_t input_len = next_input->size;

  auto decoded_length = [&](const uint8_t* p, int64_t n, int64_t* out) -> bool {
    Value d = decode_locked(t, Value(bytes_new(p, size_t(n))), false);
    if (!d) return false;
    *out = d.as<Str>()->length;
    return true;
  };
  auto restore = [&]() -> bool {
    if (!decoder_setstate_locked(t, saved_buf, saved_flags)) return false;
    t->nl.pendingcr = saved_pendingcr;
    t->nl.seennl = saved_seennl;
    return true;
  };
  auto fail = [&]() -> Value {
    Value e = fetch_error();
    restore();
    clear_error();
    restore_error(e);
    return Value();
  };

  // Fast search for a start point close to the position.
  int64_t skip_bytes = int64_t(t->b2cratio * double(chars_to_skip));
  int64_t skip_back = 1;
  while (skip_bytes > 0) {
    if (!decoder_setstate_cookie_locked(t, cookie)) return fail();
    int64_t n;
    if (!decoded_length(input, std::min(skip_bytes, input_len), &n)) return fail();
    if (n <= chars_to_skip) {
      Value buf;
      int64_t flags;
      if (!decoder_getstate_locked(t, &buf, &flags)) return fail();
      int64_t buffered = buf.as<Bytes>()->size;
      if (buffered == 0) {
        // Before the position with nothing buffered in the decoder: a safe start.
        cookie.dec_flags = flags;
        chars_to_skip -= n;
        break;
      }
      skip_bytes -= buffered;
      skip_back = 1;
    } else {
      skip_bytes -= skip_back;
      skip_back *= 2;
    }
  }
  if (skip_bytes <= 0) {
    skip_bytes = 0;
    if (!decoder_setstate_cookie_locked(t, cookie)) return fail();
  }
  cookie.start_pos += skip_bytes;
  cookie.chars_to_skip = chars_to_skip;
  if (chars_to_skip > 0) {
    // Feed the decoder one byte at a time, noting the last safe start point.
    int64_t chars_decoded = 0;
    int64_t i = skip_bytes;
    for (; i < input_len; i++) {
      int64_t n;
      if (!decoded_length(input + i, 1, &n)) return fail();
      chars_decoded += n;
      cookie.bytes_to_feed += 1;
      Value buf;
      int64_t flags;
      if (!decoder_getstate_locked(t, &buf, &flags)) return fail();
      if (buf.as<Bytes>()->size == 0 && chars_decoded <= chars_to_skip) {
        cookie.start_pos += cookie.bytes_to_feed;
        chars_to_skip -= chars_decoded;
        cookie.dec_flags = flags;
        cookie.bytes_to_feed = 0;
        chars_decoded = 0;
      }
      if (chars_decoded >= chars_to_skip) break;
    }
    if (i >= input_len) {
      // Not enough decoded data: signal EOF to get the rest.
      Value d = decode_locked(t, Value(bytes_empty()), true);
      if (!d) return fail();
      chars_decoded += d.as<Str>()->length;
      cookie.need_eof = 1;
      if (chars_decoded < chars_to_skip) {
        raise(&exc::OSError, "can't reconstruct logical file position");
        return fail();
      }
    }
  }
  if (!restore()) return Value();
  cookie.chars_to_skip = chars_to_skip;
  return build_cookie(cookie);
}

Value textio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"seek", {"cookie", "whence"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  int64_t whence = 0;
  if (a[1] && !index_as_i64(a[1], &whence, &exc::OverflowError)) return Value();
  Value cookie_obj = a[0];
  {
    LockScope scope(t->lock, self);
    if (!scope.held()) return Value();
    if (!check_closed_text(self, t)) return Value();
    if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
  }
  Value zero = Value::from_small_int(0);
  if (whence == 1) {
    int eq = rich_compare_bool(cookie_obj, zero, CompareOp::EQ);
    if (eq < 0) return Value();
    if (!eq) return raise_unsupported("can't do nonzero cur-relative seeks");
    // Seeking to the current position syncs the buffer with it.
    cookie_obj = call_method0(self, ids::tell);
    if (!cookie_obj) return Value();
  } else if (whence == 2) {
    int eq = rich_compare_bool(cookie_obj, zero, CompareOp::EQ);
    if (eq < 0) return Value();
    if (!eq) return raise_unsupported("can't do nonzero end-relative seeks");
    if (!call_method0(self, ids::flush)) return Value();
    LockScope scope(t->lock, self);
    if (!scope.held()) return Value();
    set_decoded_chars(t, nullptr);
    t->has_snapshot = false;
    if (t->has_decoder && !decoder_reset_locked(t)) return Value();
    Value args2[2] = {zero, Value::from_small_int(2)};
    Value res = call_method(t->buffer, ids::seek, args2, 2);
    if (!res) return Value();
    if (t->has_encoder) {
      int at_start = rich_compare_bool(res, zero, CompareOp::EQ);
      if (at_start < 0 || !encoder_reset_locked(t, at_start)) return Value();
    }
    return res;
  } else if (whence != 0) {
    return raise(&exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  }
  if (!is_int(cookie_obj)) {
    cookie_obj = number_index(cookie_obj);
    if (!cookie_obj) return Value();
  }
  if (int_sign(cookie_obj) < 0) return raise(&exc::ValueError, "negative seek position %R", cookie_obj);
  if (!call_method0(self, ids::flush)) return Value();
  Cookie cookie;
  if (!parse_cookie(cookie_obj, &cookie)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  if (!call_method1(t->buffer, ids::seek, int_from_i64(cookie.start_pos))) return Value();
  set_decoded_chars(t, nullptr);
  t->has_snapshot = false;
  if (t->has_decoder && !decoder_setstate_cookie_locked(t, cookie)) return Value();
  if (cookie.chars_to_skip) {
    Value input = call_method1(t->buffer, ids::read, int_from_i64(cookie.bytes_to_feed));
    if (!input) return Value();
    if (!is_bytes(input))
      return raise(&exc::TypeError, "underlying read() should have returned a bytes object, not '%s'",
                   type_name(input));
    t->has_snapshot = true;
    t->snapshot_flags = cookie.dec_flags;
    t->snapshot_input = input;
    Value decoded = decode_locked(t, input, cookie.need_eof != 0);
    if (!decoded) return Value();
    set_decoded_chars(t, decoded.as<Str>());
    if (decoded.as<Str>()->length < cookie.chars_to_skip)
      return raise(&exc::OSError, "can't restore logical file position");
    t->decoded_chars_used = cookie.chars_to_skip;
  } else {
    t->has_snapshot = true;
    t->snapshot_flags = cookie.dec_flags;
    t->snapshot_input = Value(bytes_empty());
  }
  if (t->has_encoder) {
    int at_start = rich_compare_bool(cookie_obj, zero, CompareOp::EQ);
    if (at_start < 0 || !encoder_reset_locked(t, at_start)) return Value();
  }
  return cookie_obj;
}

// ------------------------------------------------------------------ the rest

Value textio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"truncate", {"pos"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  if (!call_method0(self, ids::flush)) return Value();
  return call_method1(t->buffer, ids::truncate, a[0] ? a[0] : None());
}

Value textio_close(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  Value closed = get_attr(t->buffer, ids::closed);
  if (!closed) return Value();
  int c = truthy(closed);
  if (c < 0) return Value();
  if (c) return None();
  if (t->finalizing.load()) {
    if (!call_method1(t->buffer, ids::_dealloc_warn, self)) clear_error();
  }
  Value r = call_method0(self, ids::flush);
  Value first = r ? Value() : fetch_error();
  r = call_method0(t->buffer, ids::close);
  if (first) return chain_exceptions(first);
  return r;
}

Value textio_detach(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  if (!call_method0(self, ids::flush)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  Value buffer = t->buffer;
  if (is_instance_of(buffer, &iobase_type)) buffer.as<IOBase>()->owned.store(false);
  t->buffer = Value();
  t->detached = true;
  return buffer;
}

Value buffer_forward(Value self, Str* name) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  return call_method0(t->buffer, name);
}
Value textio_fileno(Value self, const Value*, size_t, Tuple*) { return buffer_forward(self, ids::fileno); }
Value textio_seekable(Value self, const Value*, size_t, Tuple*) { return buffer_forward(self, ids::seekable); }
Value textio_readable(Value self, const Value*, size_t, Tuple*) { return buffer_forward(self, ids::readable); }
Value textio_writable(Value self, const Value*, size_t, Tuple*) { return buffer_forward(self, ids::writable); }
Value textio_isatty(Value self, const Value*, size_t, Tuple*) { return buffer_forward(self, ids::isatty); }

Value textio_reconfigure(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"reconfigure", {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0,
                            0, 0};
  Value a[5] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  TextIO* t = as_textio(self);
  Value encoding = a[0] && !is_none(a[0]) ? a[0] : Value();
  Value errors = a[1] && !is_none(a[1]) ? a[1] : Value();
  Value newline = a[2];  // null: not given (None is a value here)
  if (encoding && !is_str(encoding))
    return raise(&exc::TypeError, "reconfigure() argument 'encoding' must be str or None, not %s",
                 type_name(encoding));
  if (errors && !is_str(errors))
    return raise(&exc::TypeError, "reconfigure() argument 'errors' must be str or None, not %s", type_name(errors));
  if (newline && !check_newline(newline, true)) return Value();
  bool changing_codec = encoding || errors || newline;
  if (t->decoded_chars && changing_codec)
    return raise_unsupported("It is not possible to set the encoding or newline of stream after the first read");
  bool line_buffering = t->line_buffering, write_through = t->write_through;
  if (a[3] && !is_none(a[3]) && !bool_arg(a[3], &line_buffering)) return Value();
  if (a[4] && !is_none(a[4]) && !bool_arg(a[4], &write_through)) return Value();
  if (!call_method0(self, ids::flush)) return Value();
  LockScope scope(t->lock, self);
  if (!scope.held()) return Value();
  t->b2cratio = 0;
  if (newline) set_newline(t, newline);
  if (changing_codec) {
    if (encoding) {
      t->encoding = str_equals_ascii(encoding.as<Str>(), "locale") ? intern_cstr("UTF-8") : encoding.as<Str>();
      t->errors = errors ? errors.as<Str>() : intern_cstr("strict");
    } else if (errors) {
      t->errors = errors.as<Str>();
    }
    if (!set_codecs(t) || !fix_encoder_state(t)) return Value();
  }
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  return None();
}

Value textio_repr(Value self) {
  TextIO* t = as_textio(self);
  if (!t->ok) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  StrBuilder b;
  b.append_ascii("<_io.TextIOWrapper");
  const char* attrs[2] = {"name", "mode"};
  for (const char* attr : attrs) {
    Value v = lookup_attr(self, intern_cstr(attr));
    if (!v) {
      if (error_occurred()) {
        if (!error_matches(&exc::Exception)) return Value();
        clear_error();
      }
      continue;
    }
    Value r = repr(v);
    if (!r) return Value();
    b.append(' ');
    b.append_utf8(attr);
    b.append('=');
    b.append(r.as<Str>());
  }
  Value enc = repr(Value(t->encoding));
  if (!enc) return Value();
  b.append_ascii(" encoding=");
  b.append(enc.as<Str>());
  b.append('>');
  return Value(b.finish());
}

Value textio_get_encoding(Value self) {
  TextIO* t = as_textio(self);
  if (!t->ok) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  return Value(t->encoding);
}
Value textio_get_errors(Value self) {
  TextIO* t = as_textio(self);
  if (!t->ok) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  return Value(t->errors);
}
Value textio_get_buffer(Value self) {
  TextIO* t = as_textio(self);
  return t->buffer ? t->buffer : None();
}
Value textio_get_line_buffering(Value self) { return Bool(as_textio(self)->line_buffering); }
Value textio_get_write_through(Value self) { return Bool(as_textio(self)->write_through); }
Value textio_get_name(Value self) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  return get_attr(t->buffer, ids::name);
}
Value textio_get_closed(Value self) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  return get_attr(t->buffer, ids::closed);
}
Value textio_get_newlines(Value self) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  if (!t->has_decoder) return None();
  if (t->readuniversal) return t->nl.newlines();
  if (t->native != NativeEncoding::None) return None();
  Value r = lookup_attr(t->decoder, ids::newlines);
  if (!r) return error_occurred() ? Value() : None();
  return r;
}
Value textio_get_chunk_size(Value self) {
  TextIO* t = as_textio(self);
  CHECK_ATTACHED(t);
  return int_from_i64(t->chunk_size);
}
int textio_set_chunk_size(Value self, Value v) {
  TextIO* t = as_textio(self);
  if (!check_attached(t)) return -1;
  if (!v) {
    raise(&exc::AttributeError, "cannot delete attribute");
    return -1;
  }
  int64_t n;
  if (!index_as_i64(v, &n, &exc::ValueError)) return -1;
  if (n <= 0) {
    raise(&exc::ValueError, "a strictly positive integer is required");
    return -1;
  }
  t->chunk_size = n;
  return 0;
}

const MethodDef textio_methods[] = {
    {"detach", textio_detach, kMethodInstance, nullptr},
    {"reconfigure", textio_reconfigure, kMethodInstance, "Reconfigure the text stream with new parameters."},
    {"write", textio_write, kMethodInstance, nullptr},
    {"read", textio_read, kMethodInstance, nullptr},
    {"readline", textio_readline, kMethodInstance, nullptr},
    {"flush", textio_flush, kMethodInstance, nullptr},
    {"close", textio_close, kMethodInstance, nullptr},
    {"fileno", textio_fileno, kMethodInstance, nullptr},
    {"seekable", textio_seekable, kMethodInstance, nullptr},
    {"readable", textio_readable, kMethodInstance, nullptr},
    {"writable", textio_writable, kMethodInstance, nullptr},
    {"isatty", textio_isatty, kMethodInstance, nullptr},
    {"seek", textio_seek, kMethodInstance, nullptr},
    {"tell", textio_tell, kMethodInstance, nullptr},
    {"truncate", textio_truncate, kMethodInstance, nullptr},
    {nullptr}};

const GetSetDef textio_getsets[] = {{"encoding", textio_get_encoding, nullptr, nullptr},
                                    {"buffer", textio_get_buffer, nullptr, nullptr},
                                    {"line_buffering", textio_get_line_buffering, nullptr, nullptr},
                                    {"write_through", textio_get_write_through, nullptr, nullptr},
                                    {"name", textio_get_name, nullptr, nullptr},
                                    {"closed", textio_get_closed, nullptr, nullptr},
                                    {"newlines", textio_get_newlines, nullptr, nullptr},
                                    {"errors", textio_get_errors, nullptr, nullptr},
                                    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, nullptr},
                                    {nullptr}};

const MemberDef textio_members[] = {
    {"_finalizing", MemberKind::Bool, uint32_t(offsetof(TextIO, finalizing)), nullptr}, {nullptr}};

}  // namespace

void init_textio_type() {
  textiowrapper_type.native_name = "_io.TextIOWrapper";
  textiowrapper_type.doc = "Character and line based layer over a BufferedIOBase object, buffer.";
  textiowrapper_type.base = &textiobase_type;
  textiowrapper_type.flags = kTypeBaseType | kTypeHasFinalizer;
  textiowrapper_type.instance_size = sizeof(TextIO);
  textiowrapper_type.new_ = textio_new;
  textiowrapper_type.init = textio_init;
  textiowrapper_type.repr = textio_repr;
  textiowrapper_type.next = textio_next;
  textiowrapper_type.methods = textio_methods;
  textiowrapper_type.getsets = textio_getsets;
  textiowrapper_type.members = textio_members;
  type_ready(&textiowrapper_type);
}

}  // namespace spindle::io
