#include "modules/hash_support.h"

#include <string>

#include "objects/exception.h"
#include "objects/str.h"

namespace spindle {

bool hash_input(Value data, BufferView* view) {
  if (is_str(data)) {
    raise(&exc::TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (get_buffer(data, view)) return true;
  clear_error();
  raise(&exc::TypeError, "object supporting the buffer API required");
  return false;
}

Value hex_digest(const uint8_t* digest, size_t n) {
  static const char hex[] = "0123456789abcdef";
  std::string text(2 * n, '\0');
  for (size_t i = 0; i < n; i++) {
    text[2 * i] = hex[digest[i] >> 4];
    text[2 * i + 1] = hex[digest[i] & 15];
  }
  return Value(str_from_ascii(text));
}

}  // namespace spindle
