// Reporting exceptions the way CPython's default excepthook does: the chain of
// causes and contexts, each traceback entry with its source line and the
// position carets, the exception line, and its notes.
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_set>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/frame_object.h"
#include "vm/interp.h"

namespace spindle {

Value traceback_frame(Value tb);
Value traceback_next(Value tb);
int traceback_lineno(Value tb);
int traceback_lasti(Value tb);

namespace {

class Writer {
 public:
  void put(std::string_view s) { out_.append(s); }
  void put(Str* s) { out_ += str_to_utf8(s); }
  void flush() {
    Value err = sys_get("stderr");
    if (err && !is_none(err)) {
      Value s(str_from_utf8_surrogateescape(out_.data(), out_.size()));
      Value r = call_method1(err, names::write, s);
      if (r) {
        Value f = call_method0(err, names::flush);
        if (!f) clear_error();
        out_.clear();
        return;
      }
      clear_error();
    }
    std::fwrite(out_.data(), 1, out_.size(), stderr);
    std::fflush(stderr);
    out_.clear();
  }

 private:
  std::string out_;
};

bool read_source_line(const std::string& filename, int lineno, std::string* line) {
  if (lineno <= 0) return false;
  std::ifstream in(filename, std::ios::binary);
  if (!in) return false;
  std::string l;
  for (int i = 1; std::getline(in, l); i++) {
    if (i == lineno) {
      if (!l.empty() && l.back() == '\r') l.pop_back();
      *line = l;
      return true;
    }
  }
  return false;
}

// Byte offsets (UTF-8) to character columns.
int char_column(const std::string& line, int byte_offset) {
  int col = 0;
  for (int i = 0; i < byte_offset && i < int(line.size()); i++)
    if ((uint8_t(line[size_t(i)]) & 0xC0) != 0x80) col++;
  return col;
}

void print_entry(Writer& w, Value tb) {
  Value frame = traceback_frame(tb);
  Code* code = frame_object_code(frame);
  int lineno = traceback_lineno(tb);
  w.put("  File \"");
  w.put(code->filename);
  w.put("\", line ");
  w.put(std::to_string(lineno));
  w.put(", in ");
  w.put(code->name);
  w.put("\n");
  std::string line;
  if (!read_source_line(str_to_utf8(code->filename), lineno, &line)) return;
  size_t start = line.find_first_not_of(" \t\f");
  if (start == std::string::npos) return;
  size_t end = line.find_last_not_of(" \t\f\r\n");
  std::string stripped = line.substr(start, end - start + 1);
  w.put("    ");
  w.put(stripped);
  w.put("\n");
  int lasti = traceback_lasti(tb);
  if (lasti < 0 || uint32_t(lasti) >= code->num_instructions) return;
  const Position& p = code->positions[lasti];
  if (p.line != lineno || p.col < 0 || p.end_col < 0) return;
  // Carets only when the failing expression is on one line and is not the whole line.
  if (p.end_line != p.line) return;
  int col = char_column(line, p.col), end_col = char_column(line, p.end_col);
  int first = char_column(line, int(start)), last = char_column(line, int(end + 1));
  if (col <= first && end_col >= last) return;
  if (end_col <= col) return;
  std::string carets(size_t(col - first) + 4, ' ');
  carets.append(size_t(end_col - col), '^');
  w.put(carets);
  w.put("\n");
}

void print_traceback(Writer& w, Value tb) {
  if (!tb || is_none(tb)) return;
  w.put("Traceback (most recent call last):\n");
  // Repeated identical entries (deep recursion) are collapsed as CPython does.
  std::string last_key;
  int repeat = 0;
  for (Value t = tb; t && !is_none(t); t = traceback_next(t)) {
    Code* code = frame_object_code(traceback_frame(t));
    std::string key = str_to_utf8(code->filename) + ":" + std::to_string(traceback_lineno(t)) + ":" +
                      str_to_utf8(code->name);
    if (key == last_key) {
      repeat++;
      if (repeat >= 3) continue;
    } else {
      if (repeat >= 3) {
        int more = repeat - 2;
        w.put("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n");
      }
      last_key = key;
      repeat = 0;
    }
    print_entry(w, t);
  }
  if (repeat >= 3) {
    int more = repeat - 2;
    w.put("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n");
  }
}

void print_exception_line(Writer& w, Value exc) {
  Type* t = type_of(exc);
  Value mod = dict_get_str(t->dict, names::__module__);
  std::string name;
  if (mod && is_str(mod) && !str_equals_ascii(mod.as<Str>(), "builtins") && !str_equals_ascii(mod.as<Str>(), "__main__"))
    name = str_to_utf8(mod.as<Str>()) + "." + str_to_utf8(t->qualname);
  else if (mod && is_str(mod) && str_equals_ascii(mod.as<Str>(), "__main__"))
    name = "__main__." + str_to_utf8(t->qualname);
  else
    name = str_to_utf8(t->name);
  if (is_instance_of(exc, &exc::SyntaxError)) {
    Value filename = lookup_attr(exc, intern_cstr("filename"));
    Value lineno = lookup_attr(exc, intern_cstr("lineno"));
    Value text = lookup_attr(exc, intern_cstr("text"));
    Value offset = lookup_attr(exc, intern_cstr("offset"));
    Value end_offset = lookup_attr(exc, intern_cstr("end_offset"));
    Value msg = lookup_attr(exc, intern_cstr("msg"));
    clear_error();
    if (filename && is_str(filename) && lineno && !is_none(lineno)) {
      w.put("  File \"");
      w.put(filename.as<Str>());
      w.put("\", line ");
      w.put(cstr(repr(lineno)));
      w.put("\n");
    }
    if (text && is_str(text)) {
      std::string line = str_to_utf8(text.as<Str>());
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
      size_t start = line.find_first_not_of(" \t\f");
      if (start == std::string::npos) start = line.size();
      w.put("    ");
      w.put(line.substr(start));
      w.put("\n");
      int64_t off = 0, end = 0;
      if (offset && offset.is_small_int()) off = offset.as_small_int();
      end = (end_offset && end_offset.is_small_int()) ? end_offset.as_small_int() : off + 1;
      if (off > 0) {
        int64_t lead = int64_t(char_column(line, int(start)));
        int64_t caret_start = off - 1 - lead;
        if (caret_start < 0) caret_start = 0;
        int64_t width = end > off ? end - off : 1;
        w.put(std::string(size_t(4 + caret_start), ' '));
        w.put(std::string(size_t(width), '^'));
        w.put("\n");
      }
    }
    w.put(name);
    if (msg && !is_none(msg)) {
      Value s = to_str(msg);
      if (s) {
        w.put(": ");
        w.put(s.as<Str>());
      } else {
        clear_error();
      }
    }
    w.put("\n");
    return;
  }
  Value s = to_str(exc);
  w.put(name);
  if (!s) {
    clear_error();
    w.put(": <exception str() failed>");
  } else if (s.as<Str>()->length) {
    w.put(": ");
    w.put(s.as<Str>());
  }
  w.put("\n");
  Value notes = lookup_attr(exc, names::__notes__);
  if (!notes) {
    clear_error();
  } else if (is_list(notes) || is_tuple(notes)) {
    Value it = get_iter(notes);
    while (Value n = iter_next(it)) {
      Value ns = is_str(n) ? n : to_str(n);
      if (!ns) {
        clear_error();
        continue;
      }
      w.put(ns.as<Str>());
      w.put("\n");
    }
    clear_error();
  }
}

void print_chain(Writer& w, Value exc, std::unordered_set<uint64_t>& seen) {
  seen.insert(exc.bits());
  auto* e = exc.as<ExceptionObject>();
  if (e->cause && !seen.count(e->cause.bits())) {
    print_chain(w, e->cause, seen);
    w.put("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (e->context && !e->suppress_context && !seen.count(e->context.bits())) {
    print_chain(w, e->context, seen);
    w.put("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  print_traceback(w, e->traceback);
  print_exception_line(w, exc);
}

}  // namespace

void print_exception(Value exc) {
  Writer w;
  if (!is_exception_instance(exc)) {
    w.put("TypeError: print_exception(): Exception expected for value, ");
    w.put(type_name(exc));
    w.put(" found\n");
    w.flush();
    return;
  }
  std::unordered_set<uint64_t> seen;
  print_chain(w, exc, seen);
  w.flush();
}

void write_unraisable_message(Value exc, Str* message) {
  Writer w;
  w.put(message);
  w.put("\n");
  if (is_exception_instance(exc)) {
    print_traceback(w, exc.as<ExceptionObject>()->traceback);
    print_exception_line(w, exc);
  }
  w.flush();
}

void write_unraisable(Value exc, Value obj) {
  Writer w;
  if (obj) {
    Value r = repr(obj);
    w.put("Exception ignored in: ");
    if (r) w.put(r.as<Str>());
    else {
      clear_error();
      w.put("<object repr() failed>");
    }
    w.put("\n");
  }
  if (is_exception_instance(exc)) {
    print_traceback(w, exc.as<ExceptionObject>()->traceback);
    print_exception_line(w, exc);
  }
  w.flush();
}

}  // namespace spindle
