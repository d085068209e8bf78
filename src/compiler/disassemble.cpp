// Bytecode listings for debugging the compiler and interpreter.
#include <cstdio>
#include <string>

#include "compiler/compiler.h"
#include "compiler/opcodes.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"

namespace spindle {

std::string disassemble(Code* code) {
  std::string out = "code " + str_to_utf8(code->qualname) + " (args=" + std::to_string(code->argcount) +
                    " locals=" + std::to_string(code->nlocals) + " stack=" + std::to_string(code->stacksize) + ")\n";
  char buf[256];
  for (uint32_t i = 0; i < code->num_instructions; i++) {
    uint32_t w = code->instructions[i];
    Opcode op = instr_op(w);
    uint32_t arg = instr_arg(w);
    std::snprintf(buf, sizeof buf, "%5d %4u  %-24s %u", code->positions[i].line, i, opcode_name(op), arg);
    out += buf;
    if (op == OP_LOAD_CONST && arg < code->consts->size) {
      Value r = repr(code->consts->items[arg]);
      out += "  (" + (r ? str_to_utf8(r.as<Str>()) : std::string("?")) + ")";
    } else if ((op == OP_LOAD_NAME || op == OP_STORE_NAME || op == OP_LOAD_ATTR || op == OP_STORE_ATTR ||
                op == OP_LOAD_METHOD || op == OP_IMPORT_NAME || op == OP_IMPORT_FROM || op == OP_STORE_GLOBAL) &&
               arg < code->names->size) {
      out += "  (" + str_to_utf8(code->names->items[arg].as<Str>()) + ")";
    } else if (op == OP_LOAD_GLOBAL && (arg >> 1) < code->names->size) {
      out += "  (" + str_to_utf8(code->names->items[arg >> 1].as<Str>()) + ")";
    } else if ((op == OP_LOAD_FAST || op == OP_STORE_FAST) && arg < code->nlocals) {
      out += "  (" + str_to_utf8(code->varnames->items[arg].as<Str>()) + ")";
    }
    out += "\n";
  }
  for (uint32_t i = 0; i < code->exception_table_size; i++) {
    const ExceptionTableEntry& e = code->exception_table[i];
    std::snprintf(buf, sizeof buf, "  handler [%u, %u) -> %u depth %u%s\n", e.start, e.end, e.handler, e.depth,
                  e.push_lasti ? " lasti" : "");
    out += buf;
  }
  for (int64_t i = 0; i < code->consts->size; i++)
    if (is_code(code->consts->items[i])) out += "\n" + disassemble(code->consts->items[i].as<Code>());
  return out;
}

}  // namespace spindle
