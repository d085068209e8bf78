// The _sre module: compiled pattern, match and scanner objects over the
// engine in _sre_engine.cpp. CPython's own re package (re._compiler,
// re._parser) produces the code these objects run.
//
// Pattern objects never change after _sre.compile(), so any number of threads
// may use one at once: every match call keeps its state on its own stack.
// Scanners (finditer) do change as they advance; each has its own lock.
#include <mutex>

#include "gc/gc.h"
#include "modules/_sre_engine.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"
#include "vm/interp.h"

namespace spindle {

namespace {

using sre::Code;

Type pattern_type, match_type, scanner_type;

constexpr int64_t kFlagLocale = 4, kFlagUnicode = 32, kFlagAscii = 256;

// The characters of a subject, kept readable for as long as this struct is
// reachable (on the stack or in a collected object): the data of str and bytes
// objects is immutable; other buffers are copied so that code run during a
// match (a sub() callback) cannot pull them away.
struct Text {
  const void* data;
  int width;
  int64_t length;
  bool is_bytes;
  sre::Subject subject() const { return {data, width, length}; }
};

bool get_text(Value string, Text* out) {
  if (is_str(string)) {
    Str* s = string.as<Str>();
    *out = {s->data_ptr, s->kind, s->length, false};
    return true;
  }
  if (is_bytes(string)) {
    Bytes* b = string.as<Bytes>();
    *out = {b->data_ptr, 1, b->size, true};
    return true;
  }
  BufferView view;
  if (!get_buffer(string, &view)) {
    if (error_occurred() && !error_matches(&exc::TypeError)) return false;
    clear_error();
    raise(&exc::TypeError, "expected string or bytes-like object, got '%s'", type_name(string));
    return false;
  }
  void* copy = gc::alloc_atomic(size_t(view.size) + 1);
  if (view.size) std::memcpy(copy, view.data, size_t(view.size));
  *out = {copy, 1, view.size, true};
  return true;
}

// string[start:end] as CPython's re returns it: an exact str, or bytes for any bytes-like subject.
Value slice_text(Value string, const Text& text, int64_t start, int64_t end) {
  if (start > text.length) start = text.length;
  if (end > text.length) end = text.length;
  if (end < start) end = start;
  if (!text.is_bytes) return Value(str_substr(string.as<Str>(), start, end));
  if (is_type(string, &bytes_type) && start == 0 && end == text.length) return string;
  return Value(bytes_new(static_cast<const uint8_t*>(text.data) + start, size_t(end - start)));
}

// ---- Pattern ----

struct Pattern : Object {
  Value pattern;      // the source: str, bytes-like or None
  Value groupindex;   // dict of group names, or null when there are none
  Value indexgroup;   // tuple: group number -> name or None, or null
  int64_t flags;
  int64_t groups;     // capturing groups, not counting group 0
  int is_bytes;       // -1: unknown (compiled without a source)
  const Code* code;   // pointer-free collected block
  size_t code_size;
  sre::Program program() const { return {code, code_size, groups}; }
};

Pattern* P(Value v) { return v.as<Pattern>(); }

// The subject of one call, checked against the pattern, with pos/endpos clamped.
struct Call {
  Value string;
  Text text;
  int64_t pos, endpos;
};

bool begin_call(Pattern* p, Value string, int64_t pos, int64_t endpos, Call* call) {
  call->string = string;
  if (!get_text(string, &call->text)) return false;
  if (p->is_bytes == 0 && call->text.is_bytes) {
    raise(&exc::TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (p->is_bytes == 1 && !call->text.is_bytes) {
    raise(&exc::TypeError, "cannot use a bytes pattern on a string-like object");
    return false;
  }
  int64_t n = call->text.length;
  call->pos = pos < 0 ? 0 : pos > n ? n : pos;
  call->endpos = endpos < 0 ? 0 : endpos > n ? n : endpos;
  return true;
}

// ---- Match ----

struct Match : Object {
  Value string;
  Value pattern;
  int64_t pos, endpos;
  int64_t lastindex;   // -1: None
  int64_t groups;      // including group 0
  const int64_t* spans;  // start, end of each group; -1 when it did not match
};

Match* M(Value v) { return v.as<Match>(); }

Value match_new(Pattern* p, const Call& call, const sre::Result& r) {
  auto* m = alloc_instance<Match>(&match_type);
  m->string = call.string;
  m->pattern = Value(p);
  m->pos = call.pos;
  m->endpos = call.endpos;
  m->lastindex = r.lastindex;
  m->groups = p->groups + 1;
  auto* spans = static_cast<int64_t*>(gc::alloc_atomic(sizeof(int64_t) * size_t(m->groups) * 2));
  spans[0] = r.start;
  spans[1] = r.end;
  for (size_t i = 0; i < r.spans.size(); i++) spans[2 + i] = r.spans[i];
  m->spans = spans;
  return Value(m);
}

// A group given as a number or a name; IndexError "no such group" otherwise.
bool group_index(Match* m, Value index, int64_t* out) {
  int64_t i = -1;
  if (!index) {
    i = 0;
  } else if (is_int(index) || type_of(index)->index) {
    Value v = number_index(index);
    if (!v) return false;
    if (!int_to_i64(v, &i)) {
      clear_error();
      i = int_sign(v) < 0 ? -1 : INT64_MAX;
    }
  } else {
    Value gi = P(m->pattern)->groupindex;
    if (gi) {
      if (hash(index) == -1) return false;
      Value number = dict_get(gi.as<Dict>(), index);
      if (!number && error_occurred()) return false;
      if (number && is_int(number) && !int_to_i64(number, &i)) return false;
    }
  }
  if (i < 0 || i >= m->groups) {
    raise(&exc::IndexError, "no such group");
    return false;
  }
  *out = i;
  return true;
}

// string[start:end] of a match's subject, read again now (as CPython does):
// only the slice of a mutable buffer is copied.
Value slice_subject(Value string, int64_t start, int64_t end) {
  if (is_str(string) || is_bytes(string)) {
    Text text;
    if (!get_text(string, &text)) return Value();
    return slice_text(string, text, start, end);
  }
  BufferView view;
  if (!get_buffer(string, &view)) return Value();
  start = std::min(start, view.size);
  end = std::max(start, std::min(end, view.size));
  return Value(bytes_new(view.data + start, size_t(end - start)));
}

Value group_value(Match* m, int64_t i, Value dflt) {
  int64_t start = m->spans[2 * i], end = m->spans[2 * i + 1];
  if (start < 0 || end < 0) return dflt;
  return slice_subject(m->string, start, end);
}

Value group_by(Match* m, Value index, Value dflt) {
  int64_t i;
  if (!group_index(m, index, &i)) return Value();
  return group_value(m, i, dflt);
}

Value match_group(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("group", kwnames)) return Value();
  Match* m = M(self);
  if (nargs == 0) return group_value(m, 0, None());
  if (nargs == 1) return group_by(m, args[0], None());
  Tuple* t = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; i++) {
    Value v = group_by(m, args[i], None());
    if (!v) return Value();
    t->items[i] = v;
  }
  return Value(t);
}

Value match_getitem(Value self, Value key) { return group_by(M(self), key, None()); }

Value match_groups(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"groups", {"default"}, 0};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value dflt = a[0] ? a[0] : None();
  Match* m = M(self);
  Tuple* t = tuple_new(m->groups - 1);
  for (int64_t i = 1; i < m->groups; i++) {
    Value v = group_value(m, i, dflt);
    if (!v) return Value();
    t->items[i - 1] = v;
  }
  return Value(t);
}

Value match_groupdict(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"groupdict", {"default"}, 0};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value dflt = a[0] ? a[0] : None();
  Match* m = M(self);
  Dict* out = dict_new();
  Value gi = P(m->pattern)->groupindex;
  if (!gi) return Value(out);
  int64_t pos = 0;
  Value key, number;
  while (dict_next(gi.as<Dict>(), &pos, &key, &number)) {
    Value v = group_by(m, key, dflt);
    if (!v || dict_set(out, key, v) < 0) return Value();
  }
  return Value(out);
}

// start(), end() and span() take one optional group.
bool span_arg(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kwnames, int64_t* i) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 0, 1)) return false;
  return group_index(M(self), nargs ? args[0] : Value(), i);
}

Value match_start(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t i;
  if (!span_arg("start", self, args, nargs, kwnames, &i)) return Value();
  return int_from_i64(M(self)->spans[2 * i]);
}

Value match_end(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t i;
  if (!span_arg("end", self, args, nargs, kwnames, &i)) return Value();
  return int_from_i64(M(self)->spans[2 * i + 1]);
}

Value span_tuple(Match* m, int64_t i) {
  return Value(tuple_pack({int_from_i64(m->spans[2 * i]), int_from_i64(m->spans[2 * i + 1])}));
}

Value match_span(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t i;
  if (!span_arg("span", self, args, nargs, kwnames, &i)) return Value();
  return span_tuple(M(self), i);
}

// Calls re.<name>(args): the template helpers live in the Python package.
Value call_re(const char* name, std::initializer_list<Value> args) {
  Value re = import_module_cstr("re");
  if (!re) return Value();
  Value fn = get_attr(re, intern_cstr(name));
  if (!fn) return Value();
  return call(fn, args.begin(), args.size());
}

Value match_expand(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"expand", {"template"}, 1};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return call_re("_expand", {M(self)->pattern, self, a[0]});
}

Value return_self(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__copy__", nargs, kwnames)) return Value();
  return self;
}

Value deepcopy_self(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"__deepcopy__", {"memo"}, 1, 1};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return self;
}

Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) || !check_nargs("__class_getitem__", nargs, 1, 1))
    return Value();
  return generic_alias_new(cls, args[0]);
}

// repr(v) cut to `limit` characters, as %.<limit>R does.
Str* truncated_repr(Value v, int64_t limit) {
  Value r = repr(v);
  if (!r) return nullptr;
  Str* s = r.as<Str>();
  return s->length > limit ? str_substr(s, 0, limit) : s;
}

Value match_repr(Value self) {
  Match* m = M(self);
  Value g0 = group_value(m, 0, None());
  if (!g0) return Value();
  Str* shown = truncated_repr(g0, 50);
  if (!shown) return Value();
  return Value(format_message("<%s object; span=(%lld, %lld), match=%U>", type_name(self),
                              (long long)m->spans[0], (long long)m->spans[1], shown));
}

Value match_get_string(Value self) { return M(self)->string; }
Value match_get_re(Value self) { return M(self)->pattern; }
Value match_get_pos(Value self) { return int_from_i64(M(self)->pos); }
Value match_get_endpos(Value self) { return int_from_i64(M(self)->endpos); }
Value match_get_lastindex(Value self) {
  int64_t i = M(self)->lastindex;
  return i >= 0 ? int_from_i64(i) : None();
}
Value match_get_lastgroup(Value self) {
  Match* m = M(self);
  Value ig = P(m->pattern)->indexgroup;
  if (!ig || m->lastindex < 0 || m->lastindex >= ig.as<Tuple>()->size) return None();
  return ig.as<Tuple>()->items[m->lastindex];
}
Value match_get_regs(Value self) {
  Match* m = M(self);
  Tuple* t = tuple_new(m->groups);
  for (int64_t i = 0; i < m->groups; i++) t->items[i] = span_tuple(m, i);
  return Value(t);
}

const MethodDef match_methods[] = {
    {"group", match_group, kMethodInstance, nullptr},
    {"start", match_start, kMethodInstance, nullptr},
    {"end", match_end, kMethodInstance, nullptr},
    {"span", match_span, kMethodInstance, nullptr},
    {"groups", match_groups, kMethodInstance, nullptr},
    {"groupdict", match_groupdict, kMethodInstance, nullptr},
    {"expand", match_expand, kMethodInstance, nullptr},
    {"__copy__", return_self, kMethodInstance, nullptr},
    {"__deepcopy__", deepcopy_self, kMethodInstance, nullptr},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const GetSetDef match_getsets[] = {
    {"string", match_get_string, nullptr, "The string passed to match() or search()."},
    {"re", match_get_re, nullptr, "The regular expression object."},
    {"pos", match_get_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {"lastindex", match_get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", match_get_regs, nullptr, nullptr},
    {nullptr}};

// ---- Pattern methods ----

constexpr int64_t kMaxSize = INT64_MAX;

bool size_arg(Value v, int64_t dflt, int64_t* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  return ssize_arg(v, out);
}

// Parses (string, pos=0, endpos=maxsize) and prepares the call.
bool string_pos_endpos(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kwnames, Call* call) {
  ArgSpec spec{fname, {"string", "pos", "endpos"}, 1};
  Value a[3];
  int64_t pos, endpos;
  if (!parse_args(spec, args, nargs, kwnames, a) || !size_arg(a[1], 0, &pos) || !size_arg(a[2], kMaxSize, &endpos))
    return false;
  return begin_call(P(self), a[0], pos, endpos, call);
}

enum class Mode { Match, FullMatch, Search };

// One match or search from `start`; returns the match object, None, or null on error.
Value run_once(Pattern* p, const Call& call, Mode mode, int64_t start, bool must_advance, sre::Result* r) {
  sre::Request req{start, call.endpos, mode == Mode::FullMatch, must_advance};
  int status = mode == Mode::Search ? sre::search(p->program(), call.text.subject(), req, r)
                                    : sre::match(p->program(), call.text.subject(), req, r);
  if (status < 0) return Value();
  if (status == 0) return None();
  return match_new(p, call, *r);
}

Value pattern_match_mode(const char* fname, Mode mode, Value self, const Value* args, size_t nargs,
                         Tuple* kwnames) {
  Call call;
  if (!string_pos_endpos(fname, self, args, nargs, kwnames, &call)) return Value();
  sre::Result r;
  return run_once(P(self), call, mode, call.pos, false, &r);
}

Value pattern_match(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return pattern_match_mode("match", Mode::Match, self, args, nargs, kwnames);
}
Value pattern_fullmatch(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return pattern_match_mode("fullmatch", Mode::FullMatch, self, args, nargs, kwnames);
}
Value pattern_search(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return pattern_match_mode("search", Mode::Search, self, args, nargs, kwnames);
}

// Successive non-overlapping searches, as findall, split, sub and finditer
// make them: after an empty match the next one may start at the same place
// but must not be empty there.
class Searches {
 public:
  Searches(Pattern* p, const Call& call) : p_(p), call_(call), start_(call.pos) {}
  // 1: found (result()), 0: no more, -1: error.
  int next() {
    if (start_ > call_.endpos) return 0;
    sre::Request req{start_, call_.endpos, false, must_advance_};
    int status = sre::search(p_->program(), call_.text.subject(), req, &r_);
    if (status <= 0) return status;
    must_advance_ = r_.end == r_.start;
    start_ = r_.end;
    return 1;
  }
  const sre::Result& result() const { return r_; }
  // Group i of the last match (0 = whole match); `dflt` when it did not take part.
  Value group(int64_t i, Value dflt) const {
    int64_t a = i == 0 ? r_.start : r_.spans[size_t(2 * i - 2)];
    int64_t b = i == 0 ? r_.end : r_.spans[size_t(2 * i - 1)];
    if (a < 0 || b < 0) return dflt;
    return slice_text(call_.string, call_.text, a, b);
  }

 private:
  Pattern* p_;
  const Call& call_;
  int64_t start_;
  bool must_advance_ = false;
  sre::Result r_;
};

Value empty_like(const Call& call) {
  return call.text.is_bytes ? Value(bytes_empty()) : Value(str_empty());
}

Value pattern_findall(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Call call;
  if (!string_pos_endpos("findall", self, args, nargs, kwnames, &call)) return Value();
  Pattern* p = P(self);
  Searches searches(p, call);
  List* out = list_new();
  Value empty = empty_like(call);
  int status;
  while ((status = searches.next()) > 0) {
    Value item;
    if (p->groups <= 1) {
      item = searches.group(p->groups, empty);
    } else {
      Tuple* t = tuple_new(p->groups);
      for (int64_t i = 0; i < p->groups; i++) t->items[i] = searches.group(i + 1, empty);
      item = Value(t);
    }
    list_append(out, item);
  }
  if (status < 0) return Value();
  return Value(out);
}

Value pattern_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"split", {"string", "maxsplit"}, 1};
  Value a[2];
  int64_t maxsplit;
  if (!parse_args(spec, args, nargs, kwnames, a) || !size_arg(a[1], 0, &maxsplit)) return Value();
  Call call;
  Pattern* p = P(self);
  if (!begin_call(p, a[0], 0, kMaxSize, &call)) return Value();
  Searches searches(p, call);
  List* out = list_new();
  int64_t last = 0, n = 0;
  while (!maxsplit || n < maxsplit) {
    int status = searches.next();
    if (status < 0) return Value();
    if (status == 0) break;
    list_append(out, slice_text(call.string, call.text, last, searches.result().start));
    for (int64_t i = 1; i <= p->groups; i++) list_append(out, searches.group(i, None()));
    n++;
    last = searches.result().end;
  }
  list_append(out, slice_text(call.string, call.text, last, call.endpos));
  return Value(out);
}

// The replacement of sub(): a callable, or a literal (no backslash) used as is;
// other templates become a callable through re._subx.
bool is_literal_template(Value repl) {
  if (is_str(repl)) {
    Str* s = repl.as<Str>();
    return str_find_char(s, '\\', 0, s->length, false) < 0;
  }
  Text t;
  if (!get_text(repl, &t)) {
    clear_error();
    return false;
  }
  return std::memchr(t.data, '\\', size_t(t.length)) == nullptr;
}

Value pattern_subx(Value self, Value repl, Value string, int64_t count, bool with_count) {
  Pattern* p = P(self);
  Value filter = repl;
  bool filter_is_callable = is_callable(repl);
  if (!filter_is_callable && !is_literal_template(repl)) {
    filter = call_re("_subx", {self, repl});
    if (!filter) return Value();
    filter_is_callable = is_callable(filter);
  }
  Call call;
  if (!begin_call(p, string, 0, kMaxSize, &call)) return Value();
  Searches searches(p, call);
  List* pieces = list_new();
  int64_t last = 0, n = 0;
  while (!count || n < count) {
    int status = searches.next();
    if (status < 0) return Value();
    if (status == 0) break;
    const sre::Result& r = searches.result();
    if (last < r.start) list_append(pieces, slice_text(call.string, call.text, last, r.start));
    Value item = filter;
    if (filter_is_callable) {
      Value m = match_new(p, call, r);
      item = call1(filter, m);
      if (!item) return Value();
    }
    if (!is_none(item)) list_append(pieces, item);
    last = r.end;
    n++;
  }
  if (last < call.endpos) list_append(pieces, slice_text(call.string, call.text, last, call.endpos));
  Value joiner = empty_like(call);
  Value result = joiner;
  if (list_size(pieces)) {
    result = call_method1(joiner, intern_cstr("join"), Value(pieces));
    if (!result) return Value();
  }
  if (!with_count) return result;
  return Value(tuple_pack({result, int_from_i64(n)}));
}

bool sub_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, Value* a, int64_t* count) {
  ArgSpec spec{fname, {"repl", "string", "count"}, 2};
  return parse_args(spec, args, nargs, kwnames, a) && size_arg(a[2], 0, count);
}

Value pattern_sub(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  int64_t count;
  if (!sub_args("sub", args, nargs, kwnames, a, &count)) return Value();
  return pattern_subx(self, a[0], a[1], count, false);
}

Value pattern_subn(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  int64_t count;
  if (!sub_args("subn", args, nargs, kwnames, a, &count)) return Value();
  return pattern_subx(self, a[0], a[1], count, true);
}

// ---- Scanner ----

struct Scanner : Object {
  Mutex lock;
  Value pattern;
  Value string;
  Text text;
  int64_t pos, endpos;
  int64_t start;       // where the next match begins; -1 when exhausted
  bool must_advance;
};

Scanner* S(Value v) { return v.as<Scanner>(); }

Value scanner_new(Value self, const Call& call) {
  auto* s = alloc_instance<Scanner>(&scanner_type);
  new (&s->lock) Mutex();
  s->pattern = self;
  s->string = call.string;
  s->text = call.text;
  s->pos = call.pos;
  s->endpos = call.endpos;
  s->start = call.pos;
  s->must_advance = false;
  return Value(s);
}

Value scanner_step(Value self, Mode mode) {
  Scanner* s = S(self);
  Call call{s->string, s->text, s->pos, s->endpos};
  sre::Result r;
  Value m;
  {
    LockGuard guard(s->lock);
    if (s->start < 0) return None();
    m = run_once(P(s->pattern), call, mode, s->start, s->must_advance, &r);
    if (!m) return Value();
    if (is_none(m)) {
      s->start = -1;
    } else {
      s->must_advance = r.end == r.start;
      s->start = r.end;
    }
  }
  return m;
}

Value scanner_match(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("match", nargs, kwnames)) return Value();
  return scanner_step(self, Mode::Match);
}

Value scanner_search(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("search", nargs, kwnames)) return Value();
  return scanner_step(self, Mode::Search);
}

Value scanner_get_pattern(Value self) { return S(self)->pattern; }

const MethodDef scanner_methods[] = {{"match", scanner_match, kMethodInstance, nullptr},
                                     {"search", scanner_search, kMethodInstance, nullptr},
                                     {nullptr}};
const GetSetDef scanner_getsets[] = {{"pattern", scanner_get_pattern, nullptr, nullptr}, {nullptr}};

Value pattern_scanner(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Call call;
  if (!string_pos_endpos("scanner", self, args, nargs, kwnames, &call)) return Value();
  return scanner_new(self, call);
}

Value pattern_finditer(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Call call;
  if (!string_pos_endpos("finditer", self, args, nargs, kwnames, &call)) return Value();
  Value scanner = scanner_new(self, call);
  Value search = get_attr(scanner, intern_cstr("search"));
  if (!search) return Value();
  return callable_iter_new(search, None());
}

// ---- Pattern: other slots ----

Value pattern_repr(Value self) {
  static const std::pair<const char*, int64_t> kFlagNames[] = {
      {"re.TEMPLATE", 1},  {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8}, {"re.DOTALL", 16},
      {"re.UNICODE", 32}, {"re.VERBOSE", 64},    {"re.DEBUG", 128}, {"re.ASCII", 256}};
  Pattern* p = P(self);
  int64_t flags = p->flags;
  // re.UNICODE is the default for str patterns: not shown alone.
  if (is_str(p->pattern) && (flags & (kFlagLocale | kFlagUnicode | kFlagAscii)) == kFlagUnicode)
    flags &= ~kFlagUnicode;
  StrBuilder names;
  for (auto [name, bit] : kFlagNames) {
    if (!(flags & bit)) continue;
    if (names.length()) names.append('|');
    names.append_ascii(name);
    flags &= ~bit;
  }
  if (flags) {
    if (names.length()) names.append('|');
    names.append_ascii(cstr(Value(format_message("0x%llx", (long long)flags))));
  }
  Str* shown = truncated_repr(p->pattern, 200);
  if (!shown) return Value();
  if (!names.length()) return Value(format_message("re.compile(%U)", shown));
  return Value(format_message("re.compile(%U, %U)", shown, names.finish()));
}

Value pattern_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::EQ && op != CompareOp::NE) return NotImplemented();
  if (!is_type(b, &pattern_type) || !is_type(a, &pattern_type)) return NotImplemented();
  bool equal = a == b;
  if (!equal) {
    Pattern *x = P(a), *y = P(b);
    equal = x->flags == y->flags && x->is_bytes == y->is_bytes && x->code_size == y->code_size &&
            std::memcmp(x->code, y->code, x->code_size * sizeof(Code)) == 0;
    if (equal) {
      int r = rich_compare_bool(x->pattern, y->pattern, CompareOp::EQ);
      if (r < 0) return Value();
      equal = r;
    }
  }
  return Bool(op == CompareOp::EQ ? equal : !equal);
}

int64_t pattern_hash(Value self) {
  Pattern* p = P(self);
  int64_t h = hash(p->pattern);
  if (h == -1) return -1;
  h ^= hash_memory(p->code, p->code_size * sizeof(Code));
  return h == -1 ? -2 : h;
}

Value pattern_get_pattern(Value self) { return P(self)->pattern; }
Value pattern_get_flags(Value self) { return int_from_i64(P(self)->flags); }
Value pattern_get_groups(Value self) { return int_from_i64(P(self)->groups); }
Value pattern_get_groupindex(Value self) {
  Value gi = P(self)->groupindex;
  if (!gi) return Value(dict_new());
  return mappingproxy_new(gi);
}

const MethodDef pattern_methods[] = {
    {"match", pattern_match, kMethodInstance, nullptr},
    {"fullmatch", pattern_fullmatch, kMethodInstance, nullptr},
    {"search", pattern_search, kMethodInstance, nullptr},
    {"sub", pattern_sub, kMethodInstance, nullptr},
    {"subn", pattern_subn, kMethodInstance, nullptr},
    {"findall", pattern_findall, kMethodInstance, nullptr},
    {"split", pattern_split, kMethodInstance, nullptr},
    {"finditer", pattern_finditer, kMethodInstance, nullptr},
    {"scanner", pattern_scanner, kMethodInstance, nullptr},
    {"__copy__", return_self, kMethodInstance, nullptr},
    {"__deepcopy__", deepcopy_self, kMethodInstance, nullptr},
    {"__class_getitem__", class_getitem, kMethodClass, "See PEP 585"},
    {nullptr}};

const GetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, nullptr, "The regex matching flags."},
    {"groups", pattern_get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr}};

// ---- module functions ----

Value sre_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"compile", {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6};
  Value a[6];
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t flags, groups;
  if (!ssize_arg(a[1], &flags)) return Value();
  if (!is_list(a[2]))
    return raise(&exc::TypeError, "compile() argument 'code' must be list, not %s", type_name(a[2]));
  if (!ssize_arg(a[3], &groups)) return Value();
  if (!is_dict(a[4]))
    return raise(&exc::TypeError, "compile() argument 'groupindex' must be dict, not %s", type_name(a[4]));
  if (!is_tuple(a[5]))
    return raise(&exc::TypeError, "compile() argument 'indexgroup' must be tuple, not %s", type_name(a[5]));
  if (groups < 0 || groups > sre::kMaxGroups) return raise(&exc::RuntimeError, "invalid SRE code");

  Tuple* items = list_snapshot(a[2].as<List>());
  size_t size = size_t(items->size);
  auto* code = static_cast<Code*>(gc::alloc_atomic(sizeof(Code) * (size ? size : 1)));
  for (size_t i = 0; i < size; i++) {
    // CPython reports any item that is not a code word (not an int, negative, too large) this way.
    Value item = items->items[i];
    uint64_t word;
    if (!is_int(item) || int_sign(item) < 0 || !int_to_u64(item, &word) || word > 0xFFFFFFFFu) {
      clear_error();
      return raise(&exc::OverflowError, "regular expression code size limit exceeded");
    }
    code[i] = Code(word);
  }

  int is_bytes = -1;
  if (!is_none(a[0])) {
    Text text;
    if (!get_text(a[0], &text)) return Value();
    is_bytes = text.is_bytes;
  }
  if (!sre::validate({code, size, groups})) return raise(&exc::RuntimeError, "invalid SRE code");

  auto* p = alloc_instance<Pattern>(&pattern_type);
  p->pattern = a[0];
  p->flags = flags;
  p->groups = groups;
  p->is_bytes = is_bytes;
  p->code = code;
  p->code_size = size;
  if (dict_size(a[4].as<Dict>()) > 0) {
    p->groupindex = a[4];
    if (a[5].as<Tuple>()->size > 0) p->indexgroup = a[5];
  }
  return Value(p);
}

Value sre_getcodesize(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("getcodesize", nargs, kwnames)) return Value();
  return Value::from_small_int(sizeof(Code));
}

// The character functions take one int (a C int, as CPython's).
bool char_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, uint32_t* ch) {
  ArgSpec spec{fname, {"character"}, 1};
  Value a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  if (!is_int(a[0]) && !type_of(a[0])->index) {
    raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
    return false;
  }
  int64_t v;
  if (!index_as_i64(a[0], &v, &exc::OverflowError)) return false;
  if (v < INT32_MIN || v > INT32_MAX) {
    raise(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *ch = uint32_t(int32_t(v));
  return true;
}

Value sre_ascii_iscased(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t ch;
  if (!char_arg("ascii_iscased", args, nargs, kwnames, &ch)) return Value();
  return Bool(sre::ascii_iscased(ch));
}
Value sre_unicode_iscased(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t ch;
  if (!char_arg("unicode_iscased", args, nargs, kwnames, &ch)) return Value();
  return Bool(ch <= 0x10FFFF && sre::unicode_iscased(ch));
}
Value sre_ascii_tolower(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t ch;
  if (!char_arg("ascii_tolower", args, nargs, kwnames, &ch)) return Value();
  return int_from_i64(int32_t(sre::lower_ascii(ch)));
}
Value sre_unicode_tolower(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t ch;
  if (!char_arg("unicode_tolower", args, nargs, kwnames, &ch)) return Value();
  return int_from_i64(int32_t(ch <= 0x10FFFF ? sre::lower_unicode(ch) : ch));
}

const MethodDef sre_methods[] = {
    {"compile", sre_compile, kMethodStatic, nullptr},
    {"getcodesize", sre_getcodesize, kMethodStatic, nullptr},
    {"ascii_iscased", sre_ascii_iscased, kMethodStatic, nullptr},
    {"unicode_iscased", sre_unicode_iscased, kMethodStatic, nullptr},
    {"ascii_tolower", sre_ascii_tolower, kMethodStatic, nullptr},
    {"unicode_tolower", sre_unicode_tolower, kMethodStatic, nullptr},
    {nullptr}};

void init_types() {
  pattern_type.native_name = "re.Pattern";
  pattern_type.doc = "Compiled regular expression object.";
  pattern_type.instance_size = sizeof(Pattern);
  pattern_type.flags = kTypeDisallowInstantiation | kTypeWeakrefable;
  pattern_type.repr = pattern_repr;
  pattern_type.richcompare = pattern_richcompare;
  pattern_type.hash = pattern_hash;
  pattern_type.methods = pattern_methods;
  pattern_type.getsets = pattern_getsets;
  type_ready(&pattern_type);

  match_type.native_name = "re.Match";
  match_type.doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
  match_type.instance_size = sizeof(Match);
  match_type.flags = kTypeDisallowInstantiation;
  match_type.repr = match_repr;
  match_type.getitem = match_getitem;
  match_type.methods = match_methods;
  match_type.getsets = match_getsets;
  type_ready(&match_type);

  scanner_type.native_name = "_sre.SRE_Scanner";
  scanner_type.instance_size = sizeof(Scanner);
  scanner_type.flags = kTypeDisallowInstantiation;
  scanner_type.methods = scanner_methods;
  scanner_type.getsets = scanner_getsets;
  type_ready(&scanner_type);
}

bool sre_init(Module* m) {
  static std::once_flag once;
  std::call_once(once, init_types);
  module_add(m, "MAGIC", Value::from_small_int(sre::kMagic));
  module_add(m, "CODESIZE", Value::from_small_int(sizeof(Code)));
  module_add(m, "MAXREPEAT", int_from_u64(sre::kMaxRepeat));
  module_add(m, "MAXGROUPS", int_from_i64(sre::kMaxGroups));
  module_add(m, "copyright", Value(intern_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")));
  return true;
}

}  // namespace

extern const ModuleDef sre_module;
const ModuleDef sre_module = {"_sre", nullptr, sre_methods, sre_init};

}  // namespace spindle
