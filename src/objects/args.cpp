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

bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames, Value* out) {
  const int n = int(spec.names.size());
  const int max_positional = spec.kwonly >= 0 ? spec.kwonly : n;
  for (int i = 0; i < n; i++) out[i] = Value();
  if (spec.legacy_messages && nargs + kwcount(kwnames) > size_t(n)) {
    raise(&exc::TypeError, "%s() takes at most %d %sargument%s (%zd given)", spec.fname, n, nargs == 0 ? "keyword " : "",
          n == 1 ? "" : "s", ssize_t(nargs + kwcount(kwnames)));
    return false;
  }
  if (int(nargs) > max_positional) {
    if (max_positional == 0)
      raise(&exc::TypeError, "%s() takes no positional arguments", spec.fname);
    else if (spec.required == max_positional)
      raise(&exc::TypeError, "%s() takes exactly %d positional argument%s (%zd given)", spec.fname, max_positional,
            max_positional == 1 ? "" : "s", ssize_t(nargs));
    else
      raise(&exc::TypeError, "%s() takes at most %d positional argument%s (%zd given)", spec.fname, max_positional,
            max_positional == 1 ? "" : "s", ssize_t(nargs));
    return false;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  size_t nkw = kwcount(kwnames);
  for (size_t k = 0; k < nkw; k++) {
    Str* key = kwnames->items[k].as<Str>();
    int index = -1;
    int i = 0;
    for (const char* name : spec.names) {
      if (str_equals_ascii(key, name)) {
        index = i;
        break;
      }
      i++;
    }
    if (index < 0 || index < spec.posonly) {
      if (index >= 0 && index < spec.posonly)
        raise(&exc::TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%U'",
              spec.fname, key);
      else if (spec.legacy_messages)
        raise(&exc::TypeError, "'%U' is an invalid keyword argument for %s()", key, spec.fname);
      else
        raise(&exc::TypeError, "%s() got an unexpected keyword argument '%U'", spec.fname, key);
      return false;
    }
    if (out[index]) {
      raise(&exc::TypeError, "argument for %s() given by name ('%U') and position (%d)", spec.fname, key, index + 1);
      return false;
    }
    out[index] = args[nargs + k];
  }
  int i = 0;
  for (const char* name : spec.names) {
    if (i >= spec.required) break;
    if (!out[i]) {
      if (i < spec.posonly || (spec.kwonly < 0 || i < spec.kwonly))
        raise(&exc::TypeError, "%s() missing required argument '%s' (pos %d)", spec.fname, name, i + 1);
      else
        raise(&exc::TypeError, "%s() missing required keyword-only argument '%s'", spec.fname, name);
      return false;
    }
    i++;
  }
  return true;
}

}  // namespace spindle
