// The unicodedata module: character properties, decompositions, names and
// normalization over the Unicode 14.0 database (as CPython 3.11), and the
// ucd_3_2_0 object giving the same answers for Unicode 3.2.0 (used by IDNA and
// stringprep). As in CPython, 3.2.0 is the current data plus a record of what
// changed: characters unassigned in 3.2.0 have no properties, some fields
// differ, and five decompositions were corrected since.
#include <algorithm>
#include <string>
#include <vector>

#include "modules/unicodedata_db.h"
#include "modules/unicodedata_names.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"

namespace spindle {

namespace {

using ucd::NormForm;

struct UcdObject : Object {
  Value unidata_version;
};

Type ucd_type;

// Module functions get the module as self, methods of ucd_3_2_0 the UCD object.
bool is_3_2_0(Value self) { return is_type(self, &ucd_type); }

// The qualified name CPython's messages use for arity errors: "unicodedata.f" or "UCD.f".
std::string qualified(Value self, const char* fname) {
  return std::string(is_3_2_0(self) ? "UCD." : "unicodedata.") + fname;
}

bool char_argument(const char* fname, bool numbered, Value v, uint32_t* cp) {
  if (!is_str(v) || v.as<Str>()->length != 1) {
    raise(&exc::TypeError, "%s() argument %smust be a unicode character, not %s", fname, numbered ? "1 " : "",
          type_name(v));
    return false;
  }
  *cp = v.as<Str>()->at(0);
  return true;
}

// Parses the single character argument of category(), bidirectional(), ...
bool one_char(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kwnames, uint32_t* cp) {
  std::string q = qualified(self, fname);
  return check_no_kwargs(q.c_str(), kwnames) && check_nargs(q.c_str(), nargs, 1, 1) &&
         char_argument(fname, false, args[0], cp);
}

// Parses (chr, default=<none>) of name(), decimal(), digit(), numeric().
bool char_and_default(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kwnames, uint32_t* cp,
                      Value* fallback) {
  if (!check_no_kwargs(qualified(self, fname).c_str(), kwnames) || !check_nargs(fname, nargs, 1, 2) ||
      !char_argument(fname, true, args[0], cp))
    return false;
  *fallback = nargs > 1 ? args[1] : Value();
  return true;
}

// The default if one was given, else ValueError.
Value missing(Value fallback, const char* message) {
  return fallback ? fallback : raise(&exc::ValueError, "%s", message);
}

const ucd::Change* old_change(Value self, uint32_t cp) {
  return is_3_2_0(self) ? &ucd::change_3_2_0(cp) : nullptr;
}

bool unassigned_in(const ucd::Change* change) { return change && change->category == 0; }

uint8_t pick(const ucd::Change* change, uint8_t ucd::Change::*field, uint8_t current) {
  return change && change->*field != ucd::kUnchanged ? change->*field : current;
}

Value name_str(const char* s) { return Value(intern_cstr(s)); }

// ---- properties ----

Value ud_category(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("category", self, args, nargs, kwnames, &c)) return Value();
  return name_str(ucd::kCategoryNames[pick(old_change(self, c), &ucd::Change::category, ucd::props(c).category)]);
}

Value ud_bidirectional(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("bidirectional", self, args, nargs, kwnames, &c)) return Value();
  return name_str(ucd::kBidiNames[pick(old_change(self, c), &ucd::Change::bidirectional, ucd::props(c).bidirectional)]);
}

Value ud_east_asian_width(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("east_asian_width", self, args, nargs, kwnames, &c)) return Value();
  return name_str(
      ucd::kEastAsianWidthNames[pick(old_change(self, c), &ucd::Change::east_asian_width, ucd::props(c).east_asian_width)]);
}

Value ud_combining(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("combining", self, args, nargs, kwnames, &c)) return Value();
  return Value::from_small_int(unassigned_in(old_change(self, c)) ? 0 : ucd::props(c).combining);
}

Value ud_mirrored(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("mirrored", self, args, nargs, kwnames, &c)) return Value();
  uint8_t current = (ucd::props(c).flags & ucd::kMirrored) ? 1 : 0;
  return Value::from_small_int(pick(old_change(self, c), &ucd::Change::mirrored, current));
}

Value ud_decomposition(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  if (!one_char("decomposition", self, args, nargs, kwnames, &c)) return Value();
  int tag = 0;
  uint32_t parts[ucd::kMaxDecomposition];
  int len = unassigned_in(old_change(self, c)) ? 0 : ucd::decomposition(c, &tag, parts);
  if (len == 0) return Value(str_empty());
  std::string text = ucd::kDecompositionTags[tag];
  for (int i = 0; i < len; i++) {
    char buf[16];
    snprintf(buf, sizeof buf, "%s%04X", text.empty() ? "" : " ", parts[i]);
    text += buf;
  }
  return Value(str_from_ascii(text));
}

Value ud_decimal(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  Value fallback;
  if (!char_and_default("decimal", self, args, nargs, kwnames, &c, &fallback)) return Value();
  const ucd::Change* change = old_change(self, c);
  int value = unicode::decimal_value(c);
  if (unassigned_in(change)) value = -1;
  else if (change && change->decimal != ucd::kUnchanged) value = change->decimal;
  return value >= 0 ? Value::from_small_int(value) : missing(fallback, "not a decimal");
}

Value ud_digit(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  Value fallback;
  if (!char_and_default("digit", self, args, nargs, kwnames, &c, &fallback)) return Value();
  // CPython answers digit() from the current data in both versions.
  int value = unicode::record(c).digit;
  return value >= 0 ? Value::from_small_int(value) : missing(fallback, "not a digit");
}

bool numeric_value(uint32_t c, double* out) {
  if (!unicode::has(c, unicode::kNumeric)) return false;
  int digit = unicode::record(c).digit;
  if (digit >= 0) {
    *out = digit;
    return true;
  }
  const uint32_t* end = ucd::kNumericCodePoints + ucd::kNumericCount;
  const uint32_t* at = std::lower_bound(ucd::kNumericCodePoints, end, c);
  if (at == end || *at != c) return false;
  *out = ucd::kNumericValues[ucd::kNumericValueIndex[at - ucd::kNumericCodePoints]];
  return true;
}

Value ud_numeric(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  Value fallback;
  if (!char_and_default("numeric", self, args, nargs, kwnames, &c, &fallback)) return Value();
  double value;
  if (unassigned_in(old_change(self, c)) || !numeric_value(c, &value))
    return missing(fallback, "not a numeric character");
  return Value::from_double(value);
}

// ---- names ----

Value ud_name(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  uint32_t c;
  Value fallback;
  if (!char_and_default("name", self, args, nargs, kwnames, &c, &fallback)) return Value();
  std::string name;
  if (!ucd::char_name(c, is_3_2_0(self), &name)) return missing(fallback, "no such name");
  return Value(str_from_ascii(name));
}

constexpr size_t kMaxNameLength = 256;

Value ud_lookup(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string q = qualified(self, "lookup");
  if (!check_no_kwargs(q.c_str(), kwnames) || !check_nargs(q.c_str(), nargs, 1, 1)) return Value();
  std::string name;
  Value arg = args[0];
  if (is_str(arg)) {
    if (!str_to_utf8_strict(arg.as<Str>(), &name)) return Value();
  } else {
    BufferView view;
    if (!get_buffer(arg, &view)) return Value();
    // Only immutable bytes objects are accepted, as in CPython.
    if (!(type_of(arg)->flags & kTypeBytesSubclass) && !is_type(arg, &bytes_type))
      return raise(&exc::TypeError, "lookup() argument must be read-only bytes-like object, not %s", type_name(arg));
    name.assign(reinterpret_cast<const char*>(view.data), size_t(view.size));
  }
  if (name.size() > kMaxNameLength) return raise(&exc::KeyError, "name too long");
  uint32_t cps[ucd::kMaxNamedSequence];
  size_t n = ucd::lookup_name(name, is_3_2_0(self), true, cps);
  if (n == 0) {
    // The message shows the name as a C string: up to its first NUL.
    std::string shown = name.substr(0, name.find('\0'));
    Value text = decode_object(Value(bytes_new(shown.data(), shown.size())), Value(intern_cstr("utf-8")),
                               Value(intern_cstr("replace")));
    if (!text) return Value();
    return raise(&exc::KeyError, "undefined character name '%U'", text.as<Str>());
  }
  return Value(str_from_code_points(cps, n));
}

// ---- normalization ----

bool parse_form(Value v, NormForm* form) {
  Str* s = v.as<Str>();
  if (str_equals_ascii(s, "NFC")) *form = NormForm::NFC;
  else if (str_equals_ascii(s, "NFKC")) *form = NormForm::NFKC;
  else if (str_equals_ascii(s, "NFD")) *form = NormForm::NFD;
  else if (str_equals_ascii(s, "NFKD")) *form = NormForm::NFKD;
  else return raise(&exc::ValueError, "invalid normalization form"), false;
  return true;
}

bool is_compat(NormForm form) { return form == NormForm::NFKD || form == NormForm::NFKC; }
bool is_composed(NormForm form) { return form == NormForm::NFC || form == NormForm::NFKC; }

uint8_t combining_class(uint32_t c) { return ucd::props(c).combining; }

// The quick check: true if s is certainly in the form already (every character
// stays as it is in any context, and the combining marks are in order).
bool certainly_normalized(Str* s, NormForm form) {
  if (s->ascii) return true;
  uint8_t yes = uint8_t(ucd::kQuickCheckYes << int(form));
  uint8_t previous = 0;
  for (int64_t i = 0; i < s->length; i++) {
    const ucd::Props& p = ucd::props(s->at(i));
    if (!(p.flags & yes) || (p.combining && previous > p.combining)) return false;
    previous = p.combining;
  }
  return true;
}

struct Normalizer {
  bool old;     // Unicode 3.2.0
  bool compat;  // NFKD / NFKC

  void decompose(uint32_t c, std::vector<uint32_t>* out) const {
    if (ucd::is_hangul_syllable(c)) {
      uint32_t s = c - ucd::kHangulSBase;
      out->push_back(ucd::kHangulLBase + s / ucd::kHangulNCount);
      out->push_back(ucd::kHangulVBase + s % ucd::kHangulNCount / ucd::kHangulTCount);
      if (s % ucd::kHangulTCount) out->push_back(ucd::kHangulTBase + s % ucd::kHangulTCount);
      return;
    }
    if (old) {
      for (size_t i = 0; i < ucd::kNormalizationCorrectionCount; i++) {
        if (ucd::kNormalizationCorrections3_2_0[i][0] == c) return decompose(ucd::kNormalizationCorrections3_2_0[i][1], out);
      }
      if (!ucd::assigned_in_3_2_0(c)) return out->push_back(c);
    }
    int tag = 0;
    uint32_t parts[ucd::kMaxDecomposition];
    int len = ucd::decomposition(c, &tag, parts);
    if (len == 0 || (tag != 0 && !compat)) return out->push_back(c);
    for (int i = 0; i < len; i++) decompose(parts[i], out);
  }

  // Full decomposition, then the canonical ordering of each run of combining marks.
  std::vector<uint32_t> decompose_all(Str* s) const {
    std::vector<uint32_t> out;
    out.reserve(size_t(s->length));
    for (int64_t i = 0; i < s->length; i++) decompose(s->at(i), &out);
    for (size_t i = 0; i < out.size();) {
      if (combining_class(out[i]) == 0) {
        i++;
        continue;
      }
      size_t end = i;
      while (end < out.size() && combining_class(out[end]) != 0) end++;
      if (end - i > 1) {
        std::stable_sort(out.begin() + ptrdiff_t(i), out.begin() + ptrdiff_t(end),
                         [](uint32_t a, uint32_t b) { return combining_class(a) < combining_class(b); });
      }
      i = end;
    }
    return out;
  }
};

// The primary composite of a starter and a following character, or 0.
uint32_t compose_pair(uint32_t first, uint32_t second) {
  if (first - ucd::kHangulLBase < ucd::kHangulLCount && second - ucd::kHangulVBase < ucd::kHangulVCount)
    return ucd::kHangulSBase + ((first - ucd::kHangulLBase) * ucd::kHangulVCount + second - ucd::kHangulVBase) *
                                   ucd::kHangulTCount;
  if (ucd::is_hangul_syllable(first) && (first - ucd::kHangulSBase) % ucd::kHangulTCount == 0 &&
      second - ucd::kHangulTBase - 1 < ucd::kHangulTCount - 1)
    return first + (second - ucd::kHangulTBase);
  const ucd::Composition* end = ucd::kCompositions + ucd::kCompositionCount;
  const ucd::Composition* at = std::lower_bound(
      ucd::kCompositions, end, std::make_pair(first, second), [](const ucd::Composition& c, std::pair<uint32_t, uint32_t> key) {
        return c.first < key.first || (c.first == key.first && c.second < key.second);
      });
  return at != end && at->first == first && at->second == second ? at->composite : 0;
}

// The canonical composition algorithm over decomposed, ordered text, in place.
void compose(std::vector<uint32_t>* text) {
  std::vector<uint32_t>& t = *text;
  size_t out = 0;
  ptrdiff_t starter = -1;
  int last_class = -1;  // class of the last character kept after the starter; -1: none
  for (size_t i = 0; i < t.size(); i++) {
    uint32_t c = t[i];
    int cls = combining_class(c);
    bool blocked = last_class != -1 && (last_class == 0 || last_class >= cls);
    if (starter >= 0 && !blocked) {
      uint32_t composite = compose_pair(t[size_t(starter)], c);
      if (composite) {
        t[size_t(starter)] = composite;
        continue;
      }
    }
    if (cls == 0) {
      starter = ptrdiff_t(out);
      last_class = -1;
    } else if (starter >= 0) {
      last_class = cls;
    }
    t[out++] = c;
  }
  t.resize(out);
}

Value normalized(Value self, Str* s, NormForm form) {
  Normalizer n{is_3_2_0(self), is_compat(form)};
  std::vector<uint32_t> text = n.decompose_all(s);
  if (is_composed(form)) compose(&text);
  return Value(str_from_code_points(text.data(), text.size()));
}

bool normalize_arguments(const char* fname, Value self, const Value* args, size_t nargs, Tuple* kwnames,
                         NormForm* form) {
  if (!check_no_kwargs(qualified(self, fname).c_str(), kwnames) || !check_nargs(fname, nargs, 2, 2)) return false;
  for (int i = 0; i < 2; i++) {
    if (!is_str(args[i]))
      return raise(&exc::TypeError, "%s() argument %d must be str, not %s", fname, i + 1, type_name(args[i])), false;
  }
  return parse_form(args[0], form);
}

Value ud_normalize(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  NormForm form;
  if (!normalize_arguments("normalize", self, args, nargs, kwnames, &form)) return Value();
  Str* s = args[1].as<Str>();
  if (s->length == 0 || (!is_3_2_0(self) && certainly_normalized(s, form))) return args[1];
  Value result = normalized(self, s, form);
  return result && str_equal(result.as<Str>(), s) ? args[1] : result;
}

Value ud_is_normalized(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  NormForm form;
  if (!normalize_arguments("is_normalized", self, args, nargs, kwnames, &form)) return Value();
  Str* s = args[1].as<Str>();
  if (s->length == 0 || (!is_3_2_0(self) && certainly_normalized(s, form))) return True();
  Value result = normalized(self, s, form);
  if (!result) return Value();
  return Bool(str_equal(result.as<Str>(), s));
}

// Module functions and the methods of UCD objects are the same functions (see is_3_2_0).
const MethodDef ucd_methods[] = {
    {"decimal", ud_decimal, kMethodInstance,
     "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the "
     "character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is "
     "raised."},
    {"digit", ud_digit, kMethodInstance,
     "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the "
     "character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError "
     "is raised."},
    {"numeric", ud_numeric, kMethodInstance,
     "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to "
     "the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"category", ud_category, kMethodInstance,
     "Returns the general category assigned to the character chr as string."},
    {"bidirectional", ud_bidirectional, kMethodInstance,
     "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, "
     "an empty string is returned."},
    {"combining", ud_combining, kMethodInstance,
     "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no "
     "combining class is defined."},
    {"mirrored", ud_mirrored, kMethodInstance,
     "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has "
     "been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},
    {"east_asian_width", ud_east_asian_width, kMethodInstance,
     "Returns the east asian width assigned to the character chr as string."},
    {"decomposition", ud_decomposition, kMethodInstance,
     "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string "
     "is returned in case no such mapping is defined."},
    {"is_normalized", ud_is_normalized, kMethodInstance,
     "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are "
     "'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"normalize", ud_normalize, kMethodInstance,
     "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', "
     "'NFD', and 'NFKD'."},
    {"name", ud_name, kMethodInstance,
     "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is "
     "returned, or, if not given,\nValueError is raised."},
    {"lookup", ud_lookup, kMethodInstance,
     "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding "
     "character.  If not found, KeyError is raised."},
    {nullptr}};

const MemberDef ucd_members[] = {
    {"unidata_version", MemberKind::ReadOnlyValue, uint32_t(offsetof(UcdObject, unidata_version)), nullptr},
    {nullptr}};

bool unicodedata_init(Module* m) {
  ucd_type.native_name = "unicodedata.UCD";
  ucd_type.instance_size = sizeof(UcdObject);
  ucd_type.flags = kTypeDisallowInstantiation;
  ucd_type.methods = ucd_methods;
  ucd_type.members = ucd_members;
  type_ready(&ucd_type);
  UcdObject* old = alloc_instance<UcdObject>(&ucd_type);
  old->unidata_version = Value(intern_cstr("3.2.0"));
  module_add(m, "UCD", Value(&ucd_type));
  module_add(m, "ucd_3_2_0", Value(old));
  module_add(m, "unidata_version", Value(intern_cstr("14.0.0")));
  return true;
}

}  // namespace

extern const ModuleDef unicodedata_module;
const ModuleDef unicodedata_module = {
    "unicodedata",
    "This module provides access to the Unicode Character Database which\ndefines character properties for all "
    "Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is "
    "publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\n"
    "UnicodeData File Format 14.0.0.",
    ucd_methods, unicodedata_init};

}  // namespace spindle
