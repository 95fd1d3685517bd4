#pragma once
// Text statistics of a page's main content: whose point of view it takes (RULES.md R14) and
// how readable it is (R15). Chrome, testimonials, reviews, cookie banners, link lists and
// buttons are left out; they are not the shop speaking to its visitor.
#include <string>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// `brand`: words of the shop's name (they count as the company speaking of itself).
model::CopyFacts count_perspective(const model::Page& page, std::string_view lang);
model::ReadabilityFacts measure_readability(const model::Page& page, std::string_view lang);

// Readability scores: Flesch (English), Szigriszt-Pazos / INFLESZ (Spanish).
double flesch(double words, double sentences, double syllables);
double szigriszt_pazos(double words, double sentences, double syllables);

}  // namespace amable::site
