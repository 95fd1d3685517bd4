#pragma once
// One-person shops (crochet, illustration, pastry, a mobile craftsman) rarely write "ask for
// Bruce": the contact page says "leave me a message and I will get back to you", and another
// page is about the person ("Bruce's History", "About Megan"). Each page records both signs;
// the site joins them (site/site_facts.cpp): when the contact text speaks in the first person
// singular and the site is about exactly one person, that person is the contact.
#include <optional>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// People headings are about: "<Given name>'s …", "About <Given name>", "Sobre <Given name>".
std::vector<model::PersonHit> heading_subjects(const model::Page& page, std::string_view lang);

// A block of the page's own text that asks to be contacted in the first person singular
// ("I will get back to you", "escríbeme"), and says "I" more than "we".
std::optional<model::Evidence> first_person_contact(const model::Page& page, std::string_view lang);

}  // namespace amable::site
