// Character names: the compressed name tables of unicodedata_db.cpp (see
// build_names in tools/gen_unicodedata_db.py for their layout) and the
// algorithmic names of Hangul syllables and CJK unified ideographs.
#include "modules/unicodedata_names.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "modules/unicodedata_db.h"

namespace spindle {
namespace ucd {
namespace {

const char* const kHangulLeading[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                      "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kHangulVowel[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                    "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kHangulTrailing[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                       "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                       "SS", "NG", "J", "C", "K", "T", "P", "H"};

constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";
constexpr std::string_view kCjkPrefix = "CJK UNIFIED IDEOGRAPH-";
constexpr size_t kMaxTokens = 16;

bool is_cjk_unified(uint32_t cp) {
  for (size_t i = 0; i < kCjkUnifiedRangeCount; i++) {
    if (cp >= kCjkUnifiedRanges[i][0] && cp <= kCjkUnifiedRanges[i][1]) return true;
  }
  return false;
}

void append_hex(std::string* out, uint32_t cp) {
  char buf[16];
  snprintf(buf, sizeof buf, "%04X", cp);
  *out += buf;
}

// Appends lexicon entry `index` (its word; entries share prefixes with the
// previous one) and returns whether a hyphen rather than a space follows it.
bool append_lexicon_word(uint32_t index, std::string* out) {
  const uint8_t* p = kLexicon + kLexiconOffsets[index / kWordsPerOffset];
  char word[kMaxWordLength];
  size_t length = 0;
  bool hyphen = false;
  for (uint32_t k = index % kWordsPerOffset;; k--) {
    uint8_t header = *p++;
    size_t rest = header & 15;
    if (rest == 15) rest = *p++;
    length = ((header >> 4) & 7) + rest;
    std::memcpy(word + length - rest, p, rest);
    p += rest;
    hyphen = (header & 0x80) != 0;
    if (k == 0) break;
  }
  out->append(word, length);
  return hyphen;
}

// Walks the phrasebook name by name from the start of a chunk (each name
// shares leading tokens with the previous one).
class NameReader {
 public:
  explicit NameReader(uint32_t chunk) : pos_(kPhrasebookOffsets[chunk]) {}

  void next() {
    uint8_t header = kPhrasebook[pos_++];
    size_t shared = header >> 4;
    count_ = shared + (header & 15);
    for (size_t i = shared; i < count_; i++) {
      uint32_t token = kPhrasebook[pos_++];
      if (token >= uint32_t(kOneByteTokens)) token = ((token - kOneByteTokens) << 8 | kPhrasebook[pos_++]) + kOneByteTokens;
      tokens_[i] = token;
    }
  }

  void render(uint32_t cp, std::string* out) const {
    for (size_t i = 0; i < count_; i++) {
      bool hyphen = false;
      if (tokens_[i] == 0) append_hex(out, cp);  // entry 0 stands for the code point in hex
      else hyphen = append_lexicon_word(tokens_[i], out);
      if (i + 1 < count_) *out += hyphen ? '-' : ' ';
    }
  }

 private:
  size_t pos_;
  size_t count_ = 0;
  uint32_t tokens_[kMaxTokens];
};

// The position of cp among the code points with a name in the tables, or -1.
int64_t name_index(uint32_t cp) {
  const uint32_t* end = kNameRunStart + kNameRunCount;
  const uint32_t* run = std::upper_bound(kNameRunStart, end, cp) - 1;
  if (run < kNameRunStart) return -1;
  size_t r = size_t(run - kNameRunStart);
  uint32_t index = kNameRunIndex[r] + (cp - *run);
  uint32_t next = r + 1 < kNameRunCount ? kNameRunIndex[r + 1] : kNameCount;
  return index < next ? int64_t(index) : -1;
}

bool table_name(uint32_t cp, std::string* out) {
  int64_t index = name_index(cp);
  if (index < 0) return false;
  NameReader reader(uint32_t(index) / kNamesPerOffset);
  for (int64_t k = index % kNamesPerOffset; k >= 0; k--) reader.next();
  reader.render(cp, out);
  return true;
}

// What a name in the reverse index stands for: a code point, or (offset by
// these bases) an alias or a named sequence.
constexpr uint32_t kAliasBase = 0x110000, kSequenceBase = 0x120000;

uint32_t name_hash(std::string_view name) {
  uint32_t h = 2166136261u;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    h = (h ^ uint8_t(c)) * 16777619u;
  }
  return h;
}

bool same_name(std::string_view query, std::string_view name) {
  if (query.size() != name.size()) return false;
  for (size_t i = 0; i < query.size(); i++) {
    char c = query[i];
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (c != name[i]) return false;
  }
  return true;
}

// Name -> code point, built on first use: hashes of every name, sorted.
struct ReverseIndex {
  std::vector<std::pair<uint32_t, uint32_t>> entries;  // (hash, what)
  std::vector<const char*> alias_names, sequence_names;
  std::vector<const uint32_t*> sequences;              // count, then the code points

  ReverseIndex() {
    entries.reserve(kNameCount + kAliasCount + kNamedSequenceCount);
    std::string name;
    NameReader reader(0);  // names are read in order, chunk after chunk
    uint32_t run = 0;
    for (uint32_t index = 0; index < kNameCount; index++) {
      while (run + 1 < kNameRunCount && kNameRunIndex[run + 1] <= index) run++;
      uint32_t cp = kNameRunStart[run] + (index - kNameRunIndex[run]);
      reader.next();
      name.clear();
      reader.render(cp, &name);
      entries.push_back({name_hash(name), cp});
    }
    const char* p = reinterpret_cast<const char*>(kAliasNames);
    for (size_t i = 0; i < kAliasCount; i++, p += std::strlen(p) + 1) {
      alias_names.push_back(p);
      entries.push_back({name_hash(p), kAliasBase + uint32_t(i)});
    }
    p = reinterpret_cast<const char*>(kNamedSequenceNames);
    const uint32_t* seq = kNamedSequenceData;
    for (size_t i = 0; i < kNamedSequenceCount; i++, p += std::strlen(p) + 1, seq += 1 + *seq) {
      sequence_names.push_back(p);
      sequences.push_back(seq);
      entries.push_back({name_hash(p), kSequenceBase + uint32_t(i)});
    }
    std::sort(entries.begin(), entries.end());
  }
};

const ReverseIndex& reverse_index() {
  static const ReverseIndex index;  // initialised once, thread-safely
  return index;
}

// Hangul syllable names, matched as CPython does: the longest leading
// consonant, then the longest vowel, then the longest trailing consonant.
bool lookup_hangul(std::string_view rest, uint32_t* cp) {
  auto longest = [&rest](const char* const* table, size_t count) -> int {
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < count; i++) {
      size_t len = std::strlen(table[i]);
      if ((best < 0 || len > best_len) && rest.substr(0, len) == table[i]) {
        best = int(i);
        best_len = len;
      }
    }
    if (best >= 0) rest.remove_prefix(best_len);
    return best;
  };
  int l = longest(kHangulLeading, kHangulLCount);
  int v = longest(kHangulVowel, kHangulVCount);
  int t = longest(kHangulTrailing, kHangulTCount);
  if (l < 0 || v < 0 || t < 0 || !rest.empty()) return false;
  *cp = kHangulSBase + (uint32_t(l) * kHangulVCount + uint32_t(v)) * kHangulTCount + uint32_t(t);
  return true;
}

// Four or five upper-case hex digits naming a unified ideograph.
bool lookup_cjk(std::string_view hex, uint32_t* cp) {
  if (hex.size() != 4 && hex.size() != 5) return false;
  uint32_t v = 0;
  for (char c : hex) {
    if (c >= '0' && c <= '9') v = v * 16 + uint32_t(c - '0');
    else if (c >= 'A' && c <= 'F') v = v * 16 + uint32_t(c - 'A' + 10);
    else return false;
  }
  if (!is_cjk_unified(v)) return false;
  *cp = v;
  return true;
}

}  // namespace

size_t lookup_name(std::string_view name, bool ucd_3_2_0, bool with_sequences, uint32_t* out) {
  // The algorithmic names are matched case-sensitively, and in any version.
  if (name.substr(0, kHangulPrefix.size()) == kHangulPrefix)
    return lookup_hangul(name.substr(kHangulPrefix.size()), out) ? 1 : 0;
  if (name.substr(0, kCjkPrefix.size()) == kCjkPrefix) return lookup_cjk(name.substr(kCjkPrefix.size()), out) ? 1 : 0;

  const ReverseIndex& index = reverse_index();
  uint32_t h = name_hash(name);
  auto it = std::lower_bound(index.entries.begin(), index.entries.end(), std::make_pair(h, uint32_t(0)));
  std::string candidate;
  for (; it != index.entries.end() && it->first == h; ++it) {
    uint32_t what = it->second;
    if (what >= kSequenceBase) {
      size_t i = what - kSequenceBase;
      if (ucd_3_2_0 || !with_sequences || !same_name(name, index.sequence_names[i])) continue;
      const uint32_t* seq = index.sequences[i];
      std::copy(seq + 1, seq + 1 + seq[0], out);
      return seq[0];
    }
    if (what >= kAliasBase) {
      size_t i = what - kAliasBase;
      if (ucd_3_2_0 || !same_name(name, index.alias_names[i])) continue;
      *out = kAliasCodePoints[i];
      return 1;
    }
    candidate.clear();
    table_name(what, &candidate);
    if (!same_name(name, candidate) || (ucd_3_2_0 && !assigned_in_3_2_0(what))) continue;
    *out = what;
    return 1;
  }
  return 0;
}

bool char_name(uint32_t cp, bool ucd_3_2_0, std::string* out) {
  if (ucd_3_2_0 && !assigned_in_3_2_0(cp)) return false;
  if (is_hangul_syllable(cp)) {
    uint32_t s = cp - kHangulSBase;
    *out += kHangulPrefix;
    *out += kHangulLeading[s / kHangulNCount];
    *out += kHangulVowel[s % kHangulNCount / kHangulTCount];
    *out += kHangulTrailing[s % kHangulTCount];
    return true;
  }
  if (is_cjk_unified(cp)) {
    *out += kCjkPrefix;
    append_hex(out, cp);
    return true;
  }
  return table_name(cp, out);
}

}  // namespace ucd

bool unicode_lookup_name(std::string_view name, uint32_t* cp) {
  return ucd::lookup_name(name, false, false, cp) == 1;
}

bool unicode_char_name(uint32_t cp, std::string* out) {
  if (cp - ucd::kAliasesStart < ucd::kAliasCount) {
    *out += ucd::reverse_index().alias_names[cp - ucd::kAliasesStart];
    return true;
  }
  if (cp - ucd::kNamedSequencesStart < ucd::kNamedSequenceCount) {
    *out += ucd::reverse_index().sequence_names[cp - ucd::kNamedSequencesStart];
    return true;
  }
  return ucd::char_name(cp, false, out);
}

}  // namespace spindle
