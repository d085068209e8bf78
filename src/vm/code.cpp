// The code type as Python sees it (co_* attributes, co_lines, co_positions).
#include "vm/code.h"

#include <cstdio>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

namespace spindle {

Type code_type;

namespace {

Code* C(Value v) { return v.as<Code>(); }

Value co_name(Value s) { return Value(C(s)->name); }
Value co_qualname(Value s) { return Value(C(s)->qualname); }
Value co_filename(Value s) { return Value(C(s)->filename); }
Value co_firstlineno(Value s) { return int_from_i64(C(s)->firstlineno); }
Value co_argcount(Value s) { return int_from_i64(C(s)->argcount); }
Value co_posonlyargcount(Value s) { return int_from_i64(C(s)->posonlyargcount); }
Value co_kwonlyargcount(Value s) { return int_from_i64(C(s)->kwonlyargcount); }
Value co_nlocals(Value s) { return int_from_i64(C(s)->nlocals); }
Value co_varnames(Value s) { return Value(C(s)->varnames); }
Value co_cellvars(Value s) { return Value(C(s)->cellvars); }
Value co_freevars(Value s) { return Value(C(s)->freevars); }
Value co_names(Value s) { return Value(C(s)->names); }
Value co_consts(Value s) {
  // The docstring (or None) comes first, as in CPython.
  Code* c = C(s);
  Tuple* t = tuple_new(c->consts->size + 1);
  t->items[0] = c->docstring ? c->docstring : None();
  for (int64_t i = 0; i < c->consts->size; i++) t->items[i + 1] = c->consts->items[i];
  return Value(t);
}
Value co_flags(Value s) { return int_from_i64(C(s)->flags & 0x1FFFFFF); }
Value co_stacksize(Value s) { return int_from_i64(C(s)->stacksize); }
Value co_code(Value s) {
  Code* c = C(s);
  return Value(bytes_new(c->instructions, c->num_instructions * sizeof(uint32_t)));
}
Value co_linetable(Value s) { return Value(bytes_empty()); }

const GetSetDef code_getsets[] = {{"co_name", co_name, nullptr, nullptr},
                                  {"co_qualname", co_qualname, nullptr, nullptr},
                                  {"co_filename", co_filename, nullptr, nullptr},
                                  {"co_firstlineno", co_firstlineno, nullptr, nullptr},
                                  {"co_argcount", co_argcount, nullptr, nullptr},
                                  {"co_posonlyargcount", co_posonlyargcount, nullptr, nullptr},
                                  {"co_kwonlyargcount", co_kwonlyargcount, nullptr, nullptr},
                                  {"co_nlocals", co_nlocals, nullptr, nullptr},
                                  {"co_varnames", co_varnames, nullptr, nullptr},
                                  {"co_cellvars", co_cellvars, nullptr, nullptr},
                                  {"co_freevars", co_freevars, nullptr, nullptr},
                                  {"co_names", co_names, nullptr, nullptr},
                                  {"co_consts", co_consts, nullptr, nullptr},
                                  {"co_flags", co_flags, nullptr, nullptr},
                                  {"co_stacksize", co_stacksize, nullptr, nullptr},
                                  {"co_code", co_code, nullptr, nullptr},
                                  {"co_linetable", co_linetable, nullptr, nullptr},
                                  {"co_lnotab", co_linetable, nullptr, nullptr},
                                  {nullptr}};

// co_lines(): (start, end, line) over instruction offsets (two bytes per instruction, as CPython counts).
Value m_co_lines(Value self, const Value*, size_t, Tuple*) {
  Code* c = C(self);
  List* out = list_new();
  uint32_t start = 0;
  for (uint32_t i = 1; i <= c->num_instructions; i++) {
    if (i == c->num_instructions || c->positions[i].line != c->positions[start].line) {
      int32_t line = c->positions[start].line;
      list_append(out, Value(tuple_pack({int_from_i64(start * 2), int_from_i64(i * 2), line > 0 ? int_from_i64(line) : None()})));
      start = i;
    }
  }
  return get_iter(Value(out));
}

Value m_co_positions(Value self, const Value*, size_t, Tuple*) {
  Code* c = C(self);
  List* out = list_new();
  auto opt = [](int32_t v) { return v >= 0 ? int_from_i64(v) : None(); };
  for (uint32_t i = 0; i < c->num_instructions; i++) {
    const Position& p = c->positions[i];
    list_append(out, Value(tuple_pack({p.line > 0 ? int_from_i64(p.line) : None(), p.end_line > 0 ? int_from_i64(p.end_line) : None(),
                                       opt(p.col), opt(p.end_col)})));
  }
  return get_iter(Value(out));
}

Value m_replace(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return raise(&exc::TypeError, "replace() takes no positional arguments");
  Code* c = C(self);
  Code* n = alloc_instance<Code>(&code_type);
  *n = *c;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    Value v = args[i];
    if (str_equals_ascii(k, "co_name") && is_str(v)) n->name = v.as<Str>();
    else if (str_equals_ascii(k, "co_qualname") && is_str(v)) n->qualname = v.as<Str>();
    else if (str_equals_ascii(k, "co_filename") && is_str(v)) n->filename = v.as<Str>();
    else if (str_equals_ascii(k, "co_firstlineno") && v.is_small_int()) n->firstlineno = int32_t(v.as_small_int());
    else if (str_equals_ascii(k, "co_consts") && is_tuple(v) && v.as<Tuple>()->size >= 1) {
      Tuple* t = v.as<Tuple>();
      n->docstring = t->items[0];
      n->consts = tuple_from_array(t->items + 1, t->size - 1);
    } else if (str_equals_ascii(k, "co_names") && is_tuple(v)) n->names = v.as<Tuple>();
    else if (str_equals_ascii(k, "co_flags") && v.is_small_int() &&
             ((uint64_t(v.as_small_int()) ^ c->flags) & ~uint64_t(kCodeIterableCoroutine | kCodeNested | kCodeNoFree)) == 0)
      n->flags = uint32_t(v.as_small_int());  // types.coroutine marks generators awaitable this way
    else return raise(&exc::ValueError, "code.replace(): cannot replace %U on this implementation", k);
  }
  // Inline caches are per code object.
  n->caches = static_cast<std::atomic<void*>*>(gc::alloc(sizeof(void*) * (n->num_instructions ? n->num_instructions : 1)));
  return Value(n);
}

const MethodDef code_methods[] = {{"co_lines", m_co_lines, kMethodInstance, nullptr},
                                  {"co_positions", m_co_positions, kMethodInstance, nullptr},
                                  {"replace", m_replace, kMethodInstance, nullptr},
                                  {nullptr}};

Value code_repr(Value self) {
  Code* c = C(self);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(self.bits()));
  return Value(format_message("<code object %U at %s, file \"%U\", line %d>", c->name, addr, c->filename, c->firstlineno));
}

}  // namespace

void init_code_type() {
  code_type.native_name = "code";
  code_type.instance_size = sizeof(Code);
  code_type.getsets = code_getsets;
  code_type.methods = code_methods;
  code_type.repr = code_repr;
}

}  // namespace spindle
