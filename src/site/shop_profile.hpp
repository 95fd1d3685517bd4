#pragma once
// The shop's country and jurisdiction, inferred once per site from every page's signals: the
// domain's country code, structured data (addressCountry), numbers written with their country
// code (+54 …, wa.me links), country names and postal-code shapes in addresses, currency,
// e-mail domains, and the region of <html lang>. Phone numbers are read in that country first;
// laws, ids and examples in the report follow its jurisdiction (README "Shop profile").
#include <string>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"
#include "model/site.hpp"

namespace amable::site {

// A country code ("AR") for a country's name in any listed language ("Argentina", "México"),
// or "" when none is known.
std::string country_of_name(std::string_view name);

// The country of a host's domain: "shop.es" -> "ES", "tienda.com.ar" -> "AR", "shop.co.uk" ->
// "GB". Country codes sold as generic names (.io, .co, .me, .tv...) say nothing.
std::string country_of_host(std::string_view host);

// What one page says about the shop's country (its facts must hold e-mails, phones, addresses
// and structured data). `tld_country`: the country of the site's domain, if any.
std::vector<model::CountryVote> country_votes(const model::Page& page, const model::PageFacts& facts,
                                              std::string_view tld_country);

// The page's own best guess, or "" when its signals are too weak.
std::string page_country(const std::vector<model::CountryVote>& votes);

// Joins the pages' votes (the home page counts double) into the site's profile.
model::ShopProfile infer_profile(const model::Site& site);

// EU (Spain apart: "es"), "uk-ie", "us", "latam" or "neutral" for a country code.
std::string jurisdiction_of(std::string_view country);

}  // namespace amable::site
