// _io.StringIO (a text stream over an in-memory buffer of code points) and
// _io.IncrementalNewlineDecoder (universal newline decoding).
#include <algorithm>
#include <cstring>

#include "gc/gc.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle::io {

Type stringio_type, newline_decoder_type;

// ------------------------------------------------------------------ IncrementalNewlineDecoder

namespace {

struct NewlineDecoder : Object {
  Dict* dict;
  Value decoder;  // the wrapped incremental decoder, or None
  Value errors;
  NewlineState state;
  bool ok;
};

NewlineDecoder* as_nldecoder(Value self) { return self.as<NewlineDecoder>(); }

Value check_decoded(Value decoded) {
  if (!decoded) return Value();
  if (!is_str(decoded))
    return raise(&exc::TypeError, "decoder should return a string result, not '%s'", type_name(decoded));
  return decoded;
}

bool nl_check_init(NewlineDecoder* d) {
  if (!d->ok) {
    raise(&exc::ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return false;
  }
  return true;
}

Value nldecoder_new(Type* type, const Value*, size_t, Tuple*) { return Value(alloc_instance<NewlineDecoder>(type)); }

int nldecoder_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"IncrementalNewlineDecoder", {"decoder", "translate", "errors"}, 2};
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  int translate = truthy(a[1]);
  if (translate < 0) return -1;
  NewlineDecoder* d = as_nldecoder(self);
  d->decoder = a[0];
  d->errors = a[2] ? a[2] : Value(intern_cstr("strict"));
  d->state = NewlineState{translate != 0, false, 0};
  d->ok = true;
  return 0;
}

Value nldecoder_decode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"decode", {"input", "final"}, 1};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  NewlineDecoder* d = as_nldecoder(self);
  if (!nl_check_init(d)) return Value();
  bool final = false;
  if (a[1]) {
    int t = truthy(a[1]);
    if (t < 0) return Value();
    final = t;
  }
  Value output = a[0];
  if (!is_none(d->decoder)) {
    Value dargs[2] = {a[0], Bool(final)};
    output = call_method(d->decoder, ids::decode, dargs, 2);
  }
  if (!check_decoded(output)) return Value();
  return Value(d->state.process(output.as<Str>(), final));
}

Value nldecoder_getstate(Value self, const Value*, size_t, Tuple*) {
  NewlineDecoder* d = as_nldecoder(self);
  if (!nl_check_init(d)) return Value();
  Value buffer(bytes_empty());
  int64_t flag = 0;
  if (!is_none(d->decoder)) {
    Value st = call_method0(d->decoder, ids::getstate);
    if (!st) return Value();
    if (!is_tuple(st) || st.as<Tuple>()->size != 2)
      return raise(&exc::TypeError, "illegal decoder state");
    buffer = st.as<Tuple>()->items[0];
    if (!int_to_i64(st.as<Tuple>()->items[1], &flag)) return Value();
  }
  flag = flag * 2 + (d->state.pendingcr ? 1 : 0);
  return Value(tuple_pack({buffer, int_from_i64(flag)}));
}

Value nldecoder_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setstate", kwnames) || !check_nargs("setstate", nargs, 1, 1)) return Value();
  NewlineDecoder* d = as_nldecoder(self);
  if (!nl_check_init(d)) return Value();
  Value st = args[0];
  if (!is_tuple(st) || st.as<Tuple>()->size != 2) return raise(&exc::TypeError, "state argument must be a tuple");
  int64_t flag;
  if (!int_to_i64(st.as<Tuple>()->items[1], &flag)) return Value();
  d->state.pendingcr = flag & 1;
  if (!is_none(d->decoder)) {
    Value inner(tuple_pack({st.as<Tuple>()->items[0], int_from_i64(flag >> 1)}));
    return call_method1(d->decoder, ids::setstate, inner);
  }
  return None();
}

Value nldecoder_reset(Value self, const Value*, size_t, Tuple*) {
  NewlineDecoder* d = as_nldecoder(self);
  if (!nl_check_init(d)) return Value();
  d->state.seennl = 0;
  d->state.pendingcr = false;
  if (!is_none(d->decoder)) return call_method0(d->decoder, ids::reset);
  return None();
}

Value nldecoder_get_newlines(Value self) {
  NewlineDecoder* d = as_nldecoder(self);
  if (!nl_check_init(d)) return Value();
  return d->state.newlines();
}

const MethodDef nldecoder_methods[] = {{"decode", nldecoder_decode, kMethodInstance, nullptr},
                                       {"getstate", nldecoder_getstate, kMethodInstance, nullptr},
                                       {"setstate", nldecoder_setstate, kMethodInstance, nullptr},
                                       {"reset", nldecoder_reset, kMethodInstance, nullptr},
                                       {nullptr}};

const GetSetDef nldecoder_getsets[] = {{"newlines", nldecoder_get_newlines, nullptr, nullptr}, {nullptr}};

// ------------------------------------------------------------------ StringIO

struct StringIO : IOBase {
  Mutex lock;
  uint32_t* buf;  // pointer-free block of `capacity` code points
  int64_t size, capacity, pos;
  bool ok;        // __init__ has run
  bool is_closed; // StringIO.close() ran (distinct from _IOBase's flag, as in CPython)
  bool readuniversal, readtranslate, has_decoder;
  Str* readnl;    // null for newline=None
  Str* writenl;   // "\r" or "\r\n" when writes translate "\n", else null
  NewlineState decoder;  // used when has_decoder (universal newlines)
};

StringIO* as_stringio(Value self) { return self.as<StringIO>(); }

bool check_ready(StringIO* s) {
  if (!s->ok) {
    raise(&exc::ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (s->is_closed) {
    raise(&exc::ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

void reserve_locked(StringIO* s, int64_t need) {
  if (need <= s->capacity) return;
  int64_t cap = std::max<int64_t>(need, s->capacity + (s->capacity >> 3) + 32);
  auto* nb = static_cast<uint32_t*>(gc::alloc_atomic(size_t(cap) * sizeof(uint32_t)));
  if (s->size) std::memcpy(nb, s->buf, size_t(s->size) * sizeof(uint32_t));
  s->buf = nb;
  s->capacity = cap;
}

// The text as it is stored: newlines decoded and translated for writing.
Str* translate_for_write(StringIO* s, Str* text) {
  if (s->has_decoder) text = s->decoder.process(text, true);
  if (s->writenl) {
    bool any = false;
    for (int64_t i = 0; i < text->length && !any; i++) any = text->at(i) == '\n';
    if (any) {
      StrBuilder b;
      for (int64_t i = 0; i < text->length; i++) {
        if (text->at(i) == '\n') b.append(s->writenl);
        else b.append(text->at(i));
      }
      text = b.finish();
    }
  }
  return text;
}

void write_locked(StringIO* s, Str* text) {
  int64_t n = text->length;
  int64_t end = s->pos + n;
  reserve_locked(s, end);
  if (s->pos > s->size) std::memset(s->buf + s->size, 0, size_t(s->pos - s->size) * sizeof(uint32_t));
  for (int64_t i = 0; i < n; i++) s->buf[s->pos + i] = text->at(i);
  s->pos = end;
  if (end > s->size) s->size = end;
}

Value substring_locked(StringIO* s, int64_t start, int64_t n) {
  if (n <= 0) return Value(str_empty());
  return Value(str_from_code_points(s->buf + start, size_t(n)));
}

// The next line (at most `limit` characters, < 0 for no limit). Caller holds the lock.
Value readline_locked(StringIO* s, int64_t limit) {
  if (s->pos >= s->size) return Value(str_empty());
  int64_t avail = s->size - s->pos;
  if (limit < 0 || limit > avail) limit = avail;
  int64_t consumed;
  int64_t len = find_line_ending(s->readtranslate, s->readuniversal, s->readnl, s->buf, s->pos, s->pos + limit,
                                 &consumed);
  if (len < 0) len = limit;
  Value line = substring_locked(s, s->pos, len);
  s->pos += len;
  return line;
}

Value stringio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = alloc_instance<StringIO>(type);
  new (&s->lock) Mutex();
  return Value(s);
}

int stringio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"StringIO", {"initial_value", "newline"}, 0};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  Value value = a[0];
  Value newline = a[1] ? a[1] : Value(intern_cstr("\n"));
  if (!check_newline(newline, false)) return -1;
  if (value && !is_none(value) && !is_str(value)) {
    raise(&exc::TypeError, "initial_value must be str or None, not %s", type_name(value));
    return -1;
  }
  StringIO* s = as_stringio(self);
  LockGuard g(s->lock);
  s->ok = false;
  s->readnl = is_none(newline) ? nullptr : newline.as<Str>();
  s->readuniversal = !s->readnl || s->readnl->length == 0;
  s->readtranslate = !s->readnl;
  s->writenl = s->readnl && s->readnl->length && s->readnl->at(0) == '\r' ? s->readnl : nullptr;
  s->has_decoder = s->readuniversal;
  s->decoder = NewlineState{s->readtranslate, false, 0};
  s->size = 0;
  s->pos = 0;
  if (value && is_str(value) && value.as<Str>()->length) write_locked(s, translate_for_write(s, value.as<Str>()));
  s->pos = 0;
  s->is_closed = false;
  s->ok = true;
  return 0;
}

Value stringio_getvalue(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  LockGuard g(s->lock);
  return substring_locked(s, 0, s->size);
}

Value stringio_tell(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  LockGuard g(s->lock);
  return int_from_i64(s->pos);
}

Value stringio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t size;
  if (!size_arg(a[0], -1, &size)) return Value();
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  LockGuard g(s->lock);
  int64_t avail = s->size - s->pos;
  if (size < 0 || size > avail) size = avail < 0 ? 0 : avail;
  Value r = substring_locked(s, s->pos, size);
  if (size > 0) s->pos += size;
  return r;
}

Value stringio_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t size;
  if (!size_arg(a[0], -1, &size)) return Value();
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  LockGuard g(s->lock);
  return readline_locked(s, size);
}

Value stringio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"truncate", {"pos"}, 0, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  LockGuard g(s->lock);
  int64_t size = s->pos;
  if (a[0] && !is_none(a[0]) && !index_as_i64(a[0], &size, &exc::OverflowError)) return Value();
  if (size < 0) return raise(&exc::ValueError, "Negative size value %lld", (long long)size);
  if (size < s->size) s->size = size;
  return int_from_i64(size);
}

Value stringio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"seek", {"pos", "whence"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t pos, whence = 0;
  if (!index_as_i64(a[0], &pos, &exc::OverflowError)) return Value();
  if (a[1] && !index_as_i64(a[1], &whence, &exc::OverflowError)) return Value();
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  if (whence != 0 && whence != 1 && whence != 2)
    return raise(&exc::ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  if (pos < 0 && whence == 0) return raise(&exc::ValueError, "Negative seek position %lld", (long long)pos);
  if (whence != 0 && pos != 0) return raise(&exc::OSError, "Can't do nonzero cur-relative seeks");
  LockGuard g(s->lock);
  if (whence == 1) pos = s->pos;
  else if (whence == 2) pos = s->size;
  s->pos = pos;
  return int_from_i64(pos);
}

Value stringio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  StringIO* s = as_stringio(self);
  if (!s->ok) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  if (!is_str(args[0])) return raise(&exc::TypeError, "string argument expected, got '%s'", type_name(args[0]));
  if (!check_ready(s)) return Value();
  Str* text = args[0].as<Str>();
  if (text->length) {
    LockGuard g(s->lock);
    write_locked(s, translate_for_write(s, text));
  }
  return int_from_i64(text->length);
}

Value stringio_true_if_ready(Value self, const Value*, size_t, Tuple*) {
  return check_ready(as_stringio(self)) ? True() : Value();
}

Value stringio_close(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = as_stringio(self);
  LockGuard g(s->lock);
  s->is_closed = true;
  s->buf = nullptr;
  s->size = s->capacity = 0;
  s->has_decoder = false;
  s->writenl = nullptr;
  return None();
}

Value stringio_next(Value self) {
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  Value line;
  if (type_of(self) == &stringio_type) {
    LockGuard g(s->lock);
    line = readline_locked(s, -1);
  } else {
    line = call_method0(self, ids::readline);
    if (!line) return Value();
    if (!is_str(line))
      return raise(&exc::OSError, "readline() should have returned a str object, not '%s'", type_name(line));
  }
  return line.as<Str>()->length ? line : Value();
}

Value stringio_getstate(Value self, const Value*, size_t, Tuple*) {
  Value value = stringio_getvalue(self, nullptr, 0, nullptr);
  if (!value) return Value();
  StringIO* s = as_stringio(self);
  Dict* d = instance_dict(self, false);
  LockGuard g(s->lock);
  return Value(tuple_pack({value, s->readnl ? Value(s->readnl) : None(), int_from_i64(s->pos),
                           d ? Value(dict_copy(d)) : None()}));
}

Value stringio_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__setstate__", kwnames) || !check_nargs("__setstate__", nargs, 1, 1)) return Value();
  StringIO* s = as_stringio(self);
  Value state = args[0];
  if (!is_tuple(state) || state.as<Tuple>()->size < 4)
    return raise(&exc::TypeError, "%s.__setstate__ argument should be 4-tuple, got %s", type_name(self),
                 type_name(state));
  Tuple* t = state.as<Tuple>();
  // Initialise with the newline setting only: the saved text is stored as is.
  Value init_args[2] = {None(), t->items[1]};
  if (stringio_init(self, init_args, 2, nullptr) < 0) return Value();
  if (!is_str(t->items[0])) return raise(&exc::TypeError, "initial_value must be str");
  if (!is_int(t->items[2]))
    return raise(&exc::TypeError, "third item of state must be an integer, got %s", type_name(t->items[2]));
  int64_t pos;
  if (!index_as_i64(t->items[2], &pos, &exc::OverflowError)) return Value();
  if (pos < 0) return raise(&exc::ValueError, "position value cannot be negative");
  Value d = t->items[3];
  if (!is_none(d) && !is_dict(d))
    return raise(&exc::TypeError, "fourth item of state should be a dict, got a %s", type_name(d));
  {
    LockGuard g(s->lock);
    s->pos = 0;
    write_locked(s, t->items[0].as<Str>());
    s->pos = pos;
  }
  if (is_dict(d) && dict_update(instance_dict(self, true), d) < 0) return Value();
  return None();
}

Value stringio_get_closed(Value self) {
  StringIO* s = as_stringio(self);
  if (!s->ok) return raise(&exc::ValueError, "I/O operation on uninitialized object");
  return Bool(s->is_closed);
}

Value stringio_get_line_buffering(Value self) {
  return check_ready(as_stringio(self)) ? False() : Value();
}

Value stringio_get_newlines(Value self) {
  StringIO* s = as_stringio(self);
  if (!check_ready(s)) return Value();
  if (!s->has_decoder) return None();
  LockGuard g(s->lock);
  return s->decoder.newlines();
}

const MethodDef stringio_methods[] = {
    {"close", stringio_close, kMethodInstance, "Close the IO object."},
    {"getvalue", stringio_getvalue, kMethodInstance, "Retrieve the entire contents of the object."},
    {"read", stringio_read, kMethodInstance, "Read at most size characters, returned as a string."},
    {"readline", stringio_readline, kMethodInstance, "Read until newline or EOF."},
    {"tell", stringio_tell, kMethodInstance, "Tell the current file position."},
    {"truncate", stringio_truncate, kMethodInstance, "Truncate size to pos."},
    {"seek", stringio_seek, kMethodInstance, "Change stream position."},
    {"write", stringio_write, kMethodInstance, "Write string to file."},
    {"seekable", stringio_true_if_ready, kMethodInstance, "Returns True if the IO object can be seeked."},
    {"readable", stringio_true_if_ready, kMethodInstance, "Returns True if the IO object can be read."},
    {"writable", stringio_true_if_ready, kMethodInstance, "Returns True if the IO object can be written."},
    {"__getstate__", stringio_getstate, kMethodInstance, nullptr},
    {"__setstate__", stringio_setstate, kMethodInstance, nullptr},
    {nullptr}};

const GetSetDef stringio_getsets[] = {{"closed", stringio_get_closed, nullptr, nullptr},
                                      {"newlines", stringio_get_newlines, nullptr, nullptr},
                                      {"line_buffering", stringio_get_line_buffering, nullptr, nullptr},
                                      {nullptr}};

}  // namespace

void init_stringio_types() {
  newline_decoder_type.native_name = "_io.IncrementalNewlineDecoder";
  newline_decoder_type.doc = "Codec used when reading a file in universal newlines mode.";
  newline_decoder_type.flags = kTypeBaseType;
  newline_decoder_type.instance_size = sizeof(NewlineDecoder);
  newline_decoder_type.dict_offset = int32_t(offsetof(NewlineDecoder, dict));
  newline_decoder_type.new_ = nldecoder_new;
  newline_decoder_type.init = nldecoder_init;
  newline_decoder_type.methods = nldecoder_methods;
  newline_decoder_type.getsets = nldecoder_getsets;
  type_ready(&newline_decoder_type);

  stringio_type.native_name = "_io.StringIO";
  stringio_type.doc = "Text I/O implementation using an in-memory buffer.";
  stringio_type.base = &textiobase_type;
  stringio_type.flags = kTypeBaseType;
  stringio_type.instance_size = sizeof(StringIO);
  stringio_type.new_ = stringio_new;
  stringio_type.init = stringio_init;
  stringio_type.next = stringio_next;
  stringio_type.methods = stringio_methods;
  stringio_type.getsets = stringio_getsets;
  type_ready(&stringio_type);
}

}  // namespace spindle::io
