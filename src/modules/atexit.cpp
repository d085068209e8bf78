// The atexit module: callbacks run at interpreter exit, last registered first.
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

// Entries are (func, args tuple, kwargs dict or None).
List* callbacks;
Mutex callbacks_lock;

List* callback_list() {
  LockGuard guard(callbacks_lock);
  if (!callbacks) callbacks = static_cast<List*>(list_new());
  return callbacks;
}

Value atexit_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&exc::TypeError, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise(&exc::TypeError, "the first argument must be callable");
  Tuple* pos = tuple_from_array(args + 1, int64_t(nargs - 1));
  Value kw = None();
  if (kwnames && kwnames->size) {
    Dict* d = dict_new();
    for (int64_t i = 0; i < kwnames->size; i++) dict_set(d, kwnames->items[i], args[nargs + size_t(i)]);
    kw = Value(d);
  }
  list_append(callback_list(), Value(tuple_pack({args[0], Value(pos), kw})));
  return args[0];
}

Value atexit_unregister(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("unregister", nargs, 1, 1)) return Value();
  List* l = callback_list();
  Tuple* snap = list_snapshot(l);
  List* keep = list_new();
  for (int64_t i = 0; i < snap->size; i++) {
    int eq = equals(snap->items[i].as<Tuple>()->items[0], args[0]);
    if (eq < 0) return Value();
    if (!eq) list_append(keep, snap->items[i]);
  }
  LockGuard guard(l->lock);
  Tuple* k = list_snapshot(keep);
  list_replace_locked(l, k->items, k->size);
  return None();
}

Value atexit_run(Value, const Value*, size_t, Tuple*);

Value atexit_clear(Value, const Value*, size_t, Tuple*) {
  List* l = callback_list();
  LockGuard guard(l->lock);
  list_replace_locked(l, nullptr, 0);
  return None();
}

Value atexit_ncallbacks(Value, const Value*, size_t, Tuple*) { return int_from_i64(list_size(callback_list())); }

const MethodDef atexit_methods[] = {
    {"register", atexit_register, kMethodStatic, "Register a function to be executed upon normal program termination"},
    {"unregister", atexit_unregister, kMethodStatic, "Unregister an exit function which was previously registered"},
    {"_run_exitfuncs", atexit_run, kMethodStatic, "Run all registered exit functions."},
    {"_clear", atexit_clear, kMethodStatic, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, kMethodStatic, "Return the number of registered exit functions."},
    {nullptr}};

}  // namespace

void run_atexit_handlers() {
  List* l = callback_list();
  for (;;) {
    Value entry;
    {
      LockGuard guard(l->lock);
      int64_t n = list_size(l);
      if (n == 0) break;
      entry = list_get(l, n - 1);
      l->size.store(n - 1, std::memory_order_release);
    }
    Tuple* e = entry.as<Tuple>();
    Value kw = e->items[2];
    Value r = call_with_tuple(e->items[0], e->items[1].as<Tuple>(), is_none(kw) ? nullptr : kw.as<Dict>());
    if (!r) {
      Value exc = fetch_error();
      if (!is_instance_of(exc, &exc::SystemExit)) write_unraisable_message(exc, "Exception ignored in atexit callback", e->items[0]);
    }
  }
}

namespace {
Value atexit_run(Value, const Value*, size_t, Tuple*) {
  run_atexit_handlers();
  return None();
}
}  // namespace

extern const ModuleDef atexit_module;
const ModuleDef atexit_module = {"atexit", "allow programmer to define multiple exit functions to be executed\nupon normal program termination.", atexit_methods, nullptr};

}  // namespace spindle
