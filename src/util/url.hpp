#pragma once
// URLs parsed and resolved with libcurl's URL API (curl_url), with the WHATWG clean-ups a
// browser applies to an href first (trimmed, tabs and newlines removed, "\" read as "/").
// Results are normalised: fragment dropped, scheme and host lower-cased, default port removed.
#include <optional>
#include <string>
#include <string_view>

namespace amable::url {

struct Parts {
  std::string scheme;  // "https"
  std::string host;    // "shop.example" (lower case, punycode)
  std::string port;    // "" for the scheme's default
  std::string path;    // "/a/b.html" (never empty for http)
  std::string query;   // without "?"; empty when none
};

// The scheme of an href, lower-cased, or "" for a relative reference ("mailto", "tel", ...).
std::string scheme_of(std::string_view href);

// Resolves `href` against the absolute URL `base`. nullopt when either cannot be parsed.
// Hrefs with a scheme other than http, https or file come back unchanged (mailto:, tel:).
std::optional<std::string> resolve(std::string_view base, std::string_view href);
// The same without the per-thread memo resolve() keeps (for tests that check the memo).
std::optional<std::string> resolve_uncached(std::string_view base, std::string_view href);

// Normalises an absolute URL; nullopt when it is not one.
std::optional<std::string> normalize(std::string_view absolute);

std::optional<Parts> parse(std::string_view absolute);

// The host of an absolute URL, or "".
std::string host_of(std::string_view absolute);

// The WHATWG pre-processing of an href: leading/trailing C0 controls and spaces trimmed,
// ASCII tab and newlines removed.
std::string clean_href(std::string_view href);

}  // namespace amable::url
