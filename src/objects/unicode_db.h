// Character properties and case mappings for the str methods, from the
// generated tables in unicode_db.cpp (the Unicode version of CPython 3.11).
#pragma once
#include <cstdint>

namespace spindle::unicode {

enum Flag : uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kLower = 1 << 4,
  kUpper = 1 << 5,
  kTitle = 1 << 6,           // general category Lt
  kCased = 1 << 7,
  kCaseIgnorable = 1 << 8,
  kSpace = 1 << 9,
  kPrintable = 1 << 10,
  kXidStart = 1 << 11,
  kXidContinue = 1 << 12,
  kLineBreak = 1 << 13,
  kExtendedCase = 1 << 14,   // some case mapping has several code points
};

// Case mapping fields hold the offset to the mapped code point, or with
// kExtendedCase an index into kCaseMappings (low 24 bits) and a length (high 8).
struct Record {
  uint16_t flags;
  int32_t lower, upper, title, fold;
  int8_t decimal, digit;  // -1: none
};

const Record& record(uint32_t cp);
extern const uint32_t kCaseMappings[];

inline bool has(uint32_t cp, uint16_t flag) { return (record(cp).flags & flag) != 0; }

inline bool is_space(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return has(cp, kSpace);
}
inline bool is_linebreak(uint32_t cp) {
  if (cp < 128) return cp == '\n' || cp == '\r' || cp == 11 || cp == 12 || (cp >= 28 && cp <= 30);
  return has(cp, kLineBreak);
}
inline int decimal_value(uint32_t cp) {
  if (cp < 128) return cp >= '0' && cp <= '9' ? int(cp - '0') : -1;
  return record(cp).decimal;
}

enum class CaseMap { Lower, Upper, Title, Fold };

// Writes the full mapping of cp (at most 3 code points) to out; returns the count.
inline int map_case(uint32_t cp, CaseMap which, uint32_t* out) {
  const Record& r = record(cp);
  int32_t field = which == CaseMap::Lower ? r.lower
                : which == CaseMap::Upper ? r.upper
                : which == CaseMap::Title ? r.title
                                          : r.fold;
  if (!(r.flags & kExtendedCase)) {
    out[0] = uint32_t(int32_t(cp) + field);
    return 1;
  }
  int n = field >> 24;
  const uint32_t* src = kCaseMappings + (field & 0xFFFFFF);
  for (int i = 0; i < n; i++) out[i] = src[i];
  return n;
}

}  // namespace spindle::unicode
