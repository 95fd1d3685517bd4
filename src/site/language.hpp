#pragma once
// The language of a page (RULES.md §0.2): <html lang>, Content-Language, og:locale, then a
// stop-word vote on the text. When the text clearly contradicts the declaration, the text wins
// and the mismatch is reported.
#include <string>

#include "model/page.hpp"

namespace amable::site {

struct PageLanguage {
  std::string declared;  // primary subtag of the declaration ("es"), "" when none
  std::string detected;  // winner of the vote, "" when the text is too short or unclear
  std::string effective; // what rules use
  bool mismatch = false;
};

// `forced` (from --lang) overrides everything when not empty.
PageLanguage detect_language(const model::Page& page, const std::string& forced = {});

// "es-ES" -> "es", "EN_us" -> "en".
std::string primary_subtag(std::string_view tag);

}  // namespace amable::site
