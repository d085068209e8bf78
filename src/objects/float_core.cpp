// float: repr, hashing, parsing and the float() conversion protocol.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace spindle {

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  // Shortest round-trip digits, then laid out by Python's rule: scientific
  // notation when the decimal exponent is below -4 or at least 16.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t epos = sci.find('e');
  int exp10 = std::atoi(sci.c_str() + epos + 1);
  std::string digits;
  for (size_t i = 0; i < epos; i++)
    if (sci[i] != '.') digits.push_back(sci[i]);
  std::string out = neg ? "-" : "";
  if (exp10 < -4 || exp10 >= 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += e;
    return out;
  }
  if (exp10 < 0) {
    out += "0.";
    out.append(size_t(-exp10 - 1), '0');
    out += digits;
    return out;
  }
  size_t int_digits = size_t(exp10) + 1;
  if (digits.size() <= int_digits) {
    out += digits;
    out.append(int_digits - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, int_digits);
    out += '.';
    out.append(digits, int_digits);
  }
  return out;
}

// CPython's numeric hash for floats: the value as a fraction reduced modulo
// 2^61 - 1, so that hash(x) == hash(int(x)) for integral x.
int64_t float_hash(double v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  constexpr int kBits = 61;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  auto h = int64_t(x) * sign;
  return h == -1 ? -2 : h;
}

bool parse_double(const char* s, size_t n, double* out) {
  const char* p = s;
  const char* end = s + n;
  while (p < end && std::isspace(uint8_t(*p))) p++;
  while (end > p && std::isspace(uint8_t(end[-1]))) end--;
  std::string clean;
  const char* q = p;
  if (q < end && (*q == '+' || *q == '-')) clean.push_back(*q++);
  std::string rest(q, end);
  std::string lower;
  for (char c : rest) lower.push_back(char(std::tolower(uint8_t(c))));
  if (lower == "inf" || lower == "infinity" || lower == "nan") {
    double v = lower == "nan" ? std::nan("") : HUGE_VAL;
    *out = (!clean.empty() && clean[0] == '-') ? -v : v;
    return true;
  }
  // digits [. digits] [e [sign] digits], underscores only between digits.
  bool ok = true, any_digit = false, prev_digit = false;
  int stage = 0;  // 0 int part, 1 fraction, 2 exponent sign, 3 exponent digits
  for (const char* c = q; c < end && ok; c++) {
    char ch = *c;
    if (std::isdigit(uint8_t(ch))) {
      clean.push_back(ch);
      prev_digit = true;
      if (stage < 2) any_digit = true;
      if (stage == 2) stage = 3;
    } else if (ch == '_') {
      ok = prev_digit && c + 1 < end && std::isdigit(uint8_t(c[1]));
      prev_digit = false;
    } else if (ch == '.' && stage == 0) {
      clean.push_back(ch);
      stage = 1;
      prev_digit = false;
    } else if ((ch == 'e' || ch == 'E') && stage < 2 && any_digit) {
      clean.push_back('e');
      stage = 2;
      prev_digit = false;
      if (c + 1 < end && (c[1] == '+' || c[1] == '-')) clean.push_back(*++c);
    } else {
      ok = false;
    }
  }
  if (ok && (!any_digit || stage == 2)) ok = false;
  if (!ok) {
    Str* text = str_from_utf8(s, n);
    if (!text) {
      clear_error();
      text = str_from_utf8_surrogateescape(s, n);
    }
    raise(&exc::ValueError, "could not convert string to float: %R", Value(text));
    return false;
  }
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

bool number_text_to_ascii(const Str* s, std::string* out) {
  out->clear();
  out->reserve(size_t(s->length));
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c < 128) {
      out->push_back(char(c));
      continue;
    }
    int d = unicode_decimal_value(c);
    if (d >= 0) out->push_back(char('0' + d));
    else if (unicode_is_space(c)) out->push_back(' ');
    else return false;
  }
  return true;
}

bool to_double(Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  if (v.is_small_int()) {
    *out = double(v.as_small_int());
    return true;
  }
  Type* t = type_of(v);
  if (t->float_) {
    Value r = t->float_(v);
    if (!r) return false;
    if (!is_float(r))
      return raise(&exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(t), type_name(r)), false;
    if (!is_float_exact(r) &&
        !warn_format(&exc::DeprecationWarning, 1,
                     "%s.__float__ returned non-float (type %s).  The ability to return an instance of a strict "
                     "subclass of float is deprecated, and may be removed in a future version of Python.",
                     type_name(t), type_name(r)))
      return false;
    *out = float_value(r);
    return true;
  }
  if (is_int(v)) return int_to_double(v, out);
  if (t->index) {
    Value i = number_index(v);
    if (!i) return false;
    return int_to_double(i, out);
  }
  raise(&exc::TypeError, "must be real number, not %s", type_name(t));
  return false;
}

}  // namespace spindle
