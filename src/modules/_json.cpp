// The _json module: the accelerators json/decoder.py, json/scanner.py and
// json/encoder.py pick up when present. Results, error messages and error
// positions follow CPython 3.11's pure-Python fallbacks exactly (including
// their quirks), only faster.
#include <cmath>
#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

Type scanner_type, encoder_type;

// ---------------------------------------------------------------- decoding

// Raises json.decoder.JSONDecodeError(msg, doc, pos).
Value raise_decode_error(const char* msg, Str* doc, int64_t pos) {
  Value module = import_module_cstr("json.decoder");
  if (!module) return Value();
  Value cls = get_attr(module, intern_cstr("JSONDecodeError"));
  if (!cls) return Value();
  Value args[3] = {Value(str_from_utf8(msg)), Value(doc), int_from_i64(pos)};
  Value exc = call(cls, args, 3);
  if (!exc) return Value();
  return raise_value(exc);
}

Value raise_first_arg_not_str(Value v) {
  return raise(&exc::TypeError, "first argument must be a string, not %s", type_name(v));
}

inline bool is_json_space(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

// Reads the 4 hex digits at s[pos..pos+4); -1 if one is not a hex digit.
int64_t read_hex4(const Str* s, int64_t pos) {
  int64_t value = 0;
  for (int64_t i = pos; i < pos + 4; i++) {
    int digit = hex_value(s->at(i));
    if (digit < 0) return -1;
    value = value << 4 | digit;
  }
  return value;
}

// The first index in [from, len) holding '"', '\\' or (when strict) a
// control character; len if none.
template <class Char>
int64_t find_string_special(const Char* data, int64_t from, int64_t len, bool strict) {
  for (int64_t i = from; i < len; i++) {
    Char c = data[i];
    if (c == '"' || c == '\\' || (c <= 0x1f && strict)) return i;
  }
  return len;
}

int64_t find_string_special(const Str* s, int64_t from, bool strict) {
  switch (s->kind) {
    case 1: return find_string_special(s->data1(), from, s->length, strict);
    case 2: return find_string_special(s->data2(), from, s->length, strict);
    default: return find_string_special(s->data4(), from, s->length, strict);
  }
}

// The body of a JSON string whose opening quote is just before `end`.
// Returns the str and stores the index after the closing quote in *next_end.
Value scan_string(Str* s, int64_t end, bool strict, int64_t* next_end) {
  int64_t len = s->length;
  int64_t begin = end - 1;
  if (end < 0 || end > len) return raise(&exc::ValueError, "end is out of bounds");
  StrBuilder out;
  bool built = false;  // `out` holds the text so far (an escape was seen)
  for (;;) {
    int64_t next = find_string_special(s, end, strict);
    if (next == len) return raise_decode_error("Unterminated string starting at", s, begin);
    uint32_t c = s->at(next);
    if (c != '"' && c != '\\') return raise_decode_error("Invalid control character at", s, next);
    if (c == '"' && !built) {
      *next_end = next + 1;
      return Value(str_substr(s, end, next));
    }
    if (next > end) out.append_substr(s, end, next);
    built = true;
    next++;
    if (c == '"') {
      *next_end = next;
      return Value(out.finish());
    }
    if (next == len) return raise_decode_error("Unterminated string starting at", s, begin);
    c = s->at(next);
    if (c != 'u') {
      end = next + 1;
      switch (c) {
        case '"': case '\\': case '/': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: return raise_decode_error("Invalid \\escape", s, end - 2);
      }
      out.append(c);
      continue;
    }
    next++;
    end = next + 4;
    // CPython's check: four digits at the very end of the text still count as
    // an invalid escape (the string cannot be terminated anyway).
    if (end >= len) return raise_decode_error("Invalid \\uXXXX escape", s, next - 1);
    int64_t unit = read_hex4(s, next);
    if (unit < 0) return raise_decode_error("Invalid \\uXXXX escape", s, end - 5);
    if (unit >= 0xD800 && unit <= 0xDBFF && end + 6 < len && s->at(end) == '\\' && s->at(end + 1) == 'u') {
      int64_t low = read_hex4(s, end + 2);
      if (low < 0) return raise_decode_error("Invalid \\uXXXX escape", s, end + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        end += 6;
      }
    }
    out.append(uint32_t(unit));
  }
}

struct ScannerObject : Object {
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict;
};

struct Scan {
  ScannerObject* scanner;
  Str* s;
  Dict* memo;  // deduplicates object keys within one scan
  int64_t len;

  int64_t skip_space(int64_t i) const {
    while (i < len && is_json_space(s->at(i))) i++;
    return i;
  }
  bool matches(int64_t i, const char* word) const {
    int64_t n = int64_t(strlen(word));
    if (i + n > len) return false;
    for (int64_t k = 0; k < n; k++)
      if (s->at(i + k) != uint32_t(uint8_t(word[k]))) return false;
    return true;
  }

  Value value(int64_t idx, int64_t* next);
  Value object(int64_t idx, int64_t* next);
  Value array(int64_t idx, int64_t* next);
  Value number(int64_t start, int64_t* next);
  Value constant(const char* name, int64_t idx, int64_t* next);
};

// One JSON value at idx; StopIteration(idx) when none starts there.
Value Scan::value(int64_t idx, int64_t* next) {
  if (idx < 0) return raise(&exc::ValueError, "idx cannot be negative");
  if (idx >= len) return raise_stop_iteration(int_from_i64(idx));
  switch (s->at(idx)) {
    case '"':
      return scan_string(s, idx + 1, scanner->strict, next);
    case '{': {
      if (!enter_recursion(" while decoding a JSON object from a unicode string")) return Value();
      Value r = object(idx + 1, next);
      leave_recursion();
      return r;
    }
    case '[': {
      if (!enter_recursion(" while decoding a JSON array from a unicode string")) return Value();
      Value r = array(idx + 1, next);
      leave_recursion();
      return r;
    }
    case 'n':
      if (matches(idx, "null")) {
        *next = idx + 4;
        return None();
      }
      break;
    case 't':
      if (matches(idx, "true")) {
        *next = idx + 4;
        return True();
      }
      break;
    case 'f':
      if (matches(idx, "false")) {
        *next = idx + 5;
        return False();
      }
      break;
    case 'N':
      if (matches(idx, "NaN")) return constant("NaN", idx, next);
      break;
    case 'I':
      if (matches(idx, "Infinity")) return constant("Infinity", idx, next);
      break;
    case '-':
      if (matches(idx, "-Infinity")) return constant("-Infinity", idx, next);
      break;
  }
  return number(idx, next);
}

Value Scan::constant(const char* name, int64_t idx, int64_t* next) {
  Str* text = intern_cstr(name);
  *next = idx + text->length;
  return call1(scanner->parse_constant, Value(text));
}

Value Scan::object(int64_t idx, int64_t* next) {
  bool pairs = !is_none(scanner->object_pairs_hook);
  List* pair_list = pairs ? list_new() : nullptr;
  Dict* dict = pairs ? nullptr : dict_new();
  idx = skip_space(idx);
  if (idx >= len || s->at(idx) != '}') {
    for (;;) {
      if (idx >= len || s->at(idx) != '"')
        return raise_decode_error("Expecting property name enclosed in double quotes", s, idx);
      int64_t after;
      Value key = scan_string(s, idx + 1, scanner->strict, &after);
      if (!key) return Value();
      key = dict_setdefault(memo, key, key);
      if (!key) return Value();
      idx = skip_space(after);
      if (idx >= len || s->at(idx) != ':') return raise_decode_error("Expecting ':' delimiter", s, idx);
      idx = skip_space(idx + 1);
      Value v = value(idx, &after);
      if (!v) return Value();
      if (pairs) list_append(pair_list, Value(tuple_pack({key, v})));
      else if (dict_set(dict, key, v) < 0) return Value();
      idx = skip_space(after);
      if (idx < len && s->at(idx) == '}') break;
      if (idx >= len || s->at(idx) != ',') return raise_decode_error("Expecting ',' delimiter", s, idx);
      idx = skip_space(idx + 1);
    }
  }
  *next = idx + 1;
  if (pairs) return call1(scanner->object_pairs_hook, Value(pair_list));
  if (!is_none(scanner->object_hook)) return call1(scanner->object_hook, Value(dict));
  return Value(dict);
}

Value Scan::array(int64_t idx, int64_t* next) {
  List* list = list_new();
  idx = skip_space(idx);
  if (idx >= len || s->at(idx) != ']') {
    for (;;) {
      int64_t after;
      Value v = value(idx, &after);
      if (!v) return Value();
      list_append(list, v);
      idx = skip_space(after);
      if (idx < len && s->at(idx) == ']') break;
      if (idx >= len || s->at(idx) != ',') return raise_decode_error("Expecting ',' delimiter", s, idx);
      idx = skip_space(idx + 1);
    }
  }
  *next = idx + 1;
  return Value(list);
}

inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

Value Scan::number(int64_t start, int64_t* next) {
  int64_t idx = start;
  if (s->at(idx) == '-') {
    idx++;
    if (idx >= len) return raise_stop_iteration(int_from_i64(start));
  }
  if (s->at(idx) >= '1' && s->at(idx) <= '9') {
    idx++;
    while (idx < len && is_digit(s->at(idx))) idx++;
  } else if (s->at(idx) == '0') {
    idx++;
  } else {
    return raise_stop_iteration(int_from_i64(start));
  }
  bool is_float = false;
  if (idx + 1 < len && s->at(idx) == '.' && is_digit(s->at(idx + 1))) {
    is_float = true;
    idx += 2;
    while (idx < len && is_digit(s->at(idx))) idx++;
  }
  if (idx + 1 < len && (s->at(idx) == 'e' || s->at(idx) == 'E')) {
    int64_t e_start = idx;
    idx++;
    if (idx + 1 < len && (s->at(idx) == '-' || s->at(idx) == '+')) idx++;
    while (idx < len && is_digit(s->at(idx))) idx++;
    if (is_digit(s->at(idx - 1))) is_float = true;
    else idx = e_start;  // no exponent digits: the number ends before the 'e'
  }
  *next = idx;
  Value custom = is_float ? scanner->parse_float : scanner->parse_int;
  Type* standard = is_float ? &float_type : &int_type;
  if (!(custom.is_object() && custom.as_object() == standard)) return call1(custom, Value(str_substr(s, start, idx)));
  // The text is ASCII digits, signs, '.', 'e'.
  char small[64] = {};
  std::string big;
  char* text = small;
  size_t n = size_t(idx - start);
  if (n >= sizeof small) {
    big.resize(n);
    text = big.data();
  }
  for (size_t k = 0; k < n; k++) text[k] = char(s->at(start + int64_t(k)));
  if (is_float) {
    double d;
    if (!parse_double(text, n, &d)) return raise(&exc::ValueError, "could not convert string to float");
    return float_new(d);
  }
  if (n <= 18) {
    int64_t v = 0;
    size_t k = text[0] == '-' ? 1 : 0;
    for (; k < n; k++) v = v * 10 + (text[k] - '0');
    return int_from_i64(text[0] == '-' ? -v : v);
  }
  return int_from_string(text, n, 10);
}

Value make_scanner_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value context;
  static const ArgSpec spec{"make_scanner", {"context"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, &context)) return Value();
  auto* scanner = alloc_instance<ScannerObject>(type);
  Value strict = get_attr(context, intern_cstr("strict"));
  if (!strict) return Value();
  int strict_truth = truthy(strict);
  if (strict_truth < 0) return Value();
  scanner->strict = strict_truth;
  struct Field {
    const char* name;
    Value ScannerObject::*slot;
  };
  static const Field fields[] = {{"object_hook", &ScannerObject::object_hook},
                                 {"object_pairs_hook", &ScannerObject::object_pairs_hook},
                                 {"parse_float", &ScannerObject::parse_float},
                                 {"parse_int", &ScannerObject::parse_int},
                                 {"parse_constant", &ScannerObject::parse_constant}};
  for (const Field& f : fields) {
    Value v = get_attr(context, intern_cstr(f.name));
    if (!v) return Value();
    scanner->*f.slot = v;
  }
  return Value(scanner);
}

Value scanner_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value parsed[2];
  static const ArgSpec spec{"scan_once", {"string", "idx"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, parsed)) return Value();
  int64_t idx;
  if (!ssize_arg(parsed[1], &idx)) return Value();
  if (!is_str(parsed[0])) return raise_first_arg_not_str(parsed[0]);
  Str* s = parsed[0].as<Str>();
  Scan scan{self.as<ScannerObject>(), s, dict_new(), s->length};
  int64_t next = 0;
  Value v = scan.value(idx, &next);
  if (!v) return Value();
  return Value(tuple_pack({v, int_from_i64(next)}));
}

Value json_scanstring(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("scanstring", kwnames) || !check_tuple_nargs("scanstring", nargs, 2, 3)) return Value();
  // Converted in CPython's order: the numbers, then the string check.
  int64_t end;
  if (!ssize_arg(args[1], &end)) return Value();
  int64_t strict = 1;
  if (nargs > 2 && !index_as_i64(args[2], &strict, &exc::OverflowError)) return Value();
  if (!is_str(args[0])) return raise_first_arg_not_str(args[0]);
  int64_t next = 0;
  Value v = scan_string(args[0].as<Str>(), end, strict != 0, &next);
  if (!v) return Value();
  return Value(tuple_pack({v, int_from_i64(next)}));
}

#define SCANNER_GETTER(field) \
  Value scanner_##field(Value self) { return self.as<ScannerObject>()->field; }
SCANNER_GETTER(object_hook)
SCANNER_GETTER(object_pairs_hook)
SCANNER_GETTER(parse_float)
SCANNER_GETTER(parse_int)
SCANNER_GETTER(parse_constant)
#undef SCANNER_GETTER
Value scanner_strict(Value self) { return Bool(self.as<ScannerObject>()->strict); }

const GetSetDef scanner_getsets[] = {
    {"strict", scanner_strict, nullptr, "strict"},
    {"object_hook", scanner_object_hook, nullptr, "object_hook"},
    {"object_pairs_hook", scanner_object_pairs_hook, nullptr, "object_pairs_hook"},
    {"parse_float", scanner_parse_float, nullptr, "parse_float"},
    {"parse_int", scanner_parse_int, nullptr, "parse_int"},
    {"parse_constant", scanner_parse_constant, nullptr, "parse_constant"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------- encoding

const char kHexDigits[] = "0123456789abcdef";

void append_u_escape(StrBuilder& out, uint32_t unit) {
  out.append_ascii("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out.append(uint32_t(kHexDigits[(unit >> shift) & 0xF]));
}

// Appends the JSON string literal for s. ascii_only: escape everything
// outside printable ASCII (ensure_ascii=True).
void append_json_string(StrBuilder& out, const Str* s, bool ascii_only) {
  out.append('"');
  int64_t run_start = 0;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    bool plain = c >= ' ' && c != '"' && c != '\\' && (!ascii_only || c <= '~');
    if (plain) continue;
    if (i > run_start) out.append_substr(s, run_start, i);
    run_start = i + 1;
    switch (c) {
      case '"': out.append_ascii("\\\""); break;
      case '\\': out.append_ascii("\\\\"); break;
      case '\b': out.append_ascii("\\b"); break;
      case '\f': out.append_ascii("\\f"); break;
      case '\n': out.append_ascii("\\n"); break;
      case '\r': out.append_ascii("\\r"); break;
      case '\t': out.append_ascii("\\t"); break;
      default:
        if (c >= 0x10000) {
          uint32_t v = c - 0x10000;
          append_u_escape(out, 0xD800 | (v >> 10));
          append_u_escape(out, 0xDC00 | (v & 0x3FF));
        } else {
          append_u_escape(out, c);
        }
    }
  }
  if (s->length > run_start) out.append_substr(s, run_start, s->length);
  out.append('"');
}

Value encode_basestring_impl(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool ascii_only) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise_first_arg_not_str(args[0]);
  StrBuilder out;
  append_json_string(out, args[0].as<Str>(), ascii_only);
  return Value(out.finish());
}

Value json_encode_basestring_ascii(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return encode_basestring_impl("_json.encode_basestring_ascii", args, nargs, kwnames, true);
}

Value json_encode_basestring(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return encode_basestring_impl("_json.encode_basestring", args, nargs, kwnames, false);
}

const MethodDef json_methods[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, kMethodStatic,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_basestring, kMethodStatic,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", json_scanstring, kMethodStatic,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index "
     "of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape "
     "sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\n"
     "control characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the "
     "character in s\nafter the end quote."},
    {nullptr, nullptr, 0, nullptr},
};

// The module's own string encoders, recognised so that they run inline.
enum class FastEncode { kNone, kAscii, kUnicode };

struct EncoderObject : Object {
  Value markers;  // a dict of id -> object being encoded, or None
  Value default_fn, encoder, indent;
  Str* key_separator;
  Str* item_separator;
  bool sort_keys, skipkeys, allow_nan;
  FastEncode fast_encode;
};

struct Encode {
  explicit Encode(EncoderObject* encoder) : e(encoder) {}
  EncoderObject* e;
  StrBuilder out;

  bool string(Value s) {
    switch (e->fast_encode) {
      case FastEncode::kAscii: append_json_string(out, s.as<Str>(), true); return true;
      case FastEncode::kUnicode: append_json_string(out, s.as<Str>(), false); return true;
      case FastEncode::kNone: break;
    }
    Value encoded = call1(e->encoder, s);
    if (!encoded) return false;
    if (!is_str(encoded)) {
      raise(&exc::TypeError, "encoder() must return a string, not %s", type_name(encoded));
      return false;
    }
    out.append(encoded.as<Str>());
    return true;
  }

  // float.__repr__ regardless of subclass overrides; non-finite values as JS names.
  bool float_text(StrBuilder& to, double d) {
    if (!std::isfinite(d)) {
      if (!e->allow_nan) {
        raise(&exc::ValueError, "Out of range float values are not JSON compliant");
        return false;
      }
      to.append_ascii(d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
      return true;
    }
    to.append_ascii(float_repr(d));
    return true;
  }

  // int.__repr__ regardless of subclass overrides.
  static bool int_text(StrBuilder& to, Value v) {
    if (v.is_small_int()) {
      int64_t i = v.as_small_int();  // small ints are far from INT64_MIN
      char buf[24];
      char* end = buf + sizeof buf;
      char* p = end;
      uint64_t magnitude = uint64_t(i < 0 ? -i : i);
      do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
      } while (magnitude);
      if (i < 0) *--p = '-';
      to.append_ascii(std::string_view(p, size_t(end - p)));
      return true;
    }
    Value text = int_to_string(int_exact(v), 10);
    if (!text) return false;
    to.append(text.as<Str>());
    return true;
  }

  // Records a container in the markers while it is being encoded.
  bool enter_marker(Value obj, Value* ident) {
    if (is_none(e->markers)) return true;
    *ident = int_from_u64(obj.bits());
    Dict* markers = e->markers.as<Dict>();
    Value seen = dict_get(markers, *ident);
    if (seen || error_occurred()) {
      if (seen) raise(&exc::ValueError, "Circular reference detected");
      return false;
    }
    return dict_set(markers, *ident, obj) >= 0;
  }
  bool leave_marker(Value ident) { return !ident || dict_del(e->markers.as<Dict>(), ident) >= 0; }

  bool value(Value obj);
  bool list(Value seq);
  bool dict(Value map);
  bool nested(Value obj, bool (Encode::*fn)(Value)) {
    if (!enter_recursion(" while encoding a JSON object")) return false;
    bool ok = (this->*fn)(obj);
    leave_recursion();
    return ok;
  }
};

bool Encode::value(Value obj) {
  if (is_none(obj)) {
    out.append_ascii("null");
    return true;
  }
  if (obj == True() || obj == False()) {
    out.append_ascii(obj == True() ? "true" : "false");
    return true;
  }
  if (is_str(obj)) return string(obj);
  if (is_int(obj)) return int_text(out, obj);
  if (is_float(obj)) return float_text(out, float_value(obj));
  if (is_list(obj) || is_instance_of(obj, &tuple_type)) return nested(obj, &Encode::list);
  if (is_dict(obj)) return nested(obj, &Encode::dict);
  Value ident;
  if (!enter_marker(obj, &ident)) return false;
  Value replacement = call1(e->default_fn, obj);
  if (!replacement) return false;
  if (!nested(replacement, &Encode::value)) return false;
  return leave_marker(ident);
}

bool Encode::list(Value seq) {
  bool is_tuple = !is_list(seq);
  auto size = [&] { return is_tuple ? seq.as<Tuple>()->size : list_size(seq.as<List>()); };
  if (size() == 0) {
    out.append_ascii("[]");
    return true;
  }
  Value ident;
  if (!enter_marker(seq, &ident)) return false;
  out.append('[');
  // The size is read again each time: default() may change the list.
  for (int64_t i = 0; i < size(); i++) {
    Value item = is_tuple ? seq.as<Tuple>()->items[i] : list_get(seq.as<List>(), i);
    if (!item) break;
    if (i) out.append(e->item_separator);
    if (!value(item)) return false;
  }
  if (!leave_marker(ident)) return false;
  out.append(']');
  return true;
}

// The pairs of an exact dict, read in one pass, flattened.
Tuple* exact_dict_items(Dict* d) {
  int64_t capacity = dict_size(d);
  Tuple* flat = tuple_new(2 * capacity);
  int64_t pos = 0, n = 0;
  Value k, v;
  while (n < capacity && dict_next(d, &pos, &k, &v)) {
    flat->items[2 * n] = k;
    flat->items[2 * n + 1] = v;
    n++;
  }
  flat->size = 2 * n;  // the dict may have shrunk meanwhile
  return flat;
}

// Distinct exact-str keys: ordering the (key, value) pairs is ordering the
// keys, which compare without running Python code. Null if some key is not
// an exact str.
Tuple* sorted_by_str_keys(Tuple* flat) {
  int64_t n = flat->size / 2;
  for (int64_t i = 0; i < n; i++)
    if (!is_str_exact(flat->items[2 * i])) return nullptr;
  std::vector<int64_t> order(size_t(n), 0);  // indices only: no Values outside collected memory
  for (int64_t i = 0; i < n; i++) order[size_t(i)] = i;
  std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return str_compare(flat->items[2 * a].as<Str>(), flat->items[2 * b].as<Str>()) < 0;
  });
  Tuple* sorted = tuple_new(2 * n);
  for (int64_t i = 0; i < n; i++) {
    sorted->items[2 * i] = flat->items[2 * order[size_t(i)]];
    sorted->items[2 * i + 1] = flat->items[2 * order[size_t(i)] + 1];
  }
  return sorted;
}

// The (key, value) pairs of a dict as CPython's PyMapping_Items gives them
// (a snapshot of an exact dict, else the result of .items()), sorted as a
// list of 2-tuples when asked, flattened into key, value, key, value...
Tuple* mapping_items(Value map, bool sort) {
  List* pairs;
  if (is_dict_exact(map)) {
    Tuple* flat = exact_dict_items(map.as<Dict>());
    if (!sort) return flat;
    if (Tuple* sorted = sorted_by_str_keys(flat)) return sorted;
    pairs = list_new(flat->size / 2);
    for (int64_t i = 0; i < flat->size; i += 2) list_append(pairs, Value(tuple_pack({flat->items[i], flat->items[i + 1]})));
  } else {
    Value items = call_method0(map, intern_cstr("items"));
    if (!items) return nullptr;
    Value as_list = list_from_iterable(items);
    if (!as_list) return nullptr;
    pairs = as_list.as<List>();
  }
  if (sort && list_sort(pairs, Value(), false) < 0) return nullptr;
  Tuple* flat = tuple_new(2 * list_size(pairs));
  for (int64_t i = 0; i < list_size(pairs) && 2 * i < flat->size; i++) {
    Value item = list_get(pairs, i);
    if (!item || !is_instance_of(item, &tuple_type) || item.as<Tuple>()->size != 2) {
      raise(&exc::ValueError, "items must return 2-tuples");
      return nullptr;
    }
    flat->items[2 * i] = item.as<Tuple>()->items[0];
    flat->items[2 * i + 1] = item.as<Tuple>()->items[1];
  }
  return flat;
}

bool Encode::dict(Value map) {
  if (dict_size(map.as<Dict>()) == 0) {
    out.append_ascii("{}");
    return true;
  }
  Value ident;
  if (!enter_marker(map, &ident)) return false;
  out.append('{');
  Tuple* items = mapping_items(map, e->sort_keys);
  if (!items) return false;
  bool first = true;
  for (int64_t i = 0; i < items->size; i += 2) {
    Value key = items->items[i];
    Value key_text = key;
    if (!is_str(key)) {
      // Other keys are converted to their JSON text, then encoded as strings.
      StrBuilder text;
      if (is_float(key)) {
        if (!float_text(text, float_value(key))) return false;
      } else if (key == True() || key == False() || is_none(key)) {
        text.append_ascii(key == True() ? "true" : key == False() ? "false" : "null");
      } else if (is_int(key)) {
        if (!int_text(text, key)) return false;
      } else if (e->skipkeys) {
        continue;
      } else {
        raise(&exc::TypeError, "keys must be str, int, float, bool or None, not %s", type_name(key));
        return false;
      }
      key_text = Value(text.finish());
    }
    if (!first) out.append(e->item_separator);
    first = false;
    if (!string(key_text)) return false;
    out.append(e->key_separator);
    if (!value(items->items[i + 1])) return false;
  }
  if (!leave_marker(ident)) return false;
  out.append('}');
  return true;
}

Value make_encoder_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[9];
  static const ArgSpec spec{"make_encoder",
                            {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys",
                             "skipkeys", "allow_nan"},
                            9};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  for (int i : {4, 5})
    if (!is_str(a[i])) return raise(&exc::TypeError, "make_encoder() argument %d must be str, not %s", i + 1, type_name(a[i]));
  bool flags[3];
  for (int i = 0; i < 3; i++) {
    int t = truthy(a[6 + i]);
    if (t < 0) return Value();
    flags[i] = t;
  }
  if (!is_none(a[0]) && !is_dict(a[0]))
    return raise(&exc::TypeError, "make_encoder() argument 1 must be dict or None, not %s", type_name(a[0]));
  auto* e = alloc_instance<EncoderObject>(type);
  e->markers = a[0];
  e->default_fn = a[1];
  e->encoder = a[2];
  e->indent = a[3];
  e->key_separator = a[4].as<Str>();
  e->item_separator = a[5].as<Str>();
  e->sort_keys = flags[0];
  e->skipkeys = flags[1];
  e->allow_nan = flags[2];
  e->fast_encode = FastEncode::kNone;
  if (is_type(a[2], &builtin_function_type)) {
    NativeFn fn = a[2].as<BuiltinFunction>()->def->fn;
    if (fn == json_encode_basestring_ascii) e->fast_encode = FastEncode::kAscii;
    else if (fn == json_encode_basestring) e->fast_encode = FastEncode::kUnicode;
  }
  return Value(e);
}

Value encoder_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"_iterencode", {"obj", "_current_indent_level"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t indent_level;
  if (!ssize_arg(a[1], &indent_level)) return Value();
  Encode encode{self.as<EncoderObject>()};
  if (!encode.value(a[0])) return Value();
  List* chunks = list_new(1);
  list_append(chunks, Value(encode.out.finish()));
  return Value(chunks);
}

Value encoder_markers(Value self) { return self.as<EncoderObject>()->markers; }
Value encoder_default(Value self) { return self.as<EncoderObject>()->default_fn; }
Value encoder_encoder(Value self) { return self.as<EncoderObject>()->encoder; }
Value encoder_indent(Value self) { return self.as<EncoderObject>()->indent; }
Value encoder_key_separator(Value self) { return Value(self.as<EncoderObject>()->key_separator); }
Value encoder_item_separator(Value self) { return Value(self.as<EncoderObject>()->item_separator); }
Value encoder_sort_keys(Value self) { return Bool(self.as<EncoderObject>()->sort_keys); }
Value encoder_skipkeys(Value self) { return Bool(self.as<EncoderObject>()->skipkeys); }

const GetSetDef encoder_getsets[] = {
    {"markers", encoder_markers, nullptr, "markers"},
    {"default", encoder_default, nullptr, "default"},
    {"encoder", encoder_encoder, nullptr, "encoder"},
    {"indent", encoder_indent, nullptr, "indent"},
    {"key_separator", encoder_key_separator, nullptr, "key_separator"},
    {"item_separator", encoder_item_separator, nullptr, "item_separator"},
    {"sort_keys", encoder_sort_keys, nullptr, "sort_keys"},
    {"skipkeys", encoder_skipkeys, nullptr, "skipkeys"},
    {nullptr, nullptr, nullptr, nullptr},
};

bool json_init(Module* m) {
  static std::once_flag once;
  std::call_once(once, [] {
    scanner_type.native_name = "_json.Scanner";
    scanner_type.instance_size = sizeof(ScannerObject);
    scanner_type.flags = kTypeBaseType;
    scanner_type.new_ = make_scanner_new;
    scanner_type.call = scanner_call;
    scanner_type.getsets = scanner_getsets;
    scanner_type.doc = "JSON scanner object";
    type_ready(&scanner_type);

    encoder_type.native_name = "_json.Encoder";
    encoder_type.instance_size = sizeof(EncoderObject);
    encoder_type.flags = kTypeBaseType;
    encoder_type.new_ = make_encoder_new;
    encoder_type.call = encoder_call;
    encoder_type.getsets = encoder_getsets;
    encoder_type.doc = "_iterencode(obj, _current_indent_level) -> iterable";
    type_ready(&encoder_type);
  });
  return module_add(m, "make_scanner", Value(&scanner_type)) >= 0 &&
         module_add(m, "make_encoder", Value(&encoder_type)) >= 0;
}

}  // namespace

extern const ModuleDef json_module = {"_json", "json speedups\n", json_methods, json_init};

}  // namespace spindle
