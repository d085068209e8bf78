// str: representation, creation, UTF-8 conversion, interning, hashing and the
// handful of operations the rest of the runtime needs. The Python-visible
// methods live in str.cpp; formatting in str_format.cpp.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "gc/gc.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode_db.h"
#include "threads/mutex.h"

namespace spindle {

namespace names {
#define SPINDLE_NAME(id) Str* id;
#include "objects/names.h"
#undef SPINDLE_NAME
}  // namespace names

namespace {

Str* latin1_chars[256];
Str* empty_str;

uint8_t kind_for(uint32_t max_cp) { return max_cp < 256 ? 1 : max_cp < 65536 ? 2 : 4; }

}  // namespace

Str* str_alloc(int64_t length, uint8_t kind, bool ascii) {
  size_t bytes = sizeof(Str) + size_t(length + 1) * kind;
  auto* s = static_cast<Str*>(alloc_object_atomic(&str_type, bytes));
  s->length = length;
  new (&s->hash_cache) std::atomic<int64_t>(-1);
  s->kind = kind;
  s->ascii = ascii;
  new (&s->interned) std::atomic<bool>(false);
  s->in_buffer = false;
  s->data_ptr = reinterpret_cast<char*>(s) + sizeof(Str);
  std::memset(static_cast<char*>(s->data_ptr) + size_t(length) * kind, 0, kind);
  return s;
}

Str* str_empty() { return empty_str; }

bool check_str_length(int64_t length) {
  constexpr int64_t kMaxLength = int64_t(1) << 36;
  if (length <= kMaxLength) return true;
  raise_no_memory();
  return false;
}

Str* str_from_ascii(std::string_view sv) {
  if (sv.empty() && empty_str) return empty_str;
  if (sv.size() == 1 && latin1_chars[uint8_t(sv[0])]) return latin1_chars[uint8_t(sv[0])];
  Str* s = str_alloc(int64_t(sv.size()), 1, true);
  std::memcpy(s->data_ptr, sv.data(), sv.size());
  return s;
}

Str* str_from_latin1(const uint8_t* p, size_t n) {
  bool ascii = true;
  for (size_t i = 0; i < n; i++)
    if (p[i] >= 128) { ascii = false; break; }
  if (n == 1 && latin1_chars[p[0]]) return latin1_chars[p[0]];
  Str* s = str_alloc(int64_t(n), 1, ascii);
  std::memcpy(s->data_ptr, p, n);
  return s;
}

Str* str_from_code_points(const uint32_t* cps, size_t n) {
  uint32_t max_cp = 0;
  for (size_t i = 0; i < n; i++) max_cp = std::max(max_cp, cps[i]);
  if (n == 1 && max_cp < 256 && latin1_chars[max_cp]) return latin1_chars[max_cp];
  uint8_t kind = kind_for(max_cp);
  Str* s = str_alloc(int64_t(n), kind, max_cp < 128);
  for (size_t i = 0; i < n; i++) {
    if (kind == 1) static_cast<uint8_t*>(s->data_ptr)[i] = uint8_t(cps[i]);
    else if (kind == 2) static_cast<uint16_t*>(s->data_ptr)[i] = uint16_t(cps[i]);
    else static_cast<uint32_t*>(s->data_ptr)[i] = cps[i];
  }
  return s;
}

Str* str_from_char(uint32_t cp) {
  if (cp < 256 && latin1_chars[cp]) return latin1_chars[cp];
  return str_from_code_points(&cp, 1);
}

namespace {

// Decodes one UTF-8 sequence at p (< end). Returns the length consumed, or 0 if
// invalid (CPython's strict rules: no overlongs, no surrogates, <= U+10FFFF).
int decode_utf8_char(const uint8_t* p, const uint8_t* end, uint32_t* cp) {
  uint8_t c = p[0];
  if (c < 0x80) { *cp = c; return 1; }
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (end - p < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *cp = (uint32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    uint32_t v = (uint32_t(c & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c < 0xF5) {
    if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    uint32_t v = (uint32_t(c & 0x07) << 18) | (uint32_t(p[1] & 0x3F) << 12) | (uint32_t(p[2] & 0x3F) << 6) |
                 (p[3] & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

// Decodes UTF-8; invalid bytes become U+DC80..U+DCFF when `escape`, else fail.
// Returns null (no exception set) on failure, with *bad_pos set.
Str* decode_utf8(const char* s, size_t n, bool escape, size_t* bad_pos) {
  auto* p = reinterpret_cast<const uint8_t*>(s);
  const uint8_t* end = p + n;
  size_t i = 0;
  while (i < n && p[i] < 0x80) i++;
  if (i == n) return str_from_ascii(std::string_view(s, n));
  StrBuilder b;
  b.append_ascii(std::string_view(s, i));
  while (i < n) {
    uint32_t cp;
    int len = decode_utf8_char(p + i, end, &cp);
    if (!len) {
      if (!escape) {
        *bad_pos = i;
        return nullptr;
      }
      b.append(0xDC00 + p[i]);
      i++;
      continue;
    }
    b.append(cp);
    i += size_t(len);
  }
  return b.finish();
}

}  // namespace

Str* str_from_utf8(const char* s, size_t n) {
  size_t bad = 0;
  Str* r = decode_utf8(s, n, false, &bad);
  if (!r) {
    auto* p = reinterpret_cast<const uint8_t*>(s);
    uint8_t c = p[bad];
    int want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const char* reason = "invalid start byte";
    if (c >= 0xC2 && c < 0xF5) {
      size_t k = bad + 1;
      while (k < n && k < bad + size_t(want) && (p[k] & 0xC0) == 0x80) k++;
      reason = (k == n) ? "unexpected end of data" : "invalid continuation byte";
    }
    raise(&exc::UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zd: %s", unsigned(c),
          ssize_t(bad), reason);
  }
  return r;
}

Str* str_from_utf8(std::string_view s) { return str_from_utf8(s.data(), s.size()); }

Str* str_from_utf8_surrogateescape(const char* s, size_t n) {
  size_t bad;
  return decode_utf8(s, n, true, &bad);
}

namespace {

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string str_to_utf8(const Str* s) {
  if (s->ascii) return std::string(s->ascii_view());
  std::string out;
  out.reserve(size_t(s->length) * 2);
  for (int64_t i = 0; i < s->length; i++) utf8_append(out, s->at(i));
  return out;
}

bool str_to_utf8_strict(const Str* s, std::string* out) {
  if (s->ascii) {
    *out = std::string(s->ascii_view());
    return true;
  }
  out->clear();
  out->reserve(size_t(s->length) * 2);
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t cp = s->at(i);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      int64_t end = i + 1;
      while (end < s->length && s->at(end) >= 0xD800 && s->at(end) <= 0xDFFF) end++;
      raise(&exc::UnicodeEncodeError, "'utf-8' codec can't encode character '\\u%04x' in position %lld: surrogates not allowed",
            unsigned(cp), (long long)i);
      return false;
    }
    utf8_append(*out, cp);
  }
  return true;
}

std::string str_to_utf8_surrogateescape(const Str* s) {
  if (s->ascii) return std::string(s->ascii_view());
  std::string out;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t cp = s->at(i);
    if (cp >= 0xDC80 && cp <= 0xDCFF) out.push_back(char(cp - 0xDC00));
    else utf8_append(out, cp);
  }
  return out;
}

std::string cstr(Value v) {
  if (!is_str(v)) return "?";
  return str_to_utf8(v.as<Str>());
}

// ---------------------------------------------------------------- builder

namespace {

// Copies n code points between buffers of possibly different widths (the
// destination is wide enough for every value).
void copy_code_points(void* dst, uint8_t dst_kind, const void* src, uint8_t src_kind, int64_t n) {
  if (dst_kind == src_kind) {
    std::memcpy(dst, src, size_t(n) * dst_kind);
    return;
  }
  auto convert = [&](auto* d) {
    switch (src_kind) {
      case 1: for (int64_t i = 0; i < n; i++) d[i] = static_cast<const uint8_t*>(src)[i]; break;
      case 2: for (int64_t i = 0; i < n; i++) d[i] = decltype(+d[0])(static_cast<const uint16_t*>(src)[i]); break;
      default: for (int64_t i = 0; i < n; i++) d[i] = decltype(+d[0])(static_cast<const uint32_t*>(src)[i]); break;
    }
  };
  switch (dst_kind) {
    case 1: convert(static_cast<uint8_t*>(dst)); break;
    case 2: convert(static_cast<uint16_t*>(dst)); break;
    default: convert(static_cast<uint32_t*>(dst)); break;
  }
}

// The largest code point of a canonical str, as far as its kind and ascii flag tell.
uint32_t max_char_bound(const Str* s) {
  return s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF;
}

uint32_t max_char_in(const Str* s, int64_t start, int64_t end) {
  if (s->ascii) return 127;
  uint32_t m = 0;
  switch (s->kind) {
    case 1: for (int64_t i = start; i < end; i++) m = std::max<uint32_t>(m, s->data1()[i]); break;
    case 2: for (int64_t i = start; i < end; i++) m = std::max<uint32_t>(m, s->data2()[i]); break;
    default: for (int64_t i = start; i < end; i++) m = std::max<uint32_t>(m, s->data4()[i]); break;
  }
  return m;
}

}  // namespace

void StrBuilder::grow(int64_t need, uint32_t cp_max) {
  uint8_t want_kind = std::max(kind_, kind_for(cp_max));
  int64_t ncap = cap_;
  if (need > ncap) ncap = std::max<int64_t>(need, cap_ + cap_ / 2);
  if (want_kind == kind_ && ncap == cap_) return;
  void* nbuf = gc::alloc_atomic(size_t(ncap) * want_kind);
  if (len_) copy_code_points(nbuf, want_kind, buf_, kind_, len_);
  buf_ = nbuf;
  kind_ = want_kind;
  kind_max_ = want_kind == 1 ? 0xFF : want_kind == 2 ? 0xFFFF : 0x10FFFF;
  cap_ = ncap;
}

void StrBuilder::reserve(int64_t extra) {
  if (len_ + extra > cap_) grow(len_ + extra, 0);
}

void StrBuilder::append_slow(uint32_t cp) {
  grow(len_ + 1, cp);
  store(cp);
}

void StrBuilder::append_repeated(uint32_t cp, int64_t n) {
  if (n <= 0) return;
  if (len_ + n > cap_ || cp > kind_max_) grow(len_ + n, cp);
  switch (kind_) {
    case 1: std::memset(static_cast<uint8_t*>(buf_) + len_, int(cp), size_t(n)); break;
    case 2: std::fill_n(static_cast<uint16_t*>(buf_) + len_, n, uint16_t(cp)); break;
    default: std::fill_n(static_cast<uint32_t*>(buf_) + len_, n, cp); break;
  }
  len_ += n;
  max_ = std::max(max_, cp);
}

void StrBuilder::append_substr(const Str* s, int64_t start, int64_t end) {
  int64_t n = end - start;
  if (n <= 0) return;
  uint32_t smax = (start == 0 && end == s->length) ? max_char_bound(s) : max_char_in(s, start, end);
  if (len_ + n > cap_ || smax > kind_max_) grow(len_ + n, smax);
  copy_code_points(static_cast<char*>(buf_) + len_ * kind_, kind_,
                   static_cast<const char*>(s->data_ptr) + start * s->kind, s->kind, n);
  len_ += n;
  max_ = std::max(max_, smax);
}

void StrBuilder::append(const Str* s) { append_substr(s, 0, s->length); }

void StrBuilder::append_ascii(std::string_view sv) {
  int64_t n = int64_t(sv.size());
  if (len_ + n > cap_) grow(len_ + n, 0);
  copy_code_points(static_cast<char*>(buf_) + len_ * kind_, kind_, sv.data(), 1, n);
  len_ += n;
  if (max_ < 127) max_ = 127;  // callers only pass ASCII; the exact maximum does not matter
}

void StrBuilder::append_utf8(std::string_view sv) {
  auto* p = reinterpret_cast<const uint8_t*>(sv.data());
  const uint8_t* end = p + sv.size();
  while (p < end) {
    uint32_t cp;
    int len = decode_utf8_char(p, end, &cp);
    if (!len) { cp = 0xDC00 + *p; len = 1; }
    append(cp);
    p += len;
  }
}

Str* StrBuilder::finish() {
  if (len_ == 0) return str_empty();
  Str* s;
  if (len_ == 1 && max_ < 256) {
    s = str_from_char(kind_ == 1 ? static_cast<uint8_t*>(buf_)[0] : kind_ == 2 ? static_cast<uint16_t*>(buf_)[0] : static_cast<uint32_t*>(buf_)[0]);
  } else {
    uint8_t k = kind_for(max_);
    s = str_alloc(len_, k, max_ < 128);
    copy_code_points(s->data_ptr, k, buf_, kind_, len_);
  }
  buf_ = inline_;
  len_ = 0;
  cap_ = kInlineBytes;
  max_ = 0;
  kind_ = 1;
  kind_max_ = 0xFF;
  return s;
}

// ---------------------------------------------------------------- hashing

namespace {

uint64_t hash_seed = 0;

// A keyed 64-bit hash over the raw storage; strings have one canonical kind for
// a given content, so equal strings hash equally.
int64_t hash_bytes(const void* data, size_t n) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = hash_seed ^ (n * 0x9E3779B97F4A7C15ull);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h ^= w * 0xBF58476D1CE4E5B9ull;
    h = (h << 27 | h >> 37) * 0x94D049BB133111EBull;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h ^= tail * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 29;
  auto r = int64_t(h);
  return r == -1 ? -2 : r;
}

}  // namespace

int64_t str_hash(Str* s) {
  int64_t h = s->hash_cache.load(std::memory_order_relaxed);
  if (h != -1) return h;
  h = hash_bytes(s->data_ptr, size_t(s->length) * s->kind);
  s->hash_cache.store(h, std::memory_order_relaxed);
  return h;
}

int64_t hash_memory(const void* data, size_t n) { return hash_bytes(data, n); }

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->length != b->length || a->kind != b->kind) return false;
  int64_t ha = a->hash_cache.load(std::memory_order_relaxed), hb = b->hash_cache.load(std::memory_order_relaxed);
  if (ha != -1 && hb != -1 && ha != hb) return false;
  return std::memcmp(a->data_ptr, b->data_ptr, size_t(a->length) * a->kind) == 0;
}

bool str_equals_ascii(const Str* s, std::string_view ascii) {
  return s->ascii && s->ascii_view() == ascii;
}

int str_compare(const Str* a, const Str* b) {
  if (a->kind == 1 && b->kind == 1) {
    int64_t n = std::min(a->length, b->length);
    int c = std::memcmp(a->data_ptr, b->data_ptr, size_t(n));
    if (c) return c < 0 ? -1 : 1;
  } else {
    int64_t n = std::min(a->length, b->length);
    for (int64_t i = 0; i < n; i++) {
      uint32_t x = a->at(i), y = b->at(i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

namespace {

// Storage shared by concatenation results: strings built by appending to the
// same prefix share its code points. `used` is how far some str's data
// reaches; the space after it may be claimed by the next append.
struct ConcatBuffer {
  std::atomic<int64_t> used;
  int64_t capacity;  // in code points
  alignas(8) char data[];  // NOLINT
};

// Shorter results are ordinary strs: appending in place pays off for long ones.
constexpr int64_t kConcatBufferMin = 64;

ConcatBuffer* buffer_of(const Str* s) {
  return reinterpret_cast<ConcatBuffer*>(static_cast<char*>(s->data_ptr) - offsetof(ConcatBuffer, data));
}

Str* buffered_str(ConcatBuffer* buf, int64_t length, uint8_t kind, bool ascii) {
  // The header points into the buffer, so it is scanned by the collector.
  auto* s = static_cast<Str*>(alloc_object(&str_type, sizeof(Str)));
  s->length = length;
  new (&s->hash_cache) std::atomic<int64_t>(-1);
  s->kind = kind;
  s->ascii = ascii;
  new (&s->interned) std::atomic<bool>(false);
  s->in_buffer = true;
  s->data_ptr = buf->data;
  return s;
}

}  // namespace

Str* str_concat(Str* a, Str* b) {
  if (a->length == 0 && is_str_exact(Value(b))) return b;
  if (b->length == 0 && is_str_exact(Value(a))) return a;
  const uint8_t k = std::max(a->kind, b->kind);
  const int64_t n = a->length + b->length;
  const bool ascii = a->ascii && b->ascii;
  if (n < kConcatBufferMin) {
    Str* s = str_alloc(n, k, ascii);
    copy_code_points(s->data_ptr, k, a->data_ptr, a->kind, a->length);
    copy_code_points(static_cast<char*>(s->data_ptr) + a->length * k, k, b->data_ptr, b->kind, b->length);
    return s;
  }
  if (a->in_buffer && a->kind == k) {
    // Claim the space right after a, if a still ends where the buffer's used part does.
    ConcatBuffer* buf = buffer_of(a);
    int64_t expected = a->length;
    if (n <= buf->capacity && buf->used.compare_exchange_strong(expected, n, std::memory_order_acq_rel)) {
      copy_code_points(buf->data + a->length * k, k, b->data_ptr, b->kind, b->length);
      return buffered_str(buf, n, k, ascii);
    }
  }
  int64_t capacity = n + n / 2;
  auto* buf = static_cast<ConcatBuffer*>(gc::alloc_atomic(sizeof(ConcatBuffer) + size_t(capacity) * k));
  new (&buf->used) std::atomic<int64_t>(n);
  buf->capacity = capacity;
  copy_code_points(buf->data, k, a->data_ptr, a->kind, a->length);
  copy_code_points(buf->data + a->length * k, k, b->data_ptr, b->kind, b->length);
  return buffered_str(buf, n, k, ascii);
}

Str* str_substr(Str* s, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  if (start >= end) return str_empty();
  if (start == 0 && end == s->length && is_str_exact(Value(s))) return s;
  int64_t n = end - start;
  if (s->ascii) return str_from_ascii(std::string_view(reinterpret_cast<const char*>(s->data1() + start), size_t(n)));
  uint32_t max_cp = 0;
  for (int64_t i = start; i < end; i++) max_cp = std::max(max_cp, s->at(i));
  uint8_t k = kind_for(max_cp);
  if (n == 1 && k == 1) return str_from_char(max_cp);
  Str* r = str_alloc(n, k, max_cp < 128);
  if (k == s->kind) {
    std::memcpy(r->data_ptr, static_cast<char*>(s->data_ptr) + start * k, size_t(n) * k);
  } else {
    for (int64_t i = 0; i < n; i++) {
      uint32_t c = s->at(start + i);
      if (k == 1) static_cast<uint8_t*>(r->data_ptr)[i] = uint8_t(c);
      else if (k == 2) static_cast<uint16_t*>(r->data_ptr)[i] = uint16_t(c);
      else static_cast<uint32_t*>(r->data_ptr)[i] = c;
    }
  }
  return r;
}

// ---------------------------------------------------------------- repr

bool unicode_is_printable(uint32_t cp) {
  if (cp < 128) return cp >= 0x20 && cp < 0x7F;
  return unicode::has(cp, unicode::kPrintable);
}

int unicode_decimal_value(uint32_t cp) { return unicode::decimal_value(cp); }

bool unicode_is_space(uint32_t cp) { return unicode::is_space(cp); }

Value str_repr(Str* s) {
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '\'') has_single = true;
    else if (c == '"') has_double = true;
  }
  char quote = (has_single && !has_double) ? '"' : '\'';
  StrBuilder b;
  b.append(uint32_t(quote));
  static const char hex[] = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == uint32_t(quote) || c == '\\') {
      b.append('\\');
      b.append(c);
    } else if (c == '\t') {
      b.append_ascii("\\t");
    } else if (c == '\n') {
      b.append_ascii("\\n");
    } else if (c == '\r') {
      b.append_ascii("\\r");
    } else if (c < 0x20 || c == 0x7F) {
      char buf[5] = {'\\', 'x', hex[c >> 4], hex[c & 15], 0};
      b.append_ascii(buf);
    } else if (c < 0x7F || unicode_is_printable(c)) {
      b.append(c);
    } else if (c < 0x100) {
      char buf[5] = {'\\', 'x', hex[c >> 4], hex[c & 15], 0};
      b.append_ascii(buf);
    } else if (c < 0x10000) {
      char buf[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], 0};
      b.append_ascii(buf);
    } else {
      char buf[11] = {'\\', 'U'};
      for (int k = 0; k < 8; k++) buf[2 + k] = hex[(c >> (28 - 4 * k)) & 15];
      buf[10] = 0;
      b.append_ascii(buf);
    }
  }
  b.append(uint32_t(quote));
  return b.finish();
}

Value ascii_repr(Value v) {
  Value r = repr(v);
  if (!r) return Value();
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  StrBuilder b;
  char buf[16];
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c < 128) {
      b.append(c);
      continue;
    }
    if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
    else std::snprintf(buf, sizeof buf, "\\U%08x", c);
    b.append_ascii(buf);
  }
  return Value(b.finish());
}

// ---------------------------------------------------------------- interning
// An open-addressed set of Str*: inserts under a lock, lookups lock-free. The
// table only grows; a replaced table stays valid for readers that hold it.

namespace {

struct InternTable {
  int64_t mask;
  int64_t used;
  std::atomic<Str*> slots[];  // NOLINT
};

Mutex intern_lock;
std::atomic<InternTable*> intern_table{nullptr};

InternTable* new_intern_table(int64_t size) {
  auto* t = static_cast<InternTable*>(gc::alloc(sizeof(InternTable) + sizeof(std::atomic<Str*>) * size_t(size)));
  t->mask = size - 1;
  t->used = 0;
  return t;
}

Str* intern_find(InternTable* t, Str* s, int64_t h) {
  for (int64_t i = h & t->mask;; i = (i + 1) & t->mask) {
    Str* e = t->slots[i].load(std::memory_order_acquire);
    if (!e) return nullptr;
    if (e == s || str_equal(e, s)) return e;
  }
}

void intern_insert(InternTable* t, Str* s, int64_t h) {
  int64_t i = h & t->mask;
  while (t->slots[i].load(std::memory_order_relaxed)) i = (i + 1) & t->mask;
  t->slots[i].store(s, std::memory_order_release);
  t->used++;
}

}  // namespace

Str* intern(Str* s) {
  if (s->interned.load(std::memory_order_relaxed)) return s;
  int64_t h = str_hash(s);
  if (InternTable* t = intern_table.load(std::memory_order_acquire))
    if (Str* e = intern_find(t, s, h)) return e;
  if (!is_str_exact(Value(s))) s = str_substr(s, 0, s->length);  // an exact copy
  LockGuard guard(intern_lock);
  InternTable* t = intern_table.load(std::memory_order_relaxed);
  if (Str* e = intern_find(t, s, h)) return e;
  if ((t->used + 1) * 2 > t->mask + 1) {
    InternTable* n = new_intern_table((t->mask + 1) * 2);
    for (int64_t i = 0; i <= t->mask; i++)
      if (Str* e = t->slots[i].load(std::memory_order_relaxed)) intern_insert(n, e, str_hash(e));
    intern_table.store(n, std::memory_order_release);
    t = n;
  }
  s->interned.store(true, std::memory_order_relaxed);
  intern_insert(t, s, h);
  return s;
}

Str* intern_sv(std::string_view sv) {
  Str* s = str_from_utf8(sv);
  return s ? intern(s) : nullptr;
}

Str* intern_cstr(const char* s) { return intern_sv(std::string_view(s)); }

void init_names() {
  if (const char* seed = std::getenv("PYTHONHASHSEED"); seed && std::strcmp(seed, "random") != 0) {
    hash_seed = std::strtoull(seed, nullptr, 10) * 0x9E3779B97F4A7C15ull;
  } else {
    uint64_t r = 0;
    arc4random_buf(&r, sizeof r);
    hash_seed = r;
  }
  intern_table.store(new_intern_table(4096), std::memory_order_release);
  Str* e = str_alloc(0, 1, true);
  empty_str = intern(e);
  for (uint32_t c = 0; c < 256; c++) {
    Str* s = str_alloc(1, 1, c < 128);
    static_cast<uint8_t*>(s->data_ptr)[0] = uint8_t(c);
    latin1_chars[c] = intern(s);
  }
#define SPINDLE_NAME(id) names::id = intern_cstr(#id);
#include "objects/names.h"
#undef SPINDLE_NAME
}

}  // namespace spindle
