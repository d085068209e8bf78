// Text encodings built into the runtime: UTF-8, ASCII and Latin-1 with the
// standard error handlers (strict, ignore, replace, surrogateescape,
// surrogatepass, backslashreplace, xmlcharrefreplace). Other encodings, and
// other handlers once an error actually occurs, go through the codecs module.
#include <cstdio>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

namespace {

enum class Enc { Utf8, Ascii, Latin1, Other };
enum class Handler { Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, Other };

// Encoding names are compared as the codecs module normalizes them.
std::string normalize(Str* s) {
  std::string out;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '-' || c == ' ') c = '_';
    out.push_back(char(c < 128 ? std::tolower(int(c)) : '?'));
  }
  return out;
}

Enc encoding_of(Str* enc) {
  std::string n = normalize(enc);
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "utf8_ucs2" || n == "utf8_ucs4") return Enc::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "csascii" || n == "cp367" || n == "ibm367" ||
      n == "iso646_us" || n == "iso_ir_6")
    return Enc::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "iso_8859_1" || n == "iso8859_1" || n == "l1" || n == "8859" ||
      n == "cp819" || n == "latin" || n == "ibm819" || n == "iso_ir_100" || n == "csisolatin1" || n == "iso_8859_1_1987")
    return Enc::Latin1;
  return Enc::Other;
}

Handler handler_of(Str* errors) {
  if (!errors->ascii) return Handler::Other;
  std::string_view e = errors->ascii_view();
  if (e == "strict") return Handler::Strict;
  if (e == "ignore") return Handler::Ignore;
  if (e == "replace") return Handler::Replace;
  if (e == "surrogateescape") return Handler::SurrogateEscape;
  if (e == "surrogatepass") return Handler::SurrogatePass;
  if (e == "backslashreplace") return Handler::BackslashReplace;
  if (e == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  return Handler::Other;
}

// Argument-clinic messages name None as "None".
const char* clinic_type_name(Value v) { return is_none(v) ? "None" : type_name(v); }

const char* enc_name(Enc e) { return e == Enc::Utf8 ? "utf-8" : e == Enc::Ascii ? "ascii" : "latin-1"; }

// Through the codecs module: other encodings, and handlers registered there.
Value codecs_call(const char* fn, Value obj, Value encoding, Value errors) {
  Value codecs = import_module_cstr("codecs");
  if (!codecs) return Value();
  Value f = get_attr_cstr(codecs, fn);
  if (!f) return Value();
  Value args[3] = {obj, encoding, errors};
  return call(f, args, 3);
}

Value raise_unicode_error(Type* type, Enc e, Value object, int64_t start, int64_t end, const char* reason) {
  Value args[5] = {Value(intern_cstr(enc_name(e))), object, Value::from_small_int(start), Value::from_small_int(end),
                   Value(str_from_ascii(reason))};
  Value ex = call(Value(type), args, 5);
  return ex ? raise_value(ex) : Value();
}

// ------------------------------------------------------------------ decoding

// A non-ASCII sequence at p (avail bytes left): its length with the code point
// in *cp, or 0 with the extent of the invalid part and why it is invalid.
int utf8_sequence(const uint8_t* p, size_t avail, uint32_t* cp, size_t* bad_len, const char** reason) {
  uint8_t c = p[0];
  if (c < 0xC2 || c > 0xF4) {
    *bad_len = 1;
    *reason = "invalid start byte";
    return 0;
  }
  int need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  // The second byte's range excludes overlong forms, surrogates and values past U+10FFFF.
  uint8_t lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  uint8_t hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  uint32_t v = c & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (int k = 1; k < need; k++) {
    if (size_t(k) >= avail) {
      *bad_len = avail;
      *reason = "unexpected end of data";
      return 0;
    }
    uint8_t b = p[k];
    bool ok = k == 1 ? (b >= lo && b <= hi) : (b & 0xC0) == 0x80;
    if (!ok) {
      *bad_len = size_t(k);
      *reason = "invalid continuation byte";
      return 0;
    }
    v = (v << 6) | (b & 0x3F);
  }
  *cp = v;
  return need;
}

void append_byte_escape(StrBuilder& b, uint8_t byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", byte);
  b.append_ascii(buf);
}

// Applies a handler to the invalid bytes p[start, end); false when the error
// must be raised. `surrogatepass` may consume an encoded surrogate instead.
bool decode_error(StrBuilder& b, Handler h, const uint8_t* p, size_t n, size_t start, size_t* end) {
  switch (h) {
    case Handler::Ignore: return true;
    case Handler::Replace: b.append(0xFFFD); return true;
    case Handler::SurrogateEscape:
      for (size_t k = start; k < *end; k++) {
        if (p[k] < 128) return false;
        b.append(0xDC00 + p[k]);
      }
      return true;
    case Handler::BackslashReplace:
      for (size_t k = start; k < *end; k++) append_byte_escape(b, p[k]);
      return true;
    case Handler::SurrogatePass:
      if (start + 3 <= n && p[start] == 0xED && (p[start + 1] & 0xE0) == 0xA0 && (p[start + 2] & 0xC0) == 0x80) {
        b.append(0xD000 | (uint32_t(p[start + 1] & 0x3F) << 6) | (p[start + 2] & 0x3F));
        *end = start + 3;
        return true;
      }
      return false;
    default: return false;
  }
}

// Null with no exception pending: the error needs a handler of the codecs module.
Value decode_native(Enc e, Handler h, const uint8_t* p, size_t n, Value source) {
  if (e == Enc::Latin1) return Value(str_from_latin1(p, n));
  size_t i = 0;
  while (i < n && p[i] < 0x80) i++;
  if (i == n) return Value(str_from_ascii(std::string_view(reinterpret_cast<const char*>(p), n)));
  StrBuilder b;
  b.reserve(int64_t(n));
  b.append_ascii(std::string_view(reinterpret_cast<const char*>(p), i));
  while (i < n) {
    if (p[i] < 0x80) {
      size_t j = i + 1;
      while (j < n && p[j] < 0x80) j++;
      b.append_ascii(std::string_view(reinterpret_cast<const char*>(p + i), j - i));
      i = j;
      continue;
    }
    size_t bad_len = 1;
    const char* reason = "ordinal not in range(128)";
    if (e == Enc::Utf8) {
      uint32_t cp;
      int len = utf8_sequence(p + i, n - i, &cp, &bad_len, &reason);
      if (len) {
        b.append(cp);
        i += size_t(len);
        continue;
      }
    }
    size_t end = i + bad_len;
    if (h == Handler::Other) return Value();
    if (!decode_error(b, h, p, n, i, &end)) {
      if (!source || !is_bytes(source)) source = Value(bytes_new(p, n));
      return raise_unicode_error(&exc::UnicodeDecodeError, e, source, int64_t(i), int64_t(i + bad_len), reason);
    }
    i = end;
  }
  return Value(b.finish());
}

// ------------------------------------------------------------------ encoding

void append_escape(std::string& out, uint32_t c) {
  char buf[16];
  if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
  else std::snprintf(buf, sizeof buf, "\\U%08x", c);
  out += buf;
}

bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// Applies a handler to the unencodable s[start, end); false when the error must be raised.
bool encode_error(std::string& out, Enc e, Handler h, const Str* s, int64_t start, int64_t end) {
  switch (h) {
    case Handler::Ignore: return true;
    case Handler::Replace: out.append(size_t(end - start), '?'); return true;
    case Handler::BackslashReplace:
      for (int64_t k = start; k < end; k++) append_escape(out, s->at(k));
      return true;
    case Handler::XmlCharRefReplace:
      for (int64_t k = start; k < end; k++) out += "&#" + std::to_string(s->at(k)) + ";";
      return true;
    case Handler::SurrogateEscape:
      for (int64_t k = start; k < end; k++)
        if (s->at(k) < 0xDC80 || s->at(k) > 0xDCFF) return false;
      for (int64_t k = start; k < end; k++) out.push_back(char(s->at(k) - 0xDC00));
      return true;
    case Handler::SurrogatePass:
      if (e != Enc::Utf8) return false;
      for (int64_t k = start; k < end; k++) utf8_append(out, s->at(k));
      return true;
    default: return false;
  }
}

// Null with no exception pending: the error needs a handler of the codecs module.
Value encode_native(Enc e, Handler h, Str* s) {
  if (s->ascii) return Value(bytes_new(s->data_ptr, size_t(s->length)));
  if (e == Enc::Latin1 && s->kind == 1) return Value(bytes_new(s->data_ptr, size_t(s->length)));
  const uint32_t limit = e == Enc::Ascii ? 128 : e == Enc::Latin1 ? 256 : 0x110000;
  auto encodable = [&](uint32_t c) { return c < limit && !(e == Enc::Utf8 && is_surrogate(c)); };
  std::string out;
  out.reserve(size_t(s->length) * (e == Enc::Utf8 ? 2 : 1));
  for (int64_t i = 0; i < s->length;) {
    uint32_t c = s->at(i);
    if (encodable(c)) {
      if (e == Enc::Utf8) utf8_append(out, c);
      else out.push_back(char(c));
      i++;
      continue;
    }
    int64_t j = i + 1;
    while (j < s->length && !encodable(s->at(j))) j++;
    if (h == Handler::Other) return Value();
    if (!encode_error(out, e, h, s, i, j)) {
      const char* reason = e == Enc::Utf8 ? "surrogates not allowed" : e == Enc::Ascii ? "ordinal not in range(128)"
                                                                                        : "ordinal not in range(256)";
      return raise_unicode_error(&exc::UnicodeEncodeError, e, Value(s), i, j, reason);
    }
    i = j;
  }
  return Value(bytes_new(out.data(), out.size()));
}

}  // namespace

Value decode_object(Value obj, Value encoding, Value errors) {
  if (!is_str(encoding)) return raise(&exc::TypeError, "decode() argument 'encoding' must be str, not %s", clinic_type_name(encoding));
  if (!is_str(errors)) return raise(&exc::TypeError, "decode() argument 'errors' must be str, not %s", clinic_type_name(errors));
  BufferView view;
  if (!get_buffer(obj, &view)) {
    if (!error_matches(&exc::TypeError)) return Value();
    clear_error();
    if (is_str(obj)) return raise(&exc::TypeError, "decoding str is not supported");
    return raise(&exc::TypeError, "decoding to str: need a bytes-like object, %s found", type_name(obj));
  }
  Enc e = encoding_of(encoding.as<Str>());
  if (e != Enc::Other) {
    Value r = decode_native(e, handler_of(errors.as<Str>()), view.data, size_t(view.size), obj);
    if (r || error_occurred()) return r;
  }
  Value b = is_bytes(obj) ? obj : Value(bytes_new(view.data, size_t(view.size)));
  Value r = codecs_call("decode", b, encoding, errors);
  if (r && !is_str(r))
    return raise(&exc::TypeError, "'%U' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                 encoding.as<Str>(), type_name(r));
  return r;
}

Value encode_str(Str* s, Value encoding, Value errors) {
  if (!is_str(encoding)) return raise(&exc::TypeError, "encode() argument 'encoding' must be str, not %s", clinic_type_name(encoding));
  if (!is_str(errors)) return raise(&exc::TypeError, "encode() argument 'errors' must be str, not %s", clinic_type_name(errors));
  Enc e = encoding_of(encoding.as<Str>());
  if (e != Enc::Other) {
    Value r = encode_native(e, handler_of(errors.as<Str>()), s);
    if (r || error_occurred()) return r;
  }
  Value r = codecs_call("encode", Value(s), encoding, errors);
  if (r && !is_bytes(r))
    return raise(&exc::TypeError, "'%U' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                 encoding.as<Str>(), type_name(r));
  return r;
}

}  // namespace spindle
