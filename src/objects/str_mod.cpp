// printf-style formatting: "fmt" % args.
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_format.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

enum : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

// One conversion specifier: %[(key)][flags][width][.precision][length]type
struct Conversion {
  unsigned flags = 0;
  int64_t width = -1;
  int64_t precision = -1;
  uint32_t type = 0;
  bool numeric = false;  // a sign and zero padding apply
};

// Where the values come from, following CPython's bookkeeping: a tuple is
// consumed item by item; any other value (or a value looked up by key) is a
// single argument.
struct ArgCursor {
  Value args;
  int64_t count;  // -1: a single non-tuple value
  int64_t next;   // -2 before a single value is used, -1 after
  Value mapping;  // set when args supports lookup by key (and is no tuple or str)

  Value take() {
    if (next < count) {
      int64_t i = next++;
      return count < 0 ? args : args.as<Tuple>()->items[i];
    }
    return raise(&exc::TypeError, "not enough arguments for format string");
  }
};

Value wrong_number_type(uint32_t type, Value v) {
  if (type == 'o' || type == 'x' || type == 'X')
    return raise(&exc::TypeError, "%%%c format: an integer is required, not %s", int(type), type_name(v));
  return raise(&exc::TypeError, "%%%c format: a real number is required, not %s", int(type), type_name(v));
}

// The integer a %d / %x / ... conversion formats: ints as they are, other
// numbers through __index__ (%o %x %X) or int() (%d %i %u).
Value integer_argument(Value v, uint32_t type) {
  if (is_int(v)) return v;
  Type* t = type_of(v);
  if (!(t->index || t->int_ || t->float_ || is_float(v) || is_complex(v))) return wrong_number_type(type, v);
  Value r;
  if (type == 'o' || type == 'x' || type == 'X') {
    r = number_index(v);
  } else if (is_float(v)) {
    r = int_from_double(float_value(v));
  } else if (t->int_) {
    r = t->int_(v);
    if (r && !is_int(r)) return raise(&exc::TypeError, "__int__ returned non-int (type %s)", type_name(r));
  } else if (t->index) {
    r = number_index(v);
  } else {
    return wrong_number_type(type, v);
  }
  if (!r && error_matches(&exc::TypeError)) {
    clear_error();
    return wrong_number_type(type, v);
  }
  return r;
}

// Digits of an integer conversion: sign, then "0x"/"0X"/"0o" with '#', then
// the digits zero-extended to the precision.
Value format_integer(Value v, const Conversion& c) {
  Value iv = integer_argument(v, c.type);
  if (!iv) return Value();
  std::string digits;
  bool negative;
  if (c.type == 'o' || c.type == 'x' || c.type == 'X') {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    negative = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    int base = c.type == 'o' ? 8 : 16;
    digits.assign(mpz_sizeinbase(z, base) + 2, '\0');
    mpz_get_str(digits.data(), base, z);
    digits.resize(std::strlen(digits.c_str()));
    mpz_clear(z);
    if (c.type == 'X')
      for (char& ch : digits) ch = char(std::toupper(uint8_t(ch)));
  } else if (iv.is_small_int()) {
    char buf[24];
    int64_t i = iv.as_small_int();
    negative = i < 0;
    auto res = std::to_chars(buf, buf + sizeof buf, negative ? -i : i);
    if (!negative && c.precision < 0 && !(c.flags & kAlt)) return Value(str_from_ascii(std::string_view(buf, size_t(res.ptr - buf))));
    digits.assign(buf, res.ptr);
  } else {
    Value text = to_str(int_exact(iv));  // applies the int/str conversion digit limit
    if (!text) return Value();
    digits = std::string(text.as<Str>()->ascii_view());
    negative = digits[0] == '-';
    if (negative) digits.erase(0, 1);
  }
  std::string out = negative ? "-" : "";
  if (c.flags & kAlt) {
    if (c.type == 'o') out += "0o";
    else if (c.type == 'x') out += "0x";
    else if (c.type == 'X') out += "0X";
  }
  if (c.precision > int64_t(digits.size())) out.append(size_t(c.precision - int64_t(digits.size())), '0');
  out += digits;
  return Value(str_from_ascii(out));
}

Value format_real(Value v, const Conversion& c) {
  double d;
  if (!to_double(v, &d)) return Value();
  int64_t precision = c.precision < 0 ? 6 : c.precision;
  return Value(str_from_ascii(format_double(d, char(c.type), precision, (c.flags & kAlt) ? kFormatAlt : 0)));
}

Value format_char(Value v) {
  if (is_str(v)) {
    if (v.as<Str>()->length != 1) return raise(&exc::TypeError, "%%c requires int or char");
    return Value(str_from_char(v.as<Str>()->at(0)));
  }
  Value i = number_index(v);
  if (!i) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      return raise(&exc::TypeError, "%%c requires int or char");
    }
    return Value();
  }
  int64_t cp;
  if (!int_to_i64(i, &cp) || cp < 0 || cp > 0x10FFFF) {
    clear_error();
    return raise(&exc::OverflowError, "%%c arg not in range(0x110000)");
  }
  return Value(str_from_char(uint32_t(cp)));
}

// Writes a converted value with its sign, prefix and padding; false with
// MemoryError pending when the field cannot be allocated.
bool write_field(StrBuilder& out, Str* text, const Conversion& c) {
  if (!check_str_length(out.length() + c.width)) return false;
  int64_t len = text->length;
  bool sign_flags = c.flags & (kSign | kBlank);
  if ((c.width < 0 || c.width <= len) && (c.precision < 0 || c.precision >= len) && !sign_flags) {
    out.append(text);
    return true;
  }
  if ((c.type == 's' || c.type == 'r' || c.type == 'a') && c.precision >= 0 && len > c.precision) len = c.precision;
  uint32_t fill = c.numeric && (c.flags & kZero) ? '0' : ' ';
  int64_t pos = 0;
  uint32_t sign = 0;
  if (c.numeric) {
    uint32_t first = len ? text->at(0) : 0;
    if (first == '-' || first == '+') {
      sign = first;
      pos = 1;
      len--;
    } else if (c.flags & kSign) {
      sign = '+';
    } else if (c.flags & kBlank) {
      sign = ' ';
    }
  }
  int64_t width = std::max(c.width, len);
  if (sign) {
    if (fill != ' ') out.append(sign);
    if (width > len) width--;
  }
  bool prefix = (c.flags & kAlt) && (c.type == 'x' || c.type == 'X' || c.type == 'o');
  if (prefix) {
    if (fill != ' ') out.append_substr(text, pos, pos + 2);
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !(c.flags & kLeft)) {
    out.append_repeated(fill, width - len);
    width = len;
  }
  if (fill == ' ') {
    if (sign) out.append(sign);
    if (prefix) out.append_substr(text, pos, pos + 2);
  }
  if (prefix) pos += 2;
  out.append_substr(text, pos, pos + len);
  if (width > len) out.append_repeated(' ', width - len);
  return true;
}

Value unsupported(uint32_t type, int64_t index) {
  return raise(&exc::ValueError, "unsupported format character '%c' (0x%x) at index %lld",
               type >= 31 && type <= 126 ? int(type) : '?', unsigned(type), (long long)index);
}

// A '*' width or precision taken from the arguments.
bool star_argument(ArgCursor& cursor, int64_t* out) {
  Value v = cursor.take();
  if (!v) return false;
  if (!is_int(v)) {
    raise(&exc::TypeError, "* wants int");
    return false;
  }
  if (!int_to_i64(v, out)) return false;
  return true;
}

}  // namespace

Value str_mod_format(Value fmt_value, Value args) {
  if (!is_str(fmt_value)) return NotImplemented();
  Str* fmt = fmt_value.as<Str>();
  ArgCursor cursor;
  cursor.args = args;
  if (is_tuple(args)) {
    cursor.count = args.as<Tuple>()->size;
    cursor.next = 0;
  } else {
    cursor.count = -1;
    cursor.next = -2;
  }
  if (!is_tuple(args) && !is_str(args) && type_of(args)->getitem) cursor.mapping = args;

  StrBuilder out;
  out.reserve(fmt->length + 16);
  const int64_t n = fmt->length;
  int64_t i = 0;
  while (i < n) {
    int64_t pct = str_find_char(fmt, '%', i, n, false);
    if (pct < 0) pct = n;
    out.append_substr(fmt, i, pct);
    if (pct >= n) break;
    i = pct + 1;
    auto at = [&](int64_t k) { return fmt->at(k); };
    if (i < n && at(i) == '%') {  // only a directly doubled '%' is a literal one
      out.append('%');
      i++;
      continue;
    }
    if (i < n && at(i) == '(') {
      if (!cursor.mapping) return raise(&exc::TypeError, "format requires a mapping");
      int64_t key_start = ++i;
      int depth = 1;
      while (i < n && depth > 0) {
        uint32_t ch = at(i++);
        if (ch == ')') depth--;
        else if (ch == '(') depth++;
      }
      if (depth > 0) return raise(&exc::ValueError, "incomplete format key");
      Value value = get_item(cursor.mapping, Value(str_substr(fmt, key_start, i - 1)));
      if (!value) return Value();
      cursor.args = value;
      cursor.count = -1;
      cursor.next = -2;
    }
    Conversion c;
    for (; i < n; i++) {
      uint32_t ch = at(i);
      if (ch == '-') c.flags |= kLeft;
      else if (ch == '+') c.flags |= kSign;
      else if (ch == ' ') c.flags |= kBlank;
      else if (ch == '#') c.flags |= kAlt;
      else if (ch == '0') c.flags |= kZero;
      else break;
    }
    if (i < n && at(i) == '*') {
      if (!star_argument(cursor, &c.width)) return Value();
      if (c.width < 0) {
        c.flags |= kLeft;
        c.width = -c.width;
      }
      i++;
    } else if (i < n && at(i) >= '0' && at(i) <= '9') {
      c.width = 0;
      while (i < n && at(i) >= '0' && at(i) <= '9') {
        int d = int(at(i++) - '0');
        if (c.width > (INT64_MAX - d) / 10) return raise(&exc::ValueError, "width too big");
        c.width = c.width * 10 + d;
      }
    }
    if (i < n && at(i) == '.') {
      i++;
      c.precision = 0;
      if (i < n && at(i) == '*') {
        if (!star_argument(cursor, &c.precision)) return Value();
        if (c.precision > INT32_MAX || c.precision < INT32_MIN)
          return raise(&exc::OverflowError, "Python int too large to convert to C int");
        if (c.precision < 0) c.precision = 0;
        i++;
      } else {
        while (i < n && at(i) >= '0' && at(i) <= '9') {
          int d = int(at(i++) - '0');
          if (c.precision > (INT32_MAX - d) / 10) return raise(&exc::ValueError, "precision too big");
          c.precision = c.precision * 10 + d;
        }
      }
    }
    if (i < n && (at(i) == 'h' || at(i) == 'l' || at(i) == 'L')) i++;
    if (i >= n) return raise(&exc::ValueError, "incomplete format");
    c.type = at(i++);
    Value v = cursor.take();
    if (!v) return Value();
    Value text;
    switch (c.type) {
      case 's': text = to_str(v); break;
      case 'r': text = repr(v); break;
      case 'a': text = ascii_repr(v); break;
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        c.numeric = true;
        text = format_integer(v, c);
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        c.numeric = true;
        text = format_real(v, c);
        break;
      case 'c': text = format_char(v); break;
      default:
        return unsupported(c.type, i - 1);
    }
    if (!text) return Value();
    if (!write_field(out, text.as<Str>(), c)) return Value();
  }
  if (cursor.next < cursor.count && !cursor.mapping)
    return raise(&exc::TypeError, "not all arguments converted during string formatting");
  return Value(out.finish());
}

}  // namespace spindle
