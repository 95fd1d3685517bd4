#pragma once
// Snowball stems (libstemmer) for running-text matching.
#include <string>
#include <string_view>

namespace amable::text {

// The Snowball stem of a case-folded word in language `lang` ("en", "es", ...); the word
// itself when no stemmer exists for that language.
std::string stem(std::string_view lower_word, std::string_view lang);

}  // namespace amable::text
