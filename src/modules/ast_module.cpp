// Conversion between the parser's AST and `ast` node objects.
// Partial: the _ast node classes do not exist yet (standard library issue), so
// no object is an AST object and the conversions report that clearly.
#include "modules/ast_module.h"

#include "objects/exception.h"

namespace spindle {

bool is_ast_object(Value) { return false; }

ast::Mod* ast_from_object(Value, parser::Mode) {
  raise(&exc::NotImplementedError, "compiling ast objects is not supported yet");
  return nullptr;
}

Value ast_to_object(ast::Mod*) { return raise(&exc::NotImplementedError, "ast.parse() is not supported yet"); }

}  // namespace spindle
