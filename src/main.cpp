// The spindle command: python3.11's command line.
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/parser.h"
#include "vm/code.h"
#include "vm/interp.h"
#include "vm/runtime.h"

using namespace spindle;

namespace {

constexpr const char* kVersion = "Spindle 0.1.0 (Python 3.11.2)";

const char* kUsage =
    "usage: spindle [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-O     : remove assert and __debug__-dependent statements\n"
    "-OO    : do -O changes and also discard docstrings\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-i     : inspect interactively after running script\n"
    "-B     : don't write code cache files on import\n"
    "-s, -S, -b, -d, -v, -x : accepted for compatibility\n"
    "-W arg : warning control\n"
    "-X opt : set implementation-specific option (-X gcstats prints collector statistics at exit)\n"
    "-V     : print the version number and exit (also --version)\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

bool read_all(std::istream& in, std::string* out) {
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string dirname_of(const std::string& path) {
  char resolved[PATH_MAX];
  std::string p = realpath(path.c_str(), resolved) ? std::string(resolved) : path;
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return p.substr(0, slash);
}

// Runs a code object as __main__ and converts the outcome to an exit status.
int run_code_as_main(Code* code, Value filename) {
  if (!code) return handle_uncaught(fetch_error());
  Value r = run_main_code(code, filename);
  if (!r) return handle_uncaught(fetch_error());
  return 0;
}

// --dump-ast: prints ast.dump(parse(FILE), include_attributes=...) for each
// file, or "<ErrorType>: <msg> (<lineno>:<offset>-<end_lineno>:<end_offset>)"
// when it does not parse; with several files each result follows "### FILE".
// The parser's differential tests (tests/parser) compare this with CPython.
int dump_ast_files(int nfiles, char** files, bool attrs, parser::Mode mode, unsigned flags) {
  int status = 0;
  for (int k = 0; k < nfiles; k++) {
    if (nfiles > 1) std::printf("### %s\n", files[k]);
    std::ifstream in(files[k], std::ios::binary);
    if (!in) {
      std::printf("OSError: cannot read %s\n", files[k]);
      status = 1;
      continue;
    }
    std::string src;
    read_all(in, &src);
    Value fn(str_from_utf8_surrogateescape(files[k], std::strlen(files[k])));
    ast::Mod* mod = parser::parse(src.data(), src.size(), fn, mode, flags);
    if (!mod) {
      Value e = fetch_error();
      auto num = [&](const char* attr) {
        Value v = lookup_attr(e, intern_cstr(attr));
        clear_error();
        return v && v.is_small_int() ? std::to_string(v.as_small_int()) : std::string("None");
      };
      Value msg = lookup_attr(e, intern_cstr("msg"));
      clear_error();
      std::printf("%s: %s (%s:%s-%s:%s)\n", type_name(e), msg ? cstr(msg).c_str() : "?", num("lineno").c_str(),
                  num("offset").c_str(), num("end_lineno").c_str(), num("end_offset").c_str());
      status = 1;
      continue;
    }
    std::printf("%s\n", parser::dump(mod, attrs).c_str());
  }
  return status;
}

bool dump_bytecode = false;

int run_source(const std::string& src, const std::string& filename, bool set_file) {
  Value fn(str_from_utf8_surrogateescape(filename.data(), filename.size()));
  Code* code = compile_source(src.data(), src.size(), fn, parser::Mode::Exec);
  if (code && dump_bytecode) std::fprintf(stderr, "%s", disassemble(code).c_str());
  return run_code_as_main(code, set_file ? fn : Value());
}

// -m: finds the module's source through sys.path and runs it as __main__.
int run_module(const std::string& name) {
  new_main_module();  // runpy replaces it, as with CPython's initial __main__
  Value runpy = import_module_cstr("runpy");
  if (!runpy) return handle_uncaught(fetch_error());
  Value f = get_attr_cstr(runpy, "_run_module_as_main");
  if (!f) return handle_uncaught(fetch_error());
  Value args[2] = {Value(str_from_utf8(name)), True()};
  Value r = call(f, args, 2);
  if (!r) return handle_uncaught(fetch_error());
  return 0;
}

int run_repl(bool quiet) {
  if (!quiet) std::fprintf(stderr, "%s\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n", kVersion);
  Module* main = new_main_module();
  std::string buffer;
  for (;;) {
    flush_std_streams();
    std::fputs(buffer.empty() ? ">>> " : "... ", stderr);
    std::fflush(stderr);
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::fputs("\n", stderr);
      return 0;
    }
    buffer += line + "\n";
    Value fn(intern_cstr("<stdin>"));
    ast::Mod* mod = parser::parse(buffer.data(), buffer.size(), fn, parser::Mode::Single, parser::kAllowIncomplete);
    if (!mod) {
      if (parser::last_error_was_incomplete() && !line.empty()) {
        clear_error();
        continue;
      }
      print_exception(fetch_error());
      buffer.clear();
      continue;
    }
    // A compound statement waits for an empty line.
    bool compound = buffer.find(':') != std::string::npos && !line.empty() &&
                    (line.back() == ':' || line.front() == ' ' || line.front() == '\t');
    if (compound) continue;
    buffer.clear();
    Code* code = compile_ast(mod, fn, parser::Mode::Single, 0, 0);
    if (!code) {
      print_exception(fetch_error());
      continue;
    }
    Value r = eval_code(code, main->dict, Value());
    if (!r) {
      Value e = fetch_error();
      if (is_instance_of(e, &exc::SystemExit)) return handle_uncaught(e);
      handle_uncaught(e);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  RuntimeConfig cfg;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  cfg.executable = n > 0 ? std::string(exe, size_t(n)) : argv[0];
  for (int i = 0; i < argc; i++) cfg.orig_argv.push_back(argv[i]);

  enum class Mode { Script, Command, ModuleRun, Stdin, DumpAst } mode = Mode::Stdin;
  std::string target;
  bool dump_attrs = true;
  parser::Mode dump_mode = parser::Mode::Exec;
  unsigned dump_flags = 0;
  int i = 1;
  for (; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--version" || a == "-V" || a == "-VV") {
      std::printf("%s\n", kVersion);
      return 0;
    }
    if (a == "--help" || a == "-h" || a == "-?") {
      std::printf("%s", kUsage);
      return 0;
    }
    if (a == "--dump-ast" || a == "--dump-ast-noattrs") {
      // --dump-ast[-noattrs] [--mode=exec|eval|single|func_type] [--type-comments] FILE...
      dump_attrs = a == "--dump-ast";
      mode = Mode::DumpAst;
      i++;
      if (i < argc && std::strncmp(argv[i], "--mode=", 7) == 0) {
        std::string m = argv[i++] + 7;
        dump_mode = m == "eval" ? parser::Mode::Eval
                    : m == "single" ? parser::Mode::Single
                    : m == "func_type" ? parser::Mode::FuncType
                                       : parser::Mode::Exec;
      }
      if (i < argc && std::strcmp(argv[i], "--type-comments") == 0) {
        dump_flags |= parser::kTypeComments;
        i++;
      }
      if (i >= argc) {
        std::fprintf(stderr, "%s requires a file\n", a.c_str());
        return 2;
      }
      break;
    }
    if (a == "-") {
      mode = Mode::Stdin;
      i++;
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      mode = Mode::Script;
      target = a;
      i++;
      break;
    }
    // Clustered single-letter options: -uq, -c cmd, -Wignore, -Xfoo.
    bool stop = false;
    for (size_t k = 1; k < a.size() && !stop; k++) {
      char o = a[k];
      auto value = [&]() -> std::string {
        if (k + 1 < a.size()) {
          std::string v = a.substr(k + 1);
          k = a.size();
          return v;
        }
        if (i + 1 < argc) return argv[++i];
        std::fprintf(stderr, "Argument expected for the -%c option\n%s", o, kUsage);
        std::exit(2);
      };
      switch (o) {
        case 'c': mode = Mode::Command; target = value(); stop = true; break;
        case 'm': mode = Mode::ModuleRun; target = value(); stop = true; break;
        case 'u': cfg.unbuffered = true; break;
        case 'O': cfg.optimize++; break;
        case 'q': cfg.quiet = true; break;
        case 'E': cfg.ignore_environment = true; break;
        case 'I': cfg.ignore_environment = true; break;
        case 'i': cfg.inspect = true; break;
        case 'X': cfg.xoptions.push_back(value()); break;
        case 'W': cfg.warnoptions.push_back(value()); break;
        case 'B': cfg.dont_write_bytecode = true; break;
        case 's': case 'S': case 'b': case 'd': case 'v': case 'x': case 'R': break;
        default:
          std::fprintf(stderr, "Unknown option: -%c\n%s", o, kUsage);
          return 2;
      }
    }
    if (stop) {
      i++;
      break;
    }
  }

  switch (mode) {
    case Mode::Script:
      cfg.argv.push_back(target);
      cfg.path0 = dirname_of(target);
      break;
    case Mode::Command:
      cfg.argv.push_back("-c");
      cfg.path0 = "";
      break;
    case Mode::ModuleRun:
      cfg.argv.push_back(target);
      {
        char cwd[PATH_MAX];
        cfg.path0 = getcwd(cwd, sizeof cwd) ? cwd : "";
      }
      break;
    case Mode::Stdin:
      cfg.argv.push_back(i <= argc && i > 1 && std::string(argv[i - 1]) == "-" ? "-" : "");
      cfg.path0 = "";
      break;
    case Mode::DumpAst:
      break;
  }
  const int first_arg = i;
  for (; i < argc; i++) cfg.argv.push_back(argv[i]);

  for (const std::string& x : cfg.xoptions)
    if (x == "dis") dump_bytecode = true;
  if (!runtime_init(cfg)) {
    print_exception(fetch_error());
    return 1;
  }

  int status = 0;
  switch (mode) {
    case Mode::DumpAst:
      return dump_ast_files(argc - first_arg, argv + first_arg, dump_attrs, dump_mode, dump_flags);
    case Mode::Script: {
      std::ifstream in(target, std::ios::binary);
      struct stat st;
      if (!in || (stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
        if (in && S_ISDIR(st.st_mode)) {
          std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", cfg.executable.c_str(), target.c_str());
        } else {
          std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", cfg.executable.c_str(), target.c_str(), errno,
                       std::strerror(errno));
        }
        return 2;
      }
      std::string src;
      read_all(in, &src);
      // __main__.__file__ and the code's file name are absolute (cwd joined, as CPython does).
      std::string file = target;
      char cwd[PATH_MAX];
      if (!file.empty() && file[0] != '/' && getcwd(cwd, sizeof cwd)) file = std::string(cwd) + "/" + file;
      status = run_source(src, file, true);
      break;
    }
    case Mode::Command:
      status = run_source(target, "<string>", false);
      break;
    case Mode::ModuleRun:
      status = run_module(target);
      break;
    case Mode::Stdin:
      if (isatty(0)) {
        status = run_repl(cfg.quiet);
      } else {
        std::string src;
        read_all(std::cin, &src);
        status = run_source(src, "<stdin>", false);
      }
      break;
  }
  if (cfg.inspect && mode != Mode::Stdin) status = run_repl(true);
  runtime_finalize();
  exit_process(status);
}
