// Text encodings built into the runtime: UTF-8, ASCII and Latin-1 with the
// standard error handlers. Other encodings go through the codecs module.
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

std::string normalize(Str* s) {
  std::string out;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '-' || c == ' ') c = '_';
    out.push_back(char(std::tolower(int(c < 128 ? c : '?'))));
  }
  return out;
}

Enc encoding_of(Value enc) {
  if (!is_str(enc)) return Enc::Other;
  std::string n = normalize(enc.as<Str>());
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf") return Enc::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646") return Enc::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "iso_8859_1" || n == "iso8859_1" || n == "l1" || n == "8859" ||
      n == "cp819" || n == "latin")
    return Enc::Latin1;
  return Enc::Other;
}

const char* enc_name(Enc e) { return e == Enc::Utf8 ? "utf-8" : e == Enc::Ascii ? "ascii" : "latin-1"; }

// Through the codecs module for anything else.
Value codecs_call(const char* fn, Value obj, Value encoding, Value errors) {
  Value codecs = import_module_cstr("codecs");
  if (!codecs) return Value();
  Value f = get_attr_cstr(codecs, fn);
  if (!f) return Value();
  Value args[3] = {obj, encoding, errors};
  return call(f, args, 3);
}

}  // namespace

Value decode_object(Value obj, Value encoding, Value errors) {
  if (!is_str(encoding)) return raise(&exc::TypeError, "decode() argument 'encoding' must be str, not %s", type_name(encoding));
  if (!is_str(errors)) return raise(&exc::TypeError, "decode() argument 'errors' must be str, not %s", type_name(errors));
  BufferView view;
  if (!get_buffer(obj, &view)) {
    if (is_str(obj)) {
      clear_error();
      return raise(&exc::TypeError, "decoding str is not supported");
    }
    return Value();
  }
  Enc e = encoding_of(encoding);
  std::string err = str_to_utf8(errors.as<Str>());
  if (e == Enc::Other || (err != "strict" && err != "ignore" && err != "replace" && err != "surrogateescape")) {
    Value b = is_bytes(obj) ? obj : Value(bytes_new(view.data, size_t(view.size)));
    return codecs_call("decode", b, encoding, errors);
  }
  const uint8_t* p = view.data;
  size_t n = size_t(view.size);
  if (e == Enc::Utf8 && err == "strict") {
    Str* s = str_from_utf8(reinterpret_cast<const char*>(p), n);
    return s ? Value(s) : Value();
  }
  if (e == Enc::Utf8 && err == "surrogateescape") return Value(str_from_utf8_surrogateescape(reinterpret_cast<const char*>(p), n));
  if (e == Enc::Latin1) return Value(str_from_latin1(p, n));
  StrBuilder b;
  if (e == Enc::Ascii) {
    for (size_t i = 0; i < n; i++) {
      if (p[i] < 128) {
        b.append(p[i]);
        continue;
      }
      if (err == "strict") {
        Value args[5] = {Value(intern_cstr("ascii")), Value(bytes_new(p, n)), Value::from_small_int(int64_t(i)),
                         Value::from_small_int(int64_t(i + 1)), Value(intern_cstr("ordinal not in range(128)"))};
        Value ex = call(Value(&exc::UnicodeDecodeError), args, 5);
        return ex ? raise_value(ex) : Value();
      }
      if (err == "replace") b.append(0xFFFD);
      else if (err == "surrogateescape") b.append(0xDC00 + p[i]);
    }
    return Value(b.finish());
  }
  // UTF-8 with ignore / replace: decode valid runs, handle bad bytes.
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] < 0x80) j++;
    b.append_ascii(std::string_view(reinterpret_cast<const char*>(p + i), j - i));
    i = j;
    if (i >= n) break;
    // Find the longest valid sequence starting here.
    int len = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC2 ? 2 : 1;
    if (len > 1 && i + size_t(len) <= n) {
      Str* one = str_from_utf8(reinterpret_cast<const char*>(p + i), size_t(len));
      if (one) {
        b.append(one);
        i += size_t(len);
        continue;
      }
      clear_error();
    }
    if (err == "replace") b.append(0xFFFD);
    // Skip the maximal invalid prefix like CPython: the start byte plus valid continuations.
    size_t k = i + 1;
    while (k < n && k < i + size_t(len) && (p[k] & 0xC0) == 0x80 && len > 1) k++;
    i = len > 1 && k > i + 1 && k < i + size_t(len) ? k : i + 1;
  }
  return Value(b.finish());
}

Value encode_str(Str* s, Value encoding, Value errors) {
  if (!is_str(encoding)) return raise(&exc::TypeError, "encode() argument 'encoding' must be str, not %s", type_name(encoding));
  if (!is_str(errors)) return raise(&exc::TypeError, "encode() argument 'errors' must be str, not %s", type_name(errors));
  Enc e = encoding_of(encoding);
  std::string err = str_to_utf8(errors.as<Str>());
  if (e == Enc::Other || (err != "strict" && err != "ignore" && err != "replace" && err != "surrogateescape" &&
                          err != "surrogatepass" && err != "backslashreplace" && err != "xmlcharrefreplace"))
    return codecs_call("encode", Value(s), encoding, errors);
  if (e == Enc::Utf8) {
    if (err == "surrogateescape") {
      std::string out = str_to_utf8_surrogateescape(s);
      return Value(bytes_new(out.data(), out.size()));
    }
    if (err == "surrogatepass") {
      std::string out = str_to_utf8(s);
      return Value(bytes_new(out.data(), out.size()));
    }
    std::string out;
    if (str_to_utf8_strict(s, &out)) return Value(bytes_new(out.data(), out.size()));
    if (err == "strict") {
      // Re-raise with the exception's attributes set.
      clear_error();
      int64_t i = 0;
      while (i < s->length && !(s->at(i) >= 0xD800 && s->at(i) <= 0xDFFF)) i++;
      Value args[5] = {Value(intern_cstr("utf-8")), Value(s), Value::from_small_int(i), Value::from_small_int(i + 1),
                       Value(intern_cstr("surrogates not allowed"))};
      Value ex = call(Value(&exc::UnicodeEncodeError), args, 5);
      return ex ? raise_value(ex) : Value();
    }
    clear_error();
  }
  uint32_t limit = e == Enc::Ascii ? 128 : e == Enc::Latin1 ? 256 : 0x110000;
  std::string out;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (c < limit && !(e == Enc::Utf8 && surrogate)) {
      if (e == Enc::Utf8) {
        Str* one = str_from_code_points(&c, 1);
        out += str_to_utf8(one);
      } else {
        out.push_back(char(c));
      }
      continue;
    }
    if (err == "strict") {
      int64_t j = i + 1;
      while (j < s->length && s->at(j) >= limit) j++;
      Value args[5] = {Value(intern_cstr(enc_name(e))), Value(s), Value::from_small_int(i), Value::from_small_int(j),
                       Value(intern_cstr(e == Enc::Ascii ? "ordinal not in range(128)" : "ordinal not in range(256)"))};
      Value ex = call(Value(&exc::UnicodeEncodeError), args, 5);
      return ex ? raise_value(ex) : Value();
    }
    if (err == "ignore") continue;
    if (err == "replace") out.push_back('?');
    else if (err == "surrogateescape" && c >= 0xDC80 && c <= 0xDCFF) out.push_back(char(c - 0xDC00));
    else if (err == "backslashreplace") {
      char buf[16];
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else std::snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    } else if (err == "xmlcharrefreplace") {
      out += "&#" + std::to_string(c) + ";";
    } else {
      return codecs_call("encode", Value(s), encoding, errors);
    }
  }
  return Value(bytes_new(out.data(), out.size()));
}

}  // namespace spindle
