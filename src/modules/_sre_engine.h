// The regular expression engine behind _sre: it runs the code that CPython
// 3.11's re._compiler produces (opcodes of re._constants, MAGIC 20220615).
//
// Matching keeps its backtracking state on explicit stacks (std::vectors of
// plain integers: positions, counts, code offsets), never in native recursion,
// so deep repetitions over long subjects are bounded by memory only. All state
// lives in one call: compiled code is immutable and shared freely by threads.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace spindle::sre {

using Code = uint32_t;
inline constexpr Code kMaxRepeat = 0xFFFFFFFFu;
inline constexpr int64_t kMaxGroups = 0x3FFFFFFF;  // as CPython on 64-bit builds: INT32_MAX / 2
inline constexpr int kMagic = 20220615;

// re._constants.OPCODES, in order.
enum Op : Code {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET, BIGCHARSET,
  GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL,
  NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT,
  POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
  GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE,
  GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE,
  kNumOps
};

// A compiled pattern as the engine sees it.
struct Program {
  const Code* code;
  size_t size;
  int64_t groups;  // capturing groups, not counting group 0
};

// The text being matched: 1, 2 or 4 bytes per character (str kinds; bytes-like objects use 1).
struct Subject {
  const void* data;
  int width;
  int64_t length;
};

// One match or search: positions are character indices.
struct Request {
  int64_t start;       // where matching (or searching) begins; clamped to [0, end]
  int64_t end;         // the subject ends here for the engine (endpos)
  bool match_all;      // fullmatch: the match must reach end
  bool must_advance;   // an empty match at `start` is refused (after an empty match in finditer, sub, split)
};

struct Result {
  int64_t start = 0, end = 0;  // span of group 0
  int64_t lastindex = -1;      // the last group closed, -1 if none
  // spans[2*i], spans[2*i+1]: start and end of group i+1, -1 when it did not take part.
  std::vector<int64_t> spans;
};

// 1: matched (result filled), 0: no match, -1: an exception is pending
// (a signal handler raised, or the code is corrupt).
int match(const Program& program, const Subject& subject, const Request& request, Result* result);
int search(const Program& program, const Subject& subject, const Request& request, Result* result);

// Checks that code is well formed for `groups` groups, so the engine never
// reads outside it. False when it is not.
bool validate(const Program& program);

// Character case helpers shared with the module functions.
uint32_t lower_ascii(uint32_t ch);
uint32_t lower_unicode(uint32_t ch);
uint32_t upper_unicode(uint32_t ch);
bool ascii_iscased(uint32_t ch);
bool unicode_iscased(uint32_t ch);

}  // namespace spindle::sre
