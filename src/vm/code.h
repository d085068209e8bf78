// Code objects: the compiler's output. A Code is never written after it is
// built (permanent code objects): the only mutable state tied to it, the inline
// caches, lives in a separate block the Code points to.
#pragma once
#include <atomic>
#include <cstdint>

#include "objects/object.h"

namespace spindle {

struct Str;
struct Tuple;
struct Bytes;

enum CodeFlags : uint32_t {
  kCodeOptimized = 0x1,     // fast locals (function scope)
  kCodeNewLocals = 0x2,
  kCodeVarargs = 0x4,
  kCodeVarkeywords = 0x8,
  kCodeNested = 0x10,
  kCodeGenerator = 0x20,
  kCodeNoFree = 0x40,
  kCodeCoroutine = 0x80,
  kCodeIterableCoroutine = 0x100,
  kCodeAsyncGenerator = 0x200,
};

// __future__ feature flags as compile() takes them (CPython's values).
enum FutureFlags : uint32_t {
  kFutureGeneratorStop = 0x800000,
  kFutureAnnotations = 0x1000000,
  kFutureBarryAsBdfl = 0x400000,
};

// A protected range of the exception table: an exception raised by an
// instruction in [start, end) unwinds the value stack to `depth` (pushing the
// offending instruction's index first when push_lasti) and jumps to handler.
struct ExceptionTableEntry {
  uint32_t start, end, handler;
  uint16_t depth;
  bool push_lasti;
};

// Source position of one instruction (line numbers 1-based, columns are UTF-8
// byte offsets, -1 when unknown), as reported by co_positions().
struct Position {
  int32_t line, end_line;
  int32_t col, end_col;
};

struct Code : Object {
  const uint32_t* instructions;  // opcode | arg << 8
  uint32_t num_instructions;
  uint32_t argcount, posonlyargcount, kwonlyargcount;
  uint32_t flags;
  uint32_t nlocals;          // fast locals (varnames)
  uint32_t ncells, nfrees;   // cellvars, freevars
  uint32_t nlocalsplus;      // nlocals + ncells + nfrees
  uint32_t stacksize;
  int32_t firstlineno;
  Tuple* consts;
  Tuple* names;
  Tuple* varnames;
  Tuple* cellvars;
  Tuple* freevars;
  // For each cell, the index of the argument it is initialised from, or -1.
  const int32_t* cell2arg;
  Str* filename;
  Str* name;
  Str* qualname;
  const Position* positions;  // one per instruction
  const ExceptionTableEntry* exception_table;
  uint32_t exception_table_size;
  // Mutable side data: one cache slot per instruction (see ops.cpp and docs/ARCHITECTURE.md).
  std::atomic<void*>* caches;
  Value docstring;           // first constant when it is the docstring, else None
};

inline bool is_code(Value v) { return is_type(v, &code_type); }

// Line number of the instruction at `index`.
int code_line_for(const Code* code, int index);

}  // namespace spindle
