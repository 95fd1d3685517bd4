#pragma once
// Quotes for evidence: at most 200 characters of the page's own text around a match, cut at
// word boundaries, so that a person can search for it on the page.
#include <string>
#include <string_view>

namespace amable::site {

inline constexpr size_t k_snippet_chars = 200;

// The text around bytes [begin, end) of `text`, at most `max_chars` characters.
std::string snippet_around(std::string_view text, size_t begin, size_t end,
                           size_t max_chars = k_snippet_chars);
// The start of `text`, at most `max_chars` characters.
std::string snippet_of(std::string_view text, size_t max_chars = k_snippet_chars);

}  // namespace amable::site
