// Conversion between the parser's AST and Python `ast` node objects (the
// _ast module): compile(..., PyCF_ONLY_AST) and compile() of an AST object.
#pragma once
#include "objects/object.h"
#include "parser/ast.h"
#include "parser/parser.h"

namespace spindle {

bool is_ast_object(Value v);
// Raises TypeError/ValueError on malformed trees.
ast::Mod* ast_from_object(Value v, parser::Mode mode);
Value ast_to_object(ast::Mod* mod);

}  // namespace spindle
