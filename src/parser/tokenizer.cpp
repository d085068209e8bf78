// Tokenizer for Python 3.11 source. The scanning logic (where the cursor
// stands when an error is found, which token a comment's newline gets, ...)
// reproduces CPython's tokenizer so that error positions come out the same.
#include "parser/tokenizer.h"

#include <iconv.h>
#include <utf8proc.h>

#include <cstring>

namespace spindle::parser {

namespace {

constexpr int kTabSize = 8;
constexpr int kMaxIndent = 100;
constexpr int kMaxLevel = 200;
constexpr int kEof = -1;

bool is_ascii_letter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_potential_identifier_start(int c) { return is_ascii_letter(c) || c == '_' || c >= 128; }
bool is_potential_identifier_char(int c) { return is_potential_identifier_start(c) || is_digit(c); }

// Decodes one UTF-8 sequence at s[i] (input already validated).
uint32_t decode_utf8_at(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> n);
  ++*i;
  for (int k = 0; k < n && *i < s.size(); k++) cp = (cp << 6) | (s[(*i)++] & 0x3F);
  return cp;
}

struct KeywordEntry {
  const char* text;
  Tok type;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", Tok::KwFalse},     {"None", Tok::KwNone},     {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},         {"as", Tok::KwAs},         {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},     {"await", Tok::KwAwait},   {"break", Tok::KwBreak},
    {"class", Tok::KwClass},     {"continue", Tok::KwContinue}, {"def", Tok::KwDef},
    {"del", Tok::KwDel},         {"elif", Tok::KwElif},     {"else", Tok::KwElse},
    {"except", Tok::KwExcept},   {"finally", Tok::KwFinally}, {"for", Tok::KwFor},
    {"from", Tok::KwFrom},       {"global", Tok::KwGlobal}, {"if", Tok::KwIf},
    {"import", Tok::KwImport},   {"in", Tok::KwIn},         {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda},   {"nonlocal", Tok::KwNonlocal}, {"not", Tok::KwNot},
    {"or", Tok::KwOr},           {"pass", Tok::KwPass},     {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn},   {"try", Tok::KwTry},       {"while", Tok::KwWhile},
    {"with", Tok::KwWith},       {"yield", Tok::KwYield},
};

Tok keyword_or_name(std::string_view word) {
  if (word.size() < 2 || word.size() > 8 || !(word[0] >= 'F' && word[0] <= 'y')) return Tok::Name;
  for (const auto& k : kKeywords)
    if (word == k.text) return k.type;
  return Tok::Name;
}

Tok one_char_op(int c) {
  switch (c) {
    case '(': return Tok::LPar;
    case ')': return Tok::RPar;
    case '[': return Tok::LSqb;
    case ']': return Tok::RSqb;
    case ':': return Tok::Colon;
    case ',': return Tok::Comma;
    case ';': return Tok::Semi;
    case '+': return Tok::Plus;
    case '-': return Tok::Minus;
    case '*': return Tok::Star;
    case '/': return Tok::Slash;
    case '|': return Tok::VBar;
    case '&': return Tok::Amper;
    case '<': return Tok::Less;
    case '>': return Tok::Greater;
    case '=': return Tok::Equal;
    case '.': return Tok::Dot;
    case '%': return Tok::Percent;
    case '{': return Tok::LBrace;
    case '}': return Tok::RBrace;
    case '~': return Tok::Tilde;
    case '^': return Tok::Circumflex;
    case '@': return Tok::At;
    default: return Tok::BadChar;
  }
}

// BadChar means "not a two-character operator".
Tok two_char_op(int c1, int c2) {
  switch (c1) {
    case '!': return c2 == '=' ? Tok::NotEqual : Tok::BadChar;
    case '%': return c2 == '=' ? Tok::PercentEqual : Tok::BadChar;
    case '&': return c2 == '=' ? Tok::AmperEqual : Tok::BadChar;
    case '*': return c2 == '*' ? Tok::DoubleStar : c2 == '=' ? Tok::StarEqual : Tok::BadChar;
    case '+': return c2 == '=' ? Tok::PlusEqual : Tok::BadChar;
    case '-': return c2 == '=' ? Tok::MinEqual : c2 == '>' ? Tok::RArrow : Tok::BadChar;
    case '/': return c2 == '/' ? Tok::DoubleSlash : c2 == '=' ? Tok::SlashEqual : Tok::BadChar;
    case ':': return c2 == '=' ? Tok::ColonEqual : Tok::BadChar;
    case '<':
      return c2 == '<' ? Tok::LeftShift : c2 == '=' ? Tok::LessEqual : c2 == '>' ? Tok::LessGreater : Tok::BadChar;
    case '=': return c2 == '=' ? Tok::EqEqual : Tok::BadChar;
    case '>': return c2 == '=' ? Tok::GreaterEqual : c2 == '>' ? Tok::RightShift : Tok::BadChar;
    case '@': return c2 == '=' ? Tok::AtEqual : Tok::BadChar;
    case '^': return c2 == '=' ? Tok::CircumflexEqual : Tok::BadChar;
    case '|': return c2 == '=' ? Tok::VBarEqual : Tok::BadChar;
    default: return Tok::BadChar;
  }
}

Tok three_char_op(int c1, int c2, int c3) {
  if (c3 != '=') {
    if (c1 == '.' && c2 == '.' && c3 == '.') return Tok::Ellipsis;
    return Tok::BadChar;
  }
  if (c1 == '*' && c2 == '*') return Tok::DoubleStarEqual;
  if (c1 == '/' && c2 == '/') return Tok::DoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return Tok::LeftShiftEqual;
  if (c1 == '>' && c2 == '>') return Tok::RightShiftEqual;
  return Tok::BadChar;
}

class Lexer {
 public:
  Lexer(const TokenizeOptions& opts, TokenizedSource* out) : opts_(opts), out_(out), s_(out->text) {}

  void run() {
    while (next_token()) {
    }
  }

 private:
  // ---- cursor over the text, line by line as CPython reads it ----
  int nextc() {
    if (cur_ == line_end_) {
      if (line_end_ >= s_.size()) {
        return kEof;
      }
      line_start_ = line_end_;
      lineno_++;
      size_t nl = s_.find('\n', line_start_);
      line_end_ = nl + 1;
    }
    return static_cast<unsigned char>(s_[cur_++]);
  }
  void backup(int c) {
    if (c != kEof) cur_--;
  }

  int chars_between(size_t from, size_t to) const {
    int n = 0;
    for (size_t i = from; i < to && i < s_.size(); i++)
      if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) n++;
    return n;
  }
  std::string current_line_text() const {
    size_t nl = s_.find('\n', line_start_);
    if (nl == std::string::npos) nl = s_.size();
    return s_.substr(line_start_, nl - line_start_);
  }

  // ---- errors ----
  void push_error_token() {
    Token t{};
    t.type = Tok::Error;
    t.level = static_cast<int16_t>(level_);
    t.start = t.end = static_cast<uint32_t>(cur_);
    t.lineno = t.end_lineno = lineno_;
    t.col_offset = t.end_col_offset = -1;
    out_->error.token_index = out_->tokens.size();
    out_->tokens.push_back(t);
    for (int i = 0; i < level_; i++) out_->open_at_end.push_back(brackets_[i]);
  }
  // An error CPython's tokenizer raises itself, at the cursor.
  bool syntax_error(std::string msg) {
    TokError& e = out_->error;
    e.kind = TokError::Raised;
    e.exc = 0;
    e.msg = std::move(msg);
    e.lineno = e.end_lineno = lineno_;
    e.offset = e.end_offset = chars_between(line_start_, cur_);
    e.text = current_line_text();
    push_error_token();
    return false;
  }
  // Same with an explicit range of 1-based byte columns.
  bool syntax_error_range(std::string msg, int col, int end_col) {
    syntax_error(std::move(msg));
    out_->error.offset = col;
    out_->error.end_offset = end_col;
    return false;
  }
  // Errors CPython's parser reports when it meets the error token; `offset`
  // is a byte column (converted to characters here), end_offset stays raw.
  bool parser_reported_error(TokError::Kind kind, uint8_t exc, std::string msg, int byte_offset, int end_offset) {
    TokError& e = out_->error;
    e.kind = kind;
    e.exc = exc;
    e.msg = std::move(msg);
    e.lineno = e.end_lineno = lineno_;
    std::string line = current_line_text();
    e.offset = byte_offset <= 0 ? byte_offset : utf8_chars_in_prefix(line + "\n", byte_offset);
    e.end_offset = end_offset;
    e.text = line + "\n";
    push_error_token();
    return false;
  }
  bool eof_error() {
    out_->error.at_end_of_input = true;
    if (level_ > 0) {
      const OpenBracket& b = brackets_[level_ - 1];
      std::string line(out_->line_text(b.lineno));
      std::string msg = "'";
      msg += b.ch;
      msg += "' was never closed";
      parser_reported_error(TokError::Eof, 0, std::move(msg), 0, 0);
      TokError& e = out_->error;
      e.lineno = e.end_lineno = b.lineno;
      e.offset = utf8_chars_in_prefix(line, b.col + 1);
      e.end_offset = 0;
      e.text = line;
      return false;
    }
    return parser_reported_error(TokError::Eof, 0, "unexpected EOF while parsing",
                                 static_cast<int>(cur_ - line_start_), -1);
  }

  // ---- token output ----
  void emit(Tok type, size_t start, size_t end) {
    Token t;
    t.type = type;
    t.level = static_cast<int16_t>(level_);
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.lineno = t.end_lineno = lineno_;
    t.col_offset = static_cast<int32_t>(start - line_start_);
    t.end_col_offset = static_cast<int32_t>(end - line_start_);
    out_->tokens.push_back(t);
  }
  // INDENT, DEDENT and ENDMARKER carry no columns, like CPython's; the parser
  // substitutes the cursor column (kept in start/end) where it needs one.
  void emit_positionless(Tok type) {
    Token t;
    t.type = type;
    t.level = static_cast<int16_t>(level_);
    t.start = t.end = static_cast<uint32_t>(cur_ - line_start_);
    t.lineno = t.end_lineno = lineno_;
    t.col_offset = t.end_col_offset = -1;
    out_->tokens.push_back(t);
  }

  // ---- the scanner ----
  // Returns false after ENDMARKER or an error.
  bool next_token() {
    if (pending_indents_ != 0) return emit_pending_indent();
    bool blankline = false;
    if (at_bol_) {
      if (!scan_indentation(&blankline)) return false;
      if (pending_indents_ != 0) return emit_pending_indent();
    }
    return scan_token(blankline);
  }

  bool emit_pending_indent() {
    if (pending_indents_ < 0) {
      pending_indents_++;
      emit_positionless(Tok::Dedent);
    } else {
      pending_indents_--;
      emit_positionless(Tok::Indent);
    }
    return true;
  }

  bool scan_indentation(bool* blankline) {
    at_bol_ = false;
    int col = 0, altcol = 0, cont_line_col = 0;
    int c;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++, altcol++;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = altcol + 1;
      } else if (c == '\f') {
        col = altcol = 0;
      } else if (c == '\\') {
        cont_line_col = cont_line_col ? cont_line_col : col;
        if (!continuation_line(&c)) return false;
      } else {
        break;
      }
    }
    backup(c);
    // Lines holding only whitespace and comments leave indentation alone.
    if (c == '#' || c == '\n') *blankline = true;
    if (!*blankline && level_ == 0) {
      if (cont_line_col) col = altcol = cont_line_col;
      if (col == indents_.back()) {
        if (altcol != alt_indents_.back()) return tab_error();
      } else if (col > indents_.back()) {
        if (static_cast<int>(indents_.size()) >= kMaxIndent) {
          cur_ = line_end_;
          return parser_reported_error(TokError::Indentation, 1, "too many levels of indentation", 1, 0);
        }
        if (altcol <= alt_indents_.back()) return tab_error();
        pending_indents_++;
        indents_.push_back(col);
        alt_indents_.push_back(altcol);
      } else {
        while (indents_.size() > 1 && col < indents_.back()) {
          pending_indents_--;
          indents_.pop_back();
          alt_indents_.pop_back();
        }
        if (col != indents_.back()) {
          cur_ = line_end_;
          return parser_reported_error(TokError::Indentation, 1,
                                       "unindent does not match any outer indentation level",
                                       static_cast<int>(cur_ - line_start_), -1);
        }
        if (altcol != alt_indents_.back()) return tab_error();
      }
    }
    return true;
  }

  bool tab_error() {
    cur_ = line_end_;
    return parser_reported_error(TokError::Tab, 2, "inconsistent use of tabs and spaces in indentation", 1, 0);
  }

  // After a backslash: the next character must end the line. On success *c is
  // the first character of the next line (pushed back).
  bool continuation_line(int* c) {
    *c = nextc();
    if (*c != '\n') {
      return parser_reported_error(TokError::LineCont, 0, "unexpected character after line continuation character",
                                   static_cast<int>(cur_ - line_start_), 0);
    }
    *c = nextc();
    if (*c == kEof) {
      cur_ = line_end_;
      out_->error.at_end_of_input = true;
      return eof_error();
    }
    backup(*c);
    return true;
  }

  bool scan_token(bool blankline) {
    int c;
  again:
    do {
      c = nextc();
    } while (c == ' ' || c == '\t' || c == '\f');
    size_t start = cur_ - (c == kEof ? 0 : 1);

    if (c == '#') {
      while (c != kEof && c != '\n') c = nextc();
      if (opts_.type_comments) {
        bool blank_after = blankline;
        int r = type_comment(start, &c, blank_after);
        if (r >= 0) return r != 0;
      }
    }

    if (c == kEof) {
      if (level_ > 0) return eof_error();
      emit_positionless(Tok::EndMarker);
      return false;
    }

    if (is_potential_identifier_start(c)) return scan_name_or_prefixed_string(c, start);

    if (c == '\n') {
      at_bol_ = true;
      if (blankline || level_ > 0) return true;  // next_token() continues at the new line
      emit(Tok::Newline, start, cur_ - 1);
      return true;
    }

    if (c == '.') {
      c = nextc();
      if (is_digit(c)) return scan_fraction(c, start);
      if (c == '.') {
        c = nextc();
        if (c == '.') {
          emit(Tok::Ellipsis, start, cur_);
          return true;
        }
        backup(c);
        backup('.');
      } else {
        backup(c);
      }
      emit(Tok::Dot, start, cur_);
      return true;
    }

    if (is_digit(c)) return scan_number(c, start);

    if (c == '\'' || c == '"') return scan_string(c, start);

    if (c == '\\') {
      if (!continuation_line(&c)) return false;
      goto again;
    }

    {
      int c2 = nextc();
      Tok two = two_char_op(c, c2);
      if (two != Tok::BadChar) {
        int c3 = nextc();
        Tok three = three_char_op(c, c2, c3);
        if (three != Tok::BadChar)
          two = three;
        else
          backup(c3);
        emit(two, start, cur_);
        return true;
      }
      backup(c2);
    }

    switch (c) {
      case '(':
      case '[':
      case '{':
        if (level_ >= kMaxLevel) return syntax_error("too many nested parentheses");
        brackets_[level_] = {static_cast<char>(c), lineno_, static_cast<int>(start - line_start_)};
        level_++;
        break;
      case ')':
      case ']':
      case '}': {
        if (level_ == 0) return syntax_error(std::string("unmatched '") + static_cast<char>(c) + "'");
        level_--;
        const OpenBracket& open = brackets_[level_];
        char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
        if (c != expected) {
          std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                            "' does not match opening parenthesis '" + open.ch + "'";
          if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
          return syntax_error(std::move(msg));
        }
        break;
      }
      default:
        break;
    }
    if (c < 32 || c == 127) {
      char hex[16];
      snprintf(hex, sizeof hex, "%04X", c);
      return syntax_error(std::string("invalid non-printable character U+") + hex);
    }
    emit(one_char_op(c), start, cur_);
    return true;
  }

  // Returns 1 (token emitted), 0 (stop) or -1 (an ordinary comment).
  int type_comment(size_t start, int* c, bool blankline) {
    static const char kPrefix[] = "# type: ";
    size_t p = start;
    const char* prefix = kPrefix;
    while (*prefix && p < cur_) {
      if (*prefix == ' ') {
        while (p < cur_ && (s_[p] == ' ' || s_[p] == '\t')) p++;
      } else if (*prefix == s_[p]) {
        p++;
      } else {
        break;
      }
      prefix++;
    }
    if (*prefix) return -1;
    backup(*c);  // keep the newline for the NEWLINE token
    size_t ignore_end = p + 6;
    bool is_ignore = cur_ >= ignore_end && s_.compare(p, 6, "ignore") == 0 &&
                     !(cur_ > ignore_end && (static_cast<unsigned char>(s_[ignore_end]) >= 128 ||
                                             isalnum(static_cast<unsigned char>(s_[ignore_end]))));
    if (is_ignore) {
      out_->type_ignores.emplace_back(lineno_, s_.substr(ignore_end, cur_ - ignore_end));
      if (blankline) {
        nextc();
        at_bol_ = true;
      }
      return 1;
    }
    emit(Tok::TypeComment, p, cur_);
    return 1;
  }

  bool scan_name_or_prefixed_string(int c, size_t start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
        saw_b = true;
      else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
        saw_u = true;
      else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
        saw_r = true;
      else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
        saw_f = true;
      else
        break;
      c = nextc();
      if (c == '"' || c == '\'') return scan_string(c, start);
    }
    bool nonascii = false;
    while (is_potential_identifier_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier(start)) return false;
    std::string_view word(s_.data() + start, cur_ - start);
    emit(keyword_or_name(word), start, cur_);
    return true;
  }

  bool verify_identifier(size_t start) {
    std::string_view word(s_.data() + start, cur_ - start);
    size_t i = 0;
    bool first = true;
    while (i < word.size()) {
      size_t at = i;
      uint32_t cp = decode_utf8_at(word, &i);
      bool ok = first ? (cp == '_' || is_identifier_start(cp)) : is_identifier_continue(cp);
      first = false;
      if (!ok) {
        cur_ = start + i;  // just after the offending character
        char hex[16];
        snprintf(hex, sizeof hex, "%04X", cp);
        if (is_printable(cp)) {
          std::string ch(word.substr(at, i - at));
          return syntax_error("invalid character '" + ch + "' (U+" + hex + ")");
        }
        return syntax_error(std::string("invalid non-printable character U+") + hex);
      }
    }
    return true;
  }

  // ---- numbers ----
  // Reads digits and single underscores between digits; returns the first
  // character after them, or 0 after an error.
  int decimal_tail() {
    int c;
    for (;;) {
      do {
        c = nextc();
      } while (is_digit(c));
      if (c != '_') break;
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        syntax_error("invalid decimal literal");
        return 0;
      }
    }
    return c;
  }

  // Is the rest of the line at the cursor `word` followed by a non-identifier character?
  bool lookahead(const char* word) {
    size_t save = cur_;
    const char* w = word;
    bool result = false;
    for (;;) {
      int c = nextc();
      if (*w == 0) {
        result = !is_potential_identifier_char(c);
        break;
      }
      if (c != *w) break;
      w++;
    }
    cur_ = save;
    return result;
  }

  // A number followed directly by a keyword that may follow a number in valid
  // code is accepted (CPython warns); followed by another name it is an error.
  bool verify_end_of_number(int c, const char* kind) {
    bool keyword_follows = false;
    switch (c) {
      case 'a': keyword_follows = lookahead("nd"); break;
      case 'e': keyword_follows = lookahead("lse"); break;
      case 'f': keyword_follows = lookahead("or"); break;
      case 'i': {
        int c2 = nextc();
        keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(c2);
        break;
      }
      case 'o': keyword_follows = lookahead("r"); break;
      case 'n': keyword_follows = lookahead("ot"); break;
      default: break;
    }
    if (keyword_follows) return true;
    if (is_potential_identifier_char(c)) {
      backup(c);
      syntax_error(std::string("invalid ") + kind + " literal");
      return false;
    }
    return true;
  }

  bool finish_number(int c, size_t start) {
    backup(c);
    emit(Tok::Number, start, cur_);
    return true;
  }

  bool scan_radix_number(int c, size_t start, int radix, const char* kind) {
    auto in_radix = [radix](int ch) {
      if (radix == 16) return is_hex_digit(ch);
      return ch >= '0' && ch < '0' + radix;
    };
    c = nextc();
    do {
      if (c == '_') c = nextc();
      if (!in_radix(c)) {
        if (radix != 16 && is_digit(c))
          return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
        backup(c);
        return syntax_error(std::string("invalid ") + kind + " literal");
      }
      do {
        c = nextc();
      } while (in_radix(c));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
      return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
    if (!verify_end_of_number(c, kind)) return false;
    return finish_number(c, start);
  }

  bool scan_number(int c, size_t start) {
    if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X') return scan_radix_number(c, start, 16, "hexadecimal");
      if (c == 'o' || c == 'O') return scan_radix_number(c, start, 8, "octal");
      if (c == 'b' || c == 'B') return scan_radix_number(c, start, 2, "binary");
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return syntax_error("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      size_t zeros_end = cur_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return false;
      }
      if (c == '.') return scan_fraction(nextc(), start);
      if (c == 'e' || c == 'E') return scan_exponent(c, start);
      if (c == 'j' || c == 'J') return scan_imaginary(start);
      if (nonzero) {
        backup(c);
        return syntax_error_range(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            static_cast<int>(start + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
      }
      if (!verify_end_of_number(c, "decimal")) return false;
      return finish_number(c, start);
    }
    c = decimal_tail();
    if (c == 0) return false;
    if (c == '.') return scan_fraction(nextc(), start);
    return scan_after_fraction(c, start);
  }

  bool scan_fraction(int c, size_t start) {
    if (is_digit(c)) {
      c = decimal_tail();
      if (c == 0) return false;
    }
    return scan_after_fraction(c, start);
  }

  bool scan_after_fraction(int c, size_t start) {
    if (c == 'e' || c == 'E') return scan_exponent(c, start);
    if (c == 'j' || c == 'J') return scan_imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return false;
    return finish_number(c, start);
  }

  bool scan_exponent(int e, size_t start) {
    int c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return syntax_error("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      backup(c);
      if (!verify_end_of_number(e, "decimal")) return false;
      backup(e);
      emit(Tok::Number, start, cur_);
      return true;
    }
    c = decimal_tail();
    if (c == 0) return false;
    if (c == 'j' || c == 'J') return scan_imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return false;
    return finish_number(c, start);
  }

  bool scan_imaginary(size_t start) {
    int c = nextc();
    if (!verify_end_of_number(c, "imaginary")) return false;
    return finish_number(c, start);
  }

  // ---- strings ----
  bool scan_string(int quote, size_t start) {
    int first_lineno = lineno_;
    size_t multi_line_start = line_start_;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote)
        quote_size = 3;
      else
        end_quote_size = 1;  // the empty string
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
      c = nextc();
      if (c == kEof || (quote_size == 1 && c == '\n')) {
        int detected_at = lineno_;
        cur_ = start + 1;
        line_start_ = multi_line_start;
        lineno_ = first_lineno;
        out_->error.at_end_of_input = c == kEof;
        if (quote_size == 3)
          return syntax_error("unterminated triple-quoted string literal (detected at line " +
                              std::to_string(detected_at) + ")");
        return syntax_error("unterminated string literal (detected at line " + std::to_string(detected_at) + ")");
      }
      if (c == quote) {
        end_quote_size++;
      } else {
        end_quote_size = 0;
        if (c == '\\') nextc();
      }
    }
    Token t;
    t.type = Tok::String;
    t.level = static_cast<int16_t>(level_);
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(cur_);
    t.lineno = first_lineno;
    t.col_offset = static_cast<int32_t>(start - multi_line_start);
    t.end_lineno = lineno_;
    t.end_col_offset = static_cast<int32_t>(cur_ - line_start_);
    out_->tokens.push_back(t);
    return true;
  }

  const TokenizeOptions& opts_;
  TokenizedSource* out_;
  const std::string& s_;
  size_t cur_ = 0, line_start_ = 0, line_end_ = 0;
  int lineno_ = 0;
  bool at_bol_ = true;
  int pending_indents_ = 0;
  std::vector<int> indents_{0}, alt_indents_{0};
  int level_ = 0;
  OpenBracket brackets_[kMaxLevel];
};

// ---- source decoding ----

// The cookie's encoding, normalised as Python's codec lookup does
// (case, punctuation), with the UTF-8 and Latin-1 aliases recognised.
std::string normal_encoding_name(const std::string& name) {
  std::string key;
  bool pending_sep = false;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (isalnum(c) || c == '.') {
      if (pending_sep && !key.empty()) key.push_back('_');
      pending_sep = false;
      key.push_back(static_cast<char>(tolower(c)));
    } else {
      pending_sep = true;
    }
  }
  if (key == "utf_8" || key == "utf8" || key == "u8" || key == "utf" || key == "cp65001") return "utf-8";
  if (key == "latin_1" || key == "latin1" || key == "iso_8859_1" || key == "iso8859_1" || key == "l1" ||
      key == "iso_latin_1" || key == "8859" || key == "cp819" || key == "latin")
    return "iso-8859-1";
  return name;
}

// The coding cookie on one line (PEP 263), or "" if none.
std::string coding_cookie(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  if (i >= line.size() || line[i] != '#') return "";
  for (size_t k = i; k + 6 < line.size() + 1; k++) {
    if (line.compare(k, 6, "coding") != 0) continue;
    size_t j = k + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    j++;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) j++;
    size_t b = j;
    while (j < line.size() && (isalnum(static_cast<unsigned char>(line[j])) || line[j] == '-' || line[j] == '_' ||
                               line[j] == '.'))
      j++;
    if (j > b) return std::string(line.substr(b, j - b));
  }
  return "";
}

bool is_blank_or_comment_line(std::string_view line) {
  for (char ch : line) {
    if (ch == ' ' || ch == '\t' || ch == '\f' || ch == '\r') continue;
    return ch == '#';
  }
  return true;
}

// Index of the first byte of invalid UTF-8 in s, or npos. Rejects overlong
// forms and encoded surrogates like CPython's strict decoder.
size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    int len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (int k = 1; k < len; k++) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool convert_with_iconv(std::string_view in, const std::string& encoding, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    std::string dashed = encoding;
    for (char& ch : dashed)
      if (ch == '_') ch = '-';
    cd = iconv_open("UTF-8", dashed.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  }
  out->clear();
  out->resize(in.size() * 4 + 16);
  char* inbuf = const_cast<char*>(in.data());
  size_t inleft = in.size();
  char* outbuf = out->data();
  size_t outleft = out->size();
  size_t r = iconv(cd, &inbuf, &inleft, &outbuf, &outleft);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return false;
  out->resize(out->size() - outleft);
  return true;
}

void set_decode_error(TokenizedSource* out, std::string msg) {
  TokError& e = out->error;
  e.kind = TokError::Raised;
  e.exc = 0;
  e.msg = std::move(msg);
  e.lineno = e.end_lineno = 0;
  e.offset = e.end_offset = -1;
}

// Newlines to \n (a lone \r too), and a final newline added.
std::string normalise_newlines(std::string_view in) {
  if (in.find('\r') == std::string_view::npos) {
    std::string out;
    out.reserve(in.size() + 1);
    out.append(in);
    if (out.empty() || out.back() != '\n') out.push_back('\n');
    return out;
  }
  std::string out;
  out.reserve(in.size() + 1);
  for (size_t i = 0; i < in.size(); i++) {
    char ch = in[i];
    if (ch == '\r') {
      out.push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') i++;
    } else {
      out.push_back(ch);
    }
  }
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  return out;
}

void index_lines(TokenizedSource* out) {
  out->line_starts.clear();
  out->line_starts.push_back(0);
  const std::string& t = out->text;
  for (size_t i = 0; i + 1 < t.size(); i++)
    if (t[i] == '\n') out->line_starts.push_back(static_cast<uint32_t>(i + 1));
}

}  // namespace

std::string_view TokenizedSource::line_text(int lineno) const {
  if (lineno < 1 || lineno > static_cast<int>(line_starts.size())) return {};
  size_t b = line_starts[lineno - 1];
  size_t e = text.find('\n', b);
  if (e == std::string::npos) e = text.size();
  return std::string_view(text).substr(b, e - b);
}

int utf8_chars_in_prefix(std::string_view line, int bytes) {
  if (bytes > static_cast<int>(line.size()) + 1) bytes = static_cast<int>(line.size()) + 1;
  int n = 0;
  for (int i = 0; i < bytes; i++) {
    if (i >= static_cast<int>(line.size())) {
      n++;  // CPython counts the terminating NUL it decodes
      continue;
    }
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) n++;
  }
  return n;
}

bool is_identifier_start(uint32_t cp) {
  if (cp < 128) return is_ascii_letter(static_cast<int>(cp)) || cp == '_';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      // Other_ID_Start
      return cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C;
  }
}

bool is_identifier_continue(uint32_t cp) {
  if (cp < 128) return is_ascii_letter(static_cast<int>(cp)) || cp == '_' || is_digit(static_cast<int>(cp));
  if (is_identifier_start(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      // Other_ID_Continue
      return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
  }
}

bool is_printable(uint32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

bool tokenize(const char* src, size_t len, const TokenizeOptions& opts, TokenizedSource* out) {
  std::string_view raw(src, len);
  if (raw.find('\0') != std::string_view::npos) {
    set_decode_error(out, "source code cannot contain null bytes");
    return false;
  }
  bool bom = raw.size() >= 3 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) raw.remove_prefix(3);
  std::string encoding = "utf-8";
  if (!opts.source_is_utf8) {
    size_t e1 = raw.find_first_of("\r\n");
    std::string_view line1 = raw.substr(0, e1);
    std::string cookie = coding_cookie(line1);
    if (cookie.empty() && e1 != std::string_view::npos && is_blank_or_comment_line(line1)) {
      size_t b2 = e1 + 1;
      if (raw[e1] == '\r' && b2 < raw.size() && raw[b2] == '\n') b2++;
      std::string_view rest = raw.substr(b2);
      cookie = coding_cookie(rest.substr(0, rest.find_first_of("\r\n")));
    }
    if (!cookie.empty()) {
      encoding = normal_encoding_name(cookie);
      if (bom && encoding != "utf-8") {
        set_decode_error(out, "encoding problem: " + cookie + " with BOM");
        return false;
      }
    }
  }
  std::string decoded;
  if (encoding == "utf-8") {
    size_t bad = find_invalid_utf8(raw);
    if (bad != std::string_view::npos) {
      int line = 1;
      for (size_t i = 0; i < bad; i++)
        if (raw[i] == '\n') line++;
      char hex[8];
      snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(raw[bad]));
      set_decode_error(out, std::string("Non-UTF-8 code starting with '") + hex + "' on line " + std::to_string(line) +
                                ", but no encoding declared; see https://peps.python.org/pep-0263/ for details");
      out->error.lineno = out->error.end_lineno = line;
      return false;
    }
    out->text = normalise_newlines(raw);
  } else if (encoding == "iso-8859-1") {
    for (unsigned char ch : raw) {
      if (ch < 0x80) {
        decoded.push_back(static_cast<char>(ch));
      } else {
        decoded.push_back(static_cast<char>(0xC0 | (ch >> 6)));
        decoded.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
      }
    }
    out->text = normalise_newlines(decoded);
  } else {
    if (!convert_with_iconv(raw, encoding, &decoded)) {
      set_decode_error(out, "unknown encoding: " + encoding);
      return false;
    }
    out->text = normalise_newlines(decoded);
  }
  index_lines(out);
  Lexer lexer(opts, out);
  lexer.run();
  return true;
}

void tokenize_decoded(std::string text, const TokenizeOptions& opts, TokenizedSource* out) {
  out->text = std::move(text);
  if (out->text.empty() || out->text.back() != '\n') out->text.push_back('\n');
  index_lines(out);
  Lexer lexer(opts, out);
  lexer.run();
}

}  // namespace spindle::parser
