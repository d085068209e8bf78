// Text codecs built into the runtime and the codec registry. The encoders and
// decoders run tight loops over the common case and hand every problem span to
// one error-handling routine per direction, which implements the standard
// handlers natively and calls registered Python handlers for anything else.
#include "objects/codecs.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gc/gc.h"
#include "modules/unicodedata_names.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

// ------------------------------------------------------------------ names

// Lower case, runs of anything but letters, digits and '.' as one '_', no
// leading or trailing '_' (encodings.normalize_encoding, then lower()).
std::string normalize_alias(Str* s) {
  std::string out;
  bool pending_sep = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c >= 128) return "";
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
    if (!keep) {
      pending_sep = !out.empty();
      continue;
    }
    if (pending_sep) out.push_back('_');
    pending_sep = false;
    out.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

struct NativeAlias {
  const char* name;
  NativeEncoding enc;
};

// The aliases encodings/aliases.py gives the natively implemented codecs.
const NativeAlias kNativeAliases[] = {
    {"utf_8", NativeEncoding::Utf8}, {"utf8", NativeEncoding::Utf8}, {"u8", NativeEncoding::Utf8},
    {"utf", NativeEncoding::Utf8}, {"utf8_ucs2", NativeEncoding::Utf8}, {"utf8_ucs4", NativeEncoding::Utf8},
    {"cp65001", NativeEncoding::Utf8},
    {"ascii", NativeEncoding::Ascii}, {"646", NativeEncoding::Ascii}, {"ansi_x3.4_1968", NativeEncoding::Ascii},
    {"ansi_x3_4_1968", NativeEncoding::Ascii}, {"ansi_x3.4_1986", NativeEncoding::Ascii},
    {"cp367", NativeEncoding::Ascii}, {"csascii", NativeEncoding::Ascii}, {"ibm367", NativeEncoding::Ascii},
    {"iso646_us", NativeEncoding::Ascii}, {"iso_646.irv_1991", NativeEncoding::Ascii},
    {"iso_ir_6", NativeEncoding::Ascii}, {"us", NativeEncoding::Ascii}, {"us_ascii", NativeEncoding::Ascii},
    {"latin_1", NativeEncoding::Latin1}, {"latin1", NativeEncoding::Latin1}, {"latin", NativeEncoding::Latin1},
    {"l1", NativeEncoding::Latin1}, {"8859", NativeEncoding::Latin1}, {"cp819", NativeEncoding::Latin1},
    {"csisolatin1", NativeEncoding::Latin1}, {"ibm819", NativeEncoding::Latin1},
    {"iso8859", NativeEncoding::Latin1}, {"iso8859_1", NativeEncoding::Latin1},
    {"iso_8859_1", NativeEncoding::Latin1}, {"iso_8859_1_1987", NativeEncoding::Latin1},
    {"iso_ir_100", NativeEncoding::Latin1},
    {"utf_16", NativeEncoding::Utf16}, {"utf16", NativeEncoding::Utf16}, {"u16", NativeEncoding::Utf16},
    {"utf_16_le", NativeEncoding::Utf16LE}, {"utf_16le", NativeEncoding::Utf16LE},
    {"unicodelittleunmarked", NativeEncoding::Utf16LE},
    {"utf_16_be", NativeEncoding::Utf16BE}, {"utf_16be", NativeEncoding::Utf16BE},
    {"unicodebigunmarked", NativeEncoding::Utf16BE},
    {"utf_32", NativeEncoding::Utf32}, {"utf32", NativeEncoding::Utf32}, {"u32", NativeEncoding::Utf32},
    {"utf_32_le", NativeEncoding::Utf32LE}, {"utf_32le", NativeEncoding::Utf32LE},
    {"utf_32_be", NativeEncoding::Utf32BE}, {"utf_32be", NativeEncoding::Utf32BE},
};

// ------------------------------------------------------------------ error handlers

enum class ErrKind : uint8_t {
  Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, NameReplace, SurrogateEscape, SurrogatePass, Custom
};

ErrKind err_kind(Str* errors) {
  if (!errors) return ErrKind::Strict;
  if (!errors->ascii) return ErrKind::Custom;
  std::string_view v = errors->ascii_view();
  if (v == "strict") return ErrKind::Strict;
  if (v == "ignore") return ErrKind::Ignore;
  if (v == "replace") return ErrKind::Replace;
  if (v == "backslashreplace") return ErrKind::BackslashReplace;
  if (v == "xmlcharrefreplace") return ErrKind::XmlCharRefReplace;
  if (v == "namereplace") return ErrKind::NameReplace;
  if (v == "surrogateescape") return ErrKind::SurrogateEscape;
  if (v == "surrogatepass") return ErrKind::SurrogatePass;
  return ErrKind::Custom;
}

// The handler of one encode or decode call: resolved from its name once.
struct ErrState {
  explicit ErrState(Str* errors) : name(errors), kind(err_kind(errors)) {}
  Str* name;
  ErrKind kind;
  Value handler;  // Custom: the registered callable, looked up on first use

  Value callable() {
    if (!handler) handler = codec_lookup_error(name);
    return handler;
  }
};

bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void append_hex_escape(std::string* out, uint32_t c) {
  char buf[16];
  if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
  else std::snprintf(buf, sizeof buf, "\\U%08x", c);
  *out += buf;
}

void append_xmlcharref(std::string* out, uint32_t c) { *out += "&#" + std::to_string(c) + ";"; }

// "\N{NAME}", or the hex escape for characters without a name.
void append_name_escape(std::string* out, uint32_t c) {
  std::string name;
  if (unicode_char_name(c, &name)) *out += "\\N{" + name + "}";
  else append_hex_escape(out, c);
}

Value make_unicode_error(Type* type, const char* encoding, Value object, int64_t start, int64_t end,
                         const char* reason) {
  Value args[5] = {Value(str_from_utf8(encoding)), object, int_from_i64(start), int_from_i64(end),
                   Value(str_from_utf8(reason))};
  return call(Value(type), args, 5);
}

bool raise_unicode_error(Type* type, const char* encoding, Value object, int64_t start, int64_t end,
                         const char* reason) {
  Value e = make_unicode_error(type, encoding, object, start, end, reason);
  if (e) raise_value(e);
  return false;
}

// Reads (replacement, newpos) from a custom handler's result; newpos is made
// absolute and checked against `size`.
bool parse_handler_result(Value r, bool encoding, int64_t size, Value* rep, int64_t* newpos) {
  const char* what = encoding ? "encoding error handler must return (str/bytes, int) tuple"
                              : "decoding error handler must return (str, int) tuple";
  if (!is_tuple(r) || r.as<Tuple>()->size != 2) {
    raise(&exc::TypeError, "%s", what);
    return false;
  }
  *rep = r.as<Tuple>()->items[0];
  Value pos = r.as<Tuple>()->items[1];
  if (!(is_str(*rep) || (encoding && is_bytes(*rep))) || !is_int(pos)) {
    raise(&exc::TypeError, "%s", what);
    return false;
  }
  if (!int_to_i64(pos, newpos)) return false;
  if (*newpos < 0) *newpos += size;
  if (*newpos < 0 || *newpos > size) {
    raise(&exc::IndexError, "position %lld from error handler out of bounds", (long long)*newpos);
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ encoding errors

// What the generic error path needs to know about an encoder.
struct EncodeTarget {
  const char* encoding;
  const char* reason;
  int unit = 1;  // bytes per code unit: raw bytes from handlers must be whole units
  virtual ~EncodeTarget() = default;
  // 1: appended the encoding of c; 0: c cannot be encoded; -1: error.
  virtual int put(uint32_t c, std::string* out) const = 0;
  // surrogatepass: appends the encoding of a lone surrogate; false if this codec has none.
  virtual bool put_surrogate(uint32_t, std::string*) const { return false; }
};

// Handles the characters from s[start] on that cannot be encoded: the whole
// run of them goes to the error handler. Returns where encoding resumes, or -1.
int64_t encode_error(const EncodeTarget& t, ErrState& es, Str* s, int64_t start, std::string* out) {
  int64_t end = start + 1;
  std::string scratch;
  while (end < s->length) {
    scratch.clear();
    int r = t.put(s->at(end), &scratch);
    if (r < 0) return -1;
    if (r) break;
    end++;
  }
  auto fail = [&](int64_t from) -> int64_t {
    raise_unicode_error(&exc::UnicodeEncodeError, t.encoding, Value(s), from, end, t.reason);
    return -1;
  };
  auto put_ascii = [&](const std::string& text) -> bool {
    for (char ch : text)
      if (t.put(uint8_t(ch), out) <= 0) return false;
    return true;
  };
  std::string text;
  switch (es.kind) {
    case ErrKind::Strict:
      return fail(start);
    case ErrKind::Ignore:
      return end;
    case ErrKind::Replace:
      for (int64_t i = start; i < end; i++)
        if (t.put('?', out) <= 0) return error_occurred() ? -1 : fail(start);
      return end;
    case ErrKind::BackslashReplace:
    case ErrKind::XmlCharRefReplace:
    case ErrKind::NameReplace:
      for (int64_t i = start; i < end; i++) {
        uint32_t c = s->at(i);
        if (es.kind == ErrKind::BackslashReplace) append_hex_escape(&text, c);
        else if (es.kind == ErrKind::XmlCharRefReplace) append_xmlcharref(&text, c);
        else append_name_escape(&text, c);
      }
      if (!put_ascii(text)) return error_occurred() ? -1 : fail(start);
      return end;
    case ErrKind::SurrogateEscape: {
      int64_t i = start;
      for (; i < end; i++) {
        uint32_t c = s->at(i);
        if (c < 0xDC80 || c > 0xDCFF) break;
        text.push_back(char(c - 0xDC00));
      }
      if (i < end || (text.size() % size_t(t.unit)) != 0) return fail(i < end ? i : start);
      *out += text;
      return end;
    }
    case ErrKind::SurrogatePass:
      for (int64_t i = start; i < end; i++)
        if (!is_surrogate(s->at(i)) || !t.put_surrogate(s->at(i), &text)) return fail(start);
      *out += text;
      return end;
    case ErrKind::Custom: {
      Value handler = es.callable();
      if (!handler) return -1;
      Value e = make_unicode_error(&exc::UnicodeEncodeError, t.encoding, Value(s), start, end, t.reason);
      if (!e) return -1;
      Value r = call1(handler, e);
      if (!r) return -1;
      Value rep;
      int64_t newpos;
      if (!parse_handler_result(r, true, s->length, &rep, &newpos)) return -1;
      if (is_bytes(rep)) {
        Bytes* b = rep.as<Bytes>();
        if (b->size % t.unit) return fail(start);
        out->append(reinterpret_cast<const char*>(b->data_ptr), size_t(b->size));
        return newpos;
      }
      Str* rs = rep.as<Str>();
      for (int64_t i = 0; i < rs->length; i++) {
        uint32_t c = rs->at(i);
        // Replacement text must itself be encodable (and plain ASCII for UTF-8, as CPython requires).
        if ((t.unit == 1 && std::strcmp(t.encoding, "utf-8") == 0 && c >= 128)) return fail(start);
        int ok = t.put(c, out);
        if (ok < 0) return -1;
        if (!ok) return fail(start);
      }
      return newpos;
    }
  }
  return fail(start);
}

// ------------------------------------------------------------------ decoding errors

struct DecodeSource {
  const char* encoding;
  const uint8_t* data;
  size_t size;
  Value object;  // the bytes object the errors report, made on first use

  Value bytes() {
    if (!object) object = Value(bytes_new(data, size));
    return object;
  }
};

// Decodes one lone surrogate at data[pos] for surrogatepass: its length, or 0.
using SurrogateDecoder = size_t (*)(const uint8_t* p, size_t avail, uint32_t* c, int byteorder);

// Handles the undecodable bytes data[start, end). Returns where decoding resumes, or -1.
int64_t decode_error(DecodeSource& src, ErrState& es, size_t start, size_t end, const char* reason,
                     StrBuilder* out, SurrogateDecoder surrogate = nullptr, int byteorder = 0) {
  auto fail = [&]() -> int64_t {
    raise_unicode_error(&exc::UnicodeDecodeError, src.encoding, src.bytes(), int64_t(start), int64_t(end), reason);
    return -1;
  };
  switch (es.kind) {
    case ErrKind::Strict:
      return fail();
    case ErrKind::Ignore:
      return int64_t(end);
    case ErrKind::Replace:
      out->append(0xFFFD);
      return int64_t(end);
    case ErrKind::BackslashReplace: {
      std::string text;
      for (size_t i = start; i < end; i++) append_hex_escape(&text, src.data[i]);
      out->append_ascii(text);
      return int64_t(end);
    }
    case ErrKind::XmlCharRefReplace:
    case ErrKind::NameReplace:
      raise(&exc::TypeError, "don't know how to handle UnicodeDecodeError in error callback");
      return -1;
    case ErrKind::SurrogateEscape: {
      size_t i = start;
      while (i < end && i - start < 4 && src.data[i] >= 128) out->append(0xDC00 + src.data[i++]);
      if (i == start) return fail();
      return int64_t(i);
    }
    case ErrKind::SurrogatePass: {
      uint32_t c;
      size_t len = surrogate ? surrogate(src.data + start, src.size - start, &c, byteorder) : 0;
      if (!len) return fail();
      out->append(c);
      return int64_t(start + len);
    }
    case ErrKind::Custom: {
      Value handler = es.callable();
      if (!handler) return -1;
      Value e = make_unicode_error(&exc::UnicodeDecodeError, src.encoding, src.bytes(), int64_t(start),
                                   int64_t(end), reason);
      if (!e) return -1;
      Value r = call1(handler, e);
      if (!r) return -1;
      Value rep;
      int64_t newpos;
      if (!parse_handler_result(r, false, int64_t(src.size), &rep, &newpos)) return -1;
      out->append(rep.as<Str>());
      return newpos;
    }
  }
  return fail();
}

// ------------------------------------------------------------------ UTF-8

void put_utf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(char(c));
  } else if (c < 0x800) {
    out->push_back(char(0xC0 | (c >> 6)));
    out->push_back(char(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(char(0xE0 | (c >> 12)));
    out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(char(0x80 | (c & 0x3F)));
  } else {
    out->push_back(char(0xF0 | (c >> 18)));
    out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(char(0x80 | (c & 0x3F)));
  }
}

struct Utf8Target : EncodeTarget {
  Utf8Target() {
    encoding = "utf-8";
    reason = "surrogates not allowed";
  }
  int put(uint32_t c, std::string* out) const override {
    if (is_surrogate(c)) return 0;
    put_utf8(c, out);
    return 1;
  }
  bool put_surrogate(uint32_t c, std::string* out) const override {
    put_utf8(c, out);
    return true;
  }
};

bool encode_utf8(Str* s, Str* errors, std::string* out) {
  if (s->ascii) {
    out->append(s->ascii_view());
    return true;
  }
  out->reserve(out->size() + size_t(s->length) * 2);
  if (s->kind == 1) {
    for (int64_t i = 0; i < s->length; i++) put_utf8(s->data1()[i], out);
    return true;
  }
  Utf8Target t;
  ErrState es(errors);
  int64_t i = 0;
  while (i < s->length) {
    uint32_t c = s->at(i);
    if (!is_surrogate(c)) {
      put_utf8(c, out);
      i++;
      continue;
    }
    i = encode_error(t, es, s, i, out);
    if (i < 0) return false;
  }
  return true;
}

bool is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

// Classifies the UTF-8 sequence at p (avail > 0 bytes) as CPython's decoder does.
enum Utf8Status { kUtf8Ok, kUtf8Incomplete, kUtf8InvalidStart, kUtf8InvalidCont };
Utf8Status utf8_sequence(const uint8_t* p, size_t avail, uint32_t* c, size_t* len) {
  uint8_t b = p[0];
  if (b < 0x80) {
    *c = b;
    *len = 1;
    return kUtf8Ok;
  }
  if (b < 0xC2 || b > 0xF4) return kUtf8InvalidStart;
  size_t need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  for (size_t k = 1; k < need; k++) {
    if (k >= avail) return kUtf8Incomplete;
    uint8_t x = p[k];
    bool bad = !is_cont(x);
    if (k == 1) {
      if (b == 0xE0) bad |= x < 0xA0;
      else if (b == 0xED) bad |= x >= 0xA0;
      else if (b == 0xF0) bad |= x < 0x90;
      else if (b == 0xF4) bad |= x >= 0x90;
    }
    if (bad) {
      *len = k;  // the invalid sequence spans the valid prefix
      return kUtf8InvalidCont;
    }
  }
  if (need == 2) *c = (uint32_t(b & 0x1F) << 6) | (p[1] & 0x3F);
  else if (need == 3) *c = (uint32_t(b & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  else
    *c = (uint32_t(b & 0x07) << 18) | (uint32_t(p[1] & 0x3F) << 12) | (uint32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  *len = need;
  return kUtf8Ok;
}

size_t utf8_surrogate(const uint8_t* p, size_t avail, uint32_t* c, int) {
  if (avail < 3 || (p[0] & 0xF0) != 0xE0 || !is_cont(p[1]) || !is_cont(p[2])) return 0;
  uint32_t v = (uint32_t(p[0] & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  if (!is_surrogate(v)) return 0;
  *c = v;
  return 3;
}

bool decode_utf8(const uint8_t* p, size_t n, Str* errors, bool final, StrBuilder* out, size_t* consumed) {
  DecodeSource src{"utf-8", p, n, Value()};
  ErrState es(errors);
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] < 0x80) j++;
    if (j > i) {
      out->append_ascii(std::string_view(reinterpret_cast<const char*>(p + i), j - i));
      i = j;
      if (i == n) break;
    }
    uint32_t c = 0;
    size_t len = 0;
    Utf8Status st = utf8_sequence(p + i, n - i, &c, &len);
    if (st == kUtf8Ok) {
      out->append(c);
      i += len;
      continue;
    }
    size_t end;
    const char* reason;
    if (st == kUtf8Incomplete) {
      if (!final) break;
      end = n;
      reason = "unexpected end of data";
    } else if (st == kUtf8InvalidStart) {
      end = i + 1;
      reason = "invalid start byte";
    } else {
      // A truncated surrogate may still complete (for surrogatepass) when more input comes.
      if (!final && len == 1 && p[i] == 0xED && n - i == 2 && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF) break;
      end = i + len;
      reason = "invalid continuation byte";
    }
    int64_t next = decode_error(src, es, i, end, reason, out, utf8_surrogate);
    if (next < 0) return false;
    i = size_t(next);
  }
  *consumed = i;
  return true;
}

// ------------------------------------------------------------------ ASCII and Latin-1

struct LimitTarget : EncodeTarget {
  uint32_t limit;
  explicit LimitTarget(uint32_t lim) : limit(lim) {
    encoding = lim == 128 ? "ascii" : "latin-1";
    reason = lim == 128 ? "ordinal not in range(128)" : "ordinal not in range(256)";
  }
  int put(uint32_t c, std::string* out) const override {
    if (c >= limit) return 0;
    out->push_back(char(c));
    return 1;
  }
};

bool encode_limited(Str* s, Str* errors, uint32_t limit, std::string* out) {
  if (s->ascii || (limit == 256 && s->kind == 1)) {
    out->append(reinterpret_cast<const char*>(s->data_ptr), size_t(s->length));
    return true;
  }
  LimitTarget t(limit);
  ErrState es(errors);
  int64_t i = 0;
  while (i < s->length) {
    uint32_t c = s->at(i);
    if (c < limit) {
      out->push_back(char(c));
      i++;
      continue;
    }
    i = encode_error(t, es, s, i, out);
    if (i < 0) return false;
  }
  return true;
}

bool decode_ascii(const uint8_t* p, size_t n, Str* errors, StrBuilder* out) {
  DecodeSource src{"ascii", p, n, Value()};
  ErrState es(errors);
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] < 0x80) j++;
    out->append_ascii(std::string_view(reinterpret_cast<const char*>(p + i), j - i));
    i = j;
    if (i == n) break;
    int64_t next = decode_error(src, es, i, i + 1, "ordinal not in range(128)", out);
    if (next < 0) return false;
    i = size_t(next);
  }
  return true;
}

// ------------------------------------------------------------------ UTF-16 and UTF-32

void put_unit(uint32_t v, int size, bool big, std::string* out) {
  for (int k = 0; k < size; k++) {
    int shift = big ? 8 * (size - 1 - k) : 8 * k;
    out->push_back(char((v >> shift) & 0xFF));
  }
}

uint32_t get_unit(const uint8_t* p, int size, bool big) {
  uint32_t v = 0;
  for (int k = 0; k < size; k++) {
    int shift = big ? 8 * (size - 1 - k) : 8 * k;
    v |= uint32_t(p[k]) << shift;
  }
  return v;
}

struct WideTarget : EncodeTarget {
  bool big;
  WideTarget(int unit_size, bool big_endian, const char* name) : big(big_endian) {
    unit = unit_size;
    encoding = name;
    reason = "surrogates not allowed";
  }
  int put(uint32_t c, std::string* out) const override {
    if (is_surrogate(c)) return 0;
    if (unit == 4) {
      put_unit(c, 4, big, out);
    } else if (c < 0x10000) {
      put_unit(c, 2, big, out);
    } else {
      c -= 0x10000;
      put_unit(0xD800 | (c >> 10), 2, big, out);
      put_unit(0xDC00 | (c & 0x3FF), 2, big, out);
    }
    return 1;
  }
  bool put_surrogate(uint32_t c, std::string* out) const override {
    put_unit(c, unit, big, out);
    return true;
  }
};

const char* wide_name(int unit, int byteorder) {
  if (unit == 2) return byteorder < 0 ? "utf-16-le" : byteorder > 0 ? "utf-16-be" : "utf-16";
  return byteorder < 0 ? "utf-32-le" : byteorder > 0 ? "utf-32-be" : "utf-32";
}

bool encode_wide(Str* s, Str* errors, int unit, int byteorder, std::string* out) {
  WideTarget t(unit, byteorder > 0, wide_name(unit, byteorder));
  if (byteorder == 0) put_unit(0xFEFF, unit, false, out);
  ErrState es(errors);
  int64_t i = 0;
  out->reserve(out->size() + size_t(s->length) * size_t(unit));
  while (i < s->length) {
    if (t.put(s->at(i), out)) {
      i++;
      continue;
    }
    i = encode_error(t, es, s, i, out);
    if (i < 0) return false;
  }
  return true;
}

size_t utf16_surrogate(const uint8_t* p, size_t avail, uint32_t* c, int byteorder) {
  if (avail < 2) return 0;
  uint32_t v = get_unit(p, 2, byteorder > 0);
  if (!is_surrogate(v)) return 0;
  *c = v;
  return 2;
}

size_t utf32_surrogate(const uint8_t* p, size_t avail, uint32_t* c, int byteorder) {
  if (avail < 4) return 0;
  uint32_t v = get_unit(p, 4, byteorder > 0);
  if (!is_surrogate(v)) return 0;
  *c = v;
  return 4;
}

// Detects a byte order mark at the start when *byteorder is 0.
size_t detect_bom(const uint8_t* p, size_t n, int unit, int* byteorder) {
  if (*byteorder != 0 || n < size_t(unit)) return 0;
  uint32_t le = get_unit(p, unit, false);
  if (le == 0xFEFF) {
    *byteorder = -1;
    return size_t(unit);
  }
  if (get_unit(p, unit, true) == 0xFEFF) {
    *byteorder = 1;
    return size_t(unit);
  }
  return 0;
}

}  // namespace

bool decode_utf16(const uint8_t* p, size_t n, Str* errors, int* byteorder, bool final, StrBuilder* out,
                  size_t* consumed) {
  size_t q = detect_bom(p, n, 2, byteorder);
  int bo = *byteorder;
  bool big = bo > 0;
  DecodeSource src{bo > 0 ? "utf-16-be" : "utf-16-le", p, n, Value()};
  ErrState es(errors);
  while (q < n) {
    size_t start = q, end;
    const char* reason;
    if (n - q < 2) {
      if (!final) break;
      end = n;
      reason = "truncated data";
    } else {
      uint32_t ch = get_unit(p + q, 2, big);
      if (!is_surrogate(ch)) {
        out->append(ch);
        q += 2;
        continue;
      }
      if (ch >= 0xDC00) {
        end = q + 2;
        reason = "illegal encoding";
      } else if (n - q < 4) {
        if (!final) break;
        end = n;
        reason = "unexpected end of data";
      } else {
        uint32_t ch2 = get_unit(p + q + 2, 2, big);
        if (ch2 >= 0xDC00 && ch2 <= 0xDFFF) {
          out->append(0x10000 + ((ch - 0xD800) << 10) + (ch2 - 0xDC00));
          q += 4;
          continue;
        }
        end = q + 2;
        reason = "illegal UTF-16 surrogate";
      }
    }
    int64_t next = decode_error(src, es, start, end, reason, out, utf16_surrogate, bo);
    if (next < 0) return false;
    q = size_t(next);
  }
  *consumed = q;
  return true;
}

bool decode_utf32(const uint8_t* p, size_t n, Str* errors, int* byteorder, bool final, StrBuilder* out,
                  size_t* consumed) {
  size_t q = detect_bom(p, n, 4, byteorder);
  int bo = *byteorder;
  bool big = bo > 0;
  DecodeSource src{bo > 0 ? "utf-32-be" : "utf-32-le", p, n, Value()};
  ErrState es(errors);
  while (q < n) {
    const char* reason;
    size_t end;
    if (n - q < 4) {
      if (!final) break;
      end = n;
      reason = "truncated data";
    } else {
      uint32_t ch = get_unit(p + q, 4, big);
      if (ch < 0x110000 && !is_surrogate(ch)) {
        out->append(ch);
        q += 4;
        continue;
      }
      end = q + 4;
      reason = ch >= 0x110000 ? "code point not in range(0x110000)"
                              : "code point in surrogate code point range(0xd800, 0xe000)";
    }
    int64_t next = decode_error(src, es, q, end, reason, out, utf32_surrogate, bo);
    if (next < 0) return false;
    q = size_t(next);
  }
  *consumed = q;
  return true;
}

bool encode_utf16(Str* s, Str* errors, int byteorder, std::string* out) {
  return encode_wide(s, errors, 2, byteorder, out);
}
bool encode_utf32(Str* s, Str* errors, int byteorder, std::string* out) {
  return encode_wide(s, errors, 4, byteorder, out);
}

NativeEncoding native_encoding_of(Value name) {
  if (!is_str(name)) return NativeEncoding::None;
  std::string n = normalize_alias(name.as<Str>());
  if (n.empty()) return NativeEncoding::None;
  std::string underscored = n;
  std::replace(underscored.begin(), underscored.end(), '.', '_');
  for (const NativeAlias& a : kNativeAliases)
    if (n == a.name || underscored == a.name) return a.enc;
  return NativeEncoding::None;
}

bool encode_native(NativeEncoding e, Str* s, Str* errors, std::string* out) {
  switch (e) {
    case NativeEncoding::Utf8: return encode_utf8(s, errors, out);
    case NativeEncoding::Ascii: return encode_limited(s, errors, 128, out);
    case NativeEncoding::Latin1: return encode_limited(s, errors, 256, out);
    case NativeEncoding::Utf16: return encode_wide(s, errors, 2, 0, out);
    case NativeEncoding::Utf16LE: return encode_wide(s, errors, 2, -1, out);
    case NativeEncoding::Utf16BE: return encode_wide(s, errors, 2, 1, out);
    case NativeEncoding::Utf32: return encode_wide(s, errors, 4, 0, out);
    case NativeEncoding::Utf32LE: return encode_wide(s, errors, 4, -1, out);
    case NativeEncoding::Utf32BE: return encode_wide(s, errors, 4, 1, out);
    case NativeEncoding::None: break;
  }
  raise(&exc::SystemError, "encode_native: no native codec");
  return false;
}

bool decode_native(NativeEncoding e, const uint8_t* p, size_t n, Str* errors, bool final, StrBuilder* out,
                   size_t* consumed) {
  int bo;
  switch (e) {
    case NativeEncoding::Utf8: return decode_utf8(p, n, errors, final, out, consumed);
    case NativeEncoding::Ascii:
      *consumed = n;
      return decode_ascii(p, n, errors, out);
    case NativeEncoding::Latin1:
      *consumed = n;
      out->append(str_from_latin1(p, n));
      return true;
    case NativeEncoding::Utf16: bo = 0; return decode_utf16(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::Utf16LE: bo = -1; return decode_utf16(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::Utf16BE: bo = 1; return decode_utf16(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::Utf32: bo = 0; return decode_utf32(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::Utf32LE: bo = -1; return decode_utf32(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::Utf32BE: bo = 1; return decode_utf32(p, n, errors, &bo, final, out, consumed);
    case NativeEncoding::None: break;
  }
  raise(&exc::SystemError, "decode_native: no native codec");
  return false;
}

namespace {

bool all_ascii(const uint8_t* p, size_t n) {
  size_t i = 0;
  // Eight bytes at a time.
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; i++)
    if (p[i] >= 0x80) return false;
  return true;
}

}  // namespace

Str* decode_native_str(NativeEncoding e, const uint8_t* p, size_t n, Str* errors, bool final, size_t* consumed) {
  if (e == NativeEncoding::Latin1) {
    *consumed = n;
    return str_from_latin1(p, n);
  }
  if ((e == NativeEncoding::Utf8 || e == NativeEncoding::Ascii) && all_ascii(p, n)) {
    *consumed = n;
    return str_from_ascii(std::string_view(reinterpret_cast<const char*>(p), n));
  }
  StrBuilder b;
  if (!decode_native(e, p, n, errors, final, &b, consumed)) return nullptr;
  return b.finish();
}

// ------------------------------------------------------------------ UTF-7

namespace {

const char kBase64Chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Characters UTF-7 writes as themselves: RFC 2152's direct, optional direct
// and white space characters.
bool utf7_encodes_directly(uint32_t c) {
  if (c == 0 || c >= 128) return false;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::strchr("'(),-./:?!\"#$%&*;<=>@[]^_`{|} \t\r\n", int(c)) != nullptr;
}

}  // namespace

bool encode_utf7(Str* s, std::string* out) {
  bool in_shift = false;
  uint64_t bits = 0;
  int nbits = 0;
  auto put_bits = [&](uint32_t unit) {
    bits = (bits << 16) | unit;
    nbits += 16;
    while (nbits >= 6) {
      out->push_back(kBase64Chars[(bits >> (nbits - 6)) & 0x3F]);
      nbits -= 6;
    }
    bits &= (uint64_t(1) << nbits) - 1;
  };
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (utf7_encodes_directly(c) || (!in_shift && c == '+')) {
      if (in_shift) {
        if (nbits) out->push_back(kBase64Chars[(bits << (6 - nbits)) & 0x3F]);
        bits = 0;
        nbits = 0;
        in_shift = false;
        // Only a base64 character or '-' after the shift needs the explicit terminator.
        if (base64_value(uint8_t(c)) >= 0 || c == '-') out->push_back('-');
      }
      if (c == '+') out->append("+-");
      else out->push_back(char(c));
      continue;
    }
    if (!in_shift) {
      out->push_back('+');
      in_shift = true;
    }
    if (c >= 0x10000) {
      put_bits(0xD800 | ((c - 0x10000) >> 10));
      put_bits(0xDC00 | ((c - 0x10000) & 0x3FF));
    } else {
      put_bits(c);
    }
  }
  if (nbits) out->push_back(kBase64Chars[(bits << (6 - nbits)) & 0x3F]);
  if (in_shift) out->push_back('-');
  return true;
}

bool decode_utf7(const uint8_t* p, size_t n, Str* errors, bool final, StrBuilder* out, size_t* consumed) {
  DecodeSource src{"utf7", p, n, Value()};
  ErrState es(errors);
  bool in_shift = false;
  uint64_t bits = 0;
  int nbits = 0;
  uint32_t surrogate = 0;
  size_t shift_start = 0;
  // What a shift sequence decodes to stays here until the sequence ends, so an
  // unfinished one can be left for the next call.
  StrBuilder shifted;
  auto leave_shift = [&]() {
    in_shift = false;
    out->append(shifted.finish());
  };
  size_t i = 0;
  while (i < n) {
    uint8_t c = p[i];
    size_t start = i;
    const char* reason = nullptr;
    if (in_shift) {
      int v = base64_value(c);
      if (v >= 0) {
        bits = (bits << 6) | uint64_t(v);
        nbits += 6;
        i++;
        if (nbits >= 16) {
          uint32_t unit = uint32_t(bits >> (nbits - 16)) & 0xFFFF;
          nbits -= 16;
          bits &= (uint64_t(1) << nbits) - 1;
          if (surrogate) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
              shifted.append(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
              surrogate = 0;
              continue;
            }
            shifted.append(surrogate);
            surrogate = 0;
          }
          if (unit >= 0xD800 && unit <= 0xDBFF) surrogate = unit;
          else shifted.append(unit);
        }
        continue;
      }
      leave_shift();
      start = shift_start;
      if (nbits >= 6) {
        i++;
        reason = "partial character in shift sequence";
      } else if (nbits > 0 && bits != 0) {
        i++;
        reason = "non-zero padding bits in shift sequence";
      } else {
        if (surrogate && c < 128 && c != '+') out->append(surrogate);
        surrogate = 0;
        if (c == '-') i++;
        continue;
      }
    } else if (c == '+') {
      shift_start = i;
      i++;
      if (i < n && p[i] == '-') {
        i++;
        out->append('+');
        continue;
      }
      if (i < n && base64_value(p[i]) < 0) {
        i++;
        reason = "ill-formed sequence";
      } else {
        in_shift = true;
        surrogate = 0;
        bits = 0;
        nbits = 0;
        continue;
      }
    } else if (c < 128) {
      out->append(c);
      i++;
      continue;
    } else {
      i++;
      reason = "unexpected special character";
    }
    bits = 0;
    nbits = 0;
    int64_t next = decode_error(src, es, start, i, reason, out);
    if (next < 0) return false;
    i = size_t(next);
  }
  if (in_shift && !final) {
    *consumed = shift_start;
    return true;
  }
  if (in_shift) {
    leave_shift();
    if (surrogate || nbits >= 6 || (nbits > 0 && bits != 0)) {
      int64_t next = decode_error(src, es, shift_start, n, "unterminated shift sequence", out);
      if (next < 0) return false;
      if (size_t(next) < n) {
        size_t rest;
        if (!decode_utf7(p + next, n - size_t(next), errors, final, out, &rest)) return false;
      }
    }
  }
  *consumed = n;
  return true;
}

// ------------------------------------------------------------------ escape codecs

namespace {

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `digits` hex digits at p[*i]: 1 done, 0 ran out of input, -1 a non-hex digit (at *i).
int read_hex(const uint8_t* p, size_t n, size_t* i, int digits, uint32_t* value) {
  uint32_t v = 0;
  for (int k = 0; k < digits; k++) {
    if (*i >= n) return 0;
    int h = hex_value(p[*i]);
    if (h < 0) return -1;
    v = v * 16 + uint32_t(h);
    ++*i;
  }
  *value = v;
  return 1;
}

// A character by its Unicode name: 1 found, 0 unknown name.
int lookup_char_name(const uint8_t* name, size_t len, uint32_t* cp) {
  return unicode_lookup_name(std::string_view(reinterpret_cast<const char*>(name), len), cp) ? 1 : 0;
}

}  // namespace

bool encode_unicode_escape(Str* s, bool raw, std::string* out) {
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (raw) {
      if (c < 0x100) out->push_back(char(c));
      else append_hex_escape(out, c);
    } else if (c == '\\') {
      out->append("\\\\");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c >= 0x20 && c < 0x7F) {
      out->push_back(char(c));
    } else {
      append_hex_escape(out, c);
    }
  }
  return true;
}

bool decode_unicode_escape(const uint8_t* p, size_t n, Str* errors, bool raw, bool final, StrBuilder* out,
                           size_t* consumed) {
  DecodeSource src{raw ? "rawunicodeescape" : "unicodeescape", p, n, Value()};
  ErrState es(errors);
  size_t i = 0;
  while (i < n) {
    uint8_t c = p[i];
    if (c != '\\') {
      out->append(c);
      i++;
      continue;
    }
    size_t start = i++;
    const char* reason = nullptr;
    bool incomplete = false;
    if (i >= n) {
      if (raw && final) {
        out->append('\\');
        continue;
      }
      incomplete = true;
      reason = "\\ at end of string";
    } else {
      uint8_t e = p[i++];
      if (raw && e != 'u' && e != 'U') {
        out->append('\\');
        out->append(e);
        continue;
      }
      switch (e) {
        case '\n': continue;
        case '\\': out->append('\\'); continue;
        case '\'': out->append('\''); continue;
        case '"': out->append('"'); continue;
        case 'b': out->append('\b'); continue;
        case 'f': out->append('\f'); continue;
        case 't': out->append('\t'); continue;
        case 'n': out->append('\n'); continue;
        case 'r': out->append('\r'); continue;
        case 'v': out->append('\v'); continue;
        case 'a': out->append('\a'); continue;
        default: break;
      }
      if (e >= '0' && e <= '7') {
        uint32_t v = uint32_t(e - '0');
        for (int k = 0; k < 2 && i < n && p[i] >= '0' && p[i] <= '7'; k++) v = v * 8 + uint32_t(p[i++] - '0');
        out->append(v);
        continue;
      }
      if (e == 'x' || e == 'u' || e == 'U') {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int r = read_hex(p, n, &i, digits, &v);
        if (r > 0 && v <= 0x10FFFF) {
          out->append(v);
          continue;
        }
        if (r > 0) reason = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
        else reason = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                     : "truncated \\UXXXXXXXX escape";
        incomplete = r == 0;
      } else if (e == 'N') {
        reason = "malformed \\N character escape";
        if (i >= n) {
          incomplete = true;
        } else if (p[i] == '{') {
          size_t name = ++i;
          while (i < n && p[i] != '}') i++;
          if (i >= n) {
            incomplete = true;
          } else if (i > name) {
            uint32_t cp;
            int r = lookup_char_name(p + name, i - name, &cp);
            if (r < 0) return false;
            i++;
            if (r) {
              out->append(cp);
              continue;
            }
            reason = "unknown Unicode character name";
          }
        }
      } else {
        // Unknown escapes keep their backslash.
        out->append('\\');
        out->append(e);
        continue;
      }
    }
    if (incomplete && !final) {
      i = start;
      break;
    }
    int64_t next = decode_error(src, es, start, incomplete ? n : i, reason, out);
    if (next < 0) return false;
    i = size_t(next);
  }
  *consumed = i;
  return true;
}

// ------------------------------------------------------------------ charmap

Type encoding_map_type;

namespace {

// charmap_build's result: code point -> byte, sorted for binary search.
struct EncodingMap : Object {
  int64_t count;
  uint32_t* code_points;  // pointer-free blocks
  uint8_t* bytes;
};

int encoding_map_find(const EncodingMap* m, uint32_t c) {
  const uint32_t* begin = m->code_points;
  const uint32_t* end = begin + m->count;
  const uint32_t* it = std::lower_bound(begin, end, c);
  if (it == end || *it != c) return -1;
  return m->bytes[it - begin];
}

struct CharmapTarget : EncodeTarget {
  Value mapping;
  explicit CharmapTarget(Value m) : mapping(m) {
    encoding = "charmap";
    reason = "character maps to <undefined>";
  }
  int put(uint32_t c, std::string* out) const override {
    if (is_type(mapping, &encoding_map_type)) {
      int b = encoding_map_find(mapping.as<EncodingMap>(), c);
      if (b < 0) return 0;
      out->push_back(char(b));
      return 1;
    }
    Value r = get_item(mapping, Value::from_small_int(c));
    if (!r) {
      if (!error_matches(&exc::LookupError)) return -1;
      clear_error();
      return 0;
    }
    if (is_none(r)) return 0;
    if (is_int(r)) {
      int64_t v;
      if (!int_to_i64(r, &v)) return -1;
      if (v < 0 || v > 255) {
        raise(&exc::TypeError, "character mapping must be in range(256)");
        return -1;
      }
      out->push_back(char(v));
      return 1;
    }
    if (is_bytes(r)) {
      out->append(r.as<Bytes>()->view());
      return 1;
    }
    raise(&exc::TypeError, "character mapping must return integer, bytes or None, not %s", type_name(r));
    return -1;
  }
};

// One byte through a decoding mapping: 1 appended, 0 undefined, -1 error.
int charmap_decode_byte(Value mapping, uint8_t b, StrBuilder* out) {
  if (is_str(mapping)) {
    Str* table = mapping.as<Str>();
    if (b >= table->length || table->at(b) == 0xFFFE) return 0;
    out->append(table->at(b));
    return 1;
  }
  Value r = get_item(mapping, Value::from_small_int(b));
  if (!r) {
    if (!error_matches(&exc::LookupError)) return -1;
    clear_error();
    return 0;
  }
  if (is_none(r)) return 0;
  if (is_int(r)) {
    int64_t v;
    if (!int_to_i64(r, &v)) return -1;
    if (v < 0 || v > 0x10FFFF) {
      raise(&exc::TypeError, "character mapping must be in range(0x110000)");
      return -1;
    }
    if (v == 0xFFFE) return 0;
    out->append(uint32_t(v));
    return 1;
  }
  if (is_str(r)) {
    Str* s = r.as<Str>();
    if (s->length == 1 && s->at(0) == 0xFFFE) return 0;
    out->append(s);
    return 1;
  }
  raise(&exc::TypeError, "character mapping must return integer, None or str");
  return -1;
}

}  // namespace

bool encode_charmap(Str* s, Str* errors, Value mapping, std::string* out) {
  if (!mapping || is_none(mapping)) return encode_limited(s, errors, 256, out);
  CharmapTarget t(mapping);
  ErrState es(errors);
  int64_t i = 0;
  while (i < s->length) {
    int r = t.put(s->at(i), out);
    if (r < 0) return false;
    if (r) {
      i++;
      continue;
    }
    i = encode_error(t, es, s, i, out);
    if (i < 0) return false;
  }
  return true;
}

bool decode_charmap(const uint8_t* p, size_t n, Str* errors, Value mapping, StrBuilder* out) {
  if (!mapping || is_none(mapping)) {
    out->append(str_from_latin1(p, n));
    return true;
  }
  DecodeSource src{"charmap", p, n, Value()};
  ErrState es(errors);
  size_t i = 0;
  while (i < n) {
    int r = charmap_decode_byte(mapping, p[i], out);
    if (r < 0) return false;
    if (r) {
      i++;
      continue;
    }
    int64_t next = decode_error(src, es, i, i + 1, "character maps to <undefined>", out);
    if (next < 0) return false;
    i = size_t(next);
  }
  return true;
}

Value charmap_build(Str* table) {
  bool need_dict = table->length != 256;
  for (int64_t i = 0; i < table->length && !need_dict; i++) {
    uint32_t c = table->at(i);
    if (c > 0xFFFF || (c == 0 && i != 0)) need_dict = true;
  }
  if (need_dict) {
    Dict* d = dict_new(table->length);
    for (int64_t i = 0; i < table->length; i++)
      if (dict_set(d, Value::from_small_int(table->at(i)), Value::from_small_int(i)) < 0) return Value();
    return Value(d);
  }
  std::vector<std::pair<uint32_t, uint8_t>> pairs;
  for (int64_t i = 0; i < 256; i++)
    if (table->at(i) != 0xFFFE) pairs.emplace_back(table->at(i), uint8_t(i));
  std::sort(pairs.begin(), pairs.end());
  auto* m = alloc_instance<EncodingMap>(&encoding_map_type);
  m->count = int64_t(pairs.size());
  m->code_points = static_cast<uint32_t*>(gc::alloc_atomic(sizeof(uint32_t) * pairs.size() + 1));
  m->bytes = static_cast<uint8_t*>(gc::alloc_atomic(pairs.size() + 1));
  for (size_t i = 0; i < pairs.size(); i++) {
    m->code_points[i] = pairs[i].first;
    m->bytes[i] = pairs[i].second;
  }
  return Value(m);
}

// ------------------------------------------------------------------ the registry

namespace {

// Guards the creation of the registry tables; the tables themselves are thread-safe.
Mutex registry_lock;
List* search_functions;   // codecs.register()ed search functions
Dict* codec_cache;        // normalized name -> CodecInfo
Dict* error_handlers;     // name -> callable
std::atomic<int> registry_state{0};  // 0: encodings not imported yet, 1: importing or done

void ensure_tables() {
  LockGuard g(registry_lock);
  if (!search_functions) {
    codec_cache = dict_new();
    search_functions = list_new();
  }
}

// The registry is filled by importing the encodings package, which registers
// its search function, the first time it is needed (as CPython does).
bool ensure_registry() {
  ensure_tables();
  int expected = 0;
  if (!registry_state.compare_exchange_strong(expected, 1)) return true;
  if (!import_module_cstr("encodings")) {
    registry_state.store(0);
    return false;
  }
  return true;
}

// codecs.lookup's key: lower case, spaces and hyphens as underscores.
Str* normalize_codec_name(Str* s) {
  StrBuilder b;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == ' ' || c == '-') c = '_';
    else if (c >= 'A' && c <= 'Z') c += 32;
    b.append(c);
  }
  return b.finish();
}

}  // namespace

bool codec_register(Value search_function) {
  if (!is_callable(search_function)) {
    raise(&exc::TypeError, "argument must be callable");
    return false;
  }
  if (!ensure_registry()) return false;
  list_append(search_functions, search_function);
  return true;
}

bool codec_unregister(Value search_function) {
  ensure_tables();
  LockGuard g(search_functions->lock);
  Tuple* items = list_snapshot_locked(search_functions);
  for (int64_t i = 0; i < items->size; i++) {
    if (items->items[i] != search_function) continue;
    std::vector<Value> rest(items->items, items->items + items->size);
    rest.erase(rest.begin() + i);
    list_replace_locked(search_functions, rest.data(), int64_t(rest.size()));
    dict_clear(codec_cache);
    break;
  }
  return true;
}

Value codec_lookup(Value encoding) {
  if (!is_str(encoding)) return raise(&exc::TypeError, "lookup() argument must be str, not %s", type_name(encoding));
  if (!ensure_registry()) return Value();
  Str* key = normalize_codec_name(encoding.as<Str>());
  if (Value hit = dict_get_str(codec_cache, key)) return hit;
  Tuple* funcs = list_snapshot(search_functions);
  for (int64_t i = 0; i < funcs->size; i++) {
    Value r = call1(funcs->items[i], Value(key));
    if (!r) return Value();
    if (is_none(r)) continue;
    if (!is_tuple(r) || r.as<Tuple>()->size != 4)
      return raise(&exc::TypeError, "codec search functions must return 4-tuples");
    dict_set_str(codec_cache, key, r);
    return r;
  }
  return raise(&exc::LookupError, "unknown encoding: %U", encoding.as<Str>());
}

Value codec_lookup_text(Value encoding, const char* alternate) {
  Value info = codec_lookup(encoding);
  if (!info) return Value();
  Value is_text = lookup_attr(info, intern_cstr("_is_text_encoding"));
  if (!is_text) {
    if (error_occurred()) return Value();
    return info;
  }
  int t = truthy(is_text);
  if (t < 0) return Value();
  if (!t)
    return raise(&exc::LookupError, "'%U' is not a text encoding; use %s to handle arbitrary codecs",
                 encoding.as<Str>(), alternate);
  return info;
}

void codec_forget(Value encoding) {
  ensure_tables();
  if (!is_str(encoding)) return;
  Str* key = normalize_codec_name(encoding.as<Str>());
  if (dict_get_str(codec_cache, key)) {
    if (dict_del(codec_cache, Value(key)) < 0) clear_error();
  }
}

namespace {

Value call_codec(Value info, int index, Value obj, Value errors, const char* what) {
  Value fn = is_tuple(info) ? info.as<Tuple>()->items[index] : Value();
  if (!fn) return raise(&exc::TypeError, "codec search functions must return 4-tuples");
  Value args[2] = {obj, errors};
  Value r = call(fn, args, errors ? 2 : 1);
  if (!r) return Value();
  if (!is_tuple(r) || r.as<Tuple>()->size != 2)
    return raise(&exc::TypeError, "%s must return a tuple (object, integer)", what);
  return r.as<Tuple>()->items[0];
}

}  // namespace

Value codec_encode(Value obj, Value encoding, Value errors) {
  Value info = codec_lookup(encoding);
  if (!info) return Value();
  return call_codec(info, 0, obj, errors, "encoder");
}

Value codec_decode(Value obj, Value encoding, Value errors) {
  Value info = codec_lookup(encoding);
  if (!info) return Value();
  return call_codec(info, 1, obj, errors, "decoder");
}

// ------------------------------------------------------------------ error handlers as callables

namespace {

struct ErrorInfo {
  Type* type;   // UnicodeEncodeError, UnicodeDecodeError or UnicodeTranslateError
  Value object; // str or bytes
  int64_t start, end;
};

Value unhandled(Value e) {
  return raise(&exc::TypeError, "don't know how to handle %s in error callback", type_name(e));
}

// Reads the exception's type, object and (clamped) range.
bool error_info(Value e, ErrorInfo* info) {
  if (!is_exception_instance(e)) {
    unhandled(e);
    return false;
  }
  Type* t = type_of(e);
  if (is_subtype(t, &exc::UnicodeEncodeError)) info->type = &exc::UnicodeEncodeError;
  else if (is_subtype(t, &exc::UnicodeDecodeError)) info->type = &exc::UnicodeDecodeError;
  else if (is_subtype(t, &exc::UnicodeTranslateError)) info->type = &exc::UnicodeTranslateError;
  else {
    unhandled(e);
    return false;
  }
  Value obj = get_attr(e, intern_cstr("object"));
  if (!obj) return false;
  bool want_bytes = info->type == &exc::UnicodeDecodeError;
  if (want_bytes ? !is_bytes(obj) : !is_str(obj)) {
    raise(&exc::TypeError, "%s attribute must be %s", "object", want_bytes ? "bytes" : "unicode");
    return false;
  }
  int64_t size = want_bytes ? obj.as<Bytes>()->size : obj.as<Str>()->length;
  Value sv = get_attr(e, intern_cstr("start")), ev = sv ? get_attr(e, intern_cstr("end")) : Value();
  if (!ev || !int_to_i64(sv, &info->start) || !int_to_i64(ev, &info->end)) return false;
  if (info->start < 0) info->start = 0;
  if (info->start >= size) info->start = size ? size - 1 : 0;
  if (info->end < 1) info->end = 1;
  if (info->end > size) info->end = size;
  info->object = obj;
  return true;
}

Value result(Value rep, int64_t pos) { return Value(tuple_pack({rep, int_from_i64(pos)})); }

Value strict_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("strict_errors", nargs, 1, 1)) return Value();
  if (!is_exception_instance(args[0])) return raise(&exc::TypeError, "codec must pass exception instance");
  return raise_value(args[0]);
}

Value ignore_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("ignore_errors", nargs, 1, 1)) return Value();
  ErrorInfo ei;
  if (!error_info(args[0], &ei)) return Value();
  return result(Value(str_empty()), ei.end);
}

Value replace_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("replace_errors", nargs, 1, 1)) return Value();
  ErrorInfo ei;
  if (!error_info(args[0], &ei)) return Value();
  StrBuilder b;
  if (ei.type == &exc::UnicodeDecodeError) b.append(0xFFFD);
  else
    for (int64_t i = ei.start; i < ei.end; i++) b.append(ei.type == &exc::UnicodeEncodeError ? '?' : 0xFFFD);
  return result(Value(b.finish()), ei.end);
}

Value backslashreplace_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("backslashreplace_errors", nargs, 1, 1)) return Value();
  ErrorInfo ei;
  if (!error_info(args[0], &ei)) return Value();
  std::string text;
  for (int64_t i = ei.start; i < ei.end; i++)
    append_hex_escape(&text, ei.type == &exc::UnicodeDecodeError ? ei.object.as<Bytes>()->data_ptr[i]
                                                                 : ei.object.as<Str>()->at(i));
  return result(Value(str_from_ascii(text)), ei.end);
}

Value encode_only_replace(Value e, bool names) {
  ErrorInfo ei;
  if (!error_info(e, &ei)) return Value();
  if (ei.type != &exc::UnicodeEncodeError) return unhandled(e);
  std::string text;
  for (int64_t i = ei.start; i < ei.end; i++) {
    uint32_t c = ei.object.as<Str>()->at(i);
    if (!names) append_xmlcharref(&text, c);
    else append_name_escape(&text, c);
  }
  return result(Value(str_from_ascii(text)), ei.end);
}

Value xmlcharrefreplace_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("xmlcharrefreplace_errors", nargs, 1, 1)) return Value();
  return encode_only_replace(args[0], false);
}

Value namereplace_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("namereplace_errors", nargs, 1, 1)) return Value();
  return encode_only_replace(args[0], true);
}

Value surrogateescape_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("surrogateescape_errors", nargs, 1, 1)) return Value();
  ErrorInfo ei;
  if (!error_info(args[0], &ei)) return Value();
  if (ei.type == &exc::UnicodeDecodeError) {
    const uint8_t* p = ei.object.as<Bytes>()->data_ptr;
    StrBuilder b;
    int64_t i = ei.start;
    while (i < ei.end && i - ei.start < 4 && p[i] >= 128) b.append(0xDC00 + p[i++]);
    if (i == ei.start) return raise_value(args[0]);
    return result(Value(b.finish()), i);
  }
  if (ei.type != &exc::UnicodeEncodeError) return unhandled(args[0]);
  std::string out;
  for (int64_t i = ei.start; i < ei.end; i++) {
    uint32_t c = ei.object.as<Str>()->at(i);
    if (c < 0xDC80 || c > 0xDCFF) return raise_value(args[0]);
    out.push_back(char(c - 0xDC00));
  }
  return result(Value(bytes_new(out.data(), out.size())), ei.end);
}

// The UTF flavour named by an exception's encoding: unit size (1, 2, 4) and byte order, or false.
bool utf_flavour(Value e, int* unit, int* byteorder) {
  Value enc = get_attr(e, intern_cstr("encoding"));
  if (!enc) return false;
  if (!is_str(enc)) return false;
  std::string n;
  for (int64_t i = 0; i < enc.as<Str>()->length; i++) {
    uint32_t c = enc.as<Str>()->at(i);
    if (c == '-' || c == '_') continue;
    n.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c < 128 ? c : '?'));
  }
  *byteorder = -1;
  if (n == "utf8") *unit = 1;
  else if (n == "utf16" || n == "utf16le") *unit = 2;
  else if (n == "utf16be") *unit = 2, *byteorder = 1;
  else if (n == "utf32" || n == "utf32le") *unit = 4;
  else if (n == "utf32be") *unit = 4, *byteorder = 1;
  else return false;
  return true;
}

Value surrogatepass_errors(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("surrogatepass_errors", nargs, 1, 1)) return Value();
  ErrorInfo ei;
  if (!error_info(args[0], &ei)) return Value();
  if (ei.type == &exc::UnicodeTranslateError) return unhandled(args[0]);
  int unit, bo;
  if (!utf_flavour(args[0], &unit, &bo)) return error_occurred() ? Value() : raise_value(args[0]);
  if (ei.type == &exc::UnicodeEncodeError) {
    std::string out;
    for (int64_t i = ei.start; i < ei.end; i++) {
      uint32_t c = ei.object.as<Str>()->at(i);
      if (!is_surrogate(c)) return raise_value(args[0]);
      if (unit == 1) put_utf8(c, &out);
      else put_unit(c, unit, bo > 0, &out);
    }
    return result(Value(bytes_new(out.data(), out.size())), ei.end);
  }
  Bytes* b = ei.object.as<Bytes>();
  uint32_t c;
  size_t avail = size_t(b->size - ei.start);
  const uint8_t* p = b->data_ptr + ei.start;
  size_t len = unit == 1 ? utf8_surrogate(p, avail, &c, bo)
             : unit == 2 ? utf16_surrogate(p, avail, &c, bo)
                         : utf32_surrogate(p, avail, &c, bo);
  if (!len) return raise_value(args[0]);
  return result(Value(str_from_char(c)), ei.start + int64_t(len));
}

const MethodDef kBuiltinHandlers[] = {
    {"strict_errors", strict_errors, kMethodStatic, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", ignore_errors, kMethodStatic, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", replace_errors, kMethodStatic, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors, kMethodStatic, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", backslashreplace_errors, kMethodStatic, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", namereplace_errors, kMethodStatic, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape_errors", surrogateescape_errors, kMethodStatic, nullptr},
    {"surrogatepass_errors", surrogatepass_errors, kMethodStatic, nullptr},
    {nullptr}};

Dict* handlers() {
  LockGuard g(registry_lock);
  if (!error_handlers) {
    Dict* d = dict_new();
    for (const MethodDef* m = kBuiltinHandlers; m->name; m++) {
      std::string name(m->name);
      name.resize(name.size() - std::strlen("_errors"));
      dict_set_str(d, intern_sv(name), builtin_function_new(m, Value(), Value(intern_cstr("_codecs"))));
    }
    error_handlers = d;
  }
  return error_handlers;
}

}  // namespace

bool codec_register_error(Str* name, Value handler) {
  if (!is_callable(handler)) {
    raise(&exc::TypeError, "handler must be callable");
    return false;
  }
  return dict_set_str(handlers(), name, handler) >= 0;
}

Value codec_lookup_error(Str* name) {
  Value h = dict_get_str(handlers(), name ? name : intern_cstr("strict"));
  if (!h) return raise(&exc::LookupError, "unknown error handler name '%U'", name);
  return h;
}


// ------------------------------------------------------------------ str.encode and bytes.decode

namespace {

// The errors argument as the codecs see it: null for the default "strict".
bool errors_arg(Value errors, const char* fn, Str** out) {
  *out = nullptr;
  if (!errors) return true;
  if (!is_str(errors)) {
    raise(&exc::TypeError, "%s() argument 'errors' must be str, not %s", fn, type_name(errors));
    return false;
  }
  if (!str_equals_ascii(errors.as<Str>(), "strict")) *out = errors.as<Str>();
  return true;
}

}  // namespace

Value decode_object(Value obj, Value encoding, Value errors) {
  if (encoding && !is_str(encoding))
    return raise(&exc::TypeError, "decode() argument 'encoding' must be str, not %s", type_name(encoding));
  Str* err;
  if (!errors_arg(errors, "decode", &err)) return Value();
  BufferView view;
  if (!get_buffer(obj, &view)) {
    if (!error_matches(&exc::TypeError)) return Value();
    clear_error();
    if (is_str(obj)) return raise(&exc::TypeError, "decoding str is not supported");
    return raise(&exc::TypeError, "decoding to str: need a bytes-like object, %s found", type_name(obj));
  }
  NativeEncoding e = encoding ? native_encoding_of(encoding) : NativeEncoding::Utf8;
  if (e != NativeEncoding::None) {
    size_t consumed;
    Str* s = decode_native_str(e, view.data, size_t(view.size), err, true, &consumed);
    return s ? Value(s) : Value();
  }
  Value info = codec_lookup_text(encoding, "codecs.decode()");
  if (!info) return Value();
  Value r = call_codec(info, 1, obj, errors ? errors : Value(intern_cstr("strict")), "decoder");
  if (!r) return Value();
  if (!is_str(r))
    return raise(&exc::TypeError,
                 "'%U' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                 encoding.as<Str>(), type_name(r));
  return r;
}

Value encode_str(Str* s, Value encoding, Value errors) {
  if (encoding && !is_str(encoding))
    return raise(&exc::TypeError, "encode() argument 'encoding' must be str, not %s", type_name(encoding));
  Str* err;
  if (!errors_arg(errors, "encode", &err)) return Value();
  NativeEncoding e = encoding ? native_encoding_of(encoding) : NativeEncoding::Utf8;
  if (e != NativeEncoding::None) {
    std::string out;
    if (!encode_native(e, s, err, &out)) return Value();
    return Value(bytes_new(out.data(), out.size()));
  }
  Value info = codec_lookup_text(encoding, "codecs.encode()");
  if (!info) return Value();
  Value r = call_codec(info, 0, Value(s), errors ? errors : Value(intern_cstr("strict")), "encoder");
  if (!r) return Value();
  if (!is_bytes(r)) {
    if (is_bytearray(r)) {
      BufferView view;
      if (!get_buffer(r, &view)) return Value();
      return Value(bytes_new(view.data, size_t(view.size)));
    }
    return raise(&exc::TypeError,
                 "'%U' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                 encoding.as<Str>(), type_name(r));
  }
  return r;
}

void init_codecs_types() {
  encoding_map_type.native_name = "EncodingMap";
  encoding_map_type.instance_size = sizeof(EncodingMap);
  type_ready(&encoding_map_type);
}

}  // namespace spindle
