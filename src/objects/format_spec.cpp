// The format-spec mini-language for str, int, float and complex:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// and format() itself. Floats are converted to text by format_double(), which
// printf-style formatting (str_mod.cpp) shares.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_format.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"

namespace spindle {

// ------------------------------------------------------------------ floats as text

std::string format_double(double v, char code, int64_t precision, unsigned flags) {
  const bool upper = code == 'E' || code == 'F' || code == 'G';
  const char lower_code = char(std::tolower(code));
  const bool alt = flags & kFormatAlt;
  const bool add_dot_0 = flags & kFormatAddDot0;
  if (std::isnan(v)) return upper ? "NAN" : "nan";
  bool negative = std::signbit(v);
  if (std::isinf(v)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");
  const double a = std::fabs(v);

  // The correctly rounded decimal digits (no trailing zeros) and the position
  // of the decimal point relative to them: value = 0.DIGITS * 10**decpt.
  std::string digits;
  int64_t decpt;
  if (lower_code == 'e') precision++;
  if (lower_code == 'g' && precision == 0) precision = 1;
  if (a == 0) {
    digits = "0";
    decpt = 1;
  } else if (lower_code == 'r') {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    std::string_view sci(buf, size_t(res.ptr - buf));
    size_t e = sci.find('e');
    for (size_t i = 0; i < e; i++)
      if (sci[i] != '.') digits.push_back(sci[i]);
    decpt = std::strtol(std::string(sci.substr(e + 1)).c_str(), nullptr, 10) + 1;
  } else if (lower_code == 'f') {
    // to_chars rounds correctly (half to even on the exact binary value), as printf does.
    char small[400];
    std::string large;
    size_t need = size_t(precision) + 330;
    char* first = small;
    if (need > sizeof small) {
      large.resize(need);
      first = large.data();
    }
    auto res = std::to_chars(first, first + std::max(need, sizeof small), a, std::chars_format::fixed, int(precision));
    std::string_view text(first, size_t(res.ptr - first));
    size_t dot = text.find('.');
    std::string_view int_part = text.substr(0, dot);
    digits.reserve(text.size());
    digits.assign(int_part);
    if (dot != std::string_view::npos) digits.append(text.substr(dot + 1));
    decpt = int64_t(int_part.size());
    size_t lead = digits.find_first_not_of('0');
    if (lead == std::string::npos) {
      digits.clear();  // rounds to zero
      decpt = -precision;
    } else {
      digits.erase(0, lead);
      decpt -= int64_t(lead);
    }
  } else {
    char small[128];
    std::string large;
    size_t need = size_t(precision) + 32;
    char* first = small;
    if (need > sizeof small) {
      large.resize(need);
      first = large.data();
    }
    auto res = std::to_chars(first, first + std::max(need, sizeof small), a, std::chars_format::scientific, int(precision - 1));
    std::string_view text(first, size_t(res.ptr - first));
    size_t e = text.find('e');
    for (size_t i = 0; i < e; i++)
      if (text[i] != '.') digits.push_back(text[i]);
    decpt = std::strtol(std::string(text.substr(e + 1)).c_str(), nullptr, 10) + 1;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if ((flags & kFormatNoNegZero) && digits.find_first_not_of('0') == std::string::npos) negative = false;

  // Lay the digits out as CPython's float formatting does.
  bool use_exp = false;
  int64_t digits_len = int64_t(digits.size());
  int64_t vdigits_end = digits_len;
  switch (lower_code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) vdigits_end = std::max(vdigits_end, decpt + 1);
  else vdigits_end = std::max(vdigits_end, decpt);

  std::string out;
  out.reserve(size_t(std::max<int64_t>(vdigits_end, 0) - std::min<int64_t>(vdigits_start, 0)) + 16);
  if (negative) out.push_back('-');
  if (decpt <= 0) {
    out.append(size_t(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (decpt > 0 && decpt <= digits_len) {
    out.append(digits, 0, size_t(decpt));
    out.push_back('.');
    out.append(digits, size_t(decpt));
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(size_t(decpt - digits_len), '0');
    out.push_back('.');
    out.append(size_t(std::max<int64_t>(vdigits_end - decpt, 0)), '0');
  } else {
    out.append(size_t(std::max<int64_t>(vdigits_end - digits_len, 0)), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%c%02lld", upper ? 'E' : 'e', exp < 0 ? '-' : '+', (long long)std::llabs(exp));
    out += buf;
  }
  return out;
}

namespace {

// ------------------------------------------------------------------ parsing the spec

struct Spec {
  uint32_t fill = ' ';
  uint32_t align = 0;
  uint32_t sign = 0;
  bool no_neg_zero = false;
  bool alternate = false;
  int64_t width = -1;
  char grouping = 0;   // ',' or '_'
  int group_size = 0;  // digits per group when grouping
  int64_t precision = -1;
  uint32_t type = 0;
};

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Decimal digits (any script) at s[*pos...]; false with ValueError on overflow.
bool parse_count(Str* s, int64_t* pos, int64_t* out, int64_t* consumed) {
  int64_t acc = 0, start = *pos;
  while (*pos < s->length) {
    int d = unicode::decimal_value(s->at(*pos));
    if (d < 0) break;
    if (acc > (INT64_MAX - d) / 10) {
      raise(&exc::ValueError, "Too many decimal digits in format string");
      return false;
    }
    acc = acc * 10 + d;
    (*pos)++;
  }
  *consumed = *pos - start;
  *out = acc;
  return true;
}

void raise_bad_grouping(char grouping, uint32_t type) {
  if (type > 32 && type < 128)
    raise(&exc::ValueError, "Cannot specify '%c' with '%c'.", grouping, int(type));
  else
    raise(&exc::ValueError, "Cannot specify '%c' with '\\x%x'.", grouping, unsigned(type));
}

bool parse_spec(Str* s, Spec* f, uint32_t default_type, uint32_t default_align, const char* type_name) {
  f->align = default_align;
  f->type = default_type;
  const int64_t n = s->length;
  int64_t pos = 0;
  bool fill_given = false, align_given = false;
  if (n >= 2 && is_align(s->at(1))) {
    f->fill = s->at(0);
    f->align = s->at(1);
    fill_given = align_given = true;
    pos = 2;
  } else if (n >= 1 && is_align(s->at(0))) {
    f->align = s->at(0);
    align_given = true;
    pos = 1;
  }
  if (pos < n && (s->at(pos) == '+' || s->at(pos) == '-' || s->at(pos) == ' ')) f->sign = s->at(pos++);
  if (pos < n && s->at(pos) == 'z') {
    f->no_neg_zero = true;
    pos++;
  }
  if (pos < n && s->at(pos) == '#') {
    f->alternate = true;
    pos++;
  }
  if (!fill_given && pos < n && s->at(pos) == '0') {
    f->fill = '0';
    if (!align_given && default_align == '>') f->align = '=';
    pos++;
  }
  int64_t consumed;
  if (!parse_count(s, &pos, &f->width, &consumed)) return false;
  if (!consumed) f->width = -1;
  if (pos < n && s->at(pos) == ',') {
    f->grouping = ',';
    pos++;
  }
  if (pos < n && s->at(pos) == '_') {
    if (f->grouping) {
      raise(&exc::ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->grouping = '_';
    pos++;
  }
  // A second ',' after ',' is left to be read as the type (and refused there).
  if (pos < n && s->at(pos) == ',' && f->grouping == '_') {
    raise(&exc::ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < n && s->at(pos) == '.') {
    pos++;
    if (!parse_count(s, &pos, &f->precision, &consumed)) return false;
    if (!consumed) {
      raise(&exc::ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (n - pos > 1) {
    raise(&exc::ValueError, "Invalid format specifier '%U' for object of type '%s'", s, type_name);
    return false;
  }
  if (n - pos == 1) f->type = s->at(pos);
  if (f->grouping) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        f->group_size = 3;
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_') {
          f->group_size = 4;
          break;
        }
        [[fallthrough]];
      default:
        raise_bad_grouping(f->grouping, f->type);
        return false;
    }
  }
  return true;
}

Value unknown_type(uint32_t type, const char* type_name) {
  if (type > 32 && type < 128)
    return raise(&exc::ValueError, "Unknown format code '%c' for object of type '%s'", int(type), type_name);
  return raise(&exc::ValueError, "Unknown format code '\\x%x' for object of type '%s'", unsigned(type), type_name);
}

// ------------------------------------------------------------------ layout

// Left and right padding of `len` characters in a field of `width`; false
// with MemoryError pending when the field cannot be allocated.
bool padding_for(int64_t len, int64_t width, uint32_t align, int64_t* left, int64_t* right) {
  if (!check_str_length(width)) return false;
  int64_t total = width > len ? width - len : 0;
  *left = align == '>' ? total : align == '^' ? total / 2 : 0;
  *right = total - *left;
  return true;
}

// The integer digits with separators every group_size digits (0: none), left
// padded with zeros to at least min_width characters (CPython's algorithm:
// a group of padding never starts with a separator).
std::string group_digits(std::string_view digits, int64_t min_width, int group_size, char sep) {
  std::string rev;
  int64_t remaining = int64_t(digits.size());
  bool use_sep = false;
  auto emit = [&](int64_t l) {
    int64_t zeros = std::max<int64_t>(0, l - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_sep) rev.push_back(sep);
    for (int64_t k = 0; k < chars; k++) rev.push_back(digits[size_t(remaining - 1 - k)]);
    rev.append(size_t(zeros), '0');
    remaining -= chars;
  };
  if (group_size > 0) {
    for (;;) {
      int64_t l = std::min<int64_t>(group_size, std::max({remaining, min_width, int64_t(1)}));
      emit(l);
      use_sep = true;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) break;
      min_width -= 1;
    }
  } else {
    emit(std::max({remaining, min_width, int64_t(1)}));
  }
  return std::string(rev.rbegin(), rev.rend());
}

// A number laid out in its field:
//   <lpad> <sign> <prefix> <spad> <grouped digits> <.remainder> <rpad>
// `remainder` is what follows the integer digits (fraction, exponent, '%').
Str* layout_number(const Spec& f, bool negative, std::string_view prefix, std::string_view int_digits,
                   bool has_decimal, std::string_view remainder) {
  if (!check_str_length(f.width)) return nullptr;
  char sign = negative ? '-' : f.sign == '+' ? '+' : f.sign == ' ' ? ' ' : 0;
  int64_t fixed = (sign ? 1 : 0) + int64_t(prefix.size()) + (has_decimal ? 1 : 0) + int64_t(remainder.size());
  int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - fixed : 0;
  std::string grouped = int_digits.empty() ? std::string() : group_digits(int_digits, min_width, f.group_size, f.grouping);
  int64_t pad = f.width - (fixed + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (pad > 0) {
    switch (f.align) {
      case '<': rpad = pad; break;
      case '^': lpad = pad / 2; rpad = pad - lpad; break;
      case '=': spad = pad; break;
      default: lpad = pad; break;
    }
  }
  StrBuilder b;
  b.reserve(fixed + int64_t(grouped.size()) + std::max<int64_t>(pad, 0));
  b.append_repeated(f.fill, lpad);
  if (sign) b.append(uint32_t(sign));
  b.append_ascii(prefix);
  b.append_repeated(f.fill, spad);
  b.append_ascii(grouped);
  if (has_decimal) b.append('.');
  b.append_ascii(remainder);
  b.append_repeated(f.fill, rpad);
  return b.finish();
}

// Splits a formatted float ("-1234.5e+06") into sign, integer digits and the rest.
struct NumberText {
  bool negative;
  std::string_view int_digits;
  bool has_decimal;
  std::string_view remainder;
};

NumberText split_number(std::string_view text) {
  NumberText t{};
  t.negative = !text.empty() && text[0] == '-';
  if (t.negative) text.remove_prefix(1);
  size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') i++;
  t.int_digits = text.substr(0, i);
  t.has_decimal = i < text.size() && text[i] == '.';
  t.remainder = text.substr(t.has_decimal ? i + 1 : i);
  return t;
}

Value format_float_spec(double d, const Spec& spec_in) {
  Spec f = spec_in;
  if (f.precision > INT32_MAX) return raise(&exc::ValueError, "precision too big");
  unsigned flags = (f.alternate ? kFormatAlt : 0) | (f.no_neg_zero ? kFormatNoNegZero : 0);
  uint32_t type = f.type;
  int64_t default_precision = 6;
  if (type == 0) {
    flags |= kFormatAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool percent = type == '%';
  if (percent) {
    type = 'f';
    d *= 100;
  }
  int64_t precision = f.precision;
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string text = format_double(d, char(type), precision, flags);
  if (percent) text.push_back('%');
  NumberText t = split_number(text);
  Str* r = layout_number(f, t.negative, "", t.int_digits, t.has_decimal, t.remainder);
  return r ? Value(r) : Value();
}

}  // namespace

// ------------------------------------------------------------------ the formatters

Value format_str(Value v, Str* spec_str) {
  Str* s = v.as<Str>();
  if (spec_str->length == 0) return is_str_exact(v) ? v : to_str(v);  // a subclass's __str__ applies
  const char* tname = type_name(v);
  Spec f;
  if (!parse_spec(spec_str, &f, 's', '<', tname)) return Value();
  if (f.type != 's') return unknown_type(f.type, tname);
  if (f.sign == ' ') return raise(&exc::ValueError, "Space not allowed in string format specifier");
  if (f.sign) return raise(&exc::ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_zero) return raise(&exc::ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return raise(&exc::ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return raise(&exc::ValueError, "'=' alignment not allowed in string format specifier");
  int64_t len = f.precision >= 0 && f.precision < s->length ? f.precision : s->length;
  if (len == s->length && f.width <= len) return is_str_exact(v) ? v : Value(str_substr(s, 0, s->length));
  int64_t left, right;
  if (!padding_for(len, f.width, f.align, &left, &right)) return Value();
  StrBuilder b;
  b.reserve(len + left + right);
  b.append_repeated(f.fill, left);
  b.append_substr(s, 0, len);
  b.append_repeated(f.fill, right);
  return Value(b.finish());
}

Value format_int(Value v, Str* spec_str) {
  if (spec_str->length == 0) return to_str(v);
  const char* tname = type_name(v);
  Spec f;
  if (!parse_spec(spec_str, &f, 'd', '>', tname)) return Value();
  switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!int_to_double(v, &d)) return Value();
      return format_float_spec(d, f);
    }
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
      break;
    default:
      return unknown_type(f.type, tname);
  }
  if (f.precision >= 0) return raise(&exc::ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_zero) return raise(&exc::ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == 'c') {
    if (f.sign) return raise(&exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) return raise(&exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_to_i64(v, &cp)) {
      clear_error();
      return raise(&exc::OverflowError, "Python int too large to convert to C long");
    }
    if (cp < 0 || cp > 0x10FFFF) return raise(&exc::OverflowError, "%%c arg not in range(0x110000)");
    int64_t left, right;
    if (!padding_for(1, f.width, f.align == '=' ? '>' : f.align, &left, &right)) return Value();
    StrBuilder b;
    b.append_repeated(f.fill, left);
    b.append(uint32_t(cp));
    b.append_repeated(f.fill, right);
    return Value(b.finish());
  }
  std::string digits;
  bool negative;
  if ((f.type == 'd' || f.type == 'n') && v.is_small_int()) {
    char buf[24];
    int64_t i = v.as_small_int();
    negative = i < 0;
    auto res = std::to_chars(buf, buf + sizeof buf, negative ? -i : i);
    digits.assign(buf, res.ptr);
  } else if (f.type == 'd' || f.type == 'n') {
    Value text = to_str(int_exact(v));  // applies the int/str conversion digit limit
    if (!text) return Value();
    digits = std::string(text.as<Str>()->ascii_view());
    negative = digits[0] == '-';
    if (negative) digits.erase(0, 1);
  } else {
    int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : 16;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    negative = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    digits.assign(mpz_sizeinbase(z, base) + 2, '\0');
    mpz_get_str(digits.data(), base, z);
    digits.resize(std::strlen(digits.c_str()));
    mpz_clear(z);
    if (f.type == 'X')
      for (char& c : digits) c = char(std::toupper(uint8_t(c)));
  }
  std::string_view prefix;
  if (f.alternate) {
    switch (f.type) {
      case 'b': prefix = "0b"; break;
      case 'o': prefix = "0o"; break;
      case 'x': prefix = "0x"; break;
      case 'X': prefix = "0X"; break;
      default: break;
    }
  }
  Str* r = layout_number(f, negative, prefix, digits, false, "");
  return r ? Value(r) : Value();
}

Value format_float(double d, Str* spec_str) {
  if (spec_str->length == 0) return Value(str_from_ascii(float_repr(d)));
  Spec f;
  if (!parse_spec(spec_str, &f, 0, '>', "float")) return Value();
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n':
      break;
    default:
      return unknown_type(f.type, "float");
  }
  return format_float_spec(d, f);
}

Value format_complex(double re, double im, Str* spec_str) {
  Spec f;
  if (spec_str->length && !parse_spec(spec_str, &f, 0, '>', "complex")) return Value();
  if (spec_str->length == 0) f.align = '>';
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default:
      return unknown_type(f.type, "complex");
  }
  if (f.precision > INT32_MAX) return raise(&exc::ValueError, "precision too big");
  if (f.fill == '0') return raise(&exc::ValueError, "Zero padding is not allowed in complex format specifier");
  if (f.align == '=') return raise(&exc::ValueError, "'=' alignment flag is not allowed in complex format specifier");
  unsigned flags = (f.alternate ? kFormatAlt : 0) | (f.no_neg_zero ? kFormatNoNegZero : 0);
  uint32_t type = f.type;
  int64_t default_precision = 6;
  bool skip_re = false, parens = false;
  if (type == 0) {
    // Like repr(): the real part is left out when it is +0, else parenthesised.
    type = 'r';
    default_precision = 0;
    if (re == 0.0 && !std::signbit(re)) skip_re = true;
    else parens = true;
  }
  if (type == 'n') type = 'g';
  int64_t precision = f.precision;
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string re_text = format_double(re, char(type), precision, flags);
  std::string im_text = format_double(im, char(type), precision, flags);
  // Both parts unpadded, the imaginary one always signed unless it stands alone.
  Spec part = f;
  part.fill = ' ';
  part.align = '<';
  part.width = -1;
  NumberText r = split_number(re_text);
  NumberText i = split_number(im_text);
  StrBuilder body;
  if (parens) body.append('(');
  if (!skip_re) body.append(layout_number(part, r.negative, "", r.int_digits, r.has_decimal, r.remainder));
  if (!skip_re) part.sign = '+';
  body.append(layout_number(part, i.negative, "", i.int_digits, i.has_decimal, i.remainder));
  body.append('j');
  if (parens) body.append(')');
  Str* text = body.finish();
  int64_t left, right;
  if (!padding_for(text->length, f.width, f.align, &left, &right)) return Value();
  if (!left && !right) return Value(text);
  StrBuilder b;
  b.append_repeated(f.fill, left);
  b.append(text);
  b.append_repeated(f.fill, right);
  return Value(b.finish());
}

Value format(Value v, Value spec) {
  if (!is_str(spec)) return raise(&exc::TypeError, "format() argument 2 must be str, not %s", type_name(spec));
  if (is_str_exact(v) && spec.as<Str>()->length == 0) return v;
  if (v.is_small_int()) return format_int(v, spec.as<Str>());
  if (v.is_double()) return format_float(v.as_double(), spec.as<Str>());
  Value meth = lookup_special(v, names::__format__);
  if (!meth) {
    if (!error_occurred()) raise(&exc::TypeError, "Type %s doesn't define __format__", type_name(v));
    return Value();
  }
  Value r = call1(meth, spec);
  if (r && !is_str(r)) return raise(&exc::TypeError, "__format__ must return a str, not %s", type_name(r));
  return r;
}

}  // namespace spindle
