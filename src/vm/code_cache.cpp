// The code cache (see code_cache.h and docs/ARCHITECTURE.md).
//
// A cache file is: a header naming what the code was compiled from and by
// (magic, bytecode format version, the binary's build id, optimization level,
// the source's size and mtime in ns, its absolute path, the co_filename), the
// payload's size and checksum, then the payload: the module's code object as
// marshal data whose 'c' records hold Spindle's Code layout. A file whose
// header differs from the expected one, or that is short, corrupt or
// unreadable, is ignored: the source is compiled and the file replaced.
// Files are written to a temporary name and renamed into place, so readers in
// other threads and processes see either the old file or the whole new one.
#include "vm/code_cache.h"

#include <fcntl.h>
#include <link.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "compiler/compiler.h"
#include "compiler/opcodes.h"
#include "gc/gc.h"
#include "modules/marshal.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/interp.h"

namespace spindle {

namespace {

// ---------------------------------------------------------------- code objects

// A code object's numeric fields, in the host's byte order (a cache file is
// tied to one binary by its build id anyway). nlocalsplus is derived.
struct CodeFields {
  uint32_t num_instructions, argcount, posonlyargcount, kwonlyargcount, flags, nlocals, ncells, nfrees, stacksize,
      exception_table_size, has_cell2arg;
  int32_t firstlineno;
};
struct PackedHandler {
  uint32_t start, end, handler;
  uint32_t depth_and_lasti;  // depth | push_lasti << 16
};
static_assert(std::is_trivially_copyable_v<Position> && sizeof(Position) == 4 * sizeof(int32_t),
              "positions are stored as raw memory");
// A tripwire for new Code fields, which write_code and read_code must carry.
static_assert(sizeof(void*) != 8 || sizeof(Code) == 176,
              "Code changed: update write_code/read_code, bump kBytecodeFormatVersion, then this size");

bool write_values(MarshalWriter& w, std::initializer_list<Value> values) {
  for (Value v : values)
    if (!marshal_write_value(w, v)) return false;
  return true;
}

bool write_code(MarshalWriter& w, Code* c) {
  CodeFields f{c->num_instructions, c->argcount, c->posonlyargcount, c->kwonlyargcount, c->flags,
               c->nlocals,          c->ncells,   c->nfrees,          c->stacksize,      c->exception_table_size,
               c->cell2arg != nullptr, c->firstlineno};
  marshal_write_bytes(w, &f, sizeof f);
  marshal_write_bytes(w, c->instructions, sizeof(uint32_t) * c->num_instructions);
  marshal_write_bytes(w, c->positions, sizeof(Position) * c->num_instructions);
  for (uint32_t i = 0; i < c->exception_table_size; i++) {
    const ExceptionTableEntry& e = c->exception_table[i];
    PackedHandler h{e.start, e.end, e.handler, uint32_t(e.depth) | uint32_t(e.push_lasti) << 16};
    marshal_write_bytes(w, &h, sizeof h);
  }
  if (c->cell2arg) marshal_write_bytes(w, c->cell2arg, sizeof(int32_t) * c->ncells);
  return write_values(w, {Value(c->consts), Value(c->names), Value(c->varnames), Value(c->cellvars),
                          Value(c->freevars), Value(c->filename), Value(c->name), Value(c->qualname), c->docstring});
}

Code* bad_code() {
  raise(&exc::ValueError, "bad code cache data");
  return nullptr;
}

// Reads n items of T into a new block (atomic: the items hold no pointers),
// allocated once the data is known to be there.
template <typename T>
T* read_array(MarshalReader& r, size_t n) {
  const uint8_t* p = marshal_read_bytes(r, sizeof(T) * n);
  if (!p) return nullptr;
  auto* out = static_cast<T*>(gc::alloc_atomic(sizeof(T) * (n ? n : 1)));
  std::memcpy(out, p, sizeof(T) * n);
  return out;
}

// A tuple of str, or null (then the data is bad).
Tuple* read_names(MarshalReader& r) {
  Value v = marshal_read_value(r);
  if (!v || !is_tuple_exact(v)) return nullptr;
  for (Value item : *v.as<Tuple>())
    if (!is_str_exact(item)) return nullptr;
  return v.as<Tuple>();
}

Str* read_str(MarshalReader& r) {
  Value v = marshal_read_value(r);
  return v && is_str_exact(v) ? v.as<Str>() : nullptr;
}

Code* read_code(MarshalReader& r) {
  const uint8_t* p = marshal_read_bytes(r, sizeof(CodeFields));
  if (!p) return nullptr;
  CodeFields f;
  std::memcpy(&f, p, sizeof f);
  size_t n = f.num_instructions;
  Code* c = alloc_instance<Code>(&code_type);
  uint32_t* instructions = read_array<uint32_t>(r, n);
  Position* positions = instructions ? read_array<Position>(r, n) : nullptr;
  if (!positions) return nullptr;
  for (size_t i = 0; i < n; i++)
    if (instr_op(instructions[i]) >= kNumOpcodes) return bad_code();
  // The data is there before anything is allocated for it.
  const uint8_t* handlers = marshal_read_bytes(r, sizeof(PackedHandler) * size_t(f.exception_table_size));
  if (!handlers) return nullptr;
  auto* table =
      static_cast<ExceptionTableEntry*>(gc::alloc_atomic(sizeof(ExceptionTableEntry) * (size_t(f.exception_table_size) + 1)));
  for (uint32_t i = 0; i < f.exception_table_size; i++) {
    PackedHandler h;
    std::memcpy(&h, handlers + sizeof h * i, sizeof h);
    if (h.start > h.end || h.end > n || h.handler >= n) return bad_code();
    table[i] = ExceptionTableEntry{h.start, h.end, h.handler, uint16_t(h.depth_and_lasti), (h.depth_and_lasti >> 16) != 0};
  }
  if (f.has_cell2arg && !(c->cell2arg = read_array<int32_t>(r, f.ncells))) return nullptr;
  Value consts = marshal_read_value(r);
  if (!consts) return nullptr;
  c->names = read_names(r);
  c->varnames = c->names ? read_names(r) : nullptr;
  c->cellvars = c->varnames ? read_names(r) : nullptr;
  c->freevars = c->cellvars ? read_names(r) : nullptr;
  c->filename = c->freevars ? read_str(r) : nullptr;
  c->name = c->filename ? read_str(r) : nullptr;
  c->qualname = c->name ? read_str(r) : nullptr;
  c->docstring = c->qualname ? marshal_read_value(r) : Value();
  if (!c->docstring) return error_occurred() ? nullptr : bad_code();
  if (!is_tuple_exact(consts) || c->varnames->size != f.nlocals || c->freevars->size != f.nfrees ||
      c->cellvars->size < f.ncells)
    return bad_code();
  c->consts = consts.as<Tuple>();
  c->instructions = instructions;
  c->num_instructions = f.num_instructions;
  c->positions = positions;
  c->exception_table = table;
  c->exception_table_size = f.exception_table_size;
  c->caches = static_cast<std::atomic<void*>*>(gc::alloc(sizeof(void*) * (n ? n : 1)));
  c->argcount = f.argcount;
  c->posonlyargcount = f.posonlyargcount;
  c->kwonlyargcount = f.kwonlyargcount;
  c->flags = f.flags;
  c->nlocals = f.nlocals;
  c->ncells = f.ncells;
  c->nfrees = f.nfrees;
  c->nlocalsplus = f.nlocals + f.ncells + f.nfrees;
  c->stacksize = f.stacksize;
  c->firstlineno = f.firstlineno;
  return c;
}

const MarshalCodeFormat kCodeFormat = {write_code, read_code};

// ---------------------------------------------------------------- files

// Not cryptographic: tells cache files apart and catches damaged ones. Any
// change confined to one 8-byte word always changes the result (each step is
// a bijection of the state).
uint64_t hash_bytes(const void* data, size_t n) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    h = (h ^ word) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  for (; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

void append_u32(std::string& s, uint32_t x) { s.append(reinterpret_cast<const char*>(&x), sizeof x); }
void append_u64(std::string& s, uint64_t x) { s.append(reinterpret_cast<const char*>(&x), sizeof x); }
void append_sized(std::string& s, const std::string& part) {
  append_u32(s, uint32_t(part.size()));
  s += part;
}

// The GNU build id of the binary this code is linked into (empty if it has
// none: then nothing is cached, as a stale entry could not be recognised).
std::string binary_build_id() {
  struct Search {
    uintptr_t address;
    std::string id;
  } search{reinterpret_cast<uintptr_t>(&binary_build_id), {}};
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) -> int {
        auto* s = static_cast<Search*>(data);
        bool contains = false;
        for (int i = 0; i < info->dlpi_phnum; i++) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          uintptr_t start = info->dlpi_addr + ph.p_vaddr;
          if (ph.p_type == PT_LOAD && s->address >= start && s->address < start + ph.p_memsz) contains = true;
        }
        if (!contains) return 0;
        for (int i = 0; i < info->dlpi_phnum; i++) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          size_t align = ph.p_align == 8 ? 8 : 4;
          auto padded = [align](size_t x) { return (x + align - 1) & ~(align - 1); };
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + padded(note->n_namesz);
            if (desc + note->n_descsz > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              s->id.assign(desc, note->n_descsz);
              return 1;
            }
            p = desc + padded(note->n_descsz);
          }
        }
        return 1;
      },
      &search);
  return search.id;
}

std::string home_directory() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  struct passwd pw, *found = nullptr;
  char buf[4096];
  if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &found) == 0 && found && found->pw_dir) return found->pw_dir;
  return "";
}

// Where cache files go: $SPINDLE_CACHE_DIR, else $XDG_CACHE_HOME/spindle,
// else ~/.cache/spindle. dir is empty when caching is off
// (SPINDLE_NO_CODE_CACHE set to anything but "" or "0", or no build id).
struct Settings {
  std::string dir;
  std::string build_id;
};

Settings compute_settings() {
  Settings s;
  const char* off = std::getenv("SPINDLE_NO_CODE_CACHE");
  if (off && *off && std::strcmp(off, "0") != 0) return s;
  s.build_id = binary_build_id();
  if (s.build_id.empty()) return s;
  if (const char* dir = std::getenv("SPINDLE_CACHE_DIR"); dir && *dir) {
    s.dir = dir;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') {
    s.dir = std::string(xdg) + "/spindle";
  } else if (std::string home = home_directory(); !home.empty()) {
    s.dir = home + "/.cache/spindle";
  }
  return s;
}

const Settings& settings() {
  static const Settings s = compute_settings();
  return s;
}

// Creates dir and its missing parents (private, as the XDG spec asks).
bool make_directories(const std::string& dir) {
  if (mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return true;
  if (errno != ENOENT) return false;
  size_t slash = dir.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return false;
  return make_directories(dir.substr(0, slash)) && (mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST);
}

bool write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, data, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    data += k;
    n -= size_t(k);
  }
  return true;
}

// One cache entry: its file and the header it must start with.
struct Entry {
  std::string path;
  std::string header;
};

Entry entry_for(const std::string& source, const struct stat& st, Value filename, int optimize) {
  std::string absolute = source;
  if (absolute.empty() || absolute[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) absolute = std::string(cwd) + "/" + source;
  }
  // The file's stem, with its package for an __init__ (the hash tells files apart; this names them for people).
  size_t slash = absolute.find_last_of('/');
  std::string stem = absolute.substr(slash + 1);
  if (stem.size() > 3 && stem.compare(stem.size() - 3, 3, ".py") == 0) stem.resize(stem.size() - 3);
  if (stem == "__init__" && slash > 0) {
    size_t parent = absolute.find_last_of('/', slash - 1);
    stem = absolute.substr(parent + 1, slash - parent - 1) + "." + stem;
  }
  char name[64];
  std::snprintf(name, sizeof name, ".%016llx.spindle-%u", (unsigned long long)hash_bytes(absolute.data(), absolute.size()),
                kBytecodeFormatVersion);
  Entry e;
  e.path = settings().dir + "/" + stem + name;
  e.header.assign("SPNDLCC\n", 8);
  append_u32(e.header, kBytecodeFormatVersion);
  append_sized(e.header, settings().build_id);
  append_u32(e.header, uint32_t(optimize));
  append_u64(e.header, uint64_t(st.st_size));
  append_u64(e.header, uint64_t(st.st_mtim.tv_sec) * 1000000000ull + uint64_t(st.st_mtim.tv_nsec));
  append_sized(e.header, absolute);
  append_sized(e.header, str_to_utf8(filename.as<Str>()));
  return e;
}

// The code in entry's file, or null (no exception pending) if there is no
// valid one.
Code* read_entry(const Entry& entry) {
  std::string data;
  if (!read_file_bytes(entry.path, &data)) return nullptr;
  size_t fixed = entry.header.size() + 2 * sizeof(uint64_t);
  if (data.size() < fixed || data.compare(0, entry.header.size(), entry.header) != 0) return nullptr;
  uint64_t size, checksum;
  std::memcpy(&size, data.data() + entry.header.size(), sizeof size);
  std::memcpy(&checksum, data.data() + entry.header.size() + sizeof size, sizeof checksum);
  const char* payload = data.data() + fixed;
  if (size != data.size() - fixed || hash_bytes(payload, size) != checksum) return nullptr;
  Code* code = code_from_bytes(reinterpret_cast<const uint8_t*>(payload), size);
  if (!code) clear_error();
  return code;
}

bool writing_disabled() {
  Value flag = sys_get("dont_write_bytecode");
  if (!flag) return false;
  int t = truthy(flag);
  if (t < 0) clear_error();
  return t != 0;
}

// Stores code in entry's file, replacing it whole; silently does nothing when
// that fails (an unwritable directory, a full disk, an unserializable
// constant).
void write_entry(const Entry& entry, Code* code) {
  if (writing_disabled()) return;
  std::string payload;
  if (!code_to_bytes(code, &payload)) {
    clear_error();
    return;
  }
  std::string data = entry.header;
  append_u64(data, payload.size());
  append_u64(data, hash_bytes(payload.data(), payload.size()));
  data += payload;
  if (!make_directories(settings().dir)) return;
  static std::atomic<uint64_t> temp_counter{0};
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, ".%ld.%llu.tmp", long(getpid()),
                (unsigned long long)temp_counter.fetch_add(1, std::memory_order_relaxed));
  std::string temp = entry.path + suffix;
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;
  bool ok = write_all(fd, data.data(), data.size());
  ok = close(fd) == 0 && ok;
  if (!ok || rename(temp.c_str(), entry.path.c_str()) != 0) unlink(temp.c_str());
}

}  // namespace

bool code_to_bytes(Code* code, std::string* out) { return marshal_dump_with_code(Value(code), kCodeFormat, out); }

Code* code_from_bytes(const uint8_t* data, size_t size) {
  Value v = marshal_load_with_code(data, size, kCodeFormat);
  if (!v) return nullptr;
  if (!is_code(v)) return bad_code();
  return v.as<Code>();
}

bool read_file_bytes(const std::string& path, std::string* out) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    errno = EISDIR;
    return false;
  }
  out->clear();
  if (st.st_size > 0) out->reserve(size_t(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t k = read(fd, buf, sizeof buf);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      int err = errno;
      close(fd);
      errno = err;
      return false;
    }
    if (k == 0) break;
    out->append(buf, size_t(k));
  }
  close(fd);
  return true;
}

Code* load_module_code(const std::string& path, Value filename, int optimize) {
  struct stat st;
  bool cached = !settings().dir.empty() && stat(path.c_str(), &st) == 0;
  Entry entry;
  if (cached) {
    entry = entry_for(path, st, filename, optimize);
    if (Code* code = read_entry(entry)) return code;
  }
  std::string source;
  if (!read_file_bytes(path, &source)) {
    raise_os_error(errno ? errno : ENOENT, filename);
    return nullptr;
  }
  Code* code = compile_source(source.data(), source.size(), filename, parser::Mode::Exec, 0, optimize);
  if (code && cached) write_entry(entry, code);
  return code;
}

}  // namespace spindle
