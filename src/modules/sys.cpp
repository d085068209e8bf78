// The sys module.

#include <cfloat>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "gc/gc.h"
#include "modules/_io.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/world.h"

namespace spindle {

namespace {

Module* sys_module;

// ------------------------------------------------------------------ functions

Value sys_exit(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("exit", kw) || !check_nargs("exit", nargs, 0, 1)) return Value();
  Value e = call(Value(&exc::SystemExit), args, nargs);
  if (!e) return Value();
  return raise_value(e);
}

Value sys_getrecursionlimit(Value, const Value*, size_t, Tuple*) {
  return Value::from_small_int(recursion_limit.load(std::memory_order_relaxed));
}

Value sys_setrecursionlimit(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("setrecursionlimit", nargs, 1, 1)) return Value();
  if (!is_int(args[0])) return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  int64_t n;
  if (!int_to_i64(args[0], &n)) return Value();
  if (n < 1) return raise(&exc::ValueError, "recursion limit must be greater or equal than 1");
  int32_t depth = ts()->depth;
  if (n <= depth)
    return raise(&exc::RecursionError, "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                 (long long)n, depth);
  recursion_limit.store(int32_t(std::min<int64_t>(n, INT32_MAX)), std::memory_order_relaxed);
  return None();
}

Value sys_get_coroutine_origin_tracking_depth(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_coroutine_origin_tracking_depth", nargs, kw)) return Value();
  return Value::from_small_int(coroutine_origin_tracking_depth());
}

Value sys_set_coroutine_origin_tracking_depth(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"set_coroutine_origin_tracking_depth", {"depth"}, 1};
  Value a[1] = {};
  if (!parse_args(spec, args, nargs, kw, a)) return Value();
  int64_t depth;
  if (!index_as_i64(a[0], &depth, &exc::OverflowError)) return Value();
  if (depth < 0) return raise(&exc::ValueError, "depth must be >= 0");
  set_coroutine_origin_tracking_depth(int32_t(std::min<int64_t>(depth, INT32_MAX)));
  return None();
}

Value handled_exception() {
  for (ExcStackItem* item = ts()->exc_info; item; item = item->prev)
    if (item->exc && !is_none(item->exc)) return item->exc;
  return Value();
}

Value sys_exc_info(Value, const Value*, size_t, Tuple*) {
  Value e = handled_exception();
  if (!e) return Value(tuple_pack({None(), None(), None()}));
  Value tb = exception_traceback(e);
  return Value(tuple_pack({Value(type_of(e)), e, tb ? tb : None()}));
}

Value sys_exception(Value, const Value*, size_t, Tuple*) {
  Value e = handled_exception();
  return e ? e : None();
}

Value sys_getframe(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_getframe", nargs, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs && !int_to_i64(args[0], &depth)) return Value();
  return get_frame_object(int(depth));
}

// Every thread's innermost frame, by thread ident. The other threads are
// stopped (an atomic block) so that their frame chains hold still.
Value sys_current_frames(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_current_frames", nargs, kwnames)) return Value();
  atomic_block_enter();
  std::vector<std::pair<uint64_t, Frame*>> frames;  // frames live on the scanned frame stacks
  for_each_thread_state(
      [](ThreadState* t, void* out) {
        if (t->frame) static_cast<std::vector<std::pair<uint64_t, Frame*>>*>(out)->emplace_back(t->ident, t->frame);
      },
      &frames);
  Dict* result = dict_new();
  bool ok = true;
  for (auto& [ident, frame] : frames) {
    Value fo = frame_object(frame);
    if (!fo || dict_set(result, int_from_u64(ident), fo) < 0) {
      ok = false;
      break;
    }
  }
  atomic_block_exit();
  return ok ? Value(result) : Value();
}

Value sys_intern(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("intern", nargs, 1, 1)) return Value();
  if (!is_str_exact(args[0])) return raise(&exc::TypeError, "intern() argument must be str, not %s", type_name(args[0]));
  return Value(intern(args[0].as<Str>()));
}

Value sys_getsizeof(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("getsizeof", nargs, 1, 2)) return Value();
  Value m = lookup_special(args[0], names::__sizeof__);
  if (!m) {
    if (nargs == 2) {
      clear_error();
      return args[1];
    }
    if (!error_occurred()) raise(&exc::TypeError, "Type %s doesn't define __sizeof__", type_name(args[0]));
    return Value();
  }
  Value r = call0(m);
  if (!r) return Value();
  if (!is_int(r)) return raise(&exc::TypeError, "an integer is required");
  if (int_sign(r) < 0) return raise(&exc::ValueError, "__sizeof__() should return >= 0");
  return int_add(r, Value::from_small_int(16));
}

Value sys_getrefcount(Value, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("getrefcount", nargs, 1, 1)) return Value();
  // No reference counts here: a constant that reads as "referenced".
  return Value::from_small_int(2);
}

Value trace_fn, profile_fn;

Value sys_settrace(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("settrace", nargs, 1, 1)) return Value();
  trace_fn = is_none(args[0]) ? Value() : args[0];
  return None();
}
Value sys_gettrace(Value, const Value*, size_t, Tuple*) { return trace_fn ? trace_fn : None(); }
Value sys_setprofile(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setprofile", nargs, 1, 1)) return Value();
  profile_fn = is_none(args[0]) ? Value() : args[0];
  return None();
}
Value sys_getprofile(Value, const Value*, size_t, Tuple*) { return profile_fn ? profile_fn : None(); }

Value sys_displayhook(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("displayhook", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (is_none(v)) return None();
  Value builtins_mod = dict_get_str(sys_modules().as<Dict>(), intern_cstr("builtins"));
  if (builtins_mod && set_attr(builtins_mod, intern_cstr("_"), None()) < 0) return Value();
  Value out = sys_get("stdout");
  if (!out || is_none(out)) return raise(&exc::RuntimeError, "lost sys.stdout");
  Value r = repr(v);
  if (!r) return Value();
  if (!call_method1(out, names::write, r)) return Value();
  if (!call_method1(out, names::write, Value(intern_cstr("\n")))) return Value();
  if (builtins_mod && set_attr(builtins_mod, intern_cstr("_"), v) < 0) return Value();
  return None();
}

Value sys_excepthook(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("excepthook", nargs, 3, 3)) return Value();
  print_exception(args[1]);
  return None();
}

Type* unraisable_hook_args_type;

const StructSeqField unraisable_hook_args_fields[] = {{"exc_type", "Exception type"},
                                                      {"exc_value", "Exception value"},
                                                      {"exc_traceback", "Exception traceback"},
                                                      {"err_msg", "Error message"},
                                                      {"object", "Object causing the exception"},
                                                      {nullptr, nullptr}};

Value sys_unraisablehook(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("unraisablehook", nargs, 1, 1)) return Value();
  if (!is_type(args[0], unraisable_hook_args_type))
    return raise(&exc::TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
  Tuple* hook_args = args[0].as<Tuple>();
  print_unraisable(hook_args->items[1], hook_args->items[3], hook_args->items[4]);
  return None();
}

Value sys_getdefaultencoding(Value, const Value*, size_t, Tuple*) { return Value(intern_cstr("utf-8")); }
Value sys_getfilesystemencoding(Value, const Value*, size_t, Tuple*) { return Value(intern_cstr("utf-8")); }
Value sys_getfilesystemencodeerrors(Value, const Value*, size_t, Tuple*) { return Value(intern_cstr("surrogateescape")); }

Value sys_get_int_max_str_digits(Value, const Value*, size_t, Tuple*) {
  return int_from_i64(int_max_str_digits.load());
}

Value sys_set_int_max_str_digits(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"set_int_max_str_digits", {"maxdigits"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t n;
  if (!int_to_i64(a[0], &n)) return Value();
  if (n != 0 && n < 640) return raise(&exc::ValueError, "maxdigits must be 0 or larger than 640");
  int_max_str_digits.store(n);
  return None();
}

Value asyncgen_firstiter, asyncgen_finalizer;

Value sys_set_asyncgen_hooks(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"set_asyncgen_hooks", {"firstiter", "finalizer"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  for (int i = 0; i < 2; i++)
    if (a[i] && !is_none(a[i]) && !is_callable(a[i]))
      return raise(&exc::TypeError, "callable %s expected, got %s", i ? "finalizer" : "firstiter", type_name(a[i]));
  if (a[0]) asyncgen_firstiter = is_none(a[0]) ? Value() : a[0];
  if (a[1]) asyncgen_finalizer = is_none(a[1]) ? Value() : a[1];
  return None();
}

Type* asyncgen_hooks_type;

Value sys_get_asyncgen_hooks(Value, const Value*, size_t, Tuple*) {
  Value v[2] = {asyncgen_firstiter ? asyncgen_firstiter : None(), asyncgen_finalizer ? asyncgen_finalizer : None()};
  return structseq_make(asyncgen_hooks_type, v, 2);
}

Value sys_is_finalizing(Value, const Value*, size_t, Tuple*) { return Bool(runtime_finalizing()); }

Value sys_audit(Value, const Value*, size_t, Tuple*) { return None(); }
Value sys_addaudithook(Value, const Value*, size_t, Tuple*) { return None(); }

Value sys_breakpointhook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value pdb = import_module_cstr("pdb");
  if (!pdb) return Value();
  Value f = get_attr_cstr(pdb, "set_trace");
  if (!f) return Value();
  return call(f, args, nargs, kwnames);
}

Value sys_call_tracing(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("call_tracing", nargs, 2, 2)) return Value();
  if (!is_tuple(args[1])) return raise(&exc::TypeError, "call_tracing(): argument 2 must be tuple");
  return call_with_tuple(args[0], args[1].as<Tuple>(), nullptr);
}

double switch_interval = 0.005;
Value sys_getswitchinterval(Value, const Value*, size_t, Tuple*) { return Value::from_double(switch_interval); }
Value sys_setswitchinterval(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setswitchinterval", nargs, 1, 1)) return Value();
  double d;
  if (!to_double(args[0], &d)) return Value();
  if (d <= 0) return raise(&exc::ValueError, "switch interval must be strictly positive");
  switch_interval = d;
  return None();
}

Value sys_activate_stack_trampoline(Value, const Value*, size_t, Tuple*) { return None(); }

const MethodDef sys_methods[] = {
    {"exit", sys_exit, kMethodStatic, "Exit the interpreter by raising SystemExit(status)."},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, kMethodStatic, nullptr},
    {"getrecursionlimit", sys_getrecursionlimit, kMethodStatic, nullptr},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, kMethodStatic, nullptr},
    {"setrecursionlimit", sys_setrecursionlimit, kMethodStatic, nullptr},
    {"exc_info", sys_exc_info, kMethodStatic, nullptr},
    {"exception", sys_exception, kMethodStatic, nullptr},
    {"_current_frames", sys_current_frames, kMethodStatic, nullptr},
    {"_getframe", sys_getframe, kMethodStatic, nullptr},
    {"intern", sys_intern, kMethodStatic, nullptr},
    {"getsizeof", sys_getsizeof, kMethodStatic, nullptr},
    {"getrefcount", sys_getrefcount, kMethodStatic, nullptr},
    {"settrace", sys_settrace, kMethodStatic, nullptr},
    {"gettrace", sys_gettrace, kMethodStatic, nullptr},
    {"setprofile", sys_setprofile, kMethodStatic, nullptr},
    {"getprofile", sys_getprofile, kMethodStatic, nullptr},
    {"displayhook", sys_displayhook, kMethodStatic, nullptr},
    {"excepthook", sys_excepthook, kMethodStatic, nullptr},
    {"unraisablehook", sys_unraisablehook, kMethodStatic, nullptr},
    {"getdefaultencoding", sys_getdefaultencoding, kMethodStatic, nullptr},
    {"getfilesystemencoding", sys_getfilesystemencoding, kMethodStatic, nullptr},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, kMethodStatic, nullptr},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, kMethodStatic, nullptr},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, kMethodStatic, nullptr},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, kMethodStatic, nullptr},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, kMethodStatic, nullptr},
    {"is_finalizing", sys_is_finalizing, kMethodStatic, nullptr},
    {"audit", sys_audit, kMethodStatic, nullptr},
    {"addaudithook", sys_addaudithook, kMethodStatic, nullptr},
    {"breakpointhook", sys_breakpointhook, kMethodStatic, nullptr},
    {"call_tracing", sys_call_tracing, kMethodStatic, nullptr},
    {"getswitchinterval", sys_getswitchinterval, kMethodStatic, nullptr},
    {"setswitchinterval", sys_setswitchinterval, kMethodStatic, nullptr},
    {"activate_stack_trampoline", sys_activate_stack_trampoline, kMethodStatic, nullptr},
    {nullptr}};

}  // namespace

Value unraisable_hook_args(Value exc, Value err_msg, Value obj) {
  Value tb = is_exception_instance(exc) ? exception_traceback(exc) : Value();
  Value values[5] = {is_none(exc) ? None() : Value(type_of(exc)), exc, tb ? tb : None(), err_msg, obj};
  return structseq_make(unraisable_hook_args_type, values, 5);
}

Value sys_get(const char* name) {
  if (!sys_module) return Value();
  return dict_get_str(sys_module->dict, intern_cstr(name));
}

Value sys_modules() { return sys_module ? dict_get_str(sys_module->dict, intern_cstr("modules")) : Value(); }

Value asyncgen_hook(const char* which) {
  return std::strcmp(which, "firstiter") == 0 ? asyncgen_firstiter : asyncgen_finalizer;
}

void flush_std_streams() {
  // The current streams, then the original ones if sys.stdout/stderr were replaced.
  Value done[2] = {};
  int n = 0;
  for (const char* name : {"stdout", "stderr", "__stdout__", "__stderr__"}) {
    Value s = sys_get(name);
    if (!s || is_none(s) || s == done[0] || s == done[1]) continue;
    if (n < 2) done[n++] = s;
    Value r = call_method0(s, names::flush);
    if (!r) clear_error();
  }
  io_flush_open_files();
}

namespace {

const StructSeqField version_info_fields[] = {{"major", nullptr}, {"minor", nullptr}, {"micro", nullptr},
                                              {"releaselevel", nullptr}, {"serial", nullptr}, {nullptr}};
const StructSeqField flags_fields[] = {
    {"debug", nullptr}, {"inspect", nullptr}, {"interactive", nullptr}, {"optimize", nullptr},
    {"dont_write_bytecode", nullptr}, {"no_user_site", nullptr}, {"no_site", nullptr}, {"ignore_environment", nullptr},
    {"verbose", nullptr}, {"bytes_warning", nullptr}, {"quiet", nullptr}, {"hash_randomization", nullptr},
    {"isolated", nullptr}, {"dev_mode", nullptr}, {"utf8_mode", nullptr}, {"warn_default_encoding", nullptr},
    {"safe_path", nullptr}, {"int_max_str_digits", nullptr}, {nullptr}};
const StructSeqField float_info_fields[] = {{"max", nullptr}, {"max_exp", nullptr}, {"max_10_exp", nullptr},
                                            {"min", nullptr}, {"min_exp", nullptr}, {"min_10_exp", nullptr},
                                            {"dig", nullptr}, {"mant_dig", nullptr}, {"epsilon", nullptr},
                                            {"radix", nullptr}, {"rounds", nullptr}, {nullptr}};
const StructSeqField int_info_fields[] = {{"bits_per_digit", nullptr}, {"sizeof_digit", nullptr},
                                          {"default_max_str_digits", nullptr}, {"str_digits_check_threshold", nullptr},
                                          {nullptr}};
const StructSeqField hash_info_fields[] = {{"width", nullptr}, {"modulus", nullptr}, {"inf", nullptr},
                                           {"nan", nullptr}, {"imag", nullptr}, {"algorithm", nullptr},
                                           {"hash_bits", nullptr}, {"seed_bits", nullptr}, {"cutoff", nullptr},
                                           {nullptr}};
const StructSeqField asyncgen_hooks_fields[] = {{"firstiter", nullptr}, {"finalizer", nullptr}, {nullptr}};
const StructSeqField thread_info_fields[] = {{"name", nullptr}, {"lock", nullptr}, {"version", nullptr}, {nullptr}};

Value S(const char* s) { return Value(intern_cstr(s)); }
Value I(int64_t i) { return int_from_i64(i); }

}  // namespace

Module* create_sys_module(const RuntimeConfig& cfg) {
  static const ModuleDef def = {"sys", "This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.", sys_methods, nullptr};
  Module* m = module_from_def(&def);
  sys_module = m;
  auto add = [&](const char* n, Value v) { module_add(m, n, v); };
  add("modules", Value(dict_new()));
  add("argv", Value(list_new()));
  add("orig_argv", Value(list_new()));
  add("path", Value(list_new()));
  add("meta_path", Value(list_new()));
  add("path_hooks", Value(list_new()));
  add("path_importer_cache", Value(dict_new()));
  add("warnoptions", Value(list_new()));
  add("_xoptions", Value(dict_new()));
  Value in = io_std_stream(0, false, "<stdin>", "strict", cfg.unbuffered);
  Value out = io_std_stream(1, true, "<stdout>", "strict", cfg.unbuffered);
  Value err = io_std_stream(2, true, "<stderr>", "backslashreplace", cfg.unbuffered);
  for (Value* stream : {&in, &out, &err}) {
    if (!*stream) {
      clear_error();
      *stream = None();
    }
  }
  add("stdout", out);
  add("stderr", err);
  add("stdin", in);
  add("__stdout__", out);
  add("__stderr__", err);
  add("__stdin__", in);
  add("__displayhook__", dict_get_str(m->dict, intern_cstr("displayhook")));
  add("__excepthook__", dict_get_str(m->dict, intern_cstr("excepthook")));
  add("__unraisablehook__", dict_get_str(m->dict, intern_cstr("unraisablehook")));
  add("__breakpointhook__", dict_get_str(m->dict, intern_cstr("breakpointhook")));
  add("version", S("3.11.2 (main, Spindle) [GCC]"));
  add("hexversion", I(0x030B02F0));
  add("api_version", I(1013));
  add("copyright", S("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."));
  add("platform", S("linux"));
  add("byteorder", S("little"));
  add("maxsize", I(INT64_MAX));
  add("maxunicode", I(0x10FFFF));
  add("executable", Value(str_from_utf8(cfg.executable.data(), cfg.executable.size())));
  add("_base_executable", Value(str_from_utf8(cfg.executable.data(), cfg.executable.size())));
  add("prefix", S("/usr"));
  add("base_prefix", S("/usr"));
  add("exec_prefix", S("/usr"));
  add("base_exec_prefix", S("/usr"));
  add("platlibdir", S("lib"));
  add("pycache_prefix", None());
  // Read by the code cache before it writes a file.
  const char* no_bytecode_env = cfg.ignore_environment ? nullptr : std::getenv("PYTHONDONTWRITEBYTECODE");
  bool dont_write_bytecode = cfg.dont_write_bytecode || (no_bytecode_env && *no_bytecode_env);
  add("dont_write_bytecode", Bool(dont_write_bytecode));
  add("abiflags", S(""));
  add("float_repr_style", S("short"));
  add("_git", Value(tuple_pack({S("Spindle"), S(""), S("")})));
  add("_framework", S(""));

  Type* vi = structseq_new_type({"sys.version_info", nullptr, version_info_fields, -1});
  Value viv[5] = {I(3), I(11), I(2), S("final"), I(0)};
  add("version_info", structseq_make(vi, viv, 5));

  Type* fl = structseq_new_type({"sys.flags", nullptr, flags_fields, -1});
  Value flv[18] = {I(0), I(0), I(0), I(cfg.optimize), I(dont_write_bytecode), I(1), I(0), I(0), I(0), I(0), I(cfg.quiet), I(1), I(0),
                   False(), I(1), I(0), False(), I(-1)};
  add("flags", structseq_make(fl, flv, 18));

  Type* fi = structseq_new_type({"sys.float_info", nullptr, float_info_fields, -1});
  Value fiv[11] = {Value::from_double(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), Value::from_double(DBL_MIN),
                   I(DBL_MIN_EXP), I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG), Value::from_double(DBL_EPSILON),
                   I(FLT_RADIX), I(1)};
  add("float_info", structseq_make(fi, fiv, 11));

  Type* ii = structseq_new_type({"sys.int_info", nullptr, int_info_fields, -1});
  Value iiv[4] = {I(30), I(4), I(4300), I(640)};
  add("int_info", structseq_make(ii, iiv, 4));

  Type* hi = structseq_new_type({"sys.hash_info", nullptr, hash_info_fields, -1});
  Value hiv[9] = {I(64), I((int64_t(1) << 61) - 1), I(314159), I(0), I(1000003), S("spindle"), I(64), I(64), I(0)};
  add("hash_info", structseq_make(hi, hiv, 9));

  Type* ti = structseq_new_type({"sys.thread_info", nullptr, thread_info_fields, -1});
  Value tiv[3] = {S("pthread"), S("mutex+cond"), None()};
  add("thread_info", structseq_make(ti, tiv, 3));

  unraisable_hook_args_type = structseq_new_type({"UnraisableHookArgs", "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.", unraisable_hook_args_fields, -1});
  asyncgen_hooks_type = structseq_new_type({"asyncgen_hooks", nullptr, asyncgen_hooks_fields, -1});
  add("builtin_module_names", native_module_names());

  Dict* impl = dict_new();
  dict_set_str(impl, names::name, S("spindle"));
  dict_set_str(impl, intern_cstr("cache_tag"), None());
  dict_set_str(impl, intern_cstr("version"), dict_get_str(m->dict, intern_cstr("version_info")));
  dict_set_str(impl, intern_cstr("hexversion"), I(0x030B02F0));
  dict_set_str(impl, intern_cstr("_multiarch"), S("x86_64-linux-gnu"));
  add("implementation", namespace_new(impl));
  return m;
}

}  // namespace spindle
