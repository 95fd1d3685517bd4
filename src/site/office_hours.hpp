#pragma once
// Office hours (RULES.md R4): a day expression and a time range ("Lunes a Sábado de 9 a 17",
// "Mon-Fri 9am-5pm"), or a time range under an hours label ("Horario de atención: 8 a 12hs."),
// not delivery slots or cut-off times; "24/7" is kept apart; structured openingHours.
#include <optional>
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

// The first time range in `s` ("9:00 - 18:00", "8 a. m. hasta 6 p. m."): the match of
// office_hours.cpp's range regex over the whole text, found by running it on small windows.
struct TimeRangeMatch {
  size_t pos = 0, length = 0;  // of the whole match, in `s`
  std::string_view from, to;   // the two times, as views into `s`
};
std::optional<TimeRangeMatch> find_time_range(std::string_view s);

}  // namespace amable::site
