// The table of native modules, imported by name before sys.path is searched.
#include "objects/module.h"

namespace spindle {

extern const ModuleDef atexit_module, cmath_module, codecs_module, gc_module, io_module, math_module, string_module,
    thread_module, unicodedata_module;

void register_native_modules() {
  const ModuleDef* modules[] = {
      &atexit_module,
      &cmath_module,
      &codecs_module,
      &gc_module,
      &io_module,
      &math_module,
      &string_module,
      &thread_module,
      &unicodedata_module,
  };
  for (const ModuleDef* def : modules) register_native_module(def);
}

}  // namespace spindle
