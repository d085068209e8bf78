// Scope analysis in two passes: collect what each scope binds and uses, then
// resolve every name from the module down (the rules of CPython's symtable).
#include "compiler/symtable.h"

#include <unordered_set>

#include "objects/exception.h"
#include "objects/str.h"
#include "vm/code.h"

namespace spindle::compiler {

using namespace ast;

namespace {

using NameSet = std::unordered_set<Str*, StrPtrHash>;

class Builder {
 public:
  Builder(SymbolTable* st, Value filename) : st_(st), filename_(filename) {}

  bool build(Mod* mod) {
    enter(BlockKind::Module, intern_cstr("top"), mod, 0);
    st_->top = cur_;
    if (mod->kind == ModKind::Expression) {
      if (!visit_expr(mod->expr)) return false;
    } else {
      for (Stmt* s : mod->body)
        if (!visit_stmt(s)) return false;
    }
    leave();
    NameSet free, global;
    return analyze_block(st_->top, nullptr, &free, &global);
  }

 private:
  SymbolTable* st_;
  Value filename_;
  SymbolTableEntry* cur_ = nullptr;
  Str* class_name_ = nullptr;  // innermost enclosing class, for mangling

  bool error(const Pos& p, const char* fmt, Str* name = nullptr) {
    Str* msg = name ? format_message(fmt, name) : format_message("%s", fmt);
    raise_syntax_error(&exc::SyntaxError, str_to_utf8(msg).c_str(), filename_, p.lineno, p.col_offset + 1, Value(),
                       p.end_lineno, p.end_col_offset + 1);
    return false;
  }

  void enter(BlockKind kind, Str* name, const void* node, int lineno) {
    auto* e = new SymbolTableEntry();
    e->kind = kind;
    e->name = name;
    e->node = node;
    e->lineno = lineno;
    e->parent = cur_;
    if (cur_) {
      cur_->children.push_back(e);
      e->is_nested = cur_->is_nested || cur_->kind == BlockKind::Function;
    }
    st_->by_node[node] = e;
    cur_ = e;
  }
  void leave() { cur_ = cur_->parent; }

  Str* mangled(Str* name) { return class_name_ ? mangle(class_name_, name) : name; }

  bool add_def(Str* raw, uint32_t flag, const Pos& pos, SymbolTableEntry* ste = nullptr) {
    if (!ste) ste = cur_;
    Str* name = mangled(raw);
    Symbol* sym = ste->lookup(name);
    if (!sym) {
      ste->order.push_back(name);
      sym = &ste->symbols[name];
    }
    if ((flag & kDefParam) && (sym->flags & kDefParam))
      return error(pos, "duplicate argument '%U' in function definition", name);
    sym->flags |= flag;
    if (flag & kDefParam) ste->params.push_back(name);
    // As in CPython, `global x` anywhere also makes the module's own x an
    // explicit global (the module block then uses LOAD_GLOBAL/STORE_GLOBAL
    // for it, which differs from LOAD_NAME when exec() gets separate locals).
    if (flag & kDefGlobal) {
      SymbolTableEntry* top = ste;
      while (top->parent) top = top->parent;
      if (top != ste) {
        Symbol* module_sym = top->lookup(name);
        if (!module_sym) {
          top->order.push_back(name);
          module_sym = &top->symbols[name];
        }
        module_sym->flags |= kDefGlobal;
      }
    }
    return true;
  }

  // ---- statements ----
  bool visit_body(const Seq<Stmt*>& body) {
    for (Stmt* s : body)
      if (!visit_stmt(s)) return false;
    return true;
  }

  bool visit_stmt(Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<FunctionDef*>(s);
        if (!add_def(f->name, kDefLocal, s->pos)) return false;
        if (!visit_defaults(f->args)) return false;
        if (!visit_annotations(f->args, f->returns)) return false;
        for (Expr* d : f->decorator_list)
          if (!visit_expr(d)) return false;
        enter(BlockKind::Function, f->name, f, s->pos.lineno);
        if (s->kind == StmtKind::AsyncFunctionDef) cur_->is_coroutine = true;
        if (!visit_params(f->args)) return false;
        if (!visit_body(f->body)) return false;
        leave();
        return true;
      }
      case StmtKind::ClassDef: {
        auto* c = static_cast<ClassDef*>(s);
        if (!add_def(c->name, kDefLocal, s->pos)) return false;
        for (Expr* b : c->bases)
          if (!visit_expr(b)) return false;
        for (Keyword* k : c->keywords)
          if (!visit_expr(k->value)) return false;
        for (Expr* d : c->decorator_list)
          if (!visit_expr(d)) return false;
        Str* saved = class_name_;
        enter(BlockKind::Class, c->name, c, s->pos.lineno);
        class_name_ = c->name;
        bool ok = visit_body(c->body);
        class_name_ = saved;
        leave();
        return ok;
      }
      case StmtKind::Return: {
        auto* r = static_cast<Return*>(s);
        if (r->value) {
          cur_->returns_value = true;
          return visit_expr(r->value);
        }
        return true;
      }
      case StmtKind::Delete:
        for (Expr* t : static_cast<Delete*>(s)->targets)
          if (!visit_expr(t)) return false;
        return true;
      case StmtKind::Assign: {
        auto* a = static_cast<Assign*>(s);
        for (Expr* t : a->targets)
          if (!visit_expr(t)) return false;
        return visit_expr(a->value);
      }
      case StmtKind::AugAssign: {
        auto* a = static_cast<AugAssign*>(s);
        return visit_expr(a->target) && visit_expr(a->value);
      }
      case StmtKind::AnnAssign: {
        auto* a = static_cast<AnnAssign*>(s);
        if (a->target->kind == ExprKind::Name) {
          Str* name = mangled(static_cast<Name*>(a->target)->id);
          Symbol* sym = cur_->lookup(name);
          if (sym && (sym->flags & (kDefGlobal | kDefNonlocal)) && a->simple)
            return error(s->pos,
                         (sym->flags & kDefGlobal) ? "annotated name '%U' can't be global"
                                                   : "annotated name '%U' can't be nonlocal",
                         name);
          if (a->simple) {
            if (!add_def(static_cast<Name*>(a->target)->id, kDefAnnot | kDefLocal, s->pos)) return false;
          } else if (a->value) {
            if (!add_def(static_cast<Name*>(a->target)->id, kDefLocal, s->pos)) return false;
          }
        } else {
          if (!visit_expr(a->target)) return false;
        }
        if (!visit_annotation(a->annotation)) return false;
        return a->value ? visit_expr(a->value) : true;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<For*>(s);
        return visit_expr(f->target) && visit_expr(f->iter) && visit_body(f->body) && visit_body(f->orelse);
      }
      case StmtKind::While: {
        auto* w = static_cast<While*>(s);
        return visit_expr(w->test) && visit_body(w->body) && visit_body(w->orelse);
      }
      case StmtKind::If: {
        auto* i = static_cast<If*>(s);
        return visit_expr(i->test) && visit_body(i->body) && visit_body(i->orelse);
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = static_cast<With*>(s);
        for (WithItem* item : w->items) {
          if (!visit_expr(item->context_expr)) return false;
          if (item->optional_vars && !visit_expr(item->optional_vars)) return false;
        }
        return visit_body(w->body);
      }
      case StmtKind::Match: {
        auto* m = static_cast<Match*>(s);
        if (!visit_expr(m->subject)) return false;
        for (MatchCase* c : m->cases) {
          if (!visit_pattern(c->pattern)) return false;
          if (c->guard && !visit_expr(c->guard)) return false;
          if (!visit_body(c->body)) return false;
        }
        return true;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<Raise*>(s);
        if (r->exc && !visit_expr(r->exc)) return false;
        return r->cause ? visit_expr(r->cause) : true;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<Try*>(s);
        if (!visit_body(t->body)) return false;
        for (ExceptHandler* h : t->handlers) {
          if (h->type && !visit_expr(h->type)) return false;
          if (h->name && !add_def(h->name, kDefLocal, h->pos)) return false;
          if (!visit_body(h->body)) return false;
        }
        return visit_body(t->orelse) && visit_body(t->finalbody);
      }
      case StmtKind::Assert: {
        auto* a = static_cast<Assert*>(s);
        if (!visit_expr(a->test)) return false;
        return a->msg ? visit_expr(a->msg) : true;
      }
      case StmtKind::Import:
      case StmtKind::ImportFrom: {
        Seq<Alias*> names = s->kind == StmtKind::Import ? static_cast<Import*>(s)->names : static_cast<ImportFrom*>(s)->names;
        for (Alias* a : names) {
          if (str_equals_ascii(a->name, "*")) {
            if (cur_->kind != BlockKind::Module) return error(s->pos, "import * only allowed at module level");
            cur_->has_star_import = true;
            continue;
          }
          Str* bound = a->asname;
          if (!bound) {
            // `import a.b.c` binds `a`.
            int64_t dot = -1;
            for (int64_t i = 0; i < a->name->length; i++)
              if (a->name->at(i) == '.') { dot = i; break; }
            bound = dot < 0 ? a->name : intern(str_substr(a->name, 0, dot));
          }
          if (!add_def(bound, kDefImport, a->pos)) return false;
        }
        return true;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        bool is_global = s->kind == StmtKind::Global;
        Seq<Str*> names = is_global ? static_cast<Global*>(s)->names : static_cast<Nonlocal*>(s)->names;
        for (Str* raw : names) {
          Str* name = mangled(raw);
          Symbol* sym = cur_->lookup(name);
          uint32_t cur_flags = sym ? sym->flags : 0;
          if (cur_flags & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            const char* msg;
            if (cur_flags & kDefParam) msg = is_global ? "name '%U' is parameter and global" : "name '%U' is parameter and nonlocal";
            else if (cur_flags & kUse) msg = is_global ? "name '%U' is used prior to global declaration" : "name '%U' is used prior to nonlocal declaration";
            else if (cur_flags & kDefAnnot) msg = is_global ? "annotated name '%U' can't be global" : "annotated name '%U' can't be nonlocal";
            else msg = is_global ? "name '%U' is assigned to before global declaration" : "name '%U' is assigned to before nonlocal declaration";
            return error(s->pos, msg, name);
          }
          if (!is_global && cur_->kind == BlockKind::Module)
            return error(s->pos, "nonlocal declaration not allowed at module level");
          if (!add_def(raw, is_global ? kDefGlobal : kDefNonlocal, s->pos)) return false;
        }
        return true;
      }
      case StmtKind::Expr:
        return visit_expr(static_cast<ExprStmt*>(s)->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        return true;
    }
    return true;
  }

  bool visit_pattern(Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue:
        return visit_expr(static_cast<MatchValue*>(p)->value);
      case PatternKind::MatchSingleton:
        return true;
      case PatternKind::MatchSequence:
        for (Pattern* q : static_cast<MatchSequence*>(p)->patterns)
          if (!visit_pattern(q)) return false;
        return true;
      case PatternKind::MatchMapping: {
        auto* m = static_cast<MatchMapping*>(p);
        for (Expr* k : m->keys)
          if (!visit_expr(k)) return false;
        for (Pattern* q : m->patterns)
          if (!visit_pattern(q)) return false;
        return m->rest ? add_def(m->rest, kDefLocal, p->pos) : true;
      }
      case PatternKind::MatchClass: {
        auto* m = static_cast<MatchClass*>(p);
        if (!visit_expr(m->cls)) return false;
        for (Pattern* q : m->patterns)
          if (!visit_pattern(q)) return false;
        for (Pattern* q : m->kwd_patterns)
          if (!visit_pattern(q)) return false;
        return true;
      }
      case PatternKind::MatchStar: {
        auto* m = static_cast<MatchStar*>(p);
        return m->name ? add_def(m->name, kDefLocal, p->pos) : true;
      }
      case PatternKind::MatchAs: {
        auto* m = static_cast<MatchAs*>(p);
        if (m->pattern && !visit_pattern(m->pattern)) return false;
        return m->name ? add_def(m->name, kDefLocal, p->pos) : true;
      }
      case PatternKind::MatchOr:
        for (Pattern* q : static_cast<MatchOr*>(p)->patterns)
          if (!visit_pattern(q)) return false;
        return true;
    }
    return true;
  }

  bool visit_defaults(Arguments* a) {
    for (Expr* d : a->defaults)
      if (!visit_expr(d)) return false;
    for (Expr* d : a->kw_defaults)
      if (d && !visit_expr(d)) return false;
    return true;
  }

  bool visit_annotation(Expr* e) {
    if (!e) return true;
    if (future_annotations) return true;  // stringified, never evaluated
    return visit_expr(e);
  }

  bool visit_annotations(Arguments* a, Expr* returns) {
    for (Arg* x : a->posonlyargs)
      if (!visit_annotation(x->annotation)) return false;
    for (Arg* x : a->args)
      if (!visit_annotation(x->annotation)) return false;
    if (a->vararg && !visit_annotation(a->vararg->annotation)) return false;
    for (Arg* x : a->kwonlyargs)
      if (!visit_annotation(x->annotation)) return false;
    if (a->kwarg && !visit_annotation(a->kwarg->annotation)) return false;
    return visit_annotation(returns);
  }

  bool visit_params(Arguments* a) {
    for (Arg* x : a->posonlyargs)
      if (!add_def(x->arg, kDefParam, x->pos)) return false;
    for (Arg* x : a->args)
      if (!add_def(x->arg, kDefParam, x->pos)) return false;
    for (Arg* x : a->kwonlyargs)
      if (!add_def(x->arg, kDefParam, x->pos)) return false;
    if (a->vararg) {
      if (!add_def(a->vararg->arg, kDefParam, a->vararg->pos)) return false;
      cur_->has_varargs = true;
    }
    if (a->kwarg) {
      if (!add_def(a->kwarg->arg, kDefParam, a->kwarg->pos)) return false;
      cur_->has_varkeywords = true;
    }
    return true;
  }

  // ---- expressions ----
  bool visit_exprs(const Seq<Expr*>& es) {
    for (Expr* e : es)
      if (e && !visit_expr(e)) return false;
    return true;
  }

  bool visit_named_expr_target(NamedExpr* ne) {
    auto* target = static_cast<Name*>(ne->target);
    Str* name = target->id;
    // The target binds in the nearest enclosing scope that is not a comprehension.
    for (SymbolTableEntry* e = cur_; e; e = e->parent) {
      if (e->is_comprehension) {
        Symbol* sym = e->lookup(mangled(name));
        if (sym && (sym->flags & kDefCompIter))
          return error(ne->pos, "assignment expression cannot rebind comprehension iteration variable '%U'", name);
        continue;
      }
      if (e->kind == BlockKind::Function) {
        if (!add_def(name, kDefLocal, ne->pos, e)) return false;
        Symbol* sym = e->lookup(mangled(name));
        if (sym->flags & kDefGlobal) {
          if (!add_def(name, kDefGlobal, ne->pos)) return false;
        } else {
          if (!add_def(name, kDefNonlocal, ne->pos)) return false;
        }
        return true;
      }
      if (e->kind == BlockKind::Module) {
        if (!add_def(name, kDefGlobal, ne->pos)) return false;
        return add_def(name, kDefGlobal, ne->pos, e);
      }
      if (e->kind == BlockKind::Class)
        return error(ne->pos, "assignment expression within a comprehension cannot be used in a class body");
    }
    return true;
  }

  bool visit_expr(Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        return visit_exprs(static_cast<BoolOp*>(e)->values);
      case ExprKind::NamedExpr: {
        auto* ne = static_cast<NamedExpr*>(e);
        if (cur_->comp_iter_expr > 0)
          return error(e->pos, "assignment expression cannot be used in a comprehension iterable expression");
        if (!visit_expr(ne->value)) return false;
        if (cur_->is_comprehension) return visit_named_expr_target(ne);
        return visit_expr(ne->target);
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        return visit_expr(b->left) && visit_expr(b->right);
      }
      case ExprKind::UnaryOp:
        return visit_expr(static_cast<UnaryOp*>(e)->operand);
      case ExprKind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        if (!visit_defaults(l->args)) return false;
        enter(BlockKind::Function, intern_cstr("<lambda>"), l, e->pos.lineno);
        cur_->is_lambda = true;
        if (!visit_params(l->args)) return false;
        if (!visit_expr(l->body)) return false;
        leave();
        return true;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
      }
      case ExprKind::Dict: {
        auto* d = static_cast<ast::Dict*>(e);
        return visit_exprs(d->keys) && visit_exprs(d->values);
      }
      case ExprKind::Set:
        return visit_exprs(static_cast<ast::Set*>(e)->elts);
      case ExprKind::ListComp: {
        auto* c = static_cast<ListComp*>(e);
        return visit_comprehension(e, "<listcomp>", c->generators, c->elt, nullptr);
      }
      case ExprKind::SetComp: {
        auto* c = static_cast<SetComp*>(e);
        return visit_comprehension(e, "<setcomp>", c->generators, c->elt, nullptr);
      }
      case ExprKind::DictComp: {
        auto* c = static_cast<DictComp*>(e);
        return visit_comprehension(e, "<dictcomp>", c->generators, c->key, c->value);
      }
      case ExprKind::GeneratorExp: {
        auto* c = static_cast<GeneratorExp*>(e);
        return visit_comprehension(e, "<genexpr>", c->generators, c->elt, nullptr);
      }
      case ExprKind::Await:
        return visit_expr(static_cast<Await*>(e)->value);
      case ExprKind::Yield: {
        auto* y = static_cast<Yield*>(e);
        cur_->is_generator = true;
        return y->value ? visit_expr(y->value) : true;
      }
      case ExprKind::YieldFrom:
        cur_->is_generator = true;
        return visit_expr(static_cast<YieldFrom*>(e)->value);
      case ExprKind::Compare: {
        auto* c = static_cast<ast::Compare*>(e);
        return visit_expr(c->left) && visit_exprs(c->comparators);
      }
      case ExprKind::Call: {
        auto* c = static_cast<ast::Call*>(e);
        if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
        for (Keyword* k : c->keywords)
          if (!visit_expr(k->value)) return false;
        return true;
      }
      case ExprKind::FormattedValue: {
        auto* f = static_cast<FormattedValue*>(e);
        if (!visit_expr(f->value)) return false;
        return f->format_spec ? visit_expr(f->format_spec) : true;
      }
      case ExprKind::JoinedStr:
        return visit_exprs(static_cast<JoinedStr*>(e)->values);
      case ExprKind::Constant:
        return true;
      case ExprKind::Attribute:
        return visit_expr(static_cast<Attribute*>(e)->value);
      case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(e);
        return visit_expr(s->value) && visit_expr(s->slice);
      }
      case ExprKind::Starred:
        return visit_expr(static_cast<Starred*>(e)->value);
      case ExprKind::Name: {
        auto* n = static_cast<Name*>(e);
        if (n->ctx == ExprContext::Load) {
          if (!add_def(n->id, kUse, e->pos)) return false;
          // super() and __class__ inside a method need the implicit __class__ cell.
          if (cur_->kind == BlockKind::Function && str_equals_ascii(n->id, "super"))
            if (!add_def(names::__class__, kUse, e->pos)) return false;
        } else {
          if (!add_def(n->id, kDefLocal, e->pos)) return false;
        }
        return true;
      }
      case ExprKind::List:
        return visit_exprs(static_cast<ast::List*>(e)->elts);
      case ExprKind::Tuple:
        return visit_exprs(static_cast<ast::Tuple*>(e)->elts);
      case ExprKind::Slice: {
        auto* s = static_cast<Slice*>(e);
        if (s->lower && !visit_expr(s->lower)) return false;
        if (s->upper && !visit_expr(s->upper)) return false;
        return s->step ? visit_expr(s->step) : true;
      }
    }
    return true;
  }

  bool visit_comprehension(Expr* node, const char* scope_name, const Seq<Comprehension*>& gens, Expr* elt, Expr* value) {
    bool is_generator = node->kind == ExprKind::GeneratorExp;
    Comprehension* outermost = gens[0];
    // The outermost iterable is evaluated in the enclosing scope.
    cur_->comp_iter_expr++;
    bool ok = visit_expr(outermost->iter);
    cur_->comp_iter_expr--;
    if (!ok) return false;
    enter(BlockKind::Function, intern_cstr(scope_name), node, node->pos.lineno);
    cur_->is_comprehension = true;
    if (outermost->is_async) cur_->is_coroutine = true;
    if (is_generator) cur_->is_generator = true;
    // The implicit parameter holding the outermost iterator.
    if (!add_def(intern_cstr(".0"), kDefParam, node->pos)) return false;
    if (!visit_comp_target(outermost->target)) return false;
    for (Expr* cond : outermost->ifs)
      if (!visit_expr(cond)) return false;
    for (int32_t i = 1; i < gens.size; i++) {
      Comprehension* g = gens[i];
      if (!visit_comp_target(g->target)) return false;
      cur_->comp_iter_expr++;
      ok = visit_expr(g->iter);
      cur_->comp_iter_expr--;
      if (!ok) return false;
      for (Expr* cond : g->ifs)
        if (!visit_expr(cond)) return false;
      if (g->is_async) cur_->is_coroutine = true;
    }
    if (value && !visit_expr(value)) return false;
    if (!visit_expr(elt)) return false;
    if (cur_->is_generator && !is_generator) {
      const char* what = node->kind == ExprKind::ListComp ? "list comprehension"
                         : node->kind == ExprKind::SetComp ? "set comprehension"
                                                            : "dict comprehension";
      Str* msg = format_message("'yield' inside %s", what);
      raise_syntax_error(&exc::SyntaxError, str_to_utf8(msg).c_str(), filename_, node->pos.lineno,
                         node->pos.col_offset + 1, Value(), node->pos.end_lineno, node->pos.end_col_offset + 1);
      return false;
    }
    leave();
    return true;
  }

  bool visit_comp_target(Expr* target) {
    // Iteration variables are marked so walrus can refuse to rebind them.
    if (!visit_expr(target)) return false;
    mark_comp_iter(target);
    return true;
  }

  void mark_comp_iter(Expr* t) {
    if (t->kind == ExprKind::Name) {
      if (Symbol* s = cur_->lookup(mangled(static_cast<Name*>(t)->id))) s->flags |= kDefCompIter;
    } else if (t->kind == ExprKind::Tuple) {
      for (Expr* e : static_cast<ast::Tuple*>(t)->elts) mark_comp_iter(e);
    } else if (t->kind == ExprKind::List) {
      for (Expr* e : static_cast<ast::List*>(t)->elts) mark_comp_iter(e);
    } else if (t->kind == ExprKind::Starred) {
      mark_comp_iter(static_cast<Starred*>(t)->value);
    }
  }

  // ---- analysis ----
  bool analyze_name(SymbolTableEntry* ste, std::unordered_map<Str*, Scope, StrPtrHash>& scopes, Str* name,
                    uint32_t flags, NameSet* bound, NameSet& local, NameSet* free, NameSet* global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) {
        Pos p{ste->lineno, 0, ste->lineno, 0};
        return error(p, "name '%U' is nonlocal and global", name);
      }
      scopes[name] = Scope::GlobalExplicit;
      global->insert(name);
      if (bound) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (!bound || !bound->count(name)) {
        Pos p{ste->lineno, 0, ste->lineno, 0};
        return error(p, "no binding for nonlocal '%U' found", name);
      }
      scopes[name] = Scope::Free;
      ste->has_free = true;
      free->insert(name);
      return true;
    }
    if (flags & kDefBound) {
      scopes[name] = Scope::Local;
      local.insert(name);
      global->erase(name);
      return true;
    }
    if (bound && bound->count(name)) {
      scopes[name] = Scope::Free;
      ste->has_free = true;
      free->insert(name);
      return true;
    }
    scopes[name] = Scope::GlobalImplicit;
    return true;
  }

  bool analyze_block(SymbolTableEntry* ste, NameSet* bound, NameSet* free, NameSet* global) {
    NameSet local, newglobal, newfree, newbound;
    std::unordered_map<Str*, Scope, StrPtrHash> scopes;
    if (ste->kind == BlockKind::Class) {
      newglobal = *global;
      if (bound) newbound = *bound;
    }
    for (Str* name : ste->order)
      if (!analyze_name(ste, scopes, name, ste->symbols[name].flags, bound, local, free, global)) return false;
    if (ste->kind != BlockKind::Class) {
      if (ste->kind == BlockKind::Function) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global->begin(), global->end());
    } else {
      newbound.insert(names::__class__);
    }
    NameSet allfree;
    for (SymbolTableEntry* child : ste->children) {
      NameSet child_bound = newbound, child_free, child_global = newglobal;
      if (!analyze_block(child, &child_bound, &child_free, &child_global)) return false;
      allfree.insert(child_free.begin(), child_free.end());
      if (child->has_free || child->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->kind == BlockKind::Function) {
      // Locals captured by nested scopes become cells.
      for (auto& [name, scope] : scopes) {
        if (scope == Scope::Local && newfree.count(name)) {
          scope = Scope::Cell;
          newfree.erase(name);
        }
      }
    } else if (ste->kind == BlockKind::Class) {
      if (newfree.erase(names::__class__)) ste->needs_class_closure = true;
    }
    // Record the scopes, and pass-through free variables of nested scopes.
    for (auto& [name, scope] : scopes) ste->symbols[name].scope = scope;
    for (Str* name : newfree) {
      Symbol* sym = ste->lookup(name);
      if (sym) {
        if (ste->kind == BlockKind::Class && (sym->flags & (kDefBound | kDefGlobal))) sym->flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      ste->order.push_back(name);
      Symbol& s = ste->symbols[name];
      s.flags |= kDefFree;
      s.scope = Scope::Free;
    }
    free->insert(newfree.begin(), newfree.end());
    return true;
  }

 public:
  bool future_annotations = false;
};

}  // namespace

Str* mangle(Str* class_name, Str* name) {
  // Only __names (not dunders, not dotted) are mangled.
  if (name->length < 3 || name->at(0) != '_' || name->at(1) != '_') return name;
  if (name->at(name->length - 1) == '_' && name->at(name->length - 2) == '_') return name;
  for (int64_t i = 0; i < name->length; i++)
    if (name->at(i) == '.') return name;
  int64_t start = 0;
  while (start < class_name->length && class_name->at(start) == '_') start++;
  if (start == class_name->length) return name;  // class name all underscores
  StrBuilder b;
  b.append('_');
  b.append(str_substr(class_name, start, class_name->length));
  b.append(name);
  return intern(b.finish());
}

SymbolTable* build_symtable(ast::Mod* mod, Value filename, uint32_t future_flags) {
  auto* st = new SymbolTable();
  Builder b(st, filename);
  b.future_annotations = (future_flags & kFutureAnnotations) != 0;
  if (!b.build(mod)) {
    free_symtable(st);
    return nullptr;
  }
  return st;
}

void free_symtable(SymbolTable* st) {
  for (auto& [node, entry] : st->by_node) delete entry;
  delete st;
}

}  // namespace spindle::compiler
