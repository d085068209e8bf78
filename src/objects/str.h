// str: immutable Unicode text with O(1) indexing. Code points are stored at a
// fixed width chosen per string (as in PEP 393): 1 byte when every code point is
// below 256 (Latin-1), 2 bytes below 65536, else 4 bytes; the width is always
// the narrowest that fits, so equal strings have equal data. Usually the data
// follows the header inline, NUL-terminated, and the object is allocated
// pointer-free. Longer results of concatenation instead live in a shared
// buffer with room to grow (in_buffer): `s += t` then appends in place when s
// ends where the buffer's used part ends, so loops building a string take
// linear time. Such data is not NUL-terminated.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace spindle {

struct Str : Object {
  int64_t length;                 // in code points
  std::atomic<int64_t> hash_cache; // -1: not computed yet (computed racily, idempotently)
  uint8_t kind;                   // bytes per code point: 1, 2 or 4
  bool ascii;                     // every code point < 128 (then the data is also UTF-8)
  std::atomic<bool> interned;
  bool in_buffer;                 // data_ptr is the start of a concatenation buffer (str_core.cpp)
  // Where the code points live: right after the header for most exact strs;
  // str subclass instances and in_buffer strs point at a separate block.
  void* data_ptr;

  const uint8_t* data1() const { return static_cast<const uint8_t*>(data_ptr); }
  const uint16_t* data2() const { return static_cast<const uint16_t*>(data_ptr); }
  const uint32_t* data4() const { return static_cast<const uint32_t*>(data_ptr); }
  uint32_t at(int64_t i) const {
    switch (kind) {
      case 1: return data1()[i];
      case 2: return data2()[i];
      default: return data4()[i];
    }
  }
  // Only when ascii: the text as UTF-8.
  std::string_view ascii_view() const { return {reinterpret_cast<const char*>(data_ptr), size_t(length)}; }
};

inline bool is_str(Value v) { return v.is_object() && (v.as_object()->type == &str_type || (v.as_object()->type->flags & kTypeStrSubclass)); }
inline bool is_str_exact(Value v) { return is_type(v, &str_type); }

// ---- creation ----
// Returns null with UnicodeDecodeError pending if `s` is not valid UTF-8
// (surrogates encoded in UTF-8 are rejected, as in CPython's strict decoder).
Str* str_from_utf8(const char* s, size_t n);
Str* str_from_utf8(std::string_view s);
// Decodes with the "surrogateescape" handler (for file names, argv, environ).
Str* str_from_utf8_surrogateescape(const char* s, size_t n);
Str* str_from_ascii(std::string_view s);   // caller guarantees ASCII
Str* str_from_latin1(const uint8_t* s, size_t n);
Str* str_from_code_points(const uint32_t* cps, size_t n);  // picks the narrowest kind
Str* str_from_char(uint32_t cp);          // cached for cp < 256
Str* str_empty();
// Results whose length comes from arguments (widths, counts) are checked
// first: an impossible length raises MemoryError instead of failing the
// allocation. False with the error pending.
bool check_str_length(int64_t length);
// A fresh, uninitialised exact str of the given length and kind (ascii flag set
// by the caller): for builders that know the width up front.
Str* str_alloc(int64_t length, uint8_t kind, bool ascii);
// For str subclasses: an instance of `type` holding the text of `value`.
Value str_subclass_new(Type* type, Str* value);

// ---- conversion ----
std::string str_to_utf8(const Str* s);    // lone surrogates are encoded as-is (surrogatepass)
// Returns false (with UnicodeEncodeError pending) if s holds lone surrogates.
bool str_to_utf8_strict(const Str* s, std::string* out);
std::string str_to_utf8_surrogateescape(const Str* s);  // for OS calls
// For C++ code that needs a C string of an identifier-like str.
std::string cstr(Value str_value);

// ---- interning ----
// The interned copy of s (s itself if it is the first). Thread-safe, lock-free reads.
Str* intern(Str* s);
Str* intern_cstr(const char* s);  // s must be UTF-8
Str* intern_sv(std::string_view s);

// ---- operations used across the runtime ----
int64_t str_hash(Str* s);
// The keyed hash str uses, over raw bytes (bytes objects hash with it too).
int64_t hash_memory(const void* data, size_t n);
bool str_equal(const Str* a, const Str* b);   // by content
// Three-way comparison by code points.
int str_compare(const Str* a, const Str* b);
Str* str_concat(Str* a, Str* b);
Str* str_substr(Str* s, int64_t start, int64_t end);
// Searching (str_search.cpp): linear time; start/end are clamped to the string.
int64_t str_find(Str* hay, Str* needle, int64_t start, int64_t end);   // -1 if absent
int64_t str_rfind(Str* hay, Str* needle, int64_t start, int64_t end);  // last match, -1 if absent
// Non-overlapping matches in [start, end), at most `limit` of them (limit < 0: all).
int64_t str_count(Str* hay, Str* needle, int64_t start, int64_t end, int64_t limit = -1);
int64_t str_find_char(const Str* s, uint32_t cp, int64_t start, int64_t end, bool reverse);
Value str_repr(Str* s);
Value str_join(Str* sep, Value iterable);
bool str_equals_ascii(const Str* s, std::string_view ascii);
// The format-spec mini-language (format_spec.cpp) for str, int and float.
Value format_str(Value s, Str* spec);
Value format_int(Value i, Str* spec);
Value format_float(double d, Str* spec);
Value format_complex(double real, double imag, Str* spec);
// str.format(*args, **kwargs) and str.format_map(mapping) (str_format.cpp).
Value str_format_call(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_format_map(Value self, Value mapping);
// printf-style formatting: fmt % args (str_mod.cpp).
Value str_mod_format(Value fmt, Value args);
// str(obj, encoding, errors) / bytes.decode: codecs lookup (codecs.cpp).
Value decode_object(Value obj, Value encoding, Value errors);
Value encode_str(Str* s, Value encoding, Value errors);
bool unicode_is_printable(uint32_t cp);
int unicode_decimal_value(uint32_t cp);  // -1 if not a decimal digit
bool unicode_is_space(uint32_t cp);

// Repeated searches for one needle (split, replace, count): the needle's
// preprocessing is done once. Forward searches find the first match in
// [start, end), reverse ones the last.
class StrSearcher {
 public:
  explicit StrSearcher(Str* needle, bool reverse = false) : needle_(needle), reverse_(reverse) {}
  int64_t find(const Str* hay, int64_t start, int64_t end);  // -1 if absent

 private:
  void factor();
  template <class N, bool Rev>
  void factor_as(const N* data);
  template <class H, bool Rev>
  int64_t search_in(const H* window, int64_t n) const;
  template <class H, class N, bool Rev>
  int64_t two_way(const H* hay, int64_t n, const N* needle) const;

  Str* needle_;
  bool reverse_;
  bool factored_ = false;
  bool periodic_ = false;
  int64_t ell_ = 0, period_ = 0;  // critical factorization and period
  uint64_t bloom_ = 0;            // low 6 bits of the needle's code points
};

// Accumulates code points; produces a str of the narrowest kind.
// Short results are assembled in an inline buffer before any allocation.
class StrBuilder {
 public:
  StrBuilder() = default;
  StrBuilder(const StrBuilder&) = delete;
  StrBuilder& operator=(const StrBuilder&) = delete;
  void append(uint32_t cp) {
    if (len_ < cap_ && cp <= kind_max_) store(cp);
    else append_slow(cp);
  }
  void append(const Str* s);
  void append_substr(const Str* s, int64_t start, int64_t end);
  void append_repeated(uint32_t cp, int64_t n);
  void append_ascii(std::string_view s);  // s must be ASCII
  void append_utf8(std::string_view s);  // assumes valid UTF-8
  void reserve(int64_t extra);
  int64_t length() const { return len_; }
  uint32_t max_char() const { return max_; }
  Str* finish();

 private:
  void store(uint32_t cp) {
    switch (kind_) {
      case 1: static_cast<uint8_t*>(buf_)[len_] = uint8_t(cp); break;
      case 2: static_cast<uint16_t*>(buf_)[len_] = uint16_t(cp); break;
      default: static_cast<uint32_t*>(buf_)[len_] = cp; break;
    }
    len_++;
    if (cp > max_) max_ = cp;
  }
  void append_slow(uint32_t cp);
  void grow(int64_t need, uint32_t cp_max);
  static constexpr int64_t kInlineBytes = 128;
  alignas(8) uint8_t inline_[kInlineBytes];
  void* buf_ = inline_;  // inline_, or collected pointer-free memory once it outgrows it
  uint8_t kind_ = 1;
  uint32_t kind_max_ = 0xFF;  // the largest code point the buffer's width holds
  int64_t len_ = 0, cap_ = kInlineBytes;
  uint32_t max_ = 0;
};

// Interned strings of identifiers the runtime uses everywhere, e.g. names::__init__.
// The list lives in objects/names.h.
namespace names {
#define SPINDLE_NAME(id) extern Str* id;
#include "objects/names.h"
#undef SPINDLE_NAME
}  // namespace names

void init_names();

}  // namespace spindle
