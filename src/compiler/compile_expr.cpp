// Code generation for expressions, assignment targets and comprehensions.
#include "compiler/compiler_impl.h"

#include <cmath>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle::compiler {

namespace {

constexpr int kMapChunk = 16;

BinaryOp binop_of(Operator op) {
  switch (op) {
    case Operator::Add: return BinaryOp::Add;
    case Operator::Sub: return BinaryOp::Sub;
    case Operator::Mult: return BinaryOp::Mul;
    case Operator::MatMult: return BinaryOp::MatMul;
    case Operator::Div: return BinaryOp::TrueDiv;
    case Operator::Mod: return BinaryOp::Mod;
    case Operator::Pow: return BinaryOp::Pow;
    case Operator::LShift: return BinaryOp::LShift;
    case Operator::RShift: return BinaryOp::RShift;
    case Operator::BitOr: return BinaryOp::Or;
    case Operator::BitXor: return BinaryOp::Xor;
    case Operator::BitAnd: return BinaryOp::And;
    case Operator::FloorDiv: return BinaryOp::FloorDiv;
  }
  return BinaryOp::Add;
}

bool has_starred(const Seq<Expr*>& elts) {
  for (Expr* e : elts)
    if (e->kind == ExprKind::Starred) return true;
  return false;
}

}  // namespace

namespace {

// CPython's constant key: equal constants of different types (1, 1.0, True)
// or signs of zero stay apart.
Value constant_key(Value v) {
  if (is_tuple_exact(v) || is_type(v, &frozenset_type)) {
    Value items = tuple_from_iterable(v);
    if (!items) return Value();
    spindle::Tuple* keys = spindle::tuple_new(items.as<spindle::Tuple>()->size);
    for (int64_t i = 0; i < keys->size; i++) {
      keys->items[i] = constant_key(items.as<spindle::Tuple>()->items[i]);
      if (!keys->items[i]) return Value();
    }
    Value inner = is_tuple_exact(v) ? Value(keys) : call1(Value(&frozenset_type), Value(keys));
    return inner ? Value(spindle::tuple_pack({inner, v})) : Value();
  }
  if (v.is_double() && v.as_double() == 0.0 && std::signbit(v.as_double()))
    return Value(spindle::tuple_pack({Value(type_of(v)), v, None()}));
  return Value(spindle::tuple_pack({Value(type_of(v)), v}));
}

}  // namespace

Value Compiler::set_display_constant(spindle::Tuple* items) {
  // CPython builds the frozenset from the items, then its constant merging
  // rebuilds it from its own iteration order, and a later display with the
  // same contents in the same compilation reuses the first one.
  Value first = call1(Value(&frozenset_type), Value(items));
  Value reordered = first ? tuple_from_iterable(first) : Value();
  Value fs = reordered ? call1(Value(&frozenset_type), reordered) : Value();
  Value key = fs ? constant_key(fs) : Value();
  if (!key) return Value();
  if (!frozenset_consts_) frozenset_consts_ = dict_new();
  Value merged = dict_setdefault(frozenset_consts_, key.as<spindle::Tuple>()->items[0], fs);
  return merged;
}

bool Compiler::is_constant_expr(Expr* e, Value* out) {
  switch (e->kind) {
    case ExprKind::Constant:
      *out = static_cast<Constant*>(e)->value;
      return true;
    case ExprKind::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      if (t->ctx != ExprContext::Load) return false;
      spindle::Tuple* r = spindle::tuple_new(t->elts.size);
      for (int32_t i = 0; i < t->elts.size; i++)
        if (!is_constant_expr(t->elts[i], &r->items[i])) return false;
      *out = Value(r);
      return true;
    }
    case ExprKind::UnaryOp: {
      auto* u = static_cast<UnaryOp*>(e);
      if (u->op != UnaryOpKind::USub || u->operand->kind != ExprKind::Constant) return false;
      Value v = static_cast<Constant*>(u->operand)->value;
      if (v.is_double()) {
        *out = Value::from_double(-v.as_double());
        return true;
      }
      if (is_int_exact(v)) {
        *out = int_neg(v);
        return true;
      }
      if (is_type(v, &complex_type)) {
        auto* c = v.as<ComplexObject>();
        *out = complex_new(-c->real, -c->imag);
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

bool Compiler::check_forbidden_name(Str* name, ExprContext ctx, const Pos& pos) {
  if (ctx == ExprContext::Store && str_equals_ascii(name, "__debug__"))
    return syntax_error(pos, "cannot assign to __debug__");
  if (ctx == ExprContext::Del && str_equals_ascii(name, "__debug__"))
    return syntax_error(pos, "cannot delete __debug__");
  return true;
}

bool Compiler::visit_expr(Expr* e) {
  Pos saved = unit_->pos;
  set_pos(e->pos);
  bool ok = true;
  Value folded;
  switch (e->kind) {
    case ExprKind::BoolOp:
      ok = compile_boolop(static_cast<BoolOp*>(e));
      break;
    case ExprKind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      ok = visit_expr(n->value);
      set_pos(e->pos);
      emit(OP_COPY, 1);
      ok = ok && compile_store(n->target);
      break;
    }
    case ExprKind::BinOp: {
      auto* b = static_cast<BinOp*>(e);
      ok = visit_expr(b->left) && visit_expr(b->right);
      set_pos(e->pos);
      emit(OP_BINARY_OP, uint32_t(binop_of(b->op)));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* u = static_cast<UnaryOp*>(e);
      if (is_constant_expr(e, &folded)) {
        emit_load_const(folded);
        break;
      }
      ok = visit_expr(u->operand);
      set_pos(e->pos);
      switch (u->op) {
        case UnaryOpKind::Invert: emit(OP_UNARY_INVERT); break;
        case UnaryOpKind::Not: emit(OP_UNARY_NOT); break;
        case UnaryOpKind::UAdd: emit(OP_UNARY_POSITIVE); break;
        case UnaryOpKind::USub: emit(OP_UNARY_NEGATIVE); break;
      }
      break;
    }
    case ExprKind::Lambda:
      ok = compile_lambda(static_cast<Lambda*>(e));
      break;
    case ExprKind::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      Label orelse = new_label(), end = new_label();
      ok = compile_jump_if(i->test, orelse, false) && visit_expr(i->body);
      emit_jump(OP_JUMP, end);
      bind(orelse);
      ok = ok && visit_expr(i->orelse);
      bind(end);
      break;
    }
    case ExprKind::Dict:
      ok = compile_dict(static_cast<ast::Dict*>(e));
      break;
    case ExprKind::Set:
      ok = compile_starred_sequence(static_cast<ast::Set*>(e)->elts, OP_BUILD_SET, OP_SET_UPDATE, false);
      break;
    case ExprKind::ListComp: {
      auto* c = static_cast<ListComp*>(e);
      ok = compile_comprehension(e, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::SetComp: {
      auto* c = static_cast<SetComp*>(e);
      ok = compile_comprehension(e, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::DictComp: {
      auto* c = static_cast<DictComp*>(e);
      ok = compile_comprehension(e, c->generators, c->key, c->value);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* c = static_cast<GeneratorExp*>(e);
      ok = compile_comprehension(e, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::Await: {
      SymbolTableEntry* ste = unit_->ste;
      if (ste->kind != BlockKind::Function) {
        ok = syntax_error(e->pos, "'await' outside function");
        break;
      }
      if (!ste->is_coroutine && !(ste->is_comprehension && ste->parent && ste->parent->is_coroutine)) {
        ok = syntax_error(e->pos, "'await' outside async function");
        break;
      }
      ok = visit_expr(static_cast<Await*>(e)->value);
      set_pos(e->pos);
      emit(OP_GET_AWAITABLE, 0);
      emit_load_const(None());
      compile_yield_from_loop();
      break;
    }
    case ExprKind::Yield: {
      SymbolTableEntry* ste = unit_->ste;
      if (ste->kind != BlockKind::Function) {
        ok = syntax_error(e->pos, "'yield' outside function");
        break;
      }
      auto* y = static_cast<Yield*>(e);
      if (y->value) ok = visit_expr(y->value);
      else emit_load_const(None());
      set_pos(e->pos);
      if (ste->is_coroutine && ste->is_generator) emit(OP_ASYNC_GEN_WRAP);
      emit(OP_YIELD_VALUE, 0);
      break;
    }
    case ExprKind::YieldFrom: {
      SymbolTableEntry* ste = unit_->ste;
      if (ste->kind != BlockKind::Function) {
        ok = syntax_error(e->pos, "'yield' outside function");
        break;
      }
      if (ste->is_coroutine) {
        ok = syntax_error(e->pos, "'yield from' inside async function");
        break;
      }
      ok = visit_expr(static_cast<YieldFrom*>(e)->value);
      set_pos(e->pos);
      emit(OP_GET_YIELD_FROM_ITER);
      emit_load_const(None());
      compile_yield_from_loop();
      break;
    }
    case ExprKind::Compare:
      ok = compile_compare(static_cast<ast::Compare*>(e));
      break;
    case ExprKind::Call:
      ok = compile_call(static_cast<ast::Call*>(e));
      break;
    case ExprKind::FormattedValue:
      ok = compile_formatted_value(static_cast<FormattedValue*>(e));
      break;
    case ExprKind::JoinedStr:
      ok = compile_joined_str(static_cast<JoinedStr*>(e));
      break;
    case ExprKind::Constant:
      emit_load_const(static_cast<Constant*>(e)->value);
      break;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      ok = visit_expr(a->value);
      set_pos(e->pos);
      emit(OP_LOAD_ATTR, uint32_t(add_name(mangled(a->attr))));
      break;
    }
    case ExprKind::Subscript:
      ok = compile_subscript(static_cast<Subscript*>(e));
      break;
    case ExprKind::Starred:
      ok = syntax_error(e->pos, "can't use starred expression here");
      break;
    case ExprKind::Name:
      compile_name(static_cast<Name*>(e)->id, ExprContext::Load);
      break;
    case ExprKind::List:
      ok = compile_starred_sequence(static_cast<ast::List*>(e)->elts, OP_BUILD_LIST, OP_LIST_EXTEND, false);
      break;
    case ExprKind::Tuple:
      if (is_constant_expr(e, &folded)) {
        emit_load_const(folded);
        break;
      }
      ok = compile_starred_sequence(static_cast<ast::Tuple*>(e)->elts, OP_BUILD_LIST, OP_LIST_EXTEND, true);
      break;
    case ExprKind::Slice:
      ok = compile_slice(static_cast<Slice*>(e));
      break;
  }
  set_pos(saved);
  return ok;
}

bool Compiler::compile_boolop(BoolOp* b) {
  Label end = new_label();
  Opcode jump = b->op == BoolOpKind::And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
  for (int32_t i = 0; i < b->values.size - 1; i++) {
    if (!visit_expr(b->values[i])) return false;
    set_pos(b->pos);
    emit_jump(jump, end);
  }
  if (!visit_expr(b->values[b->values.size - 1])) return false;
  bind(end);
  return true;
}

namespace {

void emit_compare_op(Compiler* c, CmpOp op) {
  switch (op) {
    case CmpOp::Eq: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::EQ)); break;
    case CmpOp::NotEq: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::NE)); break;
    case CmpOp::Lt: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::LT)); break;
    case CmpOp::LtE: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::LE)); break;
    case CmpOp::Gt: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::GT)); break;
    case CmpOp::GtE: c->emit(OP_COMPARE_OP, uint32_t(CompareOp::GE)); break;
    case CmpOp::Is: c->emit(OP_IS_OP, 0); break;
    case CmpOp::IsNot: c->emit(OP_IS_OP, 1); break;
    case CmpOp::In: c->emit(OP_CONTAINS_OP, 0); break;
    case CmpOp::NotIn: c->emit(OP_CONTAINS_OP, 1); break;
  }
}

}  // namespace

namespace {

// The type a literal expression evaluates to, or null when not a literal.
Type* literal_type(Expr* e) {
  switch (e->kind) {
    case ExprKind::Tuple: return &tuple_type;
    case ExprKind::List:
    case ExprKind::ListComp: return &list_type;
    case ExprKind::Dict:
    case ExprKind::DictComp: return &dict_type;
    case ExprKind::Set:
    case ExprKind::SetComp: return &set_type;
    case ExprKind::GeneratorExp: return &generator_type;
    case ExprKind::Lambda: return &function_type;
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return &str_type;
    case ExprKind::Constant: return type_of(static_cast<Constant*>(e)->value);
    default: return nullptr;
  }
}

// Whether CPython's AST optimizer would fold e into a constant: a constant, a
// sign or inversion of a number, or a tuple of such.
bool folds_to_constant(Expr* e) {
  switch (e->kind) {
    case ExprKind::Constant:
      return true;
    case ExprKind::UnaryOp: {
      auto* u = static_cast<ast::UnaryOp*>(e);
      if (u->op == UnaryOpKind::Not || u->operand->kind != ExprKind::Constant) return false;
      Value v = static_cast<Constant*>(u->operand)->value;
      return is_int(v) || (u->op != UnaryOpKind::Invert && (is_float(v) || is_complex(v)));
    }
    case ExprKind::Tuple:
      for (Expr* item : static_cast<ast::Tuple*>(e)->elts)
        if (!folds_to_constant(item)) return false;
      return true;
    default:
      return false;
  }
}

bool is_singleton_or_not_literal(Expr* e) {
  if (!folds_to_constant(e)) return true;
  if (e->kind != ExprKind::Constant) return false;
  Value v = static_cast<Constant*>(e)->value;
  return is_none(v) || v == True() || v == False() || v == Ellipsis();
}

}  // namespace

bool Compiler::check_is_comparison(ast::Compare* c) {
  bool left = is_singleton_or_not_literal(c->left);
  for (int32_t i = 0; i < c->ops.size; i++) {
    bool right = is_singleton_or_not_literal(c->comparators[i]);
    CmpOp op = c->ops[i];
    if ((op == CmpOp::Is || op == CmpOp::IsNot) && (!left || !right))
      return syntax_warning(c->pos, op == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
    left = right;
  }
  return true;
}

bool Compiler::check_caller(ast::Call* c) {
  switch (c->func->kind) {
    case ExprKind::Constant:
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::Dict:
    case ExprKind::DictComp:
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return syntax_warning(c->pos, "'%U' object is not callable; perhaps you missed a comma?",
                            literal_type(c->func)->name);
    default:
      return true;
  }
}

bool Compiler::check_subscript(Subscript* s) {
  Expr* e = s->value;
  bool not_subscriptable = false, needs_int = false;
  switch (e->kind) {
    case ExprKind::Constant: {
      Value v = static_cast<Constant*>(e)->value;
      not_subscriptable = is_none(v) || v == Ellipsis() || is_int(v) || is_float(v) || is_complex(v);
      needs_int = is_str(v) || is_bytes(v) || is_tuple(v);
      break;
    }
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::Lambda:
      not_subscriptable = true;
      break;
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      needs_int = true;
      break;
    default:
      break;
  }
  if (not_subscriptable)
    return syntax_warning(s->pos, "'%U' object is not subscriptable; perhaps you missed a comma?",
                          literal_type(e)->name);
  Type* index = literal_type(s->slice);
  if (needs_int && index && !(index->flags & kTypeIntSubclass) && index != &int_type && index != &bool_type)
    return syntax_warning(s->pos, "%U indices must be integers or slices, not %U; perhaps you missed a comma?",
                          literal_type(e)->name, index->name);
  return true;
}

bool Compiler::compile_compare(ast::Compare* c) {
  if (!check_is_comparison(c)) return false;
  if (!visit_expr(c->left)) return false;
  int32_t n = c->ops.size;
  if (n == 1) {
    if (!visit_expr(c->comparators[0])) return false;
    set_pos(c->pos);
    emit_compare_op(this, c->ops[0]);
    return true;
  }
  Label cleanup = new_label(), end = new_label();
  for (int32_t i = 0; i < n - 1; i++) {
    if (!visit_expr(c->comparators[i])) return false;
    set_pos(c->pos);
    emit(OP_SWAP, 2);
    emit(OP_COPY, 2);
    emit_compare_op(this, c->ops[i]);
    emit_jump(OP_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_expr(c->comparators[n - 1])) return false;
  set_pos(c->pos);
  emit_compare_op(this, c->ops[n - 1]);
  emit_jump(OP_JUMP, end);
  bind(cleanup);
  emit(OP_SWAP, 2);
  emit(OP_POP_TOP);
  bind(end);
  return true;
}

bool Compiler::compile_jump_if(Expr* e, Label target, bool cond) {
  Pos saved = unit_->pos;
  set_pos(e->pos);
  bool ok = true;
  switch (e->kind) {
    case ExprKind::UnaryOp: {
      auto* u = static_cast<UnaryOp*>(e);
      if (u->op == UnaryOpKind::Not) {
        ok = compile_jump_if(u->operand, target, !cond);
        set_pos(saved);
        return ok;
      }
      break;
    }
    case ExprKind::BoolOp: {
      auto* b = static_cast<BoolOp*>(e);
      bool is_or = b->op == BoolOpKind::Or;
      Label next = target;
      Label skip = new_label();
      if (is_or != cond) next = skip;
      for (int32_t i = 0; i < b->values.size - 1; i++)
        if (!compile_jump_if(b->values[i], next, is_or)) return false;
      ok = compile_jump_if(b->values[b->values.size - 1], target, cond);
      bind(skip);
      set_pos(saved);
      return ok;
    }
    case ExprKind::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      Label end = new_label(), next2 = new_label();
      ok = compile_jump_if(i->test, next2, false) && compile_jump_if(i->body, target, cond);
      emit_jump(OP_JUMP, end);
      bind(next2);
      ok = ok && compile_jump_if(i->orelse, target, cond);
      bind(end);
      set_pos(saved);
      return ok;
    }
    case ExprKind::Compare: {
      auto* c = static_cast<ast::Compare*>(e);
      int32_t n = c->ops.size;
      if (n > 1) {
        if (!visit_expr(c->left)) return false;
        Label cleanup = new_label();
        for (int32_t i = 0; i < n - 1; i++) {
          if (!visit_expr(c->comparators[i])) return false;
          set_pos(e->pos);
          emit(OP_SWAP, 2);
          emit(OP_COPY, 2);
          emit_compare_op(this, c->ops[i]);
          emit_jump(OP_POP_JUMP_IF_FALSE, cleanup);
        }
        if (!visit_expr(c->comparators[n - 1])) return false;
        set_pos(e->pos);
        emit_compare_op(this, c->ops[n - 1]);
        emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
        Label end = new_label();
        emit_jump(OP_JUMP, end);
        bind(cleanup);
        emit(OP_POP_TOP);
        if (!cond) emit_jump(OP_JUMP, target);
        bind(end);
        set_pos(saved);
        return true;
      }
      break;
    }
    case ExprKind::Constant: {
      int t = truthy(static_cast<Constant*>(e)->value);
      if (t == int(cond)) emit_jump(OP_JUMP, target);
      set_pos(saved);
      return true;
    }
    default:
      break;
  }
  ok = visit_expr(e);
  set_pos(e->pos);
  emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
  set_pos(saved);
  return ok;
}

bool Compiler::compile_starred_sequence(const Seq<Expr*>& elts, Opcode build, Opcode extend, bool tuple) {
  if (build == OP_BUILD_SET && !tuple && elts.size > 2 && !has_starred(elts)) {
    // As in CPython, a display of constants becomes BUILD_SET 0 + SET_UPDATE
    // of a frozenset constant (whose construction fixes the iteration order).
    spindle::Tuple* items = spindle::tuple_new(elts.size);
    bool all_const = true;
    for (int32_t i = 0; i < elts.size && all_const; i++) all_const = is_constant_expr(elts[i], &items->items[i]);
    Value folded = all_const ? set_display_constant(items) : Value();
    if (folded) {
      emit(OP_BUILD_SET, 0);
      emit_load_const(folded);
      emit(OP_SET_UPDATE, 1);
      return true;
    }
    if (all_const) clear_error();
  }
  if (build == OP_BUILD_LIST && !tuple && elts.size > 2 && !has_starred(elts)) {
    // As in CPython, a list of constants extends an empty list from a tuple
    // constant (which also sizes it as CPython does).
    spindle::Tuple* items = spindle::tuple_new(elts.size);
    bool all_const = true;
    for (int32_t i = 0; i < elts.size && all_const; i++) all_const = is_constant_expr(elts[i], &items->items[i]);
    if (all_const) {
      emit(OP_BUILD_LIST, 0);
      emit_load_const(Value(items));
      emit(OP_LIST_EXTEND, 1);
      return true;
    }
  }
  if (!has_starred(elts)) {
    for (Expr* e : elts)
      if (!visit_expr(e)) return false;
    emit(tuple ? OP_BUILD_TUPLE : build, uint32_t(elts.size));
    return true;
  }
  Opcode add = build == OP_BUILD_SET ? OP_SET_ADD : OP_LIST_APPEND;
  int32_t prefix = 0;
  while (prefix < elts.size && elts[prefix]->kind != ExprKind::Starred) {
    if (!visit_expr(elts[prefix])) return false;
    prefix++;
  }
  emit(build, uint32_t(prefix));
  for (int32_t i = prefix; i < elts.size; i++) {
    Expr* e = elts[i];
    if (e->kind == ExprKind::Starred) {
      if (!visit_expr(static_cast<Starred*>(e)->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expr(e)) return false;
      emit(add, 1);
    }
  }
  if (tuple) emit(OP_LIST_TO_TUPLE);
  return true;
}

bool Compiler::compile_dict(ast::Dict* d) {
  int32_t n = d->values.size;
  bool has_unpack = false;
  for (Expr* k : d->keys)
    if (!k) has_unpack = true;
  if (!has_unpack && n > 1 && n <= kMapChunk) {
    spindle::Tuple* keys = spindle::tuple_new(n);
    bool all_const = true;
    for (int32_t i = 0; i < n && all_const; i++)
      if (d->keys[i]->kind != ExprKind::Constant) all_const = false;
      else keys->items[i] = static_cast<Constant*>(d->keys[i])->value;
    if (all_const) {
      for (Expr* v : d->values)
        if (!visit_expr(v)) return false;
      set_pos(d->pos);
      emit_load_const(Value(keys));
      emit(OP_BUILD_CONST_KEY_MAP, uint32_t(n));
      return true;
    }
  }
  // Chunks of key/value pairs merged into one dict, ** mappings merged in order.
  bool built = false;
  int32_t pending = 0;
  auto flush = [&]() {
    if (!pending && built) return;
    emit(OP_BUILD_MAP, uint32_t(pending));
    if (built) emit(OP_DICT_UPDATE, 1);
    built = true;
    pending = 0;
  };
  for (int32_t i = 0; i < n; i++) {
    if (!d->keys[i]) {
      flush();
      if (!visit_expr(d->values[i])) return false;
      emit(OP_DICT_UPDATE, 1);
      continue;
    }
    if (!visit_expr(d->keys[i]) || !visit_expr(d->values[i])) return false;
    if (++pending == kMapChunk) flush();
  }
  if (pending || !built) flush();
  return true;
}

bool Compiler::compile_subscript(Subscript* s) {
  if (!check_subscript(s)) return false;
  if (!visit_expr(s->value)) return false;
  if (!visit_expr(s->slice)) return false;
  set_pos(s->pos);
  emit(OP_BINARY_SUBSCR);
  return true;
}

bool Compiler::compile_slice(Slice* s) {
  uint32_t n = 2;
  if (s->lower) {
    if (!visit_expr(s->lower)) return false;
  } else {
    emit_load_const(None());
  }
  if (s->upper) {
    if (!visit_expr(s->upper)) return false;
  } else {
    emit_load_const(None());
  }
  if (s->step) {
    if (!visit_expr(s->step)) return false;
    n = 3;
  }
  emit(OP_BUILD_SLICE, n);
  return true;
}

bool Compiler::compile_joined_str(JoinedStr* j) {
  int32_t n = j->values.size;
  if (n == 0) {
    emit_load_const(Value(str_empty()));
    return true;
  }
  for (Expr* v : j->values)
    if (!visit_expr(v)) return false;
  if (n == 1 && j->values[0]->kind == ExprKind::FormattedValue) return true;
  set_pos(j->pos);
  emit(OP_BUILD_STRING, uint32_t(n));
  return true;
}

bool Compiler::compile_formatted_value(FormattedValue* f) {
  if (!visit_expr(f->value)) return false;
  uint32_t flags = 0;
  switch (f->conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: flags = 0;
  }
  if (f->format_spec) {
    if (!visit_expr(f->format_spec)) return false;
    flags |= 4;
  }
  set_pos(f->pos);
  emit(OP_FORMAT_VALUE, flags);
  return true;
}

bool Compiler::compile_yield_from_loop() {
  Label send = new_label(), exit = new_label();
  bind(send);
  emit_jump(OP_SEND, exit);
  emit(OP_YIELD_VALUE, uint32_t(exit.id) + 1);
  emit_jump(OP_JUMP, send);
  bind(exit);
  return true;
}

// ------------------------------------------------------------------ calls

bool Compiler::compile_call(ast::Call* c) {
  if (!check_caller(c)) return false;
  bool needs_ex = has_starred(c->args);
  for (Keyword* k : c->keywords)
    if (!k->arg) needs_ex = true;
  Expr* f = c->func;
  if (!needs_ex && f->kind == ExprKind::Attribute && static_cast<Attribute*>(f)->ctx == ExprContext::Load) {
    auto* a = static_cast<Attribute*>(f);
    if (!visit_expr(a->value)) return false;
    set_pos(a->pos);
    emit(OP_LOAD_METHOD, uint32_t(add_name(mangled(a->attr))));
    set_pos(c->pos);
    return compile_call_helper(0, c->args, c->keywords);
  }
  if (f->kind == ExprKind::Name && unit_->ste->kind == BlockKind::Function) {
    Str* name = mangled(static_cast<Name*>(f)->id);
    Scope sc = unit_->ste->scope_of(name);
    if ((sc == Scope::GlobalImplicit || sc == Scope::GlobalExplicit) &&
        !(str_equals_ascii(name, "__debug__"))) {
      set_pos(f->pos);
      emit(OP_LOAD_GLOBAL, uint32_t(add_name(name)) << 1 | 1);
      set_pos(c->pos);
      return compile_call_helper(0, c->args, c->keywords);
    }
  }
  emit(OP_PUSH_NULL);
  if (!visit_expr(f)) return false;
  set_pos(c->pos);
  return compile_call_helper(0, c->args, c->keywords);
}

bool Compiler::compile_call_helper(int n_pushed, const Seq<Expr*>& args, const Seq<Keyword*>& keywords) {
  bool needs_ex = has_starred(args);
  for (Keyword* k : keywords)
    if (!k->arg) needs_ex = true;
  Pos call_pos = unit_->pos;
  if (!needs_ex) {
    for (Expr* a : args)
      if (!visit_expr(a)) return false;
    if (!keywords.empty()) {
      spindle::Tuple* names = spindle::tuple_new(keywords.size);
      for (int32_t i = 0; i < keywords.size; i++) {
        if (!visit_expr(keywords[i]->value)) return false;
        names->items[i] = Value(keywords[i]->arg);
      }
      set_pos(call_pos);
      emit(OP_KW_NAMES, uint32_t(add_const(Value(names))));
    }
    set_pos(call_pos);
    emit(OP_CALL, uint32_t(n_pushed + args.size + keywords.size));
    return true;
  }
  // The general form: a tuple of positional arguments and a dict of keywords.
  if (n_pushed == 0 && args.size == 1 && args[0]->kind == ExprKind::Starred) {
    // f(*a): CALL_FUNCTION_EX takes the iterable itself.
    if (!visit_expr(static_cast<Starred*>(args[0])->value)) return false;
  } else {
    emit(OP_BUILD_LIST, uint32_t(n_pushed));
    for (Expr* a : args) {
      if (a->kind == ExprKind::Starred) {
        if (!visit_expr(static_cast<Starred*>(a)->value)) return false;
        emit(OP_LIST_EXTEND, 1);
      } else {
        if (!visit_expr(a)) return false;
        emit(OP_LIST_APPEND, 1);
      }
    }
    emit(OP_LIST_TO_TUPLE);
  }
  bool has_kwargs = !keywords.empty();
  if (has_kwargs) {
    emit(OP_BUILD_MAP, 0);
    int32_t i = 0;
    while (i < keywords.size) {
      if (!keywords[i]->arg) {
        if (!visit_expr(keywords[i]->value)) return false;
        emit(OP_DICT_MERGE, 1);
        i++;
        continue;
      }
      int32_t run = 0;
      while (i < keywords.size && keywords[i]->arg) {
        emit_load_const(Value(keywords[i]->arg));
        if (!visit_expr(keywords[i]->value)) return false;
        run++;
        i++;
      }
      emit(OP_BUILD_MAP, uint32_t(run));
      emit(OP_DICT_MERGE, 1);
    }
  }
  set_pos(call_pos);
  emit(OP_CALL_FUNCTION_EX, has_kwargs ? 1 : 0);
  return true;
}

// ------------------------------------------------------------------ stores

bool Compiler::compile_unpack(const Seq<Expr*>& elts, const Pos& pos) {
  int32_t star = -1;
  for (int32_t i = 0; i < elts.size; i++) {
    if (elts[i]->kind == ExprKind::Starred) {
      if (star >= 0) return syntax_error(pos, "multiple starred expressions in assignment");
      star = i;
    }
  }
  set_pos(pos);
  if (star >= 0) {
    int32_t after = elts.size - star - 1;
    if (star >= 256 || after >= (1 << 16)) return syntax_error(pos, "too many expressions in star-unpacking assignment");
    emit(OP_UNPACK_EX, uint32_t(star) | uint32_t(after) << 8);
  } else {
    emit(OP_UNPACK_SEQUENCE, uint32_t(elts.size));
  }
  for (int32_t i = 0; i < elts.size; i++) {
    Expr* t = elts[i];
    if (t->kind == ExprKind::Starred) t = static_cast<Starred*>(t)->value;
    if (!compile_store(t)) return false;
  }
  return true;
}

bool Compiler::compile_store(Expr* target) {
  Pos saved = unit_->pos;
  set_pos(target->pos);
  bool ok = true;
  switch (target->kind) {
    case ExprKind::Name: {
      Str* id = static_cast<Name*>(target)->id;
      if (!check_forbidden_name(id, ExprContext::Store, target->pos)) return false;
      compile_name(id, ExprContext::Store);
      break;
    }
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(target);
      ok = visit_expr(a->value);
      set_pos(target->pos);
      emit(OP_STORE_ATTR, uint32_t(add_name(mangled(a->attr))));
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<Subscript*>(target);
      ok = visit_expr(s->value) && visit_expr(s->slice);
      set_pos(target->pos);
      emit(OP_STORE_SUBSCR);
      break;
    }
    case ExprKind::Tuple:
      ok = compile_unpack(static_cast<ast::Tuple*>(target)->elts, target->pos);
      break;
    case ExprKind::List:
      ok = compile_unpack(static_cast<ast::List*>(target)->elts, target->pos);
      break;
    case ExprKind::Starred:
      ok = syntax_error(target->pos, "starred assignment target must be in a list or tuple");
      break;
    default:
      ok = syntax_error(target->pos, "cannot assign to expression");
  }
  set_pos(saved);
  return ok;
}

// ------------------------------------------------------------------ comprehensions

bool Compiler::compile_comprehension(Expr* node, const Seq<Comprehension*>& gens, Expr* elt, Expr* value) {
  ExprKind kind = node->kind;
  const char* name = kind == ExprKind::ListComp ? "<listcomp>"
                     : kind == ExprKind::SetComp ? "<setcomp>"
                     : kind == ExprKind::DictComp ? "<dictcomp>"
                                                  : "<genexpr>";
  SymbolTableEntry* outer = unit_->ste;
  Comprehension* outermost = gens[0];
  if (!enter_unit(intern_cstr(name), node, node->pos.lineno)) return false;
  Unit* u = unit_;
  bool is_async = u->ste->is_coroutine;
  bool is_genexp = kind == ExprKind::GeneratorExp;
  if (is_async && !is_genexp && !(outer->is_coroutine) && outer->kind == BlockKind::Function &&
      !outer->is_comprehension) {
    return syntax_error(node->pos, "asynchronous comprehension outside of an asynchronous function");
  }
  if (is_async && !is_genexp && outer->kind != BlockKind::Function) {
    return syntax_error(node->pos, "asynchronous comprehension outside of an asynchronous function");
  }
  u->argcount = 1;
  set_pos(node->pos);
  if (kind == ExprKind::ListComp) emit(OP_BUILD_LIST, 0);
  else if (kind == ExprKind::SetComp) emit(OP_BUILD_SET, 0);
  else if (kind == ExprKind::DictComp) emit(OP_BUILD_MAP, 0);
  if (!compile_comprehension_generator(gens, 0, 0, elt, value, kind)) return false;
  set_pos(node->pos);
  if (is_genexp) emit_load_const(None());
  emit(OP_RETURN_VALUE);
  Str* qualname = u->qualname;
  Code* code = leave_unit();
  if (!code) return false;
  set_pos(node->pos);
  if (!make_closure(code, 0, qualname)) return false;
  if (!visit_expr(outermost->iter)) return false;
  set_pos(node->pos);
  emit(outermost->is_async ? OP_GET_AITER : OP_GET_ITER);
  emit(OP_CALL, 0);
  if (is_async && !is_genexp) {
    emit(OP_GET_AWAITABLE, 0);
    emit_load_const(None());
    compile_yield_from_loop();
  }
  return true;
}

bool Compiler::compile_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth, Expr* elt,
                                               Expr* value, ExprKind kind) {
  if (gens[index]->is_async) return compile_async_comprehension_generator(gens, index, depth, elt, value, kind);
  return compile_sync_comprehension_generator(gens, index, depth, elt, value, kind);
}

namespace {

bool emit_comprehension_element(Compiler* c, int depth, Expr* elt, Expr* value, ExprKind kind) {
  switch (kind) {
    case ExprKind::GeneratorExp:
      if (!c->visit_expr(elt)) return false;
      if (c->u()->ste->is_coroutine) c->emit(OP_ASYNC_GEN_WRAP);
      c->emit(OP_YIELD_VALUE, 0);
      c->emit(OP_POP_TOP);
      return true;
    case ExprKind::ListComp:
      if (!c->visit_expr(elt)) return false;
      c->emit(OP_LIST_APPEND, uint32_t(depth + 1));
      return true;
    case ExprKind::SetComp:
      if (!c->visit_expr(elt)) return false;
      c->emit(OP_SET_ADD, uint32_t(depth + 1));
      return true;
    default:
      if (!c->visit_expr(elt) || !c->visit_expr(value)) return false;
      c->emit(OP_MAP_ADD, uint32_t(depth + 1));
      return true;
  }
}

}  // namespace

bool Compiler::compile_sync_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth, Expr* elt,
                                                    Expr* value, ExprKind kind) {
  Comprehension* gen = gens[index];
  Label start = new_label(), if_cleanup = new_label(), anchor = new_label();
  if (index == 0) {
    emit(OP_LOAD_FAST, 0);
  } else {
    if (!visit_expr(gen->iter)) return false;
    emit(OP_GET_ITER);
  }
  depth++;
  bind(start);
  set_pos(gen->iter->pos);
  emit_jump(OP_FOR_ITER, anchor);
  if (!compile_store(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!compile_jump_if(cond, if_cleanup, false)) return false;
  if (index + 1 < gens.size) {
    if (!compile_comprehension_generator(gens, index + 1, depth, elt, value, kind)) return false;
  } else {
    if (!emit_comprehension_element(this, depth, elt, value, kind)) return false;
  }
  bind(if_cleanup);
  emit_jump(OP_JUMP, start);
  bind(anchor);
  return true;
}

bool Compiler::compile_async_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth,
                                                     Expr* elt, Expr* value, ExprKind kind) {
  Comprehension* gen = gens[index];
  Label start = new_label(), except = new_label(), if_cleanup = new_label();
  if (index == 0) {
    emit(OP_LOAD_FAST, 0);
  } else {
    if (!visit_expr(gen->iter)) return false;
    emit(OP_GET_AITER);
  }
  bind(start);
  if (!push_fblock(FBlockKind::AsyncComprehensionGenerator, start, Label{})) return false;
  push_handler(except, false);
  emit(OP_GET_ANEXT);
  emit_load_const(None());
  compile_yield_from_loop();
  pop_handler();
  if (!compile_store(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!compile_jump_if(cond, if_cleanup, false)) return false;
  depth++;
  if (index + 1 < gens.size) {
    if (!compile_comprehension_generator(gens, index + 1, depth, elt, value, kind)) return false;
  } else {
    if (!emit_comprehension_element(this, depth, elt, value, kind)) return false;
  }
  bind(if_cleanup);
  emit_jump(OP_JUMP, start);
  pop_fblock();
  bind(except);
  emit(OP_END_ASYNC_FOR);
  return true;
}

}  // namespace spindle::compiler
