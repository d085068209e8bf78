// The _csv module (wrapped by csv.py): Dialect, reader, writer and the
// dialect registry, with CPython 3.11's parsing and quoting rules.
#include <atomic>
#include <climits>
#include <mutex>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/interp.h"

namespace spindle {

namespace {

constexpr int64_t kNotSet = -1;
constexpr int64_t kEndOfLine = -2;
enum Quoting { kQuoteMinimal, kQuoteAll, kQuoteNonNumeric, kQuoteNone };

Type dialect_type, reader_type, writer_type;
Type* csv_error = nullptr;
Dict* dialects = nullptr;
std::atomic<int64_t> field_limit{128 * 1024};

struct DialectObject : Object {
  int64_t delimiter, quotechar, escapechar;  // code points or kNotSet
  bool doublequote, skipinitialspace, strict;
  int quoting;
  Str* lineterminator;
};

struct ReaderObject : Object {
  Value input;  // iterator of lines
  DialectObject* dialect;
  int64_t line_num;
};

struct WriterObject : Object {
  Value write;  // the bound write method
  DialectObject* dialect;
};

Value raise_csv(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Value r = raise_va(csv_error, fmt, ap);
  va_end(ap);
  return r;
}

// ---- Dialect

const char* const kAttributeNames[] = {"delimiter", "doublequote", "escapechar", "lineterminator",
                                       "quotechar", "quoting",     "skipinitialspace", "strict"};

// "delimiter": exactly one character.
bool set_char(const char* name, Value src, int64_t* target) {
  if (!is_str(src)) {
    raise(&exc::TypeError, "\"%s\" must be string, not %s", name, type_name(src));
    return false;
  }
  Str* s = src.as<Str>();
  if (s->length != 1) {
    raise(&exc::TypeError, "\"%s\" must be a 1-character string", name);
    return false;
  }
  *target = s->at(0);
  return true;
}

// "quotechar", "escapechar": one character, or None for none.
bool set_char_or_none(const char* name, Value src, int64_t* target) {
  if (is_none(src)) {
    *target = kNotSet;
    return true;
  }
  if (!is_str(src)) {
    raise(&exc::TypeError, "\"%s\" must be string or None, not %s", name, type_name(src));
    return false;
  }
  return set_char(name, src, target);
}

bool set_bool(Value src, bool* target) {
  int t = truthy(src);
  if (t < 0) return false;
  *target = t;
  return true;
}

// The parameters of Dialect(), reader(), writer() and register_dialect()
// after their leading positional ones: the base dialect, then the attributes.
constexpr int kDialectParams = 9;
const ArgSpec kDialectSpec{"", {"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar",
                                "quoting", "skipinitialspace", "strict"}, 0};

// Dialect(dialect, **fmtparams): attributes from the keywords, else from the
// dialect object (a name is looked up in the registry), else the defaults.
Value dialect_make(Type* type, Value* params) {
  Value base = params[0];
  if (base && is_str(base)) {
    base = dict_get(dialects, base);
    if (!base) return error_occurred() ? Value() : raise_csv("unknown dialect");
  }
  Value* attrs = params + 1;
  bool has_attrs = false;
  for (int i = 0; i < kDialectParams - 1; i++) has_attrs = has_attrs || attrs[i];
  if (base && is_instance_of(base, &dialect_type) && !has_attrs) return base;
  if (base)
    for (int i = 0; i < kDialectParams - 1; i++)
      if (!attrs[i]) {
        // Like CPython, any failure to read an attribute means "use the default".
        attrs[i] = lookup_attr(base, intern_cstr(kAttributeNames[i]));
        if (!attrs[i]) clear_error();
      }
  enum { kDelimiter, kDoublequote, kEscapechar, kLineterminator, kQuotechar, kQuoting, kSkipinitialspace, kStrict };
  auto* d = alloc_instance<DialectObject>(type);
  d->delimiter = ',';
  d->doublequote = true;
  d->escapechar = kNotSet;
  d->lineterminator = str_from_ascii("\r\n");
  d->quotechar = '"';
  d->quoting = kQuoteMinimal;
  d->skipinitialspace = false;
  d->strict = false;
  if (attrs[kDelimiter] && !set_char("delimiter", attrs[kDelimiter], &d->delimiter)) return Value();
  if (attrs[kDoublequote] && !set_bool(attrs[kDoublequote], &d->doublequote)) return Value();
  if (attrs[kEscapechar] && !set_char_or_none("escapechar", attrs[kEscapechar], &d->escapechar)) return Value();
  if (Value lt = attrs[kLineterminator]) {
    if (is_none(lt)) d->lineterminator = nullptr;
    else if (!is_str(lt)) return raise(&exc::TypeError, "\"lineterminator\" must be a string");
    else d->lineterminator = lt.as<Str>();
  }
  if (attrs[kQuotechar] && !set_char_or_none("quotechar", attrs[kQuotechar], &d->quotechar)) return Value();
  if (Value q = attrs[kQuoting]) {
    if (!is_int_exact(q)) return raise(&exc::TypeError, "\"quoting\" must be an integer");
    int64_t quoting;
    if (!int_to_i64(q, &quoting)) {
      clear_error();
      quoting = INT64_MAX;
    }
    if (quoting < INT_MIN || quoting > INT_MAX) return raise(&exc::OverflowError, "Python int too large to convert to C int");
    if (quoting < kQuoteMinimal || quoting > kQuoteNone) return raise(&exc::TypeError, "bad \"quoting\" value");
    d->quoting = int(quoting);
  }
  if (attrs[kSkipinitialspace] && !set_bool(attrs[kSkipinitialspace], &d->skipinitialspace)) return Value();
  if (attrs[kStrict] && !set_bool(attrs[kStrict], &d->strict)) return Value();
  if (attrs[kQuotechar] && is_none(attrs[kQuotechar]) && !attrs[kQuoting]) d->quoting = kQuoteNone;
  if (d->quoting != kQuoteNone && d->quotechar == kNotSet)
    return raise(&exc::TypeError, "quotechar must be set if quoting enabled");
  if (!d->lineterminator) return raise(&exc::TypeError, "lineterminator must be set");
  return Value(d);
}

Value dialect_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value params[kDialectParams] = {};
  if (!parse_args(kDialectSpec, args, nargs, kwnames, params)) return Value();
  return dialect_make(type, params);
}

// Calls Dialect(dialect, **kwargs) for reader(), writer() and
// register_dialect(), whose own positional arguments come first.
Value dialect_from_call(Value base, const Value* kwvalues, Tuple* kwnames) {
  // Transient: every Value here is also referenced by the caller's arguments.
  std::vector<Value> args;
  if (base) args.push_back(base);
  args.insert(args.end(), kwvalues, kwvalues + kwcount(kwnames));
  return dialect_new(&dialect_type, args.data(), base ? 1 : 0, kwnames);
}

// The positional arguments of reader(), writer() and register_dialect():
// one required, then an optional dialect.
bool unpack_two(size_t nargs) {
  if (nargs < 1) {
    raise(&exc::TypeError, " expected at least 1 argument, got %zd", nargs);
    return false;
  }
  if (nargs > 2) {
    raise(&exc::TypeError, " expected at most 2 arguments, got %zd", nargs);
    return false;
  }
  return true;
}

DialectObject* as_dialect(Value v) { return v.as<DialectObject>(); }

Value char_or_none(int64_t c) { return c == kNotSet ? None() : Value(str_from_char(uint32_t(c))); }
Value d_delimiter(Value self) { return char_or_none(as_dialect(self)->delimiter); }
Value d_quotechar(Value self) { return char_or_none(as_dialect(self)->quotechar); }
Value d_escapechar(Value self) { return char_or_none(as_dialect(self)->escapechar); }
Value d_lineterminator(Value self) { return Value(as_dialect(self)->lineterminator); }
Value d_quoting(Value self) { return Value::from_small_int(as_dialect(self)->quoting); }
Value d_doublequote(Value self) { return Bool(as_dialect(self)->doublequote); }
Value d_skipinitialspace(Value self) { return Bool(as_dialect(self)->skipinitialspace); }
Value d_strict(Value self) { return Bool(as_dialect(self)->strict); }

const GetSetDef dialect_getsets[] = {
    {"delimiter", d_delimiter, nullptr, nullptr},
    {"quotechar", d_quotechar, nullptr, nullptr},
    {"escapechar", d_escapechar, nullptr, nullptr},
    {"lineterminator", d_lineterminator, nullptr, nullptr},
    {"quoting", d_quoting, nullptr, nullptr},
    {"doublequote", d_doublequote, nullptr, nullptr},
    {"skipinitialspace", d_skipinitialspace, nullptr, nullptr},
    {"strict", d_strict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- reader

enum ParseState {
  kStartRecord, kStartField, kEscapedChar, kInField, kInQuotedField, kEscapeInQuotedField, kQuoteInQuotedField,
  kEatCrNl, kAfterEscapedCrNl
};

struct Parser {
  DialectObject* d;
  ParseState state = kStartRecord;
  List* fields = list_new();
  std::vector<uint32_t> field;  // code points of the field being read
  int64_t field_len = 0;
  bool numeric_field = false;

  bool save_field() {
    Str* s = str_from_code_points(field.data(), field.size());
    field.clear();
    field_len = 0;
    Value v(s);
    if (numeric_field) {
      numeric_field = false;
      v = call1(Value(&float_type), v);
      if (!v) return false;
    }
    list_append(fields, v);
    return true;
  }

  bool add_char(int64_t c) {
    if (field_len >= field_limit.load(std::memory_order_relaxed)) {
      raise_csv("field larger than field limit (%lld)", (long long)field_limit.load());
      return false;
    }
    field.push_back(uint32_t(c));
    field_len++;
    return true;
  }

  bool end_field_or_record(int64_t c) {
    if (!save_field()) return false;
    state = c == kEndOfLine ? kStartRecord : kEatCrNl;
    return true;
  }

  static bool is_newline(int64_t c) { return c == '\n' || c == '\r' || c == kEndOfLine; }

  bool process(int64_t c) {
    switch (state) {
      case kStartRecord:
        if (c == kEndOfLine) return true;
        if (c == '\n' || c == '\r') {
          state = kEatCrNl;
          return true;
        }
        state = kStartField;
        [[fallthrough]];
      case kStartField:
        if (is_newline(c)) return end_field_or_record(c);
        if (c == d->quotechar && d->quoting != kQuoteNone) state = kInQuotedField;
        else if (c == d->escapechar) state = kEscapedChar;
        else if (c == ' ' && d->skipinitialspace) {
        } else if (c == d->delimiter) return save_field();
        else {
          if (d->quoting == kQuoteNonNumeric) numeric_field = true;
          if (!add_char(c)) return false;
          state = kInField;
        }
        return true;
      case kEscapedChar:
        if (c == '\n' || c == '\r') {
          if (!add_char(c)) return false;
          state = kAfterEscapedCrNl;
          return true;
        }
        if (c == kEndOfLine) c = '\n';
        if (!add_char(c)) return false;
        state = kInField;
        return true;
      case kAfterEscapedCrNl:
        if (c == kEndOfLine) return true;
        [[fallthrough]];
      case kInField:
        if (is_newline(c)) return end_field_or_record(c);
        if (c == d->escapechar) state = kEscapedChar;
        else if (c == d->delimiter) {
          if (!save_field()) return false;
          state = kStartField;
        } else if (!add_char(c)) return false;
        return true;
      case kInQuotedField:
        if (c == kEndOfLine) {
        } else if (c == d->escapechar) state = kEscapeInQuotedField;
        else if (c == d->quotechar && d->quoting != kQuoteNone) state = d->doublequote ? kQuoteInQuotedField : kInField;
        else if (!add_char(c)) return false;
        return true;
      case kEscapeInQuotedField:
        if (c == kEndOfLine) c = '\n';
        if (!add_char(c)) return false;
        state = kInQuotedField;
        return true;
      case kQuoteInQuotedField:
        if (d->quoting != kQuoteNone && c == d->quotechar) {
          if (!add_char(c)) return false;
          state = kInQuotedField;
        } else if (c == d->delimiter) {
          if (!save_field()) return false;
          state = kStartField;
        } else if (is_newline(c)) {
          return end_field_or_record(c);
        } else if (!d->strict) {
          if (!add_char(c)) return false;
          state = kInField;
        } else {
          raise_csv("'%U' expected after '%U'", str_from_char(uint32_t(d->delimiter)), str_from_char(uint32_t(d->quotechar)));
          return false;
        }
        return true;
      case kEatCrNl:
        if (c == '\n' || c == '\r') return true;
        if (c == kEndOfLine) {
          state = kStartRecord;
          return true;
        }
        raise_csv("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
        return false;
    }
    return true;
  }
};

Value reader_next(Value self) {
  auto* r = self.as<ReaderObject>();
  Parser p{r->dialect};
  do {
    Value line = iter_next(r->input);
    if (!line) {
      if (error_occurred()) return Value();
      if (p.field_len != 0 || p.state == kInQuotedField) {
        if (r->dialect->strict) return raise_csv("unexpected end of data");
        if (!p.save_field()) return Value();
        break;
      }
      return Value();
    }
    if (!is_str(line))
      return raise_csv("iterator should return strings, not %s (the file should be opened in text mode)", type_name(line));
    r->line_num++;
    Str* s = line.as<Str>();
    for (int64_t i = 0; i < s->length; i++)
      if (!p.process(s->at(i))) return Value();
    if (!p.process(kEndOfLine)) return Value();
  } while (p.state != kStartRecord);
  return Value(p.fields);
}

Value csv_reader(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!unpack_two(nargs)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  Value d = dialect_from_call(nargs > 1 ? args[1] : Value(), args + nargs, kwnames);
  if (!d) return Value();
  auto* r = alloc_instance<ReaderObject>(&reader_type);
  r->input = it;
  r->dialect = as_dialect(d);
  r->line_num = 0;
  return Value(r);
}

Value reader_iter(Value self) { return self; }
Value reader_dialect(Value self) { return Value(self.as<ReaderObject>()->dialect); }
Value reader_line_num(Value self) { return int_from_i64(self.as<ReaderObject>()->line_num); }

const GetSetDef reader_getsets[] = {
    {"dialect", reader_dialect, nullptr, nullptr},
    {"line_num", reader_line_num, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- writer

bool is_number(Value v) {
  Type* t = type_of(v);
  return t->index || t->int_ || t->float_ || is_instance_of(v, &complex_type);
}

// How the writer treats one character of a field.
enum class CharAction { kCopy, kQuoteField, kDoubleQuote, kEscape };

CharAction char_action(const DialectObject* d, int64_t c) {
  Str* lt = d->lineterminator;
  bool special = c == d->delimiter || c == d->escapechar || c == d->quotechar ||
                 str_find_char(lt, uint32_t(c), 0, lt->length, false) >= 0;
  if (!special) return CharAction::kCopy;
  if (d->quoting == kQuoteNone) return CharAction::kEscape;
  if (c == d->quotechar) return d->doublequote ? CharAction::kDoubleQuote : CharAction::kEscape;
  if (c == d->escapechar) return CharAction::kEscape;
  return CharAction::kQuoteField;
}

// Appends one field to `out`, quoting or escaping it as the dialect says.
bool append_field(DialectObject* d, StrBuilder& out, Str* field, bool quoted, bool first) {
  for (int64_t i = 0; i < field->length && !quoted; i++) {
    CharAction action = char_action(d, field->at(i));
    quoted = action == CharAction::kQuoteField || action == CharAction::kDoubleQuote;
  }
  if (!first) out.append(uint32_t(d->delimiter));
  if (quoted) out.append(uint32_t(d->quotechar));
  for (int64_t i = 0; i < field->length; i++) {
    uint32_t c = field->at(i);
    CharAction action = char_action(d, c);
    if (action == CharAction::kDoubleQuote) out.append(uint32_t(d->quotechar));
    if (action == CharAction::kEscape) {
      if (d->escapechar == kNotSet) {
        raise_csv("need to escape, but no escapechar set");
        return false;
      }
      out.append(uint32_t(d->escapechar));
    }
    out.append(c);
  }
  if (quoted) out.append(uint32_t(d->quotechar));
  return true;
}

Value writer_writerow(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("writerow", kw) || !check_nargs("writer.writerow", nargs, 1, 1)) return Value();
  auto* w = self.as<WriterObject>();
  DialectObject* d = w->dialect;
  Value it = get_iter(args[0]);
  if (!it) {
    if (!error_matches(&exc::TypeError)) return Value();
    clear_error();
    return raise_csv("iterable expected, not %s", type_name(args[0]));
  }
  StrBuilder out;
  int64_t count = 0;
  for (;;) {
    Value field = iter_next(it);
    if (!field) {
      if (error_occurred()) return Value();
      break;
    }
    bool quoted = d->quoting == kQuoteAll || (d->quoting == kQuoteNonNumeric && !is_number(field));
    Value text = is_str(field) ? field : is_none(field) ? Value(str_empty()) : to_str(field);
    if (!text) return Value();
    if (!append_field(d, out, text.as<Str>(), quoted, count == 0)) return Value();
    count++;
  }
  if (count == 1 && out.length() == 0) {
    // A lone empty field is written as "" so that the row reads back as [''].
    if (d->quoting == kQuoteNone) return raise_csv("single empty field record must be quoted");
    out.append(uint32_t(d->quotechar));
    out.append(uint32_t(d->quotechar));
  }
  out.append(d->lineterminator);
  return call1(w->write, Value(out.finish()));
}

Value writer_writerows(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("writerows", kw) || !check_nargs("writerows", nargs, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value row = iter_next(it);
    if (!row) return error_occurred() ? Value() : None();
    if (!writer_writerow(self, &row, 1, nullptr)) return Value();
  }
}

Value writer_dialect(Value self) { return Value(self.as<WriterObject>()->dialect); }

const MethodDef writer_methods[] = {
    {"writerow", writer_writerow, kMethodInstance,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be "
     "converted to string."},
    {"writerows", writer_writerows, kMethodInstance,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\n"
     "elements will be converted to string."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef writer_getsets[] = {
    {"dialect", writer_dialect, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Value csv_writer(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!unpack_two(nargs)) return Value();
  Value write = lookup_attr(args[0], intern_cstr("write"));
  if (!write && error_occurred()) return Value();
  if (!write || !is_callable(write)) return raise(&exc::TypeError, "argument 1 must have a \"write\" method");
  Value d = dialect_from_call(nargs > 1 ? args[1] : Value(), args + nargs, kwnames);
  if (!d) return Value();
  auto* w = alloc_instance<WriterObject>(&writer_type);
  w->write = write;
  w->dialect = as_dialect(d);
  return Value(w);
}

// ---- the registry

Value csv_register_dialect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!unpack_two(nargs)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "dialect name must be a string");
  Value d = dialect_from_call(nargs > 1 ? args[1] : Value(), args + nargs, kwnames);
  if (!d) return Value();
  if (dict_set(dialects, args[0], d) < 0) return Value();
  return None();
}

Value csv_unregister_dialect(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("unregister_dialect", kw) || !check_positional("unregister_dialect", nargs, 1, 1)) return Value();
  if (dict_del(dialects, args[0]) < 0) {
    if (!error_matches(&exc::KeyError)) return Value();
    clear_error();
    return raise_csv("unknown dialect");
  }
  return None();
}

Value csv_get_dialect(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_dialect", kw) || !check_positional("get_dialect", nargs, 1, 1)) return Value();
  Value d = dict_get(dialects, args[0]);
  if (!d) return error_occurred() ? Value() : raise_csv("unknown dialect");
  return d;
}

Value csv_list_dialects(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_csv.list_dialects", nargs, kw)) return Value();
  List* out = list_new();
  int64_t pos = 0;
  Value key, value;
  while (dict_next(dialects, &pos, &key, &value)) list_append(out, key);
  return Value(out);
}

Value csv_field_size_limit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"field_size_limit", {"new_limit"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t old = field_limit.load();
  if (a[0]) {
    if (!is_int_exact(a[0])) return raise(&exc::TypeError, "limit must be an integer");
    int64_t limit;
    if (!int_to_i64(a[0], &limit)) {
      clear_error();
      return raise(&exc::OverflowError, "Python int too large to convert to C long");
    }
    field_limit.store(limit);
  }
  return int_from_i64(old);
}

const MethodDef csv_methods[] = {
    {"reader", csv_reader, kMethodStatic,
     "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n"
     "    for row in csv_reader:\n        process(row)\n"},
    {"writer", csv_writer, kMethodStatic,
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n"
     "    for row in sequence:\n        csv_writer.writerow(row)\n"},
    {"register_dialect", csv_register_dialect, kMethodStatic, "Create a mapping from a string name to a dialect class.\n"
     "    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", csv_unregister_dialect, kMethodStatic, "Delete the name/dialect mapping associated with a string name.\n"
     "    csv.unregister_dialect(name)"},
    {"get_dialect", csv_get_dialect, kMethodStatic, "Return the dialect instance associated with name.\n"
     "    dialect = csv.get_dialect(name)"},
    {"list_dialects", csv_list_dialects, kMethodStatic, "Return a list of all know dialect names.\n"
     "    names = csv.list_dialects()"},
    {"field_size_limit", csv_field_size_limit, kMethodStatic, "Sets an upper limit on parsed fields.\n"
     "    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned"},
    {nullptr, nullptr, 0, nullptr},
};

bool csv_init(Module* m) {
  static std::once_flag once;
  std::call_once(once, [] {
    dialect_type.native_name = "_csv.Dialect";
    dialect_type.instance_size = sizeof(DialectObject);
    dialect_type.flags = kTypeBaseType;
    dialect_type.new_ = dialect_new;
    dialect_type.getsets = dialect_getsets;
    dialect_type.doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n";
    type_ready(&dialect_type);

    reader_type.native_name = "_csv.reader";
    reader_type.instance_size = sizeof(ReaderObject);
    reader_type.iter = reader_iter;
    reader_type.next = reader_next;
    reader_type.getsets = reader_getsets;
    type_ready(&reader_type);

    writer_type.native_name = "_csv.writer";
    writer_type.instance_size = sizeof(WriterObject);
    writer_type.methods = writer_methods;
    writer_type.getsets = writer_getsets;
    type_ready(&writer_type);

    Dict* ns = dict_new();
    dict_set_str(ns, names::__module__, Value(intern_cstr("_csv")));
    Value cls = type_new_impl(&type_type, intern_cstr("Error"), tuple_pack({Value(&exc::Exception)}), ns, nullptr);
    csv_error = cls ? cls.as<Type>() : nullptr;
    dialects = dict_new();
  });
  if (!csv_error) {
    if (!error_occurred()) raise(&exc::SystemError, "_csv.Error could not be created");
    return false;
  }
  struct Constant {
    const char* name;
    int value;
  };
  static const Constant constants[] = {{"QUOTE_MINIMAL", kQuoteMinimal}, {"QUOTE_ALL", kQuoteAll},
                                       {"QUOTE_NONNUMERIC", kQuoteNonNumeric}, {"QUOTE_NONE", kQuoteNone}};
  for (const Constant& c : constants)
    if (module_add(m, c.name, Value::from_small_int(c.value)) < 0) return false;
  if (module_add(m, "Error", Value(csv_error)) < 0 || module_add(m, "Dialect", Value(&dialect_type)) < 0 ||
      module_add(m, "__version__", Value(intern_cstr("1.0"))) < 0 || module_add(m, "_dialects", Value(dialects)) < 0)
    return false;
  return true;
}

}  // namespace

extern const ModuleDef csv_module = {"_csv", "CSV parsing and writing.\n", csv_methods, csv_init};

}  // namespace spindle
