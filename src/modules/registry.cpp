// The native modules compiled into Spindle, one per line, alphabetical.
#include "objects/module.h"

namespace spindle {

extern const ModuleDef abc_module;
extern const ModuleDef array_module;
extern const ModuleDef ast_module;
extern const ModuleDef atexit_module;
extern const ModuleDef binascii_module;
extern const ModuleDef bisect_module;
extern const ModuleDef blake2_module;
extern const ModuleDef cmath_module;
extern const ModuleDef codecs_module;
extern const ModuleDef collections_module;
extern const ModuleDef contextvars_module;
extern const ModuleDef csv_module;
extern const ModuleDef errno_module;
extern const ModuleDef faulthandler_module;
extern const ModuleDef functools_module;
extern const ModuleDef gc_module;
extern const ModuleDef hashlib_native_module;
extern const ModuleDef heapq_module;
extern const ModuleDef imp_module;
extern const ModuleDef io_module;
extern const ModuleDef itertools_module;
extern const ModuleDef json_module;
extern const ModuleDef locale_module;
extern const ModuleDef marshal_module;
extern const ModuleDef math_module;
extern const ModuleDef md5_module;
extern const ModuleDef multiprocessing_module;
extern const ModuleDef operator_module;
extern const ModuleDef posix_module;
extern const ModuleDef posixshmem_module;
extern const ModuleDef posixsubprocess_module;
extern const ModuleDef queue_module;
extern const ModuleDef random_module;
extern const ModuleDef select_module;
extern const ModuleDef sha1_module;
extern const ModuleDef sha256_module;
extern const ModuleDef sha3_module;
extern const ModuleDef sha512_module;
extern const ModuleDef signal_module;
extern const ModuleDef socket_native_module;
extern const ModuleDef spindle_native_module;
extern const ModuleDef sre_module;
extern const ModuleDef stat_module;
extern const ModuleDef string_module;
extern const ModuleDef struct_module;
extern const ModuleDef thread_module;
extern const ModuleDef time_module;
extern const ModuleDef unicodedata_module;
extern const ModuleDef warnings_native_module;
extern const ModuleDef weakref_module;
extern const ModuleDef zlib_module;

void register_native_modules() {
  const ModuleDef* modules[] = {
      &abc_module,
      &array_module,
      &ast_module,
      &atexit_module,
      &binascii_module,
      &bisect_module,
      &blake2_module,
      &cmath_module,
      &codecs_module,
      &collections_module,
      &contextvars_module,
      &csv_module,
      &errno_module,
      &faulthandler_module,
      &functools_module,
      &gc_module,
      &hashlib_native_module,
      &heapq_module,
      &imp_module,
      &io_module,
      &itertools_module,
      &json_module,
      &locale_module,
      &marshal_module,
      &math_module,
      &md5_module,
      &multiprocessing_module,
      &operator_module,
      &posix_module,
      &posixshmem_module,
      &posixsubprocess_module,
      &queue_module,
      &random_module,
      &select_module,
      &sha1_module,
      &sha256_module,
      &sha3_module,
      &sha512_module,
      &signal_module,
      &socket_native_module,
      &spindle_native_module,
      &sre_module,
      &stat_module,
      &string_module,
      &struct_module,
      &thread_module,
      &time_module,
      &unicodedata_module,
      &warnings_native_module,
      &weakref_module,
      &zlib_module,
  };
  for (const ModuleDef* def : modules) register_native_module(def);
}

}  // namespace spindle
