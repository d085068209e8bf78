// The _contextvars module: ContextVar, Token, Context and copy_context().
//
// A Context's variables live in a dict that is never changed once published:
// ContextVar.set and reset build a new dict and swap the pointer, so copies are
// O(1) snapshots and other threads reading a context through the mapping
// protocol always see a consistent table. Each thread has its own current
// context (ThreadState::context, created empty on first use); a context can be
// entered by only one thread at a time.
#include <cstdio>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

Type context_type, context_var_type, token_type, token_missing_type;
Object token_missing;  // Token.MISSING

struct Context : Object {
  std::atomic<Dict*> vars;
  Context* prev;               // the context that was current before run() entered this one
  std::atomic<bool> entered;
};

struct ContextVar : Object {
  Str* name;
  Value default_value;  // null: none
};

struct Token : Object {
  Context* context;
  ContextVar* var;
  Value old_value;  // &token_missing when the variable was unset
  std::atomic<bool> used;
};

Context* C(Value v) { return v.as<Context>(); }
ContextVar* V(Value v) { return v.as<ContextVar>(); }
Token* T(Value v) { return v.as<Token>(); }

Context* context_new_with(Dict* vars) {
  auto* c = alloc_instance<Context>(&context_type);
  c->vars.store(vars, std::memory_order_release);
  return c;
}

Dict* vars_of(Context* c) { return c->vars.load(std::memory_order_acquire); }

Context* current_context() {
  ThreadState* t = ts();
  if (!t->context) t->context = Value(context_new_with(dict_new()));
  return C(t->context);
}

// Publishes a copy of the context's variables with var set to value (value null: removed).
bool context_store(Context* c, ContextVar* var, Value value) {
  Dict* fresh = dict_copy(vars_of(c));
  if (value ? dict_set(fresh, Value(var), value) < 0 : dict_del(fresh, Value(var)) < 0) return false;
  c->vars.store(fresh, std::memory_order_release);
  return true;
}

std::string address_of(Value v) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(v.bits()));
  return addr;
}

bool check_var_key(Value key) {
  if (is_type(key, &context_var_type)) return true;
  raise(&exc::TypeError, "a ContextVar key was expected, got %R", key);
  return false;
}

// ------------------------------------------------------------------ Context

Value context_new(Type*, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwcount(kwnames)) return raise(&exc::TypeError, "Context() does not accept any arguments");
  return Value(context_new_with(dict_new()));
}

Value context_run(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&exc::TypeError, "run() missing 1 required positional argument");
  Context* c = C(self);
  bool expected = false;
  if (!c->entered.compare_exchange_strong(expected, true))
    return raise(&exc::RuntimeError, "cannot enter context: %R is already entered", self);
  ThreadState* t = ts();
  c->prev = current_context();
  t->context = self;
  Value result = call(args[0], args + 1, nargs - 1, kwnames);
  t->context = Value(c->prev);
  c->prev = nullptr;
  c->entered.store(false);
  return result;
}

Value context_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return Value();
  return Value(context_new_with(vars_of(C(self))));
}

Value context_getitem(Value self, Value key) {
  if (!check_var_key(key)) return Value();
  Value v = dict_get(vars_of(C(self)), key);
  if (!v && !error_occurred()) raise_value(exception_new(&exc::KeyError, tuple_pack({key})));
  return v;
}

Value context_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get", kwnames) || !check_positional("get", nargs, 1, 2)) return Value();
  if (!check_var_key(args[0])) return Value();
  Value v = dict_get(vars_of(C(self)), args[0]);
  if (v || error_occurred()) return v;
  return nargs > 1 ? args[1] : None();
}

int context_contains(Value self, Value key) {
  if (!check_var_key(key)) return -1;
  Value v = dict_get(vars_of(C(self)), key);
  return v ? 1 : (error_occurred() ? -1 : 0);
}

int64_t context_len(Value self) { return dict_size(vars_of(C(self))); }

Value context_iter(Value self) { return get_iter(Value(vars_of(C(self)))); }

Value context_view(Value self, const char* method) {
  return call_method0(Value(vars_of(C(self))), intern_cstr(method));
}
Value context_keys(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  return check_no_args("keys", nargs, kwnames) ? context_view(self, "keys") : Value();
}
Value context_values(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  return check_no_args("values", nargs, kwnames) ? context_view(self, "values") : Value();
}
Value context_items(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  return check_no_args("items", nargs, kwnames) ? context_view(self, "items") : Value();
}

Value context_richcompare(Value a, Value b, CompareOp op) {
  if (!is_type(b, &context_type) || (op != CompareOp::EQ && op != CompareOp::NE)) return NotImplemented();
  int eq = equals(Value(vars_of(C(a))), Value(vars_of(C(b))));
  if (eq < 0) return Value();
  return Bool((op == CompareOp::EQ) == (eq == 1));
}

Value copy_context(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("copy_context", nargs, kwnames)) return Value();
  return Value(context_new_with(vars_of(current_context())));
}

// ------------------------------------------------------------------ ContextVar

Value context_var_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"ContextVar", {"name", "default"}, 0, 0, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!a[0]) return raise(&exc::TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
  if (!is_str(a[0])) return raise(&exc::TypeError, "context variable name must be a str");
  auto* var = alloc_instance<ContextVar>(&context_var_type);
  var->name = a[0].as<Str>();
  var->default_value = a[1];
  return Value(var);
}

Value context_var_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get", kwnames) || !check_positional("get", nargs, 0, 1)) return Value();
  ContextVar* var = V(self);
  Value v = dict_get(vars_of(current_context()), self);
  if (v || error_occurred()) return v;
  if (nargs) return args[0];
  if (var->default_value) return var->default_value;
  return raise_value(exception_new(&exc::LookupError, tuple_pack({self})));
}

Value context_var_set(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set", kwnames) || !check_positional("set", nargs, 1, 1)) return Value();
  Context* c = current_context();
  Value old = dict_get(vars_of(c), self);
  if (!old && error_occurred()) return Value();
  auto* token = alloc_instance<Token>(&token_type);
  token->context = c;
  token->var = V(self);
  token->old_value = old ? old : Value(&token_missing);
  if (!context_store(c, V(self), args[0])) return Value();
  return Value(token);
}

Value context_var_reset(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("reset", kwnames) || !check_positional("reset", nargs, 1, 1)) return Value();
  Value tv = args[0];
  if (!is_type(tv, &token_type)) return raise(&exc::TypeError, "expected an instance of Token, got %R", tv);
  Token* token = T(tv);
  if (token->used.load()) return raise(&exc::RuntimeError, "%R has already been used once", tv);
  if (Value(token->var) != self) return raise(&exc::ValueError, "%R was created by a different ContextVar", tv);
  Context* c = current_context();
  if (token->context != c) return raise(&exc::ValueError, "%R was created in a different Context", tv);
  token->used.store(true);
  bool unset = token->old_value == Value(&token_missing);
  if (unset && !dict_get(vars_of(c), self)) return error_occurred() ? Value() : None();
  if (!context_store(c, V(self), unset ? Value() : token->old_value)) return Value();
  return None();
}

Value context_var_repr(Value self) {
  ContextVar* var = V(self);
  std::string addr = address_of(self);
  if (var->default_value)
    return Value(format_message("<ContextVar name=%R default=%R at %s>", Value(var->name), var->default_value, addr.c_str()));
  return Value(format_message("<ContextVar name=%R at %s>", Value(var->name), addr.c_str()));
}

Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(cls, args[0]);
}

Value context_var_name(Value self) { return Value(V(self)->name); }

// ------------------------------------------------------------------ Token

Value token_new(Type*, const Value*, size_t, Tuple*) {
  return raise(&exc::RuntimeError, "Tokens can only be created by ContextVars");
}

Value token_repr(Value self) {
  Token* t = T(self);
  std::string addr = address_of(self);
  return Value(format_message("<Token%s var=%R at %s>", t->used.load() ? " used" : "", Value(t->var), addr.c_str()));
}

Value token_var(Value self) { return Value(T(self)->var); }
Value token_old_value(Value self) { return T(self)->old_value; }

Value token_missing_repr(Value) { return Value(intern_cstr("<Token.MISSING>")); }

// ------------------------------------------------------------------ tables

const MethodDef context_methods[] = {
    {"run", context_run, kMethodInstance, "Run a callable in this context."},
    {"copy", context_copy, kMethodInstance, "Return a shallow copy of the context object."},
    {"get", context_get, kMethodInstance, "Return the value for `key` if `key` has the value in the context object."},
    {"keys", context_keys, kMethodInstance, "Return a list of all variables in the context object."},
    {"values", context_values, kMethodInstance, "Return a list of all variables' values in the context object."},
    {"items", context_items, kMethodInstance, "Return all variables and their values in the context object."},
    {nullptr}};

const MethodDef context_var_methods[] = {
    {"get", context_var_get, kMethodInstance, "Return a value for the context variable for the current context."},
    {"set", context_var_set, kMethodInstance, "Call to set a new value for the context variable in the current context."},
    {"reset", context_var_reset, kMethodInstance, "Reset the context variable."},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};
const GetSetDef context_var_getsets[] = {{"name", context_var_name, nullptr, nullptr}, {nullptr}};

const MethodDef token_methods[] = {{"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"}, {nullptr}};
const GetSetDef token_getsets[] = {{"var", token_var, nullptr, nullptr},
                                   {"old_value", token_old_value, nullptr, nullptr},
                                   {nullptr}};

const MethodDef contextvars_functions[] = {
    {"copy_context", copy_context, kMethodStatic, nullptr},
    {nullptr}};

bool contextvars_init(Module* m) {
  context_type.native_name = "_contextvars.Context";
  context_type.instance_size = sizeof(Context);
  context_type.new_ = context_new;
  context_type.methods = context_methods;
  context_type.getitem = context_getitem;
  context_type.contains = context_contains;
  context_type.len = context_len;
  context_type.iter = context_iter;
  context_type.richcompare = context_richcompare;
  context_type.flags = kTypeMapping;
  type_ready(&context_type);

  context_var_type.native_name = "_contextvars.ContextVar";
  context_var_type.instance_size = sizeof(ContextVar);
  context_var_type.new_ = context_var_new;
  context_var_type.repr = context_var_repr;
  context_var_type.methods = context_var_methods;
  context_var_type.getsets = context_var_getsets;
  type_ready(&context_var_type);

  token_missing_type.native_name = "Token.MISSING";
  token_missing_type.repr = token_missing_repr;
  type_ready(&token_missing_type);
  token_missing.type = &token_missing_type;

  token_type.native_name = "_contextvars.Token";
  token_type.instance_size = sizeof(Token);
  token_type.new_ = token_new;
  token_type.repr = token_repr;
  token_type.methods = token_methods;
  token_type.getsets = token_getsets;
  type_ready(&token_type);
  dict_set_str(token_type.dict, intern_cstr("MISSING"), Value(&token_missing));

  for (auto [name, type] : {std::pair{"Context", &context_type}, {"ContextVar", &context_var_type}, {"Token", &token_type}})
    if (module_add(m, name, Value(type)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef contextvars_module;
const ModuleDef contextvars_module = {"_contextvars", "Context Variables", contextvars_functions, contextvars_init};

}  // namespace spindle
