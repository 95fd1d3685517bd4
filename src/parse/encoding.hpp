#pragma once
// Bytes of an HTML document -> UTF-8. Order of evidence, as browsers use it: a byte-order
// mark, the charset of the Content-Type header, a <meta charset> in the first bytes, then
// detection with uchardet. Conversion is done by iconv; bytes that do not decode become
// U+FFFD, never an error.
#include <string>
#include <string_view>

namespace amable::parse {

struct Decoded {
  std::string text;      // valid UTF-8, BOM removed (empty when `as_is` holds the text)
  std::string encoding;  // canonical name used: "UTF-8", "windows-1252", ...
  std::string source;    // "bom", "http", "meta", "detected", "default"
  bool had_invalid_bytes = false;
  // With `Copy::only_if_changed`, the input bytes themselves (BOM removed) when they already
  // were valid UTF-8 without NUL: most pages, which are then not copied (a page is read once
  // more by Gumbo anyway). Points into the caller's bytes.
  std::string_view as_is;
  bool is_as_is = false;
  // The decoded text, wherever it is.
  std::string_view utf8() const { return is_as_is ? as_is : std::string_view(text); }
};

enum class Copy { always, only_if_changed };
Decoded decode_html(std::string_view bytes, std::string_view http_charset = {}, Copy copy = Copy::always);

// The charset named in the first 4 KB of markup (<meta charset> or http-equiv), or "".
std::string prescan_meta_charset(std::string_view bytes);

// WHATWG label -> the name iconv knows ("latin1" -> "windows-1252"), or "" when unknown.
std::string canonical_encoding(std::string_view label);

// The charset parameter of a Content-Type header value, or "".
std::string charset_from_content_type(std::string_view content_type);

}  // namespace amable::parse
