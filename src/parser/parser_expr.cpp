// Expressions, call arguments, parameters and assignment targets.
#include <string>
#include <vector>

#include "objects/complex.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "parser/parser_internal.h"

namespace spindle::parser {

using namespace ast;
using ast::Dict;
using ast::List;
using ast::Set;
using ast::Tuple;

namespace {

bool starts_expression(Tok t) {
  switch (t) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::LPar: case Tok::LSqb:
    case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::KwNot:
    case Tok::KwLambda: case Tok::KwAwait: case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

bool binary_operator(Tok t, Operator* op) {
  switch (t) {
    case Tok::Plus: *op = Operator::Add; return true;
    case Tok::Minus: *op = Operator::Sub; return true;
    case Tok::Star: *op = Operator::Mult; return true;
    case Tok::At: *op = Operator::MatMult; return true;
    case Tok::Slash: *op = Operator::Div; return true;
    case Tok::Percent: *op = Operator::Mod; return true;
    case Tok::DoubleSlash: *op = Operator::FloorDiv; return true;
    case Tok::LeftShift: *op = Operator::LShift; return true;
    case Tok::RightShift: *op = Operator::RShift; return true;
    default: return false;
  }
}

}  // namespace

// ---------------------------------------------------------------- expression levels

Expr* Parser::expression() {
  if (memoize_) return memoized(kMemoExpression, [&] { return expression_uncached(); });
  return expression_uncached();
}

Expr* Parser::expression_uncached() {
  DepthGuard guard(this);
  size_t start = pos_;
  if (diagnose_) {
    // invalid_expression / invalid_legacy_expression
    bool name_string = at(Tok::Name) && peek_type(1) == Tok::String;
    // CPython's SOFT_KEYWORD test compares only the name's length worth of
    // characters, so any prefix of "match" or "case" counts ("c", "ma").
    bool soft_keyword = false;
    if (at(Tok::Name)) {
      std::string_view n = text_of(peek());
      soft_keyword = std::string_view("match").substr(0, n.size()) == n ||
                     std::string_view("case").substr(0, n.size()) == n || n == "_";
    }
    if (!name_string && !soft_keyword) {
      Expr* a = nullptr;
      Expr* b = nullptr;
      if (attempt([&] { a = disjunction(); }) && starts_expression(peek_type()) &&
          attempt([&] { b = expression_without_invalid(); })) {
        bool legacy = a->kind == ExprKind::Name && (str_equals_ascii(static_cast<Name*>(a)->id, "print") ||
                                                    str_equals_ascii(static_cast<Name*>(a)->id, "exec"));
        if (!legacy && toks_[pos_ - 1].level != 0)
          raise_range(ErrorType::Syntax, "invalid syntax. Perhaps you forgot a comma?", a->pos, b->pos);
      }
      pos_ = start;
    }
    {
      Expr* a = nullptr;
      Expr* b = nullptr;
      if (attempt([&] { a = disjunction(); }) && accept(Tok::KwIf) && attempt([&] { b = disjunction(); }) &&
          !at(Tok::KwElse) && !at(Tok::Colon))
        raise_range(ErrorType::Syntax, "expected 'else' after 'if' expression", a->pos, b->pos);
      pos_ = start;
    }
    // invalid_legacy_expression parses what follows any name (it checks for
    // print/exec only afterwards), so errors in that text surface here.
    if (at(Tok::Name) && peek_type(1) != Tok::LPar) {
      const Token& n = peek();
      std::string_view name = text_of(n);
      pos_++;
      Expr* b = nullptr;
      if (attempt([&] { b = star_expressions(); }) && (name == "print" || name == "exec"))
        raise_range(ErrorType::Syntax,
                    "Missing parentheses in call to '" + std::string(name) + "'. Did you mean " + std::string(name) +
                        "(...)?",
                    token_pos(n), b->pos);
      pos_ = start;
    }
  }
  return expression_without_invalid();
}

// `expression` without its own invalid_* alternatives (rules nested inside
// keep theirs, as in CPython).
Expr* Parser::expression_without_invalid() {
  size_t start = pos_;
  if (at(Tok::KwLambda)) return lambdef();
  Expr* body = disjunction();
  if (!at(Tok::KwIf)) return body;
  // A failed conditional falls back to the plain disjunction, as in CPython.
  IfExp* e = make<IfExp>();
  size_t after_body = pos_;
  bool conditional = attempt([&] {
    pos_++;
    e->body = body;
    e->test = disjunction();
    expect(Tok::KwElse);
    e->orelse = expression();
  });
  if (!conditional) {
    pos_ = after_body;
    return body;
  }
  finish(&e->pos, start);
  return e;
}

Expr* Parser::named_expression() {
  if (at(Tok::Name) && peek_type(1) == Tok::ColonEqual) {
    size_t start = pos_;
    NamedExpr* e = make<NamedExpr>();
    e->target = name_node(peek(), ExprContext::Store);
    pos_ += 2;
    e->value = expression();
    finish(&e->pos, start);
    return e;
  }
  size_t start = pos_;
  Expr* e = expression();
  bool argument_start = start < call_argument_start_.size() && call_argument_start_[start];
  if (at(Tok::ColonEqual)) {
    // invalid_named_expression: `expression ':=' expression`; the value is
    // parsed (and checked) before the message is given.
    if (diagnose_ && !argument_start) {
      pos_++;
      if (attempt([&] { expression(); }))
        raise_at(std::string("cannot use assignment expressions with ") + expr_name(e), e->pos);
    }
    fail();
  }
  if (diagnose_ && at(Tok::Equal) && !argument_start) {
    // invalid_named_expression: `x = 1` where an expression is expected
    size_t after = pos_;
    pos_ = start;
    if (at(Tok::Name) && peek_type(1) == Tok::Equal) {
      const Token& n = peek();
      pos_ += 2;
      Expr* b = nullptr;
      if (attempt([&] { b = bitwise_or(); }) && !at(Tok::Equal) && !at(Tok::ColonEqual))
        raise_range(ErrorType::Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", token_pos(n),
                    b->pos);
      pos_ = start;
    }
    bool excluded = at(Tok::KwTrue) || at(Tok::KwFalse) || at(Tok::KwNone);
    if (!excluded && (at(Tok::LPar) || at(Tok::LSqb))) {
      Expr* atom_e = nullptr;
      excluded = attempt([&] { atom_e = atom(); }) &&
                 (atom_e->kind == ExprKind::List || atom_e->kind == ExprKind::Tuple ||
                  atom_e->kind == ExprKind::GeneratorExp);
      pos_ = start;
    }
    if (!excluded) {
      Expr* a = nullptr;
      if (attempt([&] { a = bitwise_or(); }) && accept(Tok::Equal) && attempt([&] { bitwise_or(); }) &&
          !at(Tok::Equal) && !at(Tok::ColonEqual))
        raise_at(std::string("cannot assign to ") + expr_name(a) + " here. Maybe you meant '==' instead of '='?",
                 a->pos);
    }
    pos_ = after;
  }
  return e;
}

Expr* Parser::star_expression() {
  if (at(Tok::Star)) {
    size_t start = pos_;
    pos_++;
    Starred* s = make<Starred>();
    s->value = bitwise_or();
    finish(&s->pos, start);
    return s;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(Tok::Star)) return star_expression();
  return named_expression();
}

Expr* Parser::star_expressions() {
  size_t start = pos_;
  Expr* first = star_expression();
  if (!at(Tok::Comma)) return first;
  SeqBuilder<Expr*> elts;
  elts.push(first);
  while (accept(Tok::Comma)) {
    if (!starts_expression(peek_type()) && !at(Tok::Star)) break;
    elts.push(star_expression());
  }
  Tuple* t = make<Tuple>();
  t->elts = elts.done();
  finish(&t->pos, start);
  return t;
}

// `expressions`: like star_expressions without starred items (eval input).
Expr* Parser::expressions() {
  size_t start = pos_;
  Expr* first = expression();
  if (!at(Tok::Comma)) return first;
  SeqBuilder<Expr*> elts;
  elts.push(first);
  while (accept(Tok::Comma)) {
    if (!starts_expression(peek_type())) break;
    elts.push(expression());
  }
  Tuple* t = make<Tuple>();
  t->elts = elts.done();
  finish(&t->pos, start);
  return t;
}

Expr* Parser::yield_expr() {
  size_t start = pos_;
  expect(Tok::KwYield);
  if (accept(Tok::KwFrom)) {
    YieldFrom* y = make<YieldFrom>();
    y->value = expression();
    finish(&y->pos, start);
    return y;
  }
  Yield* y = make<Yield>();
  if (starts_expression(peek_type()) || at(Tok::Star)) y->value = star_expressions();
  finish(&y->pos, start);
  return y;
}

Expr* Parser::annotated_rhs() {
  if (at(Tok::KwYield)) return yield_expr();
  return star_expressions();
}

Expr* Parser::disjunction() {
  if (memoize_) return memoized(kMemoDisjunction, [&] { return disjunction_uncached(); });
  return disjunction_uncached();
}

Expr* Parser::disjunction_uncached() {
  size_t start = pos_;
  Expr* first = conjunction();
  if (!at(Tok::KwOr)) return first;
  SeqBuilder<Expr*> values;
  values.push(first);
  Expr* next = nullptr;
  while (at(Tok::KwOr) && attempt([&] {
           pos_++;
           next = conjunction();
         }))
    values.push(next);
  if (values.size == 1) return first;
  BoolOp* b = make<BoolOp>();
  b->op = BoolOpKind::Or;
  b->values = values.done();
  finish(&b->pos, start);
  return b;
}

Expr* Parser::conjunction() {
  size_t start = pos_;
  Expr* first = inversion();
  if (!at(Tok::KwAnd)) return first;
  SeqBuilder<Expr*> values;
  values.push(first);
  Expr* next = nullptr;
  while (at(Tok::KwAnd) && attempt([&] {
           pos_++;
           next = inversion();
         }))
    values.push(next);
  if (values.size == 1) return first;
  BoolOp* b = make<BoolOp>();
  b->op = BoolOpKind::And;
  b->values = values.done();
  finish(&b->pos, start);
  return b;
}

Expr* Parser::inversion() {
  if (!at(Tok::KwNot)) return comparison();
  // 'not' 'not' ... built without recursion
  std::vector<size_t> nots;
  while (at(Tok::KwNot)) {
    nots.push_back(pos_);
    pos_++;
  }
  Expr* e = comparison();
  for (size_t i = nots.size(); i-- > 0;) {
    UnaryOp* u = make<UnaryOp>();
    u->op = UnaryOpKind::Not;
    u->operand = e;
    finish(&u->pos, nots[i]);
    e = u;
  }
  return e;
}

Expr* Parser::comparison() {
  size_t start = pos_;
  Expr* first = bitwise_or();
  SeqBuilder<CmpOp> ops;
  SeqBuilder<Expr*> comparators;
  for (;;) {
    CmpOp op;
    size_t op_start = pos_;
    switch (peek_type()) {
      case Tok::EqEqual: op = CmpOp::Eq; break;
      case Tok::NotEqual: op = CmpOp::NotEq; break;
      case Tok::LessEqual: op = CmpOp::LtE; break;
      case Tok::Less: op = CmpOp::Lt; break;
      case Tok::GreaterEqual: op = CmpOp::GtE; break;
      case Tok::Greater: op = CmpOp::Gt; break;
      case Tok::KwIn: op = CmpOp::In; break;
      case Tok::KwNot:
        if (peek_type(1) != Tok::KwIn) goto done;
        pos_++;
        op = CmpOp::NotIn;
        break;
      case Tok::KwIs:
        if (peek_type(1) == Tok::KwNot) {
          pos_++;
          op = CmpOp::IsNot;
        } else {
          op = CmpOp::Is;
        }
        break;
      default:
        goto done;
    }
    {
      Expr* right = nullptr;
      if (!attempt([&] {
            pos_++;
            right = bitwise_or();
          })) {
        pos_ = op_start;
        break;
      }
      ops.push(op);
      comparators.push(right);
    }
  }
done:
  if (ops.size == 0) return first;
  Compare* c = make<Compare>();
  c->left = first;
  c->ops = ops.done();
  c->comparators = comparators.done();
  finish(&c->pos, start);
  return c;
}

namespace {

BinOp* make_binop(Expr* left, Operator op, Expr* right) {
  BinOp* b = make<BinOp>();
  b->left = left;
  b->op = op;
  b->right = right;
  return b;
}

}  // namespace

namespace {

bool bitor_op(Tok t, Operator* op) { return t == Tok::VBar && (*op = Operator::BitOr, true); }
bool bitxor_op(Tok t, Operator* op) { return t == Tok::Circumflex && (*op = Operator::BitXor, true); }
bool bitand_op(Tok t, Operator* op) { return t == Tok::Amper && (*op = Operator::BitAnd, true); }
bool shift_op(Tok t, Operator* op) { return (t == Tok::LeftShift || t == Tok::RightShift) && binary_operator(t, op); }
bool sum_op(Tok t, Operator* op) { return (t == Tok::Plus || t == Tok::Minus) && binary_operator(t, op); }
bool term_op(Tok t, Operator* op) {
  return (t == Tok::Star || t == Tok::Slash || t == Tok::DoubleSlash || t == Tok::Percent || t == Tok::At) &&
         binary_operator(t, op);
}

}  // namespace

// One left-associative level: operand (op operand)*. A right operand that
// does not parse ends the level before its operator, as CPython's ordered
// choice does (`x = a +` is the assignment `x = a`, then an error).
Expr* Parser::binary_level(Level next, bool (*op_of)(Tok, Operator*)) {
  size_t start = pos_;
  Expr* e = (this->*next)();
  Operator op;
  while (op_of(peek_type(), &op)) {
    size_t op_pos = pos_;
    Expr* right = nullptr;
    if (!attempt([&] {
          pos_++;
          right = (this->*next)();
        })) {
      pos_ = op_pos;
      break;
    }
    BinOp* b = make_binop(e, op, right);
    finish(&b->pos, start);
    e = b;
  }
  return e;
}

Expr* Parser::bitwise_or() { return binary_level(&Parser::bitwise_xor, bitor_op); }
Expr* Parser::bitwise_xor() { return binary_level(&Parser::bitwise_and, bitxor_op); }
Expr* Parser::bitwise_and() { return binary_level(&Parser::shift_expr, bitand_op); }
Expr* Parser::shift_expr() { return binary_level(&Parser::sum, shift_op); }
Expr* Parser::sum() { return binary_level(&Parser::term, sum_op); }
Expr* Parser::term() { return binary_level(&Parser::factor, term_op); }

Expr* Parser::factor() {
  Tok t = peek_type();
  if (t != Tok::Plus && t != Tok::Minus && t != Tok::Tilde) return power();
  std::vector<size_t> ops;
  while (at(Tok::Plus) || at(Tok::Minus) || at(Tok::Tilde)) {
    ops.push_back(pos_);
    pos_++;
  }
  Expr* e = power();
  for (size_t i = ops.size(); i-- > 0;) {
    UnaryOp* u = make<UnaryOp>();
    Tok op = toks_[ops[i]].type;
    u->op = op == Tok::Plus ? UnaryOpKind::UAdd : op == Tok::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
    u->operand = e;
    finish(&u->pos, ops[i]);
    e = u;
  }
  return e;
}

Expr* Parser::power() {
  size_t start = pos_;
  Expr* e = await_primary();
  if (!at(Tok::DoubleStar)) return e;
  DepthGuard guard(this);
  Expr* exponent = nullptr;
  if (!attempt([&] {
        pos_++;
        exponent = factor();
      }))
    return e;
  BinOp* b = make_binop(e, Operator::Pow, exponent);
  finish(&b->pos, start);
  return b;
}

Expr* Parser::await_primary() {
  if (!at(Tok::KwAwait)) return primary();
  size_t start = pos_;
  pos_++;
  Await* a = make<Await>();
  a->value = primary();
  finish(&a->pos, start);
  return a;
}

// A trailer that does not parse leaves the primary as it was, as CPython's
// ordered choice does (`t[]` is the name `t` followed by a list).
Expr* Parser::primary() {
  size_t start = pos_;
  Expr* e = atom();
  for (;;) {
    size_t before = pos_;
    switch (peek_type()) {
      case Tok::Dot: {
        if (peek_type(1) != Tok::Name) return e;
        pos_++;
        Attribute* a = make<Attribute>();
        a->value = e;
        a->attr = identifier(expect(Tok::Name));
        finish(&a->pos, start);
        e = a;
        break;
      }
      case Tok::LPar: {
        Call* c = make<Call>();
        c->func = e;
        if (!attempt([&] {
              pos_++;
              call_arguments(c, before, true);
            })) {
          pos_ = before;
          return e;
        }
        finish(&c->pos, start);
        e = c;
        break;
      }
      case Tok::LSqb: {
        Subscript* s = make<Subscript>();
        s->value = e;
        if (!attempt([&] {
              pos_++;
              s->slice = slices();
              expect(Tok::RSqb);
            })) {
          pos_ = before;
          return e;
        }
        finish(&s->pos, start);
        e = s;
        break;
      }
      default:
        return e;
    }
  }
}

Expr* Parser::slices() {
  size_t start = pos_;
  Expr* first = slice_item();
  if (!at(Tok::Comma) && first->kind != ExprKind::Starred) return first;
  SeqBuilder<Expr*> elts;
  elts.push(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    elts.push(slice_item());
  }
  Tuple* t = make<Tuple>();
  t->elts = elts.done();
  finish(&t->pos, start);
  return t;
}

Expr* Parser::slice_item() {
  size_t start = pos_;
  if (at(Tok::Star)) {
    pos_++;
    Starred* s = make<Starred>();
    s->value = expression();
    finish(&s->pos, start);
    return s;
  }
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    if (at(Tok::Name) && peek_type(1) == Tok::ColonEqual) return named_expression();
    lower = expression();
    if (!at(Tok::Colon)) {
      if (at(Tok::ColonEqual)) fail();
      if (diagnose_) {
        // Not a slice: the item is a named_expression, with its checks.
        pos_ = start;
        return named_expression();
      }
      return lower;
    }
  }
  pos_++;  // ':'
  Slice* s = make<Slice>();
  s->lower = lower;
  if (!at(Tok::Colon) && !at(Tok::RSqb) && !at(Tok::Comma)) s->upper = expression();
  if (accept(Tok::Colon)) {
    if (!at(Tok::RSqb) && !at(Tok::Comma)) s->step = expression();
  }
  finish(&s->pos, start);
  return s;
}

Expr* Parser::atom() {
  const Token& t = peek();
  switch (t.type) {
    case Tok::Name:
      pos_++;
      return name_node(t);
    case Tok::KwTrue:
    case Tok::KwFalse:
    case Tok::KwNone:
    case Tok::Ellipsis: {
      pos_++;
      Constant* c = make<Constant>();
      c->value = t.type == Tok::KwTrue    ? True()
                 : t.type == Tok::KwFalse ? False()
                 : t.type == Tok::KwNone  ? None()
                                          : Ellipsis();
      c->pos = token_pos(t);
      return c;
    }
    case Tok::Number:
      pos_++;
      return number(t);
    case Tok::String:
      return strings();
    case Tok::LPar:
      return paren_atom();
    case Tok::LSqb:
      return list_atom();
    case Tok::LBrace:
      return brace_atom();
    default:
      fail();
  }
}

Expr* Parser::number(const Token& t) {
  std::string_view text = text_of(t);
  Constant* c = make<Constant>();
  c->pos = token_pos(t);
  bool radix = text.size() > 1 && text[0] == '0' &&
               (text[1] == 'x' || text[1] == 'X' || text[1] == 'o' || text[1] == 'O' || text[1] == 'b' ||
                text[1] == 'B');
  char last = text.back();
  bool imaginary = !radix && (last == 'j' || last == 'J');
  bool is_float = !radix && text.find_first_of(".eE") != std::string_view::npos;
  if (imaginary || is_float) {
    std::string digits;
    for (char ch : text.substr(0, imaginary ? text.size() - 1 : text.size()))
      if (ch != '_') digits.push_back(ch);
    double d = 0;
    if (!parse_double(digits.data(), digits.size(), &d)) {
      clear_error();
      raise_at_token("invalid number literal", t);
    }
    c->value = imaginary ? complex_new(0.0, d) : Value::from_double(d);
    return c;
  }
  Value v = int_from_string(text.data(), text.size(), 0);
  if (v.is_null()) {
    clear_error();
    raise_at_token("invalid number literal", t);
  }
  c->value = v;
  return c;
}

// '(' ... ')': empty tuple, yield, generator expression, tuple or group.
Expr* Parser::paren_atom() {
  DepthGuard guard(this);
  size_t start = pos_;
  pos_++;
  if (accept(Tok::RPar)) {
    Tuple* t = make<Tuple>();
    finish(&t->pos, start);
    return t;
  }
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    expect(Tok::RPar);
    return y;
  }
  if (diagnose_ && at(Tok::DoubleStar)) {
    const Token& stars = peek();
    size_t save = pos_;
    pos_++;
    if (attempt([&] { expression(); }) && at(Tok::RPar))
      raise_at_token("cannot use double starred expression here", stars);
    if (attempt([&] { expression(); }) && (at(Tok::KwFor) || at(Tok::KwAsync)) &&
        attempt([&] { for_if_clauses(); }))
      raise_range(ErrorType::Syntax, "cannot use dict unpacking in generator expression", token_pos(stars),
                  token_pos(stars));
    pos_ = save;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
    if (first->kind == ExprKind::Starred) {
      if (diagnose_) raise_at("iterable unpacking cannot be used in comprehension", first->pos);
      fail();
    }
    GeneratorExp* g = make<GeneratorExp>();
    g->elt = first;
    g->generators = for_if_clauses();
    expect(Tok::RPar);
    finish(&g->pos, start);
    return g;
  }
  if (at(Tok::Comma)) {
    SeqBuilder<Expr*> elts;
    elts.push(first);
    while (accept(Tok::Comma)) {
      if (at(Tok::RPar)) break;
      elts.push(star_named_expression());
    }
    expect(Tok::RPar);
    Tuple* t = make<Tuple>();
    t->elts = elts.done();
    finish(&t->pos, start);
    return t;
  }
  if (!at(Tok::RPar)) fail();
  if (first->kind == ExprKind::Starred) {
    if (diagnose_) raise_at("cannot use starred expression here", first->pos);
    fail();
  }
  pos_++;
  return first;
}

Expr* Parser::list_atom() {
  DepthGuard guard(this);
  size_t start = pos_;
  pos_++;
  if (accept(Tok::RSqb)) {
    List* l = make<List>();
    finish(&l->pos, start);
    return l;
  }
  if (diagnose_ && at(Tok::DoubleStar)) {
    const Token& stars = peek();
    size_t save = pos_;
    pos_++;
    Expr* e = nullptr;
    if (attempt([&] { e = expression(); }) && (at(Tok::KwFor) || at(Tok::KwAsync)) &&
        attempt([&] { for_if_clauses(); }))
      raise_range(ErrorType::Syntax, "cannot use dict unpacking in list comprehension", token_pos(stars), e->pos);
    pos_ = save;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
    if (first->kind == ExprKind::Starred) {
      if (diagnose_) raise_at("iterable unpacking cannot be used in comprehension", first->pos);
      fail();
    }
    ListComp* c = make<ListComp>();
    c->elt = first;
    c->generators = for_if_clauses();
    expect(Tok::RSqb);
    finish(&c->pos, start);
    return c;
  }
  SeqBuilder<Expr*> elts;
  elts.push(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    if (diagnose_ && (at(Tok::KwFor) || at(Tok::KwAsync))) {
      if (attempt([&] { for_if_clauses(); }))
        raise_range(ErrorType::Syntax, "did you forget parentheses around the comprehension target?", first->pos,
                    token_pos(toks_[pos_ - 1]));
    }
    elts.push(star_named_expression());
  }
  if (diagnose_ && elts.size > 1 && (at(Tok::KwFor) || at(Tok::KwAsync)) && attempt([&] { for_if_clauses(); }))
    raise_range(ErrorType::Syntax, "did you forget parentheses around the comprehension target?", first->pos,
                elts.items[elts.size - 1]->pos);
  expect(Tok::RSqb);
  List* l = make<List>();
  l->elts = elts.done();
  finish(&l->pos, start);
  return l;
}

Expr* Parser::brace_atom() {
  DepthGuard guard(this);
  size_t start = pos_;
  pos_++;
  if (accept(Tok::RBrace)) {
    Dict* d = make<Dict>();
    finish(&d->pos, start);
    return d;
  }
  Expr* first = nullptr;
  bool is_dict = false;
  if (at(Tok::DoubleStar)) {
    is_dict = true;
  } else if (at(Tok::Star) || (at(Tok::Name) && peek_type(1) == Tok::ColonEqual)) {
    first = star_named_expression();
  } else {
    size_t first_start = pos_;
    first = expression();
    if (at(Tok::Colon)) {
      is_dict = true;
    } else if (at(Tok::ColonEqual)) {
      if (diagnose_) raise_at(std::string("cannot use assignment expressions with ") + expr_name(first), first->pos);
      fail();
    } else if (diagnose_) {
      // As a set element it is a named_expression, with its checks.
      pos_ = first_start;
      first = named_expression();
    }
  }
  if (!is_dict) {
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
      if (first->kind == ExprKind::Starred) {
        if (diagnose_) raise_at("iterable unpacking cannot be used in comprehension", first->pos);
        fail();
      }
      SetComp* c = make<SetComp>();
      c->elt = first;
      c->generators = for_if_clauses();
      expect(Tok::RBrace);
      finish(&c->pos, start);
      return c;
    }
    SeqBuilder<Expr*> elts;
    elts.push(first);
    while (accept(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      elts.push(star_named_expression());
    }
    if (diagnose_ && elts.size > 1 && (at(Tok::KwFor) || at(Tok::KwAsync)) && attempt([&] { for_if_clauses(); }))
      raise_range(ErrorType::Syntax, "did you forget parentheses around the comprehension target?", first->pos,
                  elts.items[elts.size - 1]->pos);
    expect(Tok::RBrace);
    Set* s = make<Set>();
    s->elts = elts.done();
    finish(&s->pos, start);
    return s;
  }

  // CPython's dict rule has a second alternative, '{' invalid_double_starred_kvpairs '}',
  // that is not guarded as the invalid rules usually are: it runs in the
  // first pass too, whenever the braces do not hold a valid dict.
  Expr* dict = nullptr;
  if (attempt([&] { dict = dict_rest(start, first); })) return dict;
  pos_ = start + 1;
  check_invalid_kvpairs();
  fail();
}

// The dict display or comprehension after '{', given its first key if read.
Expr* Parser::dict_rest(size_t start, Expr* first) {
  SeqBuilder<Expr*> keys, values;
  auto entry = [&](Expr* key) {
    if (!key && at(Tok::DoubleStar)) {
      const Token& stars = peek();
      pos_++;
      keys.push(nullptr);
      values.push(bitwise_or());
      if (diagnose_ && (at(Tok::KwFor) || at(Tok::KwAsync)))
        raise_at_token("dict unpacking cannot be used in dict comprehension", stars);
      return;
    }
    if (!key) key = expression();
    expect(Tok::Colon);
    keys.push(key);
    values.push(expression());
  };
  entry(first);
  if (first && (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor))) {
    DictComp* c = make<DictComp>();
    c->key = keys.items[0];
    c->value = values.items[0];
    c->generators = for_if_clauses();
    expect(Tok::RBrace);
    finish(&c->pos, start);
    return c;
  }
  while (accept(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    entry(nullptr);
  }
  expect(Tok::RBrace);
  Dict* d = make<Dict>();
  d->keys = keys.done();
  d->values = values.done();
  finish(&d->pos, start);
  return d;
}

// invalid_double_starred_kvpairs / invalid_kvpair, after the '{'.
void Parser::check_invalid_kvpairs() {
  size_t start = pos_;
  auto kvpair = [&] {
    if (accept(Tok::DoubleStar)) {
      bitwise_or();
      return;
    }
    expression();
    expect(Tok::Colon);
    expression();
  };
  // What follows a key: a missing ':', a starred value or a missing value.
  auto check_after_key = [&](Expr* key, bool key_may_lack_colon) {
    if (!at(Tok::Colon)) {
      if (key_may_lack_colon)
        raise_raw(ErrorType::Syntax, "':' expected after dictionary key", key->pos.lineno, key->pos.end_col_offset,
                  key->pos.end_lineno, 0);
      return;
    }
    const Token& colon = peek();
    pos_++;
    if (at(Tok::Star)) {
      const Token& star = peek();
      pos_++;
      if (attempt([&] { bitwise_or(); }))
        raise_starting_from("cannot use a starred expression in a dictionary value", token_pos(star));
      return;
    }
    if (at(Tok::RBrace) || at(Tok::Comma)) raise_at_token("expression expected after dictionary key and ':'", colon);
  };
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  if (attempt(kvpair)) {
    for (;;) {
      size_t save = pos_;
      if (accept(Tok::Comma) && attempt(kvpair)) continue;
      pos_ = save;
      break;
    }
    if (accept(Tok::Comma)) {
      Expr* key = nullptr;
      size_t save = pos_;
      if (attempt([&] { key = expression(); })) check_after_key(key, true);
      pos_ = save;
    }
  }
  // expression ':' '*' bitwise_or | expression ':' &('}'|',')
  pos_ = start;
  Expr* key = nullptr;
  if (attempt([&] { key = expression(); })) check_after_key(key, false);
  pos_ = start;
}

Seq<Comprehension*> Parser::for_if_clauses() {
  SeqBuilder<Comprehension*> gens;
  while (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
    Comprehension* c = make<Comprehension>();
    c->is_async = accept(Tok::KwAsync);
    pos_++;  // 'for'
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
    c->target = target;
    c->iter = disjunction();
    SeqBuilder<Expr*> ifs;
    while (accept(Tok::KwIf)) ifs.push(disjunction());
    c->ifs = ifs.done();
    gens.push(c);
  }
  if (gens.size == 0) fail();
  return gens.done();
}

// ---------------------------------------------------------------- lambda, arguments

Expr* Parser::lambdef() {
  size_t start = pos_;
  pos_++;
  Lambda* l = make<Lambda>();
  l->args = parameters(true);
  expect(Tok::Colon);
  l->body = expression();
  finish(&l->pos, start);
  return l;
}

Arg* Parser::param(bool is_lambda, bool star_annotation) {
  size_t start = pos_;
  Arg* a = make<Arg>();
  a->arg = identifier(expect(Tok::Name));
  if (!is_lambda && accept(Tok::Colon)) a->annotation = star_annotation && at(Tok::Star) ? star_expression() : expression();
  finish(&a->pos, start);
  return a;
}

Arguments* Parser::parameters(bool is_lambda) {
  Tok end = is_lambda ? Tok::Colon : Tok::RPar;
  SeqBuilder<Arg*> posonly, args, kwonly;
  SeqBuilder<Expr*> defaults, kw_defaults;
  Arguments* result = make<Arguments>();
  bool seen_slash = false, seen_star = false, seen_default = false;
  const Token* bare_star = nullptr;
  Arg* last_param = nullptr;  // the parameter a type comment would belong to
  while (!at(end)) {
    if (at(Tok::Slash)) {
      const Token& slash = peek();
      if (diagnose_) {
        if (seen_star) raise_at_token("/ must be ahead of *", slash);
        if (seen_slash) raise_at_token("/ may appear only once", slash);
        if (args.size == 0 && peek_type(1) == Tok::Comma)
          raise_at_token("at least one argument must precede /", slash);
      }
      if (seen_star || seen_slash || args.size == 0) fail();
      pos_++;
      posonly = args;
      args = SeqBuilder<Arg*>();
      seen_slash = true;
    } else if (at(Tok::Star)) {
      const Token& star = peek();
      if (seen_star) {
        if (diagnose_) raise_at_token("* argument may appear only once", star);
        fail();
      }
      pos_++;
      seen_star = true;
      if (at(Tok::Comma) || at(end)) {
        bare_star = &star;
        if (at(end) || peek_type(1) == end || peek_type(1) == Tok::DoubleStar) {
          if (diagnose_) {
            if (is_lambda) raise_last_token("named arguments must follow bare *");
            raise_at_token("named arguments must follow bare *", star);
          }
          fail();
        }
      } else {
        result->vararg = param(is_lambda, true);
        last_param = result->vararg;
        if (at(Tok::Equal)) {
          if (diagnose_) raise_at_token("var-positional argument cannot have default value", peek());
          fail();
        }
      }
    } else if (at(Tok::DoubleStar)) {
      pos_++;
      result->kwarg = param(is_lambda, false);
      last_param = result->kwarg;
      if (at(Tok::Equal)) {
        if (diagnose_) raise_at_token("var-keyword argument cannot have default value", peek());
        fail();
      }
      bool comma = accept(Tok::Comma);
      if (comma && at(Tok::TypeComment)) result->kwarg->type_comment = type_comment_opt();
      if (at(Tok::TypeComment) && peek_type(1) == end) result->kwarg->type_comment = type_comment_opt();
      if (!at(end)) {
        if (diagnose_ && comma && (at(Tok::Name) || at(Tok::Star) || at(Tok::DoubleStar) || at(Tok::Slash))) {
          if (at(Tok::Name)) {
            size_t save = pos_;
            Arg* next = param(is_lambda, false);
            pos_ = save;
            raise_at("arguments cannot follow var-keyword argument", next->pos);
          }
          raise_at_token("arguments cannot follow var-keyword argument", peek());
        }
        fail();
      }
      break;
    } else if (at(Tok::Name)) {
      Arg* a = param(is_lambda, false);
      last_param = a;
      Expr* def = nullptr;
      if (at(Tok::Equal)) {
        if (diagnose_ && !is_lambda && (peek_type(1) == Tok::RPar || peek_type(1) == Tok::Comma))
          raise_at_token("expected default value expression", peek());
        pos_++;
        def = expression();
      }
      if (seen_star) {
        kwonly.push(a);
        kw_defaults.push(def);
      } else {
        if (def) {
          defaults.push(def);
          seen_default = true;
        } else if (seen_default) {
          // Only a complete parameter (followed by ',' or the end) counts.
          if (diagnose_ && (at(Tok::Comma) || at(end)))
            raise_at("non-default argument follows default argument", a->pos);
          fail();
        }
        args.push(a);
      }
    } else if (at(Tok::LPar)) {
      if (diagnose_) {
        const Token& open = peek();
        size_t save = pos_;
        pos_++;
        bool names = false;
        while (at(Tok::Name)) {
          names = true;
          if (is_lambda)
            pos_++;
          else
            param(false, false);
          if (!accept(Tok::Comma)) break;
        }
        if (names && at(Tok::RPar))
          raise_range(ErrorType::Syntax,
                      is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                : "Function parameters cannot be parenthesized",
                      token_pos(open), token_pos(peek()));
        pos_ = save;
      }
      fail();
    } else {
      fail();
    }
    if (!accept(Tok::Comma)) {
      if (last_param && at(Tok::TypeComment) && peek_type(1) == end) last_param->type_comment = type_comment_opt();
      break;
    }
    // A parameter's type comment follows its comma.
    if (last_param && at(Tok::TypeComment)) last_param->type_comment = type_comment_opt();
    last_param = nullptr;
  }
  if (bare_star && kwonly.size == 0) fail();
  result->posonlyargs = posonly.done();
  result->args = args.done();
  result->defaults = defaults.done();
  result->kwonlyargs = kwonly.done();
  result->kw_defaults = kw_defaults.done();
  return result;
}

void Parser::call_arguments(Call* call, size_t open_tok, bool allow_genexp) {
  SeqBuilder<Expr*> args;
  SeqBuilder<Keyword*> keywords;
  bool seen_keyword = false, seen_double_star = false;
  bool positional_after_keyword = false;
  Pos first_item{};
  bool have_first = false;
  Pos previous_end{};
  while (!at(Tok::RPar)) {
    size_t item = pos_;
    if (diagnose_) {
      if (call_argument_start_.empty()) call_argument_start_.assign(toks_.size(), 0);
      call_argument_start_[item] = 1;
    }
    if (!have_first) {
      first_item = start_pos(item);
      have_first = true;
    }
    if (at(Tok::Star)) {
      pos_++;
      Starred* s = make<Starred>();
      s->value = expression();
      finish(&s->pos, item);
      if (seen_double_star) {
        if (diagnose_) raise_range(ErrorType::Syntax, "iterable argument unpacking follows keyword argument unpacking",
                                   first_item, previous_end);
        fail();
      }
      args.push(s);
    } else if (at(Tok::DoubleStar)) {
      pos_++;
      Keyword* k = make<Keyword>();
      k->value = expression();
      finish(&k->pos, item);
      keywords.push(k);
      seen_keyword = seen_double_star = true;
    } else if (at(Tok::Name) && peek_type(1) == Tok::Equal) {
      const Token& name = peek();
      pos_ += 2;
      Keyword* k = make<Keyword>();
      k->arg = identifier(name);
      k->value = expression();
      if (diagnose_ && (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)))
        raise_range(ErrorType::Syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    token_pos(name), token_pos(toks_[item + 1]));
      finish(&k->pos, item);
      keywords.push(k);
      seen_keyword = true;
    } else {
      if (diagnose_ && (at(Tok::KwTrue) || at(Tok::KwFalse) || at(Tok::KwNone)) && peek_type(1) == Tok::Equal)
        raise_range(ErrorType::Syntax, "cannot assign to " + std::string(text_of(peek())), token_pos(peek()),
                    token_pos(tok_at(pos_ + 1)));
      Expr* e = at(Tok::Name) && peek_type(1) == Tok::ColonEqual ? named_expression() : expression();
      if (at(Tok::ColonEqual)) fail();
      if (at(Tok::Equal)) {
        if (diagnose_)
          raise_range(ErrorType::Syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", e->pos,
                      token_pos(peek()));
        fail();
      }
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
        // In the first pass only a sole argument may be a bare generator
        // expression; anything else fails here, at the 'for'.
        if (!diagnose_ && !(allow_genexp && args.size == 0 && keywords.size == 0)) fail();
        GeneratorExp* g = make<GeneratorExp>();
        g->elt = e;
        g->generators = for_if_clauses();
        if (allow_genexp && args.size == 0 && keywords.size == 0 && at(Tok::RPar)) {
          pos_++;
          finish(&g->pos, open_tok);
          SeqBuilder<Expr*> only;
          only.push(g);
          call->args = only.done();
          return;
        }
        bool first_then_more = args.size == 0 && keywords.size == 0 && at(Tok::Comma);
        bool after_positional = args.size > 0 && keywords.size == 0;
        if (diagnose_ && (first_then_more || after_positional)) {
          const Comprehension* last = g->generators[g->generators.size - 1];
          Expr* last_item = last->ifs.size ? last->ifs[last->ifs.size - 1] : last->iter;
          raise_range(ErrorType::Syntax, "Generator expression must be parenthesized", e->pos, last_item->pos);
        }
        fail();
      }
      if (seen_keyword) positional_after_keyword = true;
      args.push(e);
    }
    previous_end = token_pos(toks_[pos_ - 1]);
    if (!accept(Tok::Comma)) break;
  }
  if (positional_after_keyword) {
    if (diagnose_) {
      peek();
      raise_last_token(seen_double_star ? "positional argument follows keyword argument unpacking"
                                        : "positional argument follows keyword argument");
    }
    fail();
  }
  expect(Tok::RPar);
  call->args = args.done();
  call->keywords = keywords.done();
}

// ---------------------------------------------------------------- targets

Expr* Parser::star_target() {
  size_t start = pos_;
  Expr* e;
  if (accept(Tok::Star)) {
    if (at(Tok::Star)) fail();
    Starred* s = make<Starred>();
    s->value = star_target();
    s->ctx = ExprContext::Store;
    finish(&s->pos, start);
    return s;
  }
  // A target is a primary (name, attribute, subscript, bracketed targets);
  // reading no further keeps the first pass's furthest token where CPython's is.
  e = primary();
  if (invalid_target(e, TargetsType::Star)) fail();
  set_context(e, ExprContext::Store);
  return e;
}

Expr* Parser::star_targets() {
  size_t start = pos_;
  Expr* first = star_target();
  if (!at(Tok::Comma)) return first;
  SeqBuilder<Expr*> elts;
  elts.push(first);
  while (accept(Tok::Comma)) {
    if (!starts_expression(peek_type()) && !at(Tok::Star)) break;
    elts.push(star_target());
  }
  Tuple* t = make<Tuple>();
  t->elts = elts.done();
  t->ctx = ExprContext::Store;
  finish(&t->pos, start);
  return t;
}

Expr* Parser::invalid_target(Expr* e, TargetsType type) {
  switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return nullptr;
    case ExprKind::List:
      for (Expr* x : static_cast<List*>(e)->elts)
        if (Expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    case ExprKind::Tuple:
      for (Expr* x : static_cast<Tuple*>(e)->elts)
        if (Expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(static_cast<Starred*>(e)->value, type);
    case ExprKind::Compare:
      // In `for x in y` the target list and `in` parse as a comparison.
      if (type == TargetsType::For) {
        Compare* c = static_cast<Compare*>(e);
        if (c->ops[0] == CmpOp::In) return invalid_target(c->left, type);
        return nullptr;
      }
      return e;
    default:
      return e;
  }
}

void Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case ExprKind::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_context(static_cast<Starred*>(e)->value, ctx);
      break;
    case ExprKind::List:
      static_cast<List*>(e)->ctx = ctx;
      for (Expr* x : static_cast<List*>(e)->elts) set_context(x, ctx);
      break;
    case ExprKind::Tuple:
      static_cast<Tuple*>(e)->ctx = ctx;
      for (Expr* x : static_cast<Tuple*>(e)->elts) set_context(x, ctx);
      break;
    default:
      break;
  }
}

void Parser::raise_invalid_target(TargetsType type, Expr* e) {
  Expr* bad = invalid_target(e, type);
  if (!bad) fail();
  raise_at(std::string(type == TargetsType::Del ? "cannot delete " : "cannot assign to ") + expr_name(bad), bad->pos);
}

const char* Parser::expr_name(Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Constant: {
      Value v = static_cast<Constant*>(e)->value;
      if (v == None()) return "None";
      if (v == True()) return "True";
      if (v == False()) return "False";
      if (v == Ellipsis()) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

}  // namespace spindle::parser
