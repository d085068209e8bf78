// The spindle module: Spindle's own extensions. spindle.atomic() gives a block
// the GIL's guarantee on demand: while it runs no other thread executes Python
// code (vm/world.h stops them at safe points); blocks nest per thread.
#include "objects/args.h"
#include "objects/exception.h"
#include "objects/module.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "vm/world.h"

namespace spindle {

namespace {

Type atomic_type;

Value atomic_new(Type* type, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("atomic", nargs, kwnames)) return Value();
  return Value(alloc_instance<Object>(type));
}

Value atomic_enter(Value self, const Value*, size_t, Tuple*) {
  atomic_block_enter();
  return self;
}

Value atomic_exit(Value, const Value*, size_t, Tuple*) {
  if (!in_atomic_block()) return raise(&exc::RuntimeError, "spindle.atomic: __exit__ outside an atomic block");
  atomic_block_exit();
  return None();
}

const MethodDef atomic_methods[] = {
    {"__enter__", atomic_enter, kMethodInstance, "Stop every other thread at a safe point; nested blocks just count."},
    {"__exit__", atomic_exit, kMethodInstance, "Leave the block; the outermost exit lets the other threads go on."},
    {nullptr}};

Value spindle_is_atomic(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("is_atomic", nargs, kwnames)) return Value();
  return Bool(in_atomic_block());
}

const MethodDef spindle_methods[] = {
    {"is_atomic", spindle_is_atomic, kMethodStatic, "Whether the calling thread is inside a spindle.atomic() block."},
    {nullptr}};

bool spindle_init(Module* m) {
  atomic_type.native_name = "spindle.atomic";
  atomic_type.doc =
      "atomic()\n--\n\nA context manager whose block runs as if no other thread executed Python code meanwhile.\n"
      "Blocking inside it on a lock that another thread holds raises RuntimeError instead of deadlocking.";
  atomic_type.instance_size = sizeof(Object);
  atomic_type.new_ = atomic_new;
  atomic_type.methods = atomic_methods;
  type_ready(&atomic_type);
  return module_add(m, "atomic", Value(&atomic_type)) >= 0;
}

}  // namespace

extern const ModuleDef spindle_native_module;
const ModuleDef spindle_native_module = {"spindle", "Spindle's extensions: atomic blocks.", spindle_methods, spindle_init};

}  // namespace spindle
