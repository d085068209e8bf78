// Recursion detection for container reprs ([...] for a list containing
// itself), per thread, like CPython's Py_ReprEnter/Py_ReprLeave.
#pragma once
#include <vector>

#include "objects/value.h"

namespace spindle {

class ReprGuard {
 public:
  explicit ReprGuard(Value v) : bits_(v.bits()) {
    auto& active = stack();
    for (uint64_t b : active)
      if (b == bits_) {
        recursive_ = true;
        return;
      }
    active.push_back(bits_);
  }
  ~ReprGuard() {
    if (!recursive_) stack().pop_back();
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool recursive() const { return recursive_; }

 private:
  // Objects in reprs are also on the C stack, so raw bits here are safe.
  static std::vector<uint64_t>& stack() {
    thread_local std::vector<uint64_t> active;
    return active;
  }
  uint64_t bits_;
  bool recursive_ = false;
};

}  // namespace spindle
