#pragma once
// Named people offered as contacts (RULES.md R5): "Pregunta por Ana", a name with a role on a
// team or about page, a signed letter on the contact page, a personal mailbox (ana@shop.es),
// Person structured data. Testimonials, reviews and form labels are not contacts.
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

std::vector<model::PersonHit> find_people(const model::Page& page, std::string_view lang,
                                          const std::vector<model::EmailHit>& emails, const model::StructuredFacts& sd);

// Is the word a common given name (English or Spanish)? Case and accents are ignored.
bool is_given_name(std::string_view word);

}  // namespace amable::site
