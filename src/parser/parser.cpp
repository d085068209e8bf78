// Entry point, error reporting and statements.
#include <utf8proc.h>

#include <cstdlib>
#include <cstring>

#include "objects/exception.h"
#include "vm/thread_state.h"
#include "objects/str.h"
#include "parser/parser_internal.h"

namespace spindle::parser {

using namespace ast;
using ast::Dict;
using ast::List;
using ast::Set;
using ast::Tuple;

namespace {

// Native stack guard: deeply nested input gets a SyntaxError, not a crash.
constexpr int kMaxDepth = 1500;

thread_local bool last_incomplete = false;

}  // namespace

Parser::Parser(const TokenizedSource& src, Mode mode, unsigned flags, bool diagnose)
    : src_(src), toks_(src.tokens), mode_(mode), flags_(flags), diagnose_(diagnose), memoize_(diagnose) {
  if (src.error.kind != TokError::None) error_token_ = src.error.token_index;
}

// ---------------------------------------------------------------- tokens

const Token& Parser::tok_at(size_t i) {
  if (i >= toks_.size()) i = toks_.size() - 1;
  if (i > max_pos_) max_pos_ = i;
  if (i >= error_token_) {
    set_tokenizer_error(src_.error);
    throw SpecificError{};
  }
  return toks_[i];
}

bool Parser::at_name(std::string_view soft_keyword) {
  const Token& t = peek();
  return t.type == Tok::Name && text_of(t) == soft_keyword;
}

void Parser::fail() { throw GenericFailure{}; }

const Token& Parser::expect(Tok t) {
  const Token& tk = peek();
  if (tk.type != t) fail();
  pos_++;
  return tk;
}

// A token the grammar requires outright (CPython's &&): a mismatch is an
// immediate error, even in the first pass.
const Token& Parser::expect_forced(Tok t, const char* spelling) {
  const Token& tk = peek();
  if (tk.type != t) raise_at_token(std::string("expected '") + spelling + "'", tk);
  pos_++;
  return tk;
}

void Parser::enter() {
  // Also stop short of the thread's native stack limit, for threads with
  // small stacks.
  char probe;
  const char* limit = ts() ? ts()->native_stack_limit : nullptr;
  if (++depth_ > kMaxDepth || (limit && &probe < limit)) {
    raise_last_token("too many nested parentheses");
  }
}

DepthGuard::DepthGuard(Parser* p) : p_(p) { p->enter(); }
DepthGuard::~DepthGuard() { p_->leave(); }

// ---------------------------------------------------------------- positions

Pos Parser::token_pos(const Token& t) {
  Pos p;
  p.lineno = t.lineno;
  p.col_offset = t.col_offset;
  p.end_lineno = t.end_lineno;
  p.end_col_offset = t.end_col_offset;
  return p;
}

Pos Parser::start_pos(size_t tok_index) { return token_pos(tok_at(tok_index)); }

const Token& Parser::last_consumed() {
  size_t i = pos_;
  while (i > 0) {
    const Token& t = toks_[i - 1];
    if (t.type != Tok::Newline && t.type != Tok::Indent && t.type != Tok::Dedent && t.type != Tok::EndMarker)
      return t;
    i--;
  }
  return toks_[0];
}

void Parser::finish(Pos* pos, const Pos& start) {
  const Token& last = last_consumed();
  pos->lineno = start.lineno;
  pos->col_offset = start.col_offset;
  pos->end_lineno = last.end_lineno;
  pos->end_col_offset = last.end_col_offset;
}

// ---------------------------------------------------------------- errors

void Parser::raise_raw(ErrorType type, const std::string& msg, int lineno, int col, int end_lineno, int end_col) {
  error = PendingError{};
  error.type = type;
  error.msg = msg;
  error.lineno = lineno;
  error.col = col;
  error.end_lineno = end_lineno;
  error.end_col = end_col;
  throw SpecificError{};
}

void Parser::raise_range(ErrorType type, const std::string& msg, const Pos& from, const Pos& to) {
  raise_raw(type, msg, from.lineno, from.col_offset + 1, to.end_lineno, to.end_col_offset + 1);
}

// The token's own range; tokens without columns use the tokenizer's cursor.
void Parser::raise_at_token(const std::string& msg, const Token& t, ErrorType type) {
  if (t.col_offset < 0) raise_raw(type, msg, t.lineno, static_cast<int>(t.start), t.end_lineno, -1);
  raise_raw(type, msg, t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1);
}

// CPython's RAISE_SYNTAX_ERROR: at the last token the parser has looked at.
void Parser::raise_last_token(const std::string& msg, ErrorType type) { raise_at_token(msg, tok_at(max_pos_), type); }

// From `from` to the tokenizer's cursor (the end of the last token looked at).
void Parser::raise_starting_from(const std::string& msg, const Pos& from) {
  const Token& t = toks_[std::min(max_pos_, toks_.size() - 1)];
  int end_col = t.col_offset < 0 ? static_cast<int>(t.start) : t.end_col_offset;
  raise_raw(ErrorType::Syntax, msg, from.lineno, from.col_offset + 1, t.end_lineno, end_col);
}

void Parser::set_generic_error(size_t furthest_token) {
  const Token& t = toks_[std::min(furthest_token, toks_.size() - 1)];
  try {
    if (t.type == Tok::Indent) raise_at_token("unexpected indent", t, ErrorType::Indentation);
    if (t.type == Tok::Dedent) raise_at_token("unexpected unindent", t, ErrorType::Indentation);
    // Unlike the messages above, this one takes the token's columns as they
    // are: -1 (no column) comes out as 0.
    raise_raw(ErrorType::Syntax, "invalid syntax", t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1);
  } catch (SpecificError&) {
  }
}

void Parser::set_tokenizer_error(const TokError& e) {
  error = PendingError{};
  error.type = e.exc == 0 ? ErrorType::Syntax : e.exc == 1 ? ErrorType::Indentation : ErrorType::Tab;
  error.msg = e.msg;
  error.lineno = e.lineno;
  error.col = e.offset;
  error.end_lineno = e.end_lineno;
  error.end_col = e.end_offset;
  error.columns_are_chars = true;
  error.text = e.text;
  error.has_text = true;
}

// ---------------------------------------------------------------- names

namespace {

// PEP 3131: identifiers are compared in NFKC form.
Str* intern_identifier(std::string_view text) {
  bool ascii = true;
  for (char ch : text)
    if (static_cast<unsigned char>(ch) >= 128) ascii = false;
  if (ascii) return intern_sv(text);
  std::string copy(text);
  utf8proc_uint8_t* normalized = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str()));
  if (!normalized) return intern_sv(text);
  Str* s = intern_sv(reinterpret_cast<const char*>(normalized));
  free(normalized);
  return s;
}

}  // namespace

Str* Parser::identifier(const Token& t) { return intern_identifier(text_of(t)); }

Name* Parser::name_node(const Token& t, ExprContext ctx) {
  Name* n = make<Name>();
  n->id = identifier(t);
  n->ctx = ctx;
  n->pos = token_pos(t);
  return n;
}

// ---------------------------------------------------------------- modules

Mod* Parser::run() {
  Mod* mod = make<Mod>();
  switch (mode_) {
    case Mode::Exec: {
      mod->kind = ModKind::Module;
      mod->body = statements_until(Tok::EndMarker);
      expect(Tok::EndMarker);
      SeqBuilder<TypeIgnore*> ignores;
      for (const auto& [line, tag] : src_.type_ignores) {
        TypeIgnore* ti = make<TypeIgnore>();
        ti->lineno = line;
        ti->tag = str_from_utf8(tag);
        ignores.push(ti);
      }
      mod->type_ignores = ignores.done();
      break;
    }
    case Mode::Eval:
      mod->kind = ModKind::Expression;
      mod->expr = expressions();
      while (accept(Tok::Newline)) {
      }
      expect(Tok::EndMarker);
      break;
    case Mode::Single: {
      mod->kind = ModKind::Interactive;
      SeqBuilder<Stmt*> body;
      switch (peek_type()) {
        case Tok::KwDef: case Tok::At: case Tok::KwClass: case Tok::KwIf: case Tok::KwWhile:
        case Tok::KwFor: case Tok::KwTry: case Tok::KwWith: case Tok::KwAsync:
          body.push(compound_stmt());
          if (!accept(Tok::Newline) && !at(Tok::EndMarker)) fail();
          break;
        case Tok::EndMarker:
          fail();
        default:
          if (at_name("match")) {
            if (Stmt* m = match_stmt()) {
              body.push(m);
              if (!accept(Tok::Newline) && !at(Tok::EndMarker)) fail();
              break;
            }
          }
          simple_stmts(&body);
          break;
      }
      mod->body = body.done();
      // Only blank lines and comments may follow the statement.
      std::string_view rest = std::string_view(src_.text).substr(last_consumed().end);
      for (size_t i = 0; i < rest.size(); i++) {
        char c = rest[i];
        if (c == '#') {
          while (i < rest.size() && rest[i] != '\n') i++;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\f') {
          max_pos_ = pos_ - 1;
          raise_last_token("multiple statements found while compiling a single statement");
        }
      }
      break;
    }
    case Mode::FuncType: {
      mod->kind = ModKind::FunctionType;
      expect(Tok::LPar);
      SeqBuilder<Expr*> argtypes;
      if (!at(Tok::RPar)) {
        for (;;) {
          accept(Tok::Star) || accept(Tok::DoubleStar);
          argtypes.push(expression());
          if (!accept(Tok::Comma)) break;
        }
      }
      expect(Tok::RPar);
      expect(Tok::RArrow);
      mod->argtypes = argtypes.done();
      mod->expr = expression();
      while (accept(Tok::Newline)) {
      }
      expect(Tok::EndMarker);
      break;
    }
  }
  return mod;
}

// ---------------------------------------------------------------- statements

Seq<Stmt*> Parser::statements_until(Tok end) {
  SeqBuilder<Stmt*> out;
  while (!at(end)) statement(&out);
  return out.done();
}

void Parser::statement(SeqBuilder<Stmt*>* out) {
  switch (peek_type()) {
    case Tok::KwDef: case Tok::At: case Tok::KwClass: case Tok::KwIf: case Tok::KwWhile:
    case Tok::KwFor: case Tok::KwTry: case Tok::KwWith: case Tok::KwAsync:
      out->push(compound_stmt());
      return;
    case Tok::Name:
      if (at_name("match")) {
        if (Stmt* m = match_stmt()) {
          out->push(m);
          return;
        }
      }
      break;
    default:
      break;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(SeqBuilder<Stmt*>* out) {
  for (;;) {
    out->push(simple_stmt());
    if (!accept(Tok::Semi)) break;
    if (at(Tok::Newline)) break;
  }
  expect(Tok::Newline);
}

Stmt* Parser::simple_stmt() {
  size_t start = pos_;
  switch (peek_type()) {
    case Tok::KwReturn:
      return return_stmt();
    case Tok::KwImport:
      return import_name();
    case Tok::KwFrom:
      return import_from();
    case Tok::KwRaise:
      return raise_stmt();
    case Tok::KwPass: {
      pos_++;
      Pass* s = make<Pass>();
      finish(&s->pos, start);
      return s;
    }
    case Tok::KwBreak: {
      pos_++;
      Break* s = make<Break>();
      finish(&s->pos, start);
      return s;
    }
    case Tok::KwContinue: {
      pos_++;
      Continue* s = make<Continue>();
      finish(&s->pos, start);
      return s;
    }
    case Tok::KwDel:
      return del_stmt();
    case Tok::KwAssert:
      return assert_stmt();
    case Tok::KwGlobal:
      return global_stmt(false);
    case Tok::KwNonlocal:
      return global_stmt(true);
    default:
      return expression_statement();
  }
}

namespace {

bool augassign_op(Tok t, Operator* op) {
  switch (t) {
    case Tok::PlusEqual: *op = Operator::Add; return true;
    case Tok::MinEqual: *op = Operator::Sub; return true;
    case Tok::StarEqual: *op = Operator::Mult; return true;
    case Tok::AtEqual: *op = Operator::MatMult; return true;
    case Tok::SlashEqual: *op = Operator::Div; return true;
    case Tok::PercentEqual: *op = Operator::Mod; return true;
    case Tok::AmperEqual: *op = Operator::BitAnd; return true;
    case Tok::VBarEqual: *op = Operator::BitOr; return true;
    case Tok::CircumflexEqual: *op = Operator::BitXor; return true;
    case Tok::LeftShiftEqual: *op = Operator::LShift; return true;
    case Tok::RightShiftEqual: *op = Operator::RShift; return true;
    case Tok::DoubleStarEqual: *op = Operator::Pow; return true;
    case Tok::DoubleSlashEqual: *op = Operator::FloorDiv; return true;
    default: return false;
  }
}

bool is_single_target(Expr* e) {
  return e->kind == ExprKind::Name || e->kind == ExprKind::Attribute || e->kind == ExprKind::Subscript;
}

}  // namespace

Stmt* Parser::expression_statement() {
  size_t start = pos_;
  if (at(Tok::Name) && peek_type(1) == Tok::Colon) {
    Name* target = name_node(peek(), ExprContext::Store);
    pos_++;
    return finish_annotation(start, target, true);
  }
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    if (at(Tok::Equal)) {
      if (diagnose_) raise_at("assignment to yield expression not possible", y->pos);
      fail();
    }
    ExprStmt* s = make<ExprStmt>();
    s->value = y;
    finish(&s->pos, start);
    return s;
  }
  if (diagnose_) {
    // CPython tries the assignment forms first, then invalid_assignment
    // (also before settling for an expression statement), unless an
    // augmented assignment operator committed it (the grammar's cut).
    Stmt* s = nullptr;
    bool committed = false;
    bool ok = attempt([&] { s = plain_expression_statement(start, &committed); });
    if (ok && s->kind != StmtKind::Expr) return s;
    if (!ok && committed) fail();
    size_t after = pos_;
    check_invalid_assignment(start);
    if (!ok) fail();
    pos_ = after;
    return s;
  }
  bool committed = false;
  return plain_expression_statement(start, &committed);
}

Stmt* Parser::plain_expression_statement(size_t start, bool* committed) {
  Expr* e = star_expressions();
  Tok next = peek_type();
  if (next == Tok::Equal) return finish_assignment(start, e);
  if (next == Tok::Colon) {
    if (!is_single_target(e)) fail();
    set_context(e, ExprContext::Store);
    return finish_annotation(start, e, false);
  }
  Operator op;
  if (augassign_op(next, &op)) {
    *committed = is_single_target(e);
    return finish_augassign(start, e);
  }
  ExprStmt* s = make<ExprStmt>();
  s->value = e;
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::finish_annotation(size_t start, Expr* target, bool simple) {
  expect(Tok::Colon);
  AnnAssign* s = make<AnnAssign>();
  s->target = target;
  s->annotation = expression();
  // ['=' annotated_rhs]: a missing value leaves the '=' to fail later.
  if (at(Tok::Equal)) {
    size_t eq = pos_;
    if (!attempt([&] {
          pos_++;
          s->value = annotated_rhs();
        }))
      pos_ = eq;
  }
  s->simple = simple;
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::finish_augassign(size_t start, Expr* target) {
  if (!is_single_target(target)) fail();
  set_context(target, ExprContext::Store);
  AugAssign* s = make<AugAssign>();
  augassign_op(peek_type(), &s->op);
  pos_++;
  s->target = target;
  s->value = annotated_rhs();
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::finish_assignment(size_t start, Expr* first) {
  SeqBuilder<Expr*> targets;
  Expr* value = first;
  while (accept(Tok::Equal)) {
    if (invalid_target(value, TargetsType::Star)) fail();
    set_context(value, ExprContext::Store);
    targets.push(value);
    value = annotated_rhs();
  }
  Assign* s = make<Assign>();
  s->targets = targets.done();
  s->value = value;
  s->type_comment = type_comment_opt();
  finish(&s->pos, start);
  return s;
}

Str* Parser::type_comment_opt() {
  if (at(Tok::TypeComment)) {
    const Token& t = peek();
    pos_++;
    return str_from_utf8(text_of(t));
  }
  return nullptr;
}

// The second pass's view of a statement that did not parse: CPython's
// invalid_assignment alternatives, tried in order, each from the start.
void Parser::check_invalid_assignment(size_t start) {
  pos_ = start;
  auto annotation_follows = [&] {
    return accept(Tok::Colon) && attempt([&] { expression(); });
  };
  // only single target (not list/tuple) can be annotated
  if (at(Tok::LPar) || at(Tok::LSqb)) {
    Expr* e = nullptr;
    if (attempt([&] { e = atom(); }) && (e->kind == ExprKind::List || e->kind == ExprKind::Tuple)) {
      // atom() consumed the whole parenthesised target
      if (annotation_follows())
        raise_at(std::string("only single target (not ") + (e->kind == ExprKind::List ? "list" : "tuple") +
                     ") can be annotated",
                 e->pos);
    }
    pos_ = start;
  }
  {
    Expr* e = nullptr;
    if (attempt([&] { e = star_named_expression(); }) && accept(Tok::Comma)) {
      // star_named_expressions*: lists of items, one after another
      while (attempt([&] { star_named_expression(); })) accept(Tok::Comma);
      if (annotation_follows()) raise_at("only single target (not tuple) can be annotated", e->pos);
    }
    pos_ = start;
  }
  {
    Expr* e = nullptr;
    if (attempt([&] { e = expression(); }) && annotation_follows())
      raise_at("illegal target for annotation", e->pos);
    pos_ = start;
  }
  {
    // (star_targets '=')* star_expressions '='
    for (;;) {
      size_t save = pos_;
      if (attempt([&] { star_targets(); }) && accept(Tok::Equal)) continue;
      pos_ = save;
      break;
    }
    Expr* e = nullptr;
    if (attempt([&] { e = star_expressions(); }) && at(Tok::Equal)) raise_invalid_target(TargetsType::Star, e);
    if (at(Tok::KwYield) || (e == nullptr)) {
      Expr* y = nullptr;
      if (at(Tok::KwYield) && attempt([&] { y = yield_expr(); }) && at(Tok::Equal))
        raise_at("assignment to yield expression not possible", y->pos);
    }
    pos_ = start;
  }
  {
    Expr* e = nullptr;
    Operator op;
    if (attempt([&] { e = star_expressions(); }) && augassign_op(peek_type(), &op)) {
      pos_++;
      if (attempt([&] { annotated_rhs(); }))
        raise_at(std::string("'") + expr_name(e) + "' is an illegal expression for augmented assignment", e->pos);
    }
    pos_ = start;
  }
}

Stmt* Parser::return_stmt() {
  size_t start = pos_;
  pos_++;
  Return* s = make<Return>();
  if (!at(Tok::Newline) && !at(Tok::Semi)) s->value = star_expressions();
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::raise_stmt() {
  size_t start = pos_;
  pos_++;
  Raise* s = make<Raise>();
  if (!at(Tok::Newline) && !at(Tok::Semi)) {
    s->exc = expression();
    if (accept(Tok::KwFrom)) s->cause = expression();
  }
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::del_stmt() {
  size_t start = pos_;
  pos_++;
  SeqBuilder<Expr*> targets;
  bool ok = true;
  size_t targets_start = pos_;
  for (;;) {
    Expr* e = star_expression();
    if (invalid_target(e, TargetsType::Del)) ok = false;
    targets.push(e);
    if (!accept(Tok::Comma)) break;
    if (at(Tok::Newline) || at(Tok::Semi)) break;
  }
  if (!ok || !(at(Tok::Newline) || at(Tok::Semi))) {
    if (diagnose_) {
      pos_ = targets_start;
      Expr* all = star_expressions();
      if (invalid_target(all, TargetsType::Del)) raise_invalid_target(TargetsType::Del, all);
    }
    fail();
  }
  Delete* s = make<Delete>();
  for (Expr* e : targets.done()) set_context(e, ExprContext::Del);
  s->targets = targets.done();
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::assert_stmt() {
  size_t start = pos_;
  pos_++;
  Assert* s = make<Assert>();
  s->test = expression();
  if (accept(Tok::Comma)) s->msg = expression();
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::global_stmt(bool is_nonlocal) {
  size_t start = pos_;
  pos_++;
  SeqBuilder<Str*> names;
  for (;;) {
    names.push(identifier(expect(Tok::Name)));
    if (!accept(Tok::Comma)) break;
  }
  if (is_nonlocal) {
    Nonlocal* s = make<Nonlocal>();
    s->names = names.done();
    finish(&s->pos, start);
    return s;
  }
  Global* s = make<Global>();
  s->names = names.done();
  finish(&s->pos, start);
  return s;
}

Str* Parser::dotted_name() {
  const Token& first = expect(Tok::Name);
  if (!at(Tok::Dot)) return identifier(first);
  std::string joined(text_of(first));
  while (at(Tok::Dot) && peek_type(1) == Tok::Name) {
    pos_++;
    joined += '.';
    joined += text_of(expect(Tok::Name));
  }
  return intern_identifier(joined);
}

Alias* Parser::dotted_as_name() {
  size_t start = pos_;
  Alias* a = make<Alias>();
  a->name = dotted_name();
  if (accept(Tok::KwAs)) a->asname = identifier(expect(Tok::Name));
  finish(&a->pos, start);
  return a;
}

Stmt* Parser::import_name() {
  size_t start = pos_;
  pos_++;
  SeqBuilder<Alias*> names;
  for (;;) {
    names.push(dotted_as_name());
    if (!accept(Tok::Comma)) break;
  }
  Import* s = make<Import>();
  s->names = names.done();
  finish(&s->pos, start);
  return s;
}

Alias* Parser::import_from_as_name() {
  size_t start = pos_;
  Alias* a = make<Alias>();
  a->name = identifier(expect(Tok::Name));
  if (accept(Tok::KwAs)) a->asname = identifier(expect(Tok::Name));
  finish(&a->pos, start);
  return a;
}

Stmt* Parser::import_from() {
  size_t start = pos_;
  pos_++;
  int level = 0;
  for (;;) {
    if (accept(Tok::Dot))
      level += 1;
    else if (accept(Tok::Ellipsis))
      level += 3;
    else
      break;
  }
  ImportFrom* s = make<ImportFrom>();
  s->level = level;
  if (level == 0 || !at(Tok::KwImport)) s->module = dotted_name();
  expect(Tok::KwImport);
  SeqBuilder<Alias*> names;
  if (at(Tok::Star)) {
    size_t star = pos_;
    pos_++;
    Alias* a = make<Alias>();
    a->name = intern_sv("*");
    finish(&a->pos, star);
    names.push(a);
  } else if (accept(Tok::LPar)) {
    for (;;) {
      names.push(import_from_as_name());
      if (!accept(Tok::Comma)) break;
      if (at(Tok::RPar)) break;
    }
    expect(Tok::RPar);
  } else {
    for (;;) {
      names.push(import_from_as_name());
      if (!accept(Tok::Comma)) break;
      if (at(Tok::Newline)) {
        if (diagnose_) raise_last_token("trailing comma not allowed without surrounding parentheses");
        fail();
      }
    }
  }
  s->names = names.done();
  finish(&s->pos, start);
  return s;
}

// ---------------------------------------------------------------- compound statements

// The body after a compound statement's ':'.
Seq<Stmt*> Parser::block(const Token& keyword, const char* what) {
  if (at(Tok::Newline)) {
    if (peek_type(1) != Tok::Indent) {
      if (diagnose_) {
        pos_++;
        peek();
        raise_last_token(std::string("expected an indented block after ") + what + " on line " +
                             std::to_string(keyword.lineno),
                         ErrorType::Indentation);
      }
      fail();
    }
    pos_ += 2;
    Seq<Stmt*> body = statements_until(Tok::Dedent);
    expect(Tok::Dedent);
    return body;
  }
  SeqBuilder<Stmt*> body;
  simple_stmts(&body);
  return body.done();
}

// "expected ':'" for a header followed directly by the end of the line.
void Parser::expect_colon_or_diagnose() {
  if (accept(Tok::Colon)) return;
  if (diagnose_ && at(Tok::Newline)) raise_last_token("expected ':'");
  fail();
}

Stmt* Parser::compound_stmt() {
  size_t start = pos_;
  switch (peek_type()) {
    case Tok::At:
      return decorated();
    case Tok::KwDef:
      return function_def({}, start);
    case Tok::KwClass:
      return class_def({}, start);
    case Tok::KwIf:
      return if_stmt(false);
    case Tok::KwWhile:
      return while_stmt();
    case Tok::KwFor:
      return for_stmt(start, false);
    case Tok::KwTry:
      return try_stmt();
    case Tok::KwWith:
      return with_stmt(start, false);
    case Tok::KwAsync:
      switch (peek_type(1)) {
        case Tok::KwDef:
          pos_++;
          return function_def({}, start);
        case Tok::KwFor:
          pos_++;
          return for_stmt(start, true);
        case Tok::KwWith:
          pos_++;
          return with_stmt(start, true);
        default:
          pos_++;
          peek();
          fail();
      }
    default:
      fail();
  }
}

Stmt* Parser::decorated() {
  SeqBuilder<Expr*> decorators;
  while (accept(Tok::At)) {
    decorators.push(named_expression());
    expect(Tok::Newline);
  }
  size_t start = pos_;
  if (at(Tok::KwClass)) return class_def(decorators.done(), start);
  if (at(Tok::KwAsync) && peek_type(1) == Tok::KwDef) {
    pos_++;
    return function_def(decorators.done(), start);
  }
  if (at(Tok::KwDef)) return function_def(decorators.done(), start);
  fail();
}

Stmt* Parser::function_def(Seq<Expr*> decorators, size_t start) {
  bool is_async = toks_[start].type == Tok::KwAsync;
  const Token& def_tok = expect(Tok::KwDef);
  FunctionDef* f = make<FunctionDef>(is_async);
  f->name = identifier(expect(Tok::Name));
  expect_forced(Tok::LPar, "(");
  f->args = parameters(false);
  expect(Tok::RPar);
  // ['->' expression]: without an expression the '->' is left for the ':' check.
  if (at(Tok::RArrow)) {
    size_t arrow = pos_;
    if (!attempt([&] {
          pos_++;
          f->returns = expression();
        }))
      pos_ = arrow;
  }
  expect_forced(Tok::Colon, ":");
  if ((flags_ & kTypeComments) && at(Tok::TypeComment)) {
    f->type_comment = type_comment_opt();
  } else if ((flags_ & kTypeComments) && at(Tok::Newline) && peek_type(1) == Tok::TypeComment &&
             peek_type(2) == Tok::Newline && peek_type(3) == Tok::Indent) {
    pos_++;  // the comment's line: NEWLINE TYPE_COMMENT, then the block's NEWLINE INDENT
    f->type_comment = type_comment_opt();
  }
  f->body = block(def_tok, "function definition");
  f->decorator_list = decorators;
  finish(&f->pos, start);
  return f;
}

Stmt* Parser::class_def(Seq<Expr*> decorators, size_t start) {
  const Token& class_tok = expect(Tok::KwClass);
  ClassDef* c = make<ClassDef>();
  c->name = identifier(expect(Tok::Name));
  if (at(Tok::LPar)) {
    size_t open = pos_;
    pos_++;
    Call scratch;
    call_arguments(&scratch, open, false);
    c->bases = scratch.args;
    c->keywords = scratch.keywords;
  }
  expect_colon_or_diagnose();
  c->body = block(class_tok, "class definition");
  c->decorator_list = decorators;
  finish(&c->pos, start);
  return c;
}

Stmt* Parser::if_stmt(bool is_elif) {
  size_t start = pos_;
  const Token& kw = tok_at(pos_);
  pos_++;
  If* s = make<If>();
  s->test = named_expression();
  expect_colon_or_diagnose();
  s->body = block(kw, is_elif ? "'elif' statement" : "'if' statement");
  if (at(Tok::KwElif)) {
    SeqBuilder<Stmt*> orelse;
    orelse.push(if_stmt(true));
    s->orelse = orelse.done();
  } else {
    s->orelse = else_block();
  }
  finish(&s->pos, start);
  return s;
}

Seq<Stmt*> Parser::else_block() {
  if (!at(Tok::KwElse)) return {};
  const Token& kw = peek();
  pos_++;
  expect_forced(Tok::Colon, ":");
  return block(kw, "'else' statement");
}

Stmt* Parser::while_stmt() {
  size_t start = pos_;
  const Token& kw = peek();
  pos_++;
  While* s = make<While>();
  s->test = named_expression();
  expect_colon_or_diagnose();
  s->body = block(kw, "'while' statement");
  s->orelse = else_block();
  finish(&s->pos, start);
  return s;
}

Stmt* Parser::for_stmt(size_t start, bool is_async) {
  const Token& kw = expect(Tok::KwFor);
  For* s = make<For>(is_async);
  size_t target_start = pos_;
  Expr* target = nullptr;
  if (!attempt([&] { target = star_targets(); }) || !at(Tok::KwIn)) {
    if (diagnose_) {
      pos_ = target_start;
      Expr* e = nullptr;
      if (attempt([&] { e = star_expressions(); }) && invalid_target(e, TargetsType::For))
        raise_invalid_target(TargetsType::For, e);
    }
    fail();
  }
  pos_++;  // 'in'
  s->target = target;
  s->iter = star_expressions();
  expect_colon_or_diagnose();
  s->type_comment = type_comment_opt();
  s->body = block(kw, "'for' statement");
  s->orelse = else_block();
  finish(&s->pos, start);
  return s;
}

WithItem* Parser::with_item() {
  WithItem* item = make<WithItem>();
  item->context_expr = expression();
  if (accept(Tok::KwAs)) {
    size_t target_start = pos_;
    Expr* target = nullptr;
    bool ok = attempt([&] { target = star_target(); }) &&
              (at(Tok::Comma) || at(Tok::RPar) || at(Tok::Colon));
    if (!ok) {
      if (diagnose_) {
        pos_ = target_start;
        Expr* e = nullptr;
        if (attempt([&] { e = expression(); }) && (at(Tok::Comma) || at(Tok::RPar) || at(Tok::Colon)))
          raise_invalid_target(TargetsType::Star, e);
      }
      fail();
    }
    item->optional_vars = target;
  }
  return item;
}

// `with (a, b as c):` — the items in brackets. False if the brackets turn
// out to be part of the first item's expression.
bool Parser::parenthesized_with_items(SeqBuilder<WithItem*>* items) {
  return attempt([&] {
    expect(Tok::LPar);
    for (;;) {
      items->push(with_item());
      if (!accept(Tok::Comma)) break;
      if (at(Tok::RPar)) break;
    }
    expect(Tok::RPar);
    if (!at(Tok::Colon)) fail();
  });
}

Stmt* Parser::with_stmt(size_t start, bool is_async) {
  const Token& kw = expect(Tok::KwWith);
  size_t items_start = pos_;
  With* s = make<With>(is_async);
  SeqBuilder<WithItem*> items;
  auto header = [&] {
    if (!(at(Tok::LPar) && parenthesized_with_items(&items))) {
      items = SeqBuilder<WithItem*>();
      for (;;) {
        items.push(with_item());
        if (!accept(Tok::Comma)) break;
      }
    }
    expect_colon_or_diagnose();
  };
  if (!diagnose_) {
    header();
  } else if (!attempt(header)) {
    // invalid_with_stmt: the items, loosely, then the end of the line.
    pos_ = items_start;
    auto loose_items = [&](bool parenthesized) {
      for (;;) {
        if (parenthesized)
          expressions();
        else
          expression();
        if (accept(Tok::KwAs)) star_target();
        if (!accept(Tok::Comma)) break;
        if (parenthesized && at(Tok::RPar)) break;
      }
    };
    if (attempt([&] { loose_items(false); }) && at(Tok::Newline)) raise_last_token("expected ':'");
    pos_ = items_start;
    if (accept(Tok::LPar) && attempt([&] { loose_items(true); }) && accept(Tok::RPar) && at(Tok::Newline))
      raise_last_token("expected ':'");
    fail();
  }
  s->items = items.done();
  s->type_comment = type_comment_opt();
  s->body = block(kw, "'with' statement");
  finish(&s->pos, start);
  return s;
}

ExceptHandler* Parser::except_block(bool* is_star, bool first) {
  size_t start = pos_;
  const Token& kw = expect(Tok::KwExcept);
  bool star = accept(Tok::Star);
  if (first)
    *is_star = star;
  else if (star != *is_star) {
    if (diagnose_) {
      if (star)
        raise_range(ErrorType::Syntax, "cannot have both 'except' and 'except*' on the same 'try'", token_pos(kw),
                    token_pos(toks_[pos_ - 1]));
      raise_at("cannot have both 'except' and 'except*' on the same 'try'", token_pos(kw));
    }
    fail();
  }
  ExceptHandler* h = make<ExceptHandler>();
  if ((!at(Tok::Colon) && !at(Tok::Newline)) || star) {
    if (star && (at(Tok::Colon) || at(Tok::Newline))) {
      if (diagnose_) raise_last_token("expected one or more exception types");
      fail();
    }
    if (!at(Tok::Colon)) {
      h->type = expression();
      if (at(Tok::Comma) && diagnose_) {
        size_t save = pos_;
        pos_++;
        if (attempt([&] { expressions(); }) && accept(Tok::KwAs) && accept(Tok::Name) && at(Tok::Colon))
          raise_starting_from("multiple exception types must be parenthesized", h->type->pos);
        pos_ = save;
      }
      if (accept(Tok::KwAs)) {
        if (diagnose_ && !(at(Tok::Name) && peek_type(1) == Tok::Colon)) {
          Expr* e = nullptr;
          size_t save = pos_;
          if (attempt([&] { e = expression(); }) && at(Tok::Colon))
            raise_at(std::string(star ? "cannot use except* statement with " : "cannot use except statement with ") +
                         expr_name(e),
                     e->pos);
          pos_ = save;
        }
        h->name = identifier(expect(Tok::Name));
      }
    }
  }
  expect_colon_or_diagnose();
  h->body = block(kw, star ? "'except*' statement" : "'except' statement");
  finish(&h->pos, start);
  return h;
}

Stmt* Parser::try_stmt() {
  size_t start = pos_;
  const Token& kw = peek();
  pos_++;
  expect_forced(Tok::Colon, ":");
  Seq<Stmt*> body = block(kw, "'try' statement");
  SeqBuilder<ExceptHandler*> handlers;
  bool is_star = false;
  while (at(Tok::KwExcept)) handlers.push(except_block(&is_star, handlers.size == 0));
  Seq<Stmt*> orelse;
  if (handlers.size > 0) orelse = else_block();
  Seq<Stmt*> finalbody;
  if (at(Tok::KwFinally)) {
    const Token& fkw = peek();
    pos_++;
    expect_forced(Tok::Colon, ":");
    finalbody = block(fkw, "'finally' statement");
  } else if (handlers.size == 0) {
    if (diagnose_) raise_last_token("expected 'except' or 'finally' block");
    fail();
  }
  Try* s = make<Try>(is_star);
  s->body = body;
  s->handlers = handlers.done();
  s->orelse = orelse;
  s->finalbody = finalbody;
  finish(&s->pos, start);
  return s;
}

// `match` is a soft keyword: this is a match statement only if a subject and
// ':' follow. Returns nullptr (position unchanged) when it is not.
Stmt* Parser::match_stmt() {
  size_t start = pos_;
  const Token& kw = peek();
  pos_++;
  Expr* subject = nullptr;
  auto subject_expr = [&] {
    size_t s0 = pos_;
    if (at(Tok::Star)) {
      subject = star_named_expression();
    } else {
      subject = named_expression();
    }
    if (at(Tok::Comma)) {
      SeqBuilder<Expr*> elts;
      elts.push(subject);
      while (accept(Tok::Comma)) {
        if (at(Tok::Colon) || at(Tok::Newline)) break;
        elts.push(star_named_expression());
      }
      Tuple* t = make<Tuple>();
      t->elts = elts.done();
      finish(&t->pos, s0);
      subject = t;
    } else if (subject->kind == ExprKind::Starred) {
      fail();
    }
  };
  if (!attempt(subject_expr) || !at(Tok::Colon)) {
    // CPython's invalid_match_stmt fires even where the line is a valid
    // simple statement (`match(x)`), once the second pass is under way.
    if (diagnose_ && subject && at(Tok::Newline)) raise_last_token("expected ':'");
    pos_ = start;
    return nullptr;
  }
  pos_++;  // ':'
  if (!at(Tok::Newline) || peek_type(1) != Tok::Indent) {
    if (diagnose_ && at(Tok::Newline)) {
      pos_++;
      peek();
      raise_last_token("expected an indented block after 'match' statement on line " + std::to_string(kw.lineno),
                       ErrorType::Indentation);
    }
    pos_ = start;
    return nullptr;
  }
  pos_ += 2;
  SeqBuilder<MatchCase*> cases;
  do {
    cases.push(case_block());
  } while (!at(Tok::Dedent));
  expect(Tok::Dedent);
  Match* m = make<Match>();
  m->subject = subject;
  m->cases = cases.done();
  finish(&m->pos, start);
  return m;
}

MatchCase* Parser::case_block() {
  if (!at_name("case")) fail();
  const Token& kw = peek();
  pos_++;
  MatchCase* c = make<MatchCase>();
  c->pattern = patterns();
  if (accept(Tok::KwIf)) c->guard = named_expression();
  expect_colon_or_diagnose();
  c->body = block(kw, "'case' statement");
  return c;
}

// ---------------------------------------------------------------- entry

namespace {

ErrorType exc_kind(const TokError& e) {
  return e.exc == 0 ? ErrorType::Syntax : e.exc == 1 ? ErrorType::Indentation : ErrorType::Tab;
}

PendingError unclosed_bracket_error(const TokenizedSource& src, const OpenBracket& b) {
  PendingError e;
  e.msg = std::string("'") + b.ch + "' was never closed";
  e.lineno = e.end_lineno = b.lineno;
  e.col = b.col + 1;
  e.end_col = 0;
  return e;
}

Value make_exception(const TokenizedSource& src, const PendingError& e, Value filename) {
  Type* type = e.type == ErrorType::Syntax ? &exc::SyntaxError
               : e.type == ErrorType::Indentation ? &exc::IndentationError
                                                  : &exc::TabError;
  std::string line(src.line_text(e.lineno));
  std::string text = e.has_text ? e.text : line + "\n";
  int col = e.col, end_col = e.end_col;
  if (!e.columns_are_chars) {
    // CPython maps both columns through the error's (first) line.
    if (col > 0) col = utf8_chars_in_prefix(text, col);
    if (end_col > 0) end_col = utf8_chars_in_prefix(text, end_col);
  }
  Value text_value = e.lineno > 0 || e.has_text ? Value(str_from_utf8(text)) : None();
  return raise_syntax_error(type, e.msg.c_str(), filename, e.lineno, col, text_value, e.end_lineno, end_col);
}

}  // namespace

Mod* parse(const char* src, size_t len, Value filename, Mode mode, unsigned flags) {
  last_incomplete = false;
  TokenizedSource source;
  TokenizeOptions opts;
  opts.source_is_utf8 = (flags & kSourceIsUtf8) != 0;
  opts.type_comments = (flags & kTypeComments) != 0;
  if (!tokenize(src, len, opts, &source)) {
    PendingError e;
    e.msg = source.error.msg;
    if (e.msg.compare(0, 14, "Non-UTF-8 code") == 0 && is_str(filename)) {
      size_t at = e.msg.find(" on line ");
      e.msg.insert(at, " in file " + str_to_utf8(filename.as<Str>()));
    }
    e.lineno = e.end_lineno = source.error.lineno;
    e.col = e.end_col = source.error.offset;
    e.columns_are_chars = true;
    e.type = exc_kind(source.error);
    raise_syntax_error(&exc::SyntaxError, e.msg.c_str(), filename, e.lineno > 0 ? e.lineno : 0,
                       e.col, None(), e.end_lineno, e.end_col);
    return nullptr;
  }

  Parser first(source, mode, flags, false);
  bool tokenizer_failed = false;
  try {
    return first.run();
  } catch (GenericFailure&) {
  } catch (SpecificError&) {
    tokenizer_failed = !first.error.msg.empty() && first.error.columns_are_chars;
  }

  PendingError err;
  bool indentation_error = false;
  size_t furthest = first.furthest();
  if (!first.error.msg.empty()) {
    err = first.error;
  } else {
    Parser second(source, mode, flags, true);
    bool specific = false;
    try {
      second.run();
    } catch (GenericFailure&) {
    } catch (SpecificError&) {
      specific = true;
    }
    if (specific) {
      err = second.error;
      tokenizer_failed = err.columns_are_chars;
    } else {
      first.set_generic_error(furthest);
      err = first.error;
      // CPython reports an unexpected indent without looking further.
      indentation_error = err.type == ErrorType::Indentation;
    }
    furthest = std::max(furthest, second.furthest());
  }

  // After a parser error CPython tokenizes the rest of the file. An error
  // the tokenizer raises itself replaces the parser's; one it only signals
  // (end of input, bad continuation) inside a bracket opened before the
  // error's line reports that bracket as never closed.
  const TokError& te = source.error;
  if (!tokenizer_failed && !indentation_error && te.kind != TokError::None) {
    int err_line = source.tokens[std::min(furthest, source.tokens.size() - 1)].lineno;
    if (te.kind == TokError::Raised) {
      first.set_tokenizer_error(te);
      err = first.error;
    } else if (!source.open_at_end.empty() && err_line > source.open_at_end.back().lineno) {
      err = unclosed_bracket_error(source, source.open_at_end.back());
    }
  }
  if (flags & kAllowIncomplete) {
    // Incomplete: the parser wanted a token the tokenizer made at the end of
    // the input (the DEDENTs before ENDMARKER count), or the input ended
    // inside a bracket, a triple-quoted string or after a backslash.
    size_t eof_start = source.tokens.size() - 1;
    if (source.tokens[eof_start].type == Tok::EndMarker)
      while (eof_start > 0 && source.tokens[eof_start - 1].type == Tok::Dedent) eof_start--;
    const Token& last = source.tokens[std::min(furthest, source.tokens.size() - 1)];
    last_incomplete = (last.type != Tok::Error && furthest >= eof_start) ||
                      (last.type == Tok::Error && te.at_end_of_input);
  }
  make_exception(source, err, filename);
  return nullptr;
}

bool last_error_was_incomplete() { return last_incomplete; }

}  // namespace spindle::parser
