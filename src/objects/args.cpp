#include "objects/args.h"

#include <cstring>

#include "objects/exception.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace spindle {

size_t kwcount(Tuple* kwnames) { return kwnames ? size_t(kwnames->size) : 0; }

bool check_no_kwargs(const char* fname, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  raise(&exc::TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 0) raise(&exc::TypeError, "%s() takes no arguments (%zd given)", fname, ssize_t(nargs));
    else if (min == 1) raise(&exc::TypeError, "%s() takes exactly one argument (%zd given)", fname, ssize_t(nargs));
    else raise(&exc::TypeError, "%s expected %zd arguments, got %zd", fname, ssize_t(min), ssize_t(nargs));
  } else if (nargs < min) {
    raise(&exc::TypeError, "%s expected at least %zd argument%s, got %zd", fname, ssize_t(min), min == 1 ? "" : "s",
          ssize_t(nargs));
  } else {
    raise(&exc::TypeError, "%s expected at most %zd argument%s, got %zd", fname, ssize_t(max), max == 1 ? "" : "s",
          ssize_t(nargs));
  }
  return false;
}

bool check_positional(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise(&exc::TypeError, "%s expected %s%zd argument%s, got %zd", fname, min == max ? "" : "at least ", ssize_t(min),
          min == 1 ? "" : "s", ssize_t(nargs));
    return false;
  }
  if (nargs > max) {
    raise(&exc::TypeError, "%s expected %s%zd argument%s, got %zd", fname, min == max ? "" : "at most ", ssize_t(max),
          max == 1 ? "" : "s", ssize_t(nargs));
    return false;
  }
  return true;
}

bool check_tuple_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t bound = nargs < min ? min : max;
  raise(&exc::TypeError, "%s() takes %s %zd argument%s (%zd given)", fname,
        min == max ? "exactly" : nargs < min ? "at least" : "at most", ssize_t(bound), bound == 1 ? "" : "s",
        ssize_t(nargs));
  return false;
}

bool ssize_arg(Value v, int64_t* out) {
  Value i = number_index(v);
  if (!i) return false;
  if (!int_to_i64(i, out)) {
    clear_error();
    raise(&exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// Follows the order of CPython's keyword-argument unpacking, so the same call
// errors are reported first: too many arguments, missing ones, then a name
// given twice, then an unknown (or positional-only) keyword.
bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, Value* out) {
  const int n = int(spec.names.size());
  const int max_positional = spec.kwonly >= 0 ? spec.kwonly : n;
  const size_t nkw = kwcount(kwnames);
  for (int i = 0; i < n; i++) out[i] = Value();
  if (nargs + nkw > size_t(n)) {
    raise(&exc::TypeError, "%s() takes at most %d %sargument%s (%zd given)", spec.fname, n,
          nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", ssize_t(nargs + nkw));
    return false;
  }
  if (int(nargs) > max_positional) {
    if (max_positional == 0)
      raise(&exc::TypeError, "%s() takes no positional arguments", spec.fname);
    else
      raise(&exc::TypeError, "%s() takes %s %d positional argument%s (%zd given)", spec.fname,
            spec.required < max_positional ? "at most" : "exactly", max_positional, max_positional == 1 ? "" : "s",
            ssize_t(nargs));
    return false;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  auto keyword_index = [&](Str* key) {
    int i = 0;
    for (const char* name : spec.names) {
      if (i >= spec.posonly && str_equals_ascii(key, name)) return i;
      i++;
    }
    return -1;
  };
  size_t matched = 0;
  for (size_t k = 0; k < nkw; k++) {
    int index = keyword_index(kwnames->items[k].as<Str>());
    if (index >= int(nargs)) {
      out[index] = args[nargs + k];
      matched++;
    }
  }
  int i = 0;
  for (const char* name : spec.names) {
    if (i >= spec.required) break;
    if (!out[i]) {
      if (spec.kwonly < 0 || i < spec.kwonly)
        raise(&exc::TypeError, "%s() missing required argument '%s' (pos %d)", spec.fname, name, i + 1);
      else
        raise(&exc::TypeError, "%s() missing required keyword-only argument '%s'", spec.fname, name);
      return false;
    }
    i++;
  }
  if (matched == nkw) return true;
  for (size_t k = 0; k < nkw; k++) {
    Str* key = kwnames->items[k].as<Str>();
    int index = keyword_index(key);
    if (index >= 0 && index < int(nargs)) {
      if (*spec.fname) raise(&exc::TypeError, "argument for %s() given by name ('%U') and position (%d)", spec.fname, key, index + 1);
      else raise(&exc::TypeError, "argument for function given by name ('%U') and position (%d)", key, index + 1);
      return false;
    }
  }
  for (size_t k = 0; k < nkw; k++) {
    Str* key = kwnames->items[k].as<Str>();
    if (keyword_index(key) < 0) {
      // CPython names no function when its parser was given none.
      if (*spec.fname) raise(&exc::TypeError, "'%U' is an invalid keyword argument for %s()", key, spec.fname);
      else raise(&exc::TypeError, "'%U' is an invalid keyword argument for this function", key);
      return false;
    }
  }
  return true;
}

}  // namespace spindle
