// printf-style formatting: "fmt" % args.
#include <vector>
#include <cmath>
#include <cstdio>
#include <string>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

struct Flags {
  bool left = false, plus = false, space = false, alt = false, zero = false;
};

void pad_to(StrBuilder& out, Str* body, int64_t width, const Flags& f, bool numeric) {
  int64_t len = body->length;
  if (width <= len) {
    out.append(body);
    return;
  }
  int64_t fill = width - len;
  if (f.left) {
    out.append(body);
    for (int64_t i = 0; i < fill; i++) out.append(' ');
    return;
  }
  if (f.zero && numeric) {
    // Zeros go after the sign and any 0x prefix.
    int64_t prefix = 0;
    if (len && (body->at(0) == '-' || body->at(0) == '+' || body->at(0) == ' ')) prefix = 1;
    if (len > prefix + 1 && body->at(prefix) == '0' &&
        (body->at(prefix + 1) == 'x' || body->at(prefix + 1) == 'X' || body->at(prefix + 1) == 'o'))
      prefix += 2;
    for (int64_t i = 0; i < prefix; i++) out.append(body->at(i));
    for (int64_t i = 0; i < fill; i++) out.append('0');
    for (int64_t i = prefix; i < len; i++) out.append(body->at(i));
    return;
  }
  for (int64_t i = 0; i < fill; i++) out.append(' ');
  out.append(body);
}

Value format_integer(Value v, uint32_t type, const Flags& f, int64_t precision) {
  Value iv;
  if (is_int(v)) {
    iv = int_exact(v);
  } else if (is_float(v) && (type == 'd' || type == 'i' || type == 'u')) {
    iv = int_from_double(float_value(v));
    if (!iv) return Value();
  } else if (type_of(v)->index) {
    iv = number_index(v);
    if (!iv) return Value();
  } else if ((type == 'd' || type == 'i' || type == 'u') && type_of(v)->int_) {
    iv = type_of(v)->int_(v);
    if (!iv) return Value();
  } else {
    if (type == 'd' || type == 'i' || type == 'u')
      return raise(&exc::TypeError, "%%%c format: a real number is required, not %s", int(type), type_name(v));
    return raise(&exc::TypeError, "%%%c format: an integer is required, not %s", int(type), type_name(v));
  }
  int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  mpz_t z;
  mpz_init(z);
  int_to_mpz(iv, z);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z);
  digits.resize(std::strlen(digits.c_str()));
  if (type == 'X')
    for (char& c : digits) c = char(std::toupper(uint8_t(c)));
  while (precision > 0 && int64_t(digits.size()) < precision) digits.insert(digits.begin(), '0');
  std::string prefix;
  if (f.alt && base == 16) prefix = type == 'X' ? "0X" : "0x";
  if (f.alt && base == 8) prefix = "0o";
  std::string sign = neg ? "-" : f.plus ? "+" : f.space ? " " : "";
  return Value(str_from_ascii(sign + prefix + digits));
}

Value format_real(Value v, uint32_t type, const Flags& f, int64_t precision) {
  double d;
  if (!is_float(v) && !is_int(v) && !type_of(v)->float_ && !type_of(v)->index)
    return raise(&exc::TypeError, "must be real number, not %s", type_name(v));
  if (!to_double(v, &d)) return Value();
  if (precision < 0) precision = 6;
  std::string spec = std::string("%") + (f.alt ? "#" : "") + ".*" + char(type);
  std::vector<char> buf(size_t(precision) + 400);
  std::snprintf(buf.data(), buf.size(), spec.c_str(), int(precision), std::fabs(d));
  std::string body = buf.data();
  if (std::isnan(d)) body = (type == 'E' || type == 'F' || type == 'G') ? "NAN" : "nan";
  bool neg = std::signbit(d) && !std::isnan(d);
  std::string sign = neg ? "-" : f.plus ? "+" : f.space ? " " : "";
  return Value(str_from_ascii(sign + body));
}

}  // namespace

Value str_mod_format(Value fmt_value, Value args) {
  if (!is_str(fmt_value)) return NotImplemented();
  Str* fmt = fmt_value.as<Str>();
  bool args_is_tuple = is_tuple(args);
  Tuple* argv = args_is_tuple ? args.as<Tuple>() : nullptr;
  int64_t argc = args_is_tuple ? argv->size : 1;
  int64_t argi = 0;
  bool is_mapping = !args_is_tuple && !is_str(args) && type_of(args)->getitem && !is_tuple(args);
  bool used_mapping = false;
  auto next_arg = [&](Value* out) -> bool {
    if (argi >= argc) {
      raise(&exc::TypeError, "not enough arguments for format string");
      return false;
    }
    *out = args_is_tuple ? argv->items[argi] : args;
    argi++;
    return true;
  };
  StrBuilder out;
  int64_t n = fmt->length;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = fmt->at(i);
    if (c != '%') {
      out.append(c);
      continue;
    }
    int64_t start = i;
    i++;
    if (i >= n) return raise(&exc::ValueError, "incomplete format");
    Value mapped;
    if (fmt->at(i) == '(') {
      if (!is_mapping) return raise(&exc::TypeError, "format requires a mapping");
      int depth = 1;
      int64_t key_start = ++i;
      while (i < n && depth) {
        if (fmt->at(i) == '(') depth++;
        else if (fmt->at(i) == ')') depth--;
        if (depth) i++;
      }
      if (i >= n) return raise(&exc::ValueError, "incomplete format key");
      Str* key = str_substr(fmt, key_start, i);
      mapped = get_item(args, Value(key));
      if (!mapped) return Value();
      used_mapping = true;
      i++;
    }
    Flags f;
    for (; i < n; i++) {
      uint32_t fc = fmt->at(i);
      if (fc == '-') f.left = true;
      else if (fc == '+') f.plus = true;
      else if (fc == ' ') f.space = true;
      else if (fc == '#') f.alt = true;
      else if (fc == '0') f.zero = true;
      else break;
    }
    int64_t width = -1, precision = -1;
    if (i < n && fmt->at(i) == '*') {
      Value w;
      if (!next_arg(&w)) return Value();
      if (!is_int(w)) return raise(&exc::TypeError, "* wants int");
      if (!int_to_i64(w, &width)) return Value();
      if (width < 0) {
        f.left = true;
        width = -width;
      }
      i++;
    } else {
      while (i < n && fmt->at(i) >= '0' && fmt->at(i) <= '9') width = (width < 0 ? 0 : width) * 10 + (fmt->at(i++) - '0');
    }
    if (i < n && fmt->at(i) == '.') {
      i++;
      precision = 0;
      if (i < n && fmt->at(i) == '*') {
        Value p;
        if (!next_arg(&p)) return Value();
        if (!is_int(p)) return raise(&exc::TypeError, "* wants int");
        if (!int_to_i64(p, &precision)) return Value();
        if (precision < 0) precision = 0;
        i++;
      } else {
        while (i < n && fmt->at(i) >= '0' && fmt->at(i) <= '9') precision = precision * 10 + (fmt->at(i++) - '0');
      }
    }
    while (i < n && (fmt->at(i) == 'h' || fmt->at(i) == 'l' || fmt->at(i) == 'L')) i++;
    if (i >= n) return raise(&exc::ValueError, "incomplete format");
    uint32_t type = fmt->at(i);
    if (type == '%') {
      out.append('%');
      continue;
    }
    Value v = mapped;
    if (!v && !next_arg(&v)) return Value();
    Value body;
    bool numeric = false;
    switch (type) {
      case 's': body = to_str(v); break;
      case 'r': body = repr(v); break;
      case 'a': body = ascii_repr(v); break;
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        body = format_integer(v, type, f, precision);
        numeric = true;
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        body = format_real(v, type, f, precision);
        numeric = true;
        break;
      case 'c': {
        if (is_str(v)) {
          if (v.as<Str>()->length != 1) return raise(&exc::TypeError, "%%c requires int or char");
          body = v;
        } else {
          int64_t cp;
          if (!is_int(v)) return raise(&exc::TypeError, "%%c requires int or char");
          if (!int_to_i64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
            clear_error();
            return raise(&exc::OverflowError, "%%c arg not in range(0x110000)");
          }
          body = Value(str_from_char(uint32_t(cp)));
        }
        break;
      }
      default:
        if (type < 128 && type >= 32)
          return raise(&exc::ValueError, "unsupported format character '%c' (0x%x) at index %lld", int(type), type,
                       (long long)i);
        return raise(&exc::ValueError, "unsupported format character '\\x%x' (0x%x) at index %lld", type, type,
                     (long long)i);
    }
    if (!body) return Value();
    Str* bs = body.as<Str>();
    if ((type == 's' || type == 'r' || type == 'a') && precision >= 0 && precision < bs->length)
      bs = str_substr(bs, 0, precision);
    pad_to(out, bs, width, f, numeric);
    (void)start;
  }
  if (!used_mapping && argi < argc && !is_mapping)
    return raise(&exc::TypeError, "not all arguments converted during string formatting");
  return Value(out.finish());
}

}  // namespace spindle
