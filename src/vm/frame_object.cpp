#include "vm/frame_object.h"

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace spindle {

Type frame_type;

namespace {

struct FrameObject : Object {
  Frame* live;      // the running frame, null after it exited
  Code* code;
  Dict* globals;
  Dict* builtins;
  Value locals;     // the locals mapping for module/class frames
  Tuple* fast;      // snapshot of the fast locals and cells after exit
  Value back;       // the caller's frame object, captured at exit
  Value trace;      // f_trace
  int32_t lineno;   // line at exit
  int32_t lasti;
  bool trace_lines;
};

FrameObject* fo_of(Value v) { return v.as<FrameObject>(); }

// The f_locals dict of a function frame: one dict per frame object, brought
// up to date from the fast locals and cells on each request (as CPython does,
// so names that exec() stored there stay until overwritten).
Value locals_dict(Code* code, const Value* slots, Value* cached) {
  if (!(code->flags & kCodeOptimized)) return *cached ? *cached : None();
  if (!*cached) *cached = Value(dict_new());
  Dict* d = cached->as<Dict>();
  auto sync = [d](Value name, Value v) {
    if (v) {
      dict_set(d, name, v);
    } else if (dict_get(d, name)) {
      dict_del(d, name);
    }
  };
  auto is_cellvar = [code](Value name) {
    for (int64_t k = 0; k < code->cellvars->size; k++)
      if (code->cellvars->items[k] == name) return true;
    return false;
  };
  for (uint32_t i = 0; i < code->nlocals; i++) {
    Value v = slots[i];
    if (v && is_type(v, &cell_type) && is_cellvar(code->varnames->items[i])) v = v.as<Cell>()->get();  // a parameter that is also a cell
    sync(code->varnames->items[i], v);
  }
  uint32_t slot = code->nlocals;
  for (int64_t k = 0; k < code->cellvars->size; k++) {
    Value name = code->cellvars->items[k];
    bool is_param = false;
    for (uint32_t j = 0; j < code->nlocals; j++)
      if (code->varnames->items[j] == name) is_param = true;
    if (is_param) continue;
    Value c = slots[slot++];
    sync(name, c && is_type(c, &cell_type) ? c.as<Cell>()->get() : Value());
  }
  for (int64_t k = 0; k < code->freevars->size; k++) {
    Value c = slots[slot++];
    sync(code->freevars->items[k], c && is_type(c, &cell_type) ? c.as<Cell>()->get() : Value());
  }
  return *cached;
}

Value fo_get_code(Value self) { return Value(fo_of(self)->code); }
Value fo_get_globals(Value self) { return Value(fo_of(self)->globals); }
Value fo_get_builtins(Value self) { return Value(fo_of(self)->builtins); }
Value fo_get_locals(Value self) {
  FrameObject* fo = fo_of(self);
  if (fo->live) {
    if (!(fo->code->flags & kCodeOptimized)) return fo->live->locals;
    return locals_dict(fo->code, fo->live->localsplus, &fo->locals);
  }
  if (fo->fast) return locals_dict(fo->code, fo->fast->items, &fo->locals);
  return fo->locals ? fo->locals : Value(dict_new());
}
Value fo_get_lineno(Value self) {
  FrameObject* fo = fo_of(self);
  if (fo->live) return Value::from_small_int(frame_current_line(fo->live));
  return Value::from_small_int(fo->lineno);
}
Value fo_get_lasti(Value self) {
  FrameObject* fo = fo_of(self);
  if (fo->live) return Value::from_small_int(int64_t(fo->live->instruction_index()) * 2);
  return Value::from_small_int(int64_t(fo->lasti) * 2);
}
Value fo_get_back(Value self) {
  FrameObject* fo = fo_of(self);
  if (fo->live) {
    Frame* prev = fo->live->prev;
    return prev ? frame_object(prev) : None();
  }
  return fo->back ? fo->back : None();
}
Value fo_get_trace(Value self) {
  Value t = fo_of(self)->trace;
  return t ? t : None();
}
int fo_set_trace(Value self, Value v) {
  fo_of(self)->trace = v && !is_none(v) ? v : Value();
  return 0;
}
Value fo_get_trace_lines(Value self) { return Bool(fo_of(self)->trace_lines); }
int fo_set_trace_lines(Value self, Value v) {
  int t = v ? truthy(v) : 0;
  if (t < 0) return -1;
  fo_of(self)->trace_lines = t;
  return 0;
}
Value fo_get_trace_opcodes(Value self) { return False(); }
int fo_set_trace_opcodes(Value self, Value v) { return 0; }

const GetSetDef fo_getsets[] = {{"f_code", fo_get_code, nullptr, nullptr},
                                {"f_globals", fo_get_globals, nullptr, nullptr},
                                {"f_builtins", fo_get_builtins, nullptr, nullptr},
                                {"f_locals", fo_get_locals, nullptr, nullptr},
                                {"f_lineno", fo_get_lineno, nullptr, nullptr},
                                {"f_lasti", fo_get_lasti, nullptr, nullptr},
                                {"f_back", fo_get_back, nullptr, nullptr},
                                {"f_trace", fo_get_trace, fo_set_trace, nullptr},
                                {"f_trace_lines", fo_get_trace_lines, fo_set_trace_lines, nullptr},
                                {"f_trace_opcodes", fo_get_trace_opcodes, fo_set_trace_opcodes, nullptr},
                                {nullptr}};

Value fo_clear(Value self, const Value*, size_t, Tuple*) {
  FrameObject* fo = fo_of(self);
  if (fo->live) {
    if (fo->live->generator) return raise(&exc::RuntimeError, "cannot clear a suspended frame");
    return raise(&exc::RuntimeError, "cannot clear an executing frame");
  }
  fo->fast = nullptr;
  fo->locals = Value();
  return None();
}

const MethodDef fo_methods[] = {{"clear", fo_clear, kMethodInstance, "F.clear(): clear most references held by the frame"},
                                {nullptr}};

Value fo_repr(Value self) {
  FrameObject* fo = fo_of(self);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  Value line = fo_get_lineno(self);
  return Value(format_message("<frame at %s, file %R, line %S, code %U>", addr, Value(fo->code->filename), line,
                              fo->code->name));
}

}  // namespace

Value frame_object(Frame* f) {
  if (f->frame_object) return f->frame_object;
  auto* fo = alloc_instance<FrameObject>(&frame_type);
  fo->live = f;
  fo->code = f->code;
  fo->globals = f->globals;
  fo->builtins = f->builtins;
  fo->locals = f->locals;
  f->frame_object = Value(fo);
  return Value(fo);
}

void frame_object_detach(Frame* f) {
  FrameObject* fo = fo_of(f->frame_object);
  fo->live = nullptr;
  fo->lasti = f->instruction_index();
  fo->lineno = frame_current_line(f);
  fo->fast = tuple_from_array(f->localsplus, f->code->nlocalsplus);
  if (!(f->code->flags & kCodeOptimized)) fo->locals = f->locals;
  if (f->prev) fo->back = frame_object(f->prev);
  // A generator frame is reused when resumed: it gets a fresh object then.
  f->frame_object = Value();
}

Code* frame_object_code(Value fo) { return fo_of(fo)->code; }
Frame* frame_object_live(Value fo) { return fo_of(fo)->live; }

Value get_frame_object(int depth) {
  Frame* f = ts()->frame;
  while (depth > 0 && f) {
    f = f->prev;
    depth--;
  }
  if (!f) return raise(&exc::ValueError, "call stack is not deep enough");
  return frame_object(f);
}

void init_frame_type() {
  frame_type.native_name = "frame";
  frame_type.instance_size = sizeof(FrameObject);
  frame_type.getsets = fo_getsets;
  frame_type.methods = fo_methods;
  frame_type.repr = fo_repr;
}

}  // namespace spindle
