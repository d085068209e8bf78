// ast.dump(): the exact text CPython 3.11's ast.dump prints (single-line form).
// Optional fields holding None are left out; lists are always shown.
#include <string>
#include <vector>

#include "objects/exception.h"
#include "objects/str.h"
#include "parser/parser.h"

namespace spindle::parser {

using namespace ast;
using ast::Dict;
using ast::List;
using ast::Set;
using ast::Tuple;

namespace {

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out;

  void mod(const Mod* m) {
    switch (m->kind) {
      case ModKind::Module:
        open("Module");
        field("body");
        stmts(m->body);
        field("type_ignores");
        list(m->type_ignores, [&](const TypeIgnore* t) {
          open("TypeIgnore");
          field("lineno");
          out += std::to_string(t->lineno);
          field("tag");
          str(t->tag);
          close();
        });
        close();
        break;
      case ModKind::Interactive:
        open("Interactive");
        field("body");
        stmts(m->body);
        close();
        break;
      case ModKind::Expression:
        open("Expression");
        field("body");
        expr(m->expr);
        close();
        break;
      case ModKind::FunctionType:
        open("FunctionType");
        field("argtypes");
        exprs(m->argtypes);
        field("returns");
        expr(m->expr);
        close();
        break;
    }
  }

 private:
  // ---- output helpers ----
  void open(const char* name) {
    out += name;
    out += '(';
    first_.push_back(true);
  }
  void field(const char* name) {
    if (!first_.back()) out += ", ";
    first_.back() = false;
    out += name;
    out += '=';
  }
  void close() {
    first_.pop_back();
    out += ')';
  }
  void close(const Pos& p) {
    if (attrs_) {
      field("lineno");
      out += std::to_string(p.lineno);
      field("col_offset");
      out += std::to_string(p.col_offset);
      field("end_lineno");
      out += std::to_string(p.end_lineno);
      field("end_col_offset");
      out += std::to_string(p.end_col_offset);
    }
    close();
  }
  void value(Value v) {
    Value r = repr(v);
    if (r.is_null()) {
      clear_error();
      out += "<?>";
      return;
    }
    out += str_to_utf8(r.as<Str>());
  }
  void str(Str* s) {
    if (!s)
      out += "None";
    else
      value(Value(s));
  }
  void opt_str(const char* name, Str* s) {
    if (!s) return;
    field(name);
    str(s);
  }
  template <class T, class F>
  void list(const Seq<T>& seq, F each) {
    out += '[';
    for (int32_t i = 0; i < seq.size; i++) {
      if (i) out += ", ";
      each(seq[i]);
    }
    out += ']';
  }
  void exprs(const Seq<Expr*>& seq) {
    list(seq, [&](Expr* e) { expr(e); });
  }
  void stmts(const Seq<Stmt*>& seq) {
    list(seq, [&](Stmt* s) { stmt(s); });
  }
  void opt_expr(const char* name, Expr* e) {
    if (!e) return;
    field(name);
    expr(e);
  }
  void ctx(ExprContext c) {
    field("ctx");
    out += c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
  }
  void op(Operator o) {
    static const char* const kNames[] = {"Add()",    "Sub()",    "Mult()",   "MatMult()", "Div()",
                                         "Mod()",    "Pow()",    "LShift()", "RShift()",  "BitOr()",
                                         "BitXor()", "BitAnd()", "FloorDiv()"};
    field("op");
    out += kNames[static_cast<int>(o)];
  }
  void comprehensions(const Seq<Comprehension*>& gens) {
    field("generators");
    list(gens, [&](Comprehension* c) {
      open("comprehension");
      field("target");
      expr(c->target);
      field("iter");
      expr(c->iter);
      field("ifs");
      exprs(c->ifs);
      field("is_async");
      out += c->is_async ? "1" : "0";
      close();
    });
  }
  void arg(const Arg* a) {
    open("arg");
    field("arg");
    str(a->arg);
    opt_expr("annotation", a->annotation);
    opt_str("type_comment", a->type_comment);
    close(a->pos);
  }
  void arguments(const Arguments* a) {
    open("arguments");
    auto args = [&](const char* name, const Seq<Arg*>& seq) {
      field(name);
      list(seq, [&](Arg* x) { arg(x); });
    };
    args("posonlyargs", a->posonlyargs);
    args("args", a->args);
    if (a->vararg) {
      field("vararg");
      arg(a->vararg);
    }
    args("kwonlyargs", a->kwonlyargs);
    field("kw_defaults");
    exprs(a->kw_defaults);
    if (a->kwarg) {
      field("kwarg");
      arg(a->kwarg);
    }
    field("defaults");
    exprs(a->defaults);
    close();
  }
  void keywords(const Seq<Keyword*>& kws) {
    field("keywords");
    list(kws, [&](Keyword* k) {
      open("keyword");
      opt_str("arg", k->arg);
      field("value");
      expr(k->value);
      close(k->pos);
    });
  }

  // ---- expressions ----
  void expr(const Expr* e) {
    if (!e) {
      out += "None";
      return;
    }
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        open("BoolOp");
        field("op");
        out += n->op == BoolOpKind::And ? "And()" : "Or()";
        field("values");
        exprs(n->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        open("NamedExpr");
        field("target");
        expr(n->target);
        field("value");
        expr(n->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        open("BinOp");
        field("left");
        expr(n->left);
        op(n->op);
        field("right");
        expr(n->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        static const char* const kNames[] = {"Invert()", "Not()", "UAdd()", "USub()"};
        open("UnaryOp");
        field("op");
        out += kNames[static_cast<int>(n->op)];
        field("operand");
        expr(n->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        open("Lambda");
        field("args");
        arguments(n->args);
        field("body");
        expr(n->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        open("IfExp");
        field("test");
        expr(n->test);
        field("body");
        expr(n->body);
        field("orelse");
        expr(n->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        open("Dict");
        field("keys");
        exprs(n->keys);
        field("values");
        exprs(n->values);
        break;
      }
      case ExprKind::Set: {
        open("Set");
        field("elts");
        exprs(static_cast<const Set*>(e)->elts);
        break;
      }
      case ExprKind::ListComp: {
        auto* n = static_cast<const ListComp*>(e);
        open("ListComp");
        field("elt");
        expr(n->elt);
        comprehensions(n->generators);
        break;
      }
      case ExprKind::SetComp: {
        auto* n = static_cast<const SetComp*>(e);
        open("SetComp");
        field("elt");
        expr(n->elt);
        comprehensions(n->generators);
        break;
      }
      case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        open("DictComp");
        field("key");
        expr(n->key);
        field("value");
        expr(n->value);
        comprehensions(n->generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* n = static_cast<const GeneratorExp*>(e);
        open("GeneratorExp");
        field("elt");
        expr(n->elt);
        comprehensions(n->generators);
        break;
      }
      case ExprKind::Await:
        open("Await");
        field("value");
        expr(static_cast<const Await*>(e)->value);
        break;
      case ExprKind::Yield:
        open("Yield");
        opt_expr("value", static_cast<const Yield*>(e)->value);
        break;
      case ExprKind::YieldFrom:
        open("YieldFrom");
        field("value");
        expr(static_cast<const YieldFrom*>(e)->value);
        break;
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        static const char* const kNames[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()",
                                             "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};
        open("Compare");
        field("left");
        expr(n->left);
        field("ops");
        list(n->ops, [&](CmpOp o) { out += kNames[static_cast<int>(o)]; });
        field("comparators");
        exprs(n->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        open("Call");
        field("func");
        expr(n->func);
        field("args");
        exprs(n->args);
        keywords(n->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        open("FormattedValue");
        field("value");
        expr(n->value);
        field("conversion");
        out += std::to_string(n->conversion);
        opt_expr("format_spec", n->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        open("JoinedStr");
        field("values");
        exprs(static_cast<const JoinedStr*>(e)->values);
        break;
      case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        open("Constant");
        field("value");
        value(n->value);
        opt_str("kind", n->kind);
        break;
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        open("Attribute");
        field("value");
        expr(n->value);
        field("attr");
        str(n->attr);
        ctx(n->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        open("Subscript");
        field("value");
        expr(n->value);
        field("slice");
        expr(n->slice);
        ctx(n->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        open("Starred");
        field("value");
        expr(n->value);
        ctx(n->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        open("Name");
        field("id");
        str(n->id);
        ctx(n->ctx);
        break;
      }
      case ExprKind::List: {
        auto* n = static_cast<const List*>(e);
        open("List");
        field("elts");
        exprs(n->elts);
        ctx(n->ctx);
        break;
      }
      case ExprKind::Tuple: {
        auto* n = static_cast<const Tuple*>(e);
        open("Tuple");
        field("elts");
        exprs(n->elts);
        ctx(n->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        open("Slice");
        opt_expr("lower", n->lower);
        opt_expr("upper", n->upper);
        opt_expr("step", n->step);
        break;
      }
    }
    close(e->pos);
  }

  // ---- patterns ----
  void pattern(const Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue:
        open("MatchValue");
        field("value");
        expr(static_cast<const MatchValue*>(p)->value);
        break;
      case PatternKind::MatchSingleton:
        open("MatchSingleton");
        field("value");
        value(static_cast<const MatchSingleton*>(p)->value);
        break;
      case PatternKind::MatchSequence:
        open("MatchSequence");
        field("patterns");
        patterns(static_cast<const MatchSequence*>(p)->patterns);
        break;
      case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        open("MatchMapping");
        field("keys");
        exprs(n->keys);
        field("patterns");
        patterns(n->patterns);
        opt_str("rest", n->rest);
        break;
      }
      case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        open("MatchClass");
        field("cls");
        expr(n->cls);
        field("patterns");
        patterns(n->patterns);
        field("kwd_attrs");
        list(n->kwd_attrs, [&](Str* s) { str(s); });
        field("kwd_patterns");
        patterns(n->kwd_patterns);
        break;
      }
      case PatternKind::MatchStar:
        open("MatchStar");
        opt_str("name", static_cast<const MatchStar*>(p)->name);
        break;
      case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        open("MatchAs");
        if (n->pattern) {
          field("pattern");
          pattern(n->pattern);
        }
        opt_str("name", n->name);
        break;
      }
      case PatternKind::MatchOr:
        open("MatchOr");
        field("patterns");
        patterns(static_cast<const MatchOr*>(p)->patterns);
        break;
    }
    close(p->pos);
  }
  void patterns(const Seq<Pattern*>& seq) {
    list(seq, [&](Pattern* p) { pattern(p); });
  }

  // ---- statements ----
  void body(const char* name, const Seq<Stmt*>& seq) {
    field(name);
    stmts(seq);
  }
  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        open(s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
        field("name");
        str(n->name);
        field("args");
        arguments(n->args);
        body("body", n->body);
        field("decorator_list");
        exprs(n->decorator_list);
        opt_expr("returns", n->returns);
        opt_str("type_comment", n->type_comment);
        break;
      }
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        open("ClassDef");
        field("name");
        str(n->name);
        field("bases");
        exprs(n->bases);
        keywords(n->keywords);
        body("body", n->body);
        field("decorator_list");
        exprs(n->decorator_list);
        break;
      }
      case StmtKind::Return:
        open("Return");
        opt_expr("value", static_cast<const Return*>(s)->value);
        break;
      case StmtKind::Delete:
        open("Delete");
        field("targets");
        exprs(static_cast<const Delete*>(s)->targets);
        break;
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        open("Assign");
        field("targets");
        exprs(n->targets);
        field("value");
        expr(n->value);
        opt_str("type_comment", n->type_comment);
        break;
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        open("AugAssign");
        field("target");
        expr(n->target);
        op(n->op);
        field("value");
        expr(n->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        open("AnnAssign");
        field("target");
        expr(n->target);
        field("annotation");
        expr(n->annotation);
        opt_expr("value", n->value);
        field("simple");
        out += n->simple ? "1" : "0";
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        open(s->kind == StmtKind::For ? "For" : "AsyncFor");
        field("target");
        expr(n->target);
        field("iter");
        expr(n->iter);
        body("body", n->body);
        body("orelse", n->orelse);
        opt_str("type_comment", n->type_comment);
        break;
      }
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        open("While");
        field("test");
        expr(n->test);
        body("body", n->body);
        body("orelse", n->orelse);
        break;
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        open("If");
        field("test");
        expr(n->test);
        body("body", n->body);
        body("orelse", n->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        open(s->kind == StmtKind::With ? "With" : "AsyncWith");
        field("items");
        list(n->items, [&](WithItem* w) {
          open("withitem");
          field("context_expr");
          expr(w->context_expr);
          opt_expr("optional_vars", w->optional_vars);
          close();
        });
        body("body", n->body);
        opt_str("type_comment", n->type_comment);
        break;
      }
      case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        open("Match");
        field("subject");
        expr(n->subject);
        field("cases");
        list(n->cases, [&](MatchCase* c) {
          open("match_case");
          field("pattern");
          pattern(c->pattern);
          opt_expr("guard", c->guard);
          body("body", c->body);
          close();
        });
        break;
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        open("Raise");
        opt_expr("exc", n->exc);
        opt_expr("cause", n->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* n = static_cast<const Try*>(s);
        open(s->kind == StmtKind::Try ? "Try" : "TryStar");
        body("body", n->body);
        field("handlers");
        list(n->handlers, [&](ExceptHandler* h) {
          open("ExceptHandler");
          opt_expr("type", h->type);
          opt_str("name", h->name);
          body("body", h->body);
          close(h->pos);
        });
        body("orelse", n->orelse);
        body("finalbody", n->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        open("Assert");
        field("test");
        expr(n->test);
        opt_expr("msg", n->msg);
        break;
      }
      case StmtKind::Import:
      case StmtKind::ImportFrom: {
        const Seq<Alias*>* names;
        if (s->kind == StmtKind::Import) {
          open("Import");
          names = &static_cast<const Import*>(s)->names;
        } else {
          auto* n = static_cast<const ImportFrom*>(s);
          open("ImportFrom");
          opt_str("module", n->module);
          names = &n->names;
        }
        field("names");
        list(*names, [&](Alias* a) {
          open("alias");
          field("name");
          str(a->name);
          opt_str("asname", a->asname);
          close(a->pos);
        });
        if (s->kind == StmtKind::ImportFrom) {
          field("level");
          out += std::to_string(static_cast<const ImportFrom*>(s)->level);
        }
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        const Seq<Str*>& names =
            s->kind == StmtKind::Global ? static_cast<const Global*>(s)->names : static_cast<const Nonlocal*>(s)->names;
        open(s->kind == StmtKind::Global ? "Global" : "Nonlocal");
        field("names");
        list(names, [&](Str* n) { str(n); });
        break;
      }
      case StmtKind::Expr:
        open("Expr");
        field("value");
        expr(static_cast<const ExprStmt*>(s)->value);
        break;
      case StmtKind::Pass:
        open("Pass");
        break;
      case StmtKind::Break:
        open("Break");
        break;
      case StmtKind::Continue:
        open("Continue");
        break;
    }
    close(s->pos);
  }

  bool attrs_;
  std::vector<bool> first_;  // per open node: no field written yet
};

}  // namespace

std::string dump(const Mod* mod, bool include_attributes) {
  Dumper d(include_attributes);
  d.mod(mod);
  return d.out;
}

}  // namespace spindle::parser
