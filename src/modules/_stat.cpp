// The _stat module: file mode constants and tests (stat.py re-exports them).
#include <sys/stat.h>

#include <string>

#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"

namespace spindle {

namespace {

// A mode argument as mode_t, with CPython's _PyLong_AsMode_t errors.
bool mode_arg(Value v, mode_t* out) {
  if (!is_int(v)) {
    raise(&exc::TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    raise(&exc::OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  uint64_t u;
  if (!int_to_u64(v, &u) || mode_t(u) != u) {
    clear_error();
    raise(&exc::OverflowError, "mode out of range");
    return false;
  }
  *out = mode_t(u);
  return true;
}

template <mode_t Format, const char* Name>
Value is_format(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(Name, kw) || !check_nargs(Name, nargs, 1, 1)) return Value();
  mode_t m;
  if (!mode_arg(args[0], &m)) return Value();
  return Bool(Format != 0 && (m & S_IFMT) == Format);
}

constexpr char kIsDir[] = "_stat.S_ISDIR", kIsChr[] = "_stat.S_ISCHR", kIsBlk[] = "_stat.S_ISBLK",
               kIsReg[] = "_stat.S_ISREG", kIsFifo[] = "_stat.S_ISFIFO", kIsLnk[] = "_stat.S_ISLNK",
               kIsSock[] = "_stat.S_ISSOCK", kIsDoor[] = "_stat.S_ISDOOR", kIsPort[] = "_stat.S_ISPORT",
               kIsWht[] = "_stat.S_ISWHT";

Value stat_imode(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_stat.S_IMODE", kw) || !check_nargs("_stat.S_IMODE", nargs, 1, 1)) return Value();
  mode_t m;
  if (!mode_arg(args[0], &m)) return Value();
  return int_from_i64(m & 07777);
}

Value stat_ifmt(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_stat.S_IFMT", kw) || !check_nargs("_stat.S_IFMT", nargs, 1, 1)) return Value();
  mode_t m;
  if (!mode_arg(args[0], &m)) return Value();
  return int_from_i64(m & S_IFMT);
}

char filetype_char(mode_t m) {
  switch (m & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFBLK: return 'b';
    case S_IFCHR: return 'c';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
  }
}

Value stat_filemode(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_stat.filemode", kw) || !check_nargs("_stat.filemode", nargs, 1, 1)) return Value();
  mode_t m;
  if (!mode_arg(args[0], &m)) return Value();
  // Execute bits combine with setuid/setgid/sticky into s/S and t/T.
  auto exec_char = [&](mode_t exec_bit, mode_t special_bit, char set_exec, char set_noexec) {
    if (m & special_bit) return (m & exec_bit) ? set_exec : set_noexec;
    return (m & exec_bit) ? 'x' : '-';
  };
  std::string s(10, '-');
  s[0] = filetype_char(m);
  s[1] = m & S_IRUSR ? 'r' : '-';
  s[2] = m & S_IWUSR ? 'w' : '-';
  s[3] = exec_char(S_IXUSR, S_ISUID, 's', 'S');
  s[4] = m & S_IRGRP ? 'r' : '-';
  s[5] = m & S_IWGRP ? 'w' : '-';
  s[6] = exec_char(S_IXGRP, S_ISGID, 's', 'S');
  s[7] = m & S_IROTH ? 'r' : '-';
  s[8] = m & S_IWOTH ? 'w' : '-';
  s[9] = exec_char(S_IXOTH, S_ISVTX, 't', 'T');
  return Value(str_from_ascii(s));
}

const MethodDef stat_functions[] = {
    {"S_ISDIR", is_format<S_IFDIR, kIsDir>, kMethodStatic, "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."},
    {"S_ISCHR", is_format<S_IFCHR, kIsChr>, kMethodStatic, "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."},
    {"S_ISBLK", is_format<S_IFBLK, kIsBlk>, kMethodStatic, "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."},
    {"S_ISREG", is_format<S_IFREG, kIsReg>, kMethodStatic, "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."},
    {"S_ISFIFO", is_format<S_IFIFO, kIsFifo>, kMethodStatic, "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."},
    {"S_ISLNK", is_format<S_IFLNK, kIsLnk>, kMethodStatic, "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."},
    {"S_ISSOCK", is_format<S_IFSOCK, kIsSock>, kMethodStatic, "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."},
    {"S_ISDOOR", is_format<0, kIsDoor>, kMethodStatic, "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."},
    {"S_ISPORT", is_format<0, kIsPort>, kMethodStatic, "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."},
    {"S_ISWHT", is_format<0, kIsWht>, kMethodStatic, "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."},
    {"S_IMODE", stat_imode, kMethodStatic, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", stat_ifmt, kMethodStatic, "Return the portion of the file's mode that describes the file type."},
    {"filemode", stat_filemode, kMethodStatic, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {nullptr}};

bool stat_init(Module* m) {
  struct Constant {
    const char* name;
    int64_t value;
  };
  const Constant constants[] = {
      {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
      {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0},
      {"S_IFPORT", 0}, {"S_IFWHT", 0}, {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID},
      {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID}, {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR},
      {"S_IEXEC", S_IXUSR}, {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR},
      {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP},
      {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH},
      {"S_IXOTH", S_IXOTH},
      // BSD file flags (st_flags), defined everywhere as CPython does.
      {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
      {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000}, {"SF_ARCHIVED", 0x10000},
      {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000}, {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
      // Indexes into os.stat_result.
      {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
      {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9}};
  for (const Constant& c : constants)
    if (module_add(m, c.name, int_from_i64(c.value)) < 0) return false;
  return true;
}

}  // namespace

extern const ModuleDef stat_module;
const ModuleDef stat_module = {"_stat",
                               "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: "
                               "block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic "
                               "link\nS_IFSOCK: socket file\n",
                               stat_functions, stat_init};

}  // namespace spindle
