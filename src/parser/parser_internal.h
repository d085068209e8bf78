// The recursive-descent parser, shared by parser*.cpp and strings.cpp.
//
// Parsing mirrors CPython's two passes. The first pass parses the grammar
// proper; any failure is generic and only remembers the furthest token looked
// at. If it fails, a second pass reparses with `diagnose_` set, which enables
// the checks CPython's "invalid_*" grammar rules make, at the same points, so
// that the more helpful messages come out. A failure the second pass cannot
// explain is reported as "invalid syntax" at the first pass's furthest token.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "objects/value.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"

namespace spindle::parser {

// Thrown when an alternative does not match; callers that can backtrack catch it.
struct GenericFailure {};
// Thrown once a specific error has been recorded; never caught before the top.
struct SpecificError {};

enum class ErrorType : uint8_t { Syntax, Indentation, Tab };

// An error waiting to be raised. Columns are 1-based byte columns as CPython
// computes them, converted to characters when the exception is made, unless
// `columns_are_chars` (tokenizer errors come that way).
struct PendingError {
  ErrorType type = ErrorType::Syntax;
  std::string msg;
  int lineno = 0, col = 0, end_lineno = 0, end_col = 0;
  bool columns_are_chars = false;
  std::string text;  // overrides the source line when non-empty
  bool has_text = false;
  bool relative_to_fstring = false;  // already made relative to an f-string expression
};

// What a target check is for: selects messages ("assign to" / "delete").
enum class TargetsType : uint8_t { Star, Del, For };

class Parser {
 public:
  Parser(const TokenizedSource& src, Mode mode, unsigned flags, bool diagnose);

  // Throw GenericFailure or SpecificError.
  ast::Mod* run();
  ast::Expr* run_fstring() { return star_expressions(); }

  PendingError error;
  size_t furthest() const { return max_pos_; }

  // An f-string's replacement field: `sub` holds "(" + text + ")" with token
  // positions already shifted into the file; errors are reported relative to
  // the sub-source, as CPython does.
  ast::Expr* parse_fstring_expression(const TokenizedSource& sub, int col_shift);

  // Builds the error for a generic failure (the first pass's furthest token).
  void set_generic_error(size_t furthest_token);
  void set_tokenizer_error(const TokError& e);

 private:
  friend class StringParser;
  friend class DepthGuard;

  // ---- tokens ----
  const Token& tok_at(size_t i);
  const Token& peek() { return tok_at(pos_); }
  Tok peek_type() { return tok_at(pos_).type; }
  Tok peek_type(size_t ahead) { return tok_at(pos_ + ahead).type; }
  bool at(Tok t) { return peek_type() == t; }
  bool at_name(std::string_view soft_keyword);
  bool accept(Tok t) {
    if (!at(t)) return false;
    pos_++;
    return true;
  }
  const Token& expect(Tok t);
  const Token& expect_forced(Tok t, const char* spelling);
  std::string_view text_of(const Token& t) const { return src_.token_text(t); }
  [[noreturn]] void fail();

  // ---- positions ----
  ast::Pos start_pos(size_t tok_index);
  void finish(ast::Pos* pos, const ast::Pos& start);  // start..last consumed token
  void finish(ast::Pos* pos, size_t start_tok) { finish(pos, start_pos(start_tok)); }
  const Token& last_consumed();

  // ---- errors (the second pass's messages) ----
  [[noreturn]] void raise_range(ErrorType type, const std::string& msg, const ast::Pos& from, const ast::Pos& to);
  [[noreturn]] void raise_at(const std::string& msg, const ast::Pos& where) { raise_range(ErrorType::Syntax, msg, where, where); }
  [[noreturn]] void raise_at_token(const std::string& msg, const Token& t, ErrorType type = ErrorType::Syntax);
  [[noreturn]] void raise_last_token(const std::string& msg, ErrorType type = ErrorType::Syntax);
  [[noreturn]] void raise_starting_from(const std::string& msg, const ast::Pos& from);
  [[noreturn]] void raise_raw(ErrorType type, const std::string& msg, int lineno, int col, int end_lineno, int end_col);
  ast::Pos token_pos(const Token& t);

  template <class F>
  bool attempt(F&& f) {
    size_t save = pos_;
    try {
      f();
      return true;
    } catch (GenericFailure&) {
      pos_ = save;
      return false;
    }
  }

  void enter();
  void leave() { depth_--; }

  // The second pass tries alternatives speculatively at every expression;
  // memoizing these rules per token position keeps that linear, as CPython's
  // memo does. Indexed by rule * 2 + (diagnose_ ? 1 : 0).
  enum MemoRule { kMemoExpression, kMemoDisjunction, kMemoRules };
  struct Memo {
    std::vector<int32_t> end;     // -1: failed
    std::vector<uint8_t> known;
    ast::Expr** nodes = nullptr;  // collected memory, scanned
  };
  template <class F>
  ast::Expr* memoized(MemoRule rule, F&& parse);
  ast::Expr* expression_uncached();
  ast::Expr* disjunction_uncached();

  // ---- names ----
  Str* identifier(const Token& t);
  ast::Name* name_node(const Token& t, ast::ExprContext ctx = ast::ExprContext::Load);

  // ---- statements (parser.cpp) ----
  ast::Seq<ast::Stmt*> statements_until(Tok end);
  void statement(ast::SeqBuilder<ast::Stmt*>* out);
  void simple_stmts(ast::SeqBuilder<ast::Stmt*>* out);
  ast::Stmt* simple_stmt();
  ast::Stmt* expression_statement();
  ast::Stmt* plain_expression_statement(size_t start_tok, bool* committed);
  ast::Stmt* finish_assignment(size_t start_tok, ast::Expr* first);
  ast::Stmt* finish_annotation(size_t start_tok, ast::Expr* target, bool simple);
  ast::Stmt* finish_augassign(size_t start_tok, ast::Expr* target);
  ast::Stmt* return_stmt();
  ast::Stmt* raise_stmt();
  ast::Stmt* del_stmt();
  ast::Stmt* assert_stmt();
  ast::Stmt* global_stmt(bool is_nonlocal);
  ast::Stmt* import_name();
  ast::Stmt* import_from();
  ast::Alias* dotted_as_name();
  ast::Alias* import_from_as_name();
  Str* dotted_name();
  ast::Seq<ast::Stmt*> block(const Token& keyword, const char* what);
  ast::Stmt* compound_stmt();
  ast::Stmt* function_def(ast::Seq<ast::Expr*> decorators, size_t start_tok);
  ast::Stmt* class_def(ast::Seq<ast::Expr*> decorators, size_t start_tok);
  ast::Stmt* decorated();
  ast::Stmt* if_stmt(bool is_elif);
  ast::Seq<ast::Stmt*> else_block();
  ast::Stmt* while_stmt();
  ast::Stmt* for_stmt(size_t start_tok, bool is_async);
  ast::Stmt* with_stmt(size_t start_tok, bool is_async);
  bool parenthesized_with_items(ast::SeqBuilder<ast::WithItem*>* items);
  ast::WithItem* with_item();
  ast::Stmt* try_stmt();
  ast::ExceptHandler* except_block(bool* is_star, bool first);
  ast::Stmt* match_stmt();
  ast::MatchCase* case_block();
  Str* type_comment_opt();
  void check_invalid_assignment(size_t start_tok);
  void expect_colon_or_diagnose();

  // ---- expressions (parser_expr.cpp) ----
  ast::Expr* expression();
  ast::Expr* expression_without_invalid();
  ast::Expr* named_expression();
  ast::Expr* star_expression();
  ast::Expr* star_expressions();
  ast::Expr* star_named_expression();
  ast::Expr* yield_expr();
  ast::Expr* annotated_rhs();
  ast::Expr* expressions();
  using Level = ast::Expr* (Parser::*)();
  ast::Expr* binary_level(Level next, bool (*op_of)(Tok, ast::Operator*));
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or();
  ast::Expr* bitwise_xor();
  ast::Expr* bitwise_and();
  ast::Expr* shift_expr();
  ast::Expr* sum();
  ast::Expr* term();
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* await_primary();
  ast::Expr* primary();
  ast::Expr* atom();
  ast::Expr* lambdef();
  ast::Expr* paren_atom();
  ast::Expr* list_atom();
  ast::Expr* brace_atom();
  ast::Expr* dict_rest(size_t start_tok, ast::Expr* first);
  void check_invalid_kvpairs();
  ast::Expr* slices();
  ast::Expr* slice_item();
  ast::Expr* number(const Token& t);
  ast::Expr* strings();
  ast::Seq<ast::Comprehension*> for_if_clauses();
  void call_arguments(ast::Call* call, size_t open_tok, bool allow_genexp);
  ast::Arguments* parameters(bool is_lambda);
  ast::Arg* param(bool is_lambda, bool star_annotation);
  ast::Expr* star_targets();
  ast::Expr* star_target();

  // Target conversion: returns the first invalid sub-expression (nullptr if
  // the whole is a valid target); set_context rewrites ctx throughout.
  static ast::Expr* invalid_target(ast::Expr* e, TargetsType type);
  static void set_context(ast::Expr* e, ast::ExprContext ctx);
  [[noreturn]] void raise_invalid_target(TargetsType type, ast::Expr* e);
  static const char* expr_name(ast::Expr* e);

  // ---- patterns (parser_pattern.cpp) ----
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  ast::Pattern* maybe_star_pattern();
  ast::Pattern* sequence_pattern(Tok close, size_t start_tok);
  ast::Pattern* mapping_pattern();
  ast::Pattern* class_pattern(ast::Expr* cls, size_t start_tok);
  ast::Expr* signed_number();
  ast::Expr* literal_expr();
  ast::Expr* name_or_attr();
  Str* capture_target_name();
  bool at_capture_target();

  const TokenizedSource& src_;
  const std::vector<Token>& toks_;
  Mode mode_;
  unsigned flags_;
  bool diagnose_;
  bool memoize_;  // the second pass
  size_t pos_ = 0;
  size_t max_pos_ = 0;
  size_t error_token_ = SIZE_MAX;  // index of the tokenizer's Error token
  int depth_ = 0;
  Memo memo_[kMemoRules * 2];
  // Second pass: where call arguments started. When a failed call's
  // brackets are read again as a tuple, CPython's invalid_named_expression
  // stays silent at those positions (`f(a=1, ...)`, `f(x.y:=1)`).
  std::vector<uint8_t> call_argument_start_;
};

template <class F>
ast::Expr* Parser::memoized(MemoRule rule, F&& parse) {
  Memo& m = memo_[rule * 2 + (diagnose_ ? 1 : 0)];
  if (!m.nodes) {
    m.nodes = gc::make_array<ast::Expr*>(toks_.size());
    m.end.assign(toks_.size(), 0);
    m.known.assign(toks_.size(), 0);
  }
  size_t start = pos_;
  if (m.known[start]) {
    if (m.end[start] < 0) fail();
    peek();  // the tokenizer error, if this position is past it
    pos_ = static_cast<size_t>(m.end[start]);
    return m.nodes[start];
  }
  try {
    ast::Expr* e = parse();
    m.known[start] = 1;
    m.end[start] = static_cast<int32_t>(pos_);
    m.nodes[start] = e;
    return e;
  } catch (GenericFailure&) {
    m.known[start] = 1;
    m.end[start] = -1;
    throw;
  }
}

// RAII nesting guard against native stack exhaustion.
class DepthGuard {
 public:
  explicit DepthGuard(Parser* p);
  ~DepthGuard();

 private:
  Parser* p_;
};

}  // namespace spindle::parser
