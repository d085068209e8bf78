// The _sre matching engine (see _sre_engine.h).
//
// The matcher is a loop over the code with an explicit stack of frames. An
// operation that must try a sub-pattern and then resume (an alternative of a
// BRANCH, one more iteration of a REPEAT, the tail after a REPEAT_ONE, an
// assertion body) pushes a frame that records where to resume and jumps into
// the sub-pattern; SUCCESS or failure pops the frame and continues at the
// recorded resume point with the outcome. A successful sub-pattern has already
// matched the whole rest of the pattern (the tail runs inside it), so success
// unwinds straight to the top, and failure backtracks one resume point at a
// time. Group marks are saved on a separate stack of integers exactly where
// CPython's engine saves them, so group values after backtracking agree.
#include "modules/_sre_engine.h"

#include <cctype>

#include "objects/exception.h"
#include "objects/unicode_db.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle::sre {

namespace {

enum At : Code {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END, AT_END_LINE,
  AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY, kNumAt
};

enum Category : Code {
  CATEGORY_DIGIT, CATEGORY_NOT_DIGIT, CATEGORY_SPACE, CATEGORY_NOT_SPACE, CATEGORY_WORD, CATEGORY_NOT_WORD,
  CATEGORY_LINEBREAK, CATEGORY_NOT_LINEBREAK, CATEGORY_LOC_WORD, CATEGORY_LOC_NOT_WORD, CATEGORY_UNI_DIGIT,
  CATEGORY_UNI_NOT_DIGIT, CATEGORY_UNI_SPACE, CATEGORY_UNI_NOT_SPACE, CATEGORY_UNI_WORD, CATEGORY_UNI_NOT_WORD,
  CATEGORY_UNI_LINEBREAK, CATEGORY_UNI_NOT_LINEBREAK, kNumCategories
};

constexpr Code kInfoPrefix = 1, kInfoLiteral = 2, kInfoCharset = 4;

// ---- character classes ----

bool is_ascii_digit(uint32_t ch) { return ch - '0' < 10; }
bool is_ascii_space(uint32_t ch) { return ch == ' ' || (ch >= 9 && ch <= 13); }
bool is_ascii_word(uint32_t ch) {
  return ch < 128 && (is_ascii_digit(ch) || ((ch | 0x20) - 'a' < 26) || ch == '_');
}
bool is_linebreak(uint32_t ch) { return ch == '\n'; }
// LOCALE categories consult the C library's classification for the current LC_CTYPE, as CPython does.
bool is_locale_word(uint32_t ch) { return ch < 256 && (std::isalnum(int(ch)) || ch == '_'); }
uint32_t lower_locale(uint32_t ch) { return ch < 256 ? uint32_t(std::tolower(int(ch))) : ch; }
uint32_t upper_locale(uint32_t ch) { return ch < 256 ? uint32_t(std::toupper(int(ch))) : ch; }
bool is_unicode_word(uint32_t ch) {
  using namespace unicode;
  if (ch < 128) return is_ascii_word(ch);
  return has(ch, kAlpha | kDecimal | kDigit | kNumeric);
}
bool is_unicode_digit(uint32_t ch) { return unicode::decimal_value(ch) >= 0; }

bool in_category(Code category, uint32_t ch) {
  switch (category) {
    case CATEGORY_DIGIT: return is_ascii_digit(ch);
    case CATEGORY_NOT_DIGIT: return !is_ascii_digit(ch);
    case CATEGORY_SPACE: return is_ascii_space(ch);
    case CATEGORY_NOT_SPACE: return !is_ascii_space(ch);
    case CATEGORY_WORD: return is_ascii_word(ch);
    case CATEGORY_NOT_WORD: return !is_ascii_word(ch);
    case CATEGORY_LINEBREAK: return is_linebreak(ch);
    case CATEGORY_NOT_LINEBREAK: return !is_linebreak(ch);
    case CATEGORY_LOC_WORD: return is_locale_word(ch);
    case CATEGORY_LOC_NOT_WORD: return !is_locale_word(ch);
    case CATEGORY_UNI_DIGIT: return is_unicode_digit(ch);
    case CATEGORY_UNI_NOT_DIGIT: return !is_unicode_digit(ch);
    case CATEGORY_UNI_SPACE: return unicode::is_space(ch);
    case CATEGORY_UNI_NOT_SPACE: return !unicode::is_space(ch);
    case CATEGORY_UNI_WORD: return is_unicode_word(ch);
    case CATEGORY_UNI_NOT_WORD: return !is_unicode_word(ch);
    case CATEGORY_UNI_LINEBREAK: return unicode::is_linebreak(ch);
    case CATEGORY_UNI_NOT_LINEBREAK: return !unicode::is_linebreak(ch);
    default: return false;
  }
}

// A set (the operand of IN): a list of items ending with FAILURE.
bool in_charset(const Code* set, uint32_t ch) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
      case FAILURE:
        return !ok;
      case LITERAL:
        if (ch == set[0]) return ok;
        set++;
        break;
      case CATEGORY:
        if (in_category(set[0], ch)) return ok;
        set++;
        break;
      case CHARSET:
        if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
        set += 8;
        break;
      case RANGE:
        if (set[0] <= ch && ch <= set[1]) return ok;
        set += 2;
        break;
      case RANGE_UNI_IGNORE: {
        if (set[0] <= ch && ch <= set[1]) return ok;
        uint32_t upper = upper_unicode(ch);
        if (set[0] <= upper && upper <= set[1]) return ok;
        set += 2;
        break;
      }
      case NEGATE:
        ok = !ok;
        break;
      case BIGCHARSET: {
        // <count> <256 block numbers, one byte each> <count blocks of 256 bits>
        Code blocks = *set++;
        int block = ch < 0x10000 ? reinterpret_cast<const uint8_t*>(set)[ch >> 8] : -1;
        set += 64;
        if (block >= 0 && (set[(uint32_t(block) * 256 + (ch & 255)) >> 5] & (1u << (ch & 31)))) return ok;
        set += blocks * 8;
        break;
      }
      default:
        return false;
    }
  }
}

bool in_charset_locale_ignore(const Code* set, uint32_t ch) {
  uint32_t lower = lower_locale(ch);
  if (in_charset(set, lower)) return true;
  uint32_t upper = upper_locale(ch);
  return upper != lower && in_charset(set, upper);
}

bool literal_locale_ignore(Code pattern, uint32_t ch) {
  return ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern;
}

// The operations that consume exactly one character (items of REPEAT_ONE and friends).
bool is_unit_op(Code op) {
  switch (op) {
    case ANY: case ANY_ALL: case CATEGORY: case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE:
    case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
    case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
      return true;
    default:
      return false;
  }
}

// Code words taken by a unit operation, opcode included.
uint32_t unit_width(const Code* item) {
  switch (item[0]) {
    case ANY: case ANY_ALL: return 1;
    case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE: return 1 + item[1];
    default: return 2;
  }
}

bool unit_matches(const Code* item, uint32_t ch) {
  switch (item[0]) {
    case ANY: return !is_linebreak(ch);
    case ANY_ALL: return true;
    case CATEGORY: return in_category(item[1], ch);
    case LITERAL: return ch == item[1];
    case NOT_LITERAL: return ch != item[1];
    case LITERAL_IGNORE: return lower_ascii(ch) == item[1];
    case NOT_LITERAL_IGNORE: return lower_ascii(ch) != item[1];
    case LITERAL_UNI_IGNORE: return lower_unicode(ch) == item[1];
    case NOT_LITERAL_UNI_IGNORE: return lower_unicode(ch) != item[1];
    case LITERAL_LOC_IGNORE: return literal_locale_ignore(item[1], ch);
    case NOT_LITERAL_LOC_IGNORE: return !literal_locale_ignore(item[1], ch);
    case IN: return in_charset(item + 2, ch);
    case IN_IGNORE: return in_charset(item + 2, lower_ascii(ch));
    case IN_UNI_IGNORE: return in_charset(item + 2, lower_unicode(ch));
    case IN_LOC_IGNORE: return in_charset_locale_ignore(item + 2, ch);
    default: return false;
  }
}

// ---- the matcher ----

// Where a finished sub-pattern returns to in the frame below it.
enum Resume : uint8_t {
  kResumeNone, kResumeMaxUntil1, kResumeMaxUntil2, kResumeMaxUntil3, kResumeMinUntil1, kResumeMinUntil2,
  kResumeMinUntil3, kResumeRepeat, kResumeRepeatOne1, kResumeRepeatOne2, kResumeMinRepeatOne, kResumeBranch,
  kResumeAssert, kResumeAssertNot, kResumePossRepeat1, kResumePossRepeat2, kResumeAtomicGroup,
};

struct Frame {
  int64_t ptr;        // position to resume at
  int64_t count;      // repetitions so far (REPEAT_ONE family, UNTIL, POSSESSIVE_REPEAT)
  uint32_t pc;        // code offset to resume at
  int32_t lastmark;   // saved state->lastmark / lastindex (LASTMARK_SAVE)
  int32_t lastindex;
  uint32_t aux;       // the repeat context (UNTIL, REPEAT) or the tail's literal (REPEAT_ONE)
  uint8_t resume;     // where the frame below continues when this one finishes
  bool toplevel;      // SUCCESS here ends the whole match (match_all / must_advance apply)
};

// The context of one REPEAT ... MAX_UNTIL/MIN_UNTIL loop.
struct Repeat {
  int64_t count;
  int64_t last_ptr;   // where the last iteration started (-1: none): stops empty iterations
  uint32_t pc;        // offset of the REPEAT's operands
  int32_t prev;       // enclosing repeat, -1 if none
};

// The stacks of one match call. Each thread keeps one for reuse, so a search
// that tries many positions, or findall's many searches, allocate nothing.
struct Workspace {
  std::vector<int64_t> marks;
  std::vector<Frame> frames;
  std::vector<int64_t> data;     // saved marks and last_ptr values
  std::vector<Repeat> repeats;
  bool in_use = false;
};

// Lends the calling thread's workspace, or a fresh one when it is already
// lent (a signal handler run during a match may match again).
class WorkspaceLease {
 public:
  WorkspaceLease() {
    static thread_local Workspace cached;
    ws_ = cached.in_use ? &own_ : &cached;
    ws_->in_use = true;
  }
  ~WorkspaceLease() {
    ws_->in_use = false;
    // Do not keep the memory of an exceptionally deep match forever.
    constexpr size_t kKeep = 1 << 16;
    if (ws_->frames.capacity() > kKeep) std::vector<Frame>().swap(ws_->frames);
    if (ws_->data.capacity() > kKeep) std::vector<int64_t>().swap(ws_->data);
    if (ws_->repeats.capacity() > kKeep) std::vector<Repeat>().swap(ws_->repeats);
  }
  WorkspaceLease(const WorkspaceLease&) = delete;
  WorkspaceLease& operator=(const WorkspaceLease&) = delete;
  Workspace& get() { return *ws_; }

 private:
  Workspace* ws_;
  Workspace own_;
};

template <class C>
class Matcher {
 public:
  Matcher(const Program& program, const C* text, const Request& request, Workspace& ws)
      : code_(program.code), text_(text), end_(request.end), match_all_(request.match_all), marks_(ws.marks),
        frames_(ws.frames), data_(ws.data), repeats_(ws.repeats) {
    marks_.assign(size_t(program.groups) * 2, -1);
  }

  // Tries the pattern at `start` only. 1 matched, 0 not, -1 error.
  int run(int64_t start, bool toplevel, bool must_advance);
  void reset_groups() { lastmark_ = lastindex_ = -1; }
  void fill(Result* result, int64_t start) const;
  int64_t end_pos() const { return state_ptr_; }

 private:
  int64_t count(uint32_t item_pc, int64_t ptr, Code max_count) const;
  bool at(int64_t ptr, Code where) const;
  bool word_boundary(int64_t ptr, bool (*is_word)(uint32_t)) const;

  void push_marks(int32_t lastmark) {
    for (int32_t i = 0; i <= lastmark; i++) data_.push_back(marks_[size_t(i)]);
  }
  // Restores the marks saved by push_marks; `discard` also drops them from the stack.
  void pop_marks(int32_t lastmark, bool restore, bool discard) {
    if (lastmark < 0) return;
    size_t base = data_.size() - size_t(lastmark + 1);
    if (restore)
      for (int32_t i = 0; i <= lastmark; i++) marks_[size_t(i)] = data_[base + size_t(i)];
    if (discard) data_.resize(base);
  }

  const Code* code_;
  const C* text_;
  int64_t end_;
  bool match_all_;
  bool must_advance_ = false;
  int64_t start_ = 0;        // where the current attempt began
  int64_t state_ptr_ = 0;    // the position handed between frames
  std::vector<int64_t>& marks_;
  int32_t lastmark_ = -1, lastindex_ = -1;
  std::vector<Frame>& frames_;
  std::vector<int64_t>& data_;
  std::vector<Repeat>& repeats_;
  int32_t repeat_ = -1;           // the innermost active repeat
  uint32_t steps_ = 0;
};

template <class C>
bool Matcher<C>::word_boundary(int64_t ptr, bool (*is_word)(uint32_t)) const {
  bool before = ptr > 0 && is_word(text_[ptr - 1]);
  bool after = ptr < end_ && is_word(text_[ptr]);
  return before != after;
}

template <class C>
bool Matcher<C>::at(int64_t ptr, Code where) const {
  switch (where) {
    case AT_BEGINNING:
    case AT_BEGINNING_STRING: return ptr == 0;
    case AT_BEGINNING_LINE: return ptr == 0 || is_linebreak(text_[ptr - 1]);
    case AT_END: return ptr == end_ || (end_ - ptr == 1 && is_linebreak(text_[ptr]));
    case AT_END_LINE: return ptr == end_ || is_linebreak(text_[ptr]);
    case AT_END_STRING: return ptr == end_;
    case AT_BOUNDARY: return end_ > 0 && word_boundary(ptr, is_ascii_word);
    case AT_NON_BOUNDARY: return end_ > 0 && !word_boundary(ptr, is_ascii_word);
    case AT_LOC_BOUNDARY: return end_ > 0 && word_boundary(ptr, is_locale_word);
    case AT_LOC_NON_BOUNDARY: return end_ > 0 && !word_boundary(ptr, is_locale_word);
    case AT_UNI_BOUNDARY: return end_ > 0 && word_boundary(ptr, is_unicode_word);
    case AT_UNI_NON_BOUNDARY: return end_ > 0 && !word_boundary(ptr, is_unicode_word);
    default: return false;
  }
}

// How many times (up to max_count) the unit at item_pc matches from ptr on.
template <class C>
int64_t Matcher<C>::count(uint32_t item_pc, int64_t ptr, Code max_count) const {
  const Code* item = code_ + item_pc;
  int64_t limit = end_;
  if (max_count != kMaxRepeat && int64_t(max_count) < end_ - ptr) limit = ptr + max_count;
  int64_t p = ptr;
  switch (item[0]) {
    case ANY_ALL:
      return limit - ptr;
    case ANY:
      while (p < limit && !is_linebreak(text_[p])) p++;
      break;
    case LITERAL: {
      Code c = item[1];
      while (p < limit && text_[p] == c) p++;
      break;
    }
    case NOT_LITERAL: {
      Code c = item[1];
      while (p < limit && text_[p] != c) p++;
      break;
    }
    case IN:
      while (p < limit && in_charset(item + 2, text_[p])) p++;
      break;
    default:
      while (p < limit && unit_matches(item, text_[p])) p++;
      break;
  }
  return p - ptr;
}

template <class C>
void Matcher<C>::fill(Result* result, int64_t start) const {
  result->start = start;
  result->end = state_ptr_;
  result->lastindex = lastindex_;
  size_t n = marks_.size();
  result->spans.assign(n, -1);
  for (size_t j = 0; j + 1 < n; j += 2) {
    if (int64_t(j + 1) <= lastmark_ && marks_[j] >= 0 && marks_[j + 1] >= 0) {
      result->spans[j] = marks_[j];
      result->spans[j + 1] = marks_[j + 1];
    }
  }
}

// The error for code that validate() let through but the engine cannot run.
int corrupt_code() {
  raise(&exc::RuntimeError, "internal error in regular expression engine");
  return -1;
}

template <class C>
int Matcher<C>::run(int64_t start, bool toplevel, bool must_advance) {
  const Code* const code = code_;
  const C* const text = text_;
  const int64_t end = end_;
  uint32_t pc = 0;
  int64_t ptr, n;
  int ret = 0;
  uint8_t resume;

  start_ = start;
  must_advance_ = must_advance;
  state_ptr_ = start;
  frames_.clear();
  data_.clear();
  repeats_.clear();
  repeat_ = -1;
  frames_.push_back(Frame{0, 0, 0, -1, -1, 0, kResumeNone, toplevel});

#define F frames_.back()
#define REP repeats_[F.aux]
#define MIN_OF(rep_pc) int64_t(code[(rep_pc) + 1])
#define MAX_OF(rep_pc) code[(rep_pc) + 2]
#define LASTMARK_SAVE() (F.lastmark = lastmark_, F.lastindex = lastindex_)
#define LASTMARK_RESTORE() (lastmark_ = F.lastmark, lastindex_ = F.lastindex)
  // Runs the sub-pattern at `target` from state_ptr_, then continues at `label` with ret set.
#define DO_JUMP(kind, target, top, label)                                  \
  do {                                                                     \
    uint32_t target_pc = (target);                                         \
    bool target_toplevel = (top);                                          \
    F.pc = pc;                                                             \
    F.ptr = ptr;                                                           \
    frames_.push_back(Frame{0, 0, 0, -1, -1, 0, kind, target_toplevel});   \
    pc = target_pc;                                                        \
    goto entrance;                                                         \
  } while (0);                                                             \
  label:

entrance:
  ptr = state_ptr_;
  if (code[pc] == INFO) {
    // <INFO> <skip> <flags> <min> ...: too little text left for the shortest match
    if (code[pc + 3] && end - ptr < int64_t(code[pc + 3])) goto fail;
    pc += code[pc + 1] + 1;
  }

dispatch:
  if ((++steps_ & 0xFFF) == 0 && ts()->pending.load(std::memory_order_acquire) && !handle_pending()) return -1;
  switch (code[pc++]) {
    case MARK: {
      Code i = code[pc];
      if (i & 1) lastindex_ = int32_t(i / 2 + 1);
      if (int64_t(i) > lastmark_) {
        // Marks between the old and the new highest one were not reached.
        for (int32_t j = lastmark_ + 1; j < int32_t(i); j++) marks_[size_t(j)] = -1;
        lastmark_ = int32_t(i);
      }
      marks_[i] = ptr;
      pc++;
      goto dispatch;
    }

    case LITERAL:
      if (ptr >= end || text[ptr] != code[pc]) goto fail;
      pc++;
      ptr++;
      goto dispatch;

    case NOT_LITERAL:
      if (ptr >= end || text[ptr] == code[pc]) goto fail;
      pc++;
      ptr++;
      goto dispatch;

    case ANY: case ANY_ALL: case CATEGORY: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE:
    case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE:
    case IN_UNI_IGNORE: case IN_LOC_IGNORE:
      if (ptr >= end || !unit_matches(code + pc - 1, text[ptr])) goto fail;
      pc += unit_width(code + pc - 1) - 1;
      ptr++;
      goto dispatch;

    case SUCCESS:
      if (F.toplevel && ((match_all_ && ptr != end) || (must_advance_ && ptr == start_))) goto fail;
      state_ptr_ = ptr;
      goto succeed;

    case FAILURE:
      goto fail;

    case AT:
      if (!at(ptr, code[pc])) goto fail;
      pc++;
      goto dispatch;

    case JUMP:
    case INFO:
      pc += code[pc];
      goto dispatch;

    case BRANCH:
      // <BRANCH> <skip> alternative <JUMP> ... <skip> alternative <JUMP> <0>
      LASTMARK_SAVE();
      if (repeat_ >= 0) push_marks(F.lastmark);
    branch_next:
      for (; code[pc]; pc += code[pc]) {
        // Skip alternatives whose first character cannot match.
        if (code[pc + 1] == LITERAL && (ptr >= end || text[ptr] != code[pc + 2])) continue;
        if (code[pc + 1] == IN && (ptr >= end || !in_charset(code + pc + 3, text[ptr]))) continue;
        state_ptr_ = ptr;
        DO_JUMP(kResumeBranch, pc + 1, F.toplevel, resume_branch);
        if (ret) {
          if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
          goto succeed;
        }
        if (repeat_ >= 0) pop_marks(F.lastmark, true, false);
        LASTMARK_RESTORE();
        pc += code[pc];
        goto branch_next;
      }
      if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
      goto fail;

    case REPEAT_ONE:
      // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, one character per item
      if (MIN_OF(pc) > end - ptr) goto fail;
      n = count(pc + 3, ptr, MAX_OF(pc));
      F.count = n;
      ptr += n;
      if (n < MIN_OF(pc)) goto fail;
      if (code[pc + code[pc]] == SUCCESS && ptr == end && !(F.toplevel && must_advance_ && ptr == start_)) {
        state_ptr_ = ptr;
        goto succeed;
      }
      LASTMARK_SAVE();
      if (repeat_ >= 0) push_marks(F.lastmark);
      if (code[pc + code[pc]] == LITERAL) {
        // Only positions where the tail's first literal follows can match.
        F.aux = code[pc + code[pc] + 1];
        for (;;) {
          while (F.count >= MIN_OF(pc) && (ptr >= end || text[ptr] != F.aux)) {
            ptr--;
            F.count--;
          }
          if (F.count < MIN_OF(pc)) break;
          state_ptr_ = ptr;
          DO_JUMP(kResumeRepeatOne1, pc + code[pc], F.toplevel, resume_repeat_one_1);
          if (ret) {
            if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
            goto succeed;
          }
          if (repeat_ >= 0) pop_marks(F.lastmark, true, false);
          LASTMARK_RESTORE();
          ptr--;
          F.count--;
        }
      } else {
        while (F.count >= MIN_OF(pc)) {
          state_ptr_ = ptr;
          DO_JUMP(kResumeRepeatOne2, pc + code[pc], F.toplevel, resume_repeat_one_2);
          if (ret) {
            if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
            goto succeed;
          }
          if (repeat_ >= 0) pop_marks(F.lastmark, true, false);
          LASTMARK_RESTORE();
          ptr--;
          F.count--;
        }
      }
      if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
      goto fail;

    case MIN_REPEAT_ONE:
      // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy, one character per item
      if (MIN_OF(pc) > end - ptr) goto fail;
      if (MIN_OF(pc) == 0) {
        F.count = 0;
      } else {
        n = count(pc + 3, ptr, code[pc + 1]);
        if (n < MIN_OF(pc)) goto fail;
        F.count = n;
        ptr += n;
      }
      if (code[pc + code[pc]] == SUCCESS &&
          !(F.toplevel && ((match_all_ && ptr != end) || (must_advance_ && ptr == start_)))) {
        state_ptr_ = ptr;
        goto succeed;
      }
      LASTMARK_SAVE();
      if (repeat_ >= 0) push_marks(F.lastmark);
      while (MAX_OF(pc) == kMaxRepeat || F.count <= int64_t(MAX_OF(pc))) {
        state_ptr_ = ptr;
        DO_JUMP(kResumeMinRepeatOne, pc + code[pc], F.toplevel, resume_min_repeat_one);
        if (ret) {
          if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
          goto succeed;
        }
        if (repeat_ >= 0) pop_marks(F.lastmark, true, false);
        LASTMARK_RESTORE();
        if (count(pc + 3, ptr, 1) == 0) break;
        ptr++;
        F.count++;
      }
      if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
      goto fail;

    case POSSESSIVE_REPEAT_ONE:
      // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, never gives back
      if (MIN_OF(pc) > end - ptr) goto fail;
      n = count(pc + 3, ptr, MAX_OF(pc));
      if (n < MIN_OF(pc)) goto fail;
      ptr += n;
      pc += code[pc];
      goto dispatch;

    case REPEAT:
      // <REPEAT> <skip> <min> <max> item <MAX_UNTIL or MIN_UNTIL> tail: the UNTIL does the work
      repeats_.push_back(Repeat{-1, -1, pc, repeat_});
      F.aux = uint32_t(repeats_.size() - 1);
      repeat_ = int32_t(F.aux);
      state_ptr_ = ptr;
      DO_JUMP(kResumeRepeat, pc + code[pc], F.toplevel, resume_repeat);
      repeat_ = REP.prev;
      repeats_.pop_back();
      if (ret) goto succeed;
      goto fail;

    case MAX_UNTIL:
      if (repeat_ < 0) return corrupt_code();
      F.aux = uint32_t(repeat_);
      state_ptr_ = ptr;
      F.count = REP.count + 1;
      if (F.count < MIN_OF(REP.pc)) {
        // Not enough iterations yet.
        REP.count = F.count;
        DO_JUMP(kResumeMaxUntil1, REP.pc + 3, F.toplevel, resume_max_until_1);
        if (ret) goto succeed;
        REP.count = F.count - 1;
        state_ptr_ = ptr;
        goto fail;
      }
      if ((F.count < int64_t(MAX_OF(REP.pc)) || MAX_OF(REP.pc) == kMaxRepeat) && state_ptr_ != REP.last_ptr) {
        // Enough iterations, but take one more if it matches.
        REP.count = F.count;
        LASTMARK_SAVE();
        push_marks(F.lastmark);
        data_.push_back(REP.last_ptr);
        REP.last_ptr = state_ptr_;
        DO_JUMP(kResumeMaxUntil2, REP.pc + 3, F.toplevel, resume_max_until_2);
        REP.last_ptr = data_.back();
        data_.pop_back();
        if (ret) {
          pop_marks(F.lastmark, false, true);
          goto succeed;
        }
        pop_marks(F.lastmark, true, true);
        LASTMARK_RESTORE();
        REP.count = F.count - 1;
        state_ptr_ = ptr;
      }
      // No more iterations here: the tail must match.
      repeat_ = REP.prev;
      DO_JUMP(kResumeMaxUntil3, pc, F.toplevel, resume_max_until_3);
      repeat_ = int32_t(F.aux);
      if (ret) goto succeed;
      state_ptr_ = ptr;
      goto fail;

    case MIN_UNTIL:
      if (repeat_ < 0) return corrupt_code();
      F.aux = uint32_t(repeat_);
      state_ptr_ = ptr;
      F.count = REP.count + 1;
      if (F.count < MIN_OF(REP.pc)) {
        REP.count = F.count;
        DO_JUMP(kResumeMinUntil1, REP.pc + 3, F.toplevel, resume_min_until_1);
        if (ret) goto succeed;
        REP.count = F.count - 1;
        state_ptr_ = ptr;
        goto fail;
      }
      // Try the tail first.
      repeat_ = REP.prev;
      LASTMARK_SAVE();
      if (repeat_ >= 0) push_marks(F.lastmark);
      DO_JUMP(kResumeMinUntil2, pc, F.toplevel, resume_min_until_2);
      {
        bool tail_in_repeat = repeat_ >= 0;
        repeat_ = int32_t(F.aux);
        if (ret) {
          if (tail_in_repeat) pop_marks(F.lastmark, false, true);
          goto succeed;
        }
        if (tail_in_repeat) pop_marks(F.lastmark, true, true);
      }
      LASTMARK_RESTORE();
      state_ptr_ = ptr;
      if ((F.count >= int64_t(MAX_OF(REP.pc)) && MAX_OF(REP.pc) != kMaxRepeat) || state_ptr_ == REP.last_ptr)
        goto fail;
      // Then one more iteration.
      REP.count = F.count;
      data_.push_back(REP.last_ptr);
      REP.last_ptr = state_ptr_;
      DO_JUMP(kResumeMinUntil3, REP.pc + 3, F.toplevel, resume_min_until_3);
      REP.last_ptr = data_.back();
      data_.pop_back();
      if (ret) goto succeed;
      REP.count = F.count - 1;
      state_ptr_ = ptr;
      goto fail;

    case POSSESSIVE_REPEAT:
      // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
      state_ptr_ = ptr;
      F.count = 0;
      while (F.count < MIN_OF(pc)) {
        DO_JUMP(kResumePossRepeat1, pc + 3, false, resume_poss_repeat_1);
        if (!ret) {
          state_ptr_ = ptr;
          goto fail;
        }
        F.count++;
      }
      // ptr now holds where the last iteration began (-1 before the first), to stop empty iterations.
      ptr = -1;
      while ((F.count < int64_t(MAX_OF(pc)) || MAX_OF(pc) == kMaxRepeat) && state_ptr_ != ptr) {
        LASTMARK_SAVE();
        push_marks(F.lastmark);
        ptr = state_ptr_;
        DO_JUMP(kResumePossRepeat2, pc + 3, false, resume_poss_repeat_2);
        if (ret) {
          pop_marks(F.lastmark, false, true);
          F.count++;
        } else {
          pop_marks(F.lastmark, true, true);
          LASTMARK_RESTORE();
          state_ptr_ = ptr;
          break;
        }
      }
      pc += code[pc] + 1;
      ptr = state_ptr_;
      goto dispatch;

    case ATOMIC_GROUP:
      // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
      state_ptr_ = ptr;
      DO_JUMP(kResumeAtomicGroup, pc + 1, false, resume_atomic_group);
      if (!ret) {
        state_ptr_ = ptr;
        goto fail;
      }
      pc += code[pc];
      ptr = state_ptr_;
      goto dispatch;

    case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
      Code op = code[pc - 1];
      int64_t g = int64_t(code[pc]) * 2;
      if (g >= lastmark_) goto fail;
      int64_t p = marks_[size_t(g)], e = marks_[size_t(g + 1)];
      if (p < 0 || e < 0 || e < p) goto fail;
      if (end - ptr < e - p) goto fail;
      for (; p < e; p++, ptr++) {
        uint32_t a = text[ptr], b = text[p];
        bool same = op == GROUPREF              ? a == b
                    : op == GROUPREF_IGNORE     ? lower_ascii(a) == lower_ascii(b)
                    : op == GROUPREF_UNI_IGNORE ? lower_unicode(a) == lower_unicode(b)
                                                : lower_locale(a) == lower_locale(b);
        if (!same) goto fail;
      }
      pc++;
      goto dispatch;
    }

    case GROUPREF_EXISTS: {
      // <GROUPREF_EXISTS> <group> <skip> yes-code [<JUMP> <skip> no-code]
      int64_t g = int64_t(code[pc]) * 2;
      bool matched = g < lastmark_ && marks_[size_t(g)] >= 0 && marks_[size_t(g + 1)] >= 0 &&
                     marks_[size_t(g)] <= marks_[size_t(g + 1)];
      pc += matched ? 2 : code[pc + 1];
      goto dispatch;
    }

    case ASSERT:
      // <ASSERT> <skip> <back> pattern <SUCCESS>
      if (ptr < int64_t(code[pc + 1])) goto fail;
      state_ptr_ = ptr - code[pc + 1];
      DO_JUMP(kResumeAssert, pc + 2, false, resume_assert);
      if (!ret) goto fail;
      pc += code[pc];
      goto dispatch;

    case ASSERT_NOT:
      if (ptr >= int64_t(code[pc + 1])) {
        state_ptr_ = ptr - code[pc + 1];
        LASTMARK_SAVE();
        if (repeat_ >= 0) push_marks(F.lastmark);
        DO_JUMP(kResumeAssertNot, pc + 2, false, resume_assert_not);
        if (ret) {
          if (repeat_ >= 0) pop_marks(F.lastmark, false, true);
          goto fail;
        }
        if (repeat_ >= 0) pop_marks(F.lastmark, true, true);
        LASTMARK_RESTORE();
      }
      pc += code[pc];
      goto dispatch;

    default:
      return corrupt_code();
  }

succeed:
  ret = 1;
  goto finish_frame;
fail:
  ret = 0;
finish_frame:
  resume = F.resume;
  frames_.pop_back();
  if (frames_.empty()) return ret;
  pc = F.pc;
  ptr = F.ptr;
  switch (resume) {
    case kResumeMaxUntil1: goto resume_max_until_1;
    case kResumeMaxUntil2: goto resume_max_until_2;
    case kResumeMaxUntil3: goto resume_max_until_3;
    case kResumeMinUntil1: goto resume_min_until_1;
    case kResumeMinUntil2: goto resume_min_until_2;
    case kResumeMinUntil3: goto resume_min_until_3;
    case kResumeRepeat: goto resume_repeat;
    case kResumeRepeatOne1: goto resume_repeat_one_1;
    case kResumeRepeatOne2: goto resume_repeat_one_2;
    case kResumeMinRepeatOne: goto resume_min_repeat_one;
    case kResumeBranch: goto resume_branch;
    case kResumeAssert: goto resume_assert;
    case kResumeAssertNot: goto resume_assert_not;
    case kResumePossRepeat1: goto resume_poss_repeat_1;
    case kResumePossRepeat2: goto resume_poss_repeat_2;
    case kResumeAtomicGroup: goto resume_atomic_group;
    default: return corrupt_code();
  }
#undef F
#undef REP
#undef MIN_OF
#undef MAX_OF
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef DO_JUMP
}

// ---- search ----

template <class C>
int search_in(const Program& program, const C* text, const Request& request, Result* result) {
  const Code* code = program.code;
  int64_t ptr = request.start, end = request.end;
  if (ptr > end) return 0;
  WorkspaceLease lease;
  Matcher<C> m(program, text, request, lease.get());

  uint32_t body = 0;
  int64_t prefix_len = 0;
  const Code* prefix = nullptr;
  bool literal = false;  // the prefix is the whole pattern (and it has no groups)
  const Code* charset = nullptr;
  int64_t last_start = end;  // no match can begin later than this
  if (code[0] == INFO) {
    // <INFO> <skip> <flags> <min> <max> [<prefix length> <prefix skip> prefix overlap | charset]
    Code flags = code[2], min = code[3];
    if (min && end - ptr < int64_t(min)) return 0;
    if (min > 1) last_start = std::max(ptr, end - int64_t(min - 1));
    if (flags & kInfoPrefix) {
      prefix_len = code[5];
      prefix = code + 7;
      literal = flags & kInfoLiteral;
    } else if (flags & kInfoCharset) {
      charset = code + 5;
    }
    body = 1 + code[1];
  }
  // A pattern anchored at the beginning can only match at the first position tried.
  bool anchored = code[body] == AT && (code[body + 1] == AT_BEGINNING || code[body + 1] == AT_BEGINNING_STRING);
  // A pattern that starts with one character test (INFO gives no set for case-insensitive ones) is only tried
  // where that test passes.
  const Code* first_unit = !prefix_len && !charset && is_unit_op(code[body]) ? code + body : nullptr;

  for (bool first = true;; first = false, ptr++) {
    if (prefix_len) {
      // Skip to the next place the literal prefix occurs.
      for (;; ptr++) {
        if (end - ptr < prefix_len) return 0;
        int64_t i = 0;
        while (i < prefix_len && text[ptr + i] == prefix[i]) i++;
        if (i == prefix_len) break;
      }
      if (literal) {
        result->start = ptr;
        result->end = ptr + prefix_len;
        result->lastindex = -1;
        result->spans.assign(size_t(program.groups) * 2, -1);
        return 1;
      }
    } else if (charset) {
      while (ptr < end && !in_charset(charset, text[ptr])) ptr++;
      if (ptr >= end) return 0;
    } else if (first_unit) {
      while (ptr < end && !unit_matches(first_unit, text[ptr])) ptr++;
      if (ptr >= end) return 0;
    } else if (ptr > last_start) {
      return 0;
    }
    m.reset_groups();
    int status = m.run(ptr, true, first && request.must_advance);
    if (status != 0) {
      if (status > 0) m.fill(result, ptr);
      return status;
    }
    if (anchored || ptr >= end) return 0;
  }
}

template <class C>
int match_in(const Program& program, const C* text, const Request& request, Result* result) {
  if (request.start > request.end) return 0;
  WorkspaceLease lease;
  Matcher<C> m(program, text, request, lease.get());
  int status = m.run(request.start, true, request.must_advance);
  if (status > 0) m.fill(result, request.start);
  return status;
}

// ---- validation ----

class Validator {
 public:
  explicit Validator(const Program& p) : c_(p.code), n_(uint32_t(p.size)), groups_(p.groups) {}

  bool program() {
    if (n_ == 0 || c_[n_ - 1] != SUCCESS) return false;
    return block(0, n_ - 1, 0);
  }

 private:
  // The items of a set from p, ending with FAILURE exactly at end - 1.
  bool charset(uint32_t p, uint32_t end) const {
    while (p < end) {
      switch (c_[p++]) {
        case FAILURE:
          return p == end;
        case LITERAL:
          p += 1;
          break;
        case CATEGORY:
          if (p >= end || c_[p] >= kNumCategories) return false;
          p += 1;
          break;
        case RANGE: case RANGE_UNI_IGNORE:
          if (p + 2 > end || c_[p] > c_[p + 1]) return false;
          p += 2;
          break;
        case CHARSET:
          p += 8;
          break;
        case NEGATE:
          break;
        case BIGCHARSET: {
          if (p >= end) return false;
          uint64_t blocks = c_[p++];
          if (uint64_t(p) + 64 > end) return false;
          const uint8_t* index = reinterpret_cast<const uint8_t*>(c_ + p);
          for (int i = 0; i < 256; i++)
            if (index[i] >= blocks) return false;
          p += 64;
          if (uint64_t(p) + blocks * 8 > end) return false;
          p += uint32_t(blocks * 8);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // [from, from + skip) lies inside [from, end]; returns its end.
  static bool span(uint32_t from, uint64_t skip, uint32_t end, uint32_t* out) {
    if (skip == 0 || uint64_t(from) + skip > end) return false;
    *out = uint32_t(from + skip);
    return true;
  }

  // Operations filling [p, end) exactly.
  bool block(uint32_t p, uint32_t end, int depth) {
    if (depth > kMaxDepth) return false;
    while (p < end) {
      Code op = c_[p++];
      uint32_t stop;
      switch (op) {
        case FAILURE: case SUCCESS: case ANY: case ANY_ALL:
          break;
        case AT:
          if (p >= end || c_[p] >= kNumAt) return false;
          p++;
          break;
        case CATEGORY:
          if (p >= end || c_[p] >= kNumCategories) return false;
          p++;
          break;
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE:
        case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE:
          if (p >= end) return false;
          p++;
          break;
        case MARK:
          if (p >= end || c_[p] >= uint64_t(groups_) * 2) return false;
          p++;
          break;
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE:
          if (p >= end || c_[p] >= uint64_t(groups_)) return false;
          p++;
          break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
          if (p >= end || !span(p, c_[p], end, &stop) || !charset(p + 1, stop)) return false;
          p = stop;
          break;
        case INFO: {
          // <INFO> <skip> <flags> <min> <max> ...
          if (p >= end || !span(p, c_[p], end, &stop) || stop < p + 4) return false;
          Code flags = c_[p + 1];
          if (flags & kInfoPrefix) {
            if (stop < p + 6) return false;
            uint64_t len = c_[p + 4];
            if (len == 0 || uint64_t(p) + 6 + 2 * len > stop) return false;
          } else if (flags & kInfoCharset) {
            if (!charset(p + 4, stop)) return false;
          }
          p = stop;
          break;
        }
        case BRANCH: {
          // Find the end first: the alternatives' JUMPs must all go there.
          uint32_t q = p;
          while (true) {
            if (q >= end) return false;
            if (c_[q] == 0) break;
            if (!span(q, c_[q], end, &stop)) return false;
            q = stop;
          }
          uint32_t branch_end = q + 1;
          for (q = p; c_[q]; q += c_[q]) {
            uint32_t alt_end = q + c_[q];
            if (alt_end < q + 3 || c_[alt_end - 2] != JUMP || uint64_t(alt_end - 1) + c_[alt_end - 1] != branch_end)
              return false;
            if (!block(q + 1, alt_end - 2, depth + 1)) return false;
          }
          p = branch_end;
          break;
        }
        case GROUPREF_EXISTS: {
          // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
          if (p + 2 > end || c_[p] >= uint64_t(groups_)) return false;
          if (!span(p, c_[p + 1], end, &stop) || stop < p + 2) return false;
          // The word before the skip target is JUMP's operand when there is a no-branch; it may
          // also be an operand of the yes-branch's last operation that happens to equal JUMP.
          // Either reading is safe to accept: the yes-branch must parse exactly up to it.
          uint32_t no_end;
          if (stop >= p + 4 && c_[stop - 2] == JUMP && span(stop - 1, c_[stop - 1], end, &no_end) &&
              block(p + 2, stop - 2, depth + 1) && block(stop, no_end, depth + 1)) {
            p = no_end;
          } else {
            if (!block(p + 2, stop, depth + 1)) return false;
            p = stop;
          }
          break;
        }
        case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE: {
          // <op> <skip> <min> <max> item <SUCCESS>
          if (p + 3 > end || !span(p, c_[p], end, &stop) || stop < p + 5) return false;
          if (c_[p + 1] > c_[p + 2] || c_[stop - 1] != SUCCESS) return false;
          uint32_t item = p + 3;
          if (!is_unit_op(c_[item]) || !block(item, stop - 1, depth + 1)) return false;
          if (item + unit_width(c_ + item) != stop - 1) return false;
          p = stop;
          break;
        }
        case REPEAT: case POSSESSIVE_REPEAT: {
          // <op> <skip> <min> <max> item <MAX_UNTIL | MIN_UNTIL | SUCCESS>
          if (p + 3 > end || !span(p, c_[p], end, &stop) || stop < p + 3 || stop >= end) return false;
          if (c_[p + 1] > c_[p + 2]) return false;
          Code until = c_[stop];
          if (op == REPEAT ? (until != MAX_UNTIL && until != MIN_UNTIL) : until != SUCCESS) return false;
          if (!block(p + 3, stop, depth + 1)) return false;
          p = stop + 1;
          break;
        }
        case ATOMIC_GROUP: {
          // <ATOMIC_GROUP> <skip> pattern <SUCCESS>
          if (p >= end || !span(p, c_[p], end, &stop) || stop < p + 2 || c_[stop - 1] != SUCCESS) return false;
          if (!block(p + 1, stop - 1, depth + 1)) return false;
          p = stop;
          break;
        }
        case ASSERT: case ASSERT_NOT: {
          // <op> <skip> <back> pattern <SUCCESS>
          if (p + 2 > end || !span(p, c_[p], end, &stop) || stop < p + 3 || c_[stop - 1] != SUCCESS) return false;
          if (!block(p + 2, stop - 1, depth + 1)) return false;
          p = stop;
          break;
        }
        default:
          return false;
      }
    }
    return p == end;
  }

  static constexpr int kMaxDepth = 5000;
  const Code* c_;
  uint32_t n_;
  int64_t groups_;
};

template <template <class> class F, class... Args>
int dispatch_width(const Subject& s, Args&&... args) {
  switch (s.width) {
    case 1: return F<uint8_t>::run(static_cast<const uint8_t*>(s.data), args...);
    case 2: return F<uint16_t>::run(static_cast<const uint16_t*>(s.data), args...);
    default: return F<uint32_t>::run(static_cast<const uint32_t*>(s.data), args...);
  }
}

template <class C>
struct SearchOp {
  static int run(const C* text, const Program& p, const Request& r, Result* out) { return search_in(p, text, r, out); }
};
template <class C>
struct MatchOp {
  static int run(const C* text, const Program& p, const Request& r, Result* out) { return match_in(p, text, r, out); }
};

}  // namespace

uint32_t lower_ascii(uint32_t ch) { return ch - 'A' < 26 ? ch + 32 : ch; }

uint32_t lower_unicode(uint32_t ch) {
  // The simple mapping: the first code point of the full one.
  uint32_t out[3] = {ch, 0, 0};
  return unicode::map_case(ch, unicode::CaseMap::Lower, out) ? out[0] : ch;
}

uint32_t upper_unicode(uint32_t ch) {
  // The simple mapping: the first code point of the full one.
  uint32_t out[3] = {ch, 0, 0};
  return unicode::map_case(ch, unicode::CaseMap::Upper, out) ? out[0] : ch;
}

bool ascii_iscased(uint32_t ch) { return ch < 128 && ((ch | 0x20) - 'a' < 26); }

bool unicode_iscased(uint32_t ch) { return ch != lower_unicode(ch) || ch != upper_unicode(ch); }

int match(const Program& program, const Subject& subject, const Request& request, Result* result) {
  return dispatch_width<MatchOp>(subject, program, request, result);
}

int search(const Program& program, const Subject& subject, const Request& request, Result* result) {
  return dispatch_width<SearchOp>(subject, program, request, result);
}

bool validate(const Program& program) {
  if (program.size >= 0xFFFFFFFFu) return false;
  return Validator(program).program();
}

}  // namespace spindle::sre
