// Runtime start-up: the collector, the main thread, every built-in type, the
// builtins and sys modules, the native module registry, sys.path, signals.
#include "vm/runtime.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/generic_alias.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/code.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace spindle {

// Type initialisers (each in the file of its type).
void init_type_types();
void init_object_types();
void ready_object_types();
void init_function_types();
void init_descriptor_types();
void init_exception_types();
void ready_exception_types();
void init_tuple_type();
void init_list_type();
void init_dict_type();
void init_set_types();
void init_str_type();
void init_int_types();
void init_float_type();
void init_complex_type();
void init_bytes_types();
void init_range_types();
void init_slice_type();
void init_iter_types();
void init_generic_alias_types();
void init_module_type();
void init_code_type();
void init_frame_type();
void init_generator_types();
void ready_generator_types();
void init_super_type();
void init_builtin_iter_types();
void init_namespace_type();
void init_import_types();
void register_native_modules();

extern Type dict_keys_type, dict_values_type, dict_items_type, dict_keyiterator_type, dict_valueiterator_type,
    dict_itemiterator_type, dict_reversekeyiterator_type, dict_reversevalueiterator_type,
    dict_reverseitemiterator_type, set_iterator_type, str_iterator_type, str_ascii_iterator_type, bytes_iterator_type,
    bytearray_iterator_type, memoryview_iterator_type, enumerate_type,
    zip_type, map_type, filter_type, reversed_type, namespace_type, module_spec_type, source_loader_type,
    builtin_importer_type, frame_type;

namespace {

bool unbuffered = false;
std::atomic<bool> finalizing{false};
bool gc_stats = false;

void add_path(List* path, const std::string& p) { list_append(path, Value(str_from_utf8_surrogateescape(p.data(), p.size()))); }

}  // namespace

bool runtime_unbuffered() { return unbuffered; }
bool runtime_finalizing() { return finalizing.load(std::memory_order_relaxed); }
bool runtime_gc_stats() { return gc_stats; }

bool runtime_init(const RuntimeConfig& cfg) {
  gc::init();
  thread_state_attach(true);
  unbuffered = cfg.unbuffered;
  for (const std::string& x : cfg.xoptions)
    if (x == "gcstats") gc_stats = true;

  init_names();
  init_type_types();
  init_object_types();
  init_function_types();
  init_descriptor_types();
  init_exception_types();
  init_tuple_type();
  init_list_type();
  init_dict_type();
  init_set_types();
  init_str_type();
  init_int_types();
  init_float_type();
  init_complex_type();
  init_bytes_types();
  init_range_types();
  init_slice_type();
  init_iter_types();
  init_generic_alias_types();
  init_module_type();
  init_code_type();
  init_frame_type();
  init_generator_types();
  init_super_type();
  init_builtin_iter_types();
  init_namespace_type();
  init_import_types();

  ready_object_types();
  for (Type* t : {&function_type, &method_type, &cell_type, &builtin_function_type, &method_descriptor_type,
                  &classmethod_descriptor_type, &wrapper_descriptor_type, &method_wrapper_type,
                  &getset_descriptor_type, &member_descriptor_type, &classmethod_type, &staticmethod_type,
                  &property_type, &mappingproxy_type})
    type_ready(t);
  ready_exception_types();
  for (Type* t : {&tuple_type, &tuple_iterator_type, &list_type, &list_iterator_type, &list_reverseiterator_type,
                  &dict_type, &dict_keys_type, &dict_values_type, &dict_items_type, &dict_keyiterator_type,
                  &dict_valueiterator_type, &dict_itemiterator_type, &dict_reversekeyiterator_type,
                  &dict_reversevalueiterator_type, &dict_reverseitemiterator_type, &set_type, &frozenset_type,
                  &set_iterator_type, &str_type, &str_iterator_type, &str_ascii_iterator_type, &int_type, &bool_type, &float_type,
                  &complex_type, &bytes_type, &bytearray_type, &bytes_iterator_type, &bytearray_iterator_type,
                  &memoryview_type, &memoryview_iterator_type, &range_type,
                  &range_iterator_type, &longrange_iterator_type, &slice_type, &seqiter_type,
                  &callable_iterator_type, &generic_alias_type, &union_type, &module_type, &code_type,
                  &frame_type, &super_type, &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type,
                  &namespace_type, &module_spec_type, &source_loader_type, &builtin_importer_type})
    type_ready(t);
  ready_generator_types();

  register_native_modules();
  Module* builtins = create_builtins_module();
  Module* sys = create_sys_module(cfg);
  Dict* modules = dict_get_str(sys->dict, intern_cstr("modules")).as<Dict>();
  dict_set_str(modules, intern_cstr("builtins"), Value(builtins));
  dict_set_str(modules, intern_cstr("sys"), Value(sys));

  List* argv = dict_get_str(sys->dict, intern_cstr("argv")).as<List>();
  for (const std::string& a : cfg.argv) add_path(argv, a);
  List* orig = dict_get_str(sys->dict, intern_cstr("orig_argv")).as<List>();
  for (const std::string& a : cfg.orig_argv) add_path(orig, a);
  Dict* xopts = dict_get_str(sys->dict, intern_cstr("_xoptions")).as<Dict>();
  for (const std::string& x : cfg.xoptions) {
    size_t eq = x.find('=');
    if (eq == std::string::npos) dict_set(xopts, Value(str_from_utf8(x)), True());
    else dict_set(xopts, Value(str_from_utf8(x.substr(0, eq))), Value(str_from_utf8(x.substr(eq + 1))));
  }
  List* warn = dict_get_str(sys->dict, intern_cstr("warnoptions")).as<List>();
  for (const std::string& w : cfg.warnoptions) add_path(warn, w);

  // sys.path: the script's directory, PYTHONPATH, Spindle's lib/, the stdlib.
  List* path = dict_get_str(sys->dict, intern_cstr("path")).as<List>();
  if (cfg.has_path0) add_path(path, cfg.path0);
  if (!cfg.ignore_environment) {
    if (const char* pp = std::getenv("PYTHONPATH"); pp && *pp) {
      std::string s = pp;
      size_t start = 0;
      while (start <= s.size()) {
        size_t colon = s.find(':', start);
        std::string part = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!part.empty()) add_path(path, part);
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    }
  }
  const char* lib = std::getenv("SPINDLE_LIB");
  add_path(path, lib && *lib ? lib : SPINDLE_SOURCE_LIB_DIR);
  const char* stdlib = std::getenv("SPINDLE_STDLIB");
  add_path(path, stdlib && *stdlib ? stdlib : "/usr/lib/python3.11");

  // No SA_RESTART: a blocking read (input(), file reads, sleep) must return
  // EINTR so the pending KeyboardInterrupt is raised without waiting for data.
  struct sigaction action {};
  action.sa_handler = trip_signal;
  action.sa_flags = SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  return !error_occurred();
}

void runtime_finalize() {
  // Non-daemon threads finish before the atexit handlers run, as in CPython.
  if (Value threading = dict_get(sys_modules().as<Dict>(), Value(intern_cstr("threading")))) {
    if (!call_method0(threading, intern_cstr("_shutdown"))) write_unraisable(fetch_error(), threading);
  }
  finalizing.store(true, std::memory_order_relaxed);
  run_atexit_handlers();
  flush_std_streams();
  if (gc_stats) {
    gc::Stats s = gc::stats();
    std::fprintf(stderr,
                 "gcstats: collections=%llu heap=%llu bytes free=%llu bytes total_pause=%.3f ms max_pause=%.3f ms\n",
                 (unsigned long long)s.collections, (unsigned long long)s.heap_bytes,
                 (unsigned long long)s.free_bytes, double(s.total_pause_ns) / 1e6, double(s.max_pause_ns) / 1e6);
  }
}

Module* new_main_module() {
  Module* main = module_new(intern_cstr("__main__"));
  dict_set_str(main->dict, names::__builtins__, Value(builtins_dict));
  dict_set_str(main->dict, names::__annotations__, Value(dict_new()));
  dict_set(sys_modules().as<Dict>(), Value(intern_cstr("__main__")), Value(main));
  return main;
}

Value run_main_code(Code* code, Value filename) {
  Module* main = new_main_module();
  if (filename) dict_set_str(main->dict, names::__file__, filename);
  dict_set_str(main->dict, names::__cached__, None());
  return eval_code(code, main->dict, Value());
}

int handle_uncaught(Value exc) {
  if (is_instance_of(exc, &exc::SystemExit)) {
    Value code = lookup_attr(exc, intern_cstr("code"));
    clear_error();
    if (!code || is_none(code)) return 0;
    if (is_int(code)) {
      int64_t c;
      if (!int_to_i64(code, &c)) {
        clear_error();
        return -1;
      }
      return int(c & 0xFF);
    }
    // Anything else is printed to stderr and the status is 1.
    Value s = to_str(code);
    if (s) {
      Value err = sys_get("stderr");
      if (err && !is_none(err)) {
        call_method1(err, names::write, s);
        call_method1(err, names::write, Value(intern_cstr("\n")));
      }
    }
    clear_error();
    return 1;
  }
  Value hook = sys_get("excepthook");
  if (hook) {
    Value tb = exception_traceback(exc);
    Value args[3] = {Value(type_of(exc)), exc, tb ? tb : None()};
    Value r = call(hook, args, 3);
    if (!r) {
      Value e2 = fetch_error();
      std::fprintf(stderr, "Error in sys.excepthook:\n");
      print_exception(e2);
      std::fprintf(stderr, "\nOriginal exception was:\n");
      print_exception(exc);
    }
  } else {
    print_exception(exc);
  }
  return is_instance_of(exc, &exc::KeyboardInterrupt) ? kExitBySigint : 1;
}

void exit_process(int status) {
  if (status == kExitBySigint) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    status = 128 + SIGINT;
  }
  std::exit(status);
}

}  // namespace spindle
