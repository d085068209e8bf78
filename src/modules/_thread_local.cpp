// _thread._local: an object whose attributes are per thread.
//
// Ownership follows CPython's: the local object owns every thread's
// attribute dict (a Dict keyed by thread ident, read without a lock), so a
// cycle through a local's attributes is collectable; a thread only remembers,
// through weak links, which locals it has a dict in, to drop those dicts when
// it ends.
#include "modules/_thread_local.h"

#include <algorithm>

#include "gc/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/thread_state.h"

namespace spindle {

Type local_type;

namespace {

struct LocalObject : Object {
  Dict* dicts;  // thread ident -> that thread's attribute dict
  // The constructor's arguments, for __init__ in each new thread: positional
  // values then keyword values, and the keywords' names (null: none).
  Tuple* init_args;
  Tuple* init_kwnames;
};

// A local the thread has a dict in; `local` is a hidden weak link.
struct LocalLink {
  uintptr_t local;
  LocalLink* next;
};

// ThreadState::thread_local_data: touched only by its own thread.
struct ThreadLocals {
  LocalLink* head;
  int64_t count;
  int64_t prune_at;  // drop links to collected locals when count reaches this
};

constexpr int64_t kMinPrune = 64;

Value thread_key(ThreadState* t) { return Value::from_small_int(int64_t(t->ident)); }

bool has_custom_init(Type* t) { return t->init != object_type.init; }

void prune_dead_links(ThreadLocals* locals) {
  LocalLink** p = &locals->head;
  locals->count = 0;
  while (LocalLink* link = *p) {
    if (gc::read_hidden_weak_link(&link->local)) {
      locals->count++;
      p = &link->next;
    } else {
      *p = link->next;
    }
  }
  locals->prune_at = std::max(kMinPrune, 2 * locals->count);
}

void remember_local(ThreadState* t, LocalObject* self) {
  auto* locals = static_cast<ThreadLocals*>(t->thread_local_data);
  if (!locals) {
    locals = gc::make<ThreadLocals>();
    locals->prune_at = kMinPrune;
    t->thread_local_data = locals;
  }
  if (locals->count >= locals->prune_at) prune_dead_links(locals);
  auto* link = gc::make<LocalLink>();
  gc::register_hidden_weak_link(&link->local, self);
  link->next = locals->head;
  locals->head = link;
  locals->count++;
}

// The calling thread's first use of `self`: a fresh dict, then __init__ run
// again with the constructor's arguments (the dict is dropped if it raises).
Dict* create_thread_dict(LocalObject* self, ThreadState* t, bool run_init) {
  Dict* d = dict_new();
  Value key = thread_key(t);
  if (dict_set(self->dicts, key, Value(d)) < 0) return nullptr;
  remember_local(t, self);
  Type* type = self->type;
  if (run_init && has_custom_init(type)) {
    Tuple* args = self->init_args;
    size_t nkw = self->init_kwnames ? size_t(self->init_kwnames->size) : 0;
    if (type->init(Value(self), args->items, size_t(args->size) - nkw, self->init_kwnames) < 0) {
      Value exc = fetch_error();
      if (dict_del(self->dicts, key) < 0) clear_error();
      restore_error(exc);
      return nullptr;
    }
  }
  return d;
}

Dict* thread_dict(LocalObject* self) {
  ThreadState* t = ts();
  if (Value d = dict_get(self->dicts, thread_key(t))) return d.as<Dict>();
  return create_thread_dict(self, t, true);
}

bool is_dict_name(Str* name) { return name == names::__dict__ || str_equals_ascii(name, "__dict__"); }

Value local_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwcount(kwnames);
  if (!has_custom_init(type) && nargs + nkw > 0)
    return raise(&exc::TypeError, "Initialization arguments are not supported");
  auto* self = alloc_instance<LocalObject>(type);
  self->dicts = dict_new();
  self->init_args = tuple_from_array(args, nargs + nkw);
  self->init_kwnames = nkw ? kwnames : nullptr;
  // The constructing thread's __init__ is the one the call itself runs.
  if (!create_thread_dict(self, ts(), false)) return Value();
  return Value(self);
}

Value local_getattr(Value self, Str* name) {
  Dict* d = thread_dict(self.as<LocalObject>());
  if (!d) return Value();
  if (is_dict_name(name)) return Value(d);
  if (self.as_object()->type == &local_type) {
    if (Value v = dict_get_str(d, name)) return v;
  }
  return generic_getattr_with_dict(self, name, d);
}

int local_setattr(Value self, Str* name, Value v) {
  Dict* d = thread_dict(self.as<LocalObject>());
  if (!d) return -1;
  if (is_dict_name(name)) {
    raise(&exc::AttributeError, "'%s' object attribute '%U' is read-only", type_name(self), name);
    return -1;
  }
  return generic_setattr_with_dict(self, name, v, d);
}

}  // namespace

void release_thread_locals(ThreadState* t) {
  auto* locals = static_cast<ThreadLocals*>(t->thread_local_data);
  if (!locals) return;
  t->thread_local_data = nullptr;
  Value key = thread_key(t);
  for (LocalLink* link = locals->head; link; link = link->next) {
    auto* local = static_cast<LocalObject*>(gc::read_hidden_weak_link(&link->local));
    if (!local) continue;
    if (dict_del(local->dicts, key) < 0) clear_error();
    gc::unregister_hidden_weak_link(&link->local);
  }
}

void local_type_ready() {
  local_type.native_name = "_thread._local";
  local_type.doc = "Thread-local data";
  local_type.instance_size = sizeof(LocalObject);
  local_type.flags = kTypeBaseType | kTypeWeakrefable;
  local_type.new_ = local_new;
  local_type.getattr = local_getattr;
  local_type.setattr = local_setattr;
  type_ready(&local_type);
}

}  // namespace spindle
