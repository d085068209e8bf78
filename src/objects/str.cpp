// str: the Python type (slots, iteration and the methods). Representation,
// hashing and interning are in str_core.cpp, searching in str_search.cpp,
// str.format in str_format.cpp, printf-style % in str_mod.cpp.
#include <algorithm>
#include <cstring>
#include <vector>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"
#include "vm/interp.h"

namespace spindle {

Type str_type, str_iterator_type, str_ascii_iterator_type;

namespace {

// Iterators may be shared between threads: the position advances atomically
// and `str` is cleared (once) when exhausted.
struct StrIterator : Object {
  std::atomic<Str*> str;
  std::atomic<int64_t> index;
};

// The Str of a str or str-subclass instance.
inline Str* S(Value v) { return v.as<Str>(); }

// Calls f with the code point array of s, typed by its width.
template <class F>
decltype(auto) with_data(const Str* s, F&& f) {
  switch (s->kind) {
    case 1: return f(s->data1());
    case 2: return f(s->data2());
    default: return f(s->data4());
  }
}

// The text of self as an exact str: methods never return subclass instances.
Value unchanged(Value self) {
  if (is_str_exact(self)) return self;
  Str* s = S(self);
  return Value(str_substr(s, 0, s->length));
}

// ------------------------------------------------------------------ argument helpers

// An index-like argument as a Py_ssize_t.
bool arg_ssize(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Value i = number_index(v);
  if (!i) return false;
  if (int_to_i64(i, out)) return true;
  clear_error();
  raise(&exc::OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

// An int-sized argument (expandtabs' tabsize, splitlines' keepends).
bool arg_int(Value v, int64_t* out) {
  Value i = number_index(v);
  if (!i) return false;
  if (int_to_i64(i, out) && *out >= INT32_MIN && *out <= INT32_MAX) return true;
  clear_error();
  raise(&exc::OverflowError, "Python int too large to convert to C int");
  return false;
}

// A start/end argument of find() and friends: None, or an index clamped to the int64 range.
bool arg_slice_index(Value v, int64_t* out) {
  if (!v || is_none(v)) return true;
  if (!is_int(v) && !type_of(v)->index) {
    raise(&exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return index_as_i64(v, out, nullptr);
}

// Resolves start/end like a slice of a sequence of length len (start is not
// clamped above: callers compare it with end).
void adjust_indices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) *end = len;
  else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

// The (sub[, start[, end]]) arguments of find, count, index, startswith, ...
bool parse_sub_start_end(const char* name, const Value* args, size_t nargs, Tuple* kwnames, Value* sub,
                         int64_t* start, int64_t* end) {
  if (kwcount(kwnames)) {
    raise(&exc::TypeError, "str.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs < 1) {
    raise(&exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    raise(&exc::TypeError, "%s() takes at most 3 arguments (%zd given)", name, ssize_t(nargs));
    return false;
  }
  *sub = args[0];
  *start = 0;
  *end = INT64_MAX;
  return arg_slice_index(nargs > 1 ? args[1] : Value(), start) && arg_slice_index(nargs > 2 ? args[2] : Value(), end);
}

// Argument-clinic messages name None as "None" rather than "NoneType".
const char* arg_type_name(Value v) { return is_none(v) ? "None" : type_name(v); }

bool require_str(Value v) {
  if (is_str(v)) return true;
  raise(&exc::TypeError, "must be str, not %s", type_name(v));
  return false;
}

// ------------------------------------------------------------------ slots

Value str_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const ArgSpec spec{"str", {"object", "encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  if (a[1] && !is_str(a[1])) return raise(&exc::TypeError, "str() argument 'encoding' must be str, not %s", arg_type_name(a[1]));
  if (a[2] && !is_str(a[2])) return raise(&exc::TypeError, "str() argument 'errors' must be str, not %s", arg_type_name(a[2]));
  Value r;
  if (!a[0]) {
    r = Value(str_empty());
  } else if (a[1] || a[2]) {
    Value enc = a[1] ? a[1] : Value(intern_cstr("utf-8"));
    Value errors = a[2] ? a[2] : Value(intern_cstr("strict"));
    r = decode_object(a[0], enc, errors);
  } else {
    r = to_str(a[0]);
  }
  if (!r) return Value();
  if (type == &str_type) return r;
  return str_subclass_new(type, r.as<Str>());
}

Value str_repr_slot(Value self) { return str_repr(S(self)); }
Value str_str_slot(Value self) { return unchanged(self); }
int64_t str_hash_slot(Value self) { return str_hash(S(self)); }

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(b)) return NotImplemented();
  Str* x = S(a);
  Str* y = S(b);
  if (op == CompareOp::EQ) return Bool(str_equal(x, y));
  if (op == CompareOp::NE) return Bool(!str_equal(x, y));
  int c = str_compare(x, y);
  switch (op) {
    case CompareOp::LT: return Bool(c < 0);
    case CompareOp::LE: return Bool(c <= 0);
    case CompareOp::GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

int64_t str_len(Value self) { return S(self)->length; }

Value str_getitem(Value self, Value key) {
  Str* s = S(self);
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) return raise(&exc::IndexError, "string index out of range");
    return Value(str_from_char(s->at(i)));
  }
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key.as<Slice>(), s->length, &start, &stop, &step, &count)) return Value();
    if (step == 1) return Value(str_substr(s, start, start + count));
    StrBuilder b;
    b.reserve(count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) b.append(s->at(j));
    return Value(b.finish());
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise(&exc::TypeError, "string indices must be integers, not '%s'", type_name(key));
  int64_t i;
  if (!index_as_i64(key, &i, &exc::IndexError)) return Value();
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(&exc::IndexError, "string index out of range");
  return Value(str_from_char(s->at(i)));
}

int str_contains(Value self, Value item) {
  if (!is_str(item)) {
    raise(&exc::TypeError, "'in <string>' requires string as left operand, not %s", type_name(item));
    return -1;
  }
  return str_find(S(self), S(item), 0, S(self)->length) >= 0;
}

Value str_iter(Value self) {
  Str* s = S(self);
  auto* it = alloc_instance<StrIterator>(s->ascii && is_str_exact(self) ? &str_ascii_iterator_type : &str_iterator_type);
  new (&it->str) std::atomic<Str*>(s);
  new (&it->index) std::atomic<int64_t>(0);
  return Value(it);
}

Value str_iter_next(Value self) {
  auto* it = self.as<StrIterator>();
  Str* s = it->str.load(std::memory_order_acquire);
  if (!s) return Value();
  int64_t i = it->index.fetch_add(1, std::memory_order_relaxed);
  if (i < s->length) return Value(str_from_char(s->at(i)));
  it->str.store(nullptr, std::memory_order_release);
  return Value();
}

Value iter_self(Value self) { return self; }

Value str_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<StrIterator>();
  Str* s = it->str.load(std::memory_order_acquire);
  if (!s) return Value::from_small_int(0);
  int64_t n = s->length - it->index.load(std::memory_order_relaxed);
  return Value::from_small_int(n > 0 ? n : 0);
}

// Pickling support: iter(s) advanced to the saved position.
Value str_iter_reduce(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__reduce__", kwnames) || !check_nargs("__reduce__", nargs, 0, 0)) return Value();
  auto* it = self.as<StrIterator>();
  Value iter_fn = import_builtin("iter");
  if (!iter_fn) return raise(&exc::RuntimeError, "lost builtins.iter");
  Str* s = it->str.load(std::memory_order_acquire);
  if (!s) return Value(tuple_pack({iter_fn, Value(tuple_pack({Value(str_empty())}))}));
  int64_t index = std::min(it->index.load(std::memory_order_relaxed), s->length);
  return Value(tuple_pack({iter_fn, Value(tuple_pack({Value(s)})), Value::from_small_int(index)}));
}

Value str_iter_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__setstate__", kwnames) || !check_nargs("__setstate__", nargs, 1, 1)) return Value();
  int64_t index;
  if (!arg_ssize(args[0], &index)) return Value();
  auto* it = self.as<StrIterator>();
  if (Str* s = it->str.load(std::memory_order_acquire))
    it->index.store(std::clamp<int64_t>(index, 0, s->length), std::memory_order_relaxed);
  return None();
}

const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, kMethodInstance, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iter_reduce, kMethodInstance, "Return state information for pickling."},
    {"__setstate__", str_iter_setstate, kMethodInstance, "Set state information for unpickling."},
    {nullptr}};

// str + x and str * x leave the operation to a class that implements the
// reflected method; anything else is an error of the sequence operation.
bool defers_to(Value other, Str* reflected) {
  Type* t = type_of(other);
  return (t->flags & kTypeHeap) && type_lookup(t, reflected);
}

Value str_concat_slot(Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  if (!is_str(b)) {
    if (defers_to(b, names::__radd__)) return NotImplemented();
    return raise(&exc::TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
  }
  return Value(str_concat(S(a), S(b)));
}

Value str_repeat(Value a, Value b) {
  Value s = is_str(a) ? a : b;
  Value count = is_str(a) ? b : a;
  if (!is_str(s)) return NotImplemented();
  if (!is_int(count) && !type_of(count)->index) {
    // As the right operand, the left sequence's own error comes first (binary_op raises it).
    if (!is_str(a) || defers_to(count, names::__rmul__)) return NotImplemented();
    return raise(&exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count));
  }
  int64_t n;
  if (!index_as_i64(count, &n, &exc::OverflowError)) return Value();
  Str* str = S(s);
  if (n <= 0 || str->length == 0) return Value(str_empty());
  if (n == 1) return unchanged(s);
  if (str->length > (int64_t(1) << 40) / n) return raise_no_memory();
  if (!check_str_length(str->length * n)) return Value();
  Str* r = str_alloc(str->length * n, str->kind, str->ascii);
  size_t chunk = size_t(str->length) * str->kind;
  auto* dst = static_cast<char*>(r->data_ptr);
  if (str->length == 1 && str->kind == 1) {
    std::memset(dst, str->data1()[0], size_t(n));
  } else {
    // Doubling copies: O(log n) memcpy calls.
    std::memcpy(dst, str->data_ptr, chunk);
    size_t done = chunk, total = chunk * size_t(n);
    while (done < total) {
      size_t step = std::min(done, total - done);
      std::memcpy(dst + done, dst, step);
      done += step;
    }
  }
  return Value(r);
}

// ------------------------------------------------------------------ case mapping

using unicode::CaseMap;

// U+03A3 lowercases to final sigma at the end of a word: after a cased letter
// (skipping case-ignorable ones) and not before one.
template <class T>
uint32_t lower_sigma(const T* p, int64_t n, int64_t i) {
  int64_t j = i - 1;
  while (j >= 0 && unicode::has(p[j], unicode::kCaseIgnorable)) j--;
  bool final_sigma = j >= 0 && unicode::has(p[j], unicode::kCased);
  if (final_sigma) {
    j = i + 1;
    while (j < n && unicode::has(p[j], unicode::kCaseIgnorable)) j++;
    final_sigma = j == n || !unicode::has(p[j], unicode::kCased);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

template <class T>
int lower_at(const T* p, int64_t n, int64_t i, uint32_t* out) {
  uint32_t c = p[i];
  if (c == 0x3A3) {
    out[0] = lower_sigma(p, n, i);
    return 1;
  }
  return unicode::map_case(c, CaseMap::Lower, out);
}

enum class CaseOp { Lower, Upper, Swap, Title, Capitalize, Fold };

uint8_t ascii_lower(uint8_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
uint8_t ascii_upper(uint8_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
bool ascii_cased(uint8_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

Str* case_ascii(const Str* s, CaseOp op) {
  Str* r = str_alloc(s->length, 1, true);
  const uint8_t* src = s->data1();
  auto* dst = static_cast<uint8_t*>(r->data_ptr);
  bool prev_cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint8_t c = src[i];
    switch (op) {
      case CaseOp::Lower: case CaseOp::Fold: dst[i] = ascii_lower(c); break;
      case CaseOp::Upper: dst[i] = ascii_upper(c); break;
      case CaseOp::Swap: dst[i] = c >= 'A' && c <= 'Z' ? c + 32 : ascii_upper(c); break;
      case CaseOp::Title:
        dst[i] = prev_cased ? ascii_lower(c) : ascii_upper(c);
        prev_cased = ascii_cased(c);
        break;
      case CaseOp::Capitalize: dst[i] = i == 0 ? ascii_upper(c) : ascii_lower(c); break;
    }
  }
  return r;
}

template <class T>
Str* case_map(const T* p, int64_t n, CaseOp op) {
  StrBuilder b;
  b.reserve(n);
  uint32_t mapped[3];
  bool prev_cased = false;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = p[i];
    int k;
    switch (op) {
      case CaseOp::Lower: k = lower_at(p, n, i, mapped); break;
      case CaseOp::Upper: k = unicode::map_case(c, CaseMap::Upper, mapped); break;
      case CaseOp::Fold: k = unicode::map_case(c, CaseMap::Fold, mapped); break;
      case CaseOp::Swap:
        if (unicode::has(c, unicode::kUpper)) k = lower_at(p, n, i, mapped);
        else if (unicode::has(c, unicode::kLower)) k = unicode::map_case(c, CaseMap::Upper, mapped);
        else mapped[0] = c, k = 1;
        break;
      case CaseOp::Title:
        k = prev_cased ? lower_at(p, n, i, mapped) : unicode::map_case(c, CaseMap::Title, mapped);
        prev_cased = unicode::has(c, unicode::kCased);
        break;
      default:  // Capitalize
        k = i == 0 ? unicode::map_case(c, CaseMap::Title, mapped) : lower_at(p, n, i, mapped);
        break;
    }
    for (int j = 0; j < k; j++) b.append(mapped[j]);
  }
  return b.finish();
}

Value change_case(Value self, size_t nargs, Tuple* kwnames, const char* fname, CaseOp op) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) return Value();
  Str* s = S(self);
  if (s->length == 0) return Value(str_empty());
  if (s->ascii) return Value(case_ascii(s, op));
  return Value(with_data(s, [&](auto* p) { return case_map(p, s->length, op); }));
}

Value m_lower(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.lower", CaseOp::Lower); }
Value m_upper(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.upper", CaseOp::Upper); }
Value m_swapcase(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.swapcase", CaseOp::Swap); }
Value m_title(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.title", CaseOp::Title); }
Value m_capitalize(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.capitalize", CaseOp::Capitalize); }
Value m_casefold(Value self, const Value*, size_t nargs, Tuple* kw) { return change_case(self, nargs, kw, "str.casefold", CaseOp::Fold); }

// ------------------------------------------------------------------ predicates

// True when s is non-empty and every code point has `flags` (any of them).
bool all_chars(const Str* s, uint16_t flags) {
  if (s->length == 0) return false;
  return with_data(s, [&](auto* p) {
    for (int64_t i = 0; i < s->length; i++)
      if (!(unicode::record(p[i]).flags & flags)) return false;
    return true;
  });
}

Value predicate(Value self, size_t nargs, Tuple* kwnames, const char* fname, uint16_t flags) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) return Value();
  return Bool(all_chars(S(self), flags));
}

Value m_isalpha(Value self, const Value*, size_t nargs, Tuple* kw) { return predicate(self, nargs, kw, "str.isalpha", unicode::kAlpha); }
Value m_isdecimal(Value self, const Value*, size_t nargs, Tuple* kw) { return predicate(self, nargs, kw, "str.isdecimal", unicode::kDecimal); }
Value m_isdigit(Value self, const Value*, size_t nargs, Tuple* kw) { return predicate(self, nargs, kw, "str.isdigit", unicode::kDigit); }
Value m_isnumeric(Value self, const Value*, size_t nargs, Tuple* kw) { return predicate(self, nargs, kw, "str.isnumeric", unicode::kNumeric); }
Value m_isspace(Value self, const Value*, size_t nargs, Tuple* kw) { return predicate(self, nargs, kw, "str.isspace", unicode::kSpace); }
Value m_isalnum(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isalnum", unicode::kAlpha | unicode::kDecimal | unicode::kDigit | unicode::kNumeric);
}

Value m_isascii(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("str.isascii", kw) || !check_nargs("str.isascii", nargs, 0, 0)) return Value();
  return Bool(S(self)->ascii);
}

Value m_isprintable(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("str.isprintable", kw) || !check_nargs("str.isprintable", nargs, 0, 0)) return Value();
  Str* s = S(self);
  return Bool(s->length == 0 || all_chars(s, unicode::kPrintable));
}

Value m_isidentifier(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("str.isidentifier", kw) || !check_nargs("str.isidentifier", nargs, 0, 0)) return Value();
  Str* s = S(self);
  if (s->length == 0) return False();
  uint32_t first = s->at(0);
  if (first != '_' && !unicode::has(first, unicode::kXidStart)) return False();
  for (int64_t i = 1; i < s->length; i++)
    if (!unicode::has(s->at(i), unicode::kXidContinue)) return False();
  return True();
}

// islower / isupper: no code point of the opposite case or titlecase, at least one cased.
Value case_predicate(Value self, size_t nargs, Tuple* kw, const char* fname, uint16_t want, uint16_t reject) {
  if (!check_no_kwargs(fname, kw) || !check_nargs(fname, nargs, 0, 0)) return Value();
  Str* s = S(self);
  bool cased = false;
  bool ok = with_data(s, [&](auto* p) {
    for (int64_t i = 0; i < s->length; i++) {
      uint16_t f = unicode::record(p[i]).flags;
      if (f & (reject | unicode::kTitle)) return false;
      if (f & want) cased = true;
    }
    return true;
  });
  return Bool(ok && cased);
}

Value m_islower(Value self, const Value*, size_t nargs, Tuple* kw) { return case_predicate(self, nargs, kw, "str.islower", unicode::kLower, unicode::kUpper); }
Value m_isupper(Value self, const Value*, size_t nargs, Tuple* kw) { return case_predicate(self, nargs, kw, "str.isupper", unicode::kUpper, unicode::kLower); }

Value m_istitle(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("str.istitle", kw) || !check_nargs("str.istitle", nargs, 0, 0)) return Value();
  Str* s = S(self);
  bool cased = false, prev_cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint16_t f = unicode::record(s->at(i)).flags;
    if (f & (unicode::kUpper | unicode::kTitle)) {
      if (prev_cased) return False();
      prev_cased = cased = true;
    } else if (f & unicode::kLower) {
      if (!prev_cased) return False();
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Bool(cased);
}

// ------------------------------------------------------------------ searching

Value find_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* name, bool reverse,
                  bool raise_if_missing) {
  Value sub;
  int64_t start, end;
  if (!parse_sub_start_end(name, args, nargs, kwnames, &sub, &start, &end)) return Value();
  if (!require_str(sub)) return Value();
  Str* s = S(self);
  adjust_indices(&start, &end, s->length);
  int64_t r = -1;
  if (start <= end && end - start >= S(sub)->length)
    r = reverse ? str_rfind(s, S(sub), start, end) : str_find(s, S(sub), start, end);
  if (r < 0 && raise_if_missing) return raise(&exc::ValueError, "substring not found");
  return Value::from_small_int(r);
}

Value m_find(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "find", false, false); }
Value m_rfind(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rfind", true, false); }
Value m_index(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "index", false, true); }
Value m_rindex(Value self, const Value* a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rindex", true, true); }

Value m_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value sub;
  int64_t start, end;
  if (!parse_sub_start_end("count", args, nargs, kwnames, &sub, &start, &end)) return Value();
  if (!require_str(sub)) return Value();
  Str* s = S(self);
  adjust_indices(&start, &end, s->length);
  if (start > end) return Value::from_small_int(0);
  return Value::from_small_int(str_count(s, S(sub), start, end));
}

// startswith / endswith of one str at the resolved [start, end).
bool tail_match(Str* s, Str* sub, int64_t start, int64_t end, bool at_end) {
  adjust_indices(&start, &end, s->length);
  end -= sub->length;
  if (end < start) return false;
  if (sub->length == 0) return true;
  int64_t pos = at_end ? end : start;
  if (s->kind == sub->kind)
    return std::memcmp(static_cast<const char*>(s->data_ptr) + pos * s->kind, sub->data_ptr, size_t(sub->length) * s->kind) == 0;
  if (sub->kind > s->kind) return false;
  for (int64_t i = 0; i < sub->length; i++)
    if (s->at(pos + i) != sub->at(i)) return false;
  return true;
}

Value starts_or_ends(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* name, bool at_end) {
  Value prefix;
  int64_t start, end;
  if (!parse_sub_start_end(name, args, nargs, kwnames, &prefix, &start, &end)) return Value();
  Str* s = S(self);
  if (is_tuple(prefix)) {
    Tuple* t = prefix.as<Tuple>();
    for (int64_t i = 0; i < t->size; i++) {
      Value item = t->items[i];
      if (!is_str(item))
        return raise(&exc::TypeError, "tuple for %s must only contain str, not %s", name, type_name(item));
      if (tail_match(s, S(item), start, end, at_end)) return True();
    }
    return False();
  }
  if (!is_str(prefix))
    return raise(&exc::TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(prefix));
  return Bool(tail_match(s, S(prefix), start, end, at_end));
}

Value m_startswith(Value self, const Value* a, size_t n, Tuple* kw) { return starts_or_ends(self, a, n, kw, "startswith", false); }
Value m_endswith(Value self, const Value* a, size_t n, Tuple* kw) { return starts_or_ends(self, a, n, kw, "endswith", true); }

// ------------------------------------------------------------------ padding

bool parse_fill(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, int64_t* width, uint32_t* fill) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname + 4, nargs, 1, 2)) return false;
  if (!arg_ssize(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    if (!is_str(args[1])) {
      raise(&exc::TypeError, "The fill character must be a unicode character, not %s", type_name(args[1]));
      return false;
    }
    if (S(args[1])->length != 1) {
      raise(&exc::TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = S(args[1])->at(0);
  }
  return true;
}

Value padded(Value self, int64_t left, int64_t right, uint32_t fill) {
  Str* s = S(self);
  if (left <= 0 && right <= 0) return unchanged(self);
  if (!check_str_length(s->length + std::max<int64_t>(left, 0) + std::max<int64_t>(right, 0))) return Value();
  StrBuilder b;
  b.reserve(s->length + left + right);
  b.append_repeated(fill, left);
  b.append(s);
  b.append_repeated(fill, right);
  return Value(b.finish());
}

Value m_center(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  uint32_t fill;
  if (!parse_fill("str.center", args, nargs, kwnames, &width, &fill)) return Value();
  int64_t len = S(self)->length;
  if (width <= len) return unchanged(self);
  int64_t marg = width - len;
  int64_t left = marg / 2 + (marg & width & 1);
  return padded(self, left, marg - left, fill);
}

Value m_ljust(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  uint32_t fill;
  if (!parse_fill("str.ljust", args, nargs, kwnames, &width, &fill)) return Value();
  return padded(self, 0, width - S(self)->length, fill);
}

Value m_rjust(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  uint32_t fill;
  if (!parse_fill("str.rjust", args, nargs, kwnames, &width, &fill)) return Value();
  return padded(self, width - S(self)->length, 0, fill);
}

Value m_zfill(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.zfill", kwnames) || !check_nargs("str.zfill", nargs, 1, 1)) return Value();
  int64_t width;
  if (!arg_ssize(args[0], &width)) return Value();
  Str* s = S(self);
  if (width <= s->length) return unchanged(self);
  if (!check_str_length(width)) return Value();
  int64_t fill = width - s->length;
  StrBuilder b;
  b.reserve(width);
  int64_t sign = s->length && (s->at(0) == '+' || s->at(0) == '-') ? 1 : 0;
  b.append_substr(s, 0, sign);
  b.append_repeated('0', fill);
  b.append_substr(s, sign, s->length);
  return Value(b.finish());
}

Value m_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t tabsize = 8;
  if (a[0] && !arg_int(a[0], &tabsize)) return Value();
  Str* s = S(self);
  if (str_find_char(s, '\t', 0, s->length, false) < 0) return unchanged(self);
  StrBuilder b;
  b.reserve(s->length);
  int64_t column = 0;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - column % tabsize;
        if (!check_str_length(b.length() + n)) return Value();
        b.append_repeated(' ', n);
        column += n;
      }
    } else {
      b.append(c);
      column++;
      if (c == '\n' || c == '\r') column = 0;
    }
  }
  return Value(b.finish());
}

// ------------------------------------------------------------------ strip

enum class StripSide { Left = 1, Right = 2, Both = 3 };

template <class T, class Pred>
void strip_bounds(const T* p, int64_t n, StripSide side, Pred strip, int64_t* start, int64_t* end) {
  int64_t i = 0, j = n;
  if (int(side) & int(StripSide::Left))
    while (i < j && strip(p[i])) i++;
  if (int(side) & int(StripSide::Right))
    while (j > i && strip(p[j - 1])) j--;
  *start = i;
  *end = j;
}

Value do_strip(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* fname, StripSide side) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname + 4, nargs, 0, 1)) return Value();
  Str* s = S(self);
  int64_t start, end;
  if (nargs == 0 || is_none(args[0])) {
    with_data(s, [&](auto* p) { strip_bounds(p, s->length, side, [](uint32_t c) { return unicode::is_space(c); }, &start, &end); });
  } else {
    if (!is_str(args[0])) return raise(&exc::TypeError, "%s arg must be None or str", fname + 4);
    Str* chars = S(args[0]);
    uint64_t bloom = 0;
    for (int64_t i = 0; i < chars->length; i++) bloom |= uint64_t(1) << (chars->at(i) & 63);
    auto in_chars = [&](uint32_t c) {
      return ((bloom >> (c & 63)) & 1) && str_find_char(chars, c, 0, chars->length, false) >= 0;
    };
    with_data(s, [&](auto* p) { strip_bounds(p, s->length, side, in_chars, &start, &end); });
  }
  if (start == 0 && end == s->length) return unchanged(self);
  return Value(str_substr(s, start, end));
}

Value m_strip(Value self, const Value* a, size_t n, Tuple* kw) { return do_strip(self, a, n, kw, "str.strip", StripSide::Both); }
Value m_lstrip(Value self, const Value* a, size_t n, Tuple* kw) { return do_strip(self, a, n, kw, "str.lstrip", StripSide::Left); }
Value m_rstrip(Value self, const Value* a, size_t n, Tuple* kw) { return do_strip(self, a, n, kw, "str.rstrip", StripSide::Right); }

Value remove_affix(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* fname, bool suffix) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "%s() argument must be str, not %s", fname + 4, arg_type_name(args[0]));
  Str* s = S(self);
  Str* affix = S(args[0]);
  if (affix->length && tail_match(s, affix, 0, INT64_MAX, suffix))
    return suffix ? Value(str_substr(s, 0, s->length - affix->length)) : Value(str_substr(s, affix->length, s->length));
  return unchanged(self);
}

Value m_removeprefix(Value self, const Value* a, size_t n, Tuple* kw) { return remove_affix(self, a, n, kw, "str.removeprefix", false); }
Value m_removesuffix(Value self, const Value* a, size_t n, Tuple* kw) { return remove_affix(self, a, n, kw, "str.removesuffix", true); }

// ------------------------------------------------------------------ split and friends

Value m_partition_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* fname, bool reverse) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return Value();
  if (!require_str(args[0])) return Value();
  Str* s = S(self);
  Str* sep = S(args[0]);
  if (sep->length == 0) return raise(&exc::ValueError, "empty separator");
  int64_t pos = reverse ? str_rfind(s, sep, 0, s->length) : str_find(s, sep, 0, s->length);
  Value empty(str_empty());
  if (pos < 0) return Value(reverse ? tuple_pack({empty, empty, self}) : tuple_pack({self, empty, empty}));
  return Value(tuple_pack({Value(str_substr(s, 0, pos)), args[0],  // the separator object itself, as in CPython
                           Value(str_substr(s, pos + sep->length, s->length))}));
}

Value m_partition(Value self, const Value* a, size_t n, Tuple* kw) { return m_partition_common(self, a, n, kw, "str.partition", false); }
Value m_rpartition(Value self, const Value* a, size_t n, Tuple* kw) { return m_partition_common(self, a, n, kw, "str.rpartition", true); }

bool parse_split_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, Str** sep, int64_t* maxsplit) {
  Value a[2];
  const ArgSpec spec{fname, {"sep", "maxsplit"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  *sep = nullptr;
  if (a[0] && !is_none(a[0])) {
    if (!is_str(a[0])) {
      raise(&exc::TypeError, "must be str or None, not %s", type_name(a[0]));
      return false;
    }
    *sep = S(a[0]);
    if ((*sep)->length == 0) {
      raise(&exc::ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (a[1] && !arg_ssize(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

// Collects the parts of a split; the list is built once at the end (no
// per-item locking). Short results stay in the inline array, which the
// collector sees on the C stack; longer ones move to scanned memory.
class Parts {
 public:
  Parts(const Parts&) = delete;
  Parts& operator=(const Parts&) = delete;
  Parts() = default;
  void add(Value v) {
    if (n_ == cap_) grow();
    items_[n_++] = v;
  }
  Value to_list(bool reversed = false) {
    if (reversed)
      for (int64_t i = 0, j = n_ - 1; i < j; i++, j--) std::swap(items_[i], items_[j]);
    return Value(list_from_array(items_, n_));
  }

 private:
  void grow() {
    int64_t ncap = cap_ * 2;
    auto* bigger = static_cast<Value*>(gc::alloc(sizeof(Value) * size_t(ncap)));
    std::memcpy(static_cast<void*>(bigger), items_, sizeof(Value) * size_t(n_));
    items_ = bigger;
    cap_ = ncap;
  }
  static constexpr int64_t kInline = 16;
  Value inline_[kInline];
  Value* items_ = inline_;
  int64_t n_ = 0, cap_ = kInline;
};

template <class T>
void split_whitespace(Value self, const T* p, int64_t n, int64_t maxsplit, Parts& out) {
  Str* s = S(self);
  int64_t i = 0;
  while (maxsplit-- > 0) {
    while (i < n && unicode::is_space(p[i])) i++;
    if (i == n) break;
    int64_t j = i++;
    while (i < n && !unicode::is_space(p[i])) i++;
    if (j == 0 && i == n) {
      out.add(unchanged(self));
      return;
    }
    out.add(Value(str_substr(s, j, i)));
  }
  while (i < n && unicode::is_space(p[i])) i++;
  if (i < n) out.add(Value(str_substr(s, i, n)));
}

template <class T>
void rsplit_whitespace(Value self, const T* p, int64_t n, int64_t maxsplit, Parts& out) {
  Str* s = S(self);
  int64_t i = n;
  while (maxsplit-- > 0) {
    while (i > 0 && unicode::is_space(p[i - 1])) i--;
    if (i == 0) break;
    int64_t j = i--;
    while (i > 0 && !unicode::is_space(p[i - 1])) i--;
    if (i == 0 && j == n) {
      out.add(unchanged(self));
      return;
    }
    out.add(Value(str_substr(s, i, j)));
  }
  while (i > 0 && unicode::is_space(p[i - 1])) i--;
  if (i > 0) out.add(Value(str_substr(s, 0, i)));
}

Value m_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return Value();
  Str* s = S(self);
  Parts out;
  if (!sep) {
    with_data(s, [&](auto* p) { split_whitespace(self, p, s->length, maxsplit, out); });
    return out.to_list();
  }
  StrSearcher searcher(sep);
  int64_t i = 0;
  while (maxsplit-- > 0) {
    int64_t pos = searcher.find(s, i, s->length);
    if (pos < 0) break;
    out.add(Value(str_substr(s, i, pos)));
    i = pos + sep->length;
  }
  out.add(i == 0 ? unchanged(self) : Value(str_substr(s, i, s->length)));
  return out.to_list();
}

Value m_rsplit(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return Value();
  Str* s = S(self);
  Parts out;
  if (!sep) {
    with_data(s, [&](auto* p) { rsplit_whitespace(self, p, s->length, maxsplit, out); });
    return out.to_list(true);
  }
  StrSearcher searcher(sep, true);
  int64_t j = s->length;
  while (maxsplit-- > 0) {
    int64_t pos = searcher.find(s, 0, j);
    if (pos < 0) break;
    out.add(Value(str_substr(s, pos + sep->length, j)));
    j = pos;
  }
  out.add(j == s->length ? unchanged(self) : Value(str_substr(s, 0, j)));
  return out.to_list(true);
}

Value m_splitlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const ArgSpec spec{"splitlines", {"keepends"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  int64_t keepends = 0;
  if (a[0] && !arg_int(a[0], &keepends)) return Value();
  Str* s = S(self);
  Parts out;
  with_data(s, [&](auto* p) {
    int64_t n = s->length, i = 0, j = 0;
    while (i < n) {
      while (i < n && !unicode::is_linebreak(p[i])) i++;
      int64_t eol = i;
      if (i < n) {
        i += (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
        if (keepends) eol = i;
      }
      if (j == 0 && eol == n) {
        out.add(unchanged(self));
        break;
      }
      out.add(Value(str_substr(s, j, eol)));
      j = i;
    }
  });
  return out.to_list();
}

// ------------------------------------------------------------------ replace

Str* replace(Str* s, Str* old, Str* repl, int64_t maxcount) {
  if (old->length == 0) {
    int64_t slots = s->length + 1;
    int64_t n = std::min(maxcount, slots);
    if (repl->length && !check_str_length(s->length + n * repl->length)) return nullptr;
    StrBuilder b;
    b.reserve(s->length + n * repl->length);
    for (int64_t i = 0; i < s->length; i++) {
      if (i < n) b.append(repl);
      b.append(s->at(i));
    }
    if (n == slots) b.append(repl);
    return b.finish();
  }
  StrSearcher searcher(old);
  int64_t pos = searcher.find(s, 0, s->length);
  if (pos < 0) return nullptr;
  if (s->kind == 1 && repl->kind == 1) {
    // One search pass records the matches; the result is then sized and filled directly.
    std::vector<int64_t> matches;
    while (pos >= 0) {
      matches.push_back(pos);
      if (int64_t(matches.size()) >= maxcount) break;
      pos = searcher.find(s, pos + old->length, s->length);
    }
    int64_t count = int64_t(matches.size());
    int64_t length = s->length + count * (repl->length - old->length);
    if (!check_str_length(length)) return nullptr;
    if (length == 0) return str_empty();
    Str* r = str_alloc(length, 1, s->ascii && repl->ascii);
    auto* dst = static_cast<uint8_t*>(r->data_ptr);
    const uint8_t* src = s->data1();
    int64_t i = 0;
    for (int64_t m : matches) {
      std::memcpy(dst, src + i, size_t(m - i));
      dst += m - i;
      std::memcpy(dst, repl->data_ptr, size_t(repl->length));
      dst += repl->length;
      i = m + old->length;
    }
    std::memcpy(dst, src + i, size_t(s->length - i));
    if (!r->ascii) {
      // Removed text may have held every non-ASCII code point.
      const uint8_t* p = r->data1();
      bool ascii = true;
      for (int64_t k = 0; k < length && ascii; k++) ascii = p[k] < 128;
      r->ascii = ascii;
    }
    return length == 1 ? str_from_char(r->data1()[0]) : r;
  }
  StrBuilder b;
  b.reserve(s->length);
  int64_t i = 0, count = 0;
  while (pos >= 0) {
    b.append_substr(s, i, pos);
    b.append(repl);
    i = pos + old->length;
    if (++count >= maxcount) break;
    pos = searcher.find(s, i, s->length);
  }
  b.append_substr(s, i, s->length);
  return b.finish();
}

Value m_replace(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.replace", kwnames) || !check_nargs("replace", nargs, 2, 3)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "replace() argument 1 must be str, not %s", arg_type_name(args[0]));
  if (!is_str(args[1])) return raise(&exc::TypeError, "replace() argument 2 must be str, not %s", arg_type_name(args[1]));
  int64_t maxcount = -1;
  if (nargs > 2 && !arg_ssize(args[2], &maxcount)) return Value();
  if (maxcount < 0) maxcount = INT64_MAX;
  Str* s = S(self);
  if (maxcount == 0 || (S(args[0])->length > s->length)) return unchanged(self);
  Str* r = replace(s, S(args[0]), S(args[1]), maxcount);
  if (!r) return error_occurred() ? Value() : unchanged(self);
  return Value(r);
}

// ------------------------------------------------------------------ translate / maketrans

// What one code point maps to: false with an exception pending on errors;
// else *out is null to keep the code point, None to delete it, or an int or str.
bool translate_lookup(Value table, uint32_t c, Value* out) {
  Value r = get_item(table, Value::from_small_int(c));
  *out = r;
  if (!r) {
    if (!error_matches(&exc::LookupError)) return false;
    clear_error();
    return true;
  }
  if (is_none(r) || is_str(r)) return true;
  if (is_int(r)) {
    int64_t v;
    if (!int_to_i64(r, &v) || v < 0 || v > 0x10FFFF) {
      clear_error();
      raise(&exc::ValueError, "character mapping must be in range(0x110000)");
      return false;
    }
    *out = Value::from_small_int(v);
    return true;
  }
  raise(&exc::TypeError, "character mapping must return integer, None or str");
  return false;
}

Value m_translate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.translate", kwnames) || !check_nargs("str.translate", nargs, 1, 1)) return Value();
  Value table = args[0];
  Str* s = S(self);
  // Latin-1 code points are looked up once each.
  Value cache[256] = {};
  bool cached[256] = {};
  StrBuilder b;
  b.reserve(s->length);
  bool changed = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    Value r;
    if (c < 256 && cached[c]) {
      r = cache[c];
    } else {
      if (!translate_lookup(table, c, &r)) return Value();
      if (c < 256) {
        cache[c] = r;
        cached[c] = true;
      }
    }
    if (!r) {
      b.append(c);
    } else if (is_none(r)) {
      changed = true;
    } else if (is_str(r)) {
      b.append(S(r));
      changed = true;
    } else {
      b.append(uint32_t(r.as_small_int()));
      changed = true;
    }
  }
  if (!changed) return unchanged(self);
  return Value(b.finish());
}

Value m_maketrans(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.maketrans", kwnames) || !check_nargs("maketrans", nargs, 1, 3)) return Value();
  if (nargs >= 2 && !is_str(args[1])) return raise(&exc::TypeError, "maketrans() argument 2 must be str, not %s", arg_type_name(args[1]));
  if (nargs == 3 && !is_str(args[2])) return raise(&exc::TypeError, "maketrans() argument 3 must be str, not %s", arg_type_name(args[2]));
  Dict* out = dict_new();
  if (nargs == 1) {
    if (!is_dict(args[0]))
      return raise(&exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    Value key, value;
    while (dict_next(args[0].as<Dict>(), &pos, &key, &value)) {
      if (is_str(key)) {
        if (S(key)->length != 1) return raise(&exc::ValueError, "string keys in translate table must be of length 1");
        key = Value::from_small_int(S(key)->at(0));
      } else if (!is_int(key)) {
        return raise(&exc::TypeError, "keys in translate table must be strings or integers");
      }
      if (dict_set(out, key, value) < 0) return Value();
    }
    return Value(out);
  }
  if (!is_str(args[0]))
    return raise(&exc::TypeError, "first maketrans argument must be a string if there is a second argument");
  Str* x = S(args[0]);
  Str* y = S(args[1]);
  if (x->length != y->length)
    return raise(&exc::ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0; i < x->length; i++)
    if (dict_set(out, Value::from_small_int(x->at(i)), Value::from_small_int(y->at(i))) < 0) return Value();
  if (nargs == 3) {
    Str* z = S(args[2]);
    for (int64_t i = 0; i < z->length; i++)
      if (dict_set(out, Value::from_small_int(z->at(i)), None()) < 0) return Value();
  }
  return Value(out);
}

// ------------------------------------------------------------------ the rest

Value m_join(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.join", kwnames) || !check_nargs("str.join", nargs, 1, 1)) return Value();
  return str_join(S(self), args[0]);
}

Value m_encode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"encode", {"encoding", "errors"}, 0};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value enc = a[0] ? a[0] : Value(intern_cstr("utf-8"));
  Value errors = a[1] ? a[1] : Value(intern_cstr("strict"));
  return encode_str(S(self), enc, errors);
}

Value m_dunder_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.__format__", kwnames) || !check_nargs("str.__format__", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "__format__() argument must be str, not %s", arg_type_name(args[0]));
  // An empty spec formats a str subclass as str() would (its __str__ override included).
  if (S(args[0])->length == 0 && !is_str_exact(self)) return to_str(self);
  return format_str(self, S(args[0]));
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.__getnewargs__", kwnames) || !check_nargs("str.__getnewargs__", nargs, 0, 0)) return Value();
  return Value(tuple_pack({unchanged(self)}));
}

Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.__sizeof__", kwnames) || !check_nargs("str.__sizeof__", nargs, 0, 0)) return Value();
  // CPython's layout sizes (compact ASCII / compact objects), which code that
  // budgets memory with sys.getsizeof() expects.
  Str* s = S(self);
  int64_t size = s->ascii ? 48 + s->length + 1 : 72 + (s->length + 1) * s->kind;
  if (!is_str_exact(self)) size += 8 + (s->ascii ? 24 : 0);
  return Value::from_small_int(size);
}

Value m_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return str_format_call(self, args, nargs, kwnames);
}

Value m_format_map(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.format_map", kwnames) || !check_nargs("str.format_map", nargs, 1, 1)) return Value();
  return str_format_map(self, args[0]);
}

const MethodDef str_methods[] = {
    {"encode", m_encode, kMethodInstance,
     "Encode the string using the codec registered for encoding.\n\n  encoding\n    The encoding in which to encode the "
     "string.\n  errors\n    The error handling scheme to use for encoding errors.\n    The default is 'strict' meaning "
     "that encoding errors raise a\n    UnicodeEncodeError.  Other possible values are 'ignore', 'replace' and\n    "
     "'xmlcharrefreplace' as well as any other name registered with\n    codecs.register_error that can handle "
     "UnicodeEncodeErrors."},
    {"replace", m_replace, kMethodInstance,
     "Return a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of "
     "occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument "
     "count is given, only the first count occurrences are\nreplaced."},
    {"split", m_split, kMethodInstance,
     "Return a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator "
     "used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    "
     "character (including \\\\n \\\\r \\\\t \\\\f and spaces) and will discard\n    empty strings from the "
     "result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means "
     "no limit.\n\nNote, str.split() is mainly useful for data that has been intentionally\ndelimited.  With natural "
     "text that includes punctuation, consider using\nthe regular expression module."},
    {"rsplit", m_rsplit, kMethodInstance,
     "Return a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator "
     "used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    "
     "character (including \\\\n \\\\r \\\\t \\\\f and spaces) and will discard\n    empty strings from the "
     "result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means "
     "no limit.\n\nSplitting starts at the end of the string and works to the front."},
    {"join", m_join, kMethodInstance,
     "Concatenate any number of strings.\n\nThe string whose method is called is inserted in between each given "
     "string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'"},
    {"capitalize", m_capitalize, kMethodInstance,
     "Return a capitalized version of the string.\n\nMore specifically, make the first character have upper case and "
     "the rest lower\ncase."},
    {"casefold", m_casefold, kMethodInstance, "Return a version of the string suitable for caseless comparisons."},
    {"title", m_title, kMethodInstance,
     "Return a version of the string where each word is titlecased.\n\nMore specifically, words start with uppercased "
     "characters and all remaining\ncased characters have lower case."},
    {"center", m_center, kMethodInstance,
     "Return a centered string of length width.\n\nPadding is done using the specified fill character (default is a "
     "space)."},
    {"count", m_count, kMethodInstance,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\n"
     "string S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation."},
    {"expandtabs", m_expandtabs, kMethodInstance,
     "Return a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 "
     "characters is assumed."},
    {"find", m_find, kMethodInstance,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub "
     "is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\n"
     "Return -1 on failure."},
    {"partition", m_partition, kMethodInstance,
     "Partition the string into three parts using the given separator.\n\nThis will search for the separator in the "
     "string.  If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\n"
     "itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original "
     "string\nand two empty strings."},
    {"index", m_index, kMethodInstance,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that "
     "sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation."
     "\n\nRaises ValueError when the substring is not found."},
    {"ljust", m_ljust, kMethodInstance,
     "Return a left-justified string of length width.\n\nPadding is done using the specified fill character (default "
     "is a space)."},
    {"lower", m_lower, kMethodInstance, "Return a copy of the string converted to lowercase."},
    {"lstrip", m_lstrip, kMethodInstance,
     "Return a copy of the string with leading whitespace removed.\n\nIf chars is given and not None, remove "
     "characters in chars instead."},
    {"rfind", m_rfind, kMethodInstance,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that "
     "sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation."
     "\n\nReturn -1 on failure."},
    {"rindex", m_rindex, kMethodInstance,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that "
     "sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation."
     "\n\nRaises ValueError when the substring is not found."},
    {"rjust", m_rjust, kMethodInstance,
     "Return a right-justified string of length width.\n\nPadding is done using the specified fill character "
     "(default is a space)."},
    {"rstrip", m_rstrip, kMethodInstance,
     "Return a copy of the string with trailing whitespace removed.\n\nIf chars is given and not None, remove "
     "characters in chars instead."},
    {"rpartition", m_rpartition, kMethodInstance,
     "Partition the string into three parts using the given separator.\n\nThis will search for the separator in the "
     "string, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\n"
     "separator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple "
     "containing two empty strings\nand the original string."},
    {"splitlines", m_splitlines, kMethodInstance,
     "Return a list of the lines in the string, breaking at line boundaries.\n\nLine breaks are not included in the "
     "resulting list unless keepends is given and\ntrue."},
    {"strip", m_strip, kMethodInstance,
     "Return a copy of the string with leading and trailing whitespace removed.\n\nIf chars is given and not None, "
     "remove characters in chars instead."},
    {"swapcase", m_swapcase, kMethodInstance, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", m_translate, kMethodInstance,
     "Replace each character in the string using the given translation table.\n\n  table\n    Translation table, "
     "which must be a mapping of Unicode ordinals to\n    Unicode ordinals, strings, or None.\n\nThe table must "
     "implement lookup/indexing via __getitem__, for instance a\ndictionary or list.  If this operation raises "
     "LookupError, the character is\nleft untouched.  Characters mapped to None are deleted."},
    {"upper", m_upper, kMethodInstance, "Return a copy of the string converted to uppercase."},
    {"startswith", m_startswith, kMethodInstance,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False "
     "otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that "
     "position.\nprefix can also be a tuple of strings to try."},
    {"endswith", m_endswith, kMethodInstance,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False "
     "otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that "
     "position.\nsuffix can also be a tuple of strings to try."},
    {"removeprefix", m_removeprefix, kMethodInstance,
     "Return a str with the given prefix string removed if present.\n\nIf the string starts with the prefix string, "
     "return string[len(prefix):].\nOtherwise, return a copy of the original string."},
    {"removesuffix", m_removesuffix, kMethodInstance,
     "Return a str with the given suffix string removed if present.\n\nIf the string ends with the suffix string and "
     "that suffix is not empty,\nreturn string[:-len(suffix)]. Otherwise, return a copy of the original\nstring."},
    {"isascii", m_isascii, kMethodInstance,
     "Return True if all characters in the string are ASCII, False otherwise.\n\nASCII characters have code points in "
     "the range U+0000-U+007F.\nEmpty string is ASCII too."},
    {"islower", m_islower, kMethodInstance,
     "Return True if the string is a lowercase string, False otherwise.\n\nA string is lowercase if all cased "
     "characters in the string are lowercase and\nthere is at least one cased character in the string."},
    {"isupper", m_isupper, kMethodInstance,
     "Return True if the string is an uppercase string, False otherwise.\n\nA string is uppercase if all cased "
     "characters in the string are uppercase and\nthere is at least one cased character in the string."},
    {"istitle", m_istitle, kMethodInstance,
     "Return True if the string is a title-cased string, False otherwise.\n\nIn a title-cased string, upper- and "
     "title-case characters may only\nfollow uncased characters and lowercase characters only cased ones."},
    {"isspace", m_isspace, kMethodInstance,
     "Return True if the string is a whitespace string, False otherwise.\n\nA string is whitespace if all characters "
     "in the string are whitespace and there\nis at least one character in the string."},
    {"isdecimal", m_isdecimal, kMethodInstance,
     "Return True if the string is a decimal string, False otherwise.\n\nA string is a decimal string if all "
     "characters in the string are decimal and\nthere is at least one character in the string."},
    {"isdigit", m_isdigit, kMethodInstance,
     "Return True if the string is a digit string, False otherwise.\n\nA string is a digit string if all characters "
     "in the string are digits and there\nis at least one character in the string."},
    {"isnumeric", m_isnumeric, kMethodInstance,
     "Return True if the string is a numeric string, False otherwise.\n\nA string is numeric if all characters in the "
     "string are numeric and there is at\nleast one character in the string."},
    {"isalpha", m_isalpha, kMethodInstance,
     "Return True if the string is an alphabetic string, False otherwise.\n\nA string is alphabetic if all characters "
     "in the string are alphabetic and there\nis at least one character in the string."},
    {"isalnum", m_isalnum, kMethodInstance,
     "Return True if the string is an alpha-numeric string, False otherwise.\n\nA string is alpha-numeric if all "
     "characters in the string are alpha-numeric and\nthere is at least one character in the string."},
    {"isidentifier", m_isidentifier, kMethodInstance,
     "Return True if the string is a valid Python identifier, False otherwise.\n\nCall keyword.iskeyword(s) to test "
     "whether string s is a reserved identifier,\nsuch as \"def\" or \"class\"."},
    {"isprintable", m_isprintable, kMethodInstance,
     "Return True if the string is printable, False otherwise.\n\nA string is printable if all of its characters are "
     "considered printable in\nrepr() or if it is empty."},
    {"zfill", m_zfill, kMethodInstance,
     "Pad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe string is never "
     "truncated."},
    {"format", m_format, kMethodInstance,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and "
     "kwargs.\nThe substitutions are identified by braces ('{' and '}')."},
    {"format_map", m_format_map, kMethodInstance,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe "
     "substitutions are identified by braces ('{' and '}')."},
    {"__format__", m_dunder_format, kMethodInstance, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", m_maketrans, kMethodStatic,
     "Return a translation table usable for str.translate().\n\nIf there is only one argument, it must be a "
     "dictionary mapping Unicode\nordinals (integers) or characters to Unicode ordinals, strings or None.\nCharacter "
     "keys will be then converted to ordinals.\nIf there are two arguments, they must be strings of equal length, and\n"
     "in the resulting dictionary, each character in x will be mapped to the\ncharacter at the same position in y. If "
     "there is a third argument, it\nmust be a string, whose characters will be mapped to None in the result."},
    {"__sizeof__", m_sizeof, kMethodInstance, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", m_getnewargs, kMethodInstance, nullptr},
    {nullptr}};

}  // namespace

Value str_join(Str* sep, Value iterable) {
  Value seq;
  if (is_list(iterable)) {
    seq = Value(list_snapshot(iterable.as<List>()));
  } else if (is_tuple(iterable)) {
    seq = iterable;
  } else {
    Value it = get_iter(iterable);
    if (!it) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        raise(&exc::TypeError, "can only join an iterable");
      }
      return Value();
    }
    seq = tuple_from_iterable(it);
    if (!seq) return Value();
  }
  Tuple* t = seq.as<Tuple>();
  if (t->size == 0) return Value(str_empty());
  if (t->size == 1 && is_str_exact(t->items[0])) return t->items[0];
  // One pass to check the items and size the result, one to copy.
  int64_t total = sep->length * (t->size - 1);
  uint8_t kind = sep->length ? sep->kind : 1;
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < t->size; i++) {
    Value item = t->items[i];
    if (!is_str(item))
      return raise(&exc::TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                   type_name(item));
    Str* s = S(item);
    total += s->length;
    if (s->kind > kind) kind = s->kind;
    ascii = ascii && s->ascii;
  }
  if (total == 0) return Value(str_empty());
  if (!check_str_length(total)) return Value();
  if (kind == 1) {
    Str* r = str_alloc(total, 1, ascii);
    auto* dst = static_cast<uint8_t*>(r->data_ptr);
    for (int64_t i = 0; i < t->size; i++) {
      if (i && sep->length) {
        std::memcpy(dst, sep->data_ptr, size_t(sep->length));
        dst += sep->length;
      }
      Str* s = S(t->items[i]);
      std::memcpy(dst, s->data_ptr, size_t(s->length));
      dst += s->length;
    }
    return Value(r);
  }
  StrBuilder b;
  b.reserve(total);
  for (int64_t i = 0; i < t->size; i++) {
    if (i) b.append(sep);
    b.append(S(t->items[i]));
  }
  return Value(b.finish());
}

Value str_subclass_new(Type* type, Str* value) {
  auto* s = static_cast<Str*>(alloc_object(type, sizeof(Str)));
  s->length = value->length;
  new (&s->hash_cache) std::atomic<int64_t>(-1);
  s->kind = value->kind;
  s->ascii = value->ascii;
  new (&s->interned) std::atomic<bool>(false);
  s->in_buffer = false;
  s->data_ptr = value->data_ptr;  // shares the immutable code points
  return Value(s);
}

void init_str_type() {
  str_type.native_name = "str";
  str_type.instance_size = sizeof(Str);
  str_type.flags = kTypeBaseType | kTypeStrSubclass;
  str_type.new_ = str_new_py;
  str_type.repr = str_repr_slot;
  str_type.str = str_str_slot;
  str_type.hash = str_hash_slot;
  str_type.richcompare = str_richcompare;
  str_type.len = str_len;
  str_type.getitem = str_getitem;
  str_type.contains = str_contains;
  str_type.iter = str_iter;
  str_type.nb[int(BinaryOp::Add)] = str_concat_slot;
  str_type.nb[int(BinaryOp::Mul)] = str_repeat;
  str_type.nb[int(BinaryOp::Mod)] = str_mod_format;
  str_type.methods = str_methods;
  str_type.doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from "
      "the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be "
      "decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if "
      "defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'.";

  for (Type* t : {&str_iterator_type, &str_ascii_iterator_type}) {
    t->instance_size = sizeof(StrIterator);
    t->iter = iter_self;
    t->next = str_iter_next;
    t->methods = str_iter_methods;
  }
  str_iterator_type.native_name = "str_iterator";
  str_ascii_iterator_type.native_name = "str_ascii_iterator";
}

}  // namespace spindle
