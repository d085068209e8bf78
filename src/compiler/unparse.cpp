// Expression source text for postponed annotations (PEP 563): the same text
// ast.unparse produces, with the same precedence-driven parenthesisation.
#include <cmath>

#include "compiler/compiler.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/str.h"

namespace spindle {

using namespace ast;

namespace {

enum Prec {
  kTuple, kTest, kOr, kAnd, kNot, kCmp, kExpr, kBor = kExpr, kBxor, kBand, kShift, kArith, kTerm, kFactor, kPower,
  kAwait, kAtom
};

class Unparser {
 public:
  StrBuilder out;

  void s(const char* t) { out.append_ascii(t); }
  void str(Str* t) { out.append(t); }

  void with_parens(bool needed, const char* open, auto body) {
    if (needed) s(open);
    body();
    if (needed) s(open[0] == '(' ? ")" : open[0] == '[' ? "]" : "}");
  }

  void constant(Value v) {
    if (v == Ellipsis()) {
      s("...");
      return;
    }
    if (v.is_double()) {
      double d = v.as_double();
      std::string r = float_repr(d);
      if (r == "inf") r = "1e309";
      else if (r == "-inf") r = "-1e309";
      s(r.c_str());
      return;
    }
    if (is_type(v, &complex_type)) {
      auto* c = v.as<ComplexObject>();
      if (c->real == 0 && !std::signbit(c->real)) {
        std::string r = float_repr(c->imag);
        if (r == "inf") r = "1e309";
        s((r + "j").c_str());
        return;
      }
    }
    Value r = repr(v);
    if (r) str(r.as<Str>());
  }

  void seq(const Seq<Expr*>& es, const char* sep = ", ") {
    for (int32_t i = 0; i < es.size; i++) {
      if (i) s(sep);
      expr(es[i], kTest);
    }
  }

  void comprehensions(const Seq<Comprehension*>& gens) {
    for (Comprehension* g : gens) {
      s(g->is_async ? " async for " : " for ");
      expr(g->target, kTuple);
      s(" in ");
      expr(g->iter, kTest + 1);
      for (Expr* cond : g->ifs) {
        s(" if ");
        expr(cond, kTest + 1);
      }
    }
  }

  void fstring_body(Expr* e, bool is_spec) {
    if (e->kind == ExprKind::JoinedStr) {
      for (Expr* v : static_cast<JoinedStr*>(e)->values) fstring_body(v, is_spec);
      return;
    }
    if (e->kind == ExprKind::Constant) {
      Str* t = static_cast<Constant*>(e)->value.as<Str>();
      for (int64_t i = 0; i < t->length; i++) {
        uint32_t c = t->at(i);
        if (c == '{' || c == '}') out.append(c);
        out.append(c);
      }
      return;
    }
    auto* f = static_cast<FormattedValue*>(e);
    Unparser inner;
    inner.expr(f->value, kTest + 1);
    Str* text = inner.out.finish();
    s(text->length && text->at(0) == '{' ? "{ " : "{");
    str(text);
    if (f->conversion > 0) {
      out.append('!');
      out.append(uint32_t(f->conversion));
    }
    if (f->format_spec) {
      s(":");
      fstring_body(f->format_spec, true);
    }
    s("}");
  }

  void expr(Expr* e, int level) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        int pr = b->op == BoolOpKind::And ? kAnd : kOr;
        with_parens(level > pr, "(", [&] {
          for (int32_t i = 0; i < b->values.size; i++) {
            if (i) s(b->op == BoolOpKind::And ? " and " : " or ");
            expr(b->values[i], pr + 1);
          }
        });
        return;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        with_parens(level > kTuple, "(", [&] {
          expr(n->target, kAtom);
          s(" := ");
          expr(n->value, kAtom);
        });
        return;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        static const char* const ops[] = {" + ", " - ", " * ", " @ ", " / ", " % ", " ** ", " << ", " >> ",
                                          " | ", " ^ ", " & ", " // "};
        static const int precs[] = {kArith, kArith, kTerm, kTerm, kTerm, kTerm, kPower, kShift, kShift,
                                    kBor, kBxor, kBand, kTerm};
        int pr = precs[int(b->op)];
        bool rassoc = b->op == Operator::Pow;
        with_parens(level > pr, "(", [&] {
          expr(b->left, rassoc ? pr + 1 : pr);
          s(ops[int(b->op)]);
          expr(b->right, rassoc ? pr : pr + 1);
        });
        return;
      }
      case ExprKind::UnaryOp: {
        auto* u = static_cast<UnaryOp*>(e);
        static const char* const ops[] = {"~", "not ", "+", "-"};
        int pr = u->op == UnaryOpKind::Not ? kNot : kFactor;
        with_parens(level > pr, "(", [&] {
          s(ops[int(u->op)]);
          expr(u->operand, pr);
        });
        return;
      }
      case ExprKind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        with_parens(level > kTest, "(", [&] {
          s("lambda");
          Unparser args;
          args.arguments(l->args);
          Str* a = args.out.finish();
          if (a->length) {
            s(" ");
            str(a);
          }
          s(": ");
          expr(l->body, kTest);
        });
        return;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        with_parens(level > kTest, "(", [&] {
          expr(i->body, kTest + 1);
          s(" if ");
          expr(i->test, kTest + 1);
          s(" else ");
          expr(i->orelse, kTest);
        });
        return;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<ast::Dict*>(e);
        s("{");
        for (int32_t i = 0; i < d->values.size; i++) {
          if (i) s(", ");
          if (d->keys[i]) {
            expr(d->keys[i], kTest);
            s(": ");
            expr(d->values[i], kTest);
          } else {
            s("**");
            expr(d->values[i], kExpr);
          }
        }
        s("}");
        return;
      }
      case ExprKind::Set: {
        auto* st = static_cast<ast::Set*>(e);
        if (st->elts.empty()) {
          s("{*()}");
          return;
        }
        s("{");
        seq(st->elts);
        s("}");
        return;
      }
      case ExprKind::ListComp: {
        auto* c = static_cast<ListComp*>(e);
        s("[");
        expr(c->elt, kTest);
        comprehensions(c->generators);
        s("]");
        return;
      }
      case ExprKind::SetComp: {
        auto* c = static_cast<SetComp*>(e);
        s("{");
        expr(c->elt, kTest);
        comprehensions(c->generators);
        s("}");
        return;
      }
      case ExprKind::DictComp: {
        auto* c = static_cast<DictComp*>(e);
        s("{");
        expr(c->key, kTest);
        s(": ");
        expr(c->value, kTest);
        comprehensions(c->generators);
        s("}");
        return;
      }
      case ExprKind::GeneratorExp: {
        auto* c = static_cast<GeneratorExp*>(e);
        s("(");
        expr(c->elt, kTest);
        comprehensions(c->generators);
        s(")");
        return;
      }
      case ExprKind::Await:
        with_parens(level > kAwait, "(", [&] {
          s("await ");
          expr(static_cast<Await*>(e)->value, kAtom);
        });
        return;
      case ExprKind::Yield: {
        auto* y = static_cast<Yield*>(e);
        with_parens(level > kAssignLike, "(", [&] {
          s("yield");
          if (y->value) {
            s(" ");
            expr(y->value, kTest);
          }
        });
        return;
      }
      case ExprKind::YieldFrom:
        with_parens(level > kAssignLike, "(", [&] {
          s("yield from ");
          expr(static_cast<YieldFrom*>(e)->value, kTest);
        });
        return;
      case ExprKind::Compare: {
        auto* c = static_cast<ast::Compare*>(e);
        static const char* const ops[] = {" == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ",
                                          " in ", " not in "};
        with_parens(level > kCmp, "(", [&] {
          expr(c->left, kCmp + 1);
          for (int32_t i = 0; i < c->ops.size; i++) {
            s(ops[int(c->ops[i])]);
            expr(c->comparators[i], kCmp + 1);
          }
        });
        return;
      }
      case ExprKind::Call: {
        auto* c = static_cast<ast::Call*>(e);
        expr(c->func, kAtom);
        if (c->args.size == 1 && c->keywords.empty() && c->args[0]->kind == ExprKind::GeneratorExp) {
          expr(c->args[0], kTest);
          return;
        }
        s("(");
        bool first = true;
        for (Expr* a : c->args) {
          if (!first) s(", ");
          first = false;
          expr(a, kTest);
        }
        for (Keyword* k : c->keywords) {
          if (!first) s(", ");
          first = false;
          if (k->arg) {
            str(k->arg);
            s("=");
          } else {
            s("**");
          }
          expr(k->value, kTest);
        }
        s(")");
        return;
      }
      case ExprKind::FormattedValue:
      case ExprKind::JoinedStr: {
        Unparser body;
        body.fstring_body(e, false);
        Value r = repr(Value(body.out.finish()));
        s("f");
        if (r) str(r.as<Str>());
        return;
      }
      case ExprKind::Constant:
        constant(static_cast<Constant*>(e)->value);
        return;
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(e);
        expr(a->value, kAtom);
        // `1 .real`: an int literal needs a space before the dot.
        if (a->value->kind == ExprKind::Constant && static_cast<Constant*>(a->value)->value.is_small_int()) s(" ");
        s(".");
        str(a->attr);
        return;
      }
      case ExprKind::Subscript: {
        auto* sub = static_cast<Subscript*>(e);
        expr(sub->value, kAtom);
        s("[");
        if (sub->slice->kind == ExprKind::Tuple && !static_cast<ast::Tuple*>(sub->slice)->elts.empty()) {
          auto* t = static_cast<ast::Tuple*>(sub->slice);
          for (int32_t i = 0; i < t->elts.size; i++) {
            if (i) s(", ");
            expr(t->elts[i], kTest);
          }
          if (t->elts.size == 1) s(",");
        } else {
          expr(sub->slice, kTuple);
        }
        s("]");
        return;
      }
      case ExprKind::Starred:
        s("*");
        expr(static_cast<Starred*>(e)->value, kExpr);
        return;
      case ExprKind::Name:
        str(static_cast<Name*>(e)->id);
        return;
      case ExprKind::List:
        s("[");
        seq(static_cast<ast::List*>(e)->elts);
        s("]");
        return;
      case ExprKind::Tuple: {
        auto* t = static_cast<ast::Tuple*>(e);
        if (t->elts.empty()) {
          s("()");
          return;
        }
        with_parens(level > kTuple, "(", [&] {
          seq(t->elts);
          if (t->elts.size == 1) s(",");
        });
        return;
      }
      case ExprKind::Slice: {
        auto* sl = static_cast<Slice*>(e);
        if (sl->lower) expr(sl->lower, kTest);
        s(":");
        if (sl->upper) expr(sl->upper, kTest);
        if (sl->step) {
          s(":");
          expr(sl->step, kTest);
        }
        return;
      }
    }
  }

  void arg(Arg* a) {
    str(a->arg);
    if (a->annotation) {
      s(": ");
      expr(a->annotation, kTest);
    }
  }

  void arguments(Arguments* a) {
    bool first = true;
    auto sep = [&] {
      if (!first) s(", ");
      first = false;
    };
    int32_t npos = a->posonlyargs.size + a->args.size;
    int32_t first_default = npos - a->defaults.size;
    for (int32_t i = 0; i < npos; i++) {
      sep();
      Arg* x = i < a->posonlyargs.size ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size];
      arg(x);
      if (i >= first_default) {
        s("=");
        expr(a->defaults[i - first_default], kTest);
      }
      if (i + 1 == a->posonlyargs.size) {
        sep();
        s("/");
      }
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
      sep();
      s("*");
      if (a->vararg) arg(a->vararg);
    }
    for (int32_t i = 0; i < a->kwonlyargs.size; i++) {
      sep();
      arg(a->kwonlyargs[i]);
      if (a->kw_defaults[i]) {
        s("=");
        expr(a->kw_defaults[i], kTest);
      }
    }
    if (a->kwarg) {
      sep();
      s("**");
      arg(a->kwarg);
    }
  }

  static constexpr int kAssignLike = kTuple;
};

}  // namespace

Str* unparse_expr(Expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return intern(u.out.finish());
}

}  // namespace spindle
