// Parsing of str.format() templates, shared by str.format / format_map
// (str_format.cpp) and the _string module that string.Formatter builds on.
#pragma once
#include <string>

#include "objects/str.h"

namespace spindle {

// A float as text, as CPython's PyOS_double_to_string: code is one of
// e E f F g G r (repr), with a leading '-' for negative values (and -0.0).
enum FormatFlags : unsigned {
  kFormatAlt = 1,        // '#': keep the decimal point (and trailing zeros for g)
  kFormatAddDot0 = 2,    // integral values get ".0" (the format type '')
  kFormatNoNegZero = 4,  // 'z': a result that rounds to zero has no '-'
};
std::string format_double(double v, char code, int64_t precision, unsigned flags);

// One step through a template: literal text, then possibly a replacement field
// {name!conversion:spec}. Positions index the template string.
struct MarkupItem {
  int64_t literal_start = 0, literal_end = 0;
  bool field_present = false;
  int64_t name_start = 0, name_end = 0;
  int64_t spec_start = 0, spec_end = 0;
  bool spec_needs_expanding = false;  // the spec holds nested {fields}
  uint32_t conversion = 0;            // 'r', 's', 'a', ... or 0 for none
};

class MarkupIterator {
 public:
  MarkupIterator(Str* s, int64_t start, int64_t end) : s_(s), pos_(start), end_(end) {}
  // 1: *out holds the next item; 0: the end; -1: ValueError raised.
  int next(MarkupItem* out);
  bool at_end() const { return pos_ >= end_; }

 private:
  bool parse_field(MarkupItem* out);
  Str* s_;
  int64_t pos_, end_;
};

// The ".attr" and "[key]" parts after the first part of a field name.
class FieldNameIterator {
 public:
  FieldNameIterator() = default;
  FieldNameIterator(Str* s, int64_t start, int64_t end) : s_(s), pos_(start), end_(end) {}
  // 1: one part (*index >= 0 for an integer key, else the name is [*start, *end));
  // 0: the end; -1: ValueError raised.
  int next(bool* is_attribute, int64_t* index, int64_t* start, int64_t* end);

 private:
  Str* s_ = nullptr;
  int64_t pos_ = 0, end_ = 0;
};

// Automatic field numbering state of one format() call.
struct AutoNumber {
  enum State { Init, Auto, Manual } state = Init;
  int64_t next = 0;
};

// Splits a field name into its first part [start, *first_end) and the rest.
// *first_index is the first part as an integer, or -1 when it is not one (then
// it names a keyword); empty first parts are numbered through auto_number when
// given. False with ValueError pending on errors.
bool field_name_split(Str* s, int64_t start, int64_t end, int64_t* first_end, int64_t* first_index,
                      FieldNameIterator* rest, AutoNumber* auto_number);

}  // namespace spindle
