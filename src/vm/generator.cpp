// Generators, coroutines and async generators. Each owns its frame (embedded
// in the object), which the interpreter runs until it yields or finishes.
#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "compiler/opcodes.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame_object.h"
#include "vm/interp.h"

namespace spindle {

Type generator_type, coroutine_type, async_generator_type;
Type coroutine_wrapper_type, async_gen_asend_type, async_gen_athrow_type, async_gen_wrapped_value_type;

namespace {

enum class GenState : uint8_t { Created, Suspended, Running, Closed };

struct GenObject : Object {
  Str* name;
  Str* qualname;
  std::atomic<GenState> state;
  ExcStackItem exc_state;
  bool finalizer_registered;
  // Async generators: hooks and the state of asend/athrow in progress.
  Value finalizer_hook;
  bool hooks_inited;
  bool running_async;
  bool closed;
  Value origin;  // coroutines: cr_origin, null unless origin tracking was on
  alignas(8) char frame_storage[];  // NOLINT: the frame, its locals and stack

  Frame* frame() { return reinterpret_cast<Frame*>(frame_storage); }
};

GenObject* gen_of(Value v) { return v.as<GenObject>(); }
GenObject* gen_of_frame(Frame* f) { return static_cast<GenObject*>(f->generator); }

const char* kind_name(Value g) {
  Type* t = type_of(g);
  if (t == &coroutine_type) return "coroutine";
  if (t == &async_generator_type) return "async generator";
  return "generator";
}

}  // namespace

bool is_generator_code(const Code* c) {
  return c->flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator);
}

namespace {

thread_local int32_t origin_depth = 0;

// cr_origin: ((filename, lineno, function name), ...) of the `depth`
// innermost frames that created the coroutine.
Value coroutine_origin(int32_t depth) {
  List* frames = list_new();
  for (Frame* f = ts()->frame; f && depth > 0; f = f->prev, depth--) {
    list_append(frames, Value(tuple_pack({Value(f->code->filename), Value::from_small_int(frame_current_line(f)),
                                          Value(f->code->name)})));
  }
  return Value(list_snapshot(frames));
}

}  // namespace

int32_t coroutine_origin_tracking_depth() { return origin_depth; }
void set_coroutine_origin_tracking_depth(int32_t depth) { origin_depth = depth; }

Value generator_new(Function* func, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = func->code;
  Type* type = (co->flags & kCodeAsyncGenerator) ? &async_generator_type
               : (co->flags & kCodeCoroutine)    ? &coroutine_type
                                                 : &generator_type;
  size_t bytes = sizeof(GenObject) + frame_size_words(co) * sizeof(Value);
  auto* g = static_cast<GenObject*>(alloc_object(type, bytes));
  g->name = func->name;
  g->qualname = func->qualname;
  g->state.store(GenState::Created, std::memory_order_relaxed);
  Frame* f = g->frame();
  init_frame(f, co, func, func->globals, func->builtins, Value());
  f->generator = g;
  if (!bind_arguments(func, f, args, nargs, kwnames)) return Value();
  if (type == &coroutine_type && origin_depth > 0) g->origin = coroutine_origin(origin_depth);
  return Value(g);
}

namespace {

void finalize_generator(void* obj, void*);

}  // namespace

void generator_frame_yielded(Frame* f) {
  GenObject* g = gen_of_frame(f);
  g->state.store(GenState::Suspended, std::memory_order_release);
  // A generator abandoned inside try/finally or with still runs its cleanup
  // when collected: only those need a finalizer.
  if (!g->finalizer_registered && f->code->exception_table_size) {
    g->finalizer_registered = true;
    gc::register_finalizer(g, finalize_generator, nullptr);
  }
}

void generator_frame_finished(Frame* f) {
  GenObject* g = gen_of_frame(f);
  g->state.store(GenState::Closed, std::memory_order_release);
}

Value generator_yield_from_target(Value gen) {
  if (!gen.is_object()) return Value();
  Type* t = type_of(gen);
  if (t != &generator_type && t != &coroutine_type && t != &async_generator_type) return Value();
  GenObject* g = gen_of(gen);
  if (g->state.load(std::memory_order_acquire) != GenState::Suspended) return Value();
  Frame* f = g->frame();
  uint32_t w = f->ip[-1];
  if (instr_op(w) != OP_YIELD_VALUE || instr_arg(w) == 0) return Value();
  return f->sp[-1];
}

namespace {

// Runs the generator one step. On a yield returns the value with *done false;
// on return returns the return value with *done true; null on error.
Value gen_send_ex(Value self, Value arg, bool throw_pending, bool* done) {
  GenObject* g = gen_of(self);
  *done = false;
  ThreadState* t = ts();
  GenState st = g->state.load(std::memory_order_acquire);
  if (st == GenState::Running) {
    Type* ty = type_of(self);
    return raise(&exc::ValueError, "%s already executing", ty == &coroutine_type ? "coroutine"
                                                          : ty == &async_generator_type ? "async generator"
                                                                                        : "generator");
  }
  if (st == GenState::Closed) {
    if (type_of(self) == &coroutine_type && !throw_pending)
      return raise(&exc::RuntimeError, "cannot reuse already awaited coroutine");
    if (throw_pending) return Value();  // the pending exception propagates
    *done = true;
    return None();
  }
  if (st == GenState::Created && !throw_pending && arg && !is_none(arg))
    return raise(&exc::TypeError, "can't send non-None value to a just-started %s", kind_name(self));
  if (!g->state.compare_exchange_strong(st, GenState::Running, std::memory_order_acq_rel))
    return raise(&exc::ValueError, "%s already executing", kind_name(self));
  Frame* f = g->frame();
  if (st == GenState::Suspended && !throw_pending) *f->sp++ = arg ? arg : None();
  if (!enter_recursion()) {
    g->state.store(st, std::memory_order_release);
    return Value();
  }
  f->prev = t->frame;
  f->flags |= kFrameEntry;
  t->frame = f;
  g->exc_state.prev = t->exc_info;
  t->exc_info = &g->exc_state;
  // An exception thrown in takes the generator's own handled exception as
  // its __context__ (CPython's _PyErr_ChainStackItem).
  if (throw_pending && g->exc_state.exc && !is_none(g->exc_state.exc)) raise_value(fetch_error());
  Value r;
  try {
    r = run_frame(t, f, throw_pending);
  } catch (const std::bad_alloc&) {
    t->frame = f->prev;
    g->state.store(GenState::Closed, std::memory_order_release);
    r = raise_no_memory();
  }
  t->exc_info = g->exc_state.prev;
  leave_recursion();
  if (g->state.load(std::memory_order_acquire) == GenState::Suspended) return r;
  // Finished: returned or raised.
  g->exc_state.exc = Value();
  if (r) {
    *done = true;
    return r;
  }
  Type* ty = type_of(self);
  if (error_matches(&exc::StopIteration)) {
    raise_with_cause(&exc::RuntimeError, "%s raised StopIteration", kind_name(self));
  } else if (ty == &async_generator_type && error_matches(&exc::StopAsyncIteration)) {
    raise_with_cause(&exc::RuntimeError, "async generator raised StopAsyncIteration");
  }
  return Value();
}

// The public send: a return becomes StopIteration(value) (StopAsyncIteration
// for async generators).
Value gen_send(Value self, Value arg) {
  bool done;
  Value r = gen_send_ex(self, arg, false, &done);
  if (r && done) {
    if (type_of(self) == &async_generator_type) return raise(&exc::StopAsyncIteration, nullptr);
    return raise_stop_iteration(r);
  }
  return r;
}

Value gen_close(Value self);

// throw(typ[, val[, tb]]) with delegation to a yield-from target.
Value gen_throw_impl(Value self, Value typ, Value val, Value tb, bool close_on_genexit) {
  GenObject* g = gen_of(self);
  Value yf = generator_yield_from_target(self);
  if (yf) {
    Value ret;
    bool is_genexit = is_exception_type(typ) ? is_subtype(typ.as<Type>(), &exc::GeneratorExit)
                                             : is_instance_of(typ, &exc::GeneratorExit);
    if (is_genexit && close_on_genexit) {
      // Close the subiterator first, then raise GeneratorExit here.
      g->state.store(GenState::Running, std::memory_order_release);
      Value r;
      Type* yt = type_of(yf);
      if (yt == &generator_type || yt == &coroutine_type) {
        r = gen_close(yf);
      } else {
        Value close = lookup_attr(yf, names::close);
        r = close ? call0(close) : (error_occurred() ? Value() : None());
      }
      g->state.store(GenState::Suspended, std::memory_order_release);
      if (!r) {
        bool done;
        return gen_send_ex(self, Value(), true, &done);
      }
      goto throw_here;
    }
    {
      Type* yt = type_of(yf);
      g->state.store(GenState::Running, std::memory_order_release);
      if (yt == &generator_type || yt == &coroutine_type) {
        ret = gen_throw_impl(yf, typ, val, tb, close_on_genexit);
      } else {
        Value meth = lookup_attr(yf, intern_cstr("throw"));
        if (!meth) {
          g->state.store(GenState::Suspended, std::memory_order_release);
          if (error_occurred()) {
            bool done;
            return gen_send_ex(self, Value(), true, &done);
          }
          goto throw_here;
        }
        Value args[3] = {typ, val ? val : None(), tb ? tb : None()};
        ret = call(meth, args, tb ? 3 : val ? 2 : 1);
      }
      g->state.store(GenState::Suspended, std::memory_order_release);
    }
    if (ret) return ret;  // the subiterator yielded
    // The subiterator finished: its return value resumes us after the loop;
    // any other exception is raised at the yield.
    Frame* f = g->frame();
    Value popped = *--f->sp;
    (void)popped;
    if (error_matches(&exc::StopIteration)) {
      Value e = fetch_error();
      Value v = stop_iteration_value(e);
      uint32_t exit = instr_arg(f->ip[-1]) - 1;
      f->ip = f->code->instructions + exit;
      *f->sp++ = v;
      g->state.store(GenState::Suspended, std::memory_order_release);
      // Resume without pushing a sent value: the frame continues after the loop.
      bool done;
      ThreadState* t = ts();
      GenState st = GenState::Suspended;
      g->state.compare_exchange_strong(st, GenState::Running);
      if (!enter_recursion()) return Value();
      f->prev = t->frame;
      f->flags |= kFrameEntry;
      t->frame = f;
      g->exc_state.prev = t->exc_info;
      t->exc_info = &g->exc_state;
      Value r = run_frame(t, f, false);
      t->exc_info = g->exc_state.prev;
      leave_recursion();
      if (g->state.load(std::memory_order_acquire) == GenState::Suspended) return r;
      if (r) {
        done = true;
        (void)done;
        if (type_of(self) == &async_generator_type) return raise(&exc::StopAsyncIteration, nullptr);
        return raise_stop_iteration(r);
      }
      if (error_matches(&exc::StopIteration)) raise_with_cause(&exc::RuntimeError, "%s raised StopIteration", kind_name(self));
      return Value();
    }
    bool done;
    Value r = gen_send_ex(self, Value(), true, &done);
    if (r && done) return raise_stop_iteration(r);
    return r;
  }
throw_here:
  // Normalise (typ, val, tb) into an exception instance.
  Value inst;
  if (is_exception_type(typ)) {
    if (val && !is_none(val) && is_instance_of(val, typ.as<Type>())) {
      inst = val;
    } else {
      Value a = val && !is_none(val) ? val : Value();
      inst = a ? (is_tuple(a) ? call_with_tuple(typ, a.as<Tuple>(), nullptr) : call1(typ, a)) : call0(typ);
      // As in CPython, an exception raised while making the instance (or the
      // TypeError for a constructor returning a non-exception) is what gets
      // thrown into the generator.
      if (inst && !is_exception_instance(inst))
        raise(&exc::TypeError, "calling %R should have returned an instance of BaseException, not %s", typ,
              type_name(inst));
      if (error_occurred()) inst = fetch_error();
    }
  } else if (is_exception_instance(typ)) {
    if (val && !is_none(val)) return raise(&exc::TypeError, "instance exception may not have a separate value");
    inst = typ;
  } else {
    return raise(&exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 type_name(typ));
  }
  if (tb && !is_none(tb)) {
    if (!is_type(tb, &traceback_type)) return raise(&exc::TypeError, "throw() third argument must be a traceback object");
    inst.as<ExceptionObject>()->traceback = tb;
  }
  restore_error(inst);
  if (g->state.load(std::memory_order_acquire) == GenState::Created) {
    // Never started: it finishes immediately with the exception.
    g->state.store(GenState::Closed, std::memory_order_release);
    return Value();
  }
  bool done;
  Value r = gen_send_ex(self, Value(), true, &done);
  if (r && done) {
    if (type_of(self) == &async_generator_type) return raise(&exc::StopAsyncIteration, nullptr);
    return raise_stop_iteration(r);
  }
  return r;
}

Value gen_close(Value self) {
  GenObject* g = gen_of(self);
  GenState st = g->state.load(std::memory_order_acquire);
  if (st == GenState::Created) {
    g->state.store(GenState::Closed, std::memory_order_release);
    return None();
  }
  if (st == GenState::Closed) return None();
  Value r = gen_throw_impl(self, Value(&exc::GeneratorExit), Value(), Value(), true);
  if (r) {
    const char* msg = type_of(self) == &async_generator_type ? "async generator ignored GeneratorExit"
                      : type_of(self) == &coroutine_type    ? "coroutine ignored GeneratorExit"
                                                            : "generator ignored GeneratorExit";
    return raise(&exc::RuntimeError, "%s", msg);
  }
  if (error_matches(&exc::StopIteration) || error_matches(&exc::GeneratorExit)) {
    clear_error();
    return None();
  }
  return Value();
}

void finalize_generator(void* obj, void*) {
  Value self(static_cast<Object*>(obj));
  GenObject* g = gen_of(self);
  if (g->state.load(std::memory_order_acquire) != GenState::Suspended) return;
  Value saved = fetch_error();
  Value r = type_of(self) == &async_generator_type && g->finalizer_hook
                ? call1(g->finalizer_hook, self)
                : gen_close(self);
  if (!r) write_unraisable(fetch_error(), self);
  restore_error(saved);
}

// ------------------------------------------------------------------ Python methods

Value gen_iternext(Value self) {
  bool done;
  Value r = gen_send_ex(self, None(), false, &done);
  if (r && done) {
    if (!is_none(r)) return raise_stop_iteration(r);
    return Value();  // exhausted, no exception
  }
  return r;
}

Value gen_iter(Value self) { return self; }

Value m_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return Value();
  return gen_send(self, args[0]);
}

Value m_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return Value();
  return gen_throw_impl(self, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
}

Value m_close(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return Value();
  return gen_close(self);
}

Value gen_repr(Value self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  const char* kind = type_of(self) == &coroutine_type         ? "coroutine"
                     : type_of(self) == &async_generator_type ? "async_generator"
                                                              : "generator";
  return Value(format_message("<%s object %U at %s>", kind, gen_of(self)->qualname, addr));
}

Value g_get_name(Value self) { return Value(gen_of(self)->name); }
int g_set_name(Value self, Value v) {
  if (!v || !is_str(v)) {
    raise(&exc::TypeError, "__name__ must be set to a string object");
    return -1;
  }
  gen_of(self)->name = v.as<Str>();
  return 0;
}
Value g_get_qualname(Value self) { return Value(gen_of(self)->qualname); }
int g_set_qualname(Value self, Value v) {
  if (!v || !is_str(v)) {
    raise(&exc::TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  gen_of(self)->qualname = v.as<Str>();
  return 0;
}
Value g_get_frame(Value self) {
  GenObject* g = gen_of(self);
  if (g->state.load(std::memory_order_acquire) == GenState::Closed) return None();
  return frame_object(g->frame());
}
Value g_get_running(Value self) { return Bool(gen_of(self)->state.load() == GenState::Running); }
Value g_get_suspended(Value self) { return Bool(gen_of(self)->state.load() == GenState::Suspended); }
Value g_get_code(Value self) { return Value(gen_of(self)->frame()->code); }
Value g_get_yieldfrom(Value self) {
  Value y = generator_yield_from_target(self);
  return y ? y : None();
}
Value ag_get_running(Value self) { return Bool(gen_of(self)->running_async); }

const GetSetDef gen_getsets[] = {{"__name__", g_get_name, g_set_name, nullptr},
                                 {"__qualname__", g_get_qualname, g_set_qualname, nullptr},
                                 {"gi_frame", g_get_frame, nullptr, nullptr},
                                 {"gi_running", g_get_running, nullptr, nullptr},
                                 {"gi_suspended", g_get_suspended, nullptr, nullptr},
                                 {"gi_code", g_get_code, nullptr, nullptr},
                                 {"gi_yieldfrom", g_get_yieldfrom, nullptr, nullptr},
                                 {nullptr}};
const GetSetDef coro_getsets[] = {{"__name__", g_get_name, g_set_name, nullptr},
                                  {"__qualname__", g_get_qualname, g_set_qualname, nullptr},
                                  {"cr_frame", g_get_frame, nullptr, nullptr},
                                  {"cr_running", g_get_running, nullptr, nullptr},
                                  {"cr_suspended", g_get_suspended, nullptr, nullptr},
                                  {"cr_code", g_get_code, nullptr, nullptr},
                                  {"cr_await", g_get_yieldfrom, nullptr, nullptr},
                                  {"cr_origin", [](Value self) { return gen_of(self)->origin ? gen_of(self)->origin : None(); }, nullptr, nullptr},
                                  {nullptr}};
const GetSetDef agen_getsets[] = {{"__name__", g_get_name, g_set_name, nullptr},
                                  {"__qualname__", g_get_qualname, g_set_qualname, nullptr},
                                  {"ag_frame", g_get_frame, nullptr, nullptr},
                                  {"ag_running", ag_get_running, nullptr, nullptr},
                                  {"ag_code", g_get_code, nullptr, nullptr},
                                  {"ag_await", g_get_yieldfrom, nullptr, nullptr},
                                  {nullptr}};

Value gen_sizeof(Value self, const Value*, size_t, Tuple*) {
  return Value::from_small_int(int64_t(sizeof(GenObject) + frame_size_words(gen_of(self)->frame()->code) * 8));
}

const MethodDef gen_methods[] = {{"send", m_send, kMethodInstance, nullptr},
                                 {"throw", m_throw, kMethodInstance, nullptr},
                                 {"close", m_close, kMethodInstance, nullptr},
                                 {"__sizeof__", gen_sizeof, kMethodInstance, nullptr},
                                 {nullptr}};

// ------------------------------------------------------------------ coroutines

struct CoroWrapper : Object {
  Value coro;
};

Value coro_await(Value self, const Value*, size_t, Tuple*) {
  auto* w = alloc_instance<CoroWrapper>(&coroutine_wrapper_type);
  w->coro = self;
  return Value(w);
}

const MethodDef coro_methods[] = {{"send", m_send, kMethodInstance, nullptr},
                                  {"throw", m_throw, kMethodInstance, nullptr},
                                  {"close", m_close, kMethodInstance, nullptr},
                                  {"__await__", coro_await, kMethodInstance, nullptr},
                                  {nullptr}};

Value coro_wrapper_next(Value self) { return gen_iternext(self.as<CoroWrapper>()->coro); }
Value coro_wrapper_send(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return m_send(self.as<CoroWrapper>()->coro, args, nargs, kw);
}
Value coro_wrapper_throw(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return m_throw(self.as<CoroWrapper>()->coro, args, nargs, kw);
}
Value coro_wrapper_close(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return m_close(self.as<CoroWrapper>()->coro, args, nargs, kw);
}
const MethodDef coro_wrapper_methods[] = {{"send", coro_wrapper_send, kMethodInstance, nullptr},
                                          {"throw", coro_wrapper_throw, kMethodInstance, nullptr},
                                          {"close", coro_wrapper_close, kMethodInstance, nullptr},
                                          {nullptr}};

// ------------------------------------------------------------------ async generators

struct WrappedValue : Object {
  Value value;
};

enum class AwaitableState : uint8_t { Init, Iter, Closed };

struct AsyncGenAsend : Object {
  Value gen;
  Value send_value;
  AwaitableState state;
};

struct AsyncGenAthrow : Object {
  Value gen;
  Value typ, val, tb;  // typ null: aclose()
  AwaitableState state;
};

bool init_hooks(Value self) {
  GenObject* g = gen_of(self);
  if (g->hooks_inited) return true;
  g->hooks_inited = true;
  Value finalizer = asyncgen_hook("finalizer");
  if (finalizer && !is_none(finalizer)) g->finalizer_hook = finalizer;
  Value firstiter = asyncgen_hook("firstiter");
  if (firstiter && !is_none(firstiter)) {
    if (!call1(firstiter, self)) return false;
  }
  return true;
}

// Unwraps a value yielded by the async generator: a wrapped value ends the
// asend/athrow step (StopIteration carrying it); anything else passes through
// to the event loop.
Value unwrap_value(Value gen, Value r) {
  GenObject* g = gen_of(gen);
  if (!r) {
    if (error_matches(&exc::StopAsyncIteration) || error_matches(&exc::GeneratorExit)) g->closed = true;
    g->running_async = false;
    return Value();
  }
  if (is_type(r, &async_gen_wrapped_value_type)) {
    g->running_async = false;
    return raise_stop_iteration(r.as<WrappedValue>()->value);
  }
  return r;
}

Value asend_send(Value self, Value arg) {
  auto* a = self.as<AsyncGenAsend>();
  GenObject* g = gen_of(a->gen);
  if (a->state == AwaitableState::Closed)
    return raise(&exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (a->state == AwaitableState::Init) {
    if (g->running_async)
      return raise(&exc::RuntimeError, "anext(): asynchronous generator is already running");
    if (!arg || is_none(arg)) arg = a->send_value;
    a->state = AwaitableState::Iter;
  }
  g->running_async = true;
  Value r = unwrap_value(a->gen, gen_send(a->gen, arg));
  if (!r) a->state = AwaitableState::Closed;
  return r;
}

Value asend_next(Value self) {
  Value r = asend_send(self, None());
  return r;
}

Value asend_m_send(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("send", nargs, 1, 1)) return Value();
  return asend_send(self, args[0]);
}

Value asend_m_throw(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  auto* a = self.as<AsyncGenAsend>();
  if (a->state == AwaitableState::Closed)
    return raise(&exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Value r = gen_throw_impl(a->gen, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
  r = unwrap_value(a->gen, r);
  if (!r) a->state = AwaitableState::Closed;
  return r;
}

Value asend_m_close(Value self, const Value*, size_t, Tuple*) {
  self.as<AsyncGenAsend>()->state = AwaitableState::Closed;
  return None();
}

Value return_self(Value self, const Value*, size_t, Tuple*) { return self; }

const MethodDef asend_methods[] = {{"send", asend_m_send, kMethodInstance, nullptr},
                                   {"__await__", return_self, kMethodInstance, nullptr},
                                   {"throw", asend_m_throw, kMethodInstance, nullptr},
                                   {"close", asend_m_close, kMethodInstance, nullptr},
                                   {nullptr}};

Value athrow_send(Value self, Value arg) {
  auto* a = self.as<AsyncGenAthrow>();
  GenObject* g = gen_of(a->gen);
  if (a->state == AwaitableState::Closed)
    return raise(&exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (g->state.load() == GenState::Closed && a->state == AwaitableState::Init) {
    a->state = AwaitableState::Closed;
    return raise(&exc::StopIteration, nullptr);
  }
  Value r;
  if (a->state == AwaitableState::Init) {
    if (g->running_async) {
      a->state = AwaitableState::Closed;
      return raise(&exc::RuntimeError, a->typ ? "athrow(): asynchronous generator is already running"
                                              : "aclose(): asynchronous generator is already running");
    }
    if (g->closed) {
      a->state = AwaitableState::Closed;
      return raise(&exc::StopIteration, nullptr);
    }
    if (arg && !is_none(arg)) return raise(&exc::RuntimeError, "can't send non-None value to a just-started coroutine");
    a->state = AwaitableState::Iter;
    g->running_async = true;
    if (!a->typ) {
      r = gen_throw_impl(a->gen, Value(&exc::GeneratorExit), Value(), Value(), true);
      if (r && is_type(r, &async_gen_wrapped_value_type)) {
        g->running_async = false;
        a->state = AwaitableState::Closed;
        return raise(&exc::RuntimeError, "async generator ignored GeneratorExit");
      }
    } else {
      r = gen_throw_impl(a->gen, a->typ, a->val, a->tb, true);
    }
  } else {
    r = gen_send(a->gen, arg);
    if (!a->typ && r && is_type(r, &async_gen_wrapped_value_type)) {
      g->running_async = false;
      a->state = AwaitableState::Closed;
      return raise(&exc::RuntimeError, "async generator ignored GeneratorExit");
    }
  }
  if (!r) {
    g->running_async = false;
    a->state = AwaitableState::Closed;
    if (!a->typ && (error_matches(&exc::StopAsyncIteration) || error_matches(&exc::GeneratorExit))) {
      clear_error();
      g->closed = true;
      return raise(&exc::StopIteration, nullptr);
    }
    if (error_matches(&exc::StopAsyncIteration) || error_matches(&exc::GeneratorExit)) g->closed = true;
    return Value();
  }
  Value u = unwrap_value(a->gen, r);
  if (!u) a->state = AwaitableState::Closed;
  return u;
}

Value athrow_next(Value self) { return athrow_send(self, None()); }
Value athrow_m_send(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("send", nargs, 1, 1)) return Value();
  return athrow_send(self, args[0]);
}
Value athrow_m_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  auto* a = self.as<AsyncGenAthrow>();
  if (a->state == AwaitableState::Closed)
    return raise(&exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  Value r = gen_throw_impl(a->gen, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
  if (!a->typ && r && is_type(r, &async_gen_wrapped_value_type)) {
    gen_of(a->gen)->running_async = false;
    a->state = AwaitableState::Closed;
    return raise(&exc::RuntimeError, "async generator ignored GeneratorExit");
  }
  Value u = unwrap_value(a->gen, r);
  if (!u) a->state = AwaitableState::Closed;
  return u;
}
Value athrow_m_close(Value self, const Value*, size_t, Tuple*) {
  self.as<AsyncGenAthrow>()->state = AwaitableState::Closed;
  return None();
}
const MethodDef athrow_methods[] = {{"send", athrow_m_send, kMethodInstance, nullptr},
                                    {"__await__", return_self, kMethodInstance, nullptr},
                                    {"throw", athrow_m_throw, kMethodInstance, nullptr},
                                    {"close", athrow_m_close, kMethodInstance, nullptr},
                                    {nullptr}};

Value agen_anext(Value self) {
  if (!init_hooks(self)) return Value();
  auto* a = alloc_instance<AsyncGenAsend>(&async_gen_asend_type);
  a->gen = self;
  a->send_value = None();
  a->state = AwaitableState::Init;
  return Value(a);
}

Value agen_m_anext(Value self, const Value*, size_t nargs, Tuple*) { return agen_anext(self); }

Value agen_m_asend(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("asend", nargs, 1, 1)) return Value();
  if (!init_hooks(self)) return Value();
  auto* a = alloc_instance<AsyncGenAsend>(&async_gen_asend_type);
  a->gen = self;
  a->send_value = args[0];
  a->state = AwaitableState::Init;
  return Value(a);
}

Value agen_m_athrow(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("athrow", nargs, 1, 3)) return Value();
  if (!init_hooks(self)) return Value();
  auto* a = alloc_instance<AsyncGenAthrow>(&async_gen_athrow_type);
  a->gen = self;
  a->typ = args[0];
  a->val = nargs > 1 ? args[1] : Value();
  a->tb = nargs > 2 ? args[2] : Value();
  a->state = AwaitableState::Init;
  return Value(a);
}

Value agen_m_aclose(Value self, const Value*, size_t nargs, Tuple*) {
  if (!init_hooks(self)) return Value();
  auto* a = alloc_instance<AsyncGenAthrow>(&async_gen_athrow_type);
  a->gen = self;
  a->state = AwaitableState::Init;
  return Value(a);
}

const MethodDef agen_methods[] = {{"asend", agen_m_asend, kMethodInstance, nullptr},
                                  {"athrow", agen_m_athrow, kMethodInstance, nullptr},
                                  {"aclose", agen_m_aclose, kMethodInstance, nullptr},
                                  {"__anext__", agen_m_anext, kMethodInstance, nullptr},
                                  {"__aiter__", [](Value self, const Value*, size_t, Tuple*) { return self; },
                                   kMethodInstance, nullptr},
                                  {nullptr}};

Value self_iter(Value self) { return self; }

}  // namespace

namespace {

// anext(aiter, default): awaits the __anext__ awaitable, answering `default`
// instead of StopAsyncIteration.
struct AnextAwaitable : Object {
  Value inner;  // the iterator of the awaitable, once started
  Value awaitable;
  Value dflt;
};

Value anext_step(Value self, Value arg, bool throw_mode, const Value* targs, size_t tn) {
  auto* a = self.as<AnextAwaitable>();
  if (!a->inner) {
    a->inner = awaitable_iter(a->awaitable);
    if (!a->inner) return Value();
  }
  Value r;
  if (throw_mode) {
    Value m = lookup_attr(a->inner, intern_cstr("throw"));
    if (!m) {
      if (!error_occurred()) raise(&exc::TypeError, "awaitable has no throw()");
      return Value();
    }
    r = call(m, targs, tn);
  } else if (is_none(arg) && type_of(a->inner)->next) {
    r = type_of(a->inner)->next(a->inner);
    if (!r && !error_occurred()) raise(&exc::StopIteration, nullptr);
  } else {
    r = call_method1(a->inner, names::send, arg);
  }
  if (!r && error_matches(&exc::StopAsyncIteration)) {
    clear_error();
    return raise_stop_iteration(a->dflt);
  }
  return r;
}

Value anext_next(Value self) {
  Value r = anext_step(self, None(), false, nullptr, 0);
  if (!r && error_matches(&exc::StopIteration)) {
    // A plain iterator protocol caller sees exhaustion only via StopIteration's value.
    return Value();
  }
  return r;
}
Value anext_m_send(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("send", nargs, 1, 1)) return Value();
  return anext_step(self, args[0], false, nullptr, 0);
}
Value anext_m_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("throw", nargs, 1, 3)) return Value();
  return anext_step(self, Value(), true, args, nargs);
}
Value anext_m_close(Value self, const Value*, size_t, Tuple*) {
  auto* a = self.as<AnextAwaitable>();
  if (a->inner) {
    Value m = lookup_attr(a->inner, names::close);
    if (m) return call0(m);
    if (error_occurred()) return Value();
  }
  return None();
}
Value anext_await(Value self, const Value*, size_t, Tuple*) { return self; }

const MethodDef anext_methods[] = {{"send", anext_m_send, kMethodInstance, nullptr},
                                   {"throw", anext_m_throw, kMethodInstance, nullptr},
                                   {"close", anext_m_close, kMethodInstance, nullptr},
                                   {"__await__", anext_await, kMethodInstance, nullptr},
                                   {nullptr}};

Type anext_awaitable_type;

}  // namespace

Value anext_with_default(Value awaitable, Value dflt) {
  auto* a = alloc_instance<AnextAwaitable>(&anext_awaitable_type);
  a->awaitable = awaitable;
  a->dflt = dflt;
  return Value(a);
}

Value async_gen_wrapped_value_new(Value v) {
  auto* w = alloc_instance<WrappedValue>(&async_gen_wrapped_value_type);
  w->value = v;
  return Value(w);
}

Value generator_send_internal(Value gen, Value arg, bool* done) { return gen_send_ex(gen, arg, false, done); }

Value awaitable_iter(Value v) {
  Type* t = type_of(v);
  if (t == &coroutine_type) return v;
  if (t == &generator_type && (gen_of(v)->frame()->code->flags & kCodeIterableCoroutine)) return v;
  Value await = lookup_special(v, names::__await__);
  if (!await) {
    if (!error_occurred()) raise(&exc::TypeError, "object %s can't be used in 'await' expression", type_name(v));
    return Value();
  }
  Value r = call0(await);
  if (!r) return Value();
  Type* rt = type_of(r);
  if (rt == &coroutine_type || (rt == &generator_type && (gen_of(r)->frame()->code->flags & kCodeIterableCoroutine)))
    return raise(&exc::TypeError, "__await__() returned a coroutine");
  if (!rt->next) return raise(&exc::TypeError, "__await__() returned non-iterator of type '%s'", type_name(r));
  return r;
}

void init_generator_types() {
  generator_type.native_name = "generator";
  generator_type.iter = gen_iter;
  generator_type.next = gen_iternext;
  generator_type.methods = gen_methods;
  generator_type.getsets = gen_getsets;
  generator_type.repr = gen_repr;

  coroutine_type.native_name = "coroutine";
  coroutine_type.methods = coro_methods;
  coroutine_type.getsets = coro_getsets;
  coroutine_type.repr = gen_repr;

  coroutine_wrapper_type.native_name = "coroutine_wrapper";
  coroutine_wrapper_type.iter = self_iter;
  coroutine_wrapper_type.next = coro_wrapper_next;
  coroutine_wrapper_type.methods = coro_wrapper_methods;

  async_generator_type.native_name = "async_generator";
  async_generator_type.methods = agen_methods;
  async_generator_type.getsets = agen_getsets;
  async_generator_type.repr = gen_repr;

  async_gen_asend_type.native_name = "async_generator_asend";
  async_gen_asend_type.iter = self_iter;
  async_gen_asend_type.next = asend_next;
  async_gen_asend_type.methods = asend_methods;

  async_gen_athrow_type.native_name = "async_generator_athrow";
  async_gen_athrow_type.iter = self_iter;
  async_gen_athrow_type.next = athrow_next;
  async_gen_athrow_type.methods = athrow_methods;

  async_gen_wrapped_value_type.native_name = "async_generator_wrapped_value";

  anext_awaitable_type.native_name = "anext_awaitable";
  anext_awaitable_type.iter = self_iter;
  anext_awaitable_type.next = anext_next;
  anext_awaitable_type.methods = anext_methods;
}

void ready_generator_types() {
  for (Type* t : {&generator_type, &coroutine_type, &coroutine_wrapper_type, &async_generator_type, &async_gen_asend_type,
                  &async_gen_athrow_type, &async_gen_wrapped_value_type, &anext_awaitable_type})
    type_ready(t);
}

}  // namespace spindle
