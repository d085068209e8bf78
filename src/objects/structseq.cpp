// Struct sequences: named tuples implemented natively (sys.version_info,
// os.stat_result, time.struct_time, ...).
#include "objects/structseq.h"

#include <cstring>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle {

const char structseq_unnamed_field[] = "unnamed field";

namespace {

struct FieldGetter {
  int index;
};

int64_t type_count(Type* t, const char* key) {
  Value n = dict_get_str(t->dict, intern_cstr(key));
  return n ? n.as_small_int() : 0;
}

// The member table lists the named fields in order (unnamed ones have none).
Value structseq_repr(Value self) {
  Type* t = type_of(self);
  Tuple* tp = self.as<Tuple>();
  int64_t named = type_count(t, "n_fields") - type_count(t, "n_unnamed_fields");
  StrBuilder b;
  const char* native = t->native_name ? t->native_name : "?";
  b.append_utf8(native);
  b.append('(');
  for (int64_t i = 0; i < tp->size && i < named; i++) {
    if (i) b.append_ascii(", ");
    b.append_utf8(t->members[i].name);
    b.append('=');
    Value r = repr(tp->items[i]);
    if (!r) return Value();
    b.append(r.as<Str>());
  }
  b.append(')');
  return Value(b.finish());
}

// The fields past the visible ones (os.stat_result.st_atime, struct_time.tm_zone)
// are all named; their member entries come after those of the unnamed fields.
const char* hidden_field_name(Type* t, int64_t i) { return t->members[i - type_count(t, "n_unnamed_fields")].name; }

Value structseq_reduce(Value self, const Value*, size_t, Tuple*) {
  Tuple* tp = self.as<Tuple>();
  Type* t = type_of(self);
  Dict* hidden = dict_new();
  for (int64_t i = tp->size; i < type_count(t, "n_fields"); i++)
    if (dict_set_str(hidden, intern_cstr(hidden_field_name(t, i)), tp->items[i]) < 0) return Value();
  Value visible(tuple_from_array(tp->items, tp->size));
  return Value(tuple_pack({Value(t), Value(tuple_pack({visible, Value(hidden)}))}));
}

const MethodDef structseq_methods[] = {{"__reduce__", structseq_reduce, kMethodInstance, nullptr}, {nullptr}};

Value structseq_new_py(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const ArgSpec spec{"structseq", {"sequence", "dict"}, 1};
  if (!parse_args(spec, args, nargs, kwnames, a)) return Value();
  Value seq = tuple_from_iterable(a[0]);
  if (!seq) {
    if (error_matches(&exc::TypeError) && !type_of(a[0])->iter && !type_of(a[0])->getitem) {
      clear_error();
      raise(&exc::TypeError, "constructor requires a sequence");
    }
    return Value();
  }
  Value n_fields = dict_get_str(type->dict, intern_cstr("n_fields"));
  Value n_seq = dict_get_str(type->dict, intern_cstr("n_sequence_fields"));
  int64_t nf = n_fields ? n_fields.as_small_int() : seq.as<Tuple>()->size;
  int64_t ns = n_seq ? n_seq.as_small_int() : nf;
  int64_t len = seq.as<Tuple>()->size;
  if (len < ns) return raise(&exc::TypeError, "%s() takes an at least %lld-sequence (%lld-sequence given)",
                             type->native_name, (long long)ns, (long long)len);
  if (len > nf) return raise(&exc::TypeError, "%s() takes an at most %lld-sequence (%lld-sequence given)",
                             type->native_name, (long long)nf, (long long)len);
  Value hidden = a[1] && !is_none(a[1]) ? a[1] : Value();
  if (hidden && !is_dict(hidden))
    return raise(&exc::TypeError, "%s() takes a dict as second arg, if any", type->native_name);
  Tuple* items = tuple_new(nf);
  for (int64_t i = 0; i < nf; i++) {
    Value v = i < len ? seq.as<Tuple>()->items[i] : Value();
    if (!v && hidden && type->members) {
      v = dict_get(hidden.as<Dict>(), Value(intern_cstr(hidden_field_name(type, i))));
      if (!v && error_occurred()) return Value();
    }
    items->items[i] = v ? v : None();
  }
  Value r = tuple_subclass_new(type, items);
  if (r) r.as<Tuple>()->size = ns;  // only the sequence fields are visible as a tuple
  return r;
}

}  // namespace

Type* structseq_new_type(const StructSeqDesc& desc) {
  // Lives for the process, in scanned memory: it refers to collected objects.
  auto* t = new (gc::alloc_uncollectable(sizeof(Type))) Type();
  t->native_name = desc.name;
  t->base = &tuple_type;
  t->instance_size = sizeof(Tuple);
  t->itemsize = sizeof(Value);
  t->repr = structseq_repr;
  t->new_ = structseq_new_py;
  t->methods = structseq_methods;
  t->doc = desc.doc;
  int n = 0;
  while (desc.fields[n].name) n++;
  // Named fields are read by index through member descriptors over the inline items.
  auto* members = new MemberDef[size_t(n) + 1]();
  int named = 0;
  for (int i = 0; i < n; i++) {
    if (desc.fields[i].name == structseq_unnamed_field) continue;
    members[named].name = desc.fields[i].name;
    members[named].kind = MemberKind::ReadOnlyValue;
    members[named].offset = uint32_t(offsetof(Tuple, items) + sizeof(Value) * size_t(i));
    members[named].doc = desc.fields[i].doc;
    named++;
  }
  t->members = members;
  t->flags = kTypeTupleSubclass;
  type_ready(t);
  // Member offsets must not be shifted by the item count (fields live among the items).
  t->itemsize = 0;
  int visible = desc.n_in_sequence >= 0 ? desc.n_in_sequence : n;
  List* visible_names = list_new();
  for (int i = 0; i < visible; i++)
    if (desc.fields[i].name != structseq_unnamed_field)
      list_append(visible_names, Value(intern_cstr(desc.fields[i].name)));
  Tuple* match_args = list_snapshot(visible_names);
  dict_set_str(t->dict, intern_cstr("n_fields"), Value::from_small_int(n));
  dict_set_str(t->dict, intern_cstr("n_sequence_fields"), Value::from_small_int(visible));
  dict_set_str(t->dict, intern_cstr("n_unnamed_fields"), Value::from_small_int(n - named));
  dict_set_str(t->dict, intern_cstr("__match_args__"), Value(match_args));
  if (const char* dot = std::strrchr(desc.name, '.'))
    dict_set_str(t->dict, names::__module__, Value(str_from_utf8(desc.name, size_t(dot - desc.name))));
  return t;
}

Value structseq_make(Type* t, const Value* values, int64_t n, int64_t n_visible) {
  Tuple* items = tuple_from_array(values, n);
  Value r = tuple_subclass_new(t, items);
  if (r) r.as<Tuple>()->size = n_visible >= 0 ? n_visible : n;
  return r;
}

}  // namespace spindle
