// Frames: the activation records of Python code. Function frames live on the
// thread's contiguous frame stack (a call allocates nothing on the heap);
// generator and coroutine frames are embedded in their heap objects.
#pragma once
#include "objects/object.h"
#include "vm/code.h"

namespace spindle {

struct Function;
struct Dict;

enum FrameFlags : uint8_t {
  kFrameEntry = 1,      // returning from it returns to native code (the evaluator's caller)
  kFrameOwnedByGenerator = 2,
};

struct Frame {
  Code* code;
  Function* func;        // null for module, class body and exec frames
  Dict* globals;
  Dict* builtins;
  Value locals;          // mapping for LOAD_NAME/STORE_NAME frames, else null
  Frame* prev;
  const uint32_t* ip;    // next instruction to run
  // Top of the value stack while the frame is suspended (at a call, in a
  // generator, or unwinding); the collector scans exactly [localsplus, sp).
  Value* sp;
  Value frame_object;    // the Python frame object, created on demand
  Object* generator;     // owning generator/coroutine, or null
  uint8_t flags;
  Value localsplus[];    // NOLINT: nlocalsplus slots, then the value stack

  Value* stack_base() { return localsplus + code->nlocalsplus; }
  int instruction_index() const { return int(ip - code->instructions) - 1; }
};

inline size_t frame_size_words(const Code* c) {
  return sizeof(Frame) / sizeof(Value) + c->nlocalsplus + c->stacksize;
}

}  // namespace spindle
