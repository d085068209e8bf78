// Reporting exceptions the way CPython's default excepthook does: the chain of
// causes and contexts, each traceback entry with its source line and the
// position carets, the exception line, and its notes.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_set>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "vm/code.h"
#include "vm/frame_object.h"
#include "vm/interp.h"
#include "vm/suggestions.h"

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

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Finer carets for a one-line expression, as CPython 3.11 draws them: for a
// binary operation the operator gets '^' and its operands '~'; for a subscript
// the brackets and index get '^' and the subscripted value '~'. Parses the
// expression's own source text; the anchors are byte offsets into it.
bool expression_anchors(const std::string& segment, int* left, int* right) {
  ast::Mod* mod = parser::parse(segment.data(), segment.size(), Value(intern_cstr("<traceback>")), parser::Mode::Exec);
  if (!mod) {
    clear_error();
    return false;
  }
  if (mod->body.size != 1 || mod->body[0]->kind != ast::StmtKind::Expr) return false;
  ast::Expr* e = static_cast<ast::ExprStmt*>(mod->body[0])->value;
  if (e->kind == ast::ExprKind::BinOp) {
    auto* b = static_cast<ast::BinOp*>(e);
    for (int i = b->left->pos.end_col_offset; i < b->right->pos.col_offset; i++) {
      if (is_blank(segment[size_t(i)]) || segment[size_t(i)] == '\n') continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < b->right->pos.col_offset && !is_blank(segment[size_t(i) + 1])) ++*right;  // two-character operator
      return true;
    }
    return false;
  }
  if (e->kind == ast::ExprKind::Subscript) {
    auto* sub = static_cast<ast::Subscript*>(e);
    *left = sub->value->pos.end_col_offset;
    *right = sub->slice->pos.end_col_offset + 1;
    return true;
  }
  return false;
}

std::string caret_line(Code* code, int lasti, int lineno, const std::string& line, int indent) {
  if (lasti < 0 || uint32_t(lasti) >= code->num_instructions) return "";
  const Position& p = code->positions[lasti];
  if (p.line != lineno || p.end_line < p.line || p.col < 0 || p.end_col < 0) return "";
  int start = char_column(line, p.col);
  int end;
  int left = -1, right = -1;
  char primary = '^', secondary = '^';
  if (p.end_line == p.line) {
    end = char_column(line, p.end_col);
    if (p.end_col > p.col) {
      std::string segment = line.substr(size_t(p.col), size_t(p.end_col - p.col));
      if (expression_anchors(segment, &left, &right)) {
        left = char_column(segment, left) + start;
        right = char_column(segment, right) + start;
        primary = '~';
      }
    }
  } else {
    // A multi-line expression: highlight to the end of its first line.
    size_t last = line.size();
    while (last > 0 && (is_blank(line[last - 1]) || line[last - 1] == '\n')) last--;
    end = char_column(line, int(last));
  }
  // Nothing to point at when the whole line is the failing expression.
  size_t first_byte = 0;
  while (first_byte < line.size() && is_blank(line[first_byte])) first_byte++;
  size_t last_byte = line.size();
  while (last_byte > first_byte && (is_blank(line[last_byte - 1]) || line[last_byte - 1] == '\n')) last_byte--;
  bool has_anchors = left != -1 || right != -1;
  if (end - start == char_column(line, int(last_byte)) - indent && !has_anchors) return "";
  std::string out(4, ' ');
  for (int offset = indent + 1; offset <= end; offset++) {
    if (offset <= start) out += ' ';
    else if (has_anchors && left < offset && offset <= right) out += secondary;
    else out += primary;
  }
  out += '\n';
  return out;
}

// Prints exceptions as CPython's default excepthook does, including the
// nested, margin-decorated form of exception groups.
class ExceptionPrinter {
 public:
  explicit ExceptionPrinter(Writer& w) : w_(w) {}

  void print_recursive(Value exc) {
    if (!is_exception_instance(exc)) {
      margin();
      w_.put("TypeError: print_exception(): Exception expected for value, ");
      w_.put(type_name(exc));
      w_.put(" found\n");
      return;
    }
    print_cause_and_context(exc);
    if (is_instance_of(exc, &exc::BaseExceptionGroup)) print_group(exc);
    else print_one(exc);
  }

  // Just the traceback and the exception line (no chain): unraisable reports.
  void print_one(Value exc) {
    print_traceback(exc);
    print_syntax_error_location(exc);
    print_message(exc);
    print_notes(exc);
  }

 private:
  static constexpr int kMaxGroupWidth = 15;
  static constexpr int kMaxGroupDepth = 10;

  void indent() { w_.put(std::string(size_t(2 * depth_), ' ')); }
  void margin() {
    indent();
    if (depth_) w_.put("| ");
  }

  void print_cause_and_context(Value exc) {
    seen_.insert(exc.bits());
    auto* e = exc.as<ExceptionObject>();
    if (e->cause && !is_none(e->cause)) {
      if (!seen_.count(e->cause.bits()))
        print_chained(e->cause, "The above exception was the direct cause of the following exception:\n");
      return;
    }
    if (e->suppress_context) return;
    if (e->context && !is_none(e->context) && !seen_.count(e->context.bits()))
      print_chained(e->context, "During handling of the above exception, another exception occurred:\n");
  }

  void print_chained(Value exc, const char* message) {
    print_recursive(exc);
    margin();
    w_.put("\n");
    margin();
    w_.put(message);
    margin();
    w_.put("\n");
  }

  void print_group(Value exc) {
    if (depth_ > kMaxGroupDepth) {
      margin();
      w_.put("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
      return;
    }
    if (depth_ == 0) depth_++;
    print_one(exc);
    Tuple* excs = exception_group_exceptions(exc);
    int64_t num = excs->size;
    int64_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
    need_close_ = false;
    for (int64_t i = 0; i < n; i++) {
      bool last = i == n - 1;
      if (last) need_close_ = true;  // a nested group may close it instead
      indent();
      bool truncated = i >= kMaxGroupWidth;
      w_.put(i == 0 ? "+-" : "  ");
      w_.put(truncated ? std::string("+---------------- ... ----------------\n")
                       : "+---------------- " + std::to_string(i + 1) + " ----------------\n");
      depth_++;
      if (!truncated) {
        print_recursive(excs->items[i]);
      } else {
        int64_t remaining = num - kMaxGroupWidth;
        margin();
        w_.put("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
      }
      if (last && need_close_) {
        indent();
        w_.put("+------------------------------------\n");
        need_close_ = false;
      }
      depth_--;
    }
    if (depth_ == 1) depth_--;
  }

  void print_traceback(Value exc) {
    Value tb = exc.as<ExceptionObject>()->traceback;
    if (!tb || is_none(tb)) return;
    indent();
    bool group = is_instance_of(exc, &exc::BaseExceptionGroup);
    w_.put(group && depth_ == 1 ? "+ " : depth_ ? "| " : "");
    w_.put(group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
    // Repeated identical entries (deep recursion) are collapsed as CPython does.
    std::string last_key;
    int repeat = 0;
    auto report_repeats = [&] {
      if (repeat < 3) return;
      int more = repeat - 2;
      margin();
      w_.put("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n");
    };
    for (Value t = tb; t && !is_none(t); t = traceback_next(t)) {
      Code* code = frame_object_code(traceback_frame(t));
      std::string key = str_to_utf8(code->filename) + ":" + std::to_string(traceback_lineno(t)) + ":" +
                        str_to_utf8(code->name);
      if (key == last_key) {
        repeat++;
        if (repeat >= 3) continue;
      } else {
        report_repeats();
        last_key = key;
        repeat = 0;
      }
      print_entry(t);
    }
    report_repeats();
  }

  void print_entry(Value tb) {
    Code* code = frame_object_code(traceback_frame(tb));
    int lineno = traceback_lineno(tb);
    margin();
    w_.put("  File \"");
    w_.put(code->filename);
    w_.put("\", line ");
    w_.put(std::to_string(lineno));
    w_.put(", in ");
    w_.put(code->name);
    w_.put("\n");
    std::string line;
    if (!read_source_line(str_to_utf8(code->filename), lineno, &line)) return;
    size_t start = line.find_first_not_of(" \t\f");
    if (start == std::string::npos) return;
    size_t end = line.find_last_not_of(" \t\f\r\n");
    margin();
    w_.put("    ");
    w_.put(line.substr(start, end - start + 1));
    w_.put("\n");
    std::string carets = caret_line(code, traceback_lasti(tb), lineno, line, char_column(line, int(start)));
    if (!carets.empty()) {
      margin();
      w_.put(carets);
    }
  }

  // SyntaxError's own location: file, line, the offending text and a caret.
  void print_syntax_error_location(Value exc) {
    if (!is_instance_of(exc, &exc::SyntaxError)) return;
    Value filename = lookup_attr(exc, intern_cstr("filename"));
    Value lineno = lookup_attr(exc, intern_cstr("lineno"));
    Value text = lookup_attr(exc, intern_cstr("text"));
    Value offset = lookup_attr(exc, intern_cstr("offset"));
    Value end_offset = lookup_attr(exc, intern_cstr("end_offset"));
    clear_error();
    if (filename && is_str(filename) && lineno && !is_none(lineno)) {
      margin();
      w_.put("  File \"");
      w_.put(filename.as<Str>());
      w_.put("\", line ");
      w_.put(cstr(repr(lineno)));
      w_.put("\n");
    }
    if (!text || !is_str(text)) return;
    std::string line = str_to_utf8(text.as<Str>());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    size_t start = line.find_first_not_of(" \t\f");
    if (start == std::string::npos) start = line.size();
    margin();
    w_.put("    ");
    w_.put(line.substr(start));
    w_.put("\n");
    int64_t off = offset && offset.is_small_int() ? offset.as_small_int() : 0;
    int64_t end = end_offset && end_offset.is_small_int() ? end_offset.as_small_int() : off + 1;
    if (off <= 0) return;
    int64_t caret_start = std::max<int64_t>(0, off - 1 - int64_t(char_column(line, int(start))));
    int64_t width = end > off ? end - off : 1;
    margin();
    w_.put(std::string(size_t(4 + caret_start), ' '));
    w_.put(std::string(size_t(width), '^'));
    w_.put("\n");
  }

  void print_message(Value exc) {
    Type* t = type_of(exc);
    margin();
    Value mod = lookup_attr(Value(t), names::__module__);
    clear_error();
    if (!mod || !is_str(mod)) {
      w_.put("<unknown>.");
    } else if (!str_equals_ascii(mod.as<Str>(), "builtins") && !str_equals_ascii(mod.as<Str>(), "__main__")) {
      w_.put(mod.as<Str>());
      w_.put(".");
    }
    w_.put(t->qualname ? t->qualname : t->name);
    Value s;
    if (is_instance_of(exc, &exc::SyntaxError)) {
      Value msg = lookup_attr(exc, intern_cstr("msg"));
      clear_error();
      if (msg && !is_none(msg)) s = to_str(msg);
    } else {
      s = to_str(exc);
    }
    if (!s) {
      if (error_occurred()) {
        clear_error();
        w_.put(": <exception str() failed>");
      }
    } else if (s.as<Str>()->length) {
      w_.put(": ");
      w_.put(s.as<Str>());
    }
    if (Str* suggestion = exception_suggestion(exc)) {
      w_.put(". Did you mean: '");
      w_.put(suggestion);
      w_.put("'?");
    }
    w_.put("\n");
  }

  void print_notes(Value exc) {
    Value notes = lookup_attr(exc, names::__notes__);
    if (!notes) {
      clear_error();
      return;
    }
    if (!is_list(notes) && !is_tuple(notes) && !is_str(notes)) {
      margin();
      Value r = repr(notes);
      if (r) w_.put(r.as<Str>());
      else clear_error();
      w_.put("\n");
      return;
    }
    Value it = get_iter(notes);
    while (Value n = it ? iter_next(it) : Value()) {
      Value ns = to_str(n);
      if (!ns) {
        clear_error();
        w_.put("<note str() failed>");
      } else {
        std::string text = str_to_utf8(ns.as<Str>());
        size_t pos = 0;
        while (pos < text.size()) {  // each line of the note gets the margin
          size_t nl = text.find('\n', pos);
          size_t stop = nl == std::string::npos ? text.size() : nl + 1;
          margin();
          w_.put(std::string_view(text).substr(pos, stop - pos));
          pos = stop;
        }
      }
      w_.put("\n");
    }
    clear_error();
  }

  Writer& w_;
  int depth_ = 0;
  bool need_close_ = false;
  std::unordered_set<uint64_t> seen_;
};

}  // namespace

void print_exception(Value exc) {
  Writer w;
  ExceptionPrinter(w).print_recursive(exc);
  w.flush();
}

void print_unraisable(Value exc, Value err_msg, Value obj) {
  Writer w;
  bool has_msg = err_msg && !is_none(err_msg);
  if (obj && !is_none(obj)) {
    if (has_msg) {
      Value text = to_str(err_msg);
      if (text) w.put(text.as<Str>());
      else clear_error();
      w.put(": ");
    } else {
      w.put("Exception ignored in: ");
    }
    Value r = repr(obj);
    if (r) w.put(r.as<Str>());
    else {
      clear_error();
      w.put("<object repr() failed>");
    }
    w.put("\n");
  } else if (has_msg) {
    Value text = to_str(err_msg);
    if (text) w.put(text.as<Str>());
    else clear_error();
    w.put(":\n");
  }
  if (is_exception_instance(exc)) ExceptionPrinter(w).print_one(exc);
  w.flush();
}

namespace {

// PyErr_WriteUnraisable: sys.unraisablehook gets the report; when it is unset
// or fails, the default format goes to stderr (with the hook's own error).
void report_unraisable(Value exc, const char* err_msg, Value obj) {
  Value msg = err_msg ? Value(str_from_utf8(err_msg, std::strlen(err_msg))) : None();
  Value hook = sys_get("unraisablehook");
  if (hook && !is_none(hook)) {
    Value args = unraisable_hook_args(exc, msg, obj ? obj : None());
    if (args && call1(hook, args)) return;
    exc = fetch_error();
    msg = Value(intern_cstr("Exception ignored in sys.unraisablehook"));
    obj = hook;
  }
  print_unraisable(exc, msg, obj);
}

}  // namespace

void write_unraisable_message(Value exc, const char* err_msg, Value obj) { report_unraisable(exc, err_msg, obj); }

void write_unraisable(Value exc, Value obj) { report_unraisable(exc, nullptr, obj); }

}  // namespace spindle
