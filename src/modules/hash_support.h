// Helpers shared by the hash modules (_hashlib, _blake2, _sha512).
#pragma once
#include <cstddef>
#include <cstdint>

#include "objects/bytes.h"
#include "objects/object.h"

namespace spindle {

// The data argument of a hash constructor or update(): any bytes-like object.
// str raises TypeError "Strings must be encoded before hashing", other
// non-buffers "object supporting the buffer API required", as in CPython.
bool hash_input(Value data, BufferView* view);

// hexdigest(): lowercase hex text of a digest.
Value hex_digest(const uint8_t* digest, size_t n);

}  // namespace spindle
