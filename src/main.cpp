// spindle: the interpreter's command line.
#include <cstdio>
#include <cstring>
#include <string>

#include "gc/gc.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "parser/parser.h"
#include "vm/thread_state.h"

using namespace spindle;

// ---- --dump-ast / --dump-ast-noattrs (parser differential tests) ----------
// `spindle --dump-ast [--mode=exec|eval|single|func_type] [--type-comments] FILE...` prints
// ast.dump(parse(FILE), include_attributes=True) for each file, or
// "<ErrorType>: <msg> (<lineno>:<offset>-<end_lineno>:<end_offset>)" when it
// does not parse. With several files, each result is preceded by "### FILE".
namespace {

bool read_file(const char* path, std::string* out) {
  FILE* f = fopen(path, "rb");
  if (!f) return false;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  fclose(f);
  return true;
}

std::string int_attr(Value exc, const char* name) {
  Value v = get_attr_cstr(exc, name);
  if (v.is_small_int()) return std::to_string(v.as_small_int());
  clear_error();
  return "None";
}

int dump_ast_files(int nfiles, char** files, bool attrs, parser::Mode mode, unsigned flags) {
  int status = 0;
  for (int i = 0; i < nfiles; i++) {
    if (nfiles > 1) printf("### %s\n", files[i]);
    std::string source;
    if (!read_file(files[i], &source)) {
      printf("OSError: cannot read %s\n", files[i]);
      status = 1;
      continue;
    }
    Value filename = Value(str_from_utf8(files[i], strlen(files[i])));
    ast::Mod* mod = parser::parse(source.data(), source.size(), filename, mode, flags);
    if (!mod) {
      Value exc = fetch_error();
      Value msg = get_attr_cstr(exc, "msg");
      printf("%s: %s (%s:%s-%s:%s)\n", type_name(exc), str_to_utf8(msg.as<Str>()).c_str(),
             int_attr(exc, "lineno").c_str(), int_attr(exc, "offset").c_str(), int_attr(exc, "end_lineno").c_str(),
             int_attr(exc, "end_offset").c_str());
      status = 1;
      continue;
    }
    std::string text = parser::dump(mod, attrs);
    fwrite(text.data(), 1, text.size(), stdout);
    fputc('\n', stdout);
  }
  return status;
}

}  // namespace
// ---- end of --dump-ast ------------------------------------------------------

int main(int argc, char** argv) {
  gc::init();
  thread_state_attach(true);
  if (argc >= 3 && (strcmp(argv[1], "--dump-ast") == 0 || strcmp(argv[1], "--dump-ast-noattrs") == 0)) {
    bool attrs = strcmp(argv[1], "--dump-ast") == 0;
    int first = 2;
    parser::Mode mode = parser::Mode::Exec;
    if (strncmp(argv[2], "--mode=", 7) == 0) {
      const char* m = argv[2] + 7;
      mode = strcmp(m, "eval") == 0     ? parser::Mode::Eval
             : strcmp(m, "single") == 0 ? parser::Mode::Single
             : strcmp(m, "func_type") == 0 ? parser::Mode::FuncType
                                           : parser::Mode::Exec;
      first++;
    }
    unsigned flags = 0;
    if (first < argc && strcmp(argv[first], "--type-comments") == 0) {
      flags |= parser::kTypeComments;
      first++;
    }
    return dump_ast_files(argc - first, argv + first, attrs, mode, flags);
  }
  fprintf(stderr, "usage: spindle --dump-ast FILE...\n");
  return 2;
}
