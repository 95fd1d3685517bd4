#pragma once
// Postal addresses (RULES.md R3): <address> and adr/h-card, a street with its number near a
// postal code, a locality or a country, text after an address label ("Dirección:",
// "con domicilio en"), strong postal codes (Argentine CPA), and structured data; trader ids
// (NIF/CIF, VAT, registry) and maps as supporting facts.
#include <optional>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

std::vector<model::AddressHit> find_addresses(const model::Page& page, std::string_view lang,
                                              const model::StructuredFacts& sd);
std::optional<model::Evidence> find_trader_id(const model::Page& page, std::string_view lang);
bool has_map(const model::Page& page);

}  // namespace amable::site
