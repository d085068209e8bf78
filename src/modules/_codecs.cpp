// The _codecs module: the codec registry and the built-in codecs as the
// stdlib's codecs.py and encodings package call them.
#include <cstdio>
#include <string>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

// ------------------------------------------------------------------ argument helpers

bool str_arg(const char* fn, int pos, Value v, Str** out) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s() argument %d must be str, not %s", fn, pos, type_name(v));
    return false;
  }
  *out = v.as<Str>();
  return true;
}

// errors=None or "strict" both mean the default handler (null).
bool errors_arg(const char* fn, int pos, Value v, Str** out) {
  *out = nullptr;
  if (!v || is_none(v)) return true;
  if (!is_str(v)) {
    raise(&exc::TypeError, "%s() argument %d must be str or None, not %s", fn, pos, type_name(v));
    return false;
  }
  if (!str_equals_ascii(v.as<Str>(), "strict")) *out = v.as<Str>();
  return true;
}

bool flag_arg(Value v, bool dflt, bool* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  int t = truthy(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

bool int_arg(Value v, int dflt, int* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  int64_t i;
  if (!is_int(v)) {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_i64(v, &i)) return false;
  *out = int(i);
  return true;
}

Value encoded(const std::string& out, int64_t consumed) {
  return Value(tuple_pack({Value(bytes_new(out.data(), out.size())), int_from_i64(consumed)}));
}

Value decoded(StrBuilder* b, size_t consumed) {
  return Value(tuple_pack({Value(b->finish()), int_from_i64(int64_t(consumed))}));
}

// The data of a decoder: any bytes-like object; str too where `allow_str` (as UTF-8).
bool data_arg(Value v, bool allow_str, BufferView* view, std::string* holder) {
  if (allow_str && is_str(v)) {
    *holder = str_to_utf8(v.as<Str>());
    view->data = reinterpret_cast<const uint8_t*>(holder->data());
    view->size = int64_t(holder->size());
    return true;
  }
  return get_buffer(v, view);
}

// ------------------------------------------------------------------ encoders

enum class EncoderKind { Native, Utf16Order, Utf32Order, Utf7, UnicodeEscape, RawUnicodeEscape };

// spec: (str, errors=None) or (str, errors=None, byteorder=0), positional-only.
Value encode_common(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, EncoderKind kind,
                    NativeEncoding enc) {
  const char* fn = spec.fname;
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Str* s;
  Str* errors;
  if (!str_arg(fn, 1, a[0], &s) || !errors_arg(fn, 2, a[1], &errors)) return Value();
  std::string out;
  bool ok = true;
  switch (kind) {
    case EncoderKind::Native: ok = encode_native(enc, s, errors, &out); break;
    case EncoderKind::Utf16Order:
    case EncoderKind::Utf32Order: {
      int order;
      if (!int_arg(a[2], 0, &order)) return Value();
      order = order < 0 ? -1 : order > 0 ? 1 : 0;
      ok = kind == EncoderKind::Utf16Order ? encode_utf16(s, errors, order, &out) : encode_utf32(s, errors, order, &out);
      break;
    }
    case EncoderKind::Utf7: ok = encode_utf7(s, &out); break;
    case EncoderKind::UnicodeEscape: ok = encode_unicode_escape(s, false, &out); break;
    case EncoderKind::RawUnicodeEscape: ok = encode_unicode_escape(s, true, &out); break;
  }
  if (!ok) return Value();
  return encoded(out, s->length);
}

#define ENCODER(fname, kind, enc)                                              \
  Value fname(Value, const Value* args, size_t nargs, Tuple* kwnames) {        \
    static const ArgSpec spec{#fname, {"str", "errors"}, 1, 2};                \
    return encode_common(spec, args, nargs, kwnames, EncoderKind::kind, enc);  \
  }
#define NATIVE_ENCODER(fname, enc) ENCODER(fname, Native, enc)
NATIVE_ENCODER(utf_8_encode, NativeEncoding::Utf8)
NATIVE_ENCODER(ascii_encode, NativeEncoding::Ascii)
NATIVE_ENCODER(latin_1_encode, NativeEncoding::Latin1)
NATIVE_ENCODER(utf_16_le_encode, NativeEncoding::Utf16LE)
NATIVE_ENCODER(utf_16_be_encode, NativeEncoding::Utf16BE)
NATIVE_ENCODER(utf_32_le_encode, NativeEncoding::Utf32LE)
NATIVE_ENCODER(utf_32_be_encode, NativeEncoding::Utf32BE)
#undef NATIVE_ENCODER

ENCODER(utf_7_encode, Utf7, NativeEncoding::None)
ENCODER(unicode_escape_encode, UnicodeEscape, NativeEncoding::None)
ENCODER(raw_unicode_escape_encode, RawUnicodeEscape, NativeEncoding::None)
#undef ENCODER

Value utf_16_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"utf_16_encode", {"str", "errors", "byteorder"}, 1, 3};
  return encode_common(spec, args, nargs, kwnames, EncoderKind::Utf16Order, NativeEncoding::None);
}
Value utf_32_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"utf_32_encode", {"str", "errors", "byteorder"}, 1, 3};
  return encode_common(spec, args, nargs, kwnames, EncoderKind::Utf32Order, NativeEncoding::None);
}

// ------------------------------------------------------------------ decoders

using DecodeFn = bool (*)(const uint8_t*, size_t, Str*, bool, StrBuilder*, size_t*);

// Decoders f(data, errors=None, final=<final_default>) (or without `final`), positional-only.
Value decode_common(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, bool final_default,
                    bool allow_str, DecodeFn run) {
  const char* fn = spec.fname;
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView view;
  std::string holder;
  Str* errors;
  bool final;
  if (!data_arg(a[0], allow_str, &view, &holder) || !errors_arg(fn, 2, a[1], &errors) ||
      !flag_arg(a[2], final_default, &final))
    return Value();
  StrBuilder b;
  size_t consumed = 0;
  if (!run(view.data, size_t(view.size), errors, final, &b, &consumed)) return Value();
  return decoded(&b, consumed);
}

#define PARAMS_true {"data", "errors", "final"}, 1, 3
#define PARAMS_false {"data", "errors"}, 1, 2
#define NATIVE_DECODER(fname, enc, has_final)                                                              \
  Value fname(Value, const Value* args, size_t nargs, Tuple* kwnames) {                                    \
    static const ArgSpec spec{#fname, PARAMS_##has_final};                                                 \
    return decode_common(spec, args, nargs, kwnames, false, false,                                         \
                         [](const uint8_t* p, size_t n, Str* e, bool f, StrBuilder* b, size_t* c) {        \
                           return decode_native(enc, p, n, e, f, b, c);                                    \
                         });                                                                               \
  }
NATIVE_DECODER(utf_8_decode, NativeEncoding::Utf8, true)
NATIVE_DECODER(ascii_decode, NativeEncoding::Ascii, false)
NATIVE_DECODER(latin_1_decode, NativeEncoding::Latin1, false)
NATIVE_DECODER(utf_16_decode, NativeEncoding::Utf16, true)
NATIVE_DECODER(utf_16_le_decode, NativeEncoding::Utf16LE, true)
NATIVE_DECODER(utf_16_be_decode, NativeEncoding::Utf16BE, true)
NATIVE_DECODER(utf_32_decode, NativeEncoding::Utf32, true)
NATIVE_DECODER(utf_32_le_decode, NativeEncoding::Utf32LE, true)
NATIVE_DECODER(utf_32_be_decode, NativeEncoding::Utf32BE, true)
#undef NATIVE_DECODER
#undef PARAMS_true
#undef PARAMS_false

Value utf_7_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"utf_7_decode", {"data", "errors", "final"}, 1, 3};
  return decode_common(spec, args, nargs, kwnames, false, false, decode_utf7);
}

Value unicode_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"unicode_escape_decode", {"data", "errors", "final"}, 1, 3};
  return decode_common(spec, args, nargs, kwnames, true, true,
                       [](const uint8_t* p, size_t n, Str* e, bool f, StrBuilder* b, size_t* c) {
                         return decode_unicode_escape(p, n, e, false, f, b, c);
                       });
}

Value raw_unicode_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"raw_unicode_escape_decode", {"data", "errors", "final"}, 1, 3};
  return decode_common(spec, args, nargs, kwnames, true, true,
                       [](const uint8_t* p, size_t n, Str* e, bool f, StrBuilder* b, size_t* c) {
                         return decode_unicode_escape(p, n, e, true, f, b, c);
                       });
}

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder)
Value ex_decode(const char* fn, const Value* args, size_t nargs, Tuple* kwnames, bool utf32) {
  static const ArgSpec spec16{"utf_16_ex_decode", {"data", "errors", "byteorder", "final"}, 1, 4};
  static const ArgSpec spec32{"utf_32_ex_decode", {"data", "errors", "byteorder", "final"}, 1, 4};
  Value a[4] = {};
  if (!parse_args(utf32 ? spec32 : spec16, args, nargs, kwnames, a)) return Value();
  BufferView view;
  std::string holder;
  Str* errors;
  int order;
  bool final;
  if (!data_arg(a[0], false, &view, &holder) || !errors_arg(fn, 2, a[1], &errors) || !int_arg(a[2], 0, &order) ||
      !flag_arg(a[3], false, &final))
    return Value();
  order = order < 0 ? -1 : order > 0 ? 1 : 0;
  StrBuilder b;
  size_t consumed = 0;
  bool ok = utf32 ? decode_utf32(view.data, size_t(view.size), errors, &order, final, &b, &consumed)
                  : decode_utf16(view.data, size_t(view.size), errors, &order, final, &b, &consumed);
  if (!ok) return Value();
  return Value(tuple_pack({Value(b.finish()), int_from_i64(int64_t(consumed)), Value::from_small_int(order)}));
}

Value utf_16_ex_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode("utf_16_ex_decode", args, nargs, kwnames, false);
}
Value utf_32_ex_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode("utf_32_ex_decode", args, nargs, kwnames, true);
}

// ------------------------------------------------------------------ charmap

Value charmap_encode_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"charmap_encode", {"str", "errors", "mapping"}, 1, 3};
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Str* s;
  Str* errors;
  if (!str_arg("charmap_encode", 1, a[0], &s) || !errors_arg("charmap_encode", 2, a[1], &errors)) return Value();
  std::string out;
  if (!encode_charmap(s, errors, a[2] ? a[2] : None(), &out)) return Value();
  return encoded(out, s->length);
}

Value charmap_decode_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"charmap_decode", {"data", "errors", "mapping"}, 1, 3};
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView view;
  Str* errors;
  if (!get_buffer(a[0], &view) || !errors_arg("charmap_decode", 2, a[1], &errors)) return Value();
  StrBuilder b;
  if (!decode_charmap(view.data, size_t(view.size), errors, a[2] ? a[2] : None(), &b)) return Value();
  return decoded(&b, size_t(view.size));
}

Value charmap_build_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"charmap_build", {"map"}, 1, 1};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Str* table;
  if (!str_arg("charmap_build", 1, a[0], &table)) return Value();
  return charmap_build(table);
}

// ------------------------------------------------------------------ bytes escapes

Value escape_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"escape_encode", {"data", "errors"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_bytes(a[0]))
    return raise(&exc::TypeError, "escape_encode() argument 1 must be bytes, not %s", type_name(a[0]));
  Str* errors;
  if (!errors_arg("escape_encode", 2, a[1], &errors)) return Value();
  Bytes* b = a[0].as<Bytes>();
  std::string out;
  for (int64_t i = 0; i < b->size; i++) {
    uint8_t c = b->data_ptr[i];
    if (c == '\\' || c == '\'') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(char(c));
    }
  }
  return encoded(out, b->size);
}

int hex_digit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"escape_decode", {"data", "errors"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView view;
  std::string holder;
  Str* errors;
  if (!data_arg(a[0], true, &view, &holder) || !errors_arg("escape_decode", 2, a[1], &errors)) return Value();
  const uint8_t* p = view.data;
  size_t n = size_t(view.size);
  std::string out;
  for (size_t i = 0; i < n;) {
    uint8_t c = p[i++];
    if (c != '\\') {
      out.push_back(char(c));
      continue;
    }
    if (i >= n) return raise(&exc::ValueError, "Trailing \\ in string");
    uint8_t e = p[i++];
    switch (e) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case 'x': {
        int hi = i < n ? hex_digit(p[i]) : -1, lo = i + 1 < n ? hex_digit(p[i + 1]) : -1;
        if (hi >= 0 && lo >= 0) {
          out.push_back(char(hi * 16 + lo));
          i += 2;
          break;
        }
        if (!errors) return raise(&exc::ValueError, "invalid \\x escape at position %zd", ssize_t(i - 2));
        if (str_equals_ascii(errors, "replace")) out.push_back('?');
        else if (!str_equals_ascii(errors, "ignore"))
          return raise(&exc::ValueError, "decoding error; unknown error handling code: %U", errors);
        // The bad escape is skipped with its valid hex digits.
        if (hi >= 0) i++;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          unsigned v = e - '0';
          for (int k = 0; k < 2 && i < n && p[i] >= '0' && p[i] <= '7'; k++) v = v * 8 + unsigned(p[i++] - '0');
          out.push_back(char(v & 0xFF));
        } else {
          out.push_back('\\');
          out.push_back(char(e));
        }
    }
  }
  return encoded(out, int64_t(n));
}

Value readbuffer_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"readbuffer_encode", {"data", "errors"}, 1, 2};
  Value a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  BufferView view;
  std::string holder;
  Str* errors;
  if (!data_arg(a[0], true, &view, &holder) || !errors_arg("readbuffer_encode", 2, a[1], &errors)) return Value();
  return encoded(std::string(reinterpret_cast<const char*>(view.data), size_t(view.size)), view.size);
}

// ------------------------------------------------------------------ registry

Value register_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("register", kwnames) || !check_nargs("register", nargs, 1, 1)) return Value();
  return codec_register(args[0]) ? None() : Value();
}

Value unregister_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_nargs("unregister", nargs, 1, 1)) return Value();
  return codec_unregister(args[0]) ? None() : Value();
}

Value lookup_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("lookup", kwnames) || !check_nargs("lookup", nargs, 1, 1)) return Value();
  return codec_lookup(args[0]);
}

Value forget_codec_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_forget_codec", kwnames) || !check_nargs("_forget_codec", nargs, 1, 1)) return Value();
  Str* s;
  if (!str_arg("_forget_codec", 1, args[0], &s)) return Value();
  codec_forget(args[0]);
  return None();
}

Value encode_or_decode(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, bool encode) {
  const char* fn = spec.fname;
  Value a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value encoding = a[1] ? a[1] : Value(intern_cstr("utf-8"));
  Value errors = a[2] ? a[2] : Value(intern_cstr("strict"));
  if (!is_str(encoding))
    return raise(&exc::TypeError, "%s() argument 'encoding' must be str, not %s", fn, type_name(encoding));
  if (!is_str(errors))
    return raise(&exc::TypeError, "%s() argument 'errors' must be str, not %s", fn, type_name(errors));
  return encode ? codec_encode(a[0], encoding, errors) : codec_decode(a[0], encoding, errors);
}

Value encode_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"encode", {"obj", "encoding", "errors"}, 1};
  return encode_or_decode(spec, args, nargs, kwnames, true);
}
Value decode_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"decode", {"obj", "encoding", "errors"}, 1};
  return encode_or_decode(spec, args, nargs, kwnames, false);
}

Value register_error_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("register_error", kwnames) || !check_nargs("register_error", nargs, 2, 2)) return Value();
  Str* name;
  if (!str_arg("register_error", 1, args[0], &name)) return Value();
  return codec_register_error(name, args[1]) ? None() : Value();
}

Value lookup_error_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("lookup_error", kwnames) || !check_nargs("lookup_error", nargs, 1, 1)) return Value();
  Str* name;
  if (!str_arg("lookup_error", 1, args[0], &name)) return Value();
  return codec_lookup_error(name);
}

const MethodDef codecs_methods[] = {
    {"register", register_fn, kMethodStatic, "Register a codec search function."},
    {"unregister", unregister_fn, kMethodStatic, "Unregister a codec search function and clear the registry's cache."},
    {"lookup", lookup_fn, kMethodStatic, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"_forget_codec", forget_codec_fn, kMethodStatic, "Purge the named codec from the internal codec lookup cache"},
    {"encode", encode_fn, kMethodStatic, "Encodes obj using the codec registered for encoding."},
    {"decode", decode_fn, kMethodStatic, "Decodes obj using the codec registered for encoding."},
    {"register_error", register_error_fn, kMethodStatic, "Register the specified error handler under the name errors."},
    {"lookup_error", lookup_error_fn, kMethodStatic, "lookup_error(errors) -> handler"},
    {"utf_8_encode", utf_8_encode, kMethodStatic, nullptr},
    {"utf_8_decode", utf_8_decode, kMethodStatic, nullptr},
    {"utf_7_encode", utf_7_encode, kMethodStatic, nullptr},
    {"utf_7_decode", utf_7_decode, kMethodStatic, nullptr},
    {"utf_16_encode", utf_16_encode, kMethodStatic, nullptr},
    {"utf_16_le_encode", utf_16_le_encode, kMethodStatic, nullptr},
    {"utf_16_be_encode", utf_16_be_encode, kMethodStatic, nullptr},
    {"utf_16_decode", utf_16_decode, kMethodStatic, nullptr},
    {"utf_16_le_decode", utf_16_le_decode, kMethodStatic, nullptr},
    {"utf_16_be_decode", utf_16_be_decode, kMethodStatic, nullptr},
    {"utf_16_ex_decode", utf_16_ex_decode, kMethodStatic, nullptr},
    {"utf_32_encode", utf_32_encode, kMethodStatic, nullptr},
    {"utf_32_le_encode", utf_32_le_encode, kMethodStatic, nullptr},
    {"utf_32_be_encode", utf_32_be_encode, kMethodStatic, nullptr},
    {"utf_32_decode", utf_32_decode, kMethodStatic, nullptr},
    {"utf_32_le_decode", utf_32_le_decode, kMethodStatic, nullptr},
    {"utf_32_be_decode", utf_32_be_decode, kMethodStatic, nullptr},
    {"utf_32_ex_decode", utf_32_ex_decode, kMethodStatic, nullptr},
    {"latin_1_encode", latin_1_encode, kMethodStatic, nullptr},
    {"latin_1_decode", latin_1_decode, kMethodStatic, nullptr},
    {"ascii_encode", ascii_encode, kMethodStatic, nullptr},
    {"ascii_decode", ascii_decode, kMethodStatic, nullptr},
    {"unicode_escape_encode", unicode_escape_encode, kMethodStatic, nullptr},
    {"unicode_escape_decode", unicode_escape_decode, kMethodStatic, nullptr},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode, kMethodStatic, nullptr},
    {"raw_unicode_escape_decode", raw_unicode_escape_decode, kMethodStatic, nullptr},
    {"charmap_encode", charmap_encode_fn, kMethodStatic, nullptr},
    {"charmap_decode", charmap_decode_fn, kMethodStatic, nullptr},
    {"charmap_build", charmap_build_fn, kMethodStatic, nullptr},
    {"escape_encode", escape_encode, kMethodStatic, nullptr},
    {"escape_decode", escape_decode, kMethodStatic, nullptr},
    {"readbuffer_encode", readbuffer_encode, kMethodStatic, nullptr},
    {nullptr}};

bool codecs_init(Module*) {
  init_codecs_types();
  return true;
}

}  // namespace

extern const ModuleDef codecs_module;
const ModuleDef codecs_module = {"_codecs", nullptr, codecs_methods, codecs_init};

}  // namespace spindle
