// The interpreter's out-of-line operations: everything an instruction does
// beyond its fast path. Each returns the error convention of object.h.
#pragma once
#include <atomic>

#include "objects/object.h"

namespace spindle {

struct Code;
struct Dict;
struct Frame;
struct List;
struct Str;

namespace ops {

Value load_name(Frame* f, Str* name);
int store_name(Frame* f, Str* name, Value v);
int delete_name(Frame* f, Str* name);

// Globals and builtins through the instruction's cache slot.
Value load_global_cached(Frame* f, Str* name, std::atomic<void*>* cache);
void load_global_failed(Frame* f, Str* name);  // raises NameError (or the lookup's error)

Value load_attr_cached(Value obj, Str* name, std::atomic<void*>* cache);
// Sets *meth; returns true when it is an unbound method to be called with obj prepended.
bool load_method_cached(Value obj, Str* name, std::atomic<void*>* cache, Value* meth);
int store_attr_cached(Value obj, Str* name, Value v, std::atomic<void*>* cache);

Value call_function_ex(Value callable, Value args, Value kwargs);
bool list_extend_unpack(List* l, Value iterable);
bool dict_update_unpack(Dict* d, Value mapping);
bool dict_merge_kwargs(Dict* d, Value mapping, Value callable);
// Unpacks into out (last item first, as the stack wants them); with_star >= 0
// gives the count after the starred target.
bool unpack_iterable(Value seq, uint32_t before, int with_star, Value* out);
// next() for the builtin iterators the loop sees most; null if not one of them
// or exhausted (the slow path then decides).
Value fast_iter_next(Value it);

// raise / raise exc / raise exc from cause. Returns true for a bare re-raise.
bool do_raise(Value exc, Value cause);
int exception_matches(Value exc, Value type);
bool exception_group_match(Value eg, Value type, Value* match, Value* rest);
Value prep_reraise_star(Value orig, Value raised_list);
bool enter_context(Value mgr, bool is_async, Value* exit_fn, Value* result);
Value call_exit(Value exit_fn, Value exc);

Value make_function(Code* code, Frame* f, Value defaults, Value kwdefaults, Value annotations, Value closure);
Value import_name_op(Frame* f, Str* name, Value fromlist, Value level);
Value import_from(Value module, Str* name);
bool import_star(Frame* f, Value module);
bool setup_annotations(Frame* f);
Value format_value(Value v, uint32_t conversion, Value spec);
bool print_expr(Value v);

Value send(Value sub, Value v, bool* done);
Value get_yield_from_iter(Value v, Code* code);
Value get_awaitable(Value v, int where);
Value get_aiter(Value v);
Value get_anext(Value aiter);
Value async_gen_wrap(Value v);
Value match_keys(Value subject, Value keys);
Value match_class(Value subject, Value cls, uint32_t nargs, Value kw_names);

}  // namespace ops
}  // namespace spindle
