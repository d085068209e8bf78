// BaseException and the built-in hierarchy; raising, chaining and reporting.
//
// Every exception instance has one layout: the BaseException header plus a
// few family-specific fields (StopIteration.value, OSError.errno, ...) named
// by member descriptors, so any mix of exception bases is layout-compatible.
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/generic_alias.h"
#include "objects/set.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace spindle {

namespace exc {
#define SPINDLE_DEFINE_EXC(name) Type name;
SPINDLE_EXCEPTIONS(SPINDLE_DEFINE_EXC)
#undef SPINDLE_DEFINE_EXC
}  // namespace exc

Type traceback_type;

namespace {

constexpr int kNumFields = 8;
struct FullException : ExceptionObject {
  Value fields[kNumFields];
};

inline Value& field(Value e, int i) { return reinterpret_cast<FullException*>(e.as_object())->fields[i]; }
inline ExceptionObject* as_exc(Value e) { return e.as<ExceptionObject>(); }

constexpr uint32_t field_offset(int i) { return uint32_t(offsetof(FullException, fields) + sizeof(Value) * size_t(i)); }

// Field assignments per family.
enum {
  kStopValue = 0,
  kExitCode = 0,
  kImportMsg = 0, kImportName = 1, kImportPath = 2,
  kOSErrno = 0, kOSStrerror = 1, kOSFilename = 2, kOSFilename2 = 3, kOSWritten = 4,
  kSyntaxMsg = 0, kSyntaxFilename = 1, kSyntaxLineno = 2, kSyntaxOffset = 3, kSyntaxText = 4,
  kSyntaxEndLineno = 5, kSyntaxEndOffset = 6, kSyntaxPrintFileAndLine = 7,
  kUnicodeEncoding = 0, kUnicodeObject = 1, kUnicodeStart = 2, kUnicodeEnd = 3, kUnicodeReason = 4,
  kNameName = 0,
  kAttrName = 0, kAttrObj = 1,
  kGroupMsg = 0, kGroupExcs = 1,
};

}  // namespace

// ------------------------------------------------------------------ message formatting

Str* format_message_va(const char* fmt, va_list ap) {
  StrBuilder b;
  for (const char* p = fmt; *p; p++) {
    if (*p != '%') {
      // Literal text: copy a run of UTF-8.
      const char* start = p;
      while (p[1] && p[1] != '%') p++;
      b.append_utf8(std::string_view(start, size_t(p - start + 1)));
      continue;
    }
    const char* spec_start = p;
    p++;
    if (*p == '%') {
      b.append('%');
      continue;
    }
    // Flags, width, precision, length modifiers.
    while (*p && std::strchr("-+ #0", *p)) p++;
    while (*p >= '0' && *p <= '9') p++;
    if (*p == '.') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
    std::string length;
    while (*p && std::strchr("hlzjt", *p)) length.push_back(*p++);
    char conv = *p;
    std::string spec(spec_start, size_t(p - spec_start + 1));
    char buf[128];
    switch (conv) {
      case 'S': {
        Value v = va_arg(ap, Value);
        Value s = to_str(v);
        if (!s) {
          clear_error();
          b.append_ascii("<unprintable>");
        } else {
          b.append(s.as<Str>());
        }
        break;
      }
      case 'R': {
        Value v = va_arg(ap, Value);
        Value s = repr(v);
        if (!s) {
          clear_error();
          b.append_ascii("<unprintable>");
        } else {
          b.append(s.as<Str>());
        }
        break;
      }
      case 'T': {
        Value v = va_arg(ap, Value);
        b.append_utf8(type_name(v));
        break;
      }
      case 'U': {
        Str* s = va_arg(ap, Str*);
        if (s) b.append(s);
        else b.append_ascii("(null)");
        break;
      }
      case 's': {
        const char* s = va_arg(ap, const char*);
        b.append_utf8(s ? s : "(null)");
        break;
      }
      case 'c': {
        int c = va_arg(ap, int);
        b.append(uint32_t(c));
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        if (length == "ll" || length == "l" || length == "z" || length == "j" || length == "t") {
          long long v = va_arg(ap, long long);
          std::string s2 = spec;
          s2.erase(s2.size() - 1 - length.size(), length.size());
          s2.insert(s2.size() - 1, "ll");
          std::snprintf(buf, sizeof buf, s2.c_str(), v);
        } else {
          int v = va_arg(ap, int);
          std::snprintf(buf, sizeof buf, spec.c_str(), v);
        }
        b.append_ascii(buf);
        break;
      }
      case 'f': case 'g': case 'e': {
        double v = va_arg(ap, double);
        std::snprintf(buf, sizeof buf, spec.c_str(), v);
        b.append_ascii(buf);
        break;
      }
      case 'p': {
        void* v = va_arg(ap, void*);
        std::snprintf(buf, sizeof buf, "%p", v);
        b.append_ascii(buf);
        break;
      }
      default:
        b.append_ascii(spec);
    }
  }
  return b.finish();
}

Str* format_message(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Str* s = format_message_va(fmt, ap);
  va_end(ap);
  return s;
}

// ------------------------------------------------------------------ raising

namespace {

// Sets exc as the pending exception, chaining the exception being handled as
// its __context__ (avoiding cycles), as CPython's _PyErr_SetObject does.
void set_pending(Value exc) {
  ThreadState* t = ts();
  ExcStackItem* item = t->exc_info;
  while (item && (!item->exc || is_none(item->exc))) item = item->prev;
  if (item && item->exc != exc && is_exception_instance(exc)) {
    Value handled = item->exc;
    // Break a cycle exc -> ... -> handled -> ... -> exc.
    Value o = handled;
    int steps = 0;
    while (o) {
      Value ctx = as_exc(o)->context;
      if (ctx == exc) {
        as_exc(o)->context = Value();
        break;
      }
      o = ctx;
      if (++steps > 10000) break;
    }
    as_exc(exc)->context = handled;
  }
  t->exception = exc;
}

}  // namespace

Value exception_new(Type* type, Tuple* args) {
  return call_with_tuple(Value(type), args, nullptr);
}

Value raise_va(Type* type, const char* fmt, va_list ap) {
  Tuple* args;
  if (fmt) {
    Str* msg = format_message_va(fmt, ap);
    args = tuple_pack({Value(msg)});
  } else {
    args = tuple_empty();
  }
  // Create the instance directly: no Python-level __init__ for built-in types.
  auto* e = static_cast<ExceptionObject*>(alloc_object(type, sizeof(FullException)));
  e->args = args;
  if (type->flags & kTypeHeap) {
    Value inst = exception_new(type, args);
    if (!inst) return Value();
    set_pending(inst);
    return Value();
  }
  if (is_subtype(type, &exc::StopIteration)) field(Value(e), kStopValue) = args->size ? args->items[0] : None();
  if (is_subtype(type, &exc::ImportError)) field(Value(e), kImportMsg) = args->size == 1 ? args->items[0] : None();
  if (is_subtype(type, &exc::SyntaxError) && args->size) field(Value(e), kSyntaxMsg) = args->items[0];
  set_pending(Value(e));
  return Value();
}

Value raise(Type* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Value r = raise_va(type, fmt, ap);
  va_end(ap);
  return r;
}

Value raise_with_cause(Type* type, const char* fmt, ...) {
  Value cause = fetch_error();
  va_list ap;
  va_start(ap, fmt);
  raise_va(type, fmt, ap);
  va_end(ap);
  Value e = ts()->exception;
  if (e && cause) {
    as_exc(e)->cause = cause;
    as_exc(e)->context = cause;
    as_exc(e)->suppress_context = true;
  }
  return Value();
}

Value raise_value(Value exc) {
  if (is_exception_type(exc)) {
    Value inst = call0(exc);
    if (!inst) return Value();
    exc = inst;
  }
  set_pending(exc);
  return Value();
}

bool warn_format(Type* category, int stacklevel, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Str* msg = format_message_va(fmt, ap);
  va_end(ap);
  Value warnings = import_module_cstr("warnings");
  Value warn = warnings ? get_attr_cstr(warnings, "warn") : Value();
  if (!warn) return false;
  Value args[3] = {Value(msg), Value(category), Value::from_small_int(stacklevel)};
  return bool(call(warn, args, 3));
}

Value raise_no_memory() {
  auto* e = static_cast<ExceptionObject*>(alloc_object(&exc::MemoryError, sizeof(FullException)));
  e->args = tuple_empty();
  set_pending(Value(e));
  return Value();
}

Value raise_stop_iteration(Value value) {
  auto* e = static_cast<ExceptionObject*>(alloc_object(&exc::StopIteration, sizeof(FullException)));
  e->args = value && !is_none(value) ? tuple_pack({value}) : tuple_empty();
  field(Value(e), kStopValue) = value ? value : None();
  set_pending(Value(e));
  return Value();
}

Value fetch_error() {
  ThreadState* t = ts();
  Value e = t->exception;
  t->exception = Value();
  return e;
}

void restore_error(Value exc) { ts()->exception = exc; }
void clear_error() { ts()->exception = Value(); }

bool error_matches(Type* type) {
  Value e = ts()->exception;
  return e && is_instance_of(e, type);
}

Value exception_args(Value exc) { return Value(as_exc(exc)->args); }
Value exception_traceback(Value exc) {
  Value tb = as_exc(exc)->traceback;
  return tb ? tb : Value();
}
Value stop_iteration_value(Value exc) {
  if (!is_instance_of(exc, &exc::StopIteration)) return None();
  Value v = field(exc, kStopValue);
  return v ? v : None();
}

Value raise_name_error(Str* name) {
  raise(&exc::NameError, "name '%U' is not defined", name);
  field(ts()->exception, kNameName) = Value(name);  // for "Did you mean" suggestions
  return Value();
}

void exception_set_attribute_error_context(Value e, Value obj, Str* name) {
  if (!is_instance_of(e, &exc::AttributeError)) return;
  // An error that already names its attribute or object keeps them.
  auto unset = [](Value v) { return !v || is_none(v); };
  if (!unset(field(e, kAttrName)) || !unset(field(e, kAttrObj))) return;
  field(e, kAttrName) = Value(name);
  field(e, kAttrObj) = obj;
}

void import_error_set_name(Str* name, Value path) {
  Value e = ts()->exception;
  if (!e || !is_instance_of(e, &exc::ImportError)) return;
  field(e, kImportName) = Value(name);
  field(e, kImportPath) = path ? path : None();
}

Tuple* exception_group_exceptions(Value group) { return field(group, kGroupExcs).as<Tuple>(); }

Value raise_syntax_error(Type* type, const char* msg, Value filename, int lineno, int offset, Value text,
                         int end_lineno, int end_offset) {
  Value m(str_from_utf8(msg, std::strlen(msg)));
  auto* e = static_cast<ExceptionObject*>(alloc_object(type, sizeof(FullException)));
  Value ev(e);
  Value fn = filename ? filename : None();
  // CPython reports the parser's columns as they are, 0 and -1 included.
  Value details(tuple_pack({fn, int_from_i64(lineno), int_from_i64(offset), text ? text : None(),
                            int_from_i64(end_lineno), int_from_i64(end_offset)}));
  e->args = tuple_pack({m, details});
  field(ev, kSyntaxMsg) = m;
  field(ev, kSyntaxFilename) = fn;
  field(ev, kSyntaxLineno) = int_from_i64(lineno);
  field(ev, kSyntaxOffset) = int_from_i64(offset);
  field(ev, kSyntaxText) = text ? text : None();
  field(ev, kSyntaxEndLineno) = int_from_i64(end_lineno);
  field(ev, kSyntaxEndOffset) = int_from_i64(end_offset);
  field(ev, kSyntaxPrintFileAndLine) = None();
  set_pending(ev);
  return Value();
}

namespace {

Type* oserror_subclass_for(int err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc::BlockingIOError;
    case ECHILD: return &exc::ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc::BrokenPipeError;
    case ECONNABORTED: return &exc::ConnectionAbortedError;
    case ECONNREFUSED: return &exc::ConnectionRefusedError;
    case ECONNRESET: return &exc::ConnectionResetError;
    case EEXIST: return &exc::FileExistsError;
    case ENOENT: return &exc::FileNotFoundError;
    case EISDIR: return &exc::IsADirectoryError;
    case ENOTDIR: return &exc::NotADirectoryError;
    case EINTR: return &exc::InterruptedError;
    case EACCES: case EPERM: return &exc::PermissionError;
    case ESRCH: return &exc::ProcessLookupError;
    case ETIMEDOUT: return &exc::TimeoutError;
    default: return &exc::OSError;
  }
}

}  // namespace

Value raise_os_error(int err, Value filename, Value filename2) {
  const char* msg = std::strerror(err);
  Value args[5] = {int_from_i64(err), Value(str_from_utf8(msg, std::strlen(msg))), filename ? filename : None(),
                   None(), filename2 ? filename2 : None()};
  size_t n = filename2 ? 5 : filename ? 3 : 2;
  Value e = call(Value(&exc::OSError), args, n);
  if (!e) return Value();
  set_pending(e);
  return Value();
}

// ------------------------------------------------------------------ BaseException

namespace {

Value base_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* e = static_cast<ExceptionObject*>(alloc_object(type, sizeof(FullException)));
  e->args = tuple_from_array(args, int64_t(nargs));
  return Value(e);
}

int base_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    raise(&exc::TypeError, "%s() takes no keyword arguments", type_name(self));
    return -1;
  }
  as_exc(self)->args = tuple_from_array(args, int64_t(nargs));
  return 0;
}

Value base_str(Value self) {
  Tuple* a = as_exc(self)->args;
  if (a->size == 0) return Value(str_empty());
  if (a->size == 1) return to_str(a->items[0]);
  return to_str(Value(a));
}

Value base_repr(Value self) {
  Tuple* a = as_exc(self)->args;
  Str* name = type_of(self)->name;
  if (a->size == 1) {
    Value r = repr(a->items[0]);
    if (!r) return Value();
    return Value(format_message("%U(%U)", name, r.as<Str>()));
  }
  Value r = repr(Value(a));
  if (!r) return Value();
  if (a->size == 0) return Value(format_message("%U()", name));
  return Value(format_message("%U%U", name, r.as<Str>()));
}

Value base_get_args(Value self) { return Value(as_exc(self)->args); }
int base_set_args(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "args may not be deleted");
    return -1;
  }
  Value t = tuple_from_iterable(v);
  if (!t) return -1;
  as_exc(self)->args = t.as<Tuple>();
  return 0;
}
Value base_get_tb(Value self) {
  Value tb = as_exc(self)->traceback;
  return tb ? tb : None();
}
int base_set_tb(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_type(v, &traceback_type)) {
    raise(&exc::TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  as_exc(self)->traceback = is_none(v) ? Value() : v;
  return 0;
}
Value base_get_cause(Value self) {
  Value c = as_exc(self)->cause;
  return c ? c : None();
}
int base_set_cause(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    raise(&exc::TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  as_exc(self)->cause = is_none(v) ? Value() : v;
  as_exc(self)->suppress_context = true;
  return 0;
}
Value base_get_context(Value self) {
  Value c = as_exc(self)->context;
  return c ? c : None();
}
int base_set_context(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    raise(&exc::TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  as_exc(self)->context = is_none(v) ? Value() : v;
  return 0;
}
Value base_get_suppress(Value self) { return Bool(as_exc(self)->suppress_context); }
int base_set_suppress(Value self, Value v) {
  int t = v ? truthy(v) : 0;
  if (t < 0) return -1;
  as_exc(self)->suppress_context = t;
  return 0;
}
Value base_get_dict(Value self) {
  auto* e = as_exc(self);
  if (!e->dict) e->dict = dict_new();
  return Value(e->dict);
}
int base_set_dict(Value self, Value v) {
  if (!v || !is_dict(v)) {
    raise(&exc::TypeError, "__dict__ must be a dictionary");
    return -1;
  }
  as_exc(self)->dict = v.as<Dict>();
  return 0;
}

const GetSetDef base_getsets[] = {{"args", base_get_args, base_set_args, nullptr},
                                  {"__traceback__", base_get_tb, base_set_tb, nullptr},
                                  {"__cause__", base_get_cause, base_set_cause, "exception cause"},
                                  {"__context__", base_get_context, base_set_context, "exception context"},
                                  {"__suppress_context__", base_get_suppress, base_set_suppress, nullptr},
                                  {"__dict__", base_get_dict, base_set_dict, nullptr},
                                  {nullptr}};

Value base_with_traceback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("with_traceback", nargs, 1, 1)) return Value();
  if (base_set_tb(self, args[0]) < 0) return Value();
  return self;
}

Value base_add_note(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("add_note", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "note must be a str, not '%s'", type_name(args[0]));
  Value notes = lookup_attr(self, names::__notes__);
  if (!notes) {
    if (error_occurred()) return Value();
    notes = Value(list_new());
    if (set_attr(self, names::__notes__, notes) < 0) return Value();
  } else if (!is_list(notes)) {
    return raise(&exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  list_append(notes.as<List>(), args[0]);
  return None();
}

Value base_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* e = as_exc(self);
  if (e->dict && dict_size(e->dict))
    return Value(tuple_pack({Value(type_of(self)), Value(e->args), Value(e->dict)}));
  return Value(tuple_pack({Value(type_of(self)), Value(e->args)}));
}

Value base_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__setstate__", nargs, 1, 1)) return Value();
  if (is_none(args[0])) return None();
  if (!is_dict(args[0])) return raise(&exc::TypeError, "state is not a dictionary");
  int64_t pos = 0;
  Value k, v;
  while (dict_next(args[0].as<Dict>(), &pos, &k, &v))
    if (set_attr(self, k.as<Str>(), v) < 0) return Value();
  return None();
}

const MethodDef base_methods[] = {{"with_traceback", base_with_traceback, kMethodInstance,
                                   "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
                                  {"add_note", base_add_note, kMethodInstance,
                                   "Exception.add_note(note) --\n    add a note to the exception"},
                                  {"__reduce__", base_reduce, kMethodInstance, nullptr},
                                  {"__setstate__", base_setstate, kMethodInstance, nullptr},
                                  {nullptr}};

// The instance dict: exceptions always have one (dict_offset points at it).

// ------------------------------------------------------------------ families

int stop_iteration_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  field(self, kStopValue) = nargs ? args[0] : None();
  return 0;
}

int system_exit_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  field(self, kExitCode) = nargs == 0 ? None() : nargs == 1 ? args[0] : Value(as_exc(self)->args);
  return 0;
}

int import_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  Value name = None(), path = None();
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    if (str_equals_ascii(k, "name")) name = args[nargs + i];
    else if (str_equals_ascii(k, "path")) path = args[nargs + i];
    else {
      raise(&exc::TypeError, "'%U' is an invalid keyword argument for %s()", k, type_name(self));
      return -1;
    }
  }
  as_exc(self)->args = tuple_from_array(args, int64_t(nargs));
  field(self, kImportMsg) = nargs == 1 ? args[0] : None();
  field(self, kImportName) = name;
  field(self, kImportPath) = path;
  return 0;
}

Value import_error_str(Value self) {
  Value msg = field(self, kImportMsg);
  if (msg && !is_none(msg)) return to_str(msg);
  return base_str(self);
}

Value import_error_reduce(Value self, const Value*, size_t, Tuple*) {
  Dict* state = nullptr;
  auto* e = as_exc(self);
  if (e->dict && dict_size(e->dict)) state = dict_copy(e->dict);
  Value name = field(self, kImportName), path = field(self, kImportPath);
  if (name && !is_none(name)) {
    if (!state) state = dict_new();
    dict_set_str(state, names::name, name);
  }
  if (path && !is_none(path)) {
    if (!state) state = dict_new();
    dict_set_str(state, intern_cstr("path"), path);
  }
  if (state) return Value(tuple_pack({Value(type_of(self)), Value(e->args), Value(state)}));
  return Value(tuple_pack({Value(type_of(self)), Value(e->args)}));
}

const MethodDef import_error_methods[] = {{"__reduce__", import_error_reduce, kMethodInstance, nullptr}, {nullptr}};

// OSError(errno, strerror[, filename[, winerror[, filename2]]]); the errno
// picks the subclass when OSError itself is called.
Value oserror_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &exc::OSError && nargs >= 2 && is_int(args[0])) {
    int64_t err;
    if (int_to_i64(args[0], &err)) type = oserror_subclass_for(int(err));
    else clear_error();
  }
  return base_new(type, args, nargs, kwnames);
}

int oserror_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    raise(&exc::TypeError, "%s() takes no keyword arguments", type_name(self));
    return -1;
  }
  auto* e = as_exc(self);
  e->args = tuple_from_array(args, int64_t(nargs));
  for (int i = 0; i < 5; i++) field(self, i) = None();
  if (nargs >= 2 && nargs <= 5) {
    field(self, kOSErrno) = args[0];
    field(self, kOSStrerror) = args[1];
    if (nargs >= 3) {
      field(self, kOSFilename) = args[2];
      if (nargs == 5) field(self, kOSFilename2) = args[4];
      // With a filename, args is just (errno, strerror).
      e->args = tuple_pack({args[0], args[1]});
    }
    if (is_instance_of(self, &exc::BlockingIOError) && nargs == 3 && is_int(args[2])) {
      field(self, kOSWritten) = args[2];
      field(self, kOSFilename) = None();
    }
  }
  return 0;
}

Value oserror_str(Value self) {
  Value err = field(self, kOSErrno), msg = field(self, kOSStrerror);
  Value fn = field(self, kOSFilename), fn2 = field(self, kOSFilename2);
  if (fn && !is_none(fn)) {
    Value r1 = repr(fn);
    if (!r1) return Value();
    if (fn2 && !is_none(fn2)) {
      Value r2 = repr(fn2);
      if (!r2) return Value();
      return Value(format_message("[Errno %S] %S: %U -> %U", err, msg, r1.as<Str>(), r2.as<Str>()));
    }
    return Value(format_message("[Errno %S] %S: %U", err, msg, r1.as<Str>()));
  }
  if (err && !is_none(err) && msg && !is_none(msg)) return Value(format_message("[Errno %S] %S", err, msg));
  return base_str(self);
}

Value oserror_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* e = as_exc(self);
  Value args(e->args);
  Value fn = field(self, kOSFilename);
  if (e->args->size == 2 && fn && !is_none(fn)) {
    Value fn2 = field(self, kOSFilename2);
    if (fn2 && !is_none(fn2))
      args = Value(tuple_pack({e->args->items[0], e->args->items[1], fn, None(), fn2}));
    else
      args = Value(tuple_pack({e->args->items[0], e->args->items[1], fn}));
  }
  if (e->dict && dict_size(e->dict)) return Value(tuple_pack({Value(type_of(self)), args, Value(e->dict)}));
  return Value(tuple_pack({Value(type_of(self)), args}));
}

Value oserror_get_written(Value self) {
  Value w = field(self, kOSWritten);
  if (!w || is_none(w)) return raise(&exc::AttributeError, "characters_written");
  return w;
}
int oserror_set_written(Value self, Value v) {
  if (!v) {
    if (!field(self, kOSWritten) || is_none(field(self, kOSWritten))) {
      raise(&exc::AttributeError, "characters_written");
      return -1;
    }
    field(self, kOSWritten) = None();
    return 0;
  }
  Value i = number_index(v);
  if (!i) return -1;
  field(self, kOSWritten) = i;
  return 0;
}
const GetSetDef oserror_getsets[] = {{"characters_written", oserror_get_written, oserror_set_written, nullptr},
                                     {nullptr}};
const MethodDef oserror_methods[] = {{"__reduce__", oserror_reduce, kMethodInstance, nullptr}, {nullptr}};

int syntax_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  for (int i = 0; i < kNumFields; i++) field(self, i) = None();
  if (nargs >= 1) field(self, kSyntaxMsg) = args[0];
  if (nargs == 2) {
    Value info = tuple_from_iterable(args[1]);
    if (!info) return -1;
    Tuple* t = info.as<Tuple>();
    if (t->size < 4 || t->size > 6) {
      raise(&exc::IndexError, "tuple index out of range");
      return -1;
    }
    field(self, kSyntaxFilename) = t->items[0];
    field(self, kSyntaxLineno) = t->items[1];
    field(self, kSyntaxOffset) = t->items[2];
    field(self, kSyntaxText) = t->items[3];
    if (t->size > 4) field(self, kSyntaxEndLineno) = t->items[4];
    if (t->size > 5) field(self, kSyntaxEndOffset) = t->items[5];
  }
  return 0;
}

Value syntax_error_str(Value self) {
  Value msg = field(self, kSyntaxMsg);
  Value filename = field(self, kSyntaxFilename);
  Value lineno = field(self, kSyntaxLineno);
  Value m = msg && !is_none(msg) ? to_str(msg) : base_str(self);
  if (!m) return Value();
  bool have_file = filename && is_str(filename);
  bool have_line = lineno && is_int(lineno);
  if (have_file) {
    // Only the last path component, as CPython does.
    Str* fn = filename.as<Str>();
    int64_t slash = -1;
    for (int64_t i = 0; i < fn->length; i++)
      if (fn->at(i) == '/') slash = i;
    Str* base = str_substr(fn, slash + 1, fn->length);
    if (have_line) return Value(format_message("%U (%U, line %S)", m.as<Str>(), base, lineno));
    return Value(format_message("%U (%U)", m.as<Str>(), base));
  }
  if (have_line) return Value(format_message("%U (line %S)", m.as<Str>(), lineno));
  return m;
}

Value key_error_str(Value self) {
  Tuple* a = as_exc(self)->args;
  if (a->size == 1) return repr(a->items[0]);
  return base_str(self);
}

int name_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  Value name = None();
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    if (str_equals_ascii(k, "name")) name = args[nargs + i];
    else {
      raise(&exc::TypeError, "NameError() got an unexpected keyword argument '%U'", k);
      return -1;
    }
  }
  as_exc(self)->args = tuple_from_array(args, int64_t(nargs));
  field(self, kNameName) = name;
  return 0;
}

int attribute_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  Value name = None(), obj = None();
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    if (str_equals_ascii(k, "name")) name = args[nargs + i];
    else if (str_equals_ascii(k, "obj")) obj = args[nargs + i];
    else {
      raise(&exc::TypeError, "AttributeError() got an unexpected keyword argument '%U'", k);
      return -1;
    }
  }
  as_exc(self)->args = tuple_from_array(args, int64_t(nargs));
  field(self, kAttrName) = name;
  field(self, kAttrObj) = obj;
  return 0;
}

// UnicodeDecodeError(encoding, object, start, end, reason), etc.
int unicode_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  Type* t = type_of(self);
  bool translate = is_subtype(t, &exc::UnicodeTranslateError);
  size_t want = translate ? 4 : 5;
  if (nargs != want) {
    if (is_subtype(t, &exc::UnicodeDecodeError) || is_subtype(t, &exc::UnicodeEncodeError) || translate) {
      raise(&exc::TypeError, "function takes exactly %zd arguments (%zd given)", ssize_t(want), ssize_t(nargs));
      return -1;
    }
    return 0;
  }
  size_t i = 0;
  if (!translate) field(self, kUnicodeEncoding) = args[i++];
  else field(self, kUnicodeEncoding) = None();
  Value obj = args[i++];
  if (is_subtype(t, &exc::UnicodeDecodeError)) {
    BufferView view;
    if (!get_buffer(obj, &view)) return -1;
    obj = Value(bytes_new(view.data, size_t(view.size)));
  }
  field(self, kUnicodeObject) = obj;
  field(self, kUnicodeStart) = args[i++];
  field(self, kUnicodeEnd) = args[i++];
  field(self, kUnicodeReason) = args[i++];
  return 0;
}

std::string char_escape(uint32_t c) {
  char buf[16];
  if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
  else std::snprintf(buf, sizeof buf, "\\U%08x", c);
  return buf;
}

Value unicode_error_str(Value self) {
  Type* t = type_of(self);
  Value obj = field(self, kUnicodeObject);
  if (!obj) return base_str(self);
  int64_t start = 0, end = 0;
  if (!int_to_i64(field(self, kUnicodeStart), &start) || !int_to_i64(field(self, kUnicodeEnd), &end)) return Value();
  Value reason = field(self, kUnicodeReason), encoding = field(self, kUnicodeEncoding);
  if (is_subtype(t, &exc::UnicodeDecodeError)) {
    auto* b = obj.as<Bytes>();
    if (start >= 0 && start < b->size && end == start + 1) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", b->data_ptr[start]);
      return Value(format_message("'%S' codec can't decode byte %s in position %lld: %S", encoding, buf,
                                  (long long)start, reason));
    }
    return Value(format_message("'%S' codec can't decode bytes in position %lld-%lld: %S", encoding, (long long)start,
                                (long long)(end - 1), reason));
  }
  Str* s = is_str(obj) ? obj.as<Str>() : nullptr;
  const char* verb = is_subtype(t, &exc::UnicodeTranslateError) ? "translate" : "encode";
  if (s && start >= 0 && start < s->length && end == start + 1) {
    std::string ch = char_escape(s->at(start));
    if (is_subtype(t, &exc::UnicodeTranslateError))
      return Value(format_message("can't translate character '%s' in position %lld: %S", ch.c_str(), (long long)start,
                                  reason));
    return Value(format_message("'%S' codec can't %s character '%s' in position %lld: %S", encoding, verb, ch.c_str(),
                                (long long)start, reason));
  }
  if (is_subtype(t, &exc::UnicodeTranslateError))
    return Value(format_message("can't translate characters in position %lld-%lld: %S", (long long)start,
                                (long long)(end - 1), reason));
  return Value(format_message("'%S' codec can't %s characters in position %lld-%lld: %S", encoding, verb,
                              (long long)start, (long long)(end - 1), reason));
}

// ------------------------------------------------------------------ exception groups

Value group_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return raise(&exc::TypeError, "BaseExceptionGroup.__new__() takes no keyword arguments");
  if (nargs != 2) return raise(&exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", ssize_t(nargs));
  Value msg = args[0], excs = args[1];
  if (!is_str(msg)) return raise(&exc::TypeError, "argument 1 must be str, not %s", type_name(msg));
  if (!(type_of(excs)->flags & kTypeSequence) && !is_tuple(excs) && !is_list(excs))
    return raise(&exc::TypeError, "second argument (exceptions) must be a sequence");
  Value seq = tuple_from_iterable(excs);
  if (!seq) return Value();
  Tuple* t = seq.as<Tuple>();
  if (t->size == 0) return raise(&exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < t->size; i++) {
    Value e = t->items[i];
    if (!is_exception_instance(e))
      return raise(&exc::ValueError, "Item %lld of second argument (exceptions) is not an exception", (long long)i);
    if (!is_instance_of(e, &exc::Exception)) nested_base = true;
  }
  if (type == &exc::BaseExceptionGroup) {
    if (!nested_base) type = &exc::ExceptionGroup;
  } else if (type == &exc::ExceptionGroup) {
    if (nested_base) return raise(&exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(type, &exc::Exception)) {
    return raise(&exc::TypeError, "Cannot nest BaseExceptions in '%U'", type->name);
  }
  Value self = base_new(type, args, nargs, kwnames);
  field(self, kGroupMsg) = msg;
  field(self, kGroupExcs) = seq;
  return self;
}

int group_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  as_exc(self)->args = tuple_from_array(args, int64_t(nargs));
  return 0;
}

Value group_str(Value self) {
  Value msg = field(self, kGroupMsg);
  int64_t n = field(self, kGroupExcs).as<Tuple>()->size;
  return Value(format_message("%S (%lld sub-exception%s)", msg, (long long)n, n > 1 ? "s" : ""));
}

Value group_derive(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("derive", nargs, 1, 1)) return Value();
  Value a[2] = {field(self, kGroupMsg), args[0]};
  return call(Value(&exc::BaseExceptionGroup), a, 2);
}

// Copies traceback, context, cause and notes from the original group.
bool copy_group_metadata(Value orig, Value eg) {
  auto* o = as_exc(orig);
  auto* e = as_exc(eg);
  e->traceback = o->traceback;
  e->context = o->context;
  e->cause = o->cause;
  Value notes = lookup_attr(orig, names::__notes__);
  if (notes) {
    Value copy = list_from_iterable(notes);
    if (!copy) return false;
    if (set_attr(eg, names::__notes__, copy) < 0) return false;
  } else if (error_occurred()) {
    return false;
  }
  return true;
}

enum class MatchKind { ByType, ByPredicate, ByInstanceIds };

int split_check(Value exc, MatchKind kind, Value value) {
  switch (kind) {
    case MatchKind::ByType:
      return is_instance(exc, value);
    case MatchKind::ByPredicate: {
      Value r = call1(value, exc);
      if (!r) return -1;
      return truthy(r);
    }
    case MatchKind::ByInstanceIds:
      return set_contains(value.as<Set>(), int_from_u64(exc.bits())) == 1;
  }
  return 0;
}

// Recursive split of a group: returns false on error.
bool split_recursive(Value exc, MatchKind kind, Value value, bool want_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  int r = split_check(exc, kind, value);
  if (r < 0) return false;
  if (r) {
    *match = exc;
    return true;
  }
  if (!is_instance_of(exc, &exc::BaseExceptionGroup)) {
    if (want_rest) *rest = exc;
    return true;
  }
  Tuple* excs = field(exc, kGroupExcs).as<Tuple>();
  List* matches = list_new();
  List* rests = want_rest ? list_new() : nullptr;
  for (Value e : *excs) {
    Value m, rr;
    if (!enter_recursion(" in split")) return false;
    bool ok = split_recursive(e, kind, value, want_rest, &m, &rr);
    leave_recursion();
    if (!ok) return false;
    if (m) list_append(matches, m);
    if (rr) list_append(rests, rr);
  }
  auto build = [&](List* l, Value* out) -> bool {
    if (!l || list_size(l) == 0) return true;
    Value g = call_method1(exc, intern_cstr("derive"), Value(l));
    if (!g) return false;
    if (!is_instance_of(g, &exc::BaseExceptionGroup))
      return raise(&exc::TypeError, "derive must return an instance of BaseExceptionGroup"), false;
    if (!copy_group_metadata(exc, g)) return false;
    *out = g;
    return true;
  };
  return build(matches, match) && build(rests, rest);
}

bool parse_split_condition(Value cond, MatchKind* kind) {
  if (is_exception_type(cond)) {
    *kind = MatchKind::ByType;
    return true;
  }
  if (is_tuple(cond)) {
    for (Value c : *cond.as<Tuple>())
      if (!is_exception_type(c)) goto bad;
    *kind = MatchKind::ByType;
    return true;
  }
  if (is_callable(cond) && !is_type_object(cond)) {
    *kind = MatchKind::ByPredicate;
    return true;
  }
bad:
  raise(&exc::TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

Value group_split(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("split", nargs, 1, 1)) return Value();
  MatchKind kind;
  if (!parse_split_condition(args[0], &kind)) return Value();
  Value m, r;
  if (!split_recursive(self, kind, args[0], true, &m, &r)) return Value();
  return Value(tuple_pack({m ? m : None(), r ? r : None()}));
}

Value group_subgroup(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("subgroup", nargs, 1, 1)) return Value();
  MatchKind kind;
  if (!parse_split_condition(args[0], &kind)) return Value();
  Value m, r;
  if (!split_recursive(self, kind, args[0], false, &m, &r)) return Value();
  return m ? m : None();
}

Value group_get_message(Value self) { return field(self, kGroupMsg); }
Value group_get_exceptions(Value self) { return field(self, kGroupExcs); }
const GetSetDef group_getsets[] = {{"message", group_get_message, nullptr, "exception message"},
                                   {"exceptions", group_get_exceptions, nullptr, "nested exceptions"},
                                   {nullptr}};
Value group_class_getitem(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__class_getitem__", nargs, 1, 1)) return Value();
  return generic_alias_new(self, args[0]);
}
const MethodDef group_methods[] = {{"derive", group_derive, kMethodInstance, nullptr},
                                   {"split", group_split, kMethodInstance, nullptr},
                                   {"subgroup", group_subgroup, kMethodInstance, nullptr},
                                   {"__class_getitem__", group_class_getitem, kMethodClass, nullptr},
                                   {nullptr}};

}  // namespace

Value exception_group_split(Value eg, Value type, Value* rest) {
  if (!is_instance_of(eg, &exc::BaseExceptionGroup)) {
    // A naked exception matching except*: wrap it in an ExceptionGroup.
    int r = is_instance(eg, type);
    if (r < 0) return Value();
    if (!r) {
      *rest = eg;
      return Value();
    }
    Value args[2] = {Value(str_empty()), Value(tuple_pack({eg}))};
    Value g = call(Value(&exc::BaseExceptionGroup), args, 2);
    if (!g) return Value();
    as_exc(g)->traceback = as_exc(eg)->traceback;
    *rest = Value();
    return g;
  }
  Value m, r;
  if (!split_recursive(eg, MatchKind::ByType, type, true, &m, &r)) return Value();
  *rest = r;
  return m;
}

namespace {

// Collects the ids of the leaf exceptions of a group.
void collect_leaf_ids(Value e, Set* ids) {
  if (is_instance_of(e, &exc::BaseExceptionGroup)) {
    for (Value x : *field(e, kGroupExcs).as<Tuple>()) collect_leaf_ids(x, ids);
  } else {
    set_add(ids, int_from_u64(e.bits()));
  }
}

}  // namespace

Value exception_group_combine(Value orig, Value raised_list) {
  List* raised = raised_list.as<List>();
  int64_t n = list_size(raised);
  // Split into re-raised parts of the original (leaf ids in orig) and new ones.
  Set* orig_ids = set_new();
  if (is_instance_of(orig, &exc::BaseExceptionGroup)) collect_leaf_ids(orig, orig_ids);
  else set_add(orig_ids, int_from_u64(orig.bits()));
  List* reraised = list_new();
  List* new_excs = list_new();
  for (int64_t i = 0; i < n; i++) {
    Value e = list_get(raised, i);
    if (is_none(e)) continue;
    bool is_reraise = false;
    if (is_instance_of(e, &exc::BaseExceptionGroup)) {
      Set* leaf = set_new();
      collect_leaf_ids(e, leaf);
      int64_t pos = 0;
      Value k;
      is_reraise = true;
      while (set_next(leaf, &pos, &k))
        if (set_contains(orig_ids, k) != 1) is_reraise = false;
    } else {
      is_reraise = set_contains(orig_ids, int_from_u64(e.bits())) == 1;
    }
    list_append(is_reraise ? reraised : new_excs, e);
  }
  if (list_size(reraised) == 0 && list_size(new_excs) == 0) return None();
  Value reraised_eg;
  if (list_size(reraised)) {
    if (!is_instance_of(orig, &exc::BaseExceptionGroup)) {
      reraised_eg = orig;
    } else {
      Set* keep = set_new();
      for (int64_t i = 0; i < list_size(reraised); i++) collect_leaf_ids(list_get(reraised, i), keep);
      Value m, r;
      if (!split_recursive(orig, MatchKind::ByInstanceIds, Value(keep), false, &m, &r)) return Value();
      reraised_eg = m;
    }
  }
  if (list_size(new_excs) == 0) return reraised_eg ? reraised_eg : None();
  if (reraised_eg) list_append(new_excs, reraised_eg);
  if (list_size(new_excs) == 1 && !reraised_eg) return list_get(new_excs, 0);
  Value args[2] = {Value(str_empty()), Value(new_excs)};
  return call(Value(&exc::BaseExceptionGroup), args, 2);
}

// ------------------------------------------------------------------ tracebacks

namespace {

struct Traceback : Object {
  Value next;
  Value frame;
  int32_t lasti;
  int32_t lineno;
};

Value tb_get_next(Value self) {
  Value n = self.as<Traceback>()->next;
  return n ? n : None();
}
int tb_set_next(Value self, Value v) {
  if (!v) {
    raise(&exc::TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (!is_none(v) && !is_type(v, &traceback_type)) {
    raise(&exc::TypeError, "expected traceback object or None, got '%s'", type_name(v));
    return -1;
  }
  for (Value c = v; c && !is_none(c); c = c.as<Traceback>()->next)
    if (c == self) {
      raise(&exc::ValueError, "traceback loop detected");
      return -1;
    }
  self.as<Traceback>()->next = is_none(v) ? Value() : v;
  return 0;
}
Value tb_get_frame(Value self) { return self.as<Traceback>()->frame; }
Value tb_get_lasti(Value self) { return Value::from_small_int(int64_t(self.as<Traceback>()->lasti) * 2); }
Value tb_get_lineno(Value self) { return Value::from_small_int(self.as<Traceback>()->lineno); }

const GetSetDef tb_getsets[] = {{"tb_next", tb_get_next, tb_set_next, nullptr},
                                {"tb_frame", tb_get_frame, nullptr, nullptr},
                                {"tb_lasti", tb_get_lasti, nullptr, nullptr},
                                {"tb_lineno", tb_get_lineno, nullptr, nullptr},
                                {nullptr}};

Value tb_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const ArgSpec spec{"traceback", {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, 4};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  auto* tb = alloc_instance<Traceback>(&traceback_type);
  tb->next = is_none(a[0]) ? Value() : a[0];
  tb->frame = a[1];
  int64_t lasti, lineno;
  if (!int_to_i64(a[2], &lasti) || !int_to_i64(a[3], &lineno)) return Value();
  tb->lasti = int32_t(lasti / 2);
  tb->lineno = int32_t(lineno);
  return Value(tb);
}

}  // namespace

void exception_add_traceback(Value exc, Value frame_object, int lasti, int lineno) {
  if (!is_exception_instance(exc)) return;
  auto* tb = alloc_instance<Traceback>(&traceback_type);
  tb->next = as_exc(exc)->traceback;
  tb->frame = frame_object;
  tb->lasti = lasti;
  tb->lineno = lineno;
  as_exc(exc)->traceback = Value(tb);
}

Value traceback_frame(Value tb) { return tb.as<Traceback>()->frame; }
Value traceback_next(Value tb) { return tb.as<Traceback>()->next; }
int traceback_lineno(Value tb) { return tb.as<Traceback>()->lineno; }
int traceback_lasti(Value tb) { return tb.as<Traceback>()->lasti; }

// ------------------------------------------------------------------ types

namespace {

struct ExcDef {
  Type* type;
  const char* name;
  Type* base;
  const char* doc;
};

void setup(Type* t, const char* name, Type* base, const char* doc) {
  t->native_name = name;
  t->base = base;
  t->flags |= kTypeBaseType | kTypeIsException;
  t->instance_size = sizeof(FullException);
  t->dict_offset = int32_t(offsetof(ExceptionObject, dict));
  t->doc = doc;
}

MemberDef members_stop[] = {{"value", MemberKind::ValueOrNone, field_offset(kStopValue), "generator return value"}, {nullptr}};
MemberDef members_exit[] = {{"code", MemberKind::ValueOrNone, field_offset(kExitCode), "exception code"}, {nullptr}};
MemberDef members_import[] = {{"msg", MemberKind::ValueOrNone, field_offset(kImportMsg), "exception message"},
                              {"name", MemberKind::ValueOrNone, field_offset(kImportName), "module name"},
                              {"path", MemberKind::ValueOrNone, field_offset(kImportPath), "module path"},
                              {nullptr}};
MemberDef members_os[] = {{"errno", MemberKind::ValueOrNone, field_offset(kOSErrno), "POSIX exception code"},
                          {"strerror", MemberKind::ValueOrNone, field_offset(kOSStrerror), "exception strerror"},
                          {"filename", MemberKind::ValueOrNone, field_offset(kOSFilename), "exception filename"},
                          {"filename2", MemberKind::ValueOrNone, field_offset(kOSFilename2), "second exception filename"},
                          {nullptr}};
MemberDef members_syntax[] = {{"msg", MemberKind::ValueOrNone, field_offset(kSyntaxMsg), "exception msg"},
                              {"filename", MemberKind::ValueOrNone, field_offset(kSyntaxFilename), "exception filename"},
                              {"lineno", MemberKind::ValueOrNone, field_offset(kSyntaxLineno), "exception lineno"},
                              {"offset", MemberKind::ValueOrNone, field_offset(kSyntaxOffset), "exception offset"},
                              {"text", MemberKind::ValueOrNone, field_offset(kSyntaxText), "exception text"},
                              {"end_lineno", MemberKind::ValueOrNone, field_offset(kSyntaxEndLineno), "exception end lineno"},
                              {"end_offset", MemberKind::ValueOrNone, field_offset(kSyntaxEndOffset), "exception end offset"},
                              {"print_file_and_line", MemberKind::ValueOrNone, field_offset(kSyntaxPrintFileAndLine),
                               "exception print_file_and_line"},
                              {nullptr}};
MemberDef members_unicode[] = {{"encoding", MemberKind::ValueOrNone, field_offset(kUnicodeEncoding), "exception encoding"},
                               {"object", MemberKind::ValueOrNone, field_offset(kUnicodeObject), "exception object"},
                               {"start", MemberKind::ValueOrNone, field_offset(kUnicodeStart), "exception start"},
                               {"end", MemberKind::ValueOrNone, field_offset(kUnicodeEnd), "exception end"},
                               {"reason", MemberKind::ValueOrNone, field_offset(kUnicodeReason), "exception reason"},
                               {nullptr}};
MemberDef members_name[] = {{"name", MemberKind::ValueOrNone, field_offset(kNameName), "name"}, {nullptr}};
MemberDef members_attr[] = {{"name", MemberKind::ValueOrNone, field_offset(kAttrName), "attribute name"},
                            {"obj", MemberKind::ValueOrNone, field_offset(kAttrObj), "object"},
                            {nullptr}};

}  // namespace

void init_exception_types() {
  using namespace exc;
  setup(&BaseException, "BaseException", &object_type, "Common base class for all exceptions");
  BaseException.new_ = base_new;
  BaseException.init = base_init;
  BaseException.str = base_str;
  BaseException.repr = base_repr;
  BaseException.getsets = base_getsets;
  BaseException.methods = base_methods;

  setup(&BaseExceptionGroup, "BaseExceptionGroup", &BaseException, "A combination of multiple unrelated exceptions.");
  BaseExceptionGroup.new_ = group_new;
  BaseExceptionGroup.init = group_init;
  BaseExceptionGroup.str = group_str;
  BaseExceptionGroup.getsets = group_getsets;
  BaseExceptionGroup.methods = group_methods;
  setup(&Exception, "Exception", &BaseException, "Common base class for all non-exit exceptions.");
  setup(&ExceptionGroup, "ExceptionGroup", &BaseExceptionGroup, nullptr);
  setup(&GeneratorExit, "GeneratorExit", &BaseException, "Request that a generator exit.");
  setup(&KeyboardInterrupt, "KeyboardInterrupt", &BaseException, "Program interrupted by user.");
  setup(&SystemExit, "SystemExit", &BaseException, "Request to exit from the interpreter.");
  SystemExit.init = system_exit_init;
  SystemExit.members = members_exit;
  setup(&ArithmeticError, "ArithmeticError", &Exception, "Base class for arithmetic errors.");
  setup(&AssertionError, "AssertionError", &Exception, "Assertion failed.");
  setup(&AttributeError, "AttributeError", &Exception, "Attribute not found.");
  AttributeError.init = attribute_error_init;
  AttributeError.members = members_attr;
  setup(&BufferError, "BufferError", &Exception, "Buffer error.");
  setup(&EOFError, "EOFError", &Exception, "Read beyond end of file.");
  setup(&ImportError, "ImportError", &Exception, "Import can't find module, or can't find name in module.");
  ImportError.init = import_error_init;
  ImportError.str = import_error_str;
  ImportError.members = members_import;
  ImportError.methods = import_error_methods;
  setup(&LookupError, "LookupError", &Exception, "Base class for lookup errors.");
  setup(&MemoryError, "MemoryError", &Exception, "Out of memory.");
  setup(&NameError, "NameError", &Exception, "Name not found globally.");
  NameError.init = name_error_init;
  NameError.members = members_name;
  setup(&OSError, "OSError", &Exception, "Base class for I/O related errors.");
  OSError.new_ = oserror_new;
  OSError.init = oserror_init;
  OSError.str = oserror_str;
  OSError.members = members_os;
  OSError.getsets = oserror_getsets;
  OSError.methods = oserror_methods;
  setup(&ReferenceError, "ReferenceError", &Exception, "Weak ref proxy used after referent went away.");
  setup(&RuntimeError, "RuntimeError", &Exception, "Unspecified run-time error.");
  setup(&StopAsyncIteration, "StopAsyncIteration", &Exception, "Signal the end from iterator.__anext__().");
  setup(&StopIteration, "StopIteration", &Exception, "Signal the end from iterator.__next__().");
  StopIteration.init = stop_iteration_init;
  StopIteration.members = members_stop;
  setup(&SyntaxError, "SyntaxError", &Exception, "Invalid syntax.");
  SyntaxError.init = syntax_error_init;
  SyntaxError.str = syntax_error_str;
  SyntaxError.members = members_syntax;
  setup(&SystemError, "SystemError", &Exception,
        "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.");
  setup(&TypeError, "TypeError", &Exception, "Inappropriate argument type.");
  setup(&ValueError, "ValueError", &Exception, "Inappropriate argument value (of correct type).");
  setup(&Warning, "Warning", &Exception, "Base class for warning categories.");
  setup(&FloatingPointError, "FloatingPointError", &ArithmeticError, "Floating point operation failed.");
  setup(&OverflowError, "OverflowError", &ArithmeticError, "Result too large to be represented.");
  setup(&ZeroDivisionError, "ZeroDivisionError", &ArithmeticError, "Second argument to a division or modulo operation was zero.");
  setup(&ModuleNotFoundError, "ModuleNotFoundError", &ImportError, "Module not found.");
  setup(&IndexError, "IndexError", &LookupError, "Sequence index out of range.");
  setup(&KeyError, "KeyError", &LookupError, "Mapping key not found.");
  KeyError.str = key_error_str;
  setup(&UnboundLocalError, "UnboundLocalError", &NameError, "Local name referenced but not bound to a value.");
  setup(&BlockingIOError, "BlockingIOError", &OSError, "I/O operation would block.");
  setup(&ChildProcessError, "ChildProcessError", &OSError, "Child process error.");
  setup(&ConnectionError, "ConnectionError", &OSError, "Connection error.");
  setup(&BrokenPipeError, "BrokenPipeError", &ConnectionError, "Broken pipe.");
  setup(&ConnectionAbortedError, "ConnectionAbortedError", &ConnectionError, "Connection aborted.");
  setup(&ConnectionRefusedError, "ConnectionRefusedError", &ConnectionError, "Connection refused.");
  setup(&ConnectionResetError, "ConnectionResetError", &ConnectionError, "Connection reset.");
  setup(&FileExistsError, "FileExistsError", &OSError, "File already exists.");
  setup(&FileNotFoundError, "FileNotFoundError", &OSError, "File not found.");
  setup(&InterruptedError, "InterruptedError", &OSError, "Interrupted by signal.");
  setup(&IsADirectoryError, "IsADirectoryError", &OSError, "Operation doesn't work on directories.");
  setup(&NotADirectoryError, "NotADirectoryError", &OSError, "Operation only works on directories.");
  setup(&PermissionError, "PermissionError", &OSError, "Not enough permissions.");
  setup(&ProcessLookupError, "ProcessLookupError", &OSError, "Process not found.");
  setup(&TimeoutError, "TimeoutError", &OSError, "Timeout expired.");
  setup(&NotImplementedError, "NotImplementedError", &RuntimeError, "Method or function hasn't been implemented yet.");
  setup(&RecursionError, "RecursionError", &RuntimeError, "Recursion limit exceeded.");
  setup(&IndentationError, "IndentationError", &SyntaxError, "Improper indentation.");
  setup(&TabError, "TabError", &IndentationError, "Improper mixture of spaces and tabs.");
  setup(&UnicodeError, "UnicodeError", &ValueError, "Unicode related error.");
  setup(&UnicodeDecodeError, "UnicodeDecodeError", &UnicodeError, "Unicode decoding error.");
  setup(&UnicodeEncodeError, "UnicodeEncodeError", &UnicodeError, "Unicode encoding error.");
  setup(&UnicodeTranslateError, "UnicodeTranslateError", &UnicodeError, "Unicode translation error.");
  for (Type* t : {&UnicodeDecodeError, &UnicodeEncodeError, &UnicodeTranslateError}) {
    t->init = unicode_error_init;
    t->str = unicode_error_str;
    t->members = members_unicode;
  }
  setup(&BytesWarning, "BytesWarning", &Warning, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.");
  setup(&DeprecationWarning, "DeprecationWarning", &Warning, "Base class for warnings about deprecated features.");
  setup(&EncodingWarning, "EncodingWarning", &Warning, "Base class for warnings about encodings.");
  setup(&FutureWarning, "FutureWarning", &Warning, "Base class for warnings about constructs that will change semantically\nin the future.");
  setup(&ImportWarning, "ImportWarning", &Warning, "Base class for warnings about probable mistakes in module imports");
  setup(&PendingDeprecationWarning, "PendingDeprecationWarning", &Warning, "Base class for warnings about features which will be deprecated\nin the future.");
  setup(&ResourceWarning, "ResourceWarning", &Warning, "Base class for warnings about resource usage.");
  setup(&RuntimeWarning, "RuntimeWarning", &Warning, "Base class for warnings about dubious runtime behavior.");
  setup(&SyntaxWarning, "SyntaxWarning", &Warning, "Base class for warnings about dubious syntax.");
  setup(&UnicodeWarning, "UnicodeWarning", &Warning, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.");
  setup(&UserWarning, "UserWarning", &Warning, "Base class for warnings generated by user code.");

  traceback_type.native_name = "traceback";
  traceback_type.instance_size = sizeof(Traceback);
  traceback_type.getsets = tb_getsets;
  traceback_type.new_ = tb_new;
}

void ready_exception_types() {
  using namespace exc;
#define SPINDLE_READY_EXC(name) \
  if (&name != &ExceptionGroup) type_ready(&name);
  SPINDLE_EXCEPTIONS(SPINDLE_READY_EXC)
#undef SPINDLE_READY_EXC
  // ExceptionGroup(BaseExceptionGroup, Exception): two native bases.
  ExceptionGroup.bases = tuple_pack({Value(&BaseExceptionGroup), Value(&Exception)});
  ExceptionGroup.mro = tuple_pack({Value(&ExceptionGroup), Value(&BaseExceptionGroup), Value(&Exception),
                                   Value(&BaseException), Value(&object_type)});
  type_ready(&ExceptionGroup);
  type_ready(&traceback_type);
}

}  // namespace spindle
