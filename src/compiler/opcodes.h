// The instruction set. An instruction is one 32-bit word: the opcode in the low
// 8 bits, its argument in the high 24. Jump arguments are absolute instruction
// indices. The stack conventions follow CPython 3.11's where they exist; the
// notes below say where Spindle differs. X-macro list: OP(name, has_cache).
#pragma once
#include <cstdint>

namespace spindle {

#define SPINDLE_OPCODES(OP)                                                         \
  OP(NOP, 0)                                                                        \
  OP(POP_TOP, 0)                                                                    \
  OP(PUSH_NULL, 0)                                                                  \
  OP(COPY, 0)            /* push stack[-arg] */                                     \
  OP(SWAP, 0)            /* swap TOS and stack[-arg] */                             \
  OP(LOAD_CONST, 0)                                                                 \
  OP(LOAD_FAST, 0)                                                                  \
  OP(LOAD_FAST_LOAD_FAST, 0)  /* arg = a | b << 12: push local a, then local b */   \
  OP(STORE_FAST, 0)                                                                 \
  OP(DELETE_FAST, 0)                                                                \
  OP(MAKE_CELL, 0)                                                                  \
  OP(LOAD_CLOSURE, 0)    /* push the cell in slot arg */                            \
  OP(LOAD_DEREF, 0)                                                                 \
  OP(LOAD_CLASSDEREF, 0) /* class body: locals mapping first, then the cell */      \
  OP(STORE_DEREF, 0)                                                                \
  OP(DELETE_DEREF, 0)                                                               \
  OP(LOAD_NAME, 0)                                                                  \
  OP(STORE_NAME, 0)                                                                 \
  OP(DELETE_NAME, 0)                                                                \
  OP(LOAD_GLOBAL, 1)     /* arg = name << 1 | push_null_first */                    \
  OP(STORE_GLOBAL, 0)                                                               \
  OP(DELETE_GLOBAL, 0)                                                              \
  OP(LOAD_ATTR, 1)                                                                  \
  OP(LOAD_METHOD, 1)     /* obj -> (meth, obj) or (NULL, attr) */                   \
  OP(STORE_ATTR, 1)      /* TOS obj, TOS1 value */                                  \
  OP(DELETE_ATTR, 0)                                                                \
  OP(KW_NAMES, 0)        /* consts[arg] names the keyword args of the next CALL */  \
  OP(CALL, 1)            /* [NULL|meth, callable|self, args...] */                  \
  OP(CALL_FUNCTION_EX, 0) /* [NULL, callable, tuple, (dict if arg & 1)] */          \
  OP(BINARY_OP, 0)       /* arg: BinaryOp, +16 for the in-place form */             \
  OP(COMPARE_OP, 0)      /* arg: CompareOp */                                       \
  OP(IS_OP, 0)                                                                      \
  OP(CONTAINS_OP, 0)                                                                \
  OP(UNARY_NEGATIVE, 0)                                                             \
  OP(UNARY_POSITIVE, 0)                                                             \
  OP(UNARY_NOT, 0)                                                                  \
  OP(UNARY_INVERT, 0)                                                               \
  OP(BINARY_SUBSCR, 0)                                                              \
  OP(STORE_SUBSCR, 0)    /* TOS key, TOS1 container, TOS2 value */                  \
  OP(DELETE_SUBSCR, 0)                                                              \
  OP(BUILD_TUPLE, 0)                                                                \
  OP(BUILD_LIST, 0)                                                                 \
  OP(BUILD_SET, 0)                                                                  \
  OP(BUILD_MAP, 0)                                                                  \
  OP(BUILD_CONST_KEY_MAP, 0)                                                        \
  OP(BUILD_STRING, 0)                                                               \
  OP(BUILD_SLICE, 0)                                                                \
  OP(LIST_APPEND, 0)                                                                \
  OP(SET_ADD, 0)                                                                    \
  OP(MAP_ADD, 0)                                                                    \
  OP(LIST_EXTEND, 0)                                                                \
  OP(SET_UPDATE, 0)                                                                 \
  OP(DICT_UPDATE, 0)                                                                \
  OP(DICT_MERGE, 0)                                                                 \
  OP(LIST_TO_TUPLE, 0)                                                              \
  OP(UNPACK_SEQUENCE, 0)                                                            \
  OP(UNPACK_EX, 0)       /* arg = before | after << 8 */                            \
  OP(JUMP, 0)                                                                       \
  OP(JUMP_BACKWARD, 0)   /* a loop edge: checks for pending events */               \
  OP(POP_JUMP_IF_FALSE, 0)                                                          \
  OP(POP_JUMP_IF_TRUE, 0)                                                           \
  OP(POP_JUMP_IF_NONE, 0)                                                           \
  OP(POP_JUMP_IF_NOT_NONE, 0)                                                       \
  OP(JUMP_IF_FALSE_OR_POP, 0)                                                       \
  OP(JUMP_IF_TRUE_OR_POP, 0)                                                        \
  OP(GET_ITER, 0)                                                                   \
  OP(FOR_ITER, 0)        /* exhausted: pop the iterator, jump to arg */             \
  OP(RETURN_VALUE, 0)                                                               \
  OP(RAISE_VARARGS, 0)                                                              \
  OP(RERAISE, 0)                                                                    \
  OP(PUSH_EXC_INFO, 0)                                                              \
  OP(POP_EXCEPT, 0)                                                                 \
  OP(CHECK_EXC_MATCH, 0)                                                            \
  OP(CHECK_EG_MATCH, 0)                                                             \
  OP(PREP_RERAISE_STAR, 0)                                                          \
  OP(BEFORE_WITH, 0)                                                                \
  OP(BEFORE_ASYNC_WITH, 0)                                                          \
  OP(WITH_EXCEPT_START, 0)                                                          \
  OP(LOAD_ASSERTION_ERROR, 0)                                                       \
  OP(LOAD_BUILD_CLASS, 0)                                                           \
  OP(MAKE_FUNCTION, 0)   /* arg flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure */ \
  OP(IMPORT_NAME, 0)                                                                \
  OP(IMPORT_FROM, 0)                                                                \
  OP(IMPORT_STAR, 0)                                                                \
  OP(SETUP_ANNOTATIONS, 0)                                                          \
  OP(FORMAT_VALUE, 0)    /* arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if spec */ \
  OP(PRINT_EXPR, 0)                                                                 \
  OP(YIELD_VALUE, 0)     /* arg: 0, or 1 + the exit of the enclosing SEND loop */   \
  OP(SEND, 0)            /* [subiter, v]: yields -> [subiter, r]; returns -> [r], jump arg */ \
  OP(GET_YIELD_FROM_ITER, 0)                                                        \
  OP(GET_AWAITABLE, 0)   /* arg: 0 await, 1 after __aenter__, 2 after __aexit__ */  \
  OP(GET_AITER, 0)                                                                  \
  OP(GET_ANEXT, 0)                                                                  \
  OP(END_ASYNC_FOR, 0)                                                              \
  OP(ASYNC_GEN_WRAP, 0)                                                             \
  OP(GET_LEN, 0)                                                                    \
  OP(MATCH_MAPPING, 0)                                                              \
  OP(MATCH_SEQUENCE, 0)                                                             \
  OP(MATCH_KEYS, 0)                                                                 \
  OP(MATCH_CLASS, 0)                                                                \
  OP(LOAD_LOCALS, 0)

enum Opcode : uint8_t {
#define SPINDLE_OPCODE_ENUM(name, cache) OP_##name,
  SPINDLE_OPCODES(SPINDLE_OPCODE_ENUM)
#undef SPINDLE_OPCODE_ENUM
  kNumOpcodes
};

// The version of the bytecode as the code cache (vm/code_cache.cpp) stores
// it. Bump it with any change to what compiled code means: an opcode added,
// removed or renumbered, an argument encoding, a stack convention, the Code
// layout. (Cache files also record the binary's build id, so a stale entry is
// never run even when a bump is forgotten; the version keeps files of
// different formats apart.) The assertion is a reminder: update both together.
constexpr uint32_t kBytecodeFormatVersion = 1;
static_assert(kNumOpcodes == 101 && kBytecodeFormatVersion == 1,
              "the opcode list changed: bump kBytecodeFormatVersion and update this assertion");

constexpr uint32_t make_instr(Opcode op, uint32_t arg) { return uint32_t(op) | (arg << 8); }
constexpr Opcode instr_op(uint32_t w) { return Opcode(w & 0xFF); }
constexpr uint32_t instr_arg(uint32_t w) { return w >> 8; }
constexpr uint32_t kMaxArg = (1u << 24) - 1;

const char* opcode_name(Opcode op);

}  // namespace spindle
