// Text codecs: the encodings built into the runtime (UTF-8, UTF-16, UTF-32,
// Latin-1, ASCII, charmap, the escape codecs) with the standard error
// handlers, and the codec registry behind codecs.register/codecs.lookup.
// str.encode, bytes.decode, TextIOWrapper and the _codecs module share them.
#pragma once
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace spindle {

struct Str;
class StrBuilder;

// The encodings with native encoders and decoders, by codec name.
enum class NativeEncoding : uint8_t { None, Utf8, Ascii, Latin1, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE };
// The native encoding an encoding name ("UTF-8", "latin_1", "u8", ...) denotes, or None.
NativeEncoding native_encoding_of(Value name);

// All functions below return false (or null) with an exception pending on
// failure. `errors` names the error handler; null means "strict".

// Encoders append to *out. For UTF-16/32, byteorder is -1 (little), 1 (big) or
// 0 (native order after a BOM).
bool encode_native(NativeEncoding e, Str* s, Str* errors, std::string* out);
bool encode_utf16(Str* s, Str* errors, int byteorder, std::string* out);
bool encode_utf32(Str* s, Str* errors, int byteorder, std::string* out);
bool encode_utf7(Str* s, std::string* out);
bool encode_unicode_escape(Str* s, bool raw, std::string* out);
// mapping: None (Latin-1), an EncodingMap from charmap_build, or any mapping of ordinals.
bool encode_charmap(Str* s, Str* errors, Value mapping, std::string* out);

// Decoders append to *out. When `final` is false an incomplete sequence at the
// end is left undecoded; *consumed is the number of bytes used.
bool decode_native(NativeEncoding e, const uint8_t* p, size_t n, Str* errors, bool final, StrBuilder* out,
                   size_t* consumed);
// The same, returning the decoded text (fast for ASCII input).
Str* decode_native_str(NativeEncoding e, const uint8_t* p, size_t n, Str* errors, bool final, size_t* consumed);
// *byteorder: 0 detects a BOM (and is updated to what was found), -1 little, 1 big.
bool decode_utf16(const uint8_t* p, size_t n, Str* errors, int* byteorder, bool final, StrBuilder* out,
                  size_t* consumed);
bool decode_utf32(const uint8_t* p, size_t n, Str* errors, int* byteorder, bool final, StrBuilder* out,
                  size_t* consumed);
bool decode_utf7(const uint8_t* p, size_t n, Str* errors, bool final, StrBuilder* out, size_t* consumed);
bool decode_unicode_escape(const uint8_t* p, size_t n, Str* errors, bool raw, bool final, StrBuilder* out,
                           size_t* consumed);
// mapping: None (Latin-1), a str decoding table, or any mapping of byte values.
bool decode_charmap(const uint8_t* p, size_t n, Str* errors, Value mapping, StrBuilder* out);

// charmap_build(decoding_table): the EncodingMap for encode_charmap (or a dict
// for tables that do not fit one). The EncodingMap type is readied by _codecs.
Value charmap_build(Str* decoding_table);
void init_codecs_types();

// ---- the codec registry ----
// codecs.register(search_function) / codecs.unregister.
bool codec_register(Value search_function);
bool codec_unregister(Value search_function);
// codecs.lookup(encoding): the CodecInfo (LookupError "unknown encoding: x").
Value codec_lookup(Value encoding);
// As codec_lookup, refusing codecs that are not text encodings ("... use <alternate> to handle arbitrary codecs").
Value codec_lookup_text(Value encoding, const char* alternate);
void codec_forget(Value encoding);
// codecs.encode(obj, encoding, errors) / codecs.decode(...) through the registry.
Value codec_encode(Value obj, Value encoding, Value errors);
Value codec_decode(Value obj, Value encoding, Value errors);
// codecs.register_error / codecs.lookup_error.
bool codec_register_error(Str* name, Value handler);
Value codec_lookup_error(Str* name);

}  // namespace spindle
