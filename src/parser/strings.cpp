// String literals: prefixes, escape sequences, implicit concatenation and
// f-strings (parsed from the STRING token's text, as Python 3.11 does).
#include <string>

#include "modules/unicodedata_names.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "parser/parser_internal.h"

namespace spindle::parser {

using namespace ast;
using ast::Dict;
using ast::List;
using ast::Set;
using ast::Tuple;

namespace {

constexpr int kMaxFStringBracketDepth = 200;

struct LiteralParts {
  bool raw = false, bytes = false, fstring = false;
  size_t prefix_len = 0;  // bytes before the opening quote
  size_t quote_len = 1;
  std::string_view body;  // between the quotes
};

LiteralParts split_literal(std::string_view text) {
  LiteralParts p;
  size_t i = 0;
  while (text[i] != '\'' && text[i] != '"') {
    char c = static_cast<char>(tolower(static_cast<unsigned char>(text[i])));
    if (c == 'r') p.raw = true;
    if (c == 'b') p.bytes = true;
    if (c == 'f') p.fstring = true;
    i++;
  }
  p.prefix_len = i;
  char q = text[i];
  if (text.size() - i >= 6 && text[i + 1] == q && text[i + 2] == q) p.quote_len = 3;
  p.body = text.substr(i + p.quote_len, text.size() - i - 2 * p.quote_len);
  return p;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8_as_code_points(std::u32string* out, std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out->push_back(c);
      i++;
      continue;
    }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    uint32_t cp = c & (0x3F >> n);
    i++;
    for (int k = 0; k < n && i < s.size(); k++) cp = (cp << 6) | (s[i++] & 0x3F);
    out->push_back(cp);
  }
}

// Where CPython's unicode-escape decoder reports positions: it sees the text
// with every non-ASCII character replaced by a 10-byte \UXXXXXXXX escape.
size_t escaped_position(std::string_view s, size_t byte_index) {
  size_t pos = 0;
  for (size_t i = 0; i < byte_index && i < s.size(); i++) {
    unsigned char c = s[i];
    if (c < 0x80)
      pos++;
    else if ((c & 0xC0) != 0x80)
      pos += 10;
  }
  return pos;
}

}  // namespace

// Builds one implicitly concatenated run of STRING tokens.
class StringParser {
 public:
  StringParser(Parser* p, size_t first, size_t last) : p_(p), first_(first), last_(last) {}

  Expr* run() {
    const Token& first_tok = p_->toks_[first_];
    whole_ = whole_pos();
    u_kind_ = p_->text_of(first_tok)[0] == 'u';
    bool bytesmode = false;
    for (size_t i = first_; i <= last_; i++) {
      const Token& t = p_->toks_[i];
      LiteralParts parts = split_literal(p_->text_of(t));
      if (i != first_ && parts.bytes != bytesmode) p_->raise_last_token("cannot mix bytes and nonbytes literals");
      bytesmode = parts.bytes;
      if (parts.bytes) {
        decode_bytes(parts);
      } else if (parts.fstring) {
        fmode_ = true;
        std::string_view body = parts.body;
        size_t offset = parts.prefix_len + parts.quote_len;
        size_t at = 0;
        fstring(t, body, offset, &at, parts.raw, 0);
      } else {
        decode_str(parts.body, parts.raw, &last_str_);
      }
    }
    if (bytesmode) {
      Constant* c = make<Constant>();
      c->value = bytes_new(bytes_.data(), bytes_.size());
      c->pos = whole_;
      return c;
    }
    if (!fmode_) return str_constant();
    flush_literal();
    JoinedStr* j = make<JoinedStr>();
    j->values = values_.done();
    j->pos = whole_;
    return j;
  }

 private:
  // The pending literal text as a Constant at `pos`; kind 'u' comes from the
  // first token's prefix, except at the end of a format spec (CPython uses
  // the spec's own token there).
  Constant* str_constant(const Pos& pos, bool u_kind) {
    Constant* c = make<Constant>();
    c->value = str_from_code_points(reinterpret_cast<const uint32_t*>(last_str_.data()), last_str_.size());
    if (u_kind) c->kind = intern_sv("u");
    c->pos = pos;
    last_str_.clear();
    return c;
  }
  Constant* str_constant() { return str_constant(whole_, u_kind_); }
  void flush_literal() {
    if (!last_str_.empty()) values_.push(str_constant());
  }

  [[noreturn]] void decode_error(const char* codec_msg, std::string_view piece, size_t from, size_t to,
                                 const char* reason) {
    std::string msg = "(unicode error) '";
    msg += codec_msg;
    msg += "' codec can't decode bytes in position " + std::to_string(escaped_position(piece, from)) + "-" +
           std::to_string(escaped_position(piece, to) - 1) + ": " + reason;
    p_->raise_last_token(msg);
  }

  // Non-raw str text: escapes processed, appended as code points.
  void decode_str(std::string_view s, bool raw, std::u32string* out) {
    if (raw) {
      append_utf8_as_code_points(out, s);
      return;
    }
    size_t i = 0;
    while (i < s.size()) {
      size_t run = s.find('\\', i);
      if (run == std::string_view::npos) run = s.size();
      append_utf8_as_code_points(out, s.substr(i, run - i));
      i = run;
      if (i >= s.size()) break;
      size_t esc = i;
      i++;
      if (i >= s.size()) {
        // A trailing backslash (f"\{x}" leaves one) stays a backslash.
        out->push_back('\\');
        break;
      }
      char c = s[i++];
      switch (c) {
        case '\n': break;
        case '\\': out->push_back('\\'); break;
        case '\'': out->push_back('\''); break;
        case '"': out->push_back('"'); break;
        case 'a': out->push_back(7); break;
        case 'b': out->push_back(8); break;
        case 'f': out->push_back(12); break;
        case 'n': out->push_back(10); break;
        case 'r': out->push_back(13); break;
        case 't': out->push_back(9); break;
        case 'v': out->push_back(11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t v = c - '0';
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (s[i++] - '0');
          out->push_back(v);
          break;
        }
        case 'x':
        case 'u':
        case 'U': {
          int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
          uint32_t v = 0;
          for (int k = 0; k < digits; k++) {
            if (i >= s.size() || hex_value(s[i]) < 0) {
              const char* what = c == 'x' ? "truncated \\xXX escape"
                                 : c == 'u' ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape";
              decode_error("unicodeescape", s, esc, i, what);
            }
            v = v * 16 + hex_value(s[i++]);
          }
          if (v > 0x10FFFF) decode_error("unicodeescape", s, esc, i, "illegal Unicode character");
          out->push_back(v);
          break;
        }
        case 'N': {
          size_t close = i < s.size() && s[i] == '{' ? s.find('}', i) : std::string_view::npos;
          if (close == std::string_view::npos || close == i + 1)
            decode_error("unicodeescape", s, esc, close == std::string_view::npos ? s.size() : close + 1,
                         "malformed \\N character escape");
          uint32_t cp = 0;
          if (!unicode_lookup_name(s.substr(i + 1, close - i - 1), &cp))
            decode_error("unicodeescape", s, esc, close + 1, "unknown Unicode character name");
          out->push_back(cp);
          i = close + 1;
          break;
        }
        default:
          // An invalid escape keeps its backslash (CPython warns).
          out->push_back('\\');
          i--;
          break;
      }
    }
  }

  void decode_bytes(const LiteralParts& parts) {
    std::string_view s = parts.body;
    for (unsigned char ch : s) {
      if (ch >= 0x80) p_->raise_last_token("bytes can only contain ASCII literal characters");
    }
    if (parts.raw) {
      bytes_.append(s);
      return;
    }
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i++];
      if (c != '\\') {
        bytes_.push_back(c);
        continue;
      }
      size_t esc = i - 1;
      if (i >= s.size()) p_->raise_last_token("(value error) Trailing \\ in string");
      c = s[i++];
      switch (c) {
        case '\n': break;
        case '\\': bytes_.push_back('\\'); break;
        case '\'': bytes_.push_back('\''); break;
        case '"': bytes_.push_back('"'); break;
        case 'a': bytes_.push_back(7); break;
        case 'b': bytes_.push_back(8); break;
        case 'f': bytes_.push_back(12); break;
        case 'n': bytes_.push_back(10); break;
        case 'r': bytes_.push_back(13); break;
        case 't': bytes_.push_back(9); break;
        case 'v': bytes_.push_back(11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          unsigned v = c - '0';
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (s[i++] - '0');
          bytes_.push_back(static_cast<char>(v & 0xFF));
          break;
        }
        case 'x': {
          if (i + 1 >= s.size() + 0 || hex_value(s[i]) < 0 || i + 1 >= s.size() || hex_value(s[i + 1]) < 0)
            p_->raise_last_token("(value error) invalid \\x escape at position " + std::to_string(esc));
          bytes_.push_back(static_cast<char>(hex_value(s[i]) * 16 + hex_value(s[i + 1])));
          i += 2;
          break;
        }
        default:
          bytes_.push_back('\\');
          bytes_.push_back(c);
          break;
      }
    }
  }

  // ---- f-strings ----
  // Parses f-string text body[*at..] up to its end (level 0) or to the '}'
  // closing a format spec (level 1). `offset` is where body starts in the token.
  void fstring(const Token& t, std::string_view body, size_t offset, size_t* at, bool raw, int level) {
    for (;;) {
      // literal text up to an un-doubled brace
      size_t start = *at;
      size_t i = start;
      bool doubled = false;
      while (i < body.size()) {
        char ch = body[i++];
        if (!raw && ch == '\\' && i < body.size()) {
          ch = body[i++];
          if (ch == 'N') {
            if (i < body.size() && body[i++] == '{') {
              while (i < body.size() && body[i++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (level == 0) {
            if (i < body.size() && body[i] == ch) {
              doubled = true;
              break;
            }
            if (ch == '}') {
              p_->peek();
              p_->raise_last_token("f-string: single '}' is not allowed");
            }
          }
          i--;
          break;
        }
      }
      if (i > start) {
        std::u32string piece;
        decode_str(body.substr(start, i - start), raw, &piece);
        last_str_ += piece;
      }
      if (doubled) {
        *at = i + 1;
        continue;
      }
      *at = i;
      if (i >= body.size() || body[i] == '}') break;
      formatted_value(t, body, offset, at, raw, level);
    }
    if (level == 0 && *at < body.size()) p_->raise_last_token("f-string: unexpected end of string");
    if (level != 0 && (*at >= body.size() || body[*at] != '}')) p_->raise_last_token("f-string: expecting '}'");
  }

  void formatted_value(const Token& t, std::string_view body, size_t offset, size_t* at, bool raw, int level) {
    if (level >= 2) p_->raise_last_token("f-string: expressions nested too deeply");
    size_t open = *at;
    size_t i = open + 1;
    size_t expr_start = i;
    char quote = 0;
    int string_type = 0;
    char brackets[kMaxFStringBracketDepth];
    int depth = 0;
    for (; i < body.size(); i++) {
      char ch = body[i];
      if (ch == '\\') p_->raise_last_token("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
              i += 2;
              quote = 0;
              string_type = 0;
            }
          } else {
            quote = 0;
            string_type = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
          string_type = 3;
          i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (depth >= kMaxFStringBracketDepth) p_->raise_last_token("f-string: too many nested parenthesis");
        brackets[depth++] = ch;
      } else if (ch == '#') {
        p_->raise_last_token("f-string expression part cannot include '#'");
      } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < body.size()) {
          char next = body[i + 1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
            i++;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (depth == 0) p_->raise_last_token(std::string("f-string: unmatched '") + ch + "'");
        char opening = brackets[--depth];
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
          p_->raise_last_token(std::string("f-string: closing parenthesis '") + ch +
                               "' does not match opening parenthesis '" + opening + "'");
      }
    }
    size_t expr_end = i;
    if (quote) p_->raise_last_token("f-string: unterminated string");
    if (depth) p_->raise_last_token(std::string("f-string: unmatched '") + brackets[depth - 1] + "'");
    if (i >= body.size()) p_->raise_last_token("f-string: expecting '}'");

    Expr* value = compile_expression(t, body, offset, open, expr_start, expr_end);

    std::u32string debug_text;
    bool debug = false;
    if (body[i] == '=') {
      i++;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                                 body[i] == '\f' || body[i] == '\v'))
        i++;
      if (i >= body.size()) p_->raise_last_token("f-string: expecting '}'");
      append_utf8_as_code_points(&debug_text, body.substr(expr_start, i - expr_start));
      debug = true;
    }
    int conversion = -1;
    if (body[i] == '!') {
      i++;
      if (i >= body.size()) p_->raise_last_token("f-string: expecting '}'");
      conversion = static_cast<unsigned char>(body[i]);
      i++;
      if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
        p_->raise_last_token("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    Expr* format_spec = nullptr;
    if (i < body.size() && body[i] == ':') {
      i++;
      if (i >= body.size()) p_->raise_last_token("f-string: expecting '}'");
      // The format spec is an f-string of its own, built into a JoinedStr.
      std::u32string saved_str;
      saved_str.swap(last_str_);
      SeqBuilder<Expr*> saved_values = values_;
      values_ = SeqBuilder<Expr*>();
      *at = i;
      fstring(t, body, offset, at, raw, level + 1);
      i = *at;
      Pos spec_pos = p_->token_pos(t);
      if (!last_str_.empty()) values_.push(str_constant(spec_pos, false));
      JoinedStr* spec = make<JoinedStr>();
      spec->values = values_.done();
      spec->pos = spec_pos;
      format_spec = spec;
      values_ = saved_values;
      last_str_.swap(saved_str);
    }
    if (i >= body.size() || body[i] != '}') p_->raise_last_token("f-string: expecting '}'");
    i++;
    *at = i;
    if (debug) {
      last_str_ += debug_text;
      if (!format_spec && conversion == -1) conversion = 'r';
    }
    flush_literal();
    FormattedValue* fv = make<FormattedValue>();
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    fv->pos = whole_;
    values_.push(fv);
  }

  Pos whole_pos() {
    Pos whole;
    const Token& a = p_->toks_[first_];
    const Token& b = p_->toks_[last_];
    whole.lineno = a.lineno;
    whole.col_offset = a.col_offset;
    whole.end_lineno = b.end_lineno;
    whole.end_col_offset = b.end_col_offset;
    return whole;
  }

  // Parses the expression between body[expr_start, expr_end) the way
  // CPython 3.11 does: as "(" + text + ")", with positions shifted to where
  // the text sits in the file.
  Expr* compile_expression(const Token& t, std::string_view body, size_t offset, size_t open, size_t expr_start,
                           size_t expr_end) {
    std::string_view expr = body.substr(expr_start, expr_end - expr_start);
    bool blank = true;
    for (char ch : expr)
      if (!(ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f')) blank = false;
    if (blank) {
      char next = body[expr_end];
      if (next == '!' || next == ':' || next == '=')
        p_->raise_last_token(std::string("f-string: expression required before '") + next + "'");
      p_->raise_last_token("f-string: empty expression not allowed");
    }
    // Where the '{' is relative to the token: lines before it, and its column
    // (from the last newline, or from the token start).
    std::string_view token_text = p_->text_of(t);
    size_t brace = offset + open;
    int lines = 0;
    for (size_t k = 0; k < brace; k++)
      if (token_text[k] == '\n') lines++;
    bool newline_after_brace = true;
    for (size_t k = brace + 1; k < token_text.size() && token_text[k] != '}' && token_text[k] != '\n'; k++) {
      char ch = token_text[k];
      if (ch != ' ' && ch != '\t' && ch != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    int cols = 0;
    if (!newline_after_brace) {
      size_t k = brace;
      while (k > 0 && token_text[k] != '\n') k--;
      cols = static_cast<int>(brace - k);
      if (token_text[k] == '\n') cols -= 1;
    }
    int first_line = t.lineno + lines;
    int col_shift = lines != 0 ? cols : t.col_offset + cols;

    TokenizedSource sub;
    TokenizeOptions opts;
    opts.source_is_utf8 = true;
    tokenize_decoded("(" + std::string(expr) + ")", opts, &sub);
    for (Token& tk : sub.tokens) {
      bool on_first_line = tk.end_lineno == 1;
      tk.lineno += first_line - 1;
      tk.end_lineno += first_line - 1;
      if (on_first_line) {
        if (tk.col_offset >= 0) tk.col_offset += col_shift;
        if (tk.end_col_offset >= 0) tk.end_col_offset += col_shift;
      }
    }
    if (sub.error.kind != TokError::None) {
      sub.error.lineno += first_line - 1;
      sub.error.end_lineno += first_line - 1;
    }
    return p_->parse_fstring_expression(sub, col_shift);
  }

  Parser* p_;
  size_t first_, last_;
  bool fmode_ = false;
  bool u_kind_ = false;
  Pos whole_{};
  std::u32string last_str_;
  std::string bytes_;
  SeqBuilder<Expr*> values_;
};

Expr* Parser::strings() {
  size_t first = pos_;
  while (at(Tok::String)) pos_++;
  StringParser sp(this, first, pos_ - 1);
  return sp.run();
}

Expr* Parser::parse_fstring_expression(const TokenizedSource& sub, int col_shift) {
  // CPython reports errors in the expression relative to "(" + text + ")",
  // prefixed "f-string: " (tokenizer errors excepted), once.
  auto relocate = [&](PendingError e) {
    if (!e.columns_are_chars && !e.relative_to_fstring) {
      e.msg = "f-string: " + e.msg;
      e.col -= col_shift;
      if (e.end_col > 0) e.end_col -= col_shift;
      e.text = std::string(sub.line_text(1)) + "\n";
      e.has_text = true;
      e.relative_to_fstring = true;
    }
    return e;
  };
  Parser first(sub, Mode::Eval, flags_, false);
  first.depth_ = depth_;
  try {
    return first.run_fstring();
  } catch (GenericFailure&) {
  } catch (SpecificError&) {
    error = relocate(first.error);
    throw SpecificError{};
  }
  Parser second(sub, Mode::Eval, flags_, true);
  second.depth_ = depth_;
  try {
    second.run_fstring();
    second.set_generic_error(first.furthest());
  } catch (GenericFailure&) {
    second.set_generic_error(first.furthest());
  } catch (SpecificError&) {
  }
  error = relocate(second.error);
  throw SpecificError{};
}

}  // namespace spindle::parser
