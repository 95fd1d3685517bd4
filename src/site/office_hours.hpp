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

// Exposed for tests: "L-V", "Mo - Fr"... (a hand-written regex), and the cheap test that
// rules out text where no time range can be.
bool short_day_range(std::string_view s);
bool may_hold_time_range(std::string_view s);

}  // namespace amable::site
