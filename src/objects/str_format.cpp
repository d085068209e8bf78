// str.format() and str.format_map(): PEP 3101 templates.
#include "objects/str_format.h"

#include "objects/args.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/unicode_db.h"

namespace spindle {

namespace {

// A run of decimal digits (any script) as an integer; -1 if the run is empty
// or holds a non-digit, -2 with ValueError pending when it overflows.
int64_t parse_index(Str* s, int64_t start, int64_t end) {
  if (start >= end) return -1;
  int64_t acc = 0;
  for (int64_t i = start; i < end; i++) {
    int d = unicode::decimal_value(s->at(i));
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      raise(&exc::ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

}  // namespace

// ------------------------------------------------------------------ template parsing

bool MarkupIterator::parse_field(MarkupItem* out) {
  // The field name ends at ':', '!' or '}'; brackets may hide those characters.
  uint32_t c = 0;
  out->name_start = pos_;
  while (pos_ < end_) {
    c = s_->at(pos_++);
    if (c == '{') {
      raise(&exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (pos_ < end_ && s_->at(pos_) != ']') pos_++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  out->name_end = pos_ - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (pos_ >= end_) {
        raise(&exc::ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      out->conversion = s_->at(pos_++);
      if (pos_ < end_) {
        c = s_->at(pos_++);
        if (c == '}') {
          out->spec_start = out->spec_end = pos_;
          return true;
        }
        if (c != ':') {
          raise(&exc::ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    out->spec_start = pos_;
    int depth = 1;
    while (pos_ < end_) {
      c = s_->at(pos_++);
      if (c == '{') {
        out->spec_needs_expanding = true;
        depth++;
      } else if (c == '}' && --depth == 0) {
        out->spec_end = pos_ - 1;
        return true;
      }
    }
    raise(&exc::ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    raise(&exc::ValueError, "expected '}' before end of string");
    return false;
  }
  out->spec_start = out->spec_end = pos_;
  return true;
}

int MarkupIterator::next(MarkupItem* out) {
  *out = MarkupItem();
  if (pos_ >= end_) return 0;
  int64_t start = pos_;
  // Literal text up to a brace; a doubled brace ends the literal after one copy of it.
  int64_t brace = -1;
  for (int64_t i = pos_; i < end_; i++) {
    uint32_t ch = s_->at(i);
    if (ch == '{' || ch == '}') {
      brace = i;
      break;
    }
  }
  if (brace < 0) {
    pos_ = end_;
    out->literal_start = start;
    out->literal_end = end_;
    return 1;
  }
  uint32_t c = s_->at(brace);
  pos_ = brace + 1;
  bool at_end = pos_ >= end_;
  if (c == '}' && (at_end || s_->at(pos_) != '}')) {
    raise(&exc::ValueError, "Single '}' encountered in format string");
    return -1;
  }
  if (at_end && c == '{') {
    raise(&exc::ValueError, "Single '{' encountered in format string");
    return -1;
  }
  out->literal_start = start;
  if (s_->at(pos_) == c) {
    // An escaped brace: the literal includes one of the pair.
    pos_++;
    out->literal_end = brace + 1;
    return 1;
  }
  out->literal_end = brace;
  out->field_present = true;
  return parse_field(out) ? 1 : -1;
}

int FieldNameIterator::next(bool* is_attribute, int64_t* index, int64_t* start, int64_t* end) {
  if (pos_ >= end_) return 0;
  uint32_t c = s_->at(pos_++);
  if (c == '.') {
    *is_attribute = true;
    *start = pos_;
    while (pos_ < end_ && s_->at(pos_) != '.' && s_->at(pos_) != '[') pos_++;
    *end = pos_;
    *index = -1;
  } else if (c == '[') {
    *is_attribute = false;
    *start = pos_;
    while (pos_ < end_ && s_->at(pos_) != ']') pos_++;
    if (pos_ >= end_) {
      raise(&exc::ValueError, "Missing ']' in format string");
      return -1;
    }
    *end = pos_++;
    *index = parse_index(s_, *start, *end);
    if (*index == -2) return -1;
  } else {
    raise(&exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return -1;
  }
  if (*start == *end) {
    raise(&exc::ValueError, "Empty attribute in format string");
    return -1;
  }
  return 1;
}

bool field_name_split(Str* s, int64_t start, int64_t end, int64_t* first_end, int64_t* first_index,
                      FieldNameIterator* rest, AutoNumber* auto_number) {
  int64_t i = start;
  while (i < end && s->at(i) != '.' && s->at(i) != '[') i++;
  *first_end = i;
  *rest = FieldNameIterator(s, i, end);
  *first_index = parse_index(s, start, i);
  if (*first_index == -2) return false;
  bool empty = i == start;
  if (auto_number && (empty || *first_index >= 0)) {
    if (auto_number->state == AutoNumber::Init) auto_number->state = empty ? AutoNumber::Auto : AutoNumber::Manual;
    if (auto_number->state == AutoNumber::Manual && empty) {
      raise(&exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
      return false;
    }
    if (auto_number->state == AutoNumber::Auto && !empty) {
      raise(&exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
      return false;
    }
    if (empty) *first_index = auto_number->next++;
  }
  return true;
}

// ------------------------------------------------------------------ rendering

namespace {

// Where the replacement fields take their values from: positional arguments
// (none for format_map) and a mapping for names (null when there is none).
struct FormatArgs {
  const Value* positional;
  int64_t npositional;
  bool has_positional;
  Value mapping;
};

Value field_object(Str* s, int64_t start, int64_t end, const FormatArgs& args, AutoNumber* auto_number) {
  int64_t first_end, index;
  FieldNameIterator rest;
  if (!field_name_split(s, start, end, &first_end, &index, &rest, auto_number)) return Value();
  Value obj;
  if (index < 0) {
    Str* key = str_substr(s, start, first_end);
    if (!args.mapping) return raise_value(exception_new(&exc::KeyError, tuple_pack({Value(key)})));
    obj = get_item(args.mapping, Value(key));
  } else {
    if (!args.has_positional) return raise(&exc::ValueError, "Format string contains positional fields");
    if (index >= args.npositional)
      return raise(&exc::IndexError, "Replacement index %lld out of range for positional args tuple", (long long)index);
    obj = args.positional[index];
  }
  if (!obj) return Value();
  bool is_attribute;
  int64_t part_index, part_start, part_end;
  int r;
  while ((r = rest.next(&is_attribute, &part_index, &part_start, &part_end)) == 1) {
    if (is_attribute) {
      obj = get_attr(obj, intern(str_substr(s, part_start, part_end)));
    } else if (part_index >= 0) {
      obj = get_item(obj, int_from_i64(part_index));
    } else {
      obj = get_item(obj, Value(str_substr(s, part_start, part_end)));
    }
    if (!obj) return Value();
  }
  return r < 0 ? Value() : obj;
}

Value convert_field(Value obj, uint32_t conversion) {
  switch (conversion) {
    case 'r': return repr(obj);
    case 's': return to_str(obj);
    case 'a': return ascii_repr(obj);
    default:
      if (conversion > 32 && conversion < 127)
        return raise(&exc::ValueError, "Unknown conversion specifier %c", int(conversion));
      return raise(&exc::ValueError, "Unknown conversion specifier \\x%x", unsigned(conversion));
  }
}

// format(obj, spec), calling the built-in formatters directly for the exact types.
Value render_field(Value obj, Str* spec) {
  if (is_str_exact(obj)) return format_str(obj, spec);
  if (is_int_exact(obj)) return format_int(obj, spec);
  if (obj.is_double()) return format_float(obj.as_double(), spec);
  if (is_type(obj, &complex_type)) return format_complex(obj.as<ComplexObject>()->real, obj.as<ComplexObject>()->imag, spec);
  return format(obj, Value(spec));
}

bool build_into(StrBuilder& out, Str* s, int64_t start, int64_t end, const FormatArgs& args, int depth,
                AutoNumber* auto_number);

Value build(Str* s, int64_t start, int64_t end, const FormatArgs& args, int depth, AutoNumber* auto_number) {
  StrBuilder out;
  if (!build_into(out, s, start, end, args, depth, auto_number)) return Value();
  return Value(out.finish());
}

bool build_into(StrBuilder& out, Str* s, int64_t start, int64_t end, const FormatArgs& args, int depth,
                AutoNumber* auto_number) {
  if (depth <= 0) {
    raise(&exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  MarkupIterator it(s, start, end);
  MarkupItem item;
  int r;
  while ((r = it.next(&item)) == 1) {
    out.append_substr(s, item.literal_start, item.literal_end);
    if (!item.field_present) continue;
    Value obj = field_object(s, item.name_start, item.name_end, args, auto_number);
    if (!obj) return false;
    if (item.conversion) {
      obj = convert_field(obj, item.conversion);
      if (!obj) return false;
    }
    Str* spec;
    if (item.spec_needs_expanding) {
      Value expanded = build(s, item.spec_start, item.spec_end, args, depth - 1, auto_number);
      if (!expanded) return false;
      spec = expanded.as<Str>();
    } else {
      spec = str_substr(s, item.spec_start, item.spec_end);  // the shared empty str when there is none
    }
    Value text = render_field(obj, spec);
    if (!text) return false;
    out.append(text.as<Str>());
  }
  return r == 0;
}

Value format_template(Value self, const FormatArgs& args) {
  Str* s = self.as<Str>();
  // A template without braces is its own result (the very object, as in CPython).
  if (str_find_char(s, '{', 0, s->length, false) < 0 && str_find_char(s, '}', 0, s->length, false) < 0) return self;
  AutoNumber auto_number;
  return build(s, 0, s->length, args, 2, &auto_number);
}

}  // namespace

Value str_format_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FormatArgs fa{args, int64_t(nargs), true, Value()};
  if (size_t nkw = kwcount(kwnames)) {
    Dict* kwargs = dict_new(int64_t(nkw));
    for (size_t i = 0; i < nkw; i++)
      if (dict_set(kwargs, kwnames->items[i], args[nargs + i]) < 0) return Value();
    fa.mapping = Value(kwargs);
  }
  return format_template(self, fa);
}

Value str_format_map(Value self, Value mapping) {
  return format_template(self, FormatArgs{nullptr, 0, false, mapping});
}

}  // namespace spindle
