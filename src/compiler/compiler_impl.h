// Internal to the compiler: the code-unit builder shared by the statement,
// expression and pattern code generators.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/compiler.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "objects/object.h"
#include "vm/code.h"

namespace spindle {
struct List;
struct Dict;
}  // namespace spindle

namespace spindle::compiler {

using namespace ast;

struct Label {
  int32_t id = -1;
  bool valid() const { return id >= 0; }
};

struct LabelInfo {
  int32_t target = -1;  // instruction index once bound
  int32_t depth = -1;   // stack depth on entry, from the first jump or fallthrough
  bool has_handlers = false;
  std::vector<int32_t> handlers;  // active handler stack on entry
};

// An exception handler being set up: instructions emitted while it is the
// innermost active one unwind to `label` with the stack cut to `depth`.
struct HandlerSetup {
  Label label;
  int32_t depth;
  bool push_lasti;
};

// Fixed blocks: the statements a break/continue/return must unwind through.
enum class FBlockKind : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockKind kind;
  Label block;
  Label exit;
  const void* datum = nullptr;  // FinallyTry: the Try node; With: the With node
  Str* name = nullptr;          // HandlerCleanup: the `as` name
};

struct Unit {
  SymbolTableEntry* ste = nullptr;
  Str* name = nullptr;
  Str* qualname = nullptr;
  Str* private_name = nullptr;  // enclosing class name, for mangling
  int32_t firstlineno = 1;
  uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  uint32_t flags = 0;

  std::vector<uint32_t> code;
  std::vector<Position> positions;
  std::vector<int32_t> instr_handler;
  std::vector<HandlerSetup> handlers;
  std::vector<int32_t> active_handlers;
  std::vector<LabelInfo> labels;
  std::vector<FBlock> fblocks;

  spindle::List* consts = nullptr;
  spindle::Dict* const_index = nullptr;
  spindle::List* names = nullptr;
  spindle::Dict* name_index = nullptr;
  // Identifiers are interned (immortal), so malloc-heap containers of Str* are safe.
  std::vector<Str*> varnames, cellvars, freevars;
  std::unordered_map<Str*, int32_t, StrPtrHash> varname_slot, cell_slot, free_slot;

  int32_t depth = 0;
  int32_t maxdepth = 0;
  bool reachable = true;   // false after an unconditional jump until a label is bound
  Pos pos;                 // position recorded for emitted instructions
  bool in_inlined_comp = false;
};

class Compiler {
 public:
  Compiler(Value filename, uint32_t future_flags, int optimize, parser::Mode mode)
      : filename_(filename), future_flags_(future_flags), optimize_(optimize), mode_(mode) {}
  ~Compiler();

  Code* compile_module(Mod* mod);

  // ---- unit management (compiler.cpp) ----
  bool enter_unit(Str* name, const void* node, int lineno);
  Code* leave_unit();
  Code* assemble();
  Unit* u() { return unit_; }

  // ---- emission ----
  void emit(Opcode op, uint32_t arg = 0);
  void emit_jump(Opcode op, Label target);
  Label new_label();
  void bind(Label l);
  int32_t add_const(Value v);
  int32_t add_name(Str* name);
  void emit_load_const(Value v) { emit(OP_LOAD_CONST, uint32_t(add_const(v))); }
  // The frozenset constant for a set display of constants, built and merged
  // as CPython does (null with an error pending if an item is unhashable).
  Value set_display_constant(spindle::Tuple* items);
  void push_handler(Label handler, bool push_lasti, int32_t depth = -1);
  void pop_handler();
  void set_pos(const Pos& p) { unit_->pos = p; }

  // ---- names ----
  Str* mangled(Str* name);
  void compile_name(Str* raw, ExprContext ctx);
  int32_t local_slot(Str* name);  // fast local, cell or free slot index

  // ---- statements (compiler.cpp) ----
  bool visit_stmt(Stmt* s);
  bool visit_body(const Seq<Stmt*>& body);
  bool compile_function(FunctionDef* f);
  bool compile_lambda(Lambda* l);
  bool compile_class(ClassDef* c);
  bool compile_if(If* s);
  bool compile_while(While* s);
  bool compile_for(For* s);
  bool compile_async_for(For* s);
  bool compile_try(Try* s);
  bool compile_try_except(Try* s);
  bool compile_try_finally(Try* s);
  bool compile_try_star(Try* s);
  bool compile_try_star_except(Try* s);
  bool compile_with(With* s, int item);
  bool compile_async_with(With* s, int item);
  bool compile_return(Return* s);
  bool compile_break_continue(Stmt* s, bool is_break);
  bool compile_raise(Raise* s);
  bool compile_assert(Assert* s);
  bool compile_import(Import* s);
  bool compile_import_from(ImportFrom* s);
  bool compile_assign(Assign* s);
  bool compile_augassign(AugAssign* s);
  bool compile_annassign(AnnAssign* s);
  bool compile_delete(Delete* s);
  bool compile_match(Match* s);
  bool compile_body_with_docstring(const Seq<Stmt*>& body, bool is_module_or_class);
  bool push_fblock(FBlockKind kind, Label block, Label exit, const void* datum = nullptr, Str* name = nullptr);
  void pop_fblock();
  bool unwind_fblock(const FBlock& fb, bool preserve_tos);
  // Unwinds up to the innermost loop when `loop` is given (stores it there).
  bool unwind_fblock_stack(bool preserve_tos, FBlock* loop, bool* found_loop);
  bool compile_call_exit_with_nones();
  bool compile_with_except_finish(Label cleanup);
  void compile_pop_except_and_reraise();

  // ---- expressions (compile_expr.cpp) ----
  bool visit_expr(Expr* e);
  bool compile_store(Expr* target);
  bool compile_jump_if(Expr* e, Label target, bool cond);
  bool compile_compare(ast::Compare* c);
  bool compile_boolop(BoolOp* b);
  bool compile_call(ast::Call* c);
  bool compile_call_helper(int n_already_pushed, const Seq<Expr*>& args, const Seq<Keyword*>& keywords);
  bool compile_comprehension(Expr* node, const Seq<Comprehension*>& gens, Expr* elt, Expr* value);
  bool compile_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth, Expr* elt,
                                       Expr* value, ExprKind kind);
  bool compile_sync_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth, Expr* elt,
                                            Expr* value, ExprKind kind);
  bool compile_async_comprehension_generator(const Seq<Comprehension*>& gens, int index, int depth, Expr* elt,
                                             Expr* value, ExprKind kind);
  bool compile_starred_sequence(const Seq<Expr*>& elts, Opcode build, Opcode extend, bool tuple);
  bool compile_unpack(const Seq<Expr*>& elts, const Pos& pos);
  bool compile_dict(ast::Dict* d);
  bool compile_joined_str(JoinedStr* j);
  bool compile_formatted_value(FormattedValue* f);
  bool compile_subscript(Subscript* s);
  bool compile_slice(Slice* s);
  bool compile_yield_from_loop();
  bool compile_defaults(Arguments* args, uint32_t* flags);
  bool compile_annotations(Arguments* args, Expr* returns, uint32_t* flags);
  bool compile_annotation_value(Expr* e);
  bool make_closure(Code* code, uint32_t flags, Str* qualname);
  bool check_forbidden_name(Str* name, ExprContext ctx, const Pos& pos);
  bool is_constant_expr(Expr* e, Value* out);
  Str* qualname_for(Str* name, bool is_function_like);

  // ---- patterns (compile_pattern.cpp) ----
  struct PatternContext;
  bool compile_pattern(Pattern* p, PatternContext* pc);

  // ---- errors ----
  bool syntax_error(const Pos& p, const char* fmt, ...);
  // Issues a SyntaxWarning at p; false with an error pending when the warning
  // filters turn it into an error (reported as a SyntaxError, as CPython does).
  bool syntax_warning(const Pos& p, const char* fmt, ...);
  // CPython's "perhaps you missed a comma?" and "is with a literal" checks.
  bool check_is_comparison(ast::Compare* c);
  bool check_caller(ast::Call* c);
  bool check_subscript(ast::Subscript* s);

  Value filename_;
  uint32_t future_flags_;
  int optimize_;
  parser::Mode mode_;
  SymbolTable* st_ = nullptr;
  Unit* unit_ = nullptr;
  std::vector<Unit*> stack_;
  bool interactive_ = false;
  // Frozenset constants of this compilation, by content (see set_display_constant).
  spindle::Dict* frozenset_consts_ = nullptr;
};

// The net stack effect of an instruction (taking the jump when `jump`).
int stack_effect(Opcode op, uint32_t arg, bool jump);

}  // namespace spindle::compiler
