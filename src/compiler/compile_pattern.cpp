// Code generation for `match` statements. A pattern consumes the subject on
// top of the stack. Captured values are kept on the stack (in `stores` order)
// and bound only once the whole case pattern has matched; on failure the code
// jumps to a chain of labels that pop whatever the pattern left behind.
#include <algorithm>

#include "compiler/compiler_impl.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle::compiler {

struct Compiler::PatternContext {
  std::vector<Str*> stores;      // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<Label> fail_pop;   // fail_pop[n]: pop n items, then fail
  int on_top = 0;                // items above the stores that belong to the pattern
};

namespace {

using PC = Compiler::PatternContext;

bool is_wildcard(Pattern* p) {
  return p->kind == PatternKind::MatchAs && !static_cast<MatchAs*>(p)->pattern && !static_cast<MatchAs*>(p)->name;
}
bool is_star_wildcard(Pattern* p) { return p->kind == PatternKind::MatchStar && !static_cast<MatchStar*>(p)->name; }

class PatternCompiler {
 public:
  explicit PatternCompiler(Compiler* c) : c_(c) {}

  void rotate(int count) {
    while (count > 1) c_->emit(OP_SWAP, uint32_t(count--));
  }

  void ensure_fail_pop(PC* pc, size_t n) {
    while (pc->fail_pop.size() < n + 1) pc->fail_pop.push_back(c_->new_label());
  }

  void jump_to_fail_pop(PC* pc, Opcode op) {
    size_t pops = size_t(pc->on_top) + pc->stores.size();
    ensure_fail_pop(pc, pops);
    c_->emit_jump(op, pc->fail_pop[pops]);
  }

  void emit_and_reset_fail_pop(PC* pc) {
    if (pc->fail_pop.empty()) return;
    for (size_t i = pc->fail_pop.size() - 1; i > 0; i--) {
      c_->bind(pc->fail_pop[i]);
      c_->emit(OP_POP_TOP);
    }
    c_->bind(pc->fail_pop[0]);
    pc->fail_pop.clear();
  }

  bool store_name(Str* name, PC* pc, const Pos& pos) {
    if (!name) {
      c_->emit(OP_POP_TOP);
      return true;
    }
    if (!c_->check_forbidden_name(name, ExprContext::Store, pos)) return false;
    if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
      return c_->syntax_error(pos, "multiple assignments to name %R in pattern", Value(name));
    rotate(pc->on_top + int(pc->stores.size()) + 1);
    pc->stores.push_back(name);
    return true;
  }

  bool subpattern(Pattern* p, PC* pc) {
    bool saved = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    bool ok = pattern(p, pc);
    pc->allow_irrefutable = saved;
    return ok;
  }

  bool pattern(Pattern* p, PC* pc) {
    c_->set_pos(p->pos);
    switch (p->kind) {
      case PatternKind::MatchValue: {
        Expr* v = static_cast<MatchValue*>(p)->value;
        if (v->kind != ExprKind::Constant && v->kind != ExprKind::Attribute && v->kind != ExprKind::UnaryOp &&
            v->kind != ExprKind::BinOp)
          return c_->syntax_error(p->pos, "patterns may only match literals and attribute lookups");
        if (!c_->visit_expr(v)) return false;
        c_->emit(OP_COMPARE_OP, uint32_t(CompareOp::EQ));
        jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
        return true;
      }
      case PatternKind::MatchSingleton:
        c_->emit_load_const(static_cast<MatchSingleton*>(p)->value);
        c_->emit(OP_IS_OP, 0);
        jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
        return true;
      case PatternKind::MatchSequence:
        return sequence(static_cast<MatchSequence*>(p), pc);
      case PatternKind::MatchMapping:
        return mapping(static_cast<MatchMapping*>(p), pc);
      case PatternKind::MatchClass:
        return class_pattern(static_cast<MatchClass*>(p), pc);
      case PatternKind::MatchStar:
        return store_name(static_cast<MatchStar*>(p)->name, pc, p->pos);
      case PatternKind::MatchAs: {
        auto* m = static_cast<MatchAs*>(p);
        if (!m->pattern) {
          if (!pc->allow_irrefutable) {
            if (m->name) return c_->syntax_error(p->pos, "name capture %R makes remaining patterns unreachable", Value(m->name));
            return c_->syntax_error(p->pos, "wildcard makes remaining patterns unreachable");
          }
          return store_name(m->name, pc, p->pos);
        }
        pc->on_top++;
        c_->emit(OP_COPY, 1);
        if (!pattern(m->pattern, pc)) return false;
        pc->on_top--;
        return store_name(m->name, pc, p->pos);
      }
      case PatternKind::MatchOr:
        return or_pattern(static_cast<MatchOr*>(p), pc);
    }
    return true;
  }

  bool sequence(MatchSequence* p, PC* pc) {
    const Seq<Pattern*>& pats = p->patterns;
    int32_t size = pats.size;
    int32_t star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int32_t i = 0; i < size; i++) {
      Pattern* q = pats[i];
      if (q->kind == PatternKind::MatchStar) {
        if (star >= 0) return c_->syntax_error(q->pos, "multiple starred names in sequence pattern");
        star_wildcard = is_star_wildcard(q);
        only_wildcard &= star_wildcard;
        star = i;
        continue;
      }
      only_wildcard &= is_wildcard(q);
    }
    pc->on_top++;
    c_->emit(OP_MATCH_SEQUENCE);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
      c_->emit(OP_GET_LEN);
      c_->emit_load_const(Value::from_small_int(size));
      c_->emit(OP_COMPARE_OP, uint32_t(CompareOp::EQ));
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    } else if (size - 1) {
      c_->emit(OP_GET_LEN);
      c_->emit_load_const(Value::from_small_int(size - 1));
      c_->emit(OP_COMPARE_OP, uint32_t(CompareOp::GE));
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
      c_->emit(OP_POP_TOP);
      return true;
    }
    if (star_wildcard) {
      // Index the subject instead of unpacking it all.
      pc->on_top++;
      for (int32_t i = 0; i < size; i++) {
        Pattern* q = pats[i];
        if (is_wildcard(q) || i == star) continue;
        c_->emit(OP_COPY, 1);
        if (i < star) {
          c_->emit_load_const(Value::from_small_int(i));
        } else {
          c_->emit(OP_GET_LEN);
          c_->emit_load_const(Value::from_small_int(size - i));
          c_->emit(OP_BINARY_OP, uint32_t(BinaryOp::Sub));
        }
        c_->emit(OP_BINARY_SUBSCR);
        if (!subpattern(q, pc)) return false;
      }
      pc->on_top--;
      c_->emit(OP_POP_TOP);
      return true;
    }
    if (star >= 0) c_->emit(OP_UNPACK_EX, uint32_t(star) | uint32_t(size - star - 1) << 8);
    else c_->emit(OP_UNPACK_SEQUENCE, uint32_t(size));
    pc->on_top += size;
    for (int32_t i = 0; i < size; i++) {
      pc->on_top--;
      if (!subpattern(pats[i], pc)) return false;
    }
    return true;
  }

  bool mapping(MatchMapping* p, PC* pc) {
    int32_t size = p->keys.size;
    if (size != p->patterns.size)
      return c_->syntax_error(p->pos, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size,
                              p->patterns.size);
    pc->on_top++;
    c_->emit(OP_MATCH_MAPPING);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    if (!size && !p->rest) {
      pc->on_top--;
      c_->emit(OP_POP_TOP);
      return true;
    }
    if (size) {
      c_->emit(OP_GET_LEN);
      c_->emit_load_const(Value::from_small_int(size));
      c_->emit(OP_COMPARE_OP, uint32_t(CompareOp::GE));
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    }
    spindle::Dict* seen = spindle::dict_new();
    for (Expr* key : p->keys) {
      if (key->kind == ExprKind::Constant) {
        Value kv = static_cast<Constant*>(key)->value;
        Value got = dict_get(seen, kv);
        if (got) return c_->syntax_error(key->pos, "mapping pattern checks duplicate key (%R)", kv);
        if (error_occurred()) return false;
        dict_set(seen, kv, None());
      } else if (key->kind != ExprKind::Attribute && key->kind != ExprKind::UnaryOp && key->kind != ExprKind::BinOp) {
        return c_->syntax_error(key->pos, "mapping pattern keys may only match literals and attribute lookups");
      }
      if (!c_->visit_expr(key)) return false;
    }
    c_->emit(OP_BUILD_TUPLE, uint32_t(size));
    c_->emit(OP_MATCH_KEYS);
    pc->on_top += 2;
    c_->emit(OP_COPY, 1);
    c_->emit_load_const(None());
    c_->emit(OP_IS_OP, 1);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    c_->emit(OP_UNPACK_SEQUENCE, uint32_t(size));
    pc->on_top += size - 1;
    for (int32_t i = 0; i < size; i++) {
      pc->on_top--;
      if (!subpattern(p->patterns[i], pc)) return false;
    }
    pc->on_top -= 2;
    if (p->rest) {
      // rest = dict(subject) minus the matched keys.
      c_->emit(OP_BUILD_MAP, 0);
      c_->emit(OP_SWAP, 3);
      c_->emit(OP_DICT_UPDATE, 2);
      c_->emit(OP_UNPACK_SEQUENCE, uint32_t(size));
      int32_t n = size;
      while (n) {
        c_->emit(OP_COPY, uint32_t(1 + n--));
        c_->emit(OP_SWAP, 2);
        c_->emit(OP_DELETE_SUBSCR);
      }
      return store_name(p->rest, pc, p->pos);
    }
    c_->emit(OP_POP_TOP);
    c_->emit(OP_POP_TOP);
    return true;
  }

  bool class_pattern(MatchClass* p, PC* pc) {
    int32_t nargs = p->patterns.size, nattrs = p->kwd_attrs.size;
    if (nattrs != p->kwd_patterns.size)
      return c_->syntax_error(p->pos, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs,
                              p->kwd_patterns.size);
    for (int32_t i = 0; i < nattrs; i++) {
      if (!c_->check_forbidden_name(p->kwd_attrs[i], ExprContext::Store, p->kwd_patterns[i]->pos)) return false;
      for (int32_t j = i + 1; j < nattrs; j++)
        if (str_equal(p->kwd_attrs[i], p->kwd_attrs[j]))
          return c_->syntax_error(p->kwd_patterns[j]->pos, "attribute name repeated in class pattern: %U",
                                  p->kwd_attrs[j]);
    }
    if (!c_->visit_expr(p->cls)) return false;
    spindle::Tuple* names = spindle::tuple_new(nattrs);
    for (int32_t i = 0; i < nattrs; i++) names->items[i] = Value(p->kwd_attrs[i]);
    c_->set_pos(p->pos);
    c_->emit_load_const(Value(names));
    c_->emit(OP_MATCH_CLASS, uint32_t(nargs));
    c_->emit(OP_COPY, 1);
    c_->emit_load_const(None());
    c_->emit(OP_IS_OP, 1);
    pc->on_top++;
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    c_->emit(OP_UNPACK_SEQUENCE, uint32_t(nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (int32_t i = 0; i < nargs + nattrs; i++) {
      pc->on_top--;
      Pattern* q = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
      if (is_wildcard(q)) {
        c_->emit(OP_POP_TOP);
        continue;
      }
      if (!subpattern(q, pc)) return false;
    }
    return true;
  }

  bool or_pattern(MatchOr* p, PC* pc) {
    Label end = c_->new_label();
    int32_t size = p->patterns.size;
    PC old = *pc;
    std::vector<Str*> control;
    for (int32_t i = 0; i < size; i++) {
      Pattern* alt = p->patterns[i];
      pc->stores.clear();
      pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
      pc->fail_pop.clear();
      pc->on_top = 0;
      c_->set_pos(alt->pos);
      c_->emit(OP_COPY, 1);
      if (!pattern(alt, pc)) return false;
      size_t nstores = pc->stores.size();
      if (i == 0) {
        control = pc->stores;
      } else if (nstores != control.size()) {
        return c_->syntax_error(alt->pos, "alternative patterns bind different names");
      } else if (nstores) {
        // Reorder the captured values to match the first alternative's order.
        for (int icontrol = int(nstores) - 1; icontrol >= 0; icontrol--) {
          Str* name = control[size_t(icontrol)];
          auto it = std::find(pc->stores.begin(), pc->stores.end(), name);
          if (it == pc->stores.end()) return c_->syntax_error(alt->pos, "alternative patterns bind different names");
          int istores = int(it - pc->stores.begin());
          if (icontrol != istores) {
            int rotations = istores + 1;
            std::vector<Str*> rotated(pc->stores.begin(), pc->stores.begin() + rotations);
            pc->stores.erase(pc->stores.begin(), pc->stores.begin() + rotations);
            for (int r = 0; r < rotations; r++) rotate(icontrol + 1);
            pc->stores.insert(pc->stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
          }
        }
      }
      c_->emit_jump(OP_JUMP, end);
      emit_and_reset_fail_pop(pc);
    }
    *pc = old;
    c_->emit(OP_POP_TOP);
    jump_to_fail_pop(pc, OP_JUMP);
    c_->bind(end);
    int nrots = int(control.size()) + 1 + pc->on_top + int(pc->stores.size());
    for (Str* name : control) {
      rotate(nrots);
      if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
        return c_->syntax_error(p->pos, "multiple assignments to name %R in pattern", Value(name));
      pc->stores.push_back(name);
    }
    c_->emit(OP_POP_TOP);
    return true;
  }

  Compiler* c_;
};

}  // namespace

bool Compiler::compile_pattern(Pattern* p, PatternContext* pc) {
  PatternCompiler pcomp(this);
  return pcomp.pattern(p, pc);
}

bool Compiler::compile_match(Match* s) {
  if (!visit_expr(s->subject)) return false;
  Label end = new_label();
  int32_t cases = s->cases.size;
  MatchCase* last = s->cases[cases - 1];
  bool has_default = is_wildcard(last->pattern) && cases > 1 && !last->guard;
  PatternCompiler pcomp(this);
  for (int32_t i = 0; i < cases - (has_default ? 1 : 0); i++) {
    MatchCase* m = s->cases[i];
    set_pos(m->pattern->pos);
    PatternContext pc;
    bool last_real = i == cases - (has_default ? 1 : 0) - 1;
    if (!last_real) emit(OP_COPY, 1);
    pc.allow_irrefutable = (i == cases - 1) || m->guard != nullptr;
    if (!pcomp.pattern(m->pattern, &pc)) return false;
    for (Str* name : pc.stores) compile_name(name, ExprContext::Store);
    pc.stores.clear();
    if (m->guard) {
      pcomp.ensure_fail_pop(&pc, 0);
      if (!compile_jump_if(m->guard, pc.fail_pop[0], false)) return false;
    }
    if (!last_real) emit(OP_POP_TOP);
    if (!visit_body(m->body)) return false;
    emit_jump(OP_JUMP, end);
    set_pos(m->pattern->pos);
    pcomp.emit_and_reset_fail_pop(&pc);
  }
  if (has_default) {
    set_pos(last->pattern->pos);
    if (last->guard && !compile_jump_if(last->guard, end, false)) return false;
    if (!visit_body(last->body)) return false;
  }
  bind(end);
  return true;
}

}  // namespace spindle::compiler
