// The unit tests' main: brings the runtime up once (collector, main thread
// state, built-in types and modules) before any test runs.
#include <gtest/gtest.h>

#include "vm/runtime.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  spindle::RuntimeConfig cfg;
  cfg.executable = "spindle_unit";
  cfg.has_path0 = false;
  if (!spindle::runtime_init(cfg)) return 2;
  return RUN_ALL_TESTS();
}
