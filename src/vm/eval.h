// Internal to the VM (interp.cpp, generator.cpp, frame_object.cpp, call.cpp).
#pragma once
#include "objects/object.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace spindle {

struct Function;
struct Generator;

// Runs frame `f`, already linked as ts->frame, until it returns, yields or
// raises. Returns the value (null when it raised). With throw_pending, the
// pending exception is raised at the frame's current instruction first.
Value run_frame(ThreadState* t, Frame* f, bool throw_pending);

// Initialises the fixed part of a frame and clears its locals.
void init_frame(Frame* f, Code* code, Function* func, Dict* globals, Dict* builtins, Value locals);
// Binds call arguments into the frame's locals (parameters, *args, **kwargs,
// defaults, closure cells). Returns false with TypeError pending.
bool bind_arguments(Function* func, Frame* f, const Value* args, size_t nargs, Tuple* kwnames);

// Frames on the thread's frame stack.
Frame* push_frame(ThreadState* t, Code* code);
inline void pop_frame(ThreadState* t, Frame* f) { t->stack_top = reinterpret_cast<Value*>(f); }

// Generators, coroutines and async generators (generator.cpp).
bool is_generator_code(const Code* c);
Value generator_new(Function* func, const Value* args, size_t nargs, Tuple* kwnames);
// Called by the interpreter when a generator's frame yields or finishes.
void generator_frame_yielded(Frame* f);
void generator_frame_finished(Frame* f);
// Resumes a generator/coroutine with a sent value (SEND, FOR_ITER, await):
// returns the next yielded value, or null. When the generator returned, *done
// is set and the return value is returned (not raised as StopIteration).
Value generator_send_internal(Value gen, Value arg, bool* done);
// The object a suspended generator delegates to (yield from / await), or null.
Value generator_yield_from_target(Value gen);
// sys.get/set_coroutine_origin_tracking_depth: per thread; coroutines created
// while it is positive record cr_origin.
int32_t coroutine_origin_tracking_depth();
void set_coroutine_origin_tracking_depth(int32_t depth);

// The iterator `await v` drives: a coroutine, an iterable-coroutine generator
// or the result of __await__ (TypeError if v is not awaitable).
Value awaitable_iter(Value v);
// Async generators wrap the values they yield (ASYNC_GEN_WRAP).
Value async_gen_wrapped_value_new(Value v);

// anext(aiter, default)'s awaitable.
Value anext_with_default(Value awaitable, Value dflt);

// Frame objects (frame_object.cpp): detaches a frame object from a frame that
// is exiting, keeping what Python code can still ask of it.
void frame_object_detach(Frame* f);

// The line of the instruction a frame is executing.
int frame_current_line(const Frame* f);

}  // namespace spindle
