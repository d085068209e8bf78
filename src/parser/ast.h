// The abstract syntax tree, node for node the one of Python 3.11's `ast` module
// (Parser/Python.asdl), so that `ast.parse` can hand out the same tree and a dump
// of it can be compared with CPython's `ast.dump(..., include_attributes=True)`.
//
// Nodes live in collected memory (they hold Values: identifiers are interned Str*,
// constants are Values) and die with the last reference after compilation.
// Positions follow CPython: lineno/end_lineno are 1-based, col_offset and
// end_col_offset are UTF-8 byte offsets into the line.
#pragma once
#include <cstdint>

#include "gc/gc.h"
#include "objects/value.h"

namespace spindle {
struct Str;
}

namespace spindle::ast {

template <class T>
struct Seq {
  T* items = nullptr;
  int32_t size = 0;
  T& operator[](int32_t i) const { return items[i]; }
  T* begin() const { return items; }
  T* end() const { return items + size; }
  bool empty() const { return size == 0; }
};

// Builds a Seq in collected memory; grows by doubling.
template <class T>
struct SeqBuilder {
  T* items = nullptr;
  int32_t size = 0, cap = 0;
  void push(T v) {
    if (size == cap) {
      int32_t ncap = cap ? cap * 2 : 4;
      T* n = gc::make_array<T>(ncap);
      for (int32_t i = 0; i < size; i++) n[i] = items[i];
      items = n;
      cap = ncap;
    }
    items[size++] = v;
  }
  Seq<T> done() const { return Seq<T>{items, size}; }
};

struct Pos {
  int32_t lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class Operator : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------- expressions
enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

struct Expr {
  ExprKind kind;
  Pos pos;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr { BoolOpKind op; Seq<Expr*> values; BoolOp() : Expr(ExprKind::BoolOp) {} };
struct NamedExpr : Expr { Expr* target; Expr* value; NamedExpr() : Expr(ExprKind::NamedExpr) {} };
struct BinOp : Expr { Expr* left; Operator op; Expr* right; BinOp() : Expr(ExprKind::BinOp) {} };
struct UnaryOp : Expr { UnaryOpKind op; Expr* operand; UnaryOp() : Expr(ExprKind::UnaryOp) {} };
struct Lambda : Expr { Arguments* args; Expr* body; Lambda() : Expr(ExprKind::Lambda) {} };
struct IfExp : Expr { Expr* test; Expr* body; Expr* orelse; IfExp() : Expr(ExprKind::IfExp) {} };
// keys[i] is nullptr for a `**mapping` entry (values[i] is the mapping).
struct Dict : Expr { Seq<Expr*> keys; Seq<Expr*> values; Dict() : Expr(ExprKind::Dict) {} };
struct Set : Expr { Seq<Expr*> elts; Set() : Expr(ExprKind::Set) {} };
struct ListComp : Expr { Expr* elt; Seq<Comprehension*> generators; ListComp() : Expr(ExprKind::ListComp) {} };
struct SetComp : Expr { Expr* elt; Seq<Comprehension*> generators; SetComp() : Expr(ExprKind::SetComp) {} };
struct DictComp : Expr { Expr* key; Expr* value; Seq<Comprehension*> generators; DictComp() : Expr(ExprKind::DictComp) {} };
struct GeneratorExp : Expr { Expr* elt; Seq<Comprehension*> generators; GeneratorExp() : Expr(ExprKind::GeneratorExp) {} };
struct Await : Expr { Expr* value; Await() : Expr(ExprKind::Await) {} };
struct Yield : Expr { Expr* value = nullptr; Yield() : Expr(ExprKind::Yield) {} };
struct YieldFrom : Expr { Expr* value; YieldFrom() : Expr(ExprKind::YieldFrom) {} };
struct Compare : Expr { Expr* left; Seq<CmpOp> ops; Seq<Expr*> comparators; Compare() : Expr(ExprKind::Compare) {} };
struct Call : Expr { Expr* func; Seq<Expr*> args; Seq<Keyword*> keywords; Call() : Expr(ExprKind::Call) {} };
// conversion: -1 none, or 's', 'r', 'a'.
struct FormattedValue : Expr { Expr* value; int32_t conversion = -1; Expr* format_spec = nullptr; FormattedValue() : Expr(ExprKind::FormattedValue) {} };
struct JoinedStr : Expr { Seq<Expr*> values; JoinedStr() : Expr(ExprKind::JoinedStr) {} };
// value: int, float, complex, str, bytes, bool, None or Ellipsis.
// kind is "u" for u"..." strings, else nullptr.
struct Constant : Expr { Value value; Str* kind = nullptr; Constant() : Expr(ExprKind::Constant) {} };
struct Attribute : Expr { Expr* value; Str* attr; ExprContext ctx = ExprContext::Load; Attribute() : Expr(ExprKind::Attribute) {} };
struct Subscript : Expr { Expr* value; Expr* slice; ExprContext ctx = ExprContext::Load; Subscript() : Expr(ExprKind::Subscript) {} };
struct Starred : Expr { Expr* value; ExprContext ctx = ExprContext::Load; Starred() : Expr(ExprKind::Starred) {} };
struct Name : Expr { Str* id; ExprContext ctx = ExprContext::Load; Name() : Expr(ExprKind::Name) {} };
struct List : Expr { Seq<Expr*> elts; ExprContext ctx = ExprContext::Load; List() : Expr(ExprKind::List) {} };
struct Tuple : Expr { Seq<Expr*> elts; ExprContext ctx = ExprContext::Load; Tuple() : Expr(ExprKind::Tuple) {} };
struct Slice : Expr { Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; Slice() : Expr(ExprKind::Slice) {} };

// ---------------------------------------------------------------- helpers
struct Comprehension {
  Expr* target;
  Expr* iter;
  Seq<Expr*> ifs;
  bool is_async = false;
};

struct Arg {
  Str* arg;
  Expr* annotation = nullptr;
  Str* type_comment = nullptr;
  Pos pos;
};

struct Arguments {
  Seq<Arg*> posonlyargs;
  Seq<Arg*> args;
  Arg* vararg = nullptr;
  Seq<Arg*> kwonlyargs;
  Seq<Expr*> kw_defaults;  // parallel to kwonlyargs; nullptr where no default
  Arg* kwarg = nullptr;
  Seq<Expr*> defaults;     // for the last len(defaults) of posonlyargs + args
};

struct Keyword {
  Str* arg = nullptr;  // nullptr for **kwargs
  Expr* value;
  Pos pos;
};

struct Alias {
  Str* name;  // may be dotted ("os.path") or "*"
  Str* asname = nullptr;
  Pos pos;
};

struct WithItem {
  Expr* context_expr;
  Expr* optional_vars = nullptr;
};

struct Stmt;

struct ExceptHandler {
  Expr* type = nullptr;
  Str* name = nullptr;
  Seq<Stmt*> body;
  Pos pos;
};

// ---------------------------------------------------------------- patterns
enum class PatternKind : uint8_t { MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr };

struct Pattern {
  PatternKind kind;
  Pos pos;
  explicit Pattern(PatternKind k) : kind(k) {}
};
struct MatchValue : Pattern { Expr* value; MatchValue() : Pattern(PatternKind::MatchValue) {} };
struct MatchSingleton : Pattern { Value value; MatchSingleton() : Pattern(PatternKind::MatchSingleton) {} };
struct MatchSequence : Pattern { Seq<Pattern*> patterns; MatchSequence() : Pattern(PatternKind::MatchSequence) {} };
struct MatchMapping : Pattern { Seq<Expr*> keys; Seq<Pattern*> patterns; Str* rest = nullptr; MatchMapping() : Pattern(PatternKind::MatchMapping) {} };
struct MatchClass : Pattern {
  Expr* cls;
  Seq<Pattern*> patterns;
  Seq<Str*> kwd_attrs;
  Seq<Pattern*> kwd_patterns;
  MatchClass() : Pattern(PatternKind::MatchClass) {}
};
struct MatchStar : Pattern { Str* name = nullptr; MatchStar() : Pattern(PatternKind::MatchStar) {} };
struct MatchAs : Pattern { Pattern* pattern = nullptr; Str* name = nullptr; MatchAs() : Pattern(PatternKind::MatchAs) {} };
struct MatchOr : Pattern { Seq<Pattern*> patterns; MatchOr() : Pattern(PatternKind::MatchOr) {} };

struct MatchCase {
  Pattern* pattern;
  Expr* guard = nullptr;
  Seq<Stmt*> body;
};

// ---------------------------------------------------------------- statements
enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
  Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct Stmt {
  StmtKind kind;
  Pos pos;
  explicit Stmt(StmtKind k) : kind(k) {}
};

// Used for both FunctionDef and AsyncFunctionDef (kind tells which).
struct FunctionDef : Stmt {
  Str* name;
  Arguments* args;
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;
  Expr* returns = nullptr;
  Str* type_comment = nullptr;
  explicit FunctionDef(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
};
struct ClassDef : Stmt {
  Str* name;
  Seq<Expr*> bases;
  Seq<Keyword*> keywords;
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;
  ClassDef() : Stmt(StmtKind::ClassDef) {}
};
struct Return : Stmt { Expr* value = nullptr; Return() : Stmt(StmtKind::Return) {} };
struct Delete : Stmt { Seq<Expr*> targets; Delete() : Stmt(StmtKind::Delete) {} };
struct Assign : Stmt { Seq<Expr*> targets; Expr* value; Str* type_comment = nullptr; Assign() : Stmt(StmtKind::Assign) {} };
struct AugAssign : Stmt { Expr* target; Operator op; Expr* value; AugAssign() : Stmt(StmtKind::AugAssign) {} };
struct AnnAssign : Stmt { Expr* target; Expr* annotation; Expr* value = nullptr; bool simple = false; AnnAssign() : Stmt(StmtKind::AnnAssign) {} };
// Used for both For and AsyncFor.
struct For : Stmt {
  Expr* target;
  Expr* iter;
  Seq<Stmt*> body;
  Seq<Stmt*> orelse;
  Str* type_comment = nullptr;
  explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
};
struct While : Stmt { Expr* test; Seq<Stmt*> body; Seq<Stmt*> orelse; While() : Stmt(StmtKind::While) {} };
struct If : Stmt { Expr* test; Seq<Stmt*> body; Seq<Stmt*> orelse; If() : Stmt(StmtKind::If) {} };
// Used for both With and AsyncWith.
struct With : Stmt {
  Seq<WithItem*> items;
  Seq<Stmt*> body;
  Str* type_comment = nullptr;
  explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
};
struct Match : Stmt { Expr* subject; Seq<MatchCase*> cases; Match() : Stmt(StmtKind::Match) {} };
struct Raise : Stmt { Expr* exc = nullptr; Expr* cause = nullptr; Raise() : Stmt(StmtKind::Raise) {} };
// Used for both Try and TryStar.
struct Try : Stmt {
  Seq<Stmt*> body;
  Seq<ExceptHandler*> handlers;
  Seq<Stmt*> orelse;
  Seq<Stmt*> finalbody;
  explicit Try(bool star = false) : Stmt(star ? StmtKind::TryStar : StmtKind::Try) {}
};
struct Assert : Stmt { Expr* test; Expr* msg = nullptr; Assert() : Stmt(StmtKind::Assert) {} };
struct Import : Stmt { Seq<Alias*> names; Import() : Stmt(StmtKind::Import) {} };
struct ImportFrom : Stmt { Str* module = nullptr; Seq<Alias*> names; int32_t level = 0; ImportFrom() : Stmt(StmtKind::ImportFrom) {} };
struct Global : Stmt { Seq<Str*> names; Global() : Stmt(StmtKind::Global) {} };
struct Nonlocal : Stmt { Seq<Str*> names; Nonlocal() : Stmt(StmtKind::Nonlocal) {} };
struct ExprStmt : Stmt { Expr* value; ExprStmt() : Stmt(StmtKind::Expr) {} };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

// ---------------------------------------------------------------- modules
enum class ModKind : uint8_t { Module, Interactive, Expression, FunctionType };

struct TypeIgnore {
  int32_t lineno;
  Str* tag;
};

struct Mod {
  ModKind kind;
  Seq<Stmt*> body;            // Module, Interactive
  Seq<TypeIgnore*> type_ignores;  // Module
  Expr* expr = nullptr;       // Expression body; FunctionType returns
  Seq<Expr*> argtypes;        // FunctionType
};

template <class T, class... Args>
T* make(Args&&... args) {
  return gc::make<T>(static_cast<Args&&>(args)...);
}

}  // namespace spindle::ast
