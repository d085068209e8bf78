// The _io module: open(), open_code(), text_encoding() and the I/O classes.
#include <mutex>

#include "modules/_io.h"
#include "modules/_io_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace io {

void init_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_iobase_types();
    init_fileio_type();
    init_bytesio_type();
    init_stringio_types();
    init_buffered_types();
    init_textio_type();
  });
}

}  // namespace io

namespace {

using namespace io;

bool is_number(Value v) {
  Type* t = type_of(v);
  return is_int(v) || is_instance_of(v, &float_type) || t->index || t->int_ || t->float_;
}

// Closes what open() built so far after a failure, keeping the failure.
Value close_on_error(Value result) {
  Value first = fetch_error();
  if (result && !call_method0(result, ids::close)) return chain_exceptions(first);
  restore_error(first);
  return Value();
}

Value open_impl(Value file, Str* mode, int64_t buffering, Value encoding, Value errors, Value newline, bool closefd,
                Value opener) {
  Value path_or_fd = file;
  if (!is_number(file) && !is_str(file) && !is_bytes(file)) {
    Value fspath = lookup_special(file, spindle::names::__fspath__);
    if (!fspath) {
      if (error_occurred()) return Value();
      return raise(&exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file));
    }
    path_or_fd = call0(fspath);
    if (!path_or_fd) return Value();
    if (!is_str(path_or_fd) && !is_bytes(path_or_fd))
      return raise(&exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(file),
                   type_name(path_or_fd));
  }
  bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false,
       binary = false;
  for (int64_t i = 0; i < mode->length; i++) {
    uint32_t c = mode->at(i);
    bool* flag = c == 'x' ? &creating : c == 'r' ? &reading : c == 'w' ? &writing : c == 'a' ? &appending
               : c == '+' ? &updating : c == 't' ? &text : c == 'b' ? &binary : nullptr;
    bool repeated = false;
    for (int64_t j = i + 1; j < mode->length && !repeated; j++) repeated = mode->at(j) == c;
    if (!flag || repeated) return raise(&exc::ValueError, "invalid mode: '%U'", mode);
    *flag = true;
  }
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';
  if (text && binary) return raise(&exc::ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1)
    return raise(&exc::ValueError, "must have exactly one of create/read/write/append mode");
  if (binary && encoding) return raise(&exc::ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors) return raise(&exc::ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline) return raise(&exc::ValueError, "binary mode doesn't take a newline argument");
  if (binary && buffering == 1) {
    if (!warn_format(&exc::RuntimeWarning, 1,
                     "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be "
                     "used"))
      return Value();
  }

  Value raw_args[4] = {path_or_fd, Value(str_from_ascii(rawmode)), Bool(closefd), opener ? opener : None()};
  Value raw = call(Value(&fileio_type), raw_args, 4);
  if (!raw) return Value();
  Value result = raw;
  bool line_buffering = false;
  if (buffering < 0) {
    Value tty = call_method0(raw, ids::isatty);
    if (!tty) return close_on_error(result);
    int t = truthy(tty);
    if (t < 0) return close_on_error(result);
    line_buffering = t;
  }
  if (buffering == 1) line_buffering = true;
  if (line_buffering) buffering = -1;
  if (buffering < 0) {
    Value blksize = get_attr(raw, ids::_blksize);
    if (!blksize || !int_to_i64(blksize, &buffering)) return close_on_error(result);
  }
  if (buffering < 0) {
    raise(&exc::ValueError, "invalid buffering size");
    return close_on_error(result);
  }
  if (buffering == 0) {
    if (binary) return result;
    raise(&exc::ValueError, "can't have unbuffered text I/O");
    return close_on_error(result);
  }
  Type* buffered = updating ? &buffered_random_type
                 : (creating || writing || appending) ? &buffered_writer_type
                                                      : &buffered_reader_type;
  Value buf_args[2] = {raw, int_from_i64(buffering)};
  Value buffer = call(Value(buffered), buf_args, 2);
  if (!buffer) return close_on_error(result);
  result = buffer;
  if (binary) return result;
  Value text_args[5] = {buffer, encoding ? encoding : None(), errors ? errors : None(), newline ? newline : None(),
                        Bool(line_buffering)};
  Value wrapper = call(Value(&textiowrapper_type), text_args, 5);
  if (!wrapper) return close_on_error(result);
  result = wrapper;
  if (set_attr(wrapper, ids::mode, Value(mode)) < 0) return close_on_error(result);
  return result;
}

// str or None (null for None), as the named argument of open().
bool optional_str(Value v, const char* what, Value* out) {
  *out = Value();
  if (!v || is_none(v)) return true;
  if (!is_str(v)) {
    raise(&exc::TypeError, "open() argument '%s' must be str or None, not %s", what, type_name(v));
    return false;
  }
  *out = v;
  return true;
}

Value io_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"},
                            1};
  Value a[8] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value mode = a[1] ? a[1] : Value(intern_cstr("r"));
  if (!is_str(mode)) return raise(&exc::TypeError, "open() argument 'mode' must be str, not %s", type_name(mode));
  int64_t buffering = -1;
  if (a[2]) {
    if (is_instance_of(a[2], &float_type)) return raise(&exc::TypeError, "'float' object cannot be interpreted as an integer");
    if (!index_as_i64(a[2], &buffering, &exc::OverflowError)) return Value();
  }
  Value encoding, errors, newline;
  if (!optional_str(a[3], "encoding", &encoding) || !optional_str(a[4], "errors", &errors) ||
      !optional_str(a[5], "newline", &newline))
    return Value();
  bool closefd = true;
  if (a[6]) {
    int t = truthy(a[6]);
    if (t < 0) return Value();
    closefd = t;
  }
  Value opener = a[7] && !is_none(a[7]) ? a[7] : Value();
  return open_impl(a[0], mode.as<Str>(), buffering, encoding, errors, newline, closefd, opener);
}

Value io_open_code(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"open_code", {"path"}, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(&exc::TypeError, "open_code() argument 'path' must be str, not %s", type_name(a[0]));
  return open_impl(a[0], intern_cstr("rb"), -1, Value(), Value(), Value(), true, Value());
}

Value io_text_encoding(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"text_encoding", {"encoding", "stacklevel"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (a[1] && !is_int(a[1]))
    return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
  // The runtime always runs in UTF-8 mode (sys.flags.utf8_mode).
  if (is_none(a[0])) return Value(intern_cstr("utf-8"));
  return a[0];
}

const MethodDef kOpenDef = {"open", io_open, kMethodStatic,
                            "Open file and return a stream.  Raise OSError upon failure."};
const MethodDef io_functions[] = {
    {"open_code", io_open_code, kMethodStatic, "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, kMethodStatic, "A helper function to choose the text encoding."},
    {nullptr}};

// The functions report "io" as their module, as CPython's do.
Value io_function(const MethodDef* def) { return builtin_function_new(def, Value(), Value(intern_cstr("io"))); }

bool io_module_init(Module* m) {
  init_types();
  if (!unsupported_operation) return false;
  module_add(m, "open", io_open_function());
  for (const MethodDef* def = io_functions; def->name; def++) module_add(m, def->name, io_function(def));
  module_add(m, "DEFAULT_BUFFER_SIZE", Value::from_small_int(kDefaultBufferSize));
  module_add(m, "UnsupportedOperation", Value(unsupported_operation));
  module_add(m, "BlockingIOError", Value(&exc::BlockingIOError));
  const std::pair<const char*, Type*> types[] = {
      {"_IOBase", &iobase_type}, {"_RawIOBase", &rawiobase_type}, {"_BufferedIOBase", &bufferediobase_type},
      {"_TextIOBase", &textiobase_type}, {"FileIO", &fileio_type}, {"BytesIO", &bytesio_type},
      {"StringIO", &stringio_type}, {"BufferedReader", &buffered_reader_type},
      {"BufferedWriter", &buffered_writer_type}, {"BufferedRandom", &buffered_random_type},
      {"BufferedRWPair", &buffered_rwpair_type}, {"TextIOWrapper", &textiowrapper_type},
      {"IncrementalNewlineDecoder", &newline_decoder_type}};
  for (auto [name, type] : types) module_add(m, name, Value(type));
  return true;
}

}  // namespace

void io_flush_open_files() { io::flush_tracked_streams(); }

Value io_open_function() {
  static Value open_fn;
  static std::once_flag once;
  std::call_once(once, [] { open_fn = io_function(&kOpenDef); });
  return open_fn;
}

Value io_std_stream(int fd, bool writing, const char* name, const char* errors, bool unbuffered) {
  io::init_types();
  Value raw_args[3] = {Value::from_small_int(fd), Value(intern_cstr(writing ? "wb" : "rb")), False()};
  Value raw = call(Value(&fileio_type), raw_args, 3);
  if (!raw) {
    // A closed standard descriptor: the stream is None, as in CPython.
    clear_error();
    return None();
  }
  if (set_attr(raw, ids::name, Value(intern_cstr(name))) < 0) return Value();
  Value buffer = raw;
  if (!(unbuffered && writing)) {
    Value blksize = get_attr(raw, ids::_blksize);
    if (!blksize) return Value();
    Value buf_args[2] = {raw, blksize};
    buffer = call(Value(writing ? &buffered_writer_type : &buffered_reader_type), buf_args, 2);
    if (!buffer) return Value();
  }
  Value tty = call_method0(raw, ids::isatty);
  if (!tty) return Value();
  bool line_buffering = !unbuffered && (tty == True() || fd == 2);
  Value text_args[6] = {buffer, Value(intern_cstr("utf-8")), Value(intern_cstr(errors)), Value(intern_cstr("\n")),
                        Bool(line_buffering), Bool(unbuffered)};
  Value text = call(Value(&textiowrapper_type), text_args, 6);
  if (!text) return Value();
  if (set_attr(text, ids::mode, Value(intern_cstr(writing ? "w" : "r"))) < 0) return Value();
  return text;
}

extern const ModuleDef io_module;
const ModuleDef io_module = {"_io", "The io module provides the Python interfaces to stream handling.", nullptr,
                             io_module_init};

}  // namespace spindle
