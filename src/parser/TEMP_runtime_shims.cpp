// TEMPORARY: minimal stand-ins for runtime functions the parser uses, so the
// parser branch links and its tests run before the runtime lands in main.
// The lead deletes this file when merging the real implementations.
#include <gmp.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

#include "gc/gc.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "parser/tokenizer.h"

namespace spindle {

Object none_object, notimplemented_object, ellipsis_object, true_object, false_object;
Type int_type, bool_type, float_type, complex_type, str_type, bytes_type, none_type, ellipsis_type;
namespace exc {
Type SyntaxError, IndentationError, TabError;
}
thread_local ThreadState* current_thread_state;

ThreadState* thread_state_attach(bool) {
  auto* t = static_cast<ThreadState*>(gc::alloc_uncollectable(sizeof(ThreadState)));
  new (t) ThreadState();
  current_thread_state = t;
  return t;
}

namespace {
struct ShimSyntaxError : Object {
  Str* msg;
  int lineno, offset, end_lineno, end_offset;
};

Str* alloc_str(const uint32_t* cps, size_t n) {
  uint32_t maxc = 0;
  for (size_t i = 0; i < n; i++) maxc = std::max(maxc, cps[i]);
  uint8_t kind = maxc < 256 ? 1 : maxc < 65536 ? 2 : 4;
  Str* s = static_cast<Str*>(gc::alloc(sizeof(Str) + (n + 1) * kind));
  s->type = &str_type;
  s->length = static_cast<int64_t>(n);
  s->kind = kind;
  s->ascii = maxc < 128;
  s->data_ptr = reinterpret_cast<char*>(s) + sizeof(Str);
  for (size_t i = 0; i < n; i++) {
    if (kind == 1) static_cast<uint8_t*>(s->data_ptr)[i] = static_cast<uint8_t>(cps[i]);
    else if (kind == 2) static_cast<uint16_t*>(s->data_ptr)[i] = static_cast<uint16_t>(cps[i]);
    else static_cast<uint32_t*>(s->data_ptr)[i] = cps[i];
  }
  return s;
}

std::u32string utf8_to_cps(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out.push_back(c);
      i++;
      continue;
    }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    uint32_t cp = c & (0x3F >> n);
    i++;
    for (int k = 0; k < n && i < s.size(); k++) cp = (cp << 6) | (s[i++] & 0x3F);
    out.push_back(cp);
  }
  return out;
}

void put_utf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string float_digits_repr(double d, bool add_dot_zero) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  int prec = 1;
  for (; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if (strtod(buf, nullptr) == d) break;
  }
  // buf: [-]d.ddde[+-]xx
  std::string s(buf);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find('e');
  int exp10 = atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; i++)
    if (s[i] != '.') digits.push_back(s[i]);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp10 + 1;
  std::string out;
  if (decpt <= -4 || decpt > 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    snprintf(eb, sizeof eb, "e%+03d", decpt - 1);
    out += eb;
  } else if (decpt <= 0) {
    out = "0." + std::string(-decpt, '0') + digits;
  } else if (decpt >= static_cast<int>(digits.size())) {
    out = digits + std::string(decpt - digits.size(), '0');
    if (add_dot_zero) out += ".0";
  } else {
    out = digits.substr(0, decpt) + "." + digits.substr(decpt);
  }
  return (neg ? "-" : "") + out;
}

}  // namespace

Str* str_from_code_points(const uint32_t* cps, size_t n) { return alloc_str(cps, n); }
Str* str_from_utf8(const char* s, size_t n) {
  std::u32string cps = utf8_to_cps(std::string_view(s, n));
  return alloc_str(reinterpret_cast<const uint32_t*>(cps.data()), cps.size());
}
Str* str_from_utf8(std::string_view s) { return str_from_utf8(s.data(), s.size()); }

Str* intern_sv(std::string_view s) {
  static std::unordered_map<std::string, Str*>* table = new std::unordered_map<std::string, Str*>();
  auto it = table->find(std::string(s));
  if (it != table->end()) return it->second;
  std::u32string cps = utf8_to_cps(s);
  uint32_t maxc = 0;
  for (char32_t c : cps) maxc = std::max<uint32_t>(maxc, c);
  uint8_t kind = maxc < 256 ? 1 : maxc < 65536 ? 2 : 4;
  Str* str = static_cast<Str*>(gc::alloc_uncollectable(sizeof(Str) + (cps.size() + 1) * kind));
  Str* tmp = alloc_str(reinterpret_cast<const uint32_t*>(cps.data()), cps.size());
  memcpy(static_cast<void*>(str), tmp, sizeof(Str) + (cps.size() + 1) * kind);
  str->data_ptr = reinterpret_cast<char*>(str) + sizeof(Str);
  (*table)[std::string(s)] = str;
  return str;
}

std::string str_to_utf8(const Str* s) {
  std::string out;
  for (int64_t i = 0; i < s->length; i++) put_utf8(&out, s->at(i));
  return out;
}

bool str_equals_ascii(const Str* s, std::string_view ascii) {
  if (s->length != static_cast<int64_t>(ascii.size())) return false;
  for (size_t i = 0; i < ascii.size(); i++)
    if (s->at(static_cast<int64_t>(i)) != static_cast<unsigned char>(ascii[i])) return false;
  return true;
}

Value int_from_string(const char* s, size_t n, int base) {
  std::string digits;
  for (size_t i = 0; i < n; i++)
    if (s[i] != '_') digits.push_back(s[i]);
  int b = 10;
  size_t skip = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char p = static_cast<char>(tolower(digits[1]));
    if (p == 'x') b = 16, skip = 2;
    if (p == 'o') b = 8, skip = 2;
    if (p == 'b') b = 2, skip = 2;
  }
  (void)base;
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits.c_str() + skip, b);
  if (mpz_fits_slong_p(z) && Value::fits_small(mpz_get_si(z))) {
    Value v = Value::from_small_int(mpz_get_si(z));
    mpz_clear(z);
    return v;
  }
  BigInt* bi = static_cast<BigInt*>(gc::alloc(sizeof(BigInt)));
  bi->type = &int_type;
  mpz_init_set(bi->z, z);
  mpz_clear(z);
  return Value(bi);
}

bool parse_double(const char* s, size_t n, double* out) {
  std::string t(s, n);
  *out = strtod(t.c_str(), nullptr);
  return true;
}

Value complex_new(double real, double imag) {
  auto* c = static_cast<ComplexObject*>(gc::alloc(sizeof(ComplexObject)));
  c->type = &complex_type;
  c->real = real;
  c->imag = imag;
  return Value(c);
}

Bytes* bytes_new(const void* data, size_t n) {
  Bytes* b = static_cast<Bytes*>(gc::alloc(sizeof(Bytes) + n + 1));
  b->type = &bytes_type;
  b->size = static_cast<int64_t>(n);
  b->data_ptr = reinterpret_cast<uint8_t*>(b) + sizeof(Bytes);
  memcpy(b->data_ptr, data, n);
  return b;
}

Value repr(Value v) {
  std::string out;
  if (v.is_small_int()) {
    out = std::to_string(v.as_small_int());
  } else if (v.is_double()) {
    out = float_digits_repr(v.as_double(), true);
  } else if (v == None()) {
    out = "None";
  } else if (v == True()) {
    out = "True";
  } else if (v == False()) {
    out = "False";
  } else if (v == Ellipsis()) {
    out = "Ellipsis";
  } else if (v.as_object()->type == &int_type) {
    std::string buf(mpz_sizeinbase(v.as<BigInt>()->z, 10) + 2, '\0');
    mpz_get_str(buf.data(), 10, v.as<BigInt>()->z);
    out = buf.c_str();
  } else if (v.as_object()->type == &complex_type) {
    out = float_digits_repr(v.as<ComplexObject>()->imag, false) + "j";
  } else if (v.as_object()->type == &bytes_type) {
    Bytes* b = v.as<Bytes>();
    std::string_view d = b->view();
    char q = d.find('\'') != std::string_view::npos && d.find('"') == std::string_view::npos ? '"' : '\'';
    out = "b";
    out += q;
    for (unsigned char c : d) {
      if (c == q || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 32 || c >= 127) {
        char buf[8];
        snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else out += static_cast<char>(c);
    }
    out += q;
  } else {
    Str* s = v.as<Str>();
    bool has_single = false, has_double = false;
    for (int64_t i = 0; i < s->length; i++) {
      if (s->at(i) == '\'') has_single = true;
      if (s->at(i) == '"') has_double = true;
    }
    char q = has_single && !has_double ? '"' : '\'';
    out += q;
    for (int64_t i = 0; i < s->length; i++) {
      uint32_t c = s->at(i);
      char buf[16];
      if (c == static_cast<uint32_t>(q) || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 32 || c == 127) {
        snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else if (c < 128) out += static_cast<char>(c);
      else if (!parser::is_printable(c)) {
        if (c < 0x100) snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", c);
        else snprintf(buf, sizeof buf, "\\U%08x", c);
        out += buf;
      } else put_utf8(&out, c);
    }
    out += q;
  }
  return Value(str_from_utf8(out));
}

Value raise_syntax_error(Type* type, const char* msg, Value, int lineno, int offset, Value, int end_lineno,
                         int end_offset) {
  auto* e = static_cast<ShimSyntaxError*>(gc::alloc(sizeof(ShimSyntaxError)));
  e->type = type;
  e->msg = str_from_utf8(msg, strlen(msg));
  e->lineno = lineno;
  e->offset = offset;
  e->end_lineno = end_lineno;
  e->end_offset = end_offset;
  ts()->exception = Value(e);
  return Value();
}

Value fetch_error() {
  Value e = ts()->exception;
  ts()->exception = Value();
  return e;
}
void clear_error() { ts()->exception = Value(); }

Value get_attr_cstr(Value obj, const char* name) {
  auto* e = obj.as<ShimSyntaxError>();
  std::string n(name);
  if (n == "msg") return Value(e->msg);
  if (n == "lineno") return Value::from_small_int(e->lineno);
  if (n == "offset") return Value::from_small_int(e->offset);
  if (n == "end_lineno") return Value::from_small_int(e->end_lineno);
  return Value::from_small_int(e->end_offset);
}

const char* type_name(const Type* t) {
  if (t == &exc::IndentationError) return "IndentationError";
  if (t == &exc::TabError) return "TabError";
  return "SyntaxError";
}

}  // namespace spindle
