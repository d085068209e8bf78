// Source text to AST: the tokenizer and a recursive-descent parser for the full
// Python 3.11 grammar.
#pragma once
#include <cstddef>
#include <string>

#include "parser/ast.h"

namespace spindle::parser {

enum class Mode { Exec, Eval, Single, FuncType };

enum ParseFlags : unsigned {
  kSourceIsUtf8 = 1u << 0,   // text already decoded (compile() of a str): ignore coding cookies
  kTypeComments = 1u << 1,   // ast.parse(type_comments=True)
  kAllowIncomplete = 1u << 2,  // interactive: report incomplete input distinctly
};

// Parses `len` bytes of source. Returns nullptr with SyntaxError (or
// IndentationError / TabError) pending on error; the error carries filename,
// line, offset, source line and end position like CPython's. `filename` is used
// for error messages only.
ast::Mod* parse(const char* src, size_t len, Value filename, Mode mode, unsigned flags = 0);

// For the REPL: true if the parse failed only because the input ended early
// (an open bracket, a compound statement awaiting its body, ...).
bool last_error_was_incomplete();

// Text of ast.dump(tree, include_attributes=True) as CPython 3.11 prints it
// (used by the parser's differential tests).
std::string dump(const ast::Mod* mod, bool include_attributes);

}  // namespace spindle::parser
