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

// The region (ISO 3166 code) of a number in E.164 form: "+541149325973" -> "AR"; "" if none.
std::string region_of_number(std::string_view e164);

// Reads again, in the shop's `country` first, the numbers written without their country code:
// "11-4932-5973" on an Argentine shop is Argentine even where Uruguay could read it. A labelled
// number that is complete only within its area there ("Tel. 4682-6128" in Buenos Aires) is
// kept as a local number with no E.164 form.
void resolve_in_country(std::vector<model::PhoneHit>& hits, std::string_view country);

// What makes two sightings the same number: the E.164 form, or the digits of a local one.
std::string phone_key(const model::PhoneHit& h);

// Regions to read national numbers in: the site's country-code domain, the region of
// <html lang> and og:locale, then the countries where the language's shops are.
std::vector<std::string> phone_regions(std::string_view tld_region, std::string_view lang_tag, std::string_view og_locale,
                                       std::string_view lang);

}  // namespace amable::site
