// The Unicode database behind the unicodedata module and character names:
// tables generated into unicodedata_db.cpp by tools/gen_unicodedata_db.py
// (Unicode 14.0, as CPython 3.11), plus small accessors. Decimal and digit
// values and the numeric flag live in objects/unicode_db.h.
#pragma once
#include <cstddef>
#include <cstdint>

namespace spindle::ucd {

enum PropFlag : uint8_t {
  kMirrored = 1 << 0,
  // The normalization form leaves the character unchanged whatever surrounds it
  // (quick check "Yes"), in the order of NormForm.
  kQuickCheckYes = 1 << 1,
};

enum class NormForm { NFD, NFKD, NFC, NFKC };

struct Props {
  uint8_t category, bidirectional, east_asian_width, combining, flags;
};

// Code points are below 0x110000 (str guarantees it).

// Fields of Unicode 3.2.0 that differ from the current version; kUnchanged
// where they agree. category 0 ("Cn") marks a character unassigned in 3.2.0.
struct Change {
  uint8_t category, bidirectional, east_asian_width, mirrored, decimal;
};
constexpr uint8_t kUnchanged = 0xFF;

struct Composition {
  uint32_t first, second, composite;
};

extern const char* const kCategoryNames[];
extern const char* const kBidiNames[];
extern const char* const kEastAsianWidthNames[];
extern const char* const kDecompositionTags[];

extern const Props kProps[];
uint32_t props_index(uint32_t cp);

extern const uint8_t kDecompositionData[];
uint32_t decomposition_index(uint32_t cp);  // 0: none

extern const Composition kCompositions[];
extern const size_t kCompositionCount;

extern const double kNumericValues[];
extern const size_t kNumericCount;
extern const uint32_t kNumericCodePoints[];
extern const uint8_t kNumericValueIndex[];

extern const Change kChanges3_2_0[];
uint32_t change_index_3_2_0(uint32_t cp);
extern const uint32_t kNormalizationCorrections3_2_0[][2];
extern const size_t kNormalizationCorrectionCount;

extern const uint32_t kCjkUnifiedRanges[][2];
extern const size_t kCjkUnifiedRangeCount;
extern const int kNamesPerOffset, kWordsPerOffset, kOneByteTokens;
constexpr int kMaxWordLength = 64;  // of a lexicon entry (checked by the generator)
extern const uint32_t kNameCount, kNameRunCount;
extern const uint32_t kNameRunStart[];
extern const uint16_t kNameRunIndex[];
extern const uint32_t kPhrasebookOffsets[];
extern const uint8_t kPhrasebook[];
extern const uint32_t kLexiconOffsets[];
extern const uint8_t kLexicon[];
extern const uint32_t kAliasesStart, kNamedSequencesStart;  // where CPython keeps them (private use)
extern const size_t kAliasCount;
extern const uint8_t kAliasNames[];
extern const uint32_t kAliasCodePoints[];
extern const size_t kNamedSequenceCount;
extern const uint8_t kNamedSequenceNames[];
extern const uint32_t kNamedSequenceData[];

inline const Props& props(uint32_t cp) {
  return kProps[props_index(cp)];
}

inline const Change& change_3_2_0(uint32_t cp) {
  return kChanges3_2_0[change_index_3_2_0(cp)];
}
inline bool assigned_in_3_2_0(uint32_t cp) { return change_3_2_0(cp).category != 0; }

constexpr int kMaxDecomposition = 18;  // code points in a decomposition mapping (checked by the generator)

// The decomposition mapping of cp into out: returns its length (0: none) and
// sets *tag, an index into kDecompositionTags (0: canonical).
inline int decomposition(uint32_t cp, int* tag, uint32_t* out) {
  const uint8_t* p = kDecompositionData + decomposition_index(cp);
  if (p == kDecompositionData) return 0;
  unsigned header = unsigned(p[0]) << 8 | p[1];
  *tag = int(header & 31);
  int len = int(header >> 5);
  for (int i = 0; i < len; i++, p += 3) out[i] = uint32_t(p[2]) << 16 | uint32_t(p[3]) << 8 | p[4];
  return len;
}

constexpr uint32_t kHangulSBase = 0xAC00, kHangulLBase = 0x1100, kHangulVBase = 0x1161, kHangulTBase = 0x11A7;
constexpr uint32_t kHangulLCount = 19, kHangulVCount = 21, kHangulTCount = 28;
constexpr uint32_t kHangulNCount = kHangulVCount * kHangulTCount, kHangulSCount = kHangulLCount * kHangulNCount;

inline bool is_hangul_syllable(uint32_t cp) { return cp - kHangulSBase < kHangulSCount; }

}  // namespace spindle::ucd
