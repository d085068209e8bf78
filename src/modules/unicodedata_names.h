// Unicode character names, for "\N{...}" escapes in string literals and for
// the unicodedata module.
#pragma once
#include <cstdint>
#include <string_view>

namespace spindle {

// Looks up a character by its Unicode name (or alias), case-insensitively as
// unicodedata.lookup() does. Returns false if there is no such name.
bool unicode_lookup_name(std::string_view name, uint32_t* cp);

}  // namespace spindle
