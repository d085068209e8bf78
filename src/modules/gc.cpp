// The gc module over the tracing collector.
#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

namespace {

Value gc_collect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"collect", {"generation"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (a[0]) {
    int64_t g;
    if (!int_to_i64(a[0], &g)) return Value();
    if (g < 0 || g > 2) return raise(&exc::ValueError, "invalid generation");
  }
  clear_stale_frame_slots();
  gc::collect();
  // Finalizers (__del__, weakref callbacks) of what was found run now.
  Value saved = fetch_error();
  gc::drain_finalizers();
  restore_error(saved);
  // The number of unreachable objects is not tracked by the collector.
  return Value::from_small_int(0);
}

Value gc_enable(Value, const Value*, size_t, Tuple*) {
  gc::enable();
  return None();
}
Value gc_disable(Value, const Value*, size_t, Tuple*) {
  gc::disable();
  return None();
}
Value gc_isenabled(Value, const Value*, size_t, Tuple*) { return Bool(gc::is_enabled()); }

Value gc_get_stats(Value, const Value*, size_t, Tuple*) {
  gc::Stats s = gc::stats();
  List* out = list_new();
  for (int gen = 0; gen < 3; gen++) {
    Dict* d = dict_new();
    dict_set_str(d, intern_cstr("collections"), int_from_u64(gen == 2 ? s.collections : 0));
    dict_set_str(d, intern_cstr("collected"), Value::from_small_int(0));
    dict_set_str(d, intern_cstr("uncollectable"), Value::from_small_int(0));
    if (gen == 2) {
      dict_set_str(d, intern_cstr("heap_bytes"), int_from_u64(s.heap_bytes));
      dict_set_str(d, intern_cstr("free_bytes"), int_from_u64(s.free_bytes));
      dict_set_str(d, intern_cstr("total_pause_ns"), int_from_u64(s.total_pause_ns));
      dict_set_str(d, intern_cstr("max_pause_ns"), int_from_u64(s.max_pause_ns));
    }
    list_append(out, Value(d));
  }
  return Value(out);
}

Value gc_get_count(Value, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({Value::from_small_int(0), Value::from_small_int(0), Value::from_small_int(0)}));
}

Value thresholds[3] = {Value::from_small_int(700), Value::from_small_int(10), Value::from_small_int(10)};

Value gc_get_threshold(Value, const Value*, size_t, Tuple*) {
  return Value(tuple_pack({thresholds[0], thresholds[1], thresholds[2]}));
}

Value gc_set_threshold(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("set_threshold", nargs, 1, 3)) return Value();
  for (size_t i = 0; i < nargs; i++) {
    if (!is_int(args[i])) return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[i]));
    thresholds[i] = args[i];
  }
  return None();
}

Value gc_is_tracked(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("is_tracked", nargs, 1, 1)) return Value();
  // Atoms (ints, floats, strs, None) are never "tracked" in CPython's sense.
  Value v = args[0];
  bool atom = !v.is_object() || is_str(v) || is_none(v) || is_bool(v) || is_type(v, &int_type);
  return Bool(!atom);
}

Value gc_is_finalized(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("is_finalized", nargs, 1, 1)) return Value();
  return False();
}

Value gc_empty_list(Value, const Value*, size_t, Tuple*) { return Value(list_new()); }
Value gc_none(Value, const Value*, size_t, Tuple*) { return None(); }
Value gc_zero(Value, const Value*, size_t, Tuple*) { return Value::from_small_int(0); }

const MethodDef gc_methods[] = {
    {"collect", gc_collect, kMethodStatic, "Run the garbage collector."},
    {"enable", gc_enable, kMethodStatic, "Enable automatic garbage collection."},
    {"disable", gc_disable, kMethodStatic, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, kMethodStatic, "Returns true if automatic garbage collection is enabled."},
    {"get_stats", gc_get_stats, kMethodStatic, "Return a list of dictionaries containing per-generation statistics."},
    {"get_count", gc_get_count, kMethodStatic, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, kMethodStatic, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, kMethodStatic, "Set the collection thresholds."},
    {"is_tracked", gc_is_tracked, kMethodStatic, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, kMethodStatic, "Returns true if the object has been already finalized by the GC."},
    {"get_objects", gc_empty_list, kMethodStatic, "Return a list of objects tracked by the collector (not available: always empty)."},
    {"get_referrers", gc_empty_list, kMethodStatic, "Return the list of objects that directly refer to any of objs (not available: always empty)."},
    {"get_referents", gc_empty_list, kMethodStatic, "Return the list of objects that are directly referred to by objs (not available: always empty)."},
    {"freeze", gc_none, kMethodStatic, "Freeze all current tracked objects (a no-op with a tracing collector)."},
    {"unfreeze", gc_none, kMethodStatic, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_zero, kMethodStatic, "Return the number of objects in the permanent generation."},
    {"get_debug", gc_zero, kMethodStatic, "Get the garbage collection debugging flags."},
    {"set_debug", gc_none, kMethodStatic, "Set the garbage collection debugging flags."},
    {nullptr}};

bool gc_init(Module* m) {
  module_add(m, "garbage", Value(list_new()));
  module_add(m, "callbacks", Value(list_new()));
  module_add(m, "DEBUG_STATS", Value::from_small_int(1));
  module_add(m, "DEBUG_COLLECTABLE", Value::from_small_int(2));
  module_add(m, "DEBUG_UNCOLLECTABLE", Value::from_small_int(4));
  module_add(m, "DEBUG_SAVEALL", Value::from_small_int(32));
  module_add(m, "DEBUG_LEAK", Value::from_small_int(38));
  return true;
}

}  // namespace

extern const ModuleDef gc_module;
const ModuleDef gc_module = {"gc", "This module provides access to the garbage collector for reference cycles.", gc_methods, gc_init};

}  // namespace spindle
