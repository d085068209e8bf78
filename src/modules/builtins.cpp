// The builtins module.
#include <cmath>
#include <cstring>

#include "compiler/compiler.h"
#include "modules/_io.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "parser/parser.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "modules/ast_module.h"

namespace spindle {

Dict* builtins_dict;

extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;

namespace {

Value print_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value sep, end, file, flush;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    Value v = args[nargs + i];
    if (str_equals_ascii(k, "sep")) sep = v;
    else if (str_equals_ascii(k, "end")) end = v;
    else if (str_equals_ascii(k, "file")) file = v;
    else if (str_equals_ascii(k, "flush")) flush = v;
    else return raise(&exc::TypeError, "'%U' is an invalid keyword argument for print()", k);
  }
  if (!file || is_none(file)) {
    file = sys_get("stdout");
    if (!file) return raise(&exc::RuntimeError, "lost sys.stdout");
    if (is_none(file)) return None();
  }
  if (sep && !is_none(sep) && !is_str(sep))
    return raise(&exc::TypeError, "sep must be None or a string, not %s", type_name(sep));
  if (end && !is_none(end) && !is_str(end))
    return raise(&exc::TypeError, "end must be None or a string, not %s", type_name(end));
  Value write = get_attr(file, names::write);
  if (!write) return Value();
  // One write of the whole line keeps output from several threads unmixed.
  StrBuilder line;
  for (size_t i = 0; i < nargs; i++) {
    if (i) {
      if (sep && !is_none(sep)) line.append(sep.as<Str>());
      else line.append(' ');
    }
    Value s = to_str(args[i]);
    if (!s) return Value();
    line.append(s.as<Str>());
  }
  if (end && !is_none(end)) line.append(end.as<Str>());
  else line.append('\n');
  if (!call1(write, Value(line.finish()))) return Value();
  if (flush && !is_none(flush)) {
    int t = truthy(flush);
    if (t < 0) return Value();
    if (t && !call_method0(file, names::flush)) return Value();
  }
  return None();
}

Value len_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("len", kw) || !check_nargs("len", nargs, 1, 1)) return Value();
  int64_t n = length(args[0]);
  if (n < 0) return Value();
  return int_from_i64(n);
}

Value repr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("repr", kw) || !check_nargs("repr", nargs, 1, 1)) return Value();
  return repr(args[0]);
}

Value ascii_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("ascii", kw) || !check_nargs("ascii", nargs, 1, 1)) return Value();
  return ascii_repr(args[0]);
}

Value isinstance_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("isinstance", kw) || !check_nargs("isinstance", nargs, 2, 2)) return Value();
  int r = is_instance(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

Value issubclass_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("issubclass", kw) || !check_nargs("issubclass", nargs, 2, 2)) return Value();
  int r = is_subclass(args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

bool attr_name(Value v, Str** out, const char* fname) {
  if (!is_str(v)) {
    raise(&exc::TypeError, "attribute name must be string, not '%s'", type_name(v));
    return false;
  }
  *out = v.as<Str>();
  return true;
}

Value getattr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getattr", kw) || !check_nargs("getattr", nargs, 2, 3)) return Value();
  Str* name;
  if (!attr_name(args[1], &name, "getattr")) return Value();
  if (nargs == 3) {
    Value v = lookup_attr(args[0], name);
    if (v || error_occurred()) return v;
    return args[2];
  }
  return get_attr(args[0], name);
}

Value setattr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setattr", kw) || !check_nargs("setattr", nargs, 3, 3)) return Value();
  Str* name;
  if (!attr_name(args[1], &name, "setattr")) return Value();
  if (set_attr(args[0], intern(name), args[2]) < 0) return Value();
  return None();
}

Value delattr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("delattr", kw) || !check_nargs("delattr", nargs, 2, 2)) return Value();
  Str* name;
  if (!attr_name(args[1], &name, "delattr")) return Value();
  if (del_attr(args[0], name) < 0) return Value();
  return None();
}

Value hasattr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("hasattr", kw) || !check_nargs("hasattr", nargs, 2, 2)) return Value();
  Str* name;
  if (!attr_name(args[1], &name, "hasattr")) return Value();
  Value v = lookup_attr(args[0], name);
  if (v) return True();
  return error_occurred() ? Value() : False();
}

Value iter_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("iter", kw) || !check_nargs("iter", nargs, 1, 2)) return Value();
  if (nargs == 2) {
    if (!is_callable(args[0])) return raise(&exc::TypeError, "iter(v, w): v must be callable");
    return callable_iter_new(args[0], args[1]);
  }
  return get_iter(args[0]);
}

Value next_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("next", kw) || !check_nargs("next", nargs, 1, 2)) return Value();
  UnaryFn f = type_of(args[0])->next;
  if (!f) return raise(&exc::TypeError, "'%s' object is not an iterator", type_name(args[0]));
  Value v = f(args[0]);
  if (v) return v;
  if (error_occurred()) {
    if (nargs == 2 && error_matches(&exc::StopIteration)) {
      clear_error();
      return args[1];
    }
    return Value();
  }
  if (nargs == 2) return args[1];
  return raise(&exc::StopIteration, nullptr);
}

Value aiter_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("aiter", kw) || !check_nargs("aiter", nargs, 1, 1)) return Value();
  Value m = lookup_special(args[0], names::__aiter__);
  if (!m) {
    if (!error_occurred()) raise(&exc::TypeError, "'%s' object is not an async iterable", type_name(args[0]));
    return Value();
  }
  Value it = call0(m);
  if (it && !type_lookup(type_of(it), names::__anext__))
    return raise(&exc::TypeError, "aiter() returned not an async iterator of type '%s'", type_name(it));
  return it;
}

Value anext_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("anext", kw) || !check_nargs("anext", nargs, 1, 2)) return Value();
  Value m = lookup_special(args[0], names::__anext__);
  if (!m) {
    if (!error_occurred()) raise(&exc::TypeError, "'%s' object is not an async iterator", type_name(args[0]));
    return Value();
  }
  Value awaitable = call0(m);
  if (!awaitable || nargs == 1) return awaitable;
  return anext_with_default(awaitable, args[1]);
}

Value abs_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("abs", kw) || !check_nargs("abs", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (v.is_small_int()) return int_from_i64(std::llabs(v.as_small_int()));
  if (v.is_double()) return Value::from_double(std::fabs(v.as_double()));
  return number_abs(v);
}

// min() and max() share the logic.
Value minmax(const Value* args, size_t nargs, Tuple* kwnames, CompareOp op, const char* name) {
  Value key, dflt;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->items[i].as<Str>();
    if (str_equals_ascii(k, "key")) key = args[nargs + i];
    else if (str_equals_ascii(k, "default")) dflt = args[nargs + i];
    else return raise(&exc::TypeError, "%s() got an unexpected keyword argument '%U'", name, k);
  }
  if (key && is_none(key)) key = Value();
  if (nargs == 0) return raise(&exc::TypeError, "%s expected at least 1 argument, got 0", name);
  Value it;
  if (nargs == 1) {
    it = get_iter(args[0]);
    if (!it) return Value();
  } else {
    if (dflt) return raise(&exc::TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    it = get_iter(Value(tuple_from_array(args, int64_t(nargs))));
  }
  Value best, best_key;
  while (Value v = iter_next(it)) {
    Value k = key ? call1(key, v) : v;
    if (!k) return Value();
    if (!best) {
      best = v;
      best_key = k;
      continue;
    }
    int r = rich_compare_bool(k, best_key, op);
    if (r < 0) return Value();
    if (r) {
      best = v;
      best_key = k;
    }
  }
  if (error_occurred()) return Value();
  if (!best) {
    if (dflt) return dflt;
    return raise(&exc::ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value min_fn(Value, const Value* args, size_t nargs, Tuple* kw) { return minmax(args, nargs, kw, CompareOp::LT, "min"); }
Value max_fn(Value, const Value* args, size_t nargs, Tuple* kw) { return minmax(args, nargs, kw, CompareOp::GT, "max"); }

Value sum_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"sum", {"iterable", "start"}, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value total = a[1] ? a[1] : Value::from_small_int(0);
  if (is_str(total)) return raise(&exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_bytes(total)) return raise(&exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_bytearray(total)) return raise(&exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = get_iter(a[0]);
  if (!it) return Value();
  // Float sums use compensated addition as CPython does? No: CPython adds
  // floats left to right in a double; ints stay exact.
  while (Value v = iter_next(it)) {
    if (total.is_small_int() && v.is_small_int()) {
      total = int_from_i64(total.as_small_int() + v.as_small_int());
      continue;
    }
    if (total.is_double() && v.is_double()) {
      total = Value::from_double(total.as_double() + v.as_double());
      continue;
    }
    total = binary_op(total, v, BinaryOp::Add);
    if (!total) return Value();
  }
  return error_occurred() ? Value() : total;
}

Value sorted_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1) {
    if (nargs == 0) return raise(&exc::TypeError, "sorted expected 1 argument, got 0");
    return raise(&exc::TypeError, "sorted expected 1 argument, got %zd", ssize_t(nargs));
  }
  Value a[2];
  static const ArgSpec spec{"sorted", {"key", "reverse"}, 0, 0, 0};
  if (!parse_args(spec, args + 1, 0, kwnames, a)) return Value();
  Value l = list_from_iterable(args[0]);
  if (!l) return Value();
  int reverse = a[1] ? truthy(a[1]) : 0;
  if (reverse < 0) return Value();
  Value key = a[0] && !is_none(a[0]) ? a[0] : Value();
  if (list_sort(l.as<List>(), key, reverse) < 0) return Value();
  return l;
}

Value any_all(Value iterable, bool want) {
  Value it = get_iter(iterable);
  if (!it) return Value();
  while (Value v = iter_next(it)) {
    int t = truthy(v);
    if (t < 0) return Value();
    if (bool(t) == want) return Bool(want);
  }
  return error_occurred() ? Value() : Bool(!want);
}
Value any_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("any", kw) || !check_nargs("any", nargs, 1, 1)) return Value();
  return any_all(args[0], true);
}
Value all_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("all", kw) || !check_nargs("all", nargs, 1, 1)) return Value();
  return any_all(args[0], false);
}

Value chr_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("chr", kw) || !check_nargs("chr", nargs, 1, 1)) return Value();
  if (!is_int(args[0]) && !type_of(args[0])->index)
    return raise(&exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  int64_t c;
  if (!index_as_i64(args[0], &c, nullptr)) return Value();
  if (c < 0 || c > 0x10FFFF) return raise(&exc::ValueError, "chr() arg not in range(0x110000)");
  return Value(str_from_char(uint32_t(c)));
}

Value ord_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("ord", kw) || !check_nargs("ord", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->length != 1)
      return raise(&exc::TypeError, "ord() expected a character, but string of length %lld found", (long long)s->length);
    return Value::from_small_int(s->at(0));
  }
  if (is_bytes(v) || is_bytearray(v)) {
    BufferView b;
    get_buffer(v, &b);
    if (b.size != 1)
      return raise(&exc::TypeError, "ord() expected a character, but string of length %lld found", (long long)b.size);
    return Value::from_small_int(b.data[0]);
  }
  return raise(&exc::TypeError, "ord() expected string of length 1, but %s found", type_name(v));
}

Value int_base_fn(const Value* args, size_t nargs, Tuple* kw, const char* name, int base) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 1)) return Value();
  Value i = number_index(args[0]);
  if (!i) return Value();
  return int_to_string(i, base);
}
Value hex_fn(Value, const Value* a, size_t n, Tuple* kw) { return int_base_fn(a, n, kw, "hex", 16); }
Value oct_fn(Value, const Value* a, size_t n, Tuple* kw) { return int_base_fn(a, n, kw, "oct", 8); }
Value bin_fn(Value, const Value* a, size_t n, Tuple* kw) { return int_base_fn(a, n, kw, "bin", 2); }

Value divmod_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("divmod", kw) || !check_nargs("divmod", nargs, 2, 2)) return Value();
  return binary_op(args[0], args[1], BinaryOp::DivMod);
}

Value pow_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"pow", {"base", "exp", "mod"}, 2};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  return power(a[0], a[1], a[2] ? a[2] : None());
}

Value round_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"round", {"number", "ndigits"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value m = lookup_special(a[0], names::__round__);
  if (!m) {
    if (!error_occurred()) raise(&exc::TypeError, "type %s doesn't define __round__ method", type_name(a[0]));
    return Value();
  }
  if (!a[1] || is_none(a[1])) return call0(m);
  return call1(m, a[1]);
}

Value hash_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("hash", kw) || !check_nargs("hash", nargs, 1, 1)) return Value();
  int64_t h = hash(args[0]);
  if (h == -1) return Value();
  return int_from_i64(h);
}

Value id_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("id", kw) || !check_nargs("id", nargs, 1, 1)) return Value();
  return int_from_u64(args[0].bits());
}

Value callable_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("callable", kw) || !check_nargs("callable", nargs, 1, 1)) return Value();
  return Bool(is_callable(args[0]));
}

Value locals_of_current_frame() {
  Frame* f = current_frame();
  if (!f) return Value(dict_new());
  if (f->locals) return f->locals;
  return get_attr(frame_object(f), intern_cstr("f_locals"));
}

Value globals_fn(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("globals", nargs, 0, 0)) return Value();
  Frame* f = current_frame();
  return f ? Value(f->globals) : None();
}

Value locals_fn(Value, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("locals", nargs, 0, 0)) return Value();
  return locals_of_current_frame();
}

Value vars_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("vars", kw) || !check_nargs("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return locals_of_current_frame();
  Value d = lookup_attr(args[0], names::__dict__);
  if (!d) {
    if (!error_occurred()) raise(&exc::TypeError, "vars() argument must have __dict__ attribute");
    return Value();
  }
  return d;
}

Value dir_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dir", kw) || !check_nargs("dir", nargs, 0, 1)) return Value();
  Value names_list;
  if (nargs == 0) {
    Value loc = locals_of_current_frame();
    if (!loc) return Value();
    names_list = call_method0(loc, names::keys);
  } else {
    Value m = lookup_special(args[0], names::__dir__);
    if (!m) {
      if (!error_occurred()) raise(&exc::TypeError, "object does not provide __dir__");
      return Value();
    }
    names_list = call0(m);
  }
  if (!names_list) return Value();
  Value l = list_from_iterable(names_list);
  if (!l) return Value();
  if (list_sort(l.as<List>(), Value(), false) < 0) return Value();
  return l;
}

// exec/eval: source, code object, globals, locals.
Value exec_eval(const Value* args, size_t nargs, Tuple* kwnames, bool is_eval) {
  Value a[3];
  static const ArgSpec exec_spec{"exec", {"source", "globals", "locals"}, 1, 3};
  static const ArgSpec eval_spec{"eval", {"source", "globals", "locals"}, 1, 3};
  if (!parse_args(is_eval ? eval_spec : exec_spec, args, nargs, kwnames, a)) return Value();
  const char* fname = is_eval ? "eval" : "exec";
  Value globals = a[1] && !is_none(a[1]) ? a[1] : Value();
  Value locals = a[2] && !is_none(a[2]) ? a[2] : Value();
  if (globals && !is_dict(globals))
    return raise(&exc::TypeError, is_eval ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                          : "exec() globals must be a dict, not %s",
                 type_name(globals));
  if (locals && !type_of(locals)->getitem)
    return raise(&exc::TypeError, "locals must be a mapping");
  Frame* caller = current_frame();
  if (!globals) {
    if (!caller) return raise(&exc::SystemError, "globals and locals cannot be NULL");
    globals = Value(caller->globals);
    if (!locals) {
      locals = locals_of_current_frame();
      if (!locals) return Value();
    }
  } else if (!locals) {
    locals = globals;
  }
  Dict* g = globals.as<Dict>();
  if (!dict_get_str(g, names::__builtins__)) dict_set_str(g, names::__builtins__, Value(builtins_dict));
  Code* code = nullptr;
  if (is_code(a[0])) {
    code = a[0].as<Code>();
    if (code->nfrees) return raise(&exc::TypeError, "code object passed to %s() may not contain free variables", fname);
  } else {
    Value src = a[0];
    std::string text;
    unsigned flags = 0;
    if (is_str(src)) {
      text = str_to_utf8(src.as<Str>());
      flags |= parser::kSourceIsUtf8;
    } else if (is_bytes(src) || is_bytearray(src)) {
      BufferView b;
      get_buffer(src, &b);
      text.assign(reinterpret_cast<const char*>(b.data), size_t(b.size));
    } else {
      return raise(&exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (std::memchr(text.data(), 0, text.size())) return raise(&exc::SyntaxError, "source code string cannot contain null bytes");
    if (is_eval) {
      // Leading whitespace is ignored by eval.
      size_t start = text.find_first_not_of(" \t");
      text = start == std::string::npos ? "" : text.substr(start);
    }
    // __future__ flags of the calling code carry over.
    uint32_t future = caller && caller->code ? (caller->code->flags & kFutureAnnotations) : 0;
    code = compile_source(text.data(), text.size(), Value(intern_cstr("<string>")),
                          is_eval ? parser::Mode::Eval : parser::Mode::Exec, flags | future);
    if (!code) return Value();
  }
  Value r = eval_code(code, g, locals);
  if (!r) return Value();
  return is_eval ? r : None();
}

Value exec_fn(Value, const Value* args, size_t nargs, Tuple* kw) { return exec_eval(args, nargs, kw, false); }
Value eval_fn(Value, const Value* args, size_t nargs, Tuple* kw) { return exec_eval(args, nargs, kw, true); }

Value compile_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[7];
  static const ArgSpec spec{"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 3, 0, 6};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[2])) return raise(&exc::TypeError, "compile() mode must be str");
  Str* mode_s = a[2].as<Str>();
  parser::Mode mode;
  if (str_equals_ascii(mode_s, "exec")) mode = parser::Mode::Exec;
  else if (str_equals_ascii(mode_s, "eval")) mode = parser::Mode::Eval;
  else if (str_equals_ascii(mode_s, "single")) mode = parser::Mode::Single;
  else if (str_equals_ascii(mode_s, "func_type")) mode = parser::Mode::FuncType;
  else return raise(&exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  int64_t flags = 0, optimize = -1;
  if (a[3] && !int_to_i64(a[3], &flags)) return Value();
  if (a[5] && !int_to_i64(a[5], &optimize)) return Value();
  Value filename = a[1];
  if (!is_str(filename)) {
    Value fs = call_method0(filename, names::__fspath__);
    if (!fs) {
      clear_error();
      if (is_bytes(filename)) filename = decode_object(filename, Value(intern_cstr("utf-8")), Value(intern_cstr("surrogateescape")));
      else return raise(&exc::TypeError, "compile() argument 'filename' must be str, bytes or os.PathLike, not %s", type_name(a[1]));
    } else {
      filename = fs;
    }
    if (!filename) return Value();
  }
  constexpr int64_t kOnlyAst = 0x400, kTypeComments = 0x1000;
  Value src = a[0];
  if (is_ast_object(src)) {
    if (flags & kOnlyAst) return src;
    ast::Mod* mod = ast_from_object(src, mode);
    if (!mod) return Value();
    Code* c = compile_ast(mod, filename, mode, uint32_t(flags), int(optimize < 0 ? 0 : optimize));
    return c ? Value(c) : Value();
  }
  std::string text;
  unsigned pflags = (flags & kTypeComments) ? parser::kTypeComments : 0;
  if (is_str(src)) {
    text = str_to_utf8(src.as<Str>());
    pflags |= parser::kSourceIsUtf8;
  } else if (is_bytes(src) || is_bytearray(src) || type_of(src)->buffer) {
    BufferView b;
    if (!get_buffer(src, &b)) return Value();
    text.assign(reinterpret_cast<const char*>(b.data), size_t(b.size));
  } else {
    return raise(&exc::TypeError, "compile() arg 1 must be a string, bytes or AST object");
  }
  if (std::memchr(text.data(), 0, text.size())) return raise(&exc::SyntaxError, "source code string cannot contain null bytes");
  if (flags & kOnlyAst) {
    ast::Mod* mod = parser::parse(text.data(), text.size(), filename, mode, pflags);
    if (!mod) return Value();
    return ast_to_object(mod);
  }
  Code* c = compile_source(text.data(), text.size(), filename, mode, pflags | uint32_t(flags & 0x1FF0000), int(optimize < 0 ? 0 : optimize));
  return c ? Value(c) : Value();
}

Value format_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("format", kw) || !check_nargs("format", nargs, 1, 2)) return Value();
  return format(args[0], nargs > 1 ? args[1] : Value(str_empty()));
}

Value import_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(&exc::TypeError, "module name must be str, not %s", type_name(a[0]));
  int64_t level = 0;
  if (a[4] && !int_to_i64(a[4], &level)) return Value();
  Dict* globals = a[1] && is_dict(a[1]) ? a[1].as<Dict>() : nullptr;
  return import_name(a[0].as<Str>(), globals, a[3] ? a[3] : None(), level);
}

Value build_class_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) return raise(&exc::TypeError, "__build_class__: not enough arguments");
  Value func = args[0];
  if (!is_function(func)) return raise(&exc::TypeError, "__build_class__: func must be a function");
  Value name = args[1];
  if (!is_str(name)) return raise(&exc::TypeError, "__build_class__: name is not a string");
  Tuple* orig_bases = tuple_from_array(args + 2, int64_t(nargs - 2));
  // PEP 560: __mro_entries__ on non-class bases.
  Tuple* bases = orig_bases;
  bool changed = false;
  {
    List* resolved = list_new();
    for (Value b : *orig_bases) {
      if (is_type_object(b)) {
        list_append(resolved, b);
        continue;
      }
      Value me = lookup_attr(b, names::__mro_entries__);
      if (!me) {
        if (error_occurred()) return Value();
        list_append(resolved, b);
        continue;
      }
      Value entries = call1(me, Value(orig_bases));
      if (!entries) return Value();
      if (!is_tuple(entries)) return raise(&exc::TypeError, "__mro_entries__ must return a tuple");
      if (list_extend(resolved, entries) < 0) return Value();
      changed = true;
    }
    if (changed) bases = list_snapshot(resolved);
  }
  Value meta;
  Dict* kwds = nullptr;
  size_t nkw = kwnames ? size_t(kwnames->size) : 0;
  if (nkw) {
    kwds = dict_new();
    for (size_t i = 0; i < nkw; i++) {
      if (str_equals_ascii(kwnames->items[i].as<Str>(), "metaclass")) meta = args[nargs + i];
      else dict_set(kwds, kwnames->items[i], args[nargs + i]);
    }
  }
  bool is_class_meta = false;
  if (!meta) {
    meta = bases->size ? Value(type_of(bases->items[0])) : Value(&type_type);
    is_class_meta = true;
  } else {
    is_class_meta = is_type_object(meta);
  }
  if (is_class_meta) {
    Type* winner = calculate_metaclass(meta.as<Type>(), bases);
    if (!winner) return Value();
    meta = Value(winner);
  }
  // __prepare__
  Value ns;
  Value prepare = lookup_attr(meta, names::__prepare__);
  if (prepare) {
    Value pargs[2] = {name, Value(bases)};
    ns = kwds ? call_with_tuple(prepare, tuple_from_array(pargs, 2), kwds) : call(prepare, pargs, 2);
    if (!ns) return Value();
    if (!type_of(ns)->getitem)
      return raise(&exc::TypeError, "%s.__prepare__() must return a mapping, not %s",
                   is_type_object(meta) ? cstr(Value(meta.as<Type>()->name)).c_str() : "<metaclass>", type_name(ns));
  } else {
    if (error_occurred()) return Value();
    ns = Value(dict_new());
  }
  Value cell = eval_class_body(func.as<Function>(), ns);
  if (!cell) return Value();
  if (changed) {
    if (set_item(ns, names::__orig_bases__, Value(orig_bases)) < 0) return Value();
  }
  Value margs[3] = {name, Value(bases), ns};
  Value cls = kwds ? call_with_tuple(meta, tuple_from_array(margs, 3), kwds) : call(meta, margs, 3);
  if (!cls) return Value();
  if (is_type(cell, &cell_type) && is_type_object(cls)) {
    Value got = cell.as<Cell>()->get();
    if (got != cls) {
      if (!got)
        return raise(&exc::RuntimeError, "__class__ not set defining %R as %R. Was __classcell__ propagated to type.__new__?",
                     name, cls);
      return raise(&exc::TypeError, "__class__ set to %R defining %R as %R", got, name, cls);
    }
  }
  return cls;
}

Value input_fn(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("input", kw) || !check_nargs("input", nargs, 0, 1)) return Value();
  Value out = sys_get("stdout");
  Value in = sys_get("stdin");
  if (!in || is_none(in)) return raise(&exc::RuntimeError, "input(): lost sys.stdin");
  if (nargs && out && !is_none(out)) {
    Value s = to_str(args[0]);
    if (!s) return Value();
    if (!call_method1(out, names::write, s)) return Value();
  }
  if (out && !is_none(out)) {
    Value f = call_method0(out, names::flush);
    if (!f) clear_error();
  }
  Value line = call_method0(in, names::readline);
  if (!line) return Value();
  if (!is_str(line)) return raise(&exc::TypeError, "object.readline() returned non-string");
  Str* s = line.as<Str>();
  if (s->length == 0) return raise(&exc::EOFError, "EOF when reading a line");
  if (s->at(s->length - 1) == '\n') return Value(str_substr(s, 0, s->length - 1));
  return line;
}

Value breakpoint_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value hook = sys_get("breakpointhook");
  if (!hook) return raise(&exc::RuntimeError, "lost sys.breakpointhook");
  return call(hook, args, nargs, kwnames);
}

Value help_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value pydoc = import_module_cstr("pydoc");
  if (!pydoc) return Value();
  Value h = get_attr_cstr(pydoc, "help");
  if (!h) return Value();
  return call(h, args, nargs, kwnames);
}

const MethodDef builtin_functions[] = {
    {"print", print_fn, kMethodStatic, "Prints the values to a stream, or to sys.stdout by default."},
    {"len", len_fn, kMethodStatic, "Return the number of items in a container."},
    {"repr", repr_fn, kMethodStatic, "Return the canonical string representation of the object."},
    {"ascii", ascii_fn, kMethodStatic, "Return an ASCII-only representation of an object."},
    {"isinstance", isinstance_fn, kMethodStatic, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", issubclass_fn, kMethodStatic, "Return whether 'cls' is derived from another class or is the same class."},
    {"getattr", getattr_fn, kMethodStatic, "Get a named attribute from an object."},
    {"setattr", setattr_fn, kMethodStatic, "Sets the named attribute on the given object to the specified value."},
    {"delattr", delattr_fn, kMethodStatic, "Deletes the named attribute from the given object."},
    {"hasattr", hasattr_fn, kMethodStatic, "Return whether the object has an attribute with the given name."},
    {"iter", iter_fn, kMethodStatic, "Get an iterator from an object."},
    {"next", next_fn, kMethodStatic, "Return the next item from the iterator."},
    {"aiter", aiter_fn, kMethodStatic, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", anext_fn, kMethodStatic, "Return the next item from the async iterator."},
    {"abs", abs_fn, kMethodStatic, "Return the absolute value of the argument."},
    {"min", min_fn, kMethodStatic, "With a single iterable argument, return its smallest item."},
    {"max", max_fn, kMethodStatic, "With a single iterable argument, return its biggest item."},
    {"sum", sum_fn, kMethodStatic, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"sorted", sorted_fn, kMethodStatic, "Return a new list containing all items from the iterable in ascending order."},
    {"any", any_fn, kMethodStatic, "Return True if bool(x) is True for any x in the iterable."},
    {"all", all_fn, kMethodStatic, "Return True if bool(x) is True for all values x in the iterable."},
    {"chr", chr_fn, kMethodStatic, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"ord", ord_fn, kMethodStatic, "Return the Unicode code point for a one-character string."},
    {"hex", hex_fn, kMethodStatic, "Return the hexadecimal representation of an integer."},
    {"oct", oct_fn, kMethodStatic, "Return the octal representation of an integer."},
    {"bin", bin_fn, kMethodStatic, "Return the binary representation of an integer."},
    {"divmod", divmod_fn, kMethodStatic, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"pow", pow_fn, kMethodStatic, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"round", round_fn, kMethodStatic, "Round a number to a given precision in decimal digits."},
    {"hash", hash_fn, kMethodStatic, "Return the hash value for the given object."},
    {"id", id_fn, kMethodStatic, "Return the identity of an object."},
    {"callable", callable_fn, kMethodStatic, "Return whether the object is callable (i.e., some kind of function)."},
    {"globals", globals_fn, kMethodStatic, "Return the dictionary containing the current scope's global variables."},
    {"locals", locals_fn, kMethodStatic, "Return a dictionary containing the current scope's local variables."},
    {"vars", vars_fn, kMethodStatic, "Show vars."},
    {"dir", dir_fn, kMethodStatic, "Show attributes of an object."},
    {"exec", exec_fn, kMethodStatic, "Execute the given source in the context of globals and locals."},
    {"eval", eval_fn, kMethodStatic, "Evaluate the given source in the context of globals and locals."},
    {"compile", compile_fn, kMethodStatic, "Compile source into a code object that can be executed by exec() or eval()."},
    {"format", format_fn, kMethodStatic, "Return value.__format__(format_spec)"},
    {"__import__", import_fn, kMethodStatic, "Import a module."},
    {"__build_class__", build_class_fn, kMethodStatic, "Internal helper function used by the class statement."},
    {"input", input_fn, kMethodStatic, "Read a string from standard input.  The trailing newline is stripped."},
    {"breakpoint", breakpoint_fn, kMethodStatic, "Call sys.breakpointhook(*args, **kws)."},
    {"help", help_fn, kMethodStatic, "Define the builtin 'help'."},
    {nullptr}};

}  // namespace

bool is_builtin_import(Value f) {
  return is_type(f, &builtin_function_type) && f.as<BuiltinFunction>()->def->fn == import_fn;
}

Dict* builtins_for(Dict* globals) {
  if (globals) {
    Value b = dict_get_str(globals, names::__builtins__);
    if (b) {
      if (is_dict(b)) return b.as<Dict>();
      if (is_module(b)) return b.as<Module>()->dict;
    }
  }
  return builtins_dict;
}

Module* create_builtins_module() {
  static const ModuleDef def = {"builtins",
                                "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' "
                                "object; Ellipsis represents `...' in slices.",
                                builtin_functions, nullptr};
  Module* m = module_from_def(&def);
  builtins_dict = m->dict;
  Dict* d = m->dict;
  auto add = [&](const char* name, Value v) { dict_set_str(d, intern_cstr(name), v); };
  add("None", None());
  add("Ellipsis", Ellipsis());
  add("NotImplemented", NotImplemented());
  add("True", True());
  add("False", False());
  add("__debug__", True());
  for (Type* t : {&object_type, &type_type, &int_type, &bool_type, &float_type, &complex_type, &str_type, &bytes_type,
                  &bytearray_type, &memoryview_type, &tuple_type, &list_type, &dict_type, &set_type, &frozenset_type, &range_type,
                  &slice_type, &property_type, &classmethod_type, &staticmethod_type, &super_type, &enumerate_type,
                  &zip_type, &map_type, &filter_type, &reversed_type})
    add(type_name(t), Value(t));
#define SPINDLE_ADD_EXC(name) add(#name, Value(&exc::name));
  SPINDLE_EXCEPTIONS(SPINDLE_ADD_EXC)
#undef SPINDLE_ADD_EXC
  add("EnvironmentError", Value(&exc::OSError));
  add("IOError", Value(&exc::OSError));
  add("open", io_open_function());
  return m;
}

}  // namespace spindle
