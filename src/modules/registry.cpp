// The native modules compiled into Spindle.
#include "objects/module.h"

namespace spindle {

extern const ModuleDef atexit_module, thread_module, gc_module, itertools_module, collections_module, weakref_module;

void register_native_modules() {
  for (const ModuleDef* def : {&atexit_module, &thread_module, &gc_module, &itertools_module, &collections_module, &weakref_module}) register_native_module(def);
}

}  // namespace spindle
