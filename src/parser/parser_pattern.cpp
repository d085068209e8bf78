// Patterns of match statements (PEP 634).
#include "objects/complex.h"
#include "objects/str.h"
#include "parser/parser_internal.h"

namespace spindle::parser {

using namespace ast;
using ast::Dict;
using ast::List;
using ast::Set;
using ast::Tuple;

namespace {

bool is_complex_constant(Expr* e) {
  return e->kind == ExprKind::Constant && is_type(static_cast<Constant*>(e)->value, &complex_type);
}

}  // namespace

// `patterns` of a case clause: an open sequence `a, *b` or a single pattern.
Pattern* Parser::patterns() {
  size_t start = pos_;
  Pattern* first = maybe_star_pattern();
  if (!at(Tok::Comma)) {
    if (first->kind == PatternKind::MatchStar) fail();
    return first;
  }
  SeqBuilder<Pattern*> items;
  items.push(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::Colon) || at(Tok::KwIf)) break;
    items.push(maybe_star_pattern());
  }
  MatchSequence* s = make<MatchSequence>();
  s->patterns = items.done();
  finish(&s->pos, start);
  return s;
}

Pattern* Parser::pattern() {
  DepthGuard guard(this);
  size_t start = pos_;
  Pattern* p = or_pattern();
  if (!accept(Tok::KwAs)) return p;
  if (at_capture_target()) {
    MatchAs* as = make<MatchAs>();
    as->pattern = p;
    as->name = capture_target_name();
    finish(&as->pos, start);
    return as;
  }
  if (diagnose_) {
    if (at_name("_")) raise_at_token("cannot use '_' as a target", peek());
    if (!at(Tok::Name)) {
      Expr* e = nullptr;
      if (attempt([&] { e = expression(); })) raise_at("invalid pattern target", e->pos);
    }
  }
  fail();
}

Pattern* Parser::or_pattern() {
  size_t start = pos_;
  Pattern* first = closed_pattern();
  if (!at(Tok::VBar)) return first;
  SeqBuilder<Pattern*> alts;
  alts.push(first);
  while (accept(Tok::VBar)) alts.push(closed_pattern());
  MatchOr* o = make<MatchOr>();
  o->patterns = alts.done();
  finish(&o->pos, start);
  return o;
}

Pattern* Parser::maybe_star_pattern() {
  if (!at(Tok::Star)) return pattern();
  size_t start = pos_;
  pos_++;
  MatchStar* s = make<MatchStar>();
  if (at_name("_")) {
    pos_++;
  } else if (at_capture_target()) {
    s->name = capture_target_name();
  } else {
    fail();
  }
  finish(&s->pos, start);
  return s;
}

bool Parser::at_capture_target() {
  if (!at(Tok::Name) || at_name("_")) return false;
  Tok next = peek_type(1);
  return next != Tok::Dot && next != Tok::LPar && next != Tok::Equal;
}

Str* Parser::capture_target_name() {
  const Token& t = expect(Tok::Name);
  return identifier(t);
}

// NUMBER or '-' NUMBER
Expr* Parser::signed_number() {
  size_t start = pos_;
  if (accept(Tok::Minus)) {
    UnaryOp* u = make<UnaryOp>();
    u->op = UnaryOpKind::USub;
    const Token& n = expect(Tok::Number);
    u->operand = number(n);
    finish(&u->pos, start);
    return u;
  }
  return number(expect(Tok::Number));
}

// A literal usable as a mapping key: numbers (complex too), strings, None, True, False.
Expr* Parser::literal_expr() {
  size_t start = pos_;
  switch (peek_type()) {
    case Tok::String:
      return strings();
    case Tok::KwNone:
    case Tok::KwTrue:
    case Tok::KwFalse:
      return atom();
    case Tok::Number:
    case Tok::Minus: {
      Expr* real = signed_number();
      if (!at(Tok::Plus) && !at(Tok::Minus)) return real;
      Expr* real_value = real->kind == ExprKind::UnaryOp ? static_cast<UnaryOp*>(real)->operand : real;
      if (is_complex_constant(real_value)) raise_at("real number required in complex literal", real_value->pos);
      BinOp* b = make<BinOp>();
      b->left = real;
      b->op = at(Tok::Plus) ? Operator::Add : Operator::Sub;
      pos_++;
      Expr* imag = number(expect(Tok::Number));
      if (!is_complex_constant(imag)) raise_at("imaginary number required in complex literal", imag->pos);
      b->right = imag;
      finish(&b->pos, start);
      return b;
    }
    default:
      fail();
  }
}

Expr* Parser::name_or_attr() {
  size_t start = pos_;
  Expr* e = name_node(expect(Tok::Name));
  while (at(Tok::Dot)) {
    pos_++;
    Attribute* a = make<Attribute>();
    a->value = e;
    a->attr = identifier(expect(Tok::Name));
    finish(&a->pos, start);
    e = a;
  }
  return e;
}

Pattern* Parser::closed_pattern() {
  DepthGuard guard(this);
  size_t start = pos_;
  switch (peek_type()) {
    case Tok::Number:
    case Tok::Minus:
    case Tok::String: {
      MatchValue* v = make<MatchValue>();
      v->value = literal_expr();
      finish(&v->pos, start);
      return v;
    }
    case Tok::KwNone:
    case Tok::KwTrue:
    case Tok::KwFalse: {
      MatchSingleton* s = make<MatchSingleton>();
      Tok t = peek_type();
      s->value = t == Tok::KwNone ? None() : t == Tok::KwTrue ? True() : False();
      pos_++;
      finish(&s->pos, start);
      return s;
    }
    case Tok::Name: {
      if (at_name("_")) {
        pos_++;
        MatchAs* w = make<MatchAs>();
        finish(&w->pos, start);
        return w;
      }
      if (at_capture_target()) {
        MatchAs* c = make<MatchAs>();
        c->name = capture_target_name();
        finish(&c->pos, start);
        return c;
      }
      Expr* name = name_or_attr();
      if (at(Tok::LPar)) return class_pattern(name, start);
      if (name->kind != ExprKind::Attribute || at(Tok::Equal)) fail();
      MatchValue* v = make<MatchValue>();
      v->value = name;
      finish(&v->pos, start);
      return v;
    }
    case Tok::LPar: {
      pos_++;
      if (accept(Tok::RPar)) {
        MatchSequence* s = make<MatchSequence>();
        finish(&s->pos, start);
        return s;
      }
      Pattern* first = maybe_star_pattern();
      if (accept(Tok::RPar)) {
        if (first->kind == PatternKind::MatchStar) fail();
        return first;  // a group
      }
      if (!at(Tok::Comma)) fail();
      return sequence_pattern(Tok::RPar, start);
    }
    case Tok::LSqb:
      pos_++;
      return sequence_pattern(Tok::RSqb, start);
    case Tok::LBrace:
      return mapping_pattern();
    default:
      fail();
  }
}

// The rest of a bracketed sequence pattern; for '(' the first item has been
// read already and a comma follows it.
Pattern* Parser::sequence_pattern(Tok close, size_t start) {
  SeqBuilder<Pattern*> items;
  if (close == Tok::RPar) {
    // Re-read the first item: cheaper than threading it through.
    pos_ = start + 1;
  }
  while (!at(close)) {
    items.push(maybe_star_pattern());
    if (!accept(Tok::Comma)) break;
  }
  expect(close);
  MatchSequence* s = make<MatchSequence>();
  s->patterns = items.done();
  finish(&s->pos, start);
  return s;
}

Pattern* Parser::mapping_pattern() {
  size_t start = pos_;
  pos_++;
  SeqBuilder<Expr*> keys;
  SeqBuilder<Pattern*> values;
  MatchMapping* m = make<MatchMapping>();
  while (!at(Tok::RBrace)) {
    if (at(Tok::DoubleStar)) {
      pos_++;
      if (!at_capture_target()) fail();
      m->rest = capture_target_name();
      accept(Tok::Comma);
      break;
    }
    Expr* key;
    if (at(Tok::Name)) {
      key = name_or_attr();
      if (key->kind != ExprKind::Attribute) fail();
    } else {
      key = literal_expr();
    }
    expect(Tok::Colon);
    keys.push(key);
    values.push(pattern());
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RBrace);
  m->keys = keys.done();
  m->patterns = values.done();
  finish(&m->pos, start);
  return m;
}

Pattern* Parser::class_pattern(Expr* cls, size_t start) {
  expect(Tok::LPar);
  SeqBuilder<Pattern*> positional, kwd_patterns;
  SeqBuilder<Str*> kwd_attrs;
  Pattern* misplaced_first = nullptr;
  Pattern* misplaced_last = nullptr;
  while (!at(Tok::RPar)) {
    if (at(Tok::Name) && peek_type(1) == Tok::Equal) {
      kwd_attrs.push(identifier(peek()));
      pos_ += 2;
      kwd_patterns.push(pattern());
    } else {
      Pattern* p = pattern();
      if (kwd_attrs.size > 0) {
        if (!misplaced_first) misplaced_first = p;
        misplaced_last = p;
      }
      positional.push(p);
    }
    if (!accept(Tok::Comma)) break;
  }
  if (misplaced_first) {
    if (diagnose_)
      raise_range(ErrorType::Syntax, "positional patterns follow keyword patterns", misplaced_first->pos,
                  misplaced_last->pos);
    fail();
  }
  expect(Tok::RPar);
  MatchClass* c = make<MatchClass>();
  c->cls = cls;
  c->patterns = positional.done();
  c->kwd_attrs = kwd_attrs.done();
  c->kwd_patterns = kwd_patterns.done();
  finish(&c->pos, start);
  return c;
}

}  // namespace spindle::parser
