// Scope analysis: decides for every name in every scope whether it is a fast
// local, a cell, a free variable, an explicit or implicit global, or a name
// looked up dynamically (module and class bodies).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "parser/ast.h"

namespace spindle {

struct Str;

namespace compiler {

enum SymbolFlags : uint32_t {
  kDefGlobal = 1,       // `global x`
  kDefLocal = 2,        // bound in this scope
  kDefParam = 4,
  kDefNonlocal = 8,
  kUse = 16,
  kDefFree = 32,        // a free name used in a nested scope
  kDefFreeClass = 64,   // free from a method, but bound in the class body
  kDefImport = 128,
  kDefAnnot = 256,
  kDefCompIter = 512,   // comprehension iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

enum class Scope : uint8_t { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum class BlockKind : uint8_t { Module, Class, Function };

struct Symbol {
  uint32_t flags = 0;
  Scope scope = Scope::Unknown;
};

// Hashing Str* by identity is sound: every identifier in the AST is interned.
struct StrPtrHash {
  size_t operator()(const Str* s) const { return std::hash<const void*>()(s); }
};

struct SymbolTableEntry {
  BlockKind kind;
  Str* name;
  const void* node;  // the AST node that opened the scope
  int32_t lineno = 0;
  SymbolTableEntry* parent = nullptr;
  // Symbols in first-seen order (order matters for co_varnames/co_cellvars).
  std::unordered_map<Str*, Symbol, StrPtrHash> symbols;
  std::vector<Str*> order;
  std::vector<Str*> params;  // parameter names in order (for varnames)
  std::vector<SymbolTableEntry*> children;
  bool is_nested = false;
  bool is_generator = false;
  bool is_coroutine = false;
  bool is_comprehension = false;
  bool is_lambda = false;
  bool has_varargs = false, has_varkeywords = false;
  bool has_free = false;
  bool child_free = false;
  bool needs_class_closure = false;  // class body: a method uses __class__ / super()
  bool returns_value = false;
  bool has_star_import = false;
  int comp_iter_expr = 0;   // >0 while visiting a comprehension's iterable
  bool comp_inlined = false;

  Symbol* lookup(Str* n) {
    auto it = symbols.find(n);
    return it == symbols.end() ? nullptr : &it->second;
  }
  Scope scope_of(Str* n) {
    Symbol* s = lookup(n);
    return s ? s->scope : Scope::Unknown;
  }
};

struct SymbolTable {
  SymbolTableEntry* top = nullptr;
  std::unordered_map<const void*, SymbolTableEntry*> by_node;
  SymbolTableEntry* entry_for(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
  }
};

// Builds and analyses the table. Returns nullptr with SyntaxError pending.
// Entries are owned by the returned table (freed with it).
SymbolTable* build_symtable(ast::Mod* mod, Value filename, uint32_t future_flags);
void free_symtable(SymbolTable* st);

// Name mangling of private names (__x inside class C becomes _C__x).
Str* mangle(Str* class_name, Str* name);

}  // namespace compiler
}  // namespace spindle
