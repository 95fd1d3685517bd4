#pragma once
// Named people offered as contacts (RULES.md R5): "Pregunta por Ana", a name next to its role
// ("Tarun Singh | Director", "Managing Director Mr. Umesh Aggarwal"), a team card, a
// self-introduction ("Hi, I'm Christy"), a signature, a professional's credentials, a personal
// mailbox (ana@shop.es), Person structured data. Only where the shop speaks (main content and
// chrome): reviews, credits, bylines, forms and other companies' text are not contacts.
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// `brand`: folded words of the shop's name (og:site_name, the title's last segment): a "name"
// made only of them is the shop ("call Crystal Flow").
std::vector<model::PersonHit> find_people(const model::Page& page, std::string_view lang,
                                          const std::vector<model::EmailHit>& emails, const model::StructuredFacts& sd,
                                          const std::vector<std::string>& brand = {});

}  // namespace amable::site
