#pragma once
// Address shapes that need no English or Spanish street word (site/addresses.cpp uses them):
// strong postal codes (Irish Eircode, UK and Canadian postcodes, US state + ZIP, Argentine
// CPA), Latin American grid addresses ("Calle 51a Sur #81i-53"), landmark addresses ("Av. José
// Agustín Arango, diagonal al Tabernáculo") and theme placeholders told by their shape.
#include <optional>
#include <string_view>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"

namespace amable::site {

struct TextSpan {
  size_t begin = 0, end = 0;  // bytes
};

// A postal code whose shape names its country: "P61 EP80", "DY2 0NH", "V5J 5K3", "TX 77060",
// "C1213BYD". Spanish or Mexican five-digit codes are not strong: any number looks like one.
std::optional<TextSpan> strong_postal_code(std::string_view s);

// "Calle 51a Sur #81i-53", "Carrera 7 No. 32-16", "Av. 6 de Diciembre N34-120": a street word,
// its number, then the door's number after "#", "No." or "N°".
std::optional<TextSpan> grid_address(const text::Tokens& t, const text::PhraseSet& street, std::string_view lang);

// "Av. José Agustín Arango, diagonal al Tabernáculo de la Fé": a street word and a capitalised
// name, then a landmark direction ("diagonal a", "frente a", "opposite", "next to").
std::optional<TextSpan> landmark_address(const text::Tokens& t, const text::PhraseSet& street,
                                         const text::PhraseSet& landmarks, std::string_view lang);

// A house number that counts (123, 1234, 12345): a theme's sample address when the page also
// shows sample contact data (a 555 number, an example.com address).
bool counting_house_number(std::string_view address);

}  // namespace amable::site
