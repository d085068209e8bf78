// The methods bytes and bytearray share. Each reads its receiver once (a
// consistent snapshot for a bytearray) and returns results of the receiver's
// base type. Character classes are ASCII-only, as in CPython.
#include <algorithm>
#include <cstring>
#include <vector>

#include "objects/args.h"
#include "objects/bytes_internal.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

namespace {

// ------------------------------------------------------------------ ASCII classes

inline bool is_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(uint8_t c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(uint8_t c) { return is_alpha(c) || is_digit(c); }
inline uint8_t to_lower(uint8_t c) { return is_upper(c) ? uint8_t(c + 32) : c; }
inline uint8_t to_upper(uint8_t c) { return is_lower(c) ? uint8_t(c - 32) : c; }

// "bytes.partition" / "bytearray.partition" for messages of one-argument methods.
std::string qualified(Value self, const char* name) {
  return std::string(is_bytearray(self) ? "bytearray." : "bytes.") + name;
}

// ------------------------------------------------------------------ arguments

// find() and friends: "find() takes at least 1 argument (0 given)".
bool check_find_args(const char* name, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(name, kw)) return false;
  if (nargs < 1) {
    raise(&exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    raise(&exc::TypeError, "%s() takes at most 3 arguments (%zd given)", name, ssize_t(nargs));
    return false;
  }
  return true;
}

// The optional start/end arguments at args[1], args[2], normalised against len.
bool find_range(const Value* args, size_t nargs, int64_t len, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !is_none(args[1]) && !slice_index_arg(args[1], start, true)) return false;
  if (nargs > 2 && !is_none(args[2]) && !slice_index_arg(args[2], end, true)) return false;
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  return true;
}

// The needle of find/count/index: a bytes-like object or an int in range(256).
bool needle_arg(Value v, BufferView* buf, uint8_t* byte, std::string_view* out) {
  if (is_int(v) || (type_of(v)->index && !type_of(v)->buffer && !is_bytes(v) && !is_bytearray(v))) {
    if (!byte_value(v, byte)) return false;
    *out = std::string_view(reinterpret_cast<const char*>(byte), 1);
    return true;
  }
  if (!get_buffer(v, buf)) {
    clear_error();
    raise(&exc::TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(v));
    return false;
  }
  *out = std::string_view(reinterpret_cast<const char*>(buf->data), size_t(buf->size));
  return true;
}

bool bytes_view_arg(Value v, BufferView* buf, std::string_view* out) {
  if (!get_buffer(v, buf)) return false;
  *out = std::string_view(reinterpret_cast<const char*>(buf->data), size_t(buf->size));
  return true;
}

// The fill byte of center/ljust/rjust.
bool fill_arg(const char* fname, Value v, char* out) {
  if (is_bytes(v) || is_bytearray(v)) {
    ByteSpan s = span_of(v);
    if (s.size == 1) {
      *out = char(s.data[0]);
      return true;
    }
  }
  raise(&exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname, type_name(v));
  return false;
}

// ------------------------------------------------------------------ searching

// Position of needle in hay[start, end), or -1; reverse: the last one.
int64_t find_in(std::string_view hay, std::string_view needle, int64_t start, int64_t end, bool reverse) {
  int64_t n = int64_t(needle.size());
  if (end - start < n) return -1;
  if (n == 0) return reverse ? end : start;
  std::string_view window = hay.substr(size_t(start), size_t(end - start));
  size_t pos = reverse ? window.rfind(needle) : window.find(needle);
  return pos == std::string_view::npos ? -1 : start + int64_t(pos);
}

int64_t count_in(std::string_view hay, std::string_view needle, int64_t start, int64_t end) {
  int64_t n = int64_t(needle.size());
  if (end - start < n) return 0;
  if (n == 0) return end - start + 1;
  int64_t count = 0;
  std::string_view window = hay.substr(size_t(start), size_t(end - start));
  for (size_t pos = window.find(needle); pos != std::string_view::npos; pos = window.find(needle, pos + size_t(n)))
    count++;
  return count;
}

enum class FindKind { Find, RFind, Index, RIndex, Count };

Value find_common(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, FindKind kind) {
  if (!check_find_args(name, nargs, kw)) return Value();
  BufferView buf;
  uint8_t byte;
  std::string_view needle;
  if (!needle_arg(args[0], &buf, &byte, &needle)) return Value();
  ByteSpan s = span_of(self);
  int64_t start, end;
  if (!find_range(args, nargs, s.size, &start, &end)) return Value();
  if (kind == FindKind::Count) return int_from_i64(count_in(s.view(), needle, start, end));
  bool reverse = kind == FindKind::RFind || kind == FindKind::RIndex;
  int64_t pos = find_in(s.view(), needle, start, end, reverse);
  if (pos < 0 && (kind == FindKind::Index || kind == FindKind::RIndex))
    return raise(&exc::ValueError, "subsection not found");
  return int_from_i64(pos);
}

// startswith / endswith of one bytes-like prefix: 1, 0, or -1 (error).
int tail_match(ByteSpan s, Value sub, int64_t start, int64_t end, bool at_end) {
  BufferView buf;
  if (!get_buffer(sub, &buf)) return -1;
  int64_t n = buf.size, len = s.size;
  if (!at_end) {
    if (start > len - n) return 0;
  } else {
    if (end - start < n || start > len) return 0;
    if (end - n > start) start = end - n;
  }
  if (end - start < n) return 0;
  return n == 0 || std::memcmp(s.data + start, buf.data, size_t(n)) == 0;
}

Value tail_common(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool at_end) {
  if (!check_find_args(name, nargs, kw)) return Value();
  ByteSpan s = span_of(self);
  int64_t start, end;
  if (!find_range(args, nargs, s.size, &start, &end)) return Value();
  Value sub = args[0];
  if (is_tuple(sub)) {
    for (Value item : *sub.as<Tuple>()) {
      int r = tail_match(s, item, start, end, at_end);
      if (r < 0) return Value();
      if (r) return True();
    }
    return False();
  }
  int r = tail_match(s, sub, start, end, at_end);
  if (r < 0) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(&exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, type_name(sub));
    }
    return Value();
  }
  return Bool(r);
}

}  // namespace

Value bytes_m_find(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "find", FindKind::Find); }
Value bytes_m_rfind(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rfind", FindKind::RFind); }
Value bytes_m_index(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "index", FindKind::Index); }
Value bytes_m_rindex(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rindex", FindKind::RIndex); }
Value bytes_m_count(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "count", FindKind::Count); }
Value bytes_m_startswith(Value self, const Value* a, size_t n, Tuple* kw) { return tail_common(self, a, n, kw, "startswith", false); }
Value bytes_m_endswith(Value self, const Value* a, size_t n, Tuple* kw) { return tail_common(self, a, n, kw, "endswith", true); }

// ------------------------------------------------------------------ splitting and joining

namespace {

// sep=None, maxsplit=-1 of split/rsplit.
bool split_args(const char* fname, const Value* args, size_t nargs, Tuple* kw, Value* sep, int64_t* maxsplit) {
  Value a[2];
  ArgSpec spec{fname, {"sep", "maxsplit"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return false;
  *sep = a[0] && !is_none(a[0]) ? a[0] : Value();
  *maxsplit = -1;
  if (a[1] && !ssize_arg(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value list_of_parts(Value self, const std::vector<std::string_view>& parts) {
  List* l = list_new(int64_t(parts.size()));
  for (std::string_view p : parts) list_append(l, make_like(self, p));
  return Value(l);
}

Value split_common(Value self, const Value* args, size_t nargs, Tuple* kw, bool reverse) {
  Value sep_obj;
  int64_t maxsplit;
  if (!split_args(reverse ? "rsplit" : "split", args, nargs, kw, &sep_obj, &maxsplit)) return Value();
  ByteSpan s = span_of(self);
  std::string_view text = s.view();
  std::vector<std::string_view> parts;
  if (!sep_obj) {
    // Runs of whitespace separate; leading/trailing whitespace is dropped.
    if (!reverse) {
      size_t i = 0, n = text.size();
      while (true) {
        while (i < n && is_space(uint8_t(text[i]))) i++;
        if (i == n) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(text.substr(i));
          break;
        }
        size_t j = i;
        while (j < n && !is_space(uint8_t(text[j]))) j++;
        parts.push_back(text.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = text.size();
      while (true) {
        while (i > 0 && is_space(uint8_t(text[i - 1]))) i--;
        if (i == 0) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(text.substr(0, i));
          break;
        }
        size_t j = i;
        while (j > 0 && !is_space(uint8_t(text[j - 1]))) j--;
        parts.push_back(text.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
    return list_of_parts(self, parts);
  }
  BufferView buf;
  std::string_view sep;
  if (!bytes_view_arg(sep_obj, &buf, &sep)) return Value();
  if (sep.empty()) return raise(&exc::ValueError, "empty separator");
  if (!reverse) {
    size_t i = 0;
    for (int64_t k = 0; k < maxsplit; k++) {
      size_t pos = text.find(sep, i);
      if (pos == std::string_view::npos) break;
      parts.push_back(text.substr(i, pos - i));
      i = pos + sep.size();
    }
    parts.push_back(text.substr(i));
  } else {
    size_t end = text.size();
    for (int64_t k = 0; k < maxsplit && end >= sep.size(); k++) {
      size_t pos = text.substr(0, end).rfind(sep);
      if (pos == std::string_view::npos) break;
      parts.push_back(text.substr(pos + sep.size(), end - pos - sep.size()));
      end = pos;
    }
    parts.push_back(text.substr(0, end));
    std::reverse(parts.begin(), parts.end());
  }
  return list_of_parts(self, parts);
}

Value partition_common(Value self, const Value* args, size_t nargs, Tuple* kw, bool reverse) {
  std::string name = qualified(self, reverse ? "rpartition" : "partition");
  if (!check_no_kwargs(name.c_str(), kw) || !check_nargs(name.c_str(), nargs, 1, 1)) return Value();
  BufferView buf;
  std::string_view sep;
  if (!bytes_view_arg(args[0], &buf, &sep)) return Value();
  if (sep.empty()) return raise(&exc::ValueError, "empty separator");
  ByteSpan s = span_of(self);
  std::string_view text = s.view();
  size_t pos = reverse ? text.rfind(sep) : text.find(sep);
  Value empty = make_like(self, "", 0);
  if (pos == std::string_view::npos) {
    Value whole = make_like(self, text);
    return reverse ? Value(tuple_pack({empty, make_like(self, "", 0), whole}))
                   : Value(tuple_pack({whole, empty, make_like(self, "", 0)}));
  }
  return Value(tuple_pack({make_like(self, text.substr(0, pos)), make_like(self, sep),
                           make_like(self, text.substr(pos + sep.size()))}));
}

enum class StripSide { Left = 1, Right = 2, Both = 3 };

Value strip_common(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, StripSide side) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 0, 1)) return Value();
  ByteSpan s = span_of(self);
  BufferView buf;
  std::string_view chars;
  bool whitespace = nargs == 0 || is_none(args[0]);
  if (!whitespace && !bytes_view_arg(args[0], &buf, &chars)) return Value();
  auto strippable = [&](uint8_t c) {
    return whitespace ? is_space(c) : std::memchr(chars.data(), c, chars.size()) != nullptr;
  };
  int64_t i = 0, j = s.size;
  if (int(side) & int(StripSide::Left))
    while (i < j && strippable(s.data[i])) i++;
  if (int(side) & int(StripSide::Right))
    while (j > i && strippable(s.data[j - 1])) j--;
  return make_like(self, s.data + i, size_t(j - i));
}

}  // namespace

Value bytes_m_split(Value self, const Value* a, size_t n, Tuple* kw) { return split_common(self, a, n, kw, false); }
Value bytes_m_rsplit(Value self, const Value* a, size_t n, Tuple* kw) { return split_common(self, a, n, kw, true); }
Value bytes_m_partition(Value self, const Value* a, size_t n, Tuple* kw) { return partition_common(self, a, n, kw, false); }
Value bytes_m_rpartition(Value self, const Value* a, size_t n, Tuple* kw) { return partition_common(self, a, n, kw, true); }
Value bytes_m_strip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "strip", StripSide::Both); }
Value bytes_m_lstrip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "lstrip", StripSide::Left); }
Value bytes_m_rstrip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "rstrip", StripSide::Right); }

Value bytes_m_splitlines(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"splitlines", {"keepends"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int keepends = 0;
  if (a[0] && !int_arg(a[0], &keepends)) return Value();
  ByteSpan s = span_of(self);
  List* l = list_new();
  int64_t i = 0, n = s.size;
  while (i < n) {
    int64_t j = i;
    while (j < n && s.data[j] != '\n' && s.data[j] != '\r') j++;
    int64_t eol = j;
    if (j < n) {
      j += s.data[j] == '\r' && j + 1 < n && s.data[j + 1] == '\n' ? 2 : 1;
      if (keepends) eol = j;
    }
    list_append(l, make_like(self, s.data + i, size_t(eol - i)));
    i = j;
  }
  return Value(l);
}

Value bytes_m_join(Value self, const Value* args, size_t nargs, Tuple* kw) {
  std::string name = qualified(self, "join");
  if (!check_no_kwargs(name.c_str(), kw) || !check_nargs(name.c_str(), nargs, 1, 1)) return Value();
  Value items = tuple_from_iterable(args[0]);
  if (!items) {
    if (error_matches(&exc::TypeError) && !type_of(args[0])->iter && !type_of(args[0])->getitem) {
      clear_error();
      raise(&exc::TypeError, "can only join an iterable");
    }
    return Value();
  }
  std::string sep(span_of(self).view());
  std::string out;
  Tuple* t = items.as<Tuple>();
  for (int64_t i = 0; i < t->size; i++) {
    BufferView b;
    if (!get_buffer(t->items[i], &b)) {
      clear_error();
      return raise(&exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                   type_name(t->items[i]));
    }
    if (i) out += sep;
    out.append(reinterpret_cast<const char*>(b.data), size_t(b.size));
  }
  return make_like(self, out);
}

// ------------------------------------------------------------------ case and classes

namespace {

template <class F>
Value map_bytes(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, F f) {
  std::string qname = qualified(self, name);
  if (!check_no_kwargs(qname.c_str(), kw) || !check_nargs(qname.c_str(), nargs, 0, 0)) return Value();
  std::string out(span_of(self).view());
  f(reinterpret_cast<uint8_t*>(out.data()), out.size());
  return make_like(self, out);
}

template <class P>
Value predicate(Value self, size_t nargs, Tuple* kw, const char* name, P p) {
  std::string qname = qualified(self, name);
  if (!check_no_kwargs(qname.c_str(), kw) || !check_nargs(qname.c_str(), nargs, 0, 0)) return Value();
  ByteSpan s = span_of(self);
  return Bool(p(s.data, s.size));
}

template <bool (*Class)(uint8_t)>
bool all_nonempty(const uint8_t* d, int64_t n) {
  if (n == 0) return false;
  for (int64_t i = 0; i < n; i++)
    if (!Class(d[i])) return false;
  return true;
}

// Cased letters exist and all of them have the given case.
template <bool (*Case)(uint8_t), bool (*Other)(uint8_t)>
bool cased(const uint8_t* d, int64_t n) {
  bool any = false;
  for (int64_t i = 0; i < n; i++) {
    if (Other(d[i])) return false;
    if (Case(d[i])) any = true;
  }
  return any;
}

bool titled(const uint8_t* d, int64_t n) {
  bool any = false, previous_cased = false;
  for (int64_t i = 0; i < n; i++) {
    uint8_t c = d[i];
    if (is_upper(c)) {
      if (previous_cased) return false;
      previous_cased = any = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return false;
      previous_cased = any = true;
    } else {
      previous_cased = false;
    }
  }
  return any;
}

}  // namespace

Value bytes_m_upper(Value self, const Value* a, size_t n, Tuple* kw) {
  return map_bytes(self, a, n, kw, "upper", [](uint8_t* d, size_t len) {
    for (size_t i = 0; i < len; i++) d[i] = to_upper(d[i]);
  });
}
Value bytes_m_lower(Value self, const Value* a, size_t n, Tuple* kw) {
  return map_bytes(self, a, n, kw, "lower", [](uint8_t* d, size_t len) {
    for (size_t i = 0; i < len; i++) d[i] = to_lower(d[i]);
  });
}
Value bytes_m_swapcase(Value self, const Value* a, size_t n, Tuple* kw) {
  return map_bytes(self, a, n, kw, "swapcase", [](uint8_t* d, size_t len) {
    for (size_t i = 0; i < len; i++) d[i] = is_upper(d[i]) ? to_lower(d[i]) : to_upper(d[i]);
  });
}
Value bytes_m_capitalize(Value self, const Value* a, size_t n, Tuple* kw) {
  return map_bytes(self, a, n, kw, "capitalize", [](uint8_t* d, size_t len) {
    for (size_t i = 0; i < len; i++) d[i] = i == 0 ? to_upper(d[i]) : to_lower(d[i]);
  });
}
Value bytes_m_title(Value self, const Value* a, size_t n, Tuple* kw) {
  return map_bytes(self, a, n, kw, "title", [](uint8_t* d, size_t len) {
    bool previous_cased = false;
    for (size_t i = 0; i < len; i++) {
      uint8_t c = d[i];
      d[i] = previous_cased ? to_lower(c) : to_upper(c);
      previous_cased = is_alpha(c);
    }
  });
}

Value bytes_m_isalnum(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "isalnum", all_nonempty<is_alnum>); }
Value bytes_m_isalpha(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "isalpha", all_nonempty<is_alpha>); }
Value bytes_m_isdigit(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "isdigit", all_nonempty<is_digit>); }
Value bytes_m_isspace(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "isspace", all_nonempty<is_space>); }
Value bytes_m_islower(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "islower", cased<is_lower, is_upper>); }
Value bytes_m_isupper(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "isupper", cased<is_upper, is_lower>); }
Value bytes_m_istitle(Value self, const Value*, size_t n, Tuple* kw) { return predicate(self, n, kw, "istitle", titled); }
Value bytes_m_isascii(Value self, const Value*, size_t n, Tuple* kw) {
  return predicate(self, n, kw, "isascii", [](const uint8_t* d, int64_t len) {
    for (int64_t i = 0; i < len; i++)
      if (d[i] >= 0x80) return false;
    return true;
  });
}

// ------------------------------------------------------------------ padding

namespace {

enum class Pad { Left, Right, Center };

Value pad_common(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, Pad how) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 2)) return Value();
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  char fill = ' ';
  if (nargs > 1 && !fill_arg(name, args[1], &fill)) return Value();
  std::string_view s = span_of(self).view();
  int64_t len = int64_t(s.size());
  if (width <= len) return make_like(self, s);
  int64_t marg = width - len, left;
  switch (how) {
    case Pad::Left: left = 0; break;           // ljust
    case Pad::Right: left = marg; break;       // rjust
    default: left = marg / 2 + (marg & width & 1); break;
  }
  std::string out(size_t(left), fill);
  out += s;
  out.append(size_t(marg - left), fill);
  return make_like(self, out);
}

}  // namespace

Value bytes_m_center(Value self, const Value* a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "center", Pad::Center); }
Value bytes_m_ljust(Value self, const Value* a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "ljust", Pad::Left); }
Value bytes_m_rjust(Value self, const Value* a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "rjust", Pad::Right); }

Value bytes_m_zfill(Value self, const Value* args, size_t nargs, Tuple* kw) {
  std::string name = qualified(self, "zfill");
  if (!check_no_kwargs(name.c_str(), kw) || !check_nargs(name.c_str(), nargs, 1, 1)) return Value();
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  std::string s(span_of(self).view());
  if (width <= int64_t(s.size())) return make_like(self, s);
  size_t fill = size_t(width) - s.size();
  std::string out = std::string(fill, '0') + s;
  // A sign moves in front of the zeros.
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out[fill] = '0';
  }
  return make_like(self, out);
}

Value bytes_m_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int tabsize = 8;
  if (a[0] && !int_arg(a[0], &tabsize)) return Value();
  std::string_view s = span_of(self).view();
  std::string out;
  int64_t column = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(size_t(spaces), ' ');
        column += spaces;
      }
    } else {
      out.push_back(c);
      column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
  }
  return make_like(self, out);
}

// ------------------------------------------------------------------ replace, translate, affixes

Value bytes_m_replace(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("replace", kw) || !check_nargs("replace", nargs, 2, 3)) return Value();
  BufferView b1, b2;
  std::string_view from, to;
  if (!bytes_view_arg(args[0], &b1, &from) || !bytes_view_arg(args[1], &b2, &to)) return Value();
  int64_t count = -1;
  if (nargs > 2 && !ssize_arg(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string_view s = span_of(self).view();
  std::string out;
  if (from.empty()) {
    // Insert `to` before every byte and at the end, up to count times.
    int64_t done = 0;
    for (size_t i = 0; i <= s.size(); i++) {
      if (done < count) {
        out += to;
        done++;
      }
      if (i < s.size()) out.push_back(s[i]);
    }
    return make_like(self, out);
  }
  size_t i = 0;
  for (int64_t done = 0; done < count; done++) {
    size_t pos = s.find(from, i);
    if (pos == std::string_view::npos) break;
    out.append(s.substr(i, pos - i));
    out.append(to);
    i = pos + from.size();
  }
  out.append(s.substr(i));
  return make_like(self, out);
}

Value bytes_m_translate(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"translate", {"table", "delete"}, 1, 1};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  BufferView table;
  if (!is_none(a[0])) {
    if (!get_buffer(a[0], &table)) return Value();
    if (table.size != 256) return raise(&exc::ValueError, "translation table must be 256 characters long");
  }
  bool drop[256] = {};
  if (a[1]) {
    BufferView del;
    if (!get_buffer(a[1], &del)) return Value();
    for (int64_t i = 0; i < del.size; i++) drop[del.data[i]] = true;
  }
  std::string_view s = span_of(self).view();
  std::string out;
  for (char c : s) {
    uint8_t u = uint8_t(c);
    if (drop[u]) continue;
    out.push_back(table.data ? char(table.data[u]) : c);
  }
  return make_like(self, out);
}

Value bytes_m_maketrans(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("maketrans", kw) || !check_nargs("maketrans", nargs, 2, 2)) return Value();
  BufferView from, to;
  if (!get_buffer(args[0], &from) || !get_buffer(args[1], &to)) return Value();
  if (from.size != to.size) return raise(&exc::ValueError, "maketrans arguments must have same length");
  uint8_t table[256];
  for (int i = 0; i < 256; i++) table[i] = uint8_t(i);
  for (int64_t i = 0; i < from.size; i++) table[from.data[i]] = to.data[i];
  return Value(bytes_new(table, 256));
}

namespace {

Value affix_common(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool prefix) {
  std::string qname = qualified(self, name);
  if (!check_no_kwargs(qname.c_str(), kw) || !check_nargs(qname.c_str(), nargs, 1, 1)) return Value();
  BufferView b;
  std::string_view affix;
  if (!bytes_view_arg(args[0], &b, &affix)) return Value();
  std::string_view s = span_of(self).view();
  if (prefix && s.substr(0, affix.size()) == affix) s.remove_prefix(affix.size());
  if (!prefix && s.size() >= affix.size() && s.substr(s.size() - affix.size()) == affix) s.remove_suffix(affix.size());
  return make_like(self, s);
}

}  // namespace

Value bytes_m_removeprefix(Value self, const Value* a, size_t n, Tuple* kw) { return affix_common(self, a, n, kw, "removeprefix", true); }
Value bytes_m_removesuffix(Value self, const Value* a, size_t n, Tuple* kw) { return affix_common(self, a, n, kw, "removesuffix", false); }

// ------------------------------------------------------------------ hex, fromhex, decode

Value bytes_m_hex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"hex", {"sep", "bytes_per_sep"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  char sep = 0;
  if (a[0]) {
    int64_t len = length(a[0]);
    if (len < 0) return Value();
    if (len != 1) return raise(&exc::ValueError, "sep must be length 1.");
    uint32_t c;
    if (is_str(a[0])) {
      c = a[0].as<Str>()->at(0);
    } else {
      BufferView b;
      if (!get_buffer(a[0], &b)) return Value();
      c = b.data[0];
    }
    if (c > 127) return raise(&exc::ValueError, "sep must be ASCII.");
    sep = char(c);
  }
  int per = 1;
  if (a[1] && !int_arg(a[1], &per)) return Value();
  ByteSpan s = span_of(self);
  static const char digits[] = "0123456789abcdef";
  std::string out;
  int64_t group = per < 0 ? -int64_t(per) : per;
  for (int64_t i = 0; i < s.size; i++) {
    // Separators count groups from the right (positive) or the left (negative).
    if (sep && i > 0 && group > 0) {
      bool boundary = per > 0 ? (s.size - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep);
    }
    out.push_back(digits[s.data[i] >> 4]);
    out.push_back(digits[s.data[i] & 15]);
  }
  return Value(str_from_ascii(out));
}

Value bytes_m_fromhex(Value cls, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("fromhex", kw) || !check_nargs("fromhex", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]));
  Str* s = args[0].as<Str>();
  auto hexval = [](uint32_t c) -> int {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
  };
  std::string out;
  for (int64_t i = 0; i < s->length;) {
    uint32_t c = s->at(i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      i++;
      continue;
    }
    int hi = hexval(c);
    int lo = i + 1 < s->length ? hexval(s->at(i + 1)) : -1;
    if (hi < 0 || lo < 0)
      return raise(&exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                   (long long)(hi < 0 ? i : i + 1));
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  Type* type = cls.as<Type>();
  if (type == &bytes_type) return Value(bytes_new(out.data(), out.size()));
  if (type == &bytearray_type) return Value(bytearray_new(out.data(), out.size()));
  // Subclasses are built by calling the class with the bytes, as in CPython.
  return call1(cls, Value(bytes_new(out.data(), out.size())));
}

Value bytes_m_decode(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  static const ArgSpec spec{"decode", {"encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  return decode_object(self, a[0] ? a[0] : Value(intern_cstr("utf-8")), a[1] ? a[1] : Value(intern_cstr("strict")));
}

// ------------------------------------------------------------------ the table

namespace {

struct SharedMethod {
  const char* name;
  NativeFn fn;
};

#define SPINDLE_BYTES_ENTRY(name) {#name, bytes_m_##name},
const SharedMethod shared[] = {SPINDLE_BYTES_SHARED_METHODS(SPINDLE_BYTES_ENTRY)};
#undef SPINDLE_BYTES_ENTRY

}  // namespace

const MethodDef* bytes_method_table(const MethodDef* own) {
  size_t nown = 0;
  while (own[nown].name) nown++;
  size_t nshared = sizeof(shared) / sizeof(shared[0]);
  // Lives for the whole run (type method tables are never freed); holds no Values.
  auto* table = new MethodDef[nshared + nown + 1]();
  for (size_t i = 0; i < nshared; i++) table[i] = MethodDef{shared[i].name, shared[i].fn, kMethodInstance, nullptr};
  for (size_t i = 0; i < nown; i++) table[nshared + i] = own[i];
  return table;
}

}  // namespace spindle
