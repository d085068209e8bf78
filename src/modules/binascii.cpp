// The binascii module: hex, base64 and CRC conversions that base64.py and
// friends build on.
#include <array>
#include <string>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace {

Type* binascii_error;  // binascii.Error (a ValueError), created at module init

// ---- argument conversion

// The bytes of a binary argument (b2a_*, crc*): any bytes-like object.
bool binary_arg(Value v, std::string_view* out, BufferView* keep) {
  if (!get_buffer(v, keep)) return false;
  *out = {reinterpret_cast<const char*>(keep->data), size_t(keep->size)};
  return true;
}

// The bytes of an ASCII argument (a2b_*): bytes-like, or a str of ASCII characters.
bool ascii_arg(Value v, std::string_view* out, BufferView* keep) {
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (!s->ascii) {
      raise(&exc::ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    *out = s->ascii_view();
    return true;
  }
  if (!get_buffer(v, keep)) {
    clear_error();
    raise(&exc::TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(v));
    return false;
  }
  *out = {reinterpret_cast<const char*>(keep->data), size_t(keep->size)};
  return true;
}

// An "unsigned int" argument: any int, reduced modulo 2**32 (CPython's 'I' converter).
bool uint32_arg(Value v, uint32_t* out) {
  if (!is_int(v)) {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  Value masked = int_and(v, Value::from_small_int(0xffffffff));
  if (!masked) return false;
  *out = uint32_t(masked.as_small_int());
  return true;
}

Value bytes_value(const std::string& s) { return Value(bytes_new(s.data(), s.size())); }

// ---- hex

Value hexlify_impl(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  ArgSpec spec{fname, {"data", "sep", "bytes_per_sep"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(a[0], &data, &keep)) return Value();
  // bytes.hex does the formatting (with the same sep rules); its str result is ASCII.
  Value hex_args[2], hex_names[2];
  size_t given = 0;
  for (int k : {1, 2}) {
    if (!a[k]) continue;
    hex_args[given] = a[k];
    hex_names[given++] = Value(intern_cstr(k == 1 ? "sep" : "bytes_per_sep"));
  }
  Tuple* hex_kwnames = given ? tuple_from_array(hex_names, int64_t(given)) : nullptr;
  Value text = call_method(Value(bytes_new(data.data(), data.size())), intern_cstr("hex"), hex_args, 0, hex_kwnames);
  if (!text) return Value();
  std::string_view view = text.as<Str>()->ascii_view();
  return Value(bytes_new(view.data(), view.size()));
}

Value binascii_hexlify(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return hexlify_impl("hexlify", args, nargs, kwnames);
}
Value binascii_b2a_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return hexlify_impl("b2a_hex", args, nargs, kwnames);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value unhexlify_impl(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  ArgSpec spec{fname, {"hexstr"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view text;
  BufferView keep;
  if (!ascii_arg(a[0], &text, &keep)) return Value();
  if (text.size() % 2) return raise(binascii_error, "Odd-length string");
  std::string out(text.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); i++) {
    int hi = hex_digit(text[2 * i]), lo = hex_digit(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return raise(binascii_error, "Non-hexadecimal digit found");
    out[i] = char(hi << 4 | lo);
  }
  return bytes_value(out);
}

Value binascii_unhexlify(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return unhexlify_impl("unhexlify", args, nargs, kwnames);
}
Value binascii_a2b_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return unhexlify_impl("a2b_hex", args, nargs, kwnames);
}

// ---- base64

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<uint8_t, 256> base64_decoding_table() {
  std::array<uint8_t, 256> table{};
  for (auto& entry : table) entry = 0xff;
  for (int i = 0; i < 64; i++) table[uint8_t(kBase64Alphabet[i])] = uint8_t(i);
  return table;
}
constexpr std::array<uint8_t, 256> kBase64Decoding = base64_decoding_table();

Value binascii_b2a_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"b2a_base64", {"data", "newline"}, 1, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(a[0], &data, &keep)) return Value();
  int newline = 1;
  if (a[1] && (newline = truthy(a[1])) < 0) return Value();
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t triple = uint32_t(uint8_t(data[i])) << 16 | uint32_t(uint8_t(data[i + 1])) << 8 | uint8_t(data[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64Alphabet[(triple >> shift) & 63]);
  }
  size_t rest = data.size() - i;
  if (rest) {
    uint32_t triple = uint32_t(uint8_t(data[i])) << 16 | (rest == 2 ? uint32_t(uint8_t(data[i + 1])) << 8 : 0);
    out.push_back(kBase64Alphabet[(triple >> 18) & 63]);
    out.push_back(kBase64Alphabet[(triple >> 12) & 63]);
    out.push_back(rest == 2 ? kBase64Alphabet[(triple >> 6) & 63] : '=');
    out.push_back('=');
  }
  if (newline) out.push_back('\n');
  return bytes_value(out);
}

Value binascii_a2b_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"a2b_base64", {"data", "strict_mode"}, 1, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view text;
  BufferView keep;
  if (!ascii_arg(a[0], &text, &keep)) return Value();
  int strict = 0;
  if (a[1] && (strict = truthy(a[1])) < 0) return Value();
  if (strict && !text.empty() && text[0] == '=') return raise(binascii_error, "Leading padding not allowed");
  std::string out;
  out.reserve(text.size() / 4 * 3 + 3);
  int quad_pos = 0, pads = 0;
  uint32_t left = 0;
  bool padding_started = false;
  for (size_t i = 0; i < text.size(); i++) {
    uint8_t c = uint8_t(text[i]);
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        // A complete quad: the rest of the input is ignored (or rejected when strict).
        if (strict && i + 1 < text.size()) return raise(binascii_error, "Excess data after padding");
        return bytes_value(out);
      }
      continue;
    }
    uint8_t v = kBase64Decoding[c];
    if (v == 0xff) {
      if (strict) return raise(binascii_error, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raise(binascii_error, "Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0: left = v; quad_pos = 1; break;
      case 1: out.push_back(char(left << 2 | v >> 4)); left = v & 0x0f; quad_pos = 2; break;
      case 2: out.push_back(char(left << 4 | v >> 2)); left = v & 0x03; quad_pos = 3; break;
      default: out.push_back(char(left << 6 | v)); left = 0; quad_pos = 0; break;
    }
  }
  if (quad_pos == 1)
    return raise(binascii_error,
                 "Invalid base64-encoded string: number of data characters (%lld) cannot be 1 more than a multiple of 4",
                 (long long)(out.size() / 3 * 4 + 1));
  if (quad_pos != 0) return raise(binascii_error, "Incorrect padding");
  return bytes_value(out);
}

// ---- uuencode

Value binascii_a2b_uu(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("a2b_uu", kwnames) || !check_positional("a2b_uu", nargs, 1, 1)) return Value();
  std::string_view text;
  BufferView keep;
  if (!ascii_arg(args[0], &text, &keep)) return Value();
  // The first character encodes the byte count; an empty line reads as a NUL there, as in CPython.
  size_t length = size_t((uint8_t(text.empty() ? 0 : text[0]) - ' ') & 0x3f);
  size_t pos = text.empty() ? 0 : 1;
  std::string out;
  out.reserve(length);
  uint32_t bits = 0;
  int bit_count = 0;
  while (out.size() < length) {
    // Characters missing at the end of the line (stripped spaces) count as zero bits.
    uint8_t c = pos < text.size() ? uint8_t(text[pos]) : 0;
    pos++;
    uint32_t sextet = 0;
    if (c != 0 && c != '\n' && c != '\r') {
      if (c < ' ' || c > ' ' + 64) return raise(binascii_error, "Illegal char");
      sextet = uint32_t(c - ' ') & 0x3f;
    }
    bits = bits << 6 | sextet;
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(char(bits >> bit_count));
      bits &= (1u << bit_count) - 1;
    }
  }
  for (; pos < text.size(); pos++) {
    char c = text[pos];
    if (c != ' ' && c != '`' && c != '\n' && c != '\r') return raise(binascii_error, "Trailing garbage");
  }
  return bytes_value(out);
}

Value binascii_b2a_uu(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"b2a_uu", {"data", "backtick"}, 1, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(a[0], &data, &keep)) return Value();
  int backtick = 0;
  if (a[1] && (backtick = truthy(a[1])) < 0) return Value();
  if (data.size() > 45) return raise(binascii_error, "At most 45 bytes at once");
  auto encode = [backtick](uint32_t sextet) { return char(backtick && sextet == 0 ? '`' : ' ' + sextet); };
  std::string out;
  out.push_back(encode(uint32_t(data.size())));
  for (size_t i = 0; i < data.size(); i += 3) {
    uint32_t triple = 0;
    for (size_t k = 0; k < 3; k++) triple = triple << 8 | (i + k < data.size() ? uint8_t(data[i + k]) : 0);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(encode((triple >> shift) & 0x3f));
  }
  out.push_back('\n');
  return bytes_value(out);
}

// ---- quoted-printable

Value binascii_a2b_qp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"a2b_qp", {"data", "header"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view text;
  BufferView keep;
  if (!ascii_arg(a[0], &text, &keep)) return Value();
  int header = 0;
  if (a[1] && (header = truthy(a[1])) < 0) return Value();
  std::string out;
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    char c = text[i];
    if (c == '_' && header) {
      out.push_back(' ');
      i++;
    } else if (c != '=') {
      out.push_back(c);
      i++;
    } else if (++i >= n) {
      break;  // a soft line break at the very end
    } else if (text[i] == '\n' || text[i] == '\r') {
      // A soft line break: skip to just past the end of the line.
      while (i < n && text[i] != '\n') i++;
      if (i < n) i++;
    } else if (text[i] == '=') {
      out.push_back('=');  // "==" as written by old encoders
      i++;
    } else if (i + 1 < n && hex_digit(text[i]) >= 0 && hex_digit(text[i + 1]) >= 0) {
      out.push_back(char(hex_digit(text[i]) << 4 | hex_digit(text[i + 1])));
      i += 2;
    } else {
      out.push_back('=');
    }
  }
  return bytes_value(out);
}

Value binascii_b2a_qp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"b2a_qp", {"data", "quotetabs", "istext", "header"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(a[0], &data, &keep)) return Value();
  int flags[3] = {0, 1, 0};  // quotetabs, istext, header
  for (int k = 0; k < 3; k++)
    if (a[k + 1] && (flags[k] = truthy(a[k + 1])) < 0) return Value();
  bool quotetabs = flags[0], istext = flags[1], header = flags[2];
  constexpr size_t kMaxLine = 76;
  // Lines end as the data's first line does.
  size_t first_newline = data.find('\n');
  bool crlf = first_newline != std::string_view::npos && first_newline > 0 && data[first_newline - 1] == '\r';
  const char* newline = crlf ? "\r\n" : "\n";
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  size_t line_length = 0, n = data.size();
  auto soft_break = [&] {
    out.push_back('=');
    out += newline;
    line_length = 0;
  };
  for (size_t i = 0; i < n;) {
    unsigned char c = uint8_t(data[i]);
    bool last = i + 1 == n;
    unsigned char next = last ? 0 : uint8_t(data[i + 1]);
    bool must_quote = c > 126 || c == '=' || (header && c == '_') ||
                      (c == '.' && line_length == 0 && (last || next == '\n' || next == '\r' || next == 0)) ||
                      (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
                      (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (must_quote) {
      if (line_length + 3 >= kMaxLine) soft_break();
      out.push_back('=');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
      line_length += 3;
      i++;
    } else if (istext && (c == '\n' || (c == '\r' && next == '\n'))) {
      // Whitespace before a line break would be lost in transit: quote it.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char ws = uint8_t(out.back());
        out.back() = '=';
        out.push_back(hex[ws >> 4]);
        out.push_back(hex[ws & 15]);
      }
      out += newline;
      line_length = 0;
      i += c == '\r' ? 2 : 1;
    } else {
      if (!last && next != '\n' && line_length + 1 >= kMaxLine) soft_break();
      line_length++;
      out.push_back(header && c == ' ' ? '_' : char(c));
      i++;
    }
  }
  return bytes_value(out);
}

// ---- CRCs

constexpr std::array<uint32_t, 256> crc32_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<uint32_t, 256> kCrc32Table = crc32_table();

Value binascii_crc32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("crc32", kwnames) || !check_positional("crc32", nargs, 1, 2)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(args[0], &data, &keep)) return Value();
  uint32_t crc = 0;
  if (nargs > 1 && !uint32_arg(args[1], &crc)) return Value();
  crc = ~crc;
  for (unsigned char byte : data) crc = kCrc32Table[(crc ^ byte) & 0xff] ^ (crc >> 8);
  return int_from_u64(~crc);
}

Value binascii_crc_hqx(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("crc_hqx", kwnames) || !check_positional("crc_hqx", nargs, 2, 2)) return Value();
  std::string_view data;
  BufferView keep;
  if (!binary_arg(args[0], &data, &keep)) return Value();
  uint32_t crc;
  if (!uint32_arg(args[1], &crc)) return Value();
  crc &= 0xffff;
  for (unsigned char byte : data) {
    crc ^= uint32_t(byte) << 8;
    for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return Value::from_small_int(crc);
}

const MethodDef binascii_functions[] = {
    {"hexlify", binascii_hexlify, kMethodStatic, "Hexadecimal representation of binary data."},
    {"b2a_hex", binascii_b2a_hex, kMethodStatic, "Hexadecimal representation of binary data."},
    {"unhexlify", binascii_unhexlify, kMethodStatic, "Binary data of hexadecimal representation."},
    {"a2b_hex", binascii_a2b_hex, kMethodStatic, "Binary data of hexadecimal representation."},
    {"b2a_base64", binascii_b2a_base64, kMethodStatic, "Base64-code line of data."},
    {"a2b_base64", binascii_a2b_base64, kMethodStatic, "Decode a line of base64 data."},
    {"a2b_uu", binascii_a2b_uu, kMethodStatic, "Decode a line of uuencoded data."},
    {"b2a_uu", binascii_b2a_uu, kMethodStatic, "Uuencode line of data."},
    {"a2b_qp", binascii_a2b_qp, kMethodStatic, "Decode a string of qp-encoded data."},
    {"b2a_qp", binascii_b2a_qp, kMethodStatic, "Encode a string using quoted-printable encoding."},
    {"crc32", binascii_crc32, kMethodStatic, "Compute CRC-32 incrementally."},
    {"crc_hqx", binascii_crc_hqx, kMethodStatic, "Compute CRC-CCITT incrementally."},
    {nullptr}};

Type* new_exception_class(const char* name, Type* base) {
  Dict* ns = dict_new();
  dict_set_str(ns, intern_cstr("__module__"), Value(intern_cstr("binascii")));
  Value cls = type_new_impl(&type_type, intern_cstr(name), tuple_pack({Value(base)}), ns, nullptr);
  return cls ? cls.as<Type>() : nullptr;
}

bool binascii_init(Module* m) {
  binascii_error = new_exception_class("Error", &exc::ValueError);
  Type* incomplete = new_exception_class("Incomplete", &exc::Exception);
  if (!binascii_error || !incomplete) return false;
  return module_add(m, "Error", Value(binascii_error)) >= 0 && module_add(m, "Incomplete", Value(incomplete)) >= 0;
}

}  // namespace

extern const ModuleDef binascii_module;
const ModuleDef binascii_module = {"binascii", "Conversion between binary data and ASCII", binascii_functions,
                                   binascii_init};

}  // namespace spindle
