#pragma once
// Resolution of plain relative hrefs by hand (RFC 3986 §5.2), without libcurl.
//
// A product grid links to twenty products a page, each page to others: such links rarely repeat,
// so the resolution memo misses them and each cost four libcurl parses (the base, the href, and
// the result normalised twice), 4 % of a link-heavy page's audit. Hrefs made only of letters,
// digits, "-._~" and "/" ("p/1.html", "../c/c-3.html", "/cart") need none of the WHATWG
// clean-ups or encodings libcurl applies: their result is the base's directory (or origin) and
// the href with its dot segments removed. Anything else returns nullopt and goes to libcurl.
// tests/util/test_url_plain.cpp checks every answer against libcurl's on generated pairs.
#include <optional>
#include <string>
#include <string_view>

namespace amable::url {

// `base` must be a normalised http(s) or file URL (url::normalize's output; a site read from
// disk has file:///... pages).
std::optional<std::string> resolve_plain(std::string_view base, std::string_view href);

// The path of an http(s) or file URL that url::parse would give (with an empty query), read off the
// text when the host, port and path are plain (no escapes, no query, no dot or empty segments,
// which libcurl would rewrite); nullopt otherwise.
std::optional<std::string_view> plain_path(std::string_view url);

// RFC 3986 §5.2.4, on a path that starts with "/".
std::string remove_dot_segments(std::string_view path);

}  // namespace amable::url
