// AST to bytecode.
#pragma once
#include "parser/ast.h"
#include <string>

#include "parser/parser.h"

namespace spindle {

struct Code;

// Compiles a module, expression or interactive statement. Returns null with
// SyntaxError pending on errors the parser does not catch (scope errors,
// 'return' outside function, ...). future_flags: compile()'s flags argument
// (CO_FUTURE_* bits); __future__ imports in the source add to them.
Code* compile_ast(ast::Mod* mod, Value filename, parser::Mode mode, uint32_t future_flags, int optimize);

// Parse + compile a source buffer.
Code* compile_source(const char* src, size_t len, Value filename, parser::Mode mode, uint32_t flags = 0,
                     int optimize = 0);

// The source text of an expression as `from __future__ import annotations`
// stores it (the same text as ast.unparse).
Str* unparse_expr(ast::Expr* e);

}  // namespace spindle

namespace spindle {
// A human-readable listing of a code object and its nested code objects
// (spindle -X dis prints the main module's).
std::string disassemble(Code* code);
}  // namespace spindle
