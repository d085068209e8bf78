// Helpers shared by the built-in sequence types (see sequence.h).
#include "objects/sequence.h"

#include "objects/exception.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/typeobject.h"

namespace spindle {

namespace {

bool has_index(Value v) { return is_int(v) || type_of(v)->index; }

}  // namespace

bool int_arg(Value v, int* out) {
  Value i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_to_i64(i, &x) || x < INT32_MIN || x > INT32_MAX) {
    clear_error();
    raise(&exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(x);
  return true;
}

bool slice_index_arg(Value v, int64_t* out, bool none_ok) {
  if (!has_index(v)) {
    raise(&exc::TypeError, none_ok ? "slice indices must be integers or None or have an __index__ method"
                                   : "slice indices must be integers or have an __index__ method");
    return false;
  }
  return index_as_i64(v, out, nullptr);
}

void clip_range(int64_t length, int64_t* start, int64_t* stop) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = 0;
  } else if (*stop > length) {
    *stop = length;
  }
}

int64_t length_hint(Value o, int64_t dflt) {
  if (LenFn len = type_of(o)->len) {
    int64_t n = len(o);
    if (n >= 0) return n;
    if (!error_matches(&exc::TypeError)) return -1;
    clear_error();
  }
  Value hint = lookup_special(o, names::__length_hint__);
  if (!hint) return error_occurred() ? -1 : dflt;
  Value r = call0(hint);
  if (!r) {
    if (!error_matches(&exc::TypeError)) return -1;
    clear_error();
    return dflt;
  }
  if (r == NotImplemented()) return dflt;
  if (!is_int(r)) {
    raise(&exc::TypeError, "__length_hint__ must be an integer, not %s", type_name(r));
    return -1;
  }
  int64_t n;
  if (!index_as_i64(r, &n, &exc::OverflowError)) return -1;
  if (n < 0) {
    raise(&exc::ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

Value sequence_richcompare(const Value* a, int64_t na, const Value* b, int64_t nb, CompareOp op) {
  int64_t i = 0;
  for (; i < na && i < nb; i++) {
    int eq = equals(a[i], b[i]);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= na || i >= nb) {
    switch (op) {
      case CompareOp::LT: return Bool(na < nb);
      case CompareOp::LE: return Bool(na <= nb);
      case CompareOp::EQ: return Bool(na == nb);
      case CompareOp::NE: return Bool(na != nb);
      case CompareOp::GT: return Bool(na > nb);
      default: return Bool(na >= nb);
    }
  }
  if (op == CompareOp::EQ) return False();
  if (op == CompareOp::NE) return True();
  return rich_compare(a[i], b[i], op);
}

bool repeat_count(Value count, int64_t* n, bool* not_implemented) {
  *not_implemented = !has_index(count);
  if (*not_implemented) return false;
  return index_as_i64(count, n, &exc::OverflowError);
}

}  // namespace spindle
