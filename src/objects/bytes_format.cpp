// bytes % args (PEP 461). Numeric conversions produce the same digits, signs
// and padding as str % args, so they are delegated to it one field at a time;
// %b/%s, %a/%r and %c are bytes-specific.
#include <string>

#include "objects/bytes_internal.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

struct Spec {
  // no_neg_zero: the 'z' flag (a float that rounds to zero loses its minus sign).
  bool left = false, sign = false, blank = false, alt = false, zero = false, no_neg_zero = false;
  int64_t width = -1, prec = -1;
};

class Formatter {
 public:
  Formatter(std::string_view fmt, Value args) : fmt_(fmt), args_(args) {
    // A single non-tuple argument: arglen -1, argidx -2 (usable once), as in CPython.
    if (is_tuple(args)) {
      arglen_ = args.as<Tuple>()->size;
      argidx_ = 0;
    } else {
      Type* t = type_of(args);
      if (t->getitem && !is_tuple(args) && !is_bytes(args) && !is_str(args) && !is_bytearray(args)) dict_ = args;
    }
  }

  Value run() {
    size_t i = 0;
    while (i < fmt_.size()) {
      char c = fmt_[i++];
      if (c != '%') {
        out_.push_back(c);
        continue;
      }
      if (!field(&i)) return Value();
    }
    if (argidx_ < arglen_ && !dict_) return raise(&exc::TypeError, "not all arguments converted during bytes formatting");
    return Value(bytes_new(out_.data(), out_.size()));
  }

 private:
  // The next positional argument.
  Value next_arg() {
    if (argidx_ < arglen_) {
      int64_t i = argidx_++;
      return arglen_ < 0 ? args_ : args_.as<Tuple>()->items[i];
    }
    return raise(&exc::TypeError, "not enough arguments for format string");
  }

  // A '*' width or precision.
  bool star_arg(int64_t* out) {
    Value v = next_arg();
    if (!v) return false;
    if (!is_int(v)) {
      raise(&exc::TypeError, "* wants int");
      return false;
    }
    if (!int_to_i64(v, out)) return false;
    return true;
  }

  bool digits(size_t* i, int64_t* out, const char* what) {
    int64_t n = 0;
    while (*i < fmt_.size() && fmt_[*i] >= '0' && fmt_[*i] <= '9') {
      n = n * 10 + (fmt_[(*i)++] - '0');
      if (n > INT32_MAX) {
        raise(&exc::ValueError, "%s too big", what);
        return false;
      }
    }
    *out = n;
    return true;
  }

  bool field(size_t* i) {
    Value value;
    if (*i < fmt_.size() && fmt_[*i] == '(') {
      // %(key)...: the key is everything up to the matching parenthesis.
      if (!dict_) {
        raise(&exc::TypeError, "format requires a mapping");
        return false;
      }
      size_t keystart = ++*i;
      int depth = 1;
      while (*i < fmt_.size() && depth > 0) {
        if (fmt_[*i] == ')') depth--;
        else if (fmt_[*i] == '(') depth++;
        (*i)++;
      }
      if (depth > 0) {
        raise(&exc::ValueError, "incomplete format key");
        return false;
      }
      std::string_view key = fmt_.substr(keystart, *i - 1 - keystart);
      value = get_item(dict_, Value(bytes_new(key.data(), key.size())));
      if (!value) return false;
      arglen_ = -1;
      argidx_ = -2;
    }
    Spec spec;
    for (; *i < fmt_.size(); (*i)++) {
      char f = fmt_[*i];
      if (f == '-') spec.left = true;
      else if (f == '+') spec.sign = true;
      else if (f == ' ') spec.blank = true;
      else if (f == '#') spec.alt = true;
      else if (f == '0') spec.zero = true;
      else if (f == 'z') spec.no_neg_zero = true;
      else break;
    }
    if (*i < fmt_.size() && fmt_[*i] == '*') {
      (*i)++;
      if (!star_arg(&spec.width)) return false;
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
    } else if (*i < fmt_.size() && fmt_[*i] >= '0' && fmt_[*i] <= '9') {
      if (!digits(i, &spec.width, "width")) return false;
    }
    if (*i < fmt_.size() && fmt_[*i] == '.') {
      (*i)++;
      if (*i < fmt_.size() && fmt_[*i] == '*') {
        (*i)++;
        if (!star_arg(&spec.prec)) return false;
        if (spec.prec > INT32_MAX || spec.prec < INT32_MIN) {  // a C int, as CPython reads it
          raise(&exc::OverflowError, "Python int too large to convert to C int");
          return false;
        }
        if (spec.prec < 0) spec.prec = 0;
      } else if (!digits(i, &spec.prec, "precision")) {
        return false;
      }
    }
    if (*i < fmt_.size() && (fmt_[*i] == 'h' || fmt_[*i] == 'l' || fmt_[*i] == 'L')) (*i)++;
    if (*i >= fmt_.size()) {
      raise(&exc::ValueError, "incomplete format");
      return false;
    }
    char conv = fmt_[(*i)++];
    if (conv == '%') {
      out_.push_back('%');
      return true;
    }
    if (!value) {
      value = next_arg();
      if (!value) return false;
    }
    std::string text;
    switch (conv) {
      case 'b':
      case 's':
        if (!bytes_of(value, &text)) return false;
        return pad_text(spec, text, true);
      case 'a':
      case 'r': {
        Value r = ascii_repr(value);
        if (!r) return false;
        text = str_to_utf8(r.as<Str>());
        return pad_text(spec, text, true);
      }
      case 'c':
        if (!single_byte(value, &text)) return false;
        return pad_text(spec, text, false);
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        return numeric(spec, conv == 'i' || conv == 'u' ? 'd' : conv, value);
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        Type* t = type_of(value);
        if (!value.is_double() && !is_int(value) && !t->float_ && !t->index) {
          raise(&exc::TypeError, "float argument required, not %s", type_name(value));
          return false;
        }
        return numeric(spec, conv, value);
      }
      default:
        raise(&exc::ValueError, "unsupported format character '%c' (0x%x) at index %zd", conv, unsigned(uint8_t(conv)),
              ssize_t(*i - 1));
        return false;
    }
  }

  // %b: bytes-like objects and objects with __bytes__.
  bool bytes_of(Value v, std::string* out) {
    if (is_bytes(v) || is_bytearray(v) || type_of(v)->buffer) {
      BufferView b;
      if (!get_buffer(v, &b)) return false;
      out->assign(reinterpret_cast<const char*>(b.data), size_t(b.size));
      return true;
    }
    Value m = lookup_special(v, names::__bytes__);
    if (m) {
      Value r = call0(m);
      if (!r) return false;
      if (!is_bytes(r)) {
        raise(&exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
        return false;
      }
      out->assign(r.as<Bytes>()->view());
      return true;
    }
    if (error_occurred()) return false;
    raise(&exc::TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
          type_name(v));
    return false;
  }

  bool single_byte(Value v, std::string* out) {
    if ((is_bytes(v) || is_bytearray(v)) && span_of(v).size == 1) {
      out->assign(1, char(span_of(v).data[0]));
      return true;
    }
    if (is_int(v)) {
      int64_t x;
      if (int_to_i64(v, &x) && x >= 0 && x < 256) {
        out->assign(1, char(x));
        return true;
      }
      clear_error();
      raise(&exc::OverflowError, "%%c arg not in range(256)");
      return false;
    }
    raise(&exc::TypeError, "%%c requires an integer in range(256) or a single byte");
    return false;
  }

  // Width and precision for %b, %a and %c (precision truncates text fields).
  bool pad_text(const Spec& spec, std::string& text, bool truncate) {
    if (truncate && spec.prec >= 0 && int64_t(text.size()) > spec.prec) text.resize(size_t(spec.prec));
    int64_t pad = spec.width > int64_t(text.size()) ? spec.width - int64_t(text.size()) : 0;
    if (!spec.left) out_.append(size_t(pad), ' ');
    out_ += text;
    if (spec.left) out_.append(size_t(pad), ' ');
    return true;
  }

  // The same field formatted by str % (value,), which yields ASCII.
  bool numeric(const Spec& spec, char conv, Value value) {
    std::string f = "%";
    if (spec.left) f += '-';
    if (spec.sign) f += '+';
    if (spec.blank) f += ' ';
    if (spec.alt) f += '#';
    if (spec.zero) f += '0';
    if (spec.width >= 0) f += std::to_string(spec.width);
    if (spec.prec >= 0) f += "." + std::to_string(spec.prec);
    f += conv;
    Value fmt = Value(str_from_ascii(f));
    Value r = str_mod_format(fmt, Value(tuple_pack({value})));
    if (!r) return false;
    std::string text = str_to_utf8(r.as<Str>());
    if (spec.no_neg_zero && std::string_view("eEfFgG").find(conv) != std::string_view::npos &&
        text.find('-') != std::string::npos) {
      // Rounded to zero: format a positive zero instead.
      std::string digits;
      for (char c : text) {
        if (c == 'e' || c == 'E') break;
        if (c >= '1' && c <= '9') digits.push_back(c);
      }
      if (digits.empty() && text.find_first_of("nN") == std::string::npos) {
        r = str_mod_format(fmt, Value(tuple_pack({Value::from_double(0.0)})));
        if (!r) return false;
        text = str_to_utf8(r.as<Str>());
      }
    }
    out_ += text;
    return true;
  }

  std::string_view fmt_;
  Value args_;
  Value dict_;
  int64_t arglen_ = -1;
  int64_t argidx_ = -2;
  std::string out_;
};

}  // namespace

Value bytes_format(std::string_view fmt, Value args) { return Formatter(fmt, args).run(); }

}  // namespace spindle
