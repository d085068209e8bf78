// The native modules compiled into Spindle.
#include "objects/module.h"

namespace spindle {

extern const ModuleDef atexit_module, binascii_module, imp_module, warnings_native_module, cmath_module, codecs_module,
    collections_module, contextvars_module, csv_module, errno_module, functools_module, gc_module, io_module, itertools_module,
    marshal_module, random_module, math_module, operator_module, posix_module, posixsubprocess_module, select_module, sha512_module, signal_module, sre_module, stat_module,
    string_module, struct_module, thread_module, time_module,
    unicodedata_module, weakref_module;

void register_native_modules() {
  const ModuleDef* modules[] = {
      &imp_module,
      &warnings_native_module,
      &atexit_module,
      &binascii_module,
      &cmath_module,
      &codecs_module,
      &collections_module,
      &contextvars_module,
      &csv_module,
      &errno_module,
      &functools_module,
      &gc_module,
      &io_module,
      &itertools_module,
      &marshal_module,
      &math_module,
      &operator_module,
      &posix_module,
      &posixsubprocess_module,
      &random_module,
      &select_module,
      &sha512_module,
      &signal_module,
      &sre_module,
      &stat_module,
      &string_module,
      &struct_module,
      &thread_module,
      &time_module,
      &unicodedata_module,
      &weakref_module,
  };
  for (const ModuleDef* def : modules) register_native_module(def);
}

}  // namespace spindle
