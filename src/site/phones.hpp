#pragma once
// Phone numbers on a page (RULES.md R2): tel: links, WhatsApp links, visible text through
// libphonenumber's PhoneNumberMatcher (run only on spans of 7+ digits, as it is slow), and
// structured data. Guards drop SKUs, prices, order numbers and theme placeholders.
#include <string>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

struct PhoneOptions {
  std::vector<std::string> regions;  // tried in order: "ES", "MX", ...
  bool contact_page = false;         // digits on a contact page need no label
};

std::vector<model::PhoneHit> find_phones(const model::Page& page, std::string_view lang, const PhoneOptions& options,
                                         const model::StructuredFacts& sd);

// Joins a second sighting of a number into the first (flags, visible evidence, kind).
void merge_phone(model::PhoneHit& into, const model::PhoneHit& h);

// Regions to read national numbers in: the site's country-code domain, the region of
// <html lang> and og:locale, then the countries where the language's shops are.
std::vector<std::string> phone_regions(std::string_view tld_region, std::string_view lang_tag, std::string_view og_locale,
                                       std::string_view lang);

}  // namespace amable::site
