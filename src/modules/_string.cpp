// The _string module: the template parsing of str.format() exposed for
// string.Formatter (formatter_parser, formatter_field_name_split).
#include <mutex>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/str_format.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "threads/mutex.h"

namespace spindle {

namespace {

Type formatter_iterator_type, field_name_iterator_type;

// Iterates (literal, field_name, format_spec, conversion) over a template.
// The parsers advance under the object's lock (iterators may be shared
// between threads); the items are built from the positions afterwards.
struct FormatterIterator : Object {
  Mutex lock;
  Str* str;
  MarkupIterator* markup;
};

struct FieldNameIteratorObject : Object {
  Mutex lock;
  Str* str;
  FieldNameIterator* rest;
};

Value iter_self(Value self) { return self; }

Value formatter_iterator_next(Value self) {
  auto* it = self.as<FormatterIterator>();
  MarkupItem item;
  int r;
  {
    LockGuard guard(it->lock);
    r = it->markup->next(&item);
  }
  if (r <= 0) return Value();
  Str* s = it->str;
  Value literal(str_substr(s, item.literal_start, item.literal_end));
  Value name = None(), spec = None(), conversion = None();
  if (item.field_present) {
    name = Value(str_substr(s, item.name_start, item.name_end));
    spec = Value(str_substr(s, item.spec_start, item.spec_end));
    if (item.conversion) conversion = Value(str_from_char(item.conversion));
  }
  return Value(tuple_pack({literal, name, spec, conversion}));
}

Value field_name_iterator_next(Value self) {
  auto* it = self.as<FieldNameIteratorObject>();
  bool is_attribute;
  int64_t index, start, end;
  int r;
  {
    LockGuard guard(it->lock);
    r = it->rest->next(&is_attribute, &index, &start, &end);
  }
  if (r <= 0) return Value();
  Value key = index >= 0 ? int_from_i64(index) : Value(str_substr(it->str, start, end));
  return Value(tuple_pack({Bool(is_attribute), key}));
}

Value formatter_parser(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_string.formatter_parser", kwnames) || !check_nargs("_string.formatter_parser", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "expected str, got %s", type_name(args[0]));
  Str* s = args[0].as<Str>();
  auto* it = alloc_instance<FormatterIterator>(&formatter_iterator_type);
  it->str = s;
  void* mem = gc::alloc(sizeof(MarkupIterator));
  it->markup = new (mem) MarkupIterator(s, 0, s->length);
  return Value(it);
}

Value formatter_field_name_split(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_string.formatter_field_name_split", kwnames) ||
      !check_nargs("_string.formatter_field_name_split", nargs, 1, 1))
    return Value();
  if (!is_str(args[0])) return raise(&exc::TypeError, "expected str, got %s", type_name(args[0]));
  Str* s = args[0].as<Str>();
  auto* it = alloc_instance<FieldNameIteratorObject>(&field_name_iterator_type);
  it->str = s;
  void* mem = gc::alloc(sizeof(FieldNameIterator));
  it->rest = new (mem) FieldNameIterator();
  int64_t first_end, first_index;
  if (!field_name_split(s, 0, s->length, &first_end, &first_index, it->rest, nullptr)) return Value();
  Value first = first_index >= 0 ? int_from_i64(first_index) : Value(str_substr(s, 0, first_end));
  return Value(tuple_pack({first, Value(it)}));
}

const MethodDef string_methods[] = {
    {"formatter_field_name_split", formatter_field_name_split, kMethodStatic,
     "split the argument as a field name"},
    {"formatter_parser", formatter_parser, kMethodStatic,
     "parse the argument as a format string"},
    {nullptr}};

void init_iterator_types() {
  formatter_iterator_type.native_name = "formatteriterator";
  formatter_iterator_type.instance_size = sizeof(FormatterIterator);
  formatter_iterator_type.iter = iter_self;
  formatter_iterator_type.next = formatter_iterator_next;
  formatter_iterator_type.flags = kTypeDisallowInstantiation;
  type_ready(&formatter_iterator_type);
  field_name_iterator_type.native_name = "fieldnameiterator";
  field_name_iterator_type.instance_size = sizeof(FieldNameIteratorObject);
  field_name_iterator_type.iter = iter_self;
  field_name_iterator_type.next = field_name_iterator_next;
  field_name_iterator_type.flags = kTypeDisallowInstantiation;
  type_ready(&field_name_iterator_type);
}

bool string_init(Module*) {
  static std::once_flag once;
  std::call_once(once, init_iterator_types);
  return true;
}

}  // namespace

extern const ModuleDef string_module = {"_string", "string helper module", string_methods, string_init};

}  // namespace spindle
