// The bytecode interpreter: one function runs a frame and, inline, every
// Python-to-Python call it makes (no C recursion per call); frames live on the
// thread's frame stack. Dispatch is by computed goto.
#include <cstring>

#include "compiler/opcodes.h"
#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/eval.h"
#include "vm/interp.h"
#include "vm/ops.h"

namespace spindle {

// ------------------------------------------------------------------ frames

void init_frame(Frame* f, Code* code, Function* func, Dict* globals, Dict* builtins, Value locals) {
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->prev = nullptr;
  f->ip = code->instructions;
  f->sp = f->localsplus + code->nlocalsplus;
  f->frame_object = Value();
  f->generator = nullptr;
  f->flags = 0;
  std::memset(static_cast<void*>(f->localsplus), 0, sizeof(Value) * code->nlocalsplus);
}

Frame* push_frame(ThreadState* t, Code* code) {
  size_t words = frame_size_words(code);
  Value* base = t->stack_top;
  if (base + words > t->stack_end) {
    raise(&exc::RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  t->stack_top = base + words;
  return reinterpret_cast<Frame*>(base);
}

namespace {

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
Str* format_name_list(const Value* names, size_t n) {
  StrBuilder b;
  for (size_t i = 0; i < n; i++) {
    if (i) {
      if (n == 2) b.append_ascii(" and ");
      else if (i == n - 1) b.append_ascii(", and ");
      else b.append_ascii(", ");
    }
    b.append('\'');
    b.append(names[i].as<Str>());
    b.append('\'');
  }
  return b.finish();
}

bool missing_arguments(Function* func, Frame* f, bool kwonly, int64_t defcount) {
  Code* co = func->code;
  int64_t start = kwonly ? co->argcount : 0;
  int64_t end = kwonly ? co->argcount + co->kwonlyargcount : co->argcount - defcount;
  Value missing[256];
  size_t n = 0;
  for (int64_t i = start; i < end && n < 256; i++)
    if (!f->localsplus[i]) missing[n++] = co->varnames->items[i];
  if (n == 0) return true;
  raise(&exc::TypeError, "%U() missing %zd required %s argument%s: %U", func->qualname, ssize_t(n),
        kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", format_name_list(missing, n));
  return false;
}

void too_many_positional(Function* func, Frame* f, size_t given) {
  Code* co = func->code;
  int64_t defcount = func->defaults ? func->defaults->size : 0;
  int64_t kwonly_given = 0;
  for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (f->localsplus[i]) kwonly_given++;
  Str* sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = format_message("from %lld to %lld", (long long)(co->argcount - defcount), (long long)co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = format_message("%lld", (long long)co->argcount);
  }
  Str* kwonly_sig = str_empty();
  if (kwonly_given)
    kwonly_sig = format_message(" positional argument%s (and %lld keyword-only argument%s)", given != 1 ? "s" : "",
                                (long long)kwonly_given, kwonly_given != 1 ? "s" : "");
  raise(&exc::TypeError, "%U() takes %U positional argument%s but %zd%U %s given", func->qualname, sig,
        plural ? "s" : "", ssize_t(given), kwonly_sig, given == 1 && !kwonly_given ? "was" : "were");
}

}  // namespace

bool bind_arguments(Function* func, Frame* f, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = func->code;
  Value* locals = f->localsplus;
  const uint32_t argcount = co->argcount;
  const uint32_t total = argcount + co->kwonlyargcount;
  const bool has_varargs = co->flags & kCodeVarargs;
  const bool has_varkw = co->flags & kCodeVarkeywords;
  Dict* kwdict = nullptr;
  if (has_varkw) {
    kwdict = dict_new();
    locals[total + (has_varargs ? 1 : 0)] = Value(kwdict);
  }
  size_t n = nargs < argcount ? nargs : argcount;
  for (size_t i = 0; i < n; i++) locals[i] = args[i];
  if (has_varargs) {
    locals[total] = Value(nargs > argcount ? tuple_from_array(args + argcount, int64_t(nargs - argcount)) : tuple_empty());
  }
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t k = 0; k < nkw; k++) {
    Value name = kwnames->items[k];
    Value value = args[nargs + k];
    int64_t j = -1;
    for (uint32_t i = co->posonlyargcount; i < total; i++)
      if (co->varnames->items[i] == name) { j = i; break; }
    if (j < 0) {
      for (uint32_t i = co->posonlyargcount; i < total; i++) {
        if (str_equal(co->varnames->items[i].as<Str>(), name.as<Str>())) { j = i; break; }
      }
    }
    if (j < 0) {
      if (kwdict) {
        if (dict_set(kwdict, name, value) < 0) return false;
        continue;
      }
      // Report every positional-only parameter passed by keyword, then any
      // unexpected keyword.
      StrBuilder posonly_names;
      int found = 0;
      for (size_t k2 = 0; k2 < nkw; k2++) {
        Str* kn = kwnames->items[k2].as<Str>();
        for (uint32_t i = 0; i < co->posonlyargcount; i++) {
          if (str_equal(co->varnames->items[i].as<Str>(), kn)) {
            if (found++) posonly_names.append_ascii(", ");
            posonly_names.append(kn);
          }
        }
      }
      if (found) {
        raise(&exc::TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'",
              func->qualname, posonly_names.finish());
        return false;
      }
      raise(&exc::TypeError, "%U() got an unexpected keyword argument '%U'", func->qualname, name.as<Str>());
      return false;
    }
    if (locals[j]) {
      raise(&exc::TypeError, "%U() got multiple values for argument '%U'", func->qualname, name.as<Str>());
      return false;
    }
    locals[j] = value;
  }
  if (nargs > argcount && !has_varargs) {
    too_many_positional(func, f, nargs);
    return false;
  }
  if (nargs < argcount) {
    int64_t defcount = func->defaults ? func->defaults->size : 0;
    int64_t first_default = int64_t(argcount) - defcount;
    for (int64_t i = int64_t(nargs); i < first_default; i++) {
      if (!locals[i]) {
        missing_arguments(func, f, false, defcount);
        return false;
      }
    }
    for (int64_t i = std::max<int64_t>(int64_t(nargs), first_default); i < int64_t(argcount); i++)
      if (!locals[i]) locals[i] = func->defaults->items[i - first_default];
  }
  bool kwonly_missing = false;
  for (uint32_t i = argcount; i < total; i++) {
    if (locals[i]) continue;
    Value d = func->kwdefaults ? dict_get_str(func->kwdefaults, co->varnames->items[i].as<Str>()) : Value();
    if (d) locals[i] = d;
    else kwonly_missing = true;
  }
  if (kwonly_missing) {
    missing_arguments(func, f, true, 0);
    return false;
  }
  if (co->nfrees) {
    uint32_t first = co->nlocalsplus - co->nfrees;
    for (uint32_t i = 0; i < co->nfrees; i++) locals[first + i] = func->closure->items[i];
  }
  return true;
}

namespace {

// The fast path: positional arguments exactly matching a simple signature.
inline bool bind_simple(Function* func, Frame* f, const Value* args, size_t nargs) {
  Code* co = func->code;
  if (nargs != co->argcount || co->kwonlyargcount || (co->flags & (kCodeVarargs | kCodeVarkeywords))) return false;
  for (size_t i = 0; i < nargs; i++) f->localsplus[i] = args[i];
  if (co->nfrees) {
    uint32_t first = co->nlocalsplus - co->nfrees;
    for (uint32_t i = 0; i < co->nfrees; i++) f->localsplus[first + i] = func->closure->items[i];
  }
  return true;
}

// Runs a frame from native code: links it, runs it, unlinks it. All frames
// the run pushed are popped even if an allocation fails midway.
Value run_entry_frame(ThreadState* t, Frame* f) {
  Frame* saved_frame = t->frame;
  Value* saved_top = reinterpret_cast<Value*>(f);
  f->prev = saved_frame;
  f->flags |= kFrameEntry;
  t->frame = f;
  Value r;
  try {
    r = run_frame(t, f, false);
  } catch (const std::bad_alloc&) {
    t->frame = saved_frame;
    t->stack_top = saved_top;
    return raise_no_memory();
  }
  return r;
}

}  // namespace

Value call_function(Function* func, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = func->code;
  if (is_generator_code(co)) return generator_new(func, args, nargs, kwnames);
  ThreadState* t = ts();
  if (!enter_recursion()) return Value();
  Frame* f = push_frame(t, co);
  if (!f) {
    leave_recursion();
    return Value();
  }
  init_frame(f, co, func, func->globals, func->builtins, Value());
  if (!(kwnames == nullptr && bind_simple(func, f, args, nargs)) && !bind_arguments(func, f, args, nargs, kwnames)) {
    pop_frame(t, f);
    leave_recursion();
    return Value();
  }
  Value r = run_entry_frame(t, f);
  leave_recursion();
  return r;
}

Value eval_code(Code* code, Dict* globals, Value locals) {
  ThreadState* t = ts();
  if (!enter_recursion()) return Value();
  Frame* f = push_frame(t, code);
  if (!f) {
    leave_recursion();
    return Value();
  }
  init_frame(f, code, nullptr, globals, builtins_for(globals), locals ? locals : Value(globals));
  Value r = run_entry_frame(t, f);
  leave_recursion();
  return r;
}

Value eval_class_body(Function* body, Value ns) {
  ThreadState* t = ts();
  Code* code = body->code;
  if (!enter_recursion()) return Value();
  Frame* f = push_frame(t, code);
  if (!f) {
    leave_recursion();
    return Value();
  }
  init_frame(f, code, body, body->globals, body->builtins, ns);
  if (code->nfrees) {
    uint32_t first = code->nlocalsplus - code->nfrees;
    for (uint32_t i = 0; i < code->nfrees; i++) f->localsplus[first + i] = body->closure->items[i];
  }
  Value r = run_entry_frame(t, f);
  leave_recursion();
  return r;
}

Frame* current_frame() { return ts()->frame; }

int frame_current_line(const Frame* f) {
  int index = int(f->ip - f->code->instructions) - 1;
  // A generator that has not started yet is at its `def` line, as in CPython.
  if (index < 0) return f->code->firstlineno;
  return code_line_for(f->code, index);
}

int code_line_for(const Code* code, int index) {
  if (index < 0 || uint32_t(index) >= code->num_instructions) return code->firstlineno;
  return code->positions[index].line;
}

// ------------------------------------------------------------------ the loop

namespace {

const ExceptionTableEntry* find_handler(const Code* code, uint32_t index) {
  const ExceptionTableEntry* t = code->exception_table;
  uint32_t lo = 0, hi = code->exception_table_size;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (t[mid].end <= index) lo = mid + 1;
    else if (t[mid].start > index) hi = mid;
    else return &t[mid];
  }
  return nullptr;
}

Str* local_name(const Code* code, uint32_t slot) {
  if (slot < code->nlocals) return code->varnames->items[slot].as<Str>();
  // Cells that are not parameters, then free variables.
  uint32_t k = slot - code->nlocals;
  uint32_t extra = 0;
  for (int64_t i = 0; i < code->cellvars->size; i++) {
    Str* c = code->cellvars->items[i].as<Str>();
    bool is_param = false;
    for (uint32_t j = 0; j < code->nlocals; j++)
      if (code->varnames->items[j].as<Str>() == c) { is_param = true; break; }
    if (is_param) continue;
    if (extra == k) return c;
    extra++;
  }
  return code->freevars->items[k - extra].as<Str>();
}

Value unbound_local(const Code* code, uint32_t slot) {
  return raise(&exc::UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
               local_name(code, slot));
}

Value unbound_deref(const Code* code, uint32_t slot) {
  if (slot >= code->nlocalsplus - code->nfrees)
    return raise(&exc::NameError,
                 "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                 local_name(code, slot));
  return unbound_local(code, slot);
}

}  // namespace

Value run_frame(ThreadState* t, Frame* entry, bool throw_pending) {
  static void* const dispatch_table[] = {
#define SPINDLE_OPCODE_LABEL(name, cache) &&op_##name,
      SPINDLE_OPCODES(SPINDLE_OPCODE_LABEL)
#undef SPINDLE_OPCODE_LABEL
  };

  Frame* frame = entry;
  Code* code;
  const uint32_t* ip;
  Value* sp;
  Value* locals;
  const Value* consts;
  uint32_t oparg = 0;
  Tuple* kwnames = nullptr;
  Value retval;
  const uint32_t* reraised_from = nullptr;  // set by RERAISE, for the exiting frame's line

#define LOAD_FRAME_STATE()                 \
  do {                                     \
    code = frame->code;                    \
    ip = frame->ip;                        \
    sp = frame->sp;                        \
    locals = frame->localsplus;            \
    consts = code->consts->items;          \
  } while (0)
#define SAVE_FRAME_STATE() \
  do {                     \
    frame->ip = ip;        \
    frame->sp = sp;        \
  } while (0)
#define DISPATCH()                    \
  do {                                \
    uint32_t word_ = *ip++;           \
    oparg = word_ >> 8;               \
    goto* dispatch_table[word_ & 0xFF]; \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-int64_t(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define NAME(i) (code->names->items[i].as<Str>())
#define JUMP_TO(target) (ip = code->instructions + (target))
#define ERROR_IF(cond) \
  do {                 \
    if (cond) goto error; \
  } while (0)
#define CHECK_PENDING()                                            \
  do {                                                             \
    if (t->pending.load(std::memory_order_relaxed)) {              \
      SAVE_FRAME_STATE();                                          \
      if (!handle_pending()) goto error;                           \
    }                                                              \
  } while (0)

  LOAD_FRAME_STATE();
  if (throw_pending) goto error;
  CHECK_PENDING();
  DISPATCH();

op_NOP:
  DISPATCH();

op_POP_TOP:
  sp--;
  DISPATCH();

op_PUSH_NULL:
  PUSH(Value());
  DISPATCH();

op_COPY: {
  Value v = PEEK(oparg);
  PUSH(v);
  DISPATCH();
}

op_SWAP: {
  Value v = TOP();
  SET_TOP(PEEK(oparg));
  PEEK(oparg) = v;
  DISPATCH();
}

op_LOAD_CONST:
  PUSH(consts[oparg]);
  DISPATCH();

op_LOAD_FAST: {
  Value v = locals[oparg];
  if (__builtin_expect(v.is_null(), 0)) {
    SAVE_FRAME_STATE();
    unbound_local(code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}

op_LOAD_FAST_LOAD_FAST: {
  Value a = locals[oparg & 0xFFF];
  Value b = locals[oparg >> 12];
  if (__builtin_expect(a.is_null() || b.is_null(), 0)) {
    SAVE_FRAME_STATE();
    unbound_local(code, a.is_null() ? (oparg & 0xFFF) : (oparg >> 12));
    if (!a.is_null()) ip++;
    goto error;
  }
  PUSH(a);
  PUSH(b);
  ip++;
  DISPATCH();
}

op_STORE_FAST:
  locals[oparg] = POP();
  DISPATCH();

op_DELETE_FAST:
  if (locals[oparg].is_null()) {
    SAVE_FRAME_STATE();
    unbound_local(code, oparg);
    goto error;
  }
  locals[oparg] = Value();
  DISPATCH();

op_MAKE_CELL:
  locals[oparg] = Value(cell_new(locals[oparg]));
  DISPATCH();

op_LOAD_CLOSURE:
  PUSH(locals[oparg]);
  DISPATCH();

op_LOAD_DEREF: {
  Value v = locals[oparg].as<Cell>()->get();
  if (v.is_null()) {
    SAVE_FRAME_STATE();
    unbound_deref(code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}

op_LOAD_CLASSDEREF: {
  SAVE_FRAME_STATE();
  Str* name = local_name(code, oparg);
  Value v;
  if (is_dict_exact(frame->locals)) {
    v = dict_get_str(frame->locals.as<Dict>(), name);
  } else {
    v = get_item(frame->locals, Value(name));
    if (!v) {
      if (!error_matches(&exc::KeyError)) goto error;
      clear_error();
    }
  }
  if (!v) {
    v = locals[oparg].as<Cell>()->get();
    if (v.is_null()) {
      unbound_deref(code, oparg);
      goto error;
    }
  }
  PUSH(v);
  DISPATCH();
}

op_STORE_DEREF:
  locals[oparg].as<Cell>()->set(POP());
  DISPATCH();

op_DELETE_DEREF: {
  Cell* c = locals[oparg].as<Cell>();
  if (c->get().is_null()) {
    SAVE_FRAME_STATE();
    unbound_deref(code, oparg);
    goto error;
  }
  c->set(Value());
  DISPATCH();
}

op_LOAD_NAME: {
  SAVE_FRAME_STATE();
  Value v = ops::load_name(frame, NAME(oparg));
  ERROR_IF(!v);
  PUSH(v);
  DISPATCH();
}

op_STORE_NAME: {
  SAVE_FRAME_STATE();
  Value v = POP();
  ERROR_IF(ops::store_name(frame, NAME(oparg), v) < 0);
  DISPATCH();
}

op_DELETE_NAME:
  SAVE_FRAME_STATE();
  ERROR_IF(ops::delete_name(frame, NAME(oparg)) < 0);
  DISPATCH();

op_LOAD_GLOBAL: {
  Str* name = NAME(oparg >> 1);
  Value v = ops::load_global_cached(frame, name, &code->caches[ip - 1 - code->instructions]);
  if (__builtin_expect(v.is_null(), 0)) {
    SAVE_FRAME_STATE();
    ops::load_global_failed(frame, name);
    goto error;
  }
  if (oparg & 1) PUSH(Value());
  PUSH(v);
  DISPATCH();
}

op_STORE_GLOBAL: {
  SAVE_FRAME_STATE();
  Value v = POP();
  ERROR_IF(dict_set_str(frame->globals, NAME(oparg), v) < 0);
  DISPATCH();
}

op_DELETE_GLOBAL:
  SAVE_FRAME_STATE();
  if (dict_del(frame->globals, Value(NAME(oparg))) < 0) {
    if (error_matches(&exc::KeyError)) {
      clear_error();
      raise_name_error(NAME(oparg));
    }
    goto error;
  }
  DISPATCH();

op_LOAD_ATTR: {
  SAVE_FRAME_STATE();
  Value v = ops::load_attr_cached(TOP(), NAME(oparg), &code->caches[ip - 1 - code->instructions]);
  ERROR_IF(!v);
  SET_TOP(v);
  DISPATCH();
}

op_LOAD_METHOD: {
  SAVE_FRAME_STATE();
  Value obj = TOP();
  Value meth;
  bool unbound = ops::load_method_cached(obj, NAME(oparg), &code->caches[ip - 1 - code->instructions], &meth);
  ERROR_IF(!meth);
  if (unbound) {
    SET_TOP(meth);
    PUSH(obj);
  } else {
    SET_TOP(Value());
    PUSH(meth);
  }
  DISPATCH();
}

op_STORE_ATTR: {
  SAVE_FRAME_STATE();
  Value obj = POP();
  Value v = POP();
  ERROR_IF(ops::store_attr_cached(obj, NAME(oparg), v, &code->caches[ip - 1 - code->instructions]) < 0);
  DISPATCH();
}

op_DELETE_ATTR: {
  SAVE_FRAME_STATE();
  Value obj = POP();
  ERROR_IF(del_attr(obj, NAME(oparg)) < 0);
  DISPATCH();
}

op_KW_NAMES:
  kwnames = consts[oparg].as<Tuple>();
  DISPATCH();

op_CALL: {
  size_t total = oparg;
  Value* args = sp - total;
  Value callable = sp[-int64_t(total) - 2];
  if (callable.is_null()) {
    callable = sp[-int64_t(total) - 1];
  } else {
    args--;
    total++;
  }
  // A bound method: unpack it into the method form so the function gets self
  // without allocating.
  if (is_type(callable, &method_type) && callable.as<Method>()->func && sp[-int64_t(oparg) - 2].is_null()) {
    Method* m = callable.as<Method>();
    sp[-int64_t(oparg) - 2] = m->func;
    sp[-int64_t(oparg) - 1] = m->self;
    callable = m->func;
    args = sp - oparg - 1;
    total = oparg + 1;
  }
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  size_t npos = total - nkw;
  Tuple* call_kwnames = kwnames;
  kwnames = nullptr;
  Value* result_slot = sp - oparg - 2;
  if (is_type(callable, &function_type)) {
    Function* func = callable.as<Function>();
    Code* fco = func->code;
    if (!is_generator_code(fco)) {
      SAVE_FRAME_STATE();
      if (!enter_recursion()) goto error;
      Frame* nf = push_frame(t, fco);
      if (!nf) {
        leave_recursion();
        goto error;
      }
      init_frame(nf, fco, func, func->globals, func->builtins, Value());
      if (!(call_kwnames == nullptr && bind_simple(func, nf, args, npos)) &&
          !bind_arguments(func, nf, args, npos, call_kwnames)) {
        pop_frame(t, nf);
        leave_recursion();
        goto error;
      }
      // The caller resumes with the call operands popped; the result is pushed there.
      frame->sp = result_slot;
      frame->ip = ip;
      nf->prev = frame;
      t->frame = nf;
      frame = nf;
      LOAD_FRAME_STATE();
      CHECK_PENDING();
      DISPATCH();
    }
  }
  SAVE_FRAME_STATE();
  Value r = call(callable, args, npos, call_kwnames);
  sp = result_slot;
  ERROR_IF(!r);
  PUSH(r);
  // A signal raised by the callee (signal.raise_signal, _thread.interrupt_main)
  // is handled right after the call, as CPython's CALL does.
  CHECK_PENDING();
  DISPATCH();
}

op_CALL_FUNCTION_EX: {
  SAVE_FRAME_STATE();
  Value kwargs = (oparg & 1) ? POP() : Value();
  Value args = POP();
  Value callable = POP();
  sp--;  // the NULL
  Value r = ops::call_function_ex(callable, args, kwargs);
  ERROR_IF(!r);
  PUSH(r);
  DISPATCH();
}

op_BINARY_OP: {
  Value b = POP();
  Value a = TOP();
  Value r;
  uint32_t op = oparg & 15;
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (BinaryOp(op)) {
      case BinaryOp::Add: r = int_from_i64(x + y); break;
      case BinaryOp::Sub: r = int_from_i64(x - y); break;
      case BinaryOp::Mul: {
        int64_t p;
        if (!__builtin_mul_overflow(x, y, &p)) r = int_from_i64(p);
        break;
      }
      case BinaryOp::And: r = Value::from_small_int(x & y); break;
      case BinaryOp::Or: r = Value::from_small_int(x | y); break;
      case BinaryOp::Xor: r = Value::from_small_int(x ^ y); break;
      case BinaryOp::FloorDiv:
        if (y > 0) {
          int64_t q = x / y;
          if ((x % y != 0) && (x < 0)) q--;
          r = Value::from_small_int(q);
        }
        break;
      case BinaryOp::Mod:
        if (y > 0) {
          int64_t m = x % y;
          if (m < 0) m += y;
          r = Value::from_small_int(m);
        }
        break;
      default:
        break;
    }
    if (r) {
      SET_TOP(r);
      DISPATCH();
    }
  } else if (a.is_double() && b.is_double()) {
    double x = a.as_double(), y = b.as_double();
    switch (BinaryOp(op)) {
      case BinaryOp::Add: r = Value::from_double(x + y); break;
      case BinaryOp::Sub: r = Value::from_double(x - y); break;
      case BinaryOp::Mul: r = Value::from_double(x * y); break;
      case BinaryOp::TrueDiv:
        if (y != 0) r = Value::from_double(x / y);
        break;
      default:
        break;
    }
    if (r) {
      SET_TOP(r);
      DISPATCH();
    }
  } else if ((a.is_double() && b.is_small_int()) || (a.is_small_int() && b.is_double())) {
    double x = a.is_double() ? a.as_double() : double(a.as_small_int());
    double y = b.is_double() ? b.as_double() : double(b.as_small_int());
    switch (BinaryOp(op)) {
      case BinaryOp::Add: r = Value::from_double(x + y); break;
      case BinaryOp::Sub: r = Value::from_double(x - y); break;
      case BinaryOp::Mul: r = Value::from_double(x * y); break;
      case BinaryOp::TrueDiv:
        if (y != 0) r = Value::from_double(x / y);
        break;
      default:
        break;
    }
    if (r) {
      SET_TOP(r);
      DISPATCH();
    }
  }
  SAVE_FRAME_STATE();
  if (op == uint32_t(BinaryOp::Add) && is_str_exact(a) && is_str_exact(b)) {
    r = Value(str_concat(a.as<Str>(), b.as<Str>()));
  } else {
    r = (oparg & 16) ? inplace_op(a, b, BinaryOp(op)) : binary_op(a, b, BinaryOp(op));
  }
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_COMPARE_OP: {
  Value b = POP();
  Value a = TOP();
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    bool r;
    switch (CompareOp(oparg)) {
      case CompareOp::LT: r = x < y; break;
      case CompareOp::LE: r = x <= y; break;
      case CompareOp::EQ: r = x == y; break;
      case CompareOp::NE: r = x != y; break;
      case CompareOp::GT: r = x > y; break;
      default: r = x >= y; break;
    }
    SET_TOP(Bool(r));
    DISPATCH();
  }
  SAVE_FRAME_STATE();
  Value r = rich_compare(a, b, CompareOp(oparg));
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_IS_OP: {
  Value b = POP();
  Value a = TOP();
  SET_TOP(Bool((a == b) != (oparg != 0)));
  DISPATCH();
}

op_CONTAINS_OP: {
  SAVE_FRAME_STATE();
  Value container = POP();
  Value item = TOP();
  int r = contains(container, item);
  ERROR_IF(r < 0);
  SET_TOP(Bool((r != 0) != (oparg != 0)));
  DISPATCH();
}

op_UNARY_NEGATIVE: {
  Value v = TOP();
  if (v.is_small_int()) {
    SET_TOP(int_from_i64(-v.as_small_int()));
    DISPATCH();
  }
  if (v.is_double()) {
    SET_TOP(Value::from_double(-v.as_double()));
    DISPATCH();
  }
  SAVE_FRAME_STATE();
  Value r = unary_neg(v);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_UNARY_POSITIVE: {
  SAVE_FRAME_STATE();
  Value r = unary_pos(TOP());
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_UNARY_NOT: {
  Value v = TOP();
  if (v == True()) {
    SET_TOP(False());
    DISPATCH();
  }
  if (v == False()) {
    SET_TOP(True());
    DISPATCH();
  }
  SAVE_FRAME_STATE();
  int r = truthy(v);
  ERROR_IF(r < 0);
  SET_TOP(Bool(!r));
  DISPATCH();
}

op_UNARY_INVERT: {
  SAVE_FRAME_STATE();
  Value r = unary_invert(TOP());
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_BINARY_SUBSCR: {
  Value key = POP();
  Value container = TOP();
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (is_list_exact(container)) {
      List* l = container.as<List>();
      if (i < 0) i += list_size(l);
      if (i >= 0) {
        Value v = list_get(l, i);
        if (v) {
          SET_TOP(v);
          DISPATCH();
        }
      }
    } else if (is_tuple_exact(container)) {
      Tuple* tp = container.as<Tuple>();
      if (i < 0) i += tp->size;
      if (i >= 0 && i < tp->size) {
        SET_TOP(tp->items[i]);
        DISPATCH();
      }
    }
  }
  SAVE_FRAME_STATE();
  Value r = get_item(container, key);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_STORE_SUBSCR: {
  SAVE_FRAME_STATE();
  Value key = POP();
  Value container = POP();
  Value v = POP();
  if (key.is_small_int() && is_list_exact(container)) {
    List* l = container.as<List>();
    int64_t i = key.as_small_int();
    if (i < 0) i += list_size(l);
    if (i >= 0 && list_set(l, i, v)) DISPATCH();
  }
  ERROR_IF(set_item(container, key, v) < 0);
  DISPATCH();
}

op_DELETE_SUBSCR: {
  SAVE_FRAME_STATE();
  Value key = POP();
  Value container = POP();
  ERROR_IF(del_item(container, key) < 0);
  DISPATCH();
}

op_BUILD_TUPLE: {
  Tuple* tp = tuple_from_array(sp - oparg, oparg);
  sp -= oparg;
  PUSH(Value(tp));
  DISPATCH();
}

op_BUILD_LIST: {
  List* l = list_from_array(sp - oparg, oparg);
  sp -= oparg;
  PUSH(Value(l));
  DISPATCH();
}

op_BUILD_SET: {
  SAVE_FRAME_STATE();
  Set* s = set_new();
  for (uint32_t i = 0; i < oparg; i++)
    if (set_add(s, sp[int64_t(i) - int64_t(oparg)]) < 0) goto error;
  sp -= oparg;
  PUSH(Value(s));
  DISPATCH();
}

op_BUILD_MAP: {
  SAVE_FRAME_STATE();
  Dict* d = dict_new(oparg);
  Value* base = sp - 2 * oparg;
  for (uint32_t i = 0; i < oparg; i++)
    if (dict_set(d, base[2 * i], base[2 * i + 1]) < 0) goto error;
  sp = base;
  PUSH(Value(d));
  DISPATCH();
}

op_BUILD_CONST_KEY_MAP: {
  SAVE_FRAME_STATE();
  Tuple* keys = POP().as<Tuple>();
  Dict* d = dict_new(oparg);
  Value* base = sp - oparg;
  for (uint32_t i = 0; i < oparg; i++)
    if (dict_set(d, keys->items[i], base[i]) < 0) goto error;
  sp = base;
  PUSH(Value(d));
  DISPATCH();
}

op_BUILD_STRING: {
  StrBuilder b;
  for (uint32_t i = 0; i < oparg; i++) b.append(sp[int64_t(i) - int64_t(oparg)].as<Str>());
  sp -= oparg;
  PUSH(Value(b.finish()));
  DISPATCH();
}

op_BUILD_SLICE: {
  Value step = oparg == 3 ? POP() : None();
  Value stop = POP();
  Value start = TOP();
  SET_TOP(slice_new(start, stop, step));
  DISPATCH();
}

op_LIST_APPEND: {
  Value v = POP();
  list_append(PEEK(oparg).as<List>(), v);
  DISPATCH();
}

op_SET_ADD: {
  SAVE_FRAME_STATE();
  Value v = POP();
  ERROR_IF(set_add(PEEK(oparg).as<Set>(), v) < 0);
  DISPATCH();
}

op_MAP_ADD: {
  SAVE_FRAME_STATE();
  Value v = POP();
  Value k = POP();
  ERROR_IF(dict_set(PEEK(oparg).as<Dict>(), k, v) < 0);
  DISPATCH();
}

op_LIST_EXTEND: {
  SAVE_FRAME_STATE();
  Value iterable = POP();
  ERROR_IF(!ops::list_extend_unpack(PEEK(oparg).as<List>(), iterable));
  DISPATCH();
}

op_SET_UPDATE: {
  SAVE_FRAME_STATE();
  Value iterable = POP();
  ERROR_IF(set_update(PEEK(oparg).as<Set>(), iterable) < 0);
  DISPATCH();
}

op_DICT_UPDATE: {
  SAVE_FRAME_STATE();
  Value mapping = POP();
  ERROR_IF(!ops::dict_update_unpack(PEEK(oparg).as<Dict>(), mapping));
  DISPATCH();
}

op_DICT_MERGE: {
  SAVE_FRAME_STATE();
  Value mapping = POP();
  ERROR_IF(!ops::dict_merge_kwargs(PEEK(oparg).as<Dict>(), mapping, PEEK(oparg + 2)));
  DISPATCH();
}

op_LIST_TO_TUPLE:
  SET_TOP(Value(list_snapshot(TOP().as<List>())));
  DISPATCH();

op_UNPACK_SEQUENCE: {
  SAVE_FRAME_STATE();
  Value seq = POP();
  if (is_tuple_exact(seq) && seq.as<Tuple>()->size == oparg) {
    Tuple* tp = seq.as<Tuple>();
    for (int64_t i = int64_t(oparg) - 1; i >= 0; i--) PUSH(tp->items[i]);
    DISPATCH();
  }
  ERROR_IF(!ops::unpack_iterable(seq, oparg, -1, sp));
  sp += oparg;
  DISPATCH();
}

op_UNPACK_EX: {
  SAVE_FRAME_STATE();
  Value seq = POP();
  uint32_t before = oparg & 0xFF, after = oparg >> 8;
  ERROR_IF(!ops::unpack_iterable(seq, before, int(after), sp));
  sp += before + after + 1;
  DISPATCH();
}

op_JUMP:
  JUMP_TO(oparg);
  DISPATCH();

op_JUMP_BACKWARD:
  JUMP_TO(oparg);
  CHECK_PENDING();
  DISPATCH();

op_POP_JUMP_IF_FALSE: {
  Value v = POP();
  if (v == False()) {
    JUMP_TO(oparg);
  } else if (v != True()) {
    SAVE_FRAME_STATE();
    int r = truthy(v);
    ERROR_IF(r < 0);
    if (!r) JUMP_TO(oparg);
  }
  DISPATCH();
}

op_POP_JUMP_IF_TRUE: {
  Value v = POP();
  if (v == True()) {
    JUMP_TO(oparg);
  } else if (v != False()) {
    SAVE_FRAME_STATE();
    int r = truthy(v);
    ERROR_IF(r < 0);
    if (r) JUMP_TO(oparg);
  }
  DISPATCH();
}

op_POP_JUMP_IF_NONE:
  if (POP() == None()) JUMP_TO(oparg);
  DISPATCH();

op_POP_JUMP_IF_NOT_NONE:
  if (POP() != None()) JUMP_TO(oparg);
  DISPATCH();

op_JUMP_IF_FALSE_OR_POP: {
  SAVE_FRAME_STATE();
  int r = truthy(TOP());
  ERROR_IF(r < 0);
  if (!r) JUMP_TO(oparg);
  else sp--;
  DISPATCH();
}

op_JUMP_IF_TRUE_OR_POP: {
  SAVE_FRAME_STATE();
  int r = truthy(TOP());
  ERROR_IF(r < 0);
  if (r) JUMP_TO(oparg);
  else sp--;
  DISPATCH();
}

op_GET_ITER: {
  SAVE_FRAME_STATE();
  Value it = get_iter(TOP());
  ERROR_IF(!it);
  SET_TOP(it);
  DISPATCH();
}

op_FOR_ITER: {
  Value it = TOP();
  Value v = ops::fast_iter_next(it);
  if (v) {
    PUSH(v);
    DISPATCH();
  }
  SAVE_FRAME_STATE();
  v = iter_next(it);
  if (v) {
    PUSH(v);
    // The iterator may have blocked (a file's lines): park here if an atomic
    // block began meanwhile, before the loop body runs.
    CHECK_PENDING();
    DISPATCH();
  }
  if (error_occurred()) {
    if (!error_matches(&exc::StopIteration)) goto error;
    clear_error();
  }
  sp--;
  JUMP_TO(oparg);
  DISPATCH();
}

op_RETURN_VALUE: {
  retval = POP();
  if (frame->frame_object) frame_object_detach(frame);
  if (frame->flags & kFrameEntry) {
    if (frame->generator) generator_frame_finished(frame);
    else pop_frame(t, frame);
    t->frame = frame->prev;
    return retval;
  }
  // Return to the calling frame on the same C stack.
  Frame* caller = frame->prev;
  pop_frame(t, frame);
  leave_recursion();
  t->frame = caller;
  frame = caller;
  LOAD_FRAME_STATE();
  PUSH(retval);
  DISPATCH();
}

op_RAISE_VARARGS: {
  SAVE_FRAME_STATE();
  Value cause = oparg >= 2 ? POP() : Value();
  Value exc = oparg >= 1 ? POP() : Value();
  if (ops::do_raise(exc, cause)) goto exception_unwind;  // a bare re-raise keeps its traceback
  goto error;
}

op_RERAISE: {
  Value exc = POP();
  // With an operand, the raising instruction's index saved by the handler:
  // if the exception leaves the frame, its line (f_lineno) is that of the
  // original raise, as in CPython.
  if (oparg) {
    Value lasti = PEEK(oparg);
    if (lasti.is_small_int()) reraised_from = code->instructions + lasti.as_small_int() + 1;
  }
  SAVE_FRAME_STATE();
  restore_error(exc);
  goto exception_unwind;
}

op_PUSH_EXC_INFO: {
  Value exc = TOP();
  Value prev = t->exc_info->exc;
  SET_TOP(prev ? prev : None());
  t->exc_info->exc = exc;
  PUSH(exc);
  DISPATCH();
}

op_POP_EXCEPT: {
  Value prev = POP();
  t->exc_info->exc = is_none(prev) ? Value() : prev;
  DISPATCH();
}

op_CHECK_EXC_MATCH: {
  SAVE_FRAME_STATE();
  Value type = POP();
  Value exc = TOP();
  int r = ops::exception_matches(exc, type);
  ERROR_IF(r < 0);
  PUSH(Bool(r));
  DISPATCH();
}

op_CHECK_EG_MATCH: {
  SAVE_FRAME_STATE();
  Value type = POP();
  Value eg = POP();
  Value match, rest;
  ERROR_IF(!ops::exception_group_match(eg, type, &match, &rest));
  PUSH(rest);
  PUSH(match);
  DISPATCH();
}

op_PREP_RERAISE_STAR: {
  SAVE_FRAME_STATE();
  Value raised = POP();
  Value orig = TOP();
  Value r = ops::prep_reraise_star(orig, raised);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_BEFORE_WITH: {
  SAVE_FRAME_STATE();
  Value mgr = TOP();
  Value exit_fn, result;
  ERROR_IF(!ops::enter_context(mgr, false, &exit_fn, &result));
  SET_TOP(exit_fn);
  PUSH(result);
  DISPATCH();
}

op_BEFORE_ASYNC_WITH: {
  SAVE_FRAME_STATE();
  Value mgr = TOP();
  Value exit_fn, result;
  ERROR_IF(!ops::enter_context(mgr, true, &exit_fn, &result));
  SET_TOP(exit_fn);
  PUSH(result);
  DISPATCH();
}

op_WITH_EXCEPT_START: {
  SAVE_FRAME_STATE();
  Value exc = TOP();
  Value exit_fn = PEEK(4);
  Value r = ops::call_exit(exit_fn, exc);
  ERROR_IF(!r);
  PUSH(r);
  DISPATCH();
}

op_LOAD_ASSERTION_ERROR:
  PUSH(Value(&exc::AssertionError));
  DISPATCH();

op_LOAD_BUILD_CLASS: {
  SAVE_FRAME_STATE();
  Value bc = dict_get_str(frame->builtins, names::__build_class__);
  if (!bc) {
    raise(&exc::NameError, "__build_class__ not found");
    goto error;
  }
  PUSH(bc);
  DISPATCH();
}

op_MAKE_FUNCTION: {
  Code* fc = POP().as<Code>();
  Value closure = (oparg & 8) ? POP() : Value();
  Value annotations = (oparg & 4) ? POP() : Value();
  Value kwdefaults = (oparg & 2) ? POP() : Value();
  Value defaults = (oparg & 1) ? POP() : Value();
  SAVE_FRAME_STATE();
  Value f = ops::make_function(fc, frame, defaults, kwdefaults, annotations, closure);
  ERROR_IF(!f);
  PUSH(f);
  DISPATCH();
}

op_IMPORT_NAME: {
  SAVE_FRAME_STATE();
  Value fromlist = POP();
  Value level = TOP();
  Value m = ops::import_name_op(frame, NAME(oparg), fromlist, level);
  ERROR_IF(!m);
  SET_TOP(m);
  DISPATCH();
}

op_IMPORT_FROM: {
  SAVE_FRAME_STATE();
  Value v = ops::import_from(TOP(), NAME(oparg));
  ERROR_IF(!v);
  PUSH(v);
  DISPATCH();
}

op_IMPORT_STAR: {
  SAVE_FRAME_STATE();
  Value m = POP();
  ERROR_IF(!ops::import_star(frame, m));
  DISPATCH();
}

op_SETUP_ANNOTATIONS:
  SAVE_FRAME_STATE();
  ERROR_IF(!ops::setup_annotations(frame));
  DISPATCH();

op_FORMAT_VALUE: {
  SAVE_FRAME_STATE();
  Value spec = (oparg & 4) ? POP() : Value();
  Value v = TOP();
  Value r = ops::format_value(v, oparg & 3, spec);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_PRINT_EXPR: {
  SAVE_FRAME_STATE();
  Value v = POP();
  ERROR_IF(!ops::print_expr(v));
  DISPATCH();
}

op_YIELD_VALUE: {
  retval = POP();
  SAVE_FRAME_STATE();
  generator_frame_yielded(frame);
  t->frame = frame->prev;
  return retval;
}

op_SEND: {
  SAVE_FRAME_STATE();
  Value v = TOP();
  Value sub = PEEK(2);
  bool done = false;
  Value r = ops::send(sub, v, &done);
  ERROR_IF(!r);
  if (done) {
    sp--;
    SET_TOP(r);
    JUMP_TO(oparg);
  } else {
    SET_TOP(r);
  }
  DISPATCH();
}

op_GET_YIELD_FROM_ITER: {
  SAVE_FRAME_STATE();
  Value r = ops::get_yield_from_iter(TOP(), code);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_GET_AWAITABLE: {
  SAVE_FRAME_STATE();
  Value r = ops::get_awaitable(TOP(), int(oparg));
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_GET_AITER: {
  SAVE_FRAME_STATE();
  Value r = ops::get_aiter(TOP());
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_GET_ANEXT: {
  SAVE_FRAME_STATE();
  Value r = ops::get_anext(TOP());
  ERROR_IF(!r);
  PUSH(r);
  DISPATCH();
}

op_END_ASYNC_FOR: {
  Value exc = POP();
  SAVE_FRAME_STATE();
  if (is_instance_of(exc, &exc::StopAsyncIteration)) {
    sp--;
    DISPATCH();
  }
  restore_error(exc);
  goto exception_unwind;
}

op_ASYNC_GEN_WRAP:
  SET_TOP(ops::async_gen_wrap(TOP()));
  DISPATCH();

op_GET_LEN: {
  SAVE_FRAME_STATE();
  int64_t n = length(TOP());
  ERROR_IF(n < 0);
  PUSH(int_from_i64(n));
  DISPATCH();
}

op_MATCH_MAPPING: {
  Value r = Bool(type_of(TOP())->flags & kTypeMapping);
  PUSH(r);
  DISPATCH();
}

op_MATCH_SEQUENCE: {
  Value r = Bool(type_of(TOP())->flags & kTypeSequence);
  PUSH(r);
  DISPATCH();
}

op_MATCH_KEYS: {
  SAVE_FRAME_STATE();
  Value r = ops::match_keys(PEEK(2), TOP());
  ERROR_IF(!r);
  PUSH(r);
  DISPATCH();
}

op_MATCH_CLASS: {
  SAVE_FRAME_STATE();
  Value names_tuple = POP();
  Value cls = POP();
  Value r = ops::match_class(TOP(), cls, oparg, names_tuple);
  ERROR_IF(!r);
  SET_TOP(r);
  DISPATCH();
}

op_LOAD_LOCALS:
  if (!frame->locals) {
    SAVE_FRAME_STATE();
    raise(&exc::SystemError, "no locals found");
    goto error;
  }
  PUSH(frame->locals);
  DISPATCH();

error:
  // An exception is pending: record this frame in its traceback, then unwind.
  {
    Value exc = t->exception;
    int index = int(ip - code->instructions) - 1;
    exception_add_traceback(exc, frame_object(frame), index, code_line_for(code, index));
  }
exception_unwind: {
  kwnames = nullptr;
  int index = int(ip - code->instructions) - 1;
  if (index < 0) index = 0;
  const ExceptionTableEntry* h = find_handler(code, uint32_t(index));
  const uint32_t* exit_ip = reraised_from ? reraised_from : ip;
  reraised_from = nullptr;
  if (h) {
    Value exc = fetch_error();
    sp = frame->stack_base() + h->depth;
    // The frame's last instruction: the original raise for a RERAISE (CPython's f_lasti).
    if (h->push_lasti) PUSH(Value::from_small_int(std::max<int64_t>(0, exit_ip - code->instructions - 1)));
    PUSH(exc);
    JUMP_TO(h->handler);
    DISPATCH();
  }
  // No handler here: the frame exits with the exception.
  frame->ip = exit_ip;
  if (frame->frame_object) frame_object_detach(frame);
  if (frame->flags & kFrameEntry) {
    if (frame->generator) generator_frame_finished(frame);
    else pop_frame(t, frame);
    t->frame = frame->prev;
    return Value();
  }
  Frame* caller = frame->prev;
  pop_frame(t, frame);
  leave_recursion();
  t->frame = caller;
  frame = caller;
  LOAD_FRAME_STATE();
  goto error;
}
#undef LOAD_FRAME_STATE
#undef SAVE_FRAME_STATE
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef SET_TOP
#undef NAME
#undef JUMP_TO
#undef ERROR_IF
#undef CHECK_PENDING
}

}  // namespace spindle
