// The compiler: code units, emission with stack-depth and exception-handler
// tracking, assembly into Code objects, and code generation for statements.
//
// Exception handling compiles to a table (as in CPython 3.11), built while
// emitting: every instruction records the innermost handler active when it was
// emitted. Labels remember the stack depth and the handler stack of the first
// jump to them, so code reached only by jumps resumes with the right state.
#include <algorithm>
#include <cstdarg>

#include "compiler/compiler_impl.h"
#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

const char* opcode_name(Opcode op) {
  static const char* const kNames[] = {
#define SPINDLE_OPCODE_NAME(name, cache) #name,
      SPINDLE_OPCODES(SPINDLE_OPCODE_NAME)
#undef SPINDLE_OPCODE_NAME
  };
  return op < kNumOpcodes ? kNames[op] : "?";
}

namespace compiler {

namespace {

bool is_jump(Opcode op) {
  switch (op) {
    case OP_JUMP: case OP_JUMP_BACKWARD: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
      return true;
    default:
      return false;
  }
}

bool ends_flow(Opcode op) {
  return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
         op == OP_RERAISE;
}

}  // namespace

int stack_effect(Opcode op, uint32_t arg, bool jump) {
  switch (op) {
    case OP_NOP: return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: return 1;
    case OP_COPY: return 1;
    case OP_SWAP: return 0;
    case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_CLOSURE: case OP_LOAD_DEREF:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME: case OP_LOAD_ASSERTION_ERROR: case OP_LOAD_BUILD_CLASS:
    case OP_LOAD_LOCALS:
      return 1;
    case OP_LOAD_FAST_LOAD_FAST: return 2;
    case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL: return -1;
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_MAKE_CELL: return 0;
    case OP_LOAD_GLOBAL: return (arg & 1) ? 2 : 1;
    case OP_LOAD_ATTR: return 0;
    case OP_LOAD_METHOD: return 1;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_KW_NAMES: return 0;
    case OP_CALL: return -int(arg) - 1;
    case OP_CALL_FUNCTION_EX: return -2 - int(arg & 1);
    case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: return -1;
    case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT: return 0;
    case OP_BINARY_SUBSCR: return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - int(arg);
    case OP_BUILD_MAP: return 1 - 2 * int(arg);
    case OP_BUILD_CONST_KEY_MAP: return -int(arg);
    case OP_BUILD_SLICE: return 1 - int(arg);
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE:
    case OP_DICT_MERGE:
      return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_UNPACK_SEQUENCE: return int(arg) - 1;
    case OP_UNPACK_EX: return int(arg & 0xFF) + int(arg >> 8);
    case OP_JUMP: case OP_JUMP_BACKWARD: return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
      return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_GET_ITER: return 0;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_RETURN_VALUE: return -1;
    case OP_RAISE_VARARGS: return -int(arg);
    case OP_RERAISE: return -1;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: return -1;
    case OP_CHECK_EXC_MATCH: return 0;
    case OP_CHECK_EG_MATCH: return 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_BEFORE_WITH: case OP_BEFORE_ASYNC_WITH: return 1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_MAKE_FUNCTION:
      return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0));
    case OP_IMPORT_NAME: return -1;
    case OP_IMPORT_FROM: return 1;
    case OP_IMPORT_STAR: return -1;
    case OP_SETUP_ANNOTATIONS: return 0;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_PRINT_EXPR: return -1;
    case OP_YIELD_VALUE: return 0;
    case OP_SEND: return jump ? -1 : 0;
    case OP_GET_YIELD_FROM_ITER: case OP_GET_AWAITABLE: case OP_GET_AITER: return 0;
    case OP_GET_ANEXT: return 1;
    case OP_END_ASYNC_FOR: return -2;
    case OP_ASYNC_GEN_WRAP: return 0;
    case OP_GET_LEN: case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS: return 1;
    case OP_MATCH_CLASS: return -2;
    default: return 0;
  }
}

namespace {
// Units hold collected objects (constants, names) while they are built, so
// they live in scanned memory that the collector treats as a root.
Unit* new_unit() { return new (gc::alloc_uncollectable(sizeof(Unit))) Unit(); }
void free_unit(Unit* u) {
  if (!u) return;
  u->~Unit();
  gc::free_uncollectable(u);
}
}  // namespace

Compiler::~Compiler() {
  for (Unit* u : stack_) free_unit(u);
  free_unit(unit_);
  if (st_) free_symtable(st_);
}

// ------------------------------------------------------------------ emission

Label Compiler::new_label() {
  unit_->labels.push_back(LabelInfo{});
  return Label{int32_t(unit_->labels.size() - 1)};
}

namespace {
void record_label_state(Unit* u, Label l, int32_t depth) {
  LabelInfo& info = u->labels[size_t(l.id)];
  if (info.depth < 0) info.depth = depth;
  if (!info.has_handlers) {
    info.has_handlers = true;
    info.handlers = u->active_handlers;
  }
}
}  // namespace

void Compiler::bind(Label l) {
  Unit* u = unit_;
  LabelInfo& info = u->labels[size_t(l.id)];
  info.target = int32_t(u->code.size());
  if (u->reachable) {
    record_label_state(u, l, u->depth);
    return;
  }
  if (info.depth >= 0) {
    u->depth = info.depth;
    u->reachable = true;
    if (info.has_handlers) u->active_handlers = info.handlers;
  }
}

void Compiler::emit(Opcode op, uint32_t arg) {
  Unit* u = unit_;
  if (!u->reachable) return;
  u->code.push_back(make_instr(op, arg));
  Position p{u->pos.lineno, u->pos.end_lineno, u->pos.col_offset, u->pos.end_col_offset};
  u->positions.push_back(p);
  u->instr_handler.push_back(u->active_handlers.empty() ? -1 : u->active_handlers.back());
  u->depth += stack_effect(op, arg, false);
  if (u->depth > u->maxdepth) u->maxdepth = u->depth;
  if (ends_flow(op)) u->reachable = false;
}

void Compiler::emit_jump(Opcode op, Label target) {
  Unit* u = unit_;
  if (!u->reachable) return;
  LabelInfo& info = u->labels[size_t(target.id)];
  if (op == OP_JUMP && info.target >= 0) op = OP_JUMP_BACKWARD;
  int32_t depth_after = u->depth + stack_effect(op, 0, true);
  record_label_state(u, target, depth_after);
  // The argument holds the label id until assembly resolves it.
  emit(op, uint32_t(target.id));
}

void Compiler::push_handler(Label handler, bool push_lasti, int32_t depth) {
  Unit* u = unit_;
  if (!u->reachable) return;
  if (depth < 0) depth = u->depth;
  u->handlers.push_back(HandlerSetup{handler, depth, push_lasti});
  record_label_state(u, handler, depth + (push_lasti ? 1 : 0) + 1);
  u->active_handlers.push_back(int32_t(u->handlers.size() - 1));
}

void Compiler::pop_handler() {
  Unit* u = unit_;
  if (!u->reachable) return;
  if (!u->active_handlers.empty()) u->active_handlers.pop_back();
}

namespace {

// Constants are deduplicated by (type, value); floats and complexes by their
// bits so that 0.0 and -0.0 stay distinct, and 1 / 1.0 / True never merge.
Value const_key(Value v) {
  if (v.is_double()) return Value(tuple_pack({Value(&float_type), int_from_u64(v.bits())}));
  if (is_tuple_exact(v)) {
    spindle::Tuple* t = v.as<spindle::Tuple>();
    spindle::Tuple* k = spindle::tuple_new(t->size + 1);
    k->items[0] = Value(&tuple_type);
    for (int64_t i = 0; i < t->size; i++) k->items[i + 1] = const_key(t->items[i]);
    return Value(k);
  }
  if (v.is_object() && (v.as_object()->type == &code_type || v.as_object()->type == &complex_type ||
                        v.as_object()->type == &frozenset_type))
    return int_from_u64(v.bits());  // identity
  return Value(tuple_pack({Value(type_of(v)), v}));
}

}  // namespace

int32_t Compiler::add_const(Value v) {
  Unit* u = unit_;
  Value key = const_key(v);
  Value found = dict_get(u->const_index, key);
  if (found) return int32_t(found.as_small_int());
  int32_t index = int32_t(list_size(u->consts));
  list_append(u->consts, v);
  dict_set(u->const_index, key, Value::from_small_int(index));
  return index;
}

int32_t Compiler::add_name(Str* name) {
  Unit* u = unit_;
  Value found = dict_get(u->name_index, Value(name));
  if (found) return int32_t(found.as_small_int());
  int32_t index = int32_t(list_size(u->names));
  list_append(u->names, Value(name));
  dict_set(u->name_index, Value(name), Value::from_small_int(index));
  return index;
}

bool Compiler::syntax_error(const Pos& p, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Str* msg = format_message_va(fmt, ap);
  va_end(ap);
  raise_syntax_error(&exc::SyntaxError, str_to_utf8(msg).c_str(), filename_, p.lineno, p.col_offset + 1, Value(),
                     p.end_lineno, p.end_col_offset + 1);
  return false;
}

bool Compiler::syntax_warning(const Pos& p, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Str* msg = format_message_va(fmt, ap);
  va_end(ap);
  Value warnings = import_module_cstr("warnings");
  Value warn = warnings ? get_attr_cstr(warnings, "warn_explicit") : Value();
  Value args[] = {Value(msg), Value(&exc::SyntaxWarning), filename_, Value::from_small_int(p.lineno)};
  if (warn && call(warn, args, 4, nullptr)) return true;
  if (error_matches(&exc::SyntaxWarning)) {
    clear_error();
    return syntax_error(p, "%U", msg);
  }
  return false;
}

// ------------------------------------------------------------------ units

Str* Compiler::qualname_for(Str* name, bool is_function_like) {
  if (stack_.empty()) return name;
  Unit* parent = stack_.back();
  if (parent->ste->kind == BlockKind::Module) return name;
  SymbolTableEntry* ste = unit_->ste;
  if (!ste->is_comprehension && !ste->is_lambda) {
    Str* m = parent->private_name ? mangle(parent->private_name, name) : name;
    if (parent->ste->scope_of(m) == Scope::GlobalExplicit) return name;
  }
  StrBuilder b;
  b.append(parent->qualname);
  if (parent->ste->kind == BlockKind::Function) b.append_ascii(".<locals>");
  b.append('.');
  b.append(name);
  return intern(b.finish());
}

bool Compiler::enter_unit(Str* name, const void* node, int lineno) {
  SymbolTableEntry* ste = st_->entry_for(node);
  if (unit_) stack_.push_back(unit_);
  Unit* u = new_unit();
  Unit* parent = unit_;
  unit_ = u;
  u->ste = ste;
  u->name = name;
  u->firstlineno = lineno;
  u->consts = list_new();
  u->const_index = spindle::dict_new();
  u->names = list_new();
  u->name_index = spindle::dict_new();
  u->private_name = ste->kind == BlockKind::Class ? ste->name : (parent ? parent->private_name : nullptr);
  u->pos = Pos{lineno, -1, lineno, -1};
  u->qualname = ste->kind == BlockKind::Module ? name : qualname_for(name, ste->kind == BlockKind::Function);

  // Slot layout: parameters, then other fast locals, then cells that are not
  // parameters, then free variables. Cells and frees are sorted by name.
  for (Str* p : ste->params) {
    u->varname_slot[p] = int32_t(u->varnames.size());
    u->varnames.push_back(p);
  }
  std::vector<Str*> cells, frees;
  for (Str* n : ste->order) {
    Symbol& s = ste->symbols[n];
    if (s.scope == Scope::Cell) cells.push_back(n);
    if (s.scope == Scope::Free || (s.flags & kDefFreeClass)) frees.push_back(n);
    if (ste->kind == BlockKind::Function && s.scope == Scope::Local && !u->varname_slot.count(n)) {
      u->varname_slot[n] = int32_t(u->varnames.size());
      u->varnames.push_back(n);
    }
  }
  auto by_text = [](Str* a, Str* b) { return str_compare(a, b) < 0; };
  std::sort(cells.begin(), cells.end(), by_text);
  std::sort(frees.begin(), frees.end(), by_text);
  if (ste->kind == BlockKind::Class && ste->needs_class_closure) cells.push_back(names::__class__);
  int32_t next = int32_t(u->varnames.size());
  for (Str* c : cells) {
    u->cellvars.push_back(c);
    auto it = u->varname_slot.find(c);
    u->cell_slot[c] = it != u->varname_slot.end() ? it->second : next++;
  }
  for (Str* f : frees) {
    u->freevars.push_back(f);
    u->free_slot[f] = next++;
  }
  if (ste->kind == BlockKind::Function) {
    u->flags |= kCodeOptimized | kCodeNewLocals;
    if (ste->is_nested) u->flags |= kCodeNested;
    if (ste->has_varargs) u->flags |= kCodeVarargs;
    if (ste->has_varkeywords) u->flags |= kCodeVarkeywords;
    if (ste->is_generator && ste->is_coroutine) u->flags |= kCodeAsyncGenerator;
    else if (ste->is_generator) u->flags |= kCodeGenerator;
    else if (ste->is_coroutine) u->flags |= kCodeCoroutine;
  }
  if (u->freevars.empty() && u->cellvars.empty()) u->flags |= kCodeNoFree;
  // Cells are created when the frame starts.
  for (Str* c : u->cellvars) emit(OP_MAKE_CELL, uint32_t(u->cell_slot[c]));
  return true;
}

Code* Compiler::leave_unit() {
  Code* code = assemble();
  free_unit(unit_);
  unit_ = nullptr;
  if (!stack_.empty()) {
    unit_ = stack_.back();
    stack_.pop_back();
  }
  return code;
}

namespace {

spindle::Tuple* tuple_of_strs(const std::vector<Str*>& v) {
  spindle::Tuple* t = spindle::tuple_new(int64_t(v.size()));
  for (size_t i = 0; i < v.size(); i++) t->items[i] = Value(v[i]);
  return t;
}

}  // namespace

Code* Compiler::assemble() {
  Unit* u = unit_;
  // Resolve label ids into instruction indices.
  for (size_t i = 0; i < u->code.size(); i++) {
    Opcode op = instr_op(u->code[i]);
    if (is_jump(op)) {
      int32_t target = u->labels[instr_arg(u->code[i])].target;
      u->code[i] = make_instr(op, uint32_t(target));
    } else if (op == OP_YIELD_VALUE && instr_arg(u->code[i]) != 0) {
      int32_t target = u->labels[instr_arg(u->code[i]) - 1].target;
      u->code[i] = make_instr(op, uint32_t(target) + 1);
    }
  }
  // Fuse LOAD_FAST pairs (the second word stays, and is skipped at run time,
  // so instruction indices and jump targets are unchanged).
  std::vector<bool> is_target(u->code.size() + 1, false);
  for (auto& l : u->labels)
    if (l.target >= 0) is_target[size_t(l.target)] = true;
  for (size_t i = 0; i + 1 < u->code.size(); i++) {
    if (instr_op(u->code[i]) == OP_LOAD_FAST && instr_op(u->code[i + 1]) == OP_LOAD_FAST && !is_target[i + 1] &&
        instr_arg(u->code[i]) < 4096 && instr_arg(u->code[i + 1]) < 4096 &&
        u->instr_handler[i] == u->instr_handler[i + 1] && u->positions[i].line == u->positions[i + 1].line) {
      u->code[i] = make_instr(OP_LOAD_FAST_LOAD_FAST, instr_arg(u->code[i]) | (instr_arg(u->code[i + 1]) << 12));
      i++;
    }
  }
  // The exception table: runs of instructions sharing a handler.
  std::vector<ExceptionTableEntry> table;
  for (size_t i = 0; i < u->code.size();) {
    int32_t h = u->instr_handler[i];
    size_t j = i + 1;
    while (j < u->code.size() && u->instr_handler[j] == h) j++;
    if (h >= 0) {
      HandlerSetup& hs = u->handlers[size_t(h)];
      table.push_back(ExceptionTableEntry{uint32_t(i), uint32_t(j), uint32_t(u->labels[size_t(hs.label.id)].target),
                                          uint16_t(hs.depth), hs.push_lasti});
    }
    i = j;
  }

  Code* c = alloc_instance<Code>(&code_type);
  size_t n = u->code.size();
  auto* instrs = static_cast<uint32_t*>(gc::alloc_atomic(sizeof(uint32_t) * (n ? n : 1)));
  std::copy(u->code.begin(), u->code.end(), instrs);
  c->instructions = instrs;
  c->num_instructions = uint32_t(n);
  auto* pos = static_cast<Position*>(gc::alloc_atomic(sizeof(Position) * (n ? n : 1)));
  std::copy(u->positions.begin(), u->positions.end(), pos);
  c->positions = pos;
  auto* et = static_cast<ExceptionTableEntry*>(gc::alloc_atomic(sizeof(ExceptionTableEntry) * (table.size() + 1)));
  std::copy(table.begin(), table.end(), et);
  c->exception_table = et;
  c->exception_table_size = uint32_t(table.size());
  c->caches = static_cast<std::atomic<void*>*>(gc::alloc(sizeof(void*) * (n ? n : 1)));
  c->argcount = u->argcount;
  c->posonlyargcount = u->posonlyargcount;
  c->kwonlyargcount = u->kwonlyargcount;
  c->flags = u->flags;
  c->nlocals = uint32_t(u->varnames.size());
  uint32_t extra_cells = 0;
  for (Str* cell : u->cellvars)
    if (!u->varname_slot.count(cell)) extra_cells++;
  c->ncells = extra_cells;
  c->nfrees = uint32_t(u->freevars.size());
  c->nlocalsplus = c->nlocals + c->ncells + c->nfrees;
  c->stacksize = uint32_t(std::max(u->maxdepth, 0) + 2);
  c->firstlineno = u->firstlineno;
  c->consts = list_snapshot(u->consts);
  c->names = list_snapshot(u->names);
  c->varnames = tuple_of_strs(u->varnames);
  c->cellvars = tuple_of_strs(u->cellvars);
  c->freevars = tuple_of_strs(u->freevars);
  c->filename = filename_.as<Str>();
  c->name = u->name;
  c->qualname = u->qualname;
  if (c->docstring.is_null()) c->docstring = None();
  return c;
}

// ------------------------------------------------------------------ names

Str* Compiler::mangled(Str* name) { return unit_->private_name ? mangle(unit_->private_name, name) : name; }

int32_t Compiler::local_slot(Str* name) {
  Unit* u = unit_;
  if (auto it = u->cell_slot.find(name); it != u->cell_slot.end()) return it->second;
  if (auto it = u->free_slot.find(name); it != u->free_slot.end()) return it->second;
  if (auto it = u->varname_slot.find(name); it != u->varname_slot.end()) return it->second;
  return -1;
}

void Compiler::compile_name(Str* raw, ExprContext ctx) {
  Unit* u = unit_;
  Str* name = mangled(raw);
  if (ctx == ExprContext::Load && optimize_ == 0 && str_equals_ascii(name, "__debug__")) {
    emit_load_const(True());
    return;
  }
  if (ctx == ExprContext::Load && optimize_ > 0 && str_equals_ascii(name, "__debug__")) {
    emit_load_const(False());
    return;
  }
  SymbolTableEntry* ste = u->ste;
  Scope scope = ste->scope_of(name);
  bool is_function = ste->kind == BlockKind::Function;
  enum { Fast, Deref, Global, NameOp } kind = NameOp;
  switch (scope) {
    case Scope::Free:
      kind = Deref;
      break;
    case Scope::Cell:
      kind = Deref;
      break;
    case Scope::Local:
      kind = is_function ? Fast : NameOp;
      break;
    case Scope::GlobalImplicit:
      kind = is_function ? Global : NameOp;
      break;
    case Scope::GlobalExplicit:
      kind = Global;
      break;
    default:
      kind = NameOp;
  }
  // A free name in a class body may also be bound in the class: look in the
  // class namespace first (LOAD_CLASSDEREF).
  switch (kind) {
    case Fast: {
      uint32_t slot = uint32_t(u->varname_slot[name]);
      emit(ctx == ExprContext::Load ? OP_LOAD_FAST : ctx == ExprContext::Store ? OP_STORE_FAST : OP_DELETE_FAST, slot);
      return;
    }
    case Deref: {
      uint32_t slot = uint32_t(local_slot(name));
      if (ctx == ExprContext::Load)
        emit(ste->kind == BlockKind::Class ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF, slot);
      else
        emit(ctx == ExprContext::Store ? OP_STORE_DEREF : OP_DELETE_DEREF, slot);
      return;
    }
    case Global: {
      uint32_t idx = uint32_t(add_name(name));
      if (ctx == ExprContext::Load) emit(OP_LOAD_GLOBAL, idx << 1);
      else emit(ctx == ExprContext::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, idx);
      return;
    }
    case NameOp: {
      uint32_t idx = uint32_t(add_name(name));
      emit(ctx == ExprContext::Load ? OP_LOAD_NAME : ctx == ExprContext::Store ? OP_STORE_NAME : OP_DELETE_NAME, idx);
      return;
    }
  }
}

// ------------------------------------------------------------------ modules

Code* Compiler::compile_module(Mod* mod) {
  st_ = build_symtable(mod, filename_, future_flags_);
  if (!st_) return nullptr;
  enter_unit(intern_cstr("<module>"), mod, 1);
  unit_->pos = Pos{1, 0, 1, 0};
  switch (mod->kind) {
    case ModKind::Module:
      if (!compile_body_with_docstring(mod->body, true)) return nullptr;
      emit_load_const(None());
      emit(OP_RETURN_VALUE);
      break;
    case ModKind::Interactive:
      interactive_ = true;
      for (Stmt* s : mod->body)
        if (!visit_stmt(s)) return nullptr;
      emit_load_const(None());
      emit(OP_RETURN_VALUE);
      break;
    case ModKind::Expression:
      if (!visit_expr(mod->expr)) return nullptr;
      emit(OP_RETURN_VALUE);
      break;
    case ModKind::FunctionType:
      emit_load_const(None());
      emit(OP_RETURN_VALUE);
      break;
  }
  return leave_unit();
}

namespace {

bool find_ann(const Seq<Stmt*>& body);

bool find_ann_in(Stmt* s) {
  switch (s->kind) {
    case StmtKind::AnnAssign: return true;
    case StmtKind::For: case StmtKind::AsyncFor: {
      auto* f = static_cast<For*>(s);
      return find_ann(f->body) || find_ann(f->orelse);
    }
    case StmtKind::While: {
      auto* w = static_cast<While*>(s);
      return find_ann(w->body) || find_ann(w->orelse);
    }
    case StmtKind::If: {
      auto* i = static_cast<If*>(s);
      return find_ann(i->body) || find_ann(i->orelse);
    }
    case StmtKind::With: case StmtKind::AsyncWith:
      return find_ann(static_cast<With*>(s)->body);
    case StmtKind::Try: case StmtKind::TryStar: {
      auto* t = static_cast<Try*>(s);
      for (ExceptHandler* h : t->handlers)
        if (find_ann(h->body)) return true;
      return find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse);
    }
    case StmtKind::Match:
      for (MatchCase* c : static_cast<Match*>(s)->cases)
        if (find_ann(c->body)) return true;
      return false;
    default:
      return false;
  }
}

bool find_ann(const Seq<Stmt*>& body) {
  for (Stmt* s : body)
    if (find_ann_in(s)) return true;
  return false;
}

Str* docstring_of(const Seq<Stmt*>& body) {
  if (body.empty() || body[0]->kind != StmtKind::Expr) return nullptr;
  Expr* e = static_cast<ExprStmt*>(body[0])->value;
  if (e->kind != ExprKind::Constant) return nullptr;
  Value v = static_cast<Constant*>(e)->value;
  return is_str(v) ? v.as<Str>() : nullptr;
}

}  // namespace

bool Compiler::compile_body_with_docstring(const Seq<Stmt*>& body, bool is_module_or_class) {
  if (find_ann(body)) {
    if (!body.empty()) set_pos(body[0]->pos);
    emit(OP_SETUP_ANNOTATIONS);
  }
  int32_t start = 0;
  Str* doc = docstring_of(body);
  if (doc && optimize_ < 2) {
    set_pos(body[0]->pos);
    emit_load_const(Value(doc));
    compile_name(names::__doc__, ExprContext::Store);
    start = 1;
  } else if (doc) {
    start = 1;
  }
  for (int32_t i = start; i < body.size; i++)
    if (!visit_stmt(body[i])) return false;
  return true;
}

bool Compiler::visit_body(const Seq<Stmt*>& body) {
  for (Stmt* s : body)
    if (!visit_stmt(s)) return false;
  return true;
}

// ------------------------------------------------------------------ statements

bool Compiler::visit_stmt(Stmt* s) {
  set_pos(s->pos);
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
      return compile_function(static_cast<FunctionDef*>(s));
    case StmtKind::ClassDef:
      return compile_class(static_cast<ClassDef*>(s));
    case StmtKind::Return:
      return compile_return(static_cast<Return*>(s));
    case StmtKind::Delete:
      return compile_delete(static_cast<Delete*>(s));
    case StmtKind::Assign:
      return compile_assign(static_cast<Assign*>(s));
    case StmtKind::AugAssign:
      return compile_augassign(static_cast<AugAssign*>(s));
    case StmtKind::AnnAssign:
      return compile_annassign(static_cast<AnnAssign*>(s));
    case StmtKind::For:
      return compile_for(static_cast<For*>(s));
    case StmtKind::AsyncFor:
      return compile_async_for(static_cast<For*>(s));
    case StmtKind::While:
      return compile_while(static_cast<While*>(s));
    case StmtKind::If:
      return compile_if(static_cast<If*>(s));
    case StmtKind::With:
      return compile_with(static_cast<With*>(s), 0);
    case StmtKind::AsyncWith:
      return compile_async_with(static_cast<With*>(s), 0);
    case StmtKind::Match:
      return compile_match(static_cast<Match*>(s));
    case StmtKind::Raise:
      return compile_raise(static_cast<Raise*>(s));
    case StmtKind::Try:
      return compile_try(static_cast<Try*>(s));
    case StmtKind::TryStar:
      return compile_try_star(static_cast<Try*>(s));
    case StmtKind::Assert:
      return compile_assert(static_cast<Assert*>(s));
    case StmtKind::Import:
      return compile_import(static_cast<Import*>(s));
    case StmtKind::ImportFrom:
      return compile_import_from(static_cast<ImportFrom*>(s));
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
      return true;
    case StmtKind::Expr: {
      Expr* e = static_cast<ExprStmt*>(s)->value;
      if (interactive_ && stack_.empty()) {
        if (!visit_expr(e)) return false;
        emit(OP_PRINT_EXPR);
        return true;
      }
      if (e->kind == ExprKind::Constant) return true;  // no effect
      if (!visit_expr(e)) return false;
      emit(OP_POP_TOP);
      return true;
    }
    case StmtKind::Break:
      return compile_break_continue(s, true);
    case StmtKind::Continue:
      return compile_break_continue(s, false);
  }
  return true;
}

bool Compiler::push_fblock(FBlockKind kind, Label block, Label exit, const void* datum, Str* name) {
  if (unit_->fblocks.size() >= 20) return syntax_error(unit_->pos, "too many statically nested blocks");
  unit_->fblocks.push_back(FBlock{kind, block, exit, datum, name});
  return true;
}

void Compiler::pop_fblock() { unit_->fblocks.pop_back(); }

bool Compiler::compile_call_exit_with_nones() {
  emit_load_const(None());
  emit_load_const(None());
  emit_load_const(None());
  emit(OP_CALL, 2);
  return true;
}

void Compiler::compile_pop_except_and_reraise() {
  emit(OP_COPY, 3);
  emit(OP_POP_EXCEPT);
  emit(OP_RERAISE, 1);
}

bool Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
    case FBlockKind::AsyncComprehensionGenerator:
      return true;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      return true;
    case FBlockKind::TryExcept:
      pop_handler();
      return true;
    case FBlockKind::FinallyTry: {
      pop_handler();
      if (preserve_tos && !push_fblock(FBlockKind::PopValue, Label{}, Label{})) return false;
      auto* t = static_cast<const Try*>(fb.datum);
      Pos saved = unit_->pos;
      if (!visit_body(t->finalbody)) return false;
      set_pos(saved);
      if (preserve_tos) pop_fblock();
      return true;
    }
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);  // the exception
      if (preserve_tos) emit(OP_SWAP, 2);
      pop_handler();
      emit(OP_POP_EXCEPT);
      return true;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      pop_handler();
      if (preserve_tos) emit(OP_SWAP, 2);
      compile_call_exit_with_nones();
      if (fb.kind == FBlockKind::AsyncWith) {
        emit(OP_GET_AWAITABLE, 2);
        emit_load_const(None());
        compile_yield_from_loop();
      }
      emit(OP_POP_TOP);
      return true;
    case FBlockKind::HandlerCleanup:
      if (fb.name) pop_handler();
      if (preserve_tos) emit(OP_SWAP, 2);
      pop_handler();
      emit(OP_POP_EXCEPT);
      if (fb.name) {
        emit_load_const(None());
        compile_name(fb.name, ExprContext::Store);
        compile_name(fb.name, ExprContext::Del);
      }
      return true;
    case FBlockKind::PopValue:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      return true;
  }
  return true;
}

bool Compiler::unwind_fblock_stack(bool preserve_tos, FBlock* loop, bool* found_loop) {
  Unit* u = unit_;
  if (u->fblocks.empty()) return true;
  FBlock top = u->fblocks.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    return syntax_error(u->pos, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
    *loop = top;
    *found_loop = true;
    return true;
  }
  u->fblocks.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop, found_loop);
  u->fblocks.push_back(top);
  return ok;
}

bool Compiler::compile_return(Return* s) {
  Unit* u = unit_;
  if (u->ste->kind != BlockKind::Function) return syntax_error(s->pos, "'return' outside function");
  if (s->value && u->ste->is_coroutine && u->ste->is_generator)
    return syntax_error(s->pos, "'return' with value in async generator");
  bool preserve = s->value != nullptr;
  if (preserve && !visit_expr(s->value)) return false;
  set_pos(s->pos);
  if (!unwind_fblock_stack(preserve, nullptr, nullptr)) return false;
  set_pos(s->pos);
  if (!preserve) emit_load_const(None());
  emit(OP_RETURN_VALUE);
  return true;
}

bool Compiler::compile_break_continue(Stmt* s, bool is_break) {
  FBlock loop{};
  bool found = false;
  if (!unwind_fblock_stack(false, &loop, &found)) return false;
  if (!found) return syntax_error(s->pos, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  set_pos(s->pos);
  if (is_break) {
    if (!unwind_fblock(loop, false)) return false;
    emit_jump(OP_JUMP, loop.exit);
  } else {
    emit_jump(OP_JUMP, loop.block);
  }
  return true;
}

bool Compiler::compile_if(If* s) {
  Label end = new_label();
  Label next = s->orelse.empty() ? end : new_label();
  if (!compile_jump_if(s->test, next, false)) return false;
  if (!visit_body(s->body)) return false;
  if (!s->orelse.empty()) {
    emit_jump(OP_JUMP, end);
    bind(next);
    if (!visit_body(s->orelse)) return false;
  }
  bind(end);
  return true;
}

bool Compiler::compile_while(While* s) {
  Label loop = new_label(), body = new_label(), anchor = new_label(), exit = new_label();
  bind(loop);
  if (!push_fblock(FBlockKind::WhileLoop, loop, exit)) return false;
  if (!compile_jump_if(s->test, anchor, false)) return false;
  bind(body);
  if (!visit_body(s->body)) return false;
  set_pos(s->pos);
  emit_jump(OP_JUMP, loop);
  pop_fblock();
  bind(anchor);
  if (!visit_body(s->orelse)) return false;
  bind(exit);
  return true;
}

bool Compiler::compile_for(For* s) {
  Label start = new_label(), cleanup = new_label(), end = new_label();
  if (!visit_expr(s->iter)) return false;
  set_pos(s->pos);
  emit(OP_GET_ITER);
  bind(start);
  if (!push_fblock(FBlockKind::ForLoop, start, end)) return false;
  emit_jump(OP_FOR_ITER, cleanup);
  if (!compile_store(s->target)) return false;
  if (!visit_body(s->body)) return false;
  set_pos(s->pos);
  emit_jump(OP_JUMP, start);
  pop_fblock();
  bind(cleanup);
  if (!visit_body(s->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::compile_async_for(For* s) {
  Unit* u = unit_;
  if (!(u->ste->is_coroutine) || u->ste->is_lambda)
    return syntax_error(s->pos, "'async for' outside async function");
  Label start = new_label(), except = new_label(), end = new_label();
  if (!visit_expr(s->iter)) return false;
  set_pos(s->pos);
  emit(OP_GET_AITER);
  bind(start);
  if (!push_fblock(FBlockKind::ForLoop, start, end)) return false;
  push_handler(except, false);
  emit(OP_GET_ANEXT);
  emit_load_const(None());
  compile_yield_from_loop();
  pop_handler();
  if (!compile_store(s->target)) return false;
  if (!visit_body(s->body)) return false;
  set_pos(s->pos);
  emit_jump(OP_JUMP, start);
  pop_fblock();
  bind(except);
  set_pos(s->pos);
  emit(OP_END_ASYNC_FOR);
  if (!visit_body(s->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::compile_try(Try* s) {
  if (!s->finalbody.empty()) return compile_try_finally(s);
  return compile_try_except(s);
}

bool Compiler::compile_try_finally(Try* s) {
  Label body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
  push_handler(end, false);
  bind(body);
  if (!push_fblock(FBlockKind::FinallyTry, body, end, s)) return false;
  if (!s->handlers.empty()) {
    if (!compile_try_except(s)) return false;
  } else {
    if (!visit_body(s->body)) return false;
  }
  pop_handler();
  pop_fblock();
  if (!visit_body(s->finalbody)) return false;
  emit_jump(OP_JUMP, exit);
  // The exceptional path: [exc] on the stack.
  bind(end);
  push_handler(cleanup, true);
  emit(OP_PUSH_EXC_INFO);
  if (!push_fblock(FBlockKind::FinallyEnd, end, Label{})) return false;
  if (!visit_body(s->finalbody)) return false;
  pop_fblock();
  // The re-raise stays inside the cleanup handler, which restores the
  // exception being handled before the exception leaves (as in CPython).
  emit(OP_RERAISE, 0);
  pop_handler();
  bind(cleanup);
  compile_pop_except_and_reraise();
  bind(exit);
  return true;
}

bool Compiler::compile_try_except(Try* s) {
  Label body = new_label(), except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
  push_handler(except, false);
  bind(body);
  if (!push_fblock(FBlockKind::TryExcept, body, Label{})) return false;
  if (!visit_body(s->body)) return false;
  pop_fblock();
  pop_handler();
  emit_jump(OP_JUMP, orelse);
  int32_t n = s->handlers.size;
  bind(except);
  push_handler(cleanup, true);
  emit(OP_PUSH_EXC_INFO);
  if (!push_fblock(FBlockKind::ExceptionHandler, Label{}, Label{})) return false;
  for (int32_t i = 0; i < n; i++) {
    ExceptHandler* h = s->handlers[i];
    set_pos(h->pos);
    if (!h->type && i < n - 1) return syntax_error(h->pos, "default 'except:' must be last");
    Label next = new_label();
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      emit(OP_CHECK_EXC_MATCH);
      emit_jump(OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      Label cleanup_end = new_label(), cleanup_body = new_label();
      compile_name(h->name, ExprContext::Store);
      push_handler(cleanup_end, true);
      bind(cleanup_body);
      if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, Label{}, nullptr, h->name)) return false;
      if (!visit_body(h->body)) return false;
      pop_fblock();
      pop_handler();
      pop_handler();
      emit(OP_POP_EXCEPT);
      emit_load_const(None());
      compile_name(h->name, ExprContext::Store);
      compile_name(h->name, ExprContext::Del);
      emit_jump(OP_JUMP, end);
      bind(cleanup_end);
      emit_load_const(None());
      compile_name(h->name, ExprContext::Store);
      compile_name(h->name, ExprContext::Del);
      emit(OP_RERAISE, 1);
    } else {
      Label cleanup_body = new_label();
      emit(OP_POP_TOP);
      bind(cleanup_body);
      if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, Label{})) return false;
      if (!visit_body(h->body)) return false;
      pop_fblock();
      pop_handler();
      emit(OP_POP_EXCEPT);
      emit_jump(OP_JUMP, end);
    }
    bind(next);
  }
  pop_fblock();
  // No clause matched: the re-raise is located at the last except clause
  // (CPython propagates that line to its location-less RERAISE).
  set_pos(s->handlers[n - 1]->pos);
  emit(OP_RERAISE, 0);
  bind(cleanup);
  compile_pop_except_and_reraise();
  bind(orelse);
  if (!visit_body(s->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::compile_try_star(Try* s) {
  if (!s->finalbody.empty()) {
    Label body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
    push_handler(end, false);
    bind(body);
    if (!push_fblock(FBlockKind::FinallyTry, body, end, s)) return false;
    if (!compile_try_star_except(s)) return false;
    pop_handler();
    pop_fblock();
    if (!visit_body(s->finalbody)) return false;
    emit_jump(OP_JUMP, exit);
    bind(end);
    push_handler(cleanup, true);
    emit(OP_PUSH_EXC_INFO);
    if (!push_fblock(FBlockKind::FinallyEnd, end, Label{})) return false;
    if (!visit_body(s->finalbody)) return false;
    pop_fblock();
    // The re-raise stays inside the cleanup handler, which restores the
    // exception being handled before the exception leaves (as in CPython).
    emit(OP_RERAISE, 0);
    pop_handler();
    bind(cleanup);
    compile_pop_except_and_reraise();
    bind(exit);
    return true;
  }
  return compile_try_star_except(s);
}

// except*: each clause splits the exception group; what no clause matched and
// what the handlers raised are combined by PREP_RERAISE_STAR at the end.
// Stack during the clauses: [prev_exc, orig, raised_list, rest].
bool Compiler::compile_try_star_except(Try* s) {
  Label body = new_label(), except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label(),
        reraise_star = new_label(), reraise = new_label();
  push_handler(except, false);
  bind(body);
  if (!push_fblock(FBlockKind::TryExcept, body, Label{})) return false;
  if (!visit_body(s->body)) return false;
  pop_fblock();
  pop_handler();
  emit_jump(OP_JUMP, orelse);
  int32_t n = s->handlers.size;
  bind(except);
  push_handler(cleanup, true);
  emit(OP_PUSH_EXC_INFO);
  if (!push_fblock(FBlockKind::ExceptionGroupHandler, Label{}, Label{})) return false;
  for (int32_t i = 0; i < n; i++) {
    ExceptHandler* h = s->handlers[i];
    set_pos(h->pos);
    Label next = new_label(), no_match = new_label(), cleanup_end = new_label(), cleanup_body = new_label();
    if (i == 0) {
      emit(OP_COPY, 1);
      emit(OP_BUILD_LIST, 0);
      emit(OP_SWAP, 2);
    }
    if (!h->type) return syntax_error(h->pos, "expected exception type in except* clause");
    if (!visit_expr(h->type)) return false;
    emit(OP_CHECK_EG_MATCH);
    emit(OP_COPY, 1);
    emit_jump(OP_POP_JUMP_IF_NONE, no_match);
    if (h->name) compile_name(h->name, ExprContext::Store);
    else emit(OP_POP_TOP);
    push_handler(cleanup_end, true);
    bind(cleanup_body);
    if (!push_fblock(FBlockKind::HandlerCleanup, cleanup_body, Label{}, nullptr, h->name)) return false;
    if (!visit_body(h->body)) return false;
    pop_fblock();
    pop_handler();
    if (h->name) {
      emit_load_const(None());
      compile_name(h->name, ExprContext::Store);
      compile_name(h->name, ExprContext::Del);
    }
    emit_jump(OP_JUMP, next);
    // A handler raised: [.., raised_list, rest, lasti, raised].
    bind(cleanup_end);
    if (h->name) {
      emit_load_const(None());
      compile_name(h->name, ExprContext::Store);
      compile_name(h->name, ExprContext::Del);
    }
    emit(OP_LIST_APPEND, 3);
    emit(OP_POP_TOP);  // lasti
    emit_jump(OP_JUMP, next);
    bind(no_match);
    emit(OP_POP_TOP);  // the None match
    bind(next);
    if (i == n - 1) {
      emit(OP_LIST_APPEND, 1);  // the unmatched rest
      emit_jump(OP_JUMP, reraise_star);
    }
  }
  pop_fblock();
  bind(reraise_star);
  emit(OP_PREP_RERAISE_STAR);
  emit(OP_COPY, 1);
  emit_jump(OP_POP_JUMP_IF_NOT_NONE, reraise);
  emit(OP_POP_TOP);
  pop_handler();
  emit(OP_POP_EXCEPT);
  emit_jump(OP_JUMP, end);
  bind(reraise);
  pop_handler();
  emit(OP_SWAP, 2);
  emit(OP_POP_EXCEPT);
  emit(OP_RERAISE, 0);
  bind(cleanup);
  compile_pop_except_and_reraise();
  bind(orelse);
  if (!visit_body(s->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::compile_with_except_finish(Label cleanup) {
  Label exit = new_label();
  emit_jump(OP_POP_JUMP_IF_TRUE, exit);
  emit(OP_RERAISE, 2);
  bind(exit);
  emit(OP_POP_TOP);  // exception
  pop_handler();
  emit(OP_POP_EXCEPT);
  emit(OP_POP_TOP);  // lasti
  emit(OP_POP_TOP);  // __exit__
  return true;
}

bool Compiler::compile_with(With* s, int item) {
  Label block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  WithItem* wi = s->items[item];
  if (!visit_expr(wi->context_expr)) return false;
  set_pos(s->pos);
  emit(OP_BEFORE_WITH);
  push_handler(final, true, unit_->depth - 1);
  bind(block);
  if (!push_fblock(FBlockKind::With, block, final, s)) return false;
  if (wi->optional_vars) {
    if (!compile_store(wi->optional_vars)) return false;
  } else {
    emit(OP_POP_TOP);
  }
  if (item + 1 < s->items.size) {
    if (!compile_with(s, item + 1)) return false;
  } else {
    if (!visit_body(s->body)) return false;
  }
  pop_fblock();
  pop_handler();
  set_pos(s->pos);
  compile_call_exit_with_nones();
  emit(OP_POP_TOP);
  emit_jump(OP_JUMP, exit);
  bind(final);
  push_handler(cleanup, true);
  emit(OP_PUSH_EXC_INFO);
  emit(OP_WITH_EXCEPT_START);
  compile_with_except_finish(cleanup);
  emit_jump(OP_JUMP, exit);
  bind(cleanup);
  compile_pop_except_and_reraise();
  bind(exit);
  return true;
}

bool Compiler::compile_async_with(With* s, int item) {
  Unit* u = unit_;
  if (!u->ste->is_coroutine) return syntax_error(s->pos, "'async with' outside async function");
  Label block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  WithItem* wi = s->items[item];
  if (!visit_expr(wi->context_expr)) return false;
  set_pos(s->pos);
  emit(OP_BEFORE_ASYNC_WITH);
  emit(OP_GET_AWAITABLE, 1);
  emit_load_const(None());
  compile_yield_from_loop();
  push_handler(final, true, unit_->depth - 1);
  bind(block);
  if (!push_fblock(FBlockKind::AsyncWith, block, final, s)) return false;
  if (wi->optional_vars) {
    if (!compile_store(wi->optional_vars)) return false;
  } else {
    emit(OP_POP_TOP);
  }
  if (item + 1 < s->items.size) {
    if (!compile_async_with(s, item + 1)) return false;
  } else {
    if (!visit_body(s->body)) return false;
  }
  pop_fblock();
  pop_handler();
  set_pos(s->pos);
  compile_call_exit_with_nones();
  emit(OP_GET_AWAITABLE, 2);
  emit_load_const(None());
  compile_yield_from_loop();
  emit(OP_POP_TOP);
  emit_jump(OP_JUMP, exit);
  bind(final);
  push_handler(cleanup, true);
  emit(OP_PUSH_EXC_INFO);
  emit(OP_WITH_EXCEPT_START);
  emit(OP_GET_AWAITABLE, 2);
  emit_load_const(None());
  compile_yield_from_loop();
  compile_with_except_finish(cleanup);
  emit_jump(OP_JUMP, exit);
  bind(cleanup);
  compile_pop_except_and_reraise();
  bind(exit);
  return true;
}

bool Compiler::compile_raise(Raise* s) {
  uint32_t n = 0;
  if (s->exc) {
    if (!visit_expr(s->exc)) return false;
    n = 1;
    if (s->cause) {
      if (!visit_expr(s->cause)) return false;
      n = 2;
    }
  }
  set_pos(s->pos);
  emit(OP_RAISE_VARARGS, n);
  return true;
}

bool Compiler::compile_assert(Assert* s) {
  bool nonempty_tuple = (s->test->kind == ExprKind::Tuple && static_cast<ast::Tuple*>(s->test)->elts.size > 0) ||
                        (s->test->kind == ExprKind::Constant && is_tuple(static_cast<Constant*>(s->test)->value) &&
                         static_cast<Constant*>(s->test)->value.as<spindle::Tuple>()->size > 0);
  if (nonempty_tuple && !syntax_warning(s->pos, "assertion is always true, perhaps remove parentheses?")) return false;
  if (optimize_ > 0) return true;
  Label end = new_label();
  if (!compile_jump_if(s->test, end, true)) return false;
  set_pos(s->pos);
  emit(OP_LOAD_ASSERTION_ERROR);
  if (s->msg) {
    if (!visit_expr(s->msg)) return false;
    emit(OP_CALL, 0);
  }
  set_pos(s->pos);
  emit(OP_RAISE_VARARGS, 1);
  bind(end);
  return true;
}

bool Compiler::compile_import(Import* s) {
  for (Alias* a : s->names) {
    set_pos(a->pos);
    emit_load_const(Value::from_small_int(0));
    emit_load_const(None());
    emit(OP_IMPORT_NAME, uint32_t(add_name(a->name)));
    if (a->asname) {
      // `import a.b.c as d` binds the submodule: walk the attributes.
      int64_t dot = -1;
      for (int64_t i = 0; i < a->name->length; i++)
        if (a->name->at(i) == '.') { dot = i; break; }
      if (dot >= 0) {
        int64_t pos = dot + 1;
        while (pos <= a->name->length) {
          int64_t next = pos;
          while (next < a->name->length && a->name->at(next) != '.') next++;
          Str* attr = intern(str_substr(a->name, pos, next));
          emit(OP_IMPORT_FROM, uint32_t(add_name(attr)));
          emit(OP_SWAP, 2);
          emit(OP_POP_TOP);
          pos = next + 1;
        }
      }
      compile_name(a->asname, ExprContext::Store);
    } else {
      int64_t dot = -1;
      for (int64_t i = 0; i < a->name->length; i++)
        if (a->name->at(i) == '.') { dot = i; break; }
      Str* bound = dot < 0 ? a->name : intern(str_substr(a->name, 0, dot));
      compile_name(bound, ExprContext::Store);
    }
  }
  return true;
}

bool Compiler::compile_import_from(ImportFrom* s) {
  spindle::Tuple* fromlist = spindle::tuple_new(s->names.size);
  for (int32_t i = 0; i < s->names.size; i++) fromlist->items[i] = Value(s->names[i]->name);
  if (s->module && s->level == 0 && str_equals_ascii(s->module, "__future__")) {
    for (Alias* a : s->names) {
      if (str_equals_ascii(a->name, "annotations")) future_flags_ |= kFutureAnnotations;
      else if (str_equals_ascii(a->name, "braces")) return syntax_error(s->pos, "not a chance");
      else if (!str_equals_ascii(a->name, "nested_scopes") && !str_equals_ascii(a->name, "generators") &&
               !str_equals_ascii(a->name, "division") && !str_equals_ascii(a->name, "absolute_import") &&
               !str_equals_ascii(a->name, "with_statement") && !str_equals_ascii(a->name, "print_function") &&
               !str_equals_ascii(a->name, "unicode_literals") && !str_equals_ascii(a->name, "barry_as_FLUFL") &&
               !str_equals_ascii(a->name, "generator_stop"))
        return syntax_error(s->pos, "future feature %U is not defined", a->name);
    }
  }
  emit_load_const(Value::from_small_int(s->level));
  emit_load_const(Value(fromlist));
  Str* module = s->module ? s->module : str_empty();
  emit(OP_IMPORT_NAME, uint32_t(add_name(module)));
  for (Alias* a : s->names) {
    set_pos(a->pos);
    if (str_equals_ascii(a->name, "*")) {
      emit(OP_IMPORT_STAR);
      return true;
    }
    emit(OP_IMPORT_FROM, uint32_t(add_name(a->name)));
    compile_name(a->asname ? a->asname : a->name, ExprContext::Store);
  }
  emit(OP_POP_TOP);
  return true;
}

bool Compiler::compile_assign(Assign* s) {
  if (!visit_expr(s->value)) return false;
  for (int32_t i = 0; i < s->targets.size; i++) {
    if (i < s->targets.size - 1) emit(OP_COPY, 1);
    if (!compile_store(s->targets[i])) return false;
  }
  return true;
}

bool Compiler::compile_augassign(AugAssign* s) {
  static const BinaryOp kOps[] = {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::MatMul, BinaryOp::TrueDiv,
                                  BinaryOp::Mod, BinaryOp::Pow, BinaryOp::LShift, BinaryOp::RShift, BinaryOp::Or,
                                  BinaryOp::Xor, BinaryOp::And, BinaryOp::FloorDiv};
  uint32_t op = uint32_t(kOps[int(s->op)]) + 16;
  Expr* t = s->target;
  switch (t->kind) {
    case ExprKind::Name:
      compile_name(static_cast<Name*>(t)->id, ExprContext::Load);
      if (!visit_expr(s->value)) return false;
      set_pos(s->pos);
      emit(OP_BINARY_OP, op);
      compile_name(static_cast<Name*>(t)->id, ExprContext::Store);
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      if (!visit_expr(a->value)) return false;
      emit(OP_COPY, 1);
      set_pos(a->pos);
      emit(OP_LOAD_ATTR, uint32_t(add_name(mangled(a->attr))));
      if (!visit_expr(s->value)) return false;
      set_pos(s->pos);
      emit(OP_BINARY_OP, op);
      emit(OP_SWAP, 2);
      emit(OP_STORE_ATTR, uint32_t(add_name(mangled(a->attr))));
      return true;
    }
    case ExprKind::Subscript: {
      auto* sub = static_cast<Subscript*>(t);
      if (!visit_expr(sub->value)) return false;
      if (!visit_expr(sub->slice)) return false;
      emit(OP_COPY, 2);
      emit(OP_COPY, 2);
      set_pos(sub->pos);
      emit(OP_BINARY_SUBSCR);
      if (!visit_expr(s->value)) return false;
      set_pos(s->pos);
      emit(OP_BINARY_OP, op);
      emit(OP_SWAP, 3);
      emit(OP_SWAP, 2);
      emit(OP_STORE_SUBSCR);
      return true;
    }
    default:
      return syntax_error(t->pos, "illegal expression for augmented assignment");
  }
}

bool Compiler::compile_annassign(AnnAssign* s) {
  Unit* u = unit_;
  if (s->value) {
    if (!visit_expr(s->value)) return false;
    if (!compile_store(s->target)) return false;
  }
  switch (s->target->kind) {
    case ExprKind::Name:
      // Module and class bodies record simple annotations in __annotations__.
      if (s->simple && u->ste->kind != BlockKind::Function) {
        if (future_flags_ & kFutureAnnotations) {
          emit_load_const(Value(unparse_expr(s->annotation)));
        } else {
          if (!visit_expr(s->annotation)) return false;
        }
        emit(OP_LOAD_NAME, uint32_t(add_name(names::__annotations__)));
        emit_load_const(Value(mangled(static_cast<Name*>(s->target)->id)));
        emit(OP_STORE_SUBSCR);
      }
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(s->target);
      if (!s->value) {
        if (!visit_expr(a->value)) return false;
        emit(OP_POP_TOP);
      }
      break;
    }
    case ExprKind::Subscript: {
      auto* sub = static_cast<Subscript*>(s->target);
      if (!s->value) {
        if (!visit_expr(sub->value)) return false;
        emit(OP_POP_TOP);
        if (!visit_expr(sub->slice)) return false;
        emit(OP_POP_TOP);
      }
      break;
    }
    default:
      return syntax_error(s->target->pos, "invalid node type for annotated assignment");
  }
  // Annotations of complex targets are evaluated (unless postponed) but not stored.
  if (!(future_flags_ & kFutureAnnotations) && u->ste->kind != BlockKind::Function) {
    if (!visit_expr(s->annotation)) return false;
    emit(OP_POP_TOP);
  }
  return true;
}

bool Compiler::compile_delete(Delete* s) {
  for (Expr* t : s->targets) {
    set_pos(t->pos);
    switch (t->kind) {
      case ExprKind::Name:
        compile_name(static_cast<Name*>(t)->id, ExprContext::Del);
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(t);
        if (!visit_expr(a->value)) return false;
        set_pos(t->pos);
        emit(OP_DELETE_ATTR, uint32_t(add_name(mangled(a->attr))));
        break;
      }
      case ExprKind::Subscript: {
        auto* sub = static_cast<Subscript*>(t);
        if (!visit_expr(sub->value) || !visit_expr(sub->slice)) return false;
        set_pos(t->pos);
        emit(OP_DELETE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        Seq<Expr*> elts = t->kind == ExprKind::Tuple ? static_cast<ast::Tuple*>(t)->elts : static_cast<ast::List*>(t)->elts;
        Delete inner;
        inner.targets = elts;
        if (!compile_delete(&inner)) return false;
        break;
      }
      default:
        return syntax_error(t->pos, "cannot delete expression");
    }
  }
  return true;
}

// ------------------------------------------------------------------ functions and classes

bool Compiler::compile_defaults(Arguments* args, uint32_t* flags) {
  if (!args->defaults.empty()) {
    for (Expr* d : args->defaults)
      if (!visit_expr(d)) return false;
    emit(OP_BUILD_TUPLE, uint32_t(args->defaults.size));
    *flags |= 1;
  }
  int n = 0;
  for (int32_t i = 0; i < args->kwonlyargs.size; i++) {
    if (Expr* d = args->kw_defaults[i]) {
      emit_load_const(Value(mangled(args->kwonlyargs[i]->arg)));
      if (!visit_expr(d)) return false;
      n++;
    }
  }
  if (n) {
    emit(OP_BUILD_MAP, uint32_t(n));
    *flags |= 2;
  }
  return true;
}

bool Compiler::compile_annotation_value(Expr* e) {
  if (future_flags_ & kFutureAnnotations) {
    emit_load_const(Value(unparse_expr(e)));
    return true;
  }
  // `*args: *Ts` (PEP 646) evaluates to the unpacked form.
  if (e->kind == ExprKind::Starred) {
    if (!visit_expr(static_cast<Starred*>(e)->value)) return false;
    emit(OP_UNPACK_SEQUENCE, 1);
    return true;
  }
  return visit_expr(e);
}

bool Compiler::compile_annotations(Arguments* args, Expr* returns, uint32_t* flags) {
  int n = 0;
  auto one = [&](Arg* a) -> bool {
    if (!a || !a->annotation) return true;
    emit_load_const(Value(mangled(a->arg)));
    if (!compile_annotation_value(a->annotation)) return false;
    n++;
    return true;
  };
  for (Arg* a : args->posonlyargs)
    if (!one(a)) return false;
  for (Arg* a : args->args)
    if (!one(a)) return false;
  if (!one(args->vararg)) return false;
  for (Arg* a : args->kwonlyargs)
    if (!one(a)) return false;
  if (!one(args->kwarg)) return false;
  if (returns) {
    emit_load_const(Value(intern_cstr("return")));
    if (!compile_annotation_value(returns)) return false;
    n++;
  }
  if (n) {
    emit(OP_BUILD_TUPLE, uint32_t(2 * n));
    *flags |= 4;
  }
  return true;
}

bool Compiler::make_closure(Code* code, uint32_t flags, Str* qualname) {
  if (code->nfrees) {
    for (int64_t i = 0; i < code->freevars->size; i++) {
      Str* name = code->freevars->items[i].as<Str>();
      int32_t slot = local_slot(name);
      if (slot < 0) return syntax_error(unit_->pos, "internal compiler error: no cell for free variable %U", name);
      emit(OP_LOAD_CLOSURE, uint32_t(slot));
    }
    emit(OP_BUILD_TUPLE, uint32_t(code->nfrees));
    flags |= 8;
  }
  (void)qualname;
  emit_load_const(Value(code));
  emit(OP_MAKE_FUNCTION, flags);
  return true;
}

bool Compiler::compile_function(FunctionDef* f) {
  bool is_async = f->kind == StmtKind::AsyncFunctionDef;
  for (Expr* d : f->decorator_list)
    if (!visit_expr(d)) return false;
  int firstlineno = f->decorator_list.empty() ? f->pos.lineno : f->decorator_list[0]->pos.lineno;
  set_pos(f->pos);
  uint32_t flags = 0;
  if (!compile_defaults(f->args, &flags)) return false;
  if (!compile_annotations(f->args, f->returns, &flags)) return false;
  if (!enter_unit(f->name, f, firstlineno)) return false;
  Unit* u = unit_;
  (void)is_async;
  u->argcount = uint32_t(f->args->posonlyargs.size + f->args->args.size);
  u->posonlyargcount = uint32_t(f->args->posonlyargs.size);
  u->kwonlyargcount = uint32_t(f->args->kwonlyargs.size);
  Str* doc = docstring_of(f->body);
  int32_t start = 0;
  if (doc) start = 1;
  for (int32_t i = start; i < f->body.size; i++)
    if (!visit_stmt(f->body[i])) return false;
  if (u->reachable) {
    // The implicit `return None` carries the line of the last statement.
    if (!f->body.empty()) set_pos(f->body[f->body.size - 1]->pos);
    emit_load_const(None());
    emit(OP_RETURN_VALUE);
  }
  Str* qualname = u->qualname;
  Code* code = leave_unit();
  if (!code) return false;
  code->docstring = (doc && optimize_ < 2) ? Value(doc) : None();
  set_pos(f->pos);
  if (!make_closure(code, flags, qualname)) return false;
  for (int32_t i = 0; i < f->decorator_list.size; i++) emit(OP_CALL, 0);
  compile_name(f->name, ExprContext::Store);
  return true;
}

bool Compiler::compile_lambda(Lambda* l) {
  uint32_t flags = 0;
  if (!compile_defaults(l->args, &flags)) return false;
  if (!enter_unit(intern_cstr("<lambda>"), l, l->pos.lineno)) return false;
  Unit* u = unit_;
  u->argcount = uint32_t(l->args->posonlyargs.size + l->args->args.size);
  u->posonlyargcount = uint32_t(l->args->posonlyargs.size);
  u->kwonlyargcount = uint32_t(l->args->kwonlyargs.size);
  set_pos(l->body->pos);
  if (!visit_expr(l->body)) return false;
  if (u->ste->is_generator) {
    emit(OP_POP_TOP);
    emit_load_const(None());
  }
  emit(OP_RETURN_VALUE);
  Str* qualname = u->qualname;
  Code* code = leave_unit();
  if (!code) return false;
  set_pos(l->pos);
  return make_closure(code, flags, qualname);
}

bool Compiler::compile_class(ClassDef* c) {
  for (Expr* d : c->decorator_list)
    if (!visit_expr(d)) return false;
  int firstlineno = c->decorator_list.empty() ? c->pos.lineno : c->decorator_list[0]->pos.lineno;
  if (!enter_unit(c->name, c, firstlineno)) return false;
  Unit* u = unit_;
  set_pos(c->pos);
  emit(OP_LOAD_NAME, uint32_t(add_name(names::__name__)));
  emit(OP_STORE_NAME, uint32_t(add_name(names::__module__)));
  emit_load_const(Value(u->qualname));
  emit(OP_STORE_NAME, uint32_t(add_name(names::__qualname__)));
  if (!compile_body_with_docstring(c->body, true)) return false;
  set_pos(Pos{c->pos.lineno, -1, c->pos.lineno, -1});
  if (u->ste->needs_class_closure) {
    emit(OP_LOAD_CLOSURE, uint32_t(u->cell_slot[names::__class__]));
    emit(OP_COPY, 1);
    emit(OP_STORE_NAME, uint32_t(add_name(names::__classcell__)));
  } else {
    emit_load_const(None());
  }
  emit(OP_RETURN_VALUE);
  Str* qualname = u->qualname;
  Code* code = leave_unit();
  if (!code) return false;
  set_pos(c->pos);
  emit(OP_PUSH_NULL);
  emit(OP_LOAD_BUILD_CLASS);
  if (!make_closure(code, 0, qualname)) return false;
  emit_load_const(Value(c->name));
  if (!compile_call_helper(2, c->bases, c->keywords)) return false;
  for (int32_t i = 0; i < c->decorator_list.size; i++) emit(OP_CALL, 0);
  compile_name(c->name, ExprContext::Store);
  return true;
}

}  // namespace compiler

Code* compile_ast(ast::Mod* mod, Value filename, parser::Mode mode, uint32_t future_flags, int optimize) {
  compiler::Compiler c(filename, future_flags, optimize, mode);
  return c.compile_module(mod);
}

Code* compile_source(const char* src, size_t len, Value filename, parser::Mode mode, uint32_t flags, int optimize) {
  ast::Mod* mod = parser::parse(src, len, filename, mode, flags);
  if (!mod) return nullptr;
  return compile_ast(mod, filename, mode, flags, optimize);
}

}  // namespace spindle
