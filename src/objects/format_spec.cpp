// The format-spec mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// for str, int and float, and format() itself.
#include <vector>
#include <cmath>
#include <cstdio>
#include <string>

#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

struct Spec {
  uint32_t fill = ' ';
  char align = 0;  // '<', '>', '=', '^' or 0
  char sign = 0;   // '+', '-', ' ' or 0
  bool no_neg_zero = false;
  bool alternate = false;
  int64_t width = -1;
  char grouping = 0;  // ',' or '_'
  int64_t precision = -1;
  uint32_t type = 0;
};

bool parse_spec(Str* s, Spec* out, const char* type_for_errors) {
  int64_t n = s->length, i = 0;
  auto at = [&](int64_t k) -> uint32_t { return k < n ? s->at(k) : 0; };
  auto is_align = [](uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  if (n >= 2 && is_align(at(1))) {
    out->fill = at(0);
    out->align = char(at(1));
    i = 2;
  } else if (n >= 1 && is_align(at(0))) {
    out->align = char(at(0));
    i = 1;
  }
  if (at(i) == '+' || at(i) == '-' || at(i) == ' ') out->sign = char(at(i++));
  if (at(i) == 'z') {
    out->no_neg_zero = true;
    i++;
  }
  if (at(i) == '#') {
    out->alternate = true;
    i++;
  }
  if (at(i) == '0' && i + 1 <= n) {
    if (!out->align) {
      out->fill = '0';
      out->align = '=';
    }
    i++;
  }
  int64_t start = i;
  int64_t w = 0;
  while (i < n && at(i) >= '0' && at(i) <= '9') {
    w = w * 10 + (at(i) - '0');
    if (w > (int64_t(1) << 40)) {
      raise(&exc::ValueError, "Too many decimal digits in format string");
      return false;
    }
    i++;
  }
  if (i > start) out->width = w;
  if (at(i) == ',' || at(i) == '_') {
    out->grouping = char(at(i++));
    if (at(i) == ',' || at(i) == '_') {
      raise(&exc::ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (at(i) == '.') {
    i++;
    start = i;
    int64_t p = 0;
    while (i < n && at(i) >= '0' && at(i) <= '9') {
      p = p * 10 + (at(i) - '0');
      if (p > (int64_t(1) << 40)) {
        raise(&exc::ValueError, "Too many decimal digits in format string");
        return false;
      }
      i++;
    }
    if (i == start) {
      raise(&exc::ValueError, "Format specifier missing precision");
      return false;
    }
    out->precision = p;
  }
  if (i < n) {
    if (i + 1 < n) {
      raise(&exc::ValueError, "Invalid format specifier '%U' for object of type '%s'", s, type_for_errors);
      return false;
    }
    out->type = at(i);
  }
  return true;
}

Str* pad(StrBuilder&& body_builder, const Spec& spec, char default_align, int64_t sign_len) {
  Str* body = body_builder.finish();
  int64_t len = body->length;
  if (spec.width <= len) return body;
  int64_t total = spec.width - len;
  char align = spec.align ? spec.align : default_align;
  int64_t left = 0, right = 0;
  switch (align) {
    case '<': right = total; break;
    case '>': left = total; break;
    case '^': left = total / 2; right = total - left; break;
    default: break;
  }
  StrBuilder b;
  if (align == '=') {
    for (int64_t i = 0; i < sign_len; i++) b.append(body->at(i));
    for (int64_t i = 0; i < total; i++) b.append(spec.fill);
    for (int64_t i = sign_len; i < len; i++) b.append(body->at(i));
    return b.finish();
  }
  for (int64_t i = 0; i < left; i++) b.append(spec.fill);
  b.append(body);
  for (int64_t i = 0; i < right; i++) b.append(spec.fill);
  return b.finish();
}

// Inserts a separator every `every` digits from the right of `digits`.
std::string group_digits(const std::string& digits, char sep, int every) {
  if (!sep) return digits;
  std::string out;
  int64_t n = int64_t(digits.size());
  for (int64_t i = 0; i < n; i++) {
    out.push_back(digits[size_t(i)]);
    int64_t rest = n - i - 1;
    if (rest > 0 && rest % every == 0) out.push_back(sep);
  }
  return out;
}

// Grouping that takes zero padding into account (the padding is grouped too).
std::string group_with_min_width(std::string digits, char sep, int every, int64_t min_width) {
  if (!sep) {
    while (int64_t(digits.size()) < min_width) digits.insert(digits.begin(), '0');
    return digits;
  }
  std::string g = group_digits(digits, sep, every);
  while (int64_t(g.size()) < min_width) {
    digits.insert(digits.begin(), '0');
    g = group_digits(digits, sep, every);
  }
  return g;
}

Value invalid_type(uint32_t type, const char* tname) {
  if (type >= 32 && type < 127)
    return raise(&exc::ValueError, "Unknown format code '%c' for object of type '%s'", int(type), tname);
  return raise(&exc::ValueError, "Unknown format code '\\x%x' for object of type '%s'", unsigned(type), tname);
}

}  // namespace

Value format_str(Value v, Str* spec_str) {
  Str* s = v.as<Str>();
  if (spec_str->length == 0) return is_str_exact(v) ? v : Value(str_substr(s, 0, s->length));
  Spec spec;
  if (!parse_spec(spec_str, &spec, "str")) return Value();
  if (spec.type && spec.type != 's') return invalid_type(spec.type, "str");
  if (spec.sign) return raise(&exc::ValueError, "Sign not allowed in string format specifier");
  if (spec.alternate) return raise(&exc::ValueError, "Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return raise(&exc::ValueError, "'=' alignment not allowed in string format specifier");
  if (spec.grouping) return raise(&exc::ValueError, "Cannot specify '%c' with 's'.", int(spec.grouping));
  StrBuilder b;
  int64_t n = spec.precision >= 0 && spec.precision < s->length ? spec.precision : s->length;
  if (n == s->length) b.append(s);
  else b.append(str_substr(s, 0, n));
  return Value(pad(std::move(b), spec, '<', 0));
}

Value format_int(Value v, Str* spec_str) {
  if (spec_str->length == 0) return to_str(int_exact(v));
  Spec spec;
  if (!parse_spec(spec_str, &spec, "int")) return Value();
  uint32_t type = spec.type ? spec.type : 'd';
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!int_to_double(v, &d)) return Value();
      return format_float(d, spec_str);
    }
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
      break;
    default:
      return invalid_type(type, "int");
  }
  if (spec.precision >= 0) return raise(&exc::ValueError, "Precision not allowed in integer format specifier");
  if (type == 'c') {
    if (spec.sign) return raise(&exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) return raise(&exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_to_i64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
      clear_error();
      return raise(&exc::OverflowError, "%%c arg not in range(0x110000)");
    }
    StrBuilder b;
    b.append(uint32_t(cp));
    return Value(pad(std::move(b), spec, '>', 0));
  }
  if (spec.grouping == ',' && (type == 'b' || type == 'o' || type == 'x' || type == 'X'))
    return raise(&exc::ValueError, "Cannot specify ',' with '%c'.", int(type));
  if (spec.grouping && type == 'n') return raise(&exc::ValueError, "Cannot specify '%c' with 'n'.", int(spec.grouping));
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  mpz_t z;
  mpz_init(z);
  int_to_mpz(int_exact(v), z);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z);
  digits.resize(std::strlen(digits.c_str()));
  if (type == 'X')
    for (char& c : digits) c = char(std::toupper(uint8_t(c)));
  std::string prefix;
  if (spec.alternate && base != 10) prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
  std::string sign = neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  int every = base == 10 ? 3 : 4;
  std::string body;
  if (spec.fill == '0' && spec.align == '=' && spec.width > 0) {
    int64_t min_digits = spec.width - int64_t(sign.size() + prefix.size());
    body = group_with_min_width(digits, spec.grouping, every, min_digits);
    std::string out = sign + prefix + body;
    return Value(str_from_ascii(out));
  }
  body = group_digits(digits, spec.grouping, every);
  StrBuilder b;
  b.append_ascii(sign + prefix + body);
  return Value(pad(std::move(b), spec, '>', int64_t(sign.size() + prefix.size())));
}

Value format_float(double d, Str* spec_str) {
  if (spec_str->length == 0) return Value(str_from_ascii(float_repr(d)));
  Spec spec;
  if (!parse_spec(spec_str, &spec, "float")) return Value();
  uint32_t type = spec.type;
  switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n':
      break;
    default:
      return invalid_type(type, "float");
  }
  if (spec.grouping && type == 'n') return raise(&exc::ValueError, "Cannot specify '%c' with 'n'.", int(spec.grouping));
  bool neg = std::signbit(d);
  double a = std::fabs(d);
  std::string body;
  if (std::isnan(d)) {
    body = (type == 'E' || type == 'F' || type == 'G') ? "NAN" : "nan";
  } else if (std::isinf(d)) {
    body = (type == 'E' || type == 'F' || type == 'G') ? "INF" : "inf";
    if (type == '%') body += "%";
  } else {
    int64_t prec = spec.precision;
    char buf[512];
    auto fmt = [&](char conv, int64_t p, double x) -> std::string {
      std::string f = std::string("%") + (spec.alternate ? "#" : "") + ".*" + conv;
      std::vector<char> big(size_t(std::max<int64_t>(p, 0)) + 400);
      std::snprintf(big.data(), big.size(), f.c_str(), int(p), x);
      return big.data();
    };
    switch (type) {
      case 'e': case 'E':
        body = fmt(char(type), prec < 0 ? 6 : prec, a);
        break;
      case 'f': case 'F':
        body = fmt(char(type), prec < 0 ? 6 : prec, a);
        break;
      case '%':
        body = fmt('f', prec < 0 ? 6 : prec, a * 100) + "%";
        break;
      case 'g': case 'G': case 'n': {
        int64_t p = prec < 0 ? 6 : prec == 0 ? 1 : prec;
        body = fmt(type == 'G' ? 'G' : 'g', p, a);
        break;
      }
      default: {  // no type: like 'g' with at least one digit after the point, repr when no precision
        if (prec < 0) {
          body = float_repr(a);
        } else {
          int64_t p = prec == 0 ? 1 : prec;
          body = fmt('g', p, a);
          bool has_exp = body.find('e') != std::string::npos;
          if (!has_exp && body.find('.') == std::string::npos) body += ".0";
          else if (has_exp && body.find('.') == std::string::npos && spec.alternate) {
          }
        }
      }
    }
    (void)buf;
    if (spec.no_neg_zero && neg) {
      // 'z': a negative zero after rounding prints as zero.
      bool all_zero = true;
      for (char c : body)
        if (c >= '1' && c <= '9') all_zero = false;
      if (all_zero) neg = false;
    }
  }
  std::string sign = neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  if (spec.grouping && !std::isnan(d) && !std::isinf(d)) {
    size_t int_end = body.find_first_not_of("0123456789");
    std::string int_part = body.substr(0, int_end == std::string::npos ? body.size() : int_end);
    std::string rest = int_end == std::string::npos ? "" : body.substr(int_end);
    if (spec.fill == '0' && spec.align == '=' && spec.width > 0) {
      int64_t min_digits = spec.width - int64_t(sign.size() + rest.size());
      body = group_with_min_width(int_part, spec.grouping, 3, min_digits) + rest;
      return Value(str_from_ascii(sign + body));
    }
    body = group_digits(int_part, spec.grouping, 3) + rest;
  }
  StrBuilder b;
  b.append_ascii(sign + body);
  return Value(pad(std::move(b), spec, '>', int64_t(sign.size())));
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
