// The tokenizer: source bytes to a flat array of tokens, in one pass.
//
// The whole source is tokenized up front. Tokenizing stops at the first error;
// the error is kept with the index of the token where it occurred, so the parser
// reports it when it reaches that token, as CPython's lazy tokenizer would. No
// token holds a collected pointer, so the arrays may live on the malloc heap.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spindle::parser {

enum class Tok : uint8_t {
  EndMarker, Name, Number, String, Newline, Indent, Dedent, TypeComment,
  // operators
  LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper, Less,
  Greater, Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual, GreaterEqual,
  Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual,
  SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
  RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow,
  Ellipsis, ColonEqual,
  // "<>": a NotEqual the grammar never accepts (outside barry_as_FLUFL), and
  // any other character that starts no token: both make "invalid syntax".
  LessGreater, BadChar,
  // keywords
  KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
  KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal,
  KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise, KwReturn,
  KwTry, KwWhile, KwWith, KwYield,
  // stands in for the token at which tokenizing failed
  Error,
};

inline bool is_keyword(Tok t) { return t >= Tok::KwFalse && t <= Tok::KwYield; }

struct Token {
  Tok type;
  int16_t level;  // bracket nesting after this token
  uint32_t start, end;  // byte offsets into the source buffer
  int32_t lineno, col_offset, end_lineno, end_col_offset;  // col -1: INDENT/DEDENT
};

// A tokenizer error, positioned the way CPython 3.11 reports it.
struct TokError {
  enum Kind : uint8_t {
    None,
    Raised,        // raised by CPython's tokenizer itself: wins over later parser errors
    Eof,           // end of input inside brackets / after a continuation
    Indentation,   // unindent mismatch, too deep
    Tab,           // inconsistent tabs and spaces
    LineCont,      // character after line continuation
  };
  Kind kind = None;
  uint8_t exc = 0;     // 0 SyntaxError, 1 IndentationError, 2 TabError
  std::string msg;
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;  // 1-based character columns
  std::string text;    // the source line as CPython attaches it
  size_t token_index = 0;  // index of the Error token
  bool at_end_of_input = false;  // for the REPL's incomplete-input test
};

struct OpenBracket {
  char ch;
  int lineno, col;
};

struct TokenizedSource {
  std::string text;                 // UTF-8, newlines normalised to \n, ends with \n
  std::vector<uint32_t> line_starts;  // byte offset of each line (line n at [n-1])
  std::vector<Token> tokens;
  std::vector<std::pair<int32_t, std::string>> type_ignores;  // (lineno, tag)
  TokError error;
  std::vector<OpenBracket> open_at_end;  // brackets still open when tokenizing stopped

  std::string_view token_text(const Token& t) const { return {text.data() + t.start, t.end - t.start}; }
  std::string_view line_text(int lineno) const;  // without the newline
};

struct TokenizeOptions {
  bool source_is_utf8 = false;  // ignore coding cookies
  bool type_comments = false;
};

// Decodes (BOM, coding cookie), normalises newlines and tokenizes.
// Returns false if decoding failed (error filled in, no tokens).
bool tokenize(const char* src, size_t len, const TokenizeOptions& opts, TokenizedSource* out);

// Tokenizes text that is already decoded and normalised (f-string expressions).
void tokenize_decoded(std::string text, const TokenizeOptions& opts, TokenizedSource* out);

// Number of characters in the first `bytes` bytes of a UTF-8 line, counting an
// incomplete trailing sequence as one character (CPython's byte->column mapping).
int utf8_chars_in_prefix(std::string_view line, int bytes);

// Unicode identifier rules (XID_Start / XID_Continue per PEP 3131).
bool is_identifier_start(uint32_t cp);
bool is_identifier_continue(uint32_t cp);
bool is_printable(uint32_t cp);

}  // namespace spindle::parser
