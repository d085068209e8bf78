// Placeholder until the Unicode name table lands: no names are known yet, so
// "\N{...}" escapes are reported as unknown names.
#include "modules/unicodedata_names.h"

namespace spindle {

bool unicode_lookup_name(std::string_view, uint32_t*) { return false; }

}  // namespace spindle
