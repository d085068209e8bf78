// "Did you mean" suggestions for AttributeError and NameError, appended to
// the exception line by the default excepthook (CPython 3.11's rules: a
// Levenshtein distance over UTF-8 bytes where a case change costs less than
// other edits, and a bound that grows with the lengths compared).
#include <algorithm>
#include <string>
#include <vector>

#include "objects/exception.h"
#include "objects/list.h"
#include "objects/str.h"
#include "vm/interp.h"
#include "vm/suggestions.h"

namespace spindle {

namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = char(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = char(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// The edit distance of a and b, or max_cost + 1 once it must exceed max_cost.
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); bi++) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ai++) {
      size_t substitute = distance + substitution_cost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest of candidates (a list of str) to name, or null.
Str* closest(Value candidates, Str* name) {
  if (!candidates || !is_list(candidates)) return nullptr;
  List* l = candidates.as<List>();
  int64_t n = list_size(l);
  if (n > int64_t(kMaxCandidates)) return nullptr;
  std::string wanted = str_to_utf8(name);
  Str* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (int64_t i = 0; i < n; i++) {
    Value item = list_get(l, i);
    if (!item || !is_str(item)) return nullptr;
    Str* s = item.as<Str>();
    if (str_equal(s, name)) continue;
    std::string text = str_to_utf8(s);
    size_t max_distance = (wanted.size() + text.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(wanted, text, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = s;
      best_distance = d;
    }
  }
  return best;
}

Value attr(Value obj, const char* name) {
  Value v = lookup_attr(obj, intern_cstr(name));
  if (!v) clear_error();
  return v;
}

Value list_of(Value iterable) {
  if (!iterable) return Value();
  Value l = call1(import_builtin("list"), iterable);
  if (!l) clear_error();
  return l;
}

Str* for_attribute_error(Value exc) {
  Value name = attr(exc, "name");
  Value obj = attr(exc, "obj");
  if (!name || !is_str(name) || !obj) return nullptr;
  Value names = call1(import_builtin("dir"), obj);
  if (!names) {
    clear_error();
    return nullptr;
  }
  return closest(names, name.as<Str>());
}

// Names visible where the NameError was raised: the innermost traceback
// frame's local variable names, then its globals, then its builtins.
Str* for_name_error(Value exc) {
  Value name = attr(exc, "name");
  Value tb = attr(exc, "__traceback__");
  if (!name || !is_str_exact(name) || !tb || is_none(tb)) return nullptr;
  for (Value next = attr(tb, "tb_next"); next && !is_none(next); next = attr(tb, "tb_next")) tb = next;
  Value frame = attr(tb, "tb_frame");
  if (!frame) return nullptr;
  Value code = attr(frame, "f_code");
  if (Str* s = closest(list_of(code ? attr(code, "co_varnames") : Value()), name.as<Str>())) return s;
  if (Str* s = closest(list_of(attr(frame, "f_globals")), name.as<Str>())) return s;
  return closest(list_of(attr(frame, "f_builtins")), name.as<Str>());
}

}  // namespace

Str* exception_suggestion(Value exc) {
  Value saved = fetch_error();
  Str* s = nullptr;
  if (is_instance_of(exc, &exc::NameError)) s = for_name_error(exc);
  else if (is_instance_of(exc, &exc::AttributeError)) s = for_attribute_error(exc);
  clear_error();
  restore_error(saved);
  return s;
}

}  // namespace spindle
