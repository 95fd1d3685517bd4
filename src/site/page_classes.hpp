#pragma once
// Page classes (RULES.md §0.1) from a page's URL, title and h1, and from the text of links
// that point at it, with the key-pages lexicons of each language.
#include <cstdint>
#include <string_view>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// Classes named by a short label: link text, a title segment, an h1. Long texts name none
// (a sentence that mentions returns is not a link to the returns page).
uint16_t classes_from_label(std::string_view label, std::string_view lang);

// Classes named by the path (and query values) of a page key or URL.
uint16_t classes_from_path(std::string_view key_or_url, std::string_view lang);

// Classes from the page's own URL, title and first h1, plus product/category/cart signals.
uint16_t own_classes(const model::Page& page, std::string_view lang, const model::StructuredFacts& sd);

}  // namespace amable::site
