#pragma once
// Office hours (RULES.md R4): a day expression and a time range ("Lunes a Sábado de 9 a 17",
// "Mon-Fri 9am-5pm"), or a time range under an hours label ("Horario de atención: 8 a 12hs."),
// not delivery slots or cut-off times; "24/7" is kept apart; structured openingHours.
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

std::vector<model::HoursHit> find_office_hours(const model::Page& page, std::string_view lang, bool contact_page,
                                               const model::StructuredFacts& sd);

}  // namespace amable::site
