// Unicode character names, for "\N{...}" escapes, the namereplace error
// handler and the unicodedata module.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace spindle {

// Looks up a character by its Unicode name or alias, case-insensitively as
// "\N{...}" does. Returns false if there is no such name.
bool unicode_lookup_name(std::string_view name, uint32_t* cp);

// The name of cp (Unicode 14.0) for the namereplace error handler: as
// unicodedata.name(), but like CPython's handler it also names the private
// code points CPython stores aliases and named sequences under. False if none.
bool unicode_char_name(uint32_t cp, std::string* out);

namespace ucd {

constexpr size_t kMaxNamedSequence = 4;

// unicodedata.lookup(): the code points named `name` (one, or several for a
// named sequence when with_sequences) into out; returns their count, 0 if the
// name is unknown. Under Unicode 3.2.0 there are no aliases or named sequences.
size_t lookup_name(std::string_view name, bool ucd_3_2_0, bool with_sequences, uint32_t* out);

// unicodedata.name(): false if cp has no name (in Unicode 3.2.0 if ucd_3_2_0).
bool char_name(uint32_t cp, bool ucd_3_2_0, std::string* out);

}  // namespace ucd
}  // namespace spindle
