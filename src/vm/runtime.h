// Process-level start-up and shut-down of the runtime.
#pragma once
#include <string>
#include <vector>

#include "objects/object.h"

namespace spindle {

struct Module;

struct RuntimeConfig {
  std::string executable;
  std::vector<std::string> argv;       // sys.argv
  std::vector<std::string> orig_argv;  // sys.orig_argv
  std::vector<std::string> xoptions;   // -X options
  std::vector<std::string> warnoptions;
  // sys.path[0]: the script's directory, "" for -c/-m/stdin; unset (no entry) when isolated.
  std::string path0;
  bool has_path0 = true;
  int optimize = 0;
  bool unbuffered = false;
  bool quiet = false;
  bool ignore_environment = false;
  bool dont_write_bytecode = false;  // -B (PYTHONDONTWRITEBYTECODE also sets sys.dont_write_bytecode)
  bool inspect = false;
};

// Brings the runtime up on the calling (main) thread. False if it failed (an
// error was printed).
bool runtime_init(const RuntimeConfig& cfg);
// Runs atexit handlers, flushes the standard streams. Returns the exit status
// adjustment (non-zero if an atexit handler raised SystemExit with a code).
void runtime_finalize();

bool runtime_unbuffered();
bool runtime_finalizing();
// Whether -X gcstats was given.
bool runtime_gc_stats();

Module* create_sys_module(const RuntimeConfig& cfg);
Module* create_builtins_module();
void flush_std_streams();

// A fresh, empty __main__ module, registered in sys.modules.
struct Module* new_main_module();
// Runs `code` as the __main__ module. Returns null with the exception pending.
Value run_main_code(struct Code* code, Value filename);
// The process exit status for an exception that reached the top (SystemExit
// or anything else, which is printed through sys.excepthook). An uncaught
// KeyboardInterrupt gives kExitBySigint: the process then ends by SIGINT, as
// CPython's does, so a calling shell sees the interrupt.
int handle_uncaught(Value exc);
inline constexpr int kExitBySigint = 0x1000;
// Ends the process with `status` after runtime_finalize().
[[noreturn]] void exit_process(int status);

}  // namespace spindle
